"""The graph of who said what and who pledged what, as a networkx MultiDiGraph.

Nodes are keyed by IRI string and carry a `kind`: "actor", "position", "resource", or "statement"
(a statement that expresses no position yet, so it still shows). Edges carry a `relation`:

- "stated" actor -> position (or statement node), keyed by the statement IRI;
- "pledged" pledger -> resource, keyed by the pledge IRI;
- "recipient" resource -> recipient actor, keyed by the pledge IRI;
- "affiliatedWith" actor -> country/organisation, keyed "affiliatedWith".

Every attribute is plain Python (str, int, list, Decimal or None), so the graph can feed networkx
algorithms, pyvis or JSON alike. Nodes and edges are added in sorted order, so the result is the same
for the same input. `graph.graph["documents"]` maps each document IRI to its id, title, date and source.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.views import KG_NS
from kg.views.export import union_view

KG = Namespace(KG_NS)

ACTOR_TYPES = ("Person", "Organization", "Country", "Group")
STATED = "stated"
PLEDGED = "pledged"
RECIPIENT = "recipient"
AFFILIATED = "affiliatedWith"


def to_networkx(data: Dataset | Graph) -> nx.MultiDiGraph:
    """Actors, positions and resources as nodes; stated, pledged, recipient and affiliatedWith edges."""
    g = union_view(data)
    graph = nx.MultiDiGraph()
    documents = _documents(g)
    graph.graph["documents"] = documents

    statements = sorted(set(g.subjects(RDF.type, KG.Statement)), key=str)
    pledges = sorted(set(g.subjects(RDF.type, KG.Pledge)), key=str)
    stated = Counter(g.value(s, KG.speaker) for s in statements)
    pledged = Counter(g.value(p, KG.pledger) for p in pledges)

    actors = set(g.subjects(RDF.type, KG.Actor))
    for name in ACTOR_TYPES:
        actors.update(g.subjects(RDF.type, KG[name]))
    for fact, prop in ((statements, KG.speaker), (pledges, KG.pledger), (pledges, KG.recipient)):
        actors.update(o for s in fact for o in g.objects(s, prop) if isinstance(o, URIRef))
    actors.update(o for a in list(actors) for o in g.objects(a, KG.affiliatedWith) if isinstance(o, URIRef))
    mentioned: dict[URIRef, set[str]] = {}
    for doc, info in documents.items():
        for actor in g.objects(URIRef(doc), KG.mentions):
            mentioned.setdefault(actor, set()).add(info["id"])  # type: ignore[arg-type]

    for actor in sorted(actors, key=str):
        graph.add_node(
            str(actor), **_actor(g, actor, stated[actor], pledged[actor], mentioned.get(actor, set()))
        )

    for s in statements:
        speaker = g.value(s, KG.speaker)
        if not isinstance(speaker, URIRef):
            continue
        position = g.value(s, KG.expresses)
        quote = _str(g.value(s, KG.quote)) or ""
        if isinstance(position, URIRef):
            target = str(position)
            if target not in graph:
                graph.add_node(target, **_position(g, position))
            graph.nodes[target]["statements"] += 1
        else:
            target = str(s)
            graph.add_node(target, kind="statement", label=_clip(quote, 60), statements=1)
        doc = g.value(s, KG.source)
        graph.add_edge(
            str(speaker),
            target,
            key=str(s),
            relation=STATED,
            statement=str(s),
            quote=quote,
            cue=_str(g.value(s, KG.cue)),
            quote_type=_str(g.value(s, KG.quoteType)),
            sentence=_str(g.value(s, KG.sentence)),
            char_start=_int(g.value(s, KG.charStart)),
            char_end=_int(g.value(s, KG.charEnd)),
            position=_label(g, position) if isinstance(position, URIRef) else None,
            **_doc_attrs(documents, doc),
        )

    for p in pledges:
        pledger = g.value(p, KG.pledger)
        resource = g.value(p, KG.resource)
        if not isinstance(pledger, URIRef) or not isinstance(resource, URIRef):
            continue
        target = str(resource)
        if target not in graph:
            graph.add_node(target, kind="resource", label=_label(g, resource), pledges=0)
        graph.nodes[target]["pledges"] += 1
        recipient = g.value(p, KG.recipient)
        attrs: dict[str, Any] = {
            "relation": PLEDGED,
            "pledge": str(p),
            "pledger_label": graph.nodes[str(pledger)]["label"],
            "resource": graph.nodes[target]["label"],
            "recipient": str(recipient) if isinstance(recipient, URIRef) else None,
            "recipient_label": _label(g, recipient) if isinstance(recipient, URIRef) else None,
            "amount": _decimal(g.value(p, KG.amount)),
            "currency": _str(g.value(p, KG.currency)),
            "status": _str(g.value(p, KG.status)),
            "sentence": _str(g.value(p, KG.sentence)),
            "char_start": _int(g.value(p, KG.charStart)),
            "char_end": _int(g.value(p, KG.charEnd)),
            **_doc_attrs(documents, g.value(p, KG.source)),
        }
        graph.add_edge(str(pledger), target, key=str(p), **attrs)
        if isinstance(recipient, URIRef):
            graph.add_edge(target, str(recipient), key=str(p), **{**attrs, "relation": RECIPIENT})

    for actor in sorted(actors, key=str):
        for other in sorted(g.objects(actor, KG.affiliatedWith), key=str):
            if isinstance(other, URIRef):
                graph.add_edge(str(actor), str(other), key=AFFILIATED, relation=AFFILIATED)
    return graph


def actor_type(g: Graph, actor: URIRef) -> str:
    """The most specific class of `actor` (Person, Organization, Country, Group), else "Actor"."""
    types = set(g.objects(actor, RDF.type))
    return next((name for name in ACTOR_TYPES if KG[name] in types), "Actor")


def _actor(g: Graph, actor: URIRef, statements: int, pledges: int, mentioned: set[str]) -> dict[str, Any]:
    label = _label(g, actor)
    affiliations = sorted(str(o) for o in g.objects(actor, KG.affiliatedWith) if isinstance(o, URIRef))
    return {
        "kind": "actor",
        "label": label,
        "type": actor_type(g, actor),
        "aliases": sorted({str(a) for a in g.objects(actor, SKOS.altLabel)} - {label}),
        "roles": sorted({str(r) for r in g.objects(actor, KG.role)}),
        "affiliations": affiliations,
        "affiliation_labels": [_label(g, URIRef(a)) for a in affiliations],
        "country_code": _str(g.value(actor, KG.countryCode)),
        "statements": statements,
        "pledges": pledges,
        "documents": sorted(mentioned),
    }


def _position(g: Graph, position: URIRef) -> dict[str, Any]:
    topics = sorted(o for o in g.objects(position, KG.topic) if isinstance(o, URIRef))
    return {
        "kind": "position",
        "label": _label(g, position),
        "topics": [_label(g, t) for t in topics],
        "topic_iris": [str(t) for t in topics],
        "statements": 0,
    }


def _documents(g: Graph) -> dict[str, dict[str, str | None]]:
    docs = sorted(set(g.subjects(RDF.type, KG.Document)), key=str)
    return {
        str(d): {
            "id": _str(g.value(d, DCTERMS.identifier)) or _local(d),
            "title": _str(g.value(d, DCTERMS.title)),
            "date": _str(g.value(d, DCTERMS.date)),
            "source": _str(g.value(d, DCTERMS.source)),
        }
        for d in docs
    }


def _doc_attrs(documents: dict[str, dict[str, str | None]], doc: object) -> dict[str, str | None]:
    info = documents.get(str(doc), {}) if doc is not None else {}
    return {
        "doc": str(doc) if doc is not None else None,
        "doc_id": info.get("id") or (_local(doc) if isinstance(doc, URIRef) else None),
        "doc_title": info.get("title"),
        "doc_date": info.get("date"),
    }


def _label(g: Graph, node: object) -> str:
    """rdfs:label, else skos:prefLabel, else the IRI's last segment."""
    for prop in (RDFS.label, SKOS.prefLabel):
        value = g.value(node, prop)  # type: ignore[arg-type]
        if value is not None:
            return str(value)
    return _local(node)


def _local(node: object) -> str:
    text = str(node).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, int):
            return python
    return None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, Literal):
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return None
    return None


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
