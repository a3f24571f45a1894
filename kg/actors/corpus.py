"""Actors across documents: one node per person, country, organisation and group in the corpus.

Works on the plain `LocalActor` records of each document (never on parses), so it needs only a compact
index whatever the corpus size. Two full names are one person when their surnames are equal or spelling
variants (rapidfuzz ratio >= 85 with the same initial: Zelensky / Zelenskyy / Zelenskiy / Zelenskyi)
and their first names agree: equal, an initial of the other ("J.D." / "James David"), or a close
transliteration of a long name. Two people who share a surname but not a first name never merge. A lone
surname joins the one person of the corpus it can belong to, and stays alone when there are several.
Countries merge on their ISO code; organisations on their folded name, an alias another document gave
them ("EOC" beside "Equal Opportunities Commission") and, for a lone word the model tagged as an
organisation, the one person whose surname it is. The label is the most complete common form.
Unnamed speakers ("officials", "a senior official": every mention labelled DESCRIPTION_LABEL) are never
merged: two articles' "officials" are different people, so each stays a node of its own document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.actors import gazetteer as gz
from kg.actors.index import DESCRIPTION_LABEL, TITLE_LABEL
from kg.ids import short_hash, slugify
from kg.types import Actor, ActorType, DocResult, LocalActor, Resolution

SURNAME_SIMILARITY = 85.0  # rapidfuzz ratio from which two surnames are spellings of one name
FIRST_NAME_SIMILARITY = 88.0  # ... and two long first names (>= 6 letters) transliterations of one


# ------------------------------------------------------------------------------------ name matching


def _similar(a: str, b: str, threshold: float) -> bool:
    from rapidfuzz import fuzz

    return a == b or (a[:1] == b[:1] and fuzz.ratio(a, b) >= threshold)


def surnames_match(a: str, b: str) -> bool:
    """Same surname, or a transliteration/spelling variant of it (folded keys)."""
    return _similar(a, b, SURNAME_SIMILARITY)


def first_names_match(a: list[str], b: list[str]) -> bool:
    """Given names agree: equal, initials of each other, or close variants of a long name."""
    if not a or not b:
        return True
    if a == b:
        return True
    ja, jb = "".join(a), "".join(b)
    if all(len(w) == 1 for w in a) or all(len(w) == 1 for w in b):  # "jd" / "j" against "james david"
        ia = ja if all(len(w) == 1 for w in a) else "".join(w[0] for w in a)
        ib = jb if all(len(w) == 1 for w in b) else "".join(w[0] for w in b)
        if len(a) == 1 and len(a[0]) > 1 and len(ia) == 1:  # a one-word initial key like "jd"
            ia = a[0]
        if len(b) == 1 and len(b[0]) > 1 and len(ib) == 1:
            ib = b[0]
        return ia.startswith(ib) or ib.startswith(ia)
    if a[0] == b[0]:
        ma, mb = "".join(w[0] for w in a[1:]), "".join(w[0] for w in b[1:])
        return not (ma and mb and ma != mb)  # a middle name may be left out, not changed
    return min(len(a[0]), len(b[0])) >= 6 and _similar(a[0], b[0], FIRST_NAME_SIMILARITY)


def _initials_key(key: str) -> bool:
    return len(key) <= 3 and key.isalpha()


def same_person(a: str, b: str) -> bool:
    """Whether two multi-word name keys (see `gz.name_key`) name one person."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return a == b
    if a == b:
        return True
    if not surnames_match(wa[-1], wb[-1]):
        return False
    fa, fb = wa[:-1], wb[:-1]
    if len(fa) == 1 and _initials_key(fa[0]) and fa[0] != fb[0]:
        fa = list(fa[0])  # "jd vance": initials
    if len(fb) == 1 and _initials_key(fb[0]) and fa[0] != fb[0]:
        fb = list(fb[0])
    return first_names_match(fa, fb)


def surname_of(key: str) -> str:
    """The surname part of a name key (particles kept: "von der leyen")."""
    words = key.split()
    particles = gz.lexicon()["name_particles"]
    i = len(words) - 1
    while i > 0 and words[i - 1] in particles:
        i -= 1
    return " ".join(words[i:])


def is_surname_only(key: str) -> bool:
    """A one-word name, or a surname with its particles ("von der leyen")."""
    words = key.split()
    return len(words) == 1 or (words[0] in gz.lexicon()["name_particles"] and len(words) >= 2)


# --------------------------------------------------------------------------------------- clustering


@dataclass
class _Cluster:
    type: ActorType
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: Counter[str] = field(default_factory=Counter)
    affiliations: dict[str, None] = field(default_factory=dict)
    members: list[tuple[str, str]] = field(default_factory=list)
    mentions: int = 0
    unnamed: bool = False  # the unnamed speaker of one document (never merged, see `resolve`)

    def add(self, doc_id: str, actor: LocalActor) -> None:
        self.names[actor.name] += max(1, len(actor.mentions))
        self.aliases.update(dict.fromkeys(m.text for m in actor.mentions if m.label != TITLE_LABEL))
        self.aliases.setdefault(actor.name, None)
        self.roles.update(actor.roles)
        self.affiliations.update(dict.fromkeys(actor.affiliations))
        self.members.append((doc_id, actor.id))
        self.mentions += len(actor.mentions)

    def absorb(self, other: _Cluster) -> None:
        self.names.update(other.names)
        self.aliases.update(other.aliases)
        self.roles.update(other.roles)
        self.affiliations.update(other.affiliations)
        self.members.extend(other.members)
        self.mentions += other.mentions

    def label(self) -> str:
        """The most complete common form: a written-case name with the most words, then the most frequent."""

        person = self.type is ActorType.PERSON

        def rank(n: str) -> tuple[int, int, int, int, str]:
            shouting = int(person and n.isupper() and len(n) > 3)
            accents = sum(not c.isascii() for c in n)  # "Šakalienė" says more than "Sakaliene"
            return (shouting, -len(n.split()) if person else 0, -self.names[n], -accents, n)

        best = sorted(self.names, key=rank)[0]
        if person and best.isupper() and len(best) > 3:
            return " ".join(w.capitalize() for w in best.split())
        return best

    def role_list(self) -> tuple[str, ...]:
        """Roles, most frequent first, one per spelling that differs only in case."""
        by_fold: dict[str, Counter[str]] = defaultdict(Counter)
        for role, n in self.roles.items():
            by_fold[role.casefold().replace("-", " ")][role] += n
        ranked = sorted(by_fold.values(), key=lambda c: (-sum(c.values()), min(c)))
        return tuple(c.most_common(1)[0][0] for c in ranked)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def similar_pairs(left: Iterable[str], right: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs (l, r) of surnames that may be one name: same initial and rapidfuzz ratio >= SURNAME_SIMILARITY.

    Compared in bulk per initial with `rapidfuzz.process.cdist`, so a large corpus costs one C++ pass
    per initial instead of a Python comparison per pair.
    """
    from rapidfuzz import fuzz, process

    def by_initial(words: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for w in sorted(set(words)):
            out[w[:1]].append(w)
        return out

    rights = by_initial(right)
    pairs: list[tuple[str, str]] = []
    for initial, ls in by_initial(left).items():
        rs = rights.get(initial)
        if not rs:
            continue
        scores = process.cdist(ls, rs, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY)
        for i, j in zip(*scores.nonzero(), strict=True):
            pairs.append((ls[int(i)], rs[int(j)]))
    return pairs


def _person_groups(keys: Iterable[str]) -> dict[str, str]:
    """Map every person name key to its group's representative key."""
    keys = sorted(set(keys))
    full = [k for k in keys if not is_surname_only(k)]
    lone = [k for k in keys if is_surname_only(k)]
    uf = _UnionFind()
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in full:
        uf.find(k)
        by_surname[surname_of(k)].append(k)
    for s1, s2 in similar_pairs(by_surname, by_surname):
        if s1 > s2:
            continue
        for a in by_surname[s1]:
            for b in by_surname[s2]:
                if (a < b or (s1 != s2 and a != b)) and same_person(a, b):
                    uf.union(a, b)
    owners: dict[str, set[str]] = defaultdict(set)
    for word, surname in similar_pairs((surname_of(k) for k in lone), by_surname):
        owners[word].update(uf.find(f) for f in by_surname[surname])
    for k in lone:
        found = owners.get(surname_of(k), set())
        if len(found) == 1:
            uf.union(k, found.pop())
        else:
            uf.find(k)
    return {k: uf.find(k) for k in keys}


def _base_key(actor: LocalActor) -> tuple[ActorType, str]:
    if actor.type is ActorType.COUNTRY:
        code = gz.country_code(actor.name)
        if code:
            return actor.type, code
    return actor.type, gz.fold(actor.name)


def resolve(results: Iterable[DocResult]) -> Resolution:
    """Merge every document's local actors into corpus actors with stable keys."""
    clusters: dict[tuple[ActorType, str], _Cluster] = {}
    people: list[tuple[str, LocalActor]] = []
    for result in results:
        for actor in result.actors:
            if actor.mentions and all(m.label == DESCRIPTION_LABEL for m in actor.mentions):
                key = (actor.type, f"{gz.fold(actor.name)}@{result.document.id}")  # never merged across
                clusters.setdefault(key, _Cluster(actor.type, unnamed=True)).add(result.document.id, actor)
            elif actor.type is ActorType.PERSON:
                people.append((result.document.id, actor))
            else:
                key = _base_key(actor)
                clusters.setdefault(key, _Cluster(actor.type)).add(result.document.id, actor)

    groups = _person_groups(gz.name_key(a.name) for _, a in people)
    for doc_id, actor in people:
        ck = (ActorType.PERSON, groups[gz.name_key(actor.name)])
        clusters.setdefault(ck, _Cluster(ActorType.PERSON)).add(doc_id, actor)

    redirect = _merge_organisations(clusters, groups)
    return _finish(clusters, redirect)


_Key = tuple[ActorType, str]


def _merge_organisations(clusters: dict[_Key, _Cluster], groups: dict[str, str]) -> dict[_Key, _Key]:
    """Organisations named by an alias of another one, and lone surnames mistaken for organisations.

    Returns where each absorbed cluster went, so affiliations naming it follow.
    """
    redirect: dict[_Key, _Key] = {}
    orgs = sorted(ck for ck in clusters if ck[0] is ActorType.ORGANIZATION)
    alias_owner: dict[str, set[tuple[ActorType, str]]] = defaultdict(set)
    for ck in orgs:
        for alias in clusters[ck].aliases:
            alias_owner[gz.fold(alias)].add(ck)
    for ck in orgs:
        owners = alias_owner.get(ck[1], set()) - {ck}
        if len(owners) == 1 and ck in clusters:
            target = owners.pop()
            if target in clusters and len(clusters[target].members) > 0:
                clusters[target].absorb(clusters.pop(ck))
                redirect[ck] = target
    full_people = {groups[k] for k in groups if not is_surname_only(k)}
    surname_owner: dict[str, set[str]] = defaultdict(set)
    for k, rep in groups.items():
        if rep in full_people:
            surname_owner[surname_of(k)].add(rep)
    full_keys = {k: rep for k, rep in groups.items() if rep in full_people}
    for ck in sorted(c for c in clusters if c[0] is ActorType.ORGANIZATION):
        name = ck[1]
        if " " in name:  # "Vincent Cable" tagged as an organisation here, a person elsewhere
            pk = (ActorType.PERSON, full_keys.get(gz.name_key(name), ""))
            if pk in clusters and clusters[ck].members and not gz.organization_name(name):
                clusters[pk].absorb(clusters.pop(ck))
                redirect[ck] = pk
            continue
        if gz.organization_name(name) or not clusters[ck].members:
            continue
        if any(a.isupper() for a in clusters[ck].aliases):  # an acronym is an organisation
            continue
        owners = surname_owner.get(name, set())
        if len(owners) == 1:
            pk = (ActorType.PERSON, owners.pop())
            if pk in clusters:
                clusters[pk].absorb(clusters.pop(ck))
                redirect[ck] = pk
    return redirect


def _actor_key(kind: ActorType, base: str, label: str) -> str:
    if kind is ActorType.COUNTRY and len(base) == 2 and base.isupper():
        return f"country/{base.lower()}"
    return f"{kind.value.lower()}/{slugify(label)}"


def _finish(clusters: dict[_Key, _Cluster], redirect: dict[_Key, _Key]) -> Resolution:
    keys: dict[tuple[ActorType, str], str] = {}
    labels: dict[tuple[ActorType, str], str] = {}
    taken: set[str] = set()

    def assign(ck: tuple[ActorType, str], label: str) -> None:
        key = _actor_key(ck[0], ck[1], label)
        if key in taken:  # two distinct actors with one label: keep both, apart
            key = f"{key}-{short_hash(ck[1])}"
        taken.add(key)
        labels[ck] = label
        keys[ck] = key

    for ck in sorted(clusters, key=lambda c: (c[0].value, c[1])):
        cluster = clusters[ck]
        is_code = ck[0] is ActorType.COUNTRY and len(ck[1]) == 2
        assign(ck, gz.country_label(ck[1]) if is_code else cluster.label())

    # Affiliations name countries or organisations; make sure each has a node of its own, and give
    # people affiliated with a government body its country too.
    def target(name: str) -> _Key:
        ck = _affiliation_cluster_key(name)
        return redirect.get(ck, ck)

    def add_affiliation_nodes() -> None:  # in a fixed order, so labels do not depend on input order
        for ck0 in sorted(clusters):
            for name in sorted(clusters[ck0].affiliations):
                ck = target(name)
                if ck not in clusters:
                    clusters[ck] = _Cluster(ck[0])
                    clusters[ck].names[name] += 1
                    clusters[ck].aliases[name] = None
                    assign(ck, gz.country_label(ck[1]) if ck[0] is ActorType.COUNTRY else name)

    for cluster in list(clusters.values()):
        for name in list(cluster.affiliations):
            country = gz.organization_country(name)
            if country:
                cluster.affiliations.setdefault(gz.country_label(country), None)
    add_affiliation_nodes()
    for ck in list(clusters):
        country = gz.organization_country(labels[ck]) if ck[0] is ActorType.ORGANIZATION else None
        if country:
            clusters[ck].affiliations.setdefault(gz.country_label(country), None)
    add_affiliation_nodes()

    actors: list[Actor] = []
    local_to_global: dict[tuple[str, str], str] = {}
    for ck, cluster in clusters.items():
        key = keys[ck]
        affiliations = tuple(sorted({keys[target(n)] for n in cluster.affiliations} - {key}))
        code = ck[1] if ck[0] is ActorType.COUNTRY and len(ck[1]) == 2 else None
        actors.append(
            Actor(
                key=key,
                name=labels[ck],
                type=ck[0],
                aliases=tuple(sorted(cluster.aliases)),
                roles=cluster.role_list(),
                affiliations=affiliations,
                country_code=code,
                mention_count=cluster.mentions,
                unnamed=cluster.unnamed,
            )
        )
        for member in cluster.members:
            local_to_global[member] = key
    actors.sort(key=lambda a: a.key)
    return Resolution(tuple(actors), local_to_global)


def _affiliation_cluster_key(name: str) -> tuple[ActorType, str]:
    code = gz.country_code(name)
    if code:
        return ActorType.COUNTRY, code
    return ActorType.ORGANIZATION, gz.fold(name)
