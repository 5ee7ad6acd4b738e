"""Clause reading shared by the event stages: who a phrase names, a verb's subjects, quotes.

French syntax, not vocabulary: the subject of a verb (through coordination and control),
inverted subjects after a reporting verb, the antecedent of "il"/"ils", and the actors a phrase
names (names, appositions, coordination, relatives). The forms of one verb (tense, mood, voice)
are :mod:`~diplograph.extract.verb_forms`; whether a verb is a reporting incise ("..., a déclaré
X") is :mod:`~diplograph.extract.incises`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import main_verb_read_as_clause
from diplograph.extract.context import Context, Mention, in_quote, is_actor, is_subject, unique
from diplograph.extract.counted_people import numbered_antecedent
from diplograph.extract.incises import incise_after_quote, is_reporting
from diplograph.extract.kinds import GATHERINGS, SPEECH
from diplograph.extract.name_shapes import names_under_plural_title
from diplograph.extract.token_view import auxiliaries, feature, token_view
from diplograph.extract.told_before import last_told, told_in
from diplograph.extract.verb_forms import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token

# The word sets below are grammar: prepositions (simple and compound: "lors de", "au cours de", "en
# marge de", "à l'issue de"), pronouns, clitics, determiners, numerals (verb endings: verb_forms). They are the
# closed classes the rules' syntax is written in, and change with the language, not with the world
# or the domain; content words (what hosts, attends, names an actor or a place) are data in
# ontology/vocab/*.ttl, read through kinds.cue_words.

#: Prepositions introducing participants, targets and places.
WITH = frozenset({"avec", "entre", "auprès"})

AGAINST = frozenset({"contre"})

LOCATIVE = frozenset({"à", "au", "aux", "en", "dans"})

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")

PRONOUNS = frozenset({"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles"})
#: Singular object clitics ("Y l'a reçu", "Y le recevra"): grammar, like the subject pronouns.
OBJECT_CLITICS = frozenset({"l'", "l’", "le", "la"})

FIRST_PERSON = frozenset({"je", "j'", "moi"})
#: "ce dernier", "cette dernière": the latter, as "celui-ci" (singular only: "ces derniers" may
#: take up a group of any kind).
LATTER = frozenset({"dernier", "dernière"})
THIS = frozenset({"ce", "cet", "cette"})


#: "en marge du sommet", "à l'occasion de la visite", "au cours de la réunion", "lors du sommet",
#: "pendant", "durant": the words that set a clause inside (or beside) an event.
#: "dans les couloirs de la conférence", "en coulisses": talks held aside a gathering, like "en marge".
DURING_NOUNS = frozenset({"marge", "occasion", "cours", "couloir", "coulisse", "cadre"})
DURING_CASES = frozenset({"lors", "pendant", "durant"})
#: Words that open a phrase framing an act inside an occasion: "à l'issue de la réunion", "lors
#: des discussions", "au cours des entretiens", "en marge du sommet", "au terme de la visite".
FRAMING_WORDS = frozenset({"issue", "lors", "cours", "marge", "sortie", "terme", "fin", "occasion"})


def _courtesy(ctx: Context, token: Token) -> bool:
    from diplograph.extract.name_shapes import is_honorific

    return is_honorific(ctx, token)


def case_of(token: Token) -> str | None:
    """The preposition or conjunction the word's phrase opens with ("à", "de", "que"), lower case:
    its first child before it marked case or mark (read off the token view: ~18,000 calls)."""
    i = token.i
    view = token_view(token.doc)
    dep = view.dep
    for c in view.children[i]:
        if c >= i:
            break
        if dep[c] in ("case", "mark"):
            return view.lower[c]
    return None


def actors_of(ctx: Context, token: Token, follow_conj: bool = True, depth: int = 0) -> list[str]:
    """Actors named by the phrase headed by ``token`` (names, appositions, coordination)."""
    found: list[str] = []
    if token.lower_ in ("-t", "t") and token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ in PRONOUNS:
        token = ctx.doc[token.i + 1]  # "a-t-elle souligné": the parser may pick the "-t"
    mentions = ctx.by_token.get(token.i, [])
    found.extend(ctx.role_people.get(token.i, ()))  # "les ministres chilien et péruvien": both ministers
    if token.i in ctx.role_person and not found:
        found.append(ctx.role_person[token.i])  # "la porte-parole du ministère, Maria Zakharova"
    for m in mentions:
        if is_actor(m) and not found:
            found.append(m.iri)
    if not found and depth < 3 and _courtesy(ctx, token):
        # "SM le Roi X a effectué ...": the parser makes the courtesy title the head, and the titled
        # person its complement (no preposition)
        titled = next((c for c in token.children if c.dep_ == "nmod" and c.i > token.i
                       and not any(g.dep_ == "case" for g in c.children)), None)
        if titled is not None:
            found.extend(actors_of(ctx, titled, follow_conj, depth + 1))
    if not found:
        for deps in (("appos", "flat:name", "flat"), ("nmod",)):
            for c in token.children:
                if c.dep_ in deps and c.i > token.i:
                    named = ctx.by_token.get(c.i, [])
                    if not named and c.i + 1 < len(ctx.doc) and _courtesy(ctx, c):
                        named = ctx.by_token.get(c.i + 1, [])  # "le Premier ministre, cheikh X": the title heads
                        c = ctx.doc[c.i + 1]
                    if c.dep_ == "nmod":
                        # "le représentant du Soudan, M. X": the parser hangs the apposition on the
                        # complement; a person set off by a comma after it is the head's
                        found.extend(_apposed_person(ctx, c))
                        if found:
                            break
                    for m in named:
                        if is_actor(m) and (c.dep_ != "nmod" or m.start == c.i or m.described):
                            found.append(m.iri)
                            break
                if found:
                    break
            if found:
                break
    if not found and token.lower_ in PRONOUNS:
        found += antecedent(ctx, token)
    if not found and token.lower_ in OBJECT_CLITICS and token.dep_ == "obj" and token.pos_ == "PRON" and depth == 0:
        found += _clitic_antecedent(ctx, token)  # "Y l'a accueilli": the guest told before
    if not found and token.lower_ in ("celui", "celle") and token.i + 2 < len(ctx.doc) \
            and ctx.doc[token.i + 1].text == "-" and ctx.doc[token.i + 2].lower_ == "ci":
        found += latter(ctx, token)
    if not found and token.lower_ in LATTER and any(c.dep_ == "det" and c.lower_ in THIS for c in token.children):
        found += latter(ctx, token)  # "Ce dernier a rencontré ...", "cette dernière"
    if not found and depth == 0:
        found += numbered_antecedent(ctx, token)
    if not found and ctx.we and token.lower_ == "nous" and is_first_person_subject(ctx, token):
        found += ctx.we  # a joint declaration: "Nous, ministres des Affaires étrangères de X et de Y"
    if not found and ctx.speaker and is_first_person_subject(ctx, token):
        found.append(ctx.speaker)
    if not found and token.pos_ == "PRON" and "Rel" in feature(token, "PronType") and depth == 0 \
            and token.lower_ != "où":  # "le Pérou où il s'entretiendra avec X": a place, never a party
        head = token.head.head if token.head.dep_.startswith("acl") else _lost_antecedent(ctx, token)
        if head is not None and head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") \
                and _plural(token.head):
            head = head.head  # "X et Y, qui doivent se réunir": the clause hangs on the last conjunct
        # "C'est dans les jardins de X que Y a reçu Z": a cleft of a circumstance (a phrase with its
        # preposition after "c'est"); "que" stands for where or when, not for someone
        clefted = head is not None and any(c.dep_ == "cop" for c in head.children) \
            and any(c.dep_ == "case" for c in head.children)
        if head is not None and not clefted:
            found += actors_of(ctx, head, follow_conj, depth + 1)
            if not found:  # "la position chinoise, qui appelle à ...": the demonym's state
                found += [ctx.demonym_at[c.i] for c in head.children if c.dep_ == "amod" and c.i in ctx.demonym_at]
    if follow_conj and depth < 4:
        for c in token.children:
            if c.dep_ == "conj":
                theirs = actors_of(ctx, c, True, depth + 1)
                if not theirs and c.pos_ == "NOUN":
                    # "Le ministre X et son homologue Y ont signé": the parser hangs Y on the first
                    # noun, as a second apposition after the conjunct; Y names the conjunct
                    theirs = [m.iri for a in token.children if a.dep_ == "appos" and a.i == c.i + 1
                              for m in ctx.by_token.get(a.i, []) if m.start == a.i and m.kind == "person"][:1]
                found += theirs
        if found and depth == 0 and token.dep_ in ("nsubj", "nsubj:pass"):
            found = _coordinated_before(ctx, token, found) + found
    return unique(found)


def _plural(verb: Token) -> bool:
    return "Plur" in feature(verb, "Number") or any(
        "Plur" in feature(c, "Number") for c in auxiliaries(verb))


def _lost_antecedent(ctx: Context, relative: Token) -> Token | None:
    """"Les présidents russe et finlandais, qui doivent se réunir vendredi, ont salué ...": the
    parser may make the relative clause the main one and hang its antecedent on it as a
    complement; the noun phrase ending right before the comma is still what "qui" stands for."""
    doc = ctx.doc
    start = ctx.sent_of(relative).start
    if relative.dep_ != "nsubj" or relative.i - 2 < start or doc[relative.i - 1].text != ",":
        return None
    top = doc[relative.i - 2]
    while top.head.i != top.i and start <= top.head.i < relative.i - 1:
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN") or top.head.i != relative.head.i \
            or any(c.dep_ == "case" for c in top.children):
        return None
    return top


def _coordinated_before(ctx: Context, subject: Token, named: list[str]) -> list[str]:
    """"X Y et Z W vont se rencontrer": the parser may hang the first name of
    a coordinated subject on the verb as an adverb and make the second alone the subject. A name
    just before "et" that starts the subject phrase, on no preposition and as no object, is part
    of that subject."""
    mention = next((m for m in ctx.by_token.get(subject.i, []) if is_actor(m) and m.iri in named), None)
    start = mention.start if mention is not None else subject.i
    if start < 2 or ctx.doc[start - 1].lower_ != "et":
        return []
    left = next((m for m in ctx.by_token.get(start - 2, []) if is_actor(m) and m.end == start - 1), None)
    if left is None or left.kind != (mention.kind if mention is not None else left.kind):
        return []
    root = next((ctx.doc[i] for i in range(left.start, left.end)
                 if not left.start <= ctx.doc[i].head.i < left.end or ctx.doc[i].head.i == i), None)
    # "X et Y se sont quittés ...": or it makes the first name the root and the verb its conjunct
    rooted = root is not None and root.dep_ == "ROOT" and subject.head.dep_ == "conj" \
        and subject.head.head.i == root.i
    if root is None or (not rooted and (root.dep_ not in ("advmod", "dep", "nsubj", "obl:mod")
                                        or root.head.i not in (subject.i, subject.head.i))) \
            or any(c.dep_ == "case" for c in root.children) or left.start != ctx.sent_of(subject).start:
        return []
    return [left.iri]


def _apposed_person(ctx: Context, complement: Token) -> list[str]:
    """The person named in apposition (after a comma) to a complement: "du Soudan, M. X"."""
    for a in complement.children:
        if a.dep_ != "appos" or a.i <= complement.i or ctx.doc[a.i - 1].text != ",":
            continue
        k = a.i + 1 if _courtesy(ctx, a) and a.i + 1 < len(ctx.doc) else a.i
        person = next((m.iri for m in ctx.by_token.get(k, []) if m.kind == "person" and not m.described), None)
        if person is not None:
            state = next((m.iri for m in ctx.by_token.get(complement.i, []) if m.kind == "state"), None)
            if state is not None and ctx.sides.get(person) is None:
                ctx.sides[person] = state  # "le représentant du Soudan": Sudan's
            return [person]
    return []


def is_first_person_subject(ctx: Context, token: Token) -> bool:
    """"je", or "nous" as a subject, outside quotations: the speaker of a speech or interview."""
    lower = token.lower_
    if lower not in FIRST_PERSON and not (lower == "nous" and token.dep_.startswith("nsubj")):
        return False
    return not in_quote(ctx, token)


def _cataphora(ctx: Context, token: Token) -> str | None:
    """"De retour de Port-Soudan, où elle s'était entretenue avec X, Mme H a rapporté ...": a
    pronoun in a phrase fronted before the main clause and set off by a comma points forward to
    the main clause's subject, the person the sentence is about."""
    sentence = ctx.sent_of(token)
    root = sentence.root
    if root.i <= token.i or root.pos_ not in ("VERB", "AUX") or token.head.i == root.i \
            or sentence.start == token.i:
        return None
    starts = [t.left_edge.i for t in subjects_of(ctx, root)]
    if not starts:  # the parser hung the subject on the fronted phrase: the person just before the verb
        starts = [m.start for m in ctx.mentions if m.kind == "person" and token.i < m.start < root.i
                  and m.iri in left_actors(ctx, root)]
    for start in starts:
        if start <= token.i or not any(ctx.doc[k].text == "," for k in range(token.i, start)):
            continue
        for k in range(start, root.i):
            person = next((m for m in ctx.by_token.get(k, []) if m.kind == "person"), None)
            if person is not None:
                return person.iri
    return None


def latter(ctx: Context, token: Token) -> list[str]:
    """"Celui-ci", "celle-ci", "ce dernier": the latter, the person named last before it (this sentence or the
    one before), not the subject a personal pronoun would take up."""
    sentences = ctx.sentences_before(ctx.sent_of(token).start)
    window = sentences[0].start if sentences else ctx.sent_of(token).start
    named = [m for m in ctx.mentions if window <= m.start and m.end <= token.i and m.kind == "person"
             and not in_quote(ctx, ctx.doc[m.start])]
    return [max(named, key=lambda m: m.end).iri] if named else []


def antecedent(ctx: Context, token: Token) -> list[str]:
    """"il"/"elle": the latest person that was a subject before, else the latest person named.

    "ils"/"elles" take the latest subject group, state or set of people instead.
    """
    plural = token.lower_.strip("-") in ("ils", "elles")
    if not plural:
        speaking = _incise_speaker(ctx, token)
        if speaking is not None:
            return [speaking]
        ahead = _cataphora(ctx, token)
        if ahead is not None:
            return [ahead]
    kinds = ("group", "state", "org", "delegation") if plural else ("person",)
    earlier = [m for m in ctx.mentions if m.end <= token.i and m.kind in kinds
               and not in_quote(ctx, ctx.doc[m.start])]
    sentences = ctx.sentences_before(ctx.sent_of(token).start)
    window = sentences[0].start if sentences else ctx.sent_of(token).start
    near = [m for m in earlier if m.start >= window]
    if plural:
        # "... entre les deux chefs d'État, qui décideraient s'ils adopteraient ...": a counted
        # plural phrase of people earlier in the sentence is what "ils" takes up
        for t in reversed(ctx.doc[ctx.sent_of(token).start:token.i]):
            counted = ctx.role_people.get(t.i) or (numbered_antecedent(ctx, t) if t.pos_ == "NOUN" else [])
            if len(counted) >= 2:
                return counted
    if plural:  # "X et Y se sont entretenus. Ils ont réaffirmé ...": the coordinated people
        people = unique([m.iri for m in ctx.mentions if m.kind == "person" and window <= m.start < token.i
                          and is_subject(ctx, m) and not in_quote(ctx, ctx.doc[m.start])])
        if len(people) >= 2:
            return people
        # "X et Y se sont entretenus. Ils ont ...": the people of the gathering just told
        last = last_told(told_in(ctx, window, token.i))
        if last is not None:
            people = [p.actor for p in last.participants
                      if (ctx.entities.get(p.actor) is not None and ctx.entities[p.actor].kind == "person")]
            if len(people) >= 2:
                return people
    if near:  # the previous sentence (or this one) names the antecedent: its subject, else the last
        # "X doit se rendre à Y, a précisé Z. Il ...": the subject of a reporting incise is not the topic
        subjects = [m for m in near if (is_subject(ctx, m) or _relative_speaker(ctx, m))
                    and not _incise_subject(ctx, m)]
        if plural and not subjects:
            # "Les deux ministres ont rejeté les sanctions imposées au Niger. Ils ont ...": a state
            # named in passing is not "ils"; the people of the gathering told before are
            people = _gathering_people(ctx, token)
            if people:
                return people
        if not subjects and not plural:
            # "M. X a indiqué avoir transmis ... de son homologue Y, ajoutant ... Il a précisé": the
            # parse gave the speaker no subject; the agent of the last act told is still the topic
            agent = _last_person_agent(ctx, window, token)
            if agent is not None:
                return [agent]
        return [(subjects or near)[-1].iri]
    for m in reversed(earlier):
        if in_quote(ctx, ctx.doc[m.start]):
            continue
        if is_subject(ctx, m):
            if token.i - m.end < 120:
                return [m.iri]
            break
    if plural:  # no group or state was a subject nearby: "ils" are the people who met, if any
        people = _gathering_people(ctx, token)
        if people:
            return people
    return [earlier[-1].iri] if earlier else []


def _relative_speaker(ctx: Context, m: Mention) -> bool:
    """"à son homologue Y, qui a réitéré la volonté ...": the person a relative "qui" takes up,
    when the relative clause reports speech, spoke there (a subject for "il" in what follows)."""
    k = m.end
    if k < len(ctx.doc) and ctx.doc[k].text == ",":
        k += 1
    if k >= len(ctx.doc) or ctx.doc[k].lower_ != "qui" or not ctx.doc[k].dep_.startswith("nsubj"):
        return False
    verb = ctx.doc[k].head
    event = ctx.event_at.get(verb.i)
    return event is not None and event.event_type in SPEECH


def _incise_speaker(ctx: Context, token: Token) -> str | None:
    """"..., a-t-il ajouté", "..., poursuit-elle": the inverted pronoun of a reporting incise is
    whoever spoke last, in this sentence or the one before ("M. X a affirmé ..., a précisé le
    porte-parole. ..., a-t-il ajouté": the spokesman goes on), not the person a narrator's "il"
    takes up. Acts reported inside another one's words ("a rappelé que X avait rejeté") do not count,
    nor a speaker the pronoun's gender cannot take up (:mod:`diplograph.extract.genders`)."""
    from diplograph.extract.genders import may_be, pronoun_gender

    verb = token.head
    if not token.lower_.startswith("-") or verb.pos_ != "VERB" or not is_reporting(ctx, verb):
        return None
    sentences = [s for s in ctx.sentences if s.end <= ctx.sent_of(token).start and s.text.strip()][-1:]
    window = (sentences[0] if sentences else ctx.sent_of(token)).start_char
    acts = sorted((e for e in ctx.events if e.event_type in SPEECH and e.agents
                   and window <= e.trigger.begin < verb.idx and e.trigger.begin != verb.idx),
                  key=lambda e: e.trigger.begin)
    here = ctx.sent_of(token).start_char
    for event in reversed(acts):
        said = ctx.doc.char_span(event.trigger.begin, event.trigger.end, alignment_mode="expand")
        if said is None or in_quote(ctx, said[0]) or _reported_speech(ctx, said[-1], SPEECH):
            continue
        if event.trigger.begin >= here and not is_reporting(ctx, said[-1]):
            continue  # "Le Kremlin précisera ..., a-t-il ajouté": the words reported, not who spoke
        if not may_be(ctx, event.agents[0], pronoun_gender(token.lower_)):
            continue  # "..., a-t-elle ajouté" after "le délégué X a insisté": not him
        return event.agents[0]
    return None


def _reported_speech(ctx: Context, verb: Token, speech: frozenset[str]) -> bool:
    """The verb stands in the words another speech act reports (its complement clause)."""
    t = verb
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "xcomp", "acl:relcl"):
            above = ctx.event_at.get(t.head.i)
            if above is not None and above.event_type in speech:
                return True
        t = t.head
    return False


def _last_person_agent(ctx: Context, window: int, token: Token) -> str | None:
    """The person who did the last act told between token ``window`` and ``token``."""
    begin, end = ctx.doc[window].idx, token.idx
    acts = [e for e in ctx.events if begin <= e.trigger.begin < end
            and any(ctx.entities.get(a) is not None and ctx.entities[a].kind == "person" for a in e.agents)]
    if not acts:
        return None
    last = max(acts, key=lambda e: e.trigger.begin)
    return next(a for a in last.agents if ctx.entities.get(a) is not None and ctx.entities[a].kind == "person")


def _gathering_people(ctx: Context, token: Token) -> list[str]:
    """The people (two or more) of the last gathering told before ``token``."""
    entities = ctx.entities
    told = [e for _, e in told_in(ctx, 0, token.i) if sum(
        1 for p in e.participants if entities.get(p.actor) is not None and entities[p.actor].kind == "person") >= 2]
    if not told:
        return []
    last = max(told, key=lambda e: e.trigger.begin)
    return unique([p.actor for p in last.participants
                   if ctx.entities.get(p.actor) is not None and ctx.entities[p.actor].kind == "person"])


def _incise_subject(ctx: Context, m: Mention) -> bool:
    """The mention is the inverted subject of a reporting incise (", a précisé Mme X")."""
    token = ctx.doc[m.start]
    while token.dep_ in ("flat:name", "flat", "appos") and token.head.i != token.i:
        token = token.head
    verb = token.head
    return verb.i < token.i and verb.pos_ == "VERB" and is_reporting(ctx, verb)


def _continues_after_comma(verb: Token) -> bool:
    """"..., a rencontré la presse": a compound past opening right after a comma or "et", with no
    subject of its own, continues a list of what the subject before did."""
    first = min([verb, *auxiliaries(verb)], key=lambda t: t.i)
    return first.i > 0 and first.i < verb.i and verb.doc[first.i - 1].lower_ in (",", "et")


def subjects_of(ctx: Context, verb: Token, depth: int = 0) -> list[Token]:
    """Subject tokens of a verb; a coordinated or controlled verb shares its head's subject."""
    passive = is_passive(verb)
    subjects = [c for c in verb.children
                if (c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass" and not passive)
                    or (c.dep_ == "expl:subj" and c.lower_ in PRONOUNS))
                and not (in_quote(ctx, c) and not in_quote(ctx, verb))
                # "s'est entretenu avec le président X et a assisté ...": a noun after a preposition
                # is no subject, whatever the parse says
                and not (c.pos_ == "NOUN" and any(g.dep_ == "case" and g.i < c.i for g in c.children))
                and c.i not in ctx.heading_tokens]  # "PARIS (Reuters) - ...": a dateline is no subject
    if len(subjects) == 1:
        subjects = names_under_plural_title(ctx, subjects[0]) + subjects  # "MM. Poutine et Trump ont ..."
    if subjects or depth > 3:
        return subjects
    if "Fin" in feature(verb, "VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
        # "(AGENCE) - Les présidents X et Y se sont entretenus": a noun before a finite verb with no
        # preposition and no time in it, that the parse made a complement, is its subject
        timed = ctx.timed_tokens()
        bare = [c for c in verb.children if c.dep_.startswith("obl") and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ == "case" for g in c.children) and c.i not in timed
                and c.i not in ctx.heading_tokens and actors_of(ctx, c)]
        if not bare and any(c.dep_ == "nsubj" and c.i in ctx.heading_tokens for c in verb.children):
            # "(VNA) - Les présidents X et Y se sont entretenus": the parse took the agency for the
            # subject and hung the real one on it
            bare = [t for t in ctx.doc[ctx.sent_of(verb).start:verb.i] if t.i not in ctx.heading_tokens
                    and t.head.i in ctx.heading_tokens and t.pos_ in ("NOUN", "PROPN") and t.i not in timed
                    and not any(g.dep_ == "case" for g in t.children) and actors_of(ctx, t)]
        if bare:
            return bare[-1:]
    if main_verb_read_as_clause(ctx, verb):
        return [verb.head]  # misparse: "Le ministre argentin rencontrera ..." read as a noun phrase
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # object control: "X a invité Y à effectuer une visite", "a appelé la Russie à cesser": the
        # one invited or called on does it, when that object names an actor
        objects = [c for c in verb.head.children if c.dep_ == "obj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
        controllers = [c for c in objects if actors_of(ctx, c)]
        if controllers:
            return controllers
        if any(m.lower_ in ("à", "de", "d'", "d’") for m in verb.children if m.dep_ == "mark") and objects:
            return []  # "a appelé les dirigeants à signer": they sign, whoever they are, not the caller
    if verb.dep_ == "advcl" and verb.head.i < verb.i and verb.head.pos_ == "VERB" and is_reporting(ctx, verb.head):
        # "« ... », a déclaré X en clôturant le sommet, ajoutant que ...": the incise's inverted
        # subject (which the parse may read as an object), not the subject of the words reported
        inverted = [c for c in verb.head.children if c.dep_ in ("nsubj", "obj") and c.i > verb.head.i
                    and c.pos_ in ("PROPN", "NOUN") and actors_of(ctx, c)]
        if inverted:
            return inverted[:1]
    if verb.dep_ == "conj" and "Part" in feature(verb, "VerbForm") and "Past" in feature(verb, "Tense") \
            and not any(c.dep_.startswith("aux") for c in verb.children) \
            and "Inf" in feature(verb.head, "VerbForm") and verb.head.head.i != verb.head.i:
        # "X a fait part de son plaisir de revoir Y et insisté sur ...": a participle without its own
        # auxiliary shares the main verb's, not the infinitive's clause, whatever the parse hangs it on
        return subjects_of(ctx, verb.head.head, depth + 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subjects_of(ctx, verb.head, depth + 1)
    if verb.dep_ in ("dep", "parataxis") and verb.head.i < verb.i and _continues_after_comma(verb) \
            and not incise_after_quote(ctx, verb):
        return subjects_of(ctx, verb.head, depth + 1)  # "X s'est entretenu avec Y, a rencontré Z"
    # "X, arrivé vendredi à Conakry, effectue une visite": the participle clause before the verb
    # took the subject the two share
    for c in verb.children:
        if c.dep_ == "advcl" and c.i < verb.i and "Part" in feature(c, "VerbForm"):
            shared = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if shared:
                return shared
    return []


def left_actors(ctx: Context, verb: Token) -> list[str]:
    """Fallback when the parse lost the subject: actors just before the verb in its clause."""
    found: list[str] = []
    i = verb.i - 1
    sentence_start = ctx.sent_of(verb).start
    # a plural verb ("X, chancelier, et Y, premier ministre, se sont entretenus") has a coordinated
    # subject whose appositions are set off by commas: the commas do not end it
    plural = "Plur" in feature(verb, "Number") or any(
        "Plur" in feature(c, "Number") for c in auxiliaries(verb))
    while i >= sentence_start:
        t = ctx.doc[i]
        if t.text == "," and not found:
            opening = _relative_opening(ctx, i, sentence_start)
            if opening is not None:  # "X, qui termine son mandat, a réaffirmé": the clause is X's aside
                i = opening - 1
                continue
        named = any(m.kind == "person" for m in ctx.by_token.get(i, []))  # "Villanueva" tagged as a verb
        if (t.pos_ == "VERB" and not named) or t.text in (";", ":", "«", "»", "”", "“", '"') \
                or (t.text == "," and found and not plural):
            break
        for m in ctx.by_token.get(i, []):
            if is_actor(m) and m.iri not in found and not (m.place and after_one_of(ctx, m.start)) \
                    and not (m.place and _names_a_gathering(ctx, m)):
                found.insert(0, m.iri)  # "la guerre qui fait rage en Ukraine, appelant ...": a place
        i -= 1
    return found


def named_before_aside(ctx: Context, verb: Token) -> bool:
    """"X, qui termine son mandat, a réaffirmé ...": the verb (or its first auxiliary) follows a
    relative clause set off by commas, right after a name."""
    first = min([verb.i, *(c.i for c in auxiliaries(verb))])
    start = ctx.sent_of(verb).start
    if first - 1 <= start or ctx.doc[first - 1].text != ",":
        return False
    opening = _relative_opening(ctx, first - 1, start)
    return opening is not None and opening > start and any(is_actor(m) for m in ctx.by_token.get(opening - 1, []))


def _clitic_antecedent(ctx: Context, token: Token) -> list[str]:
    """"X est arrivé lundi à Paris. Le président Y l'a accueilli mardi": a singular object clitic
    takes up the person named last in this sentence or the one before who is not the verb's own
    subject (nobody receives himself), a subject before anyone else. Only on a verb of gathering:
    "l'Assemblée l'approuva" takes up a text, not a person."""
    verb = token.head
    if not any(h.head == verb.i and h.iri in GATHERINGS for h in ctx.hits_of("event")):
        return []
    own = {a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s, depth=1)}
    if verb.dep_ == "acl:relcl" and verb.head.i != verb.i:
        own.update(actors_of(ctx, verb.head, depth=1))  # "Y, qui l'a accueilli": Y is the subject
    sentences = ctx.sentences_before(ctx.sent_of(token).start)
    window = sentences[0].start if sentences else ctx.sent_of(token).start
    people = [m for m in ctx.mentions if m.kind == "person" and window <= m.start < token.i
              and m.iri not in own and not in_quote(ctx, ctx.doc[m.start])]
    subjects = [m for m in people if is_subject(ctx, m)]
    return [m.iri for m in (subjects or people)[-1:]]


def _relative_opening(ctx: Context, comma: int, sentence_start: int) -> int | None:
    """The comma that opens ", qui ... ," ending at ``comma`` (no comma inside), else None."""
    for k in range(comma - 1, sentence_start, -1):
        t = ctx.doc[k]
        if t.text == ",":
            return None
        if t.lower_ == "qui" and ctx.doc[k - 1].text == ",":
            return k - 1
    return None


def _names_a_gathering(ctx: Context, m: Mention) -> bool:
    """"lors du sommet de X": a city completing a gathering noun is where it met, not an actor."""
    head = ctx.doc[m.start].head
    return ctx.doc[m.start].dep_ == "nmod" and head.i in ctx.trigger_heads and head.pos_ == "NOUN"


#: Prepositions after which a place name is a location, not an actor (wider than LOCATIVE: "vers",
#: "depuis", "sur" head no event's place but still make a name a place).
PLACE_PREPOSITIONS = frozenset("à au aux en dans vers depuis sur".split())


def is_locative(ctx: Context, start: int) -> bool:
    """Is the name at ``start`` the object of a preposition of place (a location, not an actor)?"""
    return after_one_of(ctx, start, PLACE_PREPOSITIONS)


def after_one_of(ctx: Context, start: int, words: frozenset[str] = LOCATIVE) -> bool:
    """Is the word before the phrase at ``start`` (past its determiners) one of ``words``? By
    default: is the name the object of "à", "au", "en", "dans" (a location, not an actor)?"""
    i = start - 1
    while i >= 0 and ctx.doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and ctx.doc[i].lower_ in words


def opened_between(doc, noun: int, verb: int) -> bool:
    """A parenthesis opens after the noun and is still open at the verb: "la deuxième session (la
    première s'était réunie à Stockholm)" tells another gathering inside it, whatever the parse
    hangs on what."""
    depth = 0
    for k in range(noun + 1, verb):
        depth += doc[k].text == "("
        depth -= doc[k].text == ")" and depth > 0
    return depth > 0
