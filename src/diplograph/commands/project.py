"""``diplograph init [DIR]``: a project folder of one's own (corpus/, graph/, diplograph.toml)."""

from __future__ import annotations

import click


@click.command("init")
@click.argument("folder", default=".", metavar="[DIR]", type=click.Path(path_type=str, file_okay=False))
def init_command(folder: str) -> None:
    """Make DIR (default: the current folder) a diplograph project.

    It gets corpus/ (put French articles there), an empty graph/ (what `build` writes), a
    diplograph.toml naming them and the optional queries/ and vocab/ folders of your own, and a
    short README. Every command run inside DIR then finds it, as git finds its repository.
    """
    from pathlib import Path

    from diplograph.project import init_project

    made = init_project(folder)
    corpus = Path(folder) / "corpus"
    click.echo(f"diplograph: made project {folder} ({', '.join(p.name for p in made)}): put French articles "
               f"in {corpus}/, then run `diplograph build` inside {folder}/", err=True)
