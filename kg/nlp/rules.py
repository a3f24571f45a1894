"""The pipeline's two rule components, the attribute ruler and the lemmatizer, run by lookup.

Neither is statistical, yet together they took ~12% of the English small pipeline's parse time on
news (bench/scale_results.md), because both do per-token Python work that depends only on a few of
the token's values:

- spaCy's `AttributeRuler` (tag -> POS and morphology, pronoun lemmas) runs each of its ~180 rules
  through a `Matcher` at every token. Almost all of them look at one token and compare some of TAG,
  LOWER, DEP and IS_SPACE with fixed values, so which of them match depends only on those values:
  `LookupAttributeRuler` works that out once per distinct combination and applies exactly the rules
  the `Matcher` would have found, in the same order. Rules of any other shape (several tokens,
  operators, other attributes) still go through a `Matcher`.
- The rule lemmatizer already caches each lemma by (ORTH, POS, MORPH), but still builds a Token and
  calls into Python for every word; `_CachedLemmas` reads those three columns at once and asks the
  lemmatizer itself only for what its cache does not hold.

The annotations are identical to the stock components' (tests, and every token of the 3,050-document
benchmark corpus compared).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "kg_lookup_attribute_ruler"
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes a lookup rule may test


def _lookup_rule(patterns: list[list[dict[str, Any]]]) -> list[dict[str, Any]] | None:
    """The token specs of a rule whose every pattern is one token testing only `_KEYS` for a value
    (or a value `IN` a list); None for a rule the `Matcher` must handle."""
    specs = []
    for pattern in patterns:
        if len(pattern) != 1:
            return None
        spec = pattern[0]
        for key, value in spec.items():
            if key not in _KEYS:
                return None
            if isinstance(value, dict) and (set(value) != {"IN"} or not isinstance(value["IN"], list)):
                return None
            if key == "IS_SPACE" and not isinstance(value, bool):
                return None
        specs.append(spec)
    return specs


def _value_id(attr: str, value: Any) -> int:
    """How a rule's value reads in `Doc.to_array`: a string's id, or 0/1 for the IS_SPACE flag."""
    from spacy.strings import get_string_id

    return int(value) if attr == "IS_SPACE" else get_string_id(value)


def install(nlp: Language) -> None:
    """Run the pipeline's attribute ruler and rule lemmatizer by lookup (see the module docstring).

    The attribute ruler is replaced by one with the same rules in the same order (so rule ids, and
    which rule wins a token, are unchanged); the lemmatizer keeps its tables and cache. Either is left
    alone where the pipeline has none, and installing twice changes nothing.
    """
    if "attribute_ruler" in nlp.pipe_names and nlp.get_pipe_meta("attribute_ruler").factory != FACTORY:
        _register()
        rules = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
        nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(rules)  # type: ignore[attr-defined]
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and not isinstance(lemmatizer, _CachedLemmas):
            lemmatizer.__class__ = _cached_lemmas(type(lemmatizer))


class _CachedLemmas:
    """Mixed into the pipeline's own lemmatizer class (English's included), so everything else about
    it (tables, cache, serialisation) stays as spaCy made it."""

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if self.overwrite or not self._validated or not len(doc):  # type: ignore[attr-defined]
            return super().__call__(doc)  # type: ignore[misc]  # (an unvalidated one raises spaCy's error)
        error_handler = self.get_error_handler()  # type: ignore[attr-defined]
        try:
            columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = columns[:, 3].copy()
            cache, strings = self.cache, doc.vocab.strings  # type: ignore[attr-defined]
            for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
                if lemma:
                    continue  # set by the attribute ruler: the stock lemmatizer keeps it too
                forms = cache.get((orth, pos, morph))
                if forms is None:
                    forms = self.lemmatize(doc[i])  # type: ignore[attr-defined]
                lemmas[i] = strings.add(forms[0])
            doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64))
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)  # type: ignore[attr-defined]
            return doc


_LEMMA_CLASSES: dict[type, type] = {}


def _cached_lemmas(base: type) -> type:
    """`base` (a lemmatizer class) with `_CachedLemmas` in front, one class per base."""
    if base not in _LEMMA_CLASSES:
        _LEMMA_CLASSES[base] = type(f"Cached{base.__name__}", (_CachedLemmas, base), {})
    return _LEMMA_CLASSES[base]


def _register() -> None:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if Language.has_factory(FACTORY):
        return

    class LookupAttributeRuler(AttributeRuler):
        """An `AttributeRuler` whose one-token rules are matched by table lookup (module docstring)."""

        def __init__(self, vocab: Any, name: str = FACTORY, **kwargs: Any) -> None:
            self._forget()
            super().__init__(vocab, name, **kwargs)

        def _forget(self) -> None:
            self._lookup: list[tuple[int, list[dict[str, Any]]]] = []  # (rule id, its token specs)
            self._rest: Any = None  # a Matcher over the other rules, built on first use
            self._memo: dict[tuple[int, ...], tuple[int, ...]] = {}  # attribute values -> rule ids
            self._tested: dict[str, frozenset[int]] = {}  # per attribute: the values some rule tests
            self._ids: list[int] = []  # each rule's match id

        def clear(self) -> None:
            super().clear()
            self._forget()

        def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:  # type: ignore[override]
            rule = len(self.attrs)
            super().add(patterns, attrs, index)
            lookup, specs = self._lookup, _lookup_rule(patterns)
            self._forget()
            self._lookup = lookup + ([(rule, specs)] if specs is not None else [])

        def _rest_matcher(self) -> Any:
            """A Matcher holding only the rules lookup does not cover (under their usual ids)."""
            if self._rest is None:
                from spacy.matcher import Matcher

                covered = {rule for rule, _ in self._lookup}
                self._rest = Matcher(self.vocab, validate=False)
                for rule in range(len(self.attrs)):
                    if rule not in covered:
                        self._rest.add(self.vocab.strings[str(rule)], self.matcher.get(str(rule))[1])
            return self._rest

        def _values(self) -> dict[str, frozenset[int]]:
            """The values (string ids; 0/1 for IS_SPACE) each attribute is compared with by some rule."""
            if not self._tested:
                found: dict[str, set[int]] = {key: set() for key in _KEYS}
                for _, specs in self._lookup:
                    for spec in specs:
                        for key, value in spec.items():
                            wanted = value["IN"] if isinstance(value, dict) else [value]
                            found[key].update(_value_id(key, v) for v in wanted)
                self._tested = {key: frozenset(values) for key, values in found.items()}
            return self._tested

        def _rules_for(self, key: tuple[int, ...]) -> tuple[int, ...]:
            """The ids of the lookup rules matching a token with these attribute values, in order."""
            values = dict(zip(_KEYS, key, strict=True))

            def holds(attr: str, value: Any) -> bool:
                wanted = value["IN"] if isinstance(value, dict) else [value]
                return values[attr] in {_value_id(attr, v) for v in wanted}

            return tuple(
                rule
                for rule, specs in self._lookup
                if any(all(holds(attr, value) for attr, value in spec.items()) for spec in specs)
            )

        def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
            """The (rule id, match id, start, end) of every rule match, sorted as `AttributeRuler.match`
            returns them: later rules are applied last and win."""
            import numpy as np
            from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

            matches: list[tuple[int, int, int, int]] = []
            if len(self._lookup) < len(self.attrs):
                rest = self._rest_matcher()(doc, allow_missing=True, as_spans=False)
                matches += [(int(self.vocab.strings[m]), m, s, e) for m, s, e in rest]
            if len(doc) and self._lookup:
                columns = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).astype(np.uint64)
                tested = self._values()
                for j, key in enumerate(_KEYS):  # an untested value cannot decide a match: fold it to 0
                    if key != "IS_SPACE":
                        column = columns[:, j]
                        keep = np.zeros(len(column), dtype=bool)
                        for value in tested[key]:
                            keep |= column == value
                        columns[:, j] = np.where(keep, column, 0)
                if not self._ids:
                    self._ids = [self.vocab.strings[str(rule)] for rule in range(len(self.attrs))]
                memo, ids = self._memo, self._ids
                for i, row in enumerate(map(tuple, columns.tolist())):
                    rules = memo.get(row)
                    if rules is None:
                        rules = memo[row] = self._rules_for(row)
                    matches += [(rule, ids[rule], i, i + 1) for rule in rules]
            matches.sort()
            return matches

    @Language.factory(FACTORY, default_config={"validate": False, "scorer": None})
    def make_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> LookupAttributeRuler:
        return LookupAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
