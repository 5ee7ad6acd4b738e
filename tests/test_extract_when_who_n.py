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


def test_a_session_held_after_a_parenthetical_day_sets_the_story_day() -> None:
    # "ont tenu, dimanche 10 décembre à Abuja, la 64e Session ordinaire, sous la présidence de X":
    # the parse reads the session as a bare adjunct; it is the verb's object, and the speech told
    # next happened on its day
    doc = extract_dated(
        "Les chefs d'État de la CEDEAO ont tenu, dimanche 10 décembre à Abuja, la 64e Session ordinaire, "
        "sous la présidence du chef d'État nigérian, Ahmed Bola Tinubu. Dans son discours d'ouverture, "
        "Bola Ahmed Tinubu a exhorté les dirigeants à donner la priorité à la bonne gouvernance.\n",
        "session-bare-object", "2023-12-11")
    assert event_at(doc, "exhorté").date.iso == "2023-12-10"


def test_a_weekday_after_prevu_is_ahead() -> None:
    # "le Sommet arabe, prévu ce vendredi", published on a Thursday: the coming Friday, not the last
    doc = extract_dated(
        "Les ministres ont échangé leurs vues sur l'ordre du jour du Sommet arabe, prévu ce vendredi à "
        "Djeddah.\n", "scheduled-weekday", "2023-05-18")
    assert event_at(doc, "Sommet").date.iso == "2023-05-19"


def test_a_cette_occasion_takes_the_gathering_just_told() -> None:
    # "Les deux présidents s'étaient entretenus lundi. Le président brésilien a promis à cette
    # occasion ...": the promise was made at that meeting, on its day, not on the story's later day
    doc = extract_dated(
        "Mardi, le président angolais a offert un dîner au président brésilien. Les deux présidents "
        "s'étaient entretenus lundi à Luanda. Le président brésilien a promis à cette occasion d'ouvrir "
        "une ligne de crédit.\n", "this-occasion", "2026-04-22")
    assert event_at(doc, "promis").date.iso == "2026-04-20"


def test_an_earlier_visit_told_in_a_pluperfect_relative_is_its_own_event() -> None:
    # "Ce déplacement intervient un an après la visite qu'avait effectuée X au Brésil, en avril 2025":
    # that visit is another occasion, not a later mention of the talks just told (nor their date)
    doc = extract_dated(
        "Les deux présidents se sont entretenus en tête-à-tête pendant deux heures. Ce déplacement "
        "intervient un an après la visite qu'avait effectuée M. Lourenço au Brésil, en avril 2025.\n",
        "pluperfect-relative", "2026-04-20")
    talks = event_at(doc, "entretenus")
    assert talks.date is None  # the text gives the talks no day: not the earlier visit's April 2025
    assert event_at(doc, "visite") is not talks


def test_an_act_at_the_arrival_takes_the_arrival_day() -> None:
    # "X est arrivé jeudi soir à Y ... A son arrivée, il a été accueilli par Z": the welcome is on the
    # day the arrival was told with, even when another sentence comes between
    doc = extract_dated(
        "La commissaire européenne, Mme Lena Kovac, est arrivée jeudi soir à Niamey pour une visite de "
        "deux jours. Elle aura des entretiens avec le Premier ministre. A son arrivée à Niamey, la "
        "commissaire a été accueillie par le ministre des Affaires étrangères, M. Idrissa Garba.\n",
        "at-arrival", "2026-03-13")
    assert event_at(doc, "accueillie").date.iso == "2026-03-12"


def test_names_after_a_plural_courtesy_title_are_all_subjects() -> None:
    # "MM. X et Y ont approuvé ...": the parse keeps only the last name as the subject; both approved
    doc = extract_dated("MM. Lula et Milei ont signé dimanche un accord sur le commerce.\n", "plural-title",
                        "2026-03-16")
    assert {"luiz-inacio-lula-da-silva", "javier-milei"} <= participant_slugs(event_at(doc, "signé"))


def test_y_after_a_communique_is_in_it() -> None:
    # "A l'issue des travaux, un communiqué final a été publié. Les ministres y demandent ...": what the
    # communiqué asks was asked on its day, not on the day the dispatch tells it in the present
    doc = extract_dated(
        "Les ministres de l'UEMOA ont tenu lundi 16 mars leur session à Dakar. A l'issue des travaux, un "
        "communiqué final a été publié. Les ministres y demandent aux États de réduire leur dette.\n",
        "y-communique", "2026-03-17")
    assert event_at(doc, "demandent").date.iso == "2026-03-16"


def test_the_one_received_after_an_arrival_participle_takes_part() -> None:
    # "Le président X, arrivé mercredi à Madrid, a été reçu par Y": the parse hangs the subject on the
    # participle clause; X is the one received
    doc = extract_dated(
        "Le président Ousmane Diouf, arrivé mercredi à Madrid, a été reçu par son homologue espagnol Pedro "
        "Sánchez.\n", "received-after-arrival", "2026-03-19")
    assert {"ousmane-diouf", "pedro-sanchez"} <= participant_slugs(event_at(doc, "reçu"))


def test_the_topic_of_a_signed_text_takes_no_part() -> None:
    # "ont approuvé une déclaration conjointe sur la Syrie": Syria is what the text is about, not a
    # party to it
    doc = extract_dated(
        "Les présidents Ruto et Suluhu ont approuvé samedi une déclaration conjointe sur la Somalie.\n",
        "topic-of-text", "2026-03-16")
    assert "somalia" not in participant_slugs(event_at(doc, "approuvé"))
