"""What the extraction stages share about one document while they run."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplograph.extract.token_view import TokenView, feature, token_view
from diplograph.lexicon import Lexicon
from diplograph.model import DateValue, DurationValue, Entity, Event, SourceText, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from diplograph.extract.patterns import Hit, VocabularyMatcher


@dataclass
class Mention:
    """An actor or place named (or described) in the text, as a token range."""

    start: int
    end: int
    span: Span
    iri: str  # the actor meant (after metonymy: "Ankara" deciding -> the Turkish state)
    kind: str
    place: str | None = None  # the place IRI when the words name a place
    described: bool = False  # an unnamed role holder or group ("les autorités russes")
    role: str | None = None  # role concept of a described person


@dataclass
class TimeExpression:
    """A date or duration found in the text, with its token range."""

    start: int
    end: int
    value: DateValue | DurationValue


class Events(list):
    """The document's live events: a list whose ``event in events`` looks for the event itself first.

    Why: the merge rules ask "is this event still there" (``event in ctx.events``) ~15,000 times
    over the texts of tests/texts, and a list asks ``Event.__eq__`` (Python code) of every element
    before the one it finds, ~150,000 calls. The answer is the same: ``in`` is true when an element
    is the event or equals it; an element that is the event is found here without calling
    ``__eq__``, and when none is, the list's own test runs (an equal copy still counts).
    """

    __slots__ = ()

    def __contains__(self, event: object) -> bool:
        for element in self:
            if element is event:
                return True
        return list.__contains__(self, event)


@dataclass
class Context:
    """Shared state of one extraction run (one document)."""

    source: SourceText
    doc: Doc
    lex: Lexicon
    vocab: VocabularyMatcher | None = None
    hits: list[Hit] = field(default_factory=list)
    heading_tokens: set[int] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, list[Mention]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=Events)
    event_at: dict[int, Event] = field(default_factory=dict)  # trigger head token -> event
    sides: dict[str, str] = field(default_factory=dict)  # actor -> side found in the text
    framed_sides: dict[str, str] = field(default_factory=dict)  # person -> side given by the frame alone
    memberships: list[tuple[str, int, list[str]]] = field(default_factory=list)  # delegation, offset, members
    dominant_year: int | None = None
    demonym_at: dict[int, str] = field(default_factory=dict)  # token -> actor of the demonym
    role_person: dict[int, str] = field(default_factory=dict)  # head token of a role phrase -> person
    counterpart_of: dict[int, str] = field(default_factory=dict)  # "homologue" token -> whose counterpart
    role_people: dict[int, list[str]] = field(default_factory=dict)  # head of a plural role phrase -> people
    we: list[str] = field(default_factory=list)  # who "nous" is: "Nous, ministres ... de X et de Y"
    quote_ranges: list[tuple[int, int]] = field(default_factory=list)  # char ranges inside quotes
    speaker: str | None = None  # who "je" is outside quotes (a speech, an interview)
    trigger_heads: set[int] = field(default_factory=set)  # head tokens of every event trigger
    heading_triggers: list[Hit] = field(default_factory=list)  # gathering triggers in headings
    reference_date: object | None = None  # publication date, or the dateline's date
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # what a stage finds once per document
    _sentences: list | None = field(default=None, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _told: list | None = field(default=None, repr=False)  # the sentences holding more than whitespace
    _told_ends: list[int] = field(default_factory=list, repr=False)
    _ents: tuple | None = field(default=None, repr=False)
    _hits_by_category: dict[str, tuple[list, list]] = field(default_factory=dict, repr=False)

    @property
    def ents(self) -> tuple:
        """``doc.ents``, read once until :meth:`set_ents` changes them.

        spaCy makes a Span per entity at every read of ``Doc.ents`` (~1,200 reads over the test
        texts, ~100,000 ``Doc.__getitem__``); during extraction the entities change only through
        :meth:`set_ents` (the vocabulary matcher, which runs before the stages, reads ``doc.ents``).
        """
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents

    def set_ents(self, ents: list) -> None:
        """Set the document's entities (``doc.ents = ents``); :attr:`ents` reads them again."""
        self.doc.ents = ents
        self._ents = None

    @property
    def sentences(self) -> list:
        """The spaCy sentences, computed once (``Token.sent`` walks the document each time)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._starts = [s.start for s in self._sentences]
        return self._sentences

    def sent_of(self, token: Token | int):
        """The sentence of a token (or token index); ~18,000 calls over tests/texts."""
        i = token if isinstance(token, int) else token.i
        sentences = self._sentences if self._sentences is not None else self.sentences
        return sentences[max(0, bisect_right(self._starts, i) - 1)]

    def sentences_before(self, start: int, count: int = 1) -> list:
        """The last ``count`` sentences that end at or before token ``start`` and hold more than
        whitespace: ``[s for s in ctx.sentences if s.end <= start and s.text.strip()][-count:]``
        without making the text of every earlier sentence at each call (eleven rules ask; each
        text is a walk of the sentence's tokens)."""
        if self._told is None:
            text = self.doc_text  # a sentence's .text is its slice of the document's
            self._told = [s for s in self.sentences if text[s.start_char:s.end_char].strip()]
            self._told_ends = [s.end for s in self._told]
        k = bisect_right(self._told_ends, start)
        return self._told[max(0, k - count):k]

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def doc_text(self) -> str:
        """``doc.text`` (the matching view of the body: same offsets), made once: each call of
        ``Doc.text`` or ``Span.text`` joins the text of every token it covers."""
        text = self.cache.get("doc-text")
        if text is None:
            text = self.cache["doc-text"] = self.tokens.doc_text()
        return text  # type: ignore[return-value]

    @property
    def tokens(self) -> TokenView:
        """The document's token attributes as lists (:mod:`diplograph.extract.token_view`), read once."""
        return token_view(self.doc)

    def span(self, start: int, end: int) -> Span:
        """Span of tokens ``start..end-1`` in the original body text (~5,500 calls: offsets from the view)."""
        view = self.tokens
        begin = view.idx[start]
        stop = view.idx[end - 1] + len(view.text[end - 1])
        return Span(begin, stop, self.text[begin:stop])

    def char_span(self, begin: int, end: int) -> Span:
        return Span(begin, end, self.text[begin:end])

    def add_mention(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token.setdefault(i, []).append(mention)

    def mentions_at(self, token: Token) -> list[Mention]:
        return self.by_token.get(token.i, [])

    def hits_of(self, category: str) -> list[Hit]:
        """The hits of one category, in the order of ``hits`` (a new list: callers may change it).

        Read once per category while ``hits`` stays the same list (~16,000 calls over the test
        texts, each a walk of every hit): the stages replace ``hits``, they never change it."""
        cached = self._hits_by_category.get(category)
        if cached is None or cached[0] is not self.hits:
            cached = self._hits_by_category[category] = (self.hits, [h for h in self.hits if h.category == category])
        return list(cached[1])

    def timed_tokens(self) -> frozenset[int]:
        """The tokens inside a date or a duration ("jeudi 19 mars"), which many rules step over:
        read once per document (``find_times`` fills ``times`` before any rule asks, and drops
        this when it adds one)."""
        found = self.cache.get("timed-tokens")
        if found is None:
            found = self.cache["timed-tokens"] = frozenset(i for t in self.times for i in range(t.start, t.end))
        return found  # type: ignore[return-value]


#: The singular definite articles (grammar): "le Cheikh X", "et le roi Y", "la ministre".
SINGULAR_ARTICLES = frozenset({"le", "la", "l'", "l’"})


# Small facts about a token or mention in its document, read by every clause rule (syntax,
# counted_people, ...): here, below both, so that neither imports the other for them.


def unique(items: list[str]) -> list[str]:
    """The items in their first order, each once (actors found twice through two readings)."""
    return list(dict.fromkeys(items))


def token_at(ctx: Context, offset: int) -> Token | None:
    """The token holding the character ``offset`` of the text, if any."""
    found = ctx.tokens.expand(offset, offset + 1)  # Doc.char_span's tokens, without its Span
    return ctx.doc[found[0]] if found is not None and found[1] > found[0] else None


def in_quote(ctx: Context, token: Token) -> bool:
    """The token is inside a quotation: a person named there is quoted, not acting."""
    ranges = ctx.quote_ranges
    if not ranges:  # most documents: no generator to make (this runs ~30,000 times over tests/texts)
        return False
    at = token.idx  # once, not once per range
    return any(b <= at < e for b, e in ranges)


def is_subject(ctx: Context, m: Mention) -> bool:
    """The mention is (in apposition to) the subject of its clause."""
    subjects = ("nsubj", "nsubj:pass")
    for i in range(m.start, m.end):
        t = ctx.doc[i]
        if t.dep_ in subjects or (t.dep_ in ("appos", "flat:name") and t.head.dep_ in subjects):
            return True
        if t.dep_ == "nmod" and t.head.dep_ in subjects and t.head.i < t.i \
                and not any(c.dep_ == "case" for c in t.children):
            return True  # "le conseiller fédéral Ignazio Cassis": the parser hangs the name on its title
    return False


def is_actor(m: Mention) -> bool:
    """The mention names an actor: a place counts only where it stands for its state ("Paris a dit")."""
    return m.kind != "place" or m.iri != m.place


def is_writers_we(subject: Token) -> bool:
    """"Nous pouvons dire que le pays hôte a réussi son pari": "nous" as the subject of "pouvoir"
    with an infinitive is a writer weighing what is told (a dispatch, an article), not an
    institution speaking in its own name ("Nous condamnons ...", "Nous appelons X à ...")."""
    verb = subject.head
    return subject.lower_ == "nous" and subject.dep_.startswith("nsubj") and verb.lemma_ == "pouvoir" \
        and any(c.dep_ == "xcomp" and "Inf" in feature(c, "VerbForm") for c in verb.children)
