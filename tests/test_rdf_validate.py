"""SHACL: every build conforms to ontology/shapes.ttl, and broken graphs are caught."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS

from kg.rdf.build import build_dataset, union_graph
from kg.rdf.namespace import KG
from kg.rdf.topics import topics_graph
from kg.rdf.validate import ValidationResult, validate

DATA = Path(__file__).parent / "data" / "rdf"


def load_sample() -> ModuleType:
    """tests/data/rdf/sample.py (the tests folder is not a package, so load it by path)."""
    if "rdf_sample" not in sys.modules:
        spec = importlib.util.spec_from_file_location("rdf_sample", DATA / "sample.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["rdf_sample"] = module
        spec.loader.exec_module(module)
    return sys.modules["rdf_sample"]


@pytest.fixture()
def built() -> Graph:
    sample = load_sample()
    return union_graph(build_dataset(sample.sample_results(), sample.sample_resolution(), topics_graph()))


def one(graph: Graph, cls: object) -> object:
    return sorted(graph.subjects(RDF.type, cls))[0]


def test_built_graph_conforms(built: Graph) -> None:
    result = validate(built)
    assert isinstance(result, ValidationResult)
    assert result.conforms, result.text
    assert result.violations == 0


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    sample = load_sample()
    ds = build_dataset(sample.sample_results(), sample.sample_resolution())
    assert validate(ds).conforms


def drop_speaker(g: Graph) -> None:
    g.remove((one(g, KG.Statement), KG.speaker, None))


def bad_quote_type(g: Graph) -> None:
    g.set((one(g, KG.Statement), KG.quoteType, Literal("paraphrase")))


def bad_currency(g: Graph) -> None:
    pledge = next(p for p in g.subjects(RDF.type, KG.Pledge) if g.value(p, KG.currency) is not None)
    g.set((pledge, KG.currency, Literal("euros")))


def bad_status(g: Graph) -> None:
    g.set((one(g, KG.Pledge), KG.status, Literal("promised")))


def string_offset(g: Graph) -> None:
    st = one(g, KG.Statement)
    g.set((st, KG.charStart, Literal(str(g.value(st, KG.charStart)))))


def negative_offset(g: Graph) -> None:
    g.set((one(g, KG.Statement), KG.charStart, Literal(-1)))


def empty_quote(g: Graph) -> None:
    g.set((one(g, KG.Statement), KG.quote, Literal("")))


def speaker_not_an_actor(g: Graph) -> None:
    st = one(g, KG.Statement)
    g.set((st, KG.speaker, g.value(st, KG.source)))


def bad_sha(g: Graph) -> None:
    g.set((one(g, KG.Document), KG.sha256, Literal("ABC")))


def two_actor_labels(g: Graph) -> None:
    g.add((one(g, KG.Actor), RDFS.label, Literal("Another name")))


def bad_country_code(g: Graph) -> None:
    g.set((one(g, KG.Country), KG.countryCode, Literal("Ukr")))


def no_identifier(g: Graph) -> None:
    g.remove((one(g, KG.Document), DCTERMS.identifier, None))


def untyped_resource(g: Graph) -> None:
    g.remove((None, RDF.type, KG.Resource))


@pytest.mark.parametrize(
    "breakage",
    [
        drop_speaker,
        bad_quote_type,
        bad_currency,
        bad_status,
        string_offset,
        negative_offset,
        empty_quote,
        speaker_not_an_actor,
        bad_sha,
        two_actor_labels,
        bad_country_code,
        no_identifier,
        untyped_resource,
    ],
)
def test_broken_graph_does_not_conform(built: Graph, breakage: Callable[[Graph], None]) -> None:
    before = set(built)
    breakage(built)
    assert set(built) != before, "the breakage changed nothing"
    result = validate(built)
    assert not result.conforms
    assert result.violations >= 1
    assert "Constraint Violation" in result.text
