"""The forms of French verbs the rules read: future and conditional, the press's conditional
perfect, the passive, a compound tense the parser split, and lemmas the lemmatiser left as forms.

Morphology of one verb, read off spaCy's tags and the word itself; no context of the document is
needed, which is why it lives apart from :mod:`~diplograph.extract.syntax` (phrases and clauses).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from diplograph.extract.patterns import LEMMA_POSITIONS, er_infinitive
from diplograph.extract.token_view import feature, token_view

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Intransitive verbs whose compound past takes "être" (the parser may read "sont convenus" as a passive).
ETRE_VERBS = frozenset("convenir parvenir venir revenir arriver partir rester tomber entrer retourner devenir "
                       "convenu".split())  # the tagger may lemmatise "convenus" as the adjective "convenu"

REFLEXIVE_PRONOUNS = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})


#: Endings of the future and the conditional, all after the "r" of the future stem.
_FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "rions", "riez", "raient")
#: Endings of the conditional (the future stem + imperfect endings) and the irregular future stems.
_CONDITIONAL_ENDINGS = ("aient", "ait", "ais", "ions", "iez")
_IRREGULAR_FUTURE_STEMS = frozenset(
    "ser aur fer ir pourr devr verr voudr saur faudr enverr recevr vaudr".split())  # viendr, tiendr: families
#: Families of verbs whose future stem is not their infinitive, by the end both share with their
#: prefixed forms: "accueillir" -> "accueiller-ait", "parvenir" -> "parviendr-a", "obtenir" ->
#: "obtiendr-ont", "parcourir" -> "parcourr-a", "apercevoir" -> "apercevr-a".
_FUTURE_STEM_FAMILIES = (("cueillir", "cueiller"), ("venir", "viendr"), ("tenir", "tiendr"),
                         ("courir", "courr"), ("cevoir", "cevr"))


def _future_stem_of(stem: str, lemma: str) -> bool:
    """``stem`` is the future stem of ``lemma``: its infinitive (without the "e" of a verb in -re),
    an irregular stem, or the stem of its family ("accueiller" for "accueillir")."""
    if (lemma.endswith("r") and stem == lemma) or (lemma.endswith("re") and stem == lemma[:-1]):
        return True
    if stem in _IRREGULAR_FUTURE_STEMS and stem[:1] == lemma[:1]:
        return True
    return any(lemma.endswith(end) and stem == lemma[:-len(end)] + future for end, future in _FUTURE_STEM_FAMILIES)


def future_form(token: Token) -> bool:
    """The verb form looks ahead: a future or a conditional ("se retrouveraient" after "a ajouté
    que", the future of the past in reported speech).

    The tagger sometimes reads a conditional as an imperfect (same endings); the form then tells
    them apart: a conditional adds the endings to the future stem, the infinitive ("retrouver-
    aient", "prendr-ait") or an irregular stem ("pourr-ait"), an imperfect to the bare stem
    ("déclar-ait").
    """
    tense = feature(token, "Tense")
    if "Fut" in tense or "Cnd" in feature(token, "Mood"):
        # every future and conditional ends in r + ending ("inviter-ons" would be "inviterons"):
        # a present the tagger took for a future ("nous invitons") does not look ahead
        return token.pos_ not in ("VERB", "AUX") or token.lower_.endswith(_FUTURE_ENDINGS)
    if token.pos_ in ("VERB", "AUX") and "Pres" in tense \
            and _future_of(token.lower_, token.lemma_.lower()):
        return True  # "Les deux ministres signeront ...", read as a present: the infinitive and a future ending
    if token.pos_ not in ("VERB", "AUX") or "Imp" not in tense:
        return False
    form, lemma = token.lower_, token.lemma_.lower()
    for ending in _CONDITIONAL_ENDINGS:
        if form.endswith("r" + ending):
            stem = form[:-len(ending)]
            return _future_stem_of(stem, lemma) or stem in _IRREGULAR_FUTURE_STEMS
    return False


#: Endings of the future added to its stem (the infinitive, "signer-ont", or an irregular stem).
_FUTURE_PERSON_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")


def _future_of(form: str, lemma: str) -> bool:
    """``form`` is the future of ``lemma``: its stem (the infinitive, the infinitive of a verb in -re
    without its "e", or an irregular stem) and a future ending."""
    for ending in _FUTURE_PERSON_ENDINGS:
        if not form.endswith(ending):
            continue
        if _future_stem_of(form[:-len(ending)], lemma):
            return True
    return False


#: Verbs whose conditional perfect says what did not happen ("aurait dû", "aurait pu se tenir").
_MODALS = frozenset({"devoir", "pouvoir", "vouloir"})


#: Endings only the simple past (passé simple) has in the third person: "signèrent", "convinrent",
#: "entretint", "fut", "reçut", "effectua" (a present of an -er verb ends in "e").
_SIMPLE_PAST_PLURAL = ("èrent", "irent", "urent", "inrent")


def simple_past_form(token: Token) -> bool:
    """The form is a simple past the tagger may read as a present ("Les deux pays signèrent",
    "Elle s'entretint à Wellington"): reference works narrate in it, the text's own day is not meant."""
    form, lemma = token.lower_, token.lemma_.lower()
    if form.endswith(_SIMPLE_PAST_PLURAL):
        return True
    if form.endswith("int") and not form.endswith(("ient", "aint", "oint", "eint")):
        return True  # "entretint", "vint" (present "entretient", "vient")
    if form.endswith("it") and lemma.endswith(("dre", "ttre")):
        return True  # "rendit", "prit", "mit" (present "rend", "prend", "met")
    if form.endswith("ut") and not form.endswith("aut") and not lemma.endswith("clure"):
        return True  # "fut", "reçut" (present "vaut", "conclut" excepted)
    return lemma.endswith("er") and lemma != "aller" and form.endswith("a") and len(form) > 2


def reported_past(verb: Token) -> bool:
    """"Les deux conseillers se seraient rencontrés dimanche", "le ministre aurait reçu son
    homologue": the conditional perfect of the press reports a past act it has not confirmed;
    the act is told as done, not to come (unlike "se rencontreraient", "aurait dû se tenir")."""
    if "Part" not in feature(verb, "VerbForm") or verb.lemma_.lower() in _MODALS:
        return False
    return any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and future_form(c)
               and "Fut" not in feature(c, "Tense") for c in verb.children)


def retrospective_future(verb: Token) -> bool:
    """"Le sommet ... aura tenu toutes ses promesses", "la rencontre aura permis de ...": a future
    perfect (an auxiliary in the future with a participle) said of a gathering sums up what it has
    done; the press uses it to look back, so the gathering, its subject, is no plan. (The verb of
    a gathering itself in that form, "ils se seront rencontrés d'ici là", is not asked here.)"""
    return "Part" in feature(verb, "VerbForm") and any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("avoir", "être") and "Fut" in feature(c, "Tense")
        for c in verb.children)


def pluperfect(verb: Token, *, tense_only: bool = False) -> bool:
    """A compound past with its auxiliary in the imperfect ("s'étaient déjà rencontrés", "où elle
    s'était entretenue jeudi dernier"): a look back, told as background, not the news. With
    ``tense_only``, only a tense auxiliary counts (not the "était" of a passive "était approuvé").
    One test for the rules of occasions, sessions and references, which each wrote it."""
    if tense_only:
        return any(c.dep_ == "aux:tense" and "Imp" in feature(c, "Tense") for c in verb.children)
    return any(c.dep_.startswith("aux") and "Imp" in feature(c, "Tense") for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Passive voice: "être" + participle, but not a reflexive verb ("je me suis rendue")."""
    view = token_view(verb.doc)  # the first question without a Token per child (~4,800 calls)
    if not any(view.dep[c] == "aux:pass" for c in view.children[verb.i]):
        return False
    if verb.lemma_.lower() in ETRE_VERBS:
        return False  # "ils sont convenus de ...": a compound past with "être", not a passive
    return not any(c.lower_ in REFLEXIVE_PRONOUNS and c.i < verb.i for c in verb.children)


_BETWEEN_AUX = frozenset({"ADP", "DET", "NOUN", "ADV", "PRON", "PUNCT", "ADJ"})


def interrupted_compound(verb: Token) -> Token | None:
    """The auxiliary of a compound tense the parser lost because an adverbial stands between it
    and the participle ("M. X a pour sa part salué", "a de son côté rappelé", "a toutefois, lui
    aussi, reconnu"): the parser hangs the participle on the adverbial's noun as a clause."""
    if verb.dep_ not in ("acl", "amod") or "Part" not in feature(verb, "VerbForm"):
        return None
    for i in range(verb.i - 1, max(verb.i - 7, -1), -1):
        t = verb.doc[i]
        if t.lemma_.lower() in ("avoir", "être") and t.pos_ in ("AUX", "VERB"):
            return t if i < verb.i - 1 else None
        if t.pos_ not in _BETWEEN_AUX or t.is_sent_start or t.text in (".", ";", ":", "«", "»"):
            return None
    return None


def lemma_tokens(doc, lemmas: frozenset[str]) -> list:
    """Tokens whose lemma is one of ``lemmas``, found through one array read (no Token per word).

    The lemmas' hashes are computed once per set of lemmas, and the document's token positions by
    lemma hash once per document (kept in ``doc.user_data``; the vocabulary matcher, the one stage
    that changes lemmas, drops them): ~1,000 calls for the 88 test texts each walked every token.
    """
    wanted, present = _lemma_hashes(frozenset(lemmas))
    positions = _lemma_positions(doc)
    found = {i for lemma in wanted for i in positions.get(lemma, ())}
    found.update(i for lemma in present for i in positions.get(lemma, ()) if doc[i].pos_ == "VERB")
    return [doc[i] for i in sorted(found)]


def _lemma_positions(doc) -> dict[int, list[int]]:
    """Token positions by lemma hash (what ``LEMMA`` holds), read once per document."""
    from spacy.attrs import LEMMA

    positions = doc.user_data.get(LEMMA_POSITIONS)
    if positions is None:
        positions = {}
        for i, lemma in enumerate(doc.to_array([LEMMA]).tolist()):
            positions.setdefault(lemma, []).append(i)
        doc.user_data[LEMMA_POSITIONS] = positions
    return positions


@functools.lru_cache(maxsize=256)
def _lemma_hashes(lemmas: frozenset[str]) -> tuple[frozenset[int], frozenset[int]]:
    """(lemma hashes, hashes of present-tense forms read back as lemmas): spaCy's string hashes,
    what ``LEMMA`` holds, the same in every vocabulary."""
    from spacy.strings import hash_string

    wanted = {hash_string(lemma) for lemma in lemmas} | {hash_string(lemma.capitalize()) for lemma in lemmas}
    # "qui participe au sommet": the lemmatiser gives a present tense that is also a noun back
    # as its own lemma; such a form counts when it is tagged a verb (see verb_lemma)
    present = {hash_string(lemma[:-2] + ending) for lemma in lemmas if lemma.endswith("er")
               for ending in ("e", "ent")}  # the forms er_infinitive reads back
    return frozenset(wanted), frozenset(present)


def verb_lemma(token) -> str:
    """The token's lemma, lower case; for a verb the lemmatiser left as its own form because it is
    also a noun ("participe", "demande"), the "-er" infinitive."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma == token.lower_:
        return er_infinitive(lemma) or lemma
    return lemma
