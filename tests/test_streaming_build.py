"""The end of a build is written as streams (issue 17): same bytes as writing everything at once.

The corpus graph is written a batch of events at a time in IRI order, and the dataset file is
assembled from the graph files read in pieces; these tests compare both with the one-shot
writers they replace, on inputs that cross batch and read boundaries.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from diplograph.corpus import Report, identify

BASE = "https://w3id.org/diplograph/"
MEETING = BASE + "vocab/event-type/meeting"
STATEMENT = BASE + "vocab/event-type/statement"
MACRON, ZELENSKY = BASE + "id/person/emmanuel-macron", BASE + "id/person/volodymyr-zelensky"
ELYSEE = BASE + "id/place/elysee-palace"


def _report(slug: str, offset: int, day: int, *, event_type: str = MEETING, duration: str = "") -> Report:
    date = f"2026-03-{day:02d}"
    return Report(event=f"{BASE}id/event/{slug}/{offset}", document=f"{BASE}doc/{slug}", slug=slug, offset=offset,
                  published=date, event_type=event_type, event_class=BASE + "ontology#Meeting", date=date,
                  precision="day", duration=duration, places=(ELYSEE,), actors=(MACRON, ZELENSKY),
                  participants=(MACRON, ZELENSKY), labels=(("fr", f"rencontre {slug}"),))


def test_corpus_graph_written_in_batches_equals_the_canonical_writer(tmp_path: Path, monkeypatch):
    from diplograph import corpus_rdf
    from diplograph.serialize import GENERATED_MARK, to_turtle

    reports = []
    for number in range(40):  # joined meetings (conflicting durations), lone statements, natural-key ties
        for slug in (f"doc-{number}", f"doc-0{number}"):
            reports.append(_report(slug, 7, 1 + number % 28, duration=f"PT{1 + number % 3}H"))
            reports.append(_report(slug, 120, 1 + number % 28, event_type=STATEMENT))
    events = identify(reports)
    assert any(len(e.reports) > 1 for e in events)
    # IRIs of another shape than ".../<slug>/<offset>" (the writer's quick sort key does not apply)
    events += [replace(events[0], iri=events[0].iri + "b"), replace(events[1], iri=events[1].iri + "/9x")]
    expected = to_turtle(corpus_rdf.corpus_triples(events), header_comment=GENERATED_MARK)
    monkeypatch.setattr(corpus_rdf, "BATCH", 3)  # many batch boundaries, some inside a run of ties
    monkeypatch.setattr(corpus_rdf, "CHUNK", 500)
    chunks: list[str] = []
    out = io.StringIO()
    corpus_rdf.write_events_turtle(reversed(events), out, work_dir=tmp_path, on_chunk=chunks.append)
    assert out.getvalue() == expected
    head = expected.index("\n\n") + 2  # the statements after the prefixes, as the store loader gets them
    assert "\n".join(chunks) == expected[head:]


def test_dataset_read_in_pieces_equals_the_files_read_whole(tmp_path: Path, monkeypatch):
    from diplograph import dataset
    from diplograph.namespaces import graph_iri
    from diplograph.serialize import GENERATED_MARK, prefix_header, trig_block

    head = GENERATED_MARK + "\n" + prefix_header()
    bodies = {"a": "\n\n<urn:a> <urn:p> \"\"\"deux\n\nlignes\"\"\" .\n\n\n", "b": "", "c": "\n\n\n",
              "d": "<urn:d> <urn:p> <urn:o> .\n"}
    for slug, body in bodies.items():
        (tmp_path / f"{slug}.ttl").write_text(head + body, encoding="utf-8")
    files = dataset.dataset_files(tmp_path)
    whole = prefix_header() + "".join(
        "\n" + trig_block(graph_iri(slug), body.lstrip("\n")) for slug, body in bodies.items()
        if body.lstrip("\n"))
    for size in (1, 2, 5, 1 << 20):
        monkeypatch.setattr(dataset, "READ_BLOCK", size)
        assert "".join(dataset.dataset_chunks(files)) == whole


def test_plain_statements_are_written_as_their_rdflib_terms_are():
    """The corpus graph is written from plain values (no rdflib term per value): the same bytes as
    the canonical writer over the terms they stand for, on the cases its sort keys and escapes
    distinguish (digit runs, rdf:type first, literals of every kind mixed with IRIs, ties)."""
    from rdflib import Literal, URIRef

    from diplograph.serialize import RDF_TYPE, XSD_STRING, plain_turtle_body, turtle_body

    xsd = "http://www.w3.org/2001/XMLSchema#"
    subjects = [f"{BASE}id/corpus-event/doc-{n}/{k}" for n in ("1", "01", "10", "9") for k in (5, 40)]
    subjects += ["urn:x:a b", BASE + "id/person/élodie-roy"]
    objects = [BASE + "ontology#Meeting", "urn:x:a{b}", ("deux\nlignes \"citées\"", None, None),
               ("5", None, xsd + "nonNegativeInteger"), ("05", None, xsd + "nonNegativeInteger"),
               ("texte", None, XSD_STRING), ("texte", "fr", None), ("texte", "en", None), ("texte", None, None),
               ("2026-03", None, xsd + "gYearMonth"), ("a\\b", "fr-BE", None)]
    statements = []
    for i, s in enumerate(subjects):
        statements.append((s, RDF_TYPE, objects[0]))
        statements.append((s, BASE + "ontology#value", objects[i % len(objects)]))
        statements += [(s, BASE + "ontology#claim", o) for o in objects[i % 3:]]
        statements.append((s, BASE + "ontology#claim", objects[-1]))  # twice: one statement

    def term(value):
        if isinstance(value, str):
            return URIRef(value)
        text, language, datatype = value
        return Literal(text, datatype=URIRef(datatype), normalize=False) if datatype else Literal(text, lang=language)

    expected = turtle_body([(URIRef(s), URIRef(p), term(o)) for s, p, o in statements], remember_iris=False)
    assert plain_turtle_body(reversed(statements)) == expected
    assert '"05"^^xsd:nonNegativeInteger' in expected and "    a dg:Meeting" in expected
