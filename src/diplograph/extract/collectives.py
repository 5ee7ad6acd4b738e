"""Unnamed actors named by a noun and a demonym: groups, delegations, state bodies, ministries.

"des dirigeants européens" is a collective actor, "la délégation russe" a delegation, "la
diplomatie russe" the state itself, "le ministère turc des Affaires étrangères" an
organisation of that state. None of them has a name to look up, so they are read apart
from gazetteer links and minted names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_described_actor, add_linked_entity, add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.token_view import feature
from diplograph.lexicon import fold
from diplograph.namespaces import id_iri, slugify

if TYPE_CHECKING:
    from spacy.tokens import Token


# The nouns are data (ontology/vocab/cues.ttl, read through cue_words): cue:collective (plural,
# with a demonym, an unnamed collective actor: "des dirigeants européens"), cue:state-body (the
# state itself: "la diplomatie russe a annoncé"), cue:delegation ("la délégation russe") and
# cue:ministry ("le ministère turc des Affaires étrangères": an organisation of that state, the
# gazetteer names a few, the others are minted).


def find_collectives(ctx: Context, demonym_at: dict[int, str]) -> None:
    """Unnamed groups, delegations and state bodies: noun + demonym(s)."""
    doc = ctx.doc
    lex = ctx.lex
    collective_nouns, state_nouns = cue_words(lex, "collective"), cue_words(lex, "state-body")
    delegation_nouns, ministry_nouns = cue_words(lex, "delegation"), cue_words(lex, "ministry")
    # the four kinds of nouns only (any other lemma is skipped below): no Token made for every word
    for at in ctx.tokens.where_lemma(delegation_nouns | state_nouns | collective_nouns | ministry_nouns):
        token = doc[at]
        if token.i in ctx.heading_tokens or token.pos_ not in ("NOUN", "PROPN") or ctx.by_token.get(token.i):
            continue
        lemma = token.lemma_.lower()
        if lemma not in delegation_nouns and lemma not in state_nouns and lemma not in collective_nouns \
                and lemma not in ministry_nouns:
            continue  # most nouns: skip before the morphology lookup below, the costly part
        plural = "Plur" in feature(token, "Number") or token.lower_.endswith(("s", "x"))
        if lemma in ministry_nouns:
            if not plural and token.i + 1 in demonym_at:
                _ministry(ctx, token, demonym_at[token.i + 1])
            elif not plural:
                _ministry_told(ctx, token)
            continue
        if lemma in delegation_nouns:
            kind = "delegation"
        elif lemma in state_nouns:
            kind = "state"
        elif lemma in collective_nouns and plural:
            kind = "group"
        else:
            continue
        # demonyms right after the noun, coordinated: "responsables américains et ukrainiens"
        found: list[tuple[int, str]] = []
        j = token.i + 1
        while j < len(doc):
            if j in demonym_at:
                found.append((j, demonym_at[j]))
                j += 1
            elif doc[j].lower_ in ("et", ",") and j + 1 < len(doc) and (j + 1) in demonym_at:
                j += 1
            elif doc[j].pos_ == "ADJ" and not found and j - token.i <= 2:
                j += 1  # "responsables politiques russes"
            else:
                break
        if not found:
            if kind == "state" and not plural:
                _bare_state_body(ctx, token)
            continue
        if kind == "group" and _one_leader_each(ctx, token, found):
            continue
        for k, (j, state) in enumerate(found):
            start = token.i if k == 0 else j
            span = ctx.span(start, j + 1)
            state_actor = ctx.lex.actors.get(state)
            if kind == "state" and lemma in cue_words(lex, "state-institution") and k == 0 and len(found) == 1:
                # "la présidence camerounaise": the institution, quoted under that name
                add_described_actor(ctx, start, j + 1, "org", f"{token.lower_} {doc[j].lower_}", state)
                continue
            if kind == "state":
                if state_actor is None:
                    continue
                ctx.add_mention(Mention(start, j + 1, span, state, state_actor.kind, described=True))
                add_linked_entity(ctx, state_actor, span)
                continue
            state_slug = state.rstrip("/").rsplit("/", 1)[-1]
            if kind == "delegation":
                iri = id_iri("delegation", ctx.source.slug, state_slug)
                # one delegation per state, named in the singular ("les délégations russe et ukrainienne")
                noun = token.lemma_.lower() if "Plur" in feature(token, "Number") else token.text
                label = f"{noun} {doc[j].text}"
                label = label[0].upper() + label[1:]
            else:
                phrase = f"{token.lower_} {doc[j].lower_}"
                iri = id_iri("group", slugify(phrase))
                label = phrase
            ctx.add_mention(Mention(start, j + 1, span, iri, kind, described=True))
            add_minted_entity(ctx, iri, kind, label, span, affiliation=state)


def find_entourages(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"l'entourage du président français", "les proches du ministre": the people around someone, a
    collective actor of its own (cue:entourage) that speaks for itself; read as the person it
    completes, a quote "a précisé l'entourage du président" went to the president."""
    doc = ctx.doc
    for at in ctx.tokens.where_lemma(cue_words(ctx.lex, "entourage")):
        token = doc[at]
        if token.pos_ != "NOUN" or token.i in ctx.heading_tokens or ctx.by_token.get(token.i):
            continue
        # someone's entourage: a person's name or an office ("du président"), not "un proche du dossier"
        roles = {h.head for h in ctx.hits_of("role")}
        whose = [c for c in token.children if c.dep_ == "nmod" and c.i > token.i and c.pos_ in ("NOUN", "PROPN")
                 and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'", "d’") for g in c.children)
                 and (c.i in roles or any(m.kind == "person" for m in ctx.by_token.get(c.i, [])))]
        if not whose:
            continue
        end = max(t.i for t in whose[0].subtree) + 1
        state = next((demonym_at[i] for i in range(token.i, end) if i in demonym_at), None)
        add_described_actor(ctx, token.i, end, "group", " ".join(ctx.span(token.i, end).text.split()), state)


def _bare_state_body(ctx: Context, noun: Token) -> None:
    """"La présidence a précisé", "le gouvernement a annoncé": a state body with no state, subject of
    its clause, in a readout that speaks from or for one state (its dateline's, or the one whose
    body it names: "la présidence sénégalaise a indiqué ... La présidence a précisé") is that
    state; with no such state it names no one."""
    from diplograph.extract.gazetteer_links import readout_state

    issued = noun.dep_ == "nmod" and noun.head.lemma_.lower() in cue_words(ctx.lex, "document") \
        and any(c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in noun.children)
    if (noun.dep_ not in ("nsubj", "nsubj:pass") and not issued) \
            or any(c.dep_ in ("nmod", "amod", "appos") for c in noun.children) \
            or not any(c.dep_ == "det" and c.lower_ in ("la", "le", "l'", "l’") for c in noun.children):
        return  # a subject ("La présidence a précisé") or a document's issuer ("un communiqué de la présidence")
    state = readout_state(ctx)
    actor = ctx.lex.actors.get(state) if state is not None else None
    if actor is None:
        return
    span = ctx.span(noun.i - 1, noun.i + 1)
    ctx.add_mention(Mention(noun.i - 1, noun.i + 1, span, actor.iri, actor.kind, described=True))
    add_linked_entity(ctx, actor, span)


def _ministry(ctx: Context, noun: Token, state: str) -> None:
    """"le ministère turc des Affaires étrangères": one organisation of that state, named by the
    noun, the demonym and the field that follows ("des Affaires étrangères", "de la Défense": a
    capitalised complement); without a field ("le ministère turc") it is not named enough."""
    doc = ctx.doc
    demonym = noun.i + 1
    field = [c for c in noun.children if c.dep_ == "nmod" and c.i > demonym and c.text[:1].isupper()
             and any(g.dep_ == "case" and g.i == demonym + 1 for g in c.children)]
    if not field:
        return
    end = max(t.i for t in field[0].subtree) + 1
    while end > demonym + 1 and doc[end - 1].is_punct:
        end -= 1
    if any(ctx.by_token.get(i) for i in range(noun.i, end)):
        return
    label = " ".join(ctx.span(noun.i, end).text.split())
    add_described_actor(ctx, noun.i, end, "org", label[0].lower() + label[1:], state)


def _ministry_told(ctx: Context, noun: Token) -> None:
    """"..., a précisé le ministère": a bare definite "le ministère" (no field, no demonym, no
    possessive) is the ministry the text named last before it (minted or of the gazetteer)."""
    if not any(c.dep_ == "det" and c.lower_ == "le" for c in noun.children) \
            or any(c.dep_ in ("nmod", "amod") for c in noun.children):
        return
    told = [m for m in ctx.mentions if m.end <= noun.i and m.iri in ctx.entities and m.kind == "org"
            and (ctx.doc[m.start].lemma_.lower() in cue_words(ctx.lex, "ministry")
                 or fold(ctx.entities[m.iri].label).startswith(fold(noun.lower_)))]
    if not told:
        return
    last = max(told, key=lambda m: m.start)
    span = ctx.span(noun.i, noun.i + 1)
    ctx.add_mention(Mention(noun.i, noun.i + 1, span, last.iri, last.kind, described=True))
    entity = ctx.entities[last.iri]
    if span not in entity.mentions:
        entity.mentions.append(span)


#: Endings of demonyms whose masculine singular and plural are one word ("français", "chinois"):
#: beside a demonym that is plainly singular ("les dirigeants russe et français") they are singular.
_INVARIANT_ENDINGS = ("ais", "ois")


def _one_leader_each(ctx: Context, noun: Token, found: list[tuple[int, str]]) -> bool:
    """"les dirigeants turc et brésilien", "les leaders chinois et indien": a plural leader noun
    (cue:leader-noun) with two or more demonyms each in the singular names one leader per state,
    not a group of each. Each stands for the one person named in the text who led that state on the
    publication date (the gazetteer's heads of state and government), else the gazetteer's only
    leader of that state then; when a state has none or several, the phrase stays a group.
    True when the phrase was read as those leaders (``ctx.role_people`` at the noun)."""
    lex = ctx.lex
    published = ctx.source.published
    doc = ctx.doc
    invariant = [doc[j].lower_.endswith(_INVARIANT_ENDINGS) for j, _ in found]
    if published is None or len(found) < 2 or noun.lemma_.lower() not in cue_words(lex, "leader-noun") \
            or all(invariant) or any(not same and ("Plur" in feature(doc[j], "Number")
                                                   or doc[j].lower_.endswith(("s", "x")))
                                     for (j, _), same in zip(found, invariant, strict=True)):
        return False  # "des dirigeants européens et africains": groups
    named = {e.iri for e in ctx.entities.values() if e.kind == "person"}
    people: list[str] = []
    for _, state in found:
        leaders = sorted({h.person for h in lex.holdings if h.organisation == state and h.role in lex.leader_roles
                          and h.covers(published) and h.person in lex.actors})
        told = [p for p in leaders if p in named]
        chosen = told if told else leaders
        if len(chosen) != 1 or chosen[0] in people:
            return False
        people.append(chosen[0])
    span = ctx.span(noun.i, found[-1][0] + 1)
    for person, (_, state) in zip(people, found, strict=True):
        add_linked_entity(ctx, lex.actors[person], span)
        ctx.sides.setdefault(person, state)
    ctx.role_people[noun.i] = people
    return True


#: Dependents that belong to a noun phrase's name ("chefs d'État et de gouvernement africains",
#: "dirigeants des États d'Amérique latine"); a relative clause, an apposition or punctuation ends it.
_PHRASE_DEPS = frozenset({"nmod", "amod", "conj", "cc", "case", "fixed", "flat:name", "flat", "det"})


def acting_groups(ctx: Context) -> None:
    """"Les chefs d'État et de gouvernement africains se sont réunis", "Les dirigeants des États
    d'Amérique latine ont conclu": a plural definite phrase of leaders (cue:leader-noun) that is the
    subject of a verb, and that no demonym, name or role reading made an actor, is an unnamed
    collective actor that acts. Read after the roles, which resolve the phrases they can."""
    doc = ctx.doc
    leaders = cue_words(ctx.lex, "leader-noun")
    for at in ctx.tokens.where_lemma(leaders):
        noun = doc[at]
        if at in ctx.heading_tokens or noun.pos_ != "NOUN" or "Plur" not in feature(noun, "Number") \
                or noun.dep_ not in ("nsubj", "nsubj:pass") or at == 0 or doc[at - 1].lower_ != "les":
            continue
        end = _phrase_end(noun)
        title_end = max((h.end for h in ctx.hits_of("role") if h.start == at), default=at + 1)
        if end <= title_end or at in ctx.role_people or any(i in ctx.demonym_at for i in range(at, end)):
            # "Les dirigeants ont discuté", "Les chefs d'État ont été accueillis": the leaders named
            # before; "Les présidents estonien et letton, X et Y": the roles read demonyms and names
            continue
        if any(m.kind != "place" for i in range(at, end) for m in ctx.by_token.get(i, [])):
            # read already (a group by demonym, the holders the roles resolved), or the leaders of
            # a named body or state ("les dirigeants du G20"), which stands for them
            continue
        span = ctx.span(at, end)
        label = " ".join(span.text.split())
        iri = id_iri("group", slugify(label))
        ctx.add_mention(Mention(at, end, span, iri, "group", described=True))
        add_minted_entity(ctx, iri, "group", label, span)


def _phrase_end(token: Token) -> int:
    """Where the name-like part of a noun phrase ends: its dependents of :data:`_PHRASE_DEPS`, in
    order, up to the first other dependent or punctuation."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ not in _PHRASE_DEPS or child.is_punct \
                or any(t.is_punct for t in token.doc[end:child.left_edge.i]):
            break
        end = max(end, _phrase_end(child))
    return end


def state_acts(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"l'occupation israélienne", "l'embargo américain": the demonym right after a noun of an act
    only a state commits (cue:state-act) names that state, the one acting; no other reading did."""
    doc = ctx.doc
    for at in ctx.tokens.where_lemma(cue_words(ctx.lex, "state-act")):
        j = at + 1
        if at in ctx.heading_tokens or j not in demonym_at or ctx.by_token.get(j) \
                or doc[at].pos_ != "NOUN" or "Plur" in feature(doc[at], "Number"):
            continue
        actor = ctx.lex.actors.get(demonym_at[j])
        if actor is None or actor.kind != "state":
            continue
        span = ctx.span(j, j + 1)
        ctx.add_mention(Mention(j, j + 1, span, actor.iri, "state", described=True))
        add_linked_entity(ctx, actor, span)
