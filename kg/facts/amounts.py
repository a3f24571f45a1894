"""Money amounts: "$105 billion" -> (105000000000, "USD"); "2 billion euros" -> (2000000000, "EUR").

`find_money` finds every money phrase in a text with its character span, in the three ways news writes
money: a symbol before the number ("€2.5bn", "US$5m"), a currency word before it (the BBC's "pounds
750m") and a currency word after it ("2 billion euros"). Shares ("3.5 percent of GDP", "5%") are not
money: they never match, and a pledge of a share keeps the share in its resource label with no amount.
The symbols, words and scales are data (`data/currencies.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SHARE = re.compile(r"%|\b(?:per ?cent|percent)\b", re.I)


@dataclass(frozen=True)
class Money:
    """A money phrase found in a text: its span, the amount in units and the ISO 4217 currency."""

    start: int
    end: int
    amount: Decimal
    currency: str


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("kg.facts").joinpath("data/currencies.json").read_text(encoding="utf-8")
    return json.loads(text)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    table = _table()
    long_scales = [s for s in table["scales"] if len(s) > 1]
    short_scales = [s for s in table["scales"] if len(s) == 1]
    # "5.5bn", "750m" (glued) or "105 billion" (spaced); a one-letter scale only when glued
    scale = (
        rf"(?:\s?(?P<scale>{_alternation(long_scales)})\b"
        rf"|(?P<short>{_alternation(short_scales)})(?![A-Za-z]))?"
    )
    symbols = _alternation(list(table["symbols"]))
    words = _alternation(list(table["words"]))
    codes = _alternation(list(table.get("codes", {})))
    return (
        re.compile(rf"(?P<cur>{symbols})\s?{_NUM}{scale}"),
        re.compile(rf"\b(?P<cur>{words}|{codes})\s{_NUM}{scale}", re.I),
        re.compile(rf"(?<![\w.,]){_NUM}{scale}\s(?:of\s)?(?P<cur>{words}|{codes})\b", re.I),
    )


def _currency(token: str) -> str | None:
    table = _table()
    if token in table["symbols"]:
        return str(table["symbols"][token])
    lower = token.lower()
    if lower in table["words"]:
        return str(table["words"][lower])
    codes = table.get("codes", {})
    return str(codes[token.upper()]) if token.upper() in codes else None


def _value(match: re.Match[str]) -> Decimal | None:
    try:
        value = Decimal(match.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    scale = match.group("scale") or match.group("short")
    if scale:
        value *= Decimal(_table()["scales"][scale.lower()])
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def find_money(text: str) -> list[Money]:
    """Every money phrase in `text`, in order, without overlaps (the earliest, then longest, wins)."""
    found: list[Money] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            currency = _currency(match.group("cur"))
            value = _value(match)
            if currency and value is not None:
                found.append(Money(match.start(), match.end(), value, currency))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Money] = []
    for money in found:
        if not out or money.start >= out[-1].end:
            out.append(money)
    return out


def parse_money(text: str) -> tuple[Decimal, str] | None:
    """Amount in units and ISO 4217 currency of a money phrase, or None if it is not money.

    Shares such as "3.5 percent of GDP" are not money and return None.
    """
    if _SHARE.search(text):
        return None
    found = find_money(text)
    return (found[0].amount, found[0].currency) if found else None


def is_share(text: str) -> bool:
    """Whether a phrase states a share ("3.5 percent of GDP", "2%") rather than an amount of money."""
    return bool(_SHARE.search(text))
