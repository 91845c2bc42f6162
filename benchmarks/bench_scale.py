"""The full build at scale: 1,000, 10,000 and all abstracts of the shared arXiv corpus.

For each size, a cold build (no cache) with all cores, exactly as ``kg build``
runs it, printing papers/s for extraction, seconds for graph assembly and for
each export, node and edge counts, output sizes and peak memory (this
process and its workers). Then the incremental case: the full corpus is
built once without its last 1,000 papers, and again with them; the second
run extracts only the new papers.

The cold build also writes the Parquet tables (``kg build --parquet``; their
writing time and sizes are reported on their own), and a second process
assembles the graph from those tables alone (``kg.tables.read_records`` into
the graph builder), reporting read and assembly time, peak memory and the
node and edge counts, which must equal the cold build's. With ``--dask
ADDRESS`` (``local:2`` starts a LocalCluster of two worker processes), each
size is also extracted on that cluster into Parquet shards and assembled
from them.

    python benchmarks/bench_scale.py [--corpus ../shared/corpus/arxiv-cs-2025.jsonl.gz] [--sizes 1000,10000,0]
                                     [--no-incremental] [--dask local:2] [--shard-size 500]

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


def one_build(inputs: Path, out: Path, use_cache: bool, parquet: Path | None = None) -> dict:
    from kg.build_outputs import OUTPUT_FILES, build_outputs
    from kg.runner import default_jobs
    from kg.tables import read_manifest

    started = time.perf_counter()
    report = build_outputs([inputs], out, jobs=default_jobs(), use_cache=use_cache, parquet=parquet)
    wall = time.perf_counter() - started
    sizes = {name: round((out / name).stat().st_size / 1e6, 1) for name in OUTPUT_FILES}
    if parquet is not None:
        sizes.update({f"{name}.parquet": round(size / 1e6, 1) for name, size in read_manifest(parquet).sizes().items()})
    return {
        "papers": report.papers, "nodes": report.nodes, "edges": report.edges, "claims": report.claims,
        "extracted": report.stats.extracted, "reused": report.stats.reused, "seconds": report.seconds,
        "wall": wall, "peak_mib": peak_mib(), "sizes_mb": sizes,
    }


def assemble_from_tables(tables: Path) -> dict:
    """The graph from Parquet tables alone: read time and assembly time measured apart."""
    from kg.graph_builder import GraphBuilder
    from kg.tables import read_records

    builder = GraphBuilder()
    reading = assembly = 0.0
    records = read_records(tables)
    tick = time.perf_counter()
    for record in records:
        tock = time.perf_counter()
        reading += tock - tick
        builder.add(record)
        tick = time.perf_counter()
        assembly += tick - tock
    graph = builder.finish()
    papers = sum(1 for _, kind in graph.nodes(data="kind") if kind == "Paper")
    return {"papers": papers, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "read": reading, "assembly": assembly, "peak_mib": peak_mib()}


def dask_extract(inputs: Path, tables: Path, address: str, shard_size: int) -> dict:
    from kg.corpus import read_corpus
    from kg.dask_extract import close, connect, extract_on_dask

    client = connect(address)
    try:
        workers = len(client.scheduler_info()["workers"])
        started = time.perf_counter()
        summary = extract_on_dask(read_corpus([inputs]), tables, client, shard_size=shard_size)
        seconds = time.perf_counter() - started
    finally:
        close(client)
    return {"papers": summary.rows["papers"], "seconds": seconds, "shards": len(summary.parts), "workers": workers,
            "mb": round(sum(summary.sizes().values()) / 1e6, 1)}


def report_line(name: str, result: dict) -> str:
    s = result["seconds"]
    rate = result["extracted"] / s["extraction"] if s["extraction"] and result["extracted"] else 0
    exports = ", ".join(f"{k} {v:.1f}" for k, v in s.items()
                        if k not in ("extraction", "assembly", "total", "parquet"))
    tables = f" | parquet tables written in {s['parquet']:.1f} s" if "parquet" in s else ""
    sizes = ", ".join(f"{k} {v}" for k, v in result["sizes_mb"].items())
    return (f"{name}: {result['papers']} papers ({result['extracted']} extracted, {result['reused']} reused) | "
            f"extraction {s['extraction']:.1f} s = {rate:.0f} papers/s | assembly {s['assembly']:.1f} s{tables} | "
            f"exports (s): {exports} | total {result['wall']:.1f} s | peak {result['peak_mib']:.0f} MiB | "
            f"{result['nodes']} nodes, {result['edges']} edges, {result['claims']} claims | MB: {sizes}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/arxiv-cs-2025.jsonl.gz"))
    parser.add_argument("--sizes", default="1000,10000,0")
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental re-run")
    parser.add_argument("--dask", metavar="ADDRESS", help="also extract each size on this Dask cluster (local:2)")
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, *rest = args.child
        if step == "build":
            result = one_build(Path(rest[0]), Path(rest[1]), rest[2] == "cache", Path(rest[3]) if rest[3:] else None)
        elif step == "assemble":
            result = assemble_from_tables(Path(rest[0]))
        else:
            result = dask_extract(Path(rest[0]), Path(rest[1]), rest[2], int(rest[3]))
        print(json.dumps(result))
        return 0
    work = Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))
    corpus = Path(args.corpus)

    def run(*arguments: object) -> dict:
        done = subprocess.run([sys.executable, __file__, "--child", *map(str, arguments)],
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def child(inputs: Path, out: Path, cache: bool, *parquet: Path) -> dict:
        return run("build", inputs, out, "cache" if cache else "-", *parquet)

    def assembled(name: str, tables: Path, cold: dict) -> str:
        result = run("assemble", tables)
        same = (result["nodes"], result["edges"]) == (cold["nodes"], cold["edges"])
        return (f"{name}: {result['papers']} papers | read {result['read']:.1f} s + assembly "
                f"{result['assembly']:.1f} s | peak {result['peak_mib']:.0f} MiB | {result['nodes']} nodes, "
                f"{result['edges']} edges ({'equal to' if same else 'DIFFERENT FROM'} the cold build)")

    for size in (int(x) for x in args.sizes.split(",")):
        subset = work / f"corpus-{size or 'all'}.jsonl"
        n = write_subset(corpus, size, 0, subset)
        tables = work / f"out-{n}" / "tables"
        cold = child(subset, work / f"out-{n}", False, tables)
        print(report_line(f"cold {n}", cold), flush=True)
        print(assembled(f"graph from Parquet tables, {n}", tables, cold), flush=True)
        if args.dask:
            shards = work / f"dask-{n}"
            result = run("dask", subset, shards, args.dask, args.shard_size)
            print(f"dask {args.dask}, {n}: {result['papers']} papers in {result['shards']} shards on "
                  f"{result['workers']} workers: {result['seconds']:.1f} s = "
                  f"{result['papers'] / result['seconds']:.0f} papers/s | tables {result['mb']} MB", flush=True)
            print(assembled(f"graph from Dask shards, {n}", shards, cold), flush=True)
    if args.no_incremental:
        print(f"outputs in {work}")
        return 0
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
