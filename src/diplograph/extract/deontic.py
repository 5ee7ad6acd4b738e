"""Demands said with a modal verb: "X a rappelé que les avoirs gelés devaient servir à ...".

Readouts and declarations often state a demand without a verb of asking: what "doit" or
"devrait" happen to an issue ("toute trêve devait s'accompagner d'un règlement sur le statut
des territoires", "l'aide humanitaire doit pouvoir circuler"). The obligation verb
(cue:obligation in triggers.ttl) is then a stance of the speaker on the issues of its clause:
a demand, or opposition when the issue is the subject of a verb that ends it (cue:cessation:
"toute aide militaire doit cesser"). Only issues named in the obligation's own clause count
(no fallback on the paragraph's issue), and an obligation whose subject is an actor ("le
ministre doit se rendre à Kiev") announces an act, not a demand. The clause is read on the
words as much as on the parse, which often hangs a modal verb of a reported clause oddly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.kinds import cue_words
from diplograph.extract.patterns import Hit
from diplograph.extract.token_view import feature
from diplograph.namespaces import vocab_iri

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.context import Context

#: Words that open the clause of a modal verb: a completive "que", a colon, a semicolon.
_OPENERS = frozenset({"que", "qu'", ":", ";"})
_NEGATIONS = frozenset({"pas", "plus", "jamais", "guère"})


def obligation_hits(ctx: Context, issue_hits: list[Hit]) -> dict[int, tuple[Hit, list[str]]]:
    """Head token of each obligation that is a stance -> (its stance hit, the issues it is on)."""
    words = cue_words(ctx.lex, "obligation")
    if not words:
        return {}
    ending = cue_words(ctx.lex, "cessation")
    found: dict[int, tuple[Hit, list[str]]] = {}
    for i in ctx.tokens.where_lemma(words):  # the obligation verbs only: no Token made for every word
        token = ctx.doc[i]
        if token.pos_ not in ("VERB", "AUX") \
                or "Fin" not in feature(token, "VerbForm") or token.i in ctx.heading_tokens:
            continue
        if any(c.lower_ in _NEGATIONS for c in token.children) or any(
                t.lower_ in _NEGATIONS for t in ctx.doc[token.i + 1:token.i + 3]):
            continue  # "ne doit pas": the reverse, left alone
        left = _clause_start(token)
        subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
        subjects += [t for t in ctx.doc[left:token.i] if t.dep_.startswith("nsubj") and t not in subjects]
        if any(_actor(ctx, s) for s in subjects):
            continue  # "le ministre doit se rendre à Kiev": an actor's act to come
        right = max(t.i for t in token.subtree) + 1
        issues = [h for h in issue_hits if left <= h.start and h.end <= right]
        if not issues:
            continue
        stance = "demands"
        subject_issues = [h for h in issues if h.end <= token.i]
        if subject_issues and _ends(token, ending):
            stance, issues = "opposes", subject_issues  # "toute aide militaire devait cesser"
        hit = Hit("stance", vocab_iri("stance", stance), token.i, token.i + 1, token.i)
        found[token.i] = (hit, list(dict.fromkeys(h.iri for h in issues)))
    return found


#: Personal pronouns: "il doit", "nous devons" have a person as subject.
_PERSONAL = frozenset("je j' tu il elle on nous vous ils elles".split())


def _actor(ctx: Context, subject: Token) -> bool:
    """The subject is someone: a name or a role phrase (with its apposition), or a pronoun."""
    named = [subject] + [c for c in subject.children if c.dep_ in ("appos", "flat:name", "acl", "conj")]
    return subject.lower_ in _PERSONAL or subject.i in ctx.role_person \
        or any(ctx.by_token.get(t.i) for t in named)  # not "toute aide à l'Ukraine": a name inside


def _clause_start(token: Token) -> int:
    """First token of the modal verb's clause: after "que", a colon or a semicolon."""
    sentence = token.sent
    for j in range(token.i - 1, sentence.start - 1, -1):
        if token.doc[j].lower_ in _OPENERS:
            return j + 1
    return sentence.start


def _ends(token: Token, ending: frozenset[str]) -> bool:
    """The infinitive the modal verb governs ends its subject ("doit cesser", "être levées")."""
    return any(c.lemma_.lower() in ending for c in token.children if c.dep_ in ("xcomp", "ccomp")) \
        or any(t.lemma_.lower() in ending and t.pos_ == "VERB" for t in token.doc[token.i + 1:token.i + 4])
