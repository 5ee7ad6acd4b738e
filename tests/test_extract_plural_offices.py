"""Office holders named together: plural role phrases, counterparts, signature lines, home offices.

Facts come from reading three small texts: tests/texts/extract-plural-offices.txt (an agency
dispatch: "Les ministres autrichien et slovène des Affaires étrangères", "Les ministres des deux
pays, Mme X et M. Y", "son homologue slovène" with and without a name, "ses homologues hongroise
et roumain, X et Y"), extract-home-office.txt (a presidency readout saying "le Président de la
République" for its own head of state) and extract-signature-lines.txt (a joint declaration
written by "Nous, ministres ..." and signed "Name, office" on the last lines).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"
FOREIGN_MINISTER = vocab_iri("role", "foreign-minister")
LEITNER = id_iri("person", "anna-leitner")
ZUPAN = id_iri("person", "marko-zupan")
AUSTRIA, SLOVENIA = id_iri("state", "austria"), id_iri("state", "slovenia")


def _extract(name: str) -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / name))


@pytest.fixture(scope="module")
def plural() -> ExtractedDocument:
    return _extract("extract-plural-offices.txt")


def _event(doc: ExtractedDocument, trigger: str):
    """The event told at ``trigger``: its first trigger or a further mention ("Il y sera reçu par
    ..." is the visit announced just before)."""
    begin = doc.source.text.index(trigger)
    return next(e for e in doc.events if any(s.begin == begin for s in [e.trigger, *e.mentions]))


def _sides(event) -> dict[str, str | None]:
    return {p.actor: p.side for p in event.participants}


def test_coordinated_demonyms_stand_for_one_holder_per_state(plural: ExtractedDocument) -> None:
    # "Les ministres autrichien et slovène des Affaires étrangères se sont réunis": the two
    # foreign ministers named later, each on their state's side, not one unnamed group
    assert _sides(_event(plural, "réunis")) == {LEITNER: AUSTRIA, ZUPAN: SLOVENIA}
    assert not [e for e in plural.entities.values() if e.kind == "group" and "ministres" in e.label]
    # the plural phrase says which ministers they are: "La ministre autrichienne" is the foreign minister
    assert [(r.role, r.organisation) for r in plural.entities[LEITNER].roles] == [(FOREIGN_MINISTER, AUSTRIA)]
    assert [(r.role, r.organisation) for r in plural.entities[ZUPAN].roles] == [(FOREIGN_MINISTER, SLOVENIA)]


def test_names_in_apposition_to_a_plural_phrase_are_its_holders(plural: ExtractedDocument) -> None:
    # "Les ministres des deux pays, Mme Leitner et M. Zupan, ont signé": both sign, the short
    # names are the people named in full before, and nobody is left without a side
    assert _sides(_event(plural, "signé")) == {LEITNER: AUSTRIA, ZUPAN: SLOVENIA}
    assert id_iri("person", "leitner") not in plural.entities


def test_unnamed_counterpart_is_a_person_of_that_state(plural: ExtractedDocument) -> None:
    # "Le chancelier autrichien doit se rendre à Ljubljana ..., a précisé Mme Leitner. Il y sera
    # reçu par son homologue slovène": "Il" is the chancellor (not the speaker of the incise), and
    # the unnamed counterpart is Slovenia's holder of the chancellor's office
    sides = _sides(_event(plural, "reçu par"))
    assert LEITNER not in sides
    assert sides[id_iri("person", "chancelier-autrichien")] == AUSTRIA
    counterpart = [a for a, s in sides.items() if s == SLOVENIA]
    assert len(counterpart) == 1
    assert plural.entities[counterpart[0]].roles[0].role == vocab_iri("role", "chancellor")


def test_coordinated_counterparts_pair_demonyms_and_names_in_order(plural: ExtractedDocument) -> None:
    # "ses homologues hongroise et roumain, Katalin Varga et Mihai Popa"
    call = _event(plural, "entretenu par téléphone")
    assert _sides(call) == {id_iri("person", "ivan-horvat"): id_iri("state", "croatia"),
                            id_iri("person", "katalin-varga"): id_iri("state", "hungary"),
                            id_iri("person", "mihai-popa"): id_iri("state", "romania")}
    assert plural.entities[id_iri("person", "katalin-varga")].roles[0].role == FOREIGN_MINISTER


def test_readout_title_without_state_is_the_home_office_holder() -> None:
    doc = _extract("extract-home-office.txt")
    macron, araya = id_iri("person", "emmanuel-macron"), id_iri("person", "tomas-araya")
    # "Le Président de la République s'est entretenu ... avec le Président de la République du
    # Chili, M. Tomás Araya": the first title names no state, so it is not Araya but the office
    # holder on that date of the one state the text names whose holder it does not name
    assert _sides(_event(doc, "entretenu")) == {macron: id_iri("state", "france"), araya: id_iri("state", "chile")}
    # the same title later means the same person
    assert _event(doc, "salué").agents == [macron]
    # "Madame la Présidente," addresses someone: no office holder is read into it
    assert all(m.begin > 20 for m in doc.entities[macron].mentions)


def test_signature_lines_and_we_of_a_joint_declaration() -> None:
    doc = _extract("extract-signature-lines.txt")
    lindqvist, brekke = id_iri("person", "mette-lindqvist"), id_iri("person", "olav-brekke")
    # "Mette Lindqvist, ministre des Affaires étrangères du Danemark" on a line of its own
    assert [(r.role, r.organisation) for r in doc.entities[lindqvist].roles] == [
        (FOREIGN_MINISTER, id_iri("state", "denmark"))]
    # "Nous, ministres des Affaires étrangères du Danemark et de la Norvège, nous sommes réunis"
    expected = {lindqvist: id_iri("state", "denmark"), brekke: id_iri("state", "norway")}
    assert _sides(_event(doc, "réunis")) == expected
    assert _sides(_event(doc, "convenus")) == expected


def test_counted_states_and_demonym_nouns_give_the_named_holders_sides(plural: ExtractedDocument) -> None:
    # "les ministres de l'Environnement des deux pays, Eva Gruber et Tina Novak": the two
    # countries of the story, in the order the story gave them; the text does not say which
    # ministers they are, so they stay ministers (not foreign ministers)
    gruber, novak = id_iri("person", "eva-gruber"), id_iri("person", "tina-novak")
    met = _event(plural, "réunis à Maribor")
    assert {a: s for a, s in _sides(met).items() if a in (gruber, novak)} == {gruber: AUSTRIA, novak: SLOVENIA}
    assert [r.role for r in plural.entities[gruber].roles] == [vocab_iri("role", "minister")]
    # "Leurs vice-ministres des Affaires étrangères, l'Autrichien Paul Huber et le Slovène Luka Kranjc"
    talk = _event(plural, "entretenus lundi")
    assert _sides(talk) == {id_iri("person", "paul-huber"): AUSTRIA, id_iri("person", "luka-kranjc"): SLOVENIA}
    assert plural.entities[id_iri("person", "paul-huber")].roles[0].role == vocab_iri("role", "deputy-foreign-minister")


def test_countries_counted_and_attendees_of_a_gathering_told_before(plural: ExtractedDocument) -> None:
    # "Les deux pays sont convenus de tenir un sommet": the story's two states agree (a compound
    # past with "être", not a passive without an agent)
    agreement = _event(plural, "convenus")
    assert agreement.event_type == vocab_iri("event-type", "agreement")
    assert {p.actor for p in agreement.participants} == {AUSTRIA, SLOVENIA}
    # "Le président slovène, Janez Kos, y participera, ainsi que le commissaire européen Pieter
    # Aalberts": both attend the summit told in the sentence before
    summit = _event(plural, "sommet à Klagenfurt")
    assert _sides(summit)[id_iri("person", "janez-kos")] == SLOVENIA
    assert id_iri("person", "pieter-aalberts") in _sides(summit)


def test_counterpart_in_an_object_list_and_a_future_verb_after_an_office() -> None:
    doc = _extract("extract-counterpart-lists.txt")
    solberg, petrovic = id_iri("person", "ingrid-solberg"), id_iri("person", "dragan-petrovic")
    vukovic = id_iri("person", "marko-vukovic")
    serbia = id_iri("state", "serbia")
    # "a reçu ... le ministre serbe des Affaires étrangères, X, et son homologue monténégrin, Y"
    expected = {solberg: id_iri("state", "norway"), petrovic: serbia, vukovic: id_iri("state", "montenegro")}
    assert _sides(_event(doc, "reçu")) == expected
    # "Les trois ministres sont convenus de se revoir": they agree
    assert _sides(_event(doc, "convenus")) == expected
    # "Le ministre serbe rencontrera ... son homologue hongroise, Z": the Serbian minister meets her
    assert _sides(_event(doc, "rencontrera")) == {petrovic: serbia, id_iri("person", "katalin-szep"):
                                                 id_iri("state", "hungary")}


def test_bare_office_of_a_host_readout_and_the_chair_of_a_gathering() -> None:
    doc = _extract("extract-host-visit.txt")
    brunner, araneda = id_iri("person", "karl-brunner"), id_iri("person", "diego-araneda")
    austria = id_iri("state", "austria")
    # "Le ministre des Affaires étrangères, M. Karl Brunner, a reçu ... son homologue chilien, M.
    # Diego Araneda, en visite officielle en Autriche": the bare office is Austria's
    assert [(r.role, r.organisation) for r in doc.entities[brunner].roles] == [(FOREIGN_MINISTER, austria)]
    sides = _sides(_event(doc, "reçu"))
    assert (sides[brunner], sides[araneda]) == (austria, id_iri("state", "chile"))
    # "une réunion sur le désarmement, sous la présidence de la ministre slovaque, Jana Kováčová"
    assert _sides(_event(doc, "réunion"))[id_iri("person", "jana-kovacova")] == id_iri("state", "slovakia")
    # "un sommet régional, qui sera coprésidé par la présidente slovène, Maja Zupančič, ...": a chair
    assert _sides(_event(doc, "sommet"))[id_iri("person", "maja-zupancic")] == id_iri("state", "slovenia")


def test_companion_of_the_guest_and_a_second_title_before_a_name() -> None:
    doc = _extract("extract-host-visit.txt")
    chile, austria = id_iri("state", "chile"), id_iri("state", "austria")
    # "M. Araneda était accompagné de Mme Lucía Torres, secrétaire d'État ...": she came with the
    # guest, so the host state is not hers; she joins the meeting on the guest's side
    assert _sides(_event(doc, "reçu"))[id_iri("person", "lucia-torres")] == chile
    # "avec le Chancelier fédéral, Chef du Gouvernement, M. Stefan Aigner": the name after two titles
    aigner = id_iri("person", "stefan-aigner")
    assert _sides(_event(doc, "entretenu")) == {id_iri("person", "diego-araneda"): chile, aigner: austria}
    assert doc.entities[aigner].roles[0].role == vocab_iri("role", "chancellor")


def test_coordinated_titled_subjects_both_take_part() -> None:
    # "La présidente péruvienne, Carmen Flores Villanueva, et le président bolivien, Jorge Quiroga,
    # se sont réunis": both (coordinated subjects each set off by an apposition)
    doc = _extract("extract-counterpart-lists.txt")
    assert _sides(_event(doc, "réunis")) == {id_iri("person", "carmen-flores-villanueva"): id_iri("state", "peru"),
                                             id_iri("person", "jorge-quiroga"): id_iri("state", "bolivia")}
