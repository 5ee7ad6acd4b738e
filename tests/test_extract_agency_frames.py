"""Agency dispatches set a statement after a meeting told in passing (issue 12, pattern 2).

"X s'est dit confiant, à l'issue d'un entretien avec son homologue Y": the meeting is told only
by its other side (a partner after "avec", a possessive); whoever speaks after it was there.
The texts below are ours, in the style of such dispatches.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_slugs


def test_the_speaker_after_a_meeting_told_in_passing_took_part_in_it() -> None:
    doc = extract_dated(
        "La ministre belge des Affaires étrangères, Hadja Lahbib, s'est dite confiante mercredi à Ottawa, "
        "à l'issue d'un long entretien avec son homologue canadienne Mélanie Joly.",
        "frame-after-late", "2024-03-07")
    assert participant_slugs(event_at(doc, "entretien")) >= {"hadja-lahbib", "melanie-joly"}


def test_suite_a_frames_a_meeting_like_apres() -> None:
    doc = extract_dated(
        "Le chef de la diplomatie suédoise, Tobias Billström, a répondu lundi aux questions des journalistes, "
        "suite à une rencontre avec son homologue finlandaise Elina Valtonen.",
        "frame-suite-a", "2024-03-05")
    assert participant_slugs(event_at(doc, "rencontre")) >= {"tobias-billstrom", "elina-valtonen"}


def test_whoever_reacts_to_a_meeting_of_others_was_not_there() -> None:
    doc = extract_dated(
        "Le ministre lituanien Gabrielius Landsbergis a réagi mardi après un entretien de Donald Trump "
        "avec Volodymyr Zelensky.",
        "frame-after-others", "2025-03-05")
    assert "gabrielius-landsbergis" not in participant_slugs(event_at(doc, "entretien"))


def test_a_counterpart_holds_the_portfolio_of_a_double_title() -> None:
    doc = extract_dated(
        "Le vice-Premier ministre et ministre des Affaires étrangères, Maxime Prévot, a reçu mardi à Bruxelles "
        "son homologue luxembourgeois Xavier Bettel.",
        "double-title-counterpart", "2025-06-04")
    bettel = doc.entities["https://w3id.org/diplograph/id/person/xavier-bettel"]
    assert [r.role.rsplit("/", 1)[-1] for r in bettel.roles] == ["foreign-minister"]


def test_a_state_councillor_who_is_foreign_minister_is_the_foreign_minister() -> None:
    doc = extract_dated(
        "Le conseiller d'État et ministre des Affaires étrangères Wang Yi a reçu lundi à Pékin la ministre "
        "sud-africaine Naledi Pandor.",
        "state-councillor", "2023-03-14")
    wang = doc.entities["https://w3id.org/diplograph/id/person/wang-yi"]
    assert [r.role.rsplit("/", 1)[-1] for r in wang.roles] == ["foreign-minister"]


def test_what_a_speaker_says_others_must_do_is_no_event_of_theirs() -> None:
    doc = extract_dated(
        "La présidente Claudia Sheinbaum a estimé mardi que la communauté internationale devait condamner "
        "ces expulsions et rejeter toute mesure unilatérale.",
        "prescribed-acts", "2025-02-12")
    assert [e.trigger.text for e in doc.events] == ["estimé"]


def test_a_person_who_must_speak_on_a_day_is_a_planned_statement() -> None:
    doc = extract_dated(
        "Le porte-parole a indiqué mardi que la présidente Claudia Sheinbaum devait condamner jeudi ces "
        "expulsions devant le Congrès.",
        "scheduled-act", "2025-02-12")
    assert "condamner" in [e.trigger.text for e in doc.events]


def test_a_summit_attended_before_the_visit_does_not_take_the_visit_dates() -> None:
    doc = extract_dated(
        "Sur invitation de son homologue Paul Kagame, le chef de l'État seychellois, Wavel Ramkalawan, après "
        "avoir assisté au deuxième sommet de la Fondation Mandela qui s'est tenu récemment à Kigali a entamé "
        "une visite d'État au Rwanda du 12 au 14 juin 2023.",
        "attended-before", "2023-06-15")
    visit = event_at(doc, "visite")
    assert visit.date is not None and visit.date.iso == "2023-06-12"
    summit = event_at(doc, "sommet")
    assert summit is not visit and (summit.date is None or summit.date.iso != "2023-06-12")


def test_the_partner_told_on_the_chairing_verb_takes_part_in_the_meeting_it_chairs() -> None:
    doc = extract_dated(
        "Le chef du gouvernement marocain Aziz Akhannouch a coprésidé vendredi à Rabat, avec le Premier "
        "ministre sénégalais, Ousmane Sonko, une séance de travail élargie aux deux délégations.",
        "cochaired-with", "2024-05-18")
    assert participant_slugs(event_at(doc, "séance de travail")) >= {"aziz-akhannouch", "ousmane-sonko"}


def test_a_call_told_with_a_time_of_day_keeps_its_partner_and_channel() -> None:
    doc = extract_dated(
        "La présidente Claudia Sheinbaum s'est entretenue jeudi en fin de matinée au téléphone avec le "
        "Premier ministre canadien Mark Carney, a fait savoir la présidence mexicaine.",
        "call-time-of-day", "2025-04-25")
    call = event_at(doc, "entretenue")
    assert participant_slugs(call) >= {"claudia-sheinbaum", "mark-carney"}
    assert call.channel is not None and call.channel.endswith("telephone")
