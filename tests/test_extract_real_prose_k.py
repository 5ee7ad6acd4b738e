"""Constructions read in real newspaper and agency reports from Asia, the Middle East and Latin
America (issue 12, real-prose round K).

Each construction was read in real French prose; the texts below are ours, with invented people
or real figures in made-up situations. Each test failed on the code before its rule, except the
guards, which say where a rule must stop.
"""

from __future__ import annotations

from extracting import event_kind, extract_dated


def _kinds_at(doc, word: str) -> list[str]:
    return [event_kind(e) for e in doc.events if e.trigger.text == word]


def test_no_statement_was_made_is_no_statement() -> None:
    # "Aucune déclaration n'a été faite": the noun of the act is the subject of a denied verb,
    # with the determiner of negation; nothing was said
    doc = extract_dated(
        "La présidente Amina Diallo a reçu vendredi son homologue ghanéen Kwame Boateng. Aucune déclaration "
        "officielle n'a été faite à la sortie de l'entretien.",
        "no-statement", "2024-03-15")
    assert _kinds_at(doc, "déclaration") == []


def test_no_meeting_had_taken_place_is_no_meeting() -> None:
    # "aucune réunion bilatérale n'avait eu lieu entre les deux": a gathering denied as the subject
    doc = extract_dated(
        "Les présidents Kwame Boateng et Amina Diallo se sont croisés au sommet de Lomé. Depuis deux ans, "
        "aucune réunion bilatérale n'avait pourtant eu lieu entre eux.",
        "no-meeting-subject", "2024-03-15")
    assert _kinds_at(doc, "réunion") == []


def test_leaving_without_a_statement_is_no_statement() -> None:
    # "sans faire de déclaration": an act a verb introduced by "sans" did not do
    doc = extract_dated(
        "Le président Kwame Boateng a quitté le palais après une heure d'entretien, sans faire de "
        "déclaration à la presse.",
        "without-statement", "2024-03-15")
    assert _kinds_at(doc, "déclaration") == []


def test_a_statement_made_is_still_one() -> None:
    # guard: the determiner alone does not deny; "Une déclaration a été faite" is an act
    doc = extract_dated(
        "Le président Kwame Boateng a reçu son homologue Amina Diallo. Une déclaration commune a été faite "
        "à l'issue de l'entretien.",
        "statement-made", "2024-03-15")
    assert _kinds_at(doc, "déclaration") != []
