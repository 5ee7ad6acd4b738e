"""Participants' sides (issue 12, sides round): the side a participant sat for, read from the
construction of French that gives it.

The texts are ours (invented people and places of real states, made-up situations), written for
the constructions counted over the own set's wrong and missing sides; none is a gold text's
sentence. Each test failed on the code before its rule, except the guards, which say where a rule
stops.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides


def test_a_list_line_headed_by_a_government_and_a_demonym_gives_the_side() -> None:
    # "Gouvernement malien : X, office ; Y, office": the heading of the line is the state's
    # government, named by its demonym
    doc = extract_dated(
        "Négociations de Niamey (2019)\n\n"
        "Les négociations de Niamey ont réuni en 2019 le gouvernement du Mali et une coalition de "
        "mouvements armés du nord, avec la médiation du Niger.\n\n"
        "Délégations\n"
        "Gouvernement malien : Aminata KEÏTA, ministre de la Réconciliation (cheffe de délégation) ; "
        "Souleymane DIARRA, conseiller technique.\n\n"
        "Déroulement\n"
        "Le premier cycle (Niamey, 4-6 mars 2019) réunit Mme KEÏTA et les représentants des mouvements "
        "armés.\n",
        "list-government-demonym", "2024-02-01")
    rounds = event_at(doc, "cycle")
    assert participant_sides(rounds).get("aminata-keita") == "mali"
