"""The whole path on the five real seed articles (read from ../shared; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Graph

from kg.rdf.namespace import KG

pytestmark = pytest.mark.slow

WHO_SAID_WHAT = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?name ?quote ?doc WHERE {
  ?s a kg:Statement ; kg:speaker ?a ; kg:quote ?quote ; kg:source ?d .
  ?a rdfs:label ?name . ?d dcterms:identifier ?doc }
"""


@pytest.fixture(scope="module")
def seed_build(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds")
    report = build([seeds_dir], out)
    return report, out


@pytest.fixture(scope="module")
def seed_graph(seed_build) -> Graph:
    _, out = seed_build
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def test_build_writes_all_outputs_and_conforms(seed_build):
    report, out = seed_build
    for name in ("graph.ttl", "graph.trig", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0
    assert report.documents == 5
    assert report.skipped == ()
    assert report.conforms is True, report.validation


def test_every_seed_has_statements_with_exact_offsets(seed_graph, seeds_dir):
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    rows = seed_graph.query(
        """PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?doc ?quote ?start ?end ?speaker WHERE {
          ?s a kg:Statement ; kg:quote ?quote ; kg:charStart ?start ; kg:charEnd ?end ;
             kg:speaker ?speaker ; kg:source ?d . ?d dcterms:identifier ?doc }"""
    )
    per_doc: dict[str, int] = {}
    for doc, quote, start, end, _speaker in rows:
        assert texts[str(doc)][int(start) : int(end)] == str(quote)
        per_doc[str(doc)] = per_doc.get(str(doc), 0) + 1
    assert set(per_doc) == set(texts), "every seed article has statements"


def test_speakers_are_never_pronouns(seed_graph):
    speaker_labels = {
        str(label).lower()
        for actor in seed_graph.objects(None, KG.speaker)
        for label in seed_graph.objects(actor, RDFS.label)
    }
    assert speaker_labels
    assert not speaker_labels & {"he", "she", "they", "it", "him", "her", "them"}


def test_pledges_in_at_least_two_articles_and_roles_present(seed_graph):
    docs = {str(d) for p in seed_graph.subjects(KG.pledger, None) for d in seed_graph.objects(p, KG.source)}
    assert len(docs) >= 2
    roles = {str(r) for r in seed_graph.objects(None, KG.role)}
    assert any("President" in r for r in roles)
    assert any("Minister" in r for r in roles)


def test_issue_query_returns_rows(seed_graph):
    rows = list(seed_graph.query(WHO_SAID_WHAT))
    assert len(rows) >= 10
    assert all(str(name) and str(quote) and str(doc).endswith(".txt") for name, quote, doc in rows)


def test_two_builds_give_identical_nquads(seed_build, seeds_dir, tmp_path):
    from kg.pipeline import build
    from kg.views.export import load, serialize

    _, out = seed_build
    build([seeds_dir], tmp_path, validate=False)
    first = serialize(load(out / "graph.trig"), "nquads")
    second = serialize(load(tmp_path / "graph.trig"), "nquads")
    assert first == second
