"""What a build's HTML views draw, read from the store: all of a small corpus, a readable part of a big one.

A page of a few thousand nodes is the most a browser lays out and a reader takes in (see
bench/html_results.md), and a corpus of thousands of articles holds tens of thousands of statements. So
the views of a big build show the most active actors (statements and pledges, ties broken by name), with
all of their facts, and say so in the title; SPARQL on the store still holds everything.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.rdf.store import GraphStore

__all__ = ["MAX_VIEW_FACTS", "ViewSelection", "view_graph"]

MAX_VIEW_FACTS = 1000  # statements + pledges drawn at most (about 1,200 nodes with actors and resources)

_PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

_ACTIVITY = (
    _PREFIXES
    + """SELECT ?a (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
  { ?fact a kg:Statement ; kg:speaker ?a } UNION { ?fact a kg:Pledge ; kg:pledger ?a }
}
GROUP BY ?a
ORDER BY DESC(?facts) ?a"""
)

# The selected actors' facts, the nodes those facts touch, their documents and the topic labels: one
# CONSTRUCT per part (Oxigraph plans a UNION under VALUES as a scan of the whole store).
_PARTS = (
    "?x kg:speaker ?a . ?x ?p ?o .",
    "?s kg:speaker ?a ; kg:expresses ?x . ?x ?p ?o .",
    "?x kg:pledger ?a . ?x ?p ?o .",
    "?pl kg:pledger ?a ; kg:resource|kg:recipient ?x . ?x ?p ?o . FILTER(?p NOT IN (kg:stated, kg:pledged))",
    "?a ?p ?o . BIND(?a AS ?x)",
    "?a kg:affiliatedWith ?x . ?x ?p ?o . FILTER(?p NOT IN (kg:stated, kg:pledged))",
    "?fact kg:speaker|kg:pledger ?a ; kg:source ?x . ?x ?p ?o . FILTER(?p != kg:mentions)",
    "?x kg:mentions ?a . BIND(kg:mentions AS ?p) BIND(?a AS ?o)",
    "?s kg:speaker ?a ; kg:expresses/kg:topic ?x . ?x ?p ?o .",
)
_SELECTED = _PREFIXES + "CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?a { %s } %s }"


@dataclass(frozen=True)
class ViewSelection:
    """The triples the views draw, and how much of the corpus they cover."""

    graph: Graph
    actors_shown: int
    actors_active: int  # actors with at least one statement or pledge

    @property
    def complete(self) -> bool:
        return self.actors_shown >= self.actors_active

    @property
    def note(self) -> str:
        """A few words for page titles when only part of the corpus is drawn."""
        if self.complete:
            return ""
        return (
            f"the {self.actors_shown:,} most active of {self.actors_active:,} actors; "
            "query the store for the rest"
        )


def view_graph(store: GraphStore, max_facts: int = MAX_VIEW_FACTS) -> ViewSelection:
    """The union graph of `store` if its statements and pledges number at most `max_facts`; otherwise the
    most active actors whose facts fit in `max_facts` (always at least one), with everything they touch."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf.namespace import bind_prefixes

    ranked = [(row["a"], int(row["facts"].value)) for row in store.query(_ACTIVITY)]
    total = sum(n for _, n in ranked)
    graph = bind_prefixes(Graph())
    if total <= max_facts:
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        shown = len(ranked)
    else:
        chosen: list[ox.NamedNode] = []
        used = 0
        for actor, facts in ranked:
            if chosen and used + facts > max_facts:
                break
            chosen.append(actor)
            used += facts
        values = " ".join(str(a) for a in chosen)
        triples = itertools.chain.from_iterable(store.query(_SELECTED % (values, part)) for part in _PARTS)
        shown = len(chosen)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return ViewSelection(graph, shown, len(ranked))
