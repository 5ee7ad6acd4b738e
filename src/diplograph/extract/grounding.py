"""Every actor and place the document model points to is named in the text, or is the
gazetteer's state or organisation a person acts for.

Sides, affiliations, role organisations and issue-point parties often come from a
demonym ("les responsables français" -> France) or from the gazetteer (Blinken serves the
United States). Such an actor gets the demonym's words as its mention when the text has one.

A state the text never names (not even by a demonym), or an organisation the gazetteer has the
person hold an office for on the publication date, is still the side, the affiliation or the
office's organisation of a person the gazetteer knows: "Blinken s'est
entretenu avec Netanyahou" is a meeting between the United States and Israel to every reader,
and a participant without a side answers "who met whom, for whom?" wrongly. That is world
knowledge, not text, so the mapper copies such a state or organisation from the gazetteer
with ``rdfs:isDefinedBy`` the vocabulary graph instead of a mention, and the shapes accept
exactly that (no mention is ever invented). Everything else a fact points to (participants,
agents, speakers, position holders, issue-point parties, places) must be named in the text:
the text is the evidence that they took part or spoke; the gazetteer is not.
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.entity_registry import add_linked_entity
from diplograph.model import ExtractedDocument


def ground_references(ctx: Context, doc: ExtractedDocument) -> None:
    """Add demonym mentions for referenced actors; drop references to actors never named."""
    first_demonym: dict[str, int] = {}
    for i in sorted(ctx.demonym_at):
        first_demonym.setdefault(ctx.demonym_at[i], i)

    def grounded(iri: str | None) -> bool:
        if iri is None:
            return False
        entity = ctx.entities.get(iri)
        if entity is not None and entity.mentions:
            return True
        actor = ctx.lex.actors.get(iri)
        if actor is None:
            return False
        if iri in first_demonym:
            i = first_demonym[iri]
            add_linked_entity(ctx, actor, ctx.span(i, i + 1))
            return True
        # A gazetteer actor the text never names: the graph would have to type it (a reference
        # must point to an actor) yet could not ground it (every actor needs a mention), and the
        # build refuses such a graph. The gazetteer still knows the link; this document does not.
        return False

    published = ctx.source.published

    def known_for(iri: str | None, person: str) -> bool:
        """Whom a person acts for: named in the text, else the gazetteer's state, or an organisation
        the gazetteer says the person holds an office for on the publication date (Stoltenberg after
        his term is no longer NATO's side)."""
        if grounded(iri):
            return True
        actor = ctx.lex.actors.get(iri) if iri is not None else None
        if actor is None or actor.kind not in ("state", "org"):
            return False
        return actor.kind == "state" or (published is not None and any(
            h.person == person and h.organisation == iri and h.covers(published) for h in ctx.lex.holdings))

    for entity in list(ctx.entities.values()):
        if entity.affiliation is not None and not known_for(entity.affiliation, entity.iri):
            entity.affiliation = None
        for role in entity.roles:
            if role.organisation is not None and not known_for(role.organisation, entity.iri):
                role.organisation = None
    def grounded_place(iri: str) -> bool:
        """A place the words of one of its mentions denote ("au Sénégal": the state's mention
        carries its territory as place); a place no words denote is dropped, not invented."""
        entity = ctx.entities.get(iri)
        if entity is not None and entity.mentions:
            return True
        place = ctx.lex.actors.get(iri)
        mention = next((m for m in ctx.mentions if m.place == iri), None)
        if place is None or mention is None:
            return False
        add_linked_entity(ctx, place, mention.span)
        return True

    for event in doc.events:
        event.places = [p for p in event.places if grounded_place(p)]
        for participant in event.participants:
            if participant.side is not None and not known_for(participant.side, participant.actor):
                participant.side = None
        event.participants = [p for p in event.participants if grounded(p.actor)]
        event.agents = [a for a in event.agents if grounded(a)]
        event.targets = [a for a in event.targets if grounded(a)]
        event.according_to = [a for a in event.according_to if grounded(a)]
        if event.host is not None and not grounded(event.host):
            event.host = None
    for quote in doc.quotes:
        if quote.speaker is not None and not grounded(quote.speaker):
            quote.speaker = None
    doc.positions = [p for p in doc.positions if grounded(p.holder)]
    for point in doc.issue_points:
        point.parties = [p for p in point.parties if grounded(p)]
    doc.issue_points = [p for p in doc.issue_points if p.parties]
    doc.entities = {iri: ctx.entities[iri] for iri in sorted(ctx.entities) if ctx.entities[iri].mentions}
