"""Spouses: "accompagné de son épouse, Mme X", "la Première dame, Mme Y" are no party to talks.

Why: a state visit's readout names the visitor's and the host's spouses in the same phrases
as the leaders ("ont été accueillis par le président X et son épouse, Mme Y"), so the readings
of who was there make them participants; but a spouse is no party to what the leaders discuss
or sign. A person the text names as a spouse (cue:spouse, ontology/vocab/cues.ttl, right before
the name, or the name's apposition) leaves the interactions that have another party; an
interaction of spouses only ("la Première dame a reçu l'épouse du ministre") keeps them.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_pairs, cue_words, et
from diplograph.extract.name_shapes import is_honorific


def spouses(ctx: Context) -> set[str]:
    """The people the text names as a spouse: a noun of cue:spouse (or its two-word form, "Première
    dame") right before the name, or a spouse noun apposed after it ("Mme X, épouse du président")."""
    doc = ctx.doc
    nouns, pairs = cue_words(ctx.lex, "spouse"), cue_pairs(ctx.lex, "spouse")

    def is_spouse(i: int) -> bool:
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        word = t.lemma_.lower()
        return word in nouns or (i > 0 and (doc[i - 1].lower_, t.lower_) in pairs)

    found: set[str] = set()
    for m in ctx.mentions:
        if m.kind != "person" or m.described:
            continue
        k, crossed = m.start - 1, False
        while k >= 0 and (doc[k].text == "," or is_honorific(ctx, doc[k])):
            crossed = crossed or doc[k].text == ","
            k -= 1
        # after a comma, only an apposition the name closes ("son épouse, Mme Y, ..."), not the subject
        # a fronted phrase ends on ("Accompagné de son épouse, X a rencontré Y")
        closed = m.end >= len(doc) or doc[m.end].is_punct
        if k >= 0 and is_spouse(k) and not ctx.by_token.get(k) and (closed or not crossed):
            found.add(m.iri)
            continue
        after = m.end
        if after + 1 < len(doc) and doc[after].text == ",":
            j = after + 1 + (doc[after + 1].pos_ == "DET")
            if j < len(doc) and is_spouse(j) and not ctx.by_token.get(j):
                found.add(m.iri)
    return found


def drop_spouses(ctx: Context) -> None:
    """A spouse is no participant of a meeting, talk or agreement that has another party."""
    found = spouses(ctx)
    if not found:
        return
    interactions = GATHERINGS | {et("agreement")}
    for event in ctx.events:
        if event.event_type not in interactions:
            continue
        others = [p for p in event.participants if p.actor not in found]
        if not others or len(others) == len(event.participants):
            continue
        event.participants = others
        event.agents = [a for a in event.agents if a not in found] or event.agents
