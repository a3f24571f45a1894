"""The one place the stages are wired, in order:

documents -> nlp (parse) -> actors (per document) -> facts -> actors (across documents) -> rdf -> views.

Documents stream through the parse one at a time; only the plain `DocResult` records are kept for the
cross-document step, never the parses.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.types import DocResult, Document, Resolution, Skipped, Topic

if TYPE_CHECKING:
    from rdflib import Dataset
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts for the terminal summary, and every input that was not built, with why."""

    documents: int
    statements: int
    pledges: int
    actors: int
    seconds: float
    conforms: bool | None
    skipped: tuple[Skipped, ...] = ()
    outputs: dict[str, str] = field(default_factory=dict)
    validation: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "statements": self.statements,
            "pledges": self.pledges,
            "actors": self.actors,
            "seconds": round(self.seconds, 2),
            "conforms": self.conforms,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "outputs": self.outputs,
        }


def extract_document(document: Document, sdoc: Doc, topics: Sequence[Topic] = ()) -> DocResult:
    """Actors and facts of one parsed document, as plain records."""
    from kg.actors import find_actors
    from kg.facts.pledges import extract_pledges
    from kg.facts.statements import extract_statements

    index = find_actors(sdoc)
    statements = extract_statements(sdoc, index, topics)
    pledges = extract_pledges(sdoc, index)
    return DocResult(document, index.actors, tuple(statements), tuple(pledges))


def extract(
    documents: Iterable[Document], nlp: Language, topics: Sequence[Topic] = ()
) -> Iterator[DocResult]:
    """Parse and extract each document in turn (streaming)."""
    from kg.nlp import parse

    for document, sdoc in parse(nlp, documents):
        yield extract_document(document, sdoc, topics)


def to_dataset(results: Sequence[DocResult]) -> tuple[Dataset, Resolution]:
    """Resolve actors across the documents and build the RDF dataset (one named graph per document)."""
    from kg.actors import resolve
    from kg.rdf.build import build_dataset
    from kg.rdf.topics import topics_graph

    resolution = resolve(results)
    return build_dataset(results, resolution, topics_graph()), resolution


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    validate: bool = True,
) -> BuildReport:
    """Build the graph of `inputs` into `out_dir`: graph.ttl, graph.trig, graph.html, report.json."""
    from kg.documents import iter_inputs
    from kg.nlp import load_nlp
    from kg.rdf.topics import load_topics
    from kg.views.export import export
    from kg.views.html import write_graph_html

    started = time.perf_counter()
    items = iter_inputs(inputs, max_bytes=max_bytes)  # a missing path fails here, before the model loads
    nlp = load_nlp(model)
    topics = load_topics()
    skipped: list[Skipped] = []

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    results = list(extract(documents(), nlp, topics))
    dataset, resolution = to_dataset(results)

    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "turtle": out_dir / "graph.ttl",
        "trig": out_dir / "graph.trig",
        "html": out_dir / "graph.html",
        "report": out_dir / "report.json",
    }
    export(dataset, "trig", outputs["trig"])
    export(dataset, "turtle", outputs["turtle"])
    write_graph_html(dataset, outputs["html"])

    conforms: bool | None = None
    validation = ""
    if validate:
        from kg.rdf.build import union_graph
        from kg.rdf.validate import validate as shacl

        result = shacl(union_graph(dataset))
        conforms, validation = result.conforms, ("" if result.conforms else result.text)

    report = BuildReport(
        documents=len(results),
        statements=sum(len(r.statements) for r in results),
        pledges=sum(len(r.pledges) for r in results),
        actors=len(resolution.actors),
        seconds=time.perf_counter() - started,
        conforms=conforms,
        skipped=tuple(skipped),
        outputs={k: str(v) for k, v in outputs.items()},
        validation=validation,
    )
    write_text_atomic(outputs["report"], json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    return report
