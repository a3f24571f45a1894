"""Country and organisation names: ISO 3166 codes from pycountry, extra names from a data file."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("kg.actors").joinpath("data/places.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Title, group and credit words (lowercase), from the data file."""
    text = resources.files("kg.actors").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def fold(text: str) -> str:
    """Lowercase, strip diacritics, possessives and extra space: the key names are compared by."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    return _SPACE.sub(" ", text).lower().strip()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded name -> alpha-2 for every name, official name, common name and code pycountry knows."""
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[fold(value)] = c.alpha_2
        table[c.alpha_3.lower()] = c.alpha_2
    for alias, code in _data()["country_aliases"].items():
        table[fold(alias)] = code
    return table


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, code or alias; None when it is not a country."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    table = _countries()
    if key in table:
        return table[key]
    dotless = key.replace(".", "")
    if len(dotless) == 2 and dotless.isalpha() and dotless.upper() in _alpha2():
        return dotless.upper()
    return table.get(dotless)


@lru_cache(maxsize=1)
def _alpha2() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


def country_label(code: str) -> str:
    """A readable English name for an alpha-2 code ("Russia", not "Russian Federation")."""
    import pycountry

    override = _data()["country_labels"].get(code)
    if override:
        return override
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def capital_country(name: str) -> str | None:
    """The country a capital city stands for in political news ("Moscow" -> "RU")."""
    return _data()["capitals"].get(fold(name))


def demonym_country(word: str) -> str | None:
    """The country of a demonym ("German" -> "DE")."""
    return _data()["demonyms"].get(fold(word))


def organization_name(name: str) -> str | None:
    """Canonical name of a organisation or its metonym ("the EU", "Brussels" -> "European Union")."""
    key = fold(name)
    orgs = _data()["organizations"]
    return orgs.get(key) or (orgs.get(key[4:]) if key.startswith("the ") else None)


def is_place_only(name: str) -> bool:
    """Places that are never actors themselves (continents, venues)."""
    return fold(name) in _data()["places_not_actors"]


def country_surface_forms() -> list[str]:
    """Country names as they are written in news, for the EntityRuler (no two-letter codes: too ambiguous)."""
    import pycountry

    forms = {c.name for c in pycountry.countries if "," not in c.name}
    forms |= {c.common_name for c in pycountry.countries if getattr(c, "common_name", None)}
    forms |= {a for a in _data()["country_aliases"] if not a.startswith("the ")}
    forms |= set(_data()["country_labels"].values())
    ambiguous = set(_data()["ambiguous_country_names"])
    out = set()
    for f in forms - ambiguous:
        if len(f) <= 2 and f.isalpha():
            continue
        out.add(f if any(ch.isupper() for ch in f) else _title(f))
    return sorted(out)


def _title(alias: str) -> str:
    if "." in alias or len(alias) <= 3:
        return alias.upper()
    return " ".join(w.capitalize() for w in alias.split())
