"""Shared fixtures: a session-wide spaCy pipeline, hand-built Docs for rule tests, the shared corpora."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once (with the entity fixes)."""
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles in ../shared/seeds; tests that need them skip when it is absent."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"the seed articles are not at {SEEDS} (they live in ../shared beside the checkout)")
    return SEEDS


def make_doc(
    vocab,
    rows: Sequence[tuple[str, str, str, str, int, str]],
    ents: Sequence[tuple[int, int, str]] = (),
    no_space_after: Sequence[int] = (),
):
    """Build a parsed Doc by hand, so rule tests do not depend on a model's mood.

    Each row is (word, lemma, POS, tag, head index, dep); `ents` are (start, end, label) token spans;
    `no_space_after` lists token indices glued to the next token.
    """
    from spacy.tokens import Doc, Span

    words = [r[0] for r in rows]
    spaces = [i not in no_space_after and i < len(rows) - 1 for i in range(len(rows))]
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
    )
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


@pytest.fixture
def build_doc():
    """Factory for hand-built Docs over a blank English vocabulary."""
    import spacy

    vocab = spacy.blank("en").vocab
    return lambda rows, ents=(), no_space_after=(): make_doc(vocab, rows, ents, no_space_after)
