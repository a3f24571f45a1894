"""Statement rules on hand-built parses (issue #3, tenth round), each from a parse the small model gives
for PolNeAR train sentences (rewritten here in our own words): a quoted fragment under a second cue
belongs to that cue; a cue set off by commas that the parser made the complement of the clause it
interrupts; a lowercase person noun tagged as a proper noun; a participle hung on the object; a
participle whose head lies inside the quote it introduces."""

from docs import speakers_and_quotes as _run


def test_a_fragment_under_a_second_cue_is_not_reported_by_the_first(build_doc):
    # '"She is a liar," Okafor said at a rally in Leeds, adding that he believed the judge was "biased."'
    rows = [
        ('"', '"', "PUNCT", "``", 8, "punct"),
        ("She", "she", "PRON", "PRP", 2, "nsubj"),
        ("is", "be", "AUX", "VBZ", 8, "ccomp"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("liar", "liar", "NOUN", "NN", 2, "attr"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ('"', '"', "PUNCT", "''", 8, "punct"),
        ("Okafor", "Okafor", "PROPN", "NNP", 8, "nsubj"),
        ("said", "say", "VERB", "VBD", 8, "ROOT"),
        ("at", "at", "ADP", "IN", 8, "prep"),
        ("a", "a", "DET", "DT", 11, "det"),
        ("rally", "rally", "NOUN", "NN", 9, "pobj"),
        ("in", "in", "ADP", "IN", 11, "prep"),
        ("Leeds", "Leeds", "PROPN", "NNP", 12, "pobj"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ("adding", "add", "VERB", "VBG", 8, "advcl"),
        ("that", "that", "SCONJ", "IN", 18, "mark"),
        ("he", "he", "PRON", "PRP", 18, "nsubj"),
        ("believed", "believe", "VERB", "VBD", 15, "ccomp"),
        ("the", "the", "DET", "DT", 20, "det"),
        ("judge", "judge", "NOUN", "NN", 21, "nsubj"),
        ("was", "be", "AUX", "VBD", 18, "ccomp"),
        ('"', '"', "PUNCT", "``", 23, "punct"),
        ("biased", "biased", "ADJ", "JJ", 21, "acomp"),
        (".", ".", "PUNCT", ".", 8, "punct"),
        ('"', '"', "PUNCT", "''", 8, "punct"),
    ]
    quotes = _run(build_doc, rows, [(7, 8, "PERSON"), (13, 14, "GPE")], [0, 4, 5, 13, 22, 23, 24])
    assert ("Okafor", "at a rally in Leeds") not in quotes
    assert quotes == [("Okafor", "She is a liar"), ("Okafor", 'that he believed the judge was "biased."')]


def test_a_cue_set_off_by_commas_reports_the_clause_it_interrupts(build_doc):
    # 'If anything, Okafor argued in his letter, the vote is a warning to the party.' ("argued": ccomp)
    rows = [
        ("If", "if", "SCONJ", "IN", 1, "mark"),
        ("anything", "anything", "PRON", "NN", 4, "advcl"),
        (",", ",", "PUNCT", ",", 4, "punct"),
        ("Okafor", "Okafor", "PROPN", "NNP", 4, "nsubj"),
        ("argued", "argue", "VERB", "VBD", 11, "ccomp"),
        ("in", "in", "ADP", "IN", 4, "prep"),
        ("his", "his", "PRON", "PRP$", 7, "poss"),
        ("letter", "letter", "NOUN", "NN", 5, "pobj"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("vote", "vote", "NOUN", "NN", 11, "nsubj"),
        ("is", "be", "AUX", "VBZ", 11, "ROOT"),
        ("a", "a", "DET", "DT", 13, "det"),
        ("warning", "warning", "NOUN", "NN", 11, "attr"),
        ("to", "to", "ADP", "IN", 13, "prep"),
        ("the", "the", "DET", "DT", 16, "det"),
        ("party", "party", "NOUN", "NN", 14, "pobj"),
        (".", ".", "PUNCT", ".", 11, "punct"),
    ]
    quotes = _run(build_doc, rows, [(3, 4, "PERSON")], [1, 7, 16])
    assert [s for s, _ in quotes] == ["Okafor"]
    quote = quotes[0][1]
    assert quote.startswith("If anything") and quote.endswith("the vote is a warning to the party.")


def test_a_person_noun_tagged_as_a_proper_noun_still_refers_back(build_doc):
    # 'Ines Duarte spoke first. "The ratings were great," the mogul told reporters.' ("mogul": NNP)
    rows = [
        ("Ines", "Ines", "PROPN", "NNP", 1, "compound"),
        ("Duarte", "Duarte", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        ("first", "first", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ('"', '"', "PUNCT", "``", 14, "punct"),
        ("The", "the", "DET", "DT", 7, "det"),
        ("ratings", "rating", "NOUN", "NNS", 8, "nsubj"),
        ("were", "be", "AUX", "VBD", 14, "ccomp"),
        ("great", "great", "ADJ", "JJ", 8, "acomp"),
        (",", ",", "PUNCT", ",", 14, "punct"),
        ('"', '"', "PUNCT", "''", 14, "punct"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("mogul", "mogul", "PROPN", "NNP", 14, "nsubj"),
        ("told", "tell", "VERB", "VBD", 14, "ROOT"),
        ("reporters", "reporter", "NOUN", "NNS", 14, "dobj"),
        (".", ".", "PUNCT", ".", 14, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON")], [3, 5, 9, 10, 15])
    assert quotes == [("Ines Duarte", "The ratings were great")]


def test_a_participle_hung_on_the_object_is_the_subjects(build_doc):
    # 'Okafor rejected the idea that the deal was dead, saying that talks would resume.' ("saying": acl)
    rows = [
        ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("idea", "idea", "NOUN", "NN", 1, "dobj"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("deal", "deal", "NOUN", "NN", 7, "nsubj"),
        ("was", "be", "AUX", "VBD", 3, "acl"),
        ("dead", "dead", "ADJ", "JJ", 7, "acomp"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("saying", "say", "VERB", "VBG", 3, "acl"),
        ("that", "that", "SCONJ", "IN", 14, "mark"),
        ("talks", "talk", "NOUN", "NNS", 14, "nsubj"),
        ("would", "would", "AUX", "MD", 14, "aux"),
        ("resume", "resume", "VERB", "VB", 10, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 1, "PERSON")], [8, 14])
    assert quotes == [("Okafor", "that talks would resume")]


def test_a_participle_whose_head_is_in_its_quote_keeps_the_speaker_outside(build_doc):
    # 'Okafor seemed to be ready to laugh at the mix-up in Leeds, telling the crowd, "Some folks get a bit
    # carried away, did you notice that?"' ("telling" hangs on the quoted "notice", whose subject is "you")
    rows = [
        ("Okafor", "Okafor", "PROPN", "NNP", 1, "nsubj"),
        ("seemed", "seem", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("be", "be", "AUX", "VB", 1, "xcomp"),
        ("ready", "ready", "ADJ", "JJ", 3, "acomp"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("laugh", "laugh", "VERB", "VB", 4, "xcomp"),
        ("at", "at", "ADP", "IN", 6, "prep"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("mix-up", "mix-up", "NOUN", "NN", 7, "pobj"),
        ("in", "in", "ADP", "IN", 9, "prep"),
        ("Leeds", "Leeds", "PROPN", "NNP", 10, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("telling", "tell", "VERB", "VBG", 28, "advcl"),
        ("the", "the", "DET", "DT", 15, "det"),
        ("crowd", "crowd", "NOUN", "NN", 13, "dobj"),
        (",", ",", "PUNCT", ",", 20, "punct"),
        ('"', '"', "PUNCT", "``", 20, "punct"),
        ("Some", "some", "DET", "DT", 19, "det"),
        ("folks", "folk", "NOUN", "NNS", 20, "nsubj"),
        ("get", "get", "VERB", "VBP", 28, "ccomp"),
        ("a", "a", "DET", "DT", 22, "det"),
        ("bit", "bit", "NOUN", "NN", 23, "npadvmod"),
        ("carried", "carry", "VERB", "VBN", 20, "acomp"),
        ("away", "away", "ADV", "RB", 23, "prt"),
        (",", ",", "PUNCT", ",", 28, "punct"),
        ("did", "do", "AUX", "VBD", 28, "aux"),
        ("you", "you", "PRON", "PRP", 28, "nsubj"),
        ("notice", "notice", "VERB", "VB", 1, "ccomp"),
        ("that", "that", "SCONJ", "IN", 28, "dobj"),
        ("?", "?", "PUNCT", ".", 28, "punct"),
        ('"', '"', "PUNCT", "''", 28, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 1, "PERSON"), (11, 12, "GPE")], [11, 15, 17, 24, 29, 30])
    assert [s for s, _ in quotes] == ["Okafor"]


def test_a_cue_inside_the_quote_does_not_take_the_participle(build_doc):
    # 'Okafor did not seem impressed with the comments, telling reporters, "A lot of people said the mayor
    # should resign."' ("seem" hangs on the quoted "said", whose subject is "A lot of people")
    rows = [
        ("Okafor", "Okafor", "PROPN", "NNP", 3, "nsubj"),
        ("did", "do", "AUX", "VBD", 3, "aux"),
        ("not", "not", "PART", "RB", 3, "neg"),
        ("seem", "seem", "VERB", "VB", 17, "ccomp"),
        ("impressed", "impressed", "ADJ", "JJ", 3, "oprd"),
        ("with", "with", "ADP", "IN", 4, "prep"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("comments", "comment", "NOUN", "NNS", 5, "pobj"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("telling", "tell", "VERB", "VBG", 3, "advcl"),
        ("reporters", "reporter", "NOUN", "NNS", 9, "dobj"),
        (",", ",", "PUNCT", ",", 17, "punct"),
        ('"', '"', "PUNCT", "``", 17, "punct"),
        ("A", "a", "DET", "DT", 14, "det"),
        ("lot", "lot", "NOUN", "NN", 17, "nsubj"),
        ("of", "of", "ADP", "IN", 14, "prep"),
        ("people", "people", "NOUN", "NNS", 15, "pobj"),
        ("said", "say", "VERB", "VBD", 17, "ROOT"),
        ("the", "the", "DET", "DT", 19, "det"),
        ("mayor", "mayor", "NOUN", "NN", 21, "nsubj"),
        ("should", "should", "AUX", "MD", 21, "aux"),
        ("resign", "resign", "VERB", "VB", 17, "ccomp"),
        (".", ".", "PUNCT", ".", 17, "punct"),
        ('"', '"', "PUNCT", "''", 17, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 1, "PERSON")], [7, 10, 12, 21, 22])
    assert [s for s, _ in quotes] == ["Okafor"]


def test_a_subject_hung_as_an_apposition_before_the_cue_still_speaks(build_doc):
    # 'Although there was no overlap with the team, a Foreign Office official who spoke said Wednesday,
    # "Certainly there are contacts."' ("official" hangs on "team"; "Wednesday" is when, not who)
    rows = [
        ("Although", "although", "SCONJ", "IN", 2, "mark"),
        ("there", "there", "PRON", "EX", 2, "expl"),
        ("was", "be", "VERB", "VBD", 15, "advcl"),
        ("no", "no", "DET", "DT", 4, "det"),
        ("overlap", "overlap", "NOUN", "NN", 2, "attr"),
        ("with", "with", "ADP", "IN", 4, "prep"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("team", "team", "NOUN", "NN", 5, "pobj"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ("a", "a", "DET", "DT", 12, "det"),
        ("Foreign", "Foreign", "PROPN", "NNP", 11, "compound"),
        ("Office", "Office", "PROPN", "NNP", 12, "compound"),
        ("official", "official", "NOUN", "NN", 7, "appos"),
        ("who", "who", "PRON", "WP", 14, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 12, "relcl"),
        ("said", "say", "VERB", "VBD", 15, "ROOT"),
        ("Wednesday", "Wednesday", "PROPN", "NNP", 15, "npadvmod"),
        (",", ",", "PUNCT", ",", 15, "punct"),
        ('"', '"', "PUNCT", "``", 21, "punct"),
        ("Certainly", "certainly", "ADV", "RB", 21, "advmod"),
        ("there", "there", "PRON", "EX", 21, "expl"),
        ("are", "be", "VERB", "VBP", 15, "ccomp"),
        ("contacts", "contact", "NOUN", "NNS", 21, "attr"),
        (".", ".", "PUNCT", ".", 15, "punct"),
        ('"', '"', "PUNCT", "''", 15, "punct"),
    ]
    quotes = _run(build_doc, rows, [(10, 12, "ORG"), (16, 17, "DATE")], [7, 16, 18, 22, 23])
    assert quotes == [("Foreign Office", "Certainly there are contacts.")]


def test_a_parenthetical_cue_reports_a_clause_with_a_quoted_fragment(build_doc):
    # 'Ada Rossi spoke. A year ago, the veteran senator said, the press called him a "fringe candidate,"
    # with a shrug.' (the clause the cue interrupts carries a quoted fragment: a mixed statement)
    rows = [
        ("Ada", "Ada", "PROPN", "NNP", 1, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("A", "a", "DET", "DT", 5, "det"),
        ("year", "year", "NOUN", "NN", 6, "npadvmod"),
        ("ago", "ago", "ADV", "RB", 15, "advmod"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("veteran", "veteran", "ADJ", "JJ", 10, "compound"),
        ("senator", "senator", "NOUN", "NN", 11, "nsubj"),
        ("said", "say", "VERB", "VBD", 15, "parataxis"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("the", "the", "DET", "DT", 14, "det"),
        ("press", "press", "NOUN", "NN", 15, "nsubj"),
        ("called", "call", "VERB", "VBD", 15, "ROOT"),
        ("him", "he", "PRON", "PRP", 15, "dobj"),
        ("a", "a", "DET", "DT", 20, "det"),
        ('"', '"', "PUNCT", "``", 20, "punct"),
        ("fringe", "fringe", "NOUN", "NN", 20, "amod"),
        ("candidate", "candidate", "NOUN", "NN", 15, "oprd"),
        (",", ",", "PUNCT", ",", 20, "punct"),
        ('"', '"', "PUNCT", "''", 20, "punct"),
        ("with", "with", "ADP", "IN", 20, "prep"),
        ("a", "a", "DET", "DT", 25, "det"),
        ("shrug", "shrug", "NOUN", "NN", 23, "pobj"),
        (".", ".", "PUNCT", ".", 15, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON"), (4, 7, "DATE")], [2, 6, 11, 18, 20, 21, 25])
    assert len(quotes) == 1 and quotes[0][0] == "veteran senator"
    assert quotes[0][1].endswith('the press called him a "fringe candidate," with a shrug.')


def test_a_person_noun_after_an_inverted_cue_speaks(build_doc):
    # '"The plan will fail," said the woman, who like many in the town did not want to be named.'
    # ("woman" is the subject of "want", "said" has none)
    rows = [
        ('"', '"', "PUNCT", "``", 7, "punct"),
        ("The", "the", "DET", "DT", 2, "det"),
        ("plan", "plan", "NOUN", "NN", 4, "nsubj"),
        ("will", "will", "AUX", "MD", 4, "aux"),
        ("fail", "fail", "VERB", "VB", 7, "ccomp"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("woman", "woman", "NOUN", "NN", 19, "nsubj"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("who", "who", "PRON", "WP", 12, "nsubj"),
        ("like", "like", "VERB", "VBP", 9, "relcl"),
        ("many", "many", "ADJ", "JJ", 12, "dobj"),
        ("in", "in", "ADP", "IN", 13, "prep"),
        ("the", "the", "DET", "DT", 16, "det"),
        ("town", "town", "NOUN", "NN", 14, "pobj"),
        ("did", "do", "AUX", "VBD", 19, "aux"),
        ("not", "not", "PART", "RB", 19, "neg"),
        ("want", "want", "VERB", "VB", 7, "ccomp"),
        ("to", "to", "PART", "TO", 22, "aux"),
        ("be", "be", "AUX", "VB", 22, "auxpass"),
        ("named", "name", "VERB", "VBN", 19, "xcomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    quotes = _run(build_doc, rows, [], [0, 4, 5, 9, 22])
    assert quotes == [("woman", "The plan will fail")]


def test_a_court_opinion_speaks_as_a_source(build_doc):
    # '"The law is void," the unsigned opinion said.' (cues.json source_nouns, from PolNeAR train sources)
    rows = [
        ('"', '"', "PUNCT", "``", 10, "punct"),
        ("The", "the", "DET", "DT", 2, "det"),
        ("law", "law", "NOUN", "NN", 3, "nsubj"),
        ("is", "be", "AUX", "VBZ", 10, "ccomp"),
        ("void", "void", "ADJ", "JJ", 3, "acomp"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ('"', '"', "PUNCT", "''", 10, "punct"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("unsigned", "unsigned", "ADJ", "JJ", 9, "amod"),
        ("opinion", "opinion", "NOUN", "NN", 10, "nsubj"),
        ("said", "say", "VERB", "VBD", 10, "ROOT"),
        (".", ".", "PUNCT", ".", 10, "punct"),
    ]
    quotes = _run(build_doc, rows, [], [0, 4, 5, 10])
    assert quotes == [("unsigned opinion", "The law is void")]


def test_of_two_cues_hanging_on_a_quote_the_nearer_reports_it(build_doc):
    # 'Stressing the urgency of the matter, Okafor said, "If we do not act fast, we are not going to have a
    # city anymore."' (both "Stressing" and "said" hang on the quoted "going")
    rows = [
        ("Stressing", "stress", "VERB", "VBG", 21, "advcl"),
        ("the", "the", "DET", "DT", 2, "det"),
        ("urgency", "urgency", "NOUN", "NN", 0, "dobj"),
        ("of", "of", "ADP", "IN", 2, "prep"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("matter", "matter", "NOUN", "NN", 3, "pobj"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ("Okafor", "Okafor", "PROPN", "NNP", 8, "nsubj"),
        ("said", "say", "VERB", "VBD", 21, "parataxis"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ('"', '"', "PUNCT", "``", 8, "punct"),
        ("If", "if", "SCONJ", "IN", 15, "mark"),
        ("we", "we", "PRON", "PRP", 15, "nsubj"),
        ("do", "do", "AUX", "VBP", 15, "aux"),
        ("not", "not", "PART", "RB", 15, "neg"),
        ("act", "act", "VERB", "VB", 21, "advcl"),
        ("fast", "fast", "ADV", "RB", 15, "advmod"),
        (",", ",", "PUNCT", ",", 21, "punct"),
        ("we", "we", "PRON", "PRP", 21, "nsubj"),
        ("are", "be", "AUX", "VBP", 21, "aux"),
        ("not", "not", "PART", "RB", 21, "neg"),
        ("going", "go", "VERB", "VBG", 21, "ROOT"),
        ("to", "to", "PART", "TO", 23, "aux"),
        ("have", "have", "VERB", "VB", 21, "xcomp"),
        ("a", "a", "DET", "DT", 25, "det"),
        ("city", "city", "NOUN", "NN", 23, "dobj"),
        ("anymore", "anymore", "ADV", "RB", 23, "advmod"),
        (".", ".", "PUNCT", ".", 21, "punct"),
        ('"', '"', "PUNCT", "''", 21, "punct"),
    ]
    quotes = _run(build_doc, rows, [(7, 8, "PERSON")], [5, 8, 10, 16, 26, 27])
    assert ("Okafor", "If we do not act fast, we are not going to have a city anymore.") in quotes


def test_an_inverted_name_after_its_modifiers_speaks(build_doc):
    # '"I am not going to call it a mistake," said retired surgeon Ada Rossi, asked about her claims.'
    # ("Rossi" is the subject of "asked", "said" has none)
    rows = [
        ('"', '"', "PUNCT", "``", 12, "punct"),
        ("I", "I", "PRON", "PRP", 4, "nsubj"),
        ("am", "be", "AUX", "VBP", 4, "aux"),
        ("not", "not", "PART", "RB", 4, "neg"),
        ("going", "go", "VERB", "VBG", 12, "ccomp"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("call", "call", "VERB", "VB", 4, "xcomp"),
        ("it", "it", "PRON", "PRP", 6, "dobj"),
        ("a", "a", "DET", "DT", 9, "det"),
        ("mistake", "mistake", "NOUN", "NN", 6, "oprd"),
        (",", ",", "PUNCT", ",", 12, "punct"),
        ('"', '"', "PUNCT", "''", 12, "punct"),
        ("said", "say", "VERB", "VBD", 12, "ROOT"),
        ("retired", "retire", "VERB", "VBN", 14, "amod"),
        ("surgeon", "surgeon", "NOUN", "NN", 16, "compound"),
        ("Ada", "Ada", "PROPN", "NNP", 16, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 18, "nsubj"),
        (",", ",", "PUNCT", ",", 18, "punct"),
        ("asked", "ask", "VERB", "VBD", 12, "ccomp"),
        ("about", "about", "ADP", "IN", 18, "prep"),
        ("her", "her", "PRON", "PRP$", 21, "poss"),
        ("claims", "claim", "NOUN", "NNS", 19, "pobj"),
        (".", ".", "PUNCT", ".", 12, "punct"),
    ]
    quotes = _run(build_doc, rows, [(15, 17, "PERSON")], [0, 9, 10, 16, 21])
    assert quotes == [("Ada Rossi", "I am not going to call it a mistake")]


def test_a_phrase_after_a_parenthetical_cue_belongs_to_the_clause(build_doc):
    # 'A bus hit a wall in Leeds on Friday night, injuring at least 12 people, police said, before being
    # towed away by a crane.' ("before ..." hangs on "said")
    rows = [
        ("A", "a", "DET", "DT", 1, "det"),
        ("bus", "bus", "NOUN", "NN", 2, "nsubj"),
        ("hit", "hit", "VERB", "VBD", 2, "ROOT"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("wall", "wall", "NOUN", "NN", 2, "dobj"),
        ("in", "in", "ADP", "IN", 4, "prep"),
        ("Leeds", "Leeds", "PROPN", "NNP", 5, "pobj"),
        ("on", "on", "ADP", "IN", 2, "prep"),
        ("Friday", "Friday", "PROPN", "NNP", 9, "compound"),
        ("night", "night", "NOUN", "NN", 7, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("injuring", "injure", "VERB", "VBG", 2, "advcl"),
        ("at", "at", "ADP", "IN", 13, "advmod"),
        ("least", "least", "ADV", "RBS", 14, "advmod"),
        ("12", "12", "NUM", "CD", 15, "nummod"),
        ("people", "people", "NOUN", "NNS", 11, "dobj"),
        (",", ",", "PUNCT", ",", 18, "punct"),
        ("police", "police", "NOUN", "NNS", 18, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "parataxis"),
        (",", ",", "PUNCT", ",", 18, "punct"),
        ("before", "before", "ADP", "IN", 18, "prep"),
        ("being", "be", "AUX", "VBG", 22, "auxpass"),
        ("towed", "tow", "VERB", "VBN", 20, "pcomp"),
        ("away", "away", "ADV", "RB", 22, "advmod"),
        ("by", "by", "ADP", "IN", 22, "agent"),
        ("a", "a", "DET", "DT", 26, "det"),
        ("crane", "crane", "NOUN", "NN", 24, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    quotes = _run(build_doc, rows, [(6, 7, "GPE"), (8, 10, "TIME"), (12, 15, "CARDINAL")], [9, 15, 18, 26])
    [(speaker, quote)] = quotes
    assert speaker == "police" and quote.startswith("A bus hit a wall in Leeds on Friday night, injuring")


def test_a_clause_with_a_gerund_subject_is_what_was_said(build_doc):
    # 'Ada Rossi said having Okafor at the top of the list puts senior members at risk of losing their
    # seats.' ("having" hangs on the cue as its xcomp, the clause's verb "puts" under it)
    rows = [
        ("Ada", "Ada", "PROPN", "NNP", 1, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("having", "have", "VERB", "VBG", 2, "xcomp"),
        ("Okafor", "Okafor", "PROPN", "NNP", 3, "dobj"),
        ("at", "at", "ADP", "IN", 3, "prep"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("top", "top", "NOUN", "NN", 5, "pobj"),
        ("of", "of", "ADP", "IN", 7, "prep"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("list", "list", "NOUN", "NN", 8, "pobj"),
        ("puts", "put", "VERB", "VBZ", 3, "ccomp"),
        ("senior", "senior", "ADJ", "JJ", 13, "amod"),
        ("members", "member", "NOUN", "NNS", 11, "dobj"),
        ("at", "at", "ADP", "IN", 11, "prep"),
        ("risk", "risk", "NOUN", "NN", 14, "pobj"),
        ("of", "of", "ADP", "IN", 15, "prep"),
        ("losing", "lose", "VERB", "VBG", 16, "pcomp"),
        ("their", "their", "PRON", "PRP$", 19, "poss"),
        ("seats", "seat", "NOUN", "NNS", 17, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON"), (4, 5, "PERSON")], [19])
    content = "having Okafor at the top of the list puts senior members at risk of losing their seats"
    assert quotes == [("Ada Rossi", content)]


def test_a_cue_hung_on_a_participle_root_shares_its_subject(build_doc):
    # 'Ada Rossi, noting the size of the list, said, "Let me tell you, it is a very long email list."'
    # (the parser made "noting" the root, with "Rossi" its subject, and hung "said" on it)
    rows = [
        ("Ada", "Ada", "PROPN", "NNP", 1, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 3, "nsubj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("noting", "note", "VERB", "VBG", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("size", "size", "NOUN", "NN", 3, "dobj"),
        ("of", "of", "ADP", "IN", 5, "prep"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("list", "list", "NOUN", "NN", 6, "pobj"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("said", "say", "VERB", "VBD", 3, "parataxis"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ('"', '"', "PUNCT", "``", 10, "punct"),
        ("Let", "let", "VERB", "VB", 19, "advcl"),
        ("me", "I", "PRON", "PRP", 15, "nsubj"),
        ("tell", "tell", "VERB", "VB", 13, "ccomp"),
        ("you", "you", "PRON", "PRP", 15, "dobj"),
        (",", ",", "PUNCT", ",", 19, "punct"),
        ("it", "it", "PRON", "PRP", 19, "nsubj"),
        ("is", "be", "AUX", "VBZ", 10, "ccomp"),
        ("a", "a", "DET", "DT", 24, "det"),
        ("very", "very", "ADV", "RB", 22, "advmod"),
        ("long", "long", "ADJ", "JJ", 24, "amod"),
        ("email", "email", "NOUN", "NN", 24, "compound"),
        ("list", "list", "NOUN", "NN", 19, "attr"),
        (".", ".", "PUNCT", ".", 3, "punct"),
        ('"', '"', "PUNCT", "''", 3, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON")], [1, 8, 10, 12, 16, 24, 25])
    assert ("Ada Rossi", "Let me tell you, it is a very long email list.") in quotes


def test_a_clause_subject_taken_for_the_object_of_say_is_part_of_the_content(build_doc):
    # 'Ada Rossi said her focus groups and other research show that the plan works.' ("groups ... show"
    # parsed as the object of "said", "show" as a noun, and "that the plan works" as the cue's clause)
    rows = [
        ("Ada", "Ada", "PROPN", "NNP", 1, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("her", "her", "PRON", "PRP$", 5, "poss"),
        ("focus", "focus", "NOUN", "NN", 5, "compound"),
        ("groups", "group", "NOUN", "NNS", 2, "dobj"),
        ("and", "and", "CCONJ", "CC", 5, "cc"),
        ("other", "other", "ADJ", "JJ", 9, "amod"),
        ("research", "research", "NOUN", "NN", 9, "compound"),
        ("show", "show", "NOUN", "NN", 5, "conj"),
        ("that", "that", "SCONJ", "IN", 13, "mark"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("plan", "plan", "NOUN", "NN", 13, "nsubj"),
        ("works", "work", "VERB", "VBZ", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    quotes = _run(build_doc, rows, [(0, 2, "PERSON")], [13])
    assert quotes == [("Ada Rossi", "her focus groups and other research show that the plan works")]


def test_a_place_after_a_preposition_does_not_speak_for_a_thing(build_doc):
    # 'The visit to Kyiv suggested that talks would resume.': the visit is no speaker, and Kyiv did not say
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("visit", "visit", "NOUN", "NN", 4, "nsubj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("Kyiv", "Kyiv", "PROPN", "NNP", 2, "pobj"),
        ("suggested", "suggest", "VERB", "VBD", 4, "ROOT"),
        ("that", "that", "SCONJ", "IN", 8, "mark"),
        ("talks", "talk", "NOUN", "NNS", 8, "nsubj"),
        ("would", "would", "AUX", "MD", 8, "aux"),
        ("resume", "resume", "VERB", "VB", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _run(build_doc, rows, [(3, 4, "GPE")], [8]) == []


_PLAN = [  # 'The plan for Ukraine frames peace as central.'
    ("The", "the", "DET", "DT", 1, "det"),
    ("plan", "plan", "NOUN", "NN", 4, "nsubj"),
    ("for", "for", "ADP", "IN", 1, "prep"),
    ("Ukraine", "Ukraine", "PROPN", "NNP", 2, "pobj"),
    ("frames", "frame", "VERB", "VBZ", 4, "ROOT"),
    ("peace", "peace", "NOUN", "NN", 4, "dobj"),
    ("as", "as", "ADP", "IN", 4, "prep"),
    ("central", "central", "ADJ", "JJ", 6, "amod"),
    (".", ".", "PUNCT", ".", 4, "punct"),
]
_IT_EXPLAINS = [  # 'It explains why the talks stalled.' (heads relative to its first token)
    ("It", "it", "PRON", "PRP", 1, "nsubj"),
    ("explains", "explain", "VERB", "VBZ", 1, "ROOT"),
    ("why", "why", "SCONJ", "WRB", 5, "advmod"),
    ("the", "the", "DET", "DT", 4, "det"),
    ("talks", "talk", "NOUN", "NNS", 5, "nsubj"),
    ("stalled", "stall", "VERB", "VBD", 1, "ccomp"),
    (".", ".", "PUNCT", ".", 1, "punct"),
]


def _then_it_explains(first):
    n = len(first)
    return first + [(t, lemma, pos, tag, head + n, dep) for t, lemma, pos, tag, head, dep in _IT_EXPLAINS]


def test_it_after_a_thing_is_that_thing_not_a_country_beside_it(build_doc):
    # 'The plan for Ukraine frames peace as central. It explains why the talks stalled.'
    rows = _then_it_explains(_PLAN)
    assert _run(build_doc, rows, [(3, 4, "GPE")], [7, 14]) == []


def test_it_after_an_organisation_is_that_organisation(build_doc):
    # 'Acme Corp frames peace as central. It explains why the talks stalled.': the control case
    first = [
        ("Acme", "Acme", "PROPN", "NNP", 1, "compound"),
        ("Corp", "Corp", "PROPN", "NNP", 2, "nsubj"),
        ("frames", "frame", "VERB", "VBZ", 2, "ROOT"),
        ("peace", "peace", "NOUN", "NN", 2, "dobj"),
        ("as", "as", "ADP", "IN", 2, "prep"),
        ("central", "central", "ADJ", "JJ", 4, "amod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    rows = _then_it_explains(first)
    assert _run(build_doc, rows, [(0, 2, "ORG")], [5, 12]) == [("Acme Corp", "why the talks stalled")]


def test_a_clause_coordinated_onto_a_parenthetical_cue_belongs_to_the_host(build_doc):
    # 'She gave the mayor advice on the budget, Rossi says, and she felt free to contradict him.'
    # ("felt" hangs on "says" as its conjunct)
    rows = [
        ("She", "she", "PRON", "PRP", 1, "nsubj"),
        ("gave", "give", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("mayor", "mayor", "NOUN", "NN", 4, "compound"),
        ("advice", "advice", "NOUN", "NN", 1, "dobj"),
        ("on", "on", "ADP", "IN", 4, "prep"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("budget", "budget", "NOUN", "NN", 5, "pobj"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("Rossi", "Rossi", "PROPN", "NNP", 10, "nsubj"),
        ("says", "say", "VERB", "VBZ", 1, "parataxis"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("and", "and", "CCONJ", "CC", 10, "cc"),
        ("she", "she", "PRON", "PRP", 14, "nsubj"),
        ("felt", "feel", "VERB", "VBD", 10, "conj"),
        ("free", "free", "ADJ", "JJ", 14, "acomp"),
        ("to", "to", "PART", "TO", 17, "aux"),
        ("contradict", "contradict", "VERB", "VB", 15, "xcomp"),
        ("him", "he", "PRON", "PRP", 17, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    [(speaker, quote)] = _run(build_doc, rows, [(9, 10, "PERSON")], [7, 10, 18])
    assert speaker == "Rossi" and quote.startswith("She gave the mayor advice on the budget")


def test_an_incumbent_is_a_person_who_speaks(build_doc):
    # 'Ada Rossi spoke. The Republican incumbent said that her seat is safe.' (cues.json person_nouns)
    rows = [
        ("Ada", "Ada", "PROPN", "NNP", 1, "compound"),
        ("Rossi", "Rossi", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "ROOT"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("The", "the", "DET", "DT", 6, "det"),
        ("Republican", "republican", "ADJ", "JJ", 6, "amod"),
        ("incumbent", "incumbent", "NOUN", "NN", 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 7, "ROOT"),
        ("that", "that", "SCONJ", "IN", 11, "mark"),
        ("her", "her", "PRON", "PRP$", 10, "poss"),
        ("seat", "seat", "NOUN", "NN", 11, "nsubj"),
        ("is", "be", "AUX", "VBZ", 7, "ccomp"),
        ("safe", "safe", "ADJ", "JJ", 11, "acomp"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    speakers = [s for s, _ in _run(build_doc, rows, [(0, 2, "PERSON"), (5, 6, "NORP")], [2, 12])]
    assert speakers == ["Republican incumbent"]
