"""What the text has told before a word: the events (mostly gatherings) whose trigger stands earlier.

Why a module of its own: a dozen rules ask "which gathering was told last before this word", in
the word's sentence, in it and the one or two before it, or anywhere earlier ("Les participants
étaient X, Y": the gathering just told; "au cours de laquelle": the one the relative pronoun
stands for; "aux côtés de X": the gathering of the clause). Each wrote the same walk of
``ctx.event_at`` again, with the same three tests (the head before the word, the event still
live, a gathering); here they are written once, and a rule says only which window it reads and
which of the events told there it takes.

Events are read from ``ctx.event_at`` (trigger head token -> event) in its order, so that a rule
taking the maximum of several equal keys keeps the one it always took (the first told).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from diplograph.model import Event


def told_in(ctx: Context, start: int, end: int, *, gatherings: bool = True,
            but: Event | None = None) -> list[tuple[int, Event]]:
    """``(head, event)`` for each live event (a gathering when ``gatherings``; not ``but``) whose
    trigger head lies in tokens ``start..end-1``, in the order of ``ctx.event_at``."""
    events = ctx.events
    return [(i, e) for i, e in ctx.event_at.items() if start <= i < end and e is not but
            and (not gatherings or e.event_type in GATHERINGS) and e in events]


def last_told(told: list[tuple[int, Event]]) -> Event | None:
    """The event of ``told`` (pairs of :func:`told_in`) whose trigger begins last in the text (the
    first of equals)."""
    return max((e for _, e in told), key=lambda e: e.trigger.begin) if told else None


def window_start(ctx: Context, token: Token | int, back: int = 0) -> SpacySpan:
    """The first sentence of the window made of the sentence of ``token`` and the ``back``
    sentences (holding more than whitespace) before it."""
    sentence = ctx.sent_of(token)
    if not back:
        return sentence
    before = ctx.sentences_before(sentence.start, back)
    return before[0] if before else sentence


def gathering_told_before(ctx: Context, token: Token) -> Event | None:
    """The gathering told last before ``token``, anywhere earlier in the text."""
    return last_told(told_in(ctx, 0, token.i))


def gathering_told_last(ctx: Context, token: Token, back: int = 2) -> Event | None:
    """The gathering told last before ``token``, in its sentence or the ``back`` sentences before."""
    return last_told(told_in(ctx, window_start(ctx, token, back).start, token.i))


def gatherings_earlier_in_sentence(ctx: Context, token: Token | int) -> list[Event]:
    """The gatherings told in the sentence of ``token`` before it, in the order of ``ctx.event_at``."""
    i = token if isinstance(token, int) else token.i
    return [e for _, e in told_in(ctx, ctx.sent_of(i).start, i)]
