"""Agency dispatches on a regional summit (issue 12, pattern 1 "one event, one node", pattern 2).

A dispatch from the host city tells one summit many times: by its name and session ("le sommet de
X dans sa Ne session"), by an ordinal and an adjective ("le Ne sommet ouest-africain"), as the
subject of a verb ("le sommet accueille ..."), and again in the future for what is still to come.
Who came is given by a list after a copula ("les chefs d'État présents sont A (X), B (Y)") or by
arrivals where the summit is held. The texts are ours, written for these tests in the style of
such dispatches (no sentence of a real one).
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated, participant_slugs

OPENING = (
    "Abuja, le 9 mars 2024 - Le sommet de la CEDEAO dans sa 12e session ordinaire a commencé samedi à "
    "Abuja, à huis clos, en présence du président ghanéen Nana Akufo-Addo, du président béninois Patrice "
    "Talon et du secrétaire général des Nations unies, António Guterres.\n\n"
)


def summits(doc: ExtractedDocument) -> list:
    """The gatherings told by the noun "sommet" (trigger or further mention)."""
    def told_as_summit(event) -> bool:
        return any("sommet" in doc.source.text[s.begin:s.end].lower() for s in (event.trigger, *event.mentions))
    return [e for e in doc.events if e.event_type in GATHERINGS and told_as_summit(e)]


def test_the_session_of_a_summit_is_the_summit() -> None:
    doc = extract_dated(OPENING, "summit-session", "2024-03-09")
    [summit] = summits(doc)
    assert not [e for e in doc.events if e.event_type in GATHERINGS and e is not summit
                and doc.source.text[e.trigger.begin:e.trigger.end] == "session"]
    assert {"nana-akufo-addo", "patrice-talon"} <= participant_slugs(summit)


def test_the_summit_named_by_its_ordinal_and_an_adjective_is_the_same_summit() -> None:
    doc = extract_dated(OPENING + "Selon la présidence nigériane, le 12e sommet ouest-africain a réuni une "
                        "quinzaine de délégations.", "summit-ordinal", "2024-03-09")
    assert len(summits(doc)) == 1


def test_a_summit_that_hosts_delegations_is_no_further_gathering() -> None:
    doc = extract_dated(OPENING + "Selon la présidence nigériane, le 12e sommet ouest-africain accueille une "
                        "quinzaine de délégations venues de toute la région.", "summit-hosts", "2024-03-09")
    gatherings = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len([e for e in gatherings if doc.source.text[e.trigger.begin:e.trigger.end] == "accueille"]) == 0


def test_what_the_summit_still_will_do_is_told_of_the_same_summit() -> None:
    doc = extract_dated(OPENING + "Le sommet s'achèvera dimanche. Le sommet se déroule sous la présidence "
                        "du chef de l'État nigérian.", "summit-continues", "2024-03-09")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-09"


def test_a_theme_in_quotation_marks_is_no_quote() -> None:
    doc = extract_dated(OPENING + 'Cette année, les débats ont pour fil conducteur le thème '
                        '"Une région unie face aux crises".', "summit-theme", "2024-03-09")
    assert not [q for q in doc.quotes if "région unie" in q.span.text]


def test_the_heads_of_state_present_are_the_summit_participants() -> None:
    doc = extract_dated(
        "Le sommet de Lomé sur la sécurité maritime a ouvert ses portes samedi matin. Les chefs d'État "
        "présents sont Nana Akufo-Addo (Ghana), Patrice Talon (Bénin), Bola Tinubu "
        "(Nigeria) et Faure Gnassingbé (Togo).", "summit-present", "2024-03-09")
    [summit] = summits(doc)
    assert {"nana-akufo-addo", "patrice-talon", "bola-tinubu", "faure-gnassingbe"} <= participant_slugs(summit)
    assert id_iri("place", "lome") in summit.places


def test_leaders_arrived_to_take_part_are_participants_of_the_one_summit() -> None:
    doc = extract_dated(
        "Le sommet de Lomé sur la sécurité maritime s'ouvre samedi. Les premières délégations ont atterri "
        "vendredi à Lomé pour participer au sommet. Macky Sall, chef de l'État sénégalais, et son homologue "
        "ivoirien Alassane Ouattara sont arrivés à Lomé en fin de journée.",
        "summit-arrivals", "2024-03-08")
    [summit] = summits(doc)
    assert {"macky-sall", "alassane-ouattara"} <= participant_slugs(summit)
    assert summit.date is not None and summit.date.iso == "2024-03-09"


def test_the_reporters_own_we_is_no_statement() -> None:
    doc = extract_dated(
        "Le sommet de Lomé a réuni quatre chefs d'État samedi. Nous pouvons dire que le pays hôte a "
        "réussi son pari.", "summit-writer", "2024-03-09")
    assert [e for e in doc.events if e.event_type not in GATHERINGS] == []


def test_meetings_that_were_opened_said_nothing() -> None:
    doc = extract_dated(
        "Addis-Abeba, le 18 février 2024 - Les réunions du 37e sommet de l'Union africaine ont été lancées "
        "dimanche avec la participation du président palestinien Mahmoud Abbas et du secrétaire général de "
        "l'ONU, António Guterres.", "summit-opened", "2024-02-18")
    assert [e for e in doc.events if e.event_type not in GATHERINGS] == []


def test_the_day_a_summit_under_way_began_after_depuis_is_its_date() -> None:
    doc = extract_dated("Tenu depuis mercredi à Malabo, le sommet de la CEEAC prend fin ce vendredi avec une "
                        "déclaration sur la sécurité.", "summit-since", "2024-03-08")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-06"
    doc = extract_dated("À Dakar, le sommet Afrique-Caraïbes a démarré depuis mardi 12 mars et doit se clore "
                        "jeudi.", "summit-opened-since", "2024-03-13")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-12"


def test_a_meeting_subject_of_an_infinitive_of_purpose_keeps_its_day() -> None:
    doc = extract_dated(
        "Macky Sall juge que son entretien du lundi 11 mars avec Nana Akufo-Addo, à Accra, a été un premier "
        "pas pour réduire les tensions.", "meeting-purpose-subject", "2024-03-12")
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert meeting.date is not None and meeting.date.iso == "2024-03-11"


# ------------------------------------------------------------------ a state visit told by an agency

VISIT = (
    "Durant son séjour, le président nigérian Bola Tinubu a eu un entretien avec Patrice Talon, a rencontré la "
    "presse et a rendu une visite de courtoisie au président de l'Assemblée nationale. Samedi 12 mai, il a "
    "regagné Abuja au terme de sa visite d'État au Bénin, faite à l'invitation du président Patrice Talon."
)


def test_meeting_the_press_is_speaking_not_a_meeting() -> None:
    doc = extract_dated(VISIT, "visit-press", "2024-05-12")
    met = [e for e in doc.events if doc.source.text[e.trigger.begin:e.trigger.end] == "rencontré"]
    assert [e.event_type for e in met if e.event_type in GATHERINGS] == []


def test_a_visit_of_another_kind_is_another_visit() -> None:
    doc = extract_dated(VISIT, "visit-kinds", "2024-05-12")
    courtesy = next(e for e in doc.events if "courtoisie" in doc.source.text[e.trigger.begin:e.trigger.end + 20])
    state_visit = next(e for e in doc.events if e.event_type in GATHERINGS and any(
        "visite d'État" in doc.source.text[s.begin:s.end + 8] for s in (e.trigger, *e.mentions)))
    assert state_visit is not courtesy
    assert {"bola-tinubu", "patrice-talon"} <= participant_slugs(state_visit)


def test_the_envoy_of_a_state_is_the_one_person_of_that_state_who_was_sent() -> None:
    doc = extract_dated(
        "Nana Akufo-Addo a reçu lundi à Accra Ibrahima Sarr, ministre sénégalais de l'Intérieur, venu lui "
        "remettre un message du président Macky Sall. Reçu une heure durant, l'émissaire sénégalais a ensuite "
        "déclaré : « Nous avons parlé de la sécurité dans le golfe de Guinée. »", "envoy-quote", "2024-03-11")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "ibrahima-sarr")


def test_a_meeting_to_prepare_a_summit_is_not_the_summit() -> None:
    doc = extract_dated("Les ministres des Affaires étrangères du G20 se sont réunis jeudi à Bonn pour préparer le "
                        "sommet du G20 de juillet.", "prepare-summit", "2017-02-17")
    assert len([e for e in doc.events if e.event_type in GATHERINGS]) == 2


def test_a_quote_in_the_clause_of_a_speech_verb_is_that_verbs_subjects() -> None:
    doc = extract_dated(
        "De son côté, le ministre sénégalais Ousmane Diop a rappelé que son pays tenait « à une solution "
        "négociée » avec le Mali et a promis que ses services resteraient vigilants.",
        "quote-completive", "2024-06-03")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "ousmane-diop")
