"""Scale runs of the real pipeline: a whole `diplograph build` watched from outside.

    python benchmarks/run.py --scale                      # 300, 1,200 and 10,000 documents
    python benchmarks/run.py --scale --docs 300,1200      # the memory check only
    python benchmarks/run.py --scale --docs 300 --build-only

Each size: generate the corpus (benchmarks/corpus.py, seed 1), run ``diplograph build
--jobs 2 --store`` as a child process (``--store``: the query store filled during the build, as a
large corpus on many cores would run it, so that its loader's memory and the store's size count)
and sample the memory of its whole process tree (the build, its workers, the query store
loader) from /proc every 0.2 s; then, at the largest size,
the sizes on disk, a whole-process ``validate``, the stored queries' p50 on the store the
build made, and ``query`` on the explicit TriG file with a cold and a warm cache store.

Why sample /proc rather than ``getrusage``: the loader is a grandchild of nothing we wait
for directly, and ``ru_maxrss`` of children gives only the largest one, never the tree at
one moment. RSS counts pages shared by forked workers once per process, so the tree is
also given as PSS (each shared page split between its sharers): the memory the tree
really takes.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _children() -> dict[int, list[int]]:
    """ppid -> pids, for every process now."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(root: int) -> list[int]:
    tree = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB of one process (0, 0) if it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        return 0, 0
    return rss, pss


class TreeSampler(threading.Thread):
    """Peak memory of a process and its descendants, sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.2, trace: Path | None = None,
                 progress: Path | None = None) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.trace, self.progress = trace, progress  # every 30 s: memory now and documents done so far
        self.started = time.perf_counter()
        self.stop = threading.Event()
        self.peak = {"root_rss_mb": 0.0, "largest_child_rss_mb": 0.0, "tree_rss_mb": 0.0, "tree_pss_mb": 0.0,
                     "processes": 0}

    def run(self) -> None:
        last = time.perf_counter()
        while not self.stop.is_set():
            pids = _descendants(self.pid)
            sizes = {pid: _memory_kb(pid) for pid in pids}
            root = sizes.get(self.pid, (0, 0))[0]
            children = [rss for pid, (rss, _) in sizes.items() if pid != self.pid]
            now = {"root_rss_mb": root / 1024, "largest_child_rss_mb": max(children, default=0) / 1024,
                   "tree_rss_mb": sum(r for r, _ in sizes.values()) / 1024,
                   "tree_pss_mb": sum(p for _, p in sizes.values()) / 1024,
                   "processes": len([s for s in sizes.values() if s[0]])}
            for key, value in now.items():
                self.peak[key] = max(self.peak[key], value)
            if self.trace is not None and time.perf_counter() - last >= 30:
                last = time.perf_counter()
                done = sum(1 for _ in self.progress.glob("*.json")) if self.progress and self.progress.is_dir() else 0
                with self.trace.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps({"s": round(last - self.started), "docs_done": done, **now,
                                             "peak": dict(self.peak)}) + "\n")
            self.stop.wait(self.interval)


def watched(command: list[str], cwd: Path, trace: Path | None = None, progress: Path | None = None,
            deadline: float | None = None) -> dict[str, Any]:
    """Run ``command`` (niced), return wall time, exit code and the tree's peak memory.

    ``trace``: a JSON line every 30 s (memory now, peak so far, files in ``progress``), so a
    long build that has to be stopped still leaves its curve. ``deadline`` (epoch seconds):
    the run is stopped then (its process group killed) and reported as ``stopped``.
    """
    started = time.perf_counter()
    niced = ["nice", *command] if os.nice(0) == 0 else command  # once: an already niced run stays at its level
    process = subprocess.Popen(niced, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    sampler = TreeSampler(process.pid, trace=trace, progress=progress)
    sampler.start()
    stopped = False
    try:
        _, err = process.communicate(timeout=None if deadline is None else max(1.0, deadline - time.time()))
    except subprocess.TimeoutExpired:
        stopped = True
        os.killpg(process.pid, 9)  # the group of the build we started: it, its workers, its loader
        _, err = process.communicate()
    sampler.stop.set()
    sampler.join()
    done = sum(1 for _ in progress.glob("*.json")) if progress is not None and progress.is_dir() else None
    return {"s": time.perf_counter() - started, "rc": process.returncode, "stopped": stopped, "docs_done": done,
            "stderr_tail": err.decode("utf-8", "replace").strip().splitlines()[-1:], **sampler.peak}


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _exe(name: str = "diplograph") -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


def _summary_triples(tail: list[str]) -> int:
    """Triples from the build's summary line ("diplograph: N documents, T triples, ...")."""
    import re

    found = re.search(r"(\d+) triples", " ".join(tail))
    return int(found.group(1)) if found else 0


def build_at(work: Path, docs: int, jobs: int = 2, deadline: float | None = None) -> dict[str, Any]:
    """A fresh real-pipeline build of ``docs`` generated documents, watched."""
    import corpus

    folder = work / f"scale-{docs}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    log(f"generating {docs} documents")
    corpus.generate(folder / "corpus", docs, seed=1)
    log(f"build {docs} documents --jobs {jobs}")
    command = [_exe(), "build", "--jobs", str(jobs), "--store", "--corpus-dir", "corpus", "--graph-dir", "graph"]
    run = watched(command, folder, trace=work / f"trace-{docs}.jsonl",
                  progress=folder / "graph" / ".cache", deadline=deadline)
    graph = folder / "graph"
    files = list(graph.glob("*.ttl"))
    trig = graph / "diplograph.trig"
    out = {"docs": docs, "jobs": jobs, **run, "docs_per_s": docs / run["s"],
           "graph_mb": _size_mb(graph),  # everything: document files, TriG, .cache, .store
           "trig_mb": _size_mb(trig) if trig.exists() else 0.0,
           "store_mb": _size_mb(graph / ".store" / "query") if (graph / ".store").exists() else 0.0,
           "document_files": len(files), "triples": _summary_triples(run["stderr_tail"])}
    log(f"{docs} docs: {run['s']:.0f} s ({out['docs_per_s']:.2f} docs/s), root {run['root_rss_mb']:.0f} MB, "
        f"largest child {run['largest_child_rss_mb']:.0f} MB, tree RSS {run['tree_rss_mb']:.0f} MB, "
        f"tree PSS {run['tree_pss_mb']:.0f} MB, rc {run['rc']}")
    return out


def after_build(folder: Path, triples: int = 0, qrepeat: int = 5) -> dict[str, Any]:
    """validate, stored queries p50 on the build's store, explicit-file query cold/warm."""
    import run as bench

    graph = folder / "graph"
    out: dict[str, Any] = {}
    out["triples"] = triples or bench._triples(graph / "diplograph.trig")
    log(f"validate ({out['triples']} triples)")
    out["validate"] = watched([_exe(), "validate", "--jobs", "2", "graph"], folder)
    log(f"validate: {out['validate']['s']:.0f} s")
    log("stored queries on the build's store")
    q = bench.bench_queries(folder, f"{folder.name}", qrepeat, False)
    rows = {k: v for k, v in q["queries"].items() if not k.startswith("_")}
    out["queries"] = q
    out["queries_p50_ms"] = statistics.median(v["ours_ms"] for v in rows.values())
    out["queries_max_ms"] = max(v["ours_ms"] for v in rows.values())
    event = q["selective_values"]["event"]
    cache = folder / "xdg-cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [_exe(), "query", "participants", "-p", f"event=<{event}>", "-f", "csv",
               str(graph / "diplograph.trig")]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=folder, env=env, capture_output=True)
        timings.append(time.perf_counter() - started)
        if done.returncode:
            timings.append(float("nan"))
            break
    out["explicit_query"] = {"command": "diplograph query participants -p event=<...> graph/diplograph.trig",
                             "cold_s": timings[0], "warm_s": min(timings[1:]) if len(timings) > 1 else None,
                             "runs": timings, "cache_mb": _size_mb(cache) if cache.exists() else 0.0}
    log(f"explicit TriG query: cold {timings[0]:.1f} s, warm {out['explicit_query']['warm_s']}")
    return out


def scale(work: Path, sizes: list[int], build_only: bool, deadline: float | None = None) -> dict[str, Any]:
    """Builds at every size; the extra measurements at the largest that finished."""
    result: dict[str, Any] = {"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
                              "builds": [], "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for docs in sizes:
        result["builds"].append(build_at(work, docs, deadline=deadline))
    stopped = [b for b in result["builds"] if b.get("stopped") or b["rc"] not in (0, 1)]  # 1: violations
    result["builds"] = [b for b in result["builds"] if b not in stopped]
    if stopped:
        result["stopped"] = stopped
        for b in stopped:
            trace = work / f"trace-{b['docs']}.jsonl"
            if trace.exists():
                b["trace"] = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    if not result["builds"]:
        return result
    if len(sizes) > 1:
        small, large = result["builds"][0], result["builds"][-1]
        result["memory_ratio"] = {key: large[key] / max(small[key], 1e-9)
                                  for key in ("root_rss_mb", "largest_child_rss_mb", "tree_rss_mb", "tree_pss_mb")}
    if not build_only and not stopped:
        largest = max(result["builds"], key=lambda b: b["docs"])
        result["largest"] = {"docs": largest["docs"],
                             **after_build(work / f"scale-{largest['docs']}", largest["triples"])}
    return result


BEGIN, END = "<!-- scale: benchmarks/run.py --scale -->", "<!-- /scale -->"


def projection(result: dict[str, Any], docs: int) -> dict[str, float]:
    """Figures at ``docs`` documents from the slopes between the two largest measured builds.

    Time: a + b*N (b from the two largest builds, so start-up is in a, not in the slope);
    sizes and validation: per document / per triple at the largest size (they are linear).
    """
    builds = sorted(result["builds"], key=lambda b: b["docs"])
    small, large = builds[-2], builds[-1]
    slope = (large["s"] - small["s"]) / (large["docs"] - small["docs"])
    fixed = large["s"] - slope * large["docs"]
    out = {"docs": docs, "build_h": (fixed + slope * docs) / 3600, "core_h": 2 * slope * docs / 3600,
           "docs_per_s": 1 / slope, "graph_gb": large["graph_mb"] / large["docs"] * docs / 1e3,
           "trig_gb": large["trig_mb"] / large["docs"] * docs / 1e3,
           "store_gb": large["store_mb"] / large["docs"] * docs / 1e3,
           "peak_process_gb": max(large["root_rss_mb"], large["largest_child_rss_mb"]) / 1e3}
    extra = result.get("largest")
    if extra:
        measured = extra.get("docs", large["docs"])
        out["triples"] = extra["triples"] / measured * docs
        out["validate_h"] = extra["validate"]["s"] / measured * docs / 3600
    return out


def markdown(result: dict[str, Any]) -> str:
    """The scale section of benchmarks/RESULTS.md."""
    lines = [BEGIN, "## Scale: whole builds on the real pipeline (`python benchmarks/run.py --scale`)", "",
             f"Machine: {result['machine']}, shared with other work (absolute times are noisy). Started "
             f"{result['started']}. Each row: a fresh `diplograph build --jobs 2 --store` of generated documents "
             "(benchmarks/corpus.py, seed 1), its process tree's memory sampled from /proc every 0.2 s. "
             "PSS splits pages shared by forked workers between them (the memory the tree really takes); "
             "RSS counts them once per process.", "",
             "| documents | wall s | docs/s | build process RSS MB | largest child RSS MB | tree RSS MB | "
             "tree PSS MB | graph/ MB (all) | TriG MB | store MB |", "|---|---|---|---|---|---|---|---|---|---|"]
    for b in result["builds"]:
        lines.append(f"| {b['docs']:,} | {b['s']:.0f} | {b['docs_per_s']:.2f} | {b['root_rss_mb']:.0f} | "
                     f"{b['largest_child_rss_mb']:.0f} | {b['tree_rss_mb']:.0f} | {b['tree_pss_mb']:.0f} | "
                     f"{b['graph_mb']:.0f} | {b['trig_mb']:.0f} | {b['store_mb']:.0f} |")
    for b in result.get("stopped", []):
        rate = b["docs_done"] / b["s"] if b.get("docs_done") else 0.0
        how = "stopped" if b.get("stopped") else f"failed ({' '.join(b['stderr_tail'])})"
        lines.append(f"| {b['docs']:,}: **{how}** after {b['s'] / 60:.0f} min with {b.get('docs_done') or 0:,} "
                     f"documents extracted ({rate:.2f} docs/s) | | | {b['root_rss_mb']:.0f} | "
                     f"{b['largest_child_rss_mb']:.0f} | {b['tree_rss_mb']:.0f} | {b['tree_pss_mb']:.0f} | | | |")
    lines.append("")
    for b in result.get("stopped", []):
        if b.get("trace"):
            lines += [f"Memory during the stopped {b['docs']:,}-document build (every 30 s; MB):", "",
                      "| minute | documents done | build process RSS | largest child RSS | tree PSS |",
                      "|---|---|---|---|---|"]
            step = max(1, len(b["trace"]) // 12)
            lines += [f"| {t['s'] / 60:.1f} | {t['docs_done']:,} | {t['root_rss_mb']:.0f} | "
                      f"{t['largest_child_rss_mb']:.0f} | {t['tree_pss_mb']:.0f} |" for t in b["trace"][::step]]
            lines.append("")
    before = result.get("before")
    if before:
        lines += [f"Before: the same run on the earlier code (started {before.get('started', '?')}; same sizes, "
                  "same generator):", "",
                  "| documents | build process RSS MB | largest child RSS MB | tree RSS MB | tree PSS MB |",
                  "|---|---|---|---|---|"]
        lines += [f"| {b['docs']:,} | {b['root_rss_mb']:.0f} | {b['largest_child_rss_mb']:.0f} | "
                  f"{b['tree_rss_mb']:.0f} | {b['tree_pss_mb']:.0f} |" for b in before["builds"]]
        lines.append("")
    by_docs = {b["docs"]: b for b in result["builds"]}
    if 300 in by_docs and 1200 in by_docs:
        a, b = by_docs[300], by_docs[1200]
        ratios = {k: b[k] / max(a[k], 1e-9) for k in ("root_rss_mb", "largest_child_rss_mb", "tree_pss_mb",
                                                       "tree_rss_mb")}
        met = all(v <= 1.25 for v in ratios.values())
        lines += [f"Peak memory at 1,200 / at 300 documents: build process {ratios['root_rss_mb']:.2f}x, largest "
                  f"child {ratios['largest_child_rss_mb']:.2f}x, tree RSS {ratios['tree_rss_mb']:.2f}x, tree PSS "
                  f"{ratios['tree_pss_mb']:.2f}x; goal <= 1.25x: **{'met' if met else 'NOT met'}**.", ""]
    extra = result.get("largest")
    if extra:
        big = {"docs": extra.get("docs", max(b["docs"] for b in result["builds"]))}
        eq = extra["explicit_query"]
        warm = eq["warm_s"]
        lines += [f"### At {big['docs']:,} documents ({extra['triples']:,} triples)", "",
                  f"- `diplograph validate --jobs 2 graph` (whole process): {extra['validate']['s']:.0f} s, "
                  f"peak tree PSS {extra['validate']['tree_pss_mb']:.0f} MB",
                  f"- stored queries on the build's store, `diplograph query` path: p50 over the queries "
                  f"{extra['queries_p50_ms']:.1f} ms, slowest {extra['queries_max_ms']:.0f} ms "
                  f"(each query's own p50 in results: benchmarks/scale.json)",
                  f"- `{eq['command']}`, whole process: first run (builds the cache store) {eq['cold_s']:.1f} s, "
                  f"then {warm:.2f} s with the warm store in $XDG_CACHE_HOME/diplograph ({eq['cache_mb']:.0f} MB); "
                  f"goal <= 1.5 s: **{'met' if warm is not None and warm <= 1.5 else 'NOT met'}**", ""]
    if len(result["builds"]) > 1:
        rows = [projection(result, n) for n in (100_000, 1_000_000)]
        lines += ["### Projection (measured slopes; linear in documents)", "",
                  f"Build slope between the two largest runs: {rows[0]['docs_per_s']:.2f} docs/s on these 2 cores.",
                  "", "| documents | triples | build on this machine | core-hours | graph/ GB | TriG GB | store GB | "
                  "validate | peak per process GB |", "|---|---|---|---|---|---|---|---|---|"]
        for p in rows:
            lines.append(f"| {p['docs']:,} | {p.get('triples', 0) / 1e6:,.0f}M | {p['build_h']:.1f} h | "
                         f"{p['core_h']:.0f} | {p['graph_gb']:.0f} | {p['trig_gb']:.0f} | {p['store_gb']:.0f} | "
                         f"{p.get('validate_h', float('nan')):.1f} h | {p['peak_process_gb']:.1f} |")
        hundred, million = rows
        lines += ["", "What each would need (memory per process is flat, so it is cores and disk that grow):", "",
                  f"- 100,000 documents: one machine, 16 cores (`build --jobs 16`, about "
                  f"{hundred['core_h'] / 16:.0f} h if cores scale as two do here), ~1 GB RAM per worker, "
                  f"{hundred['graph_gb'] * 1.5:.0f} GB of disk (graph/ with its extraction cache, TriG and "
                  "store, and room to rebuild the store).",
                  f"- 1,000,000 documents: `build --shard K/32` on 32 such machines (about "
                  f"{million['core_h'] / (32 * 16):.0f} h each), then `diplograph merge` on one machine with "
                  f"~{million['graph_gb'] * 1.5:.0f} GB of disk; "
                  f"its {million.get('triples', 0) / 1e9:.1f}G triples are for a server store: Virtuoso's bulk "
                  "loader reads the graph files directly.", ""]
    lines.append(END)
    return "\n".join(lines) + "\n"


def place(section: str, results_md: Path) -> None:
    """Put the scale section into RESULTS.md (replacing the previous one), leaving the rest as is."""
    text = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results_md.write_text(text, encoding="utf-8")


def main() -> None:
    """Direct use: ``python benchmarks/scale.py WORK 300,1200 [--build-only] [--out FILE]``."""
    import argparse

    sys.path.insert(0, str(ROOT / "benchmarks"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("docs", help="comma-separated sizes")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--out", type=Path, default=None, help="JSON file (default: stdout)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = scale(args.work, [int(d) for d in args.docs.split(",")], args.build_only)
    text = json.dumps(result, indent=2, sort_keys=True) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)


if __name__ == "__main__":
    main()
