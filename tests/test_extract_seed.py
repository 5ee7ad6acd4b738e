"""Extraction on the seed article: the facts a reader of the text finds there.

Each assertion comes from reading corpus/2025-12-02-kremlin-meeting.fr.txt, not from what
the extractor happened to output. spaCy is loaded once for the module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument, Span
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document

PUTIN = id_iri("person", "vladimir-putin")
USHAKOV = id_iri("person", "yuri-ushakov")
DMITRIEV = id_iri("person", "kirill-dmitriev")
WITKOFF = id_iri("person", "steve-witkoff")
KUSHNER = id_iri("person", "jared-kushner")
ZELENSKY = id_iri("person", "volodymyr-zelensky")
RUSSIA = id_iri("state", "russia")
USA = id_iri("state", "usa")
UKRAINE = id_iri("state", "ukraine")
MEETING = vocab_iri("event-type", "meeting")
PLANNED = vocab_iri("event-status", "planned")
OCCURRED = vocab_iri("event-status", "occurred")


@pytest.fixture(scope="module")
def nlp():
    from diplograph.analyse import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def seed(nlp, seed_path: Path) -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(seed_path), nlp)


def _main_meeting(doc: ExtractedDocument):
    meetings = [e for e in doc.events if e.event_type == MEETING and e.status == OCCURRED]
    assert meetings, "no occurred meeting"
    return meetings[0]


def test_main_meeting_date_place_duration(seed: ExtractedDocument) -> None:
    meeting = _main_meeting(seed)
    assert meeting.trigger.text == "reçu"
    assert meeting.date is not None and meeting.date.iso == "2025-12-02" and meeting.date.precision == "day"
    assert id_iri("place", "kremlin") in meeting.places
    assert id_iri("place", "moscow") in meeting.places
    assert meeting.duration is not None
    assert (meeting.duration.iso, meeting.duration.approximate) == ("PT5H", True)
    assert meeting.host == PUTIN
    assert id_iri("org", "kremlin") in meeting.according_to
    assert vocab_iri("issue", "peace-plan") in meeting.topics


def test_main_meeting_participants_and_sides(seed: ExtractedDocument) -> None:
    meeting = _main_meeting(seed)
    sides = {p.actor: p.side for p in meeting.participants}
    assert sides == {PUTIN: RUSSIA, USHAKOV: RUSSIA, DMITRIEV: RUSSIA, WITKOFF: USA, KUSHNER: USA}
    roles = {p.actor: p.role for p in meeting.participants}
    assert roles[PUTIN] == vocab_iri("role", "president")
    assert roles[USHAKOV] == vocab_iri("role", "diplomatic-adviser")
    # each participation is grounded where the text says so: Ushakov in the delegation sentence
    ushakov = next(p for p in meeting.participants if p.actor == USHAKOV)
    body = seed.source.text
    sentence_start = body.index("La délégation russe comprenait")
    assert ushakov.evidence is not None and ushakov.evidence.text == "Iouri Ouchakov"
    assert sentence_start < ushakov.evidence.begin < body.index("Côté américain")


def test_back_references_do_not_create_meetings(seed: ExtractedDocument) -> None:
    # "La réunion, qui a duré...", "Ces entretiens...", "La rencontre a permis..." are the same meeting
    occurred = [e for e in seed.events if e.event_type == MEETING and e.status == OCCURRED]
    assert len(occurred) == 1


def test_ushakov_quotes(seed: ExtractedDocument) -> None:
    texts = {q.span.text: q for q in seed.quotes}
    first = "aucune solution de compromis (sur les territoires) n'a encore été choisie"
    assert set(texts) == {first, "beaucoup de travail"}
    for quote in texts.values():
        assert quote.speaker == USHAKOV
        assert quote.statement is not None
        statement = next(e for e in seed.events if e.trigger.begin == quote.statement)
        assert statement.event_type == vocab_iri("event-type", "statement")
        assert statement.agents == [USHAKOV]


def test_four_disagreement_points_between_russia_and_usa(seed: ExtractedDocument) -> None:
    points = seed.issue_points
    assert [p.issue.rsplit("/", 1)[-1] for p in points] == [
        "occupied-territories", "security-guarantees", "security-demands", "frozen-assets"]
    for point in points:
        assert point.kind == "disagreement"
        assert set(point.parties) == {RUSSIA, USA}
        assert point.identified_in == _main_meeting(seed).trigger.begin


def test_zelensky_reservations_and_accusation(seed: ExtractedDocument) -> None:
    stances = {(p.holder, p.stance.rsplit("/", 1)[-1], p.issue.rsplit("/", 1)[-1]) for p in seed.positions}
    assert (ZELENSKY, "has-reservations", "peace-plan") in stances
    assert (ZELENSKY, "accuses", "sanctions") in stances
    accusation = next(e for e in seed.events if e.event_type == vocab_iri("event-type", "accusation"))
    assert accusation.agents == [ZELENSKY]
    assert accusation.targets == [RUSSIA]
    main = _main_meeting(seed).trigger.begin
    assert any(r.relation == "reactsTo" and r.other == main for r in accusation.relations)


def test_planned_meeting_in_europe_follows_up(seed: ExtractedDocument) -> None:
    planned = [e for e in seed.events if e.event_type == MEETING and e.status == PLANNED]
    assert len(planned) == 1
    meeting = planned[0]
    assert meeting.places == [id_iri("place", "europe")]
    sides = {p.side for p in meeting.participants}
    assert sides == {USA, UKRAINE}
    assert any(r.relation == "followUpOf" for r in meeting.relations)


def test_roles_and_unnamed_actors(seed: ExtractedDocument) -> None:
    witkoff = seed.entities[WITKOFF]
    assert [(r.role, r.organisation) for r in witkoff.roles] == [(vocab_iri("role", "envoy"), USA)]
    groups = {e.iri for e in seed.entities.values() if e.kind == "group"}
    assert id_iri("group", "dirigeants-europeens") in groups
    assert id_iri("group", "responsables-ukrainiens") in groups
    assert seed.entities[id_iri("group", "autorites-russes")].affiliation == RUSSIA
    # the EU foreign-affairs chief is not named: one unnamed person holding that role
    chief = [e for e in seed.entities.values()
             if any(r.role == vocab_iri("role", "eu-foreign-affairs-chief") for r in e.roles)]
    assert len(chief) == 1 and chief[0].kind == "person" and not chief[0].linked


def test_headings_are_never_entities(seed: ExtractedDocument) -> None:
    headings = [s.heading for s in seed.source.sections if s.heading is not None]
    for entity in seed.entities.values():
        for mention in entity.mentions:
            assert all(mention.end <= h.begin or mention.begin >= h.end for h in headings), entity.label


def _spans(doc: ExtractedDocument) -> list[Span]:
    spans: list[Span] = []
    for entity in doc.entities.values():
        spans += entity.mentions + [r.evidence for r in entity.roles]
    for event in doc.events:
        spans += [event.trigger, event.sentence]
        spans += [v.evidence for v in (event.date, event.duration) if v is not None]
        spans += [p.evidence for p in event.participants if p.evidence is not None]
    spans += [q.span for q in doc.quotes] + [p.evidence for p in doc.positions]
    spans += [p.evidence for p in doc.issue_points]
    return spans


def test_every_span_is_the_text_at_its_offsets(seed: ExtractedDocument) -> None:
    body = seed.source.text
    spans = _spans(seed)
    assert len(spans) > 100
    for span in spans:
        assert body[span.begin:span.end] == span.text


def test_extraction_is_deterministic(nlp, seed_path: Path, seed: ExtractedDocument) -> None:
    from diplograph.extract import extract

    again = extract(read_document(seed_path), nlp)
    assert repr(again) == repr(seed)
