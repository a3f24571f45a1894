"""Cost of the pledge and topic rules next to the parse they run on (run by hand, needs ../shared).

    .venv/bin/python bench/pledges_speed.py [N]     # the first N BBC politics articles (default 100)

Prints the seconds spent parsing, finding actors, extracting pledges and matching topics on every
sentence, and each as a share of the parse time, in one run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc" / "politics"


def main(n: int) -> None:
    from kg.actors import find_actors
    from kg.facts.pledges import extract_pledges
    from kg.facts.positions import topics_for
    from kg.nlp import load_nlp
    from kg.rdf.topics import load_topics

    nlp = load_nlp()
    topics = load_topics()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(BBC.glob("*.txt"))[:n]]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    indexes = [find_actors(doc) for doc in docs]
    t_actors = time.perf_counter() - t0
    t0 = time.perf_counter()
    pledges = sum(len(extract_pledges(doc, index)) for doc, index in zip(docs, indexes, strict=True))
    t_pledges = time.perf_counter() - t0
    t0 = time.perf_counter()
    sentences = 0
    for doc in docs:
        for sent in doc.sents:
            topics_for(sent, topics)
            sentences += 1
    t_topics = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} articles, {words} words, {sentences} sentences, {pledges} pledges")
    timings = {"parse": t_parse, "actors": t_actors, "pledges": t_pledges, "topics": t_topics}
    for name, secs in timings.items():
        print(f"{name:<8} {secs:7.2f} s   {secs / t_parse:6.1%} of the parse")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
