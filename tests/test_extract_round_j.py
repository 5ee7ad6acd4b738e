"""Caribbean summits, presidency readouts, joint declarations, press conferences (issue 12, round J).

Short texts written here, in the ways such prose is built: an agency dispatch names each leader by
office and demonym ("le président guyanien X"), a readout or a press report announces what "will"
happen in a month without its year, a report tells who spoke next by what he is to the other party.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_at, extract_text
from extracting import participant_sides as sides

CARIBBEAN = (
    "Le Premier ministre barbadien, Owen Clarke, a reçu mardi à Bridgetown le président guyanien, Irfan Baksh.\n\n"
    "Le lendemain, la ministre trinidadienne des Affaires étrangères, Asha Maharaj, s'est entretenue avec "
    "son homologue saint-lucien, Curtis Fontenelle.\n"
)


@pytest.fixture(scope="module")
def caribbean() -> ExtractedDocument:
    return extract_text(CARIBBEAN, "round-j-caribbean", datetime.date(2026, 7, 8))


def test_a_caribbean_demonym_gives_the_leader_his_state(caribbean) -> None:
    """"le Premier ministre barbadien, X", "le président guyanien, Y": the demonyms name Barbados and
    Guyana, the sides of the two leaders at the reception."""
    reception = event_at(caribbean, "reçu")
    assert sides(reception).get("owen-clarke") == "barbados", sides(reception)
    assert sides(reception).get("irfan-baksh") == "guyana", sides(reception)


def test_a_demonym_of_a_state_with_a_compound_name_gives_the_side(caribbean) -> None:
    """"la ministre trinidadienne", "son homologue saint-lucien": Trinidad and Tobago and Saint Lucia."""
    talks = event_at(caribbean, "entretenue")
    assert sides(talks).get("asha-maharaj") == "trinidad-and-tobago", sides(talks)
    assert sides(talks).get("curtis-fontenelle") == "saint-lucia", sides(talks)


def test_a_conditional_of_the_future_in_reported_speech_is_ahead() -> None:
    """"a indiqué que son pays accueillerait en janvier une conférence" (published in December): the
    conditional after a past speech verb is the future of the past, even of a verb whose future stem
    is not its infinitive (accueillir -> accueiller-): next January, still to come."""
    doc = extract_text("Le ministre ghanéen a indiqué mercredi que son pays accueillerait en janvier une "
                       "conférence régionale sur l'eau.\n", "round-j-conditional", datetime.date(2026, 12, 2))
    conference = event_at(doc, "accueillerait")
    assert conference.date is not None and conference.date.iso == "2027-01", conference.date
    assert conference.status.endswith("/planned"), conference.status


def test_a_gathering_still_to_come_in_a_month_already_past_this_year_is_next_years() -> None:
    """"les préparatifs du prochain sommet régional, prévu en mars à Lomé" (published in November):
    the summit is still to come, so March is next year's."""
    doc = extract_text("Les deux présidents ont évoqué les préparatifs du prochain sommet régional, prévu en mars "
                       "à Lomé.\n", "round-j-next-march", datetime.date(2026, 11, 17))
    summit = event_at(doc, "sommet")
    assert summit.status.endswith("/planned"), summit.status
    assert summit.date is not None and summit.date.iso == "2027-03", summit.date


AUDIENCES = (
    "Libreville, le 3 novembre 2026\n\n"
    "Le Ministre Délégué auprès du Ministre des Affaires Étrangères, S.E. M. Rodrigue MBOUMBA NZAMBA, a reçu en "
    "audience ce mardi, à son cabinet, M. Lars BERGQVIST, Envoyé spécial du Royaume de Norvège pour le golfe de "
    "Guinée.\n\n"
    "Les deux parties ont passé en revue la coopération entre le Gabon et la Norvège dans le domaine maritime.\n"
)


@pytest.fixture(scope="module")
def audiences() -> ExtractedDocument:
    return extract_text(AUDIENCES, "round-j-audiences", datetime.date(2026, 11, 3))


def test_a_dateline_alone_on_its_line_frames_the_bare_offices(audiences) -> None:
    """"Libreville, le 3 novembre 2026" on a line of its own, without the dash of a dispatch, dates and
    places a ministry readout: "Le Ministre Délégué auprès du Ministre des Affaires Étrangères" is
    Gabon's, and so is his side at the audience."""
    audience = event_at(audiences, "reçu")
    assert sides(audience).get("rodrigue-mboumba-nzamba") == "gabon", sides(audience)
    assert sides(audience).get("lars-bergqvist") == "norway", sides(audience)


def test_a_visit_still_to_come_does_not_make_the_readouts_offices_the_hosts() -> None:
    """A readout datelined in Libreville ends on "la visite en Norvège du Premier Ministre, prévue au
    printemps prochain": a visit still to come, told in passing, is not the visit the readout reports;
    the bare offices stay Gabon's (the dateline's), not Norway's."""
    doc = extract_text(AUDIENCES + "\nLes deux personnalités ont aussi évoqué la visite en Norvège du Premier "
                       "Ministre, prévue au printemps prochain.\n", "round-j-visit-to-come", datetime.date(2026, 11, 3))
    audience = event_at(doc, "reçu")
    assert sides(audience).get("rodrigue-mboumba-nzamba") == "gabon", sides(audience)


DELEGATIONS = (
    "---\ntitle: \"Sommet de Bichkek sur l'eau (2024)\"\npublished: 2025-03-01\n---\n"
    "Sommet de Bichkek sur l'eau\n\n"
    "Le sommet de Bichkek sur l'eau est une réunion des dirigeants d'Asie centrale, tenue les 4 et 5 juin 2024 "
    "dans la capitale kirghize.\n\n"
    "Délégations\n"
    "Kazakhstan : Aidos Serikbayev, président ; Marat Omarov, ministre des Affaires étrangères\n"
    "Tadjikistan : Rustam Nazriev, président\n"
    "Turkménistan : Dovlet Amanov, président\n\n"
    "Déroulement\n"
    "Les chefs d'État adoptent le 5 juin une déclaration commune sur le partage des eaux du Syr-Daria.\n"
)


def test_every_line_of_a_delegation_list_gives_a_participant_with_his_side() -> None:
    """Under "Délégations", "State : Name, office ; Name, office" lines: the short ones the reader
    takes for headings are list lines too; every person listed took part in the summit, on the side
    of the state his line opens with."""
    doc = extract_text(DELEGATIONS, "round-j-delegations")
    summit = event_at(doc, "réunion")
    assert sides(summit).get("aidos-serikbayev") == "kazakhstan", sides(summit)
    assert sides(summit).get("rustam-nazriev") == "tajikistan", sides(summit)
    assert sides(summit).get("dovlet-amanov") == "turkmenistan", sides(summit)


def test_a_list_of_all_delegations_joins_the_summit_the_article_is_about() -> None:
    """The article's "Délégations" list names several states' people; a bilateral talk told later
    ("Le soir, Aidos Serikbayev s'entretient avec Rustam Nazriev") is not the gathering they all
    attended: the summit the article opens on is."""
    doc = extract_text(DELEGATIONS + "Le soir, Aidos Serikbayev s'entretient en tête-à-tête avec Rustam Nazriev.\n",
                       "round-j-delegations-bilateral")
    summit = event_at(doc, "réunion")
    assert sides(summit).get("dovlet-amanov") == "turkmenistan", sides(summit)
    talk = event_at(doc, "entretient")
    assert "dovlet-amanov" not in sides(talk), sides(talk)


def test_a_parenthesis_telling_another_session_does_not_place_this_one() -> None:
    """"ont tenu mardi à Accra la troisième session de la commission mixte (la deuxième s'était réunie
    à Lomé en mai 2025)": the parenthesis tells where the earlier session met, with its own subject;
    the session held this Tuesday was in Accra only."""
    doc = extract_text("Les deux ministres ont tenu mardi à Accra la troisième session de la commission mixte "
                       "(la deuxième s'était réunie à Lomé en mai 2025).\n", "round-j-parenthesis",
                       datetime.date(2026, 10, 14))
    session = event_at(doc, "session")
    assert [p.rsplit("/", 1)[-1] for p in session.places] == ["accra"], session.places


def test_the_two_ministers_are_the_only_two_ministers_the_text_named() -> None:
    """"Les deux ministres s'étaient déjà rencontrés le 9 octobre", two paragraphs after the only two
    ministers the report names (an envoy spoke in between, and their talks have no participants of
    their own): the two ministers met on 9 October."""
    doc = extract_text(
        "La ministre chilienne des Affaires étrangères, Paula Rojas, et son homologue argentin, Martín Sáenz, "
        "ont tenu mardi une conférence de presse commune à Santiago.\n\n"
        "« Nous avançons », a déclaré Mme Rojas.\n\n"
        "Présent dans la salle, l'envoyé spécial des Nations unies, Tomas Lindgren, a jugé la situation "
        "« encourageante ».\n\n"
        "Les deux ministres s'étaient déjà rencontrés le 9 octobre à Genève.\n",
        "round-j-two-ministers", datetime.date(2026, 12, 2))
    meeting = event_at(doc, "rencontrés")
    assert {"paula-rojas", "martin-saenz"} <= set(sides(meeting)), sides(meeting)
    assert "tomas-lindgren" not in sides(meeting), sides(meeting)


def test_talks_at_the_end_of_which_people_acted_are_theirs() -> None:
    """"X et son homologue Y ont tenu mercredi une conférence de presse commune, au terme de deux
    heures d'entretiens": the talks whose end the clause tells are the subjects' talks, that day."""
    doc = extract_text(
        "La ministre chilienne des Affaires étrangères, Paula Rojas, et son homologue argentin, Martín Sáenz, "
        "ont tenu mercredi une conférence de presse commune à Santiago, au terme de deux heures d'entretiens "
        "consacrés au commerce.\n", "round-j-end-of-talks", datetime.date(2026, 12, 2))
    talks = event_at(doc, "entretiens")
    assert sides(talks).get("paula-rojas") == "chile", sides(talks)
    assert sides(talks).get("martin-saenz") == "argentina", sides(talks)
    assert talks.date is not None and talks.date.iso == "2026-12-02", talks.date
