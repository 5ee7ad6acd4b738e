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

from dataclasses import dataclass

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.extract.narration import clause_verb, narrated_now
from diplograph.extract.same_event import building_place
from diplograph.extract.syntax import event_token, in_quote
from diplograph.model import Event

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
