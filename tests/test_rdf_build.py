"""The RDF build: golden dataset, offsets, determinism, literal safety, topics and edge cases."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, SKOS

from kg.rdf.build import build_dataset, date_literal, decimal_literal, text_literal, union_graph
from kg.rdf.iris import ACTORS_GRAPH, TOPICS_GRAPH, actor_iri, document_graph_iri, document_iri
from kg.rdf.namespace import KG, TOPIC
from kg.rdf.topics import topics_graph
from kg.types import Actor, ActorType, DocResult, Document, LocalActor, QuoteType, Resolution, Statement

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


def build_sample(**kwargs: object) -> Dataset:
    sample = load_sample()
    return build_dataset(sample.sample_results(), sample.sample_resolution(), **kwargs)  # type: ignore[arg-type]


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    """The non-empty named graphs of `ds` by name (the default graph left out)."""
    return {
        g.identifier: g
        for g in ds.graphs()
        if isinstance(g.identifier, URIRef) and g.identifier != URIRef("urn:x-rdflib:default") and len(g)
    }


def sorted_nquads(ds: Dataset) -> list[str]:
    return sorted(line for line in ds.serialize(format="nquads").splitlines() if line.strip())


def assert_isomorphic(got: Graph, expected: Graph, name: object) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        print(f"graph {name}: only in build:\n{only_got.serialize(format='nt')}")
        print(f"graph {name}: only in expected:\n{only_expected.serialize(format='nt')}")
        pytest.fail(f"graph {name} differs from the golden graph (diff printed above)")


def test_build_matches_golden_dataset() -> None:
    got = named_graphs(build_sample())
    expected = named_graphs(Dataset().parse(DATA / "expected.trig", format="trig"))
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        assert_isomorphic(got[name], graph, name)


def test_document_graph_names_follow_text_hash() -> None:
    sample = load_sample()
    ds = build_sample()
    for result in sample.sample_results():
        sha = result.document.sha256
        graph = ds.graph(document_graph_iri(sha))
        assert (document_iri(sha), KG.sha256, Literal(sha)) in graph
        assert (document_iri(sha), DCTERMS.identifier, Literal(result.document.id)) in graph


def test_offsets_point_at_the_quote_in_the_text() -> None:
    sample = load_sample()
    texts = {r.document.id: r.document.text for r in sample.sample_results()}
    graph = union_graph(build_sample())
    statements = list(graph.subjects(RDF.type, KG.Statement))
    assert len(statements) == 4
    for st in statements:
        doc = graph.value(st, KG.source)
        text = texts[str(graph.value(doc, DCTERMS.identifier))]
        start, end = graph.value(st, KG.charStart), graph.value(st, KG.charEnd)
        assert start.datatype == XSD.integer and end.datatype == XSD.integer
        assert text[start.toPython() : end.toPython()] == str(graph.value(st, KG.quote))


def test_two_builds_give_byte_identical_sorted_nquads() -> None:
    sample = load_sample()
    first = sorted_nquads(build_sample())
    reordered = build_dataset(list(reversed(sample.sample_results())), sample.sample_resolution())
    assert first == sorted_nquads(reordered)
    assert first == sorted_nquads(build_sample())
    assert not any("_:" in line for line in first), "no blank nodes: they would break determinism"


def test_union_graph_holds_every_triple_with_prefixes() -> None:
    ds = build_sample(topics=topics_graph())
    union = union_graph(ds)
    assert len(union) == sum(len(g) for g in named_graphs(ds).values())
    prefixes = dict(union.namespace_manager.namespaces())
    assert str(prefixes["kg"]) == str(KG._NS)
    assert str(prefixes["topic"]) == str(TOPIC)
    assert "@prefix kg: <https://w3id.org/newskg/ontology#>" in union.serialize(format="turtle")


def test_topics_graph_only_when_given() -> None:
    assert len(build_sample().graph(TOPICS_GRAPH)) == 0
    scheme = topics_graph()
    ds = build_sample(topics=scheme)
    assert isomorphic(ds.graph(TOPICS_GRAPH), scheme)
    assert (TOPIC["ceasefire"], RDF.type, SKOS.Concept) in ds.graph(TOPICS_GRAPH)


def test_actor_types_include_the_subclass() -> None:
    graph = build_sample().graph(ACTORS_GRAPH)
    sample = load_sample()
    for actor in sample.sample_resolution().actors:
        node = actor_iri(actor.key)
        assert set(graph.objects(node, RDF.type)) == {KG.Actor, KG[actor.type.value]}


NASTY = (
    'He said "no" and \'\'\'maybe\'\'\' """twice""" <script>alert(1)</script> & </p>\n'
    "line two\r\n\ttabbed \x00\x07\x1b\x7f \u2028 \U0001f1fa\U0001f1e6 \u00e9\u0301 trailing backslash \\"
)


def nasty_build() -> Dataset:
    text = f"Intro. {NASTY} Outro."
    start = text.find(NASTY)
    doc = Document(id='we"ird <id>\n', text=text, title=NASTY, source="C:\\news\\a b.txt", date="not a date")
    actor = LocalActor(id="x", name=NASTY, type=ActorType.PERSON)
    statement = Statement(
        speaker="x",
        quote=NASTY,
        quote_type=QuoteType.DIRECT,
        cue=NASTY,
        sentence=text,
        char_start=start,
        char_end=start + len(NASTY),
        sentence_start=0,
        sentence_end=len(text),
        confidence=0.5,
        position=NASTY,
    )
    resolution = Resolution(
        actors=(Actor(key="person/x", name=NASTY, type=ActorType.PERSON, aliases=(NASTY,), roles=(NASTY,)),),
        local_to_global={(doc.id, "x"): "person/x"},
    )
    return build_dataset([DocResult(document=doc, actors=(actor,), statements=(statement,))], resolution)


def test_any_text_round_trips_through_turtle_and_trig() -> None:
    ds = nasty_build()
    union = union_graph(ds)
    assert Literal(NASTY) in set(union.objects(None, KG.quote))
    assert isomorphic(union, Graph().parse(data=union.serialize(format="turtle"), format="turtle"))
    again = Dataset().parse(data=ds.serialize(format="trig"), format="trig")
    got, expected = named_graphs(again), named_graphs(ds)
    assert sorted(got) == sorted(expected)
    for name, graph in expected.items():
        assert_isomorphic(got[name], graph, name)
    assert sorted_nquads(
        Dataset().parse(data=ds.serialize(format="nquads"), format="nquads")
    ) == sorted_nquads(ds)


def test_lone_surrogates_become_replacement_characters() -> None:
    literal = text_literal("a\ud800b")
    assert str(literal) == "a\ufffdb" and len(str(literal)) == 3
    graph = Graph()
    graph.add((URIRef("urn:x:s"), RDFS.label, literal))
    assert "a\ufffdb" in graph.serialize(format="nt")


@pytest.mark.parametrize(
    ("value", "lexical", "datatype"),
    [
        ("2025-03-03", "2025-03-03", XSD.date),
        ("2025-03-04T09:30:00Z", "2025-03-04T09:30:00+00:00", XSD.dateTime),
        ("2025-03-04 09:30", "2025-03-04T09:30:00", XSD.dateTime),
        ("Tue, 04 Mar 2025 09:30:00 GMT", "2025-03-04T09:30:00+00:00", XSD.dateTime),
        ("2025-02-30", "2025-02-30", None),
        ("early March", "early March", None),
    ],
)
def test_date_literal(value: str, lexical: str, datatype: URIRef | None) -> None:
    literal = date_literal(value)
    assert str(literal) == lexical
    assert literal.datatype == datatype


@pytest.mark.parametrize(
    ("value", "places", "lexical"),
    [
        (0.8996, 3, "0.9"),
        (0.7777, 3, "0.778"),
        (1, 3, "1"),
        (Decimal("1.05E+11"), None, "105000000000"),
        (Decimal("2.50"), None, "2.5"),
    ],
)
def test_decimal_literal_is_canonical(value: Decimal | float, places: int | None, lexical: str) -> None:
    literal = decimal_literal(value, places)
    assert literal is not None
    assert (str(literal), literal.datatype) == (lexical, XSD.decimal)


def test_decimal_literal_drops_non_finite_values() -> None:
    assert decimal_literal(float("nan")) is None
    assert decimal_literal(Decimal("Infinity")) is None


def test_unresolved_local_actor_raises() -> None:
    sample = load_sample()
    resolution = sample.sample_resolution()
    partial = dict(resolution.local_to_global)
    del partial[("item-7", "b1")]
    with pytest.raises(KeyError, match="b1"):
        build_dataset(sample.sample_results(), Resolution(actors=resolution.actors, local_to_global=partial))


def test_documents_with_the_same_text_share_one_graph() -> None:
    sample = load_sample()
    results = sample.sample_results()
    copy = replace(results[1], document=replace(results[1].document, id="item-7-copy"))
    resolution = sample.sample_resolution()
    mapping = dict(resolution.local_to_global)
    mapping.update(
        {("item-7-copy", k[1]): v for k, v in resolution.local_to_global.items() if k[0] == "item-7"}
    )
    ds = build_dataset([*results, copy], Resolution(actors=resolution.actors, local_to_global=mapping))
    assert sorted_nquads(ds) == sorted_nquads(build_sample())


def test_same_span_by_two_speakers_gives_two_statements() -> None:
    sample = load_sample()
    results = sample.sample_results()
    first = results[1].statements[1]
    other = replace(first, speaker="b3")
    doubled = replace(results[1], statements=(*results[1].statements, other, other))
    ds = build_dataset([results[0], doubled], sample.sample_resolution())
    graph = ds.graph(document_graph_iri(results[1].document.sha256))
    statements = set(graph.subjects(RDF.type, KG.Statement))
    assert len(statements) == 3  # the exact duplicate is merged, the second speaker kept apart
    speakers = {
        graph.value(s, KG.speaker) for s in statements if graph.value(s, KG.charStart).toPython() == 91
    }
    assert speakers == {actor_iri("person/petro-marchenko"), actor_iri("group/european-leaders")}
    for st in statements:
        assert len(set(graph.objects(st, KG.speaker))) == 1
        assert len(set(graph.objects(graph.value(st, KG.expresses), RDFS.label))) == 1


def test_corpus_quads_hold_exactly_the_dataset_triples() -> None:
    """The Oxigraph path of large builds writes the same graphs, triple for triple, as `build_dataset`."""
    import pyoxigraph as ox

    from kg.rdf.build import corpus_quads

    sample = load_sample()
    results, resolution = sample.sample_results(), sample.sample_resolution()
    topics = topics_graph()
    ds = build_dataset(results, resolution, topics)
    quads = [q for _, graph, _ in corpus_quads(results, resolution, topics) for q in graph]
    ours = sorted(line for line in ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode().splitlines())
    expected = Dataset().parse(data="\n".join(sorted_nquads(ds)), format="nquads")
    got = Dataset().parse(data="\n".join(ours), format="nquads")
    assert len(ours) == len(sorted_nquads(ds)) > 50
    for name, graph in named_graphs(expected).items():
        assert_isomorphic(got.graph(name), graph, name)
    assert set(named_graphs(got)) == set(named_graphs(expected))


def test_corpus_quads_with_union_copy_each_triple_into_the_default_graph() -> None:
    import pyoxigraph as ox

    from kg.rdf.build import corpus_quads

    sample = load_sample()
    results, resolution = sample.sample_results(), sample.sample_resolution()
    for name, quads, union in corpus_quads(results, resolution, topics_graph(), union=True):
        assert union and len(union) == len(quads)
        assert all(q.graph_name == ox.NamedNode(name) for q in quads)
        assert all(u.graph_name == ox.DefaultGraph() for u in union)
        assert [(u.subject, u.predicate, u.object) for u in union] == [
            (q.subject, q.predicate, q.object) for q in quads
        ]
    assert all(not union for _, _, union in corpus_quads(results, resolution))


def test_corpus_quads_keep_the_first_of_two_documents_with_the_same_text() -> None:
    from kg.rdf.build import corpus_quads

    sample = load_sample()
    results = sample.sample_results()
    twin = replace(results[0], document=replace(results[0].document, id="twin"))
    names = [name for name, _, _ in corpus_quads([results[0], twin], sample.sample_resolution())]
    assert names == [str(document_graph_iri(results[0].document.sha256)), str(ACTORS_GRAPH)]


def test_topic_graph_quads_keep_one_order_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    code = (
        "from kg.rdf.build import graph_quads; from kg.rdf.iris import TOPICS_GRAPH; "
        "from kg.rdf.topics import topics_graph; "
        "print('\\n'.join(str(q) for q in graph_quads(topics_graph(), TOPICS_GRAPH)[1]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert next(iter(outputs)).count("\n") > 20  # the scheme's triples, not an empty graph
