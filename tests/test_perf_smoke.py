"""The performance machinery keeps working: the benchmark script, parallel and cached builds, the store.

No timing is asserted (the machine is shared; benchmarks/run.py reports the numbers). What is
asserted is what users rely on: ``--jobs`` never changes a byte of graph/, the extraction
cache never serves a stale document, ``query`` without FILES (the on-disk store) answers like
``query`` on the files, and ``benchmarks/run.py --smoke`` writes complete results.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph import sparql
from diplograph.build import CACHE_DIR, build
from diplograph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  (benchmarks/corpus.py: the synthetic corpus generator)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.t*"))}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three synthetic documents plus the seed article (a real one)."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = corpus.generate(folder, 3, seed=5)
    seed = folder / "2025-12-02-kremlin-meeting.fr.txt"
    seed.write_bytes((ROOT / "corpus" / "2025-12-02-kremlin-meeting.fr.txt").read_bytes())
    return [*paths, seed]


@pytest.fixture(scope="module")
def built(docs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The same documents built with --jobs 1 and --jobs 2, both with --store (the store filled
    during the build), and with --jobs 1 as a plain `build` runs (key 0: no store)."""
    out = {}
    for key, jobs, store in ((1, 1, True), (2, 2, True), (0, 1, False)):
        graph = tmp_path_factory.mktemp(f"graph-j{jobs}-{'store' if store else 'plain'}")
        summary = build(docs, graph_dir=graph, jobs=jobs, store=store)
        assert not summary.refused, summary.problems
        out[key] = graph
    return out


def test_jobs_and_the_store_do_not_change_a_byte(built: dict[int, Path]) -> None:
    one, two, plain = _files(built[1]), _files(built[2]), _files(built[0])
    assert len(one) == 6  # four documents, the corpus graph and the dataset
    assert one == two == plain


def test_generator_is_deterministic_and_sized(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 4, seed=9)
    again = corpus.generate(tmp_path / "b", 4, seed=9)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert all(1500 <= len(p.read_text(encoding="utf-8")) <= 5000 for p in first)
    assert corpus.generate(tmp_path / "c", 1, seed=10)[0].read_bytes() != first[0].read_bytes()


def test_cache_serves_unchanged_documents_and_redoes_changed_ones(docs: list[Path], built: dict[int, Path],
                                                                  tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    (tmp_path / "corpus").mkdir()
    work = [tmp_path / "corpus" / p.name for p in docs]
    for src, dst in zip(docs, work, strict=True):
        dst.write_bytes(src.read_bytes())
    build(graph_dir=graph, corpus_dir=tmp_path / "corpus", jobs=1)
    cache = graph / CACHE_DIR
    entries = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}
    assert len(entries) == 4
    # An edit to one document: only that document gets a new entry, and its graph changes.
    text = work[0].read_text(encoding="utf-8")
    work[0].write_text(text.rstrip("\n") + "\n\nUne phrase ajoutée.\n", encoding="utf-8")
    build(graph_dir=graph, corpus_dir=tmp_path / "corpus", jobs=2)
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}
    kept = set(entries) & set(after)
    assert len(kept) == 3 and all(after[name] == entries[name] for name in kept)
    assert len(after) == 4  # a whole-corpus build drops the entry of the old text
    slug = work[0].name.removesuffix(".fr.txt") + "-fr"
    assert "Une phrase ajout" in (graph / f"{slug}.ttl").read_text(encoding="utf-8")
    # The other documents' files are exactly those of a build without any cache.
    fresh = _files(built[1])
    now = _files(graph)
    assert {k: v for k, v in now.items() if slug not in k and k != "diplograph.trig"} == {
        k: v for k, v in fresh.items() if slug not in k and k != "diplograph.trig"}


def test_query_without_files_builds_the_store_and_agrees_with_files(built: dict[int, Path], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    graph = built[0]
    assert not (graph / ".store").exists()  # a plain build writes graph/ and no query store
    # A project folder of its own: a diplograph.toml beside the shared build folders would make every
    # later test's tmp_path (same base folder) part of a project.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "graph").symlink_to(graph)
    (tmp_path / "diplograph.toml").write_text('graph = "graph"\n', encoding="utf-8")  # a project
    runner = CliRunner()
    for query in sparql.stored_queries():
        if any(p.required for p in query.parameters):
            continue
        from_store = runner.invoke(cli, ["query", query.name, "-f", "csv"])
        from_files = runner.invoke(cli, ["query", query.name, "-f", "csv", str(graph / "diplograph.trig")])
        assert from_store.exit_code == 0, from_store.output
        assert sorted(from_store.output.splitlines()) == sorted(from_files.output.splitlines()), query.name
    assert len(list((graph / ".store" / "query").glob("db-*"))) == 1  # built by the first query, reused after
    meetings = runner.invoke(cli, ["query", "meetings", "-f", "csv"]).output
    assert len(meetings.splitlines()) > 1
    for fmt in ("text", "json"):  # stats counts in the store; same figures as from the file
        from_store = runner.invoke(cli, ["stats", "-f", fmt])
        assert from_store.exit_code == 0, from_store.output
        assert from_store.output == runner.invoke(cli, ["stats", "-f", fmt, str(graph / "diplograph.trig")]).output


def _quads(db_root: Path) -> Counter[str]:
    """The quads of the one database kept, blank node labels masked (each load draws its own:
    the ontology's OWL lists are in the store twice, in their graph and in the union)."""
    import re

    import pyoxigraph

    (db,) = list(db_root.glob("db-*"))  # exactly one database is kept
    return Counter(re.sub(r"_:[0-9a-z]+", "_:b", str(q)) for q in pyoxigraph.Store.read_only(str(db)))


def _copy(graph: Path, copy: Path) -> Path:
    copy.mkdir()
    for path in graph.glob("*.t*"):
        (copy / path.name).write_bytes(path.read_bytes())
    return copy


def test_store_filled_during_the_build_equals_one_loaded_from_the_files(built: dict[int, Path],
                                                                         tmp_path: Path) -> None:
    # Three ways to the query store of one graph/: filled during `build --store`; by the first
    # `query` after a plain build (graph/'s files sent to the same loader); and the general load
    # of the TriG (what any other folder gets). Same quads, same key.
    from diplograph.store import QUERY_STORE, ensure_query_store, ensure_store

    for graph in (built[1], built[2]):
        during = _quads(graph / QUERY_STORE)
        manifest = json.loads((graph / QUERY_STORE / "manifest.json").read_text(encoding="utf-8"))
        general = _copy(graph, tmp_path / f"{graph.name}-general")
        info = ensure_store([general], general / QUERY_STORE, union_copy=True)  # no quicker way tried
        assert not info.reused
        assert _quads(general / QUERY_STORE) == during  # same named graphs, same distinct union
        assert manifest["key"] == info.key  # and `query` reuses it rather than rebuilding
        first = _copy(graph, tmp_path / f"{graph.name}-first-query")
        info = ensure_query_store(first)
        assert not info.reused and info.key == manifest["key"]
        assert _quads(first / QUERY_STORE) == during


def test_first_query_after_a_plain_build_builds_the_store_without_rdflib(built: dict[int, Path],
                                                                         tmp_path: Path) -> None:
    # The stored-query path starts without rdflib and PyYAML (tests/test_queries.py); the first
    # query after `build` also builds the store, and must keep that promise while doing it.
    project = tmp_path / "project"
    project.mkdir()
    _copy(built[0], project / "graph")
    (project / "diplograph.toml").write_text('graph = "graph"\n', encoding="utf-8")
    code = ("import sys\nfrom diplograph.cli import main\nsys.argv = ['diplograph', 'query', 'meetings', '-f', 'csv']\n"
            "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
            "sys.stderr.write('LOADED=' + ','.join(n for n in ('rdflib', 'yaml') if n in sys.modules) + '\\n')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300)
    assert done.stderr.rsplit("LOADED=", 1)[-1].strip() == "", done.stderr[-2000:]
    assert len(done.stdout.splitlines()) > 1
    assert len(list((project / "graph" / ".store" / "query").glob("db-*"))) == 1


def test_first_query_loads_a_builds_files_only_while_the_trig_is_their_assembly(built: dict[int, Path],
                                                                                 tmp_path: Path) -> None:
    from diplograph.store_loader import fill_from_graph_files

    assert fill_from_graph_files(_copy(built[1], tmp_path / "as-built")) is not None
    # A hand edit of the TriG (which the store's key is computed from) or of a document file
    # (which the TriG then no longer assembles): the general load, from the TriG, decides.
    for name, edit in (("diplograph.trig", "edited-trig"), ("_corpus.ttl", "edited-file")):
        folder = _copy(built[1], tmp_path / edit)
        text = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(text.replace("dg:Meeting", "dg:Statement", 1), encoding="utf-8")
        assert text != (folder / name).read_text(encoding="utf-8")
        assert fill_from_graph_files(folder) is None, edit
        assert not list((folder / ".store" / "query").glob(".tmp-*")), "nothing left behind"


def test_store_started_from_the_cached_shipped_graphs_equals_one_loaded_from_the_files(
        docs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The loader keeps the shipped ontology and vocabularies in the user cache and starts each
    # build's store from that copy: the first build makes it, the next ones use it, a damaged
    # entry is made again. Every way gives the store that loading graph/'s files gives.
    import shutil

    from diplograph.store import QUERY_STORE, ensure_query_store
    from diplograph.store_loader import _shipped_store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shipped = _shipped_store()
    assert shipped is not None and not shipped.exists()
    graph = tmp_path / "graph"
    stores = []
    for step in ("make", "use", "damaged"):
        if step == "damaged":
            for name in [p for p in shipped.iterdir() if p.name.startswith(("CURRENT", "MANIFEST"))]:
                name.write_bytes(b"not rocksdb")
        shutil.rmtree(graph, ignore_errors=True)
        assert not build(docs[:2], graph_dir=graph, jobs=1, store=True).refused
        stores.append(_quads(graph / QUERY_STORE))
        assert shipped.is_dir() or step == "damaged", step
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in graph.glob("*.t*"):
        (copy / path.name).write_bytes(path.read_bytes())
    ensure_query_store(copy)
    assert stores == [_quads(copy / QUERY_STORE)] * 3
    assert not shipped.exists() or not (shipped / "CURRENT").read_bytes().startswith(b"not"), "a bad entry is dropped"


def test_store_of_a_partial_build_holds_every_document_left_in_graph(docs: list[Path], tmp_path: Path) -> None:
    from diplograph.store import QUERY_STORE, ensure_query_store

    graph = tmp_path / "graph"
    build(docs[:2], graph_dir=graph, jobs=1, store=True)
    stale = graph / docs[0].name.replace(".fr.txt", "-fr.ttl")
    assert stale.is_file(), sorted(p.name for p in graph.iterdir())
    # A second build of other documents leaves the first ones in graph/: the store must hold all.
    build(docs[2:], graph_dir=graph, jobs=1, store=True)
    during = _quads(graph / QUERY_STORE)
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in graph.glob("*.t*"):
        (copy / path.name).write_bytes(path.read_bytes())
    ensure_query_store(copy)
    assert _quads(copy / QUERY_STORE) == during


def test_a_hand_edited_graph_is_never_served_stale(built: dict[int, Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    graph = tmp_path / "graph"
    graph.mkdir()
    trig = (built[1] / "diplograph.trig").read_text(encoding="utf-8")
    (graph / "diplograph.trig").write_text(trig, encoding="utf-8")
    (tmp_path / "diplograph.toml").write_text('graph = "graph"\n', encoding="utf-8")  # a project
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    before = runner.invoke(cli, ["query", "events", "-f", "csv"]).output
    (graph / "diplograph.trig").write_text(trig.replace("dg:Meeting", "dg:Statement"), encoding="utf-8")
    after = runner.invoke(cli, ["query", "events", "-f", "csv"]).output
    assert before != after
    direct = runner.invoke(cli, ["query", "events", "-f", "csv", "graph/diplograph.trig"]).output
    assert sorted(after.splitlines()) == sorted(direct.splitlines())


def test_benchmark_smoke_run_writes_complete_results(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["corpus"]["deterministic"]
    assert results["build"]["identical_jobs1_jobs2"]
    for jobs in ("1", "2"):
        figures = results["build"]["jobs"][jobs]
        assert figures["build_docs_per_s"] > 0 and figures["spacy_docs_per_s"] > 0
    names = {q.name for q in sparql.stored_queries() if not any(p.required for p in q.parameters)}
    measured = results["queries"][0]["queries"]
    assert names <= set(measured)
    assert any(name.endswith("+param") and entry["selective"] for name, entry in measured.items())
    assert measured["events"]["rows"] > 0
    assert results["validate"][0]["documents"] == 3
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    for section in ("Build throughput", "Stored queries", "cold start", "Validation", "OWL RL", "Peak memory"):
        assert section in report
    assert report.count("met**") >= 6  # every goal is marked met / NOT met


def test_build_in_a_process_that_has_a_store_open_does_not_hang(docs: list[Path], tmp_path: Path) -> None:
    # A forked loader inherited RocksDB's locks from a process that had a store open and waited
    # forever (it hung a whole test run); the loader is now a fresh interpreter.
    code = (
        "import sys, pyoxigraph; from pathlib import Path; from diplograph.build import build;"
        f"open_store = pyoxigraph.Store({str(tmp_path / 'open')!r});"
        f"summary = build([Path(p) for p in {[str(p) for p in docs[:2]]!r}],"
        f" graph_dir=Path({str(tmp_path / 'graph')!r}), jobs=1, force=True, store=True);"
        "print(summary.documents)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "2"
    assert list((tmp_path / "graph" / ".store" / "query").glob("db-*"))
