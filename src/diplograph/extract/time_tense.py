"""The tense of the clause a time expression hangs on: whether a date without a year, or a weekday,
points back or ahead.

Why apart from :mod:`diplograph.extract.dates`: finding and resolving the expressions (calendar
words, numbers, datelines) is one idea; reading the verb they depend on (future, conditional,
"va recevoir", compound past, the press's conditional perfect) to know which way they point is
another, read through :mod:`diplograph.extract.verb_forms`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.extract.verb_forms import future_form, reported_past

if TYPE_CHECKING:
    from spacy.tokens import Token

_SET_FOR = re.compile(r"(?:\bau|\bà|\bpour|\bjusqu'au)\s*$", re.IGNORECASE)


def tense_of(ctx: Context, view: str, b: int, e: int) -> str | None:
    """The tense that places a date without a year, None when the clause cannot tell."""
    if re.search(r"\(\s*(?:le\s+|en\s+)?$", view[max(0, b - 6):b]):
        return None  # "le sommet de Lima (30 mai)": the parenthesis dates a noun, not the clause's verb
    tense = clause_tense(ctx, b, e, strict=True)
    if tense == "past" and _SET_FOR.search(view[max(0, b - 12):b]):
        return None  # the act is past, the date it sets may be ahead
    if tense == "past" and _says_what_comes(ctx, b, e):
        return None  # "a annoncé la tenue, en septembre, d'une conférence": said now, of what is to come
    return tense


def _says_what_comes(ctx: Context, b: int, e: int) -> bool:
    """The verb the date hangs on is a speech act (statement, announcement, proposal,
    agreement...): a gathering or a background event happens when it is dated, a speech act
    may date what it announces."""
    from diplograph.extract.kinds import BACKGROUND, GATHERINGS

    span = ctx.doc.char_span(b, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[-1]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(h.head == verb.i and h.iri not in GATHERINGS and h.iri not in BACKGROUND
               for h in ctx.hits if h.category == "event")


def future_context(ctx: Context, b: int, e: int) -> bool:
    """The weekday belongs to a clause in the future ("il se rendra lundi", "va recevoir lundi").

    Any other tense (passé composé, imparfait, present of news narration) points back in time.
    """
    return clause_tense(ctx, b, e) == "future"


#: Verbs whose present tense before an infinitive announces what is to come ("va recevoir",
#: "doit se rendre", "doit se tenir"): the periphrastic future of news French.
_FUTURE_AUXILIARIES = frozenset({"aller", "devoir"})


def _commits_to(ctx: Context, verb: Token) -> bool:
    """A verb of agreeing, announcing or proposing (its event hit is one of those kinds): the act its
    infinitive complement names is still to come when it is said."""
    from diplograph.extract.kinds import COMMITTING

    return any(h.head == verb.i and h.iri in COMMITTING for h in ctx.hits if h.category == "event")


def clause_tense(ctx: Context, b: int, e: int, strict: bool = False) -> str | None:
    """"future", "past" or None (present, or no verb): the time the clause of chars b..e points to.

    The verb the expression depends on (or, failing that, the nearest verb of its sentence) in
    the future or the conditional, or an infinitive after "aller"/"devoir" in the present, is
    future; a compound past (an auxiliary with a participle: "ont signé", "s'étaient
    rencontrés"), the imperfect or the simple past is past. ``strict``: only a verb the
    expression depends on directly counts; one that governs a noun it qualifies ("préparer le
    sommet de Lima (30 mai)") says nothing about its date.
    """
    span = ctx.doc.char_span(b, e, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[-1]
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
        if strict and verb.pos_ in ("NOUN", "PROPN") and not (span.start <= verb.i < span.end):
            return None
    if verb.pos_ not in ("VERB", "AUX"):
        if strict:
            return None
        sentence = ctx.sent_of(token)
        verbs = [t for t in sentence if t.pos_ == "VERB"]
        if not verbs:
            return None
        verb = min(verbs, key=lambda t: abs(t.i - token.i))
    helpers = auxiliaries(verb)
    forms = [verb, *helpers]
    if reported_past(verb):
        return "past"  # "se seraient rencontrés dimanche": the Sunday before
    if any(future_form(t) for t in forms):
        return "future"
    if "Inf" in feature(verb, "VerbForm") and verb.head.i != verb.i and verb.head.lemma_ in _FUTURE_AUXILIARIES \
            and "Pres" in feature(verb.head, "Tense"):
        return "future"
    if any(c.lemma_ in _FUTURE_AUXILIARIES and "Pres" in feature(c, "Tense") for c in helpers):
        return "future"
    if verb.lemma_ in _FUTURE_AUXILIARIES and "Pres" in feature(verb, "Tense") and any(
            c.dep_ == "xcomp" and "Inf" in feature(c, "VerbForm") for c in verb.children):
        return "future"  # "qui doivent se réunir à Vienne vendredi": the day hangs on "doivent"
    if "Inf" in feature(verb, "VerbForm") and verb.head.i != verb.i and _commits_to(ctx, verb.head):
        return "future"  # "sont convenus de réunir leurs équipes dès mardi": what they agreed to do is ahead
    if any(feature(t, "Tense") and set(feature(t, "Tense")) & {"Past", "Imp"}
           and "Part" not in feature(t, "VerbForm") for t in forms):
        return "past"  # imperfect, simple past, or a compound past's auxiliary in the imperfect
    if "Part" in feature(verb, "VerbForm"):
        if any(c.lemma_ == "avoir" for c in helpers):
            return "past"  # passé composé: "ont signé"
        if any(c.lemma_ == "être" for c in helpers) and any(
                c.lower_ in ("se", "s'", "s’") for c in verb.children if c.dep_ in ("expl:comp", "expl:pass", "obj",
                                                                                 "iobj", "expl")):
            return "past"  # pronominal passé composé: "se sont rencontrés"; "est attendue" may be a passive present
    return None
