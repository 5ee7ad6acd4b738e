"""Faults the round J leftovers and the lead's eighth round saw on real prose and left (issue 12,
third leftovers round).

Short texts written here, in our own words, built the way real ministry releases, presidency
readouts, agency dispatches and summit reports are: a meeting told "besides" the clause whose
subject had it, a readout quoted whole, talks held again, a summit with side talks, a headline
naming the two who met, first-person joint declarations, ministers standing in for leaders.
"""

from __future__ import annotations

import datetime

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text, participant_slugs

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


def _at(doc: ExtractedDocument, word: str):
    found = [e for e in doc.events if e.trigger.text == word or any(m.text == word for m in e.mentions)]
    assert len(found) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in doc.events]
    return found[0]


BESIDES = (
    "Vilnius, le 9 mars 2026 - Le ministre norvégien des Affaires étrangères, Lars Hovland, se rend "
    "lundi et mardi en Lituanie. Outre une rencontre avec le premier ministre Tomas Kairys, M. Hovland "
    "prononcera un discours devant le Parlement.\n"
)


def test_a_meeting_told_besides_the_clause_is_had_by_its_subject() -> None:
    """"Outre une rencontre avec X, Y prononcera ...": the meeting names one side (X after
    "avec"); the clause's subject is the other, as after "Après une rencontre avec X, Y ..."."""
    doc = extract_text(BESIDES, "leftovers-three-besides", PUBLISHED)
    assert participant_slugs(_at(doc, "rencontre")) >= {"tomas-kairys", "lars-hovland"}


BESIDES_PRONOUN = (
    "Vilnius, le 9 mars 2026 - Lars Hovland s'est rendu lundi à Vilnius. Outre un entretien avec "
    "Tomas Kairys, il a inauguré une exposition de photographies.\n"
)


def test_a_meeting_told_besides_a_pronoun_clause() -> None:
    """The clause's subject may be a pronoun for the visitor told just before."""
    doc = extract_text(BESIDES_PRONOUN, "leftovers-three-besides-il", PUBLISHED)
    assert participant_slugs(_at(doc, "entretien")) >= {"tomas-kairys", "lars-hovland"}


READOUT_QUOTED = (
    "Accra, le 9 mars 2026 - « Le président ghanéen, Kwame Boateng, s'est entretenu lundi par "
    "téléphone avec son homologue ivoirien, Yao Konan. Les deux chefs d'État ont passé en revue la "
    "coopération entre leurs pays », a indiqué la présidence ghanéenne dans un communiqué.\n"
)


def test_a_readout_quoted_whole_keeps_its_call() -> None:
    """A communiqué quoted whole, in the third person and the past, reports facts: the call it
    tells is an event with its two people, as it would be without the quotation marks."""
    doc = extract_text(READOUT_QUOTED, "leftovers-three-readout", PUBLISHED)
    calls = [e for e in doc.events if e.trigger.text.startswith("entretenu")]
    assert len(calls) == 1, [e.trigger.text for e in doc.events]
    call = calls[0]
    assert participant_slugs(call) >= {"kwame-boateng", "yao-konan"}
    assert call.date is not None and call.date.iso == "2026-03-09"


OPINION_QUOTED = (
    "Accra, le 9 mars 2026 - Le ministre ghanéen Kofi Mensah a reçu lundi l'ambassadeur du Togo. "
    "« Nous espérons rencontrer bientôt le président togolais, Faure Amegan », a-t-il déclaré.\n"
)


def test_words_in_the_first_person_stay_a_quotation() -> None:
    """Guard: a quotation in the first person is someone's words; the meeting it hopes for is
    not told as an event of the text."""
    doc = extract_text(OPINION_QUOTED, "leftovers-three-opinion", PUBLISHED)
    assert not any(e.trigger.text == "rencontrer" for e in doc.events)


TALKED_AGAIN = (
    "Lima, le 9 mars 2026 - Le président péruvien, Luis Quispe, et son homologue chilien, Andrés "
    "Soto, se sont reparlé lundi, trois jours après leur rencontre d'Arica. Les deux présidents se "
    "reparleront avant la fin du mois, a indiqué la présidence péruvienne.\n"
)


def test_talking_again_is_a_talk() -> None:
    """"se sont reparlé" (the talk held again) is a talk between its two subjects; "se
    reparleront" is the next one, still to come."""
    doc = extract_text(TALKED_AGAIN, "leftovers-three-again", PUBLISHED)
    again = _at(doc, "reparlé")
    assert participant_slugs(again) >= {"luis-quispe", "andres-soto"}
    assert again.date is not None and again.date.iso == "2026-03-09"
    assert _at(doc, "reparleront").status.endswith("planned")


CALLED_AGAIN = (
    "La Paz, le 9 mars 2026 - Le ministre bolivien des Affaires étrangères, Mario Condori, a "
    "retéléphoné lundi à son homologue paraguayen, Diego Benítez. Les deux ministres rediscuteront "
    "du tracé de la frontière à Asunción.\n"
)


def test_calling_again_and_discussing_again() -> None:
    """"retéléphoner à X" is a call with X; "rediscuter de" is a discussion, held again."""
    doc = extract_text(CALLED_AGAIN, "leftovers-three-recall", PUBLISHED)
    assert participant_slugs(_at(doc, "retéléphoné")) >= {"mario-condori", "diego-benitez"}
    assert _at(doc, "rediscuteront").status.endswith("planned")
