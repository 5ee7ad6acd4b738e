"""Positions: who stands where on which issue (holder, issue, stance).

A stance word (from the stance vocabulary) is carried by the event whose clause it
stands in: the event's agents hold the position. The issue is the one named in the
stance's own clause — not in a coordinated clause ("a exprimé des réserves et accusé la
Russie d'exploiter ... les sanctions": the reservations are not about sanctions) — else
the issue its paragraph named last, else, for a stance that answers a proposal (reservations,
openness, refusal), the topic of the document's main event.

Real readouts and dispatches name the holder indirectly: the subject of a coordinated verb
("ont salué ... et appelé à"), a pronoun or a bare role noun standing for the person named
before ("La ministre a réaffirmé"), or a plural ("les deux ministres", one position each).
A stance word that is what another stance asks for ("appellent à l'ouverture de ...") is no
stance of its own, and an issue word inside an organisation's name is no issue. What parties
disagree or converge on is read from these positions in extract/issue_points.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.deontic import obligation_hits
from diplograph.extract.kinds import GATHERINGS, cue_words, et
from diplograph.extract.patterns import Hit
from diplograph.extract.reference import DEMONSTRATIVES
from diplograph.extract.same_event import main_event
from diplograph.extract.syntax import actors_of, in_quote
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.model import Event, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

_STATEMENT = et("statement")


def find_positions(ctx: Context, quotes: list[Quote] | None = None) -> list[Position]:
    """Positions carried by stance words, one per (holder, issue, stance, sentence).

    ``quotes`` (with their speakers) give the holder of a stance said inside quotation
    marks when its clause names none: « Nous soutenons ... », a déclaré X."""
    main = main_event(ctx)
    fallback = list(main.topics[:1]) if main is not None else []
    elliptic = _elliptic_issues(ctx)
    positions: list[Position] = []
    seen: set[tuple[str, str, str, int]] = set()
    obligations = obligation_hits(ctx, issue_hits(ctx))  # "... devaient servir à financer ..."
    stance_hits = sorted(ctx.hits_of("stance") + _split_stance_hits(ctx) + [h for h, _ in obligations.values()],
                         key=lambda h: (h.start, h.end))
    stance_heads = {h.head for h in stance_hits}
    for hit in stance_hits:
        if hit.head in ctx.heading_tokens:
            continue
        token = ctx.doc[hit.head]
        if _inside_other_stance(token, stance_heads):
            continue  # "appellent à l'ouverture des négociations": what is asked for, not a stance
        event = _carrier(ctx, token)
        if hit.head in obligations and (event is None or not event.agents):
            event = _incise(ctx, token) or event  # "Les avoirs doivent ..., a déclaré X"
        holders: list[str] = _own_subject(ctx, token, event)
        if not holders:
            holders = list(event.agents) if event is not None else []
        if not holders:
            holders = [a for c in _subjects(_clause_verb(token)) for a in actors_of(ctx, c)]
        if not holders:
            holders = [a for c in _subjects(_clause_verb(token)) for a in _role_antecedent(ctx, c)]
        if not holders:
            holders = [a for c in _subjects(_clause_verb(token)) for a in _collective_antecedent(ctx, c)]
        if not holders and quotes:
            holders = [q.speaker for q in quotes if q.speaker and q.span.begin <= token.idx < q.span.end][:1]
        if not holders and ctx.speaker is not None and (_first_person_possessive(ctx, token)
                                                        or _first_person_subject(ctx, token)
                                                        or _impersonal(ctx, token, event)):
            holders = [ctx.speaker]  # "Trois exigences guident notre action :", "une paix durable exige ..."
        if not holders:
            continue
        # "les deux parties" stands for the ministers and their states: one position per side, held
        # by the person who speaks for it (a state held apart only when nobody speaks for it)
        spoken_for = {ctx.lex.state_of(ctx.sides.get(h)) for h in holders}
        holders = [h for h in holders if h not in spoken_for]
        listed = obligations[hit.head][1] if hit.head in obligations else _listed_issues(ctx, token)
        issues = listed or _clause_issues(ctx, token, elliptic) or _issues_after(ctx, hit, event, stance_heads) \
            or _antecedent_issue(ctx, token) or _demonstrative_issue(ctx, token) \
            or (_paragraph_issue(ctx, token) if not _named_object(ctx, token) else []) \
            or (fallback if hit.iri.rsplit("/", 1)[-1] in _RESPONSES else [])
        sentence = ctx.sent_of(token)
        words = [t for t in sentence if not t.is_space]
        evidence = ctx.span(words[0].i, words[-1].i + 1)
        for holder in holders:
            for issue in issues:
                key = (holder, issue, hit.iri, evidence.begin)
                if key in seen:
                    continue
                seen.add(key)
                positions.append(Position(holder=holder, issue=issue, stance=hit.iri, evidence=evidence,
                                          expressed_in=event.trigger.begin if event is not None else None))
    return positions


def _incise(ctx: Context, token: Token) -> Event | None:
    """The speech act of an incise after the stance's verb: "..., a déclaré X". With an
    inverted pronoun ("..., a-t-elle souligné") it is the speaker of the statement told last
    before, as the quotes stage reads such incises."""
    for c in token.children:
        if c.dep_ not in ("parataxis", "advcl", "conj") or c.i < token.i:
            continue
        event = ctx.event_at.get(c.i)
        if event is None or event not in ctx.events or event.event_type != _STATEMENT:
            continue
        if event.agents:
            return event
        if any(g.lower_.lstrip("-") in _INVERTED for g in ctx.doc[c.i - 3:c.i]):
            told = [e for e in ctx.events if e.agents and e.event_type == _STATEMENT
                    and e.trigger.begin < ctx.doc[token.i].idx]
            return max(told, key=lambda e: e.trigger.begin) if told else None
    return None


#: Inverted subject pronouns of an incise ("a-t-il ajouté", "a-t-elle souligné").
_INVERTED = frozenset({"il", "elle", "ils", "elles"})


def _own_subject(ctx: Context, token: Token, event: Event | None) -> list[str]:
    """The actors the stance's own clause names as its subject, when the event carrying it
    is outside that clause: in "« ... C'est la Russie qui refuse », a écrit X" Russia refuses,
    not X who writes it. A relative "qui" stands for the noun its clause completes (a cleft
    "c'est X qui", or "X, qui refuse"); nothing when the clause is the event's own."""
    if token.pos_ not in ("VERB", "ADJ"):
        return []  # a stance noun ("une exigence que X rejette") is not what its clause's subject does
    clause = _clause_verb(token)
    if clause.pos_ not in ("VERB", "AUX") or (event is not None and ctx.event_at.get(clause.i) is event):
        return []
    found: list[str] = []
    for subject in _subjects(clause):
        if subject.lower_ == "qui" and "Rel" in feature(subject, "PronType") and clause.head.i != clause.i \
                and clause.head.pos_ in ("NOUN", "PROPN"):
            subject = clause.head
        if ctx.by_token.get(subject.i):  # the subject names an actor itself
            found += actors_of(ctx, subject)
    return list(dict.fromkeys(found))


def _inside_other_stance(token: Token, stance_heads: set[int]) -> bool:
    """The stance noun is what another stance word of its clause asks for or supports:
    "appellent à l'ouverture des négociations", "la nécessité d'un soutien"."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    node = token
    for _ in range(4):
        if node.head.i == node.i or node.dep_ == "conj":
            return False
        node = node.head
        if node.i in stance_heads:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _subjects(verb: Token) -> list[Token]:
    """Subjects of a clause verb; a coordinated verb without its own ("ont salué ... et
    appelé à ...") shares the first verb's, and so does a participle the parser hung
    under its auxiliary ("Il a par ailleurs dénoncé")."""
    node = verb
    for _ in range(3):
        found = [c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")]
        found = found or [g for c in auxiliaries(node)
                          for g in c.children if g.dep_ in ("nsubj", "nsubj:pass")]
        if found:
            return found
        if node.head.i == node.i or not (node.dep_ == "conj" or node.head.pos_ == "AUX"):
            return []
        node = node.head
    return []


def _role_antecedent(ctx: Context, subject: Token) -> list[str]:
    """"La ministre a réaffirmé ...": a definite role noun standing alone as subject is the
    person last named with that role noun before, of the same grammatical gender."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'")
                                         for c in subject.children):
        return []
    gender = _gender(subject)
    words = _qualifiers(subject)
    candidates = [i for i in ctx.role_person if i < subject.i and ctx.doc[i].lemma_ == subject.lemma_
                  and (not gender or not _gender(ctx.doc[i]) or gender == _gender(ctx.doc[i]))
                  and words <= _qualifiers(ctx.doc[i])]
    return [ctx.role_person[max(candidates)]] if candidates else []


def _qualifiers(noun: Token) -> set[str]:
    """Words that narrow a role noun ("de la République", "ukrainien"), not the name in
    apposition: "le Président de la République" is not "le président ukrainien"."""
    return {t.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "nmod") and c.i > noun.i
            for t in c.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ")}


# Plural nouns that name the sides of a gathering just told, not an actor of their own ("Les
# parties ont souligné ...", "les délégations se sont dites favorables à ..."): cue:sides-noun
# (ontology/vocab/cues.ttl).


def _collective_antecedent(ctx: Context, subject: Token) -> list[str]:
    """"Les parties", "les deux délégations": the participants of the last gathering told
    before (one position each)."""
    sides_nouns = cue_words(ctx.lex, "sides-noun")
    if subject.pos_ != "NOUN" or "Plur" not in feature(subject, "Number") or not (
            subject.lemma_.lower() in sides_nouns or subject.lower_.removesuffix("s") in sides_nouns):
        return []  # the form too: the lemmatiser reads "parties" as "party"
    before = [e for e in ctx.events if e.event_type in GATHERINGS and e.trigger.begin < subject.idx
              and len(e.participants) >= 2]
    if not before:
        return []
    last = max(before, key=lambda e: e.trigger.begin)
    return list(dict.fromkeys(p.actor for p in last.participants))


def _split_stance_hits(ctx: Context) -> list[Hit]:
    """"appelle la Russie à cesser ...", "exhorte les parties à la retenue": a stance phrase
    ending in a preposition ("appeler à") whose verb takes its object first. Read on the
    parse (the verb, an object, then a dependent introduced by the phrase's preposition), so
    the vocabulary matcher, which needs the words side by side, stays unchanged."""
    if ctx.vocab is None:
        return []
    have = {h.head for h in ctx.hits_of("stance")}
    channels = {i for h in ctx.hits_of("channel") for i in range(h.start, h.end)}
    found: list[Hit] = []
    view = ctx.tokens
    for i, pos in enumerate(view.pos):  # the token view: a Token only for verbs that start a stance phrase
        if pos != "VERB" or i in have:
            continue
        phrases = ctx.vocab.index.get(view.lemma[i].lower(), ())
        if not phrases:
            continue
        token = ctx.doc[i]
        for phrase in phrases:
            if phrase.category != "stance" or len(phrase.content) != 1 or len(phrase.trailing) != 1 \
                    or phrase.leading or phrase.reflexive:
                continue
            # the addressee: an object, which the parser may also hang as xcomp ("appelé Israël et ...")
            objects = [c for c in token.children if c.dep_ in ("obj", "iobj", "xcomp")
                       and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if not objects:
                continue
            # what is asked for: an infinitive or a noun, not "à deux reprises", "au téléphone"
            introduced = [c for c in token.children if c.i > token.i and c.pos_ in ("VERB", "NOUN")
                          and c.i not in channels and not any(g.dep_ == "nummod" for g in c.children)
                          and any(g.dep_ in ("mark", "case") and g.lower_ in phrase.trailing[0]
                                  for g in c.children if g.i < c.i)]
            if introduced:
                found.append(Hit("stance", phrase.iri, token.i, token.i + 1, token.i))
                have.add(token.i)
                break
    return found


def _gender(noun: Token) -> str:
    """Grammatical gender of a noun phrase, read on its determiner ("la ministre", "le
    ministre": the noun itself is epicene)."""
    for c in noun.children:
        if c.dep_ == "det":
            return "".join(feature(c, "Gender"))
    return ""


def _paragraph_issue(ctx: Context, token: Token) -> list[str]:
    """A stance naming no issue ("a dénoncé un « chantage »") is about the issue the
    paragraph named last before it: in news the paragraph is the unit of topic."""
    offset = token.idx
    paragraph = next((p for p in ctx.source.paragraphs if p.begin <= offset < p.end), None)
    if paragraph is None:
        return []
    before = [h for h in issue_hits(ctx) if paragraph.begin <= ctx.doc[h.start].idx and h.end <= token.i]
    return [max(before, key=lambda h: h.start).iri] if before else []


def issue_hits(ctx: Context) -> list:
    """Issue phrases outside names: "l'Agence internationale de l'énergie atomique" names
    an organisation, not the energy issue. Computed once per document."""
    cached = getattr(ctx, "_position_issue_hits", None)
    if cached is None:
        named = {i for m in ctx.mentions if not m.described and m.end - m.start > 1 and m.kind == "org"
                 for i in range(m.start, m.end)}
        cached = [h for h in ctx.hits_of("issue") if not (h.start in named and h.end - 1 in named)]
        ctx._position_issue_hits = cached
    return cached


def _named_object(ctx: Context, token: Token) -> bool:
    """The stance verb names what it is about, and that is no issue: "a salué le dynamisme des
    relations bilatérales". Its paragraph's issue is then not what it is about; a quoted word ("a
    dénoncé un « chantage »") or a demonstrative ("ces mesures") may still stand for it."""
    if token.pos_ != "VERB":
        return False
    return any(c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN" and not in_quote(ctx, c)
               and not any(g.dep_ == "det" and g.lower_ in DEMONSTRATIVES for g in c.children)
               for c in token.children)


#: Stances that answer a proposal: said with no issue named ("a exprimé des réserves",
#: "pouvaient être discutées"), they are about what the story is about, the topic of its main
#: event. A demand, a concern or a condemnation naming no issue is about something else.
_RESPONSES = frozenset({"has-reservations", "open-to-discussion", "rejects", "no-compromise"})


#: First-person possessives: "notre action" in a communiqué is the issuing state's.
_OUR = frozenset({"notre", "nos", "mon", "ma", "mes"})


def _first_person_possessive(ctx: Context, token: Token) -> bool:
    """The stance word's sentence speaks of "notre/nos ..." outside quotations."""
    sentence = ctx.sent_of(token)
    return any(t.lower_ in _OUR and not in_quote(ctx, t) for t in sentence)


_I_WE = frozenset({"je", "j'", "nous"})


def _first_person_subject(ctx: Context, token: Token) -> bool:
    """"Je l'accuse ...", "nous soutenons ...": in someone's own words, outside quotations,
    the first person of the stance's clause is the speaker."""
    if in_quote(ctx, token):
        return False
    clause = _clause_verb(token)
    return any(c.dep_.startswith("nsubj") and c.lower_ in _I_WE for c in clause.children)


def _impersonal(ctx: Context, token: Token, event: Event | None) -> bool:
    """In someone's own words (a speech, a communiqué), a stance whose subject is no actor
    ("une paix durable exige un cessez-le-feu") is the speaker's, outside quotations."""
    if in_quote(ctx, token):
        return False
    clause = _clause_verb(token)
    subjects = [c for c in clause.children if c.dep_.startswith("nsubj")]
    return bool(subjects) and all(c.pos_ in ("NOUN", "PROPN") and not ctx.by_token.get(c.i) for c in subjects) \
        and (event is None or not event.agents)


def _listed_issues(ctx: Context, token: Token) -> list[str]:
    """"Trois exigences guident notre action :" + list items: the first issue of each item.

    A stance word in a paragraph that ends with a colon and introduces a list holds for
    every item of the list.
    """
    paragraphs = ctx.source.paragraphs
    offset = token.idx
    for index, paragraph in enumerate(paragraphs):
        if not (paragraph.begin <= offset < paragraph.end):
            continue
        if paragraph.is_list_item or not ctx.text[paragraph.begin:paragraph.end].rstrip().endswith(":"):
            return []
        found: list[str] = []
        for item in paragraphs[index + 1:]:
            if not item.is_list_item:
                break
            first = next((h.iri for h in sorted(issue_hits(ctx), key=lambda h: h.start)
                          if item.begin <= ctx.doc[h.start].idx < item.end), None)
            if first is not None and first not in found:
                found.append(first)
        return found
    return []


def _antecedent_issue(ctx: Context, token: Token) -> list[str]:
    """"..., une condition que Kiev rejette": a stance in a relative clause is about what the
    antecedent stands for, the issue named last before it in the sentence."""
    clause = _clause_verb(token)
    if not clause.dep_.startswith("acl") or clause.head.i == clause.i:
        return []
    antecedent = clause.head
    sentence = ctx.sent_of(token)
    before = [h for h in issue_hits(ctx) if sentence.start <= h.start and h.end <= antecedent.i]
    return [max(before, key=lambda h: h.start).iri] if before else []


def _demonstrative_issue(ctx: Context, token: Token) -> list[str]:
    """"X a jugé ces mesures contre-productives", "X l'a dénoncé": "ces mesures" or the
    object pronoun stand for the issue just named, the last one of the previous sentence."""
    clause = _clause_tokens(token, ctx.trigger_heads)
    verb = _clause_verb(token)
    clitic = any(c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ in ("l'", "le", "la", "les")
                 for c in verb.children)  # "Je l'accuse de ...": what the last sentence told
    if not clitic and not any(ctx.doc[i].pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in ctx.doc[i].children)
            for i in clause):
        return []
    sentence = ctx.sent_of(token)
    previous = ctx.sentences_before(sentence.start)
    if not previous:
        return []
    before = [h for h in issue_hits(ctx) if previous[0].start <= h.start < previous[0].end]
    return [max(before, key=lambda h: h.start).iri] if before else []


def _carrier(ctx: Context, token: Token) -> Event | None:
    """The event at the stance word or governing it; else the sentence's event before it."""
    node = token
    for _ in range(6):
        event = ctx.event_at.get(node.i)
        if event is not None and event in ctx.events:
            return event
        if node.head.i == node.i:
            break
        node = node.head
    sentence = ctx.sent_of(token)
    before = [e for i, e in sorted(ctx.event_at.items()) if sentence.start <= i < sentence.end
              and e in ctx.events and e.agents and i <= token.i]
    return before[-1] if before else None


def _clause_verb(token: Token) -> Token:
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _clause_tokens(token: Token, triggers: set[int] | None = None) -> set[int]:
    """Token indexes of the clause of ``token``, without coordinated clauses."""
    root = _clause_verb(token)
    if root.i != token.i and token.pos_ in ("VERB",):
        root = token
    keep: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        keep.add(node.i)
        for c in node.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and node.i == root.i:
                continue
            if c.dep_ == "advcl" and c.pos_ == "VERB" and node.i == root.i and triggers is not None \
                    and any(t.i in triggers and t.i != root.i for t in c.subtree):
                continue  # "a salué X, tout en rappelant que les sanctions ...": another statement
            stack.append(c)
    return keep


def _issues_after(ctx: Context, hit, carrier: Event | None = None, stance_heads: set[int] | None = None) -> list[str]:
    """Issues named after the stance word, before the next event or stance word of the sentence.

    Covers what the parser attached elsewhere ("insisté pour être pleinement associés aux
    discussions") without taking the issue of a coordinated clause ("... et accusé X de
    vouloir affaiblir les sanctions"). A statement of the same speaker that follows does
    not stop the search: it says what the stance is about ("s'est montré réservé : il a
    estimé que toute trêve ..."), nor does another word of the carrier event itself after a
    colon (the event builder may have merged both verbs into one statement; the colon
    announces the explanation, unlike "a salué X, tout en rappelant que ...").
    """
    sentence = ctx.sent_of(hit.head)
    colon = next((t.i for t in ctx.doc[hit.end:sentence.end] if t.text == ":"), sentence.end)
    same_speaker = {i for i, e in ctx.event_at.items() if carrier is not None and (
                    (e is carrier and i > colon) or (e is not carrier and e.agents and e.agents == carrier.agents
                                                     and e.event_type == _STATEMENT))}
    stops = [i for i in ctx.trigger_heads if hit.end <= i < sentence.end and i not in same_speaker]
    heads = stance_heads if stance_heads is not None else {h.head for h in ctx.hits_of("stance")}
    stops += [i for i in heads if hit.end <= i < sentence.end and i != hit.head]
    limit = min(stops) if stops else sentence.end
    return list(dict.fromkeys(h.iri for h in _beside_time_frames(
        ctx, [h for h in issue_hits(ctx) if hit.end <= h.start < limit])))


#: Prepositions that make a phrase the time frame of a stance: "après un éventuel cessez-le-feu".
_TIME_FRAMES = frozenset({"après", "avant", "depuis", "dès", "pendant", "durant"})


def _beside_time_frames(ctx: Context, hits: list[Hit]) -> list[Hit]:
    """The issue hits that are neither the target of the act a stance is about (``_target``)
    nor the time frame of another one: in "a rejeté toute présence de troupes européennes après
    un éventuel cessez-le-feu" the refusal is about the troops; the ceasefire only says when. A
    time frame alone stays (then it is all the clause names)."""
    hits = [h for h in hits if not _target(ctx.doc[h.head])]
    kept = [h for h in hits if not any(c.dep_ == "case" and c.lower_ in _TIME_FRAMES
                                       for c in ctx.doc[h.head].children)]
    return kept or hits


def _target(head: Token) -> bool:
    """"a condamné l'attaque contre le convoi humanitaire": the issue is what the condemned act
    was aimed at, a noun's complement with "contre", not what the stance is about."""
    return head.dep_.startswith("nmod") and head.head.pos_ == "NOUN" \
        and any(c.dep_ == "case" and c.lower_ == "contre" for c in head.children)


def _elliptic_issues(ctx: Context) -> dict[str, str]:
    """Head noun lemma of each issue already named in full -> issue ("les territoires")."""
    heads: dict[str, str] = {}
    for hit in issue_hits(ctx):
        token = ctx.doc[hit.head]
        if token.pos_ == "NOUN":
            heads.setdefault(token.lemma_.lower(), hit.iri)
    return heads


def _clause_issues(ctx: Context, token: Token, elliptic: dict[str, str]) -> list[str]:
    clause = _clause_tokens(token, ctx.trigger_heads)
    inside = [h for h in issue_hits(ctx) if h.head in clause or h.start in clause]
    found = [h.iri for h in _beside_time_frames(ctx, inside)]
    if not found:
        named = {i for h in inside for i in range(h.start, h.end)}  # set aside above, not elliptic
        for i in sorted(clause):
            t = ctx.doc[i]
            if t.pos_ == "NOUN" and t.lemma_.lower() in elliptic and i not in named and not _target(t):
                found.append(elliptic[t.lemma_.lower()])
    return list(dict.fromkeys(found))
