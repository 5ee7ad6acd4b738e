"""Press conferences and agency dispatches: who a bare office means, who an incise names.

Short texts written here (invented people, real states): two ministers named, then "Le
ministre" or "le président" alone; "les deux ministres" after a president was named; a
ministry named by its state's demonym and then "le ministère"; a quotation verb in an incise
("a poursuivi la ministre"); a trip "où elle participera à une réunion". The facts checked are
the ones a reader sees: who said the quoted words, who met, which meetings there are.
"""

from __future__ import annotations

import datetime

from diplograph.model import Event, ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from extracting import extract_text

GATHERINGS = {vocab_iri("event-type", s) for s in ("meeting", "negotiation", "consultation")}


def label(doc: ExtractedDocument, iri: str | None) -> str | None:
    return doc.entities[iri].label if iri in doc.entities else None


def speaker_of(doc: ExtractedDocument, words: str) -> str | None:
    quote = next(q for q in doc.quotes if q.span.text.startswith(words))
    return label(doc, quote.speaker)


def event_at(doc: ExtractedDocument, words: str) -> Event:
    begin = doc.source.text.index(words)
    end = begin + len(words)
    found = [e for e in doc.events if any(begin <= s.begin and s.end <= end for s in [e.trigger, *e.mentions])]
    assert len(found) == 1, (words, [(e.trigger.text, e.trigger.begin) for e in doc.events])
    return found[0]


def test_a_bare_office_after_two_holders_is_the_one_the_story_follows() -> None:
    text = ("Le ministre chilien des Affaires étrangères, Pablo Rojas, a reçu lundi à Santiago son "
            "homologue argentin, Martín Quiroga. « Nos deux pays doivent avancer ensemble », a déclaré "
            "M. Rojas. Le ministre a qualifié d'« historique » l'accord sur les glaciers.\n\n"
            "M. Quiroga s'est montré plus prudent sur la question des frontières. Le ministre a déclaré : "
            "« Rien n'est encore signé. »")
    doc = extract_text(text, "bare-office", datetime.date(2026, 4, 7))
    assert speaker_of(doc, "historique") == "Pablo Rojas"
    assert speaker_of(doc, "Rien n'est encore signé") == "Martín Quiroga"


def test_the_president_after_another_president_in_a_relative_clause_is_the_subject() -> None:
    text = ("Le président kényan, Daniel Mwangi, qui s'était entretenu dans la matinée avec le président "
            "de la Commission de l'Union africaine, Paul Nkosi, a salué la médiation du Qatar. « Le dialogue "
            "est la seule voie », a écrit le président sur les réseaux sociaux.")
    doc = extract_text(text, "president-subject", datetime.date(2026, 2, 3))
    assert speaker_of(doc, "Le dialogue est la seule voie") == "Daniel Mwangi"


def test_the_two_ministers_are_the_ministers_not_the_president_named_last() -> None:
    text = ("Le chef de la diplomatie grecque, Nikos Andreou, s'est entretenu hier par téléphone avec son "
            "homologue chypriote, Andreas Loizou. M. Loizou se rendra vendredi à Athènes, où il sera reçu "
            "par le président grec, Petros Manolis. Les deux ministres s'étaient déjà rencontrés le mois "
            "dernier à Bruxelles.")
    doc = extract_text(text, "two-ministers", datetime.date(2026, 5, 12))
    earlier = event_at(doc, "s'étaient déjà rencontrés")
    assert {label(doc, p.actor) for p in earlier.participants} == {"Nikos Andreou", "Andreas Loizou"}


def test_a_ministry_speaks_in_an_incise_and_is_then_the_ministry() -> None:
    text = ("La ministre ghanéenne des Affaires étrangères, Ama Owusu, s'est entretenue hier par téléphone "
            "avec son homologue togolais, Kossi Agbo, a annoncé mardi le ministère ghanéen des Affaires "
            "étrangères. Mme Owusu se rendra jeudi à Lomé, a précisé le ministère.")
    doc = extract_text(text, "ministry", datetime.date(2026, 9, 15))
    # the ministry named by its state's demonym is that state's organisation and speaks (not the
    # minister named in the clause it reports); "le ministère" later is the same one
    ministry = "ministère ghanéen des Affaires étrangères"
    assert [label(doc, a) for a in event_at(doc, "a annoncé mardi").agents] == [ministry]
    assert [label(doc, a) for a in event_at(doc, "a précisé le").agents] == [ministry]
    assert {e.affiliation for e in doc.entities.values() if e.label == ministry} == {id_iri("state", "ghana")}
    call = event_at(doc, "s'est entretenue hier par téléphone")
    assert {label(doc, p.actor) for p in call.participants} == {"Ama Owusu", "Kossi Agbo"}


def test_a_quotation_verb_in_an_incise_is_a_statement_of_its_speaker() -> None:
    text = ("La ministre portugaise, Inês Duarte, a insisté sur l'urgence. « Chaque jour compte », "
            "a poursuivi la ministre portugaise. « Nous ne lâcherons rien », conclut-elle.")
    doc = extract_text(text, "incise-verbs", datetime.date(2026, 1, 20))
    statement = vocab_iri("event-type", "statement")
    for words in ("poursuivi", "conclut"):
        event = event_at(doc, words)
        assert event.event_type == statement
        assert [label(doc, a) for a in event.agents] == ["Inês Duarte"]
    assert speaker_of(doc, "Chaque jour compte") == "Inês Duarte"


def test_a_meeting_attended_where_a_trip_goes_is_the_trip_and_is_planned() -> None:
    text = ("La ministre malaisienne des Affaires étrangères, Siti Rahman, se rendra jeudi à Doha, "
            "où elle participera à une réunion ministérielle sur la sécurité maritime.")
    doc = extract_text(text, "trip-occasion", datetime.date(2026, 3, 10))
    trip = event_at(doc, "se rendra jeudi")
    assert [e for e in doc.events if e.event_type in GATHERINGS] == [trip]
    assert trip.status == vocab_iri("event-status", "planned")
    assert trip.date is not None and trip.date.iso == "2026-03-12"


def test_the_two_parties_of_a_joint_declaration_commit_as_ministers_and_states() -> None:
    text = ("À l'invitation de la ministre des Relations extérieures de l'Équateur, Mme Lucía Andrade, le "
            "ministre des Relations extérieures de la Colombie, M. Felipe Ortega, a effectué une visite "
            "officielle à Quito le 3 mars 2026.\n\n"
            "Les deux parties se sont engagées à renforcer la coopération frontalière et ont appelé à un "
            "cessez-le-feu au Soudan.")
    doc = extract_text(text, "two-parties", datetime.date(2026, 3, 4))
    commitment = event_at(doc, "engagées à renforcer")
    assert commitment.event_type == vocab_iri("event-type", "agreement")
    assert {label(doc, p.actor) for p in commitment.participants} == {
        "Lucía Andrade", "Felipe Ortega", "Équateur", "Colombie"}
    # one position per side, held by the minister who speaks for it
    holders = [label(doc, p.holder) for p in doc.positions if p.issue == vocab_iri("issue", "ceasefire")]
    assert set(holders) == {"Felipe Ortega", "Lucía Andrade"}


def test_an_invitation_to_visit_is_a_proposal_and_the_invited_is_the_visitor() -> None:
    text = ("Le ministre colombien, M. Felipe Ortega, a invité Mme Lucía Andrade à effectuer une visite "
            "officielle en Colombie. Il a aussi invité les deux pays voisins à la retenue.")
    doc = extract_text(text, "invitation", datetime.date(2026, 3, 4))
    invitation = event_at(doc, "a invité Mme")
    assert invitation.event_type == vocab_iri("event-type", "proposal")
    visit = event_at(doc, "une visite officielle")
    assert visit.status == vocab_iri("event-status", "planned")
    assert "Lucía Andrade" in {label(doc, p.actor) for p in visit.participants}
    assert event_at(doc, "a aussi invité").event_type == vocab_iri("event-type", "appeal")


def test_a_short_time_or_place_complement_before_avec_keeps_the_counterpart() -> None:
    text = ("La présidente slovène, Nina Kovač, qui s'était entretenue dans la matinée avec le secrétaire "
            "général de l'OTAN, Mark Rutte, a salué l'accord. Le ministre croate, Ivan Horvat, s'est "
            "entretenu à Zagreb avec son homologue autrichien, Lukas Berger.")
    doc = extract_text(text, "avec-after-complement", datetime.date(2026, 2, 3))
    morning = event_at(doc, "s'était entretenue")
    assert {"Nina Kovač", "Mark Rutte"} <= {label(doc, p.actor) for p in morning.participants}
    zagreb = event_at(doc, "s'est entretenu à Zagreb")
    assert {"Ivan Horvat", "Lukas Berger"} <= {label(doc, p.actor) for p in zagreb.participants}


def test_a_qualified_office_with_two_holders_and_an_unnamed_counterpart() -> None:
    text = ("Le ministre kényan des Affaires étrangères, Peter Otieno, et le ministre kényan de l'Énergie, "
            "James Kamau, ont reçu à Nairobi la ministre tanzanienne des Affaires étrangères, Grace Mushi.\n\n"
            "Le 3 mai, Peter Otieno et Grace Mushi ont signé l'accord. Le ministre kényan a qualifié le "
            "texte d'« avancée majeure », tandis que son homologue a salué « un jour important pour la "
            "région ».")
    doc = extract_text(text, "qualified-two-holders", datetime.date(2026, 5, 4))
    assert speaker_of(doc, "avancée majeure") == "Peter Otieno"
    assert speaker_of(doc, "un jour important") == "Grace Mushi"


def test_an_act_of_two_leaders_takes_the_day_of_their_call_not_of_a_later_talk() -> None:
    text = ("Le président finlandais, Juha Lehto, s'est entretenu hier par téléphone avec le président "
            "estonien, Tarmo Kask. Les deux présidents ont évoqué la sécurité en mer Baltique.\n\n"
            "Le ministre finlandais des Affaires étrangères, Ville Niemi, s'entretient ce jour à Helsinki "
            "avec son homologue estonienne, Kadri Saar.\n\n"
            "Les deux présidents sont convenus de se revoir à Tallinn en juin.")
    doc = extract_text(text, "leaders-call-day", datetime.date(2026, 3, 5))
    assert event_at(doc, "entretenu hier par téléphone").date.iso == "2026-03-04"
    assert event_at(doc, "sont convenus").date.iso == "2026-03-04"


def test_the_office_after_du_and_an_invitation_to_visit() -> None:
    text = ("Le Président de la République s'est entretenu hier par téléphone avec le président kényan, "
            "M. Samuel Kariuki. Ils ont rappelé les accords signés lors de la visite du Président de la "
            "République à Nairobi en mars dernier. Le Président de la République a remercié son homologue "
            "pour son invitation à effectuer une visite d'État au Kenya, dont la date sera fixée "
            "ultérieurement.")
    doc = extract_text(text, "du-president", datetime.date(2024, 6, 12))
    past = event_at(doc, "la visite du Président")
    assert "Emmanuel Macron" in {label(doc, p.actor) for p in past.participants}
    assert event_at(doc, "une visite d'État").status == vocab_iri("event-status", "planned")


def test_regional_organisations_of_the_americas_and_eurasia_are_organisations() -> None:
    text = ("Les deux ministres ont réaffirmé leur attachement à l'Alliance du Pacifique et à l'Unasur. "
            "Moscou a réuni les membres de l'OTSC, tandis que l'UNRWA a lancé un appel aux donateurs.")
    doc = extract_text(text, "regional-orgs", datetime.date(2026, 1, 10))
    orgs = {e.iri for e in doc.entities.values() if e.kind == "org"}
    assert {id_iri("org", s) for s in ("pacific-alliance", "unasur", "csto", "unrwa")} <= orgs


def test_a_princely_title_between_an_office_and_a_name() -> None:
    text = ("Le ministre saoudien des Affaires étrangères, le prince Fahd ben Saad, a reçu mardi à Riyad "
            "son homologue omanais, Saïd Al-Busaidi. Le prince héritier saoudien, Mohammed ben Salmane, "
            "a ensuite reçu le ministre omanais.")
    doc = extract_text(text, "prince-title", datetime.date(2022, 12, 21))
    people = {e.label: e for e in doc.entities.values() if e.kind == "person"}
    assert [r.role for r in people["Fahd ben Saad"].roles] == [vocab_iri("role", "foreign-minister")]
    assert not [label for label in people if "ministre" in label]  # no unnamed second minister
    meeting = event_at(doc, "a reçu mardi")
    assert {label(doc, p.actor) for p in meeting.participants} == {"Fahd ben Saad", "Saïd Al-Busaidi"}
    assert [r.role for r in people["Mohammed ben Salmane"].roles] == [vocab_iri("role", "crown-prince")]


def test_speaker_after_an_addressee_and_after_d_apres() -> None:
    text = ("Le ministre iranien des Affaires étrangères, Reza Karimi, a reçu dimanche son homologue irakien, "
            "Ali Hassan. « Le dialogue avance », a affirmé à la presse le ministre iranien. D'après le "
            "ministre, les relations « vont dans la bonne direction ». « Rien n'est réglé », a indiqué à "
            "l'AFP un conseiller du ministre.")
    doc = extract_text(text, "addressee", datetime.date(2023, 8, 20))
    assert speaker_of(doc, "Le dialogue avance") == "Reza Karimi"
    assert speaker_of(doc, "vont dans la bonne direction") == "Reza Karimi"
    # an unnamed adviser of the minister is not the minister, nor the agency spoken to
    assert speaker_of(doc, "Rien n'est réglé") not in ("Reza Karimi", "Agence France-Presse", "AFP")


def test_words_qualifying_what_a_speaker_describes_are_the_speaker_s() -> None:
    text = ("La ministre malaisienne des Affaires étrangères, Siti Rahman, s'est rendue jeudi à Hanoï. "
            "Elle a évoqué une discussion « franche et productive » avec son homologue.")
    doc = extract_text(text, "described-quote", datetime.date(2026, 3, 13))
    assert speaker_of(doc, "franche et productive") == "Siti Rahman"


def test_a_date_set_off_by_commas_and_falling_into_agreement() -> None:
    text = ("Le président slovaque, Peter Hudák, doit s'entretenir, jeudi 19 mars, par téléphone avec le "
            "président hongrois, Gábor Tóth. Les deux présidents sont tombés d'accord sur un calendrier.")
    doc = extract_text(text, "commas-date", datetime.date(2026, 3, 17))
    call = event_at(doc, "s'entretenir")
    assert {label(doc, p.actor) for p in call.participants} == {"Peter Hudák", "Gábor Tóth"}
    assert call.date is not None and call.date.iso == "2026-03-19"
    assert event_at(doc, "tombés d'accord").event_type == vocab_iri("event-type", "agreement")


def test_a_phone_call_told_by_telephoner_a() -> None:
    text = ("Le président américain, John Miller, a téléphoné lundi au président slovaque, Peter Hudák, "
            "ainsi qu'à son homologue polonais, Adam Nowicki.")
    doc = extract_text(text, "telephoner", datetime.date(2026, 3, 17))
    call = event_at(doc, "téléphoné")
    assert call.event_type in GATHERINGS
    assert {label(doc, p.actor) for p in call.participants} == {"John Miller", "Peter Hudák", "Adam Nowicki"}
    assert call.date is not None and call.date.iso == "2026-03-16"


def test_calling_someone_is_a_call_calling_on_someone_is_an_appeal() -> None:
    text = ("Le président finlandais, Juha Lehto, a appelé mardi le président estonien, Tarmo Kask. "
            "Il a appelé la Russie à cesser les survols. Il a dénoncé ce qu'il a appelé une provocation.")
    doc = extract_text(text, "calling", datetime.date(2026, 3, 17))
    call = event_at(doc, "a appelé mardi")
    assert call.event_type in GATHERINGS
    assert {label(doc, p.actor) for p in call.participants} == {"Juha Lehto", "Tarmo Kask"}
    assert event_at(doc, "a appelé la Russie").event_type == vocab_iri("event-type", "appeal")
    begin = doc.source.text.index("qu'il a appelé")
    assert not [e for e in doc.events if begin <= e.trigger.begin < begin + 20]
