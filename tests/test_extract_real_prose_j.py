"""Constructions read in real agency dispatches, joint communiqués and ministry readouts (issue 12,
real-prose round J).

Each construction was read in real French prose; the texts below are ours, with invented people.
Each test failed on the code before its rule, except the guards, which say where a rule must stop.
"""

from __future__ import annotations

from extracting import event_at, event_kind, extract_dated, participant_slugs


def test_a_weekday_before_a_full_date_is_that_date() -> None:
    # "Jeudi, 14 mars 2024, X recevra ...", published that Thursday: the weekday heads the written
    # date, it is not a Thursday of its own a week ahead
    doc = extract_dated(
        "Jeudi, 14 mars 2024, le président Kofi Mensah recevra à Accra les ambassadeurs des pays du Golfe.",
        "weekday-full-date", "2024-03-14")
    assert event_at(doc, "recevra").date.iso == "2024-03-14"


def test_a_weekday_alone_in_the_future_still_looks_ahead() -> None:
    # guard: no written date after the weekday, the future tense keeps the Thursday to come (published
    # on a Tuesday; on a Thursday "recevra jeudi" is that day: tests/test_extract_lead_ninth.py)
    doc = extract_dated(
        "Le président Kofi Mensah recevra jeudi à Accra les ambassadeurs des pays du Golfe.",
        "weekday-future", "2024-03-12")
    assert event_at(doc, "recevra").date.iso == "2024-03-14"


def test_a_telephone_communication_is_a_call() -> None:
    # "a eu une communication téléphonique avec son homologue": a call, with both sides and its day
    doc = extract_dated(
        "Le président de la République, Kofi Mensah, a eu, hier, une communication téléphonique avec son "
        "homologue togolais, Yao Agbeko, au cours de laquelle ils ont évoqué la sécurité du golfe de Guinée.",
        "phone-communication", "2024-03-14")
    call = event_at(doc, "communication téléphonique")
    assert event_kind(call) == "consultation"
    assert participant_slugs(call) >= {"kofi-mensah", "yao-agbeko"}
    assert call.date.iso == "2024-03-13"


def test_the_latter_named_by_ce_dernier_takes_part() -> None:
    # "la visite de ce dernier": the person named last before it makes the visit
    doc = extract_dated(
        "Le président tanzanien Juma Mfinanga a reçu mardi le ministre kényan Peter Otieno. La visite de ce "
        "dernier doit relancer le commerce entre les deux pays.",
        "ce-dernier", "2024-03-14")
    assert "peter-otieno" in participant_slugs(event_at(doc, "visite"))
    assert "juma-mfinanga" not in participant_slugs(event_at(doc, "visite"))


def test_the_sovereign_is_the_monarch_named_before() -> None:
    # "le Souverain", as Maghreb and Gulf agencies name a king: the monarch told before
    doc = extract_dated(
        "Le roi Letsie IV a été accueilli lundi à Maputo par le président Daniel Chapo. Le Souverain a "
        "ensuite eu un entretien avec le Premier ministre Maria Benvinda Levi.",
        "souverain", "2024-03-14")
    assert "letsie-iv" in participant_slugs(event_at(doc, "entretien"))


def test_an_official_trip_is_a_visit() -> None:
    # "est en voyage officiel en Lettonie": a visit, its traveller the subject
    doc = extract_dated(
        "La présidente estonienne Kaja Tamm est, depuis ce samedi, en voyage officiel en Lettonie, où elle doit "
        "signer un accord sur l'énergie.",
        "official-trip", "2024-03-14")
    trip = event_at(doc, "voyage officiel")
    assert event_kind(trip) == "meeting"
    assert "kaja-tamm" in participant_slugs(trip)


def test_since_a_weekday_looks_back() -> None:
    # "est en visite ... depuis samedi", published on a Thursday: the Saturday before, under way
    doc = extract_dated(
        "La présidente estonienne Kaja Tamm est en visite officielle en Lettonie depuis samedi.",
        "since-weekday", "2024-03-14")
    visit = event_at(doc, "visite")
    assert visit.date.iso == "2024-03-09"
    assert visit.status.endswith("occurred")


def test_a_single_quoted_word_without_a_speech_verb_is_no_quote() -> None:
    # 'une visite qui a servi à "apaiser" les relations': the writer's scare quotes, no statement
    doc = extract_dated(
        "Le président ghanéen Kofi Mensah a accueilli jeudi son homologue togolais Yao Agbeko, dans le cadre "
        "d'une visite qui a servi à \"apaiser\" les relations bilatérales.",
        "scare-quotes", "2024-03-14")
    assert not [q for q in doc.quotes if q.span.text.strip() == "apaiser"]


def test_a_quoted_word_given_by_a_speech_verb_stays_a_quote() -> None:
    # guard: one word, but a speech verb gives it a speaker
    doc = extract_dated(
        "Le président Kofi Mensah a qualifié la décision d'« inacceptable », a-t-il dit mardi à Accra.",
        "word-quote", "2024-03-14")
    assert [q for q in doc.quotes if "inacceptable" in q.span.text]


def test_the_speaker_inverted_after_an_adjunct_speaks() -> None:
    # '"...", a déclaré lors d'un point de presse X, porte-parole ...': the name after the adjunct is
    # the inverted subject; the incise that follows is hers too
    doc = extract_dated(
        "\"Cette visite ouvre une ère nouvelle entre nos deux pays\", a déclaré lors d'un point de presse Ama "
        "Owusu, porte-parole du ministère ghanéen des Affaires étrangères. \"Le Togo reste notre premier "
        "partenaire\", a-t-elle ajouté.",
        "inverted-after-adjunct", "2024-03-14")
    speakers = {doc.entities[q.speaker].label for q in doc.quotes if q.speaker}
    assert len(doc.quotes) == 2 and all(q.speaker for q in doc.quotes)
    assert speakers == {"Ama Owusu"}


def test_the_same_source_is_the_document_quoted_before() -> None:
    # guard: "..., indique un communiqué du ministère X. « ... », précise la même source": the ministry
    # again (passes on main when the ministry is named with its state)
    doc = extract_dated(
        "Le ministre ghanéen des Affaires étrangères, Kwame Boateng, a reçu mardi l'ambassadeur du Japon, "
        "indique un communiqué du ministère ghanéen des Affaires étrangères. « Les deux parties ont passé en "
        "revue la coopération », précise la même source.",
        "same-source", "2024-03-14")
    quote = next(q for q in doc.quotes if "coopération" in q.span.text)
    assert quote.speaker is not None
    said = event_at(doc, "précise")
    assert said.agents and said.status.endswith("occurred")


def test_the_adjective_souverain_names_no_office() -> None:
    # "souverain" as an adjective ("X, souverain dans ses choix", "le peuple souverain") is no
    # title: the noun "le Souverain" is, with its determiner
    doc = extract_dated(
        "Le ministre Kofi Mensah, souverain dans ses choix, a reçu mardi l'ambassadeur du Japon.",
        "souverain-adjective", "2024-03-14")
    person = next(e for e in doc.entities.values() if e.label == "Kofi Mensah")
    assert not any(r.role.endswith("head-of-state") for r in person.roles)
