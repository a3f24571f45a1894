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
