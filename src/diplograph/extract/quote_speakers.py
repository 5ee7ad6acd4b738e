"""Who said a quotation: the attributed statements of a text, in order, and the rules that pick
a quotation's speaker among them (see :mod:`diplograph.extract.quotes` for the rules' order).

Apart from :mod:`~diplograph.extract.quotes`, which finds the quotations and their marks,
because choosing the speaker (incises, colons, pronouns and their genders, "son invité", the
speaker who goes on) is its own search over the text's statements.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import SINGULAR_ARTICLES, Context, token_at
from diplograph.extract.genders import may_be, pronoun_gender
from diplograph.extract.incises import INVERTED_CLITICS, is_reporting, main_verb_past
from diplograph.extract.inverted_subjects import DATIVE_CLITICS, marker_length, right_actors
from diplograph.extract.kinds import SPEECH, cue_words
from diplograph.extract.patterns import er_infinitive
from diplograph.extract.quote_clauses import (
    FIRST_PERSON_SUBJECTS,
    ON_INCISE,
    PERSONAL,
    colon_clause_subject,
    colon_verb,
    counterpart_speaker,
    document_issuer,
    governs_through_complements,
    in_quote_range,
    left_person,
    national_speaker,
    next_token,
    opened_by_auxiliary,
    opens_sentence,
    participle_after_comma,
    plural_subject,
    reporting_after,
    selon_speaker,
    speech_lemmas,
    speech_subjects,
)
from diplograph.extract.quote_documents import (
    document_participle,
    document_subject,
    issuer_before,
    predicative_de,
    unnamed_head,
)
from diplograph.extract.quote_labels import LABEL_WORDS
from diplograph.extract.quote_pronouns import PronounSpeakers
from diplograph.extract.syntax import actors_of
from diplograph.extract.token_view import feature
from diplograph.model import Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Token


#: "« ... », a-t-il ajouté", "», poursuit-elle", "», s'est-il exclamé": an incise with an inverted
#: singular pronoun right after the closing mark.
_INCISE = re.compile(r"[\s\u00a0\u202f]*,[\s\u00a0\u202f]*(?:[\w'’]+[\s\u00a0]+){0,2}?[\w'’]+-(?:t-)?(?:il|elle)\b",
                     re.IGNORECASE)



class QuoteSpeakers(PronounSpeakers):
    """Who speaks where: the attributed statements of the text, in order, and pronoun resolution."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.verbs = speech_lemmas(ctx.lex)
        self.spoken: list[tuple[int, str]] = []  # (offset, speaker) of attributed statements
        self._topic: dict[int, str | None] = {}
        for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
            if event.event_type not in SPEECH or not event.agents:
                continue
            verb = token_at(ctx, event.trigger.begin)
            if verb is None or in_quote_range(ctx, verb.idx) or self._reported(verb):
                continue
            subjects = speech_subjects(ctx, verb)
            if subjects:
                speaker = self._resolve(subjects[0], verb)
            else:  # "« ... », a indiqué X": the subject inverted after the verb, the agent found
                speaker = event.agents[0] if is_reporting(ctx, verb) else None
            if speaker is not None and self._person(speaker):
                self.spoken.append((event.trigger.begin, speaker))

    # ------------------------------------------------------------------ the rules, in order
    def attribute(self, begin: int, end: int, mark_begin: int,
                  mark_end: int) -> tuple[str | None, Event | None, bool]:
        """(speaker, statement event, decided): ``decided`` is False when no rule here applies."""
        ctx = self.ctx
        inside = ctx.doc.char_span(begin, end, alignment_mode="expand")
        tokens = [t for t in inside if begin <= t.idx < end] if inside is not None else []
        root = next((t for t in tokens if not begin <= t.head.idx < end or t.head.i == t.i), None)
        if root is not None and len(tokens) <= LABEL_WORDS and self._label(root):
            return None, None, True
        if ON_INCISE.match(ctx.text, mark_end):
            # "« ... », lit-on dans le communiqué", "ajoute-t-on": the document's words, its issuer's
            return document_issuer(ctx, mark_begin, mark_end, self._person,
                                   lambda before: issuer_before(ctx, before)), None, True
        incise = _INCISE.match(ctx.text, mark_end) or self._closing_incise(mark_end) or next(
            (found for t in tokens[1:-1] if t.text == "," and (found := _INCISE.match(ctx.text, t.idx))), None)
        if incise is not None:
            verb = self._verb_in(incise.start(), incise.end() + 30)
            event = self._event(verb)
            gender = pronoun_gender(incise.group(0).split()[-1])
            speaker = self._pronoun_speaker(mark_begin, gender) or self._named_before(event, mark_begin) \
                or self._named_of_gender(mark_begin, gender)
            if speaker is None and event is not None:
                event.agents = []  # its agent was a name inside the quote
            self._agree(event, speaker)
            return speaker, event, True  # no other verb of the sentence lends its agent
        colon = colon_verb(ctx, mark_begin, self._is_speech_verb)
        if colon is not None:
            speaker, event = self._subject_speaker(colon), self._event(colon)
            after = next_token(ctx, mark_end)
            # "Le patron de la diplomatie a répondu : « ... », a déclaré X": the incise names him (also
            # glued to the closing mark: "Avant de mentionner ... : «...» a rappelé X")
            named = self._inverted_incise(after) or self._inverted_incise(after, glued=True)
            if named is not None and named[0] and self._person(named[0]) and not (speaker and self._person(speaker)):
                speaker, event = named[0], self._event(named[1])
            self._agree(event, speaker)
            return speaker, event, speaker is not None
        framing = colon_clause_subject(ctx, mark_begin) if any(
            t.lower_ in FIRST_PERSON_SUBJECTS and t.dep_.startswith("nsubj") for t in tokens) else None
        if framing is not None:
            # "X invite Y aux cérémonies : « Je souhaite ... »": words in the first person after a
            # colon are the subject's of the clause the colon closes, whatever its verb
            speaker = self._subject_speaker(framing)
            if speaker is not None and self._person(speaker):
                return speaker, None, True
        opened = opened_by_auxiliary(ctx, tokens, mark_begin, self._is_speech_verb)
        first = opened
        while first is not None and first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # 'X « a rappelé ... » et a « insisté ... »': the first verb is X's own
        if opened is not None and (self._reported(first) or (
                self._inverted_incise(next_token(ctx, mark_end)) and plural_subject(ctx, opened))):
            # 'les deux présidents ont « souhaité ... », précise la présidence', 'relevant que les deux
            # pays « sont convenus ... »': the verb opening the quote is what a document or a third
            # party reports of them, not one speaker's act of saying it ('X a « insisté sur ... »,
            # précise la présidence' stays X's)
            opened = None
        if opened is not None:
            # "Le ministre a «rappelé que ...»": the reporter quotes the speech verb too; its
            # auxiliary, outside the marks, belongs to the speaker's clause
            speaker, event = self._subject_speaker(opened), self._event(opened)
            self._agree(event, speaker)
            return speaker, event, speaker is not None
        inverted = self._inverted_incise(next_token(ctx, mark_end)) or next(
            (found for t in tokens[1:-1] if (found := self._inverted_incise(t)) is not None), None) or (
            self._inverted_incise(next_token(ctx, mark_end), glued=True) if opens_sentence(ctx, mark_begin) else None) \
            or (self._past_complement(mark_end) if opens_sentence(ctx, mark_begin) else None)
        governing = root.head if root is not None and root.head.i != root.i else None
        if inverted is not None and inverted[0] == _DOCUMENT and governing is not None \
                and self._is_speech_verb(governing) and governing.i != inverted[1].i:
            inverted = None  # "les deux ministres ont souligné « ... », conclut le communiqué": they said it
        if inverted is not None:
            speaker, verb = inverted
            event = self._event(verb)
            if speaker == _DOCUMENT and (issuer := issuer_before(self.ctx, mark_begin)) is not None:
                # "« ... », ajoute la même source" after "indique la présidence dans un communiqué"
                self._agree(event, issuer, named=True)
                return issuer, event, True
            if not speaker or speaker == _DOCUMENT:
                # "« ... », a lancé le locataire de X": not X, and nobody named; "« ... », note le
                # document": its issuer unnamed, the sentence before did not say it either
                if event is not None:
                    event.agents = []
                return None, event, True
            self._agree(event, speaker, named=True)
            return speaker, event, True
        if governing is not None and governing.pos_ in ("NOUN", "ADJ") and governing.dep_ == "obj" \
                and (root.dep_ in ("amod", "acl") or (root.dep_ == "nmod" and (
                    governing.pos_ == "ADJ" or predicative_de(root)))) \
                and self._is_speech_verb(governing.head):
            # "a évoqué une discussion « franche et productive »", "a qualifié le premier d'« ami »"
            governing = governing.head
        if governing is not None and self._is_speech_verb(governing) and governing.dep_ == "acl" \
                and "Part" in feature(governing, "VerbForm") \
                and any(c.dep_ == "obl:agent" for c in governing.children):
            # "selon la présidence française citée par l'AFP, « ... »": a participle with its agent
            # ("par l'AFP") is passive; the words are the cited one's, not the agency's that cites them
            cited = actors_of(ctx, governing.head)
            if cited:
                return cited[0], None, True
        if governing is not None and self._is_speech_verb(governing):
            later = reporting_after(ctx, mark_end, self._is_speech_verb)
            if later is not None:
                # "va demander du « temps » et des « actes », a affirmé X": the incise reports the
                # whole clause, the verb inside it included; its speaker said the words
                speaker = self._subject_speaker(later)
                if speaker is not None and self._person(speaker):
                    event = self._event(later)
                    self._agree(event, speaker)
                    return speaker, event, True
            # the verb that says the words decides; an unresolved subject ("son homologue") leaves
            # the quote without speaker rather than lending it another verb's agent
            speaker, event = self._subject_speaker(governing), self._event(governing)
            if document_participle(self.ctx, governing, self._is_speech_verb):
                return speaker, event, True  # the document's issuer, no person reporting it
            if speaker is None and any(t.lower_ == "on" for t in speech_subjects(ctx, governing)):
                # "des relations qu'on ne saurait qualifier d'« étroites »": the reporter's words
                outer = self._reporter(governing)
                if outer is not None:
                    return outer
            if (speaker is not None and not self._person(speaker)) or (speaker is None and event is None):
                # (no event at the verb: the content of a reported clause, "a affirmé que son pays
                # considérait X comme « ... »", whose attitude is the reporting speaker's to tell)
                outer = self._reporter(governing)
                if outer is not None:  # "le ministre a souligné que le Vietnam considérait ... « ... »"
                    return outer
                sentence = ctx.sent_of(governing)
                according = selon_speaker(ctx, Span(sentence.start_char, sentence.end_char, sentence.text))
                if according is not None and self._person(according):
                    # "Selon la ministre, Paris n'entend pas « ... »": her account of her state's stance
                    return according, None, True
            self._agree(event, speaker)
            return speaker, event, True
        return None, None, False

    def _past_complement(self, mark_end: int) -> tuple[str, Token] | None:
        """'"Le président est réservé face à l'initiative des commissaires" à l'Agriculture X et
        au Commerce Y, a déclaré la porte-parole': the quote ends inside a phrase the reporter
        completes; a reporting incise at the first comma after it, past words with no verb and no
        other quotation, reports the quote. Its speaker ("" when the incise names nobody the
        text resolves), never the names in the complement."""
        ctx = self.ctx
        here = next_token(ctx, mark_end)
        if here is None or here.is_punct:
            return None
        comma = None
        for t in ctx.doc[here.i:ctx.sent_of(here).end]:
            if t.text == ",":
                comma = t
                break
            if t.pos_ in ("VERB", "AUX") or t.is_punct or in_quote_range(ctx, t.idx):
                return None
        if comma is None:
            return None
        found = self._inverted_incise(comma)
        if found is not None:
            return found
        verb = self._verb_in(comma.idx, comma.idx + 30)
        return ("", verb) if verb is not None and self._is_speech_verb(verb) and is_reporting(ctx, verb) else None

    def _closing_incise(self, mark_end: int) -> re.Match[str] | None:
        """"un travail « largement entrepris » ... « continue », a-t-il affirmé": a pronoun incise
        after a later quote of the same clause reports this quote too."""
        ctx = self.ctx
        stop = ctx.sent_of(next_token(ctx, mark_end) or ctx.doc[-1]).end_char
        for begin, end in ctx.quote_ranges:
            if mark_end <= begin < stop and not re.search(r"[.;!?]", ctx.text[mark_end:begin]):
                found = _INCISE.match(ctx.text, end)
                if found is not None:
                    return found
        return None

    def _inverted_incise(self, comma: Token | None, glued: bool = False) -> tuple[str, Token] | None:
        """", juge X.", "..., assure X, chef de la diplomatie. ...", ", a remarqué M. X": a
        reporting incise whose subject, named after the verb, is the speaker (a present tense the
        parser may read as a noun: "juge", "note"). An inverted pronoun is the other incise.
        ``glued``: the verb stands right after the closing mark, with no comma."""

        ctx = self.ctx
        if comma is None or (comma.text != "," and (not glued or comma.is_punct)):
            return None
        i = comma.i + 1 if comma.text == "," else comma.i
        while i + 1 < len(ctx.doc):
            # ", a ainsi déclaré X", ", s'est félicité X", ", a pour sa part déclaré X", ", lui a répondu X"
            if ctx.doc[i].pos_ in ("AUX", "ADV") or ctx.doc[i].lower_ in ("se", "s'", "s’") or (
                    ctx.doc[i].lower_ in DATIVE_CLITICS and ctx.doc[i + 1].pos_ in ("AUX", "VERB")):
                i += 1
            elif marker_length(ctx, i) and i > comma.i + 1 and ctx.doc[i - 1].pos_ == "AUX":
                i += marker_length(ctx, i)
            else:
                break
        if i + 1 >= len(ctx.doc):
            return None
        # ", a fait savoir X", ", a fait valoir X": "faire" and its infinitive are the verb (quotation.ttl)
        causative = ctx.doc[i].lemma_.lower() == "faire" and f"faire {ctx.doc[i + 1].lower_}" in self.verbs \
            and i + 2 < len(ctx.doc)
        if causative:
            i += 1
        verb = ctx.doc[i]
        if not causative and (verb.pos_ in ("PROPN", "DET", "ADP", "PUNCT", "PRON") or not (
                self._is_speech_verb(verb) or verb.lemma_.lower() in self.verbs
                or er_infinitive(verb.lower_) in self.verbs)):
            return None
        after = ctx.doc[i + 1]
        if after.lower_ in INVERTED_CLITICS or after.text.startswith("-"):
            return None
        if i == comma.i + 1 and "Part" in feature(verb, "VerbForm") and "Pres" in feature(verb, "Tense"):
            return None  # "« ... », rappelant le rôle de X": a participle of the clause, no incise
        if main_verb_past(verb, comma.i):
            return None  # "Le président, qui avait jugé X « grave », a affirmé que ...": no incise
        if (national := national_speaker(ctx, verb)) is not None:  # "a déclaré le Français"
            return national, verb
        counterpart = counterpart_speaker(ctx, verb, self.last(comma.idx))
        if counterpart is not None:  # "« ... », a ajouté son invité": the other party of the speaker's talks
            return counterpart, verb
        if unnamed_head(self.ctx, verb):
            return "", verb  # an incise whose subject names nobody: the speaker is not known
        found = right_actors(ctx, verb)
        speaker = next((a for a in found if self._person(a)), found[0] if found else None)
        if speaker is None and document_subject(self.ctx, verb):
            return _DOCUMENT, verb  # "« ... », souligne la même source": an issuer the text does not name
        return (speaker, verb) if speaker is not None else None

    def _named_before(self, event: Event | None, mark_begin: int) -> str | None:
        """The agent the event extractor gave an incise, when the text names it before the quote
        outside quotation marks: "« La France a dit ... », a-t-il ajouté" is no word of France's."""
        if event is None or not event.agents:
            return None
        agent = event.agents[0]
        named = any(m.iri == agent and self.ctx.doc[m.start].idx < mark_begin
                    and not in_quote_range(self.ctx, self.ctx.doc[m.start].idx) for m in self.ctx.mentions)
        return agent if named else None

    def announced(self, sentence, mark_begin: int, mark_end: int) -> str | None:
        """The speaker of the sentence just before a quote that stands alone: its main verb a
        speech verb with a person for subject."""
        ctx = self.ctx
        if (mark_end - mark_begin) < 0.8 * (sentence.end - sentence.begin) or sentence.begin == 0:
            return None
        first = next_token(ctx, sentence.begin)
        if first is None or first.i == 0:
            return None
        previous = ctx.sent_of(first.i - 1)
        while not previous.text.strip() and previous.start > 0:
            previous = ctx.sent_of(previous.start - 1)
        root = previous.root
        if is_reporting(ctx, root) and document_subject(self.ctx, root):
            return None  # "X a reçu Y, indique un communiqué du ministère": a document reports, no person
        if not self._is_speech_verb(root) or in_quote_range(ctx, root.idx) \
                or any(b >= previous.start_char and e <= previous.end_char for b, e in ctx.quote_ranges):
            return None
        speaker = self._subject_speaker(root)
        return speaker if speaker is not None and self._person(speaker) else None

    def governs(self, event: Event, begin: int, end: int) -> bool:
        """The event's verb governs the quoted words, or reports them in an incise after them."""
        verb = token_at(self.ctx, event.trigger.begin)
        inside = self.ctx.doc.char_span(begin, end, alignment_mode="expand")
        if verb is None or inside is None:
            return False
        return any(governs_through_complements(t, verb, self._is_speech_verb) for t in inside) \
            or (verb.idx >= end and is_reporting(self.ctx, verb))

    def said(self, offset: int, speaker: str, event: Event | None = None) -> None:
        """Record an attributed quote, unless its statement is reported inside another one: in
        "X a rappelé que Y avait promis « ... ». « ... », a-t-il lancé", X goes on speaking."""
        if event is not None:
            verb = token_at(self.ctx, event.trigger.begin)
            if verb is not None and self._reported(verb):
                return
        self.spoken.append((offset, speaker))

    def other_between(self, begin: int, end: int, speaker: str) -> bool:
        """Someone other than ``speaker`` is told speaking between two offsets."""
        return any(begin <= o < end and s != speaker for o, s in self.spoken)

    # ------------------------------------------------------------------------ the pieces
    def _label(self, root: Token) -> bool:
        """A short quote hanging on a noun names a thing, unless a speech verb qualifies that noun."""
        head = root.head
        if head.i == root.i or head.pos_ not in ("NOUN", "PROPN") or root.dep_ not in ("nmod", "appos", "amod"):
            return False
        opening = next((t for t in reversed(self.ctx.doc[max(0, root.i - 6):root.i]) if not t.is_punct), None)
        if opening is None or opening.pos_ not in ("ADP", "DET"):  # "la question du « ... »"
            return False
        return not (head.dep_ == "obj" and self._is_speech_verb(head.head))

    def _reporter(self, verb: Token) -> tuple[str, Event | None, bool] | None:
        """The person whose speech act reports the clause of ``verb``: a state or a ministry
        "considers" in what a minister says, the words quoted there are the minister's."""
        for ancestor in verb.ancestors:
            if ancestor.pos_ in ("VERB", "AUX") and self._is_speech_verb(ancestor):
                speaker = self._subject_speaker(ancestor)
                if speaker is not None and self._person(speaker):
                    return speaker, self._event(ancestor), True
                return None
        return None

    def _reported(self, verb: Token) -> bool:
        """A speech act inside another one ("rappelant que X avait rejeté ...") or inside a
        relative clause is not an attributed statement of its own."""
        if verb.dep_ == "acl:relcl":
            return True
        beside = cue_words(self.ctx.lex, "contrast-subordinator")
        t = verb
        while t.head.i != t.i:
            if t.head.pos_ != "ADJ" and self._is_speech_verb(t.head) and not (
                    t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in beside for c in t.children)):
                return True  # "a-t-il affirmé, alors que Y a insisté sur ...": Y's own words, told beside
            t = t.head
        return False

    def _is_speech_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX", "ADJ"):  # "réservé" in "s'est montré réservé" is tagged ADJ too
            return False
        event = self.ctx.event_at.get(token.i)
        if event is not None and event.event_type in SPEECH:
            return True
        lemma = token.lemma_.lower()
        if lemma in cue_words(self.ctx.lex, "content-bound"):
            return False  # "pour répondre à « la prolifération »": speech only where the events found it
        return lemma in self.verbs

    def _verb_in(self, start: int, stop: int) -> Token | None:
        span = self.ctx.doc.char_span(start, min(stop, len(self.ctx.text)), alignment_mode="expand")
        return next((t for t in span if t.pos_ == "VERB"), None) if span is not None else None

    def _event(self, verb: Token | None) -> Event | None:
        if verb is None:
            return None
        event = self.ctx.event_at.get(verb.i)
        return event if event is not None and event.event_type in SPEECH else None

    def _subject_speaker(self, verb: Token) -> str | None:
        """The speaker a speech verb's subject names; pronouns and bare role nouns resolved."""
        ctx = self.ctx
        if document_participle(self.ctx, verb, self._is_speech_verb):
            return issuer_before(self.ctx, verb.idx)
        subjects = speech_subjects(ctx, verb)
        if subjects:
            return self._resolve(subjects[0], verb)
        if any(c.dep_ == "mark" and c.lower_ == "en" for c in verb.children) or participle_after_comma(verb):
            # "X a qualifié ces discussions de constructives en ajoutant : « ... »": a gerund says
            # what the subject of its clause says (the parse may hang it on a noun); so does a
            # present participle after a comma ("a déclaré X lors d'une conférence de presse,
            # évoquant « ... »", hung on "conférence")
            clause = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and speech_subjects(ctx, a)), None)
            if clause is not None:
                return self._subject_speaker(clause)
        found = right_actors(ctx, verb) or left_person(ctx, verb)
        event = self._event(verb)
        return found[0] if found else (event.agents[0] if event is not None and event.agents else None)

    def _resolve(self, subject: Token, verb: Token) -> str | None:
        """Who the subject of a speech verb is: a pronoun is the person the previous sentence is
        about (else the last speaker); a bare role noun is that person when they hold the role;
        otherwise what the event extractor found, else the actors the subject names."""
        ctx = self.ctx
        event = self._event(verb)
        agent = event.agents[0] if event is not None and event.agents else None
        if verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN") and subject.lower_ == "qui":
            # "La ministre, qui a qualifié X de « ... », a annoncé ...": who "qui" stands for
            antecedent, main = verb.head, verb.head.head
            return self._resolve(antecedent, main if antecedent.dep_.startswith("nsubj") else verb)
        if verb.dep_ == "acl:relcl" and subject.lower_ in PERSONAL:
            # "X a salué ce qu'il a appelé le « ... »": the pronoun of a relative clause is, first,
            # the subject of the clause it sits in, when the pronoun's gender may take it up
            main = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "acl:relcl"
                         and speech_subjects(ctx, a)), None)
            outer = self._subject_speaker(main) if main is not None else None
            if outer is not None and self._person(outer) and may_be(ctx, outer, pronoun_gender(subject.lower_)):
                return outer
        if self._anaphoric(subject):
            topic = self.topic(ctx.sent_of(verb).start, verb.idx)
            if subject.pos_ != "NOUN" or self._holds(topic, subject):
                return topic or agent
        if agent is not None:
            return agent
        found = actors_of(ctx, subject, follow_conj=False)
        return found[0] if found else None

    def _holds(self, person: str | None, subject: Token) -> bool:
        """The person holds the role the bare noun names (or a narrower one)."""
        entity = self.ctx.entities.get(person) if person else None
        roles = [m.role for m in self.ctx.by_token.get(subject.i, []) if m.role is not None]
        if subject.i in self.ctx.role_person:
            return self.ctx.role_person[subject.i] == person
        if entity is None or not roles:
            return False
        return any(self.ctx.lex.narrower_or_same(r.role, role) for r in entity.roles for role in roles)

    def _anaphoric(self, subject: Token) -> bool:
        """"il", "elle", or a bare definite role noun ("Le ministre", "la présidente")."""
        ctx = self.ctx
        if subject.lower_ in PERSONAL:
            return True
        if subject.lower_ in ("-t", "t") and subject.i + 1 < len(ctx.doc):
            return ctx.doc[subject.i + 1].lower_ in PERSONAL
        mentions = ctx.by_token.get(subject.i, [])
        if subject.pos_ != "NOUN" or any(not m.described for m in mentions):
            return False
        children = list(subject.children)
        bare = bool(children) and all(c.dep_ == "det" and c.lower_ in SINGULAR_ARTICLES for c in children)
        return bare and (subject.i in ctx.role_person or any(m.role is not None for m in mentions))

    def _person(self, iri: str) -> bool:
        entity = self.ctx.entities.get(iri)
        return entity is not None and entity.kind == "person"

    def _agree(self, event: Event | None, speaker: str | None, named: bool = False) -> None:
        """The incise's statement gets the speaker its pronoun was resolved to (or, ``named``, the
        speaker the incise names after its verb)."""
        if event is None or speaker is None or event.agents == [speaker]:
            return
        verb = token_at(self.ctx, event.trigger.begin)
        subjects = speech_subjects(self.ctx, verb) if verb is not None else []
        if named or not subjects or self._anaphoric(subjects[0]):
            event.agents = [speaker]


#: What _inverted_incise gives for an incise whose subject is a document with no issuer named.
_DOCUMENT = "\0document"

