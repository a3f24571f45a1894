"""The `kg` command: thin Typer commands over functions a notebook can import.

User mistakes (a missing path, an unknown query, bad SPARQL) end with one clear sentence on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer

from kg.paths import DEFAULT_OUT, EXAMPLES_DIR

app = typer.Typer(
    name="kg",
    help="newskg: build a knowledge graph of who said what and who pledged what from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USER_ERROR = 2
EXIT_NOT_CONFORMING = 3
EXIT_SOME_SKIPPED = 4

OutOption = typer.Option(DEFAULT_OUT, "--out", "-o", help="Build folder (default: output/).")


def _fail(message: str, code: int = EXIT_USER_ERROR) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _graph_file(out: Path, graph: Path | None = None) -> Path:
    path = graph or out / "graph.trig"
    if not path.exists():
        if graph is None:
            _fail(f"No build found in '{out}'; run 'kg build' first or pass --out.")
        _fail(f"Graph file '{path}' does not exist.")
    return path


def _load(out: Path, graph: Path | None = None):  # type: ignore[no-untyped-def]
    from kg.views.export import ViewError, load

    try:
        return load(_graph_file(out, graph))
    except ViewError as err:
        _fail(str(err))


@app.command()
def build(
    inputs: list[Path] = typer.Argument(None, help="Files or folders (.txt .md .html .jsonl .csv)."),
    out: Path = OutOption,
    model: str = typer.Option(None, "--model", "-m", help="spaCy pipeline name (default: en_core_web_sm)."),
    max_bytes: int = typer.Option(10_000_000, "--max-bytes", help="Skip inputs larger than this."),
    max_statements: int = typer.Option(2_000, "--max-statements", help="Facts kept per kind and document."),
    validate: bool = typer.Option(True, "--validate/--no-validate", help="Check the output with SHACL."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: all cores)."),
    executor: str = typer.Option("local", "--executor", help="local, or dask (LocalCluster of --jobs)."),
    scheduler: str = typer.Option(
        None, "--scheduler", help="A Dask scheduler address, e.g. tcp://host:8786."
    ),
    rebuild: bool = typer.Option(False, "--rebuild", help="Forget earlier builds in --out and start over."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first input that cannot be built."),
) -> None:
    """Build the graph from INPUTS (default: the bundled example corpus) into --out.

    The folder keeps what earlier builds added: unchanged documents are not parsed again, a changed one
    replaces its graph. Exit codes: 0 all built, 4 some inputs skipped, 3 output fails SHACL, 2 user error.
    """
    import os

    from kg.documents import InputError
    from kg.nlp import ModelError
    from kg.pipeline import BuildError
    from kg.pipeline import build as run_build

    if executor not in {"local", "dask"}:
        _fail(f"Unknown executor {executor!r}; choose local or dask.")
    sources = list(inputs) if inputs else [EXAMPLES_DIR]
    try:
        report = run_build(
            sources,
            out,
            model=model,
            max_bytes=max_bytes,
            max_statements=max_statements,
            validate=validate,
            jobs=jobs if jobs > 0 else (os.cpu_count() or 1),
            executor=executor,
            scheduler=scheduler,
            rebuild=rebuild,
            strict=strict,
        )
    except (InputError, ModelError, BuildError) as err:
        _fail(str(err))
    rate = f", {report.words / report.parse_seconds:,.0f} words/s parsed" if report.parse_seconds else ""
    typer.echo(
        f"Built {report.documents} documents ({report.parsed} parsed, {report.documents - report.parsed} "
        f"unchanged): {report.statements} statements, {report.pledges} pledges, {report.actors} actors "
        f"in {report.seconds:.1f} s{rate}."
    )
    for name, path in report.outputs.items():
        typer.echo(f"  {name:8} {path}")
    _print_skipped(report.skipped)
    if report.conforms is False:
        typer.echo("The output does not conform to the SHACL shapes:\n" + report.validation, err=True)
        raise typer.Exit(EXIT_NOT_CONFORMING)
    if report.skipped:
        raise typer.Exit(EXIT_SOME_SKIPPED)


def _print_skipped(skipped) -> None:  # type: ignore[no-untyped-def]
    """List skipped inputs; past a screenful, count them by kind (report.json has them all)."""
    from collections import Counter

    from kg.documents import reason_kind

    if len(skipped) <= 20:
        for item in skipped:
            typer.echo(f"  skipped {item.source}: {item.reason}", err=True)
        return
    for kind, n in Counter(reason_kind(s.reason) for s in skipped).most_common():
        typer.echo(f"  skipped {n} inputs: {kind}", err=True)


@app.command()
def query(
    spec: str = typer.Argument(..., metavar="QUERY", help="A .rq file, a bundled query's name, or SPARQL."),
    out: Path = OutOption,
    graph: Path = typer.Option(None, "--graph", "-g", help="Query this graph file instead of the build."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, tsv, json or xml."),
    param: list[str] = typer.Option(None, "--param", "-p", help="NAME=VALUE, bound as a literal."),
) -> None:
    """Run a SPARQL query over the build."""
    from kg.views.sparql import QueryError, format_result, resolve_query, run_query

    params: dict[str, str] = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            _fail(f"Parameter {item!r} must look like NAME=VALUE.")
        params[name.strip().lstrip("?$")] = value
    from kg.views import ViewError
    from kg.views.storecmd import open_data

    try:
        text = resolve_query(spec)
        data = open_data(out, graph)  # the build's persistent store when it has one, else graph.trig
        result = run_query(data, text, params)
        typer.echo(format_result(result, fmt))
    except (QueryError, ViewError) as err:
        _fail(str(err))


@app.command()
def actors(
    out: Path = OutOption,
    graph: Path = typer.Option(None, "--graph", "-g", help="List the actors of this graph file."),
    kind: str = typer.Option(None, "--type", "-t", help="person, organization, country or group."),
    name: str = typer.Option(None, "--name", "-n", help="Only actors whose name or alias contains this."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, csv or tsv."),
) -> None:
    """List each actor with its aliases, roles, affiliations and mention count."""
    from kg.actors.commands import actors_report
    from kg.views import ViewError

    try:
        typer.echo(actors_report(out, graph, kind, name, fmt))
    except ViewError as err:
        _fail(str(err))


@app.command()
def view(
    name: str = typer.Argument(None, help="graph, pledges or network (default: all)."),
    out: Path = OutOption,
    open_browser: bool = typer.Option(False, "--open", help="Open the view in a web browser."),
) -> None:
    """Write the HTML views of the build and print their paths."""
    from kg.views import ViewError
    from kg.views.viewcmd import view_command

    try:
        view_command(name, out, open_browser, echo=typer.echo)
    except ViewError as err:
        _fail(str(err))


evaluate_app = typer.Typer(help="Score the extractor on annotated corpora.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("polnear")
def evaluate_polnear(
    directory: Path = typer.Argument(..., help="A PolNeAR split, e.g. ../shared/corpora/polnear/dev."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
    model: str = typer.Option(None, "--model", "-m", help="spaCy pipeline name."),
    errors: int = typer.Option(0, "--errors", help="Also print this many misses."),
) -> None:
    """Content and attribution P/R/F1 on PolNeAR, and throughput against the bare parse."""
    from kg.evaluate.commands import evaluate_polnear_command

    evaluate_polnear_command(directory, limit, model, errors)


@app.command()
def stats(
    out: Path = OutOption,
    graph: Path = typer.Option(None, "--graph", "-g", help="Count this graph file instead of the build."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Documents, triples, statements, pledges, actors by type and the top speakers."""
    from kg.views import ViewError
    from kg.views.storecmd import stats_command

    try:
        typer.echo(stats_command(out, graph=graph, as_json=as_json), nl=False)
    except ViewError as err:
        _fail(str(err))


@app.command()
def remove(
    doc: str = typer.Argument(..., help="The document's file name (dcterms:identifier) or content hash."),
    out: Path = OutOption,
) -> None:
    """Drop one document from the build; actors are resolved again and the outputs rewritten."""
    from kg.pipeline import remove as run_remove
    from kg.views import ViewError

    try:
        typer.echo(run_remove(out, doc), nl=False)
    except ViewError as err:
        _fail(str(err))


@app.command()
def serve(
    out: Path = OutOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", "-p", help="TCP port."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Rows a query may return."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow SERVICE to other endpoints."),
) -> None:
    """A read-only SPARQL 1.1 Protocol endpoint (at /sparql) and the HTML views, until Ctrl-C."""
    from kg.views import ViewError
    from kg.views.storecmd import serve_command

    try:
        serve_command(
            out,
            host=host,
            port=port,
            timeout=timeout,
            max_rows=max_rows,
            allow_service=allow_service,
            announce=typer.echo,
        )
    except ViewError as err:
        _fail(str(err))


@app.command()
def push(
    url: str = typer.Argument(..., help="A SPARQL 1.1 Graph Store Protocol (or Update) endpoint."),
    out: Path = OutOption,
    protocol: str = typer.Option("gsp", "--protocol", help="gsp (Graph Store Protocol) or update."),
    user: str = typer.Option(None, "--user", "-u", help="User name (password from KG_PUSH_PASSWORD)."),
) -> None:
    """Write the build's named graphs to another store (Virtuoso, Fuseki, GraphDB, Oxigraph server)."""
    from kg.views import ViewError
    from kg.views.storecmd import push_command

    try:
        typer.echo(push_command(out, url, protocol=protocol, user=user), nl=False)
    except ViewError as err:
        _fail(str(err))


@app.command()
def queries() -> None:
    """List the bundled queries and their parameters."""
    from kg.views.sparql import list_queries

    for info in list_queries():
        params = f"  (params: {', '.join(p.name for p in info.params)})" if info.params else ""
        typer.echo(f"{info.name:22} {info.title}{params}")


@app.command()
def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle, trig, nquads, ntriples or jsonld."),
    out: Path = OutOption,
    graph: Path = typer.Option(None, "--graph", "-g", help="Export this graph file instead of the build."),
    output: Path = typer.Option(None, "--output", help="Write here instead of standard output."),
) -> None:
    """Export the build's graph in a standard RDF format."""
    from kg.views.export import FORMATS, ViewError, normalize_format
    from kg.views.export import export as run_export

    try:
        normalize_format(fmt)
    except ViewError:
        _fail(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    data = _load(out, graph)
    try:
        text = run_export(data, fmt, output)
    except ViewError as err:
        _fail(str(err))
    if output is None:
        typer.echo(text, nl=False)
    else:
        typer.echo(f"Wrote {output}")


@app.command()
def validate(
    graph: Path = typer.Argument(None, help="A graph file (default: the build's graph.trig)."),
    out: Path = OutOption,
) -> None:
    """Check a graph against the SHACL shapes; exit non-zero when it does not conform."""
    from kg.rdf.validate import validate as shacl
    from kg.views.export import union

    data = _load(out, graph)
    result = shacl(union(data))
    if result.conforms:
        typer.echo("Conforms to the newskg shapes.")
        return
    typer.echo(result.text)
    _fail(f"{result.violations} SHACL violations.", EXIT_NOT_CONFORMING)


def main() -> None:
    """Entry point of the `kg` console script."""
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # "discarding data" notes are not for users
    app()
