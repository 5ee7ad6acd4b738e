"""Plural role phrases: one noun phrase naming several office holders, one per state.

Real readouts and dispatches name two or more office holders at once: "les ministres chilien
et péruvien des Affaires étrangères" (one foreign minister per demonym), "les ministres des
Affaires étrangères de l'Égypte, du Qatar et de l'Arabie saoudite" (one per named state),
"les ministres des deux pays, Mme X et M. Y" (the holders named in apposition). Read as one
unnamed group, such a phrase loses who took part and for which side; read here, each named
person gets the role (and the side when states and names pair up), an unnamed phrase stands
for the holders of that role for each of its states named elsewhere in the document, and the
precise role the phrase gives ("des Affaires étrangères") refines the vaguer one a holder was
given elsewhere ("le ministre qatari, X": minister -> foreign minister).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_linked_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import is_honorific
from diplograph.extract.patterns import Hit
from diplograph.extract.role_titles import assign_role, holding_day
from diplograph.extract.token_view import feature
from diplograph.lexicon import Lexicon, fold
from diplograph.model import RoleAssignment

#: How far after a plural role phrase a comma may introduce its holders' names ("des deux pays, X et Y").
_COMPLEMENT = 8
_LIST_JOINERS = frozenset({",", "et"})
#: "les ministres des deux pays, X et Y": a count of states before the names (numerals are grammar;
#: the nouns for a state are cue:state-word in ontology/vocab/cues.ttl).
_COUNTS = frozenset("deux trois quatre".split())


@dataclass
class PluralRole:
    """A plural role phrase: its role, the states it names (text order) and the people it names."""

    hit: Hit
    role: str
    states: list[str] = field(default_factory=list)
    end: int = 0  # token after the phrase (and after the names, when there are some)
    names: list[Mention] = field(default_factory=list)
    name_states: list[str | None] = field(default_factory=list)  # "la Péruvienne X et le Chilien Y"
    counted: bool = False  # "des deux pays": the states are the sides the text has already given


def read_plural_role(ctx: Context, hit: Hit, demonym_at: dict[int, str]) -> PluralRole | None:
    """The plural role phrase starting at ``hit``, if its head is plural and it names states or people."""
    doc = ctx.doc
    head = doc[hit.head]
    if "Plur" not in feature(head, "Number"):
        return None
    found = PluralRole(hit, hit.iri)
    paired = _demonym_name_pairs(ctx, hit.head + 1, demonym_at)
    if paired is not None:  # "les présidents bolivien X, colombien Y et équatorien Z"
        found.names, found.name_states, found.end = paired
        return found
    j = hit.head + 1
    while j < len(doc):  # "ministres chilien et péruvien", "ministres belge, grec et turc"
        if j in demonym_at:
            found.states.append(demonym_at[j])
        elif not (j < hit.end or (doc[j].lower_ in _LIST_JOINERS and j + 1 in demonym_at and found.states)):
            break
        j += 1
    end = max(j, hit.end)
    if len(found.states) >= 2:  # "... chilien et péruvien | des Affaires étrangères"
        refined, end = _role_complement(ctx, hit, end)
        found.role = refined or found.role
    elif not found.states:  # "... des Affaires étrangères | de l'Égypte, du Qatar et de l'Arabie saoudite"
        found.states, end = _named_states(ctx, end)
    found.end = end
    found.names, found.name_states, names_end = _apposed_names(ctx, end, demonym_at)
    if found.names:
        found.counted = any(t.lower_ in _COUNTS for t in doc[end:names_end]) and any(
            t.lemma_.lower() in cue_words(ctx.lex, "state-word") for t in doc[end:names_end])
        found.end = names_end
    # one state and nobody named: several holders for that state ("les ministres russes"), read elsewhere
    return found if (len(found.states) >= 2 or found.names) else None


def _demonym_name_pairs(ctx: Context, j: int, demonym_at: dict[int, str]) -> tuple | None:
    """"les présidents bolivien X, colombien Y et équatorien Z": a demonym before each name, the
    pairs joined by commas and "et"; each name holds the role for the state of its demonym. Two
    pairs or more (one is a singular title, read elsewhere)."""
    doc = ctx.doc
    names: list[Mention] = []
    states: list[str] = []
    while j < len(doc) and j in demonym_at:
        person = next((m for m in ctx.by_token.get(j + 1, []) if m.kind == "person" and m.start == j + 1), None)
        if person is None:
            break
        names.append(person)
        states.append(demonym_at[j])
        j = person.end
        gap = 2 if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "et" else 1
        if j + gap < len(doc) and doc[j].text in (",", "et") and j + gap in demonym_at:
            j += gap
        else:
            break
    return (names, states, j) if len(names) >= 2 else None


def _role_complement(ctx: Context, hit: Hit, end: int) -> tuple[str | None, int]:
    """The longer role the head and the words after the demonyms name ("ministres ... des Affaires étrangères")."""
    doc = ctx.doc
    labels = _role_labels(ctx.lex)
    words = [doc[hit.head].lower_]
    best: tuple[str | None, int] = (None, end)
    k = end
    while k < len(doc) and k < end + _COMPLEMENT and not doc[k].is_punct and doc[k].pos_ not in ("VERB", "AUX"):
        words.append(doc[k].lower_)
        iri = labels.get(fold(" ".join(words)))
        if iri is not None:
            best = (iri, k + 1)
        k += 1
    return best


_LABELS: list[tuple[Lexicon, dict[str, str]]] = []


def _role_labels(lex: Lexicon) -> dict[str, str]:
    """fold(French label or altLabel) -> role IRI, built once per lexicon (the lexicon is not hashable)."""
    for known, labels in _LABELS:
        if known is lex:
            return labels
    out: dict[str, str] = {}
    for concept in lex.roles:
        for phrase in concept.phrases:
            out.setdefault(fold(phrase), concept.iri)
    _LABELS[:] = [(lex, out)]
    return out


def _named_states(ctx: Context, start: int) -> tuple[list[str], int]:
    """States named in a row after a role phrase: "de l'Égypte, du Qatar et des Émirats arabes unis"."""
    doc = ctx.doc
    states: list[str] = []
    k = start
    while k < len(doc):
        n = k
        while n < len(doc) and n < k + 3 and (doc[n].pos_ in ("ADP", "DET") or doc[n].lower_ in _LIST_JOINERS):
            n += 1
        if n == k:
            break
        m = next((m for m in ctx.by_token.get(n, []) if m.start == n and m.kind == "state" and not m.described), None)
        if m is None:
            break
        states.append(m.iri)
        k = m.end
    return (states, k) if states else ([], start)


def _apposed_names(ctx: Context, start: int,
                   demonym_at: dict[int, str]) -> tuple[list[Mention], list[str | None], int]:
    """"..., Mme X et M. Y", "..., la Péruvienne X et le Chilien Y": two or more people named in
    apposition after a comma (complements allowed before it), with the state a demonym noun gives each."""

    doc = ctx.doc
    j = start
    # "les ministres Ahmed Nasser et Omar Haddad": the names may follow the phrase with no comma
    direct = any(m.kind == "person" and m.start == start and not m.described for m in ctx.by_token.get(start, []))
    while not direct and j < len(doc) and j < start + _COMPLEMENT and doc[j].text != ",":
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX") \
                or any(m.kind == "person" for m in ctx.by_token.get(j, [])):
            return [], [], start
        j += 1
    if not direct and (j >= len(doc) or doc[j].text != ","):
        return [], [], start
    names: list[Mention] = []
    states: list[str | None] = []
    j = start if direct else j + 1
    while j < len(doc):
        state = None
        while j < len(doc) and (is_honorific(ctx, doc[j]) or doc[j].pos_ == "DET"
                                or (j in demonym_at and doc[j].text[:1].isupper())):
            state = demonym_at.get(j, state)
            j += 1
        m = next((m for m in ctx.by_token.get(j, []) if m.start == j and m.kind == "person" and not m.described), None)
        if m is None:
            break
        j = m.end
        bracketed = _bracketed_state(ctx, j)  # "les présidents X (Bénin) et Y (Niger)"
        if bracketed is not None:
            state, j = bracketed
        names.append(m)
        states.append(state)
        if j < len(doc) and doc[j].lower_ in _LIST_JOINERS and j + 1 < len(doc):
            j += 1
            continue
        break
    return (names, states, j) if len(names) >= 2 else ([], [], start)


def _bracketed_state(ctx: Context, j: int) -> tuple[str, int] | None:
    """"X (Bénin)": a state alone in brackets right after a name is the name's state; the state and
    the token after the closing bracket."""
    doc = ctx.doc
    if j + 2 >= len(doc) or doc[j].text != "(":
        return None
    state = next((m for m in ctx.by_token.get(j + 1, []) if m.start == j + 1 and m.kind == "state"), None)
    if state is None or state.end >= len(doc) or doc[state.end].text != ")":
        return None
    return state.iri, state.end + 1


def assign_named(ctx: Context, plural: PluralRole, counted: bool = False) -> None:
    """Each person named in apposition holds the role, for the state in the same position.

    With ``counted`` (once every side the text gives by roles and counterparts is known), "des
    deux pays, X et Y" pairs the names with the first sides of the story.
    """

    states = plural.states
    names = plural.names
    if all(plural.name_states):  # "la Péruvienne X et le Chilien Y"
        states = list(plural.name_states)
    elif counted:
        if states or not plural.counted or any(n.iri in ctx.sides for n in names):
            return
        states = _sides_so_far(ctx, plural.hit.start)[:len(names)]
        if len(states) != len(names):
            states = _states_told_before(ctx, plural.hit.start)
        if len(states) != len(names):
            return
    evidence = ctx.span(plural.hit.start, plural.end)
    people = []
    for k, person in enumerate(names):
        org = states[k] if len(states) == len(names) else (states[0] if len(states) == 1 else None)
        assign_role(ctx, person.iri, plural.role, org, evidence)
        if org is not None and len(states) == len(names):
            ctx.sides[person.iri] = org
        people.append(person.iri)
    ctx.role_people[plural.hit.head] = people


def _sides_so_far(ctx: Context, before: int) -> list[str]:
    """The distinct sides of the people named before token ``before``, in the order they were first named.

    "Le Premier ministre grec, X, et le vice-président turc, Y, ... les ministres des deux pays,
    Z et W": the two countries are the first two sides the story gave (Greece and Turkey), and a
    writer names their ministers in that order.
    """
    sides: list[str] = []
    for m in ctx.mentions:
        if m.start >= before:
            break
        side = ctx.sides.get(m.iri) if m.kind == "person" else None
        if side is not None and side not in sides:
            sides.append(side)
    return sides


def _states_told_before(ctx: Context, before: int) -> list[str]:
    """The states the text named before token ``before``, in the order first named.

    "Relations entre le Chili et la Nouvelle-Zélande ... les ministres du Commerce des deux pays, X
    et Y": with no side of anyone's to go by, the two countries are the two states the article has
    named, and the writer names their ministers in that order (a third state named makes it unsaid).
    """
    states: list[str] = []
    for m in ctx.mentions:
        if m.start >= before:
            break
        if m.kind == "state" and not m.described and m.iri not in states:
            states.append(m.iri)
    return states


def refine_roles(ctx: Context, plurals: list[PluralRole]) -> None:
    """A holder's vague role ("ministre") becomes the precise one a plural phrase gives for that state.

    "les ministres des Affaires étrangères de l'Égypte et du Qatar ... Le ministre qatari, X":
    X is Qatar's foreign minister. Only a strictly narrower role for the very same state replaces one.
    """
    lex = ctx.lex
    facts = {(p.role, s) for p in plurals for s in p.states}
    if not facts:
        return
    found: dict[tuple[str, str], list[tuple[object, int]]] = {}
    for entity in ctx.entities.values():
        if entity.kind != "person" or not entity.roles:
            continue
        for k, held in enumerate(entity.roles):
            state = lex.state_of(held.organisation) or held.organisation
            better = sorted(r for r, s in facts if s == state and r != held.role and lex.narrower_or_same(r, held.role))
            if len(better) == 1:
                found.setdefault((better[0], state), []).append((entity, k))
    for (role, _state), holders in found.items():
        if len(holders) == 1:  # two Austrian ministers: which one is the foreign minister is not said
            entity, k = holders[0]
            held = entity.roles[k]
            entity.roles[k] = RoleAssignment(role, held.organisation, held.evidence)


def resolve_unnamed(ctx: Context, plural: PluralRole) -> bool:
    """"les ministres chilien et péruvien": the holders of that role for each state, if the text names them.

    True when every state has exactly one holder in the document; the phrase then stands for them.
    """
    lex = ctx.lex
    people: list[str] = []
    for state in plural.states:
        holders = []
        for precise in (True, False):  # the holders of that very office first, else of a vaguer one
            holders = [e.iri for e in ctx.entities.values() if e.kind == "person" and any(
                (lex.narrower_or_same(r.role, plural.role) if precise else lex.narrower_or_same(plural.role, r.role))
                and (lex.state_of(r.organisation) or r.organisation) == state for r in e.roles)]
            if holders:
                break
        if not holders:  # "les présidents russe et turc" on a 2020 article: the gazetteer's holders then
            holders = _gazetteer_holder(ctx, plural.role, state, plural.hit.head)
        if len(holders) != 1:
            return False
        people.append(holders[0])
    if len(set(people)) != len(people):
        return False
    for person, state in zip(people, plural.states, strict=True):
        if person not in ctx.entities or not ctx.entities[person].roles:
            _link_holder(ctx, plural, person, state)
        entity = ctx.entities[person]
        for k, held in enumerate(entity.roles):  # the phrase may say more ("des Affaires étrangères")
            if held.role != plural.role and lex.narrower_or_same(plural.role, held.role) \
                    and (lex.state_of(held.organisation) or held.organisation) == state:
                entity.roles[k] = RoleAssignment(plural.role, held.organisation, held.evidence)
        ctx.sides.setdefault(person, state)
    ctx.role_people[plural.hit.head] = people
    return True


def _gazetteer_holder(ctx: Context, role: str, state: str, head: int) -> list[str]:
    """The one person the gazetteer says held that single-holder office for ``state`` on the
    publication day (or on the day a chronology tells, see role_titles.holding_day); nobody
    for a date-less document or an office that changed hands then."""
    when = holding_day(ctx, head)
    if when is None:
        return []
    found = ctx.lex.holders_on(role, state, when)
    return found if len(found) == 1 else []


def _link_holder(ctx: Context, plural: PluralRole, person: str, state: str) -> None:
    """Bring a holder the text does not name into the document, with the phrase's role for ``state``."""
    span = ctx.span(plural.hit.start, plural.end)
    entity = add_linked_entity(ctx, ctx.lex.actors[person], span)  # grounded in the phrase
    assign_role(ctx, entity.iri, plural.role, state, span)
