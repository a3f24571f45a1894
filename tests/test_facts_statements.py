"""Statement rules on hand-built parses (no model involved)."""

from docs import DIRECT_INVERTED, INDIRECT_PRONOUN

from kg.actors import find_actors
from kg.facts.positions import position_label, topics_for
from kg.facts.statements import extract_statements
from kg.types import QuoteType, Topic


def _names(index):
    return {a.id: a.name for a in index.actors}


def test_direct_quote_with_inverted_cue(build_doc):
    doc = build_doc(*DIRECT_INVERTED)
    index = find_actors(doc)
    [st] = extract_statements(doc, index)
    assert _names(index)[st.speaker] == "Aino Virtanen"
    assert st.quote == "Peace is close"
    assert doc.text[st.char_start : st.char_end] == st.quote
    assert st.quote_type is QuoteType.DIRECT
    assert st.cue == "said"
    assert st.sentence == doc.text
    assert 0 < st.confidence <= 1


def test_indirect_speech_with_pronoun_speaker_is_resolved(build_doc):
    doc = build_doc(*INDIRECT_PRONOUN)
    index = find_actors(doc)
    topics = (Topic("ceasefire", "ceasefire", ("ceasefire", "truce")), Topic("other", "other", ("other",)))
    [st] = extract_statements(doc, index, topics)
    assert _names(index)[st.speaker] == "Aino Virtanen"  # "She", never a pronoun actor
    assert st.quote == "that the ceasefire would hold"  # the complementiser too, as PolNeAR marks it
    assert st.quote_type is QuoteType.INDIRECT
    assert st.cue == "warned"
    assert st.topics == ("ceasefire",)
    assert st.sentence == "She warned that the ceasefire would hold."
    assert doc.text[st.sentence_start : st.sentence_end].strip() == st.sentence


def test_position_label_is_short_and_unquoted():
    long = "“" + " ".join(f"w{i}" for i in range(30)) + "”"
    label = position_label(long)
    assert label.startswith("w0 ") and label.endswith("…")
    assert len(label.split()) == 13  # twelve words and the ellipsis


def test_topics_fall_back_to_other(build_doc):
    doc = build_doc(*DIRECT_INVERTED)
    topics = (Topic("ceasefire", "ceasefire", ("ceasefire",)), Topic("other", "other", ()))
    assert topics_for(doc[:], topics) == ("other",)
    assert topics_for(doc[:], ()) == ()
