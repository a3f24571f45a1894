"""Pledges against the team's gold: precision, recall, status and amount accuracy, and every mismatch.

Run by hand from the repository root (needs ../shared beside the checkout):

    .venv/bin/python bench/pledges_eval.py            # seeds + BBC
    .venv/bin/python bench/pledges_eval.py --details  # also list matches, misses and wrong pledges

The scorer is the one the slow test uses (tests/test_facts_pledges_gold.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_facts_pledges_gold import SHARED, Score, load_gold, run_pipeline, score_all  # noqa: E402


def _line(name: str, s: Score) -> str:
    return (
        f"{name:<22} P={s.precision:.2f} R={s.recall:.2f}  tp={s.tp} fp={s.fp} fn={s.fn}  "
        f"status={s.status_accuracy:.2f} amount={s.amount_accuracy:.2f}"
    )


def main(details: bool) -> None:
    total = Score()
    for name, root in (
        ("pledges_seeds.json", SHARED / "seeds"),
        ("pledges_bbc.json", SHARED / "corpora" / "bbc"),
    ):
        gold = load_gold(name)
        found = run_pipeline(root, list(gold["documents"]))
        score = score_all(gold, found)
        print(_line(name, score))
        if details:
            for g, f in score.matched:
                mark = "" if g["status"] == f.status else f"  (status: gold {g['status']})"
                money = f"{f.amount or ''} {f.currency or ''}"
                print(f"   ok    {f.doc:<28} {f.names[0]:<24} {f.resource!r} {f.status} {money}{mark}")
            for doc, g in score.missed:
                where = f"{g['status']} @{g['cue_start']}"
                print(f"   miss  {doc:<28} {g['pledger'][0]:<24} {g['resource']!r} {where}")
            for f, why in score.wrong:
                print(f"   wrong {f.doc:<28} {f.names[0]:<24} {f.resource!r} {f.status} @{f.start}: {why}")
            for f, why in score.ignored:
                print(f"   skip  {f.doc:<28} {f.names[0]:<24} {f.resource!r} {f.status}: {why}")
        total.add(score)
    print(_line("seeds + BBC", total))


if __name__ == "__main__":
    main("--details" in sys.argv[1:])
