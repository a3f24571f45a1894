"""Statement rules on hand-built parses (issue #3, eighth round): an opening clause the parser hangs on a
parenthetical cue belongs to the clause the cue interrupts."""

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
