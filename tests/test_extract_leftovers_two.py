"""Faults the leftovers round saw on real prose and left (issue 12, second leftovers round).

Short texts written here, built the way real dispatches, UN coverage and summit reports are:
an organisation named "Union du ..." that is not the EU, a head of state who "s'est fait
représenter", a "bref aparté" between two leaders, a headline naming the two who met, incises
after several speakers, offices standing for the person named before.
"""

from __future__ import annotations

import datetime

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


def _slugs(doc: ExtractedDocument) -> set[str]:
    return {iri.rsplit("/", 1)[-1] for iri in doc.entities}


RIVER_UNION = (
    "Bamako, le 9 mars 2026 - Le ministre malien de l'Hydraulique, Sékou Diarra, a reçu lundi le "
    "secrétaire exécutif de l'Union du bassin de la Volta, Yaw Mensah, puis une délégation de "
    "l'Union des Andes et de l'Union pour la Méditerranée.\n"
)


def test_a_union_of_something_is_not_the_european_union() -> None:
    """"Union" alone is a short name of the EU; "l'Union du bassin de la Volta", "l'Union des
    Andes", "l'Union pour la Méditerranée" are other organisations whose name starts with it."""
    doc = extract_text(RIVER_UNION, "leftovers-two-union", PUBLISHED)
    assert "eu" not in _slugs(doc)


EU_SHORT = (
    "Bruxelles, le 9 mars 2026 - Les Vingt-Sept ont adopté lundi de nouvelles sanctions. L'Union "
    "de son côté a reçu le ministre moldave Ion Rusu.\n"
)


def test_the_union_alone_stays_the_european_union() -> None:
    """Guard: "L'Union de son côté" (no name goes on after "de") is still the EU."""
    doc = extract_text(EU_SHORT, "leftovers-two-union-guard", PUBLISHED)
    assert "eu" in _slugs(doc)


NATIONAL_COUNCIL = (
    "Niamey, le 9 mars 2026 - Le secrétaire permanent du Conseil de sécurité nationale, Ali Sani, "
    "a reçu lundi l'ambassadeur du Ghana, Kofi Owusu.\n"
)


def test_a_national_security_council_is_not_the_un_security_council() -> None:
    """"le Conseil de sécurité nationale": an adjective goes on after the UN body's name, the words
    name another council."""
    doc = extract_text(NATIONAL_COUNCIL, "leftovers-two-council", PUBLISHED)
    assert "un-security-council" not in _slugs(doc)


UN_COUNCIL = (
    "New York, le 9 mars 2026 - Le Conseil de sécurité réuni lundi a entendu l'ambassadeur du "
    "Ghana, Kofi Owusu.\n"
)


def test_the_security_council_met_is_still_the_uns() -> None:
    """Guard: a participle after the name ("réuni") tells about the council, it does not name
    another one."""
    doc = extract_text(UN_COUNCIL, "leftovers-two-council-guard", PUBLISHED)
    assert "un-security-council" in _slugs(doc)
