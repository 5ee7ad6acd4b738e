"""Facts about one token's clause that several stages ask: whether a verb the parse hung on a noun
is the main verb, whether a gathering noun sits in an infinitive of purpose, which token an event's
trigger starts on, which verb invites to a gathering. Small and leaf-level: they read the parse and
the context, never the actors (those are :mod:`diplograph.extract.syntax`'s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.token_view import feature
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words that with "ne" make a negation (grammar): "n'a pas assisté", "n'ont eu aucune rencontre".
NEGATION = frozenset({"pas", "jamais", "aucun", "aucune", "sans", "ni", "guère"})


def negated(token: Token) -> bool:
    """The verb carries a negation ("ne" and a word of :data:`NEGATION` among its dependents)."""
    children = list(token.children)
    return any(c.lower_ in ("ne", "n'", "n’") for c in children) and any(c.lower_ in NEGATION for c in children)


def main_verb_read_as_clause(ctx: Context, verb: Token) -> bool:
    """A finite verb the parser hung as a clause of the sentence's first noun ("Le ministre argentin
    rencontrera ...": ROOT "ministre", acl "rencontrera"; "La ministre X, s'est dite confiante": a
    participle with its auxiliary is a finite compound tense): the noun is its subject. A dateline's
    city ("Lomé, 4 mars 2024 – X a reçu ...") is no noun the verb completes either."""
    finite = "Fin" in feature(verb, "VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)
    return verb.dep_ == "acl" and finite and verb.head.i < verb.i and verb.head.dep_ == "ROOT" and bool(
        ctx.by_token.get(verb.head.i) or verb.head.i in ctx.role_person
        or verb.head.i in ctx.heading_tokens)  # "Lomé, 4 mars 2024 – Le chef de l'État a reçu": a dateline


def in_purpose(token: Token) -> bool:
    """"sont arrivés vendredi à Lomé pour participer au sommet": a gathering noun in an infinitive of
    purpose ("pour", "afin de") is what the main verb is for; that verb's tense and day (the
    arrival's) are not the gathering's, so they do not tell it apart from the one told."""
    if token.dep_.startswith("nsubj"):
        return False  # "son entretien ... était un bon début pour apaiser": a subject the parse gave it
    verb = token.head
    for _ in range(2):
        if verb.pos_ == "VERB" and "Inf" in feature(verb, "VerbForm"):
            return verb.i < token.i and any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in verb.children)
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def event_token(ctx: Context, event: Event) -> Token:
    """The first token of the event's trigger (~15,000 calls over tests/texts: the token's index is
    kept per trigger offsets, rather than ``Doc.char_span`` searching the document each time)."""
    starts = ctx.cache.get("trigger-tokens")
    if starts is None:
        starts = ctx.cache["trigger-tokens"] = {}
    key = (event.trigger.begin, event.trigger.end)
    start = starts.get(key)  # type: ignore[attr-defined]
    if start is None:
        start = starts[key] = ctx.tokens.expand(key[0], key[1])[0]  # type: ignore[index]
    return ctx.doc[start]


def invited_to(ctx: Context, token: Token) -> Token | None:
    """The verb of inviting (cue:invitation: "inviter", "convier") a gathering noun is what someone is
    invited to ("inviter X pour une visite", "l'a invité à une réunion"), within two heads (the parse
    may hang the noun on X); not a guest's participle (:func:`guest_participle`)."""
    if not any(c.dep_ == "case" and c.lower_ in ("pour", "à", "au") for c in token.children):
        return None
    inviting = cue_words(ctx.lex, "invitation")
    verb = next((a for a in list(token.ancestors)[:2] if a.lemma_.lower() in inviting), None)
    if verb is None and token.head.pos_ == "VERB":
        # "a critiqué X et invité Y pour une visite": the parse hangs the noun on the first verb; the
        # verb of inviting conjoined to it, the last verb before the noun, is what it completes
        nearest = next((t for t in reversed(ctx.doc[token.head.i + 1:token.i]) if t.pos_ == "VERB"), None)
        if nearest is not None and nearest.dep_ == "conj" and nearest.head.i == token.head.i \
                and nearest.lemma_.lower() in inviting:
            verb = nearest
    return None if verb is not None and guest_participle(ctx, verb) else verb


def guest_participle(ctx: Context, verb: Token) -> bool:
    """"le Premier ministre X, invité au sommet": an inviting past participle with no auxiliary,
    set off after the noun it describes, tells who the gathering's guest is, not an invitation
    made (nor a gathering still to come). The parse may hang it on that noun, on a name the tagger
    took for a verb, or on the main verb."""
    return feature(verb, "VerbForm") == ["Part"] and verb.head.i != verb.i \
        and not any(c.dep_.startswith("aux") for c in verb.children) \
        and (verb.dep_ in ("acl", "appos") or (verb.dep_ != "conj" and verb.i > 0 and verb.doc[verb.i - 1].text == ","))


def guest_of(ctx: Context, token: Token) -> list[str]:
    """The actors a guest's participle (:func:`guest_participle`) describes, for the gathering noun
    it is invited to ("X, invité au sommet": X)."""
    if not any(c.dep_ == "case" and c.lower_ in ("à", "au", "aux") for c in token.children) \
            or token.head.i == token.i or token.head.lemma_.lower() not in cue_words(ctx.lex, "invitation") \
            or not guest_participle(ctx, token.head):
        return []
    verb = token.head
    if verb.dep_ in ("acl", "appos") and ctx.by_token.get(verb.head.i):
        return list(dict.fromkeys(m.iri for m in ctx.by_token[verb.head.i] if m.kind in ("person", "state", "org")))
    # hung on the main verb: the one named right before the comma that sets the participle off
    return list(dict.fromkeys(m.iri for m in ctx.by_token.get(verb.i - 2, []) if m.end == verb.i - 1
                              and m.kind in ("person", "state", "org")))


def hosted_gathering(ctx: Context, token: Token) -> int | None:
    """The head of the gathering noun a hosting verb takes as its object, read off the word order
    ("San José accueille ce mercredi le 3e sommet", "a accueilli la réunion"): past a day, articles,
    adjectives and ordinals; None when no gathering noun follows."""
    if token.lemma_.lower() not in cue_words(ctx.lex, "hosting"):
        return None
    doc = ctx.doc
    end = ctx.sent_of(token).end
    timed = ctx.timed_tokens()
    k = token.i + 1
    while k < end and (k in timed or doc[k].pos_ in ("DET", "ADJ", "NUM")):
        k += 1  # not an adverb: "a accueilli favorablement les pourparlers" welcomes them, hosts nothing
    return k if any(h.head == k and h.iri in GATHERINGS for h in ctx.hits_of("event")) else None


def guests_stay(ctx: Context, noun: Token) -> bool:
    """"a reçu mardi le ministre X, en visite officielle au Vietnam du 10 au 12 juin": after a
    hosting verb, "en visite" set off by a comma says the guest is on a visit (a stay of its own,
    with its own days); the audience is one meeting of that visit, not the visit itself, and what
    the text goes on to tell of "les deux ministres" is the audience's. ("a reçu X en audience" has
    no comma: the manner of the reception.)"""
    if noun.pos_ != "NOUN" or not noun.dep_.startswith("obl") \
            or noun.lemma_.lower() not in cue_words(ctx.lex, "visit-noun"):
        return False  # (the cheap questions first: this is asked of every antecedent candidate)
    verb = noun.head
    first = noun.left_edge.i
    return verb.i < noun.i and verb.lemma_.lower() in cue_words(ctx.lex, "hosting") \
        and any(c.dep_ == "case" and c.lower_ == "en" for c in noun.children) \
        and first > 0 and noun.doc[first - 1].text == ","
