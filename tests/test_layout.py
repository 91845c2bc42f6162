"""The layout and the overview: deterministic at every size; graphs.forceatlas is networkx's ForceAtlas2 exactly."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from graphs import forceatlas
from graphs.forceatlas import forceatlas2
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


def hub_graph(n_papers: int = 260, n_entities: int = 60, seed: int = 3) -> nx.Graph:
    """A paper-entity graph with a few hubs, shaped like the backbone the layout draws."""
    rng = np.random.default_rng(seed)
    graph = nx.Graph()
    graph.add_nodes_from(f"p{i}" for i in range(n_papers))
    graph.add_nodes_from(f"e{i}" for i in range(n_entities))
    weights = 1 / np.arange(1, n_entities + 1)
    for i in range(n_papers):
        for e in rng.choice(n_entities, size=int(rng.integers(1, 6)), replace=False, p=weights / weights.sum()):
            graph.add_edge(f"p{i}", f"e{e}")
    graph.add_node("island")
    return graph


@pytest.mark.parametrize("block_elements", [forceatlas.BLOCK_ELEMENTS, 1000, 1])
@pytest.mark.parametrize("sized", [True, False])
def test_forceatlas2_positions_equal_networkx_bit_for_bit(monkeypatch, block_elements, sized):
    graph = hub_graph()
    sizes = {node: 1 + (graph.degree(node) % 7) / 3 for node in graph} if sized else None
    monkeypatch.setattr(forceatlas, "BLOCK_ELEMENTS", block_elements)  # one block, several, one row each
    ours = forceatlas2(graph, max_iter=60, distributed_action=True, node_size=sizes, seed=42)
    theirs = nx.forceatlas2_layout(graph, max_iter=60, distributed_action=True, node_size=sizes, seed=42)
    assert list(ours) == list(theirs)
    assert all(np.array_equal(ours[node], theirs[node]) for node in graph)


def test_forceatlas2_without_distributed_action_equals_networkx():
    graph = nx.les_miserables_graph()
    ours = forceatlas2(graph, max_iter=40, seed=7)
    theirs = nx.forceatlas2_layout(graph, max_iter=40, seed=7)
    assert all(np.array_equal(ours[node], theirs[node]) for node in graph)


def test_forceatlas2_refuses_directed_graphs():
    with pytest.raises(ValueError, match="undirected"):
        forceatlas2(nx.DiGraph([("a", "b")]))
