"""When an event happened and whether it has: its status and its date or duration.

Status follows tense, mood and governing cue words (a future or an infinitive of holding is
planned, "annoncer" announces, a day already past has occurred); the time is the date or
duration that depends on the trigger's clause, else the nearest one no other trigger of the
sentence stands closer to. Split from :mod:`diplograph.extract.arguments`, which reads who and
where: the two read different words of the clause.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import in_purpose, invited_to
from diplograph.extract.context import Context
from diplograph.extract.dates import MONTHS, time_near
from diplograph.extract.held_clauses import clause_of_noun, in_other_clause
from diplograph.extract.incises import is_reporting
from diplograph.extract.kinds import ANNOUNCED, GATHERINGS, OCCURRED, PLANNED, cue_words
from diplograph.extract.patterns import Hit
from diplograph.extract.syntax import DURING_NOUNS, in_quote
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.extract.verb_forms import future_form, is_passive, reported_past, retrospective_future
from diplograph.model import DateValue, DurationValue

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that make a gathering happen ("effectuer une visite", "tenir un sommet"; in the infinitive
# after another verb, "l'a invité à effectuer une visite", the gathering is still to come) are
# cue:holding, the words of inviting cue:inviting (ontology/vocab/cues.ttl).


def dated_before(date: DateValue, reference) -> bool:
    """A day (not a month or a year) strictly before the publication day."""
    return reference is not None and len(date.iso) == 10 and date.iso < reference.isoformat()[:10]


def next_years_month(date: DateValue, reference, past_words: frozenset[str] = frozenset()) -> DateValue:
    """A month written without its year ("prévu en mars") on an event still to come: when this
    year's is already behind the publication, next year's is meant (the date resolver, without a
    tense to go by, took the recent past, as news mostly reports). Not a month the text itself
    says is behind (``past_words``, cue:prior: "qui devait se tenir à la mi-février dernier")."""
    if not date.relative or date.precision != "month" or reference is None \
            or date.iso >= reference.isoformat()[:7] \
            or any(w in past_words for w in date.evidence.text.lower().split()):
        return date
    return replace(date, iso=f"{int(date.iso[:4]) + 1:04d}{date.iso[4:]}")


def told_ahead(token: Token) -> bool:
    """The trigger's own verb (or the verb of the clause it is the subject or object of) is a
    future, a conditional or an infinitive: what it tells is still to come, whatever its date."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tensed = [verb, *auxiliaries(verb)]
    if reported_past(verb):
        return False
    return any(future_form(t) for t in tensed) or ("Inf" in feature(verb, "VerbForm") and not any(
        c.dep_.startswith("aux") for c in verb.children))


def range_duration(date: DateValue | None) -> DurationValue | None:
    """"du 11 au 13 octobre", "les 25, 26 et 27 août", "les 11 et 12 octobre 1986": a gathering dated
    by a range of days of one month lasted from the first to the last (P3D, P3D, P2D); read off
    the days written before the month in the date's own words. Days listed with "et" or commas
    count only when they follow one another ("les 3 et 17 mars" are two days, not fifteen)."""
    if date is None or date.precision != "day":
        return None
    words = re.findall(r"1er|\d{1,2}|[^\W\d]+|[-–]", date.evidence.text.lower())
    month = next((i for i, w in enumerate(words) if w in MONTHS), None)
    if month is None:
        return None
    head = words[:month]
    days = [1 if w == "1er" else int(w) for w in head if w == "1er" or w.isdigit()]
    if len(days) < 2 or days != sorted(days) or days[-1] - days[0] > 30:
        return None
    spanned = any(w in ("au", "-", "–") for w in head)
    if not spanned and any(b - a != 1 for a, b in zip(days, days[1:], strict=False)):
        return None
    return DurationValue(f"P{days[-1] - days[0] + 1}D", False, date.evidence)


def first_day(token: Token, date: DateValue | None, duration: DurationValue | None,
              closing: frozenset[str]) -> DateValue | None:
    """"ont achevé mardi un sommet de deux jours": the day told is the last one; the gathering is
    dated by its first (Monday), as a range "du 26 au 27 mai" is. ``closing``: the verbs of
    cue:closing (triggers.ttl)."""
    if date is None or duration is None or date.precision != "day":
        return date
    days = re.fullmatch(r"P(\d+)D", duration.iso)
    # "ont achevé mardi un sommet de deux jours", "Le sommet s'est achevé mardi, après deux jours de travaux"
    verb = token.head if token.pos_ == "NOUN" and token.dep_ in ("obj", "obl:mod", "obl", "nsubj") else token
    if days is None or int(days.group(1)) < 2 or verb.lemma_.lower() not in closing:
        return date
    first = datetime.date.fromisoformat(date.iso) - datetime.timedelta(days=int(days.group(1)) - 1)
    return DateValue(first.isoformat(), "day", date.evidence, relative=date.relative)


def gathering_doing(ctx: Context, token: Token, modal: Token) -> list[Token]:
    """"Le sommet doit adopter une déclaration", "La conférence devrait examiner le rapport": a gathering
    told with a definite article, subject of a modal whose verb is something the gathering does (no
    verb of taking place: "le sommet doit se tenir en mars" is still to come). The modal is about
    that act, and so is its day; the gathering is the one under way. The verbs of that act, or none.
    """
    from diplograph.extract.reference import DEFINITES, DEMONSTRATIVES, determiner

    det = determiner(token)
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or det is None \
            or det.lower_.replace("’", "'") not in DEFINITES | DEMONSTRATIVES \
            or not any(h.head == token.i and h.iri in GATHERINGS for h in ctx.hits_of("event")):
        return []
    verbs = [c for c in modal.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    # taking place, opening, closing, bringing people together, being: the gathering's own coming ("doit
    # avoir lieu", "doit s'ouvrir", "doit s'achever vendredi soir", "doit réunir trente chefs d'État")
    held = cue_words(ctx.lex, "held-clause") | cue_words(ctx.lex, "opening") | cue_words(ctx.lex, "closing") \
        | cue_words(ctx.lex, "bringing-together") | {"avoir", "être"}
    return [] if any(v.lemma_.lower() in held or v.i in ctx.event_at for v in verbs) else verbs


def _told_as_past(ctx: Context, participle: Token) -> bool:
    """"organisée la semaine dernière", "prévue le mois passé": a participle of planning whose time is
    a unit of the calendar marked as gone by (cue:prior) tells a gathering already held; a week or a
    month has no date value, so the date cannot say it."""
    prior = cue_words(ctx.lex, "prior")
    return any(c.dep_.startswith("obl") and c.pos_ == "NOUN" and any(
        a.dep_ == "amod" and a.lemma_.lower() in prior for a in c.children) for c in participle.children)


def _timed_in_future(ctx: Context, clause: Token) -> bool:
    """A relative clause in the future that says when, how long or that the gathering it qualifies is
    held ("qui durera 45 minutes", "qui devrait se tenir en mai"): the gathering is still to come. (What
    the clause tells of something else, "une tournée qui le mènera au Rwanda", says nothing of that.)"""
    if clause.dep_ != "acl:relcl" or not any(
            future_form(t) for t in [clause, *(a for a in clause.children if a.dep_.startswith("aux"))]):
        return False
    verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    timed = ctx.timed_tokens()
    return any(v.lemma_.lower() in cue_words(ctx.lex, "held-clause") for v in verbs) \
        or any(t.i in timed for t in clause.subtree)


def event_status(ctx: Context, token: Token, hit: Hit) -> str:
    """Planned/announced from tense, mood and governing cue words; occurred otherwise."""
    words = ctx.vocab.status_words  # type: ignore[attr-defined]
    holding = cue_words(ctx.lex, "holding")
    verb = token
    # (not a name the tagger took for a verb: "un entretien avec ... Narendra Modi", "Narendra" a future)
    if token.pos_ != "VERB" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.pos_ == "VERB" \
            and not ctx.by_token.get(token.head.i) and not gathering_doing(ctx, token, token.head):
        verb = token.head
    if not reported_past(verb) and not (verb is not token and retrospective_future(verb)):
        for t in [verb, *auxiliaries(verb)]:
            if future_form(t):
                return PLANNED
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and any(_timed_in_future(ctx, c) for c in token.children):
        return PLANNED  # "un entretien qui durera 45 minutes", "la réunion, qui devrait se tenir en mai": to come
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and invited_to(ctx, token) is not None:
        return PLANNED  # "inviter X pour une visite à la Maison-Blanche": asked for, not made
    if token.pos_ == "NOUN" and token.dep_ == "obj" and token.head.pos_ in ("VERB", "AUX") and any(
            future_form(t) for t in [token.head, *auxiliaries(token.head)]):
        return PLANNED  # "La délégation aura une séance de travail ce soir avec ...": still to come
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and token.dep_ in ("obl", "obl:arg") \
            and token.head.pos_ == "VERB" and token.head.i not in ctx.event_at:
        head = token.head  # "où il prendra part au sommet", "participera à la réunion": still to come
        if any(future_form(t) for t in [head, *auxiliaries(head)]):
            return PLANNED
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and token.head.pos_ == "VERB" and is_passive(token.head) \
            and any(c.dep_ == "case" and c.lower_ == "pour" for c in token.children) \
            and token.head.lemma_.lower() in cue_words(ctx.lex, "planned-participle") \
            and any(c.dep_ == "aux:pass" and "Pres" in feature(c, "Tense") for c in token.head.children):
        return PLANNED  # "X est attendu jeudi à Z, pour une visite": expected, still to come
    for c in token.children:
        if c.dep_ in ("amod", "acl") and c.lemma_.lower() in words and c.i != token.i:
            if c.dep_ == "acl" and _told_as_past(ctx, c):
                return OCCURRED  # "la réunion ministérielle organisée à Nairobi la semaine dernière"
            return words[c.lemma_.lower()]
    if token.pos_ == "NOUN" and token.dep_ == "nmod" and token.head.pos_ == "NOUN":
        for c in token.head.children:  # "la prochaine session du dialogue"
            if c.dep_ == "amod" and c.lemma_.lower() in words:
                return words[c.lemma_.lower()]
        if hit.iri in GATHERINGS and token.head.lemma_.lower() in words and token.head.i not in ctx.event_at:
            return words[token.head.lemma_.lower()]  # "la préparation de la réunion ministérielle": to come
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and token.dep_ == "obj" \
            and "Inf" in feature(token.head, "VerbForm") and token.head.lemma_.lower() in holding \
            and (token.head.dep_ == "xcomp" or any(c.dep_ == "mark" and c.lower_ in ("à", "de", "d'")
                                                   for c in token.head.children)):
        # "l'a invité à effectuer une visite", "sont convenus de tenir un sommet", "son invitation à
        # effectuer une visite d'État": not yet
        return PLANNED
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS and token.dep_ == "obj" \
            and "Inf" in feature(token.head, "VerbForm") and token.head.lemma_.lower() in holding \
            and any(w.lemma_.lower() in cue_words(ctx.lex, "inviting") for a in list(token.head.ancestors)[:2]
                    for w in (a, *(c for c in a.children if c.dep_ == "obj"))):
        return PLANNED  # "a réitéré son invitation au Président X pour effectuer une visite d'État"
    if token.pos_ == "NOUN" and hit.iri in GATHERINGS:
        k = token.i - 1  # "des préparatifs d'un sommet", "à l'approche des réunions": the parse may
        while k > 0 and token.doc[k].pos_ in ("DET", "ADP"):  # hang the gathering on the verb
            k -= 1
        if k < token.i - 1 and token.doc[k].pos_ == "NOUN" and words.get(token.doc[k].lemma_.lower()) == PLANNED:
            return PLANNED
    if _reporting_incise(ctx, token):
        return OCCURRED  # "X doit se rendre à Y en novembre, a précisé Z": the saying is done
    current = token
    for _ in range(4):
        if current.dep_ not in ("nsubj", "nsubj:pass", "obj", "xcomp", "nmod", "conj", "ccomp") \
                or current.head.i == current.i:
            break
        head = current.head
        lemma = head.lemma_.lower()
        if head.pos_ == "NOUN" and lemma in cue_words(ctx.lex, "gathering-phase"):
            break  # "a annoncé la clôture du sommet": the closing is announced, the summit is held
        if lemma in words and head.i != hit.head and current is token and gathering_doing(ctx, token, head):
            break  # "Le sommet doit adopter jeudi une déclaration": the adoption is to come, not the summit
        if lemma in words and head.i != hit.head:
            status = words[lemma]
            if status == ANNOUNCED and head.i in ctx.event_at and token.pos_ == "VERB":
                break
            return status
        if head.pos_ == "VERB" and head.i != hit.head and _compound_past(head):
            break  # "a annoncé que la déclaration du sommet avait été adoptée": a clause told as done
        current = head
    if token.pos_ == "VERB" and "Inf" in feature(token, "VerbForm") and token.dep_ == "xcomp":
        head = token.head
        # "a semblé reconnaître": a hedged report; "a conduit X à appeler": a caused act
        recent = head.lemma_.lower() in cue_words(ctx.lex, "recent-past") and any(
            c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in token.children)
        # "qui viennent de se rencontrer": done just now; "a tenu à souligner": done as wished
        fulfilled = head.lemma_.lower() in cue_words(ctx.lex, "fulfilment") and any(
            c.dep_ == "mark" and c.lower_ == "à" for c in token.children)
        # "Cet entretien a été l'occasion de réitérer ...": done on that occasion, in the copula's tense
        fulfilled = fulfilled or (head.pos_ == "NOUN" and head.lemma_.lower() in cue_words(ctx.lex, "occasion-noun")
                                  and any(c.dep_ == "cop" for c in head.children)
                                  and any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in token.children))
        if recent or fulfilled or head.lemma_.lower() in cue_words(ctx.lex, "hedge") | cue_words(ctx.lex, "causative"):
            tensed = [head, *auxiliaries(head)]
            future = any(future_form(t) for t in tensed)
            return PLANNED if future else OCCURRED
        return PLANNED
    if token.pos_ == "VERB" and "Inf" in feature(token, "VerbForm") and token.dep_ == "acl" \
            and any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’", "à") for c in token.children):
        return PLANNED  # "charge les ministres de présenter un projet", "sa décision de signer": still to do
    if _not_yet(token):
        return PLANNED  # "la date de sa visite n'a pas encore été dévoilée"
    if token.pos_ == "VERB" and "Inf" in feature(token, "VerbForm") \
            and any(c.lower_ == "avant" for c in token.children) and token.head.i != token.i:
        # "doit s'entretenir lundi avec X, avant de se rendre à Riyad": what comes after a planned
        # act is planned too
        head = token.head
        before = ctx.event_at.get(head.i) or next(
            (ctx.event_at[c.i] for c in head.children if c.dep_ == "xcomp" and c.i in ctx.event_at), None)
        if before is not None and before.status != OCCURRED:
            return before.status
    governing = ctx.event_at.get(token.head.i)
    if token.pos_ == "NOUN" and governing is not None and governing.status != OCCURRED:
        return governing.status
    return OCCURRED


def _reporting_incise(ctx: Context, token: Token) -> bool:
    """A reporting verb in the perfect after a comma, with its subject after it ("..., a précisé
    Mme X"): the parser may hang it on the verb of what is reported as a conjunct, but it tells
    a saying already done whatever that verb announces."""
    if token.pos_ != "VERB" or token.dep_ not in ("conj", "parataxis") or not told_done(token):
        return False
    k = token.i - 1
    while k > 0 and ctx.doc[k].dep_.startswith("aux"):
        k -= 1
    # the subject after the verb; the parser may read it as an object ("..., a précisé la
    # chancellerie."), which a reporting verb after a comma cannot have: what it reports came before
    return ctx.doc[k].text == "," and is_reporting(ctx, token) \
        and any(c.i > token.i and (c.dep_ == "nsubj" or (c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")))
                for c in token.children)


def _not_yet(token: Token) -> bool:
    """A verb governing the trigger is negated with "encore": what it is about has not happened."""
    node = token
    for _ in range(4):
        words = {c.lower_ for c in node.children}
        if node.pos_ in ("VERB", "AUX") and words & {"ne", "n'"} and "encore" in words:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _compound_past(verb: Token) -> bool:
    """A participle with its auxiliary in the indicative present or imperfect: "a été adoptée",
    "avait été adoptée", "ont signé" (not "aura lieu", "aurait été")."""
    return "Part" in feature(verb, "VerbForm") and any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Ind" in feature(c, "Mood")
        and ({"Pres", "Imp"} & set(feature(c, "Tense"))) for c in verb.children)


def told_done(token: Token) -> bool:
    """A verb in a compound past ("a annoncé", "ont convenu"): the act is done."""
    return "Part" in feature(token, "VerbForm") and any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Pres" in feature(c, "Tense")
        for c in token.children)


def attached_time(ctx: Context, token: Token, kind: type):
    """The date/duration that depends on this trigger (or its clause), else the nearest one."""
    sentence = ctx.sent_of(token)
    candidates = [t for t in ctx.times
                  if isinstance(t.value, kind) and sentence.start <= t.start < sentence.end
                  and not getattr(t.value, "deadline", False)  # "d'ici à la fin mars" is a time limit
                  and in_quote(ctx, ctx.doc[t.start]) == in_quote(ctx, token)]
    # "sa première visite en Guinée depuis son élection le 24 mars": the date right after a noun
    # introduced by "depuis", "avant", "après" is that noun's
    candidates = [t for t in candidates if not _date_of_framed_noun(ctx, t.start, token)
                  and not in_other_clause(ctx, t.start, token.i)  # "le conseil tenu à X en 2023"
                  and not _since(ctx, t.start, token)]
    before = _anterior_clause(token)
    if before is not None:  # "après avoir assisté au sommet ..., X a entamé une visite du 12 au 14 juin"
        candidates = [t for t in candidates if before.left_edge.i <= t.start <= before.right_edge.i]
    acts = gathering_doing(ctx, token, token.head) if token.pos_ == "NOUN" else []
    if acts:  # "Le sommet doit adopter mercredi une déclaration": the adoption's day, not the summit's
        candidates = [t for t in candidates if not any(v.left_edge.i <= t.start <= v.right_edge.i for v in acts)]
    held = clause_of_noun(ctx, token.i) if token.pos_ == "NOUN" else None
    own = [t for t in candidates if held is not None and held.start <= t.start < held.end]
    if own:  # "le sommet, qui se tiendra en mars": the clause that holds it says when
        return min(own, key=lambda t: t.start).value
    if token.pos_ == "NOUN" and in_purpose(token):
        # "sont arrivés vendredi à Lomé pour participer au sommet": the arrival's day, told before the
        # infinitive, is not the summit's; "pour préparer le sommet de Lima (30 mai)" keeps its own
        candidates = [t for t in candidates if t.start > token.head.i]
    if token.pos_ == "VERB" and candidates and is_reporting(ctx, token):
        # "« ... depuis la Guerre froide », en 1989, a ajouté X": the words before an incise are
        # what was said; a time among them dates what they tell, not the saying
        candidates = [t for t in candidates if t.start > token.i]
    if not candidates:
        return None
    triggers = ctx.trigger_heads | {token.i}
    ranked: list[tuple[int, int, object]] = []
    for t in candidates:
        node = ctx.doc[t.start]
        steps = 0
        below = node
        for _ in range(6):
            if node.i in triggers and node.i != t.start:
                break
            if node.head.i == node.i:
                break
            below, node = node, node.head
            steps += 1
        if node.i == token.i and _told_in_its_clause(below, token):
            continue  # "sont convenus que X effectuerait une visite les 19 et 20 décembre": the visit's days
        if node.i == token.i:
            ranked.append((steps, t.start, t.value))
        elif node.i in triggers:
            continue
        # attached to a verb that is no trigger: the event closest to it takes the value
        elif ((token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass") and token.head.i == node.i)
              or token.head.i == node.i or node.head.i == token.i) and not _nearer_trigger(ctx, token, t.start):
            ranked.append((steps + 10, t.start, t.value))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2]
    best = time_near(ctx, token.i, token.i + 1, kind)
    if best is not None and token.pos_ == "NOUN" and in_purpose(token) and best.start < token.head.i:
        best = None  # the main verb's time, told before the infinitive of purpose
    if best is not None and (in_quote(ctx, ctx.doc[best.start]) != in_quote(ctx, token)
                             or in_other_clause(ctx, best.start, token.i) or _since(ctx, best.start, token)):
        best = None
    if best is not None and kind is DateValue:
        # only when no other trigger of the sentence is closer to it
        # every trigger of the sentence, including those whose events are built after this one
        others = [i for i in ctx.trigger_heads if sentence.start <= i < sentence.end and i != token.i]
        if all(abs(i - best.start) > abs(token.i - best.start) for i in others):
            return best.value
    if best is not None and kind is DurationValue:
        return best.value
    return None


def _told_in_its_clause(below: Token, token: Token) -> bool:
    """The time reached the verb ``token`` through ``below``, a clause after "que" with its own finite
    verb ("sont convenus que X effectuerait une visite les 19 et 20 décembre", "a annoncé que le
    sommet aurait lieu en mars"): the time is of what that clause tells, not of the saying or the
    agreeing, which happen when the text says they did."""
    return token.pos_ in ("VERB", "ADJ") and below is not token and below.dep_ == "ccomp" \
        and below.pos_ in ("VERB", "AUX") and "Fin" in feature(below, "VerbForm") \
        and any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in below.children)


def _anterior_clause(token: Token) -> Token | None:
    """The verb of an infinitive clause of anteriority ("après avoir assisté au sommet", "après
    s'être entretenu avec X") that holds ``token``: what it tells came before the main clause, so a
    time of the main clause is not its time. None when ``token`` is in no such clause."""
    node = token
    for _ in range(6):
        if node.pos_ == "VERB" and node.dep_ in ("advcl", "acl") and (
                "Inf" in feature(node, "VerbForm")
                or any(c.dep_.startswith("aux") and "Inf" in feature(c, "VerbForm") for c in node.children)) \
                and any(c.dep_ in ("mark", "case") and c.lower_ == "après" for c in node.children):
            return node  # (the infinitive asked only of a verb of such a clause: ~3,000 calls)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _since(ctx: Context, start: int, token: Token | None = None) -> bool:
    """"la première visite ... depuis 2019", "suspendus depuis 2021": a time after "depuis" starts a
    period that runs to the time of the telling; it is not when the event took place. Except the
    day a gathering under way began ("Tenu depuis mercredi à X, le sommet ...", "a démarré depuis
    mardi 12 mars"): a gathering over several days is dated by its first day."""
    doc = ctx.doc
    if not (doc[start].lower_ == "depuis" or (start > 0 and doc[start - 1].lower_ == "depuis")):
        return False
    if token is not None and any(h.head == token.i and h.iri in GATHERINGS for h in ctx.hits_of("event")):
        value = next((t.value for t in ctx.times if t.start <= start < t.end or t.start == start + 1), None)
        if isinstance(value, DateValue) and value.precision == "day":
            return False
    return True


def _date_of_framed_noun(ctx: Context, start: int, token: Token) -> bool:
    """The words before the time at ``start`` are a noun (not the trigger) opened by "depuis",
    "avant" or "après": "depuis son élection le 24 mars" dates the election; so does a "depuis"
    phrase a little further back ("depuis son entrée en fonction, en septembre 2024")."""
    doc = ctx.doc
    k = start - 1
    while k > 0 and doc[k].pos_ == "DET":
        k -= 1
    if k > 0 and k != token.i and doc[k].pos_ == "NOUN" and any(
            c.dep_ == "case" and c.lower_ in ("depuis", "avant", "après") for c in doc[k].children):
        return True
    # "sa première visite depuis son entrée en fonction, en septembre 2024": what "depuis" opens
    # is where a period starts, and the time set after it (past a complement and a comma) is its
    # start, never the day of the event told since
    for k in range(start - 1, max(0, start - 16), -1):
        if k == token.i or doc[k].pos_ in ("VERB", "AUX") or doc[k].text in (".", ";", ":"):
            return False
        if doc[k].lower_ == "depuis" and doc[k].dep_ == "case" and doc[k].head.i != token.i \
                and doc[k].head.pos_ == "NOUN" and doc[k].head.i != start \
                and not any(m.place is not None for m in ctx.by_token.get(doc[k].head.i, [])):
            # ("depuis mercredi": _since; "une conférence de presse depuis la Maison Blanche, ce
            # mardi": from a place, no period starts there)
            return True
    return False


def _nearer_trigger(ctx: Context, token: Token, start: int) -> bool:
    """Another trigger stands between ``token`` and the time word at ``start``, on its side:
    "La visite de X intervient après l'entretien entre Y et Z, le 12 février": the date is
    the interview's, not the visit's."""
    lo, hi = sorted((token.i, start))
    return any(lo < i < hi and not _framing(ctx.doc[i]) for i in ctx.trigger_heads if i != token.i)


def _framing(token: Token) -> bool:
    """The gathering noun frames the clause's act ("Le 9 mai, en marge du sommet, X et Y ont eu un
    entretien"): it stands between the day and the act without taking the act's day from it."""
    return token.pos_ == "NOUN" and token.head.lemma_.lower() in DURING_NOUNS \
        and any(c.dep_ == "case" for c in token.head.children)
