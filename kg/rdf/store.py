"""A persistent Oxigraph store under the build folder: one named graph per document, keyed by its text hash.

Builds are incremental and idempotent: `sync` writes only the graphs whose triples differ from what the
store holds, each graph swapped in one transaction (a single SPARQL Update: DROP + INSERT DATA), so a
reader never sees half a document. Large first loads go through Oxigraph's bulk loader instead.

The store's default graph holds the union of the named graphs, each triple once, kept up to date in the
same transactions, and queries run on it. Oxigraph's own union mode (``use_default_graph_as_union``)
returns a triple once per graph that holds it (a resource label in two documents' graphs doubles a row
and a COUNT; oxigraph issue #1919, fixed after 0.5.13); the materialised union has RDF-merge (set)
semantics, like rdflib, and is faster to query. `GRAPH ?g { ... }` still sees each document's graph.

A read-only store can also keep a copy in memory (``memory=True``): it is loaded in a background thread
after opening (the disk answers meanwhile, so the first query needs no reload) and answers every query
once complete. Oxigraph's RocksDB store is 3-8x slower per query than its in-memory store; long-lived
readers (``kg serve``, notebooks) gain from the copy, a one-shot ``kg query`` does not.

Layout of ``{out}/store/``:

- ``oxigraph/``: the RocksDB database (one writer at a time; readers open it read-only);
- ``results/{sha256}.json``: each document's extraction records (`DocResult`), so that a later build can
  re-resolve actors across all documents without parsing the old ones again;
- ``meta.json``: small facts about the store, e.g. the fingerprint of the pipeline that filled it.
"""

from __future__ import annotations

import functools
import json
import shutil
import threading
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import write_atomic
from kg.types import DocResult, Document

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

__all__ = [
    "STORE_DIR",
    "DocumentEntry",
    "GraphStore",
    "StoreError",
    "StoreStats",
    "SyncReport",
    "decode_result",
    "encode_result",
    "store_of",
    "store_path",
]

STORE_DIR = "store"
_DB_DIR = "oxigraph"
_RESULTS_DIR = "results"
_META_FILE = "meta.json"
_CACHE_FORMAT = 1
_BATCH_TRIPLES = 50_000  # triples per update transaction when many graphs change at once

_KG = "https://w3id.org/newskg/ontology#"
_PREFIXES = (
    f"PREFIX kg: <{_KG}>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)

# rdflib/user format names -> pyoxigraph RdfFormat attribute names.
_FORMATS = {
    "trig": "TRIG",
    "nquads": "N_QUADS",
    "nq": "N_QUADS",
    "turtle": "TURTLE",
    "ttl": "TURTLE",
    "ntriples": "N_TRIPLES",
    "nt": "N_TRIPLES",
    "jsonld": "JSON_LD",
    "json-ld": "JSON_LD",
    "rdfxml": "RDF_XML",
    "xml": "RDF_XML",
}
_SUFFIX_FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
    ".rdf": "rdfxml",
}


class StoreError(Exception):
    """A store that cannot be opened, read or written as asked: one clear sentence for the user."""


def store_path(out_dir: Path | str) -> Path:
    """Where the store of the build folder `out_dir` lives."""
    return Path(out_dir) / STORE_DIR


def save_result_file(path: Path | str, result: DocResult) -> None:
    """Write one document's extraction records into the store folder `path` (`GraphStore.save_result`).

    A plain file beside the database, so `--jobs` workers write their own without opening the store.
    """
    folder = Path(path) / _RESULTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": _CACHE_FORMAT, "result": encode_result(result)}, ensure_ascii=False)
    write_atomic(folder / f"{result.document.sha256}.json", text)


@dataclass(frozen=True)
class DocumentEntry:
    """A document held by the store: its content hash, identifier (file name or id field) and graph."""

    sha256: str
    identifier: str
    graph: str
    iri: str
    title: str | None = None


@dataclass(frozen=True)
class SyncReport:
    """What `GraphStore.sync` did, graph IRIs by outcome."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


@dataclass(frozen=True)
class StoreStats:
    """Counts over the store for `kg stats`."""

    documents: int
    triples: int
    graphs: int
    statements: int
    pledges: int
    actors: int
    actors_by_type: dict[str, int] = field(default_factory=dict)
    top_speakers: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "triples": self.triples,
            "graphs": self.graphs,
            "statements": self.statements,
            "pledges": self.pledges,
            "actors": self.actors,
            "actors_by_type": dict(self.actors_by_type),
            "top_speakers": [{"speaker": name, "statements": n} for name, n in self.top_speakers],
        }

    def to_text(self) -> str:
        """A short aligned summary for the terminal."""
        rows = [
            ("documents", self.documents, ""),
            ("triples", self.triples, f"  in {self.graphs:,} named graphs"),
            ("statements", self.statements, ""),
            ("pledges", self.pledges, ""),
            ("actors", self.actors, ""),
            *((f"  {kind}", n, "") for kind, n in self.actors_by_type.items()),
        ]
        width = max(len(label) for label, _, _ in rows) + 2
        lines = [f"{label:<{width}}{n:>9,}{note}" for label, n, note in rows]
        if self.top_speakers:
            lines.append("top speakers (statements)")
            width = max(len(name) for name, _ in self.top_speakers)
            lines += [f"  {name:<{width}}  {n:>5,}" for name, n in self.top_speakers]
        return "\n".join(lines) + "\n"


class GraphStore:
    """The project's persistent RDF store: a pyoxigraph `Store` plus the per-document extraction cache.

    Open it with `GraphStore.open(out_dir)` (read-write, created if missing) or
    `GraphStore.open(out_dir, read_only=True)` (fails if missing; any number of readers may open it while
    no build writes). Only one process may hold it read-write: a second gets a `StoreError` that says so.
    Use it as a context manager, or call `close`, to release the database lock.
    """

    def __init__(self, path: Path | str | None, *, read_only: bool = False, memory: bool = False) -> None:
        import pyoxigraph as ox

        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._union = True  # whether the default graph holds the union of the named graphs
        self._memory: ox.Store | None = None  # the in-memory copy, once loaded
        self._loading: threading.Thread | None = None
        if self.path is None:  # in memory: for a graph file without a store, and for tests
            self._store: ox.Store | None = ox.Store()
            return
        db = self.path / _DB_DIR
        try:
            if read_only:
                if not db.is_dir():
                    raise StoreError(f"No store at {self.path}; run 'kg build' first.")
                self._store = ox.Store.read_only(str(db))
            else:
                db.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(db))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"The store at {self.path} is in use by another process (a build, 'kg serve' or "
                    "'kg remove'); wait for it to finish."
                ) from exc
            raise StoreError(f"Could not open the store at {self.path}: {_brief(exc)}.") from exc
        self._union = self._has_union()
        if not self._union and not read_only:
            self.rebuild_union()
        if memory:
            self.load_memory_copy()

    @classmethod
    def in_memory(cls, source: Path | str | None = None, fmt: str | None = None) -> GraphStore:
        """A store held in memory, filled from the RDF file `source` if given (format from its suffix)."""
        store = cls(None)
        if source is not None:
            store.load(source, fmt)
        return store

    @classmethod
    def open(cls, out_dir: Path | str, *, read_only: bool = False, memory: bool = False) -> GraphStore:
        """The store of build folder `out_dir` (``{out_dir}/store``); see the class for `memory`."""
        return cls(store_path(out_dir), read_only=read_only, memory=memory)

    @staticmethod
    def exists(out_dir: Path | str) -> bool:
        """Whether build folder `out_dir` has a store."""
        return (store_path(out_dir) / _DB_DIR).is_dir()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the database (the lock goes when the last reference to it goes)."""
        if self._store is not None and not self.read_only and self.path is not None:
            self._store.flush()
        self._store = None
        self._memory = None

    def load_memory_copy(self) -> None:
        """Start copying the store into memory in a background thread (read-only stores only).

        Oxigraph dumps and parses natively, without holding the GIL, so queries go on meanwhile
        (from disk); once the copy is complete every query uses it. The copy is a snapshot: a
        read-only store does not see later writes either.
        """
        import pyoxigraph as ox

        if not self.read_only:
            raise StoreError("Only a store opened read-only keeps a copy in memory.")
        if self._loading is not None or self.path is None:
            return
        source = self.oxigraph

        def copy() -> None:
            try:
                memory = ox.Store()
                memory.load(source.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
            except (OSError, ValueError, SyntaxError):  # keep answering from disk
                return
            if self._store is not None:
                self._memory = memory

        self._loading = threading.Thread(target=copy, name="kg-store-memory-copy", daemon=True)
        self._loading.start()

    def wait_for_memory_copy(self, timeout: float | None = None) -> bool:
        """Wait until the in-memory copy is complete; whether queries now use it."""
        if self._loading is not None:
            self._loading.join(timeout)
        return self._memory is not None

    @property
    def _reader(self) -> ox.Store:
        """Where queries go: the in-memory copy when complete, else the database."""
        memory = self._memory
        return memory if memory is not None else self.oxigraph

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph Store (for native queries and bulk operations)."""
        if self._store is None:
            raise StoreError(f"The store at {self.path or 'memory'} is closed.")
        return self._store

    def __len__(self) -> int:
        """The number of quads in the named graphs (the union copy in the default graph not counted)."""
        return len(self.oxigraph) - self._default_size()

    def _default_size(self) -> int:
        import pyoxigraph as ox

        return sum(1 for _ in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def _has_union(self) -> bool:
        """Whether the default graph holds the union (or there is nothing to hold)."""
        import pyoxigraph as ox

        default = self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())
        return next(iter(default), None) is not None or next(iter(self.oxigraph.named_graphs()), None) is None

    # ----- reading -------------------------------------------------------------------------------------

    def query_options(self) -> dict[str, Any]:
        """Options for `pyoxigraph.Store.query` that make the default graph the union of all graphs."""
        return {} if self._union else {"use_default_graph_as_union": True}

    def query(self, sparql: str, **options: Any) -> Any:
        """Run SPARQL natively, the default graph being the union of all graphs (unless `options` say
        otherwise: they go to `pyoxigraph.Store.query`)."""
        if "default_graph" not in options and "use_default_graph_as_union" not in options:
            options.update(self.query_options())
        return self._reader.query(sparql, **options)

    def graphs(self) -> set[str]:
        """The IRIs of every named graph in the store."""
        return {g.value for g in self.oxigraph.named_graphs() if hasattr(g, "value")}

    def documents(self) -> dict[str, DocumentEntry]:
        """Every document in the store, keyed by its full SHA-256."""
        sparql = _PREFIXES + (
            "SELECT ?g ?d ?sha ?id ?title WHERE { GRAPH ?g { ?d a kg:Document ; kg:sha256 ?sha . "
            "OPTIONAL { ?d dcterms:identifier ?id } OPTIONAL { ?d dcterms:title ?title } } }"
        )
        entries: dict[str, DocumentEntry] = {}
        for row in self.oxigraph.query(sparql):
            sha = row["sha"].value
            title = row["title"]
            entries[sha] = DocumentEntry(
                sha256=sha,
                identifier=row["id"].value if row["id"] is not None else "",
                graph=row["g"].value,
                iri=row["d"].value,
                title=title.value if title is not None else None,
            )
        return entries

    def has_document(self, sha256: str) -> bool:
        """Whether the store holds the document with this text hash, in that document's own graph."""
        import pyoxigraph as ox

        from kg.rdf.iris import document_graph_iri

        try:
            graph = ox.NamedNode(str(document_graph_iri(sha256)))
        except ValueError:
            return False
        quads = self.oxigraph.quads_for_pattern(None, ox.NamedNode(_KG + "sha256"), ox.Literal(sha256), graph)
        return next(iter(quads), None) is not None

    def find_documents(self, key: str) -> list[DocumentEntry]:
        """Documents whose identifier equals `key`, or whose SHA-256, document IRI or graph IRI is `key`.

        A hash prefix of at least 8 hex digits also matches.
        """
        key = key.strip()
        found = []
        for entry in self.documents().values():
            by_hash = len(key) >= 8 and entry.sha256.startswith(key.lower())
            if key in (entry.identifier, entry.graph, entry.iri) or by_hash:
                found.append(entry)
        return sorted(found, key=lambda e: (e.identifier, e.sha256))

    def graph_lines(self, graph: str) -> set[str]:
        """The triples of one named graph as canonical N-Triples lines."""
        import pyoxigraph as ox

        quads = self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return {f"{q.subject} {q.predicate} {q.object} ." for q in quads}

    def stats(self, top: int = 10) -> StoreStats:
        """Documents, triples, statements, pledges, actors by type and the top speakers."""
        ask = self.query

        def count(pattern: str) -> int:
            rows = list(ask(_PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"))
            return int(rows[0]["n"].value) if rows else 0

        by_type: dict[str, int] = {}
        sparql = _PREFIXES + (
            "SELECT ?t (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Actor , ?t . FILTER(?t != kg:Actor) } "
            "GROUP BY ?t ORDER BY DESC(?n) ?t"
        )
        for row in ask(sparql):
            name = row["t"].value
            by_type[name.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] = int(row["n"].value)
        sparql = _PREFIXES + (
            "SELECT ?name (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement ; kg:speaker ?a . "
            "?a rdfs:label ?name } GROUP BY ?a ?name ORDER BY DESC(?n) ?name LIMIT " + str(int(top))
        )
        speakers = tuple((row["name"].value, int(row["n"].value)) for row in ask(sparql))
        return StoreStats(
            documents=count("SELECT DISTINCT ?d WHERE { ?d a kg:Document }"),
            triples=count("?s ?p ?o"),
            graphs=sum(1 for _ in self.oxigraph.named_graphs()),
            statements=count("SELECT DISTINCT ?s WHERE { ?s a kg:Statement }"),
            pledges=count("SELECT DISTINCT ?p WHERE { ?p a kg:Pledge }"),
            actors=count("SELECT DISTINCT ?a WHERE { ?a a kg:Actor }"),
            actors_by_type=by_type,
            top_speakers=speakers,
        )

    def dataset(self) -> Dataset:
        """An rdflib Dataset over this store (oxrdflib; no copy): the rdflib API on the Oxigraph data.

        Its default graph is the union of the named graphs. `kg.views.sparql.run_query` recognises it
        and runs queries natively.
        """
        from oxrdflib import OxigraphStore

        from kg.rdf.namespace import bind_prefixes

        ds = _store_dataset_class()(store=OxigraphStore(store=self.oxigraph))
        ds.graph_store = self
        return bind_prefixes(ds)

    def to_dataset(self) -> Dataset:
        """An in-memory rdflib Dataset copy of the whole store (for SHACL or HTML views of a build)."""
        from rdflib import Dataset

        from kg.rdf.namespace import bind_prefixes

        ds = bind_prefixes(Dataset())
        ds.parse(data=self.dump("nquads"), format="nquads")
        return ds

    def named_quads(self) -> Iterator[Any]:
        """Every quad of the named graphs (not the union copy in the default graph)."""
        import pyoxigraph as ox

        return (q for q in self.oxigraph if not isinstance(q.graph_name, ox.DefaultGraph))

    def dump(self, fmt: str = "nquads", prefixes: Mapping[str, str] | None = None) -> bytes:
        """The named graphs serialised natively (N-Quads or TriG; one graph per document)."""
        import pyoxigraph as ox

        options = {"prefixes": dict(prefixes)} if prefixes else {}
        return ox.serialize(self.named_quads(), format=_rdf_format(fmt), **options)

    # ----- writing -------------------------------------------------------------------------------------

    def replace_graph(self, graph: str, data: Graph | Iterable[Any]) -> bool:
        """Make named graph `graph` hold exactly `data`, in one transaction; False if it already did."""
        return bool(self.replace_graphs({str(graph): data}))

    def replace_document(self, graph: str, data: Graph | Iterable[Any]) -> bool:
        """Swap one document's graph (see `kg.rdf.iris.document_graph_iri`); False if unchanged."""
        return self.replace_graph(graph, data)

    def replace_graphs(self, graphs: Mapping[str, Graph | Iterable[Any]]) -> list[str]:
        """Replace several named graphs in one transaction; returns the IRIs of those that changed.

        An empty `data` removes the graph.
        """
        self._writable()
        wanted = _canonical({str(name): data for name, data in graphs.items()})
        existing = self.graphs()
        changed: dict[str, list[str]] = {}
        for graph, lines in wanted.items():
            if graph in existing:
                if _same(self.graph_lines(graph), lines):
                    continue
            elif not lines:
                continue
            changed[graph] = sorted(lines)
        if changed:
            self._apply(changed)
        return list(changed)

    def remove_graph(self, graph: str) -> bool:
        """Drop one named graph; False if there was no such graph."""
        self._writable()
        if graph not in self.graphs():
            return False
        self._apply({graph: []})
        return True

    def remove_document(self, key: str) -> DocumentEntry:
        """Drop the graph and cached records of the one document `key` names (see `find_documents`)."""
        self._writable()
        found = self.find_documents(key)
        if not found:
            raise StoreError(f"No document '{key}' in the store; 'kg query documents' lists them.")
        if len(found) > 1:
            listed = ", ".join(f"{e.identifier} ({e.sha256[:12]})" for e in found)
            raise StoreError(f"'{key}' names {len(found)} documents: {listed}; give the hash instead.")
        entry = found[0]
        self._apply({entry.graph: []})
        self.drop_result(entry.sha256)
        return entry

    def sync(self, dataset: Dataset, *, prune: bool = False) -> SyncReport:
        """Make the store hold the named graphs of `dataset`, writing only those that differ.

        Graphs of the store missing from `dataset` are kept unless `prune`. Each graph is swapped
        atomically; when many change, they are written in transactions of about 50,000 triples.
        An empty store is filled with Oxigraph's bulk loader.
        """
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        self._writable()
        existing = self.graphs()
        wanted = {
            str(g.identifier): g
            for g in dataset.graphs()
            if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g) > 0
        }
        if not existing and len(self.oxigraph) == 0:
            self.oxigraph.bulk_extend(_ox_quads(wanted))
            self.rebuild_union()
            return SyncReport(added=tuple(sorted(wanted)))
        added: list[str] = []
        replaced: list[str] = []
        unchanged = 0
        batch: dict[str, list[str]] = {}
        size = 0
        for name, lines in sorted(_canonical(wanted).items()):
            if name in existing:
                if _same(self.graph_lines(name), lines):
                    unchanged += 1
                    continue
                replaced.append(name)
            else:
                added.append(name)
            batch[name] = sorted(lines)
            size += len(lines)
            if size >= _BATCH_TRIPLES:
                self._apply(batch)
                batch, size = {}, 0
        removed = sorted(existing - set(wanted)) if prune else []
        for name in removed:
            batch[name] = []
        if batch:
            self._apply(batch)
        return SyncReport(tuple(added), tuple(replaced), tuple(removed), unchanged)

    def load(self, source: Path | str | bytes, fmt: str | None = None, *, graph: str | None = None) -> None:
        """Bulk-load a file (or bytes) with Oxigraph's native loader; `fmt` defaults from the suffix.

        Triples-only formats go to `graph` (default graph if None). Not transactional: meant for
        filling a fresh store (see `clear`) or a benchmark, not for replacing single documents.
        """
        import pyoxigraph as ox

        self._writable()
        to_graph = ox.NamedNode(graph) if graph else None
        try:
            if isinstance(source, bytes):
                self.oxigraph.bulk_load(source, format=_rdf_format(fmt or "nquads"), to_graph=to_graph)
            else:
                path = Path(source)
                name = fmt or _SUFFIX_FORMATS.get(path.suffix.lower())
                if name is None:
                    raise StoreError(f"Cannot tell the RDF format of {path}; pass the format.")
                self.oxigraph.bulk_load(path=str(path), format=_rdf_format(name), to_graph=to_graph)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"Could not load {_brief_source(source)}: {_brief(exc)}.") from exc
        self.rebuild_union()

    def rebuild_union(self, chunk: int = 200_000) -> None:
        """Fill the default graph with the union of the named graphs (after a bulk load), then compact
        the database: bulk loads leave many small RocksDB files behind, and reads after compaction
        are about twice as fast (measured in bench/store_results.md)."""
        import itertools

        import pyoxigraph as ox

        self._writable()
        store = self.oxigraph
        store.clear_graph(ox.DefaultGraph())
        quads = self.named_quads()
        while batch := [ox.Quad(q.subject, q.predicate, q.object) for q in itertools.islice(quads, chunk)]:
            store.bulk_extend(batch)
        store.flush()
        if self.path is not None:
            store.optimize()
        self._union = True

    def clear(self) -> None:
        """Empty the store and the extraction cache (for ``kg build --rebuild``)."""
        self._writable()
        self.oxigraph.clear()
        if self.path is not None:
            shutil.rmtree(self.path / _RESULTS_DIR, ignore_errors=True)
            self.set_meta({})

    def optimize(self) -> None:
        """Compact the database (optional; after large changes)."""
        self._writable()
        self.oxigraph.optimize()

    def _folder(self) -> Path:
        """The store's folder, for the cache and metadata files (in-memory stores have none)."""
        self._writable()
        if self.path is None:
            raise StoreError("An in-memory store keeps no extraction records or metadata.")
        self.path.mkdir(parents=True, exist_ok=True)
        return self.path

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"The store at {self.path} is open read-only.")

    def _apply(self, graphs: Mapping[str, list[str]]) -> None:
        """One SPARQL Update (= one transaction): for each graph, DROP it and INSERT its lines; the
        union in the default graph loses the old graph's triples that no other graph holds and gains
        the new ones."""
        parts = []
        for i, (graph, lines) in enumerate(graphs.items()):
            iri = _iri(graph)
            parts.append(
                f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {iri}) }} }}"
            )
            parts.append(f"DROP SILENT GRAPH {iri}")
            if lines:
                body = "\n".join(_relabel(line, i) for line in lines)
                parts.append(f"INSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}")
                if "_:" in body:  # the same blank nodes in the union copy
                    parts.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} }}")
                else:
                    parts.append(f"INSERT DATA {{\n{body}\n}}")
        try:
            self.oxigraph.update(" ;\n".join(parts))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"Could not write to the store at {self.path}: {_brief(exc)}.") from exc

    # ----- builds ------------------------------------------------------------------------------------

    def cached_result(self, document: Document) -> DocResult | None:
        """The cached records of exactly this document (same text, id and metadata): no need to parse it.

        None means: parse it (new, changed, or records from an older pipeline were cleared).
        """
        result = self.load_result(document.sha256)
        return result if result is not None and result.document == document else None

    def merge_results(self, current: Sequence[DocResult]) -> tuple[list[DocResult], list[DocumentEntry]]:
        """What a build should hold: `current` plus the earlier documents still in the store.

        Returns (all results, superseded): earlier documents come back from their cached records; a
        stored document whose identifier or text is among `current` is superseded (a changed file
        replaces its old version). Stored documents without cached records are neither (they stay
        as they are; `kg build --rebuild` refreshes them). Results are sorted by document id and hash,
        so actors resolve the same way whatever order the inputs came in.
        """
        ids = {r.document.id for r in current}
        shas = {r.document.sha256 for r in current}
        merged = list(current)
        superseded = []
        for sha, entry in sorted(self.documents().items()):
            if sha in shas:
                continue
            if entry.identifier in ids:
                superseded.append(entry)
                continue
            earlier = self.load_result(sha)
            if earlier is not None:
                merged.append(earlier)
        merged.sort(key=lambda r: (r.document.id, r.document.sha256))
        return merged, superseded

    def write_build(
        self, results: Sequence[DocResult], dataset: Dataset, superseded: Sequence[DocumentEntry] = ()
    ) -> SyncReport:
        """Write a build: cache each document's records, swap in the graphs that changed, drop superseded.

        `dataset` is the RDF of all of `results` (actors resolved over all of them), as
        `kg.pipeline.to_dataset` makes it. An unchanged build writes nothing.
        """
        self._writable()
        cached = self.cached_hashes()
        for result in results:
            if result.document.sha256 not in cached or self.load_result(result.document.sha256) != result:
                self.save_result(result)
        report = self.sync(dataset)
        keep = {str(g.identifier) for g in dataset.graphs()}
        gone = {e.graph: [] for e in superseded if e.graph not in keep}
        if gone:
            self._apply(gone)
        for entry in superseded:
            if entry.sha256 not in {r.document.sha256 for r in results}:
                self.drop_result(entry.sha256)
        if gone:
            report = SyncReport(report.added, report.replaced, tuple(sorted(gone)), report.unchanged)
        return report

    # ----- extraction cache ----------------------------------------------------------------------------

    def save_result(self, result: DocResult) -> None:
        """Keep one document's extraction records, keyed by its text hash (atomic file write)."""
        save_result_file(self._folder(), result)

    def load_result(self, sha256: str) -> DocResult | None:
        """The cached records of the document with this hash; None if absent or unreadable."""
        if self.path is None:
            return None
        path = self.path / _RESULTS_DIR / f"{sha256}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != _CACHE_FORMAT:
                return None
            result = decode_result(data["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return result if result.document.sha256 == sha256 else None

    def cached_hashes(self) -> set[str]:
        """The hashes of every document whose records are cached."""
        if self.path is None:
            return set()
        folder = self.path / _RESULTS_DIR
        return {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()

    def drop_result(self, sha256: str) -> None:
        """Forget the cached records of one document."""
        if self.path is not None:
            (self.path / _RESULTS_DIR / f"{sha256}.json").unlink(missing_ok=True)

    def get_meta(self) -> dict[str, Any]:
        """The store's small metadata dict (empty if none)."""
        if self.path is None:
            return {}
        try:
            data = json.loads((self.path / _META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def set_meta(self, meta: Mapping[str, Any]) -> None:
        """Replace the store's metadata dict (e.g. ``{"fingerprint": ...}``)."""
        folder = self._folder()
        write_atomic(folder / _META_FILE, json.dumps(dict(meta), indent=2, sort_keys=True) + "\n")


@functools.cache
def _store_dataset_class() -> type[Dataset]:
    from rdflib import Dataset

    class StoreDataset(Dataset):
        """An rdflib Dataset backed by a `GraphStore` (remembers it, so views can query natively)."""

        graph_store: GraphStore | None = None

    return StoreDataset


def store_of(data: object) -> GraphStore | None:
    """The `GraphStore` behind `data` (a GraphStore itself, or a Dataset from `GraphStore.dataset`)."""
    if isinstance(data, GraphStore):
        return data
    store = getattr(data, "graph_store", None)
    return store if isinstance(store, GraphStore) else None


# ----- helpers ---------------------------------------------------------------------------------------


def _rdf_format(name: str) -> ox.RdfFormat:
    import pyoxigraph as ox

    key = _FORMATS.get(name.strip().lower())
    if key is None:
        raise StoreError(f"Unknown RDF format '{name}'; use one of: {', '.join(sorted(set(_FORMATS)))}.")
    return getattr(ox.RdfFormat, key)


def _iri(value: str) -> str:
    import pyoxigraph as ox

    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise StoreError(f"'{value}' is not a valid graph IRI.") from exc


def _to_ox(term: Any) -> Any:
    """An rdflib term as a pyoxigraph term (pyoxigraph terms pass through)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return term


def _triples(data: Any) -> Iterator[tuple[Any, Any, Any]]:
    """pyoxigraph (s, p, o) of an rdflib Graph, rdflib triples or pyoxigraph Triples/Quads."""
    for item in data:
        if hasattr(item, "subject"):
            yield item.subject, item.predicate, item.object
        else:
            s, p, o = item[:3]
            yield _to_ox(s), _to_ox(p), _to_ox(o)


def _canonical(graphs: Mapping[str, Any]) -> dict[str, set[str]]:
    """Each graph's triples as N-Triples lines in Oxigraph's canonical form.

    Oxigraph stores some literals by value (``"2.0"^^xsd:decimal`` reads back as ``"2"``), so the new
    data goes through an in-memory Oxigraph store before it is compared with what the store holds.
    """
    import pyoxigraph as ox

    memory = ox.Store()
    names = {name: ox.NamedNode(name) for name in graphs}
    memory.extend(ox.Quad(*t, names[name]) for name, data in graphs.items() for t in _triples(data))
    out = {}
    for name, node in names.items():
        quads = memory.quads_for_pattern(None, None, None, node)
        out[name] = {f"{q.subject} {q.predicate} {q.object} ." for q in quads}
    return out


def _same(old: set[str], new: set[str]) -> bool:
    """Whether two graphs' lines hold the same triples (isomorphism when blank nodes are involved)."""
    if old == new:
        return True
    if len(old) != len(new) or not any("_:" in line for line in old | new):
        return False
    from rdflib import Graph
    from rdflib.compare import isomorphic

    a = Graph().parse(data="\n".join(old), format="nt")
    b = Graph().parse(data="\n".join(new), format="nt")
    return isomorphic(a, b)


def _relabel(line: str, index: int) -> str:
    """Give blank nodes graph-specific labels (labels may not be shared between update operations)."""
    if "_:" not in line:
        return line
    import re

    return re.sub(r"(^| )_:([A-Za-z0-9_\-.]+)", rf"\1_:g{index}x\2", line)


def _ox_quads(graphs: Mapping[str, Graph]) -> Iterator[Any]:
    import pyoxigraph as ox

    for name, graph in graphs.items():
        node = ox.NamedNode(name)
        for s, p, o in graph:
            yield ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), node)


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _brief_source(source: Path | str | bytes) -> str:
    return "the data" if isinstance(source, bytes) else str(source)


# ----- DocResult <-> JSON ----------------------------------------------------------------------------


def encode_result(result: DocResult) -> dict[str, Any]:
    """A `DocResult` as plain JSON data (dataclasses to dicts, enums to values, decimals to strings)."""
    return _encode(result)


def decode_result(data: Mapping[str, Any]) -> DocResult:
    """The `DocResult` that `encode_result` turned into `data` (raises on data of another shape)."""
    result = _decode(DocResult, data)
    if not isinstance(result, DocResult):
        raise TypeError("not a DocResult")
    return result


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(tp: type) -> tuple[str, ...]:
    """A dataclass's field names (empty for any other type), looked up once per type: a corpus's
    records hold about a million values, and `dataclasses.fields` per value was most of the cost."""
    names = _FIELD_NAMES.get(tp)
    if names is None:
        names = _FIELD_NAMES[tp] = tuple(f.name for f in fields(tp)) if is_dataclass(tp) else ()
    return names


def _encode(value: Any) -> Any:
    tp = type(value)
    if tp in _PLAIN:
        return value
    if tp is tuple or tp is list:
        return [_encode(v) for v in value]
    names = _field_names(tp)
    if names:
        return {name: _encode(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    return value


def _decode(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return tuple(_decode(item, v) for v in value)
    if isinstance(tp, type) and is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return tp(**{name: _decode(hints[name], v) for name, v in value.items() if name in hints})
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is Decimal:
        return Decimal(value)
    if tp is float:
        return float(value)
    if tp in (str, int, bool) and not isinstance(value, tp):
        raise TypeError(f"expected {tp.__name__}, got {type(value).__name__}")
    return value
