"""The networkx view: one node per actor, position and resource; one edge per statement and pledge."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.views.export import load, union
from kg.views.network import ACTOR_TYPES, AFFILIATED, PLEDGED, RECIPIENT, STATED, to_networkx

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
KG = Namespace("https://w3id.org/newskg/ontology#")


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load(SAMPLE)


@pytest.fixture(scope="module")
def g(sample: Dataset) -> Graph:
    return union(sample)


def edges(graph, relation: str) -> list[tuple[str, str, str, dict]]:
    return [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d["relation"] == relation]


def test_actor_nodes_carry_label_type_and_counts(sample: Dataset, g: Graph) -> None:
    graph = to_networkx(sample)
    actors = {str(a) for a in g.subjects(RDF.type, KG.Actor)}
    assert {n for n, kind in graph.nodes(data="kind") if kind == "actor"} == actors
    spoken = Counter(str(g.value(s, KG.speaker)) for s in g.subjects(RDF.type, KG.Statement))
    for actor in actors:
        node, iri = graph.nodes[actor], URIRef(actor)
        assert node["label"] == str(g.value(iri, RDFS.label))
        types = {str(t).split("#")[-1] for t in g.objects(iri, RDF.type)}
        assert node["type"] in types & set(ACTOR_TYPES)
        assert node["statements"] == spoken[actor]
    assert len({graph.nodes[a]["type"] for a in actors}) >= 3


def test_one_stated_edge_per_statement_with_its_quote(sample: Dataset, g: Graph) -> None:
    graph = to_networkx(sample)
    stated = edges(graph, STATED)
    statements = set(g.subjects(RDF.type, KG.Statement))
    assert {k for _, _, k, _ in stated} == {str(s) for s in statements}
    for u, v, key, data in stated:
        s = next(x for x in statements if str(x) == key)
        assert u == str(g.value(s, KG.speaker))
        assert data["quote"] == str(g.value(s, KG.quote))
        assert data["doc_id"] == str(g.value(g.value(s, KG.source), DCTERMS.identifier))
        position = g.value(s, KG.expresses)
        if position is None:
            assert graph.nodes[v]["kind"] == "statement"
        else:
            assert v == str(position) and graph.nodes[v]["kind"] == "position"


def test_pledges_and_recipients(sample: Dataset, g: Graph) -> None:
    graph = to_networkx(sample)
    pledged = edges(graph, PLEDGED)
    pledges = set(g.subjects(RDF.type, KG.Pledge))
    assert {k for _, _, k, _ in pledged} == {str(p) for p in pledges}
    for u, v, _, data in pledged:
        assert graph.nodes[v]["kind"] == "resource" and graph.nodes[u]["kind"] == "actor"
        assert data["resource"] == graph.nodes[v]["label"]
    with_recipient = {str(p) for p in pledges if g.value(p, KG.recipient) is not None}
    assert {k for _, _, k, _ in edges(graph, RECIPIENT)} == with_recipient


def test_affiliations(sample: Dataset, g: Graph) -> None:
    graph = to_networkx(sample)
    got = {(u, v) for u, v, _, _ in edges(graph, AFFILIATED)}
    assert got == {(str(a), str(b)) for a, b in g.subject_objects(KG.affiliatedWith)}


def test_same_input_same_graph_and_input_untouched(sample: Dataset) -> None:
    size = len(union(sample))
    first, second = to_networkx(sample), to_networkx(load(SAMPLE))
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
    assert len(union(sample)) == size


def test_plain_graph_input(g: Graph, sample: Dataset) -> None:
    assert to_networkx(g).number_of_edges() == to_networkx(sample).number_of_edges()
