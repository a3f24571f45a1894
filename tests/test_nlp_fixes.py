"""Entity fixes of the parse stage on hand-built parses, and the EntityRuler patterns on a blank pipeline."""

from __future__ import annotations

import pytest

from kg.nlp.load import _entity_patterns, fix_entities


def t(word: str, pos: str, tag: str, head: int, dep: str, lemma: str | None = None):
    return (word, lemma or (word if pos == "PROPN" else word.lower()), pos, tag, head, dep)


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_city_tagged_person_becomes_a_place(build_doc):
    # "Manchester will host the event."
    doc = build_doc(
        [
            t("Manchester", "PROPN", "NNP", 2, "nsubj"),
            t("will", "AUX", "MD", 2, "aux"),
            t("host", "VERB", "VB", 2, "ROOT"),
            t("the", "DET", "DT", 4, "det"),
            t("event", "NOUN", "NN", 2, "dobj"),
            t(".", "PUNCT", ".", 2, "punct"),
        ],
        [(0, 1, "PERSON")],
        [4],
    )
    assert ents(fix_entities(doc)) == [("Manchester", "GPE")]


def test_single_word_in_a_locative_phrase_is_a_place(build_doc):
    # "Delays at Tarnby worried Ole Dahl."
    doc = build_doc(
        [
            t("Delays", "NOUN", "NNS", 3, "nsubj"),
            t("at", "ADP", "IN", 0, "prep"),
            t("Tarnby", "PROPN", "NNP", 1, "pobj"),
            t("worried", "VERB", "VBD", 3, "ROOT"),
            t("Ole", "PROPN", "NNP", 5, "compound"),
            t("Dahl", "PROPN", "NNP", 3, "dobj"),
            t(".", "PUNCT", ".", 3, "punct"),
        ],
        [(2, 3, "PERSON"), (4, 6, "PERSON")],
        [5],
    )
    assert ents(fix_entities(doc)) == [("Tarnby", "GPE"), ("Ole Dahl", "PERSON")]


def test_adverb_and_one_off_common_word_tagged_person_are_dropped(build_doc):
    # "Crucially, the Millennium exhibition closed."
    doc = build_doc(
        [
            t("Crucially", "ADV", "RB", 5, "advmod"),
            t(",", "PUNCT", ",", 5, "punct"),
            t("the", "DET", "DT", 4, "det"),
            t("Millennium", "PROPN", "NNP", 4, "compound"),
            t("exhibition", "NOUN", "NN", 5, "nsubj"),
            t("closed", "VERB", "VBD", 5, "ROOT"),
            t(".", "PUNCT", ".", 5, "punct"),
        ],
        [(0, 1, "PERSON"), (3, 4, "PERSON")],
        [0, 5],
    )
    words = {"crucially": frozenset({"adv"}), "millennium": frozenset({"noun"})}
    assert ents(fix_entities(doc, words)) == []


def test_name_tagged_person_twice_is_kept_even_if_a_common_word(build_doc):
    # "Fox spoke. Fox left."  (a surname that is also a noun)
    doc = build_doc(
        [
            t("Fox", "PROPN", "NNP", 1, "nsubj"),
            t("spoke", "VERB", "VBD", 1, "ROOT"),
            t(".", "PUNCT", ".", 1, "punct"),
            t("Fox", "PROPN", "NNP", 4, "nsubj"),
            t("left", "VERB", "VBD", 4, "ROOT"),
            t(".", "PUNCT", ".", 4, "punct"),
        ],
        [(0, 1, "PERSON"), (3, 4, "PERSON")],
        [1, 4],
    )
    assert ents(fix_entities(doc, {"fox": frozenset({"noun", "verb"})})) == [("Fox", "PERSON")] * 2


def test_surname_tagged_organisation_becomes_the_person(build_doc):
    # "Camille Roux spoke. Roux left."
    doc = build_doc(
        [
            t("Camille", "PROPN", "NNP", 1, "compound"),
            t("Roux", "PROPN", "NNP", 2, "nsubj"),
            t("spoke", "VERB", "VBD", 2, "ROOT"),
            t(".", "PUNCT", ".", 2, "punct"),
            t("Roux", "PROPN", "NNP", 5, "nsubj"),
            t("left", "VERB", "VBD", 5, "ROOT"),
            t(".", "PUNCT", ".", 5, "punct"),
        ],
        [(0, 2, "PERSON"), (4, 5, "ORG")],
        [2, 5],
    )
    assert ents(fix_entities(doc)) == [("Camille Roux", "PERSON"), ("Roux", "PERSON")]


def test_hyphenated_pair_of_countries_is_split(build_doc):
    # "the U.S.-Russia deal"
    doc = build_doc(
        [
            t("the", "DET", "DT", 4, "det"),
            t("U.S.", "PROPN", "NNP", 3, "compound"),
            t("-", "PUNCT", "HYPH", 3, "punct"),
            t("Russia", "PROPN", "NNP", 4, "compound"),
            t("deal", "NOUN", "NN", 4, "ROOT"),
        ],
        [(0, 4, "ORG")],
        [1, 2],
    )
    assert ents(fix_entities(doc)) == [("U.S.", "GPE"), ("Russia", "GPE")]


def test_organisation_cut_before_its_last_word_is_extended(build_doc):
    # "the College of Europe said"
    doc = build_doc(
        [
            t("the", "DET", "DT", 1, "det"),
            t("College", "PROPN", "NNP", 4, "nsubj"),
            t("of", "ADP", "IN", 1, "prep"),
            t("Europe", "PROPN", "NNP", 2, "pobj"),
            t("said", "VERB", "VBD", 4, "ROOT"),
        ],
        [(0, 3, "ORG"), (3, 4, "LOC")],
    )
    assert ents(fix_entities(doc)) == [("the College of Europe", "ORG")]


def test_untagged_name_in_apposition_to_a_title_is_a_person(build_doc):
    # "The Shadow Secretary, Rosa May, said."
    doc = build_doc(
        [
            t("The", "DET", "DT", 2, "det"),
            t("Shadow", "PROPN", "NNP", 2, "compound"),
            t("Secretary", "PROPN", "NNP", 7, "nsubj"),
            t(",", "PUNCT", ",", 2, "punct"),
            t("Rosa", "PROPN", "NNP", 5, "compound"),
            t("May", "PROPN", "NNP", 2, "appos"),
            t(",", "PUNCT", ",", 2, "punct"),
            t("said", "VERB", "VBD", 7, "ROOT"),
            t(".", "PUNCT", ".", 7, "punct"),
        ],
        [],
        [2, 5, 7],
    )
    assert ents(fix_entities(doc)) == [("Rosa May", "PERSON")]


def test_e_mail_address_tagged_organisation_is_dropped(build_doc):
    doc = build_doc(
        [t("Write", "VERB", "VB", 0, "ROOT"), t("ana@news.example", "PROPN", "NNP", 0, "dobj")],
        [(1, 2, "ORG")],
    )
    assert ents(fix_entities(doc)) == []


def test_ruler_keeps_names_with_particles_whole():
    import spacy

    from kg.nlp.load import _register_fixer

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"}).add_patterns(_entity_patterns())
    _register_fixer()
    nlp.add_pipe("kg_particle_names")
    doc = nlp("Then Ursula von der Leyen and later von der Leyen spoke to NATO.")
    assert ("Ursula von der Leyen", "PERSON") in ents(doc)
    assert ("von der Leyen", "PERSON") in ents(doc)
    assert ("NATO", "ORG") in ents(doc)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He met Ludwig van Beethoven there.", ["Ludwig van Beethoven"]),
        ("A painting by Van Gogh sold.", ["Van Gogh"]),
        ("Ursula Von der Leyen spoke.", ["Von der Leyen"]),
        ("Mark van der Berg and Anna de Souza came.", ["Mark van der Berg", "Anna de Souza"]),
        ("It was a de facto ban in Rio de Janeiro's port.", []),
        ("The van drove off. Then von stopped.", []),
        ("Sales of de Beers rose.", []),
    ],
)
def test_particle_names(text: str, want: list[str]):
    import spacy

    from kg.nlp.load import particle_names

    doc = spacy.blank("en")(text)
    assert [s.text for s in particle_names(doc)] == want
    assert all(s.label_ == "PERSON" for s in particle_names(doc))


def test_pos_indices_picks_the_same_words_as_a_loop_over_tokens(build_doc):
    from kg.nlp.parse import pos_indices

    # "Paused aid went quickly to Kyiv."
    doc = build_doc(
        [
            t("Paused", "VERB", "VBN", 1, "amod"),
            t("aid", "NOUN", "NN", 2, "nsubj"),
            t("went", "VERB", "VBD", 2, "ROOT"),
            t("quickly", "ADV", "RB", 2, "advmod"),
            t("to", "ADP", "IN", 2, "prep"),
            t("Kyiv", "PROPN", "NNP", 4, "pobj"),
            t(".", "PUNCT", ".", 2, "punct"),
        ],
        [],
        [],
    )
    assert pos_indices(doc, ("NOUN", "VERB")) == [0, 1, 2]
    assert pos_indices(doc, ("PROPN",), or_deps=("advmod",)) == [3, 5]
    assert pos_indices(doc, ("ADJ",)) == []
