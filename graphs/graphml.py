"""GraphML for Gephi: labels, colours, sizes and positions it reads at once.

Gephi's importer maps the keys ``label``, ``x``, ``y``, ``size``, ``r``,
``g``, ``b`` (integers) and ``color``, and the edge keys ``weight`` and
``label``, to visual properties. This writer adds those to every node and
edge, converts the other attributes by the rules of :mod:`graphs.sanitize`,
and writes edge ids that are unique across the file (networkx's default ids
repeat across node pairs, and Gephi then drops edges).

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
    out = nx.MultiDiGraph()
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
    seen_ids: set[str] = set()
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = export_attributes(data)
        attrs.setdefault("weight", 1)
        attrs["weight"] = float(attrs["weight"])
        attrs.setdefault("label", str(data.get("relation", "")))
        edge_id = xml_text(str(key))
        if edge_id in seen_ids:
            edge_id = f"{edge_id}#{len(seen_ids)}"
        seen_ids.add(edge_id)
        out.add_edge(xml_text(u), xml_text(v), key=edge_id, **attrs)
    return out


def write_graphml(
    graph: nx.MultiDiGraph,
    path: str | Path,
    positions: dict[str, tuple[float, float]] | None = None,
) -> None:
    """Write ``graph`` as GraphML at ``path``, atomically (see :func:`gephi_ready`)."""
    ready = gephi_ready(graph, positions)
    with atomic_write(path, "wb") as handle:
        nx.write_graphml(ready, handle, encoding="utf-8", prettyprint=True, named_key_ids=False)
