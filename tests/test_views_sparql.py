"""SPARQL views: bundled queries return what the sample holds; parameters and errors are handled safely.

Expected rows are computed from the sample with plain rdflib triple lookups, not with SPARQL. Every
test runs twice: on an rdflib Dataset (rdflib's engine) and on the Oxigraph store (Oxigraph's engine).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Namespace
from rdflib.namespace import DCTERMS

from kg.rdf.store import GraphStore
from kg.views.export import load, union
from kg.views.sparql import (
    QueryError,
    _project,
    format_result,
    is_update,
    list_queries,
    query_form,
    resolve_query,
    run_query,
    uses_service,
)

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
KG = Namespace("https://w3id.org/newskg/ontology#")
REQUIRED = {"who-said-what", "statements-by-actor", "pledges-by-actor", "actors-by-country", "top-speakers"}
HOSTILE = '" } ; DROP GRAPH <x> ; SELECT * WHERE { ?s ?p ?o } #'


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def sample(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The sample as an rdflib Dataset, or as the rdflib view of a GraphStore loaded with it."""
    if request.param == "rdflib":
        return load(SAMPLE)
    store = GraphStore.open(tmp_path_factory.mktemp("store"))
    store.load(SAMPLE)
    request.addfinalizer(store.close)
    return store.dataset()


@pytest.fixture(scope="module")
def g(sample: Dataset) -> Graph:
    return union(sample)


def rows(result) -> list[dict[str, str | None]]:
    return [{str(v): (None if r[v] is None else str(r[v])) for v in result.vars} for r in result]


def run(sample: Dataset, name: str, **params: str) -> list[dict[str, str | None]]:
    return rows(run_query(sample, resolve_query(name), params or None))


def statements(g: Graph) -> list[dict[str, str]]:
    out = []
    for s in g.subjects(RDF.type, KG.Statement):
        speaker = g.value(s, KG.speaker)
        out.append(
            {
                "speaker": str(g.value(speaker, RDFS.label)),
                "names": {str(n).lower() for p in (RDFS.label, SKOS.altLabel) for n in g.objects(speaker, p)},
                "quote": str(g.value(s, KG.quote)),
                "document": str(g.value(g.value(s, KG.source), DCTERMS.identifier)),
            }
        )
    return out


def test_required_queries_are_bundled_and_described() -> None:
    infos = {info.name: info for info in list_queries()}
    assert set(infos) >= REQUIRED
    for info in infos.values():
        assert info.title and info.description, info.name
    assert [p.name for p in infos["statements-by-actor"].params] == ["actor"]
    assert infos["statements-by-actor"].params[0].required
    assert not infos["pledges-by-actor"].params[0].required


@pytest.mark.parametrize("name", sorted(info.name for info in list_queries()))
def test_every_bundled_query_runs(sample: Dataset, name: str) -> None:
    params = {p.name: "Mara Lindqvist" for p in next(i for i in list_queries() if i.name == name).params}
    assert run_query(sample, resolve_query(name), params).type == "SELECT"


def test_who_said_what(sample: Dataset, g: Graph) -> None:
    got = {(r["speaker"], r["quote"], r["document"]) for r in run(sample, "who-said-what")}
    expected = {(s["speaker"], s["quote"], s["document"]) for s in statements(g)}
    assert got == expected and len(expected) == 4


@pytest.mark.parametrize("name", ["Mara Lindqvist", "lindqvist", "INES BARROS", "Tomas Okafor"])
def test_statements_by_actor_matches_name_or_alias_in_any_case(sample: Dataset, g: Graph, name: str) -> None:
    got = sorted(r["quote"] for r in run(sample, "statements-by-actor", actor=name))
    expected = sorted(s["quote"] for s in statements(g) if name.lower() in s["names"])
    assert got == expected and expected


def test_hostile_parameter_only_fails_to_match(sample: Dataset) -> None:
    size = len(union(sample))
    assert run(sample, "statements-by-actor", actor=HOSTILE) == []
    assert run(sample, "pledges-by-actor", actor=HOSTILE) == []
    assert len(union(sample)) == size


def test_parameters_are_literals_not_text(sample: Dataset) -> None:
    query = "SELECT ?s WHERE { ?s rdfs:label ?name }"
    label = str(min(union(sample).objects(None, RDFS.label)))
    assert len(rows(run_query(sample, query, {"name": label}))) >= 1
    assert rows(run_query(sample, query, {"name": label + '" . ?s ?p ?o . "'})) == []


def test_pledges_by_actor(sample: Dataset, g: Graph) -> None:
    pledges = []
    for p in g.subjects(RDF.type, KG.Pledge):
        recipient = g.value(p, KG.recipient)
        pledges.append(
            (
                str(g.value(g.value(p, KG.pledger), RDFS.label)),
                str(g.value(g.value(p, KG.resource), RDFS.label)),
                None if recipient is None else str(g.value(recipient, RDFS.label)),
            )
        )
    got = [(r["pledger"], r["resource"], r["recipient"]) for r in run(sample, "pledges-by-actor")]
    assert sorted(got, key=str) == sorted(pledges, key=str) and len(pledges) == 2
    assert [r["pledger"] for r in run(sample, "pledges-by-actor")] == sorted(p[0] for p in pledges)
    one = pledges[0][0]
    assert {r["pledger"] for r in run(sample, "pledges-by-actor", actor=one.upper())} == {one}


def test_actors_by_country(sample: Dataset, g: Graph) -> None:
    expected = set()
    for actor, country in g.subject_objects(KG.affiliatedWith):
        if (country, RDF.type, KG.Country) in g:
            for role in g.objects(actor, KG.role):
                expected.add((str(g.value(country, RDFS.label)), str(g.value(actor, RDFS.label)), str(role)))
    got = {(r["country"], r["actor"], r["role"]) for r in run(sample, "actors-by-country")}
    assert got == expected and expected
    assert {r["type"] for r in run(sample, "actors-by-country")} == {"Person"}


def test_top_speakers(sample: Dataset, g: Graph) -> None:
    expected = Counter(s["speaker"] for s in statements(g))
    got = run(sample, "top-speakers")
    assert {r["speaker"]: int(r["statements"] or 0) for r in got} == dict(expected)
    counts = [int(r["statements"] or 0) for r in got]
    assert counts == sorted(counts, reverse=True)


def test_documents_query_counts_facts(sample: Dataset, g: Graph) -> None:
    got = {
        r["document"]: (int(r["statements"] or 0), int(r["pledges"] or 0)) for r in run(sample, "documents")
    }
    expected = {}
    for d in g.subjects(RDF.type, KG.Document):
        facts = list(g.subjects(KG.source, d))
        expected[str(g.value(d, DCTERMS.identifier))] = (
            sum((f, RDF.type, KG.Statement) in g for f in facts),
            sum((f, RDF.type, KG.Pledge) in g for f in facts),
        )
    assert got == expected


def test_queries_see_named_graphs(sample: Dataset) -> None:
    result = run_query(sample, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }")
    assert len(rows(result)) == len(set(union(sample).subjects(RDF.type, KG.Document)))


def test_resolve_query_sources(tmp_path: Path) -> None:
    bundled = resolve_query("who-said-what")
    assert "kg:Statement" in bundled
    assert resolve_query("who-said-what.rq") == bundled
    inline = "select ?s where { ?s ?p ?o } limit 1"
    assert resolve_query(inline) == inline
    assert resolve_query("# a comment\nPREFIX kg: <x:> ASK {}").startswith("# a comment")
    file = tmp_path / "mine.rq"
    file.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(file)) == "ASK { ?s ?p ?o }"


def test_unknown_query_lists_bundled_names() -> None:
    with pytest.raises(QueryError) as info:
        resolve_query("who-said-that")
    message = str(info.value)
    assert message.startswith("Unknown query 'who-said-that'; bundled queries are: ")
    assert all(name in message for name in REQUIRED)
    with pytest.raises(QueryError, match="No query file"):
        resolve_query("missing/query.rq")


def test_bad_sparql_is_one_sentence_with_position(sample: Dataset) -> None:
    with pytest.raises(QueryError, match=r"line 1, column \d+") as info:
        run_query(sample, resolve_query("SELECT ?x WHERE { ?x ?y }"))
    assert "\n" not in str(info.value)
    with pytest.raises(QueryError, match="prefix"):
        run_query(sample, "SELECT ?x WHERE { ?x nope:p ?y }")


def test_updates_are_refused(sample: Dataset) -> None:
    size = len(union(sample))
    for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL"):
        with pytest.raises(QueryError, match="Update queries are not allowed"):
            run_query(sample, resolve_query(update))
    assert len(union(sample)) == size


def test_parameter_checks(sample: Dataset) -> None:
    with pytest.raises(QueryError, match="needs the parameter 'actor'"):
        run_query(sample, resolve_query("statements-by-actor"))
    with pytest.raises(QueryError, match=r"no variable \?actr"):
        run_query(sample, resolve_query("who-said-what"), {"actr": "x"})


def test_format_table(sample: Dataset) -> None:
    result = run_query(sample, resolve_query("who-said-what"))
    text = format_result(result, "table")
    lines = text.splitlines()
    header = lines[0].split()
    assert header == [str(v) for v in result.vars]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({len(result)} rows)"
    second = lines[1].index("  ") + 2  # where the second column starts, from the rule under the header
    assert lines[0][second:].startswith(header[1])
    first_var = result.vars[0]
    for line, row in zip(lines[2:-1], result, strict=True):
        assert line[:second].rstrip() == str(row[first_var])
        assert line[second - 2 : second] == "  "


def test_format_csv_tsv_json_xml(sample: Dataset) -> None:
    result = run_query(sample, resolve_query("pledges-by-actor"))
    n, names = len(result), [str(v) for v in result.vars]
    table = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert table[0] == names and len(table) == n + 1
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0].split("\t") == [f"?{v}" for v in names] and len(tsv) == n + 1
    assert all(len(line.split("\t")) == len(names) for line in tsv)
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == names and len(data["results"]["bindings"]) == n
    root = ET.fromstring(format_result(result, "xml"))
    assert len(root.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == n
    with pytest.raises(QueryError, match="Unknown result format"):
        format_result(result, "yaml")


def test_tsv_escapes_tabs_and_newlines(sample: Dataset) -> None:
    result = run_query(sample, 'SELECT ?x WHERE { BIND("a\\tb\\nc" AS ?x) }')
    lines = format_result(result, "tsv").splitlines()
    assert lines == ["?x", '"a\\tb\\nc"']


def test_ask_and_construct(sample: Dataset, g: Graph) -> None:
    assert format_result(run_query(sample, "ASK { ?p a kg:Pledge }"), "table") == "true\n"
    assert format_result(run_query(sample, "ASK { ?p a kg:Nothing }"), "csv") == "false\n"
    assert json.loads(format_result(run_query(sample, "ASK { ?p a kg:Pledge }"), "json"))["boolean"] is True
    turtle = format_result(
        run_query(sample, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Actor ; rdfs:label ?l }")
    )
    graph = Graph().parse(data=turtle, format="turtle")
    assert set(graph) == {
        (a, RDFS.label, label) for a in g.subjects(RDF.type, KG.Actor) for label in g.objects(a, RDFS.label)
    }


def test_query_form_ignores_keywords_in_strings_iris_and_comments() -> None:
    assert query_form("# DELETE everything\nPREFIX a: <urn:INSERT:> SELECT * {}") == "SELECT"
    assert query_form("BASE <urn:x> prefix b: <urn:y>\n  ask {}") == "ASK"
    assert is_update("PREFIX a: <urn:a>\ninsert data { <urn:a> <urn:b> 'SELECT' }")
    assert not is_update('SELECT ?x WHERE { BIND("DROP GRAPH" AS ?x) }')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
        ("select * where { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
        ('SELECT * WHERE { ?s ?p "SERVICE <http://example.org/>" }', False),
        ("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE", False),
        ("SELECT ?service WHERE { ?s ex:SERVICE ?service }", False),
        ("SELECT * WHERE { ?s ?p '''multi\nline SERVICE''' }", False),
    ],
)
def test_service_detection(query: str, expected: bool) -> None:
    assert uses_service(query) is expected


def test_parameters_enter_the_text_only_as_variable_names() -> None:
    text = resolve_query("pledges-by-actor")
    prepared = _project(text, ["actor"])
    assert prepared is not None
    assert "SELECT ?actor ?pledger" in prepared and "BOUND(?actor)" not in prepared
    added = set(re.findall(r"[?$]\w+|\w+", prepared)) - set(re.findall(r"[?$]\w+|\w+", text))
    assert added <= {"true"}  # only the keyword replacing BOUND(?actor); ?actor was already in the text
    grouped = _project("SELECT ?a (COUNT(?s) AS ?n) WHERE { ?s ?p ?a FILTER(?a != ?x) } GROUP BY ?a", ["x"])
    assert grouped == "SELECT ?x ?a (COUNT(?s) AS ?n) WHERE { ?s ?p ?a FILTER(?a != ?x) } GROUP BY ?x ?a"
    assert _project("SELECT * WHERE { ?s ?p ?x }", ["x"]) is None
    assert _project("ASK { ?s ?p ?x }", ["x"]) is None


def test_graphstore_answers_like_rdflib(tmp_path: Path) -> None:
    reference = load(SAMPLE)
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
        for info in list_queries():
            params = {p.name: "Mara Lindqvist" for p in info.params}
            want = run_query(reference, resolve_query(info.name), params)
            got = run_query(store, resolve_query(info.name), params)
            assert got.vars == want.vars
            assert _values(got) == _values(want), info.name
        star = run_query(store, "SELECT * WHERE { ?s rdfs:label ?name }", {"name": "Mara Lindqvist"})
        assert len(star) == 1  # SELECT * cannot be projected: answered by rdflib's engine over the store


def _values(result) -> list[list[object]]:
    """Rows with literals by value (Oxigraph writes decimals canonically: 250000000.0 -> 250000000)."""
    return [[None if r[v] is None else r[v].toPython() for v in result.vars] for r in result]


def test_parameterised_queries_agree_for_every_value_in_the_sample(tmp_path: Path) -> None:
    """Each bundled query with parameters, for every actor label and topic of the sample, on both engines."""
    reference = load(SAMPLE)
    g = union(reference)
    values = {
        "actor": sorted({str(o) for a in g.subjects(RDF.type, KG.Actor) for o in g.objects(a, RDFS.label)}),
        "topic": sorted({str(t).rsplit("/", 1)[-1] for t in g.objects(None, KG.topic)}),
    }
    assert values["actor"] and values["topic"]
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
        checked = 0
        for info in list_queries():
            for param in info.params:
                for value in values.get(param.name, []):
                    text = resolve_query(info.name)
                    want = _values(run_query(reference, text, {param.name: value}))
                    assert _values(run_query(store, text, {param.name: value})) == want, (info.name, value)
                    checked += bool(want)
        assert checked >= 3  # some of them found rows


def test_oxigraph_terms_become_the_rdflib_terms_rdflib_would_build() -> None:
    """The fast paths for IRIs and plain strings build terms equal in every way to rdflib's own."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.views.sparql import _converter, _fast_terms_ok

    assert _fast_terms_ok()
    convert = _converter()
    cases = [
        (ox.NamedNode("https://example.org/a#b"), URIRef("https://example.org/a#b")),
        (ox.Literal("plain words"), Literal("plain words")),
        (ox.Literal(""), Literal("")),
        (ox.Literal('Zoë said "no"\n'), Literal('Zoë said "no"\n')),
        (ox.Literal("42"), Literal("42")),  # a string that looks like a number stays a string
        (ox.Literal("Kyiv", language="en-gb"), Literal("Kyiv", lang="en-gb")),  # Oxigraph lowercases tags
        (ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer))), Literal("7", datatype=XSD.integer)),
        (ox.Literal("2.5", datatype=ox.NamedNode(str(XSD.decimal))), Literal("2.5", datatype=XSD.decimal)),
        (
            ox.Literal("2025-03-01", datatype=ox.NamedNode(str(XSD.date))),
            Literal("2025-03-01", datatype=XSD.date),
        ),
    ]
    for term, want in cases:
        got = convert(term)
        assert type(got) is type(want) and got == want and hash(got) == hash(want), term
        assert got.n3() == want.n3() and got.toPython() == want.toPython(), term
        if isinstance(want, Literal):
            assert (got.language, got.datatype, got.value) == (want.language, want.datatype, want.value), term
        assert convert(term) is got  # memoised: a repeated cell is converted once
    blank = convert(ox.BlankNode("b1"))
    assert isinstance(blank, BNode) and str(blank) == "b1"


def test_store_rows_behave_like_rdflib_rows(tmp_path: Path) -> None:
    """Rows from the store support what rdflib's rows do: names, variables, positions, asdict."""
    from rdflib import Variable

    reference = load(SAMPLE)
    text = resolve_query("who-said-what")
    with GraphStore.open(tmp_path) as store:
        store.load(SAMPLE)
        got, want = run_query(store, text), run_query(reference, text)
        assert len(got) == len(want) > 0 and got.vars == want.vars
        for mine, theirs in zip(got, want, strict=True):
            assert tuple(mine) == tuple(theirs)
            assert mine.speaker == theirs.speaker and mine["quote"] == theirs["quote"]
            assert mine[Variable("document")] == theirs[Variable("document")] and mine[0] == theirs[0]
            assert mine.asdict() == theirs.asdict()
        assert [tuple(r) for r in got] == [tuple(r) for r in got]  # iterating again gives the same rows
        assert all(isinstance(b, dict) for b in got.bindings)
