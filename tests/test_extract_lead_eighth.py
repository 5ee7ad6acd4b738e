"""Ministry readouts and agency calls as foreign ministries and agencies tell them
(issue 12, lead's eighth round).

Each construction was read in real ministry and agency prose; the texts below are ours, with
invented people. Each test failed on the code before its rule.
"""

from __future__ import annotations

from diplograph.model import Event, ExtractedDocument
from extracting import event_at, extract_dated, participant_slugs


def _conference(doc: ExtractedDocument) -> Event:
    """The one event told by a phrase opening on "conférence" (one word or several)."""
    found = [e for e in doc.events if e.trigger.text.lower().startswith("conférence")]
    assert len(found) == 1, [e.trigger.text for e in doc.events]
    return found[0]


def test_the_partner_after_a_circumstantial_incise_takes_part() -> None:
    # "s'est entretenu, mardi soir à Rome, en marge de la conférence, avec son homologue, Y": the
    # parser hangs "avec" on the day; the incise between commas holds no verb and nobody
    doc = extract_dated(
        "Le ministre de l'Intérieur, Samir Haddad, s'est entretenu, mardi soir à Rome, en marge de la "
        "conférence de la FAO, avec son homologue tchadien, Idriss Mahamat.",
        "incise-partner", "2024-03-05")
    assert participant_slugs(event_at(doc, "entretenu")) >= {"samir-haddad", "idriss-mahamat"}



def test_a_palace_after_the_guest_s_name_is_where_they_were_received() -> None:
    # "a reçu ... le chef du gouvernement X au palais de Y": the place follows the guest's name, so
    # it does not complete his title (as "ambassadeur du Maroc au Gabon" would): it is the venue
    doc = extract_dated(
        "Le président de la République, Karim Mansouri, a reçu ce lundi 3 juin 2024, le chef du "
        "gouvernement Nabil Ferjani au palais de Dar Salam.",
        "venue-after-guest", "2024-06-03")
    places = event_at(doc, "reçu").places
    assert any(p.endswith("palais-de-dar-salam") for p in places)


def test_a_place_completing_a_title_is_still_the_seat_of_the_office() -> None:
    doc = extract_dated(
        "Le ministre Karim Mansouri a reçu lundi l'ambassadeur du Maroc au Gabon, Youssef Alaoui.",
        "seat-guard", "2024-06-03")
    assert not event_at(doc, "reçu").places


def test_a_conference_of_ministers_is_a_gathering() -> None:
    # "la conférence des ministres des affaires étrangères de X": a meeting of ministers, where a
    # bare "conférence" (a lecture, a press conference) is not one
    doc = extract_dated(
        "Les 4 et 5 mars 2024, la ministre Hanna Lindqvist a participé à la conférence des ministres "
        "de l'Environnement du Conseil nordique à Reykjavik.",
        "ministers-conference", "2024-03-05")
    conference = _conference(doc)
    assert conference.event_type.endswith("/meeting")
    assert "hanna-lindqvist" in participant_slugs(conference)
    assert conference.date is not None and conference.date.iso.startswith("2024-03-04")


def test_a_ministerial_conference_is_a_gathering() -> None:
    doc = extract_dated(
        "Le chef de la diplomatie, Tomas Berzins, représentera son pays à la conférence ministérielle "
        "de l'OSCE jeudi à Malte.",
        "ministerial-conference", "2024-03-05")
    assert _conference(doc).event_type.endswith("/meeting")


def test_a_place_after_a_minister_s_title_is_where_the_meeting_is_held() -> None:
    # a minister serves at home: "les ministres de la Défense de l'Otan en Lituanie" tells
    # where they meet, while "l'ambassadeur du Maroc au Gabon" tells where he is posted
    doc = extract_dated(
        "Le ministre Pavel Novak a pris part mardi à la réunion des ministres de la Défense de l'Otan "
        "en Lituanie.",
        "minister-place", "2024-06-04")
    assert any(p.endswith("/lithuania") for p in event_at(doc, "réunion").places)


def test_the_talks_with_his_counterpart_are_his_too() -> None:
    # "L'entretien avec son homologue X": "son" is the visitor told just before, who takes part
    doc = extract_dated(
        "La ministre des Affaires étrangères, Ingrid Solberg, a effectué une visite de travail à Lisbonne "
        "le 14 mai. L'entretien avec son homologue portugais Rui Teixeira a porté sur la pêche et "
        "l'énergie.",
        "counterpart-talks", "2024-05-15")
    assert participant_slugs(event_at(doc, "entretien")) >= {"ingrid-solberg", "rui-teixeira"}


def test_the_new_minister_is_the_one_just_named_who_holds_that_office() -> None:
    # "X a choisi Berlin ... Le nouveau ministre des Affaires étrangères a rencontré ...": the
    # gazetteer says X held that office on the day; "nouveau" sets no one else apart
    doc = extract_dated(
        "Jean-Noël Barrot a réservé à Berlin son premier déplacement à l'étranger. Le nouveau ministre "
        "de l'Europe et des Affaires étrangères a rencontré lundi son homologue allemande, Annalena "
        "Baerbock, pour une heure d'entretien.",
        "new-minister", "2024-10-01")
    assert participant_slugs(event_at(doc, "rencontré")) >= {"jean-noel-barrot", "annalena-baerbock"}


def test_the_spread_of_a_virus_is_no_media_report() -> None:
    # "freiner la diffusion du virus": what spreads is no broadcast content, nothing is published
    doc = extract_dated(
        "Les deux ministres ont évoqué les mesures prises pour freiner la diffusion du virus dans la "
        "région.",
        "spread-virus", "2024-03-05")
    assert not [e for e in doc.events if e.event_type.endswith("/media-report")]


def test_the_broadcast_of_a_recording_is_still_a_media_report() -> None:
    doc = extract_dated(
        "La polémique a enflé après la diffusion d'une vidéo du ministre par une chaîne privée.",
        "broadcast-video", "2024-03-05")
    assert [e for e in doc.events if e.event_type.endswith("/media-report")]


def test_a_negotiated_outcome_is_no_negotiation() -> None:
    # "une issue négociée", "un cessez-le-feu négocié": the tagger reads the participle as an
    # infinitive; it still only describes the noun (issue 12, pattern 5)
    doc = extract_dated(
        "Le président a plaidé mardi pour une issue négociée du conflit. Il souhaite un cessez-le-feu "
        "négocié avant la fin de l'année.",
        "negotiated-adjective", "2024-03-05")
    assert not [e for e in doc.events if e.event_type.endswith("/negotiation")]


def test_an_outcome_to_negotiate_is_still_one() -> None:
    doc = extract_dated(
        "Les deux délégations ont négocié pendant trois jours à Genève un accord sur les frontières.",
        "negotiated-guard", "2024-03-05")
    assert [e for e in doc.events if e.event_type.endswith("/negotiation")]


def test_this_is_the_second_call_names_the_call_just_told() -> None:
    # "C'est le deuxième entretien téléphonique du mois": the predicate of "c'est" is the call just
    # told, counted in a series; no second node
    doc = extract_dated(
        "Le président Karim Mansouri s'est entretenu samedi par téléphone avec son homologue italien, "
        "Giorgio Conti. Les deux dirigeants ont évoqué la situation en Libye. C'est le deuxième "
        "entretien téléphonique entre les deux hommes en un mois.",
        "second-call", "2024-06-09")
    calls = [e for e in doc.events if e.event_type.endswith(("/meeting", "/consultation"))]
    assert len(calls) == 1, [e.trigger.text for e in calls]


def test_the_state_of_a_diplomacy_chief_s_title_is_no_participant() -> None:
    # "le chef de la diplomatie chinoise Wang Yi": China is named by the title of its minister,
    # who takes part; the state is no participant besides him
    doc = extract_dated(
        "Le ministre kazakh des Affaires étrangères, Nurlan Sadykov, a tenu mardi une réunion avec le chef "
        "de la diplomatie chinoise Wang Yi à Pékin.",
        "diplomacy-title-state", "2025-07-15")
    met = participant_slugs(event_at(doc, "réunion"))
    assert "wang-yi" in met and "china" not in met


def test_a_broadcaster_after_the_incise_verb_is_the_speaker_not_the_guest() -> None:
    # "..., avec son homologue français, Emmanuel Macron, a rapporté la télévision nationale": the
    # parser makes the guest the subject of "rapporté" (a conjunct of the call); the words after the
    # verb are its subject, a broadcaster that names no actor
    doc = extract_dated(
        "Le président Karim Mansouri s'est entretenu samedi par téléphone avec son homologue français, "
        "Emmanuel Macron, a rapporté la télévision nationale.",
        "broadcaster-incise", "2024-03-06")
    reported = [e for e in doc.events if e.trigger.text == "rapporté"]
    assert reported and not any(a.endswith("emmanuel-macron") for e in reported for a in e.agents)


def test_a_broadcaster_after_a_long_call_sentence_is_no_guest_either() -> None:
    # the same incise when the parser makes it the sentence's root
    doc = extract_dated(
        "Le président de la République Karim Mansouri s'est entretenu, ce samedi 2 mars 2024, par téléphone "
        "avec son homologue français, Emmanuel Macron, a rapporté la télévision publique.",
        "broadcaster-root", "2024-03-06")
    reported = [e for e in doc.events if e.trigger.text == "rapporté"]
    assert reported and not any(a.endswith("emmanuel-macron") for e in reported for a in e.agents)


def test_a_title_with_a_task_in_a_participle_phrase_names_the_holder_after_it() -> None:
    # "le chef du gouvernement chargé d'expédier les affaires courantes, X": the infinitive belongs
    # to the participle phrase that completes the title; X holds it
    doc = extract_dated(
        "Le président de la République a reçu mercredi le chef du gouvernement chargé d'expédier les "
        "affaires courantes, Nabil Ferjani.",
        "task-title", "2024-03-05")
    ferjani = next(e for e in doc.entities.values() if e.label == "Nabil Ferjani")
    assert any(r.role.endswith(("/prime-minister", "/head-of-government")) for r in ferjani.roles)


def test_a_title_coordinated_after_another_apposition_is_the_name_s() -> None:
    # "X, membre du Bureau politique du Comité central et ministre des Affaires étrangères, ...": the
    # title follows "et" in the apposition to X
    doc = extract_dated(
        "Le 26 octobre, Li Wei, membre du Bureau politique du Comité central et ministre des Affaires "
        "étrangères, s'est entretenu avec son homologue thaïlandais à Pékin.",
        "coordinated-apposition", "2024-10-27")
    li = next(e for e in doc.entities.values() if e.label == "Li Wei")
    assert any(r.role.endswith("/foreign-minister") for r in li.roles)


def test_a_month_said_to_be_last_stays_this_year_for_a_postponed_meeting() -> None:
    # "la réunion qui devait se tenir à la mi-février dernier avant d'être reportée": "dernier" says
    # the month is behind, even for a meeting still to be held (published in May)
    doc = extract_dated(
        "Les deux ministres ont évoqué la réunion de la commission mixte, qui devait se tenir à la "
        "mi-février dernier avant d'être reportée à une date ultérieure.",
        "last-february", "2021-05-12")
    date = event_at(doc, "réunion").date
    assert date is not None and date.iso == "2021-02"
