"""Where the end of a build spends memory: each step after the documents, alone, on a built graph/.

    python benchmarks/build_phases.py GRAPH_DIR [GRAPH_DIR ...]     # e.g. the folders of a --scale run

For each folder of document graphs (``diplograph build`` output), in this process, one step at a
time with its peak RSS sampled every 20 ms (and the loader's, for the store steps):

* ``held``: the corpus graph as the build made it before issue 17 (every report and corpus
  event held, all corpus triples as rdflib terms, serialised as one string:
  :func:`diplograph.corpus.identify_files`, :func:`diplograph.corpus_rdf.corpus_triples`,
  :func:`diplograph.serialize.to_turtle`), then that string given to the query store loader as
  one graph;
* ``streamed``: what the build does now (:func:`diplograph.build.corpus_graph`: spilled blocks,
  one event written at a time, the loader fed in batches as it is written);
* the dataset file assembled from the graph files (:func:`diplograph.dataset.write_dataset`).

Each variant runs in a fresh child process, so one's heap does not inflate the other's peak.
The two corpus graphs are compared byte for byte. Output: a JSON line per folder and step.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE / 2**20


class Peak(threading.Thread):
    """Peak RSS of this process (and of ``pids``) while a step runs."""

    def __init__(self, pids: list[int] | None = None) -> None:
        super().__init__(daemon=True)
        self.pids, self.peak, self.child, self.running = pids or [], 0.0, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, _rss_mb())
            for pid in self.pids:
                try:
                    self.child = max(self.child, _rss_mb(pid))
                except OSError:
                    pass
            time.sleep(0.02)


def _step(name: str, work: object, pids: list[int] | None = None) -> dict[str, float | str]:
    base = _rss_mb()
    sampler = Peak(pids)
    sampler.start()
    started = time.perf_counter()
    work()  # type: ignore[operator]
    sampler.running = False
    sampler.join()
    return {"step": name, "s": round(time.perf_counter() - started, 2), "base_mb": round(base),
            "peak_mb": round(sampler.peak), "loader_mb": round(sampler.child)}


def child(graph: Path, variant: str, out: Path) -> None:
    """One variant on one folder, in this (fresh) process; prints one JSON line per step."""
    from diplograph import build as b
    from diplograph.dataset import write_dataset
    from diplograph.rdfio import generated_files
    from diplograph.serialize import GENERATED_MARK, prefix_header
    from diplograph.store_loader import QueryStoreBuilder

    files = [path for slug, path in sorted(generated_files(graph).items()) if slug != b.CORPUS_SLUG]
    with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
        builder = QueryStoreBuilder(Path(scratch), prefix_header())
        pids = [builder.process.pid] if builder.process is not None else []
        name = b.graph_iri(b.CORPUS_SLUG)
        if variant == "held":
            from diplograph.corpus import identify_files
            from diplograph.corpus_rdf import corpus_triples
            from diplograph.serialize import to_turtle

            def held() -> None:
                text = to_turtle(corpus_triples(identify_files(files)), header_comment=GENERATED_MARK)
                out.write_text(text, encoding="utf-8")
                builder.add(name, text[len(GENERATED_MARK + "\n" + prefix_header()):].lstrip("\n"))
                builder.seal()
                builder._close()
            steps = [_step("corpus graph + store (held)", held, pids)]
        else:
            def streamed() -> None:
                builder.add(name, "")
                b.corpus_graph(files, Path(scratch), out, on_chunk=lambda body: builder.add(name, body))
                builder.seal()
                builder._close()
            steps = [_step("corpus graph + store (streamed)", streamed, pids)]
            dataset = Path(scratch) / "diplograph.trig"
            listed = [*[(path.stem, path) for path in files], (b.CORPUS_SLUG, out)]
            steps.append(_step("dataset file", lambda: write_dataset(dataset, listed)))
        builder.discard()
    for step in steps:
        print(json.dumps({"docs": len(files), "variant": variant, **step}), flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
        return
    for folder in sys.argv[1:]:
        graph = Path(folder)
        with tempfile.TemporaryDirectory(prefix="phases-") as tmp:
            texts = {}
            for variant in ("held", "streamed"):
                out = Path(tmp) / f"{variant}.ttl"
                subprocess.run(["nice", sys.executable, __file__, "--child", str(graph), variant, str(out)],
                               check=True)
                texts[variant] = out.read_bytes()
            print(json.dumps({"graph": str(graph), "same_bytes": texts["held"] == texts["streamed"]}), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
