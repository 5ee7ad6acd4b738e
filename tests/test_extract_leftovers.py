"""Faults left over from earlier rounds on real prose (issue 12, leftovers round).

Short texts written here, built the way real readouts and dispatches are: a counted plural
("les deux dirigeants") after two names that only complete a noun, ...
"""

from __future__ import annotations

import datetime

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text, participant_slugs

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


COUNTED_AFTER_COMPLEMENTS = (
    "Le président ghanéen Kwame Asante a reçu mardi à Accra son homologue togolais Kossi Mensah. "
    "La rencontre a eu lieu après le départ du président nigérian Olu Bello et du président béninois "
    "Patrice Adé. Les deux dirigeants ont signé un accord de défense.\n"
)


def test_the_two_leaders_are_the_two_who_met_not_the_last_two_named() -> None:
    """"Les deux dirigeants" after a sentence whose two names only complete "le départ de": the two
    who met sign the accord, not the two who had left."""
    doc = extract_text(COUNTED_AFTER_COMPLEMENTS, "leftovers-counted", PUBLISHED)
    (signing,) = _events(doc, "agreement")
    assert participant_slugs(signing) == {"kwame-asante", "kossi-mensah"}


COUNTED_AFTER_ACTORS = (
    "Le président ghanéen Kwame Asante a reçu mardi à Accra son homologue togolais Kossi Mensah. "
    "Le lendemain, le président nigérian Olu Bello et le président béninois Patrice Adé ont lancé à "
    "Cotonou un appel commun au calme. Les deux dirigeants ont signé un accord de défense.\n"
)


def test_the_two_leaders_are_the_last_two_named_when_those_act_together() -> None:
    """Guard: when the two named just before do something together, "les deux dirigeants" are
    still those two, not the pair of the meeting told earlier."""
    doc = extract_text(COUNTED_AFTER_ACTORS, "leftovers-counted-guard", PUBLISHED)
    (signing,) = _events(doc, "agreement")
    assert participant_slugs(signing) == {"olu-bello", "patrice-ade"}
