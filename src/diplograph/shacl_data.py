"""The data side of the native SHACL engine: a document's triples indexed, paths, term tests.

Split from :mod:`diplograph.shacl` (which compiles shapes and evaluates them) so each module
holds one idea: here, how a data graph is read (value nodes of a path, class membership,
literal comparison and datatype checks, following pySHACL where SHACL leaves it open).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


class Unsupported(Exception):
    """The shapes use a feature outside this engine's scope (the caller falls back to pySHACL)."""



_EMPTY: frozenset = frozenset()
_NO_PREDICATES: dict = {}


class Index:
    """Triples of one data graph (plus the constant ontology part) in dictionaries."""

    __slots__ = ("spo", "base", "types", "inverse", "children", "supers", "subs", "rdf_type", "conforming")

    def __init__(self, triples: Iterable[tuple], base: Index | None = None, inverse: bool = False) -> None:
        spo: dict = {}
        types: dict = {}
        children: dict = {}
        ops: dict | None = {} if inverse else None
        rdf_type, subclass = _uri(RDF_TYPE), _uri(SUBCLASS)
        # rdf:type and rdfs:subClassOf statements picked by a dictionary look-up, not by comparing
        # every predicate with ==: rdflib's __eq__ is Python code (~0.3 us a call, twice per triple),
        # while a look-up hashes in C and compares only when a hash matches.
        special = {rdf_type: types, subclass: children}
        # Each predicate is stored as the process's one URIRef for its IRI (_uri), the object
        # the compiled shapes look up: a dictionary finds the same object by identity, while an equal
        # but distinct one (the mapper's, the parser's) costs rdflib's Python __eq__ at every look-up
        # (~120,000 per build of the test texts). Found once per predicate object (keyed by id; the
        # object is kept in the entry so that its id is not reused while the triples are read).
        canonical: dict[int, tuple] = {}
        uri = type(rdf_type)
        for s, p, o in triples:
            entry = canonical.get(id(p))
            if entry is None:
                entry = canonical[id(p)] = (p, _uri(str(p)) if type(p) is uri else p)
            p = entry[1]
            spo.setdefault(s, {}).setdefault(p, set()).add(o)
            into = special.get(p)
            if into is not None:
                into.setdefault(o, set()).add(s)
            if ops is not None:
                ops.setdefault(o, {}).setdefault(p, set()).add(s)
        self.spo = spo
        self.types = types
        self.children = children
        self.inverse = ops
        self.base = base
        self.supers: dict = {}
        self.subs: dict = {}
        self.rdf_type = rdf_type
        self.conforming: dict = {}  # (shape id, IRI or blank node) -> conforms (see shacl._conforms)

    def objects(self, s: Any, p: Any) -> set | frozenset:
        found = self.spo.get(s, _NO_PREDICATES).get(p)
        if self.base is None:
            return found or _EMPTY
        more = self.base.objects(s, p)
        if not found:
            return more
        return found | more if more else found

    def predicate_objects(self, s: Any) -> list[tuple]:
        """Every (predicate, object) of ``s``, in data + ontology (for sh:closed)."""
        found = [(p, o) for p, objects in self.spo.get(s, _NO_PREDICATES).items() for o in objects]
        return found + self.base.predicate_objects(s) if self.base is not None else found

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
        if known is None and self.base is not None and not self.children:
            # The data states no rdfs:subClassOf (a document graph never does): the walk below would
            # only follow the ontology's statements, so the ontology index's answer, kept across
            # documents, is the same set.
            known = self.supers[cls] = self.base.superclasses(cls)
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
        return any(cls in self.superclasses(t) for t in self.objects(node, self.rdf_type))

    def subclasses(self, cls: Any) -> set:
        """Classes C with C rdfs:subClassOf* ``cls`` (for class targets); the caller does not change the set."""
        if self.base is not None and not self.children:  # as in superclasses: the ontology's answer
            return self.base.subclasses(cls)
        known = self.subs.get(cls)
        if known is None:
            known, todo = {cls}, [cls]
            while todo:
                for child in self.direct_subclasses(todo.pop()):
                    if child not in known:
                        known.add(child)
                        todo.append(child)
            self.subs[cls] = known
        return known


@cache
def _uri(iri: str) -> Any:
    from rdflib import URIRef

    return URIRef(iri)



# ----------------------------------------------------------------------------------- paths


def _compile_path(g: Graph, node: Any) -> tuple:
    from rdflib import BNode, URIRef

    if isinstance(node, URIRef):
        return ("p", _uri(str(node)) if type(node) is URIRef else node)  # the object Index stores (see there)
    if not isinstance(node, BNode):
        raise Unsupported(f"path {node!r}")
    first = g.value(node, _uri(RDF_NS + "first"))
    if first is not None:
        return ("seq", tuple(_compile_path(g, item) for item in g.items(node)))
    inverse = g.value(node, _uri(SH + "inversePath"))
    if inverse is not None:
        return _invert(_compile_path(g, inverse))
    for key in ("zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
        inner = g.value(node, _uri(SH + key))
        if inner is not None:
            return (key, _compile_path(g, inner))
    alternatives = g.value(node, _uri(SH + "alternativePath"))
    if alternatives is not None:
        return ("alt", tuple(_compile_path(g, item) for item in g.items(alternatives)))
    raise Unsupported("unknown path form")


def _invert(path: tuple) -> tuple:
    """The inverse of a compiled path, pushed down to predicates ("inv"), so any path inverts."""
    kind, arg = path
    if kind == "p":
        return ("inv", arg)
    if kind == "inv":
        return ("p", arg)
    if kind == "seq":
        return ("seq", tuple(_invert(step) for step in reversed(arg)))
    if kind == "alt":
        return ("alt", tuple(_invert(alternative) for alternative in arg))
    return (kind, _invert(arg))


def _values(index: Index, focus: Any, path: tuple) -> set:
    kind, arg = path
    if kind == "p":
        return index.objects(focus, arg)
    if kind == "inv":
        return index.subjects(arg, focus)
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
    if kind == "inv":
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


@cache
def _python_types() -> tuple[type, dict[str, Any]]:
    """(rdflib Literal, XSD local name -> Python type of a well-formed value), imported once.

    Looked up once rather than imported in :func:`_datatype_ok`, which runs for every value
    of every sh:datatype constraint (the imports were a fifth of validation time).
    """
    from datetime import date, datetime, time
    from decimal import Decimal

    from rdflib import Literal

    return Literal, {"string": (str, bytes), "integer": int, "float": float, "decimal": Decimal, "boolean": bool,
                     "date": date, "dateTime": datetime, "time": time}


def _datatype_ok(value: Any, datatype: Any) -> bool:
    """pySHACL's sh:datatype test: same datatype and well-formed lexical form."""
    literal, checks = _python_types()
    if not isinstance(value, literal):
        return False
    wanted = str(datatype)
    if value.datatype is not None and str(value.datatype) == wanted:
        if getattr(value, "ill_typed", None) is True:
            return False
        python = value.value
        local = wanted[len(XSD_NS):] if wanted.startswith(XSD_NS) else None
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

