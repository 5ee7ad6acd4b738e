"""Places named by their shape: seas and gulfs ("la mer Baltique"), buildings ("au palais de X").

A feature noun or a building noun followed by a name is one place even when the gazetteer
does not know it, and a country named inside it ("mer de Chine méridionale") is no mention
of that state. Read before the gazetteer links, so those words are taken first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.analyse import GAZETTEER_LABEL
from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import title_tokens
from diplograph.lexicon import fold
from diplograph.namespaces import id_iri, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The nouns that open a building's name ("l'hôtel Lagune", "au palais de X": a place), a sea's, a
# gulf's or a river's ("la mer Baltique": one place, a country named inside it is no mention of that
# state) and the adjectives that may end such a name ("mer de Chine méridionale") are data:
# cue:building, cue:geographic-feature, cue:feature-tail (ontology/vocab/cues.ttl).


#: Contracted articles: a name right after one ("au Ritz") is a place or an institution, never a person.
CONTRACTED = frozenset({"au", "aux"})

#: The other articles a named building may follow ("a visité le Centre X", "rejoint l'aéroport de Y"):
#: with a capitalised name after it, the building is a place whatever the verb.
ARTICLES = frozenset({"l'", "l’", "le", "la", "les", "du", "des"})

#: What joins a feature or a building to its name: "golfe de Guinée", "sanctuaire du Souvenir",
#: "Temple de la Concorde", "Corne de l'Afrique".
_OF = frozenset({"de", "d'", "d’", "du", "des"})


def name_start(doc: Doc, k: int) -> int:
    """Where the name after a feature or building noun starts: past "de", "du", "de la", "de l'"
    when a capitalised word follows them, else ``k``."""
    if k < len(doc) and doc[k].lower_ in _OF:
        j = k + 1
        if doc[k].lower_ == "de" and j < len(doc) and doc[j].lower_ in ("la", "l'", "l’"):
            j += 1
        return j if j < len(doc) and doc[j].text[:1].isupper() else k
    return k


def name_end(doc: Doc, start: int, known: frozenset[int] = frozenset()) -> int:
    """The end of a capitalised name from ``start``: capitalised words (also one written with a
    hyphen, "Cap-Vert"), the hyphen spaCy splits off between two of them ("Amílcar-Lopes" read as
    three tokens) when no space surrounds it, and "de X" going on with a capitalised word
    ("résidence d'État de Diaoyutai"). It stops before a name the gazetteer knows (``known``: the
    starts of its names): "l'aéroport X de Dakar" is in Dakar, Dakar is no part of its name.
    ``start`` when no name starts there."""
    end = start
    while end < len(doc):
        t = doc[end]
        if end > start and end in known:
            break
        if t.text[:1].isupper() and t.text.replace("-", "").isalpha() and not (end > start and t.is_sent_start):
            end += 1
        elif end > start and end + 3 < len(doc) and t.text == "-" and doc[end + 1].lower_ in ("de", "du", "la") \
                and doc[end + 2].text == "-" and doc[end + 3].text[:1].isupper() \
                and not any(doc[k].whitespace_ for k in range(end - 1, end + 3)):
            end += 3  # "Paris-Charles-de-Gaulle": a lower-case particle inside a hyphenated name
        elif end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and end + 1 not in known and (
                t.lower_ in ("de", "d'", "d’") or (t.text in ("-", "‑") and not doc[end - 1].whitespace_
                                                   and not t.whitespace_)):
            end += 1
        else:
            break
    return end


def geographic_features(ctx: Context) -> set[int]:
    """"la mer Baltique", "le golfe de Guinée", "en mer de Chine méridionale": a feature noun
    followed by a capitalised name (after "de" or not) is one place, minted when the gazetteer
    does not name it whole; returns the tokens it takes."""
    doc = ctx.doc
    gazetteer = {(e.start, e.end) for e in ctx.ents if e.label_ == GAZETTEER_LABEL}
    known = frozenset(start for start, _ in gazetteer)
    taken: set[int] = set()
    features, tails = cue_words(ctx.lex, "geographic-feature"), cue_words(ctx.lex, "feature-tail")
    for i in ctx.tokens.where_lower(features):  # the feature nouns only: no Token made for every word
        t = doc[i]
        if i in ctx.heading_tokens or i in taken:
            continue
        j = name_start(doc, t.i + 1)
        k = name_end(doc, j, known)
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
    known = frozenset(e.start for e in gazetteer)
    # "au palais Macky Sall, envoyé spécial": a person the gazetteer knows right after the noun is
    # someone at the venue (the readouts' word order), never part of the building's name
    people = frozenset(e.start for e in gazetteer if any(
        (actor := ctx.lex.actors.get(i)) is not None and actor.kind == "person"
        for i in ctx.lex.names.get(e.ent_id_, [])))
    # "au palais de la République Son Excellence Monsieur X": readouts set the guest right after the
    # venue, without a comma; the venue's name ends before a courtesy title (and its "Son"/"Sa")
    titled = title_tokens(ctx)
    stops = known | titled | {i - 1 for i in titled if i > 0 and doc[i - 1].lower_ in ("son", "sa")}
    found: set[int] = set()
    buildings = cue_words(ctx.lex, "building")
    titles = {h.head for h in ctx.hits_of("role")}  # "le palais du Président": an office, no name
    eponyms = cue_words(ctx.lex, "eponym")
    for i in ctx.tokens.where_lower(buildings):  # the building nouns only
        t = doc[i]
        if i < 2 or i in ctx.heading_tokens or i in taken:
            continue
        before = doc[t.i - 1].lower_
        after_preposition = before in CONTRACTED or (
            before in ("l'", "l’", "le") and doc[t.i - 2].lower_ in ("à", "dans", "devant"))
        if not (after_preposition or before in ARTICLES):
            continue
        k = t.i + 1
        while k < len(doc) and k < t.i + 3 and doc[k].pos_ == "ADJ" and (doc[k].is_lower or t.text[:1].isupper()):
            k += 1  # "l'aéroport international", "l'Aéroport International", "au palais présidentiel"
        adjectives = k - t.i - 1
        if k + 1 < len(doc) and doc[k].lower_ in ("de", "des") and doc[k + 1].pos_ == "NOUN" and doc[k + 1].is_lower:
            k += 2  # "le Centre international de conférences X", "au palais des congrès"
        j = name_start(doc, k)
        # after an adjective, only a building named after someone goes on with a name ("l'aéroport
        # international X-Y"): "au palais national X Y a reçu" sets the host right after the venue
        # "la Salle Saint-Georges", "le salon Murat": a name set right after the noun, with no "de",
        # names the building even when the gazetteer knows it as a city or a person
        eponym = j == k and not adjectives and j not in people
        if j in known and not eponym:
            continue  # "à l'aéroport international de Nouakchott": the gazetteer's city says where
        named = not adjectives or t.lower_ in eponyms
        end = j if j in titles or not named else name_end(doc, j, stops)
        if end == j:
            # no name: "au palais présidentiel", "au palais du gouvernement", after a preposition only
            if not after_preposition:
                continue
            if adjectives and doc[t.i + 1].is_lower:
                end = t.i + 2
            elif t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "du" \
                    and doc[t.i + 2].pos_ == "NOUN" and doc[t.i + 2].is_lower:
                end = t.i + 3
            else:
                continue
        if any(e.start < end and t.i < e.end and not (eponym and end > j and j <= e.start and e.end <= end)
               for e in gazetteer) or found.intersection(range(t.i, end)):
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


def locate_venues(ctx: Context) -> None:
    """"à son arrivée à l'aéroport international X de Libreville", "arrivé à Alger, ... accueilli à
    l'aéroport international X": a building minted with a name of its own lies in the place its name
    goes on with ("de Libreville"), else in the one place the sentence names after "à". Read once
    the gazetteer's places are linked; a building without a name ("au palais présidentiel") is
    left alone, its IRI being shared by every city's palace."""
    doc = ctx.doc
    buildings = cue_words(ctx.lex, "building")
    for m in ctx.mentions:
        entity = ctx.entities.get(m.iri)
        if entity is None or entity.linked or entity.kind != "place" or entity.located_in:
            continue
        if doc[m.start].lower_ not in buildings or not any(t.text[:1].isupper() for t in doc[m.start + 1:m.end]):
            continue
        entity.located_in = _place_after(ctx, m.end) or _place_of_sentence(ctx, m)


def _place_after(ctx: Context, end: int) -> str | None:
    """The place named right after a building's name with "de" ("... Léon-Mba de Libreville")."""
    if end + 1 >= len(ctx.doc) or ctx.doc[end].lower_ not in ("de", "d'", "d’"):
        return None
    return next((m.place for m in ctx.by_token.get(end + 1, []) if m.start == end + 1 and _is_place(ctx, m.place)),
                None)


def _place_of_sentence(ctx: Context, venue: Mention) -> str | None:
    """The one place (of the places the document names) that the building's sentence names after
    "à" ("Arrivé samedi à Alger ... accueilli à l'aéroport X"); None when it names none or several."""
    sentence = ctx.sent_of(venue.start)
    found = {m.place for m in ctx.mentions if sentence.start <= m.start < sentence.end and m.start > 0
             and m.iri != venue.iri and ctx.doc[m.start - 1].lower_ == "à" and _is_place(ctx, m.place)}
    return found.pop() if len(found) == 1 else None


def _is_place(ctx: Context, iri: str | None) -> bool:
    entity = ctx.entities.get(iri) if iri else None
    return entity is not None and entity.kind == "place"

