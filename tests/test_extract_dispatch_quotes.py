"""Quotes in agency dispatches and press-conference reports (issue 12, dispatches and quotes round).

The constructions were found by reading real dispatches; the texts here are our own sentences
(invented people and places), each giving one construction. Every test reads facts from the
real pipeline: the quoted words, who said them, and whether a quoted word is a quotation at all.
"""

from __future__ import annotations

import pytest

from diplograph.model import ExtractedDocument
from extracting import extract_dated


def _said(doc: ExtractedDocument, start: str) -> str | None:
    """The slug of the speaker of the one quote whose text starts with ``start``."""
    found = [q for q in doc.quotes if q.span.text.startswith(start)]
    assert len(found) == 1, [q.span.text for q in doc.quotes]
    return found[0].speaker.rsplit("/", 1)[-1] if found[0].speaker else None


@pytest.fixture(scope="module")
def inverted() -> ExtractedDocument:
    return extract_dated(
        "Le ministre norvégien de la Pêche, Halvard Mortensen, a présenté mardi le projet aux élus. "
        "Le futur accord sur les pêcheries constitue « un pas décisif », juge Halvard Mortensen.\n\n"
        "« Nos deux pays partagent les mêmes priorités, affirme Nadia Benslimane. Nous signerons "
        "l'accord avant l'été. »\n\n"
        "« Les deux capitales ont beaucoup à apprendre l'une de l'autre », a remarqué Lena Fischer.",
        "dispatch-inverted", "2026-03-12")


def test_a_present_tense_incise_names_its_speaker_after_the_verb(inverted):
    # ", juge X": the parser reads "juge" as a noun; the verb form still reports the words
    assert _said(inverted, "un pas décisif") == "halvard-mortensen"


def test_an_incise_inside_the_quotation_marks_names_the_speaker(inverted):
    # "« A, affirme X. B »": the quote goes on after the incise, its words are X's
    assert _said(inverted, "Nos deux pays partagent") == "nadia-benslimane"


def test_a_reporting_verb_of_the_vocabulary_with_its_subject_after_it(inverted):
    # "remarquer" is a quotation verb (ontology/vocab/quotation.ttl), no event trigger
    assert _said(inverted, "Les deux capitales") == "lena-fischer"


def test_a_pronoun_incise_closing_the_clause_reports_its_earlier_quote_too():
    doc = extract_dated(
        "Le ministre Julien Marchetti a reçu lundi son homologue. « Le dialogue a été franc », a "
        "déclaré Julien Marchetti. Sur le plan commercial, le chantier « avance bien » malgré les "
        "réserves de l'ancien ministre Paul Verdier et « devrait aboutir en mai », a-t-il précisé.",
        "dispatch-closing-incise", "2026-03-12")
    # the person named between the two quotes is not the one who speaks
    assert _said(doc, "avance bien") == "julien-marchetti"
    assert _said(doc, "devrait aboutir en mai") == "julien-marchetti"


def test_the_subject_before_a_relative_clause_speaks_rather_than_the_source():
    doc = extract_dated(
        "Selon l'agence Kora qui a relayé ses propos, Omar Diallo, qui a été applaudi par les délégués "
        "présents dans la salle, a soutenu que « la réforme profitera à toute la région ».",
        "dispatch-relative-clause", "2026-03-12")
    # the parse loses the subject ("Omar Diallo" read as a conjunct of "ses propos"); the person
    # before the relative clause is the one who speaks, not the source that "selon" names
    assert _said(doc, "la réforme profitera") == "omar-diallo"


def test_a_short_label_no_speech_verb_governs_is_no_quotation():
    doc = extract_dated(
        "Se donnant du « cher collègue », les deux ministres, Karl Obst et Ivo Marin, ont souligné la "
        "qualité de leurs relations. Ils veulent avancer « ensemble ». Karl Obst a qualifié la "
        "rencontre d'« historique ». « Nos équipes travaillent bien », a ajouté Ivo Marin, parlant d'une "
        "« relation exemplaire ».",
        "dispatch-labels", "2026-03-12")
    texts = [q.span.text for q in doc.quotes]
    # a form of address and a scare-quoted word are nobody's statement
    assert "cher collègue" not in texts
    assert "ensemble" not in texts
    # a word a speech verb gives to its subject stays a quotation with its speaker
    assert _said(doc, "historique") == "karl-obst"
    # and so does a word the participle of an incise speaks of
    assert _said(doc, "relation exemplaire") == "ivo-marin"


def _gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_class.rsplit("#", 1)[-1] in ("Meeting", "Negotiation", "Consultation")]


def test_people_who_have_just_met_met_once():
    doc = extract_dated(
        "La ministre Ana Ruiz et son homologue Tomas Berg, qui viennent de se rencontrer à Vigo, ont "
        "répondu ensemble aux journalistes. Ces discussions ont porté sur la pêche côtière.",
        "dispatch-recent-past", "2026-03-12")
    # "venir de" + infinitive tells what has just happened: not a meeting still to come, so
    # "ces discussions" are that meeting
    [meeting] = _gatherings(doc)
    assert meeting.status.endswith("/occurred")
    assert len(meeting.mentions) >= 1


def test_a_summit_whose_closing_is_announced_was_held_and_is_one_summit():
    doc = extract_dated(
        "Le gouvernement finlandais a annoncé samedi la clôture du sommet de Vantaa sur l'énergie. "
        "Le Premier ministre Aino Lehtola, qui a présidé le sommet, a salué des résultats concrets.",
        "dispatch-closing-announced", "2026-03-14")
    [summit] = _gatherings(doc)
    assert summit.status.endswith("/occurred")
