"""Quality checks on the OWL ontology, in the spirit of a ROBOT report and OOPS!.

Why these matter to users: the ontology is what makes the graph queryable by people who did
not write it (labels in two languages, definitions, domains and ranges, alignments), and
what a reasoner turns into the inferred graph. A term missing from the ontology, or a
construct outside OWL 2 RL, silently breaks the inferred graph or the documentation; an
inconsistency makes every answer derivable. Every check here fails on a real defect.

The terms used by other parts of the project (shapes, vocabularies, stored queries) are
globbed from the files that exist, so the check grows with the project.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from diplograph.namespaces import DG

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = REPO / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplograph.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
DG_NS = str(DG._NS)
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ERRNS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's inconsistency reports
ID = Namespace("https://w3id.org/diplograph/id/")

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Datatype)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
DG_TERMS = sorted(DG.__annotations__)  # the closed namespace of namespaces.py

# Inverse pairs listed in docs/data-model.md (the contract other modules query with).
CONTRACT_INVERSES = [
    ("hasParticipant", "participatesIn"),
    ("participation", "ofEvent"),
    ("holds", "heldBy"),
    ("precededBy", "precedes"),
    ("followUpOf", "hasFollowUp"),
    ("reactsTo", "hasReaction"),
    ("partOf", "hasPart"),
    ("context", "contextOf"),
    ("statedIn", "hasQuote"),
    ("holder", "holdsPosition"),
]


@cache
def ontology() -> Graph:
    """The asserted TBox (parsed once; tests must not modify it)."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def vocab_files() -> list[Path]:
    return sorted((ONTOLOGY_DIR / "vocab").glob("*.ttl"))


def closure(*graphs: Graph) -> Graph:
    """OWL RL closure (owlrl) of the union of the given graphs, in a new graph."""
    import owlrl

    merged = Graph()
    for graph in graphs:
        merged += graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(merged)
    return merged


def inconsistencies(graph: Graph) -> list[str]:
    """owlrl's error messages, members of owl:Nothing, and individuals in two disjoint classes."""
    problems = [str(graph.value(e, ERRNS.error)) for e in graph.subjects(RDF.type, ERRNS.ErrorMessage)]
    problems += [f"{s} is a member of owl:Nothing" for s in graph.subjects(RDF.type, OWL.Nothing)]
    pairs = set(graph.subject_objects(OWL.disjointWith))
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(graph.items(graph.value(axiom, OWL.members)))
        pairs |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
    for a, b in pairs:
        for individual in set(graph.subjects(RDF.type, a)) & set(graph.subjects(RDF.type, b)):
            problems.append(f"{individual} is both {a} and {b}, declared disjoint")
    return problems


def kind_of(term: str) -> set[URIRef]:
    return set(ontology().objects(DG[term], RDF.type)) & set(KINDS)


def objects_of(subject: URIRef, *predicates: URIRef) -> set:
    return {o for p in predicates for o in ontology().objects(subject, p)}


# --------------------------------------------------------------------------------------------
# parsing and the term list
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(ONTOLOGY_DIR.rglob("*.ttl")), ids=lambda p: str(p.relative_to(REPO)))
def test_every_turtle_file_under_ontology_parses(path: Path) -> None:
    """With rdflib and with Oxigraph's stricter parser (both engines load these files)."""
    import pyoxigraph

    graph = Graph().parse(path, format="turtle")
    assert len(graph) > 0
    assert len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))) == len(graph)


def test_ontology_declares_exactly_the_terms_of_the_dg_namespace() -> None:
    declared = {str(s)[len(DG_NS):] for s in ontology().subjects(RDF.type, None)
                if isinstance(s, URIRef) and str(s).startswith(DG_NS)}
    missing = sorted(set(DG_TERMS) - declared)
    extra = sorted(declared - set(DG_TERMS))
    assert not missing, f"in namespaces.DG but not declared in the ontology: {missing}"
    assert not extra, f"declared in the ontology but missing from namespaces.DG: {extra}"


def test_ontology_uses_no_undeclared_dg_iri() -> None:
    used = {t for triple in ontology() for t in triple if isinstance(t, URIRef) and str(t).startswith(DG_NS)}
    undeclared = sorted(str(t) for t in used if str(t)[len(DG_NS):] not in DG_TERMS)
    assert not undeclared


def test_external_terms_referenced_by_axioms_are_declared() -> None:
    """Self-contained for reasoners and OWL tools: every reused class/property has a declaration."""
    g = ontology()
    axioms = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf,
              SCHEMA.domainIncludes, SCHEMA.rangeIncludes, SKOS.closeMatch)
    builtin = (str(XSD), str(RDF), str(RDFS), str(OWL))
    referenced = {o for p in axioms for o in g.objects(None, p) if isinstance(o, URIRef)}
    referenced |= {p for _, p, _ in g if not str(p).startswith(builtin)}
    undeclared = sorted(str(t) for t in referenced
                        if not str(t).startswith(builtin) and not set(g.objects(t, RDF.type)) & set(KINDS))
    assert not undeclared


@pytest.mark.parametrize("term", DG_TERMS)
def test_term_has_exactly_one_kind(term: str) -> None:
    """No punning: a dg: term is a class, or one kind of property, or a datatype."""
    assert len(kind_of(term)) == 1, f"dg:{term} types: {sorted(kind_of(term))}"


# --------------------------------------------------------------------------------------------
# annotations of every term (OOPS! P08 missing annotations, P20 misused annotations)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("term", DG_TERMS)
def test_term_has_french_and_english_label_definition_and_is_defined_by(term: str) -> None:
    iri = DG[term]
    labels = list(ontology().objects(iri, RDFS.label))
    for lang in ("fr", "en"):
        in_lang = [label for label in labels if isinstance(label, Literal) and label.language == lang]
        assert len(in_lang) == 1, f"dg:{term} needs exactly one rdfs:label@{lang}, has {in_lang}"
    definitions = [d for d in ontology().objects(iri, SKOS.definition) if isinstance(d, Literal)]
    assert any(d.language == "en" and len(d) > 20 for d in definitions), f"dg:{term}: no skos:definition@en"
    assert list(ontology().objects(iri, RDFS.isDefinedBy)) == [ONTOLOGY_IRI]


def test_labels_are_unique_per_language_among_classes() -> None:
    """Two classes with the same label are indistinguishable in generated docs and UIs."""
    seen: dict[tuple[str, str], URIRef] = {}
    for cls in ontology().subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(DG_NS):
            continue
        for label in ontology().objects(cls, RDFS.label):
            key = (str(label).lower(), label.language)
            assert key not in seen, f"{cls} and {seen[key]} share the label {label!r}"
            seen[key] = cls


@pytest.mark.parametrize("term", [t for t in DG_TERMS if kind_of(t) & set(PROPERTY_KINDS)])
def test_property_has_domain_and_range(term: str) -> None:
    iri = DG[term]
    domains = objects_of(iri, RDFS.domain, SCHEMA.domainIncludes)
    ranges = objects_of(iri, RDFS.range, SCHEMA.rangeIncludes)
    assert domains, f"dg:{term} has neither rdfs:domain nor schema:domainIncludes"
    assert ranges, f"dg:{term} has neither rdfs:range nor schema:rangeIncludes"
    for value in domains | ranges:
        assert isinstance(value, URIRef), f"dg:{term}: domain/range {value} is not a named class"


@pytest.mark.parametrize("term", [t for t in DG_TERMS if kind_of(t) & set(PROPERTY_KINDS)])
def test_property_domain_and_range_are_declared_terms(term: str) -> None:
    """A domain or range that is not declared as a class/datatype is usually a typo."""
    g = ontology()
    declared = set(g.subjects(RDF.type, OWL.Class)) | set(g.subjects(RDF.type, RDFS.Datatype))
    builtin = {OWL.Class, RDF.Property, RDF.langString, RDFS.Literal} | {XSD[n] for n in (
        "string", "date", "gYearMonth", "gYear", "duration", "boolean", "nonNegativeInteger")}
    for value in objects_of(DG[term], RDFS.domain, SCHEMA.domainIncludes, RDFS.range, SCHEMA.rangeIncludes):
        assert value in declared or value in builtin, f"dg:{term}: {value} is not declared"


# Position and IssuePoint are n-ary relations of our own: the data model gives them no anchor.
@pytest.mark.parametrize("term", [t for t in DG_TERMS if kind_of(t) == {OWL.Class}
                                  and t not in ("Position", "IssuePoint")])
def test_class_is_anchored_or_specialises_a_dg_class(term: str) -> None:
    """Every class reuses an anchor (SEM, PROV, ORG, NIF, schema.org, SKOS) directly or via dg:."""
    assert set(ontology().objects(DG[term], RDFS.subClassOf)), f"dg:{term} has no superclass"


# --------------------------------------------------------------------------------------------
# ontology metadata (FOOPS! / OOPS! P38, P41)
# --------------------------------------------------------------------------------------------

def test_ontology_metadata() -> None:
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    titles = {t.language for t in g.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"fr", "en"} <= titles
    assert any(len(d) > 100 for d in g.objects(ONTOLOGY_IRI, DCTERMS.description))
    assert g.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(ONTOLOGY_IRI, DCTERMS.creator) is not None
    assert g.value(ONTOLOGY_IRI, DCTERMS.created) == Literal("2026-11-27", datatype=XSD.date)
    assert g.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/diplograph/ontology/0.1.0")
    assert str(g.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert str(g.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "dg"
    assert str(g.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == DG_NS
    assert not list(g.objects(ONTOLOGY_IRI, OWL.imports)), "owl:imports would need the network"
    cited = set(g.objects(ONTOLOGY_IRI, DCTERMS.references))
    for vocabulary in (SEM, PROV, "http://www.w3.org/ns/org#",
                       "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                       "http://groundedannotationframework.org/gaf#", "http://www.w3.org/2006/time#",
                       str(SKOS), "https://schema.org/"):
        assert URIRef(str(vocabulary)) in cited, f"{vocabulary} is not cited with dcterms:references"


def test_version_info_matches_package_version() -> None:
    from diplograph import __version__

    assert str(ontology().value(ONTOLOGY_IRI, OWL.versionInfo)) == __version__


# --------------------------------------------------------------------------------------------
# dg: terms used elsewhere in the project must be declared
# --------------------------------------------------------------------------------------------

def _project_files() -> list[Path]:
    files = [ONTOLOGY_DIR / "shapes.ttl", *vocab_files(), *sorted((REPO / "queries").rglob("*.rq"))]
    return [p for p in files if p.is_file()]


_PREFIX_DECL = re.compile(r"(?i)PREFIX\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>")
_TTL_PREFIX_DECL = re.compile(r"@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>")


def _dg_names_in_text(text: str) -> set[str]:
    """dg: local names in SPARQL/Turtle text, whatever prefix is bound to the namespace."""
    prefixes = {"dg"} | {p or "" for p, ns in _PREFIX_DECL.findall(text) + _TTL_PREFIX_DECL.findall(text)
                         if ns == DG_NS}
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    names = set(re.findall(re.escape(f"<{DG_NS}") + r"([^>]*)>", code))
    for prefix in prefixes:
        names |= set(re.findall(rf"(?<![\w:-]){re.escape(prefix)}:([A-Za-z_][\w-]*)", code))
    return {n.rstrip(".") for n in names} - {""}  # "" is the namespace IRI itself


@pytest.mark.parametrize("path", _project_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_dg_terms_used_in_project_files_are_declared(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    names = _dg_names_in_text(text)
    if path.suffix == ".ttl":  # also what the parser sees (prefix-independent)
        graph = Graph().parse(path, format="turtle")
        names |= {str(t)[len(DG_NS):] for triple in graph for t in triple
                  if isinstance(t, URIRef) and str(t).startswith(DG_NS)}
        for literal in (t for triple in graph for t in triple if isinstance(t, Literal)):
            names |= _dg_names_in_text(str(literal))  # SPARQL inside sh:select
    undeclared = sorted(names - set(DG_TERMS))
    assert not undeclared, f"{path.name} uses dg: terms the ontology does not declare: {undeclared}"


def test_dg_term_scanner_finds_terms_behind_any_prefix() -> None:
    """The scanner above must not pass files vacuously (and must skip comment lines)."""
    query = (f"PREFIX d: <{DG_NS}>\n"
             "# dg:InAComment is ignored\n"
             f"SELECT * {{ ?e a d:Meetng ; <{DG_NS}status> ?s ; dg:place ?p . }}\n")
    assert _dg_names_in_text(query) == {"Meetng", "status", "place"}


# --------------------------------------------------------------------------------------------
# axioms: inverses, sub-properties, profile
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("p", "q"), CONTRACT_INVERSES, ids=lambda v: str(v))
def test_contract_inverses_are_declared(p: str, q: str) -> None:
    g = ontology()
    assert (DG[p], OWL.inverseOf, DG[q]) in g or (DG[q], OWL.inverseOf, DG[p]) in g


def _domains(p: URIRef) -> set:
    return objects_of(p, RDFS.domain, SCHEMA.domainIncludes)


def _ranges(p: URIRef) -> set:
    return objects_of(p, RDFS.range, SCHEMA.rangeIncludes)


def test_inverse_properties_have_swapped_domain_and_range() -> None:
    g = ontology()
    pairs = [(p, q) for p, q in g.subject_objects(OWL.inverseOf) if str(p).startswith(DG_NS)]
    assert len(pairs) >= len(CONTRACT_INVERSES)
    for p, q in pairs:
        assert _domains(p) == _ranges(q), f"{p} domain vs {q} range"
        assert _ranges(p) == _domains(q), f"{p} range vs {q} domain"
        assert kind_of(str(p)[len(DG_NS):]) == {OWL.ObjectProperty}


def test_inverses_declared_both_ways_agree() -> None:
    g = ontology()
    for p, q in g.subject_objects(OWL.inverseOf):
        for other in g.objects(q, OWL.inverseOf):
            assert other == p, f"{q} is declared the inverse of both {p} and {other}"


def test_dg_sub_properties_do_not_widen_domain_or_range() -> None:
    g = ontology()
    for sub, sup in g.subject_objects(RDFS.subPropertyOf):
        if str(sub).startswith(DG_NS) and str(sup).startswith(DG_NS):
            assert _domains(sub) <= _domains(sup) and _ranges(sub) <= _ranges(sup), (sub, sup)


_NOT_RL_IN_SUPERCLASS = (OWL.unionOf, OWL.someValuesFrom, OWL.minCardinality, OWL.minQualifiedCardinality,
                         OWL.cardinality, OWL.qualifiedCardinality, OWL.oneOf, OWL.hasSelf)
_NEVER_RL = (OWL.disjointUnionOf, OWL.hasSelf, OWL.onDatatype, OWL.withRestrictions, OWL.minCardinality,
             OWL.minQualifiedCardinality, OWL.cardinality, OWL.qualifiedCardinality)
# OWL 2 RL datatypes plus the XSD/RDF 1.1 ones we need and owlrl handles (documented deviation:
# xsd:date, xsd:gYear(Month), xsd:duration and rdf:langString are outside the OWL 2 datatype map).
_DATATYPES = {XSD.string, XSD.boolean, XSD.integer, XSD.nonNegativeInteger, XSD.anyURI, XSD.decimal,
              RDFS.Literal, XSD.date, XSD.gYearMonth, XSD.gYear, XSD.duration, RDF.langString, DG.cameoCode}


def test_ontology_stays_in_owl2_rl() -> None:
    g = ontology()
    for predicate in _NEVER_RL:
        assert not list(g.triples((None, predicate, None))), f"{predicate} is outside OWL 2 RL"
    assert not list(g.subjects(RDF.type, OWL.ReflexiveProperty))
    for sub, sup in g.subject_objects(RDFS.subClassOf):
        if isinstance(sup, BNode):
            for predicate in _NOT_RL_IN_SUPERCLASS:
                assert g.value(sup, predicate) is None, f"{sub}: {predicate} in superclass position"
            max_card = g.value(sup, OWL.maxCardinality) or g.value(sup, OWL.maxQualifiedCardinality)
            assert max_card is None or int(max_card) <= 1, f"{sub}: max cardinality above 1"
    for cls, eq in g.subject_objects(OWL.equivalentClass):
        if isinstance(eq, BNode):
            assert {p for p, _ in g.predicate_objects(eq)} <= {RDF.type, OWL.intersectionOf, OWL.hasValue,
                                                              OWL.onProperty}, cls
    for prop in g.subjects(RDF.type, OWL.DatatypeProperty):
        for datatype in g.objects(prop, RDFS.range):
            assert datatype in _DATATYPES, f"{prop}: range {datatype}"
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        for value in objects_of(prop, RDFS.domain, RDFS.range):
            assert isinstance(value, URIRef), f"{prop}: anonymous class as domain/range"


def test_profile_check_catches_a_union_superclass() -> None:
    """The profile check above must fail on the construct it is meant to catch."""
    bad = Graph().parse(data=f"""
        @prefix owl: <{OWL}> . @prefix rdfs: <{RDFS}> .
        <urn:A> rdfs:subClassOf [ owl:unionOf ( <urn:B> <urn:C> ) ] .""", format="turtle")
    sup = next(bad.objects(URIRef("urn:A"), RDFS.subClassOf))
    assert any(bad.value(sup, p) is not None for p in _NOT_RL_IN_SUPERCLASS)


# --------------------------------------------------------------------------------------------
# reasoning: consistency and the entailments users query
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tbox_and_vocab_closure() -> Graph:
    graphs = [ontology(), *(Graph().parse(p, format="turtle") for p in vocab_files())]
    return closure(*graphs)


def test_closure_of_ontology_and_vocabularies_is_consistent(tbox_and_vocab_closure: Graph) -> None:
    assert inconsistencies(tbox_and_vocab_closure) == []


def test_closure_adds_nothing_to_dg_namespace(tbox_and_vocab_closure: Graph) -> None:
    """Reasoning must not mint dg: terms (a sign of typos in the vocabularies)."""
    minted = {t for triple in tbox_and_vocab_closure for t in triple
              if isinstance(t, URIRef) and str(t).startswith(DG_NS) and str(t)[len(DG_NS):] not in DG_TERMS}
    assert not minted


@pytest.fixture(scope="module")
def document_closure() -> Graph:
    """Closure of the ontology with the small conforming document graph of the shape tests."""
    data = Graph().parse(REPO / "tests" / "shapes" / "conforming.ttl", format="turtle")
    return closure(ontology(), data)


def test_closure_of_a_document_graph_is_consistent(document_closure: Graph) -> None:
    assert inconsistencies(document_closure) == []


EV = Namespace(str(ID) + "event/shape-test/")


@pytest.mark.parametrize(("triple", "why"), [
    ((EV["77"], RDF.type, SEM.Event), "a meeting is a SEM event"),
    ((EV["77"], RDF.type, DG.DiplomaticEvent), "a meeting is a diplomatic event"),
    ((ID["person/aino-virtanen"], RDF.type, PROV.Agent), "a person is a PROV agent"),
    ((ID["delegation/shape-test/estonia"], RDF.type, DG.Organization), "a delegation is an organisation"),
    ((ID["person/aino-virtanen"], DG.participatesIn, EV["77"]), "inverse of hasParticipant"),
    ((EV["77"], SEM.hasActor, ID["person/aino-virtanen"]), "host -> hasParticipant -> sem:hasActor"),
    ((EV["77"], DG.hasPart, EV["255"]), "inverse of partOf"),
    ((EV["255"], RDF.type, DG.Statement), "asserted type survives"),
    ((EV["77"], DG.hasReaction, EV["440"]), "inverse of reactsTo"),
    ((EV["473"], DG.followUpOf, EV["77"]), "asserted follow-up"),
    ((EV["77"], DG.hasFollowUp, EV["473"]), "inverse of followUpOf"),
    ((EV["255"], DG.hasQuote, ID["quote/shape-test/267"]), "inverse of statedIn"),
    ((ID["quote/shape-test/267"], PROV.wasAttributedTo, ID["person/aino-virtanen"]), "speaker -> PROV"),
    ((ID["person/kalev-tamm"], DG.holdsPosition, ID["position/shape-test/288"]), "inverse of holder"),
    ((ID["holding/kalev-tamm/minister/estonia"], RDF.type, URIRef("http://www.w3.org/ns/org#Membership")),
     "a role holding is an org:Membership"),
])
def test_closure_gives_the_entailments_queries_rely_on(
    document_closure: Graph, triple: tuple, why: str
) -> None:
    assert triple in document_closure, why


def test_participation_chain_infers_has_participant() -> None:
    """participation o participant -> hasParticipant (owl:propertyChainAxiom, OWL 2 RL prp-spo2)."""
    data = Graph().parse(data=f"""
        @prefix dg: <{DG_NS}> .
        <urn:event> a dg:Meeting ; dg:participation <urn:part> .
        <urn:part> a dg:Participation ; dg:participant <urn:actor> .
        <urn:actor> a dg:Person .""", format="turtle")
    inferred = closure(ontology(), data)
    assert (URIRef("urn:event"), DG.hasParticipant, URIRef("urn:actor")) in inferred
    assert (URIRef("urn:actor"), DG.participatesIn, URIRef("urn:event")) in inferred


@pytest.mark.parametrize(("first", "second", "disjoint"), [
    ("Person", "State", True),
    ("State", "Place", True),
    ("CollectiveActor", "Organization", True),
    ("Delegation", "Person", True),          # through Delegation subClassOf Organization
    ("Meeting", "Resignation", True),        # DiplomaticEvent vs BackgroundEvent
    ("Statement", "Quote", True),            # the act vs the words
    ("Mention", "Person", True),             # a span of text is not what it denotes
    ("Position", "Disagreement", True),
    ("Disagreement", "Convergence", True),
    ("Issue", "Role", True),
    ("Delegation", "Organization", False),   # a delegation is an organisation
    ("Meeting", "Negotiation", False),       # talks can be both
    ("Person", "Actor", False),
])
def test_reasoner_flags_individuals_of_disjoint_classes(first: str, second: str, disjoint: bool) -> None:
    data = Graph()
    data.add((URIRef("urn:x"), RDF.type, DG[first]))
    data.add((URIRef("urn:x"), RDF.type, DG[second]))
    problems = inconsistencies(closure(ontology(), data))
    assert bool(problems) is disjoint, problems
