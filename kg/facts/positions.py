"""Positions: a short readable label for what was said, and the topics it touches.

Topics come from the SKOS scheme (loaded by the pipeline into plain `Topic` records), matched on lemmas
so that "peace talks", "talked peace" variants and inflections match the label "peace talk".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.types import Topic

if TYPE_CHECKING:
    from spacy.tokens import Span

MAX_LABEL_WORDS = 12
FALLBACK_TOPIC = "other"
_EDGE = "\"'“”‘’«»„ ,;:.—–-\n\t"
_SPLIT = re.compile(r"[\s\-]+")


def position_label(quote: str, max_words: int = MAX_LABEL_WORDS) -> str:
    """The first words of the quote, trimmed of quote marks: readable in a node or tooltip."""
    words = quote.strip(_EDGE).split()
    if len(words) <= max_words:
        return " ".join(words).strip(_EDGE)
    return " ".join(words[:max_words]).rstrip(_EDGE) + " …"


def _sequences(span: Span) -> list[list[str]]:
    words = [t for t in span if not t.is_punct]
    return [[t.lemma_.lower() for t in words], [t.lower_ for t in words]]


def _contains(seq: list[str], pattern: list[str]) -> bool:
    n = len(pattern)
    return any(seq[i : i + n] == pattern for i in range(len(seq) - n + 1))


def topics_for(span: Span, topics: Sequence[Topic]) -> tuple[str, ...]:
    """Names of every topic whose label occurs in the span (by lemma or word form); "other" if none."""
    if not topics:
        return ()
    seqs = _sequences(span)
    found = []
    for topic in topics:
        if topic.name == FALLBACK_TOPIC:
            continue
        for label in topic.labels:
            pattern = [w for w in _SPLIT.split(label.lower()) if w]
            if pattern and any(_contains(seq, pattern) for seq in seqs):
                found.append(topic.name)
                break
    if not found and any(t.name == FALLBACK_TOPIC for t in topics):
        found.append(FALLBACK_TOPIC)
    return tuple(found)
