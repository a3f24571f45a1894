"""Statement rules on hand-built parses (issue #3, seventh round): a contrast clause set off inside the
content, before the verb it modifies, is part of the content, not a second report."""

from docs import speakers_and_quotes as _run


def test_contrast_aside_before_its_verb_stays_in_the_content(build_doc):
    # 'Maria Lopez says the email scandal, while troublesome, was handled well.'
    rows = [
        ("Maria", "Maria", "PROPN", "NNP", 1, "compound"),
        ("Lopez", "Lopez", "PROPN", "NNP", 2, "nsubj"),
        ("says", "say", "VERB", "VBZ", 2, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("email", "email", "NOUN", "NN", 5, "compound"),
        ("scandal", "scandal", "NOUN", "NN", 11, "nsubjpass"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("while", "while", "SCONJ", "IN", 8, "mark"),
        ("troublesome", "troublesome", "ADJ", "JJ", 11, "advcl"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("was", "be", "AUX", "VBD", 11, "auxpass"),
        ("handled", "handle", "VERB", "VBN", 2, "ccomp"),
        ("well", "well", "ADV", "RB", 11, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [(0, 2, "PERSON")], [5, 8, 12]) == [
        ("Maria Lopez", "the email scandal, while troublesome, was handled well")
    ]
