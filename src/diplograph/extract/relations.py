"""Relations between the events of one document, around its main event.

The main event is the first occurred meeting (or negotiation) with participants. Earlier
talks ("des discussions préalables avaient eu lieu", "après consultations") precede it;
planned or announced gatherings after it follow it up; what is said in a "Réactions"
section, or "en réaction à", reacts to it; background events (fighting, resignations,
controversies) are its context; what happened at its place, during it, is part of it;
and a definite reference to "les pourparlers" names the process it is part of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.backdrops import backdrop_disputes
from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.incises import inverted_noun
from diplograph.extract.kinds import BACKGROUND, GATHERINGS, OCCURRED, cue_pair_words, cue_pairs, cue_words, et
from diplograph.extract.occasions import add_relation, link_parts, occasion_of
from diplograph.extract.reference import DEMONSTRATIVES, anaphoric_subject, is_process
from diplograph.extract.same_event import main_event
from diplograph.extract.syntax import DURING_CASES, DURING_NOUNS, actors_of
from diplograph.extract.token_view import feature
from diplograph.extract.told_before import told_in
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# Modifiers saying a gathering came before ("des discussions préalables") and the heading words of
# a section of reactions are cue:prior and cue:reaction-heading (ontology/vocab/cues.ttl).
#: "après", "à la suite de", "suite à": prepositions (grammar), so they stay here.
_AFTER = frozenset({"après", "suite"})


def link_events(ctx: Context) -> None:
    """Add :class:`EventRelation` links between the document's events."""
    main = main_event(ctx)
    for event in ctx.events:
        token = event_token(ctx, event)
        _preceded_by_in_clause(ctx, event, token)
        _during_in_clause(ctx, event, token)
        _reacts_to_object(ctx, event, token)
        _replies(ctx, event, token)
    _follow_ups_by_verb(ctx, main)
    _numbered_rounds(ctx)
    main = occasion_of(ctx, main)
    if main is not None:
        _around_main(ctx, main)
        backdrop_disputes(ctx, main)
    link_parts(ctx, main)  # after the main event's links: a part of it is no earlier talk of it


def _around_main(ctx: Context, main: Event) -> None:
    """Links of the other events to the main one: earlier talks, follow-ups, reactions, backdrop."""
    for event in ctx.events:
        if event is main:
            continue
        token = event_token(ctx, event)
        after_main = event.trigger.begin > main.trigger.begin
        if event.event_type in BACKGROUND:
            if not _in_reaction(ctx, event, token) and _told_as_backdrop(ctx, event, token):
                add_relation(main, "context", event)
            continue
        if event.event_type in GATHERINGS and event.status == OCCURRED and _is_prior(ctx, event, token, main):
            if not any(r.other == event.trigger.begin for r in main.relations):  # not when it follows it up
                add_relation(main, "precededBy", event)
            continue
        if event.event_type == et("negotiation") and event.status == OCCURRED and is_process(token) \
                and not event.participants and event.date is None:  # "les pourparlers", not "les entretiens"
            add_relation(main, "partOf", event)
            continue
        if event.status != OCCURRED and after_main and event.event_type in GATHERINGS:
            if _continues(ctx, event, token, main):
                add_relation(event, "followUpOf", _followed_up(ctx, event, main))
            continue
        if _in_reaction(ctx, event, token):
            add_relation(event, "reactsTo", main)
            continue
        if event.status == OCCURRED and main.places and set(event.places) & set(main.places) \
                and event.event_type not in GATHERINGS and _within(event, main):
            add_relation(event, "partOf", main)


def _within(event: Event, main: Event) -> bool:
    """Can an act told at the main gathering's place be part of it? Not when it is dated
    another day (a treaty signed months later in the same city, a communiqué issued after a
    visit), nor when the one who acts did not take part ("le représentant du Soudan a rejeté
    le projet" at a council session told after the envoy's talks in Port-Soudan)."""
    if event.date is not None and main.date is not None and "day" == event.date.precision == main.date.precision \
            and event.date.iso != main.date.iso:
        return False
    present = {p.actor for p in main.participants}
    return all(agent in present for agent in event.agents)


def _ordinal(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ == "amod" and "Ord" in feature(c, "NumType") for c in token.children)


def _numbered_rounds(ctx: Context) -> None:
    """"quatre sessions de pourparlers ... La première session (<ville>, ...)": a numbered
    round is part of the series told before it (a negotiation, or a gathering named in the
    plural), not a meeting of its own standing."""
    told = sorted((e for e in ctx.events if e.event_type in GATHERINGS), key=lambda e: e.trigger.begin)
    chosen: Event | None = None  # the series of the first numbered round; the later rounds belong to it too
    for event in told:
        token = event_token(ctx, event)
        if not _ordinal(token) or any(r.relation == "partOf" for r in event.relations):
            continue
        if chosen is None:
            # a series spans time: a gathering dated to the day ("ont repris le 16 mai") is a round itself
            series = [e for e in told if e.trigger.begin < event.trigger.begin and not _ordinal(event_token(ctx, e))
                      and (e.date is None or e.date.precision != "day")
                      and (e.event_type == et("negotiation") or "Plur" in feature(event_token(ctx, e), "Number"))]
            chosen = series[-1] if series else None
        if chosen is not None:
            add_relation(event, "partOf", chosen)


def _continues(ctx: Context, event: Event, token: Token, main: Event) -> bool:
    """Does the text say this planned gathering continues what was done? "pour poursuivre les
    consultations", "la poursuite du dialogue" (cue:follow-up in its sentence), or the same
    people meeting again, "Les deux ministres se retrouveront à Porto" (cue:meeting-again with a
    subject naming no one new), unless it is held "en marge" of another event. A visit or a
    summit merely told after the meeting, between other people, is not its follow-up."""
    if any(r.relation == "partOf" for r in event.relations):
        return False
    if any(c.lemma_.lower() in cue_words(ctx.lex, "preparation") for c in token.children
           if c.dep_ in ("advcl", "xcomp", "obl", "ccomp")):
        return False  # "se retrouveront en octobre pour préparer cette visite": it prepares another
    sentence = ctx.sent_of(token)
    if any(t.lemma_.lower() in cue_words(ctx.lex, "follow-up") for t in sentence):
        return True
    if token.lemma_.lower() not in cue_words(ctx.lex, "meeting-again"):
        return False
    theirs = {p.actor for p in main.participants}
    mine = {p.actor for p in event.participants} | set(event.agents)
    return anaphoric_subject(ctx, token) or bool(mine) and mine <= theirs


def _followed_up(ctx: Context, event: Event, main: Event) -> Event:
    """The main event when it shares the people or place (or nothing is said of them), else the
    latest earlier occurred gathering with the same people or place, else the main one."""
    actors = {p.actor for p in event.participants}
    places = set(event.places)
    if not (actors or places) or actors & {p.actor for p in main.participants} or places & set(main.places):
        return main
    for other in sorted(ctx.events, key=lambda e: -e.trigger.begin):
        if other is event or other.trigger.begin >= event.trigger.begin:
            continue
        if other.event_type not in GATHERINGS or other.status != OCCURRED:
            continue
        if actors & {p.actor for p in other.participants} or places & set(other.places):
            return other
    return main


def _is_prior(ctx: Context, event: Event, token: Token, main: Event) -> bool:
    """Does the text present this earlier gathering as coming before the main one? "des
    discussions préalables", "amendé après consultations", "à la suite des consultations
    tenues à Genève". An earlier date or a pluperfect alone does not: news tells the earlier
    meetings of the same people as background ("Les deux dirigeants s'étaient rencontrés en
    novembre"), which readers do not take for the prior talks of this one."""
    del main
    # ("préparatoire" is often parsed as a participle clause, acl)
    if any(c.lemma_.lower() in cue_words(ctx.lex, "prior") for c in token.children if c.dep_ in ("amod", "acl")):
        return True
    if any(c.dep_ == "case" and c.lower_ in _AFTER for c in token.children):
        return True
    # "à la suite des consultations": the gathering completes the noun of "à la suite de"
    head = token.head
    return token.dep_.startswith("nmod") and head.lower_ in _AFTER and head.i != token.i \
        and any(c.dep_ == "case" and c.lower_ == "à" for c in head.children)


def _told_as_backdrop(ctx: Context, event: Event, token: Token) -> bool:
    """"dans un contexte de combats persistants", "sur fond de tensions", a section headed "...
    en toile de fond": the text frames the fact as the backdrop of what it tells (cue:backdrop)."""
    words = cue_words(ctx.lex, "backdrop")
    section = next((s for s in ctx.source.sections if s.begin <= event.trigger.begin < s.end), None)
    if section is not None and section.heading is not None \
            and any(w in section.heading.text.lower() for w in words):
        return True
    sentence = ctx.sent_of(token)
    before = ctx.doc[sentence.start:token.i].text.lower()
    return any(w in before for w in words)


def _in_reaction(ctx: Context, event: Event, token: Token) -> bool:
    section = next((s for s in ctx.source.sections if s.begin <= event.trigger.begin < s.end), None)
    if section is not None and section.heading is not None:
        if any(w in section.heading.text.lower() for w in cue_words(ctx.lex, "reaction-heading")):
            return True
    told = ctx.sent_of(token)
    sentence = ctx.doc_text[told.start_char:told.end_char].lower()  # its .text, from the text made once
    return "en réaction" in sentence or "réagissant" in sentence or event.event_type == et("reaction")


#: Relative pronouns that open a clause told during the noun before them: "l'entretien ..., au
#: cours duquel les deux hommes sont convenus", "la réunion, lors de laquelle ...".
_RELATIVES = frozenset("duquel desquels desquelles lequel laquelle lesquels lesquelles quoi".split())


def _during_in_clause(ctx: Context, event: Event, token: Token) -> None:
    """"X a rencontré Y en marge du sommet", "a eu un entretien en marge du sommet": the
    meeting is part of the summit; "l'entretien, au cours duquel ils sont convenus de ...": the
    agreement is part of the talks the relative pronoun stands for; "en marge des travaux": the
    gathering whose sessions these are, the one told last before."""
    relative = _during_relative(token)
    if relative is not None:
        other = _told_before(ctx, event, relative, within_sentence=True)
        if other is not None:
            add_relation(event, "partOf", other)
        return
    verb = token
    if token.pos_ == "NOUN" and token.dep_ == "obj" and token.head.pos_ == "VERB" \
            and token.head.i not in ctx.event_at:
        verb = token.head  # a light verb: "a eu un entretien", "a tenu une réunion"
    if verb.pos_ != "VERB":
        return
    for c in _framing_candidates(ctx, verb):
        if c.lemma_.lower() in DURING_NOUNS or c.lemma_.lower() in cue_words(ctx.lex, "trip-stage"):
            # "Jeudi, dernière étape de la tournée, X a été reçu à Y": a stage of the trip
            nodes = [g for g in c.children if g.dep_.startswith("nmod")]
        elif any(g.dep_ == "case" and g.lower_ in DURING_CASES for g in c.children):
            nodes = [c]
        elif c.lower_ in DURING_CASES:  # the parser may make "lors" the head: "lors -> du sommet"
            nodes = [g for g in c.children if g.dep_.startswith(("obl", "nmod"))]
        else:
            continue
        for node in nodes:
            # a further mention names its event too ("dernière étape de la tournée": the tour told before)
            other = ctx.event_at.get(node.i) or next(
                (e for e in ctx.events if any(m.begin == node.idx for m in e.mentions)), None)
            if other is None and {node.lemma_.lower(), node.lower_} & cue_words(ctx.lex, "back-reference") \
                    and "Plur" in feature(node, "Number"):
                other = _told_before(ctx, event, node, within_sentence=False)  # "en marge des travaux"
            if other is not None and other is not event and other in ctx.events \
                    and other.event_type in GATHERINGS:
                add_relation(event, "partOf", other)


def _framing_candidates(ctx: Context, verb: Token) -> list[Token]:
    """The phrases of the verb's clause that may frame it in an occasion: its oblique
    complements, and those of a participle completing one of them ("Dans un discours prononcé
    lors du sommet, X a affirmé ...": the speech, and so what it says, was given at the summit).
    A participle that is itself an event's trigger frames that event, not this one."""
    def framing(head: Token) -> list[Token]:
        return [c for c in head.children if c.dep_.startswith(("obl", "nmod", "advcl"))
                or (c.dep_ == "advmod" and c.lower_ in DURING_CASES)]
    k = verb.i - 1
    while k > 0 and ctx.doc[k].dep_.startswith("aux"):
        k -= 1
    # "Lors de cet échange, ils ont évoqué ..., a précisé l'entourage": the frame opening the sentence
    # is the reported clause's; an incise (a verb after a comma, its subject after it) reports it later
    incise = ctx.doc[k].text == "," and not any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children) \
        and (inverted_noun(ctx, verb) is not None or any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children))
    found = []
    for c in framing(verb):
        if incise and c.i < verb.i:
            continue
        found.append(c)
        found.extend(g for a in c.children if a.dep_ == "acl" and a.pos_ == "VERB" and a.i not in ctx.event_at
                     and "Part" in feature(a, "VerbForm") for g in framing(a))
    return found


#: Words before a relative pronoun that make its clause happen during its antecedent.
_DURING_WORDS = DURING_NOUNS | DURING_CASES


def _during_relative(token: Token) -> Token | None:
    """The relative pronoun of "au cours duquel", "lors de laquelle", "pendant lequel" opening
    the clause whose first verb is ``token``. Read on the words: the parser hangs "au cours
    duquel" on either verb of the sentence."""
    if token.pos_ != "VERB":
        return None
    sentence = token.sent
    for j in range(token.i - 1, max(sentence.start, token.i - 10) - 1, -1):
        word = token.doc[j]
        if word.pos_ == "VERB" or word.text in ",;:":
            return None
        if word.lower_ in _RELATIVES and any(token.doc[k].lower_ in _DURING_WORDS
                                             for k in range(max(sentence.start, j - 3), j)):
            return word
    return None


def _told_before(ctx: Context, event: Event, node: Token, within_sentence: bool) -> Event | None:
    """The gathering mentioned last before ``node`` (in its sentence, for a relative pronoun)."""
    first = ctx.sent_of(node).start if within_sentence else 0
    told = told_in(ctx, first, node.i, but=event)
    return max(told, key=lambda pair: pair[0])[1] if told else None


#: Event types whose object, when it is itself an event, is what they react to.
REACTING = frozenset(et(s) for s in ("criticism", "reaction", "rejection", "accusation"))


def _reacts_to_object(ctx: Context, event: Event, token: Token) -> None:
    """"Z a condamné les frappes sur X": the criticism reacts to the strikes it names; "ont
    critiqué ce veto", "a salué cette décision": a demonstrative object naming no event of its own
    stands for the last act told before it in the paragraph (not a statement, not a reaction)."""
    if event.event_type not in REACTING or token.pos_ != "VERB":
        return
    for c in token.children:
        if c.dep_ != "obj":
            continue
        for node in (c, *(g for g in c.children if g.dep_ == "conj")):
            other = ctx.event_at.get(node.i)
            if other is None and node.pos_ == "NOUN" and any(
                    g.dep_ == "det" and g.lower_ in DEMONSTRATIVES for g in node.children):
                other = _act_told_before(ctx, event)
            if other is not None and other is not event and other in ctx.events:
                add_relation(event, "reactsTo", other)


def _replies(ctx: Context, event: Event, token: Token) -> None:
    """"X lui a répondu que ...", "X a rétorqué à Y que ...": the reply reacts to the last thing
    the one answered said or did before (cue:reply); "lui" is the last speaker other than X."""
    if token.lemma_.lower() not in cue_words(ctx.lex, "reply") or not event.agents:
        return
    answered: set[str] | None = None
    for c in token.children:
        if c.dep_.startswith(("obl", "iobj")) and any(g.lower_ in ("à", "au", "aux") for g in c.children):
            answered = set(actors_of(ctx, c))
    clitic = any(t.lower_ in ("lui", "leur") for t in ctx.doc[max(0, token.i - 3):token.i])
    said = [e for e in ctx.events if e.trigger.begin < event.trigger.begin and e.agents
            and e.event_type not in GATHERINGS and not set(e.agents) & set(event.agents)
            and (answered is None or set(e.agents) & answered)]
    if said and (answered or clitic):
        add_relation(event, "reactsTo", max(said, key=lambda e: e.trigger.begin))


#: Words said about an act rather than acts: what "ce veto" cannot stand for (a refusal can).
_WORDS_ABOUT = frozenset(et(s) for s in ("statement", "criticism", "reaction", "accusation"))


def _act_told_before(ctx: Context, event: Event) -> Event | None:
    """The last event before ``event`` in its paragraph that is an act, not words about one."""
    paragraph = next((p for p in ctx.source.paragraphs if p.begin <= event.trigger.begin < p.end), None)
    if paragraph is None:
        return None
    acts = [e for e in ctx.events if paragraph.begin <= e.trigger.begin < event.trigger.begin
            and e.event_type not in _WORDS_ABOUT]
    return max(acts, key=lambda e: e.trigger.begin) if acts else None


def _follow_ups_by_verb(ctx: Context, main: Event | None) -> None:
    """"Cet échange fait suite à la visite de X": the subject event follows up the visit.

    Read off the words (the parser often takes "suite à" for a preposition): the event
    named within a few words after "faire suite à", and before it the event the sentence
    starts with, or the main event when the sentence opens on a demonstrative phrase that
    names no event of its own ("cet échange", merged into the main event).
    """
    doc = ctx.doc
    phrases = cue_pairs(ctx.lex, "following-on")  # ("faire", "suite")
    nouns = cue_pair_words(ctx.lex, "following-on", 1)
    for at in ctx.tokens.where_lower(nouns):  # the cue's nouns only: no Token made for every word
        token = doc[at]
        if at == 0 or (doc[at - 1].lemma_.lower(), token.lower_) not in phrases:
            continue
        sentence = ctx.sent_of(token)
        earlier = next((ctx.event_at[i] for i in range(token.i - 2, sentence.start - 1, -1)
                        if i in ctx.event_at and ctx.event_at[i] in ctx.events), None)
        if earlier is None and main is not None and doc[sentence.start].lower_ in DEMONSTRATIVES:
            earlier = main
        later_end = min(sentence.end, token.i + 7)
        other = next((ctx.event_at[i] for i in range(token.i + 1, later_end)
                      if i in ctx.event_at and ctx.event_at[i] in ctx.events), None)
        if earlier is not None and other is not None and other is not earlier:
            add_relation(earlier, "followUpOf", other)


def _preceded_by_in_clause(ctx: Context, event: Event, token: Token) -> None:
    """"X ont suscité des débats, notamment après la diffusion de Y": X preceded by Y."""
    root = token.head if token.pos_ == "NOUN" else token
    if not ctx.tokens.has_lower(_AFTER, root.left_edge.i, root.right_edge.i + 1):
        return  # no "après" / "suite" in the subtree (most clauses): no Token made for each of its words
    for c in root.subtree:
        if c.dep_ == "case" and c.lower_ in _AFTER and not (c.i > 0 and ctx.doc[c.i - 1].lower_ == "d'"):
            other = ctx.event_at.get(c.head.i)  # ("d'après un communiqué" is a source, not a time)
            if other is not None and other is not event and other in ctx.events:
                add_relation(event, "precededBy", other)
