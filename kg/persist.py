"""Saving and reopening a built graph without extracting again.

The graph is stored as networkx's node-link JSON (``graph.json`` in a build
directory): plain JSON keeps every attribute with its type — lists stay
lists, integers integers, missing values ``null`` — which GraphML cannot
(it has no lists and no nulls), and any language can read it.

>>> import kg, tempfile, pathlib
>>> graph = kg.build([kg.Paper(id="p", title="T", abstract="We train ResNet-50 on ImageNet.")])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> graph.save(folder / "graph.json")
>>> again = kg.load(folder)
>>> again.nx.nodes["architecture:resnet-50"] == graph.nx.nodes["architecture:resnet-50"]
True
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.atomic import atomic_write
from kg.errors import KgError

GRAPH_FILE = "graph.json"
FORMAT = "kg-graph/1"


def save_graph(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``graph`` as node-link JSON at ``path`` (a file, or a directory to hold ``graph.json``)."""
    path = Path(path)
    if path.is_dir():
        path = path / GRAPH_FILE
    # networkx's node-link layout, written one node and one edge at a time: node_link_data would
    # first copy every attribute dict of the graph, doubling the memory of big builds.
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write('{"directed":' + dumps(graph.is_directed()) + ',"multigraph":' + dumps(graph.is_multigraph())
                     + ',"graph":' + dumps({**graph.graph, "format": FORMAT}) + ',"nodes":[')
        for i, (node, data) in enumerate(graph.nodes(data=True)):
            handle.write(("," if i else "") + dumps({**data, "id": node}))
        handle.write('],"edges":[')
        for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
            handle.write(("," if i else "") + dumps({**data, "source": u, "target": v, "key": key}))
        handle.write("]}\n")


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`save_graph` (a build directory or the file itself)."""
    path = Path(path)
    if path.is_dir():
        path = path / GRAPH_FILE
    if not path.exists():
        raise KgError(f"{path}: no saved graph here (run 'kg build' first, or give the graph.json file)")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: not a saved kg graph ({exc})") from None
    if not isinstance(data, dict) or data.get("graph", {}).get("format") != FORMAT:
        raise KgError(f"{path}: not a saved kg graph (expected format {FORMAT})")
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
