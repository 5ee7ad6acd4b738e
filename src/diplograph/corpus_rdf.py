"""The corpus graph (``graph/_corpus.ttl``, named graph ``graph/_corpus``) from identity's clusters.

One ``dg:CorpusEvent`` per real event (docs/data-model.md, "The event and what a document
says"): ``dg:hasReport`` to each document event that reports it, the documents
(``dg:reportedIn``, ``dg:documentCount``), the values its reports agree on (``dg:date``,
``dg:place``, ``dg:duration``, ``dg:status``, ``dg:hasParticipant``), each with a
``dg:ValueSupport`` node counting the documents behind it, the roles and sides reports give
participants (supports on ``dg:participation`` with ``dg:supportRole``/``dg:supportSide``),
one ``dg:Conflict`` per property on which reports disagree (with a ``dg:Claim`` per report: the value, the document, the
document event), and ``dg:joinReason`` literals saying why reports were joined. IRIs of
these nodes extend the corpus event's IRI, so they are as stable as it is.

Written as a stream (:func:`write_corpus_turtle`): at 10,000 documents the corpus graph is
~280 MB of Turtle and ~4M triples; as one list of rdflib terms serialised at once it took the
build process past 5 GB.
"""

from __future__ import annotations

import io
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import TextIO

from rdflib import Literal, URIRef

from diplograph.corpus import DG_NS, CorpusEvent, IdentityStats, identify_stream
from diplograph.corpus_summary import summarise
from diplograph.namespaces import GAF, PROV
from diplograph.serialize import GENERATED_MARK, PlainLiteral, natural_key, plain_turtle_body, prefix_header

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
_INT = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
_DG_IRI, _GAF_IRI, _PROV_IRI = DG_NS, str(GAF), str(PROV)  # namespaces as plain strings (see corpus_statements)


def _count(value: int) -> PlainLiteral:
    """A support or document count (``Literal(value, datatype=xsd:nonNegativeInteger)``: its lexical form)."""
    return (str(value), None, _INT)


def _slug(iri: str) -> str:
    """A path segment for an IRI value: ``person-marie-durand`` for ``.../id/person/marie-durand``."""
    tail = iri.split("/id/", 1)[-1] if "/id/" in iri else iri.split("/vocab/", 1)[-1]
    return tail.rstrip("/").replace("/", "-").replace("#", "-")


def _value(value: str, datatype: str) -> str | PlainLiteral:
    return (value, None, datatype) if datatype else value


def corpus_triples(events: Sequence[CorpusEvent]) -> list[tuple]:
    """The triples of the corpus graph as rdflib terms, deterministic for the same clusters
    (the statements of :func:`corpus_statements`; the build writes those without making terms)."""
    def term(value: str | PlainLiteral) -> URIRef | Literal:
        if type(value) is str:
            return URIRef(value)
        text, language, datatype = value
        if datatype is not None:
            return Literal(text, datatype=URIRef(datatype), normalize=False)
        return Literal(text, lang=language)

    return [(URIRef(s), URIRef(p), term(o)) for s, p, o in corpus_statements(events)]


def corpus_statements(events: Sequence[CorpusEvent]) -> list[tuple[str, str, str | PlainLiteral]]:
    """The statements of the corpus graph as plain values (:func:`diplograph.serialize.plain_turtle_body`),
    deterministic for the same clusters."""
    dg, gaf, prov = _DG_IRI, _GAF_IRI, _PROV_IRI
    triples: list[tuple] = []
    add = triples.append
    for event in events:
        node = event.iri
        first = event.reports[0]
        add((node, _TYPE, dg + "CorpusEvent"))
        add((node, _TYPE, gaf + "Instance"))
        add((node, dg + "eventType", first.event_type))
        classes = [r.event_class for r in event.reports if r.event_class]
        if classes:
            add((node, dg + "eventKind", max(classes, key=lambda c: (classes.count(c), -classes.index(c)))))
        for lang, label in first.labels:
            add((node, _LABEL, (label, lang or None, None)))
        documents = sorted({r.document for r in event.reports})
        add((node, dg + "documentCount", _count(len(documents))))
        for document in documents:
            add((node, dg + "reportedIn", document))
        for report in event.reports:
            add((node, dg + "hasReport", report.event))
        for reason in event.reasons:
            add((node, dg + "joinReason", (reason, "en", None)))
        summary = summarise(event)
        for fact in summary.facts:
            prop = DG_NS + fact.prop
            value = _value(fact.value, fact.datatype)
            add((node, prop, value))
            key = _slug(fact.value) if not fact.datatype else fact.value.replace(":", "")
            support = f"{event.iri}/support/{fact.prop}/{key}"
            add((node, dg + "support", support))
            add((support, _TYPE, dg + "ValueSupport"))
            add((support, dg + "onProperty", prop))
            add((support, _VALUE, value))
            add((support, dg + "supportCount", _count(fact.support)))
        # Roles and sides: one support per (participant, role, side) that some report gives, so
        # that "who took part, as what, on which side" reads the corpus event alone.
        for part in summary.roles:
            key = "/".join(_slug(v) if v else "none" for v in (part.actor, part.role, part.side))
            support = f"{event.iri}/support/participation/{key}"
            add((node, dg + "support", support))
            add((support, _TYPE, dg + "ValueSupport"))
            add((support, dg + "onProperty", dg + "participation"))
            add((support, _VALUE, part.actor))
            if part.role:
                add((support, dg + "supportRole", part.role))
            if part.side:
                add((support, dg + "supportSide", part.side))
            add((support, dg + "supportCount", _count(part.support)))
        for prop_name, claims in sorted(summary.conflicts.items()):
            conflict = f"{event.iri}/conflict/{prop_name}"
            add((node, dg + "conflict", conflict))
            add((conflict, _TYPE, dg + "Conflict"))
            add((conflict, dg + "onProperty", DG_NS + prop_name))
            for claim in claims:
                r = claim.report
                key = _slug(claim.value) if not claim.datatype else claim.value.replace(":", "")
                cnode = f"{event.iri}/conflict/{prop_name}/{r.slug}/{r.offset}/{key}"
                add((conflict, dg + "claim", cnode))
                add((cnode, _TYPE, dg + "Claim"))
                add((cnode, _VALUE, _value(claim.value, claim.datatype)))
                add((cnode, dg + "reportedIn", r.document))
                add((cnode, prov + "wasDerivedFrom", r.event))
    return triples


BATCH = 256  # corpus events serialised together (fewer calls; memory stays per batch)
CHUNK = 1 << 19  # characters of statements handed to ``on_chunk`` at once (the query store's batches)


def write_corpus_turtle(document_files: Sequence[Path], out: TextIO, *, cache_file: Path | None = None,
                        stats: IdentityStats | None = None, work_dir: Path | None = None,
                        on_chunk: Callable[[str], None] | None = None,
                        known: Callable[[Path], tuple | None] | None = None) -> None:
    """Write the text of ``graph/_corpus.ttl`` to ``out``, in memory that does not grow with the corpus.

    Identity's events come block by block (:func:`diplograph.corpus.identify_stream`) and are
    written by :func:`write_events_turtle`; both spill to temporary files in ``work_dir``.
    ``on_chunk``: receives the statements (complete subject blocks, no prefixes) in pieces of about
    :data:`CHUNK` characters, for the query store loader. ``known``: as in :func:`identify_stream`.
    """
    events = identify_stream(document_files, cache_file=cache_file, stats=stats, work_dir=work_dir, known=known)
    write_events_turtle(events, out, work_dir=work_dir, on_chunk=on_chunk)


def write_events_turtle(events: Iterable[CorpusEvent], out: TextIO, *, work_dir: Path | None = None,
                        on_chunk: Callable[[str], None] | None = None) -> None:
    """Write the corpus graph of ``events`` (in any order) to ``out``: the bytes of
    ``to_turtle(corpus_triples(events), header_comment=GENERATED_MARK)``, one batch of events in memory.

    The canonical writer (:func:`diplograph.serialize.to_turtle`) sorts subjects by the natural key
    of their IRI, and every subject here is a corpus event or a node whose IRI extends it, so an
    event's statements form one contiguous run in that order. The events are spilled (pickled) to
    a temporary file in ``work_dir``, then read back in IRI order and written :data:`BATCH` at a
    time with :func:`turtle_body`. Events whose IRIs have the same natural key ("doc-01/5" and
    "doc-1/5") always share a batch, as their nodes interleave.
    """
    out.write(GENERATED_MARK + "\n" + prefix_header())
    index: list[tuple[tuple, int, str, int, int]] = []  # (sort key, IRI, place in the spill)
    heads: dict[str, tuple] = {}
    pending: list[str] = []
    size = 0
    with tempfile.TemporaryFile(dir=work_dir) as spill:
        for event in events:
            data = pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL)
            head, _, offset = event.iri.rpartition("/")
            key = heads.get(head)
            if key is None:
                key = heads[head] = natural_key(head + "/")
            index.append((key, int(offset) if offset.isdigit() else -1, event.iri, spill.tell(), len(data)))
            spill.write(data)
        _sort(index)
        batch: list[CorpusEvent] = []
        for _, run in groupby(index, key=lambda entry: natural_key(entry[2])):
            for *_, start, length in run:
                spill.seek(start)
                batch.append(pickle.loads(spill.read(length)))
            if len(batch) >= BATCH:
                size = _write_batch(batch, out, on_chunk, pending, size)
                batch = []
        size = _write_batch(batch, out, on_chunk, pending, size)
    if on_chunk is not None and pending:
        on_chunk("\n".join(pending))


def _sort(index: list[tuple[tuple, int, str, int, int]]) -> None:
    """Sort the events as the canonical writer sorts their IRIs: by (natural key, IRI).

    For ``.../corpus-event/<slug>/<offset>``, natural_key(IRI) is natural_key(".../<slug>/"),
    which the events of one document share, followed by (0, offset) alone; so (that, offset, IRI)
    sorts the same way without ~190,000 full keys of ~10 parts each (10,000 documents) held at
    once. Checked pair by pair afterwards: IRIs of another shape fall back to the full keys.
    """
    index.sort(key=lambda entry: entry[:3])
    previous: tuple | None = None
    for entry in index:
        current = (natural_key(entry[2]), entry[2])
        if previous is not None and current < previous:
            index.sort(key=lambda entry: (natural_key(entry[2]), entry[2]))
            return
        previous = current


def _write_batch(events: list[CorpusEvent], out: TextIO, on_chunk: Callable[[str], None] | None,
                 pending: list[str], size: int) -> int:
    """Write a run of events (consecutive in IRI order, whole natural-key ties); the size pending."""
    if not events:
        return size
    # A batch of consecutive events is a consecutive run of the sorted subjects, so the batches'
    # bodies joined by a blank line are the body of the whole graph.
    body = plain_turtle_body(corpus_statements(events))
    out.write("\n" + body)
    if on_chunk is None:
        return 0
    pending.append(body)
    size += len(body)
    if size >= CHUNK:
        on_chunk("\n".join(pending))
        pending.clear()
        return 0
    return size


def corpus_turtle(document_files: Sequence[Path], *, cache_file: Path | None = None,
                  stats: IdentityStats | None = None) -> str:
    """The text of ``graph/_corpus.ttl`` as one string (tests, benchmarks; the build streams it to a file)."""
    out = io.StringIO()
    write_corpus_turtle(document_files, out, cache_file=cache_file, stats=stats)
    return out.getvalue()
