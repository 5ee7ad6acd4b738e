"""Dates of acts told inside a gathering (issue 12, sides round): the day of the gathering they
were told in, or the day the text gives them, rather than none or the gathering's first day.

The texts are ours (invented people, real states in made-up situations), written for the
constructions counted over the own set's missing and wrong dates; none is a gold text's sentence.
Each test failed on the code before its rule, except the guards, which say where a rule stops.
"""

from __future__ import annotations

from extracting import event_at, extract_dated


def test_a_fronted_gathering_participle_dates_the_acts_told_after_it() -> None:
    # "Réunis mardi à X pour un sommet ..., les dirigeants ont adopté ...": the participle fronts the
    # gathering and its day; the main clause and the acts narrated after it happened on that day
    doc = extract_dated(
        "TALLINN, 13 mai 2026 - Réunis mardi à Tallinn pour leur sommet de printemps, les chefs de "
        "gouvernement des pays nordiques et baltes ont adopté un plan commun de protection des câbles "
        "sous-marins.\n\n"
        "Le Premier ministre estonien, Kaarel Tamm, a plaidé pour des patrouilles conjointes. Son "
        "homologue suédoise, Ingrid Holm, a insisté sur le financement du plan.\n",
        "fronted-gathering-participle", "2026-05-13")
    assert event_at(doc, "Réunis").date.iso == "2026-05-12"
    assert event_at(doc, "adopté").date.iso == "2026-05-12"
    assert event_at(doc, "plaidé").date.iso == "2026-05-12"


def test_a_main_clause_with_a_day_of_its_own_keeps_it() -> None:
    # guard: "Réunis mardi ..., les dirigeants ont annoncé vendredi ...": the main clause's own day
    # wins over the fronted gathering's, for it and for what is narrated after it
    doc = extract_dated(
        "TALLINN, 16 mai 2026 - Réunis mardi à Tallinn pour leur sommet de printemps, les chefs de "
        "gouvernement des pays nordiques et baltes ont annoncé vendredi un plan commun de protection "
        "des câbles sous-marins.\n\n"
        "Le Premier ministre estonien, Kaarel Tamm, a plaidé pour des patrouilles conjointes.\n",
        "fronted-participle-guard", "2026-05-16")
    assert event_at(doc, "annoncé").date.iso == "2026-05-15"
    assert event_at(doc, "plaidé").date.iso == "2026-05-15"
