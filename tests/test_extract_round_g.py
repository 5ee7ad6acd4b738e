"""Presidency audiences, Caribbean and Swiss ministry readouts, Gulf dispatches and encyclopedia
articles on peace conferences (issue 12, round G).

Short texts written here, in the ways such prose is built: a courtesy title right after a venue
with no comma ("au Palais X S.E.M. Y"), hyphenated family names in capitals, a delegation list
"State : Name, office", the chief of a federal foreign-affairs department, "depuis" before a year.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import event_at, extract_text
from extracting import participant_sides as sides
from extracting import participant_slugs as people

AUDIENCE = (
    "Le Président de la République, S.E.M. Paul ITOUA, a reçu en audience ce jeudi au Palais du Peuple "
    "S.E.M. Jorge NETO, Ministre des Affaires étrangères de Sao Tomé-et-Principe.\n\n"
    "Le Ministre des Mines, M. Aimé NGOLO-MBEMBA, et le Ministre du Plan, M. Guy ELENGA-POATY, ont pris "
    "part à cet entretien.\n"
)


@pytest.fixture(scope="module")
def audience() -> ExtractedDocument:
    return extract_text(AUDIENCE, "round-g-audience", datetime.date(2025, 5, 8))


def test_a_courtesy_title_after_a_venue_opens_a_person_not_more_of_the_venue(audience) -> None:
    """"au Palais du Peuple S.E.M. Jorge NETO": the recogniser runs the venue's name on over the
    title and the guest's name; the title announces a person, so the venue ends before it."""
    neto = audience.entities.get(id_iri("person", "jorge-neto"))
    assert neto is not None and neto.kind == "person"
    assert not [iri for iri in audience.entities if "s-e-m" in iri or "neto" in iri and "/place/" in iri]
    assert "jorge-neto" in people(event_at(audience, "reçu"))


def test_a_hyphenated_family_name_in_capitals_is_one_person(audience) -> None:
    """"M. Aimé NGOLO-MBEMBA": the recogniser cuts the family name and tags its last part as an
    organisation; after a courtesy title the given name and the capitals are one person's name."""
    assert id_iri("person", "aime-ngolo-mbemba") in audience.entities
    assert not [iri for iri in audience.entities if iri.endswith("/mbemba") or iri.endswith("/aime")]
    assert {"aime-ngolo-mbemba", "guy-elenga-poaty"} <= people(event_at(audience, "reçu"))


READOUT = (
    "Niamey, le lundi 3 mars 2025 – Le Ministre des Affaires étrangères, M. Issa MAMANE, a reçu en audience "
    "S.E.M. Tomás RIVAS, Conseiller spécial, Chef du Cabinet civil du Président de la République du Chili, "
    "porteur d'un message de son homologue chilien, S.E.M. Andrés PRIETO.\n\n"
    "Le Directeur de cabinet du Ministre, M. Hamidou GARBA, a pris part à cet entretien.\n\n"
    "D'après le Conseiller spécial chilien, la coopération minière entre le Niger et le Chili a été au "
    "centre des échanges.\n"
)


@pytest.fixture(scope="module")
def readout() -> ExtractedDocument:
    return extract_text(READOUT, "round-g-readout", datetime.date(2025, 3, 3))


def test_bare_offices_of_a_readout_are_those_of_the_state_of_its_dateline(readout) -> None:
    """"Niamey, le lundi 3 mars 2025 – Le Ministre des Affaires étrangères, M. X": a ministry dates its
    readout where it sits and names its own people by a bare office; they serve Niger."""
    mamane = readout.entities[id_iri("person", "issa-mamane")]
    assert {(r.role.rsplit("/", 1)[-1], r.organisation) for r in mamane.roles} == {
        ("foreign-minister", id_iri("state", "niger"))}
    audience = event_at(readout, "reçu")
    assert sides(audience).get("issa-mamane") == "niger"
    assert sides(audience).get("hamidou-garba") == "niger"


def test_a_capitalised_title_completed_by_a_state_office_says_whom_the_person_serves(readout) -> None:
    """"X, Conseiller spécial, Chef du Cabinet civil du Président de la République du Chili": X runs
    the Chilean president's office; X is not Chile's president, and sits on Chile's side."""
    rivas = readout.entities[id_iri("person", "tomas-rivas")]
    assert "president" not in {r.role.rsplit("/", 1)[-1] for r in rivas.roles}
    assert sides(event_at(readout, "reçu")).get("tomas-rivas") == "chile"


def test_nobody_is_the_counterpart_of_someone_of_their_own_state(readout) -> None:
    """"... X, ..., porteur d'un message de son homologue chilien, Y": X is Chilean, so "son
    homologue chilien" is the Nigerien host's counterpart: Y takes the host's office for Chile, not
    X's, and "le Conseiller spécial chilien" later is X, not Y."""
    prieto = readout.entities[id_iri("person", "andres-prieto")]
    assert ("foreign-minister", id_iri("state", "chile")) in {
        (r.role.rsplit("/", 1)[-1], r.organisation) for r in prieto.roles}
    assert "adviser" not in {r.role.rsplit("/", 1)[-1] for r in prieto.roles}


ENCYCLOPEDIA = (
    "Conférence de Lomé (2008)\n\n"
    "La conférence de Lomé est une réunion tenue en 2008 au Togo entre le Niger et le Bénin.\n\n"
    "Délégations\n\n"
    "- Niger : Moussa Idrissa, ministre des Affaires étrangères, chef de délégation ; colonel Ali Zakari, "
    "chef d'état-major adjoint.\n"
    "- Bénin : Jean-Pierre Houngbo, ministre des Affaires étrangères.\n"
    "- Union africaine (observateur) : Marie-Claire Ondo, envoyée spéciale.\n"
)


@pytest.fixture(scope="module")
def encyclopedia() -> ExtractedDocument:
    return extract_text(ENCYCLOPEDIA, "round-g-encyclopedia", datetime.date(2020, 1, 1))


def test_a_delegation_line_gives_each_named_member_the_side_before_the_colon(encyclopedia) -> None:
    """"- Niger : X, ministre ..., chef de délégation ; colonel Y, ...": each name after the colon
    (hyphenated given names too, a rank set aside) is a person of that side, with the offices the
    line gives, and takes part in the conference the article is about."""
    conference = event_at(encyclopedia, "réunion")
    assert {("moussa-idrissa", "niger"), ("ali-zakari", "niger"), ("jean-pierre-houngbo", "benin"),
            ("marie-claire-ondo", "african-union")} <= set(sides(conference).items())
    idrissa = encyclopedia.entities[id_iri("person", "moussa-idrissa")]
    assert {r.role.rsplit("/", 1)[-1] for r in idrissa.roles} == {"foreign-minister", "head-of-delegation"}
    assert not [iri for iri in encyclopedia.entities if iri.endswith("niger-moussa-idrissa")]


def test_a_title_glued_by_a_hyphen_to_more_words_is_another_office(encyclopedia) -> None:
    """"chef d'état-major adjoint" is no head of state ("chef d'État" is only the start of it)."""
    zakari = encyclopedia.entities[id_iri("person", "ali-zakari")]
    assert not {r.role.rsplit("/", 1)[-1] for r in zakari.roles} & {"head-of-state", "president"}


def test_a_year_after_depuis_starts_a_period_and_dates_no_event() -> None:
    """"la première visite ... depuis 2019": 2019 is when the period without visits began, not the
    date of the visit told (nor of any other event of the sentence)."""
    text = ("Berne, 18.03.2025 – La ministre X a reçu ce mardi à Berne le ministre autrichien Anton Huber. "
            "Il s'agissait de la première visite officielle d'un ministre autrichien en Suisse depuis 2019.\n")
    doc = extract_text(text, "round-g-since", datetime.date(2025, 3, 18))
    assert not [e for e in doc.events if e.date is not None and e.date.iso.startswith("2019")]


def test_the_chief_of_a_federal_foreign_affairs_department_is_a_foreign_minister() -> None:
    """"Le conseiller fédéral X, chef du Département fédéral des affaires étrangères (DFAE)": the Swiss
    way of naming the foreign minister (vocabulary data, ontology/vocab/roles.ttl)."""
    text = ("Berne, 18.03.2025 – Le conseiller fédéral Urs Brunner, chef du Département fédéral des affaires "
            "étrangères (DFAE), a reçu ce mardi à Berne la ministre maltaise Anna Borg.\n")
    doc = extract_text(text, "round-g-dfae", datetime.date(2025, 3, 18))
    brunner = doc.entities[id_iri("person", "urs-brunner")]
    assert "foreign-minister" in {r.role.rsplit("/", 1)[-1] for r in brunner.roles}


def test_a_title_line_whose_gathering_the_body_names_joins_no_other_gathering() -> None:
    """The encyclopedia article of round G: its title line "Conférence de paix d'Accra (2012)" is the
    conference the lead defines ("La conférence de paix d'Accra est une conférence ..."); the failed
    "première rencontre" at Bobo-Dioulasso told after it stays a meeting of its own."""
    from pathlib import Path

    from diplograph.reader import read_document

    source = read_document(Path(__file__).parent / "texts" / "real-style-accra-peace-conference-encyclopedia.txt")
    doc = extract_text(source.text, "round-g-title-line", source.published)
    meeting = next(e for e in doc.events
                   if e.trigger.text == "rencontre" or any(m.text == "rencontre" for m in e.mentions))
    assert not any("onférence" in m.text for m in (meeting.trigger, *meeting.mentions))


CALL = (
    "Le Ministre des Affaires étrangères, S.E.M. Paul DORVAL, a eu ce lundi un entretien téléphonique avec "
    "son homologue de la République Dominicaine, S.E.M. Luis PEÑA. L'échange a duré une quarantaine de "
    "minutes.\n\n"
    "Les deux Chanceliers sont convenus de convoquer une réunion. Le Chancelier DORVAL a indiqué que la "
    "commission mixte se réunirait, sans en préciser la date.\n"
)


@pytest.fixture(scope="module")
def call() -> ExtractedDocument:
    return extract_text(CALL, "round-g-call", datetime.date(2025, 6, 3))


def test_a_counterpart_of_a_state_named_in_full_holds_the_same_office_for_it(call) -> None:
    """"son homologue de la République Dominicaine, Y": the state named after "de" (not a demonym)
    is the counterpart's; Y is the Dominican foreign minister and sits on that side."""
    pena = call.entities[id_iri("person", "luis-pena")]
    assert ("foreign-minister", id_iri("state", "dominican-republic")) in {
        (r.role.rsplit("/", 1)[-1], r.organisation) for r in pena.roles}


def test_a_capitalised_title_is_not_a_place(call) -> None:
    """"Les deux Chanceliers": a title written with a capital, which the recogniser tags as a place."""
    assert not [iri for iri in call.entities if "chancelier" in iri]


def test_a_round_number_of_minutes_is_an_approximate_duration(call) -> None:
    """"a duré une quarantaine de minutes": about forty minutes."""
    durations = [e.duration for e in call.events if e.duration is not None]
    assert [(d.iso, d.approximate) for d in durations] == [("PT40M", True)]


def test_a_speech_verb_after_sans_and_a_clitic_is_no_statement(call) -> None:
    """"sans en préciser la date": what was not said is no statement."""
    assert not [e for e in call.events if e.trigger.text == "préciser"]


def test_a_clause_with_its_own_subject_and_auxiliary_after_a_fronted_frame_is_an_event() -> None:
    """"Lors d'un point de presse commun, les deux ministres ont appelé à un cessez-le-feu": the
    parser hangs the clause on "point"; with its subject and tense auxiliary it still tells an act."""
    text = ("Les discussions ont aussi porté sur la situation au Proche-Orient. Lors d'un point de presse commun, "
            "les deux ministres ont appelé à un cessez-le-feu durable à Gaza.\n")
    doc = extract_text(text, "round-g-finite", datetime.date(2025, 3, 18))
    assert [e.event_type.rsplit("/", 1)[-1] for e in doc.events if e.trigger.text.startswith("appelé")] == ["appeal"]


def test_ensuite_carries_the_day_of_the_story_to_a_gathering_of_other_people() -> None:
    """"Le Président X a reçu ce mardi Y ... Y a indiqué que ... Le Président a ensuite accordé une
    audience à Z": "ensuite" continues the story's Tuesday, whoever the sentence before was about."""
    text = ("Le Président Paul Itoua a reçu en audience ce mardi le ministre ghanéen Kwame Boateng. "
            "Le ministre Boateng a indiqué que la coopération progressait.\n\n"
            "Le Président Itoua a ensuite accordé une audience à l'ambassadeur du Japon, Kenji Ito.\n")
    doc = extract_text(text, "round-g-ensuite", datetime.date(2025, 10, 14))
    audience = next(e for e in doc.events if e.trigger.text == "audience" and e.trigger.begin > 150)
    assert audience.date is not None and audience.date.iso == "2025-10-14"


def test_la_veille_counts_from_the_story_day_not_from_a_day_told_in_the_pluperfect() -> None:
    """"Les deux ministres s'étaient déjà rencontrés le 15 février. ... La veille, X s'était entretenu
    par téléphone avec Z": the pluperfect looks back; "la veille" is the day before the visit told."""
    text = ("La ministre Anna Keller a reçu le 18 mars à Berne son homologue belge Luc Dumont. "
            "Les deux ministres s'étaient déjà rencontrés brièvement le 15 février à Munich.\n\n"
            "La veille, Mme Keller s'était entretenue par téléphone avec son homologue autrichien Franz Bauer.\n")
    doc = extract_text(text, "round-g-veille", datetime.date(2025, 3, 18))
    call = next(e for e in doc.events if "téléphone" in e.trigger.text or e.trigger.text.startswith("entretenue"))
    assert call.date is not None and call.date.iso == "2025-03-17"


def test_a_gathering_being_prepared_is_to_come_and_no_mention_of_the_call() -> None:
    """"s'est entretenu par téléphone avec Y de la préparation de la réunion ministérielle de l'OSCE":
    the ministerial meeting is planned, another event than the call."""
    text = ("Le ministre Urs Brunner s'est entretenu lundi par téléphone avec son homologue autrichien Franz Bauer "
            "de la préparation de la réunion ministérielle de l'OSCE.\n")
    doc = extract_text(text, "round-g-preparation", datetime.date(2025, 3, 18))
    meeting = next(e for e in doc.events if e.trigger.text == "réunion" or any(m.text == "réunion" for m in e.mentions))
    assert meeting.trigger.text == "réunion" and meeting.status.endswith("planned")


def test_a_state_whose_people_took_part_adds_nobody_to_the_gathering_told() -> None:
    """"X a reçu à Berne le ministre ... de Belgique, Y. Il s'agissait de la première visite officielle en
    Suisse d'un chef de la diplomatie belge": Belgium, whose minister was there, is no new participant."""
    text = ("Le conseiller fédéral Urs Brunner a reçu ce mardi à Berne le vice-premier ministre et ministre des "
            "Affaires étrangères de Belgique, Luc Dumont, pour une visite de travail. Il s'agissait de la première "
            "visite officielle en Suisse d'un chef de la diplomatie belge depuis 2019.\n")
    doc = extract_text(text, "round-g-visit-again", datetime.date(2025, 3, 18))
    assert len([e for e in doc.events if e.event_type.endswith("/meeting")]) == 1
