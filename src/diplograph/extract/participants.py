"""Who took part in an event mention, read where the parse alone falls short.

French news names participants in ways a dependency parse often hangs wrongly: "entre X et
Y" after a date, a list of titled counterparts, "accompagné de", "À l'invitation de X", "X,
hôte de la réunion", a passive agent set off by commas. These readers follow the words
themselves; :func:`participant_of` turns an actor into a participant with role, side and
evidence, the form other stages (attendance, coreference) use too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import is_honorific
from diplograph.extract.syntax import (
    LATTER,
    LOCATIVE,
    SUBJECT_DEPS,
    THIS,
    WITH,
    actors_of,
    antecedent,
    case_of,
    in_quote,
    is_actor,
    latter,
    subjects_of,
)
from diplograph.extract.token_view import auxiliaries, feature
from diplograph.model import Participant, Span

if TYPE_CHECKING:
    from spacy.tokens import Token


# Nouns of the one who hosts a gathering, set beside that person ("X, hôte de la réunion"), are
# cue:host-noun (ontology/vocab/cues.ttl).


def listed_holders(ctx: Context, obj: Token) -> list[str]:
    """"a rencontré le ministre des Affaires étrangères de X, M. A, le ministre ... de Y, M. B, et
    le ministre ... de Z, M. C": a list of titled counterparts after the verb, which the parser
    hangs anywhere; every holder of a title up to the end of the clause is met."""
    found: list[str] = []
    end = ctx.sent_of(obj).end
    served = served_titles(ctx)
    for k in range(obj.i, end):
        t = ctx.doc[k]
        if t.text in ";:" or (t.pos_ in ("VERB", "AUX") and "Part" not in feature(t, "VerbForm")):
            break
        if k in ctx.role_person and k not in served:
            found.append(ctx.role_person[k])
    return found


def listed_names(ctx: Context, obj: Token) -> list[str]:
    """"réunit les présidents X (Afrique du Sud), Y (Rwanda) et Z (Kenya) ainsi que leur hôte, le
    président tanzanien W": a plural title followed by a run of names, each with its state in a
    parenthesis; the parse scatters them, the words are reliable. The run holds only names, their
    parentheses, titles, "et", "ainsi que", commas and determiners; any other word ends it."""
    doc = ctx.doc
    if "Plur" not in feature(obj, "Number") or obj.i + 1 >= len(doc) \
            or not any(m.kind == "person" and m.start == obj.i + 1 for m in ctx.by_token.get(obj.i + 1, [])):
        return []
    titles = {i for h in ctx.hits_of("role") for i in range(h.start, h.end)}
    run_words = _RUN_WORDS | cue_words(ctx.lex, "host-noun")
    found: list[str] = []
    depth = 0
    for k in range(obj.i + 1, ctx.sent_of(obj).end):
        t = doc[k]
        named = [m for m in ctx.by_token.get(k, []) if m.kind == "person"]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth > 0:
            continue
        elif named:
            found.extend(m.iri for m in named if m.start == k and m.iri not in found)
        elif not (t.text == "," or t.lower_ in run_words or t.pos_ in ("DET", "ADJ", "PROPN") or k in titles
                  or is_honorific(ctx, t)):
            break
    return found


#: Words that may join the names of a run ("X, Y et Z ainsi que leur hôte, le président W"), with the
#: host nouns (cue:host-noun); conjunctions are grammar, so they stay here.
_RUN_WORDS = frozenset({"et", "ainsi", "que"})


def on_visit(ctx: Context, token: Token) -> list[str]:
    """"Le ministre X, en visite en Tunisie, a été reçu ...": the person whose name the phrase
    "en visite" is set off after is the one visiting."""
    doc = ctx.doc
    if token.i < 3 or doc[token.i - 1].lower_ != "en" or doc[token.i - 2].text != ",":
        return []
    return [m.iri for m in ctx.mentions if m.end == token.i - 2 and m.kind == "person"][:1]


def latter_named(ctx: Context, token: Token) -> list[str]:
    """"La visite de ce dernier", "une visite d'État de cette dernière": the gathering noun's own
    phrase ends on "de ce dernier", whose person is the latter, named last before it. Read on the
    words, as the parser often hangs "dernier" on the verb or on the qualifier ("d'État")."""
    doc = ctx.doc
    end = min(len(doc), token.i + 8)
    for k in range(token.i + 1, end - 2):
        t = doc[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return []
        if t.lower_ in ("de", "d'", "d’") and doc[k + 1].lower_ in THIS and doc[k + 2].lower_ in LATTER:
            return latter(ctx, doc[k + 2])
    return []


def counterpart_owner(ctx: Context, token: Token) -> list[str]:
    """"L'entretien avec son homologue portugais X": the one whose counterpart X is (the visitor
    told before, found when the roles were read) takes part with X; the gathering noun itself
    has no possessive to say so."""
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 5)
    for j in range(token.i + 1, end):
        if doc[j].lower_ in WITH and j + 2 < len(doc) and doc[j + 1].lower_ in ("son", "sa", "ses"):
            owner = ctx.counterpart_of.get(j + 2)
            return [owner] if owner is not None else []
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
            break
    return []


def predicated_visit(ctx: Context, token: Token) -> list[str]:
    """"X est en visite officielle au Maroc", "X est, depuis samedi, en voyage officiel en Lettonie":
    a gathering noun that "être en" predicates of a subject (the noun heads the clause, with the
    copula and "en" on it) has that subject as a party."""
    en = next((c for c in token.children if c.dep_ == "case" and c.lower_ == "en" and c.i < token.i), None)
    if en is None:
        return []
    cop = next((c.i for c in token.children if c.dep_ == "cop"), None)
    if cop is not None:
        found = [a for s in subjects_of(ctx, token) for a in actors_of(ctx, s)]
        if found:
            return found
    copula = cop if cop is not None else _copula_set_off(ctx, en.i)
    if copula is None:
        return []
    # a circumstance set off between "est" and "en" breaks the parse (or the subject's title hides
    # the name): the subject is the person named last before the copula, with no verb between them
    doc = ctx.doc
    for i in range(copula - 1, ctx.sent_of(doc[copula]).start - 1, -1):
        if doc[i].pos_ == "VERB":
            break
        named = [m.iri for m in ctx.by_token.get(i, []) if m.start == i and m.kind == "person"]
        if named:
            return named
    return []


def _copula_set_off(ctx: Context, en: int) -> int | None:
    """"est, depuis ce samedi, en voyage": the copula before a circumstance set off by two commas
    right before "en" (no verb inside it); its index, else None."""
    doc = ctx.doc
    if en < 3 or doc[en - 1].text != ",":
        return None
    for j in range(en - 2, max(en - 10, 0), -1):
        if doc[j].pos_ == "VERB" and doc[j].lemma_ != "être":
            return None
        if doc[j].text == ",":
            return j - 1 if doc[j - 1].lemma_ == "être" else None
    return None


def made_in_relative(ctx: Context, token: Token) -> list[str]:
    """"la visite de travail qu'effectue X au Royaume", "la visite que la ministre X effectuera à Y",
    "la réunion qu'il a présidée": the gathering noun is the object of a light verb of gathering
    (cue:gathering-light-verb) in its own relative clause; that clause's subject takes part."""
    light = cue_words(ctx.lex, "gathering-light-verb")
    found: list[str] = []
    for clause in token.children:
        if clause.dep_ != "acl:relcl" or clause.lemma_ not in light:
            continue
        if any(g.lower_ in ("que", "qu'", "qu’") and g.dep_ in ("obj", "mark") and g.i < clause.i
               for g in clause.children):
            found += [a for s in subjects_of(ctx, clause) for a in actors_of(ctx, s)]
    return found


def possessor(ctx: Context, token: Token) -> list[str]:
    """"sa visite", "son entretien avec X": a gathering noun with a singular possessive and no one
    else named is the possessor's, the person "son"/"sa" stands for (read as "il"/"elle" would be)."""
    det = next((c for c in token.children if c.dep_ == "det" and c.lower_ in ("sa", "son", "ses", "leur", "leurs")
                and "Yes" in feature(c, "Poss")), None)
    if det is None:
        return []
    if det.lower_.startswith("leur"):  # "X et Y ont signé un document à l'issue de leur rencontre"
        verb = token.head
        for _ in range(3):
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        owners = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s)] if verb.pos_ == "VERB" else []
        owners = [a for a in owners if actor_kind(ctx, a) == "person"]
        return owners if len(owners) >= 2 else []
    return [a for a in antecedent(ctx, det) if actor_kind(ctx, a) == "person"]


def served_titles(ctx: Context) -> set[int]:
    """Heads of titles in a genitive complement ("X, émissaire du roi Y", "l'envoyé du président
    Z"): their holder is whom another title serves, not someone present."""
    return {h.head for h in ctx.hits_of("role")
            if h.start > 0 and ctx.doc[h.start - 1].lower_ in ("de", "du", "d'", "d’")}


def without_title_states(ctx: Context, actors: list[str], sentence, also: list[str] = ()) -> list[str]:
    """Drop a state or organisation named only as the complement of a title whose holder is there
    too ("le ministre des Affaires étrangères du Qatar, X, et le secrétaire général de l'ONU, Y, ont
    discuté": X and Y talked, not Qatar and the UN besides them)."""
    present = set(actors) | set(also)
    roles = [h for h in ctx.hits_of("role") if sentence.start <= h.start < sentence.end]

    def in_title(m) -> bool:
        for h in roles:
            holder = ctx.role_person.get(h.head)
            if holder is None or holder not in present or not h.start < m.start <= h.end + 3:
                continue  # "le chef de la diplomatie chinoise": the state's mention may start inside the title
            if all(t.pos_ in ("ADP", "DET") for t in ctx.doc[h.end:m.start]):
                return True
        return False

    kept = []
    for actor in actors:
        entity = ctx.entities.get(actor)
        if entity is not None and entity.kind in ("state", "org"):
            mentions = [m for k in range(sentence.start, sentence.end) for m in ctx.by_token.get(k, [])
                        if m.iri == actor and m.start == k]
            if mentions and all(in_title(m) for m in mentions):
                continue
        kept.append(actor)
    return kept


def inviters_of(ctx: Context, verb: Token) -> list[str]:
    """"À l'invitation de X" (or "sur l'invitation de X") on a gathering verb: X, who hosts it (the
    first person of the phrase, without what the parser coordinated or apposed to it)."""
    for c in verb.children:
        if c.dep_.startswith("obl") and c.lemma_.lower() == "invitation" and case_of(c) in ("à", "sur"):
            for g in c.children:
                if g.dep_ == "nmod" and case_of(g) in ("de", "du", "d'", "des"):
                    phrase = {t.i for t in g.subtree} - {t.i for x in g.subtree if x.dep_ == "conj"
                                                         for t in x.subtree}
                    named = [m.iri for i in sorted(phrase) for m in ctx.by_token.get(i, [])
                             if m.kind == "person" and m.start == i]
                    return named[:1] or actors_of(ctx, g, follow_conj=False)
    return _fronted_inviter(ctx, verb)


def _fronted_inviter(ctx: Context, verb: Token) -> list[str]:
    """"A l'invitation de Son Excellence Monsieur X, Président de ..., Son Excellence Monsieur Y, ...,
    a effectué une visite": the long phrase of titles often makes the parser cut the sentence in
    several trees; the words still say it: the first person after a sentence-opening "À (Sur)
    l'invitation de" invites."""
    doc = ctx.doc
    start = ctx.sent_of(verb).start
    while start < verb.i and (doc[start].is_punct or doc[start].like_num or doc[start].is_space):
        start += 1  # "1-A l'invitation de ...": a numbered point of a communiqué
    words = [t.lower_ for t in doc[start:start + 4]]
    glued = re.fullmatch(r"\d+\W?([aà]|sur)", words[0]) if words else None
    if glued:  # "1-A (1-Sur) l'invitation de": the point's number glued to the preposition
        words[0] = glued.group(1)
    if len(words) < 4 or words[0] not in ("à", "a", "sur") or words[1] not in ("l'", "l’") \
            or words[2] != "invitation" or words[3] not in ("de", "du", "d'", "d’", "des"):
        return []
    named = [m.iri for i in range(start + 4, verb.i) for m in ctx.by_token.get(i, [])
             if m.kind == "person" and m.start == i]
    return named[:1]


def invited_visitors(ctx: Context, verb: Token, inviters: list[str]) -> list[str]:
    """Who made the visit of "À l'invitation de X, Y a effectué une visite": the subject, or,
    when the long invitation phrase made the parser lose it, the last person other than the
    inviter named before the verb (the subject stands right before it). A subject that is the
    inviter is such a loss too: the parser may take the inviter's title for the subject and hang
    the visitor's on it as an apposition."""
    found = [a for s in subjects_of(ctx, verb) for a in actors_of(ctx, s) if a not in inviters]
    if any(actor_kind(ctx, a) == "person" for a in found):
        return found
    named = [m.iri for i in range(ctx.sent_of(verb).start, verb.i) for m in ctx.by_token.get(i, [])
             if m.kind == "person" and m.start == i and m.iri not in inviters]
    return named[-1:] or found


def plural_verb(verb: Token) -> bool:
    return "Plur" in feature(verb, "Number") or any(
        "Plur" in feature(c, "Number") for c in auxiliaries(verb))


def actor_kind(ctx: Context, actor: str) -> str | None:
    entity = ctx.entities.get(actor)
    return entity.kind if entity is not None else None


# Participles saying a gathering is set for later ("une rencontre est prévue (à 18 heures) entre X
# et Y") are cue:planned-participle (ontology/vocab/cues.ttl).
#: Prepositions of a short place or time complement that may stand between a verb and "avec".
_PLACE_OR_TIME_CASES = frozenset({"dans", "à", "au", "en", "durant", "pendant"})


def channel_verbs(ctx: Context) -> frozenset[str]:
    """One-word verbs of the channel vocabulary ("téléphoner"): calling someone is meeting them."""
    return frozenset(p for c in ctx.lex.channels for p in c.phrases if " " not in p and p.endswith("er"))


def called_after(ctx: Context, token: Token) -> list[str]:
    """Actors named right after the "à" of a calling verb, up to the end of their phrase."""
    doc = ctx.doc
    found: list[str] = []
    end = ctx.sent_of(token).end
    for k in range(token.i + 2, end):
        if doc[k].text in ",;:.()«»" or (doc[k].pos_ in ("VERB", "AUX", "ADP") and not ctx.by_token.get(k)):
            break
        found += [m.iri for m in ctx.by_token.get(k, []) if is_actor(m) and m.iri not in found]
    return found


def linear_with(ctx: Context, token: Token) -> list[str]:
    """Actors right after "avec"/"entre" following a noun, up to the end of the phrase.

    The parser often hangs "entre X et Y" on the wrong word; the words themselves are
    reliable: everything named before the next verb or punctuation takes part.
    """
    doc = ctx.doc
    j = token.i + 1
    timed = ctx.timed_tokens()
    # "s'est entretenu par téléphone jeudi avec X": adjectives, adverbs and time words come between
    while j < len(doc):
        if (doc[j].pos_ in ("ADJ", "ADV") and doc[j].lower_ not in WITH) or j in timed:
            j += 1  # not "auprès", which the tagger reads as an adverb: "une audience auprès de X"
        elif token.pos_ == "NOUN" and doc[j].lower_ in ("de", "du", "d'", "d’") and j + 1 in timed:
            j += 1  # "le sommet de 2019 entre X et Y", "la rencontre du 27 juin avec X"
        elif doc[j].text == "," and (closing := _incise_before_with(ctx, j)) is not None:
            j = closing + 1  # "s'est entretenu, mardi soir à Rome, en marge de la conférence, avec X"
        elif doc[j].text == "," and j + 1 < len(doc) and (
                j + 1 in timed or j - 1 in timed or (j > token.i + 1 and doc[j + 1].lower_ == "avec")):
            # "doit s'entretenir, jeudi 19 mars, par téléphone avec X": a date set off by commas;
            # "s'est entretenu, lundi par téléphone, avec X": the comma closing it before "avec"
            j += 1
        elif doc[j].lower_ in ("par", "au") and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            j += 2  # "s'est entretenu ce jour par téléphone (au téléphone) avec X": the means comes between
        elif token.pos_ == "NOUN" and doc[j].pos_ == "AUX" and j + 1 < len(doc) \
                and doc[j + 1].lemma_.lower() in cue_words(ctx.lex, "planned-participle"):
            j += 2  # "une rencontre est prévue à 18 heures entre X et Y"
        elif doc[j].lower_ == "en" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            j += 2  # "la rencontre en face à face entre X et Y", "en tête-à-tête avec X": the manner
            # "en face à face", and the time of day "en fin de matinée", "en début de soirée"
            while j + 1 < len(doc) and doc[j].lower_ in ("à", "-", "de", "d'", "d’") and doc[j + 1].pos_ == "NOUN":
                j += 2
        else:
            break
    if j < len(doc) and doc[j].lower_ in _PLACE_OR_TIME_CASES:
        # "s'était entretenu dans la matinée avec X", "à Paris avec X": one short complement of
        # place or time between (not "discuté de la frontière entre X et Y": that is the topic)
        for g in range(j + 1, min(j + 7, len(doc))):
            # "une rencontre est prévue à Genève entre X et Y": after a gathering noun, "entre" too
            if doc[g].lower_ == "avec" or (doc[g].lower_ == "entre" and token.pos_ == "NOUN"):
                between = doc[j + 1:g]
                # "à 19 heures 15": the minutes are numbers whatever the tagger calls them
                if all((t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or t.like_num or t.i in timed)
                       and t.i not in ctx.trigger_heads for t in between) \
                        and not any(m.kind == "person" for t in between for m in ctx.by_token.get(t.i, [])):
                    j = g
                break
    if j >= len(doc) or doc[j].lower_ not in WITH:
        return []
    found: list[str] = []
    k = j + 1
    end = ctx.sent_of(token).end
    while k < len(doc) and k < end:
        t = doc[k]
        n = k + 1
        if t.text == ",":  # "avec le Premier ministre, Chef du Gouvernement, M. X": a second title first
            title = max((h.end for h in ctx.hits_of("role") if h.start == n), default=None)
            if title is not None and title < end and doc[title].text == ",":
                n = title + 1
        while t.text == "," and n < end and is_honorific(ctx, doc[n]):
            n += 1  # "..., M. Samuel Kariuki"
        named = [m for m in ctx.by_token.get(n, []) if m.kind == "person" and m.start == n] \
            if t.text == "," and n < end else []
        if named and not any(m.kind == "person" for i in range(j + 1, k) for m in ctx.by_token.get(i, [])):
            # "avec le Premier ministre islandais, Gunnar Eiriksson": the title's holder, in apposition
            found = [a for a in found if ctx.entities.get(a) is None or ctx.entities[a].kind != "state"]
            found.append(named[0].iri)
            k = named[0].end
            continue
        if t.pos_ == "VERB" and "Part" in feature(t, "VerbForm") and any(h.end == k for h in ctx.hits_of("role")):
            k += 1  # "avec le président élu du Ghana, X", "le Premier ministre désigné": the title's participle
            continue
        if (t.pos_ in ("VERB", "AUX") and not any(is_actor(m) for m in ctx.by_token.get(k, []))) \
                or t.text in ",;:.()«»" or t.lower_ in LOCATIVE:
            break  # a name the tagger read as a verb (a first name tagged VERB) is still a name
        for m in ctx.by_token.get(k, []):
            if is_actor(m) and m.iri not in found:
                found.append(m.iri)
        k += 1
    return found


def _incise_before_with(ctx: Context, comma: int) -> int | None:
    """The comma closing a circumstantial incise that "avec" follows, if ``comma`` opens one.

    "s'est entretenu, mardi soir à Rome, en marge de la conférence de la FAO, avec X": the parser
    hangs "avec" on the day, so the dependency tree does not reach the partner; the words do. The
    incise (two comma-set parts at most) holds no verb, no other event and nobody: when it names a
    person or tells something else, who met whom is no longer plain and the rule stays out.
    """
    doc = ctx.doc
    end = min(ctx.sent_of(doc[comma]).end, comma + 20)
    commas = 0
    for c in range(comma + 1, end - 1):
        t = doc[c]
        if t.text == ",":
            if doc[c + 1].lower_ == "avec":
                return c if c > comma + 1 else None
            commas += 1
            if commas > 1:
                return None
        elif t.pos_ in ("VERB", "AUX") or c in ctx.trigger_heads or t.text in ";:«»()" \
                or any(m.kind == "person" for m in ctx.by_token.get(c, [])):
            return None
    return None


def with_further(ctx: Context, token: Token) -> list[str]:
    """"entre"/"avec" a few words after a gathering noun, past a participle phrase.

    The parser hangs "entre les délégations" of "les consultations tenues à Genève le 23
    novembre entre les délégations américaine et ukrainienne" on the date; the words say
    whom the consultations were between, unless a finite verb or another event comes first.
    """
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 16)
    for j in range(token.i + 1, end):
        t = doc[j]
        if (j in ctx.trigger_heads) or t.text in (";", ":", "«", "(") \
                or (t.pos_ in ("VERB", "AUX") and "Part" not in feature(t, "VerbForm")):
            return []
        if t.lower_ in WITH:
            return linear_with(ctx, doc[j - 1])
    return []


def named_after(ctx: Context, verb: Token) -> list[str]:
    """People, groups and delegations named after a verb, up to the end of its clause."""
    found: list[str] = []
    i = verb.i + 1
    while i < ctx.sent_of(verb).end:
        t = ctx.doc[i]
        if t.text in (";", ":", "«", "“") or (t.pos_ == "VERB" and i > verb.i + 1 and t.dep_ != "acl") \
                or (t.lower_ == "pour" and i + 1 < len(ctx.doc) and ctx.doc[i + 1].pos_ == "VERB"):
            break
        for m in ctx.by_token.get(i, []):
            if m.kind in ("person", "group", "delegation") and m.start == i and m.iri not in found:
                found.append(m.iri)
        i += 1
    return found


def named_in(ctx: Context, token: Token) -> list[str]:
    """People and groups named anywhere in the phrase of ``token`` (outside quotations)."""
    found: list[str] = []
    # a holder named in a title's complement ("X, émissaire du roi Y", "porteur d'un message du
    # président camerounais": by the title alone) is not someone present
    serving = served_titles(ctx)
    served = {i for h in ctx.hits_of("role") if h.head in serving for i in (h.start, h.end)}
    for t in token.subtree:
        for m in ctx.by_token.get(t.i, []):
            if m.kind in ("person", "group", "delegation") and m.start == t.i and m.iri not in found \
                    and not in_quote(ctx, t) and m.start not in served:
                found.append(m.iri)
    return found


def participant_of(ctx: Context, actor: str, near: Span | None = None) -> Participant:
    """The actor's part, with as evidence its mention in the event's sentence when there is one."""
    entity = ctx.entities.get(actor)
    role = None
    if entity is not None and entity.roles:
        role = entity.roles[0].role
    side = ctx.sides.get(actor)
    if side is None and entity is not None:
        if entity.kind in ("state", "org"):
            side = actor
        elif entity.affiliation:
            side = entity.affiliation
    evidence = None
    if entity is not None and entity.mentions:
        inside = [m for m in entity.mentions if near is not None and near.begin <= m.begin < near.end]
        evidence = inside[0] if inside else entity.mentions[0]
    return Participant(actor=actor, role=role, side=side, evidence=evidence)


def companions_of(ctx: Context, token: Token) -> list[str]:
    """"X, accompagné de Y": Y takes part with X (searched around the clause of ``token``)."""
    found: list[str] = []
    scope = [token, *(c for c in token.children if c.dep_ in SUBJECT_DEPS + ("obj",))]
    for t in scope:
        for c in t.children:
            if c.lemma_ in cue_words(ctx.lex, "accompanying") and c.dep_ in ("acl", "advcl", "conj"):
                for g in c.children:
                    if g.dep_.startswith(("obl", "nmod")) or g.dep_ == "obj":
                        found += actors_of(ctx, g)
    return found


def agent_after(ctx: Context, token: Token) -> list[str]:
    """"X a été reçu, lundi, par le chef du Gouvernement, Y, indique ...": the "par" phrase right
    after a passive verb is its agent even when the parser hung it on a later verb (commas around
    a date mislead it). Only words of time and punctuation may stand between."""
    doc = ctx.doc
    end = min(ctx.sent_of(token).end, token.i + 8)
    for k in range(token.i + 1, end):
        word = doc[k]
        if word.lower_ == "par" and word.pos_ == "ADP":
            return actors_of(ctx, word.head) if word.head.i > k else []
        if word.pos_ in ("VERB", "AUX"):
            return []
    return []


def host_beside(ctx: Context, token: Token) -> str | None:
    """"le Premier ministre albanais, X, hôte de la réunion, a salué ...": the one the host noun
    stands beside (in apposition) hosts the gathering the noun completes; set first in its sentence
    ("Hôte de la rencontre, X a ..."), the noun is said of the clause's subject."""
    host = token.head
    if token.dep_ != "nmod" or host.lemma_.lower() not in cue_words(ctx.lex, "host-noun"):
        return None
    comma = next((t.i for t in ctx.doc[token.i:ctx.sent_of(host).end] if t.text == ","), None)
    if host.i == ctx.sent_of(host).start and comma is not None and host.head.pos_ == "VERB":
        # "Hôte de la rencontre, le Premier ministre X, a appelé ...": set first, before a comma, the
        # host noun is said of the clause's subject (which the parser may hang on the noun itself)
        told = [s for s in subjects_of(ctx, host.head) if s.i != host.i] \
            + [c for c in host.children if c.i > comma and c.dep_ in ("nmod", "appos")]
        found = [a for s in told for a in actors_of(ctx, s) if actor_kind(ctx, a) in ("person", "state", "org")]
        return found[0] if found else None
    if host.dep_ not in ("appos", "conj"):
        return None
    found = [a for a in actors_of(ctx, host.head, follow_conj=False)
             if actor_kind(ctx, a) in ("person", "state", "org")]
    return found[0] if found else None


def listed_after_colon(ctx: Context, token: Token) -> list[str]:
    """"La réunion s'est tenue mardi avec quatre ministres de la région : le Ghanéen X, le
    Togolais Y et le Nigérien Z": a plural noun completing the gathering's clause, then a colon, announces
    the list of those who took part; the people it names (two or more, before any finite verb)
    are participants. Newspaper reports list the guests of a meeting this way."""
    doc = ctx.doc
    sentence = ctx.sent_of(token)
    colon = next((t for t in doc[token.i + 1:min(sentence.end, token.i + 24)] if t.text == ":"), None)
    if colon is None or colon.i == token.i + 1:
        return []
    noun = doc[colon.i - 1]
    while noun.dep_ in ("nmod", "amod") and noun.head.i < noun.i:  # "quatre ministres de la région :"
        noun = noun.head
    if noun.pos_ != "NOUN" or "Plur" not in feature(noun, "Number"):
        return []
    clause = {token.i, token.head.i}
    up, reaches = noun, False
    for _ in range(3):
        if up.head.i == up.i:
            break
        up = up.head
        if up.i in clause:
            reaches = True
            break
    if not reaches:
        return []
    found: list[str] = []
    end = sentence.end
    while end < len(doc) and doc[end - 1].text == ";":  # "le Burkinabè X, entouré de ... ; le Nigérien Y"
        end = ctx.sent_of(doc[end]).end
    for t in doc[colon.i + 1:end]:
        if t.pos_ in ("VERB", "AUX") and "Fin" in feature(t, "VerbForm"):
            break
        for m in ctx.by_token.get(t.i, []):
            if m.start == t.i and m.kind == "person" and not m.described and m.iri not in found:
                found.append(m.iri)
    return found if len(found) >= 2 else []
