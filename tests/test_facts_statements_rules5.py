"""Statement rules on hand-built parses (issue #3, fifth round): a gerund after a cue is what was said
("reported raising ..."), a gloss after a quotation's inner comma is the writer's, and a data source
("according to new research") speaks."""

from docs import speakers_and_quotes as _run


def test_gerund_after_a_reporting_verb_is_the_content(build_doc):
    # 'Ana Silva reported raising about 9 million dollars in May.'
    rows = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound"),
        ("Silva", "Silva", "PROPN", "NNP", 2, "nsubj"),
        ("reported", "report", "VERB", "VBD", 2, "ROOT"),
        ("raising", "raise", "VERB", "VBG", 2, "xcomp"),
        ("about", "about", "ADV", "RB", 6, "advmod"),
        ("9", "9", "NUM", "CD", 6, "compound"),
        ("million", "million", "NUM", "CD", 7, "nummod"),
        ("dollars", "dollar", "NOUN", "NNS", 3, "dobj"),
        ("in", "in", "ADP", "IN", 3, "prep"),
        ("May", "May", "PROPN", "NNP", 8, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON"), (9, 10, "DATE")], [9])
    assert found == [("Ana Silva", "raising about 9 million dollars in May")]


def test_gerund_with_a_subject_of_its_own_is_not_taken(build_doc):
    # 'Ana Silva recalled him raising the money.': no subjectless gerund, so no gerund content
    rows = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound"),
        ("Silva", "Silva", "PROPN", "NNP", 2, "nsubj"),
        ("recalled", "recall", "VERB", "VBD", 2, "ROOT"),
        ("him", "he", "PRON", "PRP", 4, "nsubj"),
        ("raising", "raise", "VERB", "VBG", 2, "xcomp"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("money", "money", "NOUN", "NN", 4, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [6])
    assert ("Ana Silva", "raising the money") not in found


def test_gloss_after_the_comma_inside_a_quotation_is_cut(build_doc):
    # 'Ana Silva said he used the words "open borders," another phrase seized upon by rivals.'
    rows = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound"),
        ("Silva", "Silva", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("he", "he", "PRON", "PRP", 4, "nsubj"),
        ("used", "use", "VERB", "VBD", 2, "ccomp"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("words", "word", "NOUN", "NNS", 4, "dobj"),
        ('"', '"', "PUNCT", "``", 6, "punct"),
        ("open", "open", "ADJ", "JJ", 9, "amod"),
        ("borders", "border", "NOUN", "NNS", 6, "appos"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ('"', '"', "PUNCT", "''", 6, "punct"),
        ("another", "another", "DET", "DT", 13, "det"),
        ("phrase", "phrase", "NOUN", "NN", 6, "appos"),
        ("seized", "seize", "VERB", "VBN", 13, "acl"),
        ("upon", "upon", "ADP", "IN", 14, "prep"),
        ("by", "by", "ADP", "IN", 14, "agent"),
        ("rivals", "rival", "NOUN", "NNS", 16, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [7, 9, 10, 17])
    assert len(found) == 1
    speaker, content = found[0]
    assert speaker == "Ana Silva" and content.startswith("he used the words")
    assert "another phrase" not in content


def test_according_to_research_makes_the_research_the_source(build_doc):
    # 'Turnout rose by a third, according to new research.'
    rows = [
        ("Turnout", "turnout", "NOUN", "NN", 1, "nsubj"),
        ("rose", "rise", "VERB", "VBD", 1, "ROOT"),
        ("by", "by", "ADP", "IN", 1, "prep"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("third", "third", "NOUN", "NN", 2, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("according", "accord", "VERB", "VBG", 1, "prep"),
        ("to", "to", "ADP", "IN", 6, "prep"),
        ("new", "new", "ADJ", "JJ", 9, "amod"),
        ("research", "research", "NOUN", "NN", 7, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    found = _run(build_doc, rows, [], [4, 9])
    assert found == [("new research", "Turnout rose by a third")]


def test_report_inside_a_subordinate_clause_of_the_content_does_not_end_it(build_doc):
    # 'Ana Silva said he was neutral until Ben Ode said he would run.'
    rows = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound"),
        ("Silva", "Silva", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("he", "he", "PRON", "PRP", 4, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("neutral", "neutral", "ADJ", "JJ", 4, "acomp"),
        ("until", "until", "SCONJ", "IN", 9, "mark"),
        ("Ben", "Ben", "PROPN", "NNP", 8, "compound"),
        ("Ode", "Ode", "PROPN", "NNP", 9, "nsubj"),
        ("said", "say", "VERB", "VBD", 4, "advcl"),
        ("he", "he", "PRON", "PRP", 12, "nsubj"),
        ("would", "would", "AUX", "MD", 12, "aux"),
        ("run", "run", "VERB", "VB", 9, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON"), (7, 9, "PERSON")], [12])
    assert ("Ana Silva", "he was neutral until Ben Ode said he would run") in found


def test_lobbyists_speak_as_a_group(build_doc):
    # 'Two lobbyists said the bill would fail.'
    rows = [
        ("Two", "two", "NUM", "CD", 1, "nummod"),
        ("lobbyists", "lobbyist", "NOUN", "NNS", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("bill", "bill", "NOUN", "NN", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("fail", "fail", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 1, "CARDINAL")], [6])
    assert found == [("lobbyists", "the bill would fail")]  # a group of this article
