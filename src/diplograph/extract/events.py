"""The event stage: trigger mentions, their arguments, coreference, then narrated dates.

The work is split by idea: :mod:`~diplograph.extract.triggers` finds where the text names
a happening and :mod:`~diplograph.extract.arguments` reads each mention's participants,
place, time, topic and status; :mod:`~diplograph.extract.coreference` folds the mentions
of one real event into one event; :mod:`~diplograph.extract.narration` dates what the
narration dates. This module runs them in order.
"""

from __future__ import annotations

from diplograph.extract.alongside import alongside
from diplograph.extract.attendance import attend_events, drop_absentees, listed_counterparts, stand_ins
from diplograph.extract.channels import find_channels
from diplograph.extract.context import Context
from diplograph.extract.coreference import resolve_events
from diplograph.extract.descriptive import drop_empty_participles
from diplograph.extract.ended_gatherings import people_at_the_end
from diplograph.extract.followed_gatherings import visitors_of_followed
from diplograph.extract.light_verbs import fold_act_participles, fold_light_verbs
from diplograph.extract.listed_states import demonym_states, listed_states
from diplograph.extract.narration import narrative_dates
from diplograph.extract.sessions import speakers_at_sessions
from diplograph.extract.speakers import inherit_coordinated_agents
from diplograph.extract.spouses import drop_spouses
from diplograph.extract.triggers import find_mentions


def find_events(ctx: Context) -> None:
    """Event mentions with their arguments, folded into events, then dated by narration."""
    find_mentions(ctx)
    inherit_coordinated_agents(ctx)
    drop_empty_participles(ctx)  # before coreference: what names no happening is no antecedent
    fold_light_verbs(ctx)  # "a publié une déclaration": one statement, the verb's agents, date and status
    fold_act_participles(ctx)  # "la signature d'un accord ..., paraphé par X": one agreement
    find_channels(ctx)  # before coreference: a phone call is not a later mention of a visit
    resolve_events(ctx)
    attend_events(ctx)  # "X y a pris part": attendees of the one event the gathering became
    people_at_the_end(ctx)  # "ont tenu une conférence de presse, au terme de deux heures d'entretiens"
    visitors_of_followed(ctx)  # "Cet entretien a été suivi d'une audience auprès de X": the visitor's too
    alongside(ctx)  # "a présidé le sommet aux côtés de ses homologues X et Y"
    listed_states(ctx)  # "a réuni les dirigeants de quatre pays : le Bénin, le Ghana et le Togo"
    listed_counterparts(ctx)  # "X s'est entretenu avec :" over list lines naming the counterparts
    speakers_at_sessions(ctx)  # a council session's report: its speakers in turn took part
    drop_absentees(ctx)  # "en l'absence de X", "X n'a pas assisté à la réunion": not participants
    stand_ins(ctx)  # "X s'est fait représenter par Y", "X conduisait la délégation": Y, X took part
    demonym_states(ctx)  # "les chefs d'État ivoirien, ghanéen et togolais se sont réunis": those states
    drop_spouses(ctx)  # "le président X et son épouse, Mme Y": Y is no party to the talks
    narrative_dates(ctx)
