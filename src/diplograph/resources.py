"""Where the shipped data lives: ontology/ and queries/ inside the installed package.

In a wheel they sit next to the code (``diplograph/ontology``); in a source checkout or an
editable install they are the repository's top-level folders. Both are found here so
that every other module asks one place.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("diplograph"))) / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"diplograph data folder {name!r} not found (broken install?)")


@cache
def ontology_dir() -> Path:
    """Folder holding diplograph.ttl, shapes.ttl and vocab/."""
    return _data_dir("ontology")


@cache
def queries_dir() -> Path:
    """Folder holding the stored SPARQL queries (and checks/)."""
    return _data_dir("queries")


def ontology_file() -> Path:
    """The OWL TBox."""
    return ontology_dir() / "diplograph.ttl"


def shapes_file() -> Path:
    """The SHACL shapes: the current project's when its diplograph.toml names some, else the shipped ones."""
    project = _project()
    if project is not None and project.shapes is not None:
        return project.shapes
    return ontology_dir() / "shapes.ttl"


def vocab_files() -> list[Path]:
    """The SKOS vocabularies and gazetteer, sorted for deterministic loading, then the current
    project's own ``vocab/*.ttl`` (a file is never listed twice, e.g. in this repository where a
    project folder may be the shipped one)."""
    files = sorted((ontology_dir() / "vocab").glob("*.ttl"))
    project = _project()
    if project is not None:
        files += project.vocab_files()
    return _distinct(files)


def query_dirs() -> list[Path]:
    """Folders of stored queries, the shipped one first, then the current project's own
    (the same folder never twice); a later folder's query replaces an earlier one of the same name."""
    folders = [queries_dir()]
    project = _project()
    if project is not None:
        folders += project.query_dirs()
    return _distinct(folders)


def _project():  # -> Project | None (lazy import: resources is imported by every stage)
    from diplograph.project import current_project

    return current_project()


def _distinct(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    kept = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept
