"""Faults the leftovers round saw on real prose and left (issue 12, second leftovers round).

Short texts written here, built the way real dispatches, UN coverage and summit reports are:
an organisation named "Union du ..." that is not the EU, a head of state who "s'est fait
représenter", a "bref aparté" between two leaders, a headline naming the two who met, incises
after several speakers, offices standing for the person named before.
"""

from __future__ import annotations

import datetime

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text, participant_slugs

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


def _slugs(doc: ExtractedDocument) -> set[str]:
    return {iri.rsplit("/", 1)[-1] for iri in doc.entities}


RIVER_UNION = (
    "Bamako, le 9 mars 2026 - Le ministre malien de l'Hydraulique, Sékou Diarra, a reçu lundi le "
    "secrétaire exécutif de l'Union du bassin de la Volta, Yaw Mensah, puis une délégation de "
    "l'Union des Andes et de l'Union pour la Méditerranée.\n"
)


def test_a_union_of_something_is_not_the_european_union() -> None:
    """"Union" alone is a short name of the EU; "l'Union du bassin de la Volta", "l'Union des
    Andes", "l'Union pour la Méditerranée" are other organisations whose name starts with it."""
    doc = extract_text(RIVER_UNION, "leftovers-two-union", PUBLISHED)
    assert "eu" not in _slugs(doc)


EU_SHORT = (
    "Bruxelles, le 9 mars 2026 - Les Vingt-Sept ont adopté lundi de nouvelles sanctions. L'Union "
    "de son côté a reçu le ministre moldave Ion Rusu.\n"
)


def test_the_union_alone_stays_the_european_union() -> None:
    """Guard: "L'Union de son côté" (no name goes on after "de") is still the EU."""
    doc = extract_text(EU_SHORT, "leftovers-two-union-guard", PUBLISHED)
    assert "eu" in _slugs(doc)


NATIONAL_COUNCIL = (
    "Niamey, le 9 mars 2026 - Le secrétaire permanent du Conseil de sécurité nationale, Ali Sani, "
    "a reçu lundi l'ambassadeur du Ghana, Kofi Owusu.\n"
)


def test_a_national_security_council_is_not_the_un_security_council() -> None:
    """"le Conseil de sécurité nationale": an adjective goes on after the UN body's name, the words
    name another council."""
    doc = extract_text(NATIONAL_COUNCIL, "leftovers-two-council", PUBLISHED)
    assert "un-security-council" not in _slugs(doc)


UN_COUNCIL = (
    "New York, le 9 mars 2026 - Le Conseil de sécurité réuni lundi a entendu l'ambassadeur du "
    "Ghana, Kofi Owusu.\n"
)


def test_the_security_council_met_is_still_the_uns() -> None:
    """Guard: a participle after the name ("réuni") tells about the council, it does not name
    another one."""
    doc = extract_text(UN_COUNCIL, "leftovers-two-council-guard", PUBLISHED)
    assert "un-security-council" in _slugs(doc)


def _quoted(doc: ExtractedDocument) -> dict[str, str | None]:
    """Quote text -> the slug of its speaker."""
    return {q.span.text: q.speaker.rsplit("/", 1)[-1] if q.speaker else None for q in doc.quotes}


SPOKE_BESIDE = (
    "New York, le 9 mars 2026 - Le représentant du Ghana, Kofi Owusu, a ouvert le débat. « Le golfe "
    "de Guinée n'est plus sûr », a-t-il affirmé, alors que le délégué togolais Kossi Mensah a insisté "
    "sur la pêche illégale. « Nos pêcheurs n'osent plus sortir », a-t-il déclaré.\n"
)


def test_the_incise_after_a_clause_told_beside_is_its_speaker() -> None:
    """"« A », a-t-il affirmé, alors que le délégué Y a insisté sur ... . « B », a-t-il déclaré":
    Y spoke last, and "il" can be him; the first incise's speaker does not go on."""
    quoted = _quoted(extract_text(SPOKE_BESIDE, "leftovers-two-beside", PUBLISHED))
    assert quoted["Le golfe de Guinée n'est plus sûr"] == "kofi-owusu"
    assert quoted["Nos pêcheurs n'osent plus sortir"] == "kossi-mensah"


JUDGED_BESIDE = (
    "Le représentant du Ghana, Kofi Owusu, a pris la parole lundi. « La piraterie recule », "
    "a-t-il estimé, alors que le représentant du Togo, Kossi Mensah, a jugé la situation alarmante. "
    "« Nous ne voyons aucun progrès », a-t-il déclaré.\n"
)


def test_the_subject_told_beside_is_taken_up_whatever_its_verb() -> None:
    """The clause beside the incise need not report words ("a jugé la situation alarmante"): its
    subject is still the last man the sentence is about."""
    quoted = _quoted(extract_text(JUDGED_BESIDE, "leftovers-two-judged", PUBLISHED))
    assert quoted["Nous ne voyons aucun progrès"] == "kossi-mensah"


HE_AND_SHE = (
    "New York, le 9 mars 2026 - Le représentant du Ghana, Kofi Owusu, a ouvert le débat. « Le golfe "
    "de Guinée n'est plus sûr », a-t-il affirmé, alors que la déléguée béninoise Awa Sossou a insisté "
    "sur le financement des garde-côtes. « Les fonds manquent », a-t-elle ajouté. « Il faut une "
    "flotte commune », a-t-il poursuivi.\n"
)


def test_she_and_he_take_up_the_woman_and_the_man() -> None:
    """"a-t-elle ajouté" is the woman described as "la déléguée", "a-t-il poursuivi" after it is
    the man who spoke before her, not she who spoke last."""
    doc = extract_text(HE_AND_SHE, "leftovers-two-gender", PUBLISHED)
    quoted = _quoted(doc)
    assert quoted["Les fonds manquent"] == "awa-sossou"
    assert quoted["Il faut une flotte commune"] == "kofi-owusu"
    (added,) = [e for e in _events(doc, "statement") if e.trigger.text == "ajouté"]
    assert [a.rsplit("/", 1)[-1] for a in added.agents] == ["awa-sossou"]


COURTESY = (
    "« Le golfe de Guinée n'est plus sûr », a affirmé M. Owusu, tandis que Mme Awa Sossou a plaidé "
    "pour un dialogue régional. « Il faut une flotte commune », a-t-il ajouté.\n"
)


def test_a_courtesy_title_tells_the_gender() -> None:
    """Guard: "M." and "Mme" tell who "il" can be; Mme Sossou pleaded last, he goes on."""
    quoted = _quoted(extract_text(COURTESY, "leftovers-two-courtesy", PUBLISHED))
    assert quoted["Il faut une flotte commune"] == "owusu"


OPINION_AFTER_A_MINISTER = (
    "Le ministre ghanéen Kofi Owusu a démenti lundi toute « médiation secrète ». Pour Awa Sossou, "
    "chercheuse au Centre d'études stratégiques de Dakar, le choix de Lomé n'a rien d'un hasard. "
    "« Le Togo parle à tout le monde depuis des années », observe-t-elle.\n"
)


def test_she_is_the_woman_named_before_when_only_a_man_spoke() -> None:
    """"observe-t-elle" after a minister's words: the pronoun cannot be him; the woman the text
    named since (and called "chercheuse") is the one speaking."""
    quoted = _quoted(extract_text(OPINION_AFTER_A_MINISTER, "leftovers-two-opinion", PUBLISHED))
    assert quoted["Le Togo parle à tout le monde depuis des années"] == "awa-sossou"


APARTE = (
    "Le sommet de la CEDEAO s'est tenu lundi à Abuja. Le président togolais Kossi Mensah et le "
    "président béninois Patrice Adé ont profité d'une pause pour un bref aparté consacré à la "
    "sécurité des frontières.\n"
)


def test_a_brief_aside_between_two_leaders_is_their_meeting() -> None:
    """"un bref aparté" is a meeting (trigger data), of the two who had it, not the summit."""
    doc = extract_text(APARTE, "leftovers-two-aparte", PUBLISHED)
    meetings = _events(doc, "meeting")
    aside = [e for e in meetings if e.trigger.text == "aparté"]
    assert len(aside) == 1
    assert participant_slugs(aside[0]) == {"kossi-mensah", "patrice-ade"}


REPRESENTED = (
    "Le sommet des chefs d'État de la CEDEAO s'est tenu lundi à Abuja en présence du président "
    "nigérian Olu Bello et du président togolais Kossi Mensah. Le président ghanéen Kwame Asante "
    "s'est fait représenter par son vice-président Kofi Boateng.\n"
)


def test_who_had_himself_represented_is_absent_and_his_envoy_takes_part() -> None:
    """"X s'est fait représenter par Y": Y sat at the summit told before, X did not."""
    doc = extract_text(REPRESENTED, "leftovers-two-represented", PUBLISHED)
    (summit,) = _events(doc, "meeting")
    people = participant_slugs(summit)
    assert "kofi-boateng" in people
    assert "kwame-asante" not in people


REPRESENTED_THERE = (
    "Les ministres des Affaires étrangères de l'Union africaine se sont réunis mardi à Addis-Abeba. "
    "La ministre ghanéenne Ama Owusu était représentée à la réunion par l'ambassadeur Kojo Mensah.\n"
)


def test_a_passive_of_representing_names_the_envoy_at_the_meeting() -> None:
    """"X était représentée à la réunion par Y": the same, told in the passive."""
    doc = extract_text(REPRESENTED_THERE, "leftovers-two-represented-passive", PUBLISHED)
    (meeting,) = _events(doc, "meeting")
    people = participant_slugs(meeting)
    assert "kojo-mensah" in people
    assert "ama-owusu" not in people


ANSWERING_FOR = (
    "Le Conseil a tenu mardi un débat sur la piraterie. Répondant au nom du groupe des États "
    "africains, le représentant du Ghana, Kofi Owusu, a rappelé l'attachement de la région au droit "
    "de la mer.\n"
)


def test_answering_on_behalf_of_frames_the_statement() -> None:
    """"Répondant au nom de X, Y a rappelé ...": one statement, Y's; the fronted participle says
    in whose name he spoke, it is no second act without a speaker."""
    doc = extract_text(ANSWERING_FOR, "leftovers-two-answering", PUBLISHED)
    statements = _events(doc, "statement")
    assert [e.trigger.text for e in statements] == ["rappelé"]


ANSWERING_WHAT = (
    "Répondant que la région restait attachée au droit de la mer, le représentant du Ghana, Kofi "
    "Owusu, a ensuite quitté la salle.\n"
)


def test_a_participle_with_its_own_words_stays_a_statement() -> None:
    """Guard: "Répondant que ..." says something of its own: a statement."""
    doc = extract_text(ANSWERING_WHAT, "leftovers-two-answering-guard", PUBLISHED)
    assert [e.trigger.text for e in _events(doc, "statement")] == ["Répondant"]
