"""The command line end to end, and its error messages."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from kg.cli import main

SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "gold" / "score.py"


def test_build_writes_every_output(sample_build_dir):
    for name in ("graph.html", "graph.graphml", "papers.csv", "entities.csv", "mentions.csv"):
        assert (sample_build_dir / name).stat().st_size > 0
    papers = pd.read_csv(sample_build_dir / "papers.csv")
    assert len(papers) == 257
    entities = pd.read_csv(sample_build_dir / "entities.csv")
    assert {"Architecture", "Dataset", "Metric", "Task", "Repo"} <= set(entities["kind"])
    mentions = pd.read_csv(sample_build_dir / "mentions.csv")
    assert set(mentions["paper_id"]) <= set(papers["id"])


def test_extract_writes_scorer_format(tmp_path):
    corpus = tmp_path / "gold.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "title": "T", "abstract": "We train ResNet-50 on ImageNet."}) + "\n")
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["id"] == "x1" and row["claims"] == []
    resnet = next(e for e in row["entities"] if e["canonical"] == "ResNet-50")
    assert resnet["label"] == "ARCHITECTURE"
    mention = resnet["mentions"][0]
    assert (mention["text"], mention["start"], mention["end"]) == ("ResNet-50", 12, 21)


def test_reference_scorer_reads_extract_output(tmp_path):
    if not SHARED_SCORER.exists():
        import pytest

        pytest.skip("../shared is not present")
    gold = SHARED_SCORER.parent / "dev.jsonl"
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold), "-o", str(out)]) == 0
    result = subprocess.run([sys.executable, str(SHARED_SCORER), str(gold), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    assert scores["predicted_papers"] == scores["papers"] == 113
    assert scores["REPO"]["f1"] > 0.9


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def test_bad_input_gives_one_line_error_and_nonzero_exit(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "T", "abstract": "A"}\n{broken\n')
    result = run_cli("extract", str(bad), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"kg: error: {bad}:2: malformed JSON (Expecting property name enclosed in double quotes, column 2)"]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == [bad]


def test_failed_build_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "T", "abstract": "We use ResNet-50."}) + "\n")
    assert main(["build", str(good), "-o", str(out)]) == 0
    before = (out / "graph.graphml").read_bytes()
    result = run_cli("build", str(tmp_path / "missing.csv"), "-o", str(out))
    assert result.returncode == 1 and "missing.csv: no such file" in result.stderr
    assert (out / "graph.graphml").read_bytes() == before


def test_python_dash_m_kg_shows_help():
    result = run_cli("--help")
    assert result.returncode == 0 and "build" in result.stdout and "extract" in result.stdout
