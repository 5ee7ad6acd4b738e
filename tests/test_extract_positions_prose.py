"""Positions as real diplomatic prose words them (readouts, joint declarations, dispatches).

Each test reads a short French text and checks who stands where on which issue, as a
reader of the text would say it: the holder is the state, the minister, the subject of an
earlier sentence or each member of a plural subject; the stance is the one the words say.
"""

from __future__ import annotations

import pytest

from diplograph.model import ExtractedDocument


def _positions(text: str) -> set[tuple[str, str, str]]:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    doc: ExtractedDocument = extract(read_text(text, slug="positions-prose"), load_nlp())
    return {(p.holder.rsplit("/", 1)[-1], p.issue.rsplit("/", 1)[-1], p.stance.rsplit("/", 1)[-1])
            for p in doc.positions}


def test_condemnation_opposes_what_is_condemned() -> None:
    held = _positions("La Pologne a fermement condamné les frappes de drones contre la ville de Lviv.\n")
    assert ("poland", "military-escalation", "opposes") in held


def test_favourable_to_membership_of_a_named_state() -> None:
    """"l'adhésion de la Géorgie à l'OTAN": a state named inside the issue's phrase."""
    held = _positions("Le président finlandais, Juha Lehtonen, s'est dit favorable à l'adhésion de la Géorgie "
                      "à l'OTAN.\n")
    assert held == {("juha-lehtonen", "nato-membership", "supports")}


def test_definite_role_noun_is_the_person_last_named_with_it_of_that_gender() -> None:
    """"La ministre" is Anna Berg, not "le ministre" named after her."""
    held = _positions(
        "La ministre suédoise des Affaires étrangères, Anna Berg, a reçu mardi le ministre norvégien des "
        "Affaires étrangères, Lars Dahl.\n\n"
        "La ministre a réaffirmé le soutien de la Suède à l'adhésion de l'Ukraine à l'Union européenne.\n")
    assert ("anna-berg", "eu-membership", "supports") in held
    assert not any(holder == "lars-dahl" for holder, _, _ in held)


def test_what_an_appeal_asks_for_is_not_a_stance_of_its_own() -> None:
    """"appelle à l'ouverture de négociations": a demand, not openness to discussion."""
    held = _positions("La Chine appelle à l'ouverture rapide de négociations sur un cessez-le-feu.\n")
    assert ("china", "ceasefire", "demands") in held
    assert not any(stance == "open-to-discussion" for _, _, stance in held)


def test_stance_without_an_issue_takes_the_issue_of_its_paragraph() -> None:
    """The paragraph is about sanctions, although the meeting was about energy."""
    held = _positions(
        "Les ministres de l'Union européenne se sont réunis lundi à Bruxelles pour évoquer la sécurité "
        "énergétique.\n\n"
        "La Hongrie a de nouveau bloqué le vingtième paquet de sanctions. Le ministre ukrainien des Affaires "
        "étrangères, Andriï Sybiha, a dénoncé un « chantage ».\n")
    assert ("andrii-sybiha", "sanctions", "accuses") in held
    assert ("andrii-sybiha", "energy", "accuses") not in held


def test_name_of_an_organisation_is_not_an_issue() -> None:
    """"Agence internationale de l'énergie atomique" names an agency, not the energy issue."""
    held = _positions("La France apporte son plein appui à l'Agence internationale de l'énergie atomique.\n")
    assert not any(issue == "energy" for _, issue, _ in held)


@pytest.mark.parametrize("sentence, stance", [
    ("Le ministre moldave, Andrei Rusnac, a remercié la France pour son aide humanitaire.", "welcomes"),
    ("Le Premier ministre suédois, Henrik Lindqvist, s'est prononcé en faveur de nouvelles sanctions.", "supports"),
    ("Le ministre estonien, Kaarel Tamm, a déploré la reprise des bombardements.", "opposes"),
    ("La France regrette la décision des autorités de reporter l'élection présidentielle.", "opposes"),
    ("Le gouvernement soudanais s'est dit disposé à reprendre les négociations de paix.", "open-to-discussion"),
    ("La Suisse a voté en faveur de nouvelles sanctions.", "supports"),
    ("L'Allemagne reste attachée à une solution à deux États.", "supports"),
])
def test_readout_stance_verbs(sentence: str, stance: str) -> None:
    held = _positions(sentence + "\n")
    assert any(s == stance for _, _, s in held), held


def test_participle_after_pronoun_subject_is_that_persons() -> None:
    """"Il a par ailleurs dénoncé ...": the pronoun is the minister of the sentence before."""
    held = _positions(
        "Le ministre moldave des Affaires étrangères, Andrei Rusnac, a reçu mardi son homologue roumain.\n\n"
        "Il a par ailleurs dénoncé les ingérences visant le prochain scrutin législatif.\n")
    assert ("andrei-rusnac", "elections", "accuses") in held


def test_appeal_to_an_addressee_is_a_demand_of_the_subject() -> None:
    """"appelle la Russie à cesser immédiatement les hostilités": Japan demands a ceasefire;
    the support for Ukraine in the clause before names no issue and takes none from it."""
    held = _positions("Le Japon réitère son soutien à l'Ukraine et appelle la Russie à cesser immédiatement "
                      "les hostilités.\n")
    assert held == {("japan", "ceasefire", "demands")}


def test_the_parties_are_the_participants_of_the_meeting_told_before() -> None:
    held = _positions(
        "Le président kényan, Samuel Kariuki, a reçu mardi à Nairobi le président sénégalais, Ousmane Diallo.\n\n"
        "Les parties ont souligné la nécessité d'un cessez-le-feu durable au Soudan.\n")
    assert {("samuel-kariuki", "ceasefire", "demands"), ("ousmane-diallo", "ceasefire", "demands")} <= held


def test_role_noun_with_qualifier_is_the_holder_of_that_very_office() -> None:
    """"le Président de la République" is Emmanuel Macron, not the Ukrainian president named
    after him; "l'engagement de la France en faveur de" names the holder inside the stance."""
    held = _positions(
        "Le Président de la République, Emmanuel Macron, s'est entretenu ce jour avec le président ukrainien, "
        "Volodymyr Zelensky. Au cours de cet entretien, le Président de la République a réaffirmé l'engagement "
        "de la France en faveur de la souveraineté et de l'intégrité territoriale de l'Ukraine.\n")
    assert ("emmanuel-macron", "occupied-territories", "supports") in held
    assert not any(holder == "volodymyr-zelensky" for holder, _, _ in held)


def test_appeal_to_two_addressees() -> None:
    held = _positions("Le Qatar et l'Égypte ont appelé Israël et le Hamas à conclure un accord sur la libération "
                      "des otages.\n")
    assert {("qatar", "prisoner-exchange", "demands"), ("egypt", "prisoner-exchange", "demands")} <= held


def test_calling_someone_twice_is_no_appeal() -> None:
    """"a appelé son homologue à deux reprises": a phone call, no demand."""
    held = _positions("Le ministre turc, Hakan Fidan, a appelé son homologue ukrainien à deux reprises pour évoquer "
                      "le cessez-le-feu.\n")
    assert not any(stance == "demands" for _, _, stance in held)


def test_only_an_answer_to_a_proposal_falls_back_on_the_story_topic() -> None:
    """Reservations naming no issue are about what the meeting discussed (sanctions); a
    condemnation naming none is not."""
    held = _positions(
        "Le ministre hongrois, Péter Szijjártó, a rencontré lundi à Budapest son homologue polonais, "
        "Radosław Sikorski, pour discuter des sanctions.\n\n"
        "M. Szijjártó a exprimé des réserves.\n\n"
        "M. Sikorski a vivement condamné l'attitude de son interlocuteur.\n")
    assert ("peter-szijjarto", "sanctions", "has-reservations") in held
    assert not any(holder == "radoslaw-sikorski" for holder, _, _ in held)


def test_stance_in_a_quotation_is_the_speakers() -> None:
    held = _positions("« Nous soutenons pleinement la candidature de l'Ukraine à l'Union européenne », a déclaré "
                      "le chancelier allemand, Olaf Scholz.\n")
    assert held == {("olaf-scholz", "eu-membership", "supports")}


def test_ready_to_host_talks_is_openness() -> None:
    held = _positions("La Turquie s'est dite prête à accueillir un nouveau cycle de négociations entre la Russie "
                      "et l'Ukraine à Istanbul.\n")
    assert ("turkey", "negotiations-timetable", "open-to-discussion") in held


@pytest.mark.parametrize("sentence, issue", [
    ("Cuba a dénoncé une nouvelle fois le blocus imposé par les États-Unis.", "sanctions"),
    ("L'Union européenne appelle à une pause humanitaire immédiate.", "ceasefire"),
    ("Le Mali a exigé l'acheminement sans entrave des convois humanitaires.", "humanitarian-aid"),
])
def test_issue_phrasings_of_real_prose(sentence: str, issue: str) -> None:
    held = _positions(sentence + "\n")
    assert any(i == issue for _, i, _ in held), held
