"""The SHACL shapes catch what they claim to catch, and nothing else.

Test data lives in tests/shapes/: ``conforming.ttl`` is a small document graph written by
hand after docs/data-model.md (a meeting with two participants on two sides, a statement
with its quote, a position, a disagreement, a planned follow-up ...). Each other file,
named after a shape (``MentionShape.ttl`` for ``dgsh:MentionShape``), holds nodes that are
*added* to the conforming graph and break that shape on purpose, each in one way.

For every targeted shape the tests check, with real pySHACL (inference none, advanced on):
  * the violating graph yields results of that shape (or of its property shapes);
  * every result comes from that shape: the file breaks no other shape;
  * every node of the file that the shape targets is reported: no decoy passes silently;
and, over all files, that every property shape and every SPARQL rule fires at least once.
The SPARQL rules are also run as whole-graph queries on Oxigraph, as a faster engine would
run them, and must find the same focus nodes as pySHACL.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH

REPO = Path(__file__).resolve().parents[1]
SHAPES_FILE = REPO / "ontology" / "shapes.ttl"
DATA_DIR = REPO / "tests" / "shapes"
CONFORMING = DATA_DIR / "conforming.ttl"
DGSH = Namespace("https://w3id.org/diplograph/shapes#")
ID = Namespace("https://w3id.org/diplograph/id/")
DOC = "https://w3id.org/diplograph/doc/shape-test"
SEVERITIES = {SH.Violation, SH.Warning, SH.Info}


@cache
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def targeted_shapes() -> list[str]:
    """Local names of the node shapes that have targets (helper shapes have none)."""
    return sorted(str(s)[len(DGSH):] for s in set(shapes().subjects(SH.targetClass, None)))


def owned_shapes(name: str) -> set:
    """The shape itself and the property shapes attached to it."""
    shape = DGSH[name]
    return {shape, *shapes().objects(shape, SH.property)}


@cache
def delta(name: str) -> Graph:
    return Graph().parse(DATA_DIR / f"{name}.ttl", format="turtle")


@cache
def conforming() -> Graph:
    return Graph().parse(CONFORMING, format="turtle")


@cache
def data_for(name: str) -> Graph:
    graph = Graph()
    graph += conforming()
    graph += delta(name)
    return graph


@cache
def report(name: str | None) -> tuple[bool, Graph, Graph]:
    """(conforms, results graph, data graph) for conforming.ttl (+ the file of a shape)."""
    from pyshacl import validate

    data = conforming() if name is None else data_for(name)
    conforms, results, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=True)
    return conforms, results, data


def top_results(results: Graph) -> list:
    """Top-level results (not the sh:detail of nested sh:node checks)."""
    return list(results.objects(None, SH.result))


def targets(shape: URIRef, data: Graph) -> set:
    return {node for cls in shapes().objects(shape, SH.targetClass) for node in data.subjects(RDF.type, cls)}


# --------------------------------------------------------------------------------------------
# the test data itself
# --------------------------------------------------------------------------------------------

def test_every_targeted_shape_has_a_violating_graph_and_no_file_is_orphaned() -> None:
    files = {p.stem for p in DATA_DIR.glob("*.ttl")} - {"conforming"}
    assert files == set(targeted_shapes())


def test_conforming_graph_conforms_without_even_a_warning() -> None:
    conforms, results, _ = report(None)
    assert conforms and top_results(results) == []


def test_conforming_graph_exercises_every_targeted_shape() -> None:
    """A shape with no target in the conforming graph would pass it vacuously."""
    _, _, data = report(None)
    for name in targeted_shapes():
        assert targets(DGSH[name], data), f"conforming.ttl has no node that dgsh:{name} targets"


def test_conforming_mentions_are_the_text_at_their_offsets() -> None:
    """The fixture itself is right (independently of the SPARQL rule that checks it)."""
    g = conforming()
    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    body = str(g.value(URIRef(DOC + "#char=0,506"), nif.isString))
    mentions = list(g.subjects(nif.anchorOf, None))
    assert len(mentions) > 15
    for mention in mentions:
        begin, end = int(g.value(mention, nif.beginIndex)), int(g.value(mention, nif.endIndex))
        assert body[begin:end] == str(g.value(mention, nif.anchorOf))
        assert str(mention).endswith(f"#char={begin},{end}")


# --------------------------------------------------------------------------------------------
# one violating graph per shape
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", targeted_shapes())
def test_violating_graph_breaks_its_shape_and_only_it(name: str) -> None:
    conforms_, results, data = report(name)
    found = top_results(results)
    own = owned_shapes(name)
    assert any(results.value(r, SH.sourceShape) in own for r in found), f"dgsh:{name} never fired"
    shape_targets = targets(DGSH[name], data)
    for result in found:
        source = results.value(result, SH.sourceShape)
        focus = results.value(result, SH.focusNode)
        assert source in own and focus in shape_targets, (
            f"{name}.ttl also breaks {source} at {focus}: {results.value(result, SH.resultMessage)}")
    flagged = {results.value(r, SH.focusNode) for r in found}
    added = targets(DGSH[name], delta(name))
    silent = {n for n in added if n not in flagged and not isinstance(n, BNode)}
    blank_added = sum(1 for n in added if isinstance(n, BNode))
    blank_flagged = sum(1 for n in flagged if isinstance(n, BNode))
    assert not silent, f"nodes of {name}.ttl that dgsh:{name} did not report: {sorted(silent)}"
    assert blank_flagged >= blank_added
    assert not conforms_


@pytest.mark.parametrize("name", targeted_shapes())
def test_results_carry_messages_in_english_and_french(name: str) -> None:
    """Core-constraint results keep the language tags of sh:message.

    pySHACL 0.40 fills the {?var} templates of SPARQL messages and drops their language tags,
    so for SPARQL results the test checks that both the English and the French text are there.
    """
    _, results, _ = report(name)
    for result in top_results(results):
        messages = list(results.objects(result, SH.resultMessage))
        for message in messages:
            assert "{?" not in message and "{$" not in message, f"unfilled template: {message}"
        if results.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent:
            for constraint in shapes().objects(DGSH[name], SH.sparql):
                for template in shapes().objects(constraint, SH.message):
                    pattern = re.sub(r"\\\{\\\?\w+\\\}", ".*", re.escape(str(template)))
                    assert any(re.fullmatch(pattern, str(m), re.S) for m in messages), (
                        f"no {template.language} message like {template!r} in {messages}")
        else:
            assert {m.language for m in messages if isinstance(m, Literal)} >= {"en", "fr"}, messages


def test_every_property_shape_and_sparql_rule_fires_somewhere() -> None:
    fired = set()
    for name in targeted_shapes():
        _, results, _ = report(name)
        fired |= {results.value(r, SH.sourceShape) for r in top_results(results)}
    expected = set()
    node_level = (SH.sparql, SH.nodeKind, SH.pattern, getattr(SH, "or"))
    for name in targeted_shapes():
        shape = DGSH[name]
        expected |= set(shapes().objects(shape, SH.property))
        if any(shapes().value(shape, p) is not None for p in node_level):
            expected.add(shape)
    never = expected - fired
    described = sorted(str(shapes().value(s, SH.name) or s) for s in never)
    assert not never, f"constraints no test graph violates: {described}"


# --------------------------------------------------------------------------------------------
# what the SPARQL rules report (facts read from the test files)
# --------------------------------------------------------------------------------------------

def messages_by_focus(name: str) -> dict[str, str]:
    """All result messages of a shape's test graph, joined, per focus node."""
    _, results, _ = report(name)
    found: dict[str, str] = {}
    for result in top_results(results):
        focus = str(results.value(result, SH.focusNode))
        found[focus] = found.get(focus, "") + " | ".join(results.objects(result, SH.resultMessage))
    return found


def test_meeting_rule_counts_participants_and_sides() -> None:
    found = messages_by_focus("MeetingParticipantsShape")
    ev = str(ID) + "event/shape-test/"
    assert "1 participant(s) and 1 side(s)" in found[ev + "9201"]
    assert "2 participant(s) and 1 side(s)" in found[ev + "9202"]  # same side twice
    assert "2 participant(s) and 0 side(s)" in found[ev + "9203"]  # no participation records
    assert ev + "77" not in found and ev + "473" not in found      # occurred 2 sides; planned


def test_mention_rule_shows_the_text_actually_at_the_offsets() -> None:
    found = messages_by_focus("MentionAnchorShape")
    assert "« Le »" in found[DOC + "#char=21,23"]
    assert "« Aino Virtane »" in found[DOC + "#char=61,73"]


def test_date_rule_compares_partial_dates_at_their_precision() -> None:
    found = messages_by_focus("EventDateShape")
    ev = str(ID) + "event/shape-test/"
    assert set(found) == {ev + "9301", ev + "9302", ev + "9303"}  # day, month, year after 2026-03-05
    # conforming.ttl: 2026-03 (gYearMonth) and 2026 (gYear) are not after 2026-03-05, and the
    # planned 2026-04 meeting is allowed: none of them is reported.
    assert report(None)[0]


def test_context_rule_reports_length_and_digest_mismatches() -> None:
    found = messages_by_focus("ContextTextShape")
    assert "length 3" in found["https://w3id.org/diplograph/doc/shape-test-len#char=0,4"]
    assert "https://w3id.org/diplograph/doc/shape-test-hash#char=0,3" in found


# --------------------------------------------------------------------------------------------
# shape documentation: names, severities, bilingual messages, declared prefixes
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", targeted_shapes())
def test_shape_has_name_severity_and_bilingual_message(name: str) -> None:
    shape = DGSH[name]
    g = shapes()
    assert {n.language for n in g.objects(shape, SH.name)} >= {"en", "fr"}
    assert g.value(shape, SH.severity) in SEVERITIES
    assert {m.language for m in g.objects(shape, SH.message)} >= {"en", "fr"}
    for prop in g.objects(shape, SH.property):
        assert g.value(prop, SH.name) is not None, f"{name}: property shape on {g.value(prop, SH.path)}"
        assert {m.language for m in g.objects(prop, SH.message)} >= {"en", "fr"}
        assert g.value(prop, SH.severity, default=SH.Violation) in SEVERITIES
    for constraint in g.objects(shape, SH.sparql):
        assert {m.language for m in g.objects(constraint, SH.message)} >= {"en", "fr"}


def _declared_prefixes() -> dict[str, str]:
    g = shapes()
    return {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace)) for d in g.objects(None, SH.declare)}


def _sparql_constraints() -> list[tuple[str, URIRef, str]]:
    g = shapes()
    found = []
    for name in targeted_shapes():
        for constraint in g.objects(DGSH[name], SH.sparql):
            assert g.value(constraint, SH.prefixes) is not None, f"{name}: sh:prefixes missing"
            found.append((name, constraint, str(g.value(constraint, SH.select))))
    return found


def test_sparql_rules_use_only_declared_prefixes() -> None:
    declared = _declared_prefixes()
    constraints = _sparql_constraints()
    assert len(constraints) == 5
    for name, _, query in constraints:
        code = "\n".join(line for line in query.splitlines() if not line.strip().startswith("#"))
        used = set(re.findall(r"(?<![\w<:/#-])([a-z][\w-]*):(?=[A-Za-z])", code))
        assert used <= set(declared), f"{name}: undeclared prefixes {used - set(declared)}"


@pytest.mark.parametrize("name", sorted({n for n, _, _ in _sparql_constraints()}))
def test_sparql_rules_give_the_same_focus_nodes_on_oxigraph(name: str) -> None:
    """Run as one whole-graph query on pyoxigraph ($this left unbound), as a fast engine would."""
    import pyoxigraph

    store = pyoxigraph.Store()
    for path in (CONFORMING, DATA_DIR / f"{name}.ttl"):
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(_declared_prefixes().items()))
    _, results, data = report(name)
    expected = {str(results.value(r, SH.focusNode)) for r in top_results(results)
                if results.value(r, SH.sourceShape) == DGSH[name]}
    shape_targets = {str(n) for n in targets(DGSH[name], data)}
    for _, _constraint, query in (c for c in _sparql_constraints() if c[0] == name):
        rows = store.query(header + query)
        found = {row["this"].value for row in rows} & shape_targets
        assert found == expected
