"""Statement rules on hand-built parses (issue #3, fourth round): where reported content ends. A verb
of the content is not a second report ("would sit X down and tell him ..."; "would continue to ..."),
a participle after a closing quotation mark is ("...,' claiming ..."), a list after a comma is not a
gloss, and "urged X to do Y" reports its object and infinitive."""

from docs import speakers_and_quotes as _run

from kg.actors import find_actors
from kg.facts.statements import extract_statements
from kg.types import ActorType


def test_direct_only_verb_inside_the_content_does_not_end_it(build_doc):
    # 'The DNC said the actions were unacceptable and that the committee would continue to investigate
    # the incident.': "continue" is no second report
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("DNC", "DNC", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("actions", "action", "NOUN", "NNS", 5, "nsubj"),
        ("were", "be", "AUX", "VBD", 2, "ccomp"),
        ("unacceptable", "unacceptable", "ADJ", "JJ", 5, "acomp"),
        ("and", "and", "CCONJ", "CC", 5, "cc"),
        ("that", "that", "SCONJ", "IN", 12, "mark"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("committee", "committee", "NOUN", "NN", 12, "nsubj"),
        ("would", "would", "AUX", "MD", 12, "aux"),
        ("continue", "continue", "VERB", "VB", 5, "conj"),
        ("to", "to", "PART", "TO", 14, "aux"),
        ("investigate", "investigate", "VERB", "VB", 12, "xcomp"),
        ("the", "the", "DET", "DT", 16, "det"),
        ("incident", "incident", "NOUN", "NN", 14, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(1, 2, "ORG")], [16])
    content = (
        "the actions were unacceptable and that the committee would continue to investigate the incident"
    )
    assert found == [("DNC", content)]


def test_verb_of_the_content_without_subject_does_not_end_it(build_doc):
    # 'Jane Roe says she would sit the minister down and tell him to resign.': "tell" is what she would
    # do, not her next statement (another form than the cue, hung inside the content)
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("says", "say", "VERB", "VBZ", 2, "ROOT"),
        ("she", "she", "PRON", "PRP", 5, "nsubj"),
        ("would", "would", "AUX", "MD", 5, "aux"),
        ("sit", "sit", "VERB", "VB", 2, "ccomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("minister", "minister", "NOUN", "NN", 5, "dobj"),
        ("down", "down", "ADP", "RP", 5, "prt"),
        ("and", "and", "CCONJ", "CC", 5, "cc"),
        ("tell", "tell", "VERB", "VB", 5, "conj"),
        ("him", "he", "PRON", "PRP", 10, "dobj"),
        ("to", "to", "PART", "TO", 13, "aux"),
        ("resign", "resign", "VERB", "VB", 10, "xcomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [13])
    assert found == [("Jane Roe", "she would sit the minister down and tell him to resign")]


def test_participle_after_a_closing_quote_is_the_next_statement(build_doc):
    # 'Jane Roe insisted that she had "expanded the party," claiming that turnout rose.'
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("insisted", "insist", "VERB", "VBD", 2, "ROOT"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("she", "she", "PRON", "PRP", 7, "nsubj"),
        ("had", "have", "AUX", "VBD", 7, "aux"),
        ('"', '"', "PUNCT", "``", 7, "punct"),
        ("expanded", "expand", "VERB", "VBN", 2, "ccomp"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("party", "party", "NOUN", "NN", 7, "dobj"),
        (",", ",", "PUNCT", ",", 7, "punct"),
        ('"', '"', "PUNCT", "''", 7, "punct"),
        ("claiming", "claim", "VERB", "VBG", 7, "advcl"),
        ("that", "that", "SCONJ", "IN", 15, "mark"),
        ("turnout", "turnout", "NOUN", "NN", 15, "nsubj"),
        ("rose", "rise", "VERB", "VBD", 12, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [6, 9, 10, 15])
    assert found == [("Jane Roe", 'that she had "expanded the party,"'), ("Jane Roe", "that turnout rose")]


def test_list_after_a_comma_is_not_a_gloss(build_doc):
    # 'Jane Roe said they differ on trade, the budget and the courts.'
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("they", "they", "PRON", "PRP", 4, "nsubj"),
        ("differ", "differ", "VERB", "VBP", 2, "ccomp"),
        ("on", "on", "ADP", "IN", 4, "prep"),
        ("trade", "trade", "NOUN", "NN", 5, "pobj"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("budget", "budget", "NOUN", "NN", 6, "appos"),
        ("and", "and", "CCONJ", "CC", 9, "cc"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("courts", "court", "NOUN", "NNS", 9, "conj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [6, 12])
    assert found == [("Jane Roe", "they differ on trade, the budget and the courts")]


def test_urged_reports_its_object_and_infinitive(build_doc):
    # 'Jane Roe urged the council to reject the plan.'
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("urged", "urge", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("council", "council", "NOUN", "NN", 2, "dobj"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("reject", "reject", "VERB", "VB", 2, "xcomp"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [8])
    assert found == [("Jane Roe", "the council to reject the plan")]


def test_share_hung_on_a_subjectless_cue_speaks(build_doc):
    # 'About 4 in 10 say they want change.' with "10" hung on the cue as a number modifier
    rows = [
        ("About", "about", "ADV", "RB", 1, "advmod"),
        ("4", "4", "NUM", "CD", 3, "quantmod"),
        ("in", "in", "ADP", "IN", 3, "quantmod"),
        ("10", "10", "NUM", "CD", 4, "nummod"),
        ("say", "say", "VERB", "VBP", 4, "ROOT"),
        ("they", "they", "PRON", "PRP", 6, "nsubj"),
        ("want", "want", "VERB", "VBP", 4, "ccomp"),
        ("change", "change", "NOUN", "NN", 6, "dobj"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    doc = build_doc(rows, [], [7])
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    actor = next(a for a in index.actors if a.id == st.speaker)
    assert (actor.name, actor.type, st.quote) == ("About 4 in 10", ActorType.GROUP, "they want change")


def test_quote_cut_from_a_paraphrase_goes_to_its_own_cue(build_doc):
    # 'Jane Roe posted a message of her own, saying, "We are so excited to meet him!"': the quote is not
    # part of "posted a message of her own" once the participle is cut off; it is what she said
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("posted", "post", "VERB", "VBD", 2, "ROOT"),
        ("a", "a", "DET", "DT", 4, "det"),
        ("message", "message", "NOUN", "NN", 2, "dobj"),
        ("of", "of", "ADP", "IN", 4, "prep"),
        ("her", "her", "PRON", "PRP$", 7, "poss"),
        ("own", "own", "ADJ", "JJ", 5, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("saying", "say", "VERB", "VBG", 2, "advcl"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ('"', '"', "PUNCT", "``", 9, "punct"),
        ("We", "we", "PRON", "PRP", 13, "nsubj"),
        ("are", "be", "AUX", "VBP", 9, "ccomp"),
        ("so", "so", "ADV", "RB", 15, "advmod"),
        ("excited", "excited", "ADJ", "JJ", 13, "acomp"),
        ("to", "to", "PART", "TO", 17, "aux"),
        ("meet", "meet", "VERB", "VB", 15, "xcomp"),
        ("him", "he", "PRON", "PRP", 17, "dobj"),
        ("!", "!", "PUNCT", ".", 2, "punct"),
        ('"', '"', "PUNCT", "''", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [7, 9, 11, 18, 19])
    assert found == [("Jane Roe", "We are so excited to meet him!")]


def test_according_to_before_a_joined_clause_reports_what_precedes(build_doc):
    # 'Jane Roe leads the race by nine points according to a count by the agency, but her rival has
    # vowed to fight on in every state.': the clause after ", but" is the writer's (though longer), the
    # content is what precedes
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("leads", "lead", "VERB", "VBZ", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("race", "race", "NOUN", "NN", 2, "dobj"),
        ("by", "by", "ADP", "IN", 2, "prep"),
        ("nine", "nine", "NUM", "CD", 7, "nummod"),
        ("points", "point", "NOUN", "NNS", 5, "pobj"),
        ("according", "accord", "VERB", "VBG", 2, "prep"),
        ("to", "to", "ADP", "IN", 8, "prep"),
        ("a", "a", "DET", "DT", 11, "det"),
        ("count", "count", "NOUN", "NN", 9, "pobj"),
        ("by", "by", "ADP", "IN", 11, "prep"),
        ("the", "the", "DET", "DT", 14, "det"),
        ("agency", "agency", "NOUN", "NN", 12, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("but", "but", "CCONJ", "CC", 2, "cc"),
        ("her", "her", "PRON", "PRP$", 18, "poss"),
        ("rival", "rival", "NOUN", "NN", 20, "nsubj"),
        ("has", "have", "AUX", "VBZ", 20, "aux"),
        ("vowed", "vow", "VERB", "VBN", 2, "conj"),
        ("to", "to", "PART", "TO", 22, "aux"),
        ("fight", "fight", "VERB", "VB", 20, "xcomp"),
        ("on", "on", "ADP", "RP", 22, "prt"),
        ("in", "in", "ADP", "IN", 22, "prep"),
        ("every", "every", "DET", "DT", 26, "det"),
        ("state", "state", "NOUN", "NN", 24, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = build_doc(rows, [(0, 2, "PERSON")], [14, 26])
    index = find_actors(doc)
    statements = extract_statements(doc, index)
    according = [st for st in statements if st.cue.startswith("according to")]
    assert [st.quote for st in according] == ["Jane Roe leads the race by nine points"]


def test_according_to_a_source_noun_taken_for_an_adjective(build_doc):
    # 'Jane Roe is ahead by nine points, according to the polling average.' with "average" tagged JJ
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("is", "be", "AUX", "VBZ", 2, "ROOT"),
        ("ahead", "ahead", "ADV", "RB", 2, "advmod"),
        ("by", "by", "ADP", "IN", 2, "prep"),
        ("nine", "nine", "NUM", "CD", 6, "nummod"),
        ("points", "point", "NOUN", "NNS", 4, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("according", "accord", "VERB", "VBG", 2, "prep"),
        ("to", "to", "ADP", "IN", 8, "prep"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("polling", "polling", "NOUN", "NN", 12, "compound"),
        ("average", "average", "ADJ", "JJ", 9, "pobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = build_doc(rows, [(0, 2, "PERSON")], [6, 12])
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    actor = next(a for a in index.actors if a.id == st.speaker)
    assert (actor.name, actor.type, st.quote) == (
        "polling average",
        ActorType.ORGANIZATION,
        "Jane Roe is ahead by nine points",
    )


def test_object_content_keeps_the_infinitive_hung_on_the_cue(build_doc):
    # 'Jane Roe announced new steps to tighten gun sales.' with the infinitive hung on the cue
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("announced", "announce", "VERB", "VBD", 2, "ROOT"),
        ("new", "new", "ADJ", "JJ", 4, "amod"),
        ("steps", "step", "NOUN", "NNS", 2, "dobj"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("tighten", "tighten", "VERB", "VB", 2, "xcomp"),
        ("gun", "gun", "NOUN", "NN", 8, "compound"),
        ("sales", "sale", "NOUN", "NNS", 6, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [8])
    assert found == [("Jane Roe", "new steps to tighten gun sales")]


def test_cue_in_a_when_clause_reports(build_doc):
    # 'It began in May, when Jane Roe called the plan "a costly mistake".' with the when-clause parsed
    # as a relative clause of "May"
    rows = [
        ("It", "it", "PRON", "PRP", 1, "nsubj"),
        ("began", "begin", "VERB", "VBD", 1, "ROOT"),
        ("in", "in", "ADP", "IN", 1, "prep"),
        ("May", "May", "PROPN", "NNP", 2, "pobj"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("when", "when", "SCONJ", "WRB", 8, "advmod"),
        ("Jane", "Jane", "PROPN", "NNP", 7, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 8, "nsubj"),
        ("called", "call", "VERB", "VBD", 3, "relcl"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("plan", "plan", "NOUN", "NN", 14, "nsubj"),
        ('"', '"', "PUNCT", "``", 14, "punct"),
        ("a", "a", "DET", "DT", 14, "det"),
        ("costly", "costly", "ADJ", "JJ", 14, "amod"),
        ("mistake", "mistake", "NOUN", "NN", 8, "oprd"),
        ('"', '"', "PUNCT", "''", 8, "punct"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    found = _run(build_doc, rows, [(3, 4, "DATE"), (6, 8, "PERSON")], [3, 11, 14, 15])
    assert found == [("Jane Roe", 'the plan "a costly mistake"')]


def test_headline_surname_before_a_colon_is_the_person_named_in_full(build_doc):
    # 'Roe: The plan will fail.\n\nJane Roe toured the harbour.' with the headline's "Roe" untagged
    rows = [
        ("Roe", "roe", "NOUN", "NN", 0, "ROOT"),
        (":", ":", "PUNCT", ":", 0, "punct"),
        ("The", "the", "DET", "DT", 3, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "nsubj"),
        ("will", "will", "AUX", "MD", 5, "aux"),
        ("fail", "fail", "VERB", "VB", 5, "ROOT"),
        (".", ".", "PUNCT", ".", 5, "punct"),
        ("\n\n", "\n\n", "SPACE", "_SP", 6, "dep"),
        ("Jane", "Jane", "PROPN", "NNP", 9, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 10, "nsubj"),
        ("toured", "tour", "VERB", "VBD", 10, "ROOT"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("harbour", "harbour", "NOUN", "NN", 10, "dobj"),
        (".", ".", "PUNCT", ".", 10, "punct"),
    ]
    found = _run(build_doc, rows, [(8, 10, "PERSON")], [0, 5, 6, 7, 12])
    assert found == [("Jane Roe", "The plan will fail.")]


def test_extraposed_it_is_no_speaker(build_doc):
    # 'France rejected the deal. It is safe to say the deal will fail.': "it" stands for the infinitive,
    # not for France
    first = [
        ("France", "France", "PROPN", "NNP", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("deal", "deal", "NOUN", "NN", 1, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    second = [
        ("It", "it", "PRON", "PRP", 1, "nsubj"),
        ("is", "be", "AUX", "VBZ", 1, "ROOT"),
        ("safe", "safe", "ADJ", "JJ", 1, "acomp"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("say", "say", "VERB", "VB", 1, "xcomp"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("deal", "deal", "NOUN", "NN", 8, "nsubj"),
        ("will", "will", "AUX", "MD", 8, "aux"),
        ("fail", "fail", "VERB", "VB", 4, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    rows = [*first, *[(w, lemma, pos, tag, head + 5, dep) for w, lemma, pos, tag, head, dep in second]]
    assert _run(build_doc, rows, [(0, 1, "GPE")], [3, 13]) == []


def test_but_clause_hung_on_the_cue_goes_on_with_the_content(build_doc):
    # 'Jane Roe says the plan failed, but the council will try again.' with "try" hung on the cue
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("says", "say", "VERB", "VBZ", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 2, "ccomp"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("but", "but", "CCONJ", "CC", 2, "cc"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("council", "council", "NOUN", "NN", 11, "nsubj"),
        ("will", "will", "AUX", "MD", 11, "aux"),
        ("try", "try", "VERB", "VB", 2, "conj"),
        ("again", "again", "ADV", "RB", 11, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [5, 12])
    assert found == [("Jane Roe", "the plan failed, but the council will try again")]


def test_name_tagged_as_a_place_speaks_as_an_organisation(build_doc):
    # 'Twitter said it would act.' with "Twitter" tagged GPE (no place of that name)
    rows = [
        ("Twitter", "Twitter", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("it", "it", "PRON", "PRP", 4, "nsubj"),
        ("would", "would", "AUX", "MD", 4, "aux"),
        ("act", "act", "VERB", "VB", 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    doc = build_doc(rows, [(0, 1, "GPE")], [4])
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    actor = next(a for a in index.actors if a.id == st.speaker)
    assert (actor.name, actor.type, st.quote) == ("Twitter", ActorType.ORGANIZATION, "it would act")


def test_surname_tagged_as_a_common_noun_is_the_person(build_doc):
    # 'Jane Fields toured the harbour. Fields said the plan would fail.' with the second "Fields" tagged
    # a plural common noun
    first = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Fields", "Fields", "PROPN", "NNP", 2, "nsubj"),
        ("toured", "tour", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("harbour", "harbour", "NOUN", "NN", 2, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    second = [
        ("Fields", "field", "NOUN", "NNS", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "nsubj"),
        ("would", "would", "AUX", "MD", 5, "aux"),
        ("fail", "fail", "VERB", "VB", 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    rows = [*first, *[(w, lemma, pos, tag, head + 6, dep) for w, lemma, pos, tag, head, dep in second]]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [4, 11])
    assert found == [("Jane Fields", "the plan would fail")]


def test_that_clause_hung_on_the_noun_of_a_phrase_on_the_cue(build_doc):
    # 'Jane Roe said in a statement that the bill would pass.' with the clause hung on "statement"
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("in", "in", "ADP", "IN", 2, "prep"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("statement", "statement", "NOUN", "NN", 3, "pobj"),
        ("that", "that", "SCONJ", "IN", 10, "mark"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("bill", "bill", "NOUN", "NN", 10, "nsubj"),
        ("would", "would", "AUX", "MD", 10, "aux"),
        ("pass", "pass", "VERB", "VB", 5, "acl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [10])
    assert found == [("Jane Roe", "the bill would pass")]


def test_infinitive_cue_of_a_verb_after_a_long_aside(build_doc):
    # 'Jane Roe, who is running for mayor, tweeted on Friday to say the plan failed.' with "tweeted"
    # hung on the name as a clause and "say" on "tweeted"
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 1, "ROOT"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("who", "who", "PRON", "WP", 5, "nsubj"),
        ("is", "be", "AUX", "VBZ", 5, "aux"),
        ("running", "run", "VERB", "VBG", 1, "relcl"),
        ("for", "for", "ADP", "IN", 5, "prep"),
        ("mayor", "mayor", "NOUN", "NN", 6, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("tweeted", "tweet", "VERB", "VBD", 1, "acl"),
        ("on", "on", "ADP", "IN", 9, "prep"),
        ("Friday", "Friday", "PROPN", "NNP", 10, "pobj"),
        ("to", "to", "PART", "TO", 13, "aux"),
        ("say", "say", "VERB", "VB", 9, "advcl"),
        ("the", "the", "DET", "DT", 15, "det"),
        ("plan", "plan", "NOUN", "NN", 16, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 13, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON"), (11, 12, "DATE")], [1, 7, 16])
    assert found == [("Jane Roe", "the plan failed")]


def test_addressee_of_told_is_never_the_speaker(build_doc):
    # '"We were wrong to wait," Jane Roe, 58, told AFP.' with "told" hung on the quote's verb, so that
    # its subject is "We" inside the quote: the speaker is the name before it, not the agency told
    rows = [
        ('"', '"', "PUNCT", "``", 2, "punct"),
        ("We", "we", "PRON", "PRP", 2, "nsubj"),
        ("were", "be", "AUX", "VBD", 2, "ROOT"),
        ("wrong", "wrong", "ADJ", "JJ", 2, "acomp"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("wait", "wait", "VERB", "VB", 3, "xcomp"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ('"', '"', "PUNCT", "''", 9, "punct"),
        ("Jane", "Jane", "PROPN", "NNP", 9, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "npadvmod"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("58", "58", "NUM", "CD", 9, "appos"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("told", "tell", "VERB", "VBD", 2, "conj"),
        ("AFP", "AFP", "PROPN", "NNP", 13, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    ents = [(8, 10, "PERSON"), (11, 12, "DATE"), (14, 15, "ORG")]
    found = _run(build_doc, rows, ents, [0, 5, 6, 9, 11, 14])
    assert found == [("Jane Roe", "We were wrong to wait")]


def test_country_modifying_a_person_noun_is_not_the_speaker(build_doc):
    # 'A U.S. official said the talks had stalled.': the official speaks, not the United States
    rows = [
        ("A", "a", "DET", "DT", 2, "det"),
        ("U.S.", "U.S.", "PROPN", "NNP", 2, "compound"),
        ("official", "official", "NOUN", "NN", 3, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "ROOT"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("talks", "talk", "NOUN", "NNS", 7, "nsubj"),
        ("had", "have", "AUX", "VBD", 7, "aux"),
        ("stalled", "stall", "VERB", "VBN", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    doc = build_doc(rows, [(1, 2, "GPE")], [7])
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    actor = next(a for a in index.actors if a.id == st.speaker)
    assert (actor.name, actor.type, st.quote) == ("U.S. official", ActorType.PERSON, "the talks had stalled")


def test_time_clause_after_a_comma_is_not_the_content(build_doc):
    # 'Jane Roe pledged to close the camps, after she introduced a bill.' with the time clause hung on
    # the cue: when she pledged it, not what she pledged
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("pledged", "pledge", "VERB", "VBD", 2, "ROOT"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("close", "close", "VERB", "VB", 2, "xcomp"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("camps", "camp", "NOUN", "NNS", 4, "dobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("after", "after", "SCONJ", "IN", 10, "mark"),
        ("she", "she", "PRON", "PRP", 10, "nsubj"),
        ("introduced", "introduce", "VERB", "VBD", 2, "advcl"),
        ("a", "a", "DET", "DT", 12, "det"),
        ("bill", "bill", "NOUN", "NN", 10, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 2, "PERSON")], [6, 12])
    assert found == [("Jane Roe", "to close the camps")]


def test_cue_keeps_its_day_and_medium(build_doc):
    # 'Jane Roe said Friday in a statement that the plan failed.': the reporting expression is
    # "said Friday in a statement"
    rows = [
        ("Jane", "Jane", "PROPN", "NNP", 1, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 2, "ROOT"),
        ("Friday", "Friday", "PROPN", "NNP", 2, "npadvmod"),
        ("in", "in", "ADP", "IN", 2, "prep"),
        ("a", "a", "DET", "DT", 6, "det"),
        ("statement", "statement", "NOUN", "NN", 4, "pobj"),
        ("that", "that", "SCONJ", "IN", 10, "mark"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("plan", "plan", "NOUN", "NN", 10, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 2, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = build_doc(rows, [(0, 2, "PERSON"), (3, 4, "DATE")], [10])
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    assert (st.cue, st.quote) == ("said Friday in a statement", "that the plan failed")


def test_speaker_before_a_long_aside_after_a_double_hyphen_dateline(build_doc):
    # 'WASHINGTON -- Jane Roe, visiting the port of the city, said the plan failed.' with the cue's
    # subject lost to the aside
    rows = [
        ("WASHINGTON", "WASHINGTON", "PROPN", "NNP", 12, "npadvmod"),
        ("--", "--", "PUNCT", ":", 12, "punct"),
        ("Jane", "Jane", "PROPN", "NNP", 3, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 12, "npadvmod"),
        (",", ",", "PUNCT", ",", 3, "punct"),
        ("visiting", "visit", "VERB", "VBG", 3, "acl"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("port", "port", "NOUN", "NN", 5, "dobj"),
        ("of", "of", "ADP", "IN", 7, "prep"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("city", "city", "NOUN", "NN", 8, "pobj"),
        (",", ",", "PUNCT", ",", 12, "punct"),
        ("said", "say", "VERB", "VBD", 12, "ROOT"),
        ("the", "the", "DET", "DT", 14, "det"),
        ("plan", "plan", "NOUN", "NN", 15, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 12, "ccomp"),
        (".", ".", "PUNCT", ".", 12, "punct"),
    ]
    found = _run(build_doc, rows, [(0, 1, "GPE"), (2, 4, "PERSON")], [3, 10, 15])
    assert found == [("Jane Roe", "the plan failed")]


def test_quote_signed_with_a_dash_and_a_name(build_doc):
    # '“We will win.” ― Jane Roe': a reader's response or pull quote signed at the end of its line
    rows = [
        ("“", "“", "PUNCT", "``", 3, "punct"),
        ("We", "we", "PRON", "PRP", 3, "nsubj"),
        ("will", "will", "AUX", "MD", 3, "aux"),
        ("win", "win", "VERB", "VB", 3, "ROOT"),
        (".", ".", "PUNCT", ".", 3, "punct"),
        ("”", "”", "PUNCT", "''", 3, "punct"),
        ("―", "―", "PUNCT", ":", 8, "punct"),
        ("Jane", "Jane", "PROPN", "NNP", 8, "compound"),
        ("Roe", "Roe", "PROPN", "NNP", 8, "ROOT"),
    ]
    found = _run(build_doc, rows, [(7, 9, "PERSON")], [0, 3, 4])
    assert found == [("Jane Roe", "We will win.")]


def test_fragment_cut_out_of_a_possessive_never_speaks(build_doc):
    # 'Editor’s Note: The plan will fail.' with the model's person entity "’s Note"
    rows = [
        ("Editor", "editor", "NOUN", "NN", 2, "poss"),
        ("’s", "’s", "PART", "POS", 0, "case"),
        ("Note", "Note", "PROPN", "NNP", 2, "ROOT"),
        (":", ":", "PUNCT", ":", 2, "punct"),
        ("The", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 7, "nsubj"),
        ("will", "will", "AUX", "MD", 7, "aux"),
        ("fail", "fail", "VERB", "VB", 2, "appos"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    doc = build_doc(rows, [(1, 3, "PERSON")], [0, 2, 7])
    index = find_actors(doc)
    assert extract_statements(doc, index) == []
