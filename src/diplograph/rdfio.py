"""Reading and writing RDF files: one place that knows formats, graph names and errors.

A triples file (Turtle, N-Triples, RDF/XML, JSON-LD) is loaded into the named graph
``graph/<slug of file stem>`` so that the default graph can always be the union of the named
graphs, the same on rdflib (``Dataset(default_union=True)``) and on Oxigraph
(``use_default_graph_as_union``). Quad files (TriG, N-Quads) keep their own graph names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError, UsageError
from diplograph.iris import graph_iri, slugify

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pyoxigraph
    from rdflib import Dataset
    from rdflib.term import Identifier

# suffix -> (rdflib format name, pyoxigraph mime type, has quads)
FORMATS: dict[str, tuple[str, str, bool]] = {
    ".ttl": ("turtle", "text/turtle", False),
    ".nt": ("nt", "application/n-triples", False),
    ".nq": ("nquads", "application/n-quads", True),
    ".trig": ("trig", "application/trig", True),
    ".jsonld": ("json-ld", "application/ld+json", True),
    ".rdf": ("xml", "application/rdf+xml", False),
    ".owl": ("xml", "application/rdf+xml", False),
    ".xml": ("xml", "application/rdf+xml", False),
}
RDF_SUFFIXES = tuple(FORMATS)
DEFAULT_GRAPH_DIR = Path("graph")
DATASET_FILE = "diplograph.trig"


def generated_files(graph_dir: Path) -> dict[str, Path]:
    """slug -> file, for the document graphs in graph_dir written by a build.

    Here, not in :mod:`diplograph.build`, because reading graph/ is what validate, the store
    and merge need too: they import it from the module that knows the folder's layout,
    without importing the build (which imports them: a cycle).
    """
    from diplograph.iris import GENERATED_MARK  # not from serialize: listing files needs no rdflib

    found: dict[str, Path] = {}
    for path in sorted(graph_dir.glob("*.ttl")):
        with path.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == GENERATED_MARK:
                found[path.stem] = path
    return found


def rdf_format(path: Path) -> tuple[str, str, bool]:
    """(rdflib format, media type, quads?) of a file, from its suffix."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})") from None


def resolve_sources(sources: list[str | Path] | tuple[str | Path, ...]) -> list[Path]:
    """Expand the files a command was given; with none, the graph folder of the current project.

    A folder stands for its RDF files. graph/ itself stands for graph/diplograph.trig when
    that file exists (it holds every document), so no triple is loaded twice.
    """
    if not sources:  # the current project's graph/ (found upwards, like git)
        from diplograph.project import default_graph_dir

        sources = [default_graph_dir()]
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            dataset = path / DATASET_FILE
            if dataset.is_file():
                paths.append(dataset)
                continue
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in RDF_SUFFIXES)
            if not found:
                raise InputError(f"{path}: folder holds no RDF file (run `diplograph build`?)")
            paths.extend(found)
        else:
            rdf_format(path)
            paths.append(path)
    return paths


def graph_name_for(path: Path) -> str:
    """The named graph a triples file is loaded into."""
    return graph_iri(slugify(path.stem))


_LINE_COL = re.compile(r"line[: ]+(\d+)(?:[^0-9]+columns?[: ]+(\d+))?", re.IGNORECASE)


def _parse_error(path: Path, exc: Exception) -> InputError:
    message = " ".join(str(exc).split())
    found = _LINE_COL.search(message)
    where = f" at line {found.group(1)}" if found else ""
    if found and found.group(2):
        where += f", column {found.group(2)}"
    return InputError(f"{path}: malformed RDF{where}: {message[:300]}")


def _remote_contexts(node: object) -> list[str]:
    """Every ``@context`` of a JSON-LD document that is a reference to fetch rather than inline."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        found.append(item)
                    else:
                        found += _remote_contexts(item)
            else:
                found += _remote_contexts(value)
    elif isinstance(node, list):
        for item in node:
            found += _remote_contexts(item)
    return found


def _refuse_remote_jsonld(path: Path) -> None:
    """Reading a file must never make a network request: rdflib's JSON-LD parser would fetch a
    remote ``@context`` (any URL, no time limit), so such documents are refused up front."""
    import json

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: malformed JSON-LD at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    remote = _remote_contexts(document)
    if remote:
        raise InputError(f"{path}: JSON-LD refers to a remote @context ({remote[0][:100]}); "
                         "diplograph never fetches it: inline the context")


def load_dataset(sources: list[str | Path] | tuple[str | Path, ...] = ()) -> Dataset:
    """Load files into an rdflib Dataset whose default graph is the union of named graphs."""
    from rdflib import Dataset, URIRef

    dataset = Dataset(default_union=True)
    for path in resolve_sources(sources):
        fmt, _, quads = rdf_format(path)
        if fmt == "json-ld":
            _refuse_remote_jsonld(path)
        try:
            if quads:
                dataset.parse(path, format=fmt)
            else:
                dataset.graph(URIRef(graph_name_for(path))).parse(path, format=fmt)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
        except Exception as exc:  # rdflib raises many parser-specific types
            raise _parse_error(path, _oxigraph_syntax_error(path) or exc) from exc
    return dataset


def oxigraph_quads(path: Path) -> Iterator[pyoxigraph.Quad]:
    """The quads of an RDF file as Oxigraph parses it (relative IRIs resolved as rdflib does)."""
    import pyoxigraph

    _, mime, _ = rdf_format(path)
    return pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.from_media_type(mime),
                            base_iri=path.resolve().as_uri())


def _oxigraph_syntax_error(path: Path) -> SyntaxError | None:
    """Oxigraph's own complaint about a file rdflib could not parse: it names line *and* column
    (rdflib's Turtle parser gives the line only), so the user sees the same position on every engine."""
    try:
        for _ in oxigraph_quads(path):
            pass
    except SyntaxError as exc:
        return exc
    except (OSError, ValueError):
        return None
    return None


def load_store(
    sources: list[str | Path] | tuple[str | Path, ...] = (), store: pyoxigraph.Store | None = None
) -> pyoxigraph.Store:
    """Load files into a pyoxigraph Store (in memory unless one is given)."""
    import pyoxigraph

    target = store if store is not None else pyoxigraph.Store()
    for path in resolve_sources(sources):
        bulk_load(target, path, None if rdf_format(path)[2] else graph_name_for(path))
    return target


def bulk_load(store: pyoxigraph.Store, path: Path, graph: str | None) -> None:
    """Load one RDF file into ``store`` (into named graph ``graph``, or its own graphs when None).

    The one place Oxigraph loads files, so every command reports a bad file the same way.
    """
    import pyoxigraph

    _, mime, _ = rdf_format(path)
    try:
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.from_media_type(mime),
                        to_graph=pyoxigraph.NamedNode(graph) if graph else None)
    except (SyntaxError, ValueError, OSError) as exc:
        raise _parse_error(path, exc) from exc


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: Any) -> Identifier | None:
    """A pyoxigraph term as an rdflib term; ``"x"^^xsd:string`` becomes the plain literal ``"x"``."""
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"unsupported RDF term in results: {term!r}")


def to_oxigraph(term: Any) -> Any:
    """An rdflib term as a pyoxigraph term (pyoxigraph terms pass through): the way back of :func:`to_rdflib`."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.Literal):
        return term
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise UsageError(f"cannot bind {term!r}")
