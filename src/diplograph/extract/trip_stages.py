"""A stage of a trip told together with the trip: "Jeudi, dernière étape de la tournée, X a été
reçu à Y".

Why a rule of its own: the gathering noun after a part noun (cue:trip-stage: "étape",
"escale", "journée") names the whole trip, already told ("une tournée régionale de quatre
jours"), while the clause tells one stage of it, with its own day, place and people. Left as
an event of the clause, that mention took the stage's day, could no longer join the trip (the
days differ) and was then folded with the stage as a restatement of the same day: the stage
lost its node and the trip a mention. So the mention first gives back what the clause said
(:func:`clear_trip_stages`, before any join), the ordinary joins may then read it as the
definite mention it is, and what none of them joined goes to the latest gathering told before
with the same noun (:func:`join_trip_stages`, after them). It is not folded at once: a mention
further on would make the trip look told last to the joins in between ("À l'issue de cet
entretien" after "au dernier jour de sa visite" is still the talk).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.event_merge import absorb
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.reference import INDEFINITES, determiner

if TYPE_CHECKING:
    from diplograph.model import Event


def _told_whole(ctx: Context, event: Event) -> Event | None:
    """The gathering told before with the same noun that "la tournée" of "dernière étape de la
    tournée" names back, if ``event`` is such a mention."""
    if event not in ctx.events or event.event_type not in GATHERINGS:
        return None
    token = event_token(ctx, event)
    if token.pos_ != "NOUN" or token.dep_ != "nmod" \
            or token.head.lemma_.lower() not in cue_words(ctx.lex, "trip-stage"):
        return None
    det = determiner(token)
    if det is None or det.lower_ in INDEFINITES:
        return None  # a bare or indefinite noun points back at nothing ("une étape d'une tournée")
    lemma = token.lemma_.lower()
    told = [e for e in ctx.events if e is not event and e.event_type == event.event_type
            and e.trigger.begin < event.trigger.begin and event_token(ctx, e).lemma_.lower() == lemma]
    return max(told, key=lambda e: e.trigger.begin) if told else None


def clear_trip_stages(ctx: Context) -> None:
    """What the clause says (day, place, people) is the stage's, not the trip's the stage noun names."""
    for event in ctx.events:
        if _told_whole(ctx, event) is not None:
            event.date = event.duration = event.host = None
            event.places, event.participants, event.agents, event.topics = [], [], [], []


def join_trip_stages(ctx: Context) -> None:
    """Fold a trip named by its stage that no join took into the latest same-noun trip told before."""
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        whole = _told_whole(ctx, event)
        if whole is not None and not event.mentions:
            absorb(ctx, whole, event)
