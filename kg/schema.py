"""The records that flow through kg: papers in, extraction records out.

The data flow is ``corpus -> Paper -> ExtractionRecord -> graph``. Every
stage speaks these small dataclasses, so a stage can be swapped (a cache, a
Dask worker, a Parquet table) without the others noticing.

Offsets in a :class:`Mention` are character offsets into :attr:`Paper.text`,
which is the title, a blank line, then the abstract. The title is part of the
text because papers name their own models there ("ConViT: Improving ...").
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

#: Entity labels as in ``shared/gold/GUIDELINES.md``, mapped to graph node kinds.
LABEL_TO_KIND: dict[str, str] = {
    "ARCHITECTURE": "Architecture",
    "METHOD": "Method",
    "DATASET": "Dataset",
    "METRIC": "Metric",
    "TASK": "Task",
    "REPO": "Repo",
}
KIND_TO_LABEL: dict[str, str] = {kind: label for label, kind in LABEL_TO_KIND.items()}
LABELS: tuple[str, ...] = tuple(LABEL_TO_KIND)
#: Every node kind in the graph, in legend order.
NODE_KINDS: tuple[str, ...] = ("Paper", *LABEL_TO_KIND.values(), "Claim")

TITLE_ABSTRACT_SEPARATOR = "\n\n"


def title_key(title: str) -> str:
    """The form of a title used to recognise the same paper twice: lower case, single spaces."""
    return " ".join(title.lower().split())


def paper_id_for_title(title: str) -> str:
    """A stable id from the normalised title (the scheme the gold files use)."""
    return hashlib.sha1(title_key(title).encode("utf-8")).hexdigest()[:10]


@dataclass
class Paper:
    """One paper: what a corpus reader yields.

    ``sources`` lists every file (and line) the paper was read from, so a
    de-duplicated paper still says where each copy came from.
    """

    id: str
    title: str
    abstract: str
    date: str | None = None
    categories: list[str] = field(default_factory=list)
    url: str | None = None
    sources: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Title and abstract as one string; mention offsets point into it."""
        return f"{self.title}{TITLE_ABSTRACT_SEPARATOR}{self.abstract}"

    @property
    def year(self) -> int | None:
        match = re.match(r"(\d{4})", self.date or "")
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a paper's text."""

    text: str
    start: int
    end: int
    extractor: str  # which component found it, e.g. "gazetteer", "url", "context"
    sent_start: int = 0  # the sentence it stands in, as offsets into Paper.text
    sent_end: int = 0


@dataclass
class Entity:
    """An entity as one paper names it: every mention of one canonical thing.

    ``proposed`` is true when the paper introduces the name itself
    ("we propose Serpent"); ``family`` names the family a variant belongs to
    (ResNet-50 -> ResNet) when it is known.
    """

    label: str
    canonical: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    family: str | None = None
    proposed: bool = False

    @property
    def kind(self) -> str:
        return LABEL_TO_KIND[self.label]


@dataclass
class Claim:
    """A quantitative or comparative statement of a result (see GUIDELINES.md)."""

    kind: str  # result | comparison | sota
    subject: str | None
    metric: str | None = None
    value: str | None = None
    dataset: str | None = None
    object: str | None = None
    direction: str | None = None
    number: float | None = None
    unit: str | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0


@dataclass
class ExtractionRecord:
    """Everything extracted from one paper."""

    paper: Paper
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The per-paper object of ``shared/gold/score.py``'s format (plus provenance)."""
        return {
            "id": self.paper.id,
            "title": self.paper.title,
            "entities": [
                {
                    "label": e.label,
                    "canonical": e.canonical,
                    "family": e.family,
                    "proposed": e.proposed,
                    "aliases": list(e.aliases),
                    "mentions": [
                        {
                            "text": m.text,
                            "start": m.start,
                            "end": m.end,
                            "extractor": m.extractor,
                            "sentence": [m.sent_start, m.sent_end],
                        }
                        for m in e.mentions
                    ],
                }
                for e in self.entities
            ],
            "claims": [
                {
                    "kind": c.kind,
                    "subject": c.subject,
                    "metric": c.metric,
                    "value": c.value,
                    "dataset": c.dataset,
                    "object": c.object,
                    "direction": c.direction,
                    "number": c.number,
                    "unit": c.unit,
                    "evidence": c.evidence,
                    "start": c.start,
                    "end": c.end,
                }
                for c in self.claims
            ],
        }


def entities_from_json(rows: list[dict[str, Any]]) -> list[Entity]:
    """Entities as :meth:`ExtractionRecord.to_json` wrote them."""
    entities = []
    for row in rows:
        mentions = [
            Mention(
                text=m["text"],
                start=m["start"],
                end=m["end"],
                extractor=m.get("extractor", "rules"),
                sent_start=(m.get("sentence") or [0, 0])[0],
                sent_end=(m.get("sentence") or [0, 0])[1],
            )
            for m in row.get("mentions") or []
        ]
        entities.append(
            Entity(
                label=row["label"],
                canonical=row["canonical"],
                mentions=mentions,
                aliases=list(row.get("aliases") or [m.text for m in mentions]),
                family=row.get("family"),
                proposed=bool(row.get("proposed")),
            )
        )
    return entities


def claims_from_json(rows: list[dict[str, Any]]) -> list[Claim]:
    fields = set(Claim.__dataclass_fields__)
    return [Claim(**{k: v for k, v in row.items() if k in fields}) for row in rows]


def record_from_json(paper: Paper, row: dict[str, Any]) -> ExtractionRecord:
    """The inverse of :meth:`ExtractionRecord.to_json` for a known paper (used by caches and workers)."""
    return ExtractionRecord(paper=paper, entities=entities_from_json(row.get("entities") or []),
                            claims=claims_from_json(row.get("claims") or []))
