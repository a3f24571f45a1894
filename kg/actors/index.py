"""The token -> actor map of one parsed document, and pronoun resolution over it.

Built by `kg.actors.local.find_actors`; the facts stage asks it which actor a subject token (a name or a
pronoun) refers to. Pronouns are resolved to the nearest compatible antecedent and never become actors.
Sentence boundaries are computed once per document and cached: `Token.sent` walks the whole document
on every call, which made pronoun resolution quadratic in the document length.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.actors.gazetteer import is_place
from kg.types import ActorType, LocalActor, Mention

_NOT_NAMES = frozenset(  # entity labels a speaker's name never has
    {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "EVENT"}
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
TITLE_LABEL = "TITLE"  # Mention.label of a title-only mention ("the senator"): a surface form, not a name
DESCRIPTION_LABEL = "DESCRIPTION"  # Mention.label of an unnamed speaker ("senior officials"): per document
_DEFINITE = frozenset({"the", "this", "that"})
ANTECEDENT_SENTENCES = 3  # how many sentences before the pronoun's own are searched


@dataclass(frozen=True)
class ActorIndex:
    """A document's actors and which tokens refer to which actor."""

    actors: tuple[LocalActor, ...]
    by_token: dict[int, str]
    types: dict[str, ActorType]
    subject_tokens: frozenset[int]
    _sentence_starts: list[int] = field(default_factory=list, compare=False, repr=False)

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

    def speaker_actor(self, token: Token) -> str | None:
        """The actor a proper-name speaker token stands for when the actor stage found none.

        A name that is the subject of a reporting verb is an actor even where the model did not tag it
        (or the gazetteer took it for a place: "Bolton said"). A lone surname joins the document's
        person whose name ends with it; otherwise the name becomes a new person (an organisation when
        the model tagged it so, or tagged it a place that is no known place: "Twitter said"; a group for
        plural nationalities: "Democrats say").
        """
        if token.i in self.by_token:
            return self.by_token[token.i]
        name = _name_tokens(token)
        if not name and token.pos_ == "NOUN" and token.is_title and token.is_alpha:
            full = self._person_ending(token)  # "Fields said" with the surname tagged a plural noun
            if isinstance(full, str):
                self._attach(full, [token])
                return full
        if not name:
            return None
        doc = token.doc
        label = token.ent_type_
        text = doc[name[0].i : name[-1].i + 1].text
        misplaced = label in {"GPE", "LOC"} and not is_place(text)  # "Twitter said" tagged as a place
        if misplaced:
            full = self._person_ending(name[-1]) if len(name) == 1 else None
            if isinstance(full, str):  # a surname the model took for a place ("Rubio said")
                self._attach(full, name)
                return full
        elif label in _NOT_NAMES:
            return None
        kind = ActorType.PERSON
        if label == "ORG" or misplaced:
            kind = ActorType.ORGANIZATION
        elif label == "NORP" or token.tag_ == "NNPS":
            kind = ActorType.GROUP
        if kind is ActorType.PERSON:
            full = self._person_ending(name[-1]) if len(name) == 1 else None
            if isinstance(full, str):
                self._attach(full, name)
                return full
            text = full.text if full is not None else text
        return self._add(text, kind, name)

    def described_actor(self, token: Token) -> str | None:
        """The person a definite role noun refers to ("the senator said", "the Ohio governor said").

        The holder is a named person mentioned before it whose roles, or whose abbreviated title before a
        mention ("Sen. Jane Roe"), include that word, and whose roles, affiliations or mentions' sentences
        name each capitalised modifier ("Ohio"); when several hold it, the nearest before it. The
        description is recorded as a title mention of that person: one of its surface forms in this
        document, never a name elsewhere."""
        if token.tag_ not in {"NN", "NNP"} or not token.text.isalpha() or not token.text.islower():
            return None  # a lowercase NNP is a common noun the model mis-tagged ("the mogul")
        det = next((c for c in token.children if c.dep_ == "det" and c.lower_ in _DEFINITE), None)
        if det is None or det.i > token.i:
            return None
        doc = token.doc
        marks = {t.lower_ for t in doc[det.i + 1 : token.i] if t.text[:1].isupper()}  # "the Ohio governor"
        holders = self._role_holders(token, token.lower_, marks) or self._described_before(token)
        for i in range(token.i - 1, -1, -1):
            actor = self.by_token.get(i)
            if actor in holders:
                self._mention(actor, list(doc[det.i : token.i + 1]))
                return actor
        return None

    def _role_holders(self, token: Token, word: str, marks: set[str]) -> set[str]:
        """Named people mentioned before `token` who hold the role `word` and fit the `marks`."""
        from kg.actors.gazetteer import _lexicon_raw

        abbreviations: dict[str, str] = _lexicon_raw()["title_abbreviations"]
        people = {
            a.id: a
            for a in self.actors
            if a.type is ActorType.PERSON and any(m.label != DESCRIPTION_LABEL for m in a.mentions)
        }
        holders = {a.id for a in people.values() if any(word in _words(r) for r in a.roles)}
        doc = token.doc
        context: dict[str, set[str]] = {}
        for i, actor in self.by_token.items():
            if not 0 < i < token.i or actor not in people:
                continue
            if marks:
                starts = self._starts(doc)
                k = bisect_right(starts, i)
                end = starts[k] if k < len(starts) else len(doc)
                context.setdefault(actor, set()).update(t.lower_ for t in doc[starts[k - 1] : end])
            before = doc[i - 1].lower_.rstrip(".")  # "Sen." before the name, or the name's first word
            if abbreviations.get(before) == word or abbreviations.get(doc[i].lower_.rstrip(".")) == word:
                holders.add(actor)
        if marks:
            holders = {
                a
                for a in holders
                if marks
                <= context.get(a, set())
                | {w for r in (*people[a].roles, *people[a].affiliations) for w in _words(r)}
            }
        return holders

    def _described_before(self, token: Token) -> set[str]:
        """Unnamed people described earlier by the same noun ("a senior aide said ... the aide said")."""
        word = token.lower_
        return {
            a.id
            for a in self.actors
            if a.type is ActorType.PERSON
            and a.mentions
            and all(m.label in {DESCRIPTION_LABEL, TITLE_LABEL} for m in a.mentions)
            and a.name.lower().split()[-1] == word
            and a.mentions[0].start < token.idx
        }

    def _mention(self, actor_id: str, tokens: list[Token]) -> None:
        """Record a title-only phrase ("the senator") as a mention of an actor and map its tokens."""
        first, last = tokens[0], tokens[-1]
        text = first.doc[first.i : last.i + 1].text
        mention = Mention(text, first.idx, last.idx + len(last.text), TITLE_LABEL)
        actors = tuple(
            replace(a, mentions=(*a.mentions, mention)) if a.id == actor_id else a for a in self.actors
        )
        object.__setattr__(self, "actors", actors)
        self._attach(actor_id, tokens)

    def group_actor(self, token: Token, heads: frozenset[str]) -> str | None:
        """A group of people named by a plural noun phrase ("police", "federal officials") when its head
        is one of `heads`; registered as a group actor of the document."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        if (
            token.tag_ not in {"NNS", "NNPS"}
            or token.lemma_.lower() not in heads
            and token.lower_ not in heads
        ):
            return None
        doc = token.doc
        lo = token.i
        while lo > 0 and doc[lo - 1].head.i == token.i and doc[lo - 1].dep_ in {"amod", "compound", "nmod"}:
            lo -= 1  # "federal officials", "campaign aides"
        words = list(doc[lo : token.i + 1])
        return self._add(doc[lo : token.i + 1].text, ActorType.GROUP, words, DESCRIPTION_LABEL)

    def _person_ending(self, last: Token) -> str | Span | None:
        """An actor (id) or a person entity earlier in the document whose name ends with this word."""
        from kg.actors.gazetteer import fold

        key = fold(last.text)
        for actor in self.actors:
            if (
                actor.type is ActorType.PERSON
                and len(actor.name.split()) > 1
                and fold(actor.name.split()[-1]) == key
            ):
                return actor.id
        for ent in last.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and fold(ent[-1].text) == key and ent.start < last.i:
                clean = [t for t in ent if not _is_title(t)]
                if len(clean) > 1:
                    return last.doc[clean[0].i : clean[-1].i + 1]
        return None

    def _attach(self, actor_id: str, tokens: list[Token]) -> None:
        for t in tokens:
            self.by_token[t.i] = actor_id

    def _add(self, name: str, kind: ActorType, tokens: list[Token], label: str | None = None) -> str:
        """Register an actor the actor stage missed (the index's one mutation) and map its tokens.
        `label` marks the mention (default: the type), e.g. DESCRIPTION_LABEL for an unnamed speaker."""
        from kg.actors.gazetteer import fold

        first, last = tokens[0], tokens[-1]
        mention = Mention(
            first.doc[first.i : last.i + 1].text, first.idx, last.idx + len(last.text), label or kind.value
        )
        actors = list(self.actors)
        for n, actor in enumerate(actors):
            if actor.type is kind and fold(actor.name) == fold(name):
                actors[n] = replace(actor, mentions=(*actor.mentions, mention))
                object.__setattr__(self, "actors", tuple(actors))
                self._attach(actor.id, tokens)
                return actor.id
        taken = {a.id for a in actors}
        n = len(actors)
        while f"s{n}" in taken:
            n += 1
        actor = LocalActor(id=f"s{n}", name=name, type=kind, mentions=(mention,))
        object.__setattr__(self, "actors", (*self.actors, actor))
        self.types[actor.id] = kind
        self._attach(actor.id, tokens)
        return actor.id

    def is_pronoun(self, token: Token) -> bool:
        """True for a personal pronoun this index resolves to an antecedent ("he", "they")."""
        return token.lower_ in PERSON_PRONOUNS or token.lower_ in GROUP_PRONOUNS

    def sentence_start(self, token: Token) -> int:
        """Index of the first token of the token's sentence (cached per document)."""
        starts = self._starts(token.doc)
        return starts[bisect_right(starts, token.i) - 1]

    def _starts(self, doc: Doc) -> list[int]:
        if not self._sentence_starts:
            self._sentence_starts.extend(s.start for s in doc.sents)
            if not self._sentence_starts:
                self._sentence_starts.append(0)
        return self._sentence_starts

    def _antecedent(self, token: Token, kinds: set[ActorType]) -> str | None:
        """Nearest preceding compatible actor, preferring one that was a grammatical subject."""
        starts = self._starts(token.doc)
        k = bisect_right(starts, token.i) - 1
        window_start = starts[max(0, k - ANTECEDENT_SENTENCES)]
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


def _words(text: str) -> list[str]:
    return text.lower().replace("-", " ").split()


def _is_title(token: Token) -> bool:
    from kg.actors.gazetteer import lexicon

    lex = lexicon()
    low = token.lower_.rstrip(".")
    return low in lex["titles"] or low in lex["honorifics"] or token.lower_ in lex["honorifics"]


def _name_tokens(token: Token) -> list[Token]:
    """The proper name a subject token heads: it and its compound/flat name words, titles dropped."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return []
    doc = token.doc
    lo = token.i
    while lo > 0 and doc[lo - 1].head.i in (token.i, lo) and doc[lo - 1].dep_ in {"compound", "flat"}:
        if doc[lo - 1].pos_ != "PROPN" or "\n" in doc[lo - 1].whitespace_:
            break
        lo -= 1
    words = [t for t in doc[lo : token.i + 1] if not _is_title(t)]
    if not words and token.ent_type_ == "PERSON":
        words = [token]  # a name that is also a title word ("King")
    if not words or words[-1].i != token.i or any(not t.text[:1].isupper() for t in words):
        return []
    return words
