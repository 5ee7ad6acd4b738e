"""Every stored query gives the same answer on rdflib and on Oxigraph, for every document graph we have.

The design lets users pick ``--engine rdflib`` or ``--engine oxigraph`` (the default) and promises
the same answers; the queries are also meant to run unchanged on any SPARQL 1.1 store. This test
runs each ``queries/*.rq`` and ``queries/checks/*.rq`` on both engines over every RDF file in the
test suite that parses and looks like a document graph (it has a ``dg:SourceDocument`` or a
``nif:Context``), plus ``graph/diplograph.trig`` when a build has produced it, and compares the
answers *by value*:

* as multisets of rows (ORDER BY ties may come back in a different order on each engine);
* literals by datatype and value, with ``xsd:string`` and plain literals the same (RDF 1.1) and
  numbers by numeric value whatever their datatype (Oxigraph stores ``xsd:nonNegativeInteger``,
  the NIF offsets' type, as ``xsd:integer`` and hands it back so; the number is the same);
* blank nodes as "some blank node" (their labels are engine-local).

A required IRI parameter (``provenance``'s ``resource``) is bound in turn to a few subjects of
the graph, so the bound path is compared too.
"""

from __future__ import annotations

import functools
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from diplograph import rdfio, sparql
from diplograph.namespaces import DG, NIF

REPO = Path(__file__).resolve().parents[1]
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _document_graphs() -> list[Path]:
    """Test-suite RDF files that parse and hold at least one document (SourceDocument or Context)."""
    found: list[Path] = []
    candidates = sorted(p for p in (REPO / "tests").rglob("*") if p.suffix in (".ttl", ".trig"))
    dataset = REPO / "graph" / rdfio.DATASET_FILE
    if dataset.is_file():
        candidates.append(dataset)
    for path in candidates:
        try:
            data = rdfio.load_dataset([path])
        except Exception:  # noqa: BLE001 - malformed on purpose (bad-input tests): not a document graph
            continue
        if (None, RDF.type, DG.SourceDocument) in data or (None, RDF.type, NIF.Context) in data:
            found.append(path)
    return found


GRAPHS = _document_graphs()
QUERIES = sparql.stored_queries() + sparql.check_queries()


def test_there_is_something_to_compare() -> None:
    """Guard: a refactoring that empties one of the lists must not turn this file into a no-op."""
    assert len(GRAPHS) >= 3, GRAPHS
    assert len(QUERIES) >= 10


@functools.cache
def _loaded(path: Path, engine: str) -> Any:
    return sparql.load_sources([path], engine)


def _value(term: Any) -> Any:
    """A comparable form of a result term: by value for literals, anonymous for blank nodes."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return ("bnode",)
    if isinstance(term, Literal):
        datatype = term.datatype if term.datatype != XSD_STRING else None
        if term.language:
            return ("lang", str(term), term.language.lower())
        value = term.toPython() if datatype is not None and not term.ill_typed else str(term)
        if isinstance(value, Literal):  # a datatype rdflib does not map to Python: keep the text
            value = str(value)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            # Numbers by numeric value: Oxigraph hands xsd:nonNegativeInteger back as xsd:integer.
            return ("number", value)
        return ("literal", str(datatype) if datatype else None, value)
    return ("iri", str(term))


def _answer(result: sparql.Result) -> Any:
    if result.kind == "ask":
        return result.boolean
    if result.kind == "graph":
        return Counter(tuple(_value(t) for t in triple) for triple in result.triples)
    return Counter(tuple(_value(t) for t in row) for row in result.rows)


def _bindings_for(query: sparql.StoredQuery, path: Path) -> list[dict[str, Any]]:
    """No binding when every parameter is optional; a few subjects for a required IRI parameter."""
    required = [p for p in query.parameters if p.required]
    if not required:
        return [{}]
    dataset = _loaded(path, "rdflib")
    subjects = sorted({s for s in dataset.subjects() if isinstance(s, URIRef) and "/id/" in str(s)})
    picks = subjects[:: max(1, len(subjects) // 3)][:3] or [URIRef("https://w3id.org/diplograph/id/none")]
    out = []
    for subject in picks:
        values = {}
        for param in required:
            if param.kind != "iri":
                pytest.skip(f"{query.name}: required non-IRI parameter {param.name}")
            values[param.name] = str(subject)
        out.append(values)
    return out


@pytest.mark.parametrize("path", GRAPHS, ids=lambda p: str(p.relative_to(REPO)))
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name if q.path.parent.name == "queries"
                         else f"checks/{q.name}")
def test_stored_query_same_on_rdflib_and_oxigraph(query: sparql.StoredQuery, path: Path) -> None:
    for values in _bindings_for(query, path):
        bindings = sparql.bind_parameters(query, values)
        on_rdflib = sparql.run(query, _loaded(path, "rdflib"), bindings)
        on_oxigraph = sparql.run(query, _loaded(path, "oxigraph"), bindings)
        assert on_rdflib.kind == on_oxigraph.kind
        if on_rdflib.kind == "select":
            assert on_rdflib.variables == on_oxigraph.variables
        left, right = _answer(on_rdflib), _answer(on_oxigraph)
        if left != right:
            only_rdflib = list((left - right).elements())[:3] if isinstance(left, Counter) else left
            only_oxigraph = list((right - left).elements())[:3] if isinstance(right, Counter) else right
            pytest.fail(f"{query.name} {values or ''} on {path.name}: engines differ; "
                        f"rdflib only: {only_rdflib}; oxigraph only: {only_oxigraph}")
