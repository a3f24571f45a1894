"""`kg push`: what goes over the wire, against a small in-process Graph Store / Update endpoint on loopback.

The real-server check (Virtuoso) is in test_push_virtuoso.py.
"""

from __future__ import annotations

import base64
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.rdf.store import GraphStore
from kg.views.export import load
from kg.views.push import PushError, named_graphs, push
from kg.views.storecmd import push_command

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
USER, PASSWORD = "editor", "s3cret"


class Recorder(ThreadingHTTPServer):
    """Records every request; answers 401 without the right Basic credentials."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, str, bytes]] = []  # method, path, content type, body

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Recorder

    def log_message(self, *args: object) -> None:
        pass

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != f"Basic {token}":
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b"who are you?")
            return
        self.server.requests.append((self.command, self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(201 if self.command == "PUT" else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _handle  # noqa: N815


def by_value(graph: Graph) -> set[tuple[object, object, object]]:
    """Triples with literals by value (a whole decimal is sent as "5.0" over SPARQL Update, see push.py)."""
    return {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in graph}


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    with GraphStore.open(tmp_path_factory.mktemp("build")) as opened:
        opened.load(SAMPLE)
        yield opened


def test_graph_store_protocol_puts_each_graph(recorder: Recorder, store: GraphStore) -> None:
    report = push(store, recorder.url + "/data", user=USER, password=PASSWORD)
    expected = dict(named_graphs(store))
    assert report.graphs == len(expected) == len(recorder.requests) and report.triples == len(store)
    for method, path, content_type, body in recorder.requests:
        url = urllib.parse.urlsplit(path)
        graph = urllib.parse.parse_qs(url.query)["graph"][0]
        assert (method, url.path, content_type) == ("PUT", "/data", "text/turtle; charset=utf-8")
        sent = Graph().parse(data=body.decode("utf-8"), format="turtle")
        assert set(sent) == set(Graph().parse(data="\n".join(expected[graph]), format="nt")), graph


def test_update_protocol_drops_then_inserts_in_chunks(recorder: Recorder, store: GraphStore) -> None:
    push(store, recorder.url + "/update", protocol="update", user=USER, password=PASSWORD, chunk=10)
    by_graph: dict[str, list[str]] = {}
    for method, path, content_type, body in recorder.requests:
        assert (method, path) == ("POST", "/update") and content_type.startswith(
            "application/x-www-form-urlencoded"
        )
        update = urllib.parse.parse_qs(body.decode("utf-8"))["update"][0]
        graph = update.split("GRAPH <", 1)[1].split(">", 1)[0]
        by_graph.setdefault(graph, []).append(update)
    for graph, lines in named_graphs(store):
        updates = by_graph[graph]
        assert len(updates) == -(-len(lines) // 10)  # ceil: chunks of 10 triples
        assert updates[0].startswith(f"DROP SILENT GRAPH <{graph}>")
        assert not any("DROP" in u for u in updates[1:])
        sent = Graph()
        for update in updates:
            body = update.split(f"INSERT DATA {{ GRAPH <{graph}> {{", 1)[1].rsplit("} }", 1)[0]
            sent.parse(data=body, format="nt")
        assert by_value(sent) == by_value(Graph().parse(data="\n".join(lines), format="nt"))


def test_only_the_named_graphs_asked_for(recorder: Recorder, store: GraphStore) -> None:
    first = sorted(store.graphs())[0]
    report = push(store, recorder.url + "/data", user=USER, password=PASSWORD, graphs=[first])
    assert (
        report.graphs == 1
        and len(recorder.requests) == 1
        and urllib.parse.quote(first, safe="") in recorder.requests[0][1]
    )


def test_a_dataset_pushes_like_the_store(recorder: Recorder, store: GraphStore) -> None:
    assert [g for g, _ in named_graphs(load(SAMPLE))] == [g for g, _ in named_graphs(store)]
    assert dict(named_graphs(load(SAMPLE))) == dict(named_graphs(store))


def test_wrong_password_is_one_sentence(recorder: Recorder, store: GraphStore) -> None:
    with pytest.raises(PushError, match=r"HTTP 401 .*check --user/--password") as info:
        push(store, recorder.url + "/data", user=USER, password="wrong")
    assert "\n" not in str(info.value) and recorder.requests == []


def test_unreachable_server_and_bad_arguments(store: GraphStore) -> None:
    with pytest.raises(PushError, match="Could not reach"):
        push(store, "http://127.0.0.1:9/data", timeout=5)
    with pytest.raises(PushError, match="not an http"):
        push(store, "ftp://example.org/data")
    with pytest.raises(PushError, match="Unknown protocol"):
        push(store, "http://127.0.0.1:9/data", protocol="webdav")


def test_push_command_reads_the_password_from_the_environment(
    recorder: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
    monkeypatch.setenv("KG_PUSH_PASSWORD", PASSWORD)
    message = push_command(tmp_path, recorder.url + "/data", user=USER)
    assert message.startswith("Pushed 4 graphs (135 triples)") and len(recorder.requests) == 4
