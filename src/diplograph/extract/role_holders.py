"""Who holds a role phrase that names nobody: "le président turc a critiqué ...".

A title without a name refers back to the one person the document has given that office,
else to the person the story follows, else to the gazetteer's holder on the publication
date, else it stands for an unnamed holder (or a collective, when plural). A title that names
no state ("le Président de la République") is read for the document's home state first.
This is a judgement over the whole document, unlike reading the title itself
(:mod:`~diplograph.extract.role_titles`).
"""

from __future__ import annotations

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_linked_entity, add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import is_honorific
from diplograph.extract.patterns import Hit
from diplograph.extract.role_titles import also_at_phrase_head, assign_role, drop_mentions, holding_day
from diplograph.extract.sides import speaking_state
from diplograph.extract.syntax import actors_of, in_quote, is_subject, subjects_of
from diplograph.extract.token_view import feature
from diplograph.lexicon import Lexicon
from diplograph.model import RoleAssignment, Span
from diplograph.namespaces import id_iri, slugify

_DEFINITE = frozenset({"le", "la", "l'", "les"})


#: Preposition + definite article in one word, before a singular noun.
_CONTRACTED_SINGULAR = frozenset({"du", "au"})


def unnamed_holder(ctx: Context, hit: Hit, org: str | None, phrase_end: int, unqualified: dict[str, str],
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
    if before is not None and before.pos_ == "ADJ" and hit.start > 1 and org is None \
            and doc[hit.start - 2].lower_ in _DEFINITE | _CONTRACTED_SINGULAR \
            and "Plur" not in feature(head, "Number"):
        # "L'ancien ministre X ... l'ancien ministre a rencontré Y": the person the text named with
        # the same adjective and title (the adjective, "ancien", "nouveau", sets the one meant apart)
        return _same_epithet_holder(ctx, hit, phrase_end, before.lower_)
    if "Plur" in feature(head, "Number") and org is not None and not ctx.by_token.get(hit.head):
        role_group(ctx, hit, org, phrase_end)  # "les ministres des Affaires étrangères de l'UE"
        return True
    if before is not None and before.pos_ == "ADJ" and before.is_lower and hit.start > 1 \
            and doc[hit.start - 2].lower_ in _DEFINITE | _CONTRACTED_SINGULAR:
        before = doc[hit.start - 2]  # "Le nouveau ministre de l'Europe et des Affaires étrangères": its state's
    # "la visite du Président de la République": "du", "au" hold the definite article too
    if before is None or before.lower_ not in _DEFINITE | _CONTRACTED_SINGULAR or "Plur" in feature(head, "Number"):
        return True
    if any(m.kind == "person" for i in range(hit.start, phrase_end) for m in ctx.by_token.get(i, [])):
        return True
    qualified = org is not None
    if hit.start > 1 and is_honorific(ctx, doc[hit.start - 2]):
        return True  # "Madame la Présidente,": an address, not a reference
    lex = ctx.lex
    span = ctx.span(hit.start, phrase_end)
    stateless: list = []
    if org is None:  # "le Président de la République": named before, else the office of the home state
        known = unqualified.get(hit.iri)
        if known is not None:
            holders = [ctx.entities[known]]
        else:
            holders = [e for e in ctx.entities.values() if e.kind == "person" and any(
                lex.narrower_or_same(r.role, hit.iri) and r.evidence.begin < span.begin for r in e.roles)]
            stateless = [e for e in holders if any(lex.narrower_or_same(r.role, hit.iri) and r.organisation is None
                                                   for r in e.roles)]
            if not holders:
                org = _home_state(ctx, hit)
    state = lex.state_of(org)
    if org is not None:
        holders = [e for e in ctx.entities.values() if e.kind == "person" and any(
            lex.narrower_or_same(r.role, hit.iri)
            and (r.organisation == org or lex.state_of(r.organisation) == state)
            for r in e.roles)]
    if not holders and org is not None:
        # "X, Ministre d'État, Chef de la Maison civile du Président de la République d'Angola" ...
        # "le Ministre d'État angolais": the title told for no state, by someone on that state's side
        holders = [e for e in ctx.entities.values() if e.kind == "person" and ctx.sides.get(e.iri) in (org, state)
                   and any(lex.narrower_or_same(r.role, hit.iri) and r.organisation is None for r in e.roles)]
    if not holders and org is not None:
        holders = office_holder(ctx, hit, org, span)
    if not holders and org is not None and doc[hit.head].lemma_.lower() in cue_words(lex, "occasion-role"):
        holders = _sole_of_side(ctx, org, span)  # "l'émissaire angolais": the one Angolan told before
    if not holders and org is not None:
        previous = _previous_compatible(ctx, hit, org) or _sole_unplaced_holder(ctx, hit, span)
        if previous is not None:
            holders = [previous]
            assign_role(ctx, previous.iri, hit.iri, org, span)
    ambiguous = len(holders) > 1
    candidates = holders
    if ambiguous:  # "Le ministre (argentin)" after two such ministers were named: the one the story follows
        holders = _role_antecedent(ctx, hit, holders)
        if not holders and len(stateless) == 1:
            # "Le Président de la République, X, a reçu l'envoyé du Président des Émirats ... le Chef
            # de l'État": with no topic to follow, the title naming no state is the one whose title
            # named none
            holders = stateless
        if not holders and not qualified:
            holders = _framed_holder(ctx, hit, candidates)
    if len(holders) == 1:
        holder = holders[0]
        if not qualified and not ambiguous:
            unqualified.setdefault(hit.iri, holder.iri)
        _take_up(ctx, hit.start, phrase_end, hit.head, holder)
        also_at_phrase_head(ctx, hit, holder.iri)
        return True
    if holders:
        return True
    if org is None:
        # "Le ministre ghanéen des Affaires étrangères a reçu ... Le ministre des Affaires étrangères a
        # déclaré": the first reading mints no one; the second finds the holder minted since
        return mint
    if not mint:
        return False
    later = _named_later(ctx, hit, org, span)
    if later is not None:  # "Le chef de l'État togolais a reçu ... par le chef de l'État, Y"
        assign_role(ctx, later.iri, hit.iri, org, span)
        _take_up(ctx, hit.start, phrase_end, hit.head, later)
        return True
    phrase = " ".join(span.text.split())
    # a title that names no state ("le ministre des Affaires étrangères", read for the dateline's
    # state) is that state's office holder: the state is in the IRI, as the demonym is otherwise
    iri = id_iri("person", slugify(phrase if qualified else f"{phrase} {org.rstrip('/').rsplit('/', 1)[-1]}"))
    entity = add_minted_entity(ctx, iri, "person", phrase, span, affiliation=org)
    ctx.add_mention(Mention(hit.start, phrase_end, span, iri, "person", described=True, role=hit.iri))
    if not entity.roles:
        entity.roles.append(RoleAssignment(role=hit.iri, organisation=org, evidence=span))
    ctx.sides.setdefault(iri, org)
    return True


def _framed_holder(ctx: Context, hit: Hit, holders: list) -> list:
    """"Lomé, le 3 mars - Le Président de la République togolaise, X, ... avec son homologue du Bénin,
    Y ... le Chef de l'État effectuera une visite": a title naming no state, in a text framed by one
    state (its dateline, its opening), is that state's; of the holders of that title named before,
    each for his state, the one holding it for the frame's state is meant. Without a frame, or
    with none or two such holders, nobody."""
    lex = ctx.lex
    frame = lex.state_of(speaking_state(ctx))
    if frame is None:
        return []
    framed = [e for e in holders if any(lex.narrower_or_same(r.role, hit.iri) and r.organisation is not None
                                        and lex.state_of(r.organisation) == frame for r in e.roles)]
    return framed if len(framed) == 1 else []


def _named_later(ctx: Context, hit: Hit, org: str, span: Span):
    """"Le chef de l'État gabonais a reçu hier ... Le ministre X a été reçu ... par le chef de l'État,
    Y": a readout often gives the leader's title first and the name further on. The one person the
    document names later with a head of state's or government's title of that state, or of no
    state, is the one meant; with two such people or none, nobody is."""
    lex = ctx.lex
    if hit.iri not in lex.leader_roles:
        return None
    state = lex.state_of(org)
    text = ctx.text

    def fits(r) -> bool:
        if r.role not in lex.leader_roles or r.evidence.begin <= span.end or not (
                lex.narrower_or_same(r.role, hit.iri) or lex.narrower_or_same(hit.iri, r.role)):
            return False
        if r.organisation is not None:
            return lex.state_of(r.organisation) == state
        # a title of no state counts in a readout's formal apposition only ("par le chef de l'État,
        # Y"): "le président Robert Mugabe" names another state's president in passing
        return text[r.evidence.end:r.evidence.end + 1] == ","

    people = [e for e in ctx.entities.values() if e.kind == "person" and any(fits(r) for r in e.roles)
              and ctx.sides.get(e.iri) in (None, org, state) and lex.state_of(e.affiliation) in (None, state)]
    return people[0] if len(people) == 1 else None


def _same_epithet_holder(ctx: Context, hit: Hit, phrase_end: int, epithet: str) -> bool:
    """The one person named before with the title ``hit`` preceded by ``epithet``, as a mention of
    that person; nobody otherwise (an unnamed "nouveau ministre" is no one the text has told)."""
    span = ctx.span(hit.start, phrase_end)
    holders = [e for e in ctx.entities.values() if e.kind == "person" and any(
        ctx.lex.narrower_or_same(r.role, hit.iri) and r.evidence.begin < span.begin
        and ctx.text[:r.evidence.begin].rstrip().lower().endswith(epithet) for r in e.roles)]
    if not holders:  # the gazetteer's holder just named: the title tells their office and its state
        told = _named_office_holder(ctx, hit)
        if len(told) == 1:
            holder, org = told[0]
            _take_up(ctx, hit.start, phrase_end, hit.head, holder)
            assign_role(ctx, holder.iri, hit.iri, org, span)
        return True
    if len(holders) != 1:
        return True
    holder = holders[0]
    _take_up(ctx, hit.start, phrase_end, hit.head, holder)
    return True


def _named_office_holder(ctx: Context, hit: Hit) -> list[tuple]:
    """"X a réservé à Berlin son premier déplacement. Le nouveau ministre des Affaires étrangères a
    rencontré ...": the people named in the sentence before (or earlier in this one) whom the
    gazetteer says held the title's office on the publication date, each with the state or
    organisation they held it for."""
    published = ctx.source.published
    if published is None:
        return []
    lex = ctx.lex
    sentence = ctx.sent_of(hit.start)
    before = ctx.sentences_before(sentence.start, 1)
    first = before[0].start if before else sentence.start
    named = dict.fromkeys(m.iri for m in ctx.mentions
                          if m.kind == "person" and not m.described and first <= m.start < hit.start)
    found = []
    for p in named:
        held = [h for h in lex.holdings
                if h.person == p and lex.narrower_or_same(h.role, hit.iri) and h.covers(published)]
        if p in ctx.entities and held:
            found.append((ctx.entities[p], held[0].organisation))
    return found


def _take_up(ctx: Context, start: int, end: int, head: int, person) -> None:
    """The phrase ``start..end`` (headed at ``head``) names ``person`` told elsewhere: a described
    mention of them, the holder of that head, one more of their mentions."""
    span = ctx.span(start, end)
    ctx.add_mention(Mention(start, end, span, person.iri, "person", described=True))
    ctx.role_person[head] = person.iri
    if span not in person.mentions:
        person.mentions.append(span)


def _portfolio_state(ctx: Context, hit: Hit) -> str | None:
    """A long portfolio names its state's citizens abroad ("ministre des Affaires étrangères, de la
    Coopération et des Burkinabè de l'Extérieur", "... et des Marocains résidant à l'étranger"): the
    one state a demonym within it stands for."""
    doc = ctx.doc
    states = set()
    for k in range(hit.start, min(hit.end + 14, len(doc))):
        if k >= hit.end and (doc[k].text in ".;:()" or (doc[k].pos_ in ("VERB", "AUX") and k > hit.end)
                             or any(m.kind == "person" and m.start == k for m in ctx.by_token.get(k, []))):
            break
        if k in ctx.demonym_at and doc[k].text[:1].isupper():  # a people ("des Burkinabè"), not "lao"
            states.add(ctx.demonym_at[k])
    return states.pop() if len(states) == 1 else None


def _escort_state(ctx: Context, hit: Hit) -> str | None:
    """"Il était accompagné par une délégation composée du Ministre des Affaires étrangères": an
    office naming no state in the party escorting someone is held for that person's state."""
    doc = ctx.doc
    sentence = ctx.sent_of(doc[hit.start])
    accompanying = cue_words(ctx.lex, "accompanying")
    escort = next((t for t in reversed(doc[sentence.start:hit.start]) if t.lemma_.lower() in accompanying), None)
    if escort is None or hit.start - escort.i > 12:
        return None
    escorted = [c for c in escort.children if c.dep_ in ("nsubj", "nsubj:pass")] or subjects_of(ctx, escort)
    people = [a for s in escorted for a in actors_of(ctx, s)]
    sides = {ctx.sides[a] for a in people if a in ctx.sides}
    return sides.pop() if len(sides) == 1 else None


def _institution_named(m: Mention, lex: Lexicon) -> str | None:
    """The gazetteer institution a mention names: an organisation, or the seat it is named after
    read as a place ("reçus à l'Élysée": the palace, standing for the presidency)."""
    if m.described:
        return None
    if m.kind == "org":
        return m.iri
    seat = lex.actors.get(m.iri) if m.kind == "place" else None
    if seat is not None and seat.stands_for in lex.actors and lex.actors[seat.stands_for].kind == "org":
        return seat.stands_for
    return None


def _home_state(ctx: Context, hit: Hit) -> str | None:
    """The state whose office a role phrase naming no state means, when the text shows it.

    A readout says "le Président de la République" for its own head of state. The home state is
    the one state the document's gazetteer institutions belong to ("l'Élysée"), else the state of
    the city its dateline opens with ("Dakar, le 3 mai 2023 -": a presidency dates its readout
    where it sits) or of the state its first sentence opens on ("Au Tchad, ..."), else the one
    state named before the title for which the gazetteer knows a single holder of that office on
    the publication date and the text names none, for a capitalised formal title only. Otherwise no
    guess, else the vocabulary's home state (dg:homeState: France for French-language news). (A
    state named only after the title is what the readout talks about: "Le Président de la
    République s'est rendu à ... les crises, comme en Ukraine" is not Ukraine's president.)
    """
    lex = ctx.lex
    portfolio = _portfolio_state(ctx, hit) or _escort_state(ctx, hit)
    if portfolio is not None:  # "Ministre des Affaires étrangères, ... et des Burkinabè de l'Extérieur"
        return portfolio
    institutions = {lex.state_of(org) for org in (_institution_named(m, lex) for m in ctx.mentions)
                    if org is not None and org in lex.actors and lex.actors[org].affiliation}
    institutions.discard(None)
    if len(institutions) == 1:
        return institutions.pop()
    if institutions:
        return None
    published = ctx.source.published
    dateline = speaking_state(ctx)
    if published is None or not ctx.doc[hit.head].text[:1].isupper():
        # only the formal, capitalised title of a readout ("le Président de la République"), or a
        # bare office that is its clause's subject under the readout's dateline ("Lomé, le 3 mars -
        # Le ministre des Affaires étrangères a déclaré": Togo's minister)
        return dateline if ctx.doc[hit.head].dep_ in ("nsubj", "nsubj:pass") else None
    if dateline is not None:  # "Dakar, le 3 mai 2023 - Le Président de la République a reçu ...": its own
        return dateline
    named = {lex.state_of(r.organisation) for e in ctx.entities.values() if e.kind == "person" for r in e.roles
             if lex.narrower_or_same(r.role, hit.iri) or lex.narrower_or_same(hit.iri, r.role)}
    begin = ctx.doc[hit.start].idx
    states = sorted(e.iri for e in ctx.entities.values() if e.kind == "state" and e.iri not in named
                    and any(m.begin < begin for m in e.mentions)
                    and len(lex.holders_on(hit.iri, e.iri, published)) == 1)
    if len(states) == 1:
        return states[0]
    if not states:
        # "Le Chef de l'Etat gabonais a reçu ... Le Chef de l'Etat a salué ...": the same office told
        # before with one state's demonym (not the home state's): the bare title takes it up
        told = {lex.state_of(ctx.demonym_at[k]) for h in ctx.hits_of("role") if h.end <= hit.start
                and (lex.narrower_or_same(h.iri, hit.iri) or lex.narrower_or_same(hit.iri, h.iri))
                for k in range(h.start, h.end + 1) if k in ctx.demonym_at}
        told.discard(None)
        if len(told) == 1 and lex.home_state not in told:
            return told.pop()
    return None if states else lex.home_state


def office_holder(ctx: Context, hit: Hit, org: str, span: Span) -> list:
    """"le chef de la diplomatie turque" on a 2026 article: the gazetteer's holder of that office then.

    Only single-holder offices, and only when exactly one gazetteer holding of the role
    (or a narrower one) for that state or organisation covers the document's year: an
    office that changed hands that year, or a date-less document, keeps an unnamed holder
    rather than a guessed name.
    """
    when = holding_day(ctx, hit.head)
    if when is None or incoming_title(ctx, hit):
        return []
    found = ctx.lex.holders_on(hit.iri, org, when)
    state = ctx.lex.state_of(org)
    via_state = False
    if not found and state is not None and state != org:  # "le chef de la diplomatie ukrainienne"
        found = ctx.lex.holders_on(hit.iri, state, when)
        org, via_state = state, True
    if len(found) != 1:
        return []
    if via_state:  # "diplomatie ukrainienne" only said whose office it is: no mention of the ministry
        phrase = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand")
        if phrase is not None:
            drop_mentions(ctx, phrase.start, phrase.end + 2, kinds=("org",))
    entity = add_linked_entity(ctx, ctx.lex.actors[found[0]], None)
    assign_role(ctx, entity.iri, hit.iri, org, span)
    return [entity]


def incoming_title(ctx: Context, hit: Hit) -> bool:
    """"son futur homologue américain", "la présidente élue": a title a word of cue:incoming sets
    before or right after names who will hold the office, not who holds it on the publication day."""
    doc, words = ctx.doc, cue_words(ctx.lex, "incoming")
    near = [doc[hit.start - 1]] if hit.start > 0 else []
    near += [doc[hit.end]] if hit.end < len(doc) else []
    return any(t.lower_ in words or t.lemma_.lower() in words for t in near)


def role_group(ctx: Context, hit: Hit, org: str, phrase_end: int) -> None:
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
    doc = ctx.doc
    head = doc[hit.head]
    gender = _det_gender(head)
    wanted = {h.iri for h in holders}
    # the subject of the sentence before (or of this one, before the phrase) when a holder: the topic
    sentence = ctx.sent_of(hit.start)
    previous = ctx.sentences_before(sentence.start)
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
    return next(("".join(feature(c, "Gender")) for c in noun.children if c.dep_ == "det"), "")


_DESCRIBING = frozenset({"le", "la", "l'", "l’", "ce", "cet", "cette", "son", "sa"})


def described_people(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"Le Premier ministre nigérien, X, est arrivé ... Le responsable nigérien s'est ensuite
    entretenu avec ...": a singular definite person noun with a demonym and no office of its own
    (cue:described-person, cue:occasion-role) is a further mention of the one person of that state
    named before; of two or more, or of none, it names nobody. "le dirigeant malien" takes up a
    head of state or government only."""
    lex = ctx.lex
    nouns = cue_words(lex, "described-person") | cue_words(lex, "occasion-role")
    leaders_only = cue_words(lex, "leader-noun")
    doc = ctx.doc
    # the candidate nouns through the token view (their lemma, or the word itself: "visiteuse")
    for i in sorted(set(ctx.tokens.where_lemma(nouns)) | set(ctx.tokens.where_lower(nouns))):
        token = doc[i]
        if token.i + 1 not in demonym_at or token.i == 0 or token.pos_ != "NOUN":
            continue
        if doc[token.i - 1].lower_ not in _DESCRIBING or "Plur" in feature(token, "Number") \
                or ctx.by_token.get(token.i) or token.i in ctx.role_person:
            continue
        state = lex.state_of(demonym_at[token.i + 1])
        people = sorted({m.iri for m in ctx.mentions if m.kind == "person" and not m.described
                         and m.start < token.i and _of_state(ctx, m.iri, state)})
        if token.lemma_.lower() in leaders_only:
            people = [p for p in people if p in ctx.entities and _leads(ctx, p)]
        if len(people) != 1 or people[0] not in ctx.entities:
            continue
        _take_up(ctx, token.i - 1, token.i + 2, token.i, ctx.entities[people[0]])


def _sole_of_side(ctx: Context, org: str, span: Span) -> list:
    """"X, Ministre d'État ... d'Angola, porteur d'un message ... l'émissaire angolais a déclaré": a
    part taken for the occasion (cue:occasion-role: envoy, visitor, guest) is no office with holders
    of its own; with a state, it is the one person on that state's side the text named before."""
    lex = ctx.lex
    state = lex.state_of(org)
    start = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand").start
    people = [ctx.entities[iri] for iri in sorted({
        m.iri for m in ctx.mentions if m.kind == "person" and not m.described and m.start < start
        and lex.state_of(ctx.sides.get(m.iri)) == state}) if iri in ctx.entities]
    # "porteur d'un message de son homologue, le président X": a head of state sends, he is not sent
    people = [e for e in people if not any(r.role in lex.leader_roles for r in e.roles)]
    return people if len(people) == 1 else []


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
    # "X, président de l'Assemblée, a reçu le président du Ghana": whoever does the act to the
    # phrase is not the one it names
    head = ctx.doc[hit.head]
    verb = head.head if head.dep_ in ("obj", "iobj") or head.dep_.startswith("obl") else None
    doers = {a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)} if verb is not None else set()
    found = [e for e in ctx.entities.values() if e.kind == "person" and e.roles and e.iri not in doers
             and any(m.begin < span.begin for m in e.mentions)
             and all(r.organisation is None for r in e.roles) and e.iri not in ctx.sides
             and any(lex.narrower_or_same(r.role, hit.iri) or lex.narrower_or_same(hit.iri, r.role) for r in e.roles)]
    if len(found) > 1:  # the story's own minister, told far more often than the others of his rank
        found.sort(key=lambda e: -len(e.mentions))
        return found[0] if len(found[0].mentions) >= 2 * len(found[1].mentions) else None
    return found[0] if found else None


def _of_state(ctx: Context, iri: str, state: str | None) -> bool:
    """The person is of ``state``: by the side the text gives, else by the gazetteer's affiliation."""
    side = ctx.sides.get(iri)
    entity = ctx.entities.get(iri)
    return ctx.lex.state_of(side if side is not None else entity.affiliation if entity else None) == state


def _leads(ctx: Context, iri: str) -> bool:
    """A leader's office the text gives, else one the gazetteer says the person held."""
    lex = ctx.lex
    roles = ctx.entities[iri].roles
    return any(r.role in lex.leader_roles for r in roles) or (
        not roles and any(h.person == iri and h.role in lex.leader_roles for h in lex.holdings))
