"""Statement rules on hand-built parses (issue #3, ninth round): a body whose proper name opens with a
country ("The U.S. Geological Survey said") speaks as that organisation, not as the country; a country
modifying a data source ("according to U.S. Census data") does not speak for it; more person nouns."""

from docs import speakers_and_quotes as _run

# '<subject> said the quake was small.'
_CLAUSE = [
    ("the", "the", "DET", "DT", 1, "det"),
    ("quake", "quake", "NOUN", "NN", 2, "nsubj"),
    ("was", "be", "AUX", "VBD", -1, "ccomp"),
    ("small", "small", "ADJ", "JJ", 2, "acomp"),
]


def _said(subject, root):
    """Rows of '<subject> said the quake was small.' (`subject` heads are absolute; its root is `root`)."""
    n = len(subject)
    rows = [
        (t, lemma, pos, tag, n if i == root else head, dep)
        for i, (t, lemma, pos, tag, head, dep) in enumerate(subject)
    ]
    rows.append(("said", "say", "VERB", "VBD", n, "ROOT"))
    for text, lemma, pos, tag, head, dep in _CLAUSE:
        rows.append((text, lemma, pos, tag, n if head < 0 else head + n + 1, dep))
    rows.append((".", ".", "PUNCT", ".", n, "punct"))
    return rows


def test_a_countrys_body_speaks_as_the_organisation_it_names(build_doc):
    subject = [
        ("The", "the", "DET", "DT", 3, "det"),
        ("U.S.", "U.S.", "PROPN", "NNP", 3, "compound"),
        ("Geological", "Geological", "PROPN", "NNP", 3, "compound"),
        ("Survey", "Survey", "PROPN", "NNP", -1, "nsubj"),
    ]
    rows = _said(subject, 3)
    quotes = _run(build_doc, rows, [(1, 2, "GPE")], [len(rows) - 2])
    assert quotes == [("U.S. Geological Survey", "the quake was small")]


def test_a_countrys_body_with_an_of_phrase_keeps_it(build_doc):
    subject = [
        ("The", "the", "DET", "DT", 2, "det"),
        ("U.S.", "U.S.", "PROPN", "NNP", 2, "compound"),
        ("Department", "Department", "PROPN", "NNP", -1, "nsubj"),
        ("of", "of", "ADP", "IN", 2, "prep"),
        ("Education", "Education", "PROPN", "NNP", 3, "pobj"),
    ]
    rows = _said(subject, 2)
    quotes = _run(build_doc, rows, [(1, 2, "GPE")], [len(rows) - 2])
    assert quotes == [("U.S. Department of Education", "the quake was small")]


def test_a_title_after_a_country_is_not_a_body(build_doc):
    # 'The U.S. ambassador Ramos said ...' with the name untagged: a person's title, never an organisation
    subject = [
        ("The", "the", "DET", "DT", 3, "det"),
        ("U.S.", "U.S.", "PROPN", "NNP", 3, "compound"),
        ("Ambassador", "Ambassador", "PROPN", "NNP", 3, "compound"),
        ("Ramos", "Ramos", "PROPN", "NNP", -1, "nsubj"),
    ]
    rows = _said(subject, 3)
    speakers = [s for s, _ in _run(build_doc, rows, [(1, 2, "GPE")], [len(rows) - 2])]
    assert "U.S. Ambassador Ramos" not in speakers


def test_a_country_modifying_a_data_source_does_not_speak_for_it(build_doc):
    # 'Wages rose by a third, according to U.S. Census data.': the data speak, not the United States
    rows = [
        ("Wages", "wage", "NOUN", "NNS", 1, "nsubj"),
        ("rose", "rise", "VERB", "VBD", 1, "ROOT"),
        ("by", "by", "ADP", "IN", 1, "prep"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("third", "third", "NOUN", "NN", 2, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("according", "accord", "VERB", "VBG", 1, "prep"),
        ("to", "to", "ADP", "IN", 6, "prep"),
        ("U.S.", "U.S.", "PROPN", "NNP", 10, "compound"),
        ("Census", "Census", "PROPN", "NNP", 10, "compound"),
        ("data", "datum", "NOUN", "NNS", 7, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    quotes = _run(build_doc, rows, [(8, 9, "GPE")], [4, 10])
    assert quotes == [("U.S. Census data", "Wages rose by a third")]


def test_a_commenter_is_a_person_who_speaks(build_doc):
    # '"The count was rigged," wrote one commenter.' (cues.json person_nouns, from PolNeAR train sources)
    rows = [
        ('"', '"', "PUNCT", "``", 4, "punct"),
        ("The", "the", "DET", "DT", 2, "det"),
        ("count", "count", "NOUN", "NN", 4, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 4, "auxpass"),
        ("rigged", "rig", "VERB", "VBN", 7, "ccomp"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        ("wrote", "write", "VERB", "VBD", 7, "ROOT"),
        ("one", "one", "NUM", "CD", 9, "nummod"),
        ("commenter", "commenter", "NOUN", "NN", 7, "nsubj"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    quotes = _run(build_doc, rows, [], [0, 4, 5, 9])
    assert quotes == [("commenter", "The count was rigged")]


def test_bemoaning_reports_what_was_said(build_doc):
    # 'Aino Virtanen bemoaned that the plan had failed.' (cues.json speech_verbs, from PolNeAR train cues)
    rows = [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("bemoaned", "bemoan", "VERB", "VBD", 2, "ROOT"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 7, "nsubj"),
        ("had", "have", "AUX", "VBD", 7, "aux"),
        ("failed", "fail", "VERB", "VBN", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON")], [7])
    assert quotes == [("Aino Virtanen", "that the plan had failed")]
