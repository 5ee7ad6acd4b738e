"""Actors and places: gazetteer links, careful minting, metonymy, unnamed groups.

The entity ruler (built from the gazetteer) marks known names; spaCy's statistical NER
adds the rest, but French news NER also tags capitalised sentence starts, headings and
words such as "Côté", so a name is minted only when it looks like one (proper nouns,
capitalised, outside headings). A place that acts ("Ankara a annoncé", "selon
l'Élysée") stands for the actor given by dg:standsFor; after a locative preposition
("à Ankara", "à l'Élysée") it stays a place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.analyse import DEMONYM_LABEL, GAZETTEER_LABEL
from diplograph.extract.context import Context, Mention
from diplograph.lexicon import LexActor, fold
from diplograph.model import Entity
from diplograph.namespaces import id_iri, slugify

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Prepositions after which a place name is a location, not an actor.
LOCATIVE = frozenset("à au aux en dans vers depuis sur".split())
#: Courtesy titles stripped from the front of a name ("M. Fidan", "S.E.M. X", "Son Excellence Mme X").
HONORIFICS = frozenset(
    "m. mme mlle mm. mmes dr dr. pr pr. me mgr monsieur madame s.e. s.e.m. s.e.mme sem excellence".split())
#: Courtesy titles that are one only in lower case: "le Premier ministre, cheikh Ahmad X" (Gulf usage),
#: "le ministre saoudien des Affaires étrangères, le prince X", while "Cheikh" opening a name is a
#: first name ("Cheikh Ibrahima Bâ").
LOWER_CASE_HONORIFICS = frozenset("cheikh cheikha sheikh cheik prince princesse émir".split())
#: Military ranks used as titles before a name ("le Capitaine X", "le maréchal Y", "le général Z"),
#: in either case: the rank is not part of the name.
RANKS = frozenset("capitaine colonel lieutenant-colonel commandant général maréchal amiral lieutenant".split())
#: Nouns that open the name of a building ("l'hôtel Lagune", "au palais de X"): such a name is a place.
PLACE_NOUNS = frozenset("hôtel palais château résidence villa manoir pavillon centre domaine".split())
#: Nouns that open the name of a sea, a gulf, a river ("la mer Baltique", "le golfe de Guinée",
#: "le fleuve Uruguay"): the name is one place, and a country named inside it ("mer de Chine
#: méridionale") is no mention of that state.
FEATURE_NOUNS = frozenset("mer golfe océan détroit fleuve lac canal baie".split())
#: Lower-case words that may end such a name ("mer de Chine méridionale").
FEATURE_TAILS = frozenset(
    "méridional méridionale oriental orientale occidental occidentale septentrional septentrionale "
    "central centrale".split())
#: Contracted articles: a name right after one ("au Ritz") is a place or an institution, never a person.
CONTRACTED = frozenset({"au", "aux"})
#: Name particles that may stay lower case inside a person's name.
PARTICLES = frozenset("de du des da di von van der den bin ben al el le la ibn".split())
#: Plural nouns that, with a demonym, name an unnamed collective actor ("des dirigeants européens").
COLLECTIVE_NOUNS = frozenset(
    "responsable dirigeant autorité officiel diplomate partenaire négociateur représentant allié "
    "émissaire envoyé dirigeants médiateur militaire soldat parlementaire député élu pays capitale "
    "gouvernement chancellerie".split()
)
#: Nouns that, with a demonym, stand for the state itself ("la diplomatie russe a annoncé").
STATE_NOUNS = frozenset("gouvernement diplomatie présidence exécutif pouvoir régime".split())
#: Noun of a delegation ("la délégation russe").
DELEGATION_NOUNS = frozenset({"délégation"})
#: A state's department, named by the noun, the state's demonym and its field ("le ministère turc des
#: Affaires étrangères"): an organisation of that state (the gazetteer names a few; the others are minted).
MINISTRY_NOUNS = frozenset({"ministère"})
_DASHES = str.maketrans({"\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " "})
_KIND_PRIORITY = {"person": 0, "state": 1, "org": 2, "delegation": 3, "group": 4, "place": 5}


def find_entities(ctx: Context) -> None:
    """Fill ``ctx.mentions`` and ``ctx.entities`` from ruler, NER and noun phrases."""
    doc = ctx.doc
    _mark_headings(ctx)
    ctx_demonyms = demonyms(ctx)
    ctx.demonym_at = ctx_demonyms
    taken = _geographic_features(ctx)
    taken |= _venues(ctx, taken)
    for ent in doc.ents:
        if ent.label_ == GAZETTEER_LABEL and not taken.intersection(range(ent.start, ent.end)) \
                and _gazetteer_mention(ctx, ent):
            taken.update(range(ent.start, ent.end))
    taken.update(_long_state_names(ctx, taken))
    taken.update(_honorific_names(ctx, taken, full=True))
    for ent in doc.ents:
        if ent.label_ in (GAZETTEER_LABEL, DEMONYM_LABEL) or taken.intersection(range(ent.start, ent.end)):
            continue
        _ner_mention(ctx, ent)
    # "M. KEOLA" alone: a family name, read once the full names ("Bounthavy KEOLA") are known
    _honorific_names(ctx, taken | set(ctx.by_token), full=False)
    _lone_surnames(ctx, taken | set(ctx.by_token))
    _collectives(ctx, ctx_demonyms)
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))


def _geographic_features(ctx: Context) -> set[int]:
    """"la mer Baltique", "le golfe de Guinée", "en mer de Chine méridionale": a feature noun
    followed by a capitalised name (after "de" or not) is one place, minted when the gazetteer
    does not name it whole; returns the tokens it takes."""
    doc = ctx.doc
    gazetteer = {(e.start, e.end) for e in doc.ents if e.label_ == GAZETTEER_LABEL}
    taken: set[int] = set()
    for t in doc:
        if t.lower_ not in FEATURE_NOUNS or t.i in ctx.heading_tokens or t.i in taken:
            continue
        j = t.i + 1
        if j < len(doc) and doc[j].lower_ in ("de", "d'", "d’", "du"):
            j += 1
        k = j
        while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_sent_start:
            k += 1
        if k == j:
            continue
        if k < len(doc) and doc[k].lower_ in FEATURE_TAILS:
            k += 1
        if (t.i, k) in gazetteer:
            continue  # "mer Noire": the gazetteer's own place
        span = ctx.span(t.i, k)
        label = " ".join(doc[t.i:k].text.split())
        label = label[0].lower() + label[1:]
        iri = id_iri("place", slugify(label))
        ctx.add_mention(Mention(t.i, k, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", label, span)
        taken.update(range(t.i, k))
    return taken


def _capitals_beyond_person(doc, title: int, end: int) -> bool:
    """The recogniser cuts names whose family names are printed in capitals ("M. Jean DUPONT"
    + "MARTIN", "Mme Anne Marie" + "DURAND", "M. LEROY" + "MOREAU" as two MISC): the name
    after the courtesy title runs on over them.

    True when every entity touching ``title..end`` is a person or MISC name inside the run and some
    word of the run written in capitals lies outside every person name the recogniser found.
    """
    ents = [e for e in doc.ents if e.start < end and e.end > title]
    if not ents or any(e.label_ not in ("PER", "MISC") or e.start < title or e.end > end for e in ents):
        return False
    in_person = {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
    return any(t.is_upper and len(t) > 1 and t.i not in in_person for t in doc[title + 1:end])


def _honorific_names(ctx: Context, taken: set[int], full: bool) -> set[int]:
    """"S.E. M. Hisham EL-SAYED", "Mme Nadia FAHMY": a name after a courtesy title that NER missed.

    Official readouts print family names in capitals, often hyphenated, which the statistical
    recogniser leaves untagged; the honorific itself announces a person. Only runs of
    capitalised words that no recognised entity touches are read here: ``full`` names (two words
    or more) before the recogniser's names, so that "le Président EL-SAYED" finds its person, and
    lone family names after them, so that "M. KEOLA" finds "Bounthavy KEOLA".
    """
    doc = ctx.doc
    used: set[int] = set()
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end) if ent.label_ != "PER"
               or not all(_honorific(t) or t.pos_ == "DET" for t in ent)}
    for token in doc:
        if not _honorific(token) or token.i in ctx.heading_tokens or token.i in taken:
            continue
        j = token.i + 1
        if j < len(doc) and _honorific(doc[j]):
            continue  # "Excellence M. X": the last title opens the name
        k = j
        while k < len(doc) and k - j < 6:
            t = doc[k]
            if t.text[:1].isupper() and t.is_alpha:
                k += 1
            elif t.text == "-" and k > j and not t.whitespace_ and not doc[k - 1].whitespace_ \
                    and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                k += 1  # "EL-SAYED", split by the tokenizer
            elif t.lower_ in PARTICLES and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                k += 1
            else:
                break
        while k > j and doc[k - 1].lower_ in PARTICLES:
            k -= 1
        if full and _capitals_beyond_person(doc, token.i, k):
            covered_here: set[int] = set()  # "M. Jean DUPONT MARTIN": NER stopped inside the name
        else:
            covered_here = covered
        if k == j or covered_here.intersection(range(j, k)) or taken.intersection(range(j, k)) \
                or any(i in ctx.heading_tokens for i in range(j, k)):
            continue
        words = [t for t in doc[j:k] if t.text != "-"]
        if (len(words) > 1) != full:
            continue  # full names first, lone family names after the recogniser's names
        if any(t.is_stop and not t.is_upper for t in words if t.lower_ not in PARTICLES) \
                or not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in words):
            continue
        text = " ".join(doc[j:k].text.split())
        span = ctx.span(j, k)
        linked = ctx.lex.names.get(fold(text))
        if linked and ctx.lex.actors[linked[0]].kind == "person":
            actor = ctx.lex.actors[linked[0]]
            ctx.add_mention(Mention(j, k, span, actor.iri, "person"))
            add_linked_entity(ctx, actor, span)
        else:
            surname = _surname_match(ctx, text)
            if surname is not None:
                ctx.add_mention(Mention(j, k, span, surname.iri, "person"))
                surname.mentions.append(span)
            else:
                label = person_label(doc[j:k])
                iri = id_iri("person", slugify(label))
                ctx.add_mention(Mention(j, k, span, iri, "person"))
                add_minted_entity(ctx, iri, "person", label, span)
        used.update(range(j, k))
    return used


def _venues(ctx: Context, taken: set[int]) -> set[int]:
    """"au palais présidentiel", "au palais du gouvernement", "au palais d'Egmont", "à l'hôtel Sri
    Melaka": a building noun after "au" / "à l'" with an adjective, a "du" + noun or a capitalised
    name after it is the venue, one place (minted unless the gazetteer names a part of it, as in
    "au palais de l'Élysée"); returns the tokens it takes."""
    doc = ctx.doc
    gazetteer = [e for e in doc.ents if e.label_ == GAZETTEER_LABEL]
    found: set[int] = set()
    for t in doc:
        if t.lower_ not in PLACE_NOUNS or t.i < 2 or t.i in ctx.heading_tokens or t.i in taken:
            continue
        before = doc[t.i - 1].lower_
        if not (before == "au" or (before in ("l'", "l’", "le") and doc[t.i - 2].lower_ in ("à", "dans", "devant"))):
            continue
        k = t.i + 1
        if k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].is_lower:
            end = k + 1  # "au palais présidentiel"
        elif k + 1 < len(doc) and doc[k].lower_ == "du" and doc[k + 1].pos_ == "NOUN" and doc[k + 1].is_lower:
            end = k + 2  # "au palais du gouvernement"
        else:
            j = k + 1 if k < len(doc) and doc[k].lower_ in ("de", "d'", "d’") else k
            end = j
            while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            if end == j:
                continue
        if any(e.start < end and t.i < e.end for e in gazetteer) or found.intersection(range(t.i, end)):
            continue
        span = ctx.span(t.i, end)
        label = " ".join(doc[t.i:end].text.split())
        iri = id_iri("place", slugify(label))
        ctx.add_mention(Mention(t.i, end, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", label, span)
        found.update(range(t.i, end))
    return found


def _mark_headings(ctx: Context) -> None:
    """Headings and datelines ("MOSCOU, 13 mars (AFP) -") hold no actor of the story."""
    from diplograph.extract.dates import DATELINE

    for m in DATELINE.finditer(ctx.source.text.translate(_DASHES)):
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            ctx.heading_tokens.update(range(span.start, span.end))
    for section in ctx.source.sections:
        if section.heading is not None:
            span = ctx.doc.char_span(section.heading.begin, section.heading.end, alignment_mode="expand")
            if span is not None:
                ctx.heading_tokens.update(range(span.start, span.end))


def demonyms(ctx: Context) -> dict[int, str]:
    """Token index -> actor IRI of every demonym ("russe", "américaines")."""
    found: dict[int, str] = {}
    for ent in ctx.doc.ents:
        if ent.label_ == DEMONYM_LABEL:
            for i in range(ent.start, ent.end):
                found[i] = ent.ent_id_
    return found


def _is_locative(ctx: Context, start: int) -> bool:
    from diplograph.extract.syntax import after_one_of

    return after_one_of(ctx, start, LOCATIVE)  # this module's wider list ("vers", "depuis", "sur")


def _gathering_of(ctx: Context, start: int) -> bool:
    """"la rencontre de <ville>", "le sommet de <ville>": "de" completing a gathering noun."""
    i = start - 1
    if i < 1 or ctx.doc[i].lower_ not in ("de", "d'", "d’") or ctx.doc[i - 1].pos_ != "NOUN":
        return False
    from diplograph.extract.kinds import GATHERINGS

    return any(h.head == i - 1 and h.iri in GATHERINGS for h in ctx.hits_of("event"))


def _gazetteer_mention(ctx: Context, ent: SpacySpan) -> bool:
    """Link a gazetteer name; False when the words are only the start of a longer name."""
    if ent.start in ctx.heading_tokens:
        return True
    lex = ctx.lex
    cands = [lex.actors[i] for i in lex.names.get(ent.ent_id_, []) if i in lex.actors]
    if not cands:
        return True
    if _longer_name(ctx, ent, cands):
        return False
    places = [a for a in cands if a.kind == "place"]
    actors = sorted((a for a in cands if a.kind != "place"), key=lambda a: (_KIND_PRIORITY[a.kind], a.iri))
    # after "à"/"en", or a city completing a gathering noun ("la rencontre de <ville>"): the place
    locative = _is_locative(ctx, ent.start) or (
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
    span = ctx.span(ent.start, ent.end)
    mention = Mention(ent.start, ent.end, span, chosen.iri, chosen.kind,
                      place=place.iri if place is not None else None)
    ctx.add_mention(mention)
    add_linked_entity(ctx, chosen, span)
    if place is not None and chosen is not place and ent.ent_id_ in {fold(n) for n in place.names} \
            and place.stands_for in lex.actors and lex.actors[place.stands_for].kind == "state":
        add_linked_entity(ctx, place, span)  # "Washington a proposé": the city, standing for the state
    return True


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
            and not any(e.start == end for e in doc.ents if e.label_ in (GAZETTEER_LABEL, "PER")):
        return True  # "Union Africaine", "Washington Post"
    if all(a.kind in ("state", "place", "person") for a in cands) or nxt.lower_ not in ("de", "du", "des", "d'"):
        return False
    if doc[end - 1].lower_ in ctx.lex.state_heads:
        return True  # "présidence de la République" + "de Norlande": that republic's presidency
    k = end + 1
    while k < len(doc) and k < end + 3 and doc[k].pos_ == "DET":
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return False
    owners = {ctx.lex.state_of(a.iri) for a in cands} | {a.affiliation for a in cands} | {a.iri for a in cands}
    named = [e for e in doc.ents if e.start == k and e.label_ == GAZETTEER_LABEL]
    if named:
        iris = set(ctx.lex.names.get(named[0].ent_id_, []))
        return not (iris & owners) and any(ctx.lex.actors[i].kind == "state" for i in iris if i in ctx.lex.actors)
    return doc[k].lower_ in ctx.lex.state_heads  # "de la République de Norlande"


def _long_state_names(ctx: Context, taken: set[int]) -> set[int]:
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


def add_linked_entity(ctx: Context, actor: LexActor, span) -> Entity:
    """Entity for a gazetteer actor (created on first mention)."""
    entity = ctx.entities.get(actor.iri)
    if entity is None:
        entity = Entity(iri=actor.iri, kind=actor.kind, label=actor.label, linked=True,
                        labels=dict(actor.labels), wikidata=actor.wikidata, affiliation=actor.affiliation)
        ctx.entities[actor.iri] = entity
    if span is not None and span not in entity.mentions:
        entity.mentions.append(span)
    return entity


def add_minted_entity(ctx: Context, iri: str, kind: str, label: str, span, affiliation: str | None = None
                      ) -> Entity:
    """Entity minted from the text (not in the gazetteer).

    A minted IRI that is a gazetteer IRI ("Jean Du«pont" slugs to jean-dupont) is that
    gazetteer actor: two entities under one IRI would give it two French labels.
    """
    if iri in ctx.lex.actors and iri not in ctx.entities:
        return add_linked_entity(ctx, ctx.lex.actors[iri], span)
    entity = ctx.entities.get(iri)
    if entity is None:
        entity = Entity(iri=iri, kind=kind, label=label, labels={"fr": label}, affiliation=affiliation)
        ctx.entities[iri] = entity
    if span is not None and span not in entity.mentions:
        entity.mentions.append(span)
    return entity


def is_honorific(token) -> bool:
    """A courtesy title before a person's name ("M.", "Mme", "S.E.", "SEM", lower-case "cheikh",
    a military rank)."""
    return (token.lower_ in HONORIFICS or token.lower_ + "." in HONORIFICS
            or token.text in LOWER_CASE_HONORIFICS or token.lower_ in RANKS)


_honorific = is_honorific


def _clean_name_tokens(ctx: Context, ent: SpacySpan) -> tuple[int, int] | None:
    start, end = ent.start, ent.end
    while start < end and (ctx.doc[start].pos_ in ("DET", "ADP", "PUNCT") or is_honorific(ctx.doc[start])):
        start += 1
    # "Président Kariuki", "Premier ministre Tavares": a title the recogniser took into the name
    title = max((h.end for h in ctx.hits_of("role") if h.start == start and h.end < end), default=None) \
        if ent.label_ == "PER" else None
    if title is not None:
        start = title
    while end > start and (ctx.doc[end - 1].pos_ == "PUNCT" or (
            ent.label_ == "PER" and ctx.doc[end - 1].pos_ in ("ADP", "DET") and ctx.doc[end - 1].is_lower)):
        end -= 1  # "M. Pierre Lambert à" (Linas): the recogniser ran on into the next phrase
    if start >= end:
        return None
    return start, end


#: Words before a place name: a name in capitals after them stays a place ("à Saint-DENIS").
LOCATIVE_WORDS = frozenset({"à", "au", "aux", "en", "de", "d'", "d’", "du", "dans", "vers", "depuis"})


def _given_name_and_capitals(tokens) -> bool:
    """"Anne DURAND", "Jean-Marc DUPONT": given names, then family names printed in capitals
    (how readouts and reference works print people), which the recogniser may tag MISC."""
    words = [t for t in tokens if t.text != "-"]
    if len(words) < 2 or not all(t.is_alpha for t in words):
        return False
    caps = [t.is_upper and len(t) > 1 for t in words]
    if not caps[-1] or caps[0] or not words[0].is_title:
        return False
    first_cap = caps.index(True)
    return all(caps[first_cap:]) and all(t.is_title for t in words[:first_cap])


def _looks_like_name(ctx: Context, start: int, end: int, single_ok: bool) -> bool:
    tokens = ctx.doc[start:end]
    if any(t.i in ctx.heading_tokens for t in tokens):
        return False
    if any(t.like_num or t.is_space for t in tokens):
        return False
    words = [t for t in tokens if t.lower_ not in PARTICLES and t.text not in ("-", "'")]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    if any(t.is_stop and len(t.text) > 1 and not t.text.endswith(".") for t in words):
        return False  # "R. Non", "C'est": capitalised function words are no names
    if not any(t.pos_ == "PROPN" for t in tokens):
        return False
    if len(words) > 1 and len(words[0].text.rstrip(".")) == 1 and words[-1].pos_ not in ("PROPN", "X"):
        return False  # "R. Non" in an interview: an initial must be followed by a name
    if len(words) == 1 and not single_ok:
        return False
    return True


def _ner_mention(ctx: Context, ent: SpacySpan) -> None:
    bounds = _clean_name_tokens(ctx, ent)
    if bounds is None:
        return
    start, end = bounds
    doc = ctx.doc
    as_person = ent.label_ == "PER"
    if not as_person:  # "le Président EL-SAYED" tagged MISC or LOC: a title, then a family name
        title = max((h.end for h in ctx.hits_of("role") if h.start == start and h.end < end), default=None)
        if title is not None:
            rest = " ".join(doc[title:end].text.split())
            if _surname_match(ctx, rest) is not None or any(t.is_upper and len(t) > 1 for t in doc[title:end]):
                start, as_person = title, True
    text = " ".join(doc[start:end].text.split())
    span = ctx.span(start, end)
    # an unknown name may still be an altLabel once the honorific is gone
    linked = ctx.lex.names.get(fold(text))
    minted_state = next((e for e in ctx.entities.values() if e.kind == "state" and not e.linked
                         and fold(e.label) == fold(text)), None)
    if minted_state is not None:  # "Norlande" after "la République de Norlande"
        ctx.add_mention(Mention(start, end, span, minted_state.iri, "state"))
        minted_state.mentions.append(span)
        return
    if _is_building(ctx, start, end):
        city = _city_of_name(ctx, end)
        if city is not None:  # "Centre des congrès de <ville>": the city is part of the venue's name
            end = city
            span = ctx.span(start, end)
            text = " ".join(doc[start:end].text.split())
        label = text[0].lower() + text[1:] if doc[start].lower_ in PLACE_NOUNS and doc[start].is_title \
            and not doc[start].is_sent_start and start > 0 and doc[start - 1].lower_ in ("l'", "le") else text
        iri = id_iri("place", slugify(label))
        ctx.add_mention(Mention(start, end, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", label, span)
        return
    if linked:
        actor = ctx.lex.actors[linked[0]]
        ctx.add_mention(Mention(start, end, span, actor.iri, actor.kind,
                                place=actor.iri if actor.kind == "place" else None))
        add_linked_entity(ctx, actor, span)
        return
    if not as_person and end - start == 1 and doc[start].pos_ == "PROPN":
        surname = _surname_match(ctx, text)  # "a déclaré Durand" tagged LOC: the person named before
        if surname is not None:
            ctx.add_mention(Mention(start, end, span, surname.iri, "person"))
            surname.mentions.append(span)
            return
    first = doc[start]
    sentence_start = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_punct
                                              and doc[first.i - 1].text in "«\"“-")
    label = "PER" if as_person else ent.label_
    if label != "PER" and (start > 0 and _honorific(doc[start - 1])):
        label = "PER"  # "M. Kofi MENSAH-ADJEI" tagged MISC: an honorific announces a person
    if label != "PER" and doc[start].is_upper and any(h.end == start for h in ctx.hits_of("role")) \
            and _surname_match(ctx, text) is not None:
        label = "PER"  # "le ministre DURAND" tagged ORG: a title, then a family name told before
    if label in ("MISC", "LOC") and _given_name_and_capitals(doc[start:end]) and not linked \
            and not (start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS):
        label = "PER"  # "Anne DURAND, conseillère ...": a given name and a family name in capitals
    if label == "PER":
        surname = _surname_match(ctx, text)
        if surname is not None:
            ctx.add_mention(Mention(start, end, span, surname.iri, "person"))
            surname.mentions.append(span)
            return
        if not _looks_like_name(ctx, start, end, single_ok=not sentence_start):
            return
        if end - start == 1 and (first.pos_ != "PROPN" or first.is_stop):
            return
        label = person_label(doc[start:end])
        iri = id_iri("person", slugify(label))
        ctx.add_mention(Mention(start, end, span, iri, "person"))
        add_minted_entity(ctx, iri, "person", label, span)
    elif label == "LOC":
        if not _looks_like_name(ctx, start, end, single_ok=True) and not _place_after_preposition(ctx, start, end):
            return
        if end - start == 1 and sentence_start and not _is_locative(ctx, start):
            return
        iri = id_iri("place", slugify(text))
        ctx.add_mention(Mention(start, end, span, iri, "place", place=iri))
        add_minted_entity(ctx, iri, "place", text, span)
    elif label == "ORG":
        if not _looks_like_name(ctx, start, end, single_ok=not sentence_start or first.is_upper):
            return
        iri = id_iri("org", slugify(text))
        ctx.add_mention(Mention(start, end, span, iri, "org"))
        add_minted_entity(ctx, iri, "org", text, span)


def person_label(tokens) -> str:
    """A person's name as a label: surnames written in capitals ("Marie DURAND") in the usual case.

    Official readouts print family names in capitals; the label (and so the IRI) should not
    depend on that typographic habit, while the mention keeps the exact characters.
    """
    words = [t.text for t in tokens]
    if not any(w.isupper() and len(w) > 1 for w in words):
        # the text's own spacing: "Al-Busaidi" is split by the tokenizer but written as one word
        return " ".join("".join(t.text + t.whitespace_ for t in tokens).split())

    def normal(word: str) -> str:
        if not (word.isupper() and len(word) > 1):
            return word
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), word)

    text = "".join(normal(t.text) + t.whitespace_ for t in tokens)
    return " ".join(text.split())


def _city_of_name(ctx: Context, end: int) -> int | None:
    """Where a venue's name goes on with "de"/"d'" and a place already read ("Palais des congrès
    de Yaoundé"): the end of that place's words, else None."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].lower_ not in ("de", "d'", "d’") or doc[end].whitespace_ == "\n":
        return None
    m = next((m for m in ctx.by_token.get(end + 1, []) if m.start == end + 1 and m.place is not None), None)
    if m is not None:
        return m.end
    k = end + 1
    while k < len(doc) and k < end + 4 and doc[k].is_alpha and doc[k].text[:1].isupper():
        k += 1
    if k == end + 1:
        return None
    name = fold(" ".join(doc[end + 1:k].text.split()))  # a city the text or the gazetteer already names
    known = any(e.kind == "place" and fold(e.label) == name for e in ctx.entities.values()) or any(
        ctx.lex.actors[i].kind == "place" for i in ctx.lex.names.get(name, []) if i in ctx.lex.actors)
    return k if known else None


def _place_after_preposition(ctx: Context, start: int, end: int) -> bool:
    """"à X" where the tagger took the unknown city for a common noun: still a place name.

    NER said LOC; a capitalised word, not the first of its sentence, after a locative
    preposition is a place even when the part-of-speech tagger did not call it a proper noun.
    """
    tokens = ctx.doc[start:end]
    return end - start <= 3 and _is_locative(ctx, start) and not tokens[0].is_sent_start \
        and all(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in tokens) \
        and not any(t.i in ctx.heading_tokens for t in tokens)


def _is_building(ctx: Context, start: int, end: int) -> bool:
    """"l'hôtel Lagune", "au Grand Hôtel X", "au Ritz": a building, so a place (not a person)."""
    doc = ctx.doc
    if any(t.lower_ in PLACE_NOUNS for t in doc[start:end]) and any(t.text[:1].isupper() for t in doc[start:end]):
        return True
    k = start - 1
    if k >= 0 and doc[k].lower_ in PLACE_NOUNS:
        return True
    return k >= 0 and doc[k].lower_ in CONTRACTED and doc[start].ent_type_ == "PER"


def _lone_surnames(ctx: Context, taken: set[int]) -> None:
    """"« ... », a dit Durand": a capitalised word no recogniser tagged that is the family name of a
    person named in full before it is that person (agency prose names people by surname after
    the first mention)."""
    doc = ctx.doc
    people = [e for e in ctx.entities.values() if e.kind == "person"]
    if not people:
        return
    last_words = {fold(name).split()[-1] for e in people for name in [e.label, *(m.text for m in e.mentions)]
                  if len(name.split()) > 1}
    for token in doc:
        if token.i in taken or token.i in ctx.heading_tokens or not token.is_title or token.is_sent_start \
                or token.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB") or fold(token.text) not in last_words:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].is_title and not doc[token.i + 1].is_sent_start:
            continue  # part of a longer name
        surname = _surname_match(ctx, token.text)
        if surname is None or not any(m.begin < token.idx for m in surname.mentions):
            continue
        span = ctx.span(token.i, token.i + 1)
        ctx.add_mention(Mention(token.i, token.i + 1, span, surname.iri, "person"))
        surname.mentions.append(span)


def _surname_match(ctx: Context, text: str) -> Entity | None:
    """A lone family name ("Durand") refers to the person named in full earlier ("Marie Durand")."""
    key = fold(text)
    matches = []
    for entity in ctx.entities.values():
        if entity.kind != "person":
            continue
        names = [entity.label, *entity.labels.values(), *(m.text for m in entity.mentions)]
        for name in names:
            parts = fold(name).split()
            # "Mme Huamán" for "Rosa Huamán Quispe" (two family names, the first used alone), "M. Tran"
            # for "Tran Van Khoa" (family name first)
            if len(parts) > 1 and (parts[-1] == key or " ".join(parts[1:]) == key
                                   or (len(parts) == 3 and key in (parts[0], parts[1]))):
                matches.append(entity)
                break
    return matches[0] if len(matches) == 1 else None


def _collectives(ctx: Context, demonym_at: dict[int, str]) -> None:
    """Unnamed groups, delegations and state bodies: noun + demonym(s)."""
    doc = ctx.doc
    for token in doc:
        if token.i in ctx.heading_tokens or token.pos_ not in ("NOUN", "PROPN") or ctx.by_token.get(token.i):
            continue
        lemma = token.lemma_.lower()
        if lemma not in DELEGATION_NOUNS and lemma not in STATE_NOUNS and lemma not in COLLECTIVE_NOUNS \
                and lemma not in MINISTRY_NOUNS:
            continue  # most nouns: skip before the morphology lookup below, the costly part
        plural = "Plur" in token.morph.get("Number") or token.lower_.endswith(("s", "x"))
        if lemma in MINISTRY_NOUNS:
            if not plural and token.i + 1 in demonym_at:
                _ministry(ctx, token, demonym_at[token.i + 1])
            elif not plural:
                _ministry_told(ctx, token)
            continue
        if lemma in DELEGATION_NOUNS:
            kind = "delegation"
        elif lemma in STATE_NOUNS:
            kind = "state"
        elif lemma in COLLECTIVE_NOUNS and plural:
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
            continue
        for k, (j, state) in enumerate(found):
            start = token.i if k == 0 else j
            span = ctx.span(start, j + 1)
            state_actor = ctx.lex.actors.get(state)
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
                noun = token.lemma_.lower() if "Plur" in token.morph.get("Number") else token.text
                label = f"{noun} {doc[j].text}"
                label = label[0].upper() + label[1:]
            else:
                phrase = f"{token.lower_} {doc[j].lower_}"
                iri = id_iri("group", slugify(phrase))
                label = phrase
            ctx.add_mention(Mention(start, j + 1, span, iri, kind, described=True))
            add_minted_entity(ctx, iri, kind, label, span, affiliation=state)



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
    span = ctx.span(noun.i, end)
    label = " ".join(span.text.split())
    label = label[0].lower() + label[1:]
    iri = id_iri("org", slugify(label))
    ctx.add_mention(Mention(noun.i, end, span, iri, "org", described=True))
    add_minted_entity(ctx, iri, "org", label, span, affiliation=state)


def _ministry_told(ctx: Context, noun: Token) -> None:
    """"..., a précisé le ministère": a bare definite "le ministère" (no field, no demonym, no
    possessive) is the ministry the text named last before it (minted or of the gazetteer)."""
    if not any(c.dep_ == "det" and c.lower_ == "le" for c in noun.children) \
            or any(c.dep_ in ("nmod", "amod") for c in noun.children):
        return
    told = [m for m in ctx.mentions if m.end <= noun.i and m.iri in ctx.entities and m.kind == "org"
            and (ctx.doc[m.start].lemma_.lower() in MINISTRY_NOUNS
                 or fold(ctx.entities[m.iri].label).startswith(fold(noun.lower_)))]
    if not told:
        return
    last = max(told, key=lambda m: m.start)
    span = ctx.span(noun.i, noun.i + 1)
    ctx.add_mention(Mention(noun.i, noun.i + 1, span, last.iri, last.kind, described=True))
    entity = ctx.entities[last.iri]
    if span not in entity.mentions:
        entity.mentions.append(span)
