"""The bundled pledge and position queries over a small graph built from hand-made records (no spaCy).

pledges-by-actor, pledge-totals, positions-on-topic and topic-speakers-across-articles: each query is run
through `kg.views.sparql` exactly as `kg query NAME` runs it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.pipeline import to_dataset
from kg.types import ActorType, DocResult, Document, LocalActor, Mention, Pledge, QuoteType, Statement
from kg.views.sparql import resolve_query, run_query

ACTORS = {
    "Norway": ActorType.COUNTRY,
    "Chile": ActorType.COUNTRY,
    "Ukraine": ActorType.COUNTRY,
    "Aino Virtanen": ActorType.PERSON,
}


def _document(doc_id: str, text: str, pledges: list[tuple], statements: list[tuple]) -> DocResult:
    """A document whose text names each actor; pledges are (pledger, resource, status, amount, currency),
    statements are (speaker, quote, topics, stance)."""
    actors = []
    for k, (name, kind) in enumerate(ACTORS.items()):
        if name in text:
            at = text.index(name)
            actors.append(LocalActor(f"a{k}", name, kind, (Mention(name, at, at + len(name), "X"),)))
    ids = {a.name: a.id for a in actors}
    out_pledges = []
    for n, (pledger, resource, status, amount, currency) in enumerate(pledges):
        out_pledges.append(
            Pledge(
                pledger=ids[pledger],
                resource=resource,
                status=status,
                cue="pledged",
                sentence=text,
                char_start=n,
                char_end=n + 5,
                recipient=ids.get("Ukraine"),
                amount=Decimal(amount) if amount else None,
                currency=currency,
                confidence=0.7,
            )
        )
    out_statements = []
    for speaker, quote, topics, stance in statements:
        start = text.index(quote)
        out_statements.append(
            Statement(
                speaker=ids[speaker],
                quote=quote,
                quote_type=QuoteType.DIRECT,
                cue="said",
                sentence=text,
                char_start=start,
                char_end=start + len(quote),
                sentence_start=0,
                sentence_end=len(text),
                confidence=0.9,
                position=quote,
                topics=topics,
                stance=stance,
            )
        )
    return DocResult(Document(doc_id, text), tuple(actors), tuple(out_statements), tuple(out_pledges))


@pytest.fixture(scope="module")
def dataset():
    one = _document(
        "one.txt",
        "Norway pledged 5 billion euros to Ukraine. Chile and Ukraine talked. Aino Virtanen said: "
        '"The truce must hold." Virtanen warned against troops on the ground.',
        [
            ("Norway", "5 billion euros", "pledged", "5000000000", "EUR"),
            ("Norway", "5 billion euros", "pledged", "5000000000", "EUR"),  # the lede restating the headline
            ("Norway", "air defence", "delivered", "200000000", "USD"),
            ("Norway", "a loan", "proposed", "9000000000", "EUR"),
            ("Norway", "aid", "paused", "1000000000", "EUR"),
            ("Chile", "3.5 percent of GDP", "pledged", None, None),
        ],
        [
            ("Aino Virtanen", "The truce must hold.", ("ceasefire",), "supports"),
            ("Aino Virtanen", "troops on the ground", ("troops-on-the-ground",), "warnsAgainst"),
        ],
    )
    two = _document(
        "two.txt",
        'Norway committed 1 billion euros more. Aino Virtanen said: "No truce without guarantees."',
        [("Norway", "1 billion euros", "committed", "1000000000", "EUR")],
        [("Aino Virtanen", "No truce without guarantees.", ("ceasefire", "security-guarantees"), None)],
    )
    return to_dataset([one, two])[0]


def _rows(dataset, name: str, **params: str) -> list[dict[str, str]]:
    result = run_query(dataset, resolve_query(name), params)
    return [{str(k): str(v) for k, v in row.asdict().items()} for row in result]


def test_pledges_by_actor_lists_amounts_and_statuses(dataset):
    rows = _rows(dataset, "pledges-by-actor", actor="norway")
    assert {(r["resource"], r["status"]) for r in rows} >= {("a loan", "proposed"), ("aid", "paused")}
    assert all(r["pledger"] == "Norway" for r in rows)
    assert any(r.get("amount") and Decimal(r["amount"]) == Decimal("5000000000") for r in rows)


def test_totals_count_firm_pledges_once_per_amount_and_currency(dataset):
    rows = {(r["pledger"], r["currency"]): r for r in _rows(dataset, "pledge-totals")}
    assert set(rows) == {("Norway", "EUR"), ("Norway", "USD")}  # Chile's share of GDP has no amount
    assert Decimal(rows[("Norway", "EUR")]["total"]) == Decimal("6000000000")  # 5 (once) + 1; not 9 or 1 more
    assert Decimal(rows[("Norway", "USD")]["total"]) == Decimal("200000000")
    assert set(rows[("Norway", "EUR")]["documents"].split(", ")) == {"one.txt", "two.txt"}
    assert _rows(dataset, "pledge-totals", actor="Chile") == []


def test_positions_on_a_topic_include_narrower_topics_and_stance(dataset):
    rows = _rows(dataset, "positions-on-topic", topic="Ceasefire")
    assert {r["position"]: r.get("stance") for r in rows} == {
        "The truce must hold.": "supports",
        "No truce without guarantees.": None,
    }
    wider = _rows(dataset, "positions-on-topic", topic="peace negotiation")  # an altLabel; ceasefire and
    assert len(wider) == 3  # troops on the ground (via security guarantees) are narrower topics
    by_name = _rows(dataset, "positions-on-topic", topic="troops-on-the-ground")
    assert [(r["speaker"], r["stance"]) for r in by_name] == [("Aino Virtanen", "warnsAgainst")]


def test_speakers_across_articles_need_two_documents(dataset):
    rows = _rows(dataset, "topic-speakers-across-articles")
    assert [(r["speaker"], r["subject"], r["articles"]) for r in rows] == [
        ("Aino Virtanen", "Ceasefire", "2")
    ]
    assert _rows(dataset, "topic-speakers-across-articles", topic="troops on the ground") == []
