"""Counterparts: "X a reçu son homologue turc Y", Y holds X's office for Turkey.

"homologue" names a role only through someone else's: whose counterpart it is (the nearest
role holder, or the subject of the sentences before), then which state each named or unnamed
counterpart serves. It needs the roles already read and, for an unnamed counterpart, the
holder look-up of :mod:`~diplograph.extract.role_holders`.
"""

from __future__ import annotations

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import is_honorific
from diplograph.extract.patterns import Hit
from diplograph.extract.role_holders import incoming_title, office_holder
from diplograph.extract.role_titles import assign_role, state_of_role
from diplograph.extract.syntax import is_subject
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.model import RoleAssignment
from diplograph.namespaces import id_iri, slugify

# "son homologue turc", someone holding the same role for another state: cue:counterpart
# (ontology/vocab/cues.ttl).


def find_counterparts(ctx: Context, demonym_at: dict[int, str], unnamed_too: bool = False) -> None:
    """"X a reçu son homologue turc Y": Y holds X's role, for Turkey.

    "ses homologues roumaine et moldave, Mmes Y et Z" (or "..., respectivement Y et Z") pairs the
    demonyms with the names in order;
    "homologues allemand, Y, et polonais, Z" gives each name the demonym before it. With
    ``unnamed_too``, "son homologue chilien" without a name stands for the holder of X's role for
    Chile: the one the document names, else the gazetteer's holder on the publication date, else an
    unnamed person of that state (their side is known even when their name is not).
    """
    doc = ctx.doc
    for token in lemma_tokens(doc, cue_words(ctx.lex, "counterpart")):
        if token.i in ctx.heading_tokens:
            continue
        told = next((demonym_at[k] for k in range(token.i + 1, min(token.i + 3, len(doc))) if k in demonym_at), None)
        if told is not None and _owned_counterpart(ctx, token, told):
            continue
        subject = _counterpart_of(ctx, token, told)
        if subject is None:
            continue
        if subject.iri:
            ctx.counterpart_of[token.i] = subject.iri
        subject_role = _portfolio(ctx, subject) if subject.roles else office_of(ctx, subject)
        if subject_role is None:
            continue
        # "homologue turc Y", "homologues allemand, Y, et polonais, Z", "homologues roumaine et moldave, Y et Z"
        j = token.i + 1
        states: list[tuple[int, str]] = []
        people: list[Mention] = []
        stop = ctx.sent_of(token).end
        while j < stop and j <= token.i + 24:
            t = doc[j]
            person = next((m for m in ctx.by_token.get(j, []) if m.kind == "person" and m.start == j
                           and not m.described), None)
            at = j + 2 if j + 2 < stop and doc[j + 1].pos_ == "DET" else j + 1  # "de la République X"
            named = next((m for m in ctx.by_token.get(at, []) if m.kind == "state" and m.start == at), None) \
                if t.lower_ in ("de", "du", "d'", "d’") and not people else None
            if j in demonym_at:
                states.append((j, demonym_at[j]))
            elif named is not None:  # "son homologue de la République Dominicaine, Y": the state by name
                states.append((at, named.iri))
                j = named.end
                continue
            elif person is not None:
                people.append(person)
                j = person.end
                continue
            elif t.pos_ in ("VERB", "AUX") or t.text in ".;:()" or (t.is_punct and t.text != ","):
                break
            elif not (t.text == "," or t.lower_ in ("et", "respectivement") or is_honorific(ctx, t)
                      or t.pos_ in ("DET", "ADJ")):  # "homologues cambodgien et lao, respectivement Y et Z"
                break
            j += 1
        for i, state in states:
            state_of_role(ctx, state, Hit("role", subject_role, i, i + 1, i), i, demonym_at)
        if people and states:
            paired = len(states) == len(people) >= 2 and states[-1][0] < people[0].start
            for k, m in enumerate(people):
                if paired:
                    state = states[k][1]
                else:
                    before = [s for i, s in states if i < m.start]
                    if not before:
                        continue
                    state = before[-1]
                own = _held_for(ctx, m.iri, state)  # "le secrétaire d'État américain ... son homologue française Y"
                if own is not None:  # an unnamed "son homologue française" elsewhere holds it too
                    ctx.cache.setdefault("counterpart-offices", set()).add((subject_role, state, own))
                assign_role(ctx, m.iri, own or subject_role, state, ctx.span(token.i, m.start))
                ctx.sides[m.iri] = state
            if len(people) == 1:
                ctx.role_person.setdefault(token.i, people[0].iri)  # "et son homologue X, Y": the phrase is Y
        elif len(people) == 1 and not states:
            # "accueilli par son homologue, Y": no state told, the phrase still names Y (the parser
            # may hang Y off the verb); no role is given, since the office a counterpart holds for an
            # untold state is often not the subject's portfolio word for word
            ctx.role_person.setdefault(token.i, people[0].iri)
        elif unnamed_too and len(states) == 1 and not people and subject.iri:
            _unnamed_counterpart(ctx, token, subject, subject_role, states[0])
        elif unnamed_too and not states and not people and subject.iri:
            _known_counterpart(ctx, token, subject, subject_role)


def _owned_counterpart(ctx: Context, token, state: str) -> bool:
    """"Y, l'homologue namibien de X, ..." or "l'homologue namibien de X, Y, ...": the phrase says
    whose counterpart it is ("de X"), and the person it is set beside is that counterpart: Y holds
    X's office for the demonym's state. True when read so."""
    doc = ctx.doc
    j = token.i + 1
    while j < len(doc) and (j in ctx.demonym_at or doc[j].lower_ == "et"):
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("de", "d'", "d’"):
        return False
    k = j + 1
    while k < len(doc) and is_honorific(ctx, doc[k]):
        k += 1
    owner = next((m for m in ctx.by_token.get(k, []) if m.kind == "person" and m.start == k), None)
    entity = ctx.entities.get(owner.iri) if owner is not None else None
    role = (_portfolio(ctx, entity) if entity.roles else office_of(ctx, entity)) if entity is not None else None
    if owner is None or role is None:
        return False
    before = token.i - 1 - (doc[token.i - 1].pos_ == "DET")  # "Y, l'homologue": the comma before
    beside = None
    if before >= 1 and doc[before].text == ",":
        beside = next((m for m in ctx.by_token.get(before - 1, []) if m.kind == "person"
                       and m.end == before and not m.described), None)
    if beside is None and owner.end + 1 < len(doc) and doc[owner.end].text == ",":
        k = owner.end + 1
        while k < len(doc) and is_honorific(ctx, doc[k]):
            k += 1
        beside = next((m for m in ctx.by_token.get(k, []) if m.kind == "person" and m.start == k
                       and not m.described), None)
    if beside is None or beside.iri == owner.iri:
        return False
    ctx.counterpart_of[token.i] = owner.iri
    assign_role(ctx, beside.iri, _held_for(ctx, beside.iri, state) or role, state, ctx.span(token.i, token.i + 1))
    ctx.sides[beside.iri] = state
    ctx.role_person.setdefault(token.i, beside.iri)
    return True


def _portfolio(ctx: Context, subject) -> str:
    """The office a counterpart shares: the subject's first title, or the last of the titles
    coordinated with it ("le vice-Premier ministre et ministre des Affaires étrangères", "Premier
    ministre, ministre des Affaires étrangères"): the rank comes first, the portfolio last, and a
    counterpart is named for the portfolio."""
    roles = sorted(subject.roles, key=lambda r: r.evidence.begin)
    k = roles.index(subject.roles[0])
    while k + 1 < len(roles) and ctx.text[roles[k].evidence.end:roles[k + 1].evidence.begin].strip() in (",", "et"):
        k += 1
    return roles[k].role


def _counterpart_of(ctx: Context, token, told: str | None = None):
    """Whose counterpart "son homologue" is: the nearest person with a role earlier in the sentence,
    else the first person subject of one of the three sentences before ("Il y sera reçu par son
    homologue"), the nearest first.

    Nobody is the counterpart of someone of their own state: "X a reçu Y, ministre angolais,
    porteur d'un message de son homologue angolais" is X's counterpart (``told``: the state the
    phrase gives), not Y's."""
    sentence = ctx.sent_of(token)
    lex = ctx.lex
    for m in sorted(ctx.mentions, key=lambda m: -m.start):  # the nearest: "X a reçu Y et son homologue Z"
        if m.kind == "person" and sentence.start <= m.start < token.i:
            entity = ctx.entities.get(m.iri)
            if entity is not None and office_of(ctx, entity) is not None:
                if told is not None and lex.state_of(ctx.sides.get(entity.iri)) == lex.state_of(told):
                    continue
                return entity
    for previous in reversed(ctx.sentences_before(sentence.start, 3)):
        for m in ctx.mentions:  # "X a dit ... Il a refusé ... À Islamabad, son homologue Y": X
            if m.kind == "person" and previous.start <= m.start < previous.end and is_subject(ctx, m):
                entity = ctx.entities.get(m.iri)
                return entity if entity is not None and office_of(ctx, entity) is not None else None
    return None


def office_of(ctx: Context, entity) -> str | None:
    """The office whose counterpart "son homologue" names: the role the text gives the person, else
    the one office the gazetteer says they held on the publication date ("Emmanuel Macron a accueilli
    son homologue ivoirien": newspapers often name a president without his title)."""
    if entity.roles:
        return entity.roles[0].role
    held = _held_on_the_day(ctx, entity) if entity.linked else set()
    return held.pop() if len(held) == 1 else None


def _held_for(ctx: Context, person: str, state: str) -> str | None:
    """The one office the gazetteer says ``person`` held for ``state`` on the publication date.

    A counterpart holds the same office under that state's own title: the US secretary of state's
    French counterpart is France's foreign minister, which the gazetteer knows when it knows her."""
    entity = ctx.entities.get(person)
    held = _held_on_the_day(ctx, entity, state) if entity is not None and entity.linked else set()
    return held.pop() if len(held) == 1 else None


def _held_on_the_day(ctx: Context, entity, state: str | None = None) -> set[str]:
    """The offices the gazetteer says ``entity`` held on the publication date (for ``state`` only,
    when given); none for a document with no date."""
    published = ctx.source.published
    if published is None:
        return set()
    lex = ctx.lex
    return {h.role for h in lex.holdings if h.person == entity.iri and h.covers(published)
            and (state is None or lex.state_of(h.organisation) == lex.state_of(state))}


def _known_counterpart(ctx: Context, token, subject, role: str) -> None:
    """"tandis que son homologue a salué ...", no state, no name: the one person the text has
    named holding that very office for another side. Nobody when there are several."""
    if any(m.kind == "person" for m in ctx.by_token.get(token.i, [])):
        return  # already read
    lex = ctx.lex
    side = lex.state_of(ctx.sides.get(subject.iri))
    holders = [e for e in ctx.entities.values() if e.kind == "person" and e.iri != subject.iri and any(
        r.role == role and (lex.state_of(r.organisation) or r.organisation) not in (None, side) for r in e.roles)]
    if len(holders) != 1 or side is None:
        return
    holder = holders[0]
    span = ctx.span(token.i, token.i + 1)
    ctx.add_mention(Mention(token.i, token.i + 1, span, holder.iri, "person", described=True))
    ctx.role_person[token.i] = holder.iri
    if span not in holder.mentions:
        holder.mentions.append(span)


def _unnamed_counterpart(ctx: Context, token, subject, role: str, found: tuple[int, str]) -> None:
    """"son homologue chilien" with no name: who holds ``role`` for that state, or an unnamed person."""
    i, state = found
    if any(m.kind == "person" for m in ctx.by_token.get(token.i, [])):
        return  # already read
    lex = ctx.lex
    span = ctx.span(token.i, i + 1)
    # any office the subject holds: "Le Président X a invité son homologue gabonais" after "X,
    # Président de la République ..." and "Le Chef de l'Etat santoméen": the Gabonese president
    # named before counts, whichever of X's titles came first
    offices = {role} | {r.role for r in subject.roles}
    offices |= {own for office, where, own in ctx.cache.get("counterpart-offices", ())  # type: ignore[union-attr]
                if where == state and office in offices}
    holders = [e for e in ctx.entities.values() if e.kind == "person" and e.iri != subject.iri and any(
        any(lex.narrower_or_same(r.role, o) for o in offices)
        and (lex.state_of(r.organisation) or r.organisation) == state for r in e.roles)]
    if not holders:
        holders = _unplaced_holder(ctx, subject, offices, state)
    hit = Hit("role", role, token.i, i + 1, token.i)
    if not holders:
        holders = office_holder(ctx, hit, state, span)
    if not holders and incoming_title(ctx, hit):
        return  # "son futur homologue américain": who will hold the office, not an unnamed holder of it
    if len(holders) == 1:
        holder = holders[0]
        ctx.add_mention(Mention(token.i, i + 1, span, holder.iri, "person", described=True))
        ctx.role_person[token.i] = holder.iri
        if span not in holder.mentions:
            holder.mentions.append(span)
        ctx.sides.setdefault(holder.iri, state)
        return
    if holders:
        return
    phrase = " ".join(span.text.split())
    iri = id_iri("person", slugify(phrase))
    entity = add_minted_entity(ctx, iri, "person", phrase, span, affiliation=state)
    ctx.add_mention(Mention(token.i, i + 1, span, iri, "person", described=True, role=role))
    ctx.role_person[token.i] = iri
    if not entity.roles:
        entity.roles.append(RoleAssignment(role=role, organisation=state, evidence=span))
    ctx.sides.setdefault(iri, state)


def _unplaced_holder(ctx: Context, subject, offices: set[str], state: str) -> list:
    """"A l'invitation de Monsieur X, Président de la République, Chef de l'Etat, Monsieur Y ... Le
    Président Y a invité son homologue gabonais": a communiqué gives its own head of state an
    office naming no state. The one person holding one of the subject's offices for no state and
    on no side yet is that counterpart, and holds it for the counterpart's state; unless the text
    names the vocabulary's home state, whose office an unqualified title may mean (dg:homeState)."""
    lex = ctx.lex
    if lex.home_state is not None and lex.home_state in ctx.entities:
        return []
    unplaced = [e for e in ctx.entities.values() if e.kind == "person" and e.iri != subject.iri
                and e.iri not in ctx.sides and e.roles and all(r.organisation is None for r in e.roles)
                and any(lex.narrower_or_same(r.role, o) for r in e.roles for o in offices)]
    if len(unplaced) != 1:
        return []
    holder = unplaced[0]
    holder.roles[:] = [RoleAssignment(r.role, state, r.evidence) for r in holder.roles]
    return [holder]
