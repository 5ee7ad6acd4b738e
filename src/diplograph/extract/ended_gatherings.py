"""Gatherings named by their end: "au terme de deux heures d'entretiens", "à l'issue de la réunion".

Why: press reports set what the parties did afterwards (a press conference, a signing) "at the end
of" their talks and never say who talked: the subjects of the act are the talks' people, and the act's
day is theirs. The nouns of these phrases are cue:end-of (ontology/vocab/cues.ttl).
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.participants import participant_of
from diplograph.extract.syntax import actors_of, subjects_of


def people_at_the_end(ctx: Context) -> None:
    """A gathering noun without people, in "au terme de / à l'issue de" a verb's act: the verb's
    subjects took part in it, and it is dated by the act's day when it has none."""
    ends = cue_words(ctx.lex, "end-of")
    doc = ctx.doc
    live = {id(e) for e in ctx.events}  # event_at may still point at events merged away
    for i, event in ctx.event_at.items():
        if id(event) not in live or event.event_type not in GATHERINGS or event.participants:
            continue
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        end = token.head  # "au terme de deux heures d'entretiens": the count's noun stands between
        if end.lemma_.lower() not in ends and end.head.lemma_.lower() in ends and end.dep_ == "nmod":
            end = end.head
        if end.lemma_.lower() not in ends or not end.dep_.startswith("obl") or end.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = end.head
        people = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)
                  if (e := ctx.entities.get(a)) is not None and e.kind == "person"]
        if len(people) < 2:
            continue
        event.participants = [participant_of(ctx, a, event.sentence) for a in dict.fromkeys(people)]
        act = ctx.event_at.get(verb.i) or next((ctx.event_at[c.i] for c in verb.children
                                               if c.dep_ == "obj" and c.i in ctx.event_at), None)
        if event.date is None and act is not None and act.date is not None:
            event.date = act.date
