"""Encyclopedia summit articles, press conferences, regional summits, visit dispatches and joint
communiqués (issue 12, round F).

Short texts written here, in the ways such prose is built: a gathering noun told after a date or a
place ("ont eu, le 4 mars, des entretiens"), "Les deux Chefs d'Etat" written without accents, "son
homologue gabonais" in a communiqué whose own head of state is "Président de la République".
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_at, extract_text
from extracting import event_kind as kind
from extracting import participant_sides as sides
from extracting import participant_slugs as people

# ------------------------------------------------------------------ a joint communiqué
COMMUNIQUE = (
    "1. A l'invitation de Son Excellence Monsieur Léon MAKAYA, Président de la République, Chef de l'Etat, "
    "Son Excellence Monsieur Rui SEMEDO, Président de la République de Guinée-Bissau, a effectué une visite "
    "officielle en République Gabonaise du 10 au 12 juin 2025.\n\n"
    "2. Les deux Chefs d'Etat ont eu, le 11 juin 2025 au Palais du Peuple, des entretiens élargis aux deux "
    "délégations.\n\n"
    "3. Le Président SEMEDO a invité son homologue gabonais à effectuer une visite officielle en "
    "Guinée-Bissau.\n"
)


@pytest.fixture(scope="module")
def communique() -> ExtractedDocument:
    return extract_text(COMMUNIQUE, "round-f-communique", datetime.date(2025, 6, 12))


def test_a_gathering_noun_told_after_a_date_belongs_to_the_verb_before_the_date(communique) -> None:
    """"Les deux Chefs d'Etat ont eu, le 11 juin au Palais du Peuple, des entretiens": the parser
    hangs "des entretiens" on the date; the talks are still what the two heads of state had."""
    talks = event_at(communique, "entretiens")
    assert {"leon-makaya", "rui-semedo"} <= people(talks)


def test_heads_of_state_written_without_accents_are_the_two_leaders_told_before() -> None:
    """"Les deux Chefs d'Etat" (capitals without accents, as official prose writes them) are the two
    presidents named before, as "les deux chefs d'État" are."""
    text = ("Le président gabonais Paul Nzé a reçu lundi à Libreville le président capverdien Mário Tavares.\n\n"
            "Les deux Chefs d'Etat ont signé mardi un accord de coopération maritime.\n")
    doc = extract_text(text, "round-f-chefs-etat", datetime.date(2025, 3, 5))
    assert {"paul-nze", "mario-tavares"} <= people(event_at(doc, "signé"))


def test_the_counterpart_of_a_visitor_is_the_host_whose_title_names_no_state(communique) -> None:
    """"son homologue gabonais" is the Gabonese head of state the communiqué names as "Président de
    la République, Chef de l'Etat" (its own head of state names no state), not a stranger."""
    visit = next(e for e in communique.events if e.trigger.text == "visite" and e.trigger.begin > 400)
    assert sides(visit).get("leon-makaya") == "gabon"
    assert not any("homologue" in p for p in people(visit))


# ------------------------------------------------------------------ texts adopted, interviews, ideas received
def test_leaders_adopting_a_declaration_agree_on_it() -> None:
    """"les présidents X et Y ont adopté une déclaration commune" is an agreement between them, not
    a statement named "déclaration"; "par l'adoption d'une feuille de route" is one too."""
    text = ("Les présidents Carlos Medina et Julio Ferreyra ont adopté mardi une déclaration commune sur la "
            "pêche. La réunion des ministres s'est achevée par l'adoption d'une feuille de route.\n")
    doc = extract_text(text, "round-f-adoption", datetime.date(2025, 5, 14))
    adopted = event_at(doc, "adopté")
    assert kind(adopted) == "agreement"
    assert {"carlos-medina", "julio-ferreyra"} <= people(adopted)
    assert kind(event_at(doc, "adoption")) == "agreement"
    assert not any(e.trigger.text == "déclaration" for e in doc.events)


def test_one_state_adopting_a_measure_is_no_agreement() -> None:
    """A single subject adopting a text, or "l'adoption d'un paquet de sanctions", is no agreement."""
    text = ("Le Parlement a adopté une résolution sur la pêche. Le ministre a salué l'adoption d'un paquet de "
            "sanctions.\n")
    doc = extract_text(text, "round-f-no-adoption", datetime.date(2025, 5, 14))
    assert not any(kind(e) == "agreement" for e in doc.events)


def test_a_text_signed_is_not_a_statement_of_its_own() -> None:
    """"les dirigeants ont signé la déclaration de X": one signing, not a signing and a statement."""
    text = "À l'issue de la séance, les présidents Carlos Medina et Julio Ferreyra ont signé la déclaration de Salta.\n"
    doc = extract_text(text, "round-f-signed", datetime.date(2025, 5, 14))
    assert [kind(e) for e in doc.events] == ["agreement"]


def test_an_interview_given_to_a_newspaper_is_no_meeting() -> None:
    """"a déclaré le ministre dans un entretien publié lundi par le quotidien X": an interview."""
    text = ("« Nous resterons fermes », a déclaré le ministre Jan Novak dans un entretien publié lundi par le "
            "quotidien Pravo. Il a aussi accordé une interview à la radio publique.\n")
    doc = extract_text(text, "round-f-interview", datetime.date(2025, 5, 14))
    assert not any(kind(e) == "meeting" for e in doc.events), [(e.trigger.text, kind(e)) for e in doc.events]


def test_an_idea_received_with_reservations_is_a_reaction_not_a_meeting() -> None:
    """"une idée accueillie avec réserve par le Chili": nobody was received; Chile reacted."""
    text = ("Le président péruvien a proposé une force commune, une idée accueillie avec réserve par le Chili. "
            "Le ministre a reçu une proposition écrite.\n")
    doc = extract_text(text, "round-f-idea", datetime.date(2025, 5, 14))
    assert not any(kind(e) == "meeting" for e in doc.events)
    assert kind(event_at(doc, "accueillie")) == "reaction"


def test_a_thing_that_threatens_is_no_warning() -> None:
    """"les actes de piraterie qui menacent la navigation" tell a danger; "X a menacé de ..." warns."""
    text = ("Les deux ministres ont condamné les actes de piraterie qui menacent la navigation. Le ministre "
            "Jan Novak a menacé de suspendre les licences de pêche.\n")
    doc = extract_text(text, "round-f-danger", datetime.date(2025, 5, 14))
    assert not any(e.trigger.text == "menacent" for e in doc.events)
    assert kind(event_at(doc, "menacé")) == "warning"


# ------------------------------------------------------------------ who attended a regional summit
SUMMIT = (
    "LIMA, 15 juin 2024 – Les chefs d'État de la Communauté andine ont demandé vendredi un fonds commun, à "
    "l'issue d'un sommet extraordinaire tenu dans la capitale péruvienne.\n\n"
    "Réunis au palais présidentiel à l'invitation de la présidente péruvienne, Rosa Huamán Quispe, les "
    "présidents bolivien Evo Mamani Choque, colombien Andrés Restrepo et équatorien Ernesto Valdivieso ont "
    "adopté une déclaration en dix points. Le Chili était représenté par son vice-président, Óscar Bravo, "
    "l'Argentine par son Premier ministre, Miguel Ferrer, et le Paraguay par sa ministre des Affaires "
    "étrangères, Luisa Benítez.\n"
)


@pytest.fixture(scope="module")
def summit() -> ExtractedDocument:
    return extract_text(SUMMIT, "round-f-summit", datetime.date(2024, 6, 15))


def roles_of(doc: ExtractedDocument, slug: str) -> set[tuple[str, str | None]]:
    entity = next(e for iri, e in doc.entities.items() if iri.endswith("/" + slug))
    return {(r.role.rsplit("/", 1)[-1], r.organisation.rsplit("/", 1)[-1] if r.organisation else None)
            for r in entity.roles}


def test_a_demonym_before_each_name_gives_each_their_state(summit) -> None:
    """"les présidents bolivien X, colombien Y et équatorien Z": three presidents, each of the state
    of the demonym before their name, and all three adopt the declaration."""
    assert ("president", "colombia") in roles_of(summit, "andres-restrepo")
    assert ("president", "ecuador") in roles_of(summit, "ernesto-valdivieso")
    assert sides(event_at(summit, "adopté")) == {
        "evo-mamani-choque": "bolivia", "andres-restrepo": "colombia", "ernesto-valdivieso": "ecuador"}


def test_states_represented_by_someone_send_them_to_the_summit(summit) -> None:
    """"Le Chili était représenté par X, l'Argentine par Y, et le Paraguay par Z": the verb is left
    out after the first pair; each name is on the side of the state before its "par", and all three
    attended the summit."""
    at_summit = sides(event_at(summit, "sommet"))
    assert at_summit.get("oscar-bravo") == "chile"
    assert at_summit.get("miguel-ferrer") == "argentina"
    assert at_summit.get("luisa-benitez") == "paraguay"
    assert ("prime-minister", "argentina") in roles_of(summit, "miguel-ferrer")


def test_an_encyclopedia_participants_list_names_who_attended_the_summit() -> None:
    """"- Name, président du Kazakhstan" lines under "Participants": each attended the summit the
    article is about (not a ministers' meeting told last before the list), on the side of their office's state."""
    text = ("Sommet de Bakou (2014)\n\n"
            "Le sommet de Bakou est une réunion des chefs d'État des pays riverains de la Caspienne tenue les 28 "
            "et 29 septembre 2014 à Bakou.\n\n"
            "Contexte\n\n"
            "Une première réunion des ministres des Affaires étrangères s'était tenue le 12 juin 2014 à Astana.\n\n"
            "Participants\n\n"
            "- Elmar Gassanov, président de l'Azerbaïdjan (hôte)\n"
            "- Timur Abenov, président du Kazakhstan\n"
            "- Kurban Atayev, vice-président du Turkménistan\n")
    doc = extract_text(text, "round-f-participants", datetime.date(2020, 1, 10))
    summit = next(e for e in doc.events if e.trigger.begin == 0)
    assert {"elmar-gassanov": "azerbaijan", "timur-abenov": "kazakhstan",
            "kurban-atayev": "turkmenistan"}.items() <= sides(summit).items()
    earlier = next(e for e in doc.events if e.trigger.text == "réunion" and e is not summit)
    assert not {"elmar-gassanov", "timur-abenov", "kurban-atayev"} & people(earlier)


# ------------------------------------------------------------------ a joint press conference
PRESS = (
    "DAKAR, 9 avril 2025 – Au terme de trois jours de négociations sur les droits de pêche, le ministre "
    "gambien des Affaires étrangères, Mamadou Lamin Ould Jallow, et son homologue sénégalais, Cheikh Tidiane Fall, "
    "ont tenu mercredi une conférence de presse conjointe. « Nous sommes tout près d'un accord », a déclaré "
    "M. Ould Jallow.\n"
)


@pytest.fixture(scope="module")
def press() -> ExtractedDocument:
    return extract_text(PRESS, "round-f-press", datetime.date(2025, 4, 9))


def test_talks_ended_before_two_sides_act_together_are_theirs(press) -> None:
    """"Au terme de trois jours de négociations ..., X et son homologue Y ont tenu une conférence de
    presse conjointe": talks naming none of their sides, then two people of two states acting
    together: they held the talks."""
    assert sides(event_at(press, "négociations")) == {"mamadou-lamin-ould-jallow": "gambia",
                                                      "cheikh-tidiane-fall": "senegal"}


def test_one_actor_after_talks_is_not_their_side() -> None:
    """"Au terme de deux jours de discussions, la Chine a réagi": one actor acting afterwards need
    not have been there."""
    text = "Au terme de deux jours de discussions à Genève, le ministre chinois Wang Lei a réagi avec prudence.\n"
    doc = extract_text(text, "round-f-after-one", datetime.date(2025, 4, 9))
    assert not people(event_at(doc, "discussions"))


def test_a_family_name_of_several_words_is_the_person_named_in_full(press) -> None:
    """"a déclaré M. Ould Jallow" after "Mamadou Lamin Ould Jallow": the same person, who speaks the quote."""
    assert not any(iri.endswith("/ould-jallow") for iri in press.entities)
    (quote,) = press.quotes
    assert quote.speaker is not None and quote.speaker.endswith("/mamadou-lamin-ould-jallow")


def test_a_side_named_la_partie_with_a_demonym_is_a_delegation_whose_members_attend() -> None:
    """"La partie gabonaise comprenait notamment Mme X": a communiqué names a side's delegation
    "la partie" + demonym; its members attend the talks just told, on that side."""
    text = ("Le président gabonais Paul Nzé a reçu lundi à Libreville le président capverdien Mário Tavares. Les "
            "deux présidents ont eu des entretiens élargis aux délégations. La partie gabonaise comprenait "
            "notamment Mme Alice Ndong Obiang, ministre des Affaires étrangères.\n")
    doc = extract_text(text, "round-f-partie", datetime.date(2025, 3, 5))
    assert sides(event_at(doc, "entretiens")).get("alice-ndong-obiang") == "gabon"


def test_a_reporting_incise_after_a_plan_not_yet_dated_is_a_saying_done() -> None:
    """"La date de sa visite n'a pas encore été fixée, a précisé la chancellerie": the visit is not
    dated yet, but the chancellery's saying so is done (the parser reads the speaker as an object)."""
    from diplograph.extract.kinds import OCCURRED

    text = ("La date de la visite d'État que le président Matej Horvat doit effectuer en Autriche n'a pas "
            "encore été fixée, a précisé la chancellerie.\n")
    doc = extract_text(text, "round-f-incise", datetime.date(2026, 3, 2))
    assert event_at(doc, "précisé").status == OCCURRED


def test_protesting_is_criticism_and_defending_a_right_is_a_statement() -> None:
    """"X avait protesté contre la construction d'un barrage" criticises; "Y a défendu le droit de son
    pays à ..." says something (trigger words in ontology/vocab/triggers.ttl)."""
    text = ("En mars, le Kazakhstan avait protesté contre la construction d'un barrage kirghiz. Le président "
            "kirghiz Almaz Toktogulov a défendu le droit de son pays à produire de l'électricité.\n")
    doc = extract_text(text, "round-f-protest", datetime.date(2025, 5, 14))
    assert kind(event_at(doc, "protesté")) == "criticism"
    assert kind(event_at(doc, "défendu")) == "statement"


def test_a_question_that_opposes_states_is_a_controversy() -> None:
    """"Le partage des eaux oppose ces deux États depuis 1991": a dispute between them; "X s'oppose à
    ce projet" stays X's rejection."""
    text = ("Le partage des eaux du fleuve oppose le Kazakhstan et l'Ouzbékistan depuis 1991. Le Tadjikistan "
            "s'oppose à ce projet de barrage.\n")
    doc = extract_text(text, "round-f-oppose", datetime.date(2025, 5, 14))
    dispute = next(e for e in doc.events if e.trigger.begin < 40)
    assert dispute.trigger.text == "oppose" and kind(dispute) == "controversy"
    assert kind(next(e for e in doc.events if e.trigger.begin > 80)) != "controversy"


def test_presenting_a_draft_one_is_charged_with_is_a_planned_proposal() -> None:
    """"La déclaration finale charge les ministres de présenter d'ici au 30 septembre un projet de
    statuts": presenting a draft is a proposal (not a statement about the declaration the parser hangs
    the infinitive on), and it is still to be done."""
    from diplograph.extract.kinds import PLANNED

    text = ("La déclaration finale charge les ministres des Affaires étrangères de présenter d'ici au 30 "
            "septembre un projet de statuts pour le fonds.\n")
    doc = extract_text(text, "round-f-charge", datetime.date(2024, 6, 15))
    presenting = event_at(doc, "présenter")
    assert kind(presenting) == "proposal" and presenting.status == PLANNED
