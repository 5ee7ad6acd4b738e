"""Cross-document event identity (diplograph.corpus): the rules, then the built test corpus.

The rule tests build :class:`Report` summaries by hand (what a document graph says about one
event); the corpus tests build tests/corpus-identity/ with the real pipeline and read the
corpus graph, the stored queries and the identity scores against the hand-made cluster gold.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from diplograph.corpus import IdentityStats, Report, identify, identify_files
from diplograph.corpus_summary import summarise

BASE = "https://w3id.org/diplograph/"
MEETING = BASE + "vocab/event-type/meeting"
CONSULTATION = BASE + "vocab/event-type/consultation"
STATEMENT = BASE + "vocab/event-type/statement"
MACRON, ZELENSKY = BASE + "id/person/emmanuel-macron", BASE + "id/person/volodymyr-zelensky"
LECORNU, SHMYHAL = BASE + "id/person/sebastien-lecornu", BASE + "id/person/denys-shmyhal"
ELYSEE, PARIS, KYIV = BASE + "id/place/elysee-palace", BASE + "id/place/paris", BASE + "id/place/kyiv"
CORPUS = Path(__file__).resolve().parent / "corpus-identity"


def report(slug: str, offset: int = 10, *, published: str = "2026-03-10", date: str = "2026-03-10",
           precision: str = "day", places: tuple[str, ...] = (), actors: tuple[str, ...] = (MACRON, ZELENSKY),
           event_type: str = MEETING, duration: str = "", status: str = "", channel: str = "",
           host: bool = False) -> Report:
    return Report(event=f"{BASE}id/event/{slug}/{offset}", document=f"{BASE}doc/{slug}", slug=slug, offset=offset,
                  published=published, event_type=event_type, event_class=BASE + "ontology#Meeting", date=date,
                  precision=precision, duration=duration, status=status, places=places, actors=actors,
                  channel=channel, host=host)


def groups(events) -> set[frozenset[str]]:
    return {frozenset(r.slug for r in e.reports) for e in events}


# ---------------------------------------------------------------- the compatibility rules

def test_a_day_joins_the_month_that_holds_it_and_a_palace_its_city():
    events = identify([report("a", places=(ELYSEE,)), report("b", date="2026-03", precision="month",
                                                              places=(PARIS,))])
    assert groups(events) == {frozenset({"a", "b"})}
    assert summarise(events[0]).conflicts == {}  # neither the month nor the city contradicts


def test_other_day_other_city_or_other_month_stay_apart():
    base = report("a", places=(ELYSEE,))
    assert len(identify([base, report("b", date="2026-03-12", places=(ELYSEE,))])) == 2
    assert len(identify([base, report("c", places=(KYIV,))])) == 2
    # the same two presidents a month apart: two meetings
    assert len(identify([base, report("d", date="2026-04-10", published="2026-04-10")])) == 2


def test_people_of_one_state_who_differ_contradict_each_other():
    # same day, same city, same two states: the prime ministers' talks are not the presidents'
    presidents = report("a", places=(PARIS,))
    ministers = report("b", places=(PARIS,), actors=(LECORNU, SHMYHAL))
    assert len(identify([presidents, ministers])) == 2
    # one report names a single president: partial, not contradicting
    assert len(identify([presidents, report("c", actors=(ZELENSKY,))])) == 1


def test_meeting_and_phone_consultation_may_join_but_statements_never_do():
    assert len(identify([report("a"), report("b", event_type=CONSULTATION)])) == 1
    said = [report("a", event_type=STATEMENT), report("b", event_type=STATEMENT)]
    assert len(identify(said)) == 2


def test_a_call_and_a_summit_of_the_same_two_presidents_stay_two_events():
    phone, video = BASE + "vocab/channel/telephone", BASE + "vocab/channel/video"
    undated = {"date": "", "precision": ""}
    # an undated report of a phone call does not join a visit one of them hosted that month
    assert len(identify([report("a", places=(ELYSEE,), host=True),
                         report("b", event_type=CONSULTATION, channel=phone, **undated)])) == 2
    # nor a video summit an in-person one, even on the same day
    assert len(identify([report("a", channel=BASE + "vocab/channel/in-person"), report("b", channel=video)])) == 2
    # two reports of one call join, and say so
    events = identify([report("a", channel=phone), report("b", event_type=CONSULTATION, channel=phone)])
    assert len(events) == 1 and "same channel telephone" in events[0].reasons[0]


def test_a_vague_report_does_not_chain_two_meetings():
    first = report("a", date="2026-03-10")
    second = report("b", date="2026-03-20", published="2026-03-20")
    vague = report("c", date="2026-03", precision="month", published="2026-03-25")
    events = identify([first, second, vague])
    assert len(events) == 2
    assert {"a", "b"} not in [set(g) for g in groups(events)]
    assert sum(len(e.reports) for e in events) == 3  # every report in exactly one corpus event


def test_result_does_not_depend_on_input_order():
    reports = [report("a", places=(ELYSEE,)), report("b", date="2026-03", precision="month"),
               report("c", date="2026-03-20", published="2026-03-20"), report("d", actors=(LECORNU, SHMYHAL)),
               report("e", date="2026-03", precision="month", published="2026-03-25", actors=(MACRON,))]
    expected = [(e.iri, [r.event for r in e.reports], e.reasons) for e in identify(reports)]
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [(e.iri, [r.event for r in e.reports], e.reasons) for e in identify(shuffled)] == expected


def test_corpus_event_is_named_after_its_earliest_report_and_says_why():
    early = report("zz-early", published="2026-03-10")
    later = report("aa-later", published="2026-03-12")
    (event,) = identify([later, early])
    assert event.iri == BASE + "id/corpus-event/zz-early/10"
    assert event.reasons and "same date" in event.reasons[0] and "emmanuel-macron" in event.reasons[0]
    # a report published later does not rename it
    (again,) = identify([later, early, report("mm-even-later", published="2026-03-20")])
    assert again.iri == event.iri


def test_duration_conflict_names_values_and_documents_and_the_majority_wins():
    events = identify([report("a", duration="PT2H"), report("b", duration="PT3H", published="2026-03-11"),
                       report("c", duration="PT2H", published="2026-03-12")])
    summary = summarise(events[0])
    assert sorted((c.value, c.report.slug) for c in summary.conflicts["duration"]) == [
        ("PT2H", "a"), ("PT2H", "c"), ("PT3H", "b")]
    duration = [f for f in summary.facts if f.prop == "duration"]
    assert [(f.value, f.support) for f in duration] == [("PT2H", 2)]


def test_tie_goes_to_the_earliest_report():
    events = identify([report("b", duration="PT3H", published="2026-03-11"), report("a", duration="PT2H")])
    assert [f.value for f in summarise(events[0]).facts if f.prop == "duration"] == ["PT2H"]


def test_adding_a_report_examines_only_its_block():
    reports = [report("a"), report("b", date="2026-04-14", published="2026-04-14"),
               report("c", date="2026-05-02", published="2026-05-02")]
    cache: dict = {}
    first = IdentityStats()
    identify(reports, cache=cache, stats=first)
    assert first.examined == 3
    again = IdentityStats()
    before = identify(reports + [report("d", date="2026-04-14", published="2026-04-15")], cache=cache, stats=again)
    assert again.examined == 2  # the April block (b and the new d), not March or May
    assert groups(before) == {frozenset({"a"}), frozenset({"b", "d"}), frozenset({"c"})}
    # and the cached answer equals a fresh one
    fresh = identify(reports + [report("d", date="2026-04-14", published="2026-04-15")])
    assert [(e.iri, e.reasons) for e in fresh] == [(e.iri, e.reasons) for e in before]


# ---------------------------------------------------------------- the built test corpus

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """tests/corpus-identity built by the real pipeline (spaCy, mapping, SHACL, identity)."""
    from diplograph.build import build

    graph = tmp_path_factory.mktemp("identity") / "graph"
    summary = build(corpus_dir=CORPUS, graph_dir=graph, store=False, jobs=1)
    assert not summary.refused
    return graph


def rows(name: str, graph: Path, engine: str = "oxigraph", **params: str) -> list[dict[str, str]]:
    from rdflib import URIRef

    from diplograph import sparql

    data = sparql.load_sources([str(graph / "diplograph.trig")], engine)
    query = sparql.resolve_query(name)
    bindings = {f"__{k}_iri": URIRef(v) for k, v in params.items()}
    result = sparql.run(query, data, bindings)
    return [{k: (str(v) if v is not None else "") for k, v in zip(result.variables, row, strict=True)}
            for row in result.rows]


def test_every_document_event_is_in_exactly_one_corpus_event(built: Path):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(built / "diplograph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    query = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
        SELECT ?event (COUNT(DISTINCT ?corpusEvent) AS ?n) WHERE {
          GRAPH ?g { ?event dg:eventType ?t ; dg:summary ?s }
          OPTIONAL { GRAPH <https://w3id.org/diplograph/graph/_corpus> { ?corpusEvent dg:hasReport ?event } }
        } GROUP BY ?event"""
    counts = [int(row["n"].value) for row in store.query(query)]
    assert counts and set(counts) == {1}


def test_identity_scores_on_the_gold(built: Path):
    from diplograph.evaluate_corpus import evaluate_identity

    scores = evaluate_identity(CORPUS / "gold.yaml", built)
    assert scores.matched == scores.reports
    assert scores.pair_f1 >= 0.9 and scores.b3_f1 >= 0.9, scores.table(True)
    assert scores.conflicts_found == scores.conflicts_planted and scores.conflicts_invented == 0, scores.table(True)


def test_meetings_show_the_summit_once_with_its_documents(built: Path):
    import yaml

    gold = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    summit = next(c for c in gold["clusters"] if c["id"] == "elysee-summit")
    documents = {r["doc"] for r in summit["reports"]}
    found = [r for r in rows("meetings", built) if r["date"] == "2026-03-10" and r["documents"] != "1"]
    assert len(found) == 1
    assert int(found[0]["documents"]) == len(documents)
    assert found[0]["place"] == ELYSEE  # the most specific place: the palace, not Paris
    assert found[0]["duration"] == "PT2H"  # most reports give two hours
    # one document's own view: its event node, one document
    alone = rows("meetings", built, document=BASE + "doc/s2-depeche-agence")
    assert [r["meeting"].startswith(BASE + "id/event/s2-depeche-agence/") for r in alone] == [True]
    assert alone[0]["documents"] == "1"


def test_reports_and_conflicts_queries(built: Path):
    conflicts = rows("conflicts", built)
    assert {r["property"] for r in conflicts} == {BASE + "ontology#duration"}
    event = conflicts[0]["event"]
    by_document = {r["document"].rsplit("/", 1)[-1]: r["value"] for r in conflicts}
    assert by_document["s2-depeche-agence"] == "PT3H" and by_document["s1-communique-elysee"] == "PT2H"
    reports = rows("reports", built, event=event)
    assert {r["event"] for r in reports} == {event}
    assert {r["document"].rsplit("/", 1)[-1] for r in reports} >= set(by_document)
    assert {r["date"] for r in reports} == {"2026-03-10"}  # "mardi" resolved in s3 too


@pytest.mark.parametrize("name", ["meetings", "events", "participants", "follow-ups", "background", "reports",
                                  "conflicts"])
def test_engines_agree_on_the_corpus(built: Path, name: str):
    assert rows(name, built, "oxigraph") == rows(name, built, "rdflib")


def test_corpus_graph_conforms_and_is_in_the_dataset(built: Path):
    from diplograph.validation import validate_files

    assert validate_files([built / "_corpus.ttl"]).conforms
    assert "<https://w3id.org/diplograph/graph/_corpus> {" in (built / "diplograph.trig").read_text(encoding="utf-8")


def test_rebuild_after_adding_a_document_examines_only_what_it_touches(built: Path, tmp_path: Path):
    files = sorted(p for p in built.glob("*.ttl") if not p.name.startswith("_"))
    added = built / "l2-reportage-kiev.ttl"
    cache = tmp_path / "blocks.json"
    identify_files([f for f in files if f != added], cache_file=cache)
    stats = IdentityStats()
    events = identify_files(files, cache_file=cache, stats=stats)
    # only April's block is examined again (the Kyiv visit and l2's events), not March's
    assert 0 < stats.examined < stats.reports
    assert all(r.date.startswith("2026-04") or not r.date for e in events for r in e.reports
               if r.slug == "l2-reportage-kiev")
    fresh = identify_files(files)
    assert [(e.iri, [r.event for r in e.reports]) for e in fresh] == [(e.iri, [r.event for r in e.reports])
                                                                      for e in events]


def test_collectives_belong_to_their_document_and_minted_people_are_shared(tmp_path: Path):
    from diplograph.extract import extract
    from diplograph.mapper import to_triples
    from diplograph.reader import read_document

    text = ("---\npublished: 2026-03-10\n---\nLes responsables européens ont rencontré lundi à Paris "
            "Anton Kovalenko, conseiller du président ukrainien.\n")
    subjects = {}
    for slug in ("premier", "second"):
        path = tmp_path / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        triples = to_triples(extract(read_document(path)))
        subjects[slug] = {str(s) for s, _, _ in triples}
    groups_ = {slug: {s for s in found if "/id/group/" in s} for slug, found in subjects.items()}
    assert groups_["premier"] and groups_["second"]
    assert all(f"/id/group/{slug}/" in s for slug, found in groups_.items() for s in found)
    people = {slug: {s for s in found if "/id/person/" in s and "kovalenko" in s} for slug, found in subjects.items()}
    assert people["premier"] and people["premier"] == people["second"]


def test_build_keeps_the_corpus_graph_when_one_document_is_rebuilt(built: Path, tmp_path: Path):
    from diplograph.build import build

    graph = tmp_path / "graph"
    shutil.copytree(built, graph)
    before = (graph / "_corpus.ttl").read_bytes()
    build([CORPUS / "u4-appel-telephonique.txt"], graph_dir=graph, store=False, jobs=1)
    assert (graph / "_corpus.ttl").read_bytes() == before  # the other documents' events are still there


def _store(built: Path):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(built / "diplograph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return store


def test_timeline_draws_each_real_event_once(built: Path, tmp_path: Path):
    from diplograph.pictures.timeline import timeline

    events, _ = timeline(_store(built), tmp_path / "timeline.svg")
    drawn = [e.iri for e in events]
    assert len(drawn) == len(set(drawn))
    assert all("/id/corpus-event/" in iri for iri in drawn)
    summit = [e for e in events if str(e.when) == "2026-03-10" and "Zelensky" in e.label and "Macron" in e.label]
    assert len(summit) == 1


def test_draw_shows_the_real_event_with_what_all_its_reports_say(built: Path, tmp_path: Path):
    import shutil as _shutil

    from diplograph.pictures import Labels
    from diplograph.pictures.draw import event_view, main_event, reports_of

    store = _store(built)
    event = main_event(store)
    assert "/id/corpus-event/" in event
    assert len(reports_of(store, event)) > 1
    view = event_view(store, event, Labels(store, "fr"))
    people = {p.iri for side in view.sides for p in side.participants}
    assert {MACRON, ZELENSKY} <= people  # s2 names only Zelensky; the other reports add Macron
    if _shutil.which("dot"):
        from diplograph.pictures.draw import draw

        draw(store, tmp_path / "summit.svg")
        assert (tmp_path / "summit.svg").stat().st_size > 0


# ------------------------------------------- validating the corpus graph in batches of corpus events

CE = BASE + "id/corpus-event/"
DG_NS = BASE + "ontology#"


def _whole_report(path: Path, monkeypatch, **options):
    """``validate_files`` as it was before batches: the corpus graph loaded whole."""
    from diplograph import corpus_validation
    from diplograph.validation import validate_files

    with monkeypatch.context() as patch:
        patch.setattr(corpus_validation, "is_corpus_file", lambda _path: False)
        return validate_files([path], **options)


def _batched_report(path: Path, monkeypatch, **options):
    from diplograph import corpus_validation
    from diplograph.validation import validate_files

    with monkeypatch.context() as patch:
        patch.setattr(corpus_validation, "BATCH_EVENTS", 2)
        return validate_files([path], **options)


def _same_report(batched, whole) -> None:
    from rdflib.compare import isomorphic

    assert sorted(batched.results) == sorted(whole.results)  # the same results, as a multiset
    assert batched.conforms == whole.conforms
    assert isomorphic(batched.graph, whole.graph)  # the same W3C report graph


def _corpus_events(path: Path) -> list:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    return sorted(Graph().parse(path).subjects(RDF.type, URIRef(DG_NS + "CorpusEvent")))


def _broken_copy(built: Path, tmp_path: Path, edit) -> Path:
    """The built corpus graph, edited by ``edit(graph, events)``, written as the build writes it."""
    from rdflib import Graph

    from diplograph.serialize import to_turtle

    graph = Graph().parse(built / "_corpus.ttl")
    edit(graph, _corpus_events(built / "_corpus.ttl"))
    out = tmp_path / "_corpus.ttl"
    out.write_text(to_turtle(graph), encoding="utf-8")
    return out


def _break_locally(graph, events) -> None:
    """Faults inside single corpus events, spread over the file (so over several batches)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, XSD

    dg = lambda name: URIRef(DG_NS + name)  # noqa: E731
    first, second, third, fourth, last = events[0], events[len(events) // 3], events[len(events) // 2], \
        events[-2], events[-1]
    graph.remove((first, dg("eventType"), None))  # minCount
    graph.add((second, dg("documentCount"), Literal(7, datatype=XSD.nonNegativeInteger)))  # maxCount
    graph.add((second, dg("hasReport"), Literal("not an IRI")))  # nodeKind
    bogus = URIRef(str(third) + "/support/bogus")
    graph.add((third, dg("support"), bogus))  # sh:class: its own node, not a dg:ValueSupport
    graph.add((bogus, dg("hasParticipant"), URIRef(BASE + "id/person/nobody")))  # a data rule's row
    support = next(iter(graph.objects(fourth, dg("support"))), None) or fourth
    graph.set((support, dg("supportCount"), Literal("three")))  # datatype
    graph.add((URIRef(str(last) + "/position"), RDF.type, dg("Position")))  # a shape and a data rule


def test_corpus_graph_validated_in_batches_gives_the_whole_graph_report(built: Path, monkeypatch):
    from diplograph.corpus_validation import validate_in_batches

    path = built / "_corpus.ttl"
    assert len(_corpus_events(path)) >= 6
    batched = validate_in_batches(path, batch_events=2)
    assert not batched.whole and batched.batches >= 3
    _same_report(_batched_report(path, monkeypatch), _whole_report(path, monkeypatch))


@pytest.mark.parametrize("engine", ["auto", "pyshacl"])
def test_broken_corpus_graph_gives_the_same_results_in_batches(built: Path, tmp_path: Path, monkeypatch,
                                                               engine: str):
    from diplograph.corpus_validation import validate_in_batches

    path = _broken_copy(built, tmp_path, _break_locally)
    batched = validate_in_batches(path, engine=engine, batch_events=2)
    assert not batched.whole and batched.batches >= 3
    report = _batched_report(path, monkeypatch, engine=engine)
    whole = _whole_report(path, monkeypatch, engine=engine)
    _same_report(report, whole)
    shapes = {r.shape.split("/")[0] for r in whole.results}
    assert {"dgsh:CorpusEventShape", "dgsh:ValueSupportShape", "dgsh:PositionShape",
            "dgsh:check-participants-without-side", "dgsh:check-positions-without-evidence"} <= shapes


def test_what_spans_corpus_events_is_validated_on_the_whole_graph(built: Path, tmp_path: Path, monkeypatch):
    """A reference from one corpus event into another's nodes, and a shape whose SPARQL query joins
    corpus events through a shared document event, are judged on the whole file, not per batch."""
    from rdflib import URIRef

    from diplograph.corpus_validation import validate_in_batches
    from diplograph.resources import shapes_file

    dg = lambda name: URIRef(DG_NS + name)  # noqa: E731

    def cross(graph, events):
        support = next(iter(graph.objects(events[-1], dg("support"))))
        graph.add((events[0], dg("support"), support))

    path = _broken_copy(built, tmp_path, cross)
    assert "another corpus event" in validate_in_batches(path, batch_events=2).whole
    _same_report(_batched_report(path, monkeypatch), _whole_report(path, monkeypatch))

    def shared(graph, events):
        report = next(iter(graph.objects(events[-1], dg("hasReport"))))
        graph.add((events[0], dg("hasReport"), report))

    # Events out of the order the build writes them: one could be cut across two batches.
    from rdflib import Graph

    from diplograph.serialize import to_turtle

    graph = Graph().parse(built / "_corpus.ttl")
    reordered = tmp_path / "reordered" / "_corpus.ttl"
    reordered.parent.mkdir()
    reordered.write_text("".join(to_turtle([t for t in graph if f"{t[0]}/".startswith(f"{event}/")])
                                 for event in reversed(_corpus_events(built / "_corpus.ttl"))), encoding="utf-8")
    assert "not in the order" in validate_in_batches(reordered, batch_events=2).whole
    _same_report(_batched_report(reordered, monkeypatch), _whole_report(reordered, monkeypatch))

    (tmp_path / "shared").mkdir()
    path = _broken_copy(built, tmp_path / "shared", shared)
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_file().read_text(encoding="utf-8") + """
dgsh:OneCorpusEventPerReport a sh:NodeShape ;
    sh:targetClass dg:CorpusEvent ;
    sh:sparql [
        sh:prefixes <https://w3id.org/diplograph/shapes> ;
        sh:message "Report {?value} is also a report of {?other}."@en ;
        sh:select '''SELECT $this ?value ?other WHERE {
            $this dg:hasReport ?value . ?other dg:hasReport ?value . FILTER (?other != $this) }'''
    ] .
""", encoding="utf-8")
    assert "not batch-local" in validate_in_batches(path, shapes=shapes, batch_events=2).whole
    whole = _whole_report(path, monkeypatch, shapes=shapes)
    assert sum(r.shape == "dgsh:OneCorpusEventPerReport" for r in whole.results) == 2
    _same_report(_batched_report(path, monkeypatch, shapes=shapes), whole)


@pytest.mark.parametrize(("query", "local"), [
    ("SELECT ?e WHERE { ?e <http://x/p> ?v . ?v <http://x/q> ?w FILTER NOT EXISTS { ?v <http://x/r> ?e } }", True),
    ("SELECT ?a ?b WHERE { ?a <http://x/p> ?d . ?b <http://x/p> ?d }", False),  # joined through an object only
    ("SELECT ?a WHERE { ?a <http://x/p> ?d FILTER NOT EXISTS { ?b <http://x/p> ?d FILTER (?b != ?a) } }", False),
    ("SELECT ?d WHERE { ?a <http://x/p> ?d }", False),  # the same row from several batches
    ("SELECT ?a (COUNT(?d) AS ?n) WHERE { ?a <http://x/p> ?d } GROUP BY ?a", False),
    ("SELECT ?a WHERE { ?a <http://x/p>/<http://x/q> ?d . ?d <http://x/r> ?e }", True),
    ("SELECT ?a WHERE { ?a <http://x/p>* ?d }", False),  # may match no triple at all
])
def test_batch_locality_of_sparql_queries(query: str, local: bool):
    from diplograph.sparql_locality import is_local

    assert is_local(query) is local


def test_shipped_rules_and_shapes_allow_corpus_batches():
    from diplograph.corpus_validation import _static_reason

    assert _static_reason(None, "auto") == ""
