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

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from diplograph.errors import InputError, UsageError
from diplograph.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, VOCAB_GRAPH

if TYPE_CHECKING:
    from rdflib import Graph

INFERENCE_MODES = ("none", "rdfs", "owlrl")
SEVERITIES = ("Violation", "Warning", "Info")  # most to least severe
FAIL_ON = {"violation": 1, "warning": 2, "info": 3}  # how many of SEVERITIES count as failures
SH = "http://www.w3.org/ns/shacl#"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"


def _parse(path: Path) -> Graph:
    from rdflib import Graph

    if not path.is_file():
        raise InputError(f"{path}: missing (broken install? the ontology folder ships with diplograph)")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # parser errors of many types
        raise InputError(f"{path}: malformed Turtle: {' '.join(str(exc).split())[:300]}") from exc


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
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once per process."""
    from diplograph.resources import shapes_file

    return _parse(shapes_file())


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

    data = Graph()
    for graph in [graphs] if isinstance(graphs, Graph) else graphs:
        for triple in graph:
            data.add(triple)
    closure = _tbox_closure()
    vocab = ontology_graph()
    nodes = {term for triple in data for term in (triple[0], triple[2]) if isinstance(term, URIRef)}
    background = {triple for node in nodes for triple in vocab.triples((node, None, None))}
    work = Graph()
    for triple in closure:
        work.add(triple)
    for triple in data:
        work.add(triple)
    for triple in background:
        work.add(triple)
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


class Finding(NamedTuple):
    """One SHACL result, as plain strings (focus, path, value, shape, severity, message)."""

    focus: str
    path: str
    value: str
    shape: str
    severity: str
    message: str


@dataclass
class Report:
    """A SHACL validation report with text, Turtle and JSON renderings.

    ``conforms`` is true when no result has severity Violation (warnings and infos are
    reported but do not break conformance, as in SHACL's own definition with pySHACL's
    ``allow_warnings``); :meth:`failing` applies a stricter ``--fail-on`` level.
    """

    conforms: bool
    results: list[Finding] = field(default_factory=list)
    graph: Graph | None = None

    def counts(self) -> dict[str, int]:
        """Number of results per severity."""
        return {sev: sum(1 for r in self.results if r.severity == sev) for sev in SEVERITIES}

    def failing(self, fail_on: str = "violation") -> list[Finding]:
        """The results that count as failures at the given level (violation|warning|info)."""
        try:
            counted = SEVERITIES[: FAIL_ON[fail_on]]
        except KeyError:
            raise UsageError(f"unknown --fail-on level {fail_on!r} (use {', '.join(FAIL_ON)})") from None
        return [r for r in self.results if r.severity in counted]

    def text(self) -> str:
        """Human-readable report: a summary line, then one line per result."""
        counts = self.counts()
        head = "Conforms" if self.conforms else "Does not conform"
        summary = ", ".join(f"{n} {sev.lower()}{'s' if n != 1 else ''}" for sev, n in counts.items())
        lines = [f"{head}: {summary}"]
        for r in self.results:
            value = r.value if len(r.value) <= 80 else r.value[:77] + "..."
            where = f" {r.path}" if r.path else ""
            shown = f" = {value}" if value else ""
            lines.append(f"{r.severity}: {r.focus}{where}{shown}: {r.message} [{r.shape}]")
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        """Machine-readable report."""
        payload = {
            "conforms": self.conforms,
            "counts": self.counts(),
            "results": [r._asdict() for r in self.results],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def turtle(self) -> str:
        """The W3C SHACL validation report graph (sh:ValidationReport), canonical Turtle."""
        from rdflib import Graph

        from diplograph.serialize import to_turtle

        return to_turtle(self.graph if self.graph is not None else Graph())

    def render(self, fmt: str) -> str:
        """Text, turtle or json rendering by name."""
        renderers = {"text": self.text, "turtle": self.turtle, "json": self.json}
        if fmt not in renderers:
            raise UsageError(f"unknown report format {fmt!r} (use text, turtle or json)")
        return renderers[fmt]()


def _show(term: object) -> str:
    from rdflib import BNode, Literal, URIRef

    from diplograph.serialize import term_turtle

    if term is None:
        return ""
    if isinstance(term, BNode):
        return "[complex path]"
    if isinstance(term, Literal | URIRef):
        return term_turtle(term) if isinstance(term, URIRef) else str(term)
    return str(term)


def _findings(results: Graph) -> list[Finding]:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    found = []
    for result in results.subjects(RDF.type, sh("ValidationResult")):
        messages = sorted(results.objects(result, sh("resultMessage")), key=lambda m: (m.language != "en", m))
        severity = results.value(result, sh("resultSeverity"))
        found.append(Finding(
            focus=_show(results.value(result, sh("focusNode"))),
            path=_show(results.value(result, sh("resultPath"))),
            value=_show(results.value(result, sh("value"))),
            shape=_show(results.value(result, sh("sourceShape"))),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            message=str(messages[0]) if messages else "",
        ))
    return found


def _sort(findings: Iterable[Finding]) -> list[Finding]:
    from diplograph.serialize import natural_key

    rank = {sev: i for i, sev in enumerate(SEVERITIES)}
    return sorted(set(findings), key=lambda f: (rank.get(f.severity, 9), natural_key(f.focus), f))


def validate_graph(data: Graph, *, inference: str = "none") -> Report:
    """SHACL-validate one data graph against the shapes, with the ontology as ont_graph.

    ``inference="owlrl"`` adds the inferred triples from :func:`reason` (materialised
    once, cached TBox) rather than letting pySHACL re-run a reasoner; ``"rdfs"`` is
    pySHACL's own RDFS expansion.
    """
    from pyshacl import validate
    from rdflib import Graph

    if inference not in INFERENCE_MODES:
        raise UsageError(f"unknown inference {inference!r} (use {', '.join(INFERENCE_MODES)})")
    target = data
    if inference == "owlrl":
        target = Graph()
        for triple in data:
            target.add(triple)
        for triple in reason(data):
            target.add(triple)
    conforms, results, _ = validate(
        target,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="rdfs" if inference == "rdfs" else "none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
    )
    findings = _sort(_findings(results))
    return Report(conforms=not any(f.severity == "Violation" for f in findings), results=findings,
                  graph=results)


def validate_files(paths: Sequence[str | Path], *, inference: str = "none") -> Report:
    """Validate RDF files (graph/ by default), one named graph at a time.

    Each document graph is self-contained by design, so it is validated on its own (with
    the ontology); this keeps pySHACL's cost linear in the number of documents. A
    ``graph/inferred`` graph among the inputs is added to every document as context.
    """
    from rdflib import Graph

    from diplograph.rdfio import load_dataset

    dataset = load_dataset(list(paths))
    context = Graph()
    documents: list[Graph] = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0 or graph.identifier in (ONTOLOGY_GRAPH, VOCAB_GRAPH):
            continue
        if graph.identifier == INFERRED_GRAPH:
            context += graph
            continue
        documents.append(graph)
    findings: list[Finding] = []
    merged = Graph()
    for graph in documents:
        data = Graph()
        for triple in graph:
            data.add(triple)
        data += context
        report = validate_graph(data, inference=inference)
        findings.extend(report.results)
        if report.graph is not None:
            merged += report.graph
    if not documents and len(context):
        report = validate_graph(context, inference=inference)
        findings.extend(report.results)
        merged = report.graph if report.graph is not None else merged
    ordered = _sort(findings)
    return Report(conforms=not any(f.severity == "Violation" for f in ordered), results=ordered,
                  graph=merged)
