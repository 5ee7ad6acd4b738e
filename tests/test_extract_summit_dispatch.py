"""Summit dispatches (issue 12): surnames after the first mention, meetings told with a manner,
what a declaration reports, and a summit named twice in one sentence.

Short texts written here, in the shapes agency reports of summits take.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str, published: str = "2025-11-22") -> ExtractedDocument:
    return extract_dated(text, "summit-dispatch", published)


def gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def test_a_surname_alone_after_the_full_name_is_that_person() -> None:
    doc = extract_text("Le président kényan Samuel Otieno a reçu mardi son homologue ghanéen.\n"
                       "« Nous sommes prêts », a dit Otieno.\n"
                       "Le président sud-africain Cyril Ramaphosa a ouvert la séance. "
                       "« Nous devons agir », a déclaré Ramaphosa.\n")
    speakers = [q.speaker for q in doc.quotes]
    assert speakers == [id_iri("person", "samuel-otieno"), id_iri("person", "cyril-ramaphosa")]
    assert not [e for e in doc.entities.values() if e.label in ("Otieno", "Ramaphosa")]


def test_both_people_of_a_meeting_told_with_its_manner_take_part() -> None:
    doc = extract_text("La rencontre en face à face entre le chef de l'État américain Joe Biden et le dirigeant "
                       "chinois Xi Jinping s'est tenue lundi dans un hôtel de Bali.\n")
    [meeting] = gatherings(doc)
    assert {p.actor for p in meeting.participants} == {id_iri("person", "joe-biden"), id_iri("person", "xi-jinping")}


def test_a_state_named_as_a_location_is_not_the_speaker_of_a_participle_clause() -> None:
    doc = extract_text("Le communiqué final condamne le conflit qui se poursuit au Soudan, appelant à une "
                       "« trêve immédiate » entre les belligérants.\n")
    [appeal] = [e for e in doc.events if e.trigger.text.startswith("appelant")]
    assert id_iri("state", "sudan") not in appeal.agents
    assert [q.speaker for q in doc.quotes] == [None]


def test_a_summit_reported_as_done_under_an_announcement_has_occurred() -> None:
    doc = extract_text("Le président sud-africain Cyril Ramaphosa, hôte de la réunion, a fait savoir pendant le "
                       "sommet de Johannesburg que le communiqué final du sommet des dirigeants du G20 était approuvé "
                       "par tous.\n")
    [summit] = gatherings(doc)  # one summit: the organisation says whose summit it is
    assert summit.status.endswith("/occurred")
    assert id_iri("person", "cyril-ramaphosa") in {p.actor for p in summit.participants}


def test_a_summit_prepared_at_another_meeting_stays_its_own_event() -> None:
    doc = extract_text("Le ministre argentin Tomás Ledesma rencontrera la semaine prochaine à Buenos Aires "
                       "son homologue brésilienne pour préparer le sommet du Mercosur, qui se tiendra en "
                       "mars à Montevideo.\n")
    assert len(gatherings(doc)) == 2


def test_a_summit_opened_and_closed_on_two_days_is_one_summit_of_its_first_day() -> None:
    doc = extract_text("Réunis à Bali, les dirigeants du G20 ont clôturé mercredi leur sommet annuel.\n"
                       "Ils avaient lancé le sommet mardi par un débat sur la sécurité alimentaire.\n",
                       published="2022-11-16")
    [summit] = gatherings(doc)
    assert summit.date is not None and summit.date.iso == "2022-11-15"
    assert id_iri("org", "g20") in {p.actor for p in summit.participants}
    assert not [e for e in doc.events if e.trigger.text == "lancé"]  # opening a summit says nothing


def test_those_in_whose_presence_an_agreement_is_signed_take_part() -> None:
    doc = extract_text("L'accord a été signé jeudi à Doha par les ministres Ahmed Nasser et Omar Haddad, en "
                       "présence du secrétaire général de l'ONU, António Guterres.\n")
    [signing] = [e for e in doc.events if e.trigger.text == "signé"]
    people = {p.actor for p in signing.participants}
    assert {id_iri("person", "ahmed-nasser"), id_iri("person", "omar-haddad"),
            id_iri("person", "antonio-guterres")} <= people
    assert id_iri("org", "un") not in people  # the organisation of his title is not a party


def test_the_participation_of_leaders_in_a_summit_makes_them_participants() -> None:
    doc = extract_text("Le sommet s'est ouvert mercredi à Abidjan. Il a vu la participation d'une quarantaine "
                       "de chefs d'État, parmi lesquels la chancelière Angela Merkel et le président "
                       "Emmanuel Macron.\n", published="2017-11-30")
    [summit] = gatherings(doc)
    assert {id_iri("person", "angela-merkel"), id_iri("person", "emmanuel-macron")} <= \
        {p.actor for p in summit.participants}


def test_a_round_table_chaired_by_someone_is_a_meeting_with_its_chair() -> None:
    doc = extract_text("La table ronde des forces politiques a été ouverte hier à Paris, puis s'est poursuivie "
                       "sous la conduite de M. Pierre Lambert à Linas.\n", published="2003-01-17")
    [table] = gatherings(doc)
    assert table.trigger.text == "table ronde"
    assert id_iri("person", "pierre-lambert") in {p.actor for p in table.participants}


def test_a_demonstrative_in_an_untensed_frame_points_at_the_summit_to_come() -> None:
    doc = extract_text("Le prochain sommet de l'Otan se tiendra les 11 et 12 juillet à Vilnius. Lors de cette "
                       "réunion des chefs d'État, les alliés devront décider de l'élargissement.\n",
                       published="2023-06-16")
    [summit] = gatherings(doc)
    assert summit.status.endswith("/planned")
    assert summit.date is not None and summit.date.iso == "2023-07-11"
