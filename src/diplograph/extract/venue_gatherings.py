"""Gatherings named by the place that held them: "la conférence de Yalta", "la conférence de Genève".

"Conférence" alone is no trigger: it may be a lecture, and "conférence de presse" is a statement.
Encyclopedias and histories name a diplomatic conference by its venue, as Yalta, Potsdam or Téhéran
name theirs; a noun of cue:venue-named-gathering (ontology/vocab/cues.ttl) whose "de" complement is a
place name (a place the text names, or a capitalised proper noun that names no one) is a meeting. The
trigger runs over the name, so the gathering is not read again as a mention of a state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words, et
from diplograph.extract.patterns import Hit
from diplograph.extract.syntax import in_quote

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Mention kinds that name someone, not a place: "une conférence de Jean Ardouin" is a lecture.
_SOMEONE = frozenset({"person", "org", "delegation", "group"})


def venue_named_gatherings(ctx: Context, heads: dict[int, Hit]) -> list[Hit]:
    """A meeting hit over "conférence de <place>" for each such noun no other trigger took."""
    nouns = cue_words(ctx.lex, "venue-named-gathering")
    hits = []
    for i in ctx.tokens.where_lemma(nouns):  # those nouns only, not a Token made for every word
        token = ctx.doc[i]
        if token.pos_ not in ("NOUN", "PROPN") or token.i in heads \
                or token.i in ctx.heading_tokens or in_quote(ctx, token):
            continue
        name = _venue_after(ctx, token)
        if name is not None:
            hits.append(Hit("event", et("meeting"), token.i, name[1], token.i))
    return hits


def venue_name(ctx: Context, noun: Token) -> str | None:
    """The place a gathering noun is named by ("la conférence de Téhéran" -> "téhéran"), if any: two
    gatherings named by two places are two ("Elle fut précédée de la conférence de Téhéran")."""
    name = _venue_after(ctx, noun)
    return None if name is None else ctx.doc[name[0]:name[1]].text.lower()


def _venue_after(ctx: Context, noun: Token) -> tuple[int, int] | None:
    """The token range of the place name right after the noun and "de", when there is one."""
    doc = ctx.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "de":
        return None
    name = doc[noun.i + 2]
    mentions = ctx.mentions_at(name)
    if not name.text[:1].isupper() or any(m.kind in _SOMEONE for m in mentions):
        return None
    if not (any(m.kind == "place" or m.place for m in mentions) or (name.pos_ == "PROPN" and not mentions)):
        return None
    end = name.i + 1
    while end < len(doc) and doc[end].head.i == name.i and doc[end].dep_ == "flat:name":
        end += 1
    return name.i, end
