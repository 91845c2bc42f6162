"""The whole build: corpus in, every output file of ``kg build`` out, with timings.

``kg build`` and ``benchmarks/bench_scale.py`` both call :func:`build_outputs`,
so the benchmark measures exactly what users run. The records come from
extraction, or from Parquet tables written earlier (``from_parquet``, e.g.
by a Dask cluster), and can be written as Parquet tables on the way
(``parquet``).
"""
from __future__ import annotations

import contextlib
import csv
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import collector
from kg.atomic import atomic_write
from kg.corpus import read_corpus
from kg.errors import KgError
from kg.runner import CACHE_FILE, ExtractionCache, RunStats, run_extraction

OUTPUT_FILES = ("graph.html", "graph.graphml", "graph.gexf", "graph.json", "papers.csv", "entities.csv",
                "claims.csv", "mentions.csv")


@dataclass
class BuildReport:
    papers: int = 0
    entities: int = 0
    claims: int = 0
    nodes: int = 0
    edges: int = 0
    stats: RunStats = field(default_factory=RunStats)
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds


def build_outputs(inputs: Iterable, out: str | Path, jobs: int = 1, use_cache: bool = True,
                  progress: bool = False, parquet: str | Path | None = None,
                  from_parquet: str | Path | None = None,
                  extractors: Iterable[str] | None = None) -> BuildReport:
    """Extract (or read ``from_parquet``), assemble the graph, and write every output file into ``out``.

    ``parquet`` names a directory to write the extraction records to as
    Parquet tables (see :mod:`kg.tables`) while building; ``extractors``
    chooses the rules, the trained NER model or both.
    """
    from graphs.tables import MENTION_COLUMNS, mention_values
    from kg.graph_builder import GraphBuilder
    from kg.tables import TablesSink, read_records

    if parquet is not None and from_parquet is not None:
        raise KgError("write Parquet tables (parquet) or read them (from_parquet), not both")
    out = Path(out)
    report = BuildReport()
    seconds = report.seconds
    builder = GraphBuilder()
    cache = ExtractionCache(out / CACHE_FILE) if use_cache and from_parquet is None else None
    started = time.perf_counter()
    assembly = writing = mentions = 0.0
    try:
        if from_parquet is not None:
            records = read_records(from_parquet)
        else:
            records = run_extraction(read_corpus(inputs), jobs=jobs, cache=cache, progress=progress,
                                     stats=report.stats, extractors=extractors)
        # mentions.csv (and the tables) are written while extracting, so memory holds the graph, not every mention
        with contextlib.ExitStack() as outputs:
            outputs.enter_context(collector.paused())  # see kg.collector: the graph is millions of live containers
            mentions_file = outputs.enter_context(atomic_write(out / "mentions.csv", "w", encoding="utf-8"))
            sink = outputs.enter_context(TablesSink(parquet, extractors)) if parquet is not None else None
            writer = csv.writer(mentions_file, lineterminator="\n")  # tuples: DictWriter costs a dict per mention
            writer.writerow(MENTION_COLUMNS)
            for record in records:
                tick = time.perf_counter()
                builder.add(record)
                tock = time.perf_counter()
                assembly += tock - tick
                if sink is not None:
                    sink.write(record)
                    writing += time.perf_counter() - tock
                tock = time.perf_counter()
                writer.writerows(mention_values(record))
                mentions += time.perf_counter() - tock
            tick = time.perf_counter()
            graph = builder.finish()  # with the sources of papers repeated after they were added
            report.papers = sum(1 for _, kind in graph.nodes(data="kind") if kind == "Paper")
            if report.papers == 0:
                raise KgError("the input holds no papers with an abstract; nothing to build")
        if parquet is not None:
            writing += time.perf_counter() - tick  # closing the sink writes the last row groups and the manifest
    finally:
        if cache is not None:
            cache.close()
    reading = "read parquet" if from_parquet is not None else "extraction"
    seconds[reading] = time.perf_counter() - started - assembly - writing - mentions
    seconds["assembly"] = assembly
    seconds["mentions.csv"] = mentions  # an export, written as the records stream by (200 MB at 62k abstracts)
    if parquet is not None:
        seconds["parquet"] = writing

    def timed(step: str, action):
        tick = time.perf_counter()
        result = action()
        seconds[step] = time.perf_counter() - tick
        return result

    with collector.frozen():  # the graph, built, is not walked by the collections the exports cause
        _write_views(graph, out, timed)
    report.claims = sum(1 for _, kind in graph.nodes(data="kind") if kind == "Claim")
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    report.entities = report.nodes - report.papers - report.claims
    seconds["total"] = time.perf_counter() - started
    return report


def _write_views(graph, out: Path, timed) -> None:
    """Every file drawn from the graph: layout first, since GraphML, GEXF and the HTML view show its positions."""
    from graphs.gexf import write_gexf
    from graphs.graphml import gephi_ready, write_graphml
    from graphs.html import write_html
    from graphs.layout import compute_layout
    from graphs.tables import write_tables
    from graphs.views import overview
    from kg.persist import GRAPH_FILE, save_graph

    view, note = overview(graph)
    positions = timed("layout", lambda: compute_layout(graph, backbone=view))  # the view keeps these positions
    timed("graph.json", lambda: save_graph(graph, out / GRAPH_FILE))
    ready = timed("export values", lambda: gephi_ready(graph, positions))  # shared by GraphML and GEXF
    timed("graph.graphml", lambda: write_graphml(ready, out / "graph.graphml", ready=True))
    timed("graph.gexf", lambda: write_gexf(ready, out / "graph.gexf", ready=True))
    del ready
    timed("graph.html", lambda: write_html(view, out / "graph.html", note=note, positions=positions))
    timed("csv tables", lambda: write_tables(graph, out))
