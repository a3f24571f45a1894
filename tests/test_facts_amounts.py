"""Money phrases to amounts in units and ISO 4217 currencies."""

from decimal import Decimal

import pytest

from kg.facts.amounts import find_money, is_share, parse_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$105 billion", (Decimal("105000000000"), "USD")),
        ("€210 billion", (Decimal("210000000000"), "EUR")),
        ("2 billion euros", (Decimal("2000000000"), "EUR")),
        ("£30m", (Decimal("30000000"), "GBP")),
        ("€2.5bn", (Decimal("2500000000"), "EUR")),
        ("1,200 dollars", (Decimal("1200"), "USD")),
        ("pounds 750m", (Decimal("750000000"), "GBP")),  # the BBC's way of writing £750m
        ("US$5m", (Decimal("5000000"), "USD")),
        ("USD 5 million", (Decimal("5000000"), "USD")),
        ("an extra pounds 0.42bn", (Decimal("420000000"), "GBP")),
    ],
)
def test_money_is_normalised(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["3.5 percent of GDP", "5%", "26 countries", "billions", "2 per cent"])
def test_shares_and_counts_are_not_money(text):
    assert parse_money(text) is None


def test_shares_are_recognised_as_shares():
    assert is_share("2.5 percent of Spain's GDP") and not is_share("$5bn")


def test_find_money_gives_spans_in_order_and_the_first_currency_first():
    text = "It offered pounds 750m (dollars 1.4bn) over ten years, after a $5bn loan."
    found = find_money(text)
    assert [text[m.start : m.end] for m in found] == ["pounds 750m", "dollars 1.4bn", "$5bn"]
    assert [m.currency for m in found] == ["GBP", "USD", "USD"]
    assert found[0].amount == Decimal("750000000")


def test_a_single_letter_scale_must_be_glued_to_the_number():
    assert parse_money("pounds 5 m") == (Decimal("5"), "GBP")
    assert parse_money("pounds 5m") == (Decimal("5000000"), "GBP")
