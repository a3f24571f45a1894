"""Who pledged what: commitments of resources by actors, with amount, recipient and status.

A pledge is a commitment verb ("pledge", "provide", "contribute", ...) or a commitment noun
("reaffirmed their commitment to ...") whose subject is an actor. The status comes from the wording
that governs the verb ("agreed to", "are prepared to", "has proposed"); coordinated subjects give one
pledge each; negated and hypothetical wording ("should", "would need to") is not a pledge.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.actors.index import ActorIndex
from kg.facts.amounts import parse_money
from kg.types import Pledge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEADING = frozenset({"a", "an", "the", "their", "its", "his", "her", "our", "some", "any", "additional"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The pledge lexicon (data file)."""
    text = resources.files("kg.facts").joinpath("data/pledges.json").read_text(encoding="utf-8")
    return json.loads(text)


def _chain(verb: Token) -> list[Token]:
    """The verb and the words governing it through control ("agreed to [provide]", "prepared to [send]")."""
    chain = [verb]
    tok = verb
    while tok.dep_ in {"xcomp", "acomp", "pcomp", "pobj", "prep"} and tok.head.i != tok.i and len(chain) < 6:
        tok = tok.head
        chain.append(tok)
    return chain


def _status(verb: Token, chain: list[Token]) -> str | None:
    lex = lexicon()
    status = None
    for tok in chain[1:]:
        lemma = tok.lemma_.lower()
        if lemma in lex["governors"]:
            status = lex["governors"][lemma]
    lemma = verb.lemma_.lower()
    if lemma in lex["pause_verbs"]:
        return lex["pause_verbs"][lemma]
    if status:
        return status
    default: str = lex["verbs"].get(lemma, "pledged")
    has_future = any(
        c.lower_ in {"will", "'ll", "shall"} for t in chain for c in t.children if c.dep_ == "aux"
    )
    if verb.tag_ in {"VBD", "VBN"} and lemma in lex["delivered_when_past"] and not has_future:
        return "delivered"
    return default


def _blocked(chain: list[Token]) -> bool:
    """Negated or hypothetical wording, unless the modal is the reported future of an announcement."""
    lex = lexicon()
    top = chain[-1]
    reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in lex["reporting_heads"]
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ == "aux" and child.lemma_.lower() in lex["hypothetical"] and not reported:
                return True
            if child.dep_ == "mark" and child.lower_ in {"whether", "if"}:
                return True
        if tok.lemma_.lower() == "need":
            return True
    return False


def _subjects(chain: list[Token]) -> list[Token]:
    for tok in chain:
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return [child] + [c for c in child.conjuncts]
    top = chain[-1]
    if top.dep_ in {"conj", "advcl"}:
        return _subjects(_chain(top.head))
    return []


def _clean(tokens: list[Token]) -> str:
    while tokens and (tokens[0].lower_ in _LEADING or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _phrase(head: Token, stop_at_to: bool = True) -> list[Token]:
    """A noun phrase without its trailing recipient ("to Ukraine") or relative clause."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "appos"} or (
            stop_at_to and child.dep_ == "prep" and child.lower_ in {"to", "for"}
        ):
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


def _resource_and_recipient(verb: Token, index: ActorIndex) -> tuple[list[Token], str | None]:
    resource: list[Token] = []
    recipient = None
    for child in verb.children:
        if child.dep_ == "dobj":
            actor = index.actor_in([child])
            with_obj = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            if actor and with_obj is not None:  # "provide Ukraine with air defence"
                recipient = actor
                pobj = next((c for c in with_obj.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    resource = _phrase(pobj)
            else:
                resource = _phrase(child)
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"to", "for"}:
                        recipient = recipient or _prep_actor(prep, index)
        elif child.dep_ == "dative":
            recipient = index.actor_in(list(child.subtree)) or recipient
        elif child.dep_ == "prep" and child.lower_ in {"to", "for"}:
            target = _prep_actor(child, index)
            if target:
                recipient = recipient or target
            elif not resource:  # "contribute to a reassurance force"
                pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
                if pobj is not None:
                    resource = _phrase(pobj)
    return resource, recipient


def _prep_actor(prep: Token, index: ActorIndex) -> str | None:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return index.actor_in(list(pobj.subtree)) if pobj is not None else None


def _clause(chain: list[Token], subjects: list[Token]) -> Span:
    tokens = list(chain[-1].subtree) + [t for s in subjects for t in s.subtree]
    doc = chain[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _amount(clause: Span, resource: list[Token]) -> tuple[Any, str | None]:
    """The money in the clause, preferring the resource phrase; numbers the model tagged CARDINAL
    ("2 billion" + "euros") are read together with the currency word beside them."""
    doc = clause.doc
    ents = [e for e in clause.ents if e.label_ in {"MONEY", "CARDINAL"}]
    ids = {t.i for t in resource}
    ents.sort(key=lambda e: (0 if e.start in ids else 1, 0 if e.label_ == "MONEY" else 1, e.start))
    for ent in ents:
        start, end = max(ent.start - 1, 0), min(ent.end + 1, len(doc))
        parsed = parse_money(ent.text) or parse_money(doc[start:end].text)
        if parsed:
            return parsed
    return None, None


def _not_resource(tokens: list[Token]) -> bool:
    """Things one delivers that are not resources ("delivered a speech")."""
    heads = [t for t in tokens if t.head.i == t.i or t.head not in tokens]
    return any(t.lemma_.lower() in lexicon()["not_resources"] for t in heads)


def _candidates(doc: Doc) -> Iterator[tuple[Token, Token]]:
    """(pledge verb, token whose objects hold the resource) pairs."""
    lex = lexicon()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex["verbs"]:
            yield tok, tok
        elif tok.pos_ == "VERB" and lemma in lex["pause_verbs"]:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and any(t.lemma_.lower() in lex["aid_words"] for t in obj.subtree):
                yield tok, tok
        elif tok.pos_ == "NOUN" and lemma in lex["commitment_nouns"] and tok.dep_ == "dobj":
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if prep is not None:
                yield tok.head, prep


def extract_pledges(doc: Doc, index: ActorIndex) -> list[Pledge]:
    """Every pledge in a parsed document, one per pledger, ordered by position."""
    out: dict[tuple[int, int, str, str], Pledge] = {}
    for verb, holder in _candidates(doc):
        if holder.dep_ == "prep":  # "commitment to supporting Ukraine"
            pobj = next((c for c in holder.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is None:
                continue
            resource, recipient = _phrase(pobj), None
            status = "committed"
        else:
            resource, recipient = _resource_and_recipient(holder, index)
            status = None
        chain = _chain(verb)
        if _blocked(chain):
            continue
        subjects = _subjects(chain)
        resource_text = _clean(resource)
        if not subjects or not resource_text or _not_resource(resource):
            continue
        status = status or _status(verb, chain)
        clause = _clause(chain, subjects)
        amount, currency = _amount(clause, resource)
        for subj in subjects:
            pledger = index.actor_in(list(subj.subtree)) if subj.pos_ != "PRON" else index.actor_at(subj)
            if pledger is None or pledger == recipient:
                continue
            pledge = Pledge(
                pledger=pledger,
                resource=resource_text,
                status=status or "pledged",
                cue=verb.text if verb is holder else f"{verb.text} … {holder.head.text}",
                sentence=verb.sent.text.strip(),
                char_start=clause.start_char,
                char_end=clause.end_char,
                recipient=recipient,
                amount=amount,
                currency=currency,
                confidence=0.7 if subj.pos_ != "PRON" else 0.55,
            )
            out.setdefault((pledge.char_start, pledge.char_end, pledger, resource_text), pledge)
    return sorted(out.values(), key=lambda p: (p.char_start, p.char_end, p.pledger, p.resource))
