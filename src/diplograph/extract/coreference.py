"""Within-document event coreference: mentions of one happening become one event.

Every trigger gives an event mention; this stage decides which mentions refer to the
same real event and folds them together, so a document does not grow meetings that have
no participants. The folded mention's arguments (participants, places, date, duration,
topics) land on the event it refers to, and the event keeps its first trigger.

This module holds the joins across the discourse (later mentions, headings, title lines,
restatements, repeated plans) and the order of the whole stage. Joins the grammar of one
sentence makes are in :mod:`~diplograph.extract.sentence_joins`; how a mention refers is
read in :mod:`~diplograph.extract.reference`; whether two mentions can be one event is
judged in :mod:`~diplograph.extract.same_event`; folding one event into another is
:func:`~diplograph.extract.event_merge.absorb`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.dates import MONTHS
from diplograph.extract.event_merge import absorb, join_main_meeting, most_specific_places, side_talks
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_words, et
from diplograph.extract.place_agreement import places_agree
from diplograph.extract.reference import (
    DEFINITES,
    DEMONSTRATIVES,
    anaphoric_subject,
    determiner,
    is_process,
    reference_kind,
    relative_phrase,
    says_new,
)
from diplograph.extract.same_event import (
    a_day_of_a_stay,
    antecedent_event,
    compatible,
    framed_by,
    is_person,
    named_year,
    same_status,
    told_before,
    year_of,
)
from diplograph.extract.sentence_joins import join_within_sentences
from diplograph.extract.syntax import in_quote, is_actor, subjects_of
from diplograph.extract.token_view import feature
from diplograph.extract.triggers import remove_event
from diplograph.extract.trip_stages import clear_trip_stages, join_trip_stages
from diplograph.model import DateValue, DurationValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Token


def resolve_events(ctx: Context) -> None:
    """Fold the mentions of one happening into one event (``ctx.events`` shrinks)."""
    for event in ctx.events:  # "le sommet de 2022": dated by its name, before any join reads dates
        year = named_year(ctx, event) if event.date is None else None
        if year is not None:
            event.date = DateValue(year.text, "year", ctx.span(year.i, year.i + 1))
    clear_trip_stages(ctx)  # "dernière étape de la tournée": the trip, not the clause's stage
    join_within_sentences(ctx)
    _join_gathering_subjects(ctx)
    _date_by_held_pronoun(ctx)
    _join_later_mentions(ctx)
    _join_nominal_restatements(ctx)
    _join_named_repeats(ctx)
    _join_told_in_full(ctx)
    _join_planned_repeats(ctx)
    _continue_gatherings(ctx)
    _join_headings(ctx)
    _join_title_line(ctx)
    _merge_descriptions(ctx)
    _join_restatements(ctx)
    join_trip_stages(ctx)
    side_talks(ctx)
    join_main_meeting(ctx)
    _drop_kinds_of_gatherings(ctx)
    most_specific_places(ctx)


def _drop_kinds_of_gatherings(ctx: Context) -> None:
    """"la junte restant exclue des réunions au niveau politique": a plural gathering noun that only
    completes an adjective or a participle, with nobody, no date, no place and no later mention,
    names a kind of gathering, not one that happened."""
    for event in list(ctx.events):
        token = event_token(ctx, event)
        if event.event_type not in GATHERINGS or token.pos_ != "NOUN" or "Plur" not in feature(token, "Number") \
                or event.participants or event.date is not None or event.places or event.mentions:
            continue
        head = token.head
        # an adjective or a participle of state ("exclu des", "restant exclue des"), not a verb of
        # doing with "avoir" ("a participé aux réunions")
        if head.i != token.i and (head.pos_ == "ADJ" or ("Part" in feature(head, "VerbForm") and not any(
                c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in head.children))) \
                and head.i not in ctx.event_at:
            remove_event(ctx, event)


def _join_gathering_subjects(ctx: Context) -> None:
    """"La conférence de paix s'est tenue à X. La conférence a rassemblé A, B et C", "En 1961 s'est
    tenu à X le sommet des non-alignés. Il a réuni A, B, C": a gathering verb whose subject is the gathering told
    before (a definite noun of the same head word, or "il" / "elle" taking up the previous
    sentence's subject when that is a gathering) tells that gathering; its objects are its people.

    Encyclopedia and newspaper prose name a conference first, then say who it brought together in
    the next sentence; read alone, that verb is a second meeting and the conference has nobody."""
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        verb = event_token(ctx, event)
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cue_words(ctx.lex, "bringing-together"):
            continue
        # "cette conférence qui a rassemblé ...": a relative "qui" takes up the phrase before it
        subjects = [n for s in subjects_of(ctx, verb) for n in (relative_phrase(s) if s.lower_ == "qui" else [s])]
        named = (_gathering_named_by(ctx, s) for s in subjects)
        target = next((t for t in named if t is not None), None)
        # "fier d'accueillir ce sommet à Genève": hosting the gathering a demonstrative takes up is that
        # gathering, whatever tense the verb is in (an infinitive of pride tells nothing still to come)
        hosted = None if target is not None else next(
            (t for t in (_gathering_named_by(ctx, o, event) for o in verb.children
                         if o.dep_ == "obj" and _demonstrative(o)) if t is not None), None)
        target = target or hosted
        if target is not None and target is not event:
            _date_in_told_year(target, event)
        if target is None or target is event or target not in ctx.events \
                or (hosted is None and not same_status(target.status, event.status)) \
                or (hosted is None and not places_agree(ctx, target.places, event.places)) or (
                target.date is not None and event.date is not None
                and not (target.date.iso.startswith(event.date.iso) or event.date.iso.startswith(target.date.iso))):
            continue
        told, said = year_of(ctx, target), year_of(ctx, event)
        if told is not None and said is not None and told != said:
            continue  # "Le sommet de 2022 ... En 2019, il rassemble ...": another year, another gathering
        absorb(ctx, target, event)


def _demonstrative(noun: Token) -> bool:
    """"ce sommet", "cette conférence": a noun with a demonstrative determiner."""
    det = determiner(noun)
    return det is not None and det.lower_ in DEMONSTRATIVES


def _date_by_held_pronoun(ctx: Context) -> None:
    """"La visite d'État de X en Autriche fut la première ... Elle se déroula du 18 au 20 octobre
    2011": a verb saying that a gathering takes place (cue:held-clause: "se dérouler", "se tenir",
    "avoir lieu"), no trigger itself, whose subject takes up a gathering told before ("elle", "la
    visite"), dates that gathering by the first date its clause gives, when it has none."""
    held = cue_words(ctx.lex, "held-clause")
    for i in ctx.tokens.where_lemma(held):  # the held-clause verbs only, not every sentence's root
        verb = ctx.doc[i]
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.i in ctx.event_at:
            continue
        target = next((e for e in (_gathering_named_by(ctx, s) for s in subjects_of(ctx, verb)
                                   if s.pos_ == "PRON") if e is not None), None)
        if target is None or target.date is not None:
            continue
        clause = {t.i for t in verb.subtree}
        dates = [t for t in ctx.times if isinstance(t.value, DateValue) and t.start in clause
                 and not t.value.deadline]
        if dates:
            target.date = min(dates, key=lambda t: t.start).value


def _date_in_told_year(target: Event, event: Event) -> None:
    """"En 1961 s'est tenu à X le sommet ... Il réunit du 1er au 6 septembre A, B, C": a day and
    month written without a year, said of a gathering the text dated by its year alone (an
    encyclopedia's historical present), fall in that year, not in the publication's."""
    told, said = target.date, event.date
    if told is None or said is None or told.precision != "year" or not said.relative or said.deadline \
            or not any(w in MONTHS for w in said.evidence.text.lower().split()):
        return
    event.date = DateValue(told.iso + said.iso[4:], said.precision, said.evidence)
    event.status = target.status


def _gathering_named_by(ctx: Context, subject: Token, own: Event | None = None) -> Event | None:
    """The gathering told before that a subject names: "la conférence" (definite or demonstrative,
    the head word of an earlier gathering's trigger or mention, itself no trigger), or "il" /
    "elle" when the previous sentence's subject is a gathering's trigger. (``own``: the event the
    noun already belongs to, "accueillir ce sommet" read as one hosting, which does not stop it.)"""
    if subject.i in ctx.event_at and ctx.event_at[subject.i] is not own:
        return None
    before = [e for e in ctx.events if e.event_type in GATHERINGS and e.trigger.begin < subject.idx and e is not own]
    if subject.pos_ == "NOUN" and "Plur" not in feature(subject, "Number"):
        det = determiner(subject)
        if det is None or (det.lower_ not in DEFINITES and det.lower_ not in ("ce", "cet", "cette")):
            return None
        word = subject.lemma_.lower()
        named = [e for e in before if any(m.text.split()[0].lower() in (word, subject.lower_)
                                          for m in (e.trigger, *e.mentions) if m.text.split())]
        if not named and det.lower_ in DEMONSTRATIVES \
                and (word in cue_words(ctx.lex, "many-party-gathering")
                     or any(h.head == subject.i and h.iri in GATHERINGS for h in ctx.hits_of("event"))):
            # "le sommet ... cette conférence qui a rassemblé ...": a demonstrative takes up the meeting told
            named = [e for e in before if e.event_type == et("meeting")]
        return max(named, key=lambda e: e.trigger.begin) if named else None
    if subject.lower_ not in ("il", "elle"):
        return None
    sentence = ctx.sent_of(subject)
    if sentence.start == 0:
        return None
    previous = ctx.sent_of(sentence.start - 1)
    root = [t for t in previous if t.dep_ == "ROOT"]
    heads = [t for r in root for t in r.children if t.dep_ in ("nsubj", "nsubj:pass")]
    if not heads or all(t.i in ctx.event_at for t in heads):  # "a lieu à X le sommet": the parse makes it an object
        heads += [t for r in root for t in r.children if t.dep_ == "obj" and t.i > r.i]
    if any(is_actor(m) for t in heads for m in ctx.by_token.get(t.i, [])):
        return None  # "X a accueilli le sommet. Il a réuni ...": "il" is X
    told = [ctx.event_at.get(t.i) for t in heads]
    told = [e for e in told if e is not None and e in ctx.events and e.event_type in GATHERINGS]
    return told[0] if len(told) == 1 else None


def _join_later_mentions(ctx: Context) -> None:
    """Later mentions of a gathering join it: "La rencontre a duré ...", "Lors de cet
    entretien", "Les discussions ont été ...", "Les deux ministres se sont entretenus".

    A mention that starts an event (indefinite, "nouvelle", "autre", "de nouveau") stays
    its own event; so does one whose status, date, place or people do not fit any
    gathering told before it: two meetings of one text stay two.
    """
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        how = reference_kind(ctx, token)
        if how is None:
            continue
        target = antecedent_event(ctx, event, how)
        if target is not None:
            absorb(ctx, target, event)


def _join_nominal_restatements(ctx: Context) -> None:
    """"X a été accueilli par Y aux Invalides. Une rencontre à l'issue de laquelle les deux
    présidents ont ...": a sentence with no verb of its own, whose head is an indefinite
    gathering noun, restates the gathering the sentence before told (when it fits)."""
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        article = determiner(token) if token.pos_ == "NOUN" else None
        sentence = ctx.sent_of(token)
        if article is None or article.lower_ not in ("un", "une") or token.dep_ != "ROOT" \
                or token.i in ctx.heading_tokens or sentence.start == 0:
            continue
        previous = ctx.sent_of(sentence.start - 1)
        told = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                and previous.start_char <= e.trigger.begin < previous.end_char]
        target = next((e for e in told if compatible(ctx, e, event, "definite")), None)
        if target is not None:
            absorb(ctx, target, event)


def _name_key(ctx: Context, token: Token) -> tuple[str, ...] | None:
    """What names a gathering noun as one occurrence: its noun, its ordinal and the name after it
    ("le premier sommet A-B", "le sommet du G20"); None for a noun no name follows."""
    if token.pos_ != "NOUN":
        return None
    doc, i = ctx.doc, token.i + 1
    name: list[str] = []
    # "le sommet des présidents du Mercosur", "des chefs d'État de la CEDEAO": the members a
    # gathering is "of" come before the name of the body whose gathering it is
    members = ctx.cache.get("role-spans")
    if members is None:  # once per document, not per gathering span
        members = ctx.cache["role-spans"] = {h.start: h.end for h in ctx.hits_of("role")}
    while i < len(doc) and i < token.i + 10:
        t = doc[i]
        if t.text in ("«", "»", "“", "”", '"') and not name:
            i += 1
        elif not name and i in members and doc[i - 1].lower_ in ("des", "de"):
            i = members[i]
        elif (body := next((m for m in ctx.by_token.get(i, []) if m.start == i and m.kind in ("org", "state")
                            and m.end > i + 1), None)) is not None:
            name.append(" ".join(doc[body.start:body.end].text.lower().split()))  # "la Communauté andine"
            i = body.end
        elif t.pos_ == "PROPN" or t.like_num or (t.text == "-" and name):
            name.append(t.lower_)
            i += 1
        elif not name and t.lower_ in ("de", "du", "des", "d'", "d’", "l'", "l’", "la", "le"):
            i += 1
        else:
            break
    if not name:
        return None
    ordinal = [c.lower_ for c in token.children if c.dep_ == "amod" and "Ord" in feature(c, "NumType")]
    return (token.lemma_.lower(), *ordinal, " ".join(name))


def _number_key(token: Token) -> tuple[str, ...] | None:
    """A gathering noun numbered in figures ("le 12e sommet", "sa 32ème session"): the number names
    one occurrence in a text, whatever noun tells it ("le sommet ... dans sa 12e session ... le 12e
    sommet ouest-africain"). Ordinal words ("premier", "deuxième") rank rather than name: left out."""
    if token.pos_ != "NOUN":
        return None
    number = next((c.text for c in token.children if c.dep_ == "amod" and c.text[:1].isdigit()
                   and ("Ord" in feature(c, "NumType") or c.text.rstrip(".").endswith(("e", "ème", "er", "ère")))),
                  None)
    return None if number is None else ("number", "".join(ch for ch in number if ch.isdigit()))


def _join_named_repeats(ctx: Context) -> None:
    """A gathering named again by the same name is the one named before: "Le premier sommet
    A-B s'est ouvert lundi ... Réuni jusqu'à mercredi à X, le premier sommet
    A-B ...". The ordinal that makes "la quatrième session" another session than the
    one just told is part of the name here, not a sign of a new occurrence. Status, date and
    place must still agree ("le sommet du G20 de 2024" is not that of 2025)."""
    named: dict[tuple[str, ...], Event] = {}
    numbers: dict[int, set[tuple[str, ...]]] = {}  # event -> the numbers it was told by
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        keys = set()
        for span in (event.trigger, *event.mentions):
            words = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand")
            if words is None:
                continue
            key, number = _name_key(ctx, words.root), _number_key(words.root)
            keys.update(k for k in (key, number) if k is not None)
            if key is not None and number is not None:
                # "le 64e sommet du Mercosur" is also "le sommet du Mercosur" told before without its
                # number (but not another numbered one: checked below)
                keys.add(tuple(k for k in key if not k[:1].isdigit()))
                numbers.setdefault(id(event), set()).add(number)
        earlier = next((named[k] for k in sorted(keys) if k in named and named[k] in ctx.events), None)
        if earlier is not None and numbers.get(id(earlier)) and numbers.get(id(event)) \
                and not numbers[id(earlier)] & numbers[id(event)]:
            earlier = None  # "le 30e sommet ... le 31e sommet": two occurrences
        if earlier is not None and earlier is not event and same_status(earlier.status, event.status) \
                and (earlier.date is None or event.date is None or earlier.date.iso.startswith(event.date.iso)
                     or event.date.iso.startswith(earlier.date.iso)) \
                and places_agree(ctx, earlier.places, event.places):
            absorb(ctx, earlier, event)
            numbers.setdefault(id(earlier), set()).update(numbers.get(id(event), set()))
            event = earlier
        for k in keys:
            named.setdefault(k, event)


def _join_told_in_full(ctx: Context) -> None:
    """"La visite officielle du Président X à Y a été sanctionnée par un communiqué ... X a
    effectué une visite officielle à Y du 26 au 28 janvier": a communiqué names the gathering as
    known, with the definite article and no date, then tells it in full as "une visite"; the
    same noun with a person of the first, at an agreeing place and in the same status, is it."""
    # the lead: the first sentence of the body that is no heading
    lead_end = next((s.end_char for s in ctx.sentences if s.text.strip()
                     and not any(t.i in ctx.heading_tokens for t in s)), 0)
    light_verbs = cue_words(ctx.lex, "gathering-light-verb")
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        det = determiner(token) if token.pos_ == "NOUN" else None
        if det is None or det.lower_ not in ("un", "une") or says_new(ctx, token) \
                or token.dep_ != "obj" or token.head.lemma_ not in light_verbs:
            continue
        people = {p.actor for p in event.participants if is_person(ctx, p.actor)}
        for earlier in sorted(ctx.events, key=lambda e: e.trigger.begin):
            if earlier is event or earlier.trigger.begin >= min(event.trigger.begin, lead_end) \
                    or earlier.date is not None \
                    or earlier.event_type != event.event_type or not same_status(earlier.status, event.status):
                continue
            first = event_token(ctx, earlier)
            told = determiner(first) if first.pos_ == "NOUN" else None
            if told is None or told.lower_ not in DEFINITES or first.lemma_ != token.lemma_ \
                    or not any(t.pos_ in ("VERB", "AUX") for t in ctx.sent_of(first)):
                continue  # a verbless title line is read by _join_title_line
            if people & {p.actor for p in earlier.participants} and earlier.places and event.places \
                    and places_agree(ctx, earlier.places, event.places):
                absorb(ctx, earlier, event)
                break


def _join_planned_repeats(ctx: Context) -> None:
    """A gathering still to come told twice with the same place and time is one: "les six
    gouvernements se retrouveraient en mars à Skopje ... Le prochain sommet se tiendra à Skopje
    en mars 2025". "prochain" makes a mention new against what has happened, not against what
    is already announced; two planned gatherings at the same place in the same month are one.
    """
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS or event.status == OCCURRED \
                or event.date is None or not event.places:
            continue
        for earlier in sorted(ctx.events, key=lambda e: -e.trigger.begin):
            if earlier is event or earlier.trigger.begin >= event.trigger.begin \
                    or earlier.event_type not in GATHERINGS or earlier.status == OCCURRED \
                    or earlier.date is None or not earlier.places:
                continue
            same_time = earlier.date.iso.startswith(event.date.iso) or event.date.iso.startswith(earlier.date.iso)
            if same_time and set(earlier.places) == set(event.places) \
                    and compatible(ctx, earlier, event, "definite"):
                absorb(ctx, earlier, event)
                break


def _continue_gatherings(ctx: Context) -> None:
    """"Ils ont également évoqué X", "cet échange", "les échanges ont porté sur": further
    mentions of the gathering just told, by words that start no event of their own."""
    talk, back = cue_words(ctx.lex, "continuation"), cue_words(ctx.lex, "back-reference")
    for i in ctx.tokens.where_lemma(talk | back):  # any other word is skipped below: no Token made for it
        token = ctx.doc[i]
        lemma = token.lemma_.lower()
        if token.i in ctx.trigger_heads or token.i in ctx.heading_tokens or in_quote(ctx, token):
            continue
        if token.pos_ == "VERB" and lemma in talk and token.dep_ in ("ROOT", "conj", "parataxis") \
                and anaphoric_subject(ctx, token):
            how = "anaphoric"
        elif token.pos_ == "NOUN" and lemma in back and not says_new(ctx, token) \
                and reference_kind(ctx, token) in ("demonstrative", "definite"):
            how = "demonstrative"
        else:
            continue
        target = told_before(ctx, token.idx)
        if target is None:
            continue
        if how == "anaphoric" and target.status != OCCURRED and _past(token):
            continue
        target.mentions.append(ctx.span(token.i, token.i + 1))
        target.mentions.sort()
        if how == "demonstrative" and token.dep_ in ("nsubj", "nsubj:pass") and target.duration is None:
            target.duration = _clause_duration(ctx, token.head)  # "Cet échange a duré une heure"
        if how == "anaphoric":
            clause = {t.i for t in token.subtree}
            for hit in ctx.hits_of("issue"):
                if hit.start in clause and hit.iri not in target.topics:
                    target.topics.append(hit.iri)


def _join_headings(ctx: Context) -> None:
    """A gathering named in a heading ("Entretien téléphonique avec ...", "Reprise des
    pourparlers") is a further mention of the first gathering its section tells; a heading
    whose section tells none stays no event (a heading names no actor)."""
    for hit in ctx.heading_triggers:
        span = ctx.span(hit.head, max(hit.end, hit.head + 1))
        section = next((s for s in ctx.source.sections if s.heading is not None
                        and s.heading.begin <= span.begin < s.heading.end), None)
        if section is None:
            continue
        told = [e for e in ctx.events if e.event_type in GATHERINGS and section.heading.end <= e.trigger.begin
                and e.trigger.begin < section.end]
        if told:
            first = min(told, key=lambda e: e.trigger.begin)
            first.mentions = sorted({*first.mentions, span})


def _join_title_line(ctx: Context) -> None:
    """A title line repeated at the top of the body ("Communiqué conjoint à l'issue de la visite
    d'État du Président de X en Y"), too long to be read as a heading, names the gathering the
    body then tells ("X a effectué une visite d'État en Y"): the first gathering of the same
    kind told after it is that one. Only a first paragraph of one line without a final full
    stop is a title line, or one printed in capitals ("COMMUNIQUÉ CONJOINT À L'ISSUE DE LA
    VISITE ... ."), whatever ends it: no lead sentence is set in capitals."""
    paragraphs = ctx.source.paragraphs
    if not paragraphs:
        return
    first = paragraphs[0]
    line = ctx.text[first.begin:first.end].strip()
    letters = [c for c in line if c.isalpha()]
    capitals = len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    if not line or "\n" in line or (line[-1] in ".!?»”\"" and not capitals):
        return
    titled = [e for e in ctx.events if e.event_type in GATHERINGS and first.begin <= e.trigger.begin < first.end]
    for event in titled:
        later = [e for e in ctx.events if e.trigger.begin >= first.end and e.event_type == event.event_type
                 and same_status(e.status, event.status) and places_agree(ctx, e.places, event.places)]
        named = min((m.begin for m in event.mentions if m.begin >= first.end), default=None)
        if named is not None:
            # the body already named it ("La conférence de X est une conférence ..."): a gathering the
            # body then introduces with an indefinite article ("Une première rencontre ...") is another;
            # one the body introduces before naming it back ("X a effectué une visite ... À l'issue de la
            # visite") is the title's own, which the later definite mention was only read onto first
            later = [e for e in later if not (e.trigger.begin > named and _indefinite_noun(event_token(ctx, e)))]
            # nor one a mention of it frames ("En marge du sommet, X et Y se sont entretenus")
            framed = {id(f) for m in event.mentions
                      if (words := ctx.doc.char_span(m.begin, m.end, alignment_mode="expand")) is not None
                      and (f := framed_by(ctx, words.root)) is not None}
            later = [e for e in later if id(e) not in framed]
        if event in ctx.events and later:
            # the first told with the title's own word ("VISITE" -> "a fait une visite"), over a
            # gathering of another word told before it ("après avoir assisté au sommet")
            word = event_token(ctx, event).lemma_.lower()
            same = [e for e in later if event_token(ctx, e).lemma_.lower() == word]
            absorb(ctx, min(same or later, key=lambda e: e.trigger.begin), event)


def _indefinite_noun(token: Token) -> bool:
    """A noun introduced by "un", "une" or "des"."""
    det = determiner(token) if token.pos_ == "NOUN" else None
    return det is not None and det.lower_ in ("un", "une", "des")


def _clause_duration(ctx: Context, verb: Token) -> DurationValue | None:
    """The duration said in the clause of ``verb`` (its own words, not a nested clause's)."""
    clause = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl")
                                            for t in c.subtree}
    for t in ctx.times:
        if isinstance(t.value, DurationValue) and t.start in clause:
            return t.value
    return None


def _past(verb: Token) -> bool:
    return any("Past" in feature(t, "Tense") for t in [verb, *verb.children] if t.dep_ in ("aux", "ROOT")
               or t is verb)


def _merge_descriptions(ctx: Context) -> None:
    """The same proposal described again ("le plan présenté par X", "les propositions
    américaines") is one event; so are repeated mentions of "les pourparlers"."""
    kept: dict[tuple[str, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        token = event_token(ctx, event)
        descriptive = token.pos_ == "NOUN" or (token.dep_ in ("acl", "amod")
                                               and "Part" in feature(token, "VerbForm"))
        if not descriptive:
            continue
        if event.status != OCCURRED:
            # "la poursuite des consultations ... pour poursuivre les consultations": one plan
            if event.event_type not in GATHERINGS or token.pos_ != "NOUN":
                continue
            key = (event.event_type, ("future", token.lemma_.lower()))
            # "une visite officielle en X" (a singular indefinite) or a plan somewhere else
            # ("le prochain sommet au Caire ... la prochaine réunion à Athènes") is another one;
            # so is a plan told by another noun ("un entretien" to come is no "prochain sommet")
            det = determiner(token)
            if key in kept and (not event.participants or not kept[key].participants) \
                    and not (det is not None and det.lower_ in ("un", "une")) \
                    and places_agree(ctx, kept[key].places, event.places):
                absorb(ctx, kept[key], event)
            else:
                kept.setdefault(key, event)
            continue
        if event.event_type in GATHERINGS:
            if event.participants or event.agents or event.date is not None or not is_process(token):
                continue
            key = (event.event_type, ("process",))
        elif event.event_type == et("proposal") and event.agents:
            key = (event.event_type, tuple(sorted(event.agents)))
        else:
            continue
        if key in kept:
            absorb(ctx, kept[key], event)
        else:
            kept[key] = event


def _join_restatements(ctx: Context) -> None:
    """A readout that tells its call again ("Lors d'un entretien téléphonique qui a eu lieu ce
    jeudi 20 juin, X et Y ont échangé ...") after its lead ("X et son homologue ont abordé jeudi 20
    juin lors d'un entretien téléphonique ...") tells one happening: an occurred gathering on the
    very day of an earlier one, by the same channel, at no other place, whose people are the
    earlier one's or include them, is that gathering ("un nouvel entretien" is not). A talk between
    two people is no restatement of a gathering of many parties (cue:many-party-gathering: "le
    sommet", "la conférence") told before: it was held on its sidelines."""
    def persons(event: Event) -> set[str]:
        return {p.actor for p in event.participants if is_person(ctx, p.actor)}

    many = cue_words(ctx.lex, "many-party-gathering")

    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS or event.status != OCCURRED \
                or event.date is None or event.date.precision != "day" \
                or says_new(ctx, event_token(ctx, event)):
            continue
        framing = framed_by(ctx, event_token(ctx, event))  # "en marge du sommet": the frame, not a restatement
        for earlier in sorted(ctx.events, key=lambda e: -e.trigger.begin):
            if earlier.trigger.begin >= event.trigger.begin or earlier.event_type not in GATHERINGS \
                    or earlier.status != OCCURRED or earlier.date is None or earlier.date.iso != event.date.iso \
                    or earlier is framing or framed_by(ctx, event_token(ctx, earlier)) is event:
                continue  # "Le 15 mai, en marge du sommet, X et Y se sont entretenus": the frame is another
            mine, theirs = persons(event), persons(earlier)
            if mine and theirs and not (mine <= theirs or theirs <= mine):
                continue
            if len(mine) >= 2 and event_token(ctx, earlier).lemma_.lower() in many \
                    and event_token(ctx, event).lemma_.lower() not in many:
                continue  # "Le sommet de l'Union ... Mardi, A s'est entretenu avec B": a side talk, not the summit
            if earlier.channel == event.channel and places_agree(ctx, earlier.places, event.places) \
                    and not a_day_of_a_stay(ctx, earlier, event):
                absorb(ctx, earlier, event)
                break

