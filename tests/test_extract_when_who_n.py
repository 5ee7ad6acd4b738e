"""Dates and participants on real prose (issue 12, round when-who-n): titles of organisations before a
name, courtesy titles written with a full stop, ranges of days begun before publication, and acts whose
day is the day of a gathering the sentence ties them to.

The texts are ours (invented people, real states and organisations in made-up situations), written for
constructions read in published agency dispatches and readouts; none is a real text's sentence. Each
test failed on the code before its rule, except the guards, which say where a rule stops.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_sides, participant_slugs


def test_a_courtesy_title_with_a_full_stop_is_no_part_of_the_name() -> None:
    # "la secrétaire générale de l'OIF, Mme. X Y": "Mme." is "Mme", a courtesy title, no part of the
    # name of the person taking part
    doc = extract_dated(
        "Le président togolais s'est entretenu lundi à Lomé avec son homologue ghanéen, Kwesi Boateng, et "
        "la secrétaire générale de l'Organisation internationale de la Francophonie (OIF), Mme. Hélène "
        "Dufresne, de la sécurité maritime.\n", "courtesy-title-full-stop", "2026-03-17")
    parts = participant_slugs(event_at(doc, "entretenu"))
    assert "helene-dufresne" in parts
    assert not any(p.startswith(("mme-", "secretaire")) for p in parts)


def test_a_range_begun_before_publication_is_this_year() -> None:
    # "une tournée qui durera du 12 au 19 mars", published on 16 March: the range holds the publication
    # day, so its first day is this year's 12 March, not next year's
    doc = extract_dated(
        "La secrétaire générale poursuivra au Bénin une tournée ouest-africaine qui durera du 12 au 19 "
        "mars et qui l'a déjà conduite au Niger.\n", "range-begun", "2026-03-16")
    tour = event_at(doc, "tournée")
    assert tour.date.iso == "2026-03-12"
    assert tour.duration.iso == "P8D"


def test_a_future_range_wholly_before_publication_is_next_year() -> None:
    # guard: "qui durera du 2 au 5 mars", published on 16 March: every day of it is past, so a future
    # range is next year's
    doc = extract_dated(
        "La secrétaire générale entamera une tournée ouest-africaine qui durera du 2 au 5 mars.\n",
        "range-future", "2026-03-16")
    assert event_at(doc, "tournée").date.iso == "2027-03-02"


def test_an_acronym_in_brackets_between_a_title_and_its_name() -> None:
    # "et la secrétaire générale de l'Organisation ... (OIF), Mme X Y": the acronym in brackets after
    # the organisation does not end the phrase; the name after the comma holds the title
    doc = extract_dated(
        "En marge du sommet, le président togolais, Komi Adjavon, s'est entretenu avec son homologue "
        "ghanéen, Kwesi Boateng, et la secrétaire générale de l'Organisation internationale de la "
        "Francophonie (OIF), Mme Hélène Dufresne, de la sécurité maritime.\n", "acronym-brackets", "2026-03-16")
    sides = participant_sides(event_at(doc, "entretenu"))
    assert sides.get("helene-dufresne") == "francophonie"
    assert not any(p.startswith("secretaire") for p in sides)


def test_a_statement_right_after_a_meeting_takes_its_day() -> None:
    # "X a affirmé que « ... » à la suite de sa rencontre, ce lundi à Rabat, avec Y": said on the day
    # of the meeting it follows
    doc = extract_dated(
        "Le ministre ivoirien des Affaires étrangères, Yao N'Guessan, a affirmé que « la région parle "
        "d'une seule voix » à la suite de sa rencontre, ce lundi à Lomé, avec le chef de la diplomatie "
        "togolaise, Essowè Kpatcha.\n", "after-meeting", "2026-03-17")
    assert event_at(doc, "affirmé").date.iso == "2026-03-16"


def test_a_noun_act_after_a_fronted_issue_frame_takes_the_gathering_day() -> None:
    # "A l'issue de la Session, un communiqué final a été rendu public": the frame's noun is the third
    # word of the sentence; the communiqué is the session's, of its day
    doc = extract_dated(
        "Les chefs d'État de la CEDEAO ont tenu, dimanche 15 mars à Lomé, leur session ordinaire. A "
        "l'issue de la Session, un communiqué final a été rendu public.\n", "issue-frame", "2026-03-17")
    assert event_at(doc, "communiqué").date.iso == "2026-03-15"
