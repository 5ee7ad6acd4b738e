"""Who says a quotation: incises, colons, straight quotes and quoted labels (issue 12, pattern 6).

Short texts written for these tests (tests/texts/extract-quotes-*.txt, not taken from any
source); each test reads facts from them through the real pipeline (spaCy + the vocabulary).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module")
def nlp():
    from diplograph.analyse import load_nlp

    return load_nlp()


def _extract(nlp, name: str) -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / name), nlp)


def _said(doc: ExtractedDocument) -> dict[str, str | None]:
    """Quoted words -> label of their speaker (None when the quote has no speaker)."""
    return {q.span.text: (doc.entities[q.speaker].label if q.speaker in doc.entities else q.speaker)
            for q in doc.quotes}


def test_incise_speaker_is_the_previous_speaker_not_the_last_person_named(nlp) -> None:
    doc = _extract(nlp, "extract-quotes-incise.txt")
    said = _said(doc)
    assert said["Nos deux pays partagent les mêmes priorités"] == "Henrik Solberg"
    assert said["Nous irons plus loin cette année"] == "Henrik Solberg"  # not Ingrid Moe
    # the act of saying it has the same speaker as the words
    [added] = [q for q in doc.quotes if q.span.text.startswith("Nous irons")]
    [statement] = [e for e in doc.events if e.trigger.begin == added.statement]
    assert [doc.entities[a].label for a in statement.agents] == ["Henrik Solberg"]


def test_colon_introduced_and_straight_double_quotes(nlp) -> None:
    said = _said(_extract(nlp, "extract-quotes-colon.txt"))
    # "citer" is a quotation verb of ontology/vocab/quotation.ttl; "elle" is the commissioner
    assert said["Le financement n'est pas réuni et les experts manquent."] == "Marta Kowalczyk"
    assert said["Le calendrier reste inchangé."] == "Jan Peeters"
    assert said["Nous tiendrons les délais"] == "Jan Peeters"  # "a-t-il poursuivi"


def test_quoted_word_needs_a_speech_verb_to_have_a_speaker(nlp) -> None:
    doc = _extract(nlp, "extract-quotes-labels.txt")
    said = _said(doc)
    # a label naming a thing, said by no one, is no quotation (dispatches and quotes round: it
    # used to be a quote without speaker or statement)
    assert "corridor" not in said
    assert said["oui"] == "Pavel Novak"  # "a répondu par un simple « oui »"
    assert said["inacceptable"] == "Pavel Novak"  # "Il a jugé « inacceptable »"


def test_quotation_verbs_come_from_the_vocabulary() -> None:
    from diplograph.extract.quote_speakers import speech_lemmas
    from diplograph.lexicon import load_lexicon

    verbs = speech_lemmas(load_lexicon())
    assert {"citer", "poursuivre"} <= verbs  # quotation.ttl
    assert {"déclarer", "ajouter", "répondre"} <= verbs  # speech event triggers (triggers.ttl)
