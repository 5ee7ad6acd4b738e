"""Send named graphs to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

This is how a corpus outgrows one machine: every document graph, plus the ontology and the
vocabularies in their own graphs, goes to any GSP server (Oxigraph server, Apache Jena
Fuseki, GraphDB, Virtuoso) with ``PUT`` (replace the graph: idempotent, the default) or
``POST`` (merge into it). Only the stdlib ``urllib`` is used, so pushing needs no extra
dependency. Credentials come from the environment only (``DIPLOGRAPH_STORE_USER`` /
``DIPLOGRAPH_STORE_PASSWORD``): command-line arguments are visible to every local user in
``ps`` and end up in shell history. They go as HTTP basic authentication, except to Virtuoso,
whose writable Graph Store endpoint (``/sparql-graph-crud-auth``, graph named by ``graph-uri=``)
asks for HTTP digest authentication (stdlib ``HTTPDigestAuthHandler``).

After a push, the store's SPARQL endpoint is asked whether its default graph is the union of
its named graphs (:func:`diplograph.endpoint.union_problem`): the stored queries read the default
graph, and a store that does not make it the union answers every one of them with no rows.

A store whose SPARQL endpoint push knows (every dialect but plain ``gsp``) also gets the distinct
union of its graphs as one more named graph, :data:`diplograph.iris.UNION_GRAPH_IRI`, which
``query --endpoint`` names as the default graph (``default-graph-uri``). Why: a quad store's union
default graph keeps one copy of a triple per graph, and the labels and types of a gazetteer actor
or place repeat in every document graph that names it, so a join through them grows with the
square of the corpus (at 250,000 triples most stored queries passed 60 s on Virtuoso 7.2, and
0.4-1.2 s on the union graph). The local query store is such a distinct union already.
"""

from __future__ import annotations

import base64
import http.client
import io
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

DIALECTS = ("gsp", "fuseki", "oxigraph", "graphdb", "virtuoso")
# dialect -> path appended to the --store URL to reach its Graph Store endpoint
GSP_SUFFIX = {"gsp": "", "fuseki": "/data", "oxigraph": "/store", "graphdb": "/rdf-graphs/service",
              "virtuoso": "/sparql-graph-crud-auth"}
# dialect -> path appended to the --store URL to reach its SPARQL query endpoint (None: unknown)
QUERY_SUFFIX = {"gsp": None, "fuseki": "/query", "oxigraph": "/query", "graphdb": "",
                "virtuoso": "/sparql"}
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


def query_endpoint(url: str, dialect: str) -> str | None:
    """The SPARQL query endpoint next to the Graph Store of ``url`` (None for plain ``gsp``)."""
    suffix = QUERY_SUFFIX.get(dialect)
    if suffix is None:
        return None
    base = url.rstrip("/")
    if GSP_SUFFIX[dialect] and base.endswith(GSP_SUFFIX[dialect]):
        base = base[: -len(GSP_SUFFIX[dialect])]
    return base + suffix


def graph_url(endpoint: str, graph: str, parameter: str = "graph") -> str:
    """``<endpoint>?graph=<IRI>`` with the IRI percent-encoded (indirect graph identification).

    Virtuoso names the graph with ``graph-uri=`` at its authenticated endpoint.
    """
    return endpoint + "?" + urllib.parse.urlencode({parameter: graph})


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


def _user_password() -> tuple[str, str] | None:
    user = os.environ.get(USER_VARIABLE)
    password = os.environ.get(PASSWORD_VARIABLE)
    if not user and not password:
        return None
    if not user or password is None:
        raise UsageError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE} (or neither)")
    return user, password


def _credentials() -> str | None:
    pair = _user_password()
    if pair is None:
        return None
    return "Basic " + base64.b64encode(f"{pair[0]}:{pair[1]}".encode()).decode("ascii")


class DigestAuth:
    """HTTP digest authentication whose challenge is fetched once, without a body.

    Why not ``urllib``'s ``HTTPDigestAuthHandler`` alone: it sends each request unauthenticated
    first, and Virtuoso answers that 401 and closes the connection while a large graph is still
    being sent (a broken pipe). Here the challenge comes from a bodyless GET, and every PUT or
    POST carries its response from the start; the response itself is computed by the stdlib
    handler (``get_authorization``: MD5, qop=auth, a growing nonce count). A stale nonce
    (401) fetches a new challenge and the request is tried again.
    """

    def __init__(self, endpoint: str, user: str, password: str, timeout: float = 60.0) -> None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, endpoint, user, password)
        self.handler = urllib.request.HTTPDigestAuthHandler(manager)
        self.endpoint = endpoint
        self.timeout = timeout
        self.challenge: dict[str, str] | None = None

    def refresh(self) -> None:
        """Ask the server for a new challenge (a GET of a graph that need not exist)."""
        probe = urllib.request.Request(graph_url(self.endpoint, "urn:diplograph:probe", "graph-uri"))
        header = ""
        try:
            with urllib.request.urlopen(probe, timeout=self.timeout) as response:
                header = response.headers.get("WWW-Authenticate", "")
        except urllib.error.HTTPError as exc:
            header = exc.headers.get("WWW-Authenticate", "")
            exc.close()
        except urllib.error.URLError as exc:
            reason = exc.reason if isinstance(exc.reason, BaseException) else OSError(str(exc.reason))
            raise StoreUnreachable(f"{self.endpoint}: cannot connect ({_reason_text(reason)})") from exc
        scheme, _, rest = header.partition(" ")
        if scheme.lower() != "digest":
            raise InputError(f"{self.endpoint}: the server asks for no digest authentication "
                             f"(WWW-Authenticate: {header[:80] or 'none'}); is this Virtuoso's "
                             "/sparql-graph-crud-auth?")
        self.challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))

    def header(self, request: urllib.request.Request) -> str:
        """The Authorization header for this request."""
        if self.challenge is None:
            self.refresh()
        answer = self.handler.get_authorization(request, self.challenge)
        if not answer:
            raise InputError(f"{self.endpoint}: cannot answer the server's digest challenge")
        return "Digest " + answer


def digest_auth(endpoint: str) -> DigestAuth:
    """Digest authentication with the environment's credentials (Virtuoso needs them)."""
    pair = _user_password()
    if pair is None:
        raise UsageError(f"Virtuoso needs credentials: set {USER_VARIABLE} and {PASSWORD_VARIABLE} "
                         "(a user with SPARQL_UPDATE, e.g. dba)")
    return DigestAuth(endpoint, *pair)


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
    digest: DigestAuth | None = None,
    parameter: str = "graph",
) -> PushResult:
    """PUT (replace) or POST (append) one graph, retrying transient failures with backoff.

    Transient: connection reset, time-out, HTTP 502/503/504. A refused connection or an unknown
    host raises :class:`StoreUnreachable` at once, since every other graph would fail the same way.
    """
    method = "PUT" if replace else "POST"
    url = graph_url(endpoint, payload.graph, parameter)
    headers = {"Content-Type": NTRIPLES, "Content-Length": str(len(payload.body))}
    if auth:
        headers["Authorization"] = auth
    delay = BACKOFF
    message = ""
    status: int | None = None
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(url, data=payload.body, method=method, headers=headers)
        if digest is not None:
            request.add_header("Authorization", digest.header(request))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
                return PushResult(payload.graph, payload.triples, response.status, True,
                                  f"{method} {response.status}", attempt)
        except urllib.error.HTTPError as exc:
            status = exc.code
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            message = f"{method} {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            if exc.code == 401 and digest is not None and "stale=true" in exc.headers.get(
                    "WWW-Authenticate", "").replace('"', "").lower() and attempt < ATTEMPTS:
                digest.refresh()  # the nonce expired: answer the new challenge
                continue
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
    union: bool = True,
    log: Callable[[str], None] = lambda _message: None,
) -> list[PushResult]:
    """Push every graph of ``files`` (graph/ by default); returns one result per graph.

    With ``replace``, a graph the store already holds is PUT (replaced) and one it does not hold
    yet is POSTed, which gives the same graph: Oxigraph server spends seconds clearing a graph
    of a large store on every PUT, even an absent one (4 s per graph at 1M triples), so a first
    push of 500 documents took half an hour. Which graphs exist is asked on the store's SPARQL
    endpoint; without one (dialect ``gsp``) or when it cannot tell, every graph is PUT.

    After a push where every graph went through, the store gets its union graph
    (:func:`write_union_graph`, unless ``union`` is False), which the stored queries read through
    ``query --endpoint``. Without it, the store is asked whether its default graph is the union
    of its named graphs; when it is not, ``log`` gets one line with the fix.
    """
    endpoint = gsp_endpoint(store_url, dialect)
    virtuoso = dialect == "virtuoso"
    digest = digest_auth(endpoint) if virtuoso and not dry_run else None
    auth = None if virtuoso else _credentials()
    parameter = "graph-uri" if virtuoso else "graph"
    payloads = collect_graphs(files, with_ontology=with_ontology)
    method = "PUT" if replace else "POST"
    sparql_url = query_endpoint(store_url, dialect)
    union = union and sparql_url is not None
    existing = _existing_graphs(sparql_url) if (replace or union) and sparql_url and not dry_run else None
    results: list[PushResult] = []
    for payload in payloads:
        if dry_run:
            log(f"dry run: {method} {graph_url(endpoint, payload.graph, parameter)} ({payload.triples} triples, "
                f"{len(payload.body)} bytes)")
            results.append(PushResult(payload.graph, payload.triples, None, True, "dry run", 0))
            continue
        started = time.perf_counter()
        put = replace and (existing is None or payload.graph in existing)
        result = send_graph(endpoint, payload, replace=put, auth=auth, digest=digest, parameter=parameter)
        state = "ok" if result.ok else "FAILED"
        log(f"{state} {payload.graph}: {payload.triples} triples, {result.message} "
            f"({time.perf_counter() - started:.2f} s)")
        results.append(result)
    if dry_run or not sparql_url or not results or not all(r.ok for r in results):
        return results
    if union and existing is None:  # the store cannot say which graphs it holds: no union of them
        log(f"warning: {sparql_url} did not list its named graphs, so no union graph was written")
    elif union:
        from diplograph.iris import UNION_GRAPH_IRI

        started = time.perf_counter()
        try:
            result = write_union_graph(endpoint, payloads, existing, replaced=replace, auth=auth, digest=digest,
                                       parameter=parameter)
        except InputError as exc:  # e.g. a graph could not be read back: the others are in
            result = PushResult(UNION_GRAPH_IRI, 0, None, False, str(exc), 0)
        log(f"{'ok' if result.ok else 'FAILED'} union graph {result.graph}: {result.triples} triples, "
            f"{result.message} ({time.perf_counter() - started:.2f} s)")
        results.append(result)
        return results
    from diplograph.endpoint import union_problem

    try:
        problem = union_problem(sparql_url, dialect, sample=_sample_triple(payloads))
    except InputError as exc:  # the graphs are in; only the check could not be made
        problem = f"could not ask {sparql_url} whether its default graph is the union ({exc})"
    if problem:
        log(f"warning: {problem}")
    return results


def write_union_graph(endpoint: str, payloads: Sequence[GraphPayload], existing: set[str], *,
                      replaced: bool = True, auth: str | None = None, digest: DigestAuth | None = None,
                      parameter: str = "graph") -> PushResult:
    """Keep :data:`~diplograph.iris.UNION_GRAPH_IRI` the distinct union of every other graph of the store.

    Every graph is POSTed into it, one request per graph: a graph is a set, so the store keeps
    each triple once, and nothing the size of the union is ever held here or sent at once. When
    every graph just pushed was new to the store (and the union graph exists), merging those is
    enough. Otherwise a graph changed and the union may hold its old triples, so it is emptied
    (GSP DELETE) and rebuilt: the graphs just pushed from their payloads (``replaced``: each is now
    exactly its payload), every other graph of the store read back (GSP GET), one at a time.
    Blank nodes stay apart per graph (the store draws fresh ones for each request), as in the
    local query store. ``existing``: the graphs the store held before the push.
    """
    from diplograph.iris import UNION_GRAPH_IRI

    pushed = {payload.graph for payload in payloads}
    held = existing - {UNION_GRAPH_IRI}
    merge = UNION_GRAPH_IRI in existing and not pushed & held
    bodies: list[Callable[[], bytes]] = [lambda body=payload.body: body for payload in payloads] \
        if merge or replaced else []
    if not merge:
        if UNION_GRAPH_IRI in existing:
            delete_graph(endpoint, UNION_GRAPH_IRI, auth=auth, digest=digest, parameter=parameter)
        fetched = held - pushed if replaced else held | pushed
        bodies += [lambda graph=graph: fetch_graph(endpoint, graph, auth=auth, digest=digest, parameter=parameter)
                   for graph in sorted(fetched)]
    sent, attempts, last = 0, 0, None
    for body in bodies:
        data = body()
        triples = data.count(b"\n")
        last = send_graph(endpoint, GraphPayload(UNION_GRAPH_IRI, data, triples), replace=False, auth=auth,
                          digest=digest, parameter=parameter)
        attempts += last.attempts
        if not last.ok:
            return PushResult(UNION_GRAPH_IRI, sent, last.status, False, last.message, attempts)
        sent += triples
    how = "merged" if merge else "rebuilt"
    status = last.status if last is not None else None
    return PushResult(UNION_GRAPH_IRI, sent, status, True,
                      f"{how} from {len(bodies)} graphs, POST {status or '-'}", attempts)


def _graph_request(endpoint: str, graph: str, parameter: str, method: str, auth: str | None,
                   digest: DigestAuth | None) -> urllib.request.Request:
    """A bodyless GSP request for one graph, authenticated as the push is (basic or digest)."""
    request = urllib.request.Request(graph_url(endpoint, graph, parameter), method=method)
    if auth:
        request.add_header("Authorization", auth)
    if digest is not None:
        request.add_header("Authorization", digest.header(request))
    return request


def delete_graph(endpoint: str, graph: str, *, auth: str | None = None, digest: DigestAuth | None = None,
                 parameter: str = "graph", timeout: float = 300.0) -> None:
    """GSP DELETE of one named graph (a graph already gone is no error)."""
    request = _graph_request(endpoint, graph, parameter, "DELETE", auth, digest)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise InputError(f"{endpoint}: DELETE of graph {graph}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise InputError(f"{endpoint}: DELETE of graph {graph} failed ({exc})") from exc


def fetch_graph(endpoint: str, graph: str, *, auth: str | None = None, digest: DigestAuth | None = None,
                parameter: str = "graph", timeout: float = 300.0) -> bytes:
    """One named graph of the store as N-Triples (GSP GET)."""
    request = _graph_request(endpoint, graph, parameter, "GET", auth, digest)
    request.add_header("Accept", NTRIPLES)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        raise InputError(f"{endpoint}: GET of graph {graph} for the union graph: HTTP {exc.code} {exc.reason}") \
            from exc
    except (urllib.error.URLError, OSError) as exc:
        raise InputError(f"{endpoint}: GET of graph {graph} for the union graph failed ({exc})") from exc


def _existing_graphs(sparql_url: str) -> set[str] | None:
    """The named graphs the store holds (None when its endpoint cannot say)."""
    from diplograph.endpoint import select

    try:
        _, rows = select(sparql_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    except InputError:
        return None
    return {str(row[0]) for row in rows if row and row[0] is not None}


def _sample_triple(payloads: Sequence[GraphPayload]) -> str | None:
    """One pushed triple without blank nodes, as an N-Triples line (what the union check asks for)."""
    for payload in payloads:
        for raw in io.BytesIO(payload.body):
            line = raw.decode("utf-8").rstrip("\n")
            if "_:" not in line and line.endswith(" ."):
                return line[:-2]
    return None
