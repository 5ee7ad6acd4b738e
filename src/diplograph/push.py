"""Send named graphs to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

This is how a corpus outgrows one machine: every document graph, plus the ontology and the
vocabularies in their own graphs, goes to any GSP server (Oxigraph server, Apache Jena
Fuseki, GraphDB, Virtuoso) with ``PUT`` (replace the graph: idempotent, the default) or
``POST`` (merge into it). Only the stdlib ``urllib`` is used, so pushing needs no extra
dependency. Credentials come from the environment only (``DIPLOGRAPH_STORE_USER`` /
``DIPLOGRAPH_STORE_PASSWORD``): command-line arguments are visible to every local user in
``ps`` and end up in shell history.
"""

from __future__ import annotations

import base64
import http.client
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import InputError, UsageError
from diplograph.rdfio import bulk_load

DIALECTS = ("gsp", "fuseki", "oxigraph", "graphdb")
# dialect -> path appended to the --store URL to reach its Graph Store endpoint
GSP_SUFFIX = {"gsp": "", "fuseki": "/data", "oxigraph": "/store", "graphdb": "/rdf-graphs/service"}
USER_VARIABLE = "DIPLOGRAPH_STORE_USER"
PASSWORD_VARIABLE = "DIPLOGRAPH_STORE_PASSWORD"
TRANSIENT_STATUS = frozenset({502, 503, 504})
ATTEMPTS = 4
BACKOFF = 0.5  # seconds; doubled after every failed attempt
NTRIPLES = "application/n-triples"


class StoreUnreachable(InputError):
    """The server does not answer at all (stopped, wrong port, DNS): no point trying other graphs."""


@dataclass(frozen=True)
class GraphPayload:
    """One named graph serialised as N-Triples, ready to send."""

    graph: str
    body: bytes
    triples: int


@dataclass(frozen=True)
class PushResult:
    """The outcome for one graph."""

    graph: str
    triples: int
    status: int | None
    ok: bool
    message: str
    attempts: int


def gsp_endpoint(url: str, dialect: str) -> str:
    """The Graph Store endpoint for a server URL and dialect.

    Oxigraph: ``<base>/store``; Fuseki: ``<base>/<dataset>/data`` (give the dataset URL);
    GraphDB: ``<base>/repositories/<repo>/rdf-graphs/service`` (give the repository URL);
    gsp: the URL as it is. A URL that already ends with the suffix is kept as it is.
    """
    if dialect not in GSP_SUFFIX:
        raise UsageError(f"unknown dialect {dialect!r} (known: {', '.join(DIALECTS)})")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--store {url!r}: expected an http:// or https:// URL")
    if parts.query or parts.fragment:
        raise UsageError(f"--store {url!r}: give the server URL without ?query or #fragment")
    if parts.username or parts.password:
        raise UsageError(f"--store: put credentials in {USER_VARIABLE}/{PASSWORD_VARIABLE}, not in the URL")
    base = url.rstrip("/")
    suffix = GSP_SUFFIX[dialect]
    return base if not suffix or base.endswith(suffix) else base + suffix


def graph_url(endpoint: str, graph: str) -> str:
    """``<endpoint>?graph=<IRI>`` with the IRI percent-encoded (indirect graph identification)."""
    return endpoint + "?" + urllib.parse.urlencode({"graph": graph})


def collect_graphs(files: Sequence[str | Path] = (), *, with_ontology: bool = True) -> list[GraphPayload]:
    """Every named graph to push, in a stable order, serialised as N-Triples.

    Files are read with pyoxigraph (fast, exact) through the same loading rules as the store,
    so a graph pushed is exactly the graph served locally. Lines are sorted so the payload is
    the same from run to run (up to blank node labels, which the parser draws afresh).
    """
    import pyoxigraph

    from diplograph.store import store_sources

    dataset = pyoxigraph.Store()
    order: list[str] = []
    for source in store_sources(files, with_ontology=with_ontology):
        bulk_load(dataset, source.path, source.graph)
    for graph in dataset.named_graphs():
        order.append(graph.value)
    default_triples = sum(1 for _ in dataset.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    if default_triples:
        raise InputError(f"{default_triples} triples are in the default graph of the input; "
                         "put them in a named graph (TriG/N-Quads) so they can be pushed")
    payloads = []
    for name in sorted(order):
        quads = dataset.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(name))
        lines = sorted({str(pyoxigraph.Triple(q.subject, q.predicate, q.object)) + " .\n" for q in quads})
        payloads.append(GraphPayload(name, "".join(lines).encode("utf-8"), len(lines)))
    return payloads


def _credentials() -> str | None:
    user = os.environ.get(USER_VARIABLE)
    password = os.environ.get(PASSWORD_VARIABLE)
    if not user and not password:
        return None
    if not user or password is None:
        raise UsageError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE} (or neither)")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _unreachable(reason: BaseException) -> bool:
    """Errors that mean "no server there", as opposed to a server that hiccuped."""
    return isinstance(reason, OSError) and not isinstance(
        reason, ConnectionResetError | ConnectionAbortedError | TimeoutError)


def send_graph(
    endpoint: str,
    payload: GraphPayload,
    *,
    replace: bool = True,
    auth: str | None = None,
    timeout: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """PUT (replace) or POST (append) one graph, retrying transient failures with backoff.

    Transient: connection reset, time-out, HTTP 502/503/504. A refused connection or an unknown
    host raises :class:`StoreUnreachable` at once, since every other graph would fail the same way.
    """
    method = "PUT" if replace else "POST"
    url = graph_url(endpoint, payload.graph)
    headers = {"Content-Type": NTRIPLES, "Content-Length": str(len(payload.body))}
    if auth:
        headers["Authorization"] = auth
    delay = BACKOFF
    message = ""
    status: int | None = None
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(url, data=payload.body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
                return PushResult(payload.graph, payload.triples, response.status, True,
                                  f"{method} {response.status}", attempt)
        except urllib.error.HTTPError as exc:
            status = exc.code
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            message = f"{method} {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            if exc.code not in TRANSIENT_STATUS:
                return PushResult(payload.graph, payload.triples, status, False, message, attempt)
        except urllib.error.URLError as exc:
            reason = exc.reason if isinstance(exc.reason, BaseException) else OSError(str(exc.reason))
            if _unreachable(reason):
                raise StoreUnreachable(f"{endpoint}: cannot connect ({_reason_text(reason)})") from exc
            status, message = None, f"{method} failed: {_reason_text(reason)}"
        except (ConnectionResetError, ConnectionAbortedError, TimeoutError, http.client.HTTPException) as exc:
            status, message = None, f"{method} failed: {_reason_text(exc)}"
        if attempt < ATTEMPTS:
            sleep(delay)
            delay *= 2
    return PushResult(payload.graph, payload.triples, status, False, message + f" (after {ATTEMPTS} tries)",
                      ATTEMPTS)


def _reason_text(reason: BaseException) -> str:
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return " ".join(str(text).split())


def push(
    files: Sequence[str | Path],
    store_url: str,
    *,
    dialect: str = "gsp",
    replace: bool = True,
    dry_run: bool = False,
    with_ontology: bool = True,
    log: Callable[[str], None] = lambda _message: None,
) -> list[PushResult]:
    """Push every graph of ``files`` (graph/ by default); returns one result per graph."""
    endpoint = gsp_endpoint(store_url, dialect)
    auth = _credentials()
    payloads = collect_graphs(files, with_ontology=with_ontology)
    method = "PUT" if replace else "POST"
    results: list[PushResult] = []
    for payload in payloads:
        if dry_run:
            log(f"dry run: {method} {graph_url(endpoint, payload.graph)} ({payload.triples} triples, "
                f"{len(payload.body)} bytes)")
            results.append(PushResult(payload.graph, payload.triples, None, True, "dry run", 0))
            continue
        started = time.perf_counter()
        result = send_graph(endpoint, payload, replace=replace, auth=auth)
        state = "ok" if result.ok else "FAILED"
        log(f"{state} {payload.graph}: {payload.triples} triples, {result.message} "
            f"({time.perf_counter() - started:.2f} s)")
        results.append(result)
    return results
