"""Gazetteer look-up: linking the names the entity ruler marked to gazetteer actors.

A name the ruler found may stand for several actors (a city and the state it stands for, a
state and its place twin); which one is meant follows from the words around it ("à Ankara" is
the place, "Ankara a annoncé" the state), and a name that only starts a longer name ("Union
Africaine") is not linked at all. Official long state names ("la République de X") are read
here too, from the gazetteer's own long names. Demonyms ("russe") map tokens to states.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.analyse import DEMONYM_LABEL, GAZETTEER_LABEL
from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_described_actor, add_linked_entity, add_minted_entity
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.name_shapes import is_honorific, misspelt
from diplograph.extract.reference import POSSESSIVE
from diplograph.extract.syntax import is_locative
from diplograph.extract.token_view import feature
from diplograph.extract.venues import named_after_someone
from diplograph.lexicon import LexActor, fold
from diplograph.namespaces import id_iri, slugify, vocab_iri

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


_KIND_PRIORITY = {"person": 0, "state": 1, "org": 2, "delegation": 3, "group": 4, "place": 5}


def demonyms(ctx: Context) -> dict[int, str]:
    """Token index -> actor IRI of every demonym ("russe", "américaines")."""
    found: dict[int, str] = {}
    for ent in ctx.ents:
        if ent.label_ == DEMONYM_LABEL:
            for i in range(ent.start, ent.end):
                found[i] = ent.ent_id_
    return found


def _gathering_of(ctx: Context, start: int) -> bool:
    """"la rencontre de <ville>", "le sommet de <ville>": "de" completing a gathering noun."""
    i = start - 1
    if i < 1 or ctx.doc[i].lower_ not in ("de", "d'", "d’") or ctx.doc[i - 1].pos_ != "NOUN":
        return False
    return any(h.head == i - 1 and h.iri in GATHERINGS for h in ctx.hits_of("event"))


def gazetteer_mention(ctx: Context, ent: SpacySpan) -> bool:
    """Link a gazetteer name; False when the words are only the start of a longer name."""
    if ent.start in ctx.heading_tokens:
        return True
    lex = ctx.lex
    cands = [lex.actors[i] for i in lex.names.get(ent.ent_id_, []) if i in lex.actors]
    if not cands:
        return True
    if (same := _misspelt_given_name(ctx, ent, cands)) is not None:
        cands, ent = same, ctx.doc[ent.start - 1:ent.end]  # "Emanuel Macron": a typo, the same person
    elif (same := _family_name_first(ctx, ent, cands)) is not None:
        cands, ent = same, ctx.doc[ent.start:ent.end + 1]  # "Issoufou MAHAMADOU": the same person
    elif (given_end := _place_as_given_name(ctx, ent, cands)) is not None:  # "Santiago Peña": a person
        from spacy.tokens import Span

        from diplograph.extract.unknown_names import ner_mention

        ner_mention(ctx, Span(ctx.doc, ent.start, given_end, label="PER"))
        return True
    elif _other_given_name(ctx, ent, cands):  # "Daniel Whitaker": another person, named as the text names him
        from spacy.tokens import Span

        from diplograph.extract.unknown_names import ner_mention

        ner_mention(ctx, Span(ctx.doc, ent.start - 1, ent.end, label="PER"))
        return True
    if _longer_name(ctx, ent, cands) or _named_namesake(ctx, ent, cands):
        return False
    places = [a for a in cands if a.kind == "place"]
    actors = sorted((a for a in cands if a.kind != "place"), key=lambda a: (_KIND_PRIORITY[a.kind], a.iri))
    # after "à"/"en", or a city completing a gathering noun ("la rencontre de <ville>"): the place
    locative = is_locative(ctx, ent.start) or (
        _gathering_of(ctx, ent.start) and any(lex.territory_state(p.iri) is None for p in places))
    place = places[0] if places else None
    if place is None:
        for actor in actors:  # a state used as a location may have a place twin in the gazetteer
            twin = lex.place_twin(actor)
            if twin is not None:
                place = twin
                break
    if locative and place is not None:
        chosen: LexActor = place
    elif actors:
        chosen = actors[0]
    elif place is not None and place.stands_for and place.stands_for in lex.actors:
        chosen = lex.actors[place.stands_for]
    elif place is not None:
        chosen = place
    else:
        return True
    chosen = _short_name_of_named(ctx, ent, chosen)
    if chosen.kind == "person" and named_after_someone(ctx, ent.start):
        return True  # "la Fondation Sullivan": the words are taken, nobody is named
    span = ctx.span(ent.start, ent.end)
    if chosen.kind == "org" and someone_elses_institution(ctx, ent, chosen):
        return True
    mention = Mention(ent.start, ent.end, span, chosen.iri, chosen.kind,
                      place=place.iri if place is not None else None)
    ctx.add_mention(mention)
    add_linked_entity(ctx, chosen, span)
    if place is not None and chosen is not place and ent.ent_id_ in {fold(n) for n in place.names} \
            and place.stands_for in lex.actors and lex.actors[place.stands_for].kind == "state":
        add_linked_entity(ctx, place, span)  # "Washington a proposé": the city, standing for the state
    return True


def _short_name_of_named(ctx: Context, ent: SpacySpan, chosen: LexActor) -> LexActor:
    """"l'Union" after "l'Union africaine": a one-word name the gazetteer gives one organisation (the
    EU's "Union") is, in a text that named before another organisation whose name starts with that
    word, that organisation (the last one named); otherwise the gazetteer's."""
    if ent.end - ent.start != 1 or chosen.kind != "org":
        return chosen
    word = fold(ent.text)
    earlier = [m for m in ctx.mentions if m.end <= ent.start and m.kind == "org" and m.iri != chosen.iri
               and m.iri in ctx.lex.actors and fold(ctx.lex.actors[m.iri].label).split()[:1] == [word]]
    return ctx.lex.actors[max(earlier, key=lambda m: m.start).iri] if earlier else chosen


def someone_elses_institution(ctx: Context, ent: SpacySpan, institution: LexActor) -> bool:
    """Record a bare state body the gazetteer gives to one state ("la présidence de la République":
    the Élysée) as another state's when the text speaks from that other state; True when it did.

    Asked for a gazetteer name and for a name spaCy tagged ORG that folds to one, so both ways of
    finding the words give the same reading.
    """
    lex = ctx.lex
    if not _generic_institution(ctx, ent) or _named_otherwise(ctx, institution):
        return False
    span = ctx.span(ent.start, ent.end)
    own = readout_state(ctx)
    if own is not None and own != lex.state_of(institution.iri) and own in lex.actors:
        # "la présidence de la République" in a readout from Dakar: Senegal's presidency, read as
        # the state itself (as "la présidence sénégalaise" is), never the French one
        ctx.add_mention(Mention(ent.start, ent.end, span, own, "state", described=True))
        add_linked_entity(ctx, lex.actors[own], span)
        return True
    if own is None and _another_republic(ctx, institution):
        # "informe la Présidence de la République" under "le Président de la République Idriss Déby":
        # that republic's presidency, whose state the text does not name; not the French one
        label = " ".join(span.text.split())
        add_described_actor(ctx, ent.start, ent.end, "org", label[0].lower() + label[1:])
        return True
    return False


def _generic_institution(ctx: Context, ent: SpacySpan) -> bool:
    """"la présidence de la République": a state body named with no state (a cue:state-body noun,
    then only articles, prepositions and the head words of long state names), which every republic
    has; "présidence française" or "Élysée" name one state's."""
    words = ctx.doc[ent.start:ent.end]
    return words[0].lemma_.lower() in cue_words(ctx.lex, "state-body") and all(
        t.pos_ in ("DET", "ADP") or fold(t.text) in ctx.lex.state_heads for t in words[1:])


def _named_otherwise(ctx: Context, institution: LexActor) -> bool:
    """The text names the institution by a name of its own too ("l'Élysée"): it is about it."""
    return any(e.label_ == GAZETTEER_LABEL and institution.iri in ctx.lex.names.get(e.ent_id_, [])
               and not _generic_institution(ctx, e) for e in ctx.ents)


def readout_state(ctx: Context) -> str | None:
    """The one state a text speaks from or for, other than by a bare institution: its dateline's
    state ("Dakar, le 4 mars -"), or the state whose body it names with a demonym or a long name
    ("la présidence sénégalaise", "la présidence de la République du Sénégal"). None when it names
    none, or several (a French readout naming "la présidence ivoirienne" too keeps its own)."""
    if "readout_state" in ctx.cache:
        return ctx.cache["readout_state"]  # type: ignore[return-value]
    from diplograph.extract.sides import speaking_state  # sides reads syntax, which this module precedes

    doc, lex = ctx.doc, ctx.lex
    found = {s for s in [speaking_state(ctx)] if s is not None}
    bodies = cue_words(lex, "state-body")
    gazetteer_at = {e.start: e for e in ctx.ents if e.label_ == GAZETTEER_LABEL}
    for token in doc:
        if token.lemma_.lower() not in bodies or token.i in ctx.heading_tokens:
            continue
        state = lex.state_of(ctx.demonym_at.get(token.i + 1))
        if state is not None and token.i + 2 < len(doc) and doc[token.i + 2].lower_ in ("de", "du", "des", "d'"):
            continue  # "la présidence ivoirienne de la CEDEAO": a chair held, not the state's own body
        k = token.i + 1
        while state is None and k < min(len(doc), token.i + 7) and (
                doc[k].pos_ in ("DET", "ADP") or fold(doc[k].text) in lex.state_heads or k in gazetteer_at):
            named = [lex.actors[i] for i in lex.names.get(gazetteer_at[k].ent_id_, []) if i in lex.actors] \
                if k in gazetteer_at else []
            state = next((a.iri for a in named if a.kind == "state"), None)
            if named and state is None:
                break
            k += 1
        if state is not None and lex.actors.get(state) is not None and lex.actors[state].kind == "state":
            found.add(state)
    found.update(_bare_title_states(ctx))
    ctx.cache["readout_state"] = own = found.pop() if len(found) == 1 else None
    return own


def _formal_titles(ctx: Context) -> list[int]:
    """The token after each formal title with no state ("le Président de la République[,] [M.] X"):
    where its holder's name starts. The comma is often left out ("le Président de la République
    Idriss Déby"), and courtesy titles ("M.", "S.E.M.") are stepped over."""
    doc, lex = ctx.doc, ctx.lex
    found: list[int] = []
    for i in ctx.tokens.where_lemma(("président",)):
        if i in ctx.heading_tokens:
            continue
        k, heads = i + 1, 0
        while k < len(doc) and (doc[k].pos_ in ("DET", "ADP") or fold(doc[k].text) in lex.state_heads):
            heads += fold(doc[k].text) in lex.state_heads
            k += 1
        if not heads or k >= len(doc) or doc[k - 1].pos_ in ("DET", "ADP"):
            continue  # "le président de la Commission": no state head ends the title
        k += doc[k].text == ","
        while k < len(doc) and is_honorific(ctx, doc[k]):
            k += 1
        if k < len(doc):
            found.append(k)
    return found


def _titled_people(ctx: Context, k: int) -> list[LexActor]:
    """The gazetteer people whose name starts at token ``k``."""
    lex = ctx.lex
    return [lex.actors[i] for e in ctx.ents if e.start == k and e.label_ == GAZETTEER_LABEL
            for i in lex.names.get(e.ent_id_, []) if i in lex.actors and lex.actors[i].kind == "person"]


def _bare_title_states(ctx: Context) -> set[str]:
    """"Le président de la République, M. X, a reçu ...": the formal title with no state, set
    before a name the gazetteer affiliates with a state, is how a presidency or its press writes of
    its own head of state (a foreign one is "le président de la République française" or "le
    président français"): the text speaks from that state even with no dateline."""
    lex = ctx.lex
    found: set[str] = set()
    for k in _formal_titles(ctx):
        states = {a.affiliation for a in _titled_people(ctx, k)}
        if len(states) == 1 and (state := states.pop()) in lex.actors and lex.actors[state].kind == "state":
            found.add(state)
    return found


def _another_republic(ctx: Context, institution: LexActor) -> bool:
    """The text gives the formal title "le Président de la République" to someone the gazetteer does
    not know as that state's president, nor as anyone of that state ("le Président de la République
    Idriss Déby" in a Chadian dispatch): its bare state bodies are that other republic's.

    The gazetteer knows every holder of its home state's presidency, in every period (a former
    president recalled, "le président de la République Jacques Chirac avait reçu ...", is still
    France's), so a capitalised name it does not list there is someone else's head of state.
    """
    doc, lex = ctx.doc, ctx.lex
    state = lex.state_of(institution.iri)
    if state is None:
        return False
    president = vocab_iri("role", "president")
    holders = {h.person for h in lex.holdings if h.organisation == state and lex.narrower_or_same(h.role, president)}
    for k in _formal_titles(ctx):
        if doc[k].pos_ != "PROPN" or not doc[k].text[:1].isupper():
            continue
        named = _titled_people(ctx, k)
        if not any(a.iri in holders or a.affiliation == state for a in named):
            return True
    return False


def _longer_name(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> bool:
    """The gazetteer name is only the start of another name, so it must not be linked.

    "l'Union Africaine" (a capitalised word goes on: not "Union", the EU), "la présidence de la
    République du Sénégal" (a complement names another state than the one the institution
    serves: not the French presidency). A complement naming the institution's own state or
    organisation ("le Conseil de sécurité de l'ONU") keeps the link.
    """
    doc = ctx.doc
    end = ent.end
    if end >= len(doc) or doc[end].is_sent_start:
        return False
    nxt = doc[end]
    if nxt.text[:1].isupper() and nxt.is_alpha and nxt.pos_ in ("PROPN", "ADJ", "NOUN") \
            and not ent.text.isupper() \
            and not any(e.start == end for e in ctx.ents if e.label_ in (GAZETTEER_LABEL, "PER")):
        return True  # "Union Africaine", "Washington Post"
    if all(a.kind in ("state", "place", "person") for a in cands):
        return False
    if nxt.is_lower and nxt.pos_ == "ADJ" and "Part" not in feature(nxt, "VerbForm") \
            and (doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN" or _clipped(ent, cands)):
        return True  # "le Conseil de sécurité nationale", "l'Union interparlementaire": another body
    owners = {ctx.lex.state_of(a.iri) for a in cands} | {a.affiliation for a in cands} | {a.iri for a in cands}
    if nxt.lower_ in ("de", "du", "des", "d'", "pour") and _clipped(ent, cands) \
            and end + 1 < len(doc) and not doc[end + 1].is_punct and doc[end + 1].pos_ != "PRON" \
            and doc[end + 1].lower_ not in POSSESSIVE | {"votre", "vos"} \
            and not _owner_named(ctx, end + 1, owners):
        return True  # "l'Union du fleuve Niger", "l'Union pour la Méditerranée": not "Union", the EU
    if nxt.lower_ not in ("de", "du", "des", "d'"):
        return False
    if doc[end - 1].lower_ in ctx.lex.state_heads:
        return True  # "présidence de la République" + "de Norlande": that republic's presidency
    k = end + 1
    while k < len(doc) and k < end + 3 and doc[k].pos_ == "DET":
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return False
    named = [e for e in ctx.ents if e.start == k and e.label_ == GAZETTEER_LABEL]
    if named:
        iris = set(ctx.lex.names.get(named[0].ent_id_, []))
        return not (iris & owners) and any(ctx.lex.actors[i].kind == "state" for i in iris if i in ctx.lex.actors)
    return doc[k].lower_ in ctx.lex.state_heads  # "de la République de Norlande"


def _owner_named(ctx: Context, k: int, owners: set[str | None]) -> bool:
    """A gazetteer name at ``k`` (after articles) that is the organisation itself, its state or the
    body it belongs to ("le Conseil de sécurité des Nations unies")."""
    doc = ctx.doc
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    return any(e.start == k and e.label_ == GAZETTEER_LABEL and set(ctx.lex.names.get(e.ent_id_, [])) & owners
               for e in ctx.ents)


def _clipped(ent: SpacySpan, cands: list[LexActor]) -> bool:
    """The words are only the first words of a longer name of the same organisation ("Union" for
    "Union européenne"): a short form, which another organisation's name may start with too."""
    words = fold(ent.text).split()
    return all(any(len(fold(n).split()) > len(words) and fold(n).split()[:len(words)] == words for n in a.names)
               for a in cands)


def _other_given_name(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> bool:
    """"Daniel Whitaker" when the gazetteer knows a "Matthew Whitaker" (and "Whitaker" for short):
    a capitalised given name (or an initial: "C. Vance" beside "JD Vance") right before a known
    family name that none of that person's names holds is another person of the same family name."""
    if ent.start == 0 or ent.end - ent.start != 1 or not all(a.kind == "person" for a in cands):
        return False  # a full name the gazetteer knows ("secrétaire d'État Marco Rubio") is that person
    before = ctx.doc[ent.start - 1]
    if len(before.text) == 2 and before.text[0].isupper() and before.text[1] == "." and not before.is_sent_start \
            and not is_honorific(ctx, before):  # "M. Vance" is Mister Vance
        # "C. Vance" when the gazetteer's Vance is "JD Vance": an initial none of that person's
        # given names starts with is another person of the same family name
        initials = {w[:1].upper() for a in cands for name in a.names for w in name.replace(".", " ").split()[:-1]}
        initials |= {c for a in cands for name in a.names for w in name.split()[:-1] if w.isupper() for c in w}
        return bool(initials) and before.text[0] not in initials
    if not (before.is_alpha and before.text[:1].isupper() and not before.text.isupper()
            and before.pos_ == "PROPN") or before.is_sent_start \
            or any(h.start <= before.i < h.end for h in ctx.hits_of("role")) \
            or before.i in ctx.demonym_at:
        return False  # "le Brésilien Lula": a nationality noun, not a given name
    given = fold(before.text)
    return not any(given in fold(name).split() for a in cands for name in a.names)


def _place_as_given_name(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> int | None:
    """"le Paraguayen Santiago Peña", "..., Santiago Peña, qui ...": a one-word city of the gazetteer
    followed by capitalised names is a given name when nothing before it makes it a place or a
    title's first word (no preposition, no determiner: "à Santiago", "le Washington Post"). The end
    of the person's name, else None."""
    doc = ctx.doc
    if ent.end - ent.start != 1 or not cands or not all(a.kind == "place" for a in cands):
        return None
    if ent.start > 0 and (doc[ent.start - 1].pos_ in ("DET", "ADP") or is_locative(ctx, ent.start)):
        return None
    end = ent.end
    while end < len(doc) and end - ent.end < 2 and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and doc[end].pos_ == "PROPN" and not doc[end].is_sent_start \
            and not any(e.start <= end < e.end for e in ctx.ents if e.label_ not in ("PER",)):
        end += 1
    return end if end > ent.end else None


def _misspelt_given_name(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> list[LexActor] | None:
    """"Emanuel Macron" for the gazetteer's "Emmanuel Macron": a capitalised word before a known
    family name that is one of that person's given names with one letter off is a typo, not another
    person (:func:`_other_given_name` keeps "Daniel Whitaker" apart from "Matthew Whitaker"),
    unless the title just before names an office the person never held."""
    if ent.start == 0 or ent.end - ent.start != 1 or not all(a.kind == "person" for a in cands):
        return None
    before = ctx.doc[ent.start - 1]
    if not (before.is_alpha and before.text[:1].isupper() and not before.text.isupper()):
        return None
    same = [a for a in cands if any(misspelt(before.text, word) for name in a.names for word in name.split()[:-1])]
    titles = [h.iri for h in ctx.hits_of("role") if before.i - 3 <= h.end <= before.i
              and not any(t.is_punct or t.pos_ == "VERB" for t in ctx.doc[h.end:before.i])]
    lex = ctx.lex

    def held(actor: LexActor, role: str) -> bool:
        offices = [h.role for h in lex.holdings if h.person == actor.iri]
        return not offices or any(lex.narrower_or_same(o, role) or lex.narrower_or_same(role, o) for o in offices)

    same = [a for a in same if all(held(a, role) for role in titles)]
    return same or None


def _family_name_first(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> list[LexActor] | None:
    """"Issoufou MAHAMADOU" for the gazetteer's "Mahamadou Issoufou": official texts of several
    countries print the family name first (the other name often in capitals); a known family name
    followed by a capitalised word that is that person's given name is the person, not the start
    of a longer name of someone else."""
    doc = ctx.doc
    if ent.end - ent.start != 1 or ent.end >= len(doc) or not all(a.kind == "person" for a in cands):
        return None
    after = doc[ent.end]
    if not (after.is_alpha and after.text[:1].isupper()):
        return None
    wanted = [fold(after.text), fold(ent.text)]
    same = [a for a in cands if any(fold(name).split() == wanted for name in a.names)]
    return same or None


def _named_namesake(ctx: Context, ent: SpacySpan, cands: list[LexActor]) -> bool:
    """"M. Whitaker" after the text named "Daniel Whitaker": the family name alone is the person the
    text named in full before, not the gazetteer's namesake (read later as a lone family name)."""
    if ent.end - ent.start != 1 or not all(a.kind == "person" for a in cands):
        return False
    family = fold(ent.text)
    known = {a.iri for a in cands}
    given = {fold(a.label.split()[0]) for a in cands if len(a.label.split()) > 1}
    return any(m.kind == "person" and m.iri not in known and m.end <= ent.start and m.end - m.start > 1
               and fold(ctx.doc[m.end - 1].text) == family
               # "Barack et Michelle Obama": the gazetteer's Obama is named too, by his given name
               and not (m.start >= 2 and ctx.doc[m.start - 1].lower_ == "et"
                        and fold(ctx.doc[m.start - 2].text) in given)
               for m in ctx.mentions)


def long_state_names(ctx: Context, taken: set[int]) -> set[int]:
    """"la République de Norlande", "le Royaume du X": a state, whether the gazetteer knows X or not.

    The words opening official state names come from the gazetteer's long names; X is a run
    of capitalised words. A known state is linked, an unknown one is minted as a state; X
    naming another kind of thing ("l'État de Washington") is left alone.
    """
    doc = ctx.doc
    used: set[int] = set()
    heads = ctx.lex.state_heads
    if not heads:
        return used
    pattern = re.compile(r"\b(?:" + "|".join(sorted(re.escape(h[:1].upper() + h[1:]) for h in heads)) + r")\b")
    starts = [doc.char_span(m.start(), m.end()) for m in pattern.finditer(ctx.text)]  # cheaper than every token
    for head in starts:
        if head is None or len(head) != 1:
            continue
        token = head[0]
        if token.i in taken or token.i in ctx.heading_tokens:
            continue
        if token.i > 1 and doc[token.i - 1].lower_ in ("d'", "d’") and doc[token.i - 2].pos_ == "NOUN":
            continue  # "la visite d'État de X", "le chef d'État du pays": "d'État" completes the noun
        j = token.i + 1
        while j < len(doc) and j < token.i + 4 and doc[j].pos_ == "ADJ" and doc[j].is_lower:
            j += 1  # "République démocratique de"
        if j >= len(doc) or doc[j].lower_ not in ("de", "du", "des", "d'"):
            continue
        j += 1
        if j < len(doc) and doc[j].lower_ in ("la", "l'", "le", "les"):
            j += 1
        k = j
        while k < len(doc) and (doc[k].text[:1].isupper() or (k > j and doc[k].text == "-")) \
                and doc[k].is_alpha | (doc[k].text == "-") and k not in taken:
            k += 1
        if k == j or any(h.start == j for h in ctx.hits_of("role")):
            continue  # "la visite d'État du Président": a title, not the name of a state
        name = " ".join(doc[j:k].text.split())
        known = [ctx.lex.actors[i] for i in ctx.lex.candidates(name) if i in ctx.lex.actors]
        if known and not any(a.kind == "state" for a in known):
            continue
        span = ctx.span(token.i, k)
        if known:
            actor = next(a for a in known if a.kind == "state")
            ctx.add_mention(Mention(token.i, k, span, actor.iri, "state"))
            add_linked_entity(ctx, actor, span)
        else:
            iri = id_iri("state", slugify(name))
            ctx.add_mention(Mention(token.i, k, span, iri, "state"))
            add_minted_entity(ctx, iri, "state", name, span)
        used.update(range(token.i, k))
    return used


#: What joins the states of a list ("de l'Argentine, de la Bolivie et du Chili"): grammar.
_LIST_GLUE = frozenset({",", "et", "de", "du", "des", "d'", "d’", "la", "l'", "l’", "le", "les"})


def states_among_states(ctx: Context) -> None:
    """"la Guyane, le Suriname et la Jamaïque", "de l'Argentine, de la Guyane, du Paraguay": a name
    minted as a place inside a list of two states or more, and one letter away from a state's name
    in the gazetteer (another spelling: "Guyane" for "Guyana"), is that state: a list of states
    lists states. Read once the names are linked and minted."""
    from diplograph.extract.role_titles import drop_mentions

    doc = ctx.doc
    for m in [m for m in ctx.mentions if m.kind == "place" and m.end - m.start == 1]:
        entity = ctx.entities.get(m.iri)
        if entity is None or entity.linked:
            continue
        if _listed_states(ctx, m.start, -1) + _listed_states(ctx, m.end - 1, 1) < 2:
            continue
        word = doc[m.start].text
        states = {a.iri for a in ctx.lex.actors.values() if a.kind == "state"
                  and any(len(n.split()) == 1 and misspelt(word, n) for n in a.names)}
        if len(states) != 1:
            continue
        actor = ctx.lex.actors[states.pop()]
        drop_mentions(ctx, m.start, m.end, kinds=("place",))
        if not entity.mentions:
            del ctx.entities[entity.iri]
        span = ctx.span(m.start, m.end)
        ctx.add_mention(Mention(m.start, m.end, span, actor.iri, "state"))
        add_linked_entity(ctx, actor, span)


def _listed_states(ctx: Context, at: int, step: int) -> int:
    """How many state mentions follow one another from token ``at`` in direction ``step``, joined
    by commas, "et" and articles only."""
    doc, count, j = ctx.doc, 0, at + step
    while 0 <= j < len(doc):
        if doc[j].lower_ in _LIST_GLUE:
            j += step
            continue
        state = next((s for s in ctx.by_token.get(j, []) if s.kind == "state"), None)
        if state is None:
            break
        count += 1
        j = (state.start if step < 0 else state.end - 1) + step
    return count
