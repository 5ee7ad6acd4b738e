"""How a mention of a gathering refers: back to one told before, or to a new one.

Reading a noun's determiner ("ce", "la", "une"), its "nouvelle"/"prochaine", or a verb's
subject ("ils", "les deux ministres") says whether a mention may be a further mention of an
event at all. This is read off the words alone, before any event is compared, so it lives
apart from the decision which event a mention joins (:mod:`~diplograph.extract.same_event`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import negated
from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_pairs, cue_words
from diplograph.extract.syntax import FRAMING_WORDS, subjects_of
from diplograph.extract.token_view import feature, token_view
from diplograph.extract.verb_forms import pluperfect

if TYPE_CHECKING:
    from spacy.tokens import Token


POSSESSIVE = frozenset({"leur", "leurs", "nos", "notre", "ses", "sa", "son"})


DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})


# Verbs whose object names what their subject took part in ("ils ont eu un entretien", "ont tenu une
# réunion": with a subject that names no one new, the indefinite noun is the gathering just told)
# are cue:having (ontology/vocab/cues.ttl).


DEFINITES = frozenset({"le", "la", "l'", "les"})


# "du", "au", "aux" are preposition + definite article in one word ("lors du sommet", "en
# marge du sommet"); spaCy tags them as the noun's case marker, with no det of their own.
_CONTRACTED = frozenset({"du", "au", "aux"})


def says_new(ctx: Context, token: Token) -> bool:
    """"une nouvelle rencontre", "la prochaine réunion", "se sont de nouveau parlé": another occurrence.

    Any ordinal adjective counts ("la quatrième session", "le 12e cycle"): a numbered occurrence
    is one of a series, not the one just told (a demonstrative still points back: "ce premier
    échange", see reference_kind).
    """
    new = cue_words(ctx.lex, "new-occurrence")
    for c in token.children:
        if c.dep_ in ("amod", "advmod", "obl", "obl:mod", "nmod") and (c.lemma_.lower() in new or c.lower_ in new):
            return True
        if c.dep_ == "amod" and "Ord" in feature(c, "NumType"):
            return True
    if token.pos_ == "NOUN" and token.dep_ == "nmod" and token.head.pos_ == "NOUN":
        # "la prochaine session du dialogue": the next occurrence of the process, not the talk just told
        return any(c.dep_ == "amod" and (c.lemma_.lower() in new or c.lower_ in new) for c in token.head.children)
    return False


def determiner(token: Token) -> Token | None:
    """The determiner of a noun (an article, a demonstrative, a possessive), or the contracted
    preposition that holds its article ("du", "au", "aux"; "des" in a frame)."""
    i = token.i
    view = token_view(token.doc)  # the children before the noun, without a Token each (~1,300 calls)
    found = next((c for c in view.children[i] if c < i and view.dep[c] in ("det", "nmod:poss")), None)
    if found is not None:
        return token.doc[found]
    for c in token.children:
        if c.dep_ == "case" and c.lower_ in _CONTRACTED and c.i < token.i:
            return c
        if c.dep_ == "case" and c.lower_ == "des" and c.i == token.i - 1 and _framed(token):
            return c  # "au cours des discussions": de + les, the talks just told
    return None


#: Subjects that point at what was just told when a gathering noun is their predicate.
_THIS = frozenset({"c'", "c’", "ce", "cela", "ceci", "ça"})


def _predicate_of_this(token: Token) -> bool:
    """"C'est le deuxième entretien téléphonique entre les deux hommes": the noun is the predicate of
    "c'est" (a copula whose subject is "ce"), so it names what was just told, even when counted."""
    return any(c.dep_ == "cop" for c in token.children) \
        and any(c.dep_.startswith("nsubj") and c.lower_ in _THIS for c in token.children)


#: Nouns of a moment of a gathering that open a frame as "à l'issue de" does: "au début des
#: entretiens", "à l'ouverture des travaux" (grammar: compound prepositions).
_OPENING_FRAMES = frozenset({"début", "ouverture"})


#: Nouns that put a topic inside talks already told: "au menu des entretiens", "au centre des
#: échanges", "au cœur des discussions" (grammar: locutions of topic, as "à l'ordre du jour de").
_TOPIC_FRAMES = frozenset({"menu", "centre", "cœur", "coeur"})


def _framed(token: Token) -> bool:
    """The noun closes a framing phrase: "au cours des discussions", "lors des entretiens", "à
    l'ouverture des entretiens", or a phrase of topic: "au menu des entretiens"."""
    before = token.doc[token.i - 2] if token.i >= 2 else None
    if before is not None and before.lower_ in _TOPIC_FRAMES:
        return before.i > 0 and token.doc[before.i - 1].lower_ in ("au", "à")
    return before is not None and (before.lower_ in FRAMING_WORDS or before.lower_ in _OPENING_FRAMES)


def attended(ctx: Context, token: Token) -> bool:
    """The noun completes a verb of taking part: "ont participé aux entretiens", "a pris part aux
    travaux" (cue:attending, cue:taking-part): one attends the gathering told, not a process."""
    case = next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
    if case is not None and case.i > 0 and token.doc[case.i - 1].lemma_.lower() in cue_words(ctx.lex, "being-present"):
        return True  # "un diplomate présent aux réunions de la conférence": one was there
    verb = token.head
    if verb.pos_ != "VERB" or not token.dep_.startswith("obl"):
        return False
    lemma = verb.lemma_.lower()
    return lemma in cue_words(ctx.lex, "attending") or any(
        c.dep_ == "obj" and (lemma, c.lower_) in cue_pairs(ctx.lex, "taking-part") for c in verb.children)


def not_attended(ctx: Context, verb: Token) -> bool:
    """The verb of taking part is negated, or the verb of being able it depends on is ("X n'a pas
    pu assister à la réunion")."""
    return negated(verb) or (verb.dep_ == "xcomp" and verb.head.i != verb.i and negated(verb.head)
                             and verb.head.lemma_.lower() in cue_words(ctx.lex, "being-able"))


def reference_kind(ctx: Context, token: Token) -> str | None:
    """How a gathering mention refers: "demonstrative" (ce, son), "definite" (la rencontre),
    "anaphoric" (a verb whose subject names no one new: "ils", "les deux ministres"),
    "repeated" (a verb naming the same people again), or None for a mention that starts an
    event (indefinite "une rencontre", "une autre réunion", a bare noun). A demonstrative points
    back even past an ordinal or "nouveau": "ce premier échange", "cette nouvelle rencontre" are
    the exchange and the meeting just told."""
    if token.pos_ in ("NOUN", "PROPN"):
        det = determiner(token)
        if det is not None and det.lower_ in DEMONSTRATIVES:
            return "demonstrative"
        presented = token.head.head if token.dep_ == "conj" else token.head
        if presented.lemma_ == "agir" and any(c.lower_ in ("s'", "s’", "se") for c in presented.children):
            # "Il s'agit de sa première visite en Guinée", "... d'une simple rencontre, mais d'une vraie
            # séance de travail": what was just told
            return "demonstrative"
        if _predicate_of_this(token):
            return "demonstrative"  # "C'est le deuxième entretien téléphonique du mois": the one just told
        if token.dep_ == "nmod" and token.head.lemma_.lower() in cue_words(ctx.lex, "gathering-phase") \
                and _predicate_of_this(token.head):
            return "demonstrative"  # "C'est le début d'une visite de trois jours": what was just told begins it
    if says_new(ctx, token):
        return None
    if token.pos_ in ("NOUN", "PROPN"):
        det = determiner(token)
        if token.dep_ == "obj" and token.head.lemma_ in cue_words(ctx.lex, "having") \
                and anaphoric_subject(ctx, token.head):
            return "anaphoric"  # "Les deux chefs d'État ont eu un entretien": the people just told, talking
        if det is None:
            return None
        word = det.lower_
        if word in ("un", "une") and _sequel_frame(ctx, token):
            return "anaphoric"  # "Après un entretien qui durera une heure, les deux hommes ...": the one told
        if word in DEMONSTRATIVES or word in POSSESSIVE:
            return "demonstrative"
        if word in DEFINITES or word in _CONTRACTED or (word == "des" and _framed(token)):
            plural = "Plur" in feature(token, "Number")
            if plural and token.dep_ not in ("nsubj", "nsubj:pass") and not _framed(token) \
                    and not attended(ctx, token):
                return None  # "exploiter les pourparlers": the process, not the meeting just told
            if any(c.i in ctx.demonym_at for c in token.children if c.dep_ == "amod"):
                return None  # "la médiation turque" describes something of its own
            if any(c.dep_ == "acl:relcl" and _pluperfect(c) for c in token.children):
                return None  # "la visite qu'avait effectuée X au Brésil": an earlier one, told by its clause
            return "definite"
        return None
    if token.pos_ == "VERB":
        if _meets_others(ctx, token):
            return None  # "Il a ensuite rencontré des chefs d'entreprise": other people, another meeting
        if anaphoric_subject(ctx, token) or _fronted_welcome(ctx, token):
            return "anaphoric"
        return "repeated"
    return None


#: Indefinite determiners: a noun after one names people (or a thing: a trip stages rule) not told before.
INDEFINITES = frozenset({"un", "une", "des", "d'", "d’", "de", "plusieurs", "quelques"})


def _meets_others(ctx: Context, token: Token) -> bool:
    """"Il a ensuite rencontré des chefs d'entreprise", "ils ont reçu une délégation de députés": the
    people a verb of meeting takes are introduced by an indefinite, so they were not there before.
    (A gathering noun is no people: "ont eu un échange".)"""
    objects = [c for c in token.children if c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN"
               and c.i not in ctx.trigger_heads]
    if objects:
        told = {i for h in ctx.hits_of("event") for i in range(h.start, h.end)}
        # ("plusieurs dizaines de fois" counts times, not people)
        objects = [c for c in objects if c.i not in told and not any(t.lemma_ == "fois" for t in c.subtree)]
    return any(any(d.dep_ == "det" and d.lower_ in INDEFINITES for d in c.children)
               or any(d.dep_ == "case" and d.lower_ == "des" for d in c.children) for c in objects)


def _fronted_welcome(ctx: Context, token: Token) -> bool:
    """"Reçu avec tous les honneurs, le chef de l'État s'est ensuite entretenu ...": a participle of
    hosting (cue:hosting) opening the sentence, with no host of its own ("par X"), tells how the
    visitor just told was welcomed, not another meeting."""
    sentence = ctx.sent_of(token)
    first = next((t for t in sentence if not t.is_punct), None)
    return first is not None and first.i == token.i and "Part" in feature(token, "VerbForm") \
        and token.lemma_.lower() in cue_words(ctx.lex, "hosting") \
        and not any(c.dep_ == "obl:agent" for c in token.children)


def _pluperfect(verb: Token) -> bool:
    """A relative clause in the pluperfect ("qu'avait effectuée", "qu'avaient eue"): a relative pronoun
    and a tense auxiliary in the imperfect (not a passive "était approuvé" the parse hung on the noun)."""
    return pluperfect(verb, tense_only=True) and any("Rel" in feature(c, "PronType") for c in verb.children)


#: Prepositions that set what the sentence tells after or before a gathering ("Après un entretien, ...").
_SEQUEL_CASES = frozenset({"après", "avant"})


def _sequel_frame(ctx: Context, token: Token) -> bool:
    """"Après un entretien qui durera 45 minutes, les deux hommes seront face à la presse": an
    indefinite gathering noun that only sets the time of what people just named ("les deux hommes",
    "ils") do next is the gathering those people were told to hold, not another one. Programmes and
    readouts restate their meeting this way."""
    return any(c.dep_ == "case" and c.lower_ in _SEQUEL_CASES for c in token.children) \
        and token.dep_.startswith("obl") and anaphoric_subject(ctx, token.head)


def anaphoric_subject(ctx: Context, verb: Token) -> bool:
    """"Les deux ministres", "ils", "les dirigeants": a subject that names no one new."""
    for subject in subjects_of(ctx, verb):
        if subject.lower_ in ("ils", "elles"):
            return True
        det = [c.lower_ for c in subject.children if c.dep_ in ("det", "nummod")]
        if subject.pos_ == "NOUN" and det[:1] in (["les"], ["ces"]) and not ctx.by_token.get(subject.i):
            return True
    return False


def is_process(token: Token) -> bool:
    """"les pourparlers", "aux discussions": a plural definite noun names the process."""
    if token.pos_ != "NOUN" or "Plur" not in feature(token, "Number"):
        return False
    det = [c for c in token.children if c.dep_ == "det"]
    if det and det[0].lower_ in ("les", "ces"):
        return True
    return any(c.dep_ == "case" and c.lower_ in ("aux", "des") for c in token.children)


def relative_phrase(pronoun: Token) -> list[Token]:
    """The nouns of the phrase a relative "qui" takes up, nearest first, read off the word order back
    over the phrase ("le sommet de la Francophonie, qui ...": Francophonie, sommet): the parse often
    hangs a relative clause on the last noun of the phrase, or on another one."""
    doc, found = pronoun.doc, []
    k = pronoun.i - 1
    while k >= 0 and pronoun.i - k <= 8 and (doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM")
                                             or doc[k].text in (",", "(", ")")):
        if doc[k].pos_ in ("NOUN", "PROPN"):
            found.append(doc[k])
        k -= 1
    return found
