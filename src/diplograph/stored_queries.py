"""The stored queries: ``.rq`` files with grlc decorators, found by name, and their parameters bound as RDF terms.

Why apart from the engines (:mod:`diplograph.sparql`): listing queries (``diplograph queries``),
reading their decorators and checking a value given on the command line need neither rdflib nor
an engine; ``queries`` and the endpoint's query page read this module alone.

A stored query is a ``.rq`` file in ``queries/`` whose leading ``#+`` comment lines are grlc
decorators (YAML: ``summary``, ``tags``, ``params``...). Parameters follow grlc's naming:
``?_name`` is required, ``?__name`` optional, and a ``_iri`` suffix asks for an IRI
(``?__event_iri`` is the optional parameter ``event``). Values are bound as RDF terms
(rdflib ``initBindings``, pyoxigraph ``substitutions``), never pasted into the query text, so
a value cannot change what the query does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError, UsageError

if TYPE_CHECKING:
    from rdflib.term import Identifier

XSD = "http://www.w3.org/2001/XMLSchema#"

# A name of a stored query: words and hyphens, optionally one folder down (checks/...).
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")
# Tokens that can hide a "?name": IRIs, strings and comments are skipped when scanning.
TOKENS = re.compile(
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


def scan_tokens(text: str) -> Iterable[re.Match[str]]:
    """The query's tokens that can hide a ``?name`` (IRIs, strings and comments come whole)."""
    return TOKENS.finditer(text)


def parameters_of(text: str) -> tuple[Parameter, ...]:
    """The grlc parameters used in a query, in order of first use."""
    found: dict[str, Parameter] = {}
    for token in scan_tokens(text):
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

        from diplograph.rdfio import to_oxigraph

        def URIRef(iri: str) -> Any:  # noqa: N802 - stands in for rdflib's class
            return pyoxigraph.NamedNode(iri)

        def Literal(value: str, datatype: Any = None) -> Any:  # noqa: N802
            if datatype is None:
                return pyoxigraph.Literal(value)
            return to_oxigraph(_typed_literal(value, str(datatype.value), name))
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
