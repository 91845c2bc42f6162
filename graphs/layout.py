"""Node positions computed in Python, so views open drawn and Gephi opens laid out.

Small and medium graphs (up to :data:`FORCE_ATLAS_MAX_NODES`) get
ForceAtlas2 (Jacomy et al. 2014, as implemented by networkx) with its
"dissuade hubs" option and node sizes: it pushes the entities many papers
name (CNN, ImageNet, accuracy) out of the central blot that a plain
spring layout makes of them, so their labels can be read. Bigger graphs get
networkx's sparse Fruchterman-Reingold with few iterations, and graphs too
big for any all-pairs layout get a seeded random placement (Gephi users lay
those out themselves; the HTML overview never draws them whole). Every
layout is seeded: the same graph gives the same coordinates.
"""
from __future__ import annotations

import networkx as nx

from graphs.style import size_of

LAYOUT_SEED = 42
SCALE = 1000.0
FORCE_ATLAS_MAX_NODES = 3000
SPRING_MAX_NODES = 20000


def compute_layout(graph: nx.Graph, iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every node, in a square of side ``2 * SCALE`` centred on 0."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    n = simple.number_of_nodes()
    if n <= 2:
        positions = nx.circular_layout(simple)
    elif n <= FORCE_ATLAS_MAX_NODES:
        sizes = {node: size_of(graph.nodes[node].get("kind", ""), int(graph.nodes[node].get("paper_count") or 0)) / 10
                 for node in simple}
        positions = nx.forceatlas2_layout(simple, max_iter=iterations or 100, distributed_action=True,
                                          node_size=sizes, seed=LAYOUT_SEED)
    elif n <= SPRING_MAX_NODES:
        positions = nx.spring_layout(simple, k=4.0 / n ** 0.5, iterations=iterations or 15, seed=LAYOUT_SEED)
    else:
        positions = nx.random_layout(simple, seed=LAYOUT_SEED)
    return _scaled(positions)


def _scaled(positions) -> dict[str, tuple[float, float]]:
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    factor = 2 * SCALE / span
    return {node: (round((float(p[0]) - cx) * factor, 2), round((float(p[1]) - cy) * factor, 2))
            for node, p in positions.items()}
