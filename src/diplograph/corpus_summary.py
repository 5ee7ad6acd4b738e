"""What the reports of one corpus event agree on, and where they disagree.

:mod:`diplograph.corpus` decides which document events report the same real event; this module
reads a finished cluster and says, per property, the value most documents give with its
support, and the conflicting claims (which value, which document) that
:mod:`diplograph.corpus_rdf` records. Why apart: identity is a search over pairs and blocks,
this is a vote over one cluster's reports; neither needs the other's machinery.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from diplograph.corpus import XSD, CorpusEvent, Report, World, world


@dataclass(frozen=True)
class Fact:
    """A value the corpus event carries, and how many documents support it."""

    prop: str  # dg local name: date | place | duration | status | hasParticipant
    value: str
    datatype: str  # "" for an IRI
    support: int


@dataclass(frozen=True)
class Role:
    """A role and side that reports give one participant ("" when a report gives only the other)."""

    actor: str
    role: str
    side: str
    support: int  # documents that give this actor this role and side


@dataclass(frozen=True)
class Claim:
    """What one report says on a property where the reports disagree."""

    prop: str
    value: str
    datatype: str
    report: Report


@dataclass
class Summary:
    """The agreed facts and the conflicts of one corpus event."""

    facts: list[Fact]
    conflicts: dict[str, list[Claim]]  # property -> the claims, sorted by report order
    roles: list[Role] = field(default_factory=list)  # the roles and sides reports give participants


def _pick(counts: dict[str, set[str]], first_seen: list[str]) -> str:
    """The value most documents give; ties go to the value of the earliest report."""
    return max(first_seen, key=lambda v: (len(counts[v]), -first_seen.index(v)))


def _most_specific(places: Iterable[str], w: World) -> list[str]:
    places = set(places)
    empty: frozenset[str] = frozenset()
    return sorted(p for p in places if not any(p in w.located_in.get(q, empty) for q in places if q != p))


def summarise(event: CorpusEvent) -> Summary:
    """Agreed values with support counts (documents), and conflict records (which values, which documents).

    Dates: a month is not in conflict with a day inside it; two different days are. Places: a
    palace is not in conflict with its city; two places neither of which contains the other are.
    Durations and statuses: any two different values are. Participants: a report naming fewer
    actors is partial, not in conflict (reports whose named people contradict are never joined).
    """
    w = world()
    reports = event.reports
    facts: list[Fact] = []
    conflicts: dict[str, list[Claim]] = {}

    def plain(prop: str, attr: str, datatype: str) -> None:
        counts: dict[str, set[str]] = {}
        seen: list[str] = []
        for r in reports:
            value = getattr(r, attr)
            if value:
                counts.setdefault(value, set()).add(r.document)
                if value not in seen:
                    seen.append(value)
        if not seen:
            return
        best = _pick(counts, seen)
        facts.append(Fact(prop, best, datatype, len(counts[best])))
        if len(seen) > 1:
            conflicts[prop] = [Claim(prop, getattr(r, attr), datatype, r) for r in reports if getattr(r, attr)]

    # date: the most precise values compete; coarser ones support the values they contain
    dated = [r for r in reports if r.date]
    if dated:
        present = {r.precision for r in dated}
        best_precision = next(p for p in ("day", "month", "year", "") if p in present)
        counts: dict[str, set[str]] = {}
        seen: list[str] = []
        for r in dated:
            if r.precision == best_precision:
                counts.setdefault(r.date, set()).add(r.document)
                if r.date not in seen:
                    seen.append(r.date)
        best = _pick(counts, seen)
        support = {r.document for r in dated if best.startswith(r.date)}
        datatype = {"day": XSD + "date", "month": XSD + "gYearMonth", "year": XSD + "gYear"}.get(best_precision, "")
        facts.append(Fact("date", best, datatype, len(support)))
        if len(seen) > 1:
            conflicts["date"] = [Claim("date", r.date, {"day": XSD + "date", "month": XSD + "gYearMonth",
                                                       "year": XSD + "gYear"}.get(r.precision, ""), r)
                                 for r in dated]
    plain("duration", "duration", XSD + "duration")
    plain("status", "status", "")
    plain("channel", "channel", "")

    # place: the most specific place that the most documents are consistent with
    specific = {r.event: _most_specific(r.places, w) for r in reports}
    candidates: list[str] = []
    for r in reports:
        candidates += [p for p in specific[r.event] if p not in candidates]
    if candidates:
        empty: frozenset[str] = frozenset()

        def agrees(place: str, r: Report) -> bool:
            return any(p == place or place in w.located_in.get(p, empty) or p in w.located_in.get(place, empty)
                       for p in r.places)

        def rank(place: str) -> tuple[int, int, int]:
            return (len({r.document for r in reports if agrees(place, r)}), len(w.located_in.get(place, empty)),
                    -candidates.index(place))

        best = max(candidates, key=rank)
        facts.append(Fact("place", best, "", rank(best)[0]))
        placed = [r for r in reports if specific[r.event]]
        if any(not any(agrees(p, other) for p in specific[r.event]) for r in placed for other in placed):
            conflicts["place"] = [Claim("place", p, "", r) for r in placed for p in specific[r.event]]

    actors: dict[str, set[str]] = {}
    for r in reports:
        for actor in r.participants:
            actors.setdefault(actor, set()).add(r.document)
    facts += [Fact("hasParticipant", a, "", len(actors[a])) for a in sorted(actors)]
    described: dict[tuple[str, str, str], set[str]] = {}
    for r in reports:
        for part in r.participations:
            described.setdefault(part, set()).add(r.document)
    roles = [Role(a, role, side, len(described[(a, role, side)])) for a, role, side in sorted(described)]
    return Summary(facts, conflicts, roles)
