"""Newspaper and encyclopedia articles (issue 12, articles round).

Newspaper reports of summits and visits, and encyclopedia pages on conferences, tell their
meetings with constructions the ministry readouts and agency dispatches of earlier rounds
rarely have: the leaders named by one noun and a demonym for each ("les dirigeants turc et
indien"), a talk "en marge du" or "dans les couloirs du" summit that is not the summit, a
conversation held with the light verb "avoir", and a conference that "a réuni" its delegations
in the sentence after the one that named it. The texts are ours, written for these tests (no
sentence of a real article).
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import Event, ExtractedDocument
from extracting import extract_dated, participant_slugs


def gatherings(doc: ExtractedDocument) -> list[Event]:
    return [e for e in doc.events if e.event_type in GATHERINGS]


def told_by(doc: ExtractedDocument, word: str) -> Event:
    """The one gathering whose trigger or a further mention contains ``word``."""
    found = [e for e in gatherings(doc) if any(word in doc.source.text[s.begin:s.end]
                                                for s in (e.trigger, *e.mentions))]
    assert len(found) == 1, [(e.trigger.text, [m.text for m in e.mentions]) for e in gatherings(doc)]
    return found[0]


def place_slugs(event: Event) -> set[str]:
    return {p.rsplit("/", 1)[-1] for p in event.places}


def test_a_conversation_had_by_two_ministers_is_a_meeting() -> None:
    doc = extract_dated("Les ministres Jan Novak et Eva Berg ont eu mardi une longue conversation à Oslo, "
                        "selon un communiqué publié le soir même.\n", "had-conversation", "2021-03-11")
    meeting = told_by(doc, "conversation")
    assert {"jan-novak", "eva-berg"} <= participant_slugs(meeting)
    assert meeting.date is not None and meeting.date.iso == "2021-03-09"
    assert place_slugs(meeting) == {"oslo"}


def test_a_conversation_by_telephone_stays_a_call() -> None:
    doc = extract_dated("Jan Novak et Eva Berg ont eu lundi une conversation téléphonique sur la pêche.\n",
                        "had-call", "2021-03-11")
    [call] = gatherings(doc)
    assert call.event_type.endswith("/consultation")
    assert {"jan-novak", "eva-berg"} <= participant_slugs(call)


def test_leaders_named_by_one_noun_and_a_demonym_each_are_the_leaders_the_text_names() -> None:
    text = ("Les dirigeants turc et brésilien ont eu dimanche un long entretien à Antalya. "
            "Recep Tayyip Erdogan et Luiz Inácio Lula da Silva ont ensuite répondu aux journalistes.\n")
    doc = extract_dated(text, "leaders-demonyms", "2024-06-03")
    meeting = told_by(doc, "entretien")
    assert participant_slugs(meeting) == {"recep-tayyip-erdogan", "luiz-inacio-lula-da-silva"}
    assert not [e for e in doc.entities.values() if e.kind == "group"]


def test_leaders_in_the_plural_demonym_stay_a_group() -> None:
    doc = extract_dated("Des dirigeants africains et européens se sont retrouvés jeudi à Lisbonne.\n",
                        "leaders-group", "2024-06-03")
    meeting = told_by(doc, "retrouvés")
    assert not {"recep-tayyip-erdogan", "luiz-inacio-lula-da-silva"} & participant_slugs(meeting)
    assert [e for e in doc.entities.values() if e.kind == "group"]


def test_heads_of_state_named_by_demonyms_are_not_also_a_group() -> None:
    doc = extract_dated("Les chefs d'État ivoirien et français se sont retrouvés jeudi à Yamoussoukro.\n",
                        "heads-demonyms", "2019-12-20")
    meeting = told_by(doc, "retrouvés")
    assert participant_slugs(meeting) == {"alassane-ouattara", "emmanuel-macron"}
    assert not [e for e in doc.entities.values() if e.kind == "group"]


def test_a_talk_on_the_margins_of_a_summit_is_not_the_summit() -> None:
    doc = extract_dated("Les deux ministres ont eu vendredi un entretien en marge du sommet du G20 à Osaka.\n",
                        "margins-talk", "2019-06-29")
    talk, summit = told_by(doc, "entretien"), told_by(doc, "sommet")
    assert talk is not summit
    assert talk.date is not None and talk.date.iso == "2019-06-28"
    assert "g20" not in participant_slugs(talk)


def test_a_talk_in_the_corridors_of_a_summit_is_not_the_summit() -> None:
    text = ("Le sommet de l'ASEAN s'est ouvert vendredi à Jakarta. Jan Novak et Eva Berg "
            "ont eu samedi une brève conversation dans les couloirs du sommet.\n")
    doc = extract_dated(text, "corridors-talk", "2023-09-10")
    talk, summit = told_by(doc, "conversation"), told_by(doc, "sommet")
    assert talk is not summit
    assert {"jan-novak", "eva-berg"} <= participant_slugs(talk)
    assert not {"jan-novak", "eva-berg"} & participant_slugs(summit)


def test_the_conference_that_brought_delegates_together_is_the_conference_told_before() -> None:
    text = ("La conférence de paix de Lausanne s'est tenue du 4 au 6 mai 1998 en Suisse. "
            "La conférence a réuni les ministres des Affaires étrangères Jan Novak et Eva Berg, "
            "sous l'égide des Nations unies.\n")
    doc = extract_dated(text, "conference-brought", "2020-01-15")
    [conference] = gatherings(doc)
    assert {"jan-novak", "eva-berg"} <= participant_slugs(conference)
    assert conference.date is not None and conference.date.iso == "1998-05-04"


def test_it_brought_together_after_a_summit_takes_it_up() -> None:
    text = ("En 1961, a eu lieu à Belgrade le sommet des pays non alignés. "
            "Il a réuni pendant six jours Jan Novak, Eva Berg et Ana Varga.\n")
    doc = extract_dated(text, "summit-it-brought", "2020-01-15")
    [summit] = gatherings(doc)
    assert {"jan-novak", "eva-berg", "ana-varga"} <= participant_slugs(summit)


def test_a_host_taken_up_by_il_is_not_the_summit() -> None:
    text = ("Le président Paul Kagame a accueilli le sommet à Kigali. "
            "Il a ensuite réuni les ministres Jan Novak et Eva Berg pour un déjeuner.\n")
    doc = extract_dated(text, "host-il", "2020-01-15")
    lunch = told_by(doc, "réuni")
    assert {"jan-novak", "eva-berg"} <= participant_slugs(lunch)
    assert "accueilli" not in [doc.source.text[s.begin:s.end] for s in (lunch.trigger, *lunch.mentions)]


def test_a_meeting_that_ended_on_the_margins_of_a_summit_is_not_the_summit() -> None:
    text = ("Le tout premier tête-à-tête entre Jan Novak et Eva Berg s'est terminé jeudi à Nairobi, "
            "en marge du sommet de l'Union africaine, au bout d'une heure.\n")
    doc = extract_dated(text, "ended-margins", "2022-02-05")
    talk, summit = told_by(doc, "tête-à-tête"), told_by(doc, "sommet")
    assert talk is not summit
    assert {"jan-novak", "eva-berg"} <= participant_slugs(talk)
    assert "african-union" not in participant_slugs(talk)


def test_a_meeting_the_text_says_did_not_happen_is_no_event() -> None:
    doc = extract_dated("Selon un porte-parole, il n'y a eu aucune véritable rencontre entre Jan Novak "
                        "et Eva Berg à Lima, seulement un salut de loin.\n", "denied-noun", "2022-02-05")
    assert not gatherings(doc)
    doc = extract_dated("Jan Novak et Eva Berg, qui n'ont pas réussi à trouver un créneau pour se "
                        "rencontrer en tête-à-tête, se sont salués mardi.\n", "denied-verb", "2022-02-05")
    assert not [e for e in gatherings(doc) if e.status.endswith("/occurred")
                and any(w in doc.source.text[s.begin:s.end] for s in (e.trigger, *e.mentions)
                        for w in ("rencontrer", "tête-à-tête"))]


def test_a_summit_someone_did_not_attend_still_took_place() -> None:
    doc = extract_dated("Jan Novak n'a pas assisté au sommet de Lima, qui s'est tenu mardi.\n",
                        "not-attended", "2022-02-05")
    assert told_by(doc, "sommet").status.endswith("/occurred")


def test_the_people_listed_after_a_colon_took_part() -> None:
    text = ("La seconde réunion s'est tenue mardi à Dakar avec quatre ministres de l'Ouest africain : "
            "le Ghanéen Jan Novak, le Sénégalais Eva Berg et le Nigérien Ana Varga.\n")
    doc = extract_dated(text, "colon-list", "2022-05-12")
    meeting = told_by(doc, "réunion")
    assert {"jan-novak", "eva-berg", "ana-varga"} <= participant_slugs(meeting)
    sides = {p.actor.rsplit("/", 1)[-1]: (p.side or "").rsplit("/", 1)[-1] for p in meeting.participants}
    assert sides["jan-novak"] == "ghana" and sides["ana-varga"] == "niger"


def test_a_colon_after_a_list_of_topics_names_no_participant() -> None:
    doc = extract_dated("Le sommet de Dakar a porté mardi sur trois dossiers : le Mali, le Niger et la dette.\n",
                        "colon-topics", "2022-05-12")
    assert not {"jan-novak", "eva-berg"} & participant_slugs(told_by(doc, "sommet"))
    assert all(p.actor.rsplit("/", 1)[-1] != "mali" for p in told_by(doc, "sommet").participants)


def test_reunion_after_a_long_time_is_a_meeting() -> None:
    doc = extract_dated("Les retrouvailles entre Jan Novak et Eva Berg ont eu lieu samedi à Rome, "
                        "trois ans après leur brouille.\n", "retrouvailles", "2022-05-12")
    meeting = told_by(doc, "retrouvailles")
    assert {"jan-novak", "eva-berg"} <= participant_slugs(meeting)
    assert place_slugs(meeting) == {"rome"}


def test_the_counterpart_of_a_president_named_without_his_title() -> None:
    doc = extract_dated("Emmanuel Macron a accueilli jeudi son homologue ivoirien à l'Élysée pour un "
                        "déjeuner de travail.\n", "untitled-counterpart", "2021-11-12")
    meeting = told_by(doc, "accueilli")
    assert {"emmanuel-macron", "alassane-ouattara"} <= participant_slugs(meeting)


def test_celle_de_names_an_earlier_occurrence_of_the_gathering_told() -> None:
    text = ("La reine Ana Varga a commencé mardi sa visite officielle au Chili, la deuxième "
            "depuis celle du président Jan Novak en 1998.\n")
    doc = extract_dated(text, "celle-de", "2022-05-12")
    visit, earlier = told_by(doc, "visite"), told_by(doc, "celle")
    assert visit is not earlier
    assert visit.date is not None and visit.date.iso == "2022-05-10"
    assert "jan-novak" not in participant_slugs(visit)
    assert "jan-novak" in participant_slugs(earlier)
    assert earlier.date is not None and earlier.date.iso == "1998"


def test_a_conversation_held_at_a_summit_is_not_the_summit() -> None:
    doc = extract_dated("Ana Varga et Eva Berg ont eu une longue conversation au sommet du Mercosur à Asuncion.\n",
                        "at-summit-talk", "2022-07-22")
    talk, summit = told_by(doc, "conversation"), told_by(doc, "sommet")
    assert talk is not summit
    assert {"ana-varga", "eva-berg"} <= participant_slugs(talk)
    assert "mercosur" not in participant_slugs(talk)


def test_the_place_fronted_by_a_cleft_is_no_participant() -> None:
    doc = extract_dated("C'est dans les jardins de l'Élysée que Jan Novak a reçu Eva Berg mardi.\n",
                        "cleft-place", "2022-07-22")
    meeting = told_by(doc, "reçu")
    assert participant_slugs(meeting) == {"jan-novak", "eva-berg"}


def test_days_without_a_year_fall_in_the_year_of_the_summit_they_describe() -> None:
    text = ("En 1961, a eu lieu à Belgrade le sommet des pays non alignés. "
            "Il réunit du 1er au 6 septembre Jan Novak, Eva Berg et Ana Varga.\n")
    doc = extract_dated(text, "historical-present", "2020-01-15")
    [summit] = gatherings(doc)
    assert summit.date is not None and summit.date.iso == "1961-09-01"
    assert {"jan-novak", "eva-berg", "ana-varga"} <= participant_slugs(summit)
