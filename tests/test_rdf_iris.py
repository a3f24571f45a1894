"""Deterministic IRIs: same input, same IRI; free text only through slugs or hashes."""

from __future__ import annotations

import hashlib
import re

import pytest
from rdflib import URIRef

from kg.rdf.iris import (
    ACTORS_GRAPH,
    TOPICS_GRAPH,
    actor_iri,
    document_graph_iri,
    document_iri,
    pledge_iri,
    position_iri,
    resource_iri,
    slugify,
    statement_iri,
    topic_iri,
)
from kg.rdf.namespace import ID, TOPIC

SHA = hashlib.sha256(b"some text").hexdigest()
IRI_SAFE = re.compile(r"[A-Za-z0-9\-._~/%]+")


def test_document_and_graph_iris() -> None:
    assert document_iri(SHA) == ID[f"doc/{SHA[:16]}"]
    assert document_graph_iri(SHA) == ID[f"graph/{SHA[:16]}"]
    assert ID["graph/actors"] == ACTORS_GRAPH and ID["graph/topics"] == TOPICS_GRAPH
    with pytest.raises(ValueError):
        document_iri("not-a-hash")


def test_fact_iris() -> None:
    assert statement_iri(SHA, 3, 9) == ID[f"statement/{SHA[:16]}-3-9"]
    assert position_iri(SHA, 3, 9) == ID[f"position/{SHA[:16]}-3-9"]
    h8 = hashlib.sha256(b"country/france|air defence").hexdigest()[:8]
    assert pledge_iri(SHA, 3, 9, "country/france", "air defence") == ID[f"pledge/{SHA[:16]}-3-9-{h8}"]
    assert statement_iri(SHA, 3, 9, "other") != statement_iri(SHA, 3, 9)
    assert statement_iri(SHA, 3, 9, "other") == statement_iri(SHA, 3, 9, "other")
    with pytest.raises(ValueError):
        statement_iri(SHA, 9, 3)


def test_actor_iri_encodes_anything_outside_unreserved() -> None:
    assert actor_iri("person/boris-pistorius") == ID["actor/person/boris-pistorius"]
    iri = actor_iri('person/a b"<c>?#é')
    assert iri == ID["actor/person/a%20b%22%3Cc%3E%3F%23%C3%A9"]
    assert IRI_SAFE.fullmatch(str(iri)[len(str(ID)) :])
    assert actor_iri("group/../x") == ID["actor/group/%2E%2E/x"]
    with pytest.raises(ValueError):
        actor_iri("")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Air Defence Systems", "air-defence-systems"),
        ("  Boris  Pistorius ", "boris-pistorius"),
        ("Émile Zoë Müller", "emile-zoe-muller"),
        ("F-16 fighter jets!", "f-16-fighter-jets"),
        ("Coalition of the Willing (UK/France)", "coalition-of-the-willing-uk-france"),
    ],
)
def test_slugify_folds_case_accents_and_punctuation(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_hashes_what_it_cannot_keep() -> None:
    h8 = hashlib.sha256("Зеленський".encode()).hexdigest()[:8]
    assert slugify("Зеленський") == h8
    assert slugify("") != "" and slugify("!!!") != slugify("???")
    assert slugify("Kyiv 基辅") != slugify("Kyiv 乌克兰") and slugify("Kyiv 基辅").startswith("kyiv-")
    long_a, long_b = "word " * 30 + "alpha", "word " * 30 + "beta"
    assert slugify(long_a) != slugify(long_b)
    assert len(slugify(long_a)) <= 60 and len(slugify(long_b)) <= 60
    for text in ("Зеленський", long_a, "x" * 60, "x" * 61, "🇺🇦"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(text)), text
        assert slugify(text) == slugify(text)
    assert slugify("x" * 60) == "x" * 60 and slugify("x" * 61) != "x" * 60


def test_resource_and_topic_iris() -> None:
    assert resource_iri("Reassurance force") == ID["resource/reassurance-force"]
    assert resource_iri("<script>alert(1)</script>") == ID["resource/script-alert-1-script"]
    assert topic_iri("ceasefire") == TOPIC["ceasefire"]
    assert topic_iri("a b") == URIRef(str(TOPIC) + "a%20b")
