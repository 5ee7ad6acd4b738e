"""Merge the graph folders of sharded builds into one dataset and query store.

``build --shard K/N`` on N machines gives N graph folders, each with the document graphs
of its share. Merging copies those files (no extraction), removes documents no shard has
any more, and assembles what a build assembles from graph/'s files (the corpus-level
graphs and ``diplograph.trig``, :func:`diplograph.build._finish_folder`), then loads the
query store. A document graph depends only on its document and the code, so the merged
folder is byte for byte what one machine would have built (the on-disk store aside),
provided every shard ran the same diplograph version.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diplograph.build import BuildSummary, _finish_folder, _write_document, graph_lock
from diplograph.errors import InputError
from diplograph.rdfio import generated_files


def shard_files(folders: Sequence[Path]) -> dict[str, Path]:
    """slug -> document graph file over every shard folder; a slug in two folders must have one text.

    Graphs whose name starts with ``_`` are corpus-level (a document slug never does): they
    are made again from the merged documents, never copied from a shard.
    """
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise InputError(f"{folder}: no such graph folder")
        files = generated_files(folder)
        if not files:
            raise InputError(f"{folder}: no document graph written by `diplograph build`")
        for slug, path in files.items():
            if slug.startswith("_"):
                continue
            if slug in found:
                if found[slug].read_bytes() != path.read_bytes():
                    raise InputError(f"{path}: document {slug!r} differs from {found[slug]} (shards of "
                                     "different corpora or diplograph versions?)")
                continue
            found[slug] = path
    return found


def merge(folders: Sequence[str | Path], graph_dir: str | Path = "graph", *, store: bool = True) -> BuildSummary:
    """Assemble shard graph folders into ``graph_dir``; the summary counts documents and files."""
    target = Path(graph_dir)
    sources = [Path(folder) for folder in folders]
    if not sources:
        raise InputError("merge: name at least one shard graph folder")
    found = shard_files(sources)
    summary = BuildSummary()
    with graph_lock(target):
        for slug in sorted(found):
            if found[slug].resolve() != (target / f"{slug}.ttl").resolve():
                _write_document(target, slug, found[slug].read_text(encoding="utf-8"), summary)
            summary.documents += 1
        _finish_folder(target, summary, set(found))
        if store:
            from diplograph.store import ensure_query_store

            ensure_query_store(target)
    return summary
