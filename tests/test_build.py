"""`diplograph build` / `extract`: what lands in graph/, when, and that it never drifts.

The seed tests run the real pipeline (reader, spaCy, extractor, mapper, pySHACL). The
file-handling tests (refusal, staleness, TriG assembly) use hand-made documents through
the real mapper and validator, so they run without spaCy.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from diplograph.build import LOCK_FILE, graph_lock, write_graphs
from diplograph.cli import cli
from diplograph.model import DateValue, Entity, Event, ExtractedDocument, Quote, SourceText, Span
from diplograph.namespaces import DG, graph_iri, id_iri, vocab_iri
from diplograph.processing import map_document
from diplograph.serialize import GENERATED_MARK

BODY = "Réunion\nLa ministre Ada Roy a rencontré hier un envoyé. « Rien n'est décidé », a-t-elle dit."


def _span(text: str) -> Span:
    begin = BODY.index(text)
    return Span(begin, begin + len(text), text)


def tiny_doc(slug: str) -> ExtractedDocument:
    """A meeting that "occurred" a month after the document was published: shapes must refuse it."""
    roy = id_iri("person", "ada-roy")
    source = SourceText(slug=slug, text=BODY, published=datetime.date(2024, 1, 2))
    meeting = Event(trigger=_span("a rencontré"), event_type=vocab_iri("event-type", "meeting"),
                    event_class=str(DG.Meeting), status=vocab_iri("event-status", "occurred"),
                    sentence=_span("La ministre Ada Roy a rencontré hier un envoyé."), host=roy,
                    date=DateValue("2024-02-02", "day", _span("hier")))
    return ExtractedDocument(
        source=source,
        entities={roy: Entity(roy, "person", "Ada Roy", mentions=[_span("Ada Roy")])},
        events=[meeting],
        quotes=[Quote(_span("Rien n'est décidé"), roy)],
    )


# -- writing rules (no spaCy) --------------------------------------------------------------------
def test_a_violating_document_is_not_written_unless_forced(tmp_path: Path) -> None:
    """A violating document is held back; the conforming ones of the same build are written."""
    result = map_document(tiny_doc("tiny"))
    assert result.violations, "an occurred event dated after publication must violate the shapes"
    assert any("EventDateShape" in f.shape for f in result.violations)
    summary = write_graphs([result], tmp_path, whole_corpus=True)
    assert summary.refused and summary.violations == len(result.violations)
    assert list(tmp_path.iterdir()) == []
    assert all(p.startswith("tiny: ") for p in summary.problems)

    good = map_document(tiny_doc("good"), validate=False)  # validation skipped: counts as conforming
    mixed = write_graphs([good, result], tmp_path, whole_corpus=True)
    assert mixed.refused and mixed.refused_documents == ["tiny"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_corpus.ttl", "diplograph.trig", "good.ttl"]
    assert "graph/good" in (tmp_path / "diplograph.trig").read_text(encoding="utf-8")
    for name in ("good.ttl", "diplograph.trig", "_corpus.ttl"):
        (tmp_path / name).unlink()

    forced = write_graphs([result], tmp_path, whole_corpus=True, force=True)
    assert not forced.refused
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_corpus.ttl", "diplograph.trig", "tiny.ttl"]


def test_stale_generated_files_go_only_when_the_whole_corpus_is_built(tmp_path: Path) -> None:
    old = tmp_path / "gone.ttl"
    old.write_text(GENERATED_MARK + "\n@prefix dg: <https://w3id.org/diplograph/ontology#> .\n",
                   encoding="utf-8")
    hand = tmp_path / "notes.ttl"
    hand.write_text("# my own triples\n", encoding="utf-8")
    result = map_document(tiny_doc("kept"), validate=False)

    write_graphs([result], tmp_path, whole_corpus=False)
    assert old.exists() and hand.exists()
    summary = write_graphs([result], tmp_path, whole_corpus=True)
    assert not old.exists() and hand.exists()
    assert summary.removed == [old]


def test_trig_holds_one_named_graph_per_document_file(tmp_path: Path) -> None:
    results = [map_document(tiny_doc(slug), validate=False) for slug in ("doc-a", "doc-b")]
    write_graphs(results, tmp_path, whole_corpus=True)
    dataset = Dataset()
    dataset.parse(tmp_path / "diplograph.trig", format="trig")
    named = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(named) == {graph_iri("doc-a"), graph_iri("doc-b"), graph_iri("_corpus")}
    for slug in ("doc-a", "doc-b"):
        from_file = Graph().parse(tmp_path / f"{slug}.ttl", format="turtle")
        in_trig = Graph()
        for triple in named[graph_iri(slug)]:
            in_trig.add(triple)
        assert isomorphic(from_file, in_trig)
    # building one document again keeps the other in the dataset
    write_graphs(results[:1], tmp_path, whole_corpus=False)
    again = Dataset()
    again.parse(tmp_path / "diplograph.trig", format="trig")
    assert {str(g.identifier) for g in again.graphs() if len(g)} == set(named)


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    result = map_document(tiny_doc("same"), validate=False)
    first = write_graphs([result], tmp_path, whole_corpus=True)
    assert len(first.written) == 3  # the document, the corpus graph, the dataset
    second = write_graphs([result], tmp_path, whole_corpus=True)
    assert second.written == []


def test_written_files_follow_the_umask_not_the_temp_file_mode(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        write_graphs([map_document(tiny_doc("shared"), validate=False)], tmp_path, whole_corpus=True)
    finally:
        os.umask(mask)
    for name in ("shared.ttl", "diplograph.trig"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name


# -- command-line exit paths (no spaCy needed) ---------------------------------------------------
def test_second_build_fails_while_the_lock_is_held(cli_runner, tmp_path: Path, seed_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus)
    graph_dir = tmp_path / "graph"
    with graph_lock(graph_dir):
        result = cli_runner.invoke(cli, ["build", "--corpus-dir", str(corpus), "--graph-dir", str(graph_dir)])
    assert result.exit_code == 3
    assert "another build is running" in result.stderr
    assert [p.name for p in graph_dir.iterdir()] == [LOCK_FILE]


def test_build_input_errors(cli_runner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = str(tmp_path / "g")
    result = cli_runner.invoke(cli, ["build", "--corpus-dir", str(empty), "--graph-dir", out])
    assert result.exit_code == 3 and "no .txt or .md document" in result.stderr
    result = cli_runner.invoke(cli, ["build", str(tmp_path / "missing.txt"), "--graph-dir", out])
    assert result.exit_code == 3 and "missing.txt" in result.stderr
    result = cli_runner.invoke(cli, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 3 and result.stdout == ""


def test_bad_published_date_is_a_usage_error(cli_runner, seed_path: Path) -> None:
    result = cli_runner.invoke(cli, ["extract", str(seed_path), "--published", "2 décembre"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


# -- the seed article, end to end (spaCy) --------------------------------------------------------
@pytest.fixture(scope="module")
def seed_build(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the seed corpus once into a temporary graph folder.

    --force keeps the drift and determinism tests independent of conformance, which
    test_seed_builds_conforming_and_grounded checks on its own.
    """
    from click.testing import CliRunner

    root = tmp_path_factory.mktemp("seed")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus)
    args = ["build", "--force", "--corpus-dir", str(corpus), "--graph-dir", str(root / "graph")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return root


def _seed_file(seed_build: Path) -> Path:
    files = sorted(p for p in (seed_build / "graph").glob("*.ttl") if not p.name.startswith("_"))
    assert len(files) == 1
    return files[0]


def test_seed_builds_conforming_and_grounded(seed_build: Path) -> None:
    from diplograph.validation import validate_files

    report = validate_files([seed_build / "graph"])
    assert report.conforms, report.text()
    graph = Graph().parse(_seed_file(seed_build), format="turtle")
    # facts read off the article: a meeting held in Moscow on 2 December 2025
    meetings = set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), DG.Meeting))
    assert meetings
    dates = {str(d) for m in meetings for d in graph.objects(m, DG.date)}
    assert "2025-12-02" in dates


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".ttl", ".trig")}


def test_seed_rebuild_is_byte_identical(seed_build: Path, cli_runner) -> None:
    before = _outputs(seed_build / "graph")
    result = cli_runner.invoke(cli, ["build", "--force", "--corpus-dir", str(seed_build / "corpus"),
                                     "--graph-dir", str(seed_build / "graph")])
    assert result.exit_code == 0
    assert _outputs(seed_build / "graph") == before


def test_extract_prints_the_same_graph_on_stdout(seed_build: Path, seed_path: Path, cli_runner) -> None:
    result = cli_runner.invoke(cli, ["extract", str(seed_path)])
    assert result.exit_code == 0
    printed = Graph().parse(data=result.stdout, format="turtle")
    built = Graph().parse(_seed_file(seed_build), format="turtle")
    assert isomorphic(printed, built)


def test_committed_graph_matches_a_fresh_build(seed_build: Path, repo_root: Path) -> None:
    """graph/ is reviewed like code: it must be exactly what the current code produces."""
    built = _seed_file(seed_build)
    committed = repo_root / "graph" / built.name
    assert committed.is_file(), f"graph/{built.name} is not committed (run `diplograph build`)"
    assert committed.read_bytes() == built.read_bytes(), "graph/ drifted from the code: rebuild it"
    trig = (seed_build / "graph" / "diplograph.trig").read_bytes()
    assert (repo_root / "graph" / "diplograph.trig").read_bytes() == trig


def test_published_option_dates_the_document(seed_build: Path, seed_path: Path, cli_runner) -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD

    result = cli_runner.invoke(cli, ["extract", str(seed_path), "--published", "2025-12-03"])
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    documents = list(graph.subjects(DG.published, Literal("2025-12-03", datatype=XSD.date)))
    assert [str(d) for d in documents] == ["https://w3id.org/diplograph/doc/2025-12-02-kremlin-meeting-fr"]


def test_two_documents_with_one_slug_are_refused(cli_runner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "Note.txt").write_text("Le ministre a parlé.\n", encoding="utf-8")
    (corpus / "note.md").write_text("Le ministre a parlé.\n", encoding="utf-8")
    graph_dir = tmp_path / "graph"
    result = cli_runner.invoke(cli, ["build", "--corpus-dir", str(corpus), "--graph-dir", str(graph_dir)])
    assert result.exit_code == 3
    assert "same slug 'note'" in result.stderr
    assert not list(graph_dir.glob("*.ttl"))


# -- sharded builds (spaCy) ----------------------------------------------------------------------
SHARD_TEXTS = ["extract-communique-paris.txt", "extract-contrast-prose.txt", "extract-dispatch-ankara.txt",
               "extract-disputed-points.txt"]


def _visible(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def test_two_shard_builds_merged_equal_one_build_byte_for_byte(cli_runner, tmp_path: Path, repo_root: Path) -> None:
    """`build --shard 1/2` and `2/2` on two machines, then `merge`: the files of one whole build."""
    from diplograph.store import ensure_query_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SHARD_TEXTS:
        shutil.copy(repo_root / "tests" / "texts" / name, corpus)

    def build(folder: str, *extra: str) -> Path:
        args = ["build", "--force", "--jobs", "1", "--corpus-dir", str(corpus), "--graph-dir", str(tmp_path / folder)]
        result = cli_runner.invoke(cli, [*args, *extra])
        assert result.exit_code == 0, result.output
        return tmp_path / folder

    single = build("single", "--store")  # the store filled during the build: the one the merge's must equal
    assert len(list((single / ".store" / "query").glob("db-*"))) == 1
    first, second = build("shard-1", "--shard", "1/2"), build("shard-2", "--shard", "2/2")
    def documents(folder: Path) -> set[str]:  # graph/_corpus.ttl is corpus-level, made again by merge
        return {p.stem for p in folder.glob("*.ttl") if not p.stem.startswith("_")}

    shares = [documents(folder) for folder in (first, second)]
    assert all(shares) and not shares[0] & shares[1], "each shard holds its own non-empty share"
    assert shares[0] | shares[1] == documents(single)
    merged = tmp_path / "merged"
    result = cli_runner.invoke(cli, ["merge", str(first), str(second), "--graph-dir", str(merged)])
    assert result.exit_code == 0, result.output
    assert _visible(merged) == _visible(single)
    kept = ensure_query_store(single)
    assert kept.reused, "the store `build --store` filled is up to date"
    assert ensure_query_store(merged).quads == kept.quads > 0


def test_merge_refuses_one_document_with_two_texts(cli_runner, tmp_path: Path) -> None:
    for name, text in (("a", "<x:a> <x:b> <x:c> .\n"), ("b", "<x:a> <x:b> <x:d> .\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "doc.ttl").write_text(f"{GENERATED_MARK}\n{text}", encoding="utf-8")
    result = cli_runner.invoke(cli, ["merge", str(tmp_path / "a"), str(tmp_path / "b"),
                                     "--graph-dir", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "'doc' differs" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.ttl"))


def test_bad_shard_is_a_usage_error(cli_runner, tmp_path: Path) -> None:
    for value in ("3/2", "0/2", "x", "1/0"):
        result = cli_runner.invoke(cli, ["build", "--shard", value, "--corpus-dir", str(tmp_path)])
        assert result.exit_code == 2, (value, result.output)
        assert "--shard" in result.stderr
