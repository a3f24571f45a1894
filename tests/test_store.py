"""The persistent Oxigraph store: incremental, idempotent builds, removal, stats and the records cache.

Extraction records are built by hand (no spaCy), so the tests are about the store, not the model.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.pipeline import to_dataset
from kg.rdf.build import union_graph
from kg.rdf.iris import ACTORS_GRAPH, document_graph_iri
from kg.rdf.namespace import KG
from kg.rdf.store import (
    GraphStore,
    StoreError,
    decode_result,
    encode_result,
    store_path,
)
from kg.types import ActorType, DocResult, Document, LocalActor, Mention, Pledge, QuoteType, Statement
from kg.views.export import union
from kg.views.sparql import resolve_query, run_query


def doc(doc_id: str, speaker: str, quote: str, *, amount: str | None = None, extra: str = "") -> DocResult:
    """A one-statement document: `speaker` says `quote`; with `amount`, the speaker also pledges a fund."""
    text = f'{speaker} said: "{quote}". {extra}'.strip()
    start = text.index(quote)
    actor = LocalActor("a0", speaker, ActorType.PERSON, (Mention(speaker, 0, len(speaker), "PERSON"),))
    statement = Statement(
        speaker="a0",
        quote=quote,
        quote_type=QuoteType.DIRECT,
        cue="said",
        sentence=text,
        char_start=start,
        char_end=start + len(quote),
        sentence_start=0,
        sentence_end=len(text),
        confidence=0.9,
        position=quote[:30],
        topics=("ceasefire",),
    )
    pledges: tuple[Pledge, ...] = ()
    if amount is not None:
        pledges = (
            Pledge(
                pledger="a0",
                resource="reconstruction fund",
                status="pledged",
                cue="said",
                sentence=text,
                char_start=0,
                char_end=len(text),
                amount=Decimal(amount),
                currency="EUR",
                confidence=0.7,
            ),
        )
    return DocResult(
        Document(doc_id, text, title=f"About {doc_id}", date="2031-03-02"), (actor,), (statement,), pledges
    )


def quads(data: GraphStore | Dataset) -> set[tuple[str, str, str, str]]:
    """Every quad as strings, literals by value (Oxigraph stores 2.0 and 2 as the same decimal)."""
    if isinstance(data, GraphStore):
        return {
            (str(q.subject), str(q.predicate), _value(q.object), str(q.graph_name))
            for q in data.named_quads()
        }
    out = set()
    for s, p, o, g in data.quads((None, None, None, None)):
        name = g.identifier if hasattr(g, "identifier") else g
        if name == DATASET_DEFAULT_GRAPH_ID:
            continue
        obj = f"{o.toPython()!r}" if isinstance(o, Literal) else f"<{o}>"
        out.add((f"<{s}>", f"<{p}>", obj, f"<{name}>"))
    return out


def _value(term: object) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        return repr(
            Literal(
                term.value,
                datatype=URIRef(term.datatype.value) if not term.language else None,
                lang=term.language,
            ).toPython()
        )
    return str(term)


def build_into(store: GraphStore, current: list[DocResult]):  # type: ignore[no-untyped-def]
    """What the pipeline does: merge with the store, resolve, build, write."""
    results, superseded = store.merge_results(current)
    dataset, _ = to_dataset(results)
    return store.write_build(results, dataset, superseded), dataset


A = doc("a.txt", "Anna Keller", "We will rebuild the harbor", amount="2000000000")
B = doc("b.txt", "Petro Marchenko", "There can be no peace without guarantees")
C = doc("c.txt", "Keller", "The talks must include the fishers")
D = doc("d.txt", "Tomas Keller", "Nothing is agreed yet")


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with GraphStore.open(tmp_path) as opened:
        yield opened


def test_store_lives_under_the_build_folder(tmp_path: Path) -> None:
    assert not GraphStore.exists(tmp_path)
    with GraphStore.open(tmp_path) as store:
        assert store.path == store_path(tmp_path) == tmp_path / "store"
    assert GraphStore.exists(tmp_path)


def test_a_build_holds_one_graph_per_document_plus_actors_and_topics(store: GraphStore) -> None:
    report, dataset = build_into(store, [A, B])
    assert quads(store) == quads(dataset)
    named = {
        str(g.identifier) for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
    }
    assert set(report.added) == named == store.graphs()
    docs = store.documents()
    assert set(docs) == {A.document.sha256, B.document.sha256}
    entry = docs[A.document.sha256]
    assert (entry.identifier, entry.graph, entry.title) == (
        "a.txt",
        str(document_graph_iri(A.document.sha256)),
        "About a.txt",
    )
    assert store.has_document(A.document.sha256) and not store.has_document(C.document.sha256)
    assert str(ACTORS_GRAPH) in store.graphs()


def test_rebuilding_an_unchanged_corpus_changes_nothing(store: GraphStore) -> None:
    build_into(store, [A, B])
    before = quads(store)
    cached = {
        A.document.sha256: store.cached_result(A.document),
        B.document.sha256: store.cached_result(B.document),
    }
    assert cached == {A.document.sha256: A, B.document.sha256: B}  # nothing to parse again
    report, _ = build_into(store, [cached[A.document.sha256], cached[B.document.sha256]])  # type: ignore[list-item]
    assert not report.changed and report.unchanged == len(store.graphs())
    assert quads(store) == before


def test_decimal_lexical_forms_do_not_count_as_changes(store: GraphStore) -> None:
    """Oxigraph keeps decimals by value: "2000000000.0" and "2000000000" must compare equal."""
    _, dataset = build_into(store, [A])
    graph = str(document_graph_iri(A.document.sha256))
    respelled = [
        (s, p, Literal(f"{o}.0", datatype=o.datatype) if isinstance(o, Literal) and p == KG.amount else o)
        for s, p, o in dataset.graph(URIRef(graph))
    ]
    assert any(isinstance(o, Literal) and str(o).endswith(".0") for _, _, o in respelled)
    assert store.replace_graph(graph, respelled) is False


def test_adding_documents_later_resolves_actors_across_all(store: GraphStore) -> None:
    """A lone surname joins its one owner; a later document with a second owner splits it off again."""
    build_into(store, [A, C])
    speakers = _speakers(store)
    assert speakers["The talks must include the fishers"] == speakers["We will rebuild the harbor"]
    report, _ = build_into(store, [D])  # only the new document is given (and parsed)
    full, _ = to_dataset([A, C, D])
    assert quads(store) == quads(full)  # incremental == from scratch
    speakers = _speakers(store)
    assert speakers["The talks must include the fishers"] != speakers["We will rebuild the harbor"]
    assert str(document_graph_iri(C.document.sha256)) in report.replaced  # C's graph was rewritten
    assert str(document_graph_iri(D.document.sha256)) in report.added


def _speakers(store: GraphStore) -> dict[str, str]:
    rows = store.query(
        "SELECT ?q ?a WHERE { ?s <https://w3id.org/newskg/ontology#quote> ?q ; "
        "<https://w3id.org/newskg/ontology#speaker> ?a }"
    )
    return {row["q"].value: row["a"].value for row in rows}


def test_a_changed_document_replaces_its_old_version(store: GraphStore) -> None:
    build_into(store, [A, B])
    changed = doc("b.txt", "Petro Marchenko", "Guarantees come first")
    report, _ = build_into(store, [changed])
    assert set(store.documents()) == {A.document.sha256, changed.document.sha256}
    assert str(document_graph_iri(B.document.sha256)) in report.removed
    assert store.load_result(B.document.sha256) is None
    full, _ = to_dataset([A, changed])
    assert quads(store) == quads(full)


def test_remove_document_by_identifier_or_hash(store: GraphStore) -> None:
    build_into(store, [A, B])
    entry = store.remove_document("a.txt")
    assert entry.sha256 == A.document.sha256
    assert not store.has_document(A.document.sha256) and store.load_result(A.document.sha256) is None
    assert entry.graph not in store.graphs()
    assert store.remove_document(B.document.sha256[:10]).identifier == "b.txt"
    with pytest.raises(StoreError, match="No document 'a.txt'"):
        store.remove_document("a.txt")


def test_ambiguous_identifier_asks_for_the_hash(store: GraphStore) -> None:
    first, second = doc("same.txt", "Anna Keller", "One"), doc("other", "Anna Keller", "Two")
    dataset, _ = to_dataset([first, second])
    store.sync(dataset)
    with pytest.raises(StoreError, match="No document 'Anna'"):
        store.remove_document("Anna")
    twin = DocResult(Document("same.txt", second.document.text, title="x"), second.actors, second.statements)
    dataset, _ = to_dataset([first, twin])
    store.sync(dataset)
    with pytest.raises(StoreError, match="names 2 documents"):
        store.remove_document("same.txt")


def test_replace_graph_swaps_exactly_that_graph(store: GraphStore) -> None:
    build_into(store, [A, B])
    graph = str(document_graph_iri(B.document.sha256))
    others = {q for q in quads(store) if q[3] != f"<{graph}>"}
    triple = (URIRef("urn:x:s"), URIRef("urn:x:p"), Literal('tricky "quote"\n\t\\ ☃ <tag> }'))
    assert store.replace_graph(graph, [triple]) is True
    assert store.graph_lines(graph) == {f"<urn:x:s> <urn:x:p> {_nt(triple[2])} ."}
    assert {q for q in quads(store) if q[3] != f"<{graph}>"} == others
    assert store.replace_graph(graph, []) is True and graph not in store.graphs()


def _nt(literal: Literal) -> str:
    import pyoxigraph as ox

    return str(ox.Literal(str(literal)))


def test_blank_node_graphs_compare_by_isomorphism(store: GraphStore) -> None:
    from rdflib import BNode

    p = URIRef("urn:x:p")
    triples = [(BNode(), p, Literal("a")), (BNode(), p, Literal("b"))]
    assert store.replace_graph("urn:x:g", triples) is True
    assert store.replace_graph("urn:x:g", [(BNode(), p, Literal("a")), (BNode(), p, Literal("b"))]) is False
    assert store.replace_graph("urn:x:g", [(BNode(), p, Literal("a"))]) is True


def test_stats_match_the_graph(store: GraphStore) -> None:
    _, dataset = build_into(store, [A, B, C])
    stats = store.stats()
    g = union_graph(dataset)
    statements = set(g.subjects(RDF.type, KG.Statement))
    speakers = Counter(str(g.value(g.value(s, KG.speaker), RDFS.label)) for s in statements)
    assert stats.documents == 3 and stats.statements == len(statements) and stats.pledges == 1
    assert len(store) == len(quads(dataset)) and stats.triples == len(union_graph(dataset))
    assert stats.actors == len(set(g.subjects(RDF.type, KG.Actor)))
    assert stats.actors_by_type == {"Person": stats.actors}
    assert dict(stats.top_speakers) == dict(speakers)
    text = stats.to_text()
    assert text.splitlines()[0].split() == ["documents", "3"] and "top speakers" in text
    assert stats.to_json()["top_speakers"][0]["statements"] == max(speakers.values())


def test_results_cache_round_trips_every_field() -> None:
    for result in (A, B, C):
        assert decode_result(encode_result(result)) == result
    with pytest.raises((TypeError, KeyError, ValueError)):
        decode_result({"document": {"id": 3}})


def test_unreadable_cache_entries_mean_parse_again(store: GraphStore) -> None:
    build_into(store, [A])
    path = store.path / "results" / f"{A.document.sha256}.json"  # type: ignore[operator]
    path.write_text("{not json", encoding="utf-8")
    assert store.cached_result(A.document) is None
    other = DocResult(
        Document("a.txt", A.document.text, title="New title"), A.actors, A.statements, A.pledges
    )
    build_into(store, [A])
    assert store.cached_result(A.document) == A and store.cached_result(other.document) is None


def test_persisted_and_reopened_read_only(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path) as store:
        build_into(store, [A, B])
        expected = quads(store)
    with GraphStore.open(tmp_path, read_only=True) as reader:
        assert quads(reader) == expected
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_document("a.txt")
    with pytest.raises(StoreError, match="No store"):
        GraphStore.open(tmp_path / "elsewhere", read_only=True)


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path):
        code = (
            "import sys\nfrom kg.rdf.store import GraphStore, StoreError\n"
            f"try:\n    GraphStore.open({str(tmp_path)!r})\n"
            "except StoreError as e:\n    print(e); sys.exit(3)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    assert "in use by another process" in done.stdout


def test_bulk_load_and_clear(tmp_path: Path) -> None:
    dataset, _ = to_dataset([A, B])
    trig = tmp_path / "graph.trig"
    trig.write_text(dataset.serialize(format="trig"), encoding="utf-8")
    with GraphStore.open(tmp_path) as store:
        store.load(trig)
        assert quads(store) == quads(dataset)
        store.clear()
        assert len(store) == 0 and store.documents() == {}
        with pytest.raises(StoreError, match="Could not load"):
            store.load(b"<a> <b> .", "nquads")
    memory = GraphStore.in_memory(trig)
    assert quads(memory) == quads(dataset) and memory.path is None


def test_dataset_view_is_rdflib_over_the_same_store(store: GraphStore) -> None:
    _, dataset = build_into(store, [A])
    view = store.dataset()
    expected = set(union_graph(dataset).subjects(RDF.type, KG.Statement))
    assert set(union(view).subjects(RDF.type, KG.Statement)) == expected and expected
    assert dict(view.namespaces())["kg"] == URIRef(str(KG))
    copy = store.to_dataset()
    assert quads(copy) == quads(store)


def union_rows(store: GraphStore, sparql: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in row) for row in store.query(sparql))


def test_the_default_graph_is_the_union_with_each_triple_once(store: GraphStore) -> None:
    """A triple held by two documents' graphs (a resource both pledge) counts once, as in rdflib."""
    first = doc("first.txt", "Anna Keller", "We fund it", amount="5")
    second = doc("second.txt", "Petro Marchenko", "We fund it too", amount="7")
    build_into(store, [first, second])
    rdfs_label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    label = f"SELECT ?r ?l WHERE {{ ?r a <{KG.Resource}> ; {rdfs_label} ?l }}"
    in_graphs = f'SELECT ?g WHERE {{ GRAPH ?g {{ ?r {rdfs_label} "reconstruction fund" }} }}'
    assert len(union_rows(store, in_graphs)) == 2  # the label is in both documents' graphs ...
    assert len(union_rows(store, label)) == 1  # ... and once in the union
    pledges = run_query(store, resolve_query("pledges-by-actor"))
    assert len(pledges) == 2
    assert _values(pledges) == _values(
        run_query(to_dataset([first, second])[0], resolve_query("pledges-by-actor"))
    )
    store.remove_document("first.txt")
    assert len(union_rows(store, label)) == 1  # still held by the second document
    store.remove_document("second.txt")
    assert union_rows(store, label) == []


def _values(result) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return sorted((tuple(None if v is None else v.toPython() for v in row) for row in result), key=repr)


def test_union_is_rebuilt_for_a_store_without_one(tmp_path: Path) -> None:
    import pyoxigraph as ox

    dataset, _ = to_dataset([A, B])
    with GraphStore.open(tmp_path) as store:
        store.sync(dataset)
        expected = union_rows(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        store.oxigraph.clear_graph(ox.DefaultGraph())  # as an older or foreign store would be
    with GraphStore.open(tmp_path, read_only=True) as reader:  # readers fall back to Oxigraph's union
        assert union_rows(reader, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }") == expected
    with GraphStore.open(tmp_path) as writer:  # a writer rebuilds it
        assert union_rows(writer, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }") == expected
        assert writer.query_options() == {}


def test_a_reader_can_keep_a_copy_in_memory(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path) as store:
        build_into(store, [A, B, C])
        with pytest.raises(StoreError, match="read-only"):
            store.load_memory_copy()
    sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    with GraphStore.open(tmp_path, read_only=True) as disk:
        expected = union_rows(disk, sparql)
    with GraphStore.open(tmp_path, read_only=True, memory=True) as reader:
        first = union_rows(reader, sparql)  # answered at once, from disk or memory
        assert reader.wait_for_memory_copy(60) is True
        assert reader._reader is not reader.oxigraph  # queries now go to the copy
        assert first == union_rows(reader, sparql) == expected
        assert len(run_query(reader, resolve_query("who-said-what"))) == 3
