"""The native SHACL engine (diplograph.shacl) reports exactly what pySHACL reports.

`build` validates every document with the native engine because pySHACL costs several times
spaCy's parse; that is only acceptable if a user gets the same findings from both. So the
two engines are run side by side, finding for finding (focus, path, value, shape, severity,
message), on:
  * the conforming shape-test graph with each shape's breaking file added;
  * the committed seed graph;
  * graphs broken at random (hypothesis): triples removed, objects swapped for literals of
    the wrong kind or datatype, extra values, extra language duplicates, wrong types.
And the engine choice itself: `auto` falls back to pySHACL for shapes outside the native
scope, `native` refuses them, an invalid shapes file is the same input error everywhere,
and `diplograph validate --engine native|pyshacl` print the same report.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from diplograph.check import validate_graph
from diplograph.cli import cli
from diplograph.errors import InputError, UsageError
from diplograph.shacl import compile_shapes

REPO = Path(__file__).resolve().parents[1]
SHAPE_TESTS = REPO / "tests" / "shapes"
SEED = sorted((REPO / "graph").glob("*.ttl"))
DG = "https://w3id.org/diplograph/ontology#"


@cache
def parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def both(graph: Graph) -> tuple[list, list]:
    native = validate_graph(graph, engine="native")
    reference = validate_graph(graph, engine="pyshacl", fast_sparql=True)  # SPARQL rules: tests/test_shapes.py
    assert native.conforms == reference.conforms
    return native.results, reference.results


def assert_same(graph: Graph) -> list:
    native, reference = both(graph)
    assert sorted(set(native)) == sorted(set(reference)), "engines disagree"
    return native


@pytest.mark.parametrize("name", sorted(p.stem for p in SHAPE_TESTS.glob("*Shape.ttl")))
def test_same_findings_on_each_shape_test(name: str) -> None:
    graph = Graph()
    graph += parsed(SHAPE_TESTS / "conforming.ttl")
    graph += parsed(SHAPE_TESTS / f"{name}.ttl")
    findings = assert_same(graph)
    assert findings, f"{name}.ttl breaks its shape: both engines must report it"


def test_same_findings_on_the_conforming_and_seed_graphs() -> None:
    assert assert_same(parsed(SHAPE_TESTS / "conforming.ttl")) == []
    for path in SEED:
        assert not [f for f in assert_same(parsed(path)) if f.severity == "Violation"]


def _mutations(graph: Graph) -> st.SearchStrategy:
    triples = sorted(graph)
    nodes = sorted({s for s, _, _ in triples if isinstance(s, URIRef)})
    classes = sorted({o for _, p, o in triples if p == RDF.type})
    wrong = st.sampled_from([
        Literal("x"), Literal("x", lang="fr"), Literal("-3", datatype=XSD.integer),
        Literal("not a date", datatype=XSD.date), Literal("7", datatype=XSD.nonNegativeInteger),
        Literal("true", datatype=XSD.boolean), BNode("b0"), URIRef("https://example.org/nothing"),
        Literal("2999-01-01", datatype=XSD.date), Literal("second", lang="fr"),
    ])
    edit = st.one_of(
        st.tuples(st.just("remove"), st.sampled_from(triples), st.none()),
        st.tuples(st.just("replace"), st.sampled_from(triples), wrong),
        st.tuples(st.just("add"), st.sampled_from(triples), wrong),
        st.tuples(st.just("retype"), st.tuples(st.sampled_from(nodes), st.just(RDF.type), st.sampled_from(classes)),
                  st.none()),
    )
    return st.lists(edit, min_size=1, max_size=6)


def _apply(base: Graph, edits: list) -> Graph:
    graph = Graph()
    graph += base
    for kind, (s, p, o), new in edits:
        if kind == "remove":
            graph.remove((s, p, o))
        elif kind == "replace":
            graph.remove((s, p, o))
            graph.add((s, p, new))
        elif kind == "add":
            graph.add((s, p, new))
        else:
            graph.add((s, p, o))
    return graph


CONFORMING = Graph().parse(SHAPE_TESTS / "conforming.ttl", format="turtle")


@given(_mutations(CONFORMING))
def test_same_findings_on_randomly_broken_graphs(edits: list) -> None:
    assert_same(_apply(CONFORMING, edits))


def test_a_broken_graph_is_reported_by_the_default_engine() -> None:
    graph = Graph()
    graph += CONFORMING
    quote = next(graph.subjects(RDF.type, URIRef(DG + "Quote")))
    graph.remove((quote, URIRef(DG + "text"), None))  # sh:minCount 1 on dg:text
    report = validate_graph(graph)
    assert not report.conforms
    assert any(f.path == "dg:text" and str(quote) in f.focus for f in report.results)


CLOSED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dg: <https://w3id.org/diplograph/ontology#> .
<urn:s> a sh:NodeShape ; sh:targetClass dg:Quote ; sh:closed true ; sh:property [ sh:path dg:text ] .
"""
# A SHACL-SPARQL constraint on a property shape: outside the native engine's scope.
PROPERTY_SPARQL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dg: <https://w3id.org/diplograph/ontology#> .
<urn:s> a sh:NodeShape ; sh:targetClass dg:Quote ;
  sh:property [ sh:path dg:text ; sh:sparql [ sh:select "SELECT $this ?value WHERE { $this $PATH ?value }" ] ] .
"""


def test_closed_shapes_are_native_and_agree_with_pyshacl(tmp_path: Path) -> None:
    shapes = tmp_path / "closed.ttl"
    shapes.write_text(CLOSED_SHAPES, encoding="utf-8")
    assert compile_shapes(Graph().parse(shapes)) is not None
    native = validate_graph(CONFORMING, shapes=shapes, engine="native")
    reference = validate_graph(CONFORMING, shapes=shapes, engine="pyshacl")
    assert not native.conforms and native.results
    assert sorted(f[:5] for f in native.results) == sorted(f[:5] for f in reference.results)  # not pySHACL's wording


def test_shapes_outside_the_native_scope_fall_back_to_pyshacl(tmp_path: Path) -> None:
    shapes = tmp_path / "sparql.ttl"
    shapes.write_text(PROPERTY_SPARQL_SHAPES, encoding="utf-8")
    assert compile_shapes(Graph().parse(shapes)) is None
    report = validate_graph(CONFORMING, shapes=shapes)  # auto: pySHACL runs the property-level SPARQL
    assert not report.conforms and report.results
    with pytest.raises(UsageError, match="pyshacl"):
        validate_graph(CONFORMING, shapes=shapes, engine="native")


def test_invalid_shapes_are_an_input_error_on_every_engine(tmp_path: Path) -> None:
    shapes = tmp_path / "bad.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:minCount \"many\" ; sh:path <urn:p> .\n",
                      encoding="utf-8")
    for engine in ("auto", "native", "pyshacl"):
        with pytest.raises(InputError, match="not a valid SHACL shapes graph"):
            validate_graph(CONFORMING, shapes=shapes, engine=engine)


def test_cli_engines_print_the_same_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    graph = Graph()
    graph += CONFORMING
    graph += parsed(SHAPE_TESTS / "MentionShape.ttl")
    graph.serialize(broken, format="turtle")
    runner = CliRunner()
    outputs = {}
    for engine in ("native", "pyshacl"):
        result = runner.invoke(cli, ["validate", "--engine", engine, "-f", "json", str(broken)])
        assert result.exit_code == 1, result.output
        outputs[engine] = result.output
    assert outputs["native"] == outputs["pyshacl"]
    result = runner.invoke(cli, ["validate", "--engine", "fastest", str(broken)])
    assert result.exit_code == 2


def test_validate_jobs_shard_documents_with_the_same_report(tmp_path: Path) -> None:
    folder = tmp_path / "graphs"
    folder.mkdir()
    for name in ("MentionShape", "QuoteShape", "EventShape", "PersonShape"):
        graph = Graph()
        graph += CONFORMING
        graph += parsed(SHAPE_TESTS / f"{name}.ttl")
        graph.serialize(folder / f"{name.lower()}.ttl", format="turtle")
    runner = CliRunner()
    outputs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["validate", "--jobs", jobs, "-f", "json", *sorted(map(str, folder.iterdir()))])
        assert result.exit_code == 1, result.output
        outputs[jobs] = result.output
    assert outputs["1"] == outputs["2"]
    assert all(f"shapes#{name}\"" in outputs["1"] for name in ("MentionShape", "QuoteShape"))


CUSTOM_SEVERITY = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:severity <urn:example#Cosmetic> ;
  sh:property [ sh:path <urn:p> ; sh:minCount 1 ; sh:severity <urn:example#Cosmetic> ] .
"""


@pytest.mark.parametrize("engine", ["native", "pyshacl"])
def test_a_custom_severity_is_counted_under_its_iri_and_ranks_with_info(tmp_path: Path, engine: str) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(CUSTOM_SEVERITY, encoding="utf-8")
    data = tmp_path / "data.ttl"
    data.write_text("<urn:x> <urn:q> 1 .\n", encoding="utf-8")
    runner = CliRunner()
    base = ["validate", "--engine", engine, "--shapes", str(shapes)]
    report = runner.invoke(cli, [*base, "-f", "json", str(data)])
    assert report.exit_code == 0, report.output  # --fail-on violation: a custom severity does not fail
    payload = json.loads(report.stdout)
    assert payload["conforms"] is False  # SHACL: any result at all, whatever its severity
    assert payload["counts"] == {"Violation": 0, "Warning": 0, "Info": 0, "urn:example#Cosmetic": 1}
    assert payload["results"][0]["resultSeverity"] == {"type": "uri", "value": "urn:example#Cosmetic"}
    assert runner.invoke(cli, [*base, "--fail-on", "warning", str(data)]).exit_code == 0
    text = runner.invoke(cli, [*base, "--fail-on", "info", str(data)])
    assert text.exit_code == 1 and "1 <urn:example#Cosmetic>" in text.stdout


def test_sparql_rules_follow_a_subclass_the_data_itself_declares() -> None:
    # The SPARQL rules read class targets' subclasses from the OWL file, computed once; a data
    # graph that declares its own subclass of a targeted class must still have its instances judged.
    dg = "https://w3id.org/diplograph/ontology#"
    data = Graph().parse(SHAPE_TESTS / "conforming.ttl", format="turtle")
    data += Graph().parse(SHAPE_TESTS / "QuoteTextShape.ttl", format="turtle")

    def quote_findings(graph: Graph) -> set[str]:
        return {f.focus for f in validate_graph(graph).results if f.shape == "dgsh:QuoteTextShape"}

    expected = quote_findings(data)
    assert expected  # the file breaks the rule
    citation = URIRef("https://example.org/Citation")
    retyped = Graph()
    for s, p, o in data:
        retyped.add((s, p, citation if p == RDF.type and o == URIRef(dg + "Quote") else o))
    retyped.add((citation, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), URIRef(dg + "Quote")))
    assert quote_findings(retyped) == expected
