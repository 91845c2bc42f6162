"""Corpus readers: the seed listing format, JSON Lines, CSV, de-duplication and bad input."""
from __future__ import annotations

import gzip
import json
import logging

import pytest

import kg
from kg.corpus import read_file
from kg.errors import CorpusError
from kg.schema import paper_id_for_title

LISTING = """new

Get trending papers in your email inbox!

Subscribe

byAK and the research community

Mar 11

A ConvNet for the 2020s

The "Roaring 20s" of visual recognition began with the introduction of Vision Transformers (ViTs).

Deep Residual Learning

Deeper neural networks are more difficult to train.
"""


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


def test_listing_skips_header_lines_and_reads_date(tmp_path):
    papers = list(kg.read_corpus(write(tmp_path / "page.txt", LISTING)))
    assert [p.title for p in papers] == ["A ConvNet for the 2020s", "Deep Residual Learning"]
    assert papers[0].abstract.startswith('The "Roaring 20s"')
    assert papers[0].date == "Mar 11"
    assert papers[1].sources == [f"{tmp_path / 'page.txt'}:15"]


def test_listing_without_date_line(tmp_path):
    text = "Get trending papers in your email inbox!\n\nA title\n\nAn abstract.\n"
    (paper,) = kg.read_corpus(write(tmp_path / "p.txt", text))
    assert paper.date is None and paper.abstract == "An abstract."


def test_duplicate_paper_is_read_once_with_every_source(tmp_path):
    write(tmp_path / "a.txt", LISTING)
    write(tmp_path / "b.txt", "Mar 12\n\nA  ConvNet for the 2020s\n\nSame paper again.\n")
    papers = list(kg.read_corpus(tmp_path))
    assert len(papers) == 2
    convnext = papers[0]
    assert [s.rsplit(":", 1)[0] for s in convnext.sources] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_paper_id_is_stable_hash_of_normalised_title(tmp_path):
    (paper, _) = kg.read_corpus(write(tmp_path / "page.txt", LISTING))
    assert paper.id == paper_id_for_title("a convnet  for the 2020s") == paper_id_for_title("A ConvNet for the 2020s")
    assert len(paper.id) == 10


def test_bundled_sample_has_257_distinct_papers_of_355_entries(sample_papers):
    entries = sum(len(list(read_file(p))) for p in sorted(kg.sample_corpus_path().glob("*.txt")))
    assert entries == 355
    assert len(sample_papers) == 257
    assert len({p.id for p in sample_papers}) == 257
    assert max(len(p.sources) for p in sample_papers) > 1


def test_jsonl_keeps_id_and_extra_fields(tmp_path):
    rows = [
        {"id": "arXiv:1", "title": "T1", "abstract": "A1", "date": "2025-03-18", "categories": ["cs.CV"], "venue": "X"},
        {"title": "T2", "abstract": "A2"},
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = kg.read_corpus(path)
    assert first.id == "arXiv:1" and first.year == 2025 and first.categories == ["cs.CV"]
    assert first.extra == {"venue": "X"}
    assert second.id == paper_id_for_title("T2")


def test_gzipped_jsonl_is_read_as_a_stream(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(3):
            handle.write(json.dumps({"id": str(i), "title": f"T{i}", "abstract": "A"}) + "\n")
    stream = kg.read_corpus(path)
    assert next(stream).id == "0"
    assert [p.id for p in stream] == ["1", "2"]


def test_csv_with_title_and_abstract_columns(tmp_path):
    path = write(tmp_path / "c.csv", 'Title,abstract,url\n"A, title",An abstract.,https://x.org\n')
    (paper,) = kg.read_corpus(path)
    assert (paper.title, paper.abstract, paper.url) == ("A, title", "An abstract.", "https://x.org")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(CorpusError, match="nope.jsonl: no such file"):
        list(kg.read_corpus(tmp_path / "nope.jsonl"))


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = write(tmp_path / "bad.jsonl", '{"title": "T", "abstract": "A"}\n{"title": oops}\n')
    with pytest.raises(CorpusError) as info:
        list(kg.read_corpus(path))
    assert info.value.line == 2 and str(path) in str(info.value) and "malformed JSON" in str(info.value)


def test_non_utf8_file_is_named(tmp_path):
    path = write(tmp_path / "latin.txt", "A title\n\nCaf\xe9 abstract.\n", encoding="latin-1")
    with pytest.raises(CorpusError, match="latin.txt: not UTF-8"):
        list(kg.read_corpus(path))


def test_csv_without_needed_columns_is_named(tmp_path):
    path = write(tmp_path / "c.csv", "name,text\nx,y\n")
    with pytest.raises(CorpusError, match="c.csv: CSV lacks the column"):
        list(kg.read_corpus(path))


def test_listing_with_unpaired_title_is_an_error(tmp_path):
    path = write(tmp_path / "odd.txt", "Mar 11\n\nTitle one\n\nAbstract one.\n\nTitle two\n")
    with pytest.raises(CorpusError) as info:
        list(kg.read_corpus(path))
    assert info.value.line == 7 and "no abstract" in str(info.value)


def test_listing_whose_title_looks_like_an_abstract_is_an_error(tmp_path):
    path = write(tmp_path / "shifted.txt", "Mar 11\n\n" + "word " * 120 + "\n\nA title\n")
    with pytest.raises(CorpusError, match="do not pair up"):
        list(kg.read_corpus(path))


def test_empty_abstract_is_skipped_with_a_warning(tmp_path, caplog):
    path = write(tmp_path / "e.jsonl", '{"title": "Empty one", "abstract": "  "}\n{"title": "T", "abstract": "A"}\n')
    with caplog.at_level(logging.WARNING, logger="kg"):
        papers = list(kg.read_corpus(path))
    assert [p.title for p in papers] == ["T"]
    assert "e.jsonl:1" in caplog.text and "Empty one" in caplog.text


def test_directory_without_corpus_files_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no .txt"):
        list(kg.read_corpus(tmp_path))
