"""Pledge rules on hand-built parses (no model involved); each sentence is written by the team."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docs import PLEDGE_COORDINATED, PLEDGE_NEGATED, PLEDGE_PREPARED

from kg.actors import find_actors
from kg.facts.pledges import extract_pledges, lexicon


def _run(build_doc, parse):
    doc = build_doc(*parse)
    index = find_actors(doc)
    names = {a.id: a.name for a in index.actors}
    return doc, names, extract_pledges(doc, index)


def test_coordinated_subjects_give_one_pledge_each(build_doc):
    doc, names, pledges = _run(build_doc, PLEDGE_COORDINATED)
    assert sorted(names[p.pledger] for p in pledges) == ["France", "Poland"]
    for p in pledges:
        assert p.resource == "2 billion euros"
        assert names[p.recipient] == "Ukraine"
        assert (p.amount, p.currency) == (Decimal("2000000000"), "EUR")
        assert p.status == "pledged"
        assert doc.text[p.char_start : p.char_end] == "France and Poland pledged 2 billion euros to Ukraine"


def test_negated_or_hypothetical_is_not_a_pledge(build_doc):
    assert _run(build_doc, PLEDGE_NEGATED)[2] == []


def test_prepared_to_contribute_has_status_prepared(build_doc):
    _, names, [p] = _run(build_doc, PLEDGE_PREPARED)
    assert p.status == "prepared"
    assert p.resource == "reassurance force"
    assert names[p.pledger] == "United Kingdom"


# 'Germany paused military aid to Ukraine.'
PAUSED = (
    [
        ("Germany", "Germany", "PROPN", "NNP", 1, "nsubj"),
        ("paused", "pause", "VERB", "VBD", 1, "ROOT"),
        ("military", "military", "ADJ", "JJ", 3, "amod"),
        ("aid", "aid", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 4, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (5, 6, "GPE")],
    [5],
)


def test_paused_aid_is_recorded_as_paused_never_as_pledged(build_doc):
    _, names, [p] = _run(build_doc, PAUSED)
    assert (names[p.pledger], p.resource, p.status) == ("Germany", "military aid", "paused")
    assert names[p.recipient] == "Ukraine"


# 'Poland ruled out sending troops.'
RULED_OUT = (
    [
        ("Poland", "Poland", "PROPN", "NNP", 1, "nsubj"),
        ("ruled", "rule", "VERB", "VBD", 1, "ROOT"),
        ("out", "out", "ADP", "RP", 1, "prt"),
        ("sending", "send", "VERB", "VBG", 1, "xcomp"),
        ("troops", "troop", "NOUN", "NNS", 3, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE")],
    [4],
)

# 'Why would France send tanks?'
QUESTION = (
    [
        ("Why", "why", "SCONJ", "WRB", 3, "advmod"),
        ("would", "would", "AUX", "MD", 3, "aux"),
        ("France", "France", "PROPN", "NNP", 3, "nsubj"),
        ("send", "send", "VERB", "VB", 3, "ROOT"),
        ("tanks", "tank", "NOUN", "NNS", 3, "dobj"),
        ("?", "?", "PUNCT", ".", 3, "punct"),
    ],
    [(2, 3, "GPE")],
    [4],
)


@pytest.mark.parametrize("parse", [RULED_OUT, QUESTION], ids=["ruled-out", "question"])
def test_refusals_and_questions_are_not_pledges(build_doc, parse):
    assert _run(build_doc, parse)[2] == []


# 'Britain agreed to provide a €90 billion loan to Ukraine.'
AGREED_LOAN = (
    [
        ("Britain", "Britain", "PROPN", "NNP", 1, "nsubj"),
        ("agreed", "agree", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("provide", "provide", "VERB", "VB", 1, "xcomp"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("€", "€", "SYM", "$", 7, "quantmod"),
        ("90", "90", "NUM", "CD", 7, "compound"),
        ("billion", "billion", "NUM", "CD", 8, "nummod"),
        ("loan", "loan", "NOUN", "NN", 3, "dobj"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 9, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (5, 8, "MONEY"), (10, 11, "GPE")],
    [5, 10],
)


def test_agreed_loan_has_amount_currency_recipient_and_status(build_doc):
    _, names, [p] = _run(build_doc, AGREED_LOAN)
    assert names[p.pledger] == "United Kingdom"
    assert (p.resource, p.status) == ("€90 billion loan", "agreed")
    assert (p.amount, p.currency) == (Decimal("90000000000"), "EUR")
    assert names[p.recipient] == "Ukraine"
    assert p.cue == "agreed to provide"


# 'Poland called on Germany to fund the tanks.'
CALLED_ON = (
    [
        ("Poland", "Poland", "PROPN", "NNP", 1, "nsubj"),
        ("called", "call", "VERB", "VBD", 1, "ROOT"),
        ("on", "on", "ADP", "IN", 1, "prep"),
        ("Germany", "Germany", "PROPN", "NNP", 2, "pobj"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("fund", "fund", "VERB", "VB", 1, "xcomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("tanks", "tank", "NOUN", "NNS", 5, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (3, 4, "GPE")],
    [7],
)


def test_a_request_is_the_askers_proposal(build_doc):
    _, names, [p] = _run(build_doc, CALLED_ON)
    assert (names[p.pledger], p.resource, p.status) == ("Poland", "tanks", "proposed")


# 'France announced that Poland would send jets.'  /  'Poland would send jets.'
ANNOUNCED = (
    [
        ("France", "France", "PROPN", "NNP", 1, "nsubj"),
        ("announced", "announce", "VERB", "VBD", 1, "ROOT"),
        ("that", "that", "SCONJ", "IN", 5, "mark"),
        ("Poland", "Poland", "PROPN", "NNP", 5, "nsubj"),
        ("would", "would", "AUX", "MD", 5, "aux"),
        ("send", "send", "VERB", "VB", 1, "ccomp"),
        ("jets", "jet", "NOUN", "NNS", 5, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (3, 4, "GPE")],
    [6],
)
HYPOTHETICAL = (
    [
        ("Poland", "Poland", "PROPN", "NNP", 2, "nsubj"),
        ("would", "would", "AUX", "MD", 2, "aux"),
        ("send", "send", "VERB", "VB", 2, "ROOT"),
        ("jets", "jet", "NOUN", "NNS", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 1, "GPE")],
    [3],
)


def test_would_counts_only_as_the_reported_future_of_an_announcement(build_doc):
    _, names, [p] = _run(build_doc, ANNOUNCED)
    assert (names[p.pledger], p.resource, p.status) == ("Poland", "jets", "pledged")
    assert _run(build_doc, HYPOTHETICAL)[2] == []


# 'Britain pledged to increase taxes on earnings over pounds 100,000.'
THRESHOLD = (
    [
        ("Britain", "Britain", "PROPN", "NNP", 1, "nsubj"),
        ("pledged", "pledge", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("increase", "increase", "VERB", "VB", 1, "xcomp"),
        ("taxes", "tax", "NOUN", "NNS", 3, "dobj"),
        ("on", "on", "ADP", "IN", 4, "prep"),
        ("earnings", "earning", "NOUN", "NNS", 5, "pobj"),
        ("over", "over", "ADP", "IN", 6, "prep"),
        ("pounds", "pound", "NOUN", "NNS", 7, "pobj"),
        ("100,000", "100,000", "NUM", "CD", 8, "nummod"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE")],
    [9],
)


def test_a_pledged_action_is_the_resource_and_a_threshold_is_no_amount(build_doc):
    _, names, [p] = _run(build_doc, THRESHOLD)
    assert names[p.pledger] == "United Kingdom"
    assert p.resource.startswith("increase taxes")
    assert p.status == "pledged"
    assert p.amount is None and p.currency is None


# 'Tanks were sent to Ukraine by Germany.'
PASSIVE = (
    [
        ("Tanks", "tank", "NOUN", "NNS", 2, "nsubjpass"),
        ("were", "be", "AUX", "VBD", 2, "auxpass"),
        ("sent", "send", "VERB", "VBN", 2, "ROOT"),
        ("to", "to", "ADP", "IN", 2, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 3, "pobj"),
        ("by", "by", "ADP", "IN", 2, "agent"),
        ("Germany", "Germany", "PROPN", "NNP", 5, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(4, 5, "GPE"), (6, 7, "GPE")],
    [6],
)


def test_passive_pledger_is_the_agent_and_past_sending_is_delivered(build_doc):
    _, names, pledges = _run(build_doc, PASSIVE)
    assert [(names[p.pledger], names[p.recipient], p.status) for p in pledges] == [
        ("Germany", "Ukraine", "delivered")
    ]


# 'France called for defence spending of 3.5 percent of GDP.'
SHARE = (
    [
        ("France", "France", "PROPN", "NNP", 1, "nsubj"),
        ("called", "call", "VERB", "VBD", 1, "ROOT"),
        ("for", "for", "ADP", "IN", 1, "prep"),
        ("defence", "defence", "NOUN", "NN", 4, "compound"),
        ("spending", "spending", "NOUN", "NN", 2, "pobj"),
        ("of", "of", "ADP", "IN", 4, "prep"),
        ("3.5", "3.5", "NUM", "CD", 7, "nummod"),
        ("percent", "percent", "NOUN", "NN", 5, "pobj"),
        ("of", "of", "ADP", "IN", 7, "prep"),
        ("GDP", "gdp", "NOUN", "NN", 8, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (6, 8, "PERCENT")],
    [9],
)


def test_a_share_of_gdp_is_kept_in_the_label_with_no_amount(build_doc):
    _, names, [p] = _run(build_doc, SHARE)
    assert (names[p.pledger], p.status) == ("France", "proposed")
    assert p.resource == "defence spending of 3.5 percent of GDP"
    assert p.amount is None and p.currency is None


# 'Poland pledges pounds 1bn to Ukraine' as a headline, tagged as a noun phrase by the model
HEADLINE = (
    [
        ("Poland", "Poland", "PROPN", "NNP", 1, "compound"),
        ("pledges", "pledge", "NOUN", "NNS", 2, "compound"),
        ("pounds", "pound", "NOUN", "NNS", 2, "ROOT"),
        ("1bn", "1bn", "NUM", "CD", 2, "nummod"),
        ("to", "to", "ADP", "IN", 2, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 4, "pobj"),
    ],
    [(0, 1, "GPE"), (5, 6, "GPE")],
    [],
)


def test_a_headline_read_as_a_noun_phrase_still_gives_its_pledge(build_doc):
    doc, names, [p] = _run(build_doc, HEADLINE)
    assert (names[p.pledger], p.resource, p.status) == ("Poland", "pounds 1bn", "pledged")
    assert (p.amount, p.currency, names[p.recipient]) == (Decimal("1000000000"), "GBP", "Ukraine")
    assert p.sentence == doc.text


def test_lexicon_statuses_are_the_ones_the_shapes_allow():
    allowed = {
        "pledged",
        "committed",
        "agreed",
        "prepared",
        "proposed",
        "considering",
        "delivered",
        "paused",
        "withdrawn",
    }
    lex = lexicon()
    for table in ("verbs", "resource_verbs", "money_verbs", "with_verbs", "proposal_verbs", "governors",
                  "commitment_nouns", "pause_verbs", "pause_adjectives"):  # fmt: skip
        assert set(lex[table].values()) <= allowed, table
    assert set(lex["status_rank"]) <= allowed


# 'Members of NATO pledged tanks.'
PARTITIVE = (
    [
        ("Members", "member", "NOUN", "NNS", 3, "nsubj"),
        ("of", "of", "ADP", "IN", 0, "prep"),
        ("NATO", "NATO", "PROPN", "NNP", 1, "pobj"),
        ("pledged", "pledge", "VERB", "VBD", 3, "ROOT"),
        ("tanks", "tank", "NOUN", "NNS", 3, "dobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(2, 3, "ORG")],
    [4],
)


def test_members_of_a_body_pledge_for_the_body(build_doc):
    _, names, [p] = _run(build_doc, PARTITIVE)
    assert (names[p.pledger], p.resource, p.status) == ("NATO", "tanks", "pledged")
