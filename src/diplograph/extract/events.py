"""Events from trigger words, with their arguments read off the dependency parse.

One event per trigger occurrence (IRIs are keyed by the trigger's begin offset), except
where two triggers describe one happening: a purpose infinitive under another trigger
("a reçu X pour discuter de ...") and a definite reference back to the main meeting
("La réunion, qui a duré ...", "Ces entretiens ...") are merged into the event they
describe, so a document does not grow meetings that have no participants. Which
arguments a trigger takes follows French syntax: subject = agent (the speaker, the
host of "recevoir"), objects and "avec"/"entre" complements = participants, "contre"
and the object of "accuser" = target, "par" = agent of a passive.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context, Mention
from diplograph.extract.dates import time_near
from diplograph.extract.patterns import Hit
from diplograph.model import DateValue, DurationValue, Event, Participant, Span
from diplograph.namespaces import vocab_iri

if TYPE_CHECKING:
    from spacy.tokens import Token

OCCURRED = vocab_iri("event-status", "occurred")
PLANNED = vocab_iri("event-status", "planned")
ANNOUNCED = vocab_iri("event-status", "announced")


def et(slug: str) -> str:
    """IRI of an event type concept."""
    return vocab_iri("event-type", slug)


GATHERINGS = frozenset(et(s) for s in ("meeting", "negotiation", "consultation"))
BACKGROUND = frozenset(et(s) for s in ("resignation", "military-action", "controversy", "media-report"))
#: Events whose agents commit themselves to what the governed noun names ("ont annoncé des consultations").
COMMITTING = frozenset(et(s) for s in ("announcement", "agreement", "proposal"))
WITH_TARGET = frozenset(et(s) for s in ("accusation", "criticism", "warning", "rejection"))
#: Verbs whose subject hosts the meeting ("X a reçu Y").
HOST_VERBS = frozenset({"recevoir", "accueillir"})
#: Verbs whose object is the other side of the meeting ("X a réuni Y et Z").
GUEST_VERBS = frozenset({"recevoir", "accueillir", "réunir", "rencontrer"})
#: Verbs whose subject is the agent of their noun object ("X a lancé un appel à ...").
LIGHT_VERBS = frozenset(
    "faire lancer prononcer publier émettre adresser formuler présenter exprimer réitérer renouveler "
    "diffuser signer conclure".split())
#: Prepositions introducing participants, targets and places.
WITH = frozenset({"avec", "entre", "auprès"})
AGAINST = frozenset({"contre"})
LOCATIVE = frozenset({"à", "au", "aux", "en", "dans"})
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_DEMONSTRATIVE = frozenset({"le", "la", "les", "l'", "ce", "cet", "cette", "ces"})
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles"})
FIRST_PERSON = frozenset({"je", "j'", "moi"})
REFLEXIVE_PRONOUNS = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})
_INVERTED_CLITICS = frozenset({"-t", "-il", "-elle", "-ils", "-elles", "-on", "t", "il", "elle"})
_POSSESSIVE = frozenset({"leur", "leurs", "nos", "notre", "ses", "sa", "son"})
_NEW = frozenset({"nouveau", "nouvelle", "prochain", "autre", "premier", "deuxième", "troisième", "dernier"})
_NEGATION = frozenset({"pas", "jamais", "aucun", "aucune", "sans", "ni"})


def find_events(ctx: Context) -> None:
    """Create events for every trigger hit, then merge duplicates and back-references."""
    heads: dict[int, Hit] = {}
    for hit in ctx.hits_of("event"):
        if hit.head in ctx.heading_tokens:
            continue
        old = heads.get(hit.head)
        if old is None or (hit.end - hit.start) > (old.end - old.start):
            heads[hit.head] = hit
    issue_hits = ctx.hits_of("issue")
    ctx.trigger_heads = set(heads)
    for head in sorted(heads):
        hit = heads[head]
        token = ctx.doc[head]
        in_issue = any(h.start <= hit.start and hit.end <= h.end and (h.end - h.start) > (hit.end - hit.start)
                       for h in issue_hits)
        if in_issue or _skip(ctx, token) or _in_quote(ctx, token):
            continue  # "des demandes politiques et de sécurité" names an issue, not an appeal
        event = _build(ctx, hit, token)
        if event is None:
            continue
        ctx.events.append(event)
        ctx.event_at[head] = event
    _inherit_coordinated_agents(ctx)
    _merge_purposes(ctx)
    _merge_same_statement(ctx)
    _merge_back_references(ctx)
    _merge_descriptions(ctx)
    _drop_empty_participles(ctx)
    _join_main_meeting(ctx)
    _narrative_dates(ctx)


# --------------------------------------------------------------------------- filters

def _skip(ctx: Context, token: Token) -> bool:
    """Negated triggers, sources ("selon les déclarations") and bare adjectives."""
    children = list(token.children)
    if any(c.lower_ in ("ne", "n'") for c in children) and any(c.lower_ in _NEGATION for c in children):
        return True
    if any(c.dep_ == "case" and c.lower_ in ("selon", "sans") for c in children):
        return True
    if token.i > 0 and ctx.doc[token.i - 1].lower_ in ("sans",):
        return True
    return False


# --------------------------------------------------------------------------- building

def _build(ctx: Context, hit: Hit, token: Token) -> Event | None:
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
    verbal = token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm"))
    agents: list[str] = []
    participants: list[str] = []
    companions: list[str] = []
    targets: list[str] = []
    inverted: list[str] = []
    if verbal:
        passive = is_passive(token)
        if passive or token.dep_ in ("acl", "amod"):
            for c in token.children:
                if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case(c) == "par"):
                    agents += actors_of(ctx, c)
                elif c.dep_ == "nsubj:pass" and hit.iri in GATHERINGS:
                    participants += actors_of(ctx, c)  # "X a été reçu par Y": X took part
        else:
            inverted = _right_actors(ctx, token) if _reporting(ctx, token) else []
            if inverted:
                agents += inverted  # "..., a indiqué la diplomatie turque."
            else:
                for subject in _subjects(ctx, token):
                    agents += actors_of(ctx, subject)
            if not agents:
                agents += _left_actors(ctx, token)
        for c in token.children:
            case = _case(c)
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
                        participants.extend(_named_in(ctx, c))  # "a réuni ses homologues X, Y et Z"
            elif c.dep_.startswith(("obl", "nmod")) and case in WITH:
                participants += actors_of(ctx, c)
            elif case in AGAINST:
                targets += actors_of(ctx, c)
        companions += _companions(ctx, token)
        if hit.iri in GATHERINGS:
            participants += _linear_with(ctx, ctx.doc[hit.end - 1])  # "s'est entretenu par téléphone avec X"
    else:
        for c in token.subtree:
            if c.i == token.i:
                continue
            case = _case(c)
            if case in WITH or (case in ("de", "d'", "du", "des") and c.head.i == token.i
                                and hit.iri in GATHERINGS):
                participants += actors_of(ctx, c, follow_conj=True)
            elif case in AGAINST:
                targets += actors_of(ctx, c)
            elif c.dep_ == "amod" and c.head.i == token.i and hit.iri not in GATHERINGS:
                # "certaines propositions américaines": the demonym's state is the agent
                if c.i in ctx.demonym_at:
                    agents.append(ctx.demonym_at[c.i])
        participants += _linear_with(ctx, token)
        if hit.iri in GATHERINGS and not participants:
            participants += _with_further(ctx, token)  # "des consultations tenues à X le ... entre A et B"
        verb = token.head
        if token.dep_ == "obj" and verb.pos_ == "VERB" and hit.iri not in GATHERINGS \
                and verb.lemma_ in LIGHT_VERBS:  # "a lancé un appel", "a fait une déclaration"
            agents += [a for s in _subjects(ctx, verb) for a in actors_of(ctx, s)]
        if token.dep_ in ("nsubj",) and hit.iri in GATHERINGS:
            companions += _companions(ctx, verb)
        if hit.iri in GATHERINGS:
            participants += _governing_agents(ctx, token)
    agents = _unique(agents)
    event.agents = agents
    event.targets = [t for t in _unique(targets) if t not in agents]
    if hit.iri in GATHERINGS or hit.iri == et("agreement"):
        if verbal and token.lemma_ in HOST_VERBS and agents:
            event.host = agents[0]
        if verbal and token.lemma_ in GUEST_VERBS and not participants:
            participants = _named_after(ctx, token)  # the parse lost the object: names after the verb
        everyone = _unique(agents + participants + companions)
        event.participants = [_participant(ctx, a, event.sentence) for a in everyone]
    elif participants or companions:
        event.participants = [_participant(ctx, a, event.sentence) for a in _unique(participants + companions)]
    event.places = _places(ctx, token, hit.iri in GATHERINGS)
    event.status = _status(ctx, token, hit)
    date = _attached_time(ctx, token, DateValue)
    if date is not None:
        event.date = date
        reference = ctx.reference_date
        if event.status == OCCURRED and reference is not None and date.iso > reference.isoformat()[:len(date.iso)]:
            event.status = PLANNED  # dated after the publication: it has not happened yet
    if hit.iri in GATHERINGS or hit.iri in BACKGROUND:
        duration = _attached_time(ctx, token, DurationValue)
        if duration is not None:
            event.duration = duration
    event.topics = _topics(ctx, token, hit.iri in GATHERINGS)
    event.according_to = _according_to(ctx, token)
    return event


def _linear_with(ctx: Context, token: Token) -> list[str]:
    """Actors right after "avec"/"entre" following a noun, up to the end of the phrase.

    The parser often hangs "entre X et Y" on the wrong word; the words themselves are
    reliable: everything named before the next verb or punctuation takes part.
    """
    doc = ctx.doc
    j = token.i + 1
    while j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    if j >= len(doc) or doc[j].lower_ not in WITH:
        return []
    found: list[str] = []
    k = j + 1
    while k < len(doc) and k < ctx.sent_of(token).end:
        t = doc[k]
        if t.pos_ in ("VERB", "AUX") or t.text in ",;:.()«»" or t.lower_ in LOCATIVE:
            break
        for m in ctx.by_token.get(k, []):
            if _is_actor(m) and m.iri not in found:
                found.append(m.iri)
        k += 1
    return found


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
            return _linear_with(ctx, doc[j - 1])
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


def _named_in(ctx: Context, token: Token) -> list[str]:
    """People and groups named anywhere in the phrase of ``token`` (outside quotations)."""
    found: list[str] = []
    for t in token.subtree:
        for m in ctx.by_token.get(t.i, []):
            if m.kind in ("person", "group", "delegation") and m.start == t.i and m.iri not in found \
                    and not _in_quote(ctx, t):
                found.append(m.iri)
    return found


def _participant(ctx: Context, actor: str, near: Span | None = None) -> Participant:
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


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _case(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ in ("case", "mark") and c.i < token.i:
            return c.lower_
    return None


def actors_of(ctx: Context, token: Token, follow_conj: bool = True, depth: int = 0) -> list[str]:
    """Actors named by the phrase headed by ``token`` (names, appositions, coordination)."""
    found: list[str] = []
    if token.lower_ in ("-t", "t") and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ in _PRONOUNS:
        token = ctx.doc[token.i + 1]  # "a-t-elle souligné": the parser may pick the "-t"
    mentions = ctx.by_token.get(token.i, [])
    if token.i in ctx.role_person:
        found.append(ctx.role_person[token.i])  # "la porte-parole du ministère, Maria Zakharova"
    for m in mentions:
        if _is_actor(m) and not found:
            found.append(m.iri)
    if not found:
        for deps in (("appos", "flat:name", "flat"), ("nmod",)):
            for c in token.children:
                if c.dep_ in deps and c.i > token.i:
                    for m in ctx.by_token.get(c.i, []):
                        if _is_actor(m) and (c.dep_ != "nmod" or m.start == c.i or m.described):
                            found.append(m.iri)
                            break
                if found:
                    break
            if found:
                break
    if not found and token.lower_ in _PRONOUNS:
        found += _antecedent(ctx, token)
    if not found and ctx.speaker and is_first_person_subject(ctx, token):
        found.append(ctx.speaker)
    if not found and token.pos_ == "PRON" and "Rel" in token.morph.get("PronType") and depth == 0:
        head = token.head.head if token.head.dep_.startswith("acl") else None
        if head is not None:
            found += actors_of(ctx, head, follow_conj, depth + 1)
            if not found:  # "la position chinoise, qui appelle à ...": the demonym's state
                found += [ctx.demonym_at[c.i] for c in head.children if c.dep_ == "amod" and c.i in ctx.demonym_at]
    if follow_conj and depth < 4:
        for c in token.children:
            if c.dep_ == "conj":
                found += actors_of(ctx, c, True, depth + 1)
    return _unique(found)


def is_subject(ctx: Context, m: Mention) -> bool:
    """The mention is (in apposition to) the subject of its clause."""
    subjects = ("nsubj", "nsubj:pass")
    for i in range(m.start, m.end):
        t = ctx.doc[i]
        if t.dep_ in subjects or (t.dep_ in ("appos", "flat:name") and t.head.dep_ in subjects):
            return True
    return False


def is_first_person_subject(ctx: Context, token: Token) -> bool:
    """"je", or "nous" as a subject, outside quotations: the speaker of a speech or interview."""
    lower = token.lower_
    if lower not in FIRST_PERSON and not (lower == "nous" and token.dep_.startswith("nsubj")):
        return False
    return not _in_quote(ctx, token)


def _in_quote(ctx: Context, token: Token) -> bool:
    return any(b <= token.idx < e for b, e in ctx.quote_ranges)


def _right_actors(ctx: Context, verb: Token) -> list[str]:
    """Inverted subject after a reporting verb: "« ... », prévient d'emblée X"."""
    found: list[str] = []
    doc = ctx.doc
    i = verb.i + 1
    while i < ctx.sent_of(verb).end and i <= verb.i + 4:
        t = doc[i]
        if t.text in ".;:«»" or t.pos_ == "VERB":
            break
        for m in ctx.by_token.get(i, []):
            if m.kind in ("person", "group", "org", "state") and m.start == i:
                return [m.iri]
        if i in ctx.role_person:
            return [ctx.role_person[i]]
        i += 1
    return found


def _is_actor(m: Mention) -> bool:
    return m.kind != "place" or m.iri != m.place


def _antecedent(ctx: Context, token: Token) -> list[str]:
    """"il"/"elle": the latest person that was a subject before, else the latest person named.

    "ils"/"elles" take the latest subject group, state or set of people instead.
    """
    plural = token.lower_.strip("-") in ("ils", "elles")
    kinds = ("group", "state", "org", "delegation") if plural else ("person",)
    earlier = [m for m in ctx.mentions if m.end <= token.i and m.kind in kinds
               and not _in_quote(ctx, ctx.doc[m.start])]
    sentences = [s for s in ctx.sentences if s.end <= ctx.sent_of(token).start and s.text.strip()][-1:]
    window = sentences[0].start if sentences else ctx.sent_of(token).start
    near = [m for m in earlier if m.start >= window]
    if plural:  # "X et Y se sont entretenus. Ils ont réaffirmé ...": the coordinated people
        people = _unique([m.iri for m in ctx.mentions if m.kind == "person" and window <= m.start < token.i
                          and is_subject(ctx, m) and not _in_quote(ctx, ctx.doc[m.start])])
        if len(people) >= 2:
            return people
        # "X et Y se sont entretenus. Ils ont ...": the people of the gathering just told
        told = [e for i, e in ctx.event_at.items() if window <= i < token.i and e in ctx.events
                and e.event_type in GATHERINGS]
        if told:
            last = max(told, key=lambda e: e.trigger.begin)
            people = [p.actor for p in last.participants
                      if (ctx.entities.get(p.actor) is not None and ctx.entities[p.actor].kind == "person")]
            if len(people) >= 2:
                return people
    if near:  # the previous sentence (or this one) names the antecedent: its subject, else the last
        subjects = [m for m in near if is_subject(ctx, m)]
        return [(subjects or near)[-1].iri]
    for m in reversed(earlier):
        if _in_quote(ctx, ctx.doc[m.start]):
            continue
        if is_subject(ctx, m):
            if token.i - m.end < 120:
                return [m.iri]
            break
    return [earlier[-1].iri] if earlier else []


def is_passive(verb: Token) -> bool:
    """Passive voice: "être" + participle, but not a reflexive verb ("je me suis rendue")."""
    if not any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    return not any(c.lower_ in REFLEXIVE_PRONOUNS and c.i < verb.i for c in verb.children)


def _subjects(ctx: Context, verb: Token, depth: int = 0) -> list[Token]:
    """Subject tokens of a verb; a coordinated or controlled verb shares its head's subject."""
    passive = is_passive(verb)
    subjects = [c for c in verb.children
                if (c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass" and not passive)
                    or (c.dep_ == "expl:subj" and c.lower_ in _PRONOUNS))
                and not (_in_quote(ctx, c) and not _in_quote(ctx, verb))]
    if subjects or depth > 3:
        return subjects
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subjects(ctx, verb.head, depth + 1)
    return []


def _reporting(ctx: Context, verb: Token) -> bool:
    """A reporting verb after a comma, subject inverted: "« ... », a déclaré X", "..., a indiqué X"."""
    i = verb.i - 1
    while i > ctx.sent_of(verb).start and (ctx.doc[i].pos_ == "AUX" or ctx.doc[i].lower_ in _INVERTED_CLITICS):
        i -= 1
    if not (i > 0 and ctx.doc[i].text == ","):
        return False
    if ctx.doc[i - 1].text in ("»", '"', "”"):
        return True
    if any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False  # "Le président, Emmanuel Macron, recevra ...": the comma closes an apposition
    # no complement clause after the verb: what follows is its subject
    return not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _left_actors(ctx: Context, verb: Token) -> list[str]:
    """Fallback when the parse lost the subject: actors just before the verb in its clause."""
    found: list[str] = []
    i = verb.i - 1
    sentence_start = ctx.sent_of(verb).start
    # a plural verb ("X, chancelier, et Y, premier ministre, se sont entretenus") has a coordinated
    # subject whose appositions are set off by commas: the commas do not end it
    plural = "Plur" in verb.morph.get("Number") or any(
        "Plur" in c.morph.get("Number") for c in verb.children if c.dep_.startswith("aux"))
    while i >= sentence_start:
        t = ctx.doc[i]
        if t.pos_ == "VERB" or t.text in (";", ":", "«", "»", "”", "“", '"') \
                or (t.text == "," and found and not plural):
            break
        for m in ctx.by_token.get(i, []):
            if _is_actor(m) and m.iri not in found:
                found.insert(0, m.iri)
        i -= 1
    return found


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


def _places(ctx: Context, token: Token, gathering: bool) -> list[str]:
    """Places of the event: locative complements of the trigger (or of its verb)."""
    places: list[str] = []
    if gathering and token.pos_ == "NOUN":  # "le sommet de Vilnius", "le sommet de l'OTAN de Vilnius"
        for c in token.subtree:
            if c.dep_ == "nmod" and _case(c) in ("de", "d'") and (c.head.i == token.i or c.head.head.i == token.i):
                places += [m.place for m in ctx.by_token.get(c.i, []) if m.place and m.place not in places]
    scopes = [token]
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass", "obj"):
        scopes.append(token.head)
    for scope in scopes:
        for c in scope.children:
            if c.lower_ == "y" and c.pos_ in ("PRON", "ADV") and c.i < scope.i:
                place = _place_before(ctx, c)  # "j'y ai rencontré": the place named just before
                if place is not None and place not in places:
                    places.append(place)
                continue
            if not c.dep_.startswith(("obl", "nmod", "advmod")):
                continue
            case = _case(c)
            if c.dep_ == "advmod" and c.lower_ == "y":
                place = _place_before(ctx, c)  # "j'y ai rencontré": the place named just before
                if place is not None and place not in places:
                    places.append(place)
                continue
            if case not in LOCATIVE:
                continue
            for m in ctx.by_token.get(c.i, []):
                if m.place and m.place not in places:
                    places.append(m.place)
    sentence = ctx.sent_of(token)
    if not places:
        fronted = _fronted_place(ctx, sentence)  # "À Kiev, le ministre a accusé ..."
        if fronted is not None:
            places.append(fronted)
    if not places and gathering:
        for m in ctx.mentions:
            if m.place and sentence.start <= m.start < sentence.end and m.start > 0:
                prev = ctx.doc[m.start - 1]
                if prev.lower_ in LOCATIVE or (prev.pos_ == "DET" and m.start > 1
                                               and ctx.doc[m.start - 2].lower_ in LOCATIVE):
                    lo, hi = sorted((token.i, m.start))
                    if any(lo < i < hi and i in ctx.trigger_heads for i in range(lo, hi)):
                        break  # "la visite de X ... après l'entretien de Y à Riyad": the nearer event's
                    if m.place not in places:
                        places.append(m.place)
                    break
    return places


def _place_before(ctx: Context, token: Token) -> str | None:
    """The latest place named before ``token`` in this or the previous sentence."""
    sentences = [s for s in ctx.sentences if s.end <= ctx.sent_of(token).start and s.text.strip()][-1:]
    start = sentences[0].start if sentences else ctx.sent_of(token).start
    found = [m for m in ctx.mentions if m.place and m.iri == m.place and start <= m.start < token.i]
    return found[-1].place if found else None


def _fronted_place(ctx: Context, sentence) -> str | None:
    """A sentence opening on "À X," / "A X," / "Au X," places everything it reports."""
    first = sentence[0]
    while first.is_space and first.i + 1 < sentence.end:
        first = ctx.doc[first.i + 1]
    if first.lower_ not in LOCATIVE and first.text != "A":
        return None
    j = first.i + 1
    while j < sentence.end and ctx.doc[j].pos_ == "DET":
        j += 1
    for m in ctx.by_token.get(j, []):
        if m.place and m.start == j and m.end < sentence.end and ctx.doc[m.end].text == ",":
            return m.place
    return None


def _status(ctx: Context, token: Token, hit: Hit) -> str:
    """Planned/announced from tense, mood and governing cue words; occurred otherwise."""
    words = ctx.vocab.status_words  # type: ignore[attr-defined]
    verb = token
    if token.pos_ != "VERB" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.pos_ == "VERB":
        verb = token.head
    for t in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]:
        if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
            return PLANNED
    for c in token.children:
        if c.dep_ in ("amod", "acl") and c.lemma_.lower() in words and c.i != token.i:
            return words[c.lemma_.lower()]
    current = token
    for _ in range(4):
        if current.dep_ not in ("nsubj", "nsubj:pass", "obj", "xcomp", "nmod", "conj", "ccomp") \
                or current.head.i == current.i:
            break
        head = current.head
        lemma = head.lemma_.lower()
        if lemma in words and head.i != hit.head:
            status = words[lemma]
            if status == ANNOUNCED and head.i in ctx.event_at and token.pos_ == "VERB":
                break
            return status
        current = head
    if token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm") and token.dep_ == "xcomp":
        return PLANNED
    governing = ctx.event_at.get(token.head.i)
    if token.pos_ == "NOUN" and governing is not None and governing.status != OCCURRED:
        return governing.status
    return OCCURRED


def _attached_time(ctx: Context, token: Token, kind: type):
    """The date/duration that depends on this trigger (or its clause), else the nearest one."""
    sentence = ctx.sent_of(token)
    candidates = [t for t in ctx.times
                  if isinstance(t.value, kind) and sentence.start <= t.start < sentence.end
                  and _in_quote(ctx, ctx.doc[t.start]) == _in_quote(ctx, token)]
    if not candidates:
        return None
    triggers = ctx.trigger_heads | {token.i}
    ranked: list[tuple[int, int, object]] = []
    for t in candidates:
        node = ctx.doc[t.start]
        steps = 0
        for _ in range(6):
            if node.i in triggers and node.i != t.start:
                break
            if node.head.i == node.i:
                break
            node = node.head
            steps += 1
        if node.i == token.i:
            ranked.append((steps, t.start, t.value))
        elif node.i in triggers:
            continue
        # attached to a verb that is no trigger: the event closest to it takes the value
        elif (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.i == node.i) \
                or token.head.i == node.i or node.head.i == token.i:
            ranked.append((steps + 10, t.start, t.value))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2]
    best = time_near(ctx, token.i, token.i + 1, kind)
    if best is not None and _in_quote(ctx, ctx.doc[best.start]) != _in_quote(ctx, token):
        best = None
    if best is not None and kind is DateValue:
        # only when no other trigger of the sentence is closer to it
        # every trigger of the sentence, including those whose events are built after this one
        others = [i for i in ctx.trigger_heads if sentence.start <= i < sentence.end and i != token.i]
        if all(abs(i - best.start) > abs(token.i - best.start) for i in others):
            return best.value
    if best is not None and kind is DurationValue:
        return best.value
    return None


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
    return _unique(topics)


def _according_to(ctx: Context, token: Token) -> list[str]:
    """"selon X" in the sentence: X is the source of what it says."""
    found: list[str] = []
    sentence = ctx.sent_of(token)
    for t in sentence:
        if t.lower_ == "selon" and t.head.i != t.i:
            found += actors_of(ctx, t.head)
    return _unique(found)


# --------------------------------------------------------------------------- merging

def _absorb(ctx: Context, keep: Event, gone: Event) -> None:
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
        token = _token(ctx, event)
        if token.pos_ == "NOUN" and event.event_type in GATHERINGS and _case(token) == "pour":
            other = ctx.event_at.get(token.head.i)
            if other is not None and other is not event and other in ctx.events \
                    and other.event_type in GATHERINGS:
                _absorb(ctx, other, event)
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
                    _absorb(ctx, other, event)
                    merged = True
                break
            if head.head.i == head.i:
                break
            head = head.head
        if not merged and event in ctx.events:
            if event.event_type in GATHERINGS:
                event.status = PLANNED  # "je serai à Bruxelles pour rencontrer X"
            else:
                _remove(ctx, event)


def _remove(ctx: Context, event: Event) -> None:
    ctx.events.remove(event)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not event}


def _inherit_coordinated_agents(ctx: Context) -> None:
    """"X a déclaré ... et a qualifié ...", "tout en précisant": the same speaker.

    When the parse did not give a coordinated or gerund verb its subject, the agents of
    the previous event of the sentence are taken.
    """
    for index, event in enumerate(ctx.events):
        if event.agents:
            continue
        token = _token(ctx, event)
        if token.pos_ != "VERB":
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


def _merge_same_statement(ctx: Context) -> None:
    """Several speech verbs of one speaker in one sentence are one statement."""
    statement = et("statement")
    seen: dict[tuple[int, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        if event.event_type != statement or not event.agents:
            continue
        key = (event.sentence.begin, tuple(event.agents))
        if key in seen:
            _absorb(ctx, seen[key], event)
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
        token = _token(ctx, event)
        if event.trigger.begin < main.trigger.begin or event.status != OCCURRED:
            continue
        if event.date is not None and (main.date is None or not main.date.iso.startswith(event.date.iso)) \
                and token.dep_ not in ("nsubj", "nsubj:pass"):
            continue  # "fait suite à la visite ... en décembre dernier": another time, another gathering
        if token.pos_ == "VERB" and not event.agents and _anaphoric_subject(ctx, token) \
                and event.sentence.begin - main.sentence.end < 400:
            _absorb(ctx, main, event)  # "Les deux ministres se sont entretenus pendant trois heures"
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
            _absorb(ctx, target, event)


def _latest_gathering_before(ctx: Context, event: Event) -> Event | None:
    """The occurred gathering told last before ``event`` (within its sentence or the previous one)."""
    sentences = [sent for sent in ctx.source.sentences if sent.end <= event.trigger.begin][-2:]
    start = sentences[0].begin if sentences else event.sentence.begin
    found = [e for e in ctx.events if e is not event and start <= e.trigger.begin < event.trigger.begin
             and e.event_type in GATHERINGS and e.status == OCCURRED]
    return max(found, key=lambda e: e.trigger.begin) if found else None


def _drop_empty_participles(ctx: Context) -> None:
    """A participle or passive with no agent and no participant is no event:
    "plusieurs documents présentés", "des propositions pouvaient être discutées"."""
    for event in list(ctx.events):
        if event.agents or event.participants:
            continue
        token = _token(ctx, event)
        adjectival = token.dep_ in ("acl", "amod") and "Part" in token.morph.get("VerbForm")
        passive = token.pos_ == "VERB" and any(c.dep_ == "aux:pass" for c in token.children)
        if adjectival or passive:
            _remove(ctx, event)


def _anaphoric_subject(ctx: Context, verb: Token) -> bool:
    """"Les deux ministres", "ils", "les dirigeants": a subject that names no one new."""
    for subject in _subjects(ctx, verb):
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
        token = _token(ctx, event)
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
                _absorb(ctx, kept[key], event)
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
            _absorb(ctx, kept[key], event)
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
                target.participants.append(_participant(ctx, person, _sentence_at(ctx, offset)))
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
            companions_of = [a for s in _subjects(ctx, token.head) for a in actors_of(ctx, s) if a in have]
        if not companions_of:
            continue
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                for actor in actors_of(ctx, c):
                    if actor not in have:
                        participant = _participant(ctx, actor, _sentence_at(ctx, token.idx))
                        if participant.side is None:
                            participant.side = ctx.sides.get(companions_of[0])
                        main.participants.append(participant)
                        have.add(actor)


#: A live-blog update starts with the clock time ("09 h 05 –", "14h50 -"): it happened that day.
_CLOCK = re.compile(r"^\s*\d{1,2}\s?h\s?\d{2}\b")
#: Prepositions putting a speech act inside another event ("à l'issue de la réunion", "lors de").
_DURING = frozenset({"issue", "lors", "cours", "marge", "sortie", "terme", "fin", "occasion"})


def _narrative_dates(ctx: Context) -> None:
    """Dates the text gives by narration rather than next to the trigger.

    News narrates forward from the last day it tells: "Mercredi 11 février, X a reçu Y.
    ... X a expliqué ..." puts the explanation on the 11th, and a readout's "ce jour"
    dates every statement of the call. An undated occurred event told in the perfect or
    simple past takes the day of the latest main-clause event before it in its section
    (dates inside a subordinate phrase, "à la suite des consultations tenues le 23
    novembre", are background, not the thread of the story); the pluperfect ("avaient
    discuté") and the imperfect look further back and take nothing. A simple present
    ("je l'accuse ici", "la France demande") is the text's own day (publication or
    dateline). "à l'issue de la réunion" gives the date of that meeting first. In a live
    blog, updates stamped with a clock time happened on the publication day.
    """
    reference = ctx.reference_date
    events = sorted(ctx.events, key=lambda e: e.trigger.begin)
    sections = [(sec.begin, sec.end) for sec in ctx.source.sections] or [(0, len(ctx.text))]
    current: DateValue | None = None
    section_of_current: tuple[int, int] | None = None
    for event in events:
        token = _token(ctx, event)
        section = next(((b, e) for b, e in sections if b <= event.trigger.begin < e), (0, len(ctx.text)))
        if section != section_of_current:
            current, section_of_current = None, section
        main_clause = token.pos_ == "VERB" and (token.dep_ in ("ROOT", "conj", "parataxis")
                                                or token.head.dep_ == "ROOT")
        if event.date is None and event.status == OCCURRED and event.event_type not in BACKGROUND \
                and not _in_quote(ctx, token):
            event.date = _told_date(ctx, event, token, current, reference)
        if main_clause and event.status == OCCURRED and event.date is not None \
                and event.date.precision == "day" and not _in_quote(ctx, token) and _narrated_now(token):
            current = event.date


def _told_date(ctx: Context, event: Event, token: Token, current: DateValue | None, reference) -> DateValue | None:
    """The date narration gives an undated event (see :func:`_narrative_dates`)."""
    during = _during_event(ctx, token)
    if during is not None and during.date is not None:
        return during.date
    if token.pos_ != "VERB" or not _narrated_now(token):
        return None
    if any(c.lower_ == "y" and c.i < token.i for c in token.children):
        there = _gathering_named_before(ctx, token)  # "La réunion ..., le 6 janvier : X y a confirmé ..."
        if there is not None and there.date is not None:
            return there.date
    paragraph = next((p for p in ctx.source.paragraphs if p.begin <= event.trigger.begin < p.end), None)
    if paragraph is not None and reference is not None and _CLOCK.match(ctx.text[paragraph.begin:paragraph.end]):
        return _clock_date(ctx, paragraph, reference)
    if _present(token):
        if reference is None:
            return None
        return DateValue(reference.isoformat(), "day", _now_evidence(ctx, reference), relative=True)
    return current


def _clock_date(ctx: Context, paragraph, reference) -> DateValue:
    """The publication day, evidenced by the clock time that opens a live-blog update."""
    m = _CLOCK.match(ctx.text[paragraph.begin:paragraph.end])
    begin = paragraph.begin + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return DateValue(reference.isoformat(), "day", ctx.char_span(begin, paragraph.begin + m.end()), relative=True)


def _present(verb: Token) -> bool:
    """A simple present with no auxiliary ("je l'accuse", "la France demande")."""
    return "Pres" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood") \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _now_evidence(ctx: Context, reference) -> Span:
    """Where the text's own date is written (its dateline or first mention), else an empty span at 0."""
    for t in sorted(ctx.times, key=lambda t: t.start):
        if isinstance(t.value, DateValue) and t.value.iso == reference.isoformat():
            return t.value.evidence
    return ctx.char_span(0, 0)


def _narrated_now(verb: Token) -> bool:
    """Perfect, simple past or present: not a pluperfect/imperfect looking further back."""
    for t in [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]:
        if "Imp" in t.morph.get("Tense") or "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood"):
            return False
    return "Inf" not in verb.morph.get("VerbForm") and verb.dep_ not in ("acl", "acl:relcl", "amod", "xcomp")


def _gathering_named_before(ctx: Context, token: Token) -> Event | None:
    """The latest gathering told in this sentence or the previous one, before ``token``."""
    sentences = [sent for sent in ctx.sentences if sent.end <= ctx.sent_of(token).start and sent.text.strip()][-1:]
    start = sentences[0].start if sentences else ctx.sent_of(token).start
    found = [e for i, e in ctx.event_at.items() if start <= i < token.i and e in ctx.events
             and e.event_type in GATHERINGS]
    return max(found, key=lambda e: e.trigger.begin) if found else None


def _during_event(ctx: Context, token: Token) -> Event | None:
    """The event named in "à l'issue de / lors de / en marge de <event>" under this trigger."""
    for child in token.subtree:
        if child.i == token.i or child.lower_ not in _DURING:
            continue
        for t in ctx.doc[child.i + 1:min(child.i + 5, len(ctx.doc))]:
            event = ctx.event_at.get(t.i)
            if event is not None and event in ctx.events and t.pos_ == "NOUN":
                return event
    return None


def _token(ctx: Context, event: Event) -> Token:
    span = ctx.doc.char_span(event.trigger.begin, event.trigger.end, alignment_mode="expand")
    return ctx.doc[span.start]


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
