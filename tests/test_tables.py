"""Parquet tables: the round trip, the graph assembled from them, engines reading them, safe writes."""
from __future__ import annotations

import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

import kg
from kg.errors import KgError
from kg.graph_builder import build_graph
from kg.runner import run_extraction
from kg.tables import MANIFEST, SCHEMAS, TABLES, TablesWriter, part_name, read_records, write_tables


@pytest.fixture(scope="module")
def sample_records(sample_papers) -> list[kg.ExtractionRecord]:
    return list(run_extraction(sample_papers))


def assert_same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def odd_record() -> kg.ExtractionRecord:
    """A record with every optional field set one way or the other (nulls, extras, numbers)."""
    paper = kg.Paper(id="x1", title="Odd", abstract="We train ResNet-50.", date=None, categories=["cs.LG"],
                     url=None, sources=["a.jsonl:1"], extra={"authors": ["A", "B"], "venue": None})
    mention = kg.Mention("ResNet-50", 14, 23, "gazetteer", 5, 24)
    entity = kg.Entity("ARCHITECTURE", "ResNet-50", [mention], ["ResNet-50"], family="ResNet", proposed=True)
    claims = [kg.Claim("result", "PROPOSED", metric="accuracy", value="81.5%", number=81.5, unit="%"),
              kg.Claim("sota", None)]
    return kg.ExtractionRecord(paper, [entity, kg.Entity("METHOD", "Nothing")], claims)


def test_records_read_back_from_parquet_equal_the_records_written(tmp_path, sample_records):
    records = [*sample_records, odd_record(), kg.ExtractionRecord(kg.Paper(id="e", title="E", abstract="Empty."))]
    write_tables(records, tmp_path)
    assert list(read_records(tmp_path)) == records


def test_graph_assembled_from_parquet_equals_graph_built_directly(tmp_path, sample_records):
    write_tables(sample_records, tmp_path)
    assert_same_graph(build_graph(read_records(tmp_path)), build_graph(sample_records))


def test_column_types_are_the_declared_schema_even_when_a_table_is_empty(tmp_path):
    write_tables([kg.ExtractionRecord(kg.Paper(id="e", title="E", abstract="Nothing named here."))], tmp_path)
    for name in TABLES:
        assert pq.read_schema(tmp_path / name / part_name(0)).remove_metadata() == SCHEMAS[name]
    assert pq.read_table(tmp_path / "claims").num_rows == 0


def test_rows_follow_input_order_in_every_table(tmp_path, sample_records):
    write_tables(sample_records, tmp_path)
    order = [r.paper.id for r in sample_records]
    assert pq.read_table(tmp_path / "papers").column("paper_id").to_pylist() == order
    rank = {pid: i for i, pid in enumerate(order)}
    for name in ("entities", "mentions", "claims"):
        ids = pq.read_table(tmp_path / name).column("paper_id").to_pylist()
        assert [rank[i] for i in ids] == sorted(rank[i] for i in ids)


def test_pandas_and_duckdb_read_the_tables_directly(tmp_path, sample_records):
    import duckdb
    import pandas as pd

    write_tables(sample_records, tmp_path)
    mentions = pd.read_parquet(tmp_path / "mentions")
    expected = sum(len(e.mentions) for r in sample_records for e in r.entities)
    assert len(mentions) == expected
    by_pandas = mentions[mentions.canonical == "ImageNet"].paper_id.nunique()
    by_duckdb = duckdb.connect().execute(
        f"SELECT count(DISTINCT m.paper_id) FROM '{tmp_path}/mentions/*.parquet' m "
        f"JOIN '{tmp_path}/papers/*.parquet' p USING (paper_id) WHERE m.canonical = 'ImageNet'"
    ).fetchone()[0]
    assert by_duckdb == by_pandas > 0


def test_a_paper_repeated_after_its_rows_were_written_lists_every_source(tmp_path):
    first = odd_record()
    second = kg.ExtractionRecord(kg.Paper(id="x2", title="Second", abstract="ViT."))

    def stream():
        yield first
        first.paper.sources.append("b.jsonl:7")  # what read_corpus does when the title comes again
        yield second

    write_tables(stream(), tmp_path)
    back = list(read_records(tmp_path))
    assert back[0].paper.sources == ["a.jsonl:1", "b.jsonl:7"]


def test_an_interrupted_write_leaves_no_parts_and_is_refused(tmp_path, sample_records):
    def failing():
        yield from sample_records[:10]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_tables(failing(), tmp_path)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    with pytest.raises(KgError, match=MANIFEST):
        list(read_records(tmp_path))


def test_writing_again_drops_the_parts_of_an_earlier_larger_write(tmp_path, sample_records):
    for index in range(3):  # as a Dask run of three shards leaves them
        with TablesWriter(tmp_path, index) as writer:
            writer.write(sample_records[index])
    write_tables(sample_records[:2], tmp_path)
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == [part_name(0)]
    assert [r.paper.id for r in read_records(tmp_path)] == [r.paper.id for r in sample_records[:2]]


def test_a_damaged_part_is_reported_with_its_file_name(tmp_path, sample_records):
    write_tables(sample_records[:5], tmp_path)
    damaged = tmp_path / "mentions" / part_name(0)
    damaged.write_bytes(b"not parquet")
    with pytest.raises(KgError, match=str(damaged)):
        list(read_records(tmp_path))


def test_a_table_with_the_wrong_column_type_is_reported(tmp_path, sample_records):
    write_tables(sample_records[:5], tmp_path)
    path = tmp_path / "claims" / part_name(0)
    table = pq.read_table(path)
    pq.write_table(table.set_column(table.schema.get_field_index("start"), "start",
                                    table.column("start").cast("string")), path)
    with pytest.raises(KgError, match="'start' is string, expected int32"):
        list(read_records(tmp_path))


def test_build_from_parquet_writes_the_graph_of_a_plain_build(tmp_path, sample_build_dir, capsys):
    from kg.cli import main
    from kg.persist import load_graph

    assert main(["extract", str(kg.sample_corpus_path()), "--parquet", str(tmp_path / "tables"), "-q"]) == 0
    manifest = json.loads((tmp_path / "tables" / MANIFEST).read_text())
    assert manifest["rows"]["papers"] == 257
    assert main(["build", "--from-parquet", str(tmp_path / "tables"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert "257 papers" in capsys.readouterr().out
    assert_same_graph(load_graph(tmp_path / "out"), load_graph(sample_build_dir))


def test_build_can_write_the_tables_while_it_extracts(tmp_path, sample_records):
    from kg.cli import main

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "title": "T", "abstract": "We train ResNet-50 on ImageNet."}\n')
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--parquet", str(tmp_path / "t"), "-q"]) == 0
    [record] = read_records(tmp_path / "t")
    assert {e.canonical for e in record.entities} == {"ResNet-50", "ImageNet"}


def test_build_lists_every_source_of_a_paper_repeated_after_its_batch(tmp_path, monkeypatch):
    from kg import runner
    from kg.cli import main
    from kg.persist import load_graph

    monkeypatch.setattr(runner, "BATCH_SIZE", 1)  # the repeat comes long after its paper was extracted
    line = '{"id": "%s", "title": "%s", "abstract": "We train ResNet-50 on ImageNet."}\n'
    (tmp_path / "a.jsonl").write_text(line % ("p1", "First") + line % ("p2", "Second"))
    (tmp_path / "b.jsonl").write_text(line % ("p1", "First"))
    inputs = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    assert main(["build", *inputs, "-o", str(tmp_path / "out"), "--parquet", str(tmp_path / "t"), "-q", "-j", "1"]) == 0
    expected = [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'b.jsonl'}:1"]
    assert load_graph(tmp_path / "out").nodes["paper:p1"]["sources"] == expected
    assert next(read_records(tmp_path / "t")).paper.sources == expected
