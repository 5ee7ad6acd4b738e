"""Faults round J's held-out texts left, read as general French (issue 12, round J leftovers).

Short texts written here, with invented people: a presidency readout calls its own head of state
"le Chef de l'État" once both presidents of a phone call were named with their states.
"""

from __future__ import annotations

import datetime

from extracting import event_at, extract_text, participant_slugs

CALL = (
    "Lomé, le 3 mars 2026 - Le Président de la République togolaise, Son Excellence Monsieur Kossi Adjavon, "
    "a eu ce mardi un entretien téléphonique avec son homologue de la République du Bénin, Son Excellence "
    "Monsieur Romuald Hounkpè.\n\n"
    "Les deux présidents ont évoqué la sécurité dans le golfe de Guinée et la lutte contre la piraterie.\n\n"
    "À l'invitation de son homologue, le Chef de l'État effectuera vendredi une visite de travail à Cotonou. "
    "Il y aura un entretien avec le Président Hounkpè.\n"
)


def test_the_head_of_state_of_a_datelined_readout_is_its_named_president() -> None:
    """"Lomé, ... - Le Président de la République togolaise, X, ... avec son homologue du Bénin, Y ...
    le Chef de l'État effectuera une visite": two presidents named, each with his state; the title
    naming no state in a readout datelined in Lomé is Togo's, the X named, not a person of its own."""
    doc = extract_text(CALL, "round-j-leftover-head-of-state", datetime.date(2026, 3, 3))
    visit = event_at(doc, "visite")
    assert "kossi-adjavon" in participant_slugs(visit), participant_slugs(visit)
    assert not any(s.startswith("chef-de-l-etat") for s in participant_slugs(visit)), participant_slugs(visit)


GUEST = (
    "Nairobi, 5 mai 2026 - Le ministre kényan des Affaires étrangères, Peter Otieno, a reçu mardi son homologue "
    "ghanéen, Kofi Boateng, pour une journée d'entretiens sur le commerce régional.\n\n"
    "« Nos deux pays partagent les mêmes priorités », a déclaré M. Otieno devant la presse. "
    "« Nous voulons davantage d'échanges entre nos ports », a ajouté son invité.\n"
)


def test_his_guest_who_speaks_is_the_other_party_of_the_speakers_talks() -> None:
    """"« ... », a déclaré M. X. « ... », a ajouté son invité": the guest is X's, the one other person
    of the talks X held (Y, whom X received), not nobody."""
    doc = extract_text(GUEST, "round-j-leftover-guest", datetime.date(2026, 5, 5))
    quote = next(q for q in doc.quotes if q.span.text.startswith("Nous voulons"))
    assert quote.speaker is not None and quote.speaker.endswith("/kofi-boateng"), quote.speaker


AUDIENCES = (
    "Libreville, le 10 juin 2026\n\n"
    "Le ministre gabonais des Affaires étrangères, Serge Mboumba, a reçu ce mercredi M. Lars Ekholm, "
    "ambassadeur de Suède au Gabon. L'audience s'est déroulée en présence du directeur du protocole.\n\n"
    "Plus tôt dans la journée, le ministre avait accordé une audience à Mme Nadia Ferhat, ambassadrice "
    "d'Algérie au Gabon. Les deux personnalités ont également évoqué la coopération dans le domaine de la pêche.\n"
)


def test_a_continuation_after_an_audience_granted_joins_that_audience() -> None:
    """"X a reçu Y ... Plus tôt, le ministre avait accordé une audience à Z. Les deux personnalités ont
    également évoqué ...": the audience granted by a light verb is told by its verb as much as the
    first; the talk that goes on is the one just told (with Z), not the first audience."""
    doc = extract_text(AUDIENCES, "round-j-leftover-audiences", datetime.date(2026, 6, 10))
    first = event_at(doc, "reçu")
    assert not any(m.text == "évoqué" for m in first.mentions), [m.text for m in first.mentions]
    second = next(e for e in doc.events if e is not first and e.trigger.text == "audience")
    assert any(m.text == "évoqué" for m in second.mentions), [m.text for m in second.mentions]
