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
