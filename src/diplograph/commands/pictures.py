"""``diplograph docs``, ``draw`` and ``timeline``: the pictures and the ontology documentation.

Only click and the standard library are imported at module level; rendering libraries
(graphviz, matplotlib, pyLODE) load inside the command that needs them.
"""

from __future__ import annotations

from pathlib import Path

import click

from diplograph.errors import UsageError
from diplograph.rdfio import RDF_SUFFIXES

_LANG = click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
                     help="Language of the labels in the picture.")


def _picture_path(output: str) -> Path:
    path = Path(output)
    if path.suffix.lower() not in (".svg", ".png"):
        raise UsageError(f"{output}: the picture file must end in .svg or .png")
    return path


def _split_event(args: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """``[EVENT] [FILES...]``: the first argument names an event unless it is an RDF file or folder.

    An event is written as an IRI, a CURIE (``id:event/<doc>/<offset>``) or ``<doc>/<offset>``,
    none of which exists as a path or ends in an RDF suffix, so the two never collide.
    """
    if not args:
        return None, []
    first = args[0]
    if Path(first).exists() or first.lower().endswith(RDF_SUFFIXES):
        return None, list(args)
    return first, list(args[1:])


@click.command("draw")
@click.argument("args", nargs=-1, metavar="[EVENT] [FILES...]")
@click.option("-o", "--output", required=True, metavar="FILE.svg|FILE.png", help="Picture to write.")
@_LANG
def draw_command(args: tuple[str, ...], output: str, lang: str) -> None:
    """Draw one event: participants by side with roles, subject, quotes, disagreements, reactions.

    EVENT is an event IRI, a CURIE such as id:event/<doc>/<offset>, or <doc>/<offset>; it defaults
    to the main event: the first occurred dg:Meeting, by document then offset. FILES default to
    graph/.
    """
    from diplograph.pictures.draw import draw
    from diplograph.rdfio import load_store

    path = _picture_path(output)
    event, files = _split_event(args)
    view = draw(load_store(files), path, event, lang)
    people = sum(len(side.participants) for side in view.sides)
    click.echo(f"{path}: {view.label} ({people} participants, {len(view.sides)} sides, "
               f"{len(view.quotes)} quotes, {len(view.points)} issue points, "
               f"{len(view.related)} related events)", err=True)


@click.command("timeline")
@click.argument("files", nargs=-1, metavar="[FILES...]")
@click.option("-o", "--output", required=True, metavar="FILE.svg|FILE.png", help="Picture to write.")
@_LANG
def timeline_command(files: tuple[str, ...], output: str, lang: str) -> None:
    """Draw the dated events on a time axis, coloured by type (FILES default to graph/)."""
    from diplograph.pictures.timeline import timeline
    from diplograph.rdfio import load_store

    path = _picture_path(output)
    events, undated = timeline(load_store(list(files)), path, lang)
    click.echo(f"{path}: {len(events)} dated events drawn, {undated} without a usable date left out",
               err=True)


@click.command("docs")
@click.option("-o", "--output", "output", required=True, metavar="DIR", help="Folder to write the HTML into.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the ontology page (labels and definitions).")
def docs_command(output: str, lang: str) -> None:
    """HTML documentation of the ontology, the SHACL shapes and the vocabularies, plus a class diagram."""
    from diplograph.pictures.docs import build_docs

    written = build_docs(Path(output), lang=lang)
    click.echo(f"{output}: {len(written)} files written (open {Path(output) / 'index.html'})", err=True)
