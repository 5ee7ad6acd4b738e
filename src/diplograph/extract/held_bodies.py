"""Bodies told as held: "Une commission mixte se tiendra en janvier à Hanoï", "le conseil de
coopération tenu à Athènes en décembre 2023".

A noun of cue:held-body (ontology/vocab/cues.ttl: "commission", "conseil", "comité",
"conférence") names a body, and alone tells no gathering ("La commission mixte a recommandé ...":
the body acts). When the text says the body is held, as the subject of a verb of holding ("se
tiendra", "aura lieu", "est prévue") or by a held clause set after its phrase ("tenu à Athènes",
"qui se tiendra à Nice": :mod:`~diplograph.extract.held_clauses`), it names a session of that body:
a meeting. A noun another trigger already took ("conférence de presse") is left to it, and so is
a body named with a capital inside an organisation's name: that gathering is told by its own noun.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.held_clauses import clause_of_noun
from diplograph.extract.kinds import cue_words, et
from diplograph.extract.patterns import Hit
from diplograph.extract.syntax import in_quote

#: Dependencies of a subject: active ("se tiendra") and passive ("est prévue").
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def held_bodies(ctx: Context, heads: dict[int, Hit]) -> list[Hit]:
    """A meeting hit for each body noun told as held that no other trigger took."""
    bodies = cue_words(ctx.lex, "held-body")
    holding = cue_words(ctx.lex, "held-clause")
    hits = []
    for i in ctx.tokens.where_lemma(bodies):
        token = ctx.doc[i]
        if token.pos_ != "NOUN" or i in heads or i in ctx.heading_tokens or in_quote(ctx, token):
            continue
        if token.text[:1].isupper() and any(m.kind == "org" for m in ctx.by_token.get(i, [])):
            continue  # "une réunion de la Commission mixte haïtiano-dominicaine": the body is named
        if token.dep_ in _SUBJECTS and token.head.i in heads:
            continue  # "La commission mixte prévue par le traité se réunit": the verb tells the session
        subject = token.dep_ in _SUBJECTS and token.head.lemma_.lower() in holding
        if subject or clause_of_noun(ctx, i) is not None:
            hits.append(Hit("event", et("meeting"), i, i + 1, i))
    return hits
