"""What is part of a visit or a summit, the day a part inherits, and crises set as backdrop (issue 12,
round rel). Short texts written here (invented people, real states), in the style of news reports on
state visits and regional summits."""

from __future__ import annotations

from diplograph.model import Event, ExtractedDocument
from extracting import event_at, extract_dated


def extract_text(text: str, published: str) -> ExtractedDocument:
    return extract_dated(text, "rel", published)


def part_of(doc: ExtractedDocument, event: Event) -> set[int]:
    """Trigger offsets of the events ``event`` is part of (inverse links turned around)."""
    return {r.other for r in event.relations if r.relation == "partOf"}


def related(event: Event, relation: str) -> set[int]:
    return {r.other for r in event.relations if r.relation == relation}


VISIT = ("Le président de la République portugaise, Rui Falcão, a achevé mardi soir une visite d'État de deux "
         "jours au Sénégal.\n\n"
         "Arrivé lundi après-midi à Dakar, M. Falcão a été accueilli par son homologue sénégalais, Amadou Ndiaye.\n\n"
         "Au deuxième jour de sa visite, le président Falcão a eu un tête-à-tête d'une heure avec M. Ndiaye "
         "au palais de la République.\n\n"
         "Les deux pays ont ensuite signé quatre accords de coopération.\n\n"
         "Au cours de son séjour, M. Falcão s'est également entretenu avec le président de l'Assemblée "
         "nationale, Moussa Diallo.\n")


def the_visit(doc: ExtractedDocument) -> Event:
    """The visit told first (its later mentions, "sa visite", may be nodes of their own)."""
    return min((e for e in doc.events if e.trigger.text == "visite"), key=lambda e: e.trigger.begin)


def test_a_tete_a_tete_on_the_second_day_of_a_visit_is_part_of_it_and_on_that_day() -> None:
    doc = extract_text(VISIT, "2026-11-18")
    talk = event_at(doc, "tête-à-tête")
    assert part_of(doc, talk) & {e.trigger.begin for e in doc.events if e.trigger.text == "visite"}
    assert talk.date is not None and talk.date.iso == "2026-11-17"  # Monday 16 + one day


def test_a_signing_by_the_visits_states_is_part_of_the_visit() -> None:
    doc = extract_text(VISIT, "2026-11-18")
    visit = the_visit(doc)
    signing = event_at(doc, "signé")
    assert visit.trigger.begin in part_of(doc, signing)


def test_a_talk_during_his_stay_is_part_of_the_visit() -> None:
    doc = extract_text(VISIT, "2026-11-18")
    talk = event_at(doc, "entretenu")
    assert part_of(doc, talk) & {e.trigger.begin for e in doc.events if e.trigger.text == "visite"}
    assert talk.date is None  # a visit of two days: which of them is not said


SUMMIT = ("Les chefs d'État de la CEDEAO se sont réunis samedi à Lomé pour un sommet ordinaire. La rencontre "
          "s'est tenue sur fond de crise politique à Bissau.\n\n"
          "La veille, les ministres des Affaires étrangères avaient tenu une réunion préparatoire.\n\n"
          "En marge du sommet, le président ghanéen Kwame Asante s'est entretenu avec son homologue ivoirien, "
          "Laurent Kouadio. Les deux dirigeants sont convenus de réunir leur commission mixte.\n\n"
          "Le président sénégalais, Ousmane Diop, a pour sa part reçu le Premier ministre cap-verdien, "
          "Carlos Tavares.\n\n"
          "Dans le cadre de ces assises, les ministres des Finances ont par ailleurs signé un protocole douanier.\n\n"
          "Le lendemain, dimanche, une délégation conduite par Moussa Garba s'est rendue à Bissau pour y rencontrer "
          "le général Umaro Sanhá.\n")


def test_a_meeting_told_after_one_on_the_summits_sidelines_is_held_there_that_day_not_the_next_days() -> None:
    doc = extract_text(SUMMIT, "2026-12-06")
    summit = event_at(doc, "réunis")
    received = event_at(doc, "reçu")
    assert summit.trigger.begin in part_of(doc, received)
    assert received.date is not None and received.date.iso == "2026-12-05"
    mission = event_at(doc, "rendue")  # "Le lendemain": another day, no part of a one-day summit
    assert not part_of(doc, mission)
    assert mission.date is not None and mission.date.iso == "2026-12-06"


def test_a_protocol_signed_within_these_proceedings_is_part_of_the_summit() -> None:
    doc = extract_text(SUMMIT, "2026-12-06")
    summit = event_at(doc, "réunis")
    protocol = event_at(doc, "signé")
    assert summit.trigger.begin in part_of(doc, protocol)


def test_a_crisis_set_as_backdrop_is_the_summits_context() -> None:
    doc = extract_text(SUMMIT, "2026-12-06")
    summit = event_at(doc, "réunis")
    crisis = event_at(doc, "crise")
    assert crisis.event_type.endswith("/controversy")
    assert crisis.trigger.begin in related(summit, "context")


def test_a_preparatory_meeting_the_eve_precedes_the_summit() -> None:
    doc = extract_text(SUMMIT, "2026-12-06")
    summit = event_at(doc, "réunis")
    eve = event_at(doc, "réunion")
    assert eve.trigger.begin in related(summit, "precededBy")
    assert eve.date is not None and eve.date.iso == "2026-12-04"
