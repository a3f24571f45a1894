"""newskg: build a knowledge graph of who said what and who pledged what from news articles.

Data flows one way: documents -> nlp (parse) -> actors -> facts -> rdf -> views.
`kg.pipeline` is the one place the stages are wired; importing `kg` itself loads nothing heavy.
"""

__version__ = "0.1.0"
