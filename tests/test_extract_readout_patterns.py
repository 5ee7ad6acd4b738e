"""Constructions of ministry readouts and agency dispatches, checked on short texts we wrote.

Each test writes a few sentences in the way real readouts are built (invented people and
places) and checks a fact a reader sees: what kind of act a verb reports, which mentions
tell one visit, which planned meeting follows up which.
"""

from __future__ import annotations

import datetime

from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import vocab_iri
from extracting import extract_text


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


GATHERINGS = {vocab_iri("event-type", s) for s in ("meeting", "negotiation", "consultation")}


def gatherings(doc: ExtractedDocument) -> list[Event]:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def test_the_reception_of_the_visitor_is_the_visit_with_its_host() -> None:
    text = ("LISBONNE, 3 juin 2026 - Le ministre portugais des Affaires étrangères, Jan Ostberg, se rendra "
            "lundi prochain en Norvège, a annoncé mercredi son ministère. À Oslo, M. Ostberg sera reçu "
            "par le Premier ministre norvégien, Tarmo Kivi.\n\n"
            "Ce déplacement intervient un mois après la visite au Portugal du Premier ministre finlandais, "
            "Aivar Saar, reçu en mai par la présidente portugaise, Ilse Varnholt.\n")
    doc = extract_text(text, "reception-visit", datetime.date(2026, 6, 3))
    visit = event_at(doc, "se rendra lundi prochain")
    assert visit is event_at(doc, "sera reçu par le Premier ministre")
    assert {"jan-ostberg", "tarmo-kivi"} <= {p.actor.rsplit("/", 1)[-1] for p in visit.participants}
    earlier = event_at(doc, "la visite au Portugal")
    assert earlier is event_at(doc, "reçu en mai")
    assert {"aivar-saar", "ilse-varnholt"} <= {p.actor.rsplit("/", 1)[-1] for p in earlier.participants}
    assert len(gatherings(doc)) == 2, [e.trigger.text for e in gatherings(doc)]


def test_a_palace_not_in_the_gazetteer_lies_in_the_city_of_the_meeting() -> None:
    text = ("RABAT, 15 septembre 2026 - Les ministres marocain et portugais des Affaires étrangères se sont "
            "réunis mardi à Rabat. La ministre marocaine, Ilse Varnholt, a reçu son homologue portugais, "
            "Tarmo Kivi, au palais de Santa Lucía, siège de la diplomatie marocaine.\n")
    doc = extract_text(text, "venue-city", datetime.date(2026, 9, 15))
    assert len(gatherings(doc)) == 1, [e.trigger.text for e in gatherings(doc)]
    assert {p.rsplit("/", 1)[-1] for p in gatherings(doc)[0].places} == {"rabat", "palais-de-santa-lucia"}


def follow_ups(doc: ExtractedDocument, event: Event) -> set[int]:
    return {r.other for r in event.relations if r.relation == "followUpOf"}


def test_only_a_meeting_said_to_continue_the_talks_follows_them_up() -> None:
    text = ("OSLO, 4 mai 2026 - Le ministre norvégien des Affaires étrangères, Jan Ostberg, a reçu mardi "
            "à Oslo son homologue portugais, Tarmo Kivi. Les deux ministres ont évoqué la sécurité "
            "maritime.\n\n"
            "Le Premier ministre norvégien se rendra à Lisbonne en juin pour une visite officielle. "
            "Les deux ministres se retrouveront en septembre à Porto. Ils se reverront aussi en marge du "
            "sommet de l'OTAN, en juillet.\n")
    doc = extract_text(text, "follow-ups", datetime.date(2026, 5, 4))
    meeting = event_at(doc, "a reçu mardi")
    assert follow_ups(doc, event_at(doc, "se retrouveront en septembre")) == {meeting.trigger.begin}
    assert not follow_ups(doc, event_at(doc, "se rendra à Lisbonne"))  # other people: a visit of its own
    assert not follow_ups(doc, event_at(doc, "se reverront aussi"))  # part of the summit, not of this meeting


def test_what_the_two_ministers_agreed_at_the_end_of_the_call_is_dated_by_the_call() -> None:
    text = ("La ministre portugaise des Affaires étrangères, Mme Ilse Varnholt, s'est entretenue ce mercredi "
            "par téléphone avec son homologue marocain, M. Tarmo Kivi. Mme Varnholt a salué la qualité du "
            "dialogue.\n\n"
            "Les deux ministres sont convenus de se retrouver à Lisbonne le 9 juin.\n")
    doc = extract_text(text, "agreed-dated", datetime.date(2026, 5, 20))
    agreed = event_at(doc, "sont convenus")
    assert kind(agreed) == "agreement"
    assert agreed.date is not None and agreed.date.iso == "2026-05-20"


def test_fighting_is_the_context_of_the_meeting_only_when_the_text_frames_it_so() -> None:
    text = ("Le ministre norvégien des Affaires étrangères, Jan Ostberg, a reçu mardi à Oslo son homologue "
            "portugais, Tarmo Kivi. La rencontre s'est tenue dans un contexte de combats persistants dans "
            "l'est du pays.\n\n"
            "Les deux ministres ont condamné les frappes menées le 7 janvier contre les ports de la région.\n")
    doc = extract_text(text, "context-frame", datetime.date(2026, 1, 14))
    meeting = event_at(doc, "a reçu mardi")
    context = {r.other for r in meeting.relations if r.relation == "context"}
    assert event_at(doc, "combats persistants").trigger.begin in context
    assert event_at(doc, "les frappes menées").trigger.begin not in context


def test_a_sea_or_a_gulf_is_a_place_and_the_country_in_its_name_no_actor() -> None:
    text = ("Les deux ministres ont évoqué la liberté de navigation en mer de Chine méridionale et la "
            "sécurité maritime dans le golfe de Guinée. Ils ont condamné les actes de sabotage commis "
            "en mer Baltique.\n")
    doc = extract_text(text, "seas", datetime.date(2026, 3, 2))
    places = {e.label for e in doc.entities.values() if e.kind == "place"}
    assert {"mer de Chine méridionale", "golfe de Guinée", "mer Baltique"} <= places
    states = {e.iri.rsplit("/", 1)[-1] for e in doc.entities.values() if e.kind == "state"}
    assert not {"china", "guinea"} & states


def test_the_sea_whose_zones_were_discussed_is_not_where_the_ministers_met() -> None:
    text = ("Le Premier ministre grec, Nikos Andreou, et le vice-président turc, Murat Ozkan, se sont "
            "rencontrés mardi à Ankara.\n\n"
            "Au cours des discussions, les deux responsables ont abordé la délimitation des zones maritimes "
            "en mer Égée et la question migratoire.\n")
    doc = extract_text(text, "topic-sea", datetime.date(2026, 9, 23))
    meeting = event_at(doc, "se sont rencontrés mardi")
    assert meeting is event_at(doc, "Au cours des discussions")
    assert [p.rsplit("/", 1)[-1] for p in meeting.places] == ["ankara"]


def test_appeals_with_their_object_thanks_and_courtesy() -> None:
    text = ("RIGA, 20 mars 2026 - Les ministres des Affaires étrangères se sont réunis vendredi à Riga. "
            "Nous appelons la Russie à cesser ses provocations, et nous invitons nos partenaires à aller "
            "plus loin. La ministre lettone a remercié son hôte et a informé ses homologues des préparatifs "
            "du sommet. Elle a encouragé Vilnius à poursuivre ses réformes.\n\n"
            "Je vous remercie.\n")
    doc = extract_text(text, "appeals", datetime.date(2026, 3, 20))
    assert kind(event_at(doc, "Nous appelons la Russie")) == "appeal"
    invite = event_at(doc, "nous invitons nos partenaires")
    assert kind(invite) == "appeal"
    assert invite.status == vocab_iri("event-status", "occurred")  # "invitons" is a present, not a future
    assert kind(event_at(doc, "a remercié son hôte")) == "statement"
    assert kind(event_at(doc, "a informé ses homologues")) == "statement"
    assert kind(event_at(doc, "Elle a encouragé Vilnius")) == "appeal"
    begin = doc.source.text.index("Je vous remercie")
    assert not [e for e in doc.events if begin <= e.trigger.begin < begin + 16]


def test_a_palace_after_au_is_the_venue_of_the_meeting() -> None:
    text = ("ANKARA, 24 septembre 2026 - Le Premier ministre grec, Nikos Andreou, et le vice-président turc, "
            "Murat Ozkan, se sont rencontrés mercredi à Ankara. La rencontre s'est déroulée au palais "
            "présidentiel.\n\n"
            "La veille, M. Andreou avait été reçu au palais de Çankaya Köşkü par le président turc.\n")
    doc = extract_text(text, "venues", datetime.date(2026, 9, 24))
    places = {e.label for e in doc.entities.values() if e.kind == "place"}
    assert {"palais présidentiel", "palais de Çankaya Köşkü"} <= places
    meeting = event_at(doc, "se sont rencontrés mercredi")
    assert {"ankara", "palais-presidentiel"} <= {p.rsplit("/", 1)[-1] for p in meeting.places}
    assert not [e for e in doc.entities.values() if e.kind == "person" and "Çankaya" in e.label]


def test_the_two_ministers_who_will_meet_again_are_those_of_the_meeting_just_told() -> None:
    text = ("BRUXELLES, 5 novembre 2026 - La ministre belge des Affaires étrangères, Sofie Verhaegen, a reçu "
            "mercredi au palais d'Egmont son homologue vietnamien, Tran Van Khoa. M. Tran a invité son "
            "homologue à se rendre au Vietnam l'an prochain.\n\n"
            "La rencontre de Bruxelles a duré une heure. Elle a été suivie d'un déjeuner de travail.\n\n"
            "Les deux ministres se retrouveront le mois prochain à Jakarta.\n")
    doc = extract_text(text, "meet-again", datetime.date(2026, 11, 5))
    meeting = event_at(doc, "a reçu")
    assert meeting is event_at(doc, "La rencontre de Bruxelles")  # the city says where, not who
    again = event_at(doc, "se retrouveront le mois prochain")
    assert {"sofie-verhaegen", "tran-van-khoa"} <= {p.actor.rsplit("/", 1)[-1] for p in again.participants}


def test_a_place_fronted_after_a_fronted_time_places_the_statement() -> None:
    text = ("VIENNE, 12 février 2026 - La semaine dernière, à Moscou, le ministre russe des Affaires "
            "étrangères, Sergueï Lavrov, a affirmé que l'Europe n'avait pas sa place dans les négociations.\n")
    doc = extract_text(text, "fronted-time-place", datetime.date(2026, 2, 12))
    said = event_at(doc, "a affirmé")
    assert [p.rsplit("/", 1)[-1] for p in said.places] == ["moscow"]


def test_a_compound_past_split_by_pour_sa_part_is_a_statement_of_its_subject() -> None:
    text = ("LIMA, 21 janvier 2026 - Le président chilien, Andrés Valdivia, et la présidente péruvienne, "
            "Rosa Quispe, se sont réunis mardi à Lima. « Nous tournons la page », a déclaré Mme Quispe. "
            "M. Valdivia a pour sa part salué « un voisinage enfin apaisé ».\n")
    doc = extract_text(text, "pour-sa-part", datetime.date(2026, 1, 21))
    welcomed = event_at(doc, "a pour sa part salué")
    assert kind(welcomed) == "statement"
    assert welcomed.agents and welcomed.agents[0].rsplit("/", 1)[-1].endswith("valdivia")


def test_whom_an_appeal_asks_is_not_where_it_was_made() -> None:
    text = ("ATHÈNES, 24 septembre 2026 - La ministre grecque des Affaires étrangères, Eleni Vlachou, a demandé "
            "mardi à Ankara de cesser les survols au-dessus des îles grecques.\n")
    doc = extract_text(text, "addressee", datetime.date(2026, 9, 24))
    appeal = event_at(doc, "a demandé")
    assert kind(appeal) == "appeal"
    assert not [p for p in appeal.places if p.endswith("/ankara")]
