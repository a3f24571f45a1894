"""The lookup attribute ruler gives exactly the stock AttributeRuler's annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from kg.nlp.load import model_name
from kg.nlp.rules import FACTORY, install

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
ATTRS = [POS, TAG, MORPH, LEMMA, HEAD]


def annotations(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(model_name())
    lookup = spacy.load(model_name())
    install(lookup)
    return stock, lookup


def test_install_swaps_the_ruler_and_keeps_every_rule(pipelines):
    stock, lookup = pipelines
    assert lookup.pipe_names == stock.pipe_names
    assert lookup.get_pipe_meta("attribute_ruler").factory == FACTORY
    assert lookup.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    install(lookup)  # a second install is a no-op
    assert lookup.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns


def test_same_annotations_as_the_stock_ruler_on_the_examples(pipelines):
    stock, lookup = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*"))]
    texts.append("I'd say it's there, innit? We'd've gone. He 's 'd — ’cause  \n  \t whether or not.")
    assert len(texts) > 3
    for _ in range(2):  # the second time, the ruler answers from what it worked out the first
        for a, b in zip(stock.pipe(texts), lookup.pipe(texts), strict=True):
            assert annotations(a) == annotations(b)
            assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
            assert all(t.lemma_ for t in b)


def _ruler_pair(rules: list[dict]) -> tuple[spacy.Language, spacy.Language]:
    """A blank pipeline with the stock AttributeRuler, and one with the lookup ruler, same rules."""
    stock = spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(rules)
    lookup = spacy.blank("en")
    lookup.add_pipe("attribute_ruler").add_patterns(rules)
    install(lookup)
    return stock, lookup


def test_later_rules_win_and_multi_token_rules_still_apply():
    rules = [
        {"patterns": [[{"TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"POS": "X"}},  # every token (no tags)
        {"patterns": [[{"LOWER": {"REGEX": "^b.nks?$"}}]], "attrs": {"LEMMA": "regexed"}},
        {"patterns": [[{"LOWER": "bank"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": "river"}, {"LOWER": "bank"}]], "attrs": {"LEMMA": "shore"}, "index": 1},
        {"patterns": [[{"LOWER": {"IN": ["bank", "banks"]}}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"ORTH": "Bank", "OP": "+"}]], "attrs": {"POS": "PROPN"}},  # an operator: Matcher
        {"patterns": [[{"IS_SPACE": True}], [{"LOWER": "the"}]], "attrs": {"LEMMA": "gap"}},
    ]
    stock, lookup = _ruler_pair(rules)
    assert lookup.get_pipe_meta("attribute_ruler").factory == FACTORY
    text = "the river bank and a Bank  by the banks"
    expected = [(t.text, t.pos_, t.lemma_) for t in stock(text)]
    got = [(t.text, t.pos_, t.lemma_) for t in lookup(text)]
    assert got == expected
    assert ("bank", "NOUN", "shore") in got  # the two-word rule came after the one-word one: it wins
    assert ("Bank", "PROPN", "first") in got  # the rule with an operator went through the Matcher
    assert ("banks", "NOUN", "regexed") in got and ("by", "X", "") in got


def test_rules_cleared_and_reloaded_from_bytes():
    rules = [{"patterns": [[{"LOWER": "bank"}]], "attrs": {"LEMMA": "first"}}]
    _, lookup = _ruler_pair(rules)
    ruler = lookup.get_pipe("attribute_ruler")
    data = ruler.to_bytes()
    ruler.clear()
    assert lookup("bank")[0].lemma_ == ""
    ruler.from_bytes(data)
    assert lookup("bank")[0].lemma_ == "first"
