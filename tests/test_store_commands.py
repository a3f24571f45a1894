"""The store's command functions (kg stats, kg remove, kg serve's checks, what kg query/export open)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.pipeline import to_dataset
from kg.rdf.store import GraphStore
from kg.types import ActorType, DocResult, Document, LocalActor, Mention, QuoteType, Statement
from kg.views import ViewError
from kg.views.export import export, load, union
from kg.views.storecmd import open_data, remove_command, serve_command, stats_command

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"


def doc(doc_id: str, speaker: str, quote: str) -> DocResult:
    text = f'{speaker} said: "{quote}".'
    start = text.index(quote)
    actor = LocalActor("a0", speaker, ActorType.PERSON, (Mention(speaker, 0, len(speaker), "PERSON"),))
    statement = Statement(
        "a0", quote, QuoteType.DIRECT, "said", text, start, start + len(quote), 0, len(text), 0.9
    )
    return DocResult(Document(doc_id, text), (actor,), (statement,))


def build(out: Path, results: list[DocResult]) -> Dataset:
    """A build as the pipeline writes it: the store (with cached records) and graph.trig."""
    with GraphStore.open(out) as store:
        merged, superseded = store.merge_results(results)
        dataset, _ = to_dataset(merged)
        store.write_build(merged, dataset, superseded)
    export(dataset, "trig", out / "graph.trig")
    return dataset


def labels(data: object) -> set[str]:
    graph = union(data)  # type: ignore[arg-type]
    return {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("rdfs:label"))}


def test_stats_from_the_store_or_the_graph_file(tmp_path: Path) -> None:
    build(tmp_path / "a", [doc("one.txt", "Anna Keller", "Hello"), doc("two.txt", "Petro Marchenko", "Hi")])
    text = stats_command(tmp_path / "a")
    assert text.splitlines()[0].split() == ["documents", "2"]
    data = json.loads(stats_command(tmp_path / "a", as_json=True))
    assert data["statements"] == 2 and data["actors_by_type"] == {"Person": 2}
    only_file = tmp_path / "b"
    only_file.mkdir()
    (only_file / "graph.trig").write_bytes(SAMPLE.read_bytes())
    assert json.loads(stats_command(only_file, as_json=True))["documents"] == 2
    assert json.loads(stats_command(tmp_path / "a", graph=SAMPLE, as_json=True))["statements"] == 4
    with pytest.raises(ViewError, match="No build found"):
        stats_command(tmp_path / "nothing")


def test_remove_drops_the_document_and_actors_named_only_there(tmp_path: Path) -> None:
    build(tmp_path, [doc("one.txt", "Anna Keller", "Hello"), doc("two.txt", "Petro Marchenko", "Hi")])
    assert {"Anna Keller", "Petro Marchenko"} <= labels(load(tmp_path / "graph.trig"))
    message = remove_command(tmp_path, "two.txt")
    assert message.startswith("Removed two.txt (") and "Actors resolved again over 1 documents" in message
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert [e.identifier for e in store.documents().values()] == ["one.txt"]
        assert "Petro Marchenko" not in labels(store) and "Anna Keller" in labels(store)
        expected = labels(store)
    assert labels(load(tmp_path / "graph.trig")) == expected  # the build's files follow
    with pytest.raises(ViewError, match="No document 'two.txt'"):
        remove_command(tmp_path, "two.txt")


def test_remove_without_cached_records_keeps_the_actors_and_says_so(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
    message = remove_command(tmp_path, "harbor-talks.txt")
    assert "not refreshed" in message and "kg build --rebuild" in message


def test_open_data_prefers_the_store(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="No build found"):
        open_data(tmp_path)
    (tmp_path / "graph.trig").write_bytes(SAMPLE.read_bytes())
    assert isinstance(open_data(tmp_path), Dataset)
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
    opened = open_data(tmp_path)
    assert isinstance(opened, GraphStore) and opened.read_only
    opened.close()
    assert isinstance(open_data(tmp_path, SAMPLE), Dataset)
    with pytest.raises(ViewError, match="does not exist"):
        open_data(tmp_path, tmp_path / "missing.ttl")


def test_serve_command_checks_its_options(tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="must be positive"):
        serve_command(tmp_path, timeout=0)
    with pytest.raises(ViewError, match="not a TCP port"):
        serve_command(tmp_path, port=70000)
    with pytest.raises(ViewError, match="No build found"):
        serve_command(tmp_path)
