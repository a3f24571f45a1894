"""The SKOS topic scheme: well-formed, loaded as plain Topic records, extensible without code."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from kg import paths
from kg.rdf.namespace import TOPIC
from kg.rdf.topics import load_topics, topic_name, topics_graph
from kg.types import Topic

REQUIRED = {
    "peace-negotiations", "ceasefire", "security-guarantees", "reassurance-force", "troops-on-the-ground",
    "nato-membership", "territorial-concessions", "frozen-russian-assets", "financing-ukraine",
    "military-aid", "air-defense", "sanctions", "defense-spending", "transatlantic-relations",
    "nuclear-threats", "other",
}  # fmt: skip


@pytest.fixture(scope="module")
def scheme() -> Graph:
    return topics_graph()


def test_scheme_holds_the_required_concepts(scheme: Graph) -> None:
    names = {topic_name(c) for c in scheme.subjects(RDF.type, SKOS.Concept)}
    assert names >= REQUIRED
    assert (TOPIC[""], RDF.type, SKOS.ConceptScheme) in scheme


def test_every_concept_is_documented_and_in_the_scheme(scheme: Graph) -> None:
    schemes = set(scheme.subjects(RDF.type, SKOS.ConceptScheme))
    for concept in scheme.subjects(RDF.type, SKOS.Concept):
        assert len(set(scheme.objects(concept, SKOS.prefLabel))) == 1, concept
        assert scheme.value(concept, SKOS.definition) is not None, concept
        assert scheme.value(concept, SKOS.inScheme) in schemes, concept
        alt = {str(label) for label in scheme.objects(concept, SKOS.altLabel)}
        assert alt == {a.lower() for a in alt}, f"{concept}: altLabels must be lowercase"
        if concept != TOPIC["other"]:
            assert len(alt) >= 3, f"{concept}: needs several altLabels"
        for broader in scheme.objects(concept, SKOS.broader):
            assert (broader, RDF.type, SKOS.Concept) in scheme, broader
        top = scheme.value(concept, SKOS.topConceptOf) is not None
        assert top != (scheme.value(concept, SKOS.broader) is not None), f"{concept}: top concept xor broader"


def test_broader_links(scheme: Graph) -> None:
    assert (TOPIC["ceasefire"], SKOS.broader, TOPIC["peace-negotiations"]) in scheme
    assert (TOPIC["air-defense"], SKOS.broader, TOPIC["military-aid"]) in scheme


def test_load_topics_gives_plain_records(scheme: Graph) -> None:
    topics = load_topics()
    assert all(isinstance(t, Topic) for t in topics)
    assert [t.name for t in topics] == sorted(t.name for t in topics)
    by_name = {t.name: t for t in topics}
    assert set(by_name) == {topic_name(c) for c in scheme.subjects(RDF.type, SKOS.Concept)}
    for topic in topics:
        concept = TOPIC[topic.name]
        assert topic.label == str(scheme.value(concept, SKOS.prefLabel))
        assert topic.labels[0] == topic.label.lower()
        expected = {
            str(o).lower() for p in (SKOS.prefLabel, SKOS.altLabel) for o in scheme.objects(concept, p)
        }
        assert set(topic.labels) == expected
        assert len(topic.labels) == len(set(topic.labels))
    assert {"peace talk", "negotiation", "cease-fire", "truce"} <= set(
        by_name["peace-negotiations"].labels + by_name["ceasefire"].labels
    )


TEMP_TTL = """
@prefix topic: <https://w3id.org/newskg/topic/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
topic: a skos:ConceptScheme ; skos:prefLabel "test scheme"@en .
topic:grain-exports a skos:Concept ; skos:inScheme topic: ; skos:topConceptOf topic: ;
    skos:prefLabel "Grain exports"@en, "Getreideexporte"@de ;
    skos:altLabel "Grain Corridor"@en, "black sea shipping"@en, "grain deal" ;
    skos:definition "Shipping Ukrainian grain."@en .
topic:ceasefire a skos:Concept ; skos:inScheme topic: ; skos:prefLabel "Ceasefire"@en ;
    skos:altLabel "truce"@en .
"""


def test_a_new_concept_needs_no_code_change(tmp_path: Path) -> None:
    path = tmp_path / "topics.ttl"
    path.write_text(TEMP_TTL, encoding="utf-8")
    topics = load_topics(path)
    assert [t.name for t in topics] == ["ceasefire", "grain-exports"]
    grain = topics[1]
    assert grain.label == "Grain exports"  # the English prefLabel is the label
    assert grain.labels[0] == "grain exports"
    assert set(grain.labels) == {
        "grain exports",
        "getreideexporte",
        "grain corridor",
        "black sea shipping",
        "grain deal",
    }
    assert len(topics_graph(path)) == len(Graph().parse(path, format="turtle"))


def test_concept_without_pref_label_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/newskg/topic/x> a skos:Concept .\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="prefLabel"):
        load_topics(path)


def test_default_path_is_the_project_file() -> None:
    assert load_topics() == load_topics(paths.TOPICS_FILE)


def test_a_label_belongs_to_one_concept_only() -> None:
    owners: dict[str, str] = {}
    for topic in load_topics():
        for label in topic.labels:
            assert owners.setdefault(label, topic.name) == topic.name, (
                f"{label!r}: {owners[label]} and {topic.name}"
            )


def test_labels_are_lemma_phrases_without_punctuation_at_the_edges() -> None:
    for topic in load_topics():
        for label in topic.labels[1:]:  # the prefLabel is a human label; the altLabels are patterns
            assert label == label.strip(" ,.;:\"'"), (topic.name, label)
            assert "  " not in label, (topic.name, label)


def test_scheme_goes_beyond_the_required_concepts() -> None:
    names = {t.name for t in load_topics()}
    assert {"european-security", "escalation-risk", "relations-with-russia", "battlefield"} <= names
    assert len(names) > len(REQUIRED)
