"""The RDF stage: extraction records -> an rdflib Dataset in the newskg ontology, SHACL-checked.

Submodules: `namespace` (the vocabulary), `iris` (deterministic IRIs), `build` (records -> Dataset),
`validate` (pySHACL against ontology/shapes.ttl), `topics` (the SKOS topic scheme). Import them
directly; this package imports nothing heavy on its own.
"""
