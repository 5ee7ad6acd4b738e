"""Readouts that tell a reception in the passive, and guests with bare offices (issue 12).

Short texts written here. "X a été reçu par le Premier ministre portugais Y": the parser hangs the
agent phrase on "ministre" (and may lose the name that follows), while the role stage found the
holder from the phrase's first word; the holder must still be the host. "La ministre des Affaires
étrangères, X, en visite au Portugal": X is the guest, so her bare office is not held for Portugal.
"""

from __future__ import annotations

import extracting
from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri


def extract_text(text: str) -> ExtractedDocument:
    return extracting.extract_text(text, "readout-agents")


def meeting(doc: ExtractedDocument, trigger: str = "reçu"):
    """The gathering told by the verb ``trigger`` (a visit in the same sentence may be another)."""
    gatherings = [e for e in doc.events if e.event_type in GATHERINGS and e.trigger.text.startswith(trigger)]
    assert len(gatherings) == 1, doc.events
    return gatherings[0]


def test_the_agent_of_a_passive_reception_is_the_host_and_takes_part() -> None:
    doc = extract_text("La ministre française des Affaires étrangères, Clara Vidal, a été reçue mardi à "
                       "Lisbonne par le Premier ministre portugais Rui Fontes.\n")
    event = meeting(doc)
    host = id_iri("person", "rui-fontes")
    assert event.host == host
    assert {p.actor for p in event.participants} == {host, id_iri("person", "clara-vidal")}


def test_a_guest_named_with_a_bare_office_does_not_serve_the_state_she_visits() -> None:
    doc = extract_text("La ministre des Affaires étrangères, Clara Vidal, en visite au Portugal, a été reçue "
                       "mardi par le Premier ministre portugais, Rui Fontes.\n")
    guest = doc.entities[id_iri("person", "clara-vidal")]
    portugal = id_iri("state", "portugal")
    assert all(r.organisation != portugal for r in guest.roles)
    assert id_iri("person", "rui-fontes") in {p.actor for p in meeting(doc).participants}


def test_a_host_with_a_bare_office_still_serves_the_state_her_guest_visits() -> None:
    doc = extract_text("La ministre des Affaires étrangères, Clara Vidal, a reçu mardi son homologue malien, "
                       "Moussa Keita, en visite officielle en Belgique.\n")
    host = doc.entities[id_iri("person", "clara-vidal")]
    assert [r.organisation for r in host.roles] == [id_iri("state", "belgium")]


def test_counterparts_listed_under_a_colon_take_part_in_the_talks() -> None:
    doc = extract_text(
        "Selon un communiqué du ministère, la ministre Clara Vidal s'est entretenue successivement avec :\n"
        "- le ministre des Affaires étrangères de la République du Ghana, M. Kwame Asante,\n"
        "- le ministre des Affaires étrangères du Sénégal, M. Ibrahima Ndiaye,\n"
        "- ainsi que la ministre des Affaires étrangères du Kenya, Mme Wanjiru Kamau.\n"
        "\n"
        "Les entretiens ont porté sur la sécurité régionale.\n")
    talks = meeting(doc, "entretenue")
    people = {p.actor: p.side for p in talks.participants}
    assert people.keys() == {id_iri("person", slug) for slug in
                             ("clara-vidal", "kwame-asante", "ibrahima-ndiaye", "wanjiru-kamau")}
    assert people[id_iri("person", "ibrahima-ndiaye")] == id_iri("state", "senegal")


def test_ranks_and_sem_are_titles_before_a_name_not_part_of_it() -> None:
    doc = extract_text("Le Capitaine Moussa SANOGO a reçu mardi à Bamako le ministre russe des Affaires étrangères, "
                       "SEM Sergueï LAVROV. Le maréchal Idriss Kaboré a rencontré le Colonel Ali Diarra.\n")
    people = {iri for iri, e in doc.entities.items() if e.kind == "person"}
    assert {id_iri("person", s) for s in ("moussa-sanogo", "idriss-kabore", "ali-diarra")} <= people
    assert not any(e.kind == "org" for e in doc.entities.values())
    lavrov = doc.entities[id_iri("person", "sergey-lavrov")]
    assert [r.organisation for r in lavrov.roles] == [id_iri("state", "russia")]
    assert {p.actor for p in meeting(doc).participants} == {id_iri("person", "moussa-sanogo"), lavrov.iri}


def test_the_agent_of_a_passive_reception_the_parser_hung_on_the_next_verb() -> None:
    """Commas around the day make the parser read "le chef du Gouvernement" as the subject of
    "indique"; the "par" phrase right after "a été reçu" is still who received him."""
    doc = extract_text("Le ministre des Affaires étrangères, Paul Meyer, en visite en Norvège, a été reçu, mardi, par "
                       "le chef du Gouvernement norvégien, Lars Holm, indique un communiqué du ministère des "
                       "Affaires étrangères.\n")
    event = meeting(doc)
    host = id_iri("person", "lars-holm")
    assert event.host == host
    assert {p.actor for p in event.participants} == {host, id_iri("person", "paul-meyer")}


def test_an_appeal_to_someone_to_do_something_with_a_clitic_or_a_long_object() -> None:
    from diplograph.extract.kinds import et

    doc = extract_text("Le président tchadien a appelé les pays de la région à s'unir contre le terrorisme. "
                       "Le Conseil de paix a appelé le président Moussa Faki et le chef de l'opposition "
                       "Ali Bongo à reprendre le dialogue.\n")
    appeals = [e for e in doc.events if e.event_type == et("appeal")]
    assert [e.trigger.text for e in appeals] == ["appelé", "appelé"]


def test_days_of_discussions_are_the_summit_they_close_not_a_second_event() -> None:
    doc = extract_text("Les chefs d'État de la région ont clos mardi leur sommet à Nairobi au terme de deux jours "
                       "de discussions.\n")
    summit = meeting(doc, "sommet")
    assert [e for e in doc.events if e.event_type in GATHERINGS] == [summit]
    assert "discussions" in [m.text for m in summit.mentions]


def test_the_head_of_a_delegation_led_in_the_passive_takes_part_on_its_side() -> None:
    doc = extract_text("Le sommet de l'Union africaine s'est achevé dimanche à Addis-Abeba. La délégation malienne "
                       "à ce sommet a été conduite par son Premier ministre, Moussa Traoré.\n")
    sides = {p.actor: p.side for p in meeting(doc, "sommet").participants}
    assert sides.get(id_iri("person", "moussa-traore")) == id_iri("state", "mali")
