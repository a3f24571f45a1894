"""Who pledged what: commitments of resources by actors, with amount, currency, recipient and status.

A pledge starts from a trigger in the parse (all word lists live in `data/pledges.json`):

- a commitment verb ("pledge", "provide", "contribute", "send", ...) with its object;
- a verb that commits only money ("launched a pounds 300m scheme", "put an extra 0.2bn into ...");
- a "V <recipient> with <resource>" verb ("flood Ukraine with assistance");
- a commitment verb whose object is an action ("pledged to cut income tax");
- a commitment noun ("reaffirmed their commitment to ...", "the party's pledge to ...", "Norway's proposal
  for ...");
- a proposal of resources ("called for a 5.5bn fund");
- a pause or withdrawal of aid-like support ("paused military aid", "has ended financial support"), which is
  recorded with status paused or withdrawn, never as a pledge.

From the trigger the rules climb the words that govern it (xcomp, acomp, prep, conj, purpose clauses) up to
the clause that has a subject. Those governors give the status ("agreed to" -> agreed, "are prepared to" ->
prepared, "called on X to fund" -> proposed, "plans to" -> considering; the weakest wins) or block the
pledge: negation, hypothetical modals ("should", "would need to"; "would" is allowed as the reported future
of "announced that ..."), "whether"/"if", refusals and allegations ("ruled out", "accused X of"), and
questions. The subject's actors are the pledgers, one pledge each for coordinated subjects ("France and the
UK"); a proposal's pledger is the actor who proposes. Money is read with `kg.facts.amounts`: a share of
GDP is not money, so such a pledge keeps the share in its resource label and has no amount; thresholds
("incomes over pounds 80,000") and unit prices ("dollars 15 each") are not the pledged amount.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.actors.index import ActorIndex
from kg.facts.amounts import Money, find_money
from kg.nlp.parse import doc_text, pos_indices
from kg.types import ActorType, Pledge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEADING = frozenset(
    "a an the this all some any additional their its his her our my your".split()  # noqa: SIM905
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CLIMB = frozenset({"xcomp", "acomp", "pcomp", "prep", "pobj", "advcl", "conj", "oprd"})
_RECIPIENT_PREPS = frozenset({"to", "for"})
_ACTION_PREPS = frozenset({"on", "in", "into", "towards", "toward", "with", "at"})
_MAX_WORDS = 10
_MAX_CHAIN = 8


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The pledge lexicon (data file)."""
    text = resources.files("kg.facts").joinpath("data/pledges.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass
class _Trigger:
    """A word that may carry a pledge, with what the rules have read off it so far."""

    token: Token  # the trigger word
    anchor: Token  # where the governing chain starts (the verb of a commitment noun)
    kind: str  # verb | noun | pause | proposal | action | headline
    resource: list[Token] = field(default_factory=list)
    recipient: str | None = None
    status: str | None = None  # a status fixed by the trigger itself (nouns, pauses, proposals)
    pledger: str | None = None  # a pledger fixed by the trigger itself ("the party's pledge")


# ---------------------------------------------------------------------------------------------- words


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _keys(tok: Token) -> list[str]:
    """The lemma with a particle or a following preposition first ("rule out", "put at"), then the
    lemma, then the word itself."""
    lemma = _lemma(tok)
    keys = [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ == "prt"]
    keys += [f"{lemma} {c.lower_}" for c in tok.rights if c.dep_ in {"prep", "advmod"} and c.i <= tok.i + 3]
    return [*keys, lemma, tok.lower_]


def _lookup(tok: Token, table: dict[str, str] | list[str]) -> str | None:
    """The first of the word's keys that is in `table` (a list, or a dict keyed by word).

    Most words head no two-word key of the table, and then only the lemma and the word itself can
    match: the particles and prepositions after it are not looked at (this runs for every word)."""
    lemma = _lemma(tok)
    if lemma not in _two_word_heads(table):
        return lemma if lemma in table else (tok.lower_ if tok.lower_ in table else None)
    return next((key for key in _keys(tok) if key in table), None)


_HEADS: dict[int, tuple[object, frozenset[str]]] = {}


def _two_word_heads(table: dict[str, str] | list[str]) -> frozenset[str]:
    """The first words of the table's multi-word keys ("rule out" -> "rule"), computed once per table
    (the tables are the lexicon's, which lives as long as the process; the entry keeps it alive)."""
    found = _HEADS.get(id(table))
    if found is None or found[0] is not table:
        found = _HEADS[id(table)] = (table, frozenset(key.split(" ", 1)[0] for key in table if " " in key))
    return found[1]


def _is_verb(tok: Token) -> bool:
    """A verb used as a verb: not "given" as a preposition, not a verb form tagged as a modifier."""
    return tok.pos_ == "VERB" and tok.dep_ not in {"prep", "amod", "compound"} and tok.tag_ != "IN"


def _infinitival(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _first(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _resource_like(tokens: list[Token]) -> bool:
    """Money, or a phrase headed by a resource word ("aid package"; for an action, its object's head)."""
    if _has_money(tokens):
        return True
    words = set(lexicon()["resource_words"])
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    heads += [c for h in heads if h.pos_ == "VERB" for c in h.children if c.dep_ == "dobj" and c.i in ids]
    return any(_lemma(t) in words or t.lower_ in words for t in heads)


def _aid_like(tokens: list[Token]) -> bool:
    words = set(lexicon()["aid_words"])
    return any(_lemma(t) in words or t.lower_ in words for t in tokens)


def _has_money(tokens: list[Token]) -> bool:
    if not tokens:
        return False
    doc = tokens[0].doc
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    return bool(find_money(doc_text(doc)[start:end]))


# -------------------------------------------------------------------------------------------- phrases


def _shared(head: Token) -> bool:
    """Resources given "with" someone: "data sharing with Chile", "cooperation with Peru"."""
    return _lemma(head) in {"sharing", "share", "cooperation", "exchange"}


def _phrase(head: Token, recipients: ActorIndex | None = None, trim: bool = True) -> list[Token]:
    """A noun phrase: the head's subtree without relative clauses, appositions and an actor after to/for."""
    skip: set[int] = set()
    for child in head.children:
        drop = child.dep_ in {"relcl", "acl", "appos", "advcl"}
        if child.dep_ == "prep" and (
            child.lower_ in _RECIPIENT_PREPS or (child.lower_ == "with" and _shared(head))
        ):
            pobj = _first(child, "pobj")
            drop = (
                drop
                or pobj is None
                or recipients is None
                or recipients.actor_in(list(pobj.subtree)) is not None
            )
        if drop:
            skip.update(t.i for t in child.subtree)
    for tok in head.subtree:  # "on Tuesday", "in 2024": when, not what
        pobj = _first(tok, "pobj") if tok.dep_ == "prep" and tok.i > head.i else None
        if pobj is not None and pobj.ent_type_ in {"DATE", "TIME"}:
            skip.update(t.i for t in tok.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    return _trim(head, tokens) if trim else tokens


def _action(verb: Token, index: ActorIndex) -> list[Token]:
    """A verb phrase taken as a resource ("cut income tax", "buying ten million doses")."""
    tokens = [verb, *_children(verb, "prt")]
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "attr"}:
            tokens.extend(_phrase(child, index))
        elif child.dep_ == "prep" and child.lower_ in _ACTION_PREPS and child.i > verb.i:
            inner = _first(child, "pobj", "pcomp")
            if inner is not None and len(tokens) <= 3:  # "focus on hiring nurses", "take part in the mission"
                inner_tokens = _action(inner, index) if inner.pos_ == "VERB" else _phrase(inner, index)
                tokens.extend([child, *inner_tokens])
    tokens.sort(key=lambda t: t.i)
    return _trim(verb, tokens)


def _trim(head: Token, tokens: list[Token]) -> list[Token]:
    """Keep a label short: drop prepositional phrases other than "of" that hold no number (a share or
    an amount stays: "to 3.5 percent of GDP"), then cut to a few words."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) <= _MAX_WORDS:
        return tokens
    keep = {t.i for t in tokens}
    for tok in tokens:
        droppable = tok.dep_ == "prep" and tok.lower_ != "of" and tok.i > head.i
        if droppable and not any(t.like_num for t in tok.subtree):
            keep.difference_update(t.i for t in tok.subtree)
    tokens = [t for t in tokens if t.i in keep]
    out: list[Token] = []
    count = 0
    for tok in tokens:
        count += not tok.is_punct and (tok.i == 0 or bool(tok.doc[tok.i - 1].whitespace_))
        if count > _MAX_WORDS:
            break
        out.append(tok)
    while out and out[-1].pos_ in {"DET", "ADP", "CCONJ", "PART", "PUNCT"}:
        out.pop()
    return out


def _label(tokens: list[Token]) -> str:
    """The text of a phrase without leading determiners, quote marks and edge punctuation."""
    tokens = [t for t in tokens if not (t.is_quote or t.is_bracket)]
    while tokens and (
        tokens[0].lower_ in _LEADING
        or tokens[0].is_punct
        or tokens[0].is_space
        or (tokens[0].pos_ == "ADV" and len(tokens) > 1)  # "almost all U.S. support"
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ in {"cc", "case"}):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    parts = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        glue = nxt is not None and nxt.i == tok.i + 1 and not tok.whitespace_
        parts.append(tok.text + ("" if glue or nxt is None else " "))
    return " ".join("".join(parts).split())


def _not_resource(tokens: list[Token]) -> bool:
    """Things one gives that are not resources ("delivered a speech"), and bare pronouns."""
    if not tokens:
        return True
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i == t.i or t.head.i not in ids]
    banned = set(lexicon()["not_resources"])
    return any(_lemma(t) in banned or t.lower_ in banned or t.pos_ == "PRON" for t in heads)


def _sentence(tok: Token) -> Span:
    """The token's sentence, cut at blank lines: the small model runs a headline, a dateline and the
    first paragraph together, and they are different sentences."""
    sent = tok.sent
    text = doc_text(tok.doc)
    start = text.rfind("\n\n", sent.start_char, tok.idx)
    end = text.find("\n\n", tok.idx, sent.end_char)
    start_char = sent.start_char if start < 0 else start + 2
    end_char = sent.end_char if end < 0 else end
    span = tok.doc.char_span(start_char, end_char, alignment_mode="contract")
    if span is None or not span.text.strip():
        return sent
    lead = next((t for t in span if not t.is_space), span[0])
    trail = next((t for t in reversed(span) if not t.is_space), span[-1])
    return tok.doc[lead.i : trail.i + 1]


# ---------------------------------------------------------------------------------------------- triggers


def _object(verb: Token) -> Token | None:
    """The direct object, unless it is a reflexive or other pronoun ("commit themselves to ...")."""
    obj = _first(verb, "dobj")
    return None if obj is None or obj.pos_ == "PRON" else obj


def _verb_resource(verb: Token, index: ActorIndex) -> tuple[list[Token], str | None]:
    """Resource and recipient of a commitment verb: its object, "V X with Y", "contribute to Y", "to X"."""
    resource: list[Token] = []
    recipient = None
    obj = _object(verb)
    with_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if obj is not None and with_prep is not None and index.actor_in([obj]) and _first(with_prep, "pobj"):
        recipient = index.actor_in([obj])  # "provide Ukraine with air defence"
        resource = _phrase(_first(with_prep, "pobj"), index)  # type: ignore[arg-type]
    elif obj is not None:
        for prep in _children(obj, "prep"):
            if prep.lower_ in _RECIPIENT_PREPS or (prep.lower_ == "with" and _shared(obj)):
                recipient = recipient or _prep_actor(prep, index)
        resource, trailing = _trailing_recipient(_phrase(obj, index, trim=False), index)
        resource, leading = _leading_recipient(resource, index)
        resource = _trim(obj, resource)
        recipient = recipient or trailing or leading
    for child in verb.children:
        if child.dep_ == "dative":
            recipient = index.actor_in(list(child.subtree)) or recipient
        elif child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
            target = _prep_actor(child, index)
            if target:
                recipient = recipient or target
            elif not resource and child.lower_ == "to" and _lookup(verb, lexicon()["to_resource_verbs"]):
                inner = _first(child, "pobj", "pcomp")  # "contribute to a reassurance force"
                if inner is not None:
                    resource = _action(inner, index) if inner.pos_ == "VERB" else _phrase(inner, index)
    passive = _first(verb, "nsubjpass")
    if not resource and obj is None and passive is not None and passive.pos_ != "PRON":
        resource = _phrase(passive, index)  # "tanks were sent by Germany"
    if not resource and obj is None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        resource = _phrase(verb.head, index)  # "the support other countries provide"
    return resource, recipient


def _trailing_recipient(resource: list[Token], index: ActorIndex) -> tuple[list[Token], str | None]:
    """ "a package of interceptors, shells and spare parts to Ukraine": a "to <actor>" that ends the
    object but was attached to its last word is the recipient, not part of the resource."""
    words = [t for t in resource if not t.is_punct]
    for prep in resource:
        if prep.dep_ != "prep" or prep.lower_ not in _RECIPIENT_PREPS or not words:
            continue
        tail = list(prep.subtree)
        actor = _prep_actor(prep, index)
        if actor and tail[-1].i == words[-1].i:
            ids = {t.i for t in tail}
            return [t for t in resource if t.i not in ids], actor
    return resource, None


def _leading_recipient(resource: list[Token], index: ActorIndex) -> tuple[list[Token], str | None]:
    """ "given the party pounds 40,000": a name the parser put in front of the object is its recipient."""
    names = []
    for tok in resource:
        if tok.pos_ != "PROPN" or not index.actor_at(tok):
            break
        names.append(tok)
    rest = resource[len(names) :]
    possessive = bool(rest) and rest[0].tag_ == "POS"  # "Ukraine's financial needs" stays whole
    if names and rest and not possessive and any(t.pos_ in {"NOUN", "NUM"} for t in rest):
        return rest, index.actor_at(names[-1])
    return resource, None


def _prep_actor(prep: Token, index: ActorIndex) -> str | None:
    pobj = _first(prep, "pobj")
    return index.actor_in(list(pobj.subtree)) if pobj is not None else None


def _noun_trigger(tok: Token, index: ActorIndex) -> _Trigger | None:
    """ "renewed their commitment to helping Moldova", "the party's pledge to hire ...", "Norway's
    proposal for a vaccine facility"."""
    status = lexicon()["commitment_nouns"].get(_lemma(tok))
    if status is None or tok.dep_ == "compound":
        return None
    resource: list[Token] = []
    recipient = None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "for"}:
            inner = _first(child, "pobj", "pcomp")
            if inner is None:
                continue
            actor = index.actor_in(list(inner.subtree)) if inner.pos_ != "VERB" else None
            if child.lower_ == "to" and actor and inner.pos_ != "VERB":  # "commitments to Ukraine"
                recipient = actor
            elif inner.pos_ == "VERB":
                resource = _action(inner, index)
            else:
                resource = _phrase(inner, index)
        elif child.dep_ in {"acl", "relcl"} and _infinitival(child):  # "pledge to cut taxes"
            if any(c.dep_ == "neg" for c in child.children):
                return None
            resource = _action(child, index)
    if status in {"proposed", "considering"} and not _resource_like(resource):
        return None  # a plan or proposal counts only when it is about resources
    if not resource and recipient:  # "made deeper military commitments to Ukraine"
        resource = _phrase(tok, index)
    if not resource:
        return None
    poss = _first(tok, "poss")
    if poss is not None and poss.pos_ != "PRON" and index.actor_in(list(poss.subtree)):
        return _Trigger(tok, tok, "noun", resource, recipient, status, index.actor_in(list(poss.subtree)))
    if tok.dep_ in {"dobj", "attr"} and _is_verb(tok.head):  # "reaffirmed their commitment to ..."
        return _Trigger(tok, tok.head, "noun", resource, recipient, status)
    return None


_VERB_TABLES = ("pause_verbs", "proposal_verbs", "verbs", "money_verbs", "resource_verbs", "with_verbs")


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Every word that can begin a key of the verb and adjective tables: a word whose lemma and form
    are both outside it triggers nothing, so the rules below skip it before any look-up."""
    lex = lexicon()
    return frozenset(key.split(" ", 1)[0] for table in (*_VERB_TABLES, "xcomp_verbs") for key in lex[table])


def _triggers(doc: Doc, index: ActorIndex) -> Iterator[_Trigger]:
    lex = lexicon()
    words = _trigger_words()
    for i in pos_indices(doc, ("NOUN", "VERB", "ADJ"), or_deps=("amod",)):  # no other word can trigger
        tok = doc[i]
        if tok.pos_ == "NOUN":
            found = _noun_trigger(tok, index)
            if found is not None:
                yield found
            continue
        key = _lookup(tok, lex["pause_adjectives"]) if tok.dep_ == "amod" else None
        if key and tok.head.pos_ == "NOUN" and _aid_like([tok.head]):  # "paused military aid"
            found = _paused_noun(tok, lex["pause_adjectives"][key], index)
            if found is not None:
                yield found
            continue
        if _lemma(tok) not in words and tok.lower_ not in words:
            continue
        committed = tok.pos_ == "ADJ" and _lookup(tok, lex["xcomp_verbs"])
        if not (_is_verb(tok) or committed):
            continue
        obj = _object(tok)
        if obj is not None and _lookup(obj, lex["commitment_nouns"]) and _first(obj, "prep", "acl"):
            continue  # "gave a firmer commitment to ...": the noun carries the pledge
        if _lookup(tok, lex["not_commitments"]):
            continue
        pause = _lookup(tok, lex["pause_verbs"])
        if pause:
            if obj is not None and _aid_like(list(obj.subtree)):
                resource, recipient = _verb_resource(tok, index)
                yield _Trigger(tok, tok, "pause", resource, recipient, lex["pause_verbs"][pause])
            continue
        proposal = _proposal(tok, index)
        if proposal is not None:
            yield proposal
            continue
        yield from _verb_triggers(tok, index)


def _paused_noun(tok: Token, status: str, index: ActorIndex) -> _Trigger | None:
    """ "Germany's paused military aid" (the possessor pauses), or "..., paused military aid to Ukraine,
    halted ..." where the parser read a verb in a list of verb phrases as a modifier of a subject noun:
    the pledger is then the subject of the list."""
    noun = tok.head
    resource, recipient = [t for t in _phrase(noun, index) if t.i != tok.i], None
    for prep in _children(noun, "prep"):
        if prep.lower_ in _RECIPIENT_PREPS:
            recipient = _prep_actor(prep, index)
    poss = _first(noun, "poss")
    if poss is not None and poss.pos_ != "PRON" and index.actor_in(list(poss.subtree)):
        return _Trigger(tok, noun, "pause", resource, recipient, status, index.actor_in(list(poss.subtree)))
    if noun.dep_ == "nsubj" and noun.head.dep_ == "conj" and tok.i == noun.left_edge.i:
        return _Trigger(tok, noun.head, "pause", resource, recipient, status)
    return None


def _proposal(tok: Token, index: ActorIndex) -> _Trigger | None:
    """ "called for a pounds 3bn fund"; "what Rome and others have called for" (the clause it
    refers to)."""
    lex = lexicon()
    for prep in _children(tok, "prep", "prt"):
        key = f"{_lemma(tok)} {prep.lower_}"
        if key not in lex["proposal_verbs"]:
            continue
        pobj = _first(prep, "pobj", "pcomp")
        if pobj is not None and pobj.tag_ in {"WP", "WDT"}:  # "X — what Y called for — ..."
            pobj = next((s for s in tok.head.lefts if s.i < pobj.i and s.dep_ != "punct"), None)
        if pobj is None:
            return None
        if pobj.pos_ == "VERB":  # the whole clause, its share or amount included
            resource = _trim(pobj, [t for t in pobj.subtree if not t.is_punct or t.i < tok.i])
        else:
            resource = _phrase(pobj, index)
        if _resource_like(resource):
            return _Trigger(tok, tok, "proposal", resource, None, lex["proposal_verbs"][key])
    key = _lookup(tok, lex["proposal_verbs"])
    obj = _object(tok)
    if key and obj is not None and _resource_like(_phrase(obj, index)):
        return _Trigger(tok, tok, "proposal", _phrase(obj, index), None, lex["proposal_verbs"][key])
    return None


def _verb_triggers(tok: Token, index: ActorIndex) -> Iterator[_Trigger]:
    lex = lexicon()
    verb = _lookup(tok, lex["verbs"])
    money = _lookup(tok, lex["money_verbs"])
    only_resources = _lookup(tok, lex["resource_verbs"])
    with_verb = _lookup(tok, lex["with_verbs"])
    action = _lookup(tok, lex["xcomp_verbs"])
    if verb or money:
        resource, recipient = _verb_resource(tok, index)
        if money and not verb and not _has_money(_object_region(tok)):
            resource = []  # "launched an initiative" commits nothing, "launched a 300m scheme" does
        if resource:
            yield _Trigger(tok, tok, "verb", resource, recipient)
            return
    if only_resources:
        resource, recipient = _verb_resource(tok, index)
        if _resource_like(resource) or _has_money(_object_region(tok)):
            yield _Trigger(tok, tok, "verb", resource, recipient)
            return
    if with_verb:
        obj = _object(tok)
        with_prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        pobj = _first(with_prep, "pobj") if with_prep is not None else None
        if obj is not None and pobj is not None and index.actor_in([obj]):
            yield _Trigger(tok, tok, "verb", _phrase(pobj, index), index.actor_in([obj]))
            return
    if action:  # "pledged to cut income tax": the action is the resource, unless it is itself a pledge
        inner = _first(tok, "xcomp")
        if inner is None:
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            inner = _first(to, "pcomp") if to is not None else None
        if inner is not None and inner.pos_ == "VERB" and not _is_trigger_verb(inner):
            status = lex["governors"].get(action)  # "proposed to lead a mission" -> proposed
            yield _Trigger(tok, tok, "action", _action(inner, index), None, status)


def _object_region(tok: Token) -> list[Token]:
    """The verb's objects and their modifiers (where the money of "put an extra 0.5bn into" sits)."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in {"dobj", "npadvmod", "dative", "attr", "oprd", "appos", "nummod"}:
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _is_trigger_verb(tok: Token) -> bool:
    lex = lexicon()
    return bool(
        _lookup(tok, lex["verbs"])
        or _lookup(tok, lex["resource_verbs"])
        or _lookup(tok, lex["pause_verbs"])
        or _lookup(tok, lex["with_verbs"])
        or _lookup(tok, lex["xcomp_verbs"])
        or (_lookup(tok, lex["money_verbs"]) and _has_money(_object_region(tok)))
    )


# ---------------------------------------------------------------------------------- chain and status


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def _chain(start: Token) -> list[Token]:
    """The word and those governing it, up to the first that has a subject."""
    chain = [start]
    tok = start
    sent = _sentence(start)
    while not _has_subject(tok) and tok.head.i != tok.i and len(chain) < _MAX_CHAIN:
        if not sent.start <= tok.head.i < sent.end:
            break
        if tok.dep_ == "acl" and _infinitival(tok) and tok.head.pos_ == "NOUN":
            chain.append(tok.head)  # "no need to raise": the noun governs, and heads its own phrase
            break
        if not (tok.dep_ in _CLIMB or (tok.dep_ == "dobj" and tok.pos_ == "VERB")):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _governors(chain: list[Token]) -> list[Token]:
    """The words of a chain that govern the trigger: not a verb it is merely coordinated with
    ("discussed the campaign and pledged to ...": "discussed" does not govern "pledged")."""
    return [tok for below, tok in zip(chain, chain[1:], strict=False) if below.dep_ != "conj"]


def _governor_status(chain: list[Token]) -> str | None:
    """The weakest status that a governing word sets ("called on X to commit" -> proposed)."""
    lex = lexicon()
    rank = lex["status_rank"]
    found = [lex["governors"][key] for tok in _governors(chain) if (key := _lookup(tok, lex["governors"]))]
    return min(found, key=lambda s: rank[s]) if found else None


def _pause_status(chain: list[Token]) -> str | None:
    """ "stopped sending weapons": a pause or withdrawal that takes the commitment as its complement
    (not one the commitment merely follows: "froze the assets, intending to fund ...")."""
    lex = lexicon()
    for below, tok in zip(chain, chain[1:], strict=False):
        if below.dep_ in {"advcl", "conj"}:
            return None
        key = _lookup(tok, lex["pause_verbs"])
        if key and tok.pos_ == "VERB":
            return str(lex["pause_verbs"][key])
    return None


def _reported(top: Token) -> bool:
    """Whether a clause is the content of an announcement ("announced that the EU would ...")."""
    tok = top
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and _lemma(tok.head) in lexicon()["reporting_heads"]


def _blocked(chain: list[Token]) -> bool:
    """Negated, hypothetical, conditional, refused, alleged or asked: not a commitment."""
    lex = lexicon()
    hypothetical = set(lex["hypothetical"])
    reported_ok = set(lex["reported_future"]) if _reported(chain[-1]) else set()
    blocking = lex["blocking_governors"]
    for i, tok in enumerate(chain):
        if i > 0 and chain[i - 1].dep_ != "conj" and _lookup(tok, blocking):
            return True
        if _lemma(tok) == "need":
            return True
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and tok.pos_ == "NOUN"):
                return True
            if child.dep_ == "aux" and child.lower_ in hypothetical and child.lower_ not in reported_ok:
                return True
            if child.dep_ == "mark" and child.lower_ in {"whether", "if", "unless"}:
                return True
            if child.dep_ == "advmod" and child.tag_ == "WRB" and child.i < tok.i:  # "how they would fund"
                return True
    top = chain[-1]
    if top.dep_ in {"ccomp", "xcomp"} and _lookup(top.head, blocking):  # "denied that he was ... to fund"
        return True
    sentence = _sentence(chain[0]).text.strip().rstrip("\"'”’» \n")
    return sentence.endswith("?")


# --------------------------------------------------------------------------------------------- pledgers


def _actor_of(subject: Token, index: ActorIndex) -> str | None:
    """The actor a subject phrase names: the body in "Members of X", else its head, a compound or a
    possessor; never an actor inside a "to"/"for" phrase or a clause ("aid to Ukraine" names no one)."""
    if subject.pos_ == "PRON":
        return index.actor_at(subject)
    if subject.pos_ == "NOUN":  # "Members of the coalition", "leaders of the G7": the body they belong to
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = _prep_actor(of, index) if of is not None else None
        if whole:
            return whole
    skip: set[int] = set()
    for child in subject.children:
        if child.dep_ in {"relcl", "acl", "appos", "conj", "cc"} or (
            child.dep_ == "prep" and child.lower_ != "of"
        ):
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in skip]
    return index.actor_in(tokens)


def _subject_tokens(tok: Token) -> list[Token]:
    """Subjects and their conjuncts, within the verb's own sentence (not a headline above it)."""
    sent = _sentence(tok)
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    found = [s for subj in subjects for s in (subj, *subj.conjuncts)]
    return [s for s in found if sent.start <= s.i < sent.end]


def _leading_names(top: Token, index: ActorIndex) -> list[str]:
    """Names that open the sentence right before its verb ("France and the United Kingdom are ..."),
    where the parser attached them elsewhere: only names, determiners and "and" may stand there."""
    sent = _sentence(top)
    verb_start = min([top.i, *(c.i for c in top.children if c.dep_ in {"aux", "auxpass"})])
    prefix = list(sent.doc[sent.start : verb_start])
    if not prefix or any(t.pos_ not in {"PROPN", "DET", "CCONJ"} and t.lower_ != "," for t in prefix):
        return []
    names: list[str] = []
    group: list[Token] = []
    for tok in [*prefix, None]:
        if tok is not None and tok.pos_ != "CCONJ" and tok.lower_ != ",":
            group.append(tok)
            continue
        actor = next(
            (a for t in reversed(group) if (a := index.actor_at(t))), None
        )  # "UK Chancellor Gordon Brown"
        if actor and actor not in names:
            names.append(actor)
        group = []
    return names


def _passive_agent(tok: Token, index: ActorIndex) -> list[str]:
    agent = _first(tok, "agent")
    pobj = _first(agent, "pobj") if agent is not None else None
    if pobj is None:
        return []
    return [a for t in (pobj, *pobj.conjuncts) if (a := index.actor_at(t))]  # "by the laws of X": no


def _pledgers(chain: list[Token], index: ActorIndex) -> tuple[list[str], bool]:
    """The actors who pledge, and whether they were found by a fallback (lower confidence)."""
    top = chain[-1]
    if any(c.dep_ == "nsubjpass" for c in _subject_tokens(top)):
        return _passive_agent(top, index), False  # "was funded by the EU"; no agent, no pledger
    actors = [a for s in _subject_tokens(top) if (a := _actor_of(s, index))]
    if actors:
        return list(dict.fromkeys(actors)), False
    if top.pos_ in {"NOUN", "PROPN"}:  # "international plans to invest": whose plans, if said
        poss = _first(top, "poss")
        actor = _actor_of(poss, index) if poss is not None else None
        return ([actor], False) if actor else ([], False)
    tok = top
    for _ in range(4):  # a coordinated or adjunct verb without an actor subject: the main clause's
        if (
            tok.dep_ not in {"conj", "advcl", "pcomp", "prep", "cc", "npadvmod", "pobj"}
            or tok.head.i == tok.i
        ):
            break
        if tok.dep_ != "conj" and _has_subject(tok):
            break
        tok = tok.head
        actors = [a for s in _subject_tokens(tok) if (a := _actor_of(s, index))]
        if actors:
            return list(dict.fromkeys(actors)), True
    for left in top.lefts:  # "Chile and Peru, hosts of ..., are ready": a misparsed subject
        if left.dep_ in {"ccomp", "dep", "npadvmod", "appos", "attr"} and left.pos_ in {"NOUN", "PROPN"}:
            actors = [a for s in _subject_tokens(left) if (a := _actor_of(s, index))]
            if actors:
                return list(dict.fromkeys(actors)), True
    leading = _leading_names(top, index)
    if leading:
        return leading, True
    if top.dep_ in {"relcl", "acl"} and _infinitival(top):  # "a coalition to deploy troops"
        actor = index.actor_at(top.head)
        if actor:
            return [actor], True
    return [], False


# ----------------------------------------------------------------------------------------------- money


def _amount(trigger: _Trigger, resource: list[Token], sent: Span) -> tuple[Money | None, list[Token]]:
    """The pledged money (in the resource, else among the trigger's objects), and the resource tokens
    extended over it ("extra pounds" + "0.2bn")."""
    doc = sent.doc
    lex = lexicon()
    thresholds, units = set(lex["threshold_words"]), set(lex["unit_words"])
    found = [
        Money(m.start + sent.start_char, m.end + sent.start_char, m.amount, m.currency)
        for m in find_money(sent.text)
    ]
    if not found:
        return None, resource

    def usable(m: Money) -> bool:
        first = doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is None:
            return False
        before = doc[first.start - 1] if first.start > 0 else None
        after = doc[first.end] if first.end < len(doc) else None
        threshold = before is not None and before.lower_ in thresholds and before.i > 0
        if threshold and doc[before.i - 1].pos_ in {"NOUN", "PROPN"}:  # type: ignore[union-attr]
            return False  # "incomes over pounds 80,000"
        return not (after is not None and after.lower_ in units)  # "dollars 20 each"

    def inside(m: Money, tokens: list[Token]) -> bool:
        return any(t.idx < m.end and m.start < t.idx + len(t) for t in tokens)

    region = _object_region(trigger.token) if trigger.kind in {"verb", "pause"} else []
    for tokens in (resource, region):
        for m in found:
            if inside(m, tokens) and usable(m):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                extra = [t for t in span] if span is not None and inside(m, resource) else []
                merged = sorted({t.i: t for t in [*resource, *extra]}.values(), key=lambda t: t.i)
                if extra and resource and resource[-1].i + 1 < extra[0].i:
                    merged = resource
                return m, merged
    return None, resource


# ----------------------------------------------------------------------------------------------- output


def _recipient_inside(resource: list[Token], index: ActorIndex, pledger: str) -> str | None:
    """An actor the resource is for: "Ukraine's financial needs", "supporting Ukraine", "loan to Ukraine"."""
    ids = {t.i for t in resource}
    tops = {t.i for t in resource if t.head.i not in ids or t.head.i == t.i}
    for tok in resource:
        actor = index.actor_at(tok) if tok.pos_ == "PROPN" or tok.ent_type_ else None
        if not actor or actor == pledger:
            continue
        name = (
            tok.head if tok.dep_ == "compound" and index.actor_at(tok.head) == actor else tok
        )  # "South Korea's"
        if name.dep_ == "poss" and name.head.i in tops:  # "Ukraine's financial needs"
            return actor
        if name.dep_ == "dobj" and name.head.i in tops and name.head.pos_ == "VERB":  # "supporting Ukraine"
            return actor
        if name.dep_ == "pobj" and name.head.lower_ in {"to", "for"} and name.head.head.i in tops:
            return actor  # "a loan to Ukraine"
    return None


def _clause(chain: list[Token], extra: list[Token]) -> Span:
    tokens = [*chain[-1].subtree, *extra]
    sent = _sentence(chain[0])
    doc = chain[0].doc
    start = max(min(t.i for t in tokens), sent.start)
    end = min(max(t.i for t in tokens) + 1, sent.end)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _cue(trigger: _Trigger, chain: list[Token]) -> str:
    lex = lexicon()
    governors = [
        t for t in _governors(chain) if _lookup(t, lex["governors"]) or _lookup(t, lex["pause_verbs"])
    ]
    tok = trigger.token
    if trigger.kind == "noun" and trigger.anchor is not tok:
        return f"{trigger.anchor.text} … {tok.text}"
    if not governors:
        return tok.text
    gov = governors[0]
    lo, hi = sorted((gov.i, tok.i))
    if hi - lo <= 3:
        return tok.doc[lo : hi + 1].text
    return f"{gov.text} … {tok.text}" if gov.i < tok.i else f"{tok.text} … {gov.text}"


def _status(trigger: _Trigger, chain: list[Token]) -> str:
    lex = lexicon()
    if trigger.kind in {"pause", "headline"}:
        return str(trigger.status)
    pause = _pause_status(chain)
    if pause:
        return pause
    rank = lex["status_rank"]
    nouns = lex["commitment_nouns"]  # "the proposal is to give ...", "the plan is to send ..."
    subject = next(
        (lex["commitment_nouns"][_lemma(s)] for s in _subject_tokens(chain[-1]) if _lemma(s) in nouns), None
    )
    candidates = [s for s in (trigger.status, _governor_status(chain), subject) if s]
    if candidates:
        return min(candidates, key=lambda s: rank[s])
    tok = trigger.token
    default = "pledged"
    for table in ("verbs", "resource_verbs", "money_verbs", "with_verbs"):
        key = _lookup(tok, lex[table])
        if key:
            default = lex[table][key]
            break
    future = any(
        c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall", "would"} for t in chain for c in t.children
    )
    if tok.tag_ in {"VBD", "VBN"} and _lemma(tok) in lex["delivered_when_past"] and not future:
        return "delivered"
    return default


def _name_actor(tok: Token, index: ActorIndex) -> str | None:
    """The actor a name token refers to; a bare surname in a headline ("Brown calls for ...") is the one
    person in the document with that surname."""
    actor = index.actor_at(tok)
    if actor or tok.pos_ != "PROPN":
        return actor
    people = {a.id for a in index.actors if a.type.value == "Person" and a.name.split()[-1] == tok.text}
    return people.pop() if len(people) == 1 else None


def _headline(doc: Doc, tok: Token) -> Span | None:
    """The line holding `tok` if it reads as a headline: short, and not ended by sentence punctuation."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or len(line.split()) > 14 or line[-1] in ".!?\"'”’:;,":
        return None
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    return doc.char_span(start + lead, start + lead + len(line), alignment_mode="contract")


def _headline_triggers(doc: Doc, index: ActorIndex, taken: set[int]) -> Iterator[_Trigger]:
    """Headlines that the small model parses as noun phrases: "Norway pledges pounds 2bn to Kyiv fund",
    "Smith calls for pounds 3bn school fund": <actor> <commitment verb>-s <resource> [to <recipient>]."""
    lex = lexicon()
    for i in pos_indices(doc, ("NOUN", "VERB")):
        tok = doc[i]
        if i in taken or i == 0 or not tok.lower_.endswith("s"):
            continue
        lemma = _lemma(tok)
        status = lex["verbs"].get(lemma) or lex["resource_verbs"].get(lemma)
        start = tok.i + 1
        if lemma == "call" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "for":
            status, start = lex["proposal_verbs"]["call for"], tok.i + 2
        pledger = _name_actor(doc[tok.i - 1], index)
        line = _headline(doc, tok) if status and pledger else None
        if line is None or not status:
            continue
        resource: list[Token] = []
        recipient = None
        for other in doc[start : line.end]:
            if other.lower_ in _RECIPIENT_PREPS | {"with", "in", "over", "after", "as"}:
                if other.lower_ in _RECIPIENT_PREPS:
                    recipient = index.actor_in(list(doc[other.i + 1 : line.end]))
                break
            resource.append(other)
        if resource and (status != "proposed" or _resource_like(resource)):
            yield _Trigger(tok, tok, "headline", resource, recipient, status, pledger)


def extract_pledges(doc: Doc, index: ActorIndex) -> list[Pledge]:
    """Every pledge in a parsed document, one per pledger and clause, ordered by position."""
    out: list[Pledge] = []
    seen: set[tuple[str, int]] = set()
    for trigger in _all_triggers(doc, index):
        chain = _chain(trigger.anchor)
        if trigger.pledger is None and _blocked(chain):
            continue
        if trigger.pledger is not None and _blocked([trigger.anchor]):
            continue
        if not trigger.resource or _not_resource(trigger.resource):
            continue
        if trigger.pledger is not None:
            pledgers, fallback = [trigger.pledger], False
        else:
            pledgers, fallback = _pledgers(chain, index)
        if not pledgers:
            continue
        sent = _sentence(trigger.token)
        money, resource = _amount(trigger, trigger.resource, sent)
        label = _label(resource)
        if not label:
            continue
        status = _status(trigger, chain)
        clause = _clause(chain, resource)
        line = _headline(doc, trigger.token) if trigger.kind == "headline" else None
        if line is not None:
            clause = sent = line
        subject_pronoun = all(s.pos_ == "PRON" for s in _subject_tokens(chain[-1])) and not fallback
        for pledger in pledgers:
            recipient = trigger.recipient or _recipient_inside(resource, index, pledger)
            if pledger == recipient or (pledger, trigger.token.i) in seen:
                continue
            if _endorsement(resource, recipient, index):
                continue
            seen.add((pledger, trigger.token.i))
            confidence = 0.7 - (0.1 if fallback else 0.0) - (0.15 if subject_pronoun else 0.0)
            out.append(
                Pledge(
                    pledger=pledger,
                    resource=label,
                    status=status,
                    cue=_cue(trigger, chain),
                    sentence=sent.text.strip(),
                    char_start=clause.start_char,
                    char_end=clause.end_char,
                    recipient=recipient if recipient != pledger else None,
                    amount=Decimal(money.amount) if money else None,
                    currency=money.currency if money else None,
                    confidence=round(confidence, 2),
                )
            )
    return _dedupe(out)


def _endorsement(resource: list[Token], recipient: str | None, index: ActorIndex) -> bool:
    """ "gave her support to Ms Lind": support for a person is an endorsement, not aid."""
    if recipient is None or index.types.get(recipient) != ActorType.PERSON:
        return False
    ids = {t.i for t in resource}
    heads = [t for t in resource if t.head.i not in ids or t.head.i == t.i]
    return any(_lemma(t) in lexicon()["endorsement_words"] for t in heads)


def _all_triggers(doc: Doc, index: ActorIndex) -> Iterator[_Trigger]:
    taken: set[int] = set()
    for trigger in _triggers(doc, index):
        taken.add(trigger.token.i)
        yield trigger
    yield from _headline_triggers(doc, index, taken)


def _dedupe(pledges: list[Pledge]) -> list[Pledge]:
    """One pledge per pledger and clause: where two triggers found the same commitment (overlapping
    clauses, same pledger, a shared resource word), keep the first."""
    kept: list[Pledge] = []
    for p in sorted(pledges, key=lambda p: (p.char_start, p.char_end, p.pledger, p.resource)):
        words = set(p.resource.lower().split())
        duplicate = any(
            k.pledger == p.pledger
            and k.sentence == p.sentence
            and k.char_start < p.char_end
            and p.char_start < k.char_end
            and words & set(k.resource.lower().split())
            for k in kept
        )
        if not duplicate:
            kept.append(p)
    return kept
