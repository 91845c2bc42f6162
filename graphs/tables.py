"""CSV tables for people who prefer spreadsheets: papers, entities, mentions.

Lists are joined with ``"; "`` as in every other export; files are UTF-8 and
written atomically.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

from graphs.sanitize import LIST_SEPARATOR
from kg.atomic import atomic_write
from kg.schema import ExtractionRecord

PAPER_COLUMNS = ["id", "title", "date", "year", "categories", "url", "sources", "entities", "abstract"]
ENTITY_COLUMNS = ["id", "name", "kind", "paper_count", "aliases", "family"]
CLAIM_COLUMNS = ["id", "paper_id", "kind", "subject", "metric", "value", "number", "unit", "dataset", "object",
                 "direction", "evidence"]
MENTION_COLUMNS = ["paper_id", "label", "canonical", "text", "start", "end", "extractor", "sentence"]


def papers_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "Paper":
            continue
        rows.append(
            {
                "id": node.split(":", 1)[1],
                "title": data.get("title", ""),
                "date": data.get("date", ""),
                "year": data.get("year"),
                "categories": LIST_SEPARATOR.join(data.get("categories") or []),
                "url": data.get("url", ""),
                "sources": LIST_SEPARATOR.join(data.get("sources") or []),
                "entities": graph.out_degree(node),
                "abstract": data.get("abstract", ""),
            }
        )
    frame = pd.DataFrame(rows, columns=PAPER_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def entities_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [
        {
            "id": node,
            "name": data.get("label", ""),
            "kind": data.get("kind", ""),
            "paper_count": data.get("paper_count", 0),
            "aliases": LIST_SEPARATOR.join(data.get("aliases") or []),
            "family": data.get("family", ""),
        }
        for node, data in graph.nodes(data=True)
        if data.get("kind") not in ("Paper", "Claim")
    ]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def claims_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    rows = [
        {
            "id": node,
            "paper_id": data.get("paper", ""),
            "kind": data.get("claim_kind"),
            "subject": data.get("subject"),
            "metric": data.get("metric"),
            "value": data.get("value"),
            "number": data.get("number"),
            "unit": data.get("unit"),
            "dataset": data.get("dataset"),
            "object": data.get("object"),
            "direction": data.get("direction"),
            "evidence": data.get("evidence", ""),
        }
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "Claim"
    ]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def mention_values(record: ExtractionRecord) -> list[tuple]:
    """One tuple per mention of one paper, in :data:`MENTION_COLUMNS` order (what ``csv.writer`` writes, cheaply)."""
    text = record.paper.text
    pid = record.paper.id
    return [
        (pid, entity.label, entity.canonical, mention.text, mention.start, mention.end, mention.extractor,
         text[mention.sent_start : mention.sent_end].strip())
        for entity in record.entities
        for mention in entity.mentions
    ]


def mention_rows(record: ExtractionRecord) -> list[dict]:
    """One row per mention of one paper."""
    return [dict(zip(MENTION_COLUMNS, values)) for values in mention_values(record)]


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    with atomic_write(path, "w", encoding="utf-8") as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")


def write_tables(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write papers.csv, entities.csv and claims.csv into ``out_dir``.

    ``mentions.csv`` comes from the extraction records, not the graph: the
    build writes it row by row while extracting (:func:`mention_values`).
    """
    out_dir = Path(out_dir)
    paths = {
        "papers": out_dir / "papers.csv",
        "entities": out_dir / "entities.csv",
        "claims": out_dir / "claims.csv",
    }
    write_csv(papers_frame(graph), paths["papers"])
    write_csv(entities_frame(graph), paths["entities"])
    write_csv(claims_frame(graph), paths["claims"])
    return paths
