"""Roles and affiliations of a person from the words around a name.

Three constructions carry them in news: a title before the name ("German Defense Minister Boris
Pistorius"), an apposition after it ("Jana Kobzova, senior policy fellow at the ECFR") and a possessive
("Hungary's Viktor Orban"). Country and organisation words become affiliations, the rest the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.actors import gazetteer as gz

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_PREMOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "punct"})
_AFFILIATION_PREPS = frozenset({"at", "of", "for", "with", "from"})
_DROP = frozenset({"a", "an", "the", "'s", "’s", "his", "her", "their", "its"})


@dataclass(frozen=True)
class RoleInfo:
    """Roles (title literals) and affiliations (country or organisation names) found for one mention."""

    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


def affiliation_name(tokens: list[Token]) -> str | None:
    """Canonical name of a country/organisation phrase or demonym, or None if it names neither."""
    text = " ".join(t.text for t in tokens if t.lower_ not in _DROP and t.tag_ != "POS").strip()
    if not text:
        return None
    code = gz.country_code(text) or gz.demonym_country(text) or gz.capital_country(text)
    if code:
        return gz.country_label(code)
    org = gz.organization_name(text)
    if org:
        return org
    titles = gz.lexicon()["titles"]
    words = [t for t in tokens if t.is_alpha]
    if any(t.ent_type_ in {"ORG", "GPE"} for t in tokens) and not all(t.lower_ in titles for t in words):
        return text
    return None


def _split(tokens: list[Token]) -> RoleInfo:
    """Split a title phrase into affiliation words (entities, demonyms) and the role proper."""
    heads = gz.lexicon()["title_heads"]
    affiliations: list[str] = []
    role: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.ent_type_ in {"ORG", "GPE", "NORP"} or gz.demonym_country(tok.text):
            j = i + 1
            while j < len(tokens) and tokens[j].ent_iob_ == "I":
                j += 1
            name = affiliation_name(tokens[i:j])
            if name and not (role and tok.ent_type_ == "ORG" and tok.lower_ in gz.lexicon()["titles"]):
                affiliations.append(name)
                i = j
                continue
        if tok.lower_ not in _DROP and tok.tag_ != "POS" and not tok.is_punct:
            role.append(tok)
        i += 1
    if not any(t.lower_ in heads or t.lemma_.lower() in heads for t in role):
        return RoleInfo((), tuple(affiliations))
    text = " ".join(t.text for t in role)
    return RoleInfo((text,), tuple(affiliations))


def _premodifiers(span: Span) -> list[Token]:
    """Contiguous words before the name that modify it (the title phrase)."""
    doc = span.doc
    out: list[Token] = []
    i = span.start - 1
    inside = set(range(span.start, span.end))
    while i >= 0:
        tok = doc[i]
        head_ok = tok.head.i in inside or any(o.i == tok.head.i for o in out)
        if tok.dep_ not in _PREMOD_DEPS or not head_ok or tok.text in {",", "(", "“", '"'}:
            break
        out.insert(0, tok)
        inside.add(tok.i)
        i -= 1
    return out


def _apposition(span: Span) -> RoleInfo:
    """Role and affiliation from an apposition after the name ("X, senior fellow at Y")."""
    root = span.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < span.end:
            continue
        role_tokens: list[Token] = []
        affiliations: list[str] = []
        for tok in child.subtree:
            if tok.dep_ == "prep" and tok.head.i == child.i and tok.lower_ in _AFFILIATION_PREPS:
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                if objs:
                    name = affiliation_name(list(objs[0].subtree))
                    if name:
                        affiliations.append(name)
                break
            if tok.i <= child.i:
                role_tokens.append(tok)
        info = _split(role_tokens)
        return RoleInfo(info.roles, info.affiliations + tuple(affiliations))
    return RoleInfo()


def roles_for(span: Span) -> RoleInfo:
    """All roles and affiliations stated around one person mention."""
    if span.label_ != "PERSON":
        return RoleInfo()
    pre = _split(_premodifiers(span))
    app = _apposition(span)
    roles = tuple(dict.fromkeys(pre.roles + app.roles))
    affiliations = tuple(dict.fromkeys(pre.affiliations + app.affiliations))
    return RoleInfo(roles, affiliations)
