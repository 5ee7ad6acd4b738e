"""Places named by their shape: seas and gulfs ("la mer Baltique"), buildings ("au palais de X").

A feature noun or a building noun followed by a name is one place even when the gazetteer
does not know it, and a country named inside it ("mer de Chine méridionale") is no mention
of that state. Read before the gazetteer links, so those words are taken first.
"""

from __future__ import annotations

from diplograph.analyse import GAZETTEER_LABEL
from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.lexicon import fold
from diplograph.namespaces import id_iri, slugify

# The nouns that open a building's name ("l'hôtel Lagune", "au palais de X": a place), a sea's, a
# gulf's or a river's ("la mer Baltique": one place, a country named inside it is no mention of that
# state) and the adjectives that may end such a name ("mer de Chine méridionale") are data:
# cue:building, cue:geographic-feature, cue:feature-tail (ontology/vocab/cues.ttl).


#: Contracted articles: a name right after one ("au Ritz") is a place or an institution, never a person.
CONTRACTED = frozenset({"au", "aux"})


def geographic_features(ctx: Context) -> set[int]:
    """"la mer Baltique", "le golfe de Guinée", "en mer de Chine méridionale": a feature noun
    followed by a capitalised name (after "de" or not) is one place, minted when the gazetteer
    does not name it whole; returns the tokens it takes."""
    doc = ctx.doc
    gazetteer = {(e.start, e.end) for e in ctx.ents if e.label_ == GAZETTEER_LABEL}
    taken: set[int] = set()
    features, tails = cue_words(ctx.lex, "geographic-feature"), cue_words(ctx.lex, "feature-tail")
    for i in ctx.tokens.where_lower(features):  # the feature nouns only: no Token made for every word
        t = doc[i]
        if i in ctx.heading_tokens or i in taken:
            continue
        j = t.i + 1
        if j < len(doc) and doc[j].lower_ in ("de", "d'", "d’", "du"):
            j += 1
        k = j
        while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_sent_start:
            k += 1
        if k == j:
            continue
        if k < len(doc) and doc[k].lower_ in tails:
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


def find_venues(ctx: Context, taken: set[int]) -> set[int]:
    """"au palais présidentiel", "au palais du gouvernement", "au palais d'Egmont", "à l'hôtel Sri
    Melaka": a building noun after "au" / "à l'" with an adjective, a "du" + noun or a capitalised
    name after it is the venue, one place (minted unless the gazetteer names a part of it, as in
    "au palais de l'Élysée"); returns the tokens it takes."""
    doc = ctx.doc
    gazetteer = [e for e in ctx.ents if e.label_ == GAZETTEER_LABEL]
    found: set[int] = set()
    buildings = cue_words(ctx.lex, "building")
    for i in ctx.tokens.where_lower(buildings):  # the building nouns only
        t = doc[i]
        if i < 2 or i in ctx.heading_tokens or i in taken:
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


def city_of_name(ctx: Context, end: int) -> int | None:
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


def named_after_someone(ctx: Context, start: int) -> bool:
    """"la Fondation Sullivan", "le lycée Jacques Chirac": a person's name right after a noun of
    cue:eponym names that institution or place, not the person."""
    return start > 0 and ctx.doc[start - 1].lower_ in cue_words(ctx.lex, "eponym")


def is_building(ctx: Context, start: int, end: int) -> bool:
    """"l'hôtel Lagune", "au Grand Hôtel X", "au Ritz": a building, so a place (not a person)."""
    doc = ctx.doc
    buildings = cue_words(ctx.lex, "building")
    if any(t.lower_ in buildings for t in doc[start:end]) and any(t.text[:1].isupper() for t in doc[start:end]):
        return True
    k = start - 1
    if k >= 0 and doc[k].lower_ in buildings:
        return True
    return k >= 0 and doc[k].lower_ in CONTRACTED and doc[start].ent_type_ == "PER"
