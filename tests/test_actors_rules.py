"""Within-document actor rules on hand-built parses (sentences written by the team, fictional people).

Each test names the rule it guards: roles from premodifiers, appositions and possessives; title-only
mentions; short forms of names; credits; places and junk that are never actors.
"""

from __future__ import annotations

import pytest

from kg.actors import find_actors
from kg.actors.corpus import TITLE_LABEL
from kg.actors.local import find_credits
from kg.types import ActorType


def t(
    word: str, pos: str, tag: str, head: int, dep: str, lemma: str | None = None
) -> tuple[str, str, str, str, int, str]:
    """One row of a hand-built parse; proper nouns keep their case as lemma."""
    return (word, lemma or (word if pos == "PROPN" else word.lower()), pos, tag, head, dep)


def people(doc):
    return [a for a in find_actors(doc).actors if a.type is ActorType.PERSON]


def test_possessive_country_is_an_affiliation_not_a_role(build_doc):
    # "Hungary's Viktor Orban said."
    doc = build_doc(
        [
            t("Hungary", "PROPN", "NNP", 3, "poss"),
            t("'s", "PART", "POS", 0, "case"),
            t("Viktor", "PROPN", "NNP", 3, "compound"),
            t("Orban", "PROPN", "NNP", 4, "nsubj"),
            t("said", "VERB", "VBD", 4, "ROOT"),
            t(".", "PUNCT", ".", 4, "punct"),
        ],
        [(0, 1, "GPE"), (2, 4, "PERSON")],
        [0, 4],
    )
    [person] = people(doc)
    assert (person.name, person.roles, person.affiliations) == ("Viktor Orban", (), ("Hungary",))


def test_apposition_gives_role_and_organisation(build_doc):
    # "Jana Novak, senior fellow at the European Council on Foreign Relations, said."
    doc = build_doc(
        [
            t("Jana", "PROPN", "NNP", 1, "compound"),
            t("Novak", "PROPN", "NNP", 13, "nsubj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("senior", "ADJ", "JJ", 4, "amod"),
            t("fellow", "NOUN", "NN", 1, "appos"),
            t("at", "ADP", "IN", 4, "prep"),
            t("the", "DET", "DT", 8, "det"),
            t("European", "PROPN", "NNP", 8, "compound"),
            t("Council", "PROPN", "NNP", 5, "pobj"),
            t("on", "ADP", "IN", 8, "prep"),
            t("Foreign", "PROPN", "NNP", 11, "compound"),
            t("Relations", "PROPN", "NNP", 9, "pobj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("said", "VERB", "VBD", 13, "ROOT"),
            t(".", "PUNCT", ".", 13, "punct"),
        ],
        [(0, 2, "PERSON"), (7, 12, "ORG")],
        [1, 11, 13],
    )
    [person] = people(doc)
    assert person.roles == ("senior fellow",)
    assert person.affiliations == ("European Council on Foreign Relations",)


def test_apposition_title_of_country(build_doc):
    # "Anna Lind, Prime Minister of Poland, spoke."
    doc = build_doc(
        [
            t("Anna", "PROPN", "NNP", 1, "compound"),
            t("Lind", "PROPN", "NNP", 8, "nsubj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("Prime", "PROPN", "NNP", 4, "compound"),
            t("Minister", "PROPN", "NNP", 1, "appos"),
            t("of", "ADP", "IN", 4, "prep"),
            t("Poland", "PROPN", "NNP", 5, "pobj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("spoke", "VERB", "VBD", 8, "ROOT"),
            t(".", "PUNCT", ".", 8, "punct"),
        ],
        [(0, 2, "PERSON"), (6, 7, "GPE")],
        [1, 6, 8],
    )
    [person] = people(doc)
    assert (person.roles, person.affiliations) == (("Prime Minister",), ("Poland",))


def test_apposition_relation_to_another_title_is_not_a_role(build_doc):
    # "Ms Reed, a friend of the Tory leader, said."
    doc = build_doc(
        [
            t("Ms", "PROPN", "NNP", 1, "compound"),
            t("Reed", "PROPN", "NNP", 10, "nsubj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("a", "DET", "DT", 4, "det"),
            t("friend", "NOUN", "NN", 1, "appos"),
            t("of", "ADP", "IN", 4, "prep"),
            t("the", "DET", "DT", 8, "det"),
            t("Tory", "PROPN", "NNP", 8, "compound"),
            t("leader", "NOUN", "NN", 5, "pobj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("said", "VERB", "VBD", 10, "ROOT"),
            t(".", "PUNCT", ".", 10, "punct"),
        ],
        [(0, 2, "PERSON"), (7, 8, "NORP")],
        [1, 8, 10],
    )
    [person] = people(doc)
    assert (person.roles, person.affiliations) == ((), ())


def test_coordinated_captions_keep_each_persons_title(build_doc):
    # "Otto Brandt, Federal Minister of Defense and Ukrainian President Ivan Petrenko met."
    doc = build_doc(
        [
            t("Otto", "PROPN", "NNP", 1, "compound"),
            t("Brandt", "PROPN", "NNP", 12, "nsubj"),
            t(",", "PUNCT", ",", 1, "punct"),
            t("Federal", "PROPN", "NNP", 4, "compound"),
            t("Minister", "PROPN", "NNP", 1, "appos"),
            t("of", "ADP", "IN", 4, "prep"),
            t("Defense", "PROPN", "NNP", 5, "pobj"),
            t("and", "CCONJ", "CC", 4, "cc"),
            t("Ukrainian", "ADJ", "JJ", 9, "amod"),
            t("President", "PROPN", "NNP", 11, "compound"),
            t("Ivan", "PROPN", "NNP", 11, "compound"),
            t("Petrenko", "PROPN", "NNP", 4, "conj"),
            t("met", "VERB", "VBD", 12, "ROOT"),
            t(".", "PUNCT", ".", 12, "punct"),
        ],
        [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 9, "NORP"), (10, 12, "PERSON")],
        [1, 12],
    )
    by_name = {p.name: p for p in people(doc)}
    assert (by_name["Otto Brandt"].roles, by_name["Otto Brandt"].affiliations) == (
        ("Federal Minister of Defense",),
        (),
    )
    assert (by_name["Ivan Petrenko"].roles, by_name["Ivan Petrenko"].affiliations) == (
        ("President",),
        ("Ukraine",),
    )


def test_inverted_apposition_and_post_nominal_titles(build_doc):
    # "The Shadow Secretary for Health, Rosa Hale, thanked Tom Webb MP."
    doc = build_doc(
        [
            t("The", "DET", "DT", 2, "det"),
            t("Shadow", "PROPN", "NNP", 2, "compound"),
            t("Secretary", "PROPN", "NNP", 9, "nsubj"),
            t("for", "ADP", "IN", 2, "prep"),
            t("Health", "PROPN", "NNP", 3, "pobj"),
            t(",", "PUNCT", ",", 2, "punct"),
            t("Rosa", "PROPN", "NNP", 7, "compound"),
            t("Hale", "PROPN", "NNP", 2, "appos"),
            t(",", "PUNCT", ",", 2, "punct"),
            t("thanked", "VERB", "VBD", 9, "ROOT"),
            t("Tom", "PROPN", "NNP", 11, "compound"),
            t("Webb", "PROPN", "NNP", 9, "dobj"),
            t("MP", "PROPN", "NNP", 11, "appos"),
            t(".", "PUNCT", ".", 9, "punct"),
        ],
        [(6, 8, "PERSON"), (10, 12, "PERSON")],
        [4, 7, 12],
    )
    by_name = {p.name: p for p in people(doc)}
    assert by_name["Rosa Hale"].roles == ("Shadow Secretary for Health",)
    assert by_name["Tom Webb"].roles == ("MP",)


FINNISH_PRESIDENT = (
    # "Finnish President Aino Virtanen arrived. The Finnish president spoke."
    [
        t("Finnish", "ADJ", "JJ", 3, "amod"),
        t("President", "PROPN", "NNP", 3, "compound"),
        t("Aino", "PROPN", "NNP", 3, "compound"),
        t("Virtanen", "PROPN", "NNP", 4, "nsubj"),
        t("arrived", "VERB", "VBD", 4, "ROOT"),
        t(".", "PUNCT", ".", 4, "punct"),
        t("The", "DET", "DT", 8, "det"),
        t("Finnish", "ADJ", "JJ", 8, "amod"),
        t("president", "NOUN", "NN", 9, "nsubj"),
        t("spoke", "VERB", "VBD", 9, "ROOT"),
        t(".", "PUNCT", ".", 9, "punct"),
    ],
    [(0, 1, "NORP"), (2, 4, "PERSON"), (7, 8, "NORP")],
    [4, 9],
)


def test_title_only_mention_joins_the_one_person_it_fits(build_doc):
    doc = build_doc(*FINNISH_PRESIDENT)
    index = find_actors(doc)
    [person] = [a for a in index.actors if a.type is ActorType.PERSON]
    titles = [m for m in person.mentions if m.label == TITLE_LABEL]
    assert [m.text for m in titles] == ["The Finnish president"]
    assert index.actor_at(doc[8]) == person.id
    assert (
        "The Finnish president" in person.aliases
    )  # the record keeps it; the corpus drops it from altLabels


def test_title_only_mention_stays_unresolved_when_two_people_fit(build_doc):
    # "President Aino Virtanen met President Jean Morel. The president spoke."
    doc = build_doc(
        [
            t("President", "PROPN", "NNP", 2, "compound"),
            t("Aino", "PROPN", "NNP", 2, "compound"),
            t("Virtanen", "PROPN", "NNP", 3, "nsubj"),
            t("met", "VERB", "VBD", 3, "ROOT"),
            t("President", "PROPN", "NNP", 6, "compound"),
            t("Jean", "PROPN", "NNP", 6, "compound"),
            t("Morel", "PROPN", "NNP", 3, "dobj"),
            t(".", "PUNCT", ".", 3, "punct"),
            t("The", "DET", "DT", 9, "det"),
            t("president", "NOUN", "NN", 10, "nsubj"),
            t("spoke", "VERB", "VBD", 10, "ROOT"),
            t(".", "PUNCT", ".", 10, "punct"),
        ],
        [(1, 3, "PERSON"), (5, 7, "PERSON")],
        [6, 10],
    )
    index = find_actors(doc)
    assert index.actor_at(doc[9]) is None
    assert all(m.label != TITLE_LABEL for a in index.actors for m in a.mentions)


def test_honorific_surname_and_sir_first_name_join_the_full_name(build_doc):
    # "Sir Digby Jones spoke. Sir Digby added that Mr Jones agreed."
    doc = build_doc(
        [
            t("Sir", "PROPN", "NNP", 2, "compound"),
            t("Digby", "PROPN", "NNP", 2, "compound"),
            t("Jones", "PROPN", "NNP", 3, "nsubj"),
            t("spoke", "VERB", "VBD", 3, "ROOT"),
            t(".", "PUNCT", ".", 3, "punct"),
            t("Sir", "PROPN", "NNP", 6, "compound"),
            t("Digby", "PROPN", "NNP", 7, "nsubj"),
            t("added", "VERB", "VBD", 7, "ROOT"),
            t("that", "SCONJ", "IN", 11, "mark"),
            t("Mr", "PROPN", "NNP", 10, "compound"),
            t("Jones", "PROPN", "NNP", 11, "nsubj"),
            t("agreed", "VERB", "VBD", 7, "ccomp"),
            t(".", "PUNCT", ".", 7, "punct"),
        ],
        [(1, 3, "PERSON"), (6, 7, "PERSON"), (9, 11, "PERSON")],
        [3, 11],
    )
    [person] = people(doc)
    assert person.name == "Digby Jones"
    assert len(person.mentions) == 3
    assert set(person.aliases) == {"Digby Jones", "Digby", "Jones"}


def test_spelling_variants_and_family_name_first(build_doc):
    # "Kim Jong Un met Ivan Zelenskiy. Ivan Zelensky and Kim spoke."
    doc = build_doc(
        [
            t("Kim", "PROPN", "NNP", 2, "compound"),
            t("Jong", "PROPN", "NNP", 2, "compound"),
            t("Un", "PROPN", "NNP", 3, "nsubj"),
            t("met", "VERB", "VBD", 3, "ROOT"),
            t("Ivan", "PROPN", "NNP", 5, "compound"),
            t("Zelenskiy", "PROPN", "NNP", 3, "dobj"),
            t(".", "PUNCT", ".", 3, "punct"),
            t("Ivan", "PROPN", "NNP", 8, "compound"),
            t("Zelensky", "PROPN", "NNP", 11, "nsubj"),
            t("and", "CCONJ", "CC", 8, "cc"),
            t("Kim", "PROPN", "NNP", 8, "conj"),
            t("spoke", "VERB", "VBD", 11, "ROOT"),
            t(".", "PUNCT", ".", 11, "punct"),
        ],
        [(0, 3, "PERSON"), (4, 6, "PERSON"), (7, 9, "PERSON"), (10, 11, "PERSON")],
        [5, 11],
    )
    names = sorted((p.name, len(p.mentions)) for p in people(doc))
    assert names == [("Ivan Zelenskiy", 2), ("Kim Jong Un", 2)]


def test_particle_surname_joins_the_full_name(build_doc):
    # "Ursula von der Berg spoke. Later von der Berg left."
    doc = build_doc(
        [
            t("Ursula", "PROPN", "NNP", 3, "compound"),
            t("von", "PROPN", "NNP", 3, "compound"),
            t("der", "PROPN", "NNP", 3, "compound"),
            t("Berg", "PROPN", "NNP", 4, "nsubj"),
            t("spoke", "VERB", "VBD", 4, "ROOT"),
            t(".", "PUNCT", ".", 4, "punct"),
            t("Later", "ADV", "RB", 10, "advmod"),
            t("von", "PROPN", "NNP", 9, "compound"),
            t("der", "PROPN", "NNP", 9, "compound"),
            t("Berg", "PROPN", "NNP", 10, "nsubj"),
            t("left", "VERB", "VBD", 10, "ROOT"),
            t(".", "PUNCT", ".", 10, "punct"),
        ],
        [(0, 4, "PERSON"), (7, 10, "PERSON")],
        [4, 10],
    )
    [person] = people(doc)
    assert person.name == "Ursula von der Berg"
    assert "von der Berg" in person.aliases


def test_photo_credit_names_a_person_who_never_speaks(build_doc):
    # "Leaders met. Photo by JUSTIN TALLIS/POOL/AFP via Getty Images"
    doc = build_doc(
        [
            t("Leaders", "NOUN", "NNS", 1, "nsubj"),
            t("met", "VERB", "VBD", 1, "ROOT"),
            t(".", "PUNCT", ".", 1, "punct"),
            t("Photo", "NOUN", "NN", 3, "ROOT"),
            t("by", "ADP", "IN", 3, "prep"),
            t("JUSTIN", "PROPN", "NNP", 6, "compound"),
            t("TALLIS", "PROPN", "NNP", 4, "pobj"),
            t("/", "SYM", "SYM", 6, "punct"),
            t("POOL", "PROPN", "NNP", 6, "appos"),
            t("/", "SYM", "SYM", 8, "punct"),
            t("AFP", "PROPN", "NNP", 8, "appos"),
            t("via", "ADP", "IN", 10, "prep"),
            t("Getty", "PROPN", "NNP", 13, "compound"),
            t("Images", "PROPN", "NNPS", 11, "pobj"),
        ],
        [(10, 11, "ORG"), (12, 14, "ORG")],
        [1, 6, 7, 8, 9],
    )
    index = find_actors(doc)
    [person] = [a for a in index.actors if a.type is ActorType.PERSON]
    assert (person.name, person.credit, person.roles) == ("Justin Tallis", True, ("photographer",))
    agencies = {a.name: a.credit for a in index.actors if a.type is ActorType.ORGANIZATION}
    assert agencies == {"Agence France-Presse": True, "Getty Images": True}
    assert not set(index.by_token) & set(range(5, 14)), "credited names never enter the token map"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Visit. Jens Weber/Pool via REUTERS", ["Jens Weber"]),
        ("Image: Anna Maria Costa/European Union", ["Anna Maria Costa"]),
        ("(U.S. Air Force Photo/Ada Guzman)", ["Ada Guzman"]),
        ("Edited by: Mara Stein", ["Mara Stein"]),
        (
            "Write to Lou North at lou.north@paper.com and Dan Mills at dan@paper.com",
            ["Lou North", "Dan Mills"],
        ),
        ("Relations between North Korea/South Korea have been tense for many long decades now.", []),
    ],
)
def test_credit_lines(text: str, names: list[str]):
    credits, _ = find_credits(text)
    assert [text[c.start : c.end] for c in credits] == names


def test_junk_is_never_an_actor(build_doc):
    # "Crucially, Analysis and a@b.com met at JOINT BASE LEWIS-MCCHORD with COVID-19 ."
    doc = build_doc(
        [
            t("Crucially", "ADV", "RB", 5, "advmod"),
            t(",", "PUNCT", ",", 5, "punct"),
            t("Analysis", "PROPN", "NNP", 5, "nsubj"),
            t("and", "CCONJ", "CC", 2, "cc"),
            t("a@b.com", "PROPN", "NNP", 2, "conj"),
            t("met", "VERB", "VBD", 5, "ROOT"),
            t("at", "ADP", "IN", 5, "prep"),
            t("JOINT", "PROPN", "NNP", 9, "compound"),
            t("BASE", "PROPN", "NNP", 9, "compound"),
            t("LEWIS-MCCHORD", "PROPN", "NNP", 6, "pobj"),
            t("with", "ADP", "IN", 5, "prep"),
            t("COVID-19", "PROPN", "NNP", 10, "pobj"),
            t(".", "PUNCT", ".", 5, "punct"),
        ],
        [(0, 1, "PERSON"), (2, 3, "ORG"), (4, 5, "ORG"), (7, 10, "PERSON"), (11, 12, "ORG")],
        [0, 11],
    )
    assert find_actors(doc).actors == ()


def test_capital_stands_for_its_country_except_as_a_place(build_doc):
    # "Talks in Moscow ended. Moscow rejected the plan."
    doc = build_doc(
        [
            t("Talks", "NOUN", "NNS", 3, "nsubj"),
            t("in", "ADP", "IN", 0, "prep"),
            t("Moscow", "PROPN", "NNP", 1, "pobj"),
            t("ended", "VERB", "VBD", 3, "ROOT"),
            t(".", "PUNCT", ".", 3, "punct"),
            t("Moscow", "PROPN", "NNP", 6, "nsubj"),
            t("rejected", "VERB", "VBD", 6, "ROOT"),
            t("the", "DET", "DT", 8, "det"),
            t("plan", "NOUN", "NN", 6, "dobj"),
            t(".", "PUNCT", ".", 6, "punct"),
        ],
        [(2, 3, "GPE"), (5, 6, "GPE")],
        [3, 8],
    )
    [country] = find_actors(doc).actors
    assert (country.name, country.type) == ("Russia", ActorType.COUNTRY)
    assert [m.start for m in country.mentions] == [doc[5].idx]


def test_short_organisation_names_join_the_full_name(build_doc):
    # "The Equal Rights Commission (ERC) said. The ERC and the Commission agreed."
    doc = build_doc(
        [
            t("The", "DET", "DT", 3, "det"),
            t("Equal", "PROPN", "NNP", 3, "compound"),
            t("Rights", "PROPN", "NNP", 3, "compound"),
            t("Commission", "PROPN", "NNP", 7, "nsubj"),
            t("(", "PUNCT", "-LRB-", 5, "punct"),
            t("ERC", "PROPN", "NNP", 3, "appos"),
            t(")", "PUNCT", "-RRB-", 5, "punct"),
            t("said", "VERB", "VBD", 7, "ROOT"),
            t(".", "PUNCT", ".", 7, "punct"),
            t("The", "DET", "DT", 10, "det"),
            t("ERC", "PROPN", "NNP", 14, "nsubj"),
            t("and", "CCONJ", "CC", 10, "cc"),
            t("the", "DET", "DT", 13, "det"),
            t("Commission", "PROPN", "NNP", 10, "conj"),
            t("agreed", "VERB", "VBD", 14, "ROOT"),
            t(".", "PUNCT", ".", 14, "punct"),
        ],
        [(1, 4, "ORG"), (5, 6, "ORG"), (10, 11, "ORG"), (13, 14, "ORG")],
        [4, 5, 7, 14],
    )
    index = find_actors(doc)
    [org] = index.actors
    assert (org.name, len(org.mentions)) == ("Equal Rights Commission", 4)
    assert index.actor_at(doc[10]) == index.actor_at(doc[13]) == org.id


def test_group_with_a_demonym_is_affiliated_with_its_country(build_doc):
    # "Russian officials said."
    doc = build_doc(
        [
            t("Russian", "ADJ", "JJ", 1, "amod"),
            t("officials", "NOUN", "NNS", 2, "nsubj", "official"),
            t("said", "VERB", "VBD", 2, "ROOT"),
            t(".", "PUNCT", ".", 2, "punct"),
        ],
        [(0, 1, "NORP")],
        [2],
    )
    [group] = find_actors(doc).actors
    assert (group.name, group.type, group.affiliations) == ("Russian officials", ActorType.GROUP, ("Russia",))


def test_lone_name_only_inside_quotes_is_not_an_actor(build_doc):
    # '"I call you all Betty," he said.'
    doc = build_doc(
        [
            t('"', "PUNCT", "``", 9, "punct"),
            t("I", "PRON", "PRP", 2, "nsubj"),
            t("call", "VERB", "VBP", 9, "ccomp"),
            t("you", "PRON", "PRP", 2, "dobj"),
            t("all", "DET", "DT", 3, "det"),
            t("Betty", "PROPN", "NNP", 2, "oprd"),
            t(",", "PUNCT", ",", 9, "punct"),
            t('"', "PUNCT", "''", 9, "punct"),
            t("he", "PRON", "PRP", 9, "nsubj"),
            t("said", "VERB", "VBD", 9, "ROOT"),
            t(".", "PUNCT", ".", 9, "punct"),
        ],
        [(5, 6, "PERSON")],
        [0, 5, 6, 9],
    )
    assert people(doc) == []


def test_plural_demonym_tagged_person_is_a_group(build_doc):
    # "Britons believe it."
    doc = build_doc(
        [
            t("Britons", "PROPN", "NNPS", 1, "nsubj"),
            t("believe", "VERB", "VBP", 1, "ROOT"),
            t("it", "PRON", "PRP", 1, "dobj"),
            t(".", "PUNCT", ".", 1, "punct"),
        ],
        [(0, 1, "PERSON")],
        [2],
    )
    assert [(a.name, a.type) for a in find_actors(doc).actors] == [("Britons", ActorType.GROUP)]


def test_organisation_after_according_to_is_not_an_apposition(build_doc):
    # "According to Koval, the EU should wait."
    doc = build_doc(
        [
            t("According", "VERB", "VBG", 7, "prep"),
            t("to", "ADP", "IN", 0, "prep"),
            t("Koval", "PROPN", "NNP", 1, "pobj"),
            t(",", "PUNCT", ",", 7, "punct"),
            t("the", "DET", "DT", 5, "det"),
            t("EU", "PROPN", "NNP", 7, "nsubj"),
            t("should", "AUX", "MD", 7, "aux"),
            t("wait", "VERB", "VB", 7, "ROOT"),
            t(".", "PUNCT", ".", 7, "punct"),
        ],
        [(2, 3, "PERSON"), (5, 6, "ORG")],
        [2, 7],
    )
    [person] = people(doc)
    assert person.affiliations == ()


def test_dateline_city_is_not_an_actor(build_doc):
    # "BRUSSELS, May 4\nThe plan passed."
    doc = build_doc(
        [
            t("BRUSSELS", "PROPN", "NNP", 0, "ROOT"),
            t(",", "PUNCT", ",", 0, "punct"),
            t("May", "PROPN", "NNP", 0, "npadvmod"),
            t("4", "NUM", "CD", 2, "nummod"),
            t("\n", "SPACE", "_SP", 3, "dep"),
            t("The", "DET", "DT", 6, "det"),
            t("plan", "NOUN", "NN", 7, "nsubj"),
            t("passed", "VERB", "VBD", 7, "ROOT"),
            t(".", "PUNCT", ".", 7, "punct"),
        ],
        [(0, 1, "GPE"), (2, 4, "DATE")],
        [0, 3, 4, 7],
    )
    assert find_actors(doc).actors == ()
