"""The one place the stages are wired, in order:

documents -> nlp (parse) -> actors (per document) -> facts -> actors (across documents) -> rdf -> views.

A build streams documents through the parse (one process, N processes, or a Dask cluster), saving each
document's plain `DocResult` in the build folder's cache as soon as it is extracted. Unchanged documents
are never parsed again, a killed build resumes where it stopped, and only the compact actor records are
held in memory for the cross-document step; the RDF is then written one document at a time.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import write_atomic
from kg.types import DocResult, Document, Mention, Resolution, Skipped, Topic

if TYPE_CHECKING:
    from rdflib import Dataset
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_STATEMENTS = 2_000
BATCH_SIZE = 16
ZONE_SIZE = 64  # documents per spaCy memory zone (see `extract_safely`)
RELEASE_MODEL_AFTER = 200  # documents parsed in this process after which the build frees the model
_WARMED: set[int] = set()  # pipelines (by id) that have parsed their warm-up chunk in this process


class BuildError(Exception):
    """A build that cannot go on (`--strict` and a skipped input); the message is one sentence."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one input document."""

    id: str
    source: str | None
    sha256: str
    status: str  # "parsed" | "cached"
    encoding: str | None
    statements: int
    pledges: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stored:
    """A document whose result a `--jobs` worker wrote to the build cache itself (the driver only counts)."""

    sha256: str
    words: int


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts for the terminal summary, every input's outcome and every skip with why."""

    documents: int
    statements: int
    pledges: int
    actors: int
    seconds: float
    conforms: bool | None
    skipped: tuple[Skipped, ...] = ()
    outputs: dict[str, str] = field(default_factory=dict)
    validation: str = ""
    outcomes: tuple[Outcome, ...] = ()
    parsed: int = 0
    words: int = 0
    parse_seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "parsed": self.parsed,
            "statements": self.statements,
            "pledges": self.pledges,
            "actors": self.actors,
            "seconds": round(self.seconds, 2),
            "words_parsed": self.words,
            "parse_seconds": round(self.parse_seconds, 2),
            "conforms": self.conforms,
            "outputs": self.outputs,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "built": [
                {
                    "id": o.id,
                    "source": o.source,
                    "sha256": o.sha256,
                    "status": o.status,
                    "encoding": o.encoding,
                    "statements": o.statements,
                    "pledges": o.pledges,
                    **({"notes": list(o.notes)} if o.notes else {}),
                }
                for o in self.outcomes
            ],
        }


# ---------------------------------------------------------------- extraction (one document)


def extract_document(
    document: Document, sdoc: Doc, topics: Sequence[Topic] = (), max_statements: int = DEFAULT_MAX_STATEMENTS
) -> DocResult:
    """Actors and facts of one parsed document, as plain records."""
    from kg.actors import find_actors
    from kg.facts.pledges import extract_pledges
    from kg.facts.statements import extract_statements

    index = find_actors(sdoc)
    statements = extract_statements(sdoc, index, topics)[:max_statements]
    pledges = extract_pledges(sdoc, index)[:max_statements]
    return DocResult(document, index.actors, tuple(statements), tuple(pledges))


def extract(
    documents: Iterable[Document], nlp: Language, topics: Sequence[Topic] = ()
) -> Iterator[DocResult]:
    """Parse and extract each document in turn (streaming)."""
    from kg.nlp import parse

    for document, sdoc in parse(nlp, documents, batch_size=BATCH_SIZE):
        yield extract_document(document, sdoc, topics)


def extract_safely(
    documents: Iterable[Document],
    nlp: Language,
    topics: Sequence[Topic] = (),
    max_statements: int = DEFAULT_MAX_STATEMENTS,
) -> Iterator[DocResult | Skipped]:
    """Like `extract`, but a document whose extraction fails is skipped with the reason, not fatal.

    After the first chunk a pipeline sees in this process (which warms the tokenizer's cache), each
    chunk of documents is parsed in a spaCy memory zone: the words and strings it added to the
    vocabulary are dropped at its end, so a long build's memory does not grow with the corpus (in
    `--jobs` and Dask workers too). Only plain records leave the zone. After that first chunk the heap
    is also settled (`_settle_heap`).
    """
    from contextlib import nullcontext

    from kg.nlp import parse

    for chunk in _batches(documents, ZONE_SIZE):
        warm = id(nlp) in _WARMED
        _WARMED.add(id(nlp))
        if warm:
            _settle_heap()
        with nlp.memory_zone() if warm else nullcontext():
            for document, sdoc in parse(nlp, chunk, batch_size=BATCH_SIZE):
                try:
                    result: DocResult | Skipped = extract_document(document, sdoc, topics, max_statements)
                except Exception as err:  # one bad document never kills the build
                    reason = f"parse error ({type(err).__name__}: {err})"
                    result = Skipped(document.source or document.id, reason)
                del sdoc
                yield result


def _settle_heap() -> None:
    """Freeze what is alive once the first chunk is parsed (the model, the lexicons and gazetteers it
    loaded: they live as long as the process), so the garbage collector's full passes walk only what
    the build allocates afterwards. On 629 inputs those passes took 0.82 s of a 62 s build, 0.31 s
    frozen. Once per process until `kg.nlp.release_nlp` unfreezes (so a released model is still freed)."""
    import gc

    if gc.get_freeze_count():
        return
    gc.collect()  # garbage made while warming up is freed, not frozen
    gc.freeze()


def extract_batch(
    documents: list[Document], model: str | None, topics: Sequence[Topic], max_statements: int
) -> list[DocResult | Skipped]:
    """Extract a batch in this process (workers of `--jobs` and Dask call this; the model loads once)."""
    from kg.nlp import load_nlp

    return list(extract_safely(documents, load_nlp(model), topics, max_statements))


def extract_batch_to_cache(
    documents: list[Document],
    cache: Any,
    model: str | None,
    topics: Sequence[Topic],
    max_statements: int,
) -> list[Stored | Skipped]:
    """Extract a batch and write each result to the build cache and the store's records here, in the
    worker: the driver then neither unpickles nor re-pickles results, and keeps its share of the CPU
    for counting; the records are what the driver would otherwise encode after the parse."""
    from kg.rdf.store import save_result_file, store_path

    out: list[Stored | Skipped] = []
    for result in extract_batch(documents, model, topics, max_statements):
        if isinstance(result, Skipped):
            out.append(result)
            continue
        cache.put_result(result)
        save_result_file(store_path(cache.folder.parent), result)
        out.append(Stored(result.document.sha256, len(result.document.text.split())))
    return out


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_processes(
    documents: Iterable[Document],
    model: str | None,
    topics: Sequence[Topic],
    max_statements: int,
    jobs: int,
    cache: Any = None,
) -> Iterator[DocResult | Stored | Skipped]:
    import multiprocessing as mp
    from functools import partial

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    options = {"model": model, "topics": tuple(topics), "max_statements": max_statements}
    work: Callable[[list[Document]], list[Any]] = (
        partial(extract_batch, **options)
        if cache is None
        else partial(extract_batch_to_cache, cache=cache, **options)
    )
    with mp.get_context(method).Pool(jobs) as pool:
        for batch in pool.imap(work, _batches(documents, BATCH_SIZE)):
            yield from batch


def _run_dask(
    documents: Iterable[Document],
    model: str | None,
    topics: Sequence[Topic],
    max_statements: int,
    jobs: int,
    scheduler: str | None,
) -> Iterator[DocResult | Skipped]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise BuildError("Dask is not installed; install it with pip install 'newskg[dask]'.") from err

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        topics = tuple(topics)
        futures = [
            client.submit(extract_batch, batch, model, topics, max_statements, pure=False)
            for batch in _batches(documents, BATCH_SIZE)
        ]
        for future in as_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_extraction(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    topics: Sequence[Topic] = (),
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    max_statements: int = DEFAULT_MAX_STATEMENTS,
    cache: Any = None,
) -> Iterator[DocResult | Stored | Skipped]:
    """Extract documents with the chosen executor: this process, `jobs` processes, or Dask workers.

    Given the build's `cache`, local `jobs` workers write their results into it and yield `Stored`
    (Dask workers may not share the folder, so they always send results back).
    """
    if executor == "dask" or scheduler:
        yield from _run_dask(documents, model, topics, max_statements, jobs, scheduler)
    elif jobs > 1:
        yield from _run_processes(documents, model, topics, max_statements, jobs, cache)
    else:
        from kg.nlp import load_nlp

        yield from extract_safely(documents, load_nlp(model), topics, max_statements)


# ---------------------------------------------------------------- corpus -> RDF


def to_dataset(results: Sequence[DocResult]) -> tuple[Dataset, Resolution]:
    """Resolve actors across the documents and build the RDF dataset (one named graph per document)."""
    from kg.actors import resolve
    from kg.rdf.build import build_dataset
    from kg.rdf.topics import topics_graph

    resolution = resolve(results)
    return build_dataset(results, resolution, topics_graph()), resolution


def _light(result: DocResult, shared: dict[tuple[str, str], Mention]) -> DocResult:
    """The part of a result the cross-document step needs: the actors (no text, no facts).

    Resolution reads a mention's text and label, never its offsets, so mentions with the same text and
    label become one record, `shared` across documents: the corpus-wide list of actors then costs a
    pointer per mention, not an object.
    """
    doc = result.document
    actors = tuple(
        replace(a, mentions=tuple(shared.setdefault((m.text, m.label), m) for m in a.mentions))
        for a in result.actors
    )
    return DocResult(Document(doc.id, "", source=doc.source), actors)


def _progress(total: int) -> Any:
    """A progress bar with documents/s and ETA on a terminal; silent otherwise."""
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)


# ---------------------------------------------------------------- the build


def build(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_statements: int = DEFAULT_MAX_STATEMENTS,
    validate: bool = True,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    rebuild: bool = False,
    strict: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
) -> BuildReport:
    """Build the graph of `inputs` into `out_dir`: graph.ttl, graph.trig, graph.html, report.json.

    The folder keeps the corpus of earlier builds (documents are added or, when a file's text changed,
    replaced); `rebuild` starts over. `strict` stops at the first input that cannot be built.
    """
    from kg.cache import BuildCache, fingerprint
    from kg.documents import iter_inputs
    from kg.nlp import model_name
    from kg.rdf.topics import load_topics

    started = time.perf_counter()
    items = iter_inputs(inputs, max_bytes=max_bytes)  # a missing path fails here, before the model loads
    cache = BuildCache(out_dir / "cache", fingerprint(f"{model_name(model)}|{max_statements}"))
    if rebuild:
        cache.clear()
    cache.prune_old_results()
    topics = load_topics()

    skipped: list[Skipped] = []
    outcomes: dict[str, Outcome] = {}
    manifest = cache.manifest()
    queued: list[str] = []  # content hashes to extract, in input order

    def skip(item: Skipped) -> None:
        skipped.append(item)
        if on_skip is not None:
            on_skip(item)
        if strict:
            raise BuildError(f"Input {item.source!r} was not built: {item.reason}.")

    for item in items:
        if isinstance(item, Skipped):
            skip(item)
            continue
        cache.put_document(item)
        old = manifest.get(item.id)
        if old and old != item.sha256 and old not in {s for k, s in manifest.items() if k != item.id}:
            cache.drop_document(old)  # the file changed: its old text leaves the corpus
        manifest[item.id] = item.sha256
        if not cache.has_result(item.sha256) and item.sha256 not in queued:
            queued.append(item.sha256)
        outcomes[item.id] = Outcome(item.id, item.source, item.sha256, "cached", item.encoding, 0, 0)

    # Extraction: results are cached as they arrive, so an interrupted build resumes here.
    words = 0
    parse_started = time.perf_counter()
    parsed_ids: set[str] = set()
    docs = (d for d in (cache.document(sha) for sha in queued) if d is not None)
    with _progress(len(queued)) as bar:
        for result in (
            ()
            if not queued
            else run_extraction(
                docs,
                model=model,
                topics=topics,
                jobs=jobs,
                executor=executor,
                scheduler=scheduler,
                max_statements=max_statements,
                cache=cache,
            )
        ):
            bar.update(1)
            if isinstance(result, Skipped):
                skip(result)
                continue
            if isinstance(result, Stored):
                parsed_ids.add(result.sha256)
                words += result.words
                continue
            cache.put_result(result)
            parsed_ids.add(result.document.sha256)
            words += len(result.document.text.split())

    parse_seconds = time.perf_counter() - parse_started if queued else 0.0
    if len(parsed_ids) >= RELEASE_MODEL_AFTER and jobs <= 1 and executor == "local" and not scheduler:
        from kg.nlp import release_nlp

        release_nlp()  # the write step below reuses the model's memory (small builds keep it for the next)
        _WARMED.clear()

    # The corpus is every document the folder holds whose extraction succeeded.
    failed = {sha for sha in queued if not cache.has_result(sha)}
    manifest = {doc_id: sha for doc_id, sha in manifest.items() if sha not in failed}
    cache.save_manifest(manifest)
    shas = sorted(set(manifest.values()))

    report, counts = _write_outputs(cache, shas, out_dir, validate)
    for doc_id, outcome in list(outcomes.items()):
        if outcome.sha256 in failed:
            del outcomes[doc_id]
            continue
        n_statements, n_pledges = counts[outcome.sha256]
        notes = ()
        if max(n_statements, n_pledges) >= max_statements:
            notes = (f"facts truncated at {max_statements} per kind (--max-statements)",)
        outcomes[doc_id] = replace(
            outcome,
            status="parsed" if outcome.sha256 in parsed_ids else "cached",
            statements=n_statements,
            pledges=n_pledges,
            notes=notes,
        )
    final = replace(
        report,
        seconds=time.perf_counter() - started,
        skipped=tuple(skipped),
        outcomes=tuple(outcomes.values()),
        parsed=len(parsed_ids),
        words=words,
        parse_seconds=parse_seconds,
    )
    write_atomic(
        Path(final.outputs["report"]), json.dumps(final.to_json(), indent=2, ensure_ascii=False) + "\n"
    )
    return final


def remove(out_dir: Path, key: str) -> str:
    """Drop one document (file name/id or content hash) from the build folder and rewrite the outputs."""
    from kg.cache import BuildCache
    from kg.views.storecmd import remove_command

    message = remove_command(out_dir, key)
    cache_dir = out_dir / "cache"
    for fp in (cache_dir / "results").iterdir() if (cache_dir / "results").is_dir() else ():
        cache = BuildCache(cache_dir, fp.name)
        manifest = cache.manifest()
        kept = {k: v for k, v in manifest.items() if k != key and not v.startswith(key)}
        if kept != manifest:
            cache.save_manifest(kept)
        break
    return message


def _write_outputs(
    cache: Any, shas: list[str], out_dir: Path, validate: bool
) -> tuple[BuildReport, dict[str, tuple[int, int]]]:
    """Resolve actors over the whole corpus, write the store, then the exports and views from the store.

    Returns the report and each document's (statements, pledges) counts.

    Each document's triples go straight to Oxigraph (no rdflib graph of the corpus is ever held), the
    exports stream from the store into their files, and the HTML views draw what `view_graph` selects,
    so the memory this step needs does not grow with the corpus beyond the compact actor records.
    """
    from kg.actors import resolve
    from kg.rdf.build import corpus_quads
    from kg.rdf.store import GraphStore
    from kg.rdf.topics import topics_graph
    from kg.views.export import export_store_file, write_quads_file
    from kg.views.html import write_views
    from kg.views.select import view_graph

    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "turtle": out_dir / "graph.ttl",
        "trig": out_dir / "graph.trig",
        "html": out_dir / "graph.html",
        "report": out_dir / "report.json",
    }
    light: list[DocResult] = []
    shared: dict[tuple[str, str], Mention] = {}
    counts: dict[str, tuple[int, int]] = {}
    statements = pledges = 0
    conforms: bool | None = None
    validation = ""
    with GraphStore.open(out_dir) as store:
        kept = store.cached_hashes()
        for r in cache.results_for(shas):
            light.append(_light(r, shared))
            counts[r.document.sha256] = (len(r.statements), len(r.pledges))
            statements += len(r.statements)
            pledges += len(r.pledges)
            if r.document.sha256 not in kept:
                store.save_result(r)  # lets `kg remove` resolve actors again without the cache
        resolution = resolve(light)
        del light, shared
        fresh = len(store.oxigraph) == 0
        graphs = corpus_quads(cache.results_for(shas), resolution, topics_graph(), union=fresh)
        if fresh:  # bulk-load (named graphs and their union) and write the TriG in the same pass
            write_quads_file(_bulk_load(store, graphs), "trig", outputs["trig"])
        else:
            _swap_graphs(store, graphs)
            export_store_file(store, "trig", outputs["trig"])
        # In this thread: a Turtle dump in a background thread overlapped the views by ~2 s but raised a
        # 3,000-document build's peak memory from 361 to 451 MiB (the thread's own allocations).
        export_store_file(store, "turtle", outputs["turtle"])
        selection = view_graph(store)
        views = write_views(selection.graph, out_dir, note=selection.note)
        if validate:
            from kg.rdf.validate import validate as shacl

            whole = selection.graph if selection.complete else view_graph(store, max_facts=sys.maxsize).graph
            result = shacl(whole)
            conforms, validation = result.conforms, ("" if result.conforms else result.text)

    outputs["html"] = views["graph"]
    outputs.update({name: path for name, path in views.items() if name != "graph"})
    outputs["report"] = outputs.pop("report")  # listed last, as it is written last
    report = BuildReport(
        documents=len(shas),
        statements=statements,
        pledges=pledges,
        actors=len(resolution.actors),
        seconds=0.0,
        conforms=conforms,
        outputs={k: str(v) for k, v in outputs.items()},
        validation=validation,
    )
    return report, counts


_LOAD_QUADS = 20_000  # quads (union copies included) per bulk-load call: the loader needs ~1.5 KB per quad
_SWAP_QUADS = 50_000  # quads per transaction when an existing store's graphs are compared and swapped


def _bulk_load(store: Any, graphs: Iterable[tuple[str, list[Any], list[Any]]]) -> Iterator[Any]:
    """Fill a fresh store with Oxigraph's bulk loader, passing every named-graph quad on as it goes (so
    the TriG export is written in the same pass, without reading the store back).

    Each graph comes with its triples' copies for the default graph, which the store keeps as the
    union of its named graphs (see `kg.rdf.store`): a set, so a triple in two documents is held there
    once. Each batch is loaded in a background thread while the next is built (the loader leaves the
    GIL for most of its work); at most one batch is in flight, so memory stays at two batches.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    half = _LOAD_QUADS // 2  # a graph is cut into parts: the actors graph grows with the corpus
    batch: list[Any] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-load") as loader:
        pending: Future[None] | None = None
        for _, quads, union in graphs:
            for start in range(0, len(quads), half):
                batch.extend(quads[start : start + half])
                batch.extend(union[start : start + half])
                if len(batch) >= _LOAD_QUADS:
                    if pending is not None:
                        pending.result()
                    pending = loader.submit(store.oxigraph.bulk_extend, batch)
                    batch = []
            yield from quads
        if pending is not None:
            pending.result()
        if batch:
            store.oxigraph.bulk_extend(batch)


def _swap_graphs(store: Any, graphs: Iterable[tuple[str, list[Any], list[Any]]]) -> None:
    """Make an existing store hold exactly `graphs`: only the graphs whose triples changed are swapped in
    (each atomically), and graphs no longer in the corpus are dropped."""
    wanted: set[str] = set()
    batch: dict[str, list[Any]] = {}
    size = 0
    for name, quads, _ in graphs:
        wanted.add(name)
        batch[name] = quads
        size += len(quads)
        if size >= _SWAP_QUADS:
            store.replace_graphs(batch)
            batch, size = {}, 0
    if batch:
        store.replace_graphs(batch)
    for name in sorted(store.graphs() - wanted):
        store.remove_graph(name)
