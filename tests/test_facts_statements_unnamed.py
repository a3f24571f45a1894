"""Unnamed speakers ("senior officials said", "the campaign said"), and a few parse failures the
statement rules recover from. Hand-built parses of sentences the team wrote, so the rules are under test.
"""

from __future__ import annotations

from kg.actors import find_actors, resolve
from kg.actors.index import DESCRIPTION_LABEL
from kg.facts.statements import extract_statements
from kg.types import ActorType, DocResult, Document, LocalActor, Mention, QuoteType


def _said(
    subject: list[tuple[str, str, str, str, int, str]], clause: list[tuple[str, str, str, str, int, str]]
):
    """'<subject> said <clause>.': heads in `subject` and `clause` are relative to their own part (the
    subject's root has head -1: the verb); the clause's root is its first entry with head -1."""
    n = len(subject)
    rows = []
    for text, lemma, pos, tag, head, dep in subject:
        rows.append((text, lemma, pos, tag, n if head < 0 else head, dep))
    rows.append(("said", "say", "VERB", "VBD", n, "ROOT"))
    for text, lemma, pos, tag, head, dep in clause:
        rows.append((text, lemma, pos, tag, n if head < 0 else head + n + 1, dep))
    rows.append((".", ".", "PUNCT", ".", n, "punct"))
    return rows, [], [len(rows) - 2]


# "... said the talks had stalled."
STALLED = [
    ("the", "the", "DET", "DT", 1, "det"),
    ("talks", "talk", "NOUN", "NNS", 3, "nsubj"),
    ("had", "have", "AUX", "VBD", 3, "aux"),
    ("stalled", "stall", "VERB", "VBN", -1, "ccomp"),
]


def _statements(build_doc, case):
    doc = build_doc(*case)
    index = find_actors(doc)
    statements = extract_statements(doc, index)
    actors = {a.id: a for a in index.actors}  # the unnamed speakers join the index as they are found
    return [(actors[st.speaker], st) for st in statements]


def test_plural_common_noun_speaker_is_a_group_of_the_document(build_doc):
    subject = [("Officials", "official", "NOUN", "NNS", -1, "nsubj")]
    [(actor, st)] = _statements(build_doc, _said(subject, STALLED))
    assert (actor.name, actor.type) == ("Officials", ActorType.GROUP)
    assert all(m.label == DESCRIPTION_LABEL for m in actor.mentions)
    assert st.quote == "the talks had stalled" and st.quote_type is QuoteType.INDIRECT


def test_singular_organisation_noun_is_an_organisation(build_doc):
    subject = [("The", "the", "DET", "DT", 1, "det"), ("campaign", "campaign", "NOUN", "NN", -1, "nsubj")]
    [(actor, _)] = _statements(build_doc, _said(subject, STALLED))
    assert (actor.name, actor.type) == ("campaign", ActorType.ORGANIZATION)


def test_singular_person_noun_is_an_unnamed_person(build_doc):
    subject = [
        ("A", "a", "DET", "DT", 2, "det"),
        ("senior", "senior", "ADJ", "JJ", 2, "amod"),
        ("official", "official", "NOUN", "NN", -1, "nsubj"),
    ]
    [(actor, _)] = _statements(build_doc, _said(subject, STALLED))
    assert (actor.name, actor.type) == ("senior official", ActorType.PERSON)


def test_partitive_speaker_is_the_group_it_counts(build_doc):
    subject = [
        ("Most", "most", "ADJ", "JJS", -1, "nsubj"),
        ("of", "of", "ADP", "IN", 0, "prep"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("delegates", "delegate", "NOUN", "NNS", 1, "pobj"),
    ]
    [(actor, _)] = _statements(build_doc, _said(subject, STALLED))
    assert (actor.name, actor.type) == ("delegates", ActorType.GROUP)


def test_abstractions_do_not_speak(build_doc):
    for noun in ("law", "decision"):
        subject = [("The", "the", "DET", "DT", 1, "det"), (noun, noun, "NOUN", "NN", -1, "nsubj")]
        doc = build_doc(*_said(subject, STALLED))
        index = find_actors(doc)
        assert extract_statements(doc, index) == [], noun
        assert all(a.name != noun for a in index.actors)


def test_authorless_document_speaks_as_itself_with_low_confidence(build_doc):
    subject = [("The", "the", "DET", "DT", 1, "det"), ("report", "report", "NOUN", "NN", -1, "nsubj")]
    [(actor, st)] = _statements(build_doc, _said(subject, STALLED))
    assert (actor.name, actor.type) == ("report", ActorType.ORGANIZATION)
    assert st.confidence < 0.5  # no author named: the source is the document itself


def test_unnamed_speakers_are_never_merged_across_documents():
    def doc(doc_id: str) -> DocResult:
        officials = LocalActor(
            "s0", "officials", ActorType.GROUP, (Mention("officials", 0, 9, DESCRIPTION_LABEL),)
        )
        named = LocalActor("a0", "Europeans", ActorType.GROUP, (Mention("Europeans", 20, 29, "NORP"),))
        return DocResult(Document(doc_id, "officials ... Europeans"), (officials, named))

    res = resolve([doc("d1"), doc("d2")])
    assert res.key("d1", "s0") != res.key("d2", "s0")  # two articles' "officials" are two groups
    assert res.key("d1", "a0") == res.key("d2", "a0")  # a named group is one node, as before
    assert sorted(a.name for a in res.actors) == ["Europeans", "officials", "officials"]
    assert {a.name: a.unnamed for a in res.actors} == {"Europeans": False, "officials": True}


def test_unnamed_speakers_are_typed_as_such_in_the_graph():
    from rdflib import RDF

    from kg.rdf.build import build_dataset
    from kg.rdf.iris import ACTORS_GRAPH, actor_iri
    from kg.rdf.namespace import KG

    spokesman = LocalActor(
        "s0", "spokesman", ActorType.PERSON, (Mention("spokesman", 4, 13, DESCRIPTION_LABEL),)
    )
    named = LocalActor("a0", "Aino Virtanen", ActorType.PERSON, (Mention("Aino Virtanen", 20, 33, "PERSON"),))
    result = DocResult(Document("d1", "The spokesman ... Aino Virtanen"), (spokesman, named))
    res = resolve([result])
    actors = build_dataset([result], res).graph(ACTORS_GRAPH)
    unnamed = set(actors.subjects(RDF.type, KG.UnnamedActor))
    assert unnamed == {actor_iri(res.key("d1", "s0"))}  # the named person is not marked
    assert (actor_iri(res.key("d1", "s0")), RDF.type, KG.Person) in actors


# 'Aino Virtanen won pledged delegates.'
PLEDGED = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("won", "win", "VERB", "VBD", 2, "ROOT"),
        ("pledged", "pledge", "VERB", "VBN", 4, "amod"),
        ("delegates", "delegate", "NOUN", "NNS", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [4],
)


def test_a_speech_verb_used_as_an_adjective_is_no_cue(build_doc):
    assert _statements(build_doc, PLEDGED) == []


# '"We will win," said Aino Virtanen, the minister.' parsed with the name hung on "minister"
INVERTED_LOST_SUBJECT = (
    [
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("We", "we", "PRON", "PRP", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("win", "win", "VERB", "VB", 6, "ccomp"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ('"', '"', "PUNCT", "''", 6, "punct"),
        ("said", "say", "VERB", "VBD", 6, "ROOT"),
        ("Aino", "Aino", "PROPN", "NNP", 8, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 11, "nsubj"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ("the", "the", "DET", "DT", 11, "det"),
        ("minister", "minister", "NOUN", "NN", 6, "npadvmod"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ],
    [(7, 9, "PERSON")],
    [0, 3, 4, 8, 11],
)


def test_inverted_cue_whose_subject_the_parser_lost_takes_the_name_after_it(build_doc):
    [(actor, st)] = _statements(build_doc, INVERTED_LOST_SUBJECT)
    assert actor.name == "Aino Virtanen"
    assert st.quote == "We will win" and st.quote_type is QuoteType.DIRECT


# 'Aino Virtanen said the deal would hold, comparing it to the last one.'
TRAILING_PARTICIPLE = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("deal", "deal", "NOUN", "NN", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("hold", "hold", "VERB", "VB", 2, "ccomp"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ("comparing", "compare", "VERB", "VBG", 6, "advcl"),
        ("it", "it", "PRON", "PRP", 8, "dobj"),
        ("to", "to", "ADP", "IN", 8, "prep"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("last", "last", "ADJ", "JJ", 13, "amod"),
        ("one", "one", "NOUN", "NN", 10, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [6, 13],
)


def test_a_participle_closing_the_reported_clause_is_part_of_it(build_doc):
    [(_, st)] = _statements(build_doc, TRAILING_PARTICIPLE)
    assert st.quote == "the deal would hold, comparing it to the last one"


# 'The money that Aino Virtanen said was still missing turned up.'
RELATIVE_REPORT = (
    [
        ("The", "the", "DET", "DT", 1, "det"),
        ("money", "money", "NOUN", "NN", 9, "nsubj"),
        ("that", "that", "PRON", "WDT", 6, "nsubj"),
        ("Aino", "Aino", "PROPN", "NNP", 4, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 5, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "relcl"),
        ("was", "be", "AUX", "VBD", 5, "ccomp"),
        ("still", "still", "ADV", "RB", 8, "advmod"),
        ("missing", "missing", "ADJ", "JJ", 6, "acomp"),
        ("turned", "turn", "VERB", "VBD", 9, "ROOT"),
        ("up", "up", "ADP", "RP", 9, "prt"),
        (".", ".", "PUNCT", ".", 9, "punct"),
    ],
    [(3, 5, "PERSON")],
    [10],
)


def test_a_report_inside_a_relative_clause_is_the_subjects_and_never_spans_the_cue(build_doc):
    [(actor, st)] = _statements(build_doc, RELATIVE_REPORT)
    assert actor.name == "Aino Virtanen"
    assert st.quote == "was still missing" and st.cue == "said"
