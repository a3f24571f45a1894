"""Run SPARQL over a built graph: bundled queries (`queries/*.rq`), query files or inline text.

Queries run over the union of all named graphs (`GRAPH ?g { ... }` still sees each document's graph).
Parameters are bound as literals through rdflib's `initBindings`, never pasted into the query text,
so a hostile value can only fail to match. Only read queries run: SPARQL Update is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from kg.paths import QUERIES_DIR
from kg.views import PREFIXES, ViewError
from kg.views.export import union_view

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")

# Inline SPARQL starts with one of these keywords (after comments); update keywords are recognised too,
# so that `run_query` can refuse them with a clear message instead of calling them unknown names.
_INLINE = re.compile(
    r"^\s*(?:#[^\n]*(?:\n|$)\s*)*"
    r"(PREFIX|SELECT|ASK|CONSTRUCT|DESCRIBE|BASE|INSERT|DELETE|WITH|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?=[\s{<*?$(]|$)",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_POSITION = re.compile(r"\s*\(at char \d+\),?\s*\(line:\d+, col:\d+\)")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryError(ViewError):
    """A query that cannot be found, parsed or run: one clear sentence for the user."""


@dataclass(frozen=True)
class QueryParam:
    """A parameter a query declares (`# param: name - text`), bound as a literal to the variable ?name.

    A parameter whose text starts with "(optional)" may be left out; the others are required.
    """

    name: str
    description: str

    @property
    def required(self) -> bool:
        return not self.description.lower().startswith("(optional)")


@dataclass(frozen=True)
class QueryInfo:
    """A bundled query, described by the comment header of its `.rq` file."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    path: Path


def parse_header(text: str) -> tuple[str, str, tuple[QueryParam, ...]]:
    """Title, description and parameters from the leading `# key: value` comment lines of a query."""
    title = description = ""
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        else:
            name, _, about = value.partition(" - ")
            params.append(QueryParam(name.strip().lstrip("?$"), about.strip()))
    return title, description, tuple(params)


def read_query_info(path: Path) -> QueryInfo:
    """The name (file stem), title, description and parameters of a `.rq` file."""
    path = Path(path)
    title, description, params = parse_header(path.read_text(encoding="utf-8"))
    return QueryInfo(path.stem, title or path.stem, description, params, path)


def list_queries(folder: Path = QUERIES_DIR) -> list[QueryInfo]:
    """The bundled queries, sorted by name."""
    return [read_query_info(path) for path in sorted(Path(folder).glob("*.rq"))]


def resolve_query(spec: str, folder: Path = QUERIES_DIR) -> str:
    """The SPARQL text for `spec`: inline SPARQL, the path of an existing query file, or a bundled name."""
    if _INLINE.match(spec):
        return spec
    path = Path(spec).expanduser()
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"Could not read the query file {path}: {exc}.") from exc
    name = spec.strip()
    name = name[:-3] if name.endswith(".rq") else name
    bundled = Path(folder) / f"{name}.rq"
    if "/" not in name and bundled.is_file():
        return bundled.read_text(encoding="utf-8")
    if path.suffix in {".rq", ".sparql"}:
        raise QueryError(f"No query file at {path}.")
    names = ", ".join(info.name for info in list_queries(folder))
    raise QueryError(f"Unknown query '{spec}'; bundled queries are: {names}.")


def run_query(data: Dataset | Graph, query: str, params: Mapping[str, str] | None = None) -> Result:
    """Run a read-only SPARQL query over the union of all graphs in `data`, binding `params` as literals."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parser import parseUpdate

    target = union_view(data)
    namespaces = {**{p: str(ns) for p, ns in data.namespaces() if p}, **PREFIXES}
    try:
        prepared = prepareQuery(query, initNs=namespaces)
    except ParseException as exc:
        try:
            parseUpdate(query)
        except Exception:
            problem = _POSITION.sub("", str(exc)).strip() or exc.msg
            raise QueryError(
                f"Could not parse the SPARQL query at line {exc.lineno}, column {exc.col}: {problem}."
            ) from None
        raise QueryError("Update queries are not allowed: `kg query` only reads the graph.") from None
    except Exception as exc:  # rdflib raises bare Exception, e.g. for an unknown prefix
        raise QueryError(f"Could not parse the SPARQL query: {_brief(exc)}.") from None

    params = params or {}
    for param in parse_header(query)[2]:
        if param.required and param.name not in params:
            raise QueryError(f"The query needs the parameter '{param.name}': {param.description}.")
    bindings = _bindings(query, params)
    try:
        result = target.query(prepared, initBindings=bindings)
        if result.type == "SELECT":
            result.bindings  # evaluate now, so a failure is reported here and not while printing  # noqa: B018
    except Exception as exc:
        raise QueryError(f"The query failed: {_brief(exc)}.") from exc
    return result


def format_result(result: Result, fmt: str = "table", *, max_width: int = 80) -> str:
    """Render a query result: table|csv|tsv|json|xml for SELECT; true/false for ASK; Turtle for graphs.

    `json` is SPARQL 1.1 Query Results JSON and `xml` the SPARQL XML results format; `max_width` caps
    table cells (use csv/json for full text).
    """
    fmt = fmt.strip().lower()
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"Unknown result format '{fmt}'; use one of: {', '.join(RESULT_FORMATS)}.")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph if result.graph is not None else Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=False)
        return graph.serialize(format="turtle")
    if fmt in ("json", "xml"):
        return _decode(result.serialize(format=fmt))
    if result.type == "ASK":
        return "true\n" if result.askAnswer else "false\n"
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    return _table(result, max_width)


def _bindings(query: str, params: Mapping[str, str]) -> dict[str, Literal]:
    """Check each parameter names a variable of the query and turn its value into a plain literal."""
    bindings: dict[str, Literal] = {}
    for name, value in params.items():
        key = name.lstrip("?$")
        if not _PARAM_NAME.match(key):
            raise QueryError(f"'{name}' is not a valid SPARQL variable name for a parameter.")
        if not re.search(rf"[?$]{re.escape(key)}\b", query):
            raise QueryError(f"The query has no variable ?{key} to bind the parameter '{name}' to.")
        bindings[key] = Literal(str(value))
    return bindings


def _columns(result: Result) -> list[Variable]:
    return list(result.vars or [])


def _text(term: object) -> str:
    """A term as a person reads it: IRIs and literals by their text, blank nodes as _:id, unbound as empty."""
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _table(result: Result, max_width: int) -> str:
    """Aligned columns with a header line, a rule and a row count."""
    columns = _columns(result)
    rows = [[_clip(_text(row[var]), max_width) for var in columns] for row in result]  # type: ignore[index]
    header = [str(var) for var in columns]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _csv(result: Result) -> str:
    """SPARQL 1.1 CSV results via rdflib's serializer."""
    return _decode(result.serialize(format="csv"))


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: `?var` header, terms in Turtle/N-Triples syntax (rdflib has no TSV writer)."""
    columns = _columns(result)
    lines = ["\t".join(f"?{var}" for var in columns)]
    lines += ["\t".join(_tsv_term(row[var]) for var in columns) for row in result]  # type: ignore[index]
    return "\n".join(lines) + "\n"


def _tsv_term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term)
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(raw, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


def _decode(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _brief(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    first = (lines[0].strip() if lines else type(exc).__name__).rstrip(".")
    return first if len(first) <= 200 else first[:197] + "..."
