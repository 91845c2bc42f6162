"""The Python API: loading, questions that return DataFrames, helpful errors, and the README examples."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def small_graph() -> kg.KnowledgeGraph:
    return kg.build([
        kg.Paper(id="a", title="A", abstract="We train ResNet-50 on ImageNet and COCO. Code: https://github.com/o/a"),
        kg.Paper(id="b", title="B", abstract="ResNet-101 beats ViT on ImageNet."),
        kg.Paper(id="c", title="C", abstract="ViT on CIFAR-10."),
    ])


def test_related_ranks_by_shared_papers_with_evidence_columns(small_graph):
    frame = small_graph.related("ViT")
    assert list(frame.columns) == ["name", "kind", "shared_papers", "papers", "example"]
    assert frame.iloc[0]["name"] in {"ImageNet", "CIFAR-10", "ResNet-101"}
    assert set(frame["name"]) == {"ImageNet", "CIFAR-10", "ResNet-101"}


def test_datasets_for_and_architectures_on(small_graph):
    assert set(small_graph.datasets_for("resnet 50")["name"]) == {"ImageNet", "COCO"}
    assert set(small_graph.architectures_on("imagenet")["name"]) == {"ResNet-50", "ResNet-101", "ViT"}


def test_variants_of_a_family(small_graph):
    assert set(small_graph.variants("ResNet")["name"]) == {"ResNet-50", "ResNet-101"}


def test_papers_of_a_family_include_its_variants(small_graph):
    assert set(small_graph.papers(mentioning="resnet")["id"]) == {"a", "b"}


def test_repos_come_with_their_paper(small_graph):
    frame = small_graph.repos()
    assert frame.to_dict("records")[0]["url"] == "https://github.com/o/a"
    assert "ResNet-50" in frame.iloc[0]["names"]


def test_path_links_two_entities_through_a_paper(small_graph):
    frame = small_graph.path("COCO", "ResNet-50")
    assert list(frame["name"]) == ["COCO", "A", "ResNet-50"]


def test_summary_counts_by_kind(small_graph):
    summary = small_graph.summary().set_index("kind")["count"]
    assert summary["Paper"] == 3 and summary["Dataset"] == 4  # ImageNet, COCO, CIFAR-10 and its family CIFAR


def test_unknown_name_suggests_near_names(small_graph):
    with pytest.raises(kg.UnknownNameError, match="did you mean 'ImageNet'"):
        small_graph.related("ImageNett")


def test_load_reports_a_missing_graph(tmp_path):
    with pytest.raises(kg.KgError, match="no saved graph"):
        kg.load(tmp_path)


def test_kg_query_prints_tables(tmp_path, small_graph, capsys):
    small_graph.save(tmp_path)
    assert main(["query", "related", "ViT", "--graph", str(tmp_path), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "name,kind,shared_papers,papers,example" and len(out) == 4
    assert main(["query", "papers", "--mentioning", "COCO", "--graph", str(tmp_path), "--format", "json"]) == 0
    assert '"id": "a"' in capsys.readouterr().out


def test_readme_python_examples_run(tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    corpus = tmp_path / "my_abstracts.jsonl"
    corpus.write_text("".join(
        f'{{"id": "{p.id}", "title": {p.title!r}, "abstract": {p.abstract!r}}}\n'.replace("'", '"')
        for p in kg.read_corpus(kg.sample_corpus_path())
        if '"' not in p.title + p.abstract and "'" not in p.title + p.abstract
    ), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own examples
        assert isinstance(namespace.get("graph"), kg.KnowledgeGraph)
    assert isinstance(namespace["graph"].leaderboard(dataset="ImageNet", metric="top-1 accuracy"), pd.DataFrame)
