"""One declaration, one statement: the incise verbs that tell the parts of one speaker's words.

Why: a press declaration is reported verb by verb ("« ... », a déclaré M. X. « ... », a-t-il
ajouté. Le chef de la diplomatie a souligné que ..., avant de préciser que ..."), and each verb
is a trigger. The words were said once, at one occasion, by one speaker: DESIGN.md ("Event
identity") makes that one statement event whose mentions are the verbs, however the speaker is
named in each ("M. X", "le ministre", "il"). A node per verb is a duplicate to every reader who
counts what was said.

Here the joins the grammar of one sentence makes (run beside the same-speaker merge of
:mod:`~diplograph.extract.sentence_joins`): a verb of saying in the infinitive or the gerund, with
no subject of its own ("avant de préciser que", "tout en rappelant que"), goes on with the
statement of the finite verb that governs its sentence (the parser often hangs it on the
reported clause instead); and a speech noun framing a verb of saying ("a lancé X dans son
discours d'ouverture") is where those words were said, the same statement. Statements of one
speaker across sentences are not joined yet: most of the own gold counts them apart
(docs/evaluation.md, round decl).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.event_merge import absorb
from diplograph.extract.kinds import et
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.model import Event

#: The subordinators that make an infinitive or a gerund go on with its governing verb's subject
#: ("avant de préciser", "tout en soulignant", "en ajoutant"): grammar. "après avoir affirmé" (a past
#: infinitive: "avoir" and a past participle) tells an earlier saying of its own and is not folded.
_GOING_ON = frozenset({"avant", "après", "en", "tout"})


def fold_dependent_sayings(ctx: Context) -> None:
    """"X a souligné que ..., avant de préciser que ...": one statement (the infinitive's date and
    tense are those of the words it reports, not of the saying: the governing verb's stay)."""
    statement = et("statement")
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type != statement:
            continue
        token = event_token(ctx, event)
        if not _going_on(token):
            continue
        governing = _governing_statement(ctx, token)
        if governing is None or governing is event or event.agents and set(event.agents) != set(governing.agents):
            continue  # an agent of its own other than the speaker's: someone else's words
        event.date = None  # "avant de préciser que le chantier sera achevé en 2028": 2028 is the chantier's
        event.status = governing.status
        absorb(ctx, governing, event)


def _going_on(token: Token) -> bool:
    """An infinitive or gerund opened by "avant de", "après", "(tout) en", without a subject."""
    if token.pos_ != "VERB" or any(c.dep_.startswith("nsubj") for c in token.children):
        return False
    form = feature(token, "VerbForm")
    marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod", "case")}
    if "Inf" in form:
        return bool(marks & _GOING_ON)
    if "Part" in form and "Pres" in feature(token, "Tense"):
        return bool(marks & {"en", "tout"}) or token.dep_ == "fixed" and token.head.lower_ == "tout"
    return False


def _governing_statement(ctx: Context, token: Token) -> Event | None:
    """The statement whose verb the token hangs under, in its sentence, said by someone."""
    sentence = ctx.sent_of(token)
    node = token
    while node.head.i != node.i and sentence.start <= node.head.i < sentence.end:
        node = node.head
        found = ctx.event_at.get(node.i)
        if found is not None and found in ctx.events and found.event_type == et("statement") and found.agents:
            return found
    return None


#: The prepositions by which a speech noun frames the saying told by its verb ("a lancé X dans son
#: discours d'ouverture", "a déclaré lors de son allocution"): grammar.
_WITHIN = frozenset({"dans", "lors", "pendant", "durant"})


def fold_framing_speeches(ctx: Context) -> None:
    """"« ... », a lancé M. X lundi dans son discours d'ouverture": the speech noun completing a
    verb of saying says where the words were said; one statement, the verb's."""
    statement = et("statement")
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type != statement:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or not token.dep_.startswith("obl") \
                or not any(c.dep_ == "case" and c.lower_ in _WITHIN for c in token.children):
            continue
        saying = ctx.event_at.get(token.head.i)
        # told after its verb only: the statement keeps the verb as its first trigger, where the
        # quotations' speakers are read ("Dans une déclaration à la presse, X a indiqué « ... »" waits)
        if saying is None or saying is event or saying not in ctx.events or saying.event_type != statement \
                or saying.trigger.begin > event.trigger.begin \
                or not saying.agents or event.agents and set(event.agents) != set(saying.agents):
            continue
        absorb(ctx, saying, event)
