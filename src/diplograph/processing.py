"""Documents -> validated results: the work a build's worker processes do, and its cache.

Each document is read, extracted, mapped to RDF, serialised and SHACL-validated in one
worker (:func:`process_chunk`); what comes back is a :class:`DocumentResult` (the file text
and the counts the summary needs), never a graph. Why here and not in :mod:`diplograph.build`:
that module decides what is written to graph/ and when; this one only computes, so the
merge of shards and the API can reuse the results without the folder rules.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.fsio import atomic_write_text
from diplograph.namespaces import DG
from diplograph.serialize import GENERATED_MARK, to_turtle

if TYPE_CHECKING:
    from rdflib import Graph

    from diplograph.check import Finding
    from diplograph.model import ExtractedDocument

ACTOR_KINDS = {"person", "state", "org", "delegation", "group"}


@dataclass
class DocumentResult:
    """One mapped and validated document."""

    slug: str
    turtle: str  # the graph/<slug>.ttl text
    triples: int
    findings: list[Finding]
    events: int
    actors: set[str]
    cached: bool = False  # came from graph/.cache (not extracted in this build)
    # What the corpus graph reads from the file (diplograph.corpus.read_reports), pickled, read from
    # the mapper's triples instead (reports_of_triples); None for a cached result: its file is parsed.
    reports: bytes | None = None

    def text(self) -> str:
        """The file text."""
        return self.turtle

    @property
    def violations(self) -> list[Finding]:
        """The results of severity Violation (they block the build)."""
        return [f for f in self.findings if f.severity == "Violation"]


def map_document(doc: ExtractedDocument, *, validate: bool = True) -> DocumentResult:
    """Map one extracted document to RDF, serialise it, and SHACL-validate it (asserted only).

    Works on the mapper's list of triples: an rdflib Graph would cost as much to fill as
    the mapping itself, and neither the Turtle writer nor the native SHACL engine needs one.
    """
    from diplograph.check import validate_graph
    from diplograph.corpus import reports_of_triples
    from diplograph.mapper import to_triples

    triples = to_triples(doc)
    reports = reports_of_triples(triples)
    turtle = document_turtle(triples)
    findings = validate_graph(triples, turtle=turtle).results if validate else []
    # A set membership test, not ``p == DG.eventType``: rdflib's __eq__ is Python code, called for
    # every triple that way, while a set look-up compares only when the (C) hashes match.
    event_type = {DG.eventType}  # once: attribute access on a DefinedNamespace is slow
    events = len({s for s, p, _ in triples if p in event_type})
    actors = {iri for iri, entity in doc.entities.items() if entity.kind in ACTOR_KINDS}
    return DocumentResult(doc.source.slug, turtle, len(triples), findings, events, actors,
                          reports=None if reports is None else pickle.dumps(reports, protocol=pickle.HIGHEST_PROTOCOL))


def document_turtle(graph: Graph | Sequence[tuple]) -> str:
    """The exact text of a ``graph/<slug>.ttl`` file."""
    return to_turtle(graph, header_comment=GENERATED_MARK)


CHUNK = 4  # documents per worker task: small enough to balance two cores, large enough for nlp.pipe
#: Documents per task when the build runs in its own process (``--jobs 1``): no cores to balance,
#: so one task is one full ``nlp.pipe`` batch of :func:`diplograph.extract.extract_many` (8). Why:
#: a task is one ``nlp.pipe`` call, and tasks of :data:`CHUNK` made spaCy run batches of 4, about
#: 2 % more of spaCy's CPU than batches of 8 (measured over tests/texts); the analyses are the same
#: (every token attribute, entity and sentence compared over tests/texts and 104 real texts).
SERIAL_CHUNK = 8
# Tasks a worker runs before the pool replaces it with a fresh fork of the parent. Why: a worker's
# memory creeps up with every document (spaCy's vocabulary, bounded caches filling, a fragmented
# heap): +80 MB per worker from 300 to 1,200 documents. A fresh fork shares the parent's warm
# model and caches again, so workers stay flat however long the corpus; forking costs milliseconds.
TASKS_PER_WORKER = 64


@functools.cache
def code_version() -> str:
    """sha256 over the package's own sources, the ontology + vocabularies, shapes and check rules.

    Why not ``__version__``: during development the code changes without a version bump, and
    a stale cached extraction would then survive a fix. Hashing ~100 small files costs ~5 ms.
    """
    from diplograph import resources

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py"))
    try:
        files += [resources.ontology_file(), resources.shapes_file(), *resources.vocab_files()]
        files += sorted((resources.queries_dir() / "checks").glob("*.rq"))  # the data rules validate too
    except (FileNotFoundError, AttributeError):
        pass
    for path in files:
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(path: Path, published: datetime.date | None, encoding: str = "utf-8") -> str:
    """Key of a document's cached result: its bytes, file name (the slug), --published, --encoding, the code."""
    digest = hashlib.sha256()
    digest.update(path.read_bytes())
    digest.update(b"\0" + path.name.encode() + b"\0" + str(published).encode() + b"\0")
    if encoding != "utf-8":  # (keys of UTF-8 documents stay those of earlier builds)
        digest.update(encoding.encode() + b"\0")
    digest.update(code_version().encode())
    return digest.hexdigest()


def cached_result(cache: Path | None, key: str) -> DocumentResult | None:
    if cache is None:
        return None
    from diplograph.check import Finding

    try:
        data = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        return DocumentResult(data["slug"], data["turtle"], data["triples"],
                              [Finding(*f) for f in data["findings"]], data["events"], set(data["actors"]),
                              cached=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store_result(cache: Path | None, key: str, result: DocumentResult) -> None:
    if cache is None:
        return
    data = {"slug": result.slug, "turtle": result.turtle, "triples": result.triples,
            "findings": [list(f) for f in result.findings], "events": result.events,
            "actors": sorted(result.actors)}
    # Not durable (no fsync): an entry a machine crash tore fails to parse in _cached and is made again.
    atomic_write_text(cache / f"{key}.json", json.dumps(data, sort_keys=True), durable=False)


def process_chunk(
    task: tuple[list[Path], datetime.date | None, Path | None, str],
) -> list[tuple[str, DocumentResult]]:
    """Read, extract, map, validate and serialise a few documents (runs in a worker process).

    Why everything here: mapping and SHACL take as long as spaCy; done in the parent they
    serialise the build on one core. Cached documents (same key) skip all of it.
    """
    from diplograph.extract import extract_many
    from diplograph.reader import read_document

    paths, published, cache, encoding = task
    keyed = [(path, cache_key(path, published, encoding)) for path in paths]
    done: dict[str, DocumentResult] = {}
    todo = []
    for path, key in keyed:
        hit = cached_result(cache, key)
        if hit is not None:
            done[key] = hit
        else:
            todo.append((path, key))
    sources = [read_document(path, published=published, encoding=encoding) for path, _ in todo]
    if sources:  # the model is loaded only when something is to be extracted
        from diplograph.analyse import load_nlp

        load_nlp()
        collect_less_often()
    for (_, key), doc in zip(todo, extract_many(sources) if sources else (), strict=True):
        result = map_document(doc)
        store_result(cache, key, result)
        done[key] = result
    return [(key, done[key]) for _, key in keyed]


#: Python's collector thresholds once the model is loaded (its default: 700, 10, 10).
GC_THRESHOLDS = (10_000, 20, 20)


def collect_less_often() -> None:
    """Let the cyclic garbage collector run less often while documents are processed.

    Why: extraction, mapping and validation allocate millions of short-lived objects (rdflib
    terms, tuples, dictionaries) that reference counting frees; with the default thresholds
    the collector still examined them every 700 allocations, and ran full collections over
    everything alive: ~0.08 s of CPU for the 77 texts of tests/texts, ~0.025 s with these.
    Called after the model is loaded (spaCy's load itself is left as any spaCy process runs
    it, and :func:`diplograph.analyse.load_nlp` freezes the model out of the collector).
    Memory stays bounded: collections still run, every 10,000 allocations instead of 700.
    :func:`diplograph.build.build` puts the caller's thresholds back when it returns (a test session, a notebook).
    """
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


@contextlib.contextmanager
def collector_thresholds_kept() -> Iterator[None]:
    """Restore the garbage collector's thresholds on exit (see :func:`collect_less_often`)."""
    import gc

    saved = gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def process_documents(
    paths: Sequence[Path], *, published: datetime.date | None = None, jobs: int = 1,
    cache: Path | None = None, encoding: str = "utf-8",
) -> Iterator[tuple[str, DocumentResult]]:
    """(cache key, result) per document, in input order, computed in ``jobs`` processes.

    The parent loads spaCy before forking, so workers share the model pages (copy on write)
    instead of loading it once each; results come back in order (``imap``), so the output
    does not depend on ``jobs``.
    """
    size = CHUNK if jobs > 1 else SERIAL_CHUNK
    tasks = [(list(paths[i:i + size]), published, cache, encoding) for i in range(0, len(paths), size)]
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield from process_chunk(task)
        return
    import multiprocessing

    from diplograph.analyse import load_nlp
    from diplograph.check import warm_validation
    from diplograph.lexicon import load_lexicon
    from diplograph.mapper import warm

    load_nlp()
    collect_less_often()  # (the workers inherit it)
    load_lexicon()
    warm()
    warm_validation()
    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(tasks)), maxtasksperchild=TASKS_PER_WORKER) as pool:
        for chunk in pool.imap(process_chunk, tasks):
            yield from chunk
