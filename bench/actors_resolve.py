"""Benchmark the actors stage: per-document `find_actors` against the parse it sits on, and corpus-wide
`resolve` as the number of distinct names grows (ratios side by side in one run).

    .venv/bin/python bench/actors_resolve.py [--corpus ../shared/corpora/bbc/politics] [--limit 417]

Scaling copies every document k times with each person's surname replaced by a made-up one per copy
(same initial and length, so the corpus holds about k times as many distinct people and the spelling-
variant comparisons grow with it); resolve should stay near-linear.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _surname(word: str, copy: int) -> str:
    """A made-up surname with the same initial and length, the same for every use of `word` in a copy."""
    if copy == 0:
        return word
    digest = hashlib.sha256(f"{word}|{copy}".encode()).digest()
    letters = "".join("bcdfghjklmnprstvwz"[b % 18] if i % 2 else "aeiou"[b % 5] for i, b in enumerate(digest))
    return word[:1] + letters[: max(len(word) - 1, 3)]


def _scaled(results, k: int):
    from kg.types import ActorType, DocResult, Document

    out = []
    for copy in range(k):
        for r in results:
            actors = tuple(
                replace(a, name=" ".join([*a.name.split()[:-1], _surname(a.name.split()[-1], copy)]))
                if a.type is ActorType.PERSON
                else a
                for a in r.actors
            )
            out.append(DocResult(Document(f"{r.document.id}#{copy}", r.document.text), actors))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc" / "politics"
    )
    parser.add_argument("--limit", type=int, default=417)
    parser.add_argument("--scales", default="1,4,16")
    args = parser.parse_args()

    from kg.actors import find_actors, resolve
    from kg.documents import iter_inputs
    from kg.nlp import load_nlp, parse
    from kg.types import DocResult, Document

    nlp = load_nlp()
    docs = [d for d in iter_inputs([args.corpus]) if isinstance(d, Document)][: args.limit]
    parse_s = actors_s = 0.0
    results = []
    stream = parse(nlp, docs)
    while True:
        t0 = time.perf_counter()
        try:
            document, sdoc = next(stream)
        except StopIteration:
            break
        t1 = time.perf_counter()
        index = find_actors(sdoc)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        actors_s += t2 - t1
        results.append(DocResult(document, index.actors))
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words from {args.corpus}")
    print(f"parse {parse_s:.2f} s   find_actors {actors_s:.2f} s   ratio {actors_s / parse_s:.3f}")

    base = None
    print(f"{'scale':>5} {'docs':>6} {'local actors':>12} {'resolve s':>10} {'ratio':>7} {'actors':>7}")
    for k in (int(x) for x in args.scales.split(",")):
        corpus = _scaled(results, k)
        local = sum(len(r.actors) for r in corpus)
        t0 = time.perf_counter()
        res = resolve(corpus)
        secs = time.perf_counter() - t0
        base = base or secs
        print(f"{k:>5} {len(corpus):>6} {local:>12} {secs:>10.3f} {secs / base:>7.2f} {len(res.actors):>7}")


if __name__ == "__main__":
    main()
