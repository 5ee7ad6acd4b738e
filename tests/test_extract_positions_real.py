"""Issues, positions and relations between events as real published prose words them.

Ministry readouts, joint declarations and agency dispatches state positions with verbs of
appeal and condemnation, deontic clauses ("les combats doivent cesser") and clefts ("c'est X
qui refuse"); they name issues inside other names and titles that are no issue ("le forum de
Coopération économique", "l'envoyé spécial pour le processus de paix"); they tell earlier
meetings as background, not as the prior talks of the one reported. Each test reads a short
text written for it and checks what a reader of the text would say.
"""

from __future__ import annotations

from diplograph.model import ExtractedDocument


def _extract(text: str) -> ExtractedDocument:
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    return extract(read_text(text, slug="positions-real"), load_nlp())


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _positions(text: str) -> set[tuple[str, str, str]]:
    return {(_slug(p.holder), _slug(p.issue), _slug(p.stance)) for p in _extract(text).positions}


def _relations(text: str) -> set[tuple[str, str, str]]:
    """(trigger text, relation, trigger text of the other event)."""
    doc = _extract(text)
    by_begin = {e.trigger.begin: e for e in doc.events}
    return {(e.trigger.text, r.relation, by_begin[r.other].trigger.text)
            for e in doc.events for r in e.relations if r.other in by_begin}


# ------------------------------------------------------------------------------ relations
def test_an_earlier_meeting_told_as_background_does_not_precede_the_one_reported() -> None:
    """Two leaders who "s'étaient rencontrés en novembre": background, not the prior talks."""
    found = _relations(
        "SANTIAGO, 14 mars 2026 - Le président chilien, Diego Araya, et le président argentin, Martín Ocampo, "
        "se sont rencontrés jeudi à Santiago pour parler de leur frontière commune.\n\n"
        "Les deux présidents s'étaient déjà rencontrés en novembre à Montevideo.\n")
    assert not any(relation == "precededBy" for _, relation, _ in found)


def test_talks_held_before_as_the_text_says_precede_the_meeting() -> None:
    """"à la suite des consultations tenues à Genève": the consultations came first."""
    found = _relations(
        "Le ministre norvégien des Affaires étrangères, Lars Dahl, a reçu lundi à Oslo son homologue "
        "islandais, Jón Einarsson, à la suite des consultations tenues à Genève le 3 février.\n")
    assert any(relation == "precededBy" and other == "consultations" for _, relation, other in found)


def test_an_act_at_the_meeting_place_on_another_day_is_not_part_of_the_meeting() -> None:
    """The same city months later: the signing is no part of the March meeting."""
    found = _relations(
        "Le 3 mars 2025, le ministre norvégien des Affaires étrangères, Lars Dahl, a rencontré à Reykjavik "
        "son homologue islandais, Jón Einarsson.\n\n"
        "Le 14 juillet 2025, la Norvège et l'Islande ont signé à Reykjavik un accord sur la pêche.\n")
    assert not any(relation == "partOf" for _, relation, _ in found)


def test_an_act_at_the_meeting_place_is_part_of_it_only_for_those_who_took_part() -> None:
    """The guest's proposal belongs to the meeting; an outsider's rejection there does not."""
    found = _relations(
        "Le ministre norvégien des Affaires étrangères, Lars Dahl, a rencontré mardi à Reykjavik son "
        "homologue islandais, Jón Einarsson. M. Dahl a présenté à Reykjavik un plan de coopération "
        "arctique. Le ministre danois, Mads Holm, a rejeté à Reykjavik ce plan.\n")
    assert ("présenté", "partOf", "rencontré") in found
    assert not any(trigger.startswith("rejet") and relation == "partOf" for trigger, relation, _ in found)


def test_talks_held_with_a_light_verb_on_the_sidelines_of_a_summit_are_part_of_it() -> None:
    """"a eu un entretien ... en marge du sommet": the verb is "avoir", the event its object."""
    found = _relations(
        "Les dirigeants des pays nordiques ont tenu lundi à Oslo leur sommet annuel.\n\n"
        "En marge du sommet, la Première ministre islandaise a eu un entretien avec le Premier ministre "
        "danois, Mads Holm.\n")
    assert ("entretien", "partOf", "sommet") in found


def test_what_was_agreed_in_talks_named_by_a_relative_pronoun_is_part_of_them() -> None:
    """"un long entretien, au cours duquel les deux hommes sont convenus de ...": the agreement
    belongs to the talks "duquel" stands for."""
    found = _relations(
        "Le ministre norvégien, Lars Dahl, et son homologue islandais, Jón Einarsson, ont eu le 2 février à "
        "Reykjavik un long entretien, au cours duquel les deux hommes sont convenus de rouvrir leurs "
        "consulats.\n")
    assert any(relation == "partOf" and other == "entretien" for _, relation, other in found)


def test_talks_on_the_sidelines_of_the_sessions_are_part_of_the_gathering_told_before() -> None:
    """"En marge des travaux": the sessions of the summit just told, not an event of their own."""
    found = _relations(
        "Les chefs d'État de la région se sont réunis dimanche à Accra pour un sommet consacré à la "
        "sécurité.\n\n"
        "En marge des travaux, le président togolais s'est entretenu en tête-à-tête avec son homologue "
        "béninois.\n")
    assert any(trigger.startswith("entretenu") and relation == "partOf" for trigger, relation, _ in found)


# --------------------------------------------------------------------------------- issues
def _issues(text: str) -> set[str]:
    doc = _extract(text)
    return {_slug(t) for e in doc.events for t in e.topics} | {_slug(p.issue) for p in doc.positions}


def test_issue_words_inside_a_capitalised_name_are_no_issue() -> None:
    """"la Banque européenne pour la Reconstruction": a name, while the same word in lower case is
    the issue."""
    assert "reconstruction" not in _issues(
        "Les deux présidents se sont rencontrés en novembre à Londres, au siège de la Banque européenne pour "
        "la Reconstruction et le Développement.\n")
    assert "reconstruction" in _issues(
        "Les deux présidents se sont rencontrés en novembre à Londres pour parler de la reconstruction du "
        "pays.\n")


def test_economic_cooperation_between_two_states_is_not_reconstruction() -> None:
    """A readout's "coopération économique" is no post-war reconstruction (the issue's definition)."""
    assert "reconstruction" not in _issues(
        "Les deux ministres se sont entretenus lundi à Alger de la coopération économique et des relations "
        "économiques entre les deux pays.\n")


def test_the_purpose_of_an_office_is_no_issue() -> None:
    """"l'envoyé spécial des Nations unies pour le processus de paix" names an office."""
    assert "peace-plan" not in _issues(
        "L'envoyé spécial des Nations unies pour le processus de paix, Tor Lund, s'est entretenu mardi "
        "à Doha avec le ministre qatari des Affaires étrangères.\n")
    assert "peace-plan" in _issues(
        "L'envoyé spécial des Nations unies, Tor Lund, s'est entretenu mardi à Doha avec le ministre qatari "
        "des Affaires étrangères du processus de paix.\n")


# ------------------------------------------------------------------------------ positions
def test_a_present_tense_the_tagger_takes_for_a_noun_still_states_a_demand() -> None:
    """"La Norvège demande", "réclame": present tenses that are also nouns."""
    held = _positions("La Norvège demande la libération immédiate des otages. Le Chili réclame un "
                      "cessez-le-feu.\n")
    assert ("norway", "prisoner-exchange", "demands") in held
    assert ("chile", "ceasefire", "demands") in held


def test_an_appeal_said_with_the_noun_is_a_demand() -> None:
    """"a réitéré son appel à un cessez-le-feu": the noun of "appeler à"."""
    held = _positions("Le ministre chilien des Affaires étrangères, Tomás Rivas, a réitéré son appel à un "
                      "cessez-le-feu immédiat.\n")
    assert ("tomas-rivas", "ceasefire", "demands") in held


def test_a_cleft_names_who_refuses_not_who_reports_it() -> None:
    """"« ... C'est la Russie qui refuse », a écrit X": Russia refuses, X reports it."""
    held = _positions("« Nous sommes prêts à un cessez-le-feu complet dès demain. C'est la Russie qui refuse », "
                      "a écrit le ministre ukrainien des Affaires étrangères, Andriï Sybiha.\n")
    assert ("russia", "ceasefire", "rejects") in held
    assert ("andrii-sybiha", "ceasefire", "rejects") not in held


def test_what_must_be_done_about_an_issue_is_a_demand_of_the_speaker() -> None:
    """"a rappelé que les avoirs gelés devaient servir à ...", "..., a déclaré X": demands."""
    held = _positions("La ministre suédoise, Anna Berg, a rappelé que les avoirs gelés devaient servir à "
                      "financer la reconstruction.\n\n"
                      "Le cessez-le-feu doit être respecté par toutes les parties, a déclaré le ministre norvégien, "
                      "Lars Dahl.\n")
    assert ("anna-berg", "frozen-assets", "demands") in held
    assert ("lars-dahl", "ceasefire", "demands") in held


def test_an_issue_that_must_stop_is_opposed_and_an_actor_who_must_travel_demands_nothing() -> None:
    """"toute aide militaire devait cesser": opposition; "le ministre doit se rendre": an act to come."""
    held = _positions("Le ministre hongrois, Péter Szijjártó, a estimé que toute aide militaire à l'Ukraine devait "
                      "cesser.\n\n"
                      "Le ministre turc, Hakan Demir, doit se rendre à Kiev le 17 mars pour discuter d'un "
                      "cessez-le-feu.\n")
    assert ("peter-szijjarto", "military-aid", "opposes") in held
    assert not any(holder == "hakan-demir" for holder, _, _ in held)


def test_an_issue_that_only_says_when_is_not_what_the_stance_is_about() -> None:
    """"a rejeté toute présence de troupes européennes après un éventuel cessez-le-feu": the
    refusal is about the troops (security guarantees), not the ceasefire."""
    held = _positions("Le porte-parole du Kremlin, Dmitri Peskov, a rejeté toute présence de troupes européennes "
                      "en Ukraine après un éventuel cessez-le-feu.\n")
    assert ("dmitry-peskov", "security-guarantees", "rejects") in held
    assert not any(issue == "ceasefire" for _, issue, _ in held)


def test_the_security_council_named_alone_is_the_united_nations_one() -> None:
    """UN press releases write "Le Conseil de sécurité" alone; the Russian one is qualified."""
    held = _positions("Le Conseil de sécurité exige la libération immédiate de tous les otages.\n")
    assert ("un-security-council", "prisoner-exchange", "demands") in held


def test_a_demand_followed_by_an_inverted_incise_belongs_to_the_speaker_told_before() -> None:
    """"..., a-t-elle souligné": she is the minister whose statement was told just before."""
    held = _positions("La ministre estonienne, Kadri Tamm, a rappelé que son pays avait fermé sa frontière. "
                      "L'embargo doit être maintenu tant que les combats durent, a-t-elle souligné.\n")
    assert ("kadri-tamm", "sanctions", "demands") in held


def test_what_a_condemned_attack_was_aimed_at_is_not_what_is_opposed() -> None:
    """"a condamné l'attaque contre le convoi humanitaire": not opposed to humanitarian aid;
    "a condamné les frappes contre le port": opposed to the strikes."""
    held = _positions("Le Qatar a fermement condamné l'attaque contre le convoi humanitaire.\n\n"
                      "Le Koweït a condamné les frappes contre le port de Hodeïda.\n")
    assert not any(issue == "humanitarian-aid" for _, issue, _ in held)
    assert ("kuwait", "military-escalation", "opposes") in held


def test_stressing_the_importance_of_an_issue_supports_it() -> None:
    """"a souligné l'importance d'un retour à l'ordre constitutionnel": in favour of it."""
    held = _positions("Le président sénégalais, Amadou Sall, a souligné l'importance d'un retour rapide à "
                      "l'ordre constitutionnel au Mali.\n")
    assert ("amadou-sall", "elections", "supports") in held


def test_judging_an_issue_premature_is_a_reservation() -> None:
    """"a jugé prématurée toute discussion sur ...": not a refusal, not yet an acceptance."""
    held = _positions("Le porte-parole de la diplomatie chinoise, Li Wen, a jugé prématurée toute discussion sur "
                      "la levée des sanctions.\n")
    assert ("li-wen", "sanctions", "has-reservations") in held


def test_a_criticism_of_this_act_reacts_to_the_act_told_before() -> None:
    """"ont critiqué ce veto": the blocking told two sentences before, not the minister's words."""
    found = _relations(
        "La Slovaquie a de nouveau bloqué l'adoption du nouveau paquet de sanctions. Le ministre slovaque "
        "des Affaires étrangères, Juraj Blanar, a jugé ces mesures inutiles. Plusieurs diplomates européens "
        "ont critiqué ce veto.\n")
    assert ("critiqué", "reactsTo", "bloqué l'adoption") in found


def test_they_are_the_people_who_met_not_a_state_named_in_passing() -> None:
    """"... les sanctions imposées au Niger. Ils ont exprimé ...": "ils" are the two ministers."""
    held = _positions(
        "Le ministre algérien des Affaires étrangères, Karim Benali, a reçu lundi à Alger son homologue tunisien, "
        "Sami Trabelsi.\n\n"
        "Les deux ministres ont rejeté les sanctions unilatérales imposées au Niger.\n\n"
        "M. Benali a rappelé la position de son pays.\n\n"
        "Ils ont en outre exprimé leur attachement au programme nucléaire civil de l'Iran.\n")
    holders = {holder for holder, issue, _ in held if issue == "nuclear-safety"}
    assert holders == {"karim-benali", "sami-trabelsi"}


def test_a_first_session_is_counted_not_told_as_coming_before() -> None:
    """"la première session du dialogue": an ordinal counts sessions; it does not make the session
    the prior talks of the meeting reported."""
    found = _relations(
        "La ministre danoise des Affaires étrangères, Mette Lund, a reçu ce jeudi à Copenhague son homologue "
        "philippin, M. Jose Reyes.\n\n"
        "La ministre a salué la tenue, le mois dernier à Manille, de la première session du dialogue politique "
        "entre l'Union européenne et les Philippines.\n")
    assert not any(relation == "precededBy" for _, relation, _ in found)


def test_talks_told_in_the_plural_are_no_process_the_next_meeting_belongs_to() -> None:
    """"Les entretiens, qui se sont déroulés au palais" are a meeting of the visit; the meeting told
    after them is not part of them (only "les pourparlers", "les négociations" name a process)."""
    found = _relations(
        "Le ministre estonien des Affaires étrangères, Margus Tamm, est en visite de travail en Lettonie. "
        "Les entretiens, qui se sont déroulés au palais présidentiel, ont porté sur la sécurité régionale.\n\n"
        "Le chef de la diplomatie estonienne a ensuite rencontré son homologue lettonne, Ieva Ozola.\n")
    assert not any(trigger == "rencontré" and relation == "partOf" for trigger, relation, _ in found)


def test_a_meeting_that_prepares_another_does_not_follow_up_the_one_told() -> None:
    """"se retrouveront en octobre pour préparer cette visite": it prepares the visit."""
    found = _relations(
        "LIMA, 15 septembre 2026 - Les ministres bolivien et péruvien des Affaires étrangères se sont réunis "
        "mardi à Lima.\n\n"
        "Le président bolivien doit se rendre à Lima en novembre pour une visite officielle.\n\n"
        "Les vice-ministres des deux pays se retrouveront en octobre à Puno pour préparer cette visite.\n")
    assert not any(trigger == "retrouveront" and relation == "followUpOf" for trigger, relation, _ in found)


def test_a_reply_reacts_to_what_the_one_answered_said_last() -> None:
    """"X lui a répondu que ...": X's statement answers the one said before by the other speaker."""
    found = _relations(
        "Lundi, le ministre russe des Affaires étrangères, Sergueï Lavrov, a affirmé que l'Europe n'avait pas sa "
        "place à la table des négociations. Le ministre français, Jean Morel, lui a répondu mardi que la "
        "sécurité du continent ne se décidera pas sans les Européens.\n")
    assert ("répondu", "reactsTo", "affirmé") in found


def test_taking_a_border_dispute_to_international_justice_is_no_war_crimes_issue() -> None:
    """"saisir la justice internationale" over a border: a court between states, not accountability
    for war crimes (which "crimes de guerre", "Cour pénale internationale" still name)."""
    assert "accountability" not in _issues(
        "En 2018, le gouvernement chilien avait menacé de saisir la justice internationale au sujet de la "
        "frontière maritime.\n")
    assert "accountability" in _issues(
        "Le gouvernement chilien a demandé que les crimes de guerre commis dans la région soient jugés.\n")


def test_a_stance_on_a_named_thing_that_is_no_issue_takes_no_issue_from_its_paragraph() -> None:
    """"qui a salué le dynamisme des relations bilatérales": not about the aid named before."""
    held = _positions(
        "Le ministre vietnamien des Affaires étrangères, Pham Van Long, a annoncé une aide humanitaire pour "
        "Gaza. Il a été reçu par le Premier ministre koweïtien, cheikh Salem Al-Sabah, qui a salué le "
        "dynamisme des relations bilatérales.\n")
    assert not any(holder == "salem-al-sabah" for holder, _, _ in held)
