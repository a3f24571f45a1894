"""The pipeline's attribute ruler run by lookup: the same rules, the same annotations, less time.

spaCy's `AttributeRuler` (tag -> POS and morphology, pronoun lemmas, "gonna") sends each of the
English pipelines' ~180 rules through a `Matcher` at every token: about a tenth of the small
pipeline's parse time on news. Every one of those rules is a fixed run of one or two tokens, each
token compared on its TAG, LOWER, DEP and IS_SPACE with fixed values (`IN`, `NOT_IN`, or a regular
expression on LOWER), so whether a token fits a rule's token depends only on those four values:
`LookupAttributeRuler` works that out once per distinct combination (LOWER counting only where some
rule tests it) and finds exactly the matches the `Matcher` would, applied in the same order. A rule of
any other shape (operators, other attributes) still goes through a `Matcher`. The annotations are
identical to the stock component's (tests, and every token of the 3,050 benchmark documents compared).

The rule lemmatizer, the other rule component, already answers from a cache keyed by the token's
values; a lookup version of it measured no faster once that cache is warm, so it is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FACTORY = "kg_lookup_attribute_ruler"
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes a lookup rule may test

# One test on one attribute: (attribute, "in" | "not_in" | "regex", value ids or a compiled pattern).
Test = tuple[str, str, Any]
TokenSpec = tuple[Test, ...]


def _value_id(attr: str, value: Any) -> int:
    """How a rule's value reads in `Doc.to_array`: a string's id, or 0/1 for the IS_SPACE flag."""
    from spacy.strings import get_string_id

    return int(value) if attr == "IS_SPACE" else get_string_id(value)


def _token_spec(spec: dict[str, Any]) -> TokenSpec | None:
    """A Matcher token pattern as lookup tests, or None when lookup cannot decide it exactly."""
    tests: list[Test] = []
    for attr, value in spec.items():
        if attr not in _KEYS:
            return None
        if not isinstance(value, dict):
            value = {"IN": [value]}
        if len(value) != 1:
            return None
        ((op, arg),) = value.items()
        if op == "REGEX" and attr == "LOWER" and isinstance(arg, str):
            tests.append((attr, "regex", re.compile(arg)))
            continue
        if op not in {"IN", "NOT_IN"} or not isinstance(arg, list) or (op == "NOT_IN" and attr == "LOWER"):
            return None  # LOWER is folded to the values rules name, so only IN can test it
        if attr == "IS_SPACE" and not all(isinstance(v, bool) for v in arg):
            return None
        if attr == "LOWER" and "" in arg:
            return None  # other words are folded to the empty string's id
        tests.append((attr, op.lower(), frozenset(_value_id(attr, v) for v in arg)))
    return tuple(tests)


def _lookup_rule(patterns: list[list[dict[str, Any]]]) -> list[tuple[TokenSpec, ...]] | None:
    """A rule's patterns as runs of token specs, or None for a rule the `Matcher` must handle."""
    out = []
    for pattern in patterns:
        specs = [_token_spec(spec) for spec in pattern]
        if not specs or any(s is None for s in specs):
            return None
        out.append(tuple(s for s in specs if s is not None))
    return out


def install(nlp: Language) -> None:
    """Replace the pipeline's attribute ruler by the lookup version with the same rules in the same
    order (so rule ids, and which rule wins a token, are unchanged); a pipeline without one, or with
    the lookup version already, is left alone."""
    if "attribute_ruler" in nlp.pipe_names and nlp.get_pipe_meta("attribute_ruler").factory != FACTORY:
        _register()
        rules = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
        nlp.replace_pipe("attribute_ruler", FACTORY).add_patterns(rules)  # type: ignore[attr-defined]


def _holds(spec: TokenSpec, values: dict[str, int], lower: str | None) -> bool:
    """Whether a token with these values fits one token of a pattern (`lower`: its LOWER text, None
    for a word no rule names, which no rule's regular expression fits either)."""
    for attr, op, arg in spec:
        if op == "in":
            ok = values[attr] in arg
        elif op == "not_in":
            ok = values[attr] not in arg
        else:
            ok = lower is not None and arg.search(lower) is not None
        if not ok:
            return False
    return True


def _register() -> None:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if Language.has_factory(FACTORY):
        return

    class LookupAttributeRuler(AttributeRuler):
        """An `AttributeRuler` whose rules are matched by table lookup (module docstring)."""

        def __init__(self, vocab: Any, name: str = FACTORY, **kwargs: Any) -> None:
            self._lookup: dict[int, list[tuple[TokenSpec, ...]]] = {}  # rule id -> its patterns
            self._forget()
            super().__init__(vocab, name, **kwargs)

        def _forget(self) -> None:
            """Drop what is derived from the rules (after a rule is added or the rules are cleared)."""
            self._rest: Any = None  # a Matcher over the other rules, built on first use
            # token values -> (rules matched by this token alone, (rule, pattern) runs it can start,
            # the (rule, pattern, position) tokens it fits)
            self._memo: dict[tuple[int, ...], tuple[Any, Any, frozenset[tuple[int, int, int]]]] = {}
            self._lowers: Any = None  # the LOWER ids some rule names
            self._regexes: list[re.Pattern[str]] = []
            self._ids: list[int] = []  # each rule's match id

        def clear(self) -> None:
            super().clear()
            self._lookup = {}
            self._forget()

        def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:  # type: ignore[override]
            rule = len(self.attrs)
            super().add(patterns, attrs, index)
            specs = _lookup_rule(patterns)
            if specs is not None:
                self._lookup[rule] = specs
            self._forget()

        def _rest_matcher(self) -> Any:
            """A Matcher holding only the rules lookup does not cover (under their usual ids)."""
            if self._rest is None:
                from spacy.matcher import Matcher

                self._rest = Matcher(self.vocab, validate=False)
                for rule in range(len(self.attrs)):
                    if rule not in self._lookup:
                        self._rest.add(self.vocab.strings[str(rule)], self.matcher.get(str(rule))[1])
            return self._rest

        def _prepare(self) -> None:
            """Collect the LOWER values and patterns rules test, and each rule's match id."""
            import numpy as np

            lowers: set[int] = set()
            regexes: list[re.Pattern[str]] = []
            for patterns in self._lookup.values():
                for pattern in patterns:
                    for spec in pattern:
                        for attr, op, arg in spec:
                            if attr == "LOWER" and op == "in":
                                lowers.update(arg)
                            elif op == "regex":
                                regexes.append(arg)
            self._lowers = np.array(sorted(lowers), dtype=np.uint64)
            self._regexes = regexes
            self._ids = [self.vocab.strings[str(rule)] for rule in range(len(self.attrs))]

        def _fits(self, key: tuple[int, ...]) -> tuple[Any, Any, frozenset[tuple[int, int, int]]]:
            """For a token with these values: the rules it matches alone, the runs it can start, and
            every (rule, pattern, position) it fits."""
            values = dict(zip(_KEYS, key, strict=True))
            lower = self.vocab.strings[key[1]] if key[1] else None
            singles: list[int] = []
            starts: list[tuple[int, int]] = []
            fits: set[tuple[int, int, int]] = set()
            for rule, patterns in self._lookup.items():
                for p, pattern in enumerate(patterns):
                    for j, spec in enumerate(pattern):
                        if _holds(spec, values, lower):
                            fits.add((rule, p, j))
                    if (rule, p, 0) in fits:
                        if len(pattern) == 1:
                            singles.append(rule)
                        else:
                            starts.append((rule, p))
            return tuple(dict.fromkeys(singles)), tuple(starts), frozenset(fits)

        def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
            """The (rule id, match id, start, end) of every rule match, sorted as `AttributeRuler.match`
            returns them: later rules are applied last and win."""
            import numpy as np
            from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

            matches: list[tuple[int, int, int, int]] = []
            if len(self._lookup) < len(self.attrs):
                rest = self._rest_matcher()(doc, allow_missing=True, as_spans=False)
                matches += [(int(self.vocab.strings[m]), m, s, e) for m, s, e in rest]
            n = len(doc)
            if n and self._lookup:
                if self._lowers is None:
                    self._prepare()
                columns = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).astype(np.uint64)
                lower = columns[:, 1]
                named = np.isin(lower, self._lowers)
                if self._regexes:  # a word some rule's pattern fits counts as itself too
                    strings = self.vocab.strings
                    hits = [
                        u
                        for u in np.unique(lower[~named]).tolist()
                        if any(r.search(strings[u]) for r in self._regexes)
                    ]
                    if hits:
                        named |= np.isin(lower, np.array(hits, dtype=np.uint64))
                columns[:, 1] = np.where(named, lower, 0)  # any other word decides no match
                memo, ids, lookup = self._memo, self._ids, self._lookup
                infos = []
                for row in map(tuple, columns.tolist()):
                    info = memo.get(row)
                    if info is None:
                        info = memo[row] = self._fits(row)
                    infos.append(info)
                for i, (singles, starts, _) in enumerate(infos):
                    matches += [(rule, ids[rule], i, i + 1) for rule in singles]
                    for rule, p in starts:
                        k = len(lookup[rule][p])
                        if i + k <= n and all((rule, p, j) in infos[i + j][2] for j in range(1, k)):
                            matches.append((rule, ids[rule], i, i + k))
            matches.sort()
            return matches

    @Language.factory(FACTORY, default_config={"validate": False, "scorer": None})
    def make_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> LookupAttributeRuler:
        return LookupAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)
