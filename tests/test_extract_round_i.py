"""Translated readouts, radio dispatches, schedules of talks (issue 12, round I).

Short texts written here, in the ways such prose is built: a foreign ministry readout translated
from Russian gives long portfolio titles and initials before family names; a radio dispatch opens
on the state it reports from ("Au Tchad, ...") and names envoys by a former office; a dispatch
tells of talks put off to a weekday; an agreement may set up a plan of future consultations.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_at, event_kind, extract_text
from extracting import participant_sides as sides

READOUT = (
    "Le 14 avril, le ministre des Affaires étrangères de la Fédération de Russie, S.V. Lavrov, s'est entretenu "
    "à Moscou avec le ministre des Affaires étrangères et de la Coopération de la République du Bénin, "
    "M. Olushegun Adjadi Bakari, qui effectue une visite de travail en Russie du 13 au 15 avril.\n\n"
    "À l'issue des entretiens, les deux ministres ont signé un plan de consultations entre leurs ministères.\n\n"
    "Le même jour, le ministre béninois a été reçu par le président du Comité de la Douma d'État pour les "
    "affaires internationales, L.E. Sloutski.\n"
)


@pytest.fixture(scope="module")
def readout() -> ExtractedDocument:
    return extract_text(READOUT, "round-i-readout", datetime.date(2026, 4, 14))


def test_a_portfolio_joined_to_foreign_affairs_is_the_foreign_minister(readout) -> None:
    """"le ministre des Affaires étrangères et de la Coopération de la République du Bénin, M. X":
    X is Benin's foreign minister and sits on Benin's side at the talks."""
    talks = event_at(readout, "entretenu")
    assert sides(talks).get("olushegun-adjadi-bakari") == "benin"
    person = readout.entities["https://w3id.org/diplograph/id/person/olushegun-adjadi-bakari"]
    assert any(r.role.endswith("/foreign-minister") for r in person.roles)


def test_initials_before_a_family_name_after_a_title_name_a_person(readout) -> None:
    """"le président du Comité de la Douma d'État pour les affaires internationales, L.E. Sloutski":
    initials, then a family name (which the recogniser tags MISC there), are the person who holds the
    title and who received the minister."""
    reception = event_at(readout, "reçu")
    assert "l-e-sloutski" in sides(reception), sides(reception)


def test_a_plan_of_consultations_tells_no_gathering(readout) -> None:
    """"ont signé un plan de consultations": the plan sets up talks to come; no consultation is told."""
    assert not [e for e in readout.events if e.trigger.text == "consultations"]
    assert event_kind(event_at(readout, "signé")) == "agreement"


def test_a_reception_on_the_same_day_as_the_talks_is_a_meeting_of_its_own(readout) -> None:
    """The minister, on a stay "du 13 au 15 avril", met his counterpart on 14 April; "Le même jour",
    another host received him: a second meeting, on the talks' day, not the stay's first day."""
    reception = event_at(readout, "reçu")
    assert reception is not event_at(readout, "visite")
    assert reception.date is not None and reception.date.iso == "2026-04-14"


NAMES = (
    "Le 2 juin 2024, les ministres des Affaires étrangères Tomás Irarrázaval et Ingrid Solberg se sont "
    "entretenus par visioconférence.\n"
)


def test_an_accented_family_name_stays_part_of_the_name() -> None:
    """"Tomás Irarrázaval": the rare accented family name is part of the person's name, however the
    tagger classes the word."""
    doc = extract_text(NAMES, "round-i-names", datetime.date(2024, 6, 3))
    call = event_at(doc, "entretenus")
    assert "tomas-irarrazaval" in sides(call), sides(call)


DISPATCH = (
    "Au Niger, le président Amadou Sanda a reçu mardi à Niamey l'ancien président béninois Thomas Agossou, "
    "envoyé spécial de la Cédéao. Thomas Agossou devait ensuite s'entretenir avec le Premier ministre, "
    "mais cette rencontre aurait été reportée à jeudi, selon un proche du dossier.\n"
)


@pytest.fixture(scope="module")
def dispatch() -> ExtractedDocument:
    return extract_text(DISPATCH, "round-i-dispatch", datetime.date(2026, 3, 18))  # a Wednesday


def test_a_dispatch_opening_on_a_state_gives_bare_offices_that_state(dispatch) -> None:
    """"Au Niger, le président X a reçu ...": the radio reports from Niger; X is Niger's president."""
    audience = event_at(dispatch, "reçu")
    assert sides(audience).get("amadou-sanda") == "niger"


def test_a_former_office_gives_no_side_the_present_one_does(dispatch) -> None:
    """"l'ancien président béninois X, envoyé spécial de la Cédéao": X comes for the Cédéao, not for
    Benin, whose president he no longer is."""
    audience = event_at(dispatch, "reçu")
    assert sides(audience).get("thomas-agossou") == "ecowas", sides(audience)


def test_talks_put_off_to_a_weekday_are_planned_for_the_next_one(dispatch) -> None:
    """"cette rencontre aurait été reportée à jeudi", published on a Wednesday: the talks are now due
    on the next day, Thursday 19 March, and are one planned meeting with the talks announced before."""
    talks = event_at(dispatch, "entretenir")
    assert talks is event_at(dispatch, "rencontre")
    assert talks.status.endswith("/planned")
    assert talks.date is not None and talks.date.iso == "2026-03-19"


STAY = (
    "Quito, le 12 mai 2026 – La ministre des Affaires étrangères, Mme Anne Kessler, a effectué les 9 et 10 mai "
    "une visite de travail en Équateur. Le 9 mai, la ministre a été reçue par son homologue équatorienne, "
    "Mme Gabriela Sommerfeld. Le 10 mai, elle a rendu une visite de courtoisie au président de l'Assemblée "
    "nationale, M. Niels Olsen.\n"
)


def test_meetings_on_days_of_a_stay_are_not_the_stay_again() -> None:
    """A working visit told "les 9 et 10 mai", then a reception "Le 9 mai" and a courtesy call "Le 10
    mai": three gatherings, the reception and the call each with their own host and day."""
    doc = extract_text(STAY, "round-i-stay", datetime.date(2026, 5, 12))
    reception = event_at(doc, "reçue")
    visit, call = sorted((e for e in doc.events if e.trigger.text == "visite"), key=lambda e: e.trigger.begin)
    assert len({id(visit), id(reception), id(call)}) == 3
    assert "gabriela-sommerfeld" in sides(reception) and reception.date.iso == "2026-05-09"
    assert "niels-olsen" in sides(call) and call.date.iso == "2026-05-10"


BRIEFING = (
    "Point de presse du porte-parole\n\nLa Suisse condamne fermement l'attaque menée samedi contre un dépôt "
    "du Comité international de la Croix-Rouge.\n"
)


def test_a_present_the_tagger_reads_as_a_subjunctive_is_the_briefings_day() -> None:
    """"La Suisse condamne ...": a main verb in the present (a form the tagger may read as a
    subjunctive) is said on the day of the briefing."""
    doc = extract_text(BRIEFING, "round-i-briefing", datetime.date(2026, 10, 14))
    condemnation = event_at(doc, "condamne")
    assert condemnation.date is not None and condemnation.date.iso == "2026-10-14"


HISTORY = (
    "Histoire\n\nEn juin 1998, le ministre péruvien des Affaires étrangères, Luis Quintana, se rendit à Oslo. "
    "Il s'entretint avec son homologue norvégien, Knut Vollebæk. Les deux gouvernements signèrent à cette "
    "occasion un accord sur la pêche.\n"
)


def test_a_reference_works_simple_past_keeps_the_month_it_narrates() -> None:
    """An encyclopedia tells in the simple past: the talks and the agreement after "En juin 1998, X
    se rendit à Oslo" are of June 1998, not of the day the article was published."""
    doc = extract_text(HISTORY, "round-i-history", datetime.date(2026, 11, 20))
    for word in ("entretint", "signèrent"):
        event = event_at(doc, word)
        assert event.date is not None and event.date.iso == "1998-06", (word, event.date)


QUESTION = (
    "Q - Le gouvernement bolivien a annoncé hier la fermeture de son consulat à Lyon. Quelle est votre "
    "réaction ?\n\nR - Nous avons pris connaissance de cette décision.\n"
)


def test_an_act_asked_for_in_a_question_is_not_told() -> None:
    """"Quelle est votre réaction ?": the journalist asks the spokesman for a reaction; the question
    tells none (the announcement it quotes is told)."""
    doc = extract_text(QUESTION, "round-i-question", datetime.date(2026, 10, 14))
    assert not [e for e in doc.events if e.trigger.text == "réaction"]
    assert event_kind(event_at(doc, "annoncé")) == "announcement"


SIDELINES = (
    "Le 15 novembre, en marge du sommet de l'APEC à Lima, le président chilien Andrés Morales et le Premier "
    "ministre japonais Kenji Sato se sont entretenus pendant une heure.\n"
)


def test_talks_on_the_sidelines_of_a_summit_the_same_day_are_not_the_summit() -> None:
    """"Le 15 novembre, en marge du sommet ..., X et Y se sont entretenus": the summit frames the
    talks; two gatherings of the same day, the talks with their two people."""
    doc = extract_text(SIDELINES, "round-i-sidelines", datetime.date(2025, 11, 16))
    talks = event_at(doc, "entretenus")
    assert talks.trigger.text == "entretenus"
    assert sides(talks) == {"andres-morales": "chile", "kenji-sato": "japan"}, sides(talks)


LIGHT_VERB = (
    "Le 12 juin 2003, en marge du sommet de l'Union africaine à Maputo, le président ghanéen Kwame Asante et "
    "le président kényan Daniel Mwangi ont eu leur premier entretien.\n"
)


def test_a_day_fronted_before_a_framing_summit_dates_the_talks_it_frames() -> None:
    """"Le 12 juin 2003, en marge du sommet ..., X et Y ont eu leur premier entretien": the day is the
    talks' too; the summit named between the day and the verb does not keep it for itself."""
    doc = extract_text(LIGHT_VERB, "round-i-light-verb", datetime.date(2026, 1, 5))
    talks = event_at(doc, "entretien")
    assert talks.date is not None and talks.date.iso == "2003-06-12", talks.date


FRAMED = (
    "Le sommet de l'Union africaine s'est ouvert le 10 juin 2003 à Maputo. Le 12 juin 2003, en marge du sommet, "
    "le président ghanéen Kwame Asante et le président kényan Daniel Mwangi ont eu leur premier entretien.\n"
)


def test_talks_framed_after_a_fronted_day_are_held_where_the_summit_is() -> None:
    """"Le 12 juin 2003, en marge du sommet, X et Y ont eu leur premier entretien", after a summit
    opened in Maputo: the talks were held where the summit was."""
    doc = extract_text(FRAMED, "round-i-framed", datetime.date(2026, 1, 5))
    talks = event_at(doc, "entretien")
    assert any(p.endswith("/maputo") for p in talks.places), talks.places


def test_a_future_the_tagger_reads_as_a_present_is_still_to_come() -> None:
    """"Les deux ministres signeront un protocole d'accord jeudi", in a release of Monday 2 November:
    the signing is planned for Thursday 5 November, not done the Thursday before."""
    doc = extract_text("Les deux ministres signeront un protocole d'accord jeudi.\n", "round-i-future",
                       datetime.date(2026, 11, 2))
    signing = event_at(doc, "signeront")
    assert signing.status.endswith("/planned")
    assert signing.date is not None and signing.date.iso == "2026-11-05"
