"""States listed after a colon: "a réuni les dirigeants de quatre pays : le Bénin, le Ghana et le Togo".

Why: a summit dispatch often counts the countries and lists them after a colon instead of naming
their leaders; the states listed are the gathering's parties. The parser hangs such a list
anywhere (the first item as an apposition, the rest on the verb), so the words after the colon
are read in order: states, determiners, commas and "et" only, to the end of the clause.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.participants import participant_of

#: Words allowed between the states of a list (grammar: articles, commas, coordination).
_GLUE = frozenset({",", "et", "le", "la", "les", "l'", "l’", "ainsi", "que"})


def listed_states(ctx: Context) -> None:
    """Add the states a colon lists after a plural noun of leaders or countries (cue:leader-noun,
    cue:country-noun: "les dirigeants de sept pays :", "les chefs d'État suivants :") to the
    gathering of that sentence."""
    doc = ctx.doc
    heads = cue_words(ctx.lex, "leader-noun") | cue_words(ctx.lex, "country-noun")
    for colon in (t for t in doc if t.text == ":"):
        sentence = ctx.sent_of(colon)
        before = [t for t in doc[max(sentence.start, colon.i - 6):colon.i]
                  if t.pos_ == "NOUN" and t.lemma_.lower() in heads and "Plur" in t.morph.get("Number")]
        if not before:
            continue
        states: list[str] = []
        j = colon.i + 1
        while j < sentence.end:
            state = next((m for m in ctx.by_token.get(j, []) if m.kind == "state" and m.start == j), None)
            if state is not None:
                states.append(state.iri)
                j = state.end
            elif doc[j].lower_ in _GLUE:
                j += 1
            else:
                break
        if len(states) < 2 or (j < sentence.end and doc[j].text not in (".", ";", "!")):
            continue
        told = [e for i, e in ctx.event_at.items() if sentence.start <= i < colon.i and e in ctx.events
                and e.event_type in GATHERINGS]
        if not told:
            continue
        event = max(told, key=lambda e: e.trigger.begin)
        have = {p.actor for p in event.participants}
        for state in dict.fromkeys(states):
            if state not in have:
                event.participants.append(participant_of(ctx, state, ctx.span(sentence.start, sentence.end)))
