"""A light verb and the act its object names are one event: "X a publié une déclaration".

Some light verbs (cue:light-verb: "publier", "réitérer", "exprimer", ...) are triggers of their
own ("publier" reports, "réitérer" states), so "le ministère a publié un communiqué" gave two
events, a media report and a statement, and "a réitéré son appel" a statement and an appeal.
The act is the one the noun names (the communiqué, the appeal); the verb tells who did it, when,
where and whether it happened. So the two are one event: the verb's event takes the act's type,
the noun as a further mention and what the noun's event said (agents, topics, targets, places),
and the noun's event is dropped. The verb carries the event because it carries the tense, the
clause's date and the narration's day. (A participle on the noun, "le communiqué publié mardi",
names no event of its own: :func:`diplograph.extract.descriptive.drop_empty_participles`.)

Gatherings are left alone ("a tenu une réunion" is read by the arguments of the gathering), and
so are agreements: "ont signé la déclaration" is the signing, the text being what they signed
(:func:`diplograph.extract.triggers.find_mentions` drops the noun there). A document that speaks
("indique un communiqué") is folded the same way into the verb it is the subject of.
"""

from __future__ import annotations

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.event_merge import absorb
from diplograph.extract.kinds import GATHERINGS, cue_words, et
from diplograph.extract.syntax import case_of
from diplograph.extract.token_view import feature
from diplograph.model import Event


def fold_light_verbs(ctx: Context) -> None:
    """Fold the event each light verb's object names into the verb's event."""
    light = cue_words(ctx.lex, "light-verb")
    agreement = et("agreement")
    gone: list[Event] = []
    live = {id(e) for e in ctx.events}
    for event in ctx.events:
        if id(event) not in live or event.event_type in GATHERINGS or event.event_type == agreement:
            continue
        verb = event_token(ctx, event)
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in light:
            continue
        # its object; after a day the parser reads it as "obl:mod" or hangs it on the day ("ont publié
        # vendredi une déclaration": "déclaration" an nmod of "vendredi")
        objects = [c for c in verb.children if c.dep_ == "obj"
                   or (c.dep_.startswith("obl") and c.i > verb.i and case_of(c) is None)]
        objects += [n for c in objects if c.dep_.startswith("obl") for n in c.children
                    if n.dep_ == "nmod" and n.i > c.i and case_of(n) is None]
        for noun in objects:
            act = ctx.event_at.get(noun.i)
            if act is None or act is event or id(act) not in live or noun.pos_ != "NOUN" \
                    or act.event_type in GATHERINGS or act.event_type == agreement:
                continue
            _fold(ctx, event, act, noun.i, gone, live)
            break
    gone += _fold_speaking_documents(ctx, live)
    if gone:
        ids = {id(e) for e in gone}
        ctx.events[:] = [e for e in ctx.events if id(e) not in ids]
        for i, e in list(ctx.event_at.items()):
            if id(e) in ids:
                del ctx.event_at[i]


def _fold_speaking_documents(ctx: Context, live: set[int]) -> list[Event]:
    """"..., indique un communiqué de la présidence", "précise le texte": a document (cue:document)
    that is the subject of a verb of saying is that saying, not a second statement beside it. The
    parser often reads the inverted subject of such an incise as the verb's object."""
    documents = cue_words(ctx.lex, "document")
    statement = et("statement")
    gone: list[Event] = []
    for event in ctx.events:
        if id(event) not in live or event.event_type != statement:
            continue
        verb = event_token(ctx, event)
        if verb.pos_ != "VERB":
            continue
        for noun in verb.children:
            act = ctx.event_at.get(noun.i)
            subject = noun.dep_.startswith("nsubj") or (noun.dep_ == "obj" and noun.i > verb.i)  # inverted, read as obj
            if any(c.dep_ == "case" for c in noun.children):
                continue  # "Dans une déclaration à la presse, X a indiqué": a frame the parse made a subject
            if not subject or act is None or act is event or id(act) not in live \
                    or act.event_type != statement or noun.lemma_.lower() not in documents:
                continue
            _fold(ctx, event, act, noun.i, gone, live)
            break
    return gone


def _fold(ctx: Context, event: Event, act: Event, at: int, gone: list[Event], live: set[int]) -> None:
    """``act`` (told by the noun at ``at``) becomes part of ``event`` and is marked gone."""
    _take_over(event, act)
    gone.append(act)
    live.discard(id(act))
    ctx.event_at[at] = event


def _take_over(verb: Event, act: Event) -> None:
    """The verb's event becomes the act the noun names, and keeps what the noun's event said."""
    verb.event_type, verb.event_class = act.event_type, act.event_class
    verb.mentions = sorted([*verb.mentions, act.trigger, *act.mentions], key=lambda s: (s.begin, s.end))
    for field_name in ("agents", "places", "topics", "targets", "according_to"):
        values = getattr(verb, field_name)
        for value in getattr(act, field_name):
            if value not in values:
                values.append(value)
    if verb.date is None:
        verb.date = act.date
    if verb.duration is None:
        verb.duration = act.duration


def fold_act_participles(ctx: Context) -> None:
    """"la signature d'un accord sur la démarcation ..., paraphé par M. X et M. Y": a participle of
    the same kind of act on the noun phrase an act noun heads (up the chain of its complements)
    tells that act again, and who did it: one event, the participle's people taking part.

    Without this, a participle with people of its own (which
    :func:`diplograph.extract.descriptive.drop_empty_participles` keeps) was a second signing."""
    for event in list(ctx.events):
        token = event_token(ctx, event)
        if token.dep_ not in ("acl", "amod") or "Part" not in feature(token, "VerbForm"):
            continue
        noun, steps = token.head, 0
        while noun.pos_ in ("NOUN", "PROPN") and steps < 3:
            act = ctx.event_at.get(noun.i)
            if act is not None and act is not event and act.event_type == event.event_type:
                for agent in event.agents:
                    if agent not in act.agents:
                        act.agents.append(agent)
                absorb(ctx, act, event)
                break
            if noun.dep_ != "nmod" or noun.head.i == noun.i:
                break
            noun, steps = noun.head, steps + 1
