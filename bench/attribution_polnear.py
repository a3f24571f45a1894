"""Who-said-what on PolNeAR, with throughput next to the bare parse (run by hand, not in the tests).

    .venv/bin/python bench/attribution_polnear.py                # dev, 3 alternating timing runs
    .venv/bin/python bench/attribution_polnear.py train --limit 200 --errors 20
    .venv/bin/python bench/attribution_polnear.py dev --without-signed-quotes  # the clean dev check

Prints the same table as `kg evaluate polnear DIR`; the split lives in ../shared/corpora/polnear.
Timings: the bare `nlp.pipe` parse and the full extraction are timed alternately `--repeats` times on
the same texts in the same process and the fastest of each is kept, so a busy machine skews both alike.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"


def main() -> int:
    from kg.evaluate.commands import format_scores
    from kg.evaluate.polnear import evaluate_polnear

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", nargs="?", default="dev", help="dev or train (or a path to a split)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--without-signed-quotes",
        action="store_true",
        help="switch off the signed-quote rule (commit 4d2eec5), the one rule written from dev errors, "
        "to check the dev figures owe nothing to it",
    )
    args = parser.parse_args()
    if args.without_signed_quotes:
        import kg.facts.statements as statements

        statements._signed_quotes = lambda view: []  # type: ignore[assignment]
    split = Path(args.split) if Path(args.split).is_dir() else POLNEAR / args.split
    if not split.is_dir():
        print(f"PolNeAR split not found at {split}", file=sys.stderr)
        return 2
    scores = evaluate_polnear(split, model=args.model, limit=args.limit, repeats=args.repeats)
    print(format_scores(scores, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
