"""``diplograph evaluate``: precision, recall and F1 of the pipeline against hand-made gold facts.

Each gold file names its document; the document goes through the same stages as
``diplograph build`` (read -> extract -> map) in memory, and the resulting graph is scored
by :func:`diplograph.evaluate.evaluate`. Scores go to stdout (a table or JSON), progress to
stderr. Nothing is written to graph/: evaluation never changes the published graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from diplograph.errors import InputError

if TYPE_CHECKING:
    from diplograph.scores import Scores


@click.command("evaluate")
@click.argument("gold_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--gold-dir", type=click.Path(path_type=Path),
              help="Folder of gold YAML files (used when no GOLD_FILES are given; default: the "
                   "project's gold folder, tests/gold in the diplograph repository).")
@click.option("--texts-dir", type=click.Path(path_type=Path),
              help="Look the documents up here by file name instead of by their gold 'document' path.")
@click.option("--graph-dir", type=click.Path(path_type=Path),
              help="Score the graphs already built there (<slug>.ttl or diplograph.trig) instead of "
                   "running the pipeline.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--details", is_flag=True, help="List the missed and spurious facts of each category.")
@click.option("--identity-gold", type=click.Path(path_type=Path),
              help="Score cross-document event identity against this cluster gold instead (pairwise and "
                   "B-cubed P/R/F1, planted conflicts); the graphs of --graph-dir, else the documents of "
                   "the gold's folder built into a temporary folder.")
def evaluate_command(gold_files: tuple[Path, ...], gold_dir: Path | None, texts_dir: Path | None,
                     graph_dir: Path | None, fmt: str, details: bool, identity_gold: Path | None) -> None:
    """Score extraction against gold facts: P/R/F1 per category, per document and micro-averaged.

    "dup" counts predictions that repeat an already matched gold event (same real event found
    twice); they are included in "fp". Matching rules are documented in the
    diplograph.evaluate module (python -m pydoc diplograph.evaluate).
    """
    if identity_gold is not None:
        _identity(identity_gold, graph_dir, fmt, details)
        return
    from diplograph.evaluate import evaluate_file, evaluate_stored
    from diplograph.scores import micro_average

    files = list(gold_files)
    if not files and gold_dir is None:
        from diplograph.project import require_project

        gold_dir = require_project("GOLD_FILES or --gold-dir").gold
    if not files:
        assert gold_dir is not None
        if not gold_dir.is_dir():
            raise InputError(f"{gold_dir}: no such folder of gold files")
        files = sorted(gold_dir.glob("*.yaml")) + sorted(gold_dir.glob("*.yml"))
        if not files:
            raise InputError(f"{gold_dir}: holds no gold .yaml file")
    if texts_dir is not None and not texts_dir.is_dir():
        raise InputError(f"{texts_dir}: no such folder of texts")
    if graph_dir is not None and not graph_dir.is_dir():
        raise InputError(f"{graph_dir}: no such folder of graphs")
    results: dict[str, dict[str, Scores]] = {}
    for path in files:
        click.echo(f"evaluating {path.name}", err=True)
        if graph_dir is not None:
            slug, scores = evaluate_stored(path, graph_dir)
        else:
            slug, scores = evaluate_file(path, texts_dir)
        results[slug] = scores
    micro = micro_average(results.values())
    if fmt == "json":
        data = {
            "documents": {slug: {c: s.as_dict(details) for c, s in scores.items()}
                          for slug, scores in results.items()},
            "micro": {c: s.as_dict() for c, s in micro.items()},
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False))
        return
    for slug, scores in results.items():
        _table(slug, scores, details)
    _table("micro-average over documents", micro, False)


def _identity(gold: Path, graph_dir: Path | None, fmt: str, details: bool) -> None:
    """Cross-document identity scores (diplograph.evaluate_corpus) on built or freshly built graphs."""
    import tempfile

    from diplograph.evaluate_corpus import evaluate_identity

    if not gold.is_file():
        raise InputError(f"{gold}: no such identity gold file")
    with tempfile.TemporaryDirectory(prefix="diplograph-identity-") as tmp:
        if graph_dir is None:
            from diplograph.build import build

            click.echo(f"building the documents of {gold.parent}", err=True)
            graph_dir = Path(tmp) / "graph"
            build(corpus_dir=gold.parent, graph_dir=graph_dir, store=False, force=True)
        elif not graph_dir.is_dir():
            raise InputError(f"{graph_dir}: no such folder of graphs")
        scores = evaluate_identity(gold, graph_dir)
    if fmt == "json":
        data = scores.as_dict()
        if not details:
            data.pop("details")
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(scores.table(details))


def _table(title: str, scores: dict[str, Scores], details: bool) -> None:
    lines = ["", title, f"  {'category':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'dup':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for category, s in scores.items():
        lines.append(f"  {category:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.duplicates or '':>5}"
                     f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
        if details:
            lines += [f"      missed:   {item}" for item in s.missed]
            lines += [f"      spurious: {item}" for item in s.spurious]
    click.echo("\n".join(lines))
