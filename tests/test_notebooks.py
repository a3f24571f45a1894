"""The notebooks in notebooks/ run from top to bottom in a fresh kernel of this virtualenv, and are kept
in git without outputs.

The quickstart builds the seed articles with the real spaCy model when ../shared is there (else the
bundled examples), hence `slow`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, path.name


def test_there_is_a_quickstart() -> None:
    assert "quickstart" in {p.stem for p in NOTEBOOKS}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    # A kernelspec named python3 that runs this interpreter (the virtualenv's), found before any other.
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "newskg venv", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    out = tmp_path / "build"
    monkeypatch.setenv("KG_NOTEBOOK_OUT", str(out))

    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()

    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    if path.stem == "quickstart":
        html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        assert any("<table" in h and "speaker" in h for h in html)  # the who-said-what DataFrame
        assert any("<iframe srcdoc=" in h for h in html)  # the graph, inline
        from rdflib import RDF, Graph, URIRef

        graph = Graph().parse(out / "graph-export.ttl", format="turtle")
        statements = set(graph.subjects(RDF.type, URIRef("https://w3id.org/newskg/ontology#Statement")))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert len(statements) == report["statements"] > 0
