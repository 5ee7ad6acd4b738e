"""Security Council releases, Gulf mediation dispatches, Baltic readouts, Asian agency reports
(issue 12, round E).

Short texts written here, in the ways such prose is built: a ministry dateline without a year,
a visitor "en visite de travail" received by a host, names the recogniser does not know after a
title, "respectivement", "cheikh X" and "K. X" for people named in full before, "appeler ... à
« ... »", a pronoun pointing forward to the subject of its sentence, "La veille" of a past act
after a day still to come, a meeting in an "où" clause on a trip's destination.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_text


def kind(event: Event) -> str:
    return event.event_type.rsplit("/", 1)[-1]


def event_at(doc: ExtractedDocument, word: str) -> Event:
    """The event whose trigger or one of whose mentions is ``word``."""
    found = [e for e in doc.events if e.trigger.text == word or any(m.text == word for m in e.mentions)]
    assert len(found) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in doc.events]
    return found[0]


def people(event: Event) -> set[str]:
    return {p.actor.rsplit("/", 1)[-1] for p in event.participants}


# ------------------------------------------------------------------ a readout of a working visit
READOUT = (
    "Oslo, le 4 mars – Le ministre lituanien des Affaires étrangères Kęstutis Jonaitis, en visite de travail en "
    "Norvège, a été reçu ce mercredi par le Premier ministre de Norvège, Erik Solheim. Le ministre a ensuite "
    "rencontré son homologue norvégienne, Ingrid Dahl. Selon K. Jonaitis, les deux pays doivent coordonner "
    "leurs achats d'armement. Les deux ministres ont également signé une déclaration commune. Il participera à "
    "la réunion des ministres nordiques et baltes qui se tiendra le 20 mars à Copenhague. La veille, dès son "
    "arrivée, le ministre avait visité le port d'Oslo, où il s'était entretenu avec son directeur, Lars Holm.\n"
)


@pytest.fixture(scope="module")
def readout() -> ExtractedDocument:
    return extract_text(READOUT, "round-e-readout", datetime.date(2026, 3, 4))


def test_an_initial_and_a_family_name_are_the_person_named_in_full(readout) -> None:
    """"Selon K. Jonaitis" is Kęstutis Jonaitis, not a second person."""
    assert id_iri("person", "k-jonaitis") not in readout.entities
    jonaitis = readout.entities[id_iri("person", "kestutis-jonaitis")]
    assert any(m.text == "K. Jonaitis" for m in jonaitis.mentions)


# ------------------------------------------------------------------ an Asian state agency report
AGENCY = (
    "Phnom Penh (AKP) – Dans la matinée du 12 mai, le Premier ministre Nguyen Van Long et ses homologues "
    "thaïlandais et lao, respectivement Somchai Wongsakul et Khamphou Vongsa, ont coprésidé à Phnom Penh le "
    "5e Sommet du Mékong. Le chef du gouvernement vietnamien était accompagné du ministre des Affaires "
    "étrangères Tran Quoc Son. Le même jour, il a été reçu par le roi du Cambodge et président du Conseil "
    "royal, Norodom Vichet, qui a salué la « confiance mutuelle » entre les deux pays.\n"
)


@pytest.fixture(scope="module")
def agency() -> ExtractedDocument:
    return extract_text(AGENCY, "round-e-agency", datetime.date(2026, 5, 13))


def test_names_the_recogniser_does_not_know_after_a_title_are_people(agency) -> None:
    """"le ministre des Affaires étrangères Tran Quoc Son" ("Son" is also a French word), "...,
    président du Conseil royal, Norodom Vichet" (tagged MISC), "respectivement ... et Khamphou
    Vongsa" (tagged LOC there, a person where a title announces it)."""
    for slug in ("tran-quoc-son", "norodom-vichet", "khamphou-vongsa", "somchai-wongsakul"):
        assert agency.entities[id_iri("person", slug)].kind == "person", slug
    assert id_iri("place", "khamphou-vongsa") not in agency.entities


def test_respectivement_pairs_the_demonyms_with_the_names(agency) -> None:
    """"ses homologues thaïlandais et lao, respectivement Y et Z": Y is Thailand's Prime Minister,
    Z Laos's."""
    def offices(slug: str) -> set[tuple[str, str]]:
        return {(r.role.rsplit("/", 1)[-1], (r.organisation or "").rsplit("/", 1)[-1])
                for r in agency.entities[id_iri("person", slug)].roles}

    assert ("prime-minister", "thailand") in offices("somchai-wongsakul")
    assert ("prime-minister", "laos") in offices("khamphou-vongsa")


# ------------------------------------------------------------------ appeals, reports, pronouns
GULF = ("ABOU DHABI, 8 juin 2026 (AFP) - Le ministre émirien des Affaires étrangères, cheikh Abdallah ben Zayed "
        "Al Nahyane, a reçu samedi soir à Abou Dhabi une délégation soudanaise, a indiqué dimanche le ministère. "
        "Quelques heures plus tôt, cheikh Abdallah s'était entretenu par téléphone avec le ministre égyptien des "
        "Affaires étrangères, Karim Fawzi.\n")


def test_a_courtesy_title_and_a_given_name_are_the_person_named_in_full() -> None:
    """Gulf usage: "cheikh Abdallah" after "cheikh Abdallah ben Zayed Al Nahyane" is that person."""
    doc = extract_text(GULF, "round-e-cheikh", datetime.date(2026, 6, 8))
    assert id_iri("person", "abdallah") not in doc.entities
    call = event_at(doc, "entretenu par téléphone")
    assert {"abdallah-ben-zayed-al-nahyane", "karim-fawzi"} <= people(call)
