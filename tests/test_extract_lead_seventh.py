"""Presidency audiences, envoys and ministry visits as Maghreb and African agencies tell them
(issue 12, lead's seventh round).

Each construction was read in real agency prose; the texts below are ours, with invented
people. Each test failed on the code before its rule.
"""

from __future__ import annotations

from extracting import event_at, event_kind, extract_dated, participant_slugs


def test_an_abbreviated_courtesy_title_keeps_the_name_with_its_title() -> None:
    # "le Pr." (professeur) between a title and the name: the full stop is no sentence end, so the
    # title is the name's and not the publication's home state's office
    doc = extract_dated(
        "Le Président de la République, le Pr. Ibrahima Koulibaly, a reçu en audience mardi "
        "l'ambassadeur du Japon, Kenji Morita.",
        "pr-title", "2024-04-09")
    assert participant_slugs(event_at(doc, "reçu")) >= {"ibrahima-koulibaly", "kenji-morita"}
    assert not any(e.iri.endswith("emmanuel-macron") for e in doc.entities.values())


def test_a_capitalised_portfolio_word_in_a_title_is_no_event() -> None:
    # "ministre du Travail, du Dialogue social et ...": the ministry's name, not a dialogue held
    doc = extract_dated(
        "Le ministre du Travail, du Dialogue social et des Relations avec les Institutions, Moussa Kandé, "
        "a reçu lundi l'ambassadeur d'Italie.",
        "portfolio-word", "2024-04-09")
    assert [e.trigger.text for e in doc.events] == ["reçu"]


def test_the_dialogue_still_counts_outside_a_title() -> None:
    doc = extract_dated(
        "Le ministre Moussa Kandé a engagé lundi un dialogue avec les syndicats sur la réforme.",
        "portfolio-guard", "2024-04-09")
    assert any(e.trigger.text == "dialogue" for e in doc.events)


def test_his_meeting_with_someone_is_his_too() -> None:
    # "X a affirmé que A et B ... à la suite de sa rencontre avec Y": "sa" is X's, not A's and B's
    doc = extract_dated(
        "Le ministre des Affaires étrangères, Karim Benali, a affirmé que la Tunisie et l'Italie partagent "
        "les mêmes priorités en Méditerranée à la suite de sa rencontre, ce lundi à Tunis, avec le ministre "
        "italien des Affaires étrangères, Marco Ferretti.",
        "possessive-frame", "2024-04-08")
    met = participant_slugs(event_at(doc, "rencontre"))
    assert met >= {"karim-benali", "marco-ferretti"}
    assert "tunisia" not in met and "italy" not in met


def test_the_visit_someone_makes_in_a_relative_clause_is_theirs() -> None:
    # "la visite de travail qu'effectue X au Royaume": the relative clause's subject visits
    doc = extract_dated(
        "Le chef du gouvernement a présidé une séance de travail à l'occasion de la visite de travail "
        "qu'effectue le ministre nigérien de l'Énergie, Issa Mahamadou, au Royaume.",
        "relcl-visit", "2024-04-08")
    assert "issa-mahamadou" in participant_slugs(event_at(doc, "visite"))


def test_the_visit_one_will_make_in_a_relative_clause_is_theirs() -> None:
    doc = extract_dated(
        "Le porte-parole a évoqué la visite que la ministre Aline Mukamana effectuera à Kigali.",
        "relcl-visit-future", "2024-04-08")
    assert "aline-mukamana" in participant_slugs(event_at(doc, "visite"))


def test_the_leader_named_by_demonym_is_the_one_of_that_state_told_before() -> None:
    # "le dirigeant nigérien", "le responsable nigérien": no office, only the one person of that
    # state the text has named
    doc = extract_dated(
        "Le Premier ministre nigérien, Issa Mahamadou, est arrivé lundi à Rabat pour une visite de deux jours. "
        "Le responsable nigérien s'est ensuite entretenu avec le ministre marocain de l'Intérieur.",
        "described-person", "2024-04-08")
    assert "issa-mahamadou" in participant_slugs(event_at(doc, "entretenu"))


def test_a_described_person_of_a_state_with_two_people_named_stays_unresolved() -> None:
    doc = extract_dated(
        "Le Premier ministre nigérien, Issa Mahamadou, et le ministre nigérien de l'Énergie, Ali Garba, "
        "sont arrivés lundi à Rabat. Le responsable nigérien s'est ensuite entretenu avec la presse.",
        "described-person-two", "2024-04-08")
    assert not {"issa-mahamadou", "ali-garba"} & {a.rsplit("/", 1)[-1] for e in doc.events
                                                   if e.trigger.text == "entretenu" for a in e.agents}


def test_a_readout_datelined_abroad_means_that_states_president() -> None:
    # "Dakar, le 3 mai 2023 - Le Président de la République a reçu ...": the presidency writing
    # from its capital means its own head of state, never the French one
    doc = extract_dated(
        "Dakar, le 3 mai 2023 - Le Président de la République a reçu mardi au palais le ministre "
        "tunisien des Affaires étrangères, Nabil Ammar.",
        "dateline-home", "2023-05-03")
    met = participant_slugs(event_at(doc, "reçu"))
    assert "nabil-ammar" in met
    assert "emmanuel-macron" not in met


def test_a_french_readout_without_dateline_keeps_the_french_president() -> None:
    doc = extract_dated(
        "Le Président de la République a reçu mardi au palais de l'Élysée le ministre tunisien des "
        "Affaires étrangères, Nabil Ammar.",
        "dateline-home-guard", "2023-05-03")
    assert "emmanuel-macron" in participant_slugs(event_at(doc, "reçu"))


def test_a_head_of_state_titled_first_and_named_later_is_one_person() -> None:
    # "Le chef de l'État togolais a reçu hier ... X a été reçu ... par le chef de l'État, Y": the
    # title told first is the person named later, not a second, nameless head of state
    doc = extract_dated(
        "Le chef de l'État togolais a reçu, hier au palais de la présidence, le ministre ghanéen de la "
        "Défense, Kwame Asante. Ce dernier était porteur d'un message de son président.\n"
        "Le ministre ghanéen, Kwame Asante, a été reçu hier au palais par le chef de l'État, Komi Adjévi.",
        "cataphoric-leader", "2024-06-12")
    people = {e.iri.rsplit("/", 1)[-1] for e in doc.entities.values() if e.kind == "person"}
    assert "komi-adjevi" in people
    assert not any("chef" in slug for slug in people)


def test_a_family_name_glued_by_an_apostrophe_stays_whole() -> None:
    # "Mme Mariama N'Dour": not the elision "n'" (ne) and a word; the family name is kept
    doc = extract_dated(
        "Le président a reçu lundi Mme Mariama N'Dour, ministre sénégalaise des Affaires étrangères.",
        "elided-names", "2024-06-12")
    assert "mariama-n-dour" in participant_slugs(event_at(doc, "reçu"))


def test_a_name_with_an_apostrophe_inside_stays_whole() -> None:
    # "le Dr. Yacine Ka'abi": an apostrophe inside a capitalised name where French elides nothing
    doc = extract_dated(
        "Le président a reçu lundi le Dr. Yacine Ka'abi, envoyé spécial du président tunisien. Lorsqu'il "
        "est arrivé, Qu'importe la pluie, il a salué la foule.",
        "inner-apostrophe", "2024-06-13")
    assert "yacine-ka-abi" in participant_slugs(event_at(doc, "reçu"))


def test_a_guest_whose_name_the_tagger_runs_from_the_courtesy_title_is_a_person() -> None:
    # "le Dr. X Y, envoyé spécial de ...": the recogniser tags "Dr. X Y" as one miscellaneous name
    doc = extract_dated(
        "Conakry, 9 mars 2024 – Le Président de la République a reçu en audience ce jeudi, 9 mars 2024 au "
        "palais présidentiel, le Dr. Salem Al-Haddad, envoyé spécial du Président des Émirats arabes unis.",
        "title-run-name", "2024-03-09")
    assert "salem-al-haddad" in participant_slugs(event_at(doc, "reçu"))


def test_the_host_of_a_dated_readout_is_not_taken_for_its_guest() -> None:
    # "Conakry, 9 mars 2024 – Le Président de la République a reçu ..., M. X": the parser hangs the
    # verb on the dateline's city; its subject still receives, and the object is the guest
    doc = extract_dated(
        "Conakry, 9 mars 2024 – Le Président de la République a reçu en audience ce jeudi, 9 mars 2024 au "
        "palais présidentiel, M. Kwame Asante, envoyé spécial du président ghanéen.",
        "dateline-acl", "2024-03-09")
    event = event_at(doc, "reçu")
    assert "kwame-asante" in participant_slugs(event)
    assert event.host is not None and not event.host.endswith("kwame-asante")


def test_a_communique_speaking_in_an_incise_is_one_statement() -> None:
    # "..., indique un communiqué du ministère": the verb and the document are one act of saying
    doc = extract_dated(
        "Le ministre togolais des Affaires étrangères, Robert Dussey, a été reçu lundi à Accra par le "
        "président ghanéen, indique un communiqué de la présidence togolaise.",
        "communique-incise", "2024-06-11")
    said = [e for e in doc.events if event_kind(e) == "statement"]
    assert len(said) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in said]
    assert {m.text for m in said[0].mentions} >= {"communiqué"}


def test_the_writers_il_faut_souligner_is_no_statement() -> None:
    # "il faut souligner que ...", "il convient de rappeler que ...": the writer's voice, nobody speaks
    doc = extract_dated(
        "Le président Komi Adjévi a reçu mardi le ministre ghanéen Kwame Asante. Il faut souligner que "
        "l'entretien a porté sur la sécurité. Il convient de rappeler que les deux pays partagent une frontière.",
        "il-faut", "2024-06-12")
    assert not [e.trigger.text for e in doc.events if event_kind(e) == "statement"]


def test_having_been_received_restates_the_audience() -> None:
    # "X s'est dit honoré d'avoir été reçu par Y": X is the one received, and the reception is the
    # audience told before, not a second one
    doc = extract_dated(
        "Le président gabonais, Marc Obiang, a reçu lundi le ministre camerounais, Paul Etoa. "
        "Le ministre camerounais s'est dit honoré d'avoir été reçu par le président gabonais.",
        "perfect-infinitive", "2024-06-12")
    meetings = [e for e in doc.events if event_kind(e) == "meeting"]
    assert len(meetings) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in meetings]
    assert participant_slugs(meetings[0]) >= {"marc-obiang", "paul-etoa"}


def test_the_sender_of_a_message_named_by_title_only_is_not_received() -> None:
    # "a reçu le ministre X, porteur d'un message du président camerounais": the president who
    # sends the message, named by his title alone, is not in the room
    doc = extract_dated(
        "Le président gabonais, Marc Obiang, a reçu lundi le ministre camerounais de l'Économie, "
        "Paul Etoa, porteur d'un message du président camerounais.",
        "sender-by-title", "2024-06-12")
    met = participant_slugs(event_at(doc, "reçu"))
    assert "paul-etoa" in met
    assert not any("president" in slug for slug in met), met
