"""`diplograph push`: named graphs sent to a real Oxigraph server with the Graph Store Protocol.

The target is a separately started `oxigraph serve` (read-write, its own temp folder, a free
loopback port). Every graph read back must be isomorphic to the local one; pushing twice must
change nothing; a server that is not there must be one clear line and exit code 3. Retries and
credentials are checked against a tiny stdlib HTTP server that records what it receives.
"""

from __future__ import annotations

import base64
import contextlib
import shutil
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

import local_servers
from diplograph import resources
from diplograph.cli import cli
from diplograph.namespaces import ONTOLOGY_GRAPH, VOCAB_GRAPH, graph_iri

DOC_A = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix person: <https://w3id.org/diplograph/id/person/> .
<https://w3id.org/diplograph/doc/push-a> a dg:SourceDocument ; dg:language "fr" .
person:alice-martin a dg:Person ; rdfs:label "Alice Martin"@fr, "Alice Martin"@en .
<https://w3id.org/diplograph/id/event/push-a/10> a dg:Meeting ;
    dg:hasParticipant person:alice-martin ; dg:summary "Elle a rencontré \\"son\\" homologue." .
"""
DOC_B = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/diplograph/doc/push-b> a dg:SourceDocument ; dg:language "fr" ;
    rdfs:comment [ rdfs:label "un nœud anonyme" ] .
"""



@pytest.fixture
def docs(tmp_path: Path) -> list[Path]:
    a, b = tmp_path / "push-a.ttl", tmp_path / "push-b.ttl"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B, encoding="utf-8")
    return [a, b]


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A read-write `oxigraph serve` (no union default graph) on a free loopback port; stopped afterwards."""
    with oxigraph(tmp_path / "oxigraph-db", union=False) as url:
        yield url


@contextlib.contextmanager
def oxigraph(folder: Path, *, union: bool) -> Iterator[str]:
    """The real Oxigraph server (tests/local_servers.py), stopped by pid on the way out."""
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server (PyPI package `oxigraph`) is not installed")
    server = local_servers.start_oxigraph(folder, union=union, limit=30)
    try:
        yield server.url
    finally:
        local_servers.stop_process(server.process, 10)


def read_graph(base: str, graph: str) -> Graph:
    url = base + "/store?" + urllib.parse.urlencode({"graph": graph})
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return Graph().parse(data=response.read().decode("utf-8"), format="nt")


def store_size(base: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    request = urllib.request.Request(base + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.read().decode().split()[1])


def local_graph(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def push(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["push", *args])
    return result.exit_code, result.stderr


def test_every_graph_read_back_is_isomorphic_to_the_local_one(
        cli_runner: CliRunner, docs: list[Path], oxigraph_server: str) -> None:
    code, messages = push(cli_runner, *map(str, docs), "--store", oxigraph_server, "--dialect", "oxigraph")
    assert code == 0, messages
    for path in docs:
        remote = read_graph(oxigraph_server, graph_iri(path.stem))
        assert len(remote) > 0
        assert isomorphic(remote, local_graph(path)), path.name
    assert isomorphic(read_graph(oxigraph_server, str(ONTOLOGY_GRAPH)), local_graph(resources.ontology_file()))
    assert isomorphic(read_graph(oxigraph_server, str(VOCAB_GRAPH)), local_graph(*resources.vocab_files()))
    assert "graph/push-a" in messages and "ok" in messages


def test_pushing_twice_changes_nothing_and_replaces_stray_triples(
        cli_runner: CliRunner, docs: list[Path], oxigraph_server: str) -> None:
    args = [*map(str, docs), "--store", oxigraph_server + "/store", "--no-ontology"]  # dialect gsp: URL as is
    assert push(cli_runner, *args)[0] == 0
    size = store_size(oxigraph_server)
    assert push(cli_runner, *args)[0] == 0
    assert store_size(oxigraph_server) == size  # blank nodes included: PUT replaces the graph
    stray = urllib.request.Request(
        oxigraph_server + "/store?" + urllib.parse.urlencode({"graph": graph_iri("push-a")}), method="POST",
        data=b"<http://example.org/stray> <http://example.org/p> <http://example.org/o> .\n",
        headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(stray, timeout=30).close()
    assert store_size(oxigraph_server) == size + 1
    assert push(cli_runner, *args)[0] == 0
    assert store_size(oxigraph_server) == size
    assert isomorphic(read_graph(oxigraph_server, graph_iri("push-a")), local_graph(docs[0]))


def test_a_stopped_server_is_one_clear_line_and_exit_3(cli_runner: CliRunner, docs: list[Path]) -> None:
    url = f"http://127.0.0.1:{local_servers.free_port()}"  # nothing listens there
    code, messages = push(cli_runner, *map(str, docs), "--store", url, "--dialect", "oxigraph")
    assert code == 3
    lines = messages.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("diplograph: error:") and "cannot connect" in lines[0] and url in lines[0]


class Recorder(BaseHTTPRequestHandler):
    """Answers the first `fail` requests with 503, then 204; records method, path and headers."""

    seen: list[tuple[str, str, dict[str, str], bytes]]
    fail: int

    def do_PUT(self) -> None:  # noqa: N802 - stdlib naming
        self._answer()

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        self._answer()

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if "graph=" not in self.path:  # a SPARQL request (which graphs exist, union check): no store here
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        type(self).seen.append((self.command, self.path, dict(self.headers), body))
        status = 503 if len(type(self).seen) <= type(self).fail else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, type[Recorder]]]:
    handler = type("Handler", (Recorder,), {"seen": [], "fail": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def test_transient_errors_are_retried_and_credentials_come_from_the_environment(
        cli_runner: CliRunner, docs: list[Path], recorder: tuple[str, type[Recorder]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url, handler = recorder
    handler.fail = 2  # the first graph gets two 503s before it goes through
    monkeypatch.setattr("diplograph.push.BACKOFF", 0.01)
    monkeypatch.setenv("DIPLOGRAPH_STORE_USER", "curator")
    monkeypatch.setenv("DIPLOGRAPH_STORE_PASSWORD", "s3cret:pw")
    code, messages = push(cli_runner, str(docs[0]), "--store", url + "/ds", "--dialect", "fuseki",
                          "--no-ontology", "--append")
    assert code == 0, messages
    sent = handler.seen
    assert len(sent) == 3
    for method, path, headers, body in sent:
        assert method == "POST"
        assert path == "/ds/data?" + urllib.parse.urlencode({"graph": graph_iri("push-a")})
        assert headers["Content-Type"] == "application/n-triples"
        assert base64.b64decode(headers["Authorization"].split()[1]) == b"curator:s3cret:pw"
        assert isomorphic(Graph().parse(data=body.decode(), format="nt"), local_graph(docs[0]))


def test_a_graph_that_keeps_failing_makes_exit_1_and_is_reported(
        cli_runner: CliRunner, docs: list[Path], recorder: tuple[str, type[Recorder]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    url, handler = recorder
    handler.fail = 4  # every try of the first graph fails; the second graph goes through
    monkeypatch.setattr("diplograph.push.BACKOFF", 0.01)
    code, messages = push(cli_runner, *map(str, docs), "--store", url + "/repositories/r",
                          "--dialect", "graphdb", "--no-ontology")
    assert code == 1
    assert "FAILED https://w3id.org/diplograph/graph/push-a" in messages
    assert "ok https://w3id.org/diplograph/graph/push-b" in messages
    assert all(path.startswith("/repositories/r/rdf-graphs/service?graph=") for _, path, _, _ in handler.seen)


def test_dry_run_sends_nothing(cli_runner: CliRunner, docs: list[Path],
                               recorder: tuple[str, type[Recorder]]) -> None:
    url, handler = recorder
    code, messages = push(cli_runner, *map(str, docs), "--store", url, "--dialect", "oxigraph", "--dry-run")
    assert code == 0
    assert handler.seen == []
    assert "PUT " + url + "/store?graph=" in messages


def test_credentials_in_the_url_are_refused(cli_runner: CliRunner, docs: list[Path]) -> None:
    code, messages = push(cli_runner, str(docs[0]), "--store", "http://user:pw@127.0.0.1:1/")
    assert code == 2
    assert "DIPLOGRAPH_STORE_USER" in messages


def test_a_store_whose_default_graph_is_not_the_union_gets_one_warning_with_the_fix(
        cli_runner: CliRunner, docs: list[Path], oxigraph_server: str) -> None:
    """`oxigraph serve` without --union-default-graph answers every stored query with no rows: say so."""
    code, messages = push(cli_runner, *map(str, docs), "--store", oxigraph_server, "--dialect", "oxigraph",
                          "--no-union-graph")
    assert code == 0, messages
    warnings = [line for line in messages.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "not the union" in warnings[0] and "--union-default-graph" in warnings[0]
    result = cli_runner.invoke(cli, ["query", "participants", "--endpoint", oxigraph_server + "/query"])
    assert result.exit_code == 0
    assert "not the union" in result.stderr and "--union-default-graph" in result.stderr


def test_a_union_store_gets_no_warning(cli_runner: CliRunner, docs: list[Path], tmp_path: Path) -> None:
    with oxigraph(tmp_path / "db", union=True) as url:
        code, messages = push(cli_runner, *map(str, docs), "--store", url, "--dialect", "oxigraph")
        assert code == 0, messages
        assert "warning" not in messages


def test_a_first_push_posts_new_graphs_and_a_second_replaces_them(
        cli_runner: CliRunner, docs: list[Path], oxigraph_server: str) -> None:
    """A graph the store does not hold is POSTed (no clearing scan), one it holds is PUT (replaced)."""
    args = [*map(str, docs), "--store", oxigraph_server, "--dialect", "oxigraph", "--no-ontology"]
    code, first = push(cli_runner, *args)
    assert code == 0, first
    first = "\n".join(line for line in first.splitlines() if "/graph/push-" in line)
    assert first.count("POST 20") == 2 and "PUT" not in first
    size = store_size(oxigraph_server)
    stray = urllib.request.Request(
        oxigraph_server + "/store?" + urllib.parse.urlencode({"graph": graph_iri("push-a")}), method="POST",
        data=b"<http://example.org/stray> <http://example.org/p> <http://example.org/o> .\n",
        headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(stray, timeout=30).close()
    code, second = push(cli_runner, *args)
    assert code == 0, second
    second = "\n".join(line for line in second.splitlines() if "/graph/push-" in line)
    assert second.count("PUT 20") == 2 and "POST" not in second
    assert store_size(oxigraph_server) == size  # the stray triple is gone: the graph was replaced


DOC_C = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix person: <https://w3id.org/diplograph/id/person/> .
<https://w3id.org/diplograph/doc/push-c> a dg:SourceDocument ; dg:language "fr" .
person:alice-martin a dg:Person ; rdfs:label "Alice Martin"@fr, "Alice Martin"@en .
"""
LABELS = """\
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT (COUNT(*) AS ?labels) WHERE { <https://w3id.org/diplograph/id/person/alice-martin> rdfs:label ?label }
"""


def test_the_union_graph_stays_the_distinct_union_of_the_stores_graphs(
        cli_runner: CliRunner, docs: list[Path], tmp_path: Path) -> None:
    """What `query --endpoint` reads: every graph once, a triple once, replaced graphs without their old triples."""
    from diplograph.iris import UNION_GRAPH_IRI

    a, b = docs
    with oxigraph(tmp_path / "db", union=True) as url:
        def union_is(*paths: Path) -> bool:
            return isomorphic(read_graph(url, UNION_GRAPH_IRI), local_graph(*paths))

        common = ["--store", url, "--dialect", "oxigraph", "--no-ontology"]
        code, messages = push(cli_runner, str(a), str(b), *common)
        assert code == 0, messages
        assert union_is(a, b)
        a.write_text(DOC_A.replace("son", "leur"), encoding="utf-8")
        code, messages = push(cli_runner, str(a), *common)  # b is not pushed again: read back from the store
        assert code == 0, messages
        assert union_is(a, b) and "son" not in read_graph(url, UNION_GRAPH_IRI).serialize(format="nt")
        c = tmp_path / "push-c.ttl"
        c.write_text(DOC_C, encoding="utf-8")
        code, messages = push(cli_runner, str(c), *common)  # a new graph only: merged into the union
        assert code == 0, messages
        assert "union graph" in messages and "POST 20" in messages.split("union graph")[1]
        assert union_is(a, b, c)
        # Alice's two labels are in two graphs: the store's own union default graph counts four,
        # the stored queries (through the union graph) two.
        query = tmp_path / "labels.rq"
        query.write_text(LABELS, encoding="utf-8")
        answer = cli_runner.invoke(cli, ["query", str(query), "--endpoint", url + "/query", "-f", "csv"])
        assert answer.exit_code == 0, answer.output
        assert answer.stdout.split() == ["labels", "2"] and "warning" not in answer.stderr
        raw = urllib.request.Request(url + "/query", data=urllib.parse.urlencode({"query": LABELS}).encode(),
                                     headers={"Accept": "text/csv"})
        with urllib.request.urlopen(raw, timeout=30) as response:
            assert response.read().decode().split() == ["labels", "4"]
