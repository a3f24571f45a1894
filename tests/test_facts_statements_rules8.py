"""Statement rules on hand-built parses (issue #3, eighth round): an opening clause the parser hangs on a
parenthetical cue belongs to the clause the cue interrupts; a clause the parser cut into two complements
of the cue is one statement; "those surveyed say" is a group speaking; a
because-clause after the cue is part of the statement."""

from docs import speakers_and_quotes as _run


def test_opening_clause_of_an_interrupted_report_is_content(build_doc):
    # 'If the demands are not met, Mr. Taylor warned, die-hard Sanders supporters plan to leave the
    # Democratic Party.'  (the small model's parse: 'met' is an advcl of the parataxis 'warned')
    rows = [
        ("If", "if", "SCONJ", "IN", 5, "mark"),
        ("the", "the", "DET", "DT", 2, "det"),
        ("demands", "demand", "NOUN", "NNS", 5, "nsubjpass"),
        ("are", "be", "AUX", "VBP", 5, "auxpass"),
        ("not", "not", "PART", "RB", 5, "neg"),
        ("met", "meet", "VERB", "VBN", 9, "advcl"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("Mr.", "Mr.", "PROPN", "NNP", 8, "compound"),
        ("Taylor", "Taylor", "PROPN", "NNP", 9, "nsubj"),
        ("warned", "warn", "VERB", "VBD", 16, "parataxis"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("die", "die", "ADJ", "JJ", 13, "amod"),
        ("-", "-", "PUNCT", "HYPH", 13, "punct"),
        ("hard", "hard", "ADJ", "JJ", 15, "amod"),
        ("Sanders", "Sanders", "PROPN", "NNP", 15, "compound"),
        ("supporters", "supporter", "NOUN", "NNS", 16, "nsubj"),
        ("plan", "plan", "VERB", "VBP", 16, "ROOT"),
        ("to", "to", "PART", "TO", 18, "aux"),
        ("leave", "leave", "VERB", "VB", 16, "xcomp"),
        ("the", "the", "DET", "DT", 21, "det"),
        ("Democratic", "Democratic", "PROPN", "NNP", 21, "compound"),
        ("Party", "Party", "PROPN", "NNP", 18, "dobj"),
        (".", ".", "PUNCT", ".", 16, "punct"),
    ]
    ents = [(8, 9, "PERSON"), (14, 15, "PERSON"), (20, 22, "ORG")]
    quotes = _run(build_doc, rows, ents, [5, 9, 11, 12, 21])
    assert len(quotes) == 1
    speaker, quote = quotes[0]
    assert speaker == "Taylor"
    assert quote.startswith("If the demands are not met,")
    assert quote.rstrip(".").endswith("supporters plan to leave the Democratic Party")


def test_a_clause_cut_into_two_complements_is_one_statement(build_doc):
    # 'Jane Roe told delegates that getting rid of "career sexism" was vital to closing the pay gap.'
    # (the small model's parse: 'rid' and 'was' both complements of 'told', 'was' without a subject)
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("told", "tell", "VERB", "VBD", 2, "ROOT"),
        ("delegates", "delegate", "NOUN", "NNS", 2, "dobj"),
        ("that", "that", "SCONJ", "IN", 6, "nsubj"),
        ("getting", "get", "AUX", "VBG", 6, "auxpass"),
        ("rid", "rid", "VERB", "VBN", 2, "ccomp"),
        ("of", "of", "ADP", "IN", 6, "prep"),
        ('"', '"', "PUNCT", "``", 10, "punct"),
        ("career", "career", "NOUN", "NN", 10, "compound"),
        ("sexism", "sexism", "NOUN", "NN", 7, "pobj"),
        ('"', '"', "PUNCT", "''", 10, "punct"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("vital", "vital", "ADJ", "JJ", 12, "acomp"),
        ("to", "to", "ADP", "IN", 13, "prep"),
        ("closing", "close", "VERB", "VBG", 14, "pcomp"),
        ("the", "the", "DET", "DT", 18, "det"),
        ("pay", "pay", "NOUN", "NN", 18, "compound"),
        ("gap", "gap", "NOUN", "NN", 15, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [(0, 2, "PERSON")], [8, 10, 18]) == [
        ("Jane Roe", 'that getting rid of "career sexism" was vital to closing the pay gap')
    ]


def test_those_a_poll_asked_speak_as_a_group(build_doc):
    # 'Those surveyed say the economy should come first.'
    rows = [
        ("Those", "those", "PRON", "DT", 2, "nsubj"),
        ("surveyed", "survey", "VERB", "VBN", 0, "acl"),
        ("say", "say", "VERB", "VBP", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("economy", "economy", "NOUN", "NN", 6, "nsubj"),
        ("should", "should", "AUX", "MD", 6, "aux"),
        ("come", "come", "VERB", "VB", 2, "ccomp"),
        ("first", "first", "ADV", "RB", 6, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [], [7]) == [("those surveyed", "the economy should come first")]


def test_a_reason_after_the_cue_is_part_of_what_was_said(build_doc):
    # 'The plan will work, Jane Roe said, because costs are falling.'
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("plan", "plan", "NOUN", "NN", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("work", "work", "VERB", "VB", 7, "ccomp"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ("Jane", "Jane", "PROPN", "NNP", 6, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ("because", "because", "SCONJ", "IN", 12, "mark"),
        ("costs", "cost", "NOUN", "NNS", 12, "nsubj"),
        ("are", "be", "AUX", "VBP", 12, "aux"),
        ("falling", "fall", "VERB", "VBG", 7, "advcl"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    [(speaker, quote)] = _run(build_doc, rows, [(5, 7, "PERSON")], [3, 7, 12])
    assert speaker == "Jane Roe"
    assert quote.startswith("The plan will work")
    assert quote.rstrip(".").endswith("because costs are falling")
