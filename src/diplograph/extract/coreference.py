"""Within-document event coreference: mentions of one happening become one event.

Every trigger gives an event mention; this stage decides which mentions refer to the
same real event and folds them together, so a document does not grow meetings that have
no participants. The folded mention's arguments (participants, places, date, duration,
topics) land on the event it refers to, and the event keeps its first trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.arguments import GATHERING_LIGHT_VERBS, HOST_VERBS, participant_of
from diplograph.extract.attendance import ATTEND_VERBS
from diplograph.extract.context import Context
from diplograph.extract.entities import PLACE_NOUNS
from diplograph.extract.kinds import GATHERINGS, OCCURRED, PLANNED, bound_words, cue_words, et
from diplograph.extract.syntax import (
    DURING_CASES,
    DURING_NOUNS,
    FRAMING_WORDS,
    actors_of,
    case_of,
    event_token,
    in_quote,
    subjects_of,
)
from diplograph.extract.triggers import remove_event
from diplograph.model import DurationValue, Event, Span, channels_agree

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSESSIVE = frozenset({"leur", "leurs", "nos", "notre", "ses", "sa", "son"})




def resolve_events(ctx: Context) -> None:
    """Fold the mentions of one happening into one event (``ctx.events`` shrinks)."""
    _merge_purposes(ctx)
    _merge_same_statement(ctx)
    _join_manner_nouns(ctx)
    _join_spans_of_time(ctx)
    _join_subject_nouns(ctx)
    _join_received_visitors(ctx)
    _join_later_mentions(ctx)
    _join_told_in_full(ctx)
    _join_planned_repeats(ctx)
    _continue_gatherings(ctx)
    _join_headings(ctx)
    _join_title_line(ctx)
    _merge_descriptions(ctx)
    _join_restatements(ctx)
    _join_main_meeting(ctx)
    _drop_kinds_of_gatherings(ctx)
    _most_specific_places(ctx)


def absorb(ctx: Context, keep: Event, gone: Event) -> None:
    """Move what ``gone`` knows into ``keep`` (same happening)."""
    have = {p.actor for p in keep.participants}
    for p in gone.participants:
        if p.actor not in have:
            keep.participants.append(p)
            have.add(p.actor)
    for field_name in ("places", "topics", "according_to", "targets"):
        values = getattr(keep, field_name)
        for v in getattr(gone, field_name):
            if v not in values:
                values.append(v)
    if keep.date is None or (gone.date is not None and _opening_and_closing(ctx, keep, gone)
                             and gone.date.iso < keep.date.iso):
        keep.date = gone.date  # a gathering over several days is dated by its first day
    if keep.duration is None:
        keep.duration = gone.duration
    if keep.channel is None:
        keep.channel = gone.channel
    if keep.host is None and gone.host in have:
        keep.host = gone.host  # "X, hôte de la réunion": the host named by a later mention
    spans = {keep.trigger, *keep.mentions, gone.trigger, *gone.mentions}
    first = min(spans)
    keep.trigger = first  # the event keeps the offset of its first trigger
    keep.mentions = sorted(spans - {first})
    ctx.events.remove(gone)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not gone}
    gone_span = ctx.doc.char_span(gone.trigger.begin, gone.trigger.end, alignment_mode="expand")
    ctx.event_at[gone_span.start] = keep



def _merge_purposes(ctx: Context) -> None:
    """"a reçu X pour discuter de Y": the infinitive of purpose is the same meeting; any
    other purpose infinitive ("pour parvenir à un accord") is an aim, not a happening.
    "se retrouver à Genève pour une nouvelle réunion": the noun is the same meeting.
    "se rendra jeudi à Riyad, où elle participera à une réunion": the gathering attended where
    the trip goes is the trip's occasion, the same happening (its status is the trip's)."""
    for event in list(ctx.events):
        token = event_token(ctx, event)
        if token.pos_ == "NOUN" and event.event_type in GATHERINGS and case_of(token) == "pour":
            other = ctx.event_at.get(token.head.i)
            if other is not None and other is not event and other in ctx.events \
                    and other.event_type in GATHERINGS:
                absorb(ctx, other, event)
                continue
        trip = _trip_attended(ctx, token) if event.event_type in GATHERINGS else None
        if trip is not None and trip is not event:
            absorb(ctx, trip, event)
            continue
        if "Inf" not in token.morph.get("VerbForm"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in token.children):
            continue
        head = token.head
        merged = False
        for _ in range(3):
            other = ctx.event_at.get(head.i)
            if other is not None and other is not event and other in ctx.events:
                if other.event_type in GATHERINGS and event.event_type in GATHERINGS:
                    absorb(ctx, other, event)
                    merged = True
                break
            if head.head.i == head.i:
                break
            head = head.head
        if not merged and event in ctx.events:
            if event.event_type in GATHERINGS:
                event.status = PLANNED  # "je serai à Bruxelles pour rencontrer X"
            else:
                remove_event(ctx, event)



def _trip_attended(ctx: Context, token: Token) -> Event | None:
    """The trip whose destination a relative "où" clause of attending opens: in "X se rendra à Y,
    où il participera à Z", Z's gathering is the trip's (the parser hangs the clause on the
    place or on the trip's verb)."""
    verb = token.head
    if token.pos_ != "NOUN" or verb.lemma_.lower() not in ATTEND_VERBS \
            or not any(c.lower_ == "où" for c in verb.children):
        return None
    for candidate in (verb.head, verb.head.head):
        other = ctx.event_at.get(candidate.i)
        if other is not None and other in ctx.events and other.event_type in GATHERINGS:
            return other
    return None


def _merge_same_statement(ctx: Context) -> None:
    """Several speech verbs of one speaker in one sentence are one statement."""
    statement = et("statement")
    seen: dict[tuple[int, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        if event.event_type != statement or not event.agents:
            continue
        key = (event.sentence.begin, tuple(event.agents))
        if key in seen:
            absorb(ctx, seen[key], event)
        else:
            seen[key] = event



_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
#: Verbs whose object names what their subject took part in: "ils ont eu un entretien", "ont tenu une
#: réunion". With a subject that names no one new, the indefinite noun is the gathering just told.
_HAVING_VERBS = frozenset({"avoir", "tenir"})
_DEFINITES = frozenset({"le", "la", "l'", "les"})
# "du", "au", "aux" are preposition + definite article in one word ("lors du sommet", "en
# marge du sommet"); spaCy tags them as the noun's case marker, with no det of their own.
_CONTRACTED = frozenset({"du", "au", "aux"})


def _says_new(ctx: Context, token: Token) -> bool:
    """"une nouvelle rencontre", "la prochaine réunion", "se sont de nouveau parlé": another occurrence.

    Any ordinal adjective counts ("la quatrième session", "le 12e cycle"): a numbered occurrence
    is one of a series, not the one just told (a demonstrative still points back: "ce premier
    échange", see _reference).
    """
    new = cue_words(ctx.lex, "new-occurrence")
    for c in token.children:
        if c.dep_ in ("amod", "advmod", "obl", "obl:mod", "nmod") and (c.lemma_.lower() in new or c.lower_ in new):
            return True
        if c.dep_ == "amod" and "Ord" in c.morph.get("NumType"):
            return True
    if token.pos_ == "NOUN" and token.dep_ == "nmod" and token.head.pos_ == "NOUN":
        # "la prochaine session du dialogue": the next occurrence of the process, not the talk just told
        return any(c.dep_ == "amod" and (c.lemma_.lower() in new or c.lower_ in new) for c in token.head.children)
    return False


def _determiner(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ in ("det", "nmod:poss") and c.i < token.i:
            return c
    for c in token.children:
        if c.dep_ == "case" and c.lower_ in _CONTRACTED and c.i < token.i:
            return c
        if c.dep_ == "case" and c.lower_ == "des" and c.i == token.i - 1 and _framed(token):
            return c  # "au cours des discussions": de + les, the talks just told
    return None


def _framed(token: Token) -> bool:
    """The noun closes a framing phrase: "au cours des discussions", "lors des entretiens"."""
    before = token.doc[token.i - 2] if token.i >= 2 else None
    return before is not None and before.lower_ in FRAMING_WORDS


def _reference(ctx: Context, token: Token) -> str | None:
    """How a gathering mention refers: "demonstrative" (ce, son), "definite" (la rencontre),
    "anaphoric" (a verb whose subject names no one new: "ils", "les deux ministres"),
    "repeated" (a verb naming the same people again), or None for a mention that starts an
    event (indefinite "une rencontre", "une autre réunion", a bare noun). A demonstrative points
    back even past an ordinal or "nouveau": "ce premier échange", "cette nouvelle rencontre" are
    the exchange and the meeting just told."""
    if token.pos_ in ("NOUN", "PROPN"):
        det = _determiner(token)
        if det is not None and det.lower_ in _DEMONSTRATIVES:
            return "demonstrative"
    if _says_new(ctx, token):
        return None
    if token.pos_ in ("NOUN", "PROPN"):
        det = _determiner(token)
        if token.dep_ == "obj" and token.head.lemma_ in _HAVING_VERBS and anaphoric_subject(ctx, token.head):
            return "anaphoric"  # "Les deux chefs d'État ont eu un entretien": the people just told, talking
        if det is None:
            return None
        word = det.lower_
        if word in _DEMONSTRATIVES or word in _POSSESSIVE:
            return "demonstrative"
        if word in _DEFINITES or word in _CONTRACTED or (word == "des" and _framed(token)):
            plural = "Plur" in token.morph.get("Number")
            if plural and token.dep_ not in ("nsubj", "nsubj:pass") and not _framed(token):
                return None  # "exploiter les pourparlers": the process, not the meeting just told
            if any(c.i in ctx.demonym_at for c in token.children if c.dep_ == "amod"):
                return None  # "la médiation turque" describes something of its own
            return "definite"
        return None
    if token.pos_ == "VERB":
        if anaphoric_subject(ctx, token):
            return "anaphoric"
        return "repeated"
    return None


def _upward(ctx: Context, place: str, told: dict[str, set[str]] | None = None) -> set[str]:
    """The place and every place it lies in: the gazetteer's dg:locatedIn, transitively, and
    what the text says (``told``: "à Niamey, au Niger")."""
    seen = {place}
    todo = [place]
    while todo:
        current = todo.pop()
        actor = ctx.lex.actors.get(current)
        around = set(actor.within) if actor is not None else set()
        around |= (told or {}).get(current, set())
        for up in sorted(around - seen):
            seen.add(up)
            todo.append(up)
    return seen


def _places_agree(ctx: Context, one: list[str], other: list[str]) -> bool:
    """No places, or a place of one is (in) a place of the other, or may be: a town the gazetteer
    does not know may lie in a country's territory ("se rendra en France ... La rencontre aura lieu
    au Havre")."""
    if not one or not other:
        return True

    def core(places: list[str]) -> list[str]:
        return [p for p in places if not _building(ctx, p)] or places

    one, other = core(one), core(other)  # a building agrees through the city told with it

    def may_lie_in(place: str, territory: str) -> bool:
        return place not in ctx.lex.actors and (ctx.lex.territory_state(territory) is not None
                                                or _building(ctx, place))

    return any(_upward(ctx, a) & set(other) or _upward(ctx, b) & set(one)
               or may_lie_in(a, b) or may_lie_in(b, a) for a in one for b in other)


def _building(ctx: Context, place: str) -> bool:
    """A place named as a building ("au palais de X", "l'hôtel Y") that the gazetteer does not
    know: it may lie in the city of the gathering ("réunis à Lima ... au palais de X")."""
    entity = ctx.entities.get(place)
    words = entity.label.lower().split() if entity is not None and entity.kind == "place" else []
    return bool(words) and words[0] in PLACE_NOUNS


def _places_identify(ctx: Context, one: list[str], other: list[str]) -> bool:
    """Both name a place more specific than a state's territory: a city or a venue singles out
    a gathering, "en Turquie" does not (a series of talks "tenues en Turquie" is not each
    round held in Istanbul)."""
    def specific(places: list[str]) -> bool:
        return any(ctx.lex.territory_state(p) is None for p in places)

    return specific(one) and specific(other)


#: Words that may stand between a place and the territory it lies in: "à Niamey, au Niger".
_APPOSED = frozenset({",", "au", "aux", "en", "à", "dans", "le", "la", "l'", "l’"})


def _told_within(ctx: Context) -> dict[str, set[str]]:
    """Places the text puts inside a state's territory by apposition ("à Asunción, au Paraguay",
    "Colonia del Sacramento, en Uruguay"): place -> territories."""
    told: dict[str, set[str]] = {}
    mentions = sorted((m for m in ctx.mentions if m.place), key=lambda m: m.start)
    for before, after in zip(mentions, mentions[1:], strict=False):
        if ctx.lex.territory_state(after.place) is None or before.place == after.place:
            continue
        between = ctx.doc[before.end:after.start]
        if len(between) and between[0].text == "," and all(t.lower_ in _APPOSED for t in between):
            told.setdefault(before.place, set()).add(after.place)
    return told


def _most_specific_places(ctx: Context) -> None:
    """An event's places are the most specific ones it names: a state's territory that holds
    another place of the event ("se rendre à Niamey, au Niger"; "à Moscou ... en Russie") goes,
    the city stays. Venues and cities are both kept (a palace may not be known to lie anywhere)."""
    told = _told_within(ctx)
    for event in ctx.events:
        if len(event.places) < 2:
            continue
        inner = {p: _upward(ctx, p, told) - {p} for p in event.places}
        event.places = [p for p in event.places
                        if ctx.lex.territory_state(p) is None or not any(p in inner[q] for q in event.places if q != p)]


def _same_status(one: str, other: str) -> bool:
    return (one == OCCURRED) == (other == OCCURRED)


def _untensed(token: Token) -> bool:
    """A gathering noun no past tense tells ("Lors de cette réunion, les alliés devront ..."): its
    "occurred" is only the default, so a demonstrative may point at a gathering to come."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            tensed = [node, *(c for c in node.children if c.dep_.startswith("aux"))]
            return not any("Past" in t.morph.get("Tense") or "Imp" in t.morph.get("Tense")
                           or "Part" in t.morph.get("VerbForm") for t in tensed)
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def _compatible(ctx: Context, antecedent: Event, event: Event, how: str) -> bool:
    """Can ``event`` be a further mention of ``antecedent``? Kind, status, date, place, people."""
    if antecedent.event_type not in GATHERINGS:
        return False
    if not _same_status(antecedent.status, event.status) and not (
            how == "demonstrative" and event.status == OCCURRED and antecedent.status != OCCURRED
            and _untensed(event_token(ctx, event))):
        return False
    if antecedent.date is not None and event.date is not None and not (
            antecedent.date.iso.startswith(event.date.iso) or event.date.iso.startswith(antecedent.date.iso)) \
            and not _opening_and_closing(ctx, antecedent, event):
        return False
    if not _places_agree(ctx, antecedent.places, event.places) or not channels_agree(
            antecedent.channel, bool(antecedent.host), event.channel, bool(event.host)):
        return False
    if event.date is not None and event.date.precision == "day" and antecedent.date is None \
            and is_process(event_token(ctx, antecedent)):
        return False  # "Les négociations ont repris le 16 mai" is a round of "les pourparlers", not all of them
    theirs = {p.actor for p in antecedent.participants} | set(antecedent.agents)
    mine = {p.actor for p in event.participants} | set(event.agents)
    if how == "repeated":  # "X et Y se sont entretenus" after "X a reçu Y": the same people again
        if bool(mine) and mine <= theirs and (len(mine) >= 2 or _pronoun_subject(ctx, event)):
            return True
        return _receives_the_visitor(ctx, antecedent, event, mine, theirs)
    if how in ("demonstrative", "definite") and event.host is not None and mine <= theirs | {event.host} \
            and event.date is None and not event.places:
        return True  # "X, hôte de la réunion": names who hosted the gathering told, not another one
    if mine - theirs:
        # a demonstrative may add someone to people already there ("cet entretien avec X");
        # a definite or demonstrative noun may name the people of a gathering told only by
        # collectives ("Les dirigeants de l'Union se sont réunis ... X, hôte de la réunion")
        if how in ("demonstrative", "definite") and not any(_is_person(ctx, a) for a in theirs):
            return True
        if how in ("demonstrative", "definite") and antecedent.sentence == event.sentence \
                and event_token(ctx, event).dep_ == "nmod" \
                and event_token(ctx, event).head.lower_ not in FRAMING_WORDS and all(
                (e := ctx.entities.get(a)) is not None and e.kind == "org" for a in mine - theirs):
            # "a annoncé lors du sommet de Johannesburg que la déclaration du sommet des dirigeants
            # du G20 ...": in one sentence, the organisation says whose summit it is, not who else came
            return True
        return how == "demonstrative" and bool(mine & theirs)
    if how == "definite" and (mine or event.places or event.date is not None):
        # "la visite du président à Pékin en décembre": a definite noun that says who, where
        # or when refers back only to a gathering that shares one of them
        return bool(mine & theirs) or _places_identify(ctx, antecedent.places, event.places) \
            or (event.date is not None and antecedent.date is not None)
    return True


def _opening_and_closing(ctx: Context, one: Event, other: Event) -> bool:
    """"ont lancé le sommet mardi ... ont clôturé mercredi leur sommet": the days a verb of opening
    or closing gives are the first and the last of one gathering (a week at most apart)."""
    from datetime import date

    if one.date is None or other.date is None or len(one.date.iso) != 10 or len(other.date.iso) != 10:
        return False
    bounds = bound_words(ctx.lex)
    if not any(event_token(ctx, e).head.lemma_.lower() in bounds for e in (one, other)):
        return False
    days = abs((date.fromisoformat(one.date.iso) - date.fromisoformat(other.date.iso)).days)
    return 0 < days <= 7


def _receives_the_visitor(ctx: Context, antecedent: Event, event: Event, mine: set[str], theirs: set[str]) -> bool:
    """"X se rendra lundi au Sénégal ... À Dakar, X sera reçu par le président Y": the reception
    of someone of a gathering that had no host yet, by a host it had not named, is that
    gathering with its host (a visit is told by the visitor's move, then by who receives him)."""
    if event_token(ctx, event).lemma_.lower() not in HOST_VERBS or event.host is None or antecedent.host is not None:
        return False
    guests = mine - {event.host}
    if any(_is_person(ctx, a) for a in theirs - guests):
        return False  # "X a eu un entretien avec Y. Le même jour, X a été reçu par Z": a second meeting
    return bool(guests) and guests <= theirs and mine - theirs == {event.host}


def _is_person(ctx: Context, actor: str) -> bool:
    entity = ctx.entities.get(actor)
    return entity is not None and entity.kind == "person"


def _pronoun_subject(ctx: Context, event: Event) -> bool:
    """"il entend discuter ...": a pronoun subject names one of the people just told."""
    return any(t.lower_.strip("-") in ("il", "elle") for t in subjects_of(ctx, event_token(ctx, event)))


def _last_mention(event: Event) -> int:
    return max([event.trigger.begin, *(m.begin for m in event.mentions)])


def _antecedent(ctx: Context, event: Event, how: str) -> Event | None:
    """The gathering ``event`` refers back to: the latest compatible one told before it.

    A verb whose subject names no one new, or names the same people again, continues what
    was just told (the previous two sentences); a definite or demonstrative noun ("la
    rencontre", "ces entretiens") may reach further back, across intertitles. A definite
    noun names first the meeting the document is about when it fits ("la rencontre" after
    a paragraph of background still means the main meeting); a demonstrative points at
    the latest one told.
    """
    begin = event.trigger.begin
    if how == "definite":  # "la quatrième session ... À l'issue de la session": the same noun just told
        lemma = event_token(ctx, event).lemma_.lower()
        window = _window_start(ctx, begin, 2)
        same_noun = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                     and window <= e.trigger.begin < begin and event_token(ctx, e).lemma_.lower() == lemma]
        for candidate in sorted(same_noun, key=lambda e: -e.trigger.begin):
            if _compatible(ctx, candidate, event, how):
                return candidate
        main = main_event(ctx)
        if main is not None and main is not event and main.trigger.begin < begin \
                and _compatible(ctx, main, event, how):
            return main
    # a verb naming the same people again may reach a little further back than a pronoun:
    # "X a effectué une visite ... Il était accompagné de ... À son arrivée, X a été accueilli par Y"
    window = _window_start(ctx, begin, 2 if how == "anaphoric" else 3) if how in ("anaphoric", "repeated") else 0
    framing = _framed_by(ctx, event_token(ctx, event))
    candidates = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                  and e.trigger.begin < begin and _last_mention(e) >= window and e is not framing]
    order = sorted(candidates, key=lambda e: -_last_mention(e))
    if how == "definite":  # "du sommet" goes back to a "sommet" before "des réunions" told since
        noun = event_token(ctx, event).lemma_.lower()
        order.sort(key=lambda e: noun not in _noun_lemmas(ctx, e))
    for candidate in order:
        if _compatible(ctx, candidate, event, how):
            return candidate
    if how == "demonstrative":  # "Contexte / Ces entretiens s'inscrivent ...": the main meeting
        main = main_event(ctx)
        if main is not None and main is not event and main.trigger.begin < begin \
                and _compatible(ctx, main, event, how):
            return main
    return None


def _drop_kinds_of_gatherings(ctx: Context) -> None:
    """"la junte restant exclue des réunions au niveau politique": a plural gathering noun that only
    completes an adjective or a participle, with nobody, no date, no place and no later mention,
    names a kind of gathering, not one that happened."""
    for event in list(ctx.events):
        token = event_token(ctx, event)
        if event.event_type not in GATHERINGS or token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number") \
                or event.participants or event.date is not None or event.places or event.mentions:
            continue
        head = token.head
        # an adjective or a participle of state ("exclu des", "restant exclue des"), not a verb of
        # doing with "avoir" ("a participé aux réunions")
        if head.i != token.i and (head.pos_ == "ADJ" or ("Part" in head.morph.get("VerbForm") and not any(
                c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in head.children))) \
                and head.i not in ctx.event_at:
            remove_event(ctx, event)


def _noun_lemmas(ctx: Context, event: Event) -> set[str]:
    """The nouns an event has been told by ("sommet", "rencontre")."""
    found = set()
    for span in (event.trigger, *event.mentions):
        words = ctx.doc.char_span(span.begin, span.end, alignment_mode="expand")
        if words is not None:
            found |= {t.lemma_.lower() for t in words if t.pos_ == "NOUN"}
    return found


def _framed_by(ctx: Context, token: Token) -> Event | None:
    """"Ils se reverront en marge du sommet", "a rencontré X lors de la conférence": the event
    of the verb a "during" noun frames; the framing gathering is never that event."""
    head = token.head
    if head.lemma_.lower() in DURING_NOUNS:
        head = head.head
    elif not any(c.dep_ == "case" and c.lower_ in DURING_CASES for c in token.children):
        return None
    return ctx.event_at.get(head.i)


def _window_start(ctx: Context, offset: int, sentences: int) -> int:
    """Start of the ``sentences``-th sentence before ``offset`` (headings do not count)."""
    headings = {s.heading.begin for s in ctx.source.sections if s.heading is not None}
    before = [s for s in ctx.source.sentences if s.end <= offset and s.begin not in headings
              and any(ch.isalpha() for ch in s.text)]  # a point number ("2.") is no sentence
    return before[-sentences:][0].begin if before else offset


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
        how = _reference(ctx, token)
        if how is None:
            continue
        target = _antecedent(ctx, event, how)
        if target is not None:
            absorb(ctx, target, event)


def _join_told_in_full(ctx: Context) -> None:
    """"La visite officielle du Président X à Y a été sanctionnée par un communiqué ... X a
    effectué une visite officielle à Y du 26 au 28 janvier": a communiqué names the gathering as
    known, with the definite article and no date, then tells it in full as "une visite"; the
    same noun with a person of the first, at an agreeing place and in the same status, is it."""
    # the lead: the first sentence of the body that is no heading
    lead_end = next((s.end_char for s in ctx.sentences if s.text.strip()
                     and not any(t.i in ctx.heading_tokens for t in s)), 0)
    for event in sorted(list(ctx.events), key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        det = _determiner(token) if token.pos_ == "NOUN" else None
        if det is None or det.lower_ not in ("un", "une") or _says_new(ctx, token) \
                or token.dep_ != "obj" or token.head.lemma_ not in GATHERING_LIGHT_VERBS:
            continue
        people = {p.actor for p in event.participants if _is_person(ctx, p.actor)}
        for earlier in sorted(ctx.events, key=lambda e: e.trigger.begin):
            if earlier is event or earlier.trigger.begin >= min(event.trigger.begin, lead_end) \
                    or earlier.date is not None \
                    or earlier.event_type != event.event_type or not _same_status(earlier.status, event.status):
                continue
            first = event_token(ctx, earlier)
            told = _determiner(first) if first.pos_ == "NOUN" else None
            if told is None or told.lower_ not in _DEFINITES or first.lemma_ != token.lemma_ \
                    or not any(t.pos_ in ("VERB", "AUX") for t in ctx.sent_of(first)):
                continue  # a verbless title line is read by _join_title_line
            if people & {p.actor for p in earlier.participants} and earlier.places and event.places \
                    and _places_agree(ctx, earlier.places, event.places):
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
                    and _compatible(ctx, earlier, event, "definite"):
                absorb(ctx, earlier, event)
                break


def _join_subject_nouns(ctx: Context) -> None:
    """"Le sommet réunira X", "La rencontre s'est tenue à Y", "la réunion de Riyad, où X et Y
    ont discuté": a gathering verb whose subject is a gathering noun, or in a relative clause
    on one, tells the same event; the noun keeps it, the verb adds to it."""
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "VERB":
            continue
        heads = list(subjects_of(ctx, token))
        # "X, hôte de la réunion, a accueilli ...": the subject is named by its part in a
        # gathering told before; the verb is that gathering
        heads += [g for h in list(heads) for a in h.children if a.dep_ in ("appos", "conj")
                  for b in (a, *(c for c in a.children if c.dep_ in ("appos", "conj") and c.pos_ == "NOUN"))
                  for g in b.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and b.pos_ == "NOUN"]
        if token.dep_ == "acl:relcl":  # "la réunion de Riyad, où X et Y avaient discuté du plan"
            heads.append(token.head)
        # "qui accueillera le prochain sommet", "a reçu la visite de X", "a participé au
        # sommet": a gathering verb whose object is a gathering noun is that gathering
        heads.extend(c for c in token.children if c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN")
        # "s'est entretenu en tête-à-tête", "se sont réunis en visioconférence": the manner
        heads.extend(c for c in token.children if c.dep_.startswith("obl") and c.pos_ == "NOUN"
                     and any(g.dep_ == "case" and g.lower_ == "en" for g in c.children)
                     and _determiner(c) is None)
        for head in heads:
            noun = ctx.event_at.get(head.i)
            if noun is not None and noun is not event and noun in ctx.events and noun.event_type in GATHERINGS:
                absorb(ctx, noun, event)
                break


def _join_received_visitors(ctx: Context) -> None:
    """"la visite en Argentine du Premier ministre X, reçu en juillet par le président Y": a
    reception participle set off by a comma after the visitor's name, in the noun phrase of a
    gathering (no verb in between), tells that gathering: the visitor and the host join it.

    Read off the word order: the parser attaches such a participle anywhere (to the name, to the
    country, to the main verb), but the French construction is fixed."""
    doc = ctx.doc
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        token = event_token(ctx, event)
        if event not in ctx.events or event.event_type not in GATHERINGS or token.lemma_.lower() not in HOST_VERBS \
                or "Part" not in token.morph.get("VerbForm") or token.i < 2 or doc[token.i - 1].text != "," \
                or any(c.dep_.startswith("aux") for c in token.children):
            continue
        guest = next((m for m in ctx.mentions if m.end == token.i - 1 and m.kind == "person"), None)
        if guest is None:
            continue
        sentence = ctx.sent_of(token)
        visit = None
        for i in range(guest.start - 1, sentence.start - 1, -1):
            if doc[i].pos_ in ("VERB", "AUX"):
                break
            other = ctx.event_at.get(i)
            if other is not None and other is not event and other in ctx.events and doc[i].pos_ == "NOUN" \
                    and other.event_type in GATHERINGS and _same_status(other.status, event.status):
                visit = other
                break
        if visit is None:
            continue
        if guest.iri not in {p.actor for p in visit.participants}:
            visit.participants.append(participant_of(ctx, guest.iri, visit.sentence))
        absorb(ctx, visit, event)


def _continue_gatherings(ctx: Context) -> None:
    """"Ils ont également évoqué X", "cet échange", "les échanges ont porté sur": further
    mentions of the gathering just told, by words that start no event of their own."""
    talk, back = cue_words(ctx.lex, "continuation"), cue_words(ctx.lex, "back-reference")
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if token.i in ctx.trigger_heads or token.i in ctx.heading_tokens or in_quote(ctx, token):
            continue
        if token.pos_ == "VERB" and lemma in talk and token.dep_ in ("ROOT", "conj", "parataxis") \
                and anaphoric_subject(ctx, token):
            how = "anaphoric"
        elif token.pos_ == "NOUN" and lemma in back and not _says_new(ctx, token) \
                and _reference(ctx, token) in ("demonstrative", "definite"):
            how = "demonstrative"
        else:
            continue
        target = _told_before(ctx, token.idx)
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


def _join_manner_nouns(ctx: Context) -> None:
    """"un entretien en tête-à-tête": a gathering noun after "en", without determiner, says how the
    gathering it modifies went; it is that gathering, not a second one."""
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.dep_ != "nmod" or _determiner(token) is not None \
                or not any(c.dep_ == "case" and c.lower_ == "en" for c in token.children):
            continue
        head = ctx.event_at.get(token.head.i)
        if head is not None and head is not event and head in ctx.events and head.event_type in GATHERINGS:
            absorb(ctx, head, event)


def _join_spans_of_time(ctx: Context) -> None:
    """"ont clos leur sommet au terme de deux jours de discussions": a gathering noun without a
    determiner completing a duration the dates stage read ("deux jours de ...") tells how long the
    gathering of its sentence lasted; it is that gathering, not a second one."""
    durations = [t for t in ctx.times if isinstance(t.value, DurationValue)]
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.dep_ != "nmod" or _determiner(token) is not None \
                or not any(t.start <= token.head.i < t.end for t in durations) \
                or not any(c.dep_ == "case" and c.lower_ in ("de", "d'") for c in token.children):
            continue
        sentence = ctx.sent_of(token)
        others = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                  and sentence.start_char <= e.trigger.begin < sentence.end_char]
        if others:
            absorb(ctx, min(others, key=lambda e: abs(e.trigger.begin - event.trigger.begin)), event)


def _join_title_line(ctx: Context) -> None:
    """A title line repeated at the top of the body ("Communiqué conjoint à l'issue de la visite
    d'État du Président de X en Y"), too long to be read as a heading, names the gathering the
    body then tells ("X a effectué une visite d'État en Y"): the first gathering of the same
    kind told after it is that one. Only a first paragraph of one line without a final full
    stop is a title line."""
    paragraphs = ctx.source.paragraphs
    if not paragraphs:
        return
    first = paragraphs[0]
    line = ctx.text[first.begin:first.end].strip()
    if not line or "\n" in line or line[-1] in ".!?»”\"":
        return
    titled = [e for e in ctx.events if e.event_type in GATHERINGS and first.begin <= e.trigger.begin < first.end]
    for event in titled:
        later = [e for e in ctx.events if e.trigger.begin >= first.end and e.event_type == event.event_type
                 and _same_status(e.status, event.status) and _places_agree(ctx, e.places, event.places)]
        if event in ctx.events and later:
            absorb(ctx, min(later, key=lambda e: e.trigger.begin), event)


def _told_before(ctx: Context, begin: int) -> Event | None:
    """The gathering a continuation refers to: the latest one told with people in it (the
    previous two sentences first, then anywhere before), else the latest one just told."""
    told = sorted((e for e in ctx.events if e.event_type in GATHERINGS and e.trigger.begin < begin),
                  key=lambda e: -_last_mention(e))
    window = _window_start(ctx, begin, 2)
    recent = [e for e in told if _last_mention(e) >= window]
    # recent gatherings told by a verb of their own first ("X s'est entretenu avec Y ... adopté
    # lors de la visite de X en novembre. L'échange a ensuite porté": the call; a visit named in
    # passing is background), then one told with two people in it, then between any two parties
    recent.sort(key=lambda e: event_token(ctx, e).pos_ != "VERB")
    for least in (lambda e: sum(_is_person(ctx, p.actor) for p in e.participants) >= 2,
                  lambda e: len({p.actor for p in e.participants}) >= 2):
        for group in (recent, told):
            for event in group:
                if least(event):
                    return event
    return recent[0] if recent else None


def _clause_duration(ctx: Context, verb: Token) -> DurationValue | None:
    """The duration said in the clause of ``verb`` (its own words, not a nested clause's)."""
    clause = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl")
                                            for t in c.subtree}
    for t in ctx.times:
        if isinstance(t.value, DurationValue) and t.start in clause:
            return t.value
    return None


def _past(verb: Token) -> bool:
    return any("Past" in t.morph.get("Tense") for t in [verb, *verb.children] if t.dep_ in ("aux", "ROOT")
               or t is verb)


def anaphoric_subject(ctx: Context, verb: Token) -> bool:
    """"Les deux ministres", "ils", "les dirigeants": a subject that names no one new."""
    for subject in subjects_of(ctx, verb):
        if subject.lower_ in ("ils", "elles"):
            return True
        det = [c.lower_ for c in subject.children if c.dep_ in ("det", "nummod")]
        if subject.pos_ == "NOUN" and det[:1] in (["les"], ["ces"]) and not ctx.by_token.get(subject.i):
            return True
    return False


def _merge_descriptions(ctx: Context) -> None:
    """The same proposal described again ("le plan présenté par X", "les propositions
    américaines") is one event; so are repeated mentions of "les pourparlers"."""
    kept: dict[tuple[str, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        token = event_token(ctx, event)
        descriptive = token.pos_ == "NOUN" or (token.dep_ in ("acl", "amod")
                                               and "Part" in token.morph.get("VerbForm"))
        if not descriptive:
            continue
        if event.status != OCCURRED:
            # "la poursuite des consultations ... pour poursuivre les consultations": one plan
            if event.event_type not in GATHERINGS or token.pos_ != "NOUN":
                continue
            key = (event.event_type, ("future",))
            # "une visite officielle en X" (a singular indefinite) or a plan somewhere else
            # ("le prochain sommet au Caire ... la prochaine réunion à Athènes") is another one
            det = _determiner(token)
            if key in kept and (not event.participants or not kept[key].participants) \
                    and not (det is not None and det.lower_ in ("un", "une")) \
                    and _places_agree(ctx, kept[key].places, event.places):
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
    earlier one's or include them, is that gathering ("un nouvel entretien" is not)."""
    def persons(event: Event) -> set[str]:
        return {p.actor for p in event.participants if _is_person(ctx, p.actor)}

    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS or event.status != OCCURRED \
                or event.date is None or event.date.precision != "day" \
                or _says_new(ctx, event_token(ctx, event)):
            continue
        for earlier in sorted(ctx.events, key=lambda e: -e.trigger.begin):
            if earlier.trigger.begin >= event.trigger.begin or earlier.event_type not in GATHERINGS \
                    or earlier.status != OCCURRED or earlier.date is None or earlier.date.iso != event.date.iso:
                continue
            mine, theirs = persons(event), persons(earlier)
            if mine and theirs and not (mine <= theirs or theirs <= mine):
                continue
            if earlier.channel == event.channel and _places_agree(ctx, earlier.places, event.places):
                absorb(ctx, earlier, event)
                break


def is_process(token: Token) -> bool:
    """"les pourparlers", "aux discussions": a plural definite noun names the process."""
    if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number"):
        return False
    det = [c for c in token.children if c.dep_ == "det"]
    if det and det[0].lower_ in ("les", "ces"):
        return True
    return any(c.dep_ == "case" and c.lower_ in ("aux", "des") for c in token.children)



def _sentence_at(ctx: Context, offset: int) -> Span | None:
    return next((s for s in ctx.source.sentences if s.begin <= offset < s.end), None)



def _gathering_before(ctx: Context, offset: int, state: str | None) -> Event | None:
    """The latest occurred gathering before ``offset`` that a delegation of ``state`` can be part of.

    A gathering told in the same sentence comes first: "La première session a réuni la
    délégation X, conduite par A, et la délégation Y, dirigée par B" seats A and B there.
    """
    sentence = _sentence_at(ctx, offset)
    if sentence is not None:
        here = [e for e in ctx.events if e.event_type in GATHERINGS and e.status == OCCURRED
                and sentence.begin <= e.trigger.begin < offset]
        if here:
            return max(here, key=lambda e: e.trigger.begin)
    for event in sorted(ctx.events, key=lambda e: -e.trigger.begin):
        if event.trigger.begin >= offset or event.event_type not in GATHERINGS or event.status != OCCURRED:
            continue
        sides = {p.side for p in event.participants} | {p.actor for p in event.participants}
        if not event.participants or state is None or state in sides:
            return event
    return None



def _join_main_meeting(ctx: Context) -> None:
    """Members of a delegation and people accompanying a participant join the main meeting.

    "La délégation russe comprenait X, Y et Z" and "W était présent, accompagné de V"
    describe who sat at the main meeting when the sentence has no meeting of its own.
    """
    main = main_event(ctx)
    if main is None:
        return
    for delegation, offset, members in ctx.memberships:
        entity = ctx.entities.get(delegation)
        state = entity.affiliation if entity is not None else None
        target = _gathering_before(ctx, offset, state) or main
        have = {p.actor for p in target.participants}
        for person in members:
            if person not in have:
                target.participants.append(participant_of(ctx, person, _sentence_at(ctx, offset)))
                have.add(person)
    have = {p.actor for p in main.participants}
    for token in ctx.doc:
        if token.lemma_ != "accompagner" or token.i in ctx.heading_tokens:
            continue
        sentence = ctx.sent_of(token)
        other = [e for i, e in ctx.event_at.items() if sentence.start <= i < sentence.end
                 and e.event_type in GATHERINGS and e is not main]
        if other:
            continue
        companions_of = [a for a in actors_of(ctx, token.head) if a in have] if token.dep_ in ("acl", "advcl") \
            else []
        if not companions_of and token.dep_ == "advcl":
            companions_of = [a for s in subjects_of(ctx, token.head) for a in actors_of(ctx, s) if a in have]
        if not companions_of and token.dep_ == "ROOT":  # "Le Premier ministre X était accompagné de Y et de Z"
            companions_of = [a for c in token.children if c.dep_ == "nsubj:pass" for a in actors_of(ctx, c)
                             if a in have]
        if not companions_of:
            continue
        for c in token.children:
            if c.dep_.startswith(("obl", "nmod")) or c.dep_ == "obj":
                # everyone named in the complement: "accompagné de Mme X, Secrétaire d'État, et de M. Y"
                named = [m.iri for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.kind == "person"
                         and m.start == t.i]
                for actor in dict.fromkeys(actors_of(ctx, c) + named):
                    if actor not in have:
                        participant = participant_of(ctx, actor, _sentence_at(ctx, token.idx))
                        if participant.side is None:
                            participant.side = ctx.sides.get(companions_of[0])
                        main.participants.append(participant)
                        have.add(actor)



def main_event(ctx: Context) -> Event | None:
    """The document's main event: its first occurred meeting (or negotiation) with participants."""
    for types in ((et("meeting"),), (et("meeting"), et("negotiation"))):
        for event in ctx.events:
            if event.event_type in types and event.status == OCCURRED and len(event.participants) >= 2:
                return event
    for event in ctx.events:
        if event.event_type in (et("meeting"), et("negotiation")) and event.status == OCCURRED:
            return event
    return None
