"""Those "aux côtés de" someone at a gathering: "a présidé le sommet aux côtés de ses homologues X et Y".

Why: dispatches seat the other leaders of a gathering with a prepositional phrase of company
(cue:alongside) rather than as subjects or objects, and the parser hangs it on the verb or on the
gathering noun as it pleases; the people it names, read in order up to the next verb, take part in
the gathering of the clause. A clause that tells no gathering ("a plaidé, aux côtés de X, pour
...") adds nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words
from diplograph.extract.participants import participant_of
from diplograph.extract.told_before import gatherings_earlier_in_sentence

if TYPE_CHECKING:
    from spacy.tokens import Token


def _clause_of(token: Token) -> Token:
    """The verb of the clause holding ``token`` (the sentence's root when none is above it)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def alongside(ctx: Context) -> None:
    """Add the people, states and groups named after "aux côtés de" to the gathering of its sentence."""
    doc = ctx.doc
    phrases = [tuple(w.split()) for w in cue_words(ctx.lex, "alongside")]
    words = ctx.tokens.lower  # the token view's words: no Token objects for the ~99% that start no phrase
    for i in ctx.tokens.where_lower({p[0] for p in phrases}):
        phrase = next((p for p in phrases if tuple(words[i:i + len(p)]) == p), None)
        if phrase is None or i in ctx.heading_tokens:
            continue
        token = doc[i]
        sentence = ctx.sent_of(token)
        told = gatherings_earlier_in_sentence(ctx, token)
        if len(told) != 1 or _clause_of(doc[token.i + 1]).i != _clause_of(event_token(ctx, told[0])).i:
            continue  # "Lors de sa rencontre avec X, Y a rappelé que la France restait aux côtés de Z"
        named: list[str] = []
        for j in range(token.i + len(phrase), sentence.end):
            if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in (";", ":", "."):
                break
            for m in ctx.by_token.get(j, []):
                if m.start == j and m.kind in ("person", "group", "delegation", "state") and not m.place:
                    named.append(m.iri)
            if j in ctx.role_person:
                named.append(ctx.role_person[j])
        event = told[0]
        have = {p.actor for p in event.participants}
        for actor in dict.fromkeys(named):
            if actor not in have:
                event.participants.append(participant_of(ctx, actor, ctx.span(sentence.start, sentence.end)))
