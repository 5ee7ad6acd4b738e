"""SHACL-SPARQL on Oxigraph: node-level constraints as whole-graph queries, and the data rules.

Split from :mod:`diplograph.check` (which chooses and runs the engines): this module turns a
shapes graph's node-level ``sh:sparql`` SELECT constraints into one query each, runs them and
the ``queries/checks`` rules (:mod:`diplograph.data_rules`) on one document loaded into a
per-process Oxigraph store, and writes W3C result nodes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING

from diplograph.namespaces import ONTOLOGY_GRAPH
from diplograph.shacl_report import Finding, severity_iri, severity_name, show_term

if TYPE_CHECKING:
    from rdflib import Graph


@dataclass(frozen=True)
class SparqlRule:
    """A SHACL-SPARQL constraint of a node shape, evaluated as one whole-graph query."""

    shape: object  # URIRef of the node shape
    constraint: object  # the sh:sparql node
    query: str  # targets + the constraint's SELECT, as one query binding ?this for every focus node
    messages: tuple  # rdflib Literals (constraint's messages, else the shape's)
    severity: str  # Violation | Warning | Info | a custom severity IRI (see severity_name)
    classes: tuple = ()  # IRIs of the shape's sh:targetClass (see closed_query)


_REFERENCING = ("node", "property", "qualifiedValueShape", "not", "and", "or", "xone")


def separate_sparql_rules(shapes: Graph) -> tuple[Graph, tuple[SparqlRule, ...]]:
    """The shapes without their node-level SHACL-SPARQL constraints, and those constraints.

    pySHACL runs every ``sh:sparql`` query once per focus node and re-parses it each time;
    on a document graph that was 80% of validation time. A node shape's SELECT gives the
    same rows when ``$this`` ranges over all focus nodes at once, so such constraints are
    run here as one query each on pyoxigraph (see :func:`_sparql_findings`); a test checks
    that the results equal pySHACL's on every shape's test graph. Property shapes, shapes
    used through sh:node/sh:property/..., and ASK validators stay with pySHACL.
    """
    from rdflib import Graph, URIRef
    from rdflib.namespace import SH

    core = Graph()
    for triple in shapes:
        core.add(triple)
    referenced = {o for name in _REFERENCING for o in shapes.objects(None, SH[name])}
    referenced |= {item for lst in shapes.objects(None, SH["and"]) for item in shapes.items(lst)}
    for name in ("or", "xone"):
        referenced |= {item for lst in shapes.objects(None, SH[name]) for item in shapes.items(lst)}
    true = {"true", "1"}
    rules = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        select = shapes.value(constraint, SH.select)
        if select is None or (shape, SH.path, None) in shapes or shape in referenced:
            continue
        if not _joins_like_prebinding(select):
            continue
        if str(shapes.value(shape, SH.deactivated)) in true or str(shapes.value(constraint, SH.deactivated)) in true:
            core.remove((shape, SH.sparql, constraint))
            continue
        classes = tuple(str(c) for c in sorted(shapes.objects(shape, SH.targetClass)))
        targets = [_class_target(c) for c in classes]
        targets += [f"{{ VALUES ?this {{ {n.n3()} }} }}" for n in sorted(shapes.objects(shape, SH.targetNode))]
        targets += [f"{{ ?this <{p}> ?diplograph_o }}" for p in sorted(shapes.objects(shape, SH.targetSubjectsOf))]
        targets += [f"{{ ?diplograph_s <{p}> ?this }}" for p in sorted(shapes.objects(shape, SH.targetObjectsOf))]
        if not targets or (shape, SH.target, None) in shapes:
            continue  # implicit or SPARQL-based targets: leave to pySHACL
        prefixes = []
        holders, todo = set(), list(shapes.objects(constraint, SH.prefixes))
        while todo:  # SHACL 5.2.1: the declarations of sh:prefixes and of its owl:imports closure
            holder = todo.pop()
            if holder not in holders:
                holders.add(holder)
                todo.extend(shapes.objects(holder, URIRef("http://www.w3.org/2002/07/owl#imports")))
        for holder in sorted(holders):
            for declaration in shapes.objects(holder, SH.declare):
                prefix = shapes.value(declaration, SH.prefix)
                namespace = shapes.value(declaration, SH.namespace)
                prefixes.append(f"PREFIX {prefix}: <{namespace}>")
        query = "\n".join(sorted(set(prefixes))) + (
            "\nSELECT * WHERE {\n  { SELECT DISTINCT ?this WHERE { " + " UNION ".join(targets) + " } }\n"
            f"  {{ {select} }}\n}}"
        )
        messages = tuple(shapes.objects(constraint, SH.message)) or tuple(shapes.objects(shape, SH.message))
        severity = shapes.value(shape, SH.severity) or URIRef(SH + "Violation")
        rules.append(SparqlRule(shape, constraint, query, messages, severity_name(severity), classes))
        core.remove((shape, SH.sparql, constraint))
    return core, tuple(rules)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _class_target(iri: str) -> str:
    """The focus nodes of ``sh:targetClass <iri>``: its instances and its subclasses' instances."""
    return f"{{ ?this <{_RDF_TYPE}>/<{_SUBCLASS}>* <{iri}> }}"


@cache
def closed_query(rule: SparqlRule) -> str:
    """``rule.query`` with each class target's ``rdfs:subClassOf*`` replaced by the classes it
    reaches in the OWL file, as a VALUES list (computed once per process).

    Why: the rules run on the document plus the OWL file, and walking the OWL file's
    subclass hierarchy again for every document was about half of the rules' evaluation
    (EventDateShape targets 20 classes: 0.3 ms per document on an empty document). The same
    rows when the document states no ``rdfs:subClassOf`` (a document graph never does:
    :func:`sparql_findings` checks) since the path then only walks the OWL file's triples;
    the classes are those Oxigraph's own evaluation of the path over that file gives.
    """
    import pyoxigraph

    if not rule.classes:
        return rule.query
    store = pyoxigraph.Store()  # the OWL file alone, as the rule store holds it
    store.bulk_load(_ontology_ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES,
                    to_graph=pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)))
    reached: set[str] = set()
    for iri in rule.classes:
        reached.update(row[0].value for row in store.query(
            f"SELECT DISTINCT ?c WHERE {{ ?c <{_SUBCLASS}>* <{iri}> }}", use_default_graph_as_union=True)
            if isinstance(row[0], pyoxigraph.NamedNode))
    walked = " UNION ".join(_class_target(iri) for iri in rule.classes)  # how separate_sparql_rules wrote them
    if not reached.issuperset(rule.classes) or rule.query.count(walked) != 1:
        return rule.query  # (never: the zero-length path gives each class itself)
    values = " ".join(f"<{c}>" for c in sorted(reached))
    return rule.query.replace(walked, f"{{ VALUES ?diplograph_c {{ {values} }} ?this <{_RDF_TYPE}> ?diplograph_c }}")


def _states_subclasses(data: Graph | Sequence[tuple]) -> bool:
    """Whether the data graph itself has an ``rdfs:subClassOf`` statement (then :func:`closed_query` does not apply)."""
    from rdflib import Graph, URIRef

    subclass = URIRef(_SUBCLASS)
    if isinstance(data, Graph):
        return (None, subclass, None) in data
    # Compared as plain strings, in C: a set of the predicates called rdflib's Python __eq__ for every
    # repeated predicate (~200 a document), and `p == subclass` would call it for every triple.
    return any(map(_SUBCLASS.__eq__, map(str, map(itemgetter(1), data))))


_NOT_JOINABLE = re.compile(r"\b(MINUS|VALUES|SERVICE)\b|\bAS\s+[?$]this\b|[?$](shapesGraph|currentShape)\b",
                           re.IGNORECASE)


def _joins_like_prebinding(select: object) -> bool:
    """Whether a SELECT gives the same rows joined with all focus nodes as with ``$this`` pre-bound.

    SHACL pre-binds ``$this`` (its value is substituted before evaluation); the fast path
    joins the SELECT with the focus nodes instead, which is the same only when ``$this`` is
    bound by the query's first triple pattern and nothing evaluates before it (a FILTER on an
    unbound ``$this``, a nested SELECT, VALUES, MINUS...). The W3C SHACL-SPARQL
    pre-binding tests tell the two apart; a query outside this form is left to pySHACL.
    """
    text = str(select)
    where = re.search(r"\bWHERE\s*\{\s*\$this\s", text, re.IGNORECASE)
    return (where is not None and len(re.findall(r"\bSELECT\b", text, re.IGNORECASE)) == 1
            and _NOT_JOINABLE.search(text) is None)


@cache
def _ontology_ntriples() -> bytes:
    """The OWL file as N-Triples, made once per process (the SPARQL rules load it with every document).

    Kept in the user cache between processes (:mod:`diplograph.pickle_cache`): rdflib's parse
    of the OWL file was ~0.1 s of every build.
    """
    from pathlib import Path

    from diplograph.pickle_cache import cached
    from diplograph.resources import ontology_file

    return cached("ontology-ntriples", lambda: [Path(__file__), ontology_file()], _make_ontology_ntriples)


def _make_ontology_ntriples() -> bytes:
    from rdflib import Graph
    from rdflib.plugins.serializers.nt import _nt_row

    from diplograph.resources import ontology_file

    return "".join(_nt_row(triple) for triple in Graph().parse(ontology_file(), format="turtle")).encode("utf-8")


_RULE_STORES: dict[int, list] = {}
_RULE_STORE_TRIPLES = 10_000  # about 17 document graphs of real-length texts


def _rule_store(triples: int) -> object:
    """This process's Oxigraph store for the SPARQL rules: the OWL file in a named graph.

    Per process (keyed by pid) because build workers are forked: a store is never shared
    across a fork. Each document goes into the default graph and is cleared afterwards.
    Renewed once :data:`_RULE_STORE_TRIPLES` triples have gone through it (``triples``: the
    size of the graph about to be loaded): an in-memory store keeps what was cleared, and
    measured, its queries got 2x slower over 500 documents (validation was no longer linear);
    counted in triples, not graphs, since a batch of the corpus graph is ~20 document graphs.
    Why 10,000: the slowdown starts at once (each clear leaves the cleared quads behind), and a
    new store costs only the OWL file's bulk load (~2 ms); over the 67 texts of tests/texts
    (~600 triples each) the rules took 0.28 s with a store renewed every 80,000 triples (never,
    in that build), 0.24 s every 10,000, 0.25 s every 2,500.
    """
    import os

    import pyoxigraph

    entry = _RULE_STORES.get(os.getpid())
    if entry is None or entry[1] >= _RULE_STORE_TRIPLES:
        store = pyoxigraph.Store()
        store.bulk_load(_ontology_ntriples(), format=pyoxigraph.RdfFormat.N_TRIPLES,
                        to_graph=pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)))
        _RULE_STORES.clear()
        entry = _RULE_STORES[os.getpid()] = [store, 0]
    entry[1] += triples
    return entry[0]


def sparql_findings(data: Graph, rules: Sequence[SparqlRule], report: Graph,
                     turtle: str | None = None, checks: Sequence = ()) -> list[Finding]:
    """Run the node-level SPARQL rules and the data rules on Oxigraph; add W3C result nodes to ``report``.

    ``checks``: :class:`diplograph.data_rules.DataRule` to run on the same loaded document.

    The rules see the data plus the OWL file (its rdfs:subClassOf make class targets
    include subclasses, as pySHACL's ont_graph mixing does); no vocabulary instances, as in
    pySHACL. ``turtle``: the data already serialised (the build has it), parsed by
    Oxigraph instead of writing N-Triples from rdflib.
    """
    import pyoxigraph

    if not rules and not checks:
        return []
    store = _rule_store(len(data))
    default = pyoxigraph.DefaultGraph()
    # The default graph is empty here: a store starts without it and every use clears it (finally).
    # Not cleared again first: even an empty graph's clear costs ~0.5-1 ms in a used in-memory store.
    try:
        if turtle is not None:
            store.load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)  # type: ignore[attr-defined]
        else:
            from rdflib.plugins.serializers.nt import _nt_row

            lines = "".join([_nt_row(triple) for triple in data]).encode("utf-8")
            store.bulk_load(lines, format=pyoxigraph.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]
        closed = not _states_subclasses(data)
        return _rule_results(store, rules, report, closed) + _check_results(store, checks, report)
    finally:
        store.clear_graph(default)  # type: ignore[attr-defined]


def _check_results(store: object, checks: Sequence, report: Graph) -> list[Finding]:
    """Each row of a data rule as a result at the rule's severity (focus: the row's first column).

    Reported as SHACL-SPARQL results (sh:SPARQLConstraintComponent) whose source shape is the
    rule's IRI, ``dgsh:check-<name>``; sh:value is the second column when there is one.
    """
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import RDF, SH

    from diplograph.rdfio import to_rdflib

    report_node = report.value(None, RDF.type, SH.ValidationReport) if len(report) else None
    findings = []
    for rule in checks:
        solutions = store.query(rule.query, use_default_graph_as_union=True)  # type: ignore[attr-defined]
        variables = [v.value for v in solutions.variables]
        rows = {tuple(to_rdflib(solution[v]) if solution[v] is not None else None for v in variables)
                for solution in solutions}
        for row in sorted(rows, key=lambda r: tuple(str(t) for t in r)):
            focus = row[0]
            if focus is None:
                continue
            value = row[1] if len(row) > 1 else None
            findings.append(Finding(focus=show_term(focus), path="", value=show_term(value),
                                    shape=show_term(URIRef(rule.iri)), severity=rule.severity, message=rule.summary))
            node = BNode()
            report.add((node, RDF.type, SH.ValidationResult))
            report.add((node, SH.focusNode, focus))
            report.add((node, SH.resultSeverity, URIRef(severity_iri(rule.severity))))
            report.add((node, SH.sourceShape, URIRef(rule.iri)))
            report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            report.add((node, SH.resultMessage, Literal(rule.summary, lang="en")))
            if value is not None:
                report.add((node, SH.value, value))
            if report_node is not None:
                report.add((report_node, SH.result, node))
    return findings


def _rule_results(store: object, rules: Sequence[SparqlRule], report: Graph, closed: bool = False) -> list[Finding]:
    import re

    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import RDF, SH

    from diplograph.rdfio import to_rdflib  # the one oxigraph -> rdflib boundary (xsd:string made plain)

    report_node = report.value(None, RDF.type, SH.ValidationReport) if len(report) else None
    findings = []
    for rule in rules:
        query = closed_query(rule) if closed else rule.query
        solutions = store.query(query, use_default_graph_as_union=True)  # type: ignore[attr-defined]
        variables = [v.value for v in solutions.variables]
        seen = set()
        for solution in solutions:
            bound = {name: to_rdflib(solution[name]) for name in variables if solution[name] is not None}
            focus = bound.get("this")
            value = bound.get("value", focus)
            path = bound.get("path")
            key = (focus, path, value, tuple(sorted((k, str(v)) for k, v in bound.items())))
            if focus is None or key in seen:
                continue
            seen.add(key)
            texts = []
            for message in rule.messages:
                text = str(message)
                for name, term in bound.items():
                    text = re.sub("{[?$]" + re.escape(name) + "}", lambda _m, t=term: str(t), text)
                texts.append(Literal(text, lang=message.language))
            chosen = sorted(texts, key=lambda m: (m.language != "en", str(m)))
            findings.append(Finding(
                focus=show_term(focus), path=show_term(path), value=show_term(value), shape=show_term(rule.shape),
                severity=rule.severity, message=str(chosen[0]) if chosen else "",
            ))
            node = BNode()
            report.add((node, RDF.type, SH.ValidationResult))
            report.add((node, SH.focusNode, focus))
            report.add((node, SH.resultSeverity, URIRef(severity_iri(rule.severity))))
            report.add((node, SH.sourceShape, rule.shape))
            report.add((node, SH.sourceConstraint, rule.constraint))
            report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            if value is not None:
                report.add((node, SH.value, value))
            if path is not None:
                report.add((node, SH.resultPath, path))
            for text in texts:
                report.add((node, SH.resultMessage, text))
            if report_node is not None:
                report.add((report_node, SH.result, node))
    return findings
