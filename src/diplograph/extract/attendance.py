"""People who attend a gathering told elsewhere: "X y a pris part", "X a participé aux travaux",
"une conférence à laquelle participeront X et Y", "sous la présidence de X".

A summit report names the gathering once and its attendees in later clauses whose verb is
not a gathering trigger: the verb of taking part says who was there, the clitic "y", a
complement "à ..." or a relative "à laquelle" says where. Read after coreference, so that
the attendees land on the one event the gathering became.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import negated
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, OCCURRED, cue_pair_words, cue_pairs, cue_words
from diplograph.extract.participant_lists import LIST_BULLETS
from diplograph.extract.participants import participant_of
from diplograph.extract.reference import not_attended
from diplograph.extract.same_event import is_person
from diplograph.extract.syntax import actors_of, case_of, subjects_of
from diplograph.extract.token_view import feature
from diplograph.extract.told_before import (
    gathering_told_before,
    gathering_told_last,
    last_told,
    told_in,
    window_start,
)
from diplograph.extract.verb_forms import lemma_tokens, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.model import Event

# The words of taking part are data (ontology/vocab/cues.ttl, read through cue_words):
# cue:attending ("participer à", "assister à"), cue:taking-part ("prendre part", a verb with its
# object noun), cue:being-among + cue:attendee ("X figurait parmi les participants"),
# cue:presence ("en présence de X"), cue:chair-noun ("sous la présidence de X") and cue:chairing
# ("X, qui présidait la réunion"), cue:naming-the-many ("Il s'agit de X et de Y" after "a reçu plusieurs
# ambassadeurs"). "sous" and "parmi" stay here: prepositions are grammar.
_KINDS = ("person", "group", "delegation", "state", "org")
#: Finite forms of "avoir" and "être" that open a sentence with an inverted subject ("Ont participé ...").
_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "ont-ils", "a-t-il"})


def attend_events(ctx: Context) -> None:
    """Add the attendees that verbs of taking part and chair phrases name to their gathering."""

    doc = ctx.doc
    lex = ctx.lex
    attend_verbs, taking_part = cue_words(lex, "attending"), cue_pairs(lex, "taking-part")
    part_verbs = cue_pair_words(lex, "taking-part", 0)
    among_verbs, among_nouns = cue_words(lex, "being-among"), cue_words(lex, "attendee")
    presence_nouns, chair_nouns, chair_verbs = cue_words(lex, "presence"), cue_words(lex, "chair-noun"), \
        cue_words(lex, "chairing")
    naming = cue_words(lex, "naming-the-many")
    present, arriving = cue_words(lex, "being-present"), cue_words(lex, "arrival")
    for token in lemma_tokens(doc, attend_verbs | part_verbs | chair_nouns | chair_verbs | among_verbs
                              | presence_nouns | naming | present | arriving | among_nouns):
        if token.i in ctx.heading_tokens:
            continue
        lemma = verb_lemma(token)
        if lemma in among_nouns and token.pos_ == "NOUN":
            predicate = _copula_predicate(token)
            if predicate is not None:  # "Les principaux participants étaient les présidents A (X) et B (Y)"
                _add(ctx, _told_just_before(ctx, token), _named_people(ctx, predicate))
            continue
        if lemma in present:
            if token.pos_ == "ADJ" and _lists_the_present(ctx, token):
                # "Étaient également présents : X, Y", a paragraph after the summit's lead: a list of
                # the people present that names no gathering is of the one told last, however far
                _add(ctx, _occurred_told_last(ctx, token) or gathering_told_last(ctx, token)
                     or gathering_told_before(ctx, token),
                     _named_people(ctx, token, ("person", "group", "delegation")))
            continue
        if lemma in arriving:
            if token.pos_ == "VERB":
                _add(ctx, _arrived_at(ctx, token), [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)])
            continue
        if lemma in naming:
            if token.pos_ == "VERB" and any(c.dep_ == "expl:subj" for c in token.children):
                _add(ctx, gathering_told_last(ctx, token), _named_people(ctx, token))
            continue
        if lemma in presence_nouns:
            if token.pos_ == "NOUN":
                own = _own_participation(ctx, token)
                if own is not None:
                    _add(ctx, *own)
                else:
                    _add(ctx, _present_at(ctx, token), _present(ctx, token))
            continue
        if lemma in chair_nouns:
            if any(c.dep_ == "case" and c.lower_ == "sous" for c in token.children):
                # "Les travaux se sont tenus ... sous la présidence de X": the gathering just told
                event = _gathering_in_sentence(ctx, token) or gathering_told_last(ctx, token)
                chairs = [a for c in token.children if c.dep_ in ("nmod", "appos") for a in actors_of(ctx, c)]
                _add(ctx, event, chairs)
            continue
        if token.pos_ != "VERB":
            continue
        if lemma in chair_verbs:
            event = next((e for c in token.children if c.dep_ == "obj" and (e := _event_at(ctx, c)) is not None), None)
            chairs = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)]
            relative = next((c for c in token.children if "Rel" in feature(c, "PronType")), None)
            if event is None and relative is not None:
                # "un sommet, qui sera coprésidé par X et Y": the gathering noun the relative follows
                k = relative.i - 1
                while k > 0 and (ctx.doc[k].is_punct or ctx.doc[k].pos_ == "ADJ"):
                    k -= 1
                event = _event_at(ctx, ctx.doc[k])
                chairs = [a for c in token.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)]
            if event is None and "Part" in feature(token, "VerbForm") and token.dep_ != "ROOT" \
                    and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ == "par":
                # "Les travaux du sommet coprésidé par X et son homologue Y se sont achevés": the
                # participle describes the gathering noun just before it, whatever the parse made of it
                event = _noun_before(ctx, token)
                chairs = _agent_list(ctx, token.i + 2)
            if event is None:
                # "La séance était présidée par X": the gathering is the subject of the passive
                event = next((e for c in token.children if c.dep_ == "nsubj:pass"
                              and (e := _event_at(ctx, c)) is not None), None)
                chairs = [a for c in token.children if c.dep_ == "obl:agent" for a in actors_of(ctx, c)]
            _add(ctx, event, chairs)
            continue
        if lemma in part_verbs and not any((c.dep_ == "obj" or c.i == token.i + 1) and (lemma, c.lower_) in taking_part
                                           for c in token.children):  # "pris part" (the parser may call it advmod)
            continue
        if lemma in among_verbs and _round_the_table(ctx, token):
            # "Autour de la table figuraient aussi X et Y": those listed after the verb sat at the
            # gathering just told (the parser rarely sees the fronted phrase or the inverted subject)
            _add(ctx, gathering_told_last(ctx, token), _agent_list(ctx, token.i + 1))
            continue
        if lemma in among_verbs and not any(c.dep_.startswith("obl") and c.lemma_.lower() in among_nouns
                                            and any(g.lower_ == "parmi" for g in c.children)
                                            for c in token.children):
            continue
        if not_attended(ctx, token):
            continue  # "X n'a pas assisté à la réunion": an absentee (drop_absentees)
        event = _attended(ctx, token)
        if event is None:
            continue
        _add(ctx, event, _attendees(ctx, token))


def drop_absentees(ctx: Context) -> None:
    """Who the text says was not there is no participant, whatever an earlier reading added:
    "en l'absence de X" (cue:absence) leaves X out of the gatherings of its sentence, and the
    subject of a negated verb of taking part ("X n'a pas assisté à la réunion", "X n'y a pas
    participé") or of going there (cue:staying: "X ne s'est pas rendu au sommet") out of the
    gathering it names. An agent or host of the gathering stays."""
    doc = ctx.doc
    lex = ctx.lex
    absence, attend_verbs = cue_words(lex, "absence"), cue_words(lex, "attending")
    part_verbs, taking_part = cue_pair_words(lex, "taking-part", 0), cue_pairs(lex, "taking-part")
    going = cue_words(lex, "staying") - {"être", "trouver"}  # "se rendre", "venir", "arriver"
    for token in lemma_tokens(doc, absence | attend_verbs | part_verbs | going):
        if token.i in ctx.heading_tokens:
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in absence:
            absent = [a for c in token.children if c.dep_ in ("nmod", "appos") for a in actors_of(ctx, c)]
            events = _gatherings_in(ctx, ctx.sent_of(token))
        elif token.pos_ == "VERB" and not_attended(ctx, token) and (
                verb_lemma(token) in attend_verbs
                or any(c.dep_ == "obj" and (verb_lemma(token), c.lower_) in taking_part for c in token.children)):
            absent = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)]
            events = [e for e in [_attended(ctx, token)] if e is not None]
        elif token.pos_ == "VERB" and verb_lemma(token) in going and negated(token):
            # "X ne s'est pas rendu à Abuja pour ce sommet", "Y n'est pas venu au sommet": only a
            # gathering the verb's own complement names, not the one told last
            absent = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)]
            events = [e for c in token.children if c.dep_.startswith("obl") and (e := _event_at(ctx, c)) is not None]
        else:
            continue
        for event in events:
            _drop(event, absent)


def _drop(event: Event, absent: list[str]) -> None:
    """``absent`` is no participant of ``event``, unless an agent or the host of it."""
    kept = set(event.agents) | {event.host}
    event.participants = [p for p in event.participants if p.actor not in absent or p.actor in kept]


def stand_ins(ctx: Context) -> None:
    """Who stood in for someone: "X s'est fait représenter par Y", "X conduisait la délégation"."""
    _represented(ctx)
    _delegation_leaders(ctx)


def _represented(ctx: Context) -> None:
    """"X s'est fait représenter par Y", "X était représenté à la réunion par Y" (cue:represented):
    Y took part in the gathering of the sentence, else in the one told last before it; X, a
    person, did not (a state or an organisation stays the side Y sat for)."""
    doc = ctx.doc
    for token in lemma_tokens(doc, cue_words(ctx.lex, "represented")):
        if token.pos_ != "VERB" or token.i in ctx.heading_tokens or negated(token):
            continue
        passive = any(c.dep_ == "aux:pass" for c in token.children)
        caused = any(c.lemma_.lower() == "faire" and c.i < token.i for c in token.children) \
            or (token.dep_ == "xcomp" and token.head.lemma_.lower() == "faire")
        if not (passive or caused):
            continue
        envoys = [a for c in token.children if c.dep_ == "obl:agent"
                  or (c.dep_.startswith("obl") and any(g.lower_ == "par" for g in c.children if g.dep_ == "case"))
                  for a in actors_of(ctx, c)]
        envoys = [a for a in envoys if is_person(ctx, a)]
        if not envoys:
            continue
        represented = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s) if ctx.entities.get(a) is not None]
        absent = [a for a in represented if ctx.entities[a].kind == "person"]
        # the envoy sits for the side of whom he stands in for ("sa ministre", read as the host's)
        sides = [a if ctx.entities[a].kind in ("state", "org") else ctx.sides.get(a) for a in represented]
        before = [t.i for s in subjects_of(ctx, token) for t in s.subtree]
        if not before:  # the parse lost the subject after a fronted phrase: the words from the comma
            sentence = ctx.sent_of(token)
            comma = max((t.i for t in doc[sentence.start:token.i] if t.text == ","), default=sentence.start)
            before = list(range(comma + 1, token.i))
            absent += [m.iri for i in before for m in ctx.by_token.get(i, []) if m.kind == "person" and m.start == i]
        sides += [ctx.lex.state_of(ctx.demonym_at[i]) for i in before
                  if i in ctx.demonym_at]  # "le Premier ministre jamaïcain", whom the text does not name
        side = next((s for s in sides if s is not None), None)
        for event in _gatherings_here_or_last(ctx, token):
            _drop(event, absent)
            _add(ctx, event, envoys)
            for p in event.participants:
                if p.actor in envoys and side is not None:
                    p.side = side


def _gatherings_in(ctx: Context, sentence) -> list[Event]:
    """The gatherings told (by their trigger or a further mention) in ``sentence``."""
    begin, end = sentence.start_char, sentence.end_char
    return [e for e in ctx.events if e.event_type in GATHERINGS
            and any(begin <= m.begin < end for m in (e.trigger, *e.mentions))]


def _gatherings_here_or_last(ctx: Context, token: Token) -> list[Event]:
    """The gatherings told in ``token``'s sentence, else the one told last before it."""
    sentence = ctx.sent_of(token)
    events = _gatherings_in(ctx, sentence)
    if events:
        return events
    begin = sentence.start_char
    told = [e for e in ctx.events if e.event_type in GATHERINGS
            and any(m.begin < begin for m in (e.trigger, *e.mentions))]
    return [max(told, key=lambda e: max(m.begin for m in (e.trigger, *e.mentions) if m.begin < begin))] \
        if told else []


def _delegation_leaders(ctx: Context) -> None:
    """"La ministre X conduisait la délégation de son pays" (cue:leading, with a cue:delegation noun
    as its object): in a dispatch on a gathering, the one who led a delegation to it took part in
    it (the gathering of the sentence, else the one told last), often standing in for a leader."""
    doc = ctx.doc
    delegation = cue_words(ctx.lex, "delegation")
    for token in lemma_tokens(doc, cue_words(ctx.lex, "leading")):
        if token.pos_ != "VERB" or token.i in ctx.heading_tokens or negated(token) \
                or not any(c.dep_ == "obj" and c.lemma_.lower() in delegation for c in token.children):
            continue
        leaders = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)
                   if is_person(ctx, a)]
        for event in _gatherings_here_or_last(ctx, token) if leaders else []:
            _add(ctx, event, leaders)


#: What may stand between a gathering verb and the colon opening its list of counterparts:
#: "s'est entretenu successivement avec :", "a rencontré tour à tour :".
_BEFORE_LIST = frozenset({"avec", "successivement", "tour", "à", "notamment", "respectivement"})


def listed_counterparts(ctx: Context) -> None:
    """"X s'est entretenu successivement avec :" over lines "- le ministre ... du Ghana, M. Y,":
    the people of the list lines took part in that gathering (each line's people, else its states
    or organisations). Ministry readouts list a minister's bilateral talks this way."""
    doc = ctx.doc
    text = ctx.doc_text
    for i, event in list(ctx.event_at.items()):
        if event not in ctx.events or event.event_type not in GATHERINGS:
            continue
        j = i + 1
        while j < len(doc) and j <= i + 4 and doc[j].lower_ in _BEFORE_LIST:
            j += 1
        if j >= len(doc) or doc[j].text != ":" or "\n" not in text[doc[j].idx:doc[j].idx + 3]:
            continue
        actors: list[str] = []
        begin = text.index("\n", doc[j].idx)
        for line in text[begin + 1:].split("\n"):
            if not line.strip():
                begin += len(line) + 1
                continue
            if not line.lstrip().startswith(LIST_BULLETS):
                break
            end = begin + 1 + len(line)
            inside = [m for m in ctx.mentions if begin < doc[m.start].idx < end]
            people = [m.iri for m in inside if m.kind == "person"]
            people += [person for k, person in sorted(ctx.role_person.items()) if begin < doc[k].idx < end]
            actors += people or [m.iri for m in inside if m.kind in ("state", "org")]
            begin = end
        _add(ctx, event, list(dict.fromkeys(actors)))


def _attendees(ctx: Context, verb: Token) -> list[str]:
    """Everyone the subject names ("Le président X, le président Y et le président Z y ont pris
    part"), those a fronted "outre" adds, and those added after the verb by "ainsi que"."""
    doc = ctx.doc
    found: list[str] = []
    controller = [c for c in verb.head.children if c.dep_ == "obj"] if verb.dep_ == "xcomp" else []
    for subject in controller or subjects_of(ctx, verb):  # "X a invité la Belgique à y participer"
        found += actors_of(ctx, subject)
        for t in subject.subtree:
            found += [m.iri for m in ctx.by_token.get(t.i, []) if m.kind == "person" and m.start == t.i]
            if t.i in ctx.role_person:
                found.append(ctx.role_person[t.i])
    sentence = ctx.sent_of(verb)
    besides = next((t.i for t in doc[sentence.start:verb.i] if t.lower_ == "outre" and t.pos_ == "ADP"), None)
    if besides is not None:
        # "Outre le président X, les ministres Y et Z ont participé": X took part too (the parser
        # often makes the fronted phrase the root, so the words before the verb are read as such)
        found += [m.iri for j in range(besides + 1, verb.i) for m in ctx.by_token.get(j, [])
                  if m.kind == "person" and m.start == j]
        found += [ctx.role_person[j] for j in range(besides + 1, verb.i) if j in ctx.role_person]
    end = sentence.end
    colon = verb.i + 1
    if colon < end and doc[colon].text == ":" and _attended(ctx, verb) is _told_just_before(ctx, verb) \
            and not any(is_person(ctx, a) for a in found):
        # "Trois ministres y participent : A pour la France, B pour ...": the subject counts them, the
        # list after the colon names them
        found += _named_people(ctx, doc[colon])
    later = next((i for i in range(verb.i + 2, end) if doc[i].text == ":"), None)
    if not found and later is not None and _opens_clause(ctx, verb) \
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:later]):
        # "Ont pris part à la réunion : l'Estonie, la Lettonie et la Finlande": the subject inverted
        # after the verb and its complement is the list after the colon
        return _agent_list(ctx, later + 1)
    if not found and _opens_clause(ctx, verb):
        # "Ont également participé à cette discussion les ministres ... ainsi que X": the subject
        # stands after the verb and its complement (the parser hangs it on the complement)
        found += [m.iri for j in range(verb.i + 1, end) for m in ctx.by_token.get(j, [])
                  if m.kind in ("person", "group", "delegation") and m.start == j]
        found += [ctx.role_person[j] for j in range(verb.i + 1, end) if j in ctx.role_person]
        return list(dict.fromkeys(found))
    for i in range(verb.i + 1, min(end - 1, verb.i + 6)):
        # "ainsi que X"; "à l'instar de X" (an example of the subject's many)
        joined = 2 if doc[i].lower_ == "ainsi" and doc[i + 1].lower_ == "que" else \
            4 if doc[i].lower_ == "à" and doc[i + 1].lower_ in ("l'", "l’") and doc[i + 2].lower_ == "instar" else 0
        if joined:
            found += [m.iri for j in range(i + joined, end) for m in ctx.by_token.get(j, [])
                      if m.kind in ("person", "group", "delegation") and m.start == j]
            found += [ctx.role_person[j] for j in range(i + joined, end) if j in ctx.role_person]
            break
    return list(dict.fromkeys(found))


def _occurred_told_last(ctx: Context, token: Token) -> Event | None:
    """For "Étaient également présents X, Y" in a past tense: the gathering that occurred told last in
    the window, passing over one only planned that a clause after it names in passing ("ont évoqué la
    préparation du sommet de l'Union africaine"); None when the copula is not in a past tense."""
    copula = next((c for c in token.children if c.dep_ == "cop"), None)
    if copula is None or not ({"Imp", "Past"} & set(feature(copula, "Tense"))):
        return None
    told = [(i, e) for i, e in told_in(ctx, window_start(ctx, token, 2).start, token.i) if e.status == OCCURRED]
    return last_told(told)


def _round_the_table(ctx: Context, verb: Token) -> bool:
    """The sentence opens on "Autour de la <table>" (cue:meeting-table), then ``verb`` (after
    adverbs and auxiliaries): a fronted place of the sitting, so the subject is inverted after it."""
    doc = ctx.doc
    start = ctx.sent_of(verb).start
    if verb.i - start < 4 or doc[start].lower_ != "autour" or doc[start + 1].lower_ not in ("de", "d'", "d’"):
        return False
    k = start + 2
    while k < verb.i and doc[k].pos_ == "DET":
        k += 1
    return k < verb.i and doc[k].lemma_.lower() in cue_words(ctx.lex, "meeting-table") \
        and all(t.pos_ in ("AUX", "ADV", "ADJ", "PUNCT", "SPACE") for t in doc[k + 1:verb.i])


def _copula_predicate(noun: Token) -> Token | None:
    """The copula of "Les participants étaient X, Y": a noun of those who attend (cue:attendee) as
    the subject of "être" whose predicate names them; encyclopedias list a gathering's people so."""
    if noun.dep_ != "nsubj" or "Plur" not in feature(noun, "Number"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "cop" and c.lemma_ == "être" and c.i > noun.i), None)


def _lists_the_present(ctx: Context, adjective: Token) -> bool:
    """"Les chefs d'État présents sont A (X), B (Y)": "présent" right before the copula, on the
    subject (or a complement of it: the parser may hang it on "État"); "Étaient présents : A, B":
    "présent" as the predicate, opening its sentence."""
    after = adjective.i + 1
    if adjective.dep_ == "amod" and after < len(ctx.doc) and ctx.doc[after].lemma_ == "être":
        noun = adjective.head
        while noun.dep_ == "nmod" and noun.head.i != noun.i:
            noun = noun.head
        return noun.dep_ in ("nsubj", "nsubj:pass")
    return any(c.dep_ == "cop" for c in adjective.children) and (
        _opens_clause(ctx, adjective) or _opens_after_side(ctx, adjective))


def _opens_after_side(ctx: Context, verb: Token) -> bool:
    """"Du côté namibien, étaient présents : X, Y": the predicate opens its clause after a fronted
    side phrase (cue:side-noun, set off by a comma), which says whose side the list is, not who."""
    doc = ctx.doc
    start = ctx.sent_of(verb).start
    comma = next((k for k in range(verb.i - 1, start, -1) if doc[k].text == ","), None)
    if comma is None or not any(t.lemma_.lower() in cue_words(ctx.lex, "side-noun") for t in doc[start:comma]):
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.dep_.startswith("nsubj") for t in doc[start:comma]) \
        and all(t.pos_ in ("AUX", "ADV", "PUNCT", "SPACE") for t in doc[comma + 1:verb.i])


def _arrived_at(ctx: Context, verb: Token) -> Event | None:
    """"Des délégations sont arrivées à X pour participer au sommet ... Y et Z sont arrivés à X":
    arrived where the gathering told last (this sentence or the two before) is held, before it is
    over, the subject takes part in it."""
    places = {m.place for c in verb.children if c.dep_.startswith("obl") and case_of(c) in ("à", "au", "en")
              for m in ctx.by_token.get(c.i, []) if m.place}
    event = gathering_told_last(ctx, verb)
    if event is None or not places or not places & set(event.places):
        return None
    published = ctx.source.published
    still_to_come = event.status != OCCURRED or (published is not None and event.date is not None
                                                 and event.date.iso >= published.isoformat()[:len(event.date.iso)])
    return event if still_to_come else None


def _named_people(ctx: Context, verb: Token, kinds: tuple[str, ...] = ("person",)) -> list[str]:
    """The actors of ``kinds`` named after ``verb`` to the end of its sentence: the people an impersonal
    "Il s'agit (également) de X, ambassadeur de A ; Y, ..." names (the whole run, since the parser
    often cuts it at a semicolon), or those "Les chefs d'État présents sont ..." lists."""
    end = ctx.sent_of(verb).end
    found: list[str] = []
    for j in range(verb.i + 1, end):
        found += [m.iri for m in ctx.by_token.get(j, []) if m.kind in kinds and m.start == j]
        if j in ctx.role_person:
            found.append(ctx.role_person[j])
    return list(dict.fromkeys(found))


def _present_at(ctx: Context, token: Token) -> Event | None:
    """The event "en présence de X" qualifies (the act of its clause: a signing, a meeting), else
    the gathering of the sentence or the one told last ("Il a vu la participation de X")."""
    from diplograph.extract.kinds import et

    governing = ctx.event_at.get(token.head.i)
    if governing is not None and governing in ctx.events and (
            governing.event_type in GATHERINGS or governing.event_type == et("agreement")):
        return governing
    return _gathering_in_sentence(ctx, token) or gathering_told_last(ctx, token)


def _own_participation(ctx: Context, token: Token) -> tuple[Event, list[str]] | None:
    """"Il a confirmé sa participation à la réunion de X": a possessive participation in a gathering
    is the subject's; the subject of the verb governing the noun takes part in it."""
    if not any(c.dep_ in ("det", "nmod:poss") and "Yes" in feature(c, "Poss") for c in token.children):
        return None
    event = next((e for c in token.children if c.dep_ == "nmod" and case_of(c) in ("à", "au", "aux")
                  and (e := _event_at(ctx, c)) is not None), None)
    verb = token.head
    if event is None or verb.pos_ != "VERB":
        return None
    subjects = subjects_of(ctx, verb) or [s for a in verb.children if a.dep_.startswith("aux")
                                          for s in a.children if s.dep_ == "nsubj"]  # "Il a" misparsed
    return event, [a for s in subjects for a in actors_of(ctx, s)]


def _present(ctx: Context, token: Token) -> list[str]:
    """The people (and groups, delegations, organisations) named in the complement of "présence"
    or "participation": "de X", "de 43 chefs d'État, dont notamment X et Y"."""
    if not any(c.dep_ == "nmod" and case_of(c) in ("de", "du", "des", "d'") for c in token.children):
        return []
    found: list[str] = []
    for t in token.subtree:
        if t.i <= token.i:
            continue
        found += [m.iri for m in ctx.by_token.get(t.i, []) if m.start == t.i
                  and m.kind in ("person", "group", "delegation", "org")]
        if t.i in ctx.role_person:
            found.append(ctx.role_person[t.i])
    found += _further_present(ctx, token)
    if not any(is_person(ctx, a) for a in found):
        found += _named_after_plural(ctx, token)
    people = [a for a in found if (e := ctx.entities.get(a)) is not None and e.kind != "org"]
    return list(dict.fromkeys(people or found))  # "du secrétaire général de l'ONU, X": X, not the UN


def _named_after_plural(ctx: Context, token: Token) -> list[str]:
    """"en présence des ministres togolais des Affaires étrangères et de la Défense, A et B": the
    complement is a plural title and the names set off by a comma after it are its holders (the
    parser hangs them on the verb, outside the complement)."""
    doc = ctx.doc
    noun = next((c for c in token.children if c.dep_ == "nmod" and case_of(c) in ("de", "du", "des", "d'")), None)
    if noun is None or "Plur" not in feature(noun, "Number"):
        return []
    last = max(t.i for t in noun.subtree)
    if last + 2 >= len(doc) or doc[last + 1].text != "," or ctx.sent_of(doc[last + 1]) != ctx.sent_of(token):
        return []
    return [a for a in _agent_list(ctx, last + 2) if is_person(ctx, a)]


def _further_present(ctx: Context, token: Token) -> list[str]:
    """"en présence de M. X, ambassadeur, et de M. Y, conseiller": the parser often hangs the
    second "et de ..." outside the complement; read in order, the first person after each "et de"
    up to the next comma, until a verb ends the phrase."""
    doc = ctx.doc
    found: list[str] = []
    end = ctx.sent_of(token).end
    j = token.i + 1
    while j + 1 < end and doc[j].pos_ not in ("VERB", "AUX") and doc[j].text not in (";", ":"):
        if doc[j].lower_ == "et" and doc[j + 1].lower_ in ("de", "du", "d'", "d’", "des"):
            k = j + 2
            while k < end and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX"):
                person = next((m.iri for m in ctx.by_token.get(k, []) if m.start == k and m.kind == "person"), None)
                if person is not None:
                    found.append(person)
                    break
                k += 1
            j = k
        j += 1
    return found


def _opens_clause(ctx: Context, verb: Token) -> bool:
    """Does the verb open its sentence (after its auxiliary and adverbs): a subject inverted after it?"""
    start = ctx.sent_of(verb).start
    # (a capitalised auxiliary opening the sentence may be tagged a name: "Ont pris part ..."; the
    # clitic "y" may open it too: "Y ont également pris part X et Y")
    return all(t.pos_ in ("AUX", "ADV", "PUNCT", "SPACE") or t.lower_ in _AUXILIARIES
               or (t.i == start and t.lower_ == "y") for t in ctx.doc[start:verb.i])


def _attended(ctx: Context, verb: Token) -> Event | None:
    """The gathering a verb of taking part refers to: its complement, the noun its relative clause
    qualifies ("la conférence, à laquelle participeront"), or for "y" and vague complements ("aux
    travaux") the gathering told last, in this sentence or the two before."""
    for c in verb.children:
        if c.dep_.startswith("obl") or c.dep_ == "iobj":
            event = _event_at(ctx, c)
            if event is not None:
                return event
    if verb.dep_.startswith("acl") and verb.head.i != verb.i:
        event = _event_at(ctx, verb.head)
        if event is not None:
            return event
    return gathering_told_last(ctx, verb)


def _noun_before(ctx: Context, token: Token) -> Event | None:
    """The gathering whose noun a participle follows: "le sommet A-B coprésidé par"."""
    start = max(ctx.sent_of(token).start, token.i - 6)
    return last_told([(i, e) for i, e in told_in(ctx, start, token.i) if ctx.doc[i].pos_ == "NOUN"])


def _agent_list(ctx: Context, start: int) -> list[str]:
    """The actors named from ``start`` to the end of the list they form: names, titles and
    "son homologue X", up to the next verb, pronoun or full stop."""
    found: list[str] = []
    doc = ctx.doc
    skip_to = start
    for i in range(start, min(len(doc), start + 30)):
        t = doc[i]
        if i < skip_to:
            continue
        if t.pos_ == "PRON" and "Rel" in feature(t, "PronType") and i > start and doc[i - 1].text == ",":
            # "A, qui représentait son président, et B": a relative set off by commas describes A;
            # the list goes on after its closing comma
            close = next((k for k in range(i + 1, min(len(doc), i + 15)) if doc[k].text in (",", ".", ";", ":")), None)
            if close is not None and doc[close].text == ",":
                skip_to = close + 1
                continue
        if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or t.text in (".", ";", ":") \
                or (t.is_space and "\n" in t.text and i > start):
            break
        found += [m.iri for m in ctx.by_token.get(i, []) if m.start == i and m.kind in _KINDS]
        if i in ctx.role_person:
            found.append(ctx.role_person[i])
    return list(dict.fromkeys(found))


def _told_just_before(ctx: Context, token: Token) -> Event | None:
    """The gathering told last in this sentence or the one before: a list of people that names no
    gathering says who attended the one just told ("Les participants étaient X, Y"), not one told
    further back while another, unnamed, was told in between ("La seconde, du 25 avril ...")."""
    event = gathering_told_last(ctx, token)
    start = window_start(ctx, token, 1).start
    return event if event is not None and any(i >= start and e is event for i, e in ctx.event_at.items()) else None


def _event_at(ctx: Context, token: Token) -> Event | None:
    event = ctx.event_at.get(token.i)
    return event if event is not None and event in ctx.events and event.event_type in GATHERINGS else None


def _gathering_in_sentence(ctx: Context, token: Token) -> Event | None:
    sentence = ctx.sent_of(token)
    found = [e for _, e in told_in(ctx, sentence.start, sentence.end)]
    return min(found, key=lambda e: abs(e.trigger.begin - token.idx)) if found else None


def _add(ctx: Context, event: Event | None, actors: list[str]) -> None:
    if event is None:
        return
    have = {p.actor for p in event.participants}
    for actor in actors:
        entity = ctx.entities.get(actor)
        if actor in have or entity is None or entity.kind not in _KINDS:
            continue
        event.participants.append(participant_of(ctx, actor, event.sentence))
        have.add(actor)
