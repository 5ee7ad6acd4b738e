"""Newspaper bilaterals, spokespersons' briefings, ministerials with meetings on their margins, signing
dispatches, Asian state-visit readouts and mediated talks in rounds (issue 12, round M).

Short texts written here, in the ways such prose is built, with invented people or real figures in
made-up situations; none of them is a sentence of the held-out texts.
"""

from __future__ import annotations

import datetime

from extracting import event_at, extract_text
from extracting import participant_sides as sides


def test_a_counted_plural_before_an_adverb_is_the_subject_of_its_verb() -> None:
    """"Les deux chefs d'État se sont d'abord entretenus en tête-à-tête": with "d'abord" between the
    auxiliary and the participle the parser makes the verb a clause of the noun (ROOT "chefs", acl
    "entretenus"); a verb with its own auxiliary is finite, and the counted plural is its subject: the
    two presidents of the reception told just before talk alone."""
    doc = extract_text("Le président béninois, Romuald Wadagni, a reçu jeudi à Cotonou son homologue nigérien, "
                       "Ali Lamine Zeine. Les deux chefs d'État se sont d'abord entretenus en tête-à-tête, avant "
                       "d'être rejoints par leurs délégations.\n", "round-m-dabord", datetime.date(2026, 3, 6))
    talk = event_at(doc, "tête-à-tête")
    assert {"romuald-wadagni", "ali-lamine-zeine"} <= set(sides(talk)), sides(talk)


def test_a_numbered_round_of_talks_is_a_negotiation_of_its_own() -> None:
    """"Le troisième round des pourparlers s'est ouvert lundi ... Le premier round, du 9 au 16 mai, avait
    permis ...": "round" is the press's word for a cycle of talks, as "cycle" is; a round told with
    its own number and days is another negotiation than the one opening now."""
    doc = extract_text("Le troisième round des pourparlers entre le gouvernement et les rebelles s'est ouvert lundi "
                       "à Lomé. Le premier round, du 4 au 8 mai, avait permis de fixer un calendrier.\n",
                       "round-m-round", datetime.date(2026, 6, 29))
    talks = {e.date.iso: e for e in doc.events if e.event_type.endswith("/negotiation") and e.date is not None}
    assert {"2026-05-04", "2026-06-29"} <= set(talks), [(e.trigger.text, e.date) for e in doc.events]
    assert talks["2026-05-04"].trigger.text == "round", talks["2026-05-04"].trigger


def test_khmer_honorifics_before_a_name_are_no_part_of_it() -> None:
    """"au président du Sénat, Samdech Techo Chea Sim", "Samdech Thipadei Sar Kheng": "Samdech" (and the
    honorific words after it, "Techo", "Thipadei") are courtesy titles as "S.E. M." is: the person is
    the name after them, not an organisation named with the title."""
    doc = extract_text("Mercredi, le président lao a rendu une visite de courtoisie au président du Sénat, Samdech "
                       "Techo Chea Sim, puis a rencontré le vice-Premier ministre, Samdech Thipadei Sar Kheng.\n",
                       "round-m-samdech", datetime.date(2026, 10, 22))
    people = {iri.rsplit("/", 1)[-1]: e.kind for iri, e in doc.entities.items()}
    assert people.get("chea-sim") == "person" and people.get("sar-kheng") == "person", people
    assert not any(slug.startswith("samdech") for slug in people), people


def test_a_present_participle_after_an_incise_and_its_circumstance_quotes_the_incise_speaker() -> None:
    """"« ... », a déclaré M. X lors d'une conférence de presse commune, évoquant « ... »": the parser
    hangs the participle on the noun of the circumstance ("conférence"); a present participle after a
    comma says what the subject of its clause says, as a gerund does: X's words."""
    doc = extract_text("« Le dialogue est rétabli », a déclaré M. Kouassi lors d'une conférence de presse commune, "
                       "évoquant « une page nouvelle qui s'ouvre entre nous ».\n", "round-m-evoquant",
                       datetime.date(2026, 3, 14))
    said = {q.span.text: q.speaker.rsplit("/", 1)[-1] if q.speaker else None for q in doc.quotes}
    assert said.get("une page nouvelle qui s'ouvre entre nous") == "kouassi", said


def test_what_a_journalist_asks_for_in_a_question_is_no_event() -> None:
    """"Pouvez-vous le confirmer ?", "Quelle est la réaction du Japon ?": a direct question (an inverted
    clitic subject or "quel", a question mark) asks for an act; its head tells none. The statement the
    question is about, told before it, stays one."""
    doc = extract_text("Q : Le ministre indien a affirmé hier que les deux pays signeraient un accord en juin. "
                       "Pouvez-vous le confirmer ?\n\nR : Je vous renvoie au ministère du Commerce.\n\n"
                       "Q : Quelle est la réaction du Japon aux nouvelles mesures ?\n", "round-m-question",
                       datetime.date(2026, 5, 6))
    triggers = {e.trigger.text for e in doc.events}
    assert "confirmer" not in triggers and "réaction" not in triggers, triggers
    assert "affirmé" in triggers, triggers


def test_agreeing_with_what_was_said_is_a_statement() -> None:
    """"Son homologue a abondé dans le même sens": to speak in the same direction as the speaker before
    is a statement of one's own, made that day."""
    doc = extract_text("Le président ghanéen, John Asare, a plaidé jeudi à Accra pour une monnaie commune. Son "
                       "homologue togolais, Paul Amedzro, a abondé dans le même sens.\n", "round-m-abonder",
                       datetime.date(2026, 3, 14))
    said = next((e for e in doc.events if e.trigger.text.startswith("abondé")), None)
    assert said is not None, [e.trigger.text for e in doc.events]
    assert said.event_type.endswith("/statement"), said.event_type
    assert said.date is not None and said.date.iso == "2026-03-12", said.date
