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
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError
from diplograph.fsio import user_cache_dir
from diplograph.iris import ONTOLOGY_GRAPH_IRI as ONTOLOGY_GRAPH
from diplograph.iris import VOCAB_GRAPH_IRI as VOCAB_GRAPH
from diplograph.rdfio import bulk_load, rdf_format, resolve_sources
from diplograph.store_layout import (  # noqa: F401 - re-exported: callers name the store's layout from here
    DEFAULT_STORE_DIR,
    LAYOUT_VERSION,
    MANIFEST,
    QUERY_STORE,
    Source,
    StoreInfo,
    cleanup,
    content_key,
    count_quads,
    db_name,
    known_digests,
    read_manifest,
    shipped_sources,
    store_sources,
    write_manifest,
)

if TYPE_CHECKING:
    import pyoxigraph

# The distinct union of every named graph (documents, corpus, ontology, vocabularies), copied once
# into the default graph at build time. Why: Oxigraph's union-default-graph mode keeps duplicates
# (a label copied into k document graphs matches k times and joins multiply). DESIGN.md ("Query
# contract"): the union holds the same graphs on every path, local or remote, so the ontology and
# the vocabularies are in it here as they are on `serve`, Oxigraph server and Virtuoso.
UNION_GRAPH_UPDATE = "INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


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
    manifest = read_manifest(root_dir)
    key, records = content_key(sources, None if rebuild else known_digests(manifest), union_copy)
    name = db_name(key)
    db = root_dir / name
    say = log or (lambda _message: None)
    if db.is_dir() and not rebuild:
        if manifest.get("key") == key and isinstance(manifest.get("quads"), int):
            quads = int(manifest["quads"])
            if manifest.get("sources") != records:  # same bytes, touched files: remember the new stats
                write_manifest(root_dir, key, name, records, quads)
        else:  # database complete (renamed) but manifest lost: recount, rewrite
            quads = count_quads(db)
            write_manifest(root_dir, key, name, records, quads)
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
    write_manifest(root_dir, key, name, records, quads)
    cleanup(root_dir, keep=name)
    return StoreInfo(db, key, False, quads, time.perf_counter() - started)


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
    from diplograph.store_loader import fill_from_graph_files

    graph_path = Path(graph_dir)
    return ensure_store([graph_path], graph_path / QUERY_STORE, log=log, union_copy=True,
                        fill=lambda: fill_from_graph_files(graph_path))


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
