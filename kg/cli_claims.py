"""``kg claims``: who reports what on which dataset, from a built graph."""
from __future__ import annotations

import argparse

from kg.cli import add_graph_argument, command, print_frame


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dataset", help="a dataset name or alias (its variants count too)")
    parser.add_argument("--metric", help="a metric name or alias")
    parser.add_argument("--subject", help="the model or method the claims are about")
    parser.add_argument("--kind", choices=["result", "comparison", "sota"], help="only claims of this kind")
    add_graph_argument(parser)


@command("claims", "list claims; with --dataset and --metric, a leaderboard best first", _arguments)
def run_claims(args: argparse.Namespace) -> int:
    import kg

    graph = kg.load(args.graph)
    if args.dataset and args.metric and not args.subject and args.kind in (None, "result"):
        frame = graph.leaderboard(dataset=args.dataset, metric=args.metric)
    else:
        frame = graph.claims(subject=args.subject, dataset=args.dataset, metric=args.metric, kind=args.kind)
    print_frame(frame, args.format)
    return 0
