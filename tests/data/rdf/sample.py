"""Two small hand-written articles and their extraction records, for the RDF stage's tests.

The text is invented for the tests (fictional people). Offsets are computed with ``str.find`` so
``text[char_start:char_end] == quote`` holds by construction. Load with ``importlib`` (the tests
folder is not a package): see ``load_sample`` in the test modules.
"""

from __future__ import annotations

from decimal import Decimal

from kg.types import (
    Actor,
    ActorType,
    DocResult,
    Document,
    LocalActor,
    Mention,
    Pledge,
    QuoteType,
    Resolution,
    Statement,
)

TEXT_A = (
    "Defence Minister Anna Keller said on Monday that Germany would send two air defence systems "
    "to Ukraine. \u201cWe will not leave our partners alone, not this winter and not in any winter "
    "that follows,\u201d Keller told reporters in Berlin.\n\n"
    "The Baltic Alliance pledged 250 million euros for a reassurance force."
)

TEXT_B = (
    "Ukraine's foreign minister, Petro Marchenko, said a ceasefire must come before any talks. "
    '"There can be no peace without guarantees," he said. European leaders welcomed the remarks.'
)


def span(text: str, part: str) -> tuple[int, int]:
    """Start and end of the first occurrence of `part` in `text` (fails if absent)."""
    start = text.find(part)
    assert start >= 0, part
    return start, start + len(part)


def mention(text: str, part: str, label: str) -> Mention:
    start, end = span(text, part)
    return Mention(text=part, start=start, end=end, label=label)


def statement(
    text: str,
    speaker: str,
    quote: str,
    quote_type: QuoteType,
    cue: str,
    sentence: str,
    confidence: float,
    position: str = "",
    topics: tuple[str, ...] = (),
) -> Statement:
    start, end = span(text, quote)
    sentence_start, sentence_end = span(text, sentence)
    return Statement(
        speaker=speaker,
        quote=quote,
        quote_type=quote_type,
        cue=cue,
        sentence=sentence,
        char_start=start,
        char_end=end,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        confidence=confidence,
        position=position,
        topics=topics,
    )


def pledge(text: str, pledger: str, clause: str, resource: str, sentence: str, **extra: object) -> Pledge:
    start, end = span(text, clause)
    return Pledge(
        pledger=pledger,
        resource=resource,
        sentence=sentence,
        char_start=start,
        char_end=end,
        **extra,  # type: ignore[arg-type]
    )


def sample_results() -> list[DocResult]:
    """The two documents with their local actors, statements and pledges."""
    a_sentence_1 = (
        "Defence Minister Anna Keller said on Monday that Germany would send two air defence systems "
        "to Ukraine."
    )
    a_sentence_2 = (
        "\u201cWe will not leave our partners alone, not this winter and not in any winter that follows,"
        "\u201d Keller told reporters in Berlin."
    )
    a_sentence_3 = "The Baltic Alliance pledged 250 million euros for a reassurance force."
    doc_a = Document(
        id="berlin-briefing.txt",
        text=TEXT_A,
        title="Berlin to send air defence",
        source="examples/berlin-briefing.txt",
        date="2025-03-03",
    )
    result_a = DocResult(
        document=doc_a,
        actors=(
            LocalActor(
                id="a1",
                name="Anna Keller",
                type=ActorType.PERSON,
                mentions=(mention(TEXT_A, "Anna Keller", "PERSON"), mention(TEXT_A, "Keller told", "PERSON")),
                roles=("Defence Minister",),
                affiliations=("Germany",),
            ),
            LocalActor(
                id="a2", name="Germany", type=ActorType.COUNTRY, mentions=(mention(TEXT_A, "Germany", "GPE"),)
            ),
            LocalActor(
                id="a3", name="Ukraine", type=ActorType.COUNTRY, mentions=(mention(TEXT_A, "Ukraine", "GPE"),)
            ),
            LocalActor(
                id="a4",
                name="Baltic Alliance",
                type=ActorType.ORGANIZATION,
                mentions=(mention(TEXT_A, "Baltic Alliance", "ORG"),),
            ),
        ),
        statements=(
            statement(
                TEXT_A,
                "a1",
                "Germany would send two air defence systems to Ukraine",
                QuoteType.INDIRECT,
                "said",
                a_sentence_1,
                0.8,
                position="Germany sends air defence to Ukraine",
                topics=("air-defense", "military-aid"),
            ),
            statement(
                TEXT_A,
                "a1",
                "We will not leave our partners alone, not this winter and not in any winter that follows",
                QuoteType.DIRECT,
                "told reporters",
                a_sentence_2,
                0.95,
            ),
        ),
        pledges=(
            pledge(
                TEXT_A,
                "a2",
                "Germany would send two air defence systems to Ukraine",
                "air defence systems",
                a_sentence_1,
                status="pledged",
                cue="would send",
                recipient="a3",
                confidence=0.6,
            ),
            pledge(
                TEXT_A,
                "a4",
                a_sentence_3,
                "reassurance force",
                a_sentence_3,
                status="pledged",
                cue="pledged",
                amount=Decimal("250000000"),
                currency="EUR",
                confidence=0.7,
            ),
        ),
    )
    b_sentence_1 = "Ukraine's foreign minister, Petro Marchenko, said a ceasefire must come before any talks."
    b_sentence_2 = '"There can be no peace without guarantees," he said.'
    doc_b = Document(
        id="item-7",
        text=TEXT_B,
        title=None,
        source="https://news.example.org/item-7",
        date="2025-03-04T09:30:00Z",
    )
    result_b = DocResult(
        document=doc_b,
        actors=(
            LocalActor(
                id="b1",
                name="Petro Marchenko",
                type=ActorType.PERSON,
                mentions=(mention(TEXT_B, "Petro Marchenko", "PERSON"), mention(TEXT_B, "he", "PRON")),
                roles=("foreign minister",),
                affiliations=("Ukraine",),
            ),
            LocalActor(
                id="b2", name="Ukraine", type=ActorType.COUNTRY, mentions=(mention(TEXT_B, "Ukraine", "GPE"),)
            ),
            LocalActor(
                id="b3",
                name="European leaders",
                type=ActorType.GROUP,
                mentions=(mention(TEXT_B, "European leaders", "NORP"),),
            ),
        ),
        statements=(
            statement(
                TEXT_B,
                "b1",
                "a ceasefire must come before any talks",
                QuoteType.INDIRECT,
                "said",
                b_sentence_1,
                0.7777,
                position="Ceasefire before talks",
                topics=("ceasefire", "peace-negotiations"),
            ),
            statement(
                TEXT_B,
                "b1",
                "There can be no peace without guarantees",
                QuoteType.DIRECT,
                "said",
                b_sentence_2,
                0.9,
                position="No peace without guarantees",
                topics=("security-guarantees",),
            ),
        ),
    )
    return [result_a, result_b]


def sample_resolution() -> Resolution:
    """The corpus-wide actors of the two documents and the local -> global key map."""
    actors = (
        Actor(
            key="person/anna-keller",
            name="Anna Keller",
            type=ActorType.PERSON,
            aliases=("Anna Keller", "Keller"),
            roles=("Defence Minister",),
            affiliations=("country/germany",),
            mention_count=2,
        ),
        Actor(
            key="country/germany",
            name="Germany",
            type=ActorType.COUNTRY,
            aliases=("Germany",),
            country_code="DE",
            mention_count=1,
        ),
        Actor(
            key="country/ukraine",
            name="Ukraine",
            type=ActorType.COUNTRY,
            aliases=("Ukraine",),
            country_code="UA",
            mention_count=2,
        ),
        Actor(
            key="organization/baltic-alliance",
            name="Baltic Alliance",
            type=ActorType.ORGANIZATION,
            aliases=("Baltic Alliance",),
            mention_count=1,
        ),
        Actor(
            key="person/petro-marchenko",
            name="Petro Marchenko",
            type=ActorType.PERSON,
            aliases=("Petro Marchenko", "he"),
            roles=("foreign minister",),
            affiliations=("country/ukraine",),
            mention_count=2,
        ),
        Actor(
            key="group/european-leaders",
            name="European leaders",
            type=ActorType.GROUP,
            aliases=("European leaders",),
            mention_count=1,
        ),
    )
    local_to_global = {
        ("berlin-briefing.txt", "a1"): "person/anna-keller",
        ("berlin-briefing.txt", "a2"): "country/germany",
        ("berlin-briefing.txt", "a3"): "country/ukraine",
        ("berlin-briefing.txt", "a4"): "organization/baltic-alliance",
        ("item-7", "b1"): "person/petro-marchenko",
        ("item-7", "b2"): "country/ukraine",
        ("item-7", "b3"): "group/european-leaders",
    }
    return Resolution(actors=actors, local_to_global=local_to_global)
