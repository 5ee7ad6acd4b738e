"""Event kinds and statuses the extraction stages reason about (vocabulary concept IRIs).

Which event types gather people, which are background, which commit their agents: the
stages branch on these groups, so they are named once here rather than in each stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.namespaces import vocab_iri

if TYPE_CHECKING:
    from diplograph.lexicon import Lexicon

OCCURRED = vocab_iri("event-status", "occurred")

PLANNED = vocab_iri("event-status", "planned")

ANNOUNCED = vocab_iri("event-status", "announced")



def et(slug: str) -> str:
    """IRI of an event type concept."""
    return vocab_iri("event-type", slug)

GATHERINGS = frozenset(et(s) for s in ("meeting", "negotiation", "consultation"))

BACKGROUND = frozenset(et(s) for s in ("resignation", "military-action", "controversy", "media-report"))

#: Events whose agents commit themselves to what the governed noun names ("ont annoncé des consultations").
COMMITTING = frozenset(et(s) for s in ("announcement", "agreement", "proposal"))

WITH_TARGET = frozenset(et(s) for s in ("accusation", "criticism", "warning", "rejection"))

#: Event types whose agent can be the speaker of a quote in the same sentence.
SPEECH = frozenset(et(s) for s in ("statement", "reaction", "accusation", "criticism", "warning", "appeal",
                                   "announcement", "rejection", "proposal", "agreement"))


_CUES: dict[int, dict[str, frozenset[str]]] = {}
_CUE_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def cue_words(lex: Lexicon, slug: str) -> frozenset[str]:
    """Lemmas of one concept of the cue scheme (triggers.ttl, cues.ttl), lower case, read once per
    lexicon: the extraction's content words are data, so a rule names the concept, not the words.
    An unknown slug gives no words (tests/test_vocab.py checks every slug the code names exists)."""
    key = (id(lex), slug)
    words = _CUE_WORDS.get(key)  # one look-up: ~76,000 calls over the test texts
    if words is None:
        cues = _CUES.get(id(lex))
        if cues is None:
            cues = _CUES[id(lex)] = {c.slug: frozenset(w.lower() for w in c.hidden) for c in lex.scheme("event-cue")}
        words = _CUE_WORDS[key] = cues.get(slug, frozenset())
    return words


_PAIRS: dict[tuple[int, str], frozenset[tuple[str, str]]] = {}


def cue_pairs(lex: Lexicon, slug: str) -> frozenset[tuple[str, str]]:
    """Two-word cues of one concept as (verb, object noun): "prendre part" -> ("prendre", "part").

    Read once per lexicon, like :func:`cue_words`; one-word cues are left out.
    """
    key = (id(lex), slug)
    pairs = _PAIRS.get(key)
    if pairs is None:
        pairs = _PAIRS[key] = frozenset(
            (head, rest) for w in cue_words(lex, slug) if " " in w for head, rest in [w.split(" ", 1)])
    return pairs


_PARTS: dict[tuple[int, str, int], frozenset[str]] = {}


def cue_pair_words(lex: Lexicon, slug: str, index: int) -> frozenset[str]:
    """The first (``index`` 0: "prendre") or second (1: "part") words of a concept's two-word cues,
    read once per lexicon, for a quick test before the pair itself."""
    key = (id(lex), slug, index)
    words = _PARTS.get(key)
    if words is None:
        words = _PARTS[key] = frozenset(pair[index] for pair in cue_pairs(lex, slug))
    return words


def bound_words(lex: Lexicon) -> frozenset[str]:
    """Verbs that open or close a gathering (cue:opening and cue:closing of triggers.ttl)."""
    return cue_words(lex, "opening") | cue_words(lex, "closing")


_PHRASES: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


def cue_phrases(lex: Lexicon, slug: str) -> tuple[tuple[str, ...], ...]:
    """The cues of one concept as folded words (:func:`diplograph.extract.patterns.phrase_words`),
    read once per lexicon like :func:`cue_words`. Why: a rule that tests every cue phrase around
    every trigger split each phrase again each time (~27,000 splits over tests/texts)."""
    key = (id(lex), slug)
    phrases = _PHRASES.get(key)
    if phrases is None:
        from diplograph.extract.patterns import phrase_words

        phrases = _PHRASES[key] = tuple(tuple(phrase_words(p)) for p in cue_words(lex, slug))
    return phrases
