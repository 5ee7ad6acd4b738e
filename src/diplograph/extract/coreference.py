"""Within-document event coreference: mentions of one happening become one event.

Every trigger gives an event mention; this stage decides which mentions refer to the
same real event and folds them together, so a document does not grow meetings that have
no participants. The folded mention's arguments (participants, places, date, duration,
topics) land on the event it refers to, and the event keeps its first trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.arguments import participant_of
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, OCCURRED, PLANNED, et
from diplograph.extract.syntax import actors_of, case_of, event_token, subjects_of
from diplograph.extract.triggers import drop_empty_participles, remove_event
from diplograph.model import Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSESSIVE = frozenset({"leur", "leurs", "nos", "notre", "ses", "sa", "son"})

_NEW = frozenset({"nouveau", "nouvelle", "prochain", "autre", "premier", "deuxième", "troisième", "dernier"})



def resolve_events(ctx: Context) -> None:
    """Fold the mentions of one happening into one event (``ctx.events`` shrinks)."""
    _merge_purposes(ctx)
    _merge_same_statement(ctx)
    _merge_back_references(ctx)
    _merge_descriptions(ctx)
    drop_empty_participles(ctx)
    _join_main_meeting(ctx)


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
    if keep.date is None:
        keep.date = gone.date
    if keep.duration is None:
        keep.duration = gone.duration
    ctx.events.remove(gone)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not gone}
    gone_span = ctx.doc.char_span(gone.trigger.begin, gone.trigger.end, alignment_mode="expand")
    ctx.event_at[gone_span.start] = keep



def _merge_purposes(ctx: Context) -> None:
    """"a reçu X pour discuter de Y": the infinitive of purpose is the same meeting; any
    other purpose infinitive ("pour parvenir à un accord") is an aim, not a happening.
    "se retrouver à Genève pour une nouvelle réunion": the noun is the same meeting."""
    for event in list(ctx.events):
        token = event_token(ctx, event)
        if token.pos_ == "NOUN" and event.event_type in GATHERINGS and case_of(token) == "pour":
            other = ctx.event_at.get(token.head.i)
            if other is not None and other is not event and other in ctx.events \
                    and other.event_type in GATHERINGS:
                absorb(ctx, other, event)
                continue
        if "Inf" not in token.morph.get("VerbForm"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in token.children):
            continue
        head = token.head
        merged = False
        for _ in range(3):
            other = ctx.event_at.get(head.i)
            if other is not None and other is not event and other in ctx.events:
                if other.event_type in GATHERINGS and event.event_type in GATHERINGS:
                    absorb(ctx, other, event)
                    merged = True
                break
            if head.head.i == head.i:
                break
            head = head.head
        if not merged and event in ctx.events:
            if event.event_type in GATHERINGS:
                event.status = PLANNED  # "je serai à Bruxelles pour rencontrer X"
            else:
                remove_event(ctx, event)



def _merge_same_statement(ctx: Context) -> None:
    """Several speech verbs of one speaker in one sentence are one statement."""
    statement = et("statement")
    seen: dict[tuple[int, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        if event.event_type != statement or not event.agents:
            continue
        key = (event.sentence.begin, tuple(event.agents))
        if key in seen:
            absorb(ctx, seen[key], event)
        else:
            seen[key] = event



def _merge_back_references(ctx: Context) -> None:
    """"La réunion", "ces entretiens": a definite gathering noun with no participants of
    its own, as subject, refers back to the main meeting; its details enrich that one."""
    main = main_event(ctx)
    if main is None:
        return
    main_actors = {p.actor for p in main.participants}
    for event in list(ctx.events):
        if event is main or event.event_type not in GATHERINGS:
            continue
        if event.participants and not {p.actor for p in event.participants} <= main_actors:
            continue
        token = event_token(ctx, event)
        if event.trigger.begin < main.trigger.begin or event.status != OCCURRED:
            continue
        if event.date is not None and (main.date is None or not main.date.iso.startswith(event.date.iso)) \
                and token.dep_ not in ("nsubj", "nsubj:pass"):
            continue  # "fait suite à la visite ... en décembre dernier": another time, another gathering
        if token.pos_ == "VERB" and not event.agents and _anaphoric_subject(ctx, token) \
                and event.sentence.begin - main.sentence.end < 400:
            absorb(ctx, main, event)  # "Les deux ministres se sont entretenus pendant trois heures"
            continue
        if token.pos_ != "NOUN":
            continue
        det = [c for c in token.children if c.dep_ in ("det", "nmod:poss")]
        if not det:
            continue
        word = det[0].lower_
        plural = "Plur" in token.morph.get("Number")
        if any(c.i in ctx.demonym_at for c in token.children if c.dep_ == "amod"):
            continue  # "la médiation turque" describes something of its own
        anaphoric = word in ("ce", "cet", "cette", "ces") or word in _POSSESSIVE \
            or (word in ("le", "la", "l'") and not plural)
        if anaphoric and not any(c.dep_ == "amod" and c.lemma_.lower() in _NEW for c in token.children):
            target = main
            if word in ("ce", "cet", "cette", "ces"):  # a demonstrative points at the gathering just told
                target = _latest_gathering_before(ctx, event) or main
            absorb(ctx, target, event)



def _latest_gathering_before(ctx: Context, event: Event) -> Event | None:
    """The occurred gathering told last before ``event`` (within its sentence or the previous one)."""
    sentences = [sent for sent in ctx.source.sentences if sent.end <= event.trigger.begin][-2:]
    start = sentences[0].begin if sentences else event.sentence.begin
    found = [e for e in ctx.events if e is not event and start <= e.trigger.begin < event.trigger.begin
             and e.event_type in GATHERINGS and e.status == OCCURRED]
    return max(found, key=lambda e: e.trigger.begin) if found else None



def _anaphoric_subject(ctx: Context, verb: Token) -> bool:
    """"Les deux ministres", "ils", "les dirigeants": a subject that names no one new."""
    for subject in subjects_of(ctx, verb):
        if subject.lower_ in ("ils", "elles"):
            return True
        det = [c.lower_ for c in subject.children if c.dep_ in ("det", "nummod")]
        if subject.pos_ == "NOUN" and det[:1] in (["les"], ["ces"]) and not ctx.by_token.get(subject.i):
            return True
    return False



def _merge_descriptions(ctx: Context) -> None:
    """The same proposal described again ("le plan présenté par X", "les propositions
    américaines") is one event; so are repeated mentions of "les pourparlers"."""
    kept: dict[tuple[str, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        token = event_token(ctx, event)
        descriptive = token.pos_ == "NOUN" or (token.dep_ in ("acl", "amod")
                                               and "Part" in token.morph.get("VerbForm"))
        if not descriptive:
            continue
        if event.status != OCCURRED:
            # "la poursuite des consultations ... pour poursuivre les consultations": one plan
            if event.event_type not in GATHERINGS or token.pos_ != "NOUN":
                continue
            key = (event.event_type, ("future",))
            if key in kept and (not event.participants or not kept[key].participants):
                absorb(ctx, kept[key], event)
            else:
                kept.setdefault(key, event)
            continue
        if event.event_type in GATHERINGS:
            if event.participants or event.agents or event.date is not None or not is_process(token):
                continue
            key = (event.event_type, ("process",))
        elif event.event_type == et("proposal") and event.agents:
            key = (event.event_type, tuple(sorted(event.agents)))
        else:
            continue
        if key in kept:
            absorb(ctx, kept[key], event)
        else:
            kept[key] = event



def is_process(token: Token) -> bool:
    """"les pourparlers", "aux discussions": a plural definite noun names the process."""
    if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number"):
        return False
    det = [c for c in token.children if c.dep_ == "det"]
    if det and det[0].lower_ in ("les", "ces"):
        return True
    return any(c.dep_ == "case" and c.lower_ in ("aux", "des") for c in token.children)



def _sentence_at(ctx: Context, offset: int) -> Span | None:
    return next((s for s in ctx.source.sentences if s.begin <= offset < s.end), None)



def _gathering_before(ctx: Context, offset: int, state: str | None) -> Event | None:
    """The latest occurred gathering before ``offset`` that a delegation of ``state`` can be part of."""
    for event in sorted(ctx.events, key=lambda e: -e.trigger.begin):
        if event.trigger.begin >= offset or event.event_type not in GATHERINGS or event.status != OCCURRED:
            continue
        sides = {p.side for p in event.participants} | {p.actor for p in event.participants}
        if not event.participants or state is None or state in sides:
            return event
    return None



def _join_main_meeting(ctx: Context) -> None:
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
        target = _gathering_before(ctx, offset, state) or main
        have = {p.actor for p in target.participants}
        for person in members:
            if person not in have:
                target.participants.append(participant_of(ctx, person, _sentence_at(ctx, offset)))
                have.add(person)
    have = {p.actor for p in main.participants}
    for token in ctx.doc:
        if token.lemma_ != "accompagner" or token.i in ctx.heading_tokens:
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
        if not companions_of:
            continue
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                for actor in actors_of(ctx, c):
                    if actor not in have:
                        participant = participant_of(ctx, actor, _sentence_at(ctx, token.idx))
                        if participant.side is None:
                            participant.side = ctx.sides.get(companions_of[0])
                        main.participants.append(participant)
                        have.add(actor)



def main_event(ctx: Context) -> Event | None:
    """The document's main event: its first occurred meeting (or negotiation) with participants."""
    for types in ((et("meeting"),), (et("meeting"), et("negotiation"))):
        for event in ctx.events:
            if event.event_type in types and event.status == OCCURRED and len(event.participants) >= 2:
                return event
    for event in ctx.events:
        if event.event_type in (et("meeting"), et("negotiation")) and event.status == OCCURRED:
            return event
    return None
