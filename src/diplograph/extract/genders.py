"""The grammatical gender the text gives a person, for the pronouns that take them up.

French marks it around a name, never in it: a courtesy title ("M. X", "Mme Y",
cue:masculine-courtesy and cue:feminine-courtesy in cues.ttl) or the determiner and ending of a
title standing with the name ("la déléguée béninoise Awa Sossou", "Le représentant du Ghana,
Kofi Owusu"). "a-t-elle ajouté" cannot take up a man the text so described, "a-t-il ajouté" not
a woman; a person the text gives no gender, or two, may be either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.kinds import cue_words
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.context import Context

MASC, FEM = "Masc", "Fem"


def pronoun_gender(word: str) -> str:
    """"il", "-t-il" -> Masc; "elle", "-elle" -> Fem; anything else: no gender."""
    word = word.lower().rsplit("-", 1)[-1]
    return MASC if word == "il" else FEM if word == "elle" else ""


def may_be(ctx: Context, person: str, gender: str) -> bool:
    """The person may be taken up by a pronoun of ``gender`` (no gender asked, or none told)."""
    told = person_gender(ctx, person)
    return not gender or not told or told == gender


def person_gender(ctx: Context, person: str) -> str:
    """Masc, Fem, or "" when the text's mentions of the person tell none (or both)."""
    genders = ctx.cache.get("person-genders")
    if genders is None:
        genders = ctx.cache["person-genders"] = _genders(ctx)
    return genders.get(person, "")  # type: ignore[union-attr]


def _genders(ctx: Context) -> dict[str, str]:
    """Person IRI -> the one gender its mentions tell, read once per document."""
    told: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.kind == "person" and not m.described:
            told.setdefault(m.iri, set()).update(_mention_genders(ctx, m))
    return {person: next(iter(g)) for person, g in told.items() if len(g) == 1}


def told_gender(ctx: Context, person: str) -> str:
    """The one gender the mentions found so far tell of a person (uncached: for the entity stage,
    while mentions are still being added)."""
    found: set[str] = set()
    for m in ctx.mentions:
        if m.iri == person and not m.described:
            found |= _mention_genders(ctx, m)
    return next(iter(found)) if len(found) == 1 else ""


def gender_before(ctx: Context, start: int) -> str:
    """The gender the courtesy title or the title noun right before token ``start`` tells ("M.
    X", "Mme X", "le président X", "la ministre X"), else none."""
    if start == 0:
        return ""
    word = ctx.doc[start - 1].lower_
    if word in cue_words(ctx.lex, "masculine-courtesy"):
        return MASC
    if word in cue_words(ctx.lex, "feminine-courtesy"):
        return FEM
    noun = _title_noun(ctx, start, ctx.hits_of("role"))
    genders = _noun_gender(noun) if noun is not None else set()
    return next(iter(genders)) if len(genders) == 1 else ""


def _mention_genders(ctx: Context, m) -> set[str]:
    """The genders one mention's courtesy title, title noun or apposed noun tells."""
    masculine, feminine = cue_words(ctx.lex, "masculine-courtesy"), cue_words(ctx.lex, "feminine-courtesy")
    found: set[str] = set()
    for t in ctx.doc[max(0, m.start - 2):m.start]:
        if t.lower_ in masculine:
            found.add(MASC)
        elif t.lower_ in feminine:
            found.add(FEM)
    if not found:
        noun = _title_noun(ctx, m.start, ctx.hits_of("role")) or _apposed_noun(ctx, m.start)
        if noun is not None:
            found.update(_noun_gender(noun))
    return found


def _title_noun(ctx: Context, start: int, roles: list) -> Token | None:
    """The head noun of a title standing right before the name ("la déléguée béninoise X", "Le
    représentant du Ghana, X"): a title ending at most two words (a demonym, a comma) before it,
    or ending with a complement and a comma right before it, in the same sentence."""
    doc = ctx.doc
    sentence_start = ctx.sent_of(start).start
    for hit in roles:
        if not sentence_start <= hit.start < start or hit.end > start:
            continue
        between = doc[hit.end:start]
        if not _clause_free(between):
            continue
        close = len(between) <= 2
        apposed = 0 < len(between) <= 5 and between[-1].text == "," and sum(1 for t in between if t.text == ",") == 1
        if close or apposed:
            return next((t for t in doc[hit.start:hit.end] if t.pos_ == "NOUN"), None)
    return None


def _clause_free(tokens) -> bool:
    """No verb and no sentence punctuation: the words stay within one phrase."""
    return not any(t.pos_ in ("VERB", "AUX") or t.text in ".;:" for t in tokens)


def _apposed_noun(ctx: Context, start: int) -> Token | None:
    """The common noun the parse hangs the name on, or hangs on the name, before it: "le délégué
    togolais Kossi Mensah", "Le représentant du Ghana, Kofi Owusu" (titles the vocabulary has no
    office for)."""
    token = ctx.doc[start]
    head = token.head
    if head.i < token.i and head.pos_ == "NOUN" and head.is_lower and token.dep_ in ("appos", "nmod", "flat:name") \
            and _clause_free(ctx.doc[head.i:start]):
        return head
    apposed = next((c for c in token.children if c.pos_ == "NOUN" and c.is_lower and (
        c.i < token.i and c.dep_ in ("appos", "nmod") and c.i >= ctx.sent_of(start).start
        or c.i > token.i and c.dep_ == "appos" and ctx.doc[c.i - 1].text == ",")), None)  # "X, chercheuse à ..."
    if apposed is not None or start < 2 or ctx.doc[start - 1].text != ",":
        return apposed
    # "Le représentant du Togo, Kossi Mensah, a jugé": noun and name parsed as two subjects; a noun
    # after a preposition is a circumstance, no title ("Dès son arrivée, X a serré la main ...")
    first = max(ctx.sent_of(start).start, start - 8)
    return next((t for t in reversed(ctx.doc[first:start - 1]) if t.pos_ == "NOUN" and t.is_lower
                 and t.right_edge.i in (start - 2, start - 1)
                 and not any(c.dep_ == "case" and c.i < t.i for c in t.children)
                 and not any(u.pos_ in ("VERB", "AUX") or u.is_punct for u in ctx.doc[t.i:start - 1])), None)


def _noun_gender(noun: Token) -> set[str]:
    """The gender its determiner tells ("la ministre": the noun is epicene), else its ending's. A
    masculine plural tells nothing of each name it heads: French writes "les présidents X, Y et Z"
    for a list of men and women alike (a feminine plural does tell)."""
    if "Plur" in feature(noun, "Number") and FEM not in feature(noun, "Gender") \
            and not any(c.dep_ == "det" and FEM in feature(c, "Gender") for c in noun.children):
        return set()
    for c in noun.children:
        if c.dep_ == "det" and c.i < noun.i:
            gender = set(feature(c, "Gender"))
            if len(gender) == 1:
                return gender
    gender = set(feature(noun, "Gender"))
    if gender == {MASC} and noun.lower_.endswith("e"):
        return set()  # "X, porte-parole du ministère": titles in -e are epicene, the tag a guess
    return gender if len(gender) == 1 else set()
