"""The full build at scale: 1,000, 10,000 and all abstracts of the shared arXiv corpus.

For each size, a cold build (no cache) with all cores, exactly as ``kg build``
runs it, printing papers/s for extraction, seconds for graph assembly and for
each export, node and edge counts, output sizes and peak memory (this
process and its workers). Then the incremental case: the full corpus is
built once without its last 1,000 papers, and again with them; the second
run extracts only the new papers.

    python benchmarks/bench_scale.py [--corpus ../shared/corpus/arxiv-cs-2025.jsonl.gz] [--sizes 1000,10000,0]

(a size of 0 means the whole corpus). Each size runs in a fresh process so
peak memory is its own.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def write_subset(corpus: Path, n: int, skip_last: int, target: Path) -> int:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    if n:
        lines = lines[:n]
    if skip_last:
        lines = lines[:-skip_last]
    target.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def one_build(inputs: Path, out: Path, use_cache: bool) -> dict:
    from kg.build_outputs import OUTPUT_FILES, build_outputs
    from kg.runner import default_jobs

    started = time.perf_counter()
    report = build_outputs([inputs], out, jobs=default_jobs(), use_cache=use_cache)
    wall = time.perf_counter() - started
    return {
        "papers": report.papers, "nodes": report.nodes, "edges": report.edges, "claims": report.claims,
        "extracted": report.stats.extracted, "reused": report.stats.reused, "seconds": report.seconds,
        "wall": wall, "peak_mib": peak_mib(),
        "sizes_mb": {name: round((out / name).stat().st_size / 1e6, 1) for name in OUTPUT_FILES},
    }


def report_line(name: str, result: dict) -> str:
    s = result["seconds"]
    rate = result["extracted"] / s["extraction"] if s["extraction"] and result["extracted"] else 0
    exports = ", ".join(f"{k} {v:.1f}" for k, v in s.items() if k not in ("extraction", "assembly", "total"))
    sizes = ", ".join(f"{k} {v}" for k, v in result["sizes_mb"].items())
    return (f"{name}: {result['papers']} papers ({result['extracted']} extracted, {result['reused']} reused) | "
            f"extraction {s['extraction']:.1f} s = {rate:.0f} papers/s | assembly {s['assembly']:.1f} s | "
            f"exports (s): {exports} | total {result['wall']:.1f} s | peak {result['peak_mib']:.0f} MiB | "
            f"{result['nodes']} nodes, {result['edges']} edges, {result['claims']} claims | MB: {sizes}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/arxiv-cs-2025.jsonl.gz"))
    parser.add_argument("--sizes", default="1000,10000,0")
    parser.add_argument("--child", nargs=3, metavar=("INPUT", "OUT", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = one_build(Path(args.child[0]), Path(args.child[1]), args.child[2] == "cache")
        print(json.dumps(result))
        return 0
    work = Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    corpus = Path(args.corpus)

    def child(inputs: Path, out: Path, cache: bool) -> dict:
        done = subprocess.run([sys.executable, __file__, "--child", str(inputs), str(out), "cache" if cache else "-"],
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    for size in (int(x) for x in args.sizes.split(",")):
        subset = work / f"corpus-{size or 'all'}.jsonl"
        n = write_subset(corpus, size, 0, subset)
        print(report_line(f"cold {n}", child(subset, work / f"out-{n}", cache=False)), flush=True)
    full = work / "corpus-all.jsonl"
    n_all = write_subset(corpus, 0, 0, full)
    older = work / "corpus-older.jsonl"
    write_subset(corpus, 0, 1000, older)
    out = work / "out-incremental"
    print(report_line(f"cached build of {n_all - 1000}", child(older, out, cache=True)), flush=True)
    print(report_line(f"incremental +1000 -> {n_all}", child(full, out, cache=True)), flush=True)
    print(f"outputs in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
