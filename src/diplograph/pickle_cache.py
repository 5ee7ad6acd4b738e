"""Objects derived from the shipped ontology files, kept between processes in the user cache.

Why: every build parsed the ontology and vocabularies with rdflib (pure Python) to derive
the same objects (the SHACL engine's ontology index, the mapper's vocabulary graph): ~1 s
of CPU at each start, for files that change only with the install. An entry is keyed by
sha256 of the bytes of every file it depends on (the source files, the modules that derive
it) and of the Python, rdflib and pySHACL versions, so an edited vocabulary or another
version gets a new entry, never a stale one. Any failure to read or write the cache only
means deriving the object, as without a cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@cache
def _versions() -> str:
    """The interpreter's and the libraries' versions (once per process: each look-up scans site-packages)."""
    import sys
    from importlib.metadata import version

    return f"{sys.version}\0{version('rdflib')}\0{version('pyshacl')}\0"


def cache_key(kind: str, files: Sequence[Path]) -> str:
    """The key of an entry of ``kind`` made from ``files`` (also used for cached stores: store.py)."""
    import hashlib

    digest = hashlib.sha256(f"{kind}\0{_versions()}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cached(kind: str, files: Callable[[], Sequence[Path]], make: Callable[[], T]) -> T:
    """``make()``, pickled under ``<user cache>/<kind>/<key>.pickle`` (key: see the module)."""
    import pickle

    from diplograph.fsio import atomic_write_bytes, user_cache_dir

    folder = user_cache_dir()
    try:
        entry = folder / kind / f"{cache_key(kind, files())}.pickle" if folder is not None else None
    except OSError:  # a file unreadable: make() reports it
        entry = None
    if entry is not None:
        try:
            return pickle.loads(entry.read_bytes())
        except Exception:  # missing, truncated, from an incompatible interpreter: derive it again
            pass
    value = make()
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # read-only or full cache folder: the next process derives it again
            pass
    return value
