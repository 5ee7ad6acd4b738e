"""Reporting incises: "« ... », a déclaré X", "..., a-t-il ajouté", "..., indique un communiqué".

A verb after a comma whose subject stands after it reports what comes before; the parser often
hangs the reported clause's own subject on it, or makes it the root. Which verb is such an incise
is read here, apart from the rest of the clause reading (:mod:`~diplograph.extract.syntax`),
which asks it when it looks for a verb's subjects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context, in_quote
from diplograph.extract.inverted_subjects import DATIVE_CLITICS, marker_start, right_actors
from diplograph.extract.kinds import SPEECH

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The clitics of an inverted subject ("a-t-il dit", "a-t-elle ajouté"): grammar.
INVERTED_CLITICS = frozenset({"-t", "-il", "-elle", "-ils", "-elles", "-on", "t", "il", "elle"})


def incise_after_quote(ctx: Context, verb: Token) -> bool:
    """"Le sommet a « ouvert une nouvelle page », a déclaré X": a verb after a comma, in a sentence
    that quotes words before that comma, reports them; the subject of the reported clause is not
    its subject."""
    i = comma_before(ctx, verb)
    if i is None:
        return False
    start, comma = ctx.sent_of(verb).start_char, ctx.doc[i].idx
    return any(start <= b and e <= comma for b, e in ctx.quote_ranges)


def comma_before(ctx: Context, verb: Token) -> int | None:
    """The comma right before a verb and its auxiliaries or inverted clitics (", a déclaré",
    ", a-t-il dit"), a stance marker between the auxiliary and the participle (", a pour sa part
    déclaré") or a dative clitic before the auxiliary (", lui a répondu"), where an incise opens;
    None when there is none."""
    view, start = ctx.tokens, ctx.sent_of(verb).start  # the view's words: no Token for each (~2,700 calls)
    pos, lower = view.pos, view.lower
    i = verb.i - 1
    while i > start:
        if pos[i] == "AUX" or lower[i] in INVERTED_CLITICS:
            i -= 1
        elif (marker := marker_start(ctx, i)) is not None and marker > start and pos[marker - 1] == "AUX":
            i = marker - 1
        elif lower[i] in DATIVE_CLITICS and pos[i + 1] in ("AUX", "VERB"):
            i -= 1
        else:
            break
    return i if i > 0 and view.text[i] == "," else None


def main_verb_past(verb: Token, at: int) -> bool:
    """"Le président, qui avait jugé la situation « grave », a affirmé que ...": a subject before
    token ``at`` and a clause after the verb make it the sentence's main verb, not an incise."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < at]
    # "La ministre, qui a qualifié X de « priorité », a annoncé un accord": the quote closes a
    # relative clause of the subject, whatever the main verb governs after it
    return bool(subjects) and (any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) or any(
        r.dep_ == "acl:relcl" and r.right_edge.i >= at - 2 for s in subjects for r in s.children))


def is_reporting(ctx: Context, verb: Token) -> bool:
    """A reporting verb after a comma, subject inverted: "« ... », a déclaré X", "..., a indiqué X"."""
    i = comma_before(ctx, verb)
    if i is None:
        return False
    if ctx.doc[i - 1].text in ("»", '"', "”"):
        return not main_verb_past(verb, i)
    if _document_after(ctx, verb):
        return True  # "..., indique un communiqué de la présidence": the document is the subject
    # "..., a annoncé mardi le ministère turc": the parser may hang a name of the reported clause
    # on the incise as its subject; an incise verb hangs on an earlier verb (ccomp, parataxis)
    # or as a conjunct with no conjunction ("..., avec X, a rapporté la télévision": no "et")
    # or as an adverbial clause with no conjunction ("..., l'ambassadeur X, informe la présidence":
    # no "quand", "si" opens it)
    hangs_back = verb.head.i < verb.i and (verb.dep_ in ("ccomp", "parataxis") or (
        verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children)) or (
        verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children)
        and verb.i + 1 < len(ctx.doc) and ctx.doc[verb.i + 1].pos_ == "DET"))
    # a "subject" inside quotation marks is the words reported ("« A. B » afin que ..., a dit X")
    # and an inverted clitic ("..., a-t-il affirmé") is the incise's own subject
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i not in ctx.heading_tokens
              and not in_quote(ctx, c) and not c.lower_.startswith("-")]
    if not hangs_back and before and verb.dep_ == "ROOT":
        # "X s'est entretenu ... avec son homologue, Y, a rapporté la télévision": the parse makes the
        # incise the root and Y its subject; a clause with its own subject and verb comes first
        first = min(b.i for b in before)
        hangs_back = any(t.pos_ == "VERB" and any(c.dep_.startswith("nsubj") and c.i < t.i for c in t.children)
                         for t in ctx.doc[ctx.sent_of(verb).start:first])
    if not hangs_back and before and not _reported_subject(ctx, verb, before):
        return False  # "Le président, Marie Durand, recevra ...": the comma closes an apposition
    # no complement clause after the verb: what follows is its subject
    return not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _reported_subject(ctx: Context, verb: Token, subjects: list[Token]) -> bool:
    """"La priorité de la présidence sera la paix, a déclaré le représentant de X, M. Y": the
    parse hung the reported clause's subject on the incise verb. A subject that is a common noun
    naming no actor and no office, a verb with no object, and a person named right after it make
    the comma an incise's, not an apposition's."""
    roles = ctx.hits_of("role")
    if any(s.pos_ != "NOUN" or ctx.by_token.get(s.i) or s.i in ctx.role_person
           or any(h.start <= s.i < h.end for h in roles) for s in subjects):
        return False
    if any(c.dep_ == "obj" for c in verb.children):
        return False
    after = right_actors(ctx, verb)
    entity = ctx.entities.get(after[0]) if after else None
    return entity is not None and entity.kind == "person"


def inverted_noun(ctx: Context, verb: Token) -> Token | None:
    """The head noun of a subject standing right after its verb: past a day or an adverb, an
    article, then adjectives or "même" ("..., souligne mardi la même source", "..., a indiqué un
    haut responsable"); None when anything else follows the verb.

    The incise rules ask one question of that noun each (is it a document? a speech noun? does
    its phrase name someone?); they read the same position, so it is found here once.
    """
    doc = ctx.doc
    i, end = verb.i + 1, ctx.sent_of(verb).end
    while i < end and (doc[i].pos_ == "ADV" or any(t.start <= i < t.end for t in ctx.times)):
        i += 1
    if i >= end or doc[i].pos_ != "DET":
        return None
    i += 1
    while i < end and (doc[i].pos_ == "ADJ" or doc[i].lower_ == "même"):
        i += 1
    return doc[i] if i < end and doc[i].pos_ == "NOUN" else None


def _document_after(ctx: Context, verb: Token) -> bool:
    """Right after the verb, a noun that is itself a speech trigger ("un communiqué", "la
    déclaration"): a text that says, standing after its verb, is that verb's inverted subject,
    whatever the parse made of the clause before."""
    noun = inverted_noun(ctx, verb)
    return noun is not None and any(h.head == noun.i and h.iri in SPEECH for h in ctx.hits_of("event"))
