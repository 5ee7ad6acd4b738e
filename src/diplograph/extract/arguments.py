"""Arguments of one event mention read off the dependency parse.

Which arguments a trigger takes follows French syntax: subject = agent (the speaker, the
host of "recevoir"), objects and "avec"/"entre" complements = participants, "contre" and
the object of "accuser" = target, "par" = agent of a passive; issues named in the clause
give the topic. The place comes from :mod:`diplograph.extract.event_places`, the status and
the time from :mod:`diplograph.extract.event_time`.

This module builds one mention (:func:`build_event`) from the parse. Participants the
parse hangs wrongly are read by :mod:`~diplograph.extract.participants`, people of a clause
a gathering frames by :mod:`~diplograph.extract.clause_frames`, and speakers the parse
gives no subject by :mod:`~diplograph.extract.speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import guest_of, hosted_gathering, invited_to, main_verb_read_as_clause
from diplograph.extract.clause_frames import after_subjects, during_subjects, governing_agents, stay_subjects
from diplograph.extract.context import Context
from diplograph.extract.event_places import event_places
from diplograph.extract.event_time import (
    attached_time,
    dated_before,
    event_status,
    first_day,
    next_years_month,
    range_duration,
    told_ahead,
    told_done,
)
from diplograph.extract.incises import is_reporting
from diplograph.extract.inverted_subjects import right_actors
from diplograph.extract.kinds import BACKGROUND, GATHERINGS, OCCURRED, PLANNED, WITH_TARGET, bound_words, cue_words, et
from diplograph.extract.participants import (
    actor_kind,
    agent_after,
    called_after,
    channel_verbs,
    companions_of,
    counterpart_owner,
    host_beside,
    invited_visitors,
    inviters_of,
    latter_named,
    linear_with,
    listed_after_colon,
    listed_holders,
    listed_names,
    made_in_relative,
    named_after,
    named_in,
    on_visit,
    participant_of,
    plural_verb,
    possessor,
    predicated_visit,
    with_further,
    without_title_states,
)
from diplograph.extract.patterns import Hit
from diplograph.extract.speakers import unnamed_inverted_subject
from diplograph.extract.syntax import (
    AGAINST,
    LOCATIVE,
    WITH,
    actors_of,
    case_of,
    left_actors,
    named_before_aside,
    subjects_of,
    unique,
)
from diplograph.extract.token_view import feature
from diplograph.extract.verb_forms import ETRE_VERBS, interrupted_compound, is_passive
from diplograph.model import DateValue, DurationValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Token


# The words these rules branch on are data (ontology/vocab/cues.ttl, read through cue_words):
# cue:hosting (the subject hosts: "X a reçu Y"), cue:gathering-others (the object is the other
# side: "X a réuni Y et Z"), cue:light-verb ("X a lancé un appel"), cue:series ("une série
# d'entretiens") and cue:gathering-light-verb ("X a eu un entretien avec Y").


def build_event(ctx: Context, hit: Hit, token: Token) -> Event | None:
    lex = ctx.lex
    sentence = ctx.sent_of(token)
    text = ctx.tokens.text  # the sentence's words without a Token each (Token.is_space is str.isspace)
    first = next((i for i in range(sentence.start, sentence.end) if not text[i].isspace()), None)
    if first is None:
        return None
    last = next(i for i in range(sentence.end - 1, first - 1, -1) if not text[i].isspace())
    event = Event(
        trigger=ctx.span(hit.head, max(hit.end, hit.head + 1)),
        event_type=hit.iri,
        event_class=lex.event_class(hit.iri),
        status=OCCURRED,
        sentence=ctx.span(first, last + 1),
    )
    verbal = token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and (
        "Part" in feature(token, "VerbForm") or token.lemma_.lower() in ETRE_VERBS))  # "sont convenus"
    agents: list[str] = []
    participants: list[str] = []
    invited_by: str | None = None
    companions: list[str] = []
    targets: list[str] = []
    inverted: list[str] = []
    if verbal:
        passive = is_passive(token)
        auxiliary = interrupted_compound(token)  # "M. X a pour sa part salué ..."
        # "Accueillis par X, les deux hommes ...": a participle clause with its agent, fronted
        fronted = token.dep_ == "advcl" and "Part" in feature(token, "VerbForm") and auxiliary is None \
            and not any(c.dep_.startswith("aux") for c in token.children) \
            and any(c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par") for c in token.children)
        if passive or fronted or (token.dep_ in ("acl", "amod") and not main_verb_read_as_clause(ctx, token)
                                  and auxiliary is None):
            if fronted and hit.iri in GATHERINGS:  # the ones welcomed are the subject of the main clause
                participants += [a for s in subjects_of(ctx, token.head) for a in actors_of(ctx, s)]
            for c in token.children:
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par"):
                    agents += actors_of(ctx, c)
                elif c.dep_ in ("nsubj:pass", "nsubj") and c.i < token.i and hit.iri in GATHERINGS:
                    participants += actors_of(ctx, c)  # "X a été reçu par Y": X took part
            if not agents and passive and hit.iri in GATHERINGS:
                # "reçu en audience par le Premier ministre, X": the parser hangs the agent on the noun
                for c in token.children:
                    if c.dep_.startswith("obl") and case_of(c) == "en":
                        agents += [a for g in c.children if g.dep_ == "nmod" and case_of(g) == "par"
                                   for a in actors_of(ctx, g)]
            if not agents and passive and hit.iri in GATHERINGS:
                agents += agent_after(ctx, token)
            if passive and hit.iri in GATHERINGS and not participants and _infinitive(token):
                participants += _controller(ctx, token)  # "X s'est dit honoré d'avoir été reçu par Y"
            if passive and hit.iri in GATHERINGS and not set(participants) - set(agents):
                # "Le président X, arrivé mercredi à Paris, sera reçu par Y": the parse hangs the subject
                # on the participle clause before the verb (or makes that participle the main verb)
                clauses = [token.head] if token.dep_ == "advcl" and token.head.i < token.i else \
                    [c for c in token.children if c.dep_ == "advcl" and c.i < token.i]
                participants += [a for v in clauses if "Part" in feature(v, "VerbForm") for s in v.children
                                 if s.dep_ == "nsubj" for a in actors_of(ctx, s)
                                 if actor_kind(ctx, a) == "person" and a not in agents]
            if passive and hit.iri in GATHERINGS and not participants \
                    and not any(c.dep_ in ("nsubj:pass", "nsubj") for c in token.children):
                # "Le ministre X, en visite à Y, a été reçu par Z" read as two clauses: the one
                # received is the person just before the verb
                participants += [a for a in left_actors(ctx, token)
                                 if actor_kind(ctx, a) == "person" and a not in agents]
        else:
            # "« ... », a indiqué X": a reporting incise; never a gathering verb after a comma
            # ("Le sommet, dont ..., rassemble les présidents X et Y": they are its object)
            inverted = right_actors(ctx, token) if hit.iri not in GATHERINGS and is_reporting(ctx, token) else []
            # "X, qui termine son mandat, a réaffirmé l'engagement ...": the name before the aside is
            # the subject; the noun after the verb is its object, not an unnamed inverted subject
            unnamed = not inverted and not named_before_aside(ctx, auxiliary or token) \
                and unnamed_inverted_subject(ctx, token)
            if inverted:
                agents += inverted  # "..., a indiqué la diplomatie turque."
            elif not unnamed:
                for subject in subjects_of(ctx, token):
                    agents += actors_of(ctx, subject)
            if len(agents) == 1 and plural_verb(token):
                agents += _listed_with(ctx, agents[0], token)
            if not agents and not unnamed and token.dep_ in ("advcl", "conj") \
                    and "Pres" in feature(token, "Tense") and "Part" in feature(token, "VerbForm"):
                # "X a indiqué avoir transmis ... de son homologue Y, ajoutant que ...": the present
                # participle's speaker is its main verb's subject, not the last name before it
                main = ctx.event_at.get(token.head.i)
                agents += list(main.agents) if main is not None and main.agents else [
                    a for s in subjects_of(ctx, token.head) for a in actors_of(ctx, s)]
            if not agents and not unnamed:
                agents += left_actors(ctx, auxiliary or token)
            elif hit.iri in GATHERINGS and len(agents) < 2 and plural_verb(token):
                # "Le chancelier X et le premier ministre Y ont ...": the parse lost a conjunct
                agents += [a for a in left_actors(ctx, token) if actor_kind(ctx, a) == "person" and a not in agents]
        for c in token.children:
            case = case_of(c)
            if c.dep_ in ("obj", "iobj") or (c.dep_ == "obl:arg" and case in ("à", "au", "aux")
                                             and hit.iri in WITH_TARGET):
                if inverted and c.dep_ == "obj":
                    continue
                objs = actors_of(ctx, c)
                if hit.iri in WITH_TARGET:
                    targets.extend(objs)
                elif hit.iri in GATHERINGS or hit.iri == et("agreement"):
                    if hit.iri == et("agreement"):  # "une déclaration conjointe sur la Syrie": a topic
                        topics = {a for g in c.children if g.dep_ == "nmod" and case_of(g) == "sur"
                                  for a in actors_of(ctx, g)}
                        objs = [a for a in objs if a not in topics]
                    participants.extend(objs)
                    if hit.iri in GATHERINGS and c.dep_ == "obj":
                        participants.extend(named_in(ctx, c))  # "a réuni ses homologues X, Y et Z"
                        participants.extend(listed_names(ctx, c))  # "les présidents X (A), Y (B) et Z (C)"
                        if c.i in ctx.role_person or c.i in ctx.role_people:  # a plural title's holders too
                            participants.extend(listed_holders(ctx, c))
            elif c.dep_.startswith(("obl", "nmod")) and case in WITH:
                participants += actors_of(ctx, c)
            elif c.dep_.startswith("obl") and case == "chez" and hit.iri in GATHERINGS:
                # "s'est rendu chez Mme X": the one at whose home one goes takes part
                participants += [a for a in actors_of(ctx, c) if actor_kind(ctx, a) == "person"]
            elif case in AGAINST:
                targets += actors_of(ctx, c)
        companions += companions_of(ctx, token)
        if hit.iri in GATHERINGS and token.lemma_.lower() in channel_verbs(ctx):
            # "a téléphoné dimanche à son homologue russe, X": whom one calls takes part
            called = [a for c in token.children if case_of(c) in ("à", "au", "aux")
                      for a in actors_of(ctx, c) if actor_kind(ctx, a) in ("person", "state", "org")]
            if not called and ctx.doc[token.i + 1:token.i + 2].text in ("à", "au", "aux"):
                # "Le 16, X téléphone à Y": a present the tagger read as a noun has no parse of its
                # own; the caller is the actor right before it, the one called right after "à"
                agents += [] if agents else [a for a in left_actors(ctx, token)
                                             if actor_kind(ctx, a) in ("person", "state")]
                called = called_after(ctx, token)
            participants += called
        if hit.iri in GATHERINGS:
            participants += linear_with(ctx, ctx.doc[hit.end - 1])  # "s'est entretenu par téléphone avec X"
            inviters = inviters_of(ctx, token)
            if inviters:  # "À l'invitation de X, Y s'est rendu à Z": X hosts it
                participants += inviters
                invited_by = inviters[0]
    else:
        # "un entretien au cours duquel ils ont fait le point sur la coopération entre X et Y": a
        # relative clause on the gathering noun tells what was said, not who met
        told = {t.i for c in token.subtree if c.dep_ == "acl:relcl" and c.i != token.i for t in c.subtree}
        for c in token.subtree:
            if c.i == token.i or c.i in told:
                continue
            case = case_of(c)
            if case in WITH:
                participants += actors_of(ctx, c, follow_conj=True)
            elif case in ("de", "d'", "du", "des") and c.head.i == token.i and hit.iri in GATHERINGS \
                    and not _city(ctx, c):  # "la rencontre de Bruxelles" says where, not who
                participants += actors_of(ctx, c, follow_conj=True)
            elif case in ("à", "au", "aux") and c.head.i == token.i and hit.iri in GATHERINGS \
                    and c.i > token.i and any(m.kind == "person" for t in c.subtree for m in ctx.by_token.get(t.i, [])):
                # "une visite de courtoisie au secrétaire général X": whom one visits (a person, not a place)
                participants += [a for a in actors_of(ctx, c, follow_conj=True) if actor_kind(ctx, a) == "person"]
            elif case in AGAINST:
                targets += actors_of(ctx, c)
            elif c.dep_ == "amod" and c.head.i == token.i and hit.iri not in GATHERINGS:
                # "certaines propositions américaines": the demonym's state is the agent
                if c.i in ctx.demonym_at:
                    agents.append(ctx.demonym_at[c.i])
        participants += linear_with(ctx, token)
        if hit.iri in GATHERINGS:
            participants += on_visit(ctx, token)  # "X, en visite en Tunisie, a été reçu par Y"
            participants += made_in_relative(ctx, token)  # "la visite qu'effectue X au Royaume"
            participants += latter_named(ctx, token)  # "la visite de ce dernier"
            participants += predicated_visit(ctx, token)  # "X est en visite officielle au Maroc"
            inviter = invited_to(ctx, token)
            if inviter is not None:  # "prêt à inviter X pour une visite à la Maison-Blanche": X would visit
                # the one invited: its object (which the parser may read as "xcomp" after a conjunct)
                participants += [a for c in inviter.children if c.dep_ == "obj"
                                 or (c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN")) for a in actors_of(ctx, c)]
            participants += guest_of(ctx, token)  # "le Premier ministre X, invité au sommet": X attends it
        if hit.iri in GATHERINGS and not participants:
            participants += with_further(ctx, token)  # "des consultations tenues à X le ... entre A et B"
        verb = token.head
        if token.dep_ == "obj" and verb.pos_ == "VERB" and hit.iri not in GATHERINGS \
                and verb.lemma_ in cue_words(lex, "light-verb"):  # "a lancé un appel", "a fait une déclaration"
            agents += [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
        if token.dep_ in ("nsubj",) and hit.iri in GATHERINGS:
            companions += companions_of(ctx, verb)
        carrier = token  # "a mené une série d'entretiens": the series is the light verb's object
        carriers = cue_words(lex, "series") | cue_words(lex, "proceedings")  # "les travaux de la session"
        if token.dep_ == "nmod" and (token.head.lemma_.lower() in carriers or token.head.lower_ in carriers) \
                and case_of(token) in ("de", "d'", "d’"):  # "travaux", whose lemma is "travail"
            carrier = token.head
        light = carrier.head
        if carrier.dep_ == "obj" and light.dep_.startswith("obl") \
                and any(t.start <= light.i < t.end for t in ctx.times):
            light = light.head  # "ont eu vendredi un entretien": the parse hangs the object on the day
        object_like = carrier.dep_ == "obj" or (carrier.dep_.startswith("obl") and carrier.i > light.i
                                                 and case_of(carrier) is None)  # an object read as "obl:mod"
        if not object_like and hit.iri in GATHERINGS:
            across = verb_across_adjuncts(ctx, carrier) or verb_before_incise(ctx, carrier)
            if across is not None:  # "ont eu, le 19 novembre au palais X, des entretiens"
                light, object_like = across, True
        if object_like and hit.iri in GATHERINGS:
            light = infinitive_before(ctx, carrier, light) or light  # "a prévu d'entamer, le 25, une visite"
        if object_like and light.pos_ == "VERB" and hit.iri in GATHERINGS \
                and (light.lemma_ in cue_words(lex, "gathering-light-verb") or light.lemma_ in bound_words(lex)) \
                and light.i not in ctx.trigger_heads:  # "ont tenu / clôturé leur sommet"
            holders = [a for s in subjects_of(ctx, light) for a in actors_of(ctx, s)]
            if len(holders) < 2 and plural_verb(light):  # "X et Y ont démarré leur sommet": a lost conjunct
                holders += [a for a in left_actors(ctx, light) if actor_kind(ctx, a) == "person" and a not in holders]
            participants += holders
            # "a coprésidé avec le Premier ministre X une réunion": the partner told on the verb
            participants += [a for c in light.children if c.dep_.startswith("obl") and case_of(c) in WITH
                             and c.i < carrier.i for a in actors_of(ctx, c)]
        if hit.iri in GATHERINGS:
            participants += governing_agents(ctx, token)
            participants += during_subjects(ctx, token)
            participants += after_subjects(ctx, token)
            participants += stay_subjects(ctx, token)
            participants += listed_after_colon(ctx, token)
            purpose = token.head.head if token.dep_ == "nmod" and token.head.dep_.startswith("obl") else token.head
            if case_of(token) == "pour" and purpose.pos_ == "VERB" and purpose.i != token.i \
                    and any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in token.children):
                # "X et Y ont profité d'une pause pour un bref aparté": the verb's subjects had it
                participants += [a for s in subjects_of(ctx, purpose) for a in actors_of(ctx, s)]
                if is_passive(purpose) and purpose.lemma_.lower() in cue_words(lex, "planned-participle"):
                    # "X est attendu jeudi à Z pour une visite": the one expected comes for it
                    participants += [a for c in purpose.children if c.dep_ == "nsubj:pass" for a in actors_of(ctx, c)]
            inviters = inviters_of(ctx, verb) if token.dep_ == "obj" and verb.pos_ == "VERB" else []
            if inviters:  # "À l'invitation de X, Y a effectué une visite": X hosts it, Y visits
                participants += inviters
                invited_by = inviters[0]
                participants += invited_visitors(ctx, verb, inviters)
            host = host_beside(ctx, token)
            if host is not None:
                participants.append(host)
    if hit.iri in GATHERINGS and token.pos_ == "NOUN" and not companions and not agents:
        if not participants:
            participants += possessor(ctx, token)  # "Il s'agit de sa première visite officielle en Guinée"
        elif any(c.dep_ == "det" and c.lower_ in ("sa", "son") for c in token.children):
            # "sa rencontre, ce lundi à Rabat, avec X", "sa visite à l'invitation de X": the possessor
            # is the other side
            participants += [a for a in possessor(ctx, token) if a not in participants]
        participants += [a for a in counterpart_owner(ctx, token) if a not in participants]
    sites = _hosting_sites(ctx, token, hit) if verbal else []
    if sites:  # "Lima accueille ce jeudi le sommet": the city is where, not who
        agents = [a for a in agents if a not in {m.iri for m in sites}]
        participants = [a for a in participants if a not in {m.iri for m in sites}]
    agents = without_title_states(ctx, unique(agents), sentence)
    participants = without_title_states(ctx, participants + companions, sentence, agents) \
        if participants or companions else participants
    event.agents = agents
    event.targets = [t for t in unique(targets) if t not in agents]
    if hit.iri in GATHERINGS or hit.iri == et("agreement"):
        if verbal and token.lemma_ in cue_words(lex, "hosting") and agents:
            event.host = agents[0]
        elif invited_by is not None:
            event.host = invited_by
        elif not verbal and hit.iri in GATHERINGS:
            event.host = host_beside(ctx, token)
        if verbal and token.lemma_ in cue_words(lex, "gathering-others") and not participants:
            participants = named_after(ctx, token)  # the parse lost the object: names after the verb
        everyone = unique(agents + participants)
        event.participants = [participant_of(ctx, a, event.sentence) for a in everyone]
    elif participants:
        event.participants = [participant_of(ctx, a, event.sentence) for a in unique(participants)]
    event.places = event_places(ctx, token, hit.iri in GATHERINGS, addressed=hit.iri == et("appeal"))
    event.places += [m.place for m in sites if m.place not in event.places]
    event.status = event_status(ctx, token, hit)
    date = attached_time(ctx, token, DateValue)
    reference = ctx.reference_date
    later = date is not None and reference is not None and date.iso > reference.isoformat()[:len(date.iso)]
    if later and event.status == OCCURRED and hit.iri not in GATHERINGS and hit.iri not in BACKGROUND \
            and told_done(token):
        date = None  # "a annoncé la tenue, en septembre, d'une conférence": the date of what is announced
    if date is not None:
        event.date = date
        if event.status == OCCURRED and later:
            event.status = PLANNED  # dated after the publication: it has not happened yet
        elif event.status == PLANNED and hit.iri in GATHERINGS and dated_before(date, reference) \
                and not told_ahead(token):
            # "la réunion organisée lundi", "a évoqué la réunion de lundi", "a organisé une réunion
            # lundi": a cue word of planning governs it, but the day it was held is already past
            event.status = OCCURRED
        if event.status == PLANNED:
            # "le prochain sommet, prévu en février"; not "qui devait se tenir en février dernier"
            event.date = next_years_month(date, reference, cue_words(lex, "prior"))
    if hit.iri in GATHERINGS or hit.iri in BACKGROUND:
        duration = attached_time(ctx, token, DurationValue)
        if duration is not None:
            event.duration = duration
        event.date = first_day(token, event.date, event.duration, cue_words(lex, "closing"))
        if event.duration is None:  # "du 3 au 6 mars": the range's first day is already the date
            event.duration = range_duration(event.date)
    event.topics = _topics(ctx, token, hit.iri in GATHERINGS)
    event.according_to = _according_to(ctx, token)
    return event


def _hosting_sites(ctx: Context, token: Token, hit: Hit) -> list:
    """The place mentions that are the subject of a hosting verb whose object is a gathering ("San
    José accueille ce mercredi le sommet", "Lima, au Pérou, accueille la réunion"): a city there
    says where the gathering is held, even one that elsewhere stands for its state ("Lima a
    proposé"). A person or a state hosting ("le Pérou accueille le sommet") is its host.

    Read off the word order: the parser often makes the city a clause of its own and the
    gathering a modifier of the verb."""
    if hit.iri not in GATHERINGS or hosted_gathering(ctx, token) is None:
        return []
    doc = ctx.doc
    sentence = ctx.sent_of(token)
    k = token.i - 1
    while k > sentence.start and doc[k].pos_ == "AUX":
        k -= 1  # "Buenos Aires a accueilli"
    if k > sentence.start and doc[k].text == ",":
        opening = next((j for j in range(k - 1, sentence.start - 1, -1) if doc[j].text == ","), None)
        if opening is None:
            return []
        if doc[opening + 1].lower_ in LOCATIVE:
            k = opening - 1  # "Lima, au Pérou, accueille": past the place in apposition, to the city
        else:  # "la capitale argentine, Buenos Aires, a accueilli": the city in apposition is the subject
            return _places_in(ctx, opening + 1, k)
    first = k  # the subject phrase right before the verb: "Genève accueille", not "Washington ..., Genève"
    while first > sentence.start and (doc[first - 1].pos_ in ("PROPN", "DET") or doc[first - 1].text in ("'", "’")
                                      or (doc[first - 1].text == "-" and not doc[first - 2].whitespace_)):
        first -= 1  # a hyphen inside a name ("Port-Louis"), not the dash after a dateline
    return _places_in(ctx, first, k + 1)


def _places_in(ctx: Context, start: int, end: int) -> list:
    """Mentions of a city or another place that is no state's territory, starting in ``start..end``."""
    found = [m for i in range(start, end) for m in ctx.by_token.get(i, []) if m.start == i
             and m.place is not None and ctx.lex.territory_state(m.place) is None]
    return [m for n, m in enumerate(found) if m.place not in {f.place for f in found[:n]}]


def _infinitive(token: Token) -> bool:
    """"d'avoir été reçu", "être accueilli": a compound infinitive, its subject left unsaid."""
    return any(c.dep_.startswith("aux") and "Inf" in feature(c, "VerbForm") for c in token.children)


def _controller(ctx: Context, token: Token) -> list[str]:
    """The unsaid subject of an infinitive clause: the subject of the verb it completes, up through
    attributes ("X s'est dit honoré d'avoir été reçu": X)."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "obl:arg") or node.head.i == node.i:
            return []
        node = node.head
        subjects = subjects_of(ctx, node)
        if subjects:  # the first verb with a subject controls it ("des propositions pouvaient être discutées": none)
            return [a for s in subjects for a in actors_of(ctx, s) if actor_kind(ctx, a) == "person"]
    return []


def _listed_with(ctx: Context, person: str, verb: Token) -> list[str]:
    """"les présidents bolivien X, colombien Y et équatorien Z ont adopté": the parser may take the
    first name for the whole subject of the plural verb; the others named with it in the plural role
    phrase just before the verb, in its sentence, are subjects too."""
    sentence = ctx.sent_of(verb)
    for head, people in ctx.role_people.items():
        if person in people and sentence.start <= head < verb.i:
            return [p for p in people if p != person]
    return []


def verb_across_adjuncts(ctx: Context, token: Token) -> Token | None:
    """"Les deux chefs d'État ont eu, le 19 novembre au palais X, des entretiens": the parser hangs
    a noun told after a date (or a place) on that adjunct, as its complement, conjunct or apposition
    ("a mené, à X, en Y, une série d'entretiens"); the verb
    the adjunct hangs on is the noun's verb. Only undetermined-looking attachments ("nmod",
    "conj") without a preposition of their own are repaired, so "la réunion du 4 mars" is not."""
    if token.dep_ not in ("nmod", "conj", "appos") or case_of(token) not in (None, "des"):
        return None  # "des entretiens" may be read as "de" + "les": the only preposition allowed
    timed = ctx.timed_tokens()
    head = token.head
    for _ in range(5):
        if head.pos_ == "VERB":
            return head if head.i < token.i else None
        adjunct = head.i in timed or any(m.kind == "place" or m.place for m in ctx.by_token.get(head.i, [])) \
            or case_of(head) in WITH or _in_named_place(ctx, head) \
            or (head.i == token.head.i and token.dep_ == "conj" and head.dep_ == "obl:mod"
                and not any(c.dep_ == "cc" for c in token.children)
                and not any(t.text == "," for t in ctx.doc[head.i:token.i]))
        # "a coprésidé, avec le Premier ministre X, une réunion"; "devaient avoir dans la foulée un
        # entretien": a conjunct with no "et" and no comma on a circumstance is its verb's object
        if not adjunct or head.head.i == head.i:
            return None
        head = head.head
    return None


def verb_before_incise(ctx: Context, token: Token) -> Token | None:
    """"X a eu, lundi 8 mars, un entretien téléphonique avec Y, indique un communiqué": after a
    day set between commas, the parser makes the gathering noun the subject of the reporting incise
    that follows it. A verb told before the noun, hanging on that incise, with no object of its own
    and nothing but punctuation between its words and the noun's, is the noun's verb."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.i < token.i or verb.pos_ != "VERB" or not is_reporting(ctx, verb):
        return None
    for c in verb.children:
        if c.pos_ == "VERB" and c.i < token.i and c.right_edge.i < token.left_edge.i \
                and not any(d.dep_ == "obj" for d in c.children) \
                and all(t.is_punct for t in ctx.doc[c.right_edge.i + 1:token.left_edge.i]):
            return c
    return None


def infinitive_before(ctx: Context, token: Token, verb: Token) -> Token | None:
    """"X a prévu d'entamer, le 25 janvier prochain, une visite": after a day set between commas,
    the parser hangs the gathering noun on the governing verb as a bare circumstance ("obl" with no
    preposition); the infinitive that verb governs, told before the noun with no object of its own,
    is the noun's verb (its subject, the governing verb's, takes part)."""
    lights = cue_words(ctx.lex, "gathering-light-verb")
    if not token.dep_.startswith("obl") or case_of(token) is not None or verb.pos_ != "VERB" or verb.i > token.i \
            or verb.lemma_ in lights:
        return None
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i < token.i and "Inf" in feature(c, "VerbForm") \
                and c.lemma_ in lights and not any(d.dep_ == "obj" for d in c.children):
            return c
    return None


def _in_named_place(ctx: Context, head: Token) -> bool:
    """"dans la province du Yunnan", "au siège de l'Union africaine": a circumstance of place whose
    noun is no name but is completed by one (a place, or an actor's seat)."""
    return head.dep_.startswith("obl") and case_of(head) in ("dans", "à", "au", "aux", "en") and any(
        c.dep_ == "nmod" and any(m.kind == "place" or m.place for m in ctx.by_token.get(c.i, []))
        for c in head.children)


def _city(ctx: Context, token: Token) -> bool:
    """The words name a place that is no state's territory ("Bruxelles", "Lima"), even when the
    gazetteer lets the city stand for an institution."""
    return any(m.place and ctx.lex.territory_state(m.place) is None for m in ctx.by_token.get(token.i, []))


#: Words between a subject-matter noun and its place: "la situation au Soudan", "des tensions,
#: comme en Arménie", "la sécurité notamment au Sahel".
def _topics(ctx: Context, token: Token, gathering: bool) -> list[str]:
    """Issues named in the trigger's phrase or clause (the whole sentence for meetings)."""
    scope_root = token
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.pos_ == "VERB":
        scope_root = token.head
    # the clause without coordinated clauses: "a exprimé des réserves et accusé X de ..." are two
    issues = ctx.hits_of("issue")
    low, high = scope_root.left_edge.i, scope_root.right_edge.i  # the subtree lies between its edges
    if any(low <= h.start <= high for h in issues):  # else no issue in it (most triggers): no Token per word
        skip = {t.i for c in scope_root.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
        inside = {t.i for t in scope_root.subtree} - skip
        topics = [h.iri for h in issues if h.start in inside]
    else:
        topics = []
    if not topics and gathering:
        sentence = ctx.sent_of(token)
        topics = [h.iri for h in ctx.hits_of("issue") if sentence.start <= h.start < sentence.end]
    return unique(topics)


def _according_to(ctx: Context, token: Token) -> list[str]:
    """"selon X" in the sentence: X is the source of what it says."""
    found: list[str] = []
    sentence = ctx.sent_of(token)
    view = ctx.tokens
    for i in range(sentence.start, sentence.end):  # the view: no Token per word of the sentence
        if view.lower[i] == "selon" and view.head[i] != i:
            found += actors_of(ctx, ctx.doc[view.head[i]])
    return unique(found)
