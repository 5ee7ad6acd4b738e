"""Agency datelines without a date, treaty steps, fronted participles (issue 12, round H).

Short texts written here, in the ways such prose is built: a state agency opens its dispatch on
the city in capitals and a dash, with no date ("TUNIS - ..."); an encyclopedia tells a treaty's
initialling, approval and exchange of instruments; a dispatch opens on a participle of a
gathering whose subject is the main clause's.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text
from extracting import participant_sides as sides

UNDATED_DATELINE = (
    "TUNIS - Le ministre des Affaires étrangères, M. Hédi Gharbi, a reçu lundi au siège du ministère "
    "l'ambassadeur du Japon en Tunisie, M. Kenji Arai, venu lui faire ses adieux au terme de sa mission.\n"
)


@pytest.fixture(scope="module")
def undated() -> ExtractedDocument:
    return extract_text(UNDATED_DATELINE, "round-h-undated-dateline", datetime.date(2026, 2, 3))


def _event(doc: ExtractedDocument, word: str):
    found = [e for e in doc.events if e.trigger.text == word]
    assert len(found) == 1, [(e.trigger.text, event_kind(e)) for e in doc.events]
    return found[0]


def test_an_undated_agency_dateline_gives_bare_offices_their_state(undated) -> None:
    """"TUNIS - Le ministre des Affaires étrangères, M. X, a reçu ...": an agency writing from Tunis
    names Tunisia's own minister by his bare office; he sits on Tunisia's side, the ambassador on
    Japan's."""
    audience = _event(undated, "reçu")
    assert sides(audience).get("hedi-gharbi") == "tunisia"
    assert sides(audience).get("kenji-arai") == "japan"


def test_an_undated_agency_dateline_places_the_story_in_its_city(undated) -> None:
    """The audience "au siège du ministère" of a dispatch datelined "TUNIS -" took place in Tunis."""
    audience = _event(undated, "reçu")
    assert any(p.endswith("/tunis") for p in audience.places), audience.places


TREATY = (
    "Le traité de Kara fut négocié en trois cycles. Le texte fut paraphé le 3 mai 1996 par les deux chefs "
    "de délégation. Le Parlement togolais l'approuva le 4 octobre 1996. L'échange des instruments de "
    "ratification eut lieu à Lomé le 2 juin 1997.\n"
)


@pytest.fixture(scope="module")
def treaty() -> ExtractedDocument:
    return extract_text(TREATY, "round-h-treaty", datetime.date(2024, 1, 10))


@pytest.mark.parametrize("word,day", [("paraphé", "1996-05-03"), ("approuva", "1996-10-04"),
                                      ("échange des instruments de ratification", "1997-06-02")])
def test_the_steps_of_a_treaty_are_agreements(treaty, word, day) -> None:
    """Initialling a text, a parliament approving it and exchanging the instruments of ratification
    are steps by which states bind themselves to a treaty: agreements, each on its own day."""
    step = _event(treaty, word)
    assert event_kind(step) == "agreement"
    assert step.date is not None and step.date.iso == day


def test_a_participle_opening_a_dispatch_tells_the_gathering_of_the_main_subject() -> None:
    """"Réunis mardi à Genève pour une conférence ..., les ministres ... ont adopté ...": the opening
    participle tells the gathering, with its day and city, though it has no subject of its own (the
    parse may hang it on the dateline)."""
    doc = extract_text(
        "GENÈVE, 13 mai 2026 (ATS) - Réunis mardi à Genève pour une conférence sur la sécurité alimentaire, "
        "les ministres de l'Agriculture de douze pays africains ont adopté une feuille de route commune.\n",
        "round-h-fronted", datetime.date(2026, 5, 13))
    gathering = _event(doc, "Réunis")
    assert event_kind(gathering) == "meeting"
    assert gathering.date is not None and gathering.date.iso == "2026-05-12"
    assert any(p.endswith("/geneva") for p in gathering.places), gathering.places


def test_an_initialling_participle_on_a_signed_text_is_the_signing_with_its_signatories() -> None:
    """"s'est conclue par la signature d'un accord sur le partage des eaux, paraphé par M. A et M. B":
    the participle tells the same act again and who did it: one agreement, A and B taking part."""
    doc = extract_text(
        "La dernière session s'est conclue le 12 juin 2019 par la signature d'un accord sur le partage des "
        "eaux du fleuve, paraphé par M. Amadou Diarra et M. Paul Kaboré.\n",
        "round-h-initialled", datetime.date(2024, 1, 10))
    agreements = [e for e in doc.events if event_kind(e) == "agreement"]
    assert len(agreements) == 1, [(e.trigger.text, event_kind(e)) for e in doc.events]
    people = {p.actor.rsplit("/", 1)[-1] for p in agreements[0].participants} | {
        a.rsplit("/", 1)[-1] for a in agreements[0].agents}
    assert {"amadou-diarra", "paul-kabore"} <= people, people


def test_a_passive_looking_back_on_signed_texts_is_no_second_signing() -> None:
    """"Ces textes ont été signés par les ministres": no day of its own, it looks back on the signing
    just told, and adds no second agreement."""
    doc = extract_text(
        "Les deux parties ont signé mardi trois accords de coopération. Ces textes ont été signés par les "
        "ministres des Affaires étrangères des deux pays.\n",
        "round-h-looking-back", datetime.date(2026, 3, 5))
    agreements = [e for e in doc.events if event_kind(e) == "agreement"]
    assert len(agreements) == 1, [(e.trigger.text, event_kind(e)) for e in doc.events]


def test_a_name_followed_by_pour_and_a_state_signed_for_that_state() -> None:
    """"signé ... par les ministres des Affaires étrangères, A pour le Togo et B pour le Bénin": a
    signatory is on the side of the state named after "pour" (the parse loses B as a second agent
    of the passive: left as found)."""
    doc = extract_text(
        "L'accord fut signé le 2 mars 2001 par les ministres des Affaires étrangères, Koffi Amegan pour le "
        "Togo et Jean-Marie Houngbédji pour le Bénin, en présence des deux chefs d'État.\n",
        "round-h-signing-for", datetime.date(2024, 1, 10))
    signing = _event(doc, "signé")
    assert sides(signing).get("koffi-amegan") == "togo"


def test_a_known_family_name_after_another_given_name_is_another_person() -> None:
    """The gazetteer knows Matthew Whitaker ("Whitaker" for short). "Daniel Whitaker", and "M.
    Whitaker" after him, are another man of that family name, named as the text names him."""
    from diplograph.namespaces import id_iri

    doc = extract_text(
        "L'envoyé spécial américain, Daniel Whitaker, est arrivé lundi à Mascate. Le ministre omanais Badr "
        "Al-Harthi a ensuite reçu M. Whitaker au palais.\n",
        "round-h-namesake", datetime.date(2026, 10, 20))
    assert id_iri("person", "daniel-whitaker") in doc.entities
    assert id_iri("person", "matthew-whitaker") not in doc.entities
    received = _event(doc, "reçu")
    assert "daniel-whitaker" in sides(received)


def test_the_speaker_goes_on_through_a_present_participle_and_a_pronoun() -> None:
    """"M. X a indiqué avoir remis « ... » de son homologue malien, ajoutant que « ... ». Il a
    précisé ...": the one adding and then "il" are X, who spoke, not the counterpart named last."""
    doc = extract_text(
        "Dans une déclaration à la presse, M. Ahmed Ould Cheikh a indiqué avoir transmis au président Tall "
        "« les salutations amicales » de son homologue mauritanien, ajoutant que leur échange avait porté sur "
        "« la sécurité des frontières ». Il a précisé que la prochaine rencontre se tiendrait à Nouakchott "
        "« sans tarder ».\n",
        "round-h-speaker-goes-on", datetime.date(2026, 1, 18))
    speakers = {q.span.text: (q.speaker or "").rsplit("/", 1)[-1] for q in doc.quotes}
    assert speakers.get("la sécurité des frontières") == "ahmed-ould-cheikh", speakers
    assert speakers.get("sans tarder") == "ahmed-ould-cheikh", speakers


def test_the_bearer_of_a_leaders_message_comes_for_that_leaders_state() -> None:
    """"a reçu ... le ministre des Affaires étrangères, M. Y, porteur d'un message du président
    tunisien": in a readout from Algiers, Y's bare office is not Algeria's; he comes for Tunisia."""
    doc = extract_text(
        "ALGER - Le président de la République, M. Kamel Saadi, a reçu mardi le ministre des Affaires "
        "étrangères, M. Hatem Ben Salah, porteur d'un message du président tunisien. L'audience s'est "
        "déroulée en Algérie, au siège de la présidence.\n",
        "round-h-message-bearer", datetime.date(2026, 2, 4))
    audience = _event(doc, "reçu")
    assert sides(audience).get("hatem-ben-salah") == "tunisia", sides(audience)
    assert sides(audience).get("kamel-saadi") == "algeria", sides(audience)


def test_a_name_after_a_and_before_ou_is_a_place() -> None:
    """"doit se rendre à Hô Chi Minh-Ville, où elle rencontrera ...": the recogniser may take an
    unknown city for a person; "à X, où" names a place."""
    doc = extract_text(
        "Le 4 mars, la ministre doit se rendre à Hô Chi Minh-Ville, où elle rencontrera des chefs "
        "d'entreprise.\n",
        "round-h-city", datetime.date(2026, 3, 3))
    from diplograph.namespaces import id_iri

    assert id_iri("person", "ho-chi-minh-ville") not in doc.entities
    trip = _event(doc, "rendre")
    assert any(p.endswith("/ho-chi-minh-ville") for p in trip.places), trip.places


def test_a_suggestion_is_a_proposal_by_the_one_named_before() -> None:
    """"reçue par le Premier ministre X. Celui-ci a suggéré aux deux parties de ...": X proposed."""
    doc = extract_text(
        "La ministre Ana Kovač a été reçue par le Premier ministre Petar Ilić. Celui-ci a suggéré aux deux "
        "parties de doubler leurs échanges commerciaux d'ici 2030.\n",
        "round-h-suggestion", datetime.date(2026, 3, 3))
    suggestion = _event(doc, "suggéré")
    assert event_kind(suggestion) == "proposal"
    assert [a.rsplit("/", 1)[-1] for a in suggestion.agents] == ["petar-ilic"]
