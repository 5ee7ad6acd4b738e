"""A read-only SPARQL 1.1 Protocol endpoint over the persistent store, with a query page.

Engine: the ``oxigraph serve-read-only`` server (from the ``oxigraph`` PyPI package), run as a
child process on an internal loopback port. It brings the SPARQL engine and the YASGUI query
page. Measured on oxigraph 0.5.13, it lacks three guards an endpoint open to others needs, so a
small front (stdlib ``ThreadingHTTPServer``) sits between the client and the child:

* it *executes* ``SERVICE`` (federated queries to any URL: a server-side request forgery
  vector) -> the front parses every query with rdflib and refuses ``SERVICE`` unless
  ``--allow-federation``; updates are refused before they reach the child (which would also
  say 403 on /update, but the front refuses every update form the same way);
* it has no result-size limit (a cross join streamed 6 GB of JSON) -> the front asks the child
  for a line-per-row format (TSV for solutions, N-Triples for graphs), stops reading after
  ``max_rows`` rows, closes the connection, and re-serialises the rows in the format the
  client asked for; a cut result says so in the ``X-SPARQL-MaxRows`` header (the header
  Virtuoso uses for the same purpose);
* its ``--timeout-s`` only fires where evaluation touches the store, and when it fires after
  streaming has begun the client gets HTTP 200 with a broken body; pure computation (a
  ``VALUES`` cross join) is never cancelled -> the front enforces its own deadline and answers
  503 with a one-line message; if the child did not cancel the query itself within a grace
  period, the child is restarted so no runaway evaluation keeps burning a core. Other queries
  caught by that restart are retried once.

Everything is bound to loopback unless ``--host`` says otherwise. See SECURITY.md.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.serve_engine import Engine

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query a person wrote
LINGER_BYTES, LINGER_SECONDS = 16 << 20, 5.0  # what is read and dropped of a refused body, at most
MAX_ANSWER = 256 << 20  # bytes of one answer, whatever the row count (long literals)
MAX_CONCURRENT = 4  # two cores: more parallel evaluations only slow every one of them
GRACE = 1.0  # seconds the child gets past the time limit to cancel a query itself
CANCELLED = b"The SPARQL operation has been cancelled"
QUERY_PATHS = ("/query", "/sparql")
STATIC_PATHS = ("/", "/index.html", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg", "/favicon.ico")

# client media type -> (pyoxigraph format attribute name, canonical media type)
RESULT_TYPES: dict[str, tuple[str, str]] = {
    "application/sparql-results+json": ("JSON", "application/sparql-results+json"),
    "application/json": ("JSON", "application/sparql-results+json"),
    "application/sparql-results+xml": ("XML", "application/sparql-results+xml"),
    "application/xml": ("XML", "application/sparql-results+xml"),
    "text/xml": ("XML", "application/sparql-results+xml"),
    "text/csv": ("CSV", "text/csv"),
    "text/tab-separated-values": ("TSV", "text/tab-separated-values"),
}
GRAPH_TYPES: dict[str, tuple[str, str]] = {
    "text/turtle": ("TURTLE", "text/turtle"),
    "application/x-turtle": ("TURTLE", "text/turtle"),
    "application/n-triples": ("N_TRIPLES", "application/n-triples"),
    "text/plain": ("N_TRIPLES", "application/n-triples"),
    "application/rdf+xml": ("RDF_XML", "application/rdf+xml"),
    "application/ld+json": ("JSON_LD", "application/ld+json"),
    "application/n-quads": ("N_QUADS", "application/n-quads"),
    "application/trig": ("TRIG", "application/trig"),
}



class Refused(Exception):
    """A request the endpoint answers with an error status and a one-line text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Limits:
    """The guards of one endpoint."""

    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    allow_federation: bool = False


def _node_names(node: Any, names: set[str]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        names.add(node.name)
        for value in node.values():
            _node_names(value, names)
    elif isinstance(node, dict):
        for value in node.values():
            _node_names(value, names)
    elif isinstance(node, list | tuple) or hasattr(node, "asList"):
        for value in node:
            _node_names(value, names)


def check_query(text: str, allow_federation: bool = False) -> str:
    """Return the query form ("SelectQuery", "AskQuery", ...) or raise :class:`Refused`.

    rdflib's parser is the judge, so the front refuses exactly what it can see: updates
    (whatever endpoint they were sent to) and SERVICE anywhere in the query, including
    sub-queries and FILTER EXISTS.
    """
    judge = _judge_cached if len(text) <= CACHED_QUERY_CHARS else _judge
    form, status, message, federated = judge(text)
    if status is not None:
        raise Refused(status, message or "refused")
    if federated and not allow_federation:
        raise Refused(HTTPStatus.FORBIDDEN,
                      "SERVICE (federated query) is refused by this endpoint (serve --allow-federation)")
    assert form is not None
    return form


def _judge(text: str) -> tuple[str | None, int | None, str | None, bool]:
    """(query form, refusal status, refusal message, uses SERVICE) for a query text."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except Exception as exc:  # pyparsing raises ParseException and friends (RecursionError too)
        try:
            parseUpdate(text)
        except Exception:  # noqa: BLE001 - neither a query nor an update: report the query error
            message = " ".join(str(exc).split())[:300] or type(exc).__name__
            return None, HTTPStatus.BAD_REQUEST, f"SPARQL syntax error: {message}", False
        return None, HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL updates are refused", False
    names: set[str] = set()
    _node_names(parsed, names)
    return str(parsed[1].name), None, None, "ServiceGraphPattern" in names


# Parsing with rdflib (pyparsing, under the GIL) costs 0.05-0.3 s per query and was the front's
# bottleneck under load (8 clients: ~8 queries/s); clients repeat the same texts (stored queries,
# the query page), so verdicts of texts up to 16 KiB are cached: at most 512 x 16 KiB of keys.
CACHED_QUERY_CHARS = 16 << 10
_judge_cached = functools.lru_cache(maxsize=512)(_judge)


def negotiate(accept: str | None, table: dict[str, tuple[str, str]], default: str) -> tuple[str, str]:
    """Pick the best supported (format name, media type) for an Accept header.

    Unknown or wildcard-only Accept headers get the default (JSON results, Turtle graphs),
    which is what browsers and most SPARQL clients expect.
    """
    offers: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                with contextlib.suppress(ValueError):
                    quality = float(field[2:])
        if media and quality > 0:
            offers.append((-quality, index, media))
    for _, _, media in sorted(offers):
        if media in table:
            return table[media]
    return table[default]


@dataclass
class Answer:
    """What the front sends back."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


class Front:
    """Checks, forwards and caps queries; the HTTP handler only parses requests around it."""

    def __init__(self, engine: Engine, limits: Limits) -> None:
        self.engine = engine
        self.limits = limits
        self.slots = threading.BoundedSemaphore(MAX_CONCURRENT)

    def query(self, text: str, accept: str | None, graphs: list[tuple[str, str]]) -> Answer:
        """Run one SPARQL query under the guards."""
        form = check_query(text, self.limits.allow_federation)
        if not self.slots.acquire(timeout=self.limits.timeout):
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, "endpoint busy: too many queries at once")
        try:
            return self._run(form, text, accept, graphs)
        finally:
            self.slots.release()

    def _run(self, form: str, text: str, accept: str | None, graphs: list[tuple[str, str]]) -> Answer:
        import pyoxigraph

        if form in ("SelectQuery", "AskQuery"):
            name, media = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
            upstream_type = "text/tab-separated-values" if form == "SelectQuery" else (
                "application/sparql-results+json")
        else:
            name, media = negotiate(accept, GRAPH_TYPES, "text/turtle")
            upstream_type = "application/n-triples"
        lines, truncated = self._fetch(text, upstream_type, graphs, skip_header=form == "SelectQuery")
        data = b"".join(lines)
        try:
            if form == "AskQuery":
                result = pyoxigraph.parse_query_results(data, pyoxigraph.QueryResultsFormat.JSON)
                body = result.serialize(format=getattr(pyoxigraph.QueryResultsFormat, name))
            elif form == "SelectQuery":
                solutions = pyoxigraph.parse_query_results(data, pyoxigraph.QueryResultsFormat.TSV)
                body = solutions.serialize(format=getattr(pyoxigraph.QueryResultsFormat, name))
            elif name == "N_TRIPLES":
                body = data
            else:
                triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
                body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, name))
        except SyntaxError as exc:
            raise Refused(HTTPStatus.BAD_GATEWAY, f"unreadable answer from the engine: {exc}") from exc
        headers: tuple[tuple[str, str], ...] = ()
        if truncated:
            headers = (("X-SPARQL-MaxRows", str(self.limits.max_rows)),)
        charset = "" if "json" in media or "xml" in media else "; charset=utf-8"
        return Answer(HTTPStatus.OK, media + charset, body or b"", headers)

    def _fetch(self, text: str, media: str, graphs: list[tuple[str, str]],
               skip_header: bool) -> tuple[list[bytes], bool]:
        """Read the child's answer line by line under the deadline and the row cap."""
        deadline = time.monotonic() + self.limits.timeout + GRACE
        for attempt in (1, 2):
            self.engine.ensure_alive()
            generation = self.engine.generation
            try:
                return self._fetch_once(text, media, graphs, skip_header, deadline, generation)
            except (ConnectionError, http.client.RemoteDisconnected, http.client.IncompleteRead):
                # the child was restarted under us (another query's runaway) or died: once more
                if attempt == 2 or time.monotonic() >= deadline:
                    raise Refused(HTTPStatus.BAD_GATEWAY, "the query engine stopped; try again") from None
                self.engine.restart(generation)
        raise AssertionError("unreachable")

    def _fetch_once(self, text: str, media: str, graphs: list[tuple[str, str]], skip_header: bool,
                    deadline: float, generation: int) -> tuple[list[bytes], bool]:
        body = urllib.parse.urlencode([("query", text), *graphs]).encode()
        remaining = max(0.05, deadline - time.monotonic())
        connection = http.client.HTTPConnection("127.0.0.1", self.engine.port, timeout=remaining)
        try:
            connection.request("POST", "/query", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": media})
            response = connection.getresponse()
            if response.status != HTTPStatus.OK:
                message = response.read(4096)
                if CANCELLED in message:
                    raise _timeout(self.limits.timeout)
                text_message = " ".join(message.decode("utf-8", "replace").split())
                raise Refused(response.status, text_message or response.reason)
            lines: list[bytes] = []
            rows = size = 0
            limit = self.limits.max_rows + (1 if skip_header else 0)
            cap = media != "application/sparql-results+json"  # ASK: one boolean, nothing to cap
            while True:
                if time.monotonic() > deadline:
                    self._runaway(connection, generation)
                line = response.readline()
                if not line:
                    break
                if line.startswith(CANCELLED) or CANCELLED in line:
                    raise _timeout(self.limits.timeout)
                size += len(line)
                if cap and (rows >= limit or size > MAX_ANSWER):
                    return lines, True
                lines.append(line)
                rows += 1
            return lines, False
        except TimeoutError:
            self._runaway(connection, generation)
            raise AssertionError("unreachable") from None
        finally:
            connection.close()

    def _runaway(self, connection: http.client.HTTPConnection, generation: int) -> None:
        """The child overran the deadline without cancelling: restart it, answer 503."""
        connection.close()
        threading.Thread(target=self.engine.restart, args=(generation,), daemon=True).start()
        raise _timeout(self.limits.timeout)


def _timeout(seconds: float) -> Refused:
    return Refused(HTTPStatus.SERVICE_UNAVAILABLE, f"query exceeded the time limit of {seconds:g} s")


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation) plus the query page, nothing else."""

    server: FrontServer
    protocol_version = "HTTP/1.1"
    server_version = "diplograph-serve"

    _unread = 0  # bytes of a refused request body still in the socket

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)

    def finish(self) -> None:
        """Lingering close after a refused body: send the answer, then read and drop the rest.

        Closing a socket that still holds unread data makes the kernel reset the connection, and a
        client still sending its body then sees "Broken pipe" instead of the 413 it was sent (RFC
        9112, 9.6). The drain is bounded in bytes and time.
        """
        if self._unread:
            with contextlib.suppress(OSError):
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_WR)
                self.connection.settimeout(LINGER_SECONDS)
                deadline = time.monotonic() + LINGER_SECONDS
                left = min(self._unread, LINGER_BYTES)
                while left > 0 and time.monotonic() < deadline:
                    chunk = self.rfile.read1(min(left, 1 << 16))
                    if not chunk:
                        break
                    left -= len(chunk)
        super().finish()

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch("POST")

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        self._send(Answer(HTTPStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", b""))

    def do_PUT(self) -> None:  # noqa: N802 - stdlib naming
        self._refuse_write()

    def do_DELETE(self) -> None:  # noqa: N802 - stdlib naming
        self._refuse_write()

    def do_PATCH(self) -> None:  # noqa: N802 - stdlib naming
        self._refuse_write()

    def _refuse_write(self) -> None:
        try:
            self._drain()
            answer = _text(HTTPStatus.FORBIDDEN, "read-only endpoint: writes are refused")
        except Refused as refused:
            answer = _text(refused.status, refused.message)
        self._send(answer)

    def _drain(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._unread = length
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self, method: str) -> None:
        try:
            url = urllib.parse.urlsplit(self.path)
            body = self._drain() if method == "POST" else b""
            if url.path in QUERY_PATHS:
                answer = self._query(method, url.query, body)
            elif url.path == "/update":
                raise Refused(HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL updates are refused")
            elif url.path == "/store":
                raise Refused(HTTPStatus.FORBIDDEN,
                              "the Graph Store Protocol is not served here; use a CONSTRUCT query")
            elif url.path in STATIC_PATHS and method == "GET":
                answer = self._static(url.path)
            else:
                raise Refused(HTTPStatus.NOT_FOUND, f"no such resource: {url.path} (SPARQL at /sparql)")
        except Refused as refused:
            answer = _text(refused.status, refused.message)
        except Exception as exc:  # noqa: BLE001 - a request never kills the server
            answer = _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(exc).__name__}: {exc}")
        self._send(answer)

    def _query(self, method: str, query_string: str, body: bytes) -> Answer:
        params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST":
            if content_type == "application/x-www-form-urlencoded":
                params += urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            elif content_type == "application/sparql-query":
                params.append(("query", body.decode("utf-8", "replace")))
            elif content_type == "application/sparql-update":
                raise Refused(HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL updates are refused")
            else:
                raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                              f"unsupported Content-Type {content_type or '(none)'!r}")
        if any(key == "update" for key, _ in params):
            raise Refused(HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL updates are refused")
        queries = [value for key, value in params if key == "query"]
        if len(queries) != 1:
            raise Refused(HTTPStatus.BAD_REQUEST, "exactly one `query` parameter is required")
        graphs = [(k, v) for k, v in params if k in ("default-graph-uri", "named-graph-uri")]
        return self.server.front.query(queries[0], self.headers.get("Accept"), graphs)

    def _static(self, path: str) -> Answer:
        """The YASGUI page and its assets, as the child ships them."""
        engine = self.server.front.engine
        engine.ensure_alive()
        connection = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=10)
        try:
            connection.request("GET", "/" if path == "/index.html" else path)
            response = connection.getresponse()
            body = response.read()
            content_type = response.getheader("Content-Type") or "application/octet-stream"
        except OSError as exc:
            raise Refused(HTTPStatus.BAD_GATEWAY, f"query page unavailable: {exc}") from exc
        finally:
            connection.close()
        if path in ("/", "/index.html") and response.status == HTTPStatus.OK:
            # Do not advertise the update endpoint in the page's endpoint list: it is refused.
            body = body.replace(b'{ endpoint: url + "/update" },', b"")
            body = body.replace(b"<title>Oxigraph server</title>", b"<title>diplograph SPARQL</title>")
        return Answer(response.status, content_type, body)

    def _send(self, answer: Answer) -> None:
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for key, value in answer.headers:
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class FrontServer(ThreadingHTTPServer):
    """Threading HTTP server carrying the front; threads die with the process."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], front: Front, verbose: bool = False) -> None:
        self.front = front
        self.verbose = verbose
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


def serve(
    files: Iterable[str | Path] = (),
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    store_dir: str | Path | None = None,
    limits: Limits | None = None,
    verbose: bool = False,
    log: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True),
    ready: Callable[[str], None] | None = None,
) -> None:
    """Build or reuse the store, start the engine and the front, serve until Ctrl-C/SIGTERM."""
    from diplograph.store import ensure_store

    limits = limits or Limits()
    started = time.perf_counter()
    # The default graph is the distinct union of the named graphs, copied once when the store is
    # built (as in the query store), not Oxigraph's --union-default-graph, whose union keeps
    # duplicates: a label in k graphs matched k times, rows differed from `diplograph query` and
    # joins multiplied (roles overran the time limit once the vocabularies were in the union).
    info = ensure_store(list(files), store_dir, log=log, union_copy=True)
    engine = Engine(info.path, limits.timeout)
    try:
        server = FrontServer((host, port), Front(engine, limits), verbose)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        if not stop.is_set():
            stop.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        engine.start()
        bound_host, bound_port = server.server_address[:2]
        shown = f"[{bound_host}]" if ":" in str(bound_host) else str(bound_host)
        url = f"http://{shown}:{bound_port}"
        what = "reused" if info.reused else "built"
        log(f"store {what}: {info.quads} quads in {info.seconds:.2f} s; "
            f"ready after {time.perf_counter() - started:.2f} s")
        if not _is_loopback(host):
            log(f"warning: listening on {host}: anyone who can reach this address can query the graph")
        log(f"SPARQL endpoint: {url}/sparql   query page: {url}/   (Ctrl-C to stop)")
        if ready is not None:
            ready(url)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever(poll_interval=0.2)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        engine.stop()
        log("endpoint stopped")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
