"""kg evaluate: the guideline scoring rules, and agreement with the reference scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import normalise, normalise_url, normalise_value, score

REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "gold" / "score.py"

GOLD = [
    {"id": "a", "title": "T", "abstract": "x",
     "entities": [
         {"label": "ARCHITECTURE", "canonical": "CNN", "aliases": ["convolutional neural networks", "CNNs"]},
         {"label": "DATASET", "canonical": "ImageNet", "aliases": ["ImageNet"]},
         {"label": "METHOD", "canonical": "Grad-CAM++", "aliases": ["Grad-CAM++"]},
         {"label": "REPO", "canonical": "https://github.com/o/r", "aliases": ["https://github.com/o/r"]},
     ],
     "claims": [
         {"kind": "result", "subject": "TNT", "metric": "top-1 accuracy", "value": "81.5%", "dataset": "ImageNet",
          "object": None, "direction": None},
         {"kind": "comparison", "subject": "X", "metric": None, "value": None, "dataset": None,
          "object": "DeiT", "direction": "better"},
     ]},
    {"id": "b", "title": "U", "abstract": "y",
     "entities": [{"label": "TASK", "canonical": "object detection", "aliases": ["object detection"]}],
     "claims": [{"kind": "comparison", "subject": "U", "metric": "speedup", "value": "10x", "dataset": None,
                 "object": "LightGCN", "direction": "better"}]},
]
PRED = [
    {"id": "a",
     "entities": [
         {"label": "ARCHITECTURE", "canonical": "CNN", "mentions": [{"text": "CNNs", "start": 0, "end": 4}]},
         {"label": "ARCHITECTURE", "canonical": "ImageNet", "mentions": []},  # wrong label: FP and FN
         {"label": "METHOD", "canonical": "Grad-CAM", "mentions": []},  # ++ matters
         {"label": "REPO", "canonical": "github.com/o/r", "mentions": [{"text": "https://www.github.com/o/r/."}]},
     ],
     "claims": [
         {"kind": "result", "subject": "TNT", "metric": "top-1 accuracy", "value": "81.50 %", "dataset": "ImageNet"},
         {"kind": "comparison", "subject": "X", "object": "ViT", "direction": "better"},
     ]},
    # paper "b" is missing: counts as empty
]


def test_normalisation_follows_the_guidelines():
    assert normalise("CNNs") == normalise("cnn") == "cnn"
    assert normalise("Grad-CAM++") == "gradcamplusplus" != normalise("Grad-CAM")
    assert normalise("RaftMLP-S") != normalise("RaftMLP") and normalise("loss") == "loss"
    assert normalise_url("https://www.GitHub.com/o/r/.") == "github.com/o/r"
    assert normalise_url("https://x.org/a{https://x.org/a}") == "x.org/a"
    assert normalise_value("5times") == normalise_value("5x") == "5x"
    assert normalise_value("99.9\\%") == "99.9%" and normalise_value("354K") == "354k"


def test_scores_count_label_form_and_claim_matches():
    result = score(GOLD, PRED).as_dict()
    assert result["papers"] == 2 and result["predicted_papers"] == 1
    assert result["ARCHITECTURE"] == {"p": 0.5, "r": 1.0, "f1": 0.667, "gold": 1}
    assert result["DATASET"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1}
    assert result["METHOD"]["f1"] == 0.0 and result["REPO"]["f1"] == 1.0
    assert result["TASK"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1}
    assert result["CLAIMS"] == {"p": 0.5, "r": 0.333, "f1": 0.4, "gold": 3}


def test_details_list_misses_and_false_hits():
    lines = score(GOLD, PRED, details=True).details
    assert "a FP ARCHITECTURE 'ImageNet'" in lines
    assert any(line.startswith("a FN DATASET 'ImageNet'") for line in lines)
    assert any(line.startswith("b MISSED CLAIM") for line in lines)


def write_fixture(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in GOLD))
    pred.write_text("".join(json.dumps(r) + "\n" for r in PRED))
    return gold, pred


def test_kg_evaluate_agrees_with_the_reference_scorer(tmp_path, capsys):
    if not REFERENCE_SCORER.exists():
        pytest.skip("../shared/gold/score.py is not present")
    gold, pred = write_fixture(tmp_path)
    assert main(["evaluate", str(gold), "--pred", str(pred), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    reference = subprocess.run([sys.executable, str(REFERENCE_SCORER), str(gold), str(pred), "--json"],
                               capture_output=True, text=True, check=True)
    assert ours == json.loads(reference.stdout)


def test_kg_evaluate_extracts_the_gold_papers_without_pred(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    row = {"id": "g1", "title": "T", "abstract": "We train ResNet-50 on ImageNet.",
           "entities": [{"label": "DATASET", "canonical": "ImageNet", "aliases": ["ImageNet"]}], "claims": []}
    gold.write_text(json.dumps(row) + "\n")
    assert main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out
    dataset_row = next(line for line in out.splitlines() if line.startswith("DATASET"))
    assert dataset_row.split() == ["DATASET", "1.000", "1.000", "1.000", "1"]
