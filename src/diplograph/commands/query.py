"""Commands ``queries``, ``query`` and ``verify``: the stored SPARQL as a command-line tool.

stdout carries the data (the list, the result rows, the check report); errors are one line
on stderr with exit code 2 (usage) or 3 (input). ``verify`` exits 1 when a check at or above
``--fail-on`` (by its ``#+ severity``, as for shapes) returns a row, as ROBOT's ``verify``
does, so it can gate a build or CI.
"""

from __future__ import annotations

import click

from diplograph import sparql
from diplograph.errors import EXIT_FINDINGS

_ENGINE = click.option("--engine", type=click.Choice(sparql.ENGINES), default="oxigraph", show_default=True,
                       help="oxigraph (fast) or rdflib (pure Python); both give the same answers.")
_FILES = click.argument("files", nargs=-1, type=click.Path(dir_okay=True))
_ENDPOINT = click.option("--endpoint", metavar="URL",
                         help="Run against this SPARQL 1.1 endpoint (diplograph serve, Fuseki /ds/query, ...)"
                              " instead of local files.")


@click.command("queries")
@click.option("--checks", "show_checks", is_flag=True, help="List the check queries (queries/checks).")
def queries_command(show_checks: bool) -> None:
    """List the stored SPARQL queries: name, summary and parameters."""
    found = sparql.check_queries() if show_checks else sparql.stored_queries()
    width = max((len(q.name) for q in found), default=0)
    for query in found:
        click.echo(f"{query.name.ljust(width)}  {query.summary}")
        if query.parameters:
            params = ", ".join(p.describe() for p in query.parameters)
            click.echo(f"{''.ljust(width)}  parameters: {params}")


@click.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter: an IRI as <...>, an absolute IRI or a prefixed name (id:person/...),"
                   " anything else as a plain literal. Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(sparql.FORMATS), default="table", show_default=True,
              help="table for people; csv, tsv, json, xml are the W3C SPARQL 1.1 results formats.")
@_ENGINE
@_ENDPOINT
@_FILES
def query_command(name: str, params: tuple[str, ...], fmt: str, engine: str, endpoint: str | None,
                  files: tuple[str, ...]) -> None:
    """Run a stored query NAME (see `diplograph queries`) or a .rq FILE on FILES (default graph/)."""
    # On Oxigraph, pyoxigraph's terms go straight to the writers: no rdflib, no PyYAML to import
    # (they were most of the start-up time of a stored query).
    native = endpoint is None and engine == "oxigraph"
    query = sparql.resolve_query(name, light=native)
    bindings = sparql.bind_parameters(query, sparql.parse_param_options(params), native=native)
    data = sparql.load_sources(files, engine, endpoint)
    if endpoint is not None and data.default_graph is None:
        _warn_if_not_union(endpoint)
    result = sparql.run(query, data, bindings, native=native)
    click.echo(sparql.format_result(result, fmt), nl=False)


def _warn_if_not_union(url: str) -> None:
    """One warning line, with the fix for that store, when its default graph is not the union:
    every stored query would otherwise answer no rows without a word (issue 15)."""
    import warnings

    from diplograph.endpoint import union_problem
    from diplograph.errors import DiplographWarning

    problem = union_problem(url)
    if problem:
        warnings.warn(problem, DiplographWarning, stacklevel=1)


@click.command("verify")
@click.option("--show", default=5, show_default=True, metavar="N",
              help="Print up to N offending rows under each failed check (0: counts only).")
@click.option("--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation",
              show_default=True, help="Lowest severity of a check (#+ severity) whose rows make the exit code 1.")
@_ENGINE
@_ENDPOINT
@_FILES
def verify_command(show: int, fail_on: str, engine: str, endpoint: str | None, files: tuple[str, ...]) -> None:
    """Run every check in queries/checks on FILES (default graph/); rows of a check at or above --fail-on fail."""
    from diplograph.data_rules import rule_fails, rule_severity, rule_status

    checks = sparql.check_queries()
    data = sparql.load_sources(files, engine, endpoint)
    failed = 0
    width = max((len(c.name) for c in checks), default=0)
    for check in checks:
        result = sparql.run(check, data)
        count = len(result.rows)
        severity = rule_severity(check)
        status = rule_status(severity, count, fail_on)  # ok | FAIL | warning | info (reported, not failing)
        click.echo(f"{status:<7}  {count:>5}  {severity.lower():<9}  {check.name.ljust(width)}  {check.summary}")
        if count:
            failed += rule_fails(severity, count, fail_on)
            shown = sparql.Result("select", result.variables, result.rows[:show])
            if show > 0:
                for line in sparql.to_table(shown).splitlines()[:-1]:
                    click.echo("            " + line)
                if count > show:
                    click.echo(f"            ... {count - show} more")
    click.echo(f"{len(checks) - failed} of {len(checks)} checks passed", err=True)
    if failed:
        raise SystemExit(EXIT_FINDINGS)
