"""Extraction on short texts in other styles (tests/texts/extract-*.txt), facts read from them.

A dispatch with a dateline and a weekday, an official communiqué, an encyclopedic summary
and a first-person speech naming someone the gazetteer does not know.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document, read_text

TEXTS = Path(__file__).parent / "texts"
MEETING = vocab_iri("event-type", "meeting")
OCCURRED = vocab_iri("event-status", "occurred")
PLANNED = vocab_iri("event-status", "planned")


@pytest.fixture(scope="module")
def nlp():
    from diplograph.analyse import load_nlp

    return load_nlp()


def _extract(nlp, name: str) -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / name), nlp)


def _meetings(doc: ExtractedDocument, status: str) -> list:
    return [e for e in doc.events if e.event_type == MEETING and e.status == status]


def test_dispatch_weekday_place_duration_and_planned_meeting(nlp) -> None:
    doc = _extract(nlp, "extract-dispatch-ankara.txt")
    [meeting] = _meetings(doc, OCCURRED)
    # published Friday 17 April 2026: "jeudi" is the day before; the dateline date is not the event's
    assert meeting.date is not None and (meeting.date.iso, meeting.date.relative) == ("2026-04-16", True)
    assert meeting.places == [id_iri("place", "ankara")]
    assert (meeting.duration.iso, meeting.duration.approximate) == ("PT2H", True)
    sides = {p.actor: p.side for p in meeting.participants}
    assert sides == {id_iri("person", "sergey-lavrov"): id_iri("state", "russia"),
                     id_iri("person", "hakan-fidan"): id_iri("state", "turkey")}
    # "son homologue turc Hakan Fidan": the same office as Lavrov's, for Turkey
    fidan = doc.entities[id_iri("person", "hakan-fidan")]
    assert [(r.role, r.organisation) for r in fidan.roles] == [
        (vocab_iri("role", "foreign-minister"), id_iri("state", "turkey"))]
    [quote] = doc.quotes
    assert quote.span.text == "Nous sommes prêts à reprendre le dialogue"
    assert quote.speaker == id_iri("person", "sergey-lavrov")
    [planned] = _meetings(doc, PLANNED)
    assert planned.places == [id_iri("place", "geneva")]
    assert planned.date is not None and planned.date.iso == "2026-05-05"
    assert any(r.relation == "followUpOf" and r.other == meeting.trigger.begin for r in planned.relations)


def test_communique_host_guest_and_appeal(nlp) -> None:
    doc = _extract(nlp, "extract-communique-paris.txt")
    [meeting] = _meetings(doc, OCCURRED)
    macron, zelensky = id_iri("person", "emmanuel-macron"), id_iri("person", "volodymyr-zelensky")
    assert meeting.host == macron
    assert meeting.date.iso == "2026-02-03"
    assert meeting.places == [id_iri("place", "elysee-palace")]
    assert {p.actor: p.side for p in meeting.participants} == {
        macron: id_iri("state", "france"), zelensky: id_iri("state", "ukraine")}
    # the heading line "Communiqué de la présidence de la République" is no event and no actor
    heading = doc.source.sections[0].heading
    assert heading is not None and heading.text.startswith("Communiqué")
    assert all(e.trigger.begin >= heading.end for e in doc.events)
    positions = {(p.holder, p.stance, p.issue) for p in doc.positions}
    assert (zelensky, vocab_iri("stance", "demands"), vocab_iri("issue", "sanctions")) in positions


def test_encyclopedia_summit_dates_and_quote(nlp) -> None:
    doc = _extract(nlp, "extract-encyclopedia-vilnius.txt")
    summit = next(e for e in doc.events if e.trigger.text == "sommet" and e.event_type == MEETING)
    assert summit.date.iso == "2023-07-11"  # "les 11 et 12 juillet 2023": the first day
    assert id_iri("place", "vilnius") in summit.places
    assert id_iri("org", "nato") in {p.actor for p in summit.participants}
    [quote] = doc.quotes
    assert quote.span.text == "l'avenir de l'Ukraine est dans l'OTAN"
    assert quote.speaker == id_iri("person", "jens-stoltenberg")
    stoltenberg = doc.entities[id_iri("person", "jens-stoltenberg")]
    assert vocab_iri("role", "secretary-general") in {r.role for r in stoltenberg.roles}
    criticism = next(e for e in doc.events if e.event_type == vocab_iri("event-type", "criticism"))
    assert criticism.agents == [id_iri("person", "volodymyr-zelensky")]


def test_speech_first_person_and_unknown_names(nlp) -> None:
    doc = _extract(nlp, "extract-speech-belgrade.txt")
    speaker = id_iri("person", "elena-marchetti")
    marchetti = doc.entities[speaker]
    assert not marchetti.linked and marchetti.label == "Elena Marchetti"
    assert (vocab_iri("role", "special-envoy"), id_iri("org", "eu")) in {
        (r.role, r.organisation) for r in marchetti.roles}
    # "Je me suis rendue ... à Belgrade, où j'ai rencontré le président serbe": one happening, the
    # trip and the meeting where it went (told by either word)
    meeting = next(e for e in doc.events if "rencontré" in [e.trigger.text, *(m.text for m in e.mentions)])
    assert meeting.agents == [speaker]  # "j'ai rencontré": the speaker of the speech
    others = [p.actor for p in meeting.participants if p.actor != speaker]
    assert len(others) == 1
    serbian = doc.entities[others[0]]
    assert serbian.kind == "person" and serbian.affiliation == id_iri("state", "serbia")
    assert id_iri("place", "belgrade") in meeting.places
    assert doc.entities[id_iri("place", "belgrade")].kind == "place"
    # "Nos entretiens ont duré trois heures et demie": the same meeting, 3 h 30
    assert meeting.duration is not None and meeting.duration.iso == "PT3H30M"
    [quote] = doc.quotes
    assert quote.span.text == "l'Europe ne renoncera pas à l'élargissement"
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "iso", "approximate"),
    [
        ("Les deux dirigeants se sont rencontrés pendant deux jours à Paris.", "P2D", False),
        ("La réunion de Paris a duré près de quarante minutes.", "PT40M", True),
        ("La rencontre de Paris a duré vingt-huit heures.", "PT28H", False),
        ("Le sommet de Paris a duré une heure et quart.", "PT1H15M", False),
    ],
)
def test_durations_in_words(nlp, sentence: str, iso: str, approximate: bool) -> None:
    from diplograph.extract import extract

    doc = extract(read_text(sentence, "duration"), nlp)
    durations = [(e.duration.iso, e.duration.approximate) for e in doc.events if e.duration is not None]
    assert durations == [(iso, approximate)]


def test_clock_times_and_partial_dates(nlp) -> None:
    import datetime

    from diplograph.extract import extract

    text = "Le ministre a reçu son homologue à 15 heures. Des combats ont eu lieu en novembre."
    doc = extract(read_text(text, "dates", published=datetime.date(2025, 12, 3)), nlp)
    assert all(e.duration is None for e in doc.events)  # "à 15 heures" is a time of day
    fighting = next(e for e in doc.events if e.event_type == vocab_iri("event-type", "military-action"))
    assert (fighting.date.iso, fighting.date.precision) == ("2025-11", "month")


def test_meeting_on_the_sidelines_is_part_of_the_summit(nlp) -> None:
    from diplograph.extract import extract

    text = ("Le président brésilien Luiz Inácio Lula da Silva a rencontré mardi en marge du sommet du G20 "
            "à Rio de Janeiro le Premier ministre indien Narendra Modi.")
    doc = extract(read_text(text, "g20"), nlp)
    # "Je me suis rendue ... à Belgrade, où j'ai rencontré le président serbe": one happening, the
    # trip and the meeting where it went (told by either word)
    meeting = next(e for e in doc.events if "rencontré" in [e.trigger.text, *(m.text for m in e.mentions)])
    summit = next(e for e in doc.events if e.trigger.text == "sommet")
    assert {p.actor for p in meeting.participants} == {
        id_iri("person", "luiz-inacio-lula-da-silva"), id_iri("person", "narendra-modi")}
    assert [(r.relation, r.other) for r in meeting.relations] == [("partOf", summit.trigger.begin)]


def test_fronted_place_and_passive_meeting(nlp) -> None:
    from diplograph.extract import extract

    text = ("Le chef de la diplomatie chinoise, Wang Yi, a été reçu mardi à Paris par Emmanuel Macron. "
            "À Kiev, le ministre ukrainien des Affaires étrangères Andriï Sybiha a accusé la Russie de mentir.")
    doc = extract(read_text(text, "passive"), nlp)
    meeting = next(e for e in doc.events if e.event_type == MEETING)
    assert meeting.host == id_iri("person", "emmanuel-macron")
    assert id_iri("person", "wang-yi") in {p.actor for p in meeting.participants}
    accusation = next(e for e in doc.events if e.event_type == vocab_iri("event-type", "accusation"))
    assert accusation.places == [id_iri("place", "kyiv")]
    assert accusation.targets == [id_iri("state", "russia")]


def test_gazetteer_names_keep_their_capitals(nlp) -> None:
    from diplograph.extract import extract

    text = "Le ministre souhaite qu'il vienne à Paris. Un compromis reste possible, a-t-il dit."
    doc = extract(read_text(text, "case"), nlp)
    assert id_iri("place", "vienna") not in doc.entities  # the verb "vienne" is not the city Vienne
    assert id_iri("place", "paris") in doc.entities
    assert id_iri("org", "un") not in doc.entities  # the article "un" is not the UN
