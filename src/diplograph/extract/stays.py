"""Where the story is: a place told once for a stay carries to the gatherings told during it.

News and readouts give the place of a trip or of a day's programme once ("a effectué une visite
de travail à Lima", "À Koweït, le 10 mars, le ministre a eu un entretien ...") and then tell the
meetings of it without repeating it ("Il s'est ensuite entretenu avec X", "Les deux ministres ont
coprésidé la session", "Le même jour, il a été reçu par Y"). Those meetings happened there. The
stay ends with the section, with a gathering told elsewhere, or with another day (for a single
gathering; a trip lasts beyond its first day). Only who stays carries it: a meeting of other
people, or one told as further back (pluperfect) or still to come, takes nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_linked_entity, add_minted_entity
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.extract.narration import clause_verb, narrated_now
from diplograph.extract.place_agreement import building_place, upward_places
from diplograph.extract.syntax import in_quote
from diplograph.model import Event
from diplograph.namespaces import id_iri, slugify

#: Events that happen where the stay is when they name no place: gatherings and what their
#: participants sign or agree on.
_CARRIED = GATHERINGS | {et("agreement")}


@dataclass
class _Stay:
    """Who is where since which day (``trip``: a journey, which outlasts its first day)."""

    people: set[str]
    places: list[str]
    date: str | None
    trip: bool
    section: int


def carry_stay_places(ctx: Context) -> None:
    """Give the stay's place to the gatherings (and agreements) told during it with no place."""
    _dateline_city(ctx)
    travel = cue_words(ctx.lex, "travel")
    sections = [sec.begin for sec in ctx.source.sections] or [0]
    stay: _Stay | None = None
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        token = event_token(ctx, event)
        if event.status != OCCURRED or in_quote(ctx, token):
            continue
        section = sum(1 for b in sections if b <= event.trigger.begin)
        if stay is not None and stay.section != section:
            stay = None
        people = _people(ctx, event)
        verb = clause_verb(ctx, token)
        now = verb.pos_ not in ("VERB", "AUX") or narrated_now(verb)
        if event.places and all(building_place(ctx, p) and p not in ctx.lex.actors for p in event.places):
            # "à l'hôtel X, où résidaient les délégations": a building the gazetteer does not place
            # lies in the town of the stay it is told in
            if stay is not None and event.event_type in _CARRIED and now and people & stay.people \
                    and _same_time(stay, event):
                event.places = [*stay.places, *event.places]
            continue
        if event.places:
            if event.event_type in GATHERINGS and people and now:
                where = [p for p in event.places if not building_place(ctx, p) and _town(ctx, event, p)]
                if where:
                    trip = token.lemma_.lower() in travel or token.lower_ in travel
                    stay = _Stay(people, where, event.date.iso if event.date else None, trip, section)
                    continue
            if stay is not None and people & stay.people and event.event_type in GATHERINGS:
                stay = None  # someone of the stay is told elsewhere
            continue
        if stay is None or event.event_type not in _CARRIED or not now:
            continue
        if not people & stay.people:
            continue
        if not _same_time(stay, event):
            continue
        event.places = list(stay.places)


def _dateline_city(ctx: Context) -> None:
    """"HELSINKI, 16 septembre - X, en visite en Finlande, a été reçu ce mardi par le président":
    a dispatch's dateline city lies in the country a gathering of that day is placed in, so it is
    the more specific place (the country goes). A gathering of that day with no place, hosted by
    someone of the city's state ("a reçu", "a été reçu par"), was held there too. Nothing else
    takes the dateline: a dispatch is often written far from what it tells."""
    city = _city_of_dateline(ctx)
    reference = ctx.reference_date
    if city is None or reference is None:
        return
    around = upward_places(ctx, city) - {city}
    state = next((ctx.lex.territory_state(p).iri for p in sorted(around) if ctx.lex.territory_state(p)), None)
    day, eve = reference.isoformat(), (reference - datetime.timedelta(days=1)).isoformat()
    hosting = cue_words(ctx.lex, "hosting")
    for event in ctx.events:
        if event.event_type not in GATHERINGS or event.status != OCCURRED or event.date is None \
                or event.date.iso not in (day, eve) or in_quote(ctx, event_token(ctx, event)):
            continue
        where = [p for p in event.places if not building_place(ctx, p)]
        if where and all(ctx.lex.territory_state(p) is not None for p in where) and set(where) & around:
            event.places = [city, *(p for p in event.places if p not in around)]
        elif not where and state is not None:
            token = event_token(ctx, event)
            host = event.host or (event.agents[0] if token.lemma_.lower() in hosting and event.agents else None)
            if host is not None and (ctx.sides.get(host) == state or host == state):
                event.places = [city, *event.places]


#: A dateline on a line of its own, as ministries date a readout ("Paris, le 4 mars 2026").
_DATE_LINE = re.compile(r"^([A-ZÀ-Ý][\w'’-]*(?:[ -][\w'’-]+){0,3}), le (?:\w+ )?(?:1er|\d{1,2}) \w+ \d{4}\s*$",
                        re.MULTILINE)


def _city_of_dateline(ctx: Context) -> str | None:
    """The city a dateline names ("MOSCOU, 13 mars (AFP) -", "Riga, le 16 septembre –", a line
    "Paris, le 4 mars 2026"): a gazetteer place that is no state's territory, or a name in capitals
    opening an agency dispatch ("TEGUCIGALPA, 15 juin 2024 –"), minted as a place. The dateline is a
    mention of it (where the text was written), so it is an actor of the document like any place."""
    from diplograph.extract.dates import DATELINE, agency_dateline_city
    from diplograph.lexicon import fold

    m = DATELINE.match(ctx.text)
    dated = m is not None and (any(ch.isdigit() for ch in m.group(0)) or "(" in m.group(0))
    if m is not None and (dated or agency_dateline_city(ctx.text) is not None):
        # "ALGER - Le président ...": an undated dateline names a city only the gazetteer knows
        name = re.split(r"[,(\-–—]", m.group(0), maxsplit=1)[0].strip()
        begin = m.start() + m.group(0).index(name)
    else:
        m = _DATE_LINE.search(ctx.text)
        if m is None:
            return None
        name, begin = m.group(1), m.start(1)
    span = ctx.doc.char_span(begin, begin + len(name), alignment_mode="expand")
    if span is None or not name:
        return None
    words = ctx.span(span.start, span.end)
    for iri in ctx.lex.names.get(fold(name), []):
        actor = ctx.lex.actors.get(iri)
        if actor is not None and actor.kind == "place" and ctx.lex.territory_state(iri) is None:
            ctx.add_mention(Mention(span.start, span.end, words, iri, "place", place=iri))
            add_linked_entity(ctx, actor, words)
            return iri
    if ctx.lex.names.get(fold(name)) or not dated or not name.replace("-", "").replace(" ", "").isupper():
        return None  # a state, an agency, or a name in ordinary case the gazetteer does not know
    label = "-".join(w.capitalize() for w in name.title().split("-"))
    iri = id_iri("place", slugify(label))
    ctx.add_mention(Mention(span.start, span.end, words, iri, "place", place=iri))
    add_minted_entity(ctx, iri, "place", label, words)
    return iri


def _town(ctx: Context, event: Event, place: str) -> bool:
    """A place that singles out where people are: not a state's territory ("en visite en
    Finlande" says the country, not where in it each meeting was), unless the text writes it
    with "à", as French writes a town or a city-state ("À Koweït, le ministre ...")."""
    if ctx.lex.territory_state(place) is None:
        return True
    sentence = ctx.sent_of(event_token(ctx, event))
    return any(m.place == place and m.start > sentence.start and ctx.doc[m.start - 1].lower_ in ("à", "a")
               for m in ctx.mentions if sentence.start <= m.start < sentence.end)


def _people(ctx: Context, event: Event) -> set[str]:
    """The persons taking part in or doing the event."""
    actors = {p.actor for p in event.participants} | set(event.agents)
    return {a for a in actors if a in ctx.entities and ctx.entities[a].kind == "person"}


def _same_time(stay: _Stay, event: Event) -> bool:
    """Undated, or on the stay's day (on or after it for a trip, at day precision)."""
    if event.date is None or stay.date is None:
        return event.date is None or stay.trip
    day = event.date.iso
    if stay.trip:
        return len(day) == 10 and len(stay.date) == 10 and day >= stay.date
    return day == stay.date
