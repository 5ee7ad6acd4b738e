"""SHACL cost per document, this checkout against another revision, on the same documents.

The lightest way to re-measure the "SHACL" row of the stage table in RESULTS.md
(``validate_graph(triples, turtle=...)`` per document, as ``benchmarks/run.py`` times it)
without the whole benchmark run: the documents of ``benchmarks/corpus.py`` are extracted and
mapped once by this checkout, then validated by this checkout and by ``--against REV``
(``git archive`` of that revision's src/, ontology/ and queries/ in a temporary folder),
alternately, in fresh processes. Figures are CPU time (``time.process_time``), which stays
steady on a shared machine where wall time does not; min and median of ``--repeat`` passes.

    python benchmarks/shacl_cost.py --against bab47ff --docs 24 --rounds 3
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TIMER = """
import pickle, statistics, sys, time
from diplograph.check import validate_graph, warm_validation
triples, texts = pickle.load(open(sys.argv[1], "rb"))
warm_validation()
runs = []
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    for t, x in zip(triples, texts):
        validate_graph(t, turtle=x)
    runs.append((time.process_time() - started) * 1000 / len(triples))
print(min(runs), statistics.median(runs))
"""


def prepare(docs: int, out: Path) -> None:
    """Extract and map ``docs`` generated documents once; pickle (triples, Turtle) per document."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus
    from diplograph.extract import extract_many
    from diplograph.mapper import to_triples
    from diplograph.processing import document_turtle
    from diplograph.reader import read_document

    paths = sorted(corpus.generate(out.parent / "corpus", docs, seed=11))[:docs]
    triples = [to_triples(d) for d in extract_many([read_document(p) for p in paths])]
    with out.open("wb") as handle:
        pickle.dump((triples, [document_turtle(t) for t in triples]), handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default=None, help="git revision to compare with (default: none)")
    parser.add_argument("--docs", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the documents per process")
    parser.add_argument("--rounds", type=int, default=3, help="alternating processes per revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-shacl-") as scratch:
        work = Path(scratch)
        data = work / "docs.pkl"
        prepare(args.docs, data)
        sources = {"this checkout": str(ROOT / "src")}
        if args.against:
            base = work / "base"
            base.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "src", "ontology", "queries"],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
            sources[args.against] = str(base / "src")
        figures: dict[str, list[tuple[float, float]]] = {name: [] for name in sources}
        for _ in range(args.rounds):
            for name, src in sources.items():
                out = subprocess.run([sys.executable, "-c", TIMER, str(data), str(args.repeat)], check=True,
                                     capture_output=True, text=True, env={"PYTHONPATH": src, "PATH": ""}).stdout
                low, middle = map(float, out.split())
                figures[name].append((low, middle))
        for name, runs in figures.items():
            print(f"{name:>16}: min {min(r[0] for r in runs):.2f}  median {statistics.median(r[1] for r in runs):.2f}"
                  f" ms/doc (CPU, {args.docs} documents)")


if __name__ == "__main__":
    main()
