"""Agency datelines without a date, treaty steps, blocked assets (issue 12, round H).

Short texts written here, in the ways such prose is built: a state agency opens its dispatch on
the city in capitals and a dash, with no date ("TUNIS - ..."); an encyclopedia tells a treaty's
initialling, approval and exchange of instruments; an analysis speaks of a state's blocked assets.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text
from extracting import participant_sides as sides

UNDATED_DATELINE = (
    "TUNIS - Le ministre des Affaires étrangères, M. Hédi Gharbi, a reçu lundi au siège du ministère "
    "l'ambassadeur du Japon en Tunisie, M. Kenji Arai, venu lui faire ses adieux au terme de sa mission.\n"
)


@pytest.fixture(scope="module")
def undated() -> ExtractedDocument:
    return extract_text(UNDATED_DATELINE, "round-h-undated-dateline", datetime.date(2026, 2, 3))


def _event(doc: ExtractedDocument, word: str):
    found = [e for e in doc.events if e.trigger.text == word]
    assert len(found) == 1, [(e.trigger.text, event_kind(e)) for e in doc.events]
    return found[0]


def test_an_undated_agency_dateline_gives_bare_offices_their_state(undated) -> None:
    """"TUNIS - Le ministre des Affaires étrangères, M. X, a reçu ...": an agency writing from Tunis
    names Tunisia's own minister by his bare office; he sits on Tunisia's side, the ambassador on
    Japan's."""
    audience = _event(undated, "reçu")
    assert sides(audience).get("hedi-gharbi") == "tunisia"
    assert sides(audience).get("kenji-arai") == "japan"


def test_an_undated_agency_dateline_places_the_story_in_its_city(undated) -> None:
    """The audience "au siège du ministère" of a dispatch datelined "TUNIS -" took place in Tunis."""
    audience = _event(undated, "reçu")
    assert any(p.endswith("/tunis") for p in audience.places), audience.places


TREATY = (
    "Le traité de Kara fut négocié en trois cycles. Le texte fut paraphé le 3 mai 1996 par les deux chefs "
    "de délégation. Le Parlement togolais l'approuva le 4 octobre 1996. L'échange des instruments de "
    "ratification eut lieu à Lomé le 2 juin 1997.\n"
)


@pytest.fixture(scope="module")
def treaty() -> ExtractedDocument:
    return extract_text(TREATY, "round-h-treaty", datetime.date(2024, 1, 10))


@pytest.mark.parametrize("word,day", [("paraphé", "1996-05-03"), ("approuva", "1996-10-04"),
                                      ("échange des instruments de ratification", "1997-06-02")])
def test_the_steps_of_a_treaty_are_agreements(treaty, word, day) -> None:
    """Initialling a text, a parliament approving it and exchanging the instruments of ratification
    are steps by which states bind themselves to a treaty: agreements, each on its own day."""
    step = _event(treaty, word)
    assert event_kind(step) == "agreement"
    assert step.date is not None and step.date.iso == day


def test_blocked_assets_are_frozen_assets() -> None:
    """"la restitution de ses avoirs bloqués à l'étranger": the issue of frozen assets."""
    doc = extract_text(
        "Le ministre iranien a réclamé lundi la restitution de ses avoirs bloqués à l'étranger.\n",
        "round-h-assets", datetime.date(2026, 3, 3))
    topics = {t.rsplit("/", 1)[-1] for e in doc.events for t in e.topics}
    assert "frozen-assets" in topics, [(e.trigger.text, e.topics) for e in doc.events]
