"""Statement rules on hand-built parses: far pronoun antecedents, "it" for an organisation, quoted titles,
two reports in one sentence, and data sources after "according to"."""

from kg.actors import find_actors
from kg.facts.quotes import is_title
from kg.facts.statements import extract_statements
from kg.types import ActorType, QuoteType

FILLER = [("Talks", "talk", "NOUN", "NNS", 1, "nsubj"), ("stalled", "stall", "VERB", "VBD", 1, "ROOT")]
FILLER += [(".", ".", "PUNCT", ".", 1, "punct")]
# 'She said the plan was dead.' (heads relative to the sentence start)
SHE_SAID = [
    ("She", "she", "PRON", "PRP", 1, "nsubj"),
    ("said", "say", "VERB", "VBD", 1, "ROOT"),
    ("the", "the", "DET", "DT", 3, "det"),
    ("plan", "plan", "NOUN", "NN", 4, "nsubj"),
    ("was", "be", "AUX", "VBD", 1, "ccomp"),
    ("dead", "dead", "ADJ", "JJ", 4, "acomp"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]


def _sentences(*sentences):
    """Rows of several sentences given with heads relative to their own sentence, and the no-space list."""
    rows, glued = [], []
    for sent in sentences:
        base = len(rows)
        for word, lemma, pos, tag, head, dep in sent:
            rows.append((word, lemma, pos, tag, base + head, dep))
        glued.append(len(rows) - 2)  # the word before the full stop
    return rows, glued


def _run(build_doc, rows, ents, glued):
    doc = build_doc(rows, ents, glued)
    index = find_actors(doc)
    statements = extract_statements(doc, index)
    names = {a.id: (a.name, a.type) for a in index.actors}  # after: unnamed speakers join the index
    for st in statements:
        assert doc.text[st.char_start : st.char_end] == st.quote
    return doc, [(names[st.speaker], st) for st in statements]


def test_pronoun_resolved_to_a_far_antecedent(build_doc):
    opener = [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("arrived", "arrive", "VERB", "VBD", 2, "ROOT"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    rows, glued = _sentences(opener, *[FILLER] * 6, SHE_SAID)
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], glued)
    [((name, kind), st)] = found
    assert (name, kind, st.quote, st.quote_type) == (
        "Aino Virtanen",
        ActorType.PERSON,
        "the plan was dead",
        QuoteType.INDIRECT,
    )


def test_pronoun_without_any_antecedent_gives_no_statement(build_doc):
    rows, glued = _sentences(*[FILLER] * 2, SHE_SAID)
    _, found = _run(build_doc, rows, [], glued)
    assert found == []


def test_it_speaks_for_the_organisation_before_it(build_doc):
    opener = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound"),
        ("Agency", "Agency", "PROPN", "NNP", 2, "nsubj"),
        ("replied", "reply", "VERB", "VBD", 2, "ROOT"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    it_said = [("It", "it", "PRON", "PRP", 1, "nsubj")] + SHE_SAID[1:]
    rows, glued = _sentences(opener, it_said)
    _, found = _run(build_doc, rows, [(0, 2, "ORG")], glued)
    [((name, kind), st)] = found
    assert (name, kind, st.quote) == ("Acme Agency", ActorType.ORGANIZATION, "the plan was dead")


def test_quoted_titles_are_names_not_quotes():
    assert is_title("Meet the Press.")
    assert is_title("Good Morning Europe")
    assert not is_title("Stay there!")
    assert not is_title("we will win this")
    assert not is_title("Peace")  # one word: a scare quote, judged elsewhere


def test_quoted_show_title_is_not_a_statement(build_doc):
    # 'Aino Virtanen told "Good Morning Europe" the plan was dead.'
    rows = [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("told", "tell", "VERB", "VBD", 2, "ROOT"),
        ('"', '"', "PUNCT", "``", 6, "punct"),
        ("Good", "Good", "PROPN", "NNP", 5, "compound"),
        ("Morning", "Morning", "PROPN", "NNP", 6, "compound"),
        ("Europe", "Europe", "PROPN", "NNP", 2, "dative"),
        ('"', '"', "PUNCT", "''", 6, "punct"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("plan", "plan", "NOUN", "NN", 10, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("dead", "dead", "ADJ", "JJ", 10, "acomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], [3, 6, 11])
    assert [(n, st.quote, st.quote_type) for (n, _), st in found] == [
        ("Aino Virtanen", "the plan was dead", QuoteType.INDIRECT)
    ]


def test_a_second_report_in_the_sentence_is_not_the_first_ones_content(build_doc):
    # 'Aino Virtanen said the plan was dead, while Juha Mäkinen said talks would resume.'
    rows = [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "nsubj"),
        ("was", "be", "AUX", "VBD", 2, "ccomp"),
        ("dead", "dead", "ADJ", "JJ", 5, "acomp"),
        (",", ",", "PUNCT", ",", 5, "punct"),
        ("while", "while", "SCONJ", "IN", 11, "mark"),
        ("Juha", "Juha", "PROPN", "NNP", 10, "compound"),
        ("Mäkinen", "Mäkinen", "PROPN", "NNP", 11, "nsubj"),
        ("said", "say", "VERB", "VBD", 5, "advcl"),
        ("talks", "talk", "NOUN", "NNS", 14, "nsubj"),
        ("would", "would", "AUX", "MD", 14, "aux"),
        ("resume", "resume", "VERB", "VB", 11, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [(0, 2, "PERSON"), (9, 11, "PERSON")], [6, 14])
    assert sorted((n, st.quote) for (n, _), st in found) == [
        ("Aino Virtanen", "the plan was dead"),
        ("Juha Mäkinen", "talks would resume"),
    ]


def test_according_to_a_data_source_names_it(build_doc):
    # 'The talks failed, according to agency records.'
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("talks", "talk", "NOUN", "NNS", 2, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 2, "ROOT"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("according", "accord", "VERB", "VBG", 2, "prep"),
        ("to", "to", "ADP", "IN", 4, "prep"),
        ("agency", "agency", "NOUN", "NN", 7, "compound"),
        ("records", "record", "NOUN", "NNS", 5, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [], [2, 7])
    [((name, kind), st)] = found
    assert (name, kind, st.quote, st.quote_type) == (
        "agency records",
        ActorType.ORGANIZATION,
        "The talks failed",
        QuoteType.INDIRECT,
    )


def test_cue_closing_its_sentence_reports_all_before_it(build_doc):
    # 'The plant is under pressure from imports, said the chief executive, John Roe.' with the parser
    # hanging the cue on the main clause as a conjunct
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("plant", "plant", "NOUN", "NN", 2, "nsubj"),
        ("is", "be", "AUX", "VBZ", 2, "ROOT"),
        ("under", "under", "ADP", "IN", 2, "prep"),
        ("pressure", "pressure", "NOUN", "NN", 3, "pobj"),
        ("from", "from", "ADP", "IN", 4, "prep"),
        ("imports", "import", "NOUN", "NNS", 5, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("said", "say", "VERB", "VBD", 2, "conj"),
        ("the", "the", "DET", "DT", 11, "det"),
        ("chief", "chief", "ADJ", "JJ", 11, "amod"),
        ("executive", "executive", "NOUN", "NN", 8, "nsubj"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("John", "John", "PROPN", "NNP", 14, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 11, "appos"),
        (".", ".", "PUNCT", ".", 8, "punct"),
    ]
    _, found = _run(build_doc, rows, [(13, 15, "PERSON")], [6, 11, 14])
    [((name, _), st)] = found
    assert (name, st.quote, st.quote_type) == (
        "John Roe",
        "The plant is under pressure from imports",
        QuoteType.INDIRECT,
    )


def test_share_of_people_polled_speaks_as_a_group(build_doc):
    # 'Now, 52 percent said the plan would fail.'
    rows = [
        ("Now", "now", "ADV", "RB", 4, "advmod"),
        (",", ",", "PUNCT", ",", 4, "punct"),
        ("52", "52", "NUM", "CD", 3, "nummod"),
        ("percent", "percent", "NOUN", "NN", 4, "nsubj"),
        ("said", "say", "VERB", "VBD", 4, "ROOT"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("plan", "plan", "NOUN", "NN", 8, "nsubj"),
        ("would", "would", "AUX", "MD", 8, "aux"),
        ("fail", "fail", "VERB", "VB", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    _, found = _run(build_doc, rows, [(2, 4, "PERCENT")], [0, 8])
    [((name, kind), st)] = found
    assert (name, kind, st.quote) == ("52 percent", ActorType.GROUP, "the plan would fail")


def test_a_document_without_an_author_speaks_itself(build_doc):
    # 'The audit said the plan would fail.'
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("audit", "audit", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("fail", "fail", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [], [6])
    [((name, kind), st)] = found
    assert (name, kind, st.quote) == ("audit", ActorType.ORGANIZATION, "the plan would fail")


def test_phrase_the_parser_hung_on_the_cue_stays_in_the_content(build_doc):
    # 'Aino Virtanen said the vote would be decided by the courts.' ("by" hung on "said")
    rows = [
        ("Aino", "Aino", "PROPN", "NNP", 1, "compound"),
        ("Virtanen", "Virtanen", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("vote", "vote", "NOUN", "NN", 7, "nsubjpass"),
        ("would", "would", "AUX", "MD", 7, "aux"),
        ("be", "be", "AUX", "VB", 7, "auxpass"),
        ("decided", "decide", "VERB", "VBN", 2, "ccomp"),
        ("by", "by", "ADP", "IN", 2, "agent"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("courts", "court", "NOUN", "NNS", 8, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [(0, 2, "PERSON")], [10])
    [((name, _), st)] = found
    assert (name, st.quote) == ("Aino Virtanen", "the vote would be decided by the courts")


def test_newsletter_excerpt_after_a_byline_is_not_the_writers_statement(build_doc):
    # '"Art show opens," by Jane Roe: "The show opens today in the old mill."'
    rows = [
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("Art", "art", "NOUN", "NN", 2, "compound"),
        ("show", "show", "NOUN", "NN", 3, "nsubj"),
        ("opens", "open", "VERB", "VBZ", 3, "ROOT"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ('"', '"', "PUNCT", "''", 3, "punct"),
        ("by", "by", "ADP", "IN", 3, "prep"),
        ("Jane", "Jane", "PROPN", "NNP", 8, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 6, "pobj"),
        (":", ":", "PUNCT", ":", 3, "punct"),
        ('"', '"', "PUNCT", "``", 12, "punct"),
        ("The", "the", "DET", "DT", 11, "det"),
        ("show", "show", "NOUN", "NN", 12, "nsubj"),
        ("opens", "open", "VERB", "VBZ", 3, "parataxis"),
        ("today", "today", "NOUN", "NN", 12, "npadvmod"),
        ("in", "in", "ADP", "IN", 12, "prep"),
        ("the", "the", "DET", "DT", 17, "det"),
        ("old", "old", "ADJ", "JJ", 17, "amod"),
        ("mill", "mill", "NOUN", "NN", 15, "pobj"),
        (".", ".", "PUNCT", ".", 12, "punct"),
        ('"', '"', "PUNCT", "''", 12, "punct"),
    ]
    _, found = _run(build_doc, rows, [(7, 9, "PERSON")], [0, 3, 4, 8, 10, 18, 19])
    assert [st.quote for _, st in found if "old mill" in st.quote] == []


def test_partitive_share_without_of_speaks_as_a_group(build_doc):
    # 'A majority said the plan would fail.'
    rows = [
        ("A", "a", "DET", "DT", 1, "det"),
        ("majority", "majority", "NOUN", "NN", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
        ("would", "would", "AUX", "MD", 6, "aux"),
        ("fail", "fail", "VERB", "VB", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    _, found = _run(build_doc, rows, [], [6])
    [((name, kind), st)] = found
    assert (name, kind, st.quote) == ("majority", ActorType.GROUP, "the plan would fail")


def test_furniture_lines_match_only_where_a_line_starts():
    from kg.facts.statements import furniture_ranges

    text = (
        "Ministers met.\n  Read more: the talks\nHe told us to read more: books.\n"
        "Write to Jo Bloggs at jo@example.com\nLeaders met (Photo by Jane Roe) today.\nimage: Getty"
    )
    masked = [text[s:e] for s, e in furniture_ranges(text)]
    assert masked == [
        "  Read more: the talks",  # a line pattern after indentation
        "Write to Jo Bloggs at jo@example.com",
        "(Photo by Jane Roe) today.",  # a credit: from the match to the end of its line
        "image: Getty",  # the last line, with no line break after it
    ]
