"""Cross-document identity at scale: its time against the build's, at a few corpus sizes.

    python benchmarks/identity.py --docs 2000 --sizes 250,500,1000,2000

Generates ``--docs`` synthetic documents (benchmarks/corpus.py, seed 1), builds them once with the
real pipeline (``diplograph build --jobs 2``, timed; identity runs inside it), then times identity
alone (:func:`diplograph.build.corpus_graph` without its block cache: every block examined, the
worst case) on the first N document graphs for each N of ``--sizes``, median of 3. The slope is
fitted on log(time) against log(reports): 1.0 is linear. The build's share is identity's time at
the full size over the build's wall time. Results go to benchmarks/identity.json and stdout.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "identity")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate
    from diplograph.corpus import IdentityStats
    from diplograph.corpus_rdf import corpus_turtle

    corpus, graph = args.out / "corpus", args.out / "graph"
    if not corpus.is_dir() or len(list(corpus.glob("*.md"))) + len(list(corpus.glob("*.txt"))) != args.docs:
        generate(corpus, args.docs, 1)
    started = time.perf_counter()
    command = str(Path(sys.executable).parent / "diplograph")
    subprocess.run([command, "build", "--jobs", "2", "--corpus-dir", str(corpus), "--graph-dir", str(graph)],
                   check=True)
    build_seconds = time.perf_counter() - started
    files = sorted(p for p in graph.glob("*.ttl") if not p.name.startswith("_"))
    rows = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        subset = files[:size]
        times = []
        stats = IdentityStats()
        for _ in range(3):
            stats = IdentityStats()
            begin = time.perf_counter()
            corpus_turtle(subset, stats=stats)
            times.append(time.perf_counter() - begin)
        rows.append({"documents": len(subset), "reports": stats.reports, "blocks": stats.blocks,
                     "pairs": stats.pairs, "seconds": round(statistics.median(times), 3)})
        print(rows[-1], file=sys.stderr)
    xs = [math.log(r["reports"]) for r in rows]
    ys = [math.log(r["seconds"]) for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    result = {"build_documents": len(files), "build_seconds": round(build_seconds, 1), "sizes": rows,
              "slope": round(slope, 2), "share_of_build": round(rows[-1]["seconds"] / build_seconds, 4)}
    (ROOT / "benchmarks" / "identity.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
