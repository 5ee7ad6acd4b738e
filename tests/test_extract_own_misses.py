"""Misses of the own set read by construction (issue 12, own-set misses round).

Each construction was counted over the false negatives and false positives of the whole own
set; the texts below are ours (invented people, or real office holders in made-up situations),
not the gold texts' sentences. Each test failed on the code before its rule, except the guards,
which say where a rule stops.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides


def test_a_demonym_naming_a_ministry_field_is_not_the_state_served() -> None:
    # "ministre des Affaires étrangères et européennes": "européennes" names the field of the
    # ministry (as "Affaires étrangères" does), not the European Union as the state served
    doc = extract_dated(
        "Zagreb, le 3 mars 2026 - Le ministre des Affaires étrangères et européennes, Ivan Horvatek, "
        "s'est entretenu mardi à Zagreb avec son homologue slovène, Tina Bregar.",
        "field-demonym", "2026-03-03")
    talk = event_at(doc, "entretenu")
    sides = participant_sides(talk)
    assert "ivan-horvatek" in sides and sides["ivan-horvatek"] != "eu"


def test_a_demonym_after_a_title_still_names_the_state_served() -> None:
    # guard: "le ministre croate des Affaires européennes" serves Croatia, the demonym before the field
    doc = extract_dated(
        "Le ministre croate des Affaires européennes, Ivan Horvatek, a rencontré lundi à Bruxelles "
        "la commissaire Tina Bregar.",
        "field-demonym-guard", "2026-03-03")
    meeting = event_at(doc, "rencontré")
    assert participant_sides(meeting).get("ivan-horvatek") == "croatia"
