"""Issue phrases that name no issue: words of a proper name, or of an office's title.

The issue vocabulary is matched on lemmas, so it also finds its words where they are part of
something else. Real prose is full of such names and titles: "le forum de Coopération
économique Asie-Pacifique" (a capital where the vocabulary writes the common noun in lower
case: the words are part of a name), "l'envoyée spéciale pour le processus de paix", "la
conseillère présidentielle pour le processus de paix" (the issue says what the office is
for, not what anyone discussed). Such hits are dropped before any stage reads them, so
neither the topics of events nor positions take them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diplograph.extract.patterns import Hit
    from diplograph.lexicon import Lexicon

#: Marks after which a capital starts a heading, a list item or a quotation, not a name.
_OPENERS = frozenset("« “ \" ( - – — • * : ;".split())
#: The preposition that attaches a purpose to an office: "envoyé spécial pour ...".
_PURPOSE = frozenset({"pour"})


def screen_issue_hits(doc: Doc, hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """``hits`` without the issue hits that are part of a name or of an office's title."""
    role_heads = {i for h in hits if h.category == "role" for i in range(h.start, h.end)}
    capitals = _capitalised_words(lex)
    return [h for h in hits if h.category != "issue"
            or not (_inside_name(doc, h, capitals) or _office_purpose(doc, h, role_heads))]


@cache
def _capital_words_of(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for label in labels for word in label.split() if word[:1].isupper())


def _capitalised_words(lex: Lexicon) -> frozenset[str]:
    """Words the issue vocabulary itself writes with a capital ("Donbass", "Cour pénale
    internationale", "Nord Stream"): found with it, they are the issue's own name."""
    return _capital_words_of(tuple(p for c in lex.issues for p in c.phrases))


def _inside_name(doc: Doc, hit: Hit, capitals: frozenset[str]) -> bool:
    """The phrase's first word has a capital the vocabulary does not give it, mid-sentence:
    "forum de Coopération économique Asie-Pacifique"."""
    word = doc[hit.head]
    if not word.text[:1].isupper() or word.text.isupper() or word.text in capitals:
        return False  # lower case, a headline in capitals, or a name the vocabulary lists
    if word.is_sent_start or word.i == 0:
        return False
    before = doc[word.i - 1]
    if before.is_space or before.text in _OPENERS or before.text.endswith((".", "!", "?")):
        return False
    return not any(doc[i].is_sent_start for i in range(hit.start, word.i + 1))


def _office_purpose(doc: Doc, hit: Hit, role_tokens: set[int]) -> bool:
    """The phrase completes an office with "pour": "l'envoyé spécial des Nations unies pour
    le processus de paix"; the parser may hang it on the office or on a name inside it."""
    head = doc[hit.head]
    if not any(c.dep_ == "case" and c.lower_ in _PURPOSE for c in head.children):
        return False
    node = head
    for _ in range(4):
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
        if node.i in role_tokens:
            return True
    return False
