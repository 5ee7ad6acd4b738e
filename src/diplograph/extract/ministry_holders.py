"""The holder of a ministry just named: "le ministère égyptien des Affaires étrangères a appelé ...
Son titulaire, X, doit s'entretenir ...".

Agency prose names a minister through the ministry it has just named: "son titulaire" (its
holder) in apposition to a name. The office is the role whose label is the ministry's name with
"ministre" for "ministère" and its field kept ("ministère ... des Affaires étrangères" -> "ministre
des affaires étrangères", read from the role vocabulary), held for the ministry's state.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words
from diplograph.extract.role_titles import assign_role
from diplograph.extract.token_view import feature
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.lexicon import fold

# "son titulaire", the holder of the office or body the possessive points to: cue:office-holder
# (ontology/vocab/cues.ttl).

#: Words opening a ministry's field ("ministère turc des Affaires étrangères", "de la Défense").
_FIELD_OPENERS = ("des ", "du ", "de la ", "de l'", "de l’")


def ministry_holders(ctx: Context) -> None:
    """Give "son titulaire, X" the office of the ministry named last before it."""
    doc = ctx.doc
    for token in lemma_tokens(doc, cue_words(ctx.lex, "office-holder")):
        if not any(c.dep_ in ("det", "nmod:poss") and "Yes" in feature(c, "Poss") for c in token.children):
            continue
        if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        person = next((m for m in ctx.by_token.get(token.i + 2, []) if m.kind == "person" and m.start == token.i + 2),
                      None)
        ministry = _ministry_before(ctx, token.i)
        if person is None or ministry is None:
            continue
        role = _office_of(ctx, ministry.label)
        if role is None:
            continue
        assign_role(ctx, person.iri, role, ministry.affiliation, ctx.span(token.i - 1, token.i + 1))
        if ministry.affiliation is not None:
            ctx.sides.setdefault(person.iri, ministry.affiliation)
        ctx.role_person[token.i] = person.iri


def _ministry_before(ctx: Context, i: int):
    """The ministry (an organisation whose name opens with "ministère") named last before token i,
    in this sentence or the two before (a quotation may stand as a sentence of its own)."""
    sentence = ctx.sent_of(ctx.doc[i])
    previous = ctx.sentences_before(sentence.start, 2)
    start = previous[0].start if previous else sentence.start
    found = [m for m in ctx.mentions if start <= m.start < i and m.kind == "org"
             and (e := ctx.entities.get(m.iri)) is not None and fold(e.label).startswith(fold("ministère"))]
    return ctx.entities[max(found, key=lambda m: m.start).iri] if found else None


def _office_of(ctx: Context, label: str) -> str | None:
    """The role named "ministre <field>" for a ministry "ministère [<demonym>] <field>"."""
    lowered = label.lower()
    starts = [lowered.find(w) for w in _FIELD_OPENERS if lowered.find(w) > 0]
    if not starts:
        return None
    wanted = fold("ministre " + lowered[min(starts):])
    for concept in ctx.lex.roles:
        if any(fold(p) == wanted for p in concept.phrases):
            return concept.iri
    return None
