"""Parse documents with `nlp.pipe`, streaming: one (Document, Doc) pair at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg.types import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


_TEXT_KEY = "kg.text"  # where a Doc keeps its text (see `doc_text`)
MAX_BATCH_CHARS = 40_000  # characters parsed together at most (a longer document is a batch of its own)


def parse(
    nlp: Language, documents: Iterable[Document], batch_size: int = 16, max_chars: int = MAX_BATCH_CHARS
) -> Iterator[tuple[Document, Doc]]:
    """Yield each document with its parse, in input order, batching for speed.

    A batch holds at most `batch_size` documents and `max_chars` characters: spaCy's working memory
    grows with the words it parses at once, so batches bounded by size (not only by count) keep a
    build's peak memory the same whether its corpus holds short news items or long transcripts.
    """
    for batch in size_batches(documents, batch_size, max_chars):
        pairs = ((d.text, d) for d in batch)
        for sdoc, document in nlp.pipe(pairs, as_tuples=True, batch_size=len(batch)):
            sdoc.user_data[_TEXT_KEY] = document.text  # the tokenizer keeps every character: doc.text
            yield document, sdoc


def size_batches(documents: Iterable[Document], count: int, max_chars: int) -> Iterator[list[Document]]:
    """Consecutive documents in batches of at most `count` documents and `max_chars` characters."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        if batch and (len(batch) >= count or size + len(document.text) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(document)
        size += len(document.text)
    if batch:
        yield batch


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy joins every token again on each access, and the rules
    ask for it per sentence and per candidate."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_indices(doc: Doc, tags: Iterable[str], deps: Iterable[str] | None = None) -> list[int]:
    """Indices of the tokens whose fine-grained tag is in `tags` (and dependency label in `deps`, if
    given), read from spaCy's arrays: rules that only look at a few kinds of word skip the Python
    loop over every token."""
    import numpy as np
    from spacy.attrs import DEP, TAG
    from spacy.strings import get_string_id

    if len(doc) == 0:
        return []
    columns = doc.to_array([TAG, DEP])
    keep = _any_of(columns[:, 0], [get_string_id(t) for t in tags])
    if deps is not None:
        keep &= _any_of(columns[:, 1], [get_string_id(d) for d in deps])
    return np.flatnonzero(keep).tolist()


def pos_indices(doc: Doc, pos: Iterable[str], or_deps: Iterable[str] = ()) -> list[int]:
    """Indices of the tokens whose coarse part of speech is in `pos`, or whose dependency label is in
    `or_deps`, read from spaCy's arrays (see `token_indices`)."""
    import numpy as np
    from spacy.attrs import DEP, POS
    from spacy.strings import get_string_id
    from spacy.symbols import IDS

    if len(doc) == 0:
        return []
    columns = doc.to_array([POS, DEP])
    keep = _any_of(columns[:, 0], [IDS[p] for p in pos])
    deps = [get_string_id(d) for d in or_deps]
    if deps:
        keep |= _any_of(columns[:, 1], deps)
    return np.flatnonzero(keep).tolist()


def _any_of(column: Any, values: list[int]) -> Any:
    """Which entries of an array column equal one of a few values: `np.isin` for a handful of labels,
    without its set-up cost (it was ~40 us a call, run several times per document)."""
    import numpy as np

    keep = np.zeros(len(column), dtype=bool)
    for value in values:
        keep |= column == value
    return keep
