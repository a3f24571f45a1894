"""The PolNeAR harness: BRAT reading, matching rules, scores, and the command's user errors.

The BRAT snippets and texts here were written by the team in the corpus's format; the real split is
only read by the slow test at the end (skipped when ../shared is absent).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import typer

from kg.evaluate.commands import evaluate_polnear_command, format_scores
from kg.evaluate.polnear import (
    Counts,
    GoldAttribution,
    GoldDocument,
    PolnearError,
    PolnearScores,
    content_match,
    is_speech_cue,
    load_split,
    predictions,
    read_ann,
    score_document,
    speaker_match,
)
from kg.types import ActorType, DocResult, Document, LocalActor, Mention, QuoteType, Statement

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear"

TEXT = 'Aino Virtanen said the talks failed. "We will try," she added. "Again."\nIt rained.'
ANN = (
    "T1\tSource 0 13\tAino Virtanen\n"
    "T2\tCue 14 18\tsaid\n"
    "T3\tContent 19 35\tthe talks failed\n"
    "T4\tAttribution 14 18\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    'T5\tContent 37 51;63 71\t"We will try," "Again."\n'
    "T6\tSource 52 55\tshe\n"
    "T7\tCue 56 61\tadded\n"
    "T8\tAttribution 56 61\tadded\n"
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    "T9\tDiscard 72 82\tIt rained.\n"
    "#1\tAnnotatorNotes T9\ta note\n"
)


def test_read_ann_joins_spans_and_discontinuous_content():
    first, second = read_ann(TEXT, ANN)
    assert (first.source_text, first.cue_text, first.content_text) == (
        "Aino Virtanen",
        "said",
        "the talks failed",
    )
    assert second.content == ((37, 51), (63, 71))
    assert second.content_text == '"We will try," "Again."'
    assert second.speech and not second.named_source  # "she": left out of the attribution score
    assert first.named_source


def test_read_ann_takes_extra_content_spans_and_skips_contentless_events():
    ann = (
        "T1\tContent 0 4\tAino\nT2\tContent2 5 13\tVirtanen\n"
        "T3\tCue 14 18\tsaid\nT4\tAttribution 14 18\tsaid\n"
        "E1\tAttribution-no-source:T4 Content:T1 Content2:T2 Cue:T3\n"
        "T5\tCue 56 61\tadded\nT6\tAttribution 56 61\tadded\nE2\tAttribution:T6 Cue:T5\n"
    )
    [only] = read_ann(TEXT, ann)
    assert only.content == ((0, 4), (5, 13)) and only.source == () and not only.named_source


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("According to", True),
        ("told reporters", True),
        ("pointed out", True),
        ("believes", False),
    ],
)
def test_speech_expressions(cue, speech):
    assert is_speech_cue(cue) is speech


def test_quoted_content_counts_as_speech_whatever_the_cue():
    gold = GoldAttribution("E1", ((0, 10),), cue_text="believes", content_text="“a disaster”")
    assert gold.speech


def test_content_match_needs_half_of_each():
    assert content_match([(0, 10)], [(0, 20)])  # 10 of 20: half of the gold, all of the prediction
    assert not content_match([(0, 9)], [(0, 20)])
    assert not content_match([(0, 40)], [(0, 19)])  # 19 of 40: less than half of the prediction
    assert content_match([(0, 10), (30, 40)], [(0, 10), (30, 40)])


def test_speaker_match_ignores_function_words_and_uses_surface_forms():
    gold = GoldAttribution("E1", ((0, 1),), source_text="the AP")
    assert not speaker_match("Associated Press", gold)
    assert speaker_match(("Associated Press", "AP"), gold)
    assert not speaker_match("The Times", GoldAttribution("E2", ((0, 1),), source_text="the president"))


def test_speaker_match_reads_a_dotted_acronym_as_one_word():
    gold = GoldAttribution("E1", ((0, 1),), source_text="the F.B.I.")
    assert speaker_match("F.B.I.", gold)
    assert speaker_match("FBI", gold)
    assert not speaker_match("F.A.A.", gold)  # another acronym is another word (before: no words at all)


def _statement(start: int, end: int, speaker: str, cue: str, kind: QuoteType = QuoteType.DIRECT) -> Statement:
    return Statement(speaker, TEXT[start:end], kind, cue, "", start, end, 0, len(TEXT), 0.9)


def _result(*statements: Statement) -> DocResult:
    actor = LocalActor("a0", "Aino Virtanen", ActorType.PERSON, (Mention("Virtanen", 5, 13, "PERSON"),))
    other = LocalActor("a1", "Jonas Berg", ActorType.PERSON)
    return DocResult(Document("d", TEXT), (actor, other), statements)


def test_quote_split_around_its_cue_is_one_prediction():
    preds = predictions(_result(_statement(38, 49, "a0", "added"), _statement(64, 70, "a0", "added")))
    assert len(preds) == 1 and preds[0].ranges == ((38, 49), (64, 70))
    apart = predictions(_result(_statement(38, 49, "a0", "added"), _statement(64, 70, "a1", "added")))
    assert len(apart) == 2  # another speaker: two attributions


def test_a_later_quote_with_a_cue_of_its_own_is_another_attribution():
    text = '"We will try," she said. "It may fail," she said.\n"Or not."'
    sentences = {1: (0, 24), 26: (25, 49), 51: (50, 59)}  # quote start -> its sentence

    def quote(start: int, end: int) -> Statement:
        s_start, s_end = sentences[start]
        return Statement("a0", text[start:end], QuoteType.DIRECT, "said", "", start, end, s_start, s_end, 0.9)

    result = DocResult(Document("d", text), _result().actors, (quote(1, 12), quote(26, 37)))
    assert len(predictions(result)) == 2  # '"...," she said. "...," she said.': each part has its own cue
    run_on = replace(result, statements=(quote(26, 37), quote(51, 57)))
    assert len(predictions(run_on)) == 1  # the quote runs on past its one cue


def test_only_direct_quotes_are_joined_into_one_prediction():
    """The definition joins the parts of a direct quote; two paraphrases or mixed statements of one
    speaker with the same cue are two attributions however close they stand."""
    for kind in (QuoteType.MIXED, QuoteType.INDIRECT):
        first, second = _statement(38, 49, "a0", "added", kind), _statement(64, 70, "a0", "added")
        assert len(predictions(_result(first, second))) == 2, kind
        assert len(predictions(_result(second, _statement(72, 81, "a0", "added", kind)))) == 2, kind


def test_score_document_counts_content_and_attribution():
    gold = GoldDocument("d", TEXT, "d_0000.ann", read_ann(TEXT, ANN))
    right = _statement(19, 35, "a0", "said", QuoteType.INDIRECT)
    split = [_statement(38, 49, "a1", "added"), _statement(64, 70, "a1", "added")]
    stray = _statement(72, 81, "a0", "said", QuoteType.INDIRECT)
    score = score_document(gold, _result(right, *split, stray))
    assert (score.content.pred_tp, score.content.pred, score.content.gold_tp, score.content.gold) == (
        2,
        3,
        2,
        2,
    )
    # the split quote's gold speaker is "she": neither right nor wrong, left out of attribution
    assert (score.attribution.pred_tp, score.attribution.pred) == (1, 2)
    assert (score.attribution.gold_tp, score.attribution.gold) == (1, 1)
    assert [why for _, why in score.false_positives] == ["no gold content"]


def test_counts_give_precision_recall_f1():
    c = Counts(pred_tp=3, pred=4, gold_tp=3, gold=6)
    assert (c.precision, c.recall) == (0.75, 0.5)
    assert c.f1 == pytest.approx(0.6)
    assert Counts().f1 == 0.0


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "news_one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "news_one_b2c3.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "news_one_a1b2.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_load_split_uses_the_first_annotator_in_sorted_order(tmp_path):
    [doc] = load_split(_split(tmp_path))
    assert (doc.stem, doc.annotation, len(doc.attributions)) == ("news_one", "news_one_a1b2.ann", 2)


def test_not_a_split_is_a_user_error(tmp_path, capsys):
    with pytest.raises(PolnearError, match="not a PolNeAR split"):
        load_split(tmp_path)
    with pytest.raises(typer.Exit) as exit_info:
        evaluate_polnear_command(tmp_path, limit=None, model=None, errors=0)
    assert exit_info.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_format_scores_is_a_readable_table():
    scores = PolnearScores("dev", 2, 1000, 10, Counts(8, 10, 6, 9), Counts(6, 9, 5, 8), 1.0, 1.1, "en_x")
    table = format_scores(scores)
    assert "content" in table and "0.800" in table and "6/9" in table
    assert "ratio 90.9%" in table


@pytest.fixture(scope="module")
def dev_scores():
    """The pipeline scored on PolNeAR dev (84 articles; extraction only, no throughput timing)."""
    dev = POLNEAR / "dev"
    if not (dev / "text").is_dir():
        pytest.skip(f"PolNeAR dev is not at {dev} (it lives in ../shared beside the checkout)")
    from kg.evaluate.polnear import evaluate_polnear

    return evaluate_polnear(dev, repeats=0)


@pytest.mark.slow
def test_polnear_dev_does_not_regress(dev_scores):
    """Floors a little under the figures measured when this was written (see the report), so a rule
    change that loses ground fails here."""
    assert dev_scores.documents == 84
    assert dev_scores.content.precision >= 0.86
    assert dev_scores.content.f1 >= 0.76
    assert dev_scores.attribution.precision >= 0.79
    assert dev_scores.attribution.f1 >= 0.72


@pytest.mark.slow
def test_polnear_dev_targets(dev_scores):
    """The issue's targets: attribution F1 >= 0.75 with precision >= 0.80, content F1 >= 0.80 (measured
    2026-12-03: 0.772, 0.820, 0.806; 0.764, 0.818, 0.800 without the one rule fitted on dev errors)."""
    assert dev_scores.attribution.precision >= 0.80
    assert dev_scores.attribution.f1 >= 0.75
    assert dev_scores.content.f1 >= 0.80
