"""Parse stage: load the spaCy pipeline once, fix its common entity mistakes, and parse in batches."""

from kg.nlp.load import DEFAULT_MODELS, ModelError, load_nlp, model_name, release_nlp
from kg.nlp.parse import doc_text, parse

__all__ = ["DEFAULT_MODELS", "ModelError", "doc_text", "load_nlp", "model_name", "parse", "release_nlp"]
