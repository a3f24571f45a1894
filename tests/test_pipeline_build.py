"""Builds as a user runs them: incremental, parallel, distributed, interrupted and resumed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.paths import EXAMPLES_DIR
from kg.pipeline import build


def nquads(out: Path) -> str:
    from kg.views.export import load, serialize

    return serialize(load(out / "graph.trig"), "nquads")


def store_quads(out: Path) -> list[bytes]:
    from kg.rdf.store import GraphStore

    with GraphStore.open(out, read_only=True) as store:
        return sorted(store.dump("nquads").splitlines())


def _corpus(folder: Path, copies: int) -> Path:
    """The example articles, each repeated with a distinct closing line so every text is new."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = sorted(EXAMPLES_DIR.glob("*.txt"))
    for i in range(copies):
        src = articles[i % len(articles)]
        text = src.read_text(encoding="utf-8") + f"\nEdition {i} of the newskg test corpus.\n"
        (folder / f"{i:03d}-{src.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def examples_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    build([EXAMPLES_DIR], out, validate=False)
    return out


def test_unchanged_corpus_is_not_parsed_again_and_changes_nothing(examples_once: Path, tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(examples_once, out)
    before = nquads(out)
    report = build([EXAMPLES_DIR], out, validate=False)
    assert report.parsed == 0
    assert {o.status for o in report.outcomes} == {"cached"}
    assert nquads(out) == before


def test_changed_document_replaces_its_graph(tmp_path: Path):
    corpus = _corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    build([corpus], out, validate=False)
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "Added later.\n", encoding="utf-8")
    report = build([corpus], out, validate=False)
    assert report.parsed == 1
    assert report.documents == 2  # the old text of the changed file left the corpus
    fresh = tmp_path / "fresh"
    build([corpus], fresh, validate=False)
    assert nquads(out) == nquads(fresh)


def test_two_jobs_give_the_same_graph_as_one(examples_once: Path, tmp_path: Path):
    report = build([EXAMPLES_DIR], tmp_path, validate=False, jobs=2)
    assert nquads(tmp_path) == nquads(examples_once)
    # the workers wrote every result and store record themselves; the driver only counted
    from kg.rdf.store import GraphStore

    with GraphStore.open(tmp_path, read_only=True) as store:
        assert store.cached_hashes() == {o.sha256 for o in report.outcomes}
    assert report.parsed == report.documents > 0
    assert report.words == sum(len(p.read_text(encoding="utf-8").split()) for p in EXAMPLES_DIR.glob("*.txt"))


def test_bulk_load_batches_stay_bounded_and_lose_nothing(examples_once: Path, tmp_path: Path, monkeypatch):
    import pyoxigraph as ox

    import kg.pipeline as pipeline

    monkeypatch.setattr(pipeline, "_LOAD_QUADS", 40)
    sizes: list[int] = []
    target = ox.Store()

    class Recording:  # what `_bulk_load` calls, recorded and passed on to a real store
        def bulk_extend(self, quads: list) -> None:
            sizes.append(len(quads))
            target.bulk_extend(quads)

    class Holder:
        oxigraph = Recording()

    source = [(g, list(qs)) for g, qs in _graphs(examples_once)]
    copies = [(g, qs, [ox.Quad(*q.triple) for q in qs]) for g, qs in source]
    passed = list(pipeline._bulk_load(Holder(), iter(copies)))
    total = sum(len(qs) for _, qs in source)
    assert max(len(qs) for _, qs in source) > 40  # some graph is larger than one batch
    assert len(passed) == total and max(sizes) < 2 * 40
    named = {q for q in target if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert named == {q for _, qs in source for q in qs}
    union = {q.triple for q in target.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert union == {q.triple for _, qs in source for q in qs}


def _graphs(out: Path):
    """Each named graph of a built store as (name, quads)."""
    from kg.rdf.store import GraphStore

    with GraphStore.open(out, read_only=True) as store:
        for graph in sorted(store.oxigraph.named_graphs(), key=str):
            yield str(graph), list(store.oxigraph.quads_for_pattern(None, None, None, graph))


def test_a_large_build_frees_the_model_before_writing(tmp_path: Path, monkeypatch):
    import kg.nlp.load as load
    import kg.pipeline as pipeline

    corpus = _corpus(tmp_path / "in", 3)
    load.load_nlp()
    monkeypatch.setattr(pipeline, "RELEASE_MODEL_AFTER", 3)
    build([corpus], tmp_path / "out", validate=False)
    assert load.load_nlp.cache_info().currsize == 0
    monkeypatch.setattr(pipeline, "RELEASE_MODEL_AFTER", 100)
    build([corpus], tmp_path / "out", validate=False, rebuild=True)
    assert load.load_nlp.cache_info().currsize == 1  # small builds keep it for the next call


def test_dask_local_cluster_gives_an_isomorphic_graph(examples_once: Path, tmp_path: Path):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from rdflib.compare import isomorphic

    from kg.views.export import load, union

    build([EXAMPLES_DIR], tmp_path, validate=False, jobs=2, executor="dask")
    assert isomorphic(union(load(tmp_path / "graph.trig")), union(load(examples_once / "graph.trig")))
    assert nquads(tmp_path) == nquads(examples_once)


def test_killed_build_resumes_to_the_same_graph(tmp_path: Path):
    corpus = _corpus(tmp_path / "in", 40)
    out = tmp_path / "out"
    first = _corpus(tmp_path / "first", 2)
    build([first], out, validate=False)  # an earlier build whose outputs must survive the kill
    previous = (out / "graph.trig").read_bytes()

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-j", "1", "--no-validate"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = out / "cache" / "results"
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if sum(1 for _ in results.rglob("*.pickle")) >= 2 + 5:  # midway through the new documents
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the build finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (out / "graph.trig").read_bytes() == previous, "an interrupted build leaves the outputs intact"

    report = build([corpus], out, validate=False)
    assert 0 < report.parsed < 40, "the second run resumed instead of starting over"
    uninterrupted = tmp_path / "uninterrupted"
    build([first], uninterrupted, validate=False)
    build([corpus], uninterrupted, validate=False)
    assert nquads(out) == nquads(uninterrupted)
    assert store_quads(out) == store_quads(uninterrupted)  # the persistent store too, not only the files


def test_rebuild_starts_over(examples_once: Path, tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(examples_once, out)
    report = build([EXAMPLES_DIR], out, validate=False, rebuild=True)
    assert report.parsed == 5
    assert nquads(out) == nquads(examples_once)
