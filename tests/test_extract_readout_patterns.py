"""Constructions of ministry readouts and agency dispatches, checked on short texts we wrote.

Each test writes a few sentences in the way real readouts are built (invented people and
places) and checks a fact a reader sees: what kind of act a verb reports, which mentions
tell one visit, which planned meeting follows up which.
"""

from __future__ import annotations

import datetime

from diplograph.model import Event, ExtractedDocument


def extract_text(text: str, slug: str, published: datetime.date) -> ExtractedDocument:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    return extract(read_text(text, slug, published=published), load_nlp())


def event_at(doc: ExtractedDocument, words: str) -> Event:
    """The event one of whose mentions lies inside ``words``."""
    begin = doc.source.text.index(words)
    end = begin + len(words)
    found = [e for e in doc.events
             if any(begin <= s.begin and s.end <= end for s in [e.trigger, *e.mentions])]
    assert found, f"no event in {words!r}: {[e.trigger.text for e in doc.events]}"
    return found[0]


def kind(event: Event) -> str:
    return event.event_type.rsplit("/", 1)[-1]


def test_presenting_reforms_is_a_statement_presenting_a_plan_a_proposal() -> None:
    text = ("La ministre des Affaires étrangères de Norlande, Mme Ilse Varnholt, s'est entretenue "
            "mardi avec son homologue estlandais, M. Tarmo Kivi. Mme Varnholt a présenté les réformes "
            "engagées dans le domaine de la justice. M. Kivi a présenté un plan de coopération "
            "portuaire entre les deux pays.\n")
    doc = extract_text(text, "presenting", datetime.date(2026, 3, 11))
    assert kind(event_at(doc, "Mme Varnholt a présenté les réformes")) == "statement"
    assert kind(event_at(doc, "M. Kivi a présenté un plan")) == "proposal"
