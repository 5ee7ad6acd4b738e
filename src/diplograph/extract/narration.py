"""Dates the narration gives events that name none next to their trigger."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import BACKGROUND, GATHERINGS, OCCURRED, bound_words, cue_words, et
from diplograph.extract.occasions import ordinal_day_frames
from diplograph.extract.reference import DEMONSTRATIVES
from diplograph.extract.syntax import DURING_CASES, DURING_NOUNS, FRAMING_WORDS, in_quote
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.extract.told_before import last_told, told_in, window_start
from diplograph.extract.verb_forms import interrupted_compound, simple_past_form
from diplograph.model import DateValue, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A live-blog update starts with the clock time ("09 h 05 –", "14h50 -"): it happened that day.
_CLOCK = re.compile(r"^\s*\d{1,2}\s?h\s?\d{2}\b")

#: A sentence opening on a time of the day the story is telling ("Plus tôt dans la matinée,", "Dans
#: la soirée,", "Le même jour,"): what it tells happened that day, even told in the pluperfect.
_SAME_DAY = re.compile(r"\s*(?:(?:plus tôt|plus tard|auparavant|ensuite|puis)\s*,?\s*)?"
                       r"(?:dans la (?:matinée|journée|soirée|nuit)|le même jour|ce même jour|le matin même"
                       r"|le soir même)\s*,", re.IGNORECASE)

#: Prepositions putting a speech act inside another event ("à l'issue de la réunion", "lors de"), or
#: right after it ("a affirmé ... à la suite de sa rencontre, ce lundi, avec Y": that day).
_DURING = FRAMING_WORDS | {"suite"}
#: "lors d'un entretien", "au cours de la rencontre", "pendant les discussions", "durant
#: l'audience", "à l'occasion de sa visite": an act told inside a gathering, so on its day (not
#: "en marge de", beside it, nor "à l'issue de", after it)
_INSIDE = DURING_CASES | (DURING_NOUNS - {"marge", "couloir", "coulisse"})



def narrative_dates(ctx: Context) -> None:
    """Dates the text gives by narration rather than next to the trigger.

    News narrates forward from the last day it tells: "Mercredi 11 février, X a reçu Y.
    ... X a expliqué ..." puts the explanation on the 11th, and a readout's "ce jour"
    dates every statement of the call. An undated occurred event told in the perfect or
    simple past takes the day of the latest main-clause event before it in its section
    (dates inside a subordinate phrase, "à la suite des consultations tenues le 23
    novembre", are background, not the thread of the story); the pluperfect ("avaient
    discuté") and the imperfect look further back and take nothing. A simple present
    ("je l'accuse ici", "la France demande") is the text's own day (publication or
    dateline). "à l'issue de la réunion" gives the date of that meeting first. In a live
    blog, updates stamped with a clock time happened on the publication day. An event told
    "lors de", "en marge de", "à l'issue de" an occasion happened where it did, too. A day
    fronted at the head of a sentence told in the perfect ("Le lendemain, les échanges ont porté
    sur ...") moves the story to that day even when the sentence's event is one told before.
    """
    reference = ctx.reference_date
    events = sorted(ctx.events, key=lambda e: e.trigger.begin)
    sections = [(sec.begin, sec.end) for sec in ctx.source.sections] or [(0, len(ctx.text))]
    current: DateValue | None = None
    told: Event | None = None  # the event that gave ``current``
    met: list[Event] = []  # dated gatherings that occurred, in text order
    section_of_current: tuple[int, int] | None = None
    frames = sorted(_day_frames(ctx) + ordinal_day_frames(ctx), key=lambda f: f[0])
    lead = _dateline_day(ctx)  # (end of the dateline's sentence, its day)
    for event in events:
        token = event_token(ctx, event)
        section = next(((b, e) for b, e in sections if b <= event.trigger.begin < e), (0, len(ctx.text)))
        if section != section_of_current:
            current, told, section_of_current = None, None, section
        if lead is not None and current is None and event.trigger.begin < lead[0] and not _trip(ctx, event, token):
            current, told = lead[1], None  # "Abidjan, le 10 avril – Le ministre a reçu ...": that day
        while frames and frames[0][0] < token.i:  # "Le lendemain, ..." moves the story on
            at, day = frames.pop(0)
            if section[0] <= ctx.doc[at].idx:
                current, told = day, None
        if not event.places and not in_quote(ctx, token):
            occasion = _during_event(ctx, token)  # "En marge des travaux, X s'est entretenu avec Y"
            if occasion is not None and occasion is not event:
                event.places = list(occasion.places)  # happened where the occasion did
        clause = clause_verb(ctx, token)
        main_clause = _main(clause)
        if not main_clause and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass") and _main(token.head) \
                and event.date is not None and event.sentence.begin <= event.date.evidence.begin < event.sentence.end:
            # "Le sommet s'ouvre le 4 octobre": the sentence tells that day, the story is at it
            clause, main_clause = token.head, True
        if not main_clause and _fronted_gathering(ctx, event, token):
            # "TALLINN, 13 mai - Réunis mardi à Tallinn pour leur sommet, les dirigeants ont adopté ...":
            # the participle opening the sentence sets the day the main clause is told on (the parser
            # may hang it on the dateline's city)
            clause, main_clause = ctx.sent_of(token).root, True
        if not main_clause:
            # "En visite en France, X a accordé une audience à Y": the fronted visit and the audience
            # of the main clause are one event; that clause is what the story tells on its day
            told_in = next((c for m in event.mentions if event.sentence.begin <= m.begin < event.sentence.end
                            and _main(c := clause_verb(ctx, ctx.doc[ctx.doc.char_span(
                                m.begin, m.end, alignment_mode="expand").start]))), None)
            if told_in is not None:
                clause, main_clause = told_in, True
        if event.date is None and event.status == OCCURRED and current is not None and not in_quote(ctx, token) \
                and _SAME_DAY.match(ctx.text, ctx.sent_of(token).start_char):
            event.date = current  # "Plus tôt dans la matinée, X s'était entretenu avec Y": the story's day
        if event.date is None and event.status == OCCURRED and event.event_type not in BACKGROUND \
                and not in_quote(ctx, token):
            theirs = _their_gathering(ctx, event, met)
            thread = theirs.date if theirs is not None and theirs is not told else current
            # "Le Chef de l'État a ensuite accordé une audience à Y": "ensuite" carries the story's day
            # on, whoever the event before was about; "notamment" tells one of what was just told
            # ("a multiplié les entretiens mardi. Il a notamment rencontré Y": that day)
            continued = clause is not None and any(c.lower_ in ("ensuite", "puis", "notamment")
                                                   for c in clause.children)
            if thread is not None and thread.precision != "day" \
                    and not (clause is not None and simple_past_form(clause)):
                thread = None  # a month or year carries on only through a reference work's simple past
            event.date = _told_date(ctx, event, token, thread if continued or _same_occasion(event, told) else None,
                                    reference)
        if event.event_type in GATHERINGS and event.status == OCCURRED and event.date is not None \
                and event.date.precision == "day" and narrated_now(clause):
            met.append(event)  # not a pluperfect background ("La veille, X et Y s'étaient réunis")
        # "En mars 2012, X effectua une visite ... Elle s'entretint à Wellington": in the simple past
        # of a reference work, a month or a year is the day the story is at
        if main_clause and event.status == OCCURRED and event.date is not None \
                and (event.date.precision == "day" or simple_past_form(clause)) \
                and not in_quote(ctx, token) and narrated_now(clause) \
                and not (_present(clause) and event.event_type not in GATHERINGS):
            # (", indique un communiqué": the report's own day, not the day the story is told on)
            current, told = event.date, event
    for event in events:
        # "Lors d'une conversation avec Y, M. X a indiqué ...": the act the gathering frames is told
        # after it and took the story's day only then
        if event.date is None and event.status == OCCURRED and event.event_type in GATHERINGS:
            token = event_token(ctx, event)
            framed = None if in_quote(ctx, token) else _framed_act(ctx, token)
            if framed is not None:
                event.date = framed.date


def _fronted_gathering(ctx: Context, event: Event, token: Token) -> bool:
    """A gathering told by a past participle that opens its sentence (after a dateline, if any),
    dated in that sentence, before a main clause told in the perfect or simple past ("Réunis mardi à
    X pour un sommet, les dirigeants ont adopté ...")."""
    if event.event_type not in GATHERINGS or event.date is None or token.pos_ != "VERB" \
            or "Part" not in feature(token, "VerbForm") \
            or not event.sentence.begin <= event.date.evidence.begin < event.sentence.end:
        return False
    root = ctx.sent_of(token).root
    if root.i <= token.i or not _main(root) or not narrated_now(root):
        return False
    from diplograph.extract.dates import DATELINE

    line = DATELINE.match(ctx.text)
    start = ctx.sent_of(token).start_char
    # after a dateline, the sentence's own start (a later sentence is no longer the dateline's)
    opening = max(line.end(), start) if line is not None and line.end() <= token.idx else start
    return not ctx.text[opening:token.idx].strip(" \t\n-–—,.")


def _trip(ctx: Context, event: Event, token: Token) -> bool:
    """A visit or a journey ("a entamé une visite de travail en Lettonie"): it spans days, and a
    readout dated on one of them does not say which was its first."""
    travel = cue_words(ctx.lex, "travel")
    verb = token.head if token.pos_ == "NOUN" else token
    return token.lemma_.lower() in travel or token.lower_ in travel or verb.lemma_.lower() in bound_words(ctx.lex)


def _dateline_day(ctx: Context) -> tuple[int, DateValue] | None:
    """A text opening on a dated dateline ("Abidjan, le 10 avril 2025 –", "TIRANA, 16 octobre (AFP) -")
    tells its lead on that day unless the lead names another day or time: the day, and the end
    (character offset) of the lead sentence it covers."""
    import datetime

    from diplograph.extract.dates import DATELINE, FULL_DATE, MONTHS

    line = DATELINE.match(ctx.text)
    found = FULL_DATE.search(ctx.text, 0, line.end()) if line is not None else None
    if found is None:
        return None
    year = int(found.group(3)) if found.group(3) else (ctx.reference_date.year if ctx.reference_date else None)
    if year is None:
        return None
    try:
        day = datetime.date(year, MONTHS[found.group(2).lower()],
                            1 if found.group(1).lower() == "1er" else int(found.group(1)))
    except (ValueError, KeyError):
        return None
    lead = next((s for s in ctx.source.sentences if s.end > line.end()), None)
    if lead is None or any(lead.begin <= ctx.doc[t.start].idx < lead.end and ctx.doc[t.start].idx >= line.end()
                           and getattr(t.value, "iso", day.isoformat()) != day.isoformat() for t in ctx.times):
        return None  # "MALABO, 16 juin - ... ont clôturé samedi ...": the lead names another day
    return lead.end, DateValue(day.isoformat(), "day", ctx.char_span(found.start(), found.end()))


def _day_frames(ctx: Context) -> list[tuple[int, DateValue]]:
    """Days fronted at the head of a sentence and set off by a comma ("Le lendemain, ...",
    "Le 8 avril, ..."), whose sentence is told in the perfect, simple past or present: the
    days the narration moves to, by token index."""
    frames: list[tuple[int, DateValue]] = []
    for t in ctx.times:
        value = t.value
        if not isinstance(value, DateValue) or value.precision != "day" or value.deadline \
                or t.end >= len(ctx.doc) or ctx.doc[t.end].text != ",":
            continue
        if ctx.reference_date is not None and value.iso > ctx.reference_date.isoformat():
            continue  # "Vendredi, ... doivent signer ..., a indiqué le ministère": what is to come, not the story's day
        sentence = ctx.sent_of(t.start)
        first = sentence.start
        while first < t.start and (ctx.doc[first].is_space or first in ctx.heading_tokens):
            first += 1
        root = sentence.root
        if first == t.start and not in_quote(ctx, ctx.doc[t.start]) and _verbal(root) and narrated_now(root):
            frames.append((t.start, value))
    return sorted(frames, key=lambda f: f[0])


def clause_verb(ctx: Context, token: Token) -> Token:
    """The verb that tells an event named by its object noun ("X a eu un entretien avec Y",
    "ont coprésidé la session"): its tense and clause are the event's, when it is no event itself
    and tells a past act ("Kiev bloque les discussions" says nothing of when they were held)."""
    # "ont tenu, dimanche 10 décembre à Abuja, la 64e Session ordinaire": an object after a
    # parenthetical time the parse reads as a bare adjunct (no preposition) is the verb's object still
    bare_object = token.dep_ in ("obl", "obl:mod") and token.i > token.head.i and token.head.dep_ == "ROOT" \
        and not any(c.dep_ == "case" for c in token.children)
    if token.pos_ == "NOUN" and (token.dep_ == "obj" or bare_object) and token.head.pos_ == "VERB" \
            and token.head.i not in ctx.trigger_heads and not _present(token.head):
        return token.head
    if token.pos_ == "NOUN" and token.dep_ in ("nmod", "conj", "appos"):
        from diplograph.extract.arguments import verb_across_adjuncts

        verb = verb_across_adjuncts(ctx, token)  # "a présidé à X, dans la province de Y, une réunion"
        if verb is not None and verb.i not in ctx.trigger_heads and not _present(verb):
            return verb
    return token



def _their_gathering(ctx: Context, event: Event, met: list[Event]) -> Event | None:
    """"Les deux dirigeants sont convenus de ...": an act of two or more people (no gathering of
    its own) happened at the last dated gathering they all took part in, even when the narration
    has told another day since (the ministers' talk "ce jour" after the presidents' call "hier")."""
    if event.event_type in GATHERINGS:
        return None
    people = {a for a in event.agents if a in ctx.entities and ctx.entities[a].kind == "person"}
    if len(people) < 2:
        return None
    for gathering in reversed(met):
        if people <= {p.actor for p in gathering.participants} | set(gathering.agents):
            return gathering
    return None


def _same_occasion(event: Event, told: Event | None) -> bool:
    """A gathering of other people than the event that gave the narrated day is another
    occasion: it does not take that day ("X et Y se sont entretenus mardi. ... Z s'est
    entretenu par téléphone avec W" leaves the call undated)."""
    if told is None or event.event_type not in GATHERINGS or not event.participants:
        return True
    theirs = {p.actor for p in told.participants} | set(told.agents)
    return not theirs or bool(theirs & {p.actor for p in event.participants})  # nobody known: same thread


def _told_date(ctx: Context, event: Event, token: Token, current: DateValue | None, reference) -> DateValue | None:
    """The date narration gives an undated event (see :func:`narrative_dates`)."""
    if reference is not None and token.pos_ == "NOUN" and event.event_type not in GATHERINGS \
            and _in_title_line(ctx, event):
        # "Communiqué conjoint à l'issue de la visite ...", repeated atop the body: the document's
        # own act, of its own day (the dateline's or the publication's), not the visit's first day;
        # a gathering the title names ("Sommet de X sur Y (2018)") is no act of the document
        return DateValue(reference.isoformat(), "day", _now_evidence(ctx, reference), relative=True)
    during = _during_event(ctx, token)
    if during is not None and during.date is not None:
        return during.date
    arrival = _arrival_day(ctx, token)
    if arrival is not None:
        return arrival
    framed = _framed_act(ctx, token) or _relative_inside(ctx, token)
    if framed is not None:
        return framed.date
    then = cue_words(ctx.lex, "same-time")
    if token.pos_ == "VERB" and any(c.lower_ in then and c.dep_ == "advmod" for c in token.children):
        told = _dated_event_before(ctx, token)  # "... reçu en juillet. Ils avaient alors signé un accord"
        if told is not None:
            return told.date
    token = clause_verb(ctx, token)
    if not _verbal(token) or not narrated_now(token):
        return None
    if any(c.lower_ == "y" and c.i < token.i for c in token.children):
        there = _gathering_named_before(ctx, token)  # "La réunion ..., le 6 janvier : X y a confirmé ..."
        if there is not None and there.date is not None:
            return there.date
    paragraph = next((p for p in ctx.source.paragraphs if p.begin <= event.trigger.begin < p.end), None)
    if paragraph is not None and reference is not None and _CLOCK.match(ctx.text[paragraph.begin:paragraph.end]):
        return _clock_date(ctx, paragraph, reference)
    if _present(token):
        if reference is None:
            return None
        story = _last_written_day(ctx, token) or current
        if _historical(story, reference):
            return story  # "Le sommet s'ouvre le 4 octobre 2019 ... Le soir, X s'entretient avec Y"
        return DateValue(reference.isoformat(), "day", _now_evidence(ctx, reference), relative=True)
    return current


#: Days between the story's day and the publication beyond which a present tense is historical:
#: news tells this week's acts in the perfect and today's positions in the present; a reference
#: work tells a summit of years ago in the present.
_HISTORICAL_GAP = 90


def _last_written_day(ctx: Context, token: Token) -> DateValue | None:
    """The last day the text wrote before ``token`` in its section (not a time limit)."""
    section = next((sec for sec in ctx.source.sections if sec.begin <= token.idx < sec.end), None)
    begin = section.begin if section is not None else 0
    days = [t for t in ctx.times if isinstance(t.value, DateValue) and t.value.precision == "day"
            and not t.value.deadline and t.start < token.i and ctx.doc[t.start].idx >= begin]
    return max(days, key=lambda t: t.start).value if days else None


def _historical(current: DateValue | None, reference) -> bool:
    """The story's day lies months before the publication: a present tense there narrates it."""
    import datetime

    if current is None or current.precision != "day":
        return False
    return (reference - datetime.date.fromisoformat(current.iso)).days > _HISTORICAL_GAP



def _framed_act(ctx: Context, token: Token) -> Event | None:
    """"X a affirmé mardi lors d'un entretien avec Y", "a déclaré au cours d'une rencontre": the
    gathering named in a phrase that sets an act inside it happened on the act's day, when that act
    is dated and told in the perfect or simple past (a pluperfect's act looks back: no day)."""
    if token.pos_ != "NOUN":
        return None
    frame = token.head if token.head.lower_ in _INSIDE else token
    if frame.lower_ not in _INSIDE and not any(c.dep_ == "case" and c.lower_ in _INSIDE for c in token.children):
        return None
    verb = frame.head
    if verb.pos_ == "NOUN" and verb.dep_ == "obj" and verb.i not in ctx.event_at:
        verb = verb.head  # "a fait ces remarques lors de sa rencontre": the parse hangs the frame on the object
    if verb.i == frame.i or verb.pos_ != "VERB" or not narrated_now(verb):
        return None
    act = ctx.event_at.get(verb.i) or _these_words(ctx, verb)
    if act is None or act.date is None or act.status != OCCURRED or act.date.precision != "day":
        return None
    return act


def _these_words(ctx: Context, verb: Token) -> Event | None:
    """"... a déclaré mardi X. M. X a fait ces remarques lors de sa rencontre avec Y": a verb that is
    no event, whose object is a demonstrative ("ces remarques", "ces propos"), takes up the act told
    last in the sentence before; that act is the one the frame sets inside the gathering."""
    if not any(c.dep_ == "obj" and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES
                                       for d in c.children) for c in verb.children):
        return None
    sentences = ctx.sentences_before(ctx.sent_of(verb).start)
    if not sentences:
        return None
    before = sentences[-1]
    acts = [e for i, e in ctx.event_at.items() if before.start <= i < before.end and e in ctx.events
            and e.event_type not in GATHERINGS]
    return max(acts, key=lambda e: e.trigger.begin, default=None)


#: Relative pronouns after "au cours de", "lors de", "pendant", "durant": "une communication, au cours
#: de laquelle il a réitéré ...".
_RELATIVE = frozenset({"laquelle", "lequel", "lesquelles", "lesquels"})


def _relative_inside(ctx: Context, token: Token) -> Event | None:
    """"X avait eu le 5 mai une communication avec Y, au cours de laquelle il lui a réitéré ...": an
    act told in a relative clause set inside a gathering happened on that gathering's day (the
    dated gathering named last before the relative pronoun in the sentence)."""
    if token.pos_ != "VERB":
        return None
    pronoun = next((c for c in token.children if c.lower_ in _RELATIVE and c.i < token.i), None)
    if pronoun is None or pronoun.i < 2:
        return None
    doc = ctx.doc
    if not (doc[pronoun.i - 1].lower_ in ("de", "d'") and doc[pronoun.i - 2].lower_ in _INSIDE
            or doc[pronoun.i - 1].lower_ in _INSIDE):
        return None
    sentence = ctx.sent_of(token)
    return last_told([(i, e) for i, e in told_in(ctx, sentence.start, pronoun.i)
                      if e.status == OCCURRED and e.date is not None])


def _in_title_line(ctx: Context, event: Event) -> bool:
    """The event is named in a title line atop the body: a first paragraph of one line without a
    final full stop, followed by more text."""
    paragraphs = ctx.source.paragraphs
    if len(paragraphs) < 2 or not paragraphs[0].begin <= event.trigger.begin < paragraphs[0].end:
        return False
    line = ctx.text[paragraphs[0].begin:paragraphs[0].end].strip()
    return bool(line) and "\n" not in line and line[-1] not in ".!?»”\""


def _clock_date(ctx: Context, paragraph, reference) -> DateValue:
    """The publication day, evidenced by the clock time that opens a live-blog update."""
    m = _CLOCK.match(ctx.text[paragraph.begin:paragraph.end])
    begin = paragraph.begin + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return DateValue(reference.isoformat(), "day", ctx.char_span(begin, paragraph.begin + m.end()), relative=True)



def _main(clause: Token) -> bool:
    """A verb of the sentence's main clause."""
    return _verbal(clause) and (clause.dep_ in ("ROOT", "conj", "parataxis") or clause.head.dep_ == "ROOT")


def _verbal(token: Token) -> bool:
    """A verb, or a participle the parser reads as an adjective after "être" ("Les deux ministres
    sont convenus de ...": the perfect of "convenir", told like any other verb)."""
    return token.pos_ == "VERB" or (token.pos_ == "ADJ" and any(
        c.dep_ in ("aux:pass", "aux:tense", "cop") and c.lemma_.lower() == "être" for c in token.children))


def _present(verb: Token) -> bool:
    """A simple present with no auxiliary ("je l'accuse", "la France demande"). A main verb the
    tagger reads as a subjunctive ("La France condamne": the same form) is that present; a simple
    past it reads as a present ("signèrent", "s'entretint") is not."""
    mood = feature(verb, "Mood")
    main = verb.dep_ == "ROOT" and not any(c.dep_ == "mark" for c in verb.children)
    return "Pres" in feature(verb, "Tense") and ("Ind" in mood or ("Sub" in mood and main)) \
        and not any(c.dep_.startswith("aux") for c in verb.children) and not simple_past_form(verb)



def _now_evidence(ctx: Context, reference) -> Span:
    """Where the text's own date is written (its dateline or first mention), else an empty span at 0."""
    for t in sorted(ctx.times, key=lambda t: t.start):
        if isinstance(t.value, DateValue) and t.value.iso == reference.isoformat():
            return t.value.evidence
    return ctx.char_span(0, 0)



def narrated_now(verb: Token) -> bool:
    """Perfect, simple past or present: not a pluperfect/imperfect looking further back."""
    auxiliary = interrupted_compound(verb)  # "a pour sa part salué": the tense is the auxiliary's
    if auxiliary is not None:
        tense = feature(auxiliary, "Tense")
        return not ("Imp" in tense or "Fut" in tense or "Cnd" in feature(auxiliary, "Mood"))
    for t in [verb, *auxiliaries(verb)]:
        tense = feature(t, "Tense")
        if "Imp" in tense or "Fut" in tense or "Cnd" in feature(t, "Mood"):
            return False
    if verb.dep_ == "acl:relcl" and any(c.dep_.startswith("aux") and "Pres" in feature(c, "Tense")
                                        for c in verb.children):
        return True  # "reçus par le Président, qui a réaffirmé ...": told in the perfect, on the day told
    return "Inf" not in feature(verb, "VerbForm") and verb.dep_ not in ("acl", "acl:relcl", "amod", "xcomp")



def _dated_event_before(ctx: Context, token: Token) -> Event | None:
    """The event told last before ``token`` (this sentence or the previous one), if it is dated:
    "alors" points at that one, not at an earlier one that happens to have a date."""
    start = window_start(ctx, token, 1).start
    last = last_told([(i, e) for i, e in told_in(ctx, start, token.i, gatherings=False)
                      if not in_quote(ctx, ctx.doc[i])])
    return last if last is not None and last.date is not None and not last.date.deadline else None


def _gathering_named_before(ctx: Context, token: Token) -> Event | None:
    """The latest gathering told in this sentence or the previous one, before ``token``, or a text
    named by its noun ("un communiqué final a été lu ... Les dirigeants y demandent": in it)."""
    start = window_start(ctx, token, 1).start
    return last_told([(i, e) for i, e in told_in(ctx, start, token.i, gatherings=False)
                      if e.event_type in GATHERINGS or (ctx.doc[i].pos_ == "NOUN" and e.event_type == et("statement"))])



def _in_infinitive_under(word: Token, token: Token) -> bool:
    """``word`` hangs (within a few heads) on an infinitive that itself depends on ``token``."""
    node = word
    for _ in range(6):
        if node.head.i == node.i or node.head.i == token.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and "Inf" in feature(node, "VerbForm"):
            return any(a.i == token.i for a in node.ancestors)
    return False


def _during_event(ctx: Context, token: Token) -> Event | None:
    """The event named in "à l'issue de / lors de / en marge de <event>" under this trigger,
    or fronted at the head of its sentence ("Lors du sommet, les dirigeants ont adopté une
    déclaration": the declaration's noun does not govern the adverbial, the sentence does).
    The event may be named by a further mention ("Lors de ces discussions", "En marge des
    travaux") as well as by its trigger."""
    sentence = ctx.sent_of(token)
    view = ctx.tokens
    if not view.has_lower(_DURING, token.left_edge.i, token.right_edge.i + 1) \
            and not view.has_lower(_DURING, sentence.start, min(sentence.start + 9, sentence.end)):
        return None  # no framing word in the scope below (most triggers): no Token made for it
    fronted = [t for t in sentence[:2] if t.lower_ in _DURING or t.lower_ == "en"]
    if not fronted and len(sentence) > 3 and sentence[0].lower_ in ("à", "a") and sentence[1].lower_ in ("l'", "la") \
            and sentence[2].lower_ in _DURING:
        fronted = [sentence[2]]  # "À l'issue de la session, un communiqué ...", also written "A l'issue"
    scope = [*token.subtree, *(t for t in sentence[:6] if fronted and t.i < token.i)]
    # "Le 9 mai, en marge du sommet, X et Y ont eu un entretien": a frame after a fronted day and a comma
    comma = next((t for t in sentence[1:8] if t.text == "," and t.i + 2 < sentence.end
                  and ctx.doc[t.i + 1].lower_ == "en" and ctx.doc[t.i + 2].lower_ in _DURING), None)
    if comma is not None and any(sentence.start <= x.start < comma.i for x in ctx.times):
        scope += [t for t in ctx.doc[comma.i + 1:comma.i + 7] if t.i < token.i]
    back = cue_words(ctx.lex, "back-reference")
    mentioned: dict | None = None  # made at the first "lors de" in scope (most triggers have none)
    for child in scope:
        if child.i == token.i or child.lower_ not in _DURING:
            continue
        if mentioned is None:
            mentioned = {}
            for e in ctx.events:
                for m in e.mentions:
                    found = ctx.tokens.expand(m.begin, m.end)  # Doc.char_span's tokens, without its Span
                    if found is not None and found[1] > found[0]:
                        mentioned[found[0]] = e
        if _in_infinitive_under(child, token):
            continue  # "sont convenus de se revoir en marge de la réunion": the meeting to come's occasion
        if child.lower_ == "occasion" and any(d.dep_ == "det" and d.lower_ == "cette" for d in child.children):
            # "a promis à cette occasion": the gathering or signing just told, dated or not
            told = _last_gathering(ctx, token, GATHERINGS | {et("agreement")}, dated=False)
            if told is not None and told.date is not None:
                return told
            continue
        after = ctx.doc[child.i + 1] if child.i + 1 < len(ctx.doc) else None
        if after is None or after.lower_ not in ("de", "d'", "du", "des"):
            continue  # "à la fin mars" is a time, "à la fin de la réunion" an event
        sentence_end = ctx.sent_of(child).end
        for t in ctx.doc[child.i + 1:min(child.i + 5, sentence_end)]:
            event = ctx.event_at.get(t.i) or mentioned.get(t.i)
            if event is not None and event in ctx.events and t.pos_ == "NOUN":
                return event
            if t.pos_ == "NOUN" and (t.lower_ in back or t.lemma_.lower() in back):
                # "en marge des travaux": the gathering just told, named by a word of its own
                told = _last_gathering(ctx, token)
                if told is not None:
                    return told
    return None


def _arrival_day(ctx: Context, token: Token) -> DateValue | None:
    """"X est arrivé jeudi soir à Nouakchott ... A son arrivée, il a été accueilli par Y": an act told
    at the arrival ("à son arrivée", "dès son arrivée" opening the sentence) took place on the day
    the arrival was told with, in one of the three sentences before."""
    sentence = ctx.sent_of(token)
    opening = [t.lower_ for t in sentence[:4]]
    arriving = cue_words(ctx.lex, "arrival")  # its verbs, and the noun "arrivée"
    if not any(t.pos_ == "NOUN" and t.lemma_.lower() in arriving for t in sentence[:4]) \
            or opening[0] not in ("à", "a", "dès") or opening[1] not in ("son", "sa", "leur"):
        return None
    before = ctx.sentences_before(sentence.start, 3)
    for t in sorted(ctx.times, key=lambda t: -t.start):
        if not before or t.start < before[0].start or t.start >= sentence.start:
            continue
        value = t.value
        if isinstance(value, DateValue) and value.precision == "day" and not value.deadline \
                and any(a.lemma_.lower() in arriving for a in ctx.doc[t.start].ancestors):
            return value
    return None


def _last_gathering(ctx: Context, token: Token, kinds: frozenset[str] = GATHERINGS,
                    dated: bool = True) -> Event | None:
    """The gathering (of ``kinds``) that occurred, told (by its trigger or a further mention) last before
    ``token``; with ``dated``, the last one with a date. A mention after ``token`` is not told yet: "a
    promis à cette occasion" after talks is the talks', though the visit they were part of is named again
    further on ("au dernier jour de sa visite")."""
    told = [e for e in ctx.events if e.event_type in kinds and e.status == OCCURRED
            and e.trigger.begin < token.idx and (e.date is not None or not dated)]
    return max(told, key=lambda e: max([e.trigger.begin, *(m.begin for m in e.mentions if m.begin < token.idx)])) \
        if told else None
