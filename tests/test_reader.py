"""Reader: what a user's document becomes (body, metadata, layout) and the one-line errors."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.reader import read_document, read_text


def test_seed_slug_keeps_the_language_tag(seed_path: Path) -> None:
    source = read_document(seed_path)
    assert source.slug == "2025-12-02-kremlin-meeting-fr"
    assert source.path == str(seed_path)


def test_seed_headings_are_sections_not_text(seed_path: Path) -> None:
    source = read_document(seed_path)
    headings = [s.heading.text for s in source.sections if s.heading is not None]
    assert headings == [
        "Introduction", "Contexte", "Participants et déroulement",
        "Déclarations officielles et résultats immédiats", "Points de désaccord",
        "Réactions nationales et internationales", "Situation militaire et politique en toile de fond",
        "Suites annoncées", "Conclusion",
    ]
    heading_spans = [(s.heading.begin, s.heading.end) for s in source.sections if s.heading]
    for sentence in source.sentences:
        assert all(sentence.end <= b or sentence.begin >= e for b, e in heading_spans)


def test_seed_list_items_and_sentences(seed_path: Path) -> None:
    source = read_document(seed_path)
    items = [source.text[p.begin:p.end] for p in source.paragraphs if p.is_list_item]
    assert len(items) == 4
    assert items[0].startswith("- le statut et le sort des territoires")
    assert items[3].endswith("de la banque centrale russe en Europe.")
    first = source.sentences[0].text
    assert first.startswith("Le 2 décembre 2025, le président russe Vladimir Poutine a reçu")
    assert first.endswith("mettre fin au conflit en Ukraine.")
    # the quote with its attribution stays one sentence
    assert any(s.text.startswith("Iouri Ouchakov a déclaré") and s.text.endswith("pour parvenir à un accord.")
               for s in source.sentences)


def test_offsets_index_the_original_characters(seed_path: Path) -> None:
    source = read_document(seed_path)
    body = source.text
    for span in source.sentences:
        assert body[span.begin:span.end] == span.text
    # the non-breaking hyphen of the seed is kept: offsets are those of the file
    assert "États\u2011Unis" in body
    assert not body.endswith(("\n", " "))


def test_front_matter_is_metadata_and_offsets_start_after_it(tmp_path: Path) -> None:
    doc = tmp_path / "2026-01-09-weimar.md"
    doc.write_text(
        "---\ntitle: \"Réunion à Paris\"\npublished: 2026-01-09\nlanguage: fr\nsource: AFP\n---\n"
        "\nLe ministre a reçu M. Sikorski à Paris. Ils ont parlé une heure.\n\n\n",
        encoding="utf-8",
    )
    source = read_document(doc)
    assert source.slug == "2026-01-09-weimar"
    assert source.title == "Réunion à Paris"
    assert source.published == datetime.date(2026, 1, 9)
    assert source.source == "AFP"
    assert source.text == "Le ministre a reçu M. Sikorski à Paris. Ils ont parlé une heure."
    # "M." is an abbreviation, not the end of a sentence
    assert [s.text for s in source.sentences] == [
        "Le ministre a reçu M. Sikorski à Paris.", "Ils ont parlé une heure."]
    assert len(source.sha256) == 64


def test_published_argument_wins_over_front_matter() -> None:
    source = read_text("---\npublished: 2026-01-09\n---\nTexte.", "x", published=datetime.date(2026, 2, 1))
    assert source.published == datetime.date(2026, 2, 1)


def test_body_is_nfc() -> None:
    source = read_text("Le pre\u0301sident a parle\u0301.", "x")
    assert source.text == "Le président a parlé."


def test_quote_with_inner_full_stop_is_not_split() -> None:
    text = "« Nous sommes prêts. Nous attendons », a-t-il dit. Puis il est parti."
    source = read_text(text, "x")
    assert [s.text for s in source.sentences] == [
        "« Nous sommes prêts. Nous attendons », a-t-il dit.", "Puis il est parti."]


def test_live_blog_clock_stamp_is_a_sentence_of_its_own() -> None:
    # the parser would otherwise hang the update's subject on "h" and lose it
    text = "14 h 50 – Le chancelier a parlé. Il est parti.\n\n15h05 - Rien de neuf.\n\n2026 a commencé."
    source = read_text(text, "x")
    assert [s.text for s in source.sentences] == [
        "14 h 50 –", "Le chancelier a parlé.", "Il est parti.", "15h05 -", "Rien de neuf.", "2026 a commencé."]
    assert all(source.text[s.begin:s.end] == s.text for s in source.sentences)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"---\ntitle: [unclosed\n---\nTexte.", "invalid YAML front matter"),
        (b"---\npublished: 2026-13-45\n---\nTexte.", "invalid 'published' date"),
        (b"---\ntitle: x\nTexte sans fin de bloc.", "never closed"),
        (b"---\n- a\n- b\n---\nTexte.", "mapping"),
        ("Le président a parlé.".encode("latin-1"), "byte offset 5"),
    ],
)
def test_bad_documents_give_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    doc = tmp_path / "bad.txt"
    doc.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_document(doc)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)
