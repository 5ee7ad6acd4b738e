"""Check queries (queries/checks): silent on good data, loud on a graph broken on purpose.

Each broken graph is the hand-made seed graph with one fact spoiled the way a buggy extractor
or mapper would spoil it; every check must have one here, so a new check cannot land untested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from diplograph import sparql
from diplograph.cli import cli

DATA = Path(__file__).resolve().parent / "data"
GOOD = [DATA / "kremlin-meeting.ttl", DATA / "second-meeting.ttl"]
BASE = "https://w3id.org/diplograph/"
DG = BASE + "ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
GAF = "http://groundedannotationframework.org/gaf#"
SLUG = "2025-12-02-kremlin-meeting-fr"
MEETING = URIRef(f"{BASE}id/event/{SLUG}/69")
FOLLOW_UP = URIRef(f"{BASE}id/event/{SLUG}/3651")
QUOTE = URIRef(f"{BASE}id/quote/{SLUG}/1515")
POSITION = URIRef(f"{BASE}id/position/{SLUG}/2451")
PUTIN_MENTION = URIRef(f"{BASE}doc/{SLUG}#char=52,68")


def dg(name: str) -> URIRef:
    return URIRef(DG + name)


def remove_event_mentions(g: Graph) -> None:
    g.remove((MEETING, URIRef(GAF + "denotedBy"), None))


def add_event_without_kind(g: Graph) -> None:
    event = URIRef(f"{BASE}id/event/{SLUG}/1567")
    g.add((event, RDF.type, dg("DiplomaticEvent")))
    g.add((event, URIRef(GAF + "denotedBy"), PUTIN_MENTION))


def change_quote_text(g: Graph) -> None:
    g.set((QUOTE, dg("text"), Literal("beaucoup de travail encore")))


def drop_a_side(g: Graph) -> None:
    g.remove((URIRef(f"{BASE}id/participation/{SLUG}/69/jared-kushner"), dg("side"), None))


def drop_position_evidence(g: Graph) -> None:
    g.remove((POSITION, dg("evidence"), None))


def date_after_publication(g: Graph) -> None:
    g.set((MEETING, dg("date"), Literal("2025-12-04", datatype=XSD.date)))


def change_anchor(g: Graph) -> None:
    g.set((PUTIN_MENTION, URIRef(NIF + "anchorOf"), Literal("Vladimir Putin")))


def shift_offsets(g: Graph) -> None:
    g.set((PUTIN_MENTION, URIRef(NIF + "beginIndex"), Literal(53, datatype=XSD.nonNegativeInteger)))


BREAKERS: dict[str, Callable[[Graph], None]] = {
    "events-without-mention": remove_event_mentions,
    "events-without-kind": add_event_without_kind,
    "quote-text-differs-from-mention": change_quote_text,
    "participants-without-side": drop_a_side,
    "positions-without-evidence": drop_position_evidence,
    "date-after-publication": date_after_publication,
    "mention-iri-differs-from-offsets": shift_offsets,
}
CHECKS = {check.name: check for check in sparql.check_queries()}


def broken(tmp_path: Path, breaker: Callable[[Graph], None]) -> Path:
    graph = Graph().parse(GOOD[0])
    breaker(graph)
    path = tmp_path / "kremlin-meeting.nt"
    graph.serialize(path, format="nt")
    return path


def test_every_check_has_a_broken_graph():
    assert set(BREAKERS) == set(CHECKS)


@pytest.mark.parametrize("engine", sparql.ENGINES)
@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_check_is_silent_on_good_data(name, engine):
    assert sparql.run(CHECKS[name], sparql.load_sources(GOOD, engine)).rows == []


@pytest.mark.parametrize("engine", sparql.ENGINES)
@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_check_finds_the_broken_fact(tmp_path, name, engine):
    rows = sparql.run(CHECKS[name], sparql.load_sources([broken(tmp_path, BREAKERS[name])], engine)).rows
    assert len(rows) >= 1


def test_each_breakage_trips_its_own_check_and_names_the_culprit(tmp_path):
    data = sparql.load_sources([broken(tmp_path, drop_a_side)], "oxigraph")
    rows = sparql.run(CHECKS["participants-without-side"], data).rows
    assert [(row[0], row[1]) for row in rows] == [(MEETING, URIRef(f"{BASE}id/person/jared-kushner"))]
    assert sparql.run(CHECKS["positions-without-evidence"], data).rows == []


def test_a_wrong_anchor_is_reported_once_by_its_shape():
    """An anchor that is not the text at its offsets is dgsh:MentionAnchorShape's fault, said once.

    There was also a data rule (mention-anchor-differs-from-context) testing the same thing: every
    such mention was then reported twice, by the shape and by the rule, at the same node.
    """
    from diplograph.check import validate_graph

    graph = Graph().parse(GOOD[0])
    change_anchor(graph)
    found = [f for f in validate_graph(graph).results if f.focus == f"<{PUTIN_MENTION}>"]
    assert [(f.shape, f.value, f.severity) for f in found] == [
        ("dgsh:MentionAnchorShape", "Vladimir Putin", "Violation")]
    assert '"Vladimir Poutine"' in found[0].message  # the text actually at the offsets


def test_planned_events_may_be_dated_after_publication(tmp_path):
    def future_plan(g: Graph) -> None:
        g.set((FOLLOW_UP, dg("date"), Literal("2026-01-15", datatype=XSD.date)))

    data = sparql.load_sources([broken(tmp_path, future_plan)], "oxigraph")
    assert sparql.run(CHECKS["date-after-publication"], data).rows == []


@pytest.mark.parametrize(("date", "datatype", "after"), [
    ("2025-12", XSD.gYearMonth, False),  # the month of publication (2025-12-03) is not after it
    ("2025", XSD.gYear, False),
    ("2026", XSD.gYear, True),
    ("2025-12-03", XSD.date, False),
    ("2025-12-04", XSD.date, True),
])
def test_partial_dates_count_from_their_first_day(tmp_path, date, datatype, after):
    def dated(g: Graph) -> None:
        g.set((MEETING, dg("date"), Literal(date, datatype=datatype)))

    data = sparql.load_sources([broken(tmp_path, dated)], "rdflib")
    assert bool(sparql.run(CHECKS["date-after-publication"], data).rows) is after


def test_verify_passes_on_good_data():
    result = CliRunner().invoke(cli, ["verify", *map(str, GOOD)])
    assert result.exit_code == 0, result.output
    for name in CHECKS:
        assert re.search(rf"^ok +0 +\w+ +{name} ", result.output, re.M)


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_verify_exits_1_and_reports_the_failed_rule(tmp_path, engine):
    path = broken(tmp_path, change_quote_text)
    result = CliRunner().invoke(cli, ["verify", "--engine", engine, str(path)])
    assert result.exit_code == 1, result.output
    assert re.search(r"^FAIL +1 +violation +quote-text-differs-from-mention ", result.output, re.M)
    assert "beaucoup de travail encore" in result.output
    assert re.search(r"^ok +0 +violation +events-without-mention ", result.output, re.M)


# -- one rule, one verdict: severities, and validate / verify / build agreeing -----------------------
def test_every_check_declares_its_severity_and_a_missing_side_is_a_warning():
    from diplograph.data_rules import data_rules

    declared = {check.name: check.decorators.get("severity") for check in CHECKS.values()}
    assert all(value in ("violation", "warning", "info") for value in declared.values()), declared
    assert declared["participants-without-side"] == "warning"  # as the shape dgsh:ParticipationShape says
    assert {rule.name: rule.severity for rule in data_rules()}["participants-without-side"] == "Warning"


def _validate_rules(path: Path) -> dict[str, str]:
    """rule name -> severity of the data-rule results `validate -f json` reports."""
    import json

    result = CliRunner().invoke(cli, ["validate", "-f", "json", "--jobs", "1", str(path)])
    assert result.exit_code in (0, 1), result.output
    prefix = "https://w3id.org/diplograph/shapes#check-"
    return {r["sourceShape"]["value"][len(prefix):]: r["severity"]
            for r in json.loads(result.stdout)["results"] if r["sourceShape"]["value"].startswith(prefix)}


def _verify_rules(path: Path, fail_on: str = "violation") -> tuple[int, dict[str, str]]:
    """(exit code, rule name -> status) of `verify --fail-on`."""
    result = CliRunner().invoke(cli, ["verify", "--show", "0", "--fail-on", fail_on, str(path)])
    statuses = {}
    for line in result.stdout.splitlines():
        status, _count, _severity, name, *_ = line.split()
        statuses[name] = status
    return result.exit_code, statuses


@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_validate_and_verify_give_each_rule_the_same_verdict(tmp_path, name):
    path = broken(tmp_path, BREAKERS[name])
    in_validate = _validate_rules(path)
    severity = CHECKS[name].decorators["severity"]
    assert in_validate.get(name) == severity.capitalize()
    for fail_on in ("violation", "warning", "info"):
        code, statuses = _verify_rules(path, fail_on)
        failing_in_validate = {rule for rule, sev in in_validate.items()
                               if ("violation", "warning", "info").index(sev.lower())
                               <= ("violation", "warning", "info").index(fail_on)}
        assert {rule for rule, status in statuses.items() if status == "FAIL"} == failing_in_validate
        assert {rule for rule, status in statuses.items() if status != "ok"} == set(in_validate)
        assert code == (1 if failing_in_validate else 0)


def test_the_seed_graph_passes_every_rule_in_validate_and_verify(repo_root):
    graph = repo_root / "graph"
    assert _validate_rules(graph) == {}
    code, statuses = _verify_rules(graph, "info")
    assert code == 0 and set(statuses.values()) == {"ok"}


def test_build_summary_counts_and_lists_warnings():
    from diplograph.build import BuildSummary, _tally
    from diplograph.check import Finding
    from diplograph.processing import DocumentResult

    warning = Finding("<urn:e>", "", "<urn:p>", "dgsh:check-participants-without-side", "Warning", "no side")
    violation = Finding("<urn:q>", "dg:text", "x", "dgsh:QuoteTextShape", "Violation", "not the anchor")
    summary = BuildSummary()
    assert _tally(summary, set(), DocumentResult("a", "", 3, [warning], 0, set()), force=False)
    assert not _tally(summary, set(), DocumentResult("b", "", 3, [violation, warning], 0, set()), force=False)
    assert (summary.violations, summary.warnings) == (1, 2)
    assert summary.line().endswith("1 violations, 2 warnings") and summary.refused_documents == ["b"]
    assert summary.notes[0].startswith("warning: a: <urn:e>")


@pytest.mark.parametrize("inference", ["none", "rdfs", "owlrl"])
def test_the_committed_graph_validates_under_every_inference(repo_root, inference):
    """Entailments of the gazetteer and vocabularies are not the document's data (issue 14)."""
    result = CliRunner().invoke(cli, ["validate", "--inference", inference, "--fail-on", "info", "--jobs", "1",
                                      str(repo_root / "graph")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Conforms: 0 violations, 0 warnings, 0 infos")


def test_inference_still_judges_what_follows_from_the_document(tmp_path):
    """Inference only adds to what is judged: the document's own fault is found under every option."""
    path = broken(tmp_path, change_quote_text)
    for inference in ("none", "rdfs", "owlrl"):
        result = CliRunner().invoke(cli, ["validate", "--inference", inference, "--jobs", "1", str(path)])
        assert result.exit_code == 1 and "QuoteTextShape" in result.stdout, (inference, result.output)


@pytest.fixture(scope="module")
def built_texts(tmp_path_factory) -> tuple[Path, str]:
    """Every test text built by `diplograph build --force` (all written): (graph folder, stderr)."""
    texts = Path(__file__).resolve().parent / "texts"
    graph_dir = tmp_path_factory.mktemp("texts-graph")
    result = CliRunner().invoke(cli, ["build", "--force", "--jobs", "2", "--corpus-dir", str(texts),
                                      "--graph-dir", str(graph_dir)])
    assert result.exit_code == 0, result.output
    return graph_dir, result.stderr


@pytest.mark.slow
def test_build_validate_and_verify_agree_on_every_test_text(built_texts):
    """One verdict: build's counts are validate's, and each rule's verdict in validate is verify's."""
    import json

    graph_dir, stderr = built_texts
    summary = re.search(r"(\d+) violations?, (\d+) warnings?", stderr)
    assert summary, stderr
    report = json.loads(CliRunner().invoke(cli, ["validate", "-f", "json", "--jobs", "1", str(graph_dir)]).stdout)
    counts = report["counts"]
    assert int(summary.group(1)) == counts["Violation"]
    assert int(summary.group(2)) == sum(n for severity, n in counts.items() if severity != "Violation")
    in_validate = _validate_rules(graph_dir)
    for fail_on in ("violation", "info"):
        code, statuses = _verify_rules(graph_dir, fail_on)
        assert {rule for rule, status in statuses.items() if status != "ok"} == set(in_validate)
        failing = {rule for rule, sev in in_validate.items()
                   if fail_on == "info" or sev == "Violation"}
        assert {rule for rule, status in statuses.items() if status == "FAIL"} == failing
        assert code == (1 if failing else 0)
