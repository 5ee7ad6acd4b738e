"""The clause around a quotation: the subject of a speech verb, the speech event of a sentence,
"selon X", the first-person speaker of a speech, the sentence a quote stands in, the speech verb
before a colon and the reporting incise after a quote.

Token-level helpers of :mod:`diplograph.extract.quotes`, apart so that the attribution rules
there read as rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import SINGULAR_ARTICLES, Context, is_writers_we, token_at
from diplograph.extract.inverted_subjects import marker_length
from diplograph.extract.kinds import SPEECH, cue_words, et
from diplograph.extract.token_view import feature
from diplograph.model import Event, Span

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from diplograph.lexicon import Lexicon

PERSONAL = frozenset({"il", "elle", "-il", "-elle"})
_RELATIVE = frozenset({"qui", "dont", "lequel", "laquelle"})


def speech_subjects(ctx: Context, verb: Token) -> list[Token]:
    from diplograph.extract.syntax import subjects_of

    subjects = subjects_of(ctx, verb)
    if subjects:
        return subjects
    # "a-t-il ajouté": the parser may hang the inverted pronoun on the auxiliary or the "-t"
    return [t for t in ctx.doc[verb.i - 3: verb.i] if t.lower_ in PERSONAL]


def left_person(ctx: Context, verb: Token) -> list[str]:
    """The parse lost the subject ("X a pour sa part salué « ... »" read as a noun phrase): the
    closest actor named before the verb in its clause, across auxiliaries and adverbials."""
    start = ctx.sent_of(verb).start
    i = verb.i
    while i > start:
        i -= 1
        token = ctx.doc[i]
        if token.text == ",":
            # "X, qui a été applaudi par ..., a soutenu que « ... »": past a relative clause
            opening = next((j for j in range(i - 1, start - 1, -1) if ctx.doc[j].text == ","), None)
            if opening is not None and opening + 1 < i and ctx.doc[opening + 1].lower_ in _RELATIVE:
                i = opening
                continue
            # "X avait, quant à lui, souligné qu'il ne « ... »": past a stance marker set off by commas
            if opening is not None and 0 < i - opening - 1 == marker_length(ctx, opening + 1):
                i = opening
                continue
        if token.text in (",", ";", ":", "«", "»", "“", "”", '"') or in_quote_range(ctx, token.idx):
            break
        if token.pos_ == "VERB" and token.lemma_ not in ("avoir", "être"):
            break
        for m in ctx.by_token.get(i, []):
            if m.kind in ("person", "state", "org", "group") and (m.kind != "place" or m.iri != m.place):
                return [m.iri]
    return []


def governs_through_complements(token: Token, verb: Token, speech: Callable[[Token], bool]) -> bool:
    """``verb`` governs ``token`` through complements: an adverbial or adnominal clause on the
    way ("Se donnant du « ... », ils ont souligné ...") says the circumstances, not the words,
    unless its own verb reports speech ("..., a-t-il ajouté, parlant d'un « ... »")."""
    while token.head.i != token.i:
        if token.dep_ in ("advcl", "acl", "acl:relcl") and not speech(token) and not _asked_to(token):
            return False
        token = token.head
        if token.i == verb.i:
            return True
    return False


def _asked_to(token: Token) -> bool:
    """"demandent à la Commission de financer « ... »": an infinitive after "de" that the parser
    hangs on the one asked is what is asked, the words of the verb that asks, not a circumstance."""
    return token.dep_ == "acl" and "Inf" in feature(token, "VerbForm") \
        and token.head.dep_ in ("obl:arg", "iobj", "obj") \
        and any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in token.children)


def next_token(ctx: Context, offset: int) -> Token | None:
    """The first token at or after a character offset (spaces skipped)."""
    while offset < len(ctx.text) and ctx.text[offset].isspace():
        offset += 1
    return token_at(ctx, offset) if offset < len(ctx.text) else None


def in_quote_range(ctx: Context, offset: int) -> bool:
    return any(b <= offset < e for b, e in ctx.quote_ranges)


def sentence_speech_event(ctx: Context, qbegin: int, qend: int, sentence) -> Event | None:
    if sentence is None:
        return None
    best: Event | None = None
    best_key: tuple[int, int, int, int] | None = None
    inside = token_at(ctx, qbegin)
    above = {a.i for a in inside.ancestors} if inside is not None else set()
    for event in ctx.events:
        if event.event_type not in SPEECH or not event.agents:
            continue
        t = event.trigger
        if not (sentence.begin <= t.begin < sentence.end) or qbegin <= t.begin < qend:
            continue
        distance = qbegin - t.end if t.end <= qbegin else t.begin - qend
        # "« ... », a-t-il prévenu": the reporting clause after the quote wins
        after = ctx.text[qend:t.begin]
        reporting = 0 if t.begin >= qend and after.lstrip(" \u00a0\u202f»”\"").startswith(",") \
            and len(after) < 25 else 1
        # "X a rappelé que son pays restait attaché « ... » et a assuré que ...": the verb whose clause
        # holds the quote before a nearer one after it
        verb = token_at(ctx, t.begin)
        governing = 0 if verb is not None and verb.i in above and t.end <= qbegin else 1
        key = (reporting, governing, 0 if event.event_type == et("statement") else 1, distance)
        if best_key is None or key < best_key:
            best, best_key = event, key
    return best


def first_person_in(ctx: Context, sentence, qbegin: int, qend: int) -> str | None:
    """"Je veux être claire : « ... »": the speaker of the speech says it."""
    from diplograph.extract.syntax import is_first_person_subject

    span = ctx.doc.char_span(sentence.begin, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.dep_.startswith("nsubj") and not qbegin <= token.idx < qend and is_first_person_subject(ctx, token):
            return ctx.speaker
    return None


def selon_speaker(ctx: Context, sentence) -> str | None:
    from diplograph.extract.syntax import actors_of, antecedent

    span = ctx.doc.char_span(sentence.begin, sentence.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        # "selon X", "d'après X" (the parser hangs "après" on "d'" as a fixed expression)
        after = token.lower_ in ("d'", "d’") and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ == "après"
        if (token.lower_ == "selon" or after) and token.head.i != token.i:
            # "L'entretien était, selon lui, « franc »": the person the pronoun takes up
            actors = antecedent(ctx, token.head) if token.head.lower_ in ("lui", "elle") \
                else actors_of(ctx, token.head)
            if actors:
                return actors[0]
        if token.lower_ == "pour" and token.i == span.start and token.head.i != token.i \
                and token.head.i + 1 < len(ctx.doc) and ctx.doc[token.head.i + 1].text == ",":
            # "Pour lui, la France est dans son rôle : « ... »", "Pour X, « ... »": in X's view
            actors = antecedent(ctx, token.head) if token.head.lower_ in ("lui", "elle") \
                else actors_of(ctx, token.head)
            if actors:
                return actors[0]
        if token.lower_ == "pour" and token.i == span.start:
            # "Pour Mme X, « ... »" parsed with "Mme" as the clause's subject: the words up to the
            # first comma, with no verb among them, name whose view it is
            comma = next((t.i for t in ctx.doc[token.i + 1:min(span.end, token.i + 8)] if t.text == ","), None)
            framed = ctx.doc[token.i + 1:comma] if comma is not None else []
            if framed and not any(t.pos_ in ("VERB", "AUX") for t in framed):
                named = [m.iri for t in framed for m in ctx.by_token.get(t.i, [])
                         if m.kind in ("person", "state", "org")]
                if named:
                    return named[0]
    return None


def first_person_speaker(ctx: Context) -> str | None:
    """Who says "je" outside quotations: the first person named (a speech, an interview).

    In a news report "je" only occurs inside quotes; when it occurs in the running text,
    the document is someone's own words, and the first person it names is that someone.
    A text that says only "nous" is an institution's (a ministry's communiqué): "nous" is
    the state the first named person serves, not that person.
    """
    from diplograph.extract.syntax import FIRST_PERSON, is_first_person_subject

    # the first-person words only (is_first_person_subject is false for any other): no Token per word
    uses = [t for t in (ctx.doc[i] for i in ctx.tokens.where_lower(FIRST_PERSON | {"nous"}))
            if t.i not in ctx.heading_tokens and is_first_person_subject(ctx, t) and not is_writers_we(t)]
    if not uses:
        return None
    people = [m for m in ctx.mentions if m.kind == "person" and not m.described]
    if any(t.lower_ != "nous" for t in uses):
        return people[0].iri if people else None
    # Only "nous": an institution speaks (a communiqué, a readout), not the first person it names;
    # that is the state (or organisation) the first named person serves.
    for m in people:
        entity = ctx.entities.get(m.iri)
        served = ctx.sides.get(m.iri) or (entity.affiliation if entity is not None else None)
        if served is not None:
            return served
    return people[0].iri if people else None


def sentence_of(ctx: Context, mark_begin: int, mark_end: int) -> Span | None:
    """The sentence of a quotation, up to the end of the sentence its closing mark stands in: in
    "\"A. B\" afin que ..., a dit X" the words after the mark finish the sentence X's incise closes
    (the reader splits sentences inside straight quotes, which do not say where they open)."""
    sentences = ctx.source.sentences
    opening = next((s for s in sentences if s.begin <= mark_begin < s.end), None)
    closing = next((s for s in sentences if s.begin <= mark_end - 1 < s.end), None)
    if opening is None or closing is None or closing.end <= opening.end:
        return opening
    return Span(opening.begin, closing.end, ctx.text[opening.begin:closing.end])


def national_speaker(ctx: Context, verb: Token) -> str | None:
    """"« ... », a déclaré le Français, lundi": a capitalised demonym as the inverted subject is
    the person of that state the text named last before the verb (the press's way of not
    repeating a name); None when it names nobody the text has put on that side."""
    from diplograph.analyse import DEMONYM_LABEL

    doc = ctx.doc
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in SINGULAR_ARTICLES or not doc[k + 1].text[:1].isupper():
        return None
    state = next((e.ent_id_ for e in ctx.ents if e.label_ == DEMONYM_LABEL and e.start == k + 1), None)
    if state is None:
        return None
    people = [m.iri for m in ctx.mentions if m.kind == "person" and m.end <= verb.i
              and not in_quote_range(ctx, doc[m.start].idx)
              and state in (ctx.sides.get(m.iri), getattr(ctx.entities.get(m.iri), "affiliation", None))]
    return people[-1] if people else None


def opens_sentence(ctx: Context, mark_begin: int) -> bool:
    """The quotation mark opens its sentence (nothing but spaces before it in the sentence)."""
    sentence = next((s for s in ctx.source.sentences if s.begin <= mark_begin < s.end), None)
    return sentence is not None and not ctx.text[sentence.begin:mark_begin].strip()


def verbless_frame(ctx: Context, sentence: Span, mark_begin: int) -> bool:
    """"Puis, au sujet de X : « ... »", "Avant de conclure : « ... »": a colon after words with no
    finite verb frames more of what the last speaker says (a clause with its own finite verb
    before the colon is the narrator's)."""
    if not ctx.text[sentence.begin:mark_begin].rstrip(" \u00a0\u202f\u2009").endswith(":"):
        return False
    span = ctx.doc.char_span(sentence.begin, sentence.end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm")
                                        and not in_quote_range(ctx, t.idx) for t in span)


def _colon_before(ctx: Context, mark_begin: int) -> Token | None:
    """The colon right before an opening quotation mark (spaces between), as a token, else None."""
    before = ctx.text[:mark_begin].rstrip(" \u00a0\u202f\u2009")
    return token_at(ctx, len(before) - 1) if before.endswith(":") else None


def colon_verb(ctx: Context, mark_begin: int, is_speech: Callable[[Token], bool]) -> Token | None:
    """"X a cité trois raisons : « ... »": the speech verb of the clause before the colon."""
    colon = _colon_before(ctx, mark_begin)
    if colon is None:
        return None
    start = ctx.sent_of(colon).start
    for i in range(colon.i - 1, start - 1, -1):
        token = ctx.doc[i]
        if token.text in (":", "»", "”", '"', ";"):
            break
        if is_speech(token) and token.pos_ != "ADJ":
            return token

    nouns = cue_words(ctx.lex, "speech-noun")
    for i in range(colon.i - 1, start - 1, -1):
        token = ctx.doc[i]
        if token.text in (":", "»", "”", '"', ";"):
            break
        if token.pos_ == "NOUN" and token.lemma_.lower() in nouns:
            # "a gardé pour la fin la réponse ... : « ... »", "dans une déclaration : « ... »":
            # the words are that answer, said by the subject of the verb the noun hangs on
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return verb
    return None


#: subjects of the first person singular ("Je souhaite ...")
FIRST_PERSON_SUBJECTS = frozenset({"je", "j'", "j’"})


def colon_clause_subject(ctx: Context, mark_begin: int) -> Token | None:
    """The main verb of the sentence the colon before the mark ends, when it stands before the colon
    and has a subject ("François Hollande invite Y aux cérémonies : « ... »"), else None."""
    colon = _colon_before(ctx, mark_begin)
    if colon is None:
        return None
    root = ctx.sent_of(colon).root
    if root.i >= colon.i or root.pos_ not in ("VERB", "AUX") or in_quote_range(ctx, root.idx) \
            or not any(c.dep_.startswith("nsubj") for c in root.children):
        return None
    return root


def reporting_after(ctx: Context, offset: int, is_speech: Callable[[Token], bool]) -> Token | None:
    """A reporting incise later in the sentence ("..., a affirmé X"), after no full stop."""
    from diplograph.extract.incises import is_reporting

    after = ctx.doc.char_span(offset, len(ctx.text), alignment_mode="expand")
    if after is None or not len(after):
        return None
    start = after[0]
    for t in ctx.doc[start.i:ctx.sent_of(start).end]:
        if t.text in (".", "!", "?", ";"):
            return None
        if t.pos_ == "VERB" and is_speech(t) and not in_quote_range(ctx, t.idx) and is_reporting(ctx, t):
            return t
    return None


def told_beside(ctx: Context, sentence, after: int) -> list[tuple[int, str]]:
    """(offset, actor) of the subjects of clauses told beside a reporting incise, after offset
    ``after`` ("a-t-il affirmé, alors que le représentant du Togo, X, a jugé la situation
    alarmante"): whom the sentence is about last, whether that clause's verb reports words or not."""
    from diplograph.extract.syntax import actors_of

    beside = cue_words(ctx.lex, "contrast-subordinator")
    found = []
    for verb in sentence:
        if verb.idx <= after or verb.pos_ not in ("VERB", "AUX") or in_quote_range(ctx, verb.idx) \
                or not any(c.dep_ == "mark" and c.lower_ in beside for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")):
            found += [(verb.idx, a) for a in actors_of(ctx, subject)]
    return found


def counterpart_speaker(ctx: Context, verb: Token, possessor: str | None) -> str | None:
    """"« ... », a déclaré M. X. « ... », a ajouté son invité": the subject after an incise verb is a
    possessive noun of the person one meets (cue:counterpart-noun: "son invité", "son hôte", "son
    interlocuteur"), the possessor the speaker before; it is the one other person of the latest
    event before the verb that had the possessor and one other person among its participants.
    None without a possessor, or when no such event, or one with more people, is told."""
    if possessor is None or verb.i + 2 >= len(ctx.doc):
        return None
    det, noun = ctx.doc[verb.i + 1], ctx.doc[verb.i + 2]
    if det.lower_ not in ("son", "sa") or noun.lower_ not in cue_words(ctx.lex, "counterpart-noun"):
        return None
    pairs = []
    for event in ctx.events:
        if event.trigger.begin >= verb.idx or event.event_type in SPEECH:
            continue
        people = {p.actor for p in event.participants if p.actor in ctx.entities
                  and ctx.entities[p.actor].kind == "person"}
        if possessor in people and len(people) == 2:
            pairs.append((event.trigger.begin, next(p for p in people if p != possessor)))
    return max(pairs)[1] if pairs else None


#: "« ... », lit-on dans le communiqué", "», ajoute-t-on": an incise whose subject is "on".
ON_INCISE = re.compile(r"[\s\u00a0\u202f]*,[\s\u00a0\u202f]*[\w'’]+-(?:t-)?on\b", re.IGNORECASE)


def document_issuer(ctx: Context, mark_begin: int, mark_end: int, is_person: Callable[[str], bool],
                    through_document: Callable[[int], str | None] = lambda _: None) -> str | None:
    """Who issued the document an "on" incise reads from: an organisation or state named in the
    incise's own phrase ("lit-on sur le site du ministère X", up to a comma or a relative
    pronoun), else, when the incise names a document (cue:document: "lit-on dans le
    communiqué"), the agent that is no person of the latest statement before the quotation
    ("indique un communiqué de la présidence"), or first the agent of the latest statement made
    through a document ("Dans leur déclaration, les dirigeants demandent ...": ``through_document``,
    persons included: they issued it). Hearsay ("a-t-on appris de source
    diplomatique") and a state named in a relative clause after the incise name no issuer."""
    after = next_token(ctx, mark_end)
    if after is None:
        return None
    window = []
    for t in ctx.doc[after.i:ctx.sent_of(after).end]:
        if window and (t.text in (",", ";", ".") or t.lower_ in ("qui", "que", "qu'", "qu’", "dont")):
            break
        if t.text != ",":
            window.append(t)
    if any(t.lemma_.lower() in cue_words(ctx.lex, "hearsay") for t in window[:4]):  # "a-t-on appris"
        return None
    named = [m.iri for t in window for m in ctx.by_token.get(t.i, []) if m.kind in ("org", "state")]
    if named:
        return named[0]
    if not any(t.lemma_.lower() in cue_words(ctx.lex, "document") for t in window):
        return None
    issuer = through_document(mark_begin)
    if issuer is not None:
        return issuer
    told = [(e.trigger.begin, e.agents[0]) for e in ctx.events if e.event_type in SPEECH and e.agents
            and e.trigger.begin < mark_begin and not is_person(e.agents[0])]
    return max(told)[1] if told else None

def verbless(ctx: Context, sentence) -> bool:
    """A sentence of words with no verb outside quotation marks (a list of names, a caption)."""
    return not any(t.pos_ in ("VERB", "AUX") and not in_quote_range(ctx, t.idx) for t in sentence)


def participle_after_comma(verb: Token) -> bool:
    """A present participle the parser hung on a noun (``acl``), set off by a comma just before it:
    an adverbial participle of the clause, not a description of the noun."""
    return verb.dep_ == "acl" and "Part" in feature(verb, "VerbForm") and "Pres" in feature(verb, "Tense") \
        and verb.i > 0 and verb.nbor(-1).text == ","


def told_after_que(verb: Token) -> bool:
    """"..., rappelant que son prédécesseur, X, avait rejeté le texte": a verb of a clause after "que"
    is what the speaker tells, not who speaks next; its subject is no one a later "a-t-il ajouté"
    takes up."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in verb.children)


def opened_by_auxiliary(ctx: Context, tokens: list[Token], mark_begin: int,
                        is_speech: Callable[[Token], bool]) -> Token | None:
    """The speech verb a quote opens with, when its auxiliary stands just before the mark, or
    opens the quote too ('X "a rappelé son attachement ..."': the subject stands before it)."""
    if len(tokens) > 1 and tokens[0].pos_ == "AUX" and tokens[0].head.i == tokens[1].i \
            and is_speech(tokens[1]) and "Part" in feature(tokens[1], "VerbForm") \
            and any(c.dep_ == "nsubj" and c.idx < mark_begin for c in tokens[1].children):
        return tokens[1]
    if not tokens or not is_speech(tokens[0]) or "Part" not in feature(tokens[0], "VerbForm"):
        return None
    j = mark_begin - 1
    while j >= 0 and ctx.text[j].isspace():
        j -= 1
    before = token_at(ctx, j) if j >= 0 else None
    return tokens[0] if before is not None and before.pos_ == "AUX" else None


_LEMMAS: dict[int, frozenset[str]] = {}


def speech_lemmas(lex: Lexicon) -> frozenset[str]:
    """Lemmas of verbs that report speech: speech event triggers plus the quotation verbs."""
    if id(lex) in _LEMMAS:
        return _LEMMAS[id(lex)]
    words: set[str] = set()
    for concept in lex.event_types:
        if concept.iri in SPEECH:
            words.update(t for t in concept.triggers if " " not in t)
            if concept.iri == et("statement"):
                words.update(concept.hidden)
    _LEMMAS[id(lex)] = frozenset(w.removeprefix("se ").removeprefix("s'") for w in words)
    return _LEMMAS[id(lex)]


def plural_subject(ctx: Context, verb: Token) -> bool:
    """The verb's subject is plural ("les deux dirigeants", "ils", "X et Y"): several parties."""
    subjects = speech_subjects(ctx, verb)
    return bool(subjects) and ("Plur" in feature(subjects[0], "Number")
                               or any(c.dep_ == "conj" for c in subjects[0].children))
