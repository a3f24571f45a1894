"""The HTML view: one self-contained file, no network references, all text escaped, every actor present."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Namespace

from kg.views.export import load, union
from kg.views.html import format_amount, json_for_html, write_graph_html, write_pledges_html
from kg.views.network import PLEDGED, RECIPIENT, to_networkx

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
def html(sample: Dataset, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_graph_html(sample, tmp_path_factory.mktemp("html") / "graph.html", title='Talks & "quotas"')
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def test_no_network_references(page: Page) -> None:
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "action", "data"):
            value = attrs.get(name)
            assert value is None or not NETWORK.match(value), (tag, name, value)
        assert not (tag == "script" and attrs.get("src")), attrs
        assert tag != "link", attrs  # styles are inline: no <link> of any kind
        assert tag not in ("iframe", "img", "object", "embed"), tag


def test_content_security_policy_forbids_network(page: Page) -> None:
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
    tooltips = [e["title"] for e in data["edges"]]
    assert any(hostile in t for t in tooltips)  # the text survives intact, as data
    panel_quotes = [f["quote"] for d in data["details"].values() for f in d.get("statements", [])]
    assert hostile in panel_quotes


def test_title_is_escaped(html: str, page: Page) -> None:
    assert (
        "<title>Talks &amp; &#34;quotas&#34;</title>" in html
        or "<title>Talks &amp; &quot;quotas&quot;</title>" in html
    )
    assert page.data()["title"] == 'Talks & "quotas"'


def test_every_actor_is_in_the_data(page: Page, sample: Dataset) -> None:
    g = union(sample)
    labels = {str(g.value(a, RDFS.label)) for a in g.subjects(RDF.type, KG.Actor)}
    data = page.data()
    node_labels = {n["label"] for n in data["nodes"]}
    assert labels <= node_labels
    searchable = {name for entry in data["search"] for name in entry["names"]}
    assert labels <= searchable
    roles = {str(r) for r in g.objects(None, KG.role)}  # roles show in the actors' tooltips
    assert roles and all(any(role in n["title"] for n in data["nodes"]) for role in roles)


def test_nodes_edges_and_panel_match_the_graph(page: Page, sample: Dataset) -> None:
    graph = to_networkx(sample)
    data = page.data()
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == "actor":
            assert len(data["details"][node]["statements"]) == attrs["statements"]
    types = {n["type"] for n in data["nodes"] if n.get("kind") == "actor"}
    colours = {n["color"] for n in data["nodes"] if n.get("kind") == "actor"}
    assert len(colours) == len(types)  # one colour per actor type
    assert {item["label"] for item in data["legend"]} >= types


def test_physics_stabilises_then_stops(page: Page) -> None:
    data = page.data()
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    script = next(text for attrs, text in page.scripts if "new vis.Network(" in text)
    assert "stabilizationIterationsDone" in script and "physics: { enabled: false }" in script


def test_pledges_page_holds_only_pledges(sample: Dataset, tmp_path: Path) -> None:
    page = Page(write_pledges_html(sample, tmp_path / "pledges.html").read_text(encoding="utf-8"))
    data = page.data()
    assert {e["relation"] for e in data["edges"]} == {PLEDGED, RECIPIENT}
    assert sum(e["relation"] == PLEDGED for e in data["edges"]) == len(
        set(union(sample).subjects(RDF.type, KG.Pledge))
    )
    assert [p.name for p in tmp_path.iterdir()] == ["pledges.html"]  # written atomically, no temp left


def test_same_input_same_page(sample: Dataset, tmp_path: Path) -> None:
    first = write_graph_html(sample, tmp_path / "a.html").read_bytes()
    assert write_graph_html(load(SAMPLE), tmp_path / "b.html").read_bytes() == first


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
