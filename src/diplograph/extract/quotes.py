"""Quotations: the exact words between « », “ ” or straight double quotes, and who said them.

The text of a quote is what stands inside the marks, without the spaces French
typography puts inside « ». Its speaker is the agent of the speech event of the same
sentence (before the quote, "X a déclaré : « ... »", or after it, "« ... », a-t-il
ajouté"), else the source of a "selon X", else the speaker of the previous sentence
when the quote follows a colon.
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.events import et
from diplograph.model import Event, Quote

_PAIRS = re.compile(r"«([^«»]*)»|“([^“”]*)”|\"([^\"\n]*)\"")
_INNER_SPACE = " \u00a0\u202f\u2009\t\n"
#: Event types whose agent can be the speaker of a quote in the same sentence.
SPEECH = frozenset(et(s) for s in ("statement", "reaction", "accusation", "criticism", "warning", "appeal",
                                   "announcement", "rejection", "proposal", "agreement"))


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of every quotation (marks included)."""
    return [(m.start(), m.end()) for m in _PAIRS.finditer(text)]


def find_quotes(ctx: Context) -> list[Quote]:
    """Every quotation of the body with its speaker and statement event."""
    text = ctx.text
    headings = [(s.heading.begin, s.heading.end) for s in ctx.source.sections if s.heading is not None]
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    previous_end = -1
    previous_event: Event | None = None
    for m in _PAIRS.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        begin, end = m.start(group), m.end(group)
        while begin < end and text[begin] in _INNER_SPACE:
            begin += 1
        while end > begin and text[end - 1] in _INNER_SPACE:
            end -= 1
        if end <= begin or not re.search(r"\w", text[begin:end]):
            continue
        if any(b <= begin < e for b, e in headings):
            continue
        sentence = next((s for s in ctx.source.sentences if s.begin <= m.start() < s.end), None)
        event = _speech_event(ctx, m.start(), m.end(), sentence)
        speaker = event.agents[0] if event is not None and event.agents else None
        if speaker is None and sentence is not None:
            speaker = _selon(ctx, sentence)
        if speaker is None and sentence is not None and ctx.speaker is not None:
            speaker = _first_person(ctx, sentence, m.start(), m.end())
        if speaker is None and previous_speaker is not None and sentence is not None:
            # a quote that is a sentence of its own continues the previous quote's speaker
            between = text[previous_end:sentence.begin]
            alone = (m.end() - m.start()) >= 0.8 * (sentence.end - sentence.begin)
            if alone and "\n" not in between and len(between) < 200:
                speaker = previous_speaker
                event = previous_event
        quotes.append(Quote(span=ctx.char_span(begin, end), speaker=speaker,
                            statement=event.trigger.begin if event is not None else None))
        if speaker is not None:
            previous_speaker = speaker
            previous_event = event
            previous_end = sentence.end if sentence is not None else m.end()
    return quotes


def _speech_event(ctx: Context, qbegin: int, qend: int, sentence) -> Event | None:
    if sentence is None:
        return None
    best: Event | None = None
    best_key: tuple[int, int, int] | None = None
    for event in ctx.events:
        if event.event_type not in SPEECH or not event.agents:
            continue
        t = event.trigger
        if not (sentence.begin <= t.begin < sentence.end) or qbegin <= t.begin < qend:
            continue
        distance = qbegin - t.end if t.end <= qbegin else t.begin - qend
        # "« ... », a-t-il prévenu": the reporting clause after the quote wins
        after = ctx.text[qend:t.begin]
        reporting = 0 if t.begin >= qend and after.lstrip(" \u00a0\u202f»”\"").startswith(",") \
            and len(after) < 25 else 1
        key = (reporting, 0 if event.event_type == et("statement") else 1, distance)
        if best_key is None or key < best_key:
            best, best_key = event, key
    return best


def _first_person(ctx: Context, sentence, qbegin: int, qend: int) -> str | None:
    """"Je veux être claire : « ... »": the speaker of the speech says it."""
    from diplograph.extract.events import is_first_person_subject

    span = ctx.doc.char_span(sentence.begin, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.dep_.startswith("nsubj") and not qbegin <= token.idx < qend and is_first_person_subject(ctx, token):
            return ctx.speaker
    return None


def _selon(ctx: Context, sentence) -> str | None:
    from diplograph.extract.events import actors_of

    span = ctx.doc.char_span(sentence.begin, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.lower_ == "selon" and token.head.i != token.i:
            actors = actors_of(ctx, token.head)
            if actors:
                return actors[0]
    return None


def first_person_speaker(ctx: Context) -> str | None:
    """Who says "je" outside quotations: the first person named (a speech, an interview).

    In a news report "je" only occurs inside quotes; when it occurs in the running text,
    the document is someone's own words, and the first person it names is that someone.
    A text that says only "nous" is an institution's (a ministry's communiqué): "nous" is
    the state the first named person serves, not that person.
    """
    from diplograph.extract.events import is_first_person_subject

    uses = [t for t in ctx.doc if t.i not in ctx.heading_tokens and is_first_person_subject(ctx, t)]
    if not uses:
        return None
    people = [m for m in ctx.mentions if m.kind == "person" and not m.described]
    if any(t.lower_ != "nous" for t in uses):
        return people[0].iri if people else None
    # Only "nous": an institution speaks (a communiqué, a readout), not the first person it names;
    # that is the state (or organisation) the first named person serves.
    for m in people:
        entity = ctx.entities.get(m.iri)
        served = ctx.sides.get(m.iri) or (entity.affiliation if entity is not None else None)
        if served is not None:
            return served
    return people[0].iri if people else None
