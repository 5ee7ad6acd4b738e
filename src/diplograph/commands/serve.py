"""``serve`` and ``push``: the graph as a SPARQL endpoint, and the graph sent to a triple store."""

from __future__ import annotations

import click

from diplograph.errors import EXIT_FINDINGS, UsageError

FILES = click.argument("files", nargs=-1, type=click.Path(path_type=str))


@click.command("serve")
@FILES
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: only this machine can query).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port, printed on stderr).")
@click.option("--store", "store_dir", type=click.Path(path_type=str, file_okay=False),
              help="Folder of the persistent store (default: graph/.store of the project; a temporary one "
                   "for FILES).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Time limit of one query, in seconds.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) one answer carries; more are cut (X-SPARQL-MaxRows header).")
@click.option("--allow-federation", is_flag=True, help="Let queries use SERVICE (refused by default).")
@click.pass_context
def serve_command(ctx: click.Context, files: tuple[str, ...], host: str, port: int, store_dir: str | None,
                  timeout: float, max_rows: int, allow_federation: bool) -> None:
    """Serve FILES (default graph/) read-only as a SPARQL 1.1 endpoint with a query page.

    The default graph is the union of the named graphs, so the stored queries run unchanged.
    The store is reused while FILES and the ontology are unchanged. Stop with Ctrl-C.
    """
    import contextlib
    import tempfile

    from diplograph.serve import Limits, serve

    verbose = bool(ctx.obj and ctx.obj.get("verbose"))
    with contextlib.ExitStack() as stack:
        if store_dir is None and files:  # explicit files: a store of their own, never ./graph/.store
            store_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="diplograph-serve-"))
        elif store_dir is None:  # the project's graph/, with its store kept beside it for the next time
            from diplograph.project import default_graph_dir

            graph_dir = default_graph_dir()
            files, store_dir = (str(graph_dir),), str(graph_dir / ".store")
        serve(files, host=host, port=port, store_dir=store_dir, verbose=verbose,
              limits=Limits(timeout=timeout, max_rows=max_rows, allow_federation=allow_federation),
              log=lambda message: click.echo(f"diplograph: {message}", err=True))


@click.command("push")
@FILES
@click.option("--store", "store_url", required=True, metavar="URL",
              help="Server URL: Oxigraph base, Fuseki dataset URL, GraphDB repository URL, or a GSP URL.")
@click.option("--dialect", type=click.Choice(["gsp", "fuseki", "oxigraph", "graphdb", "virtuoso"]), default="gsp",
              show_default=True, help="How to reach the Graph Store endpoint from URL (virtuoso: the server's"
                                      " base URL; /sparql-graph-crud-auth with digest authentication).")
@click.option("--replace/--append", default=True, show_default=True,
              help="PUT (replace each graph) or POST (add to it).")
@click.option("--dry-run", is_flag=True, help="Show what would be sent, send nothing.")
@click.option("--no-ontology", is_flag=True, help="Push the document graphs only.")
@click.option("--union-graph/--no-union-graph", default=True, show_default=True,
              help="Also keep the distinct union of the store's graphs as the named graph "
                   "https://w3id.org/diplograph/graph/_union, which `query --endpoint` reads (not for --dialect gsp).")
@click.pass_context
def push_command(ctx: click.Context, files: tuple[str, ...], store_url: str, dialect: str, replace: bool,
                 dry_run: bool, no_ontology: bool, union_graph: bool) -> None:
    """Push the named graphs of FILES (default graph/) with the SPARQL Graph Store Protocol.

    Each document graph, the ontology and the vocabularies go to their own graphs. Credentials:
    environment variables DIPLOGRAPH_STORE_USER and DIPLOGRAPH_STORE_PASSWORD (basic auth;
    digest for Virtuoso). Afterwards the store gets the distinct union of its graphs as one more
    named graph, which `query --endpoint` reads as the default graph: a quad store's own union
    default graph repeats a triple once per graph, and the stored queries slow down with the square
    of the corpus there. Without it (--no-union-graph, or --dialect gsp) the store is asked whether
    its default graph is the union of its named graphs; if not, one warning line gives the fix.
    Exit 1 if any graph failed, 3 if the server cannot be reached.
    """
    from diplograph.iris import UNION_GRAPH_IRI
    from diplograph.push import push

    if store_url.startswith("-"):
        raise UsageError(f"--store {store_url!r}: expected a URL")
    results = push(files, store_url, dialect=dialect, replace=replace, dry_run=dry_run,
                   with_ontology=not no_ontology, union=union_graph,
                   log=lambda message: click.echo(("diplograph: " if message.startswith("warning:") else "")
                                                  + message, err=True))
    union = [r for r in results if r.graph == UNION_GRAPH_IRI]
    results = [r for r in results if r.graph != UNION_GRAPH_IRI]
    failed = [r for r in results if not r.ok]
    triples = sum(r.triples for r in results if r.ok)
    verb = "would push" if dry_run else "pushed"
    click.echo(f"diplograph: {verb} {len(results) - len(failed)}/{len(results)} graphs ({triples} triples)"
               + "".join(", union graph " + ("written" if r.ok else "FAILED") for r in union)
               + (f"; {len(failed)} failed" if failed else ""), err=True)
    failed += [r for r in union if not r.ok]
    if failed:
        ctx.exit(EXIT_FINDINGS)
