"""``diplograph build`` and ``diplograph extract``: the main job and its one-document preview.

stdout carries data (``extract`` prints Turtle), stderr carries the progress bar, the
summary line and violation summaries, so ``diplograph extract doc.txt > doc.ttl`` works.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys

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


@click.command("build")
@click.argument("docs", nargs=-1, type=click.Path(path_type=str))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=lambda: os.cpu_count() or 1,
              show_default="all cores",
              help="Worker processes (each extracts, maps and validates whole documents).")
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD); overrides the documents' front matter.")
@click.option("--force", is_flag=True, help="Write document graphs even if they violate the shapes.")
@_ENCODING
@click.option("--graph-dir", default="graph", show_default=True, type=click.Path(path_type=str),
              help="Output folder.")
@click.option("--corpus-dir", default="corpus", show_default=True, type=click.Path(path_type=str),
              help="Input folder when no DOCS are given.")
@click.option("--shard", metavar="K/N",
              help="Build only the K-th of N shares of the documents (by a hash of each slug); "
                   "combine the shards' folders with `diplograph merge`.")
@click.pass_context
def build_command(ctx: click.Context, docs: tuple[str, ...], jobs: int, published: str | None, force: bool,
                  encoding: str, graph_dir: str, corpus_dir: str, shard: str | None) -> None:
    """Extract every corpus document (or DOCS) into GRAPH_DIR, validated with SHACL.

    Writes graph/<slug>.ttl per document and graph/diplograph.trig (one named graph per
    document). A document graph that violates the shapes is not written (exit 1) unless
    --force. Stale files are removed only when the whole corpus is built.
    """
    from pathlib import Path

    from diplograph.build import build, corpus_documents, expand_documents, select_shard

    date = _published(published)
    share = _shard(shard)
    paths = corpus_documents(Path(corpus_dir)) if not docs else expand_documents(docs)
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

        summary = build(docs, graph_dir=graph_dir, corpus_dir=corpus_dir, published=date, jobs=jobs,
                        force=force, on_document=advance, encoding=encoding, shard=share)
    for problem in summary.problems:
        click.echo(f"violation: {problem}", err=True)
    for note in summary.notes:  # warnings and infos: reported at their severity, never refused
        click.echo(note, err=True)
    changed = f"{len(summary.written)} files written, {len(summary.removed)} removed"
    if summary.refused:
        refused = ", ".join(summary.refused_documents)
        click.echo(f"diplograph: {summary.line()}; {changed} in {graph_dir}/; not written (violations): "
                   f"{refused} (use --force to write anyway)", err=True)
        ctx.exit(EXIT_FINDINGS)
    # With --force the user accepted the violations (they were listed above): exit 0.
    click.echo(f"diplograph: {summary.line()}; {changed} in {graph_dir}/", err=True)


@click.command("merge")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--graph-dir", default="graph", show_default=True, type=click.Path(path_type=str),
              help="Output folder.")
@click.option("--no-store", is_flag=True, help="Do not load the query store (graph/.store).")
def merge_command(folders: tuple[str, ...], graph_dir: str, no_store: bool) -> None:
    """Merge the graph folders of `build --shard K/N` runs into GRAPH_DIR (no extraction).

    Copies every document graph, writes graph/diplograph.trig and loads the query store:
    the same files, byte for byte, as one build of the whole corpus.
    """
    from diplograph.merge import merge

    summary = merge(folders, graph_dir, store=not no_store)
    click.echo(f"diplograph: merged {summary.documents} document graphs from {len(folders)} folders; "
               f"{len(summary.written)} files written, {len(summary.removed)} removed in {graph_dir}/", err=True)


@click.command("extract")
@click.argument("doc", type=click.Path(path_type=str))
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD); overrides the document's front matter.")
@_ENCODING
def extract_command(doc: str, published: str | None, encoding: str) -> None:
    """Extract one document and print its graph as Turtle on stdout (nothing is written)."""
    from diplograph.build import extract_turtle

    text = extract_turtle(doc, published=_published(published), encoding=encoding)
    click.echo(text, nl=False)
