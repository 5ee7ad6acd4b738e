"""Participants on real prose (issue 12, round parts): delegations, lists of those present,
spouses, states listed after a colon.

Short texts written here (invented people, real states), in the styles of ministry readouts and
summit dispatches.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS, et
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str, published: str = "2025-10-09") -> ExtractedDocument:
    return extract_dated(text, "parts", published)


def sides(event) -> dict[str, str | None]:
    return {p.actor: p.side for p in event.participants}


def test_a_delegation_led_by_the_minister_means_its_own_minister_and_lists_its_members() -> None:
    doc = extract_text(
        "Le ministre des Affaires étrangères du Mali, M. Oumar Keïta, a effectué une visite officielle au Sénégal, "
        "à l'invitation de son homologue sénégalaise, Mme Awa Diop. Mardi, Mme Diop a reçu son homologue malien "
        "pour des entretiens. La délégation malienne, conduite par le ministre, comprenait également "
        "l'ambassadeur du Mali au Sénégal, M. Issa Traoré.\n")
    # the visit and the talks it tells may be one gathering: read every gathering with the host
    talks = [e for e in doc.events if e.event_type in GATHERINGS and id_iri("person", "awa-diop") in sides(e)]
    assert talks
    found = {k: v for e in talks for k, v in sides(e).items()}
    assert found[id_iri("person", "awa-diop")] == id_iri("state", "senegal")
    assert found[id_iri("person", "issa-traore")] == id_iri("state", "mali")


def test_a_list_of_those_present_after_a_side_phrase_joins_the_talks() -> None:
    doc = extract_text(
        "Le ministre des Affaires étrangères du Mali, M. Oumar Keïta, a rencontré mardi à Dakar son homologue "
        "sénégalaise, Mme Awa Diop. Du côté sénégalais, étaient présents : le secrétaire général du ministère, "
        "M. Moustapha Gaye, et la directrice des affaires africaines, Mme Fatou Sarr.\n")
    [talks] = [e for e in doc.events if e.event_type in GATHERINGS]
    found = sides(talks)
    assert found.get(id_iri("person", "moustapha-gaye")) == id_iri("state", "senegal")
    assert id_iri("person", "fatou-sarr") in found


def test_those_present_a_paragraph_after_the_summit_lead_attend_the_summit() -> None:
    doc = extract_text(
        "Les dirigeants de trois pays se sont réunis vendredi à Niamey pour un sommet extraordinaire.\n\n"
        "Le Tchad était représenté par son Premier ministre, Moussa Abakar. Le Burkina Faso avait envoyé son "
        "ministre des Affaires étrangères, Jean Ouédraogo. Étaient également présents : le président de la "
        "Commission de la CEDEAO, Joseph Mensah, et le secrétaire exécutif de la Commission du bassin du lac "
        "Tchad, Paul Ngarta.\n",
        "2025-05-17")
    [summit] = [e for e in doc.events if e.trigger.text == "réunis"]
    assert id_iri("person", "joseph-mensah") in sides(summit)


def test_spouses_are_no_party_to_the_talks() -> None:
    doc = extract_text(
        "Le président ghanéen et la Première dame, Mme Ama Owusu, ont été accueillis jeudi à l'aéroport de Lomé "
        "par le président togolais, M. Kodjo Amégan, et son épouse, Mme Afi Kpodar.\n")
    people = {p.actor for e in doc.events if e.event_type in GATHERINGS | {et("agreement")} for p in e.participants}
    assert id_iri("person", "kodjo-amegan") in people
    assert id_iri("person", "ama-owusu") not in people
    assert id_iri("person", "afi-kpodar") not in people


def test_states_listed_after_a_colon_take_part_in_the_summit() -> None:
    doc = extract_text(
        "Le précédent sommet, tenu en 2023 à Accra, avait réuni les dirigeants de quatre pays : le Bénin, "
        "la Côte d'Ivoire, le Ghana et le Togo.\n", "2025-05-17")
    [summit] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("state", s) for s in ("benin", "cote-d-ivoire", "ghana", "togo")} <= set(sides(summit))


def test_leaders_given_by_demonyms_bring_their_states_to_the_summit() -> None:
    doc = extract_text("Les chefs d'État ivoirien, ghanéen et togolais se sont réunis samedi à Lomé pour un "
                       "sommet sur la sécurité.\n")
    [summit] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("state", s) for s in ("cote-d-ivoire", "ghana", "togo")} <= set(sides(summit))


def test_those_alongside_the_chair_take_part_in_the_summit() -> None:
    doc = extract_text("Le président togolais Komi Adjovi a présidé samedi à Lomé un sommet sur la sécurité, aux "
                       "côtés de ses homologues ivoirien, Lassina Kouadio, et ghanéen, Kwesi Amoako.\n")
    [summit] = [e for e in doc.events if e.event_type in GATHERINGS]
    found = sides(summit)
    assert found.get(id_iri("person", "lassina-kouadio")) == id_iri("state", "cote-d-ivoire")
    assert id_iri("person", "kwesi-amoako") in found


def test_the_counterpart_of_someone_named_after_de_is_the_person_beside_the_phrase() -> None:
    doc = extract_text("Peter Shikongo, l'homologue namibien de Kofi Mensah, ministre ghanéen des Affaires "
                       "étrangères, a été reçu jeudi à Accra par ce dernier.\n")
    [talks] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert sides(talks).get(id_iri("person", "peter-shikongo")) == id_iri("state", "namibia")
    shikongo = doc.entities[id_iri("person", "peter-shikongo")]
    assert "foreign-minister" in {r.role.rsplit("/", 1)[-1] for r in shikongo.roles}


def test_leaders_of_states_named_in_full_bring_those_states() -> None:
    doc = extract_text("Le sommet de Nairobi a accueilli samedi les chefs d'État des Comores, du Kenya et du "
                       "Sénégal.\n")
    [summit] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("state", s) for s in ("comoros", "kenya", "senegal")} <= set(sides(summit))


def test_a_demonym_used_as_a_noun_before_a_comma_gives_the_side() -> None:
    doc = extract_text("Le président togolais Komi Adjovi a accueilli dimanche à Lomé plusieurs de ses homologues. "
                       "Il s'agit du Libérien, Joseph Tubman, et du Gambien, Lamin Ceesay.\n")
    found = {k: v for e in doc.events if e.event_type in GATHERINGS for k, v in sides(e).items()}
    assert found.get(id_iri("person", "joseph-tubman")) == id_iri("state", "liberia")
    assert found.get(id_iri("person", "lamin-ceesay")) == id_iri("state", "gambia")


def test_who_did_not_go_to_the_summit_is_no_participant() -> None:
    doc = extract_text("Les chefs d'État de la CEDEAO se sont retrouvés samedi à Abuja pour un sommet. Le "
                       "président béninois Patrice Talon ne s'est pas rendu dans l'État voisin pour ce sommet.\n")
    people = {p.actor for e in doc.events if e.event_type in GATHERINGS for p in e.participants}
    assert id_iri("person", "patrice-talon") not in people


def test_office_holders_of_states_named_in_full_bring_those_states() -> None:
    doc = extract_text("La réunion s'est tenue mardi à Niamey. Elle a rassemblé les ministres des Affaires "
                       "étrangères du Mali, du Niger et du Tchad.\n")
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("state", s) for s in ("mali", "niger", "chad")} <= set(sides(meeting))


def test_every_person_of_en_presence_de_attends() -> None:
    doc = extract_text("Le ministre mauritanien des Affaires étrangères, M. Ahmed Salem, a rencontré mercredi au "
                       "Caire le ministre égyptien des Affaires étrangères, M. Sameh Choukry. La rencontre s'est "
                       "déroulée en présence de M. Hasni Faqih, ambassadeur, et de M. Sidi Ould Brahim, conseiller "
                       "à l'ambassade au Caire.\n")
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert {id_iri("person", "hasni-faqih"), id_iri("person", "sidi-ould-brahim")} <= set(sides(meeting))
