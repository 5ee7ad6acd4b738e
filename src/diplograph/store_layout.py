"""What a store is on disk: its inputs, its content key, its folder and manifest.

Why a module of its own: :mod:`diplograph.store` builds and opens stores from files, and
:mod:`diplograph.store_loader` fills the query store from a build's documents through a loader
process; both name their inputs, key them and write the same layout, so that layout lives below
both (see :mod:`diplograph.store` for the folder layout itself).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import InputError
from diplograph.fsio import atomic_write_text
from diplograph.iris import ONTOLOGY_GRAPH_IRI as ONTOLOGY_GRAPH
from diplograph.iris import VOCAB_GRAPH_IRI as VOCAB_GRAPH
from diplograph.rdfio import graph_name_for, rdf_format, resolve_sources

DEFAULT_STORE_DIR = Path("graph") / ".store"
MANIFEST = "manifest.json"
QUERY_STORE = Path(".store") / "query"
# Bump when the way a store is built changes, so that older stores are rebuilt.
LAYOUT_VERSION = 2  # 2: the query store's union holds the ontology and vocabularies
_CHUNK = 1 << 20


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


def known_digests(manifest: dict[str, object]) -> dict[tuple[str, int, int, int], str]:
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


def db_name(key: str) -> str:
    return f"db-{key[:16]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup(root: Path, keep: str) -> None:
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


def count_quads(db: Path) -> int:
    import pyoxigraph

    return len(pyoxigraph.Store.read_only(str(db)))


def read_manifest(root: Path) -> dict[str, object]:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(root: Path, key: str, name: str, records: list[dict[str, str | int | None]],
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
