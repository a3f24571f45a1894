"""Deterministic, IRI-safe identifiers made from text (shared by the actors and rdf stages)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

SLUG_MAX = 60
_HASH_LEN = 8
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def short_hash(text: str, length: int = _HASH_LEN) -> str:
    """The first `length` hex digits of the SHA-256 of `text` (UTF-8; lone surrogates tolerated)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """An IRI-safe slug of `text`: ASCII-folded, lowercase, runs of other characters turned into '-'.

    Case, punctuation and accents are deliberately folded ("Café Noir" and "cafe-noir" share a slug).
    Whenever information beyond that would be lost (nothing left, letters with no ASCII form such as
    Cyrillic, or a slug cut to `max_length`), a short hash of `text` is appended or stands in, so
    distinct labels never collide. The result is never empty and at most `max_length` characters.
    """
    folded: list[str] = []
    lossy = False
    for char in unicodedata.normalize("NFKD", text):
        if char.isascii():
            folded.append(char)
        elif unicodedata.combining(char):
            continue  # an accent split off by NFKD
        else:
            lossy = lossy or char.isalnum()
            folded.append(" ")
    slug = _NON_ALNUM.sub("-", "".join(folded).lower()).strip("-")
    digest = short_hash(text)
    if not slug:
        return digest
    if len(slug) > max_length or lossy:
        keep = max(max_length - len(digest) - 1, 1)
        slug = f"{slug[:keep].rstrip('-')}-{digest}"
    return slug
