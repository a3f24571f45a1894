"""Find quoted passages in raw text, recovering from unbalanced quote marks instead of giving up.

Pure text in, offsets out: no parse needed, so it is easy to test on any string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
CLOSERS = frozenset({"”", "»", '"'})


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: `start`/`end` bound the words inside the marks; `open_at`/`close_at` the marks.

    `continues` is True when the quote runs on into the next paragraph (news style: no closing mark at
    the paragraph end, a new opening mark at the start of the next).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    continues: bool = False


def _next_visible(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at i as (mark, width): typographic or straight marks, and the two-character
    marks some archives use ('' for both ends, `` to open)."""
    two = text[i : i + 2]
    if two == "''":
        return '"', 2
    if two == "``":
        return "“", 2
    ch = text[i] if i < len(text) else ""
    return (ch, 1) if ch in OPENERS or ch in CLOSERS else ("", 0)


_EVENTS = re.compile("\n|''|``|[\"“”«»„]")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted passage in `text`, in order; a stray mark costs only its own paragraph's quote."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    inner = 0  # where the open quote's words start
    closer = ""
    for m in _EVENTS.finditer(text):  # jump from mark to mark: linear and fast on long texts
        i = m.start()
        if m.group() == "\n":
            if open_at is not None and open_at < i and _mark(text, _next_visible(text, i))[0] in OPENERS:
                end = i
                while end > inner and text[end - 1] in " \t\r":
                    end -= 1
                if end > inner:
                    spans.append(QuoteSpan(inner, end, open_at, end, continues=True))
            open_at = None  # an unclosed quote ends with its paragraph either way
            continue
        mark, width = _mark(text, i)
        if open_at is not None and i < inner:
            continue  # the second character of a two-character mark
        if open_at is None:
            if mark in OPENERS and not _is_inch_or_apostrophe(text, i):
                open_at, inner, closer = i, i + width, OPENERS[mark]
        elif mark == closer or mark in CLOSERS and (closer != '"' or mark == "”"):
            if i > inner:
                spans.append(QuoteSpan(inner, i, open_at, i))
            open_at = None
        elif mark in OPENERS and mark not in CLOSERS and _closes_like_a_closer(text, i, width):
            if i > inner:  # "...needed now.“": an opening mark typed where the closing one belongs
                spans.append(QuoteSpan(inner, i, open_at, i))
            open_at = None
        elif mark in OPENERS and mark != '"' and mark not in CLOSERS:
            open_at, inner, closer = i, i + width, OPENERS[mark]  # a second opener: the first one was stray
    return spans


_MINOR = "a an the and or but nor of in on at to for by with from as into over up down off is are be vs"
_MINOR_WORDS = frozenset(_MINOR.split())
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'&.-]*")


def is_title(text: str) -> bool:
    """True for a quoted name rather than quoted words: the title of a show, book, programme or slogan
    ("Meet the Press", "Good Morning America"): two to seven words, every one but minor words
    capitalised, no question or exclamation."""
    words = _TITLE_WORD.findall(text)
    if not 2 <= len(words) <= 7 or "?" in text or "!" in text:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(major) >= 2 and all(w[0].isupper() for w in major) and words[0][0].isupper()


def _closes_like_a_closer(text: str, i: int, width: int) -> bool:
    """True for a mark glued to the word or punctuation before it and followed by a space, a line end
    or the end of the text: where a closing mark stands, whatever its shape."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:)")


def _is_inch_or_apostrophe(text: str, i: int) -> bool:
    """A straight double quote right after a digit is an inch mark ("a 12" gun"), not a quote."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit()
