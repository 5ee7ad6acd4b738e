"""Ministry readouts and agency calls as foreign ministries and agencies tell them
(issue 12, lead's eighth round).

Each construction was read in real ministry and agency prose; the texts below are ours, with
invented people. Each test failed on the code before its rule.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_slugs


def test_the_partner_after_a_circumstantial_incise_takes_part() -> None:
    # "s'est entretenu, mardi soir à Rome, en marge de la conférence, avec son homologue, Y": the
    # parser hangs "avec" on the day; the incise between commas holds no verb and nobody
    doc = extract_dated(
        "Le ministre de l'Intérieur, Samir Haddad, s'est entretenu, mardi soir à Rome, en marge de la "
        "conférence de la FAO, avec son homologue tchadien, Idriss Mahamat.",
        "incise-partner", "2024-03-05")
    assert participant_slugs(event_at(doc, "entretenu")) >= {"samir-haddad", "idriss-mahamat"}

