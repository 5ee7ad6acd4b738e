"""Phone calls and audiences as wire services and foreign ministries report them (issue 12).

Short texts written here in the style of such dispatches: office holders named only by a
plural phrase with two demonyms ("les présidents russe et turc"), the head of a diplomacy
named through his ministry ("le chef de la diplomatie russe"), an apposition on the state
between a title and its holder ("du Sultanat d'Oman, pays ami, M. X"), a chain of titles whose
second is the precise one ("ministre d'État, ministre des Affaires étrangères"), and the
abbreviation "SEM." (Son Excellence Monsieur) before a guest's name.
"""

from __future__ import annotations

from diplograph.extract.kinds import GATHERINGS
from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from extracting import extract_dated
from extracting import extract_text as extract_undated


def extract_text(text: str, published: str | None = "2020-03-07") -> ExtractedDocument:
    """The shared test runner of tests/extracting.py, dated as a wire dispatch is (or not at all)."""
    if published is None:
        return extract_undated(text, "wire-call")
    return extract_dated(text, "wire-call", published)


def the_gathering(doc: ExtractedDocument):
    [event] = [e for e in doc.events if e.event_type in GATHERINGS]
    return event


def people(event) -> set[str]:
    return {p.actor for p in event.participants}


def roles_of(doc: ExtractedDocument, slug: str) -> set[str]:
    return {r.role.rsplit("/", 1)[1] for r in doc.entities[id_iri("person", slug)].roles}


def test_a_plural_phrase_of_two_demonyms_names_the_holders_of_that_day() -> None:
    text = ("Les présidents turc et russe se sont entretenus vendredi par téléphone du cessez-le-feu dans le "
            "nord-ouest syrien.\n")
    call = the_gathering(extract_text(text))
    # on 6 March 2020 the gazetteer's presidents of Russia and Turkey
    assert people(call) == {id_iri("person", "vladimir-putin"), id_iri("person", "recep-tayyip-erdogan")}
    sides = {p.actor: p.side for p in call.participants}
    assert sides[id_iri("person", "recep-tayyip-erdogan")] == id_iri("state", "turkey")


def test_without_a_publication_date_no_holder_is_guessed() -> None:
    text = "Les présidents turc et russe se sont entretenus par téléphone du cessez-le-feu dans le nord-ouest syrien.\n"
    call = the_gathering(extract_text(text, published=None))
    assert id_iri("person", "vladimir-putin") not in people(call)


def test_the_head_of_a_diplomacy_sides_with_its_state_not_its_ministry() -> None:
    doc = extract_text("Le chef de la diplomatie russe, Sergueï Lavrov, s'est entretenu lundi par téléphone avec son "
                       "homologue égyptien, Samir Farouk, de la crise soudanaise.\n", published="2020-07-21")
    sides = {p.actor: p.side for p in the_gathering(doc).participants}
    assert sides[id_iri("person", "sergey-lavrov")] == id_iri("state", "russia")


def test_a_word_on_the_state_between_a_title_and_its_holder() -> None:
    doc = extract_text("Dans la soirée de mardi, la ministre des Affaires étrangères, Nadia Benhamou, a reçu un appel "
                       "téléphonique du ministre des Affaires étrangères du Sultanat d'Oman, pays ami, Salim "
                       "Al-Harthi, qui l'a invitée à Mascate.\n")
    call = the_gathering(doc)
    sides = {p.actor: p.side for p in call.participants}
    assert sides.get(id_iri("person", "salim-al-harthi")) == id_iri("state", "oman")
    assert sides.get(id_iri("person", "nadia-benhamou")) != id_iri("state", "oman")
    assert "foreign-minister" in roles_of(doc, "salim-al-harthi")


def test_of_two_titles_in_a_chain_the_precise_one_stays() -> None:
    doc = extract_text("Jeudi, le ministre d'État, ministre des Affaires étrangères, de la Coopération internationale "
                       "et de l'Intégration régionale, Karim Belkacem, a accueilli son homologue tunisien pour deux "
                       "jours de consultations.\n")
    assert roles_of(doc, "karim-belkacem") == {"foreign-minister"}


def test_sem_abbreviation_does_not_end_the_sentence() -> None:
    doc = extract_text("Le Premier ministre Ahmed Ould Salem a reçu vendredi SEM. Pierre Lambert, nouvel ambassadeur "
                       "de Belgique, venu lui remettre la copie de ses lettres de créance.\n")
    audience = the_gathering(doc)
    assert id_iri("person", "pierre-lambert") in people(audience)
    assert audience.event_type == vocab_iri("event-type", "meeting") or audience.event_type in GATHERINGS


def test_a_partner_after_a_time_and_means_set_off_by_commas() -> None:
    doc = extract_text("Nikos Kanellis, qui dirige la diplomatie grecque, s'est entretenu, jeudi soir par téléphone, "
                       "avec la secrétaire d'État américaine, Laura Brooks, selon son cabinet.\n")
    call = the_gathering(doc)
    assert {id_iri("person", "nikos-kanellis"), id_iri("person", "laura-brooks")} <= people(call)


def test_places_listed_after_a_subject_matter_noun_are_topics_not_where() -> None:
    doc = extract_text("La ministre belge Sophie Leclercq a reçu lundi son homologue kenyan, Peter Mwangi. Leur "
                       "entretien a porté sur le commerce entre les deux pays et sur plusieurs crises, à savoir la "
                       "situation en Éthiopie, en Somalie et au Soudan.\n")
    call = the_gathering(doc)
    assert not {id_iri("place", "sudan"), id_iri("place", "somalia"), id_iri("place", "ethiopia")} & set(call.places)


def test_gatherings_one_is_getting_ready_for_are_still_to_come() -> None:
    doc = extract_text("Les deux ministres ont eu lundi un entretien téléphonique à l'approche des réunions de "
                       "l'OTAN à Bruxelles.\nIls ont aussi parlé des préparatifs d'un sommet régional sur la "
                       "sécurité en mer Noire.\n")
    planned = {e.trigger.text for e in doc.events if e.status == vocab_iri("event-status", "planned")}
    assert {"réunions", "sommet"} <= planned


def test_a_capital_printed_without_its_accent_still_names_the_office() -> None:
    doc = extract_text("Le président du Malawi, Joseph Banda, a entamé mardi une visite officielle en Zambie.\n\n"
                       "À Lusaka, le chef de l'Etat malawite a été reçu dès son arrivée par le président zambien, "
                       "Mulenga Phiri.\n", published="2019-05-15")
    welcomed = [e for e in doc.events if e.event_type in GATHERINGS and id_iri("person", "mulenga-phiri") in people(e)]
    assert welcomed and id_iri("person", "joseph-banda") in people(welcomed[0])


def test_a_family_name_printed_before_the_full_name_is_that_person() -> None:
    doc = extract_text("Le président Mwamba est à Kigali depuis lundi.\n\n"
                       "Arrivé dans la soirée, le président de la Zambie, Chanda Mwamba, a vu mardi matin son "
                       "homologue rwandais. Le président Mwamba repart mercredi.\n", published="2019-05-15")
    people_named = {iri for iri, e in doc.entities.items() if e.kind == "person"}
    assert id_iri("person", "chanda-mwamba") in people_named
    assert id_iri("person", "mwamba") not in people_named


def test_who_is_somewhere_for_a_visit_is_the_visitor() -> None:
    doc = extract_text("La présidente du Ghana, Akosua Mensah, s'est envolée lundi pour Lomé. La présidente Mensah "
                       "est au Togo pour une visite de travail consacrée au commerce frontalier.\n",
                       published="2019-05-15")
    visits = [e for e in doc.events if e.event_type in GATHERINGS]
    assert visits and id_iri("person", "akosua-mensah") in people(visits[0])


def test_an_audience_told_in_three_sentences_is_one_meeting() -> None:
    doc = extract_text("Le président gabonais, Paul Ndong, a reçu, vendredi en audience dans ses bureaux de "
                       "Libreville, le ministre des Affaires étrangères du Niger, Issa Hamani.\n\n"
                       "Au sortir de cette audience, M. Hamani s'est dit satisfait du climat des échanges.\n\n"
                       "L'audience s'est tenue en présence du directeur général de l'Agence nigérienne de "
                       "coopération, Moussa Karim, et de Ali Yacouba, premier conseiller à l'ambassade du Niger au "
                       "Gabon.\n", published="2022-10-22")
    meetings = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len(meetings) == 1
    [audience] = meetings
    assert {id_iri("person", "paul-ndong"), id_iri("person", "issa-hamani"), id_iri("person", "moussa-karim"),
            id_iri("person", "ali-yacouba")} <= people(audience)
    assert id_iri("place", "gabon") not in audience.places  # where the embassy is, not the audience


def test_the_holder_a_title_serves_is_not_present() -> None:
    doc = extract_text("Vendredi, le président gabonais Paul Ndong a reçu le ministre des Affaires étrangères, Karim "
                       "Alaoui, émissaire du roi Mohammed VI, venu lui remettre un message.\n", published="2022-10-22")
    audience = the_gathering(doc)
    assert id_iri("person", "karim-alaoui") in people(audience)
    assert not any("mohammed" in p for p in people(audience))


def test_working_lunches_and_unhyphenated_tete_a_tete_are_meetings() -> None:
    lunch = extract_text("Mercredi à Lomé, le président du Ghana, Kofi Asante, a eu un déjeuner de travail avec le "
                         "président togolais, Yao Agbeko.\n", published="2023-01-26")
    assert {id_iri("person", "kofi-asante"), id_iri("person", "yao-agbeko")} <= people(the_gathering(lunch))
    talk = extract_text("Avant la séance plénière, le président du Ghana, Kofi Asante, a eu un tête à tête avec le "
                        "président togolais, Yao Agbeko.\n", published="2023-01-26")
    assert {id_iri("person", "kofi-asante"), id_iri("person", "yao-agbeko")} <= people(the_gathering(talk))


def test_what_a_relative_clause_on_the_talks_names_is_the_topic() -> None:
    doc = extract_text("Le président du Ghana, Kofi Asante, a accueilli lundi son homologue togolais, Yao Agbeko. "
                       "Les deux présidents se sont alors isolés pour un entretien en tête-à-tête durant lequel ont "
                       "été évoqués les échanges entre le Ghana et le Togo.\n",
                       published="2023-01-26")
    for event in doc.events:
        assert not {id_iri("state", "ghana"), id_iri("state", "togo")} & people(event)


def test_talks_followed_by_a_wider_session_are_one_gathering() -> None:
    doc = extract_text("Le président du Ghana, Kofi Asante, est en visite d'État au Togo. Les deux présidents ont eu "
                       "un long entretien en tête-à-tête, suivi d'une séance de travail élargie à leurs ministres.\n",
                       published="2023-01-26")
    session = [e for e in doc.events if any("séance" in m.text for m in [e.trigger, *e.mentions])]
    talks = [e for e in doc.events if any("entretien" in m.text for m in [e.trigger, *e.mentions])]
    assert session and session == talks


def test_a_call_received_after_a_time_is_one_call_and_the_invited_guest_keeps_his_state() -> None:
    doc = extract_text("Le Président de la République, Karim Haddad, a reçu, jeudi après-midi, un appel téléphonique "
                       "du président de la République française, Emmanuel Macron, qui souhaitait parler des effets "
                       "de l'épidémie sur les deux économies.\n\n"
                       "Le Président français a renouvelé à cette occasion l'invitation faite au Président Haddad "
                       "d'effectuer une visite d'Etat en France, selon le communiqué.\n", published="2020-03-19")
    calls = [e for e in doc.events if e.event_type in GATHERINGS and e.status == vocab_iri("event-status", "occurred")]
    assert len(calls) == 1
    assert {id_iri("person", "karim-haddad"), id_iri("person", "emmanuel-macron")} <= people(calls[0])
    assert id_iri("state", "france") not in calls[0].places  # the caller's title, not where the call was
    sides = {p.actor: p.side for p in calls[0].participants}
    assert sides.get(id_iri("person", "karim-haddad")) != id_iri("state", "france")


def test_a_list_of_presidents_with_their_countries_in_parentheses_all_attend() -> None:
    doc = extract_text("Cette semaine, le sommet de Kampala rassemble les présidents Kwame Boateng (Ghana), Amadou "
                       "Diallo (Sénégal), Daniel Kiprono (Kenya) et Jonas Mwale (Zambie) autour de leur hôte, le "
                       "président ougandais Moses Okello.\n", published="2004-11-21")
    summit = the_gathering(doc)
    expected = {"kwame-boateng", "amadou-diallo", "daniel-kiprono", "jonas-mwale", "moses-okello"}
    assert {id_iri("person", p) for p in expected} <= people(summit)
    assert id_iri("place", "daniel-kiprono") not in doc.entities


def test_the_office_holder_of_the_day_across_a_handover_year() -> None:
    text = "Mardi, les présidents russe et américain ont eu un entretien téléphonique consacré à l'Ukraine.\n"
    after = the_gathering(extract_text(text, published="2025-08-12"))
    assert id_iri("person", "donald-trump") in people(after)
    before = the_gathering(extract_text(text, published="2024-08-13"))
    assert id_iri("person", "joe-biden") in people(before)


def test_a_weekday_after_devoir_in_the_present_is_to_come() -> None:
    doc = extract_text("Les présidents russe et finlandais, qui doivent vendredi se réunir à Helsinki pour parler "
                       "de l'Ukraine, se connaissent à peine.\n", published="2025-08-12")
    planned = [e for e in doc.events if e.status == vocab_iri("event-status", "planned")]
    assert planned and planned[0].date is not None and planned[0].date.iso == "2025-08-15"


def test_who_starts_a_summit_takes_part_and_a_rajouter_incise_has_a_speaker() -> None:
    doc = extract_text("Jan Novak et Karl Berger ont démarré jeudi leur sommet dans une résidence au bord du lac. "
                       "« Soyez le bienvenu », a dit Karl Berger. « Nous avons beaucoup à faire », a-t-il rajouté.\n",
                       published="2021-06-16")
    summit = the_gathering(doc)
    assert {id_iri("person", "karl-berger"), id_iri("person", "jan-novak")} <= people(summit)
    speakers = [q.speaker for q in doc.quotes]
    assert len(speakers) == 2 and speakers[0] is not None and speakers[1] == speakers[0]


def test_an_inverted_speaker_after_a_stance_marker_and_a_time() -> None:
    doc = extract_text("« Merci d'avoir fait le voyage », a répondu de son côté vers 11h15 le chancelier autrichien "
                       "Karl Berger.\n", published="2021-06-16")
    assert [q.speaker for q in doc.quotes] == [id_iri("person", "karl-berger")]


def test_a_numbered_point_opening_on_an_invitation_names_host_and_guest() -> None:
    doc = extract_text("1-A l'invitation de Son Excellence Monsieur Paul KOUASSI, Président de la République de "
                       "Côte d'Ivoire, Son Excellence le Professeur Amadou SOW, Président de la République du "
                       "Sénégal, accompagné de la Première Dame et de cinq ministres, a effectué du 07 au 09 novembre "
                       "2016 une visite d'Etat à Abidjan.\n", published="2016-11-10")
    visit = the_gathering(doc)
    assert {id_iri("person", "paul-kouassi"), id_iri("person", "amadou-sow")} <= people(visit)
    assert id_iri("person", "professeur-amadou-sow") not in doc.entities  # "Professeur" is a title


def test_a_list_of_acts_keeps_its_subject_and_a_courtesy_visit_its_host() -> None:
    doc = extract_text("Pendant ces deux jours, le président Karl Berger s'est entretenu avec le président Do Van "
                       "Hai et a assisté à la signature de trois accords, a déposé une gerbe au monument aux morts, "
                       "a rendu une visite de courtoisie au secrétaire général Vo Thanh Long et a rencontré le "
                       "Premier ministre Phan Minh Tri.\n", published="2017-11-12")
    gatherings = [e for e in doc.events if e.event_type in GATHERINGS]
    berger = id_iri("person", "karl-berger")
    minh = id_iri("person", "do-van-hai")
    for event in gatherings:  # Berger did each of them; the president he met did none of the others
        assert berger in people(event)
        if not any(m.text.startswith("entretenu") for m in [event.trigger, *event.mentions]):
            assert minh not in people(event)
    courtesy = [e for e in gatherings if e.trigger.text == "visite"]
    assert courtesy and id_iri("person", "vo-thanh-long") in people(courtesy[-1])  # the second visit


def test_il_s_agit_de_sa_visite_is_the_visit_just_told_not_dated_by_an_election() -> None:
    doc = extract_text("Le président du Ghana, Kwame Boateng, a entamé vendredi une visite de travail au Togo. Il "
                       "s'agit de sa toute première visite à l'étranger depuis son élection le 7 janvier dernier.\n",
                       published="2024-05-26")
    visits = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len(visits) == 1
    assert id_iri("person", "kwame-boateng") in people(visits[0])
    assert visits[0].date is None or visits[0].date.iso != "2024-01-07"  # the election's day


def test_a_possessive_gathering_is_its_possessor_s() -> None:
    doc = extract_text("Sophie Leclercq, la ministre belge des Affaires étrangères, a regagné Bruxelles mardi soir. "
                       "Elle a estimé que sa visite avait été « fructueuse ».\n", published="2024-05-26")
    [visit] = [e for e in doc.events if e.event_type in GATHERINGS]
    assert id_iri("person", "sophie-leclercq") in people(visit)


def test_who_is_said_to_be_on_a_visit_is_the_visitor() -> None:
    doc = extract_text("Le ministre des Affaires étrangères, Karim Belkacem, en visite en Tunisie, a été reçu à "
                       "Carthage lundi par le président de l'Assemblée, Hichem Ben Salah.\n", published="2021-01-26")
    visits = [e for e in doc.events if e.trigger.text == "visite"]
    assert visits and id_iri("person", "karim-belkacem") in people(visits[0])
    stay = extract_text("La ministre belge Sophie Leclercq est à Ouagadougou depuis dimanche, à la tête d'une "
                        "délégation de dix personnes, dans le cadre d'une visite de travail.\n", published="2024-06-04")
    assert id_iri("person", "sophie-leclercq") in people(the_gathering(stay))


def test_a_meeting_set_for_an_hour_between_two_parties() -> None:
    doc = extract_text("Le président du Ghana, Kofi Asante, a atterri à Lomé en milieu de journée. Une rencontre est "
                       "prévue à 19 heures entre le chef de l'Etat ghanéen et la diaspora.\n",
                       published="2017-10-10")
    planned = [e for e in doc.events if e.event_type in GATHERINGS and e.status == vocab_iri("event-status", "planned")]
    assert planned and id_iri("person", "kofi-asante") in people(planned[0])


def test_who_participates_in_a_relative_clause_attends_and_those_called_on_sign() -> None:
    doc = extract_text("Un sommet régional s'est ouvert vendredi à Kampala. L'envoyé spécial de l'ONU pour la "
                       "région, Ibrahim Sall, qui participe au sommet, a appelé les dirigeants présents à signer un "
                       "pacte de non-agression.\n", published="2004-11-21")
    summit = the_gathering(doc)
    assert id_iri("person", "ibrahim-sall") in people(summit)
    signing = [e for e in doc.events if e.trigger.text == "signer"]
    assert signing and id_iri("person", "ibrahim-sall") not in people(signing[0]) | set(signing[0].agents)


def test_a_portfolio_naming_its_people_abroad_gives_the_state() -> None:
    portfolio = extract_text("Le Ministre des Affaires étrangères, de la Coopération et des Burkinabè de l'Extérieur "
                             "s'est entretenu mardi avec l'ambassadeur du Ghana.\n", published="2021-01-29")
    assert id_iri("person", "jean-yves-le-drian") not in portfolio.entities


def test_a_gathering_a_future_verb_has_is_planned() -> None:
    doc = extract_text("Les experts maliens auront une séance de travail avec leurs homologues nigériens.\n",
                       published="2024-06-04")
    assert the_gathering(doc).status == vocab_iri("event-status", "planned")


def test_a_present_report_does_not_break_the_day_of_the_story() -> None:
    doc = extract_text("Samedi soir à New York, en marge de l'Assemblée générale de l'ONU, le ministre d'Etat, "
                       "ministre des Affaires étrangères, M. Karim Belkacem s'est entretenu avec plusieurs ministres "
                       "sud-américains, indique un communiqué du ministère.\n\n"
                       "M. Belkacem a également rencontré le président de la Banque mondiale, M. Luis Paredes, "
                       "précise le texte.\n", published="2023-09-24")
    met = [e for e in doc.events if e.trigger.text == "rencontré"]
    assert met and met[0].date is not None and met[0].date.iso == "2023-09-23"


def test_a_title_in_a_fronted_avec_phrase_is_not_the_subject_s() -> None:
    doc = extract_text("Le ministre des Affaires étrangères, M. Karim Belkacem, a vu samedi son homologue de Cuba, "
                       "M. Pablo Ortega. Avec le ministre cubain des Affaires étrangères, M. Belkacem a parlé des "
                       "liens anciens entre La Havane et son pays.\n", published="2023-09-24")
    sides = {p.actor: p.side for e in doc.events for p in e.participants}
    assert sides.get(id_iri("person", "karim-belkacem")) != id_iri("state", "cuba")
    roles = doc.entities[id_iri("person", "karim-belkacem")].roles
    assert all(r.organisation != id_iri("state", "cuba") for r in roles)


def test_an_office_in_a_guest_s_escort_is_held_for_the_guest_s_state() -> None:
    doc = extract_text("Le président du Burkina Faso, Issa Ouédraogo, a séjourné à Djibouti du 24 au 27 janvier 2021 "
                       "pour une visite officielle, à l'invitation de son homologue djiboutien. Il était accompagné "
                       "par une délégation composée du Ministre des Affaires Etrangères, du ministre de la Défense "
                       "et de plusieurs conseillers.\n", published="2021-01-29")
    assert id_iri("person", "jean-yves-le-drian") not in doc.entities  # not France's minister
    sides = {p.side for e in doc.events for p in e.participants if p.role == vocab_iri("role", "foreign-minister")}
    assert sides <= {id_iri("state", "burkina-faso")}


def test_a_communique_speaks_for_its_issuer_also_when_quoted_again() -> None:
    doc = extract_text("« Les ministres ont fait le point sur la préparation du sommet », indique un communiqué du "
                       "ministère russe des Affaires étrangères.\n\n« Ils resteront en contact étroit », précise le "
                       "communiqué mis en ligne sur le site de la diplomatie russe.\n\n« Un nouvel échange aura lieu "
                       "la semaine prochaine », a précisé la même source.\n", published="2020-07-21")
    ministry = id_iri("org", "russian-foreign-ministry")
    assert [q.speaker for q in doc.quotes] == [ministry, ministry, ministry]


def test_the_meeting_later_placed_in_a_town_of_the_country_of_the_trip() -> None:
    doc = extract_text("Mikhaïl Orlov, le Premier ministre russe, doit se rendre en France lundi 24 juin pour y "
                       "rencontrer Paul Girard, son homologue.\n\nLa rencontre se tiendra au Havre, précise "
                       "Matignon.\n", published="2019-06-21")
    trips = [e for e in doc.events if e.event_type in GATHERINGS]
    assert len(trips) == 1
    assert id_iri("person", "paul-girard") in people(trips[0])


def test_a_name_the_recogniser_cuts_in_two_is_one_person() -> None:
    doc = extract_text("Le ministre des Affaires étrangères, M. Ismaël Ould Sidi Mahmoud, a reçu lundi en fin de "
                       "matinée la nouvelle ambassadrice du Mali.\n", published="2017-10-03")
    people_named = {iri for iri, e in doc.entities.items() if e.kind == "person"}
    assert id_iri("person", "ismael-ould-sidi-mahmoud") in people_named
    assert id_iri("person", "ismael") not in people_named


def test_a_gathering_verb_after_a_comma_is_no_reporting_incise() -> None:
    doc = extract_text("Le sommet, dont les débats se poursuivent loin des caméras, rassemble les présidents Kwame "
                       "Boateng (Ghana), Amadou Diallo (Sénégal) et Jonas Mwale (Zambie).\n", published="2004-11-21")
    gathered = set().union(*(people(e) for e in doc.events if e.event_type in GATHERINGS))
    assert {id_iri("person", p) for p in ("kwame-boateng", "amadou-diallo", "jonas-mwale")} <= gathered


def test_kim_jong_un_is_a_name_and_their_meeting_is_theirs() -> None:
    doc = extract_text("Le président américain Karl Berger et le dirigeant nord-coréen Kim Jong-un ont publié mardi "
                       "une déclaration commune au terme de leur rencontre à Singapour. Karl Berger et Kim Jong Un "
                       "se sont entretenus seuls pendant une heure.\n", published="2018-06-12")
    assert id_iri("person", "kim-jong-un") in doc.entities
    meetings = [e for e in doc.events if e.event_type in GATHERINGS]
    assert meetings and all(id_iri("person", "kim-jong-un") in people(e) for e in meetings)


def test_a_visit_someone_is_invited_for_is_planned_and_theirs() -> None:
    doc = extract_text("Karl Berger, le président américain, s'est dit prêt à inviter le dirigeant nord-coréen "
                       "Kim Jong-un pour une visite officielle à Washington.\n", published="2018-06-12")
    [visit] = [e for e in doc.events if e.trigger.text == "visite"]
    assert visit.status == vocab_iri("event-status", "planned")
    assert id_iri("person", "kim-jong-un") in people(visit)


def test_who_holds_a_series_of_talks_takes_part_in_them() -> None:
    doc = extract_text("Jeudi à Sotchi, le ministre des Affaires étrangères, Karim Belkacem, a mené une série "
                       "d'entretiens avec des délégations venues d'Afrique de l'Ouest.\n", published="2019-10-25")
    assert id_iri("person", "karim-belkacem") in people(the_gathering(doc))
