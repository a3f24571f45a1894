"""Mentions -> actors within one document: typed, clustered (surnames to full names), with roles.

The result is an `ActorIndex`: the document's `LocalActor`s plus a token -> actor map the facts stage
uses to turn a subject token (or a pronoun) into an actor. Nothing here outlives the parse except the
plain `LocalActor` records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.actors import gazetteer as gz
from kg.actors.index import ActorIndex
from kg.actors.roles import RoleInfo, roles_for
from kg.types import ActorType, LocalActor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_STRIP_LEADING = frozenset({"the", "a", "an", "many", "some", "several", "other", "most", "all", "both"})


@dataclass
class _Draft:
    """An actor being assembled: mutable while the document is read, frozen at the end."""

    id: str
    name: str
    type: ActorType
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    def add_roles(self, info: RoleInfo) -> None:
        for r in info.roles:
            if r not in self.roles:
                self.roles.append(r)
        for a in info.affiliations:
            if a not in self.affiliations and gz.fold(a) != gz.fold(self.name):
                self.affiliations.append(a)

    def freeze(self) -> LocalActor:
        return LocalActor(
            id=self.id,
            name=self.name,
            type=self.type,
            mentions=tuple(self.mentions),
            roles=tuple(self.roles),
            affiliations=tuple(self.affiliations),
        )


def _clean_span(span: Span) -> Span | None:
    """Drop leading determiners/quantifiers, title words and trailing possessives from an entity span."""
    titles = gz.lexicon()["titles"]
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _STRIP_LEADING or doc[start].is_punct or doc[start].is_space):
        start += 1
    for i in range(start, end):  # a name never runs across a line break
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if not doc[i].is_space else i
            break
    if span.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_ in titles:
            start += 1
        for i in range(start + 1, end):  # "Jens Buttner/Pool": a photo credit's agency suffix
            if "/" in doc[i].text or doc[i].text == "/":
                end = i
                break
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}
    ):
        end -= 1
    if start >= end:
        return None
    from spacy.tokens import Span

    return Span(doc, start, end, label=span.label_)


def _classify(span: Span) -> tuple[ActorType, str] | None:
    """Actor type and name for an entity span, or None when it is not an actor (a city, a date)."""
    text = span.text
    label = span.label_
    if gz.is_place_only(text) or "@" in text or "://" in text or "/" in text:
        return None
    code = gz.country_code(text) or gz.capital_country(text)
    org = gz.organization_name(text)
    if label in {"GPE", "LOC", "PERSON", "ORG"} and org:
        return ActorType.ORGANIZATION, org
    if label in {"GPE", "PERSON", "ORG", "NORP"} and code:
        if label == "NORP":
            return None
        return ActorType.COUNTRY, gz.country_label(code)
    if label == "PERSON":
        if any(t.like_num for t in span) or not any(t.is_alpha and t.text[:1].isupper() for t in span):
            return None
        return ActorType.PERSON, text
    if label == "ORG":
        if len(span) == 1 and span[0].lower_ in gz.lexicon()["titles"]:
            return None  # "Defense" in "German Defense Minister" is part of a title
        return ActorType.ORGANIZATION, text
    if label == "NORP" and span[-1].tag_ == "NNPS":
        return ActorType.GROUP, text  # "Europeans"
    return None


def _group_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """Plural noun phrases that speak or act as a group ("European leaders", "26 countries")."""
    from spacy.tokens import Span

    heads = gz.lexicon()["group_heads"]
    out = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.i in taken or root.tag_ not in {"NNS", "NNPS"} or root.lemma_.lower() not in heads:
            continue
        according = root.dep_ == "pobj" and root.head.head.lower_ == "according"
        if root.dep_ not in {"nsubj", "nsubjpass"} and not according:
            continue
        start = root.i
        while start > chunk.start and doc[start - 1].i not in taken and not doc[start - 1].is_punct:
            start -= 1
        mods = [t for t in doc[start : root.i] if t.dep_ in {"amod", "compound", "nummod", "nmod"}]
        if not mods:
            continue
        cleaned = _clean_span(Span(doc, start, root.i + 1, label="GROUP"))
        if cleaned is not None:
            out.append(cleaned)
    return out


def _person_name_words(doc: Doc) -> set[str]:
    """Folded full names and surnames of the document's multi-word PERSON entities."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and "/" not in ent.text:
            span = _clean_span(ent)
            if span is not None and len(span) >= 2 and _classify(span) == (ActorType.PERSON, span.text):
                words.add(gz.fold(span.text))
                words.add(gz.fold(span[-1].text))
    return words


def find_actors(doc: Doc) -> ActorIndex:
    """Resolve a parsed document's mentions to actors: one per person, country, organisation or group."""
    from spacy.tokens import Span

    drafts: dict[str, _Draft] = {}
    by_key: dict[tuple[ActorType, str], str] = {}
    by_token: dict[int, str] = {}
    person_spans: list[tuple[Span, str]] = []

    def draft_for(kind: ActorType, name: str) -> _Draft:
        key = (kind, gz.fold(name))
        if key not in by_key:
            actor_id = f"a{len(drafts)}"
            by_key[key] = actor_id
            drafts[actor_id] = _Draft(actor_id, name, kind)
        return drafts[by_key[key]]

    def attach(d: _Draft, span: Span) -> None:
        d.mentions.append(Mention(span.text, span.start_char, span.end_char, span.label_ or "GROUP"))
        for t in span:
            by_token[t.i] = d.id
        d.add_roles(roles_for(span))

    person_words = _person_name_words(doc)
    taken: set[int] = set()
    for ent in doc.ents:
        span = _clean_span(ent)
        if span is None:
            continue
        if span.label_ != "PERSON" and gz.fold(span.text) in person_words:
            span = Span(doc, span.start, span.end, label="PERSON")
        classified = _classify(span)
        if classified is None:
            continue
        kind, name = classified
        taken.update(t.i for t in span)
        if kind is ActorType.PERSON:
            person_spans.append((span, name))
            continue
        attach(draft_for(kind, name), span)

    _cluster_people(person_spans, draft_for, attach)

    for span in _group_spans(doc, taken):
        attach(draft_for(ActorType.GROUP, span.text), span)

    subjects = frozenset(
        i for i in by_token if doc[i].dep_ in {"nsubj", "nsubjpass"} or _is_speaker_head(doc[i])
    )
    actors = tuple(d.freeze() for d in drafts.values())
    return ActorIndex(actors, by_token, {a.id: a.type for a in actors}, subjects)


def _is_speaker_head(token: Token) -> bool:
    """Name tokens inside a subject phrase ("Boris" in "Boris Pistorius" when Pistorius is nsubj)."""
    return token.dep_ in {"compound", "flat"} and token.head.dep_ in {"nsubj", "nsubjpass"}


def _cluster_people(spans: list[tuple[Span, str]], draft_for, attach) -> None:  # type: ignore[no-untyped-def]
    """Full names become actors; a lone surname joins the full name it abbreviates (nearest before)."""
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)  # folded surname -> [(token index, full name)]
    for span, name in spans:
        words = name.split()
        if len(words) >= 2:
            full[gz.fold(words[-1])].append((span.start, name))
    for span, name in spans:
        words = name.split()
        target = name
        if len(words) == 1:
            candidates = full.get(gz.fold(words[0]), [])
            before = [n for i, n in candidates if i < span.start]
            if before:
                target = before[-1]
            elif candidates:
                target = candidates[0][1]
        attach(draft_for(ActorType.PERSON, target), span)
