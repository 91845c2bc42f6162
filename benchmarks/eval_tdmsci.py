"""Entity quality on text nobody tuned to: the TDMSci test set (TASK, DATASET, METRIC).

TDMSci (Hou et al., 2021; ``../shared/reference/tdmsci``) tags tasks,
datasets and metrics in 487 sentences of NLP papers. This script turns its
test split into the gold format of ``kg evaluate`` (one "paper" per
sentence; an entity per tagged span) and scores the extractor on the three
labels TDMSci annotates. The text is pre-tokenised ("part - of - speech"),
which costs the extractor some matches; the numbers are a floor.

    python benchmarks/eval_tdmsci.py [../shared/reference/tdmsci]
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.pipeline import extract_records  # noqa: E402
from kg.evaluate import score  # noqa: E402
from kg.schema import Paper  # noqa: E402

LABELS = {"TASK", "DATASET", "METRIC"}


def load(folder: Path) -> tuple[list[dict], list[Paper]]:
    text = (folder / "test.txt").read_text(encoding="utf-8")
    lines, offsets, position = text.split("\n"), [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    spans = defaultdict(list)
    for row in (folder / "test.ann").read_text(encoding="utf-8").splitlines():
        if not row.startswith("T"):
            continue
        _, info, surface = row.split("\t")
        label, start, _ = info.split(" ", 2)
        line = max(i for i, o in enumerate(offsets) if o <= int(start))
        spans[line].append((label, surface))
    gold, papers = [], []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        entities = {}
        for label, surface in spans.get(i, []):
            entities.setdefault((label, surface.lower()), {"label": label, "canonical": surface, "aliases": [surface]})
        gold.append({"id": f"s{i}", "entities": list(entities.values()), "claims": []})
        papers.append(Paper(id=f"s{i}", title=".", abstract=line))
    return gold, papers


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/reference/tdmsci"
    gold, papers = load(folder)
    predicted = []
    for record in extract_records(papers):
        row = record.to_json()
        row["entities"] = [e for e in row["entities"] if e["label"] in LABELS]
        predicted.append(row)
    result = score(gold, predicted).as_dict()
    print(f"TDMSci test: {len(gold)} sentences")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for label in sorted(LABELS):
        row = result[label]
        print(f"{label:10}{row['p']:7.3f}{row['r']:7.3f}{row['f1']:7.3f}{row['gold']:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
