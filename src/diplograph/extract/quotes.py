"""Quotations: the exact words between « », “ ” or straight double quotes, and who said them.

The text of a quote is what stands inside the marks, without the spaces French
typography puts inside « ». Its speaker is found in this order:

1. A quoted word or short label that hangs on a noun ("la question du « corridor »") names
   a thing; it has no speaker, unless that noun is what a speech verb qualifies ("a qualifié
   le texte d'« étape historique »").
2. An incise with an inverted pronoun after the quote ("« ... », a-t-il ajouté",
   "poursuit-elle"), after a later quote of the same clause ("un travail « entrepris » qui
   « continue », a-t-il affirmé") or inside the marks ("« A, poursuit-il, B »"): the speaker of
   the previous attributed statement, not the last person named (real prose slips other names
   in between: "rappelant que son prédécesseur, X, ..."), never a name inside the quote.
3. A quote introduced by a colon ("X a cité trois raisons : « ... »", "Le ministre a déclaré :
   \"...\""): the subject of the speech verb before the colon (of a gerund, its clause's).
4. An incise naming its speaker after the verb, after the quote or inside the marks ("« ... »,
   juge X", "« A, assure X. B »", "« ... », a remarqué M. X"): that speaker.
5. A speech verb that governs the quote ("a répondu par un simple « oui »", "a salué « ... »"):
   its subject.
6. Else the agent of a speech event of the same sentence (for a short verbless label, only one
   whose verb governs it), a "selon X", the first-person speaker of a speech, or, for a quote
   that is a sentence of its own, the previous speaker.

A short verbless label that none of these gives a speaker ("leur volonté d'avancer
« ensemble »", "Se donnant du « cher collègue »") is a scare quote or a title, nobody's words:
it is not kept as a quotation.

A pronoun ("il", "elle") or a bare role noun ("Le ministre") as the subject of a speech verb
is the person the previous sentence was about, else the last speaker. Speech verbs are the
trigger lemmas of the speech event types plus the quotation verbs of
``ontology/vocab/quotation.ttl`` (skos:hiddenLabel of et:statement: verbs that report words
around a quotation but are no event trigger on their own, such as "citer", "poursuivre").
When rule 2, 3 or 4 finds the speaker, the statement event of the incise gets that speaker
as its agent too, so that the quote and the act of saying it agree.
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context
from diplograph.extract.kinds import SPEECH
from diplograph.extract.quote_clauses import (
    first_person_in,
    selon_speaker,
    sentence_of,
    sentence_speech_event,
    verbless_frame,
)
from diplograph.extract.quote_labels import label_like, named_thing, titled
from diplograph.extract.quote_speakers import QuoteSpeakers
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.model import Event, Quote

_PAIRS = re.compile(r"«([^«»]*)»|“([^“”]*)”|\"([^\"\n]*)\"")
_INNER_SPACE = " \u00a0\u202f\u2009\t\n"


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of every quotation (marks included)."""
    return [(m.start(), m.end()) for m in _PAIRS.finditer(text)]


def find_quotes(ctx: Context) -> list[Quote]:
    """Every quotation of the body with its speaker and statement event."""
    text = ctx.text
    headings = [(s.heading.begin, s.heading.end) for s in ctx.source.sections if s.heading is not None]
    speakers = QuoteSpeakers(ctx)
    quotes: list[Quote] = []
    previous_speaker: str | None = None
    previous_end = previous_mark = -1
    previous_event: Event | None = None
    for m in _PAIRS.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        begin, end = m.start(group), m.end(group)
        while begin < end and text[begin] in _INNER_SPACE:
            begin += 1
        while end > begin and text[end - 1] in _INNER_SPACE:
            end -= 1
        if end <= begin or not re.search(r"\w", text[begin:end]):
            continue
        if any(b <= begin < e for b, e in headings):
            continue
        if titled(ctx, m.start()):
            continue  # "sous le thème « ... »": a title's words, nobody's
        if named_thing(ctx, begin, end, m.start()):
            continue  # "sur le réseau « X »", "l'opération « Sentinelle »": a name, nobody's words
        sentence = sentence_of(ctx, m.start(), m.end())
        speaker, event, decided = speakers.attribute(begin, end, m.start(), m.end())
        label = label_like(ctx, begin, end)
        if not decided:
            event = sentence_speech_event(ctx, m.start(), m.end(), sentence)
            if event is not None and label and not speakers.governs(event, begin, end):
                # "Se donnant du « François », les deux présidents ont souligné ...": a short
                # label takes its speaker only from a speech verb that governs it
                event = next((e for e in ctx.events if e.event_type in SPEECH and e.agents and sentence is not None
                              and sentence.begin <= e.trigger.begin < sentence.end
                              and speakers.governs(e, begin, end)), None)
            speaker = event.agents[0] if event is not None and event.agents else None
            if speaker is None and sentence is not None:
                speaker = selon_speaker(ctx, sentence)
            if speaker is None and sentence is not None and ctx.speaker is not None:
                speaker = first_person_in(ctx, sentence, m.start(), m.end())
            if speaker is None and sentence is not None:
                # "Le président a jugé étrange la question. « ... »": a quote on its own right after
                # a sentence whose main verb reports speech is what that speaker went on to say
                speaker = speakers.announced(sentence, m.start(), m.end())
            if speaker is None and previous_speaker is not None and sentence is not None \
                    and sentence.begin <= previous_mark < m.start() \
                    and not speakers.other_between(previous_mark, m.start(), previous_speaker):
                # "a exprimé son « soulagement » envers les relations, « historiques ... »", "en
                # fustigeant « A » ..., avec comme conséquences « B »": a later quotation of the
                # sentence no verb of its own attributes is more of the same speaker's words
                speaker = previous_speaker
                event = previous_event
            if speaker is None and previous_speaker is not None and sentence is not None:
                # a quote that is a sentence of its own continues the previous quote's speaker
                between = text[previous_end:sentence.begin]
                alone = (m.end() - m.start()) >= 0.8 * (sentence.end - sentence.begin)
                if (alone or verbless_frame(ctx, sentence, m.start())) and "\n" not in between \
                        and len(between) < 200:
                    speaker = previous_speaker
                    event = previous_event
        if label and speaker is None and event is None:
            continue  # a scare-quoted word or title, nobody's words: no quotation
        quotes.append(Quote(span=ctx.char_span(begin, end), speaker=speaker,
                            statement=event.trigger.begin if event is not None else None))
        if speaker is not None:
            speakers.said(m.start(), speaker, event)
            previous_speaker = speaker
            previous_event = event
            previous_end = sentence.end if sentence is not None else m.end()
            previous_mark = m.end()
    return quotes


#: possessives of the first and second person (the parser gives them no Person feature)
_SPEAKERS_OWN = frozenset({"mon", "ma", "mes", "notre", "nos", "ton", "ta", "tes", "votre", "vos"})


def without_readouts(ctx: Context) -> list[tuple[int, int]]:
    """The quotation ranges, less those that quote a readout whole ("« Le président X s'est
    entretenu lundi avec Y ... », a indiqué la présidence"). Such a quotation reports facts, not
    an opinion: in the third person only (no "je", "nous", "notre", "vous"), it tells a gathering
    in a past tense with a named actor as its subject. What it tells is read as the text's own
    narration (events, participants, roles); it is still kept as a quotation of its speaker."""
    from diplograph.extract.kinds import GATHERINGS

    kept = []
    for begin, end in ctx.quote_ranges:
        span = ctx.doc.char_span(begin, end, alignment_mode="contract")
        if span is None or not any(
                hit.category == "event" and hit.iri in GATHERINGS and span.start <= hit.head < span.end
                and _told_done_by_named(ctx, ctx.doc[hit.head], span) for hit in ctx.hits) \
                or any(t.lower_ in _SPEAKERS_OWN or set(feature(t, "Person")) & {"1", "2"} for t in span):
            kept.append((begin, end))
    return kept


def _told_done_by_named(ctx: Context, verb, span) -> bool:
    """``verb`` is in the passé composé, plus-que-parfait or passé simple of the indicative, and
    its subject, inside ``span``, names a person, state or organisation."""
    if verb.pos_ != "VERB":
        return False
    tensed = [c for c in auxiliaries(verb) if c.lemma_ in ("avoir", "être")]
    past = (feature(verb, "VerbForm") == ["Part"] and any(
        feature(a, "Mood") == ["Ind"] and feature(a, "Tense")[:1] in (["Pres"], ["Imp"]) for a in tensed)) \
        or (feature(verb, "Mood") == ["Ind"] and feature(verb, "Tense") == ["Past"])
    return past and any(
        s.dep_.startswith("nsubj") and span.start <= s.i < span.end
        and any(m.kind in ("person", "state", "org") for t in s.subtree for m in ctx.by_token.get(t.i, []))
        for s in verb.children)
