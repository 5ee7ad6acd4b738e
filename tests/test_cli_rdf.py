"""validate / reason / export / stats through the real command line (click's CliRunner).

Every exit path a user or a script relies on: 0 ok, 1 findings, 2 usage, 3 input error,
with one line on stderr for errors. The graphs below are small hand-written Turtle files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from diplograph.cli import cli
from diplograph.namespaces import DG, SEM

PREFIXES = """\
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
EVENT = URIRef("https://w3id.org/diplograph/id/event/x/10")
OTHER = URIRef("https://w3id.org/diplograph/id/event/x/20")
# Two meetings with no grounding, no type concept, no status: every event shape must object.
BAD = PREFIXES + f"""
<{EVENT}> a dg:Meeting ; rdfs:label "Rencontre : A, B"@fr ; dg:date "2024-03-03"^^xsd:date .
<{OTHER}> a dg:Meeting ; rdfs:label "Rencontre : C"@fr ; dg:precededBy <{EVENT}> .
"""


def run(cli_runner, *args: str):
    """Invoke ``diplograph ARGS`` and return click's result (stdout/stderr apart)."""
    return cli_runner.invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def bad_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "bad.ttl"
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.fixture
def malformed_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + "\n<a> <b> <c> .\n<d> <e> \"unterminated .\n", encoding="utf-8")
    return path


# -- errors: 3 for input, 2 for usage, one line on stderr ---------------------------------------
@pytest.mark.parametrize("command", [["validate"], ["stats"], ["export"], ["reason", "-o", "out.ttl"]])
def test_missing_file_is_an_input_error(cli_runner, tmp_path: Path, command: list[str]) -> None:
    missing = str(tmp_path / "nope.ttl")
    result = run(cli_runner, *command, missing)
    assert result.exit_code == 3
    assert "nope.ttl" in result.stderr and "no such file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["validate"], ["stats"], ["export", "-f", "nt"]])
def test_malformed_turtle_reports_the_line(cli_runner, malformed_ttl: Path, command: list[str]) -> None:
    result = run(cli_runner, *command, str(malformed_ttl))
    assert result.exit_code == 3
    assert "broken.ttl" in result.stderr and "line 6" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_formats_are_usage_errors(cli_runner, bad_ttl: Path, tmp_path: Path) -> None:
    assert run(cli_runner, "export", "-f", "yaml", str(bad_ttl)).exit_code == 2
    assert run(cli_runner, "validate", "-f", "html", str(bad_ttl)).exit_code == 2
    assert run(cli_runner, "validate", "--inference", "magic", str(bad_ttl)).exit_code == 2
    result = run(cli_runner, "export", str(bad_ttl), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2 and "out.yaml" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_unknown_input_extension_is_an_input_error(cli_runner, tmp_path: Path) -> None:
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    result = run(cli_runner, "stats", str(odd))
    assert result.exit_code == 3 and "graph.csv" in result.stderr


# -- validate ------------------------------------------------------------------------------------
def test_validate_non_conforming_graph_exits_1_and_names_the_focus(cli_runner, bad_ttl: Path) -> None:
    result = run(cli_runner, "validate", str(bad_ttl))
    assert result.exit_code == 1
    assert result.stdout.startswith("Does not conform")
    assert "Violation:" in result.stdout and "/id/event/x/10" in result.stdout


def test_validate_json_report_lists_each_violation(cli_runner, bad_ttl: Path) -> None:
    result = run(cli_runner, "validate", "-f", "json", str(bad_ttl))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    violations = [r for r in report["results"] if r["severity"] == "Violation"]
    assert report["counts"]["Violation"] == len(violations) > 0
    focuses = {r["focusNode"]["value"] for r in report["results"] if r["focusNode"]["type"] == "uri"}
    assert any("/id/event/x/10" in f for f in focuses) and any("/id/event/x/20" in f for f in focuses)


def test_validate_json_report_types_every_term(cli_runner, tmp_path: Path) -> None:
    """The literal "String", the IRI <String> and a blank node are told apart (SPARQL JSON term objects)."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ;\n"
                      "  sh:property [ sh:path <urn:p> ; sh:nodeKind sh:IRI ] ;\n"
                      "  sh:property [ sh:path <urn:r> ; sh:nodeKind sh:Literal ] ;\n"
                      "  sh:property [ sh:path [ sh:inversePath <urn:q> ] ; sh:nodeKind sh:IRI ] .\n",
                      encoding="utf-8")
    data = tmp_path / "data.ttl"
    data.write_text('<urn:x> <urn:p> "String"@en ; <urn:r> <urn:String> .\n_:b <urn:q> <urn:x> .\n', encoding="utf-8")
    result = run(cli_runner, "validate", "--shapes", str(shapes), "-f", "json", str(data))
    assert result.exit_code == 1, result.stderr
    results = json.loads(result.stdout)["results"]
    values = sorted((r["value"]["type"], r["value"]["value"], r["value"].get("xml:lang", "")) for r in results)
    assert values[0][0] == "bnode" and values[1:] == [("literal", "String", "en"), ("uri", "urn:String", "")]
    inverse = next(r for r in results if r["resultPath"]["type"] == "bnode")
    assert inverse["path"] == "^<urn:q>"
    assert all(r["focusNode"] == {"type": "uri", "value": "urn:x"} for r in results)
    assert {r["resultSeverity"]["value"] for r in results} == {"http://www.w3.org/ns/shacl#Violation"}


def test_validate_turtle_report_is_a_shacl_report(cli_runner, bad_ttl: Path) -> None:
    result = run(cli_runner, "validate", "-f", "turtle", str(bad_ttl))
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert len(list(report.subjects(RDF.type, URIRef(sh + "ValidationReport")))) >= 1
    assert len(list(report.subjects(RDF.type, URIRef(sh + "ValidationResult")))) >= 2


def test_fail_on_levels_count_the_right_severities() -> None:
    from diplograph.check import Finding, Report

    report = Report(conforms=True, results=[Finding("f", "p", "v", "s", "Warning", "m")])
    assert report.failing("violation") == []
    assert len(report.failing("warning")) == 1
    assert len(report.failing("info")) == 1
    info_only = Report(conforms=True, results=[Finding("f", "p", "v", "s", "Info", "m")])
    assert info_only.failing("warning") == [] and len(info_only.failing("info")) == 1


def test_validate_with_owlrl_inference_still_finds_the_violations(cli_runner, bad_ttl: Path) -> None:
    result = run(cli_runner, "validate", "--inference", "owlrl", "-f", "json", str(bad_ttl))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["conforms"] is False


# -- reason --------------------------------------------------------------------------------------
def test_reason_writes_only_inferred_triples(cli_runner, bad_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "inferred.ttl"
    result = run(cli_runner, "reason", str(bad_ttl), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    inferred = Graph().parse(out, format="turtle")
    asserted = Graph().parse(bad_ttl, format="turtle")
    # dg:Meeting is a kind of dg:DiplomaticEvent, a kind of sem:Event (ontology)
    assert (EVENT, RDF.type, DG.DiplomaticEvent) in inferred
    assert (EVENT, RDF.type, SEM.Event) in inferred
    # dg:precededBy has the inverse dg:precedes
    assert (EVENT, DG.precedes, OTHER) in inferred
    assert not set(inferred) & set(asserted)
    same_as = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    assert not [t for t in inferred if t[1] == same_as and t[0] == t[2]]


def test_reason_never_writes_into_its_input(cli_runner, bad_ttl: Path) -> None:
    before = bad_ttl.read_bytes()
    result = run(cli_runner, "reason", str(bad_ttl), "-o", str(bad_ttl))
    assert result.exit_code == 2
    assert bad_ttl.read_bytes() == before


def test_reason_output_is_required(cli_runner, bad_ttl: Path) -> None:
    assert run(cli_runner, "reason", str(bad_ttl)).exit_code == 2


# -- export --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt,parse_as,quads", [
    ("ttl", "turtle", False), ("nt", "nt", False), ("xml", "xml", False),
    ("nq", "nquads", True), ("trig", "trig", True), ("jsonld", "json-ld", True),
])
def test_export_round_trips_and_is_deterministic(cli_runner, bad_ttl: Path, fmt, parse_as, quads) -> None:
    first = run(cli_runner, "export", "-f", fmt, str(bad_ttl))
    second = run(cli_runner, "export", "-f", fmt, str(bad_ttl))
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    asserted = Graph().parse(bad_ttl, format="turtle")
    if quads:
        dataset = Dataset()
        dataset.parse(data=first.stdout, format=parse_as)
        named = [g for g in dataset.contexts() if len(g)]
        assert [str(g.identifier) for g in named] == ["https://w3id.org/diplograph/graph/bad"]
        exported = Graph()
        for triple in named[0]:
            exported.add(triple)
    else:
        exported = Graph().parse(data=first.stdout, format=parse_as)
    assert isomorphic(exported, asserted)


def test_export_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """rdflib's JSON-LD and RDF/XML writers follow hash order; ours must not."""
    import subprocess
    import sys

    many = tmp_path / "many.ttl"
    events = "".join(
        f'<https://w3id.org/diplograph/id/event/x/{n}> a dg:Meeting ; rdfs:label "R {n}"@fr, "M {n}"@en ;'
        f' dg:precededBy <https://w3id.org/diplograph/id/event/x/{n + 1}> .\n'
        for n in range(40)
    )
    many.write_text(PREFIXES + events, encoding="utf-8")
    code = (
        "import sys; from diplograph.rdfio import load_dataset;"
        "from diplograph.serialize import serialize_dataset;"
        f"ds = load_dataset([{str(many)!r}]);"
        "sys.stdout.write('\\n=====\\n'.join(serialize_dataset(ds, f) for f in "
        "('ttl', 'nt', 'nq', 'trig', 'jsonld', 'xml')))"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("0", "1", "2")
    }
    assert len(outputs) == 1


def test_export_takes_the_format_from_the_output_extension(cli_runner, bad_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.nt"
    result = run(cli_runner, "export", str(bad_ttl), "-o", str(out))
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(Graph().parse(bad_ttl, format="turtle"))
    assert all(line.endswith(" .") for line in lines)


# -- stats ---------------------------------------------------------------------------------------
def test_stats_counts_classes_and_graphs(cli_runner, bad_ttl: Path) -> None:
    result = run(cli_runner, "stats", "-f", "json", str(bad_ttl))
    assert result.exit_code == 0
    stats = json.loads(result.stdout)
    assert stats["triples"] == 6
    assert stats["classes"] == {"dg:Meeting": 2}
    assert stats["graphs"] == {"https://w3id.org/diplograph/graph/bad": 6}
    text = run(cli_runner, "stats", str(bad_ttl))
    assert text.exit_code == 0 and "triples: 6" in text.stdout


def test_commands_default_to_the_projects_graph_folder(cli_runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(cli_runner, "stats")
    assert result.exit_code == 2 and "diplograph init" in result.stderr  # no project here
    (tmp_path / "diplograph.toml").write_text('graph = "graph"\n', encoding="utf-8")
    result = run(cli_runner, "stats")
    assert result.exit_code == 3 and "graph" in result.stderr  # a project without its graph/ yet
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "one.ttl").write_text(BAD, encoding="utf-8")
    result = run(cli_runner, "stats", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["triples"] == 6


# -- the SHACL-SPARQL fast path gives pySHACL's own results ---------------------------------------
def _sparql_shape_graphs(repo_root: Path) -> list[Path]:
    from diplograph.check import split_shapes

    names = {str(rule.shape).rsplit("#", 1)[-1] for rule in split_shapes()[1]}
    return sorted(p for p in (repo_root / "tests" / "shapes").glob("*.ttl") if p.stem in names)


def test_whole_graph_sparql_rules_equal_pyshacl_per_focus_node(repo_root: Path) -> None:
    """validate_graph runs node-level sh:sparql rules as one Oxigraph query each (6-15x faster)."""
    from diplograph.check import validate_graph

    graphs = _sparql_shape_graphs(repo_root)
    assert len(graphs) >= 3, "expected one violating test graph per SHACL-SPARQL shape in tests/shapes/"
    sparql_findings = 0
    for path in graphs:
        data = Graph().parse(path, format="turtle")
        slow = validate_graph(data, fast_sparql=False)
        fast = validate_graph(data)
        assert {r[:5] for r in fast.results} == {r[:5] for r in slow.results}, path.name
        sparql_findings += sum(1 for r in fast.results if r.shape.endswith(path.stem))
        assert fast.conforms == slow.conforms
    assert sparql_findings >= len(graphs)


# -- exit 0 and --fail-on through the command line ------------------------------------------------
def test_validate_conforming_graph_exits_0_and_warnings_fail_only_on_request(
    cli_runner, repo_root: Path, tmp_path: Path
) -> None:
    conforming = repo_root / "tests" / "shapes" / "conforming.ttl"
    result = run(cli_runner, "validate", str(conforming))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("Conforms")
    # A statement whose speaker is unknown is suspicious (a warning), not invalid.
    text = conforming.read_text(encoding="utf-8")
    assert "    dg:agent person:aino-virtanen ;\n" in text
    warned = tmp_path / "warned.ttl"
    warned.write_text(text.replace("    dg:agent person:aino-virtanen ;\n", "", 1), encoding="utf-8")
    report = json.loads(run(cli_runner, "validate", "-f", "json", str(warned)).stdout)
    assert report["counts"] == {"Violation": 0, "Warning": 1, "Info": 0}
    assert run(cli_runner, "validate", str(warned)).exit_code == 0
    assert run(cli_runner, "validate", "--fail-on", "warning", str(warned)).exit_code == 1
    assert run(cli_runner, "validate", "--fail-on", "info", str(warned)).exit_code == 1
