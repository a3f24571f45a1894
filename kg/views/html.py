"""Interactive HTML views of the graph: one self-contained file each, built over networkx.

Three views, written together by `write_views`:

- `graph.html`, who said what: actors, the positions they stated and the resources they pledged;
- `pledges.html`, who pledged what: pledgers -> resources -> recipients, with amounts and status;
- `network.html`, who appears with whom: actors linked by co-mention and co-statement, coloured by
  networkx (Louvain) community and sized by betweenness centrality.

pyvis 0.3.2 ships vis-network 9.1.2 but its page template loads Bootstrap from a CDN, so pages are
rendered with our own Jinja2 template (`templates/`), which inlines that shipped vis-network copy: no
`<script src>`, no `<link href>`, no network request (a Content-Security-Policy of
`default-src 'none'` makes the browser refuse any that slips in), so a file works from `file://`,
attached to an email or offline.

The layout is computed here (`kg.views.network.layout`, numpy) and the page draws with physics off:
in-browser stabilisation of 2,000 nodes takes tens of seconds on a small machine.

All text from the graph is data, never markup: it is embedded as JSON in a
`<script type="application/json">` element with `<`, `>` and `&` escaped; the page script sets every
text with `textContent` and vis-network shows string tooltips with `innerText`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.views import ViewError

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_VERSION = "9.1.2"

VIEWS: tuple[str, ...] = ("graph", "pledges", "network")
VIEW_FILES: dict[str, str] = {"graph": "graph.html", "pledges": "pledges.html", "network": "network.html"}
VIEW_TITLES: dict[str, str] = {
    "graph": "Who said what",
    "pledges": "Who pledged what",
    "network": "Who appears with whom",
}

# Colour per actor type (Tableau 10, readable on white and for most colour-blind readers) and per node kind.
TYPE_COLORS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "Group": "#b07aa1",
    "Actor": "#9c755f",
}
KIND_COLORS: dict[str, str] = {"position": "#d9cfbd", "statement": "#eeeeee", "resource": "#edc948"}
KIND_LABELS: dict[str, str] = {
    "position": "Position",
    "statement": "Statement (no position yet)",
    "resource": "Pledged resource",
}
# In the network view colour is the community, so shape tells the actor type.
TYPE_SHAPES: dict[str, str] = {
    "Person": "dot",
    "Organization": "square",
    "Country": "triangle",
    "Group": "diamond",
    "Actor": "dot",
}
COMMUNITY_COLORS: tuple[str, ...] = (
    "#4e79a7",
    "#e15759",
    "#59a14f",
    "#f28e2b",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#8cd17d",
)
OTHER_COMMUNITY = "#bab0ac"

# Relation names: those of kg.views.network (kept literal here so importing this module stays light).
STATED, PLEDGED, RECIPIENT, AFFILIATED = "stated", "pledged", "recipient", "affiliatedWith"
CO_QUOTED, CO_MENTIONED = "co-quoted", "co-mentioned"
RELATIONS: dict[str, dict[str, Any]] = {
    STATED: {"label": "stated", "color": "#7f8c9a", "width": 1},
    PLEDGED: {"label": "pledged", "color": "#c9a227", "width": 2},
    RECIPIENT: {"label": "pledged to", "color": "#c9a227", "width": 2, "dashes": True},
    AFFILIATED: {"label": "affiliated with", "color": "#c7c7c7", "width": 1, "dashes": True},
    CO_QUOTED: {"label": "quoted in the same story", "color": "#6b7b8c", "width": 1},
    CO_MENTIONED: {"label": "named in the same story", "color": "#d0d4d9", "width": 1},
}

LARGE = 400  # nodes above which the page hides edges while dragging and zooming
PLEDGE_COLUMN = 380.0  # pixels between the pledges page's columns


def write_views(
    data: Graph | nx.MultiDiGraph, out_dir: Path, *, views: Sequence[str] = VIEWS, note: str = ""
) -> dict[str, Path]:
    """Write every view (graph.html, pledges.html, network.html) into `out_dir`; returns view -> path.

    The graph is converted and its co-occurrence network computed once; every page is rendered
    before any is written, and each file is replaced atomically, so a reader never sees half a page.
    `note` is added to each page's title in brackets (e.g. that only part of a big corpus is drawn).
    """
    from kg.views.export import write_atomic
    from kg.views.network import cooccurrence

    for name in views:
        _check_view(name)
    graph = _as_network(data)
    net = cooccurrence(graph) if {"graph", "network"} & set(views) else None
    links = {name: VIEW_FILES[name] for name in VIEWS} if len(views) == len(VIEWS) else {}
    titles = {name: f"{VIEW_TITLES[name]} ({note})" if note else VIEW_TITLES[name] for name in views}
    pages = {name: _page(graph, name, titles[name], net, links) for name in views}
    return {name: write_atomic(Path(out_dir) / VIEW_FILES[name], text) for name, text in pages.items()}


def write_graph_html(data: Graph | nx.MultiDiGraph, path: Path, *, title: str = VIEW_TITLES["graph"]) -> Path:
    """Write the who-said-what graph (actors, positions, resources; stated/pledged edges) to `path`."""
    from kg.views.export import write_atomic

    return write_atomic(Path(path), view_html(data, "graph", title=title))


def write_pledges_html(
    data: Graph | nx.MultiDiGraph, path: Path, *, title: str = VIEW_TITLES["pledges"]
) -> Path:
    """Write the pledges graph (pledger -> resource -> recipient, with amounts and status) to `path`."""
    from kg.views.export import write_atomic

    return write_atomic(Path(path), view_html(data, "pledges", title=title))


def write_network_html(
    data: Graph | nx.MultiDiGraph, path: Path, *, title: str = VIEW_TITLES["network"]
) -> Path:
    """Write the co-mention/co-statement network of actors, with communities, to `path`."""
    from kg.views.export import write_atomic

    return write_atomic(Path(path), view_html(data, "network", title=title))


def view_html(data: Graph | nx.MultiDiGraph, view: str = "graph", *, title: str | None = None) -> str:
    """One view's page as a string: `view` is "graph", "pledges" or "network"."""
    _check_view(view)
    return _page(_as_network(data), view, VIEW_TITLES[view] if title is None else title, None, {})


def _page(graph: nx.MultiDiGraph, view: str, title: str, net: nx.Graph | None, links: dict[str, str]) -> str:
    """Render one view; `links` (view -> file name) adds a bar to the sibling pages written beside it."""
    if view == "pledges":
        payload = pledges_data(graph, title=title)
    elif view == "network":
        payload = network_data(graph, title=title, net=net)
    else:
        payload = graph_data(graph, title=title, net=net)
    return render_page(payload, title=title, links=links)


def graph_html(
    data: Graph | nx.MultiDiGraph, *, title: str = VIEW_TITLES["graph"], view: str = "graph"
) -> str:
    """The page as a string (kept for callers of the first version; see `view_html`)."""
    return view_html(data, view, title=title)


def pledges_subgraph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only pledge edges (pledger -> resource, resource -> recipient) and the nodes they touch."""
    import networkx as nx

    keep = [(u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation") if r in (PLEDGED, RECIPIENT)]
    sub = nx.MultiDiGraph(graph.edge_subgraph(keep))
    sub.graph.update(graph.graph)
    return sub


# --- payloads ----------------------------------------------------------------------------------------


class _Payload:
    """Builds the page data: short node ids, one record per fact, documents and topics by index."""

    def __init__(self, graph: nx.MultiDiGraph | nx.Graph, *, title: str, view: str) -> None:
        self.ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
        documents = graph.graph.get("documents", {})
        ordered = sorted(
            documents.items(), key=lambda item: (item[1].get("date") or "", item[1].get("id") or "")
        )
        self.documents = [dict(info) for _, info in ordered]
        self.doc_index = {iri: i for i, (iri, _) in enumerate(ordered)}
        self.doc_by_id = {info.get("id"): i for i, (_, info) in enumerate(ordered)}
        self.topics: list[str] = []
        self.topic_index: dict[str, int] = {}
        self.facts: list[dict[str, Any]] = []
        self.fact_index: dict[str, int] = {}
        self.title, self.view = title, view

    def topic(self, label: str) -> int:
        if label not in self.topic_index:
            self.topic_index[label] = len(self.topics)
            self.topics.append(label)
        return self.topic_index[label]

    def fact(self, u: str, v: str, attrs: dict[str, Any]) -> int | None:
        """The index of the statement or pledge behind an edge (one record per fact, shared by its edges)."""
        relation = attrs.get("relation")
        if relation == STATED:
            key = attrs.get("statement") or f"{u}|{v}|{attrs.get('char_start')}"
            record = {
                "kind": "statement",
                "speaker": self.ids[u],
                "target": self.ids.get(v),
                "quote": attrs.get("quote") or "",
                "cue": attrs.get("cue"),
                "quote_type": attrs.get("quote_type"),
                "sentence": attrs.get("sentence"),
                "position": attrs.get("position"),
                "stance": attrs.get("stance"),
                "topics": [self.topic(t) for t in attrs.get("topics") or ()],
                "doc": self._doc(attrs),
            }
        elif relation in (PLEDGED, RECIPIENT):
            key = attrs.get("pledge") or f"{u}|{v}|{attrs.get('char_start')}"
            pledger, resource = (u, v) if relation == PLEDGED else (None, u)
            recipient = attrs.get("recipient")
            record = {
                "kind": "pledge",
                "pledger_label": attrs.get("pledger_label"),
                "resource": attrs.get("resource"),
                "resource_node": self.ids.get(resource) if resource else None,
                "recipient": self.ids.get(recipient) if recipient else None,
                "recipient_label": attrs.get("recipient_label"),
                "amount": format_amount(attrs.get("amount"), attrs.get("currency")),
                "status": attrs.get("status"),
                "cue": attrs.get("cue"),
                "sentence": attrs.get("sentence"),
                "doc": self._doc(attrs),
            }
            if pledger:
                record["pledger"] = self.ids[pledger]
        else:
            return None
        if key in self.fact_index:
            index = self.fact_index[key]
            if relation == PLEDGED:
                self.facts[index]["pledger"] = self.ids[u]
            return index
        self.fact_index[key] = len(self.facts)
        self.facts.append(
            {k: val for k, val in record.items() if val not in (None, [], "")} | {"kind": record["kind"]}
        )
        return self.fact_index[key]

    def _doc(self, attrs: dict[str, Any]) -> int | None:
        if attrs.get("doc") in self.doc_index:
            return self.doc_index[attrs["doc"]]
        return self.doc_by_id.get(attrs.get("doc_id"))

    def actor(self, node: str, attrs: dict[str, Any]) -> dict[str, Any]:
        """The node record of an actor: what its tooltip, the panel and the filters need."""
        record = {
            "id": self.ids[node],
            "iri": node,
            "label": str(attrs.get("label") or node),
            "kind": "actor",
            "type": attrs.get("type", "Actor"),
            "aliases": [a for a in attrs.get("aliases", []) if a != attrs.get("label")],
            "roles": list(attrs.get("roles", [])),
            "affiliations": [self.ids[a] for a in attrs.get("affiliations", []) if a in self.ids],
            "affiliation_labels": list(attrs.get("affiliation_labels", [])),
            "country_code": attrs.get("country_code"),
            "statements": int(attrs.get("statements", 0)),
            "pledges": int(attrs.get("pledges", 0)),
            "docs": sorted({self.doc_by_id[d] for d in attrs.get("documents", []) if d in self.doc_by_id}),
        }
        return {k: v for k, v in record.items() if v not in (None, [], "")} | {"id": record["id"]}

    def edges(self, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
        """One record per edge: its ends, relation, fact, and the documents and topics it belongs to."""
        edges = []
        for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
            relation = attrs.get("relation", "")
            edge: dict[str, Any] = {
                "id": f"e{index}",
                "from": self.ids[u],
                "to": self.ids[v],
                "relation": relation,
            }
            fact = self.fact(u, v, attrs)
            if fact is not None:
                edge["fact"] = fact
                record = self.facts[fact]
                if record.get("doc") is not None:
                    edge["docs"] = [record["doc"]]
                if record.get("topics"):
                    edge["topics"] = record["topics"]
            edges.append(edge)
        return edges

    def finish(
        self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], **extra: Any
    ) -> dict[str, Any]:
        """The whole payload: nodes (with their facts' indices), edges, facts, documents, topics, styles."""
        present = {e["relation"] for e in edges}
        relations = [{"name": name, **style} for name, style in RELATIONS.items() if name in present] + [
            {"name": r, "label": r, "color": "#999999", "width": 1} for r in sorted(present - set(RELATIONS))
        ]
        types = sorted({n["type"] for n in nodes if n.get("kind") == "actor"})
        # each node lists its facts by index: what an actor said, pledged and received; what a
        # position or resource is about
        by_id = {n["id"]: n for n in nodes}
        for index, fact in enumerate(self.facts):
            for role, key in (("said", "speaker"), ("pledged", "pledger"), ("received", "recipient")):
                node = by_id.get(fact.get(key))
                if node is not None:
                    node.setdefault(role, []).append(index)
            target = by_id.get(fact.get("target") or fact.get("resource_node"))
            if target is not None:
                target.setdefault("about", []).append(index)
        return {
            "title": self.title,
            "view": self.view,
            "nodes": nodes,
            "edges": edges,
            "facts": self.facts,
            "documents": self.documents,
            "topics": self.topics,
            "types": [{"name": t, "color": TYPE_COLORS.get(t, TYPE_COLORS["Actor"])} for t in types],
            "relations": relations,
            # arrowheads cost a fifth of the first frame at 5,000 edges; on large graphs only the
            # resource -> recipient lines keep them (the node shapes tell the other directions)
            "arrows": [r["name"] for r in relations if r["name"] == RECIPIENT or len(nodes) <= LARGE]
            if self.view != "network"
            else [],
            "lazy_labels": len(nodes) > LARGE,
            **extra,
        }


def graph_data(
    graph: nx.MultiDiGraph, *, title: str = VIEW_TITLES["graph"], net: nx.Graph | None = None
) -> dict[str, Any]:
    """The who-said-what page's data: actors, positions and resources with stated/pledged edges.

    `net` is the co-occurrence network (`kg.views.network.cooccurrence`) if already computed; its
    centrality is the page's second way to size actors.
    """
    from kg.views.network import cooccurrence, layout

    payload = _Payload(graph, title=title, view="graph")
    activity = _activity_sizes(graph)
    positions = layout(graph, sizes=activity)
    net = cooccurrence(graph) if net is None else net
    central = _centrality_sizes(net)
    nodes = []
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind", "actor")
        if kind == "actor":
            record = payload.actor(node, attrs)
            record["group"] = record["type"]
            record["sizes"] = [activity[node], central.get(node, 10.0)]
            record["size"] = record["sizes"][0]
            record["centrality"] = net.nodes[node].get("centrality", 0.0) if node in net else 0.0
        else:
            record = {
                "id": payload.ids[node],
                "iri": node,
                "label": str(attrs.get("label") or node),
                "kind": kind,
                "group": kind,
            }
            if attrs.get("topics"):
                record["topics"] = [payload.topic(t) for t in attrs["topics"]]
            if attrs.get("stance"):
                record["stance"] = attrs["stance"]
        record["x"], record["y"] = positions.get(node, (0.0, 0.0))
        nodes.append(record)
    edges = payload.edges(graph)
    return payload.finish(
        nodes,
        edges,
        groups=_groups({n["group"] for n in nodes}),
        legend=_legend(nodes),
        sizes=["statements and pledges", "centrality among co-mentioned actors"],
        filters=["doc", "topic", "size"],
        options=_vis_options(len(nodes)),
        counts=_counts(graph),
    )


def pledges_data(graph: nx.MultiDiGraph, *, title: str = VIEW_TITLES["pledges"]) -> dict[str, Any]:
    """The pledges page's data: pledgers, resources and recipients in three columns, left to right."""
    from kg.views.network import pledge_layers

    sub = pledges_subgraph(graph)
    payload = _Payload(sub, title=title, view="pledges")
    sizes = _activity_sizes(sub, pledges_only=True)
    positions = pledge_layers(sub, sizes=sizes, column=PLEDGE_COLUMN)
    nodes = []
    for node, attrs in sub.nodes(data=True):
        kind = attrs.get("kind", "actor")
        if kind == "actor":
            record = payload.actor(node, attrs)
            record["group"] = record["type"]
            record["size"] = sizes[node]
        else:
            record = {"id": payload.ids[node], "iri": node, "label": str(attrs.get("label") or node)}
            record |= {"kind": kind, "group": kind}
        record["x"], record["y"] = positions[node]
        nodes.append(record)
    edges = payload.edges(sub)
    for edge in edges:
        fact = payload.facts[edge["fact"]] if "fact" in edge else {}
        if edge["relation"] == PLEDGED and fact.get("amount"):
            edge["label"] = fact["amount"]
    options = _vis_options(len(nodes))
    options["edges"]["font"] = {"size": 11, "align": "top", "strokeWidth": 3}
    return payload.finish(
        nodes,
        edges,
        groups=_groups({n["group"] for n in nodes}),
        legend=_legend(nodes),
        options=options,
        counts=_counts(sub),
        columns=[
            {"label": name, "x": x * PLEDGE_COLUMN}
            for x, name in enumerate(("Pledgers", "Resources", "Recipients"))
        ],
        filters=["doc"],
    )


def network_data(
    graph: nx.MultiDiGraph, *, title: str = VIEW_TITLES["network"], net: nx.Graph | None = None
) -> dict[str, Any]:
    """The overview page's data: actors linked by co-mention/co-statement, coloured by community."""
    from kg.views.network import cooccurrence, layout

    net = cooccurrence(graph) if net is None else net
    payload = _Payload(net, title=title, view="network")
    # the actors' own statements and pledges, for the side panel (they are not edges of this graph)
    for u, v, attrs in graph.edges(data=True):
        if attrs.get("relation") in (STATED, PLEDGED) and u in payload.ids:
            payload.fact(u, v, attrs)
    central, activity = _centrality_sizes(net), _activity_sizes(net)
    positions = layout(net, sizes=central)
    names: list[str] = []
    members: dict[int, list[tuple[float, str]]] = {}
    for node, attrs in net.nodes(data=True):
        members.setdefault(attrs["community"], []).append((-attrs.get("centrality", 0.0), node))
    for community in range(len(members)):
        ranked = sorted(members.get(community, []), key=lambda m: (m[0], str(net.nodes[m[1]].get("label"))))
        names.append(str(net.nodes[ranked[0][1]].get("label")) if ranked else "")
    nodes = []
    for node, attrs in net.nodes(data=True):
        record = payload.actor(node, attrs)
        community = attrs["community"]
        crowd = len(members.get(community, ())) > 1
        colour = (
            COMMUNITY_COLORS[community] if crowd and community < len(COMMUNITY_COLORS) else OTHER_COMMUNITY
        )
        centrality = attrs.get("centrality", 0.0)
        record |= {
            "group": record["type"],
            "community": community,
            "centrality": centrality,
            "color": colour,
            "sizes": [central[node], activity[node]],
        }
        record["size"] = record["sizes"][0]
        record["x"], record["y"] = positions.get(node, (0.0, 0.0))
        nodes.append(record)
    edges = []
    for index, (u, v, attrs) in enumerate(net.edges(data=True)):
        docs = sorted({payload.doc_by_id[d] for d in attrs["documents"] if d in payload.doc_by_id})
        edges.append(
            {
                "id": f"e{index}",
                "from": payload.ids[u],
                "to": payload.ids[v],
                "relation": attrs["relation"],
                "docs": docs,
                "weight": attrs["weight"],
                "quoted": attrs["quoted"],
                "width": round(1 + math.log2(attrs["weight"]), 2),
            }
        )
    communities = [
        {
            "index": i,
            "name": names[i],
            "size": len(members.get(i, ())),
            "color": COMMUNITY_COLORS[i]
            if i < len(COMMUNITY_COLORS) and len(members.get(i, ())) > 1
            else OTHER_COMMUNITY,
        }
        for i in range(len(names))
    ]
    options = _vis_options(len(nodes))
    options["edges"] = {"smooth": False, "color": {"inherit": False}}
    legend = [
        {"label": c["name"] + f" and {c['size'] - 1} more", "color": c["color"], "shape": "dot"}
        for c in communities[: len(COMMUNITY_COLORS)]
        if c["size"] > 1
    ]
    legend += [
        {"label": t, "color": "#ffffff", "shape": TYPE_SHAPES.get(t, "dot")}
        for t in sorted({n["type"] for n in nodes})
    ]
    return payload.finish(
        nodes,
        edges,
        groups={t: {"shape": TYPE_SHAPES.get(t, "dot"), "font": _ACTOR_FONT} for t in TYPE_SHAPES},
        legend=legend,
        sizes=["centrality (betweenness)", "statements and pledges"],
        filters=["doc", "community", "size"],
        communities=communities,
        options=options,
        counts={
            "actors": net.number_of_nodes(),
            "links": net.number_of_edges(),
            "communities": sum(1 for c in communities if c["size"] > 1),
        },
    )


# --- page --------------------------------------------------------------------------------------------


def render_page(payload: dict[str, Any], *, title: str, links: dict[str, str] | None = None) -> str:
    """Fill the page template: vis-network, our CSS and script inline, the data as escaped JSON.

    `links` maps view names to the relative file names of sibling pages, for the bar of views.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    template = env.get_template("graph.html.j2")
    return template.render(
        title=title,
        view=payload.get("view", "graph"),
        links=[(name, VIEW_TITLES[name], href) for name, href in (links or {}).items()],
        vis_css=_inline_safe(_vis_css(), "style"),
        vis_js=_inline_safe(_vis_asset("vis-network.min.js"), "script"),
        page_css=_inline_safe((TEMPLATES / "graph.css").read_text(encoding="utf-8"), "style"),
        page_js=_inline_safe((TEMPLATES / "graph.js").read_text(encoding="utf-8"), "script"),
        data_json=json_for_html(payload),
        vis_version=VIS_VERSION,
    )


def json_for_html(value: Any) -> str:
    """JSON that is safe inside a `<script>` element: `<`, `>`, `&` and line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def format_amount(amount: Decimal | None, currency: str | None) -> str | None:
    """A readable amount, e.g. "EUR 250 million" for 250000000 EUR; None when there is no amount."""
    if amount is None:
        return None
    for size, word in (
        (Decimal(10) ** 12, "trillion"),
        (Decimal(10) ** 9, "billion"),
        (Decimal(10) ** 6, "million"),
    ):
        if abs(amount) >= size:
            number = f"{(amount / size).normalize():f} {word}"
            break
    else:
        number = f"{amount.normalize():,f}"
    return f"{currency} {number}" if currency else number


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ViewError(f"Unknown view '{view}'; use one of: {', '.join(VIEWS)}.")


def _as_network(data: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx

    from kg.views.network import to_networkx

    return data if isinstance(data, nx.MultiDiGraph) else to_networkx(data)


def _vis_asset(name: str) -> str:
    """A file of the vis-network copy shipped inside pyvis, without its source-map reference."""
    asset = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}", name)
    try:
        text = asset.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as exc:
        raise ViewError(
            f"The vis-network {VIS_VERSION} copy shipped with pyvis is missing ({name})."
        ) from exc
    return re.sub(r"/[/*]# sourceMappingURL=\S+(\s*\*/)?", "", text)


def _vis_css() -> str:
    """vis-network's CSS for the canvas and tooltips only: the rules for its navigation buttons,
    editing toolbar and configurator (unused here) are 200 KB of inline images."""
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", _vis_asset("vis-network.css"))
    keep = {"vis-network", "vis-tooltip"}
    return "".join(f"{sel}{{{body}}}" for sel, body in rules if set(re.findall(r"vis-[a-z-]+", sel)) <= keep)


def _inline_safe(text: str, element: str) -> str:
    """Check code can sit inside a `<script>`/`<style>` element: it must not close that element early."""
    if re.search(rf"</{element}", text, re.IGNORECASE):
        raise ViewError(f"Cannot inline code that contains '</{element}'.")
    return text


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value)
    raise TypeError(f"Cannot encode {type(value).__name__} as JSON")


_ACTOR_FONT = {"size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"}


def _activity_sizes(graph: nx.MultiDiGraph | nx.Graph, pledges_only: bool = False) -> dict[str, float]:
    """Actor radii from 10 to 40 px by statements and pledges (or pledges alone), relative to the busiest."""
    weights = {
        n: float(a.get("pledges", 0)) + (0.0 if pledges_only else float(a.get("statements", 0)))
        for n, a in graph.nodes(data=True)
        if a.get("kind", "actor") == "actor"
    }
    top = max(weights.values(), default=0.0) or 1.0
    return {n: round(10 + 30 * math.sqrt(w / top), 1) for n, w in weights.items()}


def _centrality_sizes(net: nx.Graph) -> dict[str, float]:
    """Actor radii from 10 to 40 px by betweenness centrality, relative to the most central."""
    values = dict(net.nodes(data="centrality", default=0.0))
    top = max(values.values(), default=0.0) or 1.0
    return {n: round(10 + 30 * math.sqrt((c or 0.0) / top), 1) for n, c in values.items()}


def _groups(names: Iterable[str]) -> dict[str, dict[str, Any]]:
    """vis-network groups: the style of each actor type and node kind, so nodes carry none of their own.

    Positions are small squares with their label below (wrapped): zoomed out, a graph of hundreds of
    positions stays a readable pattern of dots instead of a wall of empty boxes.
    """
    groups: dict[str, dict[str, Any]] = {}
    for name in sorted(names):
        if name in KIND_COLORS:
            groups[name] = {
                "shape": "diamond" if name == "resource" else "square",
                "size": 10 if name == "resource" else 7,
                "color": {"background": KIND_COLORS[name], "border": "#8c8577"},
                "font": {"size": 12, "color": "#3d444d"},
                "widthConstraint": {"maximum": 200},
            }
        else:
            color = TYPE_COLORS.get(name, TYPE_COLORS["Actor"])
            groups[name] = {"shape": "dot", "color": color, "font": _ACTOR_FONT}
    return groups


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    types = sorted({n["type"] for n in nodes if n.get("kind") == "actor"})
    kinds = {n.get("kind") for n in nodes}
    legend = [{"label": t, "color": TYPE_COLORS.get(t, TYPE_COLORS["Actor"]), "shape": "dot"} for t in types]
    legend += [
        {
            "label": KIND_LABELS[kind],
            "color": KIND_COLORS[kind],
            "shape": "diamond" if kind == "resource" else "box",
        }
        for kind in ("position", "statement", "resource")
        if kind in kinds
    ]
    return legend


def _counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    relations = [r for _, _, r in graph.edges(data="relation")]
    return {
        "actors": sum(1 for _, k in graph.nodes(data="kind") if k == "actor"),
        "statements": relations.count(STATED),
        "pledges": relations.count(PLEDGED),
        "documents": len(graph.graph.get("documents", {})),
    }


def _vis_options(node_count: int) -> dict[str, Any]:
    """vis-network options: positions come precomputed, so physics is off and the first frame is final."""
    large = node_count > LARGE
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {
            "hover": not large,  # hover highlighting redraws everything on each mouse move
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
        },
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.6}}},
        "nodes": {"borderWidth": 1},
    }
