"""SPARQL query results and their formats: the W3C SPARQL 1.1 results formats and a table for people.

Why written here rather than taken from a library: a :class:`Result` holds rdflib terms (the rdflib
engine, remote endpoints) or pyoxigraph terms (the Oxigraph path of ``diplograph query``, which
imports no rdflib), and must come out byte-identical either way; rdflib's writers need an rdflib
Result, and pyoxigraph's need a pyoxigraph one. Only the standard library is imported at module
level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from diplograph.errors import UsageError

if TYPE_CHECKING:
    from rdflib.term import Identifier

FORMATS = ("table", "csv", "tsv", "json", "xml")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@dataclass
class Result:
    """A query answer as rdflib terms: SELECT rows, an ASK boolean or CONSTRUCT triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Identifier, Identifier, Identifier]] = field(default_factory=list)



# The writers below take rdflib terms (rdflib engine, endpoints) and pyoxigraph terms (the
# Oxigraph path of `diplograph query`, which imports no rdflib): these three helpers tell them apart.


def term_value(term: Any) -> str:
    """The lexical value: an IRI without brackets, a literal's text, a blank node's label."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal):
        return str(term.value)
    return str(term)


def _literal_parts(term: Any) -> tuple[str, str | None, str | None]:
    """(text, language, datatype) of a literal; the datatype is None for plain and xsd:string ones."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        return term.value, term.language, None if term.language or datatype == XSD_STRING else datatype
    datatype = str(term.datatype) if term.datatype is not None and str(term.datatype) != XSD_STRING else None
    return str(term), term.language, datatype


def term_kind(term: Any) -> str:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return "uri"
    if isinstance(term, pyoxigraph.BlankNode):
        return "bnode"
    if isinstance(term, pyoxigraph.Literal):
        return "literal"
    from rdflib import BNode, URIRef

    if isinstance(term, URIRef):
        return "uri"
    if isinstance(term, BNode):
        return "bnode"
    return "literal"


def to_json(result: Result) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    import json

    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2) + "\n"
    bindings = []
    for row in result.rows:
        item: dict[str, dict[str, str]] = {}
        for name, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            kind = term_kind(term)
            if kind != "literal":
                item[name] = {"type": kind, "value": term_value(term)}
                continue
            value, lang, datatype = _literal_parts(term)
            item[name] = {"type": "literal", "value": value}
            if lang:
                item[name]["xml:lang"] = lang
            elif datatype:
                item[name]["datatype"] = datatype
        bindings.append(item)
    data = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_xml(result: Result) -> str:
    """W3C SPARQL Query Results XML Format (second edition)."""
    from xml.sax.saxutils import escape as xml_escape  # imports urllib: only when XML is asked for
    from xml.sax.saxutils import quoteattr

    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{RESULTS_NS}">', "  <head>"]
    if result.kind == "ask":
        out += ["  </head>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"    <variable name={quoteattr(name)}/>" for name in result.variables]
    out += ["  </head>", "  <results>"]
    for row in result.rows:
        out.append("    <result>")
        for name, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            kind = term_kind(term)
            if kind == "uri":
                inner = f"<uri>{xml_escape(term_value(term))}</uri>"
            elif kind == "bnode":
                inner = f"<bnode>{xml_escape(term_value(term))}</bnode>"
            else:
                value, lang, datatype = _literal_parts(term)
                attr = f" xml:lang={quoteattr(lang)}" if lang else (
                    f" datatype={quoteattr(datatype)}" if datatype else "")
                inner = f"<literal{attr}>{xml_escape(value)}</literal>"
            out.append(f"      <binding name={quoteattr(name)}>{inner}</binding>")
        out.append("    </result>")
    out += ["  </results>", "</sparql>"]
    return "\n".join(out) + "\n"


def csv_value(term: Any) -> str:
    if term is None:
        return ""
    return ("_:" + term_value(term)) if term_kind(term) == "bnode" else term_value(term)


def to_csv(result: Result) -> str:
    """W3C SPARQL 1.1 CSV results: lexical values only, RFC 4180 quoting, CRLF line ends."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([csv_value(term) for term in row])
    return buffer.getvalue()


def _turtle_string(value: str) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def term_to_sparql(term: Any) -> str:
    """A term in SPARQL/Turtle syntax, on one line (as TSV results need)."""
    kind = term_kind(term)
    if kind == "uri":
        return f"<{term_value(term)}>"
    if kind == "bnode":
        return f"_:{term_value(term)}"
    value, lang, datatype = _literal_parts(term)
    if lang:
        return f"{_turtle_string(value)}@{lang}"
    if datatype:
        return f"{_turtle_string(value)}^^<{datatype}>"
    return _turtle_string(value)


def to_tsv(result: Result) -> str:
    """W3C SPARQL 1.1 TSV results: ``?var`` header, terms in SPARQL syntax, LF line ends."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + name for name in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if term is None else term_to_sparql(term) for term in row))
    return "\n".join(lines) + "\n"


def _short(term: Any, prefixes: Sequence[tuple[str, str]]) -> str:
    if term is None:
        return ""
    kind = term_kind(term)
    if kind == "literal":
        return " ".join(term_value(term).split())
    if kind == "bnode":
        return "_:" + term_value(term)
    text = term_value(term)
    for prefix, namespace in prefixes:
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def to_table(result: Result, max_width: int = 60) -> str:
    """A plain-text table for people: IRIs shortened with the diplograph prefixes."""
    from diplograph.iris import PREFIXES

    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    # Longest namespace first so that id: wins over a shorter prefix of the same IRI.
    prefixes = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
    cells = [[_short(term, prefixes) for term in row] for row in result.rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [len(name) for name in result.variables]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def to_ntriples(result: Result) -> str:
    """CONSTRUCT/DESCRIBE answers: sorted N-Triples, whatever the requested format."""
    lines = [" ".join(term_to_sparql(t) for t in triple) + " ." for triple in result.triples]
    return "\n".join(sorted(lines)) + ("\n" if lines else "")


def format_result(result: Result, fmt: str) -> str:
    """Serialise a result in one of FORMATS."""
    if result.kind == "graph":
        return to_ntriples(result)
    writers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    try:
        return writers[fmt](result)
    except KeyError:
        raise UsageError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})") from None
