"""Checking graphs: OWL RL closure (kept apart) and SHACL validation.

Why the closure is kept apart: the asserted document graphs are what the extractor
claims and what reviewers read in graph/; the entailments (``dg:Meeting`` -> ``sem:Event``,
inverse properties, ...) are derivable at any time and would triple the size of the
diffs. So :func:`reason` returns *only* what OWL RL adds, and validation runs on asserted
data unless the caller asks for inference.

Why the TBox closure is cached: the ontology and vocabularies are the same for every
document and their own OWL RL closure is the expensive part of each run, so it is
computed once per process and every document's closure starts from it.

pySHACL runs on plain rdflib graphs only; its Oxigraph backend reported false ``sh:in``
violations in our measurements, so it is never used here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import InputError, UsageError
from diplograph.namespaces import INFERRED_GRAPH
from diplograph.shacl_report import (  # noqa: F401 - re-exported: callers import the report types from here
    FAIL_ON,
    SEVERITIES,
    Finding,
    Report,
    fail_on_level,
    severity_iri,
    severity_name,
    severity_rank,
    show_path,
    show_term,
    sort_findings,
)
from diplograph.shacl_sparql import SparqlRule, separate_sparql_rules, sparql_findings

if TYPE_CHECKING:
    from rdflib import Graph

INFERENCE_MODES = ("none", "rdfs", "owlrl")
SH = "http://www.w3.org/ns/shacl#"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"


def _parse(path: Path, *, normalize: bool = True) -> Graph:
    """Parse a Turtle file; ``normalize=False`` keeps literals' lexical forms as written.

    rdflib rewrites literals to their canonical form by default ("1"^^xsd:boolean becomes
    "true"); a shapes graph must keep them, since SHACL tests terms, not values (e.g. only
    the literal true switches sh:uniqueLang on). rdflib has no per-parse switch, only the
    module flag, so it is set around this one parse.
    """
    import rdflib
    from rdflib import Graph

    if not path.is_file():
        raise InputError(f"{path}: missing (broken install? the ontology folder ships with diplograph)")
    saved = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = normalize
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # parser errors of many types
        raise InputError(f"{path}: malformed Turtle: {' '.join(str(exc).split())[:300]}") from exc
    finally:
        rdflib.NORMALIZE_LITERALS = saved


@cache
def ontology_graph() -> Graph:
    """The OWL TBox plus every vocabulary/gazetteer file, parsed once per process."""
    from rdflib import Graph

    from diplograph.resources import ontology_file, vocab_files

    graph = Graph()
    for path in [ontology_file(), *vocab_files()]:
        graph += _parse(path)
    return graph


@cache
def shapes_graph(path: Path | None = None) -> Graph:
    """The SHACL shapes (the shipped ones unless ``path``), parsed once per process."""
    if path is None:
        return _shipped_shapes()[0]
    return _parse(path, normalize=False)


@cache
def _shipped_shapes() -> tuple[Graph, tuple[Graph, tuple[SparqlRule, ...]]]:
    """The shipped shapes graph and its :func:`split_shapes`, kept in the user cache between processes.

    Why: rdflib's parse of shapes.ttl and the split cost ~0.04 s of CPU at the start of every build
    and validate, for a file that changes only with the install; unpickling them costs ~0.006 s.
    Literals are read back with rdflib's normalisation off, as :func:`_parse` reads them (a pickled
    Literal is rebuilt from its lexical form, which normalisation would rewrite).
    """
    import rdflib

    from diplograph import shacl_sparql
    from diplograph.pickle_cache import cached
    from diplograph.resources import shapes_file

    saved = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        return cached("shapes", lambda: [Path(__file__), Path(shacl_sparql.__file__), shapes_file()],
                      _make_shipped_shapes)
    finally:
        rdflib.NORMALIZE_LITERALS = saved


def _make_shipped_shapes() -> tuple[Graph, tuple[Graph, tuple[SparqlRule, ...]]]:
    from diplograph.resources import shapes_file

    graph = _parse(shapes_file(), normalize=False)
    return graph, separate_sparql_rules(graph)


@cache
def _tbox_closure() -> frozenset:
    """OWL RL closure of the ontology alone (computed once per process, reused per document).

    Only the OWL file: the vocabulary files hold instance data (concepts, gazetteer) and
    no RDFS/OWL axiom, and letting owlrl iterate over their ~6k triples for every
    document made reasoning 4x slower. What they say about the things a document
    references is added per document in :func:`reason`.
    """
    from rdflib import Graph

    from diplograph.resources import ontology_file

    graph = Graph()
    graph += _parse(ontology_file())
    _expand(graph)
    return frozenset(graph)


def _expand(graph: Graph) -> None:
    import owlrl

    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(graph)


def reasoning_input(graphs: Graph | Iterable[Graph]) -> tuple[Graph, set, Graph]:
    """(data, background, start): what an OWL RL reasoner is given for some document graphs.

    ``background`` is the vocabulary/gazetteer triples about the IRIs the data mentions;
    ``start`` is the ontology's own closure (cached) plus the data plus the background.
    Shared by :func:`reason` and the benchmark that runs ``reasonable`` on the same input.
    """
    from rdflib import Graph, URIRef

    data = Graph()
    for graph in [graphs] if isinstance(graphs, Graph) else graphs:
        for triple in graph:
            data.add(triple)
    vocab = ontology_graph()
    nodes = {term for triple in data for term in (triple[0], triple[2]) if isinstance(term, URIRef)}
    background = {triple for node in nodes for triple in vocab.triples((node, None, None))}
    start = Graph()
    for triple in _tbox_closure():
        start.add(triple)
    for triple in data:
        start.add(triple)
    for triple in background:
        start.add(triple)
    return data, background, start


def reason(graphs: Graph | Iterable[Graph]) -> Graph:
    """The triples OWL RL infers from data + ontology + vocabularies, and nothing else.

    The vocabulary/gazetteer triples about the IRIs the data mentions are added as
    background. Removed from the result: everything asserted (data and background),
    everything in the ontology's own closure (it says nothing about the documents),
    reflexive ``owl:sameAs`` and triples whose subject is a literal (owlrl artefacts that
    other reasoners do not produce).
    """
    from rdflib import Graph, Literal, URIRef

    from diplograph.namespaces import PREFIXES

    data, background, work = reasoning_input(graphs)
    closure = _tbox_closure()
    _expand(work)
    same_as = URIRef(OWL_SAMEAS)
    inferred = Graph(identifier=INFERRED_GRAPH)
    for name, ns in PREFIXES.items():
        inferred.bind(name, ns, override=True, replace=True)
    for s, p, o in work:
        if isinstance(s, Literal) or (p == same_as and s == o):
            continue
        if (s, p, o) in closure or (s, p, o) in data or (s, p, o) in background:
            continue
        inferred.add((s, p, o))
    return inferred


def _shape_name(shape: object, shapes: Graph | None = None) -> str:
    """A shape for people: its name, or ``<node shape>/<path>`` for an inline property shape."""
    from rdflib import BNode
    from rdflib.namespace import SH

    if not isinstance(shape, BNode):
        return show_term(shape)
    shapes = shapes if shapes is not None else shapes_graph()
    parent = shapes.value(None, SH.property, shape)
    path = shapes.value(shape, SH.path)
    if parent is not None and not isinstance(parent, BNode):
        return show_term(parent) + ("/" + show_path(shapes, path) if path is not None else "")
    return "[inline shape]"


def _reported_shape_name(results: Graph, result: object, data: Graph | None) -> str:
    """:func:`_shape_name` of a pySHACL result's source shape.

    pySHACL reports inline property shapes under blank nodes of its own copy of the shapes
    graph; the shape is found again in ours as the one inline property shape with the same
    path and messages whose node shape targets a class of the focus node (when exactly one
    matches), so both engines name it the same way.
    """
    from rdflib import BNode
    from rdflib.namespace import SH

    shape = results.value(result, SH.sourceShape)
    shapes = shapes_graph()
    path = results.value(result, SH.resultPath)
    if not isinstance(shape, BNode) or (None, SH.property, shape) in shapes or path is None:
        return _shape_name(shape)
    messages = set(results.objects(result, SH.resultMessage))
    candidates = {c for c, p in shapes.subject_objects(SH.path)  # a complex path is a copy too: match by kind
                  if isinstance(c, BNode) and (p == path or isinstance(p, BNode) and isinstance(path, BNode))
                  and set(shapes.objects(c, SH.message)) == messages}
    if len(candidates) > 1 and data is not None:
        from rdflib.namespace import RDF

        types = set(data.objects(results.value(result, SH.focusNode), RDF.type))
        candidates = {c for c in candidates if any(types & set(shapes.objects(parent, SH.targetClass))
                                                   for parent in shapes.subjects(SH.property, c))}
    return _shape_name(candidates.pop()) if len(candidates) == 1 else _shape_name(shape)


def _findings(results: Graph, data: Graph | None = None) -> list[Finding]:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    found = []
    # Only the report's own results: pySHACL also types the nested sh:detail results of an
    # sh:node failure as sh:ValidationResult, but SHACL reports them under the outer result.
    reports = set(results.subjects(RDF.type, sh("ValidationReport")))
    top = {r for report in reports for r in results.objects(report, sh("result"))}
    for result in sorted(top):
        messages = sorted(results.objects(result, sh("resultMessage")), key=lambda m: (m.language != "en", m))
        severity = results.value(result, sh("resultSeverity"))
        found.append(Finding(
            focus=show_term(results.value(result, sh("focusNode"))),
            path=show_path(results, results.value(result, sh("resultPath"))),
            value=show_term(results.value(result, sh("value"))),
            shape=_reported_shape_name(results, result, data),
            severity=severity_name(severity),
            message=str(messages[0]) if messages else "",
        ))
    return found


@cache
def split_shapes(path: Path | None = None) -> tuple[Graph, tuple[SparqlRule, ...]]:
    """The shapes (the shipped ones unless ``path``) without their node-level SHACL-SPARQL
    constraints, and those constraints (see :func:`diplograph.shacl_sparql.separate_sparql_rules`)."""
    if path is None:
        return _shipped_shapes()[1]
    return separate_sparql_rules(shapes_graph(path))


ENGINES = ("auto", "native", "pyshacl")


def _pyshacl(target: Graph, shacl: Graph, shapes_path: Path | None, inference: str) -> tuple[Graph, list[Finding]]:
    """pySHACL's report graph and findings (a shapes file it cannot load is an input error)."""
    from pyshacl import validate
    from pyshacl.errors import ReportableRuntimeError

    try:
        _, results, _ = validate(
            target,
            shacl_graph=shacl,
            ont_graph=ontology_graph(),
            inference="rdfs" if inference == "rdfs" else "none",
            advanced=True,
            allow_warnings=True,
            allow_infos=True,
        )
    except ReportableRuntimeError as exc:  # ShapeLoadError, ConstraintLoadError, ...
        where = shapes_path or "ontology/shapes.ttl"
        raise InputError(f"{where}: not a valid SHACL shapes graph: {' '.join(str(exc).split())[:300]}") from exc
    return results, _findings(results, target)


@cache
def _check_shapes(path: Path) -> None:
    """Let pySHACL load a user's shapes once, so an invalid file is the same input error on every engine.

    Not for the shipped shapes: tests/test_shapes.py loads them with pySHACL, and this cost
    0.37 s at the start of every build and validate.
    """
    from rdflib import Graph

    _pyshacl(Graph(), split_shapes(path)[0], path, "none")


@cache
def _native_shapes(path: Path | None = None) -> object:
    """The shapes compiled for :mod:`diplograph.shacl` (None when they use features it leaves to pySHACL)."""
    from diplograph.shacl import compile_shapes

    return compile_shapes(split_shapes(path)[0])


@cache
def _ontology_index() -> object:
    """What pySHACL's ``ont_graph`` mixing adds to every data graph, indexed once per process.

    pySHACL's own ``inoculate`` computes it, so both engines see the same classes,
    properties and axioms (and the same subclass hierarchy for targets and sh:class).
    Kept in the user cache between processes (:mod:`diplograph.pickle_cache`): parsing the
    ontology and vocabularies with rdflib and importing pySHACL were ~0.8 s of CPU at every build's start.
    """
    from diplograph import shacl_data
    from diplograph.pickle_cache import cached
    from diplograph.resources import ontology_file, vocab_files

    return cached("ontology-index",
                  lambda: [Path(__file__), Path(shacl_data.__file__), ontology_file(), *vocab_files()],
                  _build_ontology_index)


def _build_ontology_index() -> object:
    from pyshacl.rdfutil.inoculate import inoculate
    from rdflib import Graph

    from diplograph.shacl import Index

    return Index(inoculate(Graph(), ontology_graph()), inverse=True)


def _native_findings(data: Graph, compiled: object, report: Graph, shapes_path: Path | None) -> list[Finding]:
    """Run the compiled core shapes on ``data``; add W3C result nodes to ``report``."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDF, SH

    shapes = shapes_graph(shapes_path)
    report_node = report.value(None, RDF.type, SH.ValidationReport)
    findings = []
    for result in compiled.validate(data, _ontology_index()):  # type: ignore[attr-defined]
        chosen = sorted(result.messages, key=lambda m: (m.language != "en", str(m)))
        findings.append(Finding(
            focus=show_term(result.focus), path=show_path(shapes, result.path), value=show_term(result.value),
            shape=_shape_name(result.shape, shapes), severity=severity_name(result.severity),
            message=str(chosen[0]) if chosen else f"{result.component} not satisfied",
        ))
        node = BNode()
        report.add((report_node, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, result.focus))
        report.add((node, SH.resultSeverity, URIRef(result.severity)))
        report.add((node, SH.sourceShape, result.shape))
        report.add((node, SH.sourceConstraintComponent, URIRef(SH + result.component)))
        if result.value is not None:
            report.add((node, SH.value, result.value))
        if result.path is not None:
            report.add((node, SH.resultPath, result.path))
            if isinstance(result.path, BNode):  # a complex path: copy its structure from the shapes
                todo = [result.path]
                while todo:
                    for s, p, o in shapes.triples((todo.pop(), None, None)):
                        report.add((s, p, o))
                        if isinstance(o, BNode):
                            todo.append(o)
        for message in result.messages:
            report.add((node, SH.resultMessage, message))
    return findings


def warm_validation() -> None:
    """Parse and compile everything validation needs, once, before a build forks its workers."""
    from rdflib import Graph

    validate_graph(Graph())


def _as_graph(triples: Iterable[tuple]) -> Graph:
    from rdflib import Graph

    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def validate_graph(data: Graph | Sequence[tuple], *, inference: str = "none", fast_sparql: bool | None = None,
                   shapes: Path | None = None, engine: str = "auto", turtle: str | None = None,
                   with_checks: bool | None = None) -> Report:
    """SHACL-validate one data graph against the shapes, with the ontology as ont_graph.

    ``engine``: ``native`` is :mod:`diplograph.shacl` (SHACL Core compiled once, ~50x
    faster than pySHACL on a document graph, same results), ``pyshacl`` the reference
    engine, ``auto`` native whenever the shapes stay within its scope.
    ``inference="owlrl"`` adds the inferred triples from :func:`reason` (materialised
    once, cached TBox) rather than letting pySHACL re-run a reasoner; ``"rdfs"`` is
    pySHACL's own RDFS expansion (then every constraint runs inside pySHACL).
    ``fast_sparql=False`` also leaves the SHACL-SPARQL rules to pySHACL (slow; used by the
    test that proves both give the same results); by default it is False for
    ``engine="pyshacl"`` only (the reference runs every constraint itself). ``shapes``: another shapes file than the
    shipped one (a file that is not valid SHACL is an input error naming it). ``data`` may
    be a plain list of triples (what the build has; no rdflib store to fill). ``turtle``:
    ``data`` already serialised as Turtle, if the caller has it (saves re-serialising it
    for the SPARQL rules). ``with_checks``: also run the data rules of queries/checks (by
    default with the shipped shapes only), as SHACL-SPARQL results under dgsh:check-<name>.
    """
    from rdflib import BNode, Graph, Literal
    from rdflib.namespace import RDF, SH

    from diplograph.data_rules import data_rules

    if inference not in INFERENCE_MODES:
        raise UsageError(f"unknown inference {inference!r} (use {', '.join(INFERENCE_MODES)})")
    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine {engine!r} (use {', '.join(ENGINES)})")
    if not isinstance(data, Graph) and (engine == "pyshacl" or inference != "none"):
        data = _as_graph(data)
    target = data
    if inference == "owlrl":
        target = Graph()
        for triple in data:
            target.add(triple)
        for triple in reason(data):
            target.add(triple)
    if fast_sparql is None:
        fast_sparql = engine != "pyshacl"
    split = fast_sparql and inference != "rdfs"
    shapes_path = Path(shapes) if shapes is not None else None
    compiled = None
    if engine != "pyshacl" and split:
        if shapes_path is not None:  # the shipped shapes are checked by the test suite, not at every start
            _check_shapes(shapes_path)
        compiled = _native_shapes(shapes_path)
    if engine == "native" and compiled is None:
        raise UsageError("these shapes use SHACL features the native engine leaves to pySHACL (use --engine pyshacl)")
    shacl, rules = split_shapes(shapes_path) if split else (shapes_graph(shapes_path), ())
    if compiled is None and not isinstance(target, Graph):  # shapes outside the native scope
        target = data = _as_graph(data)
    if compiled is not None:
        results = Graph()
        report_node = BNode()
        results.add((report_node, RDF.type, SH.ValidationReport))
        findings = _native_findings(target, compiled, results, shapes_path)
    else:
        results, findings = _pyshacl(target, shacl, shapes_path, inference)
    if with_checks is None:
        with_checks = shapes_path is None  # the project's data rules go with the project's shapes
    checks = data_rules() if with_checks else ()
    findings = findings + sparql_findings(target, rules, results, turtle if target is data else None, checks)
    if inference != "none":
        findings = _about_the_document(findings, results, data, shapes_graph(shapes_path))
    findings = sort_findings(findings)
    conforms = not findings
    report_node = results.value(None, RDF.type, SH.ValidationReport)
    if report_node is not None:
        results.set((report_node, SH.conforms, Literal(conforms)))
    return Report(conforms=conforms, results=findings, graph=results)


def _about_the_document(findings: list[Finding], results: Graph, data: Graph, shapes: Graph) -> list[Finding]:
    """Keep the results about the document's own nodes (inference-safe validation).

    With ``--inference`` the validated graph is the document plus what follows from it
    *together with* the vocabularies and gazetteer (e.g. ``person dg:holds h`` in the
    gazetteer and the range of dg:holds make ``h`` a dg:RoleHolding). Such a node is the
    gazetteer's, not the document's: judging it would report the gazetteer's modelling as the
    document's fault, once per document. So a result whose focus node the document never
    names (as subject or object) is dropped, unless the shapes target that node by name.
    The corpus graph (graph/_corpus) only points at the documents' nodes (their events, places,
    documents): there, a node is its own only if it describes it (as subject).
    """
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDF, SH

    corpus = (None, RDF.type, URIRef("https://w3id.org/diplograph/ontology#CorpusEvent")) in data
    named = {s for s, _, _ in data} if corpus else {term for s, _, o in data for term in (s, o)}
    named |= set(shapes.objects(None, SH.targetNode))
    foreign = {r for r, focus in results.subject_objects(SH.focusNode)
               if focus not in named and not isinstance(focus, BNode)}
    if not foreign:
        return findings
    dropped = {show_term(results.value(r, SH.focusNode)) for r in foreign}
    for result in foreign:
        results.remove((None, SH.result, result))
        results.remove((result, None, None))
    kept = {show_term(focus) for r, focus in results.subject_objects(SH.focusNode)}
    return [f for f in findings if f.focus not in dropped or f.focus in kept]
