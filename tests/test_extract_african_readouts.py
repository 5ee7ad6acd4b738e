"""Presidency readouts and joint communiqués of African states (issue 12).

Short texts written here, in the protocol style of such readouts: chains of titles before a
name ("le Président de la Transition, Chef de l'État, le Colonel X"; "Président de l'Union des
Comores et Président en exercice de l'Union africaine, Son Excellence Monsieur X"), the official
short name of a state ("le Président du Faso"), honorifics ("Dr."), and a communiqué that names
the visit as known before telling it in full.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str, published: str = "2023-06-24") -> ExtractedDocument:
    return extract_dated(text, "african-readout", published)


def people(event) -> set[str]:
    return {p.actor for p in event.participants}


def test_a_chain_of_titles_ending_on_a_rank_names_the_holder() -> None:
    doc = extract_text("Samedi à Conakry, le Président de la Transition, Chef de l'État, le Colonel Oumar Baldé, "
                       "a reçu le ministre comorien Ali Saïd, en présence du ministre des Affaires étrangères, "
                       "Dr. Sékou Camara.\n")
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("person", "oumar-balde"), id_iri("person", "ali-said"), id_iri("person", "sekou-camara")} \
        <= people(meeting)
    assert id_iri("person", "emmanuel-macron") not in people(meeting)  # no French head of state here


def test_two_coordinated_titles_then_his_excellency_name_one_person() -> None:
    doc = extract_text("Arrivé samedi à Conakry, le Président de l'Union des Comores et Président en exercice de "
                       "l'Union africaine, Son Excellence Monsieur Ali Saïd, y restera deux jours.\n")
    said = doc.entities[id_iri("person", "ali-said")]
    assert id_iri("state", "comoros") in {r.organisation for r in said.roles}
    assert not [e for e in doc.entities.values() if e.kind == "person" and e.label.startswith("Président")]


def test_the_president_of_the_faso_is_burkina_fasos() -> None:
    doc = extract_text("Le Président du Faso, Idrissa Sawadogo, est arrivé lundi à Djibouti.\n")
    sawadogo = doc.entities[id_iri("person", "idrissa-sawadogo")]
    assert [r.organisation for r in sawadogo.roles] == [id_iri("state", "burkina-faso")]


def test_a_visit_named_as_known_then_told_in_full_is_one_visit() -> None:
    doc = extract_text("Un communiqué conjoint a clos la visite officielle du Président du Faso, Idrissa "
                       "Sawadogo, à Djibouti.\n"
                       "Le Président Idrissa Sawadogo a effectué une visite officielle à Djibouti du 26 au "
                       "28 janvier 2021.\n", published="2021-01-29")
    visits = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len(visits) == 1
    assert visits[0].date is not None and visits[0].date.iso == "2021-01-26"


def test_the_subject_arriving_for_a_visit_is_the_visitor() -> None:
    doc = extract_text("Le président ghanéen Nana Akufo-Addo est arrivé jeudi à Lomé dans le cadre d'une "
                       "visite de travail de deux jours.\n"
                       "Le chef de l'État sénégalais Bassirou Diomaye Faye, arrivé la veille à Bamako, poursuit "
                       "ce samedi une visite de travail au Mali.\n", published="2024-05-26")
    first, second = [e for e in doc.events if e.trigger.text == "visite"]
    assert id_iri("person", "nana-akufo-addo") in people(first)
    assert id_iri("person", "bassirou-diomaye-faye") in people(second)


def test_the_subject_of_a_passive_reception_parsed_as_active_is_received() -> None:
    doc = extract_text("On se souvient que le président Moussa Diallo a été reçu la veille au soir à l'Elysée par "
                       "Emmanuel Macron.\n", published="2023-10-29")
    [reception] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("person", "moussa-diallo"), id_iri("person", "emmanuel-macron")} <= people(reception)


def test_a_fronted_tete_a_tete_is_the_talk_of_the_clause_that_follows() -> None:
    doc = extract_text("En tête-à-tête à Abidjan ce samedi, le président Moussa Diallo et son "
                       "homologue ivoirien, Alassane Ouattara ont parlé de la sécurité dans la région.\n",
                       published="2023-10-29")
    [talk] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("person", "moussa-diallo"), id_iri("person", "alassane-ouattara")} <= people(talk)


def test_an_exchange_behind_closed_doors_is_a_talk() -> None:
    doc = extract_text("Le président Moussa Diallo a été accueilli à l'aéroport par son homologue guinéen "
                       "Oumar Baldé. À la suite d'un échange à huis clos entre eux, les deux présidents "
                       "ont gagné le palais.\n", published="2024-05-26")
    talks = [e for e in doc.events if e.trigger.text.startswith("échange")]
    assert len(talks) == 1


def test_a_speaker_after_an_incise_of_the_reporting_verb_is_found() -> None:
    doc = extract_text("« Le dialogue a été utile », note, pour sa part, la présidence ghanéenne.\n")
    # the presidency is Ghana's institution (an organisation affiliated with Ghana), quoted under its name
    assert [q.speaker for q in doc.quotes] == [id_iri("org", "presidence-ghaneenne")]
    assert doc.entities[id_iri("org", "presidence-ghaneenne")].affiliation == id_iri("state", "ghana")


def test_a_summit_someone_will_attend_is_planned() -> None:
    doc = extract_text("Le président tchadien a quitté Ndjamena mercredi pour Addis-Abeba, où il prendra part "
                       "au sommet de l'Union africaine.\n", published="2024-03-15")
    [summit] = [e for e in doc.events if e.trigger.text == "sommet"]
    assert summit.status.endswith("/planned")


def test_demonyms_of_smaller_african_states_give_sides() -> None:
    doc = extract_text("Reçu en audience par le président sénégalais Macky Sall, le ministre gambien Mamadou "
                       "Tangara a transmis un message. Le ministre libérien Joseph Kollie était présent.\n",
                       published="2024-03-15")
    assert [r.organisation for r in doc.entities[id_iri("person", "mamadou-tangara")].roles] == \
        [id_iri("state", "gambia")]
    assert [r.organisation for r in doc.entities[id_iri("person", "joseph-kollie")].roles] == \
        [id_iri("state", "liberia")]


def test_a_qualified_office_names_the_one_minister_the_story_follows() -> None:
    doc = extract_text("Le ministre d'État, ministre des Affaires étrangères et de la Diaspora, M. Adama KONÉ, "
                       "a effectué une visite de travail à Lima. Le ministre KONÉ a été reçu par son homologue "
                       "péruvien, M. Ricardo SALAS. Il s'est ensuite entretenu avec la ministre du Commerce, "
                       "Mme Lucía BENÍTEZ. M. KONÉ a visité le port.\n"
                       "« Nos deux pays partagent une même ambition », a souligné le ministre ivoirien.\n",
                       published="2025-04-10")
    kone = id_iri("person", "adama-kone")
    assert [q.speaker for q in doc.quotes] == [kone]
    assert id_iri("state", "cote-d-ivoire") in {r.organisation for r in doc.entities[kone].roles}
    assert not [e for e in doc.entities.values() if e.label == "ministre ivoirien"]
