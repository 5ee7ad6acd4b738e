"""Where and when events happened, as readouts and dispatches tell it once for several (issue 12).

Short texts written here in the style of ministry readouts and agency dispatches: the place of
a trip or of a day's programme is told once and holds for the meetings told during it; a
presidency's seat named after the presidency ("reçus à l'Élysée") is where a meeting was held.
A meeting of other people, or one told further back, takes nothing: a wrong place is worse
than none.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import id_iri
from extracting import extract_dated


def extract(text: str, published: str = "2025-04-10") -> ExtractedDocument:
    return extract_dated(text, "places-dates", published)


def gathering_with(doc: ExtractedDocument, word: str) -> Event:
    """The gathering whose trigger or one of whose mentions holds ``word``."""
    found = [e for e in doc.events if e.event_type in GATHERINGS
             and any(word in m.text for m in [e.trigger, *e.mentions])]
    assert found, [(e.trigger.text, [m.text for m in e.mentions]) for e in doc.events]
    return found[0]


def place(slug: str) -> str:
    return id_iri("place", slug)


# ---------------------------------------------------------------- a stay's place

def test_the_meetings_of_a_working_visit_happened_in_its_city() -> None:
    doc = extract("Le ministre des Affaires étrangères, M. Jonas Berle, a effectué le 8 avril une visite de "
                  "travail à Lima. Il s'est ensuite entretenu avec le président du Congrès, M. Tomás Ruiz.\n")
    talk = gathering_with(doc, "entretenu")
    assert talk.places == [place("lima")]


def test_a_place_fronted_for_the_day_holds_for_the_meetings_of_that_day() -> None:
    doc = extract("À Dakar, le 10 mars, le ministre Jonas Berle a eu un entretien avec son homologue, "
                  "M. Amadou Fall. Les deux ministres ont ensuite coprésidé la session de la commission mixte. "
                  "Le même jour, M. Jonas Berle a été reçu en audience par le Premier ministre, M. Ousmane Ba.\n",
                  published="2025-03-14")
    assert gathering_with(doc, "session").places == [place("dakar")]
    assert gathering_with(doc, "audience").places == [place("dakar")]


def test_a_meeting_of_other_people_does_not_take_the_stay_s_place() -> None:
    doc = extract("Le ministre Jonas Berle a effectué le 8 avril une visite de travail à Lima. "
                  "Par ailleurs, la ministre Clara Vidal s'est entretenue le 8 avril avec M. Omar Haddad.\n")
    assert gathering_with(doc, "entretenue").places == []


def test_a_meeting_told_further_back_does_not_take_the_stay_s_place() -> None:
    doc = extract("Le ministre Jonas Berle a effectué le 8 avril une visite de travail à Lima. "
                  "Il avait rencontré M. Tomás Ruiz quelques mois plus tôt.\n")
    assert gathering_with(doc, "rencontré").places == []


def test_a_meeting_on_another_day_does_not_take_the_place_of_a_single_meeting() -> None:
    doc = extract("Le ministre Jonas Berle s'est entretenu le 7 avril à Tunis avec M. Karim Saadi. "
                  "Le 9 avril, M. Jonas Berle a rencontré M. Karim Saadi une nouvelle fois.\n")
    assert gathering_with(doc, "rencontré").places == []


def test_a_visit_to_a_country_does_not_place_each_meeting_in_the_country() -> None:
    # "en visite en Finlande" says the country, not the city of each meeting: nothing is carried
    doc = extract("Le ministre Jonas Berle, en visite de travail en Finlande, a été reçu mardi par le président "
                  "Alexander Stubb. Il a ensuite rencontré Mme Clara Vidal.\n", published="2025-09-17")
    assert gathering_with(doc, "rencontré").places == []


# ---------------------------------------------------------------- seats named after an institution

def test_received_at_the_seat_of_a_presidency_is_a_place() -> None:
    doc = extract("Les trois ministres ont été reçus jeudi à l'Élysée par le Président de la République.\n",
                  published="2026-06-05")
    reception = gathering_with(doc, "reçus")
    assert reception.places == [place("elysee-palace")]
    # the seat still shows whose presidency it is: the unnamed title is France's president of that day
    assert id_iri("person", "emmanuel-macron") in {p.actor for p in reception.participants}


# ---------------------------------------------------------------- the day the story is on

def event_at(doc: ExtractedDocument, word: str) -> Event:
    found = [e for e in doc.events if word in e.trigger.text or any(word in m.text for m in e.mentions)]
    assert found, [e.trigger.text for e in doc.events]
    return found[0]


def test_a_day_fronted_at_the_head_of_a_sentence_dates_what_follows() -> None:
    # the fronted day's own sentence tells talks already told; the story still moves to that day
    doc = extract("Le 7 avril, le ministre Jonas Berle s'est entretenu à Lima avec la ministre du Commerce, "
                  "Mme Lucía Ortega. Le lendemain, avec Mme Lucía Ortega, les échanges ont porté sur le cacao. "
                  "M. Jonas Berle a également eu une séance de travail avec les responsables de l'agence "
                  "de coopération.\n")
    assert event_at(doc, "séance").date.iso == "2025-04-08"


def test_the_same_day_counts_from_the_story_not_from_a_look_back() -> None:
    doc = extract("Le 26 octobre, le Premier ministre Jonas Berle a coprésidé à Vientiane le sommet des trois pays. "
                  "Il était arrivé la veille au soir dans la capitale. Le même jour, il a signé un accord sur "
                  "l'électricité avec le président Omar Haddad.\n", published="2025-10-27")
    assert event_at(doc, "signé").date.iso == "2025-10-26"


def test_a_reporting_incise_is_a_saying_done_whatever_it_reports() -> None:
    doc = extract("Mardi, les deux ministres ont signé un accord de coopération à Lima. Le président doit se rendre "
                  "à Santiago en novembre pour une visite officielle, a précisé Mme Lucía Ortega.\n",
                  published="2026-09-16")
    saying = event_at(doc, "précisé")
    assert saying.status.endswith("/occurred")
    assert saying.date is not None and saying.date.iso == "2026-09-15"


# ---------------------------------------------------------------- encyclopedia articles

def test_a_gathering_defined_by_a_dated_gathering_noun_is_one_event_with_that_date() -> None:
    doc = extract("Le sommet de Bichkek sur l'eau est une réunion des chefs d'État de la région tenue les 21 et "
                  "22 août 2018 à Bichkek.\n", published="2023-02-11")
    [summit] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert summit.date is not None and summit.date.iso == "2018-08-21"


def test_a_gathering_named_in_a_title_line_is_not_dated_by_the_publication() -> None:
    doc = extract("Sommet de Bichkek sur l'eau (2018)\n\nLe sommet de Bichkek a réuni les dirigeants de la région. "
                  "Il a porté sur le partage des eaux.\n", published="2023-02-11")
    assert all(e.date is None or e.date.iso != "2023-02-11" for e in doc.events if e.event_type in GATHERINGS)


# ---------------------------------------------------------------- a clause that says where a gathering is held

def test_a_relative_clause_holding_a_summit_gives_its_place_not_the_main_verb_s() -> None:
    doc = extract("Le ministre Jonas Berle rencontrera la semaine prochaine à Buenos Aires son homologue, "
                  "Mme Clara Vidal, pour préparer le sommet du Mercosur, qui se tiendra en mars à Montevideo.\n",
                  published="2026-09-16")
    summit = gathering_with(doc, "sommet")
    assert summit.places == [place("montevideo")]
    assert summit.date is not None and summit.date.iso == "2027-03"


def test_a_participle_after_a_comma_dates_and_places_its_gathering_only() -> None:
    doc = extract("M. Jonas Berle s'est entretenu ce jour par téléphone avec M. Omar Haddad. Les deux ministres sont "
                  "convenus de se revoir en marge de la réunion des ministres des Affaires étrangères du G20, "
                  "prévue à Washington à la fin du mois.\n", published="2026-03-04")
    meeting = gathering_with(doc, "réunion")
    assert meeting.date is not None and meeting.date.iso == "2026-03"  # "à la fin du mois": this month
    assert meeting.places == [place("washington")]
    agreed = event_at(doc, "convenus")
    assert agreed.date is None or agreed.date.iso != "2026-03"
    assert place("washington") not in agreed.places


def test_a_gathering_named_in_passing_keeps_its_own_date_and_place() -> None:
    # "le conseil ... tenu à Athènes en décembre 2023": not when or where the meeting told happened
    doc = extract("Le Premier ministre Jonas Berle et le vice-président Omar Haddad se sont rencontrés mercredi à "
                  "Ankara. Cet entretien était le premier à ce niveau depuis le conseil de coopération de haut "
                  "niveau tenu à Athènes en décembre 2023.\n", published="2026-09-24")
    # "Cet entretien" is the same meeting; the council held in Athens is a gathering of its own (own-set
    # misses round: a body told as held is a meeting), with its own day and place
    [meeting] = [e for e in doc.events if e.event_type in GATHERINGS and e.trigger.text != "conseil"]
    assert meeting.date is not None and meeting.date.iso == "2026-09-23"
    assert place("athens") not in meeting.places and any("entretien" in m.text for m in meeting.mentions)
    council = event_at(doc, "conseil")
    assert council.date is not None and council.date.iso == "2023-12" and place("athens") in council.places


def test_by_the_end_of_the_month_is_a_deadline_not_a_date() -> None:
    doc = extract("Les deux ministres ont annoncé ce jour que leurs pays signeront un accord d'ici à la fin du mois.\n",
                  published="2026-03-04")
    assert all(e.date is None or e.date.iso != "2026-03" for e in doc.events)


# ---------------------------------------------------------------- datelines

def test_the_dateline_city_refines_the_country_a_meeting_of_that_day_is_placed_in() -> None:
    doc = extract("HELSINKI, 16 septembre 2025 (AFP) - Le ministre lituanien Jonas Berle, en visite de travail en "
                  "Finlande, a été reçu ce mardi par le président finlandais, Alexander Stubb.\n",
                  published="2025-09-16")
    meeting = gathering_with(doc, "reçu")
    assert place("helsinki") in meeting.places and place("finland") not in meeting.places


def test_the_dateline_city_is_not_where_a_call_of_that_day_happened() -> None:
    doc = extract("MOSCOU, 13 mars 2025 (AFP) - Les ministres Jonas Berle et Omar Haddad se sont entretenus jeudi "
                  "par téléphone de la situation en Syrie.\n", published="2025-03-13")
    assert gathering_with(doc, "entretenus").places == []


def test_a_dateline_line_names_the_city_the_readout_is_from() -> None:
    doc = extract("Entretien du ministre avec son homologue\n\nParis, le 4 mars 2026\n\nLe ministre Jonas Berle "
                  "s'est entretenu ce jour avec son homologue, M. Omar Haddad.\n", published="2026-03-04")
    assert place("paris") in doc.entities


# ---------------------------------------------------------------- "y"

def test_y_points_at_where_the_gathering_told_before_was_held() -> None:
    doc = extract("Les délégations des deux pays se sont rencontrées le 29 mars 2022 à Istanbul, en présence du "
                  "président turc. La délégation russe était conduite par M. Jonas Berle, conseiller du président. "
                  "La délégation ukrainienne y a proposé un statut de neutralité.\n", published="2022-04-01")
    proposal = event_at(doc, "proposé")
    assert place("istanbul") in proposal.places


def test_y_points_at_a_city_named_after_a_preposition() -> None:
    doc = extract("Je reviens de Kiev. J'y ai rencontré le président Volodymyr Zelensky.\n", published="2026-02-11")
    assert place("kyiv") in gathering_with(doc, "rencontré").places


# ---------------------------------------------------------------- administrative dates, parts of places

def test_the_3rd_current_is_a_day_of_the_text_s_own_month() -> None:
    doc = extract("Le ministre Jonas Berle a reçu le 3 courant l'ambassadeur de France, M. Paul Durand.\n",
                  published="2025-03-06")
    assert gathering_with(doc, "reçu").date.iso == "2025-03-03"


def test_a_strike_in_the_south_of_a_place_happened_in_that_place() -> None:
    doc = extract("Des frappes ont tué trois civils vendredi dans le sud de la bande de Gaza, selon les secours.\n",
                  published="2025-02-09")
    strikes = event_at(doc, "frappes")
    assert strikes.places and all("gaza" in p for p in strikes.places)


def test_a_lead_naming_no_day_is_told_on_the_dateline_s_day() -> None:
    doc = extract("Abidjan, le 10 avril 2025 – Le ministre des Affaires étrangères, M. Jonas Berle, a reçu en "
                  "audience l'ambassadeur de France, M. Paul Durand.\n", published="2025-04-11")
    assert gathering_with(doc, "reçu").date.iso == "2025-04-10"


def test_a_lead_naming_another_day_keeps_it() -> None:
    doc = extract("MALABO, 16 juin 2024 - Les chefs d'État de la région ont clôturé samedi leur sommet ordinaire.\n",
                  published="2024-06-16")
    assert all(e.date is None or e.date.iso != "2024-06-16" for e in doc.events if e.event_type in GATHERINGS)


def test_a_hotel_the_gazetteer_does_not_place_lies_in_the_town_of_the_stay() -> None:
    doc = extract("Le président Jonas Berle a coprésidé le 26 mai à Kuala Lumpur le sommet de l'ASEAN avec M. Omar "
                  "Haddad. En marge du sommet, M. Jonas Berle s'est entretenu en tête-à-tête avec Mme Clara Vidal à "
                  "l'hôtel Sri Melaka, où résidaient les délégations.\n", published="2025-05-27")
    talk = gathering_with(doc, "entretenu")
    assert place("kuala-lumpur") in talk.places and any("hotel" in p for p in talk.places)


def test_the_holding_of_a_session_gives_it_the_date_and_place_told_between_commas() -> None:
    doc = extract("Ce jeudi, la ministre Clara Vidal a salué la tenue, le mois dernier à Hanoï, de la première session "
                  "du dialogue politique entre l'Union européenne et le Vietnam.\n", published="2026-11-05")
    session = gathering_with(doc, "session")
    assert session.date is not None and session.date.iso == "2026-10"
    assert event_at(doc, "salué").date.iso == "2026-11-05"
