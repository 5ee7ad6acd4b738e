"""Triple stores at scale: push throughput and stored-query p50 on Oxigraph server and Virtuoso 7.2.

    python benchmarks/stores.py [--triples 1000000] [--repeat 5]

The seed graph is replicated (rewritten slugs, as ``run.py`` does) to ``--triples`` triples
in a work folder. Then, each on its own fresh server on loopback:

* Oxigraph server (``oxigraph serve --union-default-graph``): ``diplograph push --dialect
  oxigraph`` (Graph Store Protocol, one PUT per graph);
* Virtuoso 7.2 (``virtuoso-t -f`` with its own virtuoso.ini): ``diplograph push --dialect
  virtuoso`` (digest authentication, one PUT per graph), and on a second fresh server its own
  bulk loader (``ld_dir`` + ``rdf_loader_run`` through ``isql-vt``) over the same dataset
  exported as N-Quads, the path the README gives for large corpora.

Push figures are triples per second, wall time of the whole command path (reading the files,
serialising each graph, sending it) and of the sending alone. Each stored query (parameters:
the first event of the data) then runs ``--repeat`` times on each store through the
``query --endpoint`` client, and on the local query store (``diplograph query`` without
files); the table gives the medians. Results: ``benchmarks/stores.json`` and the section
between the ``stores`` markers of ``benchmarks/RESULTS.md``. A benchmark, not a test: run it
by hand (several minutes at 1M triples on two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))  # local_servers: the stores started as the tests start them

import local_servers  # noqa: E402
from diplograph.serve_engine import stop_process  # noqa: E402
from local_servers import Server, start_oxigraph  # noqa: E402

BEGIN, END = "<!-- stores: begin (benchmarks/stores.py) -->", "<!-- stores: end -->"


def log(message: str) -> None:
    print(f"[stores] {message}", file=sys.stderr, flush=True)


def start_virtuoso(folder: Path, load_dir: Path) -> Server:
    """Virtuoso with a larger buffer pool and time limit than the tests' (1M triples), reading ``load_dir``."""
    return local_servers.start_virtuoso(folder, dirs=(".", load_dir), buffers=170000, max_rows=10_000_000,
                                        max_seconds=300, limit=120)


def timed_push(files: list[Path], url: str, dialect: str) -> dict[str, Any]:
    from diplograph import push

    sending = []
    started = time.perf_counter()
    results = push.push(files, url, dialect=dialect, log=lambda m: sending.append(m))
    total = time.perf_counter() - started
    failed = [r for r in results if not r.ok]
    if failed:
        raise RuntimeError(f"{len(failed)} graphs failed: {failed[0].message}")
    sent = sum(float(m.rsplit("(", 1)[1].split()[0]) for m in sending if m.startswith("ok "))
    from diplograph.iris import UNION_GRAPH_IRI

    union = sum(r.triples for r in results if r.graph == UNION_GRAPH_IRI)
    triples = sum(r.triples for r in results) - union  # the dataset's triples; the union graph is extra
    warnings = [m for m in sending if m.startswith("warning")]
    return {"graphs": len(results), "triples": triples, "s": total, "send_s": sent,
            "triples_per_s": triples / total, "send_triples_per_s": triples / sent if sent else None,
            "union_graph_triples": union, "warnings": warnings}


def bulk_load_virtuoso(files: list[Path], work: Path) -> dict[str, Any]:
    """Export N-Quads (documents, ontology, vocabularies), then ld_dir + rdf_loader_run via isql-vt."""
    import pyoxigraph

    from diplograph.rdfio import bulk_load
    from diplograph.store import store_sources

    load_dir = work / "load"
    load_dir.mkdir(exist_ok=True)
    started = time.perf_counter()
    dataset = pyoxigraph.Store()
    for source in store_sources(files):
        bulk_load(dataset, source.path, source.graph)
    dump = load_dir / "diplograph.nq"
    dataset.dump(str(dump), pyoxigraph.RdfFormat.N_QUADS)
    quads = len(dataset)
    export_s = time.perf_counter() - started
    server = start_virtuoso(work / "virtuoso-bulk", load_dir)
    sql_port = server.sql_port
    try:
        started = time.perf_counter()
        script = (f"ld_dir('{load_dir}', 'diplograph.nq', 'urn:diplograph:unused');\n"
                  "rdf_loader_run();\ncheckpoint;\n")
        subprocess.run(["isql-vt", str(sql_port), "dba", "dba"], input=script.encode(), check=True,
                       capture_output=True, timeout=3600)
        load_s = time.perf_counter() - started
        count = query_count(server.sparql)
    finally:
        stop_process(server.process, 60)
    return {"quads": quads, "export_s": export_s, "load_s": load_s, "triples_per_s": quads / load_s,
            "with_export_triples_per_s": quads / (load_s + export_s), "loaded_triples": count}


def query_count(url: str) -> int:
    from diplograph import endpoint

    _, rows = endpoint.select(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(rows[0][0])


def stored_query_cases(local: Any) -> list[tuple[str, Any, dict]]:
    from rdflib import URIRef

    from diplograph import sparql

    event = sparql.run(sparql.StoredQuery("pick", Path("pick.rq"), """
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        SELECT ?e WHERE { ?e dg:hasParticipant ?who } ORDER BY ?e LIMIT 1""", "", (), ()), local).rows[0][0]
    cases = []
    for query in sparql.stored_queries():
        names = {p.name for p in query.parameters}
        if any(p.required for p in query.parameters) and not names <= {"resource", "event"}:
            continue
        if not any(p.required for p in query.parameters):
            cases.append((query.name, query, {}))
        if "event" in names or "resource" in names:
            bound = {p.variable: URIRef(event) for p in query.parameters if p.name in ("event", "resource")}
            cases.append((query.name + " (one event)", query, bound))
    return cases


TIMEOUT = 30.0  # seconds: the HTTP time limit of one query on a server
BUDGET = 10.0  # seconds: a query slower than this once is not repeated


def p50(run: Any, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(run().rows)
        times.append(time.perf_counter() - started)
        if times[-1] > BUDGET:
            break
    return median(times), rows


def bench_queries(stores: dict[str, Any], repeat: int) -> dict[str, Any]:
    from diplograph import sparql

    table: dict[str, Any] = {}
    for label, query, bound in stored_query_cases(stores["local query store"]):
        entry = {}
        for name, data in stores.items():
            try:
                seconds, rows = p50(lambda q=query, d=data, b=bound: sparql.run(q, d, b), repeat)
                entry[name] = {"p50_s": seconds, "rows": rows}
            except Exception as exc:  # noqa: BLE001 - a store refusing a query is a result too
                timed_out = "timed out" in str(exc).lower() or "timeout" in str(exc).lower()
                entry[name] = {"error": f"> {TIMEOUT:.0f} s" if timed_out else " ".join(str(exc).split())[:200]}
        table[label] = entry
        log(f"{label}: " + ", ".join(f"{k} {v.get('p50_s', float('nan')) * 1000:.0f} ms" for k, v in entry.items()))
    return table


def markdown(result: dict[str, Any]) -> str:
    lines = [BEGIN, f"## Triple stores at {result['triples'] // 1000}k triples (`benchmarks/stores.py`)", "",
             f"{result['documents']} document graphs (the seed replicated, rewritten slugs) plus the ontology and "
             "vocabularies; every server fresh on loopback, two shared cores.", "",
             "| push | triples | s (whole command) | triples/s | triples/s (sending only) |", "|---|---|---|---|---|"]
    for name, push in result["push"].items():
        send = f"{push['send_triples_per_s']:.0f}" if push.get("send_triples_per_s") else "-"
        lines.append(f"| {name} | {push['triples']} | {push['s']:.1f} | {push['triples_per_s']:.0f} | "
                     f"{push.get('note') or send} |")
    bulk = result.get("virtuoso_bulk")
    if bulk:
        lines.append(f"| Virtuoso bulk loader (ld_dir + rdf_loader_run over N-Quads) | {bulk['quads']} | "
                     f"{bulk['load_s'] + bulk['export_s']:.1f} (export {bulk['export_s']:.1f}) | "
                     f"{bulk['with_export_triples_per_s']:.0f} | {bulk['triples_per_s']:.0f} (loading only) |")
    stores = list(next(iter(result["queries"].values())).keys()) if result["queries"] else []
    lines += ["", "Stored queries, p50 of " + str(result["repeat"]) + " runs (ms, through the `query --endpoint` "
              "client for the servers; rows in brackets when a store differs):", "",
              "| query | " + " | ".join(stores) + " |", "|---|" + "---|" * len(stores)]
    for label, entry in result["queries"].items():
        base = entry.get("local query store", {}).get("rows")
        cells = []
        for name in stores:
            item = entry[name]
            if "error" in item:
                cells.append(item["error"] if item["error"].startswith(">") else "error")
                continue
            cell = f"{item['p50_s'] * 1000:.1f}"
            if item["rows"] != base:
                cell += f" ({item['rows']} rows)"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if result.get("note"):
        lines += ["", result["note"]]
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_results(result: dict[str, Any]) -> None:
    (ROOT / "benchmarks" / "stores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    path = ROOT / "benchmarks" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    section = markdown(result)
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--no-bulk", action="store_true", help="skip Virtuoso's bulk loader")
    parser.add_argument("--stores", default="oxigraph,virtuoso", help="which servers (comma-separated)")
    parser.add_argument("--reuse", action="store_true", help="reuse --work's replicated graph/")
    args = parser.parse_args()

    import run as runbench
    from diplograph import endpoint, sparql

    endpoint.select.__defaults__ = (None, TIMEOUT, None)  # a query cut there is reported as an error

    os.environ.setdefault("DIPLOGRAPH_STORE_USER", "dba")
    os.environ.setdefault("DIPLOGRAPH_STORE_PASSWORD", "dba")
    work = args.work or Path(tempfile.mkdtemp(prefix="diplograph-stores-"))
    work.mkdir(parents=True, exist_ok=True)
    which = set(args.stores.split(","))
    trig = work / "graph" / "diplograph.trig"
    if args.reuse and trig.is_file():
        import pyoxigraph

        made = {"triples": sum(1 for _ in pyoxigraph.parse(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)),
                "documents": sum(1 for _ in (work / "graph").glob("*.ttl"))}
    else:
        made = runbench.replicate(ROOT / "graph", args.triples, work)
    files = [work / "graph"]
    log(f"{made['triples']} triples in {made['documents']} documents under {work}")
    result: dict[str, Any] = {"triples": made["triples"], "documents": made["documents"], "repeat": args.repeat,
                              "push": {}}
    processes = []
    try:
        stores: dict[str, Any] = {}
        if "oxigraph" in which:
            ox = start_oxigraph(work / "oxigraph", limit=120)
            processes.append(ox.process)
            result["push"]["Oxigraph server, push --dialect oxigraph"] = timed_push(files, ox.url, "oxigraph")
            log(f"oxigraph push: {result['push']['Oxigraph server, push --dialect oxigraph']}")
            stores["Oxigraph server"] = sparql.load_sources((), "oxigraph", endpoint=ox.sparql)  # its union graph
        if "virtuoso" in which:
            virt = start_virtuoso(work / "virtuoso", work)
            processes.append(virt.process)
            result["push"]["Virtuoso 7.2, push --dialect virtuoso"] = timed_push(files, virt.url, "virtuoso")
            log(f"virtuoso push: {result['push']['Virtuoso 7.2, push --dialect virtuoso']}")
            stores["Virtuoso 7.2"] = sparql.load_sources((), "oxigraph", endpoint=virt.sparql)  # its union graph
        os.chdir(work)
        started = time.perf_counter()
        local = sparql.load_sources((), "oxigraph")  # builds graph/.store/query once
        result["local_store_build_s"] = time.perf_counter() - started
        stores = {"local query store": local, **stores}
        result["queries"] = bench_queries(stores, args.repeat)
    finally:
        for process in processes:
            stop_process(process, 60)
    write_results(result)  # before the bulk loader, which may be cut short
    if not args.no_bulk:
        result["virtuoso_bulk"] = bulk_load_virtuoso(files, work)
        log(f"virtuoso bulk: {result['virtuoso_bulk']}")
        write_results(result)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
