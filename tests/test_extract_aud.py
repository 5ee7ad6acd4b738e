"""Participants on real prose (issue 12, round aud): summit participant lists and attendance
sentences as agencies and presidencies write them. Each test's text is ours; each failed on main
before the rule it names.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides


def test_a_name_tagged_as_an_organisation_after_a_title_and_a_comma_is_its_holder() -> None:
    # "le Premier ministre du Togo, X Y": the recogniser tags the unknown name ORG
    doc = extract_dated(
        "Le sommet a réuni mardi à Accra les présidents Jean Dupont (France) et Karl Meier (Allemagne). "
        "Les autres dirigeants présents étaient le Premier ministre du Togo, Kodjo Amegah, et le roi du "
        "Maroc, Hassan Alaoui.",
        "title-comma-org", "2026-05-10")
    sides = participant_sides(event_at(doc, "sommet"))
    assert sides.get("kodjo-amegah") == "togo"
    assert "premier-ministre-du-togo" not in sides


def test_attendance_names_tagged_as_organisations_are_people_of_their_sides() -> None:
    doc = extract_dated(
        "Le président Jean Dupont s'est ensuite entretenu avec le Premier ministre togolais, en présence du "
        "ministre français des Affaires étrangères, Luc Martin, et de la ministre togolaise de l'Intégration "
        "régionale, Akossiwa Lawson.",
        "presence-org-names", "2026-05-10")
    sides = participant_sides(event_at(doc, "entretenu"))
    assert sides.get("luc-martin") == "france"
    assert sides.get("akossiwa-lawson") == "togo"


def test_a_relative_clause_does_not_end_a_list_of_those_who_took_part() -> None:
    doc = extract_dated(
        "Le sommet a réuni mardi à Lomé les présidents Jean Dupont (France) et Karl Meier (Allemagne). "
        "Ont également pris part à ce sommet : le ministre des Affaires étrangères du Mali, Moussa Keita, "
        "qui représentait son président, et la commissaire de l'Union africaine, Awa Sow.",
        "list-relative", "2026-05-10")
    sides = participant_sides(event_at(doc, "sommet"))
    assert sides.get("moussa-keita") == "mali"
    assert sides.get("awa-sow") == "african-union"


def test_a_lower_case_field_between_a_title_and_its_organisation_keeps_the_side() -> None:
    doc = extract_dated(
        "Le sommet a réuni mardi à Lomé les présidents Jean Dupont (France) et Karl Meier (Allemagne). "
        "Ont également pris part à ce sommet : le commissaire aux affaires politiques de l'Union africaine, "
        "Awa Sow, et le ministre des Affaires étrangères du Mali, Moussa Keita.",
        "field-then-org", "2026-05-10")
    assert participant_sides(event_at(doc, "sommet")).get("awa-sow") == "african-union"


def test_an_opening_y_leaves_the_subject_inverted_after_the_verb_of_taking_part() -> None:
    doc = extract_dated(
        "Le sommet a réuni mardi à Lomé les présidents Jean Dupont (France) et Karl Meier (Allemagne). "
        "Y ont également pris part le ministre des Affaires étrangères du Mali, Moussa Keita, et la "
        "ministre ghanéenne de la Défense, Ama Owusu.",
        "y-inverted", "2026-05-10")
    sides = participant_sides(event_at(doc, "sommet"))
    assert sides.get("moussa-keita") == "mali"
    assert sides.get("ama-owusu") == "ghana"


def test_those_listed_round_the_table_took_part_in_the_gathering_told_before() -> None:
    doc = extract_dated(
        "Les chefs d'État de la région se sont réunis samedi à Bamako pour un sommet sur la sécurité. "
        "Autour de la table figuraient aussi le chef de la diplomatie malien Seydou Coulibaly et son "
        "homologue tchadien Mahamat Abakar.",
        "round-the-table", "2026-05-10")
    sides = participant_sides(event_at(doc, "sommet"))
    assert sides.get("seydou-coulibaly") == "mali"
    assert sides.get("mahamat-abakar") == "chad"


def test_a_table_not_round_which_people_sit_names_no_attendee() -> None:
    # guard: "figurer" without "autour de la table" nor "parmi les participants" is no attendance
    doc = extract_dated(
        "Les chefs d'État de la région se sont réunis samedi à Bamako pour un sommet sur la sécurité. "
        "Dans le communiqué figuraient aussi les noms de Seydou Coulibaly et de Mahamat Abakar.",
        "no-table", "2026-05-10")
    assert "seydou-coulibaly" not in participant_sides(event_at(doc, "sommet"))


def test_holders_named_after_a_plural_title_of_those_present_attend_the_audience() -> None:
    doc = extract_dated(
        "Le ministre gabonais des Affaires étrangères, Paul Nze, a été reçu en audience lundi par le président "
        "béninois Rémi Houngbo. L'entretien s'est déroulé en présence des ministres béninois des Affaires "
        "étrangères et de la Défense, Fortuné Agossou et Clément Ahouandjinou.",
        "present-plural-title", "2026-05-10")
    sides = participant_sides(event_at(doc, "reçu"))
    assert sides.get("fortune-agossou") == "benin"
    assert sides.get("clement-ahouandjinou") == "benin"


def test_a_counterpart_named_after_a_comma_without_a_state_is_the_passive_agent() -> None:
    doc = extract_dated(
        "Le chef de la diplomatie sénégalais, Cheikh Ndiaye, a été accueilli lundi à Libreville par son "
        "homologue, Jean-Claude Obiang.",
        "counterpart-comma", "2026-05-10")
    assert "jean-claude-obiang" in participant_sides(event_at(doc, "accueilli"))


def test_each_leader_of_a_list_with_bracketed_states_holds_the_plural_title() -> None:

    doc = extract_dated(
        "Le sommet a réuni mardi à Niamey les présidents Rémi Houngbo (Bénin) et Pascal Zongo (Burkina Faso).",
        "bracketed-leaders", "2026-05-10")
    zongo = doc.entities["https://w3id.org/diplograph/id/person/pascal-zongo"]
    assert [(r.role.rsplit("/", 1)[-1], (r.organisation or "").rsplit("/", 1)[-1]) for r in zongo.roles] \
        == [("president", "burkina-faso")]


def test_the_host_after_a_bracketed_list_of_leaders_still_takes_part() -> None:
    # guard: reading the bracketed list as a plural title's holders keeps the titled host after it
    doc = extract_dated(
        "Le sommet a réuni mardi les présidents Rémi Houngbo (Bénin) et Pascal Zongo (Burkina Faso) autour "
        "de leur hôte, le chef de l'État nigérien Abdou Maïga.",
        "bracketed-host", "2026-05-10")
    assert participant_sides(event_at(doc, "sommet")).get("abdou-maiga") == "niger"


def test_those_present_at_an_audience_pass_over_a_summit_named_in_passing() -> None:
    doc = extract_dated(
        "Le président Denis Mavoungou a reçu mercredi le ministre malien des Affaires étrangères, Oumar "
        "Diarra. Les deux hommes ont évoqué la sécurité au Sahel et la préparation du sommet de l'Union "
        "africaine. Étaient également présents le ministre de la Défense, Gaston Mabiala, et "
        "l'ambassadeur du Mali, Aminata Sangaré.",
        "present-past-summit", "2026-05-10")
    audience = participant_sides(event_at(doc, "reçu"))
    assert {"gaston-mabiala", "aminata-sangare"} <= set(audience)
    assert "gaston-mabiala" not in participant_sides(event_at(doc, "sommet"))
