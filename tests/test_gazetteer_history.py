"""Unnamed office holders of past years (issue 12, pattern 2): the gazetteer's history of offices.

Real articles we read were published from 2008 on: "le président américain" of a 2010 readout is
Barack Obama, of a 2018 one Donald Trump; "le président russe" of 2009 is Dmitri Medvedev. The
holders come from the dg:RoleHolding dates of ontology/vocab/actors.ttl (day precision where the
office changed hands on a known day), so these tests check that data through the real pipeline.
Texts written here.
"""

from __future__ import annotations

import pytest

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from extracting import extract_dated

RECEPTION = "Le président américain a reçu mardi le président français à la Maison-Blanche.\n"


def gathering_people(doc: ExtractedDocument) -> set[str]:
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    return {p.actor for p in meeting.participants}


def person(slug: str) -> str:
    return id_iri("person", slug)


@pytest.mark.parametrize(("published", "american", "french"), [
    ("2010-03-09", "barack-obama", "nicolas-sarkozy"),
    ("2018-04-24", "donald-trump", "emmanuel-macron"),
    ("2022-12-01", "joe-biden", "emmanuel-macron"),
])
def test_the_american_president_is_who_held_the_office_that_day(published: str, american: str, french: str) -> None:
    doc = extract_dated(RECEPTION, "history-reception", published)
    assert gathering_people(doc) == {person(american), person(french)}
    roles = {(r.role, r.organisation) for r in doc.entities[person(american)].roles}
    assert (vocab_iri("role", "president"), id_iri("state", "usa")) in roles


def test_the_russian_president_of_2009_is_medvedev_and_the_prime_minister_putin() -> None:
    doc = extract_dated("Le président russe s'est entretenu jeudi au Kremlin avec le Premier ministre "
                        "britannique.\n", "history-kremlin", "2009-11-12")
    assert gathering_people(doc) == {person("dmitry-medvedev"), person("gordon-brown")}
    doc = extract_dated("Le Premier ministre russe a rencontré lundi à Moscou le chef de la diplomatie "
                        "chinoise.\n", "history-moscow", "2010-06-07")
    assert gathering_people(doc) == {person("vladimir-putin"), person("yang-jiechi")}


def test_a_handover_day_belongs_to_the_successor() -> None:
    """On 13 July 2016 Theresa May became Prime Minister; the day before, David Cameron still was."""
    text = "La chancelière allemande a téléphoné au Premier ministre britannique.\n"
    before = extract_dated(text, "history-call", "2016-07-12")
    after = extract_dated(text, "history-call", "2016-07-13")
    assert gathering_people(before) == {person("angela-merkel"), person("david-cameron")}
    assert gathering_people(after) == {person("angela-merkel"), person("theresa-may")}


def test_past_chiefs_of_international_organisations() -> None:
    doc = extract_dated("Le secrétaire général de l'ONU a rencontré vendredi à Bruxelles le président de la "
                        "Commission européenne.\n", "history-chiefs", "2012-05-04")
    assert gathering_people(doc) == {person("ban-ki-moon"), person("jose-manuel-barroso")}
    doc = extract_dated("Le secrétaire général de l'Otan s'est entretenu lundi avec la présidente de la "
                        "Commission de l'Union africaine.\n", "history-chiefs", "2015-03-02")
    assert {person("jens-stoltenberg"), person("nkosazana-dlamini-zuma")} <= gathering_people(doc)


def test_a_surname_of_a_former_leader_links_the_gazetteer_person_with_side_and_office() -> None:
    doc = extract_dated("Le président ukrainien Petro Porochenko a reçu lundi à Kiev le ministre allemand "
                        "des Affaires étrangères, Frank-Walter Steinmeier. Porochenko a remercié "
                        "Steinmeier.\n", "history-kyiv", "2015-02-02")
    poroshenko = doc.entities[person("petro-poroshenko")]
    assert poroshenko.affiliation == id_iri("state", "ukraine")
    assert len(poroshenko.mentions) == 2
    steinmeier = doc.entities[person("frank-walter-steinmeier")]
    assert len(steinmeier.mentions) == 2
    assert gathering_people(doc) == {person("petro-poroshenko"), person("frank-walter-steinmeier")}


def test_the_american_head_of_diplomacy_is_the_secretary_of_state_of_that_day() -> None:
    text = "Le chef de la diplomatie américaine s'est entretenu lundi à Paris avec son homologue russe.\n"
    assert gathering_people(extract_dated(text, "history-diplomacy", "2014-01-13")) == {
        person("john-kerry"), person("sergey-lavrov")}
    assert gathering_people(extract_dated(text, "history-diplomacy", "2019-06-03")) == {
        person("mike-pompeo"), person("sergey-lavrov")}
