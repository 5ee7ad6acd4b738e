"""Cheap tests that tell when a costly date pattern cannot match a text, so its scan is skipped.

Why: :func:`diplograph.extract.dates.find_times` scans every text with a dozen case-insensitive
patterns, and the duration patterns were the costliest (every word start tries ~40 number and
approximation words) though most texts hold no duration at all. Python's ``re`` has no fast
search for a case-insensitive pattern that opens on a word boundary or an alternation: it tries
each position. Each hint here is a *necessary* condition of its pattern, matched with the same
case rules (``re.IGNORECASE`` on the same words): when the hint says no, the pattern would have
found nothing, so skipping it changes no result; when it says yes, the pattern runs as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def _words_at_end(words: Iterable[str]) -> tuple[re.Pattern[str], int]:
    """A pattern matching one of ``words`` (any case) that ends where the search ends, and the longest word."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + r")\Z", re.IGNORECASE), len(ordered[0])


def word_ending_in(words: Iterable[str], ending: str) -> Callable[[str], bool]:
    """Whether a text may hold one of ``words``, all of which end in ``ending``.

    Looks for ``ending`` (any case: a cheap literal scan), then for a whole word ending there.
    Every occurrence of ``ending`` is visited (a lookahead, so overlapping ones too).
    """
    words = list(words)
    if not all(word.lower().endswith(ending.lower()) for word in words):
        raise ValueError(f"not every word ends in {ending!r}")
    endings = re.compile(f"(?={re.escape(ending)})", re.IGNORECASE)
    word, longest = _words_at_end(words)
    size = len(ending)  # under IGNORECASE a character matches one character

    def may_hold(text: str) -> bool:
        return any(word.search(text, max(0, m.start() + size - longest), m.start() + size)
                   for m in endings.finditer(text))

    return may_hold


def number_before_unit(numbers: Iterable[str], units: str) -> Callable[[str], bool]:
    """Whether a text may hold a number (digits or one of ``numbers``) then white space then a unit.

    ``units``: the unit alternatives exactly as the pattern writes them after its ``\\s+``. A
    match of ``<number>\\s+<unit>`` puts white space right before the unit, and the number's
    last word (or digit) right before that white space: the unit occurrences are found first
    (a few per text), and at each the run of white space is stepped over backwards (``str.isspace``
    is what ``\\s`` matches in a str pattern: a test checks every code point) to look at the word.
    """
    unit = re.compile(rf"\s(?:{units})", re.IGNORECASE)
    word, longest = _words_at_end(numbers)
    digit = re.compile(r"\d\Z")

    def may_hold(text: str) -> bool:
        for m in unit.finditer(text):
            end = m.start()
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if digit.search(text, max(0, end - 1), end) or word.search(text, max(0, end - longest), end):
                return True
        return False

    return may_hold
