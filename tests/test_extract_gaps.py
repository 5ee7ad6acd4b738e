"""Gaps a test rewrite found in real readouts (issue 12): gatherings that lost their people.

Short texts written here, in the shapes ministry readouts and joint communiqués take: a lunch
"shared" or "taken" with someone, a call the two "devoted" to a topic, a numbered paragraph of a
communiqué opening on "Sur l'invitation de", a meeting planned at a time given with its minutes.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated

OTIENO = id_iri("person", "samuel-otieno")
MENSAH = id_iri("person", "john-mensah")


def extract_text(text: str, published: str = "2025-11-22") -> ExtractedDocument:
    return extract_dated(text, "gaps", published)


def the_gathering(doc: ExtractedDocument) -> Event:
    [gathering] = [e for e in doc.events if e.event_type in GATHERINGS]
    return gathering


def people(event: Event) -> set[str]:
    return {p.actor for p in event.participants}


def test_a_lunch_shared_with_someone_has_both_at_the_table() -> None:
    doc = extract_text("Le président kényan Samuel Otieno a partagé mardi un déjeuner de travail avec le "
                       "président ghanéen John Mensah.\n")
    assert people(the_gathering(doc)) == {OTIENO, MENSAH}


def test_a_lunch_taken_with_someone_has_both_at_the_table() -> None:
    doc = extract_text("Le président kényan Samuel Otieno a pris un déjeuner de travail avec le président "
                       "ghanéen John Mensah mardi.\n")
    assert people(the_gathering(doc)) == {OTIENO, MENSAH}


def test_a_call_two_leaders_devoted_to_a_topic_is_between_them() -> None:
    doc = extract_text("Le président kényan Samuel Otieno et le président ghanéen John Mensah ont consacré "
                       "mardi une conversation téléphonique à la sécurité régionale.\n")
    call = the_gathering(doc)
    assert call.event_type.endswith("/consultation")
    assert people(call) == {OTIENO, MENSAH}


def test_a_numbered_paragraph_glued_to_sur_l_invitation_names_host_and_guest() -> None:
    doc = extract_text("1-Sur l'invitation du président kényan Samuel Otieno, le président ghanéen John "
                       "Mensah a effectué une visite d'État au Kenya du 3 au 5 mars 2025.\n")
    visit = the_gathering(doc)
    assert people(visit) == {OTIENO, MENSAH}
    assert visit.host == OTIENO


def test_a_meeting_planned_at_an_hour_and_minutes_is_between_the_two_named() -> None:
    doc = extract_text("Une rencontre est prévue à 19 heures 15 entre le président kényan Samuel Otieno et "
                       "le président ghanéen John Mensah.\n")
    meeting = the_gathering(doc)
    assert meeting.status.endswith("/planned")
    assert people(meeting) == {OTIENO, MENSAH}


def test_a_relative_clause_on_the_last_of_two_people_is_about_both() -> None:
    doc = extract_text("Le président kényan Samuel Otieno et le président ghanéen John Mensah, qui doivent "
                       "vendredi se réunir à Accra, ont salué les progrès de la coopération.\n")
    meeting = the_gathering(doc)
    assert meeting.status.endswith("/planned")
    assert people(meeting) == {OTIENO, MENSAH}


def test_a_relative_clause_the_parser_made_main_still_stands_for_its_antecedent() -> None:
    # the two offices, held on the publication day by the people the gazetteer names
    doc = extract_text("Les présidents russe et finlandais, qui doivent vendredi se réunir à Helsinki, ont "
                       "salué les progrès de la coopération.\n")
    meeting = the_gathering(doc)
    assert meeting.status.endswith("/planned")
    assert people(meeting) == {id_iri("person", "vladimir-putin"), id_iri("person", "alexander-stubb")}


def test_whoever_multiplied_the_talks_took_part_in_them_and_the_one_named_after_is_that_day() -> None:
    doc = extract_text("Le ministre kényan des Affaires étrangères Paul Kamau a multiplié mardi les entretiens avec "
                       "le ministre nigérian Yusuf Bello et la délégation sénégalaise à Genève, indique un "
                       "communiqué. M. Kamau a notamment rencontré le ministre ghanéen Kofi Mensah.\n")
    kamau = id_iri("person", "paul-kamau")
    talks = next(e for e in doc.events if e.trigger.text == "entretiens")
    assert kamau in people(talks)
    met = next(e for e in doc.events if e.trigger.text == "rencontré")
    assert people(met) == {kamau, id_iri("person", "kofi-mensah")}
    assert met.date is not None and met.date.iso == "2025-11-18"


def test_notamment_carries_the_day_told_to_a_meeting_of_other_people() -> None:
    doc = extract_text("Mardi à Genève, le ministre nigérian Yusuf Bello a reçu le ministre kényan des Affaires "
                       "étrangères, indique un communiqué. Le ministre ghanéen Kofi Mensah a notamment rencontré "
                       "le ministre togolais Komi Agbo.\n")
    met = next(e for e in doc.events if e.trigger.text == "rencontré")
    assert met.date is not None and met.date.iso == "2025-11-18"


def test_their_meeting_is_both_peoples_when_the_parse_makes_the_first_name_the_root() -> None:
    doc = extract_text("Samuel Otieno et John Mensah se sont quittés mardi soir en affichant leur entente, après "
                       "leur rencontre au palais présidentiel.\n")
    assert people(the_gathering(doc)) == {OTIENO, MENSAH}
