"""The SKOS vocabularies and the gazetteer in ontology/vocab/ keep the promises the pipeline relies on.

The extractor links text to these files: a missing French label means an unlinked mention, two
actors sharing a name mean a coin toss, a dangling dg:standsFor means a metonymy that resolves to
nothing, a wrong dg:eventClass means events typed with a class the ontology does not declare. The
expected facts below (spellings, capitals, the fixed slugs) come from the design brief and from
world knowledge, not from reading the files back.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, XSD

from diplograph.namespaces import BASE, DG
from diplograph.resources import ontology_dir

VOCAB_DIR = ontology_dir() / "vocab"
MY_FILES = ["event-types.ttl", "event-status.ttl", "roles.ttl", "issues.ttl", "stances.ttl", "plover.ttl",
            "cameo.ttl", "actors.ttl", "places.ttl", "states.ttl"]
SCHEMA = Namespace("https://schema.org/")
ID = BASE + "id/"
V = BASE + "vocab/"

# scheme -> class of its concepts (docs/data-model.md)
DG_SCHEMES = {"event-type": DG.EventType, "event-status": DG.EventStatus, "role": DG.Role, "issue": DG.Issue,
              "stance": DG.Stance}

EVENT_CLASSES = {
    "meeting": "Meeting", "negotiation": "Negotiation", "consultation": "Consultation",
    "statement": "Statement", "reaction": "Reaction", "accusation": "Accusation", "criticism": "Criticism",
    "warning": "Warning",
    "appeal": "Appeal", "announcement": "Announcement", "agreement": "Agreement", "rejection": "Rejection",
    "proposal": "Proposal", "resignation": "Resignation", "military-action": "MilitaryAction",
    "controversy": "Controversy", "media-report": "MediaReport",
}
FIXED_SLUGS = {
    "event-type": set(EVENT_CLASSES),
    "event-status": {"occurred", "planned", "announced"},
    "stance": {"supports", "opposes", "demands", "rejects", "has-reservations", "no-compromise", "accuses",
               "warns", "open-to-discussion", "welcomes", "concerned"},
    "role": {"president", "prime-minister", "chancellor", "foreign-minister", "defence-minister",
             "eu-foreign-affairs-chief", "envoy", "special-envoy", "diplomatic-adviser", "economic-envoy",
             "national-security-adviser", "spokesperson", "ambassador", "negotiator", "secretary-of-state",
             "chief-of-staff", "secretary-general", "head-of-delegation", "minister", "vice-president",
             "head-of-state", "commissioner"},
    "issue": {"occupied-territories", "security-guarantees", "sanctions", "frozen-assets", "ceasefire",
              "peace-plan", "security-demands", "nato-membership", "eu-membership", "military-aid",
              "prisoner-exchange", "nuclear-safety", "energy", "reconstruction", "humanitarian-aid",
              "elections",
              "negotiations-timetable", "just-peace"},
}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
CAMEO_REQUIRED = {"010", "020", "036", "042", "043", "044", "046", "057", "111", "112", "125", "127", "138",
                  "139"}
MAPPINGS = (SKOS.closeMatch, SKOS.exactMatch, SKOS.narrowMatch, SKOS.broadMatch, SKOS.relatedMatch)
ACTOR_CLASSES = (DG.Person, DG.State, DG.Organization, DG.Place)


def fold(text: str) -> str:
    """Comparison key of a name: NFC, case-folded, ASCII hyphens and apostrophes, single spaces.

    Two names with the same key cannot be told apart by a linker that ignores case and typography.
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text).replace("\u2019", "'")
    return " ".join(text.casefold().split())


def vocab(scheme: str, slug: str) -> URIRef:
    return URIRef(V + scheme + "/" + slug)


def thing(path: str) -> URIRef:
    return URIRef(ID + path)


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """Each vocabulary file parsed on its own (so a test can say which file is wrong)."""
    return {name: Graph().parse(VOCAB_DIR / name, format="turtle") for name in MY_FILES}


@pytest.fixture(scope="module")
def g(graphs: dict[str, Graph]) -> Graph:
    """All vocabulary files together, as the extractor loads them."""
    union = Graph()
    for graph in graphs.values():
        for triple in graph:
            union.add(triple)
    return union


def concepts_of(g: Graph, scheme: str) -> set[URIRef]:
    return {s for s in g.subjects(SKOS.inScheme, URIRef(V + scheme)) if isinstance(s, URIRef)}


def lang_values(g: Graph, s: URIRef, p: URIRef, lang: str) -> list[str]:
    return [str(o) for o in g.objects(s, p) if isinstance(o, Literal) and o.language == lang]


def names(g: Graph, s: URIRef) -> set[str]:
    return {str(o) for p in (SKOS.prefLabel, SKOS.altLabel, RDFS.label) for o in g.objects(s, p)}


def actors(g: Graph) -> set[URIRef]:
    return {s for cls in ACTOR_CLASSES for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)}


def territory(g: Graph, s: URIRef) -> bool:
    """A state's territory: a place standing for a state under the state's own label. The
    linker reaches it through its state only ("au Sénégal"), never by name."""
    own = set(g.objects(s, SKOS.prefLabel))
    return (s, RDF.type, DG.Place) in g and any(
        own & set(g.objects(state, SKOS.prefLabel)) for state in g.objects(s, DG.standsFor)
        if (state, RDF.type, DG.State) in g)


def name_index(g: Graph) -> dict[str, set[URIRef]]:
    """Folded name -> the things the linker finds by that name."""
    index: dict[str, set[URIRef]] = defaultdict(set)
    for s in actors(g):
        if territory(g, s):
            continue
        for name in names(g, s):
            index[fold(name)].add(s)
    return index


def concept_index(g: Graph, scheme: str) -> dict[str, set[URIRef]]:
    index: dict[str, set[URIRef]] = defaultdict(set)
    for c in concepts_of(g, scheme):
        for p in (SKOS.prefLabel, SKOS.altLabel):
            for label in lang_values(g, c, p, "fr"):
                index[fold(label)].add(c)
    return index


# ---------------------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", MY_FILES)
def test_every_file_parses_with_rdflib_and_oxigraph_to_the_same_triples(name: str) -> None:
    import pyoxigraph

    path = VOCAB_DIR / name
    rdflib_count = len(Graph().parse(path, format="turtle"))
    ox_count = len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_count > 50
    assert ox_count == rdflib_count


def test_only_declared_dg_terms_are_used(g: Graph) -> None:
    """DG is closed: a dg: term the ontology does not declare would be a silent typo."""
    dg_ns = str(DG._NS)
    used = {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(dg_ns)}
    used |= {str(o.datatype) for o in g.objects() if isinstance(o, Literal) and o.datatype
             and str(o.datatype).startswith(dg_ns)}
    undeclared = []
    for term in sorted(used):
        try:
            DG[term[len(dg_ns):]]
        except AttributeError:
            undeclared.append(term)
    assert not undeclared


def test_no_blank_nodes(g: Graph) -> None:
    """Everything people query has an IRI (design brief)."""
    from rdflib import BNode

    assert not [t for t in g if isinstance(t[0], BNode) or isinstance(t[2], BNode)]


# ---------------------------------------------------------------------------------------- concepts


@pytest.mark.parametrize("scheme", sorted(DG_SCHEMES))
def test_every_concept_is_complete(g: Graph, scheme: str) -> None:
    cls = DG_SCHEMES[scheme]
    members = concepts_of(g, scheme)
    assert set(g.subjects(RDF.type, cls)) == members, "the dg class and skos:inScheme must agree"
    assert (URIRef(V + scheme), RDF.type, SKOS.ConceptScheme) in g
    for c in sorted(members):
        assert str(c).startswith(V + scheme + "/"), c
        assert (c, RDF.type, SKOS.Concept) in g, c
        for lang in ("fr", "en"):
            pref = lang_values(g, c, SKOS.prefLabel, lang)
            assert len(pref) == 1, f"{c}: one skos:prefLabel@{lang}"
            assert lang_values(g, c, RDFS.label, lang) == pref, f"{c}: rdfs:label@{lang} = prefLabel"
        assert lang_values(g, c, SKOS.definition, "en"), f"{c}: definition@en"
        assert lang_values(g, c, SKOS.definition, "fr"), f"{c}: definition@fr"
        top = (c, SKOS.topConceptOf, URIRef(V + scheme)) in g
        assert top or any(g.objects(c, SKOS.broader)), f"{c}: neither top concept nor narrower"


def test_skos_integrity_labels_and_top_concepts(g: Graph) -> None:
    """SKOS integrity: a label is not both preferred and alternative; top concepts are declared both ways."""
    for s in set(g.subjects(SKOS.prefLabel, None)):
        assert not set(g.objects(s, SKOS.prefLabel)) & set(g.objects(s, SKOS.altLabel)), s
    for c, scheme in g.subject_objects(SKOS.topConceptOf):
        assert (scheme, SKOS.hasTopConcept, c) in g, c
        assert (c, SKOS.inScheme, scheme) in g, c
    for scheme, c in g.subject_objects(SKOS.hasTopConcept):
        assert (c, SKOS.topConceptOf, scheme) in g, c


@pytest.mark.parametrize("scheme", sorted(FIXED_SLUGS))
def test_fixed_slugs_exist(g: Graph, scheme: str) -> None:
    """Other files (triggers.ttl, gold standards, queries) name these IRIs."""
    slugs = {str(c).rsplit("/", 1)[1] for c in concepts_of(g, scheme)}
    assert FIXED_SLUGS[scheme] <= slugs, FIXED_SLUGS[scheme] - slugs


@pytest.mark.parametrize("scheme", sorted(DG_SCHEMES))
def test_no_french_label_names_two_concepts_of_a_scheme(g: Graph, scheme: str) -> None:
    clashes = {k: v for k, v in concept_index(g, scheme).items() if len(v) > 1}
    assert not clashes


@pytest.mark.parametrize("scheme", ["role", "issue", "stance", "event-type", "event-status"])
def test_french_labels_are_in_running_text_form(g: Graph, scheme: str) -> None:
    """Labels are matched inside sentences: 'président', not 'Président'."""
    for c in concepts_of(g, scheme):
        pref = lang_values(g, c, SKOS.prefLabel, "fr")[0]
        assert pref[0].islower(), pref
        if scheme == "role":
            for alt in lang_values(g, c, SKOS.altLabel, "fr"):
                assert alt[0].islower(), alt


@pytest.mark.parametrize("scheme", sorted(DG_SCHEMES))
def test_broader_stays_in_scheme_without_cycles(g: Graph, scheme: str) -> None:
    members = concepts_of(g, scheme)
    for c in members:
        seen = {c}
        frontier = [c]
        while frontier:
            for parent in g.objects(frontier.pop(), SKOS.broader):
                assert parent in members, f"{c} broader {parent} outside {scheme}"
                assert parent != c, f"cycle through {c}"
                if parent not in seen:
                    seen.add(parent)
                    frontier.append(parent)


def test_speech_act_event_types_are_narrower_than_statement(g: Graph) -> None:
    statement = vocab("event-type", "statement")
    for slug in ("accusation", "criticism", "warning", "appeal", "announcement"):
        assert (vocab("event-type", slug), SKOS.broader, statement) in g, slug
    for slug in ("meeting", "negotiation", "agreement", "rejection", "proposal", "military-action"):
        assert (vocab("event-type", slug), SKOS.broader, statement) not in g, slug


def test_announced_is_a_kind_of_planned(g: Graph) -> None:
    """Checks that let planned events lie in the future must also let announced ones."""
    assert (vocab("event-status", "announced"), SKOS.broader, vocab("event-status", "planned")) in g


# ---------------------------------------------------------------------------------------- event types


def test_event_types_point_to_their_ontology_class(g: Graph) -> None:
    ontology = Graph().parse(ontology_dir() / "diplograph.ttl", format="turtle")
    for slug, cls in EVENT_CLASSES.items():
        classes = list(g.objects(vocab("event-type", slug), DG.eventClass))
        assert classes == [DG[cls]], slug
        assert (DG[cls], RDF.type, OWL.Class) in ontology, cls


def _plover_and_cameo(g: Graph, c: URIRef, prop: URIRef) -> tuple[list[URIRef], list[URIRef]]:
    targets = [t for t in g.objects(c, prop) if isinstance(t, URIRef)]
    return ([t for t in targets if str(t).startswith(V + "plover/")],
            [t for t in targets if str(t).startswith(V + "cameo/")])


def test_event_types_map_to_plover_and_cameo_or_say_why_not(g: Graph) -> None:
    with_plover = 0
    for c in concepts_of(g, "event-type"):
        plover, cameo = _plover_and_cameo(g, c, SKOS.closeMatch)
        notes = " ".join(lang_values(g, c, SKOS.editorialNote, "en"))
        assert plover or "PLOVER has no" in notes, c
        assert cameo or "CAMEO has no" in notes, c
        with_plover += bool(plover)
    assert with_plover >= 10


@pytest.mark.parametrize(("slug", "plover", "cameo"), [
    ("meeting", "CONSULT", "040"), ("negotiation", "CONSULT", "046"), ("consultation", "CONSULT", "040"),
    ("accusation", "ACCUSE", "112"), ("criticism", "ACCUSE", "111"), ("warning", "THREATEN", "130"),
    ("appeal", "REQUEST", "020"), ("agreement", "AGREE", "057"), ("rejection", "REJECT", "120"),
    ("military-action", "ASSAULT", "190"),
])
def test_event_type_close_matches(g: Graph, slug: str, plover: str, cameo: str) -> None:
    c = vocab("event-type", slug)
    assert (c, SKOS.closeMatch, vocab("plover", plover)) in g
    assert (c, SKOS.closeMatch, vocab("cameo", cameo)) in g


def test_meeting_covers_cameo_visits_and_third_location_meetings(g: Graph) -> None:
    meeting = vocab("event-type", "meeting")
    for code in ("042", "043", "044"):
        assert (meeting, SKOS.narrowMatch, vocab("cameo", code)) in g


def test_every_mapping_target_exists(g: Graph) -> None:
    for scheme in ("event-type", "stance"):
        for c in concepts_of(g, scheme):
            for prop in MAPPINGS:
                for target in g.objects(c, prop):
                    assert (target, SKOS.inScheme, None) in g, f"{c} {prop} {target} does not exist"


def test_plover_scheme_has_its_sixteen_types(g: Graph) -> None:
    members = concepts_of(g, "plover")
    assert {str(c).rsplit("/", 1)[1] for c in members} == PLOVER_TYPES
    for c in members:
        assert [str(n) for n in g.objects(c, SKOS.notation)] == [str(c).rsplit("/", 1)[1]]
        assert lang_values(g, c, SKOS.definition, "en") and lang_values(g, c, SKOS.prefLabel, "en")


def test_cameo_codes_have_typed_notations(g: Graph) -> None:
    members = concepts_of(g, "cameo")
    codes = {str(c).rsplit("/", 1)[1] for c in members}
    assert CAMEO_REQUIRED <= codes, CAMEO_REQUIRED - codes
    for c in members:
        code = str(c).rsplit("/", 1)[1]
        assert list(g.objects(c, SKOS.notation)) == [Literal(code, datatype=DG.cameoCode)]
        assert lang_values(g, c, SKOS.prefLabel, "en"), c
        for parent in g.objects(c, SKOS.broader):
            assert code.startswith(str(parent).rsplit("/", 1)[1][:2]), f"{code} under {parent}"


# ---------------------------------------------------------------------------------------- gazetteer


def test_gazetteer_things_live_at_their_kind(g: Graph) -> None:
    kinds = {DG.Person: "person/", DG.State: "state/", DG.Organization: "org/", DG.Place: "place/"}
    for cls, kind in kinds.items():
        for s in g.subjects(RDF.type, cls):
            assert str(s).startswith(ID + kind), s
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(s)[len(ID + kind):]), s


def test_no_thing_has_two_disjoint_kinds(g: Graph) -> None:
    for s in actors(g):
        kinds = [cls for cls in ACTOR_CLASSES if (s, RDF.type, cls) in g]
        assert len(kinds) == 1, s


def test_every_thing_has_french_and_english_labels(g: Graph) -> None:
    for s in actors(g):
        for lang in ("fr", "en"):
            pref = lang_values(g, s, SKOS.prefLabel, lang)
            assert len(pref) == 1, f"{s}: prefLabel@{lang}"
            assert lang_values(g, s, RDFS.label, lang) == pref, f"{s}: rdfs:label@{lang}"


def test_at_least_forty_people_each_serving_an_existing_state_or_organisation(g: Graph) -> None:
    people = set(g.subjects(RDF.type, DG.Person))
    assert len(people) >= 40
    for person in people:
        served = list(g.objects(person, DG.affiliatedWith))
        assert served, person
        for target in served:
            assert (target, RDF.type, DG.State) in g or (target, RDF.type, DG.Organization) in g, target


def test_role_holdings_are_consistent(g: Graph) -> None:
    roles = concepts_of(g, "role")
    people = set(g.subjects(RDF.type, DG.Person))
    for person in people:
        holdings = list(g.objects(person, DG.holds))
        assert holdings, f"{person} holds no role"
        for h in holdings:
            assert (h, RDF.type, DG.RoleHolding) in g
            assert list(g.objects(h, DG.heldBy)) == [person]
            (role,) = g.objects(h, DG.role)
            (org,) = g.objects(h, DG.forOrganization)
            assert role in roles, role
            assert (org, RDF.type, DG.State) in g or (org, RDF.type, DG.Organization) in g, org
            slug = lambda iri: str(iri).rsplit("/", 1)[1]  # noqa: E731
            plain = f"{ID}holding/{slug(person)}/{slug(role)}/{slug(org)}"
            (start,) = g.objects(h, SCHEMA.startDate)
            # an earlier term of the same office: the plain IRI (the latest term) + the year it began
            assert str(h) in (plain, f"{plain}/{str(start)[:4]}"), h
            if str(h) != plain:
                assert (person, DG.holds, URIRef(plain)) in g, h
                assert str(g.value(URIRef(plain), SCHEMA.startDate)) > str(start), h
            # a day where the handover day is known, else the month or the year
            assert start.datatype in (XSD.gYear, XSD.gYearMonth, XSD.date)
            for end in g.objects(h, SCHEMA.endDate):
                assert end.datatype in (XSD.gYear, XSD.gYearMonth, XSD.date)
                assert str(end)[:len(str(start))] >= str(start)[:len(str(end))], h
    assert set(g.subjects(RDF.type, DG.RoleHolding)) == set(g.objects(None, DG.holds))


@pytest.mark.parametrize(("person", "role", "org"), [
    ("vladimir-putin", "president", "state/russia"),
    ("volodymyr-zelensky", "president", "state/ukraine"),
    ("donald-trump", "president", "state/usa"),
    ("emmanuel-macron", "president", "state/france"),
    ("yuri-ushakov", "diplomatic-adviser", "org/kremlin"),
    ("kirill-dmitriev", "economic-envoy", "state/russia"),
    ("steve-witkoff", "special-envoy", "state/usa"),
    ("sergey-lavrov", "foreign-minister", "state/russia"),
    ("marco-rubio", "secretary-of-state", "state/usa"),
    ("kaja-kallas", "eu-foreign-affairs-chief", "org/eu"),
    ("friedrich-merz", "chancellor", "state/germany"),
    ("mark-rutte", "secretary-general", "org/nato"),
    ("dmitry-peskov", "spokesperson", "org/kremlin"),
])
def test_known_office_holders(g: Graph, person: str, role: str, org: str) -> None:
    holding = thing(f"holding/{person}/{role}/{org.split('/')[1]}")
    assert (thing("person/" + person), DG.holds, holding) in g
    assert (holding, DG.forOrganization, thing(org)) in g
    assert not list(g.objects(holding, SCHEMA.endDate)), "still in office"


SINGLE_HOLDER = URIRef(V + "role-collection/single-holder")


def test_single_holder_offices_are_role_concepts(g: Graph) -> None:
    members = set(g.objects(SINGLE_HOLDER, SKOS.member))
    assert (SINGLE_HOLDER, RDF.type, SKOS.Collection) in g
    assert members <= concepts_of(g, "role")
    for slug in ("president", "prime-minister", "chancellor", "foreign-minister", "eu-foreign-affairs-chief",
                 "secretary-of-state", "secretary-general", "defence-minister"):
        assert vocab("role", slug) in members, slug
    for slug in ("envoy", "special-envoy", "ambassador", "minister", "adviser"):
        assert vocab("role", slug) not in members, slug


def test_one_current_holder_per_single_holder_office(g: Graph) -> None:
    """With endDate on past offices a linker can pick 'le président russe' or 'le chef de la diplomatie
    ukrainienne' without ambiguity."""
    single = set(g.objects(SINGLE_HOLDER, SKOS.member))
    current: dict[tuple, list] = defaultdict(list)
    for h in g.subjects(RDF.type, DG.RoleHolding):
        if not list(g.objects(h, SCHEMA.endDate)) and g.value(h, DG.role) in single:
            current[(g.value(h, DG.role), g.value(h, DG.forOrganization))].append(g.value(h, DG.heldBy))
    assert len(current) > 40
    for (role, org), holders in current.items():
        assert len(holders) == 1, f"{role} of {org}: {holders}"


def test_demonyms_belong_to_states_or_organisations_and_are_unambiguous(g: Graph) -> None:
    owner: dict[str, URIRef] = {}
    for s, demonym in g.subject_objects(DG.demonym):
        assert (s, RDF.type, DG.State) in g or (s, RDF.type, DG.Organization) in g, s
        assert demonym.language == "fr" and str(demonym) == str(demonym).lower(), demonym
        key = fold(str(demonym))
        assert owner.setdefault(key, s) == s, f"{demonym}: {owner[key]} and {s}"


@pytest.mark.parametrize(("state", "forms"), [
    ("russia", ["russe", "russes"]),
    ("usa", ["américain", "américaine", "américains", "américaines"]),
    ("ukraine", ["ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"]),
    ("france", ["français", "française", "françaises"]),
    ("turkey", ["turc", "turque", "turcs", "turques"]),
])
def test_demonyms_have_every_inflected_form(g: Graph, state: str, forms: list[str]) -> None:
    assert {str(d) for d in g.objects(thing("state/" + state), DG.demonym)} >= set(forms)


def test_the_eu_carries_the_european_demonym(g: Graph) -> None:
    assert {str(d) for d in g.objects(thing("org/eu"), DG.demonym)} >= {
        "européen", "européenne", "européens", "européennes"}


def test_no_name_points_to_two_things_unless_one_stands_for_the_other(g: Graph) -> None:
    """A seat of power may share its name with the institution it stands for (the Kremlin); nothing else."""
    for name, things in name_index(g).items():
        if len(things) > 1:
            a, b = sorted(things)
            linked = (a, DG.standsFor, b) in g or (b, DG.standsFor, a) in g
            assert len(things) == 2 and linked, (name, things)


@pytest.mark.parametrize(("iri", "spellings"), [
    ("person/vladimir-putin", ["Vladimir Poutine", "Poutine", "Putin", "Vladimir Putin"]),
    ("person/volodymyr-zelensky", ["Zelensky", "Zelenskyy", "Zelenski", "Volodymyr Zelensky",
                                   "Volodymyr Zelenskyy", "Volodymyr Zelenski"]),
    ("person/yuri-ushakov", ["Iouri Ouchakov", "Yuri Ushakov", "Ouchakov", "Ushakov"]),
    ("person/kirill-dmitriev", ["Kirill Dmitriev", "Dmitriev"]),
    ("person/steve-witkoff", ["Steve Witkoff", "Witkoff"]),
    ("person/jared-kushner", ["Jared Kushner", "Kushner"]),
    ("person/sergey-lavrov", ["Sergueï Lavrov", "Lavrov"]),
    ("person/kaja-kallas", ["Kaja Kallas", "Kallas"]),
    ("person/recep-tayyip-erdogan", ["Erdogan", "Erdoğan"]),
    ("person/andrii-sybiha", ["Andriï Sybiha", "Sybiha"]),
    ("state/usa", ["États-Unis", "Etats-Unis", "USA", "United States"]),
    ("state/russia", ["Russie", "Fédération de Russie", "Russia"]),
    ("org/eu", ["Union européenne", "UE"]),
    ("org/nato", ["Otan", "OTAN"]),
    ("org/bank-of-russia", ["banque centrale russe", "Banque de Russie"]),
    ("place/kyiv", ["Kiev", "Kyiv", "Kyïv"]),
    ("place/moscow", ["Moscou", "Moscow"]),
    ("place/florida", ["Floride"]),
    ("place/europe", ["Europe"]),
    ("place/geneva", ["Genève"]),
    ("place/zaporizhzhia", ["Zaporijjia", "Zaporizhzhia"]),
])
def test_spelling_variants_resolve_to_the_right_thing(g: Graph, iri: str, spellings: list[str]) -> None:
    index = name_index(g)
    for spelling in spellings:
        assert index.get(fold(spelling)) == {thing(iri)}, spelling


def test_every_state_has_its_territory_under_its_own_name(g: Graph) -> None:
    states = {s for s in g.subjects(RDF.type, DG.State) if (s, SKOS.notation, None) in g}  # ISO 3166-1
    territories = {s for s in g.subjects(RDF.type, DG.Place) if territory(g, s)}
    assert {next(g.objects(t, DG.standsFor)) for t in territories} == states
    assert (thing("place/istanbul"), DG.locatedIn, thing("place/turkey")) in g
    assert (thing("place/moscow"), DG.locatedIn, thing("place/russia")) in g


def test_kremlin_and_white_house_are_both_seat_and_institution(g: Graph) -> None:
    index = name_index(g)
    assert index[fold("Kremlin")] == {thing("place/kremlin"), thing("org/kremlin")}
    assert index[fold("Maison Blanche")] == {thing("place/white-house"), thing("org/white-house")}
    assert (thing("org/kremlin"), DG.affiliatedWith, thing("state/russia")) in g
    assert (thing("org/white-house"), DG.affiliatedWith, thing("state/usa")) in g


@pytest.mark.parametrize(("place", "government"), [
    ("moscow", "state/russia"), ("washington", "state/usa"), ("kyiv", "state/ukraine"),
    ("paris", "state/france"), ("beijing", "state/china"), ("brussels", "org/eu"), ("kremlin", "org/kremlin"),
    ("white-house", "org/white-house"),
    ("london", "state/uk"), ("ankara", "state/turkey"),
])
def test_capitals_and_seats_stand_for_their_government(g: Graph, place: str, government: str) -> None:
    assert list(g.objects(thing("place/" + place), DG.standsFor)) == [thing(government)]


def test_links_between_things_point_to_things_of_the_right_kind(g: Graph) -> None:
    def is_a(node: URIRef, *classes: URIRef) -> bool:
        return any((node, RDF.type, cls) in g for cls in classes)

    for s, o in g.subject_objects(DG.standsFor):
        assert is_a(s, DG.Place, DG.Organization) and is_a(o, DG.State, DG.Organization), (s, o)
    for s, o in g.subject_objects(DG.locatedIn):
        assert is_a(s, DG.Place) and is_a(o, DG.Place), (s, o)  # range dg:Place: a State there would clash
    for s, o in g.subject_objects(DG.affiliatedWith):
        assert is_a(s, DG.Person, DG.State, DG.Organization) and is_a(o, DG.State, DG.Organization), (s, o)


def test_located_in_has_no_cycle(g: Graph) -> None:
    for place in g.subjects(RDF.type, DG.Place):
        seen = {place}
        current = place
        while (parent := g.value(current, DG.locatedIn)) is not None:
            assert parent not in seen, place
            seen.add(parent)
            current = parent


def test_wikidata_links_are_well_formed_unique_and_right_where_known(g: Graph) -> None:
    links: dict[URIRef, URIRef] = {}
    for s, o in g.subject_objects(SKOS.exactMatch):
        if str(o).startswith("http://www.wikidata.org/"):
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", str(o)), o
            assert o not in links, f"{o} on {links.get(o)} and {s}"
            links[o] = s
    known = {"Q7747": "person/vladimir-putin", "Q3874799": "person/volodymyr-zelensky",
             "Q3052772": "person/emmanuel-macron", "Q22686": "person/donald-trump", "Q159": "state/russia",
             "Q212": "state/ukraine", "Q30": "state/usa", "Q142": "state/france", "Q458": "org/eu",
             "Q7184": "org/nato", "Q1065": "org/un"}
    for q, iri in known.items():
        assert links.get(URIRef("http://www.wikidata.org/entity/" + q)) == thing(iri), q


def test_no_inferred_type_clashes_with_the_ontology(g: Graph) -> None:
    """rdfs:domain/range of the ontology must not give a gazetteer node two disjoint classes.

    OWL RL would derive those types; a clash makes the whole knowledge graph inconsistent.
    """
    onto = Graph().parse(ontology_dir() / "diplograph.ttl", format="turtle")

    def superclasses(cls: URIRef) -> set[URIRef]:
        out, frontier = {cls}, [cls]
        while frontier:
            for parent in onto.objects(frontier.pop(), RDFS.subClassOf):
                if isinstance(parent, URIRef) and parent not in out:
                    out.add(parent)
                    frontier.append(parent)
        return out

    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, p, o in g:
        if p == RDF.type and isinstance(o, URIRef):
            types[s] |= superclasses(o)
        for dom in onto.objects(p, RDFS.domain):
            if isinstance(dom, URIRef):
                types[s] |= superclasses(dom)
        if isinstance(o, URIRef):
            for rng in onto.objects(p, RDFS.range):
                if isinstance(rng, URIRef):
                    types[o] |= superclasses(rng)
    disjoint_sets = []
    for group in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = onto.value(group, OWL.members)
        disjoint_sets.append(set(onto.items(members)))
    disjoint_sets += [{a, b} for a, b in onto.subject_objects(OWL.disjointWith)]
    for node, classes in types.items():
        for group in disjoint_sets:
            assert len(classes & group) <= 1, (node, classes & group)


def test_extractor_lexicon_reads_the_gazetteer() -> None:
    """The real loader of diplograph.lexicon links names and demonyms from these files."""
    from diplograph.lexicon import _load
    from diplograph.lexicon import fold as lex_fold

    lex = _load(tuple(sorted(VOCAB_DIR.glob("*.ttl"))))
    assert lex.candidates("Poutine") == [str(thing("person/vladimir-putin"))]
    assert lex.candidates("Kyïv") == [str(thing("place/kyiv"))]
    assert lex.demonyms[lex_fold("américaine")] == str(thing("state/usa"))
    assert lex.demonyms[lex_fold("européens")] == str(thing("org/eu"))
    envoy = lex.concepts[str(vocab("role", "envoy"))]
    assert "émissaire" in envoy.phrases


# ---------------------------------------------------------------------------------------- phrases


@pytest.mark.parametrize(("scheme", "slug", "phrases"), [
    ("role", "eu-foreign-affairs-chief", ["cheffe de la diplomatie de l'Union européenne",
                                          "haut représentant", "chef de la diplomatie européenne"]),
    ("role", "envoy", ["émissaire", "envoyé", "émissaire américain", "envoyée"]),
    ("role", "special-envoy", ["envoyé spécial", "émissaire spécial"]),
    ("role", "diplomatic-adviser", ["conseiller diplomatique", "conseillère diplomatique",
                                    "conseiller pour les affaires internationales"]),
    ("role", "economic-envoy", ["émissaire chargé des questions économiques internationales",
                                "représentant spécial pour la coopération économique"]),
    ("role", "spokesperson", ["porte-parole"]),
    ("role", "secretary-of-state", ["secrétaire d'État", "secrétaire d'Etat"]),
    ("role", "chief-of-staff", ["chef de l'administration présidentielle", "chef de cabinet"]),
    ("role", "president", ["président", "présidente"]),
    ("role", "ambassador", ["ambassadeur", "ambassadrice"]),
    ("role", "foreign-minister", ["ministre des affaires étrangères", "chef de la diplomatie"]),
    ("issue", "occupied-territories", ["territoires occupés", "statut des territoires",
                                       "questions territoriales", "Donbass"]),
    ("issue", "security-guarantees", ["garanties de sécurité", "garantie de sécurité"]),
    ("issue", "frozen-assets", ["actifs gelés", "avoirs gelés", "avoirs russes"]),
    ("issue", "ceasefire", ["cessez-le-feu", "trêve"]),
    ("issue", "peace-plan", ["plan de paix", "projet de règlement", "plan américain", "accord de paix"]),
    ("issue", "security-demands", ["demandes politiques et de sécurité", "exigences de sécurité"]),
    ("issue", "just-peace", ["paix juste et durable"]),
    ("issue", "sanctions", ["sanctions", "sanction"]),
    ("stance", "no-compromise", ["aucun compromis", "aucune solution de compromis"]),
    ("stance", "has-reservations", ["exprime des réserves", "réserves"]),
])
def test_text_phrases_resolve_to_the_right_concept(
    g: Graph, scheme: str, slug: str, phrases: list[str]
) -> None:
    index = concept_index(g, scheme)
    for phrase in phrases:
        assert index.get(fold(phrase)) == {vocab(scheme, slug)}, phrase


# ---------------------------------------------------------------------------------------- cue words

CUE_SCHEME = URIRef(V + "event-cue")


@pytest.fixture(scope="module")
def cue_graph() -> Graph:
    """Every vocabulary file that holds concepts of the cue scheme (triggers.ttl, cues.ttl, ...)."""
    graph = Graph()
    for path in sorted(VOCAB_DIR.glob("*.ttl")):
        if str(CUE_SCHEME) in path.read_text(encoding="utf-8"):
            graph.parse(path, format="turtle")
    return graph


def test_every_cue_concept_says_what_its_words_signal(cue_graph: Graph) -> None:
    """The extraction rules read their content words from the cue scheme: each group needs a French
    and an English label and a definition in both languages (what the words signal and what the rule
    does with them), else a reviewer cannot tell whether a word belongs in it."""
    members = concepts_of(cue_graph, "event-cue")
    assert len(members) >= 20
    assert (CUE_SCHEME, RDF.type, SKOS.ConceptScheme) in cue_graph
    for c in sorted(members):
        assert (c, RDF.type, SKOS.Concept) in cue_graph, c
        assert (c, SKOS.topConceptOf, CUE_SCHEME) in cue_graph, f"{c}: top concept of the cue scheme"
        assert (CUE_SCHEME, SKOS.hasTopConcept, c) in cue_graph, f"{c}: listed by the scheme"
        for lang in ("fr", "en"):
            assert len(lang_values(cue_graph, c, SKOS.prefLabel, lang)) == 1, f"{c}: one skos:prefLabel@{lang}"
            assert lang_values(cue_graph, c, SKOS.definition, lang), f"{c}: skos:definition@{lang}"
        words = lang_values(cue_graph, c, SKOS.hiddenLabel, "fr")
        assert words, f"{c}: no French words (skos:hiddenLabel@fr)"
        assert all(w == w.strip() and "  " not in w for w in words), c
        # cue_words lower-cases what it reads: a capital here would silently match something else
        assert all(w == w.lower() for w in words), f"{c}: words are written in lower case"


def test_every_cue_the_extractor_names_exists(cue_graph: Graph) -> None:
    """A rule asking for a cue concept that does not exist gets no words and silently never fires:
    every slug the extraction code passes to cue_words, cue_pairs or cue_pair_words is a concept of
    the scheme."""
    from diplograph.extract import kinds

    slugs = {str(c).rsplit("/", 1)[1] for c in concepts_of(cue_graph, "event-cue")}
    call = re.compile(r"cue_(?:words|pairs|pair_words)\(\s*[\w.]+,\s*\"([^\"]+)\"")
    named: set[str] = set()
    for path in sorted(Path(kinds.__file__).parent.glob("*.py")):
        named |= set(call.findall(path.read_text(encoding="utf-8")))
    assert len(named) >= 20
    assert named <= slugs, sorted(named - slugs)
