"""`kg actors`: every actor of a built graph with the evidence of how it was resolved.

Each row is one node: its label, type, every surface form it was written as (`skos:altLabel`), its
roles, what it is affiliated with, its ISO code (countries), how often it is mentioned and in how many
documents. Read from the graph with SPARQL, so it shows exactly what a query would see; never imports
spaCy.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from kg.views import ViewError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

FORMATS = ("text", "json", "csv", "tsv")
TYPES = ("Person", "Organization", "Country", "Group")

_PREFIX = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_NODES = (
    _PREFIX
    + """SELECT ?a ?label ?type ?count ?code WHERE {
  ?a a kg:Actor ; rdfs:label ?label ; a ?class .
  FILTER(?class IN (kg:Person, kg:Organization, kg:Country, kg:Group))
  BIND(STRAFTER(STR(?class), "#") AS ?type)
  OPTIONAL { ?a kg:mentionCount ?count }
  OPTIONAL { ?a kg:countryCode ?code }
}"""
)
_VALUES = (
    _PREFIX
    + """SELECT ?a ?what ?value WHERE {
  { ?a a kg:Actor ; skos:altLabel ?value . BIND("alias" AS ?what) }
  UNION { ?a a kg:Actor ; kg:role ?value . BIND("role" AS ?what) }
  UNION { ?a a kg:Actor ; kg:affiliatedWith ?b . ?b rdfs:label ?value . BIND("affiliation" AS ?what) }
  UNION { ?d kg:mentions ?a . BIND(STR(?d) AS ?value) BIND("document" AS ?what) }
}"""
)


@dataclass(frozen=True)
class ActorRow:
    """One actor node as `kg actors` shows it."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    country_code: str | None = None
    mentions: int = 0
    documents: int = 0


def list_actors(
    data: Dataset | Graph, kind: str | None = None, contains: str | None = None
) -> list[ActorRow]:
    """The actors of a built graph, most mentioned first within each type.

    `kind` keeps one type (Person, Organization, Country, Group; any case); `contains` keeps actors whose
    label or an alias contains that text (case-insensitive).
    """
    from kg.views.sparql import run_query

    wanted = _kind(kind)
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a, what, value in run_query(data, _VALUES):
        values[str(a)][str(what)].add(str(value))
    rows: dict[str, ActorRow] = {}
    for a, label, type_, count, code in run_query(data, _NODES):
        iri = str(a)
        if wanted and str(type_) != wanted:
            continue
        v = values.get(iri, {})
        rows[iri] = ActorRow(
            iri=iri,
            label=str(label),
            type=str(type_),
            aliases=tuple(sorted(v.get("alias", set()) - {str(label)})),
            roles=tuple(sorted(v.get("role", set()))),
            affiliations=tuple(sorted(v.get("affiliation", set()))),
            country_code=str(code) if code is not None else None,
            mentions=int(count) if count is not None else 0,
            documents=len(v.get("document", set())),
        )
    out = list(rows.values())
    if contains:
        needle = contains.casefold()
        out = [r for r in out if any(needle in n.casefold() for n in (r.label, *r.aliases))]
    order = {t: i for i, t in enumerate(TYPES)}
    out.sort(key=lambda r: (order.get(r.type, len(order)), -r.mentions, r.label.casefold()))
    return out


def _kind(kind: str | None) -> str | None:
    if not kind:
        return None
    for t in TYPES:
        if t.casefold() == kind.strip().casefold() or (
            t == "Organization" and kind.casefold() == "organisation"
        ):
            return t
    raise ViewError(f"Unknown actor type '{kind}'; use one of: {', '.join(TYPES)}.")


def format_actors(rows: list[ActorRow], fmt: str = "text") -> str:
    """Rows as readable text blocks, JSON, CSV or TSV (lists joined with '; ')."""
    fmt = fmt.strip().lower()
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt in {"csv", "tsv"}:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(
            ["label", "type", "mentions", "documents", "aliases", "roles", "affiliations", "code"]
        )
        for r in rows:
            writer.writerow(
                [
                    r.label,
                    r.type,
                    r.mentions,
                    r.documents,
                    "; ".join(r.aliases),
                    "; ".join(r.roles),
                    "; ".join(r.affiliations),
                    r.country_code or "",
                ]
            )
        return buf.getvalue()
    if fmt != "text":
        raise ViewError(f"Unknown format '{fmt}'; use one of: {', '.join(FORMATS)}.")
    if not rows:
        return "No actors.\n"
    lines: list[str] = []
    for r in rows:
        code = f" [{r.country_code}]" if r.country_code else ""
        mentions = f"{r.mentions} mention{'' if r.mentions == 1 else 's'}"
        docs = f"{r.documents} document{'' if r.documents == 1 else 's'}"
        lines.append(f"{r.label}{code}  ({r.type}; {mentions} in {docs})")
        for name, items in (("aliases", r.aliases), ("roles", r.roles), ("affiliated with", r.affiliations)):
            if items:
                lines.append(f"    {name}: {'; '.join(items)}")
    return "\n".join(lines) + "\n"
