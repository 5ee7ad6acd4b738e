"""``diplograph build`` and ``diplograph extract``: the main job and its one-document preview.

stdout carries data (``extract`` prints Turtle), stderr carries the progress bar, the
summary line and violation summaries, so ``diplograph extract doc.txt > doc.ttl`` works.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
from pathlib import Path

import click

from diplograph.errors import EXIT_FINDINGS, UsageError


def _published(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published {value!r}: expected a date as YYYY-MM-DD") from None


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    number, _, count = value.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        raise UsageError(f"--shard {value!r}: expected K/N with 1 <= K <= N (e.g. 1/4)")
    return int(number), int(count)


_ENCODING = click.option("--encoding", default="utf-8", show_default=True, metavar="NAME",
                         help="Text encoding of the documents (e.g. latin-1, cp1252).")
_LANGUAGE = click.option("--language", type=click.Choice(["auto", "fr"]), default="auto", show_default=True,
                         help="auto: refuse documents that are not in French (front matter `language:`, "
                              "else detected); fr: take every document as French.")


def _shown(path: Path) -> str:
    """A folder as the user would type it from here (``graph``, ``../graph``)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@click.command("build")
@click.argument("docs", nargs=-1, type=click.Path(path_type=str))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=lambda: os.cpu_count() or 1,
              show_default="all cores",
              help="Worker processes (each extracts, maps and validates whole documents).")
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD); overrides the documents' front matter.")
@click.option("--force", is_flag=True, help="Write document graphs even if they violate the shapes.")
@_ENCODING
@_LANGUAGE
@click.option("--graph-dir", type=click.Path(path_type=str),
              help="Output folder (default: the project's graph/).")
@click.option("--corpus-dir", type=click.Path(path_type=str),
              help="Input folder when no DOCS are given (default: the project's corpus/).")
@click.option("--shard", metavar="K/N",
              help="Build only the K-th of N shares of the documents (by a hash of each slug); "
                   "combine the shards' folders with `diplograph merge`.")
@click.option("--store", is_flag=True,
              help="Also fill the query store (graph/.store) during the build, while documents are "
                   "extracted. Without it, the first `query` or `stats` builds the store.")
@click.pass_context
def build_command(ctx: click.Context, docs: tuple[str, ...], jobs: int, published: str | None, force: bool,
                  encoding: str, language: str, graph_dir: str | None, corpus_dir: str | None,
                  shard: str | None, store: bool) -> None:
    """Extract every corpus document (or DOCS) into the graph folder, validated with SHACL.

    Writes graph/<slug>.ttl per document and graph/diplograph.trig (one named graph per
    document). A document graph that violates the shapes, or a document not in French, is not
    written (exit 1) unless --force (--language fr). Graphs of documents that left the corpus
    are removed, and named, only when the whole corpus is built; graphs built from DOCS
    outside the corpus are kept.

    The query store that `query` and `stats` read (graph/.store/query, an index of graph/)
    is built by the first of them, not here, unless --store: a user who only exports Turtle
    never pays for it; --store overlaps its load with the extraction (large corpora, many cores).
    """
    from diplograph.build import build, corpus_documents, expand_documents, select_shard
    from diplograph.project import current_project, require_project

    date = _published(published)
    share = _shard(shard)
    named = expand_documents(docs) if docs else []  # a missing DOCS file is the first thing to say
    project = current_project()
    if graph_dir is None or (corpus_dir is None and not docs):
        project = require_project("--graph-dir and DOCS (or --corpus-dir)")
    graph_path = Path(graph_dir) if graph_dir is not None else project.graph  # type: ignore[union-attr]
    corpus_path = Path(corpus_dir) if corpus_dir is not None else (project.corpus if project else None)
    paths = named or corpus_documents(corpus_path)  # type: ignore[arg-type]
    count = len(select_shard(paths, share) if share else paths)
    with contextlib.ExitStack() as stack:
        bars: list = []

        def advance(slug: str) -> None:
            # The bar starts with the first document, so an early error (lock held, bad
            # document) is the only line on stderr.
            if not bars:
                bars.append(stack.enter_context(click.progressbar(
                    length=count, label="extracting", file=sys.stderr, show_pos=True,
                    item_show_func=lambda item: item)))
            bars[0].update(1, slug)

        summary = build(docs, graph_dir=graph_path, corpus_dir=corpus_path, published=date, jobs=jobs,
                        force=force, on_document=advance, encoding=encoding, shard=share,
                        force_french=language == "fr", store=store)
    for problem in summary.problems:
        click.echo(f"violation: {problem}", err=True)
    for note in summary.notes:  # warnings and infos: reported at their severity, never refused
        click.echo(note, err=True)
    for reason in summary.not_french:
        click.echo(f"refused: {reason}", err=True)
    changed = f"{len(summary.written)} files written, {len(summary.removed)} removed"
    if summary.removed:
        changed += f" ({', '.join(path.stem for path in summary.removed)}: no longer in the corpus)"
    where = _shown(graph_path)
    refused = []
    if summary.refused_documents:
        refused.append(f"not written (violations): {', '.join(summary.refused_documents)} "
                       "(use --force to write anyway)")
    if summary.not_french:
        refused.append(f"not written (not French): {len(summary.not_french)}, listed above")
    if refused:
        click.echo(f"diplograph: {summary.line()}; {changed} in {where}/; {'; '.join(refused)}", err=True)
        ctx.exit(EXIT_FINDINGS)
    # With --force the user accepted the violations (they were listed above): exit 0.
    click.echo(f"diplograph: {summary.line()}; {changed} in {where}/", err=True)


@click.command("merge")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--graph-dir", type=click.Path(path_type=str),
              help="Output folder (default: the project's graph/).")
@click.option("--no-store", is_flag=True, help="Do not load the query store (graph/.store).")
def merge_command(folders: tuple[str, ...], graph_dir: str | None, no_store: bool) -> None:
    """Merge the graph folders of `build --shard K/N` runs into GRAPH_DIR (no extraction).

    Copies every document graph, writes graph/diplograph.trig and loads the query store:
    the same files, byte for byte, as one build of the whole corpus.
    """
    from diplograph.merge import merge
    from diplograph.project import require_project

    target = Path(graph_dir) if graph_dir is not None else require_project("--graph-dir").graph
    summary = merge(folders, target, store=not no_store)
    click.echo(f"diplograph: merged {summary.documents} document graphs from {len(folders)} folders; "
               f"{len(summary.written)} files written, {len(summary.removed)} removed in {_shown(target)}/",
               err=True)


@click.command("extract")
@click.argument("doc", type=click.Path(path_type=str))
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD); overrides the document's front matter.")
@_ENCODING
@_LANGUAGE
def extract_command(doc: str, published: str | None, encoding: str, language: str) -> None:
    """Extract one document and print its graph as Turtle on stdout (nothing is written).

    A document that is not in French is refused (exit 3) unless --language fr.
    """
    from diplograph.build import extract_turtle
    from diplograph.reader import check_french

    check_french(doc, encoding=encoding, force=language == "fr")
    text = extract_turtle(doc, published=_published(published), encoding=encoding)
    click.echo(text, nl=False)
