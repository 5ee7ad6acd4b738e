"""Event mentions: where the text names a happening (trigger words from triggers.ttl).

A trigger is a vocabulary hit whose head token is not in a heading, not negated, not a
source ("selon les déclarations"), not inside a quotation and not part of an issue's
name. Each one becomes one event mention, built by :mod:`diplograph.extract.arguments`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.arguments import build_event
from diplograph.extract.clause_facts import negated as _negated
from diplograph.extract.context import Context, is_writers_we
from diplograph.extract.held_bodies import held_bodies
from diplograph.extract.kinds import GATHERINGS, bound_words, cue_phrases, cue_words, et
from diplograph.extract.patterns import Hit, er_infinitive
from diplograph.extract.syntax import case_of, in_quote
from diplograph.extract.venue_gatherings import venue_named_gatherings
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The determiners of a noun a negation denies: "il n'y a pas eu de réunion", "n'ont tenu aucune réunion".
_DENIED_DETERMINERS = frozenset({"de", "d'", "d’", "aucun", "aucune"})
#: Object pronouns that stand between a preposition and its infinitive ("sans en préciser").
_CLITICS = frozenset({"en", "y", "le", "la", "les", "l'", "l’", "lui", "leur", "se", "s'", "s’", "me", "te", "nous",
                      "vous"})


def find_mentions(ctx: Context) -> None:
    """One event per trigger occurrence (the longest hit at each head token), with its arguments."""
    heads: dict[int, Hit] = {}
    for hit in ctx.hits_of("event"):
        if hit.head in ctx.heading_tokens:
            if hit.iri in GATHERINGS:
                ctx.heading_triggers.append(hit)  # a further mention, if the section tells the event
            continue
        old = heads.get(hit.head)
        if old is None or (hit.end - hit.start) > (old.end - old.start):
            heads[hit.head] = hit
    for hit in _incise_hits(ctx, heads):
        heads[hit.head] = hit
    for hit in _sessions_told_first(ctx, heads):
        heads[hit.head] = hit
    for hit in venue_named_gatherings(ctx, heads):  # "la conférence de Yalta"
        heads[hit.head] = hit
    for hit in held_bodies(ctx, heads):  # "Une commission mixte se tiendra à Hanoï"
        heads[hit.head] = hit
    adopted: set[int] = set()
    for hit in _adoptions(ctx, adopted):
        heads[hit.head] = hit
    for hit in _pronoun_occurrences(ctx, heads):
        heads[hit.head] = hit
    issue_hits = ctx.hits_of("issue")
    ctx.trigger_heads = set(heads)
    for head in sorted(heads):
        hit = heads[head]
        token = ctx.doc[head]
        # inside an issue's phrase, ending on the word that opens one ("ont eu un échange de
        # prisonniers" tells an exchange of prisoners, not a talk), or going on past one that its
        # head opens ("les échanges commerciaux entre X et Y": trade, not talks)
        in_issue = any((h.start <= hit.start and hit.end <= h.end and (h.end - h.start) > (hit.end - hit.start))
                       or (hit.start < h.start == hit.end - 1 < h.end - 1)
                       or (h.start == hit.head and h.end < hit.end) for h in issue_hits)
        if not in_issue and _call_taken_up(ctx, hit, token):
            hit = Hit("event", et("consultation"), hit.start, hit.end, hit.head)  # "Au cours de cet appel"
        elif not in_issue and _calls_on_to_do(ctx, hit, token):
            hit = Hit("event", et("appeal"), hit.start, hit.end, hit.head)  # "a appelé X à « faire ... »"
        elif in_issue or _skip(ctx, token) or in_quote(ctx, token) or _naming_or_appeal(ctx, hit, token) \
                or head in adopted or _text_signed(ctx, heads, token) or _press_interview(ctx, hit, token) \
                or _danger(ctx, token) or _prescribed(ctx, hit, token) or _portfolio_word(ctx, token) \
                or _guest_told(ctx, token) or _other_sense(ctx, token):
            continue  # "des demandes politiques et de sécurité" names an issue, not an appeal
        if (hit.iri in GATHERINGS or token.pos_ == "NOUN") and _denied(ctx, token):
            continue  # a gathering, or any act named by a noun, the text says did not happen
        if hit.iri in GATHERINGS and _meets_the_press(ctx, token):
            hit = Hit("event", et("statement"), hit.start, hit.end, hit.head)  # "a rencontré la presse"
        if hit.iri in GATHERINGS and _thing_received(ctx, token):
            if token.lemma_.lower() != "accueillir":
                continue  # "a reçu un message": nobody met
            hit = Hit("event", et("reaction"), hit.start, hit.end, hit.head)  # "une idée accueillie avec réserve"
        event = build_event(ctx, hit, token)
        if event is None:
            continue
        _type_opposition(ctx, event, token)
        _type_presentation(ctx, event, token)
        _type_invitation(ctx, event, token)
        _type_report(ctx, event)
        ctx.events.append(event)
        ctx.event_at[head] = event


def without_organisation_names(ctx: Context) -> list[Hit]:
    """The vocabulary hits less the gathering words that open or stand inside the name of an
    organisation ("les ministres du Forum des Caraïbes", capitalised): that body is named, no
    gathering ("un forum d'affaires" is one). Read once the entities are known, before any stage
    looks for a gathering noun near a place or a relative clause."""
    def named(hit: Hit) -> bool:
        token = ctx.doc[hit.head]
        return hit.category == "event" and token.text[:1].isupper() and not token.is_sent_start and any(
            m.kind == "org" and m.start <= token.i < m.end for m in ctx.by_token.get(token.i, []))
    return [h for h in ctx.hits if not named(h)]


def _pronoun_occurrences(ctx: Context, heads: dict[int, Hit]) -> list[Hit]:
    """"sa visite officielle, la deuxième depuis celle du président X en 1998", "ce sommet se tient après
    celui de l'Alliance": "celle" / "celui" with a "de" complement stands for the gathering noun
    told just before it (same gender, same sentence) and names another occurrence of that kind,
    with its own people and date, not a further mention of the first."""
    doc = ctx.doc
    found = []
    for i in ctx.tokens.where_lower(("celle", "celui")):  # those two words only: no Token made for every word
        token = doc[i]
        gender = "Fem" if ctx.tokens.lower[i] == "celle" else "Masc"
        if token.i in heads \
                or not any(c.dep_ == "nmod" and case_of(c) in ("de", "d'", "d’", "du") for c in token.children):
            continue
        sentence = ctx.sent_of(token)
        told = [h for i, h in heads.items() if sentence.start <= i < token.i and token.i - i <= 15
                and h.iri in GATHERINGS and doc[i].pos_ == "NOUN" and gender in doc[i].morph.get("Gender")]
        if told:
            last = max(told, key=lambda h: h.head)
            found.append(Hit("event", last.iri, token.i, token.i + 1, token.i))
    return found


def _call_taken_up(ctx: Context, hit: Hit, token: Token) -> bool:
    """"X s'est entretenu mardi au téléphone avec Y. Au cours de cet appel, ...": the noun of appeal
    with a demonstrative and nothing called for ("à", "pour" or a clause after it), once the text has
    told a talk by telephone (a channel phrase before it), takes up that call: a later mention of
    the consultation, not an appeal."""
    from diplograph.extract.reference import determiner

    if token.pos_ != "NOUN" or hit.iri != et("appeal") or "Plur" in token.morph.get("Number"):
        return False
    det = determiner(token)
    if det is None or det.lower_ not in ("ce", "cet", "cette"):
        return False
    if any(c.dep_ in ("acl", "acl:relcl", "xcomp") or case_of(c) in ("à", "au", "aux", "pour") for c in token.children):
        return False
    return any(h.end <= token.i and h.iri.rsplit("/", 1)[-1] == "telephone" for h in ctx.hits_of("channel"))


def _meets_the_press(ctx: Context, token: Token) -> bool:
    """"a rencontré la presse", "a reçu les journalistes": a gathering verb whose only objects are
    the press (cue:press-noun) tells someone speaking to it, a statement, not a diplomatic meeting."""
    if token.pos_ != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "obj"]
    press = cue_words(ctx.lex, "press-noun")
    return bool(objects) and all(c.lemma_.lower() in press and not any(g.dep_ == "conj" for g in c.children)
                                 for c in objects)


def _calls_on_to_do(ctx: Context, hit: Hit, token: Token) -> bool:
    """"a appelé les trois pays à « transformer ... »", "a appelé « toutes les parties à respecter
    leurs engagements »": "appeler" (cue:calling) with "à" and an infinitive after it, the words
    between being whom it calls on or an opening quotation mark, is an appeal. The phrase "appeler
    à" allows only short gaps, and a quotation may hold the infinitive."""
    if hit.iri not in GATHERINGS or token.pos_ != "VERB" or in_quote(ctx, token) \
            or token.lemma_.lower() not in cue_words(ctx.lex, "calling"):
        return False
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 12)
    for t in doc[token.i + 1:end]:
        if t.lower_ in ("à", "au", "aux"):
            after = next((u for u in doc[t.i + 1:end] if u.text not in ("«", '"', "“", " ")), None)
            return after is not None and after.pos_ in ("VERB", "AUX") and "Inf" in after.morph.get("VerbForm")
        if (t.pos_ in ("VERB", "AUX") and t.dep_ != "xcomp") or t.text in (";", ":", "»", "."):
            return False
    return False


def _adoptions(ctx: Context, adopted: set[int]) -> list[Hit]:
    """"les présidents X, Y et Z ont adopté une déclaration", "s'est conclu par l'adoption d'une
    déclaration commune", "où ils ont adopté un calendrier": several parties making a text their own
    (cue:adopting) agree; the verb (with a plural subject and a text as its object) or the noun (with
    the text as its complement) is an agreement, and the text (``adopted``) is no statement of its
    own. A text is a cue:document or cue:proposal-thing noun ("l'adoption d'un paquet de sanctions"
    is a measure, not a text the parties agree on); one state adopting a text alone is no agreement:
    the verb's subject must be plural."""
    from diplograph.extract.participants import plural_verb
    from diplograph.extract.syntax import actors_of, case_of

    found: list[Hit] = []
    writings = cue_words(ctx.lex, "document") | cue_words(ctx.lex, "proposal-thing")
    for token in lemma_tokens(ctx.doc, cue_words(ctx.lex, "adopting")):
        if in_quote(ctx, token) or token.i in ctx.heading_tokens:
            continue
        if token.pos_ == "VERB":
            texts = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN"
                     and c.lemma_.lower() in writings and not actors_of(ctx, c)]
            if not texts or not plural_verb(token) or is_passive_without_agent(token):
                continue
        elif token.pos_ == "NOUN":
            texts = [c for c in token.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.lemma_.lower() in writings
                     and case_of(c) in ("de", "d'", "d’", "du", "des") and not actors_of(ctx, c)]
            if not texts:
                continue
        else:
            continue
        found.append(Hit("event", et("agreement"), token.i, token.i + 1, token.i))
        adopted.update(t.i for t in texts)
    return found


def is_passive_without_agent(token: Token) -> bool:
    """"la déclaration adoptée" with no one adopting: a description, not an act told here."""
    return any(c.dep_ == "aux:pass" for c in token.children) and not any(c.dep_ == "obl:agent" for c in token.children)


def _text_signed(ctx: Context, heads: dict[int, Hit], token: Token) -> bool:
    """"les cinq dirigeants ont signé la déclaration de X": a text (cue:document) that is the object
    of a verb of agreeing told as an event is what they signed, not a statement of its own."""
    if token.pos_ != "NOUN" or token.dep_ != "obj" or token.lemma_.lower() not in cue_words(ctx.lex, "document"):
        return False
    verb = heads.get(token.head.i)
    return verb is not None and verb.iri == et("agreement") and token.head.i != token.i


def _press_interview(ctx: Context, hit: Hit, token: Token) -> bool:
    """"dans un entretien publié lundi par le quotidien X", "une interview accordée à la radio": a
    gathering noun a participle of cue:interview-giving describes is an interview, no meeting."""
    if hit.iri not in GATHERINGS or token.pos_ != "NOUN":
        return False
    giving = cue_words(ctx.lex, "interview-giving")
    return any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in giving for c in token.children)


def _danger(ctx: Context, token: Token) -> bool:
    """"les actes de piraterie qui menacent la navigation": a verb of cue:endangering whose subject
    (or the noun its relative pronoun stands for) names no actor tells a danger, not a warning; so
    does its noun named by its kind ("la menace terroriste")."""
    from diplograph.extract.reference import POSSESSIVE
    from diplograph.extract.syntax import actors_of

    endangering = cue_words(ctx.lex, "endangering")
    if token.pos_ == "NOUN" and er_infinitive(token.lemma_.lower()) in endangering:
        # "la menace terroriste", "la menace sécuritaire": the noun of the verb, named by its kind (an
        # adjective that names no one), with no actor whose threat it is ("de X", "par X", "sa"), is a danger
        return any(c.dep_ == "amod" and c.pos_ == "ADJ" and not ctx.by_token.get(c.i) for c in token.children) \
            and not any((c.dep_ in ("nmod", "nmod:poss") and case_of(c) in (None, "de", "d'", "d’", "du", "des", "par")
                         and actors_of(ctx, c))
                        or (c.dep_ == "det" and c.lower_ in POSSESSIVE) for c in token.children)
    if token.pos_ != "VERB" or token.lemma_.lower() not in endangering:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.pos_ == "PRON" and subject.lower_ in ("qui", "qu'") and token.dep_ == "acl:relcl":
        subject = token.head
    return subject.pos_ == "NOUN" and not actors_of(ctx, subject) and not ctx.by_token.get(subject.i) \
        and subject.lemma_.lower() not in cue_words(ctx.lex, "document")


def _thing_received(ctx: Context, token: Token) -> bool:
    """"une idée accueillie avec réserve par le Costa Rica", "a accueilli favorablement la
    proposition", "a accueilli la décision de X", "a reçu un message": what a verb of receiving
    (cue:gathering-others) takes in is a thing put to others or sent (cue:proposal-thing,
    cue:received-thing), not a person: no one met."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cue_words(ctx.lex, "gathering-others"):
        return False
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        taken = [token.head]
    else:
        taken = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    things = cue_words(ctx.lex, "proposal-thing") | cue_words(ctx.lex, "received-thing")
    return bool(taken) and all(t.pos_ == "NOUN" and t.lemma_.lower() in things and not ctx.by_token.get(t.i)
                               for t in taken)


def _sessions_told_first(ctx: Context, heads: dict[int, Hit]) -> list[Hit]:
    """"La séance était présidée par X": a word that names a gathering only by reference
    (cue:back-reference: "séance", "travaux") tells one when no gathering was told before it and
    its sentence says it was held (chaired, opened, closed); the press release of a council
    meeting names its meeting so. Later such words refer to it."""
    back = cue_words(ctx.lex, "back-reference")
    held = {"présider", "coprésider", "tenir", "ouvrir", "clore", "clôturer", "lever"}
    first_gathering = min((h for h, hit in heads.items() if hit.iri in GATHERINGS), default=len(ctx.doc))
    for token in ctx.doc[:first_gathering]:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in back or in_quote(ctx, token):
            continue
        if token.i in ctx.heading_tokens:
            continue
        if token.dep_ in ("nsubj", "nsubj:pass") and token.head.lemma_.lower() in held:
            return [Hit("event", et("meeting"), token.i, token.i + 1, token.i)]
    return []


def _naming_or_appeal(ctx: Context, hit: Hit, token: Token) -> bool:
    """"appeler" (cue:calling) tells a phone call only with the one called as its object: not "ce
    qu'il a appelé une trahison", "appelé à se réunir", "appelle la Russie à cesser" (the longer
    "appeler à" reads that one as an appeal)."""
    if hit.iri not in GATHERINGS or token.lemma_.lower() not in cue_words(ctx.lex, "calling"):
        return False
    from diplograph.extract.syntax import actors_of

    if token.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") or c.lower_ in ("à", "au", "aux")
                                   for c in token.children):
        return True
    objects = [c for c in token.children if c.dep_ == "obj"]
    return len(objects) != 1 or not actors_of(ctx, objects[0])


def _incise_hits(ctx: Context, heads: dict[int, Hit]) -> list[Hit]:
    """"« ... », a poursuivi la ministre", "« ... », conclut-il": a quotation verb
    (``vocab/quotation.ttl``: no trigger on its own) in the incise right after a closing quote
    mark reports those words, so it is a statement like "a déclaré" there.

    Read per quotation (a handful per text), not per token.
    """
    statement = et("statement")
    verbs = {w for c in ctx.lex.event_types if c.iri == statement for w in c.hidden if " " not in w}
    found: list[Hit] = []
    doc = ctx.doc
    for _, end in ctx.quote_ranges:
        after = ctx.text[end:end + 4].lstrip(" \u00a0\u202f")
        if not after.startswith(","):
            continue
        span = doc.char_span(end, min(len(ctx.text), end + 40), alignment_mode="expand")
        if span is None:
            continue
        for token in span[1:6]:
            if token.pos_ == "VERB" or token.lemma_.lower() in verbs:
                if token.lemma_.lower() in verbs and token.i not in heads and not in_quote(ctx, token):
                    found.append(Hit("event", statement, token.i, token.i + 1, token.i))
                break
    return found


def _type_report(ctx: Context, event: Event) -> None:
    """"Mme X a rapporté que ...": a verb of media report (publier, rapporter, révéler) whose
    agent is a person reports what that person says, a statement; "rapporte l'agence" stays a
    media report."""
    if event.event_type != et("media-report") or not event.agents:
        return
    if all(ctx.entities.get(a) is not None and ctx.entities[a].kind == "person" for a in event.agents):
        event.event_type = et("statement")
        event.event_class = ctx.lex.event_class(event.event_type)


def _type_opposition(ctx: Context, event: Event, token: Token) -> None:
    """"La question oppose X et Y", "les deux États s'opposaient sur la pollution": a dispute; "Le
    Tadjikistan s'oppose à ce projet": one side against something, a rejection."""
    if event.event_type != et("controversy") or token.pos_ != "VERB":
        return
    reflexive = any(c.lower_ in ("se", "s'", "s’") for c in token.children)
    against = any(c.dep_.startswith("obl") and c.i > token.i and any(
        g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children) for c in token.children)
    if reflexive and against:
        event.event_type = et("rejection")
        event.event_class = ctx.lex.event_class(event.event_type)


def _other_sense(ctx: Context, token: Token) -> bool:
    """"une visite guidée", "tenir en haute estime", "un appel d'offres": the trigger word stands in a
    phrase that gives it another sense than diplomacy (cue:other-sense, written word by word)."""
    from diplograph.lexicon import fold

    doc = ctx.doc
    mine = {fold(token.lower_), fold(token.lemma_.lower())}
    for words in cue_phrases(ctx.lex, "other-sense"):
        for j, word in enumerate(words):
            start = token.i - j
            if word in mine and start >= 0 and start + len(words) <= len(doc) and all(
                    k == j or fold(doc[start + k].lower_) == w for k, w in enumerate(words)):
                return True
    return False


def _guest_told(ctx: Context, token: Token) -> bool:
    """"le roi X, invité au sommet": an inviting participle that describes a gathering's guest
    (clause_facts.guest_participle) reports no act of inviting; the guest attends the gathering."""
    from diplograph.extract.clause_facts import guest_participle

    return token.pos_ == "VERB" and token.lemma_.lower() in cue_words(ctx.lex, "invitation") \
        and guest_participle(ctx, token) and any(
            c.dep_.startswith("obl") and any(h.head == c.i and h.iri in GATHERINGS for h in ctx.hits_of("event"))
            for c in token.children)


def _type_invitation(ctx: Context, event: Event, token: Token) -> None:
    """"a invité Y à effectuer une visite", "l'a invité à se rendre à Paris": an appeal verb
    (cue:invitation) whose infinitive holds a gathering is an invitation, a proposal; "a invité
    les parties à la retenue" stays an appeal."""
    if event.event_type != et("appeal") or token.lemma_.lower() not in cue_words(ctx.lex, "invitation"):
        return
    gathering = {h.head for h in ctx.hits_of("event") if h.iri in GATHERINGS}
    for verb in (c for c in token.children if c.dep_ == "xcomp"):
        if verb.i in gathering or any(c.i in gathering for c in verb.children if c.dep_ in ("obj", "obl:arg")):
            event.event_type = et("proposal")
            event.event_class = ctx.lex.event_class(event.event_type)
            return


def _type_presentation(ctx: Context, event: Event, token: Token) -> None:
    """"a présenté un plan" proposes; "a présenté les réformes engagées", "la position de son
    pays" tells: a presenting verb is a proposal only when what it presents is a thing put to
    others (cue:proposal-thing), looked for in its object (or the noun it describes, or the
    subject of its passive) and that noun's complement ("une version révisée du plan")."""
    if event.event_type != et("proposal") or token.lemma_.lower() not in cue_words(ctx.lex, "presentation"):
        return
    if token.dep_ in ("acl", "amod") and "Inf" not in token.morph.get("VerbForm"):
        presented = [token.head]  # "le plan présenté": the noun a participle describes; not "charge X de présenter Y"
    else:
        presented = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    if not presented:
        return  # nothing said of what is presented: the vocabulary's reading stands
    things = cue_words(ctx.lex, "proposal-thing")
    nouns = [n for p in presented for n in (p, *(c for c in p.children if c.dep_ == "nmod"))]
    if not any(n.lemma_.lower() in things or n.lower_ in things for n in nouns):
        event.event_type = et("statement")
        event.event_class = ctx.lex.event_class(event.event_type)


def _denied(ctx: Context, token: Token) -> bool:
    """An act the text says did not take place: "il n'y a pas eu de rencontre", "n'ont eu
    aucune rencontre" (a noun under a negated verb, with the determiner of negation), "aucune
    déclaration n'a été faite", "aucune réunion n'avait eu lieu" (the same noun as the subject),
    "sans faire de déclaration" (the object of an infinitive introduced by "sans"), "n'ont pas
    réussi à se voir" (an infinitive under a negated verb of being able). A
    gathering merely not attended ("n'a pas assisté au sommet") still took place."""
    if token.pos_ == "NOUN":
        det = [c.lower_ for c in token.children if c.dep_ == "det"]
        if not det and any(c.dep_ == "case" and c.lower_ == "en" for c in token.children) \
                and token.head.pos_ == "VERB" and token.head.i != token.i:
            return _denied(ctx, token.head)  # "se voir en tête-à-tête": the manner of the denied verb
        if not det and token.dep_ == "obj" and "Inf" in token.head.morph.get("VerbForm"):
            # the parser makes the "de" of "sans faire de déclaration" a case mark, not a determiner
            det = [c.lower_ for c in token.children if c.dep_ == "case" and c.i < token.i]
        if not det or det[0] not in _DENIED_DETERMINERS or token.head.i == token.i:
            return False
        if token.dep_ in ("nsubj", "nsubj:pass"):
            # "aucune déclaration n'a été faite": "aucun" is the noun's, "ne" the verb's
            return det[0] in ("aucun", "aucune") and any(c.lower_ in ("ne", "n'", "n’") for c in token.head.children)
        if token.dep_ != "obj":
            return False
        if "Inf" in token.head.morph.get("VerbForm") and any(
                c.dep_ == "mark" and c.lower_ == "sans" for c in token.head.children):
            return True  # "sans faire de déclaration", "sans tenir aucune réunion"
        # "il n'y a pas eu d'entretien"; "n'ont eu aucune rencontre" (the negation is the determiner)
        return _negated(token.head) or (det[0] in ("aucun", "aucune")
                                        and any(c.lower_ in ("ne", "n'", "n’") for c in token.head.children))
    if "Inf" not in token.morph.get("VerbForm"):
        return False
    up = token
    for _ in range(4):  # "n'ont pas réussi à trouver un créneau pour se voir": up through the nouns and verbs between
        if up.dep_.split(":")[0] not in ("xcomp", "advcl", "obl", "obj", "acl") or up.head.i == up.i:
            return False
        up = up.head
        if up.lemma_.lower() in cue_words(ctx.lex, "being-able") and _negated(up):
            return True
    return False


def _prescribed(ctx: Context, hit: Hit, token: Token) -> bool:
    """"X a estimé que la communauté internationale devait condamner ces expulsions (et rejeter
    ...)": an act a speaker says others must do (an infinitive under a modal of cue:obligation in
    a completive clause) is what the speaker demands, not an act done or planned. When the one
    who must act is a person ("que la présidente devait condamner jeudi ..."), it is a schedule
    and stays; a gathering or a signing that must take place is always one."""
    if hit.iri in GATHERINGS or hit.iri == et("agreement") or token.pos_ != "VERB":
        return False
    verb = token
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    modal = verb.head
    if verb.dep_ != "xcomp" or modal.lemma_.lower() not in cue_words(ctx.lex, "obligation") \
            or modal.dep_ != "ccomp" or not any(c.dep_ == "mark" for c in modal.children):
        return False
    from diplograph.extract.participants import actor_kind
    from diplograph.extract.syntax import actors_of, subjects_of

    return not any(actor_kind(ctx, a) == "person" for s in subjects_of(ctx, modal) for a in actors_of(ctx, s))


def _skip(ctx: Context, token: Token) -> bool:
    """Negated triggers, sources ("selon les déclarations"), means ("par visioconférence")
    and bare adjectives."""
    children = list(token.children)
    if _negated(token):
        return True
    if any(c.dep_ == "case" and c.lower_ in ("selon", "sans") for c in children):
        return True
    if token.pos_ == "NOUN" and determiner_less_after(token, "par") and (
            token.head.i in ctx.trigger_heads or token.head.pos_ != "VERB"):
        return True  # "s'est joint aux échanges par visioconférence": how, not another event
    if token.pos_ == "NOUN" and _asked_of_you(ctx, token):
        return True  # "Quelle est votre réaction ?": a journalist asks for an act, none is told
    if token.pos_ == "NOUN" and determiner_less_after(token, "de") \
            and token.head.lemma_.lower() in cue_words(ctx.lex, "framework-noun"):
        return True  # "ont signé un plan de consultations": an arrangement for gatherings, none told
    # "ont fait le point ce mardi par visioconférence", "avaient échangé par téléphone": a verb of
    # talking that is no event of its own, held by video or phone: the noun is the gathering
    k = token.i - 1
    while k > 0 and ctx.doc[k].lower_ in _CLITICS:
        k -= 1  # "sans en préciser la date", "sans le dire": the clitics stand between
    if k >= 0 and k < token.i and ctx.doc[k].lower_ == "sans" and (k == token.i - 1 or token.pos_ == "VERB"):
        return True
    if token.pos_ == "VERB" and token.lemma_.lower() in bound_words(ctx.lex) and any(
            c.dep_ in ("obj", "nsubj:pass") and any(h.head == c.i and h.iri in GATHERINGS for h in ctx.hits_of("event"))
            for c in children):
        return True  # "ont lancé le sommet mardi", "les réunions ont été lancées": opened, nothing said
    if token.pos_ == "VERB" and token.lemma_.lower() in cue_words(ctx.lex, "content-bound") \
            and _says_nothing(ctx, token):
        return True  # "dont le pays assure ce mois-ci la présidence", "devront répondre de leurs actes"
    if token.lemma_.lower() in cue_words(ctx.lex, "courtesy") \
            and not any(t.pos_ in ("NOUN", "PROPN") for t in ctx.sent_of(token)):
        return True  # "Je vous remercie.": a courtesy formula closing a speech
    if token.pos_ == "VERB" and ctx.speaker is None and _writers_we(ctx, token):
        return True  # "Nous pouvons dire que ...": the reporter's voice
    if _impersonal_need(ctx, token):
        return True  # "Il faut souligner que ...", "il convient de rappeler que ...": the writer's voice
    if _spreading_no_content(ctx, token):
        return True  # "freiner la diffusion du virus": nothing is published
    return False


def _spreading_no_content(ctx: Context, token: Token) -> bool:
    """"la diffusion du virus", "la fuite de civils": a media-report noun of spreading (cue:spreading)
    whose "de" complement is no broadcast content (cue:broadcast-content) tells no media report."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cue_words(ctx.lex, "spreading"):
        return False
    content = cue_words(ctx.lex, "broadcast-content")
    what = [c for c in token.children if c.dep_ == "nmod" and case_of(c) in ("de", "d'", "d’", "du", "des")]
    return bool(what) and not any(c.lemma_.lower() in content for c in what)


def _impersonal_need(ctx: Context, token: Token) -> bool:
    """"Il faut souligner que ...": an infinitive under an impersonal verb of need (cue:impersonal-need)
    with the expletive "il" is what the writer says should be said, no one's act."""
    head = token.head
    return token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm") and head.i != token.i \
        and head.lemma_.lower() in cue_words(ctx.lex, "impersonal-need") and "Sing" in head.morph.get("Number") \
        and any(c.lower_ == "il" and c.dep_.startswith(("nsubj", "expl")) for c in head.children)


def _portfolio_word(ctx: Context, token: Token) -> bool:
    """"le ministre du Travail, du Dialogue social et des Relations avec les Institutions", "ministre
    de la Paix et du Dialogue": a capitalised noun of a title's portfolio names the ministry, it
    tells no event. The parse hangs each such noun on the title ("nmod", "conj")."""
    if not token.text[:1].isupper() or token.is_sent_start or token.pos_ not in ("NOUN", "PROPN") \
            or not any(c.dep_ == "case" for c in token.children):
        return False
    titles = ctx.cache.get("title-heads")
    if titles is None:  # once per document, not per trigger
        titles = ctx.cache["title-heads"] = frozenset(h.head for h in ctx.hits_of("role"))
    node = token
    for _ in range(4):
        if node.dep_ not in ("nmod", "conj") or node.head.i == node.i:
            return False
        node = node.head
        if node.i in titles:
            return True
    return False


def _writers_we(ctx: Context, verb: Token) -> bool:
    """The infinitive after "nous pouvons", outside any quotation, in a text that is nobody's
    speech (no first-person speaker): the writer weighing what is told. A communiqué's "Nous
    appelons la Russie à ..." is the institution acting: kept."""
    return verb.dep_ == "xcomp" and any(
        is_writers_we(c) and not in_quote(ctx, c) for c in verb.head.children)


def _says_nothing(ctx: Context, token: Token) -> bool:
    """A verb of cue:content-bound with no clause, quotation or addressee: its object is a thing
    ("assure la présidence") or it takes "de" ("répondre de leurs actes"); not an incise."""
    from diplograph.extract.incises import is_reporting
    from diplograph.extract.syntax import actors_of, case_of

    children = list(token.children)
    if any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in children) or is_reporting(ctx, token) \
            or any(in_quote(ctx, t) for t in ctx.sent_of(token) if t.i > token.i):
        return False
    things = [c for c in children if c.dep_ == "obj" and c.pos_ == "NOUN" and not actors_of(ctx, c)]
    of = [c for c in children if c.dep_.startswith("obl") and case_of(c) in ("de", "d'", "du", "des")]
    addressed = [c for c in children if c.dep_.startswith(("obl", "iobj")) and case_of(c) in ("à", "au", "aux")]
    return bool(things or of) and not addressed


def _asked_of_you(ctx: Context, token: Token) -> bool:
    """The noun is asked of the one addressed, in a question: its determiner is "votre"/"vos" and its
    sentence ends with a question mark ("Quelle est votre réaction ?", "Quel est votre commentaire ?")."""
    if not any(c.dep_ == "det" and c.lower_ in ("votre", "vos") for c in token.children):
        return False
    words = [t for t in ctx.sent_of(token) if not t.is_space]
    return bool(words) and words[-1].text == "?"


def determiner_less_after(token: Token, preposition: str) -> bool:
    """The noun follows ``preposition`` directly, with no determiner ("par téléphone")."""
    return any(c.dep_ == "case" and c.lower_ == preposition for c in token.children) \
        and not any(c.dep_ in ("det", "nmod:poss") for c in token.children)


def remove_event(ctx: Context, event: Event) -> None:
    ctx.events.remove(event)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not event}
