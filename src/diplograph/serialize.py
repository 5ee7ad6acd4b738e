"""Deterministic RDF writing: the same triples always give the same bytes.

graph/ is committed and reviewed like code, so a rebuild of unchanged input must not
produce a diff. rdflib's Turtle serializer orders subjects by reference count and then by
term, chooses the prefixes it happens to need and is slow on large graphs; its output is
stable for most graphs but not *specified* to be, and its N-Triples/N-Quads writers follow
the store's hash order. So Turtle and TriG are written here, by a small canonical writer:

* the header always declares every prefix of :data:`diplograph.namespaces.PREFIXES`, in
  that order (no dependence on which terms a graph happens to use);
* subjects, predicates and objects are sorted with a *natural* key (``#char=29,46`` comes
  before ``#char=1000,1012``), ``rdf:type`` first, written as ``a``;
* an IRI becomes a prefixed name only when its local part is a plain PN_LOCAL without
  escapes (``dg:Meeting``); ``id:person/...`` would need ``\\/`` escapes that some tools
  mishandle, so such IRIs are written in full;
* graphs with blank nodes are first relabelled canonically (rdflib.compare, RGDA1), so
  even parsed third-party files export deterministically.

N-Triples and N-Quads are rdflib's line encodings, sorted. RDF/XML is written here too
(rdflib's writer follows hash order); JSON-LD comes from rdflib and its (unordered) arrays
are then sorted.

Speed (issue 7): every build writes each document's Turtle, so the writer renders each
distinct term once per call, caches IRI -> prefixed name and natural sort keys across
calls (bounded LRU caches: IRIs of actors, vocabulary and predicates repeat in every
document), and accepts a plain list of triples (``mapper.to_triples``) as well as a Graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

# rdflib is already imported by diplograph.namespaces, so its term classes cost nothing
# extra here; the hot paths below test term types per triple.
from rdflib import BNode, Literal, URIRef

# The text helpers that need no rdflib live in diplograph.iris (the query store is built from
# graph/'s files on the stored-query path, which starts without rdflib); re-exported here.
from diplograph.iris import GENERATED_MARK, natural_key, prefix_header  # noqa: F401
from diplograph.namespaces import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.term import Node

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Formats `export` writes: name -> (file suffix, has named graphs)
EXPORT_FORMATS: dict[str, tuple[str, bool]] = {
    "ttl": (".ttl", False),
    "nt": (".nt", False),
    "nq": (".nq", True),
    "trig": (".trig", True),
    "jsonld": (".jsonld", True),
    "xml": (".rdf", False),
}
SUFFIX_TO_FORMAT = {".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld",
                    ".json": "jsonld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}

_PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*$")
# What an IRIREF cannot hold as it is (_iri writes it as a \uXXXX escape): controls, space and <>"{}|^`\
_IRI_ESCAPED = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# Longest namespace first, so vocab: wins over a shorter prefix of it.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


# For IRIs only (bounded): the same IRIs are sorted in every document and every export,
# while literal texts (whole bodies, sentences) rarely repeat and would only fill memory.
_iri_key = lru_cache(maxsize=1 << 16)(natural_key)


# The namespaces an IRI can be written under, found with one regular expression instead of a
# startswith per prefix (19 of them; IRIs that occur once, such as mention, event and corpus node
# IRIs, miss the cache below and went through the whole list): the alternatives are in
# _BY_LENGTH's order, so the match is the first namespace of that order that starts the IRI; the
# others that start it are exactly those of _NESTED (shorter namespaces that start the one matched).
_NAMESPACE = re.compile("|".join(f"({re.escape(ns)})" for _, ns in _BY_LENGTH))
_NESTED = [[(name, ns) for name, ns in _BY_LENGTH[k:] if outer.startswith(ns)]
           for k, (_, outer) in enumerate(_BY_LENGTH)]


def group_by_subject(triples) -> dict:
    """subject -> predicate -> set of objects: the shape both Turtle writers sort and print (the
    rdflib-term one and the plain-value one of the corpus graph)."""
    by_subject: dict = {}
    for s, p, o in triples:
        predicates = by_subject.get(s)
        if predicates is None:
            by_subject[s] = {p: {o}}
            continue
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = {o}
        else:
            objects.add(o)
    return by_subject


@lru_cache(maxsize=1 << 16)
def _iri(iri: str) -> str:
    # Cached (bounded): trying every prefix with a regular expression per occurrence was
    # a fifth of the writing time; predicates and vocabulary IRIs recur in every document.
    found = _NAMESPACE.match(iri)
    if found is not None:
        for name, ns in _NESTED[found.lastindex - 1]:  # longest first, as _BY_LENGTH orders them
            local = iri[len(ns):]
            if local == "" or _PN_LOCAL.match(local):
                return f"{name}:{local}"
    if _IRI_ESCAPED.search(iri) is None:  # the usual case: one scan in C, not a Python loop per character
        return f"<{iri}>"
    escaped = "".join(ch if ch not in '<>"{}|^`\\ ' and ord(ch) > 0x20 else f"\\u{ord(ch):04X}" for ch in iri)
    return f"<{escaped}>"


def _quote(text: str) -> str:
    if "\n" in text or "\r" in text:
        body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
        return f'"""{body}"""'
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


def term_turtle(term: Node) -> str:
    """One RDF term in Turtle/TriG syntax (prefixed names where they are plain)."""
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = _quote(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{text}^^{_iri(str(term.datatype))}"
        return text
    raise TypeError(f"cannot write RDF term {term!r}")


def _term_key(term: Node) -> tuple[int, tuple[tuple[int, int | str], ...], str, str]:
    rank = 2 if isinstance(term, Literal) else 1 if isinstance(term, BNode) else 0
    text = str(term)
    extra = ""
    if isinstance(term, Literal):
        extra = f"{term.language or ''}|{term.datatype or ''}"
    # The text itself last: natural_key("a01") == natural_key("a1"), and a tie would
    # leave the order to the hash order of a set (different per process).
    return rank, (_iri_key if rank == 0 else natural_key)(text), extra, text


def _canonical(graph: Graph) -> Graph:
    from rdflib.compare import to_canonical_graph

    if any(isinstance(t, BNode) for triple in graph for t in (triple[0], triple[2])):
        return to_canonical_graph(graph)
    return graph


def _canonical_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """The triples as a list, blank nodes relabelled canonically if there are any.

    Reads a Graph once (iterating rdflib's store is not free) and builds a Graph only
    when blank nodes need relabelling, which documents from the mapper never have.
    """
    from rdflib import Graph

    found = list(triples)
    kinds = {type(s) for s, _, _ in found} | {type(o) for _, _, o in found}
    if any(issubclass(kind, BNode) for kind in kinds):
        graph = Graph()
        for triple in found:
            graph.add(triple)
        return list(_canonical(graph))
    return found


def _render(term: Node, iri_key: Callable[[str], tuple] = _iri_key,
            iri: Callable[[str], str] = _iri) -> tuple[tuple, str]:
    """(sort key, Turtle text) of a term: what turtle_body needs, computed in one go.

    Same results as ``(_term_key(term), term_turtle(term))``, without converting and
    type-testing the term twice. ``iri_key``, ``iri``: how an IRI is keyed and written
    (the cached functions unless the caller's IRIs are not worth remembering).
    """
    text = str(term)
    if isinstance(term, URIRef):
        return (0, iri_key(text), "", text), iri(text)
    if isinstance(term, Literal):
        language, datatype = term.language, term.datatype
        return (2, natural_key(text), f"{language or ''}|{datatype or ''}", text), _literal(text, language, datatype)
    return _term_key(term), term_turtle(term)


def _literal(text: str, language: str | None, datatype: object) -> str:
    """The Turtle text of a literal (as :func:`term_turtle` writes it), from its parts."""
    quoted = _quote(text)
    if language:
        return f"{quoted}@{language}"
    if datatype is not None and str(datatype) != XSD_STRING:
        return f"{quoted}^^{_iri(str(datatype))}"
    return quoted


def turtle_body(triples: Iterable[tuple[Node, Node, Node]], *, remember_iris: bool = True) -> str:
    """The statements of a Turtle file (no prefixes), grouped by subject, sorted.

    ``remember_iris=False``: IRIs are not added to the module's bounded caches (still rendered
    once per call). For IRIs that occur once in a run, such as the corpus graph's ~200,000
    nodes at 10,000 documents: cached, they only fill the caches (~70 MB) and push out the
    IRIs that do recur.
    """
    iri_key, iri = (_iri_key, _iri) if remember_iris else (natural_key, _iri.__wrapped__)
    by_subject: dict[Node, dict[Node, set[Node]]] = group_by_subject(triples)

    # Each distinct IRI rendered once: a mention IRI is a subject once and an object
    # several times; a predicate appears under most subjects. Literals are not memoised:
    # rdflib's equality ignores the case of language tags ("a"@EN == "a"@en), so a memo
    # could print one with the other's tag.
    rendered: dict[Node, tuple[tuple, str]] = {}

    def render(term: Node) -> tuple[tuple, str]:
        if type(term) is not URIRef and isinstance(term, Literal):
            return _render(term)
        found = rendered.get(term)
        if found is None:
            found = rendered[term] = _render(term, iri_key, iri)
        return found

    def alone(only: Node) -> str:  # no order to find: a literal's text without its sort key
        if type(only) is not URIRef and isinstance(only, Literal):
            return _literal(str(only), only.language, only.datatype)
        return render(only)[1]

    return _blocks(by_subject, render, alone)


def _blocks(by_subject: dict, render, alone) -> str:
    """The subject blocks of a Turtle body, sorted: ``render`` gives a term's (sort key, text),
    ``alone`` the text of an object that is its predicate's only one. Shared by the two writers
    (rdflib terms, plain values): the same order and layout, so the same bytes."""
    def predicate_key(predicate) -> tuple[bool, tuple]:
        return str(predicate) != RDF_TYPE, render(predicate)[0]

    blocks: list[str] = []
    for subject in sorted(by_subject, key=lambda s: render(s)[0]):
        predicates = by_subject[subject]
        lines: list[str] = []
        for predicate in sorted(predicates, key=predicate_key) if len(predicates) > 1 else predicates:
            objects = predicates[predicate]
            verb = "a" if str(predicate) == RDF_TYPE else render(predicate)[1]
            if len(objects) == 1:
                for only in objects:
                    lines.append(f"    {verb} {alone(only)}")
            else:
                shown = [text for _, text in sorted(map(render, objects), key=_first)]
                lines.append(f"    {verb} " + ",\n        ".join(shown))
        blocks.append(render(subject)[1] + "\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(blocks)


def _first(pair: tuple[tuple, str]) -> tuple:
    return pair[0]


def statement_key(triple: tuple[Node, Node, Node]) -> tuple:
    """Where :func:`turtle_body` writes a statement (of a graph without blank nodes): sorting by this
    key puts statements in the order of the file (subject, then predicate, ``a`` first, then object),
    for readers that want the file's order without writing and parsing it (:mod:`diplograph.corpus`)."""
    s, p, o = triple
    return _render(s)[0], (str(p) != RDF_TYPE, _render(p)[0]), _render(o)[0]


#: A literal as plain values (:func:`plain_turtle_body`): lexical form, language tag, datatype IRI.
PlainLiteral = tuple[str, "str | None", "str | None"]


def plain_turtle_body(triples: Iterable[tuple[str, str, str | PlainLiteral]]) -> str:
    """:func:`turtle_body` (``remember_iris=False``) of statements given as plain values: subject
    and predicate IRIs as ``str``, an object as an IRI ``str`` or a :data:`PlainLiteral`.

    Why: the corpus graph's nodes are written once each, and making an rdflib term per value (an
    IRI check per URIRef, a Python ``__hash__`` and ``__eq__`` per Literal) only to render it again
    was about half of its writing. The same bytes as :func:`turtle_body` over the terms these values
    stand for (``URIRef(iri)``, ``Literal(text, lang=language, datatype=datatype)``): the same sort
    keys and texts, from the same helpers. Values must be exact ``str`` (a URIRef is not equal to
    its own text) and there are no blank nodes.
    """
    iri = _iri.__wrapped__  # IRIs here occur once in a run: not worth the bounded caches
    by_subject: dict[str, dict[str, set]] = group_by_subject(triples)

    rendered: dict[str | PlainLiteral, tuple[tuple, str]] = {}  # plain values compare exactly: all memoised

    def render(term: str | PlainLiteral) -> tuple[tuple, str]:
        found = rendered.get(term)
        if found is None:
            if type(term) is str:
                found = (0, natural_key(term), "", term), iri(term)
            else:
                text, language, datatype = term
                found = ((2, natural_key(text), f"{language or ''}|{datatype or ''}", text),
                         _literal(text, language, datatype))
            rendered[term] = found
        return found

    return _blocks(by_subject, render, lambda only: render(only)[1])


def to_turtle(graph: Graph | Iterable[tuple[Node, Node, Node]], *, header_comment: str | None = None) -> str:
    """Canonical Turtle of a graph: fixed prefix block, then sorted statements.

    ``graph`` may also be any iterable of triples, e.g. ``mapper.to_triples(doc)``: the
    same bytes as for a Graph holding those triples, without filling an rdflib store.
    """
    head = f"{header_comment}\n" if header_comment else ""
    body = turtle_body(_canonical_triples(graph))
    return head + prefix_header() + ("\n" + body if body else "")


def trig_block(graph_name: str, body: str) -> str:
    """One named graph of a TriG file, wrapping a Turtle body."""
    # No re-indentation: lines inside multi-line string literals are data.
    return f"{_iri(graph_name)} {{\n{body.rstrip(chr(10))}\n}}\n"


def to_trig(dataset: Dataset) -> str:
    """Canonical TriG: one block per non-empty named graph, sorted by graph name."""
    blocks = []
    for name, graph in _named_graphs(dataset):
        body = turtle_body(_canonical(graph))
        blocks.append(trig_block(name, body) if name else body)
    return prefix_header() + "".join("\n" + block for block in blocks)


def _named_graphs(dataset: Dataset) -> list[tuple[str, Graph]]:
    """Non-empty graphs of a dataset, sorted by name; "" names the default graph."""
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    found = []
    for context in dataset.graphs():
        name = "" if context.identifier == DATASET_DEFAULT_GRAPH_ID else str(context.identifier)
        copy = Graph()
        for triple in context.triples((None, None, None)):
            copy.add(triple)
        if len(copy):
            found.append((name, copy))
    return sorted(found, key=lambda item: natural_key(item[0]))


def to_ntriples(graph: Graph) -> str:
    """Sorted N-Triples (one line per triple, UTF-8, as rdflib encodes terms)."""
    from rdflib.plugins.serializers.nt import _nt_row

    graph = _canonical(graph)
    return "".join(sorted(_nt_row(triple) for triple in graph))


def to_nquads(dataset: Dataset) -> str:
    """Sorted N-Quads of every named graph."""
    from rdflib.plugins.serializers.nt import _nt_row

    lines = []
    for name, graph in _named_graphs(dataset):
        suffix = f" <{name}> .\n" if name else " .\n"
        for row in (_nt_row(triple) for triple in _canonical(graph)):
            lines.append(row[: -len(" .\n")] + suffix)
    return "".join(sorted(lines))


def _sorted_graph(graph: Graph) -> Graph:
    from rdflib import Graph

    ordered = Graph()
    for name, ns in PREFIXES.items():
        ordered.bind(name, ns, override=True, replace=True)
    for triple in sorted(_canonical(graph), key=lambda t: tuple(_term_key(x) for x in t)):
        ordered.add(triple)
    return ordered


def to_jsonld(dataset: Dataset) -> str:
    """JSON-LD of the dataset (named graphs kept), canonicalised after rdflib writes it.

    rdflib's JSON-LD writer walks subjects in hash order, so its arrays come out in a
    different order per process. JSON-LD arrays are unordered (except ``@list``), so every
    array is sorted here (node objects by ``@id``), which fixes the bytes without changing
    the meaning.
    """
    import json

    from rdflib import Dataset, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ordered = Dataset()
    for name, graph in _named_graphs(dataset):
        target = ordered.graph(URIRef(name) if name else DATASET_DEFAULT_GRAPH_ID)
        for triple in _sorted_graph(graph):
            target.add(triple)
    context = {name: ns for name, ns in PREFIXES.items()}
    data = json.loads(ordered.serialize(format="json-ld", context=context))
    return json.dumps(_sort_json(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sort_json(value: object, in_list: bool = False) -> object:
    import json

    if isinstance(value, dict):
        return {key: _sort_json(item, key == "@list") for key, item in value.items()}
    if isinstance(value, list):
        items = [_sort_json(item) for item in value]
        if in_list:
            return items
        return sorted(items, key=lambda item: (
            natural_key(item.get("@id", "")) if isinstance(item, dict) else (),
            json.dumps(item, sort_keys=True, ensure_ascii=False),
        ))
    return value


_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def _split_predicate(iri: str) -> tuple[str, str]:
    """(namespace, local name) for an RDF/XML element name; prefers the known prefixes."""
    for _, ns in _BY_LENGTH:
        if iri.startswith(ns) and _NCNAME.match(iri[len(ns):]):
            return ns, iri[len(ns):]
    cut = max(iri.rfind("#"), iri.rfind("/"))
    if cut >= 0 and _NCNAME.match(iri[cut + 1:]):
        return iri[: cut + 1], iri[cut + 1:]
    raise ValueError(f"predicate {iri} cannot be written in RDF/XML (no XML name at its end)")


def to_rdfxml(graph: Graph) -> str:
    """Canonical RDF/XML: one ``rdf:Description`` per subject, everything sorted.

    Written here rather than by rdflib because rdflib's RDF/XML writer walks subjects in
    hash order (different bytes per process).
    """
    from xml.sax.saxutils import escape, quoteattr

    from rdflib import BNode, Literal, URIRef

    graph = _canonical(graph)
    rdf_ns = PREFIXES["rdf"]
    names = {ns: name for name, ns in PREFIXES.items()}
    predicates = {p: _split_predicate(str(p)) for p in set(graph.predicates())}
    extra = sorted({ns for ns, _ in predicates.values() if ns not in names})
    for number, ns in enumerate(extra, start=1):
        names[ns] = f"ns{number}"
    used = {ns for ns, _ in predicates.values()} | {rdf_ns}
    declared = [ns for ns in [*PREFIXES.values(), *extra] if ns in used]

    def node_attr(term: object, attr: str) -> str:
        if isinstance(term, BNode):
            return f"rdf:nodeID={quoteattr('b' + str(term))}"
        return f"rdf:{attr}={quoteattr(str(term))}"

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"   xmlns:{names[ns]}={quoteattr(ns)}" for ns in declared]
    lines[-1] += ">"
    by_subject: dict = {}
    for s, p, o in graph:
        by_subject.setdefault(s, []).append((p, o))
    for subject in sorted(by_subject, key=_term_key):
        lines.append(f"  <rdf:Description {node_attr(subject, 'about')}>")
        pairs = sorted(by_subject[subject], key=lambda po: (str(po[0]) != RDF_TYPE, natural_key(str(po[0])),
                                                            _term_key(po[1])))
        for predicate, obj in pairs:
            ns, local = predicates[predicate]
            tag = f"{names[ns]}:{local}"
            if isinstance(obj, URIRef | BNode):
                lines.append(f"    <{tag} {node_attr(obj, 'resource')}/>")
            elif isinstance(obj, Literal):
                attr = ""
                if obj.language:
                    attr = f" xml:lang={quoteattr(obj.language)}"
                elif obj.datatype is not None and str(obj.datatype) != XSD_STRING:
                    attr = f" rdf:datatype={quoteattr(str(obj.datatype))}"
                lines.append(f"    <{tag}{attr}>{escape(str(obj), {chr(13): '&#13;'})}</{tag}>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one plain graph (duplicates merged)."""
    from rdflib import Graph

    union = Graph()
    for _, graph in _named_graphs(dataset):
        for triple in graph:
            union.add(triple)
    return union


def serialize_dataset(dataset: Dataset, fmt: str) -> str:
    """Write a dataset in one of :data:`EXPORT_FORMATS`; triple formats get the union graph."""
    if fmt == "ttl":
        return to_turtle(union_graph(dataset))
    if fmt == "nt":
        return to_ntriples(union_graph(dataset))
    if fmt == "nq":
        return to_nquads(dataset)
    if fmt == "trig":
        return to_trig(dataset)
    if fmt == "jsonld":
        return to_jsonld(dataset)
    if fmt == "xml":
        return to_rdfxml(union_graph(dataset))
    raise ValueError(f"unknown export format {fmt!r}")
