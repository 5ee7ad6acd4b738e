"""What lands on an event once two mentions are known to be one, or people join it.

:func:`absorb` folds one event into another: participants, places, topics, date, duration,
channel and host move over, and the event keeps its first trigger. The same idea covers
people who join the main meeting without a trigger of their own (delegation members,
companions) and trimming an event's places to the most specific ones it names.
"""

from __future__ import annotations

import datetime

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.extract.participants import participant_of
from diplograph.extract.place_agreement import upward_places
from diplograph.extract.same_event import is_person, main_event, opening_and_closing
from diplograph.extract.syntax import actors_of, subjects_of
from diplograph.model import Event, Span


def absorb(ctx: Context, keep: Event, gone: Event) -> None:
    """Move what ``gone`` knows into ``keep`` (same happening)."""
    have = {p.actor for p in keep.participants}
    for p in gone.participants:
        if p.actor not in have:
            keep.participants.append(p)
            have.add(p.actor)
    for field_name in ("places", "topics", "according_to", "targets"):
        values = getattr(keep, field_name)
        for v in getattr(gone, field_name):
            if v not in values:
                values.append(v)
    if keep.date is None or (gone.date is not None and opening_and_closing(ctx, keep, gone)
                             and gone.date.iso < keep.date.iso):
        keep.date = gone.date  # a gathering over several days is dated by its first day
    elif gone.date is not None and len(gone.date.iso) > len(keep.date.iso) and gone.date.iso.startswith(keep.date.iso):
        keep.date = gone.date  # "Sommet de X en 2018 ... qui a lieu le 16 juillet 2018": the day, not the year
    if keep.duration is None:
        keep.duration = gone.duration
    if keep.channel is None:
        keep.channel = gone.channel
    if keep.host is None and gone.host in have:
        keep.host = gone.host  # "X, hôte de la réunion": the host named by a later mention
    spans = {keep.trigger, *keep.mentions, gone.trigger, *gone.mentions}
    first = min(spans)
    keep.trigger = first  # the event keeps the offset of its first trigger
    keep.mentions = sorted(spans - {first})
    ctx.events.remove(gone)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not gone}
    gone_span = ctx.doc.char_span(gone.trigger.begin, gone.trigger.end, alignment_mode="expand")
    ctx.event_at[gone_span.start] = keep


#: Words that may stand between a place and the territory it lies in: "à Niamey, au Niger".
_APPOSED = frozenset({",", "au", "aux", "en", "à", "dans", "le", "la", "l'", "l’"})


def _told_within(ctx: Context) -> dict[str, set[str]]:
    """Places the text puts inside a state's territory by apposition ("à Asunción, au Paraguay",
    "Colonia del Sacramento, en Uruguay"): place -> territories."""
    told: dict[str, set[str]] = {}
    mentions = sorted((m for m in ctx.mentions if m.place), key=lambda m: m.start)
    for before, after in zip(mentions, mentions[1:], strict=False):
        if ctx.lex.territory_state(after.place) is None or before.place == after.place:
            continue
        between = ctx.doc[before.end:after.start]
        if len(between) and between[0].text == "," and all(t.lower_ in _APPOSED for t in between):
            told.setdefault(before.place, set()).add(after.place)
    return told


def most_specific_places(ctx: Context) -> None:
    """An event's places are the most specific ones it names: a state's territory that holds
    another place of the event ("se rendre à Niamey, au Niger"; "à Moscou ... en Russie") goes,
    the city stays. Venues and cities are both kept (a palace may not be known to lie anywhere)."""
    told = _told_within(ctx)
    for event in ctx.events:
        if len(event.places) < 2:
            continue
        inner = {p: upward_places(ctx, p, told) - {p} for p in event.places}
        event.places = [p for p in event.places
                        if ctx.lex.territory_state(p) is None or not any(p in inner[q] for q in event.places if q != p)]


def _sentence_at(ctx: Context, offset: int) -> Span | None:
    return next((s for s in ctx.source.sentences if s.begin <= offset < s.end), None)


def _gathering_before(ctx: Context, offset: int, state: str | None) -> Event | None:
    """The latest occurred gathering before ``offset`` that a delegation of ``state`` can be part of.

    A gathering told in the same sentence comes first: "La première session a réuni la
    délégation X, conduite par A, et la délégation Y, dirigée par B" seats A and B there.
    """
    sentence = _sentence_at(ctx, offset)
    if sentence is not None:
        here = [e for e in ctx.events if e.event_type in GATHERINGS and e.status == OCCURRED
                and sentence.begin <= e.trigger.begin < offset]
        if here:
            return max(here, key=lambda e: e.trigger.begin)
    for event in sorted(ctx.events, key=lambda e: -e.trigger.begin):
        if event.trigger.begin >= offset or event.event_type not in GATHERINGS or event.status != OCCURRED:
            continue
        sides = {p.side for p in event.participants} | {p.actor for p in event.participants}
        if not event.participants or state is None or state in sides:
            return event
    return None


def _first_gathering(ctx: Context) -> Event | None:
    """The first meeting the text tells as held: what an article whose list of all the delegations
    (offset 0) names its people for is about ("Le sommet de X est une réunion ..."), even before any
    participant was found for it, where the main event (the first meeting with participants) may be
    a bilateral talk told later."""
    return next((e for e in sorted(ctx.events, key=lambda e: e.trigger.begin)
                 if e.event_type == et("meeting") and e.status == OCCURRED), None)


def join_main_meeting(ctx: Context) -> None:
    """Members of a delegation and people accompanying a participant join the main meeting.

    "La délégation russe comprenait X, Y et Z" and "W était présent, accompagné de V"
    describe who sat at the main meeting when the sentence has no meeting of its own.
    """
    main = main_event(ctx)
    if main is None:
        return
    for delegation, offset, members in ctx.memberships:
        entity = ctx.entities.get(delegation)
        state = entity.affiliation if entity is not None else None
        target = _gathering_before(ctx, offset, state) or (offset == 0 and _first_gathering(ctx)) or main
        have = {p.actor for p in target.participants}
        for person in members:
            if person not in have:
                target.participants.append(participant_of(ctx, person, _sentence_at(ctx, offset)))
                have.add(person)
    have = {p.actor for p in main.participants}
    accompanying = cue_words(ctx.lex, "accompanying")
    view = ctx.tokens
    for i in view.where_lemma(accompanying):  # the cue's lemmas only, then as written (no lower case)
        token = ctx.doc[i]
        if view.lemma[i] not in accompanying or token.i in ctx.heading_tokens:
            continue
        sentence = ctx.sent_of(token)
        other = [e for i, e in ctx.event_at.items() if sentence.start <= i < sentence.end
                 and e.event_type in GATHERINGS and e is not main]
        if other:
            continue
        companions_of = [a for a in actors_of(ctx, token.head) if a in have] if token.dep_ in ("acl", "advcl") \
            else []
        if not companions_of and token.dep_ == "advcl":
            companions_of = [a for s in subjects_of(ctx, token.head) for a in actors_of(ctx, s) if a in have]
        if not companions_of and token.dep_ == "ROOT":  # "Le Premier ministre X était accompagné de Y et de Z"
            companions_of = [a for c in token.children if c.dep_ == "nsubj:pass" for a in actors_of(ctx, c)
                             if a in have]
        if not companions_of:
            continue
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                # everyone named in the complement: "accompagné de Mme X, Secrétaire d'État, et de M. Y"
                named = [m.iri for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person"
                         and m.start == t.i]
                for actor in dict.fromkeys(actors_of(ctx, c) + named):
                    if actor not in have:
                        participant = participant_of(ctx, actor, _sentence_at(ctx, token.idx))
                        if participant.side is None:
                            participant.side = ctx.sides.get(companions_of[0])
                        main.participants.append(participant)
                        have.add(actor)


def side_talks(ctx: Context) -> None:
    """A report on a gathering of many parties (cue:many-party-gathering, "Le sommet du G7 s'est
    achevé lundi à Évian") tells the talks held on its sidelines without saying so each time:
    an occurred talk between two people or more told after it, with no place of its own and on
    no day away from the summit's (the eve's talk before the opening dinner counts), was held at
    the summit's place. Its people are not thereby made the summit's participants (a side
    meeting's people need not be the summit's: tests/test_extract_articles.py)."""
    many = cue_words(ctx.lex, "many-party-gathering")
    told = sorted((e for e in ctx.events if e.event_type in GATHERINGS), key=lambda e: e.trigger.begin)
    if not told or told[0].status != OCCURRED or not told[0].places \
            or event_token(ctx, told[0]).lemma_.lower() not in many:
        return
    summit = told[0]

    def near(event: Event) -> bool:
        if event.date is None:
            return True
        if summit.date is None or event.date.precision != "day" or summit.date.precision != "day":
            return False
        days = abs((datetime.date.fromisoformat(event.date.iso) - datetime.date.fromisoformat(summit.date.iso)).days)
        return days <= 1

    for event in told[1:]:
        people = [p.actor for p in event.participants if is_person(ctx, p.actor)]
        if event.status == OCCURRED and not event.places and len(people) >= 2 and near(event) \
                and event_token(ctx, event).lemma_.lower() not in many:
            event.places = list(summit.places)
