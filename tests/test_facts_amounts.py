"""Money phrases to amounts in units and ISO 4217 currencies."""

from decimal import Decimal

import pytest

from kg.facts.amounts import parse_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$105 billion", (Decimal("105000000000"), "USD")),
        ("€210 billion", (Decimal("210000000000"), "EUR")),
        ("2 billion euros", (Decimal("2000000000"), "EUR")),
        ("£30m", (Decimal("30000000"), "GBP")),
        ("€2.5bn", (Decimal("2500000000"), "EUR")),
        ("1,200 dollars", (Decimal("1200"), "USD")),
    ],
)
def test_money_is_normalised(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["3.5 percent of GDP", "5%", "26 countries", "billions"])
def test_shares_and_counts_are_not_money(text):
    assert parse_money(text) is None
