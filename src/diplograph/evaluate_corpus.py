"""Score cross-document event identity against a cluster gold (``diplograph evaluate --identity-gold``).

Gold format (YAML, see tests/corpus-identity/gold.yaml): ``clusters``, each one real event with
``reports`` (``doc``: document slug; ``trigger``: the trigger words; ``context``: a phrase that
occurs once in the document body and contains the trigger) and optional ``conflicts`` (the dg
property names on which its reports disagree on purpose).

Matching: a gold report is the document event one of whose ``gaf:denotedBy`` mentions overlaps
the trigger (the earliest such event if several). A gold report no event matches (the extractor
missed it) stays alone in a cluster of its own, so it costs recall, as it should.

Scores, over the gold reports only (events the gold does not list are not judged):

* **pairwise** precision/recall/F1 over pairs of reports: a pair in one corpus event is a true
  positive if the gold puts it in one cluster, else a false positive; a gold pair split across
  corpus events is a false negative;
* **B-cubed** precision/recall/F1 (Bagga and Baldwin, 1998), averaged over reports;
* **conflicts**: for each gold cluster, the corpus event holding most of its reports; a planted
  conflict is *found* if that corpus event has a ``dg:Conflict`` on the property, and a conflict
  it has on any other property is *invented*.

Reads the graphs a build wrote (``<slug>.ttl`` and ``_corpus.ttl``); no NLP here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from diplograph.errors import InputError

DG = "https://w3id.org/diplograph/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DENOTED = "http://groundedannotationframework.org/gaf#denotedBy"
EVENT_PREFIX = "https://w3id.org/diplograph/id/event/"


@dataclass
class IdentityScores:
    """The figures of one identity evaluation."""

    reports: int = 0
    matched: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    b3_precision: float = 0.0
    b3_recall: float = 0.0
    conflicts_planted: int = 0
    conflicts_found: int = 0
    conflicts_invented: int = 0
    details: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fp) if self.pair_tp + self.pair_fp else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fn) if self.pair_tp + self.pair_fn else 1.0

    @property
    def pair_f1(self) -> float:
        return self._f1(self.pair_precision, self.pair_recall)

    @property
    def b3_f1(self) -> float:
        return self._f1(self.b3_precision, self.b3_recall)

    def as_dict(self) -> dict:
        return {
            "reports": self.reports, "matched": self.matched,
            "pairwise": {"tp": self.pair_tp, "fp": self.pair_fp, "fn": self.pair_fn,
                         "precision": round(self.pair_precision, 4), "recall": round(self.pair_recall, 4),
                         "f1": round(self.pair_f1, 4)},
            "bcubed": {"precision": round(self.b3_precision, 4), "recall": round(self.b3_recall, 4),
                       "f1": round(self.b3_f1, 4)},
            "conflicts": {"planted": self.conflicts_planted, "found": self.conflicts_found,
                          "invented": self.conflicts_invented},
            "details": self.details,
        }

    def table(self, details: bool = False) -> str:
        return "\n".join([
            f"cross-document identity: {self.reports} gold reports, {self.matched} matched to document events",
            f"  {'measure':<10}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}",
            f"  {'pairwise':<10}{self.pair_tp:>5}{self.pair_fp:>5}{self.pair_fn:>5}"
            f"{self.pair_precision:>8.3f}{self.pair_recall:>8.3f}{self.pair_f1:>8.3f}",
            f"  {'B-cubed':<10}{'':>15}{self.b3_precision:>8.3f}{self.b3_recall:>8.3f}{self.b3_f1:>8.3f}",
            f"  conflicts: {self.conflicts_found} of {self.conflicts_planted} planted found, "
            f"{self.conflicts_invented} invented",
            *(f"  {line}" for line in (self.details if details else [])),
        ])


def load_gold(path: Path) -> list[dict]:
    """The clusters of a gold file, checked for shape (one clear error otherwise)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the identity gold ({exc})") from None
    clusters = data.get("clusters") if isinstance(data, dict) else None
    if not isinstance(clusters, list) or not clusters:
        raise InputError(f"{path}: an identity gold needs a non-empty 'clusters' list")
    for cluster in clusters:
        reports = cluster.get("reports") if isinstance(cluster, dict) else None
        if not isinstance(reports, list) or not reports or not all(
                isinstance(r, dict) and {"doc", "trigger", "context"} <= set(r) for r in reports):
            raise InputError(f"{path}: every cluster needs 'reports' with doc, trigger and context")
    return clusters


def _document(path: Path) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """(body text, event -> its mention spans) of one document graph file."""
    import pyoxigraph

    body = ""
    denoted: dict[str, list[str]] = {}
    offsets: dict[str, list[int]] = {}
    with path.open("rb") as handle:
        for quad in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE):
            s, p, o = quad.subject.value, quad.predicate.value, quad.object
            if p == NIF + "isString":
                body = o.value
            elif p == DENOTED and s.startswith(EVENT_PREFIX):
                denoted.setdefault(s, []).append(o.value)
            elif p in (NIF + "beginIndex", NIF + "endIndex") and "#char=" in s:
                offsets.setdefault(s, []).append(int(o.value))
    spans = {event: [(min(offsets[m]), max(offsets[m])) for m in mentions if m in offsets]
             for event, mentions in denoted.items()}
    return body, spans


def _corpus(path: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(document event -> corpus event, corpus event -> properties in conflict) of graph/_corpus.ttl."""
    import pyoxigraph

    owner: dict[str, str] = {}
    conflict_of: dict[str, str] = {}
    prop_of: dict[str, str] = {}
    with path.open("rb") as handle:
        for quad in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE):
            s, p, o = quad.subject.value, quad.predicate.value, quad.object.value
            if p == DG + "hasReport":
                owner[o] = s
            elif p == DG + "conflict":
                conflict_of[o] = s
            elif p == DG + "onProperty":
                prop_of[s] = o
    conflicts: dict[str, set[str]] = {}
    for node, event in conflict_of.items():
        if node in prop_of:
            conflicts.setdefault(event, set()).add(prop_of[node].removeprefix(DG))
    return owner, conflicts


def evaluate_identity(gold_path: Path, graph_dir: Path) -> IdentityScores:
    """Score the corpus graph in ``graph_dir`` against the cluster gold at ``gold_path``."""
    clusters = load_gold(gold_path)
    corpus_file = graph_dir / "_corpus.ttl"
    if not corpus_file.is_file():
        raise InputError(f"{graph_dir}: no _corpus.ttl (build the documents first)")
    owner, conflicts = _corpus(corpus_file)
    documents: dict[str, tuple[str, dict[str, list[tuple[int, int]]]]] = {}
    scores = IdentityScores()
    items: list[tuple[str, str]] = []  # (gold cluster id, system cluster id)
    for index, cluster in enumerate(clusters):
        gold_id = str(cluster.get("id", index))
        for report in cluster["reports"]:
            slug = str(report["doc"])
            if slug not in documents:
                path = graph_dir / f"{slug}.ttl"
                if not path.is_file():
                    raise InputError(f"{path}: the gold names document {slug!r}, which is not built there")
                documents[slug] = _document(path)
            body, spans = documents[slug]
            context, trigger = str(report["context"]), str(report["trigger"])
            at = body.find(context)
            if at < 0 or body.find(context, at + 1) >= 0 or trigger not in context:
                raise InputError(f"{gold_path}: context {context!r} must occur once in {slug} and hold the trigger")
            begin = at + context.index(trigger)
            end = begin + len(trigger)
            hits = sorted(event for event, found in spans.items() if any(b < end and begin < e for b, e in found))
            scores.reports += 1
            if hits:
                scores.matched += 1
                items.append((gold_id, owner.get(hits[0], hits[0])))
            else:
                scores.details.append(f"missed by extraction: {slug} {trigger!r} in {context!r}")
                items.append((gold_id, f"unmatched:{slug}:{begin}"))
    for (g1, s1), (g2, s2) in combinations(items, 2):
        if s1 == s2 and g1 == g2:
            scores.pair_tp += 1
        elif s1 == s2:
            scores.pair_fp += 1
            scores.details.append(f"joined but different: {g1} / {g2} in {s1}")
        elif g1 == g2:
            scores.pair_fn += 1
            scores.details.append(f"split: {g1} across {s1} and {s2}")
    for g, s in items:
        same_sys = [i for i in items if i[1] == s]
        same_gold = [i for i in items if i[0] == g]
        both = sum(1 for i in same_sys if i[0] == g)
        scores.b3_precision += both / len(same_sys)
        scores.b3_recall += both / len(same_gold)
    if items:
        scores.b3_precision /= len(items)
        scores.b3_recall /= len(items)
    for index, cluster in enumerate(clusters):
        gold_id = str(cluster.get("id", index))
        planted = {str(p) for p in cluster.get("conflicts", [])}
        systems = sorted(s for g, s in items if g == gold_id)
        main = max(systems, key=lambda s: (systems.count(s), -systems.index(s)))
        found = conflicts.get(main, set())
        scores.conflicts_planted += len(planted)
        scores.conflicts_found += len(planted & found)
        scores.conflicts_invented += len(found - planted)
        for prop in sorted(found - planted):
            scores.details.append(f"invented conflict: {gold_id} on {prop}")
        for prop in sorted(planted - found):
            scores.details.append(f"missed conflict: {gold_id} on {prop}")
    return scores
