"""SHACL Core compiled once and evaluated over a per-document index: the build's validator.

Why not pySHACL for every document: on a 1,200-triple document graph pySHACL took about
240 ms (4.5x spaCy's parse of the same text), most of it re-reading the shapes graph,
copying ("inoculating") the ontology into the data graph and walking rdflib's store per
focus node. A document graph is small and the shapes never change during a build, so the
shapes are compiled once per process into plain Python objects and each document is
indexed once in dictionaries; evaluation is then a few milliseconds.

Why write it rather than use another engine: no SHACL engine in the Python ecosystem
works on an in-memory index (pySHACL is the reference and stays the engine of
``validate --engine pyshacl``; rudof's Python binding, measured, was 8x faster than
pySHACL but reported a false sh:maxInclusive violation on xsd:nonNegativeInteger).

Scope: all of SHACL Core (it passes the 98 Core tests of the W3C suite through
``diplograph validate``: tests/test_w3c_shacl.py), implicit class targets, sh:closed and
sh:qualifiedValueShapesDisjoint included. :func:`compile_shapes` returns None for shapes that
use SHACL-SPARQL constraints on property shapes, SPARQL-based targets or constraint
components, or SHACL-AF rules, and the caller then runs pySHACL. Node-level SHACL-SPARQL
constraints whose ``$this`` is bound by their first triple pattern are run on Oxigraph by
:mod:`diplograph.check` (the W3C SHACL-SPARQL tests pass through the default engine but for
``$shapesGraph``, which pySHACL, the fallback, does not implement). The data side (index, paths,
term tests) is :mod:`diplograph.shacl_data`.

Where SHACL leaves room, semantics follow pySHACL 0.40 (tests compare both engines finding
for finding on every shape test graph, every gold document and randomly broken graphs): the data graph is
the document plus what pySHACL's ``ont_graph`` mixing adds (the ontology's classes,
properties and their axioms); class membership follows ``rdfs:subClassOf*`` in that
union; a result's severity is the one of the shape holding the constraint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from diplograph.shacl_data import (
    RDFS_NS,
    SH,
    Index,
    Unsupported,
    _compare,
    _compare_terms,
    _compile_path,
    _datatype_ok,
    _lang_matches,
    _uri,
    _uses_inverse,
    _values,
)

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["CompiledShapes", "Index", "Result", "Shape", "Unsupported", "compile_shapes"]


# Parameters this module understands (anything else sh:* on a shape makes it unsupported).
_SHAPE_KEYS = {
    "path", "property", "node", "class", "datatype", "nodeKind", "minCount", "maxCount", "minLength", "maxLength",
    "pattern", "flags", "in", "hasValue", "languageIn", "uniqueLang", "lessThan", "lessThanOrEquals", "equals",
    "disjoint", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "or", "and", "not", "xone",
    "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "targetClass", "targetNode",
    "targetSubjectsOf", "targetObjectsOf", "severity", "message", "name", "description", "deactivated", "order",
    "group", "defaultValue", "closed", "ignoredProperties", "qualifiedValueShapesDisjoint",
}


@dataclass(frozen=True)
class _Off:
    """A result of a check that names its own path and value (sh:closed: one per extra triple)."""

    path: Any
    value: Any



@dataclass(frozen=True)
class Result:
    """One validation result with rdflib terms.

    ``path`` is the shapes-graph path node (a predicate IRI for sh:closed results); ``value``
    is None where SHACL gives no sh:value (cardinality, sh:hasValue, ...).
    """

    focus: Any
    path: Any
    value: Any
    shape: Any
    component: str  # local name, e.g. "MinCountConstraintComponent"
    severity: str  # the severity IRI: sh:Violation, sh:Warning, sh:Info or any other IRI the shape names
    messages: tuple  # rdflib Literals


@dataclass
class Shape:
    """A compiled node or property shape."""

    node: Any
    path: tuple | None = None  # compiled path, None for a node shape
    path_node: Any = None
    severity: str = SH + "Violation"
    messages: tuple = ()
    checks: list[tuple[str, Callable[..., Any]]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    targets: tuple = ()  # (kind, term) pairs


# ------------------------------------------------------------------------ compilation


class _Compiler:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.shapes: dict = {}

    def value(self, node: Any, key: str) -> Any:
        return self.g.value(node, _uri(SH + key))

    def objects(self, node: Any, key: str) -> list:
        return sorted(self.g.objects(node, _uri(SH + key)))

    def shape(self, node: Any) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        from rdflib import Literal

        g = self.g
        used = {str(p)[len(SH):] for p in g.predicates(node) if str(p).startswith(SH)}
        unknown = used - _SHAPE_KEYS
        if unknown:
            raise Unsupported(f"sh:{sorted(unknown)[0]}")
        path_node = self.value(node, "path")
        severity = self.value(node, "severity")
        shape = Shape(
            node=node,
            path=_compile_path(g, path_node) if path_node is not None else None,
            path_node=path_node,
            severity=str(severity) if severity is not None else SH + "Violation",
            messages=tuple(m for m in g.objects(node, _uri(SH + "message")) if isinstance(m, Literal)),
        )
        self.shapes[node] = shape  # before children: recursive shapes refer to the same object
        if str(self.value(node, "deactivated")) in ("true", "1"):
            return shape
        targets = [("class", c) for c in self.objects(node, "targetClass")]
        targets += [("node", n) for n in self.objects(node, "targetNode")]
        targets += [("subjectsOf", p) for p in self.objects(node, "targetSubjectsOf")]
        targets += [("objectsOf", p) for p in self.objects(node, "targetObjectsOf")]
        shape.targets = tuple(targets)
        shape.checks = self.checks(node, shape)
        shape.properties = [self.shape(p) for p in self.objects(node, "property")]
        return shape

    def checks(self, node: Any, shape: Shape) -> list[tuple[str, Callable[..., Any]]]:  # noqa: C901 - one table
        from rdflib import BNode, Literal, URIRef

        g = self.g
        out: list[tuple[str, Callable[..., Any]]] = []
        each = lambda test: (lambda index, focus, values: [v for v in values if not test(index, v)])  # noqa: E731

        for cls in self.objects(node, "class"):
            out.append(("ClassConstraintComponent",
                        each(lambda index, v, c=cls: not isinstance(v, Literal) and index.is_instance(v, c))))
        for dt in self.objects(node, "datatype"):
            out.append(("DatatypeConstraintComponent", each(lambda index, v, d=dt: _datatype_ok(v, d))))
        for kind in self.objects(node, "nodeKind"):
            name = str(kind)[len(SH):]
            allowed = {"IRI": (URIRef,), "BlankNode": (BNode,), "Literal": (Literal,),
                       "BlankNodeOrIRI": (BNode, URIRef), "BlankNodeOrLiteral": (BNode, Literal),
                       "IRIOrLiteral": (URIRef, Literal)}.get(name)
            if allowed is None:
                raise Unsupported(f"sh:nodeKind {kind}")
            out.append(("NodeKindConstraintComponent", each(lambda index, v, a=allowed: isinstance(v, a))))
        if shape.path is not None:
            for bound in self.objects(node, "minCount"):
                out.append(("MinCountConstraintComponent",
                            lambda index, focus, values, n=int(bound): [None] if len(values) < n else []))
            for bound in self.objects(node, "maxCount"):
                out.append(("MaxCountConstraintComponent",
                            lambda index, focus, values, n=int(bound): [None] if len(values) > n else []))
        elif self.objects(node, "minCount") or self.objects(node, "maxCount"):
            raise Unsupported("cardinality on a node shape")
        for key, op in (("minInclusive", lambda c: c >= 0), ("maxInclusive", lambda c: c <= 0),
                        ("minExclusive", lambda c: c > 0), ("maxExclusive", lambda c: c < 0)):
            for bound in self.objects(node, key):
                def test(index: Index, v: Any, b: Any = bound, ok: Callable = op) -> bool:
                    c = _compare(v, b)
                    return c is not None and ok(c)
                out.append((key[0].upper() + key[1:] + "ConstraintComponent", each(test)))
        for key, ok in (("minLength", lambda n, b: n >= b), ("maxLength", lambda n, b: n <= b)):
            for bound in self.objects(node, key):
                def length(index: Index, v: Any, b: int = int(bound), ok: Callable = ok) -> bool:
                    return not isinstance(v, BNode) and ok(len(str(v)), b)
                out.append((key[0].upper() + key[1:] + "ConstraintComponent", each(length)))
        for pattern in self.objects(node, "pattern"):
            flags = str(self.value(node, "flags") or "")
            re_flags = 0
            for letter, flag in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL), ("x", re.VERBOSE)):
                if letter in flags:
                    re_flags |= flag
            regex = re.compile(str(pattern), re_flags)
            out.append(("PatternConstraintComponent",
                        each(lambda index, v, r=regex: not isinstance(v, BNode) and r.search(str(v)) is not None)))
        for members in self.objects(node, "in"):
            allowed_set = frozenset(g.items(members))
            out.append(("InConstraintComponent", each(lambda index, v, a=allowed_set: v in a)))
        for wanted in self.objects(node, "hasValue"):
            out.append(("HasValueConstraintComponent",
                        lambda index, focus, values, w=wanted: [] if w in values else [None]))
        for ranges in self.objects(node, "languageIn"):
            tags = [str(t) for t in g.items(ranges)]
            out.append(("LanguageInConstraintComponent",
                        each(lambda index, v, t=tags: isinstance(v, Literal) and bool(v.language)
                             and _lang_matches(v.language, t))))
        for unique in self.objects(node, "uniqueLang"):
            if unique == Literal(True):  # the literal true only: "1"^^xsd:boolean is another term
                def duplicates(index: Index, focus: Any, values: set) -> list:
                    langs = [str(v.language).lower() for v in values if isinstance(v, Literal) and v.language]
                    return [None] * len({lang for lang in langs if langs.count(lang) > 1})
                out.append(("UniqueLangConstraintComponent", duplicates))
        for key, strict in (("lessThan", True), ("lessThanOrEquals", False)):
            for other in self.objects(node, key):
                def pairs(index: Index, focus: Any, values: set, p: Any = other, strict: bool = strict) -> list:
                    bad = []
                    for v in values:
                        for o in index.objects(focus, p):
                            c = _compare_terms(v, o)
                            if c is None or c > 0 or (strict and c == 0):
                                bad.append(v)
                    return bad
                out.append((key[0].upper() + key[1:] + "ConstraintComponent", pairs))
        for other in self.objects(node, "equals"):
            def equals(index: Index, focus: Any, values: set, p: Any = other) -> list:
                others = index.objects(focus, p)
                return sorted(values - others) + sorted(others - values)
            out.append(("EqualsConstraintComponent", equals))
        for other in self.objects(node, "disjoint"):
            out.append(("DisjointConstraintComponent",
                        lambda index, focus, values, p=other: sorted(values & index.objects(focus, p))))
        for target in self.objects(node, "node"):
            inner = self.shape(target)
            out.append(("NodeConstraintComponent", each(lambda index, v, s=inner: _conforms(s, index, v))))
        for target in self.objects(node, "not"):
            inner = self.shape(target)
            out.append(("NotConstraintComponent", each(lambda index, v, s=inner: not _conforms(s, index, v))))
        logic = {"or": lambda results: any(results), "and": lambda results: all(results),
                 "xone": lambda results: sum(1 for r in results if r) == 1}
        for key, rule in logic.items():
            for members in self.objects(node, key):
                inner_shapes = [self.shape(m) for m in g.items(members)]
                def logical(index: Index, v: Any, shapes: list = inner_shapes, rule: Callable = rule) -> bool:
                    # a generator: sh:or stops at the first member that conforms
                    return rule(_conforms(s, index, v) for s in shapes)
                out.append((key[0].upper() + key[1:] + "ConstraintComponent", each(logical)))
        if self.value(node, "closed") == Literal(True):
            allowed = {p.path[1] for p in (self.shape(n) for n in self.objects(node, "property"))
                       if p.path is not None and p.path[0] == "p"}
            for ignored in self.objects(node, "ignoredProperties"):
                allowed |= set(g.items(ignored))
            def closed(index: Index, focus: Any, values: set, allowed: frozenset = frozenset(allowed)) -> list:
                return [_Off(p, o) for v in values for p, o in index.predicate_objects(v) if p not in allowed]
            out.append(("ClosedConstraintComponent", closed))
        qualified = self.value(node, "qualifiedValueShape")
        if qualified is not None:
            inner = self.shape(qualified)
            low, high = self.value(node, "qualifiedMinCount"), self.value(node, "qualifiedMaxCount")
            siblings: list[Shape] = []
            if self.value(node, "qualifiedValueShapesDisjoint") == Literal(True):
                siblings = [self.shape(q) for parent in sorted(g.subjects(_uri(SH + "property"), node))
                            for sibling in self.objects(parent, "property") if sibling != node
                            for q in self.objects(sibling, "qualifiedValueShape")]
            def count(index: Index, values: set, s: Shape = inner, others: list = siblings) -> int:
                return sum(1 for v in values
                           if _conforms(s, index, v) and not any(_conforms(o, index, v) for o in others))
            if low is not None:
                out.append(("QualifiedMinCountConstraintComponent",
                            lambda index, focus, values, n=int(low): [None] if count(index, values) < n else []))
            if high is not None:
                out.append(("QualifiedMaxCountConstraintComponent",
                            lambda index, focus, values, n=int(high): [None] if count(index, values) > n else []))
        return out



def _conforms(shape: Shape, index: Index, focus: Any) -> bool:
    """Whether ``focus`` conforms to ``shape`` (sh:node, sh:not, sh:and/or/xone, qualified shapes).

    Remembered per data graph for IRIs and blank nodes: the answer depends on nothing else, and
    the same node is checked against the same shape many times (an actor named by every event of
    a document: about half of the calls on a document graph). Literals are not remembered: rdflib's
    equality ignores the case of language tags, so a memo could answer for another literal.
    """
    if type(focus) in _memo_types():
        key = (id(shape), focus)
        known = index.conforming.get(key)
        if known is None:
            known = index.conforming[key] = _conforms_now(shape, index, focus)
        return known
    return _conforms_now(shape, index, focus)


@cache
def _memo_types() -> tuple[type, ...]:
    from rdflib import BNode, URIRef

    return URIRef, BNode


def _conforms_now(shape: Shape, index: Index, focus: Any) -> bool:
    for _ in _evaluate(shape, index, focus, stop_at_first=True):
        return False
    return True


def _evaluate(shape: Shape, index: Index, focus: Any, stop_at_first: bool = False) -> Iterable[Result]:
    """Results of ``shape`` for one focus node (nested shapes' results are never reported)."""
    if not shape.checks and not shape.properties:
        return
    values = _values(index, focus, shape.path) if shape.path is not None else {focus}
    for component, check in shape.checks:
        for value in check(index, focus, values):
            path = shape.path_node
            if isinstance(value, _Off):
                path, value = value.path, value.value
            yield Result(focus, path, value, shape.node, component, shape.severity, shape.messages)
            if stop_at_first:
                return
    # A property shape's own sh:property shapes apply to each of its value nodes (a node shape's
    # only value node is the focus node itself).
    for prop in shape.properties:
        for node in values:
            for result in _evaluate(prop, index, node, stop_at_first):
                yield result
                if stop_at_first:
                    return


@dataclass(frozen=True)
class CompiledShapes:
    """The shapes with targets, and what each document needs from the ontology."""

    shapes: tuple[Shape, ...]
    inverse: bool  # some path or target needs the object->subject index

    def validate(self, triples: Iterable[tuple], base: Index | None) -> list[Result]:
        index = Index(triples, base=base, inverse=self.inverse)
        results: list[Result] = []
        for shape in self.shapes:
            for focus in sorted(_focus_nodes(shape, index), key=str):
                results.extend(_evaluate(shape, index, focus))
        return results


def _focus_nodes(shape: Shape, index: Index) -> set:
    nodes: set = set()
    for kind, term in shape.targets:
        if kind == "class":
            for cls in index.subclasses(term):
                nodes |= index.instances(cls)
        elif kind == "node":
            nodes.add(term)
        elif kind == "subjectsOf":
            nodes |= index.subjects_with(term)
        else:
            nodes |= index.objects_of(term)
    return nodes


def _implicit_class_targets(g: Graph) -> set:
    """Shapes that are also classes (rdfs:Class, or owl:Class as pySHACL and TopBraid accept):
    SHACL's implicit class target makes their instances focus nodes."""
    from rdflib import RDF, URIRef

    classes = {URIRef(RDFS_NS + "Class"), URIRef("http://www.w3.org/2002/07/owl#Class")}
    shape_types = {URIRef(SH + "NodeShape"), URIRef(SH + "PropertyShape")}
    return {node for cls in classes for node in g.subjects(RDF.type, cls)
            if any((node, RDF.type, t) in g for t in shape_types)}


def compile_shapes(g: Graph) -> CompiledShapes | None:
    """Compile a shapes graph (without node-level SPARQL constraints), or None if out of scope."""
    from rdflib import RDF, URIRef

    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    if any(next(g.triples((None, sh(key), None)), None) for key in ("sparql", "rule", "target", "validator",
                                                                   "nodeValidator", "propertyValidator")):
        return None  # SPARQL-based constraints, targets and constraint components: pySHACL's
    if next(g.triples((None, RDF.type, sh("ConstraintComponent"))), None):
        return None
    compiler = _Compiler(g)
    roots = set()
    for key in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
        roots |= set(g.subjects(sh(key), None))
    implicit = _implicit_class_targets(g)
    roots |= implicit
    try:
        shapes = tuple(compiler.shape(node) for node in sorted(roots, key=str))
        for shape in shapes:
            if shape.node in implicit:
                shape.targets = (*shape.targets, ("class", shape.node))
        # Every declared shape must compile, even if only reachable through another one.
        for node in sorted(set(g.subjects(RDF.type, sh("NodeShape"))) | set(g.subjects(RDF.type, sh("PropertyShape"))),
                           key=str):
            compiler.shape(node)
    except (Unsupported, ValueError, TypeError):  # out of scope, or malformed: pySHACL says which
        return None
    inverse = any(_uses_inverse(s.path) for s in compiler.shapes.values()) or any(
        kind == "objectsOf" for s in shapes for kind, _ in s.targets)
    return CompiledShapes(shapes, inverse)
