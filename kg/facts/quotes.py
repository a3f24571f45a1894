"""Find quoted passages in raw text, recovering from unbalanced quote marks instead of giving up.

Pure text in, offsets out: no parse needed, so it is easy to test on any string.
"""

from __future__ import annotations

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


def _next_visible(text: str, i: int) -> str:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return text[i] if i < len(text) else ""


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted passage in `text`, in order; a stray mark costs only its own paragraph's quote."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            if _next_visible(text, i) in OPENERS:
                end = i
                while end > open_at + 1 and text[end - 1] in " \t\r":
                    end -= 1
                spans.append(QuoteSpan(open_at + 1, end, open_at, end, continues=True))
            open_at = None  # an unclosed quote ends with its paragraph either way
        elif open_at is None:
            if ch in OPENERS and not _is_inch_or_apostrophe(text, i):
                open_at, closer = i, OPENERS[ch]
        elif ch == closer or (ch in CLOSERS and closer != '"'):
            if i > open_at + 1:
                spans.append(QuoteSpan(open_at + 1, i, open_at, i))
            open_at = None
        elif ch in OPENERS and ch != '"' and ch not in CLOSERS:
            open_at, closer = i, OPENERS[ch]  # a second opener: the first one was stray
        i += 1
    return spans


def _is_inch_or_apostrophe(text: str, i: int) -> bool:
    """A straight double quote right after a digit is an inch mark ("a 12" gun"), not a quote."""
    return text[i] == '"' and i > 0 and text[i - 1].isdigit()
