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
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING

from diplograph.errors import DiplographError
from diplograph.model import DateValue, ExtractedDocument, Span
from diplograph.namespaces import (
    DG,
    GAF,
    NIF,
    PREFIXES,
    PROV,
    WD,
    doc_iri,
    id_iri,
    mention_iri,
)

if TYPE_CHECKING:
    from rdflib import Graph, Literal, URIRef

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


class MappingError(DiplographError):
    """The extracted document breaks the model's invariants (an extractor bug)."""


@cache
def vocabulary() -> Graph:
    """The SKOS vocabularies and gazetteer (ontology/vocab/*.ttl), parsed once per process."""
    from rdflib import Graph

    from diplograph.resources import vocab_files

    graph = Graph()
    for path in vocab_files():
        graph.parse(path, format="turtle")
    return graph


def software_iri() -> str:
    """IRI of the software agent that produced the graph: changes with the version only."""
    from diplograph import __version__

    return id_iri("software", f"diplograph-{__version__}")


def last_segment(iri: str) -> str:
    """The slug at the end of a thing's IRI (``id/person/ada-roy`` -> ``ada-roy``)."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class _Mapper:
    """One mapping run; holds the graph being built and the document's constants."""

    def __init__(self, doc: ExtractedDocument) -> None:
        from rdflib import Graph, URIRef

        self.doc = doc
        self.source = doc.source
        self.slug = doc.source.slug
        self.lang = doc.source.language or "fr"
        self.body = doc.source.text
        self.graph = Graph()
        for name, ns in PREFIXES.items():
            self.graph.bind(name, ns, override=True, replace=True)
        self.doc_node = URIRef(doc_iri(self.slug))
        self.context = URIRef(mention_iri(self.slug, 0, len(self.body)))
        self.activity = URIRef(id_iri("activity", self.slug))
        self.event_offsets = {event.trigger.begin for event in doc.events}

    # -- small helpers -------------------------------------------------------------------
    def add(self, s: URIRef, p: str | URIRef, o: URIRef | Literal) -> None:
        from rdflib import URIRef

        self.graph.add((s, URIRef(p), o))

    def ref(self, iri: str) -> URIRef:
        from rdflib import URIRef

        return URIRef(iri)

    def lit(self, value: str | bool, datatype: str | None = None, lang: str | None = None) -> Literal:
        from rdflib import Literal, URIRef

        if datatype is not None:
            # normalize=False keeps the extractor's lexical form ("PT90M" stays "PT90M").
            return Literal(value, datatype=URIRef(XSD + datatype), normalize=False)
        return Literal(value, lang=lang)

    def index(self, value: int) -> Literal:
        # NIF 2.0 declares begin/endIndex as xsd:nonNegativeInteger.
        from rdflib import Literal, URIRef

        return Literal(value, datatype=URIRef(XSD + "nonNegativeInteger"))

    def mention(self, span: Span) -> URIRef:
        """The NIF mention node of a span (created once, anchor checked against the body)."""
        if not 0 <= span.begin < span.end <= len(self.body):
            raise MappingError(f"{self.slug}: span {span.begin},{span.end} outside the body text")
        if self.body[span.begin:span.end] != span.text:
            raise MappingError(
                f"{self.slug}: span {span.begin},{span.end} is {self.body[span.begin:span.end]!r} "
                f"in the body, not {span.text!r}"
            )
        node = self.ref(mention_iri(self.slug, span.begin, span.end))
        self.add(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", DG.Mention)
        self.add(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NIF.OffsetBasedString)
        self.add(node, NIF.beginIndex, self.index(span.begin))
        self.add(node, NIF.endIndex, self.index(span.end))
        self.add(node, NIF.anchorOf, self.lit(span.text))
        self.add(node, NIF.referenceContext, self.context)
        return node

    def denoted(self, node: URIRef, span: Span) -> None:
        self.add(node, GAF.denotedBy, self.mention(span))

    def typed(self, node: URIRef, cls: str | URIRef) -> None:
        self.add(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", self.ref(str(cls)))

    def generated(self, node: URIRef) -> None:
        self.add(node, PROV.wasGeneratedBy, self.activity)
        self.add(node, DG.reportedIn, self.doc_node)

    def event_node(self, offset: int) -> URIRef:
        return self.ref(id_iri("event", self.slug, offset))

    # -- the parts of the graph ----------------------------------------------------------
    def document(self) -> None:
        src = self.source
        self.typed(self.doc_node, DG.SourceDocument)
        if src.title:
            self.add(self.doc_node, "http://purl.org/dc/terms/title", self.lit(src.title))
        if src.published is not None:
            self.add(self.doc_node, DG.published, self.lit(src.published.isoformat(), "date"))
        self.add(self.doc_node, DG.language, self.lit(self.lang))
        if src.source:
            self.add(self.doc_node, "http://purl.org/dc/terms/source", self.lit(src.source))
        for section in src.sections:
            # Not "#char=b,e": a section covering the whole body would share the
            # nif:Context's IRI; "#section=" keeps the two nodes apart.
            node = self.ref(f"{doc_iri(self.slug)}#section={section.begin},{section.end}")
            self.add(self.doc_node, DG.hasSection, node)
            self.typed(node, DG.Section)
            self.add(node, NIF.beginIndex, self.index(section.begin))
            self.add(node, NIF.endIndex, self.index(section.end))
            self.add(node, NIF.referenceContext, self.context)
            if section.heading is not None:
                self.mention(section.heading)
                self.add(node, DG.heading, self.lit(section.heading.text))

        self.typed(self.context, NIF.Context)
        self.typed(self.context, NIF.OffsetBasedString)
        self.add(self.context, NIF.isString, self.lit(self.body))
        self.add(self.context, NIF.beginIndex, self.index(0))
        self.add(self.context, NIF.endIndex, self.index(len(self.body)))
        self.add(self.context, DG.sha256, self.lit(hashlib.sha256(self.body.encode("utf-8")).hexdigest()))
        self.add(self.context, DG.document, self.doc_node)

        software = self.ref(software_iri())
        self.typed(self.activity, PROV.Activity)
        self.add(self.activity, PROV.used, self.doc_node)
        self.add(self.activity, PROV.wasAssociatedWith, software)
        self.add(self.activity, RDFS_LABEL, self.lit(f"extraction of {self.slug}", lang="en"))
        self.typed(software, PROV.SoftwareAgent)
        self.add(software, RDFS_LABEL, self.lit(last_segment(software_iri()), lang="en"))

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
                    self.add(node, RDFS_LABEL, self.lit(labels[lang], lang=lang))
            if entity.wikidata:
                wikidata = entity.wikidata
                target = wikidata if wikidata.startswith("http") else str(WD[wikidata])
                self.add(node, "http://www.w3.org/2004/02/skos/core#exactMatch", self.ref(target))
            if entity.affiliation:
                self.add(node, DG.affiliatedWith, self.ref(entity.affiliation))
            for span in entity.mentions:
                self.denoted(node, span)
            for assignment in entity.roles:
                parts = [last_segment(entity.iri), last_segment(assignment.role)]
                if assignment.organisation:
                    parts.append(last_segment(assignment.organisation))
                holding = self.ref(id_iri("holding", *parts))
                self.add(node, DG.holds, holding)
                self.typed(holding, DG.RoleHolding)
                self.add(holding, DG.heldBy, node)
                self.add(holding, DG.role, self.ref(assignment.role))
                if assignment.organisation:
                    self.add(holding, DG.forOrganization, self.ref(assignment.organisation))
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
            self.add(node, DG.eventType, self.ref(event.event_type))
            self.add(node, DG.status, self.ref(event.status))
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
                self.add(node, RDFS_LABEL, self.lit(text, lang=lang))
            self.add(node, DG.summary, self.lit(event.sentence.text))
            if event.date is not None:
                self.add(node, DG.date, date_literal(event.date))
            if event.duration is not None:
                self.add(node, DG.duration, self.lit(event.duration.iso, "duration"))
                self.add(node, DG.approximate, self.lit(event.duration.approximate, "boolean"))
            for place in event.places:
                self.add(node, DG.place, self.ref(place))
            if event.host:
                self.add(node, DG.host, self.ref(event.host))
                self.add(node, DG.hasParticipant, self.ref(event.host))
            for agent in event.agents:
                self.add(node, DG.agent, self.ref(agent))
            for target in event.targets:
                self.add(node, DG.target, self.ref(target))
            for topic in event.topics:
                self.add(node, DG.topic, self.ref(topic))
            for source in event.according_to:
                self.add(node, DG.accordingTo, self.ref(source))
            used: set[str] = set()
            for part in event.participants:
                self.add(node, DG.hasParticipant, self.ref(part.actor))
                key = last_segment(part.actor)
                if key in used:  # two actors ending in the same slug (state vs delegation)
                    key = f"{part.actor.split('/id/', 1)[-1].split('/', 1)[0]}-{key}"
                used.add(key)
                pnode = self.ref(id_iri("participation", self.slug, event.trigger.begin, key))
                self.add(node, DG.participation, pnode)
                self.typed(pnode, DG.Participation)
                self.add(pnode, DG.ofEvent, node)
                self.add(pnode, DG.participant, self.ref(part.actor))
                if part.role:
                    self.add(pnode, DG.role, self.ref(part.role))
                if part.side:
                    self.add(pnode, DG.side, self.ref(part.side))
                if part.evidence is not None:
                    self.denoted(pnode, part.evidence)
                self.add(pnode, PROV.wasGeneratedBy, self.activity)
            for relation in event.relations:
                if relation.relation not in RELATIONS:
                    raise MappingError(f"{self.slug}: unknown event relation {relation.relation!r}")
                self.add(node, DG[relation.relation], self.event_node(relation.other))
            self.denoted(node, event.trigger)
            self.generated(node)

    def quotes(self) -> None:
        for quote in sorted(self.doc.quotes, key=lambda q: (q.span.begin, q.span.end)):
            node = self.ref(id_iri("quote", self.slug, quote.span.begin))
            self.typed(node, DG.Quote)
            self.add(node, DG.text, self.lit(quote.span.text))
            if quote.speaker:
                self.add(node, DG.speaker, self.ref(quote.speaker))
            if quote.statement is not None:
                self.add(node, DG.statedIn, self.event_node(quote.statement))
            self.denoted(node, quote.span)
            self.generated(node)

    def positions(self) -> None:
        seen: dict[int, int] = {}
        for position in self.doc.positions:
            begin = position.evidence.begin
            seen[begin] = seen.get(begin, 0) + 1
            suffix = str(begin) if seen[begin] == 1 else f"{begin}-{seen[begin]}"
            node = self.ref(id_iri("position", self.slug, suffix))
            self.typed(node, DG.Position)
            self.add(node, DG.holder, self.ref(position.holder))
            self.add(node, DG.onIssue, self.ref(position.issue))
            self.add(node, DG.stance, self.ref(position.stance))
            if position.expressed_in is not None:
                self.add(node, DG.expressedIn, self.event_node(position.expressed_in))
            self.add(node, DG.evidence, self.mention(position.evidence))
            self.denoted(node, position.evidence)
            self.generated(node)

    def issue_points(self) -> None:
        classes = {"disagreement": DG.Disagreement, "convergence": DG.Convergence}
        seen: dict[int, int] = {}
        for point in self.doc.issue_points:
            if point.kind not in classes:
                raise MappingError(f"{self.slug}: unknown issue point kind {point.kind!r}")
            begin = point.evidence.begin
            seen[begin] = seen.get(begin, 0) + 1
            suffix = str(begin) if seen[begin] == 1 else f"{begin}-{seen[begin]}"
            node = self.ref(id_iri("issuepoint", self.slug, suffix))
            self.typed(node, classes[point.kind])
            self.add(node, DG.onIssue, self.ref(point.issue))
            for party in point.parties:
                self.add(node, DG.party, self.ref(party))
            if point.identified_in is not None:
                self.add(node, DG.identifiedIn, self.event_node(point.identified_in))
            self.add(node, DG.evidence, self.mention(point.evidence))
            self.denoted(node, point.evidence)
            self.generated(node)

    def copy_vocabulary(self) -> None:
        """Copy type/labels/scheme of every referenced vocab concept or gazetteer thing."""
        from rdflib import URIRef

        vocab = vocabulary()
        copied = [URIRef(p) for p in COPIED]
        todo = sorted({o for o in self.graph.objects() if isinstance(o, URIRef)}, key=str)
        done: set[URIRef] = set()
        while todo:
            thing = todo.pop()
            if thing in done:
                continue
            done.add(thing)
            for predicate in copied:
                for value in vocab.objects(thing, predicate):
                    self.graph.add((thing, predicate, value))
                    if predicate == copied[3] and isinstance(value, URIRef):
                        todo.append(value)  # the concept scheme: its type and label too

    def run(self) -> Graph:
        self.document()
        self.entities()
        self.events()
        self.quotes()
        self.positions()
        self.issue_points()
        self.copy_vocabulary()
        return self.graph


def concept_label(iri: str, lang: str) -> str | None:
    """skos:prefLabel (else rdfs:label) of a vocabulary concept in a language, if any."""
    from rdflib import URIRef

    vocab = vocabulary()
    for predicate in (SKOS_PREFLABEL, RDFS_LABEL):
        for value in sorted(vocab.objects(URIRef(iri), URIRef(predicate))):
            if getattr(value, "language", None) == lang:
                return str(value)
    return None


def date_literal(value: DateValue) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear, chosen by the date's precision."""
    from rdflib import Literal, URIRef

    try:
        datatype = DATE_TYPES[value.precision]
    except KeyError:
        raise MappingError(f"unknown date precision {value.precision!r}") from None
    return Literal(value.iso, datatype=URIRef(XSD + datatype), normalize=False)


def to_graph(doc: ExtractedDocument) -> Graph:
    """The content of a document's named graph ``graph/<slug>`` (see docs/data-model.md)."""
    return _Mapper(doc).run()
