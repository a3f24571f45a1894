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

Also here: `cooccurrence` (actors named or quoted in the same stories, with Louvain communities and
betweenness centrality), `layout` and `pledge_layers` (positions computed in Python, so the HTML pages
draw at once with physics off), and `synthetic_graph` (a graph of any size for benchmarks and tests).
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
            stance=_str(g.value(position, KG.stance)) if isinstance(position, URIRef) else None,
            topics=graph.nodes[target].get("topics", []),
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
            "cue": _str(g.value(p, KG.cue)),
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


CO_MENTIONED = "co-mentioned"
CO_QUOTED = "co-quoted"


def cooccurrence(graph: nx.MultiDiGraph, *, max_edges: int = 5000, seed: int = 7) -> nx.Graph:
    """The overview network: actors linked when named in the same documents, with communities.

    Edge `weight` counts the documents naming both; `quoted` counts the documents quoting both (a
    co-statement: both speak in the same story), and `relation` is "co-quoted" when it is positive,
    else "co-mentioned". At most `max_edges` links are kept, so a large corpus stays drawable: each
    actor's two strongest links first (nobody is cut off), then the strongest of the rest, strength
    being weight + quoted. Nodes carry the actor's attributes plus `community` (0 is the largest,
    by Louvain modularity, seeded) and `centrality` (betweenness, sampled on large graphs).
    """
    from itertools import combinations

    mentioned: dict[str, set[str]] = {}
    quoted: dict[str, set[str]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") == "actor":
            mentioned[node] = set(attrs.get("documents") or ())
    for u, _, attrs in graph.edges(data=True):
        if attrs.get("relation") in (STATED, PLEDGED) and attrs.get("doc_id") and u in mentioned:
            mentioned[u].add(attrs["doc_id"])
            if attrs["relation"] == STATED:
                quoted.setdefault(u, set()).add(attrs["doc_id"])
    by_doc: dict[str, list[str]] = {}
    for actor in sorted(mentioned):
        for doc in mentioned[actor]:
            by_doc.setdefault(doc, []).append(actor)
    weight: Counter[tuple[str, str]] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    shared: dict[tuple[str, str], list[str]] = {}
    for doc in sorted(by_doc):
        for pair in combinations(by_doc[doc], 2):
            weight[pair] += 1
            shared.setdefault(pair, []).append(doc)
            if doc in quoted.get(pair[0], ()) and doc in quoted.get(pair[1], ()):
                together[pair] += 1
    kept = _strongest(weight, together, max_edges)

    net = nx.Graph()
    for actor in sorted(a for a in mentioned if mentioned[a] or graph.degree(a)):
        net.add_node(actor, **graph.nodes[actor])
    for a, b in sorted(kept):
        net.add_edge(
            a,
            b,
            weight=weight[(a, b)],
            quoted=together[(a, b)],
            documents=shared[(a, b)],
            relation=CO_QUOTED if together[(a, b)] else CO_MENTIONED,
        )
    communities = (
        nx.community.louvain_communities(net, weight="weight", seed=seed) if net.number_of_edges() else []
    )
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    for index, members in enumerate(ordered):
        for actor in members:
            net.nodes[actor]["community"] = index
    for actor in net:
        net.nodes[actor].setdefault("community", len(ordered))
    sample = None if net.number_of_nodes() <= 400 else 200
    centrality = nx.betweenness_centrality(net, k=sample, seed=seed if sample else None)
    for actor, value in centrality.items():
        net.nodes[actor]["centrality"] = round(value, 6)
    net.graph["documents"] = graph.graph.get("documents", {})
    net.graph["communities"] = len(ordered)
    return net


def _strongest(
    weight: Counter[tuple[str, str]], together: Counter[tuple[str, str]], limit: int
) -> list[tuple[str, str]]:
    """Up to `limit` pairs: every node's two strongest, then the strongest overall (ties by name)."""
    order = sorted(weight, key=lambda p: (-(weight[p] + together[p]), p))
    if len(order) <= limit:
        return order
    best: dict[str, int] = {}
    backbone: list[tuple[str, str]] = []
    for pair in order:
        if best.get(pair[0], 0) < 2 or best.get(pair[1], 0) < 2:
            backbone.append(pair)
            for node in pair:
                best[node] = best.get(node, 0) + 1
    chosen = set(backbone[:limit])
    for pair in order:
        if len(chosen) >= limit:
            break
        chosen.add(pair)
    return [p for p in order if p in chosen]


def layout(
    graph: nx.Graph | nx.MultiDiGraph,
    *,
    seed: int = 7,
    sizes: dict[str, float] | None = None,
    spread: int = 600,
) -> dict[str, tuple[float, float]]:
    """Node positions in screen pixels, so the page can draw at once with physics off.

    A force-directed (Fruchterman-Reingold) layout of the connected core in numpy, seeded; leaves
    that hang off a single node (a position only one actor stated) are set on a ring around it, and
    nodes with no links in a grid beside the core, sorted by kind, type and label. When the core has
    at most `spread` nodes, overlaps are then pushed apart, counting each node's ring and label.
    `sizes` are node radii in pixels (default 12). In-browser physics stabilisation of thousands of
    nodes takes tens of seconds on a small machine; this takes a second or two.
    """
    import numpy as np

    sizes = sizes or {}
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight", default=1):
        if u != v:
            simple.add_edge(u, v, weight=simple.get_edge_data(u, v, {"weight": 0})["weight"] + (w or 1))
    kinds = dict(graph.nodes(data="kind", default="actor"))
    isolated = sorted((n for n in simple if simple.degree(n) == 0), key=lambda n: _grid_key(graph, n))
    leaves: dict[str, list[str]] = {}
    for node in sorted(simple):
        if kinds.get(node) != "actor" and simple.degree(node) == 1:
            anchor = next(iter(simple[node]))
            if not (kinds.get(anchor) != "actor" and simple.degree(anchor) == 1 and anchor < node):
                leaves.setdefault(anchor, []).append(node)
    placed = {leaf for group in leaves.values() for leaf in group}
    core = sorted(n for n in simple if n not in placed and simple.degree(n) > 0)

    def ring(count: int) -> float:
        return max(90.0, count * 60 / np.pi)  # about 120 px of circumference per leaf

    def room(node: str) -> float:
        """Radius a core node needs: its leaves' ring and a leaf's half width, or its own label."""
        if node in leaves:
            return ring(len(leaves[node])) + 50
        return (30.0 if kinds.get(node) == "actor" else 60.0) + sizes.get(node, 12.0)

    positions: dict[str, tuple[float, float]] = {}
    if core:
        index = {n: i for i, n in enumerate(core)}
        radii = np.array([room(n) for n in core])
        links = list(simple.subgraph(core).edges(data="weight"))
        adjacency = (
            np.array([index[u] for u, _, _ in links], dtype=np.int64),
            np.array([index[v] for _, v, _ in links], dtype=np.int64),
            np.array([1.0 + np.log(w) for _, _, w in links], dtype=np.float64),
        )
        mass = radii / radii.min()
        coords = _force_layout(adjacency, mass, np.random.default_rng(seed)).astype(np.float64)
        # scale so the core's box has about the area its nodes need, then remove overlaps
        extent = np.ptp(coords, axis=0).max() or 1.0
        coords *= np.sqrt((4 * radii**2).sum()) / extent
        if len(core) <= spread:
            coords = _remove_overlaps(coords, radii)
        for node, (x, y) in zip(core, coords, strict=True):
            positions[node] = (float(x), float(y))
        centre = coords.mean(axis=0)
        for anchor, group in leaves.items():
            ax, ay = positions[anchor]
            start = float(np.arctan2(ay - centre[1], ax - centre[0])) if len(core) > 1 else 0.0
            radius = ring(len(group))
            for i, leaf in enumerate(group):
                angle = start + 2 * np.pi * i / len(group)
                positions[leaf] = (ax + radius * float(np.cos(angle)), ay + radius * float(np.sin(angle)))
    if isolated:
        _grid(graph, isolated, positions)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}


def _remove_overlaps(coords: Any, radii: Any, iterations: int = 60) -> Any:
    """Push apart every pair of nodes closer than the sum of their radii (dense; for small cores)."""
    import numpy as np

    size = len(radii)
    if size < 2:
        return coords
    need = radii[:, None] + radii[None, :]
    np.fill_diagonal(need, 0)
    for _ in range(iterations):
        offset = coords[:, None, :] - coords[None, :, :]
        distance = np.sqrt((offset**2).sum(axis=-1))
        overlap = need - distance
        np.fill_diagonal(overlap, 0)
        if overlap.max() <= 1.0:
            break
        overlap = np.clip(overlap, 0, None) / np.maximum(distance, 1e-3) / 2
        coords = coords + (offset * overlap[:, :, None]).sum(axis=1) * 0.5
    return coords


def _grid(
    graph: nx.Graph | nx.MultiDiGraph, nodes: list[str], positions: dict[str, tuple[float, float]]
) -> None:
    """Set `nodes` out in columns to the right of what is placed, each column as wide as its labels."""
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    row = 50.0
    rows = max(8, int((max(ys) - min(ys)) // row) + 1) if positions else max(1, int(len(nodes) ** 0.5))
    left = max(xs) + 260 if positions else 0.0
    top = min(ys) if positions else 0.0
    for start in range(0, len(nodes), rows):
        column = nodes[start : start + rows]
        width = max(len(str(graph.nodes[n].get("label", n))) for n in column) * 8.0 + 30
        for i, node in enumerate(column):
            positions[node] = (left + width / 2, top + i * row)
        left += width


def pledge_layers(
    graph: nx.MultiDiGraph, *, sizes: dict[str, float] | None = None, column: float = 380.0
) -> dict[str, tuple[float, float]]:
    """Positions for pledges in three columns: pledgers, resources, recipients (left to right).

    Pledgers are ordered by number of pledges, then each later column by the mean row of what points
    to it (the barycentre heuristic), which keeps most lines from crossing. Each node gets a row as
    tall as its radius in `sizes` (pixels) and its label need.
    """
    sizes = sizes or {}
    pledgers = {u for u, _, r in graph.edges(data="relation") if r == PLEDGED}
    resources = {v for _, v, r in graph.edges(data="relation") if r == PLEDGED}
    recipients = {v for _, v, r in graph.edges(data="relation") if r == RECIPIENT} - pledgers
    rest = set(graph) - pledgers - resources - recipients
    label = {n: str(graph.nodes[n].get("label", n)).lower() for n in graph}
    first = sorted(pledgers | rest, key=lambda n: (-graph.out_degree(n), label[n], n))
    rank = {n: float(i) for i, n in enumerate(first)}

    def by_barycentre(nodes: set[str]) -> list[str]:
        def key(n: str) -> tuple[float, str, str]:
            sources = [rank[u] for u in graph.predecessors(n) if u in rank]
            return (sum(sources) / len(sources) if sources else float("inf"), label[n], n)

        ordered = sorted(nodes, key=key)
        rank.update({n: float(i) for i, n in enumerate(ordered)})
        return ordered

    columns = [first, by_barycentre(resources), by_barycentre(recipients)]
    heights = [[max(56.0, 2 * sizes.get(n, 12.0) + 34) for n in nodes] for nodes in columns]
    tallest = max(sum(h) for h in heights)
    positions: dict[str, tuple[float, float]] = {}
    for x, (nodes, rows) in enumerate(zip(columns, heights, strict=True)):
        y = (tallest - sum(rows)) / 2
        for node, height in zip(nodes, rows, strict=True):
            positions[node] = (x * column, y + height / 2)
            y += height
    return positions


def _force_layout(adjacency: Any, mass: Any, rng: Any, iterations: int = 0, sample: int = 256) -> Any:
    """Fruchterman-Reingold with node masses and a weak gravity, in the unit box (numpy, float32).

    `adjacency` is a sparse triple (rows, columns, weights) of each undirected edge once. Repulsion
    is exact for up to `sample` nodes; above that each iteration repels every node from a fresh
    random sample of `sample` nodes, scaled up (stochastic repulsion), so an iteration costs
    O(n * sample + edges) instead of O(n^2): on a small machine the dense form takes ~0.1 s per
    iteration at 2,000 nodes.
    """
    import numpy as np

    rows, columns, weights = adjacency
    size = mass.shape[0]
    coords = rng.random((size, 2)).astype(np.float32)
    if size == 1:
        return coords
    iterations = iterations or (120 if size <= 2000 else 60)
    mass = mass.astype(np.float32)
    weights = weights.astype(np.float32)
    k = np.float32(np.sqrt(1.0 / size))
    temperature = np.float32(0.1)
    cooling = temperature / (iterations + 1)
    everyone = np.arange(size)
    for _ in range(iterations):
        others = everyone if size <= sample else rng.choice(size, sample, replace=False)
        scale = np.float32(1.0 if size <= sample else (size - 1) / sample)
        x, y = coords[:, 0], coords[:, 1]
        d2 = np.square(x[:, None] - x[others][None, :])
        d2 += np.square(y[:, None] - y[others][None, :])
        np.maximum(d2, np.float32(1e-4), out=d2)
        force = np.divide(mass[:, None] * (mass[others] * (k * k * scale))[None, :], d2, out=d2)
        if size <= sample:
            np.fill_diagonal(force, 0)
        # sum_j f_ij (p_i - p_j), without a skinny matrix product (slow in OpenBLAS)
        total = force.sum(axis=1)
        displacement = np.stack(
            (x * total - (force * x[others]).sum(axis=1), y * total - (force * y[others]).sum(axis=1)), axis=1
        )
        # attraction along edges: d/k per unit of offset, both ends
        pull = coords[rows] - coords[columns]
        pull *= (weights * np.sqrt((pull**2).sum(axis=1)) / k)[:, None]
        for axis in (0, 1):
            displacement[:, axis] -= np.bincount(rows, pull[:, axis], minlength=size)
            displacement[:, axis] += np.bincount(columns, pull[:, axis], minlength=size)
        displacement -= 0.05 * (coords - coords.mean(axis=0)) * mass[:, None] / k
        length = np.sqrt((displacement**2).sum(axis=1))
        length = np.where(length < 0.01, 0.1, length)
        coords += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return coords


def _grid_key(graph: nx.Graph | nx.MultiDiGraph, node: str) -> tuple[str, str, str]:
    attrs = graph.nodes[node]
    return (
        str(attrs.get("kind", "actor")),
        str(attrs.get("type", "")),
        str(attrs.get("label", node)).lower(),
    )


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
        "mention_count": _int(g.value(actor, KG.mentionCount)),
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
        "stance": _str(g.value(position, KG.stance)),
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


def synthetic_graph(nodes: int = 2000, edges: int = 5000, *, seed: int = 7) -> nx.MultiDiGraph:
    """A made-up graph in `to_networkx`'s shape with exactly `nodes` nodes and `edges` edges.

    For benchmarks and browser tests of the views at sizes no test corpus reaches: a quarter actors
    (with aliases, roles and affiliations), mostly positions, some pledged resources; popular actors
    speak more often (preferential attachment), as in news. Quotes include markup and quote marks so
    that escaping is exercised too. Deterministic for a given `seed`.
    """
    import random

    if nodes < 8 or edges < nodes:
        raise ValueError("synthetic_graph needs at least 8 nodes and as many edges as nodes")
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    n_docs = max(2, nodes // 40)
    documents = {
        f"https://example.org/doc/{d}": {
            "id": f"doc-{d:04d}.txt",
            "title": f"Synthetic report {d} on <b>talks</b> & \u201cquotas\u201d",
            "date": f"2031-{1 + d % 12:02d}-{1 + d % 28:02d}",
            "source": f"synthetic/doc-{d:04d}.txt",
        }
        for d in range(n_docs)
    }
    graph.graph["documents"] = documents
    doc_iris = list(documents)
    topics = [f"Topic {chr(65 + t)}" for t in range(8)]
    types = ("Person", "Person", "Person", "Organization", "Country", "Group")

    n_actors = max(4, nodes // 4)
    n_resources = max(1, nodes // 20)
    n_positions = nodes - n_actors - n_resources
    actors = [f"https://example.org/actor/{i}" for i in range(n_actors)]
    for i, actor in enumerate(actors):
        first, last = f"Name{i}", f"Surname{i}"
        graph.add_node(
            actor,
            kind="actor",
            label=f"{first} {last}",
            type=types[i % len(types)],
            aliases=[last, f"{first[0]}. {last}"],
            roles=[f"role {i % 17}"],
            affiliations=[],
            affiliation_labels=[],
            country_code=None,
            statements=0,
            pledges=0,
            documents=sorted({documents[rng.choice(doc_iris)]["id"] for _ in range(3)}),
        )
    weights = [1.0] * n_actors

    def speaker() -> str:
        index = rng.choices(range(n_actors), weights=weights)[0]
        weights[index] += 1.0
        return actors[index]

    budget = edges
    stated: list[tuple[str, str]] = []
    for p in range(n_positions):
        position = f"https://example.org/position/{p}"
        graph.add_node(
            position,
            kind="position",
            label=f"Position {p}: the \u201cdeal\u201d must <not> fail",
            topics=[topics[p % len(topics)]],
            topic_iris=[f"https://example.org/topic/{p % len(topics)}"],
            statements=0,
        )
        stated.append((speaker(), position))
    resources = [f"https://example.org/resource/{r}" for r in range(n_resources)]
    for r, resource in enumerate(resources):
        graph.add_node(resource, kind="resource", label=f"resource {r}", pledges=0)
    pledges = [(speaker(), resource) for resource in resources]
    budget -= len(stated) + len(pledges)
    extra_pledges = budget // 10
    pledges += [(speaker(), rng.choice(resources)) for _ in range(extra_pledges)]
    budget -= extra_pledges
    recipients = min(budget // 3, len(pledges))
    affiliations = budget // 6
    budget -= recipients + affiliations
    stated += [
        (speaker(), f"https://example.org/position/{rng.randrange(n_positions)}") for _ in range(budget)
    ]

    for s, (actor, position) in enumerate(stated):
        doc = rng.choice(doc_iris)
        graph.nodes[actor]["statements"] += 1
        graph.nodes[position]["statements"] += 1
        quote = f'Quote {s}: we <script>alert({s})</script> & "mean" it'
        graph.add_edge(
            actor,
            position,
            key=f"https://example.org/statement/{s}",
            relation=STATED,
            statement=f"https://example.org/statement/{s}",
            quote=quote,
            cue=rng.choice(("said", "told reporters", "warned", "argued")),
            quote_type=rng.choice(("direct", "indirect", "mixed")),
            sentence=f"{graph.nodes[actor]['label']} said: {quote}.",
            char_start=10 * s,
            char_end=10 * s + len(quote),
            position=graph.nodes[position]["label"],
            stance=None,
            topics=graph.nodes[position]["topics"],
            **_doc_attrs(documents, doc),
        )
    for q, (actor, resource) in enumerate(pledges):
        doc = rng.choice(doc_iris)
        graph.nodes[actor]["pledges"] += 1
        graph.nodes[resource]["pledges"] += 1
        recipient = rng.choice(actors) if q < recipients else None
        attrs: dict[str, Any] = {
            "relation": PLEDGED,
            "pledge": f"https://example.org/pledge/{q}",
            "pledger_label": graph.nodes[actor]["label"],
            "resource": graph.nodes[resource]["label"],
            "recipient": recipient,
            "recipient_label": graph.nodes[recipient]["label"] if recipient else None,
            "amount": Decimal(rng.randrange(1, 500)) * Decimal(10) ** rng.choice((3, 6, 9)),
            "currency": rng.choice(("EUR", "USD", None)),
            "status": rng.choice(("pledged", "promised", "proposed", "delivered")),
            "sentence": f"{graph.nodes[actor]['label']} pledged {graph.nodes[resource]['label']}.",
            "char_start": 7 * q,
            "char_end": 7 * q + 20,
            **_doc_attrs(documents, doc),
        }
        graph.add_edge(actor, resource, key=attrs["pledge"], **attrs)
        if recipient:
            graph.add_edge(resource, recipient, key=attrs["pledge"], **{**attrs, "relation": RECIPIENT})
    organisations = [a for a in actors if graph.nodes[a]["type"] in ("Organization", "Country")]
    for a in range(affiliations):
        actor, other = actors[a % n_actors], organisations[rng.randrange(len(organisations))]
        graph.add_edge(actor, other, key=f"{AFFILIATED}/{a}", relation=AFFILIATED)
        graph.nodes[actor]["affiliations"].append(other)
        graph.nodes[actor]["affiliation_labels"].append(graph.nodes[other]["label"])
    return graph
