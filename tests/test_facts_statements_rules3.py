"""Statement rules on hand-built parses (issue #3): role descriptions tied to the document's holder of the
role ("Sen. Jane Roe ... the senator said"), speakers before a long aside, "N in 10 say" shares, cue
clauses that split a clause, adjectives before a cue ("was quick to point out") and "told The Post"."""

import pytest

from kg.actors import find_actors
from kg.actors.index import TITLE_LABEL
from kg.facts.statements import extract_statements
from kg.types import ActorType

# 'The senator said that the plant would close.' (heads relative to the sentence start)
SENATOR_SAID = [
    ("The", "the", "DET", "DT", 1, "det"),
    ("senator", "senator", "NOUN", "NN", 2, "nsubj"),
    ("said", "say", "VERB", "VBD", 2, "ROOT"),
    ("that", "that", "SCONJ", "IN", 7, "mark"),
    ("the", "the", "DET", "DT", 5, "det"),
    ("plant", "plant", "NOUN", "NN", 7, "nsubj"),
    ("would", "would", "AUX", "MD", 7, "aux"),
    ("close", "close", "VERB", "VB", 2, "ccomp"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def _sentences(*sentences):
    """Rows of several sentences given with heads relative to their own sentence, the no-space list and
    each sentence's first token."""
    rows, glued, starts = [], [], []
    for sent in sentences:
        base = len(rows)
        starts.append(base)
        for word, lemma, pos, tag, head, dep in sent:
            rows.append((word, lemma, pos, tag, base + head, dep))
        glued.append(len(rows) - 2)  # the word before the full stop
    return rows, glued, starts


def _run(build_doc, rows, ents, glued):
    doc = build_doc(rows, ents, glued)
    index = find_actors(doc)
    statements = extract_statements(doc, index)
    actors = {a.id: a for a in index.actors}  # after: unnamed speakers join the index
    for st in statements:
        assert doc.text[st.char_start : st.char_end] == st.quote
    return doc, [(actors[st.speaker], st) for st in statements]


# 'Sen. Jane Roe of Ohio toured the harbour.': a senator by the abbreviated title before the name
TITLED = [
    ("Sen.", "Sen.", "PROPN", "NNP", 2, "compound"),
    ("Jane", "Jane", "PROPN", "NNP", 2, "compound"),
    ("Roe", "Roe", "PROPN", "NNP", 5, "nsubj"),
    ("of", "of", "ADP", "IN", 2, "prep"),
    ("Ohio", "Ohio", "PROPN", "NNP", 3, "pobj"),
    ("toured", "tour", "VERB", "VBD", 5, "ROOT"),
    ("the", "the", "DET", "DT", 7, "det"),
    ("harbour", "harbour", "NOUN", "NN", 5, "dobj"),
    (".", ".", "PUNCT", ".", 5, "punct"),
]
TITLED_ENTS, TITLED_GLUED = [(1, 3, "PERSON"), (4, 5, "GPE")], []
# 'Jane Roe, a senator from Ohio, toured the harbour.': a senator by the apposed role
APPOSED = [
    ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
    ("Roe", "Roe", "PROPN", "NNP", 8, "nsubj"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("a", "a", "DET", "DT", 4, "det"),
    ("senator", "senator", "NOUN", "NN", 1, "appos"),
    ("from", "from", "ADP", "IN", 4, "prep"),
    ("Ohio", "Ohio", "PROPN", "NNP", 5, "pobj"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("toured", "tour", "VERB", "VBD", 8, "ROOT"),
    ("the", "the", "DET", "DT", 10, "det"),
    ("harbour", "harbour", "NOUN", "NN", 8, "dobj"),
    (".", ".", "PUNCT", ".", 8, "punct"),
]
APPOSED_ENTS, APPOSED_GLUED = [(0, 2, "PERSON"), (6, 7, "GPE")], [1, 6]
OPENERS = {"titled": (TITLED, TITLED_ENTS, TITLED_GLUED), "apposed": (APPOSED, APPOSED_ENTS, APPOSED_GLUED)}


@pytest.mark.parametrize("opener", ["titled", "apposed"])
def test_the_senator_is_the_named_senator_before(build_doc, opener):
    # '<opener> The senator said that the plant would close.'
    first, ents, first_glued = OPENERS[opener]
    rows, glued, starts = _sentences(first, SENATOR_SAID)
    doc, found = _run(build_doc, rows, ents, [*first_glued, *glued])
    [(actor, st)] = found
    assert (actor.name, actor.type, st.quote) == ("Jane Roe", ActorType.PERSON, "that the plant would close")
    the_senator = doc[starts[1] : starts[1] + 2]
    assert [(m.text, m.start, m.end) for m in actor.mentions if m.label == TITLE_LABEL] == [
        (the_senator.text, the_senator.start_char, the_senator.end_char)
    ]


@pytest.mark.parametrize("opener", ["titled", "apposed"])
@pytest.mark.parametrize(("state", "holder"), [("Ohio", True), ("Florida", False)])
def test_capitalised_modifier_must_fit_the_holder(build_doc, opener, state, holder):
    # '<opener> The <state> senator said that the plant would close.': only the Ohio senator is Jane Roe
    first, ents, first_glued = OPENERS[opener]
    said = [
        ("The", "the", "DET", "DT", 2, "det"),
        (state, state, "PROPN", "NNP", 2, "compound"),
        *[(w, lemma, pos, tag, head + 1, dep) for w, lemma, pos, tag, head, dep in SENATOR_SAID[1:]],
    ]
    rows, glued, starts = _sentences(first, said)
    ents = [*ents, (starts[1] + 1, starts[1] + 2, "GPE")]
    _, found = _run(build_doc, rows, ents, [*first_glued, *glued])
    speakers = [actor.name for actor, st in found if "plant would close" in st.quote]
    assert len(speakers) == 1
    assert (speakers[0] == "Jane Roe") is holder


def test_the_aide_is_the_senior_aide_described_before(build_doc):
    # 'A senior aide said that talks had stalled. The aide said that a deal was still near.'
    first = [
        ("A", "a", "DET", "DT", 2, "det"),
        ("senior", "senior", "ADJ", "JJ", 2, "amod"),
        ("aide", "aide", "NOUN", "NN", 3, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "ROOT"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("talks", "talk", "NOUN", "NNS", 7, "nsubj"),
        ("had", "have", "AUX", "VBD", 7, "aux"),
        ("stalled", "stall", "VERB", "VBN", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    second = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("aide", "aide", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("that", "that", "SCONJ", "IN", 6, "mark"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("deal", "deal", "NOUN", "NN", 6, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("still", "still", "ADV", "RB", 8, "advmod"),
        ("near", "near", "ADJ", "JJ", 6, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    rows, glued, _ = _sentences(first, second)
    _, found = _run(build_doc, rows, [], glued)
    by_quote = {st.quote: actor for actor, st in found}
    assert set(by_quote) == {"that talks had stalled", "that a deal was still near"}
    first_actor, second_actor = by_quote["that talks had stalled"], by_quote["that a deal was still near"]
    assert (first_actor.name, first_actor.type) == ("senior aide", ActorType.PERSON)
    assert second_actor.id == first_actor.id
    assert [m.text for m in second_actor.mentions if m.label == TITLE_LABEL] == ["The aide"]


# 'Jane Roe, a former official of the agency, said that the office would close.' with the parser losing
# the cue's subject: the name hung on the cue as a bare modifier, or the cue hung as a clause of the aside
_ASIDE = [
    ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
    ("Roe", "Roe", "PROPN", "NNP", 10, "npadvmod"),
    (",", ",", "PUNCT", ",", 1, "punct"),
    ("a", "a", "DET", "DT", 5, "det"),
    ("former", "former", "ADJ", "JJ", 5, "amod"),
    ("official", "official", "NOUN", "NN", 1, "appos"),
    ("of", "of", "ADP", "IN", 5, "prep"),
    ("the", "the", "DET", "DT", 8, "det"),
    ("agency", "agency", "NOUN", "NN", 6, "pobj"),
    (",", ",", "PUNCT", ",", 10, "punct"),
    ("said", "say", "VERB", "VBD", 10, "ROOT"),
    ("that", "that", "SCONJ", "IN", 15, "mark"),
    ("the", "the", "DET", "DT", 13, "det"),
    ("office", "office", "NOUN", "NN", 15, "nsubj"),
    ("would", "would", "AUX", "MD", 15, "aux"),
    ("close", "close", "VERB", "VB", 10, "ccomp"),
    (".", ".", "PUNCT", ".", 10, "punct"),
]


def _rehang(rows, changes):
    """The rows with some tokens given a new (head, dep)."""
    return [(*row[:4], *changes.get(i, row[4:])) for i, row in enumerate(rows)]


# the same with the name as the root and the cue as a clause of "official"
_ASIDE_ACL = _rehang(_ASIDE, {1: (1, "ROOT"), 9: (1, "punct"), 10: (5, "acl"), 16: (1, "punct")})


@pytest.mark.parametrize("rows", [_ASIDE, _ASIDE_ACL], ids=["no-subject", "acl"])
def test_speaker_before_a_long_aside(build_doc, rows):
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], [1, 8, 15])
    assert [(actor.name, st.quote) for actor, st in found] == [("Jane Roe", "that the office would close")]


def test_quick_to_point_out_takes_the_subject_of_the_copula(build_doc):
    # 'Jane Roe was quick to point out that the plan had failed.'
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ROOT"),
        ("quick", "quick", "ADJ", "JJ", 2, "acomp"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("point", "point", "VERB", "VB", 3, "xcomp"),
        ("out", "out", "ADP", "RP", 5, "prt"),
        ("that", "that", "SCONJ", "IN", 11, "mark"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("plan", "plan", "NOUN", "NN", 11, "nsubj"),
        ("had", "have", "AUX", "VBD", 11, "aux"),
        ("failed", "fail", "VERB", "VBN", 5, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], [11])
    assert [(actor.name, st.quote) for actor, st in found] == [("Jane Roe", "that the plan had failed")]


def test_n_in_10_share_speaks_as_a_group(build_doc):
    # 'Six in 10 say the plan will fail.' with "Six" and "in" as quantity modifiers of "10"
    rows = [
        ("Six", "six", "NUM", "CD", 2, "quantmod"),
        ("in", "in", "ADP", "IN", 2, "quantmod"),
        ("10", "10", "NUM", "CD", 3, "nsubj"),
        ("say", "say", "VERB", "VBP", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 7, "nsubj"),
        ("will", "will", "AUX", "MD", 7, "aux"),
        ("fail", "fail", "VERB", "VB", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    _, found = _run(build_doc, rows, [], [7])
    [(actor, st)] = found
    assert (actor.name, actor.type, st.quote) == ("Six in 10", ActorType.GROUP, "the plan will fail")


def test_cue_inside_a_clause_reports_both_sides(build_doc):
    # 'Jane Roe toured the market. Many of them, she said, have closed.'
    opener = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("toured", "tour", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("market", "market", "NOUN", "NN", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    split = [
        ("Many", "many", "ADJ", "JJ", 8, "nsubj"),
        ("of", "of", "ADP", "IN", 0, "prep"),
        ("them", "they", "PRON", "PRP", 1, "pobj"),
        (",", ",", "PUNCT", ",", 5, "punct"),
        ("she", "she", "PRON", "PRP", 5, "nsubj"),
        ("said", "say", "VERB", "VBD", 8, "parataxis"),
        (",", ",", "PUNCT", ",", 5, "punct"),
        ("have", "have", "AUX", "VBP", 8, "aux"),
        ("closed", "close", "VERB", "VBN", 8, "ROOT"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ]
    rows, glued, starts = _sentences(opener, split)
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], [*glued, starts[1] + 2, starts[1] + 5])
    [(actor, st)] = found
    assert actor.name == "Jane Roe"
    assert st.quote.startswith("Many of them")
    assert st.quote.rstrip(".").endswith("have closed")


def test_told_the_paper_closing_a_sentence_reports_the_sentence_before(build_doc):
    # 'The plant will close in June, Jane Roe told The Post.' with the cue hung on the main clause
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("plant", "plant", "NOUN", "NN", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("close", "close", "VERB", "VB", 3, "ROOT"),
        ("in", "in", "ADP", "IN", 3, "prep"),
        ("June", "June", "PROPN", "NNP", 4, "pobj"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("Jane", "Jane", "PROPN", "NNP", 8, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 9, "nsubj"),
        ("told", "tell", "VERB", "VBD", 3, "parataxis"),
        ("The", "the", "DET", "DT", 11, "det"),
        ("Post", "Post", "PROPN", "NNP", 9, "dobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    ents = [(5, 6, "DATE"), (7, 9, "PERSON"), (10, 12, "ORG")]
    _, found = _run(build_doc, rows, ents, [5, 11])
    assert [(actor.name, st.quote) for actor, st in found] == [("Jane Roe", "The plant will close in June")]
