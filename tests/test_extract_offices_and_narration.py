"""Unnamed office holders, narrative dates, live-blog updates and event links on unseen styles.

Facts come from reading tests/texts/extract-liveblog-offices.txt (a live blog of 7 May 2026
followed by a recap) and tests/texts/extract-office-change-year.txt (2024, the year Ukraine's
foreign minister changed): who "le chef de la diplomatie turque" is on that date, on which
day things told without a date happened, and which event reacts to or follows up which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ExtractedDocument
from diplograph.namespaces import id_iri, vocab_iri
from diplograph.reader import read_document
from extracting import extract_dated

TEXTS = Path(__file__).parent / "texts"
FIDAN = id_iri("person", "hakan-fidan")
LAVROV = id_iri("person", "sergey-lavrov")
ZELENSKY = id_iri("person", "volodymyr-zelensky")
WADEPHUL = id_iri("person", "johann-wadephul")
FOREIGN_MINISTER = vocab_iri("role", "foreign-minister")


@pytest.fixture(scope="module")
def blog() -> ExtractedDocument:
    from diplograph.extract import extract

    return extract(read_document(TEXTS / "extract-liveblog-offices.txt"))


def _event(doc: ExtractedDocument, trigger: str, nth: int = 0):
    """The event whose trigger begins at the ``nth`` occurrence of ``trigger`` in the body."""
    begin = -1
    for _ in range(nth + 1):
        begin = doc.source.text.index(trigger, begin + 1)
    return next(e for e in doc.events if e.trigger.begin == begin)


def test_unnamed_single_holder_office_is_its_holder_on_the_documents_date(blog: ExtractedDocument) -> None:
    # "Le chef de la diplomatie turque" in May 2026: one person held that office then
    fidan = blog.entities[FIDAN]
    assert [m.text for m in fidan.mentions] == ["chef de la diplomatie turque"]
    assert (FOREIGN_MINISTER, id_iri("state", "turkey")) in [(r.role, r.organisation) for r in fidan.roles]
    meeting = _event(blog, "reçu")
    assert {p.actor: p.side for p in meeting.participants} == {
        FIDAN: id_iri("state", "turkey"), LAVROV: id_iri("state", "russia")}
    # once the subject is known, "son homologue russe, Sergueï Lavrov" holds the same office
    assert FOREIGN_MINISTER in [r.role for r in blog.entities[LAVROV].roles]
    # "Le président ukrainien" names Zelensky the same way
    assert "président ukrainien" in [m.text for m in blog.entities[ZELENSKY].mentions]
    assert not [e for e in blog.entities if "/person/chef-de-la-diplomatie" in e]


def test_office_that_changed_hands_that_month_keeps_an_unnamed_holder() -> None:
    from diplograph.extract import extract

    # Ukraine's foreign minister changed on a known day (5 September 2024): on 1 October, Sybiha
    doc = extract(read_document(TEXTS / "extract-office-change-year.txt"))
    assert id_iri("person", "andrii-sybiha") in doc.entities
    assert id_iri("person", "dmytro-kuleba") not in doc.entities
    # Turkey's foreign minister did not change that year: "son homologue turc" is the gazetteer's holder
    assert FIDAN in doc.entities
    # Egypt's changed in July 2024, a month the gazetteer gives without the day: no name is guessed
    doc = extract_dated("Le chef de la diplomatie égyptienne a reçu au Caire son homologue turc. Les deux "
                        "ministres ont évoqué la situation à Gaza.\n", "office-change-month", "2024-07-10")
    egyptians = [e for e in doc.entities.values() if e.kind == "person" and "egypt" in (e.affiliation or "")]
    assert egyptians and all(not e.linked for e in egyptians)
    assert FIDAN in doc.entities


def test_live_blog_updates_happen_on_the_publication_day(blog: ExtractedDocument) -> None:
    condemnation = _event(blog, "condamné")
    assert condemnation.date is not None and condemnation.date.iso == "2026-05-07"
    assert _event(blog, "reçu").date.iso == "2026-05-07"
    # the clock time is a sentence of its own, so the update's first sentence starts at "Des"
    starts = [s.text for s in blog.source.sentences]
    assert "08 h 30 –" in starts and any(s.startswith("Des frappes russes") for s in starts)


def test_narration_carries_the_day_to_undated_events(blog: ExtractedDocument) -> None:
    # "Mardi, ... a rencontré ... Il a ensuite affirmé": Tuesday 5 May for both
    meeting = _event(blog, "rencontré")
    statement = _event(blog, "affirmé")
    assert meeting.date.iso == "2026-05-05"
    assert statement.agents == [WADEPHUL]
    assert statement.date is not None and statement.date.iso == "2026-05-05"
    # a visit dated "en avril" keeps its own month
    assert _event(blog, "visite").date.iso == "2026-04"


def test_criticism_reacts_to_the_event_it_names_and_follow_up_by_verb(blog: ExtractedDocument) -> None:
    condemnation = _event(blog, "condamné")
    strikes = _event(blog, "frappes", nth=1)
    assert ("reactsTo", strikes.trigger.begin) in [(r.relation, r.other) for r in condemnation.relations]
    # "Cette rencontre fait suite à la visite ...": the Berlin meeting (just told) follows up the visit
    berlin = _event(blog, "rencontré")
    visit = _event(blog, "visite")
    assert ("followUpOf", visit.trigger.begin) in [(r.relation, r.other) for r in berlin.relations]
    assert visit in blog.events  # another time and place: not merged into a meeting


def test_every_referenced_actor_is_named_in_the_text(blog: ExtractedDocument) -> None:
    # a gazetteer actor the text never names would be typed without a mention: a SHACL violation
    referenced = {e.affiliation for e in blog.entities.values() if e.affiliation}
    referenced |= {p.side for e in blog.events for p in e.participants if p.side}
    referenced |= {r.organisation for e in blog.entities.values() for r in e.roles if r.organisation}
    assert referenced <= set(blog.entities)
    assert all(e.mentions for e in blog.entities.values())


def test_an_unqualified_title_is_the_home_offices_not_a_state_talked_about_later() -> None:
    """"Le Président de la République" opening a readout is the French president (dg:homeState of
    the role vocabulary), not the president of a state the text mentions afterwards."""
    import datetime

    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_text

    text = ("Le Président de la République s'est rendu jeudi à Lisbonne pour participer au sommet européen. "
            "Les dirigeants ont aussi parlé des crises, comme en Ukraine et en Arménie.")
    doc = extract(read_text(text, "home-title", published=datetime.date(2026, 3, 6)), load_nlp())
    visit = _event(doc, "rendu")
    people = {p.actor for p in visit.participants}
    assert id_iri("person", "emmanuel-macron") in people, people
    assert id_iri("person", "volodymyr-zelensky") not in people
