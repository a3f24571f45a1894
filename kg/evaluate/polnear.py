"""Score the statement extractor on a PolNeAR split (BRAT standoff attributions) and time it.

A PolNeAR split is a folder with `text/<stem>.txt` and `attributions/<stem>_<annotator>.ann`; when a
text has several `.ann` files (several annotators) the first in sorted order is the gold. Each gold
attribution has Source, Cue and Content spans, any of which may be discontinuous (`start end;start end`);
offsets are Python character offsets into the text.

Definitions (what `kg evaluate polnear` prints):

- A predicted statement *matches* a gold attribution when their content character ranges overlap by at
  least half of each: overlap >= len(predicted) / 2 and overlap >= len(gold) / 2, lengths in characters,
  summed over the ranges of a discontinuous span. A quote split around its cue (`"A," he said. "B."`) or
  running on into the next paragraph is one attribution in PolNeAR; the extractor reports its parts as
  separate statements (a statement's text is one contiguous run), so consecutive direct statements of the
  same speaker and cue that are separated only by that cue clause (at most `SPLIT_GAP` characters
  containing the cue, the later part having no cue of its own after it in its sentence: `"A," she said.
  "B," she said.` is two attributions) or only by spaces and quotation marks are scored as one
  prediction.
- A gold cue is a *speech expression* when one of its words is a form of a verb of saying listed in
  `data/speech_expressions.json` (say, tell, add, write, state, announce, warn, argue, ...) or it
  contains one of its phrases ("according to", "pointed out"). Cognition and evidence cues (believe,
  think, show, find) are not speech.
- Content P/R/F1: precision is the share of predictions that match any gold attribution (PolNeAR marks
  every attribution, so a prediction matching none is a false positive); recall is the share of *speech*
  gold attributions (cue is a speech expression, or content contains a quotation mark) that some
  prediction matches. Gold attributions without a Content span are skipped.
- Attribution P/R/F1: the same, and also the predicted speaker's name, or one of the surface forms the
  actor has in that document ("AP" for Associated Press), shares a word (letters only, casefolded, two
  letters or more, a dotted acronym such as "F.B.I." one word, function words and honorifics ignored)
  with the gold Source span.
  Gold attributions whose Source is only a pronoun ("he", "they", "who") or that have no Source are left
  out of recall; a prediction whose content matches only such gold attributions is left out of precision.
- Throughput: words (whitespace-separated) per second of the full per-document extraction
  (`kg.pipeline.extract`: parse, actors, statements, pledges, topics) next to the bare `nlp.pipe` parse
  of the same texts with the same batch size, both timed in the same run after a warm-up.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.types import DocResult, Document, QuoteType, Statement

Range = tuple[int, int]

SPLIT_GAP = 200
QUOTE_MARKS = frozenset('"“”„«»‘')
_PRONOUN_WORDS = (
    "he she they it i we you him her them his hers its their theirs me us our ours my mine your yours "
    "who whom whose which that this these those one someone somebody"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
_IGNORED = "the a an of and or for to in on at by with from as s mr mrs ms dr jr sr"
_IGNORED_WORDS = frozenset(_IGNORED.split())
_WORD = re.compile(r"[^\W\d_]+")
_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # "F.B.I.", "U.S.": one word, not single letters
_ANN_SUFFIX = re.compile(r"_[0-9A-Za-z]+\.ann$")


class PolnearError(ValueError):
    """The folder is not a PolNeAR split (a user mistake, reported in one sentence)."""


@lru_cache(maxsize=1)
def speech_expressions() -> dict[str, Any]:
    """The speech-expression lexicon that defines the recall set (data file)."""
    text = resources.files("kg.evaluate").joinpath("data/speech_expressions.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {"words": frozenset(data["words"]), "phrases": tuple(data["phrases"])}


def is_speech_cue(cue: str) -> bool:
    """True when a cue is a speech expression (see the module docstring)."""
    lexicon = speech_expressions()
    low = " ".join(cue.casefold().split())
    if any(p in low for p in lexicon["phrases"]):
        return True
    return any(w in lexicon["words"] for w in _WORD.findall(low))


def name_words(text: str) -> frozenset[str]:
    """The words two names are compared on: letters only, casefolded, no function words or honorifics;
    a dotted acronym is one word ("the F.B.I." and "F.B.I" share "fbi")."""
    text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text.casefold())
    return frozenset(w for w in _WORD.findall(text) if len(w) >= 2 and w not in _IGNORED_WORDS)


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its spans (ranges into the text) and their texts."""

    id: str
    content: tuple[Range, ...]
    cue: tuple[Range, ...] = ()
    source: tuple[Range, ...] = ()
    content_text: str = ""
    cue_text: str = ""
    source_text: str = ""

    @property
    def speech(self) -> bool:
        """In the recall set: a speech cue, or quoted content."""
        return is_speech_cue(self.cue_text) or any(ch in QUOTE_MARKS for ch in self.content_text)

    @property
    def named_source(self) -> bool:
        """Has a Source that is not only pronouns (so a speaker's name can be checked against it)."""
        words = _WORD.findall(self.source_text.casefold())
        return bool(words) and not all(w in PRONOUNS for w in words)


@dataclass(frozen=True)
class GoldDocument:
    """One PolNeAR text and the attributions of its first annotator."""

    stem: str
    text: str
    annotation: str  # the .ann file name used
    attributions: tuple[GoldAttribution, ...] = ()


def _ranges(spec: str) -> tuple[Range, ...]:
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def read_ann(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    """Parse BRAT standoff: `T` lines are spans, `E` lines tie Source/Cue/Content(2) spans together."""
    spans: dict[str, tuple[str, tuple[Range, ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        if parts[0].startswith("T"):
            kind, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _ranges(spec))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            args = [tuple(a.split(":", 1)) for a in parts[1].split() if ":" in a]
            events.append((parts[0], [(role, ref) for role, ref in args]))
    out = []
    for eid, args in events:
        roles: dict[str, list[Range]] = {"Content": [], "Cue": [], "Source": []}
        for role, ref in args[1:]:  # the first argument is the event's own trigger
            base = role.rstrip("0123456789")
            if base in roles and ref in spans:
                roles[base].extend(spans[ref][1])
        if not roles["Content"]:
            continue
        texts = {r: " ".join(text[a:b] for a, b in sorted(v)) for r, v in roles.items()}
        out.append(
            GoldAttribution(
                id=eid,
                content=tuple(sorted(roles["Content"])),
                cue=tuple(sorted(roles["Cue"])),
                source=tuple(sorted(roles["Source"])),
                content_text=texts["Content"],
                cue_text=texts["Cue"],
                source_text=texts["Source"],
            )
        )
    return tuple(out)


def load_split(split_dir: Path, limit: int | None = None) -> list[GoldDocument]:
    """The texts of a split with their first annotator's attributions, in sorted order of stem."""
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise PolnearError(
            f"'{split_dir}' is not a PolNeAR split: it needs a text/ and an attributions/ folder."
        )
    by_stem: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_stem.setdefault(_ANN_SUFFIX.sub("", ann.name), []).append(ann)
    stems = [s for s in sorted(by_stem) if (text_dir / f"{s}.txt").is_file()]
    if not stems:
        raise PolnearError(f"'{split_dir}' is not a PolNeAR split: no .ann file there matches a text.")
    if limit is not None:
        stems = stems[: max(0, limit)]
    docs = []
    for stem in stems:
        with open(text_dir / f"{stem}.txt", encoding="utf-8", newline="") as fh:
            text = fh.read()
        ann = by_stem[stem][0]
        attributions = read_ann(text, ann.read_text(encoding="utf-8"))
        docs.append(GoldDocument(stem, text, ann.name, attributions))
    return docs


@dataclass(frozen=True)
class Prediction:
    """A predicted attribution: one statement, or the parts of a quote split around its cue."""

    speaker: str
    ranges: tuple[Range, ...]
    cue: str
    statements: tuple[Statement, ...]
    names: tuple[str, ...] = ()  # the speaker's name and its surface forms in the document

    @property
    def text(self) -> str:
        return " … ".join(s.quote for s in self.statements)


def predictions(result: DocResult) -> list[Prediction]:
    """The statements of one document as predicted attributions, split quotes merged (see above)."""
    actors = {a.id: a for a in result.actors}
    text = result.document.text
    out: list[Prediction] = []
    for st in sorted(result.statements, key=lambda s: (s.char_start, s.char_end)):
        actor = actors.get(st.speaker)
        speaker = actor.name if actor else st.speaker
        names = (speaker, *actor.aliases) if actor else (speaker,)
        prev = out[-1] if out else None
        if prev is not None and _continues(text, prev, st, speaker):
            out[-1] = replace(
                prev, ranges=(*prev.ranges, (st.char_start, st.char_end)), statements=(*prev.statements, st)
            )
        else:
            out.append(Prediction(speaker, ((st.char_start, st.char_end),), st.cue, (st,), names))
    return out


def _continues(text: str, prev: Prediction, st: Statement, speaker: str) -> bool:
    """True when `st` carries on the quote of `prev`: same speaker and cue, quoted, close after it."""
    last = prev.statements[-1]
    if (
        speaker != prev.speaker
        or st.cue != prev.cue
        or (last.quote_type, st.quote_type) != (QuoteType.DIRECT, QuoteType.DIRECT)
    ):
        return False
    if st.char_start < last.char_end:
        return False
    gap = text[last.char_end : st.char_start]
    if not gap.strip(" \t\r\n\xa0" + "".join(QUOTE_MARKS) + ",.:;—–-"):
        return True  # a quote running on over a paragraph break
    if len(gap) > SPLIT_GAP or not st.cue or st.cue not in gap:
        return False
    return st.cue not in text[st.char_end : st.sentence_end]  # split around the one cue, not re-cued


def overlap(a: Sequence[Range], b: Sequence[Range]) -> int:
    """Characters two sets of ranges have in common."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(ranges: Sequence[Range]) -> int:
    return sum(e - s for s, e in ranges)


def content_match(pred: Sequence[Range], gold: Sequence[Range]) -> bool:
    """Overlap of at least half of each."""
    common = overlap(pred, gold)
    return common > 0 and 2 * common >= _length(pred) and 2 * common >= _length(gold)


def speaker_match(speaker: str | Sequence[str], gold: GoldAttribution) -> bool:
    """The predicted speaker's name (or one of its names in the document) shares a word with the gold
    Source span."""
    names = [speaker] if isinstance(speaker, str) else speaker
    source = name_words(gold.source_text)
    return any(name_words(n) & source for n in names)


@dataclass
class Counts:
    """Precision/recall counts: matched predictions of all predictions, matched gold of all gold."""

    pred_tp: int = 0
    pred: int = 0
    gold_tp: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.pred_tp += other.pred_tp
        self.pred += other.pred
        self.gold_tp += other.gold_tp
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.pred_tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """One document's counts and its errors (for reading what went wrong)."""

    stem: str
    content: Counts
    attribution: Counts
    false_positives: list[tuple[Prediction, str]] = field(default_factory=list)  # (prediction, why)
    misses: list[tuple[GoldAttribution, str]] = field(default_factory=list)  # (gold, why)


def score_document(gold: GoldDocument, result: DocResult) -> DocumentScore:
    """Content and attribution counts of one document (definitions in the module docstring)."""
    preds = predictions(result)
    golds = gold.attributions
    content, attribution = Counts(), Counts()
    score = DocumentScore(gold.stem, content, attribution)
    matches = [[g for g in golds if content_match(p.ranges, g.content)] for p in preds]
    for pred, matched in zip(preds, matches, strict=True):
        content.pred += 1
        content.pred_tp += bool(matched)
        named = [g for g in matched if speaker_match(pred.names, g)]
        if named:
            attribution.pred += 1
            attribution.pred_tp += 1
        elif matched and all(not g.named_source for g in matched):
            continue  # its gold speaker is a pronoun or missing: cannot be judged
        else:
            attribution.pred += 1
            why = f"speaker (gold: {matched[0].source_text!r})" if matched else "no gold content"
            score.false_positives.append((pred, why))
    for g in golds:
        if not g.speech:
            continue
        hits = [p for p, m in zip(preds, matches, strict=True) if g in m]
        content.gold += 1
        content.gold_tp += bool(hits)
        if not g.named_source:
            continue
        attribution.gold += 1
        if any(speaker_match(p.names, g) for p in hits):
            attribution.gold_tp += 1
        else:
            why = f"speaker {hits[0].speaker!r}" if hits else _near_miss(preds, g)
            score.misses.append((g, why))
    return score


def _near_miss(preds: Sequence[Prediction], gold: GoldAttribution) -> str:
    best = max(preds, key=lambda p: overlap(p.ranges, gold.content), default=None)
    if best is None or overlap(best.ranges, gold.content) == 0:
        return "not found"
    return f"boundaries (nearest: {best.text[:60]!r})"


@dataclass
class PolnearScores:
    """Everything `kg evaluate polnear` reports."""

    split: str
    documents: int
    words: int
    gold_attributions: int
    content: Counts
    attribution: Counts
    parse_seconds: float
    pipeline_seconds: float
    model: str
    per_document: list[DocumentScore] = field(default_factory=list)

    @property
    def parse_wps(self) -> float:
        return self.words / self.parse_seconds if self.parse_seconds else 0.0

    @property
    def pipeline_wps(self) -> float:
        return self.words / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def throughput_ratio(self) -> float:
        return self.pipeline_wps / self.parse_wps if self.parse_wps else 0.0


def score_results(docs: Sequence[GoldDocument], results: Iterable[DocResult]) -> list[DocumentScore]:
    """Per-document scores of extraction results given in the order of `docs`."""
    return [score_document(g, r) for g, r in zip(docs, results, strict=True)]


def evaluate_polnear(
    split_dir: Path,
    model: str | None = None,
    limit: int | None = None,
    batch_size: int = 16,
    repeats: int = 1,
) -> PolnearScores:
    """Run the pipeline on a PolNeAR split and score it; raises PolnearError if it is not one.

    With `repeats` > 1 the bare parse and the full extraction are timed alternately that many times
    and the fastest of each is kept (steadier figures on a busy machine); with 0 only the extraction
    runs (scores without the throughput comparison, twice as fast).
    """
    from kg.nlp import load_nlp
    from kg.pipeline import extract
    from kg.rdf.topics import load_topics

    docs = load_split(Path(split_dir), limit)
    nlp = load_nlp(model)
    topics = load_topics()
    texts = [d.text for d in docs]
    documents = [Document(id=d.stem, text=d.text, source=d.stem) for d in docs]

    for _ in nlp.pipe(texts[:4], batch_size=batch_size):  # warm-up: first calls allocate
        pass
    parse_seconds = pipeline_seconds = float("inf")
    results: list[DocResult] = []
    for _ in range(max(1, repeats)):
        if repeats > 0:
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            parse_seconds = min(parse_seconds, time.perf_counter() - started)
        started = time.perf_counter()
        results = list(extract(documents, nlp, topics))
        pipeline_seconds = min(pipeline_seconds, time.perf_counter() - started)
    if repeats <= 0:
        parse_seconds = 0.0

    per_document = score_results(docs, results)
    content, attribution = Counts(), Counts()
    for s in per_document:
        content.add(s.content)
        attribution.add(s.attribution)
    meta = nlp.meta
    return PolnearScores(
        split=Path(split_dir).name,
        documents=len(docs),
        words=sum(len(t.split()) for t in texts),
        gold_attributions=sum(len(d.attributions) for d in docs),
        content=content,
        attribution=attribution,
        parse_seconds=parse_seconds,
        pipeline_seconds=pipeline_seconds,
        model=f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
        per_document=per_document,
    )
