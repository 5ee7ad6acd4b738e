"""The cheap hints that let find_times skip its costliest patterns never skip a text they match.

A hint (diplograph.extract.regex_hints) must say "may hold" on every text where its pattern
finds something: on the real-length texts of tests/texts, and on written cases built to trip a
shortcut (case variants that ``str.lower`` would not give, white space of every kind, digits of
other scripts, compound numbers). It must also say no on a text without any, or it saves nothing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from diplograph.extract import dates
from diplograph.extract.regex_hints import number_before_unit, word_ending_in

TEXTS = sorted((Path(__file__).resolve().parent / "texts").glob("*.txt"))

HINTS = [
    (dates.DURATION, dates._MAY_HOLD_DURATION),
    (dates.ROUND_DURATION, dates._MAY_HOLD_ROUND_NUMBER),
    (dates.PERIOD, dates._MAY_HOLD_PERIOD),
]

WRITTEN = [
    "La réunion a duré environ cinq heures.",
    "Les pourparlers ont duré VINGT-ET-UNE\u00a0\n\tHEURES d'affilée.",
    "Elle est restée 3 jours à Lomé, puis ٣ jours à Kara.",  # a digit of another script is \d too
    "Un entretien de ſix jours ?",  # long s: re.IGNORECASE matches it to 's', str.lower keeps it
    "Un séjour d'une quarantaıne de minutes.",  # dotless i: the same
    "Une DIZAINE D'HEURES de négociations.",
    "soixante et onze ans",
    "Le mois dernier, puis l'AN PROCHAIN, et fin de  cette\u2003année.",
    "à la fin du mois, à la fin de l'année",
]


def _view(text: str) -> str:
    return text.translate(dates._VIEW)


def test_white_space_is_what_backslash_s_matches():
    """number_before_unit steps back over white space with str.isspace: the same set as ``\\s``."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", everything) == [c for c in everything if c.isspace()]


@pytest.mark.parametrize(("pattern", "hint"), HINTS, ids=["duration", "round", "period"])
def test_a_hint_holds_wherever_its_pattern_matches(pattern, hint):
    views = [_view(path.read_text(encoding="utf-8")) for path in TEXTS] + [_view(t) for t in WRITTEN]
    matched = [v for v in views if pattern.search(v)]
    assert matched  # the texts exercise the pattern
    assert all(hint(v) for v in matched)


@pytest.mark.parametrize("phrase", sorted(dates._PERIOD_SHIFT))
def test_every_period_phrase_passes_the_period_hint(phrase):
    assert dates.PERIOD.search(phrase) and dates._MAY_HOLD_PERIOD(phrase)
    assert dates._MAY_HOLD_PERIOD(phrase.upper())


def test_hints_say_no_where_nothing_can_match():
    text = "Le ministre a reçu son homologue ; ils ont parlé des semaines à venir et de la prochaine étape."
    assert not dates._MAY_HOLD_DURATION(text)  # units, but no number right before them
    assert not dates._MAY_HOLD_ROUND_NUMBER(text)  # 'semaine', 'prochaine' end in -aine: not a round number
    assert not dates._MAY_HOLD_PERIOD(text)


def test_number_before_unit_reads_the_last_word_before_the_unit():
    hint = number_before_unit(["deux", "trois"], "jours?")
    assert hint("pendant deux \n jours")
    assert hint("TROIS JOURS")
    assert hint("depuis 12 jours")
    assert not hint("depuis des jours")
    assert not hint("deux fois trois longs jours")


def test_word_ending_in_needs_every_word_to_end_so():
    assert word_ending_in(["dizaine"], "aine")("une Dizaine")
    assert not word_ending_in(["dizaine"], "aine")("une semaine")
    with pytest.raises(ValueError):
        word_ending_in(["dizaine", "cent"], "aine")
