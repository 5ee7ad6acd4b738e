"""Deciding that a later mention tells the same happening as an event told before.

Coreference folds mentions; this module holds the judgement it rests on: do two mentions
agree in kind, status, date, place, channel and people (:func:`compatible`), which earlier
event a referring mention points back to (:func:`antecedent_event`, :func:`told_before`),
and which event the document is about (:func:`main_event`). Relations between events use
the main event too, which is why it is not buried in the folding code.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token, guest_of, guests_stay, in_purpose
from diplograph.extract.context import Context
from diplograph.extract.dates import ordinal_rank
from diplograph.extract.kinds import GATHERINGS, OCCURRED, bound_words, cue_words, et
from diplograph.extract.place_agreement import narrows_territory, places_agree, places_identify
from diplograph.extract.reference import (
    POSSESSIVE,
    anaphoric_subject,
    attended,
    determiner,
    is_process,
    not_attended,
)
from diplograph.extract.syntax import DURING_CASES, DURING_NOUNS, FRAMING_WORDS, subjects_of
from diplograph.extract.token_view import auxiliaries, feature, token_view
from diplograph.extract.venue_gatherings import venue_name
from diplograph.model import Event, channels_agree

if TYPE_CHECKING:
    from spacy.tokens import Token


def same_status(one: str, other: str) -> bool:
    return (one == OCCURRED) == (other == OCCURRED)


def _untensed(token: Token) -> bool:
    """A gathering noun no past tense tells ("Lors de cette réunion, les alliés devront ..."): its
    "occurred" is only the default, so a demonstrative may point at a gathering to come."""
    node = token
    for _ in range(4):
        if node.lemma_ == "agir" and any(c.lower_ in ("s'", "s’", "se") for c in node.children):
            return True  # "Il s'agit d'une simple rencontre": presents what was told (the tagger may read a past)
        if node.pos_ in ("VERB", "AUX"):
            tensed = [node, *auxiliaries(node)]
            return not any("Past" in feature(t, "Tense") or "Imp" in feature(t, "Tense")
                           or "Part" in feature(t, "VerbForm") for t in tensed)
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def _kind_words(noun: Token) -> set[str]:
    """"une visite de courtoisie", "sa visite d'État", "une visite de travail": the bare "de" nouns
    that say what kind of gathering it is (no article: "de la délégation" names someone)."""
    return {c.lemma_.lower() for c in noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN"
            and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’") for g in c.children)
            and not any(g.dep_ == "det" for g in c.children)}


def _other_kind(told: Token, now: Token) -> bool:
    """"a rendu une visite de courtoisie au président de l'Assemblée ... au terme de sa visite d'État": the
    same noun qualified by two different kinds, or ranked by two different ordinals, tells two gatherings."""
    if told.pos_ != "NOUN" or now.pos_ != "NOUN" or told.lemma_.lower() != now.lemma_.lower():
        return False
    # "Le premier sommet s'était tenu à Caracas ... ce deuxième sommet": two ranks, two gatherings
    ranks = [{ordinal_rank(c) for c in noun.children if c.dep_ == "amod"} - {None} for noun in (now, told)]
    if ranks[0] and ranks[1] and not ranks[0] & ranks[1]:
        return True
    mine, theirs = _kind_words(now), _kind_words(told)
    return bool(mine) and bool(theirs) and not mine & theirs


def _still_going(ctx: Context, antecedent: Event, event: Event, how: str) -> bool:
    """"Le sommet s'est ouvert samedi ... Le sommet s'achèvera dimanche", "... Le sommet se
    déroulera sous le thème X": a gathering under way on the day of publication is told in the
    future for what it has still to do. A bare definite mention in the future is that gathering
    when it closes it within the week, or says nothing (no day, place or people) of its own."""
    if how != "definite" or antecedent.status != OCCURRED or event.status == OCCURRED:
        return False
    if opening_and_closing(ctx, antecedent, event):
        return True
    published = ctx.source.published
    return published is not None and antecedent.date is not None and antecedent.date.iso == published.isoformat() \
        and event.date is None and not event.places and not event.participants and not event.agents


def compatible(ctx: Context, antecedent: Event, event: Event, how: str) -> bool:
    """Can ``event`` be a further mention of ``antecedent``? Kind, status, date, place, people."""
    if antecedent.event_type not in GATHERINGS:
        return False
    if how in ("definite", "demonstrative") and _other_kind(event_token(ctx, antecedent), event_token(ctx, event)):
        return False
    told_at, said_at = venue_name(ctx, event_token(ctx, antecedent)), venue_name(ctx, event_token(ctx, event))
    if told_at is not None and said_at is not None and told_at != said_at:
        return False  # "la conférence de Yalta ... Elle fut précédée de la conférence de Téhéran"
    # "sont arrivés à Lomé pour participer au sommet": the summit told (not "pour préparer le sommet",
    # which is the meeting's aim, another gathering)
    purpose = how == "definite" and in_purpose(event_token(ctx, event)) and attended(ctx, event_token(ctx, event))
    # "Lula organisera une réunion ... X n'a pas pu assister à la réunion": missing it tells nothing of
    # when the gathering is, so the tense of that verb does not set it apart from the one told
    purpose = purpose or (how == "definite" and attended(ctx, event_token(ctx, event))
                          and not_attended(ctx, event_token(ctx, event).head))
    if not same_status(antecedent.status, event.status) and not (
            how == "demonstrative" and event.status == OCCURRED and antecedent.status != OCCURRED
            and _untensed(event_token(ctx, event))) and not _still_going(ctx, antecedent, event, how) \
            and not purpose and not _complement_of_thing(ctx, antecedent, event, how):
        return False
    if antecedent.date is not None and event.date is not None and not purpose and not (
            antecedent.date.iso.startswith(event.date.iso) or event.date.iso.startswith(antecedent.date.iso)) \
            and not opening_and_closing(ctx, antecedent, event):
        return False
    if a_day_of_a_stay(ctx, antecedent, event) or _talk_within_a_stay(ctx, antecedent, event, how):
        return False
    # "Le sommet de 2022 s'est tenu à Accra. En 2019, il rassemble ...": a restatement in another
    # year than the one the gathering's own noun names is not that gathering
    told, said = year_of(ctx, antecedent), year_of(ctx, event)
    if told is not None and said is not None and told != said and not purpose:
        return False
    if not places_agree(ctx, antecedent.places, event.places) or not channels_agree(
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
        told = event_token(ctx, antecedent)
        if len(theirs) == 1 and theirs <= mine and told.pos_ == "NOUN" and "Plur" in feature(told, "Number"):
            return True  # "X a mené une série d'entretiens avec ses homologues ... X s'est entretenu avec A, B, C"
        return _receives_the_visitor(ctx, antecedent, event, mine, theirs)
    if how == "anaphoric" and event_token(ctx, event).pos_ == "NOUN" and _talks_of_a_stay(ctx, antecedent, event):
        return False
    if how == "anaphoric" and _receives_the_visitor(ctx, antecedent, event, mine, theirs):
        return True  # "Accueillis par le président du pays hôte, X, les deux hommes ...": the gathering's host
    if how in ("demonstrative", "definite") and event.host is not None and mine <= theirs | {event.host} \
            and event.date is None and not event.places:
        return True  # "X, hôte de la réunion": names who hosted the gathering told, not another one
    # "la visite d'un chef de la diplomatie belge": a state whose own people already took part in
    # the gathering adds nobody to it
    sides = {ctx.sides.get(a) for a in theirs} | {ctx.lex.state_of(ctx.sides.get(a)) for a in theirs}
    # "le 2e sommet de la Communauté ... (Celac) ... Le sommet de la Celac": the body whose gathering
    # it is, named in the first noun's own phrase, is nobody new
    named = _named_in_phrase(ctx, event_token(ctx, antecedent))
    sides |= named
    if {a for a in mine - theirs if a not in sides}:
        # a demonstrative may add someone to people already there ("cet entretien avec X");
        # a definite or demonstrative noun may name the people of a gathering told only by
        # collectives ("Les dirigeants de l'Union se sont réunis ... X, hôte de la réunion")
        if how in ("demonstrative", "definite") and not any(is_person(ctx, a) for a in theirs):
            return True
        if how == "definite" and _frames_its_people(ctx, antecedent, event, mine - theirs) and mine & theirs:
            return True  # "une visite à Accra ... À l'issue de la visite, les deux ministres ont signé"
        if how == "definite" and set(guest_of(ctx, event_token(ctx, event))) >= mine - theirs \
                and event_token(ctx, event).lemma_.lower() in _noun_lemmas(ctx, antecedent):
            return True  # "le Premier ministre X, invité au sommet": a guest of the summit told
        if how in ("demonstrative", "definite") and antecedent.sentence == event.sentence \
                and event_token(ctx, event).dep_ == "nmod" \
                and event_token(ctx, event).head.lower_ not in FRAMING_WORDS and all(
                (e := ctx.entities.get(a)) is not None and e.kind == "org" for a in mine - theirs):
            # "a annoncé lors du sommet de Johannesburg que la déclaration du sommet des dirigeants
            # du G20 ...": in one sentence, the organisation says whose summit it is, not who else came
            return True
        return how == "demonstrative" and bool(mine & theirs)
    if how == "definite" and (mine or event.places or event.date is not None) \
            and not _described_aside(ctx, event_token(ctx, event)):
        # "la visite du président à Pékin en décembre": a definite noun that says who, where
        # or when refers back only to a gathering that shares one of them
        return bool(mine & (theirs | named)) or places_identify(ctx, antecedent.places, event.places) \
            or (event.date is not None and antecedent.date is not None) \
            or narrows_territory(ctx, antecedent.places, event.places) or _fills_bare(ctx, antecedent, event)
    return True


def _frames_its_people(ctx: Context, antecedent: Event, event: Event, added: set[str]) -> bool:
    """"X a effectué une visite à Accra ... À l'issue de la visite, les deux ministres ont signé": a
    definite noun of the gathering told, framing a clause ("à l'issue de", "lors de"), takes its
    people from that clause, and the clause may name someone the visit's own sentence left out (the
    host who invited); the noun's own phrase names nobody new ("la visite de Y" would)."""
    token = event_token(ctx, event)
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _noun_lemmas(ctx, antecedent):
        return False
    if not (token.head.lower_ in FRAMING_WORDS or token.head.lower_ in DURING_CASES):
        return False
    own = {m.iri for t in token.subtree if t.i != token.i for m in ctx.by_token.get(t.i, [])}
    return not own & added


def _named_in_phrase(ctx: Context, noun: Token) -> set[str]:
    """The organisations a gathering noun's own phrase names ("le sommet de la Celac", "le sommet de
    l'Union africaine (UA)"): whose gathering it is."""
    if noun.pos_ != "NOUN":
        return set()
    doc, end = ctx.doc, noun.right_edge.i + 1
    if end < len(doc) and doc[end - 1].text == "(" or (end < len(doc) and doc[end].text == "("):
        end = next((k for k in range(end, min(len(doc), end + 8)) if doc[k].text == ")"), end)  # "... (Celac)"
    return {m.iri for k in range(noun.i + 1, end) for m in ctx.by_token.get(k, []) if m.kind == "org"}


def _complement_of_thing(ctx: Context, antecedent: Event, event: Event, how: str) -> bool:
    """"Le sommet s'ouvre demain ... la réunion des ministres a posé les jalons du sommet": a definite
    noun that only completes another noun, no event itself, asserts nothing of its gathering's
    happening; its "occurred" is the default, so it may name the gathering to come by the same noun.
    ("En marge du sommet, X et Y se sont entretenus": a framing noun dates the act it frames, and that
    act's tense is the gathering's.)"""
    token = event_token(ctx, event)
    head = token.head
    return how == "definite" and event.status == OCCURRED and token.dep_ == "nmod" \
        and head.pos_ == "NOUN" and head.i not in ctx.event_at \
        and head.lemma_.lower() not in DURING_NOUNS and head.lemma_.lower() not in FRAMING_WORDS \
        and token.lemma_.lower() in _noun_lemmas(ctx, antecedent)


def _in_passing(ctx: Context, event: Event) -> bool:
    """"a présenté les conclusions de la réunion ministérielle": a gathering named once, as the
    complement of a noun that tells no event, is background; "Au cours de cet entretien" points at
    a gathering the text tells, not at it."""
    token = event_token(ctx, event)
    return not event.mentions and token.dep_ == "nmod" and token.head.pos_ == "NOUN" \
        and token.head.i not in ctx.event_at and token.head.lemma_.lower() not in FRAMING_WORDS


def _fills_bare(ctx: Context, antecedent: Event, event: Event) -> bool:
    """"Le sommet extraordinaire convoqué par X a permis ... Le sommet extraordinaire des chefs d'État,
    réuni jeudi à Y, ...": a lead names the gathering bare (nobody, no day, no place), the next
    mention by the same noun gives its details. Nothing it says can disagree with the bare lead,
    so it tells that gathering (a mention marked as another one, "le prochain sommet", never gets here)."""
    if antecedent.participants or antecedent.agents or antecedent.places or antecedent.date is not None:
        return False
    return event_token(ctx, event).lemma_.lower() in _noun_lemmas(ctx, antecedent)


def prior_marked(ctx: Context, event: Event) -> bool:
    """"leur précédent sommet", "lors de leur dernier sommet": the gathering is told as one before the
    story's own (cue:prior)."""
    prior = cue_words(ctx.lex, "prior")
    return any(c.dep_ == "amod" and c.lemma_.lower() in prior for c in event_token(ctx, event).children)


def _in_parenthesis(token: Token) -> bool:
    """The word stands between "(" and ")" within its sentence (read backwards on the token view:
    ``Token.sent`` walks the document, and a Token for every word before it costs more)."""
    view = token_view(token.doc)
    text, starts = view.text, view.sent_start
    if starts[token.i]:
        return False
    for k in range(token.i - 1, -1, -1):
        if text[k] in ("(", ")"):
            return text[k] == "("
        if starts[k]:
            return False
    return False


def _described_aside(ctx: Context, token: Token) -> bool:
    """"Les entretiens, qui se sont déroulés au palais présidentiel, ...": what a relative clause
    set off by a comma says of a definite noun describes the gathering already named, it does not
    pick out another one (unlike "la visite du président à Pékin")."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].lower_ in ("qui", "où")


def year_of(ctx: Context, event: Event) -> str | None:
    """The year an event is dated in, or that one of its nouns names (:func:`named_year`)."""
    if event.date is not None:
        return event.date.iso[:4]
    year = named_year(ctx, event)
    return year.text if year is not None else None


def named_year(ctx: Context, event: Event) -> Token | None:
    """The year one of the event's nouns names by a complement: "le sommet de 2022", "la conférence
    de 1995" (four digits after "de")."""
    for mention in (event.trigger, *event.mentions):
        found = ctx.tokens.expand(mention.begin, mention.end)  # Doc.char_span's tokens, without its Span
        for token in ctx.doc[found[0]:found[1]] if found is not None else []:
            for c in token.children if token.pos_ == "NOUN" else []:
                if c.dep_ == "nmod" and c.is_digit and len(c.text) == 4 \
                        and any(g.dep_ == "case" and g.lower_ in ("de", "d'") for g in c.children):
                    return c
    return None


def opening_and_closing(ctx: Context, one: Event, other: Event) -> bool:
    """"ont lancé le sommet mardi ... ont clôturé mercredi leur sommet": the days a verb of opening
    or closing gives are the first and the last of one gathering (a week at most apart)."""
    from datetime import date

    if one.date is None or other.date is None or len(one.date.iso) != 10 or len(other.date.iso) != 10:
        return False
    bounds = bound_words(ctx.lex)
    if not any(event_token(ctx, e).head.lemma_.lower() in bounds for e in (one, other)):
        return False
    days = abs((date.fromisoformat(one.date.iso) - date.fromisoformat(other.date.iso)).days)
    # "Le sommet s'est ouvert ce mercredi ... La réunion d'hier": a day before the opening (or after
    # the closing) is outside the gathering
    for told, said in ((one, other), (other, one)):
        verb = event_token(ctx, told).head.lemma_.lower()
        if verb in cue_words(ctx.lex, "opening") and said.date.iso < told.date.iso:
            return False
        if verb in cue_words(ctx.lex, "closing") and said.date.iso > told.date.iso:
            return False
    return 0 < days <= 7


_DAYS_SPAN = re.compile(r"\d\s*(?:au|et|-|–)\s*\d")


def a_day_of_a_stay(ctx: Context, antecedent: Event, event: Event) -> bool:
    """"X a effectué les 7 et 8 avril une visite à Lima ... Le 7 avril, X a été reçu par Y": an act
    told by a verb with a day of its own, inside a stay its own sentence tells over several days,
    is one meeting of the stay, not the stay again."""
    told, own = antecedent.date, event.date
    return told is not None and own is not None and own.precision == "day" \
        and antecedent.sentence.begin <= told.evidence.begin < antecedent.sentence.end \
        and _tells_an_act(event_token(ctx, event)) and own.evidence.text != told.evidence.text \
        and _DAYS_SPAN.search(told.evidence.text) is not None and _DAYS_SPAN.search(own.evidence.text) is None


def _talk_within_a_stay(ctx: Context, antecedent: Event, event: Event, how: str) -> bool:
    """"X a entamé lundi une visite d'État de deux jours au Ghana ... X s'est entretenu avec son
    homologue": a visit told as lasting several days holds talks, it is not one talk; a verb of
    meeting (not of receiving, "Accueilli à Accra par Y", the visit's welcome; nor of travelling, "se
    sont rendus au monument", the visit going on) told after it is one of its acts, a node of its
    own that :mod:`~diplograph.extract.occasions` makes part of it."""
    if how not in ("repeated", "anaphoric") or not _visit_of_days(ctx, antecedent):
        return False
    token = event_token(ctx, event)
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and not {lemma} & (cue_words(ctx.lex, "hosting") | cue_words(ctx.lex, "visit-noun")
                                                  | cue_words(ctx.lex, "travel"))


def _visit_of_days(ctx: Context, event: Event) -> bool:
    """A visit told by its noun as lasting more than a day ("une visite d'État de deux jours")."""
    length = event.duration.iso if event.duration is not None else ""
    return length.startswith("P") and length.endswith("D") and length[1:-1].isdigit() \
        and int(length[1:-1]) > 1 and bool(_noun_lemmas(ctx, event) & cue_words(ctx.lex, "visit-noun"))


def _stays_talk(ctx: Context, main: Event, event: Event, window: int) -> Event | None:
    """The act of a visit of several days, told in the last two sentences by a verb or an indefinite
    noun ("s'est entretenu avec Y", "a eu un tête-à-tête"), that a definite noun of talking names
    again ("L'entretien a porté sur", "les discussions"; not "la visite"), when it fits."""
    token = event_token(ctx, event)
    if token.lemma_.lower() in cue_words(ctx.lex, "visit-noun") or not _visit_of_days(ctx, main):
        return None
    acts = [e for e in ctx.events if e is not event and e is not main and e.event_type in GATHERINGS
            and window <= e.trigger.begin < event.trigger.begin and _tells_an_act(event_token(ctx, e))]
    # the act the sentence tells first ("a eu un tête-à-tête ..., avant que les délégations ne les
    # rejoignent pour une séance de travail"), then the latest
    order = sorted(acts, key=lambda e: (not _main_clause(event_token(ctx, e)), -e.trigger.begin))
    return next((e for e in order if compatible(ctx, e, event, "definite")), None)


def _main_clause(token: Token) -> bool:
    """The token is its sentence's verb, or the object of it ("a eu un tête-à-tête")."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ == "obj" else token
    return verb.dep_ == "ROOT"


def _tells_an_act(token) -> bool:
    """A verb, or a noun with an indefinite article ("a rendu une visite de courtoisie"): not a
    definite noun naming back ("lors de la visite")."""
    if token.pos_ == "VERB":
        return True
    det = determiner(token) if token.pos_ == "NOUN" else None
    return det is not None and det.lower_ in ("un", "une")


def _receives_the_visitor(ctx: Context, antecedent: Event, event: Event, mine: set[str], theirs: set[str]) -> bool:
    """"X se rendra lundi au Sénégal ... À Dakar, X sera reçu par le président Y": the reception
    of someone of a gathering that had no host yet, by a host it had not named, is that
    gathering with its host (a visit is told by the visitor's move, then by who receives him)."""
    if event_token(ctx, event).lemma_.lower() not in cue_words(ctx.lex, "hosting") or event.host is None \
            or antecedent.host is not None:
        return False
    guests = mine - {event.host}
    if not guests and mine == {event.host} and _guest_lost(ctx, event_token(ctx, event)):
        # "X a effectué une visite au Togo. Lui et sa délégation ont été accueillis par Y": the parse
        # lost who was received; the visitor of the gathering told, which had no host, is
        return any(is_person(ctx, a) for a in theirs) and event.host not in theirs
    if any(is_person(ctx, a) for a in theirs - guests):
        return False  # "X a eu un entretien avec Y. Le même jour, X a été reçu par Z": a second meeting
    if guests and any(_met_someone(ctx, e, guests) for e in ctx.events if e is not antecedent and e is not event
                      and antecedent.sentence.begin <= e.trigger.begin < event.trigger.begin):
        return False  # "X, en visite à Moscou, s'est entretenue avec Y ... a été reçue par Z": a stay's second meeting
    return bool(guests) and guests <= theirs and mine - theirs == {event.host}


def _met_someone(ctx: Context, event: Event, guests: set[str]) -> bool:
    """``event`` is a gathering told before where the guests already met another person."""
    people = {p.actor for p in event.participants} | set(event.agents)
    return event.event_type in GATHERINGS and guests <= people and any(is_person(ctx, a) for a in people - guests)


def _guest_lost(ctx: Context, verb: Token) -> bool:
    """A passive of receiving ("ont été accueillis par Y") whose subject names no one: none the
    parse found, or only a noun of the guest's own ("sa délégation"), nobody new."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux:pass" for c in verb.children):
        return False
    for subject in subjects_of(ctx, verb):
        if ctx.by_token.get(subject.i):
            return False
        det = [c.lower_ for c in subject.children if c.dep_ == "det"]
        if subject.pos_ != "PRON" and not (det and det[0] in POSSESSIVE):
            return False
    return True


def is_person(ctx: Context, actor: str) -> bool:
    entity = ctx.entities.get(actor)
    return entity is not None and entity.kind == "person"


def _pronoun_subject(ctx: Context, event: Event) -> bool:
    """"il entend discuter ...": a pronoun subject names one of the people just told."""
    return any(t.lower_.strip("-") in ("il", "elle") for t in subjects_of(ctx, event_token(ctx, event)))


def _last_mention(event: Event) -> int:
    return max([event.trigger.begin, *(m.begin for m in event.mentions)])


def antecedent_event(ctx: Context, event: Event, how: str) -> Event | None:
    """The gathering ``event`` refers back to: the latest compatible one told before it.

    A verb whose subject names no one new, or names the same people again, continues what
    was just told (the previous two sentences); a definite or demonstrative noun ("la
    rencontre", "ces entretiens") may reach further back, across intertitles. A definite
    noun names first the meeting the document is about when it fits ("la rencontre" after
    a paragraph of background still means the main meeting); a demonstrative points at
    the latest one told.
    """
    begin = event.trigger.begin
    # "X et Y ont eu un entretien en marge du sommet": the gathering a "during" noun frames is never it
    framing = framed_by(ctx, event_token(ctx, event))
    if how == "definite":  # "la quatrième session ... À l'issue de la session": the same noun just told
        lemma = event_token(ctx, event).lemma_.lower()
        window = _window_start(ctx, begin, 2)
        same_noun = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                     and window <= e.trigger.begin < begin and event_token(ctx, e).lemma_.lower() == lemma]
        # "leur précédent sommet ... Le sommet a toutefois écarté": a bare "le sommet" is the story's
        # own before one told as earlier (a mention itself marked "précédent" is never definite-bare)
        bare = not prior_marked(ctx, event)
        for candidate in sorted((e for e in same_noun if not (bare and prior_marked(ctx, e))),
                                key=lambda e: -e.trigger.begin):
            if compatible(ctx, candidate, event, how):
                return candidate
        main = main_event(ctx)
        talk = _stays_talk(ctx, main, event, window) if main is not None else None
        if talk is not None:
            return talk  # "a entamé une visite de deux jours ... s'est entretenu avec Y. L'entretien a porté sur"
        # "la visite" after "a effectué une visite ... a été reçu par": the visit, not the talks; "du
        # sommet" after "Le sommet s'ouvre demain ... La réunion des ministres se tient": the summit
        if main is not None and main is not event and main is not framing and main.trigger.begin < begin \
                and lemma not in _noun_lemmas(ctx, main) \
                and any(
                    e is not main and e.trigger.begin < begin and event_token(ctx, e).lemma_.lower() == lemma
                    and not (bare and prior_marked(ctx, e))
                    and compatible(ctx, e, event, how) for e in ctx.events if e.event_type in GATHERINGS):
            main = None
        if main is not None and main is not event and main is not framing and main.trigger.begin < begin \
                and compatible(ctx, main, event, how):
            return main
    # a verb naming the same people again may reach a little further back than a pronoun:
    # "X a effectué une visite ... Il était accompagné de ... À son arrivée, X a été accueilli par Y"
    window = _window_start(ctx, begin, 2 if how == "anaphoric" else 3) if how in ("anaphoric", "repeated") else 0
    if how == "anaphoric":
        window = min(window, _chain_start(ctx, begin))
    candidates = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                  and e.trigger.begin < begin and _last_mention(e) >= window and e is not framing]
    order = sorted(candidates, key=lambda e: -_last_mention(e))
    # "a reçu X, en visite officielle en Belgique. Au cours de cet entretien ... Ils ont échangé":
    # what follows is the audience's, not the guest's visit named in passing (unless named again)
    order.sort(key=lambda e: guests_stay(ctx, event_token(ctx, e)))
    # "avons tenu ce jour la deuxième session (la première s'était réunie à X en 2024). Nos entretiens":
    # a gathering recalled in an aside is not what the text goes on telling
    outside = not _in_parenthesis(event_token(ctx, event))
    order.sort(key=lambda e: outside and _in_parenthesis(event_token(ctx, e)))
    if how == "definite" or (how in ("demonstrative", "anaphoric") and event_token(ctx, event).pos_ == "NOUN"):
        # "du sommet" goes back to a "sommet" before "des réunions" told since; "sa visite d'État"
        # to "sa visite" before the press met in between
        noun = event_token(ctx, event).lemma_.lower()
        bare = not prior_marked(ctx, event)
        order.sort(key=lambda e: (bare and prior_marked(ctx, e), noun not in _noun_lemmas(ctx, e),
                                  how == "demonstrative" and _in_passing(ctx, e)))
    for candidate in order:
        if compatible(ctx, candidate, event, how):
            return candidate
    if how == "demonstrative":  # "Contexte / Ces entretiens s'inscrivent ...": the main meeting
        main = main_event(ctx)
        if main is not None and main is not event and main.trigger.begin < begin \
                and compatible(ctx, main, event, how):
            return main
    return None


def _chain_start(ctx: Context, begin: int) -> int:
    """"X s'est entretenu avec Y. Les deux ministres ont passé en revue ... Ils se sont félicités ...
    Les deux ministres ont également eu un échange": sentences whose subject names no one new
    continue the gathering told before them, however many; the chain reaches back to the sentence
    that named the people."""
    start = begin
    sentence = ctx.sent_of(ctx.doc.char_span(begin, begin + 1, alignment_mode="expand")[0])
    while sentence.start > 0:
        previous = ctx.sent_of(sentence.start - 1)
        start = previous.start_char
        roots = [t for t in previous if t.dep_ == "ROOT"]
        if not roots or not anaphoric_subject(ctx, roots[0]):
            break
        sentence = previous
    return start


def _talks_of_a_stay(ctx: Context, antecedent: Event, event: Event) -> bool:
    """"X a effectué une visite à Y ... Au cours de cette visite, les deux ministres ont tenu une réunion
    de travail": talks a mention of the visit frames are a meeting of the stay, not the stay told
    again. (Unframed, "Les deux chefs d'État ont eu un entretien en tête-à-tête" right after the
    welcome still tells the visit.)"""
    visits = cue_words(ctx.lex, "visit-noun")
    if event_token(ctx, event).lemma_.lower() in visits:
        return False
    return any(t.lemma_.lower() in visits and framed_by(ctx, t) is event for t in _told_by(ctx, antecedent))


def _noun_lemmas(ctx: Context, event: Event) -> set[str]:
    """The nouns an event has been told by ("sommet", "rencontre")."""
    return {t.lemma_.lower() for t in _told_by(ctx, event) if t.pos_ == "NOUN"}


def _told_by(ctx: Context, event: Event) -> list[Token]:
    """The words of the event's trigger and of its later mentions."""
    found: list[Token] = []
    for span in (event.trigger, *event.mentions):
        words = ctx.tokens.expand(span.begin, span.end)  # Doc.char_span's tokens, without its Span
        if words is not None:
            found += ctx.doc[words[0]:words[1]]
    return found


def framed_by(ctx: Context, token: Token) -> Event | None:
    """"Ils se reverront en marge du sommet", "a rencontré X lors de la conférence": the event
    of the verb a "during" noun frames; the framing gathering is never that event."""
    head = token.head
    light = cue_words(ctx.lex, "gathering-light-verb")
    if head.lemma_.lower() in DURING_NOUNS or (head.lower_ in DURING_CASES and head.i < token.i):
        head = head.head  # "lors du sommet": the parse may hang the noun on "lors"
    elif any(c.dep_ == "case" and c.lower_ in ("à", "au") for c in token.children) and head.i < token.i \
            and (((head if head.pos_ == "VERB" else head.head).lemma_.lower() in light
                  and (head.pos_ == "VERB" or head.dep_ == "obj"))
                 or any(e.trigger.begin < head.idx < e.trigger.end for e in ctx.events)):
        pass  # "ont eu un bref échange au sommet de X": where the talk was held, not the talk
    elif not any(c.dep_ == "case" and c.lower_ in DURING_CASES for c in token.children):
        return None
    # the event told there, also by a trigger of several words ("ont eu une conversation")
    framed = ctx.event_at.get(head.i) or next(
        (e for e in ctx.events if e.trigger.begin <= head.idx < e.trigger.end), None)
    if framed is None and head.lemma_.lower() in light:
        # "X et Y ont eu un entretien en marge du sommet": the light verb's object is the framed gathering
        # (the parse may hang the object on a day set before it: "ont eu vendredi un entretien")
        framed = next((ctx.event_at[g.i] for c in head.children for g in (c, *c.children)
                       if g.dep_ == "obj" and g.i in ctx.event_at), None)
    if framed is None and head.pos_ == "VERB":
        # "Le tête-à-tête entre X et Y s'est terminé jeudi, en marge du sommet": the verb says what
        # became of its subject, the gathering framed
        framed = next((ctx.event_at[c.i] for c in head.children
                       if c.dep_ in ("nsubj", "nsubj:pass") and c.i in ctx.event_at), None)
    return framed


def _window_start(ctx: Context, offset: int, sentences: int) -> int:
    """Start of the ``sentences``-th sentence before ``offset`` (headings do not count)."""
    headings = {s.heading.begin for s in ctx.source.sections if s.heading is not None}
    before = [s for s in ctx.source.sentences if s.end <= offset and s.begin not in headings
              and any(ch.isalpha() for ch in s.text)]  # a point number ("2.") is no sentence
    return before[-sentences:][0].begin if before else offset


def told_before(ctx: Context, begin: int) -> Event | None:
    """The gathering a continuation refers to: the latest one told with people in it (the
    previous two sentences first, then anywhere before), else the latest one just told."""
    told = sorted((e for e in ctx.events if e.event_type in GATHERINGS and e.trigger.begin < begin),
                  key=lambda e: -_last_mention(e))
    window = _window_start(ctx, begin, 2)
    recent = [e for e in told if _last_mention(e) >= window]
    # recent gatherings told by a verb of their own first ("X s'est entretenu avec Y ... adopté
    # lors de la visite de X en novembre. L'échange a ensuite porté": the call; a visit named in
    # passing is background; a noun a light verb of gathering governs is told by that verb: "avait
    # accordé une audience à Z. Les deux personnalités ont également évoqué", the audience with Z),
    # then one told with two people in it, then between any two parties
    recent.sort(key=lambda e: not _told_by_verb(ctx, e))
    for least in (lambda e: sum(is_person(ctx, p.actor) for p in e.participants) >= 2,
                  lambda e: len({p.actor for p in e.participants}) >= 2):
        for group in (recent, told):
            for event in group:
                if least(event):
                    return event
    return recent[0] if recent else None


def _told_by_verb(ctx: Context, event: Event) -> bool:
    """The gathering is told by a verb: its own ("a reçu"), or a light verb of gathering whose
    object its noun is ("avait accordé une audience", "a eu un entretien")."""
    token = event_token(ctx, event)
    if token.pos_ == "VERB":
        return True
    return token.dep_ == "obj" and token.head.pos_ == "VERB" \
        and token.head.lemma_.lower() in cue_words(ctx.lex, "gathering-light-verb")


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
