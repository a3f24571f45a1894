"""Who said what: direct, indirect and mixed statements from a parse and the document's actors.

One pass over the document's reporting cues, then one over its quotes, in text order:

1. cues: a speech verb (data/cues.json) outside quotation marks, with a speaker (its subject, through
   coordination and participles: "X stood up and said", "..., saying"; the noun a relative "who" stands
   for). Its content is its clausal complement ("X warned that ...") or, for a quoted fragment, the
   phrase that carries it ("X called them 'deplorables'", "X warned against 'appeasement'"): indirect
   without quotation marks, mixed with a quoted fragment, direct when the quote is all of it;
2. quotes: every quoted passage not yet reported is given to the cue next to it in its sentence ("...,"
   said X; X said: "..."; a quote split around its cue), to a speaker before a colon ("X: '...'"), or
   to the speaker it continues (same paragraph, or the next paragraph when the previous one reported
   that speaker, or a quote running on over a paragraph break);
3. "according to X, ..." and headline or transcript lines "X: ...".

Speakers are actors from the `ActorIndex`: names, surnames, groups ("federal officials"), a person a
role word introduces ("ECFR fellow Camille Grand"), the author of a document that "says" something, or
an unnamed speaker named by its noun phrase ("a senior official", "the campaign", "critics", "52
percent" of those polled): a person, organisation or group of that document only (nouns for people and
organisations, data/cues.json); a document or data source that names no author ("the audit said",
"according to agency records") speaks as an organisation of the document, with a low confidence.
Pronoun speakers ("he", "she", "they", and "it" for an organisation) are resolved last, in text order,
to the previous speaker or the nearest compatible actor outside quotation marks (within a few sentences,
else anywhere before, with a lower confidence), learning genders as they go; a statement whose speaker
cannot be resolved to an actor is not emitted rather than attributed to "he". Content ends before a
second report joined to it ("X said A, while Y said B", ", according to Z", ", adding that ...").
Quoted titles ("Meet the Press") are names, not quotations. Actors named only in credits or
bylines never speak. Page furniture (data/furniture.json:
video placeholders, "keep reading", newsletter boxes, photo credits) never yields a statement or a speaker.
Sentences, paragraphs and quotes are looked up through arrays built once per document (`_View`), so the
cost stays linear in the document length.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.actors.index import DESCRIPTION_LABEL, RELATIVE_PRONOUNS, ActorIndex
from kg.facts.positions import position_label, stance_for, topics_for
from kg.facts.quotes import QuoteSpan, find_quotes, is_title
from kg.nlp.parse import doc_text
from kg.types import ActorType, QuoteType, Statement, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TRIM = " \t\r\n\xa0,;:—–-"
_SUBJECTS = ("nsubj", "nsubjpass")
_CONTENT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "attr", "acomp", "advcl", "npadvmod", "dative"})


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The reporting-cue lexicon (data file), word lists as frozensets."""
    text = resources.files("kg.facts").joinpath("data/cues.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items()}


@lru_cache(maxsize=1)
def furniture() -> tuple[re.Pattern[str] | None, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """Compiled furniture patterns: the line patterns anchored at a line's start (one alternation, tried
    at each line start), the other line patterns, and credits (masked from the match to the end of their
    line). Multiline, so each unanchored one is searched once over a whole text.

    An anchored pattern can only match where a line starts: trying it there, not at every character,
    is what keeps this pass cheap (it was 5% of extraction when each pattern scanned the whole text).
    """
    text = resources.files("kg.facts").joinpath("data/furniture.json").read_text(encoding="utf-8")
    data = json.loads(text)
    flags = re.IGNORECASE | re.MULTILINE
    anchored = [p[1:] for p in data["lines"] if p.startswith("^")]
    starts = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
    anywhere = tuple(re.compile(p, flags) for p in data["lines"] if not p.startswith("^"))
    return starts, anywhere, tuple(re.compile(p, flags) for p in data["credits"])


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of page furniture in `text`, sorted and non-overlapping."""
    at_start, lines, credits = furniture()
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_bounds(pos: int) -> tuple[int, int]:
        k = bisect_right(starts, pos) - 1
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        return starts[k], end

    whole: dict[int, int] = {}
    if at_start is not None:
        for line_start in starts:
            if at_start.match(text, line_start):
                s, e = line_bounds(line_start)
                if text[s:e].strip():
                    whole[s] = e
    for p in lines:
        for m in p.finditer(text):
            s, e = line_bounds(m.start())
            if text[s:e].strip():
                whole[s] = e
    tails: dict[int, tuple[int, int]] = {}
    for p in credits:
        for m in p.finditer(text):
            s, e = line_bounds(m.start())
            if s not in whole and (s not in tails or m.start() < tails[s][0]):
                tails[s] = (m.start(), e)
    ranges = [(s, e) for s, e in whole.items()] + list(tails.values())
    return sorted(r for r in ranges if r[1] > r[0])


class _View:
    """Per-document lookups built once: sentence, line and quote of every token, furniture mask."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        import numpy as np
        from spacy.attrs import IDX, SENT_START

        self.doc = doc
        self.text = doc_text(doc)
        self.index = index

        self.tokens = list(doc)
        n = len(self.tokens)
        columns = doc.to_array([IDX, SENT_START]) if n else np.zeros((0, 2), dtype=np.uint64)
        starts = columns[:, 0].astype(np.int64)  # one C call instead of per-token properties
        self.starts = starts.tolist()
        text = self.text
        breaks = [m.start() for m in re.finditer("\n", text)]
        # A token ends its sentence when the model says the next one starts a sentence, or when a line
        # break lies in it or in the space after it: a line break always ends a sentence.
        following = np.append(starts[1:], len(text))
        newline = np.searchsorted(breaks, following) > np.searchsorted(breaks, starts)
        boundary = np.zeros(n, dtype=bool)
        boundary[1:] = newline[:-1] | (columns[1:, 1] == 1)
        self.sent_of = np.cumsum(boundary).tolist()
        firsts = [0, *np.flatnonzero(boundary).tolist()] if n else []
        self.sents: list[tuple[int, int]] = list(zip(firsts, [*firsts[1:], n], strict=True))
        self.line_starts = [0] + [b + 1 for b in breaks]
        self.quotes = [q for q in find_quotes(text) if not is_title(text[q.start : q.end])]  # names
        self.masked = furniture_ranges(self.text)
        self._mask_starts = [s for s, _ in self.masked]
        self.quote_of = [-1] * n
        for k, q in enumerate(self.quotes):  # a later quote wins a token two quotes share
            lo = self.token_at(q.open_at)
            hi = max(lo, bisect_right(self.starts, q.close_at))
            self.quote_of[lo:hi] = [k] * (hi - lo)

    def token_at(self, char: int) -> int:
        """Index of the token that contains (or first follows) a character offset."""
        i = bisect_right(self.starts, char) - 1
        return max(0, i)

    def line_of(self, char: int) -> int:
        return bisect_right(self.line_starts, char) - 1

    def sent_chars(self, k: int) -> tuple[int, int]:
        start, end = self.sents[k]
        last = self.tokens[end - 1]
        return self.tokens[start].idx, last.idx + len(last.text)

    def is_masked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps page furniture."""
        k = bisect_left(self._mask_starts, end)
        return k > 0 and self.masked[k - 1][1] > start

    def clip_masked(self, start: int, end: int) -> tuple[int, int]:
        """Cut [start, end) before furniture that begins inside it (a credit glued to a caption)."""
        k = bisect_left(self._mask_starts, end)
        if k > 0 and self.masked[k - 1][1] > start and self.masked[k - 1][0] > start:
            return start, self.masked[k - 1][0]
        return start, end

    def previous_line(self, line: int) -> int:
        """The nearest line above `line` that is not blank (-1 if none)."""
        k = line - 1
        while k >= 0:
            s = self.line_starts[k]
            e = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(self.text)
            if self.text[s:e].strip():
                return k
            k -= 1
        return -1

    def last_word_end(self, q: QuoteSpan) -> int:
        """End of the last letter or digit inside a quote (before its closing punctuation)."""
        end = q.end
        while end > q.start and not self.text[end - 1].isalnum():
            end -= 1
        return end

    def words(self, start: int, end: int) -> int:
        """Number of word tokens (not punctuation or space) in the character range."""
        i, n = self.token_at(start), 0
        while i < len(self.tokens) and self.starts[i] < end:
            t = self.tokens[i]
            if self.starts[i] >= start and not (t.is_punct or t.is_space):
                n += 1
            i += 1
        return n


@dataclass(frozen=True)
class _Speaker:
    actor: str
    confidence: float
    pronoun: int = -1  # index of the pronoun the actor was resolved from, if any


@lru_cache(maxsize=1)
def _speech_verb_ids() -> frozenset[int]:
    """Hash ids of the speech-verb lemmas in any casing a lemma may have (spaCy's ids are string hashes,
    the same in every vocabulary)."""
    from spacy.strings import get_string_id

    words = cues()["speech_verbs"]
    return frozenset(get_string_id(w) for word in words for w in {word, word.capitalize(), word.upper()})


def _is_cue(tok: Token) -> bool:
    lexicon = cues()
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"} or lemma not in lexicon["speech_verbs"]:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "‑"} and not tok.doc[tok.i - 1].whitespace_:
        return False  # "de-emphasize"
    particles = lexicon["particles"].get(lemma)
    return particles is None or any(c.dep_ in {"prt", "dobj"} and c.lower_ in particles for c in tok.children)


def _subject_of(view: _View, verb: Token) -> Token | None:
    """The speaker's token for a cue: its subject, inherited through coordination, control and
    participles ("X stood up and said", "..., adding"), or a passive's agent ("was told by X").

    A passive cue without an agent has no speaker ("Trump was asked" names the addressee); a
    participle hanging in a reported clause goes to the cue that reports it ("X said that Y ...,
    adding" is X adding).
    """
    if any(c.dep_ == "auxpass" for c in verb.children):  # a passive cue: only its agent speaks
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    seen = 0
    start = verb
    while seen < 5:
        k = view.sent_of[verb.i]
        children = sorted(
            (c for c in verb.children if view.sent_of[c.i] == k), key=lambda c: abs(c.i - verb.i)
        )  # the parser may take a word of another line for the subject
        if any(c.dep_ == "nsubj" and view.sent_of[c.i] != k for c in verb.children):
            return _outside_subject(view, verb, before_only=True)
        for child in children:
            if child.dep_ == "nsubj":
                return _past_dateline(view, child)
            if child.dep_ == "nsubjpass":
                if verb.lemma_ == "quote" or verb.i != start.i:
                    return child  # "X was quoted as saying", "he wouldn't be drawn, instead saying"
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head.head  # "X responded before adding ..."
            seen += 1
            continue
        if _object_participle(view, verb):
            verb = verb.head.head  # "X rejected the notion ..., saying": X is saying
            seen += 1
            continue
        adjective = verb.dep_ == "acomp" and verb.pos_ == "ADJ"  # "X was quick | to point out"
        if (verb.dep_ in {"conj", "xcomp", "advcl"} or adjective) and verb.head.i != verb.i:
            head = verb.head
            if (
                verb.dep_ == "advcl"
                and head.dep_ == "ccomp"
                and _is_cue(head.head)
                and view.quote_of[head.head.i] == view.quote_of[verb.i]
            ):
                head = head.head
            while view.quote_of[head.i] >= 0 > view.quote_of[verb.i] and head.head.i != head.i:
                head = head.head  # "X seemed ready, telling the crowd, '... have you noticed'": not "you"
            verb = head
            seen += 1
            continue
        return None
    return None


def _object_participle(view: _View, verb: Token) -> bool:
    """True for a participle after a comma that the parser hung on the object ("X rejected the
    notion that ..., saying"): it belongs to the clause's verb."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.i > 0
        and view.tokens[verb.i - 1].text == ","
        and head.dep_ in {"dobj", "attr"}
        and head.head.pos_ in {"VERB", "AUX"}
        and head.head.i < head.i
    )


_DASHES = frozenset({"—", "–", "-", "--"})
QUOTE_OPENERS = frozenset({'"', "“", "''", "‘", "'"})


def _past_dateline(view: _View, subj: Token) -> Token:
    """ "BRUSSELS—European leaders ... say": the subject after a dateline, not the dateline."""
    i = subj.i
    if not (subj.text.isupper() and i + 1 < len(view.tokens) and view.tokens[i + 1].text in _DASHES):
        return subj
    after = [t for t in subj.subtree if t.i > i + 1]
    for t in after:
        if t.dep_ in _SUBJECTS:
            return t
    return next(
        (t for t in after if t.pos_ in {"NOUN", "PROPN"} and t.head.i <= i + 1 or t.head.i == i), subj
    )


def _speaker(view: _View, verb: Token) -> _Speaker | None:
    """The actor who speaks through a cue verb, or None when it is not a known actor."""
    subj = _subject_of(view, verb)
    if subj is None:
        subj = (
            _inverted_subject(view, verb)
            or _issuer(view, verb)
            or _aside_subject(view, verb)
            or _figure_subject(view, verb)
            or _aside_subject(view, _controller(verb))
            or _hanging_appositive(view, verb)
            or _paratactic_subject(view, verb)
        )
    if (
        subj is None
        and verb.dep_ in {"ROOT", "ccomp"}
        and not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        subj = _outside_subject(view, verb, before_only=True)  # the parser lost the subject
    if subj is None or _extraposed(verb, subj):
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        subj = subj.head.head  # "X, who said ...": the noun the relative clause modifies
    if view.quote_of[subj.i] >= 0 and view.quote_of[verb.i] < 0:
        subj = _outside_subject(view, verb)  # the parser took a word of the quote for the subject
        if subj is None:
            return None
    return _actor_of(view, subj)


def _controller(verb: Token) -> Token:
    """The verb a subjectless infinitive or clause of purpose hangs on ("tweeted on Friday | to say")."""
    if verb.dep_ in {"xcomp", "advcl"} and verb.tag_ == "VB" and verb.head.pos_ == "VERB":
        return verb.head
    return verb


def _extraposed(verb: Token, subj: Token) -> bool:
    """ "it's safe to say ...", "it would be wrong to suggest ...": an "it" standing for the infinitive of
    a predicate adjective or noun is no speaker."""
    if subj.lower_ != "it" or verb.dep_ != "xcomp":
        return False
    head = verb.head
    return subj.head.i == head.i and any(c.dep_ in {"acomp", "attr"} for c in head.children)


def _figure_subject(view: _View, verb: Token) -> Token | None:
    """ "About 4 in 10 say ...": a share of those polled that the parser hung on a subjectless cue as a
    number modifier (taken only as a share of people, see `_share_of_people`)."""
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return next(
        (
            c
            for c in verb.lefts
            if c.pos_ == "NUM"
            and c.dep_ in {"nummod", "npadvmod", "dep"}
            and any(q.dep_ in {"prep", "quantmod"} and q.lower_ == "in" for q in c.children)
        ),
        None,
    )


def _issuer(view: _View, verb: Token) -> Token | None:
    """ "X issued a statement saying ...", "aides said in a memo arguing ...": the speaker of a
    document noun's participle is who issued the document (the subject of the verb it depends on)."""
    head = verb.head
    if verb.dep_ != "acl" or head.lemma_.lower() not in cues()["document_nouns"]:
        return None
    if head.dep_ in {"dobj", "pobj"}:
        governor = head.head.head if head.dep_ == "pobj" else head.head
        if governor.pos_ in {"VERB", "AUX"} and view.sent_of[governor.i] == view.sent_of[verb.i]:
            return next((c for c in governor.children if c.dep_ == "nsubj"), None)
    return None


_ASIDE_MAX = 30  # tokens in an aside between a speaker and its cue


def _aside_subject(view: _View, verb: Token) -> Token | None:
    """ "Jane Roe, a former ... of ..., said": the name that opens the clause when a long aside set off by
    commas made the parser lose the cue's subject (hung as a relative or participle clause, or no
    subject at all)."""
    if verb.dep_ not in {"ROOT", "acl", "ccomp", "amod"} or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    lo, _ = view.sents[view.sent_of[verb.i]]
    i = verb.i - 1
    if i <= lo or view.tokens[i].text != ",":
        return None
    j = i - 1
    while j > lo and view.tokens[j].text != "," and i - j < _ASIDE_MAX:
        if view.quote_of[j] >= 0:
            return None
        j -= 1
    if j <= lo or view.tokens[j].text != ",":
        return None
    name = view.tokens[j - 1]
    if not (name.i in view.index.by_token or name.pos_ == "PROPN") or view.quote_of[name.i] >= 0:
        return None
    first = name.i
    while (
        first > lo
        and view.tokens[first - 1].dep_ in {"compound", "flat"}
        and view.tokens[first - 1].head.i == name.i
    ):
        first -= 1
    before = [t for t in view.tokens[lo:first] if not t.is_space and t.text not in QUOTE_OPENERS]
    if before and (before[-1].text not in {",", "—", "–", "--"} or len(before) > 5):
        return None  # the name must open its clause ("Meanwhile, Jane Roe, ...")
    return name


def _inverted_subject(view: _View, verb: Token) -> Token | None:
    """ "..., said Richard Roe, president of ...": the name right after a cue the parser left without a
    subject (a name that runs into a garbled apposition is often hung elsewhere), after its modifiers
    ("said retired neurosurgeon Ben Carson, asked ..."), or a person noun ("said the woman, who ...")."""
    if verb.tag_ != "VBD" and verb.tag_ != "VBZ" or any(c.dep_ in {"auxpass", "dobj"} for c in verb.children):
        return None
    i = verb.i + 1
    lo, hi = view.sents[view.sent_of[verb.i]]
    while i < hi and view.tokens[i].pos_ == "DET":
        i += 1
    start = i
    run = _name_run(view, i, hi)
    if not run:
        while i < hi and view.tokens[i].dep_ in {"amod", "compound"} and view.tokens[i].head.i > i:
            i += 1
        run = _name_run(view, i, hi) if i > start else []
    if run and run[-1].ent_type_ in {"DATE", "TIME"}:
        return None  # "... said Wednesday": when, not who
    if run:
        return run[-1]
    noun = view.tokens[i] if i < hi else None
    if (
        noun is not None
        and view.quote_of[noun.i] < 0
        and _common_noun(noun)
        and _in_lexicons(noun, *_SPEAKER_NOUNS)
    ):
        return noun
    return None


def _name_run(view: _View, i: int, hi: int) -> list[Token]:
    """The proper-noun or actor tokens from i on, outside quotes."""
    run = []
    while i < hi and view.quote_of[i] < 0 and (view.tokens[i].pos_ == "PROPN" or i in view.index.by_token):
        run.append(view.tokens[i])
        i += 1
    return run


def _paratactic_subject(view: _View, verb: Token) -> Token | None:
    """ "Durbin, noting the size of the list, said, '...'": the parser made the participle the root and
    hung the subjectless cue on it; both are the same speaker's."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.i >= verb.i or not _is_cue(head) or view.quote_of[head.i] >= 0:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and view.quote_of[c.i] < 0), None)


def _hanging_appositive(view: _View, verb: Token) -> Token | None:
    """ "Although ... with Sanders's team, a White House official who spoke anonymously said": the
    subject the parser hung as an apposition on the clause before, ending right before the cue."""
    if verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    t = view.tokens[verb.i - 1]
    while t.head.i < verb.i and t.head.i != t.i and t.dep_ != "appos":
        t = t.head
    if t.dep_ != "appos" or t.pos_ not in {"NOUN", "PROPN"} or view.quote_of[t.i] >= 0:
        return None
    first = t.left_edge.i
    return t if first > 0 and view.tokens[first - 1].text == "," else None


def _outside_subject(view: _View, verb: Token, before_only: bool = False) -> Token | None:
    """An actor token right after (inverted) or right before the verb, outside quotes and outside its
    object (the addressee of "told")."""
    lo, hi = view.sents[view.sent_of[verb.i]]
    after = [] if before_only else list(range(verb.i + 1, min(hi, verb.i + 6)))
    heard = {t.i for c in verb.children if c.dep_ in {"dobj", "dative"} for t in c.subtree}
    for i in after + list(range(verb.i - 1, max(lo, verb.i - 6) - 1, -1)):
        if view.quote_of[i] >= 0 or i in heard:
            continue  # "..., Ramos told AFP": the object is who heard it
        t = view.tokens[i]
        if i in view.index.by_token or view.index.is_pronoun(t) or t.pos_ == "PROPN" and t.dep_ != "compound":
            return t
    return None


def _polled_group(view: _View, subj: Token) -> str | None:
    """ "those surveyed say", "those polled said": the people a poll asked speak as a group (the
    participles are data/cues.json polled_participles)."""
    if subj.lower_ != "those" or subj.i + 1 >= len(view.tokens):
        return None
    part = view.tokens[subj.i + 1]
    if part.head.i != subj.i or part.dep_ != "acl" or part.lower_ not in cues()["polled_participles"]:
        return None
    words = [subj, part]
    return view.index._add(f"{subj.lower_} {part.lower_}", ActorType.GROUP, words, DESCRIPTION_LABEL)


def _actor_of(view: _View, subj: Token) -> _Speaker | None:
    if view.is_masked(subj.idx, subj.idx + len(subj.text)):
        return None
    index = view.index
    pronoun = index.is_pronoun(subj) or subj.lower_ == "it" and subj.dep_ in _SUBJECTS
    actor = _titled_person(view, subj) or index.actor_at(subj)
    if actor is None and not pronoun:
        k = view.sent_of[subj.i]
        clauses = {x.i for c in subj.children if c.dep_ in {"relcl", "acl"} for x in c.subtree}
        phrase = [
            t
            for t in subj.subtree
            if view.sent_of[t.i] == k and t.i not in clauses and not (t.dep_ == "poss" and t.pos_ == "PRON")
        ]
        if subj.pos_ == "NOUN" and _is_title_word(subj):  # "ECFR fellow Camille Grand": the person
            people = [t for t in phrase if index.types.get(index.by_token.get(t.i, "")) is ActorType.PERSON]
            if people:
                phrase = people
        phrase = [t for t in phrase if not _country_modifier(view, t)]
        if _common_noun(subj) and not _speaker_noun(subj):  # "aid to Ukraine halted": not Ukraine
            inside = {x.i for c in subj.children if c.dep_ == "prep" and c.lower_ != "of" for x in c.subtree}
            phrase = [t for t in phrase if t.i not in inside]
        actor = (
            index.group_actor(subj, cues()["group_speakers"])
            or _polled_group(view, subj)
            or _country_body(view, subj)
            or index.actor_in(phrase)
            or index.speaker_actor(subj)
            or _apposed_name(view, subj)
            or index.described_actor(subj)
        )
    if actor is None:
        actor = _own_author(view, subj) or _document_author(view, subj)
        if actor is None and not pronoun:
            actor = _described_speaker(view, subj)
        if actor is None and not pronoun and _definite_reference(subj):
            return _Speaker("", 0.6, subj.i)  # "the minister said": resolved like "she said"
        if actor is None and not pronoun:  # "the report said", "new figures show": the document itself
            source = _source_actor(view, subj, list(view.doc[subj.left_edge.i : subj.i + 1]))
            return replace(source, confidence=0.5) if source else None
        if actor is None and pronoun:
            return _Speaker("", 0.7, subj.i)  # resolved with the other statements, in text order
        return _Speaker(actor, 0.6) if actor else None
    return _Speaker(actor, 0.75, subj.i) if pronoun else _Speaker(actor, 0.9)


def _country_modifier(view: _View, t: Token) -> bool:
    """True for a country that only modifies a noun for a person ("a U.S. official", "the former first
    lady and U.S. senator") or a data source ("according to U.S. Census data"): the person or the
    source speaks, not the country."""
    if t.dep_ not in {"compound", "nmod", "amod", "poss"}:
        return False
    if view.index.types.get(view.index.by_token.get(t.i, "")) is not ActorType.COUNTRY:
        return False
    head = t.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    lex = cues()
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and (
        lemma in lex["person_nouns"] or lemma in lex["group_speakers"] or _is_source_noun(head)
    )


_SPEAKER_NOUNS = ("person_nouns", "group_speakers", "organization_nouns")  # heads of unnamed speakers


def _in_lexicons(tok: Token, *keys: str) -> bool:
    """True when the word's lemma or its form is in one of these cues.json lists."""
    lex = cues()
    lemma = tok.lemma_.lower()
    return any(lemma in lex[k] or tok.lower_ in lex[k] for k in keys)


def _speaker_noun(tok: Token) -> bool:
    """A noun that may head a speaker's phrase: a person, group, organisation, share, source or document."""
    return _is_source_noun(tok) or _in_lexicons(tok, *_SPEAKER_NOUNS, "partitive_nouns", "document_nouns")


def _is_source_noun(tok: Token) -> bool:
    """A document or data noun of cues.json source_nouns, by lemma or by its form ("data", whose lemma
    is "datum")."""
    words = cues()["source_nouns"]
    return tok.lemma_.lower() in words or tok.lower_ in words


_NOT_SPEAKER_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC"}
)
_LEFT_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "case", "advmod", "npadvmod", "hyph"})
_RIGHT_MODIFIERS = frozenset({"prep", "acl", "amod"})
_MAX_DESCRIPTION = 8  # tokens in the name of an unnamed speaker
_DEFINITE = frozenset({"the", "this", "that"})


def _described_speaker(view: _View, subj: Token) -> str | None:
    """An unnamed speaker ("a senior official said", "critics argue", "the campaign said", "people
    close to the president say") as an actor of the document named by the noun with its modifiers:
    a group when plural, an organisation for an organisation noun, else a person ("a spokesman",
    "the senior official"; a role noun whose named holder the actor stage knows is that person, found
    before). Left out: a bare "the minister" (someone the article named, see `_definite_reference`).
    A bare "the spokesman" or "his brother" that no earlier description or role holder accounts for is
    an unnamed person of its own ("spokesman", "brother"): news introduces such sources by that noun
    alone. One actor per document and name (the corpus stage never merges them across documents).
    Only nouns for people and organisations (data/cues.json) qualify: never a pronoun, a document or
    an abstraction."""
    lex = cues()
    head = subj
    if head.lemma_.lower() in lex["partitive_nouns"] or head.ent_type_ == "PERCENT" or head.pos_ == "NUM":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        head = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if head is None:
            return _share_of_people(view, subj)  # "52 percent said", "about 4 in 10 say": poll answers
    lemma = head.lemma_.lower()
    if (
        not _common_noun(head)
        or not _in_lexicons(head, *_SPEAKER_NOUNS)
        or head.ent_type_ in _NOT_SPEAKER_ENTS
        or view.quote_of[head.i] >= 0
        or not head.text[:1].isalpha()
    ):
        return None
    k = view.sent_of[head.i]
    lo = hi = head.i
    while lo > 0 and view.sent_of[lo - 1] == k:
        t = view.tokens[lo - 1]
        if t.dep_ not in _LEFT_MODIFIERS or not lo - 1 < t.head.i <= head.i or t.pos_ == "PRON":
            break
        lo -= 1
    for c in head.rights:  # "people close to the president", "officials briefed on the talks"
        sub = list(c.subtree)
        if (
            c.dep_ not in _RIGHT_MODIFIERS
            or sub[0].i != hi + 1
            or sub[-1].i - lo >= _MAX_DESCRIPTION
            or any(t.is_punct or view.sent_of[t.i] != k or view.quote_of[t.i] >= 0 for t in sub)
        ):
            break
        hi = sub[-1].i
    while view.tokens[lo].dep_ == "case" or view.tokens[lo].is_punct:
        lo += 1
    tokens = view.tokens[lo : hi + 1]
    name = view.doc[lo : hi + 1].text
    if head.tag_ in {"NNS", "NNPS"}:
        kind = ActorType.GROUP
    elif lemma in lex["organization_nouns"]:
        kind = ActorType.ORGANIZATION
    elif len(tokens) == 1 and _definite_reference(head):
        return None  # "the minister said": someone named before (see `_definite_reference`)
    else:
        kind = ActorType.PERSON
    return view.index._add(name, kind, tokens, DESCRIPTION_LABEL)


def _common_noun(tok: Token) -> bool:
    """A noun, or a lowercase word the tagger took for a proper noun ("the business mogul told")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()


def _definite_reference(subj: Token) -> bool:
    """True for a bare singular person noun with a definite article ("the minister", "the
    actress"): in news it refers back to a person the article named."""
    return (
        _common_noun(subj)
        and subj.tag_ in {"NN", "NNP"}
        and subj.lemma_.lower() in cues()["person_nouns"]
        and subj.lemma_.lower() not in cues()["unnamed_source_nouns"]
        and [(c.dep_, c.lower_ in _DEFINITE) for c in subj.children] == [("det", True)]
    )


def _share_of_people(view: _View, subj: Token) -> str | None:
    """ "52 percent said ...", "about 4 in 10 say ...": the share of those polled who answered so, a
    group of the document named by the figure."""
    words = [t for t in subj.subtree if view.sent_of[t.i] == view.sent_of[subj.i]]
    figure = (
        subj.ent_type_ == "PERCENT"
        or subj.lower_ in {"percent", "%"}
        or subj.pos_ == "NUM"
        and any(c.dep_ in {"prep", "quantmod"} and c.lower_ == "in" for c in subj.children)
        or subj.pos_ == "NOUN"
        and subj.lemma_.lower() in cues()["partitive_nouns"]  # "a majority said"
    )
    if (
        not figure
        or not words
        or len(words) > 6
        or any(view.quote_of[t.i] >= 0 or t.is_punct and t.text not in _DASHES | {"%"} for t in words)
    ):
        return None
    if words[-1].i - words[0].i + 1 != len(words):
        return None
    if len(words) > 1 and words[0].pos_ == "DET":
        words = words[1:]  # "a majority": named like the other unnamed speakers, without its article
    name = view.doc[words[0].i : words[-1].i + 1].text
    return view.index._add(name, ActorType.GROUP, words, DESCRIPTION_LABEL)


def _country_body(view: _View, subj: Token) -> str | None:
    """ "The U.S. Geological Survey said", "the U.S. Department of Education says": a body whose proper
    name starts with a country the model tagged alone speaks as an organisation named by the whole name,
    not as the country. Never a person's title ("U.S. Ambassador Jane Roe") or a person's name."""
    index = view.index
    if subj.pos_ != "PROPN" or subj.i in index.by_token or subj.ent_type_ not in {"", "ORG"}:
        return None
    k = view.sent_of[subj.i]
    lo = subj.i
    while lo > 0 and view.sent_of[lo - 1] == k:
        t = view.tokens[lo - 1]
        if (
            t.dep_ not in {"compound", "nmod", "amod"}
            or not lo <= t.head.i <= subj.i
            or not t.text[:1].isupper()
        ):
            break
        lo -= 1
    hi = subj.i
    of = next((c for c in subj.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi + 1), None)
    if of is not None:
        words = list(of.subtree)
        if all(t.text[:1].isupper() or t.lower_ in {"and", "of", "&"} for t in words[1:]):
            hi = words[-1].i  # "of Education", "of Health and Human Services"
    name = view.tokens[lo : hi + 1]
    countries = [t for t in name if index.types.get(index.by_token.get(t.i, "")) is ActorType.COUNTRY]
    others = [t for t in name if t.i not in index.by_token and t.pos_ == "PROPN"]
    if (
        not countries
        or countries[0].i != lo
        or not others
        or any(_is_title_word(t) for t in name)
        or any(t.i in index.by_token and t not in countries for t in name)
        or any(view.quote_of[t.i] >= 0 for t in name)
    ):
        return None
    return index._add(view.doc[lo : hi + 1].text, ActorType.ORGANIZATION, name)


def _apposed_name(view: _View, subj: Token) -> str | None:
    """ "the Vatican spokesman, Federico Lombardi, said": the name in apposition to a role noun."""
    for c in subj.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and view.sent_of[c.i] == view.sent_of[subj.i]:
            return view.index.actor_at(c) or view.index.speaker_actor(c)
    return None


def _titled_person(view: _View, subj: Token) -> str | None:
    """ "ECFR fellow Camille Grand", "Kremlin spokesman Dmitry Peskov": the person a role word introduces,
    even where the parser made the organisation the head of the subject."""
    index = view.index
    if subj.pos_ not in {"PROPN", "NOUN"}:
        return None
    k = view.sent_of[subj.i]
    for t in subj.subtree:
        actor = index.by_token.get(t.i)
        if actor is None or index.types.get(actor) is not ActorType.PERSON or view.sent_of[t.i] != k:
            continue
        before = view.tokens[t.i - 1] if t.i > 0 else None
        if before is not None and index.by_token.get(before.i) != actor and _is_title_word(before):
            return actor
    return None


def _is_title_word(tok: Token) -> bool:
    from kg.actors.gazetteer import lexicon

    lex = lexicon()
    low = tok.lower_
    return low in lex["titles"] or low in lex.get("title_heads", frozenset())


def _own_author(view: _View, noun: Token) -> str | None:
    """ "a summary of the survey, compiled by X" / "X's report": the author named in the phrase itself."""
    if noun.lemma_.lower() not in cues()["document_nouns"]:
        return None
    k = view.sent_of[noun.i]
    for t in noun.subtree:
        if view.sent_of[t.i] == k and t.dep_ in {"poss", "pobj"} and _by_or_poss(t, noun):
            actor = view.index.actor_in(list(t.subtree))
            if actor is not None:
                return actor
    return None


def _document_author(view: _View, subj: Token) -> str | None:
    """ "the report says" / "the letter says": the actor named as author of that document nearby
    ("a report by X", "X's letter", "the letter, drafted by X")."""
    nouns = cues()["document_nouns"]
    if subj.lemma_.lower() not in nouns:
        return None
    k = view.sent_of[subj.i]
    first = view.sents[max(0, k - 2)][0]
    for i in range(subj.i - 1, first - 1, -1):
        tok = view.tokens[i]
        if tok.lemma_.lower() in nouns and tok.pos_ == "NOUN":
            authors = [t for t in tok.subtree if t.dep_ in {"poss", "pobj"} and _by_or_poss(t, tok)]
            for t in authors:
                actor = view.index.actor_in(list(t.subtree))
                if actor is not None:
                    return actor
    return None


def _by_or_poss(t: Token, noun: Token) -> bool:
    """A possessor of the noun, or the object of a "by"/"from" that belongs to it."""
    if t.dep_ == "poss":
        return t.head.i == noun.i
    return t.head.lower_ in {"by", "from"}


def _cue_text(view: _View, verb: Token) -> str:
    """The reporting expression: the verb plus what completes it ("told reporters", "wrote on X")."""
    tokens = [verb]
    nouns = cues()["document_nouns"]
    for child in verb.children:
        completes = child.dep_ in {"prt", "dative"} or (child.dep_ == "dobj" and verb.lemma_ == "tell")
        where = child.dep_ == "prep" and child.lower_ in {"on", "in"} and verb.lemma_ in {"write", "post"}
        when = child.dep_ == "npadvmod" and child.ent_type_ in {"DATE", "TIME"}  # "said Friday"
        medium = (  # "said in a statement", "said in an interview"
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(p.dep_ == "pobj" and p.lemma_.lower() in nouns | {"interview"} for p in child.children)
        )
        if completes or where:
            tokens.extend(child.subtree)
        elif (when or medium) and child.left_edge.i == max(t.i for t in tokens) + 1:
            tokens.extend(child.subtree)  # only right after the verb: never the speaker in between
    lo, hi = view.sents[view.sent_of[verb.i]]
    tokens = sorted(t for t in tokens if lo <= t.i < hi) or [verb]
    text = verb.doc[tokens[0].i : tokens[-1].i + 1].text
    return text.split("\n")[0].strip()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and separating punctuation (keep final . ? !)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _make(
    view: _View,
    speaker: str,
    start: int,
    end: int,
    kind: QuoteType,
    cue: str,
    confidence: float,
    topics: Sequence[Topic],
) -> Statement | None:
    text = view.text
    start, end = _trim(text, *view.clip_masked(start, end))
    if end - start < 2 or view.is_masked(start, end):
        return None
    first, last = view.sent_of[view.token_at(start)], view.sent_of[view.token_at(end - 1)]
    s_start, s_end = view.sent_chars(first)[0], view.sent_chars(last)[1]
    s_start, s_end = min(s_start, start), max(s_end, end)
    quote = text[start:end]
    span = view.doc.char_span(start, end, alignment_mode="expand")
    sentence_span = view.doc.char_span(s_start, s_end, alignment_mode="expand")  # the cue carries the stance
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
        topics=topics_for(span, topics) if span is not None and topics else (),
        stance=stance_for(sentence_span) if sentence_span is not None else None,
    )


def _paragraph_clip(view: _View, lo: int, hi: int, anchor: int) -> tuple[int, int] | None:
    """Clip a token range to the line (paragraph) of the anchor token: content never crosses one."""
    line = view.line_of(view.starts[anchor])
    while lo < hi and view.line_of(view.starts[lo]) < line:
        lo += 1
    while hi > lo and view.line_of(view.starts[hi - 1]) > line:
        hi -= 1
    while lo < hi and view.tokens[lo].is_space:
        lo += 1
    while hi > lo and view.tokens[hi - 1].is_space:
        hi -= 1
    return (lo, hi) if lo < hi else None


def _complement(view: _View, verb: Token) -> tuple[int, int] | None:
    """Token range of the clause a cue verb reports, with its complementiser ("that NATO would ...")."""
    after = [c for c in verb.rights if c.dep_ == "ccomp"]
    for child in after or verb.lefts:  # a clause after the cue before one the parser hung before it
        if child.dep_ != "ccomp" or view.sent_of[child.i] != view.sent_of[verb.i]:
            continue
        sub = list(child.subtree)
        if view.quote_of[child.i] < 0 or any(
            view.quote_of[t.i] < 0 and not (t.is_punct or t.is_space) for t in sub
        ):
            if not sub:
                return None
            if child.i < verb.i:  # "X ..., Y said": all before the cue clause is what Y said
                lo = min(sub[0].i, view.sents[view.sent_of[verb.i]][0])
                first = min([verb.i] + [t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree])
                hi = _reason_after(view, verb) or max(sub[-1].i + 1, first)
                return _paragraph_clip(view, lo, hi, verb.i)
            lo = sub[0].i if sub[0].i > verb.i else verb.i + 1  # never the cue itself ("that X said was")
            lo = _subject_taken_as_object(view, verb, lo)
            hi = _join_split_clause(after, child, sub[-1].i + 1)
            return _paragraph_clip(view, lo, _extend_right(view, verb, hi), verb.i)
    return _displaced_that_clause(view, verb)


def _subject_taken_as_object(view: _View, verb: Token, lo: int) -> int:
    """ "X said his focus groups and research show that ...": the parser took the clause's subject for the
    object of "say" (which takes none before a clause) and its verb for a noun; the content starts there."""
    if verb.lemma_.lower() != "say":
        return lo
    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < lo), None)
    if obj is None:
        return lo
    sub = list(obj.subtree)
    if sub[-1].i + 1 != lo or any(view.quote_of[t.i] >= 0 or t.is_punct for t in sub):
        return lo
    return sub[0].i


def _reason_after(view: _View, verb: Token) -> int | None:
    """ "That is cause for celebration, he said, because Russians live longer": a because-clause after
    the cue, set off by a comma, is the reason the speaker gave, so the statement runs to its end (the
    cue words inside it, as for a cue that interrupts a clause)."""
    k = view.sent_of[verb.i]
    for c in verb.rights:
        if (
            c.dep_ == "advcl"
            and view.sent_of[c.right_edge.i] == k
            and view.tokens[c.left_edge.i - 1].text == ","
            and any(m.dep_ == "mark" and m.lower_ == "because" and m.i == c.left_edge.i for m in c.children)
        ):
            return c.right_edge.i + 1
    return None


def _join_split_clause(clauses: list[Token], child: Token, hi: int) -> int:
    """ "told delegates that getting rid of 'career sexism' was vital": the parser may cut one clause
    into two complements of the cue, the second without a subject or complementiser of its own, right
    after the first; the reported clause runs to the end of the second."""
    for nxt in clauses[clauses.index(child) + 1 :]:
        if nxt.left_edge.i != hi or any(c.dep_ in {*_SUBJECTS, "mark", "expl"} for c in nxt.children):
            break
        hi = nxt.right_edge.i + 1
    return hi


def _displaced_that_clause(view: _View, verb: Token) -> tuple[int, int] | None:
    """ "X stated after a meeting with Y that Z is ...", "X said in a statement that Z is ...": a
    that-clause the parser hung on a noun in between (as a relative clause whose verb has a subject
    of its own, or as a clause of the noun of a phrase on the cue)."""
    lo, hi = view.sents[view.sent_of[verb.i]]
    for i in range(verb.i + 1, min(hi, verb.i + 15)):
        t = view.tokens[i]
        if t.lower_ != "that" or view.quote_of[i] >= 0:
            continue
        h = t.head
        noun = h.head  # "said in a statement | that ...": the clause hung on the phrase's noun
        in_phrase = (
            h.dep_ == "acl"
            and t.dep_ == "mark"
            and noun.dep_ == "pobj"
            and noun.head.dep_ == "prep"
            and noun.head.head.i == verb.i
        )
        if not (h.dep_ == "relcl" or in_phrase) or not any(
            c.dep_ in {"nsubj", "csubj", "nsubjpass"} and c.i != t.i for c in h.children
        ):
            return None
        sub = [x for x in h.subtree if x.i > i]
        if not sub or not any(a.i == verb.i for a in h.ancestors):
            return None
        return _paragraph_clip(view, sub[0].i, sub[-1].i + 1, verb.i)
    return None


_CONTRAST_MARKS = frozenset({"while", "though", "although", "as", "whereas"})
_TIME_MARKS = frozenset({"after", "before", "when", "since", "until"})
_CLAUSE_PREPS = frozenset({"by", "with", "of", "than", "for", "from", "into", "against"})


def _extend_right(view: _View, verb: Token, hi: int) -> int:
    """End of the reported content: clauses after the complement that belong to it ("..., because ...",
    "..., and that ...", a clause whose "and" the complement ends with) hang on the cue verb in the parse;
    contrasts (", while ...", ", though ..."), times set off by a comma (", after he ..."), other clauses
    joined to the cue ("..., but she has ...", "and has championed ...") and participles (", conceding
    ...") do not."""
    for c in verb.children:
        if c.i < hi or view.sent_of[c.i] != view.sent_of[verb.i]:
            continue
        participle = c.tag_ in {"VBG", "VBN"} and not any(m.dep_ == "mark" for m in c.children)
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        aside = bool(marks & _TIME_MARKS) and view.tokens[c.left_edge.i - 1].text == ","  # ", after he"
        clause = c.dep_ == "advcl" and not participle and not marks & _CONTRAST_MARKS and not aside
        dangling = view.tokens[hi - 1].dep_ == "cc" or view.tokens[c.left_edge.i].lower_ == "that"
        own = c.dep_ == "conj" and dangling and any(x.dep_ in _SUBJECTS for x in c.children)
        but = _but_clause(view, verb, c, hi)
        stray = (  # "said the vote would be aided | by the calendar": a phrase of the clause the parser
            c.dep_ in {"agent", "prep"}  # hung on the cue, right after it and with no date in it
            and c.i == hi
            and (c.dep_ == "agent" or c.lower_ in _CLAUSE_PREPS)
            and not any(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree)
        )
        if clause or own or stray or but:
            hi = max(hi, max(t.i for t in c.subtree) + 1)
    return hi


def _but_clause(view: _View, verb: Token, c: Token, hi: int) -> bool:
    """ "X says A, but B": a clause with a subject of its own joined by "but" right after the
    content, which the parser hung on the cue, goes on with what was said, unless it is a report
    (or a negation) of its own or its subject is a pronoun for the speaker."""
    if c.dep_ != "conj" or c.pos_ not in {"VERB", "AUX"} or _is_cue(c):
        return False
    cc = next((x for x in verb.children if x.dep_ == "cc" and hi <= x.i < c.i), None)
    if cc is None or cc.lower_ != "but" or any(x.dep_ == "neg" for x in c.children):
        return False
    subj = next((x for x in c.children if x.dep_ in _SUBJECTS), None)
    return subj is not None and subj.pos_ in {"NOUN", "PROPN"}


_TAIL_DEPS = frozenset({"appos", "relcl"})
_TAIL_MARKS = frozenset({",", "—", "–", "-", "--", "(", ";"})


def _trim_tail(view: _View, lo: int, hi: int) -> tuple[int, int]:
    """Drop what trails the reported proposition after a comma or dash: an apposition ("..., a federal
    provision that ...") or a non-restrictive relative clause ("..., which votes on ..."), the writer's
    gloss. A trailing participle (", compared to ...") stays: it is part of what was said."""
    for t in view.tokens[lo:hi]:
        if t.dep_ not in _TAIL_DEPS or t.head.i < lo or t.head.i >= hi:
            continue
        first = min(x.i for x in t.subtree)
        mark = first - 1
        if mark - 1 > lo and view.tokens[mark].text in _CLOSERS and view.tokens[mark - 1].text == ",":
            mark -= 1  # '... the words "radical Islam," another moment ...': the comma inside the quote
        if mark <= lo or view.tokens[mark].text not in _TAIL_MARKS:
            continue
        if t.dep_ == "relcl" and view.tokens[first].lower_ not in {"which", "who", "whose", "where", "when"}:
            continue
        if t.dep_ == "appos" and any(c.dep_ == "conj" for c in t.children):
            continue  # "differ on Israel, the nuclear deal and ...": a list the content goes on with
        if max(x.i for x in t.subtree) < hi - 2:
            continue  # not at the end of the content
        cut = first if mark < first - 1 else first - 1  # a closing quote mark stays with its quote
        if sum(1 for x in view.tokens[lo:cut] if not x.is_punct) >= 3:
            return lo, cut
    return lo, hi


def _whole_quotes(view: _View, lo: int, hi: int) -> tuple[int, int]:
    """Widen a token range so that it never cuts a quotation in two (within the paragraph)."""
    first, last = view.quote_of[lo], view.quote_of[hi - 1]
    if first >= 0:
        lo = min(lo, view.token_at(view.quotes[first].open_at))
    if last >= 0:
        close = view.token_at(view.quotes[last].close_at)
        if view.line_of(view.starts[close]) == view.line_of(view.starts[hi - 1]):
            hi = max(hi, close + 1)
    return lo, hi


def _inverted(view: _View, verb: Token) -> bool:
    """True for a cue that follows the quote it reports ("'...,' he said")."""
    k = view.sent_of[verb.i]
    if view.quote_of[verb.head.i] >= 0 and view.sent_of[verb.head.i] == k:
        return True
    return any(
        c.i < verb.i
        and view.quote_of[c.i] >= 0
        and c.dep_ in {"ccomp", "parataxis", "dobj"}
        and view.sent_of[c.i] == k
        and view.quotes[view.quote_of[c.i]].open_at <= c.left_edge.idx + 1  # not a fragment inside it
        for c in verb.children
    )


def _reports(view: _View, verb: Token) -> bool:
    """False for cues that do not report here: inside a restrictive relative clause ("voters who say",
    "a decision he believes was ...")."""
    if verb.dep_ == "amod":
        return False  # "pledged delegates", "the promised land"
    if verb.dep_ != "relcl":
        return True
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return False
    if subj.lower_ not in RELATIVE_PRONOUNS and any(
        c.dep_ == "advmod" and c.lower_ == "when" and c.i < subj.i for c in verb.children
    ):
        return True  # "in December, when Jane Roe called him ...": a time, not a restriction
    if subj.lower_ not in RELATIVE_PRONOUNS:  # "the money that officials said was missing": a report
        return verb.lemma_ in cues()["relative_reports"] and any(c.dep_ == "ccomp" for c in verb.children)
    return subj.i > 0 and view.tokens[subj.i - 1].text == ","


def _fragment_phrase(view: _View, verb: Token, quote: int) -> tuple[int, int] | None:
    """The phrase after a cue verb that carries a quoted fragment ("called them 'deplorables'")."""
    q = view.quotes[quote]
    k = view.sent_of[verb.i]
    addressee = {"dative"} | ({"dobj"} if verb.lemma_ == "tell" else set())  # "told 'Fox and Friends'"
    right = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in _CONTENT_DEPS | {"ccomp"}
        and c.dep_ not in addressee
        and view.sent_of[c.i] == k
    ]
    for c in right:
        sub = list(c.subtree)
        if sub[0].idx <= q.start and view.last_word_end(q) <= sub[-1].idx + len(sub[-1].text):
            if _is_cue(c):
                return None  # "said at a rally, adding that ... 'Mexican'": the other cue's quote
            first = min(
                (r for r in right if not r.is_punct and (r.dep_ != "npadvmod" or r is c)), key=lambda r: r.i
            )  # not "said Wednesday, '...'": a time before the words
            lo = min(t.i for t in first.subtree)
            return _paragraph_clip(view, lo, sub[-1].i + 1, verb.i)
    return None


def _quotes_in(view: _View, lo: int, hi: int) -> list[int]:
    """Quotes whose words lie inside the token range [lo, hi) (their marks and final stop may not)."""
    start = view.starts[lo]
    end = view.starts[hi - 1] + len(view.tokens[hi - 1].text)
    return [k for k, q in enumerate(view.quotes) if start <= q.start and view.last_word_end(q) <= end]


def _words_outside(view: _View, lo: int, hi: int, inside: Iterable[int]) -> int:
    spans = [(view.quotes[k].open_at, view.quotes[k].close_at) for k in inside]
    n = 0
    for t in view.tokens[lo:hi]:
        if t.is_punct or t.is_space or any(a <= t.idx <= b for a, b in spans):
            continue
        n += 1
    return n


@dataclass
class _Found:
    """A statement in the making: who, which characters, how it was reported."""

    speaker: str
    start: int
    end: int
    kind: QuoteType
    cue: str
    confidence: float
    pronoun: int = -1


def _cue_statements(
    view: _View, cue_tokens: list[Token], consumed: dict[int, tuple[_Speaker | None, str]]
) -> list[_Found]:
    """Indirect and mixed statements of every cue; quotes a cue reports directly go to `consumed`."""
    lexicon = cues()
    out: list[_Found] = []
    cue_set = {t.i for t in cue_tokens}
    for verb in cue_tokens:
        if not _reports(view, verb):
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        span = _complement(view, verb)
        if span is not None and _inverted(view, verb) and view.tokens[span[0]].lower_ != "that":
            span = None
        if span is None and verb.lemma_.lower() in lexicon["gerund_content"]:
            span = _gerund_content(view, verb)
        if span is None:
            span = _gerund_subject_clause(view, verb)
        if span is None:
            span = _sentence_before(view, verb)
        quoted = _quotes_in(view, *span) if span else []
        if span is None:
            near = [k for k in _sentence_quotes(view, verb) if view.quotes[k].open_at > verb.idx]
            for k in near:
                span = _fragment_phrase(view, verb, k)
                if span is not None:
                    quoted = _quotes_in(view, *span)
                    break
        nominal = False
        request = False
        if span is None and verb.lemma_.lower() in lexicon["object_infinitive"]:
            span = _object_infinitive(view, verb)
            request = span is not None
        if span is None and verb.lemma_.lower() not in lexicon["direct_only"]:
            span = _host_clause(view, verb)
            quoted = _quotes_in(view, *span) if span else []
        if span is None and verb.lemma_.lower() not in lexicon["direct_only"]:
            span = _nominal_content(view, verb)
            nominal = span is not None
        if span is None:
            continue
        speaker = _speaker(view, verb)
        if speaker is None or negated:
            continue
        lo, hi = _whole_quotes(view, *_cut_other_report(view, verb, *_trim_tail(view, *span), cue_set))
        start = view.starts[lo]
        end = view.starts[hi - 1] + len(view.tokens[hi - 1].text)
        cue = _cue_text(view, verb)
        quoted = [  # what is left inside once the content was cut ('posted a comment, | saying, "..."')
            k for k in quoted if start <= view.quotes[k].start and view.last_word_end(view.quotes[k]) <= end
        ]
        outside = _words_outside(view, lo, hi, quoted) if quoted else 0
        inside = sum(view.words(view.quotes[k].start, view.quotes[k].end) for k in quoted)
        if quoted and (outside == 0 or outside <= 2 and inside >= 6):
            for k in quoted:
                consumed.setdefault(k, (speaker, cue))
            continue
        lemma = verb.lemma_.lower()
        if not quoted and (lemma in lexicon["direct_only"] and not request or view.words(start, end) < 3):
            continue
        kind = QuoteType.MIXED if quoted else QuoteType.INDIRECT
        for k in quoted:
            consumed.setdefault(k, (None, ""))  # reported inside the paraphrase
        conf = speaker.confidence - (0.35 if nominal else 0.2)
        out.append(_Found(speaker.actor, start, end, kind, cue, conf, speaker.pronoun))
    return out


_JOINERS = frozenset({",", ";", "and", "but", "while", "whereas", "as", "—", "–", "-", "--"})


def _cut_other_report(view: _View, verb: Token, lo: int, hi: int, cue_set: set[int]) -> tuple[int, int]:
    """End the content before a second report joined to it ("X said A, while Y said B", "X said A, and
    Y said B", "..., according to Z"): B is Y's statement, not X's; and before a contrast the writer adds
    after a comma ("X said A, while B ...")."""
    for i in range(lo + 1, hi):
        t = view.tokens[i]
        if view.quote_of[i] >= 0:
            continue
        after_comma = view.tokens[i - 1].text == ","
        according = t.lower_ in cues()["according"] and i + 1 < hi and view.tokens[i + 1].lower_ == "to"
        contrast = t.lower_ in {"while", "whereas"} and t.dep_ == "mark" and t.head.dep_ == "advcl"
        if contrast and t.head.i < t.head.head.i < hi:
            contrast = False  # "says the scandal, while troublesome, was handled": an aside before its verb
        if after_comma and (according or contrast):
            if sum(1 for x in view.tokens[lo : i - 1] if not x.is_punct) >= 3:
                return lo, i - 1
            continue
        if i not in cue_set or t.dep_ not in {"conj", "advcl"} or not _second_report(view, t):
            continue
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in t.children):
            continue  # "he was riding the fence until Haley said ...": a clause of the content
        subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
        if subj is None:  # ", saying ...", "and suggested that ...": the speaker's next statement
            j = t.i - 1
            while j > lo and view.tokens[j].text in _CLOSERS:
                j -= 1  # '..., "expanded the party," claiming ...'
            if j <= lo or view.tokens[j].lower_ not in {",", "and"}:
                continue
            if t.head.i != verb.i and t.tag_ != verb.tag_ and t.tag_ != "VBG":
                continue  # "says he'd sit X down and tell him ...": a verb of the content, not the speaker's
        elif not lo < subj.i < i or subj.lower_ in RELATIVE_PRONOUNS or view.index.is_pronoun(subj):
            continue
        cut = min(x.i for x in t.subtree if x.i >= lo)
        while cut - 1 > lo and view.tokens[cut - 1].lower_ in _JOINERS:
            cut -= 1
        if sum(1 for x in view.tokens[lo:cut] if not x.is_punct) >= 3:
            return lo, cut
    return lo, hi


_CLOSERS = frozenset({'"', "”", "’", "''", "'"})
_SUBORDINATORS = frozenset({"until", "till", "after", "before", "once", "because", "since", "unless", "if"})


def _second_report(view: _View, t: Token) -> bool:
    """True when a cue inside reported content reports something itself: a verb that reports only a
    quotation ("continue", "call") does so only with a clause or a quote of its own ("and that the
    committee would continue to investigate" goes on with the first report)."""
    if t.lemma_.lower() not in cues()["direct_only"] or any(c.dep_ == "ccomp" for c in t.children):
        return True
    return any(view.quote_of[x.i] >= 0 for x in t.subtree)


def _sentence_before(view: _View, verb: Token) -> tuple[int, int] | None:
    """ "..., said X, a former official." / "..., X said.": a bare cue clause that closes its sentence
    after a comma reports all of the sentence before it, however the parser hung the cue."""
    if verb.dep_ in {"relcl", "acl", "amod", "xcomp", "advcl"} or any(
        c.dep_ in {"ccomp", "dobj", "xcomp", "dative", "prep"} and not _addressee(verb, c)
        for c in verb.children
        if c.i > verb.i
    ):
        return None
    lo, hi = view.sents[view.sent_of[verb.i]]
    own = [t.i for t in verb.subtree]  # the cue, its subject and their punctuation only
    first = min(own)
    if first <= lo + 2 or max(own) >= hi:
        return None
    after = view.tokens[max(own) + 1 : hi]
    if any(not t.is_punct and not t.is_space for t in after) or view.tokens[first - 1].text != ",":
        return None
    if any(view.quote_of[i] >= 0 for i in range(lo, first)):
        return None  # quotes are given to their cue with the quotes
    return _paragraph_clip(view, lo, first - 1, verb.i)


def _addressee(verb: Token, child: Token) -> bool:
    """ "told reporters", "told The Post": the object of "tell" is who heard it, not what was said."""
    return (
        verb.lemma_.lower() == "tell"
        and child.dep_ in {"dobj", "dative"}
        and child.pos_ in {"PROPN", "NOUN", "PRON"}
    )


def _host_clause(view: _View, verb: Token) -> tuple[int, int] | None:
    """For a parenthetical cue ("X will, Y said, ...", "as Y reported, X ..."): the clause it interrupts,
    its longest stretch outside the cue's own words."""
    head = verb.head
    k = view.sent_of[verb.i]
    if head.i == verb.i or view.sent_of[head.i] != k or view.quote_of[head.i] >= 0:
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if not (verb.dep_ == "parataxis" or verb.dep_ == "advcl" and marks & {"as"} or _set_off(view, verb)):
        return None
    if any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "aux"} and c.lower_ not in {"it", "has", "have", "had"}
        for c in verb.children
    ):
        return None  # not a bare "X said" / "as X reported" but a clause of its own
    own = {t.i for t in verb.subtree} - _leading_adverbial(verb) - _trailing_adverbial(view, verb)
    if len(own) > 10:
        return None
    lo_s, hi_s = view.sents[k]
    tokens = [t.i for t in head.subtree if t.i not in own and lo_s <= t.i < hi_s]
    runs: list[list[int]] = []
    for i in tokens:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=lambda r: sum(1 for i in r if not view.tokens[i].is_punct), default=None)
    if not best:
        return None
    if _interrupts(view, runs, min(own), max(own)):  # "Many of them, he said, have closed": both sides
        best = [runs[0][0], runs[-1][-1]]
    return _paragraph_clip(view, best[0], best[-1] + 1, verb.i)


def _set_off(view: _View, verb: Token) -> bool:
    """ "If anything, Ash argued in his email, the incident is ...": a cue the parser made the complement
    of the clause it interrupts, set off by commas before that clause's verb."""
    if verb.dep_ != "ccomp" or verb.head.i < verb.i:
        return False
    leading = _leading_adverbial(verb)
    own = [t.i for t in verb.subtree if t.i not in leading and not t.is_punct]
    lo, hi = min(own), max(own)
    return (
        hi + 1 < len(view.tokens)
        and view.tokens[hi + 1].text == ","
        and (lo == view.sents[view.sent_of[verb.i]][0] or view.tokens[lo - 1].text == ",")
    )


def _trailing_adverbial(view: _View, verb: Token) -> set[int]:
    """ "X rammed a crowd, officials said, before being shot": a phrase set off by a comma after a
    parenthetical cue belongs to the clause it interrupts."""
    out: set[int] = set()
    for c in verb.rights:
        sub = list(c.subtree)
        if c.dep_ in {"prep", "advcl"} and sub[0].i > 0 and view.tokens[sub[0].i - 1].text == ",":
            out |= {t.i for t in sub}
        elif c.dep_ == "conj" and any(d.dep_ in _SUBJECTS for d in c.children):
            out |= {t.i for t in sub}  # "..., Anthony says, and she felt free to ...": the host's clause
            out |= {d.i for d in verb.rights if d.dep_ == "cc" and d.i < c.i}
    return out


def _leading_adverbial(verb: Token) -> set[int]:
    """ "If the demands are not met, Mr. Taylor warned, supporters will leave": the parser hangs the
    opening clause on the parenthetical cue, but it belongs to the clause the cue interrupts."""
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return set()
    out: set[int] = set()
    for c in verb.lefts:
        if c.dep_ == "advcl" and c.i < subject.i:
            out |= {t.i for t in c.subtree}
    return out


def _interrupts(view: _View, runs: list[list[int]], first: int, last: int) -> bool:
    """True when a cue clause set off by commas (tokens first..last) splits a clause in two parts, each
    of at least two words: the statement is both parts."""
    if len(runs) != 2 or runs[0][-1] != first - 1 or runs[1][0] != last + 1:
        return False
    words = [sum(1 for i in r if not view.tokens[i].is_punct) for r in runs]
    opens = view.tokens[first].text == "," or view.tokens[first - 1].text == ","
    closes = view.tokens[last].text == "," or view.tokens[last + 1].text == ","
    return opens and closes and min(words) >= 2


def _gerund_content(view: _View, verb: Token) -> tuple[int, int] | None:
    """ "X reported raising $9 million", "Y denied having a role": the subjectless gerund after the cue
    is what was said."""
    k = view.sent_of[verb.i]
    for c in verb.rights:
        if c.dep_ != "xcomp" or c.tag_ != "VBG" or view.sent_of[c.i] != k or view.quote_of[c.i] >= 0:
            continue
        if any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children):
            return None
        sub = [t.i for t in c.subtree if view.sent_of[t.i] == k]
        while sub and view.tokens[sub[-1]].is_punct:
            sub.pop()
        return _paragraph_clip(view, sub[0], sub[-1] + 1, verb.i) if sub else None
    return None


def _gerund_subject_clause(view: _View, verb: Token) -> tuple[int, int] | None:
    """ "X said having Trump on the ticket puts them at risk": a clause whose subject is a gerund, which
    the parser hangs on the cue as its xcomp with the clause's verb under it."""
    for c in verb.rights:
        if c.dep_ != "xcomp" or c.tag_ != "VBG" or view.quote_of[c.i] >= 0:
            continue
        if any(d.dep_ in _SUBJECTS for d in c.children) or not any(
            d.dep_ == "ccomp" and d.i > c.i and d.pos_ in {"VERB", "AUX"} for d in c.children
        ):
            return None
        return _gerund_content(view, verb)
    return None


def _object_infinitive(view: _View, verb: Token) -> tuple[int, int] | None:
    """ "urged Congress to act", "asked voters to wait": the object and the infinitive after it (a
    request reported in the speaker's stead)."""
    k = view.sent_of[verb.i]
    obj = next(
        (c for c in verb.rights if c.dep_ in {"dobj", "dative"} and c.pos_ in {"NOUN", "PROPN", "PRON"}), None
    )
    if obj is None or view.sent_of[obj.i] != k:
        return None
    inf = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "xcomp"
            and c.i > obj.i
            and c.pos_ in {"VERB", "AUX"}
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if inf is None or view.sent_of[inf.i] != k:
        return None
    lo = min(t.i for t in obj.subtree)
    hi = _extend_right(view, verb, max(t.i for t in inf.subtree) + 1)
    return _paragraph_clip(view, lo, hi, verb.i)


def _nominal_content(view: _View, verb: Token) -> tuple[int, int] | None:
    """What a cue verb without a clause reports: its infinitive ("vowed to repeal ...") or its object
    phrase ("announced a benefit concert", "claimed self-defense")."""
    if _inverted(view, verb) or verb.lemma_.lower() in cues()["no_object_content"]:
        return None
    for c in verb.children:
        if c.i < verb.i or view.sent_of[c.i] != view.sent_of[verb.i]:
            continue
        if (
            c.dep_ == "xcomp"
            and c.pos_ in {"VERB", "AUX"}
            or c.dep_ == "dobj"
            and c.pos_ in {"NOUN", "PROPN"}
        ):
            sub = list(c.subtree)
            if len([t for t in sub if not t.is_punct]) < 2:
                return None
            hi = sub[-1].i + 1
            for d in verb.rights:  # "announced steps | to tighten sales", "a concert | in support of X"
                if d.i < hi or d.left_edge.i != hi or view.sent_of[d.i] != view.sent_of[verb.i]:
                    continue
                if (
                    d.dep_ == "xcomp"
                    or d.dep_ == "prep"
                    and not any(t.ent_type_ in {"DATE", "TIME"} for t in d.subtree)
                ):
                    hi = d.right_edge.i + 1
            return _paragraph_clip(view, sub[0].i, _extend_right(view, verb, hi), verb.i)
    return None


def _sentence_quotes(view: _View, tok: Token) -> list[int]:
    lo, hi = view.sents[view.sent_of[tok.i]]
    return sorted({view.quote_of[i] for i in range(lo, hi) if view.quote_of[i] >= 0})


def _roots(view: _View, k: int) -> list[Token]:
    """Tokens inside quote k whose head lies outside it (where the quote hangs in the parse)."""
    q = view.quotes[k]
    lo = view.token_at(q.start)
    out = []
    for i in range(lo, len(view.tokens)):
        t = view.tokens[i]
        if t.idx >= q.end:
            break
        outside = not t.is_punct and view.quote_of[t.head.i] != k
        if t.idx >= q.start and (outside or t.head.i == t.i):
            out.append(t)
    return out


def _cue_for(view: _View, k: int, cue_set: set[int]) -> tuple[Token | None, bool]:
    """The cue that reports quote k, and whether the quote is its whole content (not a fragment).

    First where the parse hangs the quote (on a cue, or a cue hanging on the quote: "'...,' he said"),
    then the nearest cue in the quote's sentence(s), then a cue ending the sentence before with a colon.
    """
    q = view.quotes[k]
    roots = _roots(view, k)
    lo_s = view.sent_of[view.token_at(q.open_at)]
    hi_s = view.sent_of[view.token_at(max(q.open_at, q.close_at - 1))]
    lo, hi = view.sents[lo_s][0], view.sents[hi_s][1]
    close = view.token_at(q.close_at)
    for r in roots:
        h = r.head
        same_line = view.line_of(h.idx) == view.line_of(q.open_at)
        before = h.i < r.i and (same_line or view.text[h.idx : q.open_at].rstrip().endswith(":"))
        if h.i in cue_set and view.quote_of[h.i] < 0 and (before or close < h.i < hi and h.i - close <= 6):
            return h, True  # (a cue after the quote stands right after it: "'...,' he said")
    hanging = [
        i
        for i in range(lo, hi)
        if i in cue_set and view.quote_of[i] < 0 and view.quote_of[view.tokens[i].head.i] == k
    ]
    if hanging:  # a parenthetical cue hanging on the quote; of two, the nearer ("Stressing it, X said, '")
        return view.tokens[min(hanging, key=lambda i: _gap(view, i, q))], True
    after = hi_s + 1
    if after < len(view.sents) and view.line_of(view.sent_chars(after)[0]) == view.line_of(q.close_at):
        a_lo, a_hi = view.sents[after]
        while a_lo < a_hi and view.quote_of[a_lo] == k:
            a_lo += 1  # the closing mark may open the next sentence
        if a_lo < a_hi and view.starts[a_lo] - q.close_at <= 3 and view.quote_of[a_lo] < 0:
            hi = max(hi, min(a_hi, a_lo + 6))  # '"...?" Aino Virtanen said.' parsed as its own sentence
    candidates = [(_gap(view, i, q), i) for i in range(lo, hi) if i in cue_set and view.quote_of[i] < 0]
    if candidates:
        cue = view.tokens[min(candidates)[1]]
        if not _related(view, roots, cue):
            return None, False  # the quote sits in an adjunct of the cue ("after a meeting of the '...'")
        return cue, not _embedded(view, k, roots)
    for r in roots:  # an unlisted verb the quote hangs on with a clear subject ("shot back, '...'")
        h = r.head
        if (
            r.dep_ in {"ccomp", "parataxis"}
            and h.pos_ == "VERB"
            and view.quote_of[h.i] < 0
            and lo <= h.i < hi
            and any(c.dep_ == "nsubj" and view.quote_of[c.i] < 0 for c in h.children)
        ):
            return h, True
    if lo_s > 0:
        plo, phi = view.sents[lo_s - 1]
        tail = view.text[view.sent_chars(lo_s - 1)[0] : q.open_at].rstrip()
        if tail.endswith(":") and _sentence_initial(view, q):
            direct_only = cues()["direct_only"]
            for i in range(phi - 1, plo - 1, -1):
                if i in cue_set and view.tokens[i].lemma_.lower() not in direct_only:
                    return view.tokens[i], True
    return None, False


def _gap(view: _View, i: int, q: QuoteSpan) -> int:
    """Characters between token i and quote q."""
    t = view.tokens[i]
    return t.idx - q.close_at if t.idx > q.close_at else q.open_at - t.idx


_ADJUNCT_DEPS = frozenset({"prep", "advmod", "npadvmod", "nsubj", "nsubjpass", "agent", "mark", "aux", "neg"})


def _related(view: _View, roots: list[Token], cue: Token) -> bool:
    """True when the quote can be what the cue reports: it hangs below the cue other than through an
    adjunct or the subject, or the cue hangs inside the quote's clause, or they share a clause."""
    for r in roots:
        if view.sent_of[r.i] != view.sent_of[cue.i]:
            return True  # the cue stands in the sentence next to the quote
        t = r
        for _ in range(12):
            if t.head.i == cue.i:
                if t.dep_ not in _ADJUNCT_DEPS:
                    return True
                break
            if t.head.i == t.i:
                break
            t = t.head
        t = cue
        for _ in range(12):  # the cue inside the quote's clause ("'...', he said" as parataxis)
            if t.head.i == r.i:
                return True
            if t.head.i == t.i:
                break
            t = t.head
        if r.head.i == cue.head.i and r.dep_ not in _ADJUNCT_DEPS:
            return True
    return not roots


def _embedded(view: _View, k: int, roots: list[Token]) -> bool:
    """True when the quote is a fragment inside a narrative clause ("was 'an egregious act'")."""
    q = view.quotes[k]
    if _sentence_initial(view, q):
        return False
    if any(r.dep_ in {"ccomp", "parataxis"} or r.head.i == r.i for r in roots):
        return False
    before = view.text[max(0, q.open_at - 3) : q.open_at].strip()
    return not before.endswith((":", ","))


def _colon_speaker(view: _View, q: QuoteSpan) -> str | None:
    """ "X: '...'" style: an actor right before a colon that opens the quote."""
    before = view.text[max(0, q.open_at - 3) : q.open_at].strip()
    if not before.endswith(":"):
        return None
    colon = view.token_at(view.text.rfind(":", 0, q.open_at))
    lo = view.sents[view.sent_of[colon]][0]
    for i in range(colon - 1, max(lo, colon - 8) - 1, -1):
        actor = view.index.by_token.get(i)
        if actor is not None and not view.is_masked(view.starts[i], view.starts[i] + 1):
            j = i
            while j > lo and (
                view.tokens[j - 1].pos_ in {"PROPN", "PART", "DET"} or j - 1 in view.index.by_token
            ):
                j -= 1
            if j - 2 >= lo and view.tokens[j - 1].lower_ == "by" and view.quote_of[j - 2] >= 0:
                return None  # '"Headline," by the Post's Jane Roe: "..."': an excerpt of her article
            return actor
    return None


def _sentence_initial(view: _View, q: QuoteSpan) -> bool:
    """True when nothing but punctuation stands between the quote's sentence (or line) start and it."""
    k = view.sent_of[view.token_at(q.open_at)]
    s = max(view.sent_chars(k)[0], view.line_starts[view.line_of(q.open_at)])
    return not any(ch.isalnum() for ch in view.text[s : q.open_at])


def _fragment_content(view: _View, cue: Token, q: QuoteSpan) -> tuple[int, int]:
    """What a speaker said around a quoted fragment: the cue's complement if it holds the quote, else
    the rest of the sentence on the quote's side of the cue."""
    span = _complement(view, cue) or _fragment_phrase(view, cue, view.quote_of[view.token_at(q.open_at)])
    if span is not None:
        start = view.starts[span[0]]
        end = view.starts[span[1] - 1] + len(view.tokens[span[1] - 1].text)
        if start <= q.open_at and q.close_at <= end:
            return start, end
    k = view.sent_of[cue.i]
    s, e = view.sent_chars(k)
    if q.open_at > cue.idx:  # after the cue and what completes it ("told reporters")
        last = cue.i
        for c in cue.children:
            completes = c.dep_ in {"prt", "dative", "npadvmod"} or c.dep_ == "dobj" and cue.lemma_ == "tell"
            if c.i > cue.i and completes:
                last = max(last, max(t.i for t in c.subtree))
        return view.starts[last] + len(view.tokens[last].text), e
    subj = _subject_of(view, cue)
    first = min([cue.i] + ([min(t.i for t in subj.subtree)] if subj is not None else []))
    return s, view.starts[first]


def _quote_statements(
    view: _View,
    cue_set: set[int],
    consumed: dict[int, tuple[_Speaker | None, str]],
    earlier: list[_Found],
) -> list[_Found]:
    """Direct quotes with their speakers, in text order (continuations need the statement before)."""
    min_words = int(cues()["min_direct_words"])
    out: list[_Found] = []
    ordered = sorted(earlier, key=lambda f: f.end)
    ends = [f.end for f in ordered]
    prev: _Found | None = None  # the previous quote's statement
    prev_q: QuoteSpan | None = None
    by_quote: dict[int, _Found] = {}
    for k, q in enumerate(view.quotes):
        found: _Found | None = None
        if view.is_masked(q.open_at, q.close_at) or (k in consumed and consumed[k][0] is None):
            prev, prev_q = None, q
            continue
        if k in consumed:
            owner, cue_text = consumed[k]
            assert owner is not None
            found = _Found(
                owner.actor, q.start, q.end, QuoteType.DIRECT, cue_text, owner.confidence, owner.pronoun
            )
        enough = view.words(q.start, q.end) >= min_words
        cue, whole = (None, False) if found is not None else _cue_for(view, k, cue_set)
        if cue is not None:
            speaker = _speaker(view, cue)
            short_line = _sentence_initial(view, q) and view.words(q.start, q.end) >= 1  # "'No,' she said"
            if speaker is not None and whole and (enough or short_line):
                found = _Found(
                    speaker.actor,
                    q.start,
                    q.end,
                    QuoteType.DIRECT,
                    _cue_text(view, cue),
                    speaker.confidence,
                    speaker.pronoun,
                )
            elif speaker is not None and not whole:
                start, end = _fragment_content(view, cue, q)
                if view.words(start, end) >= 3 and not _covered(earlier, speaker.actor, start, end):
                    conf = speaker.confidence - 0.15
                    found = _Found(
                        speaker.actor,
                        start,
                        end,
                        QuoteType.MIXED,
                        _cue_text(view, cue),
                        conf,
                        speaker.pronoun,
                    )
        elif found is None and enough:
            actor = _colon_speaker(view, q)
            if actor is not None:
                found = _Found(actor, q.start, q.end, QuoteType.DIRECT, ":", 0.8)
            else:
                last = _last_before(ordered, ends, out, q.open_at)
                if prev is not None and prev_q is not None and prev_q.continues:
                    found = _Found(
                        prev.speaker, q.start, q.end, QuoteType.DIRECT, prev.cue, 0.7, prev.pronoun
                    )
                elif last is not None and _sentence_initial(view, q) and _adjacent(view, last, q):
                    found = _Found(
                        last.speaker, q.start, q.end, QuoteType.DIRECT, last.cue, 0.6, last.pronoun
                    )
        if found is not None:
            out.append(found)
            by_quote[k] = found
        prev, prev_q = found, q
    for k in range(len(view.quotes) - 2, -1, -1):  # a run-on quote whose cue comes in its last paragraph
        q, nxt = view.quotes[k], by_quote.get(k + 1)
        if (
            q.continues
            and k not in by_quote
            and nxt is not None
            and nxt.kind is QuoteType.DIRECT
            and _sentence_initial(view, q)
            and not view.is_masked(q.open_at, q.close_at)
            and k not in consumed
        ):
            by_quote[k] = _Found(nxt.speaker, q.start, q.end, QuoteType.DIRECT, nxt.cue, 0.7, nxt.pronoun)
            out.append(by_quote[k])
    return out


def _covered(found: list[_Found], speaker: str, start: int, end: int) -> bool:
    return any(f.speaker == speaker and f.start <= start + 2 and end - 2 <= f.end for f in found)


def _last_before(ordered: list[_Found], ends: list[int], direct: list[_Found], pos: int) -> _Found | None:
    k = bisect_right(ends, pos)
    best = ordered[k - 1] if k else None
    if direct and direct[-1].end <= pos and (best is None or direct[-1].end >= best.end):
        best = direct[-1]
    return best


def _adjacent(view: _View, last: _Found, q: QuoteSpan) -> bool:
    """The previous statement is in the quote's paragraph, or in the paragraph just before it."""
    line, last_line = view.line_of(q.open_at), view.line_of(max(last.start, last.end - 1))
    return last_line == line or last_line == view.previous_line(line)


def _according_statements(view: _View) -> list[_Found]:
    """ "According to X, ..." and "..., according to X": the rest of the sentence is X's statement."""
    out: list[_Found] = []
    words = cues()["according"]
    pattern = re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)
    for m in pattern.finditer(view.text):  # a text search, not a look at every token
        tok = view.tokens[view.token_at(m.start())]
        if tok.lower_ not in words or view.quote_of[tok.i] >= 0:
            continue
        nxt = view.tokens[tok.i + 1] if tok.i + 1 < len(view.tokens) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        k = view.sent_of[tok.i]
        if obj is not None:  # the phrase ends with its sentence ("according to the F.A.A." + next line)
            phrase = [t for t in obj.subtree if view.sent_of[t.i] == k]
        else:  # the parser lost the object ("According to X, the week will be ..."): the name after "to"
            phrase = _name_after(view, nxt.i + 1)
            obj = phrase[-1] if phrase else None
        if obj is None or not phrase or view.sent_of[obj.i] != k:
            continue
        speaker = _actor_of(view, obj) or _source_actor(view, obj, phrase)
        if speaker is None:
            continue
        phrase_start = tok.idx
        phrase_end = max(t.idx + len(t.text) for t in phrase)
        s, e = view.sent_chars(view.sent_of[tok.i])
        line = view.line_of(tok.idx)
        s = max(s, view.line_starts[line])
        e = min(e, view.line_starts[line + 1] - 1 if line + 1 < len(view.line_starts) else e)
        before, after = (s, phrase_start), (phrase_end, e)
        start, end = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
        if (start, end) == after and view.words(*before) >= 3 and _joined_after(view, phrase_end, e):
            start, end = before  # "A according to X, but B ...": B is the writer's next clause
        if view.words(start, end) < 3:
            continue
        has_quote = any(start <= q.open_at and q.close_at <= end for q in view.quotes)
        kind = QuoteType.MIXED if has_quote else QuoteType.INDIRECT
        name = view.text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
        out.append(_Found(speaker.actor, start, end, kind, f"according to {name}", 0.7))
    return out


_NEXT_CLAUSE = frozenset({"but", "and", "yet", "while", "whereas", "though", "although", "even"})


def _joined_after(view: _View, start: int, end: int) -> bool:
    """True when the text after an "according to X" phrase is a clause joined by a comma and a
    conjunction (", but ...", ", even as ..."), not the content the phrase opens."""
    i = view.token_at(start)
    while i < len(view.tokens) and view.starts[i] < start:
        i += 1
    if i + 1 >= len(view.tokens) or view.starts[i] >= end or view.tokens[i].text != ",":
        return False
    return view.tokens[i + 1].lower_ in _NEXT_CLAUSE


def _source_actor(view: _View, obj: Token, phrase: list[Token]) -> _Speaker | None:
    """ "according to F.A.A. records", "according to a congressional report": a document or data source
    that names no actor speaks as an organisation of the document named by its phrase (determiner and
    clauses after the noun left out)."""
    if obj.pos_ not in {"NOUN", "ADJ"} or not _is_source_noun(obj):  # ADJ: "the polling average"
        return None
    words = [t for t in phrase if t.i <= obj.i and view.quote_of[t.i] < 0]
    while words and (words[0].pos_ in {"DET", "PRON"} or words[0].is_punct):
        words = words[1:]
    if not words or len(words) > _MAX_DESCRIPTION or view.is_masked(words[0].idx, obj.idx + 1):
        return None
    name = view.doc[words[0].i : obj.i + 1].text
    return _Speaker(view.index._add(name, ActorType.ORGANIZATION, words, DESCRIPTION_LABEL), 0.6)


def _name_after(view: _View, i: int) -> list[Token]:
    """The tokens from i that name an actor, titles and affiliations included ("European Commission
    President Ursula von der Leyen": the person when a person is named, else the organisation)."""
    index = view.index
    run: list[Token] = []
    for j in range(i, min(len(view.tokens), i + 12)):
        t = view.tokens[j]
        if j in index.by_token or (t.is_title or _is_title_word(t)) and not t.is_punct:
            run.append(t)
        else:
            break
    actors = [index.by_token[t.i] for t in run if t.i in index.by_token]
    if not actors:
        return []
    people = [a for a in actors if index.types.get(a) is ActorType.PERSON]
    chosen = people[-1] if people else actors[0]
    last = max(t.i for t in run if index.by_token.get(t.i) == chosen)
    return [t for t in run if t.i <= last]


def _headline_statements(view: _View) -> list[_Found]:
    """ "X: words" at the start of a line (headlines, transcripts): X's statement is the rest of the line."""
    out: list[_Found] = []
    text = view.text
    for n, start in enumerate(view.line_starts):
        end = view.line_starts[n + 1] - 1 if n + 1 < len(view.line_starts) else len(text)
        colon = text.find(":", start, min(end, start + 60))
        if colon < 0 or view.is_masked(start, end):
            continue
        lo, c = view.token_at(start), view.token_at(colon)
        if c - lo > 6 or c <= lo or view.tokens[c].text != ":":
            continue
        actor = view.index.by_token.get(c - 1)
        if actor is None and c - 1 == lo and view.tokens[lo].is_alpha and view.tokens[lo].is_title:
            full = view.index._person_ending(view.tokens[lo])  # "Trump: ...": a surname named in full
            actor = full if isinstance(full, str) else None
        if actor is None or view.quote_of[c - 1] >= 0:
            continue
        if any(
            not (t.is_title or t.is_upper or t.is_punct or t.i in view.index.by_token)
            for t in view.tokens[lo:c]
        ):
            continue
        if view.words(colon + 1, end) < 3:
            continue
        quoted = [q for q in view.quotes if colon < q.open_at and q.close_at <= end]
        whole = len(quoted) == 1 and not text[colon + 1 : quoted[0].open_at].strip()
        kind = QuoteType.DIRECT if whole else (QuoteType.MIXED if quoted else QuoteType.INDIRECT)
        if whole:
            out.append(_Found(actor, quoted[0].start, quoted[0].end, kind, ":", 0.7))
        else:
            out.append(_Found(actor, colon + 1, end, kind, ":", 0.6))
    return out


_SIGN_DASHES = frozenset({"—", "―", "–", "-", "--"})


def _signed_quotes(view: _View) -> list[_Found]:
    """ "“...” ― Jane Roe" (reader responses, pull quotes, epigraphs): a quote that opens its line and is
    followed by a dash and a name that end the line is that person's."""
    out: list[_Found] = []
    index = view.index
    for q in view.quotes:
        if not _sentence_initial(view, q) or view.is_masked(q.open_at, q.close_at):
            continue
        line = view.line_of(q.close_at)
        end = view.line_starts[line + 1] - 1 if line + 1 < len(view.line_starts) else len(view.text)
        i = view.token_at(q.close_at) + 1
        if i >= len(view.tokens) or view.starts[i] >= end or view.tokens[i].text not in _SIGN_DASHES:
            continue
        j = i + 1
        while j < len(view.tokens) and view.starts[j] < end:
            j += 1  # the rest of the line only
        name = [t for t in view.tokens[i + 1 : j] if not t.is_space]
        while name and name[-1].is_punct:
            name.pop()
        if not name or len(name) > 6 or any(not (t.is_title or t.i in index.by_token) for t in name):
            continue
        actor = next((index.by_token[t.i] for t in name if t.i in index.by_token), None)
        if actor is None:
            actor = index.speaker_actor(name[-1])
        if actor is None or index.types.get(actor) is not ActorType.PERSON:
            continue
        out.append(_Found(actor, q.start, q.end, QuoteType.DIRECT, view.tokens[i].text, 0.7))
    return out


def extract_statements(doc: Doc, index: ActorIndex, topics: Sequence[Topic] = ()) -> list[Statement]:
    """All statements in a parsed document, ordered by position, without duplicates."""
    if len(doc) == 0:
        return []
    view = _View(doc, index)
    from spacy.attrs import LEMMA

    verbs = _speech_verb_ids()
    lemmas = doc.to_array([LEMMA]).tolist()  # a C array: only tokens with a listed lemma become Token objects
    candidates = [view.tokens[i] for i, lemma in enumerate(lemmas) if lemma in verbs and view.quote_of[i] < 0]
    cue_tokens = [t for t in candidates if _is_cue(t)]
    cue_tokens = [t for t in cue_tokens if not view.is_masked(t.idx, t.idx + 1)]
    consumed: dict[int, tuple[_Speaker | None, str]] = {}
    found = _cue_statements(view, cue_tokens, consumed)
    found += _according_statements(view)
    found += _headline_statements(view)
    found += _signed_quotes(view)
    found += _quote_statements(view, {t.i for t in cue_tokens}, consumed, found)
    _resolve_pronouns(view, found)
    unique: dict[tuple[int, int, str], Statement] = {}
    credited = {a.id for a in index.actors if getattr(a, "credit", False)}
    garbled = {a.id for a in index.actors if not _name_like(a.name)}
    for f in sorted(found, key=lambda f: (f.start, f.end, -f.confidence)):
        if index.types.get(f.speaker) is None or f.speaker in credited or f.speaker in garbled:
            continue  # a byline or photo credit never speaks, nor a fragment ("’s Note", "Poll: Voters")
        made = _make(view, f.speaker, f.start, f.end, f.kind, f.cue, max(0.1, min(1.0, f.confidence)), topics)
        if made is not None:
            unique.setdefault((made.char_start, made.char_end, made.speaker), made)
    return _drop_nested(sorted(unique.values(), key=lambda s: (s.char_start, s.char_end, s.speaker)))


def _name_like(name: str) -> bool:
    """False for an entity the model cut out of a possessive or across a headline's colon ("’s Note",
    "Poll: Voters", "4:43 p.m."): a name never opens with "'s" nor holds a colon or line break."""
    return bool(name) and not name.startswith(("’s ", "'s ")) and not any(ch in name for ch in ":\n")


_MALE, _FEMALE = frozenset({"he", "him"}), frozenset({"she", "her"})
_PRONOUN_KINDS = {  # what a pronoun can stand for: "p" plural, "o" "it", else a person of a gender
    "p": {ActorType.GROUP, ActorType.ORGANIZATION, ActorType.COUNTRY},
    "o": {ActorType.ORGANIZATION, ActorType.COUNTRY},
}
_HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "sir": "m",
    "dame": "f",
}


def _resolve_pronouns(view: _View, found: list[_Found]) -> None:
    """Give statements whose speaker is a pronoun the actor a reader would pick, in text order.

    "He/she" is the speaker of the statement just before (same or previous paragraph) when that is a
    person of the same gender, else the nearest person mentioned before it outside quotation marks
    (mentions inside a quote are someone's words, not the narrative), preferring subjects. Genders are
    learnt as the document goes ("Mr.", "Ms.", earlier pronouns), so "she" never lands on a "he".
    """
    index = view.index
    gender: dict[str, str] = {}
    for i in sorted(index.by_token):  # the word before each actor token, not every token
        g = _HONORIFIC_GENDER.get(view.tokens[i - 1].lower_) if i > 0 else None
        if g:
            gender.setdefault(index.by_token[i], g)
    prev: _Found | None = None
    resolved: dict[int, str] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if f.pronoun >= 0 and f.pronoun in resolved:
            f.speaker = resolved[f.pronoun]
        elif f.pronoun >= 0:
            tok = view.tokens[f.pronoun]
            want = "m" if tok.lower_ in _MALE else "f" if tok.lower_ in _FEMALE else "p"
            if tok.lower_ == "it":
                want = "o"
                if _thing_before(view, tok):
                    prev = f
                    continue  # "Trump's approach to Ukraine frames ... It explains why": not Ukraine
            elif _common_noun(tok):
                want = "x"  # "the minister said": a person of either gender
            actor = _previous_speaker(view, prev, f, want, gender) or _antecedent(view, tok, want, gender)
            if actor is None:
                actor = _antecedent(view, tok, want, gender, sentences=None)
                f.confidence -= 0.1
            if actor is not None:
                f.speaker = resolved[f.pronoun] = actor
                if want in {"m", "f"}:
                    gender.setdefault(actor, want)
        prev = f


def _thing_before(view: _View, it: Token) -> bool:
    """True when the nearest main-clause subject before "it" (in its sentence or the one before) is a
    noun that names no actor: "it" then refers to that thing, which does not speak."""
    k = view.sent_of[it.i]
    first = view.sents[max(0, k - 1)][0]
    for i in range(it.i - 1, first - 1, -1):
        t = view.tokens[i]
        main = t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"
        if t.dep_ not in _SUBJECTS or not main or view.quote_of[i] >= 0 or t.pos_ == "PRON":
            continue  # a main clause's subject: not one inside what someone said
        if t.pos_ not in {"NOUN", "PROPN"}:
            return False
        return i not in view.index.by_token and not _speaker_noun(t)
    return False


def _previous_speaker(
    view: _View, prev: _Found | None, f: _Found, want: str, gender: dict[str, str]
) -> str | None:
    """The previous statement's speaker, unless another subject of that kind came in between."""
    if prev is None:
        return None
    line, prev_line = view.line_of(f.start), view.line_of(max(prev.start, prev.end - 1))
    if prev_line != line and prev_line != view.previous_line(line):
        return None
    index = view.index
    kind = index.types.get(prev.speaker)
    wanted = {ActorType.GROUP} if want == "p" else _PRONOUN_KINDS.get(want, {ActorType.PERSON})
    if kind not in wanted or want in {"m", "f"} and gender.get(prev.speaker, want) != want:
        return None
    pronoun = view.tokens[f.pronoun]
    for i in range(view.token_at(prev.end), pronoun.i):
        actor = index.by_token.get(i)
        t = view.tokens[i]
        subject = t.dep_ in _SUBJECTS or t.dep_ in {"compound", "flat"} and t.head.dep_ in _SUBJECTS
        if (
            actor
            and actor != prev.speaker
            and subject
            and view.quote_of[i] < 0
            and index.types.get(actor) in wanted
        ):
            return None  # "Rutte acknowledged ... He stressed": the nearer subject, not the last speaker
    return prev.speaker


def _antecedent(
    view: _View, tok: Token, want: str, gender: dict[str, str], sentences: int | None = 4
) -> str | None:
    """The nearest compatible actor before a pronoun outside quotes, preferring subjects, within
    `sentences` sentences before its own (None: anywhere before it)."""
    index = view.index
    kinds = _PRONOUN_KINDS.get(want, {ActorType.PERSON})
    k = view.sent_of[tok.i]
    first = view.sents[max(0, k - sentences)][0] if sentences is not None else 0
    best: str | None = None
    for i in range(tok.i - 1, first - 1, -1):
        actor = index.by_token.get(i)
        if actor is None or view.quote_of[i] >= 0 or index.types.get(actor) not in kinds:
            continue
        if want in {"m", "f"} and gender.get(actor, want) != want:
            continue
        t = view.tokens[i]
        subject = t.dep_ in _SUBJECTS or t.dep_ in {"compound", "flat", "conj"} and t.head.dep_ in _SUBJECTS
        if subject:
            return actor
        if best is None:
            best = actor
    return best


def _drop_nested(statements: list[Statement]) -> list[Statement]:
    """Of two statements where one lies inside the other, keep the one with the higher confidence."""
    keep: list[Statement] = []
    for st in statements:
        clash = next(
            (
                k
                for k in keep
                if k.char_start <= st.char_start
                and st.char_end <= k.char_end
                or st.char_start <= k.char_start
                and k.char_end <= st.char_end
            ),
            None,
        )
        if clash is None:
            keep.append(st)
        elif st.confidence > clash.confidence:
            keep[keep.index(clash)] = st
    return keep
