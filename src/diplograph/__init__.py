"""diplograph: French diplomatic news -> grounded OWL/RDF knowledge graph.

The notebook API is deliberately small and lazy (importing :mod:`diplograph` loads neither
rdflib nor spaCy):

>>> import diplograph
>>> ds = diplograph.load("graph/diplograph.trig")      # rdflib Dataset, union default graph
>>> report = diplograph.validate("graph/diplograph.trig")
>>> report.conforms
True
>>> inferred = diplograph.reason("graph/diplograph.trig")  # OWL RL, inferred triples only
>>> g = diplograph.extract("corpus/article.fr.txt")         # one document's graph, nothing written
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
    from rdflib import Dataset, Graph

    from diplograph.check import Report


def load(*sources: Any) -> Dataset:
    """Load RDF files (Turtle, TriG, N-Triples, ...) into an rdflib Dataset.

    With no argument, loads ``graph/`` of the current directory. The default graph is the
    union of the named graphs, as the stored queries expect.
    """
    from diplograph.rdfio import load_dataset

    return load_dataset(list(sources))


def validate(*sources: Any, inference: str = "none", engine: str = "auto", jobs: int = 1) -> Report:
    """Validate RDF files against the shapes; returns a report with ``conforms`` and ``results``.

    ``inference`` is ``"none"`` (asserted triples only, what the build checks), ``"rdfs"``
    or ``"owlrl"``. ``engine``: ``"native"`` (SHACL Core compiled once, what the build
    uses), ``"pyshacl"`` (the reference) or ``"auto"``. ``jobs``: worker processes, one
    document graph at a time. ``report.text()``, ``.turtle()`` and ``.json()`` render it.
    """
    from diplograph.validation import validate_files

    return validate_files(list(sources), inference=inference, engine=engine, jobs=jobs)


def reason(*sources: Any) -> Graph:
    """OWL RL closure of RDF files over the ontology: the inferred triples only.

    Kept apart from the asserted graph on purpose (see :mod:`diplograph.check`).
    """
    from rdflib import Graph

    from diplograph.check import reason as _reason
    from diplograph.rdfio import load_dataset

    asserted: set = set()
    inferred = Graph()
    for graph in load_dataset(list(sources)).graphs():
        if len(graph):  # per named graph: documents are self-contained, cost stays linear
            asserted.update(graph)
            inferred += _reason(graph)
    for triple in asserted:
        inferred.remove(triple)
    return inferred


def extract(path: Any, *, published: Any = None) -> Graph:
    """Read, extract and map one document; returns its named-graph content (not validated).

    ``published`` (a :class:`datetime.date`) is used when the document has no date.
    """
    from diplograph.extract import extract as _extract
    from diplograph.mapper import to_graph
    from diplograph.reader import read_document

    return to_graph(_extract(read_document(path, published=published)))


__all__ = ["__version__", "extract", "load", "reason", "validate"]
