"""A long build's spaCy vocabulary stays the size its first chunk left it: later chunks use memory zones."""

from __future__ import annotations

import random
import string
import subprocess
import sys
from typing import Any

import pytest

import kg.pipeline as pipeline
from kg.types import DocResult, Document


def _nonsense(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choices(string.ascii_lowercase, k=12)) for _ in range(n)]


def _documents(count: int) -> list[Document]:
    rng = random.Random(7)
    out = []
    for i in range(count):
        a, b, c = _nonsense(rng, 3)
        text = f'Minister Anna {a.title()} said the {b} plan would help. "We will fund the {c}," she said.'
        out.append(Document(id=f"d{i}", text=text))
    return out


def test_later_chunks_leave_no_strings_behind(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "ZONE_SIZE", 2)
    monkeypatch.setattr(pipeline, "_WARMED", set())  # as in a fresh process
    docs = _documents(8)
    before = len(nlp.vocab.strings)
    sizes = []
    results = []
    for result in pipeline.extract_safely(docs, nlp):
        results.append(result)
        sizes.append(len(nlp.vocab.strings))
    assert all(isinstance(r, DocResult) for r in results)
    assert [r.document.id for r in results] == [d.id for d in docs]
    assert sizes[1] > before  # the first chunk (the warm-up) adds its new words for good
    assert len(nlp.vocab.strings) == sizes[1]  # every later chunk's new words are gone again
    assert any(r.statements for r in results)  # the records outlive the zones they were made in
    quote = next(s for r in results for s in r.statements if "fund" in s.quote)
    assert quote.quote.startswith("We will fund the ")


def test_a_pipeline_warms_up_once_per_process(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers call the extraction batch by batch: only their first batch may grow the vocabulary."""
    monkeypatch.setattr(pipeline, "ZONE_SIZE", 4)
    monkeypatch.setattr(pipeline, "_WARMED", set())
    docs = _documents(12)
    list(pipeline.extract_safely(docs[:4], nlp))
    after_first_batch = len(nlp.vocab.strings)
    for start in (4, 8):
        list(pipeline.extract_safely(docs[start : start + 4], nlp))
        assert len(nlp.vocab.strings) == after_first_batch


def test_batches_are_bounded_by_count_and_by_size() -> None:
    """spaCy's working memory grows with the words parsed at once: long documents go in smaller batches."""
    from kg.nlp.parse import size_batches

    sizes = [10, 10, 10, 50, 10, 200, 10, 10, 10, 10]
    docs = [Document(id=f"d{i}", text="x" * n) for i, n in enumerate(sizes)]
    batches = list(size_batches(docs, count=4, max_chars=60))
    assert [d.id for b in batches for d in b] == [d.id for d in docs]  # every document once, in order
    assert all(len(b) <= 4 for b in batches)
    assert all(sum(len(d.text) for d in b) <= 60 or len(b) == 1 for b in batches)
    assert [len(b) for b in batches] == [3, 2, 1, 4]  # 10+10+10 | 50+10 | 200 alone | four of 10


def test_parse_keeps_input_order_across_size_batches(nlp: Any) -> None:
    from kg.nlp.parse import parse

    docs = [Document(id=f"d{i}", text=f"Story {i} is here. " * (1 + 30 * (i % 3))) for i in range(7)]
    parsed = list(parse(nlp, docs, batch_size=3, max_chars=400))
    assert [d.id for d, _ in parsed] == [d.id for d in docs]
    assert all(sdoc.text == d.text for d, sdoc in parsed)


def test_parse_hands_each_doc_its_text_so_rules_never_rebuild_it(nlp: Any) -> None:
    from kg.nlp.parse import doc_text, parse

    docs = [Document(id="d", text="  Odd  spacing,\n\nand a second paragraph.  ")]
    [(document, sdoc)] = list(parse(nlp, docs))
    assert doc_text(sdoc) is document.text  # the input string itself, not a join of the tokens
    assert doc_text(sdoc) == sdoc.text


_PINNED_HEAP = """
import sys
from kg.nlp.load import _return_free_memory

def rss():
    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) // 1024

blocks = [bytearray(4000) for _ in range(40_000)]  # ~160 MiB of malloc'd (not mmap'd) blocks
pin = bytearray(4000)  # allocated above them: the heap's top is in use, so free() cannot shrink it
del blocks
before = rss()
_return_free_memory()
print(before, rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and glibc's malloc_trim")
def test_freed_memory_below_a_live_block_goes_back_to_the_system() -> None:
    """`release_nlp` hands the model's freed pages back: without that they stay resident under a small
    live object and add to the write step's peak."""
    out = subprocess.run([sys.executable, "-c", _PINNED_HEAP], capture_output=True, text=True, check=True)
    before, after = (int(x) for x in out.stdout.split())
    assert before - after > 100  # MiB
