"""The mapper on hand-made documents: IRIs, grounding, typed literals, determinism.

The document below is invented (not the seed article), so every expected value is read
off its text by hand.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from diplograph import __version__
from diplograph.mapper import MappingError, to_graph, to_triples
from diplograph.model import (
    DateValue,
    DurationValue,
    Entity,
    Event,
    EventRelation,
    ExtractedDocument,
    IssuePoint,
    Participant,
    Position,
    Quote,
    RoleAssignment,
    Section,
    SourceText,
    Span,
)
from diplograph.namespaces import DG, GAF, NIF, PROV, id_iri, vocab_iri
from diplograph.serialize import to_turtle

BODY = (
    "Ouverture\n"
    "Le 3 mars 2024, la ministre Anna Berg a reçu à Oslo l'envoyé Paul Durand "
    "pendant environ deux heures. « Nous avançons », a déclaré Anna Berg. "
    "Les deux pays restent divisés sur les frontières."
)
SLUG = "test-doc"
DOC = f"https://w3id.org/diplograph/doc/{SLUG}"


def span(text: str, nth: int = 0) -> Span:
    """The nth occurrence of ``text`` in BODY as a Span (offsets computed, not typed in)."""
    begin = -1
    for _ in range(nth + 1):
        begin = BODY.index(text, begin + 1)
    return Span(begin, begin + len(text), text)


BERG = id_iri("person", "anna-berg")
DURAND = id_iri("person", "paul-durand")
NORWAY = id_iri("state", "norway")
FRANCE = id_iri("state", "france")
OSLO = id_iri("place", "oslo")
MEETING = vocab_iri("event-type", "meeting")
STATEMENT = vocab_iri("event-type", "statement")
OCCURRED = vocab_iri("event-status", "occurred")
BORDERS = vocab_iri("issue", "borders")


def make_doc() -> ExtractedDocument:
    """A small extracted document exercising every part of the model."""
    sentence1 = span("Le 3 mars 2024, la ministre Anna Berg a reçu à Oslo l'envoyé Paul Durand "
                     "pendant environ deux heures.")
    sentence2 = span("« Nous avançons », a déclaré Anna Berg.")
    source = SourceText(
        slug=SLUG, text=BODY, title="Une rencontre", published=datetime.date(2024, 3, 4), language="fr",
        sections=[Section(heading=span("Ouverture"), begin=0, end=len(BODY))],
        sentences=[sentence1, sentence2],
    )
    entities = {
        BERG: Entity(BERG, "person", "Anna Berg", linked=True, labels={"fr": "Anna Berg", "en": "Anna Berg"},
                     wikidata="Q1", affiliation=NORWAY, mentions=[span("Anna Berg"), span("Anna Berg", 1)],
                     roles=[RoleAssignment(vocab_iri("role", "minister"), NORWAY, span("ministre"))]),
        DURAND: Entity(DURAND, "person", "Paul Durand", mentions=[span("Paul Durand")],
                       roles=[RoleAssignment(vocab_iri("role", "envoy"), None, span("envoyé"))]),
        OSLO: Entity(OSLO, "place", "Oslo", mentions=[span("Oslo")]),
        NORWAY: Entity(NORWAY, "state", "Norvège", labels={"en": "Norway"},
                       mentions=[span("Les deux pays")]),
    }
    meeting = Event(
        trigger=span("a reçu"), event_type=MEETING, event_class=str(DG.Meeting), status=OCCURRED,
        sentence=sentence1, host=BERG,
        participants=[Participant(BERG, vocab_iri("role", "minister"), NORWAY, span("Anna Berg")),
                      Participant(DURAND, vocab_iri("role", "envoy"), FRANCE)],
        places=[OSLO], date=DateValue("2024-03-03", "day", span("3 mars 2024")),
        duration=DurationValue("PT2H", True, span("environ deux heures")), topics=[BORDERS],
    )
    statement = Event(
        trigger=span("a déclaré"), event_type=STATEMENT, event_class=str(DG.Statement), status=OCCURRED,
        sentence=sentence2, agents=[BERG], date=DateValue("2024-03", "month", span("3 mars 2024")),
        relations=[EventRelation("followUpOf", span("a reçu").begin)],
    )
    return ExtractedDocument(
        source=source, entities=entities, events=[statement, meeting],
        quotes=[Quote(span("Nous avançons"), BERG, statement=span("a déclaré").begin)],
        positions=[
            Position(BERG, BORDERS, vocab_iri("stance", "opposes"),
                     span("restent divisés sur les frontières")),
            Position(NORWAY, BORDERS, vocab_iri("stance", "opposes"),
                     span("restent divisés sur les frontières")),
        ],
        issue_points=[IssuePoint(BORDERS, "disagreement", [NORWAY, FRANCE], span("restent divisés"),
                                 identified_in=span("a reçu").begin)],
    )


@pytest.fixture(scope="module")
def graph():
    return to_graph(make_doc())


def test_iris_follow_the_data_model(graph) -> None:
    meeting = URIRef(id_iri("event", SLUG, span("a reçu").begin))
    assert (meeting, RDF.type, DG.Meeting) in graph
    assert (URIRef(DOC), RDF.type, DG.SourceDocument) in graph
    quote = URIRef(id_iri("quote", SLUG, span("Nous avançons").begin))
    assert (quote, DG.text, Literal("Nous avançons")) in graph
    begin = span("restent divisés sur les frontières").begin
    positions = set(graph.subjects(RDF.type, DG.Position))
    expected = {URIRef(id_iri("position", SLUG, begin)), URIRef(id_iri("position", SLUG, f"{begin}-2"))}
    assert positions == expected
    point = URIRef(id_iri("issuepoint", SLUG, span("restent divisés").begin))
    assert (point, RDF.type, DG.Disagreement) in graph
    assert set(graph.objects(point, DG.party)) == {URIRef(NORWAY), URIRef(FRANCE)}
    holding = URIRef(id_iri("holding", "anna-berg", "minister", "norway"))
    assert (URIRef(BERG), DG.holds, holding) in graph
    assert (holding, DG.forOrganization, URIRef(NORWAY)) in graph
    assert (URIRef(id_iri("holding", "paul-durand", "envoy")), DG.heldBy, URIRef(DURAND)) in graph
    participation = URIRef(id_iri("participation", SLUG, span("a reçu").begin, "paul-durand"))
    assert (participation, DG.side, URIRef(FRANCE)) in graph
    assert (participation, DG.ofEvent, meeting) in graph
    mention = URIRef(f"{DOC}#char={span('Paul Durand').begin},{span('Paul Durand').end}")
    assert (URIRef(DURAND), GAF.denotedBy, mention) in graph
    statement = URIRef(id_iri("event", SLUG, span("a déclaré").begin))
    assert (statement, DG.followUpOf, meeting) in graph
    assert (quote, DG.statedIn, statement) in graph


def test_every_grounded_node_has_a_mention_whose_anchor_is_the_body_slice(graph) -> None:
    # The document's own entities; gazetteer things it only points to (a side, a party)
    # are copied with type and labels but are not mentioned, so they are not counted.
    grounded = [DG.Meeting, DG.Statement, DG.Quote, DG.Position, DG.Disagreement, DG.RoleHolding]
    nodes = {node for cls in grounded for node in graph.subjects(RDF.type, cls)}
    nodes |= {URIRef(iri) for iri in make_doc().entities}
    assert len(nodes) == 12  # 2 people, 1 state, 1 place, 2 events, 1 quote, 2 positions, 1 point, 2 holdings
    for node in nodes:
        mentions = list(graph.objects(node, GAF.denotedBy))
        assert mentions, f"{node} has no gaf:denotedBy"
    all_mentions = set(graph.subjects(RDF.type, DG.Mention))
    assert all_mentions
    for mention in all_mentions:
        begin = int(graph.value(mention, NIF.beginIndex))
        end = int(graph.value(mention, NIF.endIndex))
        assert str(graph.value(mention, NIF.anchorOf)) == BODY[begin:end]
        assert str(mention).endswith(f"#char={begin},{end}")


def test_context_holds_the_body_and_its_digest(graph) -> None:
    import hashlib

    context = URIRef(f"{DOC}#char=0,{len(BODY)}")
    assert str(graph.value(context, NIF.isString)) == BODY
    assert str(graph.value(context, DG.sha256)) == hashlib.sha256(BODY.encode()).hexdigest()
    assert (context, RDF.type, NIF.Context) in graph
    sections = list(graph.objects(URIRef(DOC), DG.hasSection))
    assert len(sections) == 1 and sections[0] != context
    assert str(graph.value(sections[0], DG.heading)) == "Ouverture"


def test_typed_literals(graph) -> None:
    meeting = URIRef(id_iri("event", SLUG, span("a reçu").begin))
    statement = URIRef(id_iri("event", SLUG, span("a déclaré").begin))
    assert graph.value(meeting, DG.date) == Literal("2024-03-03", datatype=XSD.date)
    assert graph.value(statement, DG.date).datatype == XSD.gYearMonth
    assert str(graph.value(meeting, DG.duration)) == "PT2H"
    assert graph.value(meeting, DG.duration).datatype == XSD.duration
    assert graph.value(meeting, DG.approximate) == Literal(True)
    assert graph.value(URIRef(DOC), DG.published) == Literal("2024-03-04", datatype=XSD.date)
    summary = graph.value(meeting, DG.summary)
    assert summary.datatype is None and summary.language is None
    labels = {label.language: str(label) for label in graph.objects(URIRef(BERG), RDFS.label)}
    assert labels == {"fr": "Anna Berg", "en": "Anna Berg"}
    state_labels = {label.language: str(label) for label in graph.objects(URIRef(NORWAY), RDFS.label)}
    assert state_labels == {"fr": "Norvège", "en": "Norway"}


def test_event_labels_name_the_actors_in_both_languages(graph) -> None:
    meeting = URIRef(id_iri("event", SLUG, span("a reçu").begin))
    labels = {label.language: str(label) for label in graph.objects(meeting, RDFS.label)}
    assert set(labels) == {"fr", "en"}
    assert labels["fr"].endswith(" : Anna Berg, Paul Durand")
    assert labels["en"].endswith(": Anna Berg, Paul Durand")


def test_provenance_names_the_software_not_a_time(graph) -> None:
    activity = URIRef(id_iri("activity", SLUG))
    software = URIRef(id_iri("software", f"diplograph-{__version__}"))
    assert (activity, PROV.wasAssociatedWith, software) in graph
    assert (activity, PROV.used, URIRef(DOC)) in graph
    meeting = URIRef(id_iri("event", SLUG, span("a reçu").begin))
    assert (meeting, PROV.wasGeneratedBy, activity) in graph
    assert not any(o.datatype == XSD.dateTime for o in graph.objects() if isinstance(o, Literal))


def test_no_blank_nodes(graph) -> None:
    from rdflib import BNode

    assert not [t for t in graph if isinstance(t[0], BNode) or isinstance(t[2], BNode)]


def test_misplaced_span_is_refused() -> None:
    doc = make_doc()
    doc.quotes.append(Quote(Span(0, 4, "Nope"), BERG))
    with pytest.raises(MappingError, match="0,4"):
        to_graph(doc)


def test_turtle_is_byte_identical_across_runs_and_processes() -> None:
    first = to_turtle(to_graph(make_doc()))
    assert first == to_turtle(to_graph(make_doc()))
    code = (
        "import sys; sys.path.insert(0, 'tests'); from test_mapper import make_doc;"
        "from diplograph.mapper import to_graph; from diplograph.serialize import to_turtle;"
        "sys.stdout.buffer.write(to_turtle(to_graph(make_doc())).encode())"
    )
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                             env=_child_env(seed), cwd=_repo())
        assert out.stdout.decode() == first


def test_mention_reused_with_a_wrong_text_is_still_refused() -> None:
    # The mapper writes a mention's triples once per offsets; a second span at the same
    # offsets must still be checked against the body, not waved through.
    doc = make_doc()
    good = span("Nous avançons")
    doc.quotes.append(Quote(Span(good.begin, good.end, "Nous reculons"), BERG))
    with pytest.raises(MappingError, match="Nous reculons"):
        to_graph(doc)


def test_triples_entry_point_gives_the_graph_and_the_file_of_to_graph(graph) -> None:
    triples = to_triples(make_doc())
    assert len(triples) == len(set(triples)) == len(graph)
    assert set(triples) == set(graph)
    assert to_turtle(triples, header_comment="# x") == to_turtle(graph, header_comment="# x")


def _one_output_in_every_process(code: str, seeds: tuple[str, ...]) -> str:
    """stdout of ``python -c code`` under each hash seed, asserted to be the same every time."""
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True,
                       env=_child_env(seed), cwd=_repo()).stdout
        for seed in seeds
    }
    assert len(outputs) == 1
    return outputs.pop()


def test_triples_come_in_the_same_order_in_every_process() -> None:
    # to_triples promises a deterministic order (callers may stream it without sorting).
    code = (
        "import sys; sys.path.insert(0, 'tests'); from test_mapper import make_doc;"
        "import json; from diplograph.mapper import to_triples;"
        "json.dump([[t.n3() for t in triple] for triple in to_triples(make_doc())], sys.stdout)"
    )
    expected = [[t.n3() for t in triple] for triple in to_triples(make_doc())]
    assert json.loads(_one_output_in_every_process(code, ("1", "2", "3"))) == expected


def test_turtle_order_of_ties_does_not_depend_on_the_process() -> None:
    # "01" and "1" have the same natural sort key (digit runs compare as numbers); their
    # order must still be fixed, or exports of third-party data would differ per process.
    code = (
        "import sys; from rdflib import Graph, Literal, URIRef; from diplograph.serialize import to_turtle;"
        "g = Graph(); s = URIRef('http://example.org/s'); p = URIRef('http://example.org/p');"
        "[g.add((s, p, t)) for v in ('1', '01', '001', 'a01', 'a1')"
        " for t in (URIRef('http://example.org/' + v), Literal(v, datatype=URIRef("
        "'http://www.w3.org/2001/XMLSchema#token')))];"
        "sys.stdout.write(to_turtle(g))"
    )
    body = _one_output_in_every_process(code, ("0", "1", "2", "3", "4", "5"))
    assert body.index("<http://example.org/001>") < body.index("<http://example.org/01>") \
        < body.index("<http://example.org/1>")


def _child_env(seed: str) -> dict[str, str]:
    """Environment of a child Python: a fixed hash seed, and the diplograph under test."""
    from pathlib import Path

    import diplograph.serialize

    return {"PYTHONHASHSEED": seed, "PATH": "",
            "PYTHONPATH": str(Path(diplograph.serialize.__file__).resolve().parents[1])}


def test_turtle_round_trips(graph) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    parsed = Graph().parse(data=to_turtle(graph), format="turtle")
    assert isomorphic(parsed, graph)
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(to_turtle(graph).encode(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def _repo() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[1])


def test_turtle_keeps_each_literal_language_tag_as_written() -> None:
    # rdflib compares language tags case-insensitively; the writer must still print each
    # literal with its own tag (a tag is data: round-tripping must not change it).
    from rdflib import Graph

    graph = Graph()
    first, second = URIRef("http://example.org/a"), URIRef("http://example.org/b")
    graph.add((first, RDFS.label, Literal("Paix", lang="FR")))
    graph.add((second, RDFS.label, Literal("Paix", lang="fr")))
    text = to_turtle(graph)
    assert '<http://example.org/a>\n    rdfs:label "Paix"@FR .' in text
    assert '<http://example.org/b>\n    rdfs:label "Paix"@fr .' in text
