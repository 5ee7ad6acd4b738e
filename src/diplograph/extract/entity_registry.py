"""One entity per IRI: registering a gazetteer actor or a minted one, with its mentions.

Every stage that finds an actor (entities, roles, participant lists, territories, grounding)
registers it the same way, so the rule "a minted IRI that is a gazetteer IRI is that actor"
holds everywhere. It reads no text, so any module can import it without a cycle.
"""

from __future__ import annotations

from diplograph.extract.context import Context, Mention
from diplograph.lexicon import LexActor
from diplograph.model import Entity
from diplograph.namespaces import id_iri, slugify


def add_linked_entity(ctx: Context, actor: LexActor, span) -> Entity:
    """Entity for a gazetteer actor (created on first mention)."""
    entity = ctx.entities.get(actor.iri)
    if entity is None:
        entity = Entity(iri=actor.iri, kind=actor.kind, label=actor.label, linked=True,
                        labels=dict(actor.labels), wikidata=actor.wikidata, affiliation=actor.affiliation)
        ctx.entities[actor.iri] = entity
    if span is not None and span not in entity.mentions:
        entity.mentions.append(span)
    return entity


def add_minted_entity(ctx: Context, iri: str, kind: str, label: str, span, affiliation: str | None = None
                      ) -> Entity:
    """Entity minted from the text (not in the gazetteer).

    A minted IRI that is a gazetteer IRI ("Jean Du«pont" slugs to jean-dupont) is that
    gazetteer actor: two entities under one IRI would give it two French labels.
    """
    if iri in ctx.lex.actors and iri not in ctx.entities:
        return add_linked_entity(ctx, ctx.lex.actors[iri], span)
    entity = ctx.entities.get(iri)
    if entity is None:
        entity = Entity(iri=iri, kind=kind, label=label, labels={"fr": label}, affiliation=affiliation)
        ctx.entities[iri] = entity
    if span is not None and span not in entity.mentions:
        entity.mentions.append(span)
    return entity


def add_described_actor(ctx: Context, start: int, end: int, kind: str, label: str,
                        affiliation: str | None = None) -> Entity:
    """An actor the words ``start..end`` describe rather than name ("la présidence camerounaise",
    "l'entourage du président"): minted under its label, with a described mention of those words
    (rules that read names skip described mentions)."""
    span = ctx.span(start, end)
    iri = id_iri(kind, slugify(label))
    ctx.add_mention(Mention(start, end, span, iri, kind, described=True))
    return add_minted_entity(ctx, iri, kind, label, span, affiliation=affiliation)
