"""``kg export`` and ``kg query``: a built graph out to other tools, and questions to it."""
from __future__ import annotations

import argparse

from kg.cli import add_graph_argument, command, print_frame
from kg.errors import KgError


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="output file")
    parser.add_argument("--format", choices=["graphml", "gexf", "json"], help="default: from the file's suffix")
    parser.add_argument("--projection", metavar="KIND-KIND",
                        help="write the co-occurrence projection instead, e.g. Architecture-Dataset")
    parser.add_argument("--graph", default="kg-out", help="a build directory or saved graph.json (default: kg-out)")


@command("export", "write a built graph (or a co-occurrence projection) as GraphML, GEXF or JSON", _export_arguments)
def run_export(args: argparse.Namespace) -> int:
    import networkx as nx

    import kg
    from graphs.gexf import write_gexf
    from graphs.graphml import write_graphml
    from graphs.projection import cooccurrence, parse_projection
    from kg.persist import save_graph

    fmt = args.format or args.file.rsplit(".", 1)[-1].lower()
    if fmt not in ("graphml", "gexf", "json"):
        raise KgError(f"{args.file}: say --format graphml, gexf or json (the suffix does not tell)")
    graph = kg.load(args.graph).nx
    if args.projection:
        graph = cooccurrence(graph, *parse_projection(args.projection))
    if fmt == "graphml":
        write_graphml(graph, args.file)
    elif fmt == "gexf":
        write_gexf(graph, args.file)
    else:
        save_graph(graph if isinstance(graph, nx.MultiDiGraph) else nx.MultiDiGraph(graph), args.file)
    print(f"kg: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {args.file}")
    return 0


QUESTIONS = ("summary", "papers", "entities", "related", "datasets-for", "architectures-on", "variants", "repos",
             "path")


def _query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", choices=QUESTIONS)
    parser.add_argument("names", nargs="*", help="the entity (or two, for path) the question is about")
    parser.add_argument("--mentioning", help="for papers and repos: only those naming this entity")
    parser.add_argument("--kind", help="for entities and related: only this kind (e.g. Dataset)")
    parser.add_argument("--top", type=int, default=20, help="for related: how many (default 20)")
    add_graph_argument(parser)


@command("query", "ask a built graph a question; prints a table", _query_arguments)
def run_query(args: argparse.Namespace) -> int:
    import kg

    graph = kg.load(args.graph)
    needed = {"related": 1, "datasets-for": 1, "architectures-on": 1, "variants": 1, "path": 2}.get(args.question, 0)
    if len(args.names) != needed:
        raise KgError(f"'kg query {args.question}' takes {needed} name(s), got {len(args.names)}")
    names = args.names
    frame = {
        "summary": lambda: graph.summary(),
        "papers": lambda: graph.papers(mentioning=args.mentioning),
        "entities": lambda: graph.entities(kind=args.kind),
        "related": lambda: graph.related(names[0], kind=args.kind, top=args.top),
        "datasets-for": lambda: graph.datasets_for(names[0]),
        "architectures-on": lambda: graph.architectures_on(names[0]),
        "variants": lambda: graph.variants(names[0]),
        "repos": lambda: graph.repos(mentioning=args.mentioning),
        "path": lambda: graph.path(names[0], names[1]),
    }[args.question]()
    print_frame(frame, args.format)
    return 0
