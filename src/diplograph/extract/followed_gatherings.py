"""Gatherings that follow another: "Cet entretien a été suivi d'une audience auprès du président X",
"un entretien avec A, suivi d'une rencontre avec B et enfin d'une audience auprès de C".

Why: tour reports chain a visitor's meetings and name only the new counterpart of each; who made
the call is the visitor of the gathering it follows. That visitor is one of its people named before
its trigger (the subject, "il" resolved), not a partner named after it ("avec A"). The participle is
cue:continued-by (ontology/vocab/cues.ttl); a bare one after a comma with no partner of its own
continues the same gathering instead (:mod:`~diplograph.extract.sentence_joins`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.participants import participant_of
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.model import Event


def visitors_of_followed(ctx: Context) -> None:
    """A gathering introduced by "suivi(e) de" takes the visitor of the gathering it follows, and its
    day when it has none of its own."""
    followed = cue_words(ctx.lex, "continued-by")
    live = {id(e) for e in ctx.events}  # event_at may still point at events merged away
    for i, event in sorted(ctx.event_at.items()):
        if id(event) not in live or event.event_type not in GATHERINGS or ctx.doc[i].pos_ != "NOUN":
            continue
        first = _gathering_followed(ctx, ctx.doc[i], followed)
        if first is None or first is event or id(first) not in live:
            continue
        if event.date is None and first.date is not None and first.date.precision == "day":
            event.date = first.date  # "Le 7 avril, ... un entretien ... suivi d'une audience": that day
        have = {p.actor for p in event.participants}
        for actor in _visitors(ctx, first):
            if actor not in have:
                event.participants.append(participant_of(ctx, actor, event.sentence))
                have.add(actor)


def _gathering_followed(ctx: Context, token: Token, followed: frozenset[str]) -> Event | None:
    """The gathering "suivi(e) de" ``token`` follows: the participle's passive subject ("Cet entretien
    a été suivi de"), else the last one told before a bare participle ("un entretien ..., suivi de");
    through the nouns coordinated after it ("... et enfin d'une audience")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    participle = token.head
    if participle.lemma_.lower() not in followed or "Part" not in feature(participle, "VerbForm"):
        return None
    for c in participle.children:
        if c.dep_ == "nsubj:pass" and c.i in ctx.event_at:
            return ctx.event_at[c.i]
    if any(c.dep_.startswith("aux") for c in participle.children):
        return None
    # a bare participle: the last gathering told before it in its sentence (the parse may hang it
    # on the counterpart's name: "un entretien avec son homologue, M. X, suivi de")
    start = ctx.sent_of(participle).start
    return next((ctx.event_at[k] for k in range(participle.i - 1, start - 1, -1) if k in ctx.event_at), None)


def _visitors(ctx: Context, event: Event) -> list[str]:
    """The people of ``event`` none of whose mentions stands after its trigger in its sentence."""
    end = ctx.sent_of(event_token(ctx, event)).end_char
    found = []
    for p in event.participants:
        entity = ctx.entities.get(p.actor)
        if entity is None or entity.kind != "person":
            continue
        if not any(event.trigger.end <= m.begin < end for m in entity.mentions):
            found.append(p.actor)
    return found
