"""Roles and affiliations of a person from the words around a name.

Three constructions carry them in news: a title phrase before the name ("German Defense Minister Boris
Pistorius", "Hungary's Viktor Orban", "the EU's top diplomat Kaja Kallas"), an apposition after it
("Jana Kobzova, senior policy fellow at the ECFR", "Donald Tusk, Prime Minister of Poland", "Edward
Leigh, who is chairman of the public accounts committee") and a possessive. The phrase is read token by
token (so a shaky parse of a long title does not cut it short); countries, demonyms and organisations in
it become affiliations, the rest is the role, kept only when it has a title noun ("minister", "fellow").
Portfolio words the model tags as organisations ("Defense", "Trade and Industry") stay in the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.actors import gazetteer as gz

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "-", "–", "on"})
_AFFILIATION_PREPS = frozenset({"at", "of", "for", "with", "from", "to"})
_DROP = frozenset({"a", "an", "the", "'s", "’s", "his", "her", "their", "its", "now", "also"})
_AFFIL_LABELS = frozenset({"ORG", "GPE", "NORP"})
_NAME_HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady"}
)
_MAX_PHRASE = 14
_MAX_GAZ = 5


@dataclass(frozen=True)
class RoleInfo:
    """Roles (title literals) and affiliations (country or organisation names) found for one mention."""

    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()

    def __add__(self, other: RoleInfo) -> RoleInfo:
        return RoleInfo(
            tuple(dict.fromkeys(self.roles + other.roles)),
            tuple(dict.fromkeys(self.affiliations + other.affiliations)),
        )


def _is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.lower_ in {"'s", "’s"}


def _portfolio_only(tokens: list[Token]) -> bool:
    """Words that name a portfolio, not an organisation ("Defense", "Trade and Industry", "State")."""
    lex = gz.lexicon()
    words = [t.lower_ for t in tokens if t.is_alpha]
    return bool(words) and all(w in lex["portfolio_words"] or w in lex["titles"] for w in words)


def _gazetteer_name(tokens: list[Token], possessive: bool = False) -> str | None:
    """Canonical country/organisation of a phrase: name, alias, demonym (a capital only as a possessor)."""
    text = " ".join(t.text for t in tokens if t.lower_ not in _DROP and not _is_possessive(t)).strip()
    if not text or not any(ch.isupper() for ch in text):
        return None
    code = gz.country_code(text) or gz.demonym_country(text)
    if not code and possessive:
        code = gz.capital_country(text)
    if code:
        return gz.country_label(code)
    return gz.organization_name(text)


def affiliation_name(tokens: list[Token]) -> str | None:
    """Canonical name of a country/organisation phrase or demonym, or None if it names neither."""
    name = _gazetteer_name(tokens)
    if name:
        return name
    words = [t for t in tokens if t.lower_ not in _DROP and not _is_possessive(t) and not t.is_punct]
    if not words or _portfolio_only(words) or gz.is_place(" ".join(t.text for t in words)):
        return None
    if any(t.ent_type_ == "ORG" for t in words):
        return " ".join(t.text for t in words)
    return None


def _gazetteer_phrase_ending(doc: Doc, i: int, lo: int) -> int | None:
    """Start of the longest gazetteer phrase ending at token `i` (not before `lo`), if any."""
    top = min(_MAX_GAZ, i - lo + 1)
    if top <= 0:
        return None
    window = list(doc[i - top + 1 : i + 1])  # the tokens once; each length is a tail of them
    possessive = i + 1 < len(doc) and _is_possessive(doc[i + 1])
    for length in range(top, 0, -1):
        toks = window[top - length :]
        if _bad_phrase(toks):
            continue
        if _gazetteer_name(toks, possessive) and not _portfolio_only(toks):
            return i - length + 1
    return None


def _gazetteer_phrase_starting(tokens: list[Token], i: int) -> int | None:
    """End (exclusive) of the longest gazetteer phrase starting at `tokens[i]`, if any."""
    for length in range(min(_MAX_GAZ, len(tokens) - i), 0, -1):
        toks = tokens[i : i + length]
        if toks[-1].i - toks[0].i != length - 1 or _bad_phrase(toks):
            continue
        nxt = toks[-1].i + 1
        possessive = nxt < len(toks[0].doc) and _is_possessive(toks[0].doc[nxt])
        if _gazetteer_name(toks, possessive) and not _portfolio_only(toks):
            return i + length
    return None


def _bad_phrase(toks: list[Token]) -> bool:
    """Not a name: starts or ends with punctuation or a dropped word, or holds a space or line break."""
    if toks[0].is_punct or toks[-1].is_punct or toks[0].lower_ in _DROP:
        return True
    return any(t.is_space or "\n" in t.text or ("\n" in t.whitespace_ and t is not toks[-1]) for t in toks)


def _blank(tok: Token) -> bool:
    """A whitespace token within a line (a non-breaking space)."""
    return tok.is_space and "\n" not in tok.text


def _new_title_phrase(tok: Token) -> bool:
    """A word that opens a title phrase of its own ("and Ukrainian President ...": another person's)."""
    return bool(gz.demonym_country(tok.text) or gz.country_code(tok.text) or tok.ent_type_ in {"GPE", "NORP"})


def _titleish(tok: Token) -> bool:
    """A word that can stand in a title phrase: a title word, a country or organisation name, a demonym."""
    lex = gz.lexicon()
    low = tok.lower_
    if low in lex["titles"] or low in lex["title_heads"] or tok.lemma_.lower() in lex["title_heads"]:
        return True
    if tok.ent_type_ == "PERSON" or tok.is_punct or tok.like_num:
        return False
    if tok.ent_type_ in _AFFIL_LABELS or gz.demonym_country(tok.text):
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in {"", "WORK_OF_ART"}


def _is_head(tok: Token) -> bool:
    heads = gz.lexicon()["title_heads"]
    return tok.lower_ in heads or tok.lemma_.lower() in heads


_NOT_MODIFIERS = frozenset(
    {"not", "also", "now", "then", "only", "even", "just", "so", "too", "still", "already", "there", "here"}
)


def _modifier(tok: Token) -> bool:
    """A lowercase word that can sit inside a title phrase ("senior policy fellow", "most recent MP")."""
    return (
        tok.is_lower
        and tok.is_alpha
        and tok.pos_ in {"NOUN", "ADJ", "ADV", "PROPN"}
        and tok.lower_ not in _NOT_MODIFIERS
    )


def left_phrase(span: Span) -> list[Token]:
    """The title phrase written before a name, nearest words last (may be empty)."""
    return _left_phrase_at(span.doc, span.start - 1)


def _titleish_beyond_connectors(doc: Doc, i: int) -> bool:
    """Whether a title word lies left of token `i`, past at most two connectors ("Secretary of the")."""
    for k in range(i, max(-1, i - 3), -1):
        if _titleish(doc[k]) or doc[k].lower_ == "ex":
            return True
        if doc[k].lower_ not in _CONNECTORS:
            return False
    return False


def _left_phrase_at(doc: Doc, i: int) -> list[Token]:
    """The title phrase ending at token `i` (walking left)."""
    while i >= 0 and (doc[i].lower_ in _NAME_HONORIFICS or _blank(doc[i])):  # "NAO head Sir John Bourn"
        i -= 1
    lo = max(0, i - _MAX_PHRASE)
    out: list[Token] = []
    while i >= lo:
        tok = doc[i]
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        if _blank(tok):
            i -= 1
            continue
        start = _gazetteer_phrase_ending(doc, i, lo)
        if start is not None:
            out[:0] = list(doc[start : i + 1])
            i = start - 1
            continue
        if _titleish(tok) or _is_possessive(tok) or _modifier(tok):
            out.insert(0, tok)
            i -= 1
            continue
        if tok.lower_ == "and" and out and _new_title_phrase(out[0]):
            break  # "X, Minister of Defense and Ukrainian President Y": two people's titles
        if tok.lower_ == "the" and (i == 0 or doc[i - 1].lower_ not in {"of", "for", "on"}):
            break  # "the" inside a title only after "of"/"for": "High Representative of the EU"
        if tok.lower_ in _CONNECTORS and out and i > 0 and _titleish_beyond_connectors(doc, i - 1):
            out.insert(0, tok)
            i -= 1
            continue
        break
    # A phrase starts with a title word or a name, never with a loose modifier or connector.
    while out and (out[0].lower_ in _CONNECTORS or _is_possessive(out[0]) or _modifier(out[0])):
        if _modifier(out[0]) and out[0].lower_ in gz.lexicon()["titles"]:
            break
        out.pop(0)
    return out


def _right_phrase(span: Span) -> tuple[list[Token], int]:
    """The apposition after a name ("X, senior fellow at Y"), and the index where it stopped."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return [], i
    i += 1
    while i < len(doc) and _blank(doc[i]):
        i += 1
    if doc[i].lower_ in {"who", "which"} and i + 1 < len(doc) and doc[i + 1].lemma_ == "be":
        i += 2
    out: list[Token] = []
    hi = min(len(doc), i + _MAX_PHRASE)
    while i < hi:
        tok = doc[i]
        if _blank(tok):
            i += 1
            continue
        if tok.ent_type_ == "PERSON":  # a list of people, not an apposition: keep what came before "and"
            cut = max((k for k, t in enumerate(out) if t.lower_ == "and"), default=None)
            return (out[:cut] if cut is not None else []), i
        if tok.lower_ in _DROP and not out:
            i += 1
            continue
        if tok.is_punct and tok.text not in {"-", "–"} and not _is_possessive(tok):
            break
        if "\n" in tok.text:
            break
        fits = (
            _titleish(tok) or _is_possessive(tok) or _modifier(tok) or tok.lower_ in _CONNECTORS | {"a", "an"}
        )
        if not (fits or (tok.lower_ in _AFFILIATION_PREPS and out)):
            break
        out.append(tok)
        if "\n" in tok.whitespace_:
            i += 1
            break
        i += 1
    return out, i


def _join(tokens: list[Token]) -> str:
    """Tokens as written: their own spacing where adjacent, one space across a gap."""
    parts: list[str] = []
    for k, tok in enumerate(tokens):
        parts.append(tok.text)
        if k + 1 < len(tokens):
            parts.append(tok.whitespace_ if tokens[k + 1].i == tok.i + 1 else " ")
    return "".join(parts).strip()


def split_phrase(tokens: list[Token]) -> RoleInfo:
    """Split a title phrase into affiliations (countries, demonyms, organisations) and the role proper."""
    for k in range(len(tokens) - 1, 0, -1):  # "the Queen's grandson": the title before 's is another's
        if _is_possessive(tokens[k]) and _is_head(tokens[k - 1]):
            tokens = tokens[k + 1 :]
            break
    affiliations: list[str] = []
    role: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        end = _gazetteer_phrase_starting(tokens, i)
        if tok.ent_type_ == "ORG" and tok.lower_ not in _DROP:
            j = i + 1
            while j < len(tokens) and tokens[j].ent_iob_ == "I" and tokens[j].ent_type_ == "ORG":
                j += 1
            if not _portfolio_only(tokens[i:j]) and j > (end or 0):
                end = j
        if end is None and _orphan_name(tokens, i):
            end = i + 1
            while end < len(tokens) and _orphan_name(tokens, end):
                end += 1
        if end is not None:
            name = affiliation_name(tokens[i:end]) or _plain_name(tokens[i:end])
            if name and gz.is_place(name) and not gz.country_code(name):
                i = end  # "Norfolk farmer": where the person is from, not an affiliation
                continue
            if name:
                affiliations.append(name)
                while role and (role[-1].lower_ in _CONNECTORS | _AFFILIATION_PREPS):
                    role.pop()  # "High Representative of the [EU]": the "of the" went with the name
                i = end
                continue
        if (
            tok.lower_ not in _DROP
            and not _is_possessive(tok)
            and not tok.is_space
            and not (tok.is_punct and tok.text not in "-–")
        ):
            role.append(tok)
        i += 1
    while role and (role[0].lower_ in _CONNECTORS | _AFFILIATION_PREPS or role[0].text in "-–"):
        role.pop(0)
    heads = [k for k, t in enumerate(role) if _is_head(t)]
    if not heads:
        return RoleInfo((), tuple(dict.fromkeys(affiliations)))
    body = _trailing_body(role[heads[-1] + 1 :])
    if body:
        affiliations.append(_join(body))
        role = role[: heads[-1] + 1]
    role = role[: heads[-1] + 1] if _trailing_junk(role[heads[-1] + 1 :]) else role
    while role and (role[-1].lower_ in _CONNECTORS | _AFFILIATION_PREPS or role[-1].text in "-–"):
        role.pop()
    return RoleInfo((_join(role),), tuple(dict.fromkeys(affiliations)))


def _trailing_body(tail: list[Token]) -> list[Token]:
    """The organisation in "<role> of/at (the) <words ending in an organisation noun>", if any."""
    if len(tail) < 2 or tail[0].lower_ not in _AFFILIATION_PREPS:
        return []
    body = [t for t in tail[1:] if t.lower_ not in _DROP]
    if body and body[-1].lower_ in gz.lexicon()["org_heads"] and any(t.text[:1].isupper() for t in body):
        return body
    return []


def _trailing_junk(tail: list[Token]) -> bool:
    """Words after the last title noun that do not belong to the role (connectors, loose modifiers)."""
    return all(t.lower_ in _CONNECTORS | _AFFILIATION_PREPS or _modifier(t) or t.is_punct for t in tail)


def _orphan_name(tokens: list[Token], i: int) -> bool:
    """An untagged capitalised word before a title noun that names an outfit ("Newsnight journalist")."""
    tok = tokens[i]
    lex = gz.lexicon()
    if tok.ent_type_ not in {"", "WORK_OF_ART"} or not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    if tok.pos_ != "PROPN":
        return False
    if tok.lower_ in lex["titles"] or tok.lower_ in lex["portfolio_words"] or tok.lower_ in lex["honorifics"]:
        return False
    return i + 1 < len(tokens) and (_is_head(tokens[i + 1]) or _orphan_name(tokens, i + 1))


def _plain_name(tokens: list[Token]) -> str | None:
    words = [t.text for t in tokens if t.lower_ not in _DROP and not _is_possessive(t) and not t.is_punct]
    return " ".join(words) or None


def _clause_affiliation(doc: Doc, start: int) -> str | None:
    """An organisation after "at/with/of" later in the same clause ("a researcher focused on X at Y")."""
    for i in range(start, min(len(doc), start + _MAX_PHRASE)):
        tok = doc[i]
        if tok.is_punct and tok.text not in {"-", "–"}:
            return None
        if tok.lower_ in {"at", "with", "of", "for"}:
            j = i + 1
            while j < len(doc) and doc[j].lower_ in {"the", "a", "an"}:
                j += 1
            if j < len(doc) and doc[j].ent_type_ == "ORG":
                k = j
                while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
                    k += 1
                return affiliation_name(list(doc[j : k + 1]))
    return None


def _post_nominal(span: Span) -> RoleInfo:
    """A title written after the name ("Margaret Moran MP")."""
    doc = span.doc
    if span.end < len(doc):
        tok = doc[span.end]
        if tok.text.isupper() and tok.lower_ in gz.lexicon()["post_nominals"]:
            return RoleInfo((tok.text,), ())
    return RoleInfo()


def _inverted_apposition(span: Span) -> RoleInfo:
    """A title phrase before the name, set off by commas ("The Shadow Secretary for X, Theresa May, said")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or span.end >= len(doc) or doc[span.end].text != ",":
        return RoleInfo()
    phrase = _left_phrase_at(doc, span.start - 2)
    if not phrase or phrase[0].i == 0 or doc[phrase[0].i - 1].lower_ != "the":
        return RoleInfo()
    info = split_phrase(phrase)
    return info if info.roles else RoleInfo()


def roles_for(span: Span) -> RoleInfo:
    """All roles and affiliations stated around one person mention."""
    if span.label_ != "PERSON":
        return RoleInfo()
    info = split_phrase(left_phrase(span)) + _post_nominal(span) + _inverted_apposition(span)
    right, stop = _right_phrase(span)
    right = _without_relation(right)
    if right:
        app = split_phrase(right)
        if app.roles:
            info = info + app
        elif (
            app.affiliations
            and _bare_org_apposition(span.doc, right, stop)
            and any(not gz.country_code(a) for a in app.affiliations)
        ):
            info = info + RoleInfo((), tuple(a for a in app.affiliations if not gz.country_code(a)))
        if app.roles and stop < len(span.doc) and span.doc[stop].tag_ in {"VBN", "VBG"}:
            extra = _clause_affiliation(span.doc, stop)
            if extra:
                info = info + RoleInfo((), (extra,))
    return info


def _without_relation(tokens: list[Token]) -> list[Token]:
    """Cut "a friend of the Tory leader" at "of": a title after the preposition is another person's."""
    for k, tok in enumerate(tokens):
        if tok.lower_ in _AFFILIATION_PREPS and any(_is_head(t) for t in tokens[k + 1 :]):
            return tokens[:k]
    return tokens


def _bare_org_apposition(doc: Doc, phrase: list[Token], i: int) -> bool:
    """An organisation right after the comma, with no article, that ends the subject (a comma or a verb
    follows): "X, Blackpool Hotel Association said"; not "According to X, the EU should ..."."""
    if not phrase or phrase[0].i == 0 or doc[phrase[0].i - 1].text != ",":
        return False
    return i >= len(doc) or doc[i].text == "," or doc[i].pos_ == "VERB"
