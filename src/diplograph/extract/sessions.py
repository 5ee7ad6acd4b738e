"""Speakers in turn at a session: who speaks in the report of a council session took part in it.

The press release of a council or assembly session ("La séance était présidée par X. ... Le
représentant de l'Algérie a salué ... Pour sa part, la délégation du Royaume-Uni a annoncé ...")
tells nothing but that session: every speaker it reports in turn spoke there. The session is a
gathering named only by a word of reference (cue:back-reference: "séance", "travaux"), told
before as the text's own occasion; the rule holds only when it is the one gathering the text
tells as happening now (a meeting told in the pluperfect is background, one still to come is
elsewhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.incises import is_reporting
from diplograph.extract.kinds import BACKGROUND, GATHERINGS, OCCURRED, cue_words
from diplograph.extract.participants import participant_of
from diplograph.extract.syntax import in_quote
from diplograph.extract.verb_forms import pluperfect

if TYPE_CHECKING:
    from diplograph.model import Event

_KINDS = ("person", "state", "org", "delegation")


def speakers_at_sessions(ctx: Context) -> None:
    """Add the agents of the speech acts a session report tells to that session."""
    session = _the_session(ctx)
    if session is None:
        return
    have = {p.actor for p in session.participants}
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event.event_type in GATHERINGS or event.event_type in BACKGROUND or event.status != OCCURRED:
            continue
        token = event_token(ctx, event)
        if in_quote(ctx, token) or (token.dep_ in ("ccomp", "xcomp", "acl", "acl:relcl", "csubj")
                                    and not is_reporting(ctx, token)):
            continue  # what a speaker reports others said or did is not said at the session
        for actor in event.agents:
            entity = ctx.entities.get(actor)
            if actor in have or entity is None or entity.kind not in _KINDS:
                continue
            session.participants.append(participant_of(ctx, actor, session.sentence))
            have.add(actor)


def _the_session(ctx: Context) -> Event | None:
    """The occurred gathering named by a word of reference, when no other gathering is told as
    happening now in the text."""
    back = cue_words(ctx.lex, "back-reference")
    sessions = [e for e in ctx.events if e.event_type in GATHERINGS and e.status == OCCURRED
                and event_token(ctx, e).lemma_.lower() in back]
    if len(sessions) != 1:
        return None
    others = [e for e in ctx.events if e.event_type in GATHERINGS and e.status == OCCURRED
              and e is not sessions[0] and not pluperfect(event_token(ctx, e))]
    return None if others else sessions[0]


