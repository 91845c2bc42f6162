"""GEXF 1.3 for Gephi: the same graph as the GraphML, with ``viz`` colour, size and position.

The graph is prepared the GraphML way (:func:`graphs.graphml.gephi_ready`:
cleaned values, one type per attribute, unique edge ids) and streamed by
:mod:`graphs.xml_stream`, which writes the visual attributes as ``viz`` so
Gephi and Gephi Lite show colours, sizes and the precomputed layout at once.
Two pitfalls of networkx's GEXF writer are avoided: an edge attribute named
``type`` becomes the edge direction there, and a position without ``z`` is
written ``z="None"``; here ``z`` is always 0.0 and no date or version is
stamped, so the same graph gives the same bytes.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_node("dataset:imagenet", kind="Dataset", label="ImageNet", paper_count=2)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
>>> write_gexf(g, path)
>>> 'viz:color r="230" g="159" b="0"' in path.read_text()
True
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphs.graphml import gephi_ready
from graphs.xml_stream import write_gexf_lines
from kg.atomic import atomic_write


def write_gexf(graph: nx.MultiDiGraph, path: str | Path,
               positions: dict[str, tuple[float, float]] | None = None, ready: bool = False) -> None:
    """Write ``graph`` as GEXF 1.3 at ``path``, atomically (``ready``: see :func:`write_graphml`)."""
    ready = graph if ready else gephi_ready(graph, positions)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        write_gexf_lines(ready, handle)
