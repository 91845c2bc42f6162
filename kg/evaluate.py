"""Scoring extraction output against gold annotations, by the rules of ``shared/gold``.

The rules (GUIDELINES.md and the reference scorer ``score.py``):

* **Entities** are matched per paper, one to one and greedily in gold order:
  a gold entity matches the first unused predicted entity with the same
  label that shares a normalised surface form (its canonical name or any
  alias, against the prediction's canonical name or any mention text).
  Normalising ignores case, spaces and punctuation except ``+`` (read as
  "plus"), and drops a plural ``s`` after a letter in forms longer than
  three characters (not ``ss``). REPO forms are URLs compared without scheme,
  ``www.``, trailing punctuation or slash, and anything from ``{`` on.
* **Claims** are matched per paper, one to one, greedily: same kind; same
  value after normalisation (``10 times`` = ``10x``, ``99.9\\%`` = ``99.9%``,
  the number and its unit ``% x k m b g``); the same dataset when the gold
  claim names one; the same object for a comparison without a value; the same
  subject for a state-of-the-art claim without a dataset (``PROPOSED``
  matches anything). Names match through the paper's gold aliases.
* Papers missing from the predictions count as empty predictions.

This module is the project's own implementation; ``tests/test_evaluate.py``
checks that it agrees with the reference scorer on a fixture.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import CorpusError
from kg.schema import LABELS


def normalise(form: str | None) -> str:
    """A surface form as the scorer compares it ("CNNs" -> "cnn", "Grad-CAM++" -> "gradcamplusplus")."""
    text = (form or "").strip()
    if len(text) > 3 and text.endswith("s") and text[-2].isalpha() and not text.endswith("ss"):
        text = text[:-1]
    return re.sub(r"[^0-9a-z+]+", "", text.lower()).replace("+", "plus")


def normalise_url(url: str | None) -> str:
    """A URL as the scorer compares it: no scheme, ``www.``, trailing punctuation, slash or ``{...}``."""
    text = (url or "").strip().rstrip(".,;:)]}>'\"").lower()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text)
    return text.split("{")[0].rstrip("/")


def normalise_value(value: Any) -> str | None:
    """A claim value as the scorer compares it: ``"81.50 %"`` -> ``"81.5%"``, ``"5times"`` -> ``"5x"``."""
    if value is None:
        return None
    text = str(value).lower().replace(",", "").replace(" ", "")
    for written, unit in (("times", "x"), ("fold", "x"), ("×", "x"), ("\\%", "%")):
        text = text.replace(written, unit)
    match = re.search(r"(\d+(?:\.\d+)?)\s*(%|x|k|m|b|g)?", text)
    if match is None:
        return text
    return f"{float(match.group(1)):g}{match.group(2) or ''}"


def _gold_forms(entity: dict) -> set[str]:
    norm = normalise_url if entity["label"] == "REPO" else normalise
    return {norm(f) for f in [entity.get("canonical"), *(entity.get("aliases") or [])] if f} - {""}


def _predicted_forms(entity: dict) -> set[str]:
    norm = normalise_url if entity.get("label") == "REPO" else normalise
    forms = [entity.get("canonical"), *(m.get("text") for m in entity.get("mentions") or [])]
    return {norm(f) for f in forms if f} - {""}


@dataclass
class Scores:
    """Counts per label and for claims, plus the misses and false hits when asked for."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    claims_tp: int = 0
    claims_fp: int = 0
    claims_fn: int = 0
    papers: int = 0
    predicted_papers: int = 0
    details: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, Any]:
        """The scores in the reference scorer's ``--json`` shape (values rounded to 3 places)."""
        out: dict[str, Any] = {"papers": self.papers, "predicted_papers": self.predicted_papers}
        for label in LABELS:
            p, r, f = self.prf(self.tp[label], self.fp[label], self.fn[label])
            out[label] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                          "gold": self.tp[label] + self.fn[label]}
        p, r, f = self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        out["ALL_ENTITIES"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
        p, r, f = self.prf(self.claims_tp, self.claims_fp, self.claims_fn)
        out["CLAIMS"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                         "gold": self.claims_tp + self.claims_fn}
        return out

    def table(self) -> str:
        """A plain-text table: one row per label, then all entities and claims."""
        scores = self.as_dict()
        lines = [f"{'':14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
        for name in [*LABELS, "ALL_ENTITIES", "CLAIMS"]:
            row = scores[name]
            gold = row.get("gold", sum(scores[lab]["gold"] for lab in LABELS))
            lines.append(f"{name:14}{row['p']:7.3f}{row['r']:7.3f}{row['f1']:7.3f}{gold:7d}")
        lines.append(f"papers: {self.papers} gold, {self.predicted_papers} predicted")
        return "\n".join(lines)


def _names_match(gold_name: str | None, predicted: str | None, aliases: dict[str, set[str]]) -> bool:
    if gold_name is None:
        return True
    if predicted is None:
        return False
    p = normalise(predicted)
    return p == normalise(gold_name) or p in aliases.get(normalise(gold_name), set())


def _claim_matches(gold: dict, pred: dict, aliases: dict[str, set[str]]) -> bool:
    if gold.get("kind") != pred.get("kind"):
        return False
    if gold.get("value") is not None and normalise_value(gold["value"]) != normalise_value(pred.get("value")):
        return False
    if gold.get("dataset") and not _names_match(gold["dataset"], pred.get("dataset"), aliases):
        return False
    if gold.get("kind") == "comparison" and gold.get("value") is None:
        if not _names_match(gold.get("object"), pred.get("object"), aliases):
            return False
    if gold.get("kind") == "sota" and not gold.get("dataset"):
        subject = gold.get("subject") if gold.get("subject") != "PROPOSED" else None
        if not _names_match(subject, pred.get("subject"), aliases):
            return False
    return True


def score(gold_rows: list[dict], predicted_rows: list[dict], details: bool = False) -> Scores:
    """Score predictions against gold papers (both as lists of JSON objects)."""
    predicted = {row["id"]: row for row in predicted_rows}
    result = Scores(papers=len(gold_rows), predicted_papers=sum(1 for g in gold_rows if g["id"] in predicted))
    for gold in gold_rows:
        pred = predicted.get(gold["id"], {})
        entities = [e for e in pred.get("entities") or [] if e.get("label") in LABELS]
        used: set[int] = set()
        misses = []
        for g in gold.get("entities") or []:
            forms = _gold_forms(g)
            hit = next((j for j, p in enumerate(entities)
                        if j not in used and p.get("label") == g["label"] and forms & _predicted_forms(p)), None)
            if hit is None:
                result.fn[g["label"]] += 1
                misses.append(f"{gold['id']} FN {g['label']} {g['canonical']!r} {g.get('aliases')}")
            else:
                used.add(hit)
                result.tp[g["label"]] += 1
        false_hits = []
        for j, p in enumerate(entities):
            if j not in used:
                result.fp[p.get("label")] += 1
                false_hits.append(f"{gold['id']} FP {p.get('label')} {p.get('canonical')!r}")
        aliases: dict[str, set[str]] = {}
        for g in gold.get("entities") or []:
            forms = _gold_forms(g) | {normalise(g["canonical"])}
            aliases.setdefault(normalise(g["canonical"]), set()).update(forms)
        claims = pred.get("claims") or []
        used_claims: set[int] = set()
        claim_lines = []
        for g in gold.get("claims") or []:
            hit = next((j for j, p in enumerate(claims)
                        if j not in used_claims and _claim_matches(g, p, aliases)), None)
            if hit is None:
                result.claims_fn += 1
                claim_lines.append(f"{gold['id']} MISSED CLAIM {json.dumps(g)}")
            else:
                used_claims.add(hit)
                result.claims_tp += 1
        extra = [p for j, p in enumerate(claims) if j not in used_claims]
        result.claims_fp += len(extra)
        if details:
            result.details.extend(claim_lines)
            result.details.extend(f"{gold['id']} EXTRA CLAIM {json.dumps(_scored_fields(p))}" for p in extra)
            result.details.extend(misses + false_hits)
    return result


def _scored_fields(claim: dict) -> dict:
    keys = ("kind", "subject", "metric", "value", "dataset", "object", "direction")
    return {k: claim.get(k) for k in keys}


def read_jsonl(path: str | Path) -> list[dict]:
    """Rows of a JSON Lines file; a bad line raises CorpusError naming the file and line."""
    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(path, f"malformed JSON ({exc.msg})", number) from None
                if not isinstance(row, dict) or "id" not in row:
                    raise CorpusError(path, "each line must be an object with an 'id'", number)
                rows.append(row)
    except FileNotFoundError:
        raise CorpusError(path, "no such file") from None
    except UnicodeDecodeError:
        raise CorpusError(path, "not UTF-8 text") from None
    return rows
