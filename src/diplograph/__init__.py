"""diplograph: French diplomatic news -> grounded OWL/RDF knowledge graph.

The notebook API is deliberately small and lazy (importing :mod:`diplograph` loads neither
rdflib nor spaCy):

>>> import diplograph
>>> ds = diplograph.load("graph/diplograph.trig")      # rdflib Dataset, union default graph
>>> report = diplograph.validate("graph/diplograph.trig")
>>> report.conforms
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

try:
    __version__ = _version("diplograph")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.1.0"

if TYPE_CHECKING:
    from rdflib import Dataset


def load(*sources: Any) -> Dataset:
    """Load RDF files (Turtle, TriG, N-Triples, ...) into an rdflib Dataset.

    With no argument, loads ``graph/`` of the current directory. The default graph is the
    union of the named graphs, as the stored queries expect.
    """
    from diplograph.rdfio import load_dataset

    return load_dataset(list(sources))


def validate(*sources: Any, inference: str = "none") -> Any:
    """Validate RDF files against the shapes; returns a report with ``conforms`` and ``results``."""
    from diplograph.check import validate_files

    return validate_files(list(sources), inference=inference)


__all__ = ["__version__", "load", "validate"]
