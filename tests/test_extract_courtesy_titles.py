"""Courtesy titles as joint communiqués print them (issue 12, pattern 2).

"S. E." with a space between the letters, "SE" without points: both are "Son Excellence", not
part of the name that follows. The texts below are ours.
"""

from __future__ import annotations

from extracting import extract_dated


def people(doc) -> set[str]:
    return {iri.rsplit("/", 1)[-1] for iri, e in doc.entities.items() if e.kind == "person"}


def test_a_spaced_excellency_is_no_part_of_the_name() -> None:
    doc = extract_dated(
        "Sur l'invitation de S. E. Bola Tinubu, président de la République fédérale du Nigeria, S. E. Mahamat "
        "Idriss Déby, président de la République du Tchad, a séjourné à Abuja du 3 au 5 mars 2024.",
        "spaced-excellency", "2024-03-06")
    assert {"bola-tinubu", "mahamat-idriss-deby"} <= people(doc)
    assert not any(p.startswith("s-e-") for p in people(doc))


def test_an_excellency_in_capitals_announces_the_name_after_a_title() -> None:
    doc = extract_dated(
        "Le chef de l'État tchadien a été accueilli à l'aéroport par le Président de la République "
        "de Guinée, SE Mamadi Doumbouya, entouré des membres du gouvernement.",
        "capital-excellency", "2024-03-06")
    assert "mamadi-doumbouya" in people(doc)
    assert not any(p.startswith("president") for p in people(doc))


def test_a_decision_welcomed_is_a_reaction_and_a_message_received_no_meeting() -> None:
    from extracting import event_kind

    doc = extract_dated(
        "Le président Ramkalawan a salué mardi à Victoria l'ouverture d'un consulat. Il a chaleureusement accueilli "
        "la décision de son homologue Paul Kagame de créer une ambassade. Le ministre a reçu jeudi un message "
        "de son homologue.",
        "welcomed-decision", "2024-03-06")
    kinds = {e.trigger.text: event_kind(e) for e in doc.events}
    assert kinds.get("accueilli") == "reaction"
    assert "reçu" not in kinds


def test_a_name_without_its_middle_name_is_the_same_person() -> None:
    doc = extract_dated(
        "Le président Faustin Archange Touadéra a reçu mardi à Bangui son homologue gabonais. Le président "
        "Faustin Touadéra a salué l'engagement du Gabon.",
        "middle-name-dropped", "2024-03-06")
    assert "faustin-touadera" not in people(doc) and "faustin-archange-touadera" in people(doc)


def test_a_title_line_in_capitals_names_the_visit_the_body_tells() -> None:
    from extracting import event_kind

    doc = extract_dated(
        "COMMUNIQUÉ FINAL DE LA VISITE OFFICIELLE DU PRÉSIDENT DE LA RÉPUBLIQUE DU NIGER AU TOGO.\n\n"
        "Sur l'invitation du président togolais Faure Gnassingbé, le président nigérien Mohamed Bazoum a "
        "effectué une visite officielle au Togo les 4 et 5 mai 2022. Les deux chefs d'État ont eu un "
        "tête-à-tête au palais de la présidence.",
        "capital-title-line", "2022-05-06")
    visits = [e for e in doc.events if event_kind(e) == "meeting" and any(
        "VISITE" in m.text or "visite" in m.text for m in [e.trigger, *e.mentions])]
    assert len(visits) == 1
