"""Turn extraction results into an RDF dataset: one named graph per document, plus actors and topics.

Every node gets a deterministic IRI (see `kg.rdf.iris`) and no blank nodes are minted, so two builds
of the same input serialise to byte-identical sorted N-Quads. Each document's facts sit in a graph of
their own, so a document can be replaced or removed by dropping one graph.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.rdf.iris import (
    ACTORS_GRAPH,
    TOPICS_GRAPH,
    actor_iri,
    document_graph_iri,
    document_iri,
    pledge_iri,
    position_iri,
    resource_iri,
    statement_iri,
    topic_iri,
)
from kg.rdf.namespace import KG, bind_prefixes
from kg.types import DocResult, Pledge, Resolution, Statement

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "actor_quads",
    "build_dataset",
    "corpus_quads",
    "date_literal",
    "decimal_literal",
    "document_quads",
    "graph_quads",
    "text_literal",
    "union_graph",
]

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LABEL_WORDS = 12
# rdflib's closed namespaces answer each attribute read through `__getattr__`; the two terms written for
# every fact are read once (`KG` keeps its terms as plain attributes, see `kg.rdf.namespace`).
_TYPE, _LABEL = RDF.type, RDFS.label


def text_literal(text: str) -> Literal:
    """A plain string literal safe to serialise in any RDF syntax.

    Quotes, markup, newlines, control characters and emoji pass through unchanged (the serialisers
    escape them); only lone surrogates, which no UTF-8 output can hold, become U+FFFD, one code point
    for one, so character offsets into the text stay valid.
    """
    return Literal(_LONE_SURROGATE.sub("\ufffd", text))


def decimal_literal(value: Decimal | float | int, places: int | None = None) -> Literal | None:
    """An ``xsd:decimal`` literal in canonical form (plain notation, no trailing zeros), None for NaN/inf.

    `places` rounds half-even to that many decimal places first (0.8996 -> 0.9 with 3).
    """
    text = _decimal_text(value, places)
    return None if text is None else Literal(text, datatype=XSD.decimal)


def _decimal_text(value: Decimal | float | int, places: int | None = None) -> str | None:
    """The canonical ``xsd:decimal`` lexical form of `value` (see `decimal_literal`)."""
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        return None
    if not number.is_finite():
        return None
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    number = number.normalize() + 0  # + 0 turns -0 into 0
    return format(number, "f")


def date_literal(value: str) -> Literal:
    """``xsd:date`` for an ISO ``YYYY-MM-DD``, else ``xsd:dateTime`` if it parses, else a plain literal.

    Accepts ISO 8601 date-times (a trailing ``Z`` included) and RFC 2822 dates as found in feeds.
    """
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            date.fromisoformat(text)
            return Literal(text, datatype=XSD.date)
        except ValueError:
            return text_literal(value)
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        return text_literal(value)
    return Literal(parsed.isoformat(), datatype=XSD.dateTime)


class _Literals:
    """The literals a builder writes, as rdflib terms (for `build_dataset`)."""

    text = staticmethod(text_literal)
    decimal = staticmethod(decimal_literal)
    date = staticmethod(date_literal)

    @staticmethod
    def integer(value: int) -> Any:
        return Literal(str(int(value)), datatype=XSD.integer)

    @staticmethod
    def plain(value: str) -> Any:
        return Literal(value)


def _position_label(statement: Statement) -> str:
    label = statement.position.strip()
    return label or " ".join(statement.quote.split()[:_LABEL_WORDS])


class _Sink(Protocol):
    """Where a builder writes triples: an rdflib Graph, or a list of Oxigraph quads (`_QuadSink`)."""

    def add(self, triple: tuple[Node, Node, Node]) -> object: ...


class _DocumentBuilder:
    """Writes one document's facts into its named graph, keeping fact IRIs unique within it."""

    def __init__(self, graph: _Sink, result: DocResult, resolution: Resolution) -> None:
        self.graph = graph
        self.lit = _literals_for(graph)
        self.result = result
        self.resolution = resolution
        self.sha = result.document.sha256
        self.doc = document_iri(self.sha)
        self.minted: dict[URIRef, Statement | Pledge] = {}
        self.resource_labels: dict[URIRef, str] = {}

    def actor(self, local_id: str) -> URIRef:
        """The global actor IRI of a local actor id of this document (fails loudly if unresolved)."""
        doc_id = self.result.document.id
        try:
            return actor_iri(self.resolution.key(doc_id, local_id))
        except KeyError:
            raise KeyError(f"document {doc_id!r}: local actor {local_id!r} has no resolved actor") from None

    def _claim(self, iri: URIRef, record: Statement | Pledge) -> bool:
        """Reserve `iri` for `record`; False if another fact already holds it."""
        if iri in self.minted:
            return False
        self.minted[iri] = record
        return True

    def build(self) -> None:
        self.document()
        for actor in self.result.actors:
            self.graph.add((self.doc, KG.mentions, self.actor(actor.id)))
        for statement in self.result.statements:
            self.statement(statement)
        for pledge in self.result.pledges:
            self.pledge(pledge)

    def document(self) -> None:
        document, g, doc = self.result.document, self.graph, self.doc
        g.add((doc, _TYPE, KG.Document))
        g.add((doc, DCTERMS.identifier, self.lit.text(document.id)))
        if document.title:
            g.add((doc, DCTERMS.title, self.lit.text(document.title)))
        if document.source:
            g.add((doc, DCTERMS.source, self.lit.text(document.source)))
        if document.date:
            g.add((doc, DCTERMS.date, self.lit.date(document.date)))
        g.add((doc, KG.sha256, self.lit.plain(self.sha)))

    def statement(self, st: Statement) -> None:
        speaker = self.actor(st.speaker)
        iri = statement_iri(self.sha, st.char_start, st.char_end)
        discriminator: str | None = None
        if not self._claim(iri, st):
            if self.minted[iri] == st:
                return
            discriminator = f"{speaker}|{st!r}"
            iri = statement_iri(self.sha, st.char_start, st.char_end, discriminator)
            if not self._claim(iri, st):
                return
        position = position_iri(self.sha, st.char_start, st.char_end, discriminator)
        g = self.graph
        g.add((iri, _TYPE, KG.Statement))
        g.add((iri, KG.speaker, speaker))
        g.add((iri, KG.quote, self.lit.text(st.quote)))
        g.add((iri, KG.quoteType, self.lit.plain(st.quote_type.value)))
        g.add((iri, KG.cue, self.lit.text(st.cue)))
        g.add((iri, KG.sentence, self.lit.text(st.sentence)))
        g.add((iri, KG.charStart, self.lit.integer(st.char_start)))
        g.add((iri, KG.charEnd, self.lit.integer(st.char_end)))
        g.add((iri, KG.sentenceStart, self.lit.integer(st.sentence_start)))
        g.add((iri, KG.sentenceEnd, self.lit.integer(st.sentence_end)))
        confidence = self.lit.decimal(st.confidence, places=3)
        if confidence is not None:
            g.add((iri, KG.confidence, confidence))
        g.add((iri, KG.source, self.doc))
        g.add((iri, KG.expresses, position))
        g.add((position, _TYPE, KG.Position))
        g.add((position, _LABEL, self.lit.text(_position_label(st))))
        for name in st.topics:
            g.add((position, KG.topic, topic_iri(name)))
        if st.stance:
            g.add((position, KG.stance, self.lit.plain(st.stance)))
        g.add((speaker, KG.stated, position))

    def pledge(self, pl: Pledge) -> None:
        pledger = self.actor(pl.pledger)
        key = self.resolution.key(self.result.document.id, pl.pledger)
        iri = pledge_iri(self.sha, pl.char_start, pl.char_end, key, pl.resource)
        if not self._claim(iri, pl):
            if self.minted[iri] == pl:
                return
            iri = pledge_iri(self.sha, pl.char_start, pl.char_end, key, pl.resource, repr(pl))
            if not self._claim(iri, pl):
                return
        resource = resource_iri(pl.resource)
        g = self.graph
        g.add((iri, _TYPE, KG.Pledge))
        g.add((iri, KG.pledger, pledger))
        g.add((iri, KG.resource, resource))
        if resource not in self.resource_labels:  # one label per resource: the first wording seen
            self.resource_labels[resource] = pl.resource
            g.add((resource, _TYPE, KG.Resource))
            g.add((resource, _LABEL, self.lit.text(pl.resource)))
        if pl.recipient is not None:
            g.add((iri, KG.recipient, self.actor(pl.recipient)))
        if pl.amount is not None:
            amount = self.lit.decimal(pl.amount)
            if amount is not None:
                g.add((iri, KG.amount, amount))
        if pl.currency:
            g.add((iri, KG.currency, self.lit.text(pl.currency)))
        g.add((iri, KG.status, self.lit.text(pl.status)))
        g.add((iri, KG.cue, self.lit.text(pl.cue)))
        g.add((iri, KG.sentence, self.lit.text(pl.sentence)))
        g.add((iri, KG.charStart, self.lit.integer(pl.char_start)))
        g.add((iri, KG.charEnd, self.lit.integer(pl.char_end)))
        confidence = self.lit.decimal(pl.confidence, places=3)
        if confidence is not None:
            g.add((iri, KG.confidence, confidence))
        g.add((iri, KG.source, self.doc))
        g.add((pledger, KG.pledged, resource))


def _add_actors(graph: _Sink, resolution: Resolution) -> None:
    lit = _literals_for(graph)
    for actor in resolution.actors:
        node = actor_iri(actor.key)
        graph.add((node, _TYPE, KG.Actor))
        graph.add((node, _TYPE, KG[actor.type.value]))
        if actor.unnamed:
            graph.add((node, _TYPE, KG.UnnamedActor))
        graph.add((node, _LABEL, lit.text(actor.name)))
        for alias in actor.aliases:
            graph.add((node, SKOS.altLabel, lit.text(alias)))
        for role in actor.roles:
            graph.add((node, KG.role, lit.text(role)))
        for key in actor.affiliations:
            graph.add((node, KG.affiliatedWith, actor_iri(key)))
        if actor.country_code:
            graph.add((node, KG.countryCode, lit.text(actor.country_code)))
        graph.add((node, KG.mentionCount, lit.integer(actor.mention_count)))


def build_dataset(
    results: Iterable[DocResult], resolution: Resolution, topics: Graph | None = None
) -> Dataset:
    """Build the dataset: a named graph per document, `ACTORS_GRAPH` and (if given) `TOPICS_GRAPH`.

    Documents with the same text share one IRI and graph; the first one wins and later copies are
    skipped with a warning (their facts would be the same). A fact that names a local actor without
    a resolved global actor raises ``KeyError``: that is a bug upstream, not something to hide.
    """
    ds = bind_prefixes(Dataset())
    for result in _distinct_texts(results):
        _DocumentBuilder(ds.graph(document_graph_iri(result.document.sha256)), result, resolution).build()
    _add_actors(ds.graph(ACTORS_GRAPH), resolution)
    if topics is not None:
        topics_graph = ds.graph(TOPICS_GRAPH)
        for triple in topics:
            topics_graph.add(triple)
    return ds


def _distinct_texts(results: Iterable[DocResult]) -> Iterator[DocResult]:
    """The results in order, skipping (with a warning) a document whose text an earlier one had: same
    text, same IRI and graph, and the same facts."""
    seen: dict[str, str] = {}
    for result in results:
        document = result.document
        if document.sha256 in seen:
            log.warning(
                "document %r has the same text as %r; kept only the first", document.id, seen[document.sha256]
            )
            continue
        seen[document.sha256] = document.id
        yield result


def union_graph(ds: Dataset) -> Graph:
    """All triples of every graph of `ds` (default graph included) in one Graph, with prefixes bound."""
    graph = bind_prefixes(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


# ----- Oxigraph quads: the same triples, without an rdflib store in between (large builds) ------------


class _OxLiterals:
    """The same literals as `_Literals`, made directly as Oxigraph terms (no rdflib term in between)."""

    def __init__(self) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self._integer = ox.NamedNode(str(XSD.integer))
        self._decimal = ox.NamedNode(str(XSD.decimal))

    def text(self, value: str) -> Any:
        return self._ox.Literal(_LONE_SURROGATE.sub("\ufffd", value))

    def integer(self, value: int) -> Any:
        return self._ox.Literal(str(int(value)), datatype=self._integer)

    def decimal(self, value: Decimal | float | int, places: int | None = None) -> Any:
        text = _decimal_text(value, places)
        return None if text is None else self._ox.Literal(text, datatype=self._decimal)

    def plain(self, value: str) -> Any:
        return self._ox.Literal(value)

    @staticmethod
    def date(value: str) -> Any:
        return date_literal(value)  # once per document: the rdflib term is converted by the sink


def _literals_for(graph: _Sink) -> Any:
    """Oxigraph literals for a `_QuadSink`, rdflib ones for anything else."""
    return graph.literals if isinstance(graph, _QuadSink) else _Literals


class _QuadSink:
    """Collects a builder's triples as Oxigraph quads of one named graph (and, with `union`, each also
    as a quad of the default graph, which the store keeps as the union of its named graphs).

    rdflib's in-memory store indexes every triple it is given; a build that only hands the triples on
    to Oxigraph skips that, and converts each distinct IRI once. The union copy is made here, from the
    terms at hand: copying a finished quad reads each term back out of Oxigraph.
    """

    def __init__(self, graph: URIRef, union: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.graph = ox.NamedNode(str(graph))
        self.quads: list[ox.Quad] = []
        self.union: list[ox.Quad] | None = [] if union else None
        self._iris: dict[URIRef, ox.NamedNode] = {}
        self.literals = _OxLiterals()

    def term(self, node: Node) -> Any:
        """The Oxigraph term for an rdflib term (IRIs cached: predicates and actors repeat)."""
        ox = self._ox
        if isinstance(node, ox.Literal):  # made by `_OxLiterals`
            return node
        if isinstance(node, URIRef):
            found = self._iris.get(node)
            if found is None:
                found = self._iris[node] = ox.NamedNode(str(node))
            return found
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None:
                return ox.Literal(str(node), datatype=self.term(node.datatype))
            return ox.Literal(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        raise TypeError(f"not an RDF term: {node!r}")

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = self.term(triple[0]), self.term(triple[1]), self.term(triple[2])
        self.quads.append(self._ox.Quad(s, p, o, self.graph))
        if self.union is not None:
            self.union.append(self._ox.Quad(s, p, o))


Quads = tuple[str, list["ox.Quad"], list["ox.Quad"]]  # graph IRI, its quads, their default-graph copies


def _finish(sink: _QuadSink, name: URIRef) -> Quads:
    return str(name), sink.quads, sink.union or []


def document_quads(result: DocResult, resolution: Resolution, union: bool = False) -> Quads:
    """One document's named graph (IRI) and its triples as Oxigraph quads, as `build_dataset` writes them
    (with `union`, also as default-graph quads; otherwise that list is empty)."""
    graph = document_graph_iri(result.document.sha256)
    sink = _QuadSink(graph, union)
    _DocumentBuilder(sink, result, resolution).build()
    return _finish(sink, graph)


def actor_quads(resolution: Resolution, union: bool = False) -> Quads:
    """The actors graph (IRI) and its triples as Oxigraph quads (see `document_quads`)."""
    sink = _QuadSink(ACTORS_GRAPH, union)
    _add_actors(sink, resolution)
    return _finish(sink, ACTORS_GRAPH)


def graph_quads(graph: Graph, name: URIRef, union: bool = False) -> Quads:
    """Any rdflib Graph (e.g. the topic scheme) as Oxigraph quads in the named graph `name`, in sorted
    order: an rdflib Graph iterates in its sets' order, which changes from one process to the next,
    and the build's TriG export is written in this order."""
    sink = _QuadSink(name, union)
    for triple in sorted(graph):
        sink.add(triple)
    return _finish(sink, name)


def corpus_quads(
    results: Iterable[DocResult], resolution: Resolution, topics: Graph | None = None, union: bool = False
) -> Iterator[Quads]:
    """Every named graph of the corpus, one at a time, as `build_dataset` would hold them (streaming);
    with `union`, each graph's triples come with their copies for the store's default graph."""
    for result in _distinct_texts(results):
        yield document_quads(result, resolution, union)
    yield actor_quads(resolution, union)
    if topics is not None:
        yield graph_quads(topics, TOPICS_GRAPH, union)
