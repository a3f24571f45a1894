"""Within-document actors on hand-built parses: typing, surnames, roles, affiliations."""

from docs import DIRECT_INVERTED, SURNAME_LATER

from kg.actors import find_actors
from kg.types import ActorType


def test_title_and_demonym_become_role_and_affiliation(build_doc):
    doc = build_doc(*DIRECT_INVERTED)
    [person] = [a for a in find_actors(doc).actors if a.type is ActorType.PERSON]
    assert person.name == "Aino Virtanen"
    assert person.roles == ("President",)
    assert person.affiliations == ("Finland",)


def test_surname_mistagged_as_org_joins_the_full_name(build_doc):
    doc = build_doc(*SURNAME_LATER)
    actors = find_actors(doc).actors
    assert [(a.name, a.type) for a in actors] == [("Aino Virtanen", ActorType.PERSON)]
    assert actors[0].aliases == ("Aino Virtanen", "Virtanen")


def test_countries_are_typed_and_normalised(build_doc):
    from docs import PLEDGE_COORDINATED

    doc = build_doc(*PLEDGE_COORDINATED)
    actors = find_actors(doc).actors
    assert {(a.name, a.type) for a in actors} == {
        ("France", ActorType.COUNTRY),
        ("Poland", ActorType.COUNTRY),
        ("Ukraine", ActorType.COUNTRY),
    }
