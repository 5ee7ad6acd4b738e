"""Tours told by weekdays, summit articles, Chinese readouts, state-visit articles, joint communiqués and
call dispatches (issue 12, round K).

Short texts written here, in the ways such prose is built: an agency dispatch names a leader after his
office and a comma ("son homologue kazakh, X-Y Z"), whatever the recogniser makes of a name it does not
know or of a first name that is also the name of something it knows.
"""

from __future__ import annotations

import datetime

from extracting import event_at, extract_text
from extracting import participant_sides as sides


def test_a_name_that_starts_with_a_known_word_is_a_persons() -> None:
    """"le président botswanais, Duma Sekgoma,": the first name is also the Russian parliament's name in
    the gazetteer, but the family name runs on after it: one person's name, the president."""
    doc = extract_text("Hôte du forum, le président botswanais, Duma Sekgoma, a reçu samedi à Gaborone le "
                       "président zambien, Hakainde Hichilema.\n", "round-k-duma", datetime.date(2025, 6, 15))
    reception = event_at(doc, "reçu")
    assert sides(reception).get("duma-sekgoma") == "botswana", sides(reception)
    assert not any(iri.endswith("/duma") for iri in doc.entities), list(doc.entities)


def test_a_hyphenated_first_name_after_a_counterpart_and_a_comma_is_a_persons() -> None:
    """"avec son homologue kazakh, Kairat-Bolat Umarov,": the recogniser calls the hyphenated name a
    place; set off by a comma after "son homologue" it names the counterpart."""
    doc = extract_text("Le président turc s'est entretenu mardi au téléphone avec son homologue kazakh, "
                       "Kairat-Bolat Umarov, a indiqué la présidence turque.\n", "round-k-hyphen",
                       datetime.date(2024, 12, 10))
    call = event_at(doc, "entretenu mardi au téléphone")
    assert sides(call).get("kairat-bolat-umarov") == "kazakhstan", sides(call)


def test_a_gathering_noun_after_a_participle_of_meeting_takes_its_day() -> None:
    """"Réunis samedi 14 juin à Maseru pour un sommet extraordinaire, les dirigeants ont ...": the day
    hangs on the participle, which is no trigger, and the participle governs the summit: its day."""
    doc = extract_text("Réunis samedi 14 juin à Maseru pour un sommet extraordinaire, les dirigeants de la région "
                       "ont adopté une déclaration commune.\n", "round-k-reunis", datetime.date(2025, 6, 15))
    summit = event_at(doc, "sommet")
    assert summit.date is not None and summit.date.iso == "2025-06-14", summit.date


def test_a_state_visit_of_someone_names_no_state() -> None:
    """"La visite d'État de Batbayar Ganbold en Autriche": "d'État" completes "visite" (a state visit,
    as in "chef d'État", "dîner d'État"); the name after it is the visitor's, not a state called so."""
    doc = extract_text("La visite d'État de Batbayar Ganbold en Autriche fut la première d'un président mongol "
                       "dans ce pays.\n", "round-k-state-visit", datetime.date(2012, 4, 2))
    kinds = {iri.rsplit("/", 1)[-1]: e.kind for iri, e in doc.entities.items()}
    assert kinds.get("batbayar-ganbold") == "person", kinds


def test_a_demonym_tagged_as_a_noun_inside_a_ministers_title_keeps_the_title() -> None:
    """"le ministre kazakh des Affaires étrangères, X": the tagger calls the invariable demonym a noun;
    it still stands inside the title as "rwandaise" does: X is his country's foreign minister."""
    doc = extract_text("Le ministre kazakh des Affaires étrangères, Murat Abenov, se rendra lundi à Ankara.\n",
                       "round-k-kazakh-minister", datetime.date(2024, 12, 10))
    person = next(e for iri, e in doc.entities.items() if iri.endswith("/murat-abenov"))
    roles = {r.role.rsplit("/", 1)[-1] for r in person.roles}
    assert roles == {"foreign-minister"}, roles


def test_an_agreement_on_a_visit_to_come_is_made_on_the_day_it_is_told() -> None:
    """"Les deux présidents sont convenus que le président kazakh effectuerait une visite ... les 19 et
    20 décembre" (published 10 December, after their call "mardi"): the days belong to the visit the
    clause after "que" tells; the agreement is made, not to come, and not on the 19th."""
    doc = extract_text("Le président turc s'est entretenu mardi au téléphone avec son homologue kazakh.\n\n"
                       "Les deux présidents sont convenus que le président kazakh effectuerait une visite officielle "
                       "en Turquie les 19 et 20 décembre.\n", "round-k-agreed-visit", datetime.date(2024, 12, 10))
    agreed = event_at(doc, "convenus")
    assert agreed.status.endswith("/occurred"), agreed.status
    assert agreed.date is None or agreed.date.iso == "2024-12-10", agreed.date
    visit = event_at(doc, "visite")
    assert visit.date is not None and visit.date.iso == "2024-12-19", visit.date


def test_the_chair_of_a_meeting_told_after_a_place_in_a_region_takes_part() -> None:
    """"X a présidé à Dali, dans la province du Yunnan, une réunion informelle avec ...": the parser
    hangs the meeting on the region as an apposition; the chairing verb is still its verb, and its
    subject chairs, so takes part."""
    doc = extract_text("Le ministre chinois des Affaires étrangères, Li Wenhao, a présidé à Dali, dans la province "
                       "du Yunnan, une réunion informelle avec le ministre des Affaires étrangères du Laos, Bounmy "
                       "Sisavath, et le ministre birman des Affaires étrangères, Aung Min Thu.\n",
                       "round-k-chair", datetime.date(2026, 10, 9))
    meeting = event_at(doc, "réunion")
    assert sides(meeting).get("li-wenhao") == "china", sides(meeting)


def test_the_co_chairs_of_the_proceedings_of_a_session_take_part_in_it() -> None:
    """"X et son homologue Y ont coprésidé, le 2 décembre à Nouakchott, les travaux de la 12e session
    de la commission mixte": the proceedings carry the session as "une série d'entretiens" carries
    the talks; those who chair them take part in the session."""
    doc = extract_text("Le Premier ministre tunisien, Ali Mabrouk, et son homologue mauritanien, Sidi Ould Mah, ont "
                       "coprésidé, le 2 décembre à Nouakchott, les travaux de la 12e session de la commission mixte.\n",
                       "round-k-proceedings", datetime.date(2026, 12, 3))
    session = event_at(doc, "session")
    assert sides(session).get("ali-mabrouk") == "tunisia", sides(session)
    assert sides(session).get("sidi-ould-mah") == "mauritania", sides(session)


def test_a_range_of_days_each_with_its_weekday_is_one_written_date() -> None:
    """"du mardi 18 au jeudi 20 octobre 2011": both ends carry their weekday; the range is the written
    date (the 18th, told in the past), not a Tuesday to come after the publication."""
    doc = extract_text("La visite d'État du président mongol en Autriche se déroula du mardi 18 au jeudi 20 octobre "
                       "2011.\n", "round-k-weekday-range", datetime.date(2012, 4, 2))
    visit = event_at(doc, "visite")
    assert visit.date is not None and visit.date.iso == "2011-10-18", visit.date
    assert visit.status.endswith("/occurred"), visit.status


def test_a_pronoun_that_takes_up_a_gathering_dates_it_with_its_clause() -> None:
    """"La visite d'État du président kirghiz au Portugal fut la première ... Elle se déroula du 4 au
    6 mai 2010, à l'invitation de ...": "Elle" takes up the visit, and the clause that says when it
    took place dates it."""
    doc = extract_text("La visite d'État du président kirghiz au Portugal fut la première d'un chef d'État de ce "
                       "pays à Lisbonne. Elle se déroula du 4 au 6 mai 2010, à l'invitation du président portugais.\n",
                       "round-k-elle-se-deroula", datetime.date(2012, 4, 2))
    visit = event_at(doc, "visite")
    assert visit.date is not None and visit.date.iso == "2010-05-04", visit.date


def test_a_threat_named_by_its_kind_is_a_danger_not_a_warning() -> None:
    """"Ces entretiens ont porté sur la menace terroriste aux frontières": a threat named by its kind,
    by no one, is what the talks were about, not a warning someone gave; "la menace de X" stays one."""
    doc = extract_text("Le ministre a rencontré mardi son homologue togolais. Ces entretiens ont surtout porté sur la "
                       "menace terroriste aux frontières du pays.\n", "round-k-danger", datetime.date(2023, 11, 17))
    assert not any(e.trigger.text == "menace" for e in doc.events), [e.trigger.text for e in doc.events]


def test_this_call_after_a_phone_call_is_that_call_not_an_appeal() -> None:
    """"X s'est entretenu mardi au téléphone avec Y. Au cours de cet appel, les deux dirigeants ont
    évoqué ...": the demonstrative "cet appel", with nothing called for, takes up the phone call."""
    doc = extract_text("Le président turc s'est entretenu mardi au téléphone avec son homologue kazakh, Nurlan "
                       "Abenov. Au cours de cet appel, les deux dirigeants ont évoqué le corridor transcaspien.\n",
                       "round-k-this-call", datetime.date(2024, 12, 10))
    kinds = [(e.trigger.text, e.event_type.rsplit("/", 1)[-1]) for e in doc.events]
    assert not any(kind == "appeal" for _, kind in kinds), kinds
    call = event_at(doc, "appel")
    assert "nurlan-abenov" in sides(call), sides(call)


def test_a_noun_after_a_reporting_verb_whose_subject_stands_before_it_is_its_object() -> None:
    """"La ministre rwandaise des Affaires étrangères, X, a rejeté les accusations": the subject stands
    before the verb, so "les accusations" after it is what she rejected, not an unnamed speaker
    standing after the verb ("..., a indiqué un diplomate")."""
    doc = extract_text("La ministre rwandaise des Affaires étrangères, Claire Mukamana, a rejeté dimanche les "
                       "accusations.\n", "round-k-object-not-speaker", datetime.date(2025, 6, 15))
    rejection = event_at(doc, "rejeté")
    assert [a.rsplit("/", 1)[-1] for a in rejection.agents] == ["claire-mukamana"], rejection.agents


def test_an_incise_after_a_sentence_telling_what_someone_else_had_said_is_the_speakers() -> None:
    """"« A », a affirmé X, rappelant que son prédécesseur, Y, avait déclaré ... « B », a-t-il ajouté":
    Y's saying is told inside X's words (after "que"); the one who goes on is X."""
    doc = extract_text("« Nous sommes proches d'un accord », a affirmé M. Aram Sahak, rappelant que son "
                       "prédécesseur, Levon Hakob, avait déclaré la même chose en 2024. « Personne ne gagne à "
                       "attendre », a-t-il ajouté.\n", "round-k-incise-que", datetime.date(2025, 3, 5))
    speakers = {q.span.text: q.speaker.rsplit("/", 1)[-1] for q in doc.quotes if q.speaker}
    assert speakers.get("Personne ne gagne à attendre") == "aram-sahak", speakers


def test_a_host_told_first_in_the_sentence_hosts_the_gathering() -> None:
    """"Hôte de la rencontre, le Premier ministre lésothien, X, a appelé ...": the host noun set first,
    before the comma, is said of the clause's subject; X hosts the summit the noun takes up."""
    doc = extract_text("Un sommet régional s'est ouvert samedi à Maseru. Hôte de la rencontre, le Premier ministre "
                       "lésothien, Thabo Mokoena, a appelé ses pairs à l'unité.\n", "round-k-host-first",
                       datetime.date(2025, 6, 15))
    summit = event_at(doc, "sommet")
    assert "thabo-mokoena" in sides(summit), sides(summit)


def test_a_guest_invited_to_the_summit_joins_it_though_its_host_is_known() -> None:
    """"Hôte de la rencontre, X, ... Y a eu un entretien avec Z, invité au sommet": "le sommet" after
    the guest's participle is the summit told, even now that a person (its host) is known to be at
    it; Z is a guest of the summit, not only of the talk."""
    doc = extract_text("Un sommet régional s'est ouvert samedi à Maseru. Hôte de la rencontre, le Premier ministre "
                       "lésothien, Thabo Mokoena, a appelé ses pairs à l'unité. Le président kényan a eu un "
                       "entretien avec le président angolais, Manuel Cunha, invité au sommet.\n",
                       "round-k-guest-and-host", datetime.date(2025, 6, 15))
    summit = event_at(doc, "sommet")
    assert {"thabo-mokoena", "manuel-cunha"} <= set(sides(summit)), sides(summit)


def test_a_meeting_hung_on_a_place_adjunct_sets_the_day_the_story_goes_on_with() -> None:
    """"Le 6 octobre, X a présidé à Dali, dans la province du Yunnan, une réunion avec Y et Z. X a
    indiqué que ...": the meeting the parser hangs on the region is still its verb's object; the day
    it gives carries the story on to what X said there."""
    doc = extract_text("Le 6 octobre 2026, le ministre chinois des Affaires étrangères, Li Wenhao, a présidé à Dali, "
                       "dans la province du Yunnan, une réunion informelle avec le ministre des Affaires étrangères "
                       "du Laos, Bounmy Sisavath.\n\nLi Wenhao a indiqué que la Chine souhaitait la stabilité de la "
                       "région.\n", "round-k-story-day", datetime.date(2026, 10, 7))
    said = event_at(doc, "indiqué")
    assert said.date is not None and said.date.iso == "2026-10-06", said.date
