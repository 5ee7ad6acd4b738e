"""The typed document model passed between pipeline stages (no RDF here).

Identifiers of things (actors, vocabulary concepts) are plain IRI strings, built with the
helpers in :mod:`diplograph.namespaces`; the mapper turns them into RDF terms. Offsets are
code-point indexes into :attr:`SourceText.text` (the NFC body after front matter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from diplograph.iris import vocab_iri  # not diplograph.namespaces: that one imports rdflib

IN_PERSON = vocab_iri("channel", "in-person")


def channels_agree(one: str | None, one_hosted: bool, other: str | None, other_hosted: bool) -> bool:
    """May two accounts of a gathering be one happening as far as the channel goes?

    Not when they give different channels (vocab/channel), nor when one is a call or a video link
    and the other has a host: someone who receives a visitor meets them in person. Used within a
    document (event coreference) and across documents (corpus identity) alike.
    """
    if one and other:
        return one == other
    remote, hosted = (one, other_hosted) if one else (other, one_hosted)
    return not (remote and remote != IN_PERSON and hosted)


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the body text: ``text == body[begin:end]`` always holds."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Section:
    """A titled part of the document; ``heading`` is None for untitled leading text."""

    heading: Span | None
    begin: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph or list item of the body (``is_list_item`` for ``- ...`` lines)."""

    begin: int
    end: int
    is_list_item: bool = False


@dataclass
class SourceText:
    """What the reader hands on: the body text, its metadata and its layout."""

    slug: str
    text: str
    path: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "fr"
    source: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    sha256: str = ""


@dataclass
class RoleAssignment:
    """A person holds a role (vocab concept IRI) for an organisation or state."""

    role: str
    organisation: str | None
    evidence: Span


@dataclass
class Entity:
    """An actor or place, linked to the gazetteer (``linked``) or minted from the text.

    ``kind`` is one of person, state, org, delegation, group, place.
    """

    iri: str
    kind: str
    label: str
    linked: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    wikidata: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    roles: list[RoleAssignment] = field(default_factory=list)
    # a minted building the text puts in a place it names ("l'aéroport international X de Libreville"):
    # that place, so a gathering placed at the building is also placed in the city (dg:locatedIn)
    located_in: str | None = None
    #: Names the text writes for a gazetteer actor that the gazetteer does not list (another
    #: transcription: "Asaad Al-Chaybani" for "Assaad al-Chaibani"): the document's own spelling.
    written_as: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DateValue:
    """A calendar date at day, month or year precision (ISO ``2025-12-02``, ``2025-11``, ``2025``)."""

    iso: str
    precision: str  # day | month | year
    evidence: Span
    relative: bool = False  # resolved against the publication date
    deadline: bool = False  # "d'ici à la fin mars", "au plus tard le 15": a time limit, not when something happens


@dataclass(frozen=True)
class DurationValue:
    """An xsd:duration such as ``PT5H`` or ``PT3H30M``; ``approximate`` for "environ"."""

    iso: str
    approximate: bool
    evidence: Span


@dataclass
class Participant:
    """An actor's part in an event, with the role held and the side taken there."""

    actor: str
    role: str | None = None
    side: str | None = None
    evidence: Span | None = None


@dataclass
class EventRelation:
    """A link from one event to another (``relation`` is a dg property local name)."""

    relation: str  # precededBy | followUpOf | reactsTo | partOf | context
    other: int  # trigger begin offset of the other event in the same document


@dataclass
class Event:
    """A diplomatic or background event found at a trigger word."""

    trigger: Span
    event_type: str  # vocab concept IRI (vocab/event-type/...)
    event_class: str  # OWL class IRI (dg:Meeting, ...)
    status: str  # vocab concept IRI (vocab/event-status/...)
    sentence: Span
    agents: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    host: str | None = None
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: DateValue | None = None
    duration: DurationValue | None = None
    channel: str | None = None  # vocab/channel/... concept IRI: in person, by telephone, by video
    topics: list[str] = field(default_factory=list)  # issue concept IRIs
    according_to: list[str] = field(default_factory=list)
    relations: list[EventRelation] = field(default_factory=list)
    #: Further mentions of the same event ("la rencontre", "cet entretien", "Ils ont évoqué"),
    #: in text order; the trigger stays the first mention and gives the event its IRI.
    mentions: list[Span] = field(default_factory=list)


_compare_events = Event.__eq__  # the one dataclasses generated: every field, in order


def _event_eq(self: Event, other: object) -> bool:
    """The generated comparison, answered at once when the two triggers start at different offsets.

    Why: the extraction rules ask "is this event still there" (``event in ctx.events``) after
    merges, ~150,000 times over the texts of tests/texts; each time the generated method built
    two tuples of all 18 fields and called the triggers' own ``Span.__eq__``, though the first
    field, the trigger, already differs. Two exact ``Span`` triggers whose ``begin`` are
    different ints are unequal Spans, so the generated method would answer False too; in every
    other case it is asked.
    """
    if other.__class__ is self.__class__:
        mine, theirs = self.trigger, other.trigger  # type: ignore[attr-defined]
        if mine.__class__ is Span is theirs.__class__ and mine.begin.__class__ is int is theirs.begin.__class__ \
                and mine.begin != theirs.begin:
            return False
    return _compare_events(self, other)


Event.__eq__ = _event_eq  # type: ignore[method-assign]  # (an Event stays unhashable, as the dataclass made it)


@dataclass
class Quote:
    """Exact quoted words (the characters inside the quotation marks)."""

    span: Span
    speaker: str | None
    statement: int | None = None  # trigger offset of the Statement event


@dataclass
class Position:
    """Who stands where on which issue: holder, issue, stance and the text behind it."""

    holder: str
    issue: str
    stance: str
    evidence: Span
    expressed_in: int | None = None  # trigger offset of the event


@dataclass
class IssuePoint:
    """An issue on which parties disagree (``disagreement``) or converge (``convergence``)."""

    issue: str
    kind: str  # disagreement | convergence
    parties: list[str]
    evidence: Span
    identified_in: int | None = None


@dataclass
class ExtractedDocument:
    """Everything the extractor found in one document."""

    source: SourceText
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    issue_points: list[IssuePoint] = field(default_factory=list)
