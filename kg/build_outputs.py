"""The whole build: corpus in, every output file of ``kg build`` out, with timings.

``kg build`` and ``benchmarks/bench_scale.py`` both call :func:`build_outputs`,
so the benchmark measures exactly what users run.
"""
from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
                  progress: bool = False, extractors: Iterable[str] = ("rules", "ner")) -> BuildReport:
    """Extract, assemble the graph, and write every output file into ``out``."""
    from graphs.gexf import write_gexf
    from graphs.graphml import gephi_ready, write_graphml
    from graphs.html import write_html
    from graphs.layout import compute_layout
    from graphs.tables import MENTION_COLUMNS, mention_rows, write_tables
    from graphs.views import overview
    from kg.graph_builder import GraphBuilder
    from kg.persist import GRAPH_FILE, save_graph

    out = Path(out)
    report = BuildReport()
    seconds = report.seconds
    builder = GraphBuilder()
    cache = ExtractionCache(out / CACHE_FILE) if use_cache else None
    started = time.perf_counter()
    assembly = 0.0
    try:
        # mentions.csv is written while extracting, so memory holds the graph, not every mention
        with atomic_write(out / "mentions.csv", "w", encoding="utf-8") as mentions_file:
            writer = csv.DictWriter(mentions_file, fieldnames=MENTION_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for record in run_extraction(read_corpus(inputs), jobs=jobs, cache=cache, progress=progress,
                                         stats=report.stats, extractors=extractors):
                tick = time.perf_counter()
                builder.add(record)
                assembly += time.perf_counter() - tick
                writer.writerows(mention_rows(record))
            graph = builder.graph
            report.papers = sum(1 for _, kind in graph.nodes(data="kind") if kind == "Paper")
            if report.papers == 0:
                raise KgError("the input holds no papers with an abstract; nothing to build")
    finally:
        if cache is not None:
            cache.close()
    seconds["extraction"] = time.perf_counter() - started - assembly
    seconds["assembly"] = assembly

    def timed(step: str, action):
        tick = time.perf_counter()
        result = action()
        seconds[step] = time.perf_counter() - tick
        return result

    positions = timed("layout", lambda: compute_layout(graph))  # the overview's nodes keep theirs in the view
    view, note = overview(graph)
    timed("graph.json", lambda: save_graph(graph, out / GRAPH_FILE))
    ready = timed("export values", lambda: gephi_ready(graph, positions))  # shared by GraphML and GEXF
    timed("graph.graphml", lambda: write_graphml(ready, out / "graph.graphml", ready=True))
    timed("graph.gexf", lambda: write_gexf(ready, out / "graph.gexf", ready=True))
    del ready
    timed("graph.html", lambda: write_html(view, out / "graph.html", note=note, positions=positions))
    timed("csv tables", lambda: write_tables(graph, out))
    report.claims = sum(1 for _, kind in graph.nodes(data="kind") if kind == "Claim")
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    report.entities = report.nodes - report.papers - report.claims
    seconds["total"] = time.perf_counter() - started
    return report
