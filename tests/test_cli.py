"""The `kg` command: the example build, queries, exports, and one-sentence errors for user mistakes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    result = runner.invoke(app, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Built 5 documents" in result.output
    return out


def test_default_build_uses_the_example_corpus(example_build: Path):
    report = json.loads((example_build / "report.json").read_text())
    assert report["documents"] == 5
    assert report["statements"] > 0 and report["pledges"] > 0
    assert report["conforms"] is True


def test_bundled_query_prints_a_table(example_build: Path):
    result = runner.invoke(app, ["query", "who-said-what", "--out", str(example_build)])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    assert "speaker" in header and "quote" in header


def test_query_parameter_is_bound(example_build: Path):
    result = runner.invoke(
        app,
        [
            "query",
            "statements-by-actor",
            "--out",
            str(example_build),
            "-p",
            "actor=Katrin Vollmer",
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = result.output.strip().splitlines()
    assert len(rows) > 1
    hostile = runner.invoke(
        app, ["query", "statements-by-actor", "--out", str(example_build), "-p", 'actor=x" } ; DROP ALL']
    )
    assert hostile.exit_code == 0


def test_export_jsonld_parses(example_build: Path, tmp_path: Path):
    from rdflib import Dataset

    target = tmp_path / "g.jsonld"
    result = runner.invoke(
        app, ["export", "--format", "jsonld", "--out", str(example_build), "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(target, format="json-ld")
    assert len(ds) > 0 or sum(len(g) for g in ds.graphs()) > 0


def test_validate_reports_conformance(example_build: Path):
    result = runner.invoke(app, ["validate", "--out", str(example_build)])
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/folder"], "does not exist"),
        (["query", "no-such-query"], "Unknown query"),
        (["query", "SELECT ?x WHERE { ?x ", "--graph", "GRAPH"], "query"),
        (["export", "--format", "yaml", "--graph", "GRAPH"], "Unknown format"),
        (["validate", "no/such/graph.ttl"], "does not exist"),
        (["query", "who-said-what", "--out", "no/such/build"], "No build found"),
    ],
)
def test_user_mistakes_get_one_sentence_and_nonzero_exit(args, message, example_build: Path):
    args = [str(example_build / "graph.trig") if a == "GRAPH" else a for a in args]
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert message.lower() in lines[0].lower()


def test_actors_lists_aliases_roles_and_counts(example_build: Path):
    result = runner.invoke(app, ["actors", "--out", str(example_build), "--type", "person"])
    assert result.exit_code == 0, result.output
    assert "aliases:" in result.output and "roles:" in result.output and "mention" in result.output
    bad = runner.invoke(app, ["actors", "--out", str(example_build), "--type", "planet"])
    assert bad.exit_code == 2
