"""Agency prose around a gathering (issue 12): who acted after it, who spoke, talks told as "un échange".

Short texts written here, in the shapes agency dispatches and readouts take:

* "Après un entretien avec son homologue X, le ministre a appelé ...": the gathering names one side,
  the clause's subject is the other; the comma after the name closes the frame, so the subject is
  no apposition of the name.
* "..., a indiqué un diplomate européen": an unnamed speaker after the verb; the people of the
  sentence before it are not the speaker (nor of the quotes the sentence holds).
* "Les deux ministres ont eu « un bon échange »": a talk, with the people of the subject.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS, et
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract_text(text: str, published: str = "2025-02-18") -> ExtractedDocument:
    return extract_dated(text, "fronted-frames", published)


def gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def people(event) -> set[str]:
    return {p.actor for p in event.participants}


def test_the_subject_after_a_fronted_talk_with_a_counterpart_took_part_in_it() -> None:
    doc = extract_text("À l'issue de son entretien avec le président kényan William Ruto, le chancelier "
                       "allemand Olaf Scholz a déclaré que les deux pays renforceraient leur coopération.\n")
    [talk] = gatherings(doc)
    assert people(talk) == {id_iri("person", "william-ruto"), id_iri("person", "olaf-scholz")}


def test_a_name_closing_the_frame_is_not_in_apposition_to_the_subject() -> None:
    doc = extract_text("Après un entretien avec son homologue indien, Rajiv Menon, le ministre français "
                       "des Affaires étrangères a appelé à la désescalade.\n")
    menon = doc.entities[id_iri("person", "rajiv-menon")]
    france = id_iri("state", "france")
    assert all(r.organisation != france for r in menon.roles)
    [talk] = gatherings(doc)
    assert id_iri("person", "rajiv-menon") in people(talk)
    assert len(people(talk)) == 2  # the French minister too (whoever holds the office that day)
    [appeal] = [e for e in doc.events if e.event_type == et("appeal")]
    assert id_iri("person", "rajiv-menon") not in appeal.agents


def test_who_acts_after_a_talk_between_others_did_not_take_part() -> None:
    doc = extract_text("Après un entretien entre Rajiv Menon et Hakan Fidan, la Grèce a appelé au calme.\n")
    [talk] = gatherings(doc)
    assert id_iri("state", "greece") not in people(talk)


def test_an_unnamed_speaker_after_the_verb_is_not_the_people_told_before() -> None:
    doc = extract_text("Le ministre turc Hakan Fidan a reçu lundi son homologue grec Giorgos Gerapetritis "
                       "à Ankara, a indiqué un diplomate européen.\n"
                       "« Les deux parties veulent avancer », a annoncé mardi une responsable grecque.\n")
    said = [e for e in doc.events if e.trigger.text in ("indiqué", "annoncé")]
    assert len(said) == 2
    assert all(not e.agents for e in said)
    assert [q.speaker for q in doc.quotes] == [None]


def test_a_named_speaker_after_the_verb_still_speaks() -> None:
    doc = extract_text("« Le dialogue reprendra », a déclaré le porte-parole du Kremlin, Dmitri Peskov.\n")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "dmitry-peskov")


def test_having_an_exchange_is_a_talk_between_the_subjects_also_when_quoted() -> None:
    doc = extract_text("Le ministre turc Hakan Fidan a reçu lundi son homologue grec Giorgos Gerapetritis à Ankara.\n"
                       "Les deux ministres ont eu « un bon échange » mardi soir à Genève.\n")
    talks = [e for e in gatherings(doc) if e.trigger.text.startswith("eu")]
    assert len(talks) == 1
    assert people(talks[0]) == {id_iri("person", "hakan-fidan"), id_iri("person", "giorgos-gerapetritis")}
    assert talks[0].date is not None and talks[0].date.iso == "2025-02-18"


def test_an_exchange_of_prisoners_is_no_talk() -> None:
    doc = extract_text("La Russie et l'Ukraine ont eu un échange de prisonniers mardi.\n")
    assert not gatherings(doc)


def test_attendees_inverted_after_the_verb_take_part_in_the_talk_named() -> None:
    doc = extract_text("Mardi, le ministre Jean-Noël Barrot s'est longuement entretenu avec Marco Rubio, son "
                       "homologue américain.\nOnt également participé à cette discussion le ministre italien Antonio "
                       "Tajani ainsi que Kaja Kallas, qui dirige la diplomatie européenne.\n")
    [talk] = gatherings(doc)
    assert {id_iri("person", "antonio-tajani"), id_iri("person", "kaja-kallas")} <= people(talk)


def test_a_gathering_organised_on_a_day_already_past_has_occurred() -> None:
    doc = extract_text("La France a organisé une réunion d'urgence lundi à Paris.\n"
                       "Le ministre a évoqué la réunion organisée lundi par l'Allemagne à Berlin.\n")
    meetings = gatherings(doc)
    assert meetings and all(e.status.endswith("/occurred") for e in meetings)
    assert {e.date.iso for e in meetings} == {"2025-02-17"}


def test_a_gathering_organised_for_a_day_to_come_stays_planned() -> None:
    doc = extract_text("La France organisera une réunion d'urgence lundi à Paris.\n")
    [meeting] = gatherings(doc)
    assert meeting.status.endswith("/planned")
    assert meeting.date.iso == "2025-02-24"


def test_a_quote_that_opens_on_the_speech_verb_is_the_subjects() -> None:
    doc = extract_text("Le ministre turc Hakan Fidan a « rappelé que la porte restait ouverte » à ses "
                       "interlocuteurs.\n")
    [quote] = doc.quotes
    assert quote.speaker == id_iri("person", "hakan-fidan")


def test_a_time_among_the_reported_words_does_not_date_the_incise() -> None:
    doc = extract_text("« Nous faisons face à la situation la plus grave depuis la fin de la guerre », en 1989, "
                       "a ajouté le secrétaire général Jens Stoltenberg.\n", published="2022-11-09")
    [said] = [e for e in doc.events if e.trigger.text == "ajouté"]
    assert said.date is None or not said.date.iso.startswith("1989")
