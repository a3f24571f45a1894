"""Parse documents with `nlp.pipe`, streaming: one (Document, Doc) pair at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.types import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def parse(
    nlp: Language, documents: Iterable[Document], batch_size: int = 16
) -> Iterator[tuple[Document, Doc]]:
    """Yield each document with its parse, in input order, batching for speed."""
    pairs = ((d.text, d) for d in documents)
    for sdoc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, sdoc
