"""Claim queries: who reports what on which dataset, best first.

A mixin of :class:`kg.graph.KnowledgeGraph`; claims are nodes of kind
``Claim`` with edges ``about`` (subject), ``measures`` (metric), ``on``
(dataset) and ``compared_with`` (object). Names resolve through aliases, so
``"MS COCO"`` finds claims on ``COCO``, and a family finds its variants
(claims on ``ImageNet-1K`` count for ``ImageNet``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from extractors.values import readable_value

LOWER_IS_BETTER_FILE = Path(__file__).resolve().parent / "data" / "lower_is_better.txt"
CLAIM_COLUMNS = ["paper", "title", "kind", "subject", "metric", "value", "number", "unit", "dataset", "object",
                 "direction", "evidence"]
LEADERBOARD_COLUMNS = ["subject", "value", "number", "unit", "metric", "dataset", "paper", "title", "evidence"]


@lru_cache(maxsize=1)
def lower_is_better_metrics() -> frozenset[str]:
    with open(LOWER_IS_BETTER_FILE, encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


def lower_is_better(metric: str) -> bool:
    """True for error, loss, FLOPs, parameters, latency and the like.

    >>> lower_is_better("top-1 error"), lower_is_better("top-1 accuracy"), lower_is_better("FLOPs")
    (True, False, True)
    """
    name = metric.strip().lower()
    table = lower_is_better_metrics()
    return name in table or name.split()[-1] in table


class ClaimQueries:
    """Claim tables; needs ``self.nx``, ``self.resolve`` and ``self._variants_of``."""

    def _targets(self, name: str | None, kind: str) -> set[str] | None:
        if name is None:
            return None
        node = self.resolve(name, kind)  # type: ignore[attr-defined]
        return {node, *self._variants_of(node)}  # type: ignore[attr-defined]

    def claims(self, subject: str | None = None, dataset: str | None = None, metric: str | None = None,
               kind: str | None = None) -> pd.DataFrame:
        """Claims filtered by subject, dataset, metric (names or aliases) and claim kind.

        Columns: paper, title, kind, subject, metric, value, number, unit,
        dataset, object, direction, evidence.
        """
        graph = self.nx  # type: ignore[attr-defined]
        wanted = {
            "about": self._targets(subject, None) if subject else None,
            "on": self._targets(dataset, "Dataset"),
            "measures": self._targets(metric, "Metric"),
        }
        rows = []
        for node, data in graph.nodes(data=True):
            if data.get("kind") != "Claim" or (kind and data.get("claim_kind") != kind):
                continue
            links = {d["relation"]: target for _, target, d in graph.out_edges(node, data=True)}
            if any(allowed is not None and links.get(relation) not in allowed for relation, allowed in wanted.items()):
                continue
            paper = data.get("paper", "")
            rows.append({
                "paper": paper,
                "title": graph.nodes.get(f"paper:{paper}", {}).get("title", ""),
                "kind": data.get("claim_kind"),
                "subject": data.get("subject"),
                "metric": _label(graph, links.get("measures")) or data.get("metric"),
                "value": readable_value(data["value"]) if data.get("value") else data.get("value"),
                "number": data.get("number"),
                "unit": data.get("unit"),
                "dataset": _label(graph, links.get("on")) or data.get("dataset"),
                "object": data.get("object"),
                "direction": data.get("direction"),
                "evidence": data.get("evidence", ""),
            })
        return pd.DataFrame(rows, columns=CLAIM_COLUMNS)

    def leaderboard(self, dataset: str, metric: str) -> pd.DataFrame:
        """Result claims on ``dataset`` measured by ``metric``, best first.

        Lower-is-better metrics (error, FLOPs, parameters, latency, ...) sort
        ascending, the rest descending. Columns: subject, value, number, unit,
        metric, dataset, paper, title, evidence.
        """
        frame = self.claims(dataset=dataset, metric=metric, kind="result")
        frame = frame[frame["number"].notna()]
        metric_name = self.nx.nodes[self.resolve(metric, "Metric")]["label"]  # type: ignore[attr-defined]
        ascending = lower_is_better(metric_name)
        frame = frame.sort_values(["number", "subject"], ascending=[ascending, True], kind="stable")
        return frame[LEADERBOARD_COLUMNS].reset_index(drop=True)


def _label(graph, node: str | None) -> str | None:
    return graph.nodes[node].get("label") if node is not None else None
