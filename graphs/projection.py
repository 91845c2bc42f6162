"""Co-occurrence projections: entities linked by the papers they share.

The bipartite paper-entity graph is what ``kg`` stores; what Gephi users lay
out is usually its projection: architectures linked to the datasets they
were tried on, or datasets linked to datasets used together. Edge
``weight`` is the number of shared papers, ``papers`` lists them.

>>> import kg
>>> graph = kg.build([kg.Paper(id="a", title="T", abstract="ResNet-50 on ImageNet and COCO."),
...                   kg.Paper(id="b", title="U", abstract="ResNet-50 on ImageNet.")])
>>> p = cooccurrence(graph.nx, "Architecture", "Dataset")
>>> p.edges["architecture:resnet-50", "dataset:imagenet"]["weight"]
2
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.errors import KgError
from kg.schema import NODE_KINDS


def parse_projection(spec: str) -> tuple[str, str]:
    """ "Architecture-Dataset" -> ("Architecture", "Dataset"); kinds are case-insensitive."""
    by_lower = {kind.lower(): kind for kind in NODE_KINDS}
    parts = spec.split("-")
    if len(parts) != 2 or any(p.lower() not in by_lower for p in parts):
        raise KgError(f"projection {spec!r} must be KIND-KIND, kinds being {', '.join(NODE_KINDS[1:-1])}")
    return by_lower[parts[0].lower()], by_lower[parts[1].lower()]


def cooccurrence(graph: nx.MultiDiGraph, kind_a: str, kind_b: str) -> nx.Graph:
    """Entities of ``kind_a`` linked to entities of ``kind_b`` (or to each other) by shared papers."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for paper, data in graph.nodes(data=True):
        if data.get("kind") != "Paper":
            continue
        named = sorted({t for _, t in graph.out_edges(paper) if graph.nodes[t].get("kind") in (kind_a, kind_b)})
        pid = paper.split(":", 1)[1]
        if kind_a == kind_b:
            for u, v in combinations(named, 2):
                shared[(u, v)].append(pid)
        else:
            for u in (n for n in named if graph.nodes[n]["kind"] == kind_a):
                for v in (n for n in named if graph.nodes[n]["kind"] == kind_b):
                    shared[(u, v)].append(pid)
    projection = nx.Graph(projection=f"{kind_a}-{kind_b}")
    for node in sorted({n for pair in shared for n in pair}):
        data = graph.nodes[node]
        projection.add_node(node, **{k: v for k, v in data.items() if k != "papers"})
    for (u, v), papers in sorted(shared.items()):
        projection.add_edge(u, v, weight=len(papers), papers=papers, relation="co-occurs",
                            label=f"{len(papers)} paper(s)")
    return projection
