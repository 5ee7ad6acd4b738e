"""Disagreements told in prose or listed without named parties; stances after a colon or in the first person.

The text (tests/texts/extract-contrast-prose.txt) has no list of disputed points: one
minister states a reservation, explains it after a colon, and the other side rejects that
demand in a relative clause ("une exigence que Varsovie rejette"). A reader of the text
sees one disagreement, Hungary against Poland, on military aid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"
MILITARY_AID = vocab_iri("issue", "military-aid")


@pytest.fixture(scope="module")
def doc() -> ExtractedDocument:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    return extract(read_document(TEXTS / "extract-contrast-prose.txt"), load_nlp())


def test_reservation_is_about_what_follows_the_colon(doc: ExtractedDocument) -> None:
    held = {(p.holder, p.issue, p.stance) for p in doc.positions}
    assert (id_iri("person", "peter-szijjarto"), MILITARY_AID, vocab_iri("stance", "has-reservations")) in held


def test_rejected_demand_is_a_disagreement_between_two_states(doc: ExtractedDocument) -> None:
    points = [p for p in doc.issue_points if p.kind == "disagreement"]
    assert [p.issue for p in points] == [MILITARY_AID]
    assert set(points[0].parties) == {id_iri("state", "hungary"), id_iri("state", "poland")}
    assert "rejette" in points[0].evidence.text


def test_one_sided_refusal_is_no_disagreement() -> None:
    """A refusal with nobody on the other side of the issue in that sentence is only a position."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    text = "Le ministre polonais des Affaires étrangères, Radosław Sikorski, rejette toute aide militaire.\n"
    doc = extract(read_text(text, slug="refusal"), load_nlp())
    assert not [p for p in doc.issue_points if p.kind == "disagreement"]


def test_listed_points_attributed_to_a_source_are_between_the_sides_named() -> None:
    """"D'après un diplomate français, deux points bloquent encore :" + items: France is the
    source, not a party; the parties are the states the text shows holding the disputed points."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "extract-disputed-points.txt"), load_nlp())
    points = [p for p in doc.issue_points if p.kind == "disagreement"]
    assert [p.issue for p in points] == [vocab_iri("issue", "sanctions"), vocab_iri("issue", "security-guarantees")]
    for point in points:
        assert set(point.parties) == {id_iri("state", "hungary"), id_iri("state", "poland")}


def test_first_person_accusation_in_a_speech_is_the_speakers_about_what_was_just_said() -> None:
    """"La Russie frappe ... les infrastructures énergétiques. Je l'accuse de ...": the speaker
    accuses, and "l'" points back to the act told in the sentence before (energy)."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "extract-speech-warsaw.txt"), load_nlp())
    held = {(p.holder, p.issue, p.stance) for p in doc.positions}
    assert (id_iri("person", "radoslaw-sikorski"), vocab_iri("issue", "energy"), vocab_iri("stance", "accuses")) in held
