"""Check a graph against the project's SHACL shapes (``ontology/shapes.ttl``) with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

from rdflib import RDF, Graph
from rdflib.namespace import SH

from kg import paths

__all__ = ["ValidationResult", "load_shapes", "validate"]


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of a SHACL check: whether it conforms, pySHACL's report text, the violation count."""

    conforms: bool
    text: str
    violations: int


@lru_cache(maxsize=4)
def _shapes(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def load_shapes(path: Path | str = paths.SHAPES_FILE) -> Graph:
    """The shapes graph at `path` (parsed once per path)."""
    return _shapes(Path(path).resolve())


def validate(graph: Graph, shapes: Graph | Path | str | None = None) -> ValidationResult:
    """Validate `graph` against the shapes (the project's by default).

    A `Dataset` (any context-aware graph) is checked as the union of all its graphs, since facts in a
    document's graph refer to actors typed in the actors graph; pySHACL would check each graph apart.
    """
    import pyshacl  # heavy: imported only when validating

    if graph.context_aware:
        from kg.rdf.build import union_graph

        graph = union_graph(graph)  # type: ignore[arg-type]
    shapes_graph = shapes if isinstance(shapes, Graph) else load_shapes(shapes or paths.SHAPES_FILE)
    conforms, report, text = pyshacl.validate(
        graph,
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
    )
    violations = sum(1 for _ in cast(Graph, report).subjects(RDF.type, SH.ValidationResult))
    return ValidationResult(conforms=bool(conforms), text=str(text), violations=violations)
