"""Issue points: what parties disagree (or converge) on, listed or told in prose.

A sentence announcing disagreement and ending with a colon, followed by list items, gives one
issue point per item ("X et Y ont identifié plusieurs sujets sans accord :"); a sentence giving
two sides' positions on one issue, one of them a refusal, states a disagreement between them
("X pose une condition, que Y rejette"). Both read the positions found before
(extract/positions.py).
"""

from __future__ import annotations

from diplograph.extract.context import Context
from diplograph.extract.kinds import cue_pairs, cue_words
from diplograph.extract.positions import issue_hits
from diplograph.extract.same_event import main_event
from diplograph.model import IssuePoint, Position, Span

# Lemmas that announce points of disagreement / convergence before a list are cue:disagreement
# (with two-word phrases, "sans accord") and cue:convergence (ontology/vocab/cues.ttl).


def find_issue_points(ctx: Context, positions: list[Position] | None = None) -> list[IssuePoint]:
    """"X et Y ont identifié plusieurs sujets sans accord :" + list items -> issue points.

    When the introducing sentence names no party (or only the source it is attributed to),
    the parties are those the items name ("les garanties réclamées par Kiev") and those that
    take positions elsewhere in the text on the listed issues: they are the ones divided.
    """
    main = main_event(ctx)
    disagreement, convergence = cue_words(ctx.lex, "disagreement"), cue_words(ctx.lex, "convergence")
    disagreement_pairs = cue_pairs(ctx.lex, "disagreement")
    points: list[IssuePoint] = []
    paragraphs = ctx.source.paragraphs
    for index, paragraph in enumerate(paragraphs):
        body = ctx.text[paragraph.begin:paragraph.end].rstrip()
        if paragraph.is_list_item or not body.endswith(":"):
            continue
        items = []
        for nxt in paragraphs[index + 1:]:
            if not nxt.is_list_item:
                break
            items.append(nxt)
        if not items:
            continue
        intro = ctx.doc.char_span(paragraph.begin, paragraph.end, alignment_mode="expand")
        if intro is None:
            continue
        section = next((s for s in ctx.source.sections if s.begin <= paragraph.begin <= s.end), None)
        heading_words = set()
        if section is not None and section.heading is not None:
            heading_words = {w.lower() for w in section.heading.text.split()}
        lemmas = {t.lemma_.lower() for t in intro} | heading_words
        kind = None
        if lemmas & disagreement or any(a in lemmas and b in lemmas for a, b in disagreement_pairs):
            kind = "disagreement"
        elif lemmas & convergence:
            kind = "convergence"
        if kind is None:
            continue
        parties = _parties(ctx, intro)
        if not parties:  # "Selon une source turque, trois points bloquent toujours :"
            parties = _parties_of_items(ctx, items, positions or [])
        if not parties and main is not None:  # else the main event's sides
            parties = list(dict.fromkeys(p.side for p in main.participants if p.side))
        for item in items:
            span = ctx.doc.char_span(item.begin, item.end, alignment_mode="expand")
            if span is None:
                continue
            issues = [h.iri for h in issue_hits(ctx) if span.start <= h.start < span.end]
            if not issues:
                continue
            text = ctx.text[item.begin:item.end]
            offset = len(text) - len(text.lstrip("-*•–— \t"))
            evidence = Span(item.begin + offset, item.end, ctx.text[item.begin + offset:item.end])
            points.append(IssuePoint(issue=issues[0], kind=kind, parties=parties, evidence=evidence,
                                     identified_in=main.trigger.begin if main is not None else None))
    return points


#: Stances that refuse what someone else puts forward: facing another side's position on
#: the same issue in the same sentence, they make a point of disagreement.
_REFUSALS = frozenset({"rejects", "opposes"})


def find_contrasts(ctx: Context, positions: list[Position], points: list[IssuePoint]) -> list[IssuePoint]:
    """Disagreements told in prose rather than in a list: "X pose une condition, que Y rejette".

    One sentence giving positions of two different sides on the same issue, one of them a
    refusal, states a disagreement between those sides. Issues already listed as points of
    disagreement are left alone.
    """
    listed = {p.issue for p in points if p.kind == "disagreement"}
    by_sentence: dict[tuple[int, str], list[Position]] = {}
    for position in positions:
        by_sentence.setdefault((position.evidence.begin, position.issue), []).append(position)
    found: list[IssuePoint] = []
    for (_, issue), group in by_sentence.items():
        if issue in listed:
            continue
        refusals = [p for p in group if p.stance.rsplit("/", 1)[-1] in _REFUSALS]
        if not refusals:
            continue
        sides = list(dict.fromkeys(_side_of(ctx, p.holder) for p in group))
        if len(sides) < 2:
            continue
        listed.add(issue)
        found.append(IssuePoint(issue=issue, kind="disagreement", parties=sides, evidence=group[0].evidence,
                                identified_in=refusals[0].expressed_in))
    return found


def _side_of(ctx: Context, actor: str) -> str:
    """The state or organisation an actor speaks for (itself when it is one)."""
    entity = ctx.entities.get(actor)
    if entity is not None and entity.kind in ("group", "delegation", "person") and entity.affiliation:
        return entity.affiliation
    return ctx.sides.get(actor, actor)


def _parties_of_items(ctx: Context, items: list, positions: list[Position]) -> list[str]:
    """Sides named in the list items, then holders' sides of positions on the listed issues."""
    found: list[tuple[int, str]] = []
    issues: set[str] = set()
    inside_issue = {i for h in issue_hits(ctx) for i in range(h.start, h.end)}
    for item in items:
        for m in ctx.mentions:  # "l'adhésion à l'Otan": an actor inside the issue's name is no party
            if item.begin <= ctx.doc[m.start].idx < item.end and m.start not in inside_issue \
                    and not (m.kind == "place" and m.iri == m.place):
                found.append((ctx.doc[m.start].idx, _side_of(ctx, m.iri)))
        issues.update(h.iri for h in issue_hits(ctx) if item.begin <= ctx.doc[h.start].idx < item.end)
    found += [(p.evidence.begin, _side_of(ctx, p.holder)) for p in positions if p.issue in issues]
    return list(dict.fromkeys(side for _, side in sorted(found)))


#: Prepositions attributing a statement to its source: "selon une source turque" is no party.
_ATTRIBUTION = frozenset({"selon", "d'après"})


def _attributed(token) -> bool:
    """The token stands in a "selon X" / "d'après X" phrase."""
    node = token
    for _ in range(6):
        if any(c.dep_ == "case" and c.lower_ in _ATTRIBUTION for c in node.children):
            return True
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def _parties(ctx: Context, intro) -> list[str]:
    """States or organisations behind the actors of the introducing sentence (not its source)."""
    parties: list[str] = []
    for m in ctx.mentions:
        if not (intro.start <= m.start < intro.end) or (m.kind == "place" and m.iri == m.place):
            continue
        if _attributed(ctx.doc[m.start]):
            continue
        entity = ctx.entities.get(m.iri)
        party = m.iri
        if entity is not None and entity.kind in ("group", "delegation", "person") and entity.affiliation:
            party = entity.affiliation
        elif entity is not None and entity.kind == "person":
            party = ctx.sides.get(m.iri, m.iri)
        if party not in parties:
            parties.append(party)
    if ctx.speaker is not None and ctx.speaker not in parties:
        inside = ctx.quote_ranges
        if any(t.lower_ in ("nous", "je", "j'") and t.dep_.startswith("nsubj")
               and not any(b <= t.idx < e for b, e in inside) for t in intro):
            parties.insert(0, ctx.speaker)  # "Avec la Hongrie, nous restons en désaccord sur :"
    return parties

