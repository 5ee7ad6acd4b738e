"""One real event, one node, on summit and programme prose (issue 12, round coref-n).

Short texts written here in the style of newspaper reviews of summits, eve-of-summit dispatches and
presidential programmes: a bare lead ("Le sommet ... a permis") before the dated restatement, a
retrospective future perfect ("aura tenu ses promesses"), an earlier summit ("leur précédent
sommet") before a bare "le sommet", a ministerial meeting beside the summit to come, hotels that
house delegations and a communiqué received by a newsroom, and "Après un entretien qui durera une
heure" restating the talks announced.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS, OCCURRED
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str, published: str = "2025-03-18") -> ExtractedDocument:
    return extract_dated(text, "coref-n", published)


def gatherings(doc: ExtractedDocument) -> list:
    return sorted((e for e in doc.events if e.event_type in GATHERINGS), key=lambda e: e.trigger.begin)


def words(event) -> set[str]:
    """The text of the event's trigger and of every later mention."""
    return {event.trigger.text, *(m.text for m in event.mentions)}


def with_mention(doc: ExtractedDocument, begin: int):
    [event] = [e for e in doc.events if any(m.begin == begin for m in (e.trigger, *e.mentions))]
    return event


def test_a_dated_restatement_tells_the_summit_a_bare_lead_named() -> None:
    text = ("Le sommet extraordinaire convoqué par le président gabonais a permis de relancer le marché commun.\n\n"
            "Le sommet extraordinaire des chefs d'État de la région, réuni jeudi dernier à Franceville, aura tenu "
            "toutes ses promesses.\n")
    [summit] = gatherings(extract_text(text))
    assert summit.status == OCCURRED  # a future perfect that looks back, no plan
    assert summit.date is not None and summit.date.iso == "2025-03-13"  # the Thursday before Tuesday 18 March
    assert len(summit.mentions) == 1


def test_a_bare_definite_after_an_earlier_summit_is_the_story_s_summit() -> None:
    text = ("Les dirigeants de la région se sont réunis jeudi en sommet à Franceville. Ils ont repris des mesures "
            "envisagées lors de leur précédent sommet, tenu en 2019 à Malabo. Le sommet a toutefois écarté l'idée "
            "d'une monnaie commune.\n")
    doc = extract_text(text)
    bare = text.index("sommet a toutefois")
    earlier = with_mention(doc, text.index("sommet, tenu"))
    assert not any(m.begin == bare for m in (earlier.trigger, *earlier.mentions))
    assert with_mention(doc, bare).date.iso == "2025-03-13"


def test_the_summit_to_come_keeps_its_mentions_beside_a_ministerial_meeting() -> None:
    text = ("Le 9e sommet de la Communauté andine s'ouvre demain à Cuenca.\n\n"
            "La réunion des ministres des Affaires étrangères, qui se tient depuis lundi dans la ville, a déjà posé "
            "les jalons du sommet. Selon un diplomate présent aux réunions de la conférence ministérielle, le texte "
            "a été durci.\n\n"
            "Le président péruvien, Tomás Huamaní, doit quitter Lima ce soir pour prendre part au sommet.\n")
    doc = extract_text(text, "2025-05-21")
    summit = with_mention(doc, text.index("sommet de la"))
    ministers = with_mention(doc, text.index("réunion des"))
    assert summit is not ministers
    assert with_mention(doc, text.index("sommet. Selon")) is summit
    assert with_mention(doc, text.index("sommet.\n")) is summit
    assert id_iri("person", "tomas-huamani") in {p.actor for p in summit.participants}
    assert with_mention(doc, text.index("réunions de la")) is ministers  # one was present at the ministers'
    assert len(gatherings(doc)) == 2


def test_hotels_housing_delegations_and_a_communique_received_are_no_meetings() -> None:
    text = ("Les hôtels qui accueilleront les délégations sont gardés par l'armée. Dans un communiqué reçu par "
            "l'Agence ivoirienne de presse, la présidence a confirmé la visite.\n")
    doc = extract_text(text, "2025-05-21")
    assert [e.trigger.text for e in gatherings(doc)] == ["visite"]


def test_after_talks_that_will_last_an_hour_restates_the_talks_announced() -> None:
    text = ("Le président Andrés Ocampo aura un entretien avec son homologue équatorien, Diego Larrea, vendredi à "
            "Cuenca. Après un entretien qui devrait durer une heure, les deux dirigeants tiendront une conférence de "
            "presse commune.\n")
    doc = extract_text(text, "2025-05-21")
    [talks] = [e for e in gatherings(doc) if "entretien" in words(e)]
    assert len(talks.mentions) == 1 and talks.status != OCCURRED


def test_a_meeting_organised_last_week_was_held() -> None:
    text = ("Le président Kariuki a présenté les conclusions de la réunion ministérielle organisée à Nairobi la "
            "semaine dernière. Les deux présidents ont aussi évoqué la préparation du sommet, qui se tiendra à "
            "Nairobi en mai.\n")
    doc = extract_text(text, "2026-04-15")
    ministers = with_mention(doc, text.index("réunion"))
    summit = with_mention(doc, text.index("sommet"))
    assert ministers.status == OCCURRED
    assert summit is not ministers and summit.status != OCCURRED


def test_sentences_whose_subject_names_no_one_new_continue_the_talks() -> None:
    text = ("Le ministre des Affaires étrangères, Karim Belhadj, s'est entretenu hier à Oslo avec son homologue "
            "norvégien, Erik Dahl. Les deux ministres ont passé en revue les relations entre les deux pays. Ils se "
            "sont félicités de leur qualité. Les deux ministres ont également eu un échange sur la situation au "
            "Sahel.\n")
    [talks] = gatherings(extract_text(text, "2025-04-17"))
    assert "eu un échange" in words(talks) or "échange" in words(talks)


def test_talks_on_the_menu_are_the_talks_just_told() -> None:
    text = ("Le représentant spécial a été reçu ce matin à Paris par le ministre des Affaires étrangères. "
            "L'entretien s'est tenu au ministère. La situation sécuritaire était au menu des entretiens.\n")
    [talks] = gatherings(extract_text(text, "2025-04-17"))
    assert "entretiens" in words(talks)


def test_yesterday_s_meeting_is_not_the_summit_opened_today() -> None:
    text = ("Le sommet de la CEDEAO s'est ouvert ce mercredi à Abuja. La réunion d'hier des ministres des Affaires "
            "étrangères avait préparé le projet de communiqué final.\n")
    doc = extract_text(text, "2025-06-11")
    summit, ministers = with_mention(doc, text.index("sommet")), with_mention(doc, text.index("réunion"))
    assert summit is not ministers
    assert summit.date.iso == "2025-06-11" and ministers.date.iso == "2025-06-10"


def test_a_fronted_welcome_is_the_visit_just_told() -> None:
    text = ("Le président sénégalais est arrivé mardi à Nouakchott pour une visite officielle de deux jours. Reçu "
            "avec tous les honneurs, le chef de l'État sénégalais s'est ensuite entretenu avec son homologue "
            "mauritanien au palais présidentiel.\n")
    doc = extract_text(text, "2025-06-11")
    assert with_mention(doc, text.index("Reçu")) is with_mention(doc, text.index("visite"))


def test_meeting_people_introduced_by_an_indefinite_is_another_meeting() -> None:
    text = ("Le ministre ghanéen a été reçu mardi par le président togolais. Il a ensuite rencontré des chefs "
            "d'entreprise.\n")
    doc = extract_text(text, "2025-06-11")
    assert with_mention(doc, text.index("reçu")) is not with_mention(doc, text.index("rencontré"))


def test_what_the_talks_are_said_to_be_is_no_other_meeting() -> None:
    text = ("Le président chilien aura un entretien avec son homologue uruguayen dimanche 11 mai à Santiago. Le fait "
            "que l'entretien soit prévu un dimanche ne lui ôte rien de son sérieux. Il s'agit bien plus que d'une "
            "simple rencontre protocolaire, mais d'une vraie séance de travail sur les relations bilatérales.\n")
    doc = extract_text(text, "2025-05-09")
    talks = with_mention(doc, text.index("entretien"))
    assert with_mention(doc, text.index("rencontre")) is talks
    assert with_mention(doc, text.index("séance")) is talks
