"""Namespaces and IRI builders.

`DG` is a closed :class:`rdflib.namespace.DefinedNamespace`: a typo such as ``DG.Meetng``
raises at import time instead of silently minting a new term. A test checks that this
list and ``ontology/diplograph.ttl`` declare exactly the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from diplograph import iris as _iris
from diplograph.iris import doc_iri, graph_iri, id_iri, mention_iri, slugify, vocab_iri  # noqa: F401 - re-exported

BASE = "https://w3id.org/diplograph/"
ONTOLOGY_IRI = BASE + "ontology"


class DG(DefinedNamespace):
    """The diplograph ontology (``dg:``); see docs/data-model.md."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes: text and provenance
    SourceDocument: URIRef
    Section: URIRef
    Mention: URIRef
    # classes: actors and places
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Delegation: URIRef
    CollectiveActor: URIRef
    Place: URIRef
    # classes: roles
    Role: URIRef
    RoleHolding: URIRef
    Participation: URIRef
    # classes: vocabularies
    EventType: URIRef
    EventStatus: URIRef
    Issue: URIRef
    Stance: URIRef
    # classes: events
    DiplomaticEvent: URIRef
    Meeting: URIRef
    Negotiation: URIRef
    Consultation: URIRef
    Statement: URIRef
    Reaction: URIRef
    Accusation: URIRef
    Criticism: URIRef
    Warning: URIRef
    Appeal: URIRef
    Announcement: URIRef
    Agreement: URIRef
    Rejection: URIRef
    Proposal: URIRef
    BackgroundEvent: URIRef
    Resignation: URIRef
    MilitaryAction: URIRef
    Controversy: URIRef
    MediaReport: URIRef
    # classes: quotes, positions, issue points
    Quote: URIRef
    Position: URIRef
    IssuePoint: URIRef
    Disagreement: URIRef
    Convergence: URIRef
    # classes: the corpus graph (cross-document identity)
    CorpusEvent: URIRef
    ValueSupport: URIRef
    Conflict: URIRef
    Claim: URIRef

    # object properties
    eventType: URIRef
    status: URIRef
    hasParticipant: URIRef
    participatesIn: URIRef
    agent: URIRef
    host: URIRef
    target: URIRef
    place: URIRef
    topic: URIRef
    accordingTo: URIRef
    reportedIn: URIRef
    participation: URIRef
    ofEvent: URIRef
    participant: URIRef
    role: URIRef
    side: URIRef
    holds: URIRef
    heldBy: URIRef
    forOrganization: URIRef
    affiliatedWith: URIRef
    standsFor: URIRef
    locatedIn: URIRef
    precededBy: URIRef
    precedes: URIRef
    followUpOf: URIRef
    hasFollowUp: URIRef
    reactsTo: URIRef
    hasReaction: URIRef
    partOf: URIRef
    hasPart: URIRef
    context: URIRef
    contextOf: URIRef
    speaker: URIRef
    statedIn: URIRef
    hasQuote: URIRef
    holder: URIRef
    holdsPosition: URIRef
    onIssue: URIRef
    stance: URIRef
    expressedIn: URIRef
    evidence: URIRef
    party: URIRef
    identifiedIn: URIRef
    hasSection: URIRef
    document: URIRef
    eventClass: URIRef
    # object properties: the corpus graph
    hasReport: URIRef
    reportOf: URIRef
    eventKind: URIRef
    support: URIRef
    conflict: URIRef
    claim: URIRef
    onProperty: URIRef
    joinsWith: URIRef

    # datatype properties
    date: URIRef
    duration: URIRef
    approximate: URIRef
    text: URIRef
    summary: URIRef
    published: URIRef
    language: URIRef
    sha256: URIRef
    heading: URIRef
    demonym: URIRef
    triggerLemma: URIRef
    documentCount: URIRef
    supportCount: URIRef
    supportRole: URIRef
    homeState: URIRef
    channel: URIRef
    Channel: URIRef
    supportSide: URIRef
    joinReason: URIRef

    # datatypes
    cameoCode: URIRef


DGSH = Namespace(BASE + "shapes#")
VOCAB = Namespace(BASE + "vocab/")
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
GRAPH = Namespace(BASE + "graph/")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
VOCAB_GRAPH = URIRef(BASE + "graph/vocab")

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = dict(_iris.PREFIXES)


class Terms:
    """Attribute access to a namespace's terms, each looked up once per process.

    ``DG.Meeting`` goes through DefinedNamespace's checks and builds a new URIRef on every
    access; the mapper and the corpus graph writer do that thousands of times per document.
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term
