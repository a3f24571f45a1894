"""Statement rules, one hand-built parse per case the issue lists (no model involved).

Every sentence here was written by the team; the parses are fixed so the rules, not the model's mood,
are under test.
"""

from __future__ import annotations

import pytest
from docs import DIRECT_INVERTED

from kg.actors import find_actors
from kg.facts.statements import extract_statements, furniture_ranges
from kg.types import QuoteType

# 'Aino Virtanen spoke on Monday.\n"We are ready," she said.\n"Our army is strong."'
CONTINUED_PARAGRAPH = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        ("on", "on", "ADP", "IN", 2, "prep"),
        ("Monday", "Monday", "PROPN", "NNP", 3, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("\n", "\n", "SPACE", "_SP", 5, "dep"),
        ('"', '"', "PUNCT", "``", 14, "punct"),
        ("We", "we", "PRON", "PRP", 9, "nsubj"),
        ("are", "be", "AUX", "VBP", 14, "ccomp"),
        ("ready", "ready", "ADJ", "JJ", 9, "acomp"),
        (",", ",", "PUNCT", ",", 14, "punct"),
        ('"', '"', "PUNCT", "''", 14, "punct"),
        ("she", "she", "PRON", "PRP", 14, "nsubj"),
        ("said", "say", "VERB", "VBD", 14, "ROOT"),
        (".", ".", "PUNCT", ".", 14, "punct"),
        ("\n", "\n", "SPACE", "_SP", 15, "dep"),
        ('"', '"', "PUNCT", "``", 20, "punct"),
        ("Our", "our", "PRON", "PRP$", 19, "poss"),
        ("army", "army", "NOUN", "NN", 20, "nsubj"),
        ("is", "be", "AUX", "VBZ", 20, "ROOT"),
        ("strong", "strong", "ADJ", "JJ", 20, "acomp"),
        (".", ".", "PUNCT", ".", 20, "punct"),
        ('"', '"', "PUNCT", "''", 20, "punct"),
    ],
    [(0, 2, "PERSON"), (4, 5, "DATE")],
    [4, 5, 6, 7, 10, 11, 14, 15, 16, 17, 21, 22],
)

# '"We are ready.\n"We will win," Aino Virtanen said.'
RUN_ON_QUOTE = (
    [
        ('"', '"', "PUNCT", "``", 2, "punct"),
        ("We", "we", "PRON", "PRP", 2, "nsubj"),
        ("are", "be", "AUX", "VBP", 2, "ROOT"),
        ("ready", "ready", "ADJ", "JJ", 2, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("\n", "\n", "SPACE", "_SP", 4, "dep"),
        ('"', '"', "PUNCT", "``", 14, "punct"),
        ("We", "we", "PRON", "PRP", 9, "nsubj"),
        ("will", "will", "AUX", "MD", 9, "aux"),
        ("win", "win", "VERB", "VB", 14, "ccomp"),
        (",", ",", "PUNCT", ",", 14, "punct"),
        ('"', '"', "PUNCT", "''", 14, "punct"),
        ("Aino", "Aino", "PROPN", "NNP", 13, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 14, "nsubj"),
        ("said", "say", "VERB", "VBD", 14, "ROOT"),
        (".", ".", "PUNCT", ".", 14, "punct"),
    ],
    [(12, 14, "PERSON")],
    [0, 3, 4, 5, 6, 9, 10, 14],
)

# 'Aino Virtanen insisted the talks would resume.'
INDIRECT_NO_THAT = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("insisted", "insist", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("talks", "talk", "NOUN", "NNS", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("resume", "resume", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [6],
)

# 'The talks failed, according to Aino Virtanen.'
ACCORDING_TO = (
    [
        ("The", "the", "DET", "DT", 1, "det"),
        ("talks", "talk", "NOUN", "NNS", 2, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 2, "ROOT"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("according", "accord", "VERB", "VBG", 2, "prep"),
        ("to", "to", "ADP", "IN", 4, "prep"),
        ("Aino", "Aino", "PROPN", "NNP", 7, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 5, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(6, 8, "PERSON")],
    [2, 7],
)

# 'Aino Virtanen told reporters the plan was dead.'
TOLD_REPORTERS = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("told", "tell", "VERB", "VBD", 2, "ROOT"),
        ("reporters", "reporter", "NOUN", "NNS", 2, "dobj"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("dead", "dead", "ADJ", "JJ", 6, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [7],
)

# 'Aino Virtanen wrote on X that peace was near.'
WROTE_ON_X = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("wrote", "write", "VERB", "VBD", 2, "ROOT"),
        ("on", "on", "ADP", "IN", 2, "prep"),
        ("X", "x", "NOUN", "NN", 3, "pobj"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("peace", "peace", "NOUN", "NN", 7, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("near", "near", "ADJ", "JJ", 7, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [8],
)

# 'Aino Virtanen said the plan was "a disaster for everyone".'
MIXED_FRAGMENT = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ('"', '"', "PUNCT", "``", 5, "punct"),
        ("a", "a", "DET", "DT", 8, "det"),
        ("disaster", "disaster", "NOUN", "NN", 5, "attr"),
        ("for", "for", "ADP", "IN", 8, "prep"),
        ("everyone", "everyone", "PRON", "NN", 9, "pobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 2, "PERSON")],
    [6, 10, 11],
)

# 'Aino Virtanen warned against "appeasement" or any secret deals'
CAPTION_WARNED = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("warned", "warn", "VERB", "VBD", 2, "ROOT"),
        ("against", "against", "ADP", "IN", 2, "prep"),
        ('"', '"', "PUNCT", "``", 5, "punct"),
        ("appeasement", "appeasement", "NOUN", "NN", 3, "pobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        ("or", "or", "CCONJ", "CC", 5, "cc"),
        ("any", "any", "DET", "DT", 10, "det"),
        ("secret", "secret", "ADJ", "JJ", 10, "amod"),
        ("deals", "deal", "NOUN", "NNS", 5, "conj"),
    ],
    [(0, 2, "PERSON")],
    [4, 5],
)

# 'Ms. Aino Virtanen arrived. Mr. Jonas Berg said the talks failed. "We will try again," she said.'
GENDERED_PRONOUN = (
    [
        ("Ms.", "Ms.", "PROPN", "NNP", 2, "compound"),
        ("Aino", "Aino", "PROPN", "NNP", 2, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 3, "nsubj"),
        ("arrived", "arrive", "VERB", "VBD", 3, "ROOT"),
        (".", ".", "PUNCT", ".", 3, "punct"),
        ("Mr.", "Mr.", "PROPN", "NNP", 7, "compound"),
        ("Jonas", "Jonas", "PROPN", "NNP", 7, "compound"),
        ("Berg", "Berg", "PROPN", "NNP", 8, "nsubj"),
        ("said", "say", "VERB", "VBD", 8, "ROOT"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("talks", "talk", "NOUN", "NNS", 11, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 8, "ccomp"),
        (".", ".", "PUNCT", ".", 8, "punct"),
        ('"', '"', "PUNCT", "``", 21, "punct"),
        ("We", "we", "PRON", "PRP", 16, "nsubj"),
        ("will", "will", "AUX", "MD", 16, "aux"),
        ("try", "try", "VERB", "VB", 21, "ccomp"),
        ("again", "again", "ADV", "RB", 16, "advmod"),
        (",", ",", "PUNCT", ",", 21, "punct"),
        ('"', '"', "PUNCT", "''", 21, "punct"),
        ("she", "she", "PRON", "PRP", 21, "nsubj"),
        ("said", "say", "VERB", "VBD", 21, "ROOT"),
        (".", ".", "PUNCT", ".", 21, "punct"),
    ],
    [(1, 3, "PERSON"), (6, 8, "PERSON")],
    [3, 11, 13, 17, 18, 21],
)

# 'The White House says the deal is near.'
WHITE_HOUSE = (
    [
        ("The", "the", "DET", "DT", 2, "det"),
        ("White", "White", "PROPN", "NNP", 2, "compound"),
        ("House", "House", "PROPN", "NNP", 3, "nsubj"),
        ("says", "say", "VERB", "VBZ", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("deal", "deal", "NOUN", "NN", 6, "nsubj"),
        ("is", "be", "AUX", "VBZ", 3, "ccomp"),
        ("near", "near", "ADJ", "JJ", 6, "acomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(1, 3, "ORG")],
    [7],
)

# 'European leaders say the war must end.'
EUROPEAN_LEADERS = (
    [
        ("European", "european", "ADJ", "JJ", 1, "amod"),
        ("leaders", "leader", "NOUN", "NNS", 2, "nsubj"),
        ("say", "say", "VERB", "VBP", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("war", "war", "NOUN", "NN", 6, "nsubj"),
        ("must", "must", "AUX", "MD", 6, "aux"),
        ("end", "end", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ],
    [(0, 1, "NORP")],
    [6],
)

# 'A report by the Nordic Policy Institute said the risks were growing.'
REPORT_BY = (
    [
        ("A", "a", "DET", "DT", 1, "det"),
        ("report", "report", "NOUN", "NN", 7, "nsubj"),
        ("by", "by", "ADP", "IN", 1, "prep"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("Nordic", "Nordic", "PROPN", "NNP", 6, "compound"),
        ("Policy", "Policy", "PROPN", "NNP", 6, "compound"),
        ("Institute", "Institute", "PROPN", "NNP", 2, "pobj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("risks", "risk", "NOUN", "NNS", 11, "nsubj"),
        ("were", "be", "AUX", "VBD", 11, "aux"),
        ("growing", "grow", "VERB", "VBG", 7, "ccomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ],
    [(3, 7, "ORG")],
    [11],
)

# '"Why are we giving [Russia] everything?" Aino Virtanen said.'
BRACKETED = (
    [
        ('"', '"', "PUNCT", "``", 4, "punct"),
        ("Why", "why", "SCONJ", "WRB", 4, "advmod"),
        ("are", "be", "AUX", "VBP", 4, "aux"),
        ("we", "we", "PRON", "PRP", 4, "nsubj"),
        ("giving", "give", "VERB", "VBG", 4, "ROOT"),
        ("[", "[", "X", "XX", 4, "dative"),
        ("Russia", "Russia", "PROPN", "NNP", 4, "dobj"),
        ("]", "]", "PUNCT", "-RRB-", 4, "punct"),
        ("everything", "everything", "PRON", "NN", 4, "dobj"),
        ("?", "?", "PUNCT", ".", 4, "punct"),
        ('"', '"', "PUNCT", "''", 4, "punct"),
        ("Aino", "Aino", "PROPN", "NNP", 12, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 13, "nsubj"),
        ("said", "say", "VERB", "VBD", 13, "ROOT"),
        (".", ".", "PUNCT", ".", 13, "punct"),
    ],
    [(6, 7, "GPE"), (11, 13, "PERSON")],
    [0, 5, 6, 8, 9, 13],
)

# 'Aino Virtanen did not say whether the talks failed.'
NEGATED = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 4, "nsubj"),
        ("did", "do", "AUX", "VBD", 4, "aux"),
        ("not", "not", "PART", "RB", 4, "neg"),
        ("say", "say", "VERB", "VB", 4, "ROOT"),
        ("whether", "whether", "SCONJ", "IN", 8, "mark"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("talks", "talk", "NOUN", "NNS", 8, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ],
    [(0, 2, "PERSON")],
    [8],
)

# 'The so-called "peace plan" was published on Monday.'
SCARE_QUOTE = (
    [
        ("The", "the", "DET", "DT", 6, "det"),
        ("so", "so", "ADV", "RB", 3, "advmod"),
        ("-", "-", "PUNCT", "HYPH", 3, "punct"),
        ("called", "call", "VERB", "VBN", 6, "amod"),
        ('"', '"', "PUNCT", "``", 6, "punct"),
        ("peace", "peace", "NOUN", "NN", 6, "compound"),
        ("plan", "plan", "NOUN", "NN", 9, "nsubjpass"),
        ('"', '"', "PUNCT", "''", 6, "punct"),
        ("was", "be", "AUX", "VBD", 9, "auxpass"),
        ("published", "publish", "VERB", "VBN", 9, "ROOT"),
        ("on", "on", "ADP", "IN", 9, "prep"),
        ("Monday", "Monday", "PROPN", "NNP", 10, "pobj"),
        (".", ".", "PUNCT", ".", 9, "punct"),
    ],
    [(11, 12, "DATE")],
    [1, 2, 4, 6, 11],
)

# 'Voters who say the economy matters were split.'
RESTRICTIVE_WHO = (
    [
        ("Voters", "voter", "NOUN", "NNS", 0, "ROOT"),
        ("who", "who", "PRON", "WP", 2, "nsubj"),
        ("say", "say", "VERB", "VBP", 0, "relcl"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("economy", "economy", "NOUN", "NN", 5, "compound"),
        ("matters", "matter", "NOUN", "NNS", 7, "nsubjpass"),
        ("were", "be", "AUX", "VBD", 7, "auxpass"),
        ("split", "split", "VERB", "VBN", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 0, "punct"),
    ],
    [],
    [7],
)

# 'Aino Virtanen: We will not give up'
HEADLINE_COLON = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 6, "npadvmod"),
        (":", ":", "PUNCT", ":", 6, "punct"),
        ("We", "we", "PRON", "PRP", 6, "nsubj"),
        ("will", "will", "AUX", "MD", 6, "aux"),
        ("not", "not", "PART", "RB", 6, "neg"),
        ("give", "give", "VERB", "VB", 6, "ROOT"),
        ("up", "up", "ADP", "RP", 6, "prt"),
    ],
    [(0, 2, "PERSON")],
    [1],
)

# 'Aino Virtanen was asked whether the talks failed.'
PASSIVE_ASKED = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 3, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 3, "auxpass"),
        ("asked", "ask", "VERB", "VBN", 3, "ROOT"),
        ("whether", "whether", "SCONJ", "IN", 7, "mark"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("talks", "talk", "NOUN", "NNS", 7, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ],
    [(0, 2, "PERSON")],
    [7],
)

# 'Aino Virtanen warned against "appeasement" or any secret dealsImage: Jonas Berg/Reuters'
CAPTION_CREDIT = (
    [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("warned", "warn", "VERB", "VBD", 2, "ROOT"),
        ("against", "against", "ADP", "IN", 2, "prep"),
        ('"', '"', "PUNCT", "``", 5, "punct"),
        ("appeasement", "appeasement", "NOUN", "NN", 3, "pobj"),
        ('"', '"', "PUNCT", "''", 5, "punct"),
        ("or", "or", "CCONJ", "CC", 5, "cc"),
        ("any", "any", "DET", "DT", 10, "det"),
        ("secret", "secret", "ADJ", "JJ", 10, "amod"),
        ("dealsImage", "dealsimage", "NOUN", "NN", 5, "conj"),
        (":", ":", "PUNCT", ":", 5, "punct"),
        ("Jonas", "Jonas", "PROPN", "NNP", 15, "compound"),
        ("Berg", "Berg", "PROPN", "NNP", 15, "nmod"),
        ("/", "/", "SYM", "SYM", 15, "punct"),
        ("Reuters", "Reuters", "PROPN", "NNP", 5, "appos"),
    ],
    [(0, 2, "PERSON"), (12, 15, "PERSON"), (15, 16, "ORG")],
    [4, 5, 10, 13, 14],
)

# 'A "stray mark opens here.\n"The talks are over," Aino Virtanen said.'
STRAY_MARK = (
    [
        ("A", "a", "DET", "DT", 3, "det"),
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("stray", "stray", "ADJ", "JJ", 3, "amod"),
        ("mark", "mark", "NOUN", "NN", 4, "nsubj"),
        ("opens", "open", "VERB", "VBZ", 4, "ROOT"),
        ("here", "here", "ADV", "RB", 4, "advmod"),
        (".", ".", "PUNCT", ".", 4, "punct"),
        ("\n", "\n", "SPACE", "_SP", 6, "dep"),
        ('"', '"', "PUNCT", "``", 17, "punct"),
        ("The", "the", "DET", "DT", 10, "det"),
        ("talks", "talk", "NOUN", "NNS", 11, "nsubj"),
        ("are", "be", "AUX", "VBP", 17, "ccomp"),
        ("over", "over", "ADV", "RB", 11, "advmod"),
        (",", ",", "PUNCT", ",", 17, "punct"),
        ('"', '"', "PUNCT", "''", 17, "punct"),
        ("Aino", "Aino", "PROPN", "NNP", 16, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 17, "nsubj"),
        ("said", "say", "VERB", "VBD", 17, "ROOT"),
        (".", ".", "PUNCT", ".", 17, "punct"),
    ],
    [(15, 17, "PERSON")],
    [1, 5, 6, 7, 8, 12, 13, 17],
)


def _extract(build_doc, case):
    doc = build_doc(*case)
    index = find_actors(doc)
    names = {a.id: a.name for a in index.actors}
    statements = extract_statements(doc, index)
    for st in statements:  # every statement carries exact offsets, its sentence and a confidence
        assert doc.text[st.char_start : st.char_end] == st.quote
        assert (
            st.sentence in doc.text and doc.text[st.sentence_start : st.sentence_end].strip() == st.sentence
        )
        assert st.sentence_start <= st.char_start < st.char_end <= st.sentence_end
        assert 0.0 <= st.confidence <= 1.0 and st.cue
    return doc, [(names[st.speaker], st) for st in statements]


def test_inverted_cue_with_apposition_strips_the_title(build_doc):
    _, found = _extract(build_doc, DIRECT_INVERTED)
    [(speaker, st)] = found
    assert speaker == "Aino Virtanen" and st.quote == "Peace is close" and st.quote_type is QuoteType.DIRECT


def test_quote_in_next_paragraph_continues_the_named_speaker(build_doc):
    doc, found = _extract(build_doc, CONTINUED_PARAGRAPH)
    assert [(s, st.quote, st.quote_type) for s, st in found] == [
        ("Aino Virtanen", "We are ready", QuoteType.DIRECT),  # "she" resolved, never an actor
        ("Aino Virtanen", "Our army is strong.", QuoteType.DIRECT),  # no cue of its own
    ]
    assert found[1][1].cue == found[0][1].cue == "said"


def test_run_on_quote_gets_the_speaker_named_in_its_last_paragraph(build_doc):
    _, found = _extract(build_doc, RUN_ON_QUOTE)
    assert [(s, st.quote) for s, st in found] == [
        ("Aino Virtanen", "We are ready."),
        ("Aino Virtanen", "We will win"),
    ]


def test_indirect_speech_without_that(build_doc):
    _, found = _extract(build_doc, INDIRECT_NO_THAT)
    [(speaker, st)] = found
    assert (speaker, st.quote, st.cue, st.quote_type) == (
        "Aino Virtanen",
        "the talks would resume",
        "insisted",
        QuoteType.INDIRECT,
    )


def test_according_to(build_doc):
    _, found = _extract(build_doc, ACCORDING_TO)
    [(speaker, st)] = found
    assert (speaker, st.quote, st.cue) == ("Aino Virtanen", "The talks failed", "according to Aino Virtanen")


def test_told_reporters_is_the_cue(build_doc):
    _, found = _extract(build_doc, TOLD_REPORTERS)
    [(speaker, st)] = found
    assert (speaker, st.quote, st.cue) == ("Aino Virtanen", "the plan was dead", "told reporters")


def test_wrote_on_x_is_the_cue(build_doc):
    _, found = _extract(build_doc, WROTE_ON_X)
    [(speaker, st)] = found
    assert (speaker, st.quote, st.cue) == ("Aino Virtanen", "that peace was near", "wrote on X")


def test_paraphrase_with_a_quoted_fragment_is_mixed(build_doc):
    _, found = _extract(build_doc, MIXED_FRAGMENT)
    [(speaker, st)] = found
    assert st.quote_type is QuoteType.MIXED and speaker == "Aino Virtanen"
    assert st.quote == 'the plan was "a disaster for everyone"'


def test_caption_style_warning_is_mixed(build_doc):
    _, found = _extract(build_doc, CAPTION_WARNED)
    [(speaker, st)] = found
    assert (speaker, st.quote_type, st.cue) == ("Aino Virtanen", QuoteType.MIXED, "warned")
    assert st.quote == 'against "appeasement" or any secret deals'


def test_caption_credit_is_cut_off_and_never_speaks(build_doc):
    _, found = _extract(build_doc, CAPTION_CREDIT)
    [(speaker, st)] = found
    assert speaker == "Aino Virtanen" and st.quote == 'against "appeasement" or any secret deals'


def test_she_skips_a_man_who_spoke_last(build_doc):
    _, found = _extract(build_doc, GENDERED_PRONOUN)
    assert [(s, st.quote) for s, st in found] == [
        ("Jonas Berg", "the talks failed"),
        ("Aino Virtanen", "We will try again"),  # "Ms." before her name, "Mr." before his
    ]


@pytest.mark.parametrize(
    ("case", "speaker", "kind"),
    [
        (WHITE_HOUSE, "White House", "Organization"),
        (EUROPEAN_LEADERS, "European leaders", "Group"),
        (REPORT_BY, "Nordic Policy Institute", "Organization"),
    ],
)
def test_organisations_and_groups_speak(build_doc, case, speaker, kind):
    doc = build_doc(*case)
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    actor = next(a for a in index.actors if a.id == st.speaker)
    assert (actor.name, actor.type.value) == (speaker, kind)


def test_bracketed_insertion_stays_verbatim(build_doc):
    _, found = _extract(build_doc, BRACKETED)
    [(speaker, st)] = found
    assert (speaker, st.quote) == ("Aino Virtanen", "Why are we giving [Russia] everything?")


def test_stray_quote_mark_costs_only_its_paragraph(build_doc):
    _, found = _extract(build_doc, STRAY_MARK)
    assert [(s, st.quote) for s, st in found] == [("Aino Virtanen", "The talks are over")]


@pytest.mark.parametrize(
    "case",
    [NEGATED, SCARE_QUOTE, RESTRICTIVE_WHO, PASSIVE_ASKED],
    ids=["did-not-say", "scare-quote", "voters-who-say", "was-asked"],
)
def test_no_statement(build_doc, case):
    _, found = _extract(build_doc, case)
    assert found == []


def test_headline_colon(build_doc):
    _, found = _extract(build_doc, HEADLINE_COLON)
    [(speaker, st)] = found
    assert (speaker, st.quote, st.cue) == ("Aino Virtanen", "We will not give up", ":")


@pytest.mark.parametrize(
    "line",
    [
        "To view this video please enable JavaScript in your browser settings",
        "keep readingShow less",
        "Subscribe to the morning briefing for the week's top stories",
        "Top image credit: A minister speaks at a summit, May 10 2025, Jane Doe/dpa via Reuters Connect",
        "Edited by: Jane Doe",
        "Write to Jane Doe at jane.doe@example.com",
    ],
)
def test_furniture_lines_are_masked_whole(line):
    text = f"A first line.\n{line}\nA last line."
    start = text.index(line)
    assert furniture_ranges(text) == [(start, start + len(line))]


def test_a_credit_masks_only_the_end_of_its_caption():
    text = "A minister warned against a deal.Image: Jane Doe/Reuters\nNext."
    assert furniture_ranges(text) == [(text.index("Image:"), text.index("\n"))]
    assert furniture_ranges("The newsletter said the talks failed.") == []
