"""GEXF 1.3 for Gephi: the same graph as the GraphML, with ``viz`` colour, size and position.

networkx writes GEXF; this module hands it a graph prepared the GraphML way
(:func:`graphs.graphml.gephi_ready`: cleaned values, one type per
attribute, unique edge ids) and moves the visual attributes into ``viz`` so
Gephi and Gephi Lite show colours, sizes and the precomputed layout at once.
Two networkx pitfalls are avoided: an edge attribute named ``type`` would be
written as the edge direction (kg never names one so), and a position
without ``z`` would be written ``z="None"`` (``z`` is always 0.0 here).

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_node("dataset:imagenet", kind="Dataset", label="ImageNet", paper_count=2)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
>>> write_gexf(g, path)
>>> 'viz:color r="230" g="159" b="0"' in path.read_text()
True
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from graphs.graphml import gephi_ready
from kg.atomic import atomic_write

VISUAL_KEYS = ("x", "y", "size", "r", "g", "b", "color")
_STAMP = re.compile(r' lastmodifieddate="[^"]*"')
_CREATOR = re.compile(r"<creator>[^<]*</creator>")


def gexf_ready(graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]] | None = None,
               ready: bool = False) -> nx.MultiDiGraph:
    """Move the visual attributes of :func:`gephi_ready`'s output into ``viz`` (a changed copy)."""
    source = graph if ready else gephi_ready(graph, positions)
    ready = source.copy()
    for _, data in ready.nodes(data=True):
        data.update(viz={
            "color": {"r": data["r"], "g": data["g"], "b": data["b"], "a": 1.0},
            "size": data["size"],
            "position": {"x": data["x"], "y": data["y"], "z": 0.0},
        })
        for key in VISUAL_KEYS:
            data.pop(key, None)
    for _, _, key, data in ready.edges(keys=True, data=True):
        data["id"] = key
    return ready


def write_gexf(graph: nx.MultiDiGraph, path: str | Path,
               positions: dict[str, tuple[float, float]] | None = None, ready: bool = False) -> None:
    """Write ``graph`` as GEXF 1.3 at ``path``, atomically (``ready``: see :func:`write_graphml`)."""
    ready = gexf_ready(graph, positions, ready=ready)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n')
        for line in nx.generate_gexf(ready, encoding="utf-8", prettyprint=True, version="1.3"):
            # networkx stamps today's date and its own version: the same graph must give the same bytes.
            line = _STAMP.sub("", line)
            line = _CREATOR.sub("<creator>kg</creator>", line)
            handle.write(line + "\n")
