"""Who a pronoun incise or a sentence's subject takes up when a quotation names no speaker of its
own: the last speaker of the pronoun's gender, the person the sentence before is about, a reporting
incise or a passive's agent in it.

Split from :mod:`diplograph.extract.quote_speakers`, which holds the constructions that attribute
a quotation (incises, colons, governing verbs); this is the other idea it needs, resolving "il",
"elle" and "Le ministre" back to someone the text has named, as a mixin over its statements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context, token_at
from diplograph.extract.genders import may_be, person_gender
from diplograph.extract.incises import is_reporting
from diplograph.extract.kinds import SPEECH
from diplograph.extract.quote_clauses import (
    in_quote_range,
    next_token,
    selon_speaker,
    speech_subjects,
    told_after_que,
    told_beside,
    verbless,
)
from diplograph.extract.syntax import actors_of
from diplograph.extract.token_view import feature
from diplograph.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token


class PronounSpeakers:
    """Pronoun and topic resolution over the attributed statements of :class:`QuoteSpeakers`."""

    ctx: Context
    spoken: list[tuple[int, str]]
    _topic: dict[int, str | None]

    def _person(self, iri: str) -> bool:  # overridden by QuoteSpeakers: a person of the text
        raise NotImplementedError

    def _resolve(self, subject: Token, verb: Token) -> str | None:  # overridden by QuoteSpeakers
        raise NotImplementedError

    def _anaphoric(self, subject: Token) -> bool:  # overridden by QuoteSpeakers
        raise NotImplementedError

    def _pronoun_speaker(self, mark_begin: int, gender: str = "") -> str | None:
        """Who "a-t-il ajouté" is: the last speaker, unless the sentence before is about someone else
        and reports nobody's words ("« A », a salué X. Y avait abondé ... « B », a-t-il affirmé": Y);
        a reporting incise in it (", a précisé le porte-parole, M. Z") makes Z the one who goes on,
        unless someone spoke after it ("« A », a-t-il affirmé, alors que le délégué Y a insisté sur
        ... « B », a-t-il déclaré": Y). Only a person the pronoun's gender may take up counts
        ("a-t-elle ajouté" is not the man described as "le délégué")."""
        ctx = self.ctx
        last = self.last(mark_begin, gender)
        here = next_token(ctx, mark_begin)
        if here is None:
            return last
        sentence = ctx.sent_of(here)
        if any(sentence.start_char <= o < mark_begin and may_be(ctx, sp, gender) for o, sp in self.spoken) \
                or sentence.start == 0:
            return last
        previous = ctx.sent_of(sentence.start - 1)
        while not previous.text.strip() and previous.start > 0:
            previous = ctx.sent_of(previous.start - 1)
        reporting = [(e.trigger.begin, e.agents[0]) for e in ctx.events if e.event_type in SPEECH and e.agents
                     and previous.start_char <= e.trigger.begin < previous.end_char and self._person(e.agents[0])
                     and may_be(ctx, e.agents[0], gender)
                     and (verb := token_at(ctx, e.trigger.begin)) is not None and is_reporting(ctx, verb)
                     and not told_after_que(verb)]
        if reporting:
            incise = max(reporting)[0]
            after = [(o, sp) for o, sp in self.spoken if incise < o < previous.end_char
                     and self._person(sp) and may_be(ctx, sp, gender)] + [
                (o, a) for o, a in told_beside(ctx, previous, incise) if self._person(a) and may_be(ctx, a, gender)]
            return max(after or reporting)[1]
        according = selon_speaker(ctx, Span(previous.start_char, previous.end_char, previous.text))
        if according is not None and self._person(according):
            return according  # "D'après X, les deux chefs d'État partagent ...": X's report
        if any(previous.start_char <= o < previous.end_char for o, _ in self.spoken) \
                or any(previous.start_char <= b < previous.end_char for b, _ in ctx.quote_ranges):
            return last
        subjects = speech_subjects(ctx, previous.root) if not in_quote_range(ctx, previous.root.idx) else []
        # "Cet avis était partagé par l'ambassadeur X. « ... », s'est-il réjoui": a passive sentence
        # whose subject names nobody is about its agent
        agent = next((a for c in previous.root.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)
                      if self._person(a) and may_be(ctx, a, gender)), None)
        if agent is not None and not any(self._person(a) for t in subjects for a in actors_of(ctx, t)):
            return agent
        if not subjects or "Plur" in feature(subjects[0], "Number"):
            return last  # "il" takes up no plural subject
        if self._anaphoric(subjects[0]):
            topic = self.topic(previous.start, mark_begin)
            return topic if topic is not None and may_be(ctx, topic, gender) else last
        about = next((a for a in actors_of(ctx, subjects[0]) if self._person(a) and may_be(ctx, a, gender)), None)
        return about or last

    def _named_of_gender(self, mark_begin: int, gender: str) -> str | None:
        """No speaker the pronoun may be: the last person named before the quote, in its sentence
        or the one before, whom the text gave that very gender ("Pour X, chercheuse à ..., ... «
        ... », estime-t-elle" after a minister who spoke)."""
        ctx = self.ctx
        here = next_token(ctx, mark_begin)
        if here is None or not gender:
            return None
        window = ctx.sentences_before(ctx.sent_of(here).start)
        start = window[0].start if window else ctx.sent_of(here).start
        named = [m for m in ctx.mentions if m.kind == "person" and start <= m.start and m.end <= here.i
                 and not in_quote_range(ctx, ctx.doc[m.start].idx) and person_gender(ctx, m.iri) == gender]
        return max(named, key=lambda m: m.end).iri if named else None

    def last(self, before: int, gender: str = "") -> str | None:
        """The speaker of the latest attributed statement before an offset (a person; one the
        pronoun's ``gender`` may take up, when asked)."""
        earlier = [(o, s) for o, s in self.spoken if o < before and self._person(s)
                   and (not gender or may_be(self.ctx, s, gender))]
        return max(earlier)[1] if earlier else None


    def topic(self, sentence_start: int, before: int, depth: int = 0) -> str | None:
        """The person the sentence before ``sentence_start`` is about (its main subject), else
        the last speaker before ``before``."""
        ctx = self.ctx
        if sentence_start in self._topic:
            return self._topic[sentence_start] or self.last(before)
        found: str | None = None
        previous = []
        if sentence_start > 0:  # the closest earlier sentence with words ("\n\n" is one of its own)
            sentence = ctx.sent_of(sentence_start - 1)
            while (not sentence.text.strip() or verbless(ctx, sentence)) and sentence.start > 0:
                # "Le Japonais X, la Brésilienne Y et le Norvégien Z. Il a jugé ...": a list with no
                # verb names whom the clause after it talks of, not who talks
                sentence = ctx.sent_of(sentence.start - 1)
            previous = [sentence] if sentence.text.strip() else []
        if previous and depth < 4:
            root = previous[0].root
            subjects = speech_subjects(ctx, root) if not in_quote_range(ctx, root.idx) else []
            if subjects and self._anaphoric(subjects[0]) and subjects[0].pos_ != "NOUN":
                found = self.topic(previous[0].start, before, depth + 1)
            elif subjects:
                found = self._resolve(subjects[0], root) if self._anaphoric(subjects[0]) else next(
                    (a for a in actors_of(ctx, subjects[0]) if self._person(a)), None)
            if found is None:  # "« ... », a indiqué X au terme de l'audience que lui a accordée Y"
                said = [sp for o, sp in self.spoken if previous[0].start_char <= o < previous[0].end_char
                        and self._person(sp)]
                found = said[-1] if said else None
            if found is None:  # "Que vous a dit X ?": no parsed subject, the last person named
                named = [m.iri for m in ctx.mentions if previous[0].start <= m.start < previous[0].end
                         and m.kind == "person" and not in_quote_range(ctx, ctx.doc[m.start].idx)]
                found = named[-1] if named else None
        self._topic[sentence_start] = found
        return found or self.last(before)
