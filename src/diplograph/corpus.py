"""Cross-document event identity: which document events report the same real event.

Input: the document graphs a build wrote (``graph/<slug>.ttl``), read back as small
:class:`Report` summaries (no NLP here, and nothing the graph does not say). Output: a list of
:class:`CorpusEvent` clusters that :mod:`diplograph.corpus_rdf` turns into the corpus graph.

The rules (docs/data-model.md, "The event and what a document says"):

* **Compatible kinds.** Two event types may denote one real event when the vocabulary says so
  (``dg:joinsWith`` in ontology/vocab/event-types.ttl: meeting, negotiation and consultation
  all join the meeting group). Types without ``dg:joinsWith`` are never joined across reports.
* **Compatible time.** The same day; a day inside a reported month; a day one apart only with
  strong evidence (two shared participants and comparable places), then recorded as a date
  conflict. A report without a day or month needs strong evidence too.
* **Compatible place.** Either report names no place, or a place of one contains, equals or
  lies in a place of the other (``dg:locatedIn``, transitively: the Élysée is in Paris).
* **Same channel.** Reports that name different channels (vocab/channel: in person, by
  telephone, by video) are never joined, nor a call or video link with a visit someone hosted.
* **Participants that do not contradict.** At least one shared actor; the states represented
  must be nested (one report's sides within the other's); and a state named with people in both
  reports must have at least one of those people in common (a prime minister's talks are not the
  president's talks on the same day).
* **Cliques, not chains.** Clusters grow greedily over compatible pairs, best first, and two
  clusters merge only if every report of one is compatible with every report of the other; so a
  vague report cannot chain two summits. Pairs are ordered by score then IRIs: the result does not
  depend on document order.
* **Blocking.** A report belongs to one block, (kind group, month of its date; else month of its
  document's publication). Pairs are only looked for inside a block, through an index of shared
  actors, so the work grows with the size of the blocks, not with the square of the corpus. A
  block's clusters depend only on its reports, which is what :func:`identify` caches: after one
  document is added, only the blocks its events fall into are examined again.
* **Names.** A corpus event's IRI is ``id/corpus-event/<slug>/<offset>`` of its first report
  ordered by (publication date, document slug, trigger offset): adding a document renames a real
  event only if the new document reports it and was published earlier than every other report.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from diplograph.model import channels_agree
from diplograph.namespaces import BASE, id_iri

DG_NS = BASE + "ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
_PRECISION = {XSD + "date": "day", XSD + "gYearMonth": "month", XSD + "gYear": "year"}
EVENT_PREFIX = BASE + "id/event/"
PARTICIPATION_PREFIX = BASE + "id/participation/"


@dataclass(frozen=True, slots=True)
class Report:
    """One document event as identity sees it: what its document's graph says about it.

    Slots and interned strings (:func:`read_reports`): a large corpus has hundreds of thousands
    of reports, each naming the same few actors, places and types.
    """

    event: str  # document event IRI
    document: str  # document IRI
    slug: str
    offset: int
    published: str  # ISO date of the document, "" if unknown
    event_type: str
    event_class: str
    date: str = ""  # lexical form (2026-03-10, 2026-03, 2026)
    precision: str = ""  # day | month | year | ""
    duration: str = ""
    status: str = ""
    channel: str = ""  # vocab/channel concept: in person, by telephone, by video ("" when not said)
    host: bool = False  # someone received the others (an in-person gathering)
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # participants, hosts and agents: what identity compares
    participants: tuple[str, ...] = ()  # participants and hosts: what the corpus event lists
    labels: tuple[tuple[str, str], ...] = ()  # (language, rdfs:label)
    # (actor, role, side) of each dg:Participation that gives a role or a side ("" when absent)
    participations: tuple[tuple[str, str, str], ...] = ()

    def order(self) -> tuple[str, str, int]:
        """Earliest publication first, then slug, then offset: the order that names a corpus event."""
        return (self.published or "9999", self.slug, self.offset)


@dataclass
class CorpusEvent:
    """One real event: its reports (sorted by :meth:`Report.order`) and why they were joined."""

    iri: str
    reports: list[Report]
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class World:
    """What identity needs from the vocabularies: place containment, affiliations, kind groups."""

    located_in: dict[str, frozenset[str]]  # place -> every place containing it (transitively)
    affiliation: dict[str, str]  # actor -> its state or organisation
    states: frozenset[str]
    joins: dict[str, str]  # event type -> its kind group


@dataclass
class IdentityStats:
    """How much work identity did (the incremental rebuild test reads ``examined``)."""

    reports: int = 0
    blocks: int = 0
    examined: int = 0  # reports in blocks computed this run (not taken from the cache)
    pairs: int = 0  # candidate pairs checked


# -- reading document graphs -------------------------------------------------------------------

_EV_PREDICATES = {DG_NS + p: p for p in ("eventType", "date", "duration", "status", "place", "hasParticipant",
                                          "host", "agent", "reportedIn", "channel")}
_PART_PREDICATES = {DG_NS + p: p for p in ("ofEvent", "participant", "role", "side")}
_PUBLISHED, _AFFILIATED = DG_NS + "published", DG_NS + "affiliatedWith"
_DATE, _PARTICIPATION = DG_NS + "date", DG_NS + "participation"
#: Every predicate read_reports reads (a statement with another one is skipped before its terms are read).
_READ = frozenset({_PUBLISHED, _AFFILIATED, _PARTICIPATION, RDF_TYPE, RDFS_LABEL, *_EV_PREDICATES, *_PART_PREDICATES})


def read_reports(path: Path) -> tuple[list[Report], dict[str, str]]:
    """The events of one document graph file, and the actor affiliations it states."""
    import pyoxigraph

    with path.open("rb") as handle:
        return _reports(_parsed(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE)))


#: A statement :func:`_reports` reads: subject, predicate, the object's value (IRI or lexical form),
#: and the object's datatype IRI for a date (else ""), its language tag for a label (else "").
_Statement = tuple[str, str, str, str]


def _parsed(quads: Iterable) -> Iterator[_Statement]:
    """The statements of a parsed file that :func:`_reports` reads, in the file's order."""
    read = _READ
    for quad in quads:
        p = quad.predicate.value
        if p not in read:  # most statements (mentions' offsets and anchors, texts): skipped before their terms are read
            continue
        o = quad.object
        extra = ""
        if p == _DATE:
            datatype = getattr(o, "datatype", None)
            extra = datatype.value if datatype is not None else ""
        elif p == RDFS_LABEL:
            extra = getattr(o, "language", None) or ""
        yield quad.subject.value, p, o.value, extra


def reports_of_triples(triples: Iterable[tuple]) -> tuple[list[Report], dict[str, str]] | None:
    """:func:`read_reports` of the file :func:`diplograph.serialize.to_turtle` writes from these
    rdflib triples (a document graph from the mapper), without writing and parsing it; None when
    a statement read has a blank node (the writer relabels those).

    Why: the corpus graph parsed every document file the build had just written (~1.3 ms a
    document, about a tenth of a build's CPU beyond spaCy). The same reports: the values are what
    parsing gives back (the lexical form; a language tag in lower case, as Oxigraph reads it), and
    when a reading keeps the first or the last of several values (:func:`_order_free`), the
    statements are put in the file's order first (:func:`diplograph.serialize.statement_key`, the
    writer's own sort keys). tests/test_corpus_reports.py compares both readings.
    """
    from rdflib import BNode, Literal, URIRef

    read = _READ
    rows = []
    statements: list[_Statement] = []
    for triple in triples:
        p = str(triple[1])
        if p not in read:
            continue
        s, _, o = triple
        iri = type(o) is URIRef  # (the usual case, tested without isinstance's ABC look-up)
        if (type(s) is not URIRef and isinstance(s, BNode)) or (not iri and isinstance(o, BNode)):
            return None
        extra = ""
        if not iri and isinstance(o, Literal):
            if p == _DATE:
                extra = str(o.datatype) if o.datatype is not None else ""
            elif p == RDFS_LABEL:
                extra = (o.language or "").lower()
        rows.append(triple)
        statements.append((str(s), p, str(o), extra))
    if _order_free(statements):
        found = _reports(statements)
        if len({r.order() for r in found[0]}) == len(found[0]):  # ties would keep the file's order of events
            return found
    from diplograph.serialize import statement_key

    order = sorted(range(len(rows)), key=lambda k: statement_key(rows[k]))
    return _reports([statements[k] for k in order])


def _order_free(statements: Sequence[_Statement]) -> bool:
    """True when no reading of :func:`_reports` that keeps the first or the last of several values
    (the publication, an actor's affiliation, a participation's parts, an event's type and report)
    meets two different values: then the statements' order does not change the reports."""
    slots: dict[tuple[str, str], object] = {}
    for s, p, value, _ in statements:
        candidate: object = value
        if p == _PUBLISHED:
            key, candidate = ("", p), (value, s)
        elif p == _PARTICIPATION:
            key, candidate = (value, "ofEvent"), s
        elif p in _PART_PREDICATES:
            key = (s, _PART_PREDICATES[p])
        elif p in _FIRST_KEPT:
            key = (s, p)
        else:
            continue
        if slots.setdefault(key, candidate) != candidate:
            return False
    return True


_FIRST_KEPT = frozenset({_AFFILIATED, DG_NS + "eventType", DG_NS + "reportedIn"})


def _reports(statements: Iterable[_Statement]) -> tuple[list[Report], dict[str, str]]:
    """The reports and affiliations of a document graph's statements (those :data:`_READ` names), in file order."""
    events: dict[str, dict[str, list]] = {}
    types: dict[str, list[str]] = {}
    labels: dict[str, list[tuple[str, str]]] = {}
    parts: dict[str, dict[str, str]] = {}  # participation node -> ofEvent, participant, role, side
    affiliation: dict[str, str] = {}
    published = ""
    document = ""
    affiliated, date, participation = _AFFILIATED, _DATE, _PARTICIPATION
    for s, p, value, extra in statements:
        if p == _PUBLISHED:
            published, document = value, s
        elif p == affiliated:
            affiliation.setdefault(s, value)
        elif s.startswith(PARTICIPATION_PREFIX):
            if p in _PART_PREDICATES:
                parts.setdefault(s, {})[_PART_PREDICATES[p]] = value
        elif s.startswith(EVENT_PREFIX):
            if p == participation:
                parts.setdefault(value, {})["ofEvent"] = s
            elif p in _EV_PREDICATES:
                entry = events.setdefault(s, {})
                if p == date:
                    entry.setdefault("date", []).append((value, _PRECISION.get(extra, "")))
                else:
                    entry.setdefault(_EV_PREDICATES[p], []).append(value)
            elif p == RDF_TYPE:
                types.setdefault(s, []).append(value)
            elif p == RDFS_LABEL:
                labels.setdefault(s, []).append((extra, value))
    described: dict[str, set[tuple[str, str, str]]] = {}
    for part in parts.values():
        if part.get("ofEvent") and part.get("participant") and (part.get("role") or part.get("side")):
            described.setdefault(part["ofEvent"], set()).add(
                (part["participant"], part.get("role", ""), part.get("side", "")))
    reports = []
    i = sys.intern
    published = i(published)
    for iri, entry in events.items():
        if "eventType" not in entry:
            continue
        slug, _, offset = iri[len(EVENT_PREFIX):].rpartition("/")
        date, precision = min(entry.get("date", [("", "")]))
        classes = sorted(c for c in types.get(iri, []) if c.startswith(DG_NS))
        actors = sorted(set(entry.get("hasParticipant", []) + entry.get("host", []) + entry.get("agent", [])))
        reports.append(Report(
            event=iri, document=i((entry.get("reportedIn") or [document])[0]), slug=i(slug), offset=int(offset),
            published=published, event_type=i(entry["eventType"][0]), event_class=i(classes[0] if classes else ""),
            date=i(date), precision=precision, duration=i(min(entry.get("duration", [""]))),
            status=i(min(entry.get("status", [""]))), channel=i(min(entry.get("channel", [""]))),
            host=bool(entry.get("host")), places=tuple(i(p) for p in sorted(set(entry.get("place", [])))),
            actors=tuple(i(a) for a in actors),
            participants=tuple(i(a) for a in sorted(set(entry.get("hasParticipant", []) + entry.get("host", [])))),
            labels=tuple((i(lang), text) for lang, text in sorted(labels.get(iri, []))),
            participations=tuple((i(a), i(r), i(s)) for a, r, s in sorted(described.get(iri, ())))))
    reports.sort(key=Report.order)
    return reports, affiliation


@cache
def world() -> World:
    """Place containment, gazetteer affiliations and event kind groups, from ontology/vocab/.

    Kept in the user cache between processes (:mod:`diplograph.pickle_cache`, keyed by the
    vocabulary files and this module): reading the vocabularies was ~0.03 s of every build.
    """
    from diplograph.pickle_cache import cached
    from diplograph.resources import vocab_files

    files = vocab_files()
    return cached("corpus-world", lambda: [Path(__file__), *files], lambda: _read_world(files))


def _read_world(files: Sequence[Path]) -> World:
    import pyoxigraph

    parent: dict[str, set[str]] = {}
    affiliation: dict[str, str] = {}
    states: set[str] = set()
    joins: dict[str, str] = {}
    for path in files:
        with open(path, "rb") as handle:
            for quad in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE):
                s, p, o = quad.subject.value, quad.predicate.value, quad.object.value
                if p == DG_NS + "locatedIn":
                    parent.setdefault(s, set()).add(o)
                elif p == DG_NS + "affiliatedWith":
                    affiliation[s] = min(affiliation.get(s, o), o)
                elif p == RDF_TYPE and o == DG_NS + "State":
                    states.add(s)
                elif p == DG_NS + "joinsWith":
                    joins[s] = min(joins.get(s, o), o)

    def ancestors(place: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        found: set[str] = set()
        for up in parent.get(place, ()):
            if up not in seen:
                found |= {up} | ancestors(up, seen | {place})
        return frozenset(found)

    return World({p: ancestors(p) for p in parent}, affiliation, frozenset(states), joins)


# -- compatibility -------------------------------------------------------------------------------

def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def time_relation(a: Report, b: Report) -> str:
    """'same' (same day, or a day in a month, or same month), 'near' (days one apart), 'vague', or ''."""
    if a.precision in ("day", "month") and b.precision in ("day", "month"):
        if a.precision == b.precision == "day":
            if a.date == b.date:
                return "same"
            da, db = _day(a.date), _day(b.date)
            return "near" if da and db and abs((da - db).days) == 1 else ""
        return "same" if a.date[:7] == b.date[:7] else ""
    years = {r.date[:4] for r in (a, b) if r.date}
    return "vague" if len(years) <= 1 else ""


def comparable_places(a: Report, b: Report, w: World) -> bool:
    """A place of one report equals, contains or lies in a place of the other."""
    empty: frozenset[str] = frozenset()
    return any(x == y or y in w.located_in.get(x, empty) or x in w.located_in.get(y, empty)
               for x in a.places for y in b.places)


def _sides(report: Report, w: World, aff: dict[str, str]) -> dict[str, set[str]]:
    """State or organisation -> the non-state actors of the report on that side."""
    sides: dict[str, set[str]] = {}
    for actor in report.actors:
        if actor in w.states:
            sides.setdefault(actor, set())
        else:
            side = aff.get(actor) or w.affiliation.get(actor)
            if side:
                sides.setdefault(side, set()).add(actor)
    return sides


def compatible(a: Report, b: Report, w: World, aff: dict[str, str]) -> tuple[int, str] | None:
    """(score, reason) if a and b may report the same real event, else None."""
    if w.joins.get(a.event_type) is None or w.joins.get(a.event_type) != w.joins.get(b.event_type):
        return None
    if not channels_agree(a.channel, a.host, b.channel, b.host):
        return None
    when = time_relation(a, b)
    if not when:
        return None
    shared = sorted(set(a.actors) & set(b.actors))
    if not shared:
        return None
    if a.places and b.places:
        if not comparable_places(a, b, w):
            return None
        where = True
    else:
        where = False
    sa, sb = _sides(a, w, aff), _sides(b, w, aff)
    if not (set(sa) <= set(sb) or set(sb) <= set(sa)):
        return None
    for side in set(sa) & set(sb):
        if sa[side] and sb[side] and not sa[side] & sb[side]:
            return None
    if when == "near" and not (len(shared) >= 2 and where):
        return None  # one day apart: the same event only on strong evidence (kept as a date conflict)
    if when == "vague" and not (len(shared) >= 2 or where):
        return None  # no day or month: the same event only on strong evidence
    score = {"same": 4, "near": 1, "vague": 0}[when] + 2 * len(shared) + (2 if where else 0)
    parts = [{"same": "same date", "near": "dates one day apart", "vague": "no conflicting date"}[when]]
    if where:
        parts.append("comparable places")
    if a.channel and a.channel == b.channel:
        parts.append("same channel " + a.channel.rsplit("/", 1)[-1])
    parts.append("shared participants " + ", ".join(s.rsplit("/", 1)[-1] for s in shared))
    return score, "; ".join(parts)


# -- clustering ----------------------------------------------------------------------------------

def block_key(report: Report, w: World) -> tuple[str, str] | None:
    """The block a report is compared in: (kind group, month); None for kinds never joined."""
    group = w.joins.get(report.event_type)
    if group is None:
        return None
    if report.precision in ("day", "month"):
        return group, report.date[:7]
    return group, (report.published[:7] or "undated")


def cluster_block(reports: Sequence[Report], w: World, aff: dict[str, str],
                  stats: IdentityStats | None = None) -> list[tuple[list[str], list[str]]]:
    """Cliques of mutually compatible reports: [(event IRIs, join reasons)], deterministic."""
    by_iri = {r.event: r for r in reports}
    index: dict[str, list[str]] = {}
    for r in sorted(reports, key=lambda r: r.event):
        for actor in r.actors:
            index.setdefault(actor, []).append(r.event)
    pairs: dict[tuple[str, str], tuple[int, str]] = {}
    for members in index.values():
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                key = (x, y) if x < y else (y, x)
                if key in pairs:
                    continue
                if stats is not None:
                    stats.pairs += 1
                verdict = compatible(by_iri[key[0]], by_iri[key[1]], w, aff)
                pairs[key] = verdict if verdict is not None else (-1, "")
    cluster_of = {iri: iri for iri in by_iri}
    members_of = {iri: [iri] for iri in by_iri}
    reasons_of: dict[str, list[str]] = {iri: [] for iri in by_iri}
    ranked = sorted(((-v[0], k) for k, v in pairs.items() if v[0] >= 0))
    for _, (x, y) in ranked:
        cx, cy = cluster_of[x], cluster_of[y]
        if cx == cy:
            continue
        if all(pairs.get((p, q) if p < q else (q, p), (-1, ""))[0] >= 0
               for p in members_of[cx] for q in members_of[cy]):
            keep, gone = (cx, cy) if cx < cy else (cy, cx)
            members_of[keep] += members_of.pop(gone)
            short = f"{x[len(EVENT_PREFIX):]} ~ {y[len(EVENT_PREFIX):]}"
            reasons_of[keep] += reasons_of.pop(gone) + [f"{short}: {pairs[(x, y)][1]}"]
            for iri in members_of[keep]:
                cluster_of[iri] = keep
    return [(sorted(members_of[c]), sorted(reasons_of[c])) for c in sorted(members_of)]


_REPORT_FIELDS = tuple(f.name for f in fields(Report))


def _block_digest(reports: Sequence[Report], aff: dict[str, str]) -> str:
    """What a block's clusters depend on: its reports and the affiliations of their actors.

    A report's fields are read directly rather than through ``dataclasses.asdict``, which
    deep-copies every value (a tenth of the corpus graph's time): a report holds only strings,
    numbers and tuples of them, so the JSON text, hence the digest, is the same.
    """
    digest = hashlib.sha256()
    names = _REPORT_FIELDS
    for r in sorted(reports, key=lambda r: r.event):
        digest.update(json.dumps({name: getattr(r, name) for name in names}, sort_keys=True).encode())
        digest.update(json.dumps([aff.get(a, "") for a in r.actors]).encode())
    return digest.hexdigest()


def _block_events(key: tuple[str, str] | None, members: Sequence[Report], w: World, aff: dict[str, str],
                  cache: dict[str, list] | None, used: dict[str, list], stats: IdentityStats) -> list[CorpusEvent]:
    """The corpus events of one block (its clusters from ``cache`` when its digest is there)."""
    if key is None:
        return [CorpusEvent(id_iri("corpus-event", r.slug, r.offset), [r], []) for r in members]
    digest = _block_digest(members, aff)
    found = cache.get(digest) if cache is not None else None
    if found is None:
        stats.examined += len(members)
        found = [list(c) for c in cluster_block(members, w, aff, stats)]
    used[digest] = found
    by_iri = {r.event: r for r in members}
    events = []
    for cluster, reasons in found:
        ordered = sorted((by_iri[m] for m in cluster), key=Report.order)
        first = ordered[0]
        events.append(CorpusEvent(id_iri("corpus-event", first.slug, first.offset), ordered, list(reasons)))
    return events


def identify(reports: Iterable[Report], affiliation: dict[str, str] | None = None, *,
             cache: dict[str, list] | None = None, stats: IdentityStats | None = None) -> list[CorpusEvent]:
    """Every report in exactly one corpus event, sorted by IRI.

    ``cache`` maps a block digest to its clusters; blocks whose digest is there are not
    examined again, and the dict is filled with this run's blocks (the caller persists it).
    """
    w = world()
    aff = affiliation or {}
    stats = stats if stats is not None else IdentityStats()
    blocks: dict[tuple[str, str] | None, list[Report]] = {}
    by_iri: dict[str, Report] = {}
    for r in reports:
        by_iri[r.event] = r
        blocks.setdefault(block_key(r, w), []).append(r)
    stats.reports = len(by_iri)
    stats.blocks = len(blocks)
    used: dict[str, list] = {}
    events = [e for key, members in blocks.items() for e in _block_events(key, members, w, aff, cache, used, stats)]
    if cache is not None:
        cache.clear()
        cache.update(used)
    events.sort(key=lambda e: e.iri)
    return events


def identify_stream(paths: Sequence[Path], *, cache_file: Path | None = None, stats: IdentityStats | None = None,
                    work_dir: Path | None = None,
                    known: Callable[[Path], tuple | None] | None = None) -> Iterator[CorpusEvent]:
    """The corpus events of the given document graph files, block by block (in no useful order).

    Same events as :func:`identify` over every report of the files, with memory that does not
    grow with the corpus: a first pass reads one file at a time and spills its reports, grouped
    by block, to a temporary file (``work_dir``); a second pass takes one block at a time back.
    What stays in memory for the whole corpus is the actors' affiliations and, per block, the
    places of its parts in the spill file; reports of kinds that are never joined become their
    own corpus events at once, without a spill. ``cache_file``: per-block clusters kept between builds,
    rewritten once the generator is exhausted. ``known``: a file's :func:`read_reports` when the
    caller has them already (the build, from the mapper's triples), else None: the file is parsed.
    """
    w = world()
    stats = stats if stats is not None else IdentityStats()
    affiliation: dict[str, str] = {}
    spilled: dict[tuple[str, str], list[tuple[int, int]]] = {}
    cache: dict[str, list] | None = None
    if cache_file is not None:
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    used: dict[str, list] = {}
    singles = False
    with tempfile.TemporaryFile(dir=work_dir) as spill:
        for path in sorted(paths):
            found, aff = (known(path) if known is not None else None) or read_reports(path)
            stats.reports += len(found)
            for actor, side in aff.items():
                affiliation[actor] = min(affiliation.get(actor, side), side)
            grouped: dict[tuple[str, str] | None, list[Report]] = {}
            for r in found:
                grouped.setdefault(block_key(r, w), []).append(r)
            singles = singles or None in grouped
            for key, members in grouped.items():
                if key is None:  # kinds never joined: one corpus event per report, nothing to wait for
                    yield from _block_events(None, members, w, affiliation, cache, used, stats)
                    continue
                data = pickle.dumps(members, protocol=pickle.HIGHEST_PROTOCOL)
                spilled.setdefault(key, []).append((spill.tell(), len(data)))
                spill.write(data)
        stats.blocks = len(spilled) + (1 if singles else 0)
        for key, parts in spilled.items():
            members = []
            for start, size in parts:
                spill.seek(start)
                members += pickle.loads(spill.read(size))
            yield from _block_events(key, members, w, affiliation, cache, used, stats)
    if cache_file is not None:
        from diplograph.fsio import atomic_write_text

        atomic_write_text(cache_file, json.dumps(used, sort_keys=True))


def identify_files(paths: Sequence[Path], *, cache_file: Path | None = None,
                   stats: IdentityStats | None = None) -> list[CorpusEvent]:
    """Corpus events of the given document graph files, sorted by IRI (``cache_file``: per-block
    results kept between builds). The build streams them instead: :func:`identify_stream`."""
    return sorted(identify_stream(paths, cache_file=cache_file, stats=stats), key=lambda e: e.iri)
