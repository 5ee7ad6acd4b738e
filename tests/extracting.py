"""Running the real extraction pipeline on a text written in a test.

Extraction tests check facts read from short texts of their own; they all run the pipeline
the same way (the real spaCy model, the shipped vocabulary), so the way is written once here
rather than in every test file.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplograph.model import Event, ExtractedDocument


def extract_text(text: str, slug: str, published: datetime.date | None = None) -> ExtractedDocument:
    """``text`` (which may open with a YAML front matter) as document ``slug``, extracted."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    return extract(read_text(text, slug, published=published), load_nlp())


def extract_dated(text: str, slug: str, published: str) -> ExtractedDocument:
    """``text`` with a front matter giving its publication date, as a corpus file gives it."""
    return extract_text(f"---\npublished: {published}\n---\n{text}", slug)


def event_kind(event: Event) -> str:
    """The event type's slug ("meeting", "statement")."""
    return event.event_type.rsplit("/", 1)[-1]


def event_at(doc: ExtractedDocument, word: str) -> Event:
    """The event whose trigger or one of whose mentions is ``word`` (exactly one)."""
    found = [e for e in doc.events if e.trigger.text == word or any(m.text == word for m in e.mentions)]
    assert len(found) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in doc.events]
    return found[0]


def participant_slugs(event: Event) -> set[str]:
    """The slugs of an event's participants ("amadou-sow")."""
    return {p.actor.rsplit("/", 1)[-1] for p in event.participants}


def participant_sides(event: Event) -> dict[str, str | None]:
    """Participant slug -> the slug of the side it sat on (None when the text gives none)."""
    return {p.actor.rsplit("/", 1)[-1]: (p.side.rsplit("/", 1)[-1] if p.side else None) for p in event.participants}
