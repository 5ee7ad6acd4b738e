"""Quotes in agency dispatches and press-conference reports (issue 12, dispatches and quotes round).

The constructions were found by reading real dispatches; the texts here are our own sentences
(invented people and places), each giving one construction. Every test reads facts from the
real pipeline: the quoted words, who said them, and whether a quoted word is a quotation at all.
"""

from __future__ import annotations

import pytest

from diplograph.model import ExtractedDocument
from extracting import extract_dated


def _said(doc: ExtractedDocument, start: str) -> str | None:
    """The slug of the speaker of the one quote whose text starts with ``start``."""
    found = [q for q in doc.quotes if q.span.text.startswith(start)]
    assert len(found) == 1, [q.span.text for q in doc.quotes]
    return found[0].speaker.rsplit("/", 1)[-1] if found[0].speaker else None


@pytest.fixture(scope="module")
def inverted() -> ExtractedDocument:
    return extract_dated(
        "Le ministre norvégien de la Pêche, Halvard Mortensen, a présenté mardi le projet aux élus. "
        "Le futur accord sur les pêcheries constitue « un pas décisif », juge Halvard Mortensen.\n\n"
        "« Nos deux pays partagent les mêmes priorités, affirme Nadia Benslimane. Nous signerons "
        "l'accord avant l'été. »\n\n"
        "« Les deux capitales ont beaucoup à apprendre l'une de l'autre », a remarqué Lena Fischer.",
        "dispatch-inverted", "2026-03-12")


def test_a_present_tense_incise_names_its_speaker_after_the_verb(inverted):
    # ", juge X": the parser reads "juge" as a noun; the verb form still reports the words
    assert _said(inverted, "un pas décisif") == "halvard-mortensen"


def test_an_incise_inside_the_quotation_marks_names_the_speaker(inverted):
    # "« A, affirme X. B »": the quote goes on after the incise, its words are X's
    assert _said(inverted, "Nos deux pays partagent") == "nadia-benslimane"


def test_a_reporting_verb_of_the_vocabulary_with_its_subject_after_it(inverted):
    # "remarquer" is a quotation verb (ontology/vocab/quotation.ttl), no event trigger
    assert _said(inverted, "Les deux capitales") == "lena-fischer"


def test_a_pronoun_incise_closing_the_clause_reports_its_earlier_quote_too():
    doc = extract_dated(
        "Le ministre Julien Marchetti a reçu lundi son homologue. « Le dialogue a été franc », a "
        "déclaré Julien Marchetti. Sur le plan commercial, le chantier « avance bien » malgré les "
        "réserves de l'ancien ministre Paul Verdier et « devrait aboutir en mai », a-t-il précisé.",
        "dispatch-closing-incise", "2026-03-12")
    # the person named between the two quotes is not the one who speaks
    assert _said(doc, "avance bien") == "julien-marchetti"
    assert _said(doc, "devrait aboutir en mai") == "julien-marchetti"


def test_the_subject_before_a_relative_clause_speaks_rather_than_the_source():
    doc = extract_dated(
        "Selon l'agence Kora qui a relayé ses propos, Omar Diallo, qui a été applaudi par les délégués "
        "présents dans la salle, a soutenu que « la réforme profitera à toute la région ».",
        "dispatch-relative-clause", "2026-03-12")
    # the parse loses the subject ("Omar Diallo" read as a conjunct of "ses propos"); the person
    # before the relative clause is the one who speaks, not the source that "selon" names
    assert _said(doc, "la réforme profitera") == "omar-diallo"


def test_a_short_label_no_speech_verb_governs_is_no_quotation():
    doc = extract_dated(
        "Se donnant du « cher collègue », les deux ministres, Karl Obst et Ivo Marin, ont souligné la "
        "qualité de leurs relations. Ils veulent avancer « ensemble ». Karl Obst a qualifié la "
        "rencontre d'« historique ». « Nos équipes travaillent bien », a ajouté Ivo Marin, parlant d'une "
        "« relation exemplaire ».",
        "dispatch-labels", "2026-03-12")
    texts = [q.span.text for q in doc.quotes]
    # a form of address and a scare-quoted word are nobody's statement
    assert "cher collègue" not in texts
    assert "ensemble" not in texts
    # a word a speech verb gives to its subject stays a quotation with its speaker
    assert _said(doc, "historique") == "karl-obst"
    # and so does a word the participle of an incise speaks of
    assert _said(doc, "relation exemplaire") == "ivo-marin"


def _gatherings(doc: ExtractedDocument) -> list:
    return [e for e in doc.events if e.event_class.rsplit("#", 1)[-1] in ("Meeting", "Negotiation", "Consultation")]


def test_people_who_have_just_met_met_once():
    doc = extract_dated(
        "La ministre Ana Ruiz et son homologue Tomas Berg, qui viennent de se rencontrer à Vigo, ont "
        "répondu ensemble aux journalistes. Ces discussions ont porté sur la pêche côtière.",
        "dispatch-recent-past", "2026-03-12")
    # "venir de" + infinitive tells what has just happened: not a meeting still to come, so
    # "ces discussions" are that meeting
    [meeting] = _gatherings(doc)
    assert meeting.status.endswith("/occurred")
    assert len(meeting.mentions) >= 1


def test_a_summit_whose_closing_is_announced_was_held_and_is_one_summit():
    doc = extract_dated(
        "Le gouvernement finlandais a annoncé samedi la clôture du sommet de Vantaa sur l'énergie. "
        "Le Premier ministre Aino Lehtola, qui a présidé le sommet, a salué des résultats concrets.",
        "dispatch-closing-announced", "2026-03-14")
    [summit] = _gatherings(doc)
    assert summit.status.endswith("/occurred")


def test_a_pronoun_after_a_reported_sentence_is_its_speaker_not_the_last_name():
    doc = extract_dated(
        "« Nous avons fait le tour de nos relations », a dit Lucas Ferrand après une heure d'entretien "
        "avec le président Amadou Keita. Il a ajouté que « les échanges ont été francs ».",
        "dispatch-pronoun-after-incise", "2026-03-12")
    # "Il" takes up who spoke in the sentence before, not the host named at its end
    assert _said(doc, "les échanges ont été francs") == "lucas-ferrand"


def test_an_incise_naming_a_person_wins_over_an_office_before_the_colon():
    doc = extract_dated(
        "Le patron de la diplomatie française a répondu sans détour : « Nous ne céderons rien sur ce "
        "point », a déclaré Paul Demarest.",
        "dispatch-colon-and-incise", "2026-03-12")
    assert _said(doc, "Nous ne céderons rien") == "paul-demarest"


def test_pour_x_gives_the_speaker_of_the_words_after_the_colon():
    doc = extract_dated(
        "Mira Kovac a rencontré la presse à Zagreb. Pour elle, la région avance : « Nos ports sont "
        "enfin reliés et nos douanes travaillent ensemble. »",
        "dispatch-pour-elle", "2026-03-12")
    assert _said(doc, "Nos ports sont enfin reliés") == "mira-kovac"


def test_a_speech_noun_before_the_colon_says_whose_words_follow():
    doc = extract_dated(
        "La ministre Mira Kovac a réservé pour la fin sa réponse sur le litige des quotas : « Aucun "
        "accord ne sera signé sans nos pêcheurs. »",
        "dispatch-speech-noun", "2026-03-12")
    # "réponse" is a speech noun (ontology/vocab/cues.ttl, cue:speech-noun)
    assert _said(doc, "Aucun accord ne sera signé") == "mira-kovac"


def test_a_quote_standing_alone_after_a_speech_verb_continues_its_speaker():
    doc = extract_dated(
        "Le président Jonas Berg a jugé prématurée la question d'un retrait des troupes.\n"
        "« Il est trop tôt pour en parler. Nous verrons au printemps. »",
        "dispatch-quote-alone", "2026-03-12")
    assert _said(doc, "Il est trop tôt") == "jonas-berg"


def test_an_adverb_between_auxiliary_and_verb_of_an_incise():
    doc = extract_dated(
        "Les deux hommes ont multiplié les amabilités. \"Ce soir, nos équipes signeront trois accords "
        "sur les ports. Parce que nos deux peuples commercent depuis des siècles\", a ainsi déclaré Sofia Lind.",
        "dispatch-adverb-incise", "2026-03-12")
    # a quote of two sentences: the parse gives the incise verb no subject, the incise names it
    assert _said(doc, "Ce soir, nos équipes") == "sofia-lind"


def test_a_periphrasis_after_the_incise_verb_does_not_make_its_complement_speak():
    doc = extract_dated(
        "Le président Jonas Berg a rencontré ses homologues. « Vous avez un partenaire fiable et "
        "patient », a lancé le locataire de l'Élysée.",
        "dispatch-periphrasis", "2026-03-12")
    # "le locataire de X" names someone through a building: the building is not the speaker
    [quote] = [q for q in doc.quotes if q.span.text.startswith("Vous avez")]
    assert quote.speaker is None or "/person/" in quote.speaker


def test_a_talk_where_the_reception_took_place_is_that_reception():
    doc = extract_dated(
        "Le président Idriss Malan a été reçu jeudi au palais de Koulouba où il a eu un entretien avec "
        "son homologue Moussa Keïta. Les échanges ont porté sur la sécurité des frontières.",
        "dispatch-where-clause", "2026-03-13")
    # "où il a eu un entretien" after the place of the reception tells what happened there
    assert len(_gatherings(doc)) == 1



def test_a_verbless_sentence_naming_a_gathering_restates_the_one_just_told():
    doc = extract_dated(
        "La présidente Ana Ruiz a été accueillie mardi par le Premier ministre Tomas Berg à Vigo. Une "
        "rencontre au terme de laquelle les deux dirigeants ont signé un accord sur la pêche côtière.",
        "dispatch-nominal-sentence", "2026-03-12")
    # "Une rencontre au terme de laquelle ..." has no verb of its own: the welcome just told
    assert len(_gatherings(doc)) == 1
