"""Constructions read in real ministry readouts, palace communiqués and agency dispatches from
francophone Africa, the Maghreb, Luxembourg, Switzerland and Québec (issue 12, real-prose round L).

Each construction was read in real French prose; the texts below are ours, with invented people
or real figures in made-up situations. Each test failed on the code before its rule, except the
guards, which say where a rule must stop.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_slugs


def test_a_call_held_with_its_day_between_commas_keeps_its_caller() -> None:
    # "X a eu, lundi 8 mars, un entretien téléphonique avec Y, indique un communiqué": the parser
    # makes the call the subject of the reporting verb after it, and the light verb loses it
    doc = extract_dated(
        "La reine Amara II a eu, lundi 8 mars 2021, un entretien téléphonique avec le président ghanéen "
        "Kofi Mensah, indique un communiqué du palais.",
        "call-day-between-commas", "2021-03-10")
    call = event_at(doc, "entretien téléphonique")
    assert {"amara-ii", "kofi-mensah"} <= participant_slugs(call)


def test_a_call_held_with_its_day_between_commas_and_no_incise() -> None:
    # guard: the parse without the reporting verb already holds both
    doc = extract_dated(
        "La reine Amara II a eu, lundi 8 mars 2021, un entretien téléphonique avec le président ghanéen "
        "Kofi Mensah.",
        "call-day-no-incise", "2021-03-10")
    call = event_at(doc, "entretien téléphonique")
    assert {"amara-ii", "kofi-mensah"} <= participant_slugs(call)


def test_an_act_one_insisted_on_doing_was_done() -> None:
    # "X a tenu à exprimer sa gratitude", "a, pour sa part, tenu à souligner": "tenir à" + infinitive
    # in a past tense tells the act as done, not still to do
    doc = extract_dated(
        "Le président Kofi Mensah a tenu à exprimer sa gratitude à la reine Amara II pour son soutien. "
        "La reine a, pour sa part, tenu à souligner l'engagement constant de son pays.",
        "insisted-act", "2021-03-10")
    assert event_at(doc, "exprimer").status.endswith("occurred")
    assert event_at(doc, "souligner").status.endswith("occurred")


def test_an_act_one_will_insist_on_doing_is_still_planned() -> None:
    # guard: in the future, the same verb puts the act ahead
    doc = extract_dated(
        "Le président Kofi Mensah tiendra à exprimer sa gratitude à la reine Amara II lors de sa visite.",
        "insisted-act-future", "2021-03-10")
    assert event_at(doc, "exprimer").status.endswith("planned")


def test_a_visit_one_plans_to_begin_after_a_day_between_commas_has_its_visitor() -> None:
    # "X a prévu d'entamer, le 25 janvier prochain, une visite officielle en France": the parser
    # hangs the visit on "prévu"; the infinitive before it is its light verb, whose subject visits
    doc = extract_dated(
        "Le président ghanéen Kofi Mensah a prévu d'entamer, le 25 janvier prochain, une visite officielle "
        "au Togo.",
        "plans-to-begin-visit", "2025-01-20")
    visit = event_at(doc, "visite")
    assert "kofi-mensah" in participant_slugs(visit)
    assert visit.status.endswith("planned")


def test_a_president_expected_somewhere_for_a_visit_makes_it() -> None:
    # "Le président de X, Y, est attendu jeudi à Z, pour une visite de travail": the one expected is
    # the visitor (the passive subject of "attendre"), and the visit is still to come
    doc = extract_dated(
        "Le président du Ghana, Kofi Mensah, est attendu jeudi à Lomé, pour une visite de travail de trois "
        "jours, a-t-on appris mercredi de source diplomatique.",
        "expected-for-visit", "2008-08-20")
    visit = event_at(doc, "visite")
    assert "kofi-mensah" in participant_slugs(visit)
    assert visit.status.endswith("planned")


def test_the_ministers_after_a_meeting_of_two_ministers_are_those_two() -> None:
    # "Les ministres se sont félicités de ...": the bare plural of an office, as subject, after a
    # talk between two holders of it, takes up those two
    doc = extract_dated(
        "Le ministre des Affaires étrangères du Ghana, Kwame Boateng, s'est rendu à Lomé le 27 avril 2016 "
        "pour un entretien avec son homologue togolais Koffi Adjavon. Les ministres se sont félicités de "
        "l'excellence des relations bilatérales.",
        "the-ministers", "2016-04-28")
    said = event_at(doc, "félicités")
    assert {a.rsplit("/", 1)[-1] for a in said.agents} == {"kwame-boateng", "koffi-adjavon"}


def test_the_ministers_of_a_council_are_not_the_last_pair() -> None:
    # guard: "les ministres de l'Union" names others than the two who met
    doc = extract_dated(
        "Le ministre des Affaires étrangères du Ghana, Kwame Boateng, s'est rendu à Lomé le 27 avril 2016 "
        "pour un entretien avec son homologue togolais Koffi Adjavon. Les ministres de l'Union africaine se "
        "sont félicités de l'excellence des relations entre les États membres.",
        "the-ministers-of", "2016-04-28")
    said = event_at(doc, "félicités")
    assert not {"kwame-boateng", "koffi-adjavon"} & {a.rsplit("/", 1)[-1] for a in said.agents}


def test_a_call_framing_a_statement_told_on_the_story_day_takes_that_day() -> None:
    # "X a déclaré vendredi que ... Lors d'une conversation téléphonique avec Y, M. X a indiqué ...":
    # the statement inside the call carries the story's day on; the call was held that day
    doc = extract_dated(
        "Le président ghanéen Kofi Mensah a déclaré vendredi que la coopération avec le Togo restait une "
        "priorité.\n\nLors d'une conversation téléphonique avec le président togolais Koffi Adjavon, "
        "M. Mensah a indiqué que son pays soutenait le Togo.",
        "framed-call-story-day", "2021-05-07")
    assert event_at(doc, "conversation téléphonique").date.iso == "2021-05-07"


def test_a_meeting_where_these_remarks_were_made_is_dated_by_them() -> None:
    # "... a déclaré mardi X. M. X a fait ces remarques lors de sa rencontre avec Y": the remarks are
    # the dated statement just told, and the meeting that framed them was held that day
    doc = extract_dated(
        "Les relations entre le Ghana et le Togo sont excellentes, a déclaré mardi le président ghanéen "
        "Kofi Mensah. M. Mensah a fait ces remarques lors de sa rencontre avec le président togolais "
        "Koffi Adjavon.",
        "these-remarks", "2024-11-19")
    assert event_at(doc, "rencontre").date.iso == "2024-11-19"


def test_the_president_of_the_drc_named_by_his_office_is_known() -> None:
    # "le président de la RDC a rencontré X" in a 2025 dispatch that named him bare before: the
    # gazetteer's holder of that office on the day (Great Lakes presidents, data in actors.ttl)
    doc = extract_dated(
        "Félix Tshisekedi s'est rendu lundi à Luanda. Selon la présidence angolaise, le président de la RDC "
        "a rencontré le président angolais pour évoquer la situation au Kivu.",
        "drc-president-by-office", "2025-02-18")
    met = event_at(doc, "rencontré")
    assert {"felix-tshisekedi", "joao-lourenco"} <= participant_slugs(met)


def test_the_rwandan_president_named_by_family_name_is_known() -> None:
    # "le président Kagame a reçu l'ambassadeur X": the family name alone is the gazetteer's person
    doc = extract_dated(
        "Cet après-midi, le président Kagame a reçu à Kigali l'ambassadeur Jean Ntakirutimana, porteur d'un "
        "message du président burundais.",
        "rwanda-family-name", "2023-11-06")
    met = event_at(doc, "reçu")
    assert "paul-kagame" in participant_slugs(met)


def test_his_majesty_abbreviated_before_the_king_is_a_courtesy_title() -> None:
    # "SM le Roi X a effectué ... une conversation téléphonique avec Y, rapporte l'agence": "SM" (Sa
    # Majesté) is a courtesy title before the king, not the subject in his place
    doc = extract_dated(
        "SM le Roi Mohammed VI a effectué, mercredi 20 mars, une conversation téléphonique avec le président "
        "ghanéen Kofi Mensah, rapporte l'agence officielle ghanéenne (GNA).",
        "sm-the-king", "2019-03-21")
    call = event_at(doc, "conversation téléphonique")
    assert {"mohammed-vi", "kofi-mensah"} <= participant_slugs(call)


def test_an_act_a_past_talk_was_the_occasion_for_was_done() -> None:
    # "Cet entretien a été l'occasion pour X de réitérer son soutien": the talk gave the occasion and
    # the act was done then, not planned
    doc = extract_dated(
        "La reine Amara II a eu mardi un entretien téléphonique avec le président Kofi Mensah. Cet entretien "
        "a été l'occasion pour la reine de réitérer son soutien au Ghana.",
        "occasion-past", "2021-03-10")
    assert event_at(doc, "réitérer").status.endswith("occurred")
