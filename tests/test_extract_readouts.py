"""Audiences, receptions of ambassadors and official talks as presidencies and ministries report them
(issue 12, readouts round).

Short texts written here in the style of such readouts: a reception of "plusieurs ambassadeurs"
whose names follow in "Il s'agit de X, ..., et de Y", an audience "accordée" by a head of state,
the people added by a fronted "Outre X, ..." to those who "ont participé aux entretiens", a day
written with its weekday and no year in a report published the day after, a compound first
name written without its hyphen, an ambassador "extraordinaire et plénipotentiaire de la République
de X", the minister who "animera la réunion", and "Plus tôt dans la matinée, ..." in the pluperfect.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS, et
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def people(event) -> set[str]:
    return {p.actor for p in event.participants}


def test_the_ambassadors_named_after_il_s_agit_de_were_received() -> None:
    doc = extract_dated(
        "Le président du Ghana, Kofi Mensah, a reçu mercredi au palais présidentiel plusieurs "
        "ambassadeurs étrangers venus présenter leurs lettres de créance.\n\n"
        "Il s'agit de M. Pedro Alvarez, ambassadeur de la République du Paraguay, et de Mme Ingrid "
        "Solberg, ambassadrice du Royaume de Norvège.\n\n"
        "Il s'agit également de M. Tomas Varga, ambassadeur de Hongrie.",
        "ambassadors-listed", "2024-03-08")
    [reception] = gatherings(doc)
    assert people(reception) == {id_iri("person", s) for s in ("kofi-mensah", "pedro-alvarez", "ingrid-solberg",
                                                                "tomas-varga")}
    assert reception.date is not None and reception.date.iso == "2024-03-06"
    sides = {p.actor.rsplit("/", 1)[-1]: p.side for p in reception.participants}
    assert sides["ingrid-solberg"] == id_iri("state", "norway")


def test_il_s_agit_de_naming_no_one_adds_no_one() -> None:
    doc = extract_dated(
        "La ministre des Affaires étrangères, Lena Koch, a reçu jeudi son homologue tchèque, Pavel Novak.\n\n"
        "Il s'agit de leur deuxième rencontre cette année.",
        "il-s-agit-nobody", "2024-03-08")
    reception = next(e for e in gatherings(doc) if doc.source.text[e.trigger.begin:e.trigger.end] == "reçu")
    assert people(reception) == {id_iri("person", "lena-koch"), id_iri("person", "pavel-novak")}


def test_who_grants_an_audience_takes_part_in_it() -> None:
    doc = extract_dated(
        "Le président de la République, Kofi Mensah, a accordé jeudi une audience à Mme Anna Berg, "
        "ministre suédoise de la Coopération.",
        "audience-granted", "2024-03-08")
    [audience] = gatherings(doc)
    assert people(audience) == {id_iri("person", "kofi-mensah"), id_iri("person", "anna-berg")}
    assert audience.date is not None and audience.date.iso == "2024-03-07"


def test_an_audience_granted_during_a_visit_still_dates_what_follows() -> None:
    doc = extract_dated(
        "En visite de travail au Portugal, le président ghanéen Kofi Mensah a accordé, ce mardi 5 mars "
        "2024, une audience à Mme Helena Sousa, ministre portugaise des Affaires étrangères. "
        "À l'issue de cette rencontre, Mme Sousa a déclaré que les deux pays étaient proches.",
        "audience-in-visit", "2024-03-07")
    [audience] = gatherings(doc)
    assert people(audience) == {id_iri("person", "kofi-mensah"), id_iri("person", "helena-sousa")}
    [statement] = [e for e in doc.events if e.event_type == et("statement")]
    assert statement.date is not None and statement.date.iso == "2024-03-05"


def test_outre_adds_a_participant_and_aux_entretiens_is_the_talks_told() -> None:
    doc = extract_dated(
        "Les entretiens officiels se sont tenus mardi à Oslo.\n\n"
        "Outre le Premier ministre norvégien, Lars Dahl, la ministre des Affaires étrangères Eva Lund "
        "et le ministre de la Défense Bertil Holm ont participé aux entretiens.",
        "outre-participants", "2024-03-08")
    [talks] = gatherings(doc)
    assert people(talks) == {id_iri("person", s) for s in ("lars-dahl", "eva-lund", "bertil-holm")}
    assert talks.date is not None and talks.date.iso == "2024-03-05"


def test_processes_named_after_other_verbs_stay_apart() -> None:
    doc = extract_dated(
        "Le ministre Paul Girard a réuni lundi ses homologues à Paris.\n\n"
        "Nous avons fait le point sur les négociations en cours.",
        "process-not-attended", "2024-03-08")
    assert any(e.event_type == et("negotiation") for e in doc.events)


def test_a_weekday_picks_the_year_of_a_day_written_without_one() -> None:
    # told in the future, but published the day after: "jeudi 26 juillet" is this year's
    # (a Thursday in 2012), not next year's (a Friday in 2013)
    doc = extract_dated(
        "Le jeudi 26 juillet à 11 heures, le président ghanéen Kofi Mensah sera reçu à l'Élysée par le "
        "chef de l'État français.",
        "weekday-year", "2012-07-27")
    [reception] = gatherings(doc)
    assert reception.date is not None and reception.date.iso == "2012-07-26"


def test_a_weekday_that_fits_the_tense_keeps_its_year() -> None:
    doc = extract_dated(
        "Le président ghanéen Kofi Mensah sera reçu à Lisbonne le jeudi 4 avril.",
        "weekday-year-kept", "2024-03-08")
    [reception] = gatherings(doc)
    assert reception.date is not None and reception.date.iso == "2024-04-04"


def test_a_compound_first_name_without_its_hyphen_is_the_known_person() -> None:
    doc = extract_dated(
        "Le ministre de l'Europe et des Affaires étrangères, Jean Noël Barrot, a reçu lundi à Paris "
        "la ministre ghanéenne Ama Owusu.",
        "unhyphenated-name", "2025-03-04")
    people_named = {e.iri for e in doc.entities.values() if e.kind == "person"}
    assert id_iri("person", "jean-noel-barrot") in people_named
    assert not any(e.label == "Jean Noël" for e in doc.entities.values())
    [reception] = gatherings(doc)
    assert id_iri("person", "jean-noel-barrot") in people(reception)


def test_an_ambassador_extraordinaire_et_plenipotentiaire_serves_the_state_named_after() -> None:
    doc = extract_dated(
        "Le président ghanéen Kofi Mensah a reçu mardi S.E.M. Hiroshi TANAKA, Ambassadeur extraordinaire et "
        "plénipotentiaire de la République du Japon, venu lui présenter ses lettres de créance.",
        "ambassador-qualified", "2024-03-08")
    tanaka = doc.entities[id_iri("person", "hiroshi-tanaka")]
    assert [(r.role.rsplit("/", 1)[-1], r.organisation) for r in tanaka.roles] == [
        ("ambassador", id_iri("state", "japan"))]
    [reception] = gatherings(doc)
    assert {p.actor: p.side for p in reception.participants}[tanaka.iri] == id_iri("state", "japan")


def test_who_will_lead_the_meeting_takes_part_in_it() -> None:
    doc = extract_dated(
        "Les ministres des Affaires étrangères du G20 se réuniront vendredi à Vienne. "
        "Le ministre hongrois Tomas Varga animera la réunion.",
        "meeting-led", "2024-03-06")  # a Wednesday: the Friday ahead (on a Friday, that day)
    [meeting] = gatherings(doc)
    assert id_iri("person", "tomas-varga") in people(meeting)
    assert meeting.date is not None and meeting.date.iso == "2024-03-08"


def test_earlier_that_morning_is_the_day_the_story_tells() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah s'est entretenu lundi avec son homologue togolais Yao Mensah. "
        "Plus tôt dans la matinée, il avait reçu le ministre Paul Girard.",
        "same-morning", "2024-03-08")
    earlier = next(e for e in gatherings(doc) if id_iri("person", "paul-girard") in people(e))
    assert earlier.date is not None and earlier.date.iso == "2024-03-04"


def test_the_eve_told_in_the_pluperfect_takes_no_day() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah s'est entretenu lundi avec son homologue togolais Yao Mensah. "
        "Il avait reçu auparavant le ministre Paul Girard.",
        "earlier-undated", "2024-03-08")
    earlier = next(e for e in gatherings(doc) if id_iri("person", "paul-girard") in people(e))
    assert earlier.date is None


def test_the_time_a_depuis_phrase_starts_from_is_not_the_visit_s_day() -> None:
    doc = extract_dated(
        "Lundi, le secrétaire général de l'OCDE, Marc Weber, a rencontré à Berne la ministre Lena Koch. "
        "Il s'agissait de la première visite de travail de Marc Weber en Suisse depuis son entrée en "
        "fonction, en septembre 2024.",
        "depuis-start", "2025-02-11")
    [meeting] = gatherings(doc)
    assert meeting.date is not None and meeting.date.iso == "2025-02-10"
    assert people(meeting) == {id_iri("person", "marc-weber"), id_iri("person", "lena-koch")}


def test_a_name_after_the_organ_a_title_completes_is_the_title_holder() -> None:
    doc = extract_dated(
        "Lundi, le ministre Marc Weber a rencontré la présidente de la Confédération Marta Keller-Brun "
        "pour un entretien officiel.",
        "organ-then-name", "2025-02-11")
    [meeting] = gatherings(doc)
    keller = id_iri("person", "marta-keller-brun")
    assert people(meeting) == {id_iri("person", "marc-weber"), keller}
    assert [r.role.rsplit("/", 1)[-1] for r in doc.entities[keller].roles] == ["president"]
    assert not any(e.kind == "place" and "Keller" in e.label for e in doc.entities.values())



def test_the_place_a_relative_ou_takes_up_is_no_party_to_the_talks() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah terminera sa tournée au Chili où il s'entretiendra lundi avec son "
        "homologue chinois Li Wen.",
        "where-relative", "2024-03-08")
    [talks] = gatherings(doc)
    assert people(talks) == {id_iri("person", "kofi-mensah"), id_iri("person", "li-wen")}
    assert talks.places == [id_iri("place", "chile")]


def test_in_a_list_of_names_each_before_its_title_a_title_is_the_name_s_before_it() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah a reçu mercredi plusieurs ambassadeurs. Il s'agit de M. Pedro Alvarez, "
        "ambassadeur de la République du Paraguay, M. Lars Berg, ambassadeur du Royaume de Norvège, et "
        "M. Tomas Varga, ambassadeur de Hongrie.",
        "names-then-titles", "2024-03-08")
    served = {e.iri.rsplit("/", 1)[-1]: {(r.role.rsplit("/", 1)[-1], r.organisation) for r in e.roles}
              for e in doc.entities.values() if e.kind == "person"}
    assert served["pedro-alvarez"] == {("ambassador", id_iri("state", "paraguay"))}
    assert served["lars-berg"] == {("ambassador", id_iri("state", "norway"))}
    assert served["tomas-varga"] == {("ambassador", id_iri("state", "hungary"))}


def test_the_members_of_a_delegation_taken_up_by_quant_a_took_part() -> None:
    doc = extract_dated(
        "Les entretiens officiels ont eu lieu jeudi au palais fédéral. Quant à la délégation ghanéenne, elle "
        "était constituée de la ministre des Affaires étrangères, Ama Owusu, et du ministre du Commerce, "
        "Kwame Boateng.",
        "delegation-topic", "2023-11-17")
    [talks] = gatherings(doc)
    sides = {p.actor: p.side for p in talks.participants}
    ghana = id_iri("state", "ghana")
    assert sides[id_iri("person", "ama-owusu")] == ghana
    assert sides[id_iri("person", "kwame-boateng")] == ghana


def test_the_members_a_participle_lists_are_the_received_delegation() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah a reçu lundi une délégation togolaise composée du ministre Yao Agbo et de "
        "la ministre Afi Mensah.",
        "delegation-participle", "2023-11-17")
    [reception] = gatherings(doc)
    sides = {p.actor: p.side for p in reception.participants}
    togo = id_iri("state", "togo")
    assert sides[id_iri("person", "yao-agbo")] == togo
    assert sides[id_iri("person", "afi-mensah")] == togo


def test_the_former_minister_is_the_one_named_so_before() -> None:
    doc = extract_dated(
        "L'ancien ministre ghanéen Kofi Mensah était de passage à Berne. Lundi, il a rencontré la ministre "
        "Lena Koch. Durant son passage, l'ancien ministre a également rencontré Paul Girard.",
        "former-title", "2025-02-11")
    later = next(e for e in gatherings(doc) if id_iri("person", "paul-girard") in people(e))
    assert people(later) == {id_iri("person", "kofi-mensah"), id_iri("person", "paul-girard")}


def test_celui_ci_is_the_latter_not_the_subject() -> None:
    doc = extract_dated(
        "Le président Kofi Mensah a reçu mardi le ministre Paul Girard. Celui-ci rencontrera jeudi la "
        "ministre Lena Koch.",
        "the-latter", "2024-03-08")
    later = next(e for e in gatherings(doc) if id_iri("person", "lena-koch") in people(e))
    assert people(later) == {id_iri("person", "paul-girard"), id_iri("person", "lena-koch")}
