"""Extraction records as Parquet tables that pandas, DuckDB and Spark read directly.

A tables directory holds one folder per table, each a Parquet dataset of
one or more parts, and a manifest written last::

    DIR/_kg_tables.json                 format, extractor fingerprint, parts and row counts
    DIR/papers/part-00000.parquet       one row per paper
    DIR/entities/part-00000.parquet     one row per entity a paper names (label, canonical, aliases, family, proposed)
    DIR/mentions/part-00000.parquet     one row per mention of an entity (offsets into title + blank line + abstract)
    DIR/claims/part-00000.parquet       one row per claim

A folder of parts is what every engine reads as one table:
``pd.read_parquet("DIR/mentions")``, DuckDB's ``FROM 'DIR/mentions/*.parquet'``,
Spark's ``spark.read.parquet("DIR/mentions")``. They skip names beginning
with ``_`` or ``.``, so the manifest and half-written temporary files are
never read as data. The tables join on ``paper_id``; ``entity`` numbers an
entity within its paper, so mentions join entities on ``(paper_id, entity)``.

Why the schemas are explicit: column types must not depend on the data
(a shard whose claims all lack a number would otherwise get a null-typed
column, and engines would refuse to union it with the other shards). Rows
are in input order, and part ``k`` holds the same papers in every table, so
:func:`read_records` rebuilds the records with one streaming merge per part
and memory follows one row batch, not the corpus.

Every part is written to a temporary name and renamed when complete; the
manifest is written after all parts, so a directory without one is an
interrupted write, which :func:`read_records` refuses.
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kg.atomic import atomic_write
from kg.errors import KgError
from kg.schema import Claim, Entity, ExtractionRecord, Mention, Paper

FORMAT = "kg-tables/1"
MANIFEST = "_kg_tables.json"
TABLES = ("papers", "entities", "mentions", "claims")
#: Papers per row group: bounds a writer's buffer and a reader's batch.
ROW_GROUP_PAPERS = 5_000
COMPRESSION = "zstd"  # read by pyarrow, DuckDB and Spark >= 3; a third smaller than snappy here

_text = pa.string()
_texts = pa.list_(pa.string())
_offset = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "papers": pa.schema([
        pa.field("paper_id", _text, nullable=False),
        ("title", _text),
        ("abstract", _text),
        ("date", _text),
        ("year", pa.int16()),  # derived from date, for queries; not read back
        ("categories", _texts),
        ("url", _text),
        ("sources", _texts),
        ("extra", _text),  # the input's other fields as a JSON object; null when there are none
    ]),
    "entities": pa.schema([
        pa.field("paper_id", _text, nullable=False),
        pa.field("entity", pa.int32(), nullable=False),
        ("label", _text),
        ("canonical", _text),
        ("aliases", _texts),
        ("family", _text),
        ("proposed", pa.bool_()),
        ("mentions", pa.int32()),  # how many rows of the mentions table it has
    ]),
    "mentions": pa.schema([
        pa.field("paper_id", _text, nullable=False),
        pa.field("entity", pa.int32(), nullable=False),
        ("label", _text),  # label and canonical repeat the entity's, so the table answers questions alone
        ("canonical", _text),
        ("text", _text),
        ("start", _offset),
        ("end", _offset),
        ("extractor", _text),
        ("sent_start", _offset),
        ("sent_end", _offset),
    ]),
    "claims": pa.schema([
        pa.field("paper_id", _text, nullable=False),
        pa.field("claim", pa.int32(), nullable=False),
        ("kind", _text),
        ("subject", _text),
        ("metric", _text),
        ("value", _text),
        ("dataset", _text),
        ("object", _text),
        ("direction", _text),
        ("number", pa.float64()),
        ("unit", _text),
        ("evidence", _text),
        ("start", _offset),
        ("end", _offset),
    ]),
}


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def empty_columns() -> dict[str, dict[str, list]]:
    """Table -> column -> values: the writer's buffer (columns, not row dicts: a third of the time)."""
    return {name: {column: [] for column in schema.names} for name, schema in SCHEMAS.items()}


def append_record(columns: dict[str, dict[str, list]], record: ExtractionRecord) -> None:
    """Add the rows one record contributes to each table."""
    paper = record.paper
    pid = paper.id
    values = columns["papers"]
    for column, value in (("paper_id", pid), ("title", paper.title), ("abstract", paper.abstract),
                          ("date", paper.date), ("year", paper.year), ("categories", list(paper.categories)),
                          ("url", paper.url), ("sources", list(paper.sources)),
                          ("extra", json.dumps(paper.extra, ensure_ascii=False) if paper.extra else None)):
        values[column].append(value)
    entities, mentions = columns["entities"], columns["mentions"]
    for number, entity in enumerate(record.entities):
        for column, value in (("paper_id", pid), ("entity", number), ("label", entity.label),
                              ("canonical", entity.canonical), ("aliases", list(entity.aliases)),
                              ("family", entity.family), ("proposed", entity.proposed),
                              ("mentions", len(entity.mentions))):
            entities[column].append(value)
        count = len(entity.mentions)
        for column, value in (("paper_id", pid), ("entity", number), ("label", entity.label),
                              ("canonical", entity.canonical)):
            mentions[column].extend([value] * count)
        for m in entity.mentions:
            mentions["text"].append(m.text)
            mentions["start"].append(m.start)
            mentions["end"].append(m.end)
            mentions["extractor"].append(m.extractor)
            mentions["sent_start"].append(m.sent_start)
            mentions["sent_end"].append(m.sent_end)
    claims = columns["claims"]
    for number, claim in enumerate(record.claims):
        claims["paper_id"].append(pid)
        claims["claim"].append(number)
        for column in ("kind", "subject", "metric", "value", "dataset", "object", "direction", "number", "unit",
                       "evidence", "start", "end"):
            claims[column].append(getattr(claim, column))


class TablesWriter:
    """Streams records into part ``index`` of every table, one row group per :data:`ROW_GROUP_PAPERS` papers.

    Use as a context manager: the parts appear under their names only when
    the block ends without an exception. The manifest is not written here,
    because a directory may be filled by many writers (one per Dask shard).
    """

    def __init__(self, directory: str | Path, index: int = 0, row_group_papers: int = ROW_GROUP_PAPERS) -> None:
        self.directory = Path(directory)
        self.index = index
        self.row_group_papers = row_group_papers
        self.rows = {name: 0 for name in TABLES}
        self._buffer = empty_columns()
        self._buffered_papers = 0
        self._stack = contextlib.ExitStack()
        self._writers: dict[str, pq.ParquetWriter] = {}

    def __enter__(self) -> TablesWriter:
        for name in TABLES:
            handle = self._stack.enter_context(atomic_write(self.directory / name / part_name(self.index), "wb"))
            writer = pq.ParquetWriter(handle, SCHEMAS[name], compression=COMPRESSION)
            self._stack.callback(writer.close)
            self._writers[name] = writer
        return self

    def write(self, record: ExtractionRecord) -> None:
        append_record(self._buffer, record)
        self._buffered_papers += 1
        if self._buffered_papers >= self.row_group_papers:
            self._flush()

    def _flush(self) -> None:
        for name in TABLES:
            columns = self._buffer[name]
            count = len(columns["paper_id"])
            if count or name == "papers":
                self._writers[name].write_table(pa.Table.from_pydict(columns, schema=SCHEMAS[name]))
                self.rows[name] += count
        self._buffer = empty_columns()
        self._buffered_papers = 0

    def __exit__(self, kind, error, trace) -> bool:
        if kind is None and self._buffered_papers:
            try:
                self._flush()
            except BaseException as exc:  # a record that does not fit the schema: no part is kept either
                self._stack.__exit__(type(exc), exc, exc.__traceback__)
                raise
        # closes each ParquetWriter, then renames each temporary file (or deletes it on error)
        return self._stack.__exit__(kind, error, trace)


@dataclass
class TablesSummary:
    """What a directory of tables holds: parts in order and rows per table."""

    directory: Path
    parts: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=lambda: {name: 0 for name in TABLES})
    fingerprint: str = ""

    def sizes(self) -> dict[str, int]:
        """Bytes on disk per table."""
        return {name: sum((self.directory / name / p).stat().st_size for p in self.parts) for name in TABLES}


def prepare_directory(directory: str | Path) -> Path:
    """Make ``directory`` ready for new parts: drop the manifest, then the parts an earlier write left.

    Only kg's own files go (the manifest and ``part-*.parquet`` in the four
    table folders), so a stale shard of a larger earlier run is never read
    as part of this one.
    """
    directory = Path(directory)
    (directory / MANIFEST).unlink(missing_ok=True)
    for name in TABLES:
        folder = directory / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()
    return directory


def write_manifest(summary: TablesSummary) -> None:
    """Mark the directory complete (the last step of every write)."""
    data = {"format": FORMAT, "extractor": summary.fingerprint, "parts": summary.parts, "rows": summary.rows}
    with atomic_write(summary.directory / MANIFEST, "w") as handle:
        json.dump(data, handle, indent=1)
        handle.write("\n")


def read_manifest(directory: str | Path) -> TablesSummary:
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.exists():
        if not directory.is_dir():
            raise KgError(f"{directory}: no such directory of kg tables")
        raise KgError(f"{path}: missing; {directory} holds no complete kg tables (was the write interrupted?)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: not a kg tables manifest ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KgError(f"{path}: not a kg tables manifest (expected format {FORMAT})")
    return TablesSummary(directory, list(data["parts"]), dict(data["rows"]), data.get("extractor", ""))


class LateSources:
    """Sources that a paper gained after its row was written.

    :func:`kg.corpus.read_corpus` adds the source of a repeated paper to the
    copy it yielded earlier, possibly after that copy's part was written (or
    shipped to a worker). Tracking each paper's source list, the part it went
    to and how long the list was then, lets :meth:`apply` rewrite the few
    affected papers parts, so the tables say what a serial run says.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[int, list[str], int]] = {}  # paper id -> (part, sources, length then)

    def track(self, paper: Paper, part: int) -> None:
        self._seen[paper.id] = (part, paper.sources, len(paper.sources))

    def changed(self) -> dict[int, dict[str, list[str]]]:
        """Part -> paper id -> every source, for the papers whose sources grew since they were tracked."""
        by_part: dict[int, dict[str, list[str]]] = {}
        for pid, (part, sources, length) in self._seen.items():
            if len(sources) != length:
                by_part.setdefault(part, {})[pid] = list(sources)
        return by_part

    def apply(self, directory: Path) -> int:
        """Rewrite the papers parts whose papers gained sources; returns how many papers changed."""
        by_part = self.changed()
        for part, updates in by_part.items():
            path = directory / "papers" / part_name(part)
            table = pq.read_table(path, schema=SCHEMAS["papers"])
            ids = table.column("paper_id").to_pylist()
            old = table.column("sources").to_pylist()
            column = pa.array([updates.get(pid, src) for pid, src in zip(ids, old)], type=_texts)
            table = table.set_column(table.schema.get_field_index("sources"), "sources", column)
            with atomic_write(path, "wb") as handle:
                pq.write_table(table, handle, compression=COMPRESSION,
                               row_group_size=ROW_GROUP_PAPERS)
        return sum(len(u) for u in by_part.values())


class TablesSink:
    """A whole tables directory written from one stream of records: one part, then the manifest.

    A context manager: the manifest (which marks the directory complete) is
    written only when the block ends without an exception.
    """

    def __init__(self, directory: str | Path, extractors: Iterable[str] | None = None) -> None:
        self.directory = Path(directory)
        self.extractors = extractors  # the set that extracted the records, for the manifest's fingerprint
        self.late = LateSources()
        self.summary: TablesSummary | None = None
        self._writer: TablesWriter | None = None

    def __enter__(self) -> TablesSink:
        prepare_directory(self.directory)
        self._writer = TablesWriter(self.directory, 0).__enter__()
        return self

    def write(self, record: ExtractionRecord) -> None:
        self.late.track(record.paper, 0)
        self._writer.write(record)

    def __exit__(self, kind, error, trace) -> bool:
        from kg.runner import extractor_fingerprint

        writer, self._writer = self._writer, None
        suppressed = writer.__exit__(kind, error, trace)
        if kind is None:
            self.late.apply(self.directory)
            self.summary = TablesSummary(self.directory, [part_name(0)], writer.rows,
                                         extractor_fingerprint(self.extractors))
            write_manifest(self.summary)
        return suppressed


def write_tables(records: Iterable[ExtractionRecord], directory: str | Path,
                 extractors: Iterable[str] | None = None) -> TablesSummary:
    """Write a stream of records (extracted by ``extractors``) as one part of every table, then the manifest."""
    with TablesSink(directory, extractors) as sink:
        for record in records:
            sink.write(record)
    return sink.summary


# -- reading --------------------------------------------------------------------
def _rows(path: Path, name: str) -> Iterator[tuple]:
    """The rows of one part file as tuples in schema order, a row group at a time."""
    schema = SCHEMAS[name]
    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise KgError(f"{path}: not a readable Parquet file ({exc})") from None
    with handle:
        found = handle.schema_arrow
        for wanted in schema:
            index = found.get_field_index(wanted.name)
            if index < 0:
                raise KgError(f"{path}: the {name} table lacks the column {wanted.name!r}")
            if not found.field(index).type.equals(wanted.type):
                raise KgError(f"{path}: column {wanted.name!r} is {found.field(index).type}, expected {wanted.type}")
        for batch in handle.iter_batches(batch_size=65_536, columns=schema.names):
            yield from zip(*(column.to_pylist() for column in batch.columns))


class _Group:
    """Consumes the run of rows of one paper from a table's row stream (rows are in paper order)."""

    def __init__(self, rows: Iterator[tuple], path: Path) -> None:
        self.rows = rows
        self.path = path
        self.next = next(rows, None)

    def take(self, paper_id: str) -> list[tuple]:
        taken = []
        while self.next is not None and self.next[0] == paper_id:
            taken.append(self.next)
            self.next = next(self.rows, None)
        return taken

    def finish(self) -> None:
        if self.next is not None:
            raise KgError(f"{self.path}: row for paper {self.next[0]!r} is not in the order of the papers table "
                          "(or names a paper it lacks)")


def _paper(row: tuple, path: Path) -> Paper:
    pid, title, abstract, date, _year, categories, url, sources, extra = row
    try:
        extra_fields = json.loads(extra) if extra else {}
    except json.JSONDecodeError as exc:
        raise KgError(f"{path}: paper {pid!r}: 'extra' is not JSON ({exc.msg})") from None
    return Paper(id=pid, title=title, abstract=abstract, date=date, categories=list(categories or []),
                 url=url, sources=list(sources or []), extra=extra_fields)


def _records_of_part(directory: Path, part: str) -> Iterator[ExtractionRecord]:
    paths = {name: directory / name / part for name in TABLES}
    for name, path in paths.items():
        if not path.exists():
            raise KgError(f"{path}: missing, though {directory / MANIFEST} lists {part}")
    entities = _Group(_rows(paths["entities"], "entities"), paths["entities"])
    mentions = _Group(_rows(paths["mentions"], "mentions"), paths["mentions"])
    claims = _Group(_rows(paths["claims"], "claims"), paths["claims"])
    for row in _rows(paths["papers"], "papers"):
        paper = _paper(row, paths["papers"])
        by_entity: dict[int, list[Mention]] = {}
        for _pid, number, _label, _canonical, text, start, end, extractor, sent_start, sent_end in mentions.take(paper.id):
            by_entity.setdefault(number, []).append(Mention(text, start, end, extractor, sent_start, sent_end))
        record = ExtractionRecord(paper=paper)
        for _pid, number, label, canonical, aliases, family, proposed, _count in entities.take(paper.id):
            record.entities.append(Entity(label=label, canonical=canonical, mentions=by_entity.pop(number, []),
                                          aliases=list(aliases or []), family=family, proposed=bool(proposed)))
        if by_entity:
            raise KgError(f"{paths['mentions']}: paper {paper.id!r} has mentions of entity "
                          f"{min(by_entity)}, which {paths['entities']} lacks")
        for _pid, _number, kind, subject, metric, value, dataset, obj, direction, number, unit, evidence, start, end \
                in claims.take(paper.id):
            record.claims.append(Claim(kind=kind, subject=subject, metric=metric, value=value, dataset=dataset,
                                       object=obj, direction=direction, number=number, unit=unit,
                                       evidence=evidence, start=start, end=end))
        yield record
    for group in (entities, mentions, claims):
        group.finish()


def read_records(directory: str | Path) -> Iterator[ExtractionRecord]:
    """The records a tables directory holds, in the order they were written.

    The inverse of :func:`write_tables` (and of a Dask extraction): the
    records equal the ones written, so a graph built from them equals the
    graph built while extracting.
    """
    summary = read_manifest(directory)
    for part in summary.parts:
        yield from _records_of_part(summary.directory, part)
