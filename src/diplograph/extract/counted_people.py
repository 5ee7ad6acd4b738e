"""Counted plurals: "les deux ministres", "les trois pays", "les deux parties" as the actors they count.

Why a stage of its own: a counted plural is resolved by counting (as many people as the number
says, who fit the noun: leaders, holders of the office named, parties and their states) over
the people named just before or the gathering told last, not by the clause syntax that
resolves "il"/"ils" (:func:`diplograph.extract.syntax.antecedent`, which asks this module).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context, in_quote, unique
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.token_view import feature
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token


_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4}
# The counted nouns of numbered_antecedent are data (ontology/vocab/cues.ttl): cue:country-noun ("les
# trois pays"), cue:party-noun ("les deux parties": the people who spoke for the sides, and their
# states), cue:leader-noun with cue:leader-complement ("les deux dirigeants", "les deux chefs
# d'État": heads, not their ministers). Numerals and determiners stay here (grammar).


def numbered_antecedent(ctx: Context, token: Token) -> list[str]:
    """"les deux hommes", "les deux chefs d'État", "les trois ministres": as many people as
    the number says, named just before (this sentence and the previous one), else the
    people of the gathering told last. Nobody when the count does not fit."""
    if token.pos_ != "NOUN" or "Plur" not in feature(token, "Number") or ctx.by_token.get(token.i):
        return []
    count = next((_NUMBERS.get(c.lower_) for c in token.children if c.dep_ == "nummod"), None)
    if count is None:
        return _bare_office_plural(ctx, token)
    if not any(c.dep_ == "det" and c.lower_ in ("les", "ces") for c in token.children):
        return []
    # "les trois pays sont convenus": the story's first sides
    if token.lemma_.lower() in cue_words(ctx.lex, "country-noun"):
        if not token.dep_.startswith("nsubj"):
            return []
        from diplograph.extract.plural_roles import _sides_so_far

        sides = _sides_so_far(ctx, token.i)
        return sides[:count] if len(sides) >= count else []
    sentences = ctx.sentences_before(ctx.sent_of(token).start)
    start = sentences[0].start if sentences else ctx.sent_of(token).start
    # "les deux chefs d'État" are leaders, "les deux chefs de la diplomatie" are not
    complements = cue_words(ctx.lex, "leader-complement")
    leaders = token.lemma_.lower() in cue_words(ctx.lex, "leader-noun") and all(
        c.lemma_.lower() in complements for c in token.children if c.dep_ == "nmod")

    # "les deux ministres": people who hold that office (or a narrower one), not the president who
    # receives one of them in the sentence before
    office = None if leaders else next(
        (h.iri for h in ctx.hits if h.category == "role" and h.head == token.i), None)

    def fits(person: str) -> bool:  # "les deux dirigeants": heads of state or government only
        entity = ctx.entities.get(person)
        if entity is None or entity.kind != "person":
            return False
        if office is not None and entity.roles:
            return any(ctx.lex.narrower_or_same(r.role, office) for r in entity.roles)
        return not leaders or not entity.roles or any(r.role in ctx.lex.leader_roles for r in entity.roles)

    def holds_lead(person: str) -> bool:
        entity = ctx.entities.get(person)
        return entity is not None and any(r.role in ctx.lex.leader_roles for r in entity.roles)

    # "Les présidents X et Y ... L'assistant du président russe, Z, ... entre les deux chefs d'État":
    # people whose office says they lead come before someone whose office the text does not give
    people = _numbered_people(ctx, token, count, start, holds_lead) if leaders else []
    people = people or _numbered_people(ctx, token, count, start, fits)
    # "les deux parties" (the form too: the lemmatiser may read "parties" as "party"): the people
    # and, when each speaks for another state, those states, the parties of a joint declaration
    parties = cue_words(ctx.lex, "party-noun")
    if people and (token.lemma_.lower() in parties or token.lower_.removesuffix("s") in parties):
        sides = unique([s for p in people if (s := ctx.lex.state_of(ctx.sides.get(p))) is not None])
        if len(sides) == count and all(s in ctx.entities for s in sides):
            return people + sides
    return people


def _bare_office_plural(ctx: Context, token: Token) -> list[str]:
    """"Les ministres se sont félicités de ...", after the talk of two foreign ministers: a bare
    plural of an office ("les", no number, no complement), as a subject, takes up the people of the
    gathering with two or more told last when every one of them holds that office (or a
    narrower one). "Les ministres de l'Union africaine" (a complement) names others."""
    if not token.dep_.startswith("nsubj") or any(c.dep_ not in ("det", "punct") for c in token.children) \
            or not any(c.dep_ == "det" and c.lower_ == "les" for c in token.children):
        return []
    office = next((h.iri for h in ctx.hits if h.category == "role" and h.head == token.i), None)
    if office is None:
        return []
    # the gathering told last with two people or more ("L'entrevue des ministres a permis ...", a
    # mention not yet folded into the talk it repeats, has none of its own)
    told = sorted(((i, e) for i, e in ctx.event_at.items() if i < token.i and e in ctx.events
                   and e.event_type in GATHERINGS and len(e.participants) >= 2), key=lambda pair: -pair[0])
    if not told:
        return []
    people = [p.actor for p in told[0][1].participants]

    def holds(person: str) -> bool:
        entity = ctx.entities.get(person)
        return entity is not None and entity.kind == "person" and any(
            ctx.lex.narrower_or_same(r.role, office) for r in entity.roles)
    return people if all(holds(p) for p in people) else []


def _numbered_people(ctx: Context, token: Token, count: int, start: int, fits) -> list[str]:
    """The people "les deux ministres" names: named just before, else the gathering's."""
    named = [m for m in ctx.mentions if m.kind == "person" and start <= m.start < token.i
             and not in_quote(ctx, ctx.doc[m.start]) and fits(m.iri)]
    people = list(dict.fromkeys(m.iri for m in named))
    if len(people) != count:
        return _gathered(ctx, token, count, fits) or _only_ones(ctx, token, count, fits)
    # "les deux dirigeants" after two names that do nothing together: the gathering's two, if any
    return people if _together(ctx, named) else _gathered(ctx, token, count, fits) or people


def _only_ones(ctx: Context, token: Token, count: int, fits) -> list[str]:
    """"Les deux ministres", paragraphs after the only two ministers the text has named (others
    spoke in between, and their talks got no people of their own): the office and the count name
    them. Only for an office ("les deux hommes" counts anyone) and only when exactly that many fit."""
    if not any(h.category == "role" and h.head == token.i for h in ctx.hits):
        return []
    people = list(dict.fromkeys(m.iri for m in ctx.mentions if m.kind == "person" and m.start < token.i
                                and not in_quote(ctx, ctx.doc[m.start]) and fits(m.iri)))
    return people if len(people) == count else []


def _together(ctx: Context, named: list) -> bool:
    """The people named just before take part in what the text tells: the parse leads from one of
    the names up to an event's trigger ("X et Y ont signé", "la visite de X, reçu par Y"). Names
    that only complete a noun that is no event ("après le départ du président X et du président
    Y") are no pair that a later "les deux dirigeants" takes up over the gathering told last."""
    def in_event(token: Token) -> bool:
        for _ in range(8):
            if token.i in ctx.event_at:
                return True
            if token.head.i == token.i:
                return False
            token = token.head
        return False
    return any(in_event(ctx.doc[m.start]) for m in named)  # one is enough: parses of long sentences err


def _gathered(ctx: Context, token: Token, count: int, fits) -> list[str]:
    """The people of the gathering told last before ``token``, when they are ``count``."""
    told: dict[int, Event] = {}  # gathering -> its latest mention before the token
    last_at: dict[int, int] = {}
    for i, e in ctx.event_at.items():
        if i < token.i and e in ctx.events and e.event_type in GATHERINGS:
            told[id(e)] = e
            last_at[id(e)] = max(last_at.get(id(e), -1), i)
    # the gathering told last (by its latest mention: "La rencontre de Bruxelles a duré ...") whose
    # people are as many as the number says; a visit of one of them told in between does not count
    for last in sorted(told.values(), key=lambda e: -last_at[id(e)]):  # mentions without people are not folded yet
        people = [p.actor for p in last.participants if fits(p.actor)]
        if len(people) == count:
            return people
    return []
