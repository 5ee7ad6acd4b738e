"""What is part of an occasion (a visit, a summit), and the day a part inherits from its whole.

Why apart from :mod:`~diplograph.extract.relations`: news tells a state visit or a summit as an
occasion holding other events, each its own node (a tête-à-tête, a signing, a lunch, a talk "en
marge"), and readers ask "what happened during the visit, and on which day". The text says it
three ways: a framing phrase naming the occasion again ("au cours de son séjour", "lors de ce
sommet", "dans le cadre de ces assises", "à cette occasion", "au deuxième jour de sa visite"); the
occasion's own people meeting or signing within its days; and a talk told right after one held on
the occasion's sidelines ("En marge du sommet, A s'est entretenu avec B. C a pour sa part reçu
D"). A part with no day of its own then takes the occasion's day when the occasion lasts one day.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.dates import ordinal_rank
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.extract.reference import DEMONSTRATIVES, POSSESSIVE
from diplograph.extract.syntax import DURING_CASES, DURING_NOUNS
from diplograph.extract.told_before import window_start
from diplograph.extract.verb_forms import pluperfect
from diplograph.model import DateValue, Event, EventRelation

if TYPE_CHECKING:
    from spacy.tokens import Token

#: What can be part of an occasion by its people alone: gatherings and signings (a statement
#: is told of its speaker, not of an occasion, unless a framing phrase says so).
_PART_TYPES = GATHERINGS | {et("agreement")}
#: Determiners that make a noun name again what was told ("son séjour", "ce sommet", "ces assises").
_BACK_DETERMINERS = DEMONSTRATIVES | POSSESSIVE


def link_parts(ctx: Context, main: Event | None) -> None:
    """Add partOf links from the events told inside an occasion to it, then give the parts the
    occasion's day when they have none."""
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if _part_of_any(event):
            continue
        whole, day = _framed_occasion(ctx, event, event_token(ctx, event))
        if whole is None or _told_back(event_token(ctx, event)) or (day is None and not _within_days(event, whole)):
            continue  # "Au cours de son séjour précédent, en 2019, il avait rencontré X": another time
        add_relation(event, "partOf", whole)
        if day is not None:
            # "au deuxième jour de sa visite": counted from the visit's first day, told where it is
            # dated when this mention of it is a node of its own
            base = whole if whole.date is not None and whole.date.precision == "day" \
                else _last_whole(ctx, whole.trigger.begin, _whole_words(ctx, whole), dated=True)
            if base is not None and base.date is not None:
                shifted = datetime.date.fromisoformat(base.date.iso) + datetime.timedelta(days=day)
                event.date = DateValue(shifted.isoformat(), "day", base.date.evidence, base.date.relative)
    if main is not None and main.event_type in GATHERINGS and main.status == OCCURRED and _is_whole(ctx, main):
        _held_within(ctx, main)
    _sidelines_told_on(ctx)
    _inherit_days(ctx)


def ordinal_day_frames(ctx: Context) -> list[tuple[int, DateValue]]:
    """"Au deuxième jour de sa visite, ...": a sentence opening on a day counted within the
    occasion the story is about moves the narration to that day (the occasion's first day, dated
    by the text, plus the count), as "Le lendemain, ..." does. By token index."""
    frames: list[tuple[int, DateValue]] = []
    for at in ctx.tokens.where_lower(frozenset({"jour"})):
        day = ctx.doc[at]
        ordinal = next((ordinal_rank(g) for g in day.children if g.dep_ == "amod"), None)
        sentence = ctx.sent_of(day)
        start = sentence.start
        while start < day.i and ctx.doc[start].is_space:
            start += 1
        if ordinal is None or day.i - start > 2 or day.right_edge.i + 1 >= len(ctx.doc) \
                or ctx.doc[day.right_edge.i + 1].text != ",":
            continue
        words = cue_words(ctx.lex, "occasion-whole")
        node = next((g for g in day.children if g.dep_.startswith("nmod")
                     and {g.lemma_.lower(), g.lower_} & words and _determined(g)), None)
        if node is None:
            continue
        base = _last_whole(ctx, day.idx, {node.lemma_.lower(), node.lower_} & words, dated=True)
        if base is None or base.date is None:
            continue
        shifted = datetime.date.fromisoformat(base.date.iso) + datetime.timedelta(days=ordinal - 1)
        evidence = ctx.char_span(ctx.doc[start].idx, day.right_edge.idx + len(day.right_edge))
        frames.append((start, DateValue(shifted.isoformat(), "day", evidence, base.date.relative)))
    return frames


def occasion_of(ctx: Context, main: Event | None) -> Event | None:
    """The story's occasion: the main event, or the summit it was held on the sidelines of ("En
    marge du sommet, X s'est entretenu avec Y" told first, the summit's own participants unnamed):
    what came before, what followed and the backdrop are the summit's."""
    if main is None:
        return None
    by_begin = {e.trigger.begin: e for e in ctx.events}
    whole = next((by_begin.get(r.other) for r in main.relations if r.relation == "partOf"
                  and r.other in by_begin), None)
    if whole is not None and whole.event_type in GATHERINGS and whole.status == OCCURRED and _is_whole(ctx, whole):
        return whole
    return main


def add_relation(event: Event, relation: str, other: Event) -> None:
    """Link ``event`` to ``other`` once (never to itself); relations and occasions both add links."""
    if other is event:
        return
    link = EventRelation(relation, other.trigger.begin)
    if all((r.relation, r.other) != (link.relation, link.other) for r in event.relations):
        event.relations.append(link)


def _part_of_any(event: Event) -> bool:
    return any(r.relation == "partOf" for r in event.relations)


def _named_event(ctx: Context, node: Token) -> Event | None:
    """The event whose trigger or later mention is ``node`` ("lors de ce sommet": a mention)."""
    found = ctx.event_at.get(node.i)
    if found is not None and found in ctx.events:
        return found
    return next((e for e in ctx.events if any(m.begin <= node.idx < m.end for m in e.mentions)), None)


def _whole_words(ctx: Context, event: Event) -> set[str]:
    """The lemmas of the event's trigger and mentions that name an occasion holding others."""
    words = cue_words(ctx.lex, "occasion-whole")
    lemmas: set[str] = set()
    for span in (event.trigger, *event.mentions):
        tokens = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand")
        lemmas.update(w for t in tokens or () for w in (t.lemma_.lower(), t.lower_))
    return lemmas & words


def _is_whole(ctx: Context, event: Event) -> bool:
    """A visit, a stay, a summit, a conference: a gathering named by a noun of cue:occasion-whole,
    or one lasting more than a day."""
    if _whole_words(ctx, event):
        return True
    return event.duration is not None and event.duration.iso.endswith("D") and event.duration.iso not in ("P1D",)


def _framed_occasion(ctx: Context, event: Event, token: Token) -> tuple[Event | None, int | None]:
    """The occasion a framing phrase of the event's clause names, and the day within it an
    ordinal gives ("au deuxième jour de sa visite", "dans le cadre du deuxième jour de sa
    visite": one day after its first)."""
    verb = token
    if token.pos_ == "NOUN" and token.dep_ == "obj" and token.head.pos_ == "VERB" \
            and token.head.i not in ctx.event_at:
        verb = token.head  # a light verb: "a eu un tête-à-tête"
    if verb.pos_ != "VERB":
        return None, None
    for c in verb.children:
        if not c.dep_.startswith(("obl", "nmod", "advcl")):
            continue
        lemma = c.lemma_.lower()
        if lemma == "jour":
            nodes = [c]
        elif lemma in DURING_NOUNS:
            nodes = [g for g in c.children if g.dep_.startswith("nmod")]
            if not nodes and lemma == "occasion" and _determined(c, demonstrative_only=True):
                whole = _gathering_just_told(ctx, event, token)  # "a déclaré ... à cette occasion"
                if whole is not None:
                    return whole, None
        elif any(g.dep_ == "case" and g.lower_ in DURING_CASES for g in c.children):
            nodes = [c]
        else:
            continue
        for node in nodes:
            day: int | None = None
            if node.lemma_.lower() == "jour":  # the occasion is the day's complement
                ordinal = next((ordinal_rank(g) for g in node.children if g.dep_ == "amod"), None)
                inner = [g for g in node.children if g.dep_.startswith("nmod")]
                if ordinal is None or not inner:
                    continue
                node, day = inner[0], ordinal - 1
            whole = _occasion_named(ctx, event, node)
            if whole is not None:
                return whole, day
    return None, None


def _determined(node: Token, demonstrative_only: bool = False) -> bool:
    words = DEMONSTRATIVES if demonstrative_only else _BACK_DETERMINERS
    return any(g.dep_ == "det" and g.lower_ in words for g in node.children)


def _occasion_named(ctx: Context, event: Event, node: Token) -> Event | None:
    """The occasion ``node`` names: an event it is a mention of, or, for "son séjour", "ces
    assises" (a noun of cue:occasion-whole naming no event of its own), the last occasion told
    before that the same noun, or else another such noun, names ("En mars 2012, X effectua une
    visite d'État ... Au cours de ce séjour": that visit, not one told paragraphs before)."""
    named = _named_event(ctx, node)
    if named is not None:
        return named if named is not event and named.event_type in GATHERINGS else None
    lemmas = {node.lemma_.lower(), node.lower_} & cue_words(ctx.lex, "occasion-whole")
    prior = cue_words(ctx.lex, "prior")
    if not lemmas or not _determined(node) \
            or any(c.dep_ == "amod" and c.lemma_.lower() in prior for c in node.children):
        return None  # "son séjour précédent": an earlier occasion, not the one told
    return _last_whole(ctx, event.trigger.begin, lemmas)


def _last_whole(ctx: Context, before: int, lemmas: set[str], dated: bool = False) -> Event | None:
    """The last occurred occasion told before offset ``before`` that one of ``lemmas`` names (or
    else any noun of cue:occasion-whole), dated to the day when ``dated``."""
    told = [e for e in ctx.events if e.trigger.begin < before
            and e.event_type in GATHERINGS and e.status == OCCURRED and _whole_words(ctx, e)
            and (not dated or e.date is not None and e.date.precision == "day")]
    same = [e for e in told if lemmas & _whole_words(ctx, e)]
    chosen = same or told
    return max(chosen, key=lambda e: e.trigger.begin) if chosen else None


def _gathering_just_told(ctx: Context, event: Event, token: Token) -> Event | None:
    """The last occurred gathering told before ``token`` in its sentence or the one before."""
    first = window_start(ctx, token, 1).start_char
    told = [e for e in ctx.events if first <= e.trigger.begin < event.trigger.begin and e is not event
            and e.event_type in GATHERINGS and e.status == OCCURRED]
    return max(told, key=lambda e: e.trigger.begin) if told else None


def _span_days(event: Event) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of a gathering dated to the day (its duration in days, else one day)."""
    if event.date is None or event.date.precision != "day":
        return None
    first = datetime.date.fromisoformat(event.date.iso)
    days = 1
    if event.duration is not None and event.duration.iso.startswith("P") and event.duration.iso.endswith("D") \
            and event.duration.iso[1:-1].isdigit():
        days = max(1, int(event.duration.iso[1:-1]))
    return first, first + datetime.timedelta(days=days - 1)


def _within_days(event: Event, whole: Event) -> bool:
    """Is the event undated, or dated inside the whole's days (a month or year that holds them)?"""
    if event.date is None:
        return True
    span = _span_days(whole)
    if span is None:
        return whole.date is not None and event.date.iso == whole.date.iso
    if event.date.precision == "day":
        day = datetime.date.fromisoformat(event.date.iso)
        return span[0] <= day <= span[1]
    return False  # "en juin 2025" told of a visit of 16 November: another time


def _told_back(token: Token) -> bool:
    """Told in the pluperfect ("s'étaient déjà rencontrés"): a look back, not the occasion's news."""
    return pluperfect(token.head if token.pos_ == "NOUN" and token.dep_ == "obj" else token)


def _held_within(ctx: Context, whole: Event) -> None:
    """"Au deuxième jour, le président X a eu un tête-à-tête avec Y ... Les deux pays ont ensuite
    signé quatre accords": a gathering of the occasion's own people, or a signing by them or the
    states they stand for, told after it and within its days, is part of it."""
    people = {p.actor for p in whole.participants} | ({whole.host} if whole.host else set())
    sides = {p.side for p in whole.participants if p.side}
    # a visit told by its own noun: a talk merged with the visit it was held on ("X a reçu Y ... au
    # cours de cette visite") is the talk, and others the guest met are not part of it
    trigger = event_token(ctx, whole)
    visit = bool({trigger.lemma_.lower(), trigger.lower_} & cue_words(ctx.lex, "visit-noun"))
    if len(people) < 2 and not (visit and people):
        return  # a visit whose host is not named still has its guest
    for event in ctx.events:
        if event is whole or event.trigger.begin <= whole.trigger.begin or event.status != OCCURRED \
                or event.event_type not in _PART_TYPES or _part_of_any(event) \
                or any(r.other == whole.trigger.begin for r in event.relations) \
                or any(r.other == event.trigger.begin for r in whole.relations):
            continue
        if not _within_days(event, whole) or _told_back(event_token(ctx, event)):
            continue
        if event.event_type not in GATHERINGS \
                and event_token(ctx, event).lemma_.lower() not in cue_words(ctx.lex, "signing"):
            continue  # "sont convenus de créer un groupe": what they will do, told of their talks
        actors = {p.actor for p in event.participants} | set(event.agents)
        allowed = people if event.event_type in GATHERINGS else people | sides
        if len(actors) >= 2 and (actors <= allowed or visit and _met_on_the_visit(ctx, event, people, sides)):
            add_relation(event, "partOf", whole)
        elif visit and actors & people and event.event_type in GATHERINGS and event_token(ctx, event).pos_ == "VERB" \
                and not any((e := ctx.entities.get(a)) is None or e.kind == "person" for a in actors - people):
            # "Le lendemain, le président namibien a été reçu par le Parlement", "Il a également
            # rencontré des représentants de la communauté": the visitor's own act, during the stay,
            # with hosts the text names as no one in particular
            add_relation(event, "partOf", whole)


def _met_on_the_visit(ctx: Context, event: Event, people: set[str], sides: set[str]) -> bool:
    """"Durant une heure, le chef de l'État s'est entretenu avec le Premier ministre belge": on a
    visit the guest meets others of the host state, named people whose side, when known, is one
    of the visit's; the talk is one of the visit's."""
    if event.event_type not in GATHERINGS:
        return False
    others = [p for p in event.participants if p.actor not in people]
    return len(others) < len(event.participants) and all(
        (entity := ctx.entities.get(p.actor)) is not None and entity.kind == "person"
        and (p.side is None or p.side in sides) for p in others)


def _sidelines_told_on(ctx: Context) -> None:
    """"En marge du sommet, A s'est entretenu avec B. C a pour sa part reçu D": a meeting of other
    people told a sentence or two after the last gathering held on an occasion, with no day or
    place of its own, is held there too."""
    by_begin = {e.trigger.begin: e for e in ctx.events}
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event.event_type != et("meeting") or event.status != OCCURRED or _part_of_any(event) \
                or event.date is not None or event.places:
            continue
        token = event_token(ctx, event)
        if not _told_as_act(ctx, token):
            continue  # "les entretiens porteront sur la question des négociations": a topic, no act
        previous = ctx.sentences_before(ctx.sent_of(token).start, count=2)
        if not previous or _told_back(token):
            continue
        told = [e for e in ctx.events if previous[0].start_char <= e.trigger.begin < event.trigger.begin
                and e.event_type in GATHERINGS and e.status == OCCURRED and e is not event]
        if not told:
            continue
        before = max(told, key=lambda e: e.trigger.begin)  # the last gathering told, a sentence or two back
        mine = {p.actor for p in event.participants} | set(event.agents)
        theirs = {p.actor for p in before.participants} | set(before.agents)
        whole = next((by_begin.get(r.other) for r in before.relations if r.relation == "partOf"), None)
        if whole is not None and whole is not event and _is_whole(ctx, whole) \
                and len(mine) >= 2 and not mine <= theirs:
            add_relation(event, "partOf", whole)


def _told_as_act(ctx: Context, token: Token) -> bool:
    """Is the event told by its clause's verb ("C a reçu D") or by the object of a light verb ("a
    eu un bref échange"), rather than named inside another phrase?"""
    if token.pos_ == "VERB":
        return True
    return token.dep_ == "obj" and token.head.pos_ == "VERB" and token.head.i not in ctx.event_at


def _inherit_days(ctx: Context) -> None:
    """A part with no day of its own took place on its occasion's day, when the occasion lasted
    one day ("lors de ce sommet" of a summit held on Saturday); never from an occasion of several
    days, nor from a visit whose length is not told (which of its days is not said)."""
    by_begin = {e.trigger.begin: e for e in ctx.events}
    for event in ctx.events:
        if event.date is not None or event.status != OCCURRED:
            continue
        for link in event.relations:
            whole = by_begin.get(link.other)
            if link.relation != "partOf" or whole is None:
                continue
            span = _span_days(whole)
            if whole.duration is None and _whole_words(ctx, whole) & cue_words(ctx.lex, "lasting-occasion"):
                break  # a visit dated by its first day, its length untold: which day is not said
            if span is not None and span[0] == span[1] and whole.date is not None:
                event.date = whole.date
                break
