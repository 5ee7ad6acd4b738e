"""Crises and tensions the text sets as the backdrop of what it tells ("sur fond de crise").

Why a rule of its own: "crise" or "tensions" alone is what leaders talk about ("la crise au
Sahel"), no event, so they are no triggers; but "La rencontre s'est tenue sur fond de crise
politique à Bissau" makes that crisis a background fact readers ask about ("in what context
was the summit held?"). The noun right after a word of cue:backdrop, when it is one of
cue:backdrop-dispute and no event yet, becomes a controversy, the main event's context.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.model import Event, EventRelation

#: A phrase ending on "de" also ends on the article it contracts with: "sur fond des tensions".
_CONTRACTED = {"de": ("de", "des")}


def backdrop_disputes(ctx: Context, main: Event) -> None:
    """Add a controversy for each "sur fond de <crise>" and link the main event to it.

    The phrases are read as whole words of the token view ("contexte" is not the start of
    "contextuelle", nor "sur fond de" the end of a longer word), in the order of the text."""
    disputes = cue_words(ctx.lex, "backdrop-dispute")
    view = ctx.tokens
    words = view.lower
    ends: list[int] = []
    for phrase in cue_words(ctx.lex, "backdrop"):
        split = phrase.split()
        *first, last = split
        lasts = _CONTRACTED.get(last, (last,))
        for i in view.where_lower(split[:1]):
            j = i + len(first)
            if j < len(words) and words[i:j] == first and words[j] in lasts:
                ends.append(view.idx[j] + len(last))  # after "de" in "des": the article opens what follows
    for end in sorted(set(ends)):
        _dispute_after(ctx, main, end, disputes)


def _dispute_after(ctx: Context, main: Event, end: int, disputes: frozenset[str]) -> None:
    """The noun after the phrase ending at ``end`` ("de crise", "d'une crise", "des tensions")."""
    span = ctx.doc.char_span(end, min(len(ctx.doc_text), end + 40), alignment_mode="expand")
    if span is None:
        return
    noun = next((t for t in span[:4] if t.pos_ == "NOUN"), None)
    if noun is None or not {noun.lemma_.lower(), noun.lower_} & disputes or noun.i in ctx.event_at:
        return
    trigger = ctx.span(noun.i, noun.i + 1)
    if any(e.trigger.begin <= trigger.begin < e.trigger.end for e in ctx.events):
        return
    if any(t.pos_ in ("VERB", "NOUN", "PUNCT") for t in span[: noun.i - span.start]):
        return  # "dans un contexte économique difficile, la crise ...": not the phrase's own noun
    sentence = ctx.sent_of(noun)
    words = [t.i for t in sentence if not t.is_space]
    told = ctx.span(words[0], words[-1] + 1)
    event = Event(trigger=trigger, event_type=et("controversy"),
                  event_class=ctx.lex.event_class(et("controversy")), status=OCCURRED, sentence=told)
    # the gathering the sentence tells before the phrase ("La rencontre s'est tenue sur fond de
    # ..."), else the story's main event ("Cette visite intervient sur fond de ...")
    framed = [e for e in ctx.events if e.event_type in GATHERINGS and any(
        told.begin <= m.begin < trigger.begin for m in (e.trigger, *e.mentions))]
    whole = framed[0] if framed else main
    ctx.events.append(event)
    ctx.event_at[noun.i] = event
    link = EventRelation("context", event.trigger.begin)
    if link not in whole.relations:
        whole.relations.append(link)
