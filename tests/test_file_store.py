"""Large explicit files are queried through a persistent store in the user's cache folder.

Real pyoxigraph stores on disk, the real `diplograph query` command; the size threshold and
the cache bound are lowered through their environment variables so that small files use
the same path a multi-gigabyte TriG does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph.cli import cli
from diplograph.store import ensure_file_store


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("DIPLOGRAPH_STORE_MIN_MB", "0")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return folder


@pytest.fixture
def dataset(tmp_path: Path, repo_root: Path) -> Path:
    target = tmp_path / "data" / "seed.trig"
    target.parent.mkdir()
    shutil.copy(repo_root / "graph" / "diplograph.trig", target)
    return target


def test_second_query_reuses_the_cached_store_and_answers_as_from_memory(
        cache: Path, dataset: Path, cli_runner, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ensure_file_store([dataset])
    assert first is not None and not first.reused
    assert first.path.is_relative_to(cache / "diplograph"), "the store lives in $XDG_CACHE_HOME/diplograph"
    again = ensure_file_store([dataset])
    assert again is not None and again.reused and again.path == first.path
    cached = cli_runner.invoke(cli, ["query", "events", "-f", "csv", str(dataset)])
    assert cached.exit_code == 0, cached.output
    assert list(Path.cwd().iterdir()) == [], "nothing is written in the current folder"
    monkeypatch.setenv("DIPLOGRAPH_STORE_MIN_MB", "1000000")  # now parsed into memory, as small files are
    memory = cli_runner.invoke(cli, ["query", "events", "-f", "csv", str(dataset)])
    assert memory.exit_code == 0
    assert cached.stdout == memory.stdout and cached.stdout.count("\n") > 1


def test_an_edited_file_gets_a_new_store_not_a_stale_answer(cache: Path, dataset: Path, cli_runner) -> None:
    before = ensure_file_store([dataset])
    with dataset.open("a", encoding="utf-8") as handle:
        handle.write('\n<https://example.org/g> { <https://example.org/e> a '
                     '<https://w3id.org/diplograph/ontology#Meeting> . }\n')
    after = ensure_file_store([dataset])
    assert after is not None and before is not None
    assert after.key != before.key and not after.reused and not before.path.exists()
    result = cli_runner.invoke(cli, ["query", "events", "-f", "csv", str(dataset)])
    assert "https://example.org/e" in result.stdout


def test_the_cache_is_bounded_least_recently_used_first(
        cache: Path, dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "data" / "other.trig"
    shutil.copy(dataset, other)
    first = ensure_file_store([dataset])
    assert first is not None
    monkeypatch.setenv("DIPLOGRAPH_CACHE_LIMIT_MB", "0.000001")
    second = ensure_file_store([other])
    assert second is not None and second.path.exists()
    assert not first.path.exists(), "the older store was evicted"


def test_small_files_and_no_cache_folder_load_in_memory(
        dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_STORE_MIN_MB", "1000000")
    assert ensure_file_store([dataset]) is None
    monkeypatch.setenv("DIPLOGRAPH_STORE_MIN_MB", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored (XDG: absolute paths only) -> ~/.cache
    monkeypatch.setenv("HOME", str(dataset.parent / "home"))
    info = ensure_file_store([dataset])
    assert info is not None and info.path.is_relative_to(dataset.parent / "home" / ".cache" / "diplograph")


def test_blank_nodes_keep_their_joins_in_the_cached_store(cache: Path, tmp_path: Path, cli_runner,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The union copy is a second parse; blank nodes would not match across parses, so they go another way."""
    data = tmp_path / "data" / "blank.trig"
    data.parent.mkdir(exist_ok=True)
    data.write_text('@prefix dg: <https://w3id.org/diplograph/ontology#> .\n'
                    '<https://example.org/g> { <https://example.org/e> a dg:Meeting ; dg:participation _:p .\n'
                    '  _:p dg:participant <https://example.org/x> . }\n', encoding="utf-8")
    query = tmp_path / "q.rq"
    query.write_text("PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
                     "SELECT ?e ?x WHERE { ?e dg:participation ?p . ?p dg:participant ?x }\n", encoding="utf-8")
    cached = cli_runner.invoke(cli, ["query", str(query), "-f", "csv", str(data)])
    monkeypatch.setenv("DIPLOGRAPH_STORE_MIN_MB", "1000000")
    memory = cli_runner.invoke(cli, ["query", str(query), "-f", "csv", str(data)])
    assert cached.exit_code == memory.exit_code == 0, cached.output
    assert cached.stdout == memory.stdout and "https://example.org/x" in cached.stdout
