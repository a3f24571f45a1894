"""The HTML views in a real browser: Playwright driving the system Chromium, headless, from file://.

For the seed articles' build and for a generated 2,000-node / 5,000-edge graph: no request other
than the page itself, none failed, no console error, every node drawn, a click on an actor lists
their statements, search finds an alias, filters hide what they should. Screenshots are saved under
each test's tmp folder (`pytest --basetemp DIR` to keep them somewhere known).

Chromium comes from the system packages (`apt-get install chromium`), never downloaded by
Playwright; the tests skip with the reason when it is absent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.views.export import load
from kg.views.html import VIEWS, pledges_subgraph, write_views
from kg.views.network import PLEDGED, RECIPIENT, STATED, cooccurrence, synthetic_graph, to_networkx

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
FACT_RELATIONS = (STATED, PLEDGED, RECIPIENT)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A page loaded from file://, with everything it asked for and complained about."""

    page: Any
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible(self) -> set[str]:
        """IRIs of the nodes vis-network draws now (not hidden)."""
        return set(self.page.evaluate(VISIBLE_IRIS))

    def visible_edges(self) -> list[dict[str, Any]]:
        return self.page.evaluate(
            "() => { const d = kgView.data; const ids = new Set(kgView.visibleEdgeIds());"
            " return d.edges.filter(e => ids.has(e.id)); }"
        )


VISIBLE_IRIS = (
    "() => { const ids = new Set(kgView.visibleNodeIds());"
    " return kgView.data.nodes.filter(n => ids.has(n.id)).map(n => n.iri); }"
)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    pages: list[Any] = []

    def opener(path: Path, ready: bool = True) -> Opened:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        pages.append(page)
        opened = Opened(page)
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("requestfailed", lambda r: opened.failed.append(f"{r.url} {r.failure}"))
        page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        if ready:
            page.wait_for_selector("body[data-ready]", timeout=60_000)
        return opened

    yield opener
    for page in pages:
        page.close()


def assert_offline_and_clean(opened: Opened, path: Path) -> None:
    assert opened.requests == [path.as_uri()]  # the page itself, nothing else, nothing off file://
    assert opened.failed == []
    assert opened.errors == []
    assert opened.dialogs == []


def page_id(opened: Opened, iri: str) -> str:
    return opened.page.evaluate("iri => kgView.data.nodes.find(n => n.iri === iri).id", iri)


def click_actor(opened: Opened, candidates: list[str]) -> str:
    """Click the first candidate actor that is drawn on top at its own position; returns its IRI."""
    for iri in candidates:
        node = page_id(opened, iri)
        point = opened.page.evaluate(
            """id => {
                const net = kgView.network;
                net.moveTo({ position: net.getPosition(id), scale: 1.5, animation: false });
                const dom = net.canvasToDOM(net.getPosition(id));
                if (net.getNodeAt(dom) !== id) return null;
                const box = document.getElementById('graph').getBoundingClientRect();
                return [box.left + dom.x, box.top + dom.y];
            }""",
            node,
        )
        if point is None:
            continue
        opened.page.mouse.click(*point)
        opened.page.wait_for_function("id => document.getElementById('panel').dataset.node === id", arg=node)
        return iri
    raise AssertionError("no candidate actor could be clicked")


def panel_quotes(opened: Opened) -> list[str]:
    texts = opened.page.eval_on_selector_all(
        "#panel ol[data-section='Statements'] blockquote", "els => els.map(e => e.textContent)"
    )
    return sorted(t.strip("\u201c\u201d") for t in texts)


def expected_visible(
    graph: nx.MultiDiGraph,
    documents: list[str],
    topics: list[str],
    *,
    types_off: tuple[str, ...] = (),
    relations_off: tuple[str, ...] = (),
    doc: int | None = None,
    topic: int | None = None,
) -> set[str]:
    """What the filters should leave, from the graph: the page's contract, written independently.

    Actors of an unchecked type go; a fact (statement, pledge) shows when its relation is on, both
    its ends stay, and it is from the chosen document and on the chosen topic; a position or
    resource shows while one of its facts does; with a document or topic chosen, an actor shows
    when one of its facts does (or, for a document alone, when the document names it).
    """
    allowed = {n for n, a in graph.nodes(data=True) if not (a["kind"] == "actor" and a["type"] in types_off)}
    linked: set[str] = set()
    for u, v, a in graph.edges(data=True):
        if a["relation"] not in FACT_RELATIONS or a["relation"] in relations_off:
            continue
        if u not in allowed or v not in allowed:
            continue
        if doc is not None and a.get("doc_id") != documents[doc]:
            continue
        if topic is not None and topics[topic] not in (a.get("topics") or []):
            continue
        linked.update((u, v))
    shown = set()
    for node, a in graph.nodes(data=True):
        if node not in allowed:
            continue
        if a["kind"] != "actor" or doc is not None or topic is not None:
            named = topic is None and doc is not None and documents[doc] in a.get("documents", [])
            if node not in linked and not (a["kind"] == "actor" and named):
                continue
        shown.add(node)
    return shown


def neighbourhood(graph: nx.MultiDiGraph, actor: str) -> set[str]:
    """The actor, its neighbours, and the nodes behind a neighbour that is not an actor."""
    plain = nx.Graph(graph)
    found = {actor, *plain[actor]}
    for other in list(plain[actor]):
        if graph.nodes[other]["kind"] != "actor":
            found.update(plain[other])
    return found


def check_filters(opened: Opened, graph: nx.MultiDiGraph, shots: Path | None, every: bool = True) -> None:
    """The who-said-what page's filters against `expected_visible`, then back to everything.

    Actor type, document and neighbourhood always; relation and topic too when `every` (each change
    redraws thousands of nodes on the large graph, and the seeds cover those two already).
    """
    page = opened.page
    documents = [d["id"] for d in page.evaluate("kgView.data.documents")]
    topics = page.evaluate("kgView.data.topics")
    everything = set(graph)
    assert opened.visible() == everything

    kinds = {a["type"] for _, a in graph.nodes(data=True) if a["kind"] == "actor"}
    person = "Person" if "Person" in kinds else sorted(kinds)[0]
    page.uncheck(f"#f-types input[value='{person}']")
    expected = expected_visible(graph, documents, topics, types_off=(person,))
    assert opened.visible() == expected
    assert not any(
        graph.nodes[n].get("type") == person for n in expected if graph.nodes[n]["kind"] == "actor"
    )
    page.check(f"#f-types input[value='{person}']")
    assert opened.visible() == everything

    if every:
        page.uncheck(f"#f-relations input[value='{STATED}']")
        assert opened.visible() == expected_visible(graph, documents, topics, relations_off=(STATED,))
        assert all(e["relation"] != STATED for e in opened.visible_edges())
        page.check(f"#f-relations input[value='{STATED}']")

    per_document = Counter(a.get("doc_id") for *_, a in graph.edges(data=True))
    busiest = max(range(len(documents)), key=lambda i: per_document[documents[i]])
    page.select_option("#f-doc", str(busiest))
    expected = expected_visible(graph, documents, topics, doc=busiest)
    assert opened.visible() == expected and expected != everything
    if shots:
        page.screenshot(path=str(shots / "filtered-by-document.png"))
    page.select_option("#f-doc", "")

    if topics and every:
        counts = [sum(t in (a.get("topics") or []) for *_, a in graph.edges(data=True)) for t in topics]
        chosen = max(range(len(topics)), key=counts.__getitem__)
        page.select_option("#f-topic", str(chosen))
        expected = expected_visible(graph, documents, topics, topic=chosen)
        assert opened.visible() == expected and expected != everything
        positions = [n for n in expected if graph.nodes[n]["kind"] == "position"]
        assert positions and all(topics[chosen] in graph.nodes[n]["topics"] for n in positions)
        page.select_option("#f-topic", "")
    assert opened.visible() == everything

    # one actor's neighbourhood, from the side panel
    speaker = max(
        (n for n, a in graph.nodes(data=True) if a["kind"] == "actor"), key=lambda n: graph.degree(n)
    )
    page.evaluate("id => kgView.show(id)", page_id(opened, speaker))
    page.click("#focus-button")
    assert opened.visible() == neighbourhood(graph, speaker)
    assert page.is_visible("#focus-banner")
    if shots:
        page.screenshot(path=str(shots / "neighbourhood.png"))
    page.click("#reset")
    assert opened.visible() == everything


# --- the seed articles -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_views(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds")
    build([seeds_dir], out, validate=False)
    return write_views(load(out / "graph.trig"), out)


@pytest.fixture(scope="module")
def seeds_graph(seeds_views: dict[str, Path]) -> nx.MultiDiGraph:
    return to_networkx(load(seeds_views["graph"].parent / "graph.trig"))


@pytest.mark.slow
@pytest.mark.parametrize("view", VIEWS)
def test_seed_views_load_offline_and_draw_every_node(
    view: str, seeds_views: dict[str, Path], seeds_graph: nx.MultiDiGraph, open_page: Any
) -> None:
    opened = open_page(seeds_views[view])
    assert_offline_and_clean(opened, seeds_views[view])
    drawn = {
        "graph": seeds_graph,
        "pledges": pledges_subgraph(seeds_graph),
        "network": cooccurrence(seeds_graph),
    }[view]
    assert opened.visible() == set(drawn)
    assert len(opened.visible_edges()) == drawn.number_of_edges()
    opened.page.screenshot(path=str(seeds_views[view].with_suffix(".png")))


@pytest.mark.slow
def test_seed_click_on_actor_lists_their_statements(
    seeds_views: dict[str, Path], seeds_graph: nx.MultiDiGraph, open_page: Any
) -> None:
    opened = open_page(seeds_views["graph"])
    speakers = sorted(
        (n for n, a in seeds_graph.nodes(data=True) if a["kind"] == "actor" and a["statements"]),
        key=lambda n: -seeds_graph.nodes[n]["statements"],
    )
    actor = click_actor(opened, speakers)
    quotes = sorted(
        a["quote"] for _, _, a in seeds_graph.out_edges(actor, data=True) if a["relation"] == STATED
    )
    assert panel_quotes(opened) == quotes
    panel = opened.page.inner_text("#panel")
    assert seeds_graph.nodes[actor]["label"] in panel
    for role in seeds_graph.nodes[actor]["roles"]:
        assert role in panel
    opened.page.screenshot(path=str(seeds_views["graph"].with_name("graph-clicked.png")))
    assert opened.errors == []


@pytest.mark.slow
def test_seed_search_finds_an_alias(
    seeds_views: dict[str, Path], seeds_graph: nx.MultiDiGraph, open_page: Any
) -> None:
    names: dict[str, set[str]] = {}
    for node, a in seeds_graph.nodes(data=True):
        if a["kind"] == "actor":
            for name in (a["label"], *a["aliases"]):
                names.setdefault(name.lower(), set()).add(node)
    actor, alias = next(
        (n, alias)
        for n, a in seeds_graph.nodes(data=True)
        if a["kind"] == "actor"
        for alias in a["aliases"]
        if len(names[alias.lower()]) == 1 and alias.lower() != a["label"].lower()
    )
    opened = open_page(seeds_views["graph"])
    opened.page.fill("#search-input", alias)
    opened.page.press("#search-input", "Enter")
    node = page_id(opened, actor)
    opened.page.wait_for_function("id => document.getElementById('panel').dataset.node === id", arg=node)
    assert opened.page.evaluate("kgView.network.getSelectedNodes()") == [node]
    assert opened.page.inner_text("#search-status") == ""


@pytest.mark.slow
def test_seed_filters_hide_what_they_should(
    seeds_views: dict[str, Path], seeds_graph: nx.MultiDiGraph, open_page: Any
) -> None:
    opened = open_page(seeds_views["graph"])
    check_filters(opened, seeds_graph, seeds_views["graph"].parent)
    assert opened.errors == []


@pytest.mark.slow
def test_seed_tooltips_carry_quote_cue_and_document(
    seeds_views: dict[str, Path], seeds_graph: nx.MultiDiGraph, open_page: Any
) -> None:
    opened = open_page(seeds_views["graph"])
    titles = opened.page.evaluate(
        "() => Object.fromEntries(kgView.data.edges.map(e => [e.from + ' ' + e.to + ' ' + e.relation,"
        " kgView.edges.get(e.id).title]))"
    )
    documents = seeds_graph.graph["documents"]
    ids = {n: page_id(opened, n) for n in seeds_graph}
    for u, v, a in seeds_graph.edges(data=True):
        if a["relation"] != STATED:
            continue
        title = titles[f"{ids[u]} {ids[v]} {STATED}"]
        # tooltips fold runs of white space (newlines, no-break spaces) into one space
        assert " ".join(a["quote"].split())[:200] in title and (a["cue"] or "said") in title
        doc = documents[a["doc"]]
        assert (doc["title"] or doc["id"]) in title
    # a real hover shows the tooltip
    speaker = next(n for n, a in seeds_graph.nodes(data=True) if a["kind"] == "actor" and a["statements"])
    click_actor(opened, [speaker])
    box = opened.page.evaluate(
        "id => { const n = kgView.network; const p = n.canvasToDOM(n.getPosition(id));"
        " const b = document.getElementById('graph').getBoundingClientRect();"
        " return [b.left + p.x, b.top + p.y]; }",
        ids[speaker],
    )
    opened.page.mouse.move(box[0] + 2, box[1] + 2)
    opened.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert seeds_graph.nodes[speaker]["label"] in opened.page.inner_text("div.vis-tooltip")


def test_hostile_text_stays_text_in_the_browser(tmp_path: Path, open_page: Any) -> None:
    sample = load(Path(__file__).parent / "data" / "views" / "sample.trig")
    path = write_views(sample, tmp_path, views=["graph"])["graph"]
    opened = open_page(path)
    assert_offline_and_clean(opened, path)
    graph = to_networkx(sample)
    hostile = next(
        (u, a["quote"])
        for u, _, a in graph.edges(data=True)
        if a["relation"] == STATED and "<script>" in a["quote"]
    )
    opened.page.evaluate("id => kgView.show(id)", page_id(opened, hostile[0]))
    assert hostile[1] in panel_quotes(opened)
    assert opened.page.evaluate("document.scripts.length") == 3  # nothing was injected
    assert opened.dialogs == []


def test_notebook_iframe_draws_the_page_inline(tmp_path: Path, open_page: Any) -> None:
    """What `kg.views.viewcmd.show` hands Jupyter: the page in a sandboxed srcdoc iframe."""
    from kg.views.viewcmd import iframe_html

    sample = load(Path(__file__).parent / "data" / "views" / "sample.trig")
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{iframe_html(sample, 'graph')}</body></html>", "utf-8")
    opened = open_page(host, ready=False)
    frame = opened.page.frame_locator("iframe")
    frame.locator("body[data-ready]").wait_for(timeout=30_000)
    drawn = opened.page.frames[1].evaluate("kgView.visibleNodeIds().length")
    assert drawn == to_networkx(sample).number_of_nodes()
    assert_offline_and_clean(opened, host)


# --- a generated graph of 2,000 nodes and 5,000 edges ------------------------------------------------


@pytest.fixture(scope="module")
def large() -> nx.MultiDiGraph:
    return synthetic_graph(2000, 5000)


@pytest.fixture(scope="module")
def large_page(large: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_views(large, tmp_path_factory.mktemp("large"), views=["graph"])["graph"]


def test_large_graph_loads_offline_and_draws_every_node(
    large: nx.MultiDiGraph, large_page: Path, open_page: Any
) -> None:
    opened = open_page(large_page)
    assert_offline_and_clean(opened, large_page)
    assert opened.page.evaluate("kgView.visibleNodeIds().length") == large.number_of_nodes() == 2000
    assert opened.page.evaluate("kgView.visibleEdgeIds().length") == large.number_of_edges() == 5000
    assert opened.page.evaluate("kgView.network.physics.options.enabled") is False
    opened.page.screenshot(path=str(large_page.with_suffix(".png")))


def test_large_graph_click_search_and_filters(
    large: nx.MultiDiGraph, large_page: Path, open_page: Any
) -> None:
    opened = open_page(large_page)
    speakers = sorted(
        (n for n, a in large.nodes(data=True) if a["kind"] == "actor" and a["statements"]),
        key=lambda n: -large.nodes[n]["statements"],
    )
    actor = click_actor(opened, speakers)
    quotes = sorted(a["quote"] for _, _, a in large.out_edges(actor, data=True) if a["relation"] == STATED)
    assert panel_quotes(opened) == quotes
    opened.page.screenshot(path=str(large_page.with_name("large-clicked.png")))

    target = speakers[-1]
    alias = large.nodes[target]["aliases"][-1]
    opened.page.fill("#search-input", alias)
    opened.page.press("#search-input", "Enter")
    node = page_id(opened, target)
    opened.page.wait_for_function("id => document.getElementById('panel').dataset.node === id", arg=node)

    check_filters(opened, large, None, every=False)
    assert opened.errors == []
