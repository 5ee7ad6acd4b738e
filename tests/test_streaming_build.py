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
