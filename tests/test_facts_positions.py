"""Positions on hand-built parses: short labels, topic matching by lemma patterns, and stance."""

from __future__ import annotations

import pytest

from kg.facts.positions import FALLBACK_TOPIC, STANCES, position_label, stance_for, topics_for
from kg.types import Topic

# 'Kallas warned against appeasement.'
WARNED_AGAINST = (
    [
        ("Kallas", "Kallas", "PROPN", "NNP", 1, "nsubj"),
        ("warned", "warn", "VERB", "VBD", 1, "ROOT"),
        ("against", "against", "ADP", "IN", 1, "prep"),
        ("appeasement", "appeasement", "NOUN", "NN", 2, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "PERSON")],
    [3],
)

# 'Warsaw rejected the plan.'
REJECTED = (
    [
        ("Warsaw", "Warsaw", "PROPN", "NNP", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("plan", "plan", "NOUN", "NN", 1, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE")],
    [3],
)

# 'Poland did not back the plan.'
NOT_BACKED = (
    [
        ("Poland", "Poland", "PROPN", "NNP", 3, "nsubj"),
        ("did", "do", "AUX", "VBD", 3, "aux"),
        ("not", "not", "PART", "RB", 3, "neg"),
        ("back", "back", "VERB", "VB", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 3, "dobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(0, 1, "GPE")],
    [5],
)

# 'Rome backed the truce but Oslo rejected it.'
MIXED = (
    [
        ("Rome", "Rome", "PROPN", "NNP", 1, "nsubj"),
        ("backed", "back", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("truce", "truce", "NOUN", "NN", 1, "dobj"),
        ("but", "but", "CCONJ", "CC", 1, "cc"),
        ("Oslo", "Oslo", "PROPN", "NNP", 6, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "conj"),
        ("it", "it", "PRON", "PRP", 6, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE"), (5, 6, "GPE")],
    [7],
)

# 'Leaders called for more talks.'
CALLED_FOR = (
    [
        ("Leaders", "leader", "NOUN", "NNS", 1, "nsubj"),
        ("called", "call", "VERB", "VBD", 1, "ROOT"),
        ("for", "for", "ADP", "IN", 1, "prep"),
        ("more", "more", "ADJ", "JJR", 4, "amod"),
        ("talks", "talk", "NOUN", "NNS", 2, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [],
    [4],
)

# 'Moscow will not end its war before Kyiv's security is settled.'
END_ITS_WAR = (
    [
        ("Moscow", "Moscow", "PROPN", "NNP", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("not", "not", "PART", "RB", 3, "neg"),
        ("end", "end", "VERB", "VB", 3, "ROOT"),
        ("its", "its", "PRON", "PRP$", 5, "poss"),
        ("war", "war", "NOUN", "NN", 3, "dobj"),
        ("before", "before", "SCONJ", "IN", 11, "mark"),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 9, "poss"),
        ("'s", "'s", "PART", "POS", 7, "case"),
        ("security", "security", "NOUN", "NN", 11, "nsubjpass"),
        ("is", "be", "AUX", "VBZ", 11, "auxpass"),
        ("settled", "settle", "VERB", "VBN", 3, "advcl"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(0, 1, "GPE"), (7, 8, "GPE")],
    [7, 11],
)

TOPICS = (
    Topic(
        "peace-negotiations",
        "Peace negotiations",
        ("peace negotiations", "peace talk", "end the war", "talk"),
    ),
    Topic("security-guarantees", "Security guarantees", ("security guarantees", "kyiv's security")),
    Topic("european-security", "European security", ("european security", "our security")),
    Topic("troops-on-the-ground", "Troops on the ground", ("troops on the ground", "boot on the ground")),
    Topic(FALLBACK_TOPIC, "Other topic", ("other topic",)),
)


@pytest.mark.parametrize(
    ("parse", "expected"),
    [(WARNED_AGAINST, "warnsAgainst"), (REJECTED, "opposes"), (CALLED_FOR, "supports")],
)
def test_clear_wording_gives_a_stance(build_doc, parse, expected):
    doc = build_doc(*parse)
    assert stance_for(doc[:]) == expected
    assert expected in STANCES


@pytest.mark.parametrize("parse", [NOT_BACKED, MIXED, END_ITS_WAR])
def test_negated_mixed_or_absent_stance_is_none(build_doc, parse):
    assert stance_for(build_doc(*parse)[:]) is None


def test_topics_match_lemmas_and_ignore_articles_and_possessives(build_doc):
    doc = build_doc(*END_ITS_WAR)
    assert topics_for(doc[:], TOPICS) == ("peace-negotiations", "security-guarantees")
    called = build_doc(*CALLED_FOR)
    assert topics_for(called[:], TOPICS) == ("peace-negotiations",)  # "talks" is the lemma "talk"


def test_a_label_that_would_shrink_to_one_word_must_match_in_full(build_doc):
    doc = build_doc(*END_ITS_WAR)  # has "security" but not "our security"
    assert "european-security" not in topics_for(doc[:], TOPICS)


def test_no_topic_falls_back_to_other(build_doc):
    doc = build_doc(*REJECTED)
    assert topics_for(doc[:], TOPICS) == (FALLBACK_TOPIC,)
    assert topics_for(doc[:], ()) == ()


def test_hyphens_between_words_are_skipped(build_doc):
    # 'Boots-on-the-ground'
    doc = build_doc(
        [
            ("Boots", "boot", "NOUN", "NNS", 0, "ROOT"),
            ("-", "-", "PUNCT", "HYPH", 0, "punct"),
            ("on", "on", "ADP", "IN", 0, "prep"),
            ("-", "-", "PUNCT", "HYPH", 2, "punct"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("-", "-", "PUNCT", "HYPH", 6, "punct"),
            ("ground", "ground", "NOUN", "NN", 2, "pobj"),
        ],
        no_space_after=[0, 1, 2, 3, 4, 5],
    )
    assert doc.text == "Boots-on-the-ground"
    assert topics_for(doc[:], TOPICS) == ("troops-on-the-ground",)


def test_position_label_drops_a_leading_that_and_cuts_at_a_clause():
    assert position_label("that the loan would be agreed") == "the loan would be agreed"
    quote = "the alliance and its partners would send Chile more doctors, to rebuild its clinics quickly"
    assert position_label(quote) == "the alliance and its partners would send Chile more doctors …"
    short = "“We want peace.”"
    assert position_label(short) == "We want peace"


# 'If Oslo rejects the deal, Rome will pay.'
CONDITIONAL = (
    [
        ("If", "if", "SCONJ", "IN", 2, "mark"),
        ("Oslo", "Oslo", "PROPN", "NNP", 2, "nsubj"),
        ("rejects", "reject", "VERB", "VBZ", 8, "advcl"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("deal", "deal", "NOUN", "NN", 2, "dobj"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ("Rome", "Rome", "PROPN", "NNP", 8, "nsubj"),
        ("will", "will", "AUX", "MD", 8, "aux"),
        ("pay", "pay", "VERB", "VB", 8, "ROOT"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ],
    [(1, 2, "GPE"), (6, 7, "GPE")],
    [4, 8],
)

# 'Oslo built a force to resist attacks.'
PURPOSE = (
    [
        ("Oslo", "Oslo", "PROPN", "NNP", 1, "nsubj"),
        ("built", "build", "VERB", "VBD", 1, "ROOT"),
        ("a", "a", "DET", "DT", 3, "det"),
        ("force", "force", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("resist", "resist", "VERB", "VB", 3, "relcl"),
        ("attacks", "attack", "NOUN", "NNS", 5, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE")],
    [6],
)


@pytest.mark.parametrize("parse", [CONDITIONAL, PURPOSE], ids=["condition", "purpose-clause"])
def test_stance_words_outside_what_the_sentence_asserts_do_not_count(build_doc, parse):
    assert stance_for(build_doc(*parse)[:]) is None
