"""Load a built graph from disk and export it as Turtle, TriG, N-Quads, N-Triples or JSON-LD.

Turtle and N-Triples hold the union of all graphs (a flat view of every fact); TriG, N-Quads and
JSON-LD keep one named graph per document. N-Quads and N-Triples lines are sorted so that two builds
of the same input give byte-identical files. Files are written atomically (temp file + `os.replace`),
so a reader never sees half a graph. Every function also takes the persistent store
(`kg.rdf.store.GraphStore`); N-Quads, N-Triples, TriG and Turtle then come from Oxigraph's own writers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.views import PREFIXES, ViewError

if TYPE_CHECKING:
    from kg.rdf.store import GraphStore

_G = TypeVar("_G", bound=Graph)

FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")

# The usual file suffix of each export format (for callers that pick a file name).
SUFFIXES: dict[str, str] = {
    "turtle": ".ttl",
    "trig": ".trig",
    "nquads": ".nq",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
}

# rdflib parser name for each file suffix `load` understands.
_PARSERS: dict[str, str] = {
    ".trig": "trig",
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}

# Common spellings users type for a format.
_ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "longturtle": "turtle",
    "nq": "nquads",
    "nt": "ntriples",
    "json-ld": "jsonld",
    "json": "jsonld",
}


def normalize_format(fmt: str) -> str:
    """The canonical name in `FORMATS` for `fmt` (accepts ttl, nt, nq, json-ld), or raise ViewError."""
    name = fmt.strip().lower()
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise ViewError(f"Unknown export format '{fmt}'; use one of: {', '.join(FORMATS)}.")
    return name


def load(path: Path) -> Dataset:
    """Read a graph file into a Dataset, the format taken from the suffix (.trig .ttl .nq .nt .jsonld .json).

    Triples-only formats (Turtle, N-Triples) land in the default graph.
    """
    path = Path(path)
    parser = _PARSERS.get(path.suffix.lower())
    if parser is None:
        known = " ".join(sorted(_PARSERS))
        raise ViewError(f"Cannot tell the RDF format of {path}: its suffix should be one of {known}.")
    if not path.is_file():
        raise ViewError(f"No graph file at {path}.")
    ds = Dataset()
    try:
        ds.parse(path, format=parser)
    except Exception as exc:  # parsers raise unrelated types: BadSyntax, JSONDecodeError, UnicodeError...
        raise ViewError(f"Could not read {path} as {parser}: {_brief(exc)}.") from exc
    return ds


def bind_prefixes(graph: _G, source: Graph | None = None) -> _G:
    """Bind the source's prefixes, then the project's defaults where free, so output is readable."""
    if source is not None:
        for prefix, namespace in source.namespaces():
            if prefix:
                graph.bind(prefix, namespace, override=False)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=False)
    return graph


def union(data: Dataset | Graph | GraphStore) -> Graph:
    """A new Graph holding every triple of every graph in `data`, with prefixes bound."""
    from kg.rdf.store import store_of

    store = store_of(data)
    if store is not None:
        graph = bind_prefixes(Graph())
        graph.parse(data=_store_union_ntriples(store), format="nt")
        return graph
    graph = bind_prefixes(Graph(), data)
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            graph.add((s, p, o))
    else:
        graph += data
    return graph


def union_view(data: Dataset | Graph) -> Graph:
    """A read-only-use view of `data` whose triples are those of all its graphs; shares the store, no copy.

    For the Oxigraph store's Dataset view, that is its default graph (the store keeps the union there).
    """
    from kg.rdf.store import store_of

    if isinstance(data, Dataset) and store_of(data) is not None:
        # rdflib 7.6 renamed default_context to default_graph (and deprecated the old name)
        return data.default_graph if hasattr(type(data), "default_graph") else data.default_context
    if isinstance(data, Dataset):
        return Dataset(store=data.store, default_union=True)
    return data


def as_dataset(data: Dataset | Graph | GraphStore) -> Dataset:
    """`data` itself if it is a Dataset, else a Dataset whose default graph holds its triples.

    For the store: an in-memory copy (views that walk every triple are faster on it).
    """
    from kg.rdf.store import GraphStore

    if isinstance(data, GraphStore):
        return data.to_dataset()
    if isinstance(data, Dataset):
        return data
    ds = Dataset()
    bind_prefixes(ds, data)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for triple in data:
        default.add(triple)
    return ds


def serialize(data: Dataset | Graph | GraphStore, fmt: str) -> str:
    """`data` as text in export format `fmt` (one of FORMATS)."""
    from kg.rdf.store import store_of

    fmt = normalize_format(fmt)
    store = store_of(data)
    if store is not None:
        return _serialize_store(store, fmt)
    if fmt == "turtle":
        return union(data).serialize(format="longturtle")
    if fmt == "ntriples":
        return _sorted_lines(union(data).serialize(format="nt"))
    ds = bind_prefixes(as_dataset(data))
    if fmt == "trig":
        return ds.serialize(format="trig")
    if fmt == "nquads":
        return _sorted_lines(ds.serialize(format="nquads"))
    # A context of the project's prefixes makes the JSON-LD compact ("kg:quote") and still round-trips.
    return ds.serialize(format="json-ld", context=dict(PREFIXES), indent=2)


def export(data: Dataset | Graph | GraphStore, fmt: str, path: Path | None = None) -> str:
    """Serialize `data` as `fmt`; when `path` is given, also write it there atomically. Returns the text."""
    text = serialize(data, fmt)
    if path is not None:
        write_atomic(Path(path), text)
    return text


def export_store_file(store: GraphStore, fmt: str, path: Path) -> Path:
    """Stream the store as TriG, Turtle (the union, each triple once) or N-Quads into `path`, atomically.

    Oxigraph writes straight to the file, so a corpus of any size costs no memory for its text; for
    other formats, or sorted N-Quads, use `export`.
    """
    import pyoxigraph as ox

    from kg.atomic import open_atomic

    fmt = normalize_format(fmt)
    if fmt in {"trig", "nquads"}:
        return write_quads_file(_named_graph_quads(store), fmt, path)
    if fmt != "turtle":
        raise ViewError(f"Streaming export supports trig, turtle and nquads, not {fmt}.")
    # The store keeps the union in its default graph (each triple once): Oxigraph dumps it without a
    # Python object per triple, unless this store must compute the union per query.
    try:
        with open_atomic(path) as handle:
            if not store.query_options():
                store.oxigraph.dump(
                    handle, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=dict(PREFIXES)
                )
            else:
                triples = _store_union_triples(store)
                ox.serialize(triples, handle, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    except OSError as exc:
        raise ViewError(f"Could not write {path}: {exc.strerror or exc}.") from exc
    return Path(path)


def write_quads_file(quads: Iterable[Any], fmt: str, path: Path) -> Path:
    """Stream Oxigraph quads (e.g. a build's, as they go into the store) into a TriG or N-Quads file,
    atomically, with the project's prefixes."""
    import pyoxigraph as ox

    from kg.atomic import open_atomic

    fmt = normalize_format(fmt)
    if fmt not in {"trig", "nquads"}:
        raise ViewError(f"Quads can be streamed as trig or nquads, not {fmt}.")
    options = {"prefixes": dict(PREFIXES)} if fmt == "trig" else {}
    kind = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
    try:
        with open_atomic(path) as handle:
            ox.serialize(quads, handle, format=kind, **options)
    except OSError as exc:
        raise ViewError(f"Could not write {path}: {exc.strerror or exc}.") from exc
    return Path(path)


def _named_graph_quads(store: GraphStore) -> Any:
    """The quads of each named graph in turn (the union copy in the default graph is never read)."""
    for graph in store.oxigraph.named_graphs():
        yield from store.oxigraph.quads_for_pattern(None, None, None, graph)


def write_atomic(path: Path, text: str) -> Path:
    """Write UTF-8 `text` to `path` via a temp file in the same folder and `os.replace`."""
    from kg.atomic import write_atomic as _write

    try:
        return _write(path, text)
    except OSError as exc:
        raise ViewError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def _serialize_store(store: GraphStore, fmt: str) -> str:
    """Export the store with Oxigraph's writers (JSON-LD goes through rdflib for the compact context)."""
    import pyoxigraph as ox

    prefixes = dict(PREFIXES)
    if fmt == "nquads":
        return _sorted_lines(store.dump("nquads").decode("utf-8"))
    if fmt == "ntriples":
        return _sorted_lines(_store_union_ntriples(store))
    if fmt == "trig":
        return store.dump("trig", prefixes=prefixes).decode("utf-8")
    if fmt == "turtle":
        triples = _store_union_triples(store)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    return serialize(store.to_dataset(), fmt)


def _store_union_triples(store: GraphStore) -> Any:
    """Every distinct triple of the store's graphs (the union, as CONSTRUCT gives it)."""
    return store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def _store_union_ntriples(store: GraphStore) -> str:
    import pyoxigraph as ox

    return ox.serialize(_store_union_triples(store), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _sorted_lines(text: str) -> str:
    """Sort the non-empty lines of a line-based RDF serialization (N-Triples/N-Quads) for stable output."""
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def _brief(exc: BaseException) -> str:
    """The first line of an exception message, trimmed, for a one-sentence error."""
    message = str(exc).strip().splitlines()
    first = message[0].strip() if message else type(exc).__name__
    first = first.rstrip(".")
    return first if len(first) <= 200 else first[:197] + "..."
