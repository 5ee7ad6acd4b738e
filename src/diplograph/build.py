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
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.dataset import READ_BLOCK, body_of_text, dataset_files, write_dataset
from diplograph.errors import InputError
from diplograph.fsio import AtomicFile, atomic_write_text
from diplograph.namespaces import graph_iri
from diplograph.processing import DocumentResult, collector_thresholds_kept, process_documents
from diplograph.rdfio import DATASET_FILE, generated_files
from diplograph.serialize import prefix_header, to_turtle

if TYPE_CHECKING:
    from diplograph.store_loader import QueryStoreBuilder

DOCUMENT_SUFFIXES = (".txt", ".md")
LOCK_FILE = ".lock"
CACHE_DIR = ".cache"
STAGING_PREFIX = ".staging-"
CORPUS_SLUG = "_corpus"  # graph/_corpus.ttl, named graph graph/_corpus (a document slug never starts with "_")


@dataclass
class BuildSummary:
    """What a build did, for the summary line and for callers of the API."""

    documents: int = 0
    triples: int = 0
    events: int = 0
    actors: int = 0
    violations: int = 0
    warnings: int = 0  # results below Violation (shapes and queries/checks rules): reported, never refused
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    refused: bool = False
    refused_documents: list[str] = field(default_factory=list)
    not_french: list[str] = field(default_factory=list)  # one line per document refused as not French
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "<severity>: <slug>: ..." for each result below Violation

    def line(self) -> str:
        """The one-line summary printed on stderr."""
        return (f"{self.documents} document{'s' if self.documents != 1 else ''}, {self.triples} triples, "
                f"{self.events} events, {self.actors} actors, {self.violations} violations, "
                f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")


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


def _feed(builder: QueryStoreBuilder, slug: str, text: str) -> None:
    body = body_of_text(text)
    if body is not None:
        builder.add(graph_iri(slug), body)
    else:  # written by another version's prefix table: let the store load the files
        builder.discard()


def _write_if_changed(path: Path, text: str) -> bool:
    """Atomic write, skipped when the bytes are already there (keeps mtimes of unchanged files)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write_text(path, text)  # fsio gives the file the umask's permissions, not mkstemp's 0600
    return True


def document_stem(path: Path) -> str:
    """The file name without its document suffix (what :func:`diplograph.reader.read_document` slugifies)."""
    name = path.name
    for suffix in (".txt", ".md", ".markdown"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def check_slugs(paths: Sequence[Path]) -> None:
    """Two files that give the same slug would overwrite each other's graph: refuse at once."""
    from diplograph.namespaces import slugify

    seen: dict[str, Path] = {}
    for path in paths:
        slug = slugify(document_stem(path))
        if slug in seen:
            raise InputError(f"{path}: same slug {slug!r} as {seen[slug]} (rename one)")
        seen[slug] = path


def shard_of(slug: str, count: int) -> int:
    """The 0-based shard of a document among ``count``: the first 8 bytes of sha256(slug), modulo.

    Why the slug alone: a document's share depends on nothing else, so adding documents to
    the corpus (or machines running other shares) never moves a document to another shard.
    """
    return int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:8], "big") % count


def select_shard(paths: Sequence[Path], shard: tuple[int, int]) -> list[Path]:
    """The documents of shard ``K/N`` (K counted from 1, as ``build --shard K/N`` takes it)."""
    from diplograph.namespaces import slugify

    number, count = shard
    if not 1 <= number <= count:
        raise InputError(f"--shard {number}/{count}: K must be between 1 and N")
    return [path for path in paths if shard_of(slugify(document_stem(path)), count) == number - 1]


def build(
    docs: Sequence[str | Path] = (),
    *,
    graph_dir: str | Path = "graph",
    corpus_dir: str | Path | None = "corpus",
    published: datetime.date | None = None,
    jobs: int = 1,
    force: bool = False,
    on_document: Callable[[str], None] | None = None,
    store: bool = False,
    encoding: str = "utf-8",
    shard: tuple[int, int] | None = None,
    force_french: bool = False,
) -> BuildSummary:
    """Build graph/ from the corpus (or from the given documents only).

    Stale ``graph/<slug>.ttl`` files (documents gone from the corpus) are removed only
    when the whole corpus is built: with explicit DOCS the other files are kept. Graphs of
    DOCS outside ``corpus_dir`` (None: all of them) are recorded and never removed.

    ``jobs`` worker processes each extract, map and validate whole documents; a document
    whose bytes, name, --published and code+ontology did not change comes from
    ``graph/.cache/`` instead.

    ``store``: also fill the on-disk Oxigraph query store (``graph/.store/query``) that
    ``query`` and ``stats`` read when given no FILES, with a loader process that runs
    while the documents are extracted. Off by default. Why: the build's product is graph/ (the
    validated files); the store is an index of it, content-keyed, which those commands build
    themselves when it is missing or stale (as after a hand edit of graph/). A command-line
    user who exports Turtle never queries, so the index would be pure cost for them (about a
    twentieth of a ``--jobs 1`` build's CPU); a SPARQL user pays it once, at the first query.
    On a large corpus and several cores, ``store=True`` overlaps that load with the extraction.

    ``shard=(K, N)``: only the K-th of N deterministic shares (:func:`shard_of`); graph_dir
    then holds that share alone (with the whole corpus, files of other shares are stale),
    and :func:`diplograph.merge.merge` assembles the shards' folders.
    """
    from diplograph.namespaces import slugify
    from diplograph.project import is_inside, outside_slugs, remember_outside

    graph_path = Path(graph_dir)
    whole_corpus = not docs
    paths = corpus_documents(Path(corpus_dir)) if whole_corpus else expand_documents(docs)
    if shard is not None:
        paths = select_shard(paths, shard)
    paths, foreign = _french_only(paths, encoding, force_french)
    with graph_lock(graph_path):
        _remove_dead_staging(graph_path)  # we hold the lock: any staging folder is a killed build's
        # Graphs built from files outside the corpus are not the corpus's to delete (see project.outside_slugs).
        outside = outside_slugs(graph_path)
        slugs = {slugify(document_stem(path)): path for path in paths}
        if whole_corpus:
            outside -= set(slugs)
        else:
            corpus = Path(corpus_dir) if corpus_dir is not None else None
            outside = (outside - set(slugs)) | {s for s, p in slugs.items() if not is_inside(p, corpus)}
        with collector_thresholds_kept():
            summary = _build_locked(paths, graph_path, whole_corpus=whole_corpus, published=published, jobs=jobs,
                                    force=force, on_document=on_document, store=store, encoding=encoding,
                                    keep=outside | set(foreign))  # a refused document's old graph stays
        if foreign:
            summary.refused = True
            summary.not_french = list(foreign.values())
        remember_outside(graph_path, {slug for slug in outside if (graph_path / f"{slug}.ttl").is_file()})
    return summary


def _french_only(paths: list[Path], encoding: str, force: bool) -> tuple[list[Path], dict[str, str]]:
    """The documents in French, and slug -> one-line reason for each refused one (see reader.check_french)."""
    from diplograph.namespaces import slugify
    from diplograph.reader import NotFrenchError, check_french

    kept: list[Path] = []
    foreign: dict[str, str] = {}
    for path in paths:
        try:
            check_french(path, encoding=encoding, force=force)
        except NotFrenchError as exc:
            foreign[slugify(document_stem(path))] = str(exc)
            continue
        kept.append(path)
    return kept, foreign


def _remove_dead_staging(graph_path: Path) -> None:
    """Staging folders left by builds killed with SIGKILL (nothing else can leave them)."""
    import shutil

    for leftover in graph_path.glob(f"{STAGING_PREFIX}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)


def _build_locked(
    paths: Sequence[Path], graph_path: Path, *, whole_corpus: bool, published: datetime.date | None, jobs: int,
    force: bool, on_document: Callable[[str], None] | None, store: bool, encoding: str,
    keep: set[str] | frozenset[str] = frozenset(),
) -> BuildSummary:
    """The build proper; the caller holds graph/.lock. ``keep``: slugs never removed as stale.

    Streaming: each result is counted into the summary, its text parked in the staging
    folder and fed to the query store loader, then dropped. What stays per document is its
    slug (for the files to write and the stale ones to remove) and its cache key, so the
    build's memory does not grow with the corpus.
    """
    summary = BuildSummary()
    actors: set[str] = set()
    seen: set[str] = set()
    staged: list[str] = []
    builder = None
    if store:
        from diplograph.store_loader import QueryStoreBuilder

        builder = QueryStoreBuilder(graph_path, prefix_header())
    with tempfile.TemporaryDirectory(dir=graph_path, prefix=STAGING_PREFIX) as staging:
        parked = Path(staging)
        reports = _ReportSpill(parked)
        try:
            check_slugs(paths)
            cache = graph_path / CACHE_DIR
            cache.mkdir(exist_ok=True)
            used: set[str] = set()
            filling = False
            cached_before: list[str] = []  # cached documents before the first extracted one
            for key, result in process_documents(paths, published=published, jobs=jobs, cache=cache,
                                                 encoding=encoding):
                used.add(key)
                seen.add(result.slug)
                text = result.text()
                if _tally(summary, actors, result, force):
                    (parked / f"{result.slug}.ttl").write_text(text, encoding="utf-8")
                    staged.append(result.slug)
                    reports.add(parked / f"{result.slug}.ttl", result.reports)
                elif builder is not None:  # graph/ will not hold this text: the store would not match it
                    builder.discard()
                    builder = None
                if builder is not None and (filling or not result.cached):
                    # The query store fills while workers extract, from the first document that
                    # was not in the cache on (with the cached ones before it): a rebuild where
                    # nothing changed loads nothing and keeps the store it has.
                    for slug in ([] if filling else cached_before):
                        _feed(builder, slug, (parked / f"{slug}.ttl").read_text(encoding="utf-8"))
                    cached_before = []
                    filling = True
                    _feed(builder, result.slug, text)
                elif builder is not None:
                    cached_before.append(result.slug)
                if on_document is not None:
                    on_document(result.slug)
            summary.actors = len(actors)
            documents = _graph_files(graph_path, parked, staged, (seen | set(keep)) if whole_corpus else None)
            corpus_file = parked / f"{CORPUS_SLUG}.ttl"  # no document slug starts with "_"
            if builder is not None and filling:  # the loader takes the corpus graph in batches as it is written
                loader, name = builder, graph_iri(CORPUS_SLUG)
                loader.add(name, "")  # the graph is in the store even when it has no statement
                corpus_graph(documents, graph_path, corpus_file, on_chunk=lambda body: loader.add(name, body),
                             known=reports.get)
                builder.seal()  # the loader's last batch and compaction overlap the writing below
            else:
                corpus_graph(documents, graph_path, corpus_file, known=reports.get)
            for slug in staged:
                _write_document(graph_path, slug, (parked / f"{slug}.ttl").read_text(encoding="utf-8"), summary)
            _finish_folder(graph_path, summary, (seen | set(keep)) if whole_corpus else None, corpus_file=corpus_file)
            if whole_corpus:  # entries of documents gone or changed would only grow the folder
                for entry in cache.glob("*.json"):
                    if entry.stem not in used:
                        entry.unlink(missing_ok=True)
            if (builder is None or not filling or builder.finish(graph_path, complete=not summary.refused) is None) \
                    and store and summary.written:
                from diplograph.store import ensure_query_store

                ensure_query_store(graph_path)
            return summary
        finally:
            reports.close()
            if builder is not None:
                builder.discard()


class _ReportSpill:
    """The corpus graph's reading of each document file this build wrote (``DocumentResult.reports``,
    pickled), kept in one temporary file in the staging folder, so that the corpus graph does not
    parse again files it has just written, and the build's memory does not grow with the corpus."""

    def __init__(self, folder: Path) -> None:
        self.file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed by close()
        self.where: dict[Path, tuple[int, int]] = {}

    def add(self, path: Path, data: bytes | None) -> None:
        if data is None:  # a cached result: its file is parsed
            self.where.pop(path, None)
            return
        self.file.seek(0, 2)
        self.where[path] = (self.file.tell(), len(data))
        self.file.write(data)

    def get(self, path: Path) -> tuple | None:
        """``path``'s reports and affiliations (:func:`diplograph.corpus.read_reports`), or None if not kept."""
        import pickle

        at = self.where.get(path)
        if at is None:
            return None
        self.file.seek(at[0])
        return pickle.loads(self.file.read(at[1]))  # noqa: S301 - written by this process

    def close(self) -> None:
        self.file.close()


def _tally(summary: BuildSummary, actors: set[str], result: DocumentResult, force: bool) -> bool:
    """Count one document into the summary; True if its file is to be written.

    A document graph that violates the shapes is not written (unless ``force``): its previous
    file, if any, stays as it was, and ``summary.refused`` makes the command exit 1.
    """
    summary.documents += 1
    summary.triples += result.triples
    summary.events += result.events
    summary.violations += len(result.violations)
    summary.warnings += len(result.findings) - len(result.violations)
    actors |= result.actors
    for finding in result.findings:
        where = f" {finding.path}" if finding.path else ""
        line = f"{result.slug}: {finding.focus}{where}: {finding.message} [{finding.shape}]"
        if finding.severity == "Violation":
            summary.problems.append(line)
        else:
            summary.notes.append(f"{finding.severity.lower()}: {line}")
    if result.violations and not force:
        summary.refused = True
        summary.refused_documents.append(result.slug)
        return False
    return True


def _write_document(graph_dir: Path, slug: str, text: str, summary: BuildSummary) -> None:
    target = graph_dir / f"{slug}.ttl"
    if _write_if_changed(target, text):
        summary.written.append(target)


def _finish_folder(graph_dir: Path, summary: BuildSummary, keep: set[str] | None,
                   corpus_file: Path | None = None) -> None:
    """After the document files: remove stale ones (``keep``: the whole corpus's slugs), then
    assemble what is made from graph/'s files. Build, merge and write_graphs all end here."""
    if keep is not None:
        for slug, path in generated_files(graph_dir).items():
            if slug not in keep and slug != CORPUS_SLUG:
                path.unlink()
                summary.removed.append(path)
    _assemble(graph_dir, summary, corpus_file)


def _graph_files(graph_dir: Path, parked: Path, staged: Sequence[str], keep: set[str] | None) -> list[Path]:
    """The document graph files graph/ will hold once this build's staged files are written and
    stale ones removed (``keep`` as in :func:`_finish_folder`; a refused document keeps its old file)."""
    files = {slug: path for slug, path in generated_files(graph_dir).items()
             if slug != CORPUS_SLUG and (keep is None or slug in keep)}
    files.update({slug: parked / f"{slug}.ttl" for slug in staged})
    return [files[slug] for slug in sorted(files)]


def corpus_graph(document_files: Sequence[Path], graph_dir: Path, target: Path,
                 on_chunk: Callable[[str], None] | None = None,
                 known: Callable[[Path], tuple | None] | None = None) -> None:
    """Write to ``target`` the text of graph/_corpus.ttl: cross-document event identity over these
    document graph files.

    The one call from the build into identity (:mod:`diplograph.corpus`, docs/data-model.md): its
    input is the list of document graph files graph/ holds after the build. Per-block results are
    kept in graph/.cache, so a rebuild after adding a document examines only the blocks its events
    fall into. Written as a stream, with identity's temporary files next to ``target``
    (:func:`diplograph.corpus_rdf.write_corpus_turtle`); ``on_chunk`` gets the statements in pieces;
    ``known``: a file's reports when the build has them (:class:`_ReportSpill`), else None.
    """
    from diplograph.corpus_rdf import write_corpus_turtle

    cache = graph_dir / CACHE_DIR  # a build's folder has one; a folder only written to does not get one
    blocks = cache / "corpus-identity.blocks" if cache.is_dir() else None
    with target.open("w", encoding="utf-8", newline="") as out:
        write_corpus_turtle(document_files, out, cache_file=blocks, work_dir=target.parent, on_chunk=on_chunk,
                            known=known)


def _install(source: Path, target: Path) -> bool:
    """Copy ``source`` over ``target`` atomically, as a stream; False if the bytes were already there."""
    import shutil

    writer = AtomicFile(target, only_if_changed=True)
    with writer as out, source.open(encoding="utf-8", newline="") as handle:
        shutil.copyfileobj(handle, out, READ_BLOCK)
    return writer.changed


def _assemble(graph_dir: Path, summary: BuildSummary, corpus_file: Path | None = None) -> None:
    """The files made from graph/'s document graphs, not from the corpus: the corpus graph
    (graph/_corpus.ttl, computed here from graph/'s files unless the build already wrote it to
    ``corpus_file``), then the dataset, which takes it in (:func:`dataset_files`); a merge of
    shards runs this same step.
    """
    target = graph_dir / f"{CORPUS_SLUG}.ttl"
    if corpus_file is not None:
        if _install(corpus_file, target):
            summary.written.append(target)
    else:
        documents = [path for slug, path in sorted(generated_files(graph_dir).items()) if slug != CORPUS_SLUG]
        if documents:
            with tempfile.TemporaryDirectory(dir=graph_dir, prefix=STAGING_PREFIX) as staging:
                staged = Path(staging) / f"{CORPUS_SLUG}.ttl"
                corpus_graph(documents, graph_dir, staged)
                if _install(staged, target):
                    summary.written.append(target)
    dataset = graph_dir / DATASET_FILE
    files = dataset_files(graph_dir)
    if (files or dataset.exists()) and write_dataset(dataset, files):
        summary.written.append(dataset)


def write_graphs(
    results: Iterable[DocumentResult], graph_dir: Path, *, whole_corpus: bool, force: bool = False
) -> BuildSummary:
    """Write the document graphs that conform, and the TriG dataset of what graph/ then holds.

    One pass over ``results`` (which may be a generator). A violating document is not
    written unless ``force`` (see :func:`_tally`); the other documents are, so one odd
    article does not hold a whole corpus back. The caller holds the lock. ``whole_corpus``
    allows deleting generated files of documents that are not among ``results`` any more.
    """
    summary = BuildSummary()
    actors: set[str] = set()
    keep: set[str] = set()
    for result in results:
        keep.add(result.slug)
        if _tally(summary, actors, result, force):
            _write_document(graph_dir, result.slug, result.text(), summary)
    summary.actors = len(actors)
    _finish_folder(graph_dir, summary, keep if whole_corpus else None)
    return summary


def extract_turtle(path: str | Path, *, published: datetime.date | None = None, encoding: str = "utf-8") -> str:
    """One document's graph as Turtle (what ``diplograph extract`` prints)."""
    from diplograph.extract import extract
    from diplograph.mapper import to_graph
    from diplograph.reader import read_document

    source = read_document(path, published=published, encoding=encoding)
    return to_turtle(to_graph(extract(source)))
