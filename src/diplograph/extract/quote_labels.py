"""Quoted words that are nobody's: titles, names of things, bare labels.

French prose quotes more than speech: the title of a forum ("sous le thème « ... »"), the name of
an operation or a network ("l'opération « Sentinelle »", "le réseau « X »"), a scare-quoted word
("leur volonté d'avancer « ensemble »"). These tests read the words and their order only; whether
a speaker still claims a label is :mod:`diplograph.extract.quotes`' decision.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words
from diplograph.extract.token_view import feature

#: Longest quote (in words) that can be a bare label rather than someone's words.
LABEL_WORDS = 4


def label_like(ctx: Context, begin: int, end: int) -> bool:
    """A few words without a finite verb ("ensemble", "partenariat stratégique", a verb quoted
    alone, "a servi à « relancer » les relations"): a label or a fragment, someone's words only
    when a speech verb or an incise says so. Any other verb makes a clause someone said."""
    inside = ctx.doc.char_span(begin, end, alignment_mode="expand")
    tokens = [t for t in inside if not t.is_punct] if inside is not None else []
    if not 0 < len(tokens) <= LABEL_WORDS:
        return False
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return not verbs or (len(tokens) == 1 and "Inf" in feature(verbs[0], "VerbForm"))

def titled(ctx: Context, mark_begin: int) -> bool:
    """"sous le thème « Une région unie face aux crises »", "un rapport intitulé « ... »": the word
    right before the marks is a noun or participle of a title (cue:title-noun), so the quoted
    words, however long, are a title's (the parser often hangs them elsewhere)."""
    before = ctx.doc.char_span(max(0, mark_begin - 40), mark_begin, alignment_mode="expand")
    words = [t for t in before if t.idx < mark_begin and not t.is_punct] if before is not None else []
    return bool(words) and words[-1].lemma_.lower() in cue_words(ctx.lex, "title-noun")

def named_thing(ctx: Context, begin: int, end: int, mark_begin: int) -> bool:
    """"sur le réseau « X »", "l'opération « Sentinelle »", "le format « Normandie »": a few
    capitalised words right after a common noun with its determiner are that thing's name.
    By the words and their order, not the parse, which hangs such names anywhere."""
    inside = ctx.doc.char_span(begin, end, alignment_mode="expand")
    words = [t for t in inside if not t.is_punct] if inside is not None else []
    if not 0 < len(words) <= LABEL_WORDS or not all(t.text[:1].isupper() or t.pos_ in ("ADP", "DET")
                                                     for t in words) or not words[0].text[:1].isupper():
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    before = [t for t in ctx.doc[max(0, words[0].i - 4):words[0].i] if not t.is_punct]
    return len(before) >= 2 and before[-1].pos_ == "NOUN" and before[-1].text[:1].islower() \
        and before[-2].pos_ == "DET"
