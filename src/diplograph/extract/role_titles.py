"""Reading a role phrase: whom the office is held for, where the title ends, who is named.

"le ministre russe des Affaires étrangères, Sergueï Lavrov", "X, conseiller diplomatique de
l'Élysée": a title found by the role vocabulary is read for its organisation (demonym, named
state or organisation, or the ministry its words name) and for the person named right
before or after it, and the role is recorded on that person (:func:`assign_role`). Other
stages that meet titles (participant lists, plural roles) read them with the same helpers,
which is why they live apart from the order of the role stage (:mod:`~diplograph.extract.roles`).
"""

from __future__ import annotations

import datetime

from diplograph.extract.context import SINGULAR_ARTICLES, Context, Mention
from diplograph.extract.entity_registry import add_linked_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import is_honorific
from diplograph.extract.patterns import Hit
from diplograph.extract.token_view import feature
from diplograph.lexicon import fold
from diplograph.model import DateValue, RoleAssignment, Span

#: How far after a role phrase its holder's name may start: a portfolio and the state it serves run
#: long before the comma ("le ministre des Affaires étrangères et de l'Immigration de la République de
#: X, Y"); the scan stops earlier at a verb, a person or the sentence's end.
_WINDOW = 14


def role_organisation(ctx: Context, hit: Hit, demonym_at: dict[int, str]) -> tuple[str | None, int]:
    """The state or organisation a role is held for, and where the role phrase ends."""
    doc = ctx.doc
    for i in range(hit.start, hit.end):
        if i in demonym_at and not _field_demonym(ctx, hit.start, i):
            return demonym_at[i], hit.end
        for m in ctx.by_token.get(i, []):
            if m.kind in ("state", "org") and not m.described:
                return m.iri, max(hit.end, m.end)  # "président de la République | de Norlande"
    j = _past_portfolio(ctx, _past_qualifiers(ctx, hit.end))  # "Ambassadeur extraordinaire et plénipotentiaire | de X"
    j = _past_field(ctx, j)  # "commissaire aux affaires politiques | de l'Union africaine"
    if j < len(doc) and j in demonym_at:
        return demonym_at[j], j + 1
    holder = next((m for m in ctx.by_token.get(j, []) if m.kind == "person" and m.start == j), None)
    if holder is not None and holder.end + 1 < len(doc) and doc[holder.end].lower_ in ("de", "du", "d'", "d’"):
        # "le président Alar Karis de l'Estonie", "le Premier ministre X du Portugal": the state after
        # the name (summit reports list leaders so) is the title's
        k = holder.end + 1
        while k < len(doc) and k < holder.end + 3 and doc[k].pos_ == "DET":
            k += 1
        state = next((m for m in ctx.by_token.get(k, []) if m.kind == "state" and m.start == k), None)
        if state is not None:
            return state.iri, hit.end
    # "de l'Élysée", "de la Turquie", "de l'Union européenne"
    k = j
    while k < len(doc) and k < j + 3 and doc[k].pos_ in ("ADP", "DET"):
        k += 1
    if k > j and k < len(doc):
        for m in ctx.by_token.get(k, []):
            if m.kind in ("state", "org") and m.start == k:
                return m.iri, m.end
        # "président de la Commission de l'Union africaine": an unnamed organ (one capitalised
        # noun) of a named organisation or state; the role is held for that organisation
        if doc[k].text[:1].isupper() and doc[k].pos_ in ("NOUN", "PROPN") and not ctx.by_token.get(k):
            n = k + 1
            while n < len(doc) and n < k + 4 and doc[n].pos_ in ("ADP", "DET"):
                n += 1
            if n > k + 1 and n < len(doc):
                for m in ctx.by_token.get(n, []):
                    if m.kind in ("state", "org") and m.start == n and not m.described:
                        return m.iri, m.end
    ministry = _ministry_of(ctx, hit)
    if ministry is not None:
        drop_mentions(ctx, hit.start, hit.end)  # "ministre de l'Europe ...": no mention of Europe
        return ministry, hit.end
    return None, hit.end


def _field_demonym(ctx: Context, start: int, i: int) -> bool:
    """"ministre des Affaires étrangères et européennes", "des Affaires européennes": a demonym
    coordinated after "affaires" in the title names the ministry's field, as "étrangères" does, not
    the state the minister serves ("le ministre croate des Affaires européennes" serves Croatia: its
    demonym stands before the field). The field nouns are cue:portfolio-field."""
    doc = ctx.doc
    j = i - 1
    while j > start and (doc[j].pos_ == "ADJ" or doc[j].lower_ == "et"):
        j -= 1
    return doc[j].lower_ in cue_words(ctx.lex, "portfolio-field")


def _past_portfolio(ctx: Context, j: int) -> int:
    """The first token after the rest of a portfolio that runs on after the title the vocabulary
    knows: "ministre des Affaires étrangères | et de l'Immigration | de la République de X", "et de la
    Coopération internationale du Mali". Each field is "et de" (or "et des", "et du") and a
    capitalised noun with its adjectives that names nobody; the state served comes after them."""
    doc = ctx.doc
    k = j
    while k + 2 < len(doc) and doc[k].lower_ == "et" and doc[k + 1].lower_ in ("de", "du", "des", "d'", "d’"):
        m = k + 2
        if doc[m].lower_ in ("la", "l'", "l’"):
            m += 1
        if m >= len(doc) or not doc[m].text[:1].isupper() or doc[m].pos_ not in ("NOUN", "PROPN") \
                or any(x.kind in ("state", "org", "person") for x in ctx.by_token.get(m, [])):
            break
        m += 1
        while m < len(doc) and doc[m].pos_ == "ADJ" and not ctx.by_token.get(m):
            m += 1
        k = m
    return k


def _past_field(ctx: Context, j: int) -> int:
    """The first token after a field written in lower case between a title and whom it serves:
    "commissaire | aux affaires politiques | de l'Union africaine", "envoyé spécial | pour la paix | du
    Soudan". Skipped only when "de" and a named state or organisation follow the field's noun and
    its adjectives; otherwise ``j`` itself."""
    doc = ctx.doc
    k = j
    if k < len(doc) and doc[k].lower_ in ("à", "pour") and k + 1 < len(doc) and doc[k + 1].pos_ == "DET":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ("aux", "au", "à", "pour", "la", "l'", "l’", "les", "le"):
        return j
    k += 1
    if k >= len(doc) or doc[k].pos_ != "NOUN" or not doc[k].is_lower or ctx.by_token.get(k):
        return j
    k += 1
    while k < len(doc) and doc[k].pos_ == "ADJ" and not ctx.by_token.get(k):
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("de", "du", "des", "d'", "d’"):
        return j
    n = k + 1
    while n < len(doc) and n < k + 3 and doc[n].pos_ == "DET":
        n += 1
    named = any(m.kind in ("state", "org") and m.start == n for m in ctx.by_token.get(n, []))
    return k if named else j


def _past_qualifiers(ctx: Context, j: int) -> int:
    """The first token after the words that qualify a title without naming whom it serves
    (cue:title-qualifier: "extraordinaire et plénipotentiaire", "permanent", "itinérant")."""
    doc = ctx.doc
    qualifiers = cue_words(ctx.lex, "title-qualifier")
    k = j
    while k < len(doc) and (doc[k].lower_ in qualifiers
                            or (doc[k].lower_ == "et" and k + 1 < len(doc) and doc[k + 1].lower_ in qualifiers)):
        k += 1
    return k if k > j and doc[k - 1].lower_ != "et" else j


def shared_organisation(ctx: Context, hit: Hit, phrase_end: int, demonym_at: dict[int, str]) -> str | None:
    """"le Premier ministre et chef de la diplomatie du Qatar": two coordinated titles of one
    person share the state the second names (without it the first would be the home state's)."""
    doc = ctx.doc
    j = phrase_end
    if j >= len(doc) or doc[j].lower_ != "et":
        return None
    j += 1
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    second = next((h for h in ctx.hits_of("role") if h.start == j), None)
    if second is None or "Plur" in feature(doc[second.head], "Number"):
        return None
    org, _ = role_organisation(ctx, second, demonym_at)
    return org


def _ministry_of(ctx: Context, hit: Hit) -> str | None:
    """"Le ministre de l'Europe et des Affaires étrangères": the ministry of that name, if known.

    A French minister's title repeats the name of the ministry, so a role phrase without
    a demonym or named state still says whom the minister serves when the gazetteer knows
    the ministry; its state then follows from the ministry's affiliation.
    """
    from diplograph.lexicon import fold

    words = ctx.doc[hit.start:hit.end].text.split(maxsplit=1)
    if len(words) != 2 or words[0].lower() not in cue_words(ctx.lex, "minister-title"):
        return None
    # "ministre de X" serves the "ministère de X" of the gazetteer (the title names the ministry)
    for noun in sorted(cue_words(ctx.lex, "ministry")):
        for iri in ctx.lex.names.get(fold(f"{noun} {words[1]}"), []):
            actor = ctx.lex.actors.get(iri)
            if actor is not None and actor.kind == "org":
                return ctx.lex.state_of(iri) or iri  # the minister serves the state (as "ministre français")
    return None


def name_after(ctx: Context, start: int, excellency: bool = False) -> Mention | None:
    """A person named right after a role phrase (complements and one comma allowed).

    ``excellency``: "..., Son Excellence Monsieur X" may name the holder too (only when no name
    stands before the phrase: "de S.E. M. A, Président de Chypre, Son Excellence M. B" gives the
    title to A, and B opens the next clause)."""
    doc = ctx.doc
    j = start
    while j < len(doc) and j < start + _WINDOW:
        for m in ctx.by_token.get(j, []):
            if m.start == j and m.kind == "person" and not m.described:
                return m
        token = doc[j]
        if token.text == "(":
            close = _acronym_end(doc, j)
            if close is not None:  # "la secrétaire générale de l'Organisation ... (OIF), Mme X": the
                j = close + 1      # organisation's acronym between the phrase and the name
                continue
        if token.is_space or token.text in ".;:!?()«»" or token.is_sent_start:
            return None
        if token.text == "," and _fronted_with(ctx, start):
            return None  # "Avec le ministre cubain des Affaires étrangères, M. X a évoqué ...": X is the subject
        if token.text == ",":
            nxt = _past_title_complements(ctx, j + 1)
            while nxt < len(doc) and (is_honorific(ctx, doc[nxt]) or (
                    doc[nxt].lower_ in ("le", "la") and nxt + 1 < len(doc) and is_honorific(ctx, doc[nxt + 1]))
                    or (excellency and doc[nxt].lower_ in ("son", "sa") and nxt + 1 < len(doc)
                        and doc[nxt + 1].lower_ == "excellence")):
                nxt += 1  # "..., M. Jean DURAND", "..., le prince X", "..., le Colonel X"
            return next((m for m in ctx.by_token.get(nxt, []) if m.start == nxt and m.kind == "person"
                         and not m.described), None)
        if token.pos_ in ("VERB", "AUX") and "Part" not in feature(token, "VerbForm") \
                and not _in_participle_phrase(doc, start, j):
            return None
        if token.lower_ == "et" and _another_person_after(ctx, j + 1):
            return None  # "Le président de la République et le Cheikh X se sont rencontrés": two people
        if ctx.by_token.get(j) and any(m.kind == "person" for m in ctx.by_token[j]):
            return None
        if j > start and doc[j - 1].lower_ in ("de", "du", "d'", "d’") and any(
                h.start == j and any(m.kind == "person" and m.start == h.end for m in ctx.by_token.get(h.end, []))
                for h in ctx.hits_of("role")):
            # "émissaire du roi X": the name right after the second title is its holder
            # (not "le conseiller du Président de la République, X": after a comma, the first's)
            return None
        j += 1
    return None


def _acronym_end(doc, opening: int) -> int | None:
    """The closing bracket of "(OIF)", "(CEDEAO)": one or two words in capitals, else None."""
    for close in range(opening + 2, min(opening + 4, len(doc))):
        if doc[close].text == ")":
            inside = doc[opening + 1:close]
            return close if all(t.is_upper and t.is_alpha for t in inside) else None
    return None


def _another_person_after(ctx: Context, k: int) -> bool:
    """After "et", a second person: a name, a courtesy title, or "le"/"la" before one of them or
    before a title ("et le roi X"). A bare title ("et chef de la diplomatie") is one more office of
    the same person; "et des Affaires étrangères" goes on with the title's complement."""
    doc = ctx.doc

    def named_at(i: int) -> bool:
        return any(m.start == i and m.kind == "person" for m in ctx.by_token.get(i, []))

    if k < len(doc) and doc[k].lower_ in SINGULAR_ARTICLES:
        k += 1
        if k < len(doc) and any(h.start == k for h in ctx.hits_of("role")):
            return True
        if k + 1 < len(doc) and doc[k].text[:1].isupper() and named_at(k + 1):
            return True  # "et le Cheikh X": a capitalised courtesy word the vocabulary does not know
    return k < len(doc) and (is_honorific(ctx, doc[k]) or named_at(k))


def _in_participle_phrase(doc, start: int, j: int) -> bool:
    """"le chef du gouvernement chargé d'expédier les affaires courantes, X": an infinitive after a
    participle that completes the title is part of that phrase, no verb of the clause."""
    return "Inf" in feature(doc[j], "VerbForm") and any(
        "Part" in feature(doc[k], "VerbForm") for k in range(start, j))


# Nouns of an apposition on the state a title names ("le ministre ... du Sultanat d'Oman, pays frère,
# X") are cue:state-apposition (ontology/vocab/cues.ttl).


def _fronted_with(ctx: Context, phrase_end: int) -> bool:
    """The title opens its sentence inside a fronted "avec" phrase ("Avec le ministre cubain, ..."):
    the name after the comma is the clause's subject, not the title's holder."""
    doc = ctx.doc
    if phrase_end <= 0:
        return False
    first = ctx.sent_of(doc[phrase_end - 1]).start
    while first < phrase_end and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first].lower_ == "avec"


def _past_title_complements(ctx: Context, nxt: int) -> int:
    """Where the name may start after a comma that follows a role phrase.

    Official titles run on between commas before the name: a second title ("le Premier Ministre,
    Chef du Gouvernement, M. X"), the rest of a long portfolio ("le ministre des Affaires
    étrangères, de l'Intégration africaine et de la Diaspora, M. X"), a participle phrase
    ("l'ambassadeur au Brésil, accrédité au Pérou, Mme X"). Each such segment ends at a comma,
    holds no finite verb and names no person; at most three are passed.
    """
    doc = ctx.doc
    for _ in range(3):
        if nxt >= len(doc):
            break
        title = max((h.end for h in ctx.hits_of("role") if h.start == nxt), default=None)
        if title is not None and title < len(doc) and doc[title].text == ",":
            nxt = title + 1
            continue
        if doc[nxt].lower_ in ("le", "la") and nxt + 1 < len(doc):
            # "Chef de la délégation, le ministre X": a fronted role, then the holder's usual title
            title = max((h.end for h in ctx.hits_of("role") if h.start == nxt + 1), default=None)
            if title is not None and any(m.kind == "person" and m.start == title for m in ctx.by_token.get(title, [])):
                return title
        first = doc[nxt]
        # "..., pays frère, M. X": a word on the state the title names (its holder comes next)
        if not (first.lower_ in ("de", "du", "des", "d'", "d’")
                or first.lower_ in cue_words(ctx.lex, "state-apposition")
                or ("Part" in feature(first, "VerbForm") and first.pos_ in ("VERB", "ADJ"))):
            break
        end = next((k for k in range(nxt + 1, min(nxt + 12, len(doc))) if doc[k].text in ",.;:()«»"
                    or doc[k].is_sent_start), None)
        if end is None or doc[end].text != "," or any(
                (t.pos_ in ("VERB", "AUX") and "Part" not in feature(t, "VerbForm"))
                or any(m.kind == "person" for m in ctx.by_token.get(t.i, [])) for t in doc[nxt:end]):
            break
        nxt = end + 1
    return nxt


def name_before(ctx: Context, start: int, head: int | None = None) -> Mention | None:
    """"X, conseiller diplomatique de l'Élysée": a name then a comma, then the role.

    Not when the role phrase is the clause's subject and the name ends a phrase fronted before it
    ("Après un entretien avec son homologue, X, le ministre français a appelé ..."): the comma
    closes the frame, it does not open an apposition."""
    doc = ctx.doc
    k = start - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if k > 1 and doc[k].lower_ == "et":  # "X, membre du Bureau politique ... et ministre des ...": a
        k = _apposition_opening(ctx, k)  # title coordinated after another noun of the apposition
    if k < 1 or doc[k].text != ",":
        return None
    found = next((m for m in ctx.by_token.get(k - 1, []) if m.end == k and m.kind == "person"
                  and not m.described), None)
    if found is not None and head is not None and _fronted_before_subject(doc[found.start], doc[head]):
        return None
    return found


def _apposition_opening(ctx: Context, conjunction: int) -> int:
    """The comma opening the apposition whose second noun follows ``conjunction`` ("X, membre du
    Bureau politique et ministre des ..."): no verb, name or other comma between; else the
    conjunction itself (no apposition found)."""
    doc = ctx.doc
    # up to 19 words back: "membre du Bureau politique du Comité central du Parti communiste chinois"
    for c in range(conjunction - 1, max(conjunction - 20, 0), -1):
        t = doc[c]
        if t.text == ",":  # ", et le Ministre, Directeur de Cabinet, M. Y": a comma right before "et"
            return c if c < conjunction - 1 else conjunction  # closes the apposition of the name before
        if t.pos_ in ("VERB", "AUX") or t.text in ".;:()«»" or any(m.kind == "person" for m in ctx.by_token.get(c, [])):
            break
    return conjunction


def _fronted_before_subject(name, role) -> bool:
    """Is ``role`` the subject of a verb and ``name`` inside an adverbial phrase of that verb?"""
    if not role.dep_.startswith("nsubj") or role.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = role.head
    node = name
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_.startswith(("obl", "advcl", "advmod")) and node.i < role.i


def assign_role(ctx: Context, person: str, role: str, org: str | None, evidence: Span,
                former: bool = False) -> None:
    """Record that ``person`` holds ``role`` (for ``org``, else their affiliation); a state's office
    makes the state the person's side, unless the text says the office is ``former``."""
    entity = ctx.entities.get(person)
    if entity is None:
        return
    if former:
        if not any(r.role == role for r in entity.roles):
            entity.roles.append(RoleAssignment(role=role, organisation=None, evidence=evidence))
        return
    org = org or entity.affiliation
    if any(r.role == role and r.organisation == org for r in entity.roles):
        return
    if org is None and any(ctx.lex.narrower_or_same(r.role, role) for r in entity.roles):
        return  # "les ministres des deux pays, X et Y": X is already known as Chile's foreign minister
    if org is not None and any(r.role == role and r.organisation is None for r in entity.roles):
        entity.roles = [r for r in entity.roles if not (r.role == role and r.organisation is None)]
    entity.roles.append(RoleAssignment(role=role, organisation=org, evidence=evidence))
    known = ctx.lex.actors.get(org) if org is not None else None
    minted = ctx.entities.get(org) if org is not None else None
    if (known is not None and known.kind == "state") or (known is None and minted is not None
                                                          and minted.kind == "state"):
        ctx.sides.setdefault(person, org)


def drop_mentions(ctx: Context, start: int, end: int, kinds: tuple[str, ...] = ("place", "org")) -> None:
    """Forget gazetteer mentions of ``kinds`` inside tokens ``start..end``: words of a title, not actors."""
    gone = [m for m in ctx.mentions if start <= m.start and m.end <= end and m.kind in kinds and not m.described]
    for m in gone:
        ctx.mentions.remove(m)
        for i in range(m.start, m.end):
            if m in ctx.by_token.get(i, []):
                ctx.by_token[i].remove(m)
        for iri in {m.iri, m.place}:
            entity = ctx.entities.get(iri) if iri else None
            if entity is not None and m.span in entity.mentions:
                entity.mentions.remove(m.span)


def state_of_role(ctx: Context, org: str | None, hit: Hit, end: int, demonym_at: dict[int, str]) -> None:
    """The state named only by a demonym of a role ("ses homologues allemand") is denoted there."""
    if org is None or org in ctx.entities or org not in ctx.lex.actors:
        return
    for i in range(hit.start, end + 1):
        # "le chef de la diplomatie russe": a demonym the recogniser took into an organisation's name
        if demonym_at.get(i) == org or (i < len(ctx.doc) and ctx.lex.demonyms.get(fold(ctx.doc[i].text)) == org):
            add_linked_entity(ctx, ctx.lex.actors[org], ctx.span(i, i + 1))
            return


def also_at_phrase_head(ctx: Context, hit: Hit, person: str) -> None:
    """The role's holder is also found from the token the parser made the phrase's head.

    A hit's head is the first word of its phrase ("Premier" in "le Premier ministre portugais"),
    but the clause hangs the phrase on its noun ("par le Premier ministre portugais, X": the agent
    is "ministre"), so the holder is recorded there too, when nothing else is.
    """
    head = ctx.doc[hit.head]
    while head.head.i != head.i and hit.start <= head.head.i < hit.end:
        head = head.head
    ctx.role_person.setdefault(head.i, person)


def respective_holders(ctx: Context, roles: list[Hit]) -> dict[int, Mention]:
    """"entre X et Y, respectivement président des États-Unis et président de la Russie": the
    titles after "respectivement" go in order to the people coordinated just before it (title
    start -> holder). Nothing when the counts differ."""
    doc = ctx.doc
    found: dict[int, Mention] = {}
    for r in (doc[i] for i in ctx.tokens.where_lower(("respectivement",))):
        if r.i < 2 or doc[r.i - 1].text != ",":
            continue
        people: list[Mention] = []
        k = r.i - 2
        sentence_start = ctx.sent_of(r).start
        while k >= sentence_start:  # "X, Y et Z": names separated by commas and "et" only
            m = next((m for m in ctx.by_token.get(k, []) if m.kind == "person" and m.end == k + 1), None)
            if m is None:
                break
            people.insert(0, m)
            k = m.start - 1
            if k < sentence_start or doc[k].lower_ not in (",", "et"):
                break
            k -= 1
        end = ctx.sent_of(r).end
        titles = sorted((h for h in roles if r.i < h.start < end), key=lambda h: h.start)
        chained = [h for n, h in enumerate(titles) if n == 0 and h.start == r.i + 1
                   or n > 0 and all(t.lower_ in (",", "et") or t.pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ")
                                    for t in doc[titles[n - 1].end:h.start])]
        if len(people) >= 2 and len(chained) >= len(people):
            found.update({h.start: m for h, m in zip(chained[:len(people)], people, strict=True)})
    return found


def holding_day(ctx: Context, head: int) -> datetime.date | int | None:
    """The day on which to look up who held an office the clause at ``head`` names, or None.

    An earlier year the clause says (:func:`told_year`) first; then, in a chronology or an
    encyclopedia entry that tells only days more than a year before its publication ("Le 15, le
    président américain téléphone ...", under a title of February 2006, published in 2021), the
    last day told before the clause (the first of the text when none comes before): its holder
    then, not on the publication day. A current article that cites one earlier date ("l'accord du
    14 juillet 2015") is no chronology: two days at least, and none in the last year.
    """
    published = ctx.source.published
    if published is None:
        return None
    year = told_year(ctx, head, published.year)
    if year is not None:
        return year
    days = [(t.start, datetime.date.fromisoformat(t.value.iso)) for t in ctx.times
            if isinstance(t.value, DateValue) and t.value.precision == "day" and not t.value.deadline]
    if len(days) < 2 or max(d for _, d in days) > published - datetime.timedelta(days=366):
        return published
    before = [d for start, d in days if start < head]  # TimeExpression.start is a token index
    return before[-1] if before else days[0][1]


def told_year(ctx: Context, head: int, published_year: int) -> int | None:
    """"Le président américain avait, lors du sommet de X en 2018, ...": an earlier year said
    with "en" on the very verb the title is the subject or object of is when the holder held the
    office (not "l'accord signé en 2015", whose year hangs on the participle)."""
    doc = ctx.doc
    verb = doc[head]
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    sentence = ctx.sent_of(verb)
    years = []
    for t in sentence:
        if not (t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < published_year):
            continue
        if t.i < 1 or doc[t.i - 1].lower_ != "en":
            continue
        node = t
        for _ in range(3):  # "lors du sommet ... en 2018": the year may complete the frame of the verb
            if node.head.i == node.i or node.head.i == verb.i or node.head.pos_ in ("VERB", "AUX"):
                break  # "l'accord signé en 2015": another verb's year
            node = node.head
        if node.head.i == verb.i:
            years.append(int(t.text))
    return years[0] if len(set(years)) == 1 else None
