"""When and where in real-style news: months without a year, relative periods, states as places.

Facts come from reading tests/texts/real-style-*.txt (invented people, real states): a month
without a year said in the future after the publication month is next year's, one said in the
past before it is this year's (or last year's when it comes after the publication month); a
text that has just given a year keeps telling it; a week has no date value; a state named as a
location is the event's place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import DateValue, ExtractedDocument
from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"


def _times(name: str) -> dict[str, DateValue]:
    """Every date the dates stage finds in a text, by its words."""
    from diplograph.analyse import analyse, load_nlp
    from diplograph.extract.context import Context
    from diplograph.extract.dates import find_times
    from diplograph.lexicon import load_lexicon

    source = read_document(TEXTS / name)
    ctx = Context(source=source, doc=analyse(source, load_nlp()), lex=load_lexicon())
    find_times(ctx)
    return {t.value.evidence.text: t.value for t in ctx.times if isinstance(t.value, DateValue)}


@pytest.fixture(scope="module")
def tour() -> dict[str, DateValue]:
    return _times("real-style-tour-announcement.txt")  # published Wednesday 16 September 2026


def _one(times: dict[str, DateValue], words: str) -> DateValue:
    found = [v for text, v in times.items() if words in text]
    assert len(found) == 1, (words, sorted(times))
    return found[0]


def test_a_month_said_in_the_future_before_the_publication_month_is_next_year(tour) -> None:
    assert _one(tour, "en mars").iso == "2027-03"  # "le sommet du Mercosur, qui se tiendra en mars"
    assert _one(tour, "en février").iso == "2027-02"  # "une commission mixte ... se réunira en février"


def test_a_month_said_in_the_past_stays_in_the_publication_year(tour) -> None:
    july = _one(tour, "en juillet")  # "reçu en juillet", published in September
    assert july.iso == "2026-07" and july.precision == "month"


def test_relative_weekday_and_month(tour) -> None:
    assert _one(tour, "lundi prochain").iso == "2026-09-21"
    last_month = _one(tour, "le mois dernier")
    assert last_month.iso == "2026-08" and last_month.precision == "month"


def test_a_week_gets_no_date_value(tour) -> None:
    # "la semaine prochaine" is neither a day, a month nor a year: no value rather than a wrong one
    assert not [text for text in tour if "semaine" in text]


def test_past_month_after_the_publication_month_is_last_year_and_future_one_next() -> None:
    times = _times("real-style-bilateral-summit.txt")  # published 21 January 2026
    assert _one(times, "en novembre").iso == "2025-11"  # "s'étaient brièvement rencontrés en novembre"
    assert _one(times, "en décembre").iso == "2026-12"  # "se retrouveront en décembre"


def test_an_expected_visit_is_not_read_as_past() -> None:
    # "Mme Rusu est par ailleurs attendue le 3 mars", published 17 February 2026: a passive present
    assert _one(_times("real-style-videoconference.txt"), "3 mars").iso == "2026-03-03"


def test_a_text_that_gave_the_year_keeps_telling_it() -> None:
    # an encyclopedia article published in 2024 on a conference "du 14 au 16 octobre 2019"
    times = _times("real-style-encyclopedia-delegations.txt")
    assert times["16 octobre"].iso == "2019-10-16"  # "Le 16 octobre, X et Y ont signé l'accord"
    assert times["14 octobre"].iso == "2019-10-14"


@pytest.fixture(scope="module")
def tour_doc() -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / "real-style-tour-announcement.txt"))


def test_the_planned_summit_is_dated_next_year(tour_doc) -> None:
    summit = next(e for e in tour_doc.events if e.trigger.text == "sommet")
    assert summit.date is not None and summit.date.iso == "2027-03"


# ------------------------------------------------------------------------------------- places


def test_a_state_named_as_a_location_is_the_place_of_the_visit_and_still_a_state(tour_doc) -> None:
    from diplograph.namespaces import id_iri

    visit = next(e for e in tour_doc.events if e.trigger.text == "rendra")  # "se rendra lundi prochain au Sénégal"
    # the territory, or the city in it the text names too ("à Dakar": the most specific place stays)
    from diplograph.lexicon import load_lexicon

    lex = load_lexicon()
    assert any(p == id_iri("place", "senegal") or id_iri("place", "senegal") in lex.actors[p].within
               for p in visit.places if p in lex.actors), visit.places
    visit_of_ba = next(e for e in tour_doc.events if e.trigger.text == "visite")  # "la visite en Argentine"
    assert id_iri("place", "argentina") in visit_of_ba.places
    senegal = tour_doc.entities[id_iri("state", "senegal")]
    assert senegal.kind == "state" and "Sénégal" in [m.text for m in senegal.mentions]
    # the same words denote the territory (grounded, as every node) and the state
    territory = tour_doc.entities[id_iri("place", "senegal")]
    assert territory.kind == "place" and set(territory.mentions) <= set(senegal.mentions)


def test_a_country_after_a_with_an_article_is_not_a_location() -> None:
    from diplograph.extract import extract
    from diplograph.namespaces import id_iri

    # "discuter du financement de l'aide militaire à l'Ukraine": the state helped, not where
    doc = extract(read_document(TEXTS / "heldout-liveblog.txt"))
    assert not [e for e in doc.events if id_iri("place", "ukraine") in e.places]


def test_a_city_in_apposition_to_its_state_is_the_only_place() -> None:
    from diplograph.extract import extract
    from diplograph.namespaces import id_iri

    doc = extract(read_document(TEXTS / "real-style-agency-visit.txt"))
    niamey = next(e for e in doc.events if "niamey" in " ".join(e.places))  # "se rendre à Niamey, au Niger"
    assert id_iri("place", "niger") not in niamey.places


def test_every_state_has_a_territory_that_stands_for_it() -> None:
    from diplograph.lexicon import load_lexicon

    lex = load_lexicon()
    states = [a for a in lex.actors.values() if a.kind == "state" and a.iri.endswith(("/senegal", "/russia"))]
    assert len(states) == 2
    for state in states:
        territory = lex.place_twin(state)
        assert territory is not None and territory.kind == "place" and territory.label == state.label
        assert lex.territory_state(territory.iri) is state
        assert territory.iri not in {i for owners in lex.names.values() for i in owners}  # reached via its state
    moscow = next(a for a in lex.actors.values() if a.label == "Moscou" and a.kind == "place")
    assert lex.place_twin(lex.actors[moscow.stands_for]).iri in moscow.within


def test_alors_dates_a_fact_at_the_time_of_the_event_just_told(tour_doc) -> None:
    # "la visite en Argentine du Premier ministre ..., reçu en juillet ... Les deux gouvernements
    # avaient alors signé un accord": the agreement is of July too
    agreement = next(e for e in tour_doc.events if e.trigger.text == "signé")
    assert agreement.date is not None and agreement.date.iso == "2026-07"


def test_a_talk_held_by_video_is_the_event_and_dates_what_is_said_there() -> None:
    from diplograph.extract import extract

    # "ont fait le point ce mardi par visioconférence ... Lors de cette visioconférence, Mme Rusu a
    # présenté ...", published Tuesday 17 February 2026; the phone call "hier" is another event
    doc = extract(read_document(TEXTS / "real-style-videoconference.txt"))
    visio = next(e for e in doc.events if e.trigger.text == "visioconférence")
    assert visio.date is not None and visio.date.iso == "2026-02-17"
    assert "visioconférence" in [m.text for m in visio.mentions]  # "Lors de cette visioconférence"
    presented = next(e for e in doc.events if e.trigger.text == "présenté")
    assert presented.date is not None and presented.date.iso == "2026-02-17"
    call = next(e for e in doc.events if e.trigger.text.startswith("parlé"))
    assert call is not visio and call.date is not None and call.date.iso == "2026-02-16"


def test_an_announcement_is_dated_when_made_not_when_what_it_announces_happens() -> None:
    from diplograph.extract import extract

    # published Thursday 4 June 2026: "Son homologue roumaine a annoncé la tenue à Chisinau, en
    # septembre, d'une conférence"; "reçus à l'Élysée par le Président de la République, qui a
    # réaffirmé ...": the relative clause in the perfect is told on the day of the reception
    doc = extract(read_document(TEXTS / "real-style-trilateral-paris.txt"))
    announced = next(e for e in doc.events if e.trigger.text == "annoncé")
    assert announced.date is not None and announced.date.iso == "2026-06-04"
    reaffirmed = next(e for e in doc.events if e.trigger.text == "réaffirmé")
    assert reaffirmed.date is not None and reaffirmed.date.iso == "2026-06-04"


def test_an_earlier_meeting_told_by_a_pronominal_pluperfect_is_kept_with_its_month_and_country() -> None:
    from diplograph.extract import extract
    from diplograph.namespaces import id_iri

    # published 21 January 2026: "Les deux dirigeants s'étaient brièvement rencontrés en novembre en
    # Corée du Sud" (the parser reads the pronominal pluperfect as a passive)
    doc = extract(read_document(TEXTS / "real-style-bilateral-summit.txt"))
    met = next(e for e in doc.events if e.trigger.text == "rencontrés")
    assert met.date is not None and met.date.iso == "2025-11"
    assert met.places == [id_iri("place", "south-korea")]


def test_where_a_relative_clause_with_ou_happens_and_an_event_on_the_margins_of_a_summit() -> None:
    from diplograph.extract import extract
    from diplograph.namespaces import id_iri

    # "la situation au Soudan, où les combats se poursuivent"
    readout = extract(read_document(TEXTS / "real-style-phone-readout.txt"))
    fighting = next(e for e in readout.events if e.trigger.text == "combats")
    assert fighting.places == [id_iri("place", "sudan")]
    # "se sont réunis dimanche à Abuja ... En marge des travaux, M. Asante s'est entretenu en
    # tête-à-tête avec M. Yao": the bilateral took place where the summit did
    summit = extract(read_document(TEXTS / "real-style-africa-summit.txt"))
    bilateral = next(e for e in summit.events if e.trigger.text.startswith("entretenu"))
    abuja = next(e for e in summit.events if e.trigger.text == "réunis").places
    assert abuja and bilateral.places == abuja
