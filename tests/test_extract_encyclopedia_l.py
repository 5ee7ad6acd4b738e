"""Encyclopedia prose on summits, conferences, peace talks and state visits (issue 12, encyclopedia
real-prose round L).

Short texts written here in the ways encyclopedia articles are built: dates written once for a whole
range ("du 3 mars au 9 avril 2004"), gatherings named by the city that held them ("la conférence de
Genève"), participants given in a list after a copula or a colon, articles written decades after what
they tell.
"""

from __future__ import annotations

import datetime

from extracting import event_at, event_kind, extract_text, participant_slugs


def test_the_first_end_of_a_range_takes_the_year_written_at_its_other_end() -> None:
    """"Du 3 mars au 9 avril 2004, ..., se tinrent des pourparlers": the year is written once, after the
    second end; the first end is in that year, not in the last March before the article was written."""
    doc = extract_text("Du 3 mars au 9 avril 2004, à Lausanne, se tinrent des pourparlers destinés à régler le "
                       "différend frontalier entre le Tchad et le Soudan.\n", "enc-l-range",
                       datetime.date(2011, 5, 2))
    talks = event_at(doc, "pourparlers")
    assert talks.date is not None and talks.date.iso == "2004-03-03", talks.date


def test_a_range_over_new_year_puts_its_first_end_in_the_year_before() -> None:
    """"du 28 décembre au 4 janvier 1999": the December before the written January."""
    doc = extract_text("Les négociations de Rambouillet eurent lieu du 28 décembre au 4 janvier 1999 entre "
                       "les délégations serbe et albanaise.\n", "enc-l-range-new-year", datetime.date(2008, 3, 1))
    talks = event_at(doc, "négociations")
    assert talks.date is not None and talks.date.iso == "1998-12-28", talks.date


def test_a_conference_named_by_the_city_that_held_it_is_a_gathering() -> None:
    """"La conférence de Genève s'ouvrit le 12 mai 1998": a conference named by its city (as Yalta,
    Potsdam or Téhéran name theirs) is a diplomatic gathering, as "sommet" is without a qualifier; so is
    an earlier one named the same way in the next sentence."""
    doc = extract_text("La conférence de Genève s'ouvrit le 12 mai 1998 au palais des Nations. Elle fut précédée "
                       "de la conférence de Londres en novembre 1997.\n", "enc-l-venue-conference",
                       datetime.date(2016, 3, 1))
    geneva = event_at(doc, "conférence de Genève")
    assert event_kind(geneva) == "meeting", event_kind(geneva)
    assert geneva.date is not None and geneva.date.iso == "1998-05-12", geneva.date
    london = event_at(doc, "conférence de Londres")
    assert london.date is not None and london.date.iso == "1997-11", london.date


def test_a_lecture_given_by_someone_is_no_gathering() -> None:
    """"une conférence de Jean Ardouin à la Sorbonne": a lecture by a person, not a diplomatic
    conference (guard: only a place after "de" names a gathering)."""
    doc = extract_text("Le 4 mai 2001, la ministre assista à une conférence de Jean Ardouin à la Sorbonne.\n",
                       "enc-l-lecture", datetime.date(2016, 3, 1))
    assert not any(e.trigger.text.startswith("conférence") for e in doc.events), \
        [e.trigger.text for e in doc.events]


def test_the_participants_named_after_a_copula_took_part() -> None:
    """"Les principaux participants étaient les présidents tchadien (X) et soudanais (Y)": an article says
    who attended the talks it told in the sentence before by naming them after "participants" and a
    copula; the parenthesised names are the presidents'."""
    doc = extract_text("Du 3 mars au 9 avril 2004, à Lausanne, se tinrent des pourparlers sur le différend "
                       "frontalier. Les principaux participants étaient les présidents tchadien (Idriss Déby) et "
                       "soudanais (Omar el-Béchir).\n", "enc-l-participants-copula", datetime.date(2011, 5, 2))
    talks = event_at(doc, "pourparlers")
    assert {"idriss-deby", "omar-el-bechir"} <= participant_slugs(talks), participant_slugs(talks)


def test_the_people_listed_after_y_participer_and_a_colon_took_part() -> None:
    """"Trois ministres y participent : A pour la France, B pour le Royaume-Uni et C pour les États-Unis":
    the subject only counts them; the list after the colon names them."""
    doc = extract_text("La conférence de Genève s'ouvrit le 12 mai 1998. Trois ministres des Affaires étrangères "
                       "y participent : Hubert Védrine pour la France, Robin Cook pour le Royaume-Uni et Madeleine "
                       "Albright pour les États-Unis.\n", "enc-l-participants-colon", datetime.date(2016, 3, 1))
    geneva = event_at(doc, "conférence de Genève")
    assert {"hubert-vedrine", "robin-cook", "madeleine-albright"} <= participant_slugs(geneva), \
        participant_slugs(geneva)


def test_a_list_after_a_colon_goes_to_no_gathering_told_further_back() -> None:
    """Guard: "La première ... rassembla dix-huit nations. La seconde, ..., traça les frontières. Quatre
    ministres y participèrent : A, B ...": the ministers sat at the second conference, which no trigger
    names; they are not given to the first, told two sentences back."""
    doc = extract_text("La première conférence, du 9 novembre au 21 décembre 1945, rassemble dix-huit nations. "
                       "La seconde, du 25 avril au 12 juillet 1946, vise à tracer les frontières. Quatre "
                       "ministres y participent : Georges Bidault pour la France et Ernest Bevin pour la "
                       "Grande-Bretagne.\n", "enc-l-participants-far", datetime.date(2025, 1, 1))
    assert not any("georges-bidault" in participant_slugs(e) for e in doc.events), \
        [(e.trigger.text, participant_slugs(e)) for e in doc.events]


def _titled(title: str, body: str, slug: str, published: str):
    return extract_text(f"---\ntitle: \"{title}\"\npublished: {published}\n---\n{body}\n", slug)


def test_a_day_written_without_its_year_takes_the_year_of_the_title() -> None:
    """An article titled "Visite de X en Union soviétique (14 juillet 1990)" tells "Le 14 juillet, X
    atterrit à Moscou, où il rencontre Y" without the year: the title's, not the last 14 July before the
    article was written."""
    doc = _titled("Visite de Helmut Kohl en Union soviétique (14 juillet 1990)",
                  "Le 14 juillet, Helmut Kohl atterrit à Moscou, où il rencontre Mikhaïl Gorbatchev au Kremlin.",
                  "enc-l-title-year", "2019-05-01")
    meeting = event_at(doc, "rencontre")
    assert meeting.date is not None and meeting.date.iso == "1990-07-14", meeting.date


def test_a_chronology_entry_dates_its_bare_days_by_its_title() -> None:
    """A chronology entry titled "3-5 mars 1991. Sommet de Lisbonne" tells its days as "Le 3, ...",
    "Le 4, ...": the month and year are the title's."""
    doc = _titled("3-5 mars 1991. Sommet de Lisbonne",
                  "Le 3, à Lisbonne, les présidents Mário Soares et François Mitterrand se rencontrent. Le 4, "
                  "les deux présidents tiennent une conférence de presse commune.",
                  "enc-l-title-chronology", "2020-01-01")
    press = event_at(doc, "conférence de presse")
    assert press.date is not None and press.date.iso == "1991-03-04", press.date


def test_the_warsaw_pact_is_an_alliance_not_poland() -> None:
    """"les dirigeants du pacte de Varsovie se réunissent à Sofia": the alliance of the Cold War is named
    after a city; read as the city, it made Poland (the city's state) the gathering's agent."""
    doc = extract_text("Le 22 octobre 1985, les dirigeants du pacte de Varsovie se réunirent à Sofia pour "
                       "préparer le sommet de Genève.\n", "enc-l-warsaw-pact", datetime.date(2020, 1, 1))
    meeting = event_at(doc, "réunirent")
    actors = participant_slugs(meeting) | {a.rsplit("/", 1)[-1] for a in meeting.agents}
    assert "poland" not in actors, actors
