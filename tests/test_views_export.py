"""Export views: load a graph file, write every format, read it back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.store import GraphStore
from kg.views import ViewError
from kg.views.export import FORMATS, SUFFIXES, export, load, serialize, union

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
KG = Namespace("https://w3id.org/newskg/ontology#")
NAMED_FORMATS = ("trig", "nquads", "jsonld")


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load(SAMPLE)


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    """The non-empty named graphs of a dataset, by name."""
    return {g.identifier: g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


def test_load_keeps_one_graph_per_document(sample: Dataset) -> None:
    reference = Dataset()
    reference.parse(SAMPLE, format="trig")
    graphs = named_graphs(sample)
    assert set(graphs) == set(named_graphs(reference))
    documents = {d for g in graphs.values() for d in g.subjects(RDF.type, KG.Document)}
    assert len(documents) == 2
    for doc in documents:  # each document lives in a graph of its own
        assert sum(1 for g in graphs.values() if (doc, RDF.type, KG.Document) in g) == 1


def test_union_holds_every_triple_of_every_graph(sample: Dataset) -> None:
    merged = union(sample)
    triples = {(s, p, o) for s, p, o, _ in sample.quads((None, None, None, None))}
    assert set(merged) == triples
    assert dict(merged.namespaces())["kg"] == URIRef(str(KG))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_round_trips(sample: Dataset, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"graph{SUFFIXES[fmt]}"
    text = export(sample, fmt, path)
    assert path.read_text(encoding="utf-8") == text
    back = load(path)
    assert isomorphic(union(back), union(sample))
    if fmt in NAMED_FORMATS:
        original, restored = named_graphs(sample), named_graphs(back)
        assert set(restored) == set(original)
        for name, graph in original.items():
            assert isomorphic(restored[name], graph), name


@pytest.mark.parametrize("fmt", ["nquads", "ntriples"])
def test_line_formats_are_sorted_and_byte_identical(fmt: str) -> None:
    first, second = serialize(load(SAMPLE), fmt), serialize(load(SAMPLE), fmt)
    assert first == second
    lines = first.splitlines()
    assert lines == sorted(lines)
    assert first.endswith("\n")


def test_turtle_is_readable_with_prefixes(sample: Dataset) -> None:
    text = serialize(sample, "turtle")
    assert "PREFIX kg: <https://w3id.org/newskg/ontology#>" in text or "@prefix kg:" in text
    assert "kg:Statement" in text
    body = [line for line in text.splitlines() if not line.lower().startswith(("prefix", "@prefix"))]
    assert not any("<https://w3id.org/newskg/ontology#" in line for line in body)  # every term is prefixed


def test_plain_graph_exports_to_dataset_formats(sample: Dataset) -> None:
    graph = union(sample)
    back = Dataset()
    back.parse(data=serialize(graph, "trig"), format="trig")
    assert isomorphic(union(back), graph)


def test_export_replaces_a_file_and_leaves_no_temp_files(sample: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "out" / "graph.nq"
    path.parent.mkdir()
    path.write_text("stale", encoding="utf-8")
    text = export(sample, "nq", path)
    assert path.read_text(encoding="utf-8") == text != "stale"
    assert [p.name for p in path.parent.iterdir()] == ["graph.nq"]


def test_export_without_path_writes_nothing(sample: Dataset, tmp_path: Path) -> None:
    assert export(sample, "ntriples").strip()
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_one_sentence(sample: Dataset) -> None:
    with pytest.raises(ViewError, match="Unknown export format 'rdfxml'") as info:
        serialize(sample, "rdfxml")
    assert "\n" not in str(info.value)
    for fmt in FORMATS:
        assert fmt in str(info.value)


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="No graph file") as info:
        load(tmp_path / "nothing.trig")
    assert "nothing.trig" in str(info.value)


def test_load_unparsable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is { not turtle", encoding="utf-8")
    with pytest.raises(ViewError, match="Could not read") as info:
        load(bad)
    assert "\n" not in str(info.value) and str(info.value).endswith(".")


def test_load_unknown_suffix(tmp_path: Path) -> None:
    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(ViewError, match="suffix"):
        load(odd)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The sample in a persistent Oxigraph store."""
    with GraphStore.open(tmp_path_factory.mktemp("build")) as opened:
        opened.load(SAMPLE)
        yield opened


def by_value(graph: Graph) -> set[tuple[object, object, object]]:
    """Triples with literals by value (Oxigraph writes decimals canonically: 250000000.0 -> 250000000)."""
    return {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in graph}


@pytest.mark.parametrize("fmt", FORMATS)
def test_store_exports_every_format(store: GraphStore, sample: Dataset, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"graph{SUFFIXES[fmt]}"
    text = export(store, fmt, path)
    assert path.read_text(encoding="utf-8") == text
    back = load(path)
    assert by_value(union(back)) == by_value(union(sample))
    if fmt in NAMED_FORMATS:
        original, restored = named_graphs(sample), named_graphs(back)
        assert set(restored) == set(original)
        for name, graph in original.items():
            assert by_value(restored[name]) == by_value(graph), name


def test_store_line_formats_are_sorted_and_turtle_is_prefixed(store: GraphStore) -> None:
    for fmt in ("nquads", "ntriples"):
        lines = serialize(store, fmt).splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))
    text = serialize(store, "turtle")
    assert "kg:Statement" in text
    body = [line for line in text.splitlines() if not line.lower().startswith(("prefix", "@prefix"))]
    assert not any("<https://w3id.org/newskg/ontology#" in line for line in body)
    assert by_value(union(store)) == by_value(union(load(SAMPLE)))
