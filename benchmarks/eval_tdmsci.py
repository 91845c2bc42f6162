"""Entity quality on text nobody tuned to: the TDMSci test set (TASK, DATASET, METRIC).

TDMSci (Hou et al., 2021; ``../shared/reference/tdmsci``) tags tasks,
datasets and metrics in 487 sentences of NLP papers. This script turns its
test split into the gold format of ``kg evaluate`` (one "paper" per
sentence; an entity per tagged span) and scores the extractor on the three
labels TDMSci annotates. The text is pre-tokenised ("part - of - speech"),
which costs the extractor some matches, and its spans keep what kg's
guidelines leave out or split ("the SCATE corpus", "statistical machine
translation (SMT)" as one span), so the script prints two tables: the data as
given, and the same data read in kg's conventions (text and spans
detokenised, "X (Y)" as the two forms X and Y, generic heads dropped). The
labels of the spans are never changed.

    python benchmarks/eval_tdmsci.py [../shared/reference/tdmsci]
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.pipeline import extract_records  # noqa: E402
from kg.evaluate import score  # noqa: E402
from kg.schema import Paper  # noqa: E402

LABELS = {"TASK", "DATASET", "METRIC"}


_TOKEN_GAPS = [
    (re.compile(r"(?<=\w) ([-/]) (?=\w)"), r"\1"),  # "part - of - speech" -> "part-of-speech"
    (re.compile(r" ([,.;:!?)\]%])"), r"\1"),  # "methods ," -> "methods,"
    (re.compile(r"([(\[]) "), r"\1"),  # "( SMT" -> "(SMT"
    (re.compile(r" ' s\b"), "'s"),  # "Children ' s" -> "Children's"
    (re.compile(r" n't\b"), "n't"),
]
#: Generic heads the kg guidelines leave out of a name ("the ImageNet dataset" -> ImageNet), which
#: TDMSci keeps in its spans ("SCATE corpus").
_GENERIC_HEAD = re.compile(r"\s+(?:corpus|corpora|dataset|datasets|data set|data sets|benchmark|benchmarks)$",
                           re.IGNORECASE)
_ABBREVIATED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


def detokenize(text: str) -> str:
    """The sentence as written: TDMSci's text and spans are split into tokens ("DNN - based", "SMT )")."""
    for pattern, replacement in _TOKEN_GAPS:
        text = pattern.sub(replacement, text)
    return text


def surface_forms(surface: str) -> list[str]:
    """The forms the kg guidelines give one TDMSci span: the span itself, and for "X (Y)" both X and Y
    (an abbreviation is two surface forms of one entity), each without a generic head ("SCATE corpus")."""
    forms = [surface]
    match = _ABBREVIATED.match(surface)
    if match:
        forms += [match.group(1), match.group(2)]
    forms += [_GENERIC_HEAD.sub("", f) for f in forms if _GENERIC_HEAD.search(f)]
    return list(dict.fromkeys(f for f in forms if f))


def load(folder: Path, convention: bool = False) -> tuple[list[dict], list[Paper]]:
    """TDMSci's test split as gold rows and papers; ``convention`` reads its text and spans the way
    kg's guidelines write names (:func:`detokenize`, :func:`surface_forms`)."""
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
            if convention:
                surface = detokenize(surface)
            forms = surface_forms(surface) if convention else [surface]
            entities.setdefault((label, surface.lower()), {"label": label, "canonical": surface, "aliases": forms})
        gold.append({"id": f"s{i}", "entities": list(entities.values()), "claims": []})
        papers.append(Paper(id=f"s{i}", title=".", abstract=detokenize(line) if convention else line))
    return gold, papers


def scores(folder: Path, convention: bool) -> dict:
    gold, papers = load(folder, convention)
    predicted = []
    for record in extract_records(papers):
        row = record.to_json()
        row["entities"] = [e for e in row["entities"] if e["label"] in LABELS]
        predicted.append(row)
    return score(gold, predicted).as_dict()


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/reference/tdmsci"
    strict, mapped = scores(folder, convention=False), scores(folder, convention=True)
    print(f"TDMSci test: {strict['papers']} sentences; as given | in kg's conventions (text detokenised,")
    print("'X (Y)' spans as two forms, generic heads such as 'corpus' dropped)")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7} |{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for label in sorted(LABELS):
        a, b = strict[label], mapped[label]
        print(f"{label:10}{a['p']:7.3f}{a['r']:7.3f}{a['f1']:7.3f} |{b['p']:7.3f}{b['r']:7.3f}{b['f1']:7.3f}{b['gold']:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
