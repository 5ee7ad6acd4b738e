"""Check queries (queries/checks): silent on good data, loud on a graph broken on purpose.

Each broken graph is the hand-made seed graph with one fact spoiled the way a buggy extractor
or mapper would spoil it; every check must have one here, so a new check cannot land untested.
"""

from __future__ import annotations

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
    "mention-anchor-differs-from-context": change_anchor,
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
        assert f"ok        0  {name}" in result.output


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_verify_exits_1_and_reports_the_failed_rule(tmp_path, engine):
    path = broken(tmp_path, change_quote_text)
    result = CliRunner().invoke(cli, ["verify", "--engine", engine, str(path)])
    assert result.exit_code == 1, result.output
    assert "FAIL      1  quote-text-differs-from-mention" in result.output
    assert "beaucoup de travail encore" in result.output
    assert "ok        0  events-without-mention" in result.output
