"""The corpus graph's reading of a document graph, from the mapper's triples (the build) and from the
written file (diplograph.corpus.read_reports): the same reports, whatever the statements say.

Why both exist: the build has each document's triples in memory and no longer parses the files it
has just written (reports_of_triples); graph files not rebuilt are still parsed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

import diplograph.corpus as corpus
from diplograph.corpus import read_reports, reports_of_triples
from diplograph.processing import document_turtle

BASE = "https://w3id.org/diplograph/"
DG = BASE + "ontology#"
TEXTS = Path(__file__).resolve().parent / "texts"


def dg(name: str) -> URIRef:
    return URIRef(DG + name)


def both(triples: list, tmp_path: Path) -> tuple:
    path = tmp_path / "doc.ttl"
    path.write_text(document_turtle(triples), encoding="utf-8")
    return reports_of_triples(triples), read_reports(path)


def clashing() -> list:
    """Two events whose readings keep a first or a last value among several: two types, two
    reports, a participation claimed by both events, an actor with two affiliations, two documents."""
    doc, other = URIRef(BASE + "doc/a"), URIRef(BASE + "doc/b")
    ev7, ev12 = URIRef(BASE + "id/event/a/7"), URIRef(BASE + "id/event/a/12")
    part = URIRef(BASE + "id/participation/a/7/x")
    person = URIRef(BASE + "id/person/x")
    meeting, call = URIRef(BASE + "vocab/event-type/meeting"), URIRef(BASE + "vocab/event-type/call")
    triples = [
        (doc, dg("published"), Literal("2026-03-10", datatype=XSD.date)),
        (other, dg("published"), Literal("2026-03-09", datatype=XSD.date)),
        (person, dg("affiliatedWith"), URIRef(BASE + "id/state/b")),
        (person, dg("affiliatedWith"), URIRef(BASE + "id/state/a10")),
        (person, dg("affiliatedWith"), URIRef(BASE + "id/state/a9")),
        (part, dg("ofEvent"), ev12),
        (part, dg("participant"), person),
        (part, dg("role"), URIRef(BASE + "vocab/role/host")),
        (part, dg("role"), URIRef(BASE + "vocab/role/guest")),
        (part, dg("side"), URIRef(BASE + "id/state/a")),
    ]
    for ev in (ev7, ev12):
        triples += [
            (ev, RDF.type, dg("Meeting")),
            (ev, RDF.type, dg("Event")),
            (ev, dg("eventType"), call),
            (ev, dg("eventType"), meeting),
            (ev, dg("reportedIn"), other),
            (ev, dg("reportedIn"), doc),
            (ev, dg("date"), Literal("2026-03", datatype=XSD.gYearMonth)),
            (ev, dg("date"), Literal("2026-03-08", datatype=XSD.date)),
            (ev, dg("participation"), part),
            (ev, dg("hasParticipant"), person),
            (ev, dg("place"), URIRef(BASE + "id/place/paris")),
            (ev, RDFS.label, Literal("Rencontre", lang="FR")),
            (ev, RDFS.label, Literal("Meeting", lang="en")),
        ]
    return triples


def test_clashing_values_are_read_as_in_the_file(tmp_path: Path):
    mine, written = both(clashing(), tmp_path)
    assert mine == written
    assert mine[1] == {BASE + "id/person/x": BASE + "id/state/a9"}  # the file's first (a natural order)
    assert {r.event_type for r in mine[0]} == {BASE + "vocab/event-type/call"}
    assert ("fr", "Rencontre") in mine[0][0].labels  # a language tag in lower case, as parsing gives it


def test_statements_that_agree_need_no_file_order(tmp_path: Path):
    triples = [t for t in clashing() if not (str(t[1]).endswith(("eventType", "reportedIn", "affiliatedWith",
                                                                 "published", "role", "ofEvent")))
               and not (str(t[0]).endswith("/12") and str(t[1]).endswith("participation"))]
    triples += [(URIRef(BASE + "id/event/a/7"), dg("eventType"), URIRef(BASE + "vocab/event-type/call")),
                (URIRef(BASE + "id/event/a/12"), dg("eventType"), URIRef(BASE + "vocab/event-type/call"))]
    assert corpus._order_free([(str(s), str(p), str(o), "") for s, p, o in triples])
    mine, written = both(triples, tmp_path)
    assert mine == written
    assert len(mine[0]) == 2


def test_a_blank_node_leaves_the_reading_to_the_file():
    triples = [(BNode(), dg("eventType"), URIRef(BASE + "vocab/event-type/call"))]
    assert reports_of_triples(triples) is None


@pytest.mark.parametrize("order_free", [True, False])
def test_the_test_texts_give_the_same_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order_free: bool):
    from diplograph.extract import extract_many
    from diplograph.mapper import to_triples
    from diplograph.reader import read_document

    if not order_free:  # every document through the file-order path too
        monkeypatch.setattr(corpus, "_order_free", lambda statements: False)
    paths = sorted(TEXTS.glob("*.txt"))[::8]
    for doc in extract_many([read_document(p) for p in paths]):
        triples = to_triples(doc)
        mine, written = both(triples, tmp_path)
        assert mine == written, doc.source.slug
