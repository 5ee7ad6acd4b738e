"""One declaration, one statement; the acts told inside a visit of several days (issue 12, round decl).

Real agency dispatches tell a press declaration verb by verb ("a souligné que ..., avant de
préciser que ..."), and ministry readouts tell a state visit of several days, then the talks, the
signing and the next day's audiences held on it. The texts below are ours, with invented people.
Each test that asserts a new rule failed on the code before it; the guards say what the rule
must leave.
"""

from __future__ import annotations

from extracting import event_at, event_kind, extract_dated, participant_sides


def _slugs(iris: list[str]) -> set[str]:
    return {i.rsplit("/", 1)[-1] for i in iris}


def test_a_saying_going_on_in_the_infinitive_is_the_same_statement() -> None:
    # "avant de préciser que ...": the minister goes on speaking; one statement, his, dated on the
    # day he spoke (not on the year the words he reports name)
    doc = extract_dated(
        "Le ministre slovaque des Affaires étrangères, Peter Hudák, a reçu mardi à Bratislava son "
        "homologue autrichienne, Lena Gruber. Le chef de la diplomatie slovaque a indiqué que le pont "
        "sur le Danube serait rouvert en 2029, avant de préciser que les travaux restaient à financer.",
        "decl-infinitive", "2026-05-12")
    statement = event_at(doc, "indiqué")
    assert [m.text for m in statement.mentions] == ["préciser"]
    assert _slugs(statement.agents) == {"peter-hudak"}
    assert statement.date is not None and statement.date.iso == "2026-05-12"
    assert sum(event_kind(e) == "statement" for e in doc.events) == 1


def test_a_gerund_of_saying_goes_on_with_its_sentence_statement() -> None:
    doc = extract_dated(
        "La ministre lettone, Ilze Ozola, a affirmé jeudi que la frontière resterait ouverte, tout en "
        "rappelant que les contrôles seraient renforcés en 2027.",
        "decl-gerund", "2026-05-14")
    statements = [e for e in doc.events if event_kind(e) == "statement"]
    assert len(statements) == 1
    assert _slugs(statements[0].agents) == {"ilze-ozola"}


def test_a_talk_told_after_a_visit_of_several_days_is_one_of_its_acts() -> None:
    # the visit holds the talk: two nodes, the talk part of the visit, with its own people; the
    # later "L'entretien a porté sur" names the talk again, not the visit
    doc = extract_dated(
        "Le président de la République du Botswana, Kagiso Molefe, a entamé lundi une visite d'État de "
        "trois jours en Zambie. Il a été accueilli à Lusaka par son homologue zambien, Mwila Banda. Les "
        "deux présidents se sont ensuite entretenus au palais présidentiel. L'entretien a porté sur "
        "l'énergie et le commerce.",
        "decl-visit-talk", "2026-06-10")
    visit = event_at(doc, "visite")
    talk = event_at(doc, "entretenus")
    assert talk is not visit
    assert [m.text for m in talk.mentions] == ["entretien"]
    assert participant_sides(talk) == {"kagiso-molefe": "botswana", "mwila-banda": "zambia"}
    assert ("partOf", visit.trigger.begin) in {(r.relation, r.other) for r in talk.relations}


def test_the_welcome_of_a_visit_of_several_days_stays_the_visit() -> None:
    # guard: "Accueilli à Lusaka par Y" receives the visitor; it is the visit, not another meeting
    doc = extract_dated(
        "Le président de la République du Botswana, Kagiso Molefe, a entamé lundi une visite d'État de "
        "trois jours en Zambie. Il a été accueilli à Lusaka par son homologue zambien, Mwila Banda.",
        "decl-visit-welcome", "2026-06-10")
    assert [event_kind(e) for e in doc.events] == ["meeting"]


def test_a_manner_noun_hung_on_the_complement_is_the_verb_s_gathering() -> None:
    # "s'est entretenu avec son homologue en tête-à-tête": the parse hangs "tête-à-tête" on
    # "homologue"; one talk, not a second meeting without people
    doc = extract_dated(
        "Le Premier ministre croate, Ivan Horvat, s'est entretenu vendredi à Zagreb avec son homologue "
        "slovène, Janez Novak, en tête-à-tête.",
        "decl-manner", "2026-04-17")
    assert [event_kind(e) for e in doc.events] == ["meeting"]
    assert participant_sides(doc.events[0]) == {"ivan-horvat": "croatia", "janez-novak": "slovenia"}


def test_the_visitor_s_own_audiences_on_the_next_day_are_part_of_the_visit() -> None:
    # "Le lendemain, le président botswanais a rencontré les députés": the visitor's act on the
    # visit's second day, with people the text does not name, is still one of the visit's
    doc = extract_dated(
        "Le président de la République du Botswana, Kagiso Molefe, a entamé lundi une visite d'État de "
        "trois jours en Zambie, à l'invitation de son homologue zambien, Mwila Banda. Les deux chefs d'État "
        "ont signé trois accords. Le lendemain, le président botswanais a rencontré les députés "
        "zambiens. Il s'est également entretenu avec des représentants de la diaspora.",
        "decl-visit-audiences", "2026-06-10")
    visit = event_at(doc, "visite")
    for word in ("rencontré", "entretenu"):
        part = event_at(doc, word)
        assert ("partOf", visit.trigger.begin) in {(r.relation, r.other) for r in part.relations}, word


def test_a_speech_delivered_is_a_statement_of_its_speaker() -> None:
    # "discours" and "allocution" are statement triggers (cue data, triggers.ttl)
    doc = extract_dated(
        "Le président de la République de Namibie, Petrus Amutenya, a été reçu mardi par les députés "
        "ghanéens, devant lesquels il a prononcé un discours sur l'intégration africaine.",
        "decl-speech", "2026-09-23")
    speech = event_at(doc, "discours")
    assert event_kind(speech) == "statement"
    assert _slugs(speech.agents) == {"petrus-amutenya"}


def test_a_speech_noun_framing_a_saying_is_that_statement() -> None:
    doc = extract_dated(
        "« Notre région ne peut plus attendre », a lancé le Premier ministre malaisien, Azman Rahim, "
        "lundi dans son discours d'ouverture.",
        "decl-speech-frame", "2026-05-26")
    statements = [e for e in doc.events if event_kind(e) == "statement"]
    assert len(statements) == 1
    assert [m.text for m in statements[0].mentions] == ["discours"]
    assert _slugs(statements[0].agents) == {"azman-rahim"}
