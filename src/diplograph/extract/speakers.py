"""Who speaks when the parse gives a speech verb no usable subject.

"..., a indiqué un diplomate européen": an inverted common-noun subject names nobody, so the
people told before the verb are not the speaker. "X a déclaré ... et a qualifié ...": a
coordinated or gerund verb without a subject has the speaker of the verb before it
(:func:`inherit_coordinated_agents`, run over all mentions once they are built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.incises import inverted_noun, is_reporting
from diplograph.extract.kinds import cue_words
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token


def unnamed_inverted_subject(ctx: Context, verb: Token) -> bool:
    """"..., a indiqué un diplomate européen", "..., a dit cette responsable", "..., a annoncé
    mercredi une responsable américaine": the verb's subject stands after it and is a common noun
    naming no actor; the people told before it are not the speaker (the fallback to the actors
    before the verb is for a subject the parse lost)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ == "NOUN"]
    if subjects:
        return not any(_names_someone(ctx, [t.i for t in c.subtree]) for c in subjects)
    if not is_reporting(ctx, verb):
        return False
    noun = inverted_noun(ctx, verb)  # "a annoncé mercredi une responsable": past the time
    if noun is None:
        return False
    if noun.i in ctx.trigger_heads and noun.lemma_.lower() not in cue_words(ctx.lex, "document"):
        # "La ministre X a rejeté les accusations": a noun naming an act is what is rejected; a document
        # that speaks ("..., indique un communiqué de la présidence") is still the inverted subject
        return False
    phrase = []
    for k in range(noun.i, ctx.sent_of(verb).end):
        if ctx.doc[k].is_punct and ctx.doc[k].text not in "-'’":
            break
        phrase.append(k)
    return not _names_someone(ctx, phrase)


def _names_someone(ctx: Context, indices: list[int]) -> bool:
    """Do these tokens name an actor or hold a role phrase ("le porte-parole du Kremlin")?"""
    roles = ctx.hits_of("role")
    return any(ctx.by_token.get(k) or k in ctx.role_person or any(h.start <= k < h.end for h in roles)
               for k in indices)


def inherit_coordinated_agents(ctx: Context) -> None:
    """"X a déclaré ... et a qualifié ...", "tout en précisant": the same speaker.

    When the parse did not give a coordinated or gerund verb its subject, the agents of
    the previous event of the sentence are taken.
    """
    for index, event in enumerate(ctx.events):
        if event.agents:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "VERB" or unnamed_inverted_subject(ctx, token):
            continue
        j = token.i - 1
        while j >= 0 and (ctx.doc[j].pos_ in ("AUX", "ADV") or ctx.doc[j].lower_ == "tout"):
            j -= 1
        gerund = j >= 0 and ctx.doc[j].lower_ == "en" and "Part" in feature(token, "VerbForm")
        if j < 0 or not (ctx.doc[j].lower_ in ("et", ",", "puis") or gerund):
            continue
        for previous in reversed(ctx.events[:index]):
            if previous.sentence.begin != event.sentence.begin:
                break
            if previous.agents:
                event.agents = list(previous.agents)
                break
