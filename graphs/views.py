"""Which part of the graph a view shows: the overview, an ego view, a kind view.

Views are subgraphs (copies; the caller's graph is never changed) that
``graphs.html`` draws:

* :func:`overview`: the whole graph, or for big graphs the most-named
  entities and the papers that name them, with a note saying what was left
  out (a browser draws a few thousand nodes comfortably, not 60,000);
* :func:`ego_view`: everything within ``depth`` links of one entity or
  paper, plus the variants of a family and the family of a variant;
* :func:`kind_view`: the entities of one kind and the papers that name them
  (bipartite), or with ``cooccurrence=True`` the entities linked by the
  papers they share.

Views keep the order of the nodes they are given (:func:`induced_subgraph`),
so the same graph gives the same view, and the same files, in every process.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

from graphs.projection import cooccurrence

#: Above this many nodes the overview keeps the best-connected part.
OVERVIEW_MAX_NODES = 2500


def induced_subgraph(graph: nx.Graph, nodes: Iterable[Hashable]) -> nx.Graph:
    """A copy of the subgraph on ``nodes``, with its nodes in the order given and each node's edges in ``graph``'s order.

    ``graph.subgraph(nodes).copy()`` is not this: a networkx subgraph view of
    fewer than half the graph's nodes iterates a ``set`` of them, whose order
    changes with Python's string hashing from one process to the next, so
    the views, their layout and every file drawn from them changed from run
    to run.
    """
    nodes = list(dict.fromkeys(nodes))
    keep = set(nodes)
    out = graph.__class__()
    out.graph.update(graph.graph)
    out.add_nodes_from((node, graph.nodes[node]) for node in nodes)
    if graph.is_multigraph():
        out.add_edges_from((u, v, key, data) for u in nodes for v, keyed in graph.adj[u].items() if v in keep
                           for key, data in keyed.items())
    else:
        out.add_edges_from((u, v, data) for u in nodes for v, data in graph.adj[u].items() if v in keep)
    return out


def overview(graph: nx.MultiDiGraph, max_nodes: int = OVERVIEW_MAX_NODES) -> tuple[nx.MultiDiGraph, str]:
    """The graph to draw first, and a note on what it leaves out ("" when nothing)."""
    if graph.number_of_nodes() <= max_nodes:
        return graph.copy(), ""
    entities = sorted(
        (n for n, d in graph.nodes(data=True) if d.get("kind") not in ("Paper", "Claim")),
        key=lambda n: (-graph.nodes[n].get("paper_count", 0), n),
    )
    keep: set[str] = set()
    budget_entities = max_nodes // 5
    for node in entities[:budget_entities]:
        keep.add(node)
    papers = sorted(
        {p for n in keep for p, _ in graph.in_edges(n) if graph.nodes[p].get("kind") == "Paper"},
        key=lambda p: (-sum(1 for _, t in graph.out_edges(p) if t in keep), p),
    )
    keep.update(papers[: max_nodes - len(keep)])
    view = induced_subgraph(graph, sorted(keep))
    shown_entities = sum(1 for n in view if view.nodes[n].get("kind") not in ("Paper", "Claim"))
    shown_papers = sum(1 for n in view if view.nodes[n].get("kind") == "Paper")
    total_papers = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "Paper")
    note = (
        f"Showing the {shown_entities} most-named entities of {len(entities)} and {shown_papers} of "
        f"{total_papers} papers (those naming them most); claims appear in the details. "
        "Use 'kg view NAME' or 'kg view --kind KIND' for the rest."
    )
    return view, note


def ego_view(graph: nx.MultiDiGraph, center: str, depth: int = 1) -> nx.MultiDiGraph:
    """Nodes within ``depth`` links of ``center`` (either direction), with family and variants.

    Claims are kept when their paper is in the view. A family's variants are
    one step away whatever ``depth`` says, so ``kg view ResNet`` shows the
    papers of ResNet-50 too.
    """
    undirected = graph.to_undirected(as_view=True)
    keep = set(nx.single_source_shortest_path_length(undirected, center, cutoff=depth))
    family = [center]
    for node in list(family):
        for variant, _, data in graph.in_edges(node, data=True):
            if data.get("relation") == "variant_of" and variant not in family:
                family.append(variant)
    for variant in family:
        keep.add(variant)
        keep.update(p for p, _ in graph.in_edges(variant) if graph.nodes[p].get("kind") == "Paper")
    for node in list(keep):
        if graph.nodes[node].get("kind") == "Paper":
            keep.update(t for _, t in graph.out_edges(node) if graph.nodes[t].get("kind") == "Claim")
    return induced_subgraph(graph, sorted(keep))


def kind_view(graph: nx.MultiDiGraph, kind: str, cooccurrence_only: bool = False) -> nx.Graph:
    """Entities of ``kind`` with the papers that name them, or their co-occurrence projection."""
    if cooccurrence_only:
        return cooccurrence(graph, kind, kind)
    entities = [n for n, d in graph.nodes(data=True) if d.get("kind") == kind]
    papers = {p for n in entities for p, _ in graph.in_edges(n) if graph.nodes[p].get("kind") == "Paper"}
    view = nx.MultiDiGraph()
    for node in sorted(set(entities) | papers):
        view.add_node(node, **graph.nodes[node])
    for u, v, key, data in graph.edges(keys=True, data=True):
        if u in papers and v in entities:
            view.add_edge(u, v, key=key, **data)
    return view
