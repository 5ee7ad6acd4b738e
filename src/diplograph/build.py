"""Build orchestration: corpus documents -> validated document graphs -> graph/.

The rules this module enforces, and why:

* **All or nothing.** If any document graph violates the shapes, nothing is written
  (unless ``force``): graph/ is reviewed like code, and a half-updated folder would be
  worse than a stale one.
* **Atomic files.** Every file goes through :mod:`diplograph.fsio` (temporary file +
  rename), so a crash leaves the old file or the new one.
* **One build at a time.** ``graph/.lock`` is held with ``fcntl.flock``; the kernel drops
  the lock when the process dies, so a crashed build never blocks the next one.
* **The dataset is assembled from the files.** ``graph/diplograph.trig`` is rebuilt from
  every generated ``graph/<slug>.ttl`` (text, no re-parsing), so building one document
  keeps the others in the dataset and the TriG is always exactly the union of the files.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import InputError
from diplograph.fsio import atomic_write_text
from diplograph.namespaces import DG, graph_iri
from diplograph.rdfio import DATASET_FILE
from diplograph.serialize import GENERATED_MARK, prefix_header, to_turtle, trig_block

if TYPE_CHECKING:
    from rdflib import Graph

    from diplograph.check import Finding
    from diplograph.model import ExtractedDocument

DOCUMENT_SUFFIXES = (".txt", ".md")
LOCK_FILE = ".lock"
ACTOR_KINDS = {"person", "state", "org", "delegation", "group"}


@dataclass
class DocumentResult:
    """One mapped and validated document."""

    slug: str
    turtle: str | None  # the graph/<slug>.ttl text; None once parked in ``staged``
    triples: int
    findings: list[Finding]
    events: int
    actors: set[str]
    staged: Path | None = None

    def text(self) -> str:
        """The file text, from memory or from the staging folder."""
        if self.turtle is not None:
            return self.turtle
        assert self.staged is not None
        return self.staged.read_text(encoding="utf-8")

    @property
    def violations(self) -> list[Finding]:
        """The results of severity Violation (they block the build)."""
        return [f for f in self.findings if f.severity == "Violation"]


@dataclass
class BuildSummary:
    """What a build did, for the summary line and for callers of the API."""

    documents: int = 0
    triples: int = 0
    events: int = 0
    actors: int = 0
    violations: int = 0
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    refused: bool = False
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary printed on stderr."""
        return (f"{self.documents} document{'s' if self.documents != 1 else ''}, {self.triples} triples, "
                f"{self.events} events, {self.actors} actors, {self.violations} violations")


def corpus_documents(corpus_dir: Path) -> list[Path]:
    """The documents of a corpus folder (``*.txt`` and ``*.md``), sorted by name."""
    if not corpus_dir.is_dir():
        raise InputError(f"{corpus_dir}: no such corpus folder")
    found = sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not found:
        raise InputError(f"{corpus_dir}: no .txt or .md document")
    return found


def expand_documents(docs: Sequence[str | Path]) -> list[Path]:
    """The files named on the command line (a folder stands for its documents)."""
    paths: list[Path] = []
    for doc in docs:
        path = Path(doc)
        if path.is_dir():
            paths.extend(corpus_documents(path))
        elif not path.exists():
            raise InputError(f"{path}: no such file")
        else:
            paths.append(path)
    return paths


@contextlib.contextmanager
def graph_lock(graph_dir: Path) -> Iterator[None]:
    """Hold ``graph_dir/.lock`` exclusively; a second build fails at once with one line."""
    graph_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(graph_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock = graph_dir / LOCK_FILE
            raise InputError(f"{graph_dir}: another build is running (it holds {lock})") from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def map_document(doc: ExtractedDocument, *, validate: bool = True) -> DocumentResult:
    """Map one extracted document to RDF, serialise it, and SHACL-validate it (asserted only)."""
    from rdflib import URIRef

    from diplograph.check import validate_graph
    from diplograph.mapper import to_graph

    graph = to_graph(doc)
    findings = validate_graph(graph).results if validate else []
    events = len(set(graph.subjects(URIRef(DG.eventType), None)))
    actors = {iri for iri, entity in doc.entities.items() if entity.kind in ACTOR_KINDS}
    return DocumentResult(doc.source.slug, document_turtle(graph), len(graph), findings, events, actors)


def document_turtle(graph: Graph) -> str:
    """The exact text of a ``graph/<slug>.ttl`` file."""
    return to_turtle(graph, header_comment=GENERATED_MARK)


def _body_of(path: Path) -> str | None:
    """The statements of a generated document file, or None if it is not one of ours."""
    text = path.read_text(encoding="utf-8")
    head = GENERATED_MARK + "\n" + prefix_header()
    if not text.startswith(GENERATED_MARK + "\n"):
        return None
    if text.startswith(head):
        return text[len(head):].lstrip("\n")
    # Generated by an older prefix table: re-serialise through rdflib (slow path, rare).
    from rdflib import Graph

    from diplograph.serialize import turtle_body

    return turtle_body(Graph().parse(data=text, format="turtle"))


def generated_files(graph_dir: Path) -> dict[str, Path]:
    """slug -> file, for the document graphs in graph_dir written by a build."""
    found: dict[str, Path] = {}
    for path in sorted(graph_dir.glob("*.ttl")):
        with path.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == GENERATED_MARK:
                found[path.stem] = path
    return found


def dataset_trig(graph_dir: Path) -> str:
    """graph/diplograph.trig: one named graph ``graph/<slug>`` per generated document file."""
    from diplograph.serialize import natural_key

    blocks = []
    for slug, path in sorted(generated_files(graph_dir).items(), key=lambda item: natural_key(item[0])):
        body = _body_of(path)
        if body:
            blocks.append(trig_block(graph_iri(slug), body))
    return prefix_header() + "".join("\n" + block for block in blocks)


def _write_if_changed(path: Path, text: str) -> bool:
    """Atomic write, skipped when the bytes are already there (keeps mtimes of unchanged files)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write_text(path, text)  # fsio gives the file the umask's permissions, not mkstemp's 0600
    return True


def extract_documents(
    paths: Sequence[Path], *, published: datetime.date | None = None, jobs: int = 1,
) -> Iterator[ExtractedDocument]:
    """Read and extract documents in order (spaCy in ``jobs`` processes when > 1)."""
    from diplograph.extract import extract_many
    from diplograph.reader import read_document

    sources = [read_document(path, published=published) for path in paths]
    seen: dict[str, Path] = {}
    for path, source in zip(paths, sources, strict=True):
        if source.slug in seen:
            raise InputError(f"{path}: same slug {source.slug!r} as {seen[source.slug]} (rename one)")
        seen[source.slug] = path
    yield from extract_many(sources, n_process=max(1, jobs))


def build(
    docs: Sequence[str | Path] = (),
    *,
    graph_dir: str | Path = "graph",
    corpus_dir: str | Path = "corpus",
    published: datetime.date | None = None,
    jobs: int = 1,
    force: bool = False,
    on_document: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Build graph/ from the corpus (or from the given documents only).

    Stale ``graph/<slug>.ttl`` files (documents gone from the corpus) are removed only
    when the whole corpus is built: with explicit DOCS the other files are kept.
    """
    graph_path = Path(graph_dir)
    whole_corpus = not docs
    paths = corpus_documents(Path(corpus_dir)) if whole_corpus else expand_documents(docs)
    results: list[DocumentResult] = []
    with graph_lock(graph_path), tempfile.TemporaryDirectory(dir=graph_path, prefix=".staging-") as staging:
        for doc in extract_documents(paths, published=published, jobs=jobs):
            result = map_document(doc)
            # Park the text on disk: all-or-nothing writing must not hold a corpus in memory.
            result.staged = Path(staging) / f"{result.slug}.ttl"
            result.staged.write_text(result.text(), encoding="utf-8")
            result.turtle = None
            results.append(result)
            if on_document is not None:
                on_document(doc.source.slug)
        return write_graphs(results, graph_path, whole_corpus=whole_corpus, force=force)


def write_graphs(
    results: Sequence[DocumentResult], graph_dir: Path, *, whole_corpus: bool, force: bool = False
) -> BuildSummary:
    """Write validated document graphs and the TriG dataset; nothing at all on violations.

    The caller holds the lock. ``whole_corpus`` allows deleting generated files of
    documents that are not among ``results`` any more.
    """
    summary = BuildSummary()
    actors: set[str] = set()
    for result in results:
        summary.documents += 1
        summary.triples += result.triples
        summary.events += result.events
        summary.violations += len(result.violations)
        actors |= result.actors
        for finding in result.violations:
            where = f" {finding.path}" if finding.path else ""
            summary.problems.append(f"{result.slug}: {finding.focus}{where}: {finding.message}")
    summary.actors = len(actors)
    if summary.violations and not force:
        summary.refused = True
        return summary
    for result in results:
        target = graph_dir / f"{result.slug}.ttl"
        if _write_if_changed(target, result.text()):
            summary.written.append(target)
    if whole_corpus:
        keep = {result.slug for result in results}
        for slug, path in generated_files(graph_dir).items():
            if slug not in keep:
                path.unlink()
                summary.removed.append(path)
    dataset = graph_dir / DATASET_FILE
    if _write_if_changed(dataset, dataset_trig(graph_dir)):
        summary.written.append(dataset)
    return summary


def extract_turtle(path: str | Path, *, published: datetime.date | None = None) -> str:
    """One document's graph as Turtle (what ``diplograph extract`` prints)."""
    from diplograph.extract import extract
    from diplograph.mapper import to_graph
    from diplograph.reader import read_document

    source = read_document(path, published=published)
    return to_turtle(to_graph(extract(source)))
