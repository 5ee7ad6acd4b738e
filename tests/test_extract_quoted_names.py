"""A quoted name after the noun it names is nobody's words (issue 12, pattern 6).

Dispatches put names of things in quotes right after their common noun: a network, an
operation, a negotiation format. The quote names the thing; no one said it. The texts below
are ours.
"""

from __future__ import annotations

from extracting import extract_dated


def quoted(doc) -> list[str]:
    return [q.span.text for q in doc.quotes]


def test_a_network_named_in_quotes_is_not_a_quotation_of_the_one_posting_on_it() -> None:
    doc = extract_dated(
        "La ministre norvégienne des Affaires étrangères, Anniken Huitfeldt, a rencontré mardi à Oslo son "
        "homologue islandaise. Anniken Huitfeldt s'est exprimée ensuite sur le réseau \"X\" et a salué "
        "\"une discussion franche\", a-t-elle déclaré.",
        "quoted-network", "2022-10-05")
    assert "X" not in quoted(doc)


def test_an_operation_named_in_quotes_is_not_the_words_of_the_one_defending_it() -> None:
    doc = extract_dated(
        "Le président Emmanuel Macron a longuement défendu devant les députés l'opération « Sentinelle », "
        "a indiqué l'Élysée.",
        "quoted-operation", "2023-01-12")
    assert "Sentinelle" not in quoted(doc)


def test_words_quoted_after_a_noun_that_are_no_name_keep_their_speaker() -> None:
    doc = extract_dated(
        "Le président Emmanuel Macron a dénoncé mardi une agression « injustifiable et brutale ».",
        "quoted-kept", "2023-01-12")
    assert [(q.span.text, q.speaker.rsplit("/", 1)[-1]) for q in doc.quotes] == [
        ("injustifiable et brutale", "emmanuel-macron")]


def test_a_foundation_named_after_someone_is_not_that_person() -> None:
    doc = extract_dated(
        "Le président comorien a pris part mardi à Malabo au forum de la Fondation Sullivan, puis il a visité "
        "le lycée Jacques Chirac.",
        "eponym-foundation", "2012-08-28")
    people = {iri.rsplit("/", 1)[-1] for iri, e in doc.entities.items() if e.kind == "person"}
    assert "jake-sullivan" not in people and "jacques-chirac" not in people


def test_an_incise_with_faire_savoir_names_its_speaker() -> None:
    doc = extract_dated(
        "Le ministre Arman Vardanian a reçu jeudi son homologue Elchin Mammadli. « Nous avons surtout parlé "
        "de la frontière », a fait savoir M. Vardanian devant la presse. « Nos deux pays ont beaucoup à "
        "gagner », a fait valoir de son côté Elchin Mammadli.",
        "faire-savoir-incise", "2024-05-03")
    speakers = {q.span.text[:10]: (q.speaker or "").rsplit("/", 1)[-1] for q in doc.quotes}
    assert speakers == {"Nous avons": "arman-vardanian", "Nos deux p": "elchin-mammadli"}


def test_a_subject_with_a_quote_in_its_relative_clause_keeps_its_verb() -> None:
    doc = extract_dated(
        "Emmanuel Macron et Olaf Scholz se sont parlé au téléphone lundi. Le président français, qui avait "
        "jugé la veille la situation « très préoccupante », a affirmé lundi que la Grèce et la Turquie "
        "voulaient la « désescalade ».",
        "relative-quote-subject", "2024-06-04")
    from extracting import event_at

    said = event_at(doc, "affirmé")
    assert [a.rsplit("/", 1)[-1] for a in said.agents] == ["emmanuel-macron"]
    assert said.date is not None and said.date.iso == "2024-06-03"


def test_a_communique_told_after_the_verb_is_its_subject_not_the_people_before() -> None:
    doc = extract_dated(
        "Le Président de la République, Joseph Boakai, a eu mardi, une conversation téléphonique avec "
        "son homologue ivoirien, Alassane Ouattara, indique un communiqué de la présidence. « L'échange a "
        "été fraternel », souligne le communiqué.",
        "communique-inverted", "2024-09-11")
    from extracting import event_at

    assert "alassane-ouattara" not in [a.rsplit("/", 1)[-1] for a in event_at(doc, "indique").agents]
    assert all(q.speaker is None or not q.speaker.endswith("alassane-ouattara") for q in doc.quotes)
