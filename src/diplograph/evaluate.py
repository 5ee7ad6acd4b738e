"""Score a document graph against hand-made gold facts: precision, recall and F1 per category.

Why score the RDF graph and not the extractor's dataclasses: the graph is the product users
query. A fact the extractor found but the mapper dropped is a fact users do not get, so the
predicted facts are read back from the document graph with SPARQL, following
docs/data-model.md, exactly as a stored query would.

Gold files (``tests/gold/<doc-slug>.yaml``) are written by reading the text. Keys:

``document`` path of the text (relative to the repository root); ``actors``, ``roles``,
``events``, ``relations``, ``quotes``, ``issues``, ``positions``, ``disagreements``. A category
whose key is absent from a gold file is not scored for that document. Within a listed
category the gold is COMPLETE: every prediction that no gold item explains is a false
positive. Any gold item may say ``optional: true``: a prediction it explains is neither
rewarded nor penalised, and missing it costs nothing (for honest borderline cases such as an
institution that is mentioned but never acts).

Actor references. An actor is written as a human label (``Marie Durand``) or a list of
acceptable labels. A predicted node matches when one of its labels (rdfs:label,
skos:prefLabel, skos:altLabel, from the document graph or from the gazetteer
``ontology/vocab/*.ttl``) equals one of the gold labels after normalisation: Unicode
decomposition with accents dropped, case folded, punctuation turned into spaces, and a
leading French determiner removed (``les dirigeants européens`` = ``Dirigeants europeens``).

Matching, category by category (one-to-one: a maximum bipartite matching, so one prediction
never satisfies two gold items and vice versa):

* ``actors``: predicted = nodes typed dg:Person / State / Organization / CollectiveActor /
  Place that have ``gaf:denotedBy`` a mention (things only copied from the gazetteer are not
  predictions). Gold ``{label, type}`` with type person|state|org|group|place (or a list);
  a match needs a label match and the type. dg:Delegation nodes are not scored as actors
  (they are structure the mapper mints per state); they still count as participants. Nor is a
  state's territory (the gazetteer place that dg:standsFor a state under the state's label)
  when every words denoting it also denote that state ("se rendra au Sénégal": one name, the
  state as actor and its territory as the visit's place; the place is scored under places).
* ``roles``: (person, role slug of vocab/role/*) from dg:holds/dg:RoleHolding and from the
  dg:role of participations. ``role`` may list acceptable slugs.
* ``events``: predicted = every node with a dg:eventType. A gold event has a ``key``, a
  ``type`` (event-type slug, or a list of acceptable slugs when the text honestly supports
  both, the first being the primary type) and ``anchors``: short phrases copied from the
  text, each occurring exactly once in it (checked; dashes, apostrophes and spaces are
  compared loosely), each containing a trigger of the event (coreferent mentions are further
  anchors). A prediction matches when its type is acceptable and one of its mentions overlaps
  one of the anchors. Further predictions that overlap the same gold event are *duplicates*
  (the same real event found twice): each is a false positive (a user who counts the meetings
  of a text counts it as another meeting), and the ``dup`` column says how many of the false
  positives are duplicates. A prediction that only an optional gold event explains is neither.
* ``meetings``: the same matching restricted to gold events whose primary type is meeting;
  false positives are unexplained predicted meetings and duplicate nodes of a matched gold
  meeting. Kept apart because the meeting is the fact users ask for first.
* Facts attached to events (``participants``, ``dates``, ``places``, ``status``,
  ``relations``) are scored on predicted events mapped to a (non-optional) gold event, through
  the match or as duplicates; facts on unmatched predicted events are not scored again (the
  event already counted as a false positive).
* ``participants``: (event, actor, side) on gold events whose primary type is an interaction
  (meeting, negotiation, consultation, agreement); predicted from dg:participation
  (participant + side) and dg:hasParticipant / dg:host (no side). A gold participant without
  ``side`` accepts any side; with a side, the predicted side must match.
* ``dates``: (event, date ISO) and (event, duration ISO + approximate flag). Gold writes a
  date wherever the text gives one, explicitly or by a clear reference ("vendredi" in a
  dispatch, "y", "alors"). A gold event without a ``date`` key makes no claim: predicted dates
  on it are not scored; ``date: null`` claims there is none, so a predicted date is false.
  The same holds for ``duration``.
* ``places``: (event, place), scored on gold events that have a ``places`` key (``[]`` claims
  there is no place). A gold place is found when a predicted place of the event is it
  or lies in it (dg:locatedIn, transitively, from the graph and the gazetteer), so "Élysée"
  located in "Paris" satisfies both; a predicted place is a false positive when it neither
  matches nor lies in a gold place of the event.
* ``status``: one item per matched gold event; gold ``status`` (default occurred, may be a
  list) against the dg:status of its predictions.
* ``quotes``: (exact quoted text, speaker); texts compared after whitespace, apostrophe and
  outer-quote-mark normalisation; the speaker must match too.
* ``issues``: the set of issue slugs the document is about: gold ``issues`` united with the
  issues of required gold positions and disagreements (those of optional ones, and
  ``optional_issues``, are allowed but not required); predicted = every dg:topic and dg:onIssue.
* ``positions``: (holder, issue slug, stance slug); ``issue`` and ``stance`` may list
  acceptable slugs (the first issue is the one the issues category requires).
* ``disagreements``: issue points (kind disagreement by default, or ``kind: convergence``)
  as (kind, issue, parties): every gold party must be among the predicted parties.
* ``relations``: (from event key, relation, to event key) with relation in precededBy,
  followUpOf, reactsTo, partOf, context; predicted inverse properties (dg:precedes,
  dg:hasFollowUp, ...) are turned around first.

Annotation guidelines followed by the gold files (so that "complete" means the same everywhere):

* Actors: every named person, state, organisation and place mentioned in the body (also when
  only a demonym names a side: "ses homologues allemand et polonais"); unnamed collectives
  ("des dirigeants européens") when they act, speak, take part, hold a position or are
  targeted; other collectives and bystanders are optional.
* Events: every occurrence the text asserts, past, ongoing, planned or announced, of the
  17 event types, including reporting verbs with an identifiable speaker ("a indiqué la
  présidence turque"). Coreferent mentions are anchors of one event. Hypothetical, negated
  or conditional events ("pour parvenir à un accord", "La Russie répondrait") and events
  named only inside quotations are optional. Attributions without an actor ("selon les
  communiqués officiels") are not events.
* Roles: the role the text gives a person ("le ministre turc"); roles true in the world but
  not stated in the text are optional.
* Quotes: every span inside « », “ ” with its speaker as the text attributes it (the
  interview's answers are the interviewee's words but not quotations).

Precision = tp / (tp + fp), recall = tp / (tp + fn); with nothing predicted and nothing
expected both are 1.0; with nothing predicted but something expected precision is 1.0 and
recall 0.0 (and conversely). F1 is their harmonic mean (0.0 when both are 0).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplograph.errors import InputError
from diplograph.gold import (
    INTERACTION_TYPES,
    INVERSE_RELATIONS,
    RELATIONS,
    check_gold,
    find_document,
    labels_of,
    load_gold,
    locate_anchors,
    norm_quote,
    shown,
    slugs_of,
)
from diplograph.predicted import Predicted, body_text, slug_of
from diplograph.scores import CATEGORIES, Scores, match_scores, max_matching

if TYPE_CHECKING:
    from rdflib import Graph

    from diplograph.model import SourceText

_Mapped = dict[str, list[str]]  # gold event key -> predicted event IRIs mapped to it


# ----------------------------------------------------------------------------- evaluation
def evaluate(graph: Graph, gold: dict[str, Any], text: str | None = None,
             use_gazetteer: bool = True) -> dict[str, Scores]:
    """Scores per category of one document graph against its gold facts.

    ``text`` is the document body the gold anchors refer to; by default it is read from the
    graph's nif:Context. ``use_gazetteer`` adds labels from ontology/vocab (off in unit tests
    that build their own tiny world).
    """
    check_gold(gold)
    pred = Predicted(graph, use_gazetteer)
    results: dict[str, Scores] = {}
    if "actors" in gold:
        results["actors"] = _score_actors(pred, gold["actors"])
    if "roles" in gold:
        results["roles"] = _score_roles(pred, gold["roles"])
    if "events" in gold:
        body = text if text is not None else body_text(graph)
        if body is None:
            raise InputError("the graph holds no nif:Context text to locate the gold event anchors in")
        _score_events(pred, gold, locate_anchors(gold, body), results)
    if "quotes" in gold:
        results["quotes"] = _score_quotes(pred, gold["quotes"])
    if any(k in gold for k in ("issues", "positions", "disagreements")):
        results["issues"] = _score_issues(pred, gold)
    if "positions" in gold:
        results["positions"] = _score_positions(pred, gold["positions"])
    if "disagreements" in gold:
        results["disagreements"] = _score_disagreements(pred, gold["disagreements"])
    ordered = {c: results[c] for c in CATEGORIES if c in results}
    return ordered


_ACTOR_CLASSES = {"Person": "person", "State": "state", "Organization": "org",
                  "CollectiveActor": "group", "Place": "place", "Delegation": "delegation"}
_TYPE_ORDER = ["delegation", "person", "state", "group", "place", "org"]


def _score_actors(pred: Predicted, gold: list[dict[str, Any]]) -> Scores:
    types: dict[str, set[str]] = {}
    for node, cls in pred.rows("""SELECT DISTINCT ?e ?c WHERE { ?e gaf:denotedBy ?m ; a ?c .
            FILTER(?c IN (dg:Person, dg:State, dg:Organization, dg:CollectiveActor, dg:Place,
                          dg:Delegation)) }"""):
        types.setdefault(str(node), set()).add(_ACTOR_CLASSES[slug_of(cls)])
    denoting: dict[str, set[str]] = {}
    for node, mention in pred.rows("SELECT ?e ?m WHERE { ?e gaf:denotedBy ?m }"):
        denoting.setdefault(str(node), set()).add(str(mention))
    for place, state in pred.territories.items():
        if place in types and denoting.get(place, set()) <= denoting.get(state, set()):
            del types[place]  # the place-reading of the state's own name: scored under places
    predicted = []
    for node in sorted(types):
        kind = next(t for t in _TYPE_ORDER if t in types[node])
        if kind != "delegation":
            predicted.append((node, kind))
    wanted = [(labels_of(a["label"]), set(slugs_of(a["type"])), bool(a.get("optional")), a) for a in gold]
    return match_scores(
        wanted, predicted,
        lambda g, p: p[1] in g[1] and pred.is_actor(p[0], g[0]),
        optional=lambda g: g[2],
        show_gold=lambda g: f"{shown(g[3]['label'])} ({shown(g[3]['type'])})",
        show_pred=lambda p: f"{pred.show(p[0])} ({p[1]})",
    )


def _score_roles(pred: Predicted, gold: list[dict[str, Any]]) -> Scores:
    rows = pred.rows("""SELECT DISTINCT ?a ?r WHERE {
        { ?a dg:holds ?h . ?h dg:role ?r } UNION { ?h dg:heldBy ?a ; dg:role ?r }
        UNION { ?x dg:participant ?a ; dg:role ?r } }""")
    predicted = sorted({(str(a), slug_of(r)) for a, r in rows})
    wanted = [(labels_of(g["person"]), set(slugs_of(g["role"])), bool(g.get("optional")), g) for g in gold]
    return match_scores(
        wanted, predicted,
        lambda g, p: p[1] in g[1] and pred.is_actor(p[0], g[0]),
        optional=lambda g: g[2],
        show_gold=lambda g: f"{shown(g[3]['person'])} {shown(g[3]['role'])}",
        show_pred=lambda p: f"{pred.show(p[0])} {p[1]}",
    )


def _overlaps(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(b < oe and ob < e for b, e in spans for ob, oe in others)


def _score_events(pred: Predicted, gold: dict[str, Any], anchors: dict[str, list[tuple[int, int]]],
                  results: dict[str, Scores]) -> None:
    """Events and meetings, then the facts attached to events mapped to gold keys."""
    mentions: dict[str, list[tuple[int, int]]] = {}
    etype: dict[str, str] = {}
    for node, t, b, e in pred.rows("""SELECT ?ev ?t ?b ?e WHERE { ?ev dg:eventType ?t ; gaf:denotedBy ?m .
            ?m nif:beginIndex ?b ; nif:endIndex ?e }"""):
        mentions.setdefault(str(node), []).append((int(b), int(e)))
        etype[str(node)] = slug_of(t)
    nodes = sorted(mentions, key=lambda n: (min(mentions[n]), n))
    events = gold["events"]

    def ok(g: dict[str, Any], n: str) -> bool:
        return etype[n] in slugs_of(g["type"]) and _overlaps(mentions[n], anchors[g["key"]])

    def show(n: str) -> str:
        b, e = min(mentions[n])
        return f"{etype[n]} @{b}-{e}"

    required = [g for g in events if not g.get("optional")]
    pairs = max_matching(len(required), len(nodes), lambda i, j: ok(required[i], nodes[j]))
    key_of: dict[str, str] = {nodes[j]: required[i]["key"] for i, j in pairs.items()}
    duplicates, spurious = [], []
    for n in nodes:
        if n in key_of:
            continue
        # a required gold event explains a duplicate before an optional one does
        explainers = sorted((g for g in events if ok(g, n)), key=lambda g: bool(g.get("optional")))
        if not explainers:
            spurious.append(n)
        elif explainers[0].get("optional"):
            continue
        else:
            duplicates.append(n)
            key_of.setdefault(n, explainers[0]["key"])
    missed = [g for i, g in enumerate(required) if i not in pairs]

    def wrong(ns: list[str], dups: list[str]) -> tuple[str, ...]:
        return (*(show(n) for n in ns), *(f"{show(n)} duplicate of {key_of[n]}" for n in dups))

    # A duplicate is a false positive: a user counting meetings would count it as a second one.
    results["events"] = Scores(len(pairs), len(spurious) + len(duplicates), len(missed), len(duplicates),
                               tuple(f"{g['key']} ({shown(g['type'])})" for g in missed),
                               wrong(spurious, duplicates))
    meeting_keys = {g["key"] for g in required if slugs_of(g["type"])[0] == "meeting"}
    found = {key_of[nodes[j]] for j in pairs.values()} & meeting_keys
    meeting_spurious = [n for n in spurious if etype[n] == "meeting"]
    meeting_dups = [n for n in duplicates if key_of[n] in meeting_keys]
    results["meetings"] = Scores(
        len(found), len(meeting_spurious) + len(meeting_dups), len(meeting_keys - found), len(meeting_dups),
        tuple(sorted(meeting_keys - found)), wrong(meeting_spurious, meeting_dups))

    by_key = {g["key"]: g for g in required}
    mapped: dict[str, list[str]] = {}
    for n, k in key_of.items():
        mapped.setdefault(k, []).append(n)
    results["participants"] = _score_participants(pred, by_key, mapped)
    results["dates"] = _score_dates(pred, by_key, mapped)
    results["places"] = _score_places(pred, by_key, mapped)
    results["status"] = _score_status(pred, by_key, mapped)
    if "relations" in gold:
        results["relations"] = _score_relations(pred, gold["relations"], by_key, key_of)


def _facts(pred: Predicted, nodes: list[str], pattern: str, *names: str) -> list[tuple[Any, ...]]:
    """Distinct ``(?x, ...)`` rows of a basic graph pattern about ``?ev``, for ``?ev`` in ``nodes``.

    The pattern is matched once over the whole graph and filtered here, on purpose: no
    ``VALUES`` and no ``OPTIONAL``. rdflib 7.6 evaluates ``VALUES ?ev {...} OPTIONAL {?ev dg:date
    ?d}`` wrongly (an undated event vanishes when other events have a date), which scored a
    correct duration on an undated event as missed. A plain pattern has one meaning everywhere.
    """
    wanted = set(nodes)
    if not wanted:
        return []
    rows = pred.cached(f"SELECT DISTINCT ?ev {' '.join('?' + n for n in names)} WHERE {{ {pattern} }}")
    return sorted({tuple(r[1:]) for r in rows if str(r[0]) in wanted}, key=lambda r: tuple(map(str, r)))


def _score_participants(pred: Predicted, by_key: dict[str, dict[str, Any]],
                        mapped: _Mapped) -> Scores:
    scored = {k: g for k, g in by_key.items() if slugs_of(g["type"])[0] in INTERACTION_TYPES}
    total = Scores()
    for key, event in sorted(scored.items()):
        nodes = mapped.get(key, [])
        sides: dict[str, set[str]] = {}
        for pattern in ("?ev dg:participation ?p . ?p dg:participant ?a", "?ev dg:hasParticipant ?a",
                        "?ev dg:host ?a"):
            for (actor,) in _facts(pred, nodes, pattern, "a"):
                sides.setdefault(str(actor), set())
        for actor, side in _facts(pred, nodes, "?ev dg:participation ?p . ?p dg:participant ?a ; dg:side ?s",
                                  "a", "s"):
            sides.setdefault(str(actor), set()).add(str(side))
        predicted = sorted((a, tuple(sorted(s))) for a, s in sides.items())
        wanted = [(labels_of(p["actor"]), labels_of(p["side"]) if p.get("side") else None,
                   bool(p.get("optional")), p) for p in event.get("participants") or []]

        def ok(g: Any, p: Any) -> bool:
            if not pred.is_actor(p[0], g[0]):
                return False
            return g[1] is None or any(pred.is_actor(s, g[1]) for s in p[1])

        total = total + match_scores(
            wanted, predicted, ok, optional=lambda g: g[2],
            show_gold=lambda g, k=key: f"{k}: {shown(g[3]['actor'])} / {shown(g[3].get('side') or '-')}",
            show_pred=lambda p, k=key: f"{k}: {pred.show(p[0])} / {','.join(map(pred.show, p[1])) or '-'}")
    return total


def _score_dates(pred: Predicted, by_key: dict[str, dict[str, Any]], mapped: _Mapped) -> Scores:
    total = Scores()
    for key, event in sorted(by_key.items()):
        nodes = mapped.get(key, [])
        predicted: set[tuple[str, ...]] = set()
        if "date" in event:
            predicted |= {("date", str(d)) for (d,) in _facts(pred, nodes, "?ev dg:date ?d", "d")}
        if "duration" in event:
            for node in nodes:  # the approximate flag belongs to the event that has the duration
                approx = any(str(a).lower() == "true"
                             for (a,) in _facts(pred, [node], "?ev dg:approximate ?a", "a"))
                predicted |= {("duration", str(dur), approx)
                              for (dur,) in _facts(pred, [node], "?ev dg:duration ?dur", "dur")}
        wanted: list[tuple[str, ...]] = []
        if event.get("date") is not None:
            wanted.append(("date", str(event["date"])))
        if event.get("duration") is not None:
            wanted.append(("duration", str(event["duration"]), bool(event.get("approximate", False))))
        total = total + match_scores(wanted, sorted(predicted), lambda g, p: g == p,
                               show_gold=lambda g, k=key: f"{k}: {' '.join(map(str, g[1:]))}",
                               show_pred=lambda p, k=key: f"{k}: {' '.join(map(str, p[1:]))}")
    return total


def _score_places(pred: Predicted, by_key: dict[str, dict[str, Any]], mapped: _Mapped) -> Scores:
    total = Scores()
    for key, event in sorted(by_key.items()):
        if "places" not in event:
            continue  # the annotator made no claim about where this event took place
        predicted = [str(r[0]) for r in _facts(pred, mapped.get(key, []), "?ev dg:place ?pl", "pl")]
        wanted = [labels_of(p) for p in event.get("places") or []]
        lies_in = [(p, pred.within(p)) for p in predicted]
        found = [g for g in wanted if any(any(pred.is_actor(x, g) for x in inside) for _, inside in lies_in)]
        spurious = [p for p, inside in lies_in
                    if not any(pred.is_actor(x, g) for g in wanted for x in inside)]
        missed = [g for g in wanted if g not in found]
        total = total + Scores(len(found), len(spurious), len(missed),
                               missed=tuple(f"{key}: {min(g)}" for g in missed),
                               spurious=tuple(f"{key}: {pred.show(p)}" for p in spurious))
    return total


def _score_status(pred: Predicted, by_key: dict[str, dict[str, Any]], mapped: _Mapped) -> Scores:
    total = Scores()
    for key, event in sorted(by_key.items()):
        if key not in mapped:
            continue  # the event itself was missed; its status is not a second miss
        predicted = {slug_of(r[0]) for r in _facts(pred, mapped[key], "?ev dg:status ?s", "s")}
        wanted = set(slugs_of(event.get("status", "occurred")))
        hit = bool(predicted & wanted)
        wrong = sorted(predicted - wanted)
        total = total + Scores(int(hit), len(wrong), int(not hit),
                               missed=() if hit else (f"{key}: {'/'.join(sorted(wanted))}",),
                               spurious=tuple(f"{key}: {s}" for s in wrong))
    return total


def _score_relations(pred: Predicted, gold: list[dict[str, Any]], by_key: dict[str, dict[str, Any]],
                     key_of: dict[str, str]) -> Scores:
    names = " ".join(f"dg:{r}" for r in sorted(RELATIONS | set(INVERSE_RELATIONS)))
    predicted: set[tuple[str, str, str]] = set()
    for a, rel, b in pred.rows(f"SELECT ?a ?r ?b WHERE {{ VALUES ?r {{ {names} }} ?a ?r ?b }}"):
        name = slug_of(rel)
        if name in INVERSE_RELATIONS:
            a, b, name = b, a, INVERSE_RELATIONS[name]
        ka, kb = key_of.get(str(a)), key_of.get(str(b))
        if ka in by_key and kb in by_key and ka != kb:
            predicted.add((ka, name, kb))
    wanted = [(g["from"], set(slugs_of(g["relation"])), g["to"], bool(g.get("optional"))) for g in gold]
    return match_scores(wanted, sorted(predicted), lambda g, p: g[0] == p[0] and p[1] in g[1] and g[2] == p[2],
                  optional=lambda g: g[3],
                  show_gold=lambda g: f"{g[0]} {'/'.join(sorted(g[1]))} {g[2]}",
                  show_pred=lambda p: " ".join(p))


def _score_quotes(pred: Predicted, gold: list[dict[str, Any]]) -> Scores:
    texts = pred.rows("SELECT ?q ?t WHERE { ?q a dg:Quote ; dg:text ?t }")
    said_by: dict[str, set[str]] = {}
    for q, s in pred.rows("SELECT ?q ?s WHERE { ?q a dg:Quote ; dg:speaker ?s }"):
        said_by.setdefault(str(q), set()).add(str(s))
    speakers = {(str(q), norm_quote(str(t))): said_by.get(str(q), set()) for q, t in texts}
    predicted = sorted((t, tuple(sorted(s))) for (_, t), s in speakers.items())
    wanted = [(norm_quote(str(g["text"])), labels_of(g["speaker"]) if g.get("speaker") else None,
               bool(g.get("optional")), g) for g in gold]

    def ok(g: Any, p: Any) -> bool:
        if g[0] != p[0]:
            return False
        if g[1] is None:
            return not p[1]
        return any(pred.is_actor(s, g[1]) for s in p[1])

    return match_scores(wanted, predicted, ok, optional=lambda g: g[2],
                  show_gold=lambda g: f"{g[0][:50]!r} by {shown(g[3].get('speaker'))}",
                  show_pred=lambda p: f"{p[0][:50]!r} by {','.join(map(pred.show, p[1])) or '-'}")


def _score_issues(pred: Predicted, gold: dict[str, Any]) -> Scores:
    wanted = set(slugs_of(gold.get("issues") or []))
    allowed = set(slugs_of(gold.get("optional_issues") or []))
    for item in [*(gold.get("positions") or []), *(gold.get("disagreements") or [])]:
        first, *others = slugs_of(item["issue"])
        (allowed if item.get("optional") else wanted).add(first)
        allowed.update(others)
    rows = pred.rows("SELECT DISTINCT ?i WHERE { { ?x dg:topic ?i } UNION { ?x dg:onIssue ?i } }")
    predicted = {slug_of(r[0]) for r in rows}
    spurious = predicted - wanted - allowed
    return Scores(len(wanted & predicted), len(spurious), len(wanted - predicted),
                  missed=tuple(sorted(wanted - predicted)), spurious=tuple(sorted(spurious)))


def _score_positions(pred: Predicted, gold: list[dict[str, Any]]) -> Scores:
    rows = pred.rows("""SELECT DISTINCT ?h ?i ?s WHERE {
        ?p a dg:Position ; dg:holder ?h ; dg:onIssue ?i ; dg:stance ?s }""")
    predicted = sorted({(str(h), slug_of(i), slug_of(s)) for h, i, s in rows})
    wanted = [(labels_of(g["holder"]), set(slugs_of(g["issue"])), set(slugs_of(g["stance"])), bool(g.get("optional")),
               g) for g in gold]
    return match_scores(wanted, predicted,
                  lambda g, p: p[1] in g[1] and p[2] in g[2] and pred.is_actor(p[0], g[0]),
                  optional=lambda g: g[3],
                  show_gold=lambda g: f"{shown(g[4]['holder'])} {shown(g[4]['issue'])} {shown(g[4]['stance'])}",
                  show_pred=lambda p: f"{pred.show(p[0])} {p[1]} {p[2]}")


def _score_disagreements(pred: Predicted, gold: list[dict[str, Any]]) -> Scores:
    kinds = pred.rows("""SELECT ?x ?c ?i WHERE { ?x a ?c ; dg:onIssue ?i .
        FILTER(?c IN (dg:Disagreement, dg:Convergence)) }""")
    parties_of: dict[str, set[str]] = {}
    for x, party in pred.rows("SELECT ?x ?party WHERE { ?x dg:onIssue ?i ; dg:party ?party }"):
        parties_of.setdefault(str(x), set()).add(str(party))
    points = {(str(x), slug_of(c).lower(), slug_of(i)): parties_of.get(str(x), set()) for x, c, i in kinds}
    predicted = sorted((kind, issue, tuple(sorted(parties))) for (_, kind, issue), parties in points.items())
    wanted = [(str(g.get("kind", "disagreement")), set(slugs_of(g["issue"])),
               [labels_of(p) for p in g.get("parties") or []], bool(g.get("optional")), g) for g in gold]

    def ok(g: Any, p: Any) -> bool:
        if g[0] != p[0] or p[1] not in g[1]:
            return False
        return all(any(pred.is_actor(x, party) for x in p[2]) for party in g[2])

    return match_scores(wanted, predicted, ok, optional=lambda g: g[3],
                  show_gold=lambda g: f"{g[0]} {shown(g[4]['issue'])} "
                                      f"[{', '.join(shown(x) for x in g[4].get('parties') or [])}]",
                  show_pred=lambda p: f"{p[0]} {p[1]} [{', '.join(map(pred.show, p[2]))}]")


# ------------------------------------------------------------------------ running the pipeline
def graph_of(source: SourceText) -> Graph:
    """Run extract -> map in memory on a read document (the stages of ``diplograph build``)."""
    from diplograph.extract import extract
    from diplograph.mapper import to_graph

    return to_graph(extract(source))


def evaluate_file(gold_file: str | Path, texts_dir: Path | None = None) -> tuple[str, dict[str, Scores]]:
    """(document slug, scores) for one gold file, running the whole pipeline on its text."""
    from diplograph.reader import read_document

    gold_path = Path(gold_file)
    gold = load_gold(gold_path)
    source = read_document(find_document(gold, gold_path, texts_dir))
    locate_anchors(gold, source.text)  # a broken gold file fails before the slow extraction
    return source.slug, evaluate(graph_of(source), gold, text=source.text)


def stored_graph(slug: str, graph_dir: Path) -> Graph:
    """A document's graph as ``diplograph build`` wrote it: ``<slug>.ttl``, else its named graph
    in ``diplograph.trig``. Scoring the written files checks what users actually download."""
    from rdflib import Dataset, Graph, URIRef

    from diplograph.namespaces import graph_iri

    turtle = graph_dir / f"{slug}.ttl"
    if turtle.is_file():
        return Graph().parse(turtle, format="turtle")
    dataset_file = graph_dir / "diplograph.trig"
    if dataset_file.is_file():
        dataset = Dataset()
        dataset.parse(dataset_file, format="trig")
        named = dataset.graph(URIRef(graph_iri(slug)))
        if len(named):
            graph = Graph()
            for triple in named:
                graph.add(triple)
            return graph
    raise InputError(f"{graph_dir}: no graph for document {slug!r} (run `diplograph build`?)")


def evaluate_stored(gold_file: str | Path, graph_dir: Path) -> tuple[str, dict[str, Scores]]:
    """(slug, scores) of the already built graph of a gold file's document (no extraction run)."""
    from diplograph.namespaces import slugify

    gold_path = Path(gold_file)
    gold = load_gold(gold_path)
    name = Path(str(gold["document"])).name
    for suffix in (".txt", ".md", ".markdown"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    slug = str(gold.get("slug") or slugify(name))
    return slug, evaluate(stored_graph(slug, graph_dir), gold)
