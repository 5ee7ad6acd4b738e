"""The data rules of ``queries/checks/``: one rule, one severity, the same verdict everywhere.

A check query returns the rows that break a rule. Like a shape, each rule has a severity,
declared by a grlc-style decorator (``#+ severity: warning``; violation when absent), and
``build``, ``validate`` and ``verify`` all report it at that severity: ``validate`` and the
build run the rules on each document graph beside the shapes (results with the rule's own IRI
as ``sh:sourceShape``), and ``verify`` runs them on the whole dataset; each fails only on rules
at or above ``--fail-on``.

Kept apart from :mod:`diplograph.check` (the SHACL engines) and :mod:`diplograph.sparql`
(stored queries in general): this module only knows what a rule is and how it is judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from diplograph.errors import InputError
from diplograph.shacl_report import FAIL_ON, fail_on_level, severity_rank

if TYPE_CHECKING:
    from diplograph.sparql import StoredQuery

RULE_NAMESPACE = "https://w3id.org/diplograph/shapes#check-"  # + the rule's name: its sh:sourceShape


@dataclass(frozen=True)
class DataRule:
    """One check query with its severity (``Violation``, ``Warning`` or ``Info``)."""

    name: str
    summary: str
    severity: str
    query: str

    @property
    def iri(self) -> str:
        """The rule as a source shape in validation reports (dgsh:check-<name>)."""
        return RULE_NAMESPACE + self.name


def rule_severity(query: StoredQuery) -> str:
    """The severity a check query declares (``#+ severity: violation|warning|info``)."""
    declared = str(query.decorators.get("severity", "violation")).strip().lower()
    if declared not in FAIL_ON:
        raise InputError(f"{query.path}: unknown #+ severity {declared!r} (use {', '.join(FAIL_ON)})")
    return declared.capitalize()


@cache
def data_rules() -> tuple[DataRule, ...]:
    """The shipped check queries as rules, read once per process."""
    from diplograph.stored_queries import check_queries

    return tuple(DataRule(q.name, q.summary, rule_severity(q), q.text) for q in check_queries())


def rule_fails(severity: str, rows: int, fail_on: str = "violation") -> bool:
    """Whether a rule with ``rows`` offending rows fails at the ``--fail-on`` level."""
    return rows > 0 and severity_rank(severity) <= fail_on_level(fail_on)


def rule_status(severity: str, rows: int, fail_on: str = "violation") -> str:
    """``ok``, ``FAIL`` (counts at --fail-on) or the lower severity's name (reported, not failing)."""
    if not rows:
        return "ok"
    return "FAIL" if rule_fails(severity, rows, fail_on) else severity.lower()
