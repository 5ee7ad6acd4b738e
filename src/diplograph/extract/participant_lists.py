"""Participants listed rather than narrated: list lines, infobox layouts, "X est représenté par Y".

Real summit reports and encyclopedia articles name who attended in lists: a "Délégation du
Tchad" heading over "Ministre des Affaires étrangères : Ana Varga" lines, a line holding only a
state's name over "Président X" lines, "Le Bénin est représenté par X", "le Nigérien X",
"X (Burkina Faso)". Each gives a person, often a role, and the side they sat on; people of one
list are recorded as members (``ctx.memberships``) so that they join the gathering the document
reports. Runs inside the roles stage, after roles found in running text.
"""

from __future__ import annotations

import re

from diplograph.extract.context import Context, Mention
from diplograph.extract.entity_registry import add_linked_entity, add_minted_entity
from diplograph.extract.kinds import cue_words
from diplograph.extract.name_shapes import PARTICLES, is_honorific, person_label
from diplograph.extract.role_titles import assign_role, drop_mentions, role_organisation
from diplograph.extract.verb_forms import lemma_tokens
from diplograph.lexicon import fold
from diplograph.model import RoleAssignment, Span
from diplograph.namespaces import id_iri, slugify


def read_list_lines(ctx: Context, demonym_at: dict[int, str]) -> None:
    """Roles, sides and memberships from list layouts: read before role phrases without a name,
    which may refer back to a listed person ("Le ministre argentin a qualifié ...")."""
    _listed_members(ctx, demonym_at)
    _signature_lines(ctx)


def read_participant_lists(ctx: Context, demonym_at: dict[int, str]) -> None:
    """Sides from sending phrases, demonyms used as nouns and states in brackets."""
    _represented_by(ctx, demonym_at)


# Words of the headings over a list of the people who attended ("Délégation du Tchad",
# "Participants") are cue:list-heading (ontology/vocab/cues.ttl).
#: Marks that open a list line.
LIST_BULLETS = ("-", "–", "—", "•", "*", "·")
_LIST_LINE = re.compile(r"^\s*(?:[-•*–]\s*)?(?P<role>[^:\n]{3,90}?)\s*:\s*(?P<name>[^:\n]{3,80}?)\s*[.;]?\s*$")


def _listed_members(ctx: Context, demonym_at: dict[int, str]) -> None:
    """"Ministre des Affaires étrangères : Ana Varga" lines under a "Délégation du Tchad" heading.

    Infobox and list layouts give a role, a colon and a name. The name becomes a person (even
    when NER missed it), the role is assigned for the state the heading names (else the one
    the role phrase names), that state is the person's side, and the people of one list are
    recorded as members, so that they join the gathering the document reports.
    """

    sections = ctx.source.sections
    list_headings = cue_words(ctx.lex, "list-heading")
    for n, section in enumerate(sections):
        heading = section.heading
        if heading is None:
            continue
        only_state = _whole_heading_state(ctx, heading)
        if only_state is None and not (set(heading.text.lower().replace("-", " ").split()) & list_headings):
            continue
        state = only_state or _state_named_in(ctx, heading, demonym_at)
        members: list[str] = []
        first = None
        for paragraph in _list_lines(ctx, sections, n):
            listed = _state_line(ctx, paragraph)
            if listed:
                _name_the_side(ctx, paragraph, listed[0][0])
            for side, name_span, hits in listed:
                person = _listed_person(ctx, name_span)
                for hit in hits:
                    assign_role(ctx, person.iri, hit.iri, side, ctx.span(hit.start, hit.end))
                ctx.sides[person.iri] = side
                members.append(person.iri)
                first = paragraph.begin if first is None else first
            if listed:
                continue
            found = _role_and_name(ctx, paragraph)
            if found is None:
                continue
            hit, name_span = found
            person = next((mm for mm in ctx.by_token.get(name_span.start, []) if mm.kind == "person"), None)
            if person is None:
                label = person_label(name_span)
                iri = id_iri("person", slugify(label))
                span = ctx.span(name_span.start, name_span.end)
                drop_mentions(ctx, name_span.start, name_span.end, kinds=("place", "org", "state"))
                person = Mention(name_span.start, name_span.end, span, iri, "person")
                ctx.add_mention(person)
                add_minted_entity(ctx, iri, "person", label, span)
            org, _ = role_organisation(ctx, hit, demonym_at)
            assign_role(ctx, person.iri, hit.iri, state or org, ctx.span(hit.start, hit.end))
            side = state or ctx.lex.state_of(org)  # "Name, président du Kazakhstan": the office's state
            if side is not None:
                ctx.sides[person.iri] = side
            members.append(person.iri)
            first = paragraph.begin if first is None else first
        if members and first is not None:
            # a list of several states' people under a heading naming none ("Participants") lists
            # who attended the event the article is about, not a gathering told just before it
            whole = state is None and len({ctx.sides.get(m) for m in members}) > 1
            ctx.memberships.append((state or "", 0 if whole else first, members))
            if state is not None and only_state is not None:
                # the heading names the side (also when the text named the state before: "Lomé")
                add_linked_entity(ctx, ctx.lex.actors[state], heading)


#: "- Mali : Name, office ; Name, office", "- Ghana (médiation) : Name, office": an encyclopedia's
#: delegation list, one line a side.
_STATE_LINE = re.compile(r"^\s*(?:[-•*–—]\s*)?(?P<side>[^:;,()\n]{2,60}?)\s*(?:\([^)\n]*\))?\s*:\s*(?P<rest>\S.*)$")


def _state_line(ctx: Context, paragraph) -> list:
    """The people of a list line "State : Name, office, office ; Name, office": (side, name tokens,
    role hits) for each, the side a state or organisation the gazetteer or the text knows."""
    doc, text = ctx.doc, ctx.text
    m = _STATE_LINE.match(text[paragraph.begin:paragraph.end])
    if m is None:
        return []
    side_text = m.group("side").strip()
    sides = [i for i in ctx.lex.candidates(side_text) if i in ctx.lex.actors
             and ctx.lex.actors[i].kind in ("state", "org")]
    sides += [e.iri for e in ctx.entities.values() if e.kind in ("state", "org") and not e.linked
              and e.label == side_text]
    if not sides:
        sides = _government_of(ctx, side_text)
    if len(set(sides)) != 1:
        return []
    side = sides[0]
    found = []
    begin = paragraph.begin + m.start("rest")
    for part in re.finditer(r"[^;\s][^;]*", text[begin:paragraph.begin + m.end("rest")]):
        entry = doc.char_span(begin + part.start(), begin + part.end(), alignment_mode="expand")
        if entry is None:
            continue
        j = entry.start
        while j < entry.end and (doc[j].is_space or (doc[j].is_lower and is_honorific(ctx, doc[j]))):
            j += 1  # "colonel X": a rank before the name
        comma = next((t.i for t in doc[j:entry.end] if t.text == ","), None)
        if comma is None or not _name_shaped(doc[j:comma]):
            continue
        hits = [h for h in ctx.hits_of("role") if comma < h.start and h.end <= entry.end]
        hits = [h for h in hits if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                                           for o in hits)]
        found.append((side, doc[j:comma], hits))  # an office the vocabulary lacks: still a member
    return found


def _government_of(ctx: Context, words: str) -> list[str]:
    """"Gouvernement philippin", "Délégation malienne", "Partie togolaise": a noun for a state's
    side (cue:state-word, cue:sides-noun) and a demonym name that state's side."""
    parts = fold(words).split()
    if len(parts) != 2 or parts[0] not in cue_words(ctx.lex, "state-word") | cue_words(ctx.lex, "sides-noun"):
        return []
    state = ctx.lex.demonyms.get(parts[1])
    actor = ctx.lex.actors.get(state) if state is not None else None
    return [state] if actor is not None and actor.kind == "state" else []


def _name_the_side(ctx: Context, line, side: str) -> None:
    """The words before the colon of a "State : Name, office" line denote the side: a line the reader
    took for a heading is not read for names, so its state is linked here (a side no words denote
    would be dropped as ungrounded)."""
    actor = ctx.lex.actors.get(side)
    entity = ctx.entities.get(side)
    if actor is None or (entity is not None and entity.mentions):
        return
    m = _STATE_LINE.match(ctx.text[line.begin:line.end])
    words = m.group("side").strip()
    begin = line.begin + m.start("side") + m.group("side").index(words)
    add_linked_entity(ctx, actor, Span(begin, begin + len(words), words))


def _listed_person(ctx: Context, name_span) -> Mention:
    """The person a list line names: the recogniser's when it found exactly that name, else minted
    (a name it ran together with the side before the colon is dropped)."""
    person = next((mm for mm in ctx.by_token.get(name_span.start, []) if mm.kind == "person"
                   and mm.start == name_span.start and mm.end == name_span.end), None)
    if person is not None:
        return person
    line = ctx.sent_of(ctx.doc[name_span.start])
    for gone in [mm for mm in ctx.mentions if mm.kind == "person" and not mm.described
                 and mm.start < name_span.end and mm.end > name_span.start]:
        drop_mentions(ctx, min(gone.start, line.start), max(gone.end, name_span.end), kinds=("person",))
        entity = ctx.entities.get(gone.iri)
        if entity is not None and not entity.mentions and not entity.linked:
            del ctx.entities[gone.iri]
    drop_mentions(ctx, name_span.start, name_span.end, kinds=("place", "org", "state"))
    label = person_label(name_span)
    iri = id_iri("person", slugify(label))
    span = ctx.span(name_span.start, name_span.end)
    person = Mention(name_span.start, name_span.end, span, iri, "person")
    ctx.add_mention(person)
    add_minted_entity(ctx, iri, "person", label, span)
    return person


def _list_lines(ctx: Context, sections: list, n: int) -> list:
    """The lines of the list under heading ``n``: its paragraphs, and the short lines after them that
    the reader took for headings ("Ministre des Affaires étrangères : Ana Varga", "Tadjikistan : X,
    président" have no final stop), with the paragraphs under those."""
    section = sections[n]
    lines = [p for p in ctx.source.paragraphs if section.begin <= p.begin < section.end]
    for later in sections[n + 1:]:
        if later.heading is None or (_role_and_name(ctx, later.heading) is None
                                     and not _state_line(ctx, later.heading)):
            break
        lines.append(later.heading)
        lines.extend(p for p in ctx.source.paragraphs if later.begin <= p.begin < later.end)
    return lines


def _signature_lines(ctx: Context) -> None:
    """"Kaarel Tamm, ministre des Affaires étrangères de l'Estonie": a line that is a name, a comma
    and an office, as under a joint declaration; the person holds the office, for that state."""

    doc = ctx.doc
    lines = [s.heading for s in ctx.source.sections if s.heading is not None] + list(ctx.source.paragraphs)
    for line in lines:
        span = doc.char_span(line.begin, line.end, alignment_mode="expand")
        if span is None or len(span) > 16:
            continue
        comma = next((t.i for t in span if t.text == ","), None)
        # the name before the comma: capitalised words only (the tagger may read "Mette" as a verb)
        words = [t for t in doc[span.start:comma or span.start] if t.is_alpha and t.lower_ not in PARTICLES]
        if comma is None or not 2 <= len(words) <= 5 or not all(t.text[:1].isupper() for t in words):
            continue
        hits = [h for h in ctx.hits_of("role") if h.start == comma + 1 and h.end <= span.end]
        if not hits:
            continue
        hit = max(hits, key=lambda h: h.end - h.start)
        org, end = role_organisation(ctx, hit, ctx.demonym_at)
        rest = [t for t in doc[end:span.end] if not t.is_punct]
        if org is None and rest:  # a heading line holds no mentions: "... de l'Estonie" read by name
            k = next((n for n, t in enumerate(rest) if t.pos_ not in ("ADP", "DET")), len(rest))
            found = [i for i in ctx.lex.candidates(doc[rest[k].i:span.end].text.strip(" .;")) if
                     i in ctx.lex.actors and ctx.lex.actors[i].kind in ("state", "org")] if k < len(rest) else []
            if len(found) != 1:
                continue
            org, rest = found[0], []
        if rest:
            continue  # more than a name and an office: a sentence, not a signature line
        name = doc[span.start:comma]
        person = next((m for m in ctx.by_token.get(name.start, []) if m.kind == "person"), None)
        if person is None:
            label = person_label(name)
            iri = id_iri("person", slugify(label))
            person = Mention(name.start, name.end, ctx.span(name.start, name.end), iri, "person")
            ctx.add_mention(person)
            add_minted_entity(ctx, iri, "person", label, person.span)
        assign_role(ctx, person.iri, hit.iri, org, ctx.span(hit.start, end))


def _whole_heading_state(ctx: Context, heading: Span) -> str | None:
    """A heading that is nothing but a state's name ("Togo"), as in lists of summit participants."""
    found = [i for i in ctx.lex.candidates(heading.text.strip()) if i in ctx.lex.actors
             and ctx.lex.actors[i].kind == "state"]
    return found[0] if len(found) == 1 else None


def _role_and_name(ctx: Context, paragraph) -> tuple | None:
    """The role hit and the name tokens of a list line: "Role : Name" or "Role Name (note)"."""
    doc, text = ctx.doc, ctx.text
    line = text[paragraph.begin:paragraph.end]
    m = _LIST_LINE.match(line)
    if m is not None:
        role_span = doc.char_span(paragraph.begin + m.start("role"), paragraph.begin + m.end("role"),
                                  alignment_mode="expand")
        name_span = doc.char_span(paragraph.begin + m.start("name"), paragraph.begin + m.end("name"),
                                  alignment_mode="expand")
        if role_span is None or name_span is None or not _name_shaped(name_span):
            return None
        hits = [h for h in ctx.hits_of("role") if role_span.start <= h.start and h.end <= role_span.end]
        if not hits:
            return None
        return max(hits, key=lambda h: (h.end - h.start, -h.start)), name_span
    span = doc.char_span(paragraph.begin, paragraph.end, alignment_mode="expand")
    if span is None:
        return None
    j = span.start
    while j < span.end and doc[j].is_punct:
        j += 1  # "- Président X"
    hits = [h for h in ctx.hits_of("role") if h.start == j and h.end <= span.end]
    if not hits:
        return _name_then_role(ctx, span, j)
    hit = max(hits, key=lambda h: h.end - h.start)
    k = hit.end
    while k < span.end and (doc[k].text[:1].isupper() or doc[k].lower_ in ("de", "du", "al", "bin", "ben", "el")) \
            and not doc[k].is_punct:
        k += 1
    if k == hit.end or not _name_shaped(doc[hit.end:k]):
        return None
    return hit, doc[hit.end:k]


def _name_then_role(ctx: Context, span, j: int) -> tuple | None:
    """"- Nurlan Sadykov, président du Kazakhstan", the encyclopedia layout of a participants list:
    a name, a comma and a role phrase (a note in brackets may follow: "(hôte)")."""
    doc = ctx.doc
    comma = next((t.i for t in doc[j:span.end] if t.text == ","), None)
    if comma is None or not _name_shaped(doc[j:comma]):
        return None
    hits = [h for h in ctx.hits_of("role") if h.start == comma + 1 and h.end <= span.end]
    if not hits:
        return None
    return max(hits, key=lambda h: h.end - h.start), doc[j:comma]


def _state_named_in(ctx: Context, heading: Span, demonym_at: dict[int, str]) -> str | None:
    """The state a heading names ("Délégation du Tchad", "Délégation tchadienne"), if the text names it too."""
    from diplograph.lexicon import fold

    words = heading.text.replace("'", "' ").split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i:i + n])
            for iri in ctx.lex.candidates(name):
                actor = ctx.lex.actors.get(iri)
                if actor is not None and actor.kind == "state" and iri in ctx.entities:
                    return iri
    for word in words:
        iri = ctx.lex.demonyms.get(fold(word))
        if iri is not None and iri in ctx.entities:
            return iri
    for entity in ctx.entities.values():  # a state minted from the text ("République de Norlande")
        if entity.kind == "state" and not entity.linked and fold(entity.label) in fold(heading.text):
            return entity.iri
    return None




def _name_shaped(span) -> bool:
    """Two to five capitalised words, no verb: a person's name on a list line (a word in capitals is
    no verb, whatever the tagger says: "Teresa ALCANTARA")."""
    words = [t for t in span if t.text.replace("-", "").isalpha() and t.lower_ not in PARTICLES]
    return 2 <= len(words) <= 5 and all(t.text[:1].isupper() for t in words) \
        and not any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in span)


# "Le Bénin est représenté par X", "Le Ghana a dépêché X", the state sends X: cue:sending
# (ontology/vocab/cues.ttl).


#: Determiners (and "de" fused with them) before a demonym used as a noun: "du Libérien, X".
_NOUN_DETERMINERS = frozenset({"le", "la", "l'", "l’", "du", "au"})


def _represented_by(ctx: Context, demonym_at: dict[int, str]) -> None:
    """Sides given by the shape of participant lists in summit reports.

    "Le Bénin est représenté par X" / "Le Ghana a dépêché X" (the state's people), "le Nigérien
    X" (a demonym used as a noun right before a name) and "X (Burkina Faso)" (the state in
    brackets right after a name).
    """
    doc = ctx.doc
    persons = {m.start: m for m in ctx.mentions if m.kind == "person" and not m.described}
    for m in persons.values():
        before = m.start - 1
        if before >= 0 and before in demonym_at and doc[before].text[:1].isupper() \
                and not doc[before].is_sent_start:
            _side_of_listed(ctx, m.iri, demonym_at[before])  # "le Nigérien Moussa Adamou"
        elif before >= 2 and doc[before].text == "," and before - 1 in demonym_at \
                and doc[before - 1].text[:1].isupper() and doc[before - 2].lower_ in _NOUN_DETERMINERS:
            _side_of_listed(ctx, m.iri, demonym_at[before - 1])  # "Il s'agit du Libérien, Georges Weah"
        k = m.end
        if k + 2 < len(doc) and doc[k].text == "(":
            inside = [s for s in ctx.by_token.get(k + 1, []) if s.kind == "state" and s.start == k + 1]
            if inside and inside[0].end < len(doc) and doc[inside[0].end].text == ")":
                _side_of_listed(ctx, m.iri, inside[0].iri)  # "Salif Kaboré (Burkina Faso)"

    for token in lemma_tokens(doc, cue_words(ctx.lex, "sending")):
        if token.pos_ != "VERB":
            continue
        passive = any(c.dep_ == "nsubj:pass" for c in token.children)
        senders = [c for c in token.children if c.dep_ == ("nsubj:pass" if passive else "nsubj")]
        state = next((s.iri for c in senders for s in ctx.by_token.get(c.i, []) if s.kind == "state"), None)
        if state is None:
            continue
        sent = [c for c in token.children if c.dep_ == ("obl:agent" if passive else "obj")]
        members: list[str] = []
        current = state  # a gapped pair's state holds on to the next agent phrase
        for c in sorted(sent, key=lambda c: c.i):
            for i in range(c.left_edge.i, c.right_edge.i + 1):
                gapped = _gapped_sender(ctx, i) if passive else None
                if gapped is not None:  # "..., le Belize par son Premier ministre, Y, et ..."
                    current = gapped
                if i in persons and persons[i].iri not in members:
                    _side_of_listed(ctx, persons[i].iri, current, replace=current != state)
                    members.append(persons[i].iri)
        if members:  # those sent took part in the gathering the report tells
            ctx.memberships.append((state, doc[token.i].idx, members))


def _gapped_sender(ctx: Context, i: int) -> str | None:
    """"Le Salvador était représenté par son vice-président, X, le Belize par son Premier ministre, Y":
    the verb left out after the first pair, a state followed by "par" sends the names after it."""
    doc = ctx.doc
    states = [m for m in ctx.by_token.get(i, []) if m.kind == "state" and m.start == i]
    if not states or states[0].end >= len(doc) or doc[states[0].end].lower_ != "par":
        return None
    return states[0].iri


def _side_of_listed(ctx: Context, person: str, state: str, replace: bool = False) -> None:
    """The person is on that state's side; a role they hold for nobody named is held for it (with
    ``replace``, also one the parse gave them for the state of a sentence they are gapped from)."""
    ctx.sides[person] = state
    entity = ctx.entities.get(person)
    if entity is not None:
        for k, held in enumerate(entity.roles):
            if held.organisation is None or (replace and held.organisation != state):
                entity.roles[k] = RoleAssignment(held.role, state, held.evidence)
