"""The networkx view: one node per actor, position and resource; one edge per statement and pledge."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.views.export import load, union
from kg.views.network import (
    ACTOR_TYPES,
    AFFILIATED,
    CO_MENTIONED,
    CO_QUOTED,
    PLEDGED,
    RECIPIENT,
    STATED,
    cooccurrence,
    layout,
    pledge_layers,
    synthetic_graph,
    to_networkx,
)

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


def test_positions_stance_and_pledge_cue_are_read(sample: Dataset, g: Graph) -> None:
    graph = to_networkx(sample)
    for position in g.subjects(RDF.type, KG.Position):
        assert graph.nodes[str(position)]["stance"] == (
            str(g.value(position, KG.stance)) if g.value(position, KG.stance) else None
        )
    for _, _, key, data in edges(graph, PLEDGED):
        cue = g.value(URIRef(key), KG.cue)
        assert data["cue"] == (str(cue) if cue is not None else None)


def test_cooccurrence_counts_shared_documents(sample: Dataset, g: Graph) -> None:
    net = cooccurrence(to_networkx(sample))
    named: dict[str, set[str]] = {}
    for doc in g.subjects(RDF.type, KG.Document):
        for actor in g.objects(doc, KG.mentions):
            named.setdefault(str(actor), set()).add(str(g.value(doc, DCTERMS.identifier)))
    quoted: dict[str, set[str]] = {}
    for s in g.subjects(RDF.type, KG.Statement):
        quoted.setdefault(str(g.value(s, KG.speaker)), set()).add(
            str(g.value(g.value(s, KG.source), DCTERMS.identifier))
        )
    expected = {(a, b) for a in named for b in named if a < b and named[a] & named[b]}
    assert {tuple(sorted(e)) for e in net.edges} == expected
    for a, b, data in net.edges(data=True):
        assert data["weight"] == len(named[a] & named[b])
        assert data["quoted"] == len(quoted.get(a, set()) & quoted.get(b, set()))
        assert data["relation"] == (CO_QUOTED if data["quoted"] else CO_MENTIONED)
    communities = {c for _, c in net.nodes(data="community")}
    assert communities == set(range(len(communities)))  # numbered 0.. with no gaps
    assert all(0 <= c <= 1 for _, c in net.nodes(data="centrality"))


def test_cooccurrence_keeps_everyone_linked_and_the_strongest_links() -> None:
    graph = synthetic_graph(200, 500, seed=3)
    full, capped = cooccurrence(graph), cooccurrence(graph, max_edges=150)
    assert capped.number_of_edges() == 150 < full.number_of_edges()
    assert set(capped) == set(full)
    linked = {n for n in full if full.degree(n)}
    assert {n for n in capped if capped.degree(n)} == linked  # nobody with a link loses all of them

    def strength(d: dict) -> int:
        return d["weight"] + d["quoted"]

    for node in linked:  # each keeps its strongest link
        strongest = max(strength(d) for _, _, d in full.edges(node, data=True))
        assert max(strength(d) for _, _, d in capped.edges(node, data=True)) == strongest


def test_layout_places_every_node_deterministically(sample: Dataset) -> None:
    graph = to_networkx(sample)
    positions = layout(graph)
    assert set(positions) == set(graph)
    assert len(set(positions.values())) == len(positions)  # no two nodes on one spot
    assert layout(to_networkx(load(SAMPLE))) == positions


def test_layout_rings_leaves_and_sets_loners_aside() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("hub", kind="actor", label="Hub")
    graph.add_node("other", kind="actor", label="Other")
    graph.add_edge("hub", "other", relation=AFFILIATED)
    for i in range(6):
        graph.add_node(f"p{i}", kind="position", label=f"Position {i}")
        graph.add_edge("hub", f"p{i}", relation=STATED)
    for name in ("b-loner", "a-loner"):
        graph.add_node(name, kind="actor", label=name)
    positions = layout(graph)
    hub = positions["hub"]
    radii = [
        ((x - hub[0]) ** 2 + (y - hub[1]) ** 2) ** 0.5 for x, y in (positions[f"p{i}"] for i in range(6))
    ]
    assert max(radii) - min(radii) < 1.0  # on one ring around their speaker
    core_right = max(positions[n][0] for n in ("hub", "other", *(f"p{i}" for i in range(6))))
    assert positions["a-loner"][0] > core_right and positions["b-loner"][0] > core_right
    assert positions["a-loner"][1] < positions["b-loner"][1]  # sorted by label


def test_layout_of_a_large_graph_spreads_it_out() -> None:
    graph = synthetic_graph(600, 1500, seed=5)
    positions = layout(graph)
    assert set(positions) == set(graph)
    xs = sorted(x for x, _ in positions.values())
    ys = sorted(y for _, y in positions.values())
    # not collapsed: the middle half of the nodes spans a good share of the drawing
    assert xs[450] - xs[150] > 0.2 * (xs[-1] - xs[0])
    assert ys[450] - ys[150] > 0.2 * (ys[-1] - ys[0])


def test_pledge_layers_go_left_to_right(sample: Dataset) -> None:
    graph = to_networkx(sample)
    pledging = nx.MultiDiGraph(
        graph.edge_subgraph(
            [(u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation") if r in (PLEDGED, RECIPIENT)]
        )
    )
    positions = pledge_layers(pledging)
    assert set(positions) == set(pledging)
    for u, v in pledging.edges():
        assert positions[u][0] < positions[v][0]
    by_column: dict[float, list[float]] = {}
    for x, y in positions.values():
        by_column.setdefault(x, []).append(y)
    assert all(len(set(ys)) == len(ys) for ys in by_column.values())


@pytest.mark.parametrize(("nodes", "edges_"), [(2000, 5000), (120, 300)])
def test_synthetic_graph_has_the_asked_size_and_shape(nodes: int, edges_: int) -> None:
    graph = synthetic_graph(nodes, edges_)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, edges_)
    kinds = Counter(k for _, k in graph.nodes(data="kind"))
    assert set(kinds) == {"actor", "position", "resource"}
    for u, v, data in graph.edges(data=True):
        assert data["relation"] in (STATED, PLEDGED, RECIPIENT, AFFILIATED)
        if data["relation"] == STATED:
            assert graph.nodes[u]["kind"] == "actor" and graph.nodes[v]["kind"] == "position"
            assert data["doc"] in graph.graph["documents"]
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "actor":
            assert attrs["statements"] == sum(
                1 for *_, r in graph.out_edges(node, data="relation") if r == STATED
            )
    assert list(synthetic_graph(nodes, edges_).edges(keys=True)) == list(graph.edges(keys=True))
