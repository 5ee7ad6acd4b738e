"""A state named as a location: the place is its territory, the actor is still the state.

The gazetteer gives every state a territory (a dg:Place twin generated with the states, see
tools/generate_states.py), which the entity stage chooses after a locative preposition ("se
rendra au Sénégal", "la visite en Argentine"). The words still name the state as an actor of the
story (the host of the visit, the side of its envoy; users count "Sénégal" among the states a
text names), so the mention names the state and keeps the territory as its place, for the
event's ``dg:place``; the same words denote both (as "Washington a proposé" denotes the city and
the state), so every node stays grounded.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.entity_registry import add_linked_entity


def name_states_of_territories(ctx: Context) -> None:
    """Turn every mention of a state's territory into a mention of the state placed there."""
    lex = ctx.lex
    for mention in ctx.mentions:
        if mention.kind != "place" or mention.iri != mention.place:
            continue
        state = lex.territory_state(mention.iri)
        if state is None:
            continue
        if _dative(ctx, mention.start):
            mention.place = None  # "l'aide militaire à l'Ukraine": the state helped, not a location
        mention.iri, mention.kind = state.iri, state.kind
        add_linked_entity(ctx, state, mention.span)


def _dative(ctx: Context, start: int) -> bool:
    """"à l'Ukraine", "à la Russie": French puts a country with an article after "à" only when
    it is the one something is given or said to; a location is "en Ukraine", "au Mali" (and a
    few islands without article: "à Chypre")."""
    i = start - 1
    article = False
    while i >= 0 and ctx.doc[i].pos_ == "DET":
        i, article = i - 1, True
    return article and i >= 0 and ctx.doc[i].lower_ == "à"
