"""The pictures and the documentation a reader looks at: `draw`, `timeline`, `docs`.

The graph drawn here is hand-made (tests/data/pictures/two-documents.trig: two invented
articles), so every expected label below is read from that file, not from program output.
Rendering is real: Graphviz `dot`, matplotlib Agg, pyLODE.
"""

from __future__ import annotations

import os
import shutil
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from diplograph.cli import cli

DATA = Path(__file__).parent / "data" / "pictures" / "two-documents.trig"
GENEVA_MEETING = "id:event/2031-03-05-geneva-talks/57"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` binary not installed")


def svg_text(path: Path) -> str:
    """All text of an SVG, after checking that it is well-formed XML with an <svg> root."""
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header (after checking the magic bytes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def store():
    from diplograph.rdfio import load_store

    return load_store([DATA])


# ------------------------------------------------------------------------------------------ draw

def test_main_event_is_the_first_occurred_meeting(store) -> None:
    from diplograph.pictures.draw import main_event

    # The Oslo article is published first; its meeting at offset 4 is only planned, so the
    # main event is the one that happened (offset 128), not the first meeting in the text.
    assert main_event(store) == "https://w3id.org/diplograph/id/event/2031-02-11-oslo-talks/128"


def test_event_view_groups_participants_by_side_with_roles(store) -> None:
    from diplograph.pictures import Labels
    from diplograph.pictures.draw import event_view, resolve_event

    view = event_view(store, resolve_event(store, GENEVA_MEETING), Labels(store, "en"))
    sides = {side.label: {(p.label, p.role, p.host) for p in side.participants} for side in view.sides}
    assert sides == {
        "Norway": {("Ingrid Solberg", "foreign minister", True), ("Lars Berg", "diplomatic adviser", False)},
        "Brazil": {("Paulo Amaral", "envoy", False)},
    }
    assert view.sides[0].label == "Norway"  # the host's side comes first
    assert view.topics == ["ceasefire"]
    assert view.points == [("disagreement", "withdrawal timetable", ["Brazil", "Norway"])]
    assert view.quotes == [("https://w3id.org/diplograph/id/person/paulo-amaral", "le dialogue reste ouvert")]
    assert [(r.relation, r.label, r.tentative) for r in view.related] == [
        ("reaction", "Reaction: Chile", False), ("follow-up", "Planned meeting", True)]
    assert view.duration == "about 3 h" and view.place == "Geneva" and view.date == "2031-03-04"


def test_a_state_acting_for_itself_is_its_own_side(store) -> None:
    from diplograph.pictures import Labels
    from diplograph.pictures.draw import event_view, resolve_event

    reaction = resolve_event(store, "2031-03-05-geneva-talks/326")  # the short form <doc>/<offset>
    view = event_view(store, reaction, Labels(store, "en"))
    assert [(s.label, [p.label for p in s.participants]) for s in view.sides] == [("Chile", ["Chile"])]


@needs_dot
def test_draw_svg_in_french_shows_the_event(cli_runner, tmp_path: Path) -> None:
    out = tmp_path / "geneva.svg"
    result = cli_runner.invoke(cli, ["draw", GENEVA_MEETING, str(DATA), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = svg_text(out)
    for expected in ("Ingrid Solberg", "Lars Berg", "Paulo Amaral", "Norvège", "Brésil",
                     "conseiller diplomatique", "émissaire", "cessez-le-feu", "le dialogue reste ouvert",
                     "désaccord", "calendrier du retrait", "Réaction : Chili", "Genève"):
        assert expected in text, expected


@needs_dot
def test_draw_english_labels(cli_runner, tmp_path: Path) -> None:
    out = tmp_path / "geneva-en.svg"
    result = cli_runner.invoke(cli, ["draw", GENEVA_MEETING, str(DATA), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = svg_text(out)
    for expected in ("Norway", "Brazil", "diplomatic adviser", "foreign minister", "disagreement",
                     "ceasefire"):
        assert expected in text, expected
    assert "Norvège" not in text


@needs_dot
def test_draw_default_event_png_and_is_deterministic(cli_runner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    for out in (first, second):
        result = cli_runner.invoke(cli, ["draw", str(DATA), "-o", str(out)])
        assert result.exit_code == 0, result.output
    width, height = png_size(first)
    assert width > 200 and height > 100
    assert first.read_bytes() == second.read_bytes()
    mask = os.umask(0)
    os.umask(mask)
    assert first.stat().st_mode & 0o777 == 0o666 & ~mask  # shareable like any new file, not 0600
    svg = tmp_path / "a.svg"
    assert cli_runner.invoke(cli, ["draw", str(DATA), "-o", str(svg)]).exit_code == 0
    text = svg_text(svg)
    assert "Ingrid Solberg" in text and "Paulo Amaral" in text
    assert "Lars Berg" not in text  # he was only at the Geneva meeting, not the default one


def test_draw_errors_are_one_line_with_exit_codes(cli_runner, tmp_path: Path) -> None:
    target = str(tmp_path / "x.svg")
    unknown = cli_runner.invoke(cli, ["draw", "id:event/nowhere/1", str(DATA), "-o", target])
    assert unknown.exit_code == 3
    assert unknown.stderr.count("\n") == 1 and "nowhere" in unknown.stderr
    bad_suffix = cli_runner.invoke(cli, ["draw", str(DATA), "-o", str(tmp_path / "x.jpg")])
    assert bad_suffix.exit_code == 2
    assert not (tmp_path / "x.svg").exists() and not (tmp_path / "x.jpg").exists()


# -------------------------------------------------------------------------------------- timeline

def test_partial_dates_are_placed_mid_period() -> None:
    from diplograph.pictures.timeline import XSD, place_date

    assert place_date("2031-02", XSD + "gYearMonth") == (date(2031, 2, 14), "month", date(2031, 2, 1),
                                                         date(2031, 2, 28))
    assert place_date("2031-04", XSD + "gYearMonth")[0] == date(2031, 4, 15)
    assert place_date("2030", XSD + "gYear")[:2] == (date(2030, 7, 2), "year")
    assert place_date("2031-03-04", XSD + "date")[:2] == (date(2031, 3, 4), "day")
    assert place_date("2031-13", XSD + "gYearMonth") is None


def test_dated_events_read_from_the_graph(store) -> None:
    from diplograph.pictures import Labels
    from diplograph.pictures.timeline import dated_events

    events, undated = dated_events(store, Labels(store, "en"))
    # Five events carry dg:date in the file; the Chile reaction and the planned Brasilia meeting do not.
    assert len(events) == 5 and undated == 2
    planned = [e for e in events if e.tentative]
    assert [(e.label, e.precision, e.when) for e in planned] == [
        ("Planned meeting", "month", date(2031, 4, 15))]
    assert [e.when for e in events] == sorted(e.when for e in events)
    assert {e.type_label for e in events} == {"meeting", "proposal", "statement"}


def test_timeline_svg_and_png(cli_runner, tmp_path: Path) -> None:
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    for out in (svg, png):
        result = cli_runner.invoke(cli, ["timeline", str(DATA), "-o", str(out), "--lang", "en"])
        assert result.exit_code == 0, result.output
    text = svg_text(svg)
    for expected in ("Planned meeting", "Proposal: Brazil", "meeting", "proposal", "statement",
                     "planned or announced"):
        assert expected in text, expected
    width, height = png_size(png)
    assert width > 800 and height > 200
    again = tmp_path / "t2.svg"
    cli_runner.invoke(cli, ["timeline", str(DATA), "-o", str(again), "--lang", "en"])
    assert again.read_bytes() == svg.read_bytes()


def test_timeline_without_dated_events_fails_clearly(cli_runner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    result = cli_runner.invoke(cli, ["timeline", str(empty), "-o", str(tmp_path / "t.svg")])
    assert result.exit_code == 3 and "no dated event" in result.stderr


# ------------------------------------------------------------------------------------------ docs

TINY_ONTOLOGY = """
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/diplograph/ontology> a owl:Ontology ; dcterms:title "Tiny test ontology"@en .
dg:Gathering a owl:Class ; rdfs:label "gathering"@en, "rassemblement"@fr .
dg:Summit a owl:Class ; rdfs:subClassOf dg:Gathering ; rdfs:label "summit"@en, "sommet"@fr .
dg:Delegate a owl:Class ; rdfs:label "delegate"@en .
dg:attendedBy a owl:ObjectProperty ; rdfs:domain dg:Gathering ; rdfs:range dg:Delegate ;
    rdfs:label "attended by"@en .
dg:venueName a owl:DatatypeProperty ; rdfs:domain dg:Gathering ; rdfs:range xsd:string .
"""

TINY_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix dgsh: <https://w3id.org/diplograph/shapes#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
dgsh:GatheringShape a sh:NodeShape ; sh:targetClass dg:Gathering ;
    sh:property [ sh:path dg:attendedBy ; sh:minCount 2 ;
                  sh:message "A gathering needs two delegates"@en, "Il faut deux délégués"@fr ] ,
        [ sh:path dg:venueName ; sh:or ( [ sh:datatype xsd:string ] [ sh:nodeKind sh:IRI ] ) ] .
"""

TINY_VOCAB = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/diplograph/vocab/mood> a skos:ConceptScheme ; skos:prefLabel "Moods"@en .
<https://w3id.org/diplograph/vocab/mood/calm> a skos:Concept ;
    skos:inScheme <https://w3id.org/diplograph/vocab/mood> ;
    skos:prefLabel "calm"@en, "calme"@fr ; skos:definition "No raised voices."@en .
"""


@needs_dot
def test_docs_are_generated_from_the_given_files(tmp_path: Path) -> None:
    from diplograph.pictures.docs import build_docs, external_assets

    (tmp_path / "o.ttl").write_text(TINY_ONTOLOGY, encoding="utf-8")
    (tmp_path / "s.ttl").write_text(TINY_SHAPES, encoding="utf-8")
    (tmp_path / "mood.ttl").write_text(TINY_VOCAB, encoding="utf-8")
    out = tmp_path / "site"
    written = build_docs(out, tmp_path / "o.ttl", tmp_path / "s.ttl", [tmp_path / "mood.ttl"])
    names = {p.name for p in written}
    assert names == {"index.html", "ontology.html", "shapes.html", "vocab-mood.html", "class-diagram.svg"}
    ontology = (out / "ontology.html").read_text(encoding="utf-8")
    assert "Tiny test ontology" in ontology and "summit" in ontology and "sommet" not in ontology
    shapes = (out / "shapes.html").read_text(encoding="utf-8")
    assert "dgsh:GatheringShape" in shapes and "A gathering needs two delegates" in shapes
    assert "Il faut deux délégués" in shapes and "sh:minCount" in shapes
    # blank nodes are written out, never as rdflib's random labels (which would break determinism)
    assert "( [ sh:datatype xsd:string ] [ sh:nodeKind sh:IRI ] )" in shapes and "_:" not in shapes
    vocab = (out / "vocab-mood.html").read_text(encoding="utf-8")
    assert "calme" in vocab and "No raised voices." in vocab
    diagram = svg_text(out / "class-diagram.svg")
    for expected in ("Gathering", "Summit", "Delegate", "attendedBy", "venueName"):
        assert expected in diagram, expected
    for page in out.glob("*.html"):
        assert external_assets(page.read_text(encoding="utf-8")) == [], page.name
    again = tmp_path / "again"
    build_docs(again, tmp_path / "o.ttl", tmp_path / "s.ttl", [tmp_path / "mood.ttl"])
    for page in written:
        assert (again / page.name).read_bytes() == page.read_bytes(), page.name


def test_external_assets_are_detected_and_stripped() -> None:
    from diplograph.pictures.docs import external_assets, strip_external_assets

    page = ('<head><link rel="stylesheet" href="https://cdn.example.org/x.css">'
            '<script src="http://cdn.example.org/x.js"></script><style>p{}</style></head>')
    assert len(external_assets(page)) == 2
    assert external_assets(strip_external_assets(page)) == []
    assert "<style>p{}</style>" in strip_external_assets(page)


@needs_dot
def test_docs_command_on_the_shipped_ontology(cli_runner, tmp_path: Path) -> None:
    from diplograph.resources import ontology_file

    if not ontology_file().is_file():
        pytest.skip("ontology/diplograph.ttl not written yet")
    out = tmp_path / "docs"
    result = cli_runner.invoke(cli, ["docs", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Meeting" in (out / "ontology.html").read_text(encoding="utf-8")
    diagram = svg_text(out / "class-diagram.svg")
    assert "Participation" in diagram and "hasParticipant" in diagram
    french = tmp_path / "docs-fr"
    assert cli_runner.invoke(cli, ["docs", "-o", str(french), "--lang", "fr"]).exit_code == 0
    assert "rencontre" in (french / "ontology.html").read_text(encoding="utf-8").lower()


def test_an_outlier_seven_years_away_does_not_squeeze_the_timeline(tmp_path: Path) -> None:
    """Twenty events in three weeks and one seven years earlier: the axis is broken at the empty
    stretch, the twenty keep most of the width, and a note says how long the stretch is."""
    from datetime import timedelta

    from diplograph.pictures.timeline import DatedEvent, axis_layout, render_timeline

    dense = [DatedEvent(date(2025, 11, 20) + timedelta(days=i), f"Réunion {i}", "meeting", f"e{i}")
             for i in range(20)]
    outlier = DatedEvent(date(2018, 11, 25), "Réunion mal datée", "meeting", "far")
    events = sorted([*dense, outlier])
    layout = axis_layout(events)
    dense_width = layout.x(dense[-1].when) - layout.x(dense[0].when)
    assert dense_width / (layout.right - layout.left) > 0.6
    assert len(layout.breaks) == 1
    # the order of dates is kept, and within the dense part one day is one unit
    xs = [layout.x(e.when) for e in events]
    assert xs == sorted(xs) and layout.x(dense[5].when) - layout.x(dense[4].when) == 1
    svg = tmp_path / "t.svg"
    render_timeline(events, svg, "en")
    text = svg_text(svg)
    assert "7.0 years without events" in text and "//" in text
    assert "2018-11-25" in text and "Réunion mal datée" in text


def test_evenly_spread_events_keep_one_unbroken_axis() -> None:
    from diplograph.pictures.timeline import DatedEvent, axis_layout

    monthly = [DatedEvent(date(2024 + m // 12, m % 12 + 1, 10), f"Réunion {m}", "meeting", f"m{m}") for m in range(30)]
    assert axis_layout(monthly).breaks == ()
