"""Validating RDF files: graph/ or given files, one named graph at a time, in worker processes.

Why a module of its own: :mod:`diplograph.check` validates one graph (shapes, engines,
reasoning); this module decides *what* is validated as one graph (a document file, a named
graph of a TriG, the corpus graph in batches through :mod:`diplograph.corpus_validation`) and
merges the reports. Keeping the two apart keeps the dependency one-way: check <- corpus
validation <- file validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diplograph.check import Finding, Report, sort_findings, validate_graph
from diplograph.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, VOCAB_GRAPH


def _validation_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files to validate: like rdfio.resolve_sources, but a built graph folder stands for
    its per-document files (validated one by one, never all in memory) instead of the TriG."""
    from diplograph.project import default_graph_dir
    from diplograph.rdfio import generated_files, resolve_sources

    files: list[Path] = []
    for source in list(paths) or [default_graph_dir()]:
        folder = Path(source)
        documents = generated_files(folder) if folder.is_dir() else {}
        files.extend(documents.values() if documents else resolve_sources([folder]))
    return files


def _file_graphs(path: Path) -> list[tuple[str, list]]:
    """(graph name, triples) of one RDF file, parsed by Oxigraph when it can (10x rdflib's speed).

    JSON-LD and RDF/XML, and any file Oxigraph refuses, go through
    :func:`diplograph.rdfio.load_dataset`, whose error message names line and column.
    """
    import pyoxigraph

    from diplograph.rdfio import graph_name_for, load_dataset, oxigraph_quads, rdf_format, to_rdflib

    fmt, _, quads = rdf_format(path)
    if fmt in ("turtle", "nt", "trig", "nquads"):
        try:
            graphs: dict[str, list] = {}
            default = graph_name_for(path)
            for quad in oxigraph_quads(path):
                name = quad.graph_name.value if quads and not isinstance(quad.graph_name, pyoxigraph.DefaultGraph) \
                    else default
                graphs.setdefault(name, []).append(
                    (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
            return sorted(graphs.items())
        except (SyntaxError, OSError, ValueError, UnicodeDecodeError):
            pass  # load_dataset below reports it
    dataset = load_dataset([path])
    return sorted((str(g.identifier), list(g)) for g in dataset.graphs() if len(g))


def _validate_document(task: tuple) -> list[tuple[list[Finding], list]]:
    """Findings and report triples for each graph of one file (runs in a worker with --jobs)."""
    path, context, inference, shapes, engine = task
    from diplograph.corpus_validation import batched_outcomes

    batched = batched_outcomes(path, with_context=bool(context), inference=inference, shapes=shapes, engine=engine)
    if batched is not None:  # the corpus graph (~4M triples at 10,000 documents), in batches of corpus events
        return batched
    out = []
    graphs = _file_graphs(path)
    local = list(context) + [t for name, triples in graphs if name == str(INFERRED_GRAPH) for t in triples]
    skip = {str(INFERRED_GRAPH), str(ONTOLOGY_GRAPH), str(VOCAB_GRAPH)}
    for name, triples in graphs:
        if name in skip:
            continue
        report = validate_graph(triples + local, inference=inference, shapes=shapes, engine=engine)
        out.append((report.results, list(report.graph) if report.graph is not None else []))
    return out


def validate_files(paths: Sequence[str | Path], *, inference: str = "none", shapes: Path | None = None,
                   engine: str = "auto", jobs: int = 1) -> Report:
    """Validate RDF files (graph/ by default), one named graph at a time, in ``jobs`` processes.

    Each document graph is self-contained by design, so it is validated on its own (with
    the ontology): the cost stays linear in the number of documents, memory holds one file
    at a time per worker, and documents shard over processes (forked after the shapes and
    ontology are compiled, so workers inherit them). A ``graph/inferred`` graph among the
    inputs (e.g. ``inferred.ttl`` written by ``diplograph reason``) is added to every
    document as context. The report does not depend on ``jobs``.
    """
    from rdflib import BNode, Graph, Literal
    from rdflib.namespace import RDF, SH

    from diplograph.rdfio import graph_name_for, rdf_format

    files = _validation_files(paths)
    context: list = []
    documents: list[Path] = []
    for path in files:
        if not rdf_format(path)[2] and str(graph_name_for(path)) == str(INFERRED_GRAPH):
            context += [t for _, triples in _file_graphs(path) for t in triples]
        else:
            documents.append(path)
    findings: list[Finding] = []
    merged = Graph()
    report_node = BNode()
    validated = 0

    def collect(results: list[Finding], report: list) -> None:
        findings.extend(results)
        own = {s for s, p, o in report if p == RDF.type and o == SH.ValidationReport}
        for s, p, o in report:
            if s in own:
                if p == SH.result:
                    merged.add((report_node, p, o))
                continue
            merged.add((s, p, o))

    from diplograph.corpus_validation import is_corpus_file

    documents.sort(key=lambda path: not is_corpus_file(path))  # the longest task first (the report has no order)
    tasks = [(path, context, inference, shapes, engine) for path in documents]
    if jobs > 1 and len(tasks) > 1:
        import multiprocessing

        validate_graph([], inference=inference, shapes=shapes, engine=engine)  # compile once, before the fork
        with multiprocessing.get_context("fork").Pool(min(jobs, len(tasks))) as pool:
            outcomes = list(pool.imap(_validate_document, tasks, chunksize=8))
    else:
        outcomes = [_validate_document(task) for task in tasks]
    for outcome in outcomes:
        for results, report in outcome:
            collect(results, report)
            validated += 1
    if not validated and context:
        report = validate_graph(context, inference=inference, shapes=shapes, engine=engine)
        collect(report.results, list(report.graph) if report.graph is not None else [])
    ordered = sort_findings(findings)
    conforms = not ordered
    merged.add((report_node, RDF.type, SH.ValidationReport))
    merged.add((report_node, SH.conforms, Literal(conforms)))
    return Report(conforms=conforms, results=ordered, graph=merged)
