"""The query store's loader process (see :class:`diplograph.store_loader.QueryStoreBuilder`).

Run as a script by a fresh interpreter (``python -S _loader.py DB [SHIPPED use|make]``, with
pyoxigraph's folder as ``PYTHONPATH``: see :func:`diplograph.store_loader._loader_env`), importing
nothing but pyoxigraph and the standard library. Why not a forked or "spawned"
multiprocessing child: a process that has already opened a RocksDB store (a test session, a
notebook that queried before building) can hold RocksDB's internal locks at the moment of a
fork, and the forked child then waits forever when it opens a database; "spawn" re-runs the
caller's main script in the child.

``SHIPPED``: a database in the user cache that holds only the shipped ontology and
vocabularies (both copies: their named graphs and the union). ``use``: the new database starts
as a backup of it (RocksDB hard-links its immutable files: milliseconds) and the build sends
only its documents. ``make``: the first batch is the shipped graphs; once loaded, the database
is backed up to ``SHIPPED`` for the next builds. Any failure there only means the next build
makes it again.

Protocol on stdin: batches, each a 16-byte header (two big-endian lengths) followed by a
TriG part (into the named graphs) and a Turtle part (into the default graph); a header of
two zeros ends the input. The reply on stdout is one line: the number of quads, or
``error: ...``. End of input without the final header (the build died) ends the process
without a reply; the next build removes the unfinished database.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys


def _read(stream: object, size: int) -> bytes:
    data = stream.read(size)  # type: ignore[attr-defined]
    if len(data) != size:
        raise EOFError("the build stopped sending")
    return data


def _start(path: str, shipped: str | None, mode: str | None) -> object:
    """The database being built: empty, or a backup of the cached shipped graphs (``use``)."""
    import pyoxigraph

    if mode == "use" and shipped is not None:
        os.rmdir(path)  # a backup is made into a new folder; the builder made this one empty
        try:
            pyoxigraph.Store.read_only(shipped).backup(path)
        except Exception:  # a damaged cache entry: drop it (the next build makes it again)
            shutil.rmtree(shipped, ignore_errors=True)
            raise
    return pyoxigraph.Store(path)


def _keep(store: object, shipped: str) -> None:
    """Back the database (the shipped graphs alone, now) up to ``shipped``, atomically by rename."""
    partial = f"{shipped}.tmp-{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(shipped), exist_ok=True)
        store.backup(partial)  # type: ignore[attr-defined]
        os.rename(partial, shipped)
    except Exception:  # noqa: BLE001 - another build made it first, a read-only or full cache folder: no copy
        shutil.rmtree(partial, ignore_errors=True)


def main(path: str, shipped: str | None = None, mode: str | None = None) -> int:
    import pyoxigraph

    stdin, stdout = sys.stdin.buffer, sys.stdout
    try:
        store = _start(path, shipped, mode)
        batches = 0  # loads of documents: more than one leaves files for optimize() to merge
        while True:
            named_size, union_size = struct.unpack(">QQ", _read(stdin, 16))
            if not named_size and not union_size:
                break
            store.bulk_load(_read(stdin, named_size), format=pyoxigraph.RdfFormat.TRIG)
            store.bulk_load(_read(stdin, union_size), format=pyoxigraph.RdfFormat.TURTLE)
            if mode == "make" and shipped is not None and not batches:
                store.flush()
                _keep(store, shipped)
                mode = None
            else:
                batches += 1
        store.flush()
        if batches > 1:  # one bulk load per index (and the shipped one) is already as compact
            store.optimize()
        quads = len(store)
        del store  # closes RocksDB before the parent renames the folder
        stdout.write(f"{quads}\n")
    except EOFError:
        return 1
    except Exception as exc:  # reported to the parent, which then loads from the files
        stdout.write(f"error: {type(exc).__name__}: {' '.join(str(exc).split())}\n")
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
