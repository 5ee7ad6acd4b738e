"""Faults left over from earlier rounds on real prose (issue 12, leftovers round).

Short texts written here, built the way real readouts and dispatches are: a counted plural
("les deux dirigeants") after two names that only complete a noun, ...
"""

from __future__ import annotations

import datetime

import pytest

from diplograph.model import ExtractedDocument
from extracting import event_kind, extract_text, participant_slugs

PUBLISHED = datetime.date(2026, 3, 10)


def _events(doc: ExtractedDocument, kind: str):
    return [e for e in doc.events if event_kind(e) == kind]


COUNTED_AFTER_COMPLEMENTS = (
    "Le président ghanéen Kwame Asante a reçu mardi à Accra son homologue togolais Kossi Mensah. "
    "La rencontre a eu lieu après le départ du président nigérian Olu Bello et du président béninois "
    "Patrice Adé. Les deux dirigeants ont signé un accord de défense.\n"
)


def test_the_two_leaders_are_the_two_who_met_not_the_last_two_named() -> None:
    """"Les deux dirigeants" after a sentence whose two names only complete "le départ de": the two
    who met sign the accord, not the two who had left."""
    doc = extract_text(COUNTED_AFTER_COMPLEMENTS, "leftovers-counted", PUBLISHED)
    (signing,) = _events(doc, "agreement")
    assert participant_slugs(signing) == {"kwame-asante", "kossi-mensah"}


COUNTED_AFTER_ACTORS = (
    "Le président ghanéen Kwame Asante a reçu mardi à Accra son homologue togolais Kossi Mensah. "
    "Le lendemain, le président nigérian Olu Bello et le président béninois Patrice Adé ont lancé à "
    "Cotonou un appel commun au calme. Les deux dirigeants ont signé un accord de défense.\n"
)


def test_the_two_leaders_are_the_last_two_named_when_those_act_together() -> None:
    """Guard: when the two named just before do something together, "les deux dirigeants" are
    still those two, not the pair of the meeting told earlier."""
    doc = extract_text(COUNTED_AFTER_ACTORS, "leftovers-counted-guard", PUBLISHED)
    (signing,) = _events(doc, "agreement")
    assert participant_slugs(signing) == {"olu-bello", "patrice-ade"}


FOREIGN_PRESIDENCY = (
    "Dakar, le 4 mars 2026 - La présidence de la République du Sénégal annonce que le Président de la "
    "République, M. Amadou Diallo, a reçu ce mardi au Palais l'ambassadeur du Japon, M. Kenji Arai. La "
    "présidence de la République précise que les échanges ont porté sur la pêche.\n"
)


def _speakers(doc: ExtractedDocument) -> set[str]:
    return {a.rsplit("/", 1)[-1] for e in _events(doc, "statement") for a in e.agents}


def test_a_bare_presidency_in_a_foreign_readout_is_that_states() -> None:
    """A readout datelined in Dakar that names "la présidence de la République du Sénégal" says
    "la présidence de la République" for Senegal's: the French presidency is nowhere in it."""
    doc = extract_text(FOREIGN_PRESIDENCY, "leftovers-foreign-presidency", PUBLISHED)
    assert not any(iri.endswith("/elysee") for iri in doc.entities)
    assert _speakers(doc) == {"senegal"}


FRENCH_READOUT = (
    "Paris, le 4 mars 2026 - Le président Emmanuel Macron a reçu mardi le président sénégalais Amadou "
    "Diallo. La présidence sénégalaise avait annoncé cette visite la veille. La présidence de la "
    "République a précisé que les échanges ont porté sur la pêche.\n"
)


def test_a_bare_presidency_in_a_paris_readout_stays_french() -> None:
    """Guard: a readout from Paris that also names the Senegalese presidency speaks of two states;
    its own "présidence de la République" stays the French one."""
    doc = extract_text(FRENCH_READOUT, "leftovers-french-presidency", PUBLISHED)
    assert _speakers(doc) == {"elysee"}


NUMBERED = (
    "Le président ghanéen Kwame Asante a entamé mardi une visite d'État de deux jours au Togo.\n"
    "2-Le président Asante a été accueilli par son homologue togolais Kossi Mensah.\n"
)

NUMBERED_AUDIENCE = (
    "Le ministre togolais des Affaires étrangères Paul Houngbo a entamé mardi une tournée.\n"
    "2)Le ministre a reçu l'ambassadeur du Japon, M. Kenji Arai.\n"
)


@pytest.fixture(scope="module")
def numbered() -> ExtractedDocument:
    return extract_text(NUMBERED, "leftovers-numbered", PUBLISHED)


def test_a_paragraph_number_glued_to_the_subject_does_not_hide_it() -> None:
    """"2)Le ministre a reçu ...": the number before the sentence is no word of it; the minister
    told before is the host of the audience."""
    doc = extract_text(NUMBERED_AUDIENCE, "leftovers-numbered-audience", PUBLISHED)
    (audience,) = [e for e in _events(doc, "meeting") if e.trigger.text == "reçu"]
    assert participant_slugs(audience) == {"paul-houngbo", "kenji-arai"}


def test_a_numbered_welcome_joins_the_visit(numbered) -> None:
    """"2-Le président X a été accueilli par Y": the welcome is part of the visit told just
    before, with both presidents, not a gathering of its own."""
    (visit,) = [e for e in _events(numbered, "meeting") if e.trigger.text == "visite"]
    assert "accueilli" in {m.text for m in visit.mentions}
    assert {"kwame-asante", "kossi-mensah"} <= participant_slugs(visit)


DATED_LINES = (
    "Le ministre togolais des Affaires étrangères, Paul Houngbo, a entamé une tournée régionale.\n"
    "2 mars - Le ministre a reçu à Lomé l'ambassadeur du Japon, M. Kenji Arai.\n"
)


def test_a_day_opening_a_line_is_not_taken_for_a_paragraph_number() -> None:
    """Guard: "2 mars - Le ministre a reçu ..." opens on a date, which stays the audience's."""
    doc = extract_text(DATED_LINES, "leftovers-dated-lines", PUBLISHED)
    (audience,) = [e for e in _events(doc, "meeting") if e.trigger.text == "reçu"]
    assert audience.date is not None and audience.date.iso == "2026-03-02"


def _people(doc: ExtractedDocument) -> set[str]:
    return {iri.rsplit("/", 1)[-1] for iri, e in doc.entities.items() if e.kind == "person"}


def test_a_typo_in_a_known_first_name_is_the_same_person() -> None:
    """"Le président français Emanuel Macron" (one letter short): the gazetteer's Emmanuel Macron,
    not a new person."""
    doc = extract_text("Le président français Emanuel Macron a reçu lundi à Paris le chancelier allemand "
                       "Friedrich Merz.\n", "leftovers-typo", PUBLISHED)
    assert "emmanuel-macron" in _people(doc)
    assert "emanuel-macron" not in _people(doc)


@pytest.mark.parametrize("text, minted", [
    ("Le président français Daniel Macron a reçu lundi à Paris le chancelier allemand Friedrich Merz.\n",
     "daniel-macron"),
    ("Le Premier ministre Emanuel Macron a reçu lundi à Paris le chancelier allemand Friedrich Merz.\n",
     "emanuel-macron"),
], ids=["other-given-name", "office-never-held"])
def test_another_first_name_or_an_office_never_held_is_another_person(text: str, minted: str) -> None:
    """Guard: a really different first name, or a one-letter variant under a title the known
    person never held, stays someone else."""
    doc = extract_text(text, "leftovers-namesake", PUBLISHED)
    assert minted in _people(doc)
    assert "emmanuel-macron" not in _people(doc)


@pytest.mark.parametrize("text, absent", [
    ("Les ministres des Affaires étrangères du Ghana, Paul Houngbo, et du Togo, Kossi Mensah, se sont "
     "réunis lundi à Lomé. Le ministre béninois Yao Kouamé n'a pas assisté à la réunion.\n", "yao-kouame"),
    ("Les ministres des Affaires étrangères du Ghana, Paul Houngbo, et du Togo, Kossi Mensah, se sont "
     "réunis lundi à Lomé en l'absence de leur homologue béninois Yao Kouamé.\n", "yao-kouame"),
    ("Le président ghanéen Kwame Asante a reçu lundi à Accra son homologue togolais Kossi Mensah, en "
     "l'absence du président béninois Patrice Adé, retenu à Cotonou.\n", "patrice-ade"),
    ("Le sommet de la CEDEAO s'est ouvert lundi à Abuja. Le président ghanéen Kwame Asante et le président "
     "togolais Kossi Mensah y ont pris part. Le président béninois Patrice Adé n'y a pas participé.\n",
     "patrice-ade"),
    ("Les ministres des Affaires étrangères du Ghana, Paul Houngbo, et du Togo, Kossi Mensah, se sont "
     "réunis lundi à Lomé. Le ministre béninois Yao Kouamé n'a pas pu assister à la réunion.\n", "yao-kouame"),
], ids=["not-attended", "absence-at-a-gathering", "absence-at-an-audience", "not-taken-part", "could-not-attend"])
def test_absentees_are_not_participants(text: str, absent: str) -> None:
    """"X n'a pas assisté à la réunion", "en l'absence de X", "X n'y a pas participé", "X n'a pas pu
    assister": X was not there; the others still were."""
    doc = extract_text(text, "leftovers-absent", PUBLISHED)
    (gathering,) = _events(doc, "meeting")
    assert absent not in participant_slugs(gathering)
    assert {"kossi-mensah"} <= participant_slugs(gathering)


def test_presence_still_makes_a_participant() -> None:
    """Guard: "en présence de X" and "X y a assisté" still name participants."""
    doc = extract_text(
        "Le président ghanéen Kwame Asante a reçu lundi à Accra son homologue togolais Kossi Mensah, en "
        "présence du ministre béninois Yao Kouamé. Le président béninois Patrice Adé y a également assisté.\n",
        "leftovers-present", PUBLISHED)
    (gathering,) = _events(doc, "meeting")
    assert {"kwame-asante", "kossi-mensah", "yao-kouame", "patrice-ade"} <= participant_slugs(gathering)


def _summit_in(doc: ExtractedDocument, city: str):
    (summit,) = [e for e in _events(doc, "meeting") if any(p.endswith("/" + city) for p in e.places)]
    return summit


def test_a_restatement_in_another_year_does_not_join_the_gathering() -> None:
    """An encyclopedia's historical present: "Le sommet de 2022 s'est tenu à Accra. En 2019, il
    rassemble ..." tells of another year than the summit's noun names; the Accra summit keeps no
    mention of it, and is dated 2022 by its name, not 2019."""
    doc = extract_text(
        "Le premier sommet des pays riverains s'est tenu à Niamey en 2019. Le sommet de 2022 s'est tenu à "
        "Accra. En 2019, il rassemble les présidents du Ghana, du Togo et du Bénin.\n",
        "leftovers-restatement-year", PUBLISHED)
    accra = _summit_in(doc, "accra")
    assert "rassemble" not in {m.text for m in accra.mentions}
    assert accra.date is not None and accra.date.iso == "2022"  # the year its name gives


def test_a_restatement_in_the_same_year_joins_the_gathering() -> None:
    """Guard: "Le sommet de 2022 s'est tenu à Accra. En 2022, il rassemble ...": the same summit."""
    doc = extract_text(
        "Le premier sommet des pays riverains s'est tenu à Niamey en 2019. Le sommet de 2022 s'est tenu à "
        "Accra. En 2022, il rassemble les présidents du Ghana, du Togo et du Bénin.\n",
        "leftovers-restatement-same-year", PUBLISHED)
    assert "rassemble" in {m.text for m in _summit_in(doc, "accra").mentions}


def test_a_welcome_whose_guest_the_parse_lost_joins_the_visit() -> None:
    """"Lui et sa délégation ont été accueillis à l'aéroport par Y" right after a visit with no
    host: the parse loses who was received; the welcome is the visit's, Y its host."""
    doc = extract_text(
        "Le président ghanéen Kwame Asante a effectué mardi une visite officielle au Togo. Lui et sa "
        "délégation ont été accueillis à l'aéroport de Lomé par le Premier ministre togolais Kossi Mensah.\n",
        "leftovers-lost-guest", PUBLISHED)
    (visit,) = _events(doc, "meeting")
    assert participant_slugs(visit) == {"kwame-asante", "kossi-mensah"}
    assert visit.host is not None and visit.host.endswith("/kossi-mensah")


def test_a_welcome_of_someone_else_stays_apart() -> None:
    """Guard: "Une délégation d'hommes d'affaires a été reçue par Y" names other guests: another
    audience, not the visit."""
    doc = extract_text(
        "Le président ghanéen Kwame Asante a effectué mardi une visite officielle au Togo. Une délégation "
        "d'hommes d'affaires a été reçue mercredi par le Premier ministre togolais Kossi Mensah.\n",
        "leftovers-other-guest", PUBLISHED)
    visit = next(e for e in _events(doc, "meeting") if e.trigger.text == "visite")
    assert "kossi-mensah" not in participant_slugs(visit)


def _statement_speakers(doc: ExtractedDocument, verb: str) -> set[str]:
    return {a.rsplit("/", 1)[-1] for e in _events(doc, "statement") if e.trigger.text == verb for a in e.agents}


def test_a_speaker_named_by_office_again_is_the_holder_told_before() -> None:
    """"Le ministre ghanéen des Affaires étrangères a reçu ... Le ministre des Affaires étrangères a
    déclaré ...": no name anywhere; the speaker is the Ghanaian minister the text described."""
    doc = extract_text(
        "Le ministre ghanéen des Affaires étrangères a reçu mardi à Accra son homologue togolais. Le "
        "ministre des Affaires étrangères a déclaré que la coopération devait être renforcée.\n",
        "leftovers-office-again", PUBLISHED)
    (speaker,) = _statement_speakers(doc, "déclaré")
    assert doc.entities[next(i for i in doc.entities if i.endswith("/" + speaker))].roles[0].organisation \
        .endswith("/ghana")


def test_a_bare_office_under_a_dateline_speaks_for_the_datelines_state() -> None:
    """"Lomé, le 3 mars 2026 - Le ministre des Affaires étrangères a déclaré ...", no name: Togo's
    minister speaks (a person of that office and state, one per state across documents)."""
    doc = extract_text(
        "Lomé, le 3 mars 2026 - Le ministre des Affaires étrangères a déclaré mardi que le Togo soutenait "
        "la médiation régionale.\n", "leftovers-dateline-office", PUBLISHED)
    (speaker,) = _statement_speakers(doc, "déclaré")
    person = next(e for i, e in doc.entities.items() if i.endswith("/" + speaker))
    assert person.kind == "person"
    assert [(r.role.rsplit("/", 1)[-1], (r.organisation or "").rsplit("/", 1)[-1]) for r in person.roles] \
        == [("foreign-minister", "togo")]


def test_a_bare_office_in_apposition_under_a_dateline_mints_no_one() -> None:
    """Guard: "... a été reçu par le secrétaire général du Parti populaire lao et président du Laos,
    Bounmy Keola" under a Vientiane dateline: the title is the named man's, not an unnamed office
    holder of the dateline's state."""
    doc = extract_text(
        "Vientiane (KPL) – Le Premier ministre thaïlandais a eu mardi un entretien avec son "
        "homologue. Le même jour, il a été reçu par le secrétaire général du Parti populaire lao et "
        "président du Laos, Bounmy Keola, qui a salué la « confiance » entre les deux pays.\n",
        "leftovers-dateline-apposition", PUBLISHED)
    assert not any(e.kind == "person" and not e.label[:1].isupper() for e in doc.entities.values())


def test_a_bare_presidency_speaking_in_a_foreign_readout_is_that_state() -> None:
    """"La présidence sénégalaise a indiqué ... La présidence a précisé ...": the bare presidency
    that speaks is Senegal's, as the first one was."""
    doc = extract_text(
        "DAKAR - La présidence sénégalaise a indiqué mardi que le président Amadou Diallo a reçu au palais "
        "l'ambassadeur du Japon, M. Kenji Arai. La présidence a précisé que les deux hommes ont évoqué la pêche.\n",
        "leftovers-bare-presidency", PUBLISHED)
    assert _statement_speakers(doc, "précisé") == {"senegal"}


def test_a_bare_presidency_with_no_state_in_sight_names_no_one() -> None:
    """Guard: with no dateline and no state's body named, "la présidence" stays nobody's."""
    doc = extract_text(
        "Le président Amadou Diallo a reçu mardi l'ambassadeur du Japon, M. Kenji Arai. La présidence a "
        "précisé que les deux hommes ont évoqué la pêche.\n", "leftovers-bare-presidency-none", PUBLISHED)
    assert _statement_speakers(doc, "précisé") == set()
