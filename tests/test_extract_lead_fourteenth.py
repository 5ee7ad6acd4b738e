"""Constructions of real prose the lead read in real agency, ministry and summit texts (issue 12,
lead's fourteenth round): presiding officers of parliaments, visits whose length comes before
their destination.

The texts below are ours, with invented people. Each test that asserts a new rule failed on the
code before it; the guards say what the rule must leave.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides


def _roles(doc, slug: str) -> set[tuple[str, str | None]]:
    entity = next(e for e in doc.entities.values() if e.iri.endswith("/" + slug))
    return {(r.role.rsplit("/", 1)[-1], r.organisation.rsplit("/", 1)[-1] if r.organisation else None)
            for r in entity.roles}


def test_the_president_of_a_national_assembly_presides_a_parliament_not_the_state() -> None:
    # a visiting head of state meets the presiding officer of the host's parliament: "les deux
    # présidents" who then speak to the press are the two heads of state, not the guest and the
    # officer named last
    doc = extract_dated(
        "Le président béninois, Paul Dossou, a achevé mardi une visite d'État de deux jours au Ghana. "
        "Il a été reçu lundi par son homologue ghanéen, Kofi Asante. Au cours de son séjour, M. Dossou "
        "s'est également entretenu avec le président de l'Assemblée nationale, Kwame Mensah. Lors d'une "
        "conférence de presse conjointe, les deux présidents ont annoncé la tenue d'un forum économique "
        "à Cotonou en mars.",
        "speaker", "2026-11-18")
    assert _roles(doc, "kwame-mensah") == {("speaker", "ghana")}
    assert participant_sides(event_at(doc, "entretenu")) == {"paul-dossou": "benin", "kwame-mensah": "ghana"}
    announced = event_at(doc, "annoncé")
    assert {a.rsplit("/", 1)[-1] for a in announced.agents} == {"paul-dossou", "kofi-asante"}


def test_a_senate_president_and_a_head_of_state_keep_their_own_offices() -> None:
    doc = extract_dated(
        "La présidente du Sénat, Awa Traoré, a reçu jeudi à Bamako le président nigérien Issa Moussa.",
        "senate", "2026-11-20")
    assert {r for r, _ in _roles(doc, "awa-traore")} == {"speaker"}
    assert {r for r, _ in _roles(doc, "issa-moussa")} == {"president"}


def test_a_visit_whose_length_comes_before_its_destination_gives_the_bare_offices_their_state() -> None:
    # "une visite d'État de deux jours au Sénégal": the host is the state after the length; the
    # later invitation to visit the guest's country does not make the host's officers the guest's
    doc = extract_dated(
        "Le président de la République portugaise, Rui Falcão, a achevé mardi une visite d'État de deux "
        "jours au Sénégal. Au cours de son séjour, il s'est entretenu avec le ministre de la Pêche, "
        "Ousmane Faye. M. Falcão a invité son homologue à effectuer une visite d'État au Portugal.",
        "visit-length", "2026-11-18")
    assert participant_sides(event_at(doc, "entretenu")) == {"rui-falcao": "portugal", "ousmane-faye": "senegal"}


def _part_of(doc, part: str, whole: str) -> bool:
    event, other = event_at(doc, part), event_at(doc, whole)
    return any(r.relation.endswith("partOf") and r.other == other.trigger.begin for r in event.relations)


def test_what_a_speech_given_at_a_summit_says_is_part_of_the_summit() -> None:
    doc = extract_dated(
        "Le 12e sommet de la Communauté sahélienne a débuté samedi à Niamey.\n\n"
        "Dans un discours inaugural prononcé lors du sommet, le président de la Commission, Idrissa "
        "Maïga, a affirmé la solidarité des pays membres avec les populations déplacées.",
        "speech-at-summit", "2026-02-15")
    assert _part_of(doc, "affirmé", "sommet")


def test_an_act_told_during_a_video_conference_is_part_of_it() -> None:
    doc = extract_dated(
        "La ministre moldave Ana Cebotari et le commissaire Pieter Hals ont tenu mardi une "
        "visioconférence. Lors de cette visioconférence, Mme Cebotari a présenté les réformes de la justice.",
        "during-video", "2026-02-17")
    assert _part_of(doc, "présenté", "visioconférence")


def test_a_speech_given_elsewhere_is_no_part_of_the_summit_told() -> None:
    doc = extract_dated(
        "Le 12e sommet de la Communauté sahélienne a débuté samedi à Niamey.\n\n"
        "Dans un discours prononcé la veille à Dakar, le président sénégalais Amadou Ndiaye a affirmé "
        "son soutien aux populations déplacées.",
        "speech-elsewhere", "2026-02-15")
    assert event_at(doc, "affirmé").relations == []


def test_a_frame_before_a_reporting_incise_frames_what_is_reported_not_the_report() -> None:
    # the aides report the call afterwards: their statement is no part of the call
    doc = extract_dated(
        "Paul Dossou et Kofi Asante se sont entretenus vendredi par téléphone. Lors de cet échange "
        "téléphonique, qui a duré dix minutes, les deux présidents ont \"évoqué la sécurité au Sahel\", "
        "a précisé l'entourage du président béninois.",
        "incise-frame", "2026-11-20")
    assert event_at(doc, "précisé").relations == []


def test_a_summit_held_in_the_capital_of_a_state_named_by_its_city_is_held_in_that_city() -> None:
    doc = extract_dated(
        "Le 12e sommet de la Communauté sahélienne a débuté hier samedi dans la capitale nigérienne de "
        "Niamey, sur fond de crise sécuritaire.",
        "capital-of", "2026-02-15")
    summit = event_at(doc, "sommet")
    assert [doc.entities[p].label for p in summit.places] == ["Niamey"]


def _kinds(doc) -> list[str]:
    return [e.event_type.rsplit("/", 1)[-1] for e in doc.events]


def test_receiving_an_office_is_no_meeting() -> None:
    doc = extract_dated(
        "En recevant la présidence tournante de l'Union africaine, le président mauritanien Mohamed Ould "
        "Cheikh a déclaré que la paix restait fragile au Sahel.",
        "office-received", "2024-02-18")
    assert "meeting" not in _kinds(doc)
    assert "statement" in _kinds(doc)


def test_receiving_a_minister_is_still_a_meeting() -> None:
    doc = extract_dated(
        "Le président mauritanien Mohamed Ould Cheikh a reçu lundi à Nouakchott le ministre malien des "
        "Affaires étrangères, Abdoulaye Kéita.",
        "minister-received", "2024-02-18")
    assert _kinds(doc) == ["meeting"]


def test_someone_who_cannot_attend_a_planned_meeting_makes_no_second_meeting() -> None:
    doc = extract_dated(
        "Le président Paulo Dias organisera mardi à Luanda une réunion avec six autres présidents de la "
        "région. La présidente namibienne, Anna Shikongo, n'a pas pu assister à la réunion.",
        "cannot-attend", "2023-05-26")
    meetings = [e for e in doc.events if e.event_type.endswith("/meeting")]
    assert len(meetings) == 1
    assert "anna-shikongo" not in {p.actor.rsplit("/", 1)[-1] for p in meetings[0].participants}


def test_this_second_summit_is_not_the_first_one_told_just_before() -> None:
    doc = extract_dated(
        "Les dirigeants andins se sont réunis lundi à Quito. Le premier sommet de la Communauté andine "
        "s'était tenu en 2011 à Lima. Le président péruvien Luis Vargas n'a pas pu assister à ce "
        "deuxième sommet.",
        "ranked-summits", "2013-01-28")
    first = event_at(doc, "réunis")
    assert [m.text for m in first.mentions] == ["sommet"]  # "ce deuxième sommet": the one in Quito
    assert first.date.iso == "2013-01-28"
