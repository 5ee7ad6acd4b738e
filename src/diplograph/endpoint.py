"""Run a SPARQL query against any SPARQL 1.1 Protocol endpoint; rows come back as rdflib terms.

Used by ``diplograph query --endpoint URL`` so that a stored query runs unchanged on the local
engines, on ``diplograph serve``, on Fuseki (``/ds/query``) or on GraphDB.

Parameters are bound as RDF terms, never pasted into the query as text: each term is
validated and written with ``term.n3()`` into a one-row ``VALUES`` block placed at the start of
the query's top-level WHERE group (see :func:`bind` for why there and not at the end).
"""

from __future__ import annotations

import base64
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import TYPE_CHECKING

from diplograph.errors import InputError, UsageError

if TYPE_CHECKING:
    from rdflib.term import Identifier, Node

USER_VARIABLE = "DIPLOGRAPH_STORE_USER"
PASSWORD_VARIABLE = "DIPLOGRAPH_STORE_PASSWORD"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"
_SECONDS = re.compile(r"-?[0-9]+(\.[0-9]*)?\Z")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# characters that may not appear inside <...> in SPARQL (IRIREF production)
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
RESULTS_JSON = "application/sparql-results+json"
# Tokens that may contain braces which are not group delimiters.
_TOKENS = re.compile(
    r'(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<str>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<brace>[{}])"
)


def values_clause(bindings: Mapping[str, Identifier]) -> str:
    """``VALUES (?a ?b) { (<iri> "lit"@fr) }`` for one row of bindings (empty string if none).

    Raises UsageError for anything that is not a safe RDF term: a blank node (not allowed in
    VALUES), an IRI with characters that would end the ``<...>`` token, a bad variable name.
    """
    import pyoxigraph

    if not bindings:
        return ""
    names: list[str] = []
    cells: list[str] = []
    for name, term in sorted(bindings.items()):
        name = name.lstrip("?$")
        if not _VARNAME.match(name):
            raise UsageError(f"parameter name {name!r} is not a SPARQL variable name")
        if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.Literal):  # checked when it was made
            names.append("?" + name)
            cells.append(str(term))  # N-Triples syntax, which SPARQL reads
            continue
        from rdflib import BNode, Literal, URIRef

        if isinstance(term, BNode) or not isinstance(term, URIRef | Literal):
            raise UsageError(f"parameter {name}: {term!r} is not an IRI or a literal")
        for iri in (term.datatype,) if isinstance(term, Literal) else (term,):
            if iri is not None and _BAD_IRI.search(str(iri)):
                raise UsageError(f"parameter {name}: {str(iri)!r} is not a valid IRI")
        names.append("?" + name)
        cells.append(term.n3())
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(cells)}) }}\n"


def _where_brace(query_text: str, form: str) -> int | None:
    """Index just after the ``{`` opening the top-level WHERE group, where VALUES may go.

    IRIs, strings and comments are skipped so a brace inside them is never taken. None for a
    query without a WHERE group (``DESCRIBE <iri>``) and for ``CONSTRUCT WHERE { ... }``, whose
    group may hold triples only; in a full CONSTRUCT the first group is the template.
    """
    if form == "ConstructQuery" and re.search(r"\bCONSTRUCT\s+WHERE\s*\{", _blank_out(query_text),
                                              re.IGNORECASE):
        return None
    skip = 1 if form == "ConstructQuery" else 0
    depth = 0
    for token in _TOKENS.finditer(query_text):
        brace = token.group("brace")
        if not brace:
            continue
        if brace == "{":
            if depth == 0:
                if skip == 0:
                    return token.end()
                skip -= 1
            depth += 1
        else:
            depth -= 1
    return None


def _blank_out(text: str) -> str:
    """The text with IRIs, strings and comments replaced by spaces (keyword search stays honest)."""
    return _TOKENS.sub(lambda m: m.group(0) if m.group("brace") else " " * len(m.group(0)), text)


class _Group:
    """One ``{ ... }`` of a query: where it opens and closes (indices of the braces), its subgroups."""

    __slots__ = ("close", "children", "open")

    def __init__(self, start: int) -> None:
        self.open, self.close, self.children = start, -1, []


def _group_tree(blank: str, start: int) -> _Group:
    """The group opening at ``blank[start]`` (a ``{``) and every group nested in it."""
    root = _Group(start)
    stack = [root]
    for i in range(start + 1, len(blank)):
        char = blank[i]
        if char == "{":
            group = _Group(i)
            stack[-1].children.append(group)
            stack.append(group)
        elif char == "}":
            stack.pop().close = i
            if not stack:
                break
    return root


def _projected(head: str, names: set[str]) -> set[str]:
    """Which of ``names`` a subquery's ``SELECT ...`` clause projects (all of them for ``*``)."""
    depth, top = 0, []
    for char in head:
        depth += char == "("
        depth -= char == ")"
        top.append(char if depth == 0 and char not in "()" else " ")
    outer = "".join(top)
    if re.search(r"(?<![\w?$])\*", outer):
        return set(names)
    return {n for n in names if re.search(r"[?$]" + n + r"\b", outer)}


def _inner_values(query_text: str, where: int, bindings: Mapping[str, Identifier]) -> str:
    """Also put the VALUES row at the start of every inner group that uses a bound variable.

    Oxigraph joins the top-level row only after it has evaluated a UNION or a subquery in full:
    ``background`` for one event read every event of the corpus (34 ms on 50 documents, 5.8 s at
    1M triples). Inside the branches the row is planned first (0.9 ms). The answer is the same:
    the top-level row already fixes each variable to one value everywhere in its scope, so
    restricting an inner use of the same variable to that value removes nothing. Not done where
    that reasoning fails or the syntax forbids it: inside a subquery that does not project the
    variable (another variable of the same name), in ``MINUS`` (an added variable could make
    rows compatible), in ``VALUES`` data blocks, and before a subquery's ``SELECT``.
    """
    blank = _blank_out(query_text)
    inserts: list[tuple[int, list[str]]] = []

    def visit(group: _Group, scope: set[str]) -> None:
        for child in group.children:
            before = blank[:child.open].rstrip()
            if re.search(r"\b(VALUES\s*([?$]\w+|\([^()]*\))|MINUS)$", before, re.IGNORECASE):
                continue
            inner = blank[child.open + 1:child.close]
            if re.match(r"\s*SELECT\b", inner, re.IGNORECASE):
                if child.children:  # the subquery's WHERE group, in the scope of what it projects
                    body = child.children[0]
                    holder = _Group(child.open)
                    holder.children.append(body)
                    visit(holder, _projected(blank[child.open + 1:body.open], scope))
                continue
            used = sorted(n for n in scope if re.search(r"[?$]" + n + r"\b", inner))
            if used:
                inserts.append((child.open + 1, used))
                visit(child, scope)

    root = _group_tree(blank, where - 1)
    visit(root, {name.lstrip("?$") for name in bindings})
    text = query_text
    for index, used in sorted(inserts, reverse=True):
        row = {name: term for name, term in bindings.items() if name.lstrip("?$") in used}
        text = text[:index] + " " + values_clause(row) + " " + text[index:]
    return text


def bind(query_text: str, bindings: Mapping[str, Identifier], form: str | None = None, *,
         nested: bool = False) -> str:
    """The query with the bindings as a VALUES block at the start of its top-level WHERE group.

    At the start of the group, the VALUES row is joined before the group's BINDs and FILTERs
    are evaluated, which is how ``initBindings`` (rdflib) and ``substitutions`` (pyoxigraph)
    pre-bind a variable: ``BIND(COALESCE(?__lang, "fr") AS ?lang)`` sees the parameter. (A
    trailing VALUES would be joined after those BINDs and silently change nothing.) A query
    without such a group (``DESCRIBE <iri>``, ``CONSTRUCT WHERE``: no BIND possible there) gets a
    trailing VALUES block instead. ``form="SelectQuery"`` skips rdflib's parse (0.1-0.3 s of
    pyparsing) for a caller that knows the query is a SELECT and whose engine parses it anyway.
    """
    if not bindings:
        return query_text
    block = values_clause(bindings)
    if form == "SelectQuery":  # the caller knows (and its engine checks the syntax): no parse
        where = _where_brace(query_text, form)
        if where is not None:
            if nested:
                query_text = _inner_values(query_text, where, bindings)
            return query_text[:where] + block + query_text[where:]
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(query_text)
    except Exception as exc:  # pyparsing's exceptions
        raise InputError(f"SPARQL syntax error: {' '.join(str(exc).split())[:300]}") from exc
    where = _where_brace(query_text, str(parsed[1].name))
    if where is None:
        if "valuesClause" in parsed[1]:
            raise UsageError("this query ends with its own VALUES block: cannot bind parameters here")
        return query_text.rstrip() + block
    return query_text[:where] + block + query_text[where:]


def _authorization() -> str | None:
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if not user:
        return None
    return "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")


def request(url: str, query_text: str, accept: str = RESULTS_JSON, timeout: float = 60.0,
            default_graph: str | None = None) -> bytes:
    """POST the query (form-encoded, as the Protocol allows for every server) and return the body.

    HTTP errors become one line with the server's own message; an unreachable server is an
    InputError (exit 3) naming the URL.
    """
    return exchange(url, query_text, accept, timeout, default_graph)[0]


def exchange(url: str, query_text: str, accept: str = RESULTS_JSON,
             timeout: float = 60.0, default_graph: str | None = None) -> tuple[bytes, str]:
    """:func:`request`, also returning the ``Server`` header (which store answered).

    ``default_graph``: the graph the query reads as its default graph (the protocol's
    ``default-graph-uri``, sent in the body with the query).
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--endpoint {url!r}: expected an http:// or https:// URL")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
    auth = _authorization()
    if auth:
        headers["Authorization"] = auth
    fields = {"query": query_text} | ({"default-graph-uri": default_graph} if default_graph else {})
    body = urllib.parse.urlencode(fields).encode("utf-8")
    req = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return bytes(response.read()), response.headers.get("Server", "")
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(500).decode("utf-8", "replace").split())
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from exc
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise InputError(f"{url}: cannot reach the endpoint ({reason})") from exc
    except (TimeoutError, ConnectionError) as exc:
        raise InputError(f"{url}: {type(exc).__name__} ({exc})") from exc


# store -> how to make its default graph the union of its named graphs
UNION_FIX = {
    "virtuoso": "query /sparql without default-graph-uri (and no DefaultGraph in virtuoso.ini's [SPARQL])",
    "oxigraph": "restart `oxigraph serve` with --union-default-graph",
    "fuseki": "set tdb2:unionDefaultGraph true (TDB2) or tdb:unionDefaultGraph true (TDB1) on the dataset",
    "graphdb": "query a repository whose default graph is the union (GraphDB's default)",
}
_SERVER_NAMES = (("virtuoso", "virtuoso"), ("oxigraph", "oxigraph"), ("fuseki", "fuseki"), ("jena", "fuseki"),
                 ("graphdb", "graphdb"))
_SAMPLE = ("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && !isBlank(?o)) } LIMIT 1")


def union_problem(url: str, dialect: str | None = None, sample: str | None = None,
                  timeout: float = 60.0) -> str | None:
    """One line saying that the default graph at ``url`` is not the union of its named graphs, with
    the fix for that store; None when it is, or when the store holds no named graph to tell.

    How: one triple of a named graph (``sample``, an N-Triples statement without its final dot,
    or one the store gives) is asked for in the default graph. Two small requests, whatever the
    size of the store. The store is named by ``dialect`` or else by the ``Server`` header.
    """
    server = ""
    if sample is None:
        body, server = exchange(url, _SAMPLE, timeout=timeout)
        found = parse_results(body)
        if isinstance(found, bool) or not found[1] or any(cell is None for cell in found[1][0]):
            return None
        sample = " ".join(cell.n3() for cell in found[1][0])  # type: ignore[union-attr]
    body, answered_by = exchange(url, f"ASK {{ {sample} }}", timeout=timeout)
    if parse_results(body) is not False:
        return None
    kind = dialect if dialect in UNION_FIX else next(
        (store for name, store in _SERVER_NAMES if name in (server or answered_by).lower()), None)
    fix = UNION_FIX.get(kind or "", "make the store's default graph the union of its named graphs")
    if "default-graph-uri=" in urllib.parse.urlsplit(url).query:
        fix = "drop default-graph-uri from the endpoint URL"
    return (f"{url}: the default graph is not the union of the named graphs, so the stored queries "
            f"find nothing there; fix: {fix}")


def seconds_to_duration(value: str) -> str:
    """``"18000.0"`` -> ``"PT5H"``: an xsd:duration as Virtuoso 7.2 answers it (its number of
    seconds) written back as an ISO 8601 duration, the same value (days of 24 hours).

    Why: Virtuoso keeps a duration as a number, so ``"PT5H"^^xsd:duration`` comes back as
    ``"18000.0"^^xsd:duration``, which is not a valid lexical form for any other tool.
    """
    from decimal import Decimal

    total = Decimal(value)
    sign, total = ("-", -total) if total < 0 else ("", total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{int(n)}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n)
    if seconds:
        time += f"{seconds.normalize():f}S"
    text = sign + "P" + (f"{int(days)}D" if days else "") + (f"T{time}" if time else "")
    return text if text.rstrip("-") != "P" else "PT0S"


def term_from_json(cell: Mapping[str, str]) -> Node:
    """One SPARQL JSON results cell -> rdflib term.

    ``xsd:string`` literals become plain literals, as rdflib's own engine returns them, so
    that remote and local rows compare equal (see the DESIGN note on Oxigraph tools).
    """
    from rdflib import BNode, Literal, URIRef

    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang")
        datatype = cell.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if datatype == XSD_DURATION and _SECONDS.match(value):
            value = seconds_to_duration(value)
        if datatype and datatype != XSD_STRING:
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise InputError(f"unexpected term type {kind!r} in SPARQL results")


def parse_results(data: bytes) -> tuple[list[str], list[tuple[Node | None, ...]]] | bool:
    """SPARQL 1.1 JSON results -> (variables, rows) or the boolean of an ASK."""
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise InputError(f"endpoint did not answer SPARQL JSON results ({exc})") from exc
    if "boolean" in document:
        return bool(document["boolean"])
    variables: list[str] = list(document.get("head", {}).get("vars", []))
    rows: list[tuple[Node | None, ...]] = []
    for binding in document.get("results", {}).get("bindings", []):
        rows.append(tuple(term_from_json(binding[v]) if v in binding else None for v in variables))
    return variables, rows


def select(
    url: str,
    query_text: str,
    bindings: Mapping[str, Identifier] | None = None,
    timeout: float = 60.0,
    default_graph: str | None = None,
) -> tuple[list[str], list[tuple[Node | None, ...]]]:
    """Run a SELECT at ``url`` with ``bindings`` as a VALUES block: (variables, rows).

    Rows keep the endpoint's order (meaningful with ORDER BY); an unbound cell is None.
    """
    result = parse_results(request(url, bind(query_text, bindings or {}), timeout=timeout,
                                   default_graph=default_graph))
    if isinstance(result, bool):
        raise InputError("expected a SELECT query, got an ASK answer")
    return result


def ask(url: str, query_text: str, bindings: Mapping[str, Identifier] | None = None,
        timeout: float = 60.0, default_graph: str | None = None) -> bool:
    """Run an ASK at ``url``."""
    result = parse_results(request(url, bind(query_text, bindings or {}), timeout=timeout,
                                   default_graph=default_graph))
    if not isinstance(result, bool):
        raise InputError("expected an ASK query, got solutions")
    return result


def construct(url: str, query_text: str, bindings: Mapping[str, Identifier] | None = None,
              timeout: float = 60.0, default_graph: str | None = None) -> bytes:
    """Run a CONSTRUCT/DESCRIBE at ``url``; returns N-Triples bytes (parse with rdflib or pyoxigraph)."""
    return request(url, bind(query_text, bindings or {}), accept="application/n-triples", timeout=timeout,
                   default_graph=default_graph)


def union_graph(url: str, timeout: float = 60.0) -> str | None:
    """The diplograph union graph's IRI when the store at ``url`` holds it (``push`` writes it), else None.

    The stored queries then read it as their default graph: the store's own union default graph
    repeats a triple once per graph (see :mod:`diplograph.push`).
    """
    from diplograph.iris import UNION_GRAPH_IRI

    held = parse_results(request(url, f"ASK {{ GRAPH <{UNION_GRAPH_IRI}> {{ ?s ?p ?o }} }}", timeout=timeout))
    return UNION_GRAPH_IRI if held is True else None

