"""Where and when a gathering is held, said in a clause set after its noun.

"le sommet du Mercosur, qui se tiendra en mars à Montevideo", "la réunion du G20, prévue à
Washington à la fin du mois", "la conférence que la France accueillera à Nice en juin", "le
conseil de coopération tenu à Athènes en décembre 2023": the clause's verb holds the gathering
(cue:held-clause, cues.ttl), so its place and time are that gathering's. The parser often hangs such
a clause on the main verb or on a name, so it is read by position: the clause opens right after
the noun's phrase (at most a comma between) and runs to the next comma or the sentence end. Its
place and time are then the noun's, and no other event of the sentence takes them, whether the
noun is an event trigger or not ("depuis le conseil ... tenu à Athènes en décembre 2023" does not
date the meeting the sentence tells).
"""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_pairs, cue_words
from diplograph.extract.token_view import feature

#: Words that may stand in a noun phrase between its head and a clause set after it.
_IN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM"})
#: Relative pronouns opening a clause about the noun before them.
_RELATIVES = frozenset({"qui", "que", "qu'", "qu’"})
#: How far a noun phrase may run after its head (words) before a held clause.
_PHRASE_SPAN = 12


@dataclass(frozen=True)
class HeldClause:
    """The clause ``start..end`` (token indexes) holding the gathering named by the noun at ``noun``."""

    noun: int
    start: int
    end: int


def held_clauses(ctx: Context) -> list[HeldClause]:
    """The held clauses of the document, found once (one pass over the tokens) and cached."""
    found = ctx.cache.get("held_clauses")
    if found is None:
        found = ctx.cache["held_clauses"] = _find(ctx)
    return found


def clause_of_noun(ctx: Context, noun: int) -> HeldClause | None:
    return next((c for c in held_clauses(ctx) if c.noun == noun), None)


def in_other_clause(ctx: Context, i: int, noun: int) -> bool:
    """Token ``i`` lies in a held clause about another noun than ``noun``, and ``noun`` (the
    trigger asking) is not in that clause itself (its verb "accueillera" is the hosting)."""
    return any(c.start <= i < c.end and c.noun != noun and not c.start <= noun < c.end for c in held_clauses(ctx))


def _find(ctx: Context) -> list[HeldClause]:
    doc = ctx.doc
    verbs = cue_words(ctx.lex, "held-clause")
    pairs = cue_pairs(ctx.lex, "held-clause")
    found: list[HeldClause] = []
    nouns = cue_words(ctx.lex, "holding-noun")
    gatherings = {h.head for h in ctx.hits_of("event") if h.iri in GATHERINGS}
    rests = {rest for _, rest in pairs}
    # the cue words only (any other token is neither a holding noun nor holding): no Token made for every word
    view = ctx.tokens
    for i in sorted({*view.where_lemma(nouns | verbs), *view.where_lower(nouns | rests)}):
        t = doc[i]
        lemma = t.lemma_.lower()
        if t.pos_ == "NOUN" and (lemma in nouns or t.lower_ in nouns):
            held = _held_after(ctx, t, gatherings)  # "la tenue, le mois dernier à Hanoï, de la session"
            if held is not None:
                found.append(held)
            continue
        holding = (t.pos_ in ("VERB", "AUX", "ADJ") and lemma in verbs) \
            or (t.lower_ in rests and t.i > 0
                and (doc[t.i - 1].lemma_.lower(), t.lower_) in pairs)
        if not holding:
            continue
        sentence = ctx.sent_of(t)
        start = _opening(ctx, t, sentence.start)
        if start is None:
            continue
        noun = _noun_before(ctx, start, sentence.start)
        if noun is None:
            continue
        end = t.i + 1
        while end < sentence.end and doc[end].text not in (",", ";", "(") and doc[end].lower_ != "et":
            end += 1
        found.append(HeldClause(noun, start, end))
    return found


def _held_after(ctx: Context, noun, gatherings: set[int]) -> HeldClause | None:
    """"la tenue à Chisinau, en septembre, d'une conférence", "la tenue, le mois dernier à Hanoï, de
    la première session": what stands between the noun of holding and "de" + a gathering noun is
    that gathering's place and time."""
    doc = ctx.doc
    end = ctx.sent_of(noun).end
    for k in range(noun.i + 1, min(noun.i + 12, end - 1)):
        if doc[k].lower_ in ("de", "d'", "d’", "du", "des") and k > noun.i + 1 and doc[k - 1].text == ",":
            j = k + 1
            while j < end and doc[j].pos_ in ("DET", "ADJ", "NUM"):
                j += 1
            return HeldClause(j, noun.i + 1, k) if j in gatherings else None
        if doc[k].pos_ in ("VERB", "AUX"):
            return None
    return None


def _opening(ctx: Context, verb, floor: int) -> int | None:
    """Where the clause of ``verb`` opens: the participle itself ("tenu", "prévue", not after an
    auxiliary), or a relative pronoun at most four words before it ("qui se tiendra", "que la
    France accueillera", "qui aura lieu")."""
    doc = ctx.doc
    if "Part" in feature(verb, "VerbForm") and verb.i > floor \
            and doc[verb.i - 1].pos_ not in ("AUX", "PRON") and doc[verb.i - 1].lemma_ not in ("avoir", "être"):
        return verb.i
    for k in range(verb.i - 1, max(floor - 1, verb.i - 5), -1):
        if doc[k].lower_ in _RELATIVES:
            return k
        if doc[k].text in (",", ";") or doc[k].pos_ == "VERB":
            return None
    return None


def _noun_before(ctx: Context, start: int, floor: int) -> int | None:
    """The noun the clause opening at ``start`` is about: in the phrase just before it (a comma
    may come between), read back over names, complements and adjectives, the first gathering
    noun ("la réunion des ministres du G20, prévue"), else the phrase's first noun ("le conseil de
    coopération tenu")."""
    doc = ctx.doc
    gatherings = {h.head for h in ctx.hits_of("event") if h.iri in GATHERINGS}
    k = start - 1
    if k >= floor and doc[k].text == ",":
        k -= 1
    nouns: list[int] = []
    stop = max(floor - 1, k - _PHRASE_SPAN)
    while k > stop and doc[k].pos_ in _IN_PHRASE:
        if doc[k].pos_ == "NOUN":
            nouns.append(k)
        if doc[k].pos_ == "ADP" and doc[k].lower_ not in ("de", "d'", "d’", "du", "des"):
            break  # "à Buenos Aires son homologue": another complement of the verb
        k -= 1
    held = [n for n in nouns if n in gatherings]
    return (held or nouns or [None])[-1]
