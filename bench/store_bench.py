"""Benchmark: the bundled queries on the persistent Oxigraph store against rdflib's in-memory Graph.

Run by hand (it takes a while; results go to bench/store_results.md):

    .venv/bin/python bench/store_bench.py --build-dir /tmp/bbc_build --output bench/store_results.md

1. Takes a build (``graph.trig``; built from ``--corpus`` with ``kg build`` when the folder has none).
2. Repeats its quads with distinct IRIs (every ``https://w3id.org/newskg/id/`` IRI gets a copy prefix,
   literals are unchanged; the topic scheme is kept once) until there are at least ``--min-triples``:
   real corpus output, scaled.
3. Loads them into a fresh `GraphStore` with Oxigraph's bulk loader, and the union of all graphs into
   an rdflib ``Graph()`` (the in-memory store rdflib users start with).
4. Times every bundled query through `kg.views.sparql.run_query` (the function ``kg query`` uses; every
   row is materialised as rdflib terms on both sides), the median of several runs on each, on the store
   read from disk and on the store with its in-memory copy loaded, and checks that both engines return
   the same rows. rdflib runs in a worker process that is killed when one
   query passes ``--rdflib-limit`` seconds (reported as "> limit"); it stops repeating a query once
   its runs took ``--rdflib-budget`` seconds (the median is then over fewer runs, reported).
5. In a new process, times opening the store again and the first query (no reload), then how long
   the in-memory copy takes to load in the background.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ID_NS = "https://w3id.org/newskg/id/"
REOPEN = """
import json, sys, time
started = time.perf_counter()
from kg.rdf.store import GraphStore
from kg.views.sparql import resolve_query, run_query
imported = time.perf_counter()
store = GraphStore.open(sys.argv[1], read_only=True, memory=True)
opened = time.perf_counter()
rows = len(run_query(store, resolve_query(sys.argv[2])))
done = time.perf_counter()
store.wait_for_memory_copy()
copied = time.perf_counter()
times = {"import": imported - started, "open": opened - imported, "query": done - opened}
times["copy"] = copied - opened
print(json.dumps({**times, "rows": rows}))
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_build(build_dir: Path, corpus: Path | None) -> Path:
    trig = build_dir / "graph.trig"
    if trig.is_file():
        return trig
    if corpus is None:
        raise SystemExit(f"No {trig}; pass --corpus to build one.")
    from kg.pipeline import build

    log(f"building {corpus} into {build_dir} (kg build, no SHACL)")
    build([corpus], build_dir, validate=False)
    return trig


def replicate(trig: Path, work: Path, min_triples: int) -> tuple[Path, Path, int, int]:
    """N-Quads (named graphs) and N-Triples (their union) files of the build repeated `copies` times."""
    import pyoxigraph as ox

    source = ox.Store()
    source.load(path=str(trig), format=ox.RdfFormat.TRIG)
    lines = source.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    topics = sum(1 for line in lines if line.endswith(f"<{ID_NS}graph/topics> ."))
    copies = max(1, math.ceil((min_triples - topics) / (len(lines) - topics)))
    quads, union = work / "replicated.nq", work / "replicated.nt"
    topics_graph = f"<{ID_NS}graph/topics> ."
    with quads.open("w", encoding="utf-8") as handle:
        for k in range(copies):
            prefix = ID_NS if k == 0 else f"{ID_NS}copy{k}/"
            for line in lines:
                if k == 0:
                    handle.write(line + "\n")
                elif not line.endswith(topics_graph):  # one topic scheme, shared by every copy
                    handle.write(line.replace(ID_NS, prefix) + "\n")
    memory = ox.Store()
    memory.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    with union.open("wb") as handle:  # the triples of all graphs, each once
        seen: set[tuple[str, str, str]] = set()
        for quad in memory:
            key = (str(quad.subject), str(quad.predicate), str(quad.object))
            if key not in seen:
                seen.add(key)
                handle.write(f"{key[0]} {key[1]} {key[2]} .\n".encode())
    return quads, union, copies, len(lines)


def _rdflib_worker(conn: Any, union_file: str) -> None:
    """Load the union into rdflib's Graph(), then time the queries the parent sends, one at a time."""
    sys.path.insert(0, str(ROOT))
    from rdflib import Graph

    from kg.views.sparql import run_query

    started = time.perf_counter()
    graph = Graph()
    graph.parse(union_file, format="nt")
    conn.send((time.perf_counter() - started, len(graph)))
    while True:
        try:
            text, params, runs, budget = conn.recv()
        except EOFError:
            return
        times: list[float] = []
        result = None
        while len(times) < runs and (not times or sum(times) < budget):
            begun = time.perf_counter()
            result = [tuple(row) for row in run_query(graph, text, params)]
            times.append(time.perf_counter() - begun)
        conn.send((times, rows_by_value(result)))


class RdflibWorker:
    """rdflib in a child process, so that a query that runs for hours can be stopped."""

    def __init__(self, union_file: Path) -> None:
        import multiprocessing

        self.union_file = union_file
        self.context = multiprocessing.get_context("spawn")
        self.start()

    def start(self) -> None:
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_rdflib_worker, args=(child, str(self.union_file)))
        self.process.start()
        child.close()
        self.load_seconds, self.triples = self.conn.recv()

    def run(self, text: str, params: dict[str, str], runs: int, budget: float, limit: float) -> Any:
        """(times, rows), or None when the first run passed `limit` seconds (the worker is restarted)."""
        self.conn.send((text, params, runs, budget))
        if self.conn.poll(limit + budget):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        log(f"  rdflib passed {limit:.0f} s; restarting its worker")
        self.start()
        return None

    def close(self) -> None:
        self.conn.close()
        self.process.join(30)


def timed(function: Any, runs: int) -> tuple[float, list[float], Any]:
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times, value


def rows_by_value(result: Any) -> list[tuple[Any, ...]]:
    """Sorted rows, literals by value (Oxigraph writes decimals canonically), ", "-joined lists as sets.

    SPARQL leaves the order of GROUP_CONCAT undefined, and the engines differ. pledge-totals joins
    the per-amount document lists of a pledger with GROUP_CONCAT(DISTINCT ...), which drops only
    identical strings: "a, b" from one amount and "b, a" from another both stay, so how often a
    document is listed depends on the engine's order. The set of documents is what both must agree on.
    """
    from rdflib import Literal

    def cell(v: Any) -> Any:
        if v is None:
            return None
        value = v.toPython() if isinstance(v, Literal) else str(v)
        return (
            ", ".join(sorted(set(value.split(", ")))) if isinstance(value, str) and ", " in value else value
        )

    return sorted((tuple(cell(v) for v in row) for row in result), key=repr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", type=Path, default=Path("/tmp/bbc_build"))
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-store-bench"))
    parser.add_argument("--min-triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query on the store")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="timed runs per query on rdflib")
    parser.add_argument("--rdflib-budget", type=float, default=300.0, help="stop repeating after this")
    parser.add_argument("--rdflib-limit", type=float, default=1200.0, help="give up on one run after this")
    parser.add_argument("--output", type=Path, default=None, help="write the Markdown report here")
    args = parser.parse_args()

    from kg.rdf.store import GraphStore
    from kg.views.sparql import list_queries, resolve_query, run_query

    trig = ensure_build(args.build_dir, args.corpus)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    log("replicating")
    quads_file, union_file, copies, base = replicate(trig, args.work, args.min_triples)

    log("bulk-loading the store")
    out = args.work / "build"
    started = time.perf_counter()
    with GraphStore.open(out) as writer:
        writer.load(quads_file, "nquads")
        quads = len(writer)
    store_load = time.perf_counter() - started
    log(f"store: {quads:,} quads in {store_load:.1f} s")
    disk = GraphStore.open(out, read_only=True)
    started = time.perf_counter()
    warm = GraphStore.open(out, read_only=True, memory=True)
    warm.wait_for_memory_copy()
    copy_seconds = time.perf_counter() - started
    log(f"in-memory copy loaded in {copy_seconds:.1f} s")

    log("parsing into rdflib Graph() (in a worker process)")
    rdflib_worker = RdflibWorker(union_file)
    rdflib_load, rdflib_triples = rdflib_worker.load_seconds, rdflib_worker.triples
    log(f"rdflib: {rdflib_triples:,} triples in {rdflib_load:.1f} s")

    top = run_query(disk, resolve_query("top-speakers"))
    topic = disk.query(
        "SELECT ?t (COUNT(*) AS ?n) WHERE { ?p <https://w3id.org/newskg/ontology#topic> ?t "
        'FILTER(!STRENDS(STR(?t), "/other")) } GROUP BY ?t ORDER BY DESC(?n) ?t LIMIT 1'
    )
    values = {
        "actor": str(next(iter(top))[0]),  # type: ignore[index]
        "topic": next(iter(topic))["t"].value.rsplit("/", 1)[-1],
    }
    cases: list[tuple[str, str, dict[str, str]]] = []
    for info in list_queries():
        required = {p.name: values[p.name] for p in info.params if p.required}
        optional = {p.name: values[p.name] for p in info.params if not p.required}
        shown = ", ".join(f"{k}={v}" for k, v in required.items())
        cases.append((info.name + (f" ({shown})" if shown else ""), resolve_query(info.name), required))
        if optional:
            every = {**required, **optional}
            shown = ", ".join(f"{k}={v}" for k, v in every.items())
            cases.append((f"{info.name} ({shown})", resolve_query(info.name), every))

    results = []
    for label, text, params in cases:
        log(f"query {label}")

        def rows(data: Any, t: str = text, p: dict[str, str] = params) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in run_query(data, t, p)]

        disk_median, disk_times, ox_rows = timed(lambda: rows(disk), args.runs)
        warm_median, warm_times, warm_rows = timed(lambda: rows(warm), args.runs)
        answer = rdflib_worker.run(text, params, args.rdflib_runs, args.rdflib_budget, args.rdflib_limit)
        if answer is None:
            rd_times, rd_median, same = [], None, None
        else:
            rd_times, rd_rows = answer
            rd_median = statistics.median(rd_times)
            same = rows_by_value(ox_rows) == rd_rows == rows_by_value(warm_rows)
        reference = rd_median if rd_median is not None else args.rdflib_limit
        results.append(
            {
                "query": label,
                "rows": len(ox_rows),
                "same_rows": same,
                "disk_median": disk_median,
                "disk_runs": disk_times,
                "memory_median": warm_median,
                "memory_runs": warm_times,
                "rdflib_median": rd_median,
                "rdflib_runs": rd_times,
                "speedup_disk": reference / disk_median,
                "speedup_memory": reference / warm_median,
                "lower_bound": rd_median is None,
            }
        )
        shown = f"{rd_median:.3f} s" if rd_median is not None else f"> {args.rdflib_limit:.0f} s"
        log(f"  disk {disk_median:.3f} s, memory {warm_median:.3f} s, rdflib {shown}, same rows: {same}")
    rdflib_worker.close()

    disk.close()
    warm.close()
    log("reopening the store in a new process")
    reopen = json.loads(
        subprocess.run(
            [sys.executable, "-c", REOPEN, str(out), "top-speakers"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    )
    loads = {"store": store_load, "copy": copy_seconds, "rdflib": rdflib_load}
    report = render(args, copies, base, quads, rdflib_triples, loads, results, reopen)
    print(report)
    if args.output is not None:
        args.output.write_text(report, encoding="utf-8")
        log(f"wrote {args.output}")


def render(
    args: argparse.Namespace,
    copies: int,
    base: int,
    quads: int,
    triples: int,
    loads: dict[str, float],
    results: list[dict[str, Any]],
    reopen: dict[str, float],
) -> str:
    import pyoxigraph
    import rdflib

    command = " ".join([".venv/bin/python", *sys.argv])
    limit = f"{args.rdflib_limit:.0f}"
    lines = [
        "# Store benchmark: bundled queries on the Oxigraph store vs rdflib's in-memory Graph",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs (shared with other work), Python "
        f"{platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        f"Data: `{args.build_dir}/graph.trig` ({base:,} quads of real corpus output) repeated {copies}x with "
        f"distinct IRIs: **{quads:,} quads** in the store's named graphs, {triples:,} distinct triples in "
        "the rdflib Graph.",
        "",
        f"Load: store bulk load {loads['store']:.1f} s (named graphs, then the union default graph, then "
        "compaction); the "
        f"store's in-memory copy {loads['copy']:.1f} s (background thread); rdflib `Graph.parse` "
        f"(N-Triples) {loads['rdflib']:.1f} s.",
        "",
        "Each query through `kg.views.sparql.run_query`, every row materialised as rdflib terms, on three "
        f"targets one after the other: the store read from disk (RocksDB), the store once its in-memory copy "
        f"is loaded (`GraphStore.open(out, read_only=True, memory=True)`), and rdflib. Median of {args.runs} "
        f"runs on the store and up to {args.rdflib_runs} on rdflib (fewer once a query's runs took "
        f"{args.rdflib_budget:.0f} s; a run past {limit} s is stopped: '> {limit}', speed-up a lower bound). "
        "'same rows': the three return the same rows, literals compared by value and ', '-joined "
        "GROUP_CONCAT lists as sets (their order is undefined in SPARQL; see `rows_by_value`).",
        "",
        "| query | rows | store, disk (s) | store, memory copy (s) | rdflib (s) | speed-up disk | "
        "speed-up memory | same rows |",
        "|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for r in results:
        rdflib_cell = f"{r['rdflib_median']:.3f}" if r["rdflib_median"] is not None else f"> {limit}"
        bound = "> " if r["lower_bound"] else ""
        same = {True: "yes", False: "NO", None: "n/a"}[r["same_rows"]]
        cells = [
            r["query"],
            f"{r['rows']:,}",
            f"{r['disk_median']:.3f}",
            f"{r['memory_median']:.3f}",
            rdflib_cell,
            f"{bound}{r['speedup_disk']:.1f}x",
            f"{bound}{r['speedup_memory']:.1f}x",
            same,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    for key, what in (("speedup_disk", "read from disk"), ("speedup_memory", "with its memory copy")):
        low = min(r[key] for r in results)
        short = sum(r[key] < 10 for r in results)
        verdict = "met" if short == 0 else f"NOT met ({short} of {len(results)} queries under 10x)"
        lines.append("")
        lines.append(f"Store {what}: smallest speed-up **{low:.1f}x**; target 10x on every query: {verdict}.")
    lines += [
        "",
        "Reopening the closed store in a new process (`GraphStore.open(out, read_only=True, memory=True)`, "
        f"then `top-speakers` at once): open {reopen['open'] * 1000:.0f} ms, first query "
        f"{reopen['query']:.3f} s ({reopen['rows']} rows) from disk with no reload; the memory copy was "
        f"complete {reopen['copy']:.1f} s after opening (imports {reopen['import']:.2f} s). A full reload "
        f"would be the {loads['store']:.1f} s bulk load, or {loads['rdflib']:.1f} s of parsing for rdflib.",
        "",
        "Raw runs (seconds):",
        "",
    ]
    for r in results:
        disk_runs = ", ".join(f"{t:.3f}" for t in r["disk_runs"])
        memory_runs = ", ".join(f"{t:.3f}" for t in r["memory_runs"])
        rd_runs = ", ".join(f"{t:.2f}" for t in r["rdflib_runs"]) or f"stopped after {limit} s"
        lines.append(f"- {r['query']}: disk [{disk_runs}]; memory [{memory_runs}]; rdflib [{rd_runs}]")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
