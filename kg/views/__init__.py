"""Views over a built graph: export (Turtle, TriG, N-Quads, N-Triples, JSON-LD), SPARQL, networkx, HTML.

Every view takes an rdflib `Dataset` (one named graph per document, plus actors and topics) or a
`Graph` that follows the ontology contract, and never imports spaCy. This module stays light (no
rdflib import) so that the CLI can catch `ViewError` without loading anything heavy.
"""

from __future__ import annotations

KG_NS = "https://w3id.org/newskg/ontology#"
ID_NS = "https://w3id.org/newskg/id/"

# Prefixes bound in every exported graph and available to every SPARQL query without a PREFIX line.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}


class ViewError(Exception):
    """A user-facing failure of a view (missing or unparsable file, unknown format): one clear sentence."""


__all__ = ["ID_NS", "KG_NS", "PREFIXES", "ViewError"]
