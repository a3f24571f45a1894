"""Cross-document resolution on plain records."""

from kg.actors import resolve
from kg.types import ActorType, DocResult, Document, LocalActor, Mention


def _doc(doc_id: str, *actors: tuple[str, ActorType]) -> DocResult:
    locals_ = tuple(
        LocalActor(f"a{i}", name, kind, (Mention(name, 0, len(name), kind.value),))
        for i, (name, kind) in enumerate(actors)
    )
    return DocResult(Document(doc_id, f"text of {doc_id}"), locals_)


def test_spelling_variants_of_one_person_merge():
    p = ActorType.PERSON
    res = resolve(
        [
            _doc("d1", ("Volodymyr Zelensky", p)),
            _doc("d2", ("Volodymyr Zelenskyy", p)),
            _doc("d3", ("Volodymyr Zelenskiy", p), ("Zelenskiy", p)),
        ]
    )
    people = [a for a in res.actors if a.type is p]
    assert len(people) == 1
    assert set(people[0].aliases) >= {"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"}
    assert {res.key(d, "a0") for d in ("d1", "d2", "d3")} == {people[0].key}


def test_same_surname_different_first_names_stay_apart():
    p = ActorType.PERSON
    res = resolve([_doc("d1", ("Anna Keller", p)), _doc("d2", ("Tomas Keller", p), ("Keller", p))])
    people = sorted(a.name for a in res.actors if a.type is p)
    assert people == ["Anna Keller", "Keller", "Tomas Keller"]  # a lone surname with two owners stays apart


def test_countries_key_on_iso_code():
    c = ActorType.COUNTRY
    res = resolve([_doc("d1", ("United States", c)), _doc("d2", ("United States", c), ("Germany", c))])
    keys = {a.name: (a.key, a.country_code) for a in res.actors}
    assert keys["United States"] == ("country/us", "US")
    assert keys["Germany"] == ("country/de", "DE")


def test_affiliations_get_nodes_of_their_own():
    person = LocalActor("a0", "Aino Virtanen", ActorType.PERSON, (), ("President",), ("Finland",))
    res = resolve([DocResult(Document("d1", "x"), (person,))])
    by_key = {a.key: a for a in res.actors}
    assert by_key["person/aino-virtanen"].affiliations == ("country/fi",)
    assert by_key["country/fi"].type is ActorType.COUNTRY


def _actor(doc: str, name: str, kind: ActorType, *mentions: str, **fields) -> DocResult:
    texts = mentions or (name,)
    actor = LocalActor("a0", name, kind, tuple(Mention(m, 0, len(m), kind.value) for m in texts), **fields)
    return DocResult(Document(doc, f"text of {doc}"), (actor,))


def test_initials_and_full_given_names_are_one_person():
    p = ActorType.PERSON
    res = resolve(
        [_doc("d1", ("J.D. Vance", p)), _doc("d2", ("JD Vance", p)), _doc("d3", ("James David Vance", p))]
    )
    [person] = [a for a in res.actors if a.type is p]
    assert person.name == "James David Vance"
    assert {"J.D. Vance", "JD Vance"} <= set(person.aliases)


def test_different_middle_initials_are_different_people():
    p = ActorType.PERSON
    res = resolve([_doc("d1", ("George W. Bush", p)), _doc("d2", ("George H. W. Bush", p))])
    assert len([a for a in res.actors if a.type is p]) == 2


def test_diacritics_and_capitals_fold_and_the_label_is_written_case():
    p = ActorType.PERSON
    res = resolve(
        [
            _doc("d1", ("Dovilė Šakalienė", p)),
            _doc("d2", ("Dovile Sakaliene", p)),
            _doc("d3", ("ANNA LIND", p)),
        ]
    )
    names = sorted(a.name for a in res.actors if a.type is p)
    assert names == ["Anna Lind", "Dovilė Šakalienė"]


def test_lone_surname_joins_the_one_person_across_documents():
    p = ActorType.PERSON
    res = resolve([_doc("d1", ("Volodymyr Zelenskyy", p)), _doc("d2", ("Zelensky", p))])
    [person] = [a for a in res.actors if a.type is p]
    assert res.key("d2", "a0") == person.key


def test_organisation_known_by_an_alias_elsewhere_merges():
    o = ActorType.ORGANIZATION
    full = _actor("d1", "Equal Rights Commission", o, "Equal Rights Commission", "ERC")
    res = resolve([full, _actor("d2", "ERC", o)])
    [org] = [a for a in res.actors if a.type is o]
    assert (org.name, org.mention_count) == ("Equal Rights Commission", 3)
    assert res.key("d2", "a0") == org.key


def test_lone_word_tagged_organisation_joins_the_person_of_that_surname():
    res = resolve(
        [_actor("d1", "Aino Virtanen", ActorType.PERSON), _actor("d2", "Virtanen", ActorType.ORGANIZATION)]
    )
    assert [a.type for a in res.actors] == [ActorType.PERSON]
    assert res.key("d1", "a0") == res.key("d2", "a0")


def test_government_bodies_carry_their_country_to_their_people():
    person = _actor("d1", "Ivan Orlov", ActorType.PERSON, roles=("spokesman",), affiliations=("Kremlin",))
    res = resolve([person])
    by_key = {a.key: a for a in res.actors}
    assert set(by_key["person/ivan-orlov"].affiliations) == {"organization/kremlin", "country/ru"}
    assert by_key["organization/kremlin"].affiliations == ("country/ru",)


def test_title_only_mentions_are_not_aliases_and_roles_fold_spelling():
    from kg.actors.corpus import TITLE_LABEL

    mentions = (
        Mention("Aino Virtanen", 0, 13, "PERSON"),
        Mention("the Finnish president", 20, 41, TITLE_LABEL),
    )
    actor = LocalActor(
        "a0", "Aino Virtanen", ActorType.PERSON, mentions, ("Secretary-General", "Secretary General")
    )
    res = resolve([DocResult(Document("d1", "x"), (actor,))])
    [person] = res.actors
    assert person.aliases == ("Aino Virtanen",)
    assert len(person.roles) == 1
    assert person.mention_count == 2


def test_resolution_does_not_depend_on_document_order():
    p, o = ActorType.PERSON, ActorType.ORGANIZATION
    docs = [
        _actor("d1", "Equal Rights Commission", o, "Equal Rights Commission", "ERC"),
        _actor("d2", "ERC", o),
        _actor("d3", "Ana Ruiz", p, roles=("chair",), affiliations=("Harbour Trust",)),
        _actor("d4", "Ana Ruiz", p, affiliations=("harbour trust",)),
        _doc("d5", ("Volodymyr Zelenskyy", p), ("Zelensky", p)),
        _doc("d6", ("Volodymyr Zelenskiy", p)),
    ]
    forward, backward = resolve(docs), resolve(list(reversed(docs)))
    assert forward.actors == backward.actors
    assert forward.local_to_global == backward.local_to_global


def test_descriptive_groups_stay_in_their_article_named_groups_merge(nlp) -> None:
    """ "Senior officials" in two stories are different people; "European leaders" is one collective."""
    from kg.actors import find_actors, resolve
    from kg.types import DocResult, Document

    texts = {
        "one": "Senior officials said the plan would fail. European leaders said it would work.",
        "two": "Senior officials said the budget was too small. European leaders said it was enough.",
    }
    results = []
    for doc_id, text in texts.items():
        index = find_actors(nlp(text))
        results.append(DocResult(Document(doc_id, text), index.actors))
    resolution = resolve(results)
    names = [a.name.lower() for a in resolution.actors]
    assert names.count("senior officials") == 2
    assert names.count("european leaders") == 1
