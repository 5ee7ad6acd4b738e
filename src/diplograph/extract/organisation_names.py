"""Names of organisations and broadcasters that hold the name of a place or a state.

"la Communauté des États d'Amérique latine et des Caraïbes", "l'Union pour la Méditerranée":
a capitalised organisation noun (cue:organisation-head) followed by "de"/"des"/"pour" and a
region is one organisation's name; the region inside it is no mention of a place (no place
"Caraïbes", no "Amérique latine" where the text only names the body). "Radio Nacional de
Colombia", "Europe 1": a broadcaster's name (cue:media-head before it, or a number right after
a place's name) is an organisation, not the state or the continent. Read before the gazetteer
links, like the venues, so those words are taken first.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from diplograph.analyse import GAZETTEER_LABEL
from diplograph.extract.context import Context, Mention
from diplograph.extract.dates import MONTHS
from diplograph.extract.entity_registry import add_linked_entity, add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.namespaces import id_iri, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: What joins the words of an organisation's name ("Communauté des États d'Amérique latine et des
#: Caraïbes", "Union pour la Méditerranée"); grammar, not world knowledge.
_JOINS = frozenset({"de", "d'", "d’", "des", "du", "pour", "et"})
_ARTICLES = frozenset({"la", "l'", "l’", "le", "les"})

#: Months after a number: "Europe 1" is a broadcaster, "Paris 12 mai" a dateline.
_MONTHS = frozenset(MONTHS) | frozenset(unicodedata.normalize("NFKD", m).encode("ascii", "ignore").decode()
                                          for m in MONTHS)  # also as agencies write them without accents


def _capitalised(doc: Doc, k: int) -> bool:
    t = doc[k]
    return t.text[:1].isupper() and t.text.replace("-", "").replace("’", "").replace("'", "").isalpha()


def _name_end(doc: Doc, start: int, stop: int) -> int:
    """The end of a name from ``start`` (a capitalised word): further capitalised words, a lower-case
    adjective right after one ("Amérique latine"), and joining words with their article when a
    capitalised word follows them ("des États d'Amérique", "et des Caraïbes", "pour la Méditerranée")."""
    end = start + 1
    while end < stop:
        t = doc[end]
        if _capitalised(doc, end) and not t.is_sent_start:
            end += 1
        elif t.is_lower and t.pos_ == "ADJ" and _capitalised(doc, end - 1):
            end += 1
        elif t.lower_ in _JOINS:
            k = end + 1
            while k < stop and (doc[k].lower_ in _ARTICLES or doc[k].lower_ in _JOINS):
                k += 1
            if k < stop and _capitalised(doc, k) and not doc[k].is_sent_start:
                end = k
            else:
                break
        else:
            break
    return end


def _place_only(ctx: Context, ent) -> bool:
    """A recognised name that can only be a place: a region or a city, not a state or a body."""
    if ent.label_ == "LOC":
        return True
    if ent.label_ != GAZETTEER_LABEL:
        return False
    actors = [ctx.lex.actors[i] for i in ctx.lex.names.get(ent.ent_id_, []) if i in ctx.lex.actors]
    return bool(actors) and all(a.kind == "place" and ctx.lex.territory_state(a.iri) is None
                                and not a.stands_for for a in actors)


def organisation_names(ctx: Context, taken: set[int]) -> set[int]:
    """Organisations whose names hold a region, and broadcasters; returns the tokens they take."""
    doc = ctx.doc
    found: set[int] = set()
    heads = cue_words(ctx.lex, "organisation-head")
    for i in ctx.tokens.where_lower(heads):
        if i in taken or i in found or i in ctx.heading_tokens or not doc[i].text[:1].isupper():
            continue
        stop = ctx.sent_of(i).end
        end = _name_end(doc, i, stop)
        inside = [e for e in ctx.ents if i < e.start and e.end <= end]
        if not any(_place_only(ctx, e) for e in inside):
            continue
        if any(e.start <= i < e.end and e.end >= end for e in ctx.ents if e.label_ == GAZETTEER_LABEL):
            continue  # the gazetteer names the whole body
        _organisation(ctx, i, end)
        found.update(range(i, end))
    found |= _broadcasters(ctx, taken | found)
    return found


def _organisation(ctx: Context, start: int, end: int) -> None:
    """The organisation named by ``start..end``: the gazetteer's when its acronym follows in
    parentheses ("... des Caraïbes (Celac)"), else minted under the text's name."""
    doc = ctx.doc
    span = ctx.span(start, end)
    acronym = next((e for e in ctx.ents if e.label_ == GAZETTEER_LABEL and end + 1 < len(doc)
                    and doc[end].text == "(" and e.start == end + 1), None)
    orgs = [ctx.lex.actors[i] for i in ctx.lex.names.get(acronym.ent_id_, []) if i in ctx.lex.actors
            and ctx.lex.actors[i].kind == "org"] if acronym is not None else []
    if len(orgs) == 1:
        ctx.add_mention(Mention(start, end, span, orgs[0].iri, "org"))
        add_linked_entity(ctx, orgs[0], span)
        return
    label = " ".join(doc[start:end].text.split())
    iri = id_iri("org", slugify(label))
    ctx.add_mention(Mention(start, end, span, iri, "org"))
    add_minted_entity(ctx, iri, "org", label, span)


def _broadcasters(ctx: Context, taken: set[int]) -> set[int]:
    """"sur Radio Nacional de Colombia", "a déclaré à Europe 1": a media noun opening a name, or a
    place's or state's name followed by a number (not a day of a month), names a broadcaster."""
    doc = ctx.doc
    found: set[int] = set()
    media = cue_words(ctx.lex, "media-head")
    for i in ctx.tokens.where_lower(media):
        if i in taken or i in ctx.heading_tokens or not doc[i].text[:1].isupper() or i + 1 >= len(doc) \
                or not _capitalised(doc, i + 1):
            continue
        end = _name_end(doc, i, ctx.sent_of(i).end)
        _organisation(ctx, i, end)
        found.update(range(i, end))
    for ent in ctx.ents:
        end = ent.end
        if ent.label_ != GAZETTEER_LABEL or taken.intersection(range(ent.start, end)) \
                or ent.start in ctx.heading_tokens or not _numbered(doc, end):
            continue
        actors = [ctx.lex.actors[a] for a in ctx.lex.names.get(ent.ent_id_, []) if a in ctx.lex.actors]
        if not actors or not all(a.kind in ("place", "state") for a in actors):
            continue
        _organisation(ctx, ent.start, end + 1)
        found.update(range(ent.start, end + 1))
    return found


def _numbered(doc: Doc, end: int) -> bool:
    """A short number right after a name, set apart by a space, that is no day of a month, no
    percentage and no count of a noun ("Europe 1", not "Paris 12 mai" nor "Chine 3 milliards")."""
    if end >= len(doc) or not doc[end].is_digit or not doc[end - 1].whitespace_ or len(doc[end]) > 3:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return after is None or not (after.lower_ in _MONTHS or after.text == "%"
                                 or (after.is_lower and after.pos_ in ("NOUN", "NUM")))
