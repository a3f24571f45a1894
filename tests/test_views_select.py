"""What the HTML views of a build draw: the whole store when it is small, the most active actors when not."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS

from kg.rdf.build import corpus_quads
from kg.rdf.iris import actor_iri
from kg.rdf.namespace import KG
from kg.rdf.store import GraphStore
from kg.views.html import write_views
from kg.views.select import view_graph

SAMPLE = Path(__file__).parent / "data" / "rdf" / "sample.py"


def _sample() -> ModuleType:
    if "rdf_sample" not in sys.modules:
        spec = importlib.util.spec_from_file_location("rdf_sample", SAMPLE)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["rdf_sample"] = module
        spec.loader.exec_module(module)
    return sys.modules["rdf_sample"]


def _store() -> tuple[GraphStore, Counter[URIRef]]:
    """The sample corpus in an in-memory store, and each actor's statements + pledges."""
    sample = _sample()
    results, resolution = sample.sample_results(), sample.sample_resolution()
    store = GraphStore.in_memory()
    for _, quads, _ in corpus_quads(results, resolution):
        store.oxigraph.extend(quads)
    store.rebuild_union()
    facts: Counter[URIRef] = Counter()
    for r in results:
        for st in r.statements:
            facts[actor_iri(resolution.key(r.document.id, st.speaker))] += 1
        for pl in r.pledges:
            facts[actor_iri(resolution.key(r.document.id, pl.pledger))] += 1
    return store, facts


def test_a_small_store_is_drawn_whole() -> None:
    store, facts = _store()
    selection = view_graph(store)
    assert selection.complete and selection.note == ""
    assert selection.actors_shown == selection.actors_active == len(facts)
    union = list(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
    assert len(selection.graph) == len(union) > 50


def test_a_big_store_shows_the_most_active_actors_with_all_their_facts() -> None:
    store, facts = _store()
    ranked = sorted(facts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    budget = ranked[0][1]  # room for the most active actor only
    selection = view_graph(store, max_facts=budget)
    assert not selection.complete
    assert selection.actors_active == len(facts)
    chosen = {a for a, _ in ranked[: selection.actors_shown]}
    assert ranked[0][0] in chosen and sum(facts[a] for a in chosen) <= budget
    g = selection.graph
    statements = set(g.subjects(RDF.type, KG.Statement)) | set(g.subjects(RDF.type, KG.Pledge))
    assert len(statements) == sum(facts[a] for a in chosen)
    for fact in statements:
        actor = g.value(fact, KG.speaker) or g.value(fact, KG.pledger)
        assert actor in chosen
        assert g.value(actor, RDFS.label) is not None  # the actor node is drawn with its name
        assert g.value(g.value(fact, KG.source), DCTERMS.identifier) is not None  # and its document
    assert f"of {len(facts)} actors" in selection.note


def test_the_note_reaches_every_page_title(tmp_path: Path) -> None:
    store, facts = _store()
    selection = view_graph(store, max_facts=1)
    pages = write_views(selection.graph, tmp_path, note=selection.note)
    for path in pages.values():
        html = path.read_text(encoding="utf-8")
        assert f"most active of {len(facts)} actors" in html.split("</title>")[0]
