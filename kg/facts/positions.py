"""Positions: a short readable label for what was said, the topics it touches, and a stance where clear.

Topics come from the SKOS scheme (loaded by the pipeline into plain `Topic` records); each label of a
topic is a match pattern over the parse. Both sides are compared word by word on lemmas (and on the
lowercased words), without punctuation, so inflections match ("peace talks" ~ "peace talk"); a second,
looser comparison also ignores articles, possessive pronouns and the possessive "'s", so that "end its
war" matches "end the war" and "Ukraine's security" matches "ukraine's security". A label that would
shrink to a single word that way ("our security") is only matched in full. Adding a topic or a label is
a change to `ontology/topics.ttl`, never to this code.

Stance comes from a small lexicon (`data/stance.json`) of wordings that make it clear ("warned against",
"rejected", "backed", "called for"); anything unclear, negated or mixed gives no stance.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.types import Topic

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_LABEL_WORDS = 12
MIN_CLAUSE_WORDS = 8
FALLBACK_TOPIC = "other"
STANCES = ("supports", "opposes", "warnsAgainst")
_EDGE = "\"'“”‘’«»„ ,;:.—–-\n\t"
_SPLIT = re.compile(r"[\s\-–—/]+")
_LOOSE_WORDS = frozenset(
    {"the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "this", "these"}
)
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_WORDS = frozenset({"that", "and", "but"})
_CLAUSE_END = re.compile(r"\w[,;:.]$")


def position_label(quote: str, max_words: int = MAX_LABEL_WORDS) -> str:
    """The core of a quote as a short label: its first words, without quote marks or a leading "that";
    a long quote is cut at a clause boundary where that keeps enough words, and marked with "…"."""
    words = quote.strip(_EDGE).split()
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    if len(words) <= max_words:
        return " ".join(words).strip(_EDGE)
    cut = words[:max_words]
    for i in range(len(cut) - 1, MIN_CLAUSE_WORDS - 2, -1):
        if _CLAUSE_END.search(cut[i]):
            cut = cut[: i + 1]
            break
    return " ".join(cut).rstrip(_EDGE) + " …"


# ---------------------------------------------------------------------------------------------- topics


def _is_loose(tok: Token) -> bool:
    return tok.tag_ in {"POS", "PRP$", "DT"} and (tok.lower_ in _LOOSE_WORDS or tok.tag_ in {"POS", "PRP$"})


def _sequences(span: Span) -> tuple[list[list[str]], list[list[str]]]:
    """Word sequences of the span: (strict, loose); each holds a lemma and a lowercased-word version."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    pieces = [[w for w in _SPLIT.split(t.lower_) if w] for t in words]
    lemmas = [[w for w in _SPLIT.split(t.lemma_.lower()) if w] for t in words]
    strict = [[w for p in lemmas for w in p], [w for p in pieces for w in p]]
    kept = [i for i, t in enumerate(words) if not _is_loose(t)]
    loose = [[w for i in kept for w in lemmas[i]], [w for i in kept for w in pieces[i]]]
    return strict, loose


@lru_cache(maxsize=4096)
def _patterns(label: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """A label as (strict pattern, loose pattern or None when it would shrink to one word)."""
    words = [w for w in _SPLIT.split(label.lower().replace("’", "'")) if w and w not in {".", ","}]
    strict = tuple(_POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) and len(w) > 2 else w for w in words)
    loose = tuple(w for w in strict if w not in _LOOSE_WORDS)
    if not loose or (len(loose) == 1 and len(strict) > 1):
        return tuple(words), None
    return tuple(words), loose


_Index = dict[str, list[tuple[tuple[str, ...], int]]]


@lru_cache(maxsize=8)
def _index(topics: tuple[Topic, ...]) -> tuple[_Index, _Index]:
    """Every label pattern of the scheme, keyed by its first word: (strict, loose)."""
    strict: _Index = {}
    loose: _Index = {}
    for k, topic in enumerate(topics):
        if topic.name == FALLBACK_TOPIC:
            continue
        for label in topic.labels:
            exact, relaxed = _patterns(label)
            if exact:
                strict.setdefault(exact[0], []).append((exact, k))
            if relaxed:
                loose.setdefault(relaxed[0], []).append((relaxed, k))
    return strict, loose


def _matches(sequences: list[list[str]], index: _Index, found: set[int]) -> None:
    for seq in sequences:
        for i, word in enumerate(seq):
            for pattern, k in index.get(word, ()):
                if k not in found and tuple(seq[i : i + len(pattern)]) == pattern:
                    found.add(k)


def topics_for(span: Span, topics: Sequence[Topic]) -> tuple[str, ...]:
    """Names of every topic whose label occurs in the span (by lemma or word form), in the scheme's
    order; ("other",) if none and the scheme has that fallback; () without a scheme."""
    if not topics:
        return ()
    scheme = tuple(topics)
    strict_index, loose_index = _index(scheme)
    strict, loose = _sequences(span)
    found: set[int] = set()
    _matches(strict, strict_index, found)
    _matches(loose, loose_index, found)
    if found:
        return tuple(scheme[k].name for k in sorted(found))
    return (FALLBACK_TOPIC,) if any(t.name == FALLBACK_TOPIC for t in scheme) else ()


# ---------------------------------------------------------------------------------------------- stance


@lru_cache(maxsize=1)
def stance_lexicon() -> dict[str, Any]:
    """The stance lexicon (data file)."""
    text = resources.files("kg.facts").joinpath("data/stance.json").read_text(encoding="utf-8")
    return json.loads(text)


def _keys(tok: Token) -> list[str]:
    """The lemma followed by each particle or preposition it governs ("warn against"), then the lemma."""
    lemma = tok.lemma_.lower()
    keys = [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in {"prt", "prep", "agent"} and c.i > tok.i]
    return [*keys, lemma]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in tok.children)


def _stance_of(tok: Token) -> str | None:
    lex = stance_lexicon()
    if tok.pos_ == "VERB":
        table = lex["verbs"]
    elif tok.pos_ == "NOUN":
        table = lex["nouns"]
    else:
        return None
    for key in _keys(tok):
        if key in table:
            return str(table[key])
    return None


_MAIN_PATH = frozenset(
    {"ROOT", "ccomp", "xcomp", "conj", "advcl", "prep", "pcomp", "pobj", "dobj", "parataxis"}
)


def _in_main_clause(tok: Token, span: Span) -> bool:
    """Whether a stance word belongs to what the sentence asserts: not a modifier ("Russia-favored"),
    a relative or purpose clause ("a force to resist aggression") or a condition ("if Putin rejects")."""
    for _ in range(12):
        if tok.dep_ not in _MAIN_PATH:
            return False
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in tok.children):
            return False
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return True
        tok = tok.head
    return True


def stance_for(span: Span) -> str | None:
    """The stance the wording makes clear ("supports", "opposes" or "warnsAgainst"), or None.

    Give it the span a statement covers with its cue (e.g. the statement's sentence): "Kallas warned
    against appeasement" -> warnsAgainst; "the EU rejected the plan" -> opposes; "Poland backed the
    proposal" -> supports. Only words of what the sentence asserts count, not those in a relative or
    purpose clause, a modifier or a condition ("if Putin rejects a deal"). Negated wording ("did not
    back"), conflicting wordings, and no stance word give None.
    """
    found: set[str] = set()
    for tok in span:
        stance = _stance_of(tok)
        if stance is None or not _in_main_clause(tok, span):
            continue
        if _negated(tok) or (tok.pos_ == "NOUN" and _negated(tok.head)):
            return None
        found.add(stance)
    return found.pop() if len(found) == 1 else None
