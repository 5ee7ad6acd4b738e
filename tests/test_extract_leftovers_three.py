"""Faults the round J leftovers and the lead's eighth round saw on real prose and left (issue 12,
third leftovers round).

Short texts written here, in our own words, built the way real ministry releases, presidency
readouts, agency dispatches and summit reports are: a meeting told "besides" the clause whose
subject had it, a readout quoted whole, talks held again, a summit with side talks, a headline
naming the two who met, first-person joint declarations, ministers standing in for leaders.
"""

from __future__ import annotations

import datetime

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text, participant_slugs

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


def _at(doc: ExtractedDocument, word: str):
    found = [e for e in doc.events if e.trigger.text == word or any(m.text == word for m in e.mentions)]
    assert len(found) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in doc.events]
    return found[0]


BESIDES = (
    "Vilnius, le 9 mars 2026 - Le ministre norvégien des Affaires étrangères, Lars Hovland, se rend "
    "lundi et mardi en Lituanie. Outre une rencontre avec le premier ministre Tomas Kairys, M. Hovland "
    "prononcera un discours devant le Parlement.\n"
)


def test_a_meeting_told_besides_the_clause_is_had_by_its_subject() -> None:
    """"Outre une rencontre avec X, Y prononcera ...": the meeting names one side (X after
    "avec"); the clause's subject is the other, as after "Après une rencontre avec X, Y ..."."""
    doc = extract_text(BESIDES, "leftovers-three-besides", PUBLISHED)
    assert participant_slugs(_at(doc, "rencontre")) >= {"tomas-kairys", "lars-hovland"}


BESIDES_PRONOUN = (
    "Vilnius, le 9 mars 2026 - Lars Hovland s'est rendu lundi à Vilnius. Outre un entretien avec "
    "Tomas Kairys, il a inauguré une exposition de photographies.\n"
)


def test_a_meeting_told_besides_a_pronoun_clause() -> None:
    """The clause's subject may be a pronoun for the visitor told just before."""
    doc = extract_text(BESIDES_PRONOUN, "leftovers-three-besides-il", PUBLISHED)
    assert participant_slugs(_at(doc, "entretien")) >= {"tomas-kairys", "lars-hovland"}


READOUT_QUOTED = (
    "Accra, le 9 mars 2026 - « Le président ghanéen, Kwame Boateng, s'est entretenu lundi par "
    "téléphone avec son homologue ivoirien, Yao Konan. Les deux chefs d'État ont passé en revue la "
    "coopération entre leurs pays », a indiqué la présidence ghanéenne dans un communiqué.\n"
)


def test_a_readout_quoted_whole_keeps_its_call() -> None:
    """A communiqué quoted whole, in the third person and the past, reports facts: the call it
    tells is an event with its two people, as it would be without the quotation marks."""
    doc = extract_text(READOUT_QUOTED, "leftovers-three-readout", PUBLISHED)
    calls = [e for e in doc.events if e.trigger.text.startswith("entretenu")]
    assert len(calls) == 1, [e.trigger.text for e in doc.events]
    call = calls[0]
    assert participant_slugs(call) >= {"kwame-boateng", "yao-konan"}
    assert call.date is not None and call.date.iso == "2026-03-09"


OPINION_QUOTED = (
    "Accra, le 9 mars 2026 - Le ministre ghanéen Kofi Mensah a reçu lundi l'ambassadeur du Togo. "
    "« Nous espérons rencontrer bientôt le président togolais, Faure Amegan », a-t-il déclaré.\n"
)


def test_words_in_the_first_person_stay_a_quotation() -> None:
    """Guard: a quotation in the first person is someone's words; the meeting it hopes for is
    not told as an event of the text."""
    doc = extract_text(OPINION_QUOTED, "leftovers-three-opinion", PUBLISHED)
    assert not any(e.trigger.text == "rencontrer" for e in doc.events)


TALKED_AGAIN = (
    "Lima, le 9 mars 2026 - Le président péruvien, Luis Quispe, et son homologue chilien, Andrés "
    "Soto, se sont reparlé lundi, trois jours après leur rencontre d'Arica. Les deux présidents se "
    "reparleront avant la fin du mois, a indiqué la présidence péruvienne.\n"
)


def test_talking_again_is_a_talk() -> None:
    """"se sont reparlé" (the talk held again) is a talk between its two subjects; "se
    reparleront" is the next one, still to come."""
    doc = extract_text(TALKED_AGAIN, "leftovers-three-again", PUBLISHED)
    again = _at(doc, "reparlé")
    assert participant_slugs(again) >= {"luis-quispe", "andres-soto"}
    assert again.date is not None and again.date.iso == "2026-03-09"
    assert _at(doc, "reparleront").status.endswith("planned")


CALLED_AGAIN = (
    "La Paz, le 9 mars 2026 - Le ministre bolivien des Affaires étrangères, Mario Condori, a "
    "retéléphoné lundi à son homologue paraguayen, Diego Benítez. Les deux ministres rediscuteront "
    "du tracé de la frontière à Asunción.\n"
)


def test_calling_again_and_discussing_again() -> None:
    """"retéléphoner à X" is a call with X; "rediscuter de" is a discussion, held again."""
    doc = extract_text(CALLED_AGAIN, "leftovers-three-recall", PUBLISHED)
    assert participant_slugs(_at(doc, "retéléphoné")) >= {"mario-condori", "diego-benitez"}
    assert _at(doc, "rediscuteront").status.endswith("planned")


SUMMIT = (
    "Le sommet de la Communauté de développement d'Afrique australe s'est achevé mardi soir à "
    "Gaborone, après deux jours de travaux consacrés à la sécurité alimentaire et au commerce "
    "régional.\n\n"
    "Mardi matin, le président zambien, Joseph Banda, s'est entretenu pendant une heure avec le "
    "président mozambicain, Carlos Mutemba. Les deux dirigeants ont parlé du corridor ferroviaire de "
    "Nacala.\n\n"
    "Le président angolais, Manuel Tavares, a pour sa part eu un entretien avec le roi d'Eswatini, "
    "Sibusiso Dlamini, invité au sommet avec plusieurs chefs d'État.\n\n"
    "Dans son discours de clôture, le président botswanais, Kagiso Molefe, a annoncé que le prochain "
    "sommet se tiendrait en 2027 à Windhoek.\n"
)


def _event_told_at(doc: ExtractedDocument, text: str, phrase: str, word: str):
    """The event one of whose mentions is ``word`` inside the first ``phrase`` of ``text``."""
    begin = text.index(phrase) + phrase.index(word)
    found = [e for e in doc.events if any(s.begin == begin for s in (e.trigger, *e.mentions))]
    assert len(found) == 1, [(e.trigger.text, e.trigger.begin) for e in doc.events]
    return found[0]


def test_a_side_talk_of_a_summit_is_not_the_summit() -> None:
    """"Mardi matin, A s'est entretenu avec B" in a summit report: a talk between two people on
    the summit's last day is a talk on its sidelines, not the summit told again."""
    doc = extract_text(SUMMIT, "leftovers-three-summit", datetime.date(2026, 3, 11))
    summit = _event_told_at(doc, SUMMIT, "Le sommet de la", "sommet")
    talk = _event_told_at(doc, SUMMIT, "s'est entretenu", "entretenu")
    assert talk is not summit
    assert participant_slugs(talk) >= {"joseph-banda", "carlos-mutemba"}


def test_the_next_summit_is_another_one() -> None:
    """"invité au sommet" (a guest's participle on his name) is the summit told, which he
    attends; "le prochain sommet", in 2027, is another, still to come."""
    doc = extract_text(SUMMIT, "leftovers-three-summit", datetime.date(2026, 3, 11))
    summit = _event_told_at(doc, SUMMIT, "Le sommet de la", "sommet")
    guest = _event_told_at(doc, SUMMIT, "invité au sommet", "sommet")
    following = _event_told_at(doc, SUMMIT, "le prochain sommet", "sommet")
    assert guest is summit
    assert "sibusiso-dlamini" in participant_slugs(summit)
    assert following is not summit and following.status.endswith("planned")
    assert following.date is not None and following.date.iso == "2027"


VISIT_BEGINS = (
    "Rabat, le 9 mars 2026 - Le président sénégalais, Moussa Ndiaye, est arrivé lundi à Rabat, où il a "
    "été accueilli par le chef du gouvernement marocain, Karim Alaoui. C'est le début d'une visite de "
    "trois jours au Maroc.\n"
)


def test_the_beginning_of_a_visit_is_what_was_just_told() -> None:
    """"C'est le début d'une visite de trois jours": "c'est" points back at what was just told
    (the arrival and welcome); the visit it begins is that happening, with its visitor and day,
    not a new node without people."""
    doc = extract_text(VISIT_BEGINS, "leftovers-three-visit-begins", PUBLISHED)
    visit = _at(doc, "visite")
    assert "moussa-ndiaye" in participant_slugs(visit)
    assert visit.date is not None and visit.date.iso == "2026-03-09"


TALKS_OPEN = (
    "Rabat, le 9 mars 2026 - Le ministre marocain des Affaires étrangères, Karim Alaoui, et son "
    "homologue mauritanien, Sidi Ould Brahim, ont tenu lundi des entretiens à Rabat. À l'ouverture "
    "des entretiens, M. Alaoui a salué la qualité des relations entre les deux pays.\n"
)


def test_the_opening_of_the_talks_frames_the_talks_told() -> None:
    """"À l'ouverture des entretiens" (de + les, after a phase noun) is the talks just told, like
    "à l'issue des entretiens", not a second meeting."""
    doc = extract_text(TALKS_OPEN, "leftovers-three-talks-open", PUBLISHED)
    assert len([e for e in doc.events if e.trigger.text == "entretiens"
                or any(m.text == "entretiens" for m in e.mentions)]) == 1


WE_DECLARE = (
    "DÉCLARATION CONJOINTE\n\n"
    "Nous, Kwame Boateng, Président de la République du Ghana, et Yao Konan, Premier ministre de la "
    "République de Côte d'Ivoire, réunis à Accra les 8 et 9 mars 2026, avons eu des entretiens "
    "approfondis sur la sécurité du golfe de Guinée.\n\n"
    "Nous nous félicitons de la relance de la commission mixte et nous sommes convenus de nous revoir "
    "à Abidjan en septembre.\n"
)


def test_we_of_a_joint_declaration_are_the_people_it_opens_with() -> None:
    """"Nous, X, Président de A, et Y, Premier ministre de B, ... avons ...": "nous" is the people
    apposed to it, both, in every later "nous" of the declaration (not the state of the first)."""
    doc = extract_text(WE_DECLARE, "leftovers-three-we", PUBLISHED)
    again = _at(doc, "revoir")
    assert participant_slugs(again) >= {"kwame-boateng", "yao-konan"}
    pleased = _at(doc, "félicitons")
    assert {a.rsplit("/", 1)[-1] for a in pleased.agents} >= {"kwame-boateng", "yao-konan"}


OTHER_READINGS = (
    "Oslo, le 9 mars 2026 - Le ministre lituanien Tomas Kairys a pris part lundi à une visite guidée "
    "du musée Munch. Il tient en haute estime la peinture norvégienne. La ville a lancé un appel "
    "d'offres pour rénover le port, et la rencontre de football entre les deux pays aura lieu en mai, "
    "avant la consultation électorale de 2027.\n"
)


def test_words_of_talks_in_other_senses_are_no_events() -> None:
    """"une visite guidée" (a tour), "tenir en haute estime" (to value), "un appel d'offres" (a
    tender), "la rencontre de football" (a match), "la consultation électorale" (a vote): the
    trigger words in another sense than diplomacy (cue:other-sense) tell no event."""
    doc = extract_text(OTHER_READINGS, "leftovers-three-other-senses", PUBLISHED)
    assert not [e.trigger.text for e in doc.events
                if e.trigger.text in ("visite", "estime", "appel", "rencontre", "consultation")]


STAND_INS = (
    "Georgetown, le 9 mars 2026 - Le sommet de la Caricom s'est ouvert lundi à Georgetown en présence "
    "de onze chefs de gouvernement. La ministre des Affaires étrangères de la Dominique, Marie Joseph, "
    "conduisait la délégation de son pays. Le président du Suriname, Ravi Kalloe, s'est fait remplacer "
    "par son ministre des Affaires étrangères, Anand Doerga.\n"
)


def test_ministers_standing_in_for_leaders_take_part() -> None:
    """A summit dispatch names who came instead of the leader: "X conduisait la délégation de son
    pays" (X took part in the summit told), "Y s'est fait remplacer par Z" (Z took part, Y not)."""
    doc = extract_text(STAND_INS, "leftovers-three-stand-ins", PUBLISHED)
    summit = _at(doc, "sommet")
    people = participant_slugs(summit)
    assert {"marie-joseph", "anand-doerga"} <= people
    assert "ravi-kalloe" not in people


def test_side_talks_are_held_where_the_summit_is() -> None:
    """A talk between two leaders told in a summit report, with no place of its own and on no other
    day, is held on the summit's sidelines: at the summit's place."""
    doc = extract_text(SUMMIT, "leftovers-three-summit", datetime.date(2026, 3, 11))
    summit = _event_told_at(doc, SUMMIT, "Le sommet de la", "sommet")
    talk = _event_told_at(doc, SUMMIT, "s'est entretenu", "entretenu")
    assert [p.rsplit("/", 1)[-1] for p in talk.places] == [p.rsplit("/", 1)[-1] for p in summit.places]
    assert summit.places


def test_a_summit_that_ended_after_two_days_began_the_day_before() -> None:
    """"Le sommet ... s'est achevé mardi soir ..., après deux jours de travaux": the summit lasted
    two days and is dated by its first day, Monday."""
    doc = extract_text(SUMMIT.replace("après deux jours de travaux consacrés", "après deux jours de "
                                      "discussions consacrées"), "leftovers-three-summit-days",
                       datetime.date(2026, 3, 11))
    summit = [e for e in doc.events if e.trigger.text == "sommet"][0]
    assert summit.duration is not None and summit.duration.iso == "P2D"
    assert summit.date is not None and summit.date.iso == "2026-03-09"
