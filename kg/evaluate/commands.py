"""Command functions for `kg evaluate ...` (wired into the Typer app by kg/cli.py).

Each prints a readable table; a user mistake (a folder that is not a PolNeAR split, a missing model)
ends with one sentence on stderr and exit code 2.
"""

from __future__ import annotations

from pathlib import Path

import typer

from kg.evaluate.polnear import PolnearScores

EXIT_USER_ERROR = 2


def format_scores(scores: PolnearScores, errors: int = 0) -> str:
    """The scores as a small table, optionally followed by the first `errors` errors of each kind."""
    c, a = scores.content, scores.attribution
    lines = [
        f"PolNeAR {scores.split}: {scores.documents} documents, {scores.words:,} words, "
        f"{scores.gold_attributions:,} gold attributions ({scores.model})",
        "",
        f"{'':13} {'precision':>9} {'recall':>7} {'F1':>6}   {'matched/predicted':>17} {'found/gold':>11}",
        f"{'content':13} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f}   "
        f"{f'{c.pred_tp}/{c.pred}':>17} {f'{c.gold_tp}/{c.gold}':>11}",
        f"{'attribution':13} {a.precision:9.3f} {a.recall:7.3f} {a.f1:6.3f}   "
        f"{f'{a.pred_tp}/{a.pred}':>17} {f'{a.gold_tp}/{a.gold}':>11}",
        "",
        (
            f"throughput    bare parse {scores.parse_wps:8,.0f} words/s   full extraction "
            f"{scores.pipeline_wps:8,.0f} words/s   ratio {scores.throughput_ratio:.1%}"
            if scores.parse_seconds
            else f"throughput    full extraction {scores.pipeline_wps:8,.0f} words/s (bare parse not timed)"
        ),
    ]
    if errors > 0:
        fps = [(s.stem, p, why) for s in scores.per_document for p, why in s.false_positives]
        misses = [(s.stem, g, why) for s in scores.per_document for g, why in s.misses]
        lines += ["", f"False positives (first {errors} of {len(fps)}):"]
        for stem, p, why in fps[:errors]:
            lines.append(f"  {stem[:40]:40} {p.speaker[:25]:25} {why}: {p.text[:80]!r}")
        lines += ["", f"Missed gold attributions (first {errors} of {len(misses)}):"]
        for stem, g, why in misses[:errors]:
            source, cue = repr(g.source_text[:25]), g.cue_text[:15]
            lines.append(f"  {stem[:40]:40} {source:27} [{cue}] {why}: {g.content_text[:70]!r}")
    return "\n".join(lines)


def evaluate_polnear_command(
    directory: Path = typer.Argument(..., help="A PolNeAR split: a folder with text/ and attributions/."),
    limit: int = typer.Option(None, "--limit", "-n", help="Only the first N articles (sorted by name)."),
    model: str = typer.Option(None, "--model", "-m", help="spaCy pipeline name (default: en_core_web_sm)."),
    errors: int = typer.Option(0, "--errors", "-e", help="Also print the first N errors of each kind."),
) -> None:
    """Score who-said-what on a PolNeAR split: content and attribution P/R/F1, and words/s."""
    from kg.evaluate.polnear import PolnearError, evaluate_polnear
    from kg.nlp import ModelError

    try:
        scores = evaluate_polnear(directory, model=model, limit=limit)
    except (PolnearError, ModelError) as err:
        typer.echo(f"Error: {err}", err=True)
        raise typer.Exit(EXIT_USER_ERROR) from None
    typer.echo(format_scores(scores, errors))
