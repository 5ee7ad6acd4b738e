"""Joins the syntax of one sentence makes: two triggers of one clause that are one happening.

"a reçu X pour discuter de Y", "le sommet réunira X", "un entretien en tête-à-tête", "deux
jours de discussions": the second trigger is bound to the first by the grammar of the
sentence, not by a reference back across the text, so these joins need no antecedent
search and run first (:func:`join_within_sentences`); coreference across sentences
(:mod:`~diplograph.extract.coreference`) then works on what is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token, guests_stay, hosted_gathering
from diplograph.extract.context import Context
from diplograph.extract.declarations import fold_dependent_sayings, fold_framing_speeches
from diplograph.extract.event_merge import absorb
from diplograph.extract.kinds import GATHERINGS, PLANNED, cue_words, et
from diplograph.extract.participants import participant_of
from diplograph.extract.reference import determiner, relative_phrase
from diplograph.extract.same_event import framed_by, same_status
from diplograph.extract.syntax import case_of, opened_between, subjects_of
from diplograph.extract.token_view import feature
from diplograph.extract.triggers import remove_event
from diplograph.model import DurationValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Token


def join_within_sentences(ctx: Context) -> None:
    """Fold the triggers that the grammar of one sentence binds into one happening."""
    _merge_purposes(ctx)
    fold_dependent_sayings(ctx)  # "a souligné que ..., avant de préciser que ...": before the speaker's own
    fold_framing_speeches(ctx)  # "a lancé X dans son discours d'ouverture": one statement
    _merge_same_statement(ctx)
    _join_manner_nouns(ctx)
    _join_meals(ctx)
    _join_hosted_gatherings(ctx)
    _join_continued_sessions(ctx)
    _join_spans_of_time(ctx)
    _join_subject_nouns(ctx)
    _join_received_visitors(ctx)
    _join_definitions(ctx)
    _join_appositions(ctx)
    _join_where_clauses(ctx)
    _join_own_sessions(ctx)


def _join_where_clauses(ctx: Context) -> None:
    """"X a été reçu à l'Élysée, où il a eu un tête-à-tête avec Y": a gathering noun in a clause
    opened by "où" right after the place of a gathering of the same sentence, the object of that
    clause's own verb, told with an indefinite article and a pronoun subject, says what happened
    at that gathering; one happening ("où elle doit rencontrer X afin de préparer une réunion":
    the meeting prepared is another one).
    Read off the word order (the parser hangs the reception on the relative clause)."""
    doc = ctx.doc
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        token = event_token(ctx, event)
        if event not in ctx.events or event.event_type not in GATHERINGS or token.pos_ != "NOUN" \
                or not _indefinite(token):
            continue
        sentence = ctx.sent_of(token)
        where = next((t for t in doc[sentence.start:token.i] if t.lower_ == "où"), None)
        if where is None or where.i < 2 or where.head.i != token.head.i \
                or not any(t.lower_ in ("il", "elle", "ils", "elles") for t in doc[where.i + 1:token.i]):
            continue
        place = doc[where.i - 1] if doc[where.i - 1].text != "," else doc[where.i - 2]
        if not any(m.kind == "place" for m in ctx.by_token.get(place.i, [])):
            continue
        told = next((e for e in ctx.events if e is not event and e in ctx.events and e.event_type == et("meeting")
                     and sentence.start <= event_token(ctx, e).i < place.i
                     and not any(doc[k].pos_ == "VERB" and ctx.event_at.get(k) is None
                                 for k in range(event_token(ctx, e).i + 1, place.i))), None)
        if told is not None and same_status(told.status, event.status):
            absorb(ctx, told, event)



#: Possessive determiners and the prepositions of "dans sa 12e session", "en sa session": grammar.
_POSSESSIVES = frozenset({"sa", "son", "leur"})
_SESSION_CASES = frozenset({"dans", "en", "à", "lors"})


def _join_own_sessions(ctx: Context) -> None:
    """"le sommet de X dans sa 12e session ordinaire": a gathering noun with a
    possessive after "dans" or "en" numbers the gathering just named (the summit's own session),
    whatever its ordinal says; one happening, whose people ("avec la participation de ...") are
    the summit's. The parser hangs it on the summit or on a noun governing it ("les travaux du
    sommet"), so the gathering is looked for among that head and its words before the session."""
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        det = determiner(token) if token.pos_ == "NOUN" else None
        if det is None or det.lower_ not in _POSSESSIVES or case_of(token) not in _SESSION_CASES \
                or token.dep_ not in ("nmod", "obl", "obl:mod"):
            continue
        head = token.head
        named = [t for t in head.subtree if t.i < token.i and t.i >= head.i]
        told = next((e for t in reversed(named) if (e := ctx.event_at.get(t.i)) is not None
                     and e is not event and e in ctx.events and e.event_type in GATHERINGS), None)
        if told is not None and same_status(told.status, event.status):
            absorb(ctx, told, event)


#: Ordinal adjectives (grammar) that, in an apposition, rank the gathering told rather than open another.
_ORDINALS = frozenset({"premier", "second", "dernier"})


def _join_appositions(ctx: Context) -> None:
    """"ont ouvert leur rencontre à X, premier sommet entre les présidents A et B": a gathering
    noun set off by a comma, with no preposition of its own, right after another gathering (or the
    place completing it) says what that gathering was; one happening. The parser reads it as an
    apposition or as a bare complement of the verb."""
    again = cue_words(ctx.lex, "new-occurrence")
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.dep_ not in ("appos", "obl", "obl:mod", "nmod") \
                or any(c.dep_ == "case" or (c.lemma_.lower() in again and c.lemma_.lower() not in _ORDINALS
                                                and "Ord" not in feature(c, "NumType")) for c in token.children):
            continue  # "une autre réunion", "une nouvelle rencontre" is another one; "premier sommet" describes
        first = min(c.i for c in token.subtree if c.i <= token.i)
        if first < 2 or ctx.doc[first - 1].text != ",":
            continue
        before = ctx.doc[first - 2]
        # the noun just before the comma, or the place completing it ("leur rencontre à Genève,")
        told = next((e for t in (before, before.head) if t.i < first and (e := ctx.event_at.get(t.i)) is not None
                     and e is not event and e in ctx.events and e.event_type in GATHERINGS), None)
        if told is not None and same_status(told.status, event.status):
            absorb(ctx, told, event)


def _join_definitions(ctx: Context) -> None:
    """"Le sommet de X est une réunion des chefs d'État tenue les 21 et 22 août à Y": an
    encyclopedia defines the gathering its article is about by an indefinite gathering noun
    after "être"; the two are one happening, and what the definition says (date, place, people)
    lands on the subject."""
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        article = determiner(token)
        if token.pos_ != "NOUN" or article is None or article.lower_ not in ("un", "une") \
                or not any(c.dep_ == "cop" and c.lemma_ == "être" for c in token.children):
            continue
        subject = next((ctx.event_at.get(c.i) for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject is not event and subject in ctx.events \
                and subject.event_type in GATHERINGS and same_status(subject.status, event.status):
            absorb(ctx, subject, event)


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
            if other is None and _indefinite(token):
                # "a rencontré la présidente X pour un entretien officiel": the parser hangs the
                # purpose on the person met; an indefinite one is still the meeting's own
                other = next((e for h in _heads_to_verb(token) if (e := ctx.event_at.get(h.i)) is not None), None)
            if other is not None and other is not event and other in ctx.events \
                    and other.event_type in GATHERINGS:
                absorb(ctx, other, event)
                continue
        trip = (_trip_attended(ctx, token) or _met_where_trip_goes(ctx, token)) \
            if event.event_type in GATHERINGS else None
        if trip is not None and trip is not event:
            absorb(ctx, trip, event)
            continue
        if "Inf" not in feature(token, "VerbForm"):
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


def _indefinite(noun: Token) -> bool:
    det = determiner(noun)
    return det is not None and det.lower_ in ("un", "une", "des")


def _heads_to_verb(token: Token) -> list[Token]:
    """The heads above ``token`` up to its clause's verb (three at most)."""
    found: list[Token] = []
    head = token.head
    while len(found) < 3 and head.i != token.i:
        found.append(head)
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return found


def _trip_attended(ctx: Context, token: Token) -> Event | None:
    """The trip whose destination a relative "où" clause of attending opens: in "X se rendra à Y,
    où il participera à Z", Z's gathering is the trip's (the parser hangs the clause on the
    place or on the trip's verb)."""
    verb = token.head
    if token.pos_ != "NOUN" or verb.lemma_.lower() not in cue_words(ctx.lex, "attending") \
            or not any(c.lower_ == "où" for c in verb.children):
        return None
    for candidate in (verb.head, verb.head.head):
        other = ctx.event_at.get(candidate.i)
        if other is not None and other in ctx.events and other.event_type in GATHERINGS:
            return other
    return None


def _met_where_trip_goes(ctx: Context, token: Token) -> Event | None:
    """"se rendra jeudi à Addis-Abeba, où elle doit rencontrer X", "avait visité le Centre, où il
    s'était entretenu avec Y": a meeting verb in an "où" clause on the destination of a trip
    (cue:travel) is that trip's meeting, with the trip's status. A meeting after another kind of
    gathering ("a rencontré X à Genève, où il a aussi vu Y") stays a meeting of its own."""
    if token.pos_ != "VERB":
        return None
    clause = token.head if token.dep_ == "xcomp" and token.head.i != token.i else token  # "où elle doit rencontrer"
    if not any(c.lower_ == "où" for c in (*token.children, *clause.children)):
        return None
    travel = cue_words(ctx.lex, "travel")
    for candidate in (clause.head, clause.head.head):
        other = ctx.event_at.get(candidate.i)
        if other is not None and other in ctx.events and other.event_type in GATHERINGS \
                and candidate.lemma_.lower() in travel and candidate.i < token.i:
            return other
    return None


def _merge_same_statement(ctx: Context) -> None:
    """Several speech verbs of one speaker in one sentence are one statement, unless they are told
    on two different days ("X, qui avait estimé mercredi que ..., a souligné vendredi que ...")."""
    statement = et("statement")
    seen: dict[tuple[int, tuple[str, ...]], Event] = {}
    for event in list(ctx.events):
        if event.event_type != statement or not event.agents:
            continue
        key = (event.sentence.begin, tuple(event.agents))
        first = seen.get(key)
        if first is not None and first.date is not None and event.date is not None \
                and first.date.iso != event.date.iso:
            continue
        if first is not None:
            absorb(ctx, first, event)
        else:
            seen[key] = event


def _noun_right_before(ctx: Context, verb: Token) -> list[Token]:
    """"Selon la présidence, le 12e sommet ouest-africain accueille ...": after a fronted phrase the
    parser may read the subject as a complement of it (and give the verb that phrase's noun as
    subject); a gathering noun that ends right before the verb (its adjectives aside), with an
    article and no preposition, is the subject it missed."""
    i = verb.i - 1
    while i >= 0 and ctx.doc[i].pos_ == "ADJ" and ctx.doc[i].head.i < verb.i:
        i -= 1
    noun = ctx.doc[i] if i >= 0 else None
    if noun is None or noun.pos_ != "NOUN" or noun.i not in ctx.event_at or determiner(noun) is None \
            or verb.dep_ not in ("acl", "ROOT", "conj") or case_of(noun) is not None:
        return []  # "lors du sommet a eu lieu ...": a noun after a preposition is no subject
    return [noun]


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
        heads = list(subjects_of(ctx, token)) + _noun_right_before(ctx, token)
        timed = ctx.timed_tokens()
        # "X, hôte de la réunion, a accueilli ...": the subject is named by its part in a
        # gathering told before; the verb is that gathering
        heads += [g for h in list(heads) for a in h.children if a.dep_ in ("appos", "conj")
                  for b in (a, *(c for c in a.children if c.dep_ in ("appos", "conj") and c.pos_ == "NOUN"))
                  for g in b.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and b.pos_ == "NOUN"]
        if token.dep_ == "acl:relcl":  # "la réunion de Riyad, où X et Y avaient discuté du plan"
            heads.append(token.head)
        heads.extend(_gathering_before_relative(ctx, token))
        # "qui accueillera le prochain sommet", "a reçu la visite de X", "a participé au
        # sommet": a gathering verb whose object is a gathering noun is that gathering
        heads.extend(c for c in token.children if c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN")
        # "s'est entretenu en tête-à-tête", "se sont réunis en visioconférence": the manner
        heads.extend(c for c in token.children if c.dep_.startswith("obl") and c.pos_ == "NOUN"
                     and any(g.dep_ == "case" and g.lower_ == "en" for g in c.children)
                     and determiner(c) is None and not _detached(c) and not guests_stay(ctx, c))
        # "a reçu, vendredi en audience, X": the parse may hang the manner on the day before it
        heads.extend(g for c in token.children if c.dep_.startswith("obl") and c.i in timed
                     for g in c.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and g.i > c.i
                     and any(k.dep_ == "case" and k.lower_ == "en" for k in g.children) and determiner(g) is None)
        # "a reçu, mercredi soir, un appel téléphonique de X": the object after a time set off by
        # commas, which the parse may give another verb
        k = token.i + 1
        while k < len(ctx.doc) and (ctx.doc[k].text == "," or k in timed or ctx.doc[k].pos_ == "DET"):
            k += 1
        if k < len(ctx.doc) and k > token.i + 1 and ctx.doc[k].pos_ == "NOUN":
            heads.append(ctx.doc[k])
        for head in heads:
            noun = ctx.event_at.get(head.i)
            if noun is not None and noun is not event and noun in ctx.events and noun.event_type in GATHERINGS \
                    and not opened_between(ctx.doc, head.i, token.i):
                absorb(ctx, noun, event)
                break


def _gathering_before_relative(ctx: Context, verb: Token) -> list[Token]:
    """"cette conférence qui a rassemblé des dirigeants de 90 pays", "le sommet de la Francophonie, qui
    doit rassembler 2 000 délégués": the gathering noun a relative "qui" (the verb's subject, or its
    modal's) takes up, read off the word order back over the noun phrase ("de la Francophonie"),
    since the parse often hangs the relative clause on the last noun of the phrase."""
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    pronoun = next((c for h in holders for c in h.children if c.dep_ == "nsubj" and c.lower_ == "qui"), None)
    told = [n for n in relative_phrase(pronoun) if n.i in ctx.event_at] if pronoun is not None else []
    return told[:1] if told and ctx.event_at[told[0].i].event_type in GATHERINGS else []


def _detached(noun: Token) -> bool:
    """"X, en visite de travail en Finlande, a été reçu par Y": a phrase "en <gathering>" set off
    by a comma before its verb says what the subject is doing (on a visit), not how the verb's
    gathering went ("s'est entretenu en tête-à-tête"); the reception is one meeting of the visit."""
    first = min(t.i for t in noun.subtree)
    return noun.i < noun.head.i and first > 0 and noun.doc[first - 1].text == ","


def _join_received_visitors(ctx: Context) -> None:
    """"la visite en Argentine du Premier ministre X, reçu en juillet par le président Y": a
    reception participle set off by a comma after the visitor's name, in the noun phrase of a
    gathering (no verb in between), tells that gathering: the visitor and the host join it.

    Read off the word order: the parser attaches such a participle anywhere (to the name, to the
    country, to the main verb), but the French construction is fixed."""
    doc = ctx.doc
    hosting = cue_words(ctx.lex, "hosting")
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        token = event_token(ctx, event)
        if event not in ctx.events or event.event_type not in GATHERINGS or token.lemma_.lower() not in hosting \
                or "Part" not in feature(token, "VerbForm") or token.i < 2 or doc[token.i - 1].text != "," \
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
                    and other.event_type in GATHERINGS and same_status(other.status, event.status):
                visit = other
                break
        if visit is None:
            continue
        if guest.iri not in {p.actor for p in visit.participants}:
            visit.participants.append(participant_of(ctx, guest.iri, visit.sentence))
        absorb(ctx, visit, event)


def _join_manner_nouns(ctx: Context) -> None:
    """"un entretien en tête-à-tête", "s'est entretenu avec X en tête-à-tête": a gathering noun after
    "en", without determiner, says how the gathering it modifies went; it is that gathering, not a
    second one."""
    visits = cue_words(ctx.lex, "visit-noun")
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.dep_ != "nmod" or determiner(token) is not None \
                or not any(c.dep_ == "case" and c.lower_ == "en" for c in token.children):
            continue
        node = token.head
        # "s'est entretenu avec son homologue en tête-à-tête": the parse hangs the manner on the
        # verb's complement; the gathering is the verb's ("X, en visite au Vietnam" is the guest's
        # stay, no manner of the talk told around it)
        while node.i not in ctx.event_at and node.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in visits \
                and node.dep_.startswith(("obl", "nmod", "appos", "conj")) and node.head.i != node.i:
            node = node.head
        head = ctx.event_at.get(node.i)
        if head is not None and head is not event and head in ctx.events and head.event_type in GATHERINGS:
            absorb(ctx, head, event)


def _join_hosted_gatherings(ctx: Context) -> None:
    """"San José accueille ce mercredi le 3e sommet de la CELAC": the gathering a hosting verb takes
    as its object is the happening the verb tells (the parse may hang the noun anywhere); the noun
    keeps its kind ("accueillir ces discussions" hosts a negotiation)."""
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        k = hosted_gathering(ctx, token) if token.pos_ == "VERB" else None
        hosted = ctx.event_at.get(k) if k is not None else None
        if hosted is not None and hosted is not event and hosted in ctx.events and hosted.event_type in GATHERINGS \
                and same_status(hosted.status, event.status):
            absorb(ctx, hosted, event)  # the noun says what kind of gathering it is ("ces discussions")


def _join_meals(ctx: Context) -> None:
    """"X a rencontré Y lors d'un déjeuner de travail", "Dans le cadre d'un dîner de travail, X
    s'est entretenu avec Y": a meal (cue:meal) that frames a gathering of its sentence is where
    that gathering took place; one happening. A visit or a summit that frames talks stays another
    event (it lasts longer than the talks it holds), which is why only meals are joined here."""
    meals = cue_words(ctx.lex, "meal")
    for event in sorted(ctx.events, key=lambda e: e.trigger.begin):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.lemma_.lower() not in meals:
            continue
        framed = framed_by(ctx, token)
        if framed is None or framed is event or framed not in ctx.events or framed.event_type not in GATHERINGS \
                or not same_status(framed.status, event.status):
            continue
        first, second = sorted((framed, event), key=lambda e: e.trigger.begin)
        absorb(ctx, first, second)


def _join_continued_sessions(ctx: Context) -> None:
    """"un entretien en tête-à-tête, suivi d'une séance de travail élargie aux délégations": a
    gathering noun after the bare participle "suivi(e) de", set off by a comma after another
    gathering, continues that gathering (its talks in a wider format), as readouts tell one
    visit's talks. Not "L'entretien a été suivi d'une audience": with an auxiliary, two events."""
    doc = ctx.doc
    continued = cue_words(ctx.lex, "continued-by")
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        follow = token.head
        if token.pos_ != "NOUN" or follow.lemma_ not in continued or "Part" not in feature(follow, "VerbForm") \
                or any(c.dep_.startswith("aux") for c in follow.children) or follow.i < 2 \
                or doc[follow.i - 1].text != "," or not follow.i < token.i <= follow.i + 3:
            continue
        sentence = ctx.sent_of(follow)
        before = [e for i in range(follow.i - 1, sentence.start - 1, -1) if (e := ctx.event_at.get(i)) is not None
                  and e is not event and e in ctx.events and e.event_type in GATHERINGS]
        if before and same_status(before[0].status, event.status) and not _new_partner(ctx, before[0], event):
            absorb(ctx, before[0], event)


def _new_partner(ctx: Context, first: Event, then: Event) -> bool:
    """"un entretien avec A, suivi d'une rencontre avec B": a person the second gathering names who did
    not take part in the first makes it a meeting of its own."""
    theirs = {p.actor for p in first.participants} | set(first.agents)
    return any((e := ctx.entities.get(p.actor)) is not None and e.kind == "person" and p.actor not in theirs
               for p in then.participants)


def _join_spans_of_time(ctx: Context) -> None:
    """"ont clos leur sommet au terme de deux jours de discussions": a gathering noun without a
    determiner completing a duration the dates stage read ("deux jours de ...") tells how long the
    gathering of its sentence lasted; it is that gathering, not a second one."""
    durations = [t for t in ctx.times if isinstance(t.value, DurationValue)]
    for event in list(ctx.events):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        token = event_token(ctx, event)
        if token.pos_ != "NOUN" or token.dep_ != "nmod" or determiner(token) is not None \
                or not any(t.start <= token.head.i < t.end for t in durations) \
                or not any(c.dep_ == "case" and c.lower_ in ("de", "d'") for c in token.children):
            continue
        sentence = ctx.sent_of(token)
        others = [e for e in ctx.events if e is not event and e.event_type in GATHERINGS
                  and sentence.start_char <= e.trigger.begin < sentence.end_char]
        if others:
            absorb(ctx, min(others, key=lambda e: abs(e.trigger.begin - event.trigger.begin)), event)
