"""One event as a picture: who met whom (grouped by side, with roles), about what, what they said,
where they disagreed, and what came before and after.

Two steps kept apart so each can be tested and reused: :func:`event_view` reads the graph with
SPARQL into a plain :class:`EventView` (all labels already chosen in the reader's language), and
:func:`render` lays that view out with Graphviz. The reading side only relies on the terms fixed
in docs/data-model.md; nothing here knows any article.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import InputError, UsageError
from diplograph.namespaces import BASE, PREFIXES, vocab_iri
from diplograph.pictures import Labels, local_name, select, write_output

if TYPE_CHECKING:
    import pyoxigraph

OCCURRED = vocab_iri("event-status", "occurred")
PICTURE_SUFFIXES = (".svg", ".png")
FONT = "DejaVu Sans"

# Words of the picture itself (not of any article), in the two languages of the vocabularies.
UI: dict[str, dict[str, str]] = {
    "fr": {
        "host": "hôte", "unknown_side": "camp non précisé", "topic": "sujet", "according_to": "selon",
        "disagreement": "désaccord", "convergence": "point d'accord", "parties": "entre",
        "reaction": "réaction", "follow-up": "suite", "preceded-by": "avant", "part": "partie",
        "context": "contexte", "quote": "citation", "took_part": "participe", "approx": "environ",
        "side": "côté",
    },
    "en": {
        "host": "host", "unknown_side": "side not stated", "topic": "subject", "according_to": "according to",
        "disagreement": "disagreement", "convergence": "agreement point", "parties": "between",
        "reaction": "reaction", "follow-up": "follow-up", "preceded-by": "before", "part": "part",
        "context": "context", "quote": "quote", "took_part": "takes part", "approx": "about",
        "side": "side",
    },
}


@dataclass
class Participant:
    """An actor of the event, with the role it held there."""

    iri: str
    label: str
    role: str = ""
    host: bool = False


@dataclass
class Side:
    """The participants who were on one side (``iri`` empty when the graph does not say)."""

    iri: str
    label: str
    participants: list[Participant] = field(default_factory=list)


@dataclass
class RelatedEvent:
    """An event linked to the drawn one (reaction, follow-up, earlier event, part, context)."""

    iri: str
    relation: str
    label: str
    type_label: str = ""
    date: str = ""
    tentative: bool = False  # planned or announced, not (yet) happened


@dataclass
class EventView:
    """Everything the picture shows, labels resolved, lists sorted (deterministic output)."""

    iri: str
    label: str
    type_label: str = ""
    status_label: str = ""
    tentative: bool = False
    date: str = ""
    duration: str = ""
    place: str = ""
    according_to: list[str] = field(default_factory=list)
    sides: list[Side] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (speaker IRI or "", text)
    points: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (kind, issue, parties)
    related: list[RelatedEvent] = field(default_factory=list)


def _offset(row: dict[str, str]) -> int:
    """Begin offset of an event's trigger: the mention's nif:beginIndex, else the IRI's last segment."""
    if row.get("begin", "").lstrip("-").isdigit():
        return int(row["begin"])
    tail = row["e"].rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def main_event(store: pyoxigraph.Store) -> str:
    """The event drawn when none is named: the first occurred meeting, by document then offset.

    Documents are ordered by publication date, then IRI, so that in a corpus the oldest
    article's main meeting comes first, independent of load order.
    """
    rows = select(store, """
        SELECT ?e ?status ?doc ?published ?begin WHERE {
          ?e a dg:Meeting .
          OPTIONAL { ?e dg:status ?status }
          OPTIONAL { ?e dg:reportedIn ?doc OPTIONAL { ?doc dg:published ?published } }
          OPTIONAL { ?e gaf:denotedBy/nif:beginIndex ?begin }
        }""")
    if not rows:
        raise InputError("the graph holds no dg:Meeting: name the event to draw")
    occurred = [r for r in rows if r.get("status") == OCCURRED] or rows
    occurred.sort(key=lambda r: (r.get("published", "9999"), r.get("doc", ""), _offset(r), r["e"]))
    return real_event(store, occurred[0]["e"])


def real_event(store: pyoxigraph.Store, event: str) -> str:
    """The corpus event (graph/_corpus) that a document event reports, else the event itself."""
    rows = select(store, "SELECT ?c WHERE { ?c dg:hasReport ?e }", {"e": event})
    return min(r["c"] for r in rows) if rows else event


def reports_of(store: pyoxigraph.Store, event: str) -> list[str]:
    """The document events whose facts the picture of ``event`` shows: its reports if it is a
    corpus event (each document's claims stay in its graph), else the event itself."""
    rows = select(store, "SELECT ?r WHERE { ?e dg:hasReport ?r }", {"e": event})
    return sorted(r["r"] for r in rows) or [event]


def _select_each(store: pyoxigraph.Store, query: str, events: list[str]) -> list[dict[str, str]]:
    """One query run for each event (bound as ?e), rows concatenated."""
    return [row for event in events for row in select(store, query, {"e": event})]


def resolve_event(store: pyoxigraph.Store, name: str) -> str:
    """IRI of the event a user named: a full IRI, ``<IRI>``, a CURIE (``id:event/...``) or ``slug/offset``."""
    text = name.strip().strip("<>")
    prefix, _, rest = text.partition(":")
    if not text.startswith(("http://", "https://")):
        if prefix in PREFIXES and rest:
            text = PREFIXES[prefix] + rest
        else:
            text = BASE + "id/event/" + text.lstrip("/")
    known = select(store, "SELECT ?t WHERE { ?e a ?t }", {"e": text})
    if not known:
        raise InputError(f"no event {name!r} in the graph "
                         "(expected an event IRI such as id:event/<doc>/<offset>)")
    return text


def _duration(value: str, approximate: bool, lang: str) -> str:
    """Readable xsd:duration: PT5H -> '5 h', with 'about' when the text said so."""
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
                         r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", value)
    if not match:
        return value
    units = ("a", "mois", "j", "h", "min", "s") if lang == "fr" else ("y", "mo", "d", "h", "min", "s")
    parts = [f"{n} {u}" for n, u in zip(match.groups(), units, strict=True) if n]
    text = " ".join(parts) or value
    return f"{UI[lang]['approx']} {text}" if approximate else text


def event_view(store: pyoxigraph.Store, event: str, labels: Labels) -> EventView:
    """Read what the picture of ``event`` shows, through SPARQL on the data-model terms."""
    lang = labels.lang
    bind = {"e": event}
    core = select(store, """
        SELECT ?type ?etype ?status ?date ?duration ?approx ?place WHERE {
          OPTIONAL { ?e a ?type FILTER(STRSTARTS(STR(?type), STR(dg:))) }
          OPTIONAL { ?e dg:eventType ?etype } OPTIONAL { ?e dg:status ?status }
          OPTIONAL { ?e dg:date ?date } OPTIONAL { ?e dg:duration ?duration }
          OPTIONAL { ?e dg:approximate ?approx } OPTIONAL { ?e dg:place ?place }
        }""", bind)
    first = min(core, key=lambda r: sorted(r.items())) if core else {}
    status = first.get("status", "")
    view = EventView(
        iri=event,
        label=labels.get(event),
        type_label=labels.get(first.get("etype") or first.get("type")),
        status_label=labels.get(status) if status else "",
        tentative=bool(status) and status != OCCURRED,
        date=first.get("date", ""),
        duration=_duration(first["duration"], first.get("approx") in ("true", "1"), lang)
        if first.get("duration") else "",
        place=labels.get(first.get("place")),
    )
    # A real event (corpus event) is drawn once, from what all its reports say.
    reports = reports_of(store, event)
    view.according_to = labels.many(r["a"] for r in _select_each(
        store, "SELECT ?a WHERE { ?e dg:accordingTo ?a }", reports))
    view.topics = labels.many(r["t"] for r in _select_each(store, "SELECT ?t WHERE { ?e dg:topic ?t }", reports))
    view.sides = _sides(store, reports, labels)
    view.quotes = _quotes(store, reports)
    view.points = _points(store, reports, labels)
    view.related = _related(store, reports, labels, exclude=event)
    return view


def _sides(store: pyoxigraph.Store, events: list[str], labels: Labels) -> list[Side]:
    """Participants grouped by the side they were on (unknown side last)."""
    rows = _select_each(store, """
        SELECT ?actor ?role ?side WHERE {
          { ?e dg:participation ?p } UNION { ?p dg:ofEvent ?e }
          ?p dg:participant ?actor . OPTIONAL { ?p dg:role ?role } OPTIONAL { ?p dg:side ?side }
        }""", events)
    actors = {r["actor"] for r in rows}
    # Actors named only by dg:hasParticipant/dg:host/dg:agent still belong in the picture; their
    # side and role come from what the graph says about them outside this event.
    for row in _select_each(store, """
        SELECT ?actor ?side ?role WHERE {
          { ?e dg:hasParticipant ?actor } UNION { ?e dg:host ?actor } UNION { ?e dg:agent ?actor }
          OPTIONAL { { ?actor dg:affiliatedWith ?side } UNION { ?actor a dg:State BIND(?actor AS ?side) } }
          OPTIONAL { ?actor dg:holds ?h . ?h dg:role ?role OPTIONAL { ?h dg:forOrganization ?org }
                     FILTER(!BOUND(?side) || !BOUND(?org) || ?org = ?side) }
        }""", events):
        if row["actor"] not in actors:
            rows.append(row)
    hosts = {r["h"] for r in _select_each(store, "SELECT ?h WHERE { ?e dg:host ?h }", events)}
    best: dict[str, dict[str, str]] = {}

    def preference(row: dict[str, str]) -> tuple[str, bool, str, str]:
        return row["actor"], "side" not in row, row.get("side", ""), row.get("role", "")

    for row in sorted(rows, key=preference):
        best.setdefault(row["actor"], row)
    groups: dict[str, list[Participant]] = {}
    for actor, row in best.items():
        side = row.get("side", "")
        groups.setdefault(side, []).append(Participant(
            actor, labels.get(actor), labels.get(row.get("role")) if row.get("role") else "", actor in hosts))
    sides = [Side(iri, labels.get(iri) if iri else "", sorted(people, key=lambda p: (not p.host, p.label)))
             for iri, people in groups.items()]
    # the host's side first, the unknown side last: the picture reads "who received whom"
    return sorted(sides, key=lambda s: (not s.iri, not any(p.host for p in s.participants), s.label, s.iri))


def _quotes(store: pyoxigraph.Store, events: list[str]) -> list[tuple[str, str]]:
    """Quotes stated in the event or in an event attached to it, and quotes of its participants
    reported in the same article (the statement a quote belongs to is often a separate event)."""
    rows = _select_each(store, """
        SELECT DISTINCT ?q ?text ?speaker ?begin WHERE {
          ?q a dg:Quote ; dg:text ?text .
          OPTIONAL { ?q dg:speaker ?speaker }
          OPTIONAL { ?q gaf:denotedBy/nif:beginIndex ?begin }
          { ?q dg:statedIn ?e }
          UNION { ?q dg:statedIn ?x . ?x dg:partOf|dg:followUpOf|dg:reactsTo ?e }
          UNION { ?q dg:speaker ?who ; dg:reportedIn ?doc . ?e dg:reportedIn ?doc .
                  { ?e dg:hasParticipant ?who } UNION { ?e dg:participation/dg:participant ?who } }
        }""", events)
    seen: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        begin = int(row["begin"]) if row.get("begin", "").isdigit() else 0
        seen.setdefault(row["q"], (begin, row.get("speaker", ""), row["text"]))
    return list(dict.fromkeys((speaker, text) for _, speaker, text in sorted(seen.values())))


def _points(store: pyoxigraph.Store, events: list[str], labels: Labels) -> list[tuple[str, str, list[str]]]:
    """Disagreement and agreement points identified in the event."""
    rows = _select_each(store, """
        SELECT ?pt ?kind ?issue ?party WHERE {
          ?pt dg:identifiedIn ?e ; a ?kind FILTER(?kind IN (dg:Disagreement, dg:Convergence))
          OPTIONAL { ?pt dg:onIssue ?issue } OPTIONAL { ?pt dg:party ?party }
        }""", events)
    points: dict[str, tuple[str, str, set[str]]] = {}
    for row in rows:
        kind = "disagreement" if row["kind"].endswith("Disagreement") else "convergence"
        issue = labels.get(row.get("issue")) or local_name(row["pt"])
        entry = points.setdefault(row["pt"], (kind, issue, set()))
        if row.get("party"):
            entry[2].add(labels.get(row["party"]))
    unique = {(kind, issue, tuple(sorted(parties))) for kind, issue, parties in points.values()}
    return [(kind, issue, list(parties)) for kind, issue, parties in sorted(unique)]


_RELATED = """
    SELECT DISTINCT ?rel ?x ?etype ?type ?date ?status WHERE {
      { ?x dg:reactsTo ?e BIND("reaction" AS ?rel) }
      UNION { ?e dg:hasReaction ?x BIND("reaction" AS ?rel) }
      UNION { ?x dg:followUpOf ?e BIND("follow-up" AS ?rel) }
      UNION { ?e dg:hasFollowUp ?x BIND("follow-up" AS ?rel) }
      UNION { ?e dg:precededBy ?x BIND("preceded-by" AS ?rel) }
      UNION { ?x dg:precedes ?e BIND("preceded-by" AS ?rel) }
      UNION { ?x dg:partOf ?e BIND("part" AS ?rel) } UNION { ?e dg:hasPart ?x BIND("part" AS ?rel) }
      UNION { ?e dg:context ?x BIND("context" AS ?rel) }
      UNION { ?x dg:contextOf ?e BIND("context" AS ?rel) }
      FILTER(?x != ?e)
      OPTIONAL { ?x dg:eventType ?etype }
      OPTIONAL { ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dg:))) }
      OPTIONAL { ?x dg:date ?date } OPTIONAL { ?x dg:status ?status }
    }"""


def _related(store: pyoxigraph.Store, events: list[str], labels: Labels, exclude: str = "") -> list[RelatedEvent]:
    """Reactions, follow-ups, earlier events, parts and background of the event (each related
    real event once: a related document event is shown as the corpus event it reports)."""
    found: dict[tuple[str, str], RelatedEvent] = {}
    for row in sorted(_select_each(store, _RELATED, events), key=lambda r: sorted(r.items())):
        other = real_event(store, row["x"])
        key = (row["rel"], other)
        if key in found or other == exclude or other in events:
            continue
        status = row.get("status", "")
        found[key] = RelatedEvent(other, row["rel"], labels.get(other),
                                  labels.get(row.get("etype") or row.get("type")), row.get("date", ""),
                                  bool(status) and status != OCCURRED)
    order = ["preceded-by", "context", "part", "reaction", "follow-up"]
    return sorted(found.values(), key=lambda r: (order.index(r.relation), r.date or "9999", r.label, r.iri))


def _html(text: str, width: int = 38) -> str:
    """Escape for a Graphviz HTML-like label, wrapping long text on left-aligned lines."""
    lines = textwrap.wrap(text.replace("« ", "«\u00a0").replace(" »", "\u00a0»"), width) or [""]
    return '<BR ALIGN="LEFT"/>'.join(html.escape(line) for line in lines) + '<BR ALIGN="LEFT"/>'


def _centered(text: str, width: int = 30) -> str:
    """Wrap on centred lines, never leaving a French guillemet alone at a line end or start."""
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    return "<BR/>".join(html.escape(line) for line in textwrap.wrap(text, width) or [""])


def build_graph(view: EventView, lang: str = "fr"):  # -> graphviz.Digraph (lazy import)
    """Lay the view out: sides on the left, the event in the middle, everything said about it
    on the right. Node names are sequential, so the same view always gives the same file."""
    import graphviz

    ui = UI[lang]
    dot = graphviz.Digraph("event", graph_attr={
        "rankdir": "LR", "fontname": FONT, "fontsize": "12", "nodesep": "0.25", "ranksep": "0.6",
        "bgcolor": "white", "pad": "0.3", "newrank": "true",
    }, node_attr={"fontname": FONT, "fontsize": "11", "shape": "box", "style": "rounded,filled",
                  "fillcolor": "white", "color": "#555555"},
        edge_attr={"fontname": FONT, "fontsize": "9", "color": "#777777", "fontcolor": "#444444"})

    details = " · ".join(x for x in (view.type_label, view.date, view.duration) if x)
    rows = [f'<TR><TD><B>{_centered(view.label, 34)}</B></TD></TR>']
    if details:
        rows.append(f"<TR><TD>{html.escape(details)}</TD></TR>")
    if view.place:
        rows.append(f"<TR><TD>{html.escape(view.place)}</TD></TR>")
    if view.status_label and view.tentative:
        rows.append(f"<TR><TD><I>{html.escape(view.status_label)}</I></TD></TR>")
    if view.according_to:
        rows.append(f"<TR><TD><I>{html.escape(ui['according_to'] + ' ' + ', '.join(view.according_to))}"
                    "</I></TD></TR>")
    dot.node("event", f'<<TABLE BORDER="0" CELLSPACING="2">{"".join(rows)}</TABLE>>',
             fillcolor="#fff3c4", color="#b58900", penwidth="2",
             style="rounded,filled,dashed" if view.tentative else "rounded,filled")

    actor_node: dict[str, str] = {}
    palette = ["#dbe9f6", "#fbe3d6", "#e0f0d9", "#ece2f3", "#f6f0d0", "#d9f0ef"]
    for i, side in enumerate(view.sides):
        people = side.participants
        with dot.subgraph(name=f"cluster_side{i}") as cluster:
            cluster.attr(label=side.label or ui["unknown_side"], style="rounded,filled", color="#999999",
                         fillcolor=palette[i % len(palette)] if side.iri else "#eeeeee", fontsize="12")
            for j, person in enumerate(people):
                name = f"actor{i}_{j}"
                actor_node[person.iri] = name
                text = f"<B>{html.escape(person.label)}</B>"
                if person.role:
                    text += f"<BR/>{_centered(person.role, 26)}"
                if person.host:
                    text += f"<BR/><I>({html.escape(ui['host'])})</I>"
                cluster.node(name, f"<{text}>")
        for j, _ in enumerate(people):
            dot.edge(f"actor{i}_{j}", "event", arrowhead="none")

    for i, topic in enumerate(view.topics):
        dot.node(f"topic{i}", f"<{_centered(topic)}>", shape="ellipse", style="filled", fillcolor="#e8f4e8")
        dot.edge("event", f"topic{i}", label=ui["topic"])
    for i, (kind, issue, parties) in enumerate(view.points):
        text = f"<B>{html.escape(ui[kind])}</B><BR/>{_centered(issue)}"
        if parties:
            text += f"<BR/><I>{html.escape(ui['parties'] + ' ' + ', '.join(parties))}</I>"
        fill = "#f8d7da" if kind == "disagreement" else "#d4edda"
        dot.node(f"point{i}", f"<{text}>", style="rounded,filled", fillcolor=fill,
                 color="#c0392b" if kind == "disagreement" else "#27ae60")
        dot.edge("event", f"point{i}", arrowhead="none",
                 color="#c0392b" if kind == "disagreement" else "#27ae60")
    for i, (speaker, text) in enumerate(view.quotes):
        dot.node(f"quote{i}", f"<<I>{_html(f'« {text} »')}</I>>", shape="note", style="filled",
                 fillcolor="#f4f4f4")
        source = actor_node.get(speaker, "event")
        dot.edge(source, f"quote{i}", style="dashed", label=ui["quote"] if source == "event" else "")
    for i, rel in enumerate(view.related):
        # the type under the label, unless the label already starts with it ("Appeal: ...")
        kind = "" if rel.label.lower().startswith(rel.type_label.lower()) else rel.type_label
        head = " · ".join(x for x in (kind, rel.date) if x)
        text = _centered(rel.label)
        if head:
            text += f'<BR/><FONT POINT-SIZE="9">{html.escape(head)}</FONT>'
        dot.node(f"related{i}", f"<{text}>", style="rounded,dashed" if rel.tentative else "rounded,filled",
                 fillcolor="#eef2f7")
        # What came after (reactions, follow-ups, parts) sits right of the event, what came
        # before (earlier events, background) left of it: the left-to-right axis reads as time.
        if rel.relation in ("reaction", "follow-up", "part"):
            dot.edge("event", f"related{i}", label=ui[rel.relation],
                     style="dashed" if rel.tentative else "solid")
        else:
            dot.edge(f"related{i}", "event", label=ui[rel.relation])
    return dot


def render(view: EventView, output: Path, lang: str = "fr") -> bytes:
    """Draw ``view`` to ``output`` (.svg or .png, chosen by suffix); returns the bytes written."""
    import graphviz

    suffix = output.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise UsageError(f"{output}: picture must end in .svg or .png")
    dot = build_graph(view, lang)
    try:
        data = dot.pipe(format=suffix[1:])
    except graphviz.ExecutableNotFound as exc:
        raise InputError("Graphviz `dot` not found: install it (Debian: apt-get install graphviz)") from exc
    write_output(output, data)
    return data


def draw(store: pyoxigraph.Store, output: Path, event: str | None = None, lang: str = "fr") -> EventView:
    """Draw ``event`` (default: :func:`main_event`) from ``store`` into ``output``."""
    iri = resolve_event(store, event) if event else main_event(store)
    labels = Labels(store, lang)
    view = event_view(store, iri, labels)
    render(view, output, lang)
    return view
