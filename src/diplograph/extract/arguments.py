"""Arguments of one event mention read off the dependency parse.

Which arguments a trigger takes follows French syntax: subject = agent (the speaker, the
host of "recevoir"), objects and "avec"/"entre" complements = participants, "contre" and
the object of "accuser" = target, "par" = agent of a passive; issues named in the clause
give the topic. The place comes from :mod:`diplograph.extract.event_places`, the status and
the time from :mod:`diplograph.extract.event_time`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.event_places import event_places
from diplograph.extract.event_time import attached_time, dated_before, event_status, first_day, told_ahead, told_done
from diplograph.extract.kinds import (
    BACKGROUND,
    COMMITTING,
    GATHERINGS,
    OCCURRED,
    PLANNED,
    WITH_TARGET,
    bound_words,
    cue_words,
    et,
)
from diplograph.extract.patterns import Hit
from diplograph.extract.syntax import (
    AGAINST,
    DURING_CASES,
    DURING_NOUNS,
    ETRE_VERBS,
    LOCATIVE,
    SUBJECT_DEPS,
    WITH,
    actors_of,
    case_of,
    event_token,
    in_quote,
    interrupted_compound,
    is_actor,
    is_passive,
    is_reporting,
    left_actors,
    main_verb_read_as_clause,
    right_actors,
    subjects_of,
    unique,
)
from diplograph.model import DateValue, DurationValue, Event, Participant, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose subject hosts the meeting ("X a reçu Y").
HOST_VERBS = frozenset({"recevoir", "accueillir"})

#: Nouns of the one who hosts a gathering, set beside that person ("X, hôte de la réunion").
HOST_NOUNS = frozenset({"hôte", "hôtesse"})

#: Verbs whose object is the other side of the meeting ("X a réuni Y et Z").
GUEST_VERBS = frozenset({"recevoir", "accueillir", "réunir", "rencontrer"})

#: Verbs whose subject is the agent of their noun object ("X a lancé un appel à ...").
LIGHT_VERBS = frozenset(
    "faire lancer prononcer publier émettre adresser formuler présenter exprimer réitérer renouveler "
    "diffuser signer conclure".split())


#: Verbs whose subject takes part in the gathering their object names ("X a eu un entretien avec
#: Y", "ont tenu une réunion", "ont coprésidé la session", "a effectué une visite").
GATHERING_LIGHT_VERBS = frozenset(
    "avoir tenir mener effectuer coprésider présider conduire entamer poursuivre achever".split())


def build_event(ctx: Context, hit: Hit, token: Token) -> Event | None:
    lex = ctx.lex
    sentence = ctx.sent_of(token)
    sent_tokens = [t for t in sentence if not t.is_space]
    if not sent_tokens:
        return None
    event = Event(
        trigger=ctx.span(hit.head, max(hit.end, hit.head + 1)),
        event_type=hit.iri,
        event_class=lex.event_class(hit.iri),
        status=OCCURRED,
        sentence=ctx.span(sent_tokens[0].i, sent_tokens[-1].i + 1),
    )
    verbal = token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and (
        "Part" in token.morph.get("VerbForm") or token.lemma_.lower() in ETRE_VERBS))  # "sont convenus"
    agents: list[str] = []
    participants: list[str] = []
    invited_by: str | None = None
    companions: list[str] = []
    targets: list[str] = []
    inverted: list[str] = []
    if verbal:
        passive = is_passive(token)
        auxiliary = interrupted_compound(token)  # "M. X a pour sa part salué ..."
        if passive or (token.dep_ in ("acl", "amod") and not main_verb_read_as_clause(ctx, token)
                       and auxiliary is None):
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
                agents += _agent_after(ctx, token)
        else:
            inverted = right_actors(ctx, token) if is_reporting(ctx, token) else []
            unnamed = not inverted and _unnamed_inverted_subject(ctx, token)
            if inverted:
                agents += inverted  # "..., a indiqué la diplomatie turque."
            elif not unnamed:
                for subject in subjects_of(ctx, token):
                    agents += actors_of(ctx, subject)
            if not agents and not unnamed:
                agents += left_actors(ctx, auxiliary or token)
            elif hit.iri in GATHERINGS and len(agents) < 2 and _plural(token):
                # "Le chancelier X et le premier ministre Y ont ...": the parse lost a conjunct
                agents += [a for a in left_actors(ctx, token) if _kind(ctx, a) == "person" and a not in agents]
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
                    participants.extend(objs)
                    if hit.iri in GATHERINGS and c.dep_ == "obj":
                        participants.extend(named_in(ctx, c))  # "a réuni ses homologues X, Y et Z"
                        if c.i in ctx.role_person:
                            participants.extend(_listed_holders(ctx, c))
            elif c.dep_.startswith(("obl", "nmod")) and case in WITH:
                participants += actors_of(ctx, c)
            elif case in AGAINST:
                targets += actors_of(ctx, c)
        companions += _companions(ctx, token)
        if hit.iri in GATHERINGS and token.lemma_.lower() in _channel_verbs(ctx):
            # "a téléphoné dimanche à son homologue russe, X": whom one calls takes part
            participants += [a for c in token.children if case_of(c) in ("à", "au", "aux")
                             for a in actors_of(ctx, c) if _kind(ctx, a) in ("person", "state", "org")]
        if hit.iri in GATHERINGS:
            participants += linear_with(ctx, ctx.doc[hit.end - 1])  # "s'est entretenu par téléphone avec X"
            inviters = _inviters(ctx, token)
            if inviters:  # "À l'invitation de X, Y s'est rendu à Z": X hosts it
                participants += inviters
                invited_by = inviters[0]
    else:
        for c in token.subtree:
            if c.i == token.i:
                continue
            case = case_of(c)
            if case in WITH:
                participants += actors_of(ctx, c, follow_conj=True)
            elif case in ("de", "d'", "du", "des") and c.head.i == token.i and hit.iri in GATHERINGS \
                    and not _city(ctx, c):  # "la rencontre de Bruxelles" says where, not who
                participants += actors_of(ctx, c, follow_conj=True)
            elif case in AGAINST:
                targets += actors_of(ctx, c)
            elif c.dep_ == "amod" and c.head.i == token.i and hit.iri not in GATHERINGS:
                # "certaines propositions américaines": the demonym's state is the agent
                if c.i in ctx.demonym_at:
                    agents.append(ctx.demonym_at[c.i])
        participants += linear_with(ctx, token)
        if hit.iri in GATHERINGS and not participants:
            participants += _with_further(ctx, token)  # "des consultations tenues à X le ... entre A et B"
        verb = token.head
        if token.dep_ == "obj" and verb.pos_ == "VERB" and hit.iri not in GATHERINGS \
                and verb.lemma_ in LIGHT_VERBS:  # "a lancé un appel", "a fait une déclaration"
            agents += [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
        if token.dep_ in ("nsubj",) and hit.iri in GATHERINGS:
            companions += _companions(ctx, verb)
        if token.dep_ == "obj" and verb.pos_ == "VERB" and hit.iri in GATHERINGS \
                and (verb.lemma_ in GATHERING_LIGHT_VERBS or verb.lemma_ in bound_words(lex)) \
                and verb.i not in ctx.trigger_heads:  # "ont tenu / clôturé leur sommet"
            participants += [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
        if hit.iri in GATHERINGS:
            participants += _governing_agents(ctx, token)
            participants += _during_subjects(ctx, token)
            participants += _after_subjects(ctx, token)
            inviters = _inviters(ctx, verb) if token.dep_ == "obj" and verb.pos_ == "VERB" else []
            if inviters:  # "À l'invitation de X, Y a effectué une visite": X hosts it, Y visits
                participants += inviters
                invited_by = inviters[0]
                participants += _invited(ctx, verb, inviters)
            host = _host_beside(ctx, token)
            if host is not None:
                participants.append(host)
    agents = _without_title_states(ctx, unique(agents), sentence)
    participants = _without_title_states(ctx, participants + companions, sentence, agents) \
        if participants or companions else participants
    event.agents = agents
    event.targets = [t for t in unique(targets) if t not in agents]
    if hit.iri in GATHERINGS or hit.iri == et("agreement"):
        if verbal and token.lemma_ in HOST_VERBS and agents:
            event.host = agents[0]
        elif invited_by is not None:
            event.host = invited_by
        elif not verbal and hit.iri in GATHERINGS:
            event.host = _host_beside(ctx, token)
        if verbal and token.lemma_ in GUEST_VERBS and not participants:
            participants = _named_after(ctx, token)  # the parse lost the object: names after the verb
        everyone = unique(agents + participants)
        event.participants = [participant_of(ctx, a, event.sentence) for a in everyone]
    elif participants:
        event.participants = [participant_of(ctx, a, event.sentence) for a in unique(participants)]
    event.places = event_places(ctx, token, hit.iri in GATHERINGS, addressed=hit.iri == et("appeal"))
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
    if hit.iri in GATHERINGS or hit.iri in BACKGROUND:
        duration = attached_time(ctx, token, DurationValue)
        if duration is not None:
            event.duration = duration
        event.date = first_day(token, event.date, event.duration, cue_words(lex, "closing"))
    event.topics = _topics(ctx, token, hit.iri in GATHERINGS)
    event.according_to = _according_to(ctx, token)
    return event



def _unnamed_inverted_subject(ctx: Context, verb: Token) -> bool:
    """"..., a indiqué un diplomate européen", "..., a dit cette responsable", "..., a annoncé
    mercredi une responsable américaine": the verb's subject stands after it and is a common noun
    naming no actor; the people told before it are not the speaker (the fallback to the actors
    before the verb is for a subject the parse lost)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ == "NOUN"]
    if subjects:
        return not any(_names_someone(ctx, [t.i for t in c.subtree]) for c in subjects)
    if not is_reporting(ctx, verb):
        return False
    i, end = verb.i + 1, ctx.sent_of(verb).end
    while i < end and (ctx.doc[i].pos_ == "ADV" or any(t.start <= i < t.end for t in ctx.times)):
        i += 1  # "a annoncé mercredi une responsable": past the time the parse took for the head
    if not (i + 1 < end and ctx.doc[i].pos_ == "DET" and ctx.doc[i + 1].pos_ == "NOUN"):
        return False
    phrase = []
    for k in range(i + 1, end):
        if ctx.doc[k].is_punct and ctx.doc[k].text not in "-'’":
            break
        phrase.append(k)
    return not _names_someone(ctx, phrase)


def _names_someone(ctx: Context, indices: list[int]) -> bool:
    """Do these tokens name an actor or hold a role phrase ("le porte-parole du Kremlin")?"""
    roles = ctx.hits_of("role")
    return any(ctx.by_token.get(k) or k in ctx.role_person or any(h.start <= k < h.end for h in roles)
               for k in indices)


def _listed_holders(ctx: Context, obj: Token) -> list[str]:
    """"a rencontré le ministre des Affaires étrangères de X, M. A, le ministre ... de Y, M. B, et
    le ministre ... de Z, M. C": a list of titled counterparts after the verb, which the parser
    hangs anywhere; every holder of a title up to the end of the clause is met."""
    found: list[str] = []
    end = ctx.sent_of(obj).end
    for k in range(obj.i, end):
        t = ctx.doc[k]
        if t.text in ";:" or (t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm")):
            break
        if k in ctx.role_person:
            found.append(ctx.role_person[k])
    return found


def _without_title_states(ctx: Context, actors: list[str], sentence, also: list[str] = ()) -> list[str]:
    """Drop a state or organisation named only as the complement of a title whose holder is there
    too ("le ministre des Affaires étrangères du Qatar, X, et le secrétaire général de l'ONU, Y, ont
    discuté": X and Y talked, not Qatar and the UN besides them)."""
    present = set(actors) | set(also)
    roles = [h for h in ctx.hits_of("role") if sentence.start <= h.start < sentence.end]

    def in_title(m) -> bool:
        for h in roles:
            holder = ctx.role_person.get(h.head)
            if holder is None or holder not in present or not h.end <= m.start <= h.end + 3:
                continue
            if all(t.pos_ in ("ADP", "DET") for t in ctx.doc[h.end:m.start]):
                return True
        return False

    kept = []
    for actor in actors:
        entity = ctx.entities.get(actor)
        if entity is not None and entity.kind in ("state", "org"):
            mentions = [m for k in range(sentence.start, sentence.end) for m in ctx.by_token.get(k, [])
                        if m.iri == actor and m.start == k]
            if mentions and all(in_title(m) for m in mentions):
                continue
        kept.append(actor)
    return kept


def _inviters(ctx: Context, verb: Token) -> list[str]:
    """"À l'invitation de X" (or "sur l'invitation de X") on a gathering verb: X, who hosts it (the
    first person of the phrase, without what the parser coordinated or apposed to it)."""
    for c in verb.children:
        if c.dep_.startswith("obl") and c.lemma_.lower() == "invitation" and case_of(c) in ("à", "sur"):
            for g in c.children:
                if g.dep_ == "nmod" and case_of(g) in ("de", "du", "d'", "des"):
                    phrase = {t.i for t in g.subtree} - {t.i for x in g.subtree if x.dep_ == "conj"
                                                         for t in x.subtree}
                    named = [m.iri for i in sorted(phrase) for m in ctx.by_token.get(i, [])
                             if m.kind == "person" and m.start == i]
                    return named[:1] or actors_of(ctx, g, follow_conj=False)
    return []


def _invited(ctx: Context, verb: Token, inviters: list[str]) -> list[str]:
    """Who made the visit of "À l'invitation de X, Y a effectué une visite": the subject, or,
    when the long invitation phrase made the parser lose it, the last person other than the
    inviter named before the verb (the subject stands right before it)."""
    found = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
    if any(_kind(ctx, a) == "person" for a in found):
        return found
    named = [m.iri for i in range(ctx.sent_of(verb).start, verb.i) for m in ctx.by_token.get(i, [])
             if m.kind == "person" and m.start == i and m.iri not in inviters]
    return named[-1:] or found


def _city(ctx: Context, token: Token) -> bool:
    """The words name a place that is no state's territory ("Bruxelles", "Lima"), even when the
    gazetteer lets the city stand for an institution."""
    return any(m.place and ctx.lex.territory_state(m.place) is None for m in ctx.by_token.get(token.i, []))


def _plural(verb: Token) -> bool:
    return "Plur" in verb.morph.get("Number") or any(
        "Plur" in c.morph.get("Number") for c in verb.children if c.dep_.startswith("aux"))


def _kind(ctx: Context, actor: str) -> str | None:
    entity = ctx.entities.get(actor)
    return entity.kind if entity is not None else None


#: Prepositions of a short place or time complement that may stand between a verb and "avec".
_PLACE_OR_TIME_CASES = frozenset({"dans", "à", "au", "en", "durant", "pendant"})


def _channel_verbs(ctx: Context) -> frozenset[str]:
    """One-word verbs of the channel vocabulary ("téléphoner"): calling someone is meeting them."""
    return frozenset(p for c in ctx.lex.channels for p in c.phrases if " " not in p and p.endswith("er"))


def linear_with(ctx: Context, token: Token) -> list[str]:
    """Actors right after "avec"/"entre" following a noun, up to the end of the phrase.

    The parser often hangs "entre X et Y" on the wrong word; the words themselves are
    reliable: everything named before the next verb or punctuation takes part.
    """
    doc = ctx.doc
    j = token.i + 1
    timed = {i for t in ctx.times for i in range(t.start, t.end)}
    # "s'est entretenu par téléphone jeudi avec X": adjectives, adverbs and time words come between
    while j < len(doc):
        if (doc[j].pos_ in ("ADJ", "ADV") and doc[j].lower_ not in WITH) or j in timed:
            j += 1  # not "auprès", which the tagger reads as an adverb: "une audience auprès de X"
        elif doc[j].text == "," and j + 1 < len(doc) and (j + 1 in timed or j - 1 in timed):
            j += 1  # "doit s'entretenir, jeudi 19 mars, par téléphone avec X": a date set off by commas
        elif doc[j].lower_ == "par" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            j += 2  # "s'est entretenu ce jour par téléphone avec X": the means comes between
        elif doc[j].lower_ == "en" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            j += 2  # "la rencontre en face à face entre X et Y", "en tête-à-tête avec X": the manner
            while j + 1 < len(doc) and doc[j].lower_ in ("à", "-") and doc[j + 1].pos_ == "NOUN":
                j += 2
        else:
            break
    if j < len(doc) and doc[j].lower_ in _PLACE_OR_TIME_CASES:
        # "s'était entretenu dans la matinée avec X", "à Paris avec X": one short complement of
        # place or time between (not "discuté de la frontière entre X et Y": that is the topic)
        for g in range(j + 1, min(j + 5, len(doc))):
            if doc[g].lower_ == "avec":
                between = doc[j + 1:g]
                if all(t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") and t.i not in ctx.trigger_heads for t in between) \
                        and not any(m.kind == "person" for t in between for m in ctx.by_token.get(t.i, [])):
                    j = g
                break
    if j >= len(doc) or doc[j].lower_ not in WITH:
        return []
    found: list[str] = []
    k = j + 1
    end = ctx.sent_of(token).end
    while k < len(doc) and k < end:
        t = doc[k]
        n = k + 1
        if t.text == ",":  # "avec le Premier ministre, Chef du Gouvernement, M. X": a second title first
            title = max((h.end for h in ctx.hits_of("role") if h.start == n), default=None)
            if title is not None and title < end and doc[title].text == ",":
                n = title + 1
        while t.text == "," and n < end and _honorific(doc[n]):
            n += 1  # "..., M. Samuel Kariuki"
        named = [m for m in ctx.by_token.get(n, []) if m.kind == "person" and m.start == n] \
            if t.text == "," and n < end else []
        if named and not any(m.kind == "person" for i in range(j + 1, k) for m in ctx.by_token.get(i, [])):
            # "avec le Premier ministre islandais, Gunnar Eiriksson": the title's holder, in apposition
            found = [a for a in found if ctx.entities.get(a) is None or ctx.entities[a].kind != "state"]
            found.append(named[0].iri)
            k = named[0].end
            continue
        if t.pos_ in ("VERB", "AUX") or t.text in ",;:.()«»" or t.lower_ in LOCATIVE:
            break
        for m in ctx.by_token.get(k, []):
            if is_actor(m) and m.iri not in found:
                found.append(m.iri)
        k += 1
    return found



def _honorific(token: Token) -> bool:
    from diplograph.extract.name_shapes import is_honorific

    return is_honorific(token)


def _with_further(ctx: Context, token: Token) -> list[str]:
    """"entre"/"avec" a few words after a gathering noun, past a participle phrase.

    The parser hangs "entre les délégations" of "les consultations tenues à Genève le 23
    novembre entre les délégations américaine et ukrainienne" on the date; the words say
    whom the consultations were between, unless a finite verb or another event comes first.
    """
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 16)
    for j in range(token.i + 1, end):
        t = doc[j]
        if (j in ctx.trigger_heads) or t.text in (";", ":", "«", "(") \
                or (t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm")):
            return []
        if t.lower_ in WITH:
            return linear_with(ctx, doc[j - 1])
    return []



def _governing_agents(ctx: Context, token: Token) -> list[str]:
    """"X et Y ont annoncé la poursuite des consultations": X and Y take part in them."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("nmod", "conj", "obj") or node.head.i == node.i:
            return []
        node = node.head
        event = ctx.event_at.get(node.i)
        if event is not None and node.pos_ == "VERB":
            if event.event_type in COMMITTING:
                return list(event.agents)
            return []
    return []



#: "lors d'un entretien", "au cours de la rencontre", "à l'occasion de sa visite": the head word
#: of a phrase that places a clause inside a gathering ("en marge de" does not: a side meeting's
#: people need not be the summit's); "pendant", "durant", and "par" for a gathering the clause is
#: carried on through ("ont fait le point par visioconférence").
_DURING_HEADS = (DURING_NOUNS - {"marge"}) | {"lors", "cadre"}  # "dans le cadre d'une visite"
_DURING_CASES = (DURING_CASES - {"lors"}) | {"par"}


def _framed_verb(frame: Token) -> Token:
    """The verb a framing phrase ("lors de ...", "à l'issue de ...") sets its clause in; the parse
    may hang the phrase on a date before the verb ("Mardi, lors de ...")."""
    verb = frame.head
    for _ in range(2):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _during_subjects(ctx: Context, token: Token) -> list[str]:
    """"Lors d'un entretien téléphonique, X et Y ont échangé ...", "X et Y ont fait le point par
    visioconférence": who acts in a clause set inside (or carried on through) a gathering took part
    in it (the clause's subjects, when they are actors)."""
    node = token
    # "En tête-à-tête samedi à Abidjan, X et Y ont évoqué ...": a bare gathering noun after "en"
    # opening the sentence frames the clause that follows
    fronted_manner = case_of(node) == "en" and not any(c.dep_ == "det" for c in node.children) \
        and ctx.sent_of(node).start >= node.i - 1
    if case_of(node) not in _DURING_CASES and not fronted_manner:
        if node.head.i == node.i or node.head.lower_ not in _DURING_HEADS:
            return []
        node = node.head
    verb = _framed_verb(node)
    if verb.i == node.i or verb.pos_ != "VERB":
        return []
    found = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
    if found and _plural(verb):  # "X et son homologue, Y ont évoqué": the parse may keep one conjunct
        found += [a for a in left_actors(ctx, verb) if a not in found and _kind(ctx, a) == "person"]
    return found or left_actors(ctx, verb)


#: "après l'entretien", "à l'issue de son entretien", "au terme de la rencontre", "à la sortie de
#: la réunion": a clause told as following a gathering.
_AFTER_HEADS = frozenset({"issue", "terme", "sortie"})


def _after_subjects(ctx: Context, token: Token) -> list[str]:
    """"Après un entretien avec son homologue X, le ministre a appelé ...", "À l'issue de son
    entretien avec X, Y a déclaré ...": a gathering told by only one of its sides (a possessive,
    or a partner after "avec") and framed as what came before the clause; the clause's subject is
    the side it leaves out. Without such a gap ("Après la rencontre entre A et B, la Chine a
    réagi"), whoever acts afterwards need not have been there."""
    node = token
    if case_of(node) != "après":
        if node.head.i == node.i or node.head.lower_ not in _AFTER_HEADS:
            return []
        node = node.head
    one_side = any("Yes" in c.morph.get("Poss") for c in token.children if c.dep_ == "det") \
        or any(case_of(c) == "avec" for c in token.children)
    if not one_side or any(case_of(c) == "entre" for c in token.children):
        return []
    verb = _framed_verb(node)
    if verb.i == node.i or verb.pos_ != "VERB" or verb.i < token.i:
        return []  # only a fronted frame: "X a appelé après son entretien avec Y" is read by the verb
    frame = {t.i for t in node.subtree}
    found = [a for s in subjects_of(ctx, verb) if s.i not in frame for a in actors_of(ctx, s)]
    if found:
        return found
    # the parser may take the frame itself for the subject ("À l'issue de ..., X a déclaré"): the
    # actors between the comma that closes the frame and the verb
    comma = next((t.i for t in ctx.doc[token.i:verb.i] if t.text == ","), None)
    if comma is None:
        return []
    return unique([m.iri for k in range(comma + 1, verb.i) for m in ctx.by_token.get(k, [])
                   if m.start == k and m.end <= verb.i and _kind(ctx, m.iri) in ("person", "state")])


def _named_after(ctx: Context, verb: Token) -> list[str]:
    """People, groups and delegations named after a verb, up to the end of its clause."""
    found: list[str] = []
    i = verb.i + 1
    while i < ctx.sent_of(verb).end:
        t = ctx.doc[i]
        if t.text in (";", ":", "«", "“") or (t.pos_ == "VERB" and i > verb.i + 1 and t.dep_ != "acl") \
                or (t.lower_ == "pour" and i + 1 < len(ctx.doc) and ctx.doc[i + 1].pos_ == "VERB"):
            break
        for m in ctx.by_token.get(i, []):
            if m.kind in ("person", "group", "delegation") and m.start == i and m.iri not in found:
                found.append(m.iri)
        i += 1
    return found



def named_in(ctx: Context, token: Token) -> list[str]:
    """People and groups named anywhere in the phrase of ``token`` (outside quotations)."""
    found: list[str] = []
    for t in token.subtree:
        for m in ctx.by_token.get(t.i, []):
            if m.kind in ("person", "group", "delegation") and m.start == t.i and m.iri not in found \
                    and not in_quote(ctx, t):
                found.append(m.iri)
    return found



def participant_of(ctx: Context, actor: str, near: Span | None = None) -> Participant:
    """The actor's part, with as evidence its mention in the event's sentence when there is one."""
    entity = ctx.entities.get(actor)
    role = None
    if entity is not None and entity.roles:
        role = entity.roles[0].role
    side = ctx.sides.get(actor)
    if side is None and entity is not None:
        if entity.kind in ("state", "org"):
            side = actor
        elif entity.affiliation:
            side = entity.affiliation
    evidence = None
    if entity is not None and entity.mentions:
        inside = [m for m in entity.mentions if near is not None and near.begin <= m.begin < near.end]
        evidence = inside[0] if inside else entity.mentions[0]
    return Participant(actor=actor, role=role, side=side, evidence=evidence)



def _companions(ctx: Context, token: Token) -> list[str]:
    """"X, accompagné de Y": Y takes part with X (searched around the clause of ``token``)."""
    found: list[str] = []
    scope = [token, *(c for c in token.children if c.dep_ in SUBJECT_DEPS + ("obj",))]
    for t in scope:
        for c in t.children:
            if c.lemma_ == "accompagner" and c.dep_ in ("acl", "advcl", "conj"):
                for g in c.children:
                    if g.dep_.startswith(("obl", "nmod")) or g.dep_ == "obj":
                        found += actors_of(ctx, g)
    return found



def _agent_after(ctx: Context, token: Token) -> list[str]:
    """"X a été reçu, lundi, par le chef du Gouvernement, Y, indique ...": the "par" phrase right
    after a passive verb is its agent even when the parser hung it on a later verb (commas around
    a date mislead it). Only words of time and punctuation may stand between."""
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 8)
    for k in range(token.i + 1, end):
        word = doc[k]
        if word.lower_ == "par" and word.pos_ == "ADP":
            return actors_of(ctx, word.head) if word.head.i > k else []
        if word.pos_ in ("VERB", "AUX"):
            return []
    return []


def _host_beside(ctx: Context, token: Token) -> str | None:
    """"le Premier ministre albanais, X, hôte de la réunion, a salué ...": the one the host noun
    stands beside (in apposition) hosts the gathering the noun completes."""
    host = token.head
    if token.dep_ != "nmod" or host.lemma_.lower() not in HOST_NOUNS or host.dep_ not in ("appos", "conj"):
        return None
    found = [a for a in actors_of(ctx, host.head, follow_conj=False) if _kind(ctx, a) in ("person", "state", "org")]
    return found[0] if found else None


#: Words between a subject-matter noun and its place: "la situation au Soudan", "des tensions,
#: comme en Arménie", "la sécurité notamment au Sahel".
def _topics(ctx: Context, token: Token, gathering: bool) -> list[str]:
    """Issues named in the trigger's phrase or clause (the whole sentence for meetings)."""
    scope_root = token
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.pos_ == "VERB":
        scope_root = token.head
    # the clause without coordinated clauses: "a exprimé des réserves et accusé X de ..." are two
    skip = {t.i for c in scope_root.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
    inside = {t.i for t in scope_root.subtree} - skip
    topics = [h.iri for h in ctx.hits_of("issue") if h.start in inside]
    if not topics and gathering:
        sentence = ctx.sent_of(token)
        topics = [h.iri for h in ctx.hits_of("issue") if sentence.start <= h.start < sentence.end]
    return unique(topics)



def _according_to(ctx: Context, token: Token) -> list[str]:
    """"selon X" in the sentence: X is the source of what it says."""
    found: list[str] = []
    sentence = ctx.sent_of(token)
    for t in sentence:
        if t.lower_ == "selon" and t.head.i != t.i:
            found += actors_of(ctx, t.head)
    return unique(found)



def inherit_coordinated_agents(ctx: Context) -> None:
    """"X a déclaré ... et a qualifié ...", "tout en précisant": the same speaker.

    When the parse did not give a coordinated or gerund verb its subject, the agents of
    the previous event of the sentence are taken.
    """
    for index, event in enumerate(ctx.events):
        if event.agents:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "VERB" or _unnamed_inverted_subject(ctx, token):
            continue
        j = token.i - 1
        while j >= 0 and (ctx.doc[j].pos_ in ("AUX", "ADV") or ctx.doc[j].lower_ == "tout"):
            j -= 1
        gerund = j >= 0 and ctx.doc[j].lower_ == "en" and "Part" in token.morph.get("VerbForm")
        if j < 0 or not (ctx.doc[j].lower_ in ("et", ",", "puis") or gerund):
            continue
        for previous in reversed(ctx.events[:index]):
            if previous.sentence.begin != event.sentence.begin:
                break
            if previous.agents:
                event.agents = list(previous.agents)
                break
