"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the build's store, plus its HTML views.

- ``GET/POST /sparql``: queries by ``query=`` (URL or form) or a direct ``application/sparql-query``
  body, with ``default-graph-uri``/``named-graph-uri``; results negotiated from ``Accept`` (or a
  ``format``/``output`` parameter): SPARQL JSON, XML, CSV, TSV or an HTML table for SELECT/ASK;
  Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE. The default graph is the union of
  all graphs, as in `kg query`.
- ``GET /query/NAME?PARAM=VALUE``: a bundled query, parameters bound as literals (as `kg query`).
- ``GET /``: an index of the HTML views of the build folder and the bundled queries; other files
  of the build folder (HTML, CSS, JS, JSON and RDF files, never the store) are served as they are.

Read-only by construction: the store is opened read-only, SPARQL Update requests get 403 and other
methods 405. Each query runs in a worker process that is killed when it passes the time limit
(Oxigraph cannot interrupt a running query from another thread, a process can be killed), results
are cut at a row limit (``X-SPARQL-MaxRows`` says so), and ``SERVICE`` to other endpoints is refused
unless allowed. The HTTP side is the standard library's `ThreadingHTTPServer`: one thread per
connection that only waits on a worker, no extra dependency, and enough for a loopback endpoint
shared by a notebook, a SPARQL client and a browser; put a reverse proxy in front to expose it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import queue
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from kg.views import PREFIXES, ViewError

__all__ = [
    "EndpointLimits",
    "QueryPool",
    "RunningServer",
    "SparqlServer",
    "negotiate",
    "serve",
    "start_server",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
MAX_BODY = 1_000_000  # bytes of query text a request may carry

SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SERVED_SUFFIXES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ttl": "text/turtle; charset=utf-8",
    ".trig": "application/trig; charset=utf-8",
    ".nq": "application/n-quads",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
}

# Result formats: name -> media type. Tabular ones answer SELECT/ASK, graph ones CONSTRUCT/DESCRIBE.
TABLE_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "html": "text/html",
}
# Media types clients send, by form, mapped to a format name (first entry of each dict = default).
_TABLE_ACCEPT = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
    "text/plain": "tsv",
}
_GRAPH_ACCEPT = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "text/n3": "turtle",
    "text/rdf+n3": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/json": "jsonld",
    "text/html": "html",
}
# What a wildcard (*/*, text/*, application/*) gets, in order of preference.
_TABLE_WILDCARD = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
_GRAPH_WILDCARD = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
# Values of the `format`/`output` parameters (SPARQLWrapper sends them; Virtuoso and sparqler read them).
_TABLE_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "html": "html"}
_GRAPH_PARAM = {
    "turtle": "turtle",
    "ttl": "turtle",
    "n3": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "xml": "rdfxml",
    "rdf+xml": "rdfxml",
    "rdfxml": "rdfxml",
    "json-ld": "jsonld",
    "jsonld": "jsonld",
    "json": "jsonld",
    "html": "html",
}


class EndpointError(ViewError):
    """A request the endpoint answers with an HTTP error status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class EndpointLimits:
    """What one query may cost: seconds, rows, whether SERVICE may call out; and the worker count."""

    timeout: float = 30.0
    max_rows: int = 10_000
    allow_service: bool = False
    workers: int = 2
    queue_wait: float = 30.0  # how long a request waits for a free worker before 503
    memory: bool = True  # each worker also copies the store into memory (faster queries once loaded)


@dataclass(frozen=True)
class Answer:
    """What a worker sends back: an HTTP status, media type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


# ----- content negotiation -----------------------------------------------------------------------------


def negotiate(form: str, accept: str | None, params: Iterable[str] = ()) -> str | None:
    """The result format for a query of `form` (SELECT, ASK, CONSTRUCT, DESCRIBE), or None (406).

    A recognised ``format``/``output`` parameter value wins; else the Accept header, by q-value
    and then by order; ``*/*``, ``type/*`` or no header give the form's default (JSON or Turtle).
    """
    graph = form in ("CONSTRUCT", "DESCRIBE")
    by_param = _GRAPH_PARAM if graph else _TABLE_PARAM
    by_type = _GRAPH_ACCEPT if graph else _TABLE_ACCEPT
    for value in params:
        value = value.strip().lower()
        if value in by_param:
            return by_param[value]
        if value.split(";")[0].strip() in by_type:
            return by_type[value.split(";")[0].strip()]
    if not accept or not accept.strip():
        return next(iter(by_type.values()))
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        q = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, position, media.lower()))
    for _, _, media in sorted(ranges):
        if media in by_type:
            return by_type[media]
        if media.endswith("/*"):
            major = "" if media == "*/*" else media[:-1]
            for known in _GRAPH_WILDCARD if graph else _TABLE_WILDCARD:
                if known.startswith(major):
                    return by_type[known]
    return None


# ----- result writers (run in the workers) -------------------------------------------------------------


def _term_json(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}  # RDF-star triple terms, as text


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return html.escape(_XML_INVALID.sub("\ufffd", text), quote=True)


def _term_xml(term: Any) -> str:
    data = _term_json(term)
    value = _xml_text(data["value"])
    if data["type"] == "uri":
        return f"<uri>{value}</uri>"
    if data["type"] == "bnode":
        return f"<bnode>{value}</bnode>"
    if "xml:lang" in data:
        return f'<literal xml:lang="{_xml_text(data["xml:lang"])}">{value}</literal>'
    if "datatype" in data:
        return f'<literal datatype="{_xml_text(data["datatype"])}">{value}</literal>'
    return f"<literal>{value}</literal>"


def _term_text(term: Any) -> str:
    """A term as CSV shows it (and the HTML table): IRI or lexical form, blank nodes as _:id."""
    if term is None:
        return ""
    data = _term_json(term)
    return "_:" + data["value"] if data["type"] == "bnode" else data["value"]


def write_solutions(names: list[str], rows: list[list[Any]], fmt: str, note: str = "") -> bytes:
    """SELECT results (pyoxigraph terms, None for unbound) in format `fmt` (json xml csv tsv html)."""
    if fmt == "json":
        bindings = [
            {n: _term_json(t) for n, t in zip(names, row, strict=True) if t is not None} for row in rows
        ]
        data = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = [f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_NS}">\n<head>']
        out += [f'<variable name="{_xml_text(n)}"/>' for n in names]
        out.append("</head>\n<results>")
        for row in rows:
            cells = "".join(
                f'<binding name="{_xml_text(n)}">{_term_xml(t)}</binding>'
                for n, t in zip(names, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_term_text(t) for t in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_term_text(t))}</td>" for t in row) + "</tr>" for row in rows
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    count = f"<p>{len(rows)} row{'' if len(rows) == 1 else 's'}{html.escape(note)}</p>"
    return _page("Query results", table + count).encode("utf-8")


def write_boolean(value: bool, fmt: str) -> tuple[str, bytes]:
    """An ASK answer as (media type, body)."""
    if fmt == "xml":
        answer = str(value).lower()
        text = (
            f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_NS}"><head/><boolean>{answer}</boolean></sparql>'
        )
        text += "\n"
        return TABLE_TYPES["xml"], text.encode("utf-8")
    if fmt in ("csv", "tsv"):
        return "text/plain", f"{str(value).lower()}\n".encode()
    if fmt == "html":
        return TABLE_TYPES["html"], _page("Query result", f"<p>{str(value).lower()}</p>").encode("utf-8")
    return TABLE_TYPES["json"], json.dumps({"head": {}, "boolean": value}).encode("utf-8")


def _page(title: str, body: str) -> str:
    style = (
        "body{font:14px system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
        "textarea{width:100%;font:13px monospace}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )


# ----- the worker processes ----------------------------------------------------------------------------


def _open_source(kind: str, path: str, memory: bool = False) -> Any:
    """A `GraphStore` for a worker: the build's store read-only (copied into memory in the background
    if `memory`), or a graph file loaded in memory."""
    from kg.rdf.store import GraphStore

    if kind == "store":
        return GraphStore(path, read_only=True, memory=memory)
    return GraphStore.in_memory(path)


def _worker_main(conn: Any, kind: str, path: str, memory: bool = False) -> None:
    """Worker loop: open the data once, then answer one request at a time until the pipe closes."""
    try:
        store = _open_source(kind, path, memory)
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = _answer(store, request)
        except Exception as exc:  # never let one query kill the worker
            answer = Answer(500, "text/plain; charset=utf-8", f"The query failed: {_brief(exc)}.\n".encode())
        conn.send(answer)


def _answer(store: Any, request: Mapping[str, Any]) -> Answer:
    """Run one query in a worker (`store` is a GraphStore: its default graph is the union of all graphs)
    and serialise its (row-limited) result."""
    import pyoxigraph as ox

    text: str = request["query"]
    fmt: str = request["format"]
    max_rows: int = request["max_rows"]
    options: dict[str, Any] = {"prefixes": dict(PREFIXES)}
    if request.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    hidden: set[str] = set()
    if request.get("params"):
        from kg.views.sparql import _project, _projected_names

        params = request["params"]
        prepared = _project(text, list(params))
        if prepared is None:
            return _text(400, "Parameters need a SELECT query with an explicit projection.")
        hidden = set(params) - _projected_names(text)
        text = prepared
        options["substitutions"] = {ox.Variable(k): ox.Literal(v) for k, v in params.items()}
    try:
        result = store.query(text, **options)
        if isinstance(result, ox.QueryBoolean):
            content_type, body = write_boolean(bool(result), fmt)
            return Answer(200, content_type, body)
        if isinstance(result, ox.QueryTriples):
            return _graph_answer(result, fmt, max_rows)
        names = [v.value for v in result.variables]
        keep = [i for i, n in enumerate(names) if n not in hidden]
        rows: list[list[Any]] = []
        truncated = False
        for solution in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append([solution[i] for i in keep])
    except SyntaxError as exc:
        from kg.views.sparql import _oxigraph_syntax

        return _text(400, _oxigraph_syntax(text, exc))
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return _text(500, f"The query failed: {_brief(exc)}.")
    headers = {"X-SPARQL-MaxRows": str(max_rows)} if truncated else {}
    note = f" (cut at the row limit of {max_rows})" if truncated else ""
    body = write_solutions([names[i] for i in keep], rows, fmt, note)
    return Answer(200, _with_charset(TABLE_TYPES[fmt]), body, headers)


def _graph_answer(triples: Any, fmt: str, max_rows: int) -> Answer:
    import itertools

    import pyoxigraph as ox

    taken = list(itertools.islice(triples, max_rows + 1))
    truncated = len(taken) > max_rows
    taken = taken[:max_rows]
    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD,
        "html": ox.RdfFormat.TURTLE,
    }
    body = ox.serialize(taken, format=formats[fmt], prefixes=dict(PREFIXES) if fmt != "ntriples" else None)
    headers = {"X-SPARQL-MaxRows": str(max_rows)} if truncated else {}
    if fmt == "html":
        page = _page("Query results", f"<pre>{html.escape(body.decode('utf-8'))}</pre>")
        return Answer(200, _with_charset("text/html"), page.encode("utf-8"), headers)
    return Answer(200, _with_charset(GRAPH_TYPES[fmt]), body, headers)


def _with_charset(media: str) -> str:
    return (
        media
        if media.startswith(("application/sparql-results+json", "application/ld+json"))
        else (f"{media}; charset=utf-8")
    )


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = re.sub(r",?\s*\[[^\]]*\]", "", text)  # drop the parser's character classes
    return text if len(text) <= 300 else text[:297] + "..."


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, kind: str, path: str, memory: bool = False) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, kind, path, memory), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        try:
            if not self.conn.poll(timeout):
                raise ViewError("A query worker did not start in time.")
            status, message = self.conn.recv()
        except (EOFError, OSError):
            status, message = "failed", "the process ended while starting"
        except ViewError:
            self.stop()
            raise
        if status != "ready":
            self.stop()
            raise ViewError(f"A query worker could not open the data: {message}")
        self.ready = True

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class QueryPool:
    """Worker processes, each with the data open read-only; a query past the time limit kills its worker."""

    def __init__(self, kind: str, path: Path | str, limits: EndpointLimits) -> None:
        self.kind, self.path, self.limits = kind, str(path), limits
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._spawn() for _ in range(max(1, limits.workers))]
        try:
            for worker in workers:
                worker.wait_ready(60)
                self._idle.put(worker)
        except ViewError:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        worker = _Worker(self.kind, self.path, self.limits.memory)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        if not self._closed:
            self._idle.put(self._spawn())

    def run(self, request: dict[str, Any]) -> Answer:
        """Send `request` to a free worker and wait for its answer, within the limits."""
        try:
            worker = self._idle.get(timeout=self.limits.queue_wait)
        except queue.Empty:
            return _text(503, "The endpoint is busy; try again shortly.")
        try:
            worker.wait_ready(60)
            worker.conn.send(request)
            if not worker.conn.poll(self.limits.timeout):
                self._retire(worker)
                return _text(503, f"The query ran past the time limit of {self.limits.timeout:g} s.")
            answer = worker.conn.recv()
        except (EOFError, OSError, ViewError):
            self._retire(worker)
            return _text(500, "The query worker stopped unexpectedly.")
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


# ----- HTTP ------------------------------------------------------------------------------------------


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the worker pool, the build folder and the limits."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self, address: tuple[str, int], pool: QueryPool, out_dir: Path, limits: EndpointLimits
    ) -> None:
        super().__init__(address, _Handler)
        self.pool, self.out_dir, self.limits = pool, Path(out_dir).resolve(), limits

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "newskg"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet; `serve` prints one line per request instead when asked

    # --- dispatch ---

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _refuse_method(self) -> None:
        self._send(
            _text(405, "This endpoint is read-only: use GET or POST with a query."),
            {"Allow": "GET, HEAD, POST"},
        )

    do_PUT = do_DELETE = do_PATCH = _refuse_method  # noqa: N815 - Graph Store Protocol writes

    def _dispatch(self, method: str) -> None:
        try:
            url = urlsplit(self.path)
            if url.path == "/sparql":
                self._send(self._sparql(method, url.query))
            elif url.path.startswith("/query/") and method != "POST":
                self._send(self._bundled(url.path[len("/query/") :], url.query))
            elif method == "POST":
                self._send(_text(405, "POST is only for /sparql."), {"Allow": "GET, HEAD"})
            elif url.path in ("/", "/index.html") and not (self.server.out_dir / "index.html").is_file():
                self._send(Answer(200, "text/html; charset=utf-8", self._index().encode("utf-8")))
            else:
                self._send(self._file(url.path))
        except EndpointError as err:
            self._send(_text(err.status, str(err)))
        except Exception as exc:  # a bug must not kill the connection thread silently
            self._send(_text(500, f"Internal error: {_brief(exc)}."))

    def _send(self, answer: Answer, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for name, value in {**answer.headers, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    # --- SPARQL ---

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise EndpointError(413, f"The request body is over {MAX_BODY:,} bytes.")
        return self.rfile.read(length) if length > 0 else b""

    def _sparql(self, method: str, query_string: str) -> Answer:
        params = parse_qs(query_string, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST":
            body = self._read_body()
            if media == "application/x-www-form-urlencoded":
                for name, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                    params.setdefault(name, []).extend(values)
            elif media == "application/sparql-query":
                params.setdefault("query", []).append(body.decode("utf-8", "replace"))
            elif media == "application/sparql-update":
                raise EndpointError(403, "SPARQL Update is not allowed: this endpoint is read-only.")
            else:
                raise EndpointError(
                    415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query."
                )
        if "update" in params:
            raise EndpointError(403, "SPARQL Update is not allowed: this endpoint is read-only.")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            if method == "GET" and not queries:
                return Answer(200, "text/html; charset=utf-8", self._index().encode("utf-8"))
            raise EndpointError(400, "Give exactly one non-empty 'query' parameter.")
        return self._execute(
            queries[0],
            params.get("format", []) + params.get("output", []),
            default_graphs=params.get("default-graph-uri", []),
            named_graphs=params.get("named-graph-uri", []),
        )

    def _execute(
        self,
        text: str,
        format_params: list[str],
        *,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        params: dict[str, str] | None = None,
    ) -> Answer:
        from kg.views.sparql import is_update, query_form, uses_service

        if is_update(text):
            raise EndpointError(403, "SPARQL Update is not allowed: this endpoint is read-only.")
        if uses_service(text) and not self.server.limits.allow_service:
            raise EndpointError(
                403, "SERVICE (federated query) is not allowed here; start kg serve --allow-service."
            )
        form = query_form(text) or "SELECT"
        fmt = negotiate(form, self.headers.get("Accept"), format_params)
        if fmt is None:
            kinds = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else TABLE_TYPES
            raise EndpointError(
                406, f"No acceptable result format; this endpoint offers {', '.join(kinds.values())}."
            )
        for iri in (*default_graphs, *named_graphs):
            if not re.fullmatch(r"[^\s<>\"{}|^`\\]+:[^\s<>\"{}|^`\\]*", iri):
                raise EndpointError(400, f"'{iri}' is not an IRI.")
        request = {
            "query": text,
            "format": fmt,
            "max_rows": self.server.limits.max_rows,
            "default_graphs": list(default_graphs),
            "named_graphs": list(named_graphs),
            "params": params or {},
        }
        return self.server.pool.run(request)

    def _bundled(self, name: str, query_string: str) -> Answer:
        from kg.views.sparql import QueryError, _bindings, list_queries, parse_header, resolve_query

        names = {info.name for info in list_queries()}
        if name not in names:
            raise EndpointError(404, f"No bundled query '{name}'; there are: {', '.join(sorted(names))}.")
        text = resolve_query(name)
        raw = parse_qs(query_string, keep_blank_values=True)
        format_params = raw.pop("format", []) + raw.pop("output", [])
        values = {key: vals[-1] for key, vals in raw.items() if vals and vals[-1] != ""}
        for param in parse_header(text)[2]:
            if param.required and param.name not in values:
                raise EndpointError(
                    400, f"The query needs the parameter '{param.name}': {param.description}."
                )
        try:
            bindings = _bindings(text, values)
        except QueryError as err:
            raise EndpointError(400, str(err)) from None
        return self._execute(text, format_params, params={k: str(v) for k, v in bindings.items()})

    # --- pages and files ---

    def _index(self) -> str:
        from kg.views.sparql import list_queries

        out = self.server.out_dir
        views = sorted(p.relative_to(out) for p in out.rglob("*.html") if _servable(out, p))
        links = "".join(f'<li><a href="/{quote(str(p))}">{html.escape(str(p))}</a></li>' for p in views)
        queries = []
        for info in list_queries():
            fields = "".join(
                f' <input name="{html.escape(p.name)}" placeholder="{html.escape(p.name)}"'
                f"{'' if not p.required else ' required'}>"
                for p in info.params
            )
            queries.append(
                f'<li><form action="/query/{quote(info.name)}" method="get">'
                f"<b>{html.escape(info.title)}</b>: {html.escape(info.description)}{fields}"
                '<input type="hidden" name="format" value="html"> <button>Run</button></form></li>'
            )
        form = (
            '<form action="/sparql" method="post"><textarea name="query" rows="8">'
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea>"
            '<input type="hidden" name="format" value="html"><button>Run query</button></form>'
        )
        limits = self.server.limits
        body = (
            f"<h2>HTML views</h2><ul>{links or '<li>none in this build folder</li>'}</ul>"
            f"<h2>Bundled queries</h2><ul>{''.join(queries)}</ul>"
            f"<h2>SPARQL</h2><p>Endpoint: <code>{html.escape(self.server.url)}/sparql</code> "
            f"(read-only; {limits.timeout:g} s and {limits.max_rows:,} rows per query).</p>{form}"
        )
        return _page("newskg", body)

    def _file(self, path: str) -> Answer:
        from urllib.parse import unquote

        out = self.server.out_dir
        relative = unquote(path).lstrip("/") or "index.html"
        target = (out / relative).resolve()
        if not _servable(out, target) or not target.is_file():
            raise EndpointError(404, "Not found.")
        media = SERVED_SUFFIXES[target.suffix.lower()]
        return Answer(200, media, target.read_bytes())


def _servable(out: Path, path: Path) -> bool:
    """Whether a file may be served: inside the build folder, not in the store, a known kind of file."""
    try:
        relative = path.resolve().relative_to(out)
    except ValueError:
        return False
    parts = relative.parts
    return (
        bool(parts)
        and parts[0] != "store"
        and not any(p.startswith(".") for p in parts)
        and path.suffix.lower() in SERVED_SUFFIXES
    )


# ----- starting and stopping -------------------------------------------------------------------------


@dataclass
class RunningServer:
    """A server running in a background thread (tests, notebooks); `close` stops it and its workers."""

    server: SparqlServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def endpoint(self) -> str:
        return self.server.url + "/sparql"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.server.pool.close()
        self.thread.join(10)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def data_source(out_dir: Path, graph: Path | None = None) -> tuple[str, Path]:
    """What the workers open: the build's store if it has one, else its graph.trig (or `graph`)."""
    from kg.rdf.store import GraphStore, store_path

    if graph is not None:
        if not Path(graph).is_file():
            raise ViewError(f"Graph file '{graph}' does not exist.")
        return "file", Path(graph).resolve()
    if GraphStore.exists(out_dir):
        return "store", store_path(out_dir).resolve()
    trig = Path(out_dir) / "graph.trig"
    if trig.is_file():
        return "file", trig.resolve()
    raise ViewError(f"No build found in '{out_dir}'; run 'kg build' first or pass --out.")


def make_server(
    out_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    limits: EndpointLimits | None = None,
    graph: Path | None = None,
) -> SparqlServer:
    """Start the workers and bind the HTTP server (port 0 picks a free one); does not serve yet."""
    limits = limits or EndpointLimits()
    kind, path = data_source(Path(out_dir), graph)
    pool = QueryPool(kind, path, limits)
    try:
        return SparqlServer((host, port), pool, Path(out_dir), limits)
    except OSError as exc:
        pool.close()
        raise ViewError(f"Could not listen on {host}:{port}: {exc.strerror or exc}.") from exc


def start_server(
    out_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = 0,
    limits: EndpointLimits | None = None,
    graph: Path | None = None,
) -> RunningServer:
    """`make_server`, then serve from a background thread; use as a context manager."""
    server = make_server(out_dir, host, port, limits, graph)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    return RunningServer(server, thread)


def serve(
    out_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    limits: EndpointLimits | None = None,
    graph: Path | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted (Ctrl-C), announcing the address first."""
    server = make_server(out_dir, host, port, limits, graph)
    announce(f"Serving {Path(out_dir)} at {server.url}/ (SPARQL endpoint {server.url}/sparql); Ctrl-C stops.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.close()
