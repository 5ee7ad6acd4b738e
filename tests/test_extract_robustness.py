"""Extraction never fails on odd input and keeps its promises (offsets, order, determinism)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.reader import read_document, read_text

TEXTS = Path(__file__).parent / "texts"

WORDS = [
    "Le", "président", "russe", "Vladimir", "Poutine", "a", "reçu", "à", "Moscou", "l'émissaire",
    "américain", "Steve", "Witkoff", "le", "2", "décembre", "2025", "pendant", "environ", "cinq",
    "heures", "«", "»", ",", ".", ":", "-", "a-t-il", "déclaré", "selon", "le", "Kremlin", "La",
    "réunion", "Des", "dirigeants", "européens", "ont", "appelé", "à", "la", "paix", "\n", "\n\n",
    "États\u2011Unis", "l’Ukraine", "\u00a0", "“", "”", "\"", "Contexte\n", "sans", "accord", "Je",
    "lundi", "en", "novembre", "rencontre", "prévue", "ne", "pas", "Ils", "il", "elle", "M.",
]


@pytest.fixture(scope="module")
def nlp():
    from diplograph.analyse import load_nlp

    return load_nlp()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_any_word_salad_extracts_with_exact_offsets(nlp, words: list[str]) -> None:
    from diplograph.errors import InputError
    from diplograph.extract import extract

    text = " ".join(words)
    try:
        source = read_text(text, "salad")
    except InputError:
        assert not text.strip()
        return
    doc = extract(source, nlp)
    body = source.text
    for entity in doc.entities.values():
        for span in entity.mentions:
            assert body[span.begin:span.end] == span.text
    for event in doc.events:
        assert body[event.trigger.begin:event.trigger.end] == event.trigger.text
        for relation in event.relations:
            assert relation.other in {e.trigger.begin for e in doc.events}
    for quote in doc.quotes:
        assert body[quote.span.begin:quote.span.end] == quote.span.text
        assert quote.span.text == quote.span.text.strip()


def test_extract_many_streams_in_order_with_the_same_results(nlp, seed_path: Path) -> None:
    from diplograph.extract import extract, extract_many

    sources = [read_document(p) for p in [seed_path, *sorted(TEXTS.glob("extract-*.txt"))]]
    streamed = list(extract_many(iter(sources), batch_size=2, nlp=nlp))
    assert [d.source.slug for d in streamed] == [s.slug for s in sources]
    for source, doc in zip(sources, streamed, strict=True):
        assert repr(doc) == repr(extract(source, nlp))


def test_garbled_name_that_slugs_to_a_gazetteer_actor_is_that_actor(nlp) -> None:
    # a stray quotation mark inside a name (found by tests/test_fuzz.py): the minted IRI would
    # be the gazetteer's, with a second French label, which SHACL rejects
    from diplograph.extract import extract
    from diplograph.namespaces import id_iri

    doc = extract(read_text("Kaja Ka«llas a rencontré Boris Johnson à Munich.", "x"), nlp)
    kallas = doc.entities[id_iri("person", "kaja-kallas")]
    assert kallas.linked and kallas.labels["fr"] == "Kaja Kallas"
    assert [m.text for m in kallas.mentions] == ["Kaja Ka«llas"]


def test_every_place_an_event_takes_is_grounded_in_words_of_the_text(nlp) -> None:
    """A garbled sentence (found by the fuzz test): the parser reads "à avec Afghanistan" as a
    locative, so the appeal takes the state's territory as its place; that place must then be
    denoted by the words that name the state, or the document graph fails SHACL and is lost."""
    from diplograph.check import validate_graph
    from diplograph.extract import extract
    from diplograph.mapper import to_graph

    text = "Alain Juppé a décidé de inviter à avec Afghanistan, selon Agence internationale de l'énergie atomique."
    doc = extract(read_text(text, "garbled"))
    places = {p for e in doc.events for p in e.places}
    for place in places:
        assert place in doc.entities and doc.entities[place].mentions, place
    report = validate_graph(to_graph(doc))
    assert report.conforms, [r.message for r in report.results]
