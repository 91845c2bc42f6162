"""KnowledgeGraph: the built graph plus the questions users ask of it.

``graph.nx`` is the underlying :class:`networkx.MultiDiGraph`; the query
methods return pandas DataFrames with an evidence column, so a table is never
detached from the sentence that supports it.
"""
from __future__ import annotations

import difflib

import networkx as nx
import pandas as pd

from extractors.normalize import name_key
from kg.claim_queries import ClaimQueries
from kg.errors import KgError
from kg.schema import KIND_TO_LABEL, NODE_KINDS


class UnknownNameError(KgError, KeyError):
    """A query named something the graph does not hold; the message suggests near names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class KnowledgeGraph(ClaimQueries):
    """A knowledge graph of papers and the entities they name.

    >>> import kg
    >>> graph = kg.build(kg.read_corpus(kg.sample_corpus_path()))
    >>> graph.nx.number_of_nodes() > 257
    True
    >>> "ResNet-50" in set(graph.papers(mentioning="resnet50")["mentions"])
    True
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.nx = graph
        self._index: dict[str, list[str]] | None = None

    def save(self, path) -> None:
        """Write the graph (node-link JSON) to a file or into a build directory as ``graph.json``."""
        from kg.persist import save_graph

        save_graph(self.nx, path)

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.nx.number_of_nodes()} nodes, {self.nx.number_of_edges()} edges)"

    # -- name resolution -------------------------------------------------
    def _name_index(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for node, data in self.nx.nodes(data=True):
                names = {data.get("label", "")} | set(data.get("aliases") or [])
                for name in names:
                    key = name_key(name)
                    if key and node not in index.setdefault(key, []):
                        index[key].append(node)
            self._index = index
        return self._index

    def resolve(self, name: str, kind: str | None = None) -> str:
        """The node id a name (label or alias, any case or spelling variant) refers to.

        Entities win over papers when a name is both; raises
        :class:`UnknownNameError` with the nearest known names otherwise.
        """
        if name in self.nx and (kind is None or self.nx.nodes[name].get("kind") == kind):
            return name
        key = name_key(name)
        nodes = [
            n for n in self._name_index().get(key, []) if kind is None or self.nx.nodes[n]["kind"] == kind
        ]
        if nodes:
            nodes.sort(key=lambda n: (self.nx.nodes[n]["kind"] == "Paper", -self.nx.degree(n), n))
            return nodes[0]
        from extractors.gazetteer import load_gazetteer

        entry = load_gazetteer().lookup(name)  # a known alias the corpus never wrote ("top-1 acc")
        if entry is not None and name_key(entry.canonical) != key:
            try:
                return self.resolve(entry.canonical, kind)
            except UnknownNameError:
                pass
        labels = sorted(
            {d["label"] for _, d in self.nx.nodes(data=True) if kind is None or d.get("kind") == kind}
        )
        near = difflib.get_close_matches(name, labels, n=5, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
        raise UnknownNameError(f"no {kind or 'node'} named {name!r} in the graph{hint}")

    # -- queries -----------------------------------------------------------
    def papers(self, mentioning: str | None = None, kind: str | None = None) -> pd.DataFrame:
        """Papers, optionally only those naming an entity (its variants included).

        Columns: ``id``, ``title``, ``date``, ``mentions`` (the entity's label),
        ``relation``, ``evidence``.
        """
        rows = []
        if mentioning is None:
            for node, data in self.nx.nodes(data=True):
                if data["kind"] == "Paper":
                    rows.append(self._paper_row(node, None, None))
        else:
            target = self.resolve(mentioning, kind)
            targets = [target, *self._variants_of(target)]
            seen = set()
            for entity in targets:
                for paper, _, data in self.nx.in_edges(entity, data=True):
                    if self.nx.nodes[paper]["kind"] != "Paper" or (paper, entity) in seen:
                        continue
                    seen.add((paper, entity))
                    rows.append(self._paper_row(paper, entity, data))
        columns = ["id", "title", "date", "mentions", "relation", "evidence"]
        return pd.DataFrame(rows, columns=columns)

    def _paper_row(self, paper: str, entity: str | None, edge: dict | None) -> dict:
        data = self.nx.nodes[paper]
        return {
            "id": paper.split(":", 1)[1],
            "title": data.get("title", ""),
            "date": data.get("date", ""),
            "mentions": self.nx.nodes[entity]["label"] if entity else None,
            "relation": edge.get("relation") if edge else None,
            "evidence": edge.get("evidence") if edge else None,
        }

    def _variants_of(self, family: str) -> list[str]:
        """Nodes linked to ``family`` by ``variant_of``, transitively."""
        found: list[str] = []
        stack = [family]
        while stack:
            node = stack.pop()
            for variant, _, data in self.nx.in_edges(node, data=True):
                if data.get("relation") == "variant_of" and variant not in found:
                    found.append(variant)
                    stack.append(variant)
        return found

    def entities(self, kind: str | None = None, min_papers: int = 1) -> pd.DataFrame:
        """Entities with their paper counts, most-named first.

        Columns: ``id``, ``name``, ``kind``, ``label`` (the guideline label),
        ``paper_count``, ``aliases``, ``family``.
        """
        if kind is not None and kind not in NODE_KINDS:
            raise KgError(f"unknown kind {kind!r}; kinds are {', '.join(NODE_KINDS)}")
        rows = []
        for node, data in self.nx.nodes(data=True):
            if data["kind"] in ("Paper", "Claim") or (kind and data["kind"] != kind):
                continue
            if data.get("paper_count", 0) < min_papers:
                continue
            rows.append(
                {
                    "id": node,
                    "name": data["label"],
                    "kind": data["kind"],
                    "label": KIND_TO_LABEL.get(data["kind"], ""),
                    "paper_count": data.get("paper_count", 0),
                    "aliases": "; ".join(data.get("aliases") or []),
                    "family": data.get("family", ""),
                }
            )
        columns = ["id", "name", "kind", "label", "paper_count", "aliases", "family"]
        frame = pd.DataFrame(rows, columns=columns)
        return frame.sort_values(["paper_count", "name"], ascending=[False, True], kind="stable").reset_index(
            drop=True
        )
