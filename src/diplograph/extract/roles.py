"""Roles and sides: who holds which office, for whom, and on which side they sat.

Roles come from the role vocabulary found next to a name: before it ("le président
turc Recep Tayyip Erdogan", "le ministre russe des Affaires étrangères, Sergueï Lavrov") or
in apposition after it ("X, conseiller à la sécurité nationale"). The
organisation is the demonym's state, an actor named in the role phrase ("de l'Union
européenne") or the gazetteer affiliation. A role phrase with no name ("le président
turc a critiqué") refers back to the one person holding that role in the document, or
else stands for an unnamed role holder ("la cheffe de la diplomatie de l'Union européenne").

This module runs the role stage in order (:func:`find_roles`). Reading one title and the name
beside it is :mod:`~diplograph.extract.role_titles`; who holds a title that names nobody is
:mod:`~diplograph.extract.role_holders`; "son homologue" is :mod:`~diplograph.extract.counterparts`;
sides from delegations, side phrases and visits are :mod:`~diplograph.extract.sides`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.collectives import acting_groups
from diplograph.extract.context import Context
from diplograph.extract.counterparts import find_counterparts
from diplograph.extract.gazetteer_links import demonyms
from diplograph.extract.kinds import cue_words
from diplograph.extract.ministry_holders import ministry_holders
from diplograph.extract.participant_lists import read_list_lines, read_participant_lists
from diplograph.extract.patterns import Hit
from diplograph.extract.plural_roles import assign_named, read_plural_role, refine_roles, resolve_unnamed
from diplograph.extract.role_holders import described_people, role_group, unnamed_holder
from diplograph.extract.role_titles import (
    also_at_phrase_head,
    assign_role,
    name_after,
    name_before,
    respective_holders,
    role_organisation,
    shared_organisation,
    state_of_role,
)
from diplograph.extract.sides import (
    companion_sides,
    find_delegations,
    host_state_offices,
    message_bearers,
    named_delegations,
    side_phrases,
    signing_for,
)
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token


def _adjective_title(ctx: Context, hit: Hit) -> bool:
    """A one-word title that is also a common adjective (cue:determined-title) without a
    determiner just before it ("X, souverain dans ses choix", "le peuple souverain") qualifies
    something and names no office; the noun has its determiner ("le Souverain a reçu ...")."""
    if hit.end - hit.start != 1 or ctx.doc[hit.start].lower_ not in cue_words(ctx.lex, "determined-title"):
        return False
    before = ctx.doc[hit.start - 1] if hit.start > 0 else None
    return before is None or (before.pos_ != "DET" and before.lower_ not in ("du", "au", "aux", "des"))


def find_roles(ctx: Context) -> None:
    """Attach roles to people, resolve unnamed role holders, record sides."""
    demonym_at = demonyms(ctx)
    unnamed: list[tuple[Hit, str | None, int]] = []
    plurals = []
    roles = ctx.hits_of("role")
    respective = respective_holders(ctx, roles)
    for hit in roles:
        if hit.start in ctx.heading_tokens or _adjective_title(ctx, hit):
            continue
        if _completes_another_title(ctx, hit, roles, demonym_at):
            _side_of_the_served(ctx, hit, demonym_at)
            continue
        plural = read_plural_role(ctx, hit, demonym_at)
        if plural is not None:
            plurals.append(plural)
            if plural.names:
                assign_named(ctx, plural)
            continue
        org, phrase_end = role_organisation(ctx, hit, demonym_at)
        if org is None:
            org = shared_organisation(ctx, hit, phrase_end, demonym_at)
        before = name_before(ctx, hit.start, hit.head)
        after = name_after(ctx, phrase_end, excellency=before is None)
        if before is not None and after is not None and _titled_after(ctx, after.end, roles) \
                and _names_lead(ctx, before.start, roles):
            after = None  # "X, ambassadeur de A, Y, ambassadeur de B": each title is the name's before it
        if after is not None and _title_between(ctx, hit, after.start, roles):
            after = None  # "X, porte-parole du secrétaire général de l'ONU Y": Y holds the inner title
        person = respective.get(hit.start) or after or before
        evidence = ctx.span(hit.start, phrase_end)
        if person is not None:
            # "l'ancien président nigérien X": an office no longer held is no side of that state
            assign_role(ctx, person.iri, hit.iri, org, evidence, former=_former(ctx, hit))
            ctx.role_person[hit.head] = person.iri
            also_at_phrase_head(ctx, hit, person.iri)
            state_of_role(ctx, org, hit, phrase_end, demonym_at)
            state = ctx.lex.state_of(org) if org is not None else None
            if state is not None and state != org:  # "le chef de la diplomatie russe": Russia is named too
                state_of_role(ctx, state, hit, phrase_end, demonym_at)
        else:
            unnamed.append((hit, org, phrase_end))
    read_list_lines(ctx, demonym_at)  # list and infobox layouts name holders too, before anaphora is read
    refine_roles(ctx, plurals)
    ministry_holders(ctx)  # "Son titulaire, X": before counterparts, whose office is X's
    find_counterparts(ctx, demonym_at)
    for plural in plurals:  # "les ministres des deux pays, X et Y": sides once the story's sides are known
        if plural.names:
            assign_named(ctx, plural, counted=True)
    unresolved = []
    for plural in plurals:
        for state in plural.states:  # a state named only by the demonym of a role is denoted there
            state_of_role(ctx, state, plural.hit, plural.end, demonym_at)
        if not plural.names and not resolve_unnamed(ctx, plural):
            unresolved.append(plural)
    # unnamed: a collective actor, unless another reading of the same title found its holders
    # ("les chefs d'État ivoirien et français": no head-of-state holders, but the two presidents)
    for plural in unresolved:
        if plural.hit.head not in ctx.role_people and not ctx.by_token.get(plural.hit.head):
            role_group(ctx, plural.hit, plural.states[0], plural.end)
    for head in sorted(ctx.role_people):  # "Nous, ministres des Affaires étrangères de X, de Y": who "nous" is
        before = ctx.doc[head - 1] if head > 1 else None
        if before is not None and before.text == "," and ctx.doc[head - 2].lower_ == "nous":
            ctx.we = ctx.role_people[head]
            break
    if not ctx.we:
        ctx.we = _apposed_to_we(ctx)
    message_bearers(ctx, demonym_at)  # "X, porteur d'un message du président mauritanien": X's side
    unqualified: dict[str, str] = {}
    # first the phrases the gazetteer or the text already resolves ("Le ministre de l'Europe et des
    # Affaires étrangères"), then, once their counterparts are known, the others ("La ministre moldave")
    unnamed = [u for u in unnamed if not unnamed_holder(ctx, *u, unqualified, mint=False)]
    find_counterparts(ctx, demonym_at)
    for hit, org, phrase_end in unnamed:
        unnamed_holder(ctx, hit, org, phrase_end, unqualified)
    acting_groups(ctx)  # "Les chefs d'État et de gouvernement africains se sont réunis"
    # resolved role phrases were appended out of text order; later stages read mentions in order
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))
    # "le chef de la diplomatie turque a reçu son homologue russe, X": X once the subject is known;
    # "son homologue chilien" without a name: the holder of the subject's office for Chile
    find_counterparts(ctx, demonym_at, unnamed_too=True)
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))
    find_delegations(ctx)
    named_delegations(ctx)
    side_phrases(ctx, demonym_at)
    signing_for(ctx)  # "A pour le Sénégal et B pour le Cap-Vert"
    read_participant_lists(ctx, demonym_at)
    host_state_offices(ctx)
    for entity in ctx.entities.values():
        # "ministre" (for nobody) beside "ministre chilien des Affaires étrangères", "ministre d'État,
        # ministre des Affaires étrangères": the vaguer one goes
        if entity.kind == "person" and len(entity.roles) > 1:
            # "conseiller d'État et ministre des Affaires étrangères" of one state: the rank goes too
            entity.roles = [r for r in entity.roles if not any(
                ctx.lex.narrower_or_same(o.role, r.role) and (
                    (r.organisation is None and (o.organisation is not None or o.role != r.role))
                    or (r.organisation is not None and o.organisation == r.organisation and o.role != r.role))
                for o in entity.roles)]
        if entity.kind == "person" and entity.iri not in ctx.sides:
            for role in entity.roles:
                if role.organisation:  # "le chef de la diplomatie russe": his ministry's state is his side
                    ctx.sides[entity.iri] = ctx.lex.state_of(role.organisation) or role.organisation
                    break
            else:
                if entity.affiliation:
                    ctx.sides[entity.iri] = entity.affiliation
    companion_sides(ctx)
    described_people(ctx, demonym_at)  # "le responsable nigérien": once every side is known
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))


def _former(ctx: Context, hit: Hit) -> bool:
    """The title is qualified as no longer held ("l'ancien président", "l'ex-ministre"; cue:former)."""
    before = ctx.doc[hit.start - 1] if hit.start > 0 else None
    return before is not None and before.lemma_.lower().rstrip("-") in cue_words(ctx.lex, "former")


def _title_between(ctx: Context, hit: Hit, name_start: int, roles: list[Hit]) -> bool:
    """A title completing this one ("du secrétaire général", "de la présidente") stands between
    it and the name glued after it: that name is the inner title's holder, not this title's (after
    a comma the name is in apposition to the whole phrase: "Le directeur de cabinet du chef de
    l'État, M. X" is X's office)."""
    for other in roles:
        if other is hit or not (hit.end <= other.start and other.end <= name_start) \
                or any(t.text == "," for t in ctx.doc[other.end:name_start]):
            continue
        i = other.start - 1
        while i > hit.start and ctx.doc[i].pos_ == "DET":
            i -= 1
        if ctx.doc[i].lower_ in ("du", "de", "des", "d'", "d’"):
            return True
    return False


def _completes_another_title(ctx: Context, hit: Hit, roles: list[Hit], demonym_at: dict[int, str]) -> bool:
    """"Le porte-parole du président, X", "l'Envoyée personnelle du Secrétaire général pour le
    Soudan, Mme X": a title after "du", "de la", "des" that completes another title says whose
    spokesperson or envoy X is; X does not hold it (a name right after that title is its holder:
    "conseiller du président X")."""
    doc = ctx.doc
    i = hit.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("du", "de", "des", "d'", "d’"):
        return False
    # "conseiller du président X", "porte-parole du secrétaire général de l'ONU X": the name right
    # after the title (and the organisation it names) is the title's
    phrase_end = max(hit.end, role_organisation(ctx, hit, demonym_at)[1])
    if any(end < len(doc) and any(m.kind == "person" and m.start == end for m in ctx.by_token.get(end, []))
           for end in (hit.end, phrase_end)):
        return False
    if any(other.end == i and other is not hit for other in roles):
        return True
    if _capitalised_title_before(ctx, i):
        return True
    after = hit.end
    while after < len(doc) and doc[after].pos_ == "ADJ":  # "du président russe, X"
        after += 1
    return after < len(doc) and doc[after].text == "," and _someone_of(ctx, doc[i - 1])


def _side_of_the_served(ctx: Context, hit: Hit, demonym_at: dict[int, str]) -> None:
    """"X, Chef de la Maison civile du Président de la République d'Angola", "Y, porte-parole du
    président russe": whoever serves the holder of a state's office sits on that state's side."""
    org, _ = role_organisation(ctx, hit, demonym_at)
    state = ctx.lex.state_of(org) if org is not None else None
    if state is None:
        return
    doc = ctx.doc
    sentence = ctx.sent_of(doc[hit.start])
    for k in range(hit.start - 1, sentence.start - 1, -1):
        if doc[k].pos_ in ("VERB", "AUX") and "Part" not in feature(doc[k], "VerbForm"):
            return
        person = next((m for m in ctx.by_token.get(k, []) if m.kind == "person" and m.end == k + 1), None)
        if person is not None:
            ctx.sides.setdefault(person.iri, state)
            return


def _capitalised_title_before(ctx: Context, de: int) -> bool:
    """"X, Ministre d'État, Chef de la Maison civile du Président de la République d'Angola": official
    prose capitalises every title, also one the vocabulary does not list; a title after "du" that
    completes a capitalised noun phrase set off by a comma (no verb, no name in it) says whose
    household or office X runs, it is not X's own."""
    doc = ctx.doc
    k = de - 1
    while k >= 0 and doc[k].text != "," and de - k <= 8:
        token = doc[k]
        if token.pos_ in ("VERB", "AUX") or token.is_sent_start or any(
                m.kind == "person" for m in ctx.by_token.get(k, [])):
            return False
        k -= 1
    if k < 0 or doc[k].text != "," or k + 1 >= de:
        return False
    first = doc[k + 1]
    return first.pos_ == "NOUN" and first.is_title


def _someone_of(ctx: Context, noun: Token) -> bool:
    """"L'assistant du président russe, X", "l'épouse du ministre, X": a noun of cue:someone-of
    (ontology/vocab/cues.ttl) says who X is to the title holder; X does not hold the title."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in cue_words(ctx.lex, "someone-of")


def _titled_after(ctx: Context, end: int, roles: list[Hit]) -> bool:
    """The name ending at ``end`` has a title of its own after a comma ("Y, ambassadeur de B"):
    in a list of names each set before its title, a title does not reach forward to it."""
    k = end
    if k >= len(ctx.doc) or ctx.doc[k].text != ",":
        return False
    k += 1
    while k < len(ctx.doc) and ctx.doc[k].pos_ == "DET":
        k += 1
    return any(h.start == k for h in roles)


def _names_lead(ctx: Context, start: int, roles: list[Hit]) -> bool:
    """Walking back from the name at ``start`` over a run "N, T, N, T, ..." of names and titles
    set off by commas: does the run open on a name ("X, ambassadeur de A, Y, ambassadeur de B":
    each title follows its name) rather than on a title ("le président A, X, le président B, Y")?"""
    doc = ctx.doc
    k, leading = start, "name"
    while True:
        comma = k - 1
        while comma > 0 and doc[comma].pos_ == "DET":
            comma -= 1
        if comma < 1 or doc[comma].text != ",":
            return leading == "name"
        if leading == "name":
            # the title phrase closing before the comma ("le président indonésien,", "ambassadeur de
            # la République de X,"): a title opening within ten words, with no comma or name since
            title = next((h.start for h in sorted(roles, key=lambda h: -h.start) if h.start < comma
                          and comma - h.start <= 10 and not any(t.text == "," or ctx.by_token.get(t.i)
                          and any(m.kind == "person" for m in ctx.by_token[t.i]) for t in doc[h.start:comma])), None)
            if title is None:
                return True
            k, leading = title, "title"
        else:
            name = next((m for m in ctx.by_token.get(comma - 1, []) if m.end == comma and m.kind == "person"), None)
            if name is None:
                return False
            k, leading = name.start, "name"


def _apposed_to_we(ctx: Context) -> list[str]:
    """"Nous, X, Président de A, et Y, Premier ministre de B, avons ...": a joint declaration opens
    on "nous" with its signatories apposed, named one by one; they are who every later "nous" of
    the text is. The people named between "Nous ," (a sentence's first word, outside quotations)
    and the verb "nous" is the subject of; two at least (one person is "je")."""
    from diplograph.extract.syntax import in_quote

    for i in ctx.tokens.where_lower(("nous",)):
        token = ctx.doc[i]
        if token.i + 1 >= len(ctx.doc) or ctx.doc[token.i + 1].text != "," or in_quote(ctx, token) \
                or ctx.sent_of(token).start != token.i or not token.dep_.startswith("nsubj") \
                or token.head.i <= token.i:
            continue
        people = [m.iri for m in ctx.mentions if token.i < m.start and m.end <= token.head.i and m.kind == "person"]
        people = list(dict.fromkeys(people))
        if len(people) >= 2:
            return people
    return []
