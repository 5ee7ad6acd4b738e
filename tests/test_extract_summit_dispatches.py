"""Agency dispatches on a regional summit (issue 12, pattern 1 "one event, one node", pattern 2).

A dispatch from the host city tells one summit many times: by its name and session ("les travaux
du sommet de la CEDEAO dans sa 12e session ordinaire"), by an ordinal and an adjective ("le 12e
sommet ouest-africain"), as the subject of a verb ("le sommet accueille une quinzaine de
délégations"), and again in the future for what is still to come ("Le sommet se déroulera sous le
thème ..."). Who came is given by a list after a copula ("Les chefs d'État présents sont A (X),
B (Y)") or by arrivals ("sont arrivés à Lomé pour participer au sommet"). The texts are ours, in
the style of such dispatches.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated, participant_slugs

OPENING = (
    "Abuja, le 9 mars 2024 - Samedi, à Abuja, les travaux du sommet de la CEDEAO dans sa 12e session "
    "ordinaire ont été ouverts par une séance à huis clos, avec la participation du président ghanéen "
    "Nana Akufo-Addo, du président béninois Patrice Talon et du secrétaire général des Nations unies, "
    "António Guterres.\n\n"
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
                        "quinzaine de délégations et plus de 300 journalistes.", "summit-hosts", "2024-03-09")
    gatherings = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len([e for e in gatherings if doc.source.text[e.trigger.begin:e.trigger.end] == "accueille"]) == 0


def test_what_the_summit_still_will_do_is_told_of_the_same_summit() -> None:
    doc = extract_dated(OPENING + "Le sommet s'achèvera dimanche. Le sommet se déroule sous la présidence "
                        "du chef de l'État nigérian.", "summit-continues", "2024-03-09")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-09"


def test_a_theme_in_quotation_marks_is_no_quote() -> None:
    doc = extract_dated(OPENING + 'Les travaux se déroulent sous le thème "Une région unie face aux crises".',
                        "summit-theme", "2024-03-09")
    assert not [q for q in doc.quotes if "région unie" in q.span.text]


def test_the_heads_of_state_present_are_the_summit_participants() -> None:
    doc = extract_dated(
        "Quatre chefs d'État participent depuis ce samedi matin au sommet de Lomé sur la sécurité maritime. "
        "Les chefs d'État présents sont Nana Akufo-Addo (Ghana), Patrice Talon (Bénin), Bola Tinubu "
        "(Nigeria) et Faure Gnassingbé (Togo).", "summit-present", "2024-03-09")
    [summit] = summits(doc)
    assert {"nana-akufo-addo", "patrice-talon", "bola-tinubu", "faure-gnassingbe"} <= participant_slugs(summit)
    assert id_iri("place", "lome") in summit.places


def test_leaders_arrived_to_take_part_are_participants_of_the_one_summit() -> None:
    doc = extract_dated(
        "Le sommet de Lomé sur la sécurité maritime s'ouvre samedi. Plusieurs dirigeants sont arrivés "
        "vendredi à Lomé pour participer au sommet. Ainsi, le président du Sénégal, Macky Sall, et le "
        "président de la Côte d'Ivoire, Alassane Ouattara, sont arrivés à Lomé dans la soirée.",
        "summit-arrivals", "2024-03-08")
    [summit] = summits(doc)
    assert {"macky-sall", "alassane-ouattara"} <= participant_slugs(summit)
    assert summit.date is not None and summit.date.iso == "2024-03-09"


def test_the_reporters_own_we_is_no_statement() -> None:
    doc = extract_dated(
        "Quatre chefs d'État participent depuis ce samedi matin au sommet de Lomé. Nous pouvons considérer "
        "cette participation comme un succès pour le pays hôte.", "summit-writer", "2024-03-09")
    assert [e for e in doc.events if e.event_type not in GATHERINGS] == []


def test_meetings_that_were_opened_said_nothing() -> None:
    doc = extract_dated(
        "Addis-Abeba, le 18 février 2024 - Dimanche, les réunions du sommet de l'Union africaine dans sa 37e "
        "session ont été lancées avec une réunion à huis clos, avec la participation du président palestinien "
        "Mahmoud Abbas et du secrétaire général de l'ONU, António Guterres.", "summit-opened", "2024-02-18")
    assert [e for e in doc.events if e.event_type not in GATHERINGS] == []


def test_the_day_a_summit_under_way_began_after_depuis_is_its_date() -> None:
    doc = extract_dated("Organisé depuis mercredi à Malabo, le sommet de la CEEAC s'achève ce vendredi par "
                        "l'adoption d'une déclaration.", "summit-since", "2024-03-08")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-06"
    doc = extract_dated("Le 3e sommet Afrique-Caraïbes s'est ouvert depuis mardi 12 mars à Dakar et sera clos "
                        "jeudi.", "summit-opened-since", "2024-03-13")
    [summit] = summits(doc)
    assert summit.date is not None and summit.date.iso == "2024-03-12"


def test_a_meeting_subject_of_an_infinitive_of_purpose_keeps_its_day() -> None:
    doc = extract_dated(
        "Le président Macky Sall a estimé que son entretien avec son homologue ghanéen, Nana Akufo-Addo, survenu "
        "lundi 11 mars à Accra, était un bon début pour apaiser les tensions.", "meeting-purpose-subject", "2024-03-12")
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert meeting.date is not None and meeting.date.iso == "2024-03-11"


# ------------------------------------------------------------------ a state visit told by an agency

VISIT = (
    "Au cours de sa visite, le président Bola Tinubu s'est entretenu avec le président Patrice Talon, a "
    "rencontré la presse et a rendu une visite de courtoisie au président de l'Assemblée nationale. "
    "Dans l'après-midi du 12 mai, Bola Tinubu a quitté Cotonou, concluant sa visite d'État au Bénin, à "
    "l'invitation du président Patrice Talon."
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
        "Le Président de la République du Ghana, Nana Akufo-Addo, a reçu en audience ce lundi à Accra M. Ibrahima "
        "Sarr, ministre sénégalais de l'Intérieur, porteur d'un message du président sénégalais Macky "
        "Sall. À l'issue de l'audience, l'émissaire sénégalais a déclaré : « Nous avons parlé de la sécurité "
        "dans le golfe de Guinée. »", "envoy-quote", "2024-03-11")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "ibrahima-sarr")


def test_a_meeting_to_prepare_a_summit_is_not_the_summit() -> None:
    doc = extract_dated("Les ministres des Affaires étrangères du G20 se sont réunis jeudi à Bonn pour préparer le "
                        "sommet du G20 de juillet.", "prepare-summit", "2017-02-17")
    assert len([e for e in doc.events if e.event_type in GATHERINGS]) == 2


def test_a_quote_in_the_clause_of_a_speech_verb_is_that_verbs_subjects() -> None:
    doc = extract_dated(
        "Le ministre sénégalais Ousmane Diop a, pour sa part, rappelé que son pays restait attaché « à une "
        "solution négociée » avec le Mali et a assuré que les autorités sénégalaises resteraient vigilantes.",
        "quote-completive", "2024-06-03")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "ousmane-diop")
