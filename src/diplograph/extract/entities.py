"""Actors and places: gazetteer links, careful minting, metonymy, unnamed groups.

The entity ruler (built from the gazetteer) marks known names; spaCy's statistical NER
adds the rest, but French news NER also tags capitalised sentence starts, headings and
words such as "Côté", so a name is minted only when it looks like one (proper nouns,
capitalised, outside headings). A place that acts ("Ankara a annoncé", "selon
l'Élysée") stands for the actor given by dg:standsFor; after a locative preposition
("à Ankara", "à l'Élysée") it stays a place.

This module runs the entity stage in order (:func:`find_entities`). The readings it runs live by
idea: :mod:`~diplograph.extract.venues` (seas, gulfs, buildings),
:mod:`~diplograph.extract.gazetteer_links` (linking ruler names, demonyms, long state names),
:mod:`~diplograph.extract.unknown_names` (typing and minting what NER and titles find),
:mod:`~diplograph.extract.name_shapes` (what a name looks like),
:mod:`~diplograph.extract.collectives` (groups, delegations, ministries) and
:mod:`~diplograph.extract.entity_registry` (one entity per IRI).
"""

from __future__ import annotations

from diplograph.analyse import DEMONYM_LABEL, GAZETTEER_LABEL
from diplograph.extract.collectives import find_collectives, find_entourages, state_acts
from diplograph.extract.context import Context
from diplograph.extract.dates import DATELINE
from diplograph.extract.gazetteer_links import demonyms, gazetteer_mention, long_state_names, states_among_states
from diplograph.extract.name_shapes import PARTICLES, clean_name_tokens, is_honorific
from diplograph.extract.organisation_names import organisation_names
from diplograph.extract.unknown_names import honorific_names, lone_surnames, ner_mention
from diplograph.extract.venues import find_venues, geographic_features, locate_venues

_DASHES = str.maketrans({"\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " "})


def find_entities(ctx: Context) -> None:
    """Fill ``ctx.mentions`` and ``ctx.entities`` from ruler, NER and noun phrases."""
    _mark_headings(ctx)
    _cut_names_at_courtesy_titles(ctx)
    _names_running_past_known_words(ctx)
    _names_ending_on_known_words(ctx)
    ctx_demonyms = demonyms(ctx)
    ctx.demonym_at = ctx_demonyms
    taken = geographic_features(ctx)
    taken |= find_venues(ctx, taken)
    taken |= organisation_names(ctx, taken)
    for ent in ctx.ents:
        if ent.label_ == GAZETTEER_LABEL and not taken.intersection(range(ent.start, ent.end)) \
                and gazetteer_mention(ctx, ent):
            taken.update(range(ent.start, ent.end))
    taken.update(long_state_names(ctx, taken))
    taken.update(ctx.by_token)  # "Santiago Peña": a gazetteer city read as a given name took the family name
    taken.update(honorific_names(ctx, taken, full=True))
    ents = _joined_names([ent for ent in ctx.ents if ent.label_ not in (GAZETTEER_LABEL, DEMONYM_LABEL)
                          and not taken.intersection(range(ent.start, ent.end))])
    # "Le président Diallo est au Mali ... Amadou Diallo": a lone name printed before the full one
    # is that person, so the names of several words are read first
    def one_word(ent) -> bool:  # "président Diallo": one word once the title is set aside
        bounds = clean_name_tokens(ctx, ent) if ent.label_ == "PER" else None
        return bounds is not None and bounds[1] - bounds[0] == 1

    lone = [ent for ent in ents if one_word(ent)]
    for ent in [ent for ent in ents if not one_word(ent)] + lone:
        ner_mention(ctx, ent)
    _one_name_one_kind(ctx)
    states_among_states(ctx)
    for entity in ctx.entities.values():
        entity.mentions.sort(key=lambda m: (m.begin, m.end))
    # "M. KEOLA" alone: a family name, read once the full names ("Bounthavy KEOLA") are known
    honorific_names(ctx, taken | set(ctx.by_token), full=False)
    lone_surnames(ctx, taken | set(ctx.by_token))
    find_collectives(ctx, ctx_demonyms)
    find_entourages(ctx, ctx_demonyms)
    state_acts(ctx, ctx_demonyms)
    ctx.mentions.sort(key=lambda m: (m.start, m.end, m.iri))
    locate_venues(ctx)


def _one_name_one_kind(ctx: Context) -> None:
    """"respectivement X Y et Z W" (tagged LOC), then "président en exercice,
    Z W": a name minted as a person somewhere is that person everywhere it is not
    a place after a locative word ("à X"); the recogniser's tag varies from one mention to the next."""
    from diplograph.extract.syntax import is_locative
    from diplograph.lexicon import fold

    people = {fold(e.label): e for e in ctx.entities.values() if e.kind == "person" and not e.linked}
    for place in [e for e in ctx.entities.values() if e.kind == "place" and not e.linked]:
        person = people.get(fold(place.label))
        if person is None:
            continue
        mentions = [m for m in ctx.mentions if m.iri == place.iri]
        if any(is_locative(ctx, m.start) for m in mentions):
            continue
        for m in mentions:
            m.iri, m.kind, m.place = person.iri, "person", None
            person.mentions.append(m.span)
        del ctx.entities[place.iri]


def _cut_names_at_courtesy_titles(ctx: Context) -> None:
    """"au Palais X S.E.M. Y Z": readouts set the guest right after the venue, without a comma, and
    the recogniser runs the venue's (or an office's) name on over the courtesy title and the guest's
    name. A courtesy title inside a name that is not a person's, followed by a capitalised word,
    announces a person: the name ends before the title ("Son Excellence": before the possessive
    too), and the title's reading (:func:`honorific_names`) finds the person."""
    from spacy.tokens import Span as SpacySpan

    doc = ctx.doc
    ents, cut = [], False
    for ent in ctx.ents:
        if ent.label_ in ("LOC", "ORG", "MISC") and len(ent) > 1 and is_honorific(ctx, ent[0]) \
                and ent[0].text[:1].isupper() and ent[1].text[:1].isupper():
            # "le Dr. X Y" tagged as one MISC: the title opens the name; what follows it is the name
            cut = True
            ents.append(SpacySpan(doc, ent.start + 1, ent.end, label=ent.label_, span_id=ent.id_))
            continue
        at = next((t.i for t in ent[1:] if ent.label_ in ("LOC", "ORG", "MISC") and is_honorific(ctx, t)
                   and t.text[:1].isupper() and not is_honorific(ctx, doc[t.i - 1])
                   and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()), None)
        if at is not None and at - 1 > ent.start and doc[at - 1].lower_ in ("son", "sa"):
            at -= 1
        if at is None:
            ents.append(ent)
            continue
        cut = True
        ents.append(SpacySpan(doc, ent.start, at, label=ent.label_, span_id=ent.id_))
    if cut:
        ctx.set_ents(ents)


def _names_running_past_known_words(ctx: Context) -> None:
    """"le président botswanais, Duma Boko,": a person's first name may be the name of something the
    gazetteer knows (a parliament, a city, a state), and the ruler marks it alone. When the parser
    runs the name on over capitalised proper nouns it joins to it ("Boko" a flat:name of "Duma") and
    that no recogniser marked, the known word is the first word of a longer name: a person's, read
    as the recogniser's names are (``ner_mention``)."""
    from spacy.tokens import Span as SpacySpan

    doc = ctx.doc
    marked = {i for ent in ctx.ents for i in range(ent.start, ent.end)}
    ents, changed = [], False
    for ent in ctx.ents:
        end = ent.end
        while end < len(doc) and end not in marked and doc[end].dep_ == "flat:name" \
                and ent.start <= doc[end].head.i < end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if ent.label_ != GAZETTEER_LABEL or end == ent.end:
            ents.append(ent)
            continue
        changed = True
        ents.append(SpacySpan(doc, ent.start, end, label="PER"))
    if changed:
        ctx.set_ents(ents)


def _names_ending_on_known_words(ctx: Context) -> None:
    """"Mme Ana Maria dos Santos Lima,": a person's last family name may be the name of a place the
    gazetteer knows (Lima, Victoria, Florence), and the ruler marks it apart from the person the
    recogniser found right before it. A gazetteer name glued to a person's name (no word between),
    that the parser joins to it as a part of the name (a flat:name of one of its words), and that a
    punctuation mark or the sentence's end follows, ends that person's name ("à Lima," has a
    preposition between, so it is never glued)."""
    from spacy.tokens import Span as SpacySpan

    doc = ctx.doc
    ents, changed = list(ctx.ents), False
    for k in range(len(ents) - 1):
        person, known = ents[k], ents[k + 1]
        if person is None or person.label_ != "PER" or known.label_ != GAZETTEER_LABEL or known.start != person.end \
                or len(known) != 1 or doc[known.start].dep_ != "flat:name" \
                or not person.start <= doc[known.start].head.i < person.end \
                or (known.end < len(doc) and not doc[known.end].is_punct):
            continue
        ents[k] = SpacySpan(doc, person.start, known.end, label="PER")
        ents[k + 1] = None
        changed = True
    if changed:
        ctx.set_ents([e for e in ents if e is not None])


def _mark_headings(ctx: Context) -> None:
    """Headings and datelines ("MOSCOU, 13 mars (AFP) -") hold no actor of the story."""
    for m in DATELINE.finditer(ctx.source.text.translate(_DASHES)):
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            ctx.heading_tokens.update(range(span.start, span.end))
    for section in ctx.source.sections:
        if section.heading is not None:
            span = ctx.doc.char_span(section.heading.begin, section.heading.end, alignment_mode="expand")
            if span is not None:
                ctx.heading_tokens.update(range(span.start, span.end))


def _joined_names(ents: list) -> list:
    """"M. Sidi | Ould Ahmed Salem": two names the recogniser tags as persons side by side, with
    nothing between (or only a lower-case particle: "Maria Manuela dos Santos Lucas"), are one
    person's (Maghreb and Sahel names: "Ould", "Ben", "Ag"...; Lusophone "dos", "da")."""
    from spacy.tokens import Span as SpacySpan

    joined: list = []
    for ent in ents:
        last = joined[-1] if joined else None
        # "Maria Manuela | dos | Santos Lucas": a lower-case name particle between them joins them too
        glued = last is not None and (last.end == ent.start or (
            last.end + 1 == ent.start and ent.doc[last.end].text in PARTICLES))
        if last is not None and last.label_ == "PER" and ent.label_ == "PER" and glued:
            joined[-1] = SpacySpan(ent.doc, last.start, ent.end, label="PER")
        else:
            joined.append(ent)
    return joined
