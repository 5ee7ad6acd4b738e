"""Bad input through the real command line: one clear line, the right exit code, graph/ untouched.

Every case runs ``diplograph`` in-process with click's CliRunner (stdout and stderr apart), in a
temporary working folder whose ``graph/`` holds a committed-looking graph. Each test checks what
a user and a script rely on:

* the exit code (3 input or runtime error, 2 usage error);
* exactly one non-empty line on stderr, starting with ``diplograph: error:`` (or click's own
  ``Error:`` line for usage errors click detects itself), and no traceback;
* ``graph/`` byte-identical before and after (a bad input never corrupts the committed graph).

Cases that need the kernel's help (a read-only folder, a full disk) use a tmpfs mount when the
tests run as root, a ``chmod`` when they do not, and fall back to an in-process failure of
``os.fsync`` for the full disk when nothing can be mounted.

Tests marked ``xfail(strict=True)`` document a requirement the code does not meet yet (see the
reason); they turn into failures as soon as the code is fixed, so the marker gets removed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from diplograph.cli import cli

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "reliability"
GOOD_DOC = DATA / "small-dispatch.fr.txt"
EXISTING_GRAPH = REPO / "tests" / "data" / "second-meeting.ttl"
SPACY_MAX_LENGTH = 1_000_000


# ---------------------------------------------------------------- helpers


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder`` (hidden ones included).

    ``.lock`` is left out: build creates that empty file to hold its lock, by design.
    """
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


def invoke(runner: CliRunner, *args: str | Path) -> Result:
    """Run ``diplograph ARGS`` in-process; exceptions become the exit code as they would for a user."""
    return runner.invoke(cli, [str(a) for a in args])


def error_line(result: Result, code: int, *, click_usage: bool = False) -> str:
    """Assert the error contract and return the one error line (lower-cased for matching)."""
    stderr = result.stderr
    assert result.exit_code == code, (result.exit_code, stderr, result.exception)
    assert "Traceback" not in stderr and "Traceback" not in result.stdout
    if click_usage:
        # click prints "Usage: ...", "Try ...", then one "Error: ..." line.
        lines = [line for line in stderr.splitlines() if line.startswith("Error:")]
        assert len(lines) == 1, stderr
        return lines[0].lower()
    lines = [line for line in stderr.splitlines() if line.strip()]
    # A progress bar label ("extracting") may precede the error on a build: it is not a message.
    lines = [line for line in lines if line.strip() != "extracting"]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("diplograph: error: "), lines[0]
    assert len(lines[0]) > len("diplograph: error: ") + 5
    return lines[0].lower()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A project folder with a ``graph/`` that must come out of every test unchanged."""
    (tmp_path / "diplograph.toml").write_text('graph = "graph"\n', encoding="utf-8")
    graph = tmp_path / "graph"
    graph.mkdir()
    shutil.copy(EXISTING_GRAPH, graph / "second-meeting.ttl")
    monkeypatch.chdir(tmp_path)
    before = tree_digest(graph)
    yield tmp_path
    assert tree_digest(graph) == before, "graph/ was modified by a failing command"


@pytest.fixture
def runner(cli_runner: CliRunner) -> CliRunner:
    return cli_runner


def _mount_tmpfs(path: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True, check=False)
    return done.returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", str(path)], capture_output=True, check=False)


@pytest.fixture
def readonly_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder nothing can be written into (read-only tmpfs as root, chmod 555 otherwise)."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if not _mount_tmpfs(folder, "ro,size=64k"):
        pytest.skip("running as root without permission to mount a read-only tmpfs")
    try:
        yield folder
    finally:
        _umount(folder)


# ---------------------------------------------------------------- documents


@pytest.mark.parametrize("command", ["extract", "build"])
def test_missing_document(runner: CliRunner, workdir: Path, command: str) -> None:
    line = error_line(invoke(runner, command, workdir / "nope.txt"), 3)
    assert "nope.txt" in line and "no such file" in line


def test_verbose_shows_the_traceback(runner: CliRunner, workdir: Path) -> None:
    """-v is the way to see where an error came from; without it, one line only (tested above)."""
    result = invoke(runner, "-v", "extract", workdir / "nope.txt")
    assert result.exit_code == 3
    assert "Traceback" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("diplograph: error: ")


def test_directory_instead_of_document(runner: CliRunner, workdir: Path) -> None:
    (workdir / "folder").mkdir()
    line = error_line(invoke(runner, "extract", workdir / "folder"), 3)
    assert "folder" in line and "directory" in line


def test_build_of_an_empty_folder(runner: CliRunner, workdir: Path) -> None:
    (workdir / "folder").mkdir()
    line = error_line(invoke(runner, "build", workdir / "folder"), 3)
    assert "folder" in line and "no .txt or .md" in line


LATIN1 = "Le ministre a rencontré son homologue à Genève.\n".encode("latin-1")


@pytest.mark.parametrize("command", ["extract", "build"])
def test_not_utf8_says_so_with_the_byte_offset(runner: CliRunner, workdir: Path, command: str) -> None:
    doc = workdir / "latin1.txt"
    doc.write_bytes(LATIN1)
    line = error_line(invoke(runner, command, doc), 3)
    offset = LATIN1.index("é".encode("latin-1"))
    assert "latin1.txt" in line and "utf-8" in line and f"byte offset {offset}" in line


def test_encoding_option_reads_latin1(runner: CliRunner, workdir: Path) -> None:
    doc = workdir / "latin1.txt"
    doc.write_bytes(LATIN1)
    result = invoke(runner, "extract", "--encoding", "latin-1", doc)
    assert result.exit_code == 0, result.stderr
    assert "rencontré son homologue à Genève" in result.stdout


@pytest.mark.parametrize("content", ["", "   \n\n\t  \n", "\ufeff\n\n", "---\ntitle: x\n---\n\n  \n"],
                         ids=["empty", "whitespace", "bom-only", "front-matter-only"])
@pytest.mark.parametrize("command", ["extract", "build"])
def test_empty_document(runner: CliRunner, workdir: Path, command: str, content: str) -> None:
    doc = workdir / "empty.txt"
    doc.write_text(content, encoding="utf-8")
    line = error_line(invoke(runner, command, doc), 3)
    assert "empty.txt" in line and "empty" in line


def test_document_without_a_sentence(runner: CliRunner, workdir: Path) -> None:
    """Only separators and bullets: refused in one line, or an empty but valid graph."""
    doc = workdir / "separators.txt"
    doc.write_text("***\n\n---\n\n• • •\n\n…\n", encoding="utf-8")
    result = invoke(runner, "extract", doc)
    if result.exit_code == 0:
        graph = Graph().parse(data=result.stdout, format="turtle")
        assert len(graph) > 0  # the document and its context are still described
        assert "Traceback" not in result.stderr
    else:
        error_line(result, 3)


def _huge_document(folder: Path) -> Path:
    paragraph = ("La ministre a reçu son homologue à Oslo pendant deux heures, a indiqué le ministère. " * 12
                 + "\n\n")
    doc = folder / "huge.txt"
    with doc.open("w", encoding="utf-8") as handle:
        for _ in range(10_000_000 // len(paragraph) + 1):
            handle.write(paragraph)
    assert doc.stat().st_size >= 10_000_000
    return doc


@pytest.mark.slow
@pytest.mark.parametrize("command", ["extract", "build"])
def test_huge_document_is_refused_in_one_line(runner: CliRunner, workdir: Path, command: str) -> None:
    """10 MB is ten times spaCy's max_length: processed or refused in one line, never a crash."""
    result = invoke(runner, command, _huge_document(workdir))
    if result.exit_code != 0:
        line = error_line(result, 3)
        assert "length" in line or "long" in line


@pytest.mark.slow
def test_huge_document_error_names_the_document(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "extract", _huge_document(workdir)), 3)
    assert "huge.txt" in line and "1,000,000" in line.replace("1000000", "1,000,000")


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def test_binary_file_that_is_not_utf8(runner: CliRunner, workdir: Path) -> None:
    doc = workdir / "picture.txt"
    doc.write_bytes(PNG)
    line = error_line(invoke(runner, "extract", doc), 3)
    assert "picture.txt" in line and "utf-8" in line


def test_binary_file_of_nul_bytes_is_refused(runner: CliRunner, workdir: Path) -> None:
    doc = workdir / "zeros.txt"
    doc.write_bytes(b"Le ministre.\x00\x00\x00\x00" + b"\x00" * 4096)
    line = error_line(invoke(runner, "extract", doc), 3)
    assert "zeros.txt" in line and "binary" in line


@pytest.mark.parametrize("command", ["extract", "build"])
def test_front_matter_not_yaml(runner: CliRunner, workdir: Path, command: str) -> None:
    doc = workdir / "bad-yaml.txt"
    doc.write_text("---\ntitle: [unclosed\npublished: 2024-01-01\n---\nLe ministre a parlé.\n", encoding="utf-8")
    line = error_line(invoke(runner, command, doc), 3)
    assert "bad-yaml.txt" in line and "yaml" in line and "line" in line


@pytest.mark.parametrize("value", ["2025-13-45", "hier", "2025-02-30", "[2025, 1]"])
def test_front_matter_invalid_date(runner: CliRunner, workdir: Path, value: str) -> None:
    doc = workdir / "bad-date.txt"
    doc.write_text(f"---\npublished: {value}\n---\nLe ministre a parlé.\n", encoding="utf-8")
    line = error_line(invoke(runner, "extract", doc), 3)
    assert "bad-date.txt" in line and "date" in line


def test_front_matter_never_closed(runner: CliRunner, workdir: Path) -> None:
    doc = workdir / "open.txt"
    doc.write_text("---\ntitle: x\nLe ministre a parlé.\n", encoding="utf-8")
    line = error_line(invoke(runner, "extract", doc), 3)
    assert "open.txt" in line and "front matter" in line


def test_published_option_not_a_date(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "extract", "--published", "2025-31-12", GOOD_DOC), 2)
    assert "--published" in line


def test_other_language_is_refused_unless_forced(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "extract", DATA / "english.txt"), 3)
    assert "'en'" in line and "--language fr" in line
    result = invoke(runner, "extract", "--language", "fr", DATA / "english.txt")  # forced: a warning
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line.lower()]
    assert len(warnings) == 1 and "en" in warnings[0] and "french" in warnings[0].lower()
    Graph().parse(data=result.stdout, format="turtle")


# ---------------------------------------------------------------- RDF, shapes and SPARQL


RDF_COMMANDS = [["validate"], ["stats"], ["export"], ["query", "events"], ["verify"]]


@pytest.mark.parametrize("command", RDF_COMMANDS, ids=lambda c: c[0])
def test_malformed_turtle_gives_the_line(runner: CliRunner, workdir: Path, command: list[str]) -> None:
    line = error_line(invoke(runner, *command, DATA / "malformed.ttl"), 3)
    assert "malformed.ttl" in line and "line 3" in line


@pytest.mark.parametrize("command", RDF_COMMANDS, ids=lambda c: c[0])
def test_malformed_trig_gives_the_line(runner: CliRunner, workdir: Path, command: list[str]) -> None:
    line = error_line(invoke(runner, *command, DATA / "malformed.trig"), 3)
    assert "malformed.trig" in line and "line 4" in line


def test_malformed_turtle_gives_the_column(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "validate", DATA / "malformed.ttl"), 3)
    assert "line 3, column" in line


def test_shapes_file_that_is_not_shacl(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "validate", "--shapes", DATA / "not-shacl.ttl", EXISTING_GRAPH), 3)
    assert "not-shacl.ttl" in line and "shacl" in line


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_sparql_syntax_error_gives_line_and_column(runner: CliRunner, workdir: Path, engine: str) -> None:
    result = invoke(runner, "query", DATA / "syntax-error.rq", "--engine", engine, EXISTING_GRAPH)
    line = error_line(result, 3)
    assert "syntax-error.rq" in line and re.search(r"line \d+, column \d+", line)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_sparql_syntax_error_points_at_the_error(runner: CliRunner, workdir: Path, engine: str) -> None:
    result = invoke(runner, "query", DATA / "syntax-error.rq", "--engine", engine, EXISTING_GRAPH)
    assert "line 4, column" in error_line(result, 3)


def test_unknown_query_suggests_the_closest(runner: CliRunner, workdir: Path) -> None:
    line = error_line(invoke(runner, "query", "particpants", EXISTING_GRAPH), 2)
    assert "particpants" in line and "did you mean 'participants'" in line


@pytest.mark.parametrize("name", ["../../etc/passwd", "checks/../../../etc/passwd", "/etc/passwd",
                                  "..", "checks/../../pyproject", "%2e%2e/%2e%2e/etc/passwd",
                                  "..\\..\\etc\\passwd", "events\x00.rq"])
def test_query_names_cannot_leave_the_queries_folder(runner: CliRunner, workdir: Path, name: str) -> None:
    result = invoke(runner, "query", name, EXISTING_GRAPH)
    line = error_line(result, 2)
    assert "root:" not in result.stdout and "root:" not in line
    assert "stored query" in line or "outside" in line


INJECTIONS = [
    'fr" } UNION { ?s ?p ?o } #',
    "fr> } ; DROP ALL ; #",
    "fr\n} UNION { ?s ?p ?o }",
    "?s",
    '"""',
    "fr'",
    "<http://example.org/x> } UNION { ?s ?p ?o",
    "http://example.org/x> . ?s ?p ?o . <http://example.org/y",
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("param", [("actors", "lang"), ("participants", "event"), ("provenance", "resource")],
                         ids=lambda p: f"{p[0]}-{p[1]}")
def test_parameter_injection_is_refused_or_inert(runner: CliRunner, workdir: Path, engine: str,
                                                 param: tuple[str, str], value: str) -> None:
    """A hostile --param value is a usage error, or a term that matches nothing: never more rows."""
    query, name = param
    result = invoke(runner, "query", query, "--engine", engine, "-f", "csv", "-p", f"{name}={value}",
                    EXISTING_GRAPH)
    if result.exit_code == 2:
        error_line(result, 2)
        return
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.strip().splitlines()[1:]
    assert rows == [], f"an injected value changed the answer: {rows[:3]}"


# ---------------------------------------------------------------- output that cannot be written


def test_build_into_a_readonly_folder(runner: CliRunner, workdir: Path, readonly_dir: Path) -> None:
    result = invoke(runner, "build", "--force", "--graph-dir", readonly_dir / "graph", GOOD_DOC)
    line = error_line(result, 3)
    assert "read-only" in line or "permission" in line
    assert list(readonly_dir.iterdir()) == []


@pytest.mark.parametrize("command", [["export", "-o"], ["reason", "-o"]], ids=lambda c: c[0])
def test_output_file_in_a_readonly_folder(runner: CliRunner, workdir: Path, readonly_dir: Path,
                                          command: list[str]) -> None:
    result = invoke(runner, *command, readonly_dir / "out.ttl", EXISTING_GRAPH)
    line = error_line(result, 3)
    assert "read-only" in line or "permission" in line
    assert list(readonly_dir.iterdir()) == []


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder with a 64 KiB tmpfs almost full (as root), else a disk that fails every fsync."""
    folder = tmp_path / "full"
    folder.mkdir()
    if _mount_tmpfs(folder, "size=64k"):
        try:
            filler = folder / ".filler"
            with filler.open("wb") as handle:
                try:
                    handle.write(b"\0" * (60 << 10))
                    handle.flush()
                except OSError:
                    pass
            yield folder
        finally:
            _umount(folder)
        return

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("diplograph.fsio.os.fsync", no_space)
    yield folder


def test_export_on_a_full_disk_keeps_the_old_file(runner: CliRunner, workdir: Path, full_disk: Path) -> None:
    target = full_disk / "out.ttl"
    target.write_text("# the previous export\n", encoding="utf-8")
    before = tree_digest(full_disk)
    result = invoke(runner, "export", "-f", "nt", "-o", target, EXISTING_GRAPH)
    line = error_line(result, 3)
    assert "no space left" in line
    assert tree_digest(full_disk) == before  # old file intact, no temporary file left behind


def test_build_on_a_full_disk_leaves_the_graph_folder_as_it_was(runner: CliRunner, workdir: Path,
                                                                 full_disk: Path) -> None:
    graph = full_disk / "graph"
    graph.mkdir()
    (graph / "old.ttl").write_text("# an older graph\n", encoding="utf-8")
    before = tree_digest(graph)
    result = invoke(runner, "build", "--force", "--graph-dir", graph, GOOD_DOC)
    line = error_line(result, 3)
    assert "no space left" in line
    assert tree_digest(graph) == before
    assert not [p for p in graph.iterdir() if p.name.startswith(".staging")]


# ---------------------------------------------------------------- inputs that try to reach the network




@pytest.mark.parametrize("command", ["validate", "stats", "export"])
def test_jsonld_remote_context_is_never_fetched(runner: CliRunner, workdir: Path, trap: tuple[str, list[bytes]],
                                                command: str) -> None:
    url, seen = trap
    doc = workdir / "remote.jsonld"
    doc.write_text(json.dumps({"@context": url, "@id": "http://example.org/a", "name": "x"}), encoding="utf-8")
    result = invoke(runner, command, doc)
    if result.exit_code != 0:
        error_line(result, 3)
    time.sleep(0.3)  # a connection attempt would have been recorded by now
    assert seen == [], f"something connected to the trap: {seen[:1]}"
