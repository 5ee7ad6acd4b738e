"""Visit readouts, regional summits and peace-talk articles (issue 12, round C).

Short texts written here, in the ways real readouts and dispatches write: family names in
capitals after a first name the recogniser cuts short, a working visit told over two days with
successive meetings, a place given once and carried on.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_text

VISIT = (
    "Quito, le 12 mai 2025 – Le ministre des Affaires étrangères, M. Tomas VELASCO, a reçu hier son "
    "homologue bolivien, M. Javier MAMANI CONDORI. Les deux ministres ont évoqué la coopération "
    "andine. Le ministre a ensuite reçu la ministre Mme Ana Lucía TORRES. M. MAMANI CONDORI a salué "
    "un dialogue franc.\n"
)


@pytest.fixture(scope="module")
def visit() -> ExtractedDocument:
    return extract_text(VISIT, "round-c-visit", datetime.date(2025, 5, 12))


def test_family_names_in_capitals_after_a_first_name_belong_to_the_name(visit) -> None:
    guest = visit.entities.get(id_iri("person", "javier-mamani-condori"))
    assert guest is not None and guest.kind == "person"
    # "M. MAMANI CONDORI" later is the same person, not a second one
    assert sum("MAMANI CONDORI" in m.text for m in guest.mentions) == 2
    assert id_iri("person", "ana-lucia-torres") in visit.entities
    assert not any(e.kind == "person" and e.label in ("Javier Mamani", "Ana Lucía")
                   for e in visit.entities.values())


def test_a_ministry_dateline_in_lower_case_is_not_the_date_of_the_visit() -> None:
    text = ("Dakar, le 20 juin 2025 – La ministre des Affaires étrangères, Mme Awa NDIAYE, a effectué les "
            "16 et 17 juin 2025 une visite de travail à Accra.\n")
    doc = extract_text(text, "round-c-dateline", datetime.date(2025, 6, 20))
    (visit,) = [e for e in doc.events if e.event_type.endswith("/meeting")]
    assert visit.date is not None and visit.date.iso == "2025-06-16"  # the visit's first day, not the dateline's


def test_an_audience_is_a_meeting_with_whom_it_was_held() -> None:
    text = ("Le ministre des Affaires étrangères, M. Tomas VELASCO, a eu jeudi une audience auprès du président "
            "de la République, M. Pablo ORTEGA. Il a ensuite rencontré la ministre du Commerce, Mme Lucía "
            "BENAVIDES.\n")
    doc = extract_text(text, "round-c-audience", datetime.date(2025, 5, 12))
    meetings = sorted((e for e in doc.events if e.event_type.endswith("/meeting")), key=lambda e: e.trigger.begin)
    assert len(meetings) == 2, [e.trigger.text for e in meetings]
    audience = meetings[0]
    assert audience.trigger.text == "audience"
    # "auprès", read as an adverb by the tagger, still introduces whom the audience was with
    assert id_iri("person", "pablo-ortega") in {p.actor for p in audience.participants}


def test_a_long_title_between_commas_still_names_its_holder() -> None:
    text = ("Le ministre d'État, ministre des Affaires étrangères, de la Coopération et de la Diaspora, "
            "M. Paul KOFFI, a reçu mardi l'ambassadrice du Canada à Dakar, accréditée au Mali, Mme Claire "
            "MARTIN.\n")
    doc = extract_text(text, "round-c-titles", datetime.date(2025, 5, 14))
    koffi = doc.entities[id_iri("person", "paul-koffi")]
    martin = doc.entities[id_iri("person", "claire-martin")]
    assert any(r.role.endswith("/foreign-minister") for r in koffi.roles)
    assert any(r.role.endswith("/ambassador") for r in martin.roles)
    assert not any(r.role.endswith("/ambassador") for r in koffi.roles)


def test_officials_met_on_a_visit_to_a_city_serve_the_state_the_city_is_given_in() -> None:
    text = ("Abidjan, le 10 avril 2025 – Le ministre des Affaires étrangères, M. Paul KOFFI, a effectué une "
            "visite de travail à Lima, capitale du Pérou. Il a été reçu par la présidente de la République, "
            "Mme Rosa QUISPE, à qui il a transmis une invitation à effectuer une visite officielle en Côte "
            "d'Ivoire.\n")
    doc = extract_text(text, "round-c-host-city", datetime.date(2025, 4, 10))
    peru = id_iri("state", "peru")
    quispe = doc.entities[id_iri("person", "rosa-quispe")]
    # the visit told as made is to Peru; the one she is invited to make is not where she serves
    assert quispe.roles and all(r.organisation == peru for r in quispe.roles)
    koffi = doc.entities[id_iri("person", "paul-koffi")]
    assert koffi.roles and all(r.organisation != peru for r in koffi.roles)  # the guest serves no host


def test_a_given_name_and_a_family_name_in_capitals_is_a_person_even_without_a_title() -> None:
    text = ("Délégation du gouvernement : Teresa ALCANTARA, conseillère pour la paix ; Jean-Marc KOUASSI, "
            "conseiller juridique.\n\nMme ALCANTARA a salué « une avancée ».\n")
    doc = extract_text(text, "round-c-list-names", datetime.date(2023, 9, 4))
    alcantara = doc.entities.get(id_iri("person", "teresa-alcantara"))
    assert alcantara is not None and alcantara.kind == "person"
    (quote,) = doc.quotes
    assert quote.speaker == alcantara.iri  # "Mme ALCANTARA" is the person of the list, not a second one


def test_a_fronted_role_before_the_holders_usual_title_is_his() -> None:
    text = ("Le ministre des Affaires étrangères, M. Adama TRAORÉ, est arrivé lundi à Lima. Chef de la "
            "délégation, le ministre TRAORÉ était accompagné de M. Jean KOUAME.\n")
    doc = extract_text(text, "round-c-fronted-role", datetime.date(2025, 4, 10))
    traore = doc.entities[id_iri("person", "adama-traore")]
    assert {r.role.rsplit("/", 1)[-1] for r in traore.roles} >= {"foreign-minister", "head-of-delegation"}
    kouame = doc.entities[id_iri("person", "jean-kouame")]
    assert not any(r.role.endswith("/head-of-delegation") for r in kouame.roles)
