"""Run SPARQL over a built graph: bundled queries (`queries/*.rq`), query files or inline text.

Queries run over the union of all named graphs (`GRAPH ?g { ... }` still sees each document's graph),
on the persistent Oxigraph store (`kg.rdf.store.GraphStore`, natively) or on an rdflib Graph/Dataset.
Parameters are bound as RDF literals, never pasted into the query text, so a hostile value can only
fail to match: rdflib gets them as `initBindings`, Oxigraph as `substitutions` (SEP-0007). Oxigraph only
substitutes variables of the SELECT projection, so a parameter variable the query does not project is
added to the projection (and to a top-level GROUP BY) by name, then left out of the result. Only read
queries run: SPARQL Update is refused.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result, ResultRow

from kg.paths import QUERIES_DIR
from kg.views import PREFIXES, ViewError
from kg.views.export import union_view

if TYPE_CHECKING:
    from kg.rdf.store import GraphStore

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


def run_query(
    data: Dataset | Graph | GraphStore, query: str, params: Mapping[str, str] | None = None
) -> Result:
    """Run a read-only SPARQL query over the union of all graphs in `data`, binding `params` as literals.

    `data` is a `GraphStore` (or a Dataset from `GraphStore.dataset()`), queried natively by Oxigraph,
    or any rdflib Graph/Dataset, queried by rdflib. The result is an rdflib `Result` either way.
    """
    from kg.rdf.store import store_of

    store = store_of(data)
    if store is not None:
        return _run_oxigraph(store, query, params or {})
    return _run_rdflib(data, query, params)  # type: ignore[arg-type]


def _run_rdflib(data: Dataset | Graph, query: str, params: Mapping[str, str] | None = None) -> Result:
    """`run_query` on an rdflib Graph or Dataset, with rdflib's SPARQL engine."""
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


# ----- Oxigraph ------------------------------------------------------------------------------------

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_UPDATE_WORDS = {"INSERT", "DELETE", "WITH", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
_QUERY_WORDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
       |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][^\s(){}\[\],;.'"<>=!&|+*/^#-]+)
    |(?P<pname>[^\W\d][\w.-]*:[\w.:%-]*|:[\w.:%-]*)
    |(?P<word>[A-Za-z_]\w*)
    |(?P<open>[{(])|(?P<close>[})])
    |(?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int
    depth: int  # brace/parenthesis depth before this token


def tokens(query: str) -> Iterator[_Token]:
    """The SPARQL tokens of `query` that matter for its structure (comments dropped).

    Strings, IRIs, variables and prefixed names come out whole, so a keyword inside them is never
    taken for a keyword. Good enough to find the query form, the top-level SELECT and GROUP BY and
    any SERVICE clause; Oxigraph does the real parsing.
    """
    depth = 0
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind == "comment":
            continue
        if kind == "close":
            depth = max(depth - 1, 0)
        yield _Token(kind, match.group(), match.start(), match.end(), depth)
        if kind == "open":
            depth += 1


def unescape_codepoints(query: str) -> str:
    r"""`query` with \uXXXX and \UXXXXXXXX escapes replaced, as SPARQL does before parsing."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)


def query_form(query: str) -> str | None:
    """The first keyword after the prologue: SELECT, ASK, CONSTRUCT, DESCRIBE or an update keyword."""
    for token in tokens(unescape_codepoints(query)):
        if token.kind == "word":
            word = token.text.upper()
            if word not in ("PREFIX", "BASE"):
                return word
    return None


def is_update(query: str) -> bool:
    """Whether `query` is (or starts like) a SPARQL Update request."""
    return query_form(query) in _UPDATE_WORDS


def uses_service(query: str) -> bool:
    """Whether `query` has a SERVICE clause (federation to another endpoint)."""
    return any(t.kind == "word" and t.text.upper() == "SERVICE" for t in tokens(unescape_codepoints(query)))


def _projection(toks: list[_Token]) -> tuple[int, set[str]] | None:
    """Where a SELECT's projection starts (token index) and the variables it names; None if not SELECT."""
    form = next((i for i, t in enumerate(toks) if t.kind == "word" and t.text.upper() in _QUERY_WORDS), None)
    if form is None or toks[form].text.upper() != "SELECT":
        return None
    at = form + 1
    if at < len(toks) and toks[at].kind == "word" and toks[at].text.upper() in ("DISTINCT", "REDUCED"):
        at += 1
    if at >= len(toks) or toks[at].text == "*":
        return None
    names = set()
    for token in toks[at:]:
        if token.depth == 0 and (token.text == "{" or token.text.upper() in ("WHERE", "FROM")):
            break
        if token.kind == "var":
            names.add(token.text[1:])
    return at, names


def _project(query: str, names: list[str]) -> str | None:
    """`query` made ready for Oxigraph to substitute the variables `names`, or None if it cannot be.

    Oxigraph substitutes only variables of the SELECT projection, so missing ones are added to the
    top-level SELECT (and GROUP BY); and it evaluates ``BOUND(?v)`` of a substituted variable as false,
    so that becomes ``true`` (SEP-0007: a substituted variable is bound). Only variable names, already
    checked against `_PARAM_NAME`, and the keyword ``true`` go into the text, never a value. None when
    the query is not a SELECT with an explicit projection (SELECT *, ASK, CONSTRUCT...).
    """
    toks = list(tokens(query))
    found = _projection(toks)
    if found is None:
        return None
    at, projected = found
    edits: list[tuple[int, int, str]] = []
    missing = [n for n in names if n not in projected]
    extra = "".join(f" ?{n}" for n in missing)
    if missing:
        edits.append((toks[at - 1].end, toks[at - 1].end, extra))
    body = next((i for i in range(at, len(toks)) if toks[i].text == "{" and toks[i].depth == 0), len(toks))
    grouped = False
    for i in range(body, len(toks)):
        window = toks[i : i + 4]
        first = window[0]
        group_by = len(window) > 1 and first.text.upper() == "GROUP" and window[1].text.upper() == "BY"
        if missing and not grouped and first.depth == 0 and group_by:
            edits.append((window[1].end, window[1].end, extra))
            grouped = True
        if (
            len(window) == 4
            and first.kind == "word"
            and first.text.upper() == "BOUND"
            and [t.text for t in window[1::2]] == ["(", ")"]
            and window[2].kind == "var"
            and window[2].text[1:] in names
        ):
            edits.append((first.start, window[3].end, "true"))
    for start, end, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[end:]
    return query


def _run_oxigraph(store: GraphStore, query: str, params: Mapping[str, str]) -> Result:
    """`run_query` on the Oxigraph store: substitutions for parameters, results converted to rdflib."""
    import pyoxigraph as ox

    if is_update(query):
        raise QueryError("Update queries are not allowed: `kg query` only reads the graph.")
    for param in parse_header(query)[2]:
        if param.required and param.name not in params:
            raise QueryError(f"The query needs the parameter '{param.name}': {param.description}.")
    bindings = _bindings(query, params)
    text = query
    if bindings:
        projected = _project(query, list(bindings))
        if projected is None:  # SELECT *, ASK, CONSTRUCT with parameters: rdflib's engine over the store
            return _run_rdflib(store.dataset(), query, params)
        text = projected
    substitutions = {ox.Variable(k): ox.Literal(str(v)) for k, v in bindings.items()}
    try:
        answer = store.query(text, prefixes=dict(PREFIXES), substitutions=substitutions)
        return _to_result(answer, hide=set(bindings) - _projected_names(query))
    except SyntaxError as exc:
        raise QueryError(_oxigraph_syntax(query, exc)) from None
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"The query failed: {_brief(exc)}.") from exc


def _projected_names(query: str) -> set[str]:
    """The variables a query's own top-level projection names (those `_project` did not add)."""
    found = _projection(list(tokens(query)))
    return found[1] if found else set()


def _to_result(answer: Any, hide: set[str]) -> Result:
    """A pyoxigraph query answer as an rdflib `Result` (SELECT rows, ASK boolean or CONSTRUCT graph)."""
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    convert = _converter()
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for triple in answer:
            graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
        result.graph = graph
        return result
    names = [v.value for v in answer.variables]
    keep = [(i, Variable(n)) for i, n in enumerate(names) if n not in hide]
    select = _SelectResult()
    select.vars = [var for _, var in keep]
    rows = []
    append = rows.append
    for solution in answer:
        values = tuple(solution)
        append({var: convert(values[i]) for i, var in keep if values[i] is not None})
    select.bindings = rows
    return select


class _SelectResult(Result):
    """A SELECT `Result` whose rows share one label map (rdflib builds a new dict for every row)."""

    def __init__(self) -> None:
        super().__init__("SELECT")

    def __iter__(self) -> Iterator[Any]:
        labels = {str(var): i for i, var in enumerate(self.vars or [])}
        names = list(self.vars or [])
        new = tuple.__new__
        for binding in self.bindings:
            if not binding:  # rdflib skips empty solutions when iterating, too
                continue
            row = new(ResultRow, [binding.get(var) for var in names])
            row.labels = labels
            yield row


def _converter() -> Any:
    """A function from pyoxigraph terms to rdflib terms, memoised for the terms a result repeats.

    IRIs and plain strings, by far the most common cells, are built without rdflib's checks (Oxigraph
    has already validated them); `_fast_terms_ok` checks once that they equal what rdflib would build.
    """
    import pyoxigraph as ox

    cache: dict[Any, Any] = {}
    fast = _fast_terms_ok()
    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal

    def convert(term: Any) -> Any:
        out = cache.get(term)
        if out is not None:
            return out
        kind = type(term)
        if kind is named:
            out = _iri(term.value) if fast else URIRef(term.value)
        elif kind is literal:
            if term.language:
                out = Literal(term.value, lang=term.language)
            elif term.datatype.value == XSD_STRING:
                out = _plain(term.value) if fast else Literal(term.value)
            else:
                out = Literal(term.value, datatype=URIRef(term.datatype.value))
        elif kind is blank:
            out = BNode(term.value)
        else:  # an RDF-star triple term: keep its N-Triples text
            out = Literal(str(term))
        cache[term] = out
        return out

    return convert


def _iri(value: str) -> URIRef:
    """`URIRef(value)` for an IRI Oxigraph has already validated, without validating it again."""
    return str.__new__(URIRef, value)


def _plain(value: str) -> Literal:
    """`Literal(value)` for a plain string, without rdflib's type inference."""
    term = str.__new__(Literal, value)
    term._language = None
    term._datatype = None
    term._value = value
    term._ill_typed = None
    return term


@functools.cache
def _fast_terms_ok() -> bool:
    """Whether `_iri` and `_plain` build exactly what rdflib's constructors build (else use those)."""
    try:
        samples = ("", "a b", 'Zoë "q"\n', "12")
        for text in samples:
            slow, quick = Literal(text), _plain(text)
            same = all(getattr(slow, k) == getattr(quick, k) for k in Literal.__slots__)
            if not (same and slow.eq(quick) and hash(slow) == hash(quick) and slow.n3() == quick.n3()):
                return False
        iri = "https://example.org/a#b"
        return URIRef(iri) == _iri(iri) and type(_iri(iri)) is URIRef and URIRef(iri).n3() == _iri(iri).n3()
    except (AttributeError, TypeError):
        return False


def _oxigraph_syntax(query: str, exc: SyntaxError) -> str:
    """One sentence for an Oxigraph parse error: position, then what was expected, without the noise."""
    message = " ".join(str(exc).split())
    match = _OX_POSITION.match(message)
    if not match:
        return f"Could not parse the SPARQL query: {_brief(exc)}."
    line, column = int(match.group(1)), int(match.group(2))
    detail = message[match.end() :]
    if "Prefix not found" in detail:
        lines = query.splitlines()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        word = re.findall(r"([A-Za-z_][\w.-]*|):$", text[: max(column - 1, 0)])
        name = f" '{word[0]}:'" if word else ""
        detail = f"unknown prefix{name}; declare it with PREFIX"
    else:
        detail = re.sub(r",?\s*\[[^\]]*\]", "", detail)  # character classes such as ['0' ..= '9']
        detail = re.sub(r"\s*,\s*(?=,|$)", "", detail).strip(" ,")
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return f"Could not parse the SPARQL query at line {line}, column {column}: {detail}."


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


def to_dataframe(result: Result) -> Any:
    """A SELECT result as a pandas DataFrame (one column per variable; terms as text, unbound as None).

    Typed numbers (xsd:integer, xsd:decimal...) become Python numbers, so columns sort and sum.
    """
    import pandas as pd

    if result.type != "SELECT":
        raise QueryError("Only SELECT results become a table.")
    columns = _columns(result)

    def cell(term: object) -> object:
        if isinstance(term, Literal) and term.datatype is not None:
            value = term.toPython()
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                return float(value) if isinstance(value, Decimal) else value
        return None if term is None else _text(term)

    rows = [[cell(row[var]) for var in columns] for row in result]  # type: ignore[index]
    return pd.DataFrame(rows, columns=[str(v) for v in columns])


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
