"""`kg push` into a real Virtuoso (Debian package virtuoso-opensource), started on loopback by the test.

The fixture writes a Virtuoso ini from the package's default one with a temporary database folder and
free loopback ports, starts ``virtuoso-t +foreground``, waits for its SPARQL endpoint and kills it at the
end. Pushes go to ``/sparql-graph-crud-auth`` (Graph Store Protocol) and ``/sparql-auth`` (SPARQL
Update), both behind HTTP Digest auth as the default ``dba`` user; the statements are read back
through the public ``/sparql`` endpoint. Skips, saying why, when Virtuoso is not installed.
"""

from __future__ import annotations

import glob
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.rdf.store import GraphStore
from kg.views.push import push

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
TRICKY = "urn:newskg:test:tricky"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TEXTS = [
    "quotes \" and ' and \\ backslash",
    "line\nbreak\tand tab",
    "Zoë, Ångström, Łódź, Київ, 東京, 😀",
    "<script>alert('x')</script> & { } ; #",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    """The package's default ini, pointed at `folder` and at loopback ports; no VAD auto-install."""
    defaults = sorted(glob.glob("/etc/virtuoso-opensource-*/virtuoso.ini"))
    if not defaults:
        pytest.skip("virtuoso-t is installed but no /etc/virtuoso-opensource-*/virtuoso.ini was found")
    text = Path(defaults[-1]).read_text(encoding="utf-8", errors="replace")
    text = re.sub(
        r"(?m)^(\s*(?:DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file)\s*=\s*)\S*?([^/\s]+)$",
        lambda m: f"{m.group(1)}{folder / m.group(2)}",
        text,
    )
    sections = re.split(r"(?m)^(?=\[)", text)
    for i, section in enumerate(sections):
        if section.startswith("[Parameters]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{sql_port}", section)
            section = re.sub(r"(?m)^VADInstallDir\s*=.*$", "", section)
            section = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., {folder}", section)
        elif section.startswith("[HTTPServer]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = 127.0.0.1:{http_port}", section)
        sections[i] = section
    ini = folder / "virtuoso.ini"
    ini.write_text("".join(sections), encoding="utf-8")
    return ini


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a fresh Virtuoso on loopback, stopped after the module."""
    binary = shutil.which("virtuoso-t") or (
        "/usr/bin/virtuoso-t" if Path("/usr/bin/virtuoso-t").exists() else None
    )
    if binary is None:
        pytest.skip("virtuoso-t is not installed (Debian package virtuoso-opensource; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = _free_port()
    ini = _virtuoso_ini(folder, _free_port(), http_port)
    log = (folder / "console.log").open("wb")
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                pytest.fail(f"Virtuoso exited with {process.returncode}: {_tail(folder)}")
            try:
                with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"Virtuoso did not answer within 180 s: {_tail(folder)}")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()


def _tail(folder: Path) -> str:
    text = (folder / "console.log").read_text(encoding="utf-8", errors="replace")
    return " | ".join(text.strip().splitlines()[-5:])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The sample build, plus a graph of literals that are easy to mangle on the way."""
    with GraphStore.open(tmp_path_factory.mktemp("build")) as opened:
        opened.load(SAMPLE)
        triples = [
            (URIRef(f"urn:newskg:test:s{i}"), URIRef("urn:newskg:test:text"), Literal(t))
            for i, t in enumerate(TEXTS)
        ]
        triples.append(
            (URIRef("urn:newskg:test:s9"), URIRef("urn:newskg:test:text"), Literal("Grüße", lang="de"))
        )
        opened.replace_graph(TRICKY, triples)
        yield opened


def select(base: str, query: str) -> list[dict[str, dict[str, str]]]:
    media = urllib.parse.quote("application/sparql-results+json")
    url = f"{base}/sparql?query={urllib.parse.quote(query)}&format={media}"
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)["results"]["bindings"]


def _term(data: dict[str, str]) -> tuple[str, object]:
    """A SPARQL JSON term as (kind, value); typed literals by value, plain ones as xsd:string."""
    if data["type"] == "uri":
        return "uri", data["value"]
    if data.get("xml:lang"):
        return "lang", (data["value"], data["xml:lang"].lower())
    datatype = data.get("datatype", XSD_STRING)
    if datatype == XSD_STRING:
        return "literal", data["value"]
    return "typed", (datatype, Literal(data["value"], datatype=URIRef(datatype)).toPython())


def _ox_term(term: object) -> tuple[str, object]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return _term({"type": "uri", "value": term.value})
    assert isinstance(term, ox.Literal)
    if term.language:
        return _term({"type": "literal", "value": term.value, "xml:lang": term.language})
    return _term({"type": "literal", "value": term.value, "datatype": term.datatype.value})


def quads_on_server(base: str) -> set[tuple[str, str, str, tuple[str, object]]]:
    query = (
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/newskg/') || STRSTARTS(STR(?g), 'urn:newskg:test:')) }"
    )
    return {(b["g"]["value"], b["s"]["value"], b["p"]["value"], _term(b["o"])) for b in select(base, query)}


def quads_in_store(store: GraphStore) -> set[tuple[str, str, str, tuple[str, object]]]:
    return {
        (q.graph_name.value, q.subject.value, q.predicate.value, _ox_term(q.object))
        for q in store.named_quads()
    }


def clear(base: str) -> None:
    for graph in {q[0] for q in quads_on_server(base)}:
        form = urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{graph}>"}).encode()
        _digest_post(f"{base}/sparql-auth", form)


def _digest_post(url: str, body: bytes) -> None:
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, "dba", "dba")
    opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    with opener.open(request, timeout=60) as response:
        response.read()


@pytest.mark.parametrize(
    ("protocol", "path"), [("gsp", "/sparql-graph-crud-auth"), ("update", "/sparql-auth")]
)
def test_push_then_read_back(virtuoso: str, store: GraphStore, protocol: str, path: str) -> None:
    clear(virtuoso)
    assert quads_on_server(virtuoso) == set()
    report = push(store, virtuoso + path, protocol=protocol, user="dba", password="dba", chunk=40)
    assert report.graphs == len(store.graphs()) and report.triples == len(store)
    assert quads_on_server(virtuoso) == quads_in_store(store)
    # the statements, as a user would ask for them
    kg = "https://w3id.org/newskg/ontology#"
    query = (
        f"SELECT ?speaker ?quote WHERE {{ GRAPH ?g {{ ?s a <{kg}Statement> ; <{kg}speaker> ?a ; "
        f"<{kg}quote> ?quote }} GRAPH ?h {{ ?a <http://www.w3.org/2000/01/rdf-schema#label> ?speaker }} }}"
    )
    remote = {(b["speaker"]["value"], b["quote"]["value"]) for b in select(virtuoso, query)}
    local = {(r["speaker"].value, r["quote"].value) for r in store.query(query)}
    assert remote == local and len(local) == 4


def test_push_replaces_graphs_instead_of_adding(virtuoso: str, store: GraphStore) -> None:
    clear(virtuoso)
    url = virtuoso + "/sparql-graph-crud-auth"
    push(store, url, user="dba", password="dba")
    push(store, url, user="dba", password="dba")
    assert len(quads_on_server(virtuoso)) == len(store)


def test_wrong_password_is_refused(virtuoso: str, store: GraphStore) -> None:
    from kg.views.push import PushError

    with pytest.raises(PushError, match="HTTP 401"):
        push(store, virtuoso + "/sparql-graph-crud-auth", user="dba", password="not-the-password")
