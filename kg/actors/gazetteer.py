"""Country, place and organisation names: ISO 3166 from pycountry, the rest from data files.

Countries, their codes and their subdivisions (which include many cities and counties the small model
tags as people) come from pycountry; `data/places.json` holds only what pycountry lacks (short names,
demonyms, capitals, organisations and their aliases) and `data/lexicon.json` the word lists (titles,
honorifics, place and event words). Capitals stand for their country's government in political
context ("Moscow said"); the Kremlin, the White House and similar bodies are organisations affiliated
with their country (`organization_country`), so "Kremlin spokesman Dmitry Peskov" is affiliated with
both the Kremlin and Russia.
"""

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
def _lexicon_raw() -> dict[str, Any]:
    text = resources.files("kg.actors").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """Word lists (lowercase) from the data file: titles, title heads, honorifics, place words..."""
    return {
        k: frozenset(v) for k, v in _lexicon_raw().items() if isinstance(v, list) and not k.startswith("_")
    }


def credit_role(word: str) -> str:
    """The role a credit line's lead word gives ("Photo by" -> photographer, "Edited by" -> editor)."""
    return _lexicon_raw()["credit_roles"].get(word.lower(), "photographer")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase, strip diacritics, possessives and extra space: the key names are compared by.

    Cached: the same names are folded again and again within and across documents."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    return _SPACE.sub(" ", text).lower().strip()


@lru_cache(maxsize=1 << 16)  # the rules ask for the key of the same few names again and again
def name_key(name: str) -> str:
    """Comparison key of a person's name: folded, no honorifics or dots, hyphens as spaces, initials joined.

    "Mr. J. D. Vance", "J.D. Vance" and "JD Vance" share the key "jd vance".
    """
    text = fold(name).replace(".", " ").replace("-", " ")
    words = text.split()
    honorifics = lexicon()["honorifics"]
    while len(words) > 1 and words[0] in honorifics:
        words = words[1:]
    if len(words) > 2 and all(len(w) == 1 for w in words[:-1]):
        words = ["".join(words[:-1]), words[-1]]
    return " ".join(words)


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
    for alias, code in _data()["country_aliases"].items():
        table[fold(alias)] = code
    return table


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name or alias; None when it is not a country.

    Bare ISO codes in prose are not taken for countries ("Mr" is not Mauritania, "TV" not Tuvalu);
    the abbreviations news uses ("US", "U.K.", "USA") are aliases in the data file.
    """
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    dotless = key.replace(".", "")
    if len(dotless) <= 3 and not name.replace(".", "").strip().removeprefix("the ").isupper():
        return None  # "us" the pronoun is not the US
    table = _countries()
    return table.get(key) or table.get(dotless)


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
    """The country of a demonym, singular or plural ("German", "Britons" -> "DE", "GB")."""
    key = fold(word)
    demonyms = _data()["demonyms"]
    if key in demonyms:
        return demonyms[key]
    if key.endswith("s") and key[:-1] in demonyms:
        return demonyms[key[:-1]]
    return None


def organization_name(name: str) -> str | None:
    """Canonical name of an organisation or its metonym ("the EU", "Brussels" -> "European Union")."""
    key = fold(name)
    orgs = _data()["organizations"]
    return orgs.get(key) or (orgs.get(key[4:]) if key.startswith("the ") else None)


def organization_country(canonical: str) -> str | None:
    """The country a government body belongs to ("Kremlin" -> "RU"); None for most organisations."""
    return _data()["organization_countries"].get(canonical)


def is_ambiguous(name: str) -> bool:
    """Country names that are also first names ("Chad", "Jordan"): a PERSON tag wins."""
    return name in _data()["ambiguous_country_names"]


def is_place_only(name: str) -> bool:
    """Places that are never actors themselves (continents, regions, venues)."""
    return fold(name) in _data()["places_not_actors"]


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(fold(s.name) for s in pycountry.subdivisions)


def is_place(name: str) -> bool:
    """A country, capital, ISO 3166-2 subdivision (many cities and counties) or a place-only name."""
    key = fold(name)
    return bool(key in _subdivisions() or capital_country(key) or country_code(key) or is_place_only(key))


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
