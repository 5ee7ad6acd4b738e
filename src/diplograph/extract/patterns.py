"""Vocabulary phrases (triggers, roles, issues, status cues) found in an analysed text.

Phrases are compiled once and indexed by their first content word, so matching costs
one pass over the tokens whatever the size of the vocabulary. Each content word matches
by lemma (``réserves`` -> ``réserve``, ``reçu`` -> ``recevoir``) or by its lower-case form
(in case the lemmatiser errs); articles and prepositions inside a phrase become an
optional gap of up to three small words, so "exprimer des réserves" also finds "a exprimé
de sérieuses réserves" and "ministre des Affaires étrangères" finds "ministre russe des
Affaires étrangères".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.analyse import DEMONYM_LABEL
from diplograph.extract.token_view import TOKEN_VIEW, token_view
from diplograph.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: French function words that may vary or be missing inside a multiword phrase.
FUNCTION_WORDS = frozenset(
    "de des du d' la le les l' un une à au aux en par pour avec sur dans".split()
)
_VARIANTS = {
    "de": ["de", "d'", "des", "du"], "d'": ["de", "d'", "des", "du"], "des": ["de", "d'", "des", "du"],
    "du": ["de", "d'", "des", "du"], "à": ["à", "au", "aux"], "au": ["à", "au", "aux"],
    "aux": ["à", "au", "aux"], "la": ["la", "le", "les", "l'"], "le": ["la", "le", "les", "l'"],
    "les": ["la", "le", "les", "l'"], "l'": ["la", "le", "les", "l'"],
}
REFLEXIVE = ("se", "s'")
_REFLEXIVE_FORMS = ["se", "s'", "me", "m'", "te", "t'", "nous", "vous"]
_TOKEN = re.compile(r"\w+'|\w+(?:-\w+)*", re.UNICODE)

#: Gap between content words: small words only, at most three.
GAP_POS = {
    "trigger": ["DET", "ADP", "ADJ", "ADV", "NUM", "PRON"],
    # a stance phrase may name its holder inside: "l'engagement de la France en faveur de"
    "stance": ["DET", "ADP", "ADJ", "ADV", "NUM", "PRON", "PROPN"],
    "issue": ["DET", "ADP", "ADJ", "ADV", "NUM", "PROPN"],
    "role": ["DET", "ADP", "ADJ"],
}
#: Longest gap between two content words. An issue phrase may hold a short name inside
#: ("adhésion de la Moldavie à l'Union européenne" is "adhésion à l'Union européenne"),
#: or an adverb ("cesser immédiatement les hostilités"), up to five small words and names.
#: Quotation marks that may open inside an event phrase's gap.
_OPENING_QUOTES = frozenset({"«", "“", '"'})
#: The days of the week, Monday first (calendar words are a closed class, like the grammar words).
WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: Time words an event phrase may hold in its gap: "se sont parlé lundi par téléphone".
_GAP_TIMES = frozenset({*WEEKDAY_NAMES, "hier", "soir", "matin"})
GAP_SPAN = {"trigger": 3, "stance": 4, "issue": 5, "role": 3}


#: Key of ``Doc.user_data`` under which :func:`diplograph.extract.verb_forms.lemma_tokens` keeps the
#: document's token positions by lemma hash (here, below both: the matcher above changes lemmas).
LEMMA_POSITIONS = "diplograph:lemma-positions"


#: A future or conditional of an "-er" verb: the infinitive, then the ending ("rediscuter-ont").
_ER_FUTURE = re.compile(r"^(\w{3,}er)(ai|as|a|ons|ez|ont|ais|ait|aient|ions|iez)$")


def er_infinitive(form: str) -> str | None:
    """The "-er" infinitive of a present tense the lemmatiser leaves as its own lemma because it
    is also a noun ("demande" -> "demander", "participent" -> "participer"); None for other forms."""
    if form.endswith("ent") and len(form) > 5:
        return form[:-3] + "er"
    if form.endswith("e") and len(form) > 3:
        return form + "r"
    return None


#: Subject pronouns that may stand right before a verb.
_SUBJECT_PRONOUNS = frozenset("il elle ils elles on".split())


def _present_in_verb_position(words: _Words, i: int) -> bool:
    """The word at ``i``, a present tense form ("téléphone", "téléphonent"), stands where a verb
    stands: right after the end of a subject (a name, a subject pronoun, a noun, or an adjective
    after its noun: "le président américain") and right before "à" / "au" / "aux". A noun after its
    determiner or a preposition ("le téléphone", "au téléphone", "une nouvelle demande aux
    autorités": an adjective after a determiner) stays a noun."""
    if i < 2 or i + 1 >= len(words.lower) or words.lower[i + 1] not in ("à", "au", "aux"):
        return False
    if not words.lower[i].endswith(("e", "ent")):
        return False
    before = words.pos[i - 1]
    if before == "PROPN" or (before == "PRON" and words.lower[i - 1] in _SUBJECT_PRONOUNS):
        return True
    if before == "NOUN":
        return words.pos[i - 2] in ("DET", "ADJ")
    return before == "ADJ" and words.pos[i - 2] in ("NOUN", "PROPN")


def phrase_words(phrase: str) -> list[str]:
    """Folded words of a phrase, elisions split off ("s'entretenir" -> ["s'", "entretenir"])."""
    return _TOKEN.findall(fold(phrase))


#: Accented first letters French prints without their accent as capitals ("l'Etat", "l'Equateur").
_BARE_CAPITAL = str.maketrans("éèêëàâäîïôöûüùç", "eeeeaaaiioouuuc")


def _singular(word: str) -> list[str]:
    out = [word]
    if word[:1] in "éèêëàâäîïôöûüùç":  # "chef de l'Etat": a capital without its accent
        out.append(word[:1].translate(_BARE_CAPITAL) + word[1:])
    if word.endswith("aux") and len(word) > 4:
        out.append(word[:-3] + "al")
    if word.endswith(("s", "x")) and len(word) > 3:
        out.append(word[:-1])
    for ending in ("ées", "és", "ée", "é"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.append(word[: -len(ending)] + "er")  # past participle -> infinitive lemma
            break
    return out


@dataclass(frozen=True)
class Phrase:
    """A vocabulary phrase compiled for matching: required words and optional gaps."""

    category: str
    iri: str
    reflexive: bool
    leading: tuple[frozenset[str], ...]  # function words before the first content word
    content: tuple[frozenset[str], ...]  # content words (lemma or lower-case form)
    trailing: tuple[frozenset[str], ...]  # function words after the last content word ("appeler à")
    gap: frozenset[str]  # parts of speech allowed between content words
    span: int = 3  # at most this many tokens between two content words


def compile_phrase(category: str, iri: str, phrase: str, gap: str) -> Phrase | None:
    """Compile one phrase; None for phrases made only of function words."""
    words = phrase_words(phrase)
    reflexive = False
    if len(words) > 1 and words[0] in REFLEXIVE:
        reflexive = True
        words = words[1:]
    content_at = [i for i, w in enumerate(words) if w not in FUNCTION_WORDS]
    if not content_at:
        return None
    first, last = content_at[0], content_at[-1]
    return Phrase(
        category=category, iri=iri, reflexive=reflexive,
        leading=tuple(frozenset(_VARIANTS.get(w, [w])) for w in words[:first]),
        content=tuple(frozenset(_singular(w)) for w in words[first:last + 1] if w not in FUNCTION_WORDS),
        trailing=tuple(frozenset(_VARIANTS.get(w, [w])) for w in words[last + 1:]),
        gap=frozenset(GAP_POS[gap]),
        span=GAP_SPAN[gap],
    )


@dataclass(frozen=True)
class Hit:
    """One vocabulary phrase found in a document (token range and concept IRI)."""

    category: str  # event | stance | role | issue | channel
    iri: str
    start: int
    end: int
    head: int  # first content token (the verb of "s'entretenir", "mis" of "mis en garde")


class VocabularyMatcher:
    """All vocabulary phrases of the lexicon, indexed by their first content word.

    One pass over the tokens looks each lemma and lower-case form up in that index, and
    only the phrases starting with the word are checked further: the cost grows with the
    text, not with the size of the vocabulary (spaCy's Matcher tries every pattern at
    every token, which made it several times slower than the parser itself).
    """

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.index: dict[str, list[Phrase]] = {}
        #: folded names of gazetteer organisations ("conseil européen"), which cut a role phrase short
        self.org_names = frozenset(name for name, iris in lex.names.items()
                                   if iris and all(lex.actors[i].kind == "org" for i in iris if i in lex.actors))
        self.status_words: dict[str, str] = {}
        groups: list[tuple[str, str, list[str], str]] = []
        for concept in lex.event_types:
            groups.append(("event", concept.iri, concept.triggers, "trigger"))
        for concept in lex.stances:
            groups.append(("stance", concept.iri, concept.triggers, "stance"))
        for concept in lex.roles:
            groups.append(("role", concept.iri, concept.phrases, "role"))
        for concept in lex.issues:
            groups.append(("issue", concept.iri, concept.phrases, "issue"))
        for concept in lex.channels:
            groups.append(("channel", concept.iri, concept.phrases, "issue"))
        for concept in lex.statuses:
            for word in concept.hidden:
                words = phrase_words(word)
                if len(words) == 1:
                    self.status_words[words[0]] = concept.iri
        seen: set[Phrase] = set()
        for category, iri, phrases, gap in groups:
            for text in sorted(set(phrases)):
                phrase = compile_phrase(category, iri, text, gap)
                if phrase is None or phrase in seen:
                    continue
                seen.add(phrase)
                for form in sorted(phrase.content[0]):
                    self.index.setdefault(form, []).append(phrase)

    def __call__(self, doc: Doc) -> list[Hit]:
        """Longest hit per (category, head token, concept); sorted by position."""
        best: dict[tuple[str, int, str], Hit] = {}
        index = self.index
        view = token_view(doc)  # no Token objects: much cheaper; the rules after this read the same view
        words = _Words(view.lower, [lemma.lower() for lemma in view.lemma], list(view.pos))  # repairs change these
        ents = doc.ents  # read once: spaCy makes a Span per entity at each read (the repairs leave them)
        for ent in ents:  # "le ministre kazakh des Affaires étrangères": a demonym the tagger took
            if ent.label_ == DEMONYM_LABEL and len(ent) == 1 and words.pos[ent.start] == "NOUN":  # for a noun
                words.pos[ent.start] = "ADJ"  # is an adjective inside a phrase's gap
        repaired: list[tuple[int, str, str | None]] = []  # (token, lemma, morphology)
        for i, lower in enumerate(words.lower):
            lemma = words.lemma[i]
            candidates = index.get(lower, [])
            if lemma != lower:
                candidates = candidates + index.get(lemma, [])
            elif words.pos[i] == "VERB" and lower.endswith("e") and len(lower) > 3:
                # "La France demande", "réclame": the lemmatiser gives a present tense that is also
                # a noun ("demande") back as its own lemma; the verb is the "-er" infinitive
                candidates = candidates + index.get(er_infinitive(lower) or lower, [])
            if not candidates and i > 0 and lower.endswith("é") and words.pos[i] != "VERB" \
                    and words.lemma[i - 1] in ("avoir", "être"):
                # "a téléphoné": the tagger may read a rarer past participle after its auxiliary as
                # a noun of its own lemma; the verb of a trigger it is, with that verb's lemma
                candidates = index.get(lower[:-1] + "er", [])
                if candidates:
                    words.lemma[i], words.pos[i] = lower[:-1] + "er", "VERB"
                    repaired.append((i, lower[:-1] + "er", None))
            if lemma == lower and words.pos[i] == "NOUN" and _present_in_verb_position(words, i):
                # "Le 15, le président américain téléphone au président russe": the tagger reads the
                # present of a verb that is also a noun as the noun; between a subject and "à"
                # it is the verb of a trigger, with the "-er" infinitive as lemma
                verb = er_infinitive(lower)
                verbal = [p for p in index.get(verb or "", []) if p.category in ("event", "channel")]
                if verbal:
                    candidates = candidates + verbal
                    words.lemma[i], words.pos[i] = verb, "VERB"
                    repaired.append((i, verb, "Mood=Ind|Tense=Pres|VerbForm=Fin"))
            if not candidates and lemma == lower and words.pos[i] != "VERB":
                # "rediscuteront", "renégocieront": the tagger may read the future of a rarer verb
                # as an adjective or a noun of its own form; the "-er" infinitive it ends on is
                # the verb of a trigger
                future = _ER_FUTURE.match(lower)
                candidates = index.get(future.group(1), []) if future else []
                if candidates:
                    words.lemma[i], words.pos[i] = future.group(1), "VERB"
                    mood = "Tense=Fut" if future.group(2) in ("ai", "as", "a", "ons", "ez", "ont") else "Mood=Cnd"
                    repaired.append((i, future.group(1), mood + "|VerbForm=Fin"))
            for phrase in candidates:
                hit = _match(words, i, phrase)
                if hit is None:
                    continue
                key = (hit.category, hit.head, hit.iri)
                old = best.get(key)
                if old is None or (hit.end - hit.start) > (old.end - old.start):
                    best[key] = hit
        for i, verb, morph in repaired:
            doc[i].lemma_, doc[i].pos_ = verb, "VERB"
            if morph is not None:
                doc[i].set_morph(morph)
        if repaired:
            doc.user_data.pop(LEMMA_POSITIONS, None)  # lemmas changed: verb_forms.lemma_tokens reads them anew
            doc.user_data.pop(TOKEN_VIEW, None)  # and token_view too
        hits = sorted(best.values(), key=lambda h: (h.start, -(h.end - h.start), h.category, h.iri))
        # "le président du Conseil européen": a role phrase ("président du Conseil", a head of
        # government) that ends inside a gazetteer name is cut short by it; the shorter role
        # ("président") of that name stands instead, when there is one ("chef de la diplomatie
        # russe" keeps its role: "chef" alone is none)
        named = [(e.start, e.end) for e in ents if e.ent_id_ and e.ent_id_ in self.org_names]
        roles = [h for h in hits if h.category == "role"]
        hits = [h for h in hits if not (h.category == "role" and any(
            h.start < s < h.end < e and any(o.start == h.start and o.end <= s for o in roles) for s, e in named))]
        # "chef d'état-major", "président-directeur général": a role phrase glued by a hyphen to the
        # word after it is part of a longer compound, another office
        hits = [h for h in hits if not (h.category == "role" and h.end + 1 < len(doc) and doc[h.end].text == "-"
                                        and not doc[h.end - 1].whitespace_ and not doc[h.end].whitespace_)]
        return _drop_nested(hits)


@dataclass(frozen=True)
class _Words:
    """Token attributes read once from the Doc (cheaper than going back to spaCy per check)."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]


def _match(words: _Words, i: int, phrase: Phrase) -> Hit | None:
    """The phrase starting its content at token ``i``, if it is there."""
    lower, lemma, pos_of = words.lower, words.lemma, words.pos
    n = len(lower)
    start = i - len(phrase.leading)
    if start < 0:
        return None
    for k, forms in enumerate(phrase.leading):
        if lower[start + k] not in forms:
            return None
    if phrase.reflexive:
        j = start - 1
        while j >= 0 and j >= start - 5 and lower[j] not in _REFLEXIVE_FORMS:
            # "se sont d'abord entretenus", "se sont de nouveau parlé", "se sont tout d'abord vus": an
            # adverbial locution opened by a preposition ("d'", "de", "à" before an adverb or
            # "nouveau") stands between the pronoun and the verb as an adverb does
            locution = pos_of[j] == "ADP" and j + 1 < start and pos_of[j + 1] in ("ADV", "ADJ")
            if pos_of[j] not in ("AUX", "ADV", "PRON") and not locution:
                return None
            j -= 1
        if j < 0 or lower[j] not in _REFLEXIVE_FORMS:
            return None
        start = j
    pos = i
    for forms in phrase.content[1:]:
        j = pos + 1
        found = None
        while j < n and j <= pos + phrase.span + 1:
            if lower[j] in forms or lemma[j] in forms:
                found = j
                break
            if pos_of[j] not in phrase.gap and not (phrase.category == "event" and (
                    lower[j] in _OPENING_QUOTES or lower[j] in _GAP_TIMES)):
                break  # "ont eu « un bon échange »": the reporter quotes the words, not the act
            j += 1
        if found is None:
            return None
        pos = found
    end = pos + 1
    if phrase.category in ("event", "stance") and len(phrase.trailing) == 1 and "à" in phrase.trailing[0] \
            and (end >= n or lower[end] not in phrase.trailing[0]):
        return _over_object(words, start, end, i, phrase)
    for forms in phrase.trailing:
        if end >= n or lower[end] not in forms:
            return None
        end += 1
    return Hit(phrase.category, phrase.iri, start, end, i)


#: What the object between a verb and its "à" may be made of: "appeler la Russie à", "inviter
#: ses partenaires à", "a appelé ces trois pays à".
_OBJECT_POS = frozenset({"DET", "NUM", "PROPN", "NOUN", "ADJ"})
#: Words that join the parts of a longer object: "appeler le président X et le leader du parti Y à".
_OBJECT_LINKS = frozenset({"et", "de", "du", "des", "d'", ",", "(", ")"})


def _over_object(words: _Words, start: int, end: int, head: int, phrase: Phrase) -> Hit | None:
    """"appeler X à faire", "inviter les parties à la retenue": a verb + "à" phrase whose object
    stands between the two. The "à" must open an infinitive or a determined noun ("appeler son
    homologue à Moscou" is a call to a place, no appeal); the hit is the verb alone."""
    lower, pos_of, n = words.lower, words.pos, len(words.lower)
    j = end
    while j < n and j < end + 14 and lower[j] not in phrase.trailing[0] \
            and (pos_of[j] in _OBJECT_POS or (j > end and lower[j] in _OBJECT_LINKS)):
        j += 1
    if j == end or j + 1 >= n or lower[j] not in phrase.trailing[0]:
        return None
    # "à" + infinitive (a clitic may come first: "à s'unir", "à y participer") or a determined noun
    if pos_of[j + 1] not in ("VERB", "DET") and not (pos_of[j + 1] == "PRON" and j + 2 < n and pos_of[j + 2] == "VERB"):
        return None
    return Hit(phrase.category, phrase.iri, start, end, head)


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Within a category, a hit inside a longer one of another concept is dropped."""
    kept: list[Hit] = []
    by_cat: dict[str, list[Hit]] = {}
    for h in hits:
        by_cat.setdefault(h.category, []).append(h)
    for cat_hits in by_cat.values():
        longest = sorted(cat_hits, key=lambda h: (-(h.end - h.start), h.start, h.iri))
        chosen: list[Hit] = []
        for h in longest:
            inside = any(c.start <= h.start and h.end <= c.end and (c.end - c.start) > (h.end - h.start)
                         for c in chosen)
            if not inside:
                chosen.append(h)
        kept.extend(chosen)
    return sorted(kept, key=lambda h: (h.start, h.end, h.category, h.iri))


_CACHE: dict[int, tuple[Language, VocabularyMatcher]] = {}


def vocabulary_matcher(nlp: Language, lex: Lexicon) -> VocabularyMatcher:
    """The matcher for this pipeline, built on first use."""
    cached = _CACHE.get(id(nlp))
    if cached is None or cached[0] is not nlp:
        cached = (nlp, VocabularyMatcher(nlp, lex))
        _CACHE[id(nlp)] = cached
    return cached[1]
