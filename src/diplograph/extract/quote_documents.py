"""Documents that speak for their issuer, and words that no person says: the pieces of the quote
speaker rules that read a document noun ("indique la présidence dans un communiqué", "a précisé
la même source") or the grammar of a quoted attribute.

Apart from :mod:`~diplograph.extract.quote_speakers` because who issued a document is its own
search over the text's statements, not over its speakers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context, token_at
from diplograph.extract.incises import inverted_noun
from diplograph.extract.kinds import SPEECH, cue_words
from diplograph.extract.quote_clauses import in_quote_range
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token


def issuer_before(ctx: Context, before: int) -> str | None:
    """Who issued the last document the text named before an offset: the agent of the latest
    statement made through one ("indique la présidence dans un communiqué", "Dans leur
    déclaration, les dirigeants demandent ...", "selon un communiqué du Kremlin" read as its
    speaker). A document is the issuer's voice, so "la même source", "le texte" or "le
    document" that speaks later is that issuer, never the last person named in between."""
    documents = cue_words(ctx.lex, "document")
    found: list[tuple[int, str]] = []
    for event in ctx.events:
        if event.event_type not in SPEECH or not event.agents or event.trigger.begin >= before:
            continue
        verb = token_at(ctx, event.trigger.begin)
        if verb is None or in_quote_range(ctx, verb.idx):
            continue
        # "dans un communiqué" on the verb, or on its inverted subject ("indique la présidence
        # dans un communiqué", parsed as the noun's complement)
        through = [t for c in verb.children if c.dep_ in ("obl", "obl:arg", "obl:mod", "nsubj", "obj", "advcl")
                   for t in (c, *c.children) if t.lemma_.lower() in documents and t.pos_ == "NOUN"
                   and not in_quote_range(ctx, t.idx)]
        if through:
            found.append((event.trigger.begin, event.agents[0]))
    return max(found)[1] if found else None


def document_participle(ctx: Context, verb: Token, is_speech: Callable[[Token], bool]) -> bool:
    """"« ... », a précisé la même source, relevant que ...": a present participle with no
    subject of its own, hung on an incise whose subject is a document, goes on with the
    document's words, its issuer's (not the subject of the clause the incise hangs on)."""
    return "Part" in feature(verb, "VerbForm") and "Pres" in feature(verb, "Tense") \
        and not any(c.dep_.startswith("nsubj") for c in verb.children) \
        and verb.head.i != verb.i and is_speech(verb.head) and document_subject(ctx, verb.head)


def document_subject(ctx: Context, verb: Token) -> bool:
    """The incise's subject, right after its verb, is a document ("la même source", "le
    communiqué", "le document": cue:document), which speaks for its issuer only."""
    noun = inverted_noun(ctx, verb)
    return noun is not None and noun.lemma_.lower() in cue_words(ctx.lex, "document")


def unnamed_head(ctx: Context, verb: Token) -> bool:
    """", a lancé le locataire de la Maison Blanche": the subject after the verb is a common
    noun that names no actor and no office; the name in its complement is not the speaker."""
    roles = ctx.hits_of("role")
    k, end = verb.i + 1, ctx.sent_of(verb).end
    while k < end:
        t = ctx.doc[k]
        if t.pos_ == "ADP" and t.head.i > k:
            k = t.head.i + 1  # "à la presse", "devant les journalistes": whom it was said to
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            # "M. X", "le président X", "son représentant, M. X": a name glued or in apposition
            glued = any(ctx.by_token.get(j) for j in range(k + 1, min(end, k + 4))) and (
                bool(ctx.by_token.get(k + 1)) or ctx.doc[k + 1].text == ",")
            # "indique un communiqué du ministère": a document speaks for its issuer
            issued = cue_words(ctx.lex, "document") | cue_words(ctx.lex, "speech-noun")
            return t.pos_ == "NOUN" and not glued and not ctx.by_token.get(k) and k not in ctx.role_person \
                and t.lemma_.lower() not in issued \
                and not any(h.start <= k < h.end for h in roles) \
                and not any(tm.start <= k < tm.end for tm in ctx.times)
        if t.is_punct or t.pos_ == "VERB":
            return False
        k += 1
    return False


def predicative_de(noun: Token) -> bool:
    """"a qualifié le réchauffement de « menace commune »": the noun's only function word is a bare
    "de" (no article), the attribute the speech verb gives its object, not a complement of it."""
    functions = [c for c in noun.children if c.dep_ in ("case", "det")]
    return len(functions) == 1 and functions[0].dep_ == "case" and functions[0].lower_ in ("de", "d'", "d’")
