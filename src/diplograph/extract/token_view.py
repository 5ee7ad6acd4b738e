"""A document's token attributes as plain Python lists, read once per document.

Why: the extraction rules read a few attributes of every token again and again (~1M spaCy
``Doc.__getitem__`` calls and ~1.3M ``Token`` objects over the test texts, each string attribute
a string-store look-up): about a tenth of a microsecond each, over ~20 walks of every token and
a long tail of helpers. One ``Doc.to_array`` per document gives the same values as lists, which a
rule indexes for a hundredth of that, and a word's positions by its lower-case form, so a rule
that looks for a few words ("celle", "celui"; the building nouns) goes to them instead of walking
the document. Plain values only (no RDF, no spaCy object): the view is what the rules read, the
``Doc`` stays what they hand to spaCy.

The view is kept in ``Doc.user_data`` under :data:`TOKEN_VIEW`. The vocabulary matcher (the one
stage that changes lemmas and parts of speech, see :mod:`diplograph.extract.patterns`) drops it
when it changes one; nothing else changes what the view holds (the entity stage changes entity
spans, which the view leaves out).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

#: Key of ``Doc.user_data`` under which :func:`token_view` keeps a document's view.
TOKEN_VIEW = "diplograph:token-view"


@dataclass(frozen=True)
class TokenView:
    """Per token ``i`` of one ``Doc``: what ``doc[i].text``, ``.lower_``, ``.lemma_``, ``.pos_``,
    ``.dep_``, ``.head.i``, ``.idx`` and ``bool(.is_sent_start)`` give (a test checks it on real text)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    idx: list[int]
    sent_start: list[bool]
    whitespace: list[str]  # what ``doc[i].whitespace_`` gives: " " or ""
    morph: list[int]  # the hash of ``doc[i].morph`` (its string in the vocabulary): see :func:`feature`
    children: list[list[int]]  # what ``[c.i for c in doc[i].children]`` gives (ascending)
    by_lower: dict[str, list[int]] = field(repr=False)
    by_lemma: dict[str, list[int]] = field(repr=False)  # keyed by the lemma in lower case

    def __len__(self) -> int:
        return len(self.text)

    def doc_text(self) -> str:
        """``doc.text`` (which spaCy makes anew at each call from every token)."""
        return "".join(map(str.__add__, self.text, self.whitespace))

    def where_lower(self, words: Iterable[str]) -> list[int]:
        """Positions (ascending) of the tokens whose lower-case form is one of ``words``."""
        by_lower = self.by_lower
        found: list[int] = []
        for word in words:
            found += by_lower.get(word, ())
        found.sort()
        return found

    def has_lower(self, words: Iterable[str], start: int, end: int) -> bool:
        """Some token of ``start..end-1`` has its lower-case form among ``words``. A rule that reads
        a token's subtree for a word asks this first over the token's edges (``left_edge.i``,
        ``right_edge.i + 1``): the subtree lies between them, and most subtrees hold no such word."""
        by_lower = self.by_lower
        for word in words:
            positions = by_lower.get(word)
            if positions:
                k = bisect_left(positions, start)
                if k < len(positions) and positions[k] < end:
                    return True
        return False

    def expand(self, begin: int, end: int) -> tuple[int, int] | None:
        """The token range ``(start, stop)`` of ``Doc.char_span(begin, end, alignment_mode="expand")``
        (None where it gives None), without the Span and the Tokens spaCy makes to find it (~15,000
        calls over the test texts). The same steps: the tokens holding the characters ``begin`` and
        ``end - 1`` (a token holds its trailing whitespace), and a ``begin`` just after a token's
        text starts at the next token."""
        start = self._token_by_char(begin)
        if start < 0:
            return None
        last = self._token_by_char(end - 1)
        if last < 0:
            return None
        if begin == self.idx[start] + len(self.text[start]):
            start += 1
        if start > last + 1:
            raise IndexError(f"no token range from character {begin} to {end}")  # as spaCy's Span
        return start, last + 1

    def _token_by_char(self, char: int) -> int:
        """The token whose text or trailing whitespace holds character ``char``, else -1."""
        i = bisect_right(self.idx, char) - 1
        if i < 0 or char >= self.idx[i] + len(self.text[i]) + len(self.whitespace[i]):
            return -1
        return i

    def where_lemma(self, lemmas: Iterable[str]) -> list[int]:
        """Positions (ascending) of the tokens whose lemma in lower case (``lemma_.lower()``) is one of ``lemmas``."""
        by_lemma = self.by_lemma
        found: list[int] = []
        for lemma in lemmas:
            found += by_lemma.get(lemma, ())
        found.sort()
        return found


def token_view(doc: Doc) -> TokenView:
    """The view of ``doc``, made at the first call (one array read and ~one string look-up per
    distinct value) and kept in ``doc.user_data``."""
    view = doc.user_data.get(TOKEN_VIEW)
    if view is None:
        view = doc.user_data[TOKEN_VIEW] = _read(doc)
    return view


def _read(doc: Doc) -> TokenView:
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, SPACY

    array = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, HEAD, IDX, SENT_START, SPACY, MORPH])  # uint64, a row per token
    columns = array[:, :5].T.tolist()  # string hashes: orth, lower, lemma, pos, dep
    head, idx, starts, spaces = array[:, 5:9].view("int64").T.tolist()  # signed: HEAD is relative, SENT_START -1/0/1
    morph = array[:, 9].tolist()
    heads = [i + offset for i, offset in enumerate(head)]
    children: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    strings = doc.vocab.strings
    names = {h: strings[h] for h in set().union(*columns)}  # one look-up per distinct string
    text, lower, lemma, pos, dep = ([*map(names.__getitem__, hashes)] for hashes in columns)
    by_lower: dict[str, list[int]] = {}
    for i, word in enumerate(lower):
        by_lower.setdefault(word, []).append(i)
    by_lemma: dict[str, list[int]] = {}
    for i, word in enumerate(lemma):
        by_lemma.setdefault(word.lower(), []).append(i)
    return TokenView(text=text, lower=lower, lemma=lemma, pos=pos, dep=dep, head=heads, idx=idx,
                     sent_start=[i == 0 or s == 1 for i, s in enumerate(starts)],
                     whitespace=[" " if space else "" for space in spaces], morph=morph, children=children,
                     by_lower=by_lower, by_lemma=by_lemma)


#: ``Token.morph.get(name)`` by (morphology hash, feature name), for every document: a hash stands
#: for one morphology string ("Mood=Ind|Tense=Imp|VerbForm=Fin") whatever the vocabulary.
_FEATURES: dict[tuple[int, str], list[str]] = {}


def feature(token: Token, name: str) -> list[str]:
    """``token.morph.get(name)``: the values of one morphological feature ("Tense" -> ["Imp"]).

    Why: ``MorphAnalysis.get`` makes the morphology's string and splits it at each call, ~5 µs (a
    Token attribute costs ~0.3 µs), and the rules ask it of the same few dozen morphologies tens of
    thousands of times; here each (morphology, feature) is parsed once per process and looked up
    through the document's token view. The list is shared: read it, never change it. The
    vocabulary matcher, the one stage that sets a morphology, drops the view when it does."""
    doc = token.doc
    view = doc.user_data.get(TOKEN_VIEW)
    if view is None:
        view = token_view(doc)
    key = (view.morph[token.i], name)
    values = _FEATURES.get(key)
    if values is None:
        values = _FEATURES[key] = token.morph.get(name)
    return values


def auxiliaries(token: Token) -> list[Token]:
    """``[c for c in token.children if c.dep_.startswith("aux")]``: the auxiliaries of a verb, in
    order, read off the view, with a Token made only for them (a dozen tense and mood rules ask
    for them, ~15,000 times over the test texts)."""
    doc = token.doc
    view = doc.user_data.get(TOKEN_VIEW)
    if view is None:
        view = token_view(doc)
    dep = view.dep
    return [doc[c] for c in view.children[token.i] if dep[c].startswith("aux")]
