"""Constructions of real prose the lead read in real agency and ministry texts (issue 12, lead's
thirteenth round), starting with the side of a participant whose state the text never names.

The texts below are ours, with invented people or real figures in made-up situations. Each test
that asserts a new rule failed on the code before it; the guards say what the rule must leave.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides

VOCAB_GRAPH = "https://w3id.org/diplograph/graph/vocab"


def test_people_the_gazetteer_knows_sit_on_their_states_side_when_the_text_names_no_state() -> None:
    # neither the United States nor Israel is named, not even by a demonym; every reader knows
    # whom each man acts for, and "who met whom, for whom?" must not come back with no side
    doc = extract_dated(
        "Antony Blinken s'est entretenu mardi à Jérusalem avec Benyamin Netanyahou. Les deux hommes "
        "ont évoqué la situation humanitaire.",
        "unnamed-states", "2024-02-07")
    assert participant_sides(event_at(doc, "entretenu")) == {"antony-blinken": "usa",
                                                             "benjamin-netanyahu": "israel"}


def test_a_person_the_gazetteer_does_not_know_gets_no_invented_side() -> None:
    doc = extract_dated(
        "Antony Blinken s'est entretenu mardi avec Kofi Mensah-Asare. Les deux hommes ont évoqué "
        "la situation humanitaire.",
        "unknown-person", "2024-02-07")
    sides = participant_sides(event_at(doc, "entretenu"))
    assert sides["antony-blinken"] == "usa"
    assert sides["kofi-mensah-asare"] is None


def test_a_side_from_the_gazetteer_is_marked_as_world_knowledge_and_the_graph_conforms() -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    from diplograph.check import validate_graph
    from diplograph.mapper import to_graph
    from diplograph.namespaces import GAF

    doc = extract_dated(
        "Antony Blinken s'est entretenu mardi à Jérusalem avec Benyamin Netanyahou.",
        "world-knowledge-side", "2024-02-07")
    graph = to_graph(doc)
    usa = URIRef("https://w3id.org/diplograph/id/state/usa")
    assert (usa, RDFS.isDefinedBy, URIRef(VOCAB_GRAPH)) in graph
    assert (usa, GAF.denotedBy, None) not in graph  # no mention is invented for it
    report = validate_graph(graph)
    assert report.conforms, [r.message for r in report.results]


def test_a_state_the_text_names_is_grounded_not_marked() -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    from diplograph.mapper import to_graph
    from diplograph.namespaces import GAF

    doc = extract_dated(
        "Le secrétaire d'État américain Antony Blinken s'est entretenu mardi avec Benyamin Netanyahou.",
        "named-state", "2024-02-07")
    graph = to_graph(doc)
    usa = URIRef("https://w3id.org/diplograph/id/state/usa")
    assert (usa, GAF.denotedBy, None) in graph
    assert (usa, RDFS.isDefinedBy, None) not in graph
