"""Cold start of `diplograph query` against a bare pyoxigraph process doing the same work.

    python benchmarks/coldstart.py [--repeat 7] [--src PATH]

For each output format and two inputs, the median wall time of whole processes:

* ``diplograph query participants -f FMT`` on graph/ (the persistent query store), against a bare
  Python that imports pyoxigraph, opens the same store read-only, runs the very request
  ``diplograph query`` sends (:func:`diplograph.sparql.oxigraph_request`) and writes the answer
  with pyoxigraph's own W3C serialiser (CSV for ``table``);
* the same on an explicit file (``tests/data/kremlin-meeting.ttl``): the bare process loads
  that file and the shipped ontology and vocabularies into memory, copies the union into the
  default graph (what diplograph does), and queries.

The ratio diplograph / bare is the figure issue 15 asks for (goal <= 5x). ``--src`` runs
another checkout's code (e.g. the commit before a change) for a before/after comparison.
Results on stdout (markdown) and in benchmarks/coldstart.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("table", "csv", "tsv", "json", "xml")
RESULT_FORMAT = {"table": "CSV", "csv": "CSV", "tsv": "TSV", "json": "JSON", "xml": "XML"}
BARE = """
import sys
import pyoxigraph
kind, target, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(sys.argv[4], encoding="utf-8").read()
if kind == "store":
    store = pyoxigraph.Store.read_only(target)
else:
    store = pyoxigraph.Store()
    store.bulk_load(path=target, format=pyoxigraph.RdfFormat.TURTLE,
                    to_graph=pyoxigraph.NamedNode("https://w3id.org/diplograph/graph/kremlin-meeting"))
    for graph, path in zip(sys.argv[5::2], sys.argv[6::2]):
        store.bulk_load(path=path, format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode(graph))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
answer = store.query(text)
sys.stdout.buffer.write(answer.serialize(format=getattr(pyoxigraph.QueryResultsFormat, fmt)))
"""


def timed(command: list[str], repeat: int, env: dict[str, str]) -> float:
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)  # warm caches, build stores
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
        runs.append(time.perf_counter() - started)
    return median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the diplograph code to time")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from diplograph import sparql
    from diplograph.store import ensure_query_store, shipped_sources

    env = dict(os.environ, PYTHONPATH=str(args.src))
    query = sparql.resolve_query("participants")
    text, _ = sparql.oxigraph_request(query, {})
    request = ROOT / "benchmarks" / ".coldstart.rq"
    request.write_text(text, encoding="utf-8")
    store = ensure_query_store(ROOT / "graph").path
    kremlin = ROOT / "tests" / "data" / "kremlin-meeting.ttl"
    shipped = [item for source in shipped_sources() for item in (source.graph, str(source.path))]
    cases = {"query store (graph/)": ([], ["store", str(store)]),
             "explicit file": ([str(kremlin)], ["file", str(kremlin)])}
    results = {}
    print("| input | format | diplograph query (s) | bare pyoxigraph (s) | ratio |\n|---|---|---|---|---|")
    for label, (files, bare_args) in cases.items():
        for fmt in FORMATS:
            ours = timed([sys.executable, "-m", "diplograph.cli", "query", "participants", *files, "-f", fmt],
                         args.repeat, env)
            bare = timed([sys.executable, "-c", BARE, *bare_args, RESULT_FORMAT[fmt], str(request),
                          *(shipped if bare_args[0] == "file" else [])], args.repeat, env)
            results[f"{label}, {fmt}"] = {"diplograph_s": ours, "bare_s": bare, "ratio": ours / bare}
            print(f"| {label} | {fmt} | {ours:.3f} | {bare:.3f} | {ours / bare:.2f}x |", flush=True)
    request.unlink()
    out = ROOT / "benchmarks" / "coldstart.json"
    out.write_text(json.dumps({"src": str(args.src), "repeat": args.repeat, "results": results}, indent=2) + "\n",
                   encoding="utf-8")


if __name__ == "__main__":
    main()
