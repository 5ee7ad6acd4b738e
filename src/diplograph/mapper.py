"""Map an :class:`~diplograph.model.ExtractedDocument` to RDF (one document's named graph).

The mapping follows docs/data-model.md term by term. Three properties matter more than
any single triple and are kept by construction here:

* **Determinism** -- every IRI is computed from the document slug, character offsets and
  slugs of IRIs the extractor already chose; no counters over hash-ordered sets, no
  blank nodes, no wall-clock time. The provenance activity names the software version
  instead of a timestamp, so a rebuild of unchanged input is byte-identical.
* **Grounding** -- every entity, event, quote, position, issue point and role holding
  gets ``gaf:denotedBy`` a NIF mention whose ``nif:anchorOf`` is checked against the body
  text; an extractor bug that misplaces an offset fails loudly instead of publishing a
  wrong anchor.
* **Self-containment** -- the vocabulary concepts and gazetteer things a document points
  to are copied (type, labels, scheme) into its graph, so each ``graph/<slug>.ttl`` answers
  the stored queries on its own, without the vocabulary files.

Speed (issue 7): the mapping runs once per document of a corpus of thousands, so it
collects its triples in an insertion-ordered dict of rdflib terms and fills a Graph only
once, at the end (:func:`to_graph`); :func:`to_triples` skips the Graph altogether for
callers that only serialise. Terms that repeat (predicates, classes, vocabulary IRIs,
offsets) are built once per process, and the vocabulary lookups (labels, copied
type/label/scheme triples) are dictionaries computed once from the parsed vocabulary.
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from typing import TYPE_CHECKING

# rdflib is already imported by diplograph.namespaces (DG is an rdflib DefinedNamespace),
# so importing its term classes here costs nothing extra at CLI start-up.
from rdflib import Literal, URIRef

from diplograph.errors import DiplographError
from diplograph.model import DateValue, ExtractedDocument, Span
from diplograph.namespaces import (
    DG,
    GAF,
    NIF,
    PREFIXES,
    PROV,
    VOCAB_GRAPH,
    WD,
    Terms,
    doc_iri,
    id_iri,
    mention_iri,
)

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

    Triple = tuple[URIRef, URIRef, Node]

KIND_CLASS = {
    "person": DG.Person,
    "state": DG.State,
    "org": DG.Organization,
    "delegation": DG.Delegation,
    "group": DG.CollectiveActor,
    "place": DG.Place,
}
RELATIONS = {"precededBy", "followUpOf", "reactsTo", "partOf", "context"}
DATE_TYPES = {"day": "date", "month": "gYearMonth", "year": "gYear"}
# Predicates copied from the vocabulary/gazetteer for the things a document references.
COPIED = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#inScheme",
)
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREFLABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"

# Terms used for every document, built once: a DG attribute lookup or a URIRef/Literal
# construction costs microseconds, and a document has about a thousand triples.
_TYPE = URIRef(COPIED[0])
_LABEL = URIRef(RDFS_LABEL)
_IN_SCHEME = URIRef(COPIED[3])
_COPIED = tuple(URIRef(p) for p in COPIED)
_EXACT_MATCH = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")
_ALT_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
_TITLE = URIRef("http://purl.org/dc/terms/title")
_SOURCE = URIRef("http://purl.org/dc/terms/source")
_NON_NEGATIVE = URIRef(XSD + "nonNegativeInteger")
_DATATYPES = {name: URIRef(XSD + name) for name in ("date", "gYearMonth", "gYear", "duration", "boolean")}
_MENTION, _OFFSET_STRING = DG.Mention, NIF.OffsetBasedString
_BEGIN, _END, _ANCHOR, _REFERENCE = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext
_DENOTED = GAF.denotedBy
_DEFINED_BY = URIRef("http://www.w3.org/2000/01/rdf-schema#isDefinedBy")
#: Gazetteer classes a document may point to without naming them (a person's state or body).
_REFERENCED_ACTORS = frozenset({DG.State, DG.Organization})
_GENERATED, _REPORTED = PROV.wasGeneratedBy, DG.reportedIn
_RELATION_TERMS = {name: DG[name] for name in RELATIONS}
_ISSUE_POINT_CLASSES = {"disagreement": DG.Disagreement, "convergence": DG.Convergence}


_DG, _NIF, _PROV, _GAF = Terms(DG), Terms(NIF), Terms(PROV), Terms(GAF)


class MappingError(DiplographError):
    """The extracted document breaks the model's invariants (an extractor bug)."""


def _parse_vocabulary() -> Graph:
    from rdflib import Graph

    from diplograph.resources import vocab_files

    graph = Graph()
    for path in vocab_files():
        graph.parse(path, format="turtle")
    return graph


@cache
def _vocabulary_tables() -> tuple[dict[URIRef, tuple[tuple[URIRef, Node], ...]], dict[str, tuple[Node, ...]]]:
    """What the mapper reads from the SKOS vocabularies and gazetteer (ontology/vocab/*.ttl):
    the copy table (:func:`_copy_table`) and each thing's labels (:func:`concept_label`).

    Derived once from the parsed files and kept in the user cache between processes
    (:mod:`diplograph.pickle_cache`). Why the tables and not the parsed graph: the mapper
    needs nothing else from it, and unpickling the graph (its store and indexes) was ~70 ms
    at every build's start.
    """
    from pathlib import Path

    from diplograph.pickle_cache import cached
    from diplograph.resources import vocab_files

    return cached("vocabulary-tables", lambda: [Path(__file__), *vocab_files()], _make_vocabulary_tables)


def _make_vocabulary_tables() -> tuple[dict[URIRef, tuple[tuple[URIRef, Node], ...]], dict[str, tuple[Node, ...]]]:
    vocab = _parse_vocabulary()
    table: dict[URIRef, list[tuple[URIRef, Node]]] = {}
    for predicate in _COPIED:
        for thing, value in vocab.subject_objects(predicate):
            if isinstance(thing, URIRef):
                table.setdefault(thing, []).append((predicate, value))
    labels: dict[str, list[Node]] = {}
    for predicate in (SKOS_PREFLABEL, RDFS_LABEL):  # skos:prefLabel first, each predicate's values sorted
        found: dict[str, list[Node]] = {}
        for thing, value in vocab.subject_objects(URIRef(predicate)):
            if isinstance(thing, URIRef):
                found.setdefault(str(thing), []).append(value)
        for thing, values in found.items():
            labels.setdefault(thing, []).extend(sorted(values))
    return ({thing: tuple(pairs) for thing, pairs in table.items()},
            {thing: tuple(values) for thing, values in labels.items()})


def _copy_table() -> dict[URIRef, tuple[tuple[URIRef, Node], ...]]:
    """thing -> its (predicate, value) pairs for the COPIED predicates, from the vocabulary.

    One table per process instead of four store lookups per IRI a document mentions
    (hundreds per document).
    """
    return _vocabulary_tables()[0]


def warm() -> None:
    """Load the vocabulary's lookup tables now (once per process).

    For a build that forks workers: called in the parent, the tables are shared by every
    worker (copy on write) instead of being rebuilt in each one at its first document.
    """
    _copy_table()
    software_iri()


@cache
def software_iri() -> str:
    """IRI of the software agent that produced the graph: changes with the version only."""
    from diplograph import __version__

    return id_iri("software", f"diplograph-{__version__}")


def last_segment(iri: str) -> str:
    """The slug at the end of a thing's IRI (``id/person/ada-roy`` -> ``ada-roy``)."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# Bounded: actor, vocabulary and role IRIs repeat across documents and stay cached, while
# the per-document ones (mentions, events) are evicted, so memory stays flat on big corpora.
_ref = lru_cache(maxsize=1 << 15)(URIRef)


@lru_cache(maxsize=1 << 14)
def _index(value: int) -> Literal:
    # NIF 2.0 declares begin/endIndex as xsd:nonNegativeInteger.
    return Literal(value, datatype=_NON_NEGATIVE)


@lru_cache(maxsize=1 << 14)
def _lang_literal(value: str, lang: str | None) -> Literal:
    return Literal(value, lang=lang)


@lru_cache(maxsize=1 << 10, typed=True)  # typed: True and 1 are different literals
def _typed_literal(value: str | bool, datatype: str) -> Literal:
    # normalize=False keeps the extractor's lexical form ("PT90M" stays "PT90M").
    return Literal(value, datatype=_DATATYPES.get(datatype) or URIRef(XSD + datatype), normalize=False)


class _Mapper:
    """One mapping run; collects the document's triples and holds its constants."""

    def __init__(self, doc: ExtractedDocument) -> None:
        self.doc = doc
        self.source = doc.source
        self.slug = doc.source.slug
        self.lang = doc.source.language or "fr"
        self.body = doc.source.text
        # An insertion-ordered set: deduplicates like a graph, iterates deterministically.
        self.triples: dict[Triple, None] = {}
        self.mentions: dict[tuple[int, int], URIRef] = {}
        self.doc_node = URIRef(doc_iri(self.slug))
        self.context = URIRef(mention_iri(self.slug, 0, len(self.body)))
        self.activity = URIRef(id_iri("activity", self.slug))
        self.event_offsets = {event.trigger.begin for event in doc.events}
        # Unnamed collectives ("les responsables européens") belong to their document: two articles'
        # "European officials" are not one group. The extractor names them by phrase alone
        # (id/group/<phrase>); the graph gives them id/group/<doc-slug>/<phrase>.
        own = id_iri("group", self.slug) + "/"
        self.renamed = {iri: id_iri("group", self.slug, last_segment(iri)) for iri, entity in doc.entities.items()
                        if entity.kind == "group" and not entity.linked and not iri.startswith(own)}

    # -- small helpers -------------------------------------------------------------------
    def add(self, s: URIRef, p: URIRef, o: Node) -> None:
        self.triples[(s, p, o)] = None

    def ref(self, iri: str) -> URIRef:
        iri = str(iri)
        return _ref(self.renamed.get(iri, iri))

    def lit(self, value: str | bool, datatype: str | None = None, lang: str | None = None) -> Literal:
        if datatype is not None:
            return _typed_literal(value, datatype)
        return _lang_literal(value, lang)

    def index(self, value: int) -> Literal:
        return _index(value)

    def mention(self, span: Span) -> URIRef:
        """The NIF mention node of a span (created once, anchor checked against the body)."""
        if not 0 <= span.begin < span.end <= len(self.body):
            raise MappingError(f"{self.slug}: span {span.begin},{span.end} outside the body text")
        if self.body[span.begin:span.end] != span.text:
            raise MappingError(
                f"{self.slug}: span {span.begin},{span.end} is {self.body[span.begin:span.end]!r} "
                f"in the body, not {span.text!r}"
            )
        key = (span.begin, span.end)
        node = self.mentions.get(key)
        if node is not None:  # same offsets, same (checked) text: the triples are there already
            return node
        node = self.mentions[key] = URIRef(mention_iri(self.slug, span.begin, span.end))
        add = self.add
        add(node, _TYPE, _MENTION)
        add(node, _TYPE, _OFFSET_STRING)
        add(node, _BEGIN, _index(span.begin))
        add(node, _END, _index(span.end))
        add(node, _ANCHOR, _lang_literal(span.text, None))
        add(node, _REFERENCE, self.context)
        return node

    def denoted(self, node: URIRef, span: Span) -> None:
        self.add(node, _DENOTED, self.mention(span))

    def typed(self, node: URIRef, cls: str | URIRef) -> None:
        self.add(node, _TYPE, cls if type(cls) is URIRef else _ref(str(cls)))

    def generated(self, node: URIRef) -> None:
        self.add(node, _GENERATED, self.activity)
        self.add(node, _REPORTED, self.doc_node)

    def event_node(self, offset: int) -> URIRef:
        return URIRef(id_iri("event", self.slug, offset))

    # -- the parts of the graph ----------------------------------------------------------
    def document(self) -> None:
        src = self.source
        self.typed(self.doc_node, _DG.SourceDocument)
        if src.title:
            self.add(self.doc_node, _TITLE, self.lit(src.title))
        if src.published is not None:
            self.add(self.doc_node, _DG.published, self.lit(src.published.isoformat(), "date"))
        self.add(self.doc_node, _DG.language, self.lit(self.lang))
        if src.source:
            self.add(self.doc_node, _SOURCE, self.lit(src.source))
        for section in src.sections:
            # Not "#char=b,e": a section covering the whole body would share the
            # nif:Context's IRI; "#section=" keeps the two nodes apart.
            node = self.ref(f"{doc_iri(self.slug)}#section={section.begin},{section.end}")
            self.add(self.doc_node, _DG.hasSection, node)
            self.typed(node, _DG.Section)
            self.add(node, _NIF.beginIndex, self.index(section.begin))
            self.add(node, _NIF.endIndex, self.index(section.end))
            self.add(node, _NIF.referenceContext, self.context)
            if section.heading is not None:
                self.mention(section.heading)
                self.add(node, _DG.heading, self.lit(section.heading.text))

        self.typed(self.context, _NIF.Context)
        self.typed(self.context, _NIF.OffsetBasedString)
        self.add(self.context, _NIF.isString, self.lit(self.body))
        self.add(self.context, _NIF.beginIndex, self.index(0))
        self.add(self.context, _NIF.endIndex, self.index(len(self.body)))
        self.add(self.context, _DG.sha256, self.lit(hashlib.sha256(self.body.encode("utf-8")).hexdigest()))
        self.add(self.context, _DG.document, self.doc_node)

        software = self.ref(software_iri())
        self.typed(self.activity, _PROV.Activity)
        self.add(self.activity, _PROV.used, self.doc_node)
        self.add(self.activity, _PROV.wasAssociatedWith, software)
        self.add(self.activity, _LABEL, self.lit(f"extraction of {self.slug}", lang="en"))
        self.typed(software, _PROV.SoftwareAgent)
        self.add(software, _LABEL, self.lit(last_segment(software_iri()), lang="en"))

    def entities(self) -> None:
        for iri in sorted(self.doc.entities):
            entity = self.doc.entities[iri]
            node = self.ref(entity.iri)
            cls = KIND_CLASS.get(entity.kind)
            if cls is None:
                raise MappingError(f"{self.slug}: entity {entity.iri} has unknown kind {entity.kind!r}")
            self.typed(node, cls)
            labels = dict(entity.labels)
            labels.setdefault(self.lang, entity.label)
            for lang in sorted(labels):
                if labels[lang]:
                    self.add(node, _LABEL, self.lit(labels[lang], lang=lang))
            for written in sorted(entity.written_as):  # the document's own spelling of a gazetteer name
                self.add(node, _ALT_LABEL, self.lit(written, lang=self.lang))
            if entity.wikidata:
                wikidata = entity.wikidata
                target = wikidata if wikidata.startswith("http") else str(WD[wikidata])
                self.add(node, _EXACT_MATCH, self.ref(target))
            if entity.affiliation:
                self.add(node, _DG.affiliatedWith, self.ref(entity.affiliation))
            if entity.located_in:
                self.add(node, _DG.locatedIn, self.ref(entity.located_in))
            for span in entity.mentions:
                self.denoted(node, span)
            for assignment in entity.roles:
                parts = [last_segment(entity.iri), last_segment(assignment.role)]
                if assignment.organisation:
                    parts.append(last_segment(assignment.organisation))
                holding = self.ref(id_iri("holding", *parts))
                self.add(node, _DG.holds, holding)
                self.typed(holding, _DG.RoleHolding)
                self.add(holding, _DG.heldBy, node)
                self.add(holding, _DG.role, self.ref(assignment.role))
                if assignment.organisation:
                    self.add(holding, _DG.forOrganization, self.ref(assignment.organisation))
                self.denoted(holding, assignment.evidence)

    def actor_label(self, iri: str, lang: str) -> str:
        entity = self.doc.entities.get(iri)
        if entity is not None:
            return entity.labels.get(lang) or entity.label
        return concept_label(iri, lang) or last_segment(iri)

    def events(self) -> None:
        for event in sorted(self.doc.events, key=lambda e: (e.trigger.begin, e.trigger.end)):
            node = self.event_node(event.trigger.begin)
            self.typed(node, event.event_class)
            self.add(node, _DG.eventType, self.ref(event.event_type))
            self.add(node, _DG.status, self.ref(event.status))
            actors: list[str] = []
            for iri in [*([event.host] if event.host else []), *event.agents,
                        *(p.actor for p in event.participants), *event.targets]:
                if iri not in actors:
                    actors.append(iri)
            for lang, sep in ((self.lang, " : " if self.lang == "fr" else ": "), ("en", ": ")):
                kind = concept_label(event.event_type, lang) or last_segment(event.event_type)
                kind = kind[:1].upper() + kind[1:]
                if actors:
                    text = kind + sep + ", ".join(self.actor_label(a, lang) for a in actors)
                else:
                    text = kind + sep + "\u00ab " + event.trigger.text + " \u00bb"
                self.add(node, _LABEL, self.lit(text, lang=lang))
            self.add(node, _DG.summary, self.lit(event.sentence.text))
            if event.date is not None:
                self.add(node, _DG.date, date_literal(event.date))
            if event.duration is not None:
                self.add(node, _DG.duration, self.lit(event.duration.iso, "duration"))
                self.add(node, _DG.approximate, self.lit(event.duration.approximate, "boolean"))
            if event.channel:
                self.add(node, _DG.channel, self.ref(event.channel))
            for place in event.places:
                self.add(node, _DG.place, self.ref(place))
            if event.host:
                self.add(node, _DG.host, self.ref(event.host))
                self.add(node, _DG.hasParticipant, self.ref(event.host))
            for agent in event.agents:
                self.add(node, _DG.agent, self.ref(agent))
            for target in event.targets:
                self.add(node, _DG.target, self.ref(target))
            for topic in event.topics:
                self.add(node, _DG.topic, self.ref(topic))
            for source in event.according_to:
                self.add(node, _DG.accordingTo, self.ref(source))
            used: set[str] = set()
            for part in event.participants:
                self.add(node, _DG.hasParticipant, self.ref(part.actor))
                key = last_segment(part.actor)
                if key in used:  # two actors ending in the same slug (state vs delegation)
                    key = f"{part.actor.split('/id/', 1)[-1].split('/', 1)[0]}-{key}"
                used.add(key)
                pnode = self.ref(id_iri("participation", self.slug, event.trigger.begin, key))
                self.add(node, _DG.participation, pnode)
                self.typed(pnode, _DG.Participation)
                self.add(pnode, _DG.ofEvent, node)
                self.add(pnode, _DG.participant, self.ref(part.actor))
                if part.role:
                    self.add(pnode, _DG.role, self.ref(part.role))
                if part.side:
                    self.add(pnode, _DG.side, self.ref(part.side))
                if part.evidence is not None:
                    self.denoted(pnode, part.evidence)
                self.add(pnode, _PROV.wasGeneratedBy, self.activity)
            for relation in event.relations:
                if relation.relation not in RELATIONS:
                    raise MappingError(f"{self.slug}: unknown event relation {relation.relation!r}")
                self.add(node, _RELATION_TERMS[relation.relation], self.event_node(relation.other))
            self.denoted(node, event.trigger)
            for span in event.mentions:  # later mentions of the same event (coreference)
                self.denoted(node, span)
            self.generated(node)

    def quotes(self) -> None:
        for quote in sorted(self.doc.quotes, key=lambda q: (q.span.begin, q.span.end)):
            node = self.ref(id_iri("quote", self.slug, quote.span.begin))
            self.typed(node, _DG.Quote)
            self.add(node, _DG.text, self.lit(quote.span.text))
            if quote.speaker:
                self.add(node, _DG.speaker, self.ref(quote.speaker))
            if quote.statement is not None:
                self.add(node, _DG.statedIn, self.event_node(quote.statement))
            self.denoted(node, quote.span)
            self.generated(node)

    def positions(self) -> None:
        seen: dict[int, int] = {}
        for position in self.doc.positions:
            begin = position.evidence.begin
            seen[begin] = seen.get(begin, 0) + 1
            suffix = str(begin) if seen[begin] == 1 else f"{begin}-{seen[begin]}"
            node = self.ref(id_iri("position", self.slug, suffix))
            self.typed(node, _DG.Position)
            self.add(node, _DG.holder, self.ref(position.holder))
            self.add(node, _DG.onIssue, self.ref(position.issue))
            self.add(node, _DG.stance, self.ref(position.stance))
            if position.expressed_in is not None:
                self.add(node, _DG.expressedIn, self.event_node(position.expressed_in))
            self.add(node, _DG.evidence, self.mention(position.evidence))
            self.denoted(node, position.evidence)
            self.generated(node)

    def issue_points(self) -> None:
        classes = _ISSUE_POINT_CLASSES
        seen: dict[int, int] = {}
        for point in self.doc.issue_points:
            if point.kind not in classes:
                raise MappingError(f"{self.slug}: unknown issue point kind {point.kind!r}")
            begin = point.evidence.begin
            seen[begin] = seen.get(begin, 0) + 1
            suffix = str(begin) if seen[begin] == 1 else f"{begin}-{seen[begin]}"
            node = self.ref(id_iri("issuepoint", self.slug, suffix))
            self.typed(node, classes[point.kind])
            self.add(node, _DG.onIssue, self.ref(point.issue))
            for party in point.parties:
                self.add(node, _DG.party, self.ref(party))
            if point.identified_in is not None:
                self.add(node, _DG.identifiedIn, self.event_node(point.identified_in))
            self.add(node, _DG.evidence, self.mention(point.evidence))
            self.denoted(node, point.evidence)
            self.generated(node)

    def copy_vocabulary(self) -> None:
        """Copy type/labels/scheme of every referenced vocab concept or gazetteer thing.

        A gazetteer state or organisation the text never names (the side or affiliation of a
        person the gazetteer knows, see :mod:`diplograph.extract.grounding`) also gets
        ``rdfs:isDefinedBy`` the vocabulary graph: it is there as world knowledge, not as
        something the document says, and that is what the shapes accept in place of a mention.
        """
        table = _copy_table()
        grounded = {t[0] for t in self.triples if t[1] == _DENOTED}
        # Objects in triple order (not a set's hash order), reversed so that pop() takes
        # them first to last: to_triples' order must not change between processes.
        todo = [o for o in dict.fromkeys(t[2] for t in self.triples) if isinstance(o, URIRef) and o in table]
        todo.reverse()
        done: set[URIRef] = set()
        while todo:
            thing = todo.pop()
            if thing in done:
                continue
            done.add(thing)
            for predicate, value in table.get(thing, ()):
                self.add(thing, predicate, value)
                if predicate == _IN_SCHEME and isinstance(value, URIRef):
                    todo.append(value)  # the concept scheme: its type and label too
                elif predicate == _TYPE and value in _REFERENCED_ACTORS and thing not in grounded:
                    self.add(thing, _DEFINED_BY, VOCAB_GRAPH)

    def run(self) -> list[Triple]:
        self.document()
        self.entities()
        self.events()
        self.quotes()
        self.positions()
        self.issue_points()
        self.copy_vocabulary()
        return list(self.triples)


@lru_cache(maxsize=1 << 12)
def concept_label(iri: str, lang: str) -> str | None:
    """skos:prefLabel (else rdfs:label) of a vocabulary concept in a language, if any.

    Cached: event labels ask for the same few concepts in every document, and the
    vocabulary does not change within a process.
    """
    for value in _vocabulary_tables()[1].get(iri, ()):
        if getattr(value, "language", None) == lang:
            return str(value)
    return None


def date_literal(value: DateValue) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear, chosen by the date's precision."""
    try:
        datatype = DATE_TYPES[value.precision]
    except KeyError:
        raise MappingError(f"unknown date precision {value.precision!r}") from None
    return _typed_literal(value.iso, datatype)


def to_triples(doc: ExtractedDocument) -> list[Triple]:
    """The triples of a document's named graph, without building an rdflib Graph.

    Each triple once, in a deterministic order. For callers that only serialise or count
    (``serialize.to_turtle`` accepts the list as it is): filling rdflib's Memory store
    costs several microseconds per triple, about as much as the mapping itself.
    """
    return _Mapper(doc).run()


def to_graph(doc: ExtractedDocument) -> Graph:
    """The content of a document's named graph ``graph/<slug>`` (see docs/data-model.md)."""
    from rdflib import Graph

    graph = Graph()
    for name, ns in PREFIXES.items():
        graph.bind(name, ns, override=True, replace=True)
    # Store.add directly: Graph.add only re-checks that each term is an rdflib Node,
    # which the mapper guarantees, at a cost of a microsecond per triple.
    add = graph.store.add
    for triple in to_triples(doc):
        add(triple, graph, False)
    return graph
