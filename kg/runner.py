"""Running extraction over a corpus: streamed, in parallel, and reusing earlier results.

``run_extraction`` reads papers as a stream and yields their records in
input order. Papers are handled in batches: each batch is first looked up
in the cache, and only the papers not found are extracted, by a pool of
worker processes when ``jobs > 1`` (each builds its spaCy pipeline once).
Memory stays bounded by the batch, not the corpus.

The cache is a SQLite file in the build directory, keyed by a hash of the
paper's text and of the extractor (its version, the extractor set chosen with
``--extractors``, and every data file under ``extractors/data``, which holds
the gazetteers and the trained NER model), so a grown corpus is only extracted for its new
papers, and editing a gazetteer invalidates everything. SQLite is in the
standard library, writes transactionally (a crash never leaves a half-written
entry) and looks up thousands of keys per query; a cache file that SQLite
cannot read, or one of another format (:data:`CACHE_FORMAT`: the first format
held ``to_json`` objects, this one :mod:`kg.record_codec` arrays), is
reported, deleted and rebuilt.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from kg.record_codec import decode_record, encode_record, parse_payload
from kg.schema import ExtractionRecord, Paper

log = logging.getLogger("kg")
BATCH_SIZE = 512
CHUNK_SIZE = 32
CACHE_FILE = ".kg-cache.sqlite"
#: Written into the cache's ``meta`` table; a cache of another format is replaced (with a warning).
CACHE_FORMAT = "kg-cache/2"


def extractor_fingerprint(extractors: Iterable[str] | None = None) -> str:
    """A hash of everything that decides extraction output: version, extractor set, data and model files."""
    from extractors.pipeline import parse_extractors

    return _fingerprint(parse_extractors(extractors))


@lru_cache(maxsize=4)
def _fingerprint(extractors: tuple[str, ...]) -> str:
    from extractors.pipeline import EXTRACTOR_VERSION

    digest = hashlib.sha1(EXTRACTOR_VERSION.encode())
    digest.update(("extractors=" + ",".join(extractors)).encode())
    data = Path(__file__).resolve().parents[1] / "extractors" / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(data)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def paper_key(paper: Paper, fingerprint: str) -> str:
    return hashlib.sha1(f"{fingerprint}\0{paper.text}".encode()).hexdigest()


class ExtractionCache:
    """Extraction results per paper text, in a SQLite file, as :mod:`kg.record_codec` payloads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            log.warning("%s: unreadable cache (%s); starting a new one", self.path, exc)
            self.path.unlink(missing_ok=True)
            self._open()

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path)
        # reads the file: corruption shows here
        tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and self._format(tables) != CACHE_FORMAT:
            log.warning("%s: cache written in an older format; starting a new one", self.path)
            self.db.close()
            self.path.unlink()
            self.db = sqlite3.connect(self.path)
            tables = set()
        if not tables:
            with self.db:
                self.db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self.db.execute("INSERT INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))
                self.db.execute("CREATE TABLE records (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
        self.db.execute("SELECT count(*) FROM records").fetchone()

    def _format(self, tables: set[str]) -> str | None:
        if "meta" not in tables or "records" not in tables:
            return None
        row = self.db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        return row[0] if row else None

    def get_many(self, keys: list[str]) -> dict[str, list]:
        """Key -> parsed payload, for the keys found; an entry that does not parse is left out (extracted again)."""
        found: dict[str, list] = {}
        for start in range(0, len(keys), 900):  # SQLite's limit on query parameters
            part = keys[start : start + 900]
            marks = ",".join("?" * len(part))
            for key, text in self.db.execute(f"SELECT key, record FROM records WHERE key IN ({marks})", part):
                try:
                    found[key] = parse_payload(text)
                except ValueError:
                    log.warning("%s: a damaged entry; extracting its paper again", self.path)
        return found

    def put_many(self, items: list[tuple[str, str]]) -> None:
        """Store payload texts (:func:`kg.record_codec.encode_record`) under their keys."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", items)

    def close(self) -> None:
        self.db.close()


@dataclass
class RunStats:
    papers: int = 0
    reused: int = 0
    extracted: int = 0


def _extract_chunk(papers: list[Paper], extractors: tuple[str, ...]) -> list[str]:
    """Payload texts, encoded where the records are made (the parent stores them as they come)."""
    from extractors.pipeline import extract_records

    return [encode_record(record) for record in extract_records(papers, extractors=extractors)]


def _warm_worker(extractors: tuple[str, ...]) -> None:
    """Set up a forked worker: its inherited heap out of the collector's sight, then the pipeline.

    A worker is forked when the first paper missing from the cache comes,
    which in an incremental build is late, when the parent holds most of the
    graph. The worker's own collections would walk those millions of
    inherited objects and, by touching them, copy the parent's memory page by
    page; ``gc.freeze()`` leaves them out (62,022 papers with the last 1,000
    new: extraction 20.0 -> 10.5 s). The collector then runs as usual on what
    the worker makes (the parent may have paused it: :mod:`kg.collector`).
    """
    from extractors.pipeline import shared_nlp

    gc.freeze()
    gc.enable()
    shared_nlp(extractors)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def run_extraction(
    papers: Iterable[Paper],
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    progress: bool = False,
    stats: RunStats | None = None,
    extractors: Iterable[str] | None = None,
) -> Iterator[ExtractionRecord]:
    """Extract every paper, yielding records in input order; see the module docstring.

    ``extractors`` names the extractors to run ("rules", "ner"; None: the
    default set); results cached for another set are not reused.
    """
    from extractors.pipeline import parse_extractors

    chosen = parse_extractors(extractors)
    stats = stats if stats is not None else RunStats()
    fingerprint = extractor_fingerprint(chosen)
    extract_chunk = partial(_extract_chunk, extractors=chosen)
    pool = None
    bar = _progress_bar(progress)
    try:
        iterator = iter(papers)
        while True:
            batch = [p for _, p in zip(range(BATCH_SIZE), iterator)]
            if not batch:
                break
            keys = [paper_key(p, fingerprint) for p in batch]
            cached = cache.get_many(keys) if cache is not None else {}
            missing = [i for i, key in enumerate(keys) if key not in cached]
            if missing:
                todo = [batch[i] for i in missing]
                if jobs > 1 and len(todo) > CHUNK_SIZE:
                    if pool is None:
                        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_warm_worker,
                                                                       initargs=(chosen,))
                    chunks = [todo[i : i + CHUNK_SIZE] for i in range(0, len(todo), CHUNK_SIZE)]
                    rows = [row for part in pool.imap(extract_chunk, chunks) for row in part]
                else:
                    rows = extract_chunk(todo)
                if cache is not None:
                    cache.put_many([(keys[i], text) for i, text in zip(missing, rows)])
                cached.update((keys[i], parse_payload(text)) for i, text in zip(missing, rows))
            stats.papers += len(batch)
            stats.extracted += len(missing)
            stats.reused += len(batch) - len(missing)
            for paper, key in zip(batch, keys):
                yield decode_record(paper, cached[key])
            if bar is not None:
                bar.update(len(batch))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()


def _progress_bar(wanted: bool):
    if not wanted or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" papers", desc="extracting", file=sys.stderr, smoothing=0.1)
