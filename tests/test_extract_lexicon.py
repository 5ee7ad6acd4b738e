"""Names, titles, linking and relative dates in the styles of real published news.

Facts come from reading tests/texts/lexicon-*.txt (invented people; real states that the
hand-written gazetteer does not list, and an invented one, Norlande): a title before a name
with an upper-case surname, honorifics ("M.", "Mme", "S.E.M."), a name that only starts like a
gazetteer name, "République de X", hotels after "au"/"à l'hôtel", the Swiss federal councillor,
weekdays before and after the publication date, deadlines, relative words without a publication
date, and a delegation list under a heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"


def role(slug: str) -> str:
    return vocab_iri("role", slug)


def state(slug: str) -> str:
    return id_iri("state", slug)


def person(slug: str) -> str:
    return id_iri("person", slug)


def _extract(name: str) -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / name))


@pytest.fixture(scope="module")
def titles() -> ExtractedDocument:
    return _extract("lexicon-titles-linking.txt")


@pytest.fixture(scope="module")
def dates() -> ExtractedDocument:
    return _extract("lexicon-relative-dates.txt")


def roles_of(doc: ExtractedDocument, iri: str) -> set[tuple[str, str | None]]:
    return {(r.role, r.organisation) for r in doc.entities[iri].roles}


def test_title_apposition_and_upper_case_surname_give_the_person_with_role_and_state(titles) -> None:
    ostberg = titles.entities[person("jan-ostberg")]
    assert ostberg.kind == "person" and ostberg.label == "Jan Ostberg"
    assert "Jan OSTBERG" in [m.text for m in ostberg.mentions]  # grounded on the exact characters
    assert (role("president"), state("norlande")) in roles_of(titles, ostberg.iri)
    norlande = titles.entities[state("norlande")]
    assert norlande.kind == "state"
    assert not [iri for iri in titles.entities if "president-de-la-republique" in iri]


def test_excellency_honorific_is_not_part_of_the_name(titles) -> None:
    diallo = titles.entities[person("ibrahim-diallo")]
    assert diallo.label == "Ibrahim Diallo" and [m.text for m in diallo.mentions] == ["Ibrahim DIALLO"]
    assert (role("foreign-minister"), state("mali")) in roles_of(titles, diallo.iri)
    assert titles.entities[state("mali")].kind == "state"
    assert not [iri for iri in titles.entities if "s-e-m" in iri]


def test_participants_of_the_meeting_have_their_sides(titles) -> None:
    meeting = next(e for e in titles.events if e.trigger.text == "entretenus")
    sides = {p.actor: p.side for p in meeting.participants}
    assert sides.get(person("jan-ostberg")) == state("norlande")
    assert sides.get(person("ibrahim-diallo")) == state("mali")


def test_a_longer_name_is_not_linked_by_its_first_words(titles) -> None:
    # "la présidence de la République de Norlande" is not the French presidency,
    # "l'Union Africaine" is not the European Union
    assert id_iri("org", "elysee") not in titles.entities
    assert id_iri("org", "eu") not in titles.entities
    au = titles.entities[id_iri("org", "african-union")]
    assert "Union Africaine" in [m.text for m in au.mentions]
    assert (role("special-envoy"), au.iri) in roles_of(titles, person("kofi-mensah-adjei"))
    assert titles.entities[person("kofi-mensah-adjei")].label == "Kofi Mensah-Adjei"


def test_hotels_are_places(titles) -> None:
    assert titles.entities[id_iri("place", "dakar")].kind == "place"  # "à Dakar", tagged as a common noun
    kinds = {e.label: e.kind for e in titles.entities.values()}
    assert kinds.get("Grand Hôtel Teranga") == "place"
    assert kinds.get("hôtel Lagune") == "place"
    meeting = next(e for e in titles.events if e.trigger.text == "rencontré")
    assert id_iri("place", "hotel-lagune") in meeting.places


def test_swiss_federal_councillor_is_a_minister_not_an_adviser(titles) -> None:
    keller = roles_of(titles, person("marc-keller"))
    assert (role("minister"), state("switzerland")) in keller
    assert not any(r == role("adviser") for r, _ in keller)


def test_counterpart_of_a_new_state(titles) -> None:
    assert (role("foreign-minister"), state("cote-d-ivoire")) in roles_of(titles, person("awa-ndiaye"))
    assert (role("foreign-minister"), state("zimbabwe")) in roles_of(titles, person("tendai-moyo"))


# ------------------------------------------------------------------------------------------ dates


def _date_of(doc: ExtractedDocument, trigger: str):
    event = next(e for e in doc.events if e.trigger.text.startswith(trigger))
    return event.date


def test_weekday_in_the_future_tense_is_the_next_one(dates) -> None:
    # published Thursday 12 March 2026: "se rendra lundi" is Monday 16 March
    assert _date_of(dates, "rendra").iso == "2026-03-16"
    # "avait reçu mercredi": the Wednesday before
    assert _date_of(dates, "reçu").iso == "2026-03-11"


def _times(name: str) -> dict:
    """Every date the dates stage finds in a text, by its words."""
    from diplograph.analyse import analyse, load_nlp
    from diplograph.extract.context import Context
    from diplograph.extract.dates import find_times
    from diplograph.lexicon import load_lexicon

    source = read_document(TEXTS / name)
    ctx = Context(source=source, doc=analyse(source, load_nlp()), lex=load_lexicon())
    find_times(ctx)
    return {t.value.evidence.text: t.value for t in ctx.times}


def test_this_afternoon_yesterday_tomorrow(dates) -> None:
    assert _date_of(dates, "entretenu").iso == "2026-03-12"  # "Cet après-midi"
    by_text = _times("lexicon-relative-dates.txt")
    assert by_text["Cet après-midi"].iso == "2026-03-12"
    assert by_text["Hier"].iso == "2026-03-11"
    assert by_text["Demain"].iso == "2026-03-13"


def test_deadlines_are_marked_as_deadlines() -> None:
    by_text = _times("lexicon-relative-dates.txt")
    deadline = next(v for text, v in by_text.items() if "fin avril" in text)
    assert deadline.iso == "2026-04" and deadline.deadline
    latest = next(v for text, v in by_text.items() if "20 mars" in text)
    assert latest.iso == "2026-03-20" and latest.deadline
    assert not by_text["Hier"].deadline and not by_text["mercredi"].deadline


def test_relative_words_without_a_publication_date_give_no_date() -> None:
    assert _times("lexicon-undated-relative.txt") == {}
    doc = _extract("lexicon-undated-relative.txt")
    assert all(e.date is None for e in doc.events)


# ---------------------------------------------------------------------------------------- roles


def test_roles_in_real_prose(dates) -> None:
    assert (role("ambassador"), state("mali")) in roles_of(dates, person("oumar-traore"))
    assert any(r in (role("minister-delegate"), role("minister")) for r, _ in roles_of(dates, person("paul-sarr")))
    assert (role("foreign-minister"), state("senegal")) in roles_of(dates, person("cheikh-faye"))
# --------------------------------------------------------------------------------- delegation list


def test_people_listed_under_a_delegation_heading_get_role_and_side() -> None:
    doc = _extract("lexicon-delegation-list.md")
    assert (role("foreign-minister"), state("chad")) in roles_of(doc, person("ana-varga"))
    assert (role("defence-minister"), state("chad")) in roles_of(doc, person("idriss-mahamat"))
    assert (role("ambassador"), state("chad")) in roles_of(doc, person("fatime-abakar"))
    # the listed people took part in the gathering the text reports, on the side of their state
    summit = next(e for e in doc.events if person("ana-varga") in {p.actor for p in e.participants})
    assert summit.event_type == vocab_iri("event-type", "meeting")
    sides = {p.actor: p.side for p in summit.participants}
    assert sides[person("ana-varga")] == sides[person("idriss-mahamat")] == state("chad")


def test_numeric_dates_and_periods_relative_to_publication() -> None:
    by_text = _times("lexicon-periods.txt")
    assert by_text["03/02/2026"].iso == "2026-02-03"  # day first, as French writes it
    assert by_text["le mois dernier"].iso == "2026-02" and by_text["le mois dernier"].precision == "month"
    assert by_text["le mois prochain"].iso == "2026-04"
    assert by_text["L'an dernier"].iso == "2025" and by_text["cette année"].iso == "2026"
    doc = _extract("lexicon-periods.txt")
    assert doc.entities[id_iri("place", "cotonou")].kind == "place"


def _sides(name: str) -> dict[str, str]:
    """Person -> side after the entity and role stages (what event participants take)."""
    from diplograph.analyse import analyse, load_nlp
    from diplograph.extract.context import Context
    from diplograph.extract.entities import find_entities
    from diplograph.extract.patterns import vocabulary_matcher
    from diplograph.extract.roles import find_roles
    from diplograph.lexicon import load_lexicon

    source = read_document(TEXTS / name)
    nlp, lex = load_nlp(), load_lexicon()
    ctx = Context(source=source, doc=analyse(source, nlp), lex=lex, vocab=vocabulary_matcher(nlp, lex))
    ctx.hits = ctx.vocab(ctx.doc)
    find_entities(ctx)
    find_roles(ctx)
    return dict(ctx.sides)


def test_participant_list_layouts_give_sides_and_roles() -> None:
    sides = _sides("lexicon-participant-lists.txt")
    assert sides[person("rodrigue-adjovi")] == state("benin")  # "Le Bénin est représenté par"
    assert sides[person("kwame-asante")] == state("ghana")  # "Le Ghana a dépêché"
    assert sides[person("moussa-adamou")] == state("niger")  # "le Nigérien Moussa Adamou"
    assert sides[person("salif-kabore")] == state("burkina-faso")  # "Salif Kaboré (Burkina Faso)"
    assert sides[person("koffi-agbeko")] == state("togo")  # a line "Togo", then "Président Koffi Agbeko"
    doc = _extract("lexicon-participant-lists.txt")
    assert (role("president"), state("togo")) in roles_of(doc, person("koffi-agbeko"))
    assert (role("prime-minister"), state("gabon")) in roles_of(doc, person("lea-ndong"))
    assert (role("foreign-minister"), state("benin")) in roles_of(doc, person("rodrigue-adjovi"))
    assert "Togo" in [m.text for m in doc.entities[state("togo")].mentions]


def test_a_day_alone_after_a_deadline_word_is_a_deadline_in_the_coming_month() -> None:
    by_text = _times("lexicon-deadlines.txt")  # published Thursday 12 March 2026
    assert by_text["15"].iso == "2026-03-15" and by_text["15"].deadline
    assert by_text["2"].iso == "2026-04-02" and by_text["2"].deadline  # the 2nd has passed: next month
    assert by_text["Ce jeudi"].iso == "2026-03-12"  # "ce jeudi" on a Thursday is that day, even in the future


def test_a_role_in_an_organ_of_a_named_organisation_is_held_for_that_organisation() -> None:
    doc = _extract("lexicon-organs.txt")
    assert (role("president"), id_iri("org", "african-union")) in roles_of(doc, person("moussa-diop"))
    assert (role("foreign-minister"), state("cote-d-ivoire")) in roles_of(doc, person("karim-toure"))
