"""Sides: which state each person sat for, from delegations, side phrases and visits.

Roles give most sides; these readings give the rest: members of a delegation ("la délégation
russe comprenait X"), "Côté turc, X", a travelling party ("accompagné de"), and the host
state of a reported visit for people the readout names by a bare office ("la ministre des
Affaires étrangères, X"). They work on people and roles already found, not on titles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.syntax import SUBJECT_DEPS, actors_of, antecedent, subjects_of
from diplograph.extract.token_view import feature
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.model import RoleAssignment

if TYPE_CHECKING:
    from spacy.tokens import Token

# The words of sides are data (ontology/vocab/cues.ttl): cue:membership (a delegation's verbs whose
# objects are its members), cue:leading ("X dirigeait la délégation russe") and
# cue:leading-participle ("la délégation lao, conduite par X", inflected here), cue:side-noun
# ("Côté turc, X"), cue:visit-noun ("en visite officielle en Belgique"), cue:accompanying.


# Nouns of a delegation ("une délégation du Hamas conduite par X"): cue:delegation
# (ontology/vocab/cues.ttl).

_PARTICIPLES: dict[int, frozenset[str]] = {}


def _lead_participles(ctx: Context) -> frozenset[str]:
    """Every form of the participles of leading (cue:leading-participle: "conduit", "conduite",
    "conduits", "conduites"), which the tagger may read as nouns; built once per lexicon."""
    forms = _PARTICIPLES.get(id(ctx.lex))
    if forms is None:
        forms = _PARTICIPLES[id(ctx.lex)] = frozenset(
            f"{stem}{end}" for stem in cue_words(ctx.lex, "leading-participle") for end in ("", "e", "s", "es"))
    return forms


def companion_sides(ctx: Context) -> None:
    """"Il était accompagné de la vice-ministre X et de l'ambassadeur du Vietnam, M. Y": a
    travelling party is one side.

    Why: a readout names its own minister by a bare office ("le ministre des Affaires
    étrangères, M. Z"), and the one state it gives is often a companion's ("l'ambassadeur du
    Vietnam"); the people who travel together serve the same state. When the principal and the
    companions of an "accompagné de" phrase know exactly one side between them, those without
    a side take it. A delegation of compatriots the phrase qualifies by a demonym ("accompagné
    d'une délégation d'entreprises luxembourgeoises") gives that side too, even to a principal alone.
    """
    doc = ctx.doc
    delegations = cue_words(ctx.lex, "delegation")
    for token in lemma_tokens(doc, cue_words(ctx.lex, "accompanying")):
        if "Part" not in feature(token, "VerbForm"):
            continue  # "Y accompagnait X": the parse of the active voice is left alone
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("de", "d'", "par"):
            continue
        # the people named after "accompagné de", up to the next verb (the parser often loses
        # the second "et de ...", so the words are read in order rather than the tree)
        people: list[str] = []
        compatriots: set[str] = set()  # "d'une délégation d'entreprises luxembourgeoises": their state
        delegation = False
        for i in range(token.i + 1, ctx.sent_of(token).end):
            if doc[i].pos_ in ("VERB", "AUX"):
                break
            people += [m.iri for m in ctx.by_token.get(i, []) if m.kind == "person" and m.iri not in people]
            delegation = delegation or doc[i].lemma_.lower() in delegations
            if delegation and i in ctx.demonym_at:
                compatriots.add(ctx.lex.state_of(ctx.demonym_at[i]) or ctx.demonym_at[i])
        if not people and len(compatriots) != 1:
            continue
        principal: list[str] = []
        for subject in [c for c in token.children if c.dep_ in SUBJECT_DEPS] or subjects_of(ctx, token):
            if subject.lower_ in ("il", "elle"):
                principal += antecedent(ctx, subject)
            else:
                principal += [m.iri for m in ctx.by_token.get(subject.i, []) if m.kind == "person"]
        if token.dep_ in ("acl", "advcl") or not principal:
            principal += [m.iri for m in ctx.by_token.get(token.head.i, []) if m.kind == "person"]
        party = [p for p in dict.fromkeys(principal + people) if _is_person(ctx, p)]
        sides = {ctx.sides[p] for p in party if p in ctx.sides} | compatriots
        if len(party) < (1 if compatriots else 2) or len(sides) != 1:
            continue
        side = sides.pop()
        for person in party:
            ctx.sides.setdefault(person, side)


def find_delegations(ctx: Context) -> None:
    """Members of delegations and their side.

    "La délégation russe comprenait X, Y et Z", "la délégation russe était conduite par X,
    la délégation ukrainienne par Y", "X dirigeait la délégation russe".
    """
    doc = ctx.doc
    membership, leading, participles = cue_words(ctx.lex, "membership"), cue_words(ctx.lex, "leading"), \
        _lead_participles(ctx)
    delegations = [m for m in ctx.mentions if m.kind == "delegation"]
    for m in delegations:
        token = doc[m.start]
        verb = token.head
        members: list[str] = []
        after = m.end
        # "la délégation russe était conduite par X", "la délégation cambodgienne, dirigée par X"
        while after < len(doc) and after < m.end + 4 and (doc[after].pos_ in ("AUX", "VERB", "ADV")
                                                          or doc[after].lower_ in participles
                                                          or (doc[after].text == "," and after == m.end)):
            after += 1
        if after < len(doc) and doc[after].lower_ == "par":
            members = [a for a in actors_of(ctx, doc[after + 1], follow_conj=False) if _is_person(ctx, a)] \
                if after + 1 < len(doc) else []
            if not members and after + 2 < len(doc):
                members = [a for a in actors_of(ctx, doc[after + 2], follow_conj=False) if _is_person(ctx, a)]
            if not members:  # "conduite par le vice-ministre des Affaires étrangères X": the title first
                for i in range(after + 1, min(ctx.sent_of(token).end, after + 12)):
                    if doc[i].text in (",", ";", ":") or doc[i].pos_ in ("VERB", "AUX"):
                        break
                    found = [m.iri for m in ctx.by_token.get(i, []) if m.kind == "person" and not m.described]
                    if found:
                        members = found[:1]
                        break
            state = ctx.entities[m.iri].affiliation
            members = [_leader_of_side(ctx, leader, state) for leader in members]
            members = [leader for leader in members if leader is not None]
            # "La délégation ghanéenne, conduite par le ministre, comprenait également X et Y": the
            # leader, then the members the verb of the sentence lists
            if token.dep_ in ("nsubj", "nsubj:pass") and verb.lemma_ in membership:
                members += [a for a in _listed_members(ctx, verb, token, delegations) if a not in members]
        elif (composed := next((c for c in token.children if c.dep_.startswith("acl") and c.i > token.i
                                and c.lemma_ in membership), None)) is not None \
                or ((token.dep_ in ("nsubj", "nsubj:pass") or _topic(token)) and verb.lemma_ in membership):
            # "une délégation togolaise composée du ministre X et de Y": the participle's list
            verb = composed or verb
            # "Quant à la délégation française, elle était constituée de X, de Y": the topic is the subject
            members += [a for a in _listed_members(ctx, verb, token, delegations) if a not in members]
        elif token.dep_ == "nsubj:pass" and verb.lemma_ in leading:
            # "La délégation malienne aux travaux du sommet a été conduite par le Premier ministre, X"
            members = [a for c in verb.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)
                       if _is_person(ctx, a)]
        elif token.dep_ == "obj" and verb.lemma_ in leading:
            members = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s) if _is_person(ctx, a)]
        if not members:
            continue
        state = ctx.entities[m.iri].affiliation
        ctx.memberships.append((m.iri, m.span.begin, members))
        for person in members:
            if state:
                ctx.sides[person] = state


def _listed_members(ctx: Context, verb: Token, token: Token, delegations: list) -> list[str]:
    """The people a delegation's verb of membership lists, up to the next delegation of its sentence."""
    doc = ctx.doc
    stop = ctx.sent_of(token).end
    for other in delegations:
        if verb.i < other.start < stop:
            stop = other.start
    members: list[str] = []
    for other in ctx.mentions:
        if other.kind == "person" and verb.i < other.start < stop and other.iri not in members \
                and not (doc[other.start].dep_ == "nmod" and other.start > verb.i + 1
                         and doc[other.start - 1].lower_ in ("du", "de")):
            members.append(other.iri)
    return members


def _leader_of_side(ctx: Context, leader: str, state: str | None) -> str | None:
    """Who "la délégation ghanéenne, conduite par le ministre" means by a bare office.

    Why: "le ministre" is resolved to the last minister told, often the host who received the
    delegation, on the other side. A leader the text already put on another side than the
    delegation's stands for the one person holding the same office on the delegation's side (none
    when there is no such person: the side the text gave is not overwritten)."""
    lex = ctx.lex
    side = lex.state_of(ctx.sides.get(leader))
    if state is None or side is None or side == lex.state_of(state):
        return leader
    entity = ctx.entities.get(leader)
    offices = {r.role for r in entity.roles} if entity is not None else set()
    holders = [e.iri for e in ctx.entities.values() if e.kind == "person" and e.iri != leader
               and lex.state_of(ctx.sides.get(e.iri)) == lex.state_of(state)
               and any(lex.narrower_or_same(r.role, o) or lex.narrower_or_same(o, r.role)
                       for r in e.roles for o in offices)]
    return holders[0] if len(holders) == 1 else None


def _topic(token: Token) -> bool:
    """The noun is a topic fronted by "quant à" on its verb ("Quant à la délégation X, elle ...")."""
    return token.dep_.startswith("obl") and token.i < token.head.i \
        and any(c.lower_ == "quant" for c in token.children)


def named_delegations(ctx: Context) -> None:
    """"une délégation du Hamas conduite par X", "la délégation de l'Union africaine, dirigée par Y":
    who leads a delegation of a body or state named in full (no demonym) is on its side."""
    doc = ctx.doc
    leading, participles = cue_words(ctx.lex, "leading"), _lead_participles(ctx)
    for token in lemma_tokens(doc, cue_words(ctx.lex, "delegation")):
        bodies = [m.iri for c in token.children if c.dep_ == "nmod" and c.i > token.i
                  for m in ctx.by_token.get(c.i, []) if m.kind in ("org", "state") and m.start == c.i]
        if not bodies:
            continue
        for verb in token.children:
            if verb.dep_ != "acl" or (verb.lemma_ not in leading and verb.lower_ not in participles):
                continue
            for leader in (a for c in verb.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)):
                if _is_person(ctx, leader) and ctx.sides.get(leader) is None:
                    ctx.sides[leader] = bodies[0]


def _is_person(ctx: Context, iri: str) -> bool:
    entity = ctx.entities.get(iri)
    return entity is not None and entity.kind == "person"




# Words of inviting (whoever is named between one and the visit it asks for is the guest) are
# cue:inviting (ontology/vocab/cues.ttl).


def host_state_offices(ctx: Context) -> None:
    """"La ministre des Affaires étrangères, X, a reçu Y, en visite officielle en Belgique": an office
    the text gives for no state is held for the host state of the visit the document reports.

    A readout names its own office holders without a state; when it says the guest is on a visit to
    one state, the people it names with such bare offices (and no side) serve that state.
    """
    doc = ctx.doc
    told: set[str] = set()  # visits told as made
    invited: set[str] = set()  # "l'a invité à effectuer une visite en X": only asked for
    visitors = set()  # "La ministre des Affaires étrangères, X, en visite au Portugal,": X is the guest
    inviting = cue_words(ctx.lex, "inviting")
    planning = cue_words(ctx.lex, "planned-participle")
    for token in lemma_tokens(doc, cue_words(ctx.lex, "visit-noun")):
        if _still_to_come(ctx, token, planning):
            continue  # "la visite au Qatar du Premier Ministre, prévue en mars": not the visit reported
        if token.i >= 3 and doc[token.i - 1].lower_ == "en" and doc[token.i - 2].text == ",":
            visitors.update(m.iri for m in ctx.mentions if m.end == token.i - 2 and m.kind == "person")
        hosts = invited if "Inf" in feature(token.head, "VerbForm") else told
        if hosts is invited:  # "a réitéré son invitation au Président X pour effectuer une visite": X is the guest
            sentence = ctx.sent_of(token)
            ask = next((t for t in reversed(doc[sentence.start:token.i]) if t.lemma_.lower() in inviting), None)
            if ask is not None:
                visitors.update(m.iri for m in ctx.mentions if ask.i < m.start < token.i and m.kind == "person")
        if hosts is told and token.dep_ == "obj":  # "X a effectué une visite à Lima": X is the guest
            visitors.update(m.iri for c in token.head.children if c.dep_ == "nsubj"
                            for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person")
        j = token.i + 1
        # "une visite d'État de deux jours au Sénégal": the length may come between the noun and the state
        while j < len(doc) and j <= token.i + 7 and doc[j].lower_ not in ("en", "au", "aux", "à"):
            if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
                break
            j += 1
        if j < len(doc) and doc[j].lower_ in ("en", "au", "aux"):
            hosts.update(m.iri for m in ctx.by_token.get(j + 1, []) if m.kind == "state" and m.start == j + 1)
        elif j < len(doc) and doc[j].lower_ == "à":
            hosts.update(_state_of_city(ctx, j + 1))
    hosts = told or invited
    if not hosts:  # no visit: a readout's bare offices are those of the state it is issued in
        state = speaking_state(ctx)
        hosts = {state} if state is not None else set()
    if len(hosts) != 1:
        return
    host = hosts.pop()
    companions = set()  # "X était accompagné de Y": Y came with the guest, not from the host state
    for token in lemma_tokens(doc, cue_words(ctx.lex, "accompanying")):
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                companions.update(m.iri for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person")
    for entity in ctx.entities.values():
        if entity.kind == "person" and entity.roles and entity.iri not in ctx.sides \
                and entity.iri not in companions | visitors and all(r.organisation is None for r in entity.roles):
            entity.roles = [RoleAssignment(r.role, host, r.evidence) for r in entity.roles]
            ctx.sides[entity.iri] = host
            ctx.framed_sides[entity.iri] = host  # a guess from the frame: a stop abroad may say better


def stop_hosts(ctx: Context) -> None:
    """"Mardi, à Abidjan, ... la ministre a été reçue par le Premier ministre, M. X": on a tour told
    from the traveller's capital, a host named by a bare office serves the state of the stop where
    the traveller met him, not the state the readout is issued in.

    A person whose side only the frame gave (:func:`host_state_offices`) and whose every placed
    gathering lies in one other state takes that state, when each of those gatherings has a
    traveller: someone else who also meets people in another state. The traveller of a single stop
    abroad keeps the frame's state (nobody at that stop travels on), and so does his host then (a
    guess that stays as it was).
    """
    if not ctx.framed_sides:
        return
    placed: list[tuple[object, str, set[str]]] = []  # gathering, its one state, its participants
    for event in ctx.events:
        if event.event_type not in GATHERINGS:
            continue
        states = {s for p in event.places for s in _states_of_place(ctx, p)}
        if len(states) == 1:
            placed.append((event, states.pop(), {p.actor for p in event.participants}))

    def stops(person: str) -> set[str]:
        return {state for _, state, people in placed if person in people}

    for person, frame in sorted(ctx.framed_sides.items()):
        where = stops(person)
        if ctx.sides.get(person) != frame or len(where) != 1 or frame in where:
            continue
        stop = next(iter(where))
        if not all(any(other != person and stops(other) - {stop} for other in people)
                   for _, state, people in placed if person in people):
            continue
        ctx.sides[person] = stop
        entity = ctx.entities[person]
        entity.roles = [RoleAssignment(r.role, stop, r.evidence) if r.organisation == frame else r
                        for r in entity.roles]
        for event in ctx.events:
            for p in event.participants:
                if p.actor == person and p.side == frame:
                    p.side = stop


def _states_of_place(ctx: Context, place: str) -> set[str]:
    """The states a place lies in (the gazetteer's dg:locatedIn, transitively), or the state it is."""
    from diplograph.extract.place_agreement import upward_places

    actor = ctx.lex.actors.get(place)
    if actor is not None and actor.kind == "state":
        return {place}
    found = set()
    for up in upward_places(ctx, place):
        state = ctx.lex.territory_state(up)
        if state is not None:
            found.add(state.iri)
        elif up in ctx.lex.actors and ctx.lex.actors[up].kind == "state":
            found.add(up)
    return found


def _still_to_come(ctx: Context, token: Token, planning: frozenset[str]) -> bool:
    """The visit noun is qualified, later in its clause, by a participle of planning ("la visite au
    Qatar du Premier Ministre, prévue au début de l'année prochaine"; the parser hangs the participle
    on the main verb): a visit to come is told in passing, it is not the one the text reports."""
    sentence = ctx.sent_of(token)
    for t in sentence[token.i - sentence.start + 1:]:
        if t.pos_ in ("VERB", "AUX") and "Part" in feature(t, "VerbForm") and t.lemma_.lower() in planning:
            return True
        if t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm"):
            return False
    return False


#: The place and date a readout opens with, on its first lines: "Brazzaville, le mardi 14 octobre
#: 2025 –", "Port-au-Prince, le 3 juin 2025.-", "KIGALI, 4 mai (APS) -".
#: A ministry may also set it on a line of its own, with the year and no dash ("Yaoundé, le 24
#: novembre 2026" above the text).
_OPENING_DATELINE = re.compile(
    r"^([A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){0,3}),\s+(?:le\s+)?(?:\w+\s+)?(?:1er|\d{1,2})\s+[^\W\d]+"
    r"(?:(?:\s+\d{4})?\s*(?:\([^)]*\))?\s*\.?\s*[-–—]|\s+\d{4}[ \t]*$)", re.MULTILINE)


def dateline_state(ctx: Context) -> str | None:
    """The state a readout's dateline city lies in (the gazetteer's dg:locatedIn), when its first
    lines open with one.

    A presidency or a ministry dates its readout where it sits, and names its own office holders
    without a state ("Le Ministre des Affaires étrangères, M. X"): those offices are that state's."""
    from diplograph.extract.dates import agency_dateline_city
    from diplograph.lexicon import fold

    head = ctx.text[:400]
    m = _OPENING_DATELINE.search(head)
    if m is not None and head[:m.start()].count("\n") <= 3:
        name = m.group(1).strip()
    elif (name := agency_dateline_city(ctx.text)) is None:
        return None
    states: set[str] = set()
    for iri in ctx.lex.names.get(fold(name), []):
        actor = ctx.lex.actors.get(iri)
        if actor is not None and actor.kind == "place":
            states |= _states_of_place(ctx, iri)
    return states.pop() if len(states) == 1 else None


def speaking_state(ctx: Context) -> str | None:
    """The state a text speaks from by its frame: its dateline's (:func:`dateline_state`), else the
    state its first sentence opens on (:func:`opening_state`). One answer for every stage that reads
    bare offices and institutions for that state (sides, unnamed holders, "la présidence")."""
    return dateline_state(ctx) or opening_state(ctx)


def opening_state(ctx: Context) -> str | None:
    """"Au Tchad, le président X a reçu ...": a dispatch that opens its first sentence on the state
    it reports from (a place phrase and a comma, as radio and agency dispatches do) frames the story
    there like a dateline; the bare offices it names are that state's."""
    first = next((s for s in ctx.doc.sents if not any(t.i in ctx.heading_tokens for t in s)
                  and any(t.is_alpha for t in s)), None)
    if first is None or len(first) < 3 or first[0].lower_ not in ("au", "en", "aux"):
        return None
    state = next((m for m in ctx.by_token.get(first[1].i, []) if m.kind == "state" and m.start == first[1].i), None)
    if state is None or state.end >= len(ctx.doc) or ctx.doc[state.end].text != ",":
        return None
    return state.iri


def _state_of_city(ctx: Context, start: int) -> set[str]:
    """"à Lima, capitale du Pérou", "à Cotonou, au Bénin": the state the text gives a city in."""
    doc = ctx.doc
    city = next((m for m in ctx.by_token.get(start, []) if m.start == start and m.kind == "place"), None)
    if city is None or city.end >= len(doc) or doc[city.end].text != ",":
        return set()
    for k in range(city.end + 1, min(city.end + 7, len(doc))):
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            break
        states = {m.iri for m in ctx.by_token.get(k, []) if m.kind == "state" and m.start == k}
        if states:
            return states
    return set()


def side_phrases(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"Côté turc, X était présent": the people of that clause are on that side."""
    side_nouns = cue_words(ctx.lex, "side-noun")
    for token in lemma_tokens(ctx.doc, side_nouns):  # one array read, not a Token per word
        if token.lower_ not in side_nouns or token.i + 1 not in demonym_at:
            continue
        state = demonym_at[token.i + 1]
        sentence = ctx.sent_of(token)
        for m in ctx.mentions:
            if m.kind == "person" and token.i < m.start < sentence.end:
                ctx.sides[m.iri] = state


#: Articles that may stand between "pour" and a state's name ("pour le Sénégal", "pour l'Italie").
_STATE_ARTICLES = frozenset({"le", "la", "l'", "l’", "les"})


def signing_for(ctx: Context) -> None:
    """"signé par les ministres, A pour le Sénégal et B pour le Cap-Vert": a name followed by "pour"
    and a state, closing its list item, signed or spoke for that state: that is the person's side
    (and the state of an office given for none). A phrase going on after the state ("X pour la
    France de demain") is something else."""
    doc = ctx.doc
    states = {m.start: m.iri for m in ctx.mentions if m.kind == "state"}
    ends = {m.start: m.end for m in ctx.mentions if m.kind == "state"}
    for m in ctx.mentions:
        if m.kind != "person" or m.end + 1 >= len(doc) or doc[m.end].lower_ != "pour":
            continue
        at = m.end + 1 + (doc[m.end + 1].lower_ in _STATE_ARTICLES)
        if at not in states:
            continue
        after = ends[at]
        if after < len(doc) and doc[after].text not in (",", ";", ".", ")") and doc[after].lower_ != "et":
            continue
        state = states[at]
        ctx.sides.setdefault(m.iri, state)
        if ctx.sides[m.iri] == state:
            _offices_for(ctx, m.iri, state)


def message_bearers(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"M. X, porteur d'un message écrit du président mauritanien, ...": X comes for the sender's
    state (a demonym or a state named in the next words of the apposition), whatever bare office
    the host's readout gives him; the host's offices (:func:`host_state_offices`) are not his."""
    doc = ctx.doc
    bearers = cue_words(ctx.lex, "message-bearer")
    states = {m.start: m.iri for m in ctx.mentions if m.kind == "state"}
    for m in ctx.mentions:
        if m.kind != "person" or m.end + 1 >= len(doc) or doc[m.end].text != "," \
                or doc[m.end + 1].lower_ not in bearers or m.iri in ctx.sides:
            continue
        for k in range(m.end + 2, min(m.end + 12, len(doc))):
            if doc[k].text in (",", ".", ";") and k > m.end + 3:
                break
            state = demonym_at.get(k) or states.get(k)
            if state is not None:
                ctx.sides[m.iri] = state
                _offices_for(ctx, m.iri, state)
                break


def _offices_for(ctx: Context, person: str, state: str) -> None:
    """The offices a person was given for no state are offices of ``state``, the side the text
    just gave them ("A pour le Sénégal", "porteur d'un message du président mauritanien")."""
    entity = ctx.entities.get(person)
    if entity is not None:
        entity.roles = [RoleAssignment(r.role, state, r.evidence) if r.organisation is None else r
                        for r in entity.roles]
