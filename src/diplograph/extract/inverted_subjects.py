"""The subject a reporting verb names after itself: "« ... », prévient d'emblée X",
"..., a indiqué à la presse le ministre", "..., précise le communiqué de la présidence".

Apart from :mod:`~diplograph.extract.syntax` (which reads subjects before verbs, antecedents and
the actors a phrase names) because the inverted subject is a search to the right of the verb,
past addressees, stance markers and times, that reads mentions only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token


def right_actors(ctx: Context, verb: Token) -> list[str]:
    """Inverted subject after a reporting verb: "« ... », prévient d'emblée X"."""
    found: list[str] = []
    doc = ctx.doc
    if any(c.lower_.startswith("-") and c.dep_ in ("nsubj", "expl:subj") for c in verb.children):
        return found  # "..., a-t-il affirmé, alors que X ...": the pronoun is the subject
    i = verb.i + 1
    # "a affirmé à la presse le ministre", "a indiqué à l'AFP un conseiller": whom the words were
    # said to (a complement with "à", "devant", "sur") comes between and is not the speaker
    addressee: set[int] = set()
    # "..., relève, de son côté, la présidence sénégalaise": an incise between commas comes first
    incise = i < len(doc) and doc[i].text == ","
    # "a dit de son côté peu avant 13h30 le président X": a stance marker and a time come first
    # and do not count against the reach
    passed = _markers_and_times(ctx, verb.i + 1)
    extra = 0
    while i < ctx.sent_of(verb).end and i <= verb.i + 7 + extra:
        t = doc[i]
        if i in passed:
            extra += 1
            i += 1
            continue
        aside = _gerund_aside_end(ctx, i) if incise else None
        if aside is not None:
            extra += aside + 1 - i
            i = aside + 1
            continue
        if t.text in ".;:«»" or t.pos_ == "VERB":
            break
        occasion = _occasion_end(ctx, i)
        if occasion is not None:
            if occasion < 0:
                break  # "a déclaré lors d'un entretien avec X": X is the partner, not the speaker
            extra += occasion - i
            i = occasion
            continue
        if t.pos_ == "ADP" and t.lower_ in _ADDRESSEE_CASES and t.head.i > t.i:
            addressee.update(range(t.i, t.head.i + 1))  # up to its noun: "à la presse"
        if i in addressee:
            i += 1
            continue
        if addressee and t.dep_ == "nmod":
            i += 1
            continue  # "un conseiller du ministre": the minister completes the speaker, is not him
        for m in ctx.by_token.get(i, []):
            if m.kind in ("person", "group", "org", "state") and m.start == i:
                return [m.iri]
        if i in ctx.role_person:
            return [ctx.role_person[i]]
        if t.lemma_.lower() in cue_words(ctx.lex, "document") and not ctx.by_token.get(i):
            # "précise le communiqué publié sur le site de la diplomatie russe", "a précisé la même
            # source": a document speaks for whoever issued it, named after it or with it before
            issuer = document_issuer(ctx, t) or document_issuer_before(ctx, t)
            return [issuer] if issuer is not None else found
        if i > verb.i + 4 + extra and not addressee and not incise:
            break  # beyond the first words, only past an addressee or an incise
        i += 1
    return found


_ADDRESSEE_CASES = frozenset({"à", "au", "aux", "devant", "sur"})
#: Words opening the occasion a speaker spoke at ("a déclaré lors d'un point de presse X").
_OCCASION_OPENERS = frozenset({"lors", "pendant", "durant"})


def _occasion_end(ctx: Context, i: int) -> int | None:
    """"a déclaré lors d'un point de presse X", "a dit au cours d'une conférence de presse X": the
    occasion phrase (its opener, then lower-case common words naming no one) comes between the verb
    and its inverted subject. The index after it; -1 when it names a partner ("lors d'un entretien
    avec X"); None when no occasion opens at ``i``."""
    doc = ctx.doc
    t = doc[i]
    if t.lower_ in _OCCASION_OPENERS:
        k = i + 1
    elif t.lower_ == "au" and i + 1 < len(doc) and doc[i + 1].lower_ == "cours":
        k = i + 2
    else:
        return None
    end = ctx.sent_of(t).end
    while k < end and doc[k].pos_ in ("ADP", "DET", "NOUN", "ADJ", "NUM") and doc[k].text[:1].islower() \
            and not ctx.by_token.get(k) and k not in ctx.role_person:
        if doc[k].lower_ in ("avec", "entre"):
            return -1
        k += 1
    return k
# Nouns of a text that speaks for its issuer ("indique un communiqué du ministère", "la même source")
# are cue:document (ontology/vocab/cues.ttl).


def document_issuer(ctx: Context, noun: Token) -> str | None:
    """The organisation, state or person a document noun names as its issuer in the words after it
    ("un communiqué du ministère", "le communiqué publié sur le site de la diplomatie russe")."""
    doc = ctx.doc
    for k in range(noun.i + 1, min(noun.i + 11, ctx.sent_of(noun).end)):
        if doc[k].text in ",;:.«»()" or (doc[k].pos_ in ("VERB", "AUX") and "Part" not in feature(doc[k], "VerbForm")):
            break
        found = [m.iri for m in ctx.by_token.get(k, []) if m.start == k and m.kind in ("org", "state", "person")]
        if found:
            return found[0]
    return None


def document_issuer_before(ctx: Context, noun: Token) -> str | None:
    """"a précisé la même source", "indique le document": the issuer of the last document named
    with one before (the same communiqué, quoted again)."""
    documents = cue_words(ctx.lex, "document")
    for k in range(noun.i - 1, -1, -1):
        if ctx.doc[k].lemma_.lower() in documents:
            issuer = document_issuer(ctx, ctx.doc[k])
            if issuer is not None:
                return issuer
    return None


#: Stance markers an inverted speaker may follow ("a dit de son côté X", "a répondu pour sa part X").
_MARKERS = ("de son côté", "de leur côté", "pour sa part", "pour leur part", "quant à lui", "quant à elle",
            "à son tour", "à leur tour")


#: Dative clitics that may stand before the auxiliary of an incise ("« ... », lui a répondu X").
DATIVE_CLITICS = frozenset({"lui", "leur"})


_MARKER_WORDS = tuple(tuple(marker.split()) for marker in _MARKERS)
_MARKER_FIRST = frozenset(words[0] for words in _MARKER_WORDS)


def marker_length(ctx: Context, i: int) -> int:
    """The number of words of the stance marker opening at token ``i`` ("pour sa part"), else 0.

    Read on the token view's lower-case words (the incise rules ask ~18,000 times over the test
    texts; a slice of the Doc per marker made a Token per word and cost ~1.3 s of a build)."""
    lower = ctx.tokens.lower
    if not 0 <= i < len(lower) or lower[i] not in _MARKER_FIRST:
        return 0
    for words in _MARKER_WORDS:
        if tuple(lower[i:i + len(words)]) == words:
            return len(words)
    return 0


def marker_start(ctx: Context, last: int) -> int | None:
    """The first token of the stance marker that ends at token ``last`` ("a pour sa part déclaré"),
    else None."""
    for marker in _MARKERS:
        n = len(marker.split())
        if last - n + 1 >= 0 and marker_length(ctx, last - n + 1) == n:
            return last - n + 1
    return None


def _gerund_aside_end(ctx: Context, i: int) -> int | None:
    """"a déclaré, en recevant son hôte, M. X": the index of the comma closing a gerund aside that
    opens at token ``i`` ("en" and a present participle), else None."""
    doc, end = ctx.doc, ctx.sent_of(ctx.doc[i]).end
    if not (doc[i].lower_ == "en" and i + 1 < end and doc[i + 1].pos_ in ("VERB", "AUX")
            and "Part" in feature(doc[i + 1], "VerbForm") and "Pres" in feature(doc[i + 1], "Tense")):
        return None
    return next((k for k in range(i + 2, min(end, i + 12)) if doc[k].text == ","), None)


def _markers_and_times(ctx: Context, start: int) -> set[int]:
    """Tokens from ``start`` on that belong to a stance marker or a time expression, in one run."""
    doc = ctx.doc
    timed = ctx.timed_tokens()
    found: set[int] = set()
    i = start
    while i < len(doc):
        words = marker_length(ctx, i)
        if words:
            found.update(range(i, i + words))
            i += words
        elif i in timed or (doc[i].text == "," and i + 1 in timed):
            found.add(i)
            i += 1
        else:
            break
    return found


