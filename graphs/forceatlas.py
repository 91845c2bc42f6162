"""ForceAtlas2 as networkx computes it, to the last bit, in a fifth of the time.

``networkx.forceatlas2_layout`` builds, in every one of its iterations, an
``n x n x 2`` array of coordinate differences and reduces it with
``einsum``; on the 2,400-node backbone of a big graph that is about a
quarter of a second per iteration (25 s for the layout's 100), most of it
spent allocating and walking arrays far larger than the processor's caches
along a two-element innermost axis. :func:`forceatlas2` does the same
arithmetic on a few rows of those arrays at a time, with the x and y
coordinates apart, and gives bit-identical positions (so the GraphML and
GEXF files keep every byte). Why the results are identical rather than
close:

* every element-wise step is the same operation on the same float32 or
  float64 values as networkx's (float32 coordinates, float64 forces);
* the attraction and repulsion sums over ``j`` are formed in the order
  ``einsum`` forms them, one term after another from ``j = 0``: a sum along
  the first axis of a C-ordered array adds its rows in order, and each
  block's sum starts from the running total of the blocks before it;
* the force matrices are symmetric (the graph is undirected, ``m_i m_j /
  d_ij^2`` is) and coordinate differences antisymmetric, so summing
  column ``i`` over rows ``j`` gives row ``i``'s sum, negated exactly
  where networkx's sign differs.

Only what :mod:`graphs.layout` uses is supported: random initial positions
from ``seed``, ``distributed_action`` and ``node_size``, default gravity,
scaling and jitter tolerance. ``tests/test_layout.py`` checks the positions
against networkx's own.
"""
from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np

#: Matrix elements per block: a block's arrays (a few hundred kilobytes) stay in the processor's cache.
BLOCK_ELEMENTS = 65_536


def forceatlas2(graph: nx.Graph, max_iter: int = 100, distributed_action: bool = False,
                node_size: dict[Hashable, float] | None = None,
                seed: int | None = None) -> dict[Hashable, np.ndarray]:
    """Positions of ``graph``'s nodes, equal to ``nx.forceatlas2_layout`` with the same arguments."""
    if graph.is_directed():
        raise ValueError("forceatlas2 lays out undirected graphs (its force matrices must be symmetric)")
    n = len(graph)
    if n == 0:
        return {}
    # networkx's preamble, step for step: float32 starting positions from a RandomState
    start = nx.random_layout(graph, dim=2, seed=np.random.RandomState(seed))
    pos_arr = np.array(list(start.values()))
    adjust_sizes = node_size is not None
    sizes = node_size or {}
    mass = np.zeros(n)
    size = np.zeros(n)
    for idx, node in enumerate(graph):
        mass[idx] = graph.degree(node) + 1
        size[idx] = sizes.get(node, 1)
    adjacency = nx.to_numpy_array(graph, weight=None)
    mass_products = mass[:, None] @ mass[None]
    np.fill_diagonal(mass_products, 0)
    halo = -size[:, None] - size[None] if adjust_sizes else None
    rows = max(1, min(n, BLOCK_ELEMENTS // n))
    running = np.empty((rows + 1, n))  # row 0: the sum so far; rows 1..: this block's terms
    attraction = np.empty((n, 2))
    repulsion = np.empty((n, 2))
    speed = 1
    speed_efficiency = 1
    swing = 1
    traction = 1
    for _ in range(max_iter):
        x = np.ascontiguousarray(pos_arr[:, 0])
        y = np.ascontiguousarray(pos_arr[:, 1])
        sums = [np.zeros(n) for _ in range(4)]  # attraction x, y; repulsion x, y
        for first in range(0, n, rows):
            last = min(n, first + rows)
            count = last - first
            dx = x[first:last, None] - x[None]  # dx[r, i] = x_j - x_i for j = first + r
            dy = y[first:last, None] - y[None]
            distance = dx * dx
            distance += dy * dy
            np.sqrt(distance, out=distance)
            block = running[: count + 1]
            edges = adjacency[first:last]
            for total, difference in ((sums[0], dx), (sums[1], dy)):
                _add_in_order(total, difference, edges, block)
            if adjust_sizes:
                distance += halo[first:last]
            np.square(distance, out=distance)
            diagonal = np.arange(count)
            distance[diagonal, first + diagonal] = 1
            factor = mass_products[first:last] / distance
            factor *= 2.0  # scaling_ratio
            for total, difference in ((sums[2], dx), (sums[3], dy)):
                _add_in_order(total, difference, factor, block)
        attraction[:, 0], attraction[:, 1] = sums[0], sums[1]
        repulsion[:, 0], repulsion[:, 1] = -sums[2], -sums[3]
        if distributed_action:
            attraction /= mass[:, None]
        # from here on, networkx's code as it stands (vectors of n, cheap)
        pos_centered = pos_arr - np.mean(pos_arr, axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            unit_vec = pos_centered / np.linalg.norm(pos_centered, axis=-1)[:, None]
        unit_vec = np.nan_to_num(unit_vec, nan=0)
        gravities = -1.0 * mass[:, None] * unit_vec
        update = attraction + repulsion + gravities
        swing += (mass * np.linalg.norm(pos_arr - update, axis=-1)).sum()
        traction += (0.5 * mass * np.linalg.norm(pos_arr + update, axis=-1)).sum()
        speed, speed_efficiency = _estimate_factor(n, swing, traction, speed, speed_efficiency)
        if adjust_sizes:
            df = np.linalg.norm(update, axis=-1)
            swinging = mass * df
            step = 0.1 * speed / (1 + np.sqrt(speed * swinging))
            step = np.minimum(step * df, 10.0 * np.ones(df.shape)) / df
        else:
            swinging = mass * np.linalg.norm(update, axis=-1)
            step = speed / (1 + np.sqrt(speed * swinging))
        factored_update = update * step[:, None]
        pos_arr += factored_update
        if abs(factored_update).sum() < 1e-10:
            break
    return dict(zip(graph, pos_arr))


def _add_in_order(total: np.ndarray, difference: np.ndarray, weights: np.ndarray, block: np.ndarray) -> None:
    """``total[i] += difference[r, i] * weights[r, i]`` for r = 0, 1, ...: one term at a time, in order."""
    block[0] = total
    np.multiply(difference, weights, out=block[1:])
    np.sum(block, axis=0, out=total)


def _estimate_factor(n: int, swing: float, traction: float, speed: float,
                     speed_efficiency: float, jitter_tolerance: float = 1.0) -> tuple[float, float]:
    """networkx's speed adaptation (``estimate_factor`` inside ``forceatlas2_layout``), unchanged."""
    opt_jitter = 0.05 * np.sqrt(n)
    min_jitter = np.sqrt(opt_jitter)
    max_jitter = 10
    min_speed_efficiency = 0.05
    other = min(max_jitter, opt_jitter * traction / n**2)
    jitter = jitter_tolerance * max(min_jitter, other)
    if swing / traction > 2.0:
        if speed_efficiency > min_speed_efficiency:
            speed_efficiency *= 0.5
        jitter = max(jitter, jitter_tolerance)
    if swing == 0:
        target_speed = np.inf
    else:
        target_speed = jitter * speed_efficiency * traction / swing
    if swing > jitter * traction:
        if speed_efficiency > min_speed_efficiency:
            speed_efficiency *= 0.7
    elif speed < 1000:
        speed_efficiency *= 1.3
    max_rise = 0.5
    speed = speed + min(target_speed - speed, max_rise * speed)
    return speed, speed_efficiency
