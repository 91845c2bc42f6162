"""The layout and the overview: deterministic at every size."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx

from graphs.views import induced_subgraph

ROOT = Path(__file__).resolve().parents[1]

#: Builds a graph too big for one ForceAtlas2 run, and over twice the overview's size, and prints
#: the overview's node order and the layout: what graph.html, GraphML and GEXF are written from.
BIG_GRAPH_LAYOUT = """
import hashlib, networkx as nx
from graphs.layout import compute_layout
from graphs.views import overview
graph = nx.MultiDiGraph()
for e in range(700):
    graph.add_node(f"dataset:d{e}", kind="Dataset", label=f"D{e}", paper_count=0)
for p in range(4500):
    graph.add_node(f"paper:{p}", kind="Paper", label=f"P{p}")
    for e in {(p * 7) % 700, (p * 13 + 1) % 97, p % 5}:
        graph.add_edge(f"paper:{p}", f"dataset:d{e}", key=f"{p}|{e}", relation="mentions")
        graph.nodes[f"dataset:d{e}"]["paper_count"] += 1
view, _ = overview(graph)
positions = compute_layout(graph, iterations=2, backbone=view)
print(hashlib.sha1(repr((list(view), list(view.edges(keys=True)), sorted(positions.items()))).encode()).hexdigest())
"""


def test_big_graph_layout_and_overview_are_the_same_in_every_process():
    def run(hash_seed: str) -> str:
        done = subprocess.run([sys.executable, "-c", BIG_GRAPH_LAYOUT], cwd=ROOT, capture_output=True, text=True,
                              check=True, env={"PYTHONHASHSEED": hash_seed, "PATH": ""})
        return done.stdout.strip()

    assert run("1") == run("2") == run("3")


def test_induced_subgraph_keeps_the_given_node_order_and_the_graphs_edge_order():
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(f"n{i}" for i in range(10))
    graph.add_edge("n3", "n1", key="b", w=1)
    graph.add_edge("n3", "n1", key="a", w=2)
    graph.add_edge("n1", "n9", key="c")
    sub = induced_subgraph(graph, ["n3", "n1", "n0"])
    assert list(sub) == ["n3", "n1", "n0"]
    assert list(sub.edges(keys=True, data=True)) == [("n3", "n1", "b", {"w": 1}), ("n3", "n1", "a", {"w": 2})]
    sub.nodes["n3"]["x"] = 1
    assert "x" not in graph.nodes["n3"]  # a copy
