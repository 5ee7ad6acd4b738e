"""Scores of one category (counts, precision, recall, F1) and the one-to-one matching behind them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "actors", "roles", "events", "meetings", "participants", "dates", "places", "status",
    "quotes", "issues", "positions", "disagreements", "relations",
)


# ---------------------------------------------------------------------------------- scores
@dataclass(frozen=True)
class Scores:
    """Counts of one category; ``missed`` and ``spurious`` say which facts, for debugging."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    missed: tuple[str, ...] = field(default=(), compare=False)
    spurious: tuple[str, ...] = field(default=(), compare=False)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                      self.duplicates + other.duplicates, self.missed + other.missed,
                      self.spurious + other.spurious)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        """Plain numbers (rounded to 4 places) for JSON output."""
        out: dict[str, Any] = {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }
        if self.duplicates:
            out["duplicates"] = self.duplicates
        if details:
            out["missed"] = list(self.missed)
            out["spurious"] = list(self.spurious)
        return out


def micro_average(results: Iterable[dict[str, Scores]]) -> dict[str, Scores]:
    """Sum the counts of each category over documents (micro-average), plus an ``all`` row."""
    total: dict[str, Scores] = {}
    for result in results:
        for category, scores in result.items():
            if category == "all":
                continue
            total[category] = total.get(category, Scores()) + scores
    ordered = {c: total[c] for c in CATEGORIES if c in total}
    ordered["all"] = sum(ordered.values(), Scores())
    return ordered


# --------------------------------------------------------------------------------- matching
def max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths); returns left index -> right index.

    Greedy matching would let one ambiguous prediction steal the gold item another prediction
    needed; the sets are small (tens of items), so the simple O(V*E) algorithm is enough.
    """
    edges = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    right_of: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in right_of or augment(right_of[j], seen):
                right_of[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in right_of.items()}


def match_scores(
    gold: list[Any], predicted: list[Any], ok: Callable[[Any, Any], bool],
    optional: Callable[[Any], bool] = lambda g: False,
    show_gold: Callable[[Any], str] = str, show_pred: Callable[[Any], str] = str,
) -> Scores:
    """One-to-one matching of required gold items; optional ones only absorb predictions."""
    required = [g for g in gold if not optional(g)]
    extra = [g for g in gold if optional(g)]
    pairs = max_matching(len(required), len(predicted), lambda i, j: ok(required[i], predicted[j]))
    used = set(pairs.values())
    leftover = [p for j, p in enumerate(predicted) if j not in used]
    spurious = [p for p in leftover if not any(ok(g, p) for g in extra)]
    missed = [g for i, g in enumerate(required) if i not in pairs]
    return Scores(tp=len(pairs), fp=len(spurious), fn=len(missed),
                  missed=tuple(show_gold(g) for g in missed),
                  spurious=tuple(show_pred(p) for p in spurious))
