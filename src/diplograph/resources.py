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
    """The SHACL shapes."""
    return ontology_dir() / "shapes.ttl"


def vocab_files() -> list[Path]:
    """The SKOS vocabularies and gazetteer, sorted for deterministic loading."""
    return sorted((ontology_dir() / "vocab").glob("*.ttl"))
