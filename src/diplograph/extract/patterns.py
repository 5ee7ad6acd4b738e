"""Token patterns built once from the vocabulary phrases (triggers, roles, issues, cues).

Phrases are turned into spaCy ``Matcher`` patterns instead of being looked up word by word,
so matching costs one pass over the document whatever the size of the vocabulary. Each
content word matches by lemma (``réserves`` -> ``réserve``, ``reçu`` -> ``recevoir``) or
by its lower-case form (in case the lemmatiser errs); articles and prepositions inside a
phrase become an optional gap of up to three small words, so "exprimer des réserves" also
finds "a exprimé de sérieuses réserves".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

#: French function words that may vary or be missing inside a multiword phrase.
FUNCTION_WORDS = frozenset(
    "de des du d' la le les l' un une à au aux en par pour avec sur dans".split()
)
_VARIANTS = {
    "de": ["de", "d'", "des", "du"], "d'": ["de", "d'", "des", "du"], "des": ["de", "d'", "des", "du"],
    "du": ["de", "d'", "des", "du"], "à": ["à", "au", "aux"], "au": ["à", "au", "aux"],
    "aux": ["à", "au", "aux"], "la": ["la", "le", "les", "l'"], "le": ["la", "le", "les", "l'"],
    "les": ["la", "le", "les", "l'"], "l'": ["la", "le", "les", "l'"],
}
REFLEXIVE = ("se", "s'")
_REFLEXIVE_FORMS = ["se", "s'", "me", "m'", "te", "t'", "nous", "vous"]
_TOKEN = re.compile(r"\w+'|\w+(?:-\w+)*", re.UNICODE)

#: Gap between content words: small words only, at most three.
GAP_POS = {
    "trigger": ["DET", "ADP", "ADJ", "ADV", "NUM", "PRON"],
    "issue": ["DET", "ADP", "ADJ", "NUM"],
    "role": ["DET", "ADP", "ADJ"],
}


def phrase_words(phrase: str) -> list[str]:
    """Folded words of a phrase, elisions split off ("s'entretenir" -> ["s'", "entretenir"])."""
    return _TOKEN.findall(fold(phrase))


def _singular(word: str) -> list[str]:
    out = [word]
    if word.endswith("aux") and len(word) > 4:
        out.append(word[:-3] + "al")
    if word.endswith(("s", "x")) and len(word) > 3:
        out.append(word[:-1])
    for ending in ("ées", "és", "ée", "é"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.append(word[: -len(ending)] + "er")  # past participle -> infinitive lemma
            break
    return out


def phrase_patterns(phrase: str, gap: str) -> list[list[dict]]:
    """Matcher patterns (lemma-based and form-based) for one vocabulary phrase."""
    words = phrase_words(phrase)
    reflexive = False
    if len(words) > 1 and words[0] in REFLEXIVE:
        reflexive = True
        words = words[1:]
    if not words:
        return []
    # leading/trailing function words are required ("appeler à"), inner ones become gaps
    first = next((i for i, w in enumerate(words) if w not in FUNCTION_WORDS), None)
    if first is None:
        return []
    last = max(i for i, w in enumerate(words) if w not in FUNCTION_WORDS)
    gap_spec = {"POS": {"IN": GAP_POS[gap]}, "OP": "{0,3}"}
    out: list[list[dict]] = []
    for attr in ("LEMMA", "LOWER"):
        pattern: list[dict] = []
        if reflexive:
            pattern.append({"LOWER": {"IN": _REFLEXIVE_FORMS}})
            pattern.append({"POS": {"IN": ["AUX", "ADV", "PRON"]}, "OP": "{0,3}"})
        for w in words[:first]:
            pattern.append({"LOWER": {"IN": _VARIANTS.get(w, [w])}})
        previous_content = False
        for w in words[first : last + 1]:
            if w in FUNCTION_WORDS:
                continue
            if previous_content:
                pattern.append(dict(gap_spec))
            forms = _singular(w) if attr == "LEMMA" else [w]
            pattern.append({attr: {"IN": forms}})
            previous_content = True
        for w in words[last + 1 :]:
            pattern.append({"LOWER": {"IN": _VARIANTS.get(w, [w])}})
        out.append(pattern)
    return out


@dataclass(frozen=True)
class Hit:
    """One vocabulary phrase found in a document (token range and concept IRI)."""

    category: str  # event | stance | role | issue | status
    iri: str
    start: int
    end: int
    head: int  # first content token (the verb of "s'entretenir", "mis" of "mis en garde")


class VocabularyMatcher:
    """All vocabulary phrases of the lexicon in one spaCy Matcher."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        from spacy.matcher import Matcher

        self.matcher: Matcher = Matcher(nlp.vocab, validate=False)
        self.keys: dict[int, tuple[str, str]] = {}
        self.status_words: dict[str, str] = {}
        groups: list[tuple[str, str, list[str], str]] = []
        for concept in lex.event_types:
            groups.append(("event", concept.iri, concept.triggers, "trigger"))
        for concept in lex.stances:
            groups.append(("stance", concept.iri, concept.triggers, "trigger"))
        for concept in lex.roles:
            groups.append(("role", concept.iri, concept.phrases, "role"))
        for concept in lex.issues:
            groups.append(("issue", concept.iri, concept.phrases, "issue"))
        for concept in lex.statuses:
            for word in concept.hidden:
                words = phrase_words(word)
                if len(words) == 1:
                    self.status_words[words[0]] = concept.iri
        for category, iri, phrases, gap in groups:
            patterns = [p for phrase in sorted(set(phrases)) for p in phrase_patterns(phrase, gap)]
            if not patterns:
                continue
            key = f"{category}|{iri}"
            self.keys[nlp.vocab.strings.add(key)] = (category, iri)
            self.matcher.add(key, patterns)

    def __call__(self, doc: Doc) -> list[Hit]:
        """Longest hit per (category, start token); sorted by position for determinism."""
        best: dict[tuple[str, int, str], Hit] = {}
        for match_id, start, end in self.matcher(doc):
            category, iri = self.keys[match_id]
            head = start
            while head < end - 1 and (doc[head].lower_ in _REFLEXIVE_FORMS or doc[head].pos_ == "AUX"):
                head += 1
            hit = Hit(category, iri, start, end, head)
            key = (category, head, iri)
            old = best.get(key)
            if old is None or (end - start) > (old.end - old.start):
                best[key] = hit
        hits = sorted(best.values(), key=lambda h: (h.start, -(h.end - h.start), h.category, h.iri))
        return _drop_nested(hits)


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Within a category, a hit inside a longer one of another concept is dropped."""
    kept: list[Hit] = []
    by_cat: dict[str, list[Hit]] = {}
    for h in hits:
        by_cat.setdefault(h.category, []).append(h)
    for cat_hits in by_cat.values():
        longest = sorted(cat_hits, key=lambda h: (-(h.end - h.start), h.start, h.iri))
        chosen: list[Hit] = []
        for h in longest:
            inside = any(c.start <= h.start and h.end <= c.end and (c.end - c.start) > (h.end - h.start)
                         for c in chosen)
            if not inside:
                chosen.append(h)
        kept.extend(chosen)
    return sorted(kept, key=lambda h: (h.start, h.end, h.category, h.iri))


_CACHE: dict[int, tuple[Language, VocabularyMatcher]] = {}


def vocabulary_matcher(nlp: Language, lex: Lexicon) -> VocabularyMatcher:
    """The matcher for this pipeline, built on first use."""
    cached = _CACHE.get(id(nlp))
    if cached is None or cached[0] is not nlp:
        cached = (nlp, VocabularyMatcher(nlp, lex))
        _CACHE[id(nlp)] = cached
    return cached[1]
