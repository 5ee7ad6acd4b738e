"""Days counted from the narration, courtesy titles before names, promises as statements.

Short texts written here (invented people): a readout that tells one day and then counts
from it ("Le lendemain", "La veille", "Le même jour"); a lower-case courtesy title ("cheikh")
between an office and a name; a promise told in reported speech. The facts checked are the
ones a reader sees: the day each meeting took place, who holds which office, who said what.
"""

from __future__ import annotations

import datetime

from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import vocab_iri
from extracting import extract_text

GATHERINGS = {vocab_iri("event-type", s) for s in ("meeting", "negotiation", "consultation")}


def gathering_at(doc: ExtractedDocument, words: str) -> Event:
    """The one meeting, talk or call with a mention inside ``words`` of the text."""
    begin = doc.source.text.index(words)
    end = begin + len(words)
    found = [e for e in doc.events if e.event_type in GATHERINGS
             and any(begin <= s.begin and s.end <= end for s in [e.trigger, *e.mentions])]
    assert len(found) == 1, (words, [(e.trigger.text, e.trigger.begin) for e in doc.events])
    return found[0]


def test_the_next_day_and_the_day_before_count_from_the_day_just_told() -> None:
    text = ("Le 10 mars, la ministre Anna Lindqvist a rencontré à Oslo son homologue Pedro Alves. "
            "Le lendemain, à Bergen, elle s'est entretenue avec le ministre Erik Dahl.\n\n"
            "Le 14 mars, elle a été reçue à Riga par la ministre Ilze Ozola. "
            "La veille, elle avait rencontré à Vilnius le ministre Jonas Petraitis.")
    doc = extract_text(text, "narrated-days", datetime.date(2026, 3, 20))
    assert gathering_at(doc, "a rencontré à Oslo").date.iso == "2026-03-10"
    assert gathering_at(doc, "elle s'est entretenue avec").date.iso == "2026-03-11"
    assert gathering_at(doc, "a été reçue à Riga").date.iso == "2026-03-14"
    assert gathering_at(doc, "avait rencontré à Vilnius").date.iso == "2026-03-13"


def test_the_same_day_chains_and_the_day_after_an_event_named_is_not_counted() -> None:
    text = ("Le 2 juin, le ministre Tomas Berg a été reçu à Prague par le Premier ministre Jan Novak. "
            "Le même jour, il a rencontré le ministre Petr Dvorak. "
            "Le lendemain, il s'est entretenu à Brno avec la ministre Eva Horakova.\n\n"
            "Le lendemain de son investiture, la présidente Marta Ruiz a reçu le ministre Hugo Lenz.")
    doc = extract_text(text, "same-day", datetime.date(2026, 6, 10))
    assert gathering_at(doc, "il a rencontré le ministre Petr").date.iso == "2026-06-02"
    assert gathering_at(doc, "il s'est entretenu à Brno").date.iso == "2026-06-03"
    # "le lendemain de son investiture": a day after something the text does not date
    later = gathering_at(doc, "a reçu le ministre Hugo")
    assert later.date is None or later.date.iso != "2026-06-04"


def test_a_lower_case_courtesy_title_sits_between_an_office_and_a_name() -> None:
    from diplograph.namespaces import id_iri

    text = ("Le ministre des Affaires étrangères Karl Berg a été reçu mardi à Doha par le Premier ministre, "
            "cheikh Nasser Al-Kuwari. "
            "Il s'est ensuite entretenu avec son homologue qatari, cheikh Fahad Al-Thani.")
    doc = extract_text(text, "courtesy-title", datetime.date(2026, 3, 20))
    people = {iri for iri, e in doc.entities.items() if e.kind == "person"}
    assert id_iri("person", "nasser-al-kuwari") in people
    assert id_iri("person", "fahad-al-thani") in people
    assert not [p for p in people if "homologue" in p]  # "son homologue qatari" is not a name
    holders = {(iri, r.role.rsplit("/", 1)[1]) for iri, e in doc.entities.items() for r in e.roles}
    assert (id_iri("person", "nasser-al-kuwari"), "prime-minister") in holders
    assert (id_iri("person", "fahad-al-thani"), "foreign-minister") in holders


def test_a_promise_is_a_statement_of_whom_it_quotes_but_a_promised_thing_is_not() -> None:
    from diplograph.namespaces import id_iri

    text = ("Le Premier ministre Nikola Stojanov a rappelé que l'ancien commissaire Peter Holm avait promis "
            "en 2018 une adhésion \"avant la fin de la décennie\". L'aide promise à la région reste bloquée.")
    doc = extract_text(text, "promise", datetime.date(2026, 3, 20))
    statement = vocab_iri("event-type", "statement")
    promised = [e for e in doc.events if e.trigger.text == "promis"]
    assert len(promised) == 1 and promised[0].event_type == statement
    assert promised[0].date is not None and promised[0].date.iso == "2018"
    assert [q.speaker for q in doc.quotes] == [id_iri("person", "peter-holm")]
    assert not [e for e in doc.events if e.trigger.text == "promise"]  # "l'aide promise": a thing


def test_numbered_sessions_are_meetings_of_their_own_placed_by_their_parenthesis() -> None:
    text = ("Les deux pays ont tenu trois sessions de pourparlers entre 2021 et 2022.\n\n"
            "La première session (Tallinn, 3-4 mai 2021) a réuni les ministres Anna Kask et Juris Ozols. "
            "La deuxième session s'est tenue à Riga le 9 septembre 2021.\n\n"
            "Le 12 mars 2022, à Vilnius, la ministre Anna Kask a eu un entretien avec son homologue Jonas Petraitis. "
            "Les deux ministres ont ensuite coprésidé la quatrième session de la commission mixte.")
    doc = extract_text(text, "sessions", datetime.date(2024, 2, 1))
    first = gathering_at(doc, "La première session")
    second = gathering_at(doc, "La deuxième session")
    assert first is not second
    assert first.date.iso == "2021-05-03" and [p.rsplit("/", 1)[1] for p in first.places] == ["tallinn"]
    assert second.date.iso == "2021-09-09" and [p.rsplit("/", 1)[1] for p in second.places] == ["riga"]
    # "la quatrième session" is one of a series, not a further mention of the talks just told
    assert gathering_at(doc, "la quatrième session") is not gathering_at(doc, "a eu un entretien")


def test_an_incise_after_a_reported_promise_is_the_reporter_speaking() -> None:
    from diplograph.namespaces import id_iri

    text = ("Le Premier ministre Nikola Stojanov a rappelé que l'ancien commissaire Peter Holm avait promis "
            "en 2018 une adhésion \"avant la fin de la décennie\". \"Nous attendons depuis vingt ans\", "
            "a-t-il lancé.")
    doc = extract_text(text, "reported-promise", datetime.date(2026, 3, 20))
    speakers = {q.span.text: q.speaker for q in doc.quotes}
    assert speakers["avant la fin de la décennie"] == id_iri("person", "peter-holm")
    assert speakers["Nous attendons depuis vingt ans"] == id_iri("person", "nikola-stojanov")


def test_a_conditional_in_reported_speech_is_a_meeting_still_to_come() -> None:
    text = ("Le Premier ministre Erion Dushku a salué mercredi un accord, avant d'ajouter que les six "
            "gouvernements se retrouveraient en mars à Skopje pour un premier bilan.")
    doc = extract_text(text, "future-of-the-past", datetime.date(2024, 10, 16))
    meeting = gathering_at(doc, "se retrouveraient")
    assert meeting.status in {vocab_iri("event-status", "planned"), vocab_iri("event-status", "announced")}
    assert meeting.date is not None and meeting.date.iso == "2025-03"


def test_an_imperfect_is_not_read_as_a_conditional() -> None:
    from diplograph.analyse import load_nlp
    from diplograph.extract.verb_forms import future_form

    doc = load_nlp()("Le ministre déclarait alors que les gouvernements se retrouveraient et pourraient "
                     "conclure, comme ils le faisaient souvent.")
    forms = {t.text: future_form(t) for t in doc if t.pos_ in ("VERB", "AUX")}
    assert forms["retrouveraient"] and forms["pourraient"]
    assert not forms["déclarait"] and not forms["faisaient"]


def _sides(event: Event) -> dict[str, str | None]:
    return {p.actor.rsplit("/", 1)[1]: (p.side or "").rsplit("/", 1)[-1] or None for p in event.participants}


def test_a_travelling_party_is_one_side() -> None:
    # a readout names its own minister by a bare office; the state it gives is a companion's
    text = ("Le ministre des Affaires étrangères, M. Tran Van Long, a effectué du 10 au 12 mars une tournée "
            "dans le Golfe. Il était accompagné de la vice-ministre du Commerce, Mme Nguyen Thi Mai, et de "
            "l'ambassadeur du Vietnam au Koweït, M. Vo Quang Huy.\n\n"
            "Le 11 mars, M. Tran Van Long a été reçu à Manama par le ministre bahreïnien des Affaires "
            "étrangères, M. Khalid Al-Sayed.")
    doc = extract_text(text, "travelling-party", datetime.date(2025, 3, 14))
    sides = _sides(gathering_at(doc, "a été reçu à Manama"))
    assert sides.get("tran-van-long") == "vietnam"
    assert sides.get("khalid-al-sayed") == "bahrain"  # "bahreïnien", the usual demonym


def test_delegation_heads_after_a_comma_and_a_title_take_their_delegation_side() -> None:
    text = ("La première session (Vientiane, 21-23 mars 2016) a réuni la délégation lao, conduite par le "
            "vice-ministre des Affaires étrangères Somsak Vongsa, et la délégation cambodgienne, dirigée par "
            "le secrétaire d'État Chan Dara.")
    doc = extract_text(text, "delegation-heads", datetime.date(2024, 2, 1))
    sides = _sides(gathering_at(doc, "La première session"))
    assert sides.get("somsak-vongsa") == "laos" and sides.get("chan-dara") == "cambodia"


def test_the_host_named_beside_a_later_mention_takes_part_in_the_gathering() -> None:
    text = ("Les dirigeants de six pays, réunis mercredi à Tirana avec la présidente de la Commission, "
            "Marta Lind, ont adopté un plan. Lors d'une conférence de presse, le Premier ministre albanais, "
            "Erion Kola, hôte de la réunion, a salué un accord.")
    doc = extract_text(text, "host-beside", datetime.date(2024, 10, 16))
    summit = gathering_at(doc, "réunis mercredi à Tirana")
    assert gathering_at(doc, "hôte de la réunion") is summit  # one summit, not a second meeting
    sides = _sides(summit)
    assert sides.get("erion-kola") == "albania" and "marta-lind" in sides
    assert summit.host is not None and summit.host.endswith("/erion-kola")


def test_a_planned_gathering_told_twice_with_its_place_and_month_is_one() -> None:
    text = ("Le Premier ministre Erion Kola a ajouté que les six gouvernements se retrouveraient en mars à "
            "Skopje. Il a rappelé le sommet de 2023 à Podgorica. Le prochain sommet se tiendra à Skopje en "
            "mars 2025, a-t-il confirmé. Un autre sommet se tiendra à Skopje en juin 2025.")
    doc = extract_text(text, "planned-twice", datetime.date(2024, 10, 16))
    march = gathering_at(doc, "se retrouveraient en mars")
    assert gathering_at(doc, "Le prochain sommet") is march
    assert march.date.iso == "2025-03"
    assert gathering_at(doc, "Un autre sommet") is not march  # another month: another summit


def test_who_has_talks_or_co_chairs_a_session_takes_part_in_it() -> None:
    text = ("Le 11 mars, la ministre Anna Kask a eu un entretien avec son homologue Jonas Petraitis. "
            "Les deux ministres ont ensuite coprésidé la quatrième session de la commission mixte.")
    doc = extract_text(text, "light-verbs", datetime.date(2026, 3, 20))
    talks = gathering_at(doc, "a eu un entretien")
    assert {"anna-kask", "jonas-petraitis"} <= set(_sides(talks))
    session = gathering_at(doc, "la quatrième session")
    assert session is not talks and {"anna-kask", "jonas-petraitis"} <= set(_sides(session))


def test_received_in_audience_the_same_day_is_another_meeting_with_its_host() -> None:
    text = ("Le 10 mars, le ministre Karl Berg a eu un entretien avec son homologue Salem Al-Kuwari. "
            "Le même jour, M. Karl Berg a été reçu en audience par le Premier ministre, cheikh Nasser "
            "Al-Sabah. La session de la commission mixte s'est ouverte ensuite. À l'issue de la session, "
            "les deux ministres ont signé un accord.")
    doc = extract_text(text, "audience", datetime.date(2026, 3, 20))
    talks = gathering_at(doc, "a eu un entretien")
    audience = gathering_at(doc, "a été reçu en audience")
    assert audience is not talks
    assert {"karl-berg", "nasser-al-sabah"} <= set(_sides(audience))
    assert "nasser-al-sabah" not in _sides(talks)
    assert gathering_at(doc, "À l'issue de la session") is gathering_at(doc, "La session de la commission")


def test_a_role_phrase_cut_short_by_an_institution_name() -> None:
    # "président du Conseil" is a head of government; "président du Conseil européen" presides it
    text = ("Le président du Conseil européen, Antoine Morel, a reçu mardi à Bruxelles le président du Conseil "
            "italien, Mario Bianchi.")
    doc = extract_text(text, "role-cut", datetime.date(2026, 3, 20))
    roles = {iri.rsplit("/", 1)[1]: {r.role.rsplit("/", 1)[1] for r in e.roles}
             for iri, e in doc.entities.items() if e.kind == "person"}
    assert roles["antoine-morel"] == {"president"}
    assert roles["mario-bianchi"] == {"prime-minister"}


def test_an_act_someone_was_brought_to_has_occurred() -> None:
    occurred, planned = vocab_iri("event-status", "occurred"), vocab_iri("event-status", "planned")
    text = ("En 2015, des patrouilles s'étaient affrontées, ce qui avait conduit l'ASEAN à appeler les deux "
            "gouvernements à la retenue. L'Union africaine a décidé de lancer un appel aux deux camps.")
    doc = extract_text(text, "caused-act", datetime.date(2024, 2, 1))
    statuses = {e.trigger.text: e.status for e in doc.events}
    assert statuses["appeler"] == occurred
    assert statuses.get("appel", planned) == planned  # "a décidé de lancer": still to come


def test_words_quoted_in_what_a_minister_says_his_state_thinks_are_his() -> None:
    from diplograph.namespaces import id_iri

    text = ("Au cours de ces entretiens, la ministre Anna Kask a souligné que l'Estonie considérait les pays "
            "nordiques comme « des partenaires prioritaires ». Le Kremlin a qualifié ces propos de « provocation ».")
    doc = extract_text(text, "reported-state", datetime.date(2026, 3, 20))
    speakers = {q.span.text: q.speaker for q in doc.quotes}
    assert speakers["des partenaires prioritaires"] == id_iri("person", "anna-kask")
    assert speakers["provocation"] != id_iri("person", "anna-kask")  # a state's own speech act stays its own


def test_talks_named_by_an_object_noun_carry_the_narrated_day() -> None:
    text = ("Le 10 mars, la ministre Anna Kask a eu un entretien avec son homologue Jonas Petraitis. "
            "Les deux ministres ont ensuite coprésidé la quatrième session de la commission mixte. "
            "À l'issue de la session, ils ont signé un accord.")
    doc = extract_text(text, "object-noun-day", datetime.date(2026, 3, 20))
    session = gathering_at(doc, "la quatrième session")
    assert session.date is not None and session.date.iso == "2026-03-10"
    signed = [e for e in doc.events if e.trigger.text == "signé"]
    assert len(signed) == 1 and signed[0].date is not None and signed[0].date.iso == "2026-03-10"


def test_numbered_rounds_are_part_of_the_series_told_before_them() -> None:
    text = ("Les deux pays ont tenu quatre sessions de pourparlers entre 2016 et 2018.\n\n"
            "La première session (Vientiane, 21-23 mars 2016) a réuni les ministres Somsak Vongsa et Chan Dara. "
            "Les pourparlers ont repris à Luang Prabang en février 2018. "
            "La quatrième et dernière session (Siem Reap, 11-12 juin 2018) a abouti à un accord.")
    doc = extract_text(text, "rounds", datetime.date(2024, 2, 1))
    series = gathering_at(doc, "quatre sessions de pourparlers")
    for words in ("La première session", "La quatrième et dernière session"):
        rounds = gathering_at(doc, words)
        assert ("partOf", series.trigger.begin) in {(r.relation, r.other) for r in rounds.relations}, words
