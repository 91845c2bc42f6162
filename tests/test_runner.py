"""Streaming, parallel and incremental extraction."""
from __future__ import annotations

import logging

import kg
from kg import runner
from kg.runner import ExtractionCache, RunStats, run_extraction


def papers(n: int = 80) -> list[kg.Paper]:
    return list(kg.read_corpus(kg.sample_corpus_path()))[:n]


def as_json(records) -> list[dict]:
    return [r.to_json() for r in records]


def test_parallel_results_equal_serial_results():
    corpus = papers(80)
    serial = as_json(run_extraction(corpus, jobs=1))
    parallel = as_json(run_extraction(corpus, jobs=2))
    assert parallel == serial
    assert [r["id"] for r in parallel] == [p.id for p in corpus]


def test_cache_reuses_results_and_extracts_only_new_papers(tmp_path):
    corpus = papers(60)
    cache = ExtractionCache(tmp_path / "cache.sqlite")
    first = RunStats()
    before = as_json(run_extraction(corpus[:40], cache=cache, stats=first))
    again = RunStats()
    after = as_json(run_extraction(corpus, cache=cache, stats=again))
    assert (first.extracted, first.reused) == (40, 0)
    assert (again.extracted, again.reused) == (20, 40)
    assert after[:40] == before
    assert after == as_json(run_extraction(corpus))


def test_changing_the_extractor_invalidates_the_cache(tmp_path, monkeypatch):
    corpus = papers(10)
    cache = ExtractionCache(tmp_path / "cache.sqlite")
    list(run_extraction(corpus, cache=cache))
    monkeypatch.setattr(runner, "extractor_fingerprint", lambda *extractors: "a different extractor")
    stats = RunStats()
    list(run_extraction(corpus, cache=cache, stats=stats))
    assert (stats.extracted, stats.reused) == (10, 0)


def test_corrupt_cache_is_detected_and_rebuilt_with_a_warning(tmp_path, caplog):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="kg"):
        cache = ExtractionCache(path)
    assert "unreadable cache" in caplog.text and str(path) in caplog.text
    stats = RunStats()
    list(run_extraction(papers(5), cache=cache, stats=stats))
    assert stats.extracted == 5
    cache.close()
    assert ExtractionCache(path).get_many([]) == {}


def test_build_says_how_many_papers_it_reused(tmp_path, capsys):
    from kg.cli import main

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "title": "T", "abstract": "We train ResNet-50 on ImageNet."}\n')
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert "0 reused from the cache, 1 extracted" in capsys.readouterr().out
    with corpus.open("a") as handle:
        handle.write('{"id": "b", "title": "U", "abstract": "ViT on COCO."}\n')
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert "1 reused from the cache, 1 extracted" in capsys.readouterr().out


def test_cache_of_the_older_format_is_detected_and_rebuilt_with_a_warning(tmp_path, caplog):
    import sqlite3

    path = tmp_path / "cache.sqlite"
    corpus = papers(3)
    old = sqlite3.connect(path)  # the first format: to_json objects, no meta table
    old.execute("CREATE TABLE records (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
    fingerprint = runner.extractor_fingerprint()
    old.executemany("INSERT INTO records VALUES (?, ?)",
                    [(runner.paper_key(p, fingerprint), '{"entities": [], "claims": []}') for p in corpus])
    old.commit()
    old.close()
    with caplog.at_level(logging.WARNING, logger="kg"):
        cache = ExtractionCache(path)
    assert "older format" in caplog.text and str(path) in caplog.text
    stats = RunStats()
    records = as_json(run_extraction(corpus, cache=cache, stats=stats))
    assert stats.extracted == 3 and records == as_json(run_extraction(corpus))
    cache.close()
    again = RunStats()
    list(run_extraction(corpus, cache=ExtractionCache(path), stats=again))
    assert again.reused == 3


def test_a_damaged_cache_entry_is_extracted_again(tmp_path, caplog):
    corpus = papers(4)
    cache = ExtractionCache(tmp_path / "cache.sqlite")
    list(run_extraction(corpus, cache=cache))
    cache.put_many([(runner.paper_key(corpus[1], runner.extractor_fingerprint()), '[[["TASK", "x"')])
    stats = RunStats()
    with caplog.at_level(logging.WARNING, logger="kg"):
        records = as_json(run_extraction(corpus, cache=cache, stats=stats))
    assert "damaged entry" in caplog.text
    assert (stats.extracted, stats.reused) == (1, 3)
    assert records == as_json(run_extraction(corpus))


def test_cache_payload_decodes_to_what_the_json_round_trip_gave():
    from kg.record_codec import decode_record, encode_record, parse_payload
    from kg.schema import record_from_json

    records = list(run_extraction(papers(80)))
    assert sum(len(r.claims) for r in records) > 5
    for record in records:
        decoded = decode_record(record.paper, parse_payload(encode_record(record)))
        assert decoded == record_from_json(record.paper, record.to_json())


def _worker_collector_state(extractors: tuple[str, ...]) -> tuple[bool, int]:
    import gc

    from kg.runner import _warm_worker

    _warm_worker(extractors)
    return gc.isenabled(), gc.get_freeze_count()


def test_a_forked_worker_leaves_the_inherited_heap_out_of_its_collections_and_collects_its_own():
    import gc
    import multiprocessing

    from kg import collector

    inherited = [[] for _ in range(1000)]  # containers the parent holds when the worker is forked
    with collector.paused(), multiprocessing.get_context("fork").Pool(1) as pool:
        enabled, frozen = pool.apply(_worker_collector_state, (("rules",),))
    assert enabled  # the parent paused the collector; the worker runs it
    assert frozen >= len(inherited)  # what it inherited is frozen, not walked by every collection
    assert not gc.get_freeze_count()  # the parent's own heap is left as it was
