"""Hand-built parses used by the rule tests (each sentence written by the team)."""

from __future__ import annotations

# '"Peace is close," said Finnish President Aino Virtanen.'
DIRECT_INVERTED = (
    [
        ('"', '"', "PUNCT", "``", 6, "punct"),
        ("Peace", "peace", "NOUN", "NN", 2, "nsubj"),
        ("is", "be", "AUX", "VBZ", 6, "ccomp"),
        ("close", "close", "ADJ", "JJ", 2, "acomp"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ('"', '"', "PUNCT", "''", 6, "punct"),
        ("said", "say", "VERB", "VBD", 6, "ROOT"),
        ("Finnish", "finnish", "ADJ", "JJ", 10, "amod"),
        ("President", "President", "PROPN", "NNP", 10, "compound"),
        ("Aino", "Aino", "PROPN", "NNP", 10, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 6, "nsubj"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ],
    [(7, 8, "NORP"), (9, 11, "PERSON")],
    [0, 3, 4, 10],
)

# 'Aino Virtanen met envoys. She warned that the ceasefire would hold.'
INDIRECT_PRONOUN = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("met", "meet", "VERB", "VBD", 2, "ROOT"),
        ("envoys", "envoy", "NOUN", "NNS", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("She", "she", "PRON", "PRP", 6, "nsubj"),
        ("warned", "warn", "VERB", "VBD", 6, "ROOT"),
        ("that", "that", "SCONJ", "IN", 11, "mark"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("ceasefire", "ceasefire", "NOUN", "NN", 11, "nsubj"),
        ("would", "would", "AUX", "MD", 11, "aux"),
        ("hold", "hold", "VERB", "VB", 6, "ccomp"),
        (".", ".", "PUNCT", ".", 6, "punct"),
    ],
    [(0, 2, "PERSON")],
    [3, 11],
)

# 'France and Poland pledged 2 billion euros to Ukraine.'
PLEDGE_COORDINATED = (
    [
        ("France", "France", "PROPN", "NNP", 3, "nsubj"),
        ("and", "and", "CCONJ", "CC", 0, "cc"),
        ("Poland", "Poland", "PROPN", "NNP", 0, "conj"),
        ("pledged", "pledge", "VERB", "VBD", 3, "ROOT"),
        ("2", "2", "NUM", "CD", 5, "compound"),
        ("billion", "billion", "NUM", "CD", 6, "nummod"),
        ("euros", "euro", "NOUN", "NNS", 3, "dobj"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 7, "pobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(0, 1, "GPE"), (2, 3, "GPE"), (4, 7, "MONEY"), (8, 9, "GPE")],
    [8],
)

# 'France should not send troops to Ukraine.'
PLEDGE_NEGATED = (
    [
        ("France", "France", "PROPN", "NNP", 3, "nsubj"),
        ("should", "should", "AUX", "MD", 3, "aux"),
        ("not", "not", "PART", "RB", 3, "neg"),
        ("send", "send", "VERB", "VB", 3, "ROOT"),
        ("troops", "troop", "NOUN", "NNS", 3, "dobj"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 5, "pobj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(0, 1, "GPE"), (6, 7, "GPE")],
    [6],
)

# 'Britain is prepared to contribute to a reassurance force.'
PLEDGE_PREPARED = (
    [
        ("Britain", "Britain", "PROPN", "NNP", 1, "nsubj"),
        ("is", "be", "AUX", "VBZ", 1, "ROOT"),
        ("prepared", "prepare", "VERB", "VBN", 1, "acomp"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("contribute", "contribute", "VERB", "VB", 2, "xcomp"),
        ("to", "to", "ADP", "IN", 4, "prep"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("reassurance", "reassurance", "NOUN", "NN", 8, "compound"),
        ("force", "force", "NOUN", "NN", 5, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ],
    [(0, 1, "GPE")],
    [8],
)

# 'Aino Virtanen spoke first. Virtanen then left.'
SURNAME_LATER = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        ("first", "first", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 7, "nsubj"),
        ("then", "then", "ADV", "RB", 7, "advmod"),
        ("left", "leave", "VERB", "VBD", 7, "ROOT"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ],
    [(0, 2, "PERSON"), (5, 6, "ORG")],
    [3, 7],
)


def speakers_and_quotes(build_doc, rows, ents, glued):  # type: ignore[no-untyped-def]
    """Statements of a hand-built parse as (speaker name, quote), each checked against its offsets."""
    from kg.actors import find_actors
    from kg.facts.statements import extract_statements

    doc = build_doc(rows, ents, glued)
    index = find_actors(doc)
    statements = extract_statements(doc, index)
    actors = {a.id: a for a in index.actors}
    for st in statements:
        assert doc.text[st.char_start : st.char_end] == st.quote
    return [(actors[st.speaker].name, st.quote) for st in statements]
