"""The predicted facts of one document graph, read back with SPARQL for scoring.

Why read the graph and not the extractor's dataclasses: the graph is the product users query
(see :mod:`diplograph.evaluate`). Gazetteer labels and places (ontology/vocab) are indexed
once per process, so that a predicted node matches a gold label its own graph does not repeat.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from diplograph.gold import norm_label

if TYPE_CHECKING:
    from rdflib import Graph

PREFIXES = """
PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


# ---------------------------------------------------------------------- reading the graph
@cache
def _gazetteer() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, str]]:
    """Labels, dg:locatedIn links and territories of gazetteer things, from ontology/vocab/*.ttl."""
    from rdflib import Graph

    from diplograph.resources import vocab_files

    graph = Graph()
    try:
        files = vocab_files()
    except FileNotFoundError:
        files = []
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception:  # noqa: BLE001 - a teammate's broken file must not stop scoring
            continue
    return _label_index(graph), _located_index(graph), _territory_index(graph)


def _territory_index(graph: Graph) -> dict[str, str]:
    """Place -> state: gazetteer places standing for a state under the state's own French label."""
    rows = graph.query(PREFIXES + """
        SELECT ?p ?s WHERE { ?p a dg:Place ; dg:standsFor ?s ; skos:prefLabel ?l .
                             ?s a dg:State ; skos:prefLabel ?l . FILTER(lang(?l) = "fr") }""")
    return {str(p): str(s) for p, s in rows}


def _label_index(graph: Graph) -> dict[str, frozenset[str]]:
    rows = graph.query(PREFIXES + """
        SELECT ?s ?l WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } ?s ?p ?l }""")
    index: dict[str, set[str]] = {}
    for s, label in rows:
        index.setdefault(str(s), set()).add(norm_label(str(label)))
    return {k: frozenset(v) for k, v in index.items()}


def _located_index(graph: Graph) -> dict[str, frozenset[str]]:
    rows = graph.query(PREFIXES + "SELECT ?s ?o WHERE { ?s dg:locatedIn ?o }")
    index: dict[str, set[str]] = {}
    for s, o in rows:
        index.setdefault(str(s), set()).add(str(o))
    return {k: frozenset(v) for k, v in index.items()}


def slug_of(iri: Any) -> str:
    """The last segment of an IRI (after the last "/" or "#"): a gold slug or a shown name."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class Predicted:
    """Everything the scorer needs from one document graph, read once with SPARQL."""

    def __init__(self, graph: Graph, use_gazetteer: bool = True) -> None:
        self.graph = graph
        gaz_labels, gaz_located, self.territories = _gazetteer() if use_gazetteer else ({}, {}, {})
        own = _label_index(graph)
        self.labels = {k: own.get(k, frozenset()) | gaz_labels.get(k, frozenset())
                       for k in set(own) | set(gaz_labels)}
        located = _located_index(graph)
        self.located = {k: located.get(k, frozenset()) | gaz_located.get(k, frozenset())
                        for k in set(located) | set(gaz_located)}
        self._cache: dict[str, list[tuple[Any, ...]]] = {}

    def rows(self, query: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.graph.query(PREFIXES + query)]

    def cached(self, query: str) -> list[tuple[Any, ...]]:
        """:meth:`rows`, run once per graph (the per-event facts reuse a few whole-graph queries)."""
        if query not in self._cache:
            self._cache[query] = self.rows(query)
        return self._cache[query]

    def label_of(self, iri: Any) -> frozenset[str]:
        """Normalised labels of a node; the IRI's last segment stands in when it has none."""
        labels = self.labels.get(str(iri))
        return labels if labels else frozenset({norm_label(slug_of(iri).replace("-", " "))})

    def is_actor(self, iri: Any, gold: frozenset[str]) -> bool:
        return bool(self.label_of(iri) & gold)

    def within(self, iri: str) -> set[str]:
        """The place and every place it lies in (dg:locatedIn, transitively)."""
        seen, todo = set(), [iri]
        while todo:
            here = todo.pop()
            if here not in seen:
                seen.add(here)
                todo.extend(self.located.get(here, ()))
        return seen

    def show(self, iri: Any) -> str:
        return slug_of(iri)


def body_text(graph: Graph) -> str | None:
    """The document body (nif:isString of the nif:Context), if the graph carries it."""
    rows = list(graph.query(PREFIXES + "SELECT ?s WHERE { ?c a nif:Context ; nif:isString ?s } LIMIT 1"))
    return str(rows[0][0]) if rows else None
