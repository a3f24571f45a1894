"""HTML pages: main text only (no scripts, styles, navigation), title and date from the page's metadata."""

from __future__ import annotations

import socket
from typing import NoReturn

import pytest

from kg.documents.html import declared_charset, extract_html

PARAGRAPHS = (
    "The foreign ministers met in Geneva on Monday to discuss a framework for the talks.",
    "\u201cWe are ready to send observers,\u201d the spokeswoman told reporters after the meeting ended.",
    "Officials from eleven countries are expected to sign a joint statement later this week.",
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Geneva | The Daily Example</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2025-03-02T09:30:00Z">
<link rel="canonical" href="https://news.example.org/geneva">
<style>body {{ font-family: serif; }} .secret-style {{ color: red; }}</style>
<script>var trackingSecret = "do-not-index";</script>
</head><body>
<nav><a href="https://news.example.org/">Home</a>
<a href="https://news.example.org/world">World menu</a></nav>
<header><div class="masthead">The Daily Example masthead</div></header>
<article>
<h1>Ministers meet in Geneva</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<img src="https://cdn.example.org/photo.jpg" alt="photo">
<p>{PARAGRAPHS[2]}</p>
<script>document.write("injected script text");</script>
</article>
<aside>Most read: unrelated sidebar story</aside>
<footer>Copyright footer line</footer>
</body></html>"""

NON_CONTENT = ("trackingSecret", "secret-style", "World menu", "injected script text", "Copyright footer")


def test_main_text_keeps_paragraphs_and_drops_scripts_styles_navigation() -> None:
    content = extract_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in content.text
    for noise in NON_CONTENT:
        assert noise not in content.text
    # paragraphs stay separate blocks, in page order
    blocks = content.text.split("\n\n")
    positions = [blocks.index(paragraph) for paragraph in PARAGRAPHS]
    assert positions == sorted(positions)


def test_og_title_and_published_time_are_read() -> None:
    content = extract_html(PAGE)
    assert content.title == "Ministers meet in Geneva"
    assert content.date == "2025-03-02T09:30:00+00:00"


def test_title_falls_back_to_title_element_then_h1() -> None:
    body = f"<body><h1>Heading one</h1><p>{PARAGRAPHS[0]}</p></body>"
    with_title = extract_html(f"<html><head><title>  Page\n title </title></head>{body}</html>")
    assert with_title.title == "Page title"
    assert extract_html(f"<html>{body}</html>").title == "Heading one"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="date" content="2024-11-05">', "2024-11-05"),
        ('<meta name="pubdate" content="20241105">', "2024-11-05"),
        ('<meta itemprop="datePublished" content="November 5, 2024">', "2024-11-05"),
        (
            '<script type="application/ld+json">'
            '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
            '"datePublished": "2024-11-05T08:00:00+00:00"}]}</script>',
            "2024-11-05T08:00:00+00:00",
        ),
        ("", None),
    ],
)
def test_dates_from_meta_tags_and_json_ld(head: str, expected: str | None) -> None:
    page = f"<html><head>{head}</head><body><p>{PARAGRAPHS[0]}</p></body></html>"
    assert extract_html(page).date == expected


def test_time_element_with_date_published() -> None:
    time = '<time itemprop="datePublished" datetime="2024-11-05">Tue</time>'
    page = f"<html><body>{time}<p>{PARAGRAPHS[0]}</p>"
    assert extract_html(page).date == "2024-11-05"


def test_fallback_body_text_without_boilerplate_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    content = extract_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in content.text.split("\n\n")
    for noise in (*NON_CONTENT, "masthead", "unrelated sidebar"):
        assert noise not in content.text


def test_xhtml_with_xml_declaration_is_parsed() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>X page</title></head>'
        f"<body><p>{PARAGRAPHS[2]}</p></body></html>"
    )
    content = extract_html(page)
    assert content.title == "X page"
    assert PARAGRAPHS[2] in content.text


@pytest.mark.parametrize("page", ["", "   \n", "<!-- nothing but a comment -->"])
def test_pages_without_elements_give_no_text(page: str) -> None:
    assert extract_html(page).text == ""


def test_declared_charset_is_found_in_meta_or_xml_declaration() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
        == "ISO-8859-1"
    )
    assert declared_charset(b'<?xml version="1.0" encoding="koi8-r"?><html>') == "koi8-r"
    assert declared_charset(b"<html><body>no declaration</body></html>") is None


def test_extraction_never_opens_a_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        attempts.append(args)
        raise OSError("network access attempted during HTML extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    content = extract_html(PAGE)
    assert PARAGRAPHS[1] in content.text
    assert attempts == []
