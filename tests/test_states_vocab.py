"""ontology/vocab/states.ttl: every sovereign state of ISO 3166-1, generated from pycountry.

The committed file must be exactly what tools/generate_states.py writes (so nobody edits the
generated file by hand and a pycountry upgrade shows up as a diff), every sovereign state must be
one dg:State (hand-written ones keep their IRI), and the names must reach the linker.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from diplograph.lexicon import fold, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
STATE = "https://w3id.org/diplograph/id/state/"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_states", ROOT / "tools" / "generate_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_file_is_the_generators_output(generator) -> None:
    committed = (ROOT / "ontology" / "vocab" / "states.ttl").read_text(encoding="utf-8")
    assert committed == generator.generate(), "re-run: .venv/bin/python tools/generate_states.py"


def test_every_sovereign_state_is_one_state_with_its_iso_code(generator) -> None:
    lex = load_lexicon()
    text = (ROOT / "ontology" / "vocab" / "states.ttl").read_text(encoding="utf-8")
    codes = Counter(line.split('"')[1] for line in text.splitlines() if line.startswith("    skos:notation"))
    sovereign = {c.alpha_2 for c in pycountry.countries} - generator.DEPENDENT
    assert set(codes) == sovereign and set(codes.values()) == {1}
    assert len(sovereign) >= 193  # the UN members at least
    assert {"PR", "GL", "HK"}.isdisjoint(codes)  # territories are not states
    states = [a for a in lex.actors.values() if a.kind == "state"]
    assert len(states) >= 195  # 193 UN members + Holy See + Palestine (+ historical ones written by hand)


@pytest.mark.parametrize(("name", "slug"), [
    ("Sénégal", "senegal"), ("République du Sénégal", "senegal"), ("Zimbabwe", "zimbabwe"),
    ("République du Zimbabwe", "zimbabwe"), ("République unie de Tanzanie", "tanzania"),
    ("RDC", "democratic-republic-of-the-congo"), ("République démocratique du Congo",
                                                 "democratic-republic-of-the-congo"),
    ("Congo-Brazzaville", "congo"), ("Birmanie", "myanmar"), ("Cap-Vert", "cabo-verde"),
    ("Laos", "laos"), ("Vietnam", "vietnam"), ("État de Palestine", "palestine"),
    # hand-written states keep their IRI and gain the ISO long names
    ("Russie", "russia"), ("Saint-Siège", "vatican"), ("République de Pologne", "poland"),
    ("République fédérale d'Allemagne", "germany"),
])
def test_state_names_link_to_one_state(name: str, slug: str) -> None:
    lex = load_lexicon()
    assert lex.names.get(fold(name)) == [STATE + slug], name
    assert lex.actors[STATE + slug].kind == "state"


def test_new_states_have_bilingual_labels_and_a_definition_and_demonyms_where_given() -> None:
    lex = load_lexicon()
    senegal = lex.actors[STATE + "senegal"]
    assert senegal.labels == {"fr": "Sénégal", "en": "Senegal"}
    assert lex.demonyms[fold("ivoiriennes")] == STATE + "cote-d-ivoire"
    assert lex.demonyms[fold("sénégalais")] == STATE + "senegal"
    text = (ROOT / "ontology" / "vocab" / "states.ttl").read_text(encoding="utf-8")
    assert text.count("skos:definition") == text.count("a dg:State") + text.count("a dg:Place")
