"""Summits as news agencies and regional papers report them (issue 12).

Short texts written here in the style of such reports: a coordinated subject whose first name the
parser hangs on the verb ("X et Y vont se rencontrer"), a summit named again by its full name
with its ordinal ("le premier sommet A-B ... le premier sommet A-B"), and the chairs given by a
participle on the summit's noun ("les travaux du sommet coprésidé par X et son homologue Y").
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def people(event) -> set[str]:
    return {p.actor for p in event.participants}


def test_both_names_of_a_coordinated_subject_meet_whatever_the_parse() -> None:
    doc = extract_dated("Donald Trump et Vladimir Poutine vont se rencontrer cet été à Vienne, selon leurs services.",
                        "summit-announced", "2025-06-24")
    [meeting] = gatherings(doc)
    assert people(meeting) >= {id_iri("person", "donald-trump"), id_iri("person", "vladimir-putin")}


def test_a_summit_named_again_with_its_ordinal_is_the_same_summit() -> None:
    doc = extract_dated(
        "Ouvert lundi, le deuxième sommet Inde-Afrique a débuté dans la capitale éthiopienne.\n\n"
        "Plus de quarante délégations y sont représentées.\n\n"
        "Dans la soirée, le deuxième sommet Inde-Afrique a adopté une déclaration commune.",
        "summit-named-twice", "2024-03-13")
    summits = [e for e in gatherings(doc) if "sommet" in doc.source.text[e.trigger.begin:e.trigger.end]]
    assert len(summits) == 1
    assert len(summits[0].mentions) >= 1


def test_two_summits_of_one_name_in_different_years_stay_two() -> None:
    doc = extract_dated(
        "Le sommet du G20 s'est tenu en novembre 2024 à Rio de Janeiro. Le sommet du G20 se tiendra "
        "en novembre 2025 à Johannesburg.", "summit-two-years", "2025-02-10")
    summits = [e for e in gatherings(doc) if "sommet" in doc.source.text[e.trigger.begin:e.trigger.end]]
    assert len(summits) == 2


def test_the_chairs_a_participle_names_take_part_in_the_summit() -> None:
    doc = extract_dated(
        "Commencés lundi à Pékin, les travaux du sommet Chine-Afrique coprésidés par le chef de l'État "
        "chinois, Xi Jinping, et le président sénégalais, Macky Sall, se sont terminés mardi soir.",
        "summit-chairs", "2024-09-06")
    [summit] = gatherings(doc)
    assert id_iri("person", "xi-jinping") in people(summit)
    assert any("sall" in a for a in people(summit))


def test_a_meeting_in_the_conditional_perfect_is_reported_as_past() -> None:
    doc = extract_dated(
        "Samedi soir, les chefs des services de renseignement turc et égyptien se seraient rencontrés "
        "au Caire, selon un quotidien.", "summit-hearsay", "2024-04-09")
    [meeting] = gatherings(doc)
    assert meeting.status.endswith("/occurred")
    assert meeting.date is not None and meeting.date.iso == "2024-04-06"


def test_what_should_have_happened_stays_unhappened() -> None:
    doc = extract_dated("Le sommet aurait dû se tenir samedi à Lomé.", "summit-cancelled", "2024-04-09")
    [summit] = gatherings(doc)
    assert not summit.status.endswith("/occurred")


def test_the_city_that_names_a_summit_is_its_place_not_a_participant() -> None:
    doc = extract_dated(
        "Donald Trump avait, lors du sommet d'Helsinki en 2018, étonné jusqu'à son entourage par ses "
        "déclarations.", "summit-city", "2021-06-16")
    [summit] = gatherings(doc)
    assert id_iri("state", "finland") not in people(summit)
    assert id_iri("person", "donald-trump") in people(summit)


def test_the_subject_before_an_incise_framed_by_a_summit_took_part() -> None:
    doc = extract_dated(
        "Angela Merkel avait, lors du sommet germano-russe de Sotchi en 2017, déçu une partie de sa "
        "majorité.", "summit-incise", "2021-06-16")
    [summit] = gatherings(doc)
    assert id_iri("person", "angela-merkel") in people(summit)


def test_a_mention_naming_the_year_takes_the_day_a_later_one_gives() -> None:
    doc = extract_dated(
        "Le sommet indo-japonais d'Osaka en 2019 a réuni Narendra Modi et Shinzo Abe. Ce sommet s'est "
        "tenu le 27 juin 2019 dans un hôtel du centre-ville.", "summit-day", "2019-09-01")
    [summit] = gatherings(doc)
    assert summit.date is not None and summit.date.iso == "2019-06-27"


def test_the_aide_of_a_president_named_after_a_comma_does_not_hold_the_title() -> None:
    doc = extract_dated(
        "Le conseiller spécial Tomás Ibarra et l'assistant du président mexicain, Ramiro Salcedo, "
        "ont préparé la rencontre.", "summit-aide", "2024-02-12")
    aide = next(e for iri, e in doc.entities.items() if iri.endswith("ramiro-salcedo"))
    assert not any(r.role.endswith("/president") for r in aide.roles)


def test_they_after_the_two_heads_of_state_are_those_two_not_an_aide() -> None:
    doc = extract_dated(
        "La rencontre entre les présidents Emmanuel Macron et Xi Jinping a débuté à l'Élysée. "
        "Selon l'assistant du président chinois, Wen Daoming, le format reviendra aux deux chefs d'État, "
        "qui diront s'ils signeraient un texte commun.",
        "summit-they", "2024-05-06")
    signing = [e for e in doc.events if e.trigger.text.startswith("signer")]
    assert signing and set(signing[0].agents) == {id_iri("person", "emmanuel-macron"), id_iri("person", "xi-jinping")}


def test_a_summit_dated_by_its_year_between_two_leaders_has_them_both() -> None:
    doc = extract_dated("Le sommet de 2019 entre Narendra Modi et Shinzo Abe a porté sur le commerce.",
                        "summit-between", "2019-09-01")
    [summit] = gatherings(doc)
    assert people(summit) == {id_iri("person", "narendra-modi"), id_iri("person", "shinzo-abe")}


def test_an_agency_in_brackets_before_the_dash_is_no_subject() -> None:
    doc = extract_dated("(VNA) - Les présidents russe et turc se sont entretenus samedi par téléphone de "
                        "la coopération gazière.", "summit-agency", "2020-03-07")
    [call] = gatherings(doc)
    assert people(call) == {id_iri("person", "vladimir-putin"), id_iri("person", "recep-tayyip-erdogan")}
    assert not any("vna" in iri for iri in doc.entities)


def test_a_weekday_inside_a_phone_phrase_keeps_the_call() -> None:
    doc = extract_dated("Vladimir Poutine et Recep Tayyip Erdogan se sont parlé lundi par téléphone.",
                        "summit-weekday-gap", "2020-03-07")
    [call] = gatherings(doc)
    assert call.date is not None and call.date.iso == "2020-03-02"
    assert people(call) == {id_iri("person", "vladimir-putin"), id_iri("person", "recep-tayyip-erdogan")}


def test_according_to_him_gives_the_quote_to_the_person_he_takes_up() -> None:
    doc = extract_dated("Sergueï Lavrov est revenu sur sa conversation de la veille. Ce tête-à-tête a été, "
                        "selon lui, « franc » sur tous les sujets.", "summit-selon-lui", "2020-03-07")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "sergey-lavrov")


def test_a_series_of_talks_told_after_places_then_each_talk_named_is_one_series() -> None:
    doc = extract_dated(
        "Le ministre des Affaires étrangères, M. Karim Benali, a mené mardi, à Nairobi, au Kenya, une série "
        "de rencontres bilatérales. M. Benali s'est entretenu "
        "successivement avec le ministre kényan des Affaires étrangères, M. Samuel Otieno, et avec le "
        "ministre ghanéen des Affaires étrangères, M. Kofi Mensah.", "summit-series", "2024-02-15")
    talks = gatherings(doc)
    assert len(talks) == 1
    names = {a.rsplit("/", 1)[1] for a in people(talks[0])}
    assert {"karim-benali", "samuel-otieno", "kofi-mensah"} <= names


def test_titles_after_respectivement_go_in_order_to_the_people_before() -> None:
    doc = extract_dated(
        "À Osaka, le sommet bilatéral a réuni Narendra Modi et Shinzo Abe, respectivement Premier "
        "ministre de l'Inde et Premier ministre du Japon.", "summit-respectively", "2019-09-01")
    roles = {iri.rsplit("/", 1)[1]: {(r.role.rsplit("/", 1)[1], r.organisation and r.organisation.rsplit("/", 1)[1])
                                     for r in e.roles} for iri, e in doc.entities.items() if e.kind == "person"}
    assert ("prime-minister", "india") in roles["narendra-modi"]
    assert ("prime-minister", "japan") in roles["shinzo-abe"]


def test_an_earlier_year_on_the_verb_names_who_held_the_office_then() -> None:
    doc = extract_dated("En 2011, le président français a reçu le Premier ministre tunisien à l'Élysée.",
                        "summit-then", "2024-05-07")
    assert id_iri("person", "nicolas-sarkozy") in doc.entities
    assert id_iri("person", "emmanuel-macron") not in doc.entities
    later = extract_dated("Le président français a dénoncé l'accord signé en 2011 à Deauville.",
                          "summit-now", "2024-05-07")
    assert id_iri("person", "emmanuel-macron") in later.entities


def test_a_gathering_noun_in_apposition_is_the_gathering_it_describes() -> None:
    doc = extract_dated(
        "Emmanuel Macron et Xi Jinping ont ouvert mardi leur rencontre à Pékin, premier sommet entre les "
        "deux présidents depuis 2019.", "summit-apposition", "2023-04-05")
    assert len(gatherings(doc)) == 1


def test_a_participle_after_a_reporting_incise_speaks_for_the_incise_subject() -> None:
    doc = extract_dated(
        "Pour le sommet Chine-Afrique, « l'essentiel reste à faire », a déclaré jeudi Xi Jinping à la "
        "clôture des travaux, ajoutant qu'il fallait « accélérer les échanges ».",
        "summit-incise-participle", "2024-09-06")
    speakers = {q.span.text: q.speaker for q in doc.quotes}
    assert speakers["accélérer les échanges"] == id_iri("person", "xi-jinping")


def test_those_who_made_the_trip_to_a_summit_take_part_in_it() -> None:
    doc = extract_dated(
        "Le sommet Inde-Afrique s'est achevé jeudi à New Delhi. Pour l'occasion, Macky Sall, chef de l'État "
        "sénégalais, avait fait le déplacement, à l'instar de plusieurs de ses voisins.",
        "summit-trip", "2015-10-30")
    [summit] = gatherings(doc)
    assert any(a.endswith("/macky-sall") for a in people(summit))


def test_every_quote_before_a_reporting_incise_is_the_incise_speakers() -> None:
    doc = extract_dated(
        "La normalisation va demander de la « patience » et des « efforts », a déclaré mardi le ministre "
        "italien des Affaires étrangères Antonio Tajani.", "summit-two-labels", "2024-03-13")
    assert {q.span.text: q.speaker for q in doc.quotes} == {
        "patience": id_iri("person", "antonio-tajani"), "efforts": id_iri("person", "antonio-tajani")}


def test_a_word_quoted_after_a_verb_of_wishing_is_its_subjects() -> None:
    doc = extract_dated(
        "Le président français a qualifié la rencontre d'« utile », tandis que son homologue allemand a "
        "souhaité un dialogue « franc » sur la défense.", "summit-wish", "2020-03-07")
    speakers = {q.span.text: q.speaker for q in doc.quotes}
    assert speakers["utile"] == id_iri("person", "emmanuel-macron")
    assert speakers["franc"] != id_iri("person", "emmanuel-macron")


def test_a_fronted_welcome_by_a_host_is_the_gathering_just_begun() -> None:
    doc = extract_dated(
        "Emmanuel Macron et Olaf Scholz ont entamé mardi leur rencontre à Genève. Accueillis au bord du lac "
        "par le président suisse Guy Parmelin, les deux dirigeants ont posé pour les photographes.",
        "summit-welcome", "2023-06-14")
    [meeting] = gatherings(doc)
    assert people(meeting) == {id_iri("person", "emmanuel-macron"), id_iri("person", "olaf-scholz"),
                               id_iri("person", "guy-parmelin")}
    assert meeting.host in (None, id_iri("person", "guy-parmelin"))
