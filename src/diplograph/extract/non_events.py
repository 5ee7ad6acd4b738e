"""Readings of a trigger word that tell no event here: an act denied ("il n'y a pas eu de
rencontre"), prescribed to others ("devait condamner"), a source or a means ("selon les
déclarations", "par visioconférence"), the writer's own voice ("Il faut souligner que", "Nous
pouvons dire"), a minister's portfolio ("ministre ... du Dialogue social"), a spreading that
publishes nothing. Split from :mod:`diplograph.extract.triggers`, which finds the trigger words and
asks these questions of each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import negated as _negated
from diplograph.extract.context import Context, is_writers_we
from diplograph.extract.kinds import GATHERINGS, bound_words, cue_words, et
from diplograph.extract.reference import relative_phrase
from diplograph.extract.syntax import case_of, in_quote
from diplograph.extract.token_view import feature

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diplograph.extract.patterns import Hit

#: The determiners of a noun a negation denies: "il n'y a pas eu de réunion", "n'ont tenu aucune réunion".
_DENIED_DETERMINERS = frozenset({"de", "d'", "d’", "aucun", "aucune"})
#: Object pronouns that stand between a preposition and its infinitive ("sans en préciser").
_CLITICS = frozenset({"en", "y", "le", "la", "les", "l'", "l’", "lui", "leur", "se", "s'", "s’", "me", "te", "nous",
                      "vous"})


def denied(ctx: Context, token: Token) -> bool:
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
            return denied(ctx, token.head)  # "se voir en tête-à-tête": the manner of the denied verb
        if not det and token.dep_ == "obj" and "Inf" in feature(token.head, "VerbForm"):
            # the parser makes the "de" of "sans faire de déclaration" a case mark, not a determiner
            det = [c.lower_ for c in token.children if c.dep_ == "case" and c.i < token.i]
        if not det or det[0] not in _DENIED_DETERMINERS or token.head.i == token.i:
            return False
        if token.dep_ in ("nsubj", "nsubj:pass"):
            # "aucune déclaration n'a été faite": "aucun" is the noun's, "ne" the verb's
            return det[0] in ("aucun", "aucune") and any(c.lower_ in ("ne", "n'", "n’") for c in token.head.children)
        if token.dep_ != "obj":
            return False
        if "Inf" in feature(token.head, "VerbForm") and any(
                c.dep_ == "mark" and c.lower_ == "sans" for c in token.head.children):
            return True  # "sans faire de déclaration", "sans tenir aucune réunion"
        # "il n'y a pas eu d'entretien"; "n'ont eu aucune rencontre" (the negation is the determiner)
        return _negated(token.head) or (det[0] in ("aucun", "aucune")
                                        and any(c.lower_ in ("ne", "n'", "n’") for c in token.head.children))
    if "Inf" not in feature(token, "VerbForm"):
        return False
    up = token
    for _ in range(4):  # "n'ont pas réussi à trouver un créneau pour se voir": up through the nouns and verbs between
        if up.dep_.split(":")[0] not in ("xcomp", "advcl", "obl", "obj", "acl") or up.head.i == up.i:
            return False
        up = up.head
        if up.lemma_.lower() in cue_words(ctx.lex, "being-able") and _negated(up):
            return True
    return False


def prescribed(ctx: Context, hit: Hit, token: Token) -> bool:
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


def skipped(ctx: Context, token: Token) -> bool:
    """Negated triggers, sources ("selon les déclarations"), means ("par visioconférence")
    and bare adjectives."""
    children = list(token.children)
    if _negated(token):
        return True
    if any(c.dep_ == "case" and (c.lower_ in ("selon", "sans") or (
            c.lower_ in ("d'", "d’") and any(f.dep_ == "fixed" and f.lower_ == "après" for f in c.children)))
           for c in children):
        return True  # "selon les déclarations", "d'après le communiqué": a source, no act
    if token.pos_ == "NOUN" and determiner_less_after(token, "par") and (
            token.head.i in ctx.trigger_heads or token.head.pos_ != "VERB"):
        return True  # "s'est joint aux échanges par visioconférence": how, not another event
    if token.pos_ == "NOUN" and _asked_of_you(ctx, token):
        return True  # "Quelle est votre réaction ?": a journalist asks for an act, none is told
    if _head_of_question(ctx, token):
        return True  # "Pouvez-vous le confirmer ?", "Quelle est la réaction de X ?": asked, not told
    if token.pos_ == "NOUN" and determiner_less_after(token, "de") \
            and token.head.lemma_.lower() in cue_words(ctx.lex, "framework-noun"):
        return True  # "ont signé un plan de consultations": an arrangement for gatherings, none told
    if token.pos_ == "NOUN" and case_of(token) == "sur" and token.head.pos_ == "NOUN" and any(
            h.iri == et("agreement")
            and (h.head == token.head.i or (token.head.dep_ == "obj" and h.head == token.head.head.i))
            for h in ctx.hits_of("event")):
        return True  # "ont signé un mémorandum sur les consultations politiques": what the text is about
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
    if token.pos_ == "VERB" and ctx.speaker is None and _writers_imperative(ctx, token):
        return True  # "Notons que ...", "Rappelons que ...": the writer addressing the reader
    if token.pos_ == "VERB" and _greeting(ctx, token):
        return True  # "a salué les officiels mauritaniens" on the tarmac: a greeting, nothing said
    if token.pos_ == "VERB" and _composition(ctx, token):
        return True  # "la Celac, qui rassemble 33 pays": what a body is made of, no gathering
    if _impersonal_need(ctx, token):
        return True  # "Il faut souligner que ...", "il convient de rappeler que ...": the writer's voice
    if _spreading_no_content(ctx, token):
        return True  # "freiner la diffusion du virus": nothing is published
    if token.pos_ == "NOUN" and determiner_less_after(token, "pour"):
        return True  # "a rappelé son ambassadeur pour consultations": a formula, no gathering told
    if token.pos_ == "VERB" and token.lemma_.lower() in cue_words(ctx.lex, "recall") and any(
            c.dep_ == "obj" and (any(h.head == c.i for h in ctx.hits_of("role"))
                                 or any(m.kind == "person" for m in ctx.by_token.get(c.i, [])))
            for c in children):
        return True  # "Moscou a rappelé son ambassadeur": called back, nothing said
    if token.pos_ == "VERB" and token.dep_ == "acl:relcl" and token.head.lower_ == "ce" \
            and token.head.dep_ in ("obj", "dep") and ctx.doc[token.head.i - 1].text != "," \
            and any(h.head == token.head.head.i and h.iri == et("statement") for h in ctx.hits_of("event")):
        # "a précisé ce que se sont dit les deux présidents": what the statement tells ("Il a accusé
        # X de bloquer Y, ce que X a démenti": a reply to the whole clause, an act of its own)
        return True
    if token.pos_ == "VERB" and _reported_attitude(ctx, token):
        return True  # "Il a affirmé que son pays considérait X comme « ... »": what was said, not a saying
    if _lodging(ctx, token) or _received_text(ctx, token):
        return True  # "Les hôtels qui accueilleront les délégations", "le communiqué reçu par X": no gathering
    return False


def _reported_attitude(ctx: Context, verb: Token) -> bool:
    """"Il a affirmé que son pays considérait le Vietnam comme « un partenaire »", "a assuré que Paris
    estime que ...": a verb of saying or judging in the present or imperfect, in the clause a speech
    verb reports, is the content of that statement (the attitude held when speaking), not a second
    act; its quotation is the speaker's. (A nested act in another tense, "a rappelé que le président
    avait déclaré", is an earlier statement of its own.)"""
    hits = ctx.hits_of("event")
    statement = et("statement")
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or not any(h.head == verb.i and h.iri == statement for h in hits):
        return False
    if any(c.dep_.startswith("aux") for c in verb.children) or not (
            {"Imp", "Pres"} & set(feature(verb, "Tense"))) or "Ind" not in feature(verb, "Mood"):
        return False
    return any(h.head == verb.head.i and h.iri == statement for h in hits)


def _received_text(ctx: Context, token: Token) -> bool:
    """"dit le communiqué reçu par la rédaction", "a reçu un message de son homologue": what a hosting
    verb (cue:hosting) receives is a text (cue:document) or an office or honour (cue:office-received:
    "en recevant la présidence tournante de l'Union"), not a visitor; nobody met."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cue_words(ctx.lex, "hosting"):
        return False
    documents = cue_words(ctx.lex, "document")
    if token.dep_ == "acl" and token.head.lemma_.lower() in documents:
        return True  # the participle qualifies the text received
    things = documents | cue_words(ctx.lex, "office-received")
    received = [c for c in token.children if c.dep_ == "obj"]
    return bool(received) and all(c.pos_ == "NOUN" and c.lemma_.lower() in things for c in received)


_RELATIVE_SUBJECTS = frozenset({"qui"})


def _lodging(ctx: Context, token: Token) -> bool:
    """"Les hôtels qui accueilleront les délégations", "l'hôtel accueillait les journalistes": a
    hosting verb (cue:hosting) whose subject is a building noun (cue:building) and whose object is
    people, not a gathering, houses guests; nobody meets anybody. ("Le palais a accueilli le sommet"
    keeps its gathering: the summit is the object.)"""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cue_words(ctx.lex, "hosting"):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if any(s.lower_ in _RELATIVE_SUBJECTS for s in subjects) and token.dep_ == "acl:relcl":
        subjects = [token.head]  # "les hôtels qui accueilleront": the noun the clause qualifies
    if not subjects or any(s.lemma_.lower() not in cue_words(ctx.lex, "building") for s in subjects):
        return False
    gatherings = {h.head for h in ctx.hits_of("event") if h.iri in GATHERINGS}
    objects = [c for c in token.children if c.dep_ == "obj"]
    # "le palais accueillera les dirigeants de la région": leaders, named or by office, meet there
    return not any(_names_people(ctx, c) or c.i in gatherings for c in objects)


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
    return token.pos_ == "VERB" and "Inf" in feature(token, "VerbForm") and head.i != token.i \
        and head.lemma_.lower() in cue_words(ctx.lex, "impersonal-need") and "Sing" in feature(head, "Number") \
        and any(c.lower_ == "il" and c.dep_.startswith(("nsubj", "expl")) for c in head.children)


def portfolio_word(ctx: Context, token: Token) -> bool:
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


def _writers_imperative(ctx: Context, verb: Token) -> bool:
    """"Notons que le président sera reçu jeudi", "Rappelons que ...": a verb opening its sentence in
    the first person plural, with no subject, outside any quotation, in a text that is nobody's
    speech, is the writer turning to the reader (the imperative); the tagger often reads it as a
    third-person indicative, so the form is read from the words."""
    if not verb.lower_.endswith("ons") or in_quote(ctx, verb) \
            or any(c.dep_.startswith(("nsubj", "expl")) for c in verb.children):
        return False
    before = [t for t in ctx.sent_of(verb) if t.i < verb.i]
    return all(t.is_punct or t.pos_ in ("ADV", "CCONJ") for t in before)


def _greeting(ctx: Context, verb: Token) -> bool:
    """"a salué les officiels mauritaniens", "salue la foule": a verb of cue:greeting whose only
    complement is people, with nothing said (no clause, quotation, "pour" of a reason, or thing
    praised), is a greeting; "a salué l'engagement de la France" or "a salué son homologue pour son
    rôle" say something and stay statements."""
    if verb.lemma_.lower() not in cue_words(ctx.lex, "greeting"):
        return False
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "obj"]
    if not objects or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children) \
            or any(g.dep_ == "acl:relcl" or (g.dep_ == "amod" and g.i not in ctx.demonym_at)
                   for c in objects for g in c.children) \
            or any(c.dep_.startswith("obl") and case_of(c) in ("pour", "de", "d'", "d’") for c in children) \
            or any(in_quote(ctx, t) for t in ctx.sent_of(verb)):
        return False
    return all(_names_people(ctx, c) for c in objects)


def _names_people(ctx: Context, noun: Token) -> bool:
    """The phrase is people themselves: a person's or a group's name, an office ("son homologue"),
    a collective noun ("les officiels", "les autorités"); not a thing of theirs ("l'engagement du
    Kenya", whose complement names an actor)."""
    if noun.i in ctx.role_person or any(h.head == noun.i for h in ctx.hits_of("role")) \
            or any(m.kind in ("person", "group", "delegation") for m in ctx.by_token.get(noun.i, [])):
        return True  # (a name the tagger read as a common noun too: "Ana Varga")
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in cue_words(ctx.lex, "collective")


def _composition(ctx: Context, verb: Token) -> bool:
    """"l'organisation, qui réunit 33 pays", "une région qui rassemble 600 millions d'habitants": a
    verb of cue:composition in the simple present, whose subject is no gathering (a body, a region,
    or "qui" after such a noun), with no day and no place of its own, tells what its subject is
    made of, not a meeting; "Le sommet réunit ce mardi trente chefs d'État" or "L'UA réunit ses
    ministres à Addis-Abeba" are gatherings."""
    tense = feature(verb, "Tense")  # "réunit": the tagger may read the present as a simple past
    if verb.lemma_.lower() not in cue_words(ctx.lex, "composition") or not ({"Pres", "Past"} & set(tense)) \
            or "Fin" not in feature(verb, "VerbForm") \
            or any(c.dep_.startswith("aux") for c in verb.children) or in_quote(ctx, verb):
        return False
    timed = ctx.timed_tokens()
    if any(c.dep_.startswith("obl") and (c.i in timed or any(m.kind == "place" for m in ctx.by_token.get(c.i, [])))
           for c in verb.children):
        return False
    if any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'", "s’") for c in verb.children):
        return False  # "le Conseil se réunit": the council meets
    # what it is made of is counted or all-embracing ("33 pays", "600 millions d'habitants", "tous les
    # pays du continent"); "ses ministres", "les élus" are people it convenes
    objects = [c for c in verb.children if c.dep_ == "obj"]
    if not any(c.pos_ == "NUM" or any(g.dep_ in ("nummod", "det", "amod") and (g.pos_ == "NUM" or g.lower_ in (
            "tous", "toutes")) for g in c.children) for c in objects):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ == "qui":
        phrase = relative_phrase(subject)
        if not phrase:
            return False
        subject = phrase[0]
    # someone convening people ("Le président réunit ses ministres") gathers them
    return not _names_people(ctx, subject) \
        and not any(h.head == subject.i and h.iri in GATHERINGS for h in ctx.hits_of("event"))


def _says_nothing(ctx: Context, token: Token) -> bool:
    """A verb of cue:content-bound with no clause, quotation or addressee: its object is a thing
    ("assure la présidence") or it takes "de" ("répondre de leurs actes"); not an incise."""
    from diplograph.extract.incises import is_reporting
    from diplograph.extract.syntax import actors_of

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


#: Interrogative determiners and pronouns that open a direct question (grammar).
_INTERROGATIVES = frozenset({"quel", "quelle", "quels", "quelles"})
#: Question words that take the event they ask about as given ("Pourquoi X a-t-il reçu Y ?").
_PRESUPPOSING = frozenset({"pourquoi", "quand", "comment", "où"})


def _head_of_question(ctx: Context, token: Token) -> bool:
    """The head of a direct question, or the word it asks about: the sentence ends with a question mark
    and is one by its form (a clitic subject after a hyphen, "Pouvez-vous", "rencontrera-t-elle", or
    "quel"), and the trigger is its root or hangs on the root as subject or infinitive ("Pouvez-vous le
    confirmer ?", "Quelle est la réaction de la Chine ?"). A gathering named deeper inside ("a-t-il
    évoqué la question lors de son entretien avec X ?") is presupposed, not asked: it stays."""
    sentence = ctx.sent_of(token)
    if "?" not in ctx.doc_text[sentence.start_char:sentence.end_char]:
        return False  # (asked of every trigger: the cheap question first; Span.text joins every Token)
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].text != "?":
        return False
    # "Les deux présidents se sont entretenus jeudi : quelle suite pour la paix ?": the question is
    # the part after the colon; what is told before it stays told
    colons = [t.i for t in words if t.text == ":"]
    if colons and token.i < colons[-1]:
        return False
    asked = [t for t in words if not colons or t.i > colons[-1]]
    if asked and asked[0].lower_ in _PRESUPPOSING:
        return False  # "Pourquoi le président a-t-il reçu X ?": the reception happened
    if not any((t.pos_ == "PRON" and t.text.startswith("-")) or t.lower_ in _INTERROGATIVES for t in asked):
        return False
    return token.dep_ == "ROOT" or (token.head.dep_ == "ROOT" and token.dep_ in ("xcomp", "nsubj", "amod"))


def determiner_less_after(token: Token, preposition: str) -> bool:
    """The noun follows ``preposition`` directly, with no determiner ("par téléphone")."""
    return any(c.dep_ == "case" and c.lower_ == preposition for c in token.children) \
        and not any(c.dep_ in ("det", "nmod:poss") for c in token.children)
