"""Scale benchmark (issue 8), run by hand: kg build throughput against the bare spaCy parse, and memory.

    .venv/bin/python bench/scale_bench.py [--limit N] [--skip-memory]

Corpus: ../shared/corpora (BBC, 2,225 articles; PolNeAR train+dev texts, 924). In one run it measures
  * the bare `nlp.pipe` parse of exactly the texts kg builds (words/s, one process), once before and
    once after the builds: this shared machine's speed drifts by up to ~20% over half an hour, so the
    ratio uses the mean of the two bracketing parses (each is printed too); and once, between them, with
    kg's lookup attribute ruler in the pipeline (the parse a build runs, `kg.nlp.rules`), so kg's own
    cost over its parse is shown beside the ratio to the stock parse,
  * `kg build --jobs 1` and `kg build --jobs 2` on the same inputs (wall clock, words/s),
  * peak resident memory of `kg build --jobs 1` for the first 500 and the first 3,000 inputs,
and prints the ratios the issue asks for. Results are appended to bench/scale_results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
KG = [sys.executable, "-m", "kg"]


def corpus_files(limit: int | None) -> list[Path]:
    """BBC articles and PolNeAR texts, in a fixed order."""
    files = sorted(p for p in (SHARED / "bbc").rglob("*.txt"))
    for split in ("train", "dev"):
        files += sorted((SHARED / "polnear" / split / "text").glob("*.txt"))
    return files[:limit] if limit else files


def stage(files: list[Path], folder: Path) -> Path:
    """Link the inputs into one folder so `kg build FOLDER` sees exactly these files."""
    folder.mkdir(parents=True)
    for i, f in enumerate(files):
        (folder / f"{i:05d}-{f.name}").symlink_to(f)
    return folder


def bare_parse(folder: Path, lookup_rules: bool = False) -> tuple[int, float]:
    """Words and seconds of the plain spaCy parse of the texts kg builds (no kg code in the loop).

    With `lookup_rules`, the pipeline's attribute ruler is kg's lookup version (`kg.nlp.rules`),
    as in a build: the parse kg itself starts from, so kg's own cost can be read off too.
    """
    import spacy

    from kg.documents import iter_inputs
    from kg.nlp import model_name
    from kg.pipeline import BATCH_SIZE
    from kg.types import Document

    texts = [d.text for d in iter_inputs([folder]) if isinstance(d, Document)]
    nlp = spacy.load(model_name())
    if lookup_rules:
        from kg.nlp.rules import install

        install(nlp)
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):  # the batch size kg build parses with
        pass
    return words, time.perf_counter() - started


def run_build(folder: Path, out: Path, jobs: int) -> dict:
    """Wall time and peak RSS (KiB) of one `kg build` in a fresh process."""
    wrapper = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)"
    )
    cmd = [*KG, "build", str(folder), "--out", str(out), "--jobs", str(jobs), "--no-validate"]
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    seconds, rss, rc = proc.stdout.split()
    report = json.loads((out / "report.json").read_text())
    return {"seconds": float(seconds), "rss_kib": int(rss), "rc": int(rc), "report": report}


def phases(run: dict) -> str:
    """Where a build's wall clock went: parse + extraction, then the rest (store, exports, views, load)."""
    extraction = run["report"]["parse_seconds"]
    return f"parse+extract {extraction:.1f} s, rest {run['seconds'] - extraction:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="use only the first N inputs")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-timing", action="store_true", help="only the peak-memory builds")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"The corpora are not at {SHARED}.")

    tmp = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        files = corpus_files(args.limit)
        folder = stage(files, tmp / "in")
        rows: list[str] = []
        if not args.skip_timing:
            words, before_s = bare_parse(folder)
            print(f"bare parse: {before_s:.1f} s", file=sys.stderr, flush=True)
            _, lookup_s = bare_parse(folder, lookup_rules=True)
            print(f"bare parse, lookup attribute rules: {lookup_s:.1f} s", file=sys.stderr, flush=True)
            j1 = run_build(folder, tmp / "out1", 1)
            print(f"jobs 1: {j1['seconds']:.1f} s", file=sys.stderr, flush=True)
            j2 = run_build(folder, tmp / "out2", 2)
            print(f"jobs 2: {j2['seconds']:.1f} s", file=sys.stderr, flush=True)
            _, after_s = bare_parse(folder)
            print(f"bare parse again: {after_s:.1f} s", file=sys.stderr, flush=True)
            bare_s = (before_s + after_s) / 2
            bare_wps = words / bare_s
            j1_wps = words / j1["seconds"]
            j2_wps = words / j2["seconds"]
            rows += [
                f"inputs: {len(files)} files, {j1['report']['documents']} documents built, {words:,} words",
                f"bare nlp.pipe parse:   {bare_wps:8,.0f} words/s ({bare_s:.1f} s: mean of "
                f"{before_s:.1f} s before and {after_s:.1f} s after the builds)",
                f"  same, lookup attribute rules: {words / lookup_s:8,.0f} words/s ({lookup_s:.1f} s)",
                f"kg build --jobs 1:     {j1_wps:8,.0f} words/s ({j1['seconds']:.1f} s)"
                f"  = {j1_wps / bare_wps:.2f} x bare, {lookup_s / j1['seconds']:.2f} x bare with lookup rules"
                f"   [{phases(j1)}]",
                f"kg build --jobs 2:     {j2_wps:8,.0f} words/s ({j2['seconds']:.1f} s)"
                f"  = {j2_wps / j1_wps:.2f} x jobs 1   [{phases(j2)}]",
            ]
        if not args.skip_memory:
            small = run_build(stage(files[:500], tmp / "in500"), tmp / "out500", 1)
            big = run_build(stage(files[:3000], tmp / "in3000"), tmp / "out3000", 1)
            rows += [
                f"peak RSS, 500 inputs:  {small['rss_kib'] / 1024:8,.0f} MiB",
                f"peak RSS, 3000 inputs: {big['rss_kib'] / 1024:8,.0f} MiB"
                f"  = {big['rss_kib'] / small['rss_kib']:.2f} x",
            ]
        header = (
            f"## {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}\n\n"
            f"`{' '.join(['.venv/bin/python', 'bench/scale_bench.py', *sys.argv[1:]])}`\n\n"
        )
        text = header + "```\n" + "\n".join(rows) + "\n```\n\n"
        print(text)
        with (ROOT / "bench" / "scale_results.md").open("a", encoding="utf-8") as fh:
            fh.write(text)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
