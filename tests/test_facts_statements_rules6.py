"""Statement rules on hand-built parses (issue #3, sixth round): a bare "the minister said" is the
person named before it, like "she said"; a bare "the spokesman said" (an unnamed source) is not: it is
an unnamed person of its own."""

from docs import speakers_and_quotes as _run


def test_bare_spokesman_is_not_the_person_named_before(build_doc):
    # 'Maria Lopez spoke first. The spokesman said the talks would resume.': an unnamed source, not Lopez
    rows = [
        ("Maria", "Maria", "PROPN", "NNP", 1, "compound"),
        ("Lopez", "Lopez", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        ("first", "first", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("The", "the", "DET", "DT", 6, "det"),
        ("spokesman", "spokesman", "NOUN", "NN", 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("talks", "talk", "NOUN", "NNS", 11, "nsubj"),
        ("would", "would", "AUX", "MD", 11, "aux"),
        ("resume", "resume", "VERB", "VB", 7, "ccomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    assert _run(build_doc, rows, [(0, 2, "PERSON")], [3, 11]) == [("spokesman", "the talks would resume")]


def test_possessed_role_noun_is_an_unnamed_person_not_the_possessor(build_doc):
    # 'His aide said the talks would resume.': someone's aide, whom the article does not name
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
    assert _run(build_doc, rows, [], [7]) == [("aide", "the talks would resume")]


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


def test_bare_definite_person_noun_is_the_person_named_before(build_doc):
    # 'Maria Lopez spoke first. The minister said the talks would resume.'
    rows = [
        ("Maria", "Maria", "PROPN", "NNP", 1, "compound"),
        ("Lopez", "Lopez", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        ("first", "first", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("The", "the", "DET", "DT", 6, "det"),
        ("minister", "minister", "NOUN", "NN", 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("talks", "talk", "NOUN", "NNS", 11, "nsubj"),
        ("would", "would", "AUX", "MD", 11, "aux"),
        ("resume", "resume", "VERB", "VB", 7, "ccomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    ents = [(0, 2, "PERSON")]
    assert _run(build_doc, rows, ents, [3, 11]) == [("Maria Lopez", "the talks would resume")]


def test_bare_definite_person_noun_without_anyone_before_is_left_out(build_doc):
    # 'The minister said the talks would resume.': nobody named, not an actor called "minister"
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("minister", "minister", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("talks", "talk", "NOUN", "NNS", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("resume", "resume", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _run(build_doc, rows, [], [7]) == []
