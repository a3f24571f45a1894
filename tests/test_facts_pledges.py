"""Pledge rules on hand-built parses (no model involved)."""

from decimal import Decimal

from docs import PLEDGE_COORDINATED, PLEDGE_NEGATED, PLEDGE_PREPARED

from kg.actors import find_actors
from kg.facts.pledges import extract_pledges


def test_coordinated_subjects_give_one_pledge_each(build_doc):
    doc = build_doc(*PLEDGE_COORDINATED)
    index = find_actors(doc)
    names = {a.id: a.name for a in index.actors}
    pledges = extract_pledges(doc, index)
    assert sorted(names[p.pledger] for p in pledges) == ["France", "Poland"]
    for p in pledges:
        assert p.resource == "2 billion euros"
        assert names[p.recipient] == "Ukraine"
        assert (p.amount, p.currency) == (Decimal("2000000000"), "EUR")
        assert p.status == "pledged"
        assert doc.text[p.char_start : p.char_end] == "France and Poland pledged 2 billion euros to Ukraine"


def test_negated_or_hypothetical_is_not_a_pledge(build_doc):
    doc = build_doc(*PLEDGE_NEGATED)
    assert extract_pledges(doc, find_actors(doc)) == []


def test_prepared_to_contribute_has_status_prepared(build_doc):
    doc = build_doc(*PLEDGE_PREPARED)
    index = find_actors(doc)
    [p] = extract_pledges(doc, index)
    assert p.status == "prepared"
    assert p.resource == "reassurance force"
    assert {a.id: a.name for a in index.actors}[p.pledger] == "United Kingdom"
