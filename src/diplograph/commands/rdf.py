"""``validate``, ``reason``, ``export`` and ``stats``: commands over RDF files (graph/ by default).

They share one loading path (:func:`diplograph.rdfio.load_dataset`), so a file list, a
folder, a Turtle file or the TriG dataset all behave the same, and malformed input is one
line with the file and line number (exit 3).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from diplograph.errors import EXIT_FINDINGS, UsageError

FILES = click.argument("files", nargs=-1, type=click.Path(path_type=str))


def _write(text: str, output: str | None) -> None:
    """Data to stdout, or atomically to a file."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from diplograph.fsio import atomic_write_text

    atomic_write_text(output, text)
    click.echo(f"diplograph: wrote {output}", err=True)


def _graph_store() -> object | None:
    """The on-disk store of the project's graph/ (built by `build`), or None where none can be built."""
    from diplograph.project import default_graph_dir
    from diplograph.store import cached_store

    graph_dir = default_graph_dir()
    try:
        return cached_store(graph_dir)
    except OSError:
        return None


@click.command("validate")
@FILES
@click.option("--inference", type=click.Choice(["none", "rdfs", "owlrl"]), default="none", show_default=True,
              help="Add RDFS or OWL RL entailments before validating.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text",
              show_default=True, help="Report format on stdout.")
@click.option("--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--shapes", type=click.Path(path_type=str, dir_okay=False), default=None,
              help="A SHACL shapes file to use instead of the shipped ontology/shapes.ttl.")
@click.option("--engine", type=click.Choice(["auto", "native", "pyshacl"]), default="auto", show_default=True,
              help="SHACL engine: native (compiled SHACL Core, fast), pyshacl (the reference), "
                   "auto (native unless the shapes need pySHACL).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, one document graph at a time each (default: all cores).")
@click.pass_context
def validate_command(
    ctx: click.Context, files: tuple[str, ...], inference: str, fmt: str, fail_on: str, shapes: str | None,
    engine: str, jobs: int | None,
) -> None:
    """SHACL-validate FILES (default graph/) against the shapes; exit 1 on findings."""
    from pathlib import Path

    from diplograph.errors import InputError
    from diplograph.validation import validate_files

    if shapes is not None and not Path(shapes).is_file():
        raise InputError(f"{shapes}: no such shapes file")
    report = validate_files(list(files), inference=inference, shapes=Path(shapes) if shapes else None,
                            engine=engine, jobs=jobs or os.cpu_count() or 1)
    click.echo(report.render(fmt), nl=False)
    if report.failing(fail_on):
        ctx.exit(EXIT_FINDINGS)


@click.command("reason")
@FILES
@click.option("-o", "--output", required=True, type=click.Path(path_type=str, dir_okay=False),
              help="File for the inferred triples (format from its extension).")
def reason_command(files: tuple[str, ...], output: str) -> None:
    """OWL RL closure of FILES (default graph/): write only the inferred triples to OUTPUT.

    The inferred triples go to the named graph graph/inferred; the input is never touched.
    """
    from rdflib import Dataset, Graph

    from diplograph.check import reason
    from diplograph.namespaces import INFERRED_GRAPH
    from diplograph.rdfio import load_dataset, rdf_format, resolve_sources
    from diplograph.serialize import SUFFIX_TO_FORMAT, serialize_dataset

    target = Path(output)
    rdf_format(target)  # unknown extension -> one-line error
    fmt = SUFFIX_TO_FORMAT.get(target.suffix.lower())
    if fmt is None:
        raise UsageError(f"{output}: cannot write this format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    inputs = resolve_sources(list(files))
    if any(target.resolve() == path.resolve() for path in inputs):
        raise UsageError(f"{output}: is one of the inputs; inferred triples never go into the input")
    dataset = load_dataset(inputs)
    asserted = Graph()
    inferred = Graph()
    for graph in dataset.graphs():
        if graph.identifier == INFERRED_GRAPH or len(graph) == 0:
            continue
        asserted += graph
        inferred += reason(graph)  # per document: linear in the corpus size
    result = Dataset()
    named = result.graph(INFERRED_GRAPH)
    for triple in inferred:
        if triple not in asserted:
            named.add(triple)
    _write(serialize_dataset(result, fmt), output)
    click.echo(f"diplograph: {len(named)} inferred triples", err=True)


@click.command("export")
@FILES
@click.option("-f", "--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "xml"]),
              help="Output format (default: from -o's extension, else ttl).")
@click.option("-o", "--output", type=click.Path(path_type=str, dir_okay=False),
              help="Output file (default stdout).")
def export_command(files: tuple[str, ...], fmt: str | None, output: str | None) -> None:
    """Export FILES (default graph/) as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.

    Triple formats (ttl, nt, xml) get the union of the named graphs; quad formats keep them.
    Output is deterministic: the same graph always gives the same bytes.
    """
    from diplograph.rdfio import load_dataset
    from diplograph.serialize import SUFFIX_TO_FORMAT, serialize_dataset

    if fmt is None:
        if output and output != "-":
            suffix = Path(output).suffix.lower()
            fmt = SUFFIX_TO_FORMAT.get(suffix)
            if fmt is None:
                raise UsageError(f"{output}: unknown format {suffix!r} (use -f ttl|nt|nq|trig|jsonld|xml)")
        else:
            fmt = "ttl"
    # Not from the on-disk store: Oxigraph stores xsd:nonNegativeInteger (nif offsets) as xsd:integer,
    # so an export from it would not give back the bytes of the graph.
    _write(serialize_dataset(load_dataset(list(files)), fmt), output)


@click.command("stats")
@FILES
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats_command(files: tuple[str, ...], fmt: str) -> None:
    """Count triples, instances per class and triples per named graph in FILES (default graph/)."""
    import json

    from rdflib.namespace import RDF

    from diplograph.rdfio import load_dataset
    from diplograph.serialize import natural_key, term_turtle

    store = None if files else _graph_store()
    if store is not None:  # graph/: counted by SPARQL in the on-disk store, nothing parsed
        from diplograph.store import store_counts

        total, per_graph, counted = store_counts(store)
        per_class = {term_turtle(cls): count for cls, count in counted.items()}
    else:
        dataset = load_dataset(list(files))
        per_graph = {}
        union = set()
        classes: dict[str, set] = {}
        for graph in dataset.graphs():
            if len(graph) == 0:
                continue
            per_graph[str(graph.identifier)] = len(graph)
            for triple in graph:
                union.add(triple)
                if triple[1] == RDF.type:
                    classes.setdefault(term_turtle(triple[2]), set()).add(triple[0])
        per_class = {cls: len(members) for cls, members in classes.items()}
        total = len(union)
    if fmt == "json":
        payload = {"triples": total, "graphs": dict(sorted(per_graph.items())),
                   "classes": dict(sorted(per_class.items()))}
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
        return
    lines = [f"triples: {total}", f"named graphs: {len(per_graph)}"]
    by_name = sorted(per_graph.items(), key=lambda item: natural_key(item[0]))
    lines += [f"  {count:>8}  {name}" for name, count in by_name]
    lines.append(f"classes: {len(per_class)}")
    lines += [f"  {count:>8}  {cls}" for cls, count in sorted(per_class.items(), key=lambda i: (-i[1], i[0]))]
    click.echo("\n".join(lines))
