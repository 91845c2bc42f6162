"""Node positions computed in Python, so views open drawn and Gephi opens laid out.

Graphs up to :data:`FORCE_ATLAS_MAX_NODES` nodes get ForceAtlas2 (Jacomy
et al. 2014, as implemented by networkx, computed by :mod:`graphs.forceatlas`
to the same bits five times faster) with its "dissuade hubs" option
and node sizes: it pushes the entities many papers name (CNN, ImageNet,
accuracy) out of the central blot that a plain spring layout makes of them,
so their labels can be read. ForceAtlas2 compares every pair of nodes, so a
bigger graph gets it for its backbone only (the most-named entities and the
papers naming them, as chosen by :func:`graphs.views.overview`); every
other node is then placed at the mean position of its placed neighbours,
with a small seeded offset, in a few passes over the edges (linear time).
Gephi thus opens even a 200,000-node graph laid out. Every layout is
seeded and its nodes are taken in sorted order: the same graph gives the
same coordinates in every process.
"""
from __future__ import annotations

import math
import random

import networkx as nx

from graphs.forceatlas import forceatlas2
from graphs.style import size_of

LAYOUT_SEED = 42
SCALE = 1000.0
FORCE_ATLAS_MAX_NODES = 3000


def compute_layout(graph: nx.Graph, iterations: int | None = None,
                   backbone: nx.Graph | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every node, in a square of side ``2 * SCALE`` centred on 0.

    ``backbone`` is :func:`graphs.views.overview`'s graph when the caller has it already.
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    n = simple.number_of_nodes()
    if n <= 2:
        return _scaled(nx.circular_layout(simple))
    if n <= FORCE_ATLAS_MAX_NODES:
        return _scaled(_force_atlas(graph, simple, iterations))
    from graphs.views import induced_subgraph, overview

    if backbone is None:
        backbone, _ = overview(graph)
    core = induced_subgraph(simple, (node for node in simple if node in backbone))  # in sorted order, every run
    placed = _scaled(_force_atlas(backbone, core, iterations))
    return _place_by_neighbours(simple, placed)


def _force_atlas(graph: nx.Graph, simple: nx.Graph, iterations: int | None):
    sizes = {node: size_of(graph.nodes[node].get("kind", ""), int(graph.nodes[node].get("paper_count") or 0)) / 10
             for node in simple}
    return forceatlas2(simple, max_iter=iterations or 100, distributed_action=True, node_size=sizes,
                       seed=LAYOUT_SEED)


def _place_by_neighbours(simple: nx.Graph, placed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Put every unplaced node at its placed neighbours' mean, plus a seeded offset."""
    rng = random.Random(LAYOUT_SEED)
    positions = dict(placed)
    for _ in range(3):
        pending = [node for node in simple if node not in positions]
        if not pending:
            break
        new = {}
        for node in pending:
            around = [positions[other] for other in simple.neighbors(node) if other in positions]
            if around:
                x = sum(p[0] for p in around) / len(around) + rng.uniform(-40, 40)
                y = sum(p[1] for p in around) / len(around) + rng.uniform(-40, 40)
                new[node] = (round(x, 2), round(y, 2))
        positions.update(new)
    for node in simple:  # islands: a ring outside the rest
        if node not in positions:
            angle = rng.uniform(0, 2 * math.pi)
            positions[node] = (round(1.3 * SCALE * math.cos(angle), 2), round(1.3 * SCALE * math.sin(angle), 2))
    return positions


def _scaled(positions) -> dict[str, tuple[float, float]]:
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    factor = 2 * SCALE / span
    return {node: (round((float(p[0]) - cx) * factor, 2), round((float(p[1]) - cy) * factor, 2))
            for node, p in positions.items()}
