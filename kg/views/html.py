"""Interactive HTML views of the graph: one self-contained file each, built with pyvis over networkx.

pyvis 0.3.2 turns the networkx graph into vis-network nodes and edges, but its page template loads
Bootstrap from a CDN, so the page is rendered with our own Jinja2 template (`templates/`), which
inlines the vis-network copy that pyvis ships: no `<script src>`, no `<link href>`, no network request
(a Content-Security-Policy of `default-src 'none'` makes the browser refuse any that slips in), so the
file works from `file://`, attached to an email or offline.

All text from the graph is data, never markup: it is embedded as JSON in a
`<script type="application/json">` element with `<`, `>` and `&` escaped, tooltips are plain strings
(vis-network sets them with `innerText`) and the side panel is built with `textContent` only.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.views import ViewError
from kg.views.export import write_atomic
from kg.views.network import AFFILIATED, PLEDGED, RECIPIENT, STATED, to_networkx

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_VERSION = "9.1.2"

# Colour per actor type (Tableau 10, readable on white and for most colour-blind readers) and per node kind.
TYPE_COLORS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "Group": "#b07aa1",
    "Actor": "#9c755f",
}
KIND_COLORS: dict[str, str] = {"position": "#d9d2c3", "statement": "#eeeeee", "resource": "#edc948"}
RELATION_COLORS: dict[str, str] = {
    STATED: "#7f8c9a",
    PLEDGED: "#c9a227",
    RECIPIENT: "#c9a227",
    AFFILIATED: "#c7c7c7",
}
RELATION_LABELS: dict[str, str] = {
    STATED: "stated",
    PLEDGED: "pledged",
    RECIPIENT: "pledged to",
    AFFILIATED: "affiliated with",
}


def write_graph_html(data: Graph | nx.MultiDiGraph, path: Path, *, title: str = "Who said what") -> Path:
    """Write the who-said-what graph (actors, positions, resources; stated/pledged edges) to `path`."""
    return write_atomic(Path(path), graph_html(data, title=title))


def write_pledges_html(data: Graph | nx.MultiDiGraph, path: Path, *, title: str = "Who pledged what") -> Path:
    """Write the pledges graph (pledger -> resource -> recipient, with amounts and status) to `path`."""
    return write_atomic(Path(path), graph_html(data, title=title, view="pledges"))


def graph_html(data: Graph | nx.MultiDiGraph, *, title: str = "Who said what", view: str = "graph") -> str:
    """The page as a string: `view` is "graph" (who said what) or "pledges"."""
    graph = data if isinstance(data, nx.MultiDiGraph) else to_networkx(data)
    if view == "pledges":
        graph = pledges_subgraph(graph)
    elif view != "graph":
        raise ViewError(f"Unknown HTML view '{view}'; use graph or pledges.")
    payload = page_data(graph, title=title, view=view)
    return render_page(payload, title=title)


def pledges_subgraph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only pledge edges (pledger -> resource, resource -> recipient) and the nodes they touch."""
    keep = [(u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation") if r in (PLEDGED, RECIPIENT)]
    sub = nx.MultiDiGraph(graph.edge_subgraph(keep))
    sub.graph.update(graph.graph)
    return sub


def page_data(graph: nx.MultiDiGraph, *, title: str, view: str = "graph") -> dict[str, Any]:
    """Everything the page's script needs, as JSON-ready data: vis nodes/edges, options and panel details."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        net.add_node(node, **_vis_node(node, attrs))
    for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
        net.add_edge(u, v, **_vis_edge(f"e{index}", graph, u, v, attrs))
    nodes, edges, *_ = net.get_network_data()

    present = {attrs.get("relation", "") for _, _, attrs in graph.edges(data=True)}
    relations = [r for r in RELATION_LABELS if r in present] + sorted(present - set(RELATION_LABELS) - {""})
    kinds = {attrs.get("kind") for _, attrs in graph.nodes(data=True)}
    types = sorted({a.get("type", "Actor") for _, a in graph.nodes(data=True) if a.get("kind") == "actor"})
    legend = [{"label": t, "color": TYPE_COLORS.get(t, TYPE_COLORS["Actor"]), "shape": "dot"} for t in types]
    legend += [
        {"label": label, "color": KIND_COLORS[kind], "shape": shape}
        for kind, label, shape in (
            ("position", "Position", "box"),
            ("statement", "Statement (no position yet)", "box"),
            ("resource", "Pledged resource", "diamond"),
        )
        if kind in kinds
    ]
    return {
        "title": title,
        "view": view,
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(graph.number_of_nodes()),
        "details": {node: _details(graph, node, attrs) for node, attrs in graph.nodes(data=True)},
        "search": _search_index(graph),
        "legend": legend,
        "relations": [
            {"name": r, "label": RELATION_LABELS.get(r, r), "color": RELATION_COLORS.get(r, "#999")}
            for r in relations
        ],
        "documents": graph.graph.get("documents", {}),
        "counts": _counts(graph),
    }


def render_page(payload: dict[str, Any], *, title: str) -> str:
    """Fill the page template: vis-network, our CSS and script inline, the data as escaped JSON."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    template = env.get_template("graph.html.j2")
    return template.render(
        title=title,
        vis_css=_inline_safe(_vis_asset("vis-network.css"), "style"),
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


def _vis_node(node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    kind = attrs.get("kind", "actor")
    label = str(attrs.get("label") or node)
    if kind == "actor":
        weight = int(attrs.get("statements", 0)) + int(attrs.get("pledges", 0))
        return {
            "label": label,
            "title": _actor_tooltip(attrs),
            "shape": "dot",
            "color": TYPE_COLORS.get(attrs.get("type", "Actor"), TYPE_COLORS["Actor"]),
            "size": round(
                12 + 8 * math.sqrt(attrs.get("statements", 0)) + 3 * math.sqrt(attrs.get("pledges", 0)), 1
            ),
            "mass": 1 + weight / 4,
            "font": {"size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "kind": "actor",
            "type": attrs.get("type", "Actor"),
        }
    if kind == "resource":
        return {
            "label": _clip(label, 40),
            "title": f"{label}\nPledged resource · {attrs.get('pledges', 0)} pledge(s)",
            "shape": "diamond",
            "color": KIND_COLORS["resource"],
            "size": 12,
            "font": {"size": 12},
            "kind": "resource",
        }
    topics = attrs.get("topics") or []
    tooltip = label if kind == "position" else f"\u201c{label}\u201d"
    if topics:
        tooltip += "\nTopic: " + ", ".join(topics)
    return {
        "label": _clip(label, 40),
        "title": tooltip,
        "shape": "box",
        "color": KIND_COLORS.get(kind, KIND_COLORS["position"]),
        "font": {"size": 12},
        "margin": 6,
        "kind": kind,
    }


def _actor_tooltip(attrs: dict[str, Any]) -> str:
    lines = [str(attrs.get("label", ""))]
    about = [attrs.get("type", "Actor"), *attrs.get("roles", [])]
    lines.append(" · ".join(str(a) for a in about if a))
    if attrs.get("affiliation_labels"):
        lines.append("Affiliated with " + ", ".join(attrs["affiliation_labels"]))
    lines.append(f"{attrs.get('statements', 0)} statement(s), {attrs.get('pledges', 0)} pledge(s)")
    return "\n".join(lines)


def _vis_edge(edge_id: str, graph: nx.MultiDiGraph, u: str, v: str, attrs: dict[str, Any]) -> dict[str, Any]:
    relation = attrs.get("relation", "")
    edge: dict[str, Any] = {
        "id": edge_id,
        "title": _edge_tooltip(graph, u, v, attrs),
        "color": RELATION_COLORS.get(relation, "#999999"),
        "relation": relation,
        "arrows": "to",
        "width": 1,
    }
    if relation in (PLEDGED, RECIPIENT):
        edge["width"] = 2
    if relation in (RECIPIENT, AFFILIATED):
        edge["dashes"] = True
    if attrs.get("doc"):
        edge["doc"] = attrs["doc"]
    return edge


def _edge_tooltip(graph: nx.MultiDiGraph, u: str, v: str, attrs: dict[str, Any]) -> str:
    relation = attrs.get("relation", "")
    source = graph.nodes[u].get("label", u)
    target = graph.nodes[v].get("label", v)
    if relation == STATED:
        head = f"{source} {attrs.get('cue') or 'said'}"
        if attrs.get("quote_type"):
            head += f" ({attrs['quote_type']})"
        lines = [head + ":", f"\u201c{_clip(attrs.get('quote') or '', 300)}\u201d"]
        if attrs.get("position"):
            lines.append(f"Position: {attrs['position']}")
    elif relation in (PLEDGED, RECIPIENT):
        pledger, status = attrs.get("pledger_label") or source, attrs.get("status") or "pledged"
        lines = [f"{pledger} {status}: {attrs.get('resource')}"]
        amount = format_amount(attrs.get("amount"), attrs.get("currency"))
        if amount:
            lines.append(f"Amount: {amount}")
        if attrs.get("recipient_label"):
            lines.append(f"To: {attrs['recipient_label']}")
    else:
        return f"{source} is affiliated with {target}"
    lines.append(_doc_line(attrs))
    return "\n".join(line for line in lines if line)


def _doc_line(attrs: dict[str, Any]) -> str:
    name = attrs.get("doc_title") or attrs.get("doc_id") or ""
    return f"{name} ({attrs['doc_date']})" if attrs.get("doc_date") and name else name


def _details(graph: nx.MultiDiGraph, node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """What the side panel shows for a node: its attributes and the facts around it, in reading order."""
    detail = {k: v for k, v in attrs.items() if k not in ("documents",)}
    if attrs.get("kind") == "actor":
        detail["statements"] = _facts(graph.out_edges(node, data=True), STATED, graph)
        detail["pledges"] = _facts(graph.out_edges(node, data=True), PLEDGED, graph)
        detail["received"] = _facts(graph.in_edges(node, data=True), RECIPIENT, graph)
        detail["documents"] = attrs.get("documents", [])
    else:
        detail["statements"] = _facts(graph.in_edges(node, data=True), STATED, graph)
        detail["pledges"] = _facts(graph.in_edges(node, data=True), PLEDGED, graph)
    return detail


def _facts(edges: Any, relation: str, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    facts = []
    for u, v, attrs in edges:
        if attrs.get("relation") != relation:
            continue
        fact = {k: val for k, val in attrs.items() if val is not None and k != "relation"}
        fact["from"] = graph.nodes[u].get("label", u)
        fact["to"] = graph.nodes[v].get("label", v)
        if relation in (PLEDGED, RECIPIENT):
            fact["amount_text"] = format_amount(attrs.get("amount"), attrs.get("currency"))
        facts.append(fact)
    facts.sort(key=lambda f: (f.get("doc_date") or "", f.get("doc_id") or "", f.get("char_start") or 0))
    return facts


def _search_index(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Names and aliases to search, actors first, so the search box can focus the right node."""
    entries = []
    for node, attrs in graph.nodes(data=True):
        names = [str(attrs.get("label") or node), *attrs.get("aliases", [])]
        entries.append({"id": node, "names": names, "actor": attrs.get("kind") == "actor"})
    entries.sort(key=lambda e: (not e["actor"], e["names"][0].lower()))
    return entries


def _counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    relations = [r for _, _, r in graph.edges(data="relation")]
    return {
        "actors": sum(1 for _, k in graph.nodes(data="kind") if k == "actor"),
        "statements": relations.count(STATED),
        "pledges": relations.count(PLEDGED),
        "documents": len(graph.graph.get("documents", {})),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }


def _vis_options(node_count: int) -> dict[str, Any]:
    """vis-network options: a seeded layout that stabilises off-screen, then the script turns physics off."""
    large = node_count > 300
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 300 if large else 600, "updateInterval": 25},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "multiselect": False},
        "edges": {
            "smooth": False if large else {"type": "continuous"},
            "arrows": {"to": {"scaleFactor": 0.6}},
        },
        "nodes": {"borderWidth": 1},
    }


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
