"""Where an event happened: the places its clause, a fronted phrase or the sentence before give.

Locative complements of the trigger ("à Genève", "au palais"), a phrase opening the sentence
("À Moscou, X a ..."), a parenthesis, the antecedent of "où"; a place that is what was discussed
("la situation en Libye") is a topic, not where it happened. Split from
:mod:`diplograph.extract.arguments`, which reads who took part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.held_clauses import clause_of_noun, in_other_clause
from diplograph.extract.kinds import GATHERINGS, cue_words
from diplograph.extract.syntax import LOCATIVE, case_of, opened_between
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token

_BEFORE_PLACE = frozenset({"au", "aux", "du", "des", "comme", "notamment", "surtout", ","})


def event_places(ctx: Context, token: Token, gathering: bool, addressed: bool = False) -> list[str]:
    """Places of the event: locative complements of the trigger (or of its verb). An appeal's
    "à X de + infinitive" names whom it asks ("a demandé à Ankara de cesser"), not where."""
    places: list[str] = []
    if gathering and token.pos_ == "NOUN":  # "le sommet de Vilnius", "le sommet de l'OTAN de Vilnius"
        titles = {h.head for h in ctx.hits_of("role")}  # not "un appel du président de la République française"
        for c in token.subtree:
            if c.dep_ == "nmod" and case_of(c) in ("de", "d'") and c.head.i not in titles \
                    and (c.head.i == token.i or c.head.head.i == token.i):
                places += [m.place for m in ctx.by_token.get(c.i, []) if m.place and m.place not in places]
    if gathering and token.pos_ == "NOUN" and not places:
        places += _held_places(ctx, token)  # "le sommet, qui se tiendra en mars à Montevideo"
    scopes = [token]
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubj:pass", "obj") \
            and not opened_between(ctx.doc, token.i, token.head.i):  # "la session (l'autre s'était réunie à X)"
        scopes.append(token.head)
    for scope in scopes:
        areas = cue_words(ctx.lex, "area-of")  # "vendredi dans le sud de X": the parse may hang the
        nested = [g for c in scope.children if c.dep_.startswith("obl")  # part of a place on a time
                  for g in c.children if g.dep_ == "nmod" and g.lemma_.lower() in areas]
        for c in [*scope.children, *nested]:
            if c.lower_ == "y" and c.pos_ in ("PRON", "ADV") and c.i < scope.i:
                # "j'y ai rencontré": the place named just before
                places += [p for p in _places_before(ctx, c) if p not in places]
                continue
            if not c.dep_.startswith(("obl", "nmod", "advmod")):
                continue
            case = case_of(c)
            if c.dep_ == "advmod" and c.lower_ == "y":
                places += [p for p in _places_before(ctx, c) if p not in places]  # "j'y ai rencontré"
                continue
            if case not in LOCATIVE:
                continue
            if addressed and case in ("à", "au", "aux") and (_asks_to_do(scope) or _asks_to_do(c)):
                continue
            # a gathering "en Jordanie et en Égypte", "à Aqaba et Charm el-Cheikh": the places coordinated too
            joined = [g for g in c.children if gathering and g.dep_ == "conj" and g.i > c.i
                      and case_of(g) in (None, *LOCATIVE)]
            for m in [m for w in (c, *joined) for m in ctx.by_token.get(w.i, [])] or _area_of(ctx, c):
                if m.place and m.place not in places and not in_other_clause(ctx, m.start, token.i):
                    places.append(m.place)
    if not places and gathering:
        places += _parenthesis_place(ctx, token)  # "La première session (Ville, 21-23 mars 2016)"
    if not places:
        where = _where_antecedent(ctx, token)  # "la situation au Soudan, où les combats se poursuivent"
        if where is not None:
            places.append(where)
    sentence = ctx.sent_of(token)
    if not places:
        fronted = _fronted_place(ctx, sentence)  # "À Kiev, le ministre a accusé ..."
        if fronted is not None:
            places.append(fronted)
    if not places and gathering:
        for m in ctx.mentions:
            if m.place and sentence.start <= m.start < sentence.end and m.start > 0 \
                    and not in_other_clause(ctx, m.start, token.i):  # the held place of another gathering
                prev = ctx.doc[m.start - 1]
                if prev.lower_ in LOCATIVE or (prev.pos_ == "DET" and m.start > 1
                                               and ctx.doc[m.start - 2].lower_ in LOCATIVE):
                    if _topic_place(ctx, ctx.doc[m.start]):
                        continue  # "la situation en Libye et en Ukraine": what was discussed
                    if _seat_of_office(ctx, m.start):
                        continue  # "X, chargé d'affaires à l'ambassade du Niger au Gabon": the office's
                    lo, hi = sorted((token.i, m.start))
                    if any(lo < i < hi and i in ctx.trigger_heads for i in range(lo, hi)):
                        break  # "la visite de X ... après l'entretien de Y à Riyad": the nearer event's
                    if m.place not in places:
                        places.append(m.place)
                    break
    return places


def _area_of(ctx: Context, word: Token) -> list:
    """"dans le sud de la bande de Gaza", "dans la région de X": a part of a place (cue:area-of,
    cues.ttl) completed by the place; the place's mentions."""
    if word.lemma_.lower() not in cue_words(ctx.lex, "area-of") and word.lower_ not in cue_words(ctx.lex, "area-of"):
        return []
    for c in word.children:
        if c.dep_ == "nmod" and case_of(c) in ("de", "d'", "d’", "du", "des"):
            found = [m for t in c.subtree for m in ctx.by_token.get(t.i, []) if m.place]
            if found:  # "la bande de Gaza": the place may be named inside the complement
                return found[:1]
    return []


def _held_places(ctx: Context, token: Token) -> list[str]:
    """The place a clause set after the gathering noun holds it in ("la réunion du G20, prévue à
    Washington", "la conférence que la France accueillera à Nice"): :mod:`held_clauses`."""
    clause = clause_of_noun(ctx, token.i)
    if clause is None:
        return []
    found: list[str] = []
    for m in ctx.mentions:
        if m.place and clause.start <= m.start < clause.end and m.start > 0 and m.place not in found:
            prev = ctx.doc[m.start - 1]
            if prev.lower_ in LOCATIVE or (prev.pos_ == "DET" and ctx.doc[m.start - 2].lower_ in LOCATIVE):
                found.append(m.place)
    return found


def _parenthesis_place(ctx: Context, token: Token) -> list[str]:
    """"la première session (Ville, 21-23 mars 2016)": a place opening a parenthesis right
    after a gathering noun is where it was held, as encyclopedias and chronologies write it
    (the parenthesis's date is read the same way by the dates stage)."""
    if token.pos_ != "NOUN" or token.i + 2 >= len(ctx.doc) or ctx.doc[token.i + 1].text != "(":
        return []
    return [m.place for m in ctx.by_token.get(token.i + 2, []) if m.place][:1]


def _topic_place(ctx: Context, word: Token) -> bool:
    """A place that qualifies a subject-matter noun ("la situation en Libye", "la guerre en Ukraine",
    "les tensions au Sahel"; cue:subject-matter in triggers.ttl): what was talked about, not where."""
    matter = cue_words(ctx.lex, "subject-matter")
    while word.dep_ == "conj" and word.head.i < word.i:  # "en Ukraine et en Arménie": the first one
        word = word.head
        if word.lemma_.lower() in matter:  # "la situation en Éthiopie, au Soudan": the parse joins
            return True                    # the second place to the subject-matter noun itself
    i = word.i - 1  # linearly too, as the parse often hangs the place on the verb
    # adjectives too: "les zones maritimes en mer Égée", "les incidents répétés en mer de Chine"
    while i > 0 and (ctx.doc[i].pos_ in ("ADP", "DET", "ADJ") or ctx.doc[i].lower_ in _BEFORE_PLACE
                     or (ctx.doc[i].dep_ == "acl" and "Part" in feature(ctx.doc[i], "VerbForm"))):
        i -= 1
    if i >= 0 and ctx.doc[i].lemma_.lower() in matter:
        return True
    return word.dep_ == "nmod" and word.head.lemma_.lower() in matter


# A state's missions abroad (a place completing them is where they are, not where an event was)
# are cue:diplomatic-mission (ontology/vocab/cues.ttl).


def _seat_of_office(ctx: Context, start: int) -> bool:
    """The place completes an office ("ambassadeur de Côte d'Ivoire en Mauritanie", "chargé
    d'affaires à l'ambassade du Maroc au Gabon"): a title within a few words before it, with no
    verb, comma or holder's name between, says where its holder serves, not where the event was held."""
    roles = ctx.hits_of("role")
    heads = {h.head for h in roles if h.iri not in ctx.lex.government_roles}
    at_home = {h.head for h in roles if h.iri in ctx.lex.government_roles}  # minister, president...
    missions = cue_words(ctx.lex, "diplomatic-mission")
    for k in range(start - 1, max(start - 13, ctx.sent_of(ctx.doc[start]).start - 1), -1):
        if k in heads or ctx.doc[k].lemma_.lower() in missions:
            return True  # before the verb test: the tagger reads "chargé (d'affaires)" as a verb
        if k in at_home:
            return False  # "les ministres des affaires étrangères de l'ASEAN en Malaisie": no post abroad
        if ctx.doc[k].text == "," or ctx.doc[k].pos_ in ("VERB", "AUX", "CCONJ"):
            return False  # "entre émissaires américains et une délégation ukrainienne en Europe"
        if any(m.kind == "person" for m in ctx.by_token.get(k, [])):
            return False  # "le chef du gouvernement X au palais de Y": the holder's name ends the title
    return False


def _where_antecedent(ctx: Context, token: Token) -> str | None:
    """The place a relative clause opened by "où" is about: the noun it qualifies, when that
    noun names a place ("au Soudan, où les combats se poursuivent")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    where = [c for c in verb.children if c.lower_ == "où" and c.i < verb.i] if verb.dep_ == "acl:relcl" else []
    if not where:
        return None
    j = where[0].i - 1  # the words just before "où" (the parse often hangs the clause elsewhere)
    while j >= 0 and ctx.doc[j].is_punct:
        j -= 1
    for m in ctx.by_token.get(j, []) if j >= 0 else []:
        if m.place:
            return m.place
    return None


def _places_before(ctx: Context, token: Token) -> list[str]:
    """What "y" points at: the latest place named before ``token`` in this or the previous
    sentence, else the places of the latest gathering told before it ("se sont rencontrées au
    palais de X, à Y, en présence de ... La délégation russe était conduite par ... Kiev y a
    proposé": where that gathering was)."""
    sentences = ctx.sentences_before(ctx.sent_of(token).start)
    start = sentences[0].start if sentences else ctx.sent_of(token).start
    # a city read as the government it seats ("Je reviens de Kiev") is still where one was
    found = [m for m in ctx.mentions if m.place and start <= m.start < token.i
             and (m.iri == m.place or (ctx.lex.territory_state(m.place) is None and m.start > 0
                                       and ctx.doc[m.start - 1].pos_ == "ADP"))]
    if found:
        return [found[-1].place]
    section = next((sec.begin for sec in ctx.source.sections if sec.begin <= token.idx < sec.end), 0)
    told = [e for e in ctx.events if e.event_type in GATHERINGS and e.places
            and section <= e.trigger.begin and e.trigger.end <= token.idx]  # in the same section
    return list(max(told, key=lambda e: e.trigger.begin).places) if told else []


def _fronted_place(ctx: Context, sentence) -> str | None:
    """A sentence opening on "À X," / "A X," / "Au X," places everything it reports, also after a
    fronted time ("La semaine dernière, à Moscou, X a affirmé", "Mardi, à Bruxelles, ...")."""
    first = sentence[0]
    while (first.is_space or first.i in ctx.heading_tokens) and first.i + 1 < sentence.end:
        first = ctx.doc[first.i + 1]  # past the dateline ("VIENNE, 12 février (AFP) -")
    if first.lower_ not in LOCATIVE and first.text != "A":
        # a short fronted adverbial with no verb ("La semaine dernière,", "Mardi,") may come first
        comma = next((t for t in ctx.doc[first.i:min(first.i + 5, sentence.end - 1)] if t.text == ","), None)
        if comma is not None and not any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[first.i:comma.i]):
            first = ctx.doc[comma.i + 1]
    if first.lower_ not in LOCATIVE and first.text != "A":
        return None
    j = first.i + 1
    while j < sentence.end and ctx.doc[j].pos_ == "DET":
        j += 1
    for m in ctx.by_token.get(j, []):
        if m.place and m.start == j and m.end < sentence.end and ctx.doc[m.end].text == ",":
            return m.place
    return None


def _asks_to_do(verb: Token) -> bool:
    """"de" + infinitive hangs on the verb or on its "à" complement: "demander à X de cesser"."""
    return any("Inf" in feature(c, "VerbForm") and any(g.dep_ == "mark" and g.lower_ in ("de", "d'", "d’")
                                                        for g in c.children) for c in verb.children)
