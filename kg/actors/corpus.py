"""Actors across documents: one node per person, country, organisation and group in the corpus.

Works on the plain `LocalActor` records of each document (never on parses), so it needs only a compact
index whatever the corpus size. People merge when their folded names match, when a lone surname has a
single full-name owner in the corpus, or when first names match and surnames are spelling variants
(Zelensky / Zelenskyy / Zelenskiy); two people who share a surname but not a first name never merge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.actors import gazetteer as gz
from kg.ids import slugify
from kg.types import Actor, ActorType, DocResult, LocalActor, Resolution

SURNAME_SIMILARITY = 85.0  # rapidfuzz ratio above which two surnames with the same first name are one person


@dataclass
class _Cluster:
    type: ActorType
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: Counter[str] = field(default_factory=Counter)
    affiliations: dict[str, None] = field(default_factory=dict)
    members: list[tuple[str, str]] = field(default_factory=list)
    mentions: int = 0

    def add(self, doc_id: str, actor: LocalActor) -> None:
        self.names[actor.name] += max(1, len(actor.mentions))
        self.aliases.update(dict.fromkeys(actor.aliases))
        self.aliases.setdefault(actor.name, None)
        self.roles.update(actor.roles)
        self.affiliations.update(dict.fromkeys(actor.affiliations))
        self.members.append((doc_id, actor.id))
        self.mentions += len(actor.mentions)

    def label(self) -> str:
        """The most complete common form: most words first, then most frequent, then alphabetical."""
        return sorted(self.names, key=lambda n: (-len(n.split()), -self.names[n], n))[0]


def _base_key(actor: LocalActor) -> tuple[ActorType, str]:
    if actor.type is ActorType.COUNTRY:
        code = gz.country_code(actor.name)
        if code:
            return actor.type, code
    return actor.type, gz.fold(actor.name)


def _person_merge_target(name: str, full_names: dict[str, list[str]]) -> str | None:
    """Which existing full-name key a person name joins (None: it stands alone)."""
    from rapidfuzz import fuzz

    words = gz.fold(name).split()
    if len(words) == 1:
        owners = full_names.get(words[0], [])
        return owners[0] if len(owners) == 1 else None
    first, last = words[0], words[-1]
    for key_last, owners in full_names.items():
        if key_last == last:
            continue
        if fuzz.ratio(key_last, last) < SURNAME_SIMILARITY:
            continue
        for owner in owners:
            if owner.split()[0] == first:
                return owner
    return None


def resolve(results: Iterable[DocResult]) -> Resolution:
    """Merge every document's local actors into corpus actors with stable keys."""
    clusters: dict[tuple[ActorType, str], _Cluster] = {}
    pending_people: list[tuple[str, LocalActor]] = []
    for result in results:
        for actor in result.actors:
            if actor.type is ActorType.PERSON:
                pending_people.append((result.document.id, actor))
                continue
            key = _base_key(actor)
            clusters.setdefault(key, _Cluster(actor.type)).add(result.document.id, actor)

    # People: full names first (so surnames and variants have owners to join), in a stable order.
    full_names: dict[str, list[str]] = defaultdict(list)  # folded surname -> folded full names
    people: dict[str, _Cluster] = {}
    ordered = sorted(pending_people, key=lambda p: (-len(p[1].name.split()), gz.fold(p[1].name), p[0]))
    for doc_id, actor in ordered:
        folded = gz.fold(actor.name)
        target = folded if folded in people else _person_merge_target(actor.name, full_names)
        if target is None:
            target = folded
            if len(folded.split()) >= 2:
                full_names[folded.split()[-1]].append(folded)
        people.setdefault(target, _Cluster(ActorType.PERSON)).add(doc_id, actor)
    for folded, cluster in people.items():
        clusters[(ActorType.PERSON, folded)] = cluster

    return _finish(clusters)


def _actor_key(kind: ActorType, base: str, label: str) -> str:
    if kind is ActorType.COUNTRY and len(base) == 2 and base.isupper():
        return f"country/{base.lower()}"
    return f"{kind.value.lower()}/{slugify(label)}"


def _finish(clusters: dict[tuple[ActorType, str], _Cluster]) -> Resolution:
    keys: dict[tuple[ActorType, str], str] = {}
    labels: dict[tuple[ActorType, str], str] = {}
    for ck, cluster in clusters.items():
        label = gz.country_label(ck[1]) if ck[0] is ActorType.COUNTRY and len(ck[1]) == 2 else cluster.label()
        labels[ck] = label
        keys[ck] = _actor_key(ck[0], ck[1], label)

    # Affiliations name countries or organisations; make sure each has a node of its own.
    for cluster in list(clusters.values()):
        for name in cluster.affiliations:
            ck = _affiliation_cluster_key(name)
            if ck not in clusters:
                clusters[ck] = _Cluster(ck[0])
                clusters[ck].names[name] += 1
                clusters[ck].aliases[name] = None
                labels[ck] = gz.country_label(ck[1]) if ck[0] is ActorType.COUNTRY else name
                keys[ck] = _actor_key(ck[0], ck[1], labels[ck])

    actors: list[Actor] = []
    local_to_global: dict[tuple[str, str], str] = {}
    for ck, cluster in clusters.items():
        key = keys[ck]
        affiliations = tuple(
            sorted({keys[_affiliation_cluster_key(n)] for n in cluster.affiliations} - {key})
        )
        roles = tuple(r for r, _ in sorted(cluster.roles.items(), key=lambda kv: (-kv[1], kv[0])))
        code = ck[1] if ck[0] is ActorType.COUNTRY and len(ck[1]) == 2 else None
        actors.append(
            Actor(
                key=key,
                name=labels[ck],
                type=ck[0],
                aliases=tuple(sorted(cluster.aliases)),
                roles=roles,
                affiliations=affiliations,
                country_code=code,
                mention_count=cluster.mentions,
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
