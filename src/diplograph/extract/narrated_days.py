"""Days told relative to the story rather than to the publication: "la veille", "le lendemain",
"le même jour", and a day of the month written alone ("le 24").

A readout of a tour ("Le 10 mars ... Le lendemain, à Mascate ...") or an encyclopedia article
counts its days from the day it has just given, not from the day it was published; these days
are resolved against the days :mod:`~diplograph.extract.dates` has found, so they live beside it.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context, token_at
from diplograph.extract.incises import is_reporting
from diplograph.extract.kinds import GATHERINGS
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.model import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Days counted from the day the text has just told ("Le 10 mars ... Le lendemain"); not "le lendemain de
#: son élection", which counts from what follows it.
NARRATED_DAY = re.compile(r"\b(le lendemain|la veille|le surlendemain|l'avant-veille|le même jour|le jour même|"
                          r"quelques heures plus tôt|quelques heures plus tard|plus tôt dans la journée|"
                          r"ce même jour)\b(?!\s+(?:de|du|des)\b|\s+d')", re.IGNORECASE)
_NARRATED_SHIFT = {"le lendemain": 1, "la veille": -1, "le surlendemain": 2, "l'avant-veille": -2,
                   "le même jour": 0, "le jour même": 0, "ce même jour": 0,
                   # "Quelques heures plus tôt, X s'était entretenu ...": the same day as the act just told
                   "quelques heures plus tôt": 0, "quelques heures plus tard": 0, "plus tôt dans la journée": 0}

_RANGE = re.compile(r"\d\s*(?:au|-|–)\s*\d")
#: "sera reçu à la Maison-Blanche le 24.": a day of the month alone, ending its phrase (not "le 24e
#: sommet", "le 14-Juillet", "le 24 heures sur 24", nor a day before its month, which dates.py reads).
BARE_DAY = re.compile(r"\ble\s+(?P<day>1er|\d{1,2})(?=\s*[.,;:)!?»\n]|\s*$|\s+(?:à|au|aux|et|pour|avec|dans|"
                      r"lors|en|par|où|afin|puis|ou)\b)", re.IGNORECASE)


def narrated_days(ctx: Context, view: str, found: list, free, taken: list[tuple[int, int]]) -> None:
    """Resolve "la veille", "le lendemain", "le même jour" against the last day told before them.

    Why the narration and not the publication date: a readout of a tour ("Le 10 mars ... Le
    lendemain, à Mascate ...") or an encyclopedia article counts its days from the day it has
    just given; a deadline ("avant le 15") is not such a day. Each resolved day is itself the
    base of the next one, so "Le même jour ... Le lendemain" chains.
    """
    days = sorted((b, v) for b, e, v in found
                  if isinstance(v, DateValue) and v.precision == "day" and not v.deadline
                  and not _of_a_report(ctx, b) and not _of_a_thing(ctx, b, e) and not _looked_back(ctx, b)
                  and not _RANGE.search(view[b:e]))
    # (a day told in the pluperfect, "s'étaient rencontrés le 15 février", looks back: no base; nor is
    # the first day of a stay, "en visite du 26 au 28 mai": a period, not the day the story is at)
    for m in NARRATED_DAY.finditer(view):
        b, e = m.start(), m.end()
        if not free(b, e):
            continue
        before = [v for start, v in days if start < b]
        main_day = _main_clause_day(ctx, b, days)
        if main_day is not None:
            before = [main_day]  # "Après avoir été accueilli la veille, X a été reçu ce samedi 24 juin"
        shift = _NARRATED_SHIFT[" ".join(m.group(1).lower().split())]
        reference = ctx.reference_date
        if before and reference is not None and _told_in_the_past(ctx, b) and datetime.date.fromisoformat(
                before[-1].iso) + datetime.timedelta(days=shift) > reference:
            # "La veille, le ministre avait visité ..." after a meeting announced for 2 October: a
            # past act counts from the last day told that is not still to come
            before = [v for v in before if v.iso <= reference.isoformat()]
        if not before:
            continue
        day = datetime.date.fromisoformat(before[-1].iso) + datetime.timedelta(days=shift)
        value = DateValue(day.isoformat(), "day", ctx.char_span(b, e), relative=True)
        taken.append((b, e))
        found.append((b, e, value))
        if not _looked_back(ctx, b):  # "La veille, il était arrivé ...": a look back, not the thread
            days.append((b, value))
            days.sort(key=lambda d: d[0])


def _main_clause_day(ctx: Context, offset: int, days: list) -> DateValue | None:
    """The day the main clause of the sentence tells, when "la veille" / "le lendemain" at
    ``offset`` sits in a clause fronted before it ("Après avoir été accueilli à son arrivée la
    veille, X a été reçu ce samedi 24 juin"): the fronted clause counts from that day, though it is
    written after. None when the counted day is itself in the main clause, or the day after it is
    in another subordinate clause."""
    here = token_at(ctx, offset)
    if here is None:
        return None
    sentence = ctx.sent_of(here)
    root, verb = sentence.root, _clause_verb_at(ctx, offset)
    if verb is None or verb.i >= root.i:
        return None
    for start, value in days:
        if offset < start < sentence.end_char and (day_verb := _clause_verb_at(ctx, start)) is not None \
                and day_verb.i == root.i:
            return value
    return None


def _of_a_report(ctx: Context, offset: int) -> bool:
    """The day dates a reporting incise (", a indiqué dimanche le ministère"): the day of the report,
    not of the story the narration counts from."""
    here = token_at(ctx, offset)
    if here is None:
        return False
    verb = here.head
    return verb.pos_ == "VERB" and any(h.head == verb.i and h.iri not in GATHERINGS for h in ctx.hits_of("event")) \
        and is_reporting(ctx, verb)


def _of_a_thing(ctx: Context, begin: int, end: int) -> bool:
    """The day names a thing, not a day the story is at: "sa victoire à l'élection présidentielle du 7
    décembre", "le décret du 3 mai" (the date complements a noun no event is found at). "Plus tôt dans
    la journée" after it counts from the day the story told, not from the election's."""
    here = token_at(ctx, begin)
    if here is None:
        return False
    top = here
    while top.head.i != top.i and begin <= top.head.idx < end:
        top = top.head
    noun = top.head
    if not top.dep_.startswith("nmod") or noun.i == top.i or noun.pos_ != "NOUN":
        return False
    return not any(h.head == noun.i for h in ctx.hits_of("event"))


def _clause_verb_at(ctx: Context, offset: int) -> Token | None:
    """The verb of the clause holding the character ``offset`` (its root, when it has no verb)."""
    verb = token_at(ctx, offset)
    if verb is None:
        return None
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _looked_back(ctx: Context, offset: int) -> bool:
    """The clause holding ``offset`` is a pluperfect ("La veille, il était arrivé à Y"): the text
    looks back from the day it tells, and the next "le même jour" still counts from that day."""
    verb = _clause_verb_at(ctx, offset)
    return verb is not None and any(c.dep_.startswith("aux") and "Imp" in feature(c, "Tense") for c in verb.children)


def _told_in_the_past(ctx: Context, offset: int) -> bool:
    """The clause holding ``offset`` is told in a past tense (perfect, pluperfect, simple past)."""
    verb = _clause_verb_at(ctx, offset)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    helpers = auxiliaries(verb)
    if any("Fut" in feature(a, "Tense") or "Cnd" in feature(a, "Mood") for a in helpers):
        return False
    return ("Part" in feature(verb, "VerbForm") and "Past" in feature(verb, "Tense") and bool(helpers)) \
        or ("Fin" in feature(verb, "VerbForm") and "Past" in feature(verb, "Tense"))


def bare_days(ctx: Context, view: str, found: list, free, taken: list[tuple[int, int]],
              months: frozenset[str], titled: datetime.date | None = None) -> None:
    """"Il sera reçu par le Premier ministre le 24": a day of the month written alone is in the
    month (and year) of the last month the text wrote out before it ("du 23 au 25 avril"): a writer
    drops the month only when one is written just before (a weekday, ", a annoncé lundi", says no
    month), and not one told in the pluperfect ("L'invitation avait été lancée en juillet": a look
    back); a chronology entry writes its month in its title ("2-4 décembre 1989"), told before the
    body's first word (``titled``). With none before it, no guess."""
    told = sorted((b, v) for b, e, v in found
                  if isinstance(v, DateValue) and v.precision in ("day", "month") and not v.deadline
                  and any(w in months for w in re.findall(r"\w+", v.evidence.text.lower()))
                  and not _looked_back(ctx, b))
    if titled is not None:
        told.insert(0, (-1, DateValue(titled.isoformat(), "day", ctx.char_span(0, 0))))
    for m in BARE_DAY.finditer(view):
        b, e = m.start(), m.end()
        if not free(b, e):
            continue
        before = [v for start, v in told if start < b]
        if not before:
            continue
        year, month = int(before[-1].iso[:4]), int(before[-1].iso[5:7])
        day = 1 if m.group("day").lower() == "1er" else int(m.group("day"))
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            continue
        taken.append((b, e))
        found.append((b, e, DateValue(value.isoformat(), "day", ctx.char_span(b, e), relative=True)))
