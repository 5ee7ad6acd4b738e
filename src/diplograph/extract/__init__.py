"""Extraction: a read document + its spaCy analysis -> the typed document model.

The stages run in a fixed order over one shared :class:`~diplograph.extract.context.Context`:
vocabulary matching, entities, roles and sides, dates and durations, events, quotes,
positions and issue points, then relations between events. No RDF here: the mapper turns
the :class:`~diplograph.model.ExtractedDocument` into a graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplograph.model import ExtractedDocument, SourceText

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from diplograph.lexicon import Lexicon

__all__ = ["extract", "extract_doc", "extract_many"]


def extract(source: SourceText, nlp: Language | None = None) -> ExtractedDocument:
    """Analyse and extract one document (spaCy is loaded once per process)."""
    from diplograph.analyse import analyse, load_nlp

    nlp = nlp or load_nlp()
    return extract_doc(source, analyse(source, nlp), nlp)


def extract_many(
    sources: Iterable[SourceText], *, n_process: int = 1, batch_size: int = 8, nlp: Language | None = None
) -> Iterator[ExtractedDocument]:
    """Stream documents through ``nlp.pipe`` and extract each (order preserved).

    The lexicon is looked up once for all of them: finding it means finding the current
    project and its vocabulary files (a TOML file read, a few dozen ``stat`` calls).
    """
    from diplograph.analyse import analyse_many, load_nlp
    from diplograph.lexicon import load_lexicon

    nlp = nlp or load_nlp()
    lex = load_lexicon()
    for source, doc in analyse_many(sources, nlp, n_process=n_process, batch_size=batch_size):
        yield extract_doc(source, doc, nlp, lex)


def extract_doc(source: SourceText, doc: Doc, nlp: Language | None = None,
                lexicon: Lexicon | None = None) -> ExtractedDocument:
    """Run the extraction stages on an analysed document."""
    from diplograph.analyse import load_nlp
    from diplograph.extract.context import Context
    from diplograph.extract.dates import find_times
    from diplograph.extract.entities import find_entities
    from diplograph.extract.events import find_events
    from diplograph.extract.grounding import ground_references
    from diplograph.extract.issue_hits import screen_issue_hits
    from diplograph.extract.issue_points import find_contrasts, find_issue_points
    from diplograph.extract.patterns import vocabulary_matcher
    from diplograph.extract.positions import find_positions
    from diplograph.extract.quote_clauses import first_person_speaker
    from diplograph.extract.quotes import find_quotes, quote_ranges, without_readouts
    from diplograph.extract.relations import link_events
    from diplograph.extract.roles import find_roles
    from diplograph.extract.sides import stop_hosts
    from diplograph.extract.stays import carry_stay_places
    from diplograph.extract.territories import name_states_of_territories
    from diplograph.extract.triggers import without_organisation_names
    from diplograph.lexicon import load_lexicon

    lex = lexicon or load_lexicon()
    vocab = vocabulary_matcher(nlp or load_nlp(), lex)
    ctx = Context(source=source, doc=doc, lex=lex, vocab=vocab)
    ctx.hits = screen_issue_hits(doc, vocab(doc), lex)
    ctx.quote_ranges = quote_ranges(source.text)
    find_entities(ctx)
    ctx.hits = without_organisation_names(ctx)  # "le Forum des Caraïbes" is a body, no gathering
    ctx.quote_ranges = without_readouts(ctx)  # a readout quoted whole is narration too
    name_states_of_territories(ctx)
    find_times(ctx)  # before the roles: an office in a chronology is looked up on the days it tells
    find_roles(ctx)
    ctx.speaker = first_person_speaker(ctx)
    find_events(ctx)
    for event in ctx.events:  # sides known only now for participants added before roles ran
        for p in event.participants:
            if p.side is None:
                p.side = ctx.sides.get(p.actor)
    link_events(ctx)
    carry_stay_places(ctx)  # after the relations: a place carried is no evidence of being part of a gathering
    stop_hosts(ctx)  # once gatherings have their places: a tour's hosts serve the state of their stop
    quotes = find_quotes(ctx)
    positions = find_positions(ctx, quotes)
    points = find_issue_points(ctx, positions)
    points += find_contrasts(ctx, positions, points)
    events = sorted(ctx.events, key=lambda e: (e.trigger.begin, e.trigger.end))
    document = ExtractedDocument(source=source, entities=dict(ctx.entities), events=events, quotes=quotes,
                                 positions=positions, issue_points=points)
    ground_references(ctx, document)
    for entity in document.entities.values():
        entity.mentions.sort()
    return document
