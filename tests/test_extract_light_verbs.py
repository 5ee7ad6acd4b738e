"""A light verb and the act its object names are one event (issue 12, patterns 1 and 5).

Ministries and agencies write "X a publié un communiqué", "a réitéré son appel": one act (the
communiqué, the appeal), told with a verb that says who did it and when. The texts below are
ours, in the style of such readouts.
"""

from __future__ import annotations

from diplograph.namespaces import id_iri
from extracting import event_at, event_kind, extract_dated


def events_in(doc, sentence: str) -> list:
    """The events whose trigger lies in the sentence that holds ``sentence``."""
    begin = doc.source.text.index(sentence)
    end = begin + len(sentence)
    return [e for e in doc.events if begin <= e.trigger.begin < end]


def test_a_communique_published_is_one_statement_with_its_publisher_and_day() -> None:
    sentence = "Le ministère des Affaires étrangères du Ghana a publié mardi un communiqué sur la crise."
    doc = extract_dated(sentence, "light-published", "2024-02-15")
    [event] = events_in(doc, sentence)
    assert event_kind(event) == "statement"
    assert id_iri("state", "ghana") in event.agents
    assert event.date is not None and event.date.iso == "2024-02-13"
    assert any(m.text == "communiqué" for m in [event.trigger, *event.mentions])


def test_an_appeal_reiterated_is_one_appeal_of_the_one_who_reiterates_it() -> None:
    sentence = "Le président Nana Akufo-Addo a réitéré son appel au calme."
    doc = extract_dated("Les manifestations se poursuivent à Accra. " + sentence, "light-reiterated", "2023-08-02")
    [appeal] = events_in(doc, sentence)
    assert event_kind(appeal) == "appeal"
    assert appeal.agents == [id_iri("person", "nana-akufo-addo")]
    assert event_at(doc, "appel") is appeal


def test_a_joint_declaration_published_is_one_statement() -> None:
    sentence = "Le Ghana et le Togo ont publié vendredi une déclaration commune sur la sécurité maritime."
    doc = extract_dated(sentence, "light-joint", "2024-05-31")
    [statement] = events_in(doc, sentence)
    assert event_kind(statement) == "statement"
    assert set(statement.agents) >= {id_iri("state", "ghana"), id_iri("state", "togo")}


def test_a_text_signed_stays_the_signing() -> None:
    sentence = "Les deux ministres ont signé mercredi une déclaration commune sur la pêche."
    doc = extract_dated(sentence, "light-signed", "2024-05-31")
    [signing] = events_in(doc, sentence)
    assert event_kind(signing) == "agreement"
