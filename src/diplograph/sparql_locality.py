"""Whether a SPARQL query gives the same rows on a graph cut into batches as on the whole graph.

Why: ``validate`` reads the corpus graph (``graph/_corpus.ttl``, ~4M triples at 10,000
documents) in batches of corpus events (:mod:`diplograph.corpus_validation`), and the
SHACL-SPARQL constraints and the ``queries/checks`` rules then run on one batch at a time.
That is exact for a query whose every solution (and every ``EXISTS``/``MINUS`` match beside
it) uses triples of one batch only. The batches are cut so that a node that is the subject of
some triple has all its triples in one batch, and a triple whose object is such a node is in
that batch too (the reader checks this on the data). Two triples of a solution are then in the
same batch whenever they share, as a term, the *subject* of one of them. So a query is local
when, in each of its alternatives (one per UNION branch and OPTIONAL matched or not), its
triple patterns are connected through terms that are the subject of one of the two patterns
joined; joins only through objects (two events reporting the same document) are not.
Aggregates, LIMIT, named graphs and services are never local (a count spans batches).

Rows are also the same set only if no row can come from two batches: each alternative must
bind, among the projected variables, the subject of one of its patterns.

rdflib parses the query (pyoxigraph exposes no algebra); nothing here runs it.
"""

from __future__ import annotations

from functools import cache
from itertools import count
from typing import Any

_MAX_ALTERNATIVES = 256


class NotLocal(Exception):
    """The query may join triples of different batches (the message says where)."""


@cache
def is_local(query: str) -> bool:
    """Whether ``query`` (a SELECT) gives on the whole graph the union of its rows on the batches."""
    try:
        explain(query)
    except NotLocal:
        return False
    return True


def explain(query: str) -> None:
    """Raise :class:`NotLocal` saying why ``query`` is not batch-local (unparsable counts as not local)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(query).algebra
    except Exception as exc:  # pyparsing and rdflib raise many types
        raise NotLocal(f"unparsable: {exc}") from exc
    if algebra.name != "SelectQuery":
        raise NotLocal(algebra.name)
    fresh = count()
    projected = set(algebra.get("PV") or ())
    for alternative in _alternatives(algebra.p, fresh):
        _connected(alternative)
        if not any(s in projected for s, _ in alternative):
            raise NotLocal("a row that binds no subject could come from several batches")


def _alternatives(node: Any, fresh: count) -> list[list[tuple]]:  # noqa: C901 - one case per algebra operator
    """The conjunctive pattern sets a solution of ``node`` can come from: (subject, object) pairs."""
    name = getattr(node, "name", None)
    if name in ("Distinct", "Reduced", "OrderBy"):
        return _alternatives(node.p, fresh)
    if name == "Project":
        inner = _alternatives(node.p, fresh)
        keep = set(node.PV)
        tag = f"_l{next(fresh)}"
        rename = lambda t: _renamed(t, tag) if _is_var(t) and t not in keep else t  # noqa: E731 - a subquery's own variables
        return [[(rename(s), rename(o)) for s, o in alternative] for alternative in inner]
    if name == "BGP":
        return [[_pattern(s, p, o) for s, p, o in node.triples]]
    if name == "ToMultiSet":  # VALUES data, or a subquery
        return [[]] if getattr(node.p, "name", None) == "values" else _alternatives(node.p, fresh)
    if name == "Join":
        return _limit([a + b for a in _alternatives(node.p1, fresh) for b in _alternatives(node.p2, fresh)])
    if name == "Union":
        return _limit(_alternatives(node.p1, fresh) + _alternatives(node.p2, fresh))
    if name == "LeftJoin":
        left, right = _alternatives(node.p1, fresh), _alternatives(node.p2, fresh)
        out = []
        for a in left:
            out.append(a)
            for b in right:
                _connected(a + b)
                _exists_connected(node.get("expr"), a + b, fresh)
                out.append(a + b)
        return _limit(out)
    if name == "Minus":
        left = _alternatives(node.p1, fresh)
        for a in left:
            for b in _alternatives(node.p2, fresh):
                _connected(a + b)
        return left
    if name in ("Filter", "Extend"):
        inner = _alternatives(node.p, fresh)
        for a in inner:
            _exists_connected(node.expr, a, fresh)
        return inner
    raise NotLocal(str(name))


def _exists_connected(expr: Any, alternative: list[tuple], fresh: count) -> None:
    """Every EXISTS / NOT EXISTS inside ``expr`` must match within the batch of ``alternative``."""
    from rdflib.plugins.sparql import algebra
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(expr, CompValue):
        if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            graph = expr.graph
            if getattr(graph, "name", "") == "GroupGraphPatternSub":
                graph = algebra.translateGroupGraphPattern(graph)
            for inner in _alternatives(graph, fresh):
                _connected(alternative + inner)
            return
        for value in expr.values():
            _exists_connected(value, alternative, fresh)
    elif isinstance(expr, (list, tuple)):
        for value in expr:
            _exists_connected(value, alternative, fresh)


def _pattern(s: Any, p: Any, o: Any) -> tuple:
    """(subject, object) of a triple pattern; a property path counts if it goes forward only
    and always crosses at least one triple (each step's subject is then the previous object)."""
    from rdflib.paths import InvPath, Path

    if isinstance(p, InvPath) and not isinstance(p.arg, Path):
        return (o, s)
    if isinstance(p, Path) and _shortest(p) < 1:
        raise NotLocal(f"path {p} may match no triple")
    return (s, o)


def _shortest(path: Any) -> int:
    from rdflib import URIRef
    from rdflib.paths import AlternativePath, MulPath, SequencePath

    if isinstance(path, URIRef):
        return 1
    if isinstance(path, SequencePath):
        return sum(_shortest(p) for p in path.args)
    if isinstance(path, AlternativePath):
        return min(_shortest(p) for p in path.args)
    if isinstance(path, MulPath):
        inner = _shortest(path.path)
        return inner if path.mod == "+" else 0
    raise NotLocal(f"path {path} is not forward only")


def _connected(patterns: list[tuple]) -> None:
    """Patterns joined through terms in subject position (an object-only join may span batches)."""
    if not patterns:
        raise NotLocal("a group without triple patterns matches in every batch")
    from rdflib import Literal

    group = list(range(len(patterns)))

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, (s1, o1) in enumerate(patterns):
        for j in range(i + 1, len(patterns)):
            s2, o2 = patterns[j]
            if s1 == s2 or (s1 == o2 and not isinstance(s1, Literal)) or (o1 == s2 and not isinstance(o1, Literal)):
                group[find(i)] = find(j)
    if len({find(i) for i in range(len(patterns))}) > 1:
        raise NotLocal("triple patterns joined only through objects, or not at all")


def _limit(alternatives: list) -> list:
    if len(alternatives) > _MAX_ALTERNATIVES:
        raise NotLocal("too many alternatives to check")
    return alternatives


def _is_var(term: Any) -> bool:
    from rdflib import BNode, Variable

    return isinstance(term, (Variable, BNode))


def _renamed(term: Any, tag: str) -> Any:
    from rdflib import Variable

    return Variable(str(term) + tag)
