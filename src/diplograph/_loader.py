"""The query store's loader process (see :class:`diplograph.store.QueryStoreBuilder`).

Run as a script by a fresh interpreter (``python _loader.py DB``), importing nothing but
pyoxigraph. Why not a forked or "spawned" multiprocessing child: a process that has
already opened a RocksDB store (a test session, a notebook that queried before building)
can hold RocksDB's internal locks at the moment of a fork, and the forked child then waits
forever when it opens a database; "spawn" re-runs the caller's main script in the child.

Protocol on stdin: batches, each a 16-byte header (two big-endian lengths) followed by a
TriG part (into the named graphs) and a Turtle part (into the default graph); a header of
two zeros ends the input. The reply on stdout is one line: the number of quads, or
``error: ...``. End of input without the final header (the build died) ends the process
without a reply; the next build removes the unfinished database.
"""

from __future__ import annotations

import struct
import sys


def _read(stream: object, size: int) -> bytes:
    data = stream.read(size)  # type: ignore[attr-defined]
    if len(data) != size:
        raise EOFError("the build stopped sending")
    return data


def main(path: str) -> int:
    import pyoxigraph

    stdin, stdout = sys.stdin.buffer, sys.stdout
    try:
        store = pyoxigraph.Store(path)
        while True:
            named_size, union_size = struct.unpack(">QQ", _read(stdin, 16))
            if not named_size and not union_size:
                break
            store.bulk_load(_read(stdin, named_size), format=pyoxigraph.RdfFormat.TRIG)
            store.bulk_load(_read(stdin, union_size), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
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
    sys.exit(main(sys.argv[1]))
