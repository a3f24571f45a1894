"""`kg actors`: the listing read back from a built graph (plain records -> RDF -> SPARQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.actors import resolve
from kg.actors.commands import actors_report
from kg.types import ActorType, DocResult, Document, LocalActor, Mention


def _m(text: str) -> Mention:
    return Mention(text, 0, len(text), "PERSON")


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    from kg.rdf.build import build_dataset
    from kg.views.export import export

    d1 = DocResult(
        Document("d1", "one"),
        (
            LocalActor(
                "a0",
                "Aino Virtanen",
                ActorType.PERSON,
                (_m("Aino Virtanen"), _m("Virtanen")),
                ("President",),
                ("Finland",),
            ),
            LocalActor("a1", "Finland", ActorType.COUNTRY, (_m("Finland"),)),
        ),
    )
    d2 = DocResult(
        Document("d2", "two"),
        (LocalActor("a0", "Aino Virtanen", ActorType.PERSON, (_m("Aino Virtanen"),), ("president",)),),
    )
    results = [d1, d2]
    path = tmp_path / "graph.trig"
    export(build_dataset(results, resolve(results)), "trig", path)
    return path


def test_text_listing_explains_each_actor(graph_file: Path):
    text = actors_report(graph=graph_file)
    assert "Aino Virtanen  (Person; 3 mentions in 2 documents)" in text
    assert "aliases: Virtanen" in text
    assert "affiliated with: Finland" in text
    assert "Finland [FI]  (Country; 1 mention in 1 document)" in text


def test_filters_by_type_and_name_and_json(graph_file: Path):
    rows = json.loads(actors_report(graph=graph_file, kind="country", fmt="json"))
    assert [(r["label"], r["country_code"]) for r in rows] == [("Finland", "FI")]
    rows = json.loads(actors_report(graph=graph_file, contains="virt", fmt="json"))
    assert [r["label"] for r in rows] == ["Aino Virtanen"]
    assert rows[0]["roles"] == ["President"]  # one spelling per role


def test_csv_has_a_header_and_one_row_per_actor(graph_file: Path):
    lines = actors_report(graph=graph_file, fmt="csv").splitlines()
    assert lines[0].startswith("label,type,mentions")
    assert len(lines) == 3


def test_user_mistakes_are_one_sentence(tmp_path: Path, graph_file: Path):
    from kg.views import ViewError

    with pytest.raises(ViewError, match="No build found"):
        actors_report(tmp_path / "nowhere")
    with pytest.raises(ViewError, match="Unknown actor type"):
        actors_report(graph=graph_file, kind="planet")
    with pytest.raises(ViewError, match="Unknown format"):
        actors_report(graph=graph_file, fmt="yaml")
