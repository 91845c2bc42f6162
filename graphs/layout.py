"""Node positions computed in Python, so views open drawn and Gephi opens laid out.

A seeded force-directed layout (networkx's Fruchterman-Reingold) gives the
same coordinates for the same graph on every run.
"""
from __future__ import annotations

import networkx as nx

LAYOUT_SEED = 42
SCALE = 1000.0


def compute_layout(graph: nx.Graph, iterations: int = 50) -> dict[str, tuple[float, float]]:
    """Positions for every node, in a square of side ``2 * SCALE`` centred on 0."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    k = 2.0 / max(1.0, graph.number_of_nodes()) ** 0.5
    positions = nx.spring_layout(simple, k=k, iterations=iterations, seed=LAYOUT_SEED, scale=SCALE)
    return {node: (round(float(x), 2), round(float(y), 2)) for node, (x, y) in positions.items()}
