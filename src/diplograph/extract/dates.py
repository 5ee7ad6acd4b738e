"""Dates and durations written in French, resolved to ISO values.

Absolute dates ("le 2 décembre 2025") are taken as written; a day or month without a
year ("le 16 juin", "en novembre") takes the year that the tense of its clause points to:
said in the future ("se tiendra en mars", published in September) it is the next such month,
said in the past ("s'étaient rencontrés en novembre", published in January) the last one, and
otherwise the publication year (last year when that would be months ahead), or without a
publication date the year most often written in the document; it is marked relative.
Weekdays, "hier"/"demain" and "le mois dernier"/"l'an prochain" are resolved against the
publication date only (without one they are left out rather than guessed). "La veille", "le
lendemain", "le même jour" count from the day the narration last gave ("Le 13 mars, ... La
veille, il avait rencontré ..." = 12 March), not from the publication date. A week ("la semaine
prochaine") has no date value at day, month or year precision (xsd:date, gYearMonth, gYear):
it is not given one. Durations ("environ cinq heures", "trois heures et demie", "deux jours")
become xsd:duration values, approximate after "environ", "près de" and the like.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.context import Context, TimeExpression
from diplograph.extract.narrated_days import bare_days, narrated_days
from diplograph.extract.patterns import WEEKDAY_NAMES
from diplograph.extract.regex_hints import number_before_unit, word_ending_in
from diplograph.extract.time_tense import clause_tense, future_context, tense_of
from diplograph.model import DateValue, DurationValue

if TYPE_CHECKING:
    from spacy.tokens import Token

# Month and weekday names, number words, approximation and deictic words are the calendar and number
# grammar of French (closed classes with fixed values), so they stay in code with the rules that read
# them; the extraction's content words are data (ontology/vocab/*.ttl).
MONTHS = {m: i + 1 for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())}
MONTHS["fevrier"] = 2
MONTHS["aout"] = 8
MONTHS["decembre"] = 12
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}
UNITS_ = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "mille": 1000,
}
APPROXIMATE = ("environ", "près de", "quelque", "presque", "plus de", "moins de", "une bonne",
               "un peu plus de", "pratiquement", "approximativement", "autour de")

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(WEEKDAYS)
_NUMBER_WORD = r"(?:\d+|(?:" + "|".join(sorted(UNITS_, key=len, reverse=True)) + r")(?:[-\s](?:et[-\s])?(?:" \
    + "|".join(sorted(UNITS_, key=len, reverse=True)) + r"))*)"
#: The weekday heads its written date, also set off by a comma ("Jeudi, 9 février 2017, ..."): it is
#: that date's, not a weekday of its own to count from the publication; so does each end of a range
#: ("du mardi 18 au jeudi 20 octobre 2011").
FULL_DATE = re.compile(
    rf"\b(?:(?:{_DAY_RE}),?\s+)?(1er|\d{{1,2}})(?:\s*,\s*\d{{1,2}}(?=\s*(?:,|et)))*"
    rf"(?:\s*(?:et|au|-|–)\s*(?:(?:{_DAY_RE})\s+)?(?:1er|\d{{1,2}}))?"
    rf"\s*({_MONTH_RE})"  # "le 21juillet 2016": a stored page may lose the space
    r"(?:\s+(\d{4}))?\b", re.IGNORECASE)
#: "MOSCOU, 13 mars (AFP) -": the dispatch's own date, not the date of what it reports; a ministry
#: writes its city in lower case and the date, with or without the year ("Abidjan, le 10 avril 2025 –",
#: "Riga, le 16 septembre –"); an agency alone in brackets opens a dispatch too ("(Belga) -").
DATELINE = re.compile(r"^(?:(?:[A-ZÀ-Ý][A-ZÀ-Ý' .-]+(?:,\s+(?:le\s+)?(?:\w+\s+)?(?:1er|\d{1,2})\s+\w+(?:\s+\d{4})?)?"
                      r"|[A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){0,3},\s+(?:le\s+)?(?:\w+\s+)?(?:1er|\d{1,2})\s+\w+"
                      r"(?:\s+\d{4})?)"
                      r"\s*(?:\([^)]*\))?|\([A-ZÀ-Ý][\w .'’-]{0,30}\))\s*[-–—]\s", re.MULTILINE)
#: An agency's dateline without a date: a city in capitals, or a city before the agency's name in
#: parentheses, then a dash ("ALGER -", "Hanoï (VNA) –", "RABAT (MAP) -").
AGENCY_DATELINE = re.compile(r"^(?:([A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?: [A-ZÀ-Ý'’.-]+){0,2})\s*(?:\([^)]*\))?"
                              r"|([A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){0,2})\s*\([A-ZÀ-Ý][\w .'’-]{0,30}\))"
                              r"\s*[-–—]\s")



#: Ordinal adjectives in words (grammar: the numerals of French), by rank.
_ORDINALS = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
             "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
             "dixième": 10}


def ordinal_rank(word: Token) -> int | None:
    """The rank an ordinal adjective says, in words or figures ("deuxième", "second", "2e", "12ème"):
    two spellings of one rank are one rank."""
    lower = word.lower_
    if lower in _ORDINALS:
        return _ORDINALS[lower]
    digits = lower[:len(lower) - len(lower.lstrip("0123456789"))]
    suffixes = ("e", "è", "ème", "eme", "er", "ère", "re", "nd", "nde")
    return int(digits) if digits and lower[len(digits):] in suffixes else None

def agency_dateline_city(text: str) -> str | None:
    """The city an agency dispatch opens with when it gives no date ("ALGER - Le président ...",
    "Hanoï (VNA) – ..."): only the opening of the body's first line counts, and the name is
    looked up in the gazetteer by the caller, so a heading in capitals names no city."""
    m = AGENCY_DATELINE.match(text)
    return None if m is None else (m.group(1) or m.group(2)).strip()


MONTH_DATE = re.compile(
    rf"\b(?:en|début|fin|mi-|courant|depuis|au mois de|le mois de|de)\s*(?:\w+\s+)?({_MONTH_RE})"
    r"(?:\s+(\d{4}))?\b",
    re.IGNORECASE)
YEAR_DATE = re.compile(r"\b(?:en|depuis|au printemps|à l'automne|à l'été|en hiver)\s+(\d{4})\b",
                       re.IGNORECASE)
WEEKDAY = re.compile(rf"\b(?:ce\s+|le\s+)?({_DAY_RE})(\s+(?:dernier|prochain|soir|matin|après-midi))?\b",
                     re.IGNORECASE)
DEICTIC = re.compile(r"\b(hier|avant-hier|aujourd'hui|demain|après-demain|ce jour|ce matin|ce midi|ce soir|"
                     r"cet après-midi|cet apres-midi)\b", re.IGNORECASE)
#: "03/02/2026", "3.2.2026": French order, day first; four-digit years only (no guessing of centuries).
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/]|\.\d)")
#: Months and years named relative to the publication date: (month shift | year shift).
PERIOD = re.compile(r"\b(le mois dernier|le mois passé|le mois prochain|ce mois-ci|l'an dernier|l'an passé|"
                    r"l'année dernière|l'année passée|l'an prochain|l'année prochaine|cette année|"
                    r"(?:la\s+)?fin\s+(?:du|de\s+ce)\s+mois|(?:la\s+)?fin\s+de\s+(?:l'année|cette\s+année)"
                    r")\b(?!\s+(?:de|d'|du)\b)", re.IGNORECASE)
_PERIOD_SHIFT = {"le mois dernier": ("month", -1), "le mois passé": ("month", -1), "le mois prochain": ("month", 1),
                 "ce mois-ci": ("month", 0), "l'an dernier": ("year", -1), "l'an passé": ("year", -1),
                 "l'année dernière": ("year", -1), "l'année passée": ("year", -1), "l'an prochain": ("year", 1),
                 "l'année prochaine": ("year", 1), "cette année": ("year", 0),
                 # "prévue à Washington à la fin du mois": the month (or year) of the text's own day
                 "la fin du mois": ("month", 0), "la fin de ce mois": ("month", 0), "fin du mois": ("month", 0),
                 "fin de ce mois": ("month", 0), "la fin de l'année": ("year", 0),
                 "la fin de cette année": ("year", 0), "fin de l'année": ("year", 0),
                 "fin de cette année": ("year", 0)}
#: "le 3 courant", "le 15 du mois courant": a day of the month the text is dated in (administrative French).
CURRENT_MONTH_DAY = re.compile(r"\ble\s+(?P<day>1er|\d{1,2})\s+(?:du\s+mois\s+)?courant\b", re.IGNORECASE)
#: A day of the month alone after a deadline word ("avant le 15", "au plus tard le 2"): this month or the next.
DAY_ONLY = re.compile(r"(?:\bavant|\bau\s+plus\s+tard|\bjusqu'|\bd'ici)\s*(?:au|le)\s+(?P<day>1er|\d{1,2})\b"
                      r"(?!\s*(?:[/.:h]\d|%|e\b|ème|heures?|\w))", re.IGNORECASE)
_DEICTIC_SHIFT = {"hier": -1, "avant-hier": -2, "aujourd'hui": 0, "demain": 1, "après-demain": 2, "ce jour": 0,
                  "ce matin": 0, "ce midi": 0, "ce soir": 0, "cet après-midi": 0, "cet apres-midi": 0}
#: Words before a date that make it a time limit ("d'ici à la fin mars", "avant le 15", "au plus tard le 20").
DEADLINE_CUE = re.compile(r"(?:\bd'ici(?:\s+à|\s+au|\s+aux)?|\bavant|\bau\s+plus\s+tard|\bjusqu'(?:à|au|aux)?|"
                          r"\bdate\s+limite|\béchéance|\bdélai)\s*(?:(?:le|la|l'|du|de|fixée?\s+au)\s*)?$",
                          re.IGNORECASE)
_DURATION_UNITS = "heures?|minutes?|jours?|journées?|semaines?|mois|ans|années?"
DURATION = re.compile(
    rf"(?P<approx>\b(?:{'|'.join(APPROXIMATE)})\s+)?\b(?P<num>{_NUMBER_WORD})\s+"
    rf"(?P<unit>{_DURATION_UNITS})"
    r"(?P<half>\s+et\s+(?:demie?|quart))?"
    rf"(?:\s+(?P<minutes>{_NUMBER_WORD})(?:\s+minutes)?)?",
    re.IGNORECASE)

#: Round numbers of French ("une quarantaine", "une quinzaine"): how many, roughly.
ROUND_NUMBERS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                 "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100}
ROUND_DURATION = re.compile(
    r"\b(?:une\s+|d'une\s+)?(?P<num>" + "|".join(ROUND_NUMBERS) + r")\s+d(?:e\s+|')"
    r"(?P<unit>heures|minutes|jours|journées|semaines|mois|ans|années)\b", re.IGNORECASE)
#: Necessary conditions of DURATION, ROUND_DURATION and PERIOD, much cheaper to test (most texts fail them).
_MAY_HOLD_DURATION = number_before_unit(UNITS_, _DURATION_UNITS)
_MAY_HOLD_ROUND_NUMBER = word_ending_in(ROUND_NUMBERS, "aine")
_MAY_HOLD_PERIOD = re.compile(r"mois|l'an|cette\s+ann", re.IGNORECASE).search  # each alternative holds one


def number_value(text: str) -> int | None:
    """Value of a number written in digits or French words ("vingt-huit", "soixante et onze")."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    total = 0
    current = 0
    for word in re.split(r"[-\s]+", text):
        if word == "et" or not word:
            continue
        if word not in UNITS_:
            return None
        value = UNITS_[word]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
    return total + current or None


def find_times(ctx: Context) -> None:
    """Fill ``ctx.times`` with dates and durations (offsets of the original text)."""
    text = ctx.text
    view = text.translate(_VIEW)
    full_dates = list(FULL_DATE.finditer(view))  # each pattern scans the text once, read three times below
    month_dates = list(MONTH_DATE.finditer(view))
    years = [int(m.group(3)) for m in full_dates if m.group(3)]
    years += [int(m.group(2)) for m in month_dates if m.group(2)]
    ctx.dominant_year = Counter(years).most_common(1)[0][0] if years else None
    anchors = sorted([(m.start(), int(m.group(3)), MONTHS[m.group(2).lower()]) for m in full_dates
                      if m.group(3)] + [(m.start(), int(m.group(2)), MONTHS[m.group(1).lower()])
                                        for m in month_dates if m.group(2)])
    titled = _title_date(ctx.source.title)
    if titled is not None:  # "Visite de X (14 juillet 1990)": told before the body's first word
        anchors.insert(0, (-1, titled.year, titled.month))
    published = ctx.source.published
    year = published.year if published else ctx.dominant_year
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in DATELINE.finditer(view)]
    if published is None and taken:
        line = DATELINE.search(view)
        found_date = FULL_DATE.search(view, line.start(), line.end()) if line else None
        if found_date and found_date.group(3):
            published = datetime.date(int(found_date.group(3)), MONTHS[found_date.group(2).lower()],
                                      1 if found_date.group(1).lower() == "1er" else int(found_date.group(1)))
    ctx.reference_date = published
    if published is not None:
        year = published.year
    found: list[tuple[int, int, DateValue | DurationValue]] = []

    def free(b: int, e: int) -> bool:
        return all(e <= tb or b >= te for tb, te in taken)

    for m in DURATION.finditer(view) if _MAY_HOLD_DURATION(view) else ():
        before = view[max(0, m.start() - 12):m.start()].lower()
        if not _DURATION_CUE.search(before) and not (
                _AFTER_CUE.search(before) and view[m.end():m.end() + 4].lstrip().lower().startswith(("de ", "d'"))):
            # "un mois après", "à 15 heures": not how long something lasted; "après deux jours de
            # discussions" is how long the discussions lasted
            continue
        iso = _duration_iso(m)
        if iso is None:
            continue
        b, e = m.start(), m.end()
        taken.append((b, e))
        found.append((b, e, DurationValue(iso, bool(m.group("approx")), ctx.char_span(b, e))))
    # "une quarantaine de minutes": a round number, so approximate
    for m in ROUND_DURATION.finditer(view) if _MAY_HOLD_ROUND_NUMBER(view) else ():
        before = view[max(0, m.start() - 12):m.start()].lower()
        if not free(m.start(), m.end()) or not _DURATION_CUE.search(before):
            continue
        n = ROUND_NUMBERS[m.group("num").lower()]
        unit = m.group("unit").lower()
        iso = (f"PT{n}H" if unit.startswith("heure") else f"PT{n}M" if unit.startswith("minute")
               else f"P{n}D" if unit.startswith("jour") else f"P{n * 7}D" if unit.startswith("semaine")
               else f"P{n}M" if unit == "mois" else f"P{n}Y")
        b, e = m.start(), m.end()
        taken.append((b, e))
        found.append((b, e, DurationValue(iso, True, ctx.char_span(b, e))))
    dates_at = {m.start(): m for m in full_dates}
    for m in full_dates:
        if not free(m.start(), m.end()):
            continue
        day = 1 if m.group(1).lower() == "1er" else int(m.group(1))
        month = MONTHS[m.group(2).lower()]
        explicit = m.group(3) or _range_end_year(view, m.end(), month, dates_at)
        told, _ = _told_side(view, m.end()) if not explicit else (None, m.end())
        tense = None if explicit else told or tense_of(ctx, view, m.start(), m.end())
        # "une tournée qui durera du 12 au 19 mars" told on the 16th: a future range is over when its
        # last day is, so it is this year's while that day is still to come
        last = re.findall(r"1er|\d{1,2}", view[m.end(1):m.start(2)]) if tense == "future" else ()
        y = int(explicit) if explicit else _year_for(
            month, max(day, 1 if last[-1] == "1er" else int(last[-1])) if last else day, published, year,
            tense, None if told else _narrated_year(anchors, m.start(), month))
        if y is None:
            continue
        if not explicit:
            y = _weekday_year(view[max(0, m.start() - 12):m.start(1)], y, month, day)
        try:
            iso = datetime.date(y, month, day).isoformat()
        except ValueError:
            continue
        b, e = _trim_article(view, m.start(), m.end())
        taken.append((b, e))
        found.append((b, e, DateValue(iso, "day", ctx.char_span(b, e), relative=not explicit)))
    for m in month_dates:
        b, e = m.start(), m.end()
        if not free(b, e):
            continue
        month = MONTHS[m.group(1).lower()]
        explicit = m.group(2)
        told, e = _told_side(view, e) if not explicit else (None, e)
        y = int(explicit) if explicit else _year_for(month, None, published, year,
                                                     told or tense_of(ctx, view, b, e),
                                                     None if told else _narrated_year(anchors, b, month))
        if y is None:
            continue
        taken.append((b, e))
        found.append((b, e, DateValue(f"{y:04d}-{month:02d}", "month", ctx.char_span(b, e),
                                      relative=not explicit)))
    for m in NUMERIC_DATE.finditer(view):
        b, e = m.start(), m.end()
        if not free(b, e):
            continue
        try:
            iso = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            continue  # "31/02/2026" or a month-first date: not a date we can read safely
        taken.append((b, e))
        found.append((b, e, DateValue(iso, "day", ctx.char_span(b, e))))
    for m in YEAR_DATE.finditer(view):
        b, e = m.start(), m.end()
        if free(b, e):
            taken.append((b, e))
            found.append((b, e, DateValue(m.group(1), "year", ctx.char_span(b, e))))
    if published is not None:
        for m in CURRENT_MONTH_DAY.finditer(view):  # "le 3 courant": day 3 of the text's own month
            b, e = m.start(), m.end()
            if not free(b, e):
                continue
            try:
                day = 1 if m.group("day").lower() == "1er" else int(m.group("day"))
                value = datetime.date(published.year, published.month, day)
            except ValueError:
                continue
            taken.append((b, e))
            found.append((b, e, DateValue(value.isoformat(), "day", ctx.char_span(b, e), relative=True)))
        for m in DAY_ONLY.finditer(view):
            b, e = m.start("day"), m.end("day")
            if not free(b, e):
                continue
            day = 1 if m.group("day").lower() == "1er" else int(m.group("day"))
            month_index = published.year * 12 + published.month - 1 + (1 if day < published.day else 0)
            try:
                value = datetime.date(month_index // 12, month_index % 12 + 1, day)
            except ValueError:
                continue
            taken.append((b, e))
            found.append((b, e, DateValue(value.isoformat(), "day", ctx.char_span(b, e), relative=True,
                                          deadline=True)))
        for m in PERIOD.finditer(view) if _MAY_HOLD_PERIOD(view) else ():
            b, e = m.start(), m.end()
            if not free(b, e):
                continue
            unit, shift = _PERIOD_SHIFT[" ".join(m.group(1).lower().split())]
            if unit == "year":
                value = DateValue(f"{published.year + shift:04d}", "year", ctx.char_span(b, e), relative=True)
            else:
                index = published.year * 12 + published.month - 1 + shift
                value = DateValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", ctx.char_span(b, e),
                                  relative=True)
            taken.append((b, e))
            found.append((b, e, value))
    if published is not None:
        for m in WEEKDAY.finditer(view):
            b, e = m.start(), m.end()
            if not free(b, e):
                continue
            target = WEEKDAYS[m.group(1).lower()]
            after = (m.group(2) or "").strip().lower()
            delta = (published.weekday() - target) % 7
            day = published - datetime.timedelta(days=delta)
            this = m.group(0).lower().startswith("ce")
            ahead = (target - published.weekday()) % 7
            if _SINCE.search(view, max(0, b - 10), b):
                pass  # "est en visite depuis samedi": the day it began, gone by whatever the tense
            elif after == "prochain" or (future_context(ctx, b, e) and delta != 0) or _put_off_to(ctx, b, e) \
                    or (delta != 0 and _SCHEDULED.search(view, max(0, b - 14), b) and not _told_past(ctx, b)):
                day = published + datetime.timedelta(days=ahead or 7)
            elif 0 < ahead <= 2 and not after and not this and clause_tense(ctx, b, e) is None:
                # "Le sommet s'ouvre samedi" on a Friday: a present with a weekday a day or two ahead
                # announces it; the same weekday five or six days back would be told in a past tense
                day = published + datetime.timedelta(days=ahead)
            elif after == "dernier" and delta == 0:
                day = published - datetime.timedelta(days=7)
            taken.append((b, e))
            found.append((b, e, DateValue(day.isoformat(), "day", ctx.char_span(b, e), relative=True)))
        for m in DEICTIC.finditer(view):
            b, e = m.start(), m.end()
            if not free(b, e):
                continue
            shift = _DEICTIC_SHIFT[" ".join(m.group(1).lower().split())]
            day = published + datetime.timedelta(days=shift)
            taken.append((b, e))
            found.append((b, e, DateValue(day.isoformat(), "day", ctx.char_span(b, e), relative=True)))
    narrated_days(ctx, view, found, free, taken)
    bare_days(ctx, view, found, free, taken, frozenset(MONTHS), titled)
    for b, e, value in sorted(found, key=lambda f: (f[0], f[1])):
        if isinstance(value, DateValue) and DEADLINE_CUE.search(view[max(0, b - 30):b]):
            value = replace(value, deadline=True)
        start, end = _token_range(ctx, b, e)
        if start is not None and start not in ctx.heading_tokens:
            ctx.times.append(TimeExpression(start, end, value))
    ctx.cache.pop("timed-tokens", None)


#: What joins the two ends of a range or a pair of days written each with its month ("du 3 mars au 9
#: avril 2004", "les 30 novembre et 1er décembre 1989").
_RANGE_LINK = re.compile(r"\s*(?:au|et|jusqu'au)\s+", re.IGNORECASE)


def _range_end_year(view: str, end: int, month: int, dates_at: dict[int, re.Match]) -> int | None:
    """"Du 3 mars au 9 avril 2004": the year is written once, at the range's other end; the first end
    is in that year (in the year before when its month comes later: "du 28 décembre au 4 janvier
    1999"), not in the last such month before the text was written."""
    link = _RANGE_LINK.match(view, end)
    other = dates_at.get(link.end()) if link else None
    if other is None or not other.group(3):
        return None
    year = int(other.group(3))
    return year - 1 if month > MONTHS[other.group(2).lower()] else year


def _put_off_to(ctx: Context, b: int, e: int) -> bool:
    """"La rencontre a été reportée à mercredi": a weekday an act is put off to (cue:putting-off,
    the day after "à") lies ahead of the report, though the verb telling the delay is past."""
    from diplograph.extract.kinds import cue_words

    span = ctx.doc.char_span(b, e, alignment_mode="expand")
    if span is None:
        return False
    day = span[-1]
    return day.head.lemma_.lower() in cue_words(ctx.lex, "putting-off") \
        and any(c.lower_ in ("à", "au") for c in day.children if c.dep_ == "case")


_DURATION_CUE = re.compile(r"(?:\bdur\w*|\bpendant|\bdurant|\bde|\bd'|\bqu'|\ben)\s*$")
_AFTER_CUE = re.compile(r"\baprès\s*$")
_VIEW = str.maketrans({"\u2011": "-", "\u2010": "-", "\u2019": "'", "\u00a0": " ", "\u202f": " "})


def _trim_article(view: str, b: int, e: int) -> tuple[int, int]:
    return b, e


def _title_date(title: str | None) -> datetime.date | None:
    """The first day an article's title writes in full ("Visite de X (14 juillet 1990)", "2-4 décembre
    1989. Sommet de Malte"): an encyclopedia or chronology entry dates itself so and writes its days
    without the year, or only the day ("Le 3, ..."), in its body."""
    found = FULL_DATE.search(title.translate(_VIEW)) if title else None
    if found is None or not found.group(3):
        return None
    try:
        return datetime.date(int(found.group(3)), MONTHS[found.group(2).lower()],
                             1 if found.group(1).lower() == "1er" else int(found.group(1)))
    except ValueError:
        return None


def _narrated_year(anchors: list[tuple[int, int, int]], begin: int, month: int) -> int | None:
    """The year of the text's latest explicit date before ``begin`` when it is of the same period.

    "tenue du 14 au 16 octobre 2019 ... Le 16 octobre, X et Y ont signé": the text goes on
    telling October 2019, whatever year it was published in.
    """
    before = [a for a in anchors if a[0] < begin]
    if not before:
        return None
    _, year, anchor_month = before[-1]
    return year if abs(anchor_month - month) <= 1 else None


_SIDE_WORD = re.compile(r"\s+(dernier|dernière|passé|prochain|prochaine)\b", re.IGNORECASE)


def _told_side(view: str, end: int) -> tuple[str | None, int]:
    """"en novembre dernier", "le 3 mars prochain": the word after the date says on which side of
    the publication it lies, whatever the tense of the clause ("la visite ... en novembre dernier")."""
    m = _SIDE_WORD.match(view, end)
    if m is None:
        return None, end
    word = m.group(1).lower()
    return ("future" if word.startswith("prochain") else "past"), m.end()


#: "depuis" just before a weekday: the day something under way began, so never one ahead.
_SINCE = re.compile(r"\bdepuis\s+$", re.IGNORECASE)
#: "le Sommet arabe, prévu ce vendredi", "attendu lundi à Paris": a participle of scheduling before a
#: weekday puts it ahead, whatever the tense of the clause around it
_SCHEDULED = re.compile(r"\b(?:prévue?s?|programmée?s?|attendue?s?)\s+$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b({_DAY_RE}),?\s*$", re.IGNORECASE)


def _told_past(ctx: Context, b: int) -> bool:
    """The gathering a scheduling participle qualifies is the subject of a verb told in the past ("Le
    sommet, prévu lundi, s'est finalement ouvert mardi"): the participle's weekday is the one gone
    by. ("l'ordre du jour du Sommet arabe, prévu ce vendredi": the summit is no past verb's subject.)"""
    span = ctx.doc.char_span(b, b + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    participle = span[0].head
    noun = participle.head if participle.dep_ == "acl" else None
    if noun is None or not noun.dep_.startswith("nsubj") or noun.head.i == noun.i:
        return False
    verb = noun.head
    if clause_tense(ctx, verb.idx, verb.idx + len(verb.text)) == "past":
        return True
    # "s'est ouvert": a pronominal compound past the tagger reads as a copula and an adjective
    return verb.pos_ == "ADJ" and any(c.dep_.startswith("expl") for c in verb.children) \
        and any(c.dep_ in ("cop", "aux:tense") and c.lemma_ == "être" for c in verb.children)


def _weekday_year(before: str, year: int, month: int, day: int) -> int:
    """"le jeudi 26 juillet" written without a year: the weekday names the year. When the year the
    tense gave does not fall on that weekday and the year before or after does, that one is meant
    (a report published the day after a visit it still tells in the future)."""
    m = _WEEKDAY_BEFORE.search(before)
    if m is None:
        return year
    weekday = WEEKDAYS[m.group(1).lower()]

    def falls(y: int) -> bool:
        try:
            return datetime.date(y, month, day).weekday() == weekday
        except ValueError:
            return False

    if falls(year):
        return year
    return next((y for y in (year - 1, year + 1) if falls(y)), year)


def _year_for(month: int, day: int | None, published: datetime.date | None, year: int | None,
              tense: str | None = None, narrated: int | None = None) -> int | None:
    """Year of a date written without one (``day`` None: a month), from the publication date.

    Said in the future, the next such day or month (this month counts); said in the past, the
    last one; otherwise the publication's year, or last year if that is months in the future.
    A text that has just given the year of the same period (``narrated``) keeps telling it,
    unless that puts a future act before the publication or a past one after it.
    """
    if published is not None and narrated is not None and narrated != published.year:
        here = (published.year, published.month, published.day if day is not None else 0)
        there = (narrated, month, day or 0)
        if not (tense == "future" and there < here) and not (tense == "past" and there > here):
            return narrated
    if published is not None:
        if tense is not None:
            here = (published.month, published.day if day is not None else 0)
            there = (month, day or 0)
            if tense == "future" and there < here:
                return published.year + 1
            if tense == "past" and there > here:
                return published.year - 1
            return published.year
        try:
            candidate = datetime.date(published.year, month, day or 1)
        except ValueError:
            return published.year
        # news reports the recent past: a date months after publication was last year
        if (candidate - published).days > 200:
            return published.year - 1
        return published.year
    return year


def _duration_iso(m: re.Match) -> str | None:
    n = number_value(m.group("num"))
    if n is None or n <= 0 or n > 1000:
        return None
    unit = m.group("unit").lower()
    half = (m.group("half") or "").strip().lower()
    minutes = number_value(m.group("minutes")) if m.group("minutes") else None
    if unit.startswith("heure"):
        extra = 30 if half.endswith(("demi", "demie")) else 15 if half.endswith("quart") else 0
        if minutes and unit.startswith("heure") and minutes < 60:
            extra = minutes
        return f"PT{n}H{extra}M" if extra else f"PT{n}H"
    if half:
        return None
    if unit.startswith("minute"):
        return f"PT{n}M"
    if unit.startswith(("jour", "journée")):
        return f"P{n}D"
    if unit.startswith("semaine"):
        return f"P{n * 7}D"
    if unit == "mois":
        return f"P{n}M"
    return f"P{n}Y"


def _token_range(ctx: Context, b: int, e: int) -> tuple[int | None, int]:
    doc = ctx.doc
    span = doc.char_span(b, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, 0
    return span.start, span.end


def time_near(ctx: Context, start: int, end: int, kind: type) -> TimeExpression | None:
    """The date or duration of the sentence of tokens ``start..end`` closest to them."""
    sentence = ctx.sent_of(start)
    best = None
    best_distance = None
    for t in ctx.times:
        if not isinstance(t.value, kind) or t.start < sentence.start or t.start >= sentence.end:
            continue
        if getattr(t.value, "deadline", False):
            continue  # a time limit is not when the event happens
        distance = min(abs(t.start - start), abs(t.end - end))
        if best_distance is None or distance < best_distance:
            best, best_distance = t, distance
    return best
