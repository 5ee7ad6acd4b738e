"""States listed as a gathering's parties: after a colon ("a réuni les dirigeants de quatre pays :
le Bénin, le Ghana et le Togo") or by demonyms ("les chefs d'État ivoirien, ghanéen et togolais").

Why: a summit dispatch often counts the countries and lists them after a colon, or gives its
leaders by demonyms only, instead of naming them; the states so listed are the gathering's
parties. The parser hangs a colon's list anywhere (the first item as an apposition, the rest on
the verb), so the words after the colon are read in order: states, determiners, commas and "et"
only, to the end of the clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.participants import participant_of
from diplograph.extract.token_view import feature
from diplograph.extract.told_before import last_told, told_in

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words allowed between the states of a list (grammar: articles, commas, coordination).
_GLUE = frozenset({",", "et", "le", "la", "les", "l'", "l’", "ainsi", "que"})


def listed_states(ctx: Context) -> None:
    """Add the states a colon lists after a plural noun of leaders or countries (cue:leader-noun,
    cue:country-noun: "les dirigeants de sept pays :", "les chefs d'État suivants :") to the
    gathering of that sentence."""
    doc = ctx.doc
    heads = cue_words(ctx.lex, "leader-noun") | cue_words(ctx.lex, "country-noun")
    for colon in map(doc.__getitem__, ctx.tokens.where_lower((":",))):  # the colons only: no Token per word
        sentence = ctx.sent_of(colon)
        before = [t for t in doc[max(sentence.start, colon.i - 6):colon.i]
                  if t.pos_ == "NOUN" and t.lemma_.lower() in heads and "Plur" in feature(t, "Number")]
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
        event = last_told(told_in(ctx, sentence.start, colon.i))
        if event is None:
            continue
        if not _of_the_gathering(before[-1], event_token(ctx, event), heads):
            continue  # "se sont réunis pour évoquer la situation de trois pays : ...": the topic
        have = {p.actor for p in event.participants}
        for state in dict.fromkeys(states):
            if state not in have:
                event.participants.append(participant_of(ctx, state, ctx.span(sentence.start, sentence.end)))


def _of_the_gathering(noun: Token, trigger: Token, heads: frozenset[str]) -> bool:
    """Does the plural noun before the colon name the gathering's parties? It depends on the trigger
    ("a réuni les dirigeants de quatre pays"), on the verb whose complement the trigger is ("Ont pris
    part au sommet les chefs d'État suivants"), or on such a noun that does ("les dirigeants | de
    sept pays"); not a noun inside a topic ("pour évoquer la situation de trois pays")."""
    node = noun
    for _ in range(4):
        head = node.head
        if node.i == trigger.i or head.i == trigger.i or (head.i == trigger.head.i and trigger.pos_ == "NOUN"):
            return True
        if head.i == node.i or head.pos_ != "NOUN" or head.lemma_.lower() not in heads:
            return False
        node = head
    return False


def demonym_states(ctx: Context) -> None:
    """"Les chefs d'État ivoirien, ghanéen et togolais se sont réunis", "a accueilli les chefs d'État
    des Comores, du Kenya et du Sénégal", "les ministres des Affaires étrangères du Mali, du Niger et
    du Tchad": a group of leaders (cue:leader-noun) or office holders given by two demonyms or states
    or more that takes part in a gathering brings those states to it (the leaders, when
    the text names them, are read elsewhere)."""
    doc = ctx.doc
    leaders = cue_words(ctx.lex, "leader-noun")
    offices = {h.head for h in ctx.hits if h.category == "role"}  # "les ministres des Affaires étrangères du Mali, ..."
    groups: dict[str, list[str]] = {}
    for m in ctx.mentions:
        if m.kind != "group" or (doc[m.start].lemma_.lower() not in leaders and m.start not in offices):
            continue
        # "ivoirien, ghanéen et togolais", or the states' names: "les chefs d'État des Comores, du Kenya ..."
        states = [ctx.demonym_at[j] for j in range(m.start, m.end) if j in ctx.demonym_at]
        states += [n.iri for j in range(m.start + 1, m.end) for n in ctx.by_token.get(j, [])
                   if n.kind == "state" and n.start == j]
        states = list(dict.fromkeys(s for s in states if ctx.entities.get(s) is not None
                                    and ctx.entities[s].kind == "state"))
        if len(states) >= 2:
            groups.setdefault(m.iri, states)
    if not groups:
        return
    for event in ctx.events:
        if event.event_type not in GATHERINGS:
            continue
        have = {p.actor for p in event.participants}
        for group in [p.actor for p in event.participants if p.actor in groups]:
            for state in groups[group]:
                if state not in have:
                    event.participants.append(participant_of(ctx, state, event.trigger))
                    have.add(state)
