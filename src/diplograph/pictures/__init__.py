"""Pictures and documentation: see the ontology (``docs``), one event (``draw``), the corpus in time
(``timeline``).

The three modules read RDF through SPARQL only, so they depend on the data contract of
docs/data-model.md and not on how the extractor builds its dataclasses. Graphs are read with
pyoxigraph (loading is ~20x faster than rdflib and every picture is a handful of SELECTs);
this module holds what the modules share: running a SELECT with the union default graph and
choosing a human label in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.namespaces import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph

LANGUAGES = ("fr", "en")


def select(
    store: pyoxigraph.Store, query: str, bind: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """Run a SELECT on the union of the named graphs; rows as {variable: lexical value}.

    IRIs to bind enter as RDF terms: each becomes a ``VALUES`` row at the top of the WHERE
    block, written by pyoxigraph's NamedNode (which rejects anything that is not an IRI), so
    an IRI from the command line cannot change the query. Unbound variables are left out of
    the row, which keeps ``row.get(...)`` the one way to test for them.
    """
    import pyoxigraph

    if bind:
        values = " ".join(f"VALUES ?{k} {{ {pyoxigraph.NamedNode(v)} }}" for k, v in sorted(bind.items()))
        head, brace, body = query.partition("{")
        query = f"{head}{brace} {values} {body}"
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    rows: list[dict[str, str]] = []
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows


def local_name(iri: str) -> str:
    """Last readable segment of an IRI: the fallback label when the graph gives none."""
    tail = iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return tail.replace("-", " ") or iri


class Labels:
    """Human labels of every resource in a store, in a preferred language.

    Documents copy the labels of the concepts they use (data-model rule), so one query
    over rdfs:label and skos:prefLabel gives every label a picture needs. Order of
    preference: the asked language, the other supported one, an untagged literal, then
    the IRI's last segment. Among equals the smallest string wins, so output never depends
    on the order in which a store returns rows.
    """

    _QUERY = """
        SELECT ?s ?label (LANG(?label) AS ?lang) WHERE {
          { ?s rdfs:label ?label } UNION { ?s skos:prefLabel ?label }
          FILTER(isLiteral(?label))
        }"""

    def __init__(self, store: pyoxigraph.Store, lang: str = "fr") -> None:
        self.lang = lang
        self._by_iri: dict[str, dict[str, str]] = {}
        for row in select(store, self._QUERY):
            tag = row.get("lang", "").lower().split("-")[0]
            known = self._by_iri.setdefault(row["s"], {})
            if tag not in known or row["label"] < known[tag]:
                known[tag] = row["label"]

    def get(self, iri: str | None) -> str:
        """Best label of ``iri`` ('' for None) in the preferred language."""
        if not iri:
            return ""
        known = self._by_iri.get(iri, {})
        for tag in (self.lang, *[t for t in LANGUAGES if t != self.lang], ""):
            if tag in known:
                return known[tag]
        return local_name(iri)

    def many(self, iris: Iterable[str]) -> list[str]:
        """Labels of several resources, sorted and without duplicates."""
        return sorted({self.get(i) for i in iris if i})


def write_output(path: Path, data: bytes) -> None:
    """Write a picture or page atomically (readable as any file the user creates)."""
    from diplograph.fsio import atomic_write_bytes

    atomic_write_bytes(path, data)


def check_language(lang: str) -> str:
    """Normalise a --lang value; only languages the vocabularies label are offered."""
    from diplograph.errors import UsageError

    code = lang.lower()
    if code not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    return code
