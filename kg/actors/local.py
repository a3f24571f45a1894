"""Mentions -> actors within one document: typed, clustered (surnames to full names), with roles.

The result is an `ActorIndex`: the document's `LocalActor`s plus a token -> actor map the facts stage
uses to turn a subject token (or a pronoun) into an actor. Nothing here outlives the parse except the
plain `LocalActor` records.

Within a document: a full name is an actor; spelling variants of it merge ("Volodymyr Zelenskiy" in a
caption, "Volodymyr Zelensky" in the text); a surname, or "Mr"/"Ms" and a surname, joins the full name
it abbreviates (nearest before); a first name joins a full name after "Sir" or when the name has three
words ("Kim" -> "Kim Jong Un"); a title-only phrase ("the Ukrainian president", "the chancellor") joins
the one person whose stated role and country fit it. A single word tagged as an organisation joins the
organisation it shortens ("Commission" -> "European Commission", "EOC" -> "Equal Opportunities
Commission"). Names in photo credits, bylines and contact lines ("Jens Buttner/Pool via REUTERS",
"Photo by ...", "Edited by: ...", "Write to ... at ...@...") are people and agencies marked `credit`:
their tokens are left out of the token map, so they can never be speakers or antecedents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.actors import gazetteer as gz
from kg.actors.corpus import TITLE_LABEL, is_surname_only, same_person, surname_of, surnames_match
from kg.actors.index import DESCRIPTION_LABEL, ActorIndex
from kg.actors.roles import RoleInfo, roles_for, split_phrase
from kg.nlp.parse import doc_text, token_indices
from kg.types import ActorType, LocalActor, Mention

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

_STRIP_LEADING = frozenset({"the", "a", "an", "many", "some", "several", "other", "most", "all", "both"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})
_OPEN_QUOTES = frozenset({'"', "“", "'", "‘"})
_CLOSE_QUOTES = frozenset({'"', "”", "'", "’"})
_FIRST_NAME_HONORIFICS = frozenset({"sir", "dame"})

# ------------------------------------------------------------------------------------------- credits

_WORD = r"(?:(?:[A-Z]\.){1,3}|[A-ZÀ-Ý][\w'’-]*)"  # a capitalised word or initials ("J.D.")
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:van|von|de|der|den|da|di|du|la|le)[ \t]+)*{_WORD}){{1,3}}"
_CREDIT_TAIL_WORDS = re.compile(
    r"(?i)\b(?:via|pool|photos?|pictures?|images?|reuters|afp|ap|getty|dpa|epa|anadolu|alamy|"
    r"shutterstock|handout|picture alliance|european union|staff)\b"
)
_SLASH_CREDIT = re.compile(rf"(?P<name>{_NAME})[ \t]*/[ \t]*(?P<tail>[^\n)]*)")
_LEAD_CREDIT = re.compile(
    rf"\b(?P<lead>Photo(?:graph)?|Picture|Image)s?[ \t]*(?:by[ \t]*:?|:)[ \t]*"
    rf"(?P<name>{_NAME})(?P<tail>[^\n)]*)"
)
_PHOTO_SLASH = re.compile(rf"\b(?P<lead>Photo)[ \t]*/[ \t]*(?P<name>{_NAME})")
_BY_CREDIT = re.compile(
    rf"\b(?P<lead>Edited|Editing|Reporting|Written|Writing|Compiled)[ \t]+by:?[ \t]*(?P<name>{_NAME})"
    rf"(?P<more>(?:[ \t]*(?:,|;|and)[ \t]*{_NAME})*)"
)
_CONTACT = re.compile(rf"(?P<lead>Write to[ \t]+)?(?P<name>{_NAME})[ \t]+at[ \t]+[\w.+-]+@[\w-]+\.[\w.]+")
_BYLINE = re.compile(rf"(?m)^(?P<lead>By)[ \t]+(?P<name>{_NAME})[ \t]*$")


@dataclass(frozen=True)
class Credit:
    """A credited name (character offsets into the text) and the role the credit gives it."""

    start: int
    end: int
    role: str


def find_credits(text: str) -> tuple[list[Credit], list[tuple[int, int]]]:
    """Credited names, and the character regions of credit lines (where agencies are named)."""
    names: list[Credit] = []
    regions: list[tuple[int, int]] = []

    def taken(s: int, e: int) -> bool:
        return any(c.start < e and s < c.end for c in names)

    def add(s: int, e: int, role: str) -> None:
        if not taken(s, e):
            names.append(Credit(s, e, role))

    slash, at = "/" in text, "@" in text  # most texts have neither: skip the patterns that need one
    for m in _PHOTO_SLASH.finditer(text) if slash else ():
        add(m.start("name"), m.end("name"), "photographer")
        regions.append((m.start(), m.end()))
    for m in _LEAD_CREDIT.finditer(text):
        add(m.start("name"), m.end("name"), gz.credit_role(m.group("lead")))
        regions.append((m.start(), m.end()))
    for m in _SLASH_CREDIT.finditer(text) if slash else ():
        tail = m.group("tail")
        short = len(tail.split()) <= 5
        if _CREDIT_TAIL_WORDS.search(m.group("name")):
            continue  # "U.S. Air Force Photo/Name": the agency, not a person
        if _CREDIT_TAIL_WORDS.search(tail) or short:
            add(m.start("name"), m.end("name"), "photographer")
            regions.append((m.start(), m.end()))
    for m in _BY_CREDIT.finditer(text):
        role = gz.credit_role(m.group("lead"))
        add(m.start("name"), m.end("name"), role)
        for extra in re.finditer(_NAME, m.group("more")):
            if extra.group() != "and":
                add(m.start("more") + extra.start(), m.start("more") + extra.end(), role)
        regions.append((m.start(), m.end()))
    for m in _CONTACT.finditer(text) if at else ():
        add(m.start("name"), m.end("name"), "reporter")
        regions.append((m.start(), m.end()))
    for m in _BYLINE.finditer(text):
        add(m.start("name"), m.end("name"), "reporter")
        regions.append((m.start(), m.end()))
    return sorted(names, key=lambda c: c.start), regions


# -------------------------------------------------------------------------------------------- drafts


@dataclass
class _Draft:
    """An actor being assembled: mutable while the document is read, frozen at the end."""

    id: str
    name: str
    type: ActorType
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    credited: int = 0

    def add_roles(self, info: RoleInfo) -> None:
        for r in info.roles:
            if r not in self.roles:
                self.roles.append(r)
        for a in info.affiliations:
            if a not in self.affiliations and gz.fold(a) != gz.fold(self.name):
                self.affiliations.append(a)

    def absorb(self, other: _Draft) -> None:
        self.mentions.extend(other.mentions)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.add_roles(RoleInfo(tuple(other.roles), tuple(other.affiliations)))
        self.credited += other.credited

    def freeze(self) -> LocalActor:
        return LocalActor(
            id=self.id,
            name=self.name,
            type=self.type,
            mentions=tuple(self.mentions),
            roles=tuple(self.roles),
            affiliations=tuple(self.affiliations),
            credit=bool(self.mentions) and self.credited == len(self.mentions),
        )


# ------------------------------------------------------------------------------------ span cleaning


def _clean_span(span: Span) -> Span | None:
    """Drop leading determiners, honorifics and titles, a credit's "/agency" and trailing possessives."""
    lex = gz.lexicon()
    titles, honorifics = lex["titles"], lex["honorifics"]
    toks = list(span)  # each token made once (spaCy builds a new Token on every doc[i])
    start, end = 0, len(toks)
    while start < end and (
        toks[start].lower_ in _STRIP_LEADING or toks[start].is_punct or toks[start].is_space
    ):
        start += 1
    while end > start and toks[end - 1].is_space:
        end -= 1
    for i in range(start, end):  # a name never runs across a line break
        if "\n" in toks[i].text or ("\n" in toks[i].whitespace_ and i + 1 < end):
            end = i + 1 if not toks[i].is_space else i
            break
    for i in range(start + 1, end):  # "Jens Buttner/Pool": a photo credit's agency suffix
        if "/" in toks[i].text:
            end = i
            break
    while start < end - 1 and (toks[start].lower_ in honorifics or toks[start].is_space):
        start += 1
    if span.label_ == "PERSON":
        while start < end - 1 and (toks[start].lower_ in titles or _affiliation_word(toks[start])):
            start += 1
        while end > start + 1 and (toks[end - 1].lower_ in honorifics or toks[end - 1].lower_ in titles):
            end -= 1
    while end > start and (
        toks[end - 1].tag_ == "POS" or toks[end - 1].is_punct or toks[end - 1].lower_ in {"'s", "’s"}
    ):
        end -= 1
    if start >= end:
        return None
    from spacy.tokens import Span

    return Span(span.doc, span.start + start, span.start + end, label=span.label_)


def _affiliation_word(tok: Token) -> bool:
    return bool(tok.text[:1].isupper() and (gz.organization_name(tok.text) or gz.demonym_country(tok.text)))


def _locative(span: Span) -> bool:
    """A place in a locative phrase ("talks in Moscow") or a dateline ("BRUSSELS—"), not an actor."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in _LOCATIVE:
        return True
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        return True
    line_start = (
        span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or "\n" in doc[span.start - 1].text
    )
    if not (line_start and span.text.isupper() and span.end < len(doc)):
        return False
    nxt = doc[span.end]
    dated = nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "DATE"
    return nxt.text[:1] in {"—", "–", "-"} or dated  # "BRUSSELS—" or "BRUSSELS, December 4"


def _modifies_place(span: Span) -> bool:
    """A name inside a place phrase: "Glasgow airports", "Heathrow, Gatwick and Edinburgh airports"."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"compound", "nmod"} and tok.head.lemma_.lower() in gz.lexicon()["place_heads"]


def _government_of(span: Span) -> str | None:
    """The country of "the Kenyan Government", "Russia's administration": a government is its country."""
    words = [t for t in span if t.lower_ not in _STRIP_LEADING and not t.is_punct and t.tag_ != "POS"]
    if len(words) < 2 or words[-1].lower_ not in {"government", "administration"}:
        return None
    text = " ".join(t.text for t in words[:-1])
    return gz.country_code(text) or gz.demonym_country(text)


def _quoted_single(span: Span) -> bool:
    doc = span.doc
    return (
        len(span) == 1
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text in _OPEN_QUOTES
        and doc[span.end].text in _CLOSE_QUOTES
    )


def _title_case(text: str) -> str:
    return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in text.split())


def _classify(span: Span) -> tuple[ActorType, str] | None:
    """Actor type and name for an entity span, or None when it is not an actor (a city, a date, junk)."""
    text = span.text
    label = span.label_
    lex = gz.lexicon()
    letters = sum(c.isalpha() for c in text)
    if letters < 2 or "@" in text or "://" in text or "/" in text:
        return None
    key = gz.fold(text)
    if key in lex["boilerplate"] or gz.is_place_only(text):
        return None
    org = gz.organization_name(text)
    capital = gz.capital_country(text)
    if label in {"GPE", "LOC", "PERSON", "ORG", "NORP"} and org:
        if capital and _locative(span):
            return None  # "EU leaders will gather in Brussels": the city
        return ActorType.ORGANIZATION, org
    code = gz.country_code(text) or _government_of(span)
    if (
        code
        and label in {"GPE", "PERSON", "ORG", "LOC"}
        and not (label == "PERSON" and gz.is_ambiguous(text))
    ):
        return ActorType.COUNTRY, gz.country_label(code)
    if capital and label in {"GPE", "PERSON", "ORG"}:
        return None if _locative(span) else (ActorType.COUNTRY, gz.country_label(capital))
    if label == "NORP":
        if span[-1].tag_ == "NNPS" or (text.endswith("s") and gz.demonym_country(text)):
            return ActorType.GROUP, text  # "Europeans", "Britons"
        return None
    if label not in {"PERSON", "ORG"} or gz.is_place(text) or _modifies_place(span):
        return None
    if len(span) == 1 and _locative(span):
        return None  # "at Heathrow", "in Edinburgh": a place
    has_digit = any(ch.isdigit() for ch in text)
    if not any(t.is_alpha and t.text[:1].isupper() for t in span) or has_digit:
        return None
    if label == "PERSON":
        if gz.demonym_country(text):
            return (ActorType.GROUP, text) if text.endswith("s") else None  # "Britons", "Welsh"
        words = [t.lower_ for t in span if t.is_alpha]
        if any(w in lex["place_heads"] for w in words[1:]):
            return None  # "JOINT BASE LEWIS-MCCHORD"
        if all(w in lex["honorifics"] or w in lex["titles"] for w in words):
            return None
        if len(span) == 1 and span[0].tag_ == "RB":
            return None  # "Crucially, ..."
        return ActorType.PERSON, _title_case(text) if text.isupper() and len(text) > 3 else text
    words = [t.lower_ for t in span if t.is_alpha]
    if gz.demonym_country(text):
        return None  # "Welsh" tagged as an organisation
    if len(span) == 1 and span[0].lower_ in lex["titles"]:
        return None  # "Defense" in "German Defense Minister" is part of a title
    if all(w in lex["portfolio_words"] or w in lex["titles"] for w in words):
        return None  # "Trade and Industry" in "the Trade and Industry Secretary"
    if words and (words[-1] in lex["event_words"] or words[-1] in lex["place_heads"]):
        return None  # "Munich Security Conference", "Ben Gurion Airport"
    if _quoted_single(span):
        return None  # a product or operation name in quotes
    return ActorType.ORGANIZATION, text


# ----------------------------------------------------------------------------------- find_actors


@dataclass
class _Candidate:
    span: Span
    kind: ActorType
    name: str
    credit: str | None = None  # the credited role, for names in credit lines


def _candidates(doc: Doc) -> list[_Candidate]:
    """Every entity that names an actor, plus credited names the model missed, in text order."""
    text = doc_text(doc)
    credits, regions = find_credits(text)
    out: list[_Candidate] = []
    covered: set[int] = set()
    person_keys = _person_name_keys(doc)
    for ent in doc.ents:
        credit = next((c for c in credits if c.start < ent.end_char and ent.start_char < c.end), None)
        if credit is not None and not _known_name(text[credit.start : credit.end]):
            continue  # a credited person: handled from the credit itself below
        span = _clean_span(ent)
        if span is None:
            continue
        if (
            span.label_ != "PERSON"
            and gz.name_key(span.text) in person_keys
            and not gz.organization_name(span.text)
        ):
            span = _relabel(span, "PERSON")
        classified = _classify(span)
        if classified is None:
            continue
        in_region = any(s <= span.start_char and span.end_char <= e for s, e in regions)
        out.append(_Candidate(span, *classified, credit="agency" if in_region else None))
    for credit in credits:
        span = doc.char_span(credit.start, credit.end, label="PERSON", alignment_mode="contract")
        if span is None or not len(span):
            continue
        if any(t.i in covered for t in span) or _known_name(span.text):
            continue
        classified = _classify(span)
        if classified is None or classified[0] is not ActorType.PERSON:
            continue
        covered.update(t.i for t in span)
        out.append(_Candidate(span, ActorType.PERSON, classified[1], credit=credit.role))
    out.sort(key=lambda c: c.span.start)
    return out


def _known_name(text: str) -> bool:
    return bool(gz.country_code(text) or gz.organization_name(text) or gz.is_place(text))


def _relabel(span: Span, label: str) -> Span:
    from spacy.tokens import Span

    return Span(span.doc, span.start, span.end, label=label)


def _person_name_keys(doc: Doc) -> set[str]:
    """Name keys of the document's multi-word PERSON entities and of their surnames."""
    keys: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and "/" not in ent.text:
            span = _clean_span(ent)
            if span is not None and len(span) >= 2 and _classify(span) == (ActorType.PERSON, span.text):
                key = gz.name_key(span.text)
                keys.add(key)
                keys.add(surname_of(key))
    return keys


def find_actors(doc: Doc) -> ActorIndex:
    """Resolve a parsed document's mentions to actors: one per person, country, organisation or group."""
    drafts: dict[str, _Draft] = {}
    by_key: dict[tuple[ActorType, str], str] = {}
    by_token: dict[int, str] = {}

    def draft_for(kind: ActorType, name: str) -> _Draft:
        key = (kind, gz.name_key(name) if kind is ActorType.PERSON else gz.fold(name))
        if key not in by_key:
            actor_id = f"a{len(drafts)}"
            by_key[key] = actor_id
            drafts[actor_id] = _Draft(actor_id, name, kind)
        return drafts[by_key[key]]

    def attach(d: _Draft, span: Span, credit: str | None = None, label: str | None = None) -> None:
        d.mentions.append(Mention(span.text, span.start_char, span.end_char, label or span.label_ or "GROUP"))
        if credit is not None:
            d.credited += 1
            if credit != "agency":
                d.add_roles(RoleInfo((credit,), ()))
            return  # credited names never enter the token map: they are not speakers
        for t in span:
            by_token[t.i] = d.id
        if d.type is ActorType.PERSON:
            d.add_roles(roles_for(span))

    candidates = _candidates(doc)
    people = [c for c in candidates if c.kind is ActorType.PERSON]
    taken: set[int] = set()
    for c in candidates:
        taken.update(t.i for t in c.span)
        if c.kind is not ActorType.PERSON:
            attach(draft_for(c.kind, c.name), c.span, c.credit)
    _cluster_people(people, draft_for, attach)
    for short, long in _merge_short_organisations(drafts).items():
        by_token.update({i: long for i, a in by_token.items() if a == short})

    for span in _group_spans(doc, taken):
        group = draft_for(ActorType.GROUP, span.text)
        attach(group, span)
        group.add_roles(RoleInfo((), split_phrase(list(span)).affiliations))

    person_drafts = [
        d for d in drafts.values() if d.type is ActorType.PERSON and d.credited < len(d.mentions)
    ]
    for span, draft in _title_mentions(doc, person_drafts, taken):
        attach(draft, span, label=TITLE_LABEL)

    subjects = frozenset(
        i for i in by_token if doc[i].dep_ in {"nsubj", "nsubjpass"} or _is_speaker_head(doc[i])
    )
    live = {d.id: d for d in drafts.values() if d.mentions}
    by_token = {i: a for i, a in by_token.items() if a in live}
    actors = tuple(d.freeze() for d in live.values())
    return ActorIndex(actors, by_token, {a.id: a.type for a in actors}, subjects)


def _is_speaker_head(token: Token) -> bool:
    """Name tokens inside a subject phrase ("Boris" in "Boris Pistorius" when Pistorius is nsubj)."""
    return token.dep_ in {"compound", "flat"} and token.head.dep_ in {"nsubj", "nsubjpass"}


# ------------------------------------------------------------------------------------------- people


_QUOTE_PAIRS = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character regions inside quotation marks, paragraph by paragraph."""
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]


def _cluster_people(
    people: list[_Candidate],
    draft_for: Callable[[ActorType, str], _Draft],
    attach: Callable[..., None],
) -> None:
    """Full names become actors (spelling variants merged); short forms join the full name they shorten.

    A lone word named only inside quotation marks ("call you all Betty") is a name being talked about,
    not an actor, unless it shortens a full name of the document.
    """
    full: list[tuple[int, str]] = []  # (token index, canonical full name)
    canonical: dict[str, str] = {}  # name key -> the full name it was merged into
    for c in people:
        key = gz.name_key(c.name)
        if is_surname_only(key):
            continue
        if key not in canonical:
            same = next((canonical[k] for k in canonical if same_person(k, key)), None)
            canonical[key] = same or c.name
        full.append((c.span.start, canonical[key]))
    quoted = _quoted_regions(doc_text(people[0].span.doc)) if people else []
    lone: dict[str, list[_Candidate]] = {}
    for c in people:
        key = gz.name_key(c.name)
        target = canonical.get(key) or _short_form_owner(c, key, full)
        if target is None:
            lone.setdefault(key, []).append(c)
            continue
        attach(draft_for(ActorType.PERSON, target), c.span, c.credit)
    for group in lone.values():
        inside = [any(s <= c.span.start_char and c.span.end_char <= e for s, e in quoted) for c in group]
        if " " not in group[0].name and all(inside):
            continue
        for c in group:
            attach(draft_for(ActorType.PERSON, c.name), c.span, c.credit)


def _short_form_owner(c: _Candidate, key: str, full: list[tuple[int, str]]) -> str | None:
    """The full name a surname (or, after "Sir" or for a three-word name, a first name) shortens."""
    by_surname = [(i, n) for i, n in full if surnames_match(surname_of(gz.name_key(n)), key)]
    if by_surname:
        before = [n for i, n in by_surname if i < c.span.start]
        return before[-1] if before else by_surname[0][1]
    if " " in key:
        return None
    doc = c.span.doc
    after_sir = c.span.start > 0 and doc[c.span.start - 1].lower_ in _FIRST_NAME_HONORIFICS
    owners = {n for _, n in full if gz.name_key(n).split()[0] == key}
    if len(owners) == 1:
        owner = owners.pop()
        if after_sir or len(gz.name_key(owner).split()) >= 3:
            return owner
    return None


def _title_mentions(doc: Doc, people: list[_Draft], taken: set[int]) -> list[tuple[Span, _Draft]]:
    """Title-only phrases ("the Ukrainian president") that fit exactly one person of the document."""
    from spacy.tokens import Span

    heads = gz.lexicon()["title_heads"]
    out: list[tuple[Span, _Draft]] = []
    for i in token_indices(doc, ("NN", "NNP")):
        tok = doc[i]
        if tok.i in taken or tok.lower_ not in heads:
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].ent_type_ == "PERSON" or doc[tok.i + 1].i in taken):
            continue  # a title before a name is a premodifier, handled with the name
        start = tok.i
        while (
            start > 0
            and doc[start - 1].i not in taken
            and (doc[start - 1].dep_ in {"amod", "compound"} or doc[start - 1].ent_type_ == "NORP")
        ):
            start -= 1
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        phrase = list(doc[start : tok.i + 1])
        info = split_phrase(phrase)
        words = {t.lower_ for t in phrase if not gz.demonym_country(t.text) and t.ent_type_ != "NORP"}
        fits = [
            d
            for d in people
            if any(words <= set(r.lower().replace("-", " ").split()) for r in d.roles)
            and all(a in d.affiliations for a in info.affiliations)
        ]
        if len(fits) == 1:
            out.append((Span(doc, start - 1, tok.i + 1, label=TITLE_LABEL), fits[0]))
    return out


# ------------------------------------------------------------------------------------ organisations


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def _merge_short_organisations(drafts: dict[str, _Draft]) -> dict[str, str]:
    """A lone word or acronym tagged as an organisation joins the one organisation of the document it
    shortens ("Commission" -> "European Commission", "EOC" -> "Equal Opportunities Commission").

    Returns which draft id went into which.
    """
    merged: dict[str, str] = {}
    orgs = [d for d in drafts.values() if d.type is ActorType.ORGANIZATION and d.mentions]
    for short in orgs:
        if " " in short.name or not short.mentions:
            continue
        low = short.name.lower()
        acronym = short.name.isupper() and 2 <= len(short.name) <= 6
        owners = [
            d
            for d in orgs
            if d is not short
            and " " in d.name
            and d.mentions
            and (d.name.split()[-1].lower() == low or (acronym and _initials(d.name) == short.name))
        ]
        if len(owners) == 1:
            owners[0].absorb(short)
            short.mentions = []
            merged[short.id] = owners[0].id
    return merged


# ------------------------------------------------------------------------------------------- groups


def _group_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """Plural noun phrases that speak or act as a group ("European leaders", "26 countries")."""
    from spacy.tokens import Span

    heads = gz.lexicon()["group_heads"]
    out: list[Span] = []
    roots = token_indices(doc, ("NNS", "NNPS"), ("nsubj", "nsubjpass", "pobj"))
    if not any(doc[i].lemma_.lower() in heads for i in roots):
        return out  # no plural group word where a group can speak: spare the noun-chunk pass
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
        while start < root.i and start > 0 and doc[start - 1].text == "-":  # "Cash-drained": a fragment
            start += 1
        mods = [t for t in doc[start : root.i] if t.dep_ in {"amod", "compound", "nummod", "nmod"}]
        if not mods:
            continue
        # "European leaders", "Labour MPs" name one collective across articles; "senior officials" or
        # "26 countries" only describe whoever this article means, so they stay actors of this document.
        named = any(t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE", "ORG"} for t in doc[start : root.i])
        cleaned = _clean_span(Span(doc, start, root.i + 1, label="GROUP" if named else DESCRIPTION_LABEL))
        if cleaned is not None:
            out.append(cleaned)
    return out
