"""Filling the query store from a build's documents, in a loader process beside the build.

Why a module of its own: :mod:`diplograph.store` builds a store from files in this process;
``build --store`` and the first query after a plain build stream the documents' Turtle to a
separate loader process (:mod:`diplograph._loader`) that starts from a cached copy of the
shipped ontology and vocabularies. The two share the layout of :mod:`diplograph.store_layout`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplograph.fsio import user_cache_dir
from diplograph.rdfio import oxigraph_quads as rdfio_quads
from diplograph.store_layout import (
    QUERY_STORE,
    StoreInfo,
    cleanup,
    content_key,
    db_name,
    shipped_sources,
    store_sources,
    write_manifest,
)


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
            name = db_name(key)
            db = self.root / name
            if not db.exists():  # an existing one for this key is complete (renamed only when it was)
                os.rename(self.tmp, db)
        finally:
            self.discard()
        write_manifest(self.root, key, name, records, quads)
        cleanup(self.root, keep=name)
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


def _graph_block(graph_name: str, body: str) -> str:
    """``diplograph.serialize.trig_block`` for a graph IRI of ours (a slug's: nothing to escape, no
    prefix applies), without importing the Turtle writer (and rdflib) on the stored-query path."""
    return f"<{graph_name}> {{\n{body.rstrip(chr(10))}\n}}\n"


def fill_from_graph_files(graph_path: Path) -> StoreInfo | None:
    """The query store of a graph/ written by a build, loaded as ``build --store`` loads it.

    Why: a build no longer fills the store (``build --store`` does); the first ``query`` or
    ``stats`` builds it. Loading graph/'s TriG the general way (:func:`diplograph.store._load`: the shipped graphs
    parsed and loaded twice, the distinct union copied quad by quad through Python) cost
    ~2.2 s of CPU for the 82 test texts; sending the document files' statements to the build's
    loader process (:class:`QueryStoreBuilder`: the shipped graphs from the user cache, one bulk
    load per copy) gives the same quads (tests/test_perf_smoke.py) for about a third of that.

    Only when ``graph/diplograph.trig``, which the store's key is computed from, is exactly the
    assembly of graph/'s generated files (:func:`diplograph.dataset.dataset_chunks`), compared as
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
