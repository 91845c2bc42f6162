"""The garbage collector is paused while the graph is assembled, and the built graph frozen out of its sight."""
from __future__ import annotations

import gc
import json

import graphs.tables
import kg
from kg import collector, runner
from kg.build_outputs import build_outputs
from kg.graph_builder import GraphBuilder


def test_paused_switches_cyclic_collection_off_and_restores_it():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_frozen_hides_what_is_alive_and_gives_it_back():
    with collector.frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_build_assembles_with_the_collector_paused_and_exports_with_the_graph_frozen(tmp_path, monkeypatch):
    seen = {}
    add = GraphBuilder.add

    def spy_add(self, record):
        seen.setdefault("collecting while adding", gc.isenabled())
        add(self, record)

    monkeypatch.setattr(GraphBuilder, "add", spy_add)
    write_tables = graphs.tables.write_tables

    def spy_tables(graph, out):
        seen["frozen while exporting"] = gc.get_freeze_count() > 0
        return write_tables(graph, out)

    monkeypatch.setattr(graphs.tables, "write_tables", spy_tables)
    papers = list(kg.read_corpus(kg.sample_corpus_path()))[:5]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": p.id, "title": p.title, "abstract": p.abstract}) + "\n"
                              for p in papers))
    build_outputs([corpus], tmp_path / "out", use_cache=False)
    assert seen == {"collecting while adding": False, "frozen while exporting": True}
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_extraction_workers_forked_while_the_collector_is_paused_collect_again():
    with collector.paused():
        runner._warm_worker(("rules",))  # what each pool process runs first
        assert gc.isenabled()
