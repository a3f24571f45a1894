"""Facts stage: statements, pledges and positions as plain records from a parse and its actor index.

Never imports rdflib: facts are data; the rdf stage turns them into triples.
"""
