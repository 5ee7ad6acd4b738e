"""SHACL validation reports: findings, severities, and the report in text, Turtle and JSON.

Split from :mod:`diplograph.check` (which runs the engines): what a report *says* is one
idea. Every format says the same thing: the Turtle is the W3C ``sh:ValidationReport`` graph
itself, the JSON gives each result's RDF terms typed as in the W3C SPARQL 1.1 JSON results
format, the text is for people.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from diplograph.errors import UsageError

if TYPE_CHECKING:
    from rdflib import Graph

SEVERITIES = ("Violation", "Warning", "Info")  # most to least severe
FAIL_ON = {"violation": 1, "warning": 2, "info": 3}  # how many of SEVERITIES count as failures
SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def severity_name(iri: object) -> str:
    """``Violation``/``Warning``/``Info`` for SHACL's own severities, the full IRI for any other.

    SHACL allows any IRI as a severity (sh:severity ex:MySeverity); such a result is counted
    and shown under its own IRI, and ranks with sh:Info for ``--fail-on``.
    """
    text = str(iri) if iri is not None else SH + "Violation"
    local = text[len(SH):] if text.startswith(SH) else None
    return local if local in SEVERITIES else text


def severity_iri(name: str) -> str:
    """The IRI of a severity as :func:`severity_name` writes it."""
    return SH + name if name in SEVERITIES else name


def severity_rank(name: str) -> int:
    """1 for Violation, 2 for Warning, 3 for Info and every custom severity (``FAIL_ON``'s scale)."""
    return SEVERITIES.index(name) + 1 if name in SEVERITIES else FAIL_ON["info"]


def fail_on_level(fail_on: str) -> int:
    """The rank at and above which results count as failures (``--fail-on`` violation|warning|info)."""
    try:
        return FAIL_ON[fail_on]
    except KeyError:
        raise UsageError(f"unknown --fail-on level {fail_on!r} (use {', '.join(FAIL_ON)})") from None


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

    ``conforms`` is true when there is no result at all, whatever its severity: that is
    SHACL's definition (section 3.6.1; Jena and the W3C test suite agree), so a report never
    says "conforms" beside a warning. Whether a warning fails a command is the separate
    ``--fail-on`` choice, applied by :meth:`failing`.
    """

    conforms: bool
    results: list[Finding] = field(default_factory=list)
    graph: Graph | None = None

    def counts(self) -> dict[str, int]:
        """Number of results per severity: the three of SHACL, then any custom severity IRI."""
        counts = {sev: 0 for sev in SEVERITIES}
        for r in self.results:
            counts[r.severity] = counts.get(r.severity, 0) + 1
        return counts

    def failing(self, fail_on: str = "violation") -> list[Finding]:
        """The results that count as failures at the given level (violation|warning|info)."""
        level = fail_on_level(fail_on)
        return [r for r in self.results if severity_rank(r.severity) <= level]

    def text(self) -> str:
        """Human-readable report: a summary line, then one line per result."""
        counts = self.counts()
        head = "Conforms" if self.conforms else "Does not conform"
        summary = ", ".join(f"{n} {sev.lower()}{'s' if n != 1 else ''}" if sev in SEVERITIES else f"{n} <{sev}>"
                            for sev, n in counts.items())
        lines = [f"{head}: {summary}"]
        for r in self.results:
            value = r.value if len(r.value) <= 80 else r.value[:77] + "..."
            where = f" {r.path}" if r.path else ""
            shown = f" = {value}" if value and r.value != r.focus else ""
            lines.append(f"{r.severity}: {r.focus}{where}{shown}: {r.message} [{r.shape}]")
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        """Machine-readable report: each result's RDF terms typed, keyed by SHACL's own names.

        A term is an object as in the W3C SPARQL 1.1 JSON results format (``{"type": "uri" |
        "literal" | "bnode", "value": ..., "datatype" | "xml:lang": ...}``), so a program tells
        the string "x" from the IRI <x>. A blank-node ``resultPath`` also gets ``path``, the
        path in SPARQL 1.1 property path syntax. ``severity`` and ``message`` repeat the short
        severity name (as in ``counts``) and the English message, for convenience.
        """
        payload = {
            "conforms": self.conforms,
            "counts": self.counts(),
            "results": _json_results(self.graph) if self.graph is not None else [],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def turtle(self) -> str:
        """The W3C SHACL validation report graph (sh:ValidationReport) as Turtle, sh: prefixed.

        Blank nodes are relabelled canonically first, so the same report gives the same bytes.
        """
        from rdflib import Graph
        from rdflib.compare import to_canonical_graph

        from diplograph.namespaces import PREFIXES

        canonical = Graph()
        for name, namespace in PREFIXES.items():
            canonical.bind(name, namespace, override=True, replace=True)
        canonical.bind("sh", SH, override=True, replace=True)
        for triple in to_canonical_graph(self.graph) if self.graph is not None else ():
            canonical.add(triple)
        return canonical.serialize(format="turtle")

    def render(self, fmt: str) -> str:
        """Text, turtle or json rendering by name."""
        renderers = {"text": self.text, "turtle": self.turtle, "json": self.json}
        if fmt not in renderers:
            raise UsageError(f"unknown report format {fmt!r} (use text, turtle or json)")
        return renderers[fmt]()


def show_term(term: object) -> str:
    """A term for people (and the text report): a prefixed name, a literal's text, or a placeholder."""
    from rdflib import BNode, Literal, URIRef

    from diplograph.serialize import term_turtle

    if term is None:
        return ""
    if isinstance(term, BNode):
        return "[complex path]"
    if isinstance(term, Literal | URIRef):
        return term_turtle(term) if isinstance(term, URIRef) else str(term)
    return str(term)


def show_path(graph: Graph, path: object) -> str:
    """A result path for people: a prefixed predicate, or a blank-node path in SPARQL syntax."""
    from rdflib import BNode

    return sparql_path(graph, path) if isinstance(path, BNode) else show_term(path)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first, then by focus node (digits as numbers), deterministic."""
    from diplograph.serialize import natural_key

    return sorted(findings, key=lambda f: (severity_rank(f.severity), f.severity, natural_key(f.focus), f))


def json_term(term: object, labels: dict) -> dict[str, str]:
    """An RDF term as a W3C SPARQL 1.1 JSON results term (blank nodes labelled via ``labels``)."""
    from rdflib import BNode, Literal

    if isinstance(term, BNode):
        return {"type": "bnode", "value": labels.setdefault(term, f"b{len(labels)}")}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != XSD_STRING:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "uri", "value": str(term)}


def sparql_path(graph: Graph, node: object) -> str:
    """A SHACL property path (a predicate or a blank-node path) in SPARQL 1.1 syntax."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    if isinstance(node, URIRef):
        return f"<{node}>"
    if not isinstance(node, BNode):
        return str(node)
    if graph.value(node, RDF.first) is not None:
        return "(" + "/".join(sparql_path(graph, step) for step in Collection(graph, node)) + ")"
    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    for key, wrap in (("inversePath", "^{}"), ("zeroOrMorePath", "{}*"), ("oneOrMorePath", "{}+"),
                      ("zeroOrOnePath", "{}?")):
        inner = graph.value(node, sh(key))
        if inner is not None:
            return wrap.format(sparql_path(graph, inner))
    alternatives = graph.value(node, sh("alternativePath"))
    if alternatives is not None:
        return "(" + "|".join(sparql_path(graph, a) for a in Collection(graph, alternatives)) + ")"
    return "_:path"


_RESULT_KEYS = ("focusNode", "resultPath", "value", "sourceShape", "sourceConstraint", "sourceConstraintComponent",
                "resultSeverity")


def _json_results(graph: Graph) -> list[dict]:
    """The sh:result nodes of a report graph as JSON objects, in a deterministic order."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDF

    from diplograph.serialize import natural_key

    sh = lambda name: URIRef(SH + name)  # noqa: E731 - local shorthand
    reports = set(graph.subjects(RDF.type, sh("ValidationReport")))
    rows = []
    for result in {r for report in reports for r in graph.objects(report, sh("result"))}:
        terms = {key: graph.value(result, sh(key)) for key in _RESULT_KEYS}
        messages = sorted(graph.objects(result, sh("resultMessage")), key=lambda m: (m.language != "en", str(m)))
        path = terms["resultPath"]
        shown = {key: ("" if isinstance(t, BNode) else str(t)) for key, t in terms.items() if t is not None}
        severity = severity_name(terms["resultSeverity"])
        order = (severity_rank(severity), severity, natural_key(shown.get("focusNode", "")),
                 sparql_path(graph, path) if path is not None else "", sorted(shown.items()),
                 [str(m) for m in messages])
        rows.append((order, terms, messages, path))
    rows.sort(key=lambda row: row[0])
    labels: dict = {}  # blank nodes numbered in the order they are met: the same report, the same labels
    out = []
    for _, terms, messages, path in rows:
        item: dict = {key: json_term(t, labels) for key, t in terms.items() if t is not None}
        item["resultMessage"] = [json_term(m, labels) for m in messages]
        if isinstance(path, BNode):
            item["path"] = sparql_path(graph, path)
        item["severity"] = severity_name(terms["resultSeverity"])
        item["message"] = str(messages[0]) if messages else ""
        out.append(item)
    return out
