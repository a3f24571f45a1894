"""Statement rules on hand-built parses (issue #3, sixth round): a bare definite role noun ("the
spokesman said") is an unnamed speaker of the document."""

from docs import speakers_and_quotes as _run


def test_bare_definite_role_noun_speaks(build_doc):
    # 'The spokesman said the talks would resume.'
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("spokesman", "spokesman", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("talks", "talk", "NOUN", "NNS", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("resume", "resume", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [], [7]) == [("spokesman", "the talks would resume")]


def test_possessed_role_noun_is_not_an_unnamed_speaker(build_doc):
    # 'His aide said the talks would resume.': someone else's aide, named elsewhere
    rows = [
        ("His", "his", "PRON", "PRP$", 1, "poss"),
        ("aide", "aide", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("talks", "talk", "NOUN", "NNS", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("resume", "resume", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [], [7]) == []


def test_a_share_written_with_a_percent_sign_speaks(build_doc):
    # '26 % say they are conservative.': the "%" token is punctuation to spaCy, yet part of the figure
    rows = [
        ("26", "26", "NUM", "CD", 1, "nummod"),
        ("%", "%", "NOUN", "NN", 2, "nsubj"),
        ("say", "say", "VERB", "VBP", 2, "ROOT"),
        ("they", "they", "PRON", "PRP", 4, "nsubj"),
        ("are", "be", "AUX", "VBP", 2, "ccomp"),
        ("conservative", "conservative", "ADJ", "JJ", 4, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [(0, 2, "PERCENT")], [0, 5]) == [("26%", "they are conservative")]


def test_three_fourths_is_a_share_of_people(build_doc):
    # 'Three-fourths say the plan should pass.'
    rows = [
        ("Three", "three", "NUM", "CD", 2, "nummod"),
        ("-", "-", "PUNCT", "HYPH", 2, "punct"),
        ("fourths", "fourth", "NOUN", "NNS", 3, "nsubj"),
        ("say", "say", "VERB", "VBP", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 7, "nsubj"),
        ("should", "should", "AUX", "MD", 7, "aux"),
        ("pass", "pass", "VERB", "VB", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    assert _run(build_doc, rows, [(0, 3, "CARDINAL")], [0, 1, 7]) == [
        ("Three-fourths", "the plan should pass")
    ]
