"""Participants' sides (issue 12, sides round): the side a participant sat for, read from the
construction of French that gives it.

The texts are ours (invented people and places of real states, made-up situations), written for
the constructions counted over the own set's wrong and missing sides; none is a gold text's
sentence. Each test failed on the code before its rule, except the guards, which say where a rule
stops.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides

_TOUR = (
    "Oslo, le 23 mai 2026 – La ministre des Affaires étrangères, Mme Regula Zanetti, a regagné "
    "vendredi la Norvège au terme d'une tournée de trois jours en Afrique australe.\n\n"
    "Mercredi, à Maputo, Mme Zanetti s'est entretenue avec son homologue mozambicain, M. Eduardo "
    "Macuácua. Dans la soirée, la ministre a été reçue par le Premier ministre, M. Jorge Mabunda, "
    "avec qui elle a parlé de l'accès à l'eau potable.\n\n"
    "Jeudi, elle s'est rendue à Lusaka, où elle a été reçue par le ministre zambien des Affaires "
    "étrangères, M. Mulenga Banda.\n"
)


def test_a_host_with_a_bare_office_on_a_tour_sits_for_the_state_of_the_stop() -> None:
    # "Mercredi, à Maputo, ... reçue par le Premier ministre, M. X": on a tour told from the
    # traveller's capital, the bare office of a host met at one stop is that stop's state's, not
    # the dateline's
    doc = extract_dated(_TOUR, "tour-bare-host", "2026-05-23")
    audience = next(e for e in doc.events if "jorge-mabunda" in participant_sides(e))
    sides = participant_sides(audience)
    assert sides.get("jorge-mabunda") == "mozambique"
    assert sides.get("regula-zanetti") == "norway"


def test_the_traveller_with_a_bare_office_keeps_the_dateline_state() -> None:
    # guard: one stop abroad, the bare office of the traveller stays the dateline state's, even
    # though every gathering of the text is held abroad
    doc = extract_dated(
        "Oslo, le 23 mai 2026 – La ministre des Affaires étrangères, Mme Regula Zanetti, s'est "
        "entretenue mercredi à Maputo avec son homologue mozambicain, M. Eduardo Macuácua. Elle "
        "regagnera la Norvège dimanche.",
        "tour-bare-traveller", "2026-05-23")
    talk = event_at(doc, "entretenue")
    assert participant_sides(talk).get("regula-zanetti") == "norway"


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


def test_the_ministers_of_the_two_countries_take_the_states_the_article_is_about() -> None:
    # "les ministres de la Pêche des deux pays, A et B, se rencontrèrent": in an article on two states'
    # relations, A is the first state's minister and B the second's, in the order the text gave
    # the states, even when no person of theirs had a side before
    doc = extract_dated(
        "Relations entre l'Islande et le Portugal\n\n"
        "Les relations entre l'Islande et le Portugal sont anciennes et portent sur la pêche.\n\n"
        "Le 3 avril 2004, les ministres de la Pêche des deux pays, Jón Gunnarsson et Rui Matias, se "
        "rencontrèrent à Reykjavik.\n",
        "two-countries-order", "2024-02-01")
    meeting = event_at(doc, "rencontrèrent")
    sides = participant_sides(meeting)
    assert sides.get("jon-gunnarsson") == "iceland"
    assert sides.get("rui-matias") == "portugal"


def test_the_ministers_of_the_two_countries_after_three_states_get_no_side() -> None:
    # guard: with three states told before and no side of anyone's to go by, which two "les deux
    # pays" are is not said: no side is guessed
    doc = extract_dated(
        "Relations entre l'Islande et le Portugal\n\n"
        "Les relations entre l'Islande et le Portugal sont anciennes; la Norvège observe leurs "
        "accords de pêche.\n\n"
        "Le 3 avril 2004, les ministres de la Pêche des deux pays, Jón Gunnarsson et Rui Matias, se "
        "rencontrèrent à Reykjavik.\n",
        "two-countries-three-states", "2024-02-01")
    sides = participant_sides(event_at(doc, "rencontrèrent"))
    assert sides.get("jon-gunnarsson") is None
    assert sides.get("rui-matias") is None
