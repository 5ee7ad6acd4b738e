"""Stored SPARQL queries: loading, grlc decorators, parameter binding and engines (results: results.py).

A stored query is a ``.rq`` file in ``queries/`` whose leading ``#+`` comment lines are grlc
decorators (YAML: ``summary``, ``tags``, ``params``...). Parameters follow grlc's naming:
``?_name`` is required, ``?__name`` optional, and a ``_iri`` suffix asks for an IRI
(``?__event_iri`` is the optional parameter ``event``). Values are bound as RDF terms
(rdflib ``initBindings``, pyoxigraph ``substitutions``), never pasted into the query text, so
a value cannot change what the query does.

Results from both engines come back as rdflib terms with plain literals normalised (Oxigraph
hands ``"x"`` back as ``"x"^^xsd:string``), so callers and tests compare like with like.
Only the standard library is imported at module level: rdflib, yaml and the engines load
when a query actually runs, which keeps ``diplograph query`` quick to start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError, UsageError
from diplograph.rdfio import XSD_STRING, to_rdflib
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

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.term import Identifier

ENGINES = ("oxigraph", "rdflib")
XSD = "http://www.w3.org/2001/XMLSchema#"

# A name of a stored query: words and hyphens, optionally one folder down (checks/...).
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")
# Tokens that can hide a "?name": IRIs, strings and comments are skipped when scanning.
_TOKENS = re.compile(
    r'(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<str>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\ufffd]+)"
    r"|(?P<word>[A-Za-z_]+)"
    r"|(?P<brace>[{}])"
)
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_LANG_TAG = re.compile(r"^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$")
_XSD_TYPES = ("string", "integer", "decimal", "double", "boolean", "date", "dateTime", "gYear",
              "gYearMonth", "duration", "nonNegativeInteger", "anyURI")


@dataclass(frozen=True)
class Parameter:
    """A grlc parameter of a query: ``?_name[_type]`` (required) or ``?__name[_type]`` (optional)."""

    name: str
    variable: str
    required: bool
    kind: str = "literal"  # "iri", "literal", "lang" or an xsd datatype local name

    def describe(self) -> str:
        """``event (iri, optional)``: how ``diplograph queries`` shows it."""
        return f"{self.name} ({self.kind}, {'required' if self.required else 'optional'})"


@dataclass(frozen=True)
class StoredQuery:
    """One SPARQL file and what its decorators and variables declare."""

    name: str
    path: Path
    text: str
    summary: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    decorators: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name`` (short name, or the grlc variable name)."""
        for param in self.parameters:
            if name in (param.name, param.variable, param.variable.lstrip("_")):
                return param
        return None


# ---------------------------------------------------------------- loading stored queries


def parse_decorators(text: str) -> dict[str, Any]:
    """The grlc decorators of a query: the YAML made of its ``#+`` comment lines."""
    lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    if not lines:
        return {}
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines).replace("\t", "  "))
    except yaml.YAMLError as exc:
        raise InputError(f"malformed #+ decorators: {' '.join(str(exc).split())}") from exc
    return data if isinstance(data, dict) else {}


def _scan(text: str) -> Iterable[re.Match[str]]:
    return _TOKENS.finditer(text)


def parameters_of(text: str) -> tuple[Parameter, ...]:
    """The grlc parameters used in a query, in order of first use."""
    found: dict[str, Parameter] = {}
    for token in _scan(text):
        var = token.group("var")
        if not var or not var[1:].startswith("_"):
            continue
        variable = var[1:]
        required = not variable.startswith("__")
        base = variable.lstrip("_")
        kind = "literal"
        if base.endswith("_iri"):
            base, kind = base[: -len("_iri")], "iri"
        else:
            for datatype in _XSD_TYPES:
                if base.endswith("_xsd_" + datatype):
                    base, kind = base[: -len("_xsd_" + datatype)], datatype
                    break
        if base == "lang" and kind == "literal":
            kind = "lang"
        if not base:
            continue
        previous = found.get(base)
        if previous is not None and previous.variable != variable:
            raise InputError(f"parameter {base!r} is declared twice (?{previous.variable} and ?{variable})")
        found.setdefault(base, Parameter(base, variable, required, kind))
    return tuple(found.values())


# Decorators the query path reads when it runs a query (not the ones `queries` lists).
RUN_DECORATORS = ("binding", "sorted_lists")


def run_decorators(text: str) -> dict[str, Any]:
    """The decorators in RUN_DECORATORS, read without PyYAML (``key: value``, ``key: [a, b]`` or a
    ``- item`` list under the key), so that ``diplograph query`` starts without importing it.

    A test checks that this gives what YAML gives for every stored query.
    """
    found: dict[str, Any] = {}
    current = None
    for line in text.splitlines():
        if not line.startswith("#+"):
            continue
        body = line[2:]
        stripped = body.strip()
        if body[:1] == " " and body[1:2] not in (" ", "\t", "") and not stripped.startswith("-"):
            key, _, value = stripped.partition(":")
            current = key.strip() if key.strip() in RUN_DECORATORS else None
            value = value.strip()
            if current is None:
                continue
            if value.startswith("[") and value.endswith("]"):
                found[current] = [item.strip().strip("'\"") for item in value[1:-1].split(",") if item.strip()]
            elif value:
                found[current] = value.strip("'\"")
            else:
                found[current] = []
        elif current is not None and stripped.startswith("- ") and isinstance(found[current], list):
            found[current].append(stripped[2:].strip().strip("'\""))
    return found


def load_query(path: Path, name: str | None = None, *, light: bool = False) -> StoredQuery:
    """Read one ``.rq`` file with its decorators and parameters.

    ``light``: only the decorators a run needs (:func:`run_decorators`), no summary or tags,
    and no PyYAML import (what ``diplograph query`` uses).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    decorators = run_decorators(text) if light else parse_decorators(text)
    tags = decorators.get("tags") or ()
    if isinstance(tags, str):
        tags = [tags]
    return StoredQuery(
        name=name or path.stem,
        path=path,
        text=text,
        summary=" ".join(str(decorators.get("summary") or "").split()),
        tags=tuple(str(tag) for tag in tags),
        parameters=parameters_of(text),
        decorators=decorators,
    )


def queries_folder() -> Path:
    """The shipped ``queries/`` folder."""
    from diplograph.resources import queries_dir

    return queries_dir()


def stored_queries(folder: Path | None = None) -> list[StoredQuery]:
    """Every stored query of a folder (not its sub-folders), sorted by name; by default the
    shipped ones joined by the current project's (a project query of the same name wins)."""
    if folder is None:
        return _joined(Path())
    return [load_query(path) for path in sorted(folder.glob("*.rq"))]


def check_queries(folder: Path | None = None) -> list[StoredQuery]:
    """The check queries (``queries/checks``): each row they return is a failure."""
    return _joined(Path("checks")) if folder is None else stored_queries(folder)


def _joined(sub: Path) -> list[StoredQuery]:
    from diplograph.resources import query_dirs

    by_name = {path.stem: path for base in query_dirs() for path in sorted((base / sub).glob("*.rq"))}
    return [load_query(by_name[name]) for name in sorted(by_name)]


def resolve_query(name_or_file: str, folder: Path | None = None, *, light: bool = False) -> StoredQuery:
    """A stored query by name (``participants``, ``checks/...``) or a ``.rq`` file by path.

    Only names that stay inside the queries folder are accepted, so ``../../etc/passwd``
    is a usage error and never opens a file outside it.
    """
    if folder is None:  # the project's folder first: its query of a shipped name wins
        from diplograph.resources import query_dirs

        folders = query_dirs()[::-1]
        name = name_or_file[:-3] if name_or_file.lower().endswith(".rq") else name_or_file
        found = [base for base in folders[:-1] if _NAME.match(name) and (base / f"{name}.rq").is_file()]
        folder = found[0] if found else folders[-1]
    base = folder
    if name_or_file.lower().endswith(".rq") and Path(name_or_file).is_file():
        return load_query(Path(name_or_file), light=light)
    name = name_or_file[:-3] if name_or_file.lower().endswith(".rq") else name_or_file
    if not _NAME.match(name) or ".." in name.split("/"):
        raise UsageError(f"{name_or_file!r} is not a stored query name (use `diplograph queries`) "
                         "nor an existing .rq file")
    root = base.resolve()
    path = (base / f"{name}.rq").resolve()
    if not path.is_relative_to(root):
        raise UsageError(f"{name_or_file!r} is outside the queries folder")
    if not path.is_file():
        known = [p.relative_to(root).with_suffix("").as_posix() for p in sorted(root.rglob("*.rq"))]
        import difflib

        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else " (see `diplograph queries`)"
        raise UsageError(f"no stored query named {name!r}{hint}")
    return load_query(path, name, light=light)


# ---------------------------------------------------------------- parameters


def _expand_curie(value: str) -> str | None:
    from diplograph.iris import PREFIXES

    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return None


def _iri(value: str, name: str) -> str | None:
    """The IRI a parameter value stands for, or None when it is not written as one."""
    import pyoxigraph

    if value.startswith("<") or value.endswith(">"):
        if not (value.startswith("<") and value.endswith(">")):
            raise UsageError(f"parameter {name!r}: unbalanced angle brackets in {value!r}")
        candidate = value[1:-1]
    else:
        candidate = _expand_curie(value) or value
        if not _ABSOLUTE_IRI.match(candidate):
            return None
    if not _ABSOLUTE_IRI.match(candidate):
        raise UsageError(f"parameter {name!r}: {value!r} is not an absolute IRI")
    try:
        pyoxigraph.NamedNode(candidate)
    except ValueError as exc:
        raise UsageError(f"parameter {name!r}: {value!r} is not a valid IRI ({exc})") from exc
    return candidate


def bind_parameters(query: StoredQuery, values: Mapping[str, str], *, native: bool = False) -> dict[str, Any]:
    """Check ``--param`` values against the query and turn them into RDF terms.

    Returns ``{variable name: term}``: rdflib terms, or pyoxigraph terms with ``native`` (the
    Oxigraph path of ``diplograph query``, which never imports rdflib). Unknown or missing
    parameters and values that are not valid IRIs/literals are usage errors: the query never
    runs with a half-understood value.
    """
    if native:
        import pyoxigraph

        def URIRef(iri: str) -> Any:  # noqa: N802 - stands in for rdflib's class
            return pyoxigraph.NamedNode(iri)

        def Literal(value: str, datatype: Any = None) -> Any:  # noqa: N802
            if datatype is None:
                return pyoxigraph.Literal(value)
            return _to_oxigraph(_typed_literal(value, str(datatype.value), name))
    else:
        from rdflib import Literal, URIRef  # type: ignore[assignment]

    bound: dict[str, Identifier] = {}
    for name, value in values.items():
        param = query.parameter(name)
        if param is None:
            known = ", ".join(p.name for p in query.parameters) or "none"
            raise UsageError(f"query {query.name!r} has no parameter {name!r} (parameters: {known})")
        if any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in value) or not _encodable(value):
            raise UsageError(f"parameter {name!r}: value contains control or invalid characters")
        if param.kind == "lang":
            if not _LANG_TAG.match(value):
                raise UsageError(f"parameter {name!r}: {value!r} is not a language tag (e.g. fr, en)")
            bound[param.variable] = Literal(value)
            continue
        iri = _iri(value, param.name)
        if param.kind == "iri":
            if iri is None:
                raise UsageError(f"parameter {name!r} wants an IRI (<...> or absolute), got {value!r}")
            bound[param.variable] = URIRef(iri)
        elif iri is not None and param.kind == "literal":
            bound[param.variable] = URIRef(iri)
        elif param.kind == "literal":
            bound[param.variable] = Literal(value)
        else:
            bound[param.variable] = (Literal(value, datatype=URIRef(XSD + param.kind)) if native
                                     else _typed_literal(value, XSD + param.kind, name))
    missing = [p.name for p in query.parameters if p.required and p.variable not in bound]
    if missing:
        raise UsageError(f"query {query.name!r} needs --param {missing[0]}=...")
    return bound


def _typed_literal(value: str, datatype: str, name: str) -> Identifier:
    """An rdflib literal of an XSD type, refused when ill-typed (rdflib knows the lexical forms)."""
    from rdflib import Literal, URIRef

    literal = Literal(value, datatype=URIRef(datatype))
    if literal.ill_typed:
        raise UsageError(f"parameter {name!r}: {value!r} is not a valid xsd:{datatype.removeprefix(XSD)}")
    return literal


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_param_options(options: Sequence[str]) -> dict[str, str]:
    """``["event=<iri>", "lang=en"]`` -> dict; a missing ``=`` or a repeated name is a usage error."""
    values: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--param wants NAME=VALUE, got {option!r}")
        if name in values:
            raise UsageError(f"--param {name} given twice")
        values[name] = value
    return values


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
    for token in _scan(text):
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
    for token in _scan(clean):
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

    return _TOKENS.sub(blank, text)


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


def _to_oxigraph(term: Any) -> Any:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.Literal):
        return term
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise UsageError(f"cannot bind {term!r}")


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
    return text, {pyoxigraph.Variable(name): _to_oxigraph(term) for name, term in bindings.items()}


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
