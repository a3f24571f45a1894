"""Who said what: direct, indirect and mixed statements from a parse and the document's actors.

Three passes over one document, each a small function:
1. direct quotes: a quoted passage plus a reporting cue outside it ("..., said X"; "X said: ..."),
   a quote split around its cue, and quotes that continue the previous speaker's words;
2. indirect speech: a cue verb with a clausal complement ("X warned that ..."), which becomes a mixed
   statement when the complement carries a quoted fragment;
3. "according to X, ...".
Speakers are actors from the `ActorIndex` (pronouns resolved there); a statement whose speaker cannot
be resolved to an actor is not emitted rather than attributed to "he".
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.actors.index import GROUP_PRONOUNS, PERSON_PRONOUNS, ActorIndex
from kg.facts.positions import position_label, topics_for
from kg.facts.quotes import QuoteSpan, find_quotes
from kg.types import QuoteType, Statement, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TRIM = " \t\r\n,;:—–-"
_SUBJECTS = ("nsubj", "nsubjpass")


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The reporting-cue lexicon (data file)."""
    text = resources.files("kg.facts").joinpath("data/cues.json").read_text(encoding="utf-8")
    return json.loads(text)


def _is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in cues()["speech_verbs"]


@dataclass(frozen=True)
class _Speaker:
    actor: str
    pronoun: bool


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through coordination and control ("X stood up and said")."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _speaker(verb: Token, index: ActorIndex) -> _Speaker | None:
    subj = _subject_of(verb)
    if subj is None:
        return None
    actor = index.actor_at(subj) or index.actor_in(list(subj.subtree))
    if actor is None:
        return None
    return _Speaker(actor, subj.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS)


def _cue_text(verb: Token) -> str:
    """The reporting expression: the verb plus what completes it ("told reporters", "wrote on X")."""
    tokens = [verb]
    for child in verb.children:
        completes = child.dep_ in {"prt", "dative"} or (child.dep_ == "dobj" and verb.lemma_ == "tell")
        where = child.dep_ == "prep" and child.lower_ in {"on", "in"} and verb.lemma_ in {"write", "post"}
        if completes or where:
            tokens.extend(child.subtree)
    sent = verb.sent
    tokens = sorted(t for t in tokens if sent.start <= t.i < sent.end)
    doc = verb.doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    return text.split("\n")[0].strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and separating punctuation (keep final . ? !)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    s = first.sent.start_char if first is not None else start
    e = last.sent.end_char if last is not None else end
    return s, e


def _make(
    doc: Doc,
    speaker: str,
    start: int,
    end: int,
    kind: QuoteType,
    cue: str,
    confidence: float,
    topics: Sequence[Topic],
) -> Statement | None:
    text = doc.text
    start, end = _trim(text, start, end)
    if end - start < 2:
        return None
    s_start, s_end = _sentence_bounds(doc, start, end)
    quote = text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    return Statement(
        speaker=speaker,
        quote=quote,
        quote_type=kind,
        cue=cue,
        sentence=text[s_start:s_end].strip(),
        char_start=start,
        char_end=end,
        sentence_start=s_start,
        sentence_end=s_end,
        confidence=round(confidence, 3),
        position=position_label(quote),
        topics=topics_for(span, topics) if span is not None else (),
    )


def _inside(i: int, quotes: Sequence[QuoteSpan]) -> bool:
    return any(q.open_at <= i <= q.close_at for q in quotes)


def _word_count(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="contract")
    return 0 if span is None else sum(1 for t in span if not t.is_punct)


def _cue_near(doc: Doc, q: QuoteSpan, quotes: Sequence[QuoteSpan]) -> Token | None:
    """A reporting verb outside any quote in the sentence(s) around the quote, nearest first."""
    sents = set()
    for pos in (q.open_at, q.close_at):
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is not None:
            sents.add((span.sent.start, span.sent.end))
    candidates = []
    for s, e in sents:
        for tok in doc[s:e]:
            if _is_cue(tok) and not _inside(tok.idx, quotes):
                dist = tok.idx - q.close_at if tok.idx > q.close_at else q.open_at - tok.idx
                candidates.append((dist, tok.i, tok))
    return min(candidates)[2] if candidates else None


def _colon_speaker(doc: Doc, q: QuoteSpan, index: ActorIndex) -> str | None:
    """ "X: '...'" style: an actor right before a colon that opens the quote."""
    before = doc.text[max(0, q.open_at - 3) : q.open_at].strip()
    if not before.endswith(":"):
        return None
    span = doc.char_span(q.open_at - 1, q.open_at, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    for tok in reversed(doc[sent.start : span.start]):
        actor = index.by_token.get(tok.i)
        if actor is not None:
            return actor
    return None


def _complement(verb: Token) -> Span | None:
    """The clause a cue verb reports ("that NATO would ..."), without the complementiser."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            tokens = [t for t in child.subtree]
            if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ in {"that", "whether", "if"}:
                tokens = tokens[1:]
            if not tokens:
                return None
            span = verb.doc[tokens[0].i : tokens[-1].i + 1]
            return _within_paragraph(span, verb)
    return None


def _within_paragraph(span: Span, anchor: Token) -> Span | None:
    """Clip a span to the paragraph of `anchor`: reported content never crosses a paragraph break."""
    doc = span.doc
    start, end = span.start, span.end
    for i in range(anchor.i - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    for i in range(max(anchor.i, start), end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if not doc[i].is_space else i
            break
    return doc[start:end] if start < end else None


def direct_statements(
    doc: Doc, index: ActorIndex, quotes: Sequence[QuoteSpan], topics: Sequence[Topic] = ()
) -> tuple[list[Statement], set[int]]:
    """Direct quotes with their speakers; also returns the cue tokens used, so indirect skips them."""
    out: list[Statement] = []
    used: set[int] = set()
    min_words = int(cues()["min_direct_words"])
    last: tuple[str, str, int] | None = None  # (speaker, cue, paragraph start) of the previous quote
    for q in quotes:
        if _word_count(doc, q.start, q.end) < min_words:
            continue
        para = doc.text.rfind("\n", 0, q.open_at) + 1
        cue = _cue_near(doc, q, quotes)
        speaker: str | None = None
        confidence = 0.9
        cue_text = ""
        if cue is not None:
            comp = _complement(cue)
            if comp is not None and _mixed(comp, q):
                continue  # a fragment inside a paraphrase: the indirect pass reports it as mixed
            found = _speaker(cue, index)
            if found is not None:
                speaker, cue_text = found.actor, _cue_text(cue)
                confidence = 0.75 if found.pronoun else 0.9
                used.add(cue.i)
        if speaker is None:
            speaker = _colon_speaker(doc, q, index)
            cue_text = ":" if speaker else ""
            confidence = 0.8
        if speaker is None and last is not None and (last[2] == para or q.open_at - 1 <= para + 1):
            # a quote that carries on the previous speaker's words (split quote or next paragraph)
            speaker, cue_text, confidence = last[0], last[1], 0.6
        if speaker is None:
            last = None
            continue
        made = _make(doc, speaker, q.start, q.end, QuoteType.DIRECT, cue_text, confidence, topics)
        if made is not None:
            out.append(made)
            last = (speaker, cue_text, para)
    return out, used


def _mixed(comp: Span, q: QuoteSpan) -> bool:
    """True when the quote sits inside a longer paraphrase (more than a few words outside the marks)."""
    if not (comp.start_char <= q.open_at + 1 and q.close_at <= comp.end_char + 1):
        return False
    outside = [t for t in comp if not t.is_punct and not (q.open_at <= t.idx <= q.close_at)]
    return len(outside) > 2


def indirect_statements(
    doc: Doc, index: ActorIndex, quotes: Sequence[QuoteSpan], used: set[int], topics: Sequence[Topic] = ()
) -> Iterator[Statement]:
    """Reported speech: cue verbs with a clausal complement, outside quotes; mixed when it quotes."""
    direct_only = set(cues()["direct_only"])
    for tok in doc:
        if tok.i in used or not _is_cue(tok) or tok.lemma_.lower() in direct_only or _inside(tok.idx, quotes):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        comp = _complement(tok)
        if comp is None or len([t for t in comp if not t.is_punct]) < 3:
            continue
        found = _speaker(tok, index)
        if found is None:
            continue
        has_quote = any(comp.start_char <= q.open_at and q.close_at <= comp.end_char for q in quotes)
        kind = QuoteType.MIXED if has_quote else QuoteType.INDIRECT
        confidence = 0.6 if found.pronoun else 0.7
        made = _make(
            doc, found.actor, comp.start_char, comp.end_char, kind, _cue_text(tok), confidence, topics
        )
        if made is not None:
            yield made


def according_statements(
    doc: Doc, index: ActorIndex, quotes: Sequence[QuoteSpan], topics: Sequence[Topic] = ()
) -> Iterator[Statement]:
    """ "According to X, ..." and "..., according to X": the rest of the sentence is X's statement."""
    for tok in doc:
        if tok.lower_ not in cues()["according"] or _inside(tok.idx, quotes):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            continue
        actor = index.actor_in(list(obj.subtree))
        if actor is None:
            continue
        phrase_start = tok.idx
        phrase_end = max(t.idx + len(t.text) for t in obj.subtree)
        sent = tok.sent
        before = (sent.start_char, phrase_start)
        after = (phrase_end, sent.end_char)
        start, end = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
        has_quote = any(start <= q.open_at and q.close_at <= end for q in quotes)
        kind = QuoteType.MIXED if has_quote else QuoteType.INDIRECT
        made = _make(doc, actor, start, end, kind, f"according to {obj.text}", 0.7, topics)
        if made is not None and len(made.quote.split()) >= 3:
            yield made


def extract_statements(doc: Doc, index: ActorIndex, topics: Sequence[Topic] = ()) -> list[Statement]:
    """All statements in a parsed document, ordered by position, without duplicates."""
    quotes = find_quotes(doc.text)
    direct, used = direct_statements(doc, index, quotes, topics)
    found = direct + list(indirect_statements(doc, index, quotes, used, topics))
    found += list(according_statements(doc, index, quotes, topics))
    unique: dict[tuple[int, int, str], Statement] = {}
    for st in found:
        unique.setdefault((st.char_start, st.char_end, st.speaker), st)
    return sorted(unique.values(), key=lambda s: (s.char_start, s.char_end, s.speaker))
