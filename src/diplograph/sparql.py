"""Running stored SPARQL queries: the engines (Oxigraph, rdflib, a remote endpoint) and the data they read.

The queries themselves (files, grlc decorators, parameters) are :mod:`diplograph.stored_queries`,
the result formats :mod:`diplograph.results`; both are re-exported here for callers of ``sparql.run``.

Results from both engines come back as rdflib terms with plain literals normalised (Oxigraph
hands ``"x"`` back as ``"x"^^xsd:string``), so callers and tests compare like with like.
Only the standard library is imported at module level: rdflib, yaml and the engines load
when a query actually runs, which keeps ``diplograph query`` quick to start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError, UsageError
from diplograph.rdfio import XSD_STRING, to_oxigraph, to_rdflib
from diplograph.results import (  # noqa: F401 - re-exported: callers use sparql.Result, sparql.format_result...
    FORMATS,
    Result,
    format_result,
    term_kind,
    term_to_sparql,
    term_value,
    to_csv,
    to_json,
    to_ntriples,
    to_table,
    to_tsv,
    to_xml,
)
from diplograph.stored_queries import (  # noqa: F401 - re-exported: callers use sparql.resolve_query, ...
    RUN_DECORATORS,
    TOKENS,
    Parameter,
    StoredQuery,
    bind_parameters,
    check_queries,
    load_query,
    parameters_of,
    parse_decorators,
    parse_param_options,
    queries_folder,
    resolve_query,
    run_decorators,
    scan_tokens,
    stored_queries,
)

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.term import Identifier

ENGINES = ("oxigraph", "rdflib")

# ---------------------------------------------------------------- engines


def _error_position(message: str) -> tuple[int, int] | None:
    found = (re.search(r"error at (\d+):(\d+)", message)
             or re.search(r"line:?\s*(\d+),\s*col:?\s*(\d+)", message))
    return (int(found.group(1)), int(found.group(2))) if found else None


def _syntax_error(query: StoredQuery, exc: Exception) -> InputError:
    """One line naming the file and the position of the first error.

    Oxigraph's parser names the offending token, except when it only gives up at the end of the
    query (a stray ``)`` it skipped over); then rdflib's parser (pyparsing) is asked where it stopped.
    """
    message = " ".join(str(exc).split())
    position = _error_position(message)
    if position is None or _at_end(query.text, position):
        position = _rdflib_error_position(query.text) or position
    where = " at line {}, column {}".format(*position) if position else ""
    message = re.sub(r"^error at \d+:\d+:\s*", "", message)  # the position is said once, in `where`
    return InputError(f"{query.path}: SPARQL syntax error{where}: {message[:200]}")


def _at_end(text: str, position: tuple[int, int]) -> bool:
    """Whether (line, column), both 1-based, has nothing but white space after it."""
    lines = text.split("\n")
    line, column = position
    if line > len(lines):
        return True
    rest = "\n".join([lines[line - 1][column - 1:], *lines[line:]])
    return not rest.strip()


def _rdflib_error_position(text: str) -> tuple[int, int] | None:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except Exception as exc:  # pyparsing's ParseException and friends
        return _error_position(" ".join(str(exc).split()))
    return None


@functools.lru_cache(maxsize=256)
def _form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query keyword outside IRIs/strings/comments."""
    for token in scan_tokens(text):
        word = (token.group("word") or "").upper()
        if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word
    return "SELECT"


@functools.lru_cache(maxsize=256)
def _projected_text(text: str, variables: tuple[str, ...]) -> str:
    """:func:`_project_variables`, kept: the token scan cost 0.3 ms, half of a selective query at 1M."""
    return _project_variables(text, variables)


def _project_variables(text: str, variables: Sequence[str]) -> str:
    """Add ``variables`` to the top-level SELECT (and GROUP BY) so pyoxigraph can substitute them.

    pyoxigraph only substitutes variables of the SELECT projection. The bound parameters are
    added there (and to the top-level GROUP BY, as constants they do not change the groups);
    the caller drops these columns again. Only variable names are inserted, never values.
    """
    clean = _blank_out(text)
    depth = 0
    select_end = group_end = None
    for token in scan_tokens(clean):
        if token.group("brace"):
            depth += 1 if token.group("brace") == "{" else -1
            continue
        word = (token.group("word") or "").upper()
        if depth != 0 or not word:
            continue
        if word == "SELECT" and select_end is None:
            select_end = token.end()
            following = re.match(r"\s+(DISTINCT|REDUCED)\b", clean[select_end:], re.IGNORECASE)
            if following:
                select_end += following.end()
        elif word == "BY" and select_end is not None and re.search(r"GROUP\s+$", clean[: token.start()],
                                                                      re.IGNORECASE):
            group_end = token.end()
    if select_end is None or clean[select_end:].lstrip().startswith("*"):
        return text  # SELECT * already projects every variable in scope
    projected = _projected(clean[select_end:])
    variables = [v for v in variables if v not in projected]
    if not variables:
        return text
    names = " " + " ".join("?" + v for v in variables) + " "
    if group_end is not None:
        text = text[:group_end] + names + text[group_end:]
    return text[:select_end] + names + text[select_end:]


def _blank_out(text: str) -> str:
    """The query with IRIs, strings and comments replaced by spaces (same length, same offsets)."""

    def blank(token: re.Match[str]) -> str:
        if token.group("iri") or token.group("str") or token.group("comment"):
            return " " * len(token.group(0))
        return token.group(0)

    return TOKENS.sub(blank, text)


def _projected(after_select: str) -> set[str]:
    """Variables the SELECT clause projects: bare ones and the targets of ``(expr AS ?v)``."""
    projected: set[str] = set()
    depth = 0
    previous = ""
    for match in re.finditer(r"[(){]|[?$][A-Za-z0-9_]+|\bAS\b|\bWHERE\b", after_select, re.IGNORECASE):
        item = match.group(0)
        if item == "{" or item.upper() == "WHERE":
            break
        if item == "(":
            depth += 1
        elif item == ")":
            depth -= 1
        elif item[0] in "?$" and (depth == 0 or previous.upper() == "AS"):
            projected.add(item[1:])
        previous = item
    return projected


def normalise(term: Identifier | None) -> Identifier | None:
    """Plain literals stay plain: ``"x"^^xsd:string`` -> ``"x"`` (RDF 1.1 says they are the same)."""
    from rdflib import Literal

    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == XSD_STRING:
        return Literal(str(term))
    return term


class UnionStore:
    """An in-memory pyoxigraph Store whose default graph holds the distinct union of its named graphs.

    Oxigraph's ``use_default_graph_as_union`` keeps duplicates: a label copied into k document
    graphs matches k times, and every join multiplies them (the ``roles`` query took 11 s instead
    of 10 ms on a 10k-triple synthetic corpus). RDF says the union is a set, as rdflib and
    Fuseki make it; copying the triples once into the default graph restores that, for about
    the price of a second in-memory index, and the queries then read the default graph as is.
    """

    def __init__(self, store: pyoxigraph.Store, *, prebuilt: bool = False) -> None:
        if not prebuilt:  # the on-disk store (store.py) made this copy once, when it was built
            store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.store = store


def oxigraph_request(query: StoredQuery, bindings: Mapping[str, Identifier]) -> tuple[str, dict]:
    """The query text and substitutions sent to pyoxigraph for these parameters."""
    import pyoxigraph

    form = _form(query.text)
    text = query.text
    if bindings and form == "SELECT" and str(query.decorators.get("binding", "")).strip() == "values":
        # `#+ binding: values`: the parameters go in as a VALUES row at the start of the WHERE
        # group (the form the endpoint client sends). Oxigraph plans that row first, while it
        # applies substitutions only after planning: background with one event at 1M triples,
        # 205 ms -> 0.6 ms. Other queries plan better with substitutions, hence per query. The
        # row also goes into the inner groups that use a parameter (endpoint._inner_values):
        # Oxigraph plans a UNION or a subquery before it joins the outer row.
        from diplograph.endpoint import bind

        text, bindings = bind(text, bindings, form="SelectQuery", nested=True), {}
    elif bindings:
        if form != "SELECT":
            raise UsageError("parameters need a SELECT query with --engine oxigraph; use --engine rdflib")
        text = _projected_text(text, tuple(bindings))
    return text, {pyoxigraph.Variable(name): to_oxigraph(term) for name, term in bindings.items()}


def run_oxigraph(store: pyoxigraph.Store, query: StoredQuery, bindings: Mapping[str, Any],
                 union: bool = True, native: bool = False) -> Result:
    """Run on pyoxigraph; ``union``: read the default graph as the union of the named graphs.

    ``native``: the rows keep pyoxigraph's terms (the result writers take both kinds), so
    that ``diplograph query`` never imports rdflib; otherwise rdflib terms, plain literals
    for ``xsd:string`` ones.
    """
    import pyoxigraph

    text, substitutions = oxigraph_request(query, bindings)
    try:
        answer = store.query(text, use_default_graph_as_union=union, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise _syntax_error(query, exc) from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise InputError(f"{query.path}: {' '.join(str(exc).split())}") from exc
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    convert = (lambda term: term) if native else to_rdflib
    if isinstance(answer, pyoxigraph.QueryTriples):
        triples = {(convert(t.subject), convert(t.predicate), convert(t.object)) for t in answer}
        return Result("graph", triples=list(triples) if native else sorted(triples))  # type: ignore[arg-type]
    names = [v.value for v in answer.variables]
    keep = [i for i, name in enumerate(names) if name not in bindings]
    rows = [tuple(convert(solution[i]) for i in keep) for solution in answer]
    return Result("select", [names[i] for i in keep], rows)


@functools.lru_cache(maxsize=64)
def _prepared(text: str) -> Any:
    """rdflib's parsed query, kept: pyparsing takes 0.1-0.3 s per stored query."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def run_rdflib(dataset: Dataset, query: StoredQuery, bindings: Mapping[str, Identifier]) -> Result:
    """Run on rdflib (a Dataset whose default graph is the union of named graphs)."""
    import pyoxigraph
    from rdflib.term import Variable

    # Oxigraph's parser first: it gives the same line/column for a syntax error on both engines.
    try:
        pyoxigraph.Store().query(query.text)
    except SyntaxError as exc:
        raise _syntax_error(query, exc) from exc
    except (OSError, RuntimeError, ValueError):
        pass  # not a syntax problem; rdflib decides
    try:
        prepared = _prepared(query.text)
    except Exception as exc:  # pyparsing and rdflib raise several types
        raise _syntax_error(query, exc) from exc
    answer = dataset.query(prepared, initBindings={Variable(k): v for k, v in bindings.items()})
    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return Result("graph", triples=sorted(set(answer.graph)))  # type: ignore[union-attr]
    names = [str(v) for v in answer.vars or []]
    rows = [tuple(normalise(row[i]) for i in range(len(names))) for row in answer]
    return Result("select", names, rows)


@dataclass(frozen=True)
class Endpoint:
    """A remote SPARQL 1.1 Protocol endpoint standing in for local files (``--endpoint URL``).

    ``default_graph``: the graph the queries read as their default graph, the union graph
    ``push`` keeps in the store (None: the store's own default graph).
    """

    url: str
    default_graph: str | None = None


def run_endpoint(endpoint: Endpoint, query: StoredQuery, bindings: Mapping[str, Identifier]) -> Result:
    """Run on a remote endpoint; parameters travel as a VALUES row (see :func:`diplograph.endpoint.bind`)."""
    from diplograph import endpoint as remote

    form = _form(query.text)
    if form == "ASK":
        return Result("ask", boolean=remote.ask(endpoint.url, query.text, bindings,
                                                default_graph=endpoint.default_graph))
    if form in ("CONSTRUCT", "DESCRIBE"):
        from rdflib import Graph

        graph = Graph().parse(data=remote.construct(endpoint.url, query.text, bindings,
                                                    default_graph=endpoint.default_graph), format="nt")
        return Result("graph", triples=sorted(set(graph)))  # type: ignore[arg-type]
    variables, rows = remote.select(endpoint.url, query.text, bindings, default_graph=endpoint.default_graph)
    return Result("select", variables, rows)


def load_sources(sources: Sequence[str | Path], engine: str, endpoint: str | None = None) -> Any:
    """Load the RDF files for an engine: a UnionStore (pyoxigraph) or an rdflib Dataset.

    With ``endpoint``, nothing is loaded: queries go to that SPARQL endpoint instead.
    """
    from diplograph import rdfio

    if endpoint is not None:
        if sources:
            raise UsageError("give either FILES or --endpoint, not both")
        if not endpoint.startswith(("http://", "https://")):
            raise UsageError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
        from diplograph.endpoint import union_graph

        # The union graph `push` writes, when the store holds it (one ASK), unless the URL names
        # the default graph itself.
        named = "default-graph-uri=" in endpoint.partition("?")[2]
        return Endpoint(endpoint, None if named else union_graph(endpoint))

    if engine == "oxigraph":
        if not sources:  # graph/: the persistent store, built by `build` (or now, once)
            from diplograph.project import default_graph_dir
            from diplograph.store import cached_store

            graph_dir = default_graph_dir()
            try:
                return UnionStore(cached_store(graph_dir), prebuilt=True)
            except OSError:  # graph/ not writable (no store can be built): parse as before
                pass
        from diplograph.store import ensure_file_store, open_read_only

        info = ensure_file_store(sources)  # large files: a store in the user's cache, reused
        if info is not None:
            return UnionStore(open_read_only(info), prebuilt=True)
        return UnionStore(with_shipped_graphs(rdfio.load_store(list(sources))))
    if engine == "rdflib":
        return with_shipped_graphs(rdfio.load_dataset(list(sources)))
    raise UsageError(f"unknown engine {engine!r} (engines: {', '.join(ENGINES)})")


def with_shipped_graphs(data: Any) -> Any:
    """Add the shipped ontology and vocabularies, each to its graph, to a Store or a Dataset.

    DESIGN.md ("Query contract"): the union default graph holds the same graphs on every path,
    so a query on explicit files reads the labels and class hierarchy that ``serve``, ``push``
    and the query store carry, and gives the rows they give.
    """
    from diplograph.rdfio import bulk_load
    from diplograph.store import shipped_sources

    sources = shipped_sources()
    if hasattr(data, "bulk_load"):  # pyoxigraph
        for source in sources:
            bulk_load(data, source.path, source.graph)
        return data
    from rdflib import URIRef

    for source in sources:
        data.graph(URIRef(source.graph)).parse(source.path, format="turtle")
    return data


def run(query: StoredQuery, data: Any, bindings: Mapping[str, Any] | None = None, *,
        native: bool = False) -> Result:
    """Run a query on loaded data (a UnionStore, a pyoxigraph Store, an rdflib Dataset or an Endpoint).

    ``native``: on Oxigraph, rows of pyoxigraph terms (see :func:`run_oxigraph`).
    """
    import pyoxigraph

    if isinstance(data, Endpoint):
        result = run_endpoint(data, query, bindings or {})
    elif isinstance(data, UnionStore):
        result = run_oxigraph(data.store, query, bindings or {}, union=False, native=native)
    elif isinstance(data, pyoxigraph.Store):
        result = run_oxigraph(data, query, bindings or {}, native=native)
    else:
        result = run_rdflib(data, query, bindings or {})
    return sort_lists(query, result)


LIST_SEPARATOR = ", "


def sort_lists(query: StoredQuery, result: Result) -> Result:
    """Sort the items of the columns a query lists in its ``sorted_lists`` decorator.

    Why here: SPARQL gives GROUP_CONCAT no order, and an ORDER BY in a subquery is not kept
    by every engine (Virtuoso concatenates in its own order), so the same list must be put in
    one order after the query for the rows to be the same on every engine. Items are split on
    ``", "``; the result is the same string for the same items, whatever order they came in.
    An empty list (``""``: the query concatenates ``COALESCE(?x, "")`` because engines differ on
    a group whose values are all unbound) is unbound, as it was before the concatenation.
    """
    columns = query.decorators.get("sorted_lists") or ()
    if isinstance(columns, str):
        columns = [columns]
    positions = [result.variables.index(c) for c in columns if c in result.variables]
    if result.kind != "select" or not positions:
        return result
    rows = []
    for row in result.rows:
        cells = list(row)
        for i in positions:
            term = cells[i]
            if term is not None and term_kind(term) == "literal" and not term_value(term):
                cells[i] = None
            elif term is not None and term_kind(term) == "literal":
                text = LIST_SEPARATOR.join(sorted(term_value(term).split(LIST_SEPARATOR)))
                cells[i] = _same_kind_literal(term, text)
        rows.append(tuple(cells))
    return Result(result.kind, result.variables, rows, result.boolean, result.triples)


def _same_kind_literal(term: Any, text: str) -> Any:
    """A literal with ``text`` and the language or datatype of ``term`` (of the same library)."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.Literal):
        return pyoxigraph.Literal(text, language=term.language) if term.language else pyoxigraph.Literal(
            text, datatype=term.datatype)
    from rdflib import Literal

    return Literal(text, lang=term.language, datatype=None if term.language else term.datatype)
