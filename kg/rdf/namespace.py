"""The newskg vocabulary as Python names, mirroring ``ontology/newskg.ttl`` term for term.

``KG`` is a closed ``DefinedNamespace``: a misspelt term (``KG.speakr``) raises ``AttributeError``
instead of silently minting a new IRI. A test keeps this list and the ontology file in step.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = ["ID", "KG", "KG_NS", "PREFIXES", "SCHEMA", "TOPIC", "bind_prefixes"]

KG_NS = "https://w3id.org/newskg/ontology#"
ID = Namespace("https://w3id.org/newskg/id/")
TOPIC = Namespace("https://w3id.org/newskg/topic/")
SCHEMA = SDO  # https://schema.org/


class KG(DefinedNamespace):
    """Classes and properties of the newskg ontology (``kg:``)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # Classes
    Document: URIRef
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Group: URIRef
    UnnamedActor: URIRef
    Statement: URIRef
    Position: URIRef
    Pledge: URIRef
    Resource: URIRef

    # Statement properties
    speaker: URIRef
    quote: URIRef
    quoteType: URIRef
    cue: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    confidence: URIRef
    stance: URIRef
    mentionCount: URIRef
    source: URIRef
    expresses: URIRef
    stated: URIRef
    topic: URIRef

    # Pledge properties
    pledger: URIRef
    resource: URIRef
    recipient: URIRef
    amount: URIRef
    currency: URIRef
    status: URIRef
    pledged: URIRef

    # Document and actor properties
    mentions: URIRef
    role: URIRef
    affiliatedWith: URIRef
    sha256: URIRef
    countryCode: URIRef


# Each term also as a plain class attribute, so `KG.speaker` is an attribute read rather than a trip
# through DefinedNamespace's `__getattr__` (a large build reads ~700,000 terms); a term not in the list
# above still raises AttributeError.
for _term in KG.__annotations__:
    setattr(KG, _term, KG[_term])
del _term


PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(KG_NS),
    "dcterms": DCTERMS,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "prov": PROV,
    "schema": SCHEMA,
    "owl": OWL,
    "topic": TOPIC,
    "id": ID,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
