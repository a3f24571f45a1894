"""Small helpers for the metadata fields of a document (titles, record fields)."""

from __future__ import annotations

from collections.abc import Mapping

from .decode import clean_field

TITLE_MAX_CHARS = 200

# Record fields, looked up case-insensitively; the first usable text field wins.
TEXT_FIELDS = ("text", "body", "content")


def short_title(value: str | None, limit: int = TITLE_MAX_CHARS) -> str | None:
    """`value` on one line with runs of whitespace collapsed, cut at a word to at most `limit` characters."""
    if value is None:
        return None
    text = " ".join(clean_field(value).split())
    if not text:
        return None
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "\u2026"


def first_line(text: str) -> str | None:
    """The first line of `text` that is not blank, or None."""
    for line in text.splitlines():
        if line.strip():
            return line
    return None


def lower_keys(record: Mapping[object, object]) -> dict[str, object]:
    """The record with trimmed, lower-cased string keys (the first spelling of a key wins)."""
    result: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(key, str):
            result.setdefault(key.strip().lower(), value)
    return result


def scalar(record: Mapping[str, object], name: str) -> str | None:
    """Field `name` as trimmed text when it is a non-blank string or number, else None."""
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = clean_field(str(value)).strip()
    return text or None
