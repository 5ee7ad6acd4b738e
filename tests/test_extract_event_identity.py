"""One real event, one node: later mentions join the event they refer to, with what they say.

The texts (tests/texts/events-*.txt, written by us with invented people) tell a meeting and
then refer back to it ("La rencontre", "cet entretien", "Les discussions", "Ils ont ..."),
report phone calls and video conferences, use words that look like triggers but name no
happening, and give statuses and dates that must not be taken at face value. The facts
checked are the ones a reader of the text sees: how many meetings there are, who took
part in THE meeting, when and where it was.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document
from extracting import extract_text

TEXTS = Path(__file__).parent / "texts"
GATHERINGS = {vocab_iri("event-type", s) for s in ("meeting", "negotiation", "consultation")}
OCCURRED = vocab_iri("event-status", "occurred")
PLANNED = {vocab_iri("event-status", "planned"), vocab_iri("event-status", "announced")}


def person(slug: str) -> str:
    return id_iri("person", slug)


@pytest.fixture(scope="module")
def extracted() -> dict[str, ExtractedDocument]:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    nlp = load_nlp()
    names = ("summit-mentions", "phone-calls", "not-events", "status-dates")
    return {name: extract(read_document(TEXTS / f"events-{name}.txt"), nlp) for name in names}


def gatherings(doc: ExtractedDocument) -> list[Event]:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def mentioned_at(doc: ExtractedDocument, event: Event, words: str) -> bool:
    """Some mention of the event (its trigger or a further mention) lies inside ``words`` of the text."""
    begin = doc.source.text.index(words)
    end = begin + len(words)
    return any(begin <= span.begin and span.end <= end for span in [event.trigger, *event.mentions])


def actors(event: Event) -> set[str]:
    return {p.actor for p in event.participants}


# ------------------------------------------------------------------ pattern 1: later mentions join

def test_a_meeting_told_four_times_is_one_occurred_meeting_and_the_next_one_another(extracted) -> None:
    doc = extracted["summit-mentions"]
    occurred = [e for e in gatherings(doc) if e.status == OCCURRED]
    planned = [e for e in gatherings(doc) if e.status in PLANNED]
    assert len(occurred) == 1, [e.trigger.text for e in occurred]
    assert len(planned) == 1, [e.trigger.text for e in planned]


def test_what_each_mention_says_lands_on_the_one_meeting(extracted) -> None:
    doc = extracted["summit-mentions"]
    (meeting,) = [e for e in gatherings(doc) if e.status == OCCURRED]
    assert meeting.trigger.text.startswith("reçu")  # the event keeps its first trigger
    assert {person("rui-calado"), person("aarne-koskinen")} <= actors(meeting)
    assert meeting.date is not None and meeting.date.iso == "2026-03-10"
    assert meeting.duration is not None and meeting.duration.iso == "PT3H"
    assert id_iri("place", "lisbonne") in meeting.places or any("lisbon" in p for p in meeting.places)
    for words in ("La rencontre a duré", "Lors de cet entretien", "Les discussions ont été"):
        assert mentioned_at(doc, meeting, words), words
    assert vocab_iri("issue", "energy") in meeting.topics


def test_pronoun_subject_continues_the_meeting(extracted) -> None:
    """"Ils ont également abordé ...": another mention of the meeting, not a new event."""
    doc = extracted["summit-mentions"]
    (meeting,) = [e for e in gatherings(doc) if e.status == OCCURRED]
    assert mentioned_at(doc, meeting, "Ils ont également abordé")


def test_the_planned_meeting_keeps_its_own_place_and_the_two_heads_of_state(extracted) -> None:
    doc = extracted["summit-mentions"]
    (planned,) = [e for e in gatherings(doc) if e.status in PLANNED]
    assert any("helsinki" in p for p in planned.places)
    assert not any("lisbon" in p for p in planned.places)
    assert {person("rui-calado"), person("aarne-koskinen")} <= actors(planned)


# ------------------------------------------------------------------ patterns 2 and 8: calls

def test_three_calls_three_events_each_with_its_two_participants(extracted) -> None:
    doc = extracted["phone-calls"]
    calls = sorted(gatherings(doc), key=lambda e: e.trigger.begin)
    assert len(calls) == 3, [e.trigger.text for e in calls]
    first, again, visio = calls
    assert actors(first) >= {person("karim-bensaid"), person("lucia-ferrer")}
    assert actors(again) >= {person("karim-bensaid"), person("lucia-ferrer")}
    assert actors(visio) >= {person("tobias-gruber"), person("nikos-pappas")}


def test_calls_have_their_own_dates_and_the_visio_its_duration(extracted) -> None:
    doc = extracted["phone-calls"]
    first, again, visio = sorted(gatherings(doc), key=lambda e: e.trigger.begin)
    assert first.date is not None and first.date.iso == "2026-02-05"
    assert again.date is not None and again.date.iso == "2026-02-07"
    assert visio.date is not None and visio.date.iso == "2026-02-06"
    assert visio.duration is not None and visio.duration.iso == "PT1H"
    assert mentioned_at(doc, first, "Au cours de cet échange, les deux ministres ont discuté")
    assert mentioned_at(doc, visio, "Lors de cette visioconférence")


def test_a_call_says_its_channel(extracted) -> None:
    """"s'est entretenu par téléphone", "se sont parlé au téléphone": by telephone (vocab/channel)."""
    first, again, _ = sorted(gatherings(extracted["phone-calls"]), key=lambda e: e.trigger.begin)
    assert first.channel == vocab_iri("channel", "telephone")
    assert again.channel == vocab_iri("channel", "telephone")
    in_person = [e for e in gatherings(extracted["summit-mentions"]) if e.channel is not None]
    assert in_person == []  # a summit whose text names no channel gets none


# ------------------------------------------------------------------ pattern 5: no invented events

def test_words_that_name_no_happening_are_no_events(extracted) -> None:
    doc = extracted["not-events"]
    triggers = {e.trigger.text.split()[0] for e in doc.events}
    for word in ("médiation", "dit", "dialogue", "négocié", "offre"):
        assert word not in triggers, word


def test_the_one_meeting_of_the_dispatch_has_both_men(extracted) -> None:
    doc = extracted["not-events"]
    (meeting,) = gatherings(doc)
    assert actors(meeting) >= {person("hamad-al-sayed"), person("erik-lunde")}
    assert meeting.date is not None and meeting.date.iso == "2026-05-18"


# ------------------------------------------------------------------ patterns 3 and 7: status, dates

def event_at(doc: ExtractedDocument, words: str) -> Event:
    begin = doc.source.text.index(words)
    end = begin + len(words)
    found = [e for e in doc.events
             if any(begin <= s.begin and s.end <= end for s in [e.trigger, *e.mentions])]
    assert len(found) == 1, (words, [e.trigger.text for e in found])
    return found[0]


def test_a_visit_with_an_unknown_date_is_planned_and_one_event(extracted) -> None:
    doc = extracted["status-dates"]
    visit = event_at(doc, "se rendra prochainement")
    assert visit.status in PLANNED
    assert event_at(doc, "la date de sa visite") is visit
    assert visit.date is None
    assert event_at(doc, "pourrait également se rendre").status in PLANNED


def test_hedged_past_statement_and_past_invasion_occurred(extracted) -> None:
    doc = extracted["status-dates"]
    assert event_at(doc, "a semblé reconnaître").status == OCCURRED
    invasion = event_at(doc, "L'invasion de la Crimée")
    assert invasion.status == OCCURRED
    assert invasion.date is not None and invasion.date.iso == "2014"


def test_a_deadline_is_not_the_date_of_the_event(extracted) -> None:
    doc = extracted["status-dates"]
    deal = event_at(doc, "conclure un accord")
    assert deal.date is None or not deal.date.iso.startswith("2026-03")
    appeal = event_at(doc, "Il a demandé")
    assert appeal.date is None or appeal.date.iso != "2014"


def test_a_date_in_parenthesis_belongs_to_the_summit_not_the_meeting(extracted) -> None:
    doc = extracted["status-dates"]
    meeting = event_at(doc, "se sont rencontrés mercredi")
    assert meeting.date is not None and meeting.date.iso == "2026-01-14"
    assert [p for p in meeting.places if "lima" in p] == []
    summit = event_at(doc, "le sommet de Lima")
    assert event_at(doc, "Le sommet du 30 mai") is summit
    assert event_at(doc, "réunira") is summit
    assert summit.status in PLANNED
    assert summit.date is not None and summit.date.iso == "2026-05-30"


# ------------------------------------------------------------------ pattern 8: headline

def test_a_call_named_in_the_heading_is_the_call_the_section_tells() -> None:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "events-heading.txt"), load_nlp())
    (call,) = gatherings(doc)
    assert mentioned_at(doc, call, "Entretien téléphonique avec le Premier ministre")
    assert mentioned_at(doc, call, "s'est entretenue ce jour par téléphone")
    assert actors(call) >= {person("freja-holm"), person("gunnar-eiriksson")}
    assert call.date is not None and call.date.iso == "2026-04-03"


# ------------------------------------------------------------------ other occasions stay apart

def test_other_occasions_stay_apart_and_a_new_call_takes_no_neighbouring_date() -> None:
    """An earlier talk of the same two people ("avait déjà eu lieu en mai à Vienne") is another
    meeting; a call between other people in a later paragraph does not take the day told for
    the meeting before it, and "Cet échange a duré une heure" gives the call its duration."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "events-other-occasions.txt"), load_nlp())
    talks = sorted(gatherings(doc), key=lambda e: e.trigger.begin)
    assert len(talks) == 4, [e.trigger.text for e in talks]
    received, earlier, riga, call = talks
    assert received.date is not None and received.date.iso == "2026-06-08"
    assert earlier.date is not None and earlier.date.iso == "2026-05"
    assert any("vienn" in p for p in earlier.places) and not any("vienn" in p for p in received.places)
    assert actors(riga) >= {person("mart-kask"), person("ilze-berzina")}
    assert mentioned_at(doc, riga, "Ils ont également évoqué")
    assert actors(call) >= {person("adam-zielinski"), person("darius-petrauskas")}
    assert call.date is None
    assert call.duration is not None and call.duration.iso == "PT1H"
    assert mentioned_at(doc, call, "Cet échange a duré")


def test_du_sommet_refers_back_and_a_hosted_summit_is_one_planned_meeting() -> None:
    """"Lors du sommet", "En marge du sommet": the contracted article "du" is definite, so the
    noun refers back to the summit just told; "qui accueillera le prochain sommet": hosting a
    summit is the summit, one planned meeting with its host, not two."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "events-contracted-articles.txt"), load_nlp())
    talks = sorted(gatherings(doc), key=lambda e: e.trigger.begin)
    assert len(talks) == 3, [(e.trigger.text, e.status) for e in talks]
    summit, aside, following = talks
    assert summit.status == OCCURRED and summit.date is not None and summit.date.iso == "2026-09-17"
    assert mentioned_at(doc, summit, "Lors du sommet")
    assert mentioned_at(doc, summit, "En marge du sommet")
    # "Lors du sommet, ... une déclaration", "En marge des travaux": what happens there happens that day
    # (the declaration the leaders adopt is their agreement, told at "adopté", since round F)
    adopted = next(e for e in doc.events if e.trigger.text in ("déclaration", "adopté"))
    assert adopted.date is not None and adopted.date.iso == "2026-09-17"
    assert aside.status == OCCURRED and person("didier-habyaremye") in actors(aside)
    assert aside.date is not None and aside.date.iso == "2026-09-17"
    assert following.status in PLANNED
    assert mentioned_at(doc, following, "accueillera le prochain sommet")
    assert any("dodoma" in p for p in following.places)


def test_the_host_of_the_meeting_welcoming_his_peers_is_that_meeting() -> None:
    """"X, hôte de la réunion, a accueilli ses homologues": the subject is named as the host of
    the meeting just told, so the welcome is that meeting, with its people, not a second one."""
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract

    doc = extract(read_document(TEXTS / "events-host-apposition.txt"), load_nlp())
    (summit,) = gatherings(doc)
    assert summit.date is not None and summit.date.iso == "2026-08-13"
    assert mentioned_at(doc, summit, "a accueilli ses homologues")
    assert actors(summit) >= {person("julian-castaneda"), person("mateo-quispe"), person("andres-villca")}


def test_a_later_mention_of_a_call_joins_the_call_not_a_visit_told_in_between() -> None:
    """"cet entretien téléphonique" skips the visit someone hosted and finds the phone call."""
    text = ("Le président français s'est entretenu mardi par téléphone avec son homologue brésilien, "
            "Luiz Inácio Lula da Silva.\n\n"
            "Emmanuel Macron avait reçu le chancelier allemand à l'Élysée la semaine précédente. "
            "Lors de cet entretien téléphonique, les deux présidents ont aussi parlé du climat.")
    doc = extract_text(text, "call-and-visit", datetime.date(2026, 3, 12))
    call = next(e for e in gatherings(doc) if person("luiz-inacio-lula-da-silva") in actors(e))
    visit = next(e for e in gatherings(doc) if e.host == person("emmanuel-macron"))
    assert call is not visit
    assert mentioned_at(doc, call, "cet entretien téléphonique")
    assert not mentioned_at(doc, visit, "cet entretien téléphonique")
    assert call.channel == vocab_iri("channel", "telephone") and visit.channel is None


def test_a_demonstrative_refers_back_even_with_an_ordinal() -> None:
    """"ce premier échange téléphonique" is the call just told, not a new one ("premier" alone would start one)."""
    text = ("Marie Durand et Paul Martin se sont entretenus vendredi. Lors de ce premier échange téléphonique, "
            "d'une demi-heure environ, les deux dirigeants ont surtout parlé de sécurité.")
    doc = extract_text(text, "first-call", datetime.date(2026, 3, 13))
    calls = gatherings(doc)
    assert len(calls) == 1, [e.trigger.text for e in calls]
    assert mentioned_at(doc, calls[0], "ce premier échange téléphonique")
    assert calls[0].channel == vocab_iri("channel", "telephone")


def test_a_readout_that_tells_its_call_twice_has_one_call_with_the_people_of_the_clause() -> None:
    """The lead and the body restate one call: one event; "Lors d'un entretien ..., X et Y ont
    échangé" makes X and Y its participants; "la situation au Soudan" is a topic, not its place."""
    text = ("La ministre des Affaires étrangères Marie Durand et son homologue Paul Martin ont abordé la "
            "situation au Soudan mardi 3 mars lors d'un entretien téléphonique.\n\n"
            "Lors d'un entretien téléphonique qui s'est tenu le mardi 3 mars à la demande de la partie "
            "française, Marie Durand et Paul Martin ont échangé sur la situation au Soudan et au Tchad.")
    doc = extract_text(text, "restated-call", datetime.date(2026, 3, 4))
    calls = gatherings(doc)
    assert len(calls) == 1, [e.trigger.text for e in calls]
    call = calls[0]
    assert actors(call) >= {person("marie-durand"), person("paul-martin")}
    assert call.date is not None and call.date.iso == "2026-03-03"
    assert call.channel == vocab_iri("channel", "telephone")
    assert call.places == []
    assert mentioned_at(doc, call, "Lors d'un entretien téléphonique qui s'est tenu")


def test_two_calls_of_one_day_with_other_people_stay_two() -> None:
    text = ("Marie Durand s'est entretenue mardi 3 mars par téléphone avec Paul Martin. "
            "Mardi 3 mars, lors d'un entretien téléphonique, Marie Durand et Lucie Bernard ont évoqué l'énergie.")
    doc = extract_text(text, "two-calls", datetime.date(2026, 3, 4))
    calls = sorted(gatherings(doc), key=lambda e: e.trigger.begin)
    assert len(calls) == 2, [e.trigger.text for e in calls]
    assert person("paul-martin") in actors(calls[0]) and person("lucie-bernard") in actors(calls[1])


def test_a_town_the_gazetteer_does_not_know_may_lie_in_the_country_of_the_visit() -> None:
    """"se rendra en France ... Cette rencontre aura lieu à Saint-Nazaire": one planned meeting."""
    text = ("Le Premier ministre Paul Martin se rendra lundi en France pour rencontrer Marie Durand. "
            "Cette rencontre aura lieu à Saint-Nazaire, sur l’estuaire.")
    doc = extract_text(text, "town-in-country", datetime.date(2026, 3, 4))
    meetings = gatherings(doc)
    assert len(meetings) == 1, [e.trigger.text for e in meetings]
    assert mentioned_at(doc, meetings[0], "Cette rencontre")


def test_places_of_what_was_discussed_are_not_where_the_summit_was() -> None:
    text = ("Marie Durand s'est rendue jeudi à Lisbonne pour participer au sommet de l'Union européenne. "
            "Le sommet a également permis des échanges sur les crises et les tensions, comme en Ukraine et en Arménie.")
    doc = extract_text(text, "summit-topics", datetime.date(2026, 3, 6))
    places = {p.rsplit("/", 1)[-1] for e in gatherings(doc) for p in e.places}
    assert places == {"lisbon"}, places  # not "en Ukraine et en Arménie": what was talked about
    assert any(mentioned_at(doc, e, "Le sommet a également") for e in gatherings(doc))
