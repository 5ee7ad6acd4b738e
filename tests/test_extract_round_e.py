"""Security Council releases, Gulf mediation dispatches, Baltic readouts, Asian agency reports
(issue 12, round E).

Short texts written here, in the ways such prose is built: a ministry dateline without a year,
a visitor "en visite de travail" received by a host, names the recogniser does not know after a
title, "respectivement", "cheikh X" and "K. X" for people named in full before, "appeler ... à
« ... »", a pronoun pointing forward to the subject of its sentence, "La veille" of a past act
after a day still to come, a meeting in an "où" clause on a trip's destination, a council session
named by its chair, "sa participation à", "avant de" after a planned act.
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from extracting import event_at, extract_text
from extracting import event_kind as kind
from extracting import participant_sides as sides
from extracting import participant_slugs as people

# ------------------------------------------------------------------ a readout of a working visit
READOUT = (
    "Oslo, le 4 mars – Le ministre lituanien des Affaires étrangères Kęstutis Jonaitis, en visite de travail en "
    "Norvège, a été reçu ce mercredi par le Premier ministre de Norvège, Erik Solheim. Le ministre a ensuite "
    "rencontré son homologue norvégienne, Ingrid Dahl. Selon K. Jonaitis, les deux pays doivent coordonner "
    "leurs achats d'armement. Les deux ministres ont également signé une déclaration commune. Il participera à "
    "la réunion des ministres nordiques et baltes qui se tiendra le 20 mars à Copenhague. La veille, dès son "
    "arrivée, le ministre avait visité le port d'Oslo, où il s'était entretenu avec son directeur, Lars Holm.\n"
)


@pytest.fixture(scope="module")
def readout() -> ExtractedDocument:
    return extract_text(READOUT, "round-e-readout", datetime.date(2026, 3, 4))


def test_a_ministry_dateline_without_a_year_dates_nothing_told_after_it() -> None:
    """"Riga, le 4 mars –" is the readout's own date, as "Riga, le 4 mars 2026 –" is: the visit
    told after it, with no date of its own, does not take it."""
    for dateline in ("Riga, le 4 mars –", "Riga, le 4 mars 2026 –"):
        text = (f"{dateline} La ministre estonienne des Affaires étrangères, Mme Liisa Tamm, a entamé une "
                "visite de travail en Lettonie, la première depuis sa nomination.\n")
        doc = extract_text(text, "round-e-dateline", datetime.date(2026, 3, 6))
        (visit,) = doc.events
        assert visit.date is None, dateline


def test_a_visitor_on_a_visit_received_by_a_host_is_a_meeting_of_its_own(readout) -> None:
    """"X, en visite de travail en Norvège, a été reçu par Y": "en visite" says what X is doing, it
    is not how the reception went; the reception is a meeting of its own, dated by "ce mercredi"."""
    reception = event_at(readout, "reçu")
    assert reception is not event_at(readout, "visite")
    assert reception.date is not None and reception.date.iso == "2026-03-04"


def test_the_one_received_in_a_passive_sentence_takes_part(readout) -> None:
    """The parser splits "Le ministre ... Kęstutis Jonaitis, en visite ..., a été reçu par Y": the
    visitor still took part in the reception."""
    assert {"kestutis-jonaitis", "erik-solheim"} <= people(event_at(readout, "reçu"))


def test_the_narration_dates_the_meetings_after_the_reception(readout) -> None:
    assert event_at(readout, "rencontré").date.iso == "2026-03-04"
    assert event_at(readout, "signé").date.iso == "2026-03-04"


def test_an_initial_and_a_family_name_are_the_person_named_in_full(readout) -> None:
    """"Selon K. Jonaitis" is Kęstutis Jonaitis, not a second person."""
    assert id_iri("person", "k-jonaitis") not in readout.entities
    jonaitis = readout.entities[id_iri("person", "kestutis-jonaitis")]
    assert any(m.text == "K. Jonaitis" for m in jonaitis.mentions)


def test_the_eve_of_a_past_act_counts_from_the_story_not_from_a_meeting_ahead(readout) -> None:
    """"La veille, ... avait visité" after a meeting announced for 20 March: the day before the
    reception (3 March), not 19 March, and the visit happened."""
    port = event_at(readout, "visité")
    assert port.date is not None and port.date.iso == "2026-03-03"
    assert port.status == vocab_iri("event-status", "occurred")


def test_a_meeting_where_the_visit_went_is_that_visit(readout) -> None:
    """"avait visité le port d'Oslo, où il s'était entretenu avec son directeur": one event."""
    port = event_at(readout, "visité")
    assert any(m.text == "entretenu" for m in port.mentions)
    assert "lars-holm" in people(port)


# ------------------------------------------------------------------ an Asian state agency report
AGENCY = (
    "Phnom Penh (AKP) – Dans la matinée du 12 mai, le Premier ministre Nguyen Van Long et ses homologues "
    "thaïlandais et lao, respectivement Somchai Wongsakul et Khamphou Vongsa, ont coprésidé à Phnom Penh le "
    "5e Sommet du Mékong. Le chef du gouvernement vietnamien était accompagné du ministre des Affaires "
    "étrangères Tran Quoc Son. Le même jour, il a été reçu par le roi du Cambodge et président du Conseil "
    "royal, Norodom Vichet, qui a salué la « confiance mutuelle » entre les deux pays.\n"
)


@pytest.fixture(scope="module")
def agency() -> ExtractedDocument:
    return extract_text(AGENCY, "round-e-agency", datetime.date(2026, 5, 13))


def test_names_the_recogniser_does_not_know_after_a_title_are_people(agency) -> None:
    """"le ministre des Affaires étrangères Tran Quoc Son" ("Son" is also a French word), "...,
    président du Conseil royal, Norodom Vichet" (tagged MISC), "respectivement ... et Khamphou
    Vongsa" (tagged LOC there, a person where a title announces it)."""
    for slug in ("tran-quoc-son", "norodom-vichet", "khamphou-vongsa", "somchai-wongsakul"):
        assert agency.entities[id_iri("person", slug)].kind == "person", slug
    assert id_iri("place", "khamphou-vongsa") not in agency.entities


def test_respectivement_pairs_the_demonyms_with_the_names(agency) -> None:
    """"ses homologues thaïlandais et lao, respectivement Y et Z": Y is Thailand's Prime Minister,
    Z Laos's."""
    def offices(slug: str) -> set[tuple[str, str]]:
        return {(r.role.rsplit("/", 1)[-1], (r.organisation or "").rsplit("/", 1)[-1])
                for r in agency.entities[id_iri("person", slug)].roles}

    assert ("prime-minister", "thailand") in offices("somchai-wongsakul")
    assert ("prime-minister", "laos") in offices("khamphou-vongsa")


def test_the_co_chairs_of_a_summit_take_part_in_it(agency) -> None:
    """"X et ses homologues ..., respectivement Y et Z, ont coprésidé le sommet": all three."""
    assert {"nguyen-van-long", "somchai-wongsakul", "khamphou-vongsa"} <= people(agency.events[0])


# ------------------------------------------------------------------ appeals, reports, pronouns
def test_calling_on_someone_to_do_what_a_quotation_says_is_an_appeal() -> None:
    text = ("Le ministère jordanien des Affaires étrangères a appelé « toutes les parties à faire preuve de "
            "retenue ». Le président a appelé les deux pays à « reprendre le dialogue sans délai ».\n")
    doc = extract_text(text, "round-e-appeal", datetime.date(2026, 2, 2))
    assert [kind(e) for e in doc.events] == ["appeal", "appeal"]
    speakers = {q.span.text: q.speaker for q in doc.quotes}
    assert speakers["toutes les parties à faire preuve de retenue"] is not None


def test_a_pronoun_in_a_fronted_phrase_points_to_the_subject_of_its_sentence() -> None:
    """"De retour de X, où elle s'était entretenue avec Y, Mme H a rapporté ...": "elle" is H,
    not the woman named in the sentence before; so is the speaker of "a-t-elle prévenu"."""
    text = ("La séance était présidée par la représentante de la Norvège, Mme Kari Lunde. De retour de Juba, "
            "où elle s'était entretenue lundi avec le président Samuel Deng, Mme Ada Okafor a rapporté que les "
            "autorités étaient prêtes à négocier. « Le temps presse », a-t-elle prévenu.\n")
    doc = extract_text(text, "round-e-cataphora", datetime.date(2026, 6, 10))
    juba = event_at(doc, "entretenue")
    assert "ada-okafor" in people(juba) and "kari-lunde" not in people(juba)
    assert kind(event_at(doc, "rapporté")) == "statement"  # a person reporting speaks
    (quote,) = doc.quotes
    assert quote.speaker == id_iri("person", "ada-okafor")


GULF = ("ABOU DHABI, 8 juin 2026 (AFP) - Le ministre émirien des Affaires étrangères, cheikh Abdallah ben Zayed "
        "Al Nahyane, a reçu samedi soir à Abou Dhabi une délégation soudanaise, a indiqué dimanche le ministère. "
        "Quelques heures plus tôt, cheikh Abdallah s'était entretenu par téléphone avec le ministre égyptien des "
        "Affaires étrangères, Karim Fawzi.\n")


def test_a_courtesy_title_and_a_given_name_are_the_person_named_in_full() -> None:
    """Gulf usage: "cheikh Abdallah" after "cheikh Abdallah ben Zayed Al Nahyane" is that person."""
    doc = extract_text(GULF, "round-e-cheikh", datetime.date(2026, 6, 8))
    assert id_iri("person", "abdallah") not in doc.entities
    call = event_at(doc, "entretenu par téléphone")
    assert {"abdallah-ben-zayed-al-nahyane", "karim-fawzi"} <= people(call)


def test_a_few_hours_earlier_is_the_day_of_the_story_not_of_its_report() -> None:
    """The call told "Quelques heures plus tôt" than Saturday's meeting is on that Saturday, not on
    the Sunday the ministry reported the meeting (", a indiqué dimanche le ministère")."""
    doc = extract_text(GULF, "round-e-hours", datetime.date(2026, 6, 8))
    call = event_at(doc, "entretenu par téléphone")
    assert call.date is not None and call.date.iso == "2026-06-06"


def test_a_weekday_in_what_was_agreed_looks_ahead() -> None:
    """"sont convenus de réunir leurs équipes dès mardi": the Tuesday after the dispatch."""
    text = ("Le ministre qatari Ahmed Al-Kuwari et l'envoyé américain John Miles se sont entretenus samedi à Doha. "
            "Les deux responsables sont convenus de réunir leurs équipes dès mardi au Caire.\n")
    doc = extract_text(text, "round-e-ahead", datetime.date(2026, 6, 7))  # a Sunday
    cairo = event_at(doc, "réunir")
    assert cairo.date is not None and cairo.date.iso == "2026-06-09"


def test_a_meeting_where_a_trip_goes_is_that_trip() -> None:
    text = ("Mme Ada Okafor se rendra jeudi à Nairobi, où elle doit rencontrer le président kényan, "
            "William Ruto.\n")
    doc = extract_text(text, "round-e-trip", datetime.date(2026, 6, 9))
    gatherings = [e for e in doc.events if kind(e) == "meeting"]
    assert len(gatherings) == 1 and {"ada-okafor", "william-ruto"} <= people(gatherings[0])


def test_a_session_told_first_by_its_chair_is_a_meeting() -> None:
    """A council press release names its meeting by "La séance était présidée par X": with no
    gathering told before, "séance" tells one, and its chair took part."""
    text = ("Le Conseil a entendu ce matin un exposé sur la situation en Haïti. La séance était présidée par la "
            "représentante permanente de l'Irlande, Mme Siobhan Byrne. Le représentant du Chili a salué les "
            "efforts de la mission.\n")
    doc = extract_text(text, "round-e-session", datetime.date(2026, 4, 2))
    session = event_at(doc, "séance")
    assert kind(session) == "meeting" and "siobhan-byrne" in people(session)


def test_one_who_confirms_his_participation_in_a_meeting_takes_part_in_it() -> None:
    """"Il a par ailleurs confirmé sa participation à la réunion ...": the subject (here a pronoun
    the parser hangs on the auxiliary) takes part in the meeting."""
    text = ("Le ministre estonien des Affaires étrangères Toomas Kask a reçu lundi son homologue polonais, "
            "Piotr Nowak. Il a par ailleurs confirmé sa participation à la réunion des ministres de la région, "
            "qui se tiendra le 20 mars à Varsovie.\n")
    doc = extract_text(text, "round-e-participation", datetime.date(2026, 3, 4))
    assert "toomas-kask" in people(event_at(doc, "réunion"))


def test_what_comes_after_a_planned_meeting_is_planned() -> None:
    """"doit s'entretenir lundi avec X, avant de se rendre à Riyad": the trip is still to come;
    after a meeting told as done, it happened."""
    planned = extract_text("Le ministre Karim Fawzi doit s'entretenir lundi avec son homologue jordanien, "
                           "Ayman Safadi, à Amman, avant de se rendre à Riyad.\n", "round-e-before",
                           datetime.date(2026, 2, 7))
    assert event_at(planned, "rendre").status == vocab_iri("event-status", "planned")
    done = extract_text("Le ministre Karim Fawzi s'est entretenu lundi avec son homologue jordanien, "
                        "Ayman Safadi, à Amman, avant de se rendre à Riyad.\n", "round-e-after",
                        datetime.date(2026, 2, 10))
    assert event_at(done, "rendre").status == vocab_iri("event-status", "occurred")


def test_a_place_said_aside_of_a_definite_gathering_noun_does_not_make_it_another_one() -> None:
    """"Les entretiens, qui se sont déroulés au palais présidentiel, ...": the reception just told,
    with its place; not a second meeting."""
    text = ("Le ministre lituanien des Affaires étrangères Jonas Petraitis a été reçu ce mercredi par le Président "
            "finlandais, Mikko Laine. Les entretiens, qui se sont déroulés au palais présidentiel, ont porté sur "
            "la sécurité régionale.\n")
    doc = extract_text(text, "round-e-aside", datetime.date(2026, 3, 4))
    (meeting,) = [e for e in doc.events if kind(e) == "meeting"]
    assert any(m.text == "entretiens" for m in meeting.mentions)


def test_the_speakers_in_turn_of_a_session_report_took_part_in_the_session() -> None:
    """A council press release tells one session: who speaks in turn spoke there; what a speaker
    reports of others ("les autorités se disaient prêtes") and a meeting told in the pluperfect do
    not make their people part of it."""
    text = ("La séance était présidée par la représentante permanente de l'Irlande, Mme Siobhan Byrne. De retour "
            "de Port-au-Prince, où il s'était entretenu mardi avec le Premier ministre Jean Alix, M. Pedro Ruiz "
            "a rapporté que les autorités se disaient prêtes à négocier. Le représentant du Chili, M. Tomas Vera, "
            "a salué ses efforts. La Chine a en revanche mis en garde contre toute ingérence.\n")
    doc = extract_text(text, "round-e-speakers", datetime.date(2026, 4, 2))
    session = event_at(doc, "séance")
    assert {"siobhan-byrne", "pedro-ruiz", "tomas-vera", "china"} <= people(session)
    assert "jean-alix" not in people(session)


def test_assurer_and_repondre_report_speech_only_with_what_is_said() -> None:
    """"dont le pays assure ce mois-ci la présidence", "devront répondre de leurs actes": no speech;
    "a assuré que ...", "a répondu à la question" are statements."""
    quiet = extract_text("La séance était présidée par Mme Siobhan Byrne, dont le pays assure ce mois-ci la "
                         "présidence du Conseil. Les auteurs des attaques devront répondre de leurs actes.\n",
                         "round-e-quiet", datetime.date(2026, 4, 2))
    assert not [e for e in quiet.events if kind(e) == "statement"]
    spoken = extract_text("Le ministre Tomas Vera a assuré que son pays soutiendrait la mission. Il a ensuite "
                          "répondu à la question d'un journaliste.\n", "round-e-spoken", datetime.date(2026, 4, 2))
    assert [kind(e) for e in spoken.events].count("statement") == 2


def test_the_holder_of_a_ministry_just_named_holds_its_office() -> None:
    """"le ministère marocain des Affaires étrangères a appelé ... Son titulaire, X, doit s'entretenir
    lundi avec son homologue tunisien, Y": X is Morocco's foreign minister, Y Tunisia's."""
    text = ("Dans un communiqué publié dimanche, le ministère marocain des Affaires étrangères a appelé toutes les "
            "parties à la retenue. Son titulaire, Karim Bennani, doit s'entretenir lundi avec son homologue "
            "tunisien, Sami Trabelsi, à Tunis.\n")
    doc = extract_text(text, "round-e-holder", datetime.date(2026, 2, 8))

    def offices(slug: str) -> set[tuple[str, str]]:
        return {(r.role.rsplit("/", 1)[-1], (r.organisation or "").rsplit("/", 1)[-1])
                for r in doc.entities[id_iri("person", slug)].roles}

    assert ("foreign-minister", "morocco") in offices("karim-bennani")
    assert ("foreign-minister", "tunisia") in offices("sami-trabelsi")


def test_a_title_completing_another_title_is_not_the_holders() -> None:
    """"Le porte-parole du président, X": X is the spokesperson, not the president; "conseiller du
    président Y" still makes Y the president."""
    doc = extract_text("Le porte-parole du président, Marc Lenoir, a démenti. L'Envoyée personnelle du Secrétaire "
                       "général pour le Soudan, Mme Ingrid Solberg, a été reçue par Ahmed Musa, conseiller du "
                       "président Omar Adil.\n", "round-e-complement", datetime.date(2026, 1, 5))

    def roles(slug: str) -> set[str]:
        return {r.role.rsplit("/", 1)[-1] for r in doc.entities[id_iri("person", slug)].roles}

    assert "president" not in roles("marc-lenoir") and "spokesperson" in roles("marc-lenoir")
    assert "secretary-general" not in roles("ingrid-solberg")
    assert "president" in roles("omar-adil")


def test_a_person_in_apposition_after_a_titles_complement_is_the_one_titled() -> None:
    """"le représentant du Soudan, M. X, a rejeté ...": the parser hangs "M. X" on "Soudan"; X is the
    one who rejects, on Sudan's side, not the state."""
    text = ("La séance était présidée par Mme Siobhan Byrne. Invité à s'exprimer, le représentant du Soudan, "
            "M. Ali Hassan Omer, a rejeté le projet britannique.\n")
    doc = extract_text(text, "round-e-apposed", datetime.date(2026, 4, 2))
    assert event_at(doc, "rejeté").agents == [id_iri("person", "ali-hassan-omer")]
    assert sides(event_at(doc, "séance")).get("ali-hassan-omer") == "sudan"


def test_who_leads_a_delegation_of_a_named_body_is_on_its_side() -> None:
    """"une délégation du Hamas conduite par X": X is on the side of the body named in full."""
    text = ("Le ministre qatari Ahmed Al-Kuwari a reçu samedi à Doha une délégation du Hamas conduite par Moussa "
            "Abou Khalil, membre de son bureau politique.\n")
    doc = extract_text(text, "round-e-delegation", datetime.date(2026, 6, 7))
    assert sides(event_at(doc, "reçu")).get("moussa-abou-khalil") == "hamas"
