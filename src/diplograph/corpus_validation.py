"""Validating the corpus graph (``graph/_corpus.ttl``) in batches of corpus events: bounded memory, the same report.

Why: at 10,000 documents the corpus graph is ~280 MB of Turtle and ~4M triples; loaded into
one rdflib graph, its validation alone took 92 s and 5.5 GB. Every node of the corpus graph
is a corpus event or a node whose IRI extends the event's (its supports, conflicts, claims:
:mod:`diplograph.corpus_rdf`), and the file is written event by event. So the file is
stream-parsed by Oxigraph, its triples grouped by the corpus event their subject belongs to,
and every :data:`BATCH_EVENTS` events validated by :func:`diplograph.check.validate_graph`
(same engine, shapes, ontology and data rules as a whole-graph run); the caller merges the
results into the one W3C report, as it merges the document graphs'.

When that is exact (otherwise the file is validated whole, as before, and :class:`Batched`
says why):

* the data: every subject is an IRI under ``id/corpus-event/<doc>/<offset>``; an IRI object
  under that namespace belongs to the same event as its subject; no blank node, no
  ``rdfs:subClassOf``; events in the order the build writes them. Checked while reading. A node's
  triples, and every triple pointing at it, are then in its own batch; what else a batch
  references (document events, documents, vocabulary) has no triple in the file.
* the core shapes: no inverse path and no ``sh:targetObjectsOf`` (then a focus node's results
  depend only on what its batch holds), and the empty graph conforms (a ``sh:targetNode`` is
  judged in every batch, like an empty graph, where it has no triple).
* the SHACL-SPARQL constraints and data rules: local as :mod:`diplograph.sparql_locality`
  proves it, or (a constraint) targeting classes of which the file has no instance, so that it
  has no focus node anywhere (the shipped meetings constraint, a GROUP BY, is the case).
* no inference (``--inference none``) and no inferred graph given as context: OWL RL joins
  nodes across events (functional and inverse properties through a shared document).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from diplograph.namespaces import BASE

BATCH_EVENTS = 1000  # corpus events validated together (~20k triples: a few document graphs' worth)
CORPUS_EVENT_NS = BASE + "id/corpus-event/"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


class _Whole(Exception):
    """The file must be validated whole (the message says why)."""


@dataclass
class Batched:
    """What batch validation of one file gave: ``outcomes`` as :func:`diplograph.validation._validate_document`
    returns them (findings, report triples) per batch, or ``whole`` saying why it validated nothing."""

    outcomes: list = field(default_factory=list)
    batches: int = 0
    whole: str = ""


def is_corpus_file(path: Path) -> bool:
    """A Turtle or N-Triples file whose graph is the corpus graph (``_corpus.ttl``)."""
    from diplograph.rdfio import graph_name_for, rdf_format

    fmt, _, quads = rdf_format(path)
    return not quads and fmt in ("turtle", "nt") and graph_name_for(path) == graph_name_for(Path("_corpus.ttl"))


def batched_outcomes(path: Path, *, with_context: bool, inference: str, shapes: Path | None,
                     engine: str) -> list | None:
    """:func:`diplograph.validation._validate_document`'s outcomes for ``path`` validated in batches, or None
    when it is not the corpus graph or must be validated whole (inference, an inferred context...)."""
    if with_context or inference != "none" or not is_corpus_file(path):
        return None
    batched = validate_in_batches(path, shapes=shapes, engine=engine)
    return None if batched.whole else batched.outcomes


def validate_in_batches(path: Path, *, shapes: Path | None = None, engine: str = "auto",
                        batch_events: int | None = None) -> Batched:
    """Validate the corpus graph file ``path`` :data:`BATCH_EVENTS` corpus events at a time (no inference)."""
    from diplograph.check import validate_graph

    reason = _static_reason(shapes, engine)
    if reason:
        return Batched(whole=reason)
    watched = _watched_classes(shapes)
    types: set[str] = set()
    done = Batched()
    try:
        for triples, ntriples in _batches(path, batch_events or BATCH_EVENTS, types):
            report = validate_graph(triples, shapes=shapes, engine=engine, turtle=ntriples)
            done.outcomes.append((report.results, list(report.graph) if report.graph is not None else []))
            done.batches += 1
    except _Whole as exc:
        return Batched(whole=str(exc))
    reached = _reached_classes(types) & watched
    if reached:
        return Batched(whole=f"a SHACL-SPARQL constraint that is not batch-local targets {sorted(reached)[0]}")
    return done


def _batches(path: Path, size: int, types: set[str]) -> Iterator[tuple[list[tuple], str]]:
    """The triples of ``path``, ``size`` corpus events at a time, each batch with its N-Triples text
    (the lines rdflib's N-Triples writer gives, for the SPARQL rules' Oxigraph store);
    ``types``: every rdf:type object seen.

    IRIs are converted once per batch (a corpus graph repeats its predicates, documents and
    vocabulary on every event): converting every term of 4M triples was half the time.

    An event's triples must not reach two batches, and remembering every event seen would grow
    with the corpus; so the events must come in the writer's order (natural key of the event
    IRI, :func:`diplograph.corpus_rdf.write_events_turtle`), checked as they come, and a batch
    ends only where that key grows (events whose keys tie may interleave: they share a batch).
    """
    import pyoxigraph
    from rdflib import URIRef
    from rdflib.plugins.serializers.nt import _quoteLiteral

    from diplograph.rdfio import oxigraph_quads, to_rdflib
    from diplograph.serialize import natural_key

    batch: dict[str, list] = {}
    lines: list[str] = []
    iris: dict[str, tuple] = {}  # IRI -> (rdflib term, its N-Triples form), for the current batch
    last, last_order = None, None

    def iri(value: str) -> tuple:
        known = iris.get(value)
        if known is None:
            known = iris[value] = (URIRef(value), f"<{value}>")
        return known

    try:
        for quad in oxigraph_quads(path):
            s, p, o = quad.subject, quad.predicate, quad.object
            if not isinstance(s, pyoxigraph.NamedNode):
                raise _Whole("a blank node is the subject of a triple")
            key = _event_key(s.value)
            if key is None:
                raise _Whole(f"<{s.value}> is not a node of a corpus event")
            if isinstance(o, pyoxigraph.NamedNode):
                other = _event_key(o.value)
                if other is not None and other != key:
                    raise _Whole(f"<{s.value}> points at another corpus event's node <{o.value}>")
                if p.value == _RDF_TYPE:
                    types.add(o.value)
                obj, obj_nt = iri(o.value)
            elif isinstance(o, pyoxigraph.Literal):
                obj = to_rdflib(o)
                obj_nt = _quoteLiteral(obj)
            else:
                raise _Whole("a blank node is the object of a triple")
            if p.value == _SUBCLASS:
                raise _Whole("the data declares a subclass")
            if key != last:
                order = natural_key(key)
                if last_order is not None and order < last_order:
                    raise _Whole(f"<{key}> comes after <{last}>: not in the order the build writes")
                if key not in batch and len(batch) >= size and order != last_order:
                    yield [t for triples in batch.values() for t in triples], "".join(lines)
                    batch, lines = {}, []
                    iris.clear()
                last, last_order = key, order
            subject, subject_nt = iri(s.value)
            predicate, predicate_nt = iri(p.value)
            batch.setdefault(key, []).append((subject, predicate, obj))
            lines.append(f"{subject_nt} {predicate_nt} {obj_nt} .\n")
    except (SyntaxError, OSError, ValueError, UnicodeDecodeError) as exc:
        raise _Whole(f"not read as a stream ({exc}); the whole-file reader reports it") from exc
    if batch:
        yield [t for triples in batch.values() for t in triples], "".join(lines)


def _event_key(iri: str) -> str | None:
    """The corpus event ``<ns><doc>/<offset>`` that a node IRI extends (None outside the namespace)."""
    if not iri.startswith(CORPUS_EVENT_NS):
        return None
    parts = iri[len(CORPUS_EVENT_NS):].split("/", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return None
    return CORPUS_EVENT_NS + parts[0] + "/" + parts[1]


@cache
def _static_reason(shapes: Path | None, engine: str) -> str:
    """Why these shapes (and data rules) cannot be checked batch by batch; "" when they can."""
    from diplograph.check import _native_shapes, split_shapes, validate_graph
    from diplograph.data_rules import data_rules
    from diplograph.resources import ontology_file, vocab_files
    from diplograph.sparql_locality import is_local

    compiled = _native_shapes(shapes)
    if compiled is None:
        return "the shapes use SHACL features outside the native engine's scope"
    if compiled.inverse:  # type: ignore[attr-defined]
        return "a shape follows a path backwards or targets the objects of a property"
    if shapes is None:  # the project's data rules go with the project's shapes (validate_graph's with_checks)
        for rule in data_rules():
            if not is_local(rule.query):
                return f"the data rule {rule.name} may join corpus events"
    for rule in split_shapes(shapes)[1]:
        if not is_local(rule.query) and not _class_targets(shapes, rule.shape):
            return f"the SHACL-SPARQL constraint of {rule.shape} may join corpus events"
    for source in [ontology_file(), *vocab_files()]:
        if CORPUS_EVENT_NS in source.read_text(encoding="utf-8"):
            return f"{source.name} describes corpus-event nodes"
    if validate_graph([], shapes=shapes, engine=engine).results:
        return "the shapes find results in an empty graph (each batch would repeat them)"
    return ""


def _class_targets(shapes: Path | None, shape: object) -> frozenset[str]:
    """The target classes of a shape that has no other kind of target (else empty)."""
    from rdflib.namespace import OWL, RDF, RDFS, SH

    from diplograph.check import shapes_graph

    g = shapes_graph(shapes)
    if any((shape, key, None) in g for key in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)):
        return frozenset()
    if (shape, RDF.type, RDFS.Class) in g or (shape, RDF.type, OWL.Class) in g:
        return frozenset()  # an implicit class target: left to the whole-file run
    return frozenset(str(c) for c in g.objects(shape, SH.targetClass))


@cache
def _watched_classes(shapes: Path | None) -> frozenset[str]:
    """The target classes of the SHACL-SPARQL constraints that are not batch-local."""
    from diplograph.check import split_shapes
    from diplograph.sparql_locality import is_local

    return frozenset(c for rule in split_shapes(shapes)[1] if not is_local(rule.query)
                     for c in _class_targets(shapes, rule.shape))


def _reached_classes(types: set[str]) -> set[str]:
    """The classes the file's instances belong to, with their superclasses in the ontology."""
    from rdflib import URIRef

    from diplograph.check import _ontology_index

    index = _ontology_index()
    return {str(c) for t in types for c in index.superclasses(URIRef(t))}  # type: ignore[attr-defined]
