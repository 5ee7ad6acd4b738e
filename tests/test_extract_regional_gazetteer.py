"""World knowledge beyond Europe (issue 12): regional organisations, capitals and seats of power.

Short texts written here. Summits of Africa, the Americas and Asia are told through their
organisations' full names and acronyms, and agency prose names governments by their capitals
("Alger a dénoncé") or seats ("a annoncé Matignon"); a city completing a gathering noun ("la
rencontre de Tachkent") is where it met, not a government taking part.
"""

from __future__ import annotations

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str) -> ExtractedDocument:
    return extract_dated(text, "regional", "2025-02-18")


def agents_of(doc: ExtractedDocument, trigger: str) -> list[str]:
    [event] = [e for e in doc.events if e.trigger.text == trigger]
    return event.agents


def test_a_regional_organisation_named_in_full_is_one_organisation() -> None:
    doc = extract_text("Les chefs d'État de la Communauté économique des États de l'Afrique de l'Ouest "
                       "(Cédéao) se sont réunis dimanche à Abuja.\n")
    ecowas = id_iri("org", "ecowas")
    assert ecowas in doc.entities
    assert {m.text for m in doc.entities[ecowas].mentions} >= {"Cédéao"}
    assert not [e for e in doc.entities.values() if e.kind == "state" and "Communauté" in e.label]


def test_a_capital_as_subject_stands_for_its_state() -> None:
    doc = extract_text("Alger a dénoncé mardi une décision unilatérale.\nRabat a salué l'accord.\n")
    assert agents_of(doc, "dénoncé") == [id_iri("state", "algeria")]
    assert agents_of(doc, "salué") == [id_iri("state", "morocco")]


def test_a_ministry_named_by_its_state_speaks_for_that_state() -> None:
    doc = extract_text("Le texte est inacceptable, a indiqué mardi le ministère algérien des Affaires étrangères.\n")
    [agent] = agents_of(doc, "indiqué")
    algeria = id_iri("state", "algeria")
    assert agent == algeria or doc.entities[agent].affiliation == algeria


def test_a_seat_of_government_speaks_for_it() -> None:
    doc = extract_text("La visite aura lieu au Havre, a annoncé Matignon.\n")
    assert agents_of(doc, "annoncé") == [id_iri("org", "matignon")]


def test_the_city_of_a_gathering_is_its_place_not_a_party() -> None:
    doc = extract_text("La rencontre de Tachkent entre les ministres indien et pakistanais des Affaires "
                       "étrangères a eu lieu le 2 juillet.\n")
    [meeting] = [e for e in doc.events if e.trigger.text == "rencontre"]
    assert meeting.places == [id_iri("place", "tashkent")]
    assert id_iri("state", "uzbekistan") not in doc.entities


def test_counterparts_listed_by_title_after_the_verb_are_all_met() -> None:
    doc = extract_text("En marge de la conférence, M. Ahmed Attaf, chef de la diplomatie algérienne, a rencontré "
                       "tour à tour le ministre des Affaires étrangères de la République fédérative du Brésil, "
                       "M. Paulo Ramos, le ministre des Affaires étrangères du Honduras, M. Carlos Mejía Ruiz, et le "
                       "ministre des Affaires étrangères du Nicaragua, M. Ernesto Vargas.\n")
    [meeting] = [e for e in doc.events if e.trigger.text == "rencontré"]
    sides = {p.actor: p.side for p in meeting.participants}
    assert sides == {id_iri("person", "ahmed-attaf"): id_iri("state", "algeria"),
                     id_iri("person", "paulo-ramos"): id_iri("state", "brazil"),
                     id_iri("person", "carlos-mejia-ruiz"): id_iri("state", "honduras"),
                     id_iri("person", "ernesto-vargas"): id_iri("state", "nicaragua")}



def test_coordinated_titles_share_the_state_the_second_names() -> None:
    doc = extract_text("Vendredi, Emmanuel Macron, le président français, recevra à l'Élysée le Premier ministre "
                       "et chef de la diplomatie du Qatar.\n")
    [meeting] = [e for e in doc.events if e.trigger.text == "recevra"]
    others = [p for p in meeting.participants if p.actor != id_iri("person", "emmanuel-macron")]
    assert [p.side for p in others] == [id_iri("state", "qatar")]  # not France's Prime Minister


def test_states_named_in_titles_are_not_parties_besides_their_holders() -> None:
    doc = extract_text("Mardi, Khalid Al-Mansouri, ministre des Affaires étrangères du Qatar, et Antonio Guterres, "
                       "secrétaire général de l'ONU, ont discuté par téléphone.\n")
    [call] = [e for e in doc.events if e.trigger.text.startswith("discuté")]
    assert {p.actor for p in call.participants} == {id_iri("person", "khalid-al-mansouri"),
                                                   id_iri("person", "antonio-guterres")}
