"""Namespaces and IRI builders.

`DG` is a closed :class:`rdflib.namespace.DefinedNamespace`: a typo such as ``DG.Meetng``
raises at import time instead of silently minting a new term. A test checks that this
list and ``ontology/diplograph.ttl`` declare exactly the same terms.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

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

PREFIXES: dict[str, str] = {
    "dg": str(DG._NS),
    "dgsh": str(DGSH),
    "vocab": str(VOCAB),
    "id": str(ID),
    "doc": str(DOC),
    "nif": str(NIF),
    "gaf": str(GAF),
    "sem": str(SEM),
    "prov": str(PROV),
    "org": str(ORG),
    "time": str(TIME),
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": str(WD),
}

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug: stable across runs and platforms.

    Accents are stripped (``Défense`` -> ``defense``) so that IRIs stay readable and do
    not depend on the Unicode normal form of the input.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug or "x"


def id_iri(kind: str, *parts: str | int) -> str:
    """IRI string of a thing: ``id/<kind>/<part>/<part>`` (parts already slugs or ints)."""
    return BASE + "id/" + "/".join([kind, *(str(p) for p in parts)])


def doc_iri(doc_slug: str) -> str:
    """IRI string of a source document."""
    return BASE + "doc/" + doc_slug


def mention_iri(doc_slug: str, begin: int, end: int) -> str:
    """RFC 5147 fragment IRI of a span of the document body, as NIF does."""
    return f"{doc_iri(doc_slug)}#char={begin},{end}"


def graph_iri(doc_slug: str) -> str:
    """IRI string of a document's named graph."""
    return BASE + "graph/" + doc_slug


def vocab_iri(scheme: str, concept: str) -> str:
    """IRI string of a vocabulary concept ``vocab/<scheme>/<concept>``."""
    return BASE + "vocab/" + scheme + "/" + concept
