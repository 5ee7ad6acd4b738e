"""State-visit communiqués and readouts with unnamed office holders (issue 12, round B).

Short texts written here: a numbered communiqué opening with "À l'invitation de S.E. M. X,
..., S.E. M. Y, ... a effectué une visite d'État", family names in capitals and hyphenated,
talks told again as "Les deux chefs d'État ont eu un entretien en tête-à-tête", a title line
repeating the visit; and formal French titles ("le Premier ministre") on days around a handover.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_text

COMMUNIQUE = "\n\n".join([
    ("Communiqué conjoint à l'issue de la visite d'État du Président de la République de Norlande en "
     'République de Valdonie'),
    ("1. À l'invitation de Son Excellence M. Tomas VARGA, Président de la République de Valdonie, Son "
     "Excellence M. Hisham EL-MASRI, Président de la République de Norlande, a effectué une visite d'État "
     'en Valdonie du 3 au 5 mars 2025.'),
    ('2. À son arrivée, le Président EL-MASRI a été accueilli par le Président VARGA. Les deux chefs '
     "d'État ont eu un entretien en tête-à-tête. Ces entretiens se sont déroulés dans un climat cordial."),
    ('3. Le Président EL-MASRI a remercié le Président VARGA pour son accueil.'),
]) + "\n"


@pytest.fixture(scope="module")
def communique() -> ExtractedDocument:
    return extract_text(COMMUNIQUE, "state-visit", datetime.date(2025, 3, 5))


def test_a_capitalised_hyphenated_name_after_an_honorific_is_a_person(communique) -> None:
    guest = communique.entities.get(id_iri("person", "hisham-el-masri"))
    assert guest is not None and guest.kind == "person"
    # "le Président EL-MASRI" later is the same person, not a place named after him
    assert sum("EL-MASRI" in m.text for m in guest.mentions) >= 3
    assert not any(e.kind in ("place", "state") and "EL-MASRI" in e.label.upper()
                   for e in communique.entities.values())


def test_the_visit_is_one_meeting_hosted_by_the_inviter(communique) -> None:
    meetings = [e for e in communique.events if e.event_type in GATHERINGS]
    assert len(meetings) == 1, [e.trigger.text for e in meetings]
    (visit,) = meetings
    people = {p.actor for p in visit.participants}
    assert {id_iri("person", "hisham-el-masri"), id_iri("person", "tomas-varga")} <= people
    assert visit.host == id_iri("person", "tomas-varga")
    assert visit.date is not None and visit.date.iso == "2025-03-03"  # a range is dated by its first day


def test_no_state_is_named_after_a_title(communique) -> None:
    """"la visite d'État du Président de ...": État + du + a title is no state called "Président"."""
    assert not any(e.kind == "state" and e.label.lower().startswith("président")
                   for e in communique.entities.values())


@pytest.mark.parametrize(("published", "prime_minister", "foreign_minister"), [
    (datetime.date(2024, 5, 14), "gabriel-attal", "stephane-sejourne"),
    (datetime.date(2024, 10, 1), "michel-barnier", "jean-noel-barrot"),
    (datetime.date(2016, 3, 1), "manuel-valls", "jean-marc-ayrault"),
])
def test_formal_titles_name_the_holder_on_the_publication_day(published, prime_minister, foreign_minister) -> None:
    text = ("Le Premier ministre s'est entretenu ce jour avec son homologue indien. "
            "Le ministre de l'Europe et des Affaires étrangères recevra demain son homologue brésilien.")
    doc = extract_text(text, "titles", published)
    people = {e.iri for e in doc.entities.values() if e.kind == "person"}
    assert id_iri("person", prime_minister) in people
    assert id_iri("person", foreign_minister) in people


def test_a_lone_family_name_after_an_honorific_is_the_person_named_in_full() -> None:
    text = ("Le ministre délégué Bounthavy KEOLA a reçu son homologue à Vientiane. "
            "Selon M. KEOLA, les discussions ont été constructives.")
    doc = extract_text(text, "family-name", datetime.date(2018, 2, 6))
    people = [e for e in doc.entities.values() if e.kind == "person"]
    assert [e.iri for e in people if "keola" in e.iri] == [id_iri("person", "bounthavy-keola")]


READOUT = (
    "Le Président de la République s'est entretenu hier par téléphone avec le Président de la République "
    "de Colombie, M. Mateo Ruiz. Les deux chefs d'État ont fait le point sur le partenariat entre la France "
    "et la Colombie, adopté lors de la visite du Président de la République à Bogota en novembre dernier. "
    "L'échange a ensuite porté sur le climat. "
    "Le Président de la République a invité M. Ruiz à effectuer une visite officielle en France. "
    "Les deux pays tiendront la prochaine session de leur dialogue stratégique à Cali.")


@pytest.fixture(scope="module")
def readout() -> ExtractedDocument:
    return extract_text(READOUT, "readout", datetime.date(2024, 5, 14))


def test_a_month_said_last_is_the_last_one_before_publication(readout) -> None:
    (visit,) = [e for e in readout.events if e.trigger.text == "visite"
                and any(p.endswith("bogota") for p in e.places)]
    assert visit.date is not None and visit.date.iso == "2023-11"
    assert visit.status.endswith("occurred")


def test_the_exchange_is_the_call_between_two_people_not_a_visit_between_states(readout) -> None:
    (call,) = [e for e in readout.events if e.trigger.text.startswith("entretenu")]
    assert any(m.text == "échange" for m in call.mentions)


def test_a_visit_someone_is_invited_to_make_and_a_next_session_are_planned(readout) -> None:
    (visit,) = [e for e in readout.events if e.trigger.text == "visite"
                and not any(p.endswith("bogota") for p in e.places)]
    assert not visit.status.endswith("occurred")
    sessions = [e for e in readout.events if e.trigger.text == "dialogue"]
    assert all(not e.status.endswith("occurred") for e in sessions)


SUMMIT = (
    "Les dirigeants de la Communauté andine ont ouvert lundi à Quito un sommet consacré au commerce. "
    "Les travaux se sont déroulés sous la présidence du président équatorien, Julio Mena. "
    "La présidente péruvienne, Ana Solís, et le président bolivien, Tito Quispe, figuraient parmi les "
    "participants. Le Venezuela restait exclu des réunions au niveau ministériel. "
    "En marge du sommet, Mme Solís et M. Quispe se sont entretenus en tête-à-tête.")


@pytest.fixture(scope="module")
def summit() -> ExtractedDocument:
    return extract_text(SUMMIT, "summit", datetime.date(2025, 6, 3))


def _summit_event(doc: ExtractedDocument):
    begin = doc.source.text.index("sommet")
    return next(e for e in doc.events if e.trigger.begin == begin)


def test_the_chair_and_those_among_the_participants_take_part_in_the_summit(summit) -> None:
    people = {p.actor for p in _summit_event(summit).participants}
    assert {id_iri("person", "julio-mena"), id_iri("person", "ana-solis"), id_iri("person", "tito-quispe")} <= people


def test_the_summit_named_again_is_the_summit_not_a_kind_of_meeting_told_since(summit) -> None:
    assert not [e for e in summit.events if e.trigger.text == "réunions"]
    again = summit.source.text.index("sommet", summit.source.text.index("En marge"))
    assert any(m.begin == again for m in _summit_event(summit).mentions)


def test_a_summit_ended_on_a_day_is_dated_by_its_first_day() -> None:
    text = "Les dirigeants de la Communauté andine ont clôturé jeudi à Quito un sommet de trois jours."
    doc = extract_text(text, "ended-summit", datetime.date(2025, 6, 6))  # a Friday: "jeudi" is 5 June
    (summit,) = [e for e in doc.events if e.event_type in GATHERINGS]
    assert summit.date is not None and summit.date.iso == "2025-06-03"
    assert summit.duration is not None and summit.duration.iso == "P3D"


def test_reiterating_and_addressing_a_parliament_are_statements() -> None:
    text = ("Le président ghanéen, Kofi Mensah, s'est adressé au Parlement togolais. "
            "Il a réitéré le soutien de son pays à la médiation régionale.")
    doc = extract_text(text, "statements", datetime.date(2025, 6, 6))
    said = {e.trigger.text.split()[0] for e in doc.events if e.event_type.endswith("/statement")}
    assert {"adressé", "réitéré"} <= said


def test_the_two_leaders_are_the_heads_not_the_ministers_told_just_before() -> None:
    text = ("Le président ghanéen, Kofi Mensah, s'est entretenu par téléphone avec le président togolais, "
            "Yao Agbeko. Le ministre ghanéen des Affaires étrangères, Kwame Boateng, recevra demain son "
            "homologue togolais, Komi Dossou, à Accra. Les deux dirigeants sont convenus de rester en contact.")
    doc = extract_text(text, "leaders", datetime.date(2025, 6, 6))
    (agreed,) = [e for e in doc.events if e.event_type.endswith("/agreement")]
    people = {p.actor for p in agreed.participants}
    assert people == {id_iri("person", "kofi-mensah"), id_iri("person", "yao-agbeko")}


def test_the_two_heads_of_diplomacy_are_the_ministers() -> None:
    text = ("Le président ghanéen, Kofi Mensah, a reçu le président togolais, Yao Agbeko. Le ministre ghanéen "
            "des Affaires étrangères, Kwame Boateng, a ensuite reçu son homologue togolais, Komi Dossou. "
            "Les deux chefs de la diplomatie sont convenus de rester en contact.")
    doc = extract_text(text, "heads-of-diplomacy", datetime.date(2025, 6, 6))
    (agreed,) = [e for e in doc.events if e.event_type.endswith("/agreement")]
    ministers = {id_iri("person", "kwame-boateng"), id_iri("person", "komi-dossou")}
    assert {p.actor for p in agreed.participants} == ministers


def test_a_communique_named_in_the_title_line_is_dated_by_its_dateline(communique) -> None:
    """The communiqué closes a visit of 3-5 March: it is of its own day, not the visit's first."""
    (act,) = [e for e in communique.events if e.trigger.text.startswith("Communiqué")]
    assert act.date is not None and act.date.iso == "2025-03-05"


def test_a_venue_named_after_its_city_keeps_the_city_in_its_name() -> None:
    text = ("Les ministres de la Cemac se sont réunis mardi à Yaoundé. "
            "Les travaux se sont tenus au Centre des congrès de Yaoundé, sous la présidence du Cameroun.")
    doc = extract_text(text, "venue", datetime.date(2025, 6, 6))
    places = {e.label for e in doc.entities.values() if e.kind == "place"}
    assert "Centre des congrès de Yaoundé" in places
    assert "Centre des congrès" not in places
