"""Money amounts: "$105 billion" -> (105000000000, "USD"); "2 billion euros" -> (2000000000, "EUR")."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d,])")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("kg.facts").joinpath("data/currencies.json").read_text(encoding="utf-8")
    return json.loads(text)


def parse_money(text: str) -> tuple[Decimal, str] | None:
    """Amount in units and ISO 4217 currency of a money phrase, or None if it is not money.

    Shares such as "3.5 percent of GDP" are not money and return None.
    """
    if "%" in text or re.search(r"\b(per ?cent|percent)\b", text, re.I):
        return None
    table = _table()
    currency = None
    for symbol in sorted(table["symbols"], key=len, reverse=True):
        if symbol in text:
            currency = table["symbols"][symbol]
            break
    words = re.findall(r"[A-Za-z]+", text)
    if currency is None:
        for w in words:
            if w.lower() in table["words"]:
                currency = table["words"][w.lower()]
                break
    match = _NUMBER.search(text)
    if currency is None or match is None:
        return None
    try:
        value = Decimal(match.group(1).replace(",", "") + ("." + match.group(2) if match.group(2) else ""))
    except InvalidOperation:
        return None
    tail = text[match.end() :]
    scale_word = re.match(r"\s*([A-Za-z]+)", tail)
    if scale_word and scale_word.group(1).lower() in table["scales"]:
        value *= Decimal(table["scales"][scale_word.group(1).lower()])
    integral = value.to_integral_value()
    return (integral if value == integral else value), currency
