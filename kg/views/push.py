"""`kg push URL`: copy the build's named graphs to a shared SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB...).

Two standard ways, one graph at a time, so each graph on the server ends up exactly as in the build:

- Graph Store Protocol (``--protocol gsp``, the default): ``PUT URL?graph=IRI`` with the graph as
  N-Triples (sent as ``text/turtle``, which every server reads); PUT replaces the graph.
  Virtuoso: ``http://host:8890/sparql-graph-crud-auth`` (digest auth, user ``dba``);
  Fuseki: ``http://host:3030/DATASET/data``; GraphDB: ``http://host:7200/repositories/REPO/rdf-graphs/service``;
  Oxigraph server: ``http://host:7878/store``.
- SPARQL Update (``--protocol update``): ``POST URL`` with ``DROP SILENT GRAPH <g>`` then
  ``INSERT DATA`` in chunks of `chunk` triples (one request for a graph that fits).
  Virtuoso: ``http://host:8890/sparql-auth``; Fuseki: ``http://host:3030/DATASET/update``.

Authentication is HTTP Basic or Digest, whichever the server asks for (`user`/`password`). The HTTP
client is the standard library's urllib, which does both, so pushing needs no extra package.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.views import ViewError

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.rdf.store import GraphStore

__all__ = ["PROTOCOLS", "PushError", "PushReport", "named_graphs", "push"]

PROTOCOLS = ("gsp", "update")
DEFAULT_CHUNK = 5_000


class PushError(ViewError):
    """The server refused or could not be reached: one sentence with the HTTP status and its message."""


@dataclass(frozen=True)
class PushReport:
    """What a push wrote: how many graphs and triples, where, and how long it took."""

    url: str
    protocol: str
    graphs: int
    triples: int
    seconds: float


def named_graphs(data: GraphStore | Dataset) -> Iterable[tuple[str, list[str]]]:
    """(graph IRI, N-Triples lines) for every non-empty named graph of the store or Dataset, sorted."""
    from kg.rdf.store import _canonical, store_of

    store = store_of(data)
    if store is not None:
        for graph in sorted(store.graphs()):
            lines = sorted(store.graph_lines(graph))
            if lines:
                yield graph, lines
        return
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    graphs = {
        str(g.identifier): g for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
    }
    for name in sorted(graphs):
        yield name, sorted(_canonical({name: graphs[name]})[name])


def push(
    data: GraphStore | Dataset,
    url: str,
    *,
    protocol: str = "gsp",
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
    chunk: int = DEFAULT_CHUNK,
    graphs: Iterable[str] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> PushReport:
    """Write the named graphs of `data` (all, or only `graphs`) to the endpoint at `url`.

    Each graph replaces the server's graph of the same IRI; other graphs on the server are left alone.
    """
    if protocol not in PROTOCOLS:
        raise PushError(f"Unknown protocol '{protocol}'; use one of: {', '.join(PROTOCOLS)}.")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"'{url}' is not an http(s) URL.")
    opener = _opener(url, user, password)
    wanted = set(graphs) if graphs is not None else None
    started = time.perf_counter()
    count = triples = 0
    for graph, lines in named_graphs(data):
        if wanted is not None and graph not in wanted:
            continue
        if protocol == "gsp":
            _put_graph(opener, url, graph, lines, timeout)
        else:
            _update_graph(opener, url, graph, lines, timeout, max(1, chunk))
        count += 1
        triples += len(lines)
        if progress is not None:
            progress(graph, len(lines))
    return PushReport(url, protocol, count, triples, time.perf_counter() - started)


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """A urllib opener that answers Basic or Digest challenges with `user`/`password` (if given)."""
    handlers: list[Any] = []
    if user is not None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password or "")
        handlers += [
            urllib.request.HTTPDigestAuthHandler(manager),
            urllib.request.HTTPBasicAuthHandler(manager),
        ]
    return urllib.request.build_opener(*handlers)


def _put_graph(
    opener: urllib.request.OpenerDirector, url: str, graph: str, lines: list[str], timeout: float
) -> None:
    separator = "&" if urllib.parse.urlsplit(url).query else "?"
    target = f"{url}{separator}graph={urllib.parse.quote(graph, safe='')}"
    body = ("\n".join(lines) + "\n").encode("utf-8")
    _send(opener, "PUT", target, body, "text/turtle; charset=utf-8", timeout, graph)


_WHOLE_DECIMAL = re.compile(r'"([+-]?[0-9]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#decimal> \.$')


def _update_line(line: str) -> str:
    """A line for INSERT DATA: whole decimals get a ".0", which Virtuoso needs to keep them decimal
    (it stores ``"5"^^xsd:decimal`` from SPARQL Update as an integer); same value for any server."""
    return _WHOLE_DECIMAL.sub(r'"\1.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .', line)


def _update_graph(
    opener: urllib.request.OpenerDirector, url: str, graph: str, lines: list[str], timeout: float, chunk: int
) -> None:
    iri = f"<{graph}>"
    for start in range(0, max(len(lines), 1), chunk):
        body = "\n".join(_update_line(line) for line in lines[start : start + chunk])
        insert = f"INSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}" if body else ""
        text = f"DROP SILENT GRAPH {iri} ;\n{insert}" if start == 0 else insert
        form = urllib.parse.urlencode({"update": text}).encode("utf-8")
        _send(opener, "POST", url, form, "application/x-www-form-urlencoded; charset=utf-8", timeout, graph)


def _send(
    opener: urllib.request.OpenerDirector,
    method: str,
    url: str,
    body: bytes,
    content_type: str,
    timeout: float,
    graph: str,
) -> None:
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", content_type)
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(400).decode("utf-8", "replace").split())
        hint = " (check --user/--password)" if exc.code in (401, 403) else ""
        raise PushError(
            f"The server refused graph <{graph}>: HTTP {exc.code} {exc.reason}{hint}. {detail}".strip()
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"Could not reach {url.split('?')[0]}: {reason}.") from None
