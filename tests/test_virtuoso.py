"""Every stored query gives the same rows locally and on a real Virtuoso 7.2 after `push --dialect virtuoso`.

Virtuoso is Debian's `virtuoso-opensource-7-bin` (`.ci/run` installs it), started here as a plain
process on loopback with its own virtuoso.ini in a temporary folder, and stopped by pid. The graphs
go in through its authenticated Graph Store endpoint (digest authentication, `graph-uri=`), exactly
as a user pushes them; the queries go to its /sparql endpoint through `diplograph query --endpoint`'s
client. Rows are compared as multisets of RDF terms by value (a plain literal is an xsd:string one,
"5"^^xsd:integer is "5.0"^^xsd:decimal, "PT5H" is "P0DT18000S"). Every .rq file in queries/ is
covered, so a query someone adds later is checked too.
"""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Literal, URIRef

import local_servers
from diplograph import endpoint, push, sparql
from diplograph.cli import cli
from diplograph.iris import UNION_GRAPH_IRI
from diplograph.serve_engine import stop_process
from local_servers import Server

REPO = Path(__file__).resolve().parents[1]
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "long", "int", "short", "byte",
                              "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                              "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
def start_virtuoso(folder: Path) -> Server:
    """A real Virtuoso for these tests (tests/local_servers.py); fails in CI if it is not installed."""
    if shutil.which("virtuoso-t") is None:
        if os.environ.get("DIPLOGRAPH_REQUIRE_VIRTUOSO"):
            pytest.fail("virtuoso-t is not installed but DIPLOGRAPH_REQUIRE_VIRTUOSO is set (CI)")
        pytest.skip("virtuoso-t not installed (Debian: apt-get install virtuoso-opensource-7-bin)")
    return local_servers.start_virtuoso(folder)


def stop_virtuoso(server: Server) -> None:
    """Stop it; a server that died on its own (a crash) says so, with the end of its log."""
    crashed = server.process.poll()
    stop_process(server.process, 30)
    if crashed is not None:
        pytest.fail(f"Virtuoso exited by itself (code {crashed}) during the tests: {server.log_tail()}")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        stop_virtuoso(server)


@pytest.fixture
def fresh_virtuoso(tmp_path: Path) -> Iterator[Server]:
    """A server of its own, for a test that must not depend on what the others did to theirs."""
    server = start_virtuoso(tmp_path / "virtuoso")
    try:
        yield server
    finally:
        stop_virtuoso(server)


@pytest.fixture(autouse=True)
def dba(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_STORE_USER", "dba")
    monkeypatch.setenv("DIPLOGRAPH_STORE_PASSWORD", "dba")


# ---------------------------------------------------------------- the data sets and queries


def datasets() -> dict[str, list[Path]]:
    """The seed (graph/) and every document graph file under tests/data (not the broken inputs)."""
    found = {"seed": [REPO / "graph"]}
    for path in sorted((REPO / "tests" / "data").rglob("*")):
        if path.suffix in (".ttl", ".trig", ".nq") and "reliability" not in path.parts:
            found[path.relative_to(REPO / "tests" / "data").as_posix()] = [path]
    return found


def stored_queries() -> list[Path]:
    """Every stored query there is now, including ones added after this test was written."""
    return sorted((REPO / "queries").glob("*.rq"))


def canon(term: object) -> tuple[object, ...]:
    """An RDF term by value: what two engines that agree on the data must agree on."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    assert isinstance(term, Literal)
    datatype = str(term.datatype) if term.datatype else ""
    if term.language:
        return ("text", str(term), term.language.lower())
    if datatype in ("", XSD + "string"):
        return ("text", str(term), "")
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(str(term)).normalize())
        except InvalidOperation:
            return ("literal", str(term), datatype)
    if datatype == XSD + "duration":
        return ("duration", term.toPython())
    return ("literal", str(term), datatype)


def parameter_values(files: list[Path]) -> dict[str, object]:
    """A value from this data for each parameter name the stored queries use."""
    data = sparql.load_sources(files, "oxigraph")
    event = sparql.run(sparql.StoredQuery("pick", Path("pick.rq"), """
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        SELECT ?e ?who WHERE { ?e dg:hasParticipant ?who } ORDER BY ?e ?who LIMIT 1""", "", (), ()), data)
    values: dict[str, object] = {"lang": Literal("en")}
    if event.rows:
        values["event"], values["resource"] = event.rows[0]
    document = sparql.run(sparql.StoredQuery("pick", Path("pick.rq"), """
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        SELECT ?d WHERE { ?e dg:reportedIn ?d } ORDER BY DESC(?d) LIMIT 1""", "", (), ()), data)
    if document.rows:
        values["document"] = document.rows[0][0]
    return values


def rows(query: sparql.StoredQuery, data: object, bindings: dict) -> Counter:
    result = sparql.run(query, data, bindings)
    assert result.kind == "select"
    return Counter(tuple(canon(term) for term in row) for row in result.rows), result.variables


def push_dataset(runner: CliRunner, server: Server, files: list[Path], *options: str) -> list[str]:
    """Push ``files`` (with ``options``); the graphs now in the store, the union graph too when written."""
    result = runner.invoke(cli, ["push", *map(str, files), "--store", server.url, "--dialect", "virtuoso", *options])
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr  # Virtuoso's default graph is the union
    union = [UNION_GRAPH_IRI] if "--no-union-graph" not in options else []
    assert ("union graph" in result.stderr) == bool(union), result.stderr
    return [graph.graph for graph in push.collect_graphs(files)] + union


def delete_graphs(server: Server, graphs: list[str]) -> None:
    endpoint = push.gsp_endpoint(server.url, "virtuoso")
    auth = push.digest_auth(endpoint)
    for graph in graphs:
        request = urllib.request.Request(push.graph_url(endpoint, graph, "graph-uri"), method="DELETE")
        request.add_header("Authorization", auth.header(request))
        urllib.request.urlopen(request, timeout=60).close()


# ---------------------------------------------------------------- tests


def test_there_are_queries_and_data_to_compare() -> None:
    assert stored_queries(), "queries/*.rq is empty: the comparison would test nothing"
    assert len(datasets()) >= 2, "expected the seed and at least one test graph"


@pytest.mark.parametrize("name", list(datasets()))
def test_every_stored_query_gives_the_same_rows_on_virtuoso(name: str, virtuoso: Server,
                                                            cli_runner: CliRunner) -> None:
    files = datasets()[name]
    graphs = push_dataset(cli_runner, virtuoso, files)
    try:
        local = sparql.load_sources(files, "oxigraph")
        remote = sparql.load_sources((), "oxigraph", endpoint=virtuoso.sparql)  # what `query --endpoint` reads
        assert remote.default_graph == UNION_GRAPH_IRI
        values = parameter_values(files)
        checked = 0
        differ: dict[str, str] = {}
        for path in stored_queries():
            query = sparql.load_query(path)
            settings = [{}]  # optional parameters unbound, then every parameter bound
            if query.parameters:
                if any(p.name not in values for p in query.parameters):
                    assert not any(p.required for p in query.parameters if p.name not in values), (
                        f"{path.name}: no value for a required parameter in {name}")
                settings = [s for s in settings if not any(p.required for p in query.parameters)]
                settings.append({p.variable: values[p.name] for p in query.parameters if p.name in values})
            for bound in settings:
                expected, variables = rows(query, local, bound)
                try:
                    got, remote_variables = rows(query, remote, bound)
                except Exception as exc:  # noqa: BLE001 - a refused query is a difference too
                    differ.setdefault(path.name, f"error: {str(exc)[:200]}")
                    continue
                if remote_variables != variables or got != expected:
                    differ.setdefault(path.name, f"{name} with {sorted(bound)}: {len(got)} rows vs {len(expected)}")
                checked += 1
        assert checked >= len(stored_queries())
        assert not differ, f"Virtuoso differs from the local engine: {differ}"
    finally:
        delete_graphs(virtuoso, graphs)


def test_the_query_store_gives_the_rows_virtuoso_gives(virtuoso: Server, cli_runner: CliRunner,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`diplograph query NAME` with no files (graph/'s persistent store) against Virtuoso, every query.

    Pushed without the union graph: the queries read Virtuoso's own default graph (every graph,
    a triple once per graph holding it), which must give the same rows too.
    """
    files = [REPO / "graph"]
    graphs = push_dataset(cli_runner, virtuoso, files, "--no-union-graph")
    monkeypatch.chdir(REPO)
    try:
        store = sparql.load_sources((), "oxigraph")
        for path in stored_queries():
            query = sparql.load_query(path)
            if any(p.required for p in query.parameters):
                continue
            assert rows(query, store, {}) == rows(query, sparql.Endpoint(virtuoso.sparql), {}), path.name
    finally:
        delete_graphs(virtuoso, graphs)


def test_pushing_again_rebuilds_the_union_graph(virtuoso: Server, cli_runner: CliRunner) -> None:
    """A second push replaces the graphs, so the union graph is emptied and rebuilt (DELETE, then one
    POST per graph, digest-authenticated): it holds each triple once, and the rows stay the local ones."""
    files = [REPO / "tests" / "data" / "kremlin-meeting.ttl"]
    graphs = push_dataset(cli_runner, virtuoso, files)
    try:
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{UNION_GRAPH_IRI}> {{ ?s ?p ?o }} }}"
        first = endpoint.select(virtuoso.sparql, count)[1][0][0]
        result = cli_runner.invoke(cli, ["push", *map(str, files), "--store", virtuoso.url, "--dialect", "virtuoso"])
        assert result.exit_code == 0 and "rebuilt" in result.stderr, result.stderr
        assert endpoint.select(virtuoso.sparql, count)[1][0][0] == first
        remote = sparql.load_sources((), "oxigraph", endpoint=virtuoso.sparql)
        local = sparql.load_sources(files, "oxigraph")
        for name in ("quotes", "meetings", "actors"):
            query = sparql.load_query(REPO / "queries" / f"{name}.rq")
            assert rows(query, remote, {}) == rows(query, local, {}), name
    finally:
        delete_graphs(virtuoso, graphs)


def test_a_default_graph_that_is_not_the_union_is_said_with_the_fix(
        fresh_virtuoso: Server, cli_runner: CliRunner) -> None:
    virtuoso = fresh_virtuoso
    """An endpoint URL that names its default graph answers the stored queries with nothing: say so."""
    graphs = push_dataset(cli_runner, virtuoso, [REPO / "tests" / "data" / "kremlin-meeting.ttl"])
    try:
        narrowed = virtuoso.sparql + "?default-graph-uri=http%3A%2F%2Fexample.org%2Fnothing-here"
        result = cli_runner.invoke(cli, ["query", "quotes", "--endpoint", narrowed, "-f", "csv"])
        assert result.exit_code == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1 and "not the union" in warnings[0]
        assert "drop default-graph-uri" in warnings[0]
        assert result.stdout.splitlines()[1:] == []  # the rows that are not there
        plain = cli_runner.invoke(cli, ["query", "quotes", "--endpoint", virtuoso.sparql, "-f", "csv"])
        assert plain.exit_code == 0 and "warning" not in plain.stderr
        assert len(plain.stdout.splitlines()) > 1
    finally:
        delete_graphs(virtuoso, graphs)


def test_push_without_credentials_is_one_clear_line(cli_runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                                    virtuoso: Server) -> None:
    monkeypatch.delenv("DIPLOGRAPH_STORE_USER")
    monkeypatch.delenv("DIPLOGRAPH_STORE_PASSWORD")
    result = cli_runner.invoke(cli, ["push", str(REPO / "tests" / "data" / "kremlin-meeting.ttl"),
                                     "--store", virtuoso.url, "--dialect", "virtuoso"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "DIPLOGRAPH_STORE_USER" in result.stderr


def test_wrong_password_fails_every_graph_and_says_why(cli_runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                                       fresh_virtuoso: Server) -> None:
    virtuoso = fresh_virtuoso
    monkeypatch.setenv("DIPLOGRAPH_STORE_PASSWORD", "not-the-password")
    result = cli_runner.invoke(cli, ["push", str(REPO / "tests" / "data" / "kremlin-meeting.ttl"),
                                     "--store", virtuoso.url, "--dialect", "virtuoso", "--no-ontology"])
    assert result.exit_code == 1
    assert "FAILED" in result.stderr and "401" in result.stderr
