"""`kg serve`: the SPARQL 1.1 Protocol endpoint, tested with a real client (SPARQLWrapper) on loopback.

One server (two worker processes) serves the sample store for the module; a second one, allowed to
federate, checks SERVICE. Expected rows come from the store itself, queried directly.
"""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.rdf.store import GraphStore
from kg.views.serve import EndpointLimits, negotiate, start_server
from kg.views.sparql import resolve_query, run_query

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
KG = "https://w3id.org/newskg/ontology#"
MAX_ROWS = 50
TIMEOUT = 2.0
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder: the sample in a store, HTML views (one nested) and a hidden file never served."""
    out = tmp_path_factory.mktemp("build")
    with GraphStore.open(out) as store:
        store.load(SAMPLE)
    (out / "graph.html").write_text("<!doctype html><title>graph view</title>", encoding="utf-8")
    (out / "pages").mkdir()
    (out / "pages" / "actor.html").write_text("<p>actor page</p>", encoding="utf-8")
    (out / ".secret.html").write_text("hidden", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(build: Path):  # type: ignore[no-untyped-def]
    limits = EndpointLimits(timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, queue_wait=60)
    with start_server(build, limits=limits) as running:
        yield running


@pytest.fixture(scope="module")
def store(build: Path, server):  # type: ignore[no-untyped-def]
    """The same data opened read-only, for expected answers (the server's workers hold it read-only too)."""
    with GraphStore.open(build, read_only=True) as opened:
        yield opened


def client(server, query: str, fmt: str = JSON) -> SPARQLWrapper:  # type: ignore[no-untyped-def]
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setTimeout(60)
    return sparql


def http(  # type: ignore[no-untyped-def]
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def expected_statements(store: GraphStore) -> set[tuple[str, str]]:
    rows = store.query(f"SELECT ?s ?q WHERE {{ ?s a <{KG}Statement> ; <{KG}quote> ?q }}")
    return {(r["s"].value, r["q"].value) for r in rows}


STATEMENTS = "SELECT ?s ?q WHERE { ?s a kg:Statement ; kg:quote ?q }"


@pytest.mark.parametrize("method", ["GET", POST, POSTDIRECTLY])
def test_select_json_with_sparqlwrapper(server, store: GraphStore, method: str) -> None:  # type: ignore[no-untyped-def]
    sparql = client(server, STATEMENTS)
    if method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    elif method == POST:
        sparql.setMethod(POST)
    data = sparql.queryAndConvert()
    got = {(b["s"]["value"], b["q"]["value"]) for b in data["results"]["bindings"]}  # type: ignore[index]
    assert got == expected_statements(store) and got


def test_select_xml_csv_tsv(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    expected = expected_statements(store)
    root = ET.fromstring(client(server, STATEMENTS, XML).query().response.read())
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    got = set()
    for result in root.findall(".//r:result", ns):
        values = {b.get("name"): b[0].text for b in result.findall("r:binding", ns)}
        got.add((values["s"], values["q"]))
    assert got == expected
    text = client(server, STATEMENTS, CSV).queryAndConvert().decode("utf-8")  # type: ignore[union-attr]
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["s", "q"] and {tuple(row) for row in table[1:]} == expected
    tsv = client(server, STATEMENTS, TSV).queryAndConvert().decode("utf-8").splitlines()  # type: ignore[union-attr]
    assert tsv[0] == "?s\t?q" and len(tsv) == len(expected) + 1
    assert {line.split("\t")[0] for line in tsv[1:]} == {f"<{s}>" for s, _ in expected}


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD])
def test_construct_in_rdf_formats(server, store: GraphStore, fmt: str) -> None:  # type: ignore[no-untyped-def]
    query = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Actor ; rdfs:label ?l }"
    result = client(server, query, fmt).queryAndConvert()
    if not isinstance(result, Graph):
        result = Graph().parse(data=result, format={TURTLE: "turtle", JSONLD: "json-ld"}.get(fmt, "xml"))
    rows = store.query(f"SELECT ?a ?l WHERE {{ ?a a <{KG}Actor> ; {LABEL} ?l }}")
    expected = {(r["a"].value, r["l"].value) for r in rows}
    assert {(str(s), str(o)) for s, _, o in result} == expected and expected


def test_ask(server) -> None:  # type: ignore[no-untyped-def]
    assert client(server, "ASK { ?p a kg:Pledge }").queryAndConvert()["boolean"] is True  # type: ignore[index]
    assert client(server, "ASK { ?p a kg:Nothing }").queryAndConvert()["boolean"] is False  # type: ignore[index]


def test_fifty_concurrent_queries(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    labels = sorted(r["l"].value for r in store.query(f"SELECT DISTINCT ?l WHERE {{ ?a {LABEL} ?l }}"))
    assert labels

    def ask(i: int) -> tuple[str, list[str]]:
        label = labels[i % len(labels)]
        query = f"SELECT ?a WHERE {{ ?a rdfs:label {json.dumps(label)} }}"
        data = client(server, query).queryAndConvert()
        return label, [b["a"]["value"] for b in data["results"]["bindings"]]  # type: ignore[index]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(ask, range(50)))
    assert len(answers) == 50
    for label, subjects in answers:
        want = {r["a"].value for r in store.query(f"SELECT ?a WHERE {{ ?a {LABEL} {json.dumps(label)} }}")}
        assert set(subjects) == want and want
    assert time.perf_counter() - started < 60


def test_updates_are_refused(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    size = len(store)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = urllib.parse.urlencode({"update": update}).encode()
    assert http(server.endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert http(server.endpoint, update.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert http(server.endpoint + "?query=" + urllib.parse.quote(update))[0] == 403
    assert http(server.endpoint, b"x", method="PUT")[0] == 405
    assert http(server.endpoint + "?graph=urn:g", method="DELETE")[0] == 405
    sparql = client(server, update)
    sparql.setMethod(POST)
    with pytest.raises(Exception):  # noqa: B017 - SPARQLWrapper raises urllib's HTTPError for a 403
        sparql.query()
    assert len(store) == size


def test_service_is_refused_unless_allowed(server, build: Path, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    federated = f"SELECT ?s ?q WHERE {{ SERVICE <{server.endpoint}> {{ ?s a kg:Statement ; kg:quote ?q }} }}"
    status, _, body = http(server.endpoint + "?query=" + urllib.parse.quote(federated))
    assert status == 403 and b"SERVICE" in body
    limits = EndpointLimits(timeout=30, allow_service=True, workers=1)
    with start_server(build, limits=limits) as other:
        data = client(other, federated).queryAndConvert()
    got = {(b["s"]["value"], b["q"]["value"]) for b in data["results"]["bindings"]}  # type: ignore[index]
    assert got == expected_statements(store)


def test_time_limit_kills_the_query_and_the_endpoint_recovers(server) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    status, _, body = http(server.endpoint + "?query=" + urllib.parse.quote(SLOW))
    elapsed = time.perf_counter() - started
    assert status == 503 and b"time limit" in body
    assert elapsed < TIMEOUT + 5
    data = client(server, "ASK { ?s ?p ?o }").queryAndConvert()
    assert data["boolean"] is True  # type: ignore[index]


def test_row_limit(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    assert len(store) > MAX_ROWS
    status, headers, body = http(
        server.endpoint + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    )
    assert status == 200 and headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    small = urllib.parse.quote("SELECT * WHERE { ?s a kg:Pledge }")
    status, headers, body = http(server.endpoint + "?query=" + small)
    assert status == 200 and "X-SPARQL-MaxRows" not in headers and json.loads(body)["results"]["bindings"]


def test_errors_are_statuses_with_one_line(server) -> None:  # type: ignore[no-untyped-def]
    status, _, body = http(server.endpoint + "?query=" + urllib.parse.quote("SELECT ?x WHERE { ?x ?y }"))
    assert status == 400 and body.decode().count("\n") == 1 and "line 1" in body.decode()
    assert (
        http(server.endpoint + "?query=" + urllib.parse.quote(STATEMENTS), headers={"Accept": "image/png"})[0]
        == 406
    )
    assert http(server.endpoint, b"query=x", {"Content-Type": "text/plain"})[0] == 415
    assert http(server.endpoint + "?query=a&query=b")[0] == 400


def test_negotiation_by_accept_and_format_parameter(server) -> None:  # type: ignore[no-untyped-def]
    url = server.endpoint + "?query=" + urllib.parse.quote(STATEMENTS)
    preferred = http(url, headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"})[1]
    assert preferred["Content-Type"].startswith("application/sparql-results+xml")
    forced = http(url + "&format=csv", headers={"Accept": "application/sparql-results+json"})[1]
    assert forced["Content-Type"].startswith("text/csv")
    status, headers, body = http(url, headers={"Accept": "text/html"})
    assert headers["Content-Type"].startswith("text/html") and b"<table>" in body
    assert negotiate("SELECT", "text/*") == "csv"
    assert negotiate("SELECT", "*/*;q=0.1, text/tab-separated-values") == "tsv"
    assert negotiate("CONSTRUCT", "*/*") == "turtle"
    assert negotiate("CONSTRUCT", "application/sparql-results+json") is None
    assert negotiate("SELECT", None, ["tsv", "text/tab-separated-values"]) == "tsv"


def test_default_graph_uri_limits_the_default_graph(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    actors = "https://w3id.org/newskg/id/graph/actors"
    query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    status, _, body = http(f"{server.endpoint}?query={query}&default-graph-uri={urllib.parse.quote(actors)}")
    count = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert status == 200 and count == len(store.graph_lines(actors)) and 0 < count < len(store)


def test_bundled_query_with_parameter(server, store: GraphStore) -> None:  # type: ignore[no-untyped-def]
    status, _, body = http(server.url + "/query/statements-by-actor?actor=LINDQVIST&format=json")
    assert status == 200
    got = [b["quote"]["value"] for b in json.loads(body)["results"]["bindings"]]
    result = run_query(store, resolve_query("statements-by-actor"), {"actor": "LINDQVIST"})
    expected = [str(r["quote"]) for r in result]  # type: ignore[index]
    assert got == expected and got
    assert "actor" not in json.loads(body)["head"]["vars"]
    assert http(server.url + "/query/statements-by-actor")[0] == 400
    assert http(server.url + "/query/no-such-query")[0] == 404


def test_html_views_and_index(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = http(server.url + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert (
        'href="/graph.html"' in page and 'href="/pages/actor.html"' in page and "/query/who-said-what" in page
    )
    assert ".secret" not in page
    assert http(server.url + "/graph.html")[2].startswith(b"<!doctype html>")
    assert http(server.url + "/pages/actor.html")[0] == 200
    for path in (
        "/store/oxigraph/CURRENT",
        "/.secret.html",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/../x.html",
        "/nothing.html",
    ):
        assert http(server.url + path)[0] == 404, path
    status, headers, body = http(server.url + "/graph.html", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
