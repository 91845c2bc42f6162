"""The ``kg`` command line.

    kg build [INPUT ...] [-o DIR]     corpus -> graph.html, graph.graphml, graph.gexf, graph.json, CSV tables
    kg build --from-parquet TABLES    the same from Parquet tables written earlier (no extraction)
    kg extract INPUT ... [-o FILE]    corpus -> one JSON object per paper (scorer format)
    kg extract INPUT ... --parquet TABLES [--dask ADDRESS]
                                      corpus -> Parquet tables, here or on a Dask cluster
    kg evaluate GOLD [--pred FILE]    precision, recall, F1 against gold annotations
    kg claims / query / export        questions to a built graph, and exports of it

Every command reports bad input as one line naming the file and record, and
exits non-zero; nothing it has already written is left half-written.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.atomic import atomic_write
from kg.corpus import read_corpus, sample_corpus_path
from kg.errors import KgError

log = logging.getLogger("kg")

#: Subcommand name -> (function adding its arguments, function running it).
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None]):
    """Register ``run(args)`` as subcommand ``name``; ``arguments`` sets up its parser."""

    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (arguments, run)
        run.help_text = help_text  # type: ignore[attr-defined]
        return run

    return register


def print_frame(frame, fmt: str) -> None:
    """A DataFrame on standard output as a table, CSV or JSON Lines."""
    import pandas as pd

    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif fmt == "json":
        for row in frame.to_dict(orient="records"):
            clean = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
            sys.stdout.write(json.dumps(clean, ensure_ascii=False) + "\n")
    elif frame.empty:
        print("(no rows)")
    else:
        with pd.option_context("display.max_rows", 500, "display.max_columns", 20, "display.width", 200,
                               "display.max_colwidth", 70):
            print(frame.to_string(index=False))


def add_graph_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", default="kg-out", help="a build directory or saved graph.json (default: kg-out)")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format")


def _inputs(args: argparse.Namespace) -> list[Path]:
    return [Path(p) for p in args.inputs] if args.inputs else [sample_corpus_path()]


# -- build ------------------------------------------------------------------
def _jobs_argument(parser: argparse.ArgumentParser) -> None:
    from kg.runner import default_jobs

    parser.add_argument("-j", "--jobs", type=int, default=default_jobs(),
                        help=f"worker processes for extraction (default: all cores, {default_jobs()})")
    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="no progress bar")


def _dask_arguments(parser: argparse.ArgumentParser) -> None:
    from kg.dask_extract import DEFAULT_SHARD_SIZE

    parser.add_argument("--dask", metavar="ADDRESS",
                        help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
                        "or on a cluster of N local worker processes started for the run (local or local:N)")
    parser.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, metavar="N",
                        help=f"papers per Dask task (default: {DEFAULT_SHARD_SIZE})")


def extractors_argument(parser: argparse.ArgumentParser) -> None:
    """``--extractors rules,ner``: which extractors run (default: the rules)."""
    from extractors.pipeline import DEFAULT_EXTRACTORS, parse_extractors

    def extractor_set(value: str) -> tuple[str, ...]:
        try:
            return parse_extractors(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parser.add_argument("--extractors", type=extractor_set, default=DEFAULT_EXTRACTORS, metavar="rules,ner",
                        help="comma-separated extractors to run: the rules, the trained NER model, or both "
                             "(default: rules; the model adds no F1 on the dev gold and doubles the time)")


def _build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", help="corpus files or directories (default: the bundled sample)")
    parser.add_argument("-o", "--out", default="kg-out", help="output directory (default: kg-out)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract every paper again instead of reusing results kept in the output directory")
    parser.add_argument("--parquet", metavar="DIR",
                        help="also write the extraction records as Parquet tables (papers, entities, mentions, "
                        "claims) into DIR")
    parser.add_argument("--from-parquet", metavar="DIR",
                        help="assemble the graph from Parquet tables written by 'kg extract --parquet' "
                        "(or --parquet) instead of extracting")
    _jobs_argument(parser)
    _dask_arguments(parser)
    extractors_argument(parser)


@command("build", "build the knowledge graph and write its views and tables", _build_arguments)
def run_build(args: argparse.Namespace) -> int:
    from kg.build_outputs import OUTPUT_FILES, build_outputs

    out = Path(args.out)
    if args.from_parquet and (args.inputs or args.dask or args.parquet):
        raise KgError("--from-parquet reads the records from tables: give no inputs, --dask or --parquet with it")
    from_parquet = args.from_parquet
    if args.dask:  # extract on the cluster into the tables directory, then build from it here
        from_parquet = args.parquet or out / "tables"
        _extract_on_dask(args, from_parquet)
    report = build_outputs(_inputs(args), out, jobs=args.jobs, use_cache=not args.no_cache,
                           progress=not args.quiet, parquet=None if args.dask else args.parquet,
                           from_parquet=from_parquet, extractors=args.extractors)
    stats, seconds = report.stats, report.seconds
    if from_parquet:
        source = f"read from {from_parquet} in {seconds['read parquet']:.1f} s"
    else:
        reuse = "" if args.no_cache else f"; {stats.reused} reused from the cache, {stats.extracted} extracted"
        source = f"extraction {seconds['extraction']:.1f} s{reuse}"
    tables = f"; Parquet tables in {args.parquet}/" if args.parquet else ""
    print(
        f"kg: {report.papers} papers, {report.entities} entities, {report.claims} claims, {report.edges} edges "
        f"in {seconds['total']:.1f} s ({source}) -> {out}/ ({', '.join(OUTPUT_FILES)}){tables}"
    )
    return 0


# -- extract ----------------------------------------------------------------
def _extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", help="corpus files or directories")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("-o", "--out", help="output JSON Lines file (default: standard output)")
    output.add_argument("--parquet", metavar="DIR",
                        help="write Parquet tables (papers, entities, mentions, claims) into DIR instead")
    _jobs_argument(parser)
    _dask_arguments(parser)
    extractors_argument(parser)


def _extract_on_dask(args: argparse.Namespace, directory: str | Path):
    from kg.dask_extract import close, connect, extract_on_dask

    client = connect(args.dask)
    try:
        return extract_on_dask(read_corpus(_inputs(args)), directory, client, shard_size=args.shard_size,
                               extractors=args.extractors,
                               progress=not args.quiet)
    finally:
        close(client)


def _report_tables(summary, seconds: float) -> None:
    rows = ", ".join(f"{count} {name}" for name, count in summary.rows.items())
    megabytes = sum(summary.sizes().values()) / 1e6
    print(f"kg: {rows} in {len(summary.parts)} part(s), {megabytes:.1f} MB, in {seconds:.1f} s "
          f"-> {summary.directory}/", file=sys.stderr)


@command("extract", "extract entities and claims, one JSON object per paper (or Parquet tables)", _extract_arguments)
def run_extract(args: argparse.Namespace) -> int:
    import time

    from kg.runner import run_extraction

    started = time.perf_counter()
    if args.dask:
        if not args.parquet:
            raise KgError("--dask writes Parquet tables: give the directory for them with --parquet DIR")
        _report_tables(_extract_on_dask(args, args.parquet), time.perf_counter() - started)
        return 0
    records = run_extraction(read_corpus(_inputs(args)), jobs=args.jobs,
                             progress=not args.quiet and bool(args.out or args.parquet),
                             extractors=args.extractors)
    if args.parquet:
        from kg.tables import write_tables

        _report_tables(write_tables(records, args.parquet, args.extractors), time.perf_counter() - started)
        return 0
    if args.out:
        count = 0
        with atomic_write(args.out, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
                count += 1
        print(f"kg: extracted {count} papers -> {args.out}", file=sys.stderr)
    else:
        for record in records:
            sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    return 0


# -- entry point --------------------------------------------------------------
def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of architectures, methods, datasets, metrics, tasks, "
        "repositories and claims from paper abstracts.",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (add_arguments, run) in COMMANDS.items():
        child = sub.add_parser(name, help=run.help_text, description=run.help_text)  # type: ignore[attr-defined]
        add_arguments(child)
        child.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="kg: warning: %(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


# Subcommands that live in their own modules register themselves on import.
from kg import cli_claims, cli_evaluate, cli_export, cli_view  # noqa: E402,F401
