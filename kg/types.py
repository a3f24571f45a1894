"""Plain typed records that flow between the stages.

Every record is a frozen dataclass of plain values (no spaCy, no rdflib objects), so each stage is a
pure function over records and results can be compared, pickled and sent between processes.
Character offsets are Python string offsets into `Document.text`, the text exactly as read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class ActorType(str, Enum):
    """The kinds of actor the ontology knows (`kg:Person`, `kg:Organization`, `kg:Country`, `kg:Group`)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    GROUP = "Group"


class QuoteType(str, Enum):
    """How the words were reported: verbatim, paraphrased, or a paraphrase with a quoted fragment."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@dataclass(frozen=True)
class Document:
    """One input article, its text exactly as read (offsets of every fact point into `text`)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    encoding: str | None = None

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 text: the document's content key."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be built, with the reason the user is shown (never silently dropped)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Mention:
    """A span of text that names or refers to an actor within one document."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class LocalActor:
    """An actor as resolved within one document: every mention of it there, under its fullest name.

    `id` is unique within the document; facts refer to actors by it. `affiliations` are names of
    countries or organisations as written (resolved to actors across documents later).
    """

    id: str
    name: str
    type: ActorType
    mentions: tuple[Mention, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    credit: bool = False  # named only in photo credits, bylines or contact lines: never a speaker

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every distinct surface form, in order of first appearance."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))


@dataclass(frozen=True)
class Statement:
    """One act of saying something: who, the words exactly as they stand in the text, and where."""

    speaker: str  # LocalActor.id
    quote: str  # == document.text[char_start:char_end]
    quote_type: QuoteType
    cue: str
    sentence: str
    char_start: int
    char_end: int
    sentence_start: int
    sentence_end: int
    confidence: float
    position: str = ""  # short label of what was said
    topics: tuple[str, ...] = ()  # topic concept local names, e.g. "ceasefire"
    stance: str | None = None  # "supports" | "opposes" | "warnsAgainst", only where the wording is clear


@dataclass(frozen=True)
class Pledge:
    """A commitment by an actor to provide a resource, as worded in one sentence."""

    pledger: str  # LocalActor.id
    resource: str
    status: str
    cue: str
    sentence: str
    char_start: int  # offsets of the clause that carries the pledge
    char_end: int
    recipient: str | None = None  # LocalActor.id
    amount: Decimal | None = None
    currency: str | None = None  # ISO 4217
    confidence: float = 0.5


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one document; holds no parsed objects, so it is cheap to keep."""

    document: Document
    actors: tuple[LocalActor, ...] = ()
    statements: tuple[Statement, ...] = ()
    pledges: tuple[Pledge, ...] = ()


@dataclass(frozen=True)
class Actor:
    """An actor resolved across the corpus: one node in the graph."""

    key: str  # stable, IRI-safe identity, e.g. "person/boris-pistorius"
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()  # keys of other Actors
    country_code: str | None = None  # ISO 3166-1 alpha-2, countries only
    mention_count: int = 0
    unnamed: bool = False  # an unnamed source ("a senior official", "the spokesman"): one node per document


@dataclass(frozen=True)
class Resolution:
    """The corpus-wide actors and, per document, which global actor each local actor became."""

    actors: tuple[Actor, ...]
    local_to_global: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc id, local id) -> key

    def key(self, doc_id: str, local_id: str) -> str:
        """The global key of a document's local actor."""
        return self.local_to_global[(doc_id, local_id)]


@dataclass(frozen=True)
class Topic:
    """A topic concept from the SKOS scheme, as plain data the facts stage can match against.

    `name` is the concept's local name (IRI suffix); `labels` are its preferred and alternative labels,
    lowercased, used as match patterns.
    """

    name: str
    label: str
    labels: tuple[str, ...] = ()
