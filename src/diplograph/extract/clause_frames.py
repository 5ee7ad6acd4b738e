"""People of a clause framed by a gathering: "Lors d'un entretien, X et Y ont échangé ...".

A gathering noun inside a framing phrase ("lors de", "au cours de", "à l'issue de", "après")
or governed by a verb of commitment ("ont annoncé la poursuite des consultations") names no
participant of its own: they are the subjects of the clause it frames. Reading them needs
the clause around the noun, not the noun's phrase, so it lives apart from
:mod:`~diplograph.extract.participants`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import COMMITTING, cue_words
from diplograph.extract.participants import actor_kind, plural_verb
from diplograph.extract.syntax import DURING_CASES, DURING_NOUNS, actors_of, case_of, left_actors, subjects_of, unique
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing_agents(ctx: Context, token: Token) -> list[str]:
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
_DURING_HEADS = (DURING_NOUNS - {"marge"}) | {"lors"}  # DURING_NOUNS has "cadre": "dans le cadre d'une visite"


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


def during_subjects(ctx: Context, token: Token) -> list[str]:
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
        return _before_incise(ctx, node)
    found = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]
    if found and plural_verb(verb):  # "X et son homologue, Y ont évoqué": the parse may keep one conjunct
        found += [a for a in left_actors(ctx, verb) if a not in found and actor_kind(ctx, a) == "person"]
    return found or _before_incise(ctx, node) or left_actors(ctx, verb)


def _before_incise(ctx: Context, frame: Token) -> list[str]:
    """"X avait, lors du sommet de Y en 2010, surpris ses alliés": a framing phrase set off by
    commas between the auxiliary and its participle cuts the clause in two, and the parser often
    loses the subject. The actors named at the head of the sentence, before the comma and any
    verb, are that subject."""
    doc = ctx.doc
    cases = [c.i for c in frame.children if c.dep_ == "case" and c.i < frame.i]
    first = frame.i if frame.lower_ in _DURING_HEADS or not cases else min(cases)
    while first > 0 and doc[first - 1].pos_ in ("ADP", "DET"):  # "au cours de", "à l'issue de"
        first -= 1
    start = ctx.sent_of(frame).start
    if first - 1 <= start or doc[first - 1].text != ",":
        return []
    head = doc[start:first - 1]
    if any(t.pos_ == "VERB" and not ctx.by_token.get(t.i) for t in head) or not any(t.pos_ == "AUX" for t in head):
        return []
    found = [m.iri for t in head for m in ctx.by_token.get(t.i, []) if m.start == t.i
             and m.kind in ("person", "state", "org", "group", "delegation") and not m.place]
    return unique(found)


# Verbs (or a copula) of being somewhere or getting there ("X est à Lomé pour une visite", "X
# séjourne à Y pour une visite": the subject is the one who visits) are cue:staying
# (ontology/vocab/cues.ttl). "pour", "dans le cadre de" stay here: prepositions are grammar.


def stay_subjects(ctx: Context, token: Token) -> list[str]:
    """"Le président X est au Burkina pour une visite d'amitié": who is there for a gathering
    takes part in it (the parse makes "est au Burkina" a copula on the place, or a verb)."""
    if token.head.i == token.i:
        return []
    head = token.head
    if case_of(token) != "pour":  # "X est à Ouagadougou, dans le cadre d'une visite de travail"
        if head.lemma_ != "cadre" or case_of(head) != "dans" or head.head.i == head.i:
            return []
        head = head.head
    if head.pos_ == "VERB" and head.lemma_.lower() in cue_words(ctx.lex, "staying"):
        verb = head
    elif any(c.dep_ == "cop" and c.lemma_ == "être" for c in head.children):
        verb = head
    else:
        return []
    return [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)]


#: "après l'entretien", "à l'issue de son entretien", "au terme de la rencontre", "à la sortie de
#: la réunion": a clause told as following a gathering. The nouns of these compound prepositions
#: stay in code with "après": prepositions are grammar, and syntax.FRAMING_WORDS holds the same
#: nouns for the other framing rules.
_AFTER_HEADS = frozenset({"issue", "terme", "sortie", "suite"})
#: "après", and "suite à" that the parse reads as one preposition headed by "suite"; "outre"
#: ("Outre une rencontre avec X, Y a ...") tells the gathering beside the clause, not before it,
#: but leaves out the same side: the clause's subject
_AFTER_CASES = frozenset({"après", "suite", "outre"})


def after_subjects(ctx: Context, token: Token) -> list[str]:
    """"Après un entretien avec son homologue X, le ministre a appelé ...", "À l'issue de son
    entretien avec X, Y a déclaré ...", "Outre une rencontre avec X, Y a visité ...": a gathering
    told by only one of its sides (a possessive, or a partner after "avec") and framed as what came
    before (or beside) the clause; the clause's subject is
    the side it leaves out. Without such a gap ("Après la rencontre entre A et B, la Chine a
    réagi"), whoever acts afterwards need not have been there."""
    node = token
    if case_of(node) not in _AFTER_CASES:
        head = node.head
        if head.lower_ not in _AFTER_HEADS and any(c.dep_ == "nummod" for c in head.children) \
                and head.dep_ == "nmod":
            head = head.head  # "Au terme de deux jours de discussions": through the counted span of time
        if head.i == node.i or head.lower_ not in _AFTER_HEADS:
            return []
        node = head
    one_side = any("Yes" in feature(c, "Poss") for c in token.children if c.dep_ == "det") \
        or any(case_of(c) == "avec" for c in [*token.children, *(node.children if node.i != token.i else ())])
    # ("à l'issue d'un entretien avec X": the parse may hang "avec X" on "issue")
    if any(case_of(c) == "entre" for c in token.children):
        return []
    verb = _framed_verb(node)
    if verb.i == node.i or verb.pos_ != "VERB":
        return []
    if verb.i < token.i:
        # "X s'est dit confiant, à l'issue d'un entretien avec son homologue Y": after the verb,
        # only a gathering told by its other side, on the verb itself, and no one else's
        # ("X a réagi après un entretien de A avec B" was A's)
        # (or on its attribute: "s'est dite confiante, à l'issue de ...")
        on_verb = node.head.i == verb.i or (node.head.dep_ == "xcomp" and node.head.head.i == verb.i)
        if not one_side or not on_verb or any(
                case_of(c) in ("de", "d'", "du", "des") and actors_of(ctx, c) for c in token.children):
            return []
    frame = {t.i for t in node.subtree}
    found = [a for s in subjects_of(ctx, verb) if s.i not in frame for a in actors_of(ctx, s)]
    if len(found) > 1 and any(c.dep_ == "det" and c.lower_ in ("sa", "son") for c in token.children):
        # "X a affirmé que A et B partagent ... à la suite de sa rencontre avec Y": one possessor is
        # no pair of subjects; the parse hung the frame on the wrong verb
        return []
    if not one_side:
        # "Au terme de deux jours de discussions sur la pêche, le ministre X et son homologue Y ont
        # tenu une conférence de presse": a gathering naming none of its sides, then two or more
        # people of different sides acting together: they are its sides. One actor acting
        # afterwards ("Après des discussions, la Chine a réagi") need not have been there.
        named = any(m.kind != "place" for t in token.subtree if t.i != token.i for m in ctx.by_token.get(t.i, []))
        people = [a for a in unique(found) if actor_kind(ctx, a) == "person"]
        if len(people) < 2:  # the parse lost a conjunct: the people between the frame's comma and the verb
            people = [a for a in _between_frame_and_verb(ctx, token, verb) if actor_kind(ctx, a) == "person"]
        sides_of = {ctx.sides.get(a) for a in people}
        return people if not named and len(people) >= 2 and None not in sides_of and len(sides_of) >= 2 else []
    if found:
        return found
    # the parser may take the frame itself for the subject ("À l'issue de ..., X a déclaré"): the
    # actors between the comma that closes the frame and the verb
    return _between_frame_and_verb(ctx, token, verb)


def _between_frame_and_verb(ctx: Context, token: Token, verb: Token) -> list[str]:
    """The people and states named between the comma that closes a fronted frame and its verb."""
    comma = next((t.i for t in ctx.doc[token.i:verb.i] if t.text == ","), None)
    if comma is None:
        return []
    return unique([m.iri for k in range(comma + 1, verb.i) for m in ctx.by_token.get(k, [])
                   if m.start == k and m.end <= verb.i and actor_kind(ctx, m.iri) in ("person", "state")])
