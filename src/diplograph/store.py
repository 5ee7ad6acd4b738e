"""Persistent on-disk Oxigraph store, rebuilt only when its input changed.

Parsing a large corpus on every ``serve`` (or ``query``/``stats``/``export``) would cost
seconds to minutes; an embedded RocksDB-backed Oxigraph store is opened in milliseconds.
The store is keyed by a SHA-256 over the *content* of every input file, the graph each file
goes to, the ontology and vocabularies, and the pyoxigraph version (its on-disk format may
change), so a stale store is never served and an up-to-date one is never rebuilt.

Layout of the store root (default ``graph/.store/``, git-ignored)::

    manifest.json        which database is current, what went into it (no timestamps)
    db-<key[:16]>/       the Oxigraph database for that key
    .tmp-<pid>-<rand>/   a database being built (renamed to db-... only once complete)

A database directory is renamed into place only after it is fully loaded and flushed, so a
crash leaves at worst a ``.tmp-`` folder (removed by the next build), never a half store
under a ``db-`` name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError
from diplograph.fsio import atomic_write_text, user_cache_dir
from diplograph.iris import ONTOLOGY_GRAPH_IRI as ONTOLOGY_GRAPH
from diplograph.iris import VOCAB_GRAPH_IRI as VOCAB_GRAPH
from diplograph.rdfio import bulk_load, graph_name_for, rdf_format, resolve_sources
from diplograph.rdfio import oxigraph_quads as rdfio_quads

if TYPE_CHECKING:
    import pyoxigraph

DEFAULT_STORE_DIR = Path("graph") / ".store"
MANIFEST = "manifest.json"
QUERY_STORE = Path(".store") / "query"
# Bump when the way a store is built changes, so that older stores are rebuilt.
LAYOUT_VERSION = 2  # 2: the query store's union holds the ontology and vocabularies
_CHUNK = 1 << 20
# The distinct union of every named graph (documents, corpus, ontology, vocabularies), copied once
# into the default graph at build time. Why: Oxigraph's union-default-graph mode keeps duplicates
# (a label copied into k document graphs matches k times and joins multiply). DESIGN.md ("Query
# contract"): the union holds the same graphs on every path, local or remote, so the ontology and
# the vocabularies are in it here as they are on `serve`, Oxigraph server and Virtuoso.
UNION_GRAPH_UPDATE = "INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


@dataclass(frozen=True)
class Source:
    """One input file and the named graph its triples go to (None: a quad file names its own)."""

    path: Path
    graph: str | None


@dataclass(frozen=True)
class StoreInfo:
    """A ready database: where it is, which inputs it holds, and whether it was reused."""

    path: Path
    key: str
    reused: bool
    quads: int
    seconds: float


def store_sources(files: Sequence[str | Path] = (), *, with_ontology: bool = True) -> list[Source]:
    """Every file that goes into the store, in load order.

    Documents come from :func:`diplograph.rdfio.resolve_sources` (graph/ by default), each in
    its own named graph; the ontology and vocabularies go to their fixed graphs, so that the
    union default graph holds labels and class hierarchy for the stored queries.
    """
    sources: list[Source] = []
    for path in resolve_sources(list(files)):
        _, _, quads = rdf_format(path)
        sources.append(Source(path, None if quads else graph_name_for(path)))
    return sources + (shipped_sources() if with_ontology else [])


def shipped_sources() -> list[Source]:
    """The shipped ontology and vocabularies, each file with the graph it goes to."""
    from diplograph import resources

    try:
        ontology = resources.ontology_file()
        vocab = resources.vocab_files()
    except FileNotFoundError:  # broken install: serve the documents anyway
        return []
    sources = [Source(ontology, str(ONTOLOGY_GRAPH))] if ontology.is_file() else []
    return sources + [Source(path, str(VOCAB_GRAPH)) for path in vocab]


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while block := handle.read(_CHUNK):
                digest.update(block)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def _known_digests(manifest: dict[str, object]) -> dict[tuple[str, int, int, int], str]:
    """(path, bytes, mtime_ns, inode) -> sha256 from the last manifest."""
    known: dict[tuple[str, int, int, int], str] = {}
    sources = manifest.get("sources")
    for record in sources if isinstance(sources, list) else []:
        try:
            known[(record["path"], record["bytes"], record["mtime_ns"], record["inode"])] = record["sha256"]
        except (KeyError, TypeError):
            continue
    return known


def content_key(
    sources: Sequence[Source], known: dict[tuple[str, int, int, int], str] | None = None,
    union_copy: bool = False,
) -> tuple[str, list[dict[str, str | int | None]]]:
    """(key, per-file records): the key changes iff any byte, graph name or engine version does.

    File *names* are not part of the key except through the graph name they imply, so moving
    the repository does not force a rebuild. ``known``: digests from the last manifest, reused
    for a file whose path, size, mtime (ns) and inode are unchanged, as make and git do; hashing
    the TriG of a 1M-triple corpus (~400 MB) took 1-2 s of every `diplograph query`.
    """
    import pyoxigraph

    records: list[dict[str, str | int | None]] = []
    for source in sources:
        try:
            stat = source.path.stat()
        except OSError as exc:
            raise InputError(f"{source.path}: cannot read ({exc.strerror or exc})") from exc
        ident = (str(source.path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
        digest = (known or {}).get(ident) or _file_digest(source.path)
        records.append({
            "path": str(source.path),
            "graph": source.graph,
            "format": rdf_format(source.path)[1],
            "sha256": digest,
            "bytes": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "inode": stat.st_ino,
        })
    keyed = [[r["graph"], r["format"], r["sha256"]] for r in records]
    header: dict[str, object] = {"layout": LAYOUT_VERSION, "pyoxigraph": pyoxigraph.__version__}
    if union_copy:
        header["union_copy"] = True
    blob = json.dumps([header, keyed], sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest(), records


def _db_name(key: str) -> str:
    return f"db-{key[:16]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _cleanup(root: Path, keep: str) -> None:
    """Remove databases other than ``keep`` and temp folders of builders that died.

    A server still reading an old database keeps its open files (POSIX unlink semantics);
    only a builder that is alive keeps its ``.tmp-<pid>-`` folder.
    """
    for entry in root.iterdir():
        if not entry.is_dir() or entry.name == keep:
            continue
        if entry.name.startswith("db-"):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(".tmp-"):
            parts = entry.name.split("-")
            pid = int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else -1
            if pid != os.getpid() and not _pid_alive(pid):
                shutil.rmtree(entry, ignore_errors=True)


def _union_quads(source: Source, blank_graphs: set[str]) -> Iterator[pyoxigraph.Quad]:
    """The file's triples, into the default graph (the distinct union: a store is a set).

    Why a second parse rather than one ``INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }``:
    Oxigraph runs an update as one transaction held in memory; for 1.4M triples it took 2.9x as long and 1.8 GB against
    1.2 GB, and it grows with the data. A triple with a blank node is not copied from the parse
    (two parses do not share blank nodes): its graph goes into ``blank_graphs``, which the
    caller copies inside the store, graph by graph. Only the ontology has blank nodes in a
    build (its owl:AllDisjointClasses lists): before, one of them sent every triple of the
    corpus through the update.
    """
    import pyoxigraph

    _, mime, _ = rdf_format(source.path)
    default = pyoxigraph.DefaultGraph()
    skip = {str(ONTOLOGY_GRAPH), str(VOCAB_GRAPH)}
    for quad in pyoxigraph.parse(path=str(source.path), format=pyoxigraph.RdfFormat.from_media_type(mime)):
        graph = getattr(quad, "graph_name", None)
        name = graph.value if isinstance(graph, pyoxigraph.NamedNode) else source.graph
        if name in skip and isinstance(graph, pyoxigraph.NamedNode):
            continue
        if isinstance(quad.subject, pyoxigraph.BlankNode) or isinstance(quad.object, pyoxigraph.BlankNode):
            if name:
                blank_graphs.add(name)
            continue
        yield pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, default)


def _load(db: Path, sources: Sequence[Source], union_copy: bool = False) -> int:
    """Bulk-load every source into a new database at ``db``; returns the number of quads."""
    import pyoxigraph

    store = pyoxigraph.Store(str(db))
    for source in sources:
        bulk_load(store, source.path, source.graph)
    if union_copy:
        blank_graphs: set[str] = set()
        for source in sources:
            store.bulk_extend(_union_quads(source, blank_graphs))
        for name in sorted(blank_graphs):  # small graphs (the ontology): copied inside the store
            store.update(UNION_GRAPH_UPDATE.format(graph=name))
    store.flush()
    store.optimize()
    quads = len(store)
    del store  # closes RocksDB before the folder is renamed
    return quads


def ensure_store(
    files: Sequence[str | Path] = (),
    root: str | Path | None = None,
    *,
    rebuild: bool = False,
    log: Callable[[str], None] | None = None,
    union_copy: bool = False,
    fill: Callable[[], StoreInfo | None] | None = None,
) -> StoreInfo:
    """Return an up-to-date database for ``files``, building it only if needed.

    ``rebuild`` forces a fresh build even when the key matches (e.g. after a crash of the
    disk, not of this code: a renamed ``db-`` folder is always complete). ``fill``: a quicker
    way to build it, tried first; it puts the database in place itself and returns its
    StoreInfo, or None when it cannot (the files are then loaded here).
    """
    started = time.perf_counter()
    root_dir = Path(root) if root is not None else DEFAULT_STORE_DIR
    sources = store_sources(files)
    manifest = _read_manifest(root_dir)
    key, records = content_key(sources, None if rebuild else _known_digests(manifest), union_copy)
    name = _db_name(key)
    db = root_dir / name
    say = log or (lambda _message: None)
    if db.is_dir() and not rebuild:
        if manifest.get("key") == key and isinstance(manifest.get("quads"), int):
            quads = int(manifest["quads"])
            if manifest.get("sources") != records:  # same bytes, touched files: remember the new stats
                _write_manifest(root_dir, key, name, records, quads)
        else:  # database complete (renamed) but manifest lost: recount, rewrite
            quads = _count(db)
            _write_manifest(root_dir, key, name, records, quads)
        say(f"store {db} is up to date ({quads} quads)")
        return StoreInfo(db, key, True, quads, time.perf_counter() - started)

    root_dir.mkdir(parents=True, exist_ok=True)
    say(f"building store {db} from {len(sources)} file(s)")
    if fill is not None:
        filled = fill()
        if filled is not None and filled.key == key:
            return filled
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=root_dir))
    try:
        quads = _load(tmp, sources, union_copy)
        if db.exists():  # a rebuild, or another process finished the same key first
            shutil.rmtree(db)
        os.rename(tmp, db)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _write_manifest(root_dir, key, name, records, quads)
    _cleanup(root_dir, keep=name)
    return StoreInfo(db, key, False, quads, time.perf_counter() - started)


def _count(db: Path) -> int:
    import pyoxigraph

    return len(pyoxigraph.Store.read_only(str(db)))


def _read_manifest(root: Path) -> dict[str, object]:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(root: Path, key: str, name: str, records: list[dict[str, str | int | None]],
                    quads: int) -> None:
    import pyoxigraph

    manifest = {
        "key": key,
        "database": name,
        "layout": LAYOUT_VERSION,
        "pyoxigraph": pyoxigraph.__version__,
        "quads": quads,
        "sources": records,
    }
    atomic_write_text(root / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def open_read_only(info: StoreInfo) -> pyoxigraph.Store:
    """Open a database for reading; several processes (a server, a query) may do so at once."""
    import pyoxigraph

    try:
        return pyoxigraph.Store.read_only(str(info.path))
    except OSError as exc:
        raise InputError(f"{info.path}: cannot open store ({exc})") from exc


def cached_store(graph_dir: str | Path = "graph", *, log: Callable[[str], None] | None = None) -> pyoxigraph.Store:
    """The store of ``graph_dir`` (built if missing or stale), opened read-only.

    What ``query``/``stats``/``export`` use when given no FILES: opening RocksDB takes
    milliseconds where reparsing a large TriG takes seconds to minutes. The content-hash key
    makes a stale store impossible (a hand-edited graph/ file changes the key).
    """
    graph_path = Path(graph_dir)
    return open_read_only(ensure_query_store(graph_path, log=log))


def ensure_query_store(graph_dir: str | Path = "graph", *, log: Callable[[str], None] | None = None) -> StoreInfo:
    """The database ``query`` and ``stats`` read: the named graphs (documents, ontology,
    vocabularies) plus their distinct union in the default graph, in ``graph/.store/query/``.

    A database of its own, built the same way as ``serve``'s (which lives under its ``--store``).
    """
    graph_path = Path(graph_dir)
    return ensure_store([graph_path], graph_path / QUERY_STORE, log=log, union_copy=True,
                        fill=lambda: fill_from_graph_files(graph_path))


def _graph_block(graph_name: str, body: str) -> str:
    """``diplograph.serialize.trig_block`` for a graph IRI of ours (a slug's: nothing to escape, no
    prefix applies), without importing the Turtle writer (and rdflib) on the stored-query path."""
    return f"<{graph_name}> {{\n{body.rstrip(chr(10))}\n}}\n"


def fill_from_graph_files(graph_path: Path) -> StoreInfo | None:
    """The query store of a graph/ written by a build, loaded as ``build --store`` loads it.

    Why: a build no longer fills the store (``build --store`` does); the first ``query`` or
    ``stats`` builds it. Loading graph/'s TriG the general way (:func:`_load`: the shipped graphs
    parsed and loaded twice, the distinct union copied quad by quad through Python) cost
    ~2.2 s of CPU for the 82 test texts; sending the document files' statements to the build's
    loader process (:class:`QueryStoreBuilder`: the shipped graphs from the user cache, one bulk
    load per copy) gives the same quads (tests/test_perf_smoke.py) for about a third of that.

    Only when ``graph/diplograph.trig``, which the store's key is computed from, is exactly the
    assembly of graph/'s generated files (:func:`diplograph.build.dataset_chunks`), compared as
    the files are sent; anything else (a hand-edited TriG or file, another version's prefix
    table, blank nodes, a loader that cannot start) gives None and the caller loads the files.
    """
    from diplograph.iris import GENERATED_MARK, graph_iri, natural_key, prefix_header
    from diplograph.rdfio import DATASET_FILE, generated_files

    dataset = graph_path / DATASET_FILE
    files = sorted(generated_files(graph_path).items(), key=lambda item: natural_key(item[0]))
    if not files or not dataset.is_file():
        return None
    header = prefix_header()
    head = GENERATED_MARK + "\n" + header
    builder = QueryStoreBuilder(graph_path, header)
    try:
        with dataset.open(encoding="utf-8") as trig:  # universal newlines, as the build reads its files
            if trig.read(len(header)) != header:
                return None
            for slug, path in files:
                text = path.read_text(encoding="utf-8")
                if not text.startswith(head):
                    return None
                body = text[len(head):].lstrip("\n")
                name = graph_iri(slug)
                block = "\n" + _graph_block(name, body) if body else ""
                if trig.read(len(block)) != block:
                    return None
                builder.add(name, body)
                if not builder.usable:
                    return None
            if trig.read(1):
                return None
        return builder.finish(graph_path, complete=True)
    finally:
        builder.discard()


# Explicit files at least this large (all together) are queried through a persistent store in
# the user's cache folder: below it, parsing into memory is quicker than building a database.
FILE_STORE_MIN_MB = 32.0
# Bound of the user's store cache; the least recently used stores go first.
FILE_STORE_LIMIT_MB = 20_000.0
LAST_USED = "last-used"


def _env_mb(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def ensure_file_store(files: Sequence[str | Path], *, log: Callable[[str], None] | None = None) -> StoreInfo | None:
    """A query store (like graph/'s) for large explicit files, kept in the user's cache folder.

    Why: ``diplograph query NAME big.trig`` parsed the whole file at every run (22 s for
    2.4M triples). The store is found again by the files' absolute paths and checked by
    their content (:func:`content_key`: sha256 of the bytes, reused while size, mtime and
    inode stay the same), so an edited file gets a new database, never a stale answer.
    None when the files are small (``DIPLOGRAPH_STORE_MIN_MB``, default 32) or no cache
    folder can be written: the caller then loads them into memory as before. Stores
    unused for longest are removed once the cache passes ``DIPLOGRAPH_CACHE_LIMIT_MB``
    (default 20,000); the one just used always stays.
    """
    paths = resolve_sources(list(files))
    if sum(path.stat().st_size for path in paths) < _env_mb("DIPLOGRAPH_STORE_MIN_MB", FILE_STORE_MIN_MB) * 1e6:
        return None
    cache = user_cache_dir()
    if cache is None:
        return None
    where = hashlib.sha256("\0".join(str(path.resolve()) for path in paths).encode()).hexdigest()[:16]
    root = cache / "stores" / where
    try:
        root.mkdir(parents=True, exist_ok=True)
        info = ensure_store(paths, root, log=log, union_copy=True)
        (root / LAST_USED).touch()
    except OSError:  # cache folder not writable, disk full: query from memory instead
        return None
    if not info.reused:  # the cache only grows when a store is built
        evict(cache / "stores", _env_mb("DIPLOGRAPH_CACHE_LIMIT_MB", FILE_STORE_LIMIT_MB) * 1e6, keep=root)
    return info


def evict(stores: Path, limit: float, keep: Path) -> list[Path]:
    """Remove the least recently used stores under ``stores`` until they fit in ``limit`` bytes."""
    def used(root: Path) -> float:
        try:
            return (root / LAST_USED).stat().st_mtime
        except OSError:
            return 0.0

    roots = sorted((p for p in stores.iterdir() if p.is_dir()), key=used)
    sizes = {root: sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) for root in roots}
    total = sum(sizes.values())
    removed = []
    for root in roots:
        if total <= limit:
            break
        if root == keep:
            continue
        shutil.rmtree(root, ignore_errors=True)
        total -= sizes[root]
        removed.append(root)
    return removed


def _loader_env() -> dict[str, str]:
    """The loader's environment: this one, with pyoxigraph's folder as its only import path.

    Why: the loader runs with ``python -S`` (no ``site``), since it imports nothing but
    pyoxigraph and the standard library; processing site-packages' ``.pth`` files cost ~0.03 s
    of CPU at every build (the interpreter starts in 7 ms without them, 36 ms with them, here).
    """
    import pyoxigraph

    origin = Path(pyoxigraph.__file__).resolve()  # .../pyoxigraph/__init__.py, or a one-file module
    env = dict(os.environ)
    env["PYTHONPATH"] = str(origin.parent.parent if origin.stem == "__init__" else origin.parent)
    return env


class QueryStoreBuilder:
    """The query store of a build, filled by its own process while the documents come in.

    Why: loading graph/ into RocksDB after a build, with the distinct union copied by a
    SPARQL update, was a third of a two-core build's wall time, all of it on one core after
    the workers had finished. Here a loader process receives batches (~1 MB of
    Turtle: each bulk load has a fixed cost, and 256 KB batches cost the loader ~40% more
    CPU) as results arrive and loads each twice: as TriG into the named graphs, as Turtle
    into the default graph (a store is a set of quads, so that *is* the distinct
    union). The loading overlaps extraction (with --jobs 1 it gets the otherwise idle
    core), and memory stays flat. The loader is a fresh interpreter running
    :mod:`diplograph._loader` (why not a fork: see there); if it cannot be started, the
    build loads the files afterwards, as without it.

    The result is used only if the build ends with graph/ holding exactly the documents
    that were added (:meth:`finish` is told so and checks the names); otherwise it is
    thrown away and :func:`ensure_query_store` loads the files as before.

    Why 8 MB batches: every bulk load writes its own sorted files into each index, which a
    final ``optimize`` then merges. Measured on a 60-document build (3.3 MB of graphs): five
    loads (1 MB batches, the shipped graphs apart) cost the loader 0.77 s of CPU, one load
    0.55 s (its compaction has nothing to merge); on 73 documents (4.4 MB), two 4 MB loads and
    their merge 0.87 s, one load 0.73 s. Larger corpora still load while the documents come
    in, in 8 MB steps (~130 real-length documents each).

    The shipped ontology and vocabularies (~12,000 triples, both copies) are the same at every
    build: they are loaded once per install into a database in the user cache, and each build's
    database starts as a backup of it (hard links; see :mod:`diplograph._loader`). A build whose
    documents fit in one batch then makes two sets of files per index and no ``optimize``: the
    loader's CPU on 73 documents went from 0.87 s to 0.61 s. Without a user cache folder the
    shipped graphs go with the last batch, as before.
    """

    BATCH = 8 << 20

    def __init__(self, graph_dir: Path, prefixes: str) -> None:
        self.root = Path(graph_dir) / QUERY_STORE
        self.root.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=self.root))
        self.prefixes = prefixes
        self.names: set[str] = set()
        self.named: list[str] = []
        self.bodies: list[str] = []
        self.size = 0
        self.usable = True
        self.sealed = False
        import subprocess
        import sys

        from diplograph import _loader

        shipped = _shipped_store()
        self.shipped_sent = shipped is not None and shipped.is_dir()  # in the loader's starting backup
        first = None if self.shipped_sent or shipped is None else _shipped_payload()
        if first is not None and len(first[0]) != 1:  # parts that cannot share a batch: no cached copy
            shipped = first = None
        extra = [str(shipped), "use" if self.shipped_sent else "make"] if shipped is not None else []
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-S", _loader.__file__, str(self.tmp), *extra],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_loader_env())
        except OSError:  # no process can be started: the build loads the files afterwards
            self.process = None
            self.usable = False
        if first is not None:  # "make": the shipped graphs go first, on their own
            self.shipped_sent = True
            self._send(self.prefixes.encode("utf-8") + first[0][0], self.prefixes.encode("utf-8") + first[1][0])

    def add(self, graph_name: str, body: str) -> None:
        """One document graph: its IRI and its Turtle statements (without prefixes)."""
        if not self.usable or self.sealed:
            return
        if "_:" in body:  # blank nodes: two parses would not share them; let the files decide
            self.discard()
            return
        self.names.add(graph_name)
        self.named.append(_graph_block(graph_name, body))
        self.bodies.append(body)
        self.size += len(body)
        if self.size >= self.BATCH:
            self._flush()

    def _flush(self, named_tail: bytes = b"", union_tail: bytes = b"") -> None:
        """Send the pending documents (with ``*_tail`` appended: statements without prefixed names)."""
        if not self.bodies and not named_tail:
            return
        named = (self.prefixes + "".join(self.named)).encode("utf-8") + named_tail
        union = (self.prefixes + "\n".join(self.bodies) + "\n").encode("utf-8") + union_tail
        self.named, self.bodies, self.size = [], [], 0
        self._send(named, union)

    def _send_shipped(self) -> None:
        """The ontology and vocabularies, as N-Triples in their graphs and in the union.

        Unless the loader has them already (:func:`_shipped_store`).

        N-Triples, so that the same statements fit in a TriG graph block and after the
        pending documents' Turtle: they go in the last batch of documents (no blank node of
        a document can meet theirs: :meth:`add` refuses documents with blank nodes). Their
        blank nodes (OWL lists, restrictions) get other labels in the union copy than in the
        named graph, which no query can tell: the union is read on its own.

        All sources go in one batch (each bulk load costs the loader ~20 ms of CPU whatever
        its size, and one more set of files to merge), unless two files share a blank node
        label, which one document would merge.
        """
        if self.shipped_sent:
            self._flush()
            return
        self.shipped_sent = True
        payload = _shipped_payload()
        if payload is None:  # a shipped file does not parse: the build loads the files afterwards
            self.usable = False
            return
        named, union = payload
        if not named:  # a broken install without them
            self._flush()
            return
        self._flush(named[0], union[0])
        for named_part, union_part in zip(named[1:], union[1:], strict=True):
            self._send(named_part, union_part)

    def _send(self, named: bytes, union: bytes) -> None:
        import struct

        if self.process is None:
            self.usable = False
            return
        try:
            self.process.stdin.write(struct.pack(">QQ", len(named), len(union)) + named + union)
            self.process.stdin.flush()
        except (OSError, ValueError):  # the loader died: finish() will say so
            self.usable = False

    def seal(self) -> None:
        """No more documents: load the last batch and let the loader flush and optimize.

        Called before the build writes its files, so that the loader's last work overlaps it.
        """
        if self.usable and not self.sealed:
            self._send_shipped()  # with the last documents
            self._send(b"", b"")
        self.sealed = True

    def _close(self) -> int | None:
        """Finish loading; the number of quads, or None if the loader failed."""
        if self.process is None:
            return None
        self.seal()
        try:
            answer, _ = self.process.communicate()
        except (OSError, ValueError):
            answer = b""
        self.process = None
        text = answer.decode("utf-8", "replace").strip()
        return int(text) if text.isdigit() else None

    def finish(self, graph_dir: Path, complete: bool) -> StoreInfo | None:
        """Put the store in place if it holds exactly graph/'s documents; None if it cannot be used.

        ``complete``: the caller knows every document file in graph/ has the text it added
        (nothing refused, no other document left in the folder).
        """
        started = time.perf_counter()
        try:
            from diplograph.iris import graph_iri
            from diplograph.rdfio import generated_files

            expected = {graph_iri(slug) for slug in generated_files(Path(graph_dir))}
            if not (complete and self.usable and self.names == expected):
                return None
            self.seal()
            quads = self._close()
            if quads is None or not self.usable:
                return None
            sources = store_sources([Path(graph_dir)])
            key, records = content_key(sources, None, union_copy=True)
            name = _db_name(key)
            db = self.root / name
            if not db.exists():  # an existing one for this key is complete (renamed only when it was)
                os.rename(self.tmp, db)
        finally:
            self.discard()
        _write_manifest(self.root, key, name, records, quads)
        _cleanup(self.root, keep=name)
        return StoreInfo(db, key, False, quads, time.perf_counter() - started)

    def discard(self) -> None:
        """Stop loading and drop the database being built (a no-op once it has been put in place)."""
        self.usable = False
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None
        shutil.rmtree(self.tmp, ignore_errors=True)


def _shipped_payload() -> tuple[list[bytes], list[bytes]] | None:
    """(TriG parts, N-Triples parts) of the shipped ontology and vocabularies for the loader.

    The same bytes at every build until a shipped file (or this module, or pyoxigraph) changes,
    so they are kept in the user cache (:mod:`diplograph.pickle_cache`) instead of being parsed
    and written again: ~0.03 s of every build's CPU. None if a shipped file cannot be read.
    """
    import pyoxigraph

    from diplograph.pickle_cache import cached

    def files() -> list[Path]:
        return [Path(__file__), *(source.path for source in shipped_sources())]

    try:
        return cached(f"shipped-ntriples-{pyoxigraph.__version__}", files, _make_shipped_payload)
    except (SyntaxError, OSError, ValueError):
        return None


def _shipped_store() -> Path | None:
    """Where the user cache keeps a database of the shipped graphs alone (None: no cache folder).

    Keyed like :func:`_shipped_payload` (the shipped files, the modules that load them, the
    pyoxigraph version: its on-disk format), so an edited vocabulary gets a new database.
    """
    import pyoxigraph

    from diplograph import _loader
    from diplograph.pickle_cache import cache_key

    folder = user_cache_dir()
    if folder is None:
        return None
    kind = f"shipped-store-{pyoxigraph.__version__}"
    try:
        key = cache_key(kind, [Path(__file__), Path(_loader.__file__), *(s.path for s in shipped_sources())])
    except OSError:
        return None
    return folder / kind / key


def _make_shipped_payload() -> tuple[list[bytes], list[bytes]]:
    """See :meth:`QueryStoreBuilder._send_shipped` (one part per file, or one for all of them)."""
    import pyoxigraph

    named: list[bytes] = []
    union: list[bytes] = []
    labels: set[str] = set()
    merge = True
    for source in shipped_sources():
        quads = list(rdfio_quads(source.path))
        own = {term.value for quad in quads for term in (quad.subject, quad.object)
               if isinstance(term, pyoxigraph.BlankNode)}
        merge = merge and labels.isdisjoint(own)
        labels |= own
        lines = "".join(f"{quad.triple} .\n" for quad in quads).encode("utf-8")
        graph = str(pyoxigraph.NamedNode(source.graph or ""))
        named.append(graph.encode("utf-8") + b" {\n" + lines + b"}\n")
        union.append(lines)
    if merge and named:
        named, union = [b"".join(named)], [b"".join(union)]
    return named, union


def document_graphs(store: pyoxigraph.Store) -> list[str]:
    """IRIs of the named graphs of a store that came from documents (not ontology/vocabularies)."""
    skip = {str(ONTOLOGY_GRAPH), str(VOCAB_GRAPH)}
    return sorted(g.value for g in store.named_graphs() if g.value not in skip)


def store_counts(store: pyoxigraph.Store) -> tuple[int, dict[str, int], dict[Any, int]]:
    """(distinct triples, triples per document graph, instances per class) for ``stats``, by SPARQL.

    The default graph of a store built here is the distinct union of the document graphs,
    so its size is the union's size without loading anything into Python.
    """
    from diplograph.rdfio import to_rdflib

    skip = f"FILTER(?g NOT IN (<{ONTOLOGY_GRAPH}>, <{VOCAB_GRAPH}>))"
    per_graph = {row[0].value: int(row[1].value) for row in store.query(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {skip} }} GROUP BY ?g")}
    union = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
    # The union holds the ontology and vocabularies too: take away what only they say.
    shipped = f"(<{ONTOLOGY_GRAPH}>, <{VOCAB_GRAPH}>)"
    shipped_only = int(next(iter(store.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{
      {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g IN {shipped}) }} }}
      FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN {shipped}) }}
    }}""")))[0].value)
    total = union - shipped_only
    classes = {to_rdflib(row[0]): int(row[1].value) for row in store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } " + skip + " } GROUP BY ?c")}
    return total, per_graph, classes
