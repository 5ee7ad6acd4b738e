"""Whole-process build cost on real-length texts, against spaCy alone (issue 12, item 5).

    python benchmarks/realtexts.py                 # >= 60 documents, 3 alternating runs each
    python benchmarks/realtexts.py --docs 50 --repeat 1 --out benchmarks/realtexts.json
    python benchmarks/realtexts.py --docs 60 --exact     # exactly 60 documents (the issue's own count)

The documents are the test texts (tests/texts/*.txt: readouts, dispatches, declarations,
encyclopedia articles, speeches; 150-600 words each), every one at least once and copied as
often as needed to reach ``--docs`` (with ``--exact``, exactly ``--docs`` of them, taken evenly
over the sorted texts), with rewritten file names, so every copy is its own document (its slug,
hence every IRI, differs). The ratio depends on the count: both processes pay the same few
seconds of model loading, so more documents weigh the build's per-document extra more. Two whole
processes are timed from start to exit, alternately, on the same files:

* ``diplograph build --jobs 1`` into a fresh graph folder (reading, spaCy, extraction, mapping,
  validation, writing: everything a user waits for, interpreter and model loading included);
* a baseline process that imports spaCy, loads the very pipeline the build uses
  (``diplograph.analyse.load_nlp``: fr_core_news_md plus the entity ruler built from the
  vocabulary) and runs ``nlp.pipe`` over the same bodies (front matter removed).

Both run the package as installed: its modules are byte-compiled first (pip does that when it
installs the wheel). Why: an environment with ``PYTHONDONTWRITEBYTECODE`` set (ours is) makes every
process compile the sources it imports, ~0.1 s of CPU for the ~60 modules a build imports and
almost nothing for the ~10 the baseline imports; no installed ``diplograph`` pays that.

The figure is the ratio of the medians, build / baseline (issue 12's goal: <= 1.25), in CPU
time (user + system of the process and the processes it waited for, such as the store loader of
``build --store``) and in wall time. On a machine shared with other jobs the wall time mostly
measures the wait for a core; the CPU ratio is the steadier one. Not a test: nothing here asserts
a time.

``--store`` also times, in each round, ``build --jobs 1 --store`` (the query store filled during
the build by its loader process) and the first whole ``diplograph query meetings`` after the plain
build (which builds the query store ``build`` no longer fills), so the ratio is given three ways:
the build as users run it, the build with the store, and the plain build plus that first query.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "tests" / "texts"

BASELINE = """
import sys
from pathlib import Path
from diplograph.analyse import load_nlp
from diplograph.reader import read_document
bodies = [read_document(p).text for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = load_nlp()
count = sum(1 for _ in nlp.pipe(bodies, batch_size=8))
assert count == len(bodies)
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def diplograph_exe() -> str:
    """The real console script next to this interpreter (a pyenv shim adds seconds of bash)."""
    exe = Path(sys.executable).with_name("diplograph")
    return str(exe) if exe.exists() else shutil.which("diplograph") or "diplograph"


def make_corpus(folder: Path, docs: int, exact: bool = False) -> list[Path]:
    """``docs`` documents from the test texts, repeated with rewritten file names (slugs): every
    text at least once (more documents than ``docs`` when there are more texts), or with ``exact``
    exactly ``docs``, taken evenly over the sorted texts (so a subset still mixes every style)."""
    texts = sorted(TEXTS.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no texts in {TEXTS}")
    if exact and docs < len(texts):
        texts = [texts[i * len(texts) // docs] for i in range(docs)]
    folder.mkdir(parents=True)
    out = []
    for i in range(docs if exact else max(docs, len(texts))):
        source = texts[i % len(texts)]
        target = folder / f"{source.stem}-copy{i // len(texts):03d}.txt"
        target.write_bytes(source.read_bytes())
        out.append(target)
    return out


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process and the processes it waited for.

    CPU time (user + system, from the kernel's accounting of finished children) is the steadier
    figure on a machine shared with other jobs: waiting for a core is not counted.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1 = some graph violates the shapes (--force writes it)
        raise SystemExit(f"{' '.join(command[:3])} ... failed ({done.returncode}): {done.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def compile_package() -> None:
    """Byte-compile the diplograph package the processes import, as its installation does (see above)."""
    import compileall

    import diplograph

    compileall.compile_dir(Path(diplograph.__file__).parent, quiet=1)


def measure(docs: int, repeat: int, work: Path, store: bool = False,
            exact: bool = False) -> dict[str, object]:
    compile_package()
    corpus = work / "corpus"
    paths = make_corpus(corpus, docs, exact)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    log(f"{len(paths)} documents, {words} words (from {len(set(p.stem.rsplit('-copy', 1)[0] for p in paths))} texts)")
    baseline_cmd = [sys.executable, "-c", BASELINE, str(corpus)]
    builds, baselines, stored, queries = [], [], [], []
    (work / "diplograph.toml").write_text('graph = "graph"\ncorpus = "corpus"\n', encoding="utf-8")  # `query`'s project
    build_cmd = [diplograph_exe(), "build", "--jobs", "1", "--force", "--corpus-dir", str(corpus)]
    for k in range(repeat):
        for name in ("graph", "graph-store"):
            if (work / name).exists():
                shutil.rmtree(work / name)
        baselines.append(run(baseline_cmd, work))
        builds.append(run([*build_cmd, "--graph-dir", str(work / "graph")], work))
        line = (f"run {k + 1}/{repeat}: build {builds[-1][0]:.1f} s wall / {builds[-1][1]:.1f} s CPU, "
                f"spaCy process {baselines[-1][0]:.1f} s wall / {baselines[-1][1]:.1f} s CPU")
        if store:
            queries.append(run([diplograph_exe(), "query", "meetings", "-f", "csv"], work))
            stored.append(run([*build_cmd, "--store", "--graph-dir", str(work / "graph-store")], work))
            line += (f", first query {queries[-1][0]:.1f} s wall / {queries[-1][1]:.1f} s CPU, "
                     f"build --store {stored[-1][0]:.1f} s wall / {stored[-1][1]:.1f} s CPU")
        log(line)
    written = len(list((work / "graph").glob("*.ttl")))
    out: dict[str, object] = {"documents": len(paths), "words": words, "repeat": repeat, "graph_files": written,
                              "goal": 1.25}
    for i, kind in enumerate(("wall", "cpu")):
        build = statistics.median(b[i] for b in builds)
        baseline = statistics.median(b[i] for b in baselines)
        out[kind] = {"build_s": build, "spacy_s": baseline, "ratio": build / baseline,
                     "runs_build_s": [b[i] for b in builds], "runs_spacy_s": [b[i] for b in baselines]}
        if store:
            with_store = statistics.median(b[i] for b in stored)
            first = statistics.median(b[i] for b in queries)
            plus = statistics.median(b[i] + q[i] for b, q in zip(builds, queries, strict=True))
            out[kind].update({"build_store_s": with_store, "ratio_build_store": with_store / baseline,
                              "first_query_s": first, "build_plus_first_query_s": plus,
                              "ratio_build_plus_first_query": plus / baseline,
                              "runs_build_store_s": [b[i] for b in stored],
                              "runs_first_query_s": [b[i] for b in queries]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60, help="documents (>= 50 for the issue's figure)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of each process (median)")
    parser.add_argument("--store", action="store_true",
                        help="also time `build --store` and the first `query` after the plain build")
    parser.add_argument("--exact", action="store_true",
                        help="exactly --docs documents, taken evenly over the texts (default: every text once)")
    parser.add_argument("--out", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-realtexts-") as tmp:
        result = measure(args.docs, args.repeat, Path(tmp), store=args.store, exact=args.exact)
    print(f"documents: {result['documents']} ({result['words']} words), runs: {result['repeat']}")
    for kind in ("cpu", "wall"):
        r = result[kind]
        print(f"{kind:>4}: diplograph build --jobs 1 {r['build_s']:.1f} s, spaCy load + nlp.pipe "
              f"{r['spacy_s']:.1f} s, ratio {r['ratio']:.2f} (goal <= {result['goal']}: "
              f"{'met' if r['ratio'] <= result['goal'] else 'NOT met'})")
        if "build_store_s" in r:
            print(f"{'':>4}  build --store {r['build_store_s']:.1f} s, ratio {r['ratio_build_store']:.2f}; "
                  f"first `query meetings` after the plain build {r['first_query_s']:.1f} s, build + it "
                  f"{r['build_plus_first_query_s']:.1f} s, ratio {r['ratio_build_plus_first_query']:.2f}")
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
