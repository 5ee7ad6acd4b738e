"""Event kinds and statuses the extraction stages reason about (vocabulary concept IRIs).

Which event types gather people, which are background, which commit their agents: the
stages branch on these groups, so they are named once here rather than in each stage.
"""

from __future__ import annotations

from diplograph.namespaces import vocab_iri

OCCURRED = vocab_iri("event-status", "occurred")

PLANNED = vocab_iri("event-status", "planned")

ANNOUNCED = vocab_iri("event-status", "announced")



def et(slug: str) -> str:
    """IRI of an event type concept."""
    return vocab_iri("event-type", slug)

GATHERINGS = frozenset(et(s) for s in ("meeting", "negotiation", "consultation"))

BACKGROUND = frozenset(et(s) for s in ("resignation", "military-action", "controversy", "media-report"))

#: Events whose agents commit themselves to what the governed noun names ("ont annoncé des consultations").
COMMITTING = frozenset(et(s) for s in ("announcement", "agreement", "proposal"))

WITH_TARGET = frozenset(et(s) for s in ("accusation", "criticism", "warning", "rejection"))
