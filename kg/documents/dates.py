"""Normalise the publication dates found in inputs to ISO 8601.

News metadata writes dates in many ways (ISO with or without time, RFC 2822 from feeds, "June 3, 2025").
A date we can read becomes `YYYY-MM-DD`, or a full ISO datetime when the input carries a time of day;
anything else is kept as given, so nothing the user wrote is lost.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Formats tried after ISO 8601 and RFC 2822, in order; all carry a full calendar date (no guessing of
# a missing day or year, so the result never depends on today's date).
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%d.%m.%Y",
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def normalise_date(value: str | None) -> str | None:
    """`YYYY-MM-DD` (or a full ISO datetime when a time is given) for a readable date, else `value` trimmed.

    Returns None for a missing or blank value.
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    parsed = _parse(text)
    return parsed if parsed is not None else text


def _parse(text: str) -> str | None:
    """The ISO form of `text`, or None when no known format reads it."""
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    compact = _COMPACT.match(text)
    if compact:
        try:
            return date(*(int(g) for g in compact.groups())).isoformat()
        except ValueError:
            return None
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(iso).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
