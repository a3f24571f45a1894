"""The SKOS topic scheme (``ontology/topics.ttl``) as an RDF graph and as plain `Topic` records.

The scheme is data: every ``skos:Concept`` in the file becomes a topic, so adding one needs no code.
The facts stage matches positions against `Topic.labels` without importing rdflib.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg import paths
from kg.rdf.namespace import TOPIC, bind_prefixes
from kg.types import Topic

__all__ = ["load_topics", "topic_name", "topics_graph"]


def topics_graph(path: Path | str = paths.TOPICS_FILE) -> Graph:
    """The topic scheme at `path` as a Graph, with the project's prefixes bound."""
    return bind_prefixes(Graph()).parse(Path(path), format="turtle")


def topic_name(concept: URIRef) -> str:
    """A concept's local name: what follows the topic namespace (or the last '/' or '#')."""
    iri = str(concept)
    if iri.startswith(str(TOPIC)):
        return iri[len(str(TOPIC)) :]
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _ranked(literals: list[Literal]) -> list[str]:
    """Label texts, English first, then untagged, then other languages; alphabetical within each."""
    rank = {"en": 0, None: 1}
    ordered = sorted(literals, key=lambda lit: (rank.get(lit.language, 2), lit.language or "", str(lit)))
    return [str(lit).strip() for lit in ordered if str(lit).strip()]


def _topic(graph: Graph, concept: URIRef) -> Topic:
    name = topic_name(concept)
    preferred = _ranked([o for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)])
    if not name or not preferred:
        raise ValueError(f"topic concept <{concept}> needs a local name and a skos:prefLabel")
    alternatives = _ranked([o for o in graph.objects(concept, SKOS.altLabel) if isinstance(o, Literal)])
    labels = tuple(dict.fromkeys(label.lower() for label in [*preferred, *alternatives]))
    return Topic(name=name, label=preferred[0], labels=labels)


def load_topics(path: Path | str = paths.TOPICS_FILE) -> tuple[Topic, ...]:
    """Every ``skos:Concept`` of the scheme at `path` as a `Topic`, sorted by name.

    `label` is the (English, if there is one) prefLabel; `labels` are the prefLabel(s) then the
    altLabels, lowercased and without repeats, for matching.
    """
    graph = topics_graph(path)
    concepts = {c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}
    return tuple(sorted((_topic(graph, c) for c in concepts), key=lambda topic: topic.name))
