"""The token -> actor map of one parsed document, and pronoun resolution over it.

Built by `kg.actors.local.find_actors`; the facts stage asks it which actor a subject token (a name or a
pronoun) refers to. Pronouns are resolved to the nearest compatible antecedent and never become actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.types import ActorType, LocalActor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})


@dataclass(frozen=True)
class ActorIndex:
    """A document's actors and which tokens refer to which actor."""

    actors: tuple[LocalActor, ...]
    by_token: dict[int, str]
    types: dict[str, ActorType]
    subject_tokens: frozenset[int]

    def actor_at(self, token: Token) -> str | None:
        """The actor a token belongs to (a name token, or a pronoun resolved to its antecedent)."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self._antecedent(token, {ActorType.PERSON})
        if lower in GROUP_PRONOUNS:
            return self._antecedent(token, {ActorType.GROUP, ActorType.COUNTRY, ActorType.ORGANIZATION})
        return None

    def actor_in(self, tokens: Span | list[Token]) -> str | None:
        """The actor named by a phrase: its head's actor, else the first actor token within it."""
        toks = list(tokens)
        if not toks:
            return None
        heads = [t for t in toks if t.head.i == t.i or t.head.i < toks[0].i or t.head.i > toks[-1].i]
        for t in heads + toks:
            found = self.actor_at(t)
            if found:
                return found
        return None

    def _antecedent(self, token: Token, kinds: set[ActorType]) -> str | None:
        """Nearest preceding compatible actor, preferring one that was a grammatical subject."""
        doc = token.doc
        sent_start = token.sent.start
        window_start = sent_start
        # look back over the current and up to three previous sentences
        for _ in range(3):
            if window_start == 0:
                break
            window_start = doc[window_start - 1].sent.start
        best_any: str | None = None
        for i in range(token.i - 1, window_start - 1, -1):
            actor = self.by_token.get(i)
            if actor is None or self.types[actor] not in kinds:
                continue
            if i in self.subject_tokens:
                return actor
            if best_any is None:
                best_any = actor
        return best_any
