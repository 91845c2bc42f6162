"""GraphML for Gephi: labels, colours, sizes and positions it reads at once.

Gephi's importer maps the keys ``label``, ``x``, ``y``, ``size``, ``r``,
``g``, ``b`` (integers) and ``color``, and the edge keys ``weight`` and
``label``, to visual properties. This writer adds those to every node and
edge, converts the other attributes by the rules of :mod:`graphs.sanitize`,
and writes edge ids that are unique across the file (networkx's default ids
repeat across node pairs, and Gephi then drops edges). The document is
streamed by :mod:`graphs.xml_stream`.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_node("paper:1", kind="Paper", label="A paper")
>>> g.add_node("dataset:imagenet", kind="Dataset", label="ImageNet", aliases=["ImageNet"], paper_count=1)
>>> _ = g.add_edge("paper:1", "dataset:imagenet", key="paper:1|mentions|dataset:imagenet", relation="mentions")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> write_graphml(g, path)
>>> back = nx.read_graphml(path, force_multigraph=True)
>>> back.nodes["dataset:imagenet"]["label"], back.nodes["dataset:imagenet"]["r"]
('ImageNet', 230)
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphs.layout import compute_layout
from graphs.sanitize import export_attributes, xml_text
from graphs.xml_stream import write_graphml_lines
from graphs.style import colour_of, rgb_of, size_of
from kg.atomic import atomic_write


def gephi_ready(
    graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]] | None = None
) -> nx.MultiDiGraph:
    """A copy of ``graph`` with visual attributes added and every value export-safe.

    The input graph is not modified.
    """
    if positions is None:
        positions = compute_layout(graph)
    # A projection is a simple undirected graph; keep it undirected, with one id per edge.
    out = nx.MultiDiGraph() if graph.is_directed() else nx.MultiGraph()
    for node, data in graph.nodes(data=True):
        attrs = export_attributes(data)
        kind = data.get("kind", "")
        r, g, b = rgb_of(kind)
        x, y = positions.get(node, (0.0, 0.0))
        attrs.update(
            label=xml_text(str(data.get("label") or node)),
            size=float(size_of(kind, int(data.get("paper_count") or 0))),
            r=r,
            g=g,
            b=b,
            color=colour_of(kind),
            x=float(x),
            y=float(y),
        )
        out.add_node(xml_text(node), **attrs)
    _unify_types(out.nodes.values())
    seen_ids: set[str] = set()
    edges = (graph.edges(keys=True, data=True) if graph.is_multigraph()
             else ((u, v, f"{u}|{v}", d) for u, v, d in graph.edges(data=True)))
    for u, v, key, data in edges:
        attrs = export_attributes(data)
        attrs.setdefault("weight", 1)
        attrs["weight"] = float(attrs["weight"])
        attrs.setdefault("label", str(data.get("relation", "")))
        edge_id = xml_text(str(key))
        if edge_id in seen_ids:
            edge_id = f"{edge_id}#{len(seen_ids)}"
        seen_ids.add(edge_id)
        out.add_edge(xml_text(u), xml_text(v), key=edge_id, **attrs)
    _unify_types(data for _, _, data in out.edges(data=True))
    return out


def _unify_types(records) -> None:
    """Give each attribute one type across all nodes (or edges): one typed column in Gephi.

    An attribute that holds integers in some places and floats in others
    becomes float; one that mixes numbers or booleans with text becomes text.
    (networkx would otherwise declare two keys with the same name.)
    """
    records = list(records)
    types: dict[str, set[type]] = {}
    for data in records:
        for name, value in data.items():
            types.setdefault(name, set()).add(type(value))
    for name, seen in types.items():
        if len(seen) < 2:
            continue
        target = float if seen <= {int, float} else str
        for data in records:
            if name in data and type(data[name]) is not target:
                data[name] = target(data[name])


def write_graphml(
    graph: nx.MultiDiGraph,
    path: str | Path,
    positions: dict[str, tuple[float, float]] | None = None,
    ready: bool = False,
) -> None:
    """Write ``graph`` as GraphML at ``path``, atomically (see :func:`gephi_ready`).

    ``ready=True`` says ``graph`` already is :func:`gephi_ready`'s output.
    """
    ready = graph if ready else gephi_ready(graph, positions)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        write_graphml_lines(ready, handle)
