"""Do the places of two mentions agree? The gazetteer's dg:locatedIn, what the text says of where a
place lies, buildings the gazetteer does not know, and territories a town may lie in.

Split from :mod:`diplograph.extract.same_event`: whether two mentions tell one happening asks
this of their places, and so do the stays (a stay's town) and the merging of events (the most
specific place); it is one idea of its own, about places, not about events.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words


def upward_places(ctx: Context, place: str, told: dict[str, set[str]] | None = None) -> set[str]:
    """The place and every place it lies in: the gazetteer's dg:locatedIn, transitively, and
    what the text says (``told``: "à Niamey, au Niger")."""
    seen = {place}
    todo = [place]
    while todo:
        current = todo.pop()
        actor = ctx.lex.actors.get(current)
        around = set(actor.within) if actor is not None else set()
        around |= (told or {}).get(current, set())
        for up in sorted(around - seen):
            seen.add(up)
            todo.append(up)
    return seen


def places_agree(ctx: Context, one: list[str], other: list[str]) -> bool:
    """No places, or a place of one is (in) a place of the other, or may be: a town the gazetteer
    does not know may lie in a country's territory ("se rendra en France ... La rencontre aura lieu
    à Saint-Malo")."""
    if not one or not other:
        return True

    def core(places: list[str]) -> list[str]:
        return [p for p in places if not building_place(ctx, p)] or places

    one, other = core(one), core(other)  # a building agrees through the city told with it

    def may_lie_in(place: str, territory: str) -> bool:
        return place not in ctx.lex.actors and (ctx.lex.territory_state(territory) is not None
                                                or building_place(ctx, place))

    return any(upward_places(ctx, a) & set(other) or upward_places(ctx, b) & set(one)
               or may_lie_in(a, b) or may_lie_in(b, a) for a in one for b in other)


def building_place(ctx: Context, place: str) -> bool:
    """A place named as a building ("au palais de X", "l'hôtel Y") that the gazetteer does not
    know: it may lie in the city of the gathering ("réunis à Lima ... au palais de X")."""
    entity = ctx.entities.get(place)
    words = entity.label.lower().split() if entity is not None and entity.kind == "place" else []
    return bool(words) and words[0] in cue_words(ctx.lex, "building")


def places_identify(ctx: Context, one: list[str], other: list[str]) -> bool:
    """Both name a place more specific than a state's territory: a city or a venue singles out
    a gathering, "en Turquie" does not (a series of talks "tenues en Turquie" is not each
    round held in Istanbul)."""
    def specific(places: list[str]) -> bool:
        return any(ctx.lex.territory_state(p) is None for p in places)

    return specific(one) and specific(other)


def narrows_territory(ctx: Context, told: list[str], now: list[str]) -> bool:
    """"doit se rendre en France pour rencontrer X ... La rencontre aura lieu à Saint-Malo": a town the
    gazetteer does not know, named for a gathering told so far only by the country it is in."""
    return bool(told) and bool(now) and all(ctx.lex.territory_state(p) is not None for p in told) \
        and all(p not in ctx.lex.actors for p in now)
