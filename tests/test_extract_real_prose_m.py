"""Constructions read in real newspaper and agency reports with several speakers, and in reports
of press conferences (issue 12, real-prose round M).

Each construction was read in real French prose; the texts below are ours, with invented people
or real figures in made-up situations. Each test failed on the code before its rule, except the
guards, which say where a rule must stop.
"""

from __future__ import annotations

from extracting import event_at, extract_dated, participant_slugs


def _speaker(doc, opening: str) -> str:
    """The slug of the speaker of the quotation opening with these words ("" when it has none)."""
    quote = next(q for q in doc.quotes if q.span.text.startswith(opening))
    return (quote.speaker or "").rsplit("/", 1)[-1]


def _agents(event) -> set[str]:
    return {a.rsplit("/", 1)[-1] for a in event.agents}


def test_an_incise_with_a_dative_clitic_names_its_speaker_after_the_verb() -> None:
    # "« ... », lui a répondu X": the clitic of the one answered stands before the auxiliary; X
    # answered, and the "a-t-il dit" after it goes on with X, not with the one who spoke first
    doc = extract_dated(
        "Le président Emmanuel Macron a accueilli samedi à l'Élysée le chancelier autrichien Karl Nehammer. "
        "«Nous sommes heureux de vous revoir à Paris», a lancé Emmanuel Macron à son invité. "
        "«Je suis toujours content de venir ici», lui a répondu Karl Nehammer, vantant ses liens avec le "
        "président français. «Nos deux pays avancent ensemble», a-t-il dit.",
        "dative-incise", "2025-03-08")
    assert _speaker(doc, "Je suis toujours") == "karl-nehammer"
    assert _speaker(doc, "Nos deux pays") == "karl-nehammer"
    assert _agents(event_at(doc, "répondu")) == {"karl-nehammer"}


def test_an_incise_with_a_stance_marker_before_its_participle_names_its_speaker() -> None:
    # "Les deux équipes devaient aborder des « sujets lourds », a pour sa part déclaré M. X": the
    # marker stands between the auxiliary and the participle; the name after the verb spoke
    doc = extract_dated(
        "Le Premier ministre belge Alexander De Croo a reçu jeudi à Bruxelles le président finlandais "
        "Alexander Stubb. Stubb a évoqué la frontière orientale. Les deux équipes devaient aborder des "
        "\"sujets lourds et urgents\", a pour sa part déclaré M. De Croo.",
        "stance-marker-incise", "2025-04-10")
    assert _speaker(doc, "sujets lourds") == "alexander-de-croo"
    assert _agents(event_at(doc, "déclaré")) == {"alexander-de-croo"}


def test_an_incise_whose_subject_follows_a_gerund_aside_names_that_subject() -> None:
    # "« ... », a déclaré, en recevant son hôte, M. X": the gerund between commas comes between the
    # verb and its inverted subject
    doc = extract_dated(
        "Le président chinois Xi Jinping a reçu mercredi à Pékin l'ancien Premier ministre néo-zélandais "
        "John Key. « La Nouvelle-Zélande est un partenaire ancien de la Chine », a déclaré, en recevant son "
        "visiteur, M. Xi.",
        "gerund-aside-incise", "2024-02-14")
    assert _speaker(doc, "La Nouvelle-") == "xi-jinping"


def test_a_circumstance_before_a_name_gives_it_no_gender() -> None:
    # "À son arrivée, X a salué ...": the feminine noun of the circumstance is no title of X's, so a
    # later "a-t-il ajouté" may still take X up
    doc = extract_dated(
        "Emmanuel Macron a reçu samedi à l'Élysée Karl Nehammer. Dès son arrivée, Karl Nehammer a serré "
        "longuement la main de son hôte sur le perron. «C'est un honneur de vous recevoir», a lancé Emmanuel "
        "Macron à son invité. «Je suis heureux d'être ici», a répondu Karl Nehammer. «Nous avons beaucoup travaillé "
        "ensemble», a-t-il ajouté.",
        "circumstance-no-gender", "2025-03-08")
    assert _speaker(doc, "Nous avons beaucoup") == "karl-nehammer"


def test_the_canadian_prime_minister_named_by_his_office_is_known() -> None:
    # "le premier ministre canadien" in 2016: the gazetteer knows who held the office that day
    doc = extract_dated(
        "Le premier ministre canadien a été accueilli mardi à Mexico par le président Enrique Peña Nieto "
        "pour une visite de deux jours.",
        "canadian-prime-minister", "2016-06-28")
    visit = event_at(doc, "accueilli")
    assert "justin-trudeau" in participant_slugs(visit)


def test_the_president_of_the_palestinian_authority_is_the_palestinian_president() -> None:
    # "le président de l'Autorité palestinienne" names the Palestinian president of the day, not the
    # president of another state named nearby
    doc = extract_dated(
        "Le président de l'Autorité palestinienne a rencontré jeudi à Amman la secrétaire d'État "
        "américaine Hillary Clinton.",
        "palestinian-authority-president", "2010-03-12")
    meeting = event_at(doc, "rencontré")
    assert "mahmoud-abbas" in participant_slugs(meeting)
    assert "barack-obama" not in participant_slugs(meeting)


def test_a_quotation_ending_its_sentence_ends_it_before_a_capital() -> None:
    # '... : "A." Durant cette même conférence, X avait, quant à lui, souligné qu'il ne "..."': the
    # stop inside the closing mark ends the sentence, and the next one is X's, not the first speaker's
    doc = extract_dated(
        "Le président américain Joe Biden et le Premier ministre japonais Shigeru Ishiba ont tenu jeudi une "
        "conférence de presse à Washington. Le président américain a affirmé : \"Le Japon reste notre allié.\" "
        "Durant cette même conférence, Shigeru Ishiba avait, quant à lui, souligné qu'il ne "
        "\"céderait rien sur la sécurité de l'archipel\".",
        "quote-ends-sentence-straight", "2024-10-03")
    assert _speaker(doc, "céderait rien") == "shigeru-ishiba"


def test_a_quotation_in_guillemets_ending_its_sentence_ends_it_before_a_capital() -> None:
    doc = extract_dated(
        "Le président américain Joe Biden et le Premier ministre japonais Shigeru Ishiba ont tenu jeudi une "
        "conférence de presse à Washington. Le président américain a affirmé : « Le Japon reste notre allié. » "
        "Durant cette même conférence, Shigeru Ishiba avait, quant à lui, souligné qu'il ne « céderait rien "
        "sur la sécurité de l'archipel ».",
        "quote-ends-sentence-guillemets", "2024-10-03")
    assert _speaker(doc, "céderait rien") == "shigeru-ishiba"


def test_a_quotation_and_its_incise_stay_one_sentence() -> None:
    # guard: "« A. B. », a déclaré X" and '"A. B.", a déclaré X' keep the incise with the words
    doc = extract_dated(
        "Le président Joe Biden a reçu jeudi Shigeru Ishiba. « Le Japon reste notre allié. Rien ne changera. », "
        "a déclaré Shigeru Ishiba. \"Nous avancerons ensemble.\" a ajouté Joe Biden.",
        "quote-incise-one-sentence", "2024-10-03")
    assert _speaker(doc, "Le Japon reste") == "shigeru-ishiba"


def test_the_paris_cathedral_is_a_place_not_a_speaker() -> None:
    # "pour la réouverture de Notre-Dame. Ce dernier a salué « ... »": the cathedral is a building
    # in Paris, so "ce dernier" is the person named before it
    doc = extract_dated(
        "Le président argentin Javier Milei est arrivé samedi à Paris pour la réouverture de Notre-Dame. "
        "Ce dernier a salué « l'amitié ancienne » entre les deux pays.",
        "notre-dame-place", "2024-12-07")
    assert _speaker(doc, "l'amitié ancienne") == "javier-milei"
    assert not any(e.kind == "person" and e.iri.endswith("notre-dame") for e in doc.entities.values())


def test_a_participle_conjoined_after_an_infinitive_shares_the_main_subject() -> None:
    # "X a fait part de son plaisir de revoir Y et insisté sur « ... »": the participle shares the
    # auxiliary of the main verb, not the infinitive's clause; X insisted
    doc = extract_dated(
        "Le président tunisien Kaïs Saïed a reçu vendredi à Carthage l'ancien président français Nicolas "
        "Sarkozy. M. Sarkozy a fait part de son plaisir de revoir Tunis et insisté sur « la fidélité de la "
        "France envers la Tunisie ».",
        "participle-after-infinitive", "2025-03-14")
    assert _speaker(doc, "la fidélité") == "nicolas-sarkozy"
