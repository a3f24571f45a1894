"""Where the project's data files live (the ontology and the bundled example corpus)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = ROOT_DIR / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "newskg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"
EXAMPLES_DIR = ROOT_DIR / "examples" / "articles"
QUERIES_DIR = PACKAGE_DIR / "views" / "queries"
DEFAULT_OUT = Path("output")
