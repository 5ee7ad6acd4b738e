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

The ratio diplograph / bare is the figure issue 15 asks for (goal <= 5x). ``--before SRC``
also times another checkout's ``src`` (e.g. the commit before a change) against the same bare
processes. Results: benchmarks/coldstart.json and the section between the ``coldstart``
markers of benchmarks/RESULTS.md.
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
BEGIN, END = "<!-- coldstart: begin (benchmarks/coldstart.py) -->", "<!-- coldstart: end -->"
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


def measure(src: Path, repeat: int) -> dict[str, dict[str, float]]:
    """{case: {diplograph_s, bare_s, ratio}} for the code under ``src``."""
    sys.path.insert(0, str(ROOT / "src"))
    from diplograph import sparql
    from diplograph.store import ensure_query_store, shipped_sources

    env = dict(os.environ, PYTHONPATH=str(src))
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
    for label, (files, bare_args) in cases.items():
        for fmt in FORMATS:
            ours = timed([sys.executable, "-m", "diplograph.cli", "query", "participants", *files, "-f", fmt],
                         repeat, env)
            bare = timed([sys.executable, "-c", BARE, *bare_args, RESULT_FORMAT[fmt], str(request),
                          *(shipped if bare_args[0] == "file" else [])], repeat, env)
            results[f"{label}, {fmt}"] = {"diplograph_s": ours, "bare_s": bare, "ratio": ours / bare}
            print(f"{src}: {label}, {fmt}: {ours:.3f} s / {bare:.3f} s = {ours / bare:.2f}x", flush=True)
    request.unlink()
    return results


def markdown(data: dict) -> str:
    after, before = data["after"], data.get("before")
    lines = [BEGIN, "## `diplograph query` cold start vs a bare pyoxigraph process (`benchmarks/coldstart.py`)", "",
             "Whole processes, median of " + str(data["repeat"]) + " runs; the bare process opens the same store "
             "(or loads the same file with the ontology and vocabularies) and runs the same request. Goal <= 5x.", "",
             "| input, format | diplograph (s) | bare (s) | ratio | ratio before |", "|---|---|---|---|---|"]
    for case, item in after.items():
        was = f"{before[case]['ratio']:.2f}x" if before and case in before else "-"
        lines.append(f"| {case} | {item['diplograph_s']:.3f} | {item['bare_s']:.3f} | {item['ratio']:.2f}x | {was} |")
    if data.get("note"):
        lines += ["", data["note"]]
    lines.append(END)
    return "\n".join(lines) + "\n"


def place(section: str, results_md: Path) -> None:
    """Put the section into RESULTS.md (replacing the previous one), leaving the rest as is."""
    text = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results_md.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", type=Path, default=None, help="another checkout's src/ to time as well")
    args = parser.parse_args()
    data = {"repeat": args.repeat, "after": measure(ROOT / "src", args.repeat)}
    if args.before is not None:
        data["before"] = measure(args.before, args.repeat)
    (ROOT / "benchmarks" / "coldstart.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    place(markdown(data), ROOT / "benchmarks" / "RESULTS.md")


if __name__ == "__main__":
    main()
