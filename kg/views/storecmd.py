"""The store's commands as plain functions (`kg stats`, `kg remove`, `kg serve`, `kg push`) for the CLI.

Each returns the text to print or raises `ViewError` with one sentence for the user, so the Typer
commands stay thin. `open_data` is what `kg query`, `kg export` and `kg validate` read: the build's
persistent store when it has one, else its ``graph.trig`` (or the file given with ``--graph``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.views import ViewError

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.rdf.store import GraphStore

__all__ = ["open_data", "open_store", "push_command", "remove_command", "serve_command", "stats_command"]

PASSWORD_ENV = "KG_PUSH_PASSWORD"


def open_store(out: Path, *, read_only: bool = True) -> GraphStore:
    """The build's store (read-only unless asked), or ViewError when there is none or it is busy."""
    from kg.rdf.store import GraphStore, StoreError

    if read_only and not GraphStore.exists(out):
        raise ViewError(f"No store in '{out}'; run 'kg build' first or pass --out.")
    try:
        return GraphStore.open(out, read_only=read_only)
    except StoreError as err:
        raise ViewError(str(err)) from None


def open_data(out: Path, graph: Path | None = None) -> GraphStore | Dataset:
    """What the read commands query: `graph` if given, else the store, else the build's graph.trig."""
    from kg.rdf.store import GraphStore
    from kg.views.export import load

    if graph is not None:
        if not Path(graph).exists():
            raise ViewError(f"Graph file '{graph}' does not exist.")
        return load(Path(graph))
    if GraphStore.exists(out):
        return open_store(out)
    trig = Path(out) / "graph.trig"
    if not trig.exists():
        raise ViewError(f"No build found in '{out}'; run 'kg build' first or pass --out.")
    return load(trig)


def stats_command(out: Path, *, graph: Path | None = None, as_json: bool = False, top: int = 10) -> str:
    """`kg stats`: documents, triples, statements, pledges, actors by type and the top speakers."""
    from kg.rdf.store import GraphStore, StoreError

    try:
        if graph is not None or not GraphStore.exists(out):
            source = Path(graph) if graph is not None else Path(out) / "graph.trig"
            if not source.exists():
                raise ViewError(f"No build found in '{out}'; run 'kg build' first or pass --out.")
            store = GraphStore.in_memory(source)
        else:
            store = open_store(out)
        with store:
            stats = store.stats(top=top)
    except StoreError as err:
        raise ViewError(str(err)) from None
    if as_json:
        return json.dumps(stats.to_json(), indent=2, ensure_ascii=False) + "\n"
    return stats.to_text()


def remove_command(
    out: Path,
    doc: str,
    *,
    rewrite: Callable[[GraphStore, Path], object] | None = None,
) -> str:
    """`kg remove DOC`: drop one document (by file name/id or content hash) from the store.

    Actors are then resolved again over the remaining documents' cached records (an actor named
    only in the removed document goes; mention counts drop), and the build's files are rewritten
    with `rewrite(store, out)` (default: graph.trig, graph.ttl and the HTML views that exist).
    """
    from kg.rdf.store import StoreError

    with open_store(out, read_only=False) as store:
        try:
            entry = store.remove_document(doc)
        except StoreError as err:
            raise ViewError(str(err)) from None
        lines = [f"Removed {entry.identifier} ({entry.sha256[:12]}), graph <{entry.graph}>."]
        lines.append(refresh_actors(store))
        (rewrite or rewrite_outputs)(store, Path(out))
    return "\n".join(line for line in lines if line) + "\n"


def refresh_actors(store: GraphStore) -> str:
    """Resolve actors again over every cached document record and write what changed; a note for the user."""
    documents = store.documents()
    results = [store.load_result(sha) for sha in sorted(documents)]
    missing = [
        documents[sha].identifier for sha, r in zip(sorted(documents), results, strict=True) if r is None
    ]
    if missing:
        return (
            f"The actors graph was not refreshed: {len(missing)} documents have no cached records "
            "(run 'kg build --rebuild' to refresh it)."
        )
    from kg.pipeline import to_dataset

    dataset, _ = to_dataset([r for r in results if r is not None])
    report = store.sync(dataset, prune=True)
    changed = len(report.replaced) + len(report.added) + len(report.removed)
    return f"Actors resolved again over {len(results)} documents; {changed} graphs changed."


def rewrite_outputs(store: GraphStore, out: Path) -> None:
    """Rewrite the build's graph.trig and graph.ttl from the store, and the HTML views that exist."""
    from kg.views.export import export

    for name, fmt in (("graph.trig", "trig"), ("graph.ttl", "turtle")):
        if (out / name).exists():
            export(store, fmt, out / name)
    if (out / "graph.html").exists():
        from kg.views import html

        dataset = store.to_dataset()
        writer: Any = getattr(html, "write_views", None)
        if writer is not None:
            writer(dataset, out)
        else:
            html.write_graph_html(dataset, out / "graph.html")


def serve_command(
    out: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    allow_service: bool = False,
    workers: int = 2,
    memory: bool = True,
    graph: Path | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """`kg serve`: the read-only SPARQL endpoint and HTML views of the build, until Ctrl-C.

    With `memory`, each worker also copies the store into memory in the background (queries are
    3-8x faster once it is loaded; it costs about 0.7 GB per million triples per worker).
    """
    from kg.views.serve import EndpointLimits, serve

    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise ViewError("--timeout, --max-rows and --workers must be positive.")
    if not 0 <= port <= 65535:
        raise ViewError(f"Port {port} is not a TCP port number (0-65535).")
    limits = EndpointLimits(
        timeout=timeout, max_rows=max_rows, allow_service=allow_service, workers=workers, memory=memory
    )
    serve(Path(out), host, port, limits, graph, announce=announce)


def push_command(
    out: Path,
    url: str,
    *,
    protocol: str = "gsp",
    user: str | None = None,
    password: str | None = None,
    graph: Path | None = None,
    chunk: int = 5_000,
    timeout: float = 120.0,
) -> str:
    """`kg push URL`: copy every named graph of the build to a SPARQL store; the password may come from
    the environment variable KG_PUSH_PASSWORD instead of the command line."""
    from kg.rdf.store import StoreError
    from kg.views.push import push

    if password is None and user is not None:
        password = os.environ.get(PASSWORD_ENV)
    data = open_data(out, graph)
    try:
        report = push(
            data, url, protocol=protocol, user=user, password=password, chunk=chunk, timeout=timeout
        )
    except StoreError as err:
        raise ViewError(str(err)) from None
    finally:
        close = getattr(data, "close", None)
        if close is not None:
            close()
    return (
        f"Pushed {report.graphs} graphs ({report.triples:,} triples) to {report.url} "
        f"with {report.protocol} in {report.seconds:.1f} s.\n"
    )
