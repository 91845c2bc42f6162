"""Extraction on a Dask distributed cluster: one task per shard of papers, one Parquet part per task.

The client reads the corpus (so bad input is reported as on one machine,
naming the file and record, and repeated papers are dropped across the
whole corpus), cuts it into shards of ``shard_size`` papers and submits
shard ``k`` as a task that extracts its papers and writes part ``k`` of every
table (:mod:`kg.tables`) straight into the output directory. Only row
counts travel back. At most a few shards per worker thread are in flight,
so the client's memory follows the shards in flight, not the corpus.
When every shard is done, the client writes the manifest, and the
directory reads as the tables a single process would have written:
``kg build --from-parquet DIR`` assembles the graph from it.

Workers need this package installed (``pip install kg`` from this
repository, the same version as the client: each shard reports its
extractor fingerprint and a mismatch is an error) and the output directory
at the same path as the client (a shared filesystem).
"""
from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.schema import Paper
from kg.tables import LateSources, TablesSummary, TablesWriter, part_name, prepare_directory, write_manifest

log = logging.getLogger("kg")
#: Papers per task: big enough that a task's overhead (~10 ms) is noise next to its
#: extraction (~2 s at ~250 papers/s per core), small enough to spread over many workers.
DEFAULT_SHARD_SIZE = 500
#: Shards in flight per worker thread: keeps every worker busy while bounding client memory.
IN_FLIGHT_PER_THREAD = 2


@dataclass
class ShardResult:
    index: int
    rows: dict[str, int]
    fingerprint: str
    seconds: float


def extract_shard(index: int, papers: list[Paper], directory: str,
                  extractors: tuple[str, ...] | None = None) -> ShardResult:
    """The task: extract one shard and write it as part ``index`` of every table (runs on a worker)."""
    from extractors.pipeline import extract_records
    from kg.runner import extractor_fingerprint

    started = time.perf_counter()
    with TablesWriter(directory, index) as writer:
        for record in extract_records(papers, extractors=extractors):
            writer.write(record)
    return ShardResult(index, writer.rows, extractor_fingerprint(extractors), time.perf_counter() - started)


def shards(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    """Consecutive lists of ``size`` papers (the last may be shorter).

    >>> [len(s) for s in shards(range(7), 3)]
    [3, 3, 1]
    """
    iterator = iter(papers)
    while shard := list(itertools.islice(iterator, size)):
        yield shard


def connect(address: str, timeout: str = "30s") -> Any:
    """A client of the scheduler at ``address``; ``local`` or ``local:N`` starts a cluster of N worker processes here."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--dask needs Dask distributed: pip install 'kg[scale]' (or 'dask[distributed]')") from None
    logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines would drown kg's one-line report
    if address == "local" or address.startswith("local:"):
        workers = int(address.partition(":")[2] or 0) or None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
        client._kg_cluster = cluster  # closed with the client by close()
        return client
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def close(client: Any) -> None:
    cluster = getattr(client, "_kg_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def extract_on_dask(papers: Iterable[Paper], directory: str | Path, client: Any,
                    shard_size: int = DEFAULT_SHARD_SIZE, progress: bool = False,
                    extractors: Iterable[str] | None = None) -> TablesSummary:
    """Extract ``papers`` on the cluster behind ``client`` into the tables directory ``directory``."""
    from extractors.pipeline import parse_extractors

    from dask.distributed import as_completed

    from kg.runner import _progress_bar, extractor_fingerprint

    chosen = parse_extractors(extractors)
    if shard_size < 1:
        raise KgError(f"shard size must be at least 1 (got {shard_size})")
    directory = prepare_directory(Path(directory).resolve())
    threads = max(1, sum(client.nthreads().values()))
    window = IN_FLIGHT_PER_THREAD * threads
    late = LateSources()
    results: dict[int, ShardResult] = {}
    first_source: dict[int, str] = {}
    bar = _progress_bar(progress)
    pending = as_completed()
    in_flight: dict[str, int] = {}  # future key -> shard index

    def collect(future: Any) -> None:
        index = in_flight.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # a worker's error, re-raised here
            raise KgError(f"shard {index} (papers from {first_source[index]}) failed on the cluster: "
                          f"{type(exc).__name__}: {exc}") from exc
        results[index] = result
        if bar is not None:
            bar.update(result.rows["papers"])

    try:
        for index, shard in enumerate(shards(papers, shard_size)):
            for paper in shard:
                late.track(paper, index)
            first_source[index] = (shard[0].sources or [shard[0].id])[0]
            future = client.submit(extract_shard, index, shard, str(directory), chosen, pure=False)
            in_flight[future.key] = index
            pending.add(future)
            while pending.count() >= window:
                collect(next(pending))
        for future in pending:
            collect(future)
    except BaseException:
        client.cancel(list(pending.futures))
        raise
    finally:
        if bar is not None:
            bar.close()
    fingerprint = extractor_fingerprint(chosen)
    for result in results.values():
        if result.fingerprint != fingerprint:
            raise KgError(f"shard {result.index} was extracted by a different version of the extractors than this "
                          "client's; install this kg on every worker")
    late.apply(directory)
    summary = TablesSummary(directory, [part_name(i) for i in sorted(results)], fingerprint=fingerprint)
    for result in results.values():
        for name, count in result.rows.items():
            summary.rows[name] += count
    write_manifest(summary)
    return summary
