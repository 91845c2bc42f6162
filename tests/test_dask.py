"""Extraction on a Dask cluster (a LocalCluster of two worker processes) equals extraction here."""
from __future__ import annotations

import json

import pytest

import kg
from kg.runner import run_extraction
from kg.tables import MANIFEST, part_name, read_records

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def serial_records(sample_papers) -> list[kg.ExtractionRecord]:
    return list(run_extraction(sample_papers))


@pytest.fixture()
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


def test_dask_extraction_equals_single_process_extraction(tmp_path, client, serial_records):
    from kg.dask_extract import extract_on_dask

    summary = extract_on_dask(kg.read_corpus(kg.sample_corpus_path()), tmp_path, client, shard_size=40)
    assert summary.parts == [part_name(i) for i in range(7)]  # 257 papers in shards of 40
    assert (tmp_path / "papers" / part_name(6)).exists()
    assert list(read_records(tmp_path)) == serial_records


def test_cli_extracts_on_a_scheduler_address_into_tables_equal_to_serial_ones(tmp_path, cluster, serial_records):
    from kg.cli import main

    tables = tmp_path / "tables"
    assert main(["extract", str(kg.sample_corpus_path()), "--dask", cluster.scheduler_address,
                 "--parquet", str(tables), "--shard-size", "100", "-q"]) == 0
    assert json.loads((tables / MANIFEST).read_text())["parts"] == [part_name(i) for i in range(3)]
    assert list(read_records(tables)) == serial_records


def test_bad_input_on_the_dask_path_names_the_file_and_line(tmp_path, cluster, capsys):
    from kg.cli import main

    corpus = tmp_path / "bad.jsonl"
    good = '{"title": "T%d", "abstract": "We train ResNet-50 on ImageNet."}\n'
    corpus.write_text(good % 1 + good % 2 + '{"title": "broken", \n')
    code = main(["extract", str(corpus), "--dask", cluster.scheduler_address, "--parquet", str(tmp_path / "t"),
                 "--shard-size", "1", "-q"])
    assert code == 1
    assert f"{corpus}:3: malformed JSON" in capsys.readouterr().err
    assert not (tmp_path / "t" / MANIFEST).exists()


def test_dask_needs_a_directory_for_its_tables(tmp_path, capsys):
    from kg.cli import main

    assert main(["extract", str(kg.sample_corpus_path()), "--dask", "tcp://127.0.0.1:1"]) == 1
    assert "--parquet DIR" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_line_error(tmp_path, capsys):
    from kg.dask_extract import connect
    from kg.errors import KgError

    with pytest.raises(KgError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        connect("tcp://127.0.0.1:1", timeout="1s")


def test_build_on_dask_writes_the_graph_of_a_plain_build(tmp_path, cluster):
    from kg.cli import main
    from kg.persist import load_graph

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"p{i}", "title": f"Paper {i}", "abstract": text}) + "\n"
        for i, text in enumerate(["We train ResNet-50 on ImageNet.", "ViT beats ResNet-50 on COCO by 2 mAP.",
                                  "Code: https://github.com/a/b. BERT on GLUE."])))
    assert main(["build", str(corpus), "--dask", cluster.scheduler_address, "--shard-size", "2",
                 "-o", str(tmp_path / "on-dask"), "-q"]) == 0
    assert (tmp_path / "on-dask" / "tables" / MANIFEST).exists()
    assert main(["build", str(corpus), "-o", str(tmp_path / "plain"), "-q", "--no-cache"]) == 0
    on_dask, plain = load_graph(tmp_path / "on-dask"), load_graph(tmp_path / "plain")
    assert list(on_dask.nodes(data=True)) == list(plain.nodes(data=True))
    assert list(on_dask.edges(keys=True, data=True)) == list(plain.edges(keys=True, data=True))


def test_a_shard_failing_on_a_worker_is_reported_with_its_first_paper(tmp_path, client):
    from kg.dask_extract import extract_on_dask
    from kg.errors import KgError

    good = kg.Paper(id="g", title="Good", abstract="ResNet-50.", sources=["c.jsonl:1"])
    bad = kg.Paper(id="b", title="Bad", abstract="ViT.", categories=[{"not": "a string"}], sources=["c.jsonl:2"])
    with pytest.raises(KgError, match=r"shard 1 \(papers from c.jsonl:2\) failed on the cluster"):
        extract_on_dask([good, bad], tmp_path, client, shard_size=1)
    assert not (tmp_path / MANIFEST).exists()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_a_shard_is_extracted_and_stamped_with_the_chosen_extractors(tmp_path, sample_papers):
    """--extractors reaches the workers: a rules+ner shard is not stamped (or extracted) as rules-only."""
    from kg.dask_extract import extract_shard
    from kg.runner import extractor_fingerprint

    result = extract_shard(0, sample_papers[:3], str(tmp_path), ("rules", "ner"))
    assert result.fingerprint == extractor_fingerprint(("rules", "ner")) != extractor_fingerprint()


def test_tables_manifest_names_the_extractors_that_wrote_them(tmp_path, sample_papers):
    from kg.runner import extractor_fingerprint
    from kg.tables import write_tables

    summary = write_tables(run_extraction(sample_papers[:3], extractors=("rules", "ner")), tmp_path, ("rules", "ner"))
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert manifest["extractor"] == summary.fingerprint == extractor_fingerprint(("rules", "ner"))
