"""`diplograph serve`: the persistent store and the guarded SPARQL endpoint, tested over real HTTP.

A real `diplograph serve` process (real Oxigraph child, real front) is started on a free
loopback port; SPARQLWrapper and plain urllib talk to it as any SPARQL client would. The
stored queries must answer exactly what the local engine (pyoxigraph over the same files,
union default graph) answers; updates, SERVICE, endless queries and oversized answers are
refused or cut.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal, URIRef

from diplograph import resources, sparql
from diplograph.errors import InputError, UsageError
from diplograph.namespaces import ONTOLOGY_GRAPH, VOCAB_GRAPH

REPO = Path(__file__).resolve().parents[1]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TIMEOUT = 2  # seconds: the endpoint's query time limit in these tests
MAX_ROWS = 1500
GENERATED = 2000  # triples of generated data: more than MAX_ROWS, and a 3-way join never ends

# A small document graph in the shape of docs/data-model.md (made up for these tests).
SMALL_TTL = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix doc: <https://w3id.org/diplograph/doc/> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix person: <https://w3id.org/diplograph/id/person/> .
@prefix event: <https://w3id.org/diplograph/id/event/serve-test/> .
@prefix etype: <https://w3id.org/diplograph/vocab/event-type/> .
@prefix estatus: <https://w3id.org/diplograph/vocab/event-status/> .

doc:serve-test a dg:SourceDocument ; dg:published "2024-03-05"^^xsd:date ; dg:language "fr" .
<https://w3id.org/diplograph/doc/serve-test#char=0,80> a nif:Context, nif:OffsetBasedString ;
    nif:isString "Le ministre Jean Testeur a reçu à Genève son homologue Ana Exemplo pendant deux heures." ;
    nif:beginIndex 0 ; nif:endIndex 80 ; dg:document doc:serve-test .
<https://w3id.org/diplograph/doc/serve-test#char=25,29> a dg:Mention, nif:OffsetBasedString ;
    nif:anchorOf "reçu" ; nif:beginIndex 25 ; nif:endIndex 29 ;
    nif:referenceContext <https://w3id.org/diplograph/doc/serve-test#char=0,80> .
<https://w3id.org/diplograph/doc/serve-test#char=12,24> a dg:Mention, nif:OffsetBasedString ;
    nif:anchorOf "Jean Testeur" ; nif:beginIndex 12 ; nif:endIndex 24 ;
    nif:referenceContext <https://w3id.org/diplograph/doc/serve-test#char=0,80> .
person:jean-testeur a dg:Person ; rdfs:label "Jean Testeur"@fr ;
    gaf:denotedBy <https://w3id.org/diplograph/doc/serve-test#char=12,24> .
person:ana-exemplo a dg:Person ; rdfs:label "Ana Exemplo"@fr .
event:25 a dg:Meeting ; rdfs:label "Rencontre : Jean Testeur, Ana Exemplo"@fr ;
    dg:eventType etype:meeting ; dg:status estatus:occurred ;
    dg:date "2024-03-05"^^xsd:date ; dg:duration "PT2H"^^xsd:duration ;
    dg:host person:jean-testeur ;
    dg:hasParticipant person:jean-testeur, person:ana-exemplo ;
    dg:reportedIn doc:serve-test ;
    gaf:denotedBy <https://w3id.org/diplograph/doc/serve-test#char=25,29> .
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@dataclass
class Served:
    """A running `diplograph serve` process."""

    process: subprocess.Popen[str]
    url: str
    files: list[Path]
    stderr: list[str] = field(default_factory=list)

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def start_serve(files: list[Path], store: Path, *extra: str, limit: float = 90.0) -> Served:
    """Start `diplograph serve --port 0` and wait for the URL it prints on stderr."""
    command = [sys.executable, "-m", "diplograph.cli", "serve", *map(str, files), "--port", "0",
               "--store", str(store), "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), *extra]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    lines: list[str] = []
    found = threading.Event()
    url: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            match = re.search(r"SPARQL endpoint: (http://\S+)/sparql", line)
            if match:
                url.append(match.group(1))
                found.set()
        found.set()

    threading.Thread(target=read, daemon=True).start()
    if not found.wait(limit) or not url:
        stop_serve(process)
        raise RuntimeError("diplograph serve did not start: " + "".join(lines))
    return Served(process, url[0], files, lines)


def stop_serve(process: subprocess.Popen[str]) -> int:
    """SIGTERM, then SIGKILL if it does not exit: always leaves no process behind."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


def data_files(tmp: Path) -> list[Path]:
    """This module's small graph, generated bulk data, the hand-made test graphs, and graph/ if built."""
    small = tmp / "serve-test.ttl"
    small.write_text(SMALL_TTL, encoding="utf-8")
    generated = tmp / "generated.nt"
    generated.write_text("".join(f'<http://example.org/gen/s{i}> <http://example.org/gen/p> "{i}" .\n'
                                 for i in range(GENERATED)), encoding="utf-8")
    files = [small, generated]
    files += sorted((REPO / "tests" / "data").glob("*.ttl"))
    if (REPO / "graph" / "diplograph.trig").is_file():
        files.append(REPO / "graph" / "diplograph.trig")
    return files


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("serve")
    server = start_serve(data_files(tmp), tmp / "store")
    try:
        yield server
    finally:
        children = _children(server.process.pid)
        stop_serve(server.process)
        for pid in children:  # never leave an engine behind, even if the test failed
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def local(served: Served) -> pyoxigraph.Store:
    """The local engine: pyoxigraph in memory over the same files, loaded independently."""
    from diplograph.rdfio import load_store

    store = load_store(served.files)
    turtle = pyoxigraph.RdfFormat.TURTLE
    store.bulk_load(path=str(resources.ontology_file()), format=turtle,
                    to_graph=pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)))
    for path in resources.vocab_files():
        store.bulk_load(path=str(path), format=turtle, to_graph=pyoxigraph.NamedNode(str(VOCAB_GRAPH)))
    return store


def post(url: str, data: dict[str, str] | bytes, content_type: str = "application/x-www-form-urlencoded",
         accept: str = "application/sparql-results+json", timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """One HTTP POST; returns (status, headers, body) for error statuses too."""
    body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


# ---------------------------------------------------------------- comparing answers by value


def canon_json(cell: dict[str, str] | None) -> tuple[str, ...]:
    if cell is None:
        return ("unbound",)
    if cell["type"] == "uri":
        return ("uri", cell["value"])
    if cell["type"] == "bnode":
        return ("bnode",)  # labels are local to one answer
    datatype = cell.get("datatype", XSD_STRING if "xml:lang" not in cell else "")
    return ("literal", cell["value"], cell.get("xml:lang", ""), datatype)


def canon_ox(term: object) -> tuple[str, ...]:
    if term is None:
        return ("unbound",)
    if isinstance(term, pyoxigraph.NamedNode):
        return ("uri", term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return ("bnode",)
    assert isinstance(term, pyoxigraph.Literal)
    language = term.language or ""
    return ("literal", term.value, language, "" if language else term.datatype.value)


def stored_queries() -> list[Path]:
    """Every stored query and check that exists now (the folder is still growing)."""
    return sorted((REPO / "queries").glob("*.rq")) + sorted((REPO / "queries" / "checks").glob("*.rq"))


def test_there_are_stored_queries_to_compare() -> None:
    assert stored_queries(), "queries/*.rq is empty: the endpoint comparison below would test nothing"


@pytest.mark.parametrize("path", stored_queries(), ids=lambda p: p.stem)
def test_stored_query_gives_the_local_engine_answer(path: Path, served: Served,
                                                    local: pyoxigraph.Store) -> None:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    text = path.read_text(encoding="utf-8")
    client = SPARQLWrapper(served.sparql)
    client.setMethod(POST)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    remote = client.query().convert()
    expected = local.query(text, use_default_graph_as_union=True)
    if isinstance(expected, pyoxigraph.QueryBoolean):
        assert remote["boolean"] is bool(expected)
        return
    assert isinstance(expected, pyoxigraph.QuerySolutions)
    variables = [v.value for v in expected.variables]
    lists = sparql.load_query(path).decorators.get("sorted_lists") or ()
    local_rows = Counter(unordered_lists(tuple(canon_ox(row[v]) for v in variables), variables, lists)
                         for row in expected)
    assert remote["head"]["vars"] == variables
    remote_rows = Counter(unordered_lists(tuple(canon_json(b.get(v)) for v in variables), variables, lists)
                          for b in remote["results"]["bindings"])
    assert remote_rows == local_rows


def unordered_lists(row: tuple[tuple[str, ...], ...], variables: list[str], lists: list[str]) -> tuple:
    """GROUP_CONCAT columns (decorator sorted_lists) compared as sorted items: SPARQL gives no order."""
    return tuple((cell[0], ", ".join(sorted(cell[1].split(", "))), *cell[2:])
                 if name in lists and cell[0] == "literal" else cell for name, cell in zip(variables, row, strict=True))


def test_endpoint_client_binds_parameters_as_terms(served: Served) -> None:
    """endpoint.select: the event bound as an IRI gives its two participants, nothing else."""
    from diplograph.endpoint import select

    query = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label WHERE { BIND(COALESCE(?__lang, "en") AS ?lang)
      ?event dg:hasParticipant ?actor . ?actor rdfs:label ?label FILTER(lang(?label) = ?lang) }"""
    event = URIRef("https://w3id.org/diplograph/id/event/serve-test/25")
    variables, rows = select(served.sparql, query, {"event": event, "__lang": Literal("fr")})
    assert variables == ["label"]
    assert sorted(rows) == [(Literal("Ana Exemplo", lang="fr"),), (Literal("Jean Testeur", lang="fr"),)]
    _, none = select(served.sparql, query, {"event": event})  # default language "en": no label
    assert none == []


PARAMETER_VALUES = {  # values from SMALL_TTL, by grlc parameter name
    "event": URIRef("https://w3id.org/diplograph/id/event/serve-test/25"),
    "document": URIRef("https://w3id.org/diplograph/doc/serve-test"),
    "resource": URIRef("https://w3id.org/diplograph/id/person/jean-testeur"),
    "lang": Literal("en"),
}


@pytest.mark.parametrize("path", [p for p in stored_queries() if "?_" in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.stem)
def test_stored_query_with_parameters_binds_remotely_as_locally(path: Path, served: Served,
                                                                local: pyoxigraph.Store) -> None:
    """endpoint.select's VALUES row must mean what the local engine's substitution means."""
    from diplograph import sparql
    from diplograph.endpoint import select

    query = sparql.load_query(path)
    if any(p.name not in PARAMETER_VALUES for p in query.parameters):
        pytest.skip(f"no test value for a parameter of {path.name}")
    bindings = {p.variable: PARAMETER_VALUES[p.name] for p in query.parameters}
    expected = sparql.run(query, local, bindings)
    variables, rows = select(served.sparql, query.text, bindings)
    assert variables == expected.variables
    remote = sparql.sort_lists(query, sparql.Result("select", variables, rows))  # as `query --endpoint` does
    assert Counter(remote.rows) == Counter(expected.rows)


def test_endpoint_client_refuses_terms_that_would_break_out(served: Served) -> None:
    from diplograph.endpoint import select

    with pytest.raises(UsageError):
        select(served.sparql, "SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://x/> } ?s ?p ?o . { <x:y")})
    # a literal full of quotes and braces is a value, not syntax: the query runs, matches nothing
    _, rows = select(served.sparql, "SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('"} } DROP ALL {\n')})
    assert rows == []


def test_endpoint_client_reports_an_unreachable_endpoint_in_one_line() -> None:
    from diplograph.endpoint import select

    with pytest.raises(InputError, match="cannot reach"):
        select(f"http://127.0.0.1:{_free_port()}/sparql", "ASK {}")


# ---------------------------------------------------------------- what the endpoint refuses


def count_all(served: Served) -> int:
    status, _, body = post(served.sparql, {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                           accept="text/csv")
    assert status == 200
    return int(body.decode().split()[1])


def test_update_is_refused_and_changes_nothing(served: Served) -> None:
    from SPARQLWrapper import POST, SPARQLWrapper

    before = count_all(served)
    insert = "INSERT DATA { <http://example.org/x> <http://example.org/y> <http://example.org/z> }"
    client = SPARQLWrapper(served.url + "/sparql", updateEndpoint=served.url + "/update")
    client.setMethod(POST)
    client.setQuery(insert)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    for body, content_type, path in [(insert.encode(), "application/sparql-update", "/sparql"),
                                     ({"query": insert}, "application/x-www-form-urlencoded", "/query"),
                                     ({"update": insert}, "application/x-www-form-urlencoded", "/sparql")]:
        status, _, message = post(served.url + path, body, content_type)
        assert status == 403, message
        assert b"read-only" in message
    assert count_all(served) == before


def test_graph_store_writes_and_dumps_are_refused(served: Served) -> None:
    request = urllib.request.Request(served.url + "/store?default", data=b"<a:b> <a:c> <a:d> .",
                                     method="PUT", headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as dump:  # the engine would dump the whole store here
        urllib.request.urlopen(served.url + "/query", timeout=10)
    assert dump.value.code == 400


def test_service_is_refused_and_the_target_never_contacted(served: Served) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        for query in [f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                      f"ASK {{ FILTER EXISTS {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}"]:
            status, _, message = post(served.sparql, {"query": query})
            assert status == 403
            assert b"SERVICE" in message
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


def test_endless_query_is_cut_at_the_time_limit(served: Served) -> None:
    query = ("SELECT (COUNT(*) AS ?n) WHERE { ?a <http://example.org/gen/p> ?x . "
             "?b <http://example.org/gen/p> ?y . ?c <http://example.org/gen/p> ?z }")  # 8e9 rows
    started = time.monotonic()
    status, _, message = post(served.sparql, {"query": query})
    elapsed = time.monotonic() - started
    assert status == 503
    assert b"time limit" in message
    assert elapsed < TIMEOUT + 3


def test_runaway_computation_is_cut_and_the_endpoint_recovers(served: Served) -> None:
    """A cross join of VALUES never touches the store, so Oxigraph never cancels it itself."""
    digits = "{ 0 1 2 3 4 5 6 7 8 9 }"
    query = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?v{i} {digits}" for i in range(10)) + " }"
    started = time.monotonic()
    status, _, _ = post(served.sparql, {"query": query})
    assert status == 503
    assert time.monotonic() - started < TIMEOUT + 3
    assert count_all(served) > GENERATED  # the engine was restarted and answers again


def test_large_answers_are_cut_at_max_rows_and_say_so(served: Served) -> None:
    query = "SELECT ?s ?o WHERE { ?s <http://example.org/gen/p> ?o }"
    status, headers, body = post(served.sparql, {"query": query}, accept="text/csv")
    assert status == 200
    assert headers.get("X-SPARQL-MaxRows") == str(MAX_ROWS)
    assert len(body.decode().strip().splitlines()) == 1 + MAX_ROWS
    construct = "CONSTRUCT WHERE { ?s <http://example.org/gen/p> ?o }"
    status, headers, body = post(served.sparql, {"query": construct}, accept="application/n-triples")
    assert status == 200
    assert headers.get("X-SPARQL-MaxRows") == str(MAX_ROWS)
    assert len(body.decode().strip().splitlines()) == MAX_ROWS
    small = "SELECT ?s WHERE { ?s a <https://w3id.org/diplograph/ontology#Person> }"
    status, headers, _ = post(served.sparql, {"query": small})
    assert status == 200 and "X-SPARQL-MaxRows" not in headers


@pytest.mark.parametrize(("accept", "content_type"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
])
def test_results_come_in_the_format_asked_for(served: Served, accept: str, content_type: str) -> None:
    query = "SELECT ?p WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> }"
    status, headers, body = post(served.sparql, {"query": query}, accept=accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == content_type
    parsed = pyoxigraph.parse_query_results(body, pyoxigraph.QueryResultsFormat.from_media_type(content_type))
    people = {row["p"].value for row in parsed}
    assert {"https://w3id.org/diplograph/id/person/jean-testeur",
            "https://w3id.org/diplograph/id/person/ana-exemplo"} <= people


def test_query_page_is_served(served: Served) -> None:
    with urllib.request.urlopen(served.url + "/", timeout=10) as response:
        page = response.read().decode()
    assert "yasgui" in page.lower()
    assert '"/update"' not in page  # the refused endpoint is not offered in the page
    with urllib.request.urlopen(served.url + "/yasgui.min.js", timeout=10) as response:
        assert response.status == 200 and len(response.read()) > 10_000


# ---------------------------------------------------------------- the persistent store


def test_store_is_reused_while_inputs_are_unchanged_and_rebuilt_after_a_change(tmp_path: Path) -> None:
    from diplograph.store import ensure_store, open_read_only

    data = tmp_path / "doc.ttl"
    data.write_text(SMALL_TTL, encoding="utf-8")
    first = ensure_store([data], tmp_path / "store")
    again = ensure_store([data], tmp_path / "store")
    assert not first.reused and again.reused
    assert again.path == first.path and again.quads == first.quads
    person = pyoxigraph.NamedNode("https://w3id.org/diplograph/id/person/ana-exemplo")
    data.write_text(SMALL_TTL.replace("Ana Exemplo", "Ana Changed"), encoding="utf-8")
    changed = ensure_store([data], tmp_path / "store")
    assert not changed.reused and changed.key != first.key
    labels = [q.object.value for q in open_read_only(changed).quads_for_pattern(person, None, None)
              if q.predicate.value.endswith("#label")]
    assert labels == ["Ana Changed"]
    assert not first.path.exists()  # the stale database is removed
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == sorted([changed.path.name, "manifest.json"])


def test_a_failed_build_leaves_no_half_store_and_dead_builders_are_cleaned(tmp_path: Path) -> None:
    from diplograph.store import ensure_store

    root = tmp_path / "store"
    dead = root / ".tmp-999999999-crashed"  # a builder killed mid-way (no such pid)
    dead.mkdir(parents=True)
    bad = tmp_path / "bad.ttl"
    bad.write_text(SMALL_TTL + "\nthis is not turtle .\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        ensure_store([bad], root)
    assert not [p for p in root.iterdir() if p.name.startswith("db-")]
    assert [p.name for p in root.iterdir() if p.name.startswith(".tmp-")] == [dead.name]
    good = tmp_path / "good.ttl"
    good.write_text(SMALL_TTL, encoding="utf-8")
    info = ensure_store([good], root)
    assert not dead.exists()
    assert [p.name for p in root.iterdir() if p.is_dir()] == [info.path.name]


def test_serve_reuses_an_up_to_date_store_and_stops_its_engine_on_sigterm(tmp_path: Path) -> None:
    data = tmp_path / "doc.ttl"
    data.write_text(SMALL_TTL, encoding="utf-8")
    for expected in ("store built", "store reused"):
        server = start_serve([data], tmp_path / "store")
        try:
            assert any(expected in line for line in server.stderr)
            assert server.url.startswith("http://127.0.0.1:")  # loopback unless told otherwise
            engines = _children(server.process.pid)
            assert engines and all(_alive(pid) for pid in engines)
            assert count_all(server) > 0
        finally:
            code = stop_serve(server.process)
        assert code == 0
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in engines) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in engines)


def test_serve_on_a_busy_port_is_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "doc.ttl"
    data.write_text(SMALL_TTL, encoding="utf-8")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "diplograph.cli", "serve", str(data), "--port", str(port),
             "--store", str(tmp_path / "store")], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines()[-1].startswith("diplograph: error: cannot listen on")


def test_allow_federation_lets_service_reach_another_endpoint(served: Served, tmp_path: Path) -> None:
    data = tmp_path / "other.ttl"
    data.write_text('<http://example.org/here> <http://example.org/p> "local" .\n', encoding="utf-8")
    other = start_serve([data], tmp_path / "store", "--allow-federation")
    try:
        query = (f"SELECT ?name WHERE {{ SERVICE <{served.sparql}> {{ "
                 "<https://w3id.org/diplograph/id/person/ana-exemplo> "
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?name } }")
        status, _, body = post(other.sparql, {"query": query}, accept="text/csv")
        assert status == 200, body
        assert body.decode().split() == ["name", "Ana", "Exemplo"]
    finally:
        stop_serve(other.process)


@pytest.mark.parametrize("name", ["participants", "meetings", "quotes", "actors"])
def test_query_command_with_endpoint_prints_what_the_local_engine_prints(name: str, served: Served,
                                                                         local: pyoxigraph.Store) -> None:
    """`diplograph query NAME --endpoint URL` is the same command, the same columns and rows, remotely."""
    from click.testing import CliRunner

    from diplograph import sparql
    from diplograph.cli import cli

    result = CliRunner().invoke(cli, ["query", name, "--endpoint", served.sparql, "-f", "tsv"])
    assert result.exit_code == 0, result.output
    expected = sparql.run(sparql.resolve_query(name), local)
    assert expected.rows, f"{name} has no rows on the test data: the comparison would prove nothing"
    assert result.output == sparql.format_result(expected, "tsv")


def test_query_command_with_endpoint_and_files_is_a_usage_error(served: Served) -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    result = CliRunner().invoke(cli, ["query", "events", "graph", "--endpoint", served.sparql])
    assert result.exit_code == 2
    assert "not both" in result.output
