"""How the parties of a gathering met: in person, by telephone or by video (vocab/channel).

A channel phrase of the vocabulary ("par téléphone", "téléphonique", "en visioconférence",
"virtuel") says how the event next to it took place. It goes to the gathering (meeting,
negotiation, consultation) whose trigger or later mention is nearest in the same sentence, a few
words away at most: "X s'est entretenu par téléphone avec Y", "un entretien téléphonique", "le
sommet, tenu en visioconférence"; or to the one whose verb the phrase hangs on through time words
("s'est entretenu jeudi en fin de matinée au téléphone"). A phrase farther away, or in a sentence
without a gathering, says nothing about any event. An event keeps the first channel found (a report seldom gives
two). Cross-document identity reads it (diplograph.corpus): a phone call and a summit of the
same two leaders are two events, even when a report of one gives no date.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS

MAX_GAP = 4  # tokens between the channel phrase and the event's words


def find_channels(ctx: Context) -> None:
    """Set ``Event.channel`` from the channel phrases next to each gathering's mentions."""
    hits = ctx.hits_of("channel")
    if not hits:
        return
    spans: list[tuple[int, int, int]] = []  # token start, token end, index of the event
    for index, event in enumerate(ctx.events):
        if event.event_type not in GATHERINGS:
            continue
        for span in (event.trigger, *event.mentions):
            tokens = ctx.tokens.expand(span.begin, span.end)  # Doc.char_span's tokens, without its Span
            if tokens is not None:
                spans.append((tokens[0], tokens[1], index))
    for hit in sorted(hits, key=lambda h: (h.start, h.end, h.iri)):
        sentence = ctx.sent_of(hit.start)
        best: tuple[int, int, int] | None = None
        # "s'est entretenu jeudi en fin de matinée au téléphone": the parse hangs the phrase on the
        # time words, which hang on the verb; the verb up that chain is the phrase's, however far
        above: set[int] = set()
        node = ctx.doc[hit.head]
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            above.add(node.i)
            if node.pos_ in ("VERB", "AUX"):
                break
        for start, end, index in spans:
            if not sentence.start <= start < sentence.end:
                continue
            gap = 0 if any(start <= i < end for i in above) else max(0, hit.start - end, start - hit.end)
            if gap <= MAX_GAP and (best is None or (gap, start) < best[:2]):
                best = (gap, start, index)
        if best is not None and ctx.events[best[2]].channel is None:
            ctx.events[best[2]].channel = hit.iri
