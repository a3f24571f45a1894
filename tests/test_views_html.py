"""The HTML views: self-contained files, no network references, all text escaped, every node present.

These read the pages as text and data; tests/test_views_browser.py opens them in Chromium.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Namespace, URIRef
from rdflib.namespace import DCTERMS

from kg.views import ViewError
from kg.views.export import load, union
from kg.views.html import (
    VIEW_FILES,
    VIEWS,
    format_amount,
    json_for_html,
    view_html,
    write_graph_html,
    write_network_html,
    write_pledges_html,
    write_views,
)
from kg.views.network import PLEDGED, RECIPIENT, STATED, to_networkx
from kg.views.viewcmd import iframe_html, view_command

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
KG = Namespace("https://w3id.org/newskg/ontology#")
NETWORK = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host, ftp://...


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def data(self) -> dict:
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "kg-data"))


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load(SAMPLE)


@pytest.fixture(scope="module")
def pages(sample: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("html")
    paths = write_views(sample, folder)
    return {view: path.read_text(encoding="utf-8") for view, path in paths.items()}


@pytest.fixture(scope="module")
def html(sample: Dataset, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_graph_html(sample, tmp_path_factory.mktemp("html") / "graph.html", title='Talks & "quotas"')
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


@pytest.mark.parametrize("view", VIEWS)
def test_no_network_references(pages: dict[str, str], view: str) -> None:
    page = Page(pages[view])
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "action", "data"):
            value = attrs.get(name)
            assert value is None or not NETWORK.match(value), (tag, name, value)
        assert not (tag == "script" and attrs.get("src")), attrs
        assert tag != "link", attrs  # styles are inline: no <link> of any kind
        assert tag not in ("iframe", "img", "object", "embed"), tag
    # nor in the inline CSS (vis-network's own images are data: URIs)
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", pages[view])
    assert all(u.startswith("data:") for u in urls)


@pytest.mark.parametrize("view", VIEWS)
def test_content_security_policy_forbids_network(pages: dict[str, str], view: str) -> None:
    page = Page(pages[view])
    policies = [a.get("content") or "" for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert any("default-src 'none'" in p for p in policies)
    assert not any(re.search(r"https?:|\*", p) for p in policies)


def test_vis_network_is_inline(page: Page) -> None:
    shipped = resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js").read_text("utf-8")
    inline = [text for attrs, text in page.scripts if "src" not in attrs]
    # the shipped library, inlined as is (only its source-map comment dropped)
    assert any(len(text) > 100_000 and shipped[:2000] in text for text in inline)
    assert any("new vis.Network(" in text for text in inline)
    assert not re.search(r"sourceMappingURL", "".join(inline))


def test_hostile_text_is_escaped(html: str, page: Page, sample: Dataset) -> None:
    quotes = [str(q) for q in union(sample).objects(None, KG.quote)]
    hostile = next(q for q in quotes if "<script>" in q)
    assert "<script>alert" not in html
    assert [t for t, _ in page.tags].count("script") == len(page.scripts) == 3
    data = page.data()
    assert hostile in [f.get("quote") for f in data["facts"]]  # the text survives intact, as data
    title = next(
        str(t) for t in union(sample).objects(None, DCTERMS.title) if '"' in str(t) and "&" in str(t)
    )
    assert title in [d["title"] for d in data["documents"]]


def test_title_is_escaped(html: str, page: Page) -> None:
    assert (
        "<title>Talks &amp; &#34;quotas&#34;</title>" in html
        or "<title>Talks &amp; &quot;quotas&quot;</title>" in html
    )
    assert page.data()["title"] == 'Talks & "quotas"'


def test_every_actor_with_names_roles_and_documents(page: Page, sample: Dataset) -> None:
    g = union(sample)
    data = page.data()
    actors = {n["iri"]: n for n in data["nodes"] if n["kind"] == "actor"}
    assert set(actors) == {str(a) for a in g.subjects(RDF.type, KG.Actor)}
    doc_ids = [d["id"] for d in data["documents"]]
    for iri, node in actors.items():
        actor = URIRef(iri)
        assert node["label"] == str(g.value(actor, RDFS.label))
        assert set(node.get("aliases", [])) == {str(a) for a in g.objects(actor, SKOS.altLabel)} - {
            node["label"]
        }
        assert set(node.get("roles", [])) == {str(r) for r in g.objects(actor, KG.role)}
        named_in = {str(g.value(d, DCTERMS.identifier)) for d in g.subjects(KG.mentions, actor)}
        assert {doc_ids[i] for i in node.get("docs", [])} == named_in


def test_nodes_edges_and_facts_match_the_graph(page: Page, sample: Dataset) -> None:
    graph = to_networkx(sample)
    data = page.data()
    assert [n["iri"] for n in data["nodes"]] == list(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    assert Counter(e["relation"] for e in data["edges"]) == Counter(
        r for _, _, r in graph.edges(data="relation")
    )
    by_iri = {n["iri"]: n for n in data["nodes"]}
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] != "actor":
            continue
        said = [data["facts"][i] for i in by_iri[node].get("said", [])]
        quotes = sorted(a["quote"] for _, _, a in graph.out_edges(node, data=True) if a["relation"] == STATED)
        assert sorted(f["quote"] for f in said) == quotes
        assert all(f["kind"] == "statement" and f["speaker"] == by_iri[node]["id"] for f in said)
    pledges = [f for f in data["facts"] if f["kind"] == "pledge"]
    assert len(pledges) == len(set(union(sample).subjects(RDF.type, KG.Pledge)))


def test_facts_carry_document_title_and_date(page: Page, sample: Dataset) -> None:
    g = union(sample)
    data = page.data()
    for statement in g.subjects(RDF.type, KG.Statement):
        fact = next(f for f in data["facts"] if f.get("quote") == str(g.value(statement, KG.quote)))
        doc = g.value(statement, KG.source)
        assert data["documents"][fact["doc"]]["title"] == str(g.value(doc, DCTERMS.title))
        assert data["documents"][fact["doc"]]["date"] == str(g.value(doc, DCTERMS.date))
        assert fact["cue"] == str(g.value(statement, KG.cue))
        assert fact["quote_type"] == str(g.value(statement, KG.quoteType))


def test_style_groups_legend_and_positions(page: Page) -> None:
    data = page.data()
    types = {n["type"] for n in data["nodes"] if n["kind"] == "actor"}
    colours = {data["groups"][t]["color"] for t in types}
    assert len(colours) == len(types)  # one colour per actor type
    assert {item["label"] for item in data["legend"]} >= types
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    assert data["options"]["physics"]["enabled"] is False  # laid out in Python: the first frame is final


def test_pledges_page_holds_only_pledges(sample: Dataset, tmp_path: Path) -> None:
    page = Page(write_pledges_html(sample, tmp_path / "pledges.html").read_text(encoding="utf-8"))
    data = page.data()
    assert {e["relation"] for e in data["edges"]} == {PLEDGED, RECIPIENT}
    pledges = set(union(sample).subjects(RDF.type, KG.Pledge))
    assert sum(e["relation"] == PLEDGED for e in data["edges"]) == len(pledges)
    amounts = {
        format_amount(Decimal(str(a)), None).split()[0] for a in union(sample).objects(None, KG.amount)
    }
    labels = [e.get("label", "") for e in data["edges"] if e["relation"] == PLEDGED]
    assert all(any(a in label for label in labels) for a in amounts)  # amounts on the pledge lines
    by_id = {n["id"]: n for n in data["nodes"]}
    for edge in data["edges"]:  # left to right: pledger, resource, recipient
        assert by_id[edge["from"]]["x"] < by_id[edge["to"]]["x"]
    assert [p.name for p in tmp_path.iterdir()] == ["pledges.html"]  # written atomically, no temp left


def test_network_page_links_actors_named_together(sample: Dataset, tmp_path: Path) -> None:
    g = union(sample)
    data = Page(write_network_html(sample, tmp_path / "network.html").read_text(encoding="utf-8")).data()
    by_id = {n["id"]: n["iri"] for n in data["nodes"]}
    named: dict[str, set[str]] = {}
    for doc in g.subjects(RDF.type, KG.Document):
        for actor in g.objects(doc, KG.mentions):
            named.setdefault(str(actor), set()).add(str(doc))
    for edge in data["edges"]:
        a, b = by_id[edge["from"]], by_id[edge["to"]]
        assert edge["weight"] == len(named[a] & named[b]) > 0
    pairs = {frozenset((by_id[e["from"]], by_id[e["to"]])) for e in data["edges"]}
    expected = {frozenset((a, b)) for a in named for b in named if a < b and named[a] & named[b]}
    assert pairs == expected
    assert all(isinstance(n["community"], int) and n["centrality"] >= 0 for n in data["nodes"])
    assert {n["community"] for n in data["nodes"]} == {c["index"] for c in data["communities"]}


def test_write_views_writes_every_view(sample: Dataset, tmp_path: Path) -> None:
    paths = write_views(sample, tmp_path)
    assert set(paths) == set(VIEWS)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(VIEW_FILES.values())
    for view, path in paths.items():
        assert Page(path.read_text(encoding="utf-8")).data()["view"] == view


def test_same_input_same_pages(pages: dict[str, str], tmp_path: Path) -> None:
    again = write_views(load(SAMPLE), tmp_path)
    assert {view: path.read_text(encoding="utf-8") for view, path in again.items()} == pages


@pytest.mark.parametrize("view", VIEWS)
def test_pages_written_together_link_to_each_other(view: str, pages: dict[str, str], sample: Dataset) -> None:
    links = [a["href"] for t, a in Page(pages[view]).tags if t == "a"]
    assert links == [VIEW_FILES[v] for v in VIEWS]
    alone = Page(view_html(sample, view))  # a page on its own (a notebook, an e-mail) has no links
    assert [t for t, _ in alone.tags if t == "a"] == []
    assert alone.data() == Page(pages[view]).data()


def test_unknown_view_is_a_clear_error(sample: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="graph, pledges, network"):
        view_html(sample, "timeline")
    with pytest.raises(ViewError, match="Unknown view"):
        write_views(sample, tmp_path, views=["graph", "nope"])
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_view_command_writes_and_prints(sample: Dataset, tmp_path: Path) -> None:
    (tmp_path / "graph.trig").write_bytes(SAMPLE.read_bytes())
    lines: list[str] = []
    paths = view_command(None, tmp_path, echo=lines.append)
    assert set(paths) == set(VIEWS) and all(p.is_file() for p in paths.values())
    assert [line.split()[-1] for line in lines] == [str(paths[v]) for v in VIEWS]
    lines.clear()
    only = view_command("pledges.html", tmp_path, echo=lines.append)
    assert list(only) == ["pledges"] and len(lines) == 1
    with pytest.raises(ViewError, match="kg build"):
        view_command(None, tmp_path / "missing")
    with pytest.raises(ViewError, match="Unknown view"):
        view_command("timeline", tmp_path)


def test_view_command_opens_a_browser_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.views.viewcmd as viewcmd

    (tmp_path / "graph.trig").write_bytes(SAMPLE.read_bytes())
    opened: list[Path] = []
    monkeypatch.setattr(viewcmd, "open_in_browser", lambda path: opened.append(path) or True)
    view_command("network", tmp_path, echo=lambda _: None)
    assert opened == []
    lines: list[str] = []
    view_command("network", tmp_path, open_browser=True, echo=lines.append)
    assert opened == [tmp_path / "network.html"] and lines[-1].startswith("Opened")
    monkeypatch.setattr(viewcmd, "open_in_browser", lambda path: False)
    view_command(None, tmp_path, open_browser=True, echo=lines.append)
    assert "No browser" in lines[-1]


def test_notebook_iframe_holds_the_escaped_page(sample: Dataset) -> None:
    frame = iframe_html(sample, "graph")
    tag = next(t for t in Page(frame).tags if t[0] == "iframe")
    assert tag[1]["sandbox"] == "allow-scripts"
    srcdoc = tag[1]["srcdoc"] or ""
    assert srcdoc == view_html(sample, "graph")  # the attribute unescapes to the whole page
    assert "<script" not in frame.split("srcdoc=", 1)[1].split('" ', 1)[0]  # escaped inside the attribute


def test_json_for_html_cannot_close_the_script() -> None:
    value = {"q": '</script><script>alert("x")</script> & <!-- \u2028'}
    text = json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("250000000"), "EUR", "EUR 250 million"),
        (Decimal("105000000000"), "USD", "USD 105 billion"),
        (Decimal("1500"), None, "1,500"),
        (None, "EUR", None),
    ],
)
def test_format_amount(amount: Decimal | None, currency: str | None, expected: str | None) -> None:
    assert format_amount(amount, currency) == expected


def test_an_empty_graph_still_gives_pages(tmp_path: Path) -> None:
    paths = write_views(Dataset(), tmp_path)
    for view, path in paths.items():
        data = Page(path.read_text(encoding="utf-8")).data()
        assert (data["view"], data["nodes"], data["edges"]) == (view, [], [])


def test_network_counts_only_real_communities(sample: Dataset) -> None:
    graph = to_networkx(sample)
    graph.add_node("urn:example:loner", kind="actor", label="Loner", type="Person", documents=["solo.txt"])
    data = Page(view_html(graph, "network")).data()
    assert any(c["size"] == 1 for c in data["communities"])  # the loner is a community of one...
    assert data["counts"]["communities"] == sum(
        1 for c in data["communities"] if c["size"] > 1
    )  # ...not counted
    assert data["counts"]["actors"] == len(data["nodes"]) and data["counts"]["links"] == len(data["edges"])


def test_arrowheads_everywhere_on_small_graphs_only_on_recipients_on_large(page: Page) -> None:
    from kg.views.html import graph_data
    from kg.views.network import synthetic_graph

    small = page.data()
    assert set(small["arrows"]) == {e["relation"] for e in small["edges"]}
    large = graph_data(synthetic_graph(600, 1500))
    assert large["arrows"] == [RECIPIENT]
