"""Corpus readers: listing pages, JSON Lines (optionally gzipped) and CSV in, papers out.

``read_corpus`` streams :class:`~kg.schema.Paper` records from any mix of
files and directories and drops repeated papers (same normalised title),
keeping every source each copy came from.

>>> papers = list(read_corpus(sample_corpus_path()))
>>> len(papers)
257
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from kg.errors import CorpusError
from kg.schema import Paper, paper_id_for_title, title_key

log = logging.getLogger("kg")

PathLike = str | Path

#: Lines of the trending-papers listing pages that are page furniture, not papers.
LISTING_HEADER_LINES = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "byak and the research community",
    }
)
_DATE_LINE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(, \d{4})?$")
#: A title longer than this is almost surely an abstract that lost its title.
MAX_TITLE_CHARS = 400
_KNOWN_FIELDS = ("id", "title", "abstract", "date", "categories", "url")


def sample_corpus_path() -> Path:
    """The bundled sample corpus: the five listing pages the project was created from."""
    return Path(__file__).resolve().parent / "sample"


def read_corpus(paths: PathLike | Iterable[PathLike]) -> Iterator[Paper]:
    """Yield the distinct papers of one or more corpus files or directories.

    Formats are chosen by suffix: ``.txt`` listing pages, ``.jsonl``/``.json``
    (and ``.jsonl.gz``) JSON Lines, ``.csv``. A directory stands for its
    ``*.txt``, ``*.jsonl``, ``*.jsonl.gz`` and ``*.csv`` files, in name order.
    A paper seen again (same normalised title) is not yielded twice; the copy
    already yielded gains the new source in ``sources``, so callers that keep
    the objects see every source once the stream is exhausted.
    """
    seen: dict[str, Paper] = {}
    seen_ids: set[str] = set()
    for path in _expand(paths):
        for paper in read_file(path):
            key = title_key(paper.title)
            first = seen.get(key)
            if first is not None:
                for source in paper.sources:
                    if source not in first.sources:
                        first.sources.append(source)
                continue
            if paper.id in seen_ids:
                raise CorpusError(
                    paper.sources[0], f"paper id {paper.id!r} is used by two different titles"
                )
            seen[key] = paper
            seen_ids.add(paper.id)
            yield paper


def _expand(paths: PathLike | Iterable[PathLike]) -> Iterator[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and _format_of(p) is not None
            )
            if not files:
                raise CorpusError(path, "directory holds no .txt, .jsonl, .jsonl.gz or .csv files")
            yield from files
        elif path.is_file():
            yield path
        else:
            raise CorpusError(path, "no such file or directory")


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".json.gz", ".jsonl", ".json", ".ndjson")):
        return "jsonl"
    if name.endswith((".csv", ".csv.gz")):
        return "csv"
    if name.endswith((".txt", ".txt.gz")):
        return "listing"
    return None


def read_file(path: PathLike) -> Iterator[Paper]:
    """Yield the papers of one file, in file order, without de-duplication."""
    path = Path(path)
    fmt = _format_of(path)
    if fmt is None:
        raise CorpusError(path, "unknown corpus format (expected .txt, .jsonl[.gz] or .csv)")
    try:
        with _open_text(path) as handle:
            reader = {"jsonl": _read_jsonl, "csv": _read_csv, "listing": _read_listing}[fmt]
            yield from reader(handle, path)
    except UnicodeDecodeError as exc:
        raise CorpusError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CorpusError(path, f"cannot read: {exc}") from None


def _open_text(path: Path) -> TextIO:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _make_paper(
    path: Path, line: int, record: dict[str, Any], require_id: bool = False
) -> Paper | None:
    title = record.get("title")
    abstract = record.get("abstract")
    if not isinstance(title, str) or not title.strip():
        raise CorpusError(path, "record has no 'title'", line)
    if abstract is None or (isinstance(abstract, str) and not abstract.strip()):
        log.warning("%s:%d: skipping %r: empty abstract", path, line, title.strip()[:80])
        return None
    if not isinstance(abstract, str):
        raise CorpusError(path, "'abstract' is not text", line)
    raw_id = record.get("id")
    paper_id = str(raw_id).strip() if raw_id not in (None, "") else paper_id_for_title(title)
    categories = record.get("categories") or []
    if isinstance(categories, str):
        categories = [c for c in re.split(r"[;,\s]+", categories) if c]
    date = record.get("date")
    return Paper(
        id=paper_id,
        title=" ".join(title.split()),
        abstract=abstract.strip(),
        date=str(date) if date not in (None, "") else None,
        categories=[str(c) for c in categories],
        url=record.get("url") or None,
        sources=[f"{path}:{line}"],
        extra={k: v for k, v in record.items() if k not in _KNOWN_FIELDS},
    )


def _read_jsonl(handle: TextIO, path: Path) -> Iterator[Paper]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(path, f"malformed JSON ({exc.msg}, column {exc.colno})", number) from None
        if not isinstance(record, dict):
            raise CorpusError(path, "a JSON Lines record must be an object", number)
        paper = _make_paper(path, number, record)
        if paper is not None:
            yield paper


def _read_csv(handle: TextIO, path: Path) -> Iterator[Paper]:
    reader = csv.DictReader(handle)
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    missing = [c for c in ("title", "abstract") if c not in columns]
    if missing:
        raise CorpusError(path, f"CSV lacks the column(s) {', '.join(missing)} (has: {', '.join(columns) or 'none'})")
    for row in reader:
        record = {key: row[original] for key, original in columns.items() if row.get(original) not in (None, "")}
        record.setdefault("abstract", "")
        paper = _make_paper(path, reader.line_num, record)
        if paper is not None:
            yield paper


def _read_listing(handle: TextIO, path: Path) -> Iterator[Paper]:
    """The trending-papers page format: furniture, date lines, then title/abstract pairs."""
    date: str | None = None
    pending: tuple[int, str] | None = None  # (line number, title) waiting for its abstract
    for number, raw in enumerate(handle, start=1):
        line = raw.strip()
        if not line:
            continue
        if pending is None and line.lower() in LISTING_HEADER_LINES:
            continue
        if pending is None and _DATE_LINE.match(line):
            date = line
            continue
        if pending is None:
            if len(line) > MAX_TITLE_CHARS:
                raise CorpusError(
                    path,
                    f"expected a title but found a {len(line)}-character line; titles and abstracts do not pair up",
                    number,
                )
            pending = (number, line)
            continue
        title_line, title = pending
        pending = None
        paper = _make_paper(path, title_line, {"title": title, "abstract": line, "date": date})
        if paper is not None:
            yield paper
    if pending is not None:
        raise CorpusError(path, f"title {pending[1][:60]!r} has no abstract after it", pending[0])
