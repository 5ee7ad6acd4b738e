"""Stored queries: files, columns, engines agreeing, parameters, formats, CLI, and the seed answers.

The hand-made graphs in tests/data follow docs/data-model.md with offsets taken from the
texts; the seed tests at the end run on graph/ as `diplograph build` writes it (they fail
until the pipeline extracts the facts a reader finds in the article).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from functools import cache
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import BNode, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result as RdflibResult

from diplograph import endpoint, results, sparql
from diplograph.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
KREMLIN = DATA / "kremlin-meeting.ttl"
SECOND = DATA / "second-meeting.ttl"
BASE = "https://w3id.org/diplograph/"
DG = BASE + "ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"

COLUMNS = {
    "events": ["event", "type", "label", "date", "status", "place", "placeLabel", "document"],
    "participants": ["event", "actor", "actorLabel", "role", "side"],
    "meetings": ["meeting", "date", "place", "placeLabel", "duration", "participantCount", "documents"],
    "reports": ["event", "type", "label", "document", "reportedEvent", "date", "placeLabel"],
    "conflicts": ["event", "property", "value", "document"],
    "quotes": ["quote", "text", "speaker", "speakerLabel", "event", "document", "begin", "end"],
    "positions": ["holder", "holderLabel", "issue", "issueLabel", "stance", "evidence"],
    "disagreements": ["issue", "issueLabel", "parties"],
    "reactions": ["reaction", "type", "actor", "actorLabel", "reactsTo", "summary"],
    "follow-ups": ["event", "type", "label", "status", "date", "placeLabel", "participants"],
    "background": ["event", "type", "label", "date", "placeLabel", "relatedTo"],
    "actors": ["actor", "label", "type", "wikidata", "mentions"],
    "roles": ["person", "personLabel", "role", "roleLabel", "organisation", "organisationLabel"],
    "accusations": ["event", "type", "actor", "actorLabel", "target", "targetLabel", "about"],
    "provenance": ["resource", "mention", "text", "begin", "end", "document"],
}
STORED = sparql.stored_queries()
ALL_QUERIES = STORED + sparql.check_queries()


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


@cache
def loaded(files: tuple[str, ...], engine: str):
    return sparql.load_sources(list(files), engine)


def run(name: str, files: tuple[str, ...], engine: str = "oxigraph", **params: str) -> sparql.Result:
    query = sparql.resolve_query(name)
    return sparql.run(query, loaded(files, engine), sparql.bind_parameters(query, params))


def records(result: sparql.Result) -> list[dict[str, object]]:
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def value_key(term: object) -> tuple:
    """Compare terms by value: "PT5H" = "PT5H0M"^^xsd:duration, 52^^nonNegativeInteger = 52^^integer."""
    if term is None:
        return ("unbound",)
    if isinstance(term, BNode):
        return ("bnode",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ("lang", str(term), term.language.lower())
    value = term.value
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float | Decimal):
        return ("number", Decimal(str(value)))
    if term.datatype is not None and value is not None and not term.ill_typed:
        return ("typed", str(term.datatype), str(value))
    return ("string", str(term), str(term.datatype or ""))


# ---------------------------------------------------------------- the files themselves


def test_every_required_query_exists_and_nothing_else_is_missing():
    assert set(COLUMNS) <= {q.name for q in STORED}


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.name)
def test_query_parses_on_rdflib_and_oxigraph(query):
    prepareQuery(query.text)
    pyoxigraph.Store().query(query.text)  # an empty store still parses and plans the query


@pytest.mark.parametrize("query", STORED, ids=lambda q: q.name)
def test_query_has_grlc_decorators(query):
    assert query.summary, "a #+ summary: line"
    assert "competency-question" in query.tags
    assert len(query.tags) >= 2, "a topic tag besides competency-question"
    declared = str(query.decorators.get("params", ""))
    for param in query.parameters:
        assert param.variable.lstrip("_") in declared, f"#+ params: lists {param.variable}"
    assert declared.count("(") == len(query.parameters), "#+ params: lists no parameter the query lacks"


@pytest.mark.parametrize("query", sparql.check_queries(), ids=lambda q: q.name)
def test_check_has_summary_and_is_a_select(query):
    assert query.summary
    assert "check" in query.tags
    assert sparql.run(query, pyoxigraph.Store()).kind == "select"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_projected_columns_are_the_contract(name):
    query = sparql.resolve_query(name)
    assert [str(v) for v in prepareQuery(query.text).algebra["PV"]] == COLUMNS[name]
    answer = pyoxigraph.Store().query(query.text)
    assert [v.value for v in answer.variables] == COLUMNS[name]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_optional_parameters_and_lang_follow_grlc(name):
    query = sparql.resolve_query(name)
    names = {p.name: p for p in query.parameters}
    if name == "provenance":
        assert names["resource"].required and names["resource"].kind == "iri"
    elif name != "conflicts":  # values as the documents give them: no labels to choose
        assert names["lang"].kind == "lang" and not names["lang"].required
    if name in ("participants", "background", "reports", "conflicts"):
        assert names["event"].kind == "iri" and not names["event"].required
    if name in ("meetings", "events", "participants", "follow-ups", "background"):  # one document's view
        assert names["document"].kind == "iri" and not names["document"].required


def test_queries_use_no_transitive_property_paths():
    for query in ALL_QUERIES:
        body = re.sub(r"#[^\n]*", "", query.text)
        assert not re.search(r"[>\w]\s*[*+]\s*[?<]", body.replace("COUNT(*)", "")), query.name
        assert "subClassOf" not in body, query.name


# ---------------------------------------------------------------- engines agree


GRAPH_SETS = [(str(KREMLIN),), (str(SECOND),), (str(KREMLIN), str(SECOND))]
MEETING = "id/event/2025-12-02-kremlin-meeting-fr/69"
PARAMETERS = {
    "participants": [{}, {"event": f"<{BASE}{MEETING}>"}, {"event": BASE + "id/event/nothing/1"}],
    "background": [{}, {"event": f"<{BASE}{MEETING}>"}],
    "provenance": [{"resource": f"<{BASE}id/person/steve-witkoff>"},
                   {"resource": f"<{BASE}id/quote/2025-12-02-kremlin-meeting-fr/1357>"},
                   {"resource": f"<{BASE}doc/2025-12-02-kremlin-meeting-fr#char=52,68>"},
                   {"resource": f"<{BASE}id/position/2025-12-02-kremlin-meeting-fr/2451>"}],
}


def engine_cases():
    for query in ALL_QUERIES:
        for files in GRAPH_SETS:
            for params in PARAMETERS.get(query.name, [{}]):
                langs = [None, "en"] if query.parameter("lang") and len(files) > 1 else [None]
                for lang in langs:
                    full = dict(params, **({"lang": lang} if lang else {}))
                    label = "+".join(Path(f).stem for f in files)
                    yield pytest.param(query, files, full, id=f"{query.name}-{label}-{full}")


@pytest.mark.parametrize(("query", "files", "params"), engine_cases())
def test_rdflib_and_oxigraph_give_the_same_rows_in_the_same_order(query, files, params):
    bindings = sparql.bind_parameters(query, params)
    oxigraph = sparql.run(query, loaded(files, "oxigraph"), bindings)
    rdflib = sparql.run(query, loaded(files, "rdflib"), bindings)
    assert oxigraph.variables == rdflib.variables
    assert [tuple(map(value_key, row)) for row in oxigraph.rows] == \
           [tuple(map(value_key, row)) for row in rdflib.rows]


def test_same_answers_on_a_trig_dataset_as_on_the_turtle_files(tmp_path):
    from rdflib import Dataset

    dataset = Dataset()
    for path in (KREMLIN, SECOND):
        dataset.graph(URIRef(BASE + "graph/" + path.stem)).parse(path)
    trig = tmp_path / "diplograph.trig"
    dataset.serialize(trig, format="trig")
    for name in ("events", "actors", "disagreements"):
        assert run(name, (str(trig),)).rows == run(name, (str(KREMLIN), str(SECOND))).rows


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_a_triple_in_several_graphs_counts_once(tmp_path, engine):
    # Labels and types of shared actors sit in every document graph; the union is a set.
    copy = tmp_path / "copy-of-the-same-document.ttl"
    copy.write_bytes(KREMLIN.read_bytes())
    twice = sparql.load_sources([KREMLIN, copy], engine)
    for query in STORED:
        bindings = sparql.bind_parameters(query, PARAMETERS.get(query.name, [{}])[0])
        assert sparql.run(query, twice, bindings).rows == run(query.name, (str(KREMLIN),), engine,
                                                               **PARAMETERS.get(query.name, [{}])[0]).rows


def test_oxigraph_plain_literals_come_back_plain():
    for row in run("roles", (str(KREMLIN),)).rows:
        for term in row:
            assert not (isinstance(term, Literal) and term.datatype == URIRef(XSD + "string"))


# ---------------------------------------------------------------- answers on the hand-made graph


def test_lang_parameter_chooses_label_language_and_falls_back():
    fr = {str(r["actor"]): str(r["label"]) for r in records(run("actors", (str(KREMLIN),)))}
    en = {str(r["actor"]): str(r["label"]) for r in records(run("actors", (str(KREMLIN),), lang="en"))}
    assert fr[BASE + "id/person/yuri-ushakov"] == "Iouri Ouchakov"
    assert en[BASE + "id/person/yuri-ushakov"] == "Yuri Ushakov"
    # the group only has a French label: any label beats none
    assert en[BASE + "id/group/dirigeants-europeens"] == "dirigeants européens"


def test_events_come_in_time_order_with_undated_last():
    dates = [r["date"] for r in records(run("events", (str(KREMLIN), str(SECOND))))]
    dated = [str(d) for d in dates if d is not None]
    assert dated == sorted(dated)
    assert dates.index(None) == len(dated), "undated events after the dated ones"


def test_event_type_is_the_asserted_specific_class():
    types = {str(r["type"]) for r in records(run("events", (str(KREMLIN),)))}
    assert DG + "Meeting" in types and DG + "Accusation" in types
    assert DG + "DiplomaticEvent" not in types


def test_events_and_meetings_typed_literals():
    meeting = records(run("meetings", (str(KREMLIN),)))[0]
    assert meeting["date"] == Literal("2025-12-02", datatype=URIRef(XSD + "date"))
    assert meeting["duration"].datatype == URIRef(XSD + "duration")
    assert meeting["participantCount"].toPython() == 5


def test_meeting_place_is_the_most_specific_one():
    # the meeting is placed in Moscow and at the Kremlin, and the Kremlin is in Moscow
    rows = [r for r in records(run("meetings", (str(KREMLIN),))) if r["meeting"] == iri(MEETING)]
    assert [(r["place"], str(r["placeLabel"])) for r in rows] == [(iri("id/place/kremlin"), "Kremlin")]


def test_quotes_offsets_point_at_the_quoted_words():
    text = KREMLIN_TEXT()
    rows = records(run("quotes", (str(KREMLIN),)))
    spans = [text[int(r["begin"]):int(r["end"])] for r in rows]
    assert spans == ["aucune solution de compromis (sur les territoires) n'a encore été choisie",
                     "beaucoup de travail"]
    assert [str(r["text"]) for r in rows] == spans  # the text column is the quoted words


@cache
def KREMLIN_TEXT() -> str:  # noqa: N802 - reads like a constant
    """The body text offsets count in: the file after its front matter, NFC (what the reader returns)."""
    from diplograph.reader import read_document

    return read_document(ROOT / "corpus" / "2025-12-02-kremlin-meeting.fr.txt").text


def test_provenance_returns_the_words_at_the_offsets():
    rows = records(run("provenance", (str(KREMLIN),), resource=f"<{BASE}id/person/vladimir-putin>"))
    assert len(rows) == 2
    for row in rows:
        assert KREMLIN_TEXT()[int(row["begin"]):int(row["end"])] == str(row["text"]) == "Vladimir Poutine"
        assert row["resource"] == iri("id/person/vladimir-putin")


def test_participants_parameter_restricts_to_one_event():
    everyone = run("participants", (str(KREMLIN), str(SECOND)))
    one = run("participants", (str(KREMLIN), str(SECOND)), event=f"<{BASE}{MEETING}>")
    assert {r["event"] for r in records(one)} == {iri(MEETING)}
    assert len(one.rows) == 5 < len(everyone.rows)
    curie = run("participants", (str(KREMLIN),), event=MEETING.replace("id/", "id:", 1))
    assert curie.rows == one.rows


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_actors_and_roles_are_those_of_the_texts_even_with_the_gazetteer_loaded(engine):
    from diplograph.resources import vocab_files

    gazetteer = [str(p) for p in vocab_files() if p.name == "actors.ttl"]
    assert gazetteer, "ontology/vocab/actors.ttl"
    alone = loaded((str(KREMLIN),), engine)
    together = loaded((str(KREMLIN), *gazetteer), engine)
    actors = sparql.resolve_query("actors")
    assert {r[0] for r in sparql.run(actors, together).rows} == {r[0] for r in sparql.run(actors, alone).rows}
    people = {r[0] for r in sparql.run(actors, alone).rows}
    assert {r[0] for r in sparql.run(sparql.resolve_query("roles"), together).rows} <= people


def test_a_delegation_is_listed_once_even_when_also_typed_organisation(tmp_path):
    inferred = tmp_path / "inferred.ttl"
    inferred.write_text(f"<{BASE}id/delegation/second-meeting-fr/ukraine> a <{DG}Organization> .\n")
    rows = records(run("actors", (str(SECOND), str(inferred))))
    delegation = [r["type"] for r in rows if r["actor"] == iri("id/delegation/second-meeting-fr/ukraine")]
    assert delegation == [URIRef(DG + "Delegation")]


def test_actor_mentions_are_counted_over_all_documents():
    rows = records(run("actors", (str(KREMLIN), str(SECOND))))
    counts = {r["actor"]: r["mentions"].toPython() for r in rows}
    # Steve Witkoff: two mentions in the seed graph and one in the second document
    assert counts[iri("id/person/steve-witkoff")] == 3


# ---------------------------------------------------------------- parameters and injection


def test_parameter_values_become_rdf_terms():
    query = sparql.resolve_query("participants")
    assert sparql.bind_parameters(query, {"event": "<http://example.org/e>"}) == {
        "__event_iri": URIRef("http://example.org/e")}
    assert sparql.bind_parameters(query, {"event": "http://example.org/e"}) == {
        "__event_iri": URIRef("http://example.org/e")}
    assert sparql.bind_parameters(query, {"lang": "en"}) == {"__lang": Literal("en")}


@pytest.mark.parametrize("params", [
    {"event": "<x> } ; DROP ALL"},
    {"event": "<http://example.org/a> } ; DROP ALL ; #>"},
    {"event": "http://example.org/a>{"},
    {"event": "not an iri"},
    {"event": '"quoted"'},
    {"lang": 'fr" ) } DROP ALL #'},
    {"lang": "{}"},
    {"nope": "1"},
])
def test_bad_or_hostile_parameter_values_are_usage_errors(params):
    with pytest.raises(UsageError):
        sparql.bind_parameters(sparql.resolve_query("participants"), params)


HOSTILE = ['" } ; DROP ALL ; #', "x' } } INSERT DATA { <a> <b> <c> } #", "> } ; DROP", "{}", "\\u0022"]


@pytest.mark.parametrize("engine", sparql.ENGINES)
@pytest.mark.parametrize("value", HOSTILE)
def test_literal_parameters_are_bound_harmlessly(tmp_path, engine, value):
    rq = tmp_path / "by-label.rq"
    rq.write_text("#+ summary: test\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                  "SELECT DISTINCT ?thing ?_text WHERE { ?thing rdfs:label ?label FILTER(STR(?label) = ?_text) }\n"
                  "ORDER BY ?thing\n", encoding="utf-8")
    query = sparql.load_query(rq)
    data = sparql.load_sources([KREMLIN], engine)
    events_before = sparql.run(sparql.resolve_query("events"), data).rows
    hostile = sparql.run(query, data, sparql.bind_parameters(query, {"text": value}))
    assert hostile.rows == []
    found = sparql.run(query, data, sparql.bind_parameters(query, {"text": "Kremlin"}))
    # the place of the document and the gazetteer's organisation (the union holds the vocabularies)
    assert [r[0] for r in found.rows] == [iri("id/org/kremlin"), iri("id/place/kremlin")]
    assert sparql.run(sparql.resolve_query("events"), data).rows == events_before, "data untouched"


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_parameters_bind_in_grouped_queries_with_tricky_text(tmp_path, engine):
    rq = tmp_path / "count.rq"
    rq.write_text("#+ summary: mentions of one actor (a comment saying SELECT { ?x } GROUP BY)\n"
                  "PREFIX gaf: <http://groundedannotationframework.org/gaf#>\n"
                  "SELECT DISTINCT (CONCAT(\"(\", STR(COUNT(?m)), \")\") AS ?n) WHERE {\n"
                  "  ?_who_iri gaf:denotedBy ?m } GROUP BY ?_who_iri\n", encoding="utf-8")
    query = sparql.load_query(rq)
    bindings = sparql.bind_parameters(query, {"who": f"<{BASE}id/person/steve-witkoff>"})
    result = sparql.run(query, sparql.load_sources([KREMLIN], engine), bindings)
    assert result.variables == ["n"] and [str(r[0]) for r in result.rows] == ["(2)"]


# ---------------------------------------------------------------- names


def test_names_cannot_escape_the_queries_folder():
    for name in ("../../etc/passwd", "checks/../../pyproject", "/etc/passwd", "..", "a/b/c"):
        with pytest.raises(UsageError):
            sparql.resolve_query(name)


def test_unknown_name_suggests_the_closest():
    with pytest.raises(UsageError, match="did you mean 'participants'"):
        sparql.resolve_query("participant")


def test_checks_are_reachable_by_name_and_files_by_path(tmp_path):
    assert sparql.resolve_query("checks/events-without-mention").name == "checks/events-without-mention"
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1", encoding="utf-8")
    assert sparql.resolve_query(str(rq)).path == rq


# ---------------------------------------------------------------- result formats


def cli(*args: str):
    from diplograph.cli import cli as group

    return CliRunner().invoke(group, list(args))


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_w3c_formats_read_back_with_rdflib_parsers(fmt):
    result = run("meetings", (str(KREMLIN), str(SECOND)))
    text = sparql.format_result(result, fmt)
    parsed = RdflibResult.parse(io.StringIO(text), format=fmt)
    assert [str(v) for v in parsed.vars] == COLUMNS["meetings"]
    rows = [tuple(row) for row in parsed]
    assert len(rows) == len(result.rows)
    if fmt == "csv":  # CSV keeps lexical forms only
        assert [tuple("" if t is None else str(t) for t in r) for r in rows] == \
               [tuple(results.csv_value(t) for t in r) for r in result.rows]
    else:
        assert [tuple(map(value_key, r)) for r in rows] == [tuple(map(value_key, r)) for r in result.rows]


def test_json_follows_the_w3c_structure():
    data = json.loads(sparql.format_result(run("meetings", (str(KREMLIN),)), "json"))
    assert data["head"]["vars"] == COLUMNS["meetings"]
    first = data["results"]["bindings"][0]
    assert first["meeting"] == {"type": "uri", "value": BASE + MEETING}
    assert first["duration"]["datatype"] == XSD + "duration"
    assert first["placeLabel"] == {"type": "literal", "value": "Kremlin"}


def test_xml_uses_the_results_namespace_and_skips_unbound():
    root = ET.fromstring(sparql.format_result(run("meetings", (str(KREMLIN),)), "xml"))
    ns = {"r": results.RESULTS_NS}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == COLUMNS["meetings"]
    planned = root.findall("r:results/r:result", ns)[-1]
    assert "date" not in {b.get("name") for b in planned.findall("r:binding", ns)}


def test_csv_and_tsv_quote_and_escape():
    result = sparql.Result("select", ["a", "b"], [(Literal('say "hi", then\tgo\n'), Literal("x", lang="fr"))])
    assert list(csv.reader(io.StringIO(sparql.to_csv(result)))) == [["a", "b"], ['say "hi", then\tgo\n', "x"]]
    assert sparql.to_csv(result).endswith("\r\n")
    assert sparql.to_tsv(result) == '?a\t?b\n"say \\"hi\\", then\\tgo\\n"\t"x"@fr\n'


def test_output_is_deterministic():
    first = cli("query", "actors", "-f", "json", str(KREMLIN), str(SECOND))
    second = cli("query", "actors", "-f", "json", str(SECOND), str(KREMLIN))
    assert first.exit_code == 0 and first.output == second.output


# ---------------------------------------------------------------- command line


def test_queries_lists_names_summaries_and_parameters():
    result = cli("queries")
    assert result.exit_code == 0
    for name in COLUMNS:
        assert re.search(rf"^{re.escape(name)}\s+\S", result.output, re.M), name
    assert "resource (iri, required)" in result.output


@pytest.mark.parametrize("engine", sparql.ENGINES)
def test_query_command_runs_with_parameters(engine):
    result = cli("query", "participants", "--engine", engine, "-f", "csv",
                 "--param", f"event=<{BASE}{MEETING}>", "-p", "lang=en", str(KREMLIN))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["actorLabel"] for r in rows} == {"Vladimir Putin", "Yuri Ushakov", "Kirill Dmitriev",
                                               "Steve Witkoff", "Jared Kushner"}


@pytest.mark.parametrize(("args", "code", "message"), [
    (["query", "../../etc/passwd", str(KREMLIN)], 2, "not a stored query"),
    (["query", "particpants", str(KREMLIN)], 2, "did you mean 'participants'"),
    (["query", "provenance", str(KREMLIN)], 2, "needs --param resource"),
    (["query", "events", "-p", "colour=red", str(KREMLIN)], 2, "no parameter 'colour'"),
    (["query", "events", "-p", "lang", str(KREMLIN)], 2, "NAME=VALUE"),
    (["query", "participants", "-p", "event=<a b>", str(KREMLIN)], 2, "event"),
    (["query", "events", str(DATA / "missing.ttl")], 3, "no such file"),
])
def test_cli_errors_are_one_line_with_exit_code(args, code, message):
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_sparql_syntax_error_gives_line_and_column(tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("PREFIX dg: <https://w3id.org/diplograph/ontology#>\nSELECT ?s WHERE {\n  ?s dg:date \n}\n")
    for engine in sparql.ENGINES:
        result = cli("query", str(rq), "--engine", engine, str(KREMLIN))
        assert result.exit_code == 3, result.output
        assert re.search(r"line 4, column \d+", result.output), result.output


def test_query_command_cold_start_does_not_import_heavy_libraries():
    import subprocess
    import sys

    code = ("import sys\nfrom click.testing import CliRunner\nfrom diplograph.cli import cli\n"
            f"r = CliRunner().invoke(cli, ['query', 'events', {str(KREMLIN)!r}])\n"
            "assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in ('spacy', 'pyshacl', 'owlrl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- the seed article, as built


def seed_graph() -> tuple[str, ...]:
    """graph/ as built (or the file in $DIPLOGRAPH_SEED_GRAPH, to test a build made elsewhere)."""
    if os.environ.get("DIPLOGRAPH_SEED_GRAPH"):
        return (os.environ["DIPLOGRAPH_SEED_GRAPH"],)
    for name in ("diplograph.trig", "2025-12-02-kremlin-meeting-fr.ttl"):
        candidate = ROOT / "graph" / name
        if candidate.is_file():
            return (str(candidate),)
    pytest.fail("graph/ holds no seed graph yet: run `diplograph build`")


SEED_SOURCES = [pytest.param(lambda: (str(KREMLIN),), id="hand-made"), pytest.param(seed_graph, id="built")]


def kremlin_meeting(files: tuple[str, ...]) -> dict[str, object]:
    meetings = [r for r in records(run("meetings", files))
                if r["place"] == iri("id/place/kremlin") and str(r["date"]) == "2025-12-02"]
    assert len(meetings) == 1, meetings
    return meetings[0]


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_kremlin_meeting_when_where_how_long_how_many(source):
    meeting = kremlin_meeting(source())
    assert meeting["date"].datatype == URIRef(XSD + "date")
    assert value_key(meeting["duration"]) == value_key(Literal("PT5H", datatype=URIRef(XSD + "duration")))
    assert meeting["participantCount"].toPython() == 5


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_participants_are_the_five_with_their_sides(source):
    files = source()
    event = kremlin_meeting(files)["meeting"]
    rows = records(run("participants", files, event=f"<{event}>"))
    sides = {str(r["actor"]).removeprefix(BASE): str(r["side"]).removeprefix(BASE) for r in rows}
    assert sides == {
        "id/person/vladimir-putin": "id/state/russia", "id/person/yuri-ushakov": "id/state/russia",
        "id/person/kirill-dmitriev": "id/state/russia",
        "id/person/steve-witkoff": "id/state/usa", "id/person/jared-kushner": "id/state/usa",
    }
    assert len(rows) == 5


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_disagreements_are_four_issues_between_russia_and_the_usa(source):
    files = source()
    labels = {r["actor"]: str(r["label"]) for r in records(run("actors", files))}
    rows = records(run("disagreements", files))
    assert {str(r["issue"]).removeprefix(BASE + "vocab/issue/") for r in rows} == {
        "occupied-territories", "security-guarantees", "security-demands", "frozen-assets"}
    expected = ", ".join(sorted([labels[iri("id/state/russia")], labels[iri("id/state/usa")]]))
    assert all(str(r["parties"]) == expected for r in rows), rows


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_quotes_are_ouchakovs_two(source):
    files = source()
    rows = records(run("quotes", files))
    assert {r["speaker"] for r in rows} == {iri("id/person/yuri-ushakov")}
    texts = []
    for row in rows:
        spans = records(run("provenance", files, resource=f"<{row['quote']}>"))
        texts += [str(s["text"]) for s in spans if s["begin"] == row["begin"]]
    assert texts == ["aucune solution de compromis (sur les territoires) n'a encore été choisie",
                     "beaucoup de travail"]


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_follow_ups_include_a_planned_meeting(source):
    rows = records(run("follow-ups", source()))
    assert any(r["type"] == URIRef(DG + "Meeting") and r["status"] == iri("vocab/event-status/planned")
               for r in rows), rows


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_graph_passes_every_check(source):
    result = cli("verify", *source())
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("source", SEED_SOURCES)
def test_seed_accusations_include_zelensky_accusing_russia(source):
    rows = records(run("accusations", source()))
    assert any(r["type"] == URIRef(DG + "Accusation") and r["actor"] == iri("id/person/volodymyr-zelensky")
               and r["target"] == iri("id/state/russia") for r in rows), rows


# ---------------------------------------------------------------- cold start: no rdflib, no PyYAML

_PROBE = """
import sys
from diplograph.cli import main
sys.argv = ["diplograph", *sys.argv[1:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
heavy = sorted(name for name in ("rdflib", "yaml") if name in sys.modules)
sys.stderr.write("LOADED=" + ",".join(heavy) + "\\n")
sys.exit(code or 0)
"""


def _probe(*args: str) -> tuple[str, str]:
    """Run `diplograph ARGS` in a fresh interpreter; (stdout, heavy modules it had imported)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr.rsplit("LOADED=", 1)[1].strip()


@pytest.mark.parametrize("fmt", sparql.FORMATS)
def test_query_on_oxigraph_imports_neither_rdflib_nor_pyyaml(fmt: str) -> None:
    """The stored-query path of `diplograph query` cold-starts without rdflib and PyYAML, in every
    format, on the query store and on explicit files, with a parameter bound."""
    for args in (["participants"], ["follow-ups", str(KREMLIN)],
                 ["participants", "-p", "event=<https://w3id.org/diplograph/id/event/2025-12-02-kremlin-meeting-fr/69>",
                  "-p", "lang=en", str(KREMLIN)]):
        out, heavy = _probe("query", *args, "-f", fmt)
        assert heavy == "", f"{args} -f {fmt} imported {heavy}"
        if args[-1] == str(KREMLIN):  # same bytes as the rdflib engine prints
            assert out == _probe("query", *args, "-f", fmt, "--engine", "rdflib")[0], f"{args} -f {fmt}"


def test_query_with_rdflib_engine_still_uses_rdflib() -> None:
    _, heavy = _probe("query", "participants", str(KREMLIN), "--engine", "rdflib")
    assert "rdflib" in heavy


def test_run_decorators_read_what_yaml_reads() -> None:
    """The YAML-free decorator reader of the query path agrees with PyYAML on every stored query."""
    paths = sorted((ROOT / "queries").rglob("*.rq"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        full = sparql.parse_decorators(text)
        expected = {key: full[key] for key in sparql.RUN_DECORATORS if key in full}
        assert sparql.run_decorators(text) == expected, path.name
    sample = "#+ summary: x\n#+ sorted_lists: [a, b]\n#+ binding: values\n#+ tags:\n#+   - t\n"
    full = sparql.parse_decorators(sample)
    assert sparql.run_decorators(sample) == {"sorted_lists": full["sorted_lists"], "binding": full["binding"]}


# ---------------------------------------------------------------- parameters inside unions and subqueries

SCOPES = """\
#+ summary: scopes of a bound parameter
#+ params: thing_iri (optional)
#+ binding: values
PREFIX ex: <http://example.org/>
SELECT ?__thing_iri ?o ?all WHERE {
  { ?__thing_iri ex:p ?o } UNION { ?__thing_iri ex:q ?o }
  # another ?__thing_iri: the subquery does not project it, so binding the outer one must not narrow it
  { SELECT (COUNT(?__thing_iri) AS ?all) WHERE { ?__thing_iri ex:p ?any } }
  OPTIONAL { ?__thing_iri ex:r ?nothing }
}
ORDER BY ?o
"""


def test_a_bound_parameter_narrows_union_branches_but_not_a_subquery_that_does_not_project_it(tmp_path):
    """Oxigraph gets the VALUES row inside the branches (fast); the rows are those of the query as written.

    (rdflib's initBindings is no reference here: it narrows the subquery's own variable too.)
    """
    data = tmp_path / "scopes.ttl"
    data.write_text("@prefix ex: <http://example.org/> .\n"
                    "ex:a ex:p 1 ; ex:q 2 .\nex:b ex:p 3 .\nex:c ex:p 4 ; ex:q 5 .\n", encoding="utf-8")
    stored = tmp_path / "scopes.rq"
    stored.write_text(SCOPES, encoding="utf-8")
    query = sparql.load_query(stored)
    bindings = sparql.bind_parameters(query, {"thing": "<http://example.org/a>"})
    sent, _ = sparql.oxigraph_request(query, bindings)
    assert sent.count("VALUES") == 4  # the top-level group, both branches, the OPTIONAL; not the subquery
    store = sparql.load_sources([data], "oxigraph")
    as_written = store.store.query(endpoint.bind(query.text, bindings, form="SelectQuery"))
    oxigraph = sparql.run(query, store, bindings)
    # ex:a has ex:p 1 and ex:q 2; three things have an ex:p, whatever the parameter
    assert [(str(o), int(n)) for o, n in oxigraph.rows] == [("1", 3), ("2", 3)]
    assert [(o.value, int(n.value)) for _, o, n in as_written] == [("1", 3), ("2", 3)]
