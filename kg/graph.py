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

    # -- more questions ------------------------------------------------------
    def _papers_of(self, node: str) -> set[str]:
        return {p for p, _ in self.nx.in_edges(node) if self.nx.nodes[p].get("kind") == "Paper"}

    def related(self, name: str, kind: str | None = None, top: int = 20) -> pd.DataFrame:
        """Entities that share papers with ``name``, most shared first.

        Columns: ``name``, ``kind``, ``shared_papers``, ``papers`` (ids), ``example`` (a shared paper's title).

        >>> import kg
        >>> g = kg.build([kg.Paper(id="a", title="T", abstract="ResNet-50 on ImageNet."),
        ...               kg.Paper(id="b", title="U", abstract="ResNet-50 on ImageNet and COCO.")])
        >>> g.related("resnet50")[["name", "shared_papers"]].values.tolist()
        [['ImageNet', 2], ['COCO', 1]]
        """
        target = self.resolve(name)
        papers = self._papers_of(target) if self.nx.nodes[target]["kind"] != "Paper" else {target}
        counts: dict[str, list[str]] = {}
        for paper in sorted(papers):
            for _, other in self.nx.out_edges(paper):
                data = self.nx.nodes[other]
                if other == target or data["kind"] in ("Paper", "Claim") or (kind and data["kind"] != kind):
                    continue
                counts.setdefault(other, []).append(paper)
        rows = [
            {
                "name": self.nx.nodes[node]["label"],
                "kind": self.nx.nodes[node]["kind"],
                "shared_papers": len(shared),
                "papers": "; ".join(p.split(":", 1)[1] for p in shared),
                "example": self.nx.nodes[shared[0]].get("title", ""),
            }
            for node, shared in counts.items()
        ]
        frame = pd.DataFrame(rows, columns=["name", "kind", "shared_papers", "papers", "example"])
        frame = frame.sort_values(["shared_papers", "name"], ascending=[False, True], kind="stable")
        return frame.head(top).reset_index(drop=True)

    def datasets_for(self, architecture: str) -> pd.DataFrame:
        """Datasets named together with an architecture (or method), with the shared papers."""
        return self.related(architecture, kind="Dataset", top=10_000)

    def architectures_on(self, dataset: str) -> pd.DataFrame:
        """Architectures named together with a dataset, with the shared papers."""
        return self.related(dataset, kind="Architecture", top=10_000)

    def variants(self, family: str) -> pd.DataFrame:
        """The variants of a family (``ResNet`` -> ``ResNet-50``, ...), with their paper counts."""
        node = self.resolve(family)
        rows = [
            {"name": self.nx.nodes[v]["label"], "kind": self.nx.nodes[v]["kind"],
             "paper_count": self.nx.nodes[v].get("paper_count", 0)}
            for v in self._variants_of(node)
        ]
        frame = pd.DataFrame(rows, columns=["name", "kind", "paper_count"])
        return frame.sort_values(["paper_count", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)

    def repos(self, mentioning: str | None = None) -> pd.DataFrame:
        """Code repositories with the paper that gives them and what that paper names.

        Columns: ``url``, ``paper``, ``title``, ``names`` (entities of the
        paper, ``; ``-joined), ``evidence``.
        """
        allowed = None
        if mentioning is not None:
            target = self.resolve(mentioning)
            allowed = self._papers_of(target) | {
                p for v in self._variants_of(target) for p in self._papers_of(v)}
        rows = []
        for paper, repo, data in self.nx.edges(data=True):
            if data.get("relation") != "has_code" or (allowed is not None and paper not in allowed):
                continue
            names = [self.nx.nodes[t]["label"] for _, t, d in self.nx.out_edges(paper, data=True)
                     if d.get("relation") in ("mentions", "proposes")]
            rows.append({"url": "https://" + self.nx.nodes[repo]["label"], "paper": paper.split(":", 1)[1],
                         "title": self.nx.nodes[paper].get("title", ""), "names": "; ".join(names),
                         "evidence": data.get("evidence", "")})
        return pd.DataFrame(rows, columns=["url", "paper", "title", "names", "evidence"])

    def path(self, a: str, b: str) -> pd.DataFrame:
        """The shortest chain of papers and entities linking ``a`` to ``b`` (edges in either direction).

        One row per step: ``node``, ``name``, ``kind``, ``relation`` (to the next step).
        """
        source, target = self.resolve(a), self.resolve(b)
        simple = self.nx.to_undirected(as_view=True)
        try:
            nodes = nx.shortest_path(simple, source, target)
        except nx.NetworkXNoPath:
            raise KgError(f"{a!r} and {b!r} are not connected") from None
        rows = []
        for i, node in enumerate(nodes):
            relation = ""
            if i + 1 < len(nodes):
                data = self.nx.get_edge_data(node, nodes[i + 1]) or self.nx.get_edge_data(nodes[i + 1], node)
                relation = next(iter(data.values())).get("relation", "")
            rows.append({"node": node, "name": self.nx.nodes[node]["label"], "kind": self.nx.nodes[node]["kind"],
                         "relation": relation})
        return pd.DataFrame(rows, columns=["node", "name", "kind", "relation"])

    def summary(self, top: int = 5) -> pd.DataFrame:
        """Counts by kind and the most-named entities of each kind."""
        rows = []
        for kind in NODE_KINDS:
            nodes = [(n, d) for n, d in self.nx.nodes(data=True) if d["kind"] == kind]
            if not nodes:
                continue
            best = sorted(nodes, key=lambda nd: (-nd[1].get("paper_count", 0), nd[1]["label"]))[:top]
            tops = "" if kind in ("Paper", "Claim") else "; ".join(
                f"{d['label']} ({d.get('paper_count', 0)})" for _, d in best)
            rows.append({"kind": kind, "count": len(nodes), "top": tops})
        return pd.DataFrame(rows, columns=["kind", "count", "top"])
