"""Roles and sides: who holds which office, for whom, and on which side they sat.

Roles come from the role vocabulary found next to a name: before it ("le président
turc Recep Tayyip Erdogan", "le ministre russe des Affaires étrangères, Sergueï Lavrov") or
in apposition after it ("X, conseiller à la sécurité nationale"). The
organisation is the demonym's state, an actor named in the role phrase ("de l'Union
européenne") or the gazetteer affiliation. A role phrase with no name ("le président
turc a critiqué") refers back to the one person holding that role in the document, or
else stands for an unnamed role holder ("la cheffe de la diplomatie de l'Union européenne").
"""

from __future__ import annotations

from diplograph.extract.context import Context, Mention
from diplograph.extract.entities import add_minted_entity, demonyms
from diplograph.extract.participant_lists import read_participant_lists
from diplograph.extract.patterns import Hit
from diplograph.model import RoleAssignment, Span
from diplograph.namespaces import id_iri, slugify

#: Verbs whose subject is a delegation and whose objects are its members.
MEMBERSHIP_VERBS = frozenset("comprendre inclure compter composer réunir".split())
#: Verbs of leading a delegation ("X dirigeait la délégation russe").
LEAD_VERBS = frozenset("conduire mener diriger présider".split())
#: Their participles, which the tagger may read as nouns ("la délégation lao, conduite par X").
LEAD_PARTICIPLES = frozenset(f"{stem}{end}" for stem in ("conduit", "mené", "dirigé", "présidé", "emmené")
                             for end in ("", "e", "s", "es"))
#: "Côté turc, X ..." puts X on the Turkish side.
SIDE_NOUNS = frozenset({"côté"})
#: "son homologue turc": someone holding the same role for another state.
COUNTERPART_NOUNS = frozenset({"homologue"})
_DEFINITE = frozenset({"le", "la", "l'", "les"})
#: Preposition + definite article in one word, before a singular noun.
_CONTRACTED_SINGULAR = frozenset({"du", "au"})
_WINDOW = 9


def find_roles(ctx: Context) -> None:
    """Attach roles to people, resolve unnamed role holders, record sides."""
    from diplograph.extract.participant_lists import read_list_lines
    from diplograph.extract.plural_roles import assign_named, read_plural_role, refine_roles, resolve_unnamed

    demonym_at = demonyms(ctx)
    unnamed: list[tuple[Hit, str | None, int]] = []
    plurals = []
    for hit in ctx.hits_of("role"):
        if hit.start in ctx.heading_tokens:
            continue
        plural = read_plural_role(ctx, hit, demonym_at)
        if plural is not None:
            plurals.append(plural)
            if plural.names:
                assign_named(ctx, plural)
            continue
        org, phrase_end = _organisation(ctx, hit, demonym_at)
        if org is None:
            org = _shared_organisation(ctx, hit, phrase_end, demonym_at)
        before = _name_before(ctx, hit.start, hit.head)
        person = _name_after(ctx, phrase_end, excellency=before is None) or before
        evidence = ctx.span(hit.start, phrase_end)
        if person is not None:
            _assign(ctx, person.iri, hit.iri, org, evidence)
            ctx.role_person[hit.head] = person.iri
            _also_at_phrase_head(ctx, hit, person.iri)
            _state_of_role(ctx, org, hit, phrase_end, demonym_at)
        else:
            unnamed.append((hit, org, phrase_end))
    read_list_lines(ctx, demonym_at)  # list and infobox layouts name holders too, before anaphora is read
    refine_roles(ctx, plurals)
    _counterparts(ctx, demonym_at)
    for plural in plurals:  # "les ministres des deux pays, X et Y": sides once the story's sides are known
        if plural.names:
            assign_named(ctx, plural, counted=True)
    for plural in plurals:
        for state in plural.states:  # a state named only by the demonym of a role is denoted there
            _state_of_role(ctx, state, plural.hit, plural.end, demonym_at)
        if not plural.names and not resolve_unnamed(ctx, plural) and not ctx.by_token.get(plural.hit.head):
            _role_group(ctx, plural.hit, plural.states[0], plural.end)  # unnamed: a collective actor
    for head in sorted(ctx.role_people):  # "Nous, ministres des Affaires étrangères de X, de Y": who "nous" is
        before = ctx.doc[head - 1] if head > 1 else None
        if before is not None and before.text == "," and ctx.doc[head - 2].lower_ == "nous":
            ctx.we = ctx.role_people[head]
            break
    unqualified: dict[str, str] = {}
    # first the phrases the gazetteer or the text already resolves ("Le ministre de l'Europe et des
    # Affaires étrangères"), then, once their counterparts are known, the others ("La ministre moldave")
    unnamed = [u for u in unnamed if not _unnamed_holder(ctx, *u, unqualified, mint=False)]
    _counterparts(ctx, demonym_at)
    for hit, org, phrase_end in unnamed:
        _unnamed_holder(ctx, hit, org, phrase_end, unqualified)
    # resolved role phrases were appended out of text order; later stages read mentions in order
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))
    # "le chef de la diplomatie turque a reçu son homologue russe, X": X once the subject is known;
    # "son homologue chilien" without a name: the holder of the subject's office for Chile
    _counterparts(ctx, demonym_at, unnamed_too=True)
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))
    _delegations(ctx)
    _side_phrases(ctx, demonym_at)
    read_participant_lists(ctx, demonym_at)
    _host_state_offices(ctx)
    for entity in ctx.entities.values():
        # "ministre" (for nobody) beside "ministre chilien des Affaires étrangères": the vaguer one goes
        if entity.kind == "person" and len(entity.roles) > 1:
            entity.roles = [r for r in entity.roles if r.organisation is not None or not any(
                o.organisation is not None and ctx.lex.narrower_or_same(o.role, r.role) for o in entity.roles)]
        if entity.kind == "person" and entity.iri not in ctx.sides:
            for role in entity.roles:
                if role.organisation:
                    ctx.sides[entity.iri] = role.organisation
                    break
            else:
                if entity.affiliation:
                    ctx.sides[entity.iri] = entity.affiliation
    _companion_sides(ctx)


def _companion_sides(ctx: Context) -> None:
    """"Il était accompagné de la vice-ministre X et de l'ambassadeur du Vietnam, M. Y": a
    travelling party is one side.

    Why: a readout names its own minister by a bare office ("le ministre des Affaires
    étrangères, M. Z"), and the one state it gives is often a companion's ("l'ambassadeur du
    Vietnam"); the people who travel together serve the same state. When the principal and the
    companions of an "accompagné de" phrase know exactly one side between them, those without
    a side take it.
    """
    from diplograph.extract.syntax import SUBJECT_DEPS, antecedent, subjects_of

    doc = ctx.doc
    for token in lemma_tokens(doc, frozenset({"accompagner"})):
        if "Part" not in token.morph.get("VerbForm"):
            continue  # "Y accompagnait X": the parse of the active voice is left alone
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in ("de", "d'", "par"):
            continue
        # the people named after "accompagné de", up to the next verb (the parser often loses
        # the second "et de ...", so the words are read in order rather than the tree)
        people: list[str] = []
        for i in range(token.i + 1, ctx.sent_of(token).end):
            if doc[i].pos_ in ("VERB", "AUX"):
                break
            people += [m.iri for m in ctx.by_token.get(i, []) if m.kind == "person" and m.iri not in people]
        if not people:
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
        sides = {ctx.sides[p] for p in party if p in ctx.sides}
        if len(party) < 2 or len(sides) != 1:
            continue
        side = sides.pop()
        for person in party:
            ctx.sides.setdefault(person, side)


def _organisation(ctx: Context, hit: Hit, demonym_at: dict[int, str]) -> tuple[str | None, int]:
    """The state or organisation a role is held for, and where the role phrase ends."""
    doc = ctx.doc
    for i in range(hit.start, hit.end):
        if i in demonym_at:
            return demonym_at[i], hit.end
        for m in ctx.by_token.get(i, []):
            if m.kind in ("state", "org") and not m.described:
                return m.iri, max(hit.end, m.end)  # "président de la République | de Norlande"
    j = hit.end
    if j < len(doc) and j in demonym_at:
        return demonym_at[j], j + 1
    # "de l'Élysée", "de la Turquie", "de l'Union européenne"
    k = j
    while k < len(doc) and k < j + 3 and doc[k].pos_ in ("ADP", "DET"):
        k += 1
    if k > j and k < len(doc):
        for m in ctx.by_token.get(k, []):
            if m.kind in ("state", "org") and m.start == k:
                return m.iri, m.end
        # "président de la Commission de l'Union africaine": an unnamed organ (one capitalised
        # noun) of a named organisation or state; the role is held for that organisation
        if doc[k].text[:1].isupper() and doc[k].pos_ in ("NOUN", "PROPN") and not ctx.by_token.get(k):
            n = k + 1
            while n < len(doc) and n < k + 4 and doc[n].pos_ in ("ADP", "DET"):
                n += 1
            if n > k + 1 and n < len(doc):
                for m in ctx.by_token.get(n, []):
                    if m.kind in ("state", "org") and m.start == n and not m.described:
                        return m.iri, m.end
    ministry = _ministry_of(ctx, hit)
    if ministry is not None:
        _drop_mentions(ctx, hit.start, hit.end)  # "ministre de l'Europe ...": no mention of Europe
        return ministry, hit.end
    return None, hit.end


#: "ministre de X" serves the "ministère de X" of the gazetteer (the title names the ministry).
_MINISTER_TO_MINISTRY = {"ministre": "ministère", "ministres": "ministère"}


def _shared_organisation(ctx: Context, hit: Hit, phrase_end: int, demonym_at: dict[int, str]) -> str | None:
    """"le Premier ministre et chef de la diplomatie du Qatar": two coordinated titles of one
    person share the state the second names (without it the first would be the home state's)."""
    doc = ctx.doc
    j = phrase_end
    if j >= len(doc) or doc[j].lower_ != "et":
        return None
    j += 1
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    second = next((h for h in ctx.hits_of("role") if h.start == j), None)
    if second is None or "Plur" in doc[second.head].morph.get("Number"):
        return None
    org, _ = _organisation(ctx, second, demonym_at)
    return org


def _ministry_of(ctx: Context, hit: Hit) -> str | None:
    """"Le ministre de l'Europe et des Affaires étrangères": the ministry of that name, if known.

    A French minister's title repeats the name of the ministry, so a role phrase without
    a demonym or named state still says whom the minister serves when the gazetteer knows
    the ministry; its state then follows from the ministry's affiliation.
    """
    from diplograph.lexicon import fold

    words = ctx.doc[hit.start:hit.end].text.split(maxsplit=1)
    if len(words) != 2 or words[0].lower() not in _MINISTER_TO_MINISTRY:
        return None
    name = fold(f"{_MINISTER_TO_MINISTRY[words[0].lower()]} {words[1]}")
    for iri in ctx.lex.names.get(name, []):
        actor = ctx.lex.actors.get(iri)
        if actor is not None and actor.kind == "org":
            return ctx.lex.state_of(iri) or iri  # the minister serves the state (as "ministre français")
    return None


def _name_after(ctx: Context, start: int, excellency: bool = False) -> Mention | None:
    """A person named right after a role phrase (complements and one comma allowed).

    ``excellency``: "..., Son Excellence Monsieur X" may name the holder too (only when no name
    stands before the phrase: "de S.E. M. A, Président de Chypre, Son Excellence M. B" gives the
    title to A, and B opens the next clause)."""
    doc = ctx.doc
    j = start
    while j < len(doc) and j < start + _WINDOW:
        for m in ctx.by_token.get(j, []):
            if m.start == j and m.kind == "person" and not m.described:
                return m
        token = doc[j]
        if token.is_space or token.text in ".;:!?()«»" or token.is_sent_start:
            return None
        if token.text == ",":
            nxt = _past_title_complements(ctx, j + 1)
            while nxt < len(doc) and (_is_honorific(doc[nxt]) or (
                    doc[nxt].lower_ in ("le", "la") and nxt + 1 < len(doc) and _is_honorific(doc[nxt + 1]))
                    or (excellency and doc[nxt].lower_ in ("son", "sa") and nxt + 1 < len(doc)
                        and doc[nxt + 1].lower_ == "excellence")):
                nxt += 1  # "..., M. Jean DURAND", "..., le prince X", "..., le Colonel X"
            return next((m for m in ctx.by_token.get(nxt, []) if m.start == nxt and m.kind == "person"
                         and not m.described), None)
        if token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm"):
            return None
        if ctx.by_token.get(j) and any(m.kind == "person" for m in ctx.by_token[j]):
            return None
        j += 1
    return None


def _past_title_complements(ctx: Context, nxt: int) -> int:
    """Where the name may start after a comma that follows a role phrase.

    Official titles run on between commas before the name: a second title ("le Premier Ministre,
    Chef du Gouvernement, M. X"), the rest of a long portfolio ("le ministre des Affaires
    étrangères, de l'Intégration africaine et de la Diaspora, M. X"), a participle phrase
    ("l'ambassadeur au Brésil, accrédité au Pérou, Mme X"). Each such segment ends at a comma,
    holds no finite verb and names no person; at most three are passed.
    """
    doc = ctx.doc
    for _ in range(3):
        if nxt >= len(doc):
            break
        title = max((h.end for h in ctx.hits_of("role") if h.start == nxt), default=None)
        if title is not None and title < len(doc) and doc[title].text == ",":
            nxt = title + 1
            continue
        if doc[nxt].lower_ in ("le", "la") and nxt + 1 < len(doc):
            # "Chef de la délégation, le ministre X": a fronted role, then the holder's usual title
            title = max((h.end for h in ctx.hits_of("role") if h.start == nxt + 1), default=None)
            if title is not None and any(m.kind == "person" and m.start == title for m in ctx.by_token.get(title, [])):
                return title
        first = doc[nxt]
        if not (first.lower_ in ("de", "du", "des", "d'", "d’")
                or ("Part" in first.morph.get("VerbForm") and first.pos_ in ("VERB", "ADJ"))):
            break
        end = next((k for k in range(nxt + 1, min(nxt + 12, len(doc))) if doc[k].text in ",.;:()«»"
                    or doc[k].is_sent_start), None)
        if end is None or doc[end].text != "," or any(
                (t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm"))
                or any(m.kind == "person" for m in ctx.by_token.get(t.i, [])) for t in doc[nxt:end]):
            break
        nxt = end + 1
    return nxt


def _is_honorific(token) -> bool:
    from diplograph.extract.entities import is_honorific

    return is_honorific(token)


def _name_before(ctx: Context, start: int, head: int | None = None) -> Mention | None:
    """"X, conseiller diplomatique de l'Élysée": a name then a comma, then the role.

    Not when the role phrase is the clause's subject and the name ends a phrase fronted before it
    ("Après un entretien avec son homologue, X, le ministre français a appelé ..."): the comma
    closes the frame, it does not open an apposition."""
    doc = ctx.doc
    k = start - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    found = next((m for m in ctx.by_token.get(k - 1, []) if m.end == k and m.kind == "person"
                  and not m.described), None)
    if found is not None and head is not None and _fronted_before_subject(doc[found.start], doc[head]):
        return None
    return found


def _fronted_before_subject(name, role) -> bool:
    """Is ``role`` the subject of a verb and ``name`` inside an adverbial phrase of that verb?"""
    if not role.dep_.startswith("nsubj") or role.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = role.head
    node = name
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_.startswith(("obl", "advcl", "advmod")) and node.i < role.i


def _assign(ctx: Context, person: str, role: str, org: str | None, evidence: Span) -> None:
    entity = ctx.entities.get(person)
    if entity is None:
        return
    org = org or entity.affiliation
    if any(r.role == role and r.organisation == org for r in entity.roles):
        return
    if org is None and any(ctx.lex.narrower_or_same(r.role, role) for r in entity.roles):
        return  # "les ministres des deux pays, X et Y": X is already known as Chile's foreign minister
    if org is not None and any(r.role == role and r.organisation is None for r in entity.roles):
        entity.roles = [r for r in entity.roles if not (r.role == role and r.organisation is None)]
    entity.roles.append(RoleAssignment(role=role, organisation=org, evidence=evidence))
    known = ctx.lex.actors.get(org) if org is not None else None
    minted = ctx.entities.get(org) if org is not None else None
    if (known is not None and known.kind == "state") or (known is None and minted is not None
                                                          and minted.kind == "state"):
        ctx.sides.setdefault(person, org)


def _unnamed_holder(ctx: Context, hit: Hit, org: str | None, phrase_end: int, unqualified: dict[str, str],
                    mint: bool = True) -> bool:
    """A role phrase without a name: the known holder of that role, or an unnamed person.

    ``unqualified`` remembers whom a role phrase naming no state ("le Président de la République")
    was read as, so that its later repetitions mean the same person.
    """
    doc = ctx.doc
    head = doc[hit.head]
    if any(m.described for m in ctx.by_token.get(hit.head, [])):
        return True  # part of a group ("des émissaires américains")
    before = doc[hit.start - 1] if hit.start > 0 else None
    if "Plur" in head.morph.get("Number") and org is not None and not ctx.by_token.get(hit.head):
        _role_group(ctx, hit, org, phrase_end)  # "les ministres des Affaires étrangères de l'UE"
        return True
    # "la visite du Président de la République": "du", "au" hold the definite article too
    if before is None or before.lower_ not in _DEFINITE | _CONTRACTED_SINGULAR or "Plur" in head.morph.get("Number"):
        return True
    if any(m.kind == "person" for i in range(hit.start, phrase_end) for m in ctx.by_token.get(i, [])):
        return True
    qualified = org is not None
    if hit.start > 1 and _is_honorific(doc[hit.start - 2]):
        return True  # "Madame la Présidente,": an address, not a reference
    lex = ctx.lex
    span = ctx.span(hit.start, phrase_end)
    if org is None:  # "le Président de la République": named before, else the office of the home state
        known = unqualified.get(hit.iri)
        if known is not None:
            holders = [ctx.entities[known]]
        else:
            holders = [e for e in ctx.entities.values() if e.kind == "person" and any(
                lex.narrower_or_same(r.role, hit.iri) and r.evidence.begin < span.begin for r in e.roles)]
            if not holders:
                org = _home_state(ctx, hit)
    state = lex.state_of(org)
    if org is not None:
        holders = [e for e in ctx.entities.values() if e.kind == "person" and any(
            lex.narrower_or_same(r.role, hit.iri)
            and (r.organisation == org or lex.state_of(r.organisation) == state)
            for r in e.roles)]
    if not holders and org is not None:
        holders = _office_holder(ctx, hit, org, span)
    if not holders and org is not None:
        previous = _previous_compatible(ctx, hit, org) or _sole_unplaced_holder(ctx, hit, span)
        if previous is not None:
            holders = [previous]
            _assign(ctx, previous.iri, hit.iri, org, span)
    ambiguous = len(holders) > 1
    if ambiguous:  # "Le ministre (argentin)" after two such ministers were named: the one the story follows
        holders = _role_antecedent(ctx, hit, holders)
    if len(holders) == 1:
        holder = holders[0]
        if not qualified and not ambiguous:
            unqualified.setdefault(hit.iri, holder.iri)
        ctx.add_mention(Mention(hit.start, phrase_end, span, holder.iri, "person", described=True))
        ctx.role_person[hit.head] = holder.iri
        _also_at_phrase_head(ctx, hit, holder.iri)
        if span not in holder.mentions:
            holder.mentions.append(span)
        return True
    if org is None or holders:
        return True
    if not mint:
        return False
    phrase = " ".join(span.text.split())
    iri = id_iri("person", slugify(phrase))
    entity = add_minted_entity(ctx, iri, "person", phrase, span, affiliation=org)
    ctx.add_mention(Mention(hit.start, phrase_end, span, iri, "person", described=True, role=hit.iri))
    if not entity.roles:
        entity.roles.append(RoleAssignment(role=hit.iri, organisation=org, evidence=span))
    ctx.sides.setdefault(iri, org)
    return True


def _home_state(ctx: Context, hit: Hit) -> str | None:
    """The state whose office a role phrase naming no state means, when the text shows it.

    A readout says "le Président de la République" for its own head of state. The home state is
    the one state the document's gazetteer institutions belong to ("l'Élysée"), else the one
    state named before the title for which the gazetteer knows a single holder of that office on
    the publication date and the text names none, for a capitalised formal title only. Otherwise no
    guess, else the vocabulary's home state (dg:homeState: France for French-language news). (A
    state named only after the title is what the readout talks about: "Le Président de la
    République s'est rendu à ... les crises, comme en Ukraine" is not Ukraine's president.)
    """
    lex = ctx.lex
    institutions = {lex.state_of(m.iri) for m in ctx.mentions if m.kind == "org" and not m.described
                    and m.iri in lex.actors and lex.actors[m.iri].affiliation}
    institutions.discard(None)
    if len(institutions) == 1:
        return institutions.pop()
    published = ctx.source.published
    if institutions or published is None or not ctx.doc[hit.head].text[:1].isupper():
        return None  # only the formal, capitalised title of a readout ("le Président de la République")
    named = {lex.state_of(r.organisation) for e in ctx.entities.values() if e.kind == "person" for r in e.roles
             if lex.narrower_or_same(r.role, hit.iri) or lex.narrower_or_same(hit.iri, r.role)}
    begin = ctx.doc[hit.start].idx
    states = sorted(e.iri for e in ctx.entities.values() if e.kind == "state" and e.iri not in named
                    and any(m.begin < begin for m in e.mentions)
                    and len(lex.holders_on(hit.iri, e.iri, published)) == 1)
    if len(states) == 1:
        return states[0]
    return None if states else lex.home_state


def _office_holder(ctx: Context, hit: Hit, org: str, span: Span) -> list:
    """"le chef de la diplomatie turque" on a 2026 article: the gazetteer's holder of that office then.

    Only single-holder offices, and only when exactly one gazetteer holding of the role
    (or a narrower one) for that state or organisation covers the document's year: an
    office that changed hands that year, or a date-less document, keeps an unnamed holder
    rather than a guessed name.
    """
    from diplograph.extract.entities import add_linked_entity

    published = ctx.source.published
    if published is None:
        return []
    found = ctx.lex.holders_on(hit.iri, org, published)
    state = ctx.lex.state_of(org)
    via_state = False
    if not found and state is not None and state != org:  # "le chef de la diplomatie ukrainienne"
        found = ctx.lex.holders_on(hit.iri, state, published)
        org, via_state = state, True
    if len(found) != 1:
        return []
    if via_state:  # "diplomatie ukrainienne" only said whose office it is: no mention of the ministry
        phrase = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand")
        if phrase is not None:
            _drop_mentions(ctx, phrase.start, phrase.end + 2, kinds=("org",))
    entity = add_linked_entity(ctx, ctx.lex.actors[found[0]], None)
    _assign(ctx, entity.iri, hit.iri, org, span)
    return [entity]


def _drop_mentions(ctx: Context, start: int, end: int, kinds: tuple[str, ...] = ("place", "org")) -> None:
    """Forget gazetteer mentions of ``kinds`` inside tokens ``start..end``: words of a title, not actors."""
    gone = [m for m in ctx.mentions if start <= m.start and m.end <= end and m.kind in kinds and not m.described]
    for m in gone:
        ctx.mentions.remove(m)
        for i in range(m.start, m.end):
            if m in ctx.by_token.get(i, []):
                ctx.by_token[i].remove(m)
        for iri in {m.iri, m.place}:
            entity = ctx.entities.get(iri) if iri else None
            if entity is not None and m.span in entity.mentions:
                entity.mentions.remove(m.span)


def _role_group(ctx: Context, hit: Hit, org: str, phrase_end: int) -> None:
    """Holders of a role, unnamed and plural: a collective actor of that organisation."""
    span = ctx.span(hit.start, phrase_end)
    phrase = " ".join(span.text.split())
    iri = id_iri("group", slugify(phrase))
    add_minted_entity(ctx, iri, "group", phrase, span, affiliation=org)
    mention = Mention(hit.start, phrase_end, span, iri, "group", described=True, role=hit.iri)
    ctx.add_mention(mention)


def _role_antecedent(ctx: Context, hit: Hit, holders: list) -> list:
    """"Le ministre a qualifié ...", "a écrit le président" when the text has named two
    ministers (or presidents): the holder who is the subject of the sentence before, else the
    holder last introduced by the same role noun, of the same grammatical gender, preferring one
    introduced as a clause subject.

    Why the subject: news keeps its topic in subject position ("Le président ukrainien, X, qui
    s'était entretenu avec le président du Conseil européen, Y, a remercié ... « ... », a écrit
    le président": X). Empty when nothing fits: no guess.
    """
    from diplograph.extract.syntax import in_quote, is_subject

    doc = ctx.doc
    head = doc[hit.head]
    gender = _det_gender(head)
    wanted = {h.iri for h in holders}
    # the subject of the sentence before (or of this one, before the phrase) when a holder: the topic
    sentence = ctx.sent_of(hit.start)
    previous = [s for s in ctx.sentences if s.end <= sentence.start and s.text.strip()][-1:]
    first = previous[0].start if previous else sentence.start
    topic = [m for m in ctx.mentions if first <= m.start < hit.start and m.iri in wanted and not m.described
             and is_subject(ctx, m) and not in_quote(ctx, doc[m.start])]
    if topic:
        return [ctx.entities[max(topic, key=lambda m: m.start).iri]]
    candidates = [i for i, person in ctx.role_person.items()
                  if i < hit.start and person in wanted and doc[i].lemma_.lower() == head.lemma_.lower()
                  and (not gender or not _det_gender(doc[i]) or _det_gender(doc[i]) == gender)]
    if not candidates:
        return []
    subjects = [i for i in candidates if doc[i].dep_ in ("nsubj", "nsubj:pass")]
    chosen = max(subjects or candidates)
    return [ctx.entities[ctx.role_person[chosen]]]


def _det_gender(noun) -> str:
    """Gender of a role noun read on its determiner ("la ministre": the noun is epicene)."""
    return next(("".join(c.morph.get("Gender")) for c in noun.children if c.dep_ == "det"), "")


def _previous_compatible(ctx: Context, hit: Hit, org: str):
    """"X a dit ... Le ministre ukrainien ...": the role phrase names the person just before.

    The nearest person named in the two previous sentences (or earlier in this one) who
    serves the same state or organisation and holds no other role is taken.
    """
    sentence = ctx.sent_of(hit.start)
    sentences = [s for s in ctx.sentences if s.end <= sentence.start][-2:]
    first = sentences[0].start if sentences else sentence.start
    for m in sorted(ctx.mentions, key=lambda m: -m.start):
        if m.kind != "person" or m.described or not (first <= m.start < hit.start):
            continue
        entity = ctx.entities.get(m.iri)
        if entity is None or entity.roles:
            continue
        state = ctx.lex.state_of(org)
        if ctx.lex.state_of(entity.affiliation) == state or ctx.lex.state_of(ctx.sides.get(entity.iri)) == state:
            return entity
    return None


def _sole_unplaced_holder(ctx: Context, hit: Hit, span: Span):
    """"..., a souligné le ministre ivoirien" in a readout whose visiting minister was named with his
    office but no state ("Le ministre d'État, ministre des Affaires étrangères, ..., M. X"): the one
    person named before who holds that kind of office for no known state is the holder; of several,
    the one the story follows (named at least twice as often as any other), else none."""
    lex = ctx.lex
    found = [e for e in ctx.entities.values() if e.kind == "person" and e.roles
             and any(m.begin < span.begin for m in e.mentions)
             and all(r.organisation is None for r in e.roles) and e.iri not in ctx.sides
             and any(lex.narrower_or_same(r.role, hit.iri) or lex.narrower_or_same(hit.iri, r.role) for r in e.roles)]
    if len(found) > 1:  # the story's own minister, told far more often than the others of his rank
        found.sort(key=lambda e: -len(e.mentions))
        return found[0] if len(found[0].mentions) >= 2 * len(found[1].mentions) else None
    return found[0] if found else None


def _state_of_role(ctx: Context, org: str | None, hit: Hit, end: int, demonym_at: dict[int, str]) -> None:
    """The state named only by a demonym of a role ("ses homologues allemand") is denoted there."""
    from diplograph.extract.entities import add_linked_entity

    if org is None or org in ctx.entities or org not in ctx.lex.actors:
        return
    for i in range(hit.start, end + 1):
        if demonym_at.get(i) == org:
            add_linked_entity(ctx, ctx.lex.actors[org], ctx.span(i, i + 1))
            return


def _counterparts(ctx: Context, demonym_at: dict[int, str], unnamed_too: bool = False) -> None:
    """"X a reçu son homologue turc Y": Y holds X's role, for Turkey.

    "ses homologues roumaine et moldave, Mmes Y et Z" pairs the demonyms with the names in order;
    "homologues allemand, Y, et polonais, Z" gives each name the demonym before it. With
    ``unnamed_too``, "son homologue chilien" without a name stands for the holder of X's role for
    Chile: the one the document names, else the gazetteer's holder on the publication date, else an
    unnamed person of that state (their side is known even when their name is not).
    """
    doc = ctx.doc
    for token in lemma_tokens(doc, COUNTERPART_NOUNS):
        if token.i in ctx.heading_tokens:
            continue
        subject = _counterpart_of(ctx, token)
        if subject is None:
            continue
        subject_role = subject.roles[0].role
        # "homologue turc Y", "homologues allemand, Y, et polonais, Z", "homologues roumaine et moldave, Y et Z"
        j = token.i + 1
        states: list[tuple[int, str]] = []
        people: list[Mention] = []
        stop = ctx.sent_of(token).end
        while j < stop and j <= token.i + 24:
            t = doc[j]
            person = next((m for m in ctx.by_token.get(j, []) if m.kind == "person" and m.start == j
                           and not m.described), None)
            if j in demonym_at:
                states.append((j, demonym_at[j]))
            elif person is not None:
                people.append(person)
                j = person.end
                continue
            elif t.pos_ in ("VERB", "AUX") or t.text in ".;:()" or (t.is_punct and t.text != ","):
                break
            elif not (t.text == "," or t.lower_ == "et" or _is_honorific(t) or t.pos_ in ("DET", "ADJ")):
                break
            j += 1
        for i, state in states:
            _state_of_role(ctx, state, Hit("role", subject_role, i, i + 1, i), i, demonym_at)
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
                _assign(ctx, m.iri, subject_role, state, ctx.span(token.i, m.start))
                ctx.sides[m.iri] = state
            if len(people) == 1:
                ctx.role_person.setdefault(token.i, people[0].iri)  # "et son homologue X, Y": the phrase is Y
        elif unnamed_too and len(states) == 1 and not people and subject.iri:
            _unnamed_counterpart(ctx, token, subject, subject_role, states[0])
        elif unnamed_too and not states and not people and subject.iri:
            _known_counterpart(ctx, token, subject, subject_role)


def _counterpart_of(ctx: Context, token):
    """Whose counterpart "son homologue" is: the nearest person with a role earlier in the sentence,
    else the first person subject of one of the three sentences before ("Il y sera reçu par son
    homologue"), the nearest first."""
    sentence = ctx.sent_of(token)
    for m in sorted(ctx.mentions, key=lambda m: -m.start):  # the nearest: "X a reçu Y et son homologue Z"
        if m.kind == "person" and sentence.start <= m.start < token.i:
            entity = ctx.entities.get(m.iri)
            if entity is not None and entity.roles:
                return entity
    from diplograph.extract.syntax import is_subject

    for previous in reversed([s for s in ctx.sentences if s.end <= sentence.start and s.text.strip()][-3:]):
        for m in ctx.mentions:  # "X a dit ... Il a refusé ... À Islamabad, son homologue Y": X
            if m.kind == "person" and previous.start <= m.start < previous.end and is_subject(ctx, m):
                entity = ctx.entities.get(m.iri)
                return entity if entity is not None and entity.roles else None
    return None


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
    holders = [e for e in ctx.entities.values() if e.kind == "person" and e.iri != subject.iri and any(
        lex.narrower_or_same(r.role, role) and (lex.state_of(r.organisation) or r.organisation) == state
        for r in e.roles)]
    if not holders:
        holders = _office_holder(ctx, Hit("role", role, token.i, i + 1, token.i), state, span)
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


def lemma_tokens(doc, lemmas: frozenset[str]) -> list:
    """Tokens whose lemma is one of ``lemmas``, found through one array read (no Token per word)."""
    from spacy.attrs import LEMMA

    wanted = {doc.vocab.strings.add(lemma) for lemma in lemmas}
    wanted |= {doc.vocab.strings.add(lemma.capitalize()) for lemma in lemmas}
    column = doc.to_array([LEMMA])
    return [doc[int(i)] for i in range(len(column)) if int(column[i]) in wanted]


def _delegations(ctx: Context) -> None:
    """Members of delegations and their side.

    "La délégation russe comprenait X, Y et Z", "la délégation russe était conduite par X,
    la délégation ukrainienne par Y", "X dirigeait la délégation russe".
    """
    from diplograph.extract.events import actors_of

    doc = ctx.doc
    delegations = [m for m in ctx.mentions if m.kind == "delegation"]
    for m in delegations:
        token = doc[m.start]
        verb = token.head
        members: list[str] = []
        after = m.end
        # "la délégation russe était conduite par X", "la délégation cambodgienne, dirigée par X"
        while after < len(doc) and after < m.end + 4 and (doc[after].pos_ in ("AUX", "VERB", "ADV")
                                                          or doc[after].lower_ in LEAD_PARTICIPLES
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
        elif token.dep_ in ("nsubj", "nsubj:pass") and verb.lemma_ in MEMBERSHIP_VERBS:
            stop = ctx.sent_of(token).end
            for other in delegations:
                if verb.i < other.start < stop:
                    stop = other.start
            for other in ctx.mentions:
                if other.kind == "person" and verb.i < other.start < stop and other.iri not in members \
                        and not (doc[other.start].dep_ == "nmod" and other.start > verb.i + 1
                                 and doc[other.start - 1].lower_ in ("du", "de")):
                    members.append(other.iri)
        elif token.dep_ == "nsubj:pass" and verb.lemma_ in LEAD_VERBS:
            # "La délégation malienne aux travaux du sommet a été conduite par le Premier ministre, X"
            members = [a for c in verb.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)
                       if _is_person(ctx, a)]
        elif token.dep_ == "obj" and verb.lemma_ in LEAD_VERBS:
            from diplograph.extract.events import _subjects

            members = [a for s in _subjects(ctx, verb) for a in actors_of(ctx, s) if _is_person(ctx, a)]
        if not members:
            continue
        state = ctx.entities[m.iri].affiliation
        ctx.memberships.append((m.iri, m.span.begin, members))
        for person in members:
            if state:
                ctx.sides[person] = state


def _is_person(ctx: Context, iri: str) -> bool:
    entity = ctx.entities.get(iri)
    return entity is not None and entity.kind == "person"


#: "en visite officielle en Belgique": the noun of a visit whose place is the host state.
VISIT_NOUNS = frozenset({"visite"})


def _host_state_offices(ctx: Context) -> None:
    """"La ministre des Affaires étrangères, X, a reçu Y, en visite officielle en Belgique": an office
    the text gives for no state is held for the host state of the visit the document reports.

    A readout names its own office holders without a state; when it says the guest is on a visit to
    one state, the people it names with such bare offices (and no side) serve that state.
    """
    doc = ctx.doc
    told: set[str] = set()  # visits told as made
    invited: set[str] = set()  # "l'a invité à effectuer une visite en X": only asked for
    visitors = set()  # "La ministre des Affaires étrangères, X, en visite au Portugal,": X is the guest
    for token in lemma_tokens(doc, VISIT_NOUNS):
        if token.i >= 3 and doc[token.i - 1].lower_ == "en" and doc[token.i - 2].text == ",":
            visitors.update(m.iri for m in ctx.mentions if m.end == token.i - 2 and m.kind == "person")
        hosts = invited if "Inf" in token.head.morph.get("VerbForm") else told
        if hosts is told and token.dep_ == "obj":  # "X a effectué une visite à Lima": X is the guest
            visitors.update(m.iri for c in token.head.children if c.dep_ == "nsubj"
                            for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person")
        j = token.i + 1
        while j < len(doc) and j <= token.i + 4 and doc[j].lower_ not in ("en", "au", "aux", "à"):
            if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
                break
            j += 1
        if j < len(doc) and doc[j].lower_ in ("en", "au", "aux"):
            hosts.update(m.iri for m in ctx.by_token.get(j + 1, []) if m.kind == "state" and m.start == j + 1)
        elif j < len(doc) and doc[j].lower_ == "à":
            hosts.update(_state_of_city(ctx, j + 1))
    hosts = told or invited
    if len(hosts) != 1:
        return
    host = hosts.pop()
    companions = set()  # "X était accompagné de Y": Y came with the guest, not from the host state
    for token in lemma_tokens(doc, frozenset({"accompagner"})):
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                companions.update(m.iri for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person")
    for entity in ctx.entities.values():
        if entity.kind == "person" and entity.roles and entity.iri not in ctx.sides \
                and entity.iri not in companions | visitors and all(r.organisation is None for r in entity.roles):
            entity.roles = [RoleAssignment(r.role, host, r.evidence) for r in entity.roles]
            ctx.sides[entity.iri] = host


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


def _side_phrases(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"Côté turc, X était présent": the people of that clause are on that side."""
    for token in lemma_tokens(ctx.doc, SIDE_NOUNS):  # one array read, not a Token per word
        if token.lower_ not in SIDE_NOUNS or token.i + 1 not in demonym_at:
            continue
        state = demonym_at[token.i + 1]
        sentence = ctx.sent_of(token)
        for m in ctx.mentions:
            if m.kind == "person" and token.i < m.start < sentence.end:
                ctx.sides[m.iri] = state


def _also_at_phrase_head(ctx: Context, hit: Hit, person: str) -> None:
    """The role's holder is also found from the token the parser made the phrase's head.

    A hit's head is the first word of its phrase ("Premier" in "le Premier ministre portugais"),
    but the clause hangs the phrase on its noun ("par le Premier ministre portugais, X": the agent
    is "ministre"), so the holder is recorded there too, when nothing else is.
    """
    head = ctx.doc[hit.head]
    while head.head.i != head.i and hit.start <= head.head.i < hit.end:
        head = head.head
    ctx.role_person.setdefault(head.i, person)
