"""Round evn (issue 12): one real event, one node, and speech acts told with a light verb.

Short texts written here in the styles of ministry readouts and agency dispatches of tours:
speech acts told with a verb and a noun ("ont mis l'accent sur", "lui a transmis les
félicitations"), a stop of a tour told "dernière étape de la tournée, X a été accueilli à Y",
and a title line naming the visit the lead then tells with an indefinite article.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS, et
from diplograph.model import ExtractedDocument
from extracting import extract_dated


def extract_text(text: str, published: str = "2026-05-14") -> ExtractedDocument:
    return extract_dated(text, "evn-round", published)


def kinds(doc: ExtractedDocument) -> list[str]:
    return [e.event_type for e in doc.events]


def test_putting_the_emphasis_on_is_a_statement() -> None:
    doc = extract_text("Lundi à Kampala, la ministre ougandaise Ruth Nankya et son homologue rwandais, "
                       "Paul Gasana, ont mis l'accent sur la sécurité des routes commerciales.\n")
    [said] = [e for e in doc.events if e.event_type == et("statement")]
    assert "accent" in said.trigger.text


def test_passing_on_congratulations_is_a_statement() -> None:
    doc = extract_text("Le ministre tunisien Karim Ben Salah a été reçu mardi par le président algérien, "
                       "Ahmed Bensalem, à qui il a transmis les félicitations de son gouvernement.\n")
    assert et("statement") in kinds(doc)
    assert [e for e in doc.events if "transmis" in e.trigger.text and e.event_type == et("statement")]


def test_the_tour_named_by_a_stage_stays_the_tour_and_the_stage_its_own_meeting() -> None:
    doc = extract_text("Le ministre kényan Peter Wanjala a entamé lundi à Kampala une tournée régionale de trois "
                       "jours.\n\nMercredi, dernière étape de la tournée, M. Wanjala a été accueilli à Kigali par son "
                       "homologue rwandais, Paul Gasana. Lors de cet entretien, les deux ministres ont évoqué "
                       "la sécurité des frontières.\n")
    tours = [e for e in doc.events if e.trigger.text == "tournée"]
    assert len(tours) == 1 and [m.text for m in tours[0].mentions] == ["tournée"]
    [stage] = [e for e in doc.events if e.trigger.text == "accueilli"]
    assert stage.date is not None and stage.date.iso == "2026-05-13"
    assert tours[0].date is None or tours[0].date.iso == "2026-05-11"


def test_a_title_line_and_the_visit_the_lead_introduces_are_one_visit() -> None:
    doc = extract_text("Visite officielle du ministre des Affaires étrangères au Ghana\n\n"
                       "Le ministre togolais Komi Dossou a effectué du 3 au 5 mai une visite officielle à Accra, "
                       "à l'invitation de son homologue ghanéen, Kwesi Annan.\n\n"
                       "Dès son arrivée, il a été reçu en audience par le président ghanéen, Kofi Mensah.\n\n"
                       "À l'issue de la visite, les deux ministres ont signé un accord sur la pêche.\n")
    visits = [e for e in doc.events if "isite" in e.trigger.text
              or any("isite" in m.text for m in e.mentions)]
    assert len(visits) == 1
    assert len([m for m in [visits[0].trigger, *visits[0].mentions] if "isite" in m.text]) == 3


def test_receiving_military_honours_is_no_meeting() -> None:
    doc = extract_text("Le président sénégalais Moussa Diallo a été reçu lundi à Berne par la présidente de la "
                       "Confédération, Anna Keller. Le président Diallo a reçu les honneurs militaires de la "
                       "compagnie d'honneur de l'armée suisse.\n")
    spans = [s for e in doc.events if e.event_type in GATHERINGS for s in (e.trigger, *e.mentions)]
    assert len([s for s in spans if s.text == "reçu"]) == 1  # the reception by the president, not the honours


def test_talks_after_an_aside_recalling_an_earlier_session_are_this_sessions() -> None:
    doc = extract_text("Nous, Amina Odhiambo, ministre des Affaires étrangères du Kenya, et Lars Berg, ministre "
                       "des Affaires étrangères de la Norvège, avons tenu ce jour à Nairobi la troisième session de "
                       "la commission mixte (la deuxième s'était réunie à Oslo en mai 2024).\n\n"
                       "Nos entretiens ont porté sur la pêche et le climat.\n")
    [talks] = [e for e in doc.events if any(m.text == "entretiens" for m in (e.trigger, *e.mentions))]
    assert talks.trigger.text == "session"
