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


_TEXT_KEY = "kg.text"


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
    keep = np.isin(columns[:, 0], [get_string_id(t) for t in tags])
    if deps is not None:
        keep &= np.isin(columns[:, 1], [get_string_id(d) for d in deps])
    return np.flatnonzero(keep).tolist()
