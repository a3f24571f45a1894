"""Quote finding on raw text: pairing, paragraph continuation, recovery from stray marks."""

from kg.facts.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_are_paired():
    text = '“We stand firm,” she said. He replied: "Not yet."'
    assert _texts(text) == ["We stand firm,", "Not yet."]


def test_unbalanced_mark_costs_only_its_paragraph():
    text = "A stray “mark opens here and never closes.\nA plain line.\n“Next quote,” he said."
    assert _texts(text) == ["Next quote,"]


def test_quote_continuing_into_next_paragraph():
    text = "“First part of a long quote.\n“And the rest,” she said."
    spans = find_quotes(text)
    assert [text[q.start : q.end] for q in spans] == ["First part of a long quote.", "And the rest,"]
    assert spans[0].continues and not spans[1].continues


def test_second_opener_restarts_the_quote():
    text = "“stray “real words here” end"
    assert _texts(text) == ["real words here"]


def test_inch_mark_is_not_a_quote():
    text = 'a 12" gun and "a quote"'
    assert _texts(text) == ["a quote"]


def test_two_apostrophe_marks_of_news_archives():
    text = "''We go now,'' she said. ``Old style,'' he said."
    assert _texts(text) == ["We go now,", "Old style,"]


def test_straight_opener_closed_by_a_curly_mark():
    assert _texts('toxic "forever chemicals” near bases') == ["forever chemicals"]


def test_opening_mark_typed_where_the_closing_one_belongs():
    text = "“We wait,” she said. “The vote is needed now.“\nThen “more” came."
    assert _texts(text) == ["We wait,", "The vote is needed now.", "more"]
    assert _texts("He said “A and “B” ok.") == ["B"]  # a spaced second opener still restarts
