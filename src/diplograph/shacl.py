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

Scope, on purpose: the SHACL Core components and the path forms used by shapes of this
kind. :func:`compile_shapes` returns None for any shapes graph that uses something else
(sh:closed, SPARQL-based targets or property-level SPARQL constraints, sh:rule, implicit
class targets, qualifiedValueShapesDisjoint), and the caller then runs pySHACL. Node-level
SHACL-SPARQL constraints are run on Oxigraph by :mod:`diplograph.check`, as before.

Semantics follow pySHACL 0.40 (tests compare both engines finding for finding on every
shape test graph, every gold document and randomly broken graphs): the data graph is
the document plus what pySHACL's ``ont_graph`` mixing adds (the ontology's classes,
properties and their axioms); class membership follows ``rdfs:subClassOf*`` in that
union; a result's severity is the one of the shape holding the constraint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Graph

SH = "http://www.w3.org/ns/shacl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF_NS + "type"
SUBCLASS = RDFS_NS + "subClassOf"

# Parameters this module understands (anything else sh:* on a shape makes it unsupported).
_SHAPE_KEYS = {
    "path", "property", "node", "class", "datatype", "nodeKind", "minCount", "maxCount", "minLength", "maxLength",
    "pattern", "flags", "in", "hasValue", "languageIn", "uniqueLang", "lessThan", "lessThanOrEquals", "equals",
    "disjoint", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "or", "and", "not", "xone",
    "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "targetClass", "targetNode",
    "targetSubjectsOf", "targetObjectsOf", "severity", "message", "name", "description", "deactivated", "order",
    "group", "defaultValue",
}


class Unsupported(Exception):
    """The shapes use a feature outside this engine's scope (the caller falls back to pySHACL)."""


@dataclass(frozen=True)
class Result:
    """One validation result with rdflib terms (``path`` is the shapes-graph path node)."""

    focus: Any
    path: Any
    value: Any
    shape: Any
    component: str  # local name, e.g. "MinCountConstraintComponent"
    severity: str  # Violation | Warning | Info
    messages: tuple  # rdflib Literals


@dataclass
class Shape:
    """A compiled node or property shape."""

    node: Any
    path: tuple | None = None  # compiled path, None for a node shape
    path_node: Any = None
    severity: str = "Violation"
    messages: tuple = ()
    checks: list[tuple[str, Callable[..., Any]]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    targets: tuple = ()  # (kind, term) pairs


_EMPTY: frozenset = frozenset()
_NO_PREDICATES: dict = {}


class Index:
    """Triples of one data graph (plus the constant ontology part) in dictionaries."""

    __slots__ = ("spo", "base", "types", "inverse", "children", "supers")

    def __init__(self, triples: Iterable[tuple], base: Index | None = None, inverse: bool = False) -> None:
        spo: dict = {}
        types: dict = {}
        children: dict = {}
        ops: dict | None = {} if inverse else None
        rdf_type, subclass = _uri(RDF_TYPE), _uri(SUBCLASS)
        for s, p, o in triples:
            spo.setdefault(s, {}).setdefault(p, set()).add(o)
            if p == rdf_type:
                types.setdefault(o, set()).add(s)
            elif p == subclass:
                children.setdefault(o, set()).add(s)
            if ops is not None:
                ops.setdefault(o, {}).setdefault(p, set()).add(s)
        self.spo = spo
        self.types = types
        self.children = children
        self.inverse = ops
        self.base = base
        self.supers: dict = {}

    def objects(self, s: Any, p: Any) -> set | frozenset:
        found = self.spo.get(s, _NO_PREDICATES).get(p)
        if self.base is None:
            return found or _EMPTY
        more = self.base.objects(s, p)
        if not found:
            return more
        return found | more if more else found

    def subjects(self, p: Any, o: Any) -> set | frozenset:
        own = (self.inverse or _NO_PREDICATES).get(o, _NO_PREDICATES).get(p, _EMPTY)
        return own | self.base.subjects(p, o) if self.base is not None else own

    def instances(self, cls: Any) -> set:
        found = set(self.types.get(cls, ()))
        if self.base is not None:
            found |= self.base.instances(cls)
        return found

    def subjects_with(self, p: Any) -> set:
        found = {s for s, preds in self.spo.items() if p in preds}
        return found | self.base.subjects_with(p) if self.base is not None else found

    def objects_of(self, p: Any) -> set:
        found = {o for preds in self.spo.values() for o in preds.get(p, ())}
        return found | self.base.objects_of(p) if self.base is not None else found

    def superclasses(self, cls: Any) -> set:
        """``cls`` and everything it is an rdfs:subClassOf* of, in data + ontology."""
        known = self.supers.get(cls)
        if known is None:
            subclass = _uri(SUBCLASS)
            known, todo = {cls}, [cls]
            while todo:
                for parent in self.objects(todo.pop(), subclass):
                    if parent not in known:
                        known.add(parent)
                        todo.append(parent)
            self.supers[cls] = known
        return known

    def direct_subclasses(self, cls: Any) -> set | frozenset:
        own = self.children.get(cls, _EMPTY)
        return own | self.base.direct_subclasses(cls) if self.base is not None else own

    def is_instance(self, node: Any, cls: Any) -> bool:
        return any(cls in self.superclasses(t) for t in self.objects(node, _uri(RDF_TYPE)))

    def subclasses(self, cls: Any) -> set:
        """Classes C with C rdfs:subClassOf* ``cls`` (for class targets)."""
        known, todo = {cls}, [cls]
        while todo:
            for child in self.direct_subclasses(todo.pop()):
                if child not in known:
                    known.add(child)
                    todo.append(child)
        return known


@cache
def _uri(iri: str) -> Any:
    from rdflib import URIRef

    return URIRef(iri)


# ----------------------------------------------------------------------------------- paths


def _compile_path(g: Graph, node: Any) -> tuple:
    from rdflib import BNode, URIRef

    if isinstance(node, URIRef):
        return ("p", node)
    if not isinstance(node, BNode):
        raise Unsupported(f"path {node!r}")
    first = g.value(node, _uri(RDF_NS + "first"))
    if first is not None:
        return ("seq", tuple(_compile_path(g, item) for item in g.items(node)))
    for key in ("inversePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
        inner = g.value(node, _uri(SH + key))
        if inner is not None:
            return (key, _compile_path(g, inner))
    alternatives = g.value(node, _uri(SH + "alternativePath"))
    if alternatives is not None:
        return ("alt", tuple(_compile_path(g, item) for item in g.items(alternatives)))
    raise Unsupported("unknown path form")


def _values(index: Index, focus: Any, path: tuple) -> set:
    kind, arg = path
    if kind == "p":
        return index.objects(focus, arg)
    if kind == "inversePath":
        if arg[0] != "p":
            raise Unsupported("complex inverse path")
        return index.subjects(arg[1], focus)
    if kind == "alt":
        found: set = set()
        for alternative in arg:
            found |= _values(index, focus, alternative)
        return found
    if kind == "seq":
        current = {focus}
        for step in arg:
            current = {v for node in current for v in _values(index, node, step)}
        return current
    if kind == "zeroOrOnePath":
        return {focus} | _values(index, focus, arg)
    seen: set = set()
    todo = [focus]
    while todo:
        for v in _values(index, todo.pop(), arg):
            if v not in seen:
                seen.add(v)
                todo.append(v)
    return seen | {focus} if kind == "zeroOrMorePath" else seen


def _uses_inverse(path: tuple | None) -> bool:
    if path is None:
        return False
    kind, arg = path
    if kind == "inversePath":
        return True
    if kind in ("alt", "seq"):
        return any(_uses_inverse(p) for p in arg)
    return kind != "p" and _uses_inverse(arg)


# ------------------------------------------------------------------------- comparisons


def _python(term: Any) -> tuple[bool, Any]:
    """(is_string, value) of a literal as pySHACL compares them."""
    value = term.value if term.value is not None else str(term)
    return isinstance(value, str), value


def _compare(value: Any, bound: Any) -> int | None:
    """-1/0/1 for a value node vs a range bound (sh:minInclusive...): only literals compare."""
    from rdflib import Literal

    return _compare_terms(value, bound) if isinstance(value, Literal) else None


def _lang_matches(tag: str, ranges: Sequence[str]) -> bool:
    tag = tag.lower()
    return any(r == "*" or tag == r.lower() or tag.startswith(r.lower() + "-") for r in ranges)


def _datatype_ok(value: Any, datatype: Any) -> bool:
    """pySHACL's sh:datatype test: same datatype and well-formed lexical form."""
    from datetime import date, datetime, time
    from decimal import Decimal

    from rdflib import Literal

    if not isinstance(value, Literal):
        return False
    wanted = str(datatype)
    if value.datatype is not None and str(value.datatype) == wanted:
        if getattr(value, "ill_typed", None) is True:
            return False
        python = value.value
        local = wanted[len(XSD_NS):] if wanted.startswith(XSD_NS) else None
        checks = {"string": (str, bytes), "integer": int, "float": float, "decimal": Decimal, "boolean": bool,
                  "date": date, "dateTime": datetime, "time": time}
        if wanted == RDF_NS + "langString":
            return isinstance(python, str | bytes)
        if local in checks:
            ok = isinstance(python, checks[local])
            return ok and not (local == "integer" and isinstance(python, bool))
        return True
    if wanted == RDFS_NS + "Literal":
        return True
    if wanted == RDFS_NS + "Datatype" and value.datatype is not None:
        return True
    if value.datatype is None and value.language is None and wanted == XSD_NS + "string":
        return True
    return wanted == RDF_NS + "langString" and bool(value.language)


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
        if self.value(node, "qualifiedValueShapesDisjoint") is not None:
            raise Unsupported("sh:qualifiedValueShapesDisjoint")
        path_node = self.value(node, "path")
        severity = self.value(node, "severity")
        shape = Shape(
            node=node,
            path=_compile_path(g, path_node) if path_node is not None else None,
            path_node=path_node,
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
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
            if str(unique) in ("true", "1"):
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
        qualified = self.value(node, "qualifiedValueShape")
        if qualified is not None:
            inner = self.shape(qualified)
            low, high = self.value(node, "qualifiedMinCount"), self.value(node, "qualifiedMaxCount")
            def count(index: Index, values: set, s: Shape = inner) -> int:
                return sum(1 for v in values if _conforms(s, index, v))
            if low is not None:
                out.append(("QualifiedMinCountConstraintComponent",
                            lambda index, focus, values, n=int(low): [None] if count(index, values) < n else []))
            if high is not None:
                out.append(("QualifiedMaxCountConstraintComponent",
                            lambda index, focus, values, n=int(high): [None] if count(index, values) > n else []))
        return out


def _compare_terms(a: Any, b: Any) -> int | None:
    """pySHACL's sh:lessThan comparison: IRIs as strings, literals by value, mixed kinds never."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(a, BNode) or isinstance(b, BNode):
        return None
    def norm(t: Any) -> tuple[bool, Any]:
        if isinstance(t, URIRef):
            return True, str(t)
        if isinstance(t, Literal):
            return _python(t)
        return False, t
    a_str, x = norm(a)
    b_str, y = norm(b)
    if a_str != b_str:
        return None
    try:
        return -1 if x < y else 1 if x > y else 0
    except TypeError:
        return None


def _conforms(shape: Shape, index: Index, focus: Any) -> bool:
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
            yield Result(focus, shape.path_node, focus if value is None and shape.path is None else value,
                         shape.node, component, shape.severity, shape.messages)
            if stop_at_first:
                return
    for prop in shape.properties:
        for result in _evaluate(prop, index, focus, stop_at_first):
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


def compile_shapes(g: Graph) -> CompiledShapes | None:
    """Compile a shapes graph (without node-level SPARQL constraints), or None if out of scope."""
    from rdflib import RDF, URIRef

    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    if any(next(g.triples((None, sh(key), None)), None) for key in ("sparql", "rule", "target")):
        return None
    classes = {URIRef(RDFS_NS + "Class"), URIRef("http://www.w3.org/2002/07/owl#Class")}
    compiler = _Compiler(g)
    roots = set()
    for key in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
        roots |= set(g.subjects(sh(key), None))
    for node in set(g.subjects(RDF.type, sh("NodeShape"))) | set(g.subjects(RDF.type, sh("PropertyShape"))):
        if any((node, RDF.type, c) in g for c in classes):
            return None  # implicit class target
    try:
        shapes = tuple(compiler.shape(node) for node in sorted(roots, key=str))
        # Every declared shape must compile, even if only reachable through another one.
        for node in sorted(set(g.subjects(RDF.type, sh("NodeShape"))) | set(g.subjects(RDF.type, sh("PropertyShape"))),
                           key=str):
            compiler.shape(node)
    except (Unsupported, ValueError, TypeError):  # out of scope, or malformed: pySHACL says which
        return None
    inverse = any(_uses_inverse(s.path) for s in compiler.shapes.values()) or any(
        kind == "objectsOf" for s in shapes for kind, _ in s.targets)
    return CompiledShapes(shapes, inverse)
