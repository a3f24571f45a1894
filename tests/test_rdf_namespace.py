"""The KG namespace mirrors ontology/newskg.ttl exactly, and the ontology is documented and aligned."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from kg import paths
from kg.rdf.namespace import ID, KG, KG_NS, PREFIXES, TOPIC, bind_prefixes

DECLARING_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
ALIGNED_NAMESPACES = (
    "http://www.w3.org/ns/prov#",
    "https://schema.org/",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ONTOLOGY_FILE, format="turtle")


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        s
        for t in DECLARING_TYPES
        for s in ontology.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }


def test_namespace_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    in_ontology = declared_terms(ontology)
    in_python = set(dir(KG))
    assert in_ontology, "the ontology declares no kg: terms"
    assert in_ontology - in_python == set(), "declared in newskg.ttl but missing from KG"
    assert in_python - in_ontology == set(), "in KG but not declared in newskg.ttl"


def test_every_kg_iri_used_in_the_ontology_is_declared(ontology: Graph) -> None:
    used = {
        term
        for triple in ontology
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(KG_NS)
    }
    assert used <= declared_terms(ontology)


def test_misspelt_term_raises() -> None:
    assert KG.speaker == URIRef(KG_NS + "speaker")
    with pytest.raises(AttributeError):
        _ = KG.speakr
    with pytest.raises(AttributeError):
        _ = KG["Persn"]


def test_every_term_has_label_and_comment(ontology: Graph) -> None:
    for term in declared_terms(ontology):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_actor_subclasses_and_alignment(ontology: Graph) -> None:
    for name in ("Person", "Organization", "Country", "Group"):
        assert (KG[name], RDFS.subClassOf, KG.Actor) in ontology
    aligned = {
        s
        for p in (RDFS.subClassOf, RDFS.subPropertyOf)
        for s, o in ontology.subject_objects(p)
        if str(o).startswith(ALIGNED_NAMESPACES)
    }
    for term in (
        KG.Document,
        KG.Actor,
        KG.Person,
        KG.Statement,
        KG.speaker,
        KG.source,
        KG.topic,
        KG.mentions,
    ):
        assert term in aligned, f"{term} has no alignment to PROV-O/schema.org/SKOS/DC"


def test_object_properties_have_ranges(ontology: Graph) -> None:
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_instance_namespaces() -> None:
    assert ID["doc/x"] == URIRef("https://w3id.org/newskg/id/doc/x")
    assert TOPIC["ceasefire"] == URIRef("https://w3id.org/newskg/topic/ceasefire")


def test_bind_prefixes() -> None:
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespace_manager.namespaces()}
    for prefix in ("kg", "dcterms", "skos", "rdfs", "xsd", "prov", "schema", "topic", "owl"):
        assert prefix in bound, prefix
        assert bound[prefix] == str(PREFIXES[prefix])
    assert bound["kg"] == KG_NS
    assert bound["schema"] == str(Namespace("https://schema.org/"))
