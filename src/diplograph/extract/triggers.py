"""Event mentions: where the text names a happening (trigger words from triggers.ttl).

A trigger is a vocabulary hit whose head token is not in a heading, not negated, not a
source ("selon les déclarations"), not inside a quotation and not part of an issue's
name. Each one becomes one event mention, built by :mod:`diplograph.extract.arguments`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.arguments import build_event
from diplograph.extract.context import Context
from diplograph.extract.held_bodies import held_bodies
from diplograph.extract.kinds import GATHERINGS, cue_phrases, cue_words, et
from diplograph.extract.non_events import denied, portfolio_word, prescribed, skipped
from diplograph.extract.patterns import Hit, er_infinitive
from diplograph.extract.syntax import THIS, case_of, in_quote
from diplograph.extract.token_view import feature
from diplograph.extract.venue_gatherings import venue_named_gatherings
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

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
        elif in_issue or skipped(ctx, token) or in_quote(ctx, token) or _naming_or_appeal(ctx, hit, token) \
                or head in adopted or _text_signed(ctx, heads, token) or _press_interview(ctx, hit, token) \
                or _danger(ctx, token) or prescribed(ctx, hit, token) or portfolio_word(ctx, token) \
                or _guest_told(ctx, token) or _other_sense(ctx, token):
            continue  # "des demandes politiques et de sécurité" names an issue, not an appeal
        if (hit.iri in GATHERINGS or token.pos_ == "NOUN") and denied(ctx, token):
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
                and h.iri in GATHERINGS and doc[i].pos_ == "NOUN" and gender in feature(doc[i], "Gender")]
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

    if token.pos_ != "NOUN" or hit.iri != et("appeal") or "Plur" in feature(token, "Number"):
        return False
    det = determiner(token)
    if det is None or det.lower_ not in THIS:
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
            return after is not None and after.pos_ in ("VERB", "AUX") and "Inf" in feature(after, "VerbForm")
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
    if token.dep_ in ("acl", "amod") and "Inf" not in feature(token, "VerbForm"):
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


def remove_event(ctx: Context, event: Event) -> None:
    ctx.events.remove(event)
    ctx.event_at = {k: v for k, v in ctx.event_at.items() if v is not event}
