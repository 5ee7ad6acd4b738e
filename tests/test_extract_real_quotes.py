"""Who speaks in reports with many speakers: UN meeting coverage, summit reactions, spokesmen.

Issue 12 (quotes round): real dispatches and meeting coverage were read to find the
constructions where a quote or a statement went to the wrong speaker or to nobody. The texts
here are our own sentences (invented people and places), each giving one construction; every
test reads from the real pipeline who said what, and the guards check the rule stays in its lane.
"""

from __future__ import annotations

from diplograph.model import ExtractedDocument
from extracting import event_at, extract_dated


def _said(doc: ExtractedDocument, start: str) -> str | None:
    """The slug of the speaker of the one quote whose text starts with ``start``."""
    found = [q for q in doc.quotes if q.span.text.startswith(start)]
    assert len(found) == 1, [q.span.text for q in doc.quotes]
    return found[0].speaker.rsplit("/", 1)[-1] if found[0].speaker else None


def _agents(doc: ExtractedDocument, word: str) -> list[str]:
    return [a.rsplit("/", 1)[-1] for a in event_at(doc, word).agents]


def test_an_incise_names_its_speaker_after_a_reported_clause_whose_noun_names_nobody():
    # "Le renforcement de X restera la priorité, a déclaré ce matin le représentant permanent de
    # Y, M. Z": the clause reported before the comma has a subject of its own (the parse may hang
    # it on the speech verb); the person named after the verb is the speaker
    doc = extract_dated(
        "Le Conseil de sécurité a tenu mardi une séance sur la région des Grands Lacs.\n\n"
        "Les trois semaines à venir devront d'abord servir à rouvrir les routes de l'aide, a déclaré "
        "ce matin le Représentant permanent de la Norvège, M. Anders Lykke, qui ouvrait le débat.",
        "real-quotes-inverted-after-clause", "2026-04-14")
    assert _agents(doc, "déclaré") == ["anders-lykke"]


def test_an_apposition_before_the_verb_still_is_its_subject():
    # guard: "Le président, X, a déclaré ..." -- the comma closes an apposition, no incise
    doc = extract_dated(
        "Le ministre des Affaires étrangères, Tomas Berzins, a déclaré mardi devant la presse que "
        "la réunion avait été utile.",
        "real-quotes-apposition-guard", "2026-04-14")
    assert _agents(doc, "déclaré") == ["tomas-berzins"]


def test_a_quote_of_several_sentences_takes_the_incise_that_closes_its_last_sentence():
    # "« A. B » afin que ..., a dit aussi X": the quote runs over a full stop and the words after
    # the closing mark finish the sentence; the parse may take a verb inside the quotation marks
    # for the incise's subject, but quoted words are what is reported, never who reports it; and
    # the incise reports the quote even when the sentence splitter cut inside it
    doc = extract_dated(
        "Le Premier ministre Paul Arnaud a reçu mardi les chefs des groupes parlementaires.\n\n"
        "« Le moment viendra d'un débat au Parlement. Nous le demanderons » afin qu'il se tienne "
        "avant l'été, a dit aussi Claire Vasseur.\n\n"
        "\"Un vote devra suivre. Nous y veillerons\" pour que le texte passe vite, a ajouté Luc "
        "Perrin.",
        "real-quotes-multi-sentence", "2026-04-14")
    assert _said(doc, "Le moment viendra") == "claire-vasseur"
    # straight quotes do not show where they open: the sentence splitter cuts inside them
    assert _said(doc, "Un vote devra suivre") == "luc-perrin"


def test_a_pronoun_incise_takes_the_person_the_sentence_before_was_about():
    # "« A », a salué X. « B », a poursuivi Y. À l'ouverture, Z avait abondé. Il ... « C », a-t-il
    # affirmé": the sentences in between are about Z, so "il" is Z, not the last one quoted
    doc = extract_dated(
        "« La conférence a été parfaitement organisée », avait salué la présidente Amina Diallo.\n"
        "« Nous remercions nos hôtes pour leur accueil », avait poursuivi Kofi Mensah.\n"
        "À l'ouverture, le président Marc Lenoir avait abondé dans le même sens. Il a loué la "
        "qualité du nouveau centre de conférences.\n"
        "« Ce bâtiment montre le dynamisme du continent », a-t-il affirmé devant les délégués.",
        "real-quotes-pronoun-topic", "2026-04-14")
    assert _said(doc, "Ce bâtiment montre") == "marc-lenoir"


def test_a_pronoun_incise_after_a_sentence_told_by_a_spokesman_stays_with_the_spokesman():
    # guard: "M. X a affirmé ..., a précisé le porte-parole, M. Y. « ... », a-t-il ajouté": the
    # sentence before is Y's report, not a sentence about X
    doc = extract_dated(
        "Le ministre Henrik Dahl a appelé lundi son homologue. M. Dahl a réaffirmé le soutien de "
        "son pays, a précisé mardi le porte-parole du ministère, Olav Brekke, lors d'un point de "
        "presse. « Les médiateurs se rendront bientôt dans la région », a-t-il ajouté.",
        "real-quotes-pronoun-spokesman", "2026-04-14")
    assert _said(doc, "Les médiateurs") == "olav-brekke"


def test_a_quote_after_a_verbless_frame_and_a_colon_goes_on_with_the_last_speaker():
    # "« A », a lancé X. Puis, au sujet de Y : « B »": a frame without a verb of its own
    # introduces more of the same speaker's words
    doc = extract_dated(
        "« Nos relations n'ont jamais été aussi bonnes », a lancé le président Victor Almeida devant "
        "les journalistes. Puis, au sujet des droits de douane : « Nous trouverons un terrain "
        "d'entente avant la fin de l'année. »",
        "real-quotes-verbless-frame", "2026-04-14")
    assert _said(doc, "Nous trouverons") == "victor-almeida"


def test_a_quote_after_an_infinitive_frame_and_a_colon_goes_on_with_the_last_speaker():
    # "« A », a lancé X. Avant de quitter la salle : « B »": no finite verb before the colon
    doc = extract_dated(
        "« Nos relations n'ont jamais été aussi bonnes », a lancé le président Victor Almeida devant "
        "les journalistes. Avant de saluer son hôte : « Nous nous reverrons très vite. »",
        "real-quotes-infinitive-frame", "2026-04-14")
    assert _said(doc, "Nous nous reverrons") == "victor-almeida"


def test_a_quote_after_a_colon_in_a_narrated_sentence_is_not_the_last_speaker():
    # guard: a colon after a clause with its own verb that reports no speech ("Le cortège a
    # ensuite pris la route du port :") gives the quote no speaker by itself
    doc = extract_dated(
        "« Nos relations n'ont jamais été aussi bonnes », a lancé le président Victor Almeida devant "
        "les journalistes. Le cortège a ensuite traversé le quartier du port, où une banderole "
        "proclamait : « Bienvenue aux amis du Sud ».",
        "real-quotes-narrated-colon", "2026-04-14")
    assert _said(doc, "Bienvenue aux amis") != "victor-almeida"


def test_words_qualified_by_an_impersonal_on_are_the_words_of_whoever_reports_them():
    # "X a déclaré entretenir des relations qu'on ne peut qualifier d'« étroites »": "on" is
    # nobody; the words are X's, who reports them
    doc = extract_dated(
        "Le ministre Pavel Horak a déclaré entretenir avec Rome des relations qu'on ne peut "
        "qualifier d'« étroites ».",
        "real-quotes-impersonal-on", "2026-04-14")
    assert _said(doc, "étroites") == "pavel-horak"


def test_mentionner_reports_the_words_it_governs():
    # "mentionner" is a quotation verb (ontology/vocab/quotation.ttl): its subject said the words
    doc = extract_dated(
        "Le ministre Pavel Horak a mentionné devant les députés « une coopération exemplaire » avec "
        "ses voisins.",
        "real-quotes-mentionner", "2026-04-14")
    assert _said(doc, "une coopération exemplaire") == "pavel-horak"


def test_a_pronoun_incise_without_quotation_marks_is_the_spokesman_who_spoke_last():
    # indirect speech: "M. X a affirmé ..., a précisé le porte-parole, M. Y. ..., a-t-il ajouté"
    doc = extract_dated(
        "Le ministre Henrik Dahl a appelé lundi son homologue. M. Dahl a réaffirmé le soutien de "
        "son pays, a précisé mardi le porte-parole du ministère, Olav Brekke, lors d'un point de "
        "presse. Les médiateurs se rendront bientôt dans la région, a-t-il ajouté.",
        "real-quotes-indirect-spokesman", "2026-04-14")
    assert _agents(doc, "ajouté") == ["olav-brekke"]


def test_a_pronoun_incise_in_meeting_coverage_is_the_delegate_who_spoke_last():
    # "X a réaffirmé ... . ..., a-t-il affirmé, alors que Y a insisté sur ... . ..., a-t-il
    # déclaré": the first incise is X's (its clitic is its subject, whatever the parse hangs
    # before the comma), the second reports Y, who spoke after X
    doc = extract_dated(
        "Le délégué Tomas Lind a réaffirmé l'attachement de son pays au dialogue. Les voisins de "
        "la région doivent être associés à chaque étape, a-t-il affirmé, alors que le délégué Jonas "
        "Berg a souligné le sort des réfugiés. Personne ne peut se permettre d'attendre, a-t-il "
        "déclaré.",
        "real-quotes-indirect-delegates", "2026-04-14")
    assert _agents(doc, "affirmé") == ["tomas-lind"]
    assert _agents(doc, "déclaré") == ["jonas-berg"]


def test_a_clitic_incise_after_a_clause_with_its_own_subject_speaks_for_the_delegation_before():
    # UN coverage names delegations, not people: "Le représentant de A a réaffirmé ... . Grâce à
    # ..., les organisations sont ..., a-t-il affirmé, alors que ...": the parse hangs the reported
    # clause on the incise, but its inverted clitic is the subject, and A spoke last
    doc = extract_dated(
        "Le représentant de la Norvège a réaffirmé l'attachement de son pays au dialogue. Faute de "
        "moyens propres, les missions africaines dépendent encore trop des bailleurs extérieurs, "
        "a-t-il affirmé, alors que le représentant du Chili a mis en garde contre une famine.",
        "real-quotes-clitic-incise", "2026-04-14")
    assert _agents(doc, "affirmé") == ["norway"]


def test_an_act_reported_inside_someone_s_words_does_not_take_the_incise_pronoun():
    # guard: "X a rappelé que Y avait rejeté l'offre. ..., a-t-il ajouté": X goes on, not Y
    doc = extract_dated(
        "Le ministre Henrik Dahl a rappelé que le président Ivo Maric avait rejeté l'offre de "
        "médiation. La négociation reprendra en mai, a-t-il ajouté.",
        "real-quotes-indirect-reported", "2026-04-14")
    assert _agents(doc, "ajouté") == ["henrik-dahl"]


def test_the_head_of_the_un_named_by_a_periphrasis_is_the_secretary_general_of_the_text():
    # "« ... », a insisté le chef de l'ONU, selon le porte-parole": the press's name for the
    # secretary-general's office (ontology/vocab/roles.ttl) is the one the text named
    doc = extract_dated(
        "Le Secrétaire général de l'ONU, Idris Mbeki, a reçu mardi à New York la ministre "
        "nordlandaise des Affaires étrangères. « Le dialogue doit reprendre sans délai », a "
        "insisté le chef de l'ONU, selon son porte-parole, Paolo Ferri.",
        "real-quotes-un-chief", "2026-04-14")
    assert _said(doc, "Le dialogue doit reprendre") == "idris-mbeki"


def test_a_quote_opening_its_sentence_takes_the_speaker_named_after_a_verb_with_no_comma():
    # "\"A. B\" répond X, ministre de ..., à son collègue Y": online press often drops the comma
    doc = extract_dated(
        "Le ministère répond au gouvernement. \"Il n'y a ni compromis facile, ni compromis "
        "impossible. Il y a juste le compromis\" répond Ana Kovac, ministre nordlandaise des "
        "Affaires étrangères, à son collègue de l'Intérieur, Paul Berger, ce vendredi soir, sur son "
        "compte X.",
        "real-quotes-glued-incise", "2026-04-14")
    assert _said(doc, "Il n'y a ni compromis") == "ana-kovac"


def test_a_thing_after_a_glued_verb_does_not_lend_the_quote_a_name_of_its_complement():
    # guard: "« ... » proclame la banderole que tenait X": a banner names nobody; X only holds it
    doc = extract_dated(
        "Le ministre Ivo Maric a défilé dans la capitale. « Nous resterons unis » proclame la "
        "banderole que tenait le ministre Ivo Maric.",
        "real-quotes-glued-guard", "2026-04-14")
    assert _said(doc, "Nous resterons unis") is None


def test_the_clause_an_incise_reports_does_not_speak_through_its_pronoun():
    # guard: "Le gouvernement annoncera ..., a-t-il ajouté": the government is what is reported;
    # "il" is the one who spoke in the sentence before
    doc = extract_dated(
        "« Nous sommes prêts », a déclaré le porte-parole Olav Brekke devant la presse. Le "
        "gouvernement annoncera bientôt la date du sommet, a-t-il ajouté.",
        "real-quotes-incise-clause-guard", "2026-04-14")
    assert _agents(doc, "ajouté") == ["olav-brekke"]


def _roles(doc: ExtractedDocument, slug: str) -> set[str]:
    entity = next(e for iri, e in doc.entities.items() if iri.endswith("/" + slug))
    return {r.role.rsplit("/", 1)[-1] for r in entity.roles}


def test_a_spokesman_of_a_named_office_holder_holds_the_outer_title_and_the_name_after_the_inner():
    # "..., a annoncé X, porte-parole du secrétaire général de l'ONU Y": X speaks for Y; Y, glued
    # to the inner title, is the secretary-general
    doc = extract_dated(
        "Les délégués ont siégé toute la journée, a annoncé jeudi Paolo Ferri, porte-parole du "
        "secrétaire général de l'ONU Idris Mbeki.",
        "real-quotes-spokesman-of", "2026-04-14")
    assert _roles(doc, "paolo-ferri") == {"spokesperson"}
    assert _roles(doc, "idris-mbeki") == {"secretary-general"}


def test_a_name_after_a_comma_holds_the_whole_title_phrase():
    # guard: "Le conseiller diplomatique du président, M. X": X is the adviser, not the president
    doc = extract_dated(
        "Le conseiller diplomatique du président, M. Luc Perrin, a assisté à l'entretien.",
        "real-quotes-title-apposition", "2026-04-14")
    assert _roles(doc, "luc-perrin") == {"diplomatic-adviser"}


def test_a_demonym_as_inverted_subject_is_the_person_of_that_state_named_last():
    # "« ... », a déclaré l'Allemand devant la presse": the press does not repeat the name
    doc = extract_dated(
        "Le ministre français des Affaires étrangères, Luc Perrin, a rencontré son homologue "
        "allemand, Jonas Berg. « Le dialogue continue », a déclaré l'Allemand devant la presse.",
        "real-quotes-demonym-speaker", "2026-04-14")
    assert _said(doc, "Le dialogue continue") == "jonas-berg"


def test_a_demonym_naming_nobody_of_that_side_leaves_the_speaker_unknown():
    # guard: no Italian was named; the last person named is not the speaker
    doc = extract_dated(
        "Le ministre français des Affaires étrangères, Luc Perrin, a rencontré son homologue "
        "allemand, Jonas Berg. « Le dialogue continue », a déclaré l'Italien devant la presse.",
        "real-quotes-demonym-guard", "2026-04-14")
    assert _said(doc, "Le dialogue continue") is None
