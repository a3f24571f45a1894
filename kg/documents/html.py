"""HTML to main text plus title and date.

The main text comes from trafilatura (offline: `extract` is given markup, never a URL, so it fetches
nothing), which drops scripts, navigation, comments and boilerplate. When it finds nothing (very short
pages, pages without paragraphs) the text of <body> without script/style/nav/header/footer/aside is used.
Paragraphs are separated by a blank line, so the parser sees each one as its own block.
Title and date come from the page's own metadata, read with lxml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import normalise_date
from .fields import short_title

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Meta names/properties/itemprops that carry the publication date, most specific first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
)

# Elements that never hold the article's text.
_NON_CONTENT = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg")

# Elements after which the text breaks (the fallback's paragraph boundaries).
# fmt: off
_BLOCKS = (
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "main", "figure", "figcaption",
)
# fmt: on

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HtmlContent:
    """What a page contributes to a Document: its main text and the metadata it declares."""

    text: str
    title: str | None = None
    date: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag or XML declaration within its first 4 KiB, if any."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def extract_html(markup: str) -> HtmlContent:
    """The main text (paragraphs separated by blank lines), title and ISO date of an HTML page."""
    tree = _parse(markup)
    if tree is None:
        return HtmlContent("")
    title = _title(tree)
    date = _date(tree)
    text = _main_text(markup) or _body_text(tree)
    return HtmlContent(text=text, title=title, date=date)


def _parse(markup: str) -> HtmlElement | None:
    """The page as an lxml tree, or None when it holds no elements at all."""
    from lxml import etree
    from lxml.html import document_fromstring

    try:
        # lxml refuses str input that declares its encoding; the text is already decoded.
        return document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except etree.ParserError:
        return None


def _main_text(markup: str) -> str:
    """trafilatura's main text with paragraphs separated by blank lines ('' when it finds none)."""
    import trafilatura

    extracted = trafilatura.extract(
        markup,
        url=None,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    return _paragraphs(extracted or "")


def _body_text(tree: HtmlElement) -> str:
    """Text of <body> without non-content elements; block elements end paragraphs. Mutates `tree`."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.xpath(" | ".join(f".//{tag}" for tag in _NON_CONTENT)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    """Non-blank lines, whitespace runs collapsed, joined by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _meta(tree: HtmlElement) -> dict[str, str]:
    """Meta tag contents by lower-cased name, property or itemprop (first occurrence wins)."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def _title(tree: HtmlElement) -> str | None:
    """og:title, else <title>, else the first <h1>."""
    title = _meta(tree).get("og:title")
    if not title:
        element = tree.find(".//title")
        title = element.text_content() if element is not None else None
    if not (title and title.strip()):
        element = tree.find(".//h1")
        title = element.text_content() if element is not None else None
    return short_title(title)


def _date(tree: HtmlElement) -> str | None:
    """The publication date from meta tags, <time itemprop=datePublished> or JSON-LD, normalised to ISO."""
    meta = _meta(tree)
    for key in _DATE_KEYS:
        if meta.get(key):
            return normalise_date(meta[key])
    for value in tree.xpath('//time[@itemprop="datePublished"]/@datetime'):
        if str(value).strip():
            return normalise_date(str(value))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for value in _json_values(data, "datePublished"):
            return normalise_date(value)
    return None


def _json_values(data: object, key: str, depth: int = 0) -> Iterator[str]:
    """String values of `key` anywhere in a JSON-LD structure (bounded depth)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            yield value
        for child in data.values():
            yield from _json_values(child, key, depth + 1)
    elif isinstance(data, list):
        for child in data:
            yield from _json_values(child, key, depth + 1)
