"""Events that only describe: participles and activity nouns with nobody taking part.

A trigger read on a participle with no auxiliary ("un cessez-le-feu négocié", "plusieurs
documents présentés"), on a passive with no agent, or on a bare event noun completing another
noun ("sa capacité de médiation") names a kind of thing, not a happening, when no one acts or
takes part in it. Run once every event is built (its agents and participants known), before
coreference: what names no happening is no antecedent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.extract.clause_facts import event_token
from diplograph.extract.context import Context
from diplograph.extract.kinds import GATHERINGS, SPEECH
from diplograph.extract.non_events import determiner_less_after
from diplograph.extract.syntax import SUBJECT_DEPS
from diplograph.extract.token_view import feature
from diplograph.extract.triggers import remove_event
from diplograph.model import Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def drop_empty_participles(ctx: Context) -> None:
    """Mentions that name no happening, however much their word looks like a trigger.

    A participle with no auxiliary or a passive (unless dated and said by whom), with no agent and
    no participant, describes a thing or frames a sentence: "plusieurs documents présentés", "des
    propositions pouvaient être discutées", "un cessez-le-feu négocié", "Autrement dit, ...". An
    event noun with no
    determiner completing another noun, with nobody taking part, names a kind of activity:
    "sa capacité de médiation", "un défaut de dialogue".
    """
    for event in list(ctx.events):
        if event.agents or event.participants:
            continue
        token = event_token(ctx, event)
        participle = "Part" in feature(token, "VerbForm") and "Past" in feature(token, "Tense") \
            and not any(c.dep_.startswith("aux") for c in token.children)
        described = token.dep_ in ("acl", "amod") and ("Part" in feature(token, "VerbForm") or token.pos_ == "ADJ")
        adjectival = described or (token.dep_ in ("acl", "amod", "xcomp") and _participle_read_as_infinitive(token))
        passive = token.pos_ == "VERB" and any(c.dep_ == "aux:pass" for c in token.children) \
            and not any(c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’") for c in token.children) \
            and not (event.event_type not in GATHERINGS and _dated_with_agent(ctx, token))
        # "Les deux dirigeants s'étaient rencontrés": a pronominal verb in a compound tense, which
        # the parser reads as a passive, tells a happening even when its subject is unnamed
        # "Lors d'un point de presse, les deux ministres ont appelé à ...": the parser may hang a
        # clause with its own subject and tense auxiliary on a noun before it; it is still a clause
        finite = token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children) \
            and any(c.dep_ == "aux:tense" for c in token.children)
        if (adjectival and not finite) or passive or (participle and token.dep_ != "ROOT") \
                or _kind_of_activity(ctx, token) or _framing_speech(ctx, event, token):
            if participle and event.event_type in GATHERINGS and _fronted_participle(ctx, token) \
                    and not _other_gathering_in(ctx, event, ctx.sent_of(token)):
                continue
            named = _gathering_it_governs(ctx, event, token) if participle and event.event_type in GATHERINGS \
                else None
            if named is not None:  # "Réunis samedi à X pour un sommet": the day and place are the summit's
                from diplograph.extract.event_merge import absorb

                absorb(ctx, named, event)
                continue
            remove_event(ctx, event)


def _participle_read_as_infinitive(token: Token) -> bool:
    """"une issue négociée", "souhaite un cessez-le-feu négocié": the tagger may call the participle
    an infinitive (and hang it on the verb as a complement); its form (not the lemma, not ending like
    an infinitive) says it is not one."""
    form = token.lower_
    return token.pos_ == "VERB" and "Inf" in feature(token, "VerbForm") and form != token.lemma_.lower() \
        and not form.endswith(("er", "ir", "re")) \
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in token.children)


def _framing_speech(ctx: Context, event: Event, token) -> bool:
    """"Répondant au nom de X, le ministre a rappelé ...", "Intervenant au nom du groupe, Y a
    souligné ...": a present participle of speaking that opens the sentence, with nothing said of
    its own (no complement clause, no object), frames the act its main verb tells; no second act."""
    if event.event_type not in SPEECH or "Part" not in feature(token, "VerbForm") \
            or "Pres" not in feature(token, "Tense") or token.head.i == token.i \
            or ctx.sent_of(token).start not in (token.i, token.left_edge.i):
        return False
    if any(c.dep_ in ("ccomp", "obj", "xcomp") for c in token.children) \
            or (token.i + 1 < len(ctx.doc) and ctx.doc[token.i + 1].lower_ in ("que", "qu'", "qu’")):
        return False
    main = ctx.event_at.get(token.head.i)
    return main is not None and main.event_type in SPEECH


def _gathering_it_governs(ctx: Context, event: Event, token: Token) -> Event | None:
    """"Réunis samedi 14 juin à X pour un sommet extraordinaire, les dirigeants ont ...": the
    participle of gathering frames the clause and names no event of its own, but the gathering
    noun it governs is what it tells; what it says (its day, its place) belongs to that gathering."""
    for child in token.children:
        other = ctx.event_at.get(child.i)
        if other is not None and other is not event and other in ctx.events and other.event_type in GATHERINGS \
                and child.pos_ == "NOUN":
            return other
    return None


def _other_gathering_in(ctx: Context, event: Event, sentence: Span) -> bool:
    """"Réunis depuis lundi à New Delhi, les participants au sommet ... se sont séparés": the
    sentence names its gathering otherwise; the participle only frames it."""
    return any(e is not event and e.event_type in GATHERINGS
               and sentence.start_char <= e.trigger.begin < sentence.end_char for e in ctx.events)


def _dated_with_agent(ctx: Context, token: Token) -> bool:
    """"Le texte fut paraphé le 3 mai 1996 par les deux chefs de délégation": a passive that says by
    whom and on which day tells an act, even when those people are unnamed (without a day, "Ces
    textes ont été signés par les ministres" looks back on an act already told). Gatherings are
    left to their own rules: "ont été accueillis le 21 août par leur hôte" is a moment of one."""
    if not any(c.dep_ == "obl:agent" for c in token.children):
        return False
    clause = {t.i for c in token.children if c.dep_ != "obl:agent" for t in c.subtree}
    return any(t.start in clause for t in ctx.times)


def _fronted_participle(ctx: Context, token: Token) -> bool:
    """"Réunis jeudi à Bruxelles, les dirigeants ont approuvé ...": a participle of a gathering
    opening its sentence (or the text after its dateline) before a comma tells what the main
    clause's subject did: a happening, though the participle has no subject of its own ("Invité à
    s'exprimer, X a ...", no gathering, stays a mere frame). The parse often hangs
    such a participle on the dateline or on the subject, so the main clause is looked for after
    the comma: a subject before its verb."""
    sentence = ctx.sent_of(token)
    doc = ctx.doc
    if not (token.i == sentence.start or doc[token.i - 1].text in ("-", "–", "—")):
        return False
    comma = next((t.i for t in doc[token.i + 1:sentence.end] if t.text == ","), None)
    return comma is not None and any(
        t.dep_ in SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i
        for t in doc[comma + 1:sentence.end])


def _kind_of_activity(ctx: Context, token: Token) -> bool:
    """"capacité de médiation": a bare singular event noun after "de" completing a noun that is no
    trigger (a plural names occurrences: "un contexte de combats persistants")."""
    if token.pos_ != "NOUN" or token.dep_ != "nmod" or token.head.pos_ != "NOUN" or token.head.i in ctx.trigger_heads \
            or "Plur" in feature(token, "Number"):
        return False
    return determiner_less_after(token, "de") or determiner_less_after(token, "d'")
