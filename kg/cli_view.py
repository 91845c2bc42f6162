"""``kg view``: an HTML view of one entity or paper, or of one kind of entity."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli import command
from kg.errors import KgError


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", help="an entity or paper title (e.g. ResNet, 'A ConvNet for the 2020s')")
    parser.add_argument("-o", "--out", help="output HTML file (default: view-NAME.html in the build directory)")
    parser.add_argument("--depth", type=int, default=1, help="links to follow from NAME (default 1)")
    parser.add_argument("--kind", help="instead of NAME: all entities of this kind (e.g. Dataset) and their papers")
    parser.add_argument("--cooccurrence", action="store_true",
                        help="with --kind: entities linked by shared papers instead of their papers")
    parser.add_argument("--graph", default="kg-out", help="a build directory or saved graph.json (default: kg-out)")


@command("view", "write an HTML view around one entity or paper, or of one kind", _arguments)
def run_view(args: argparse.Namespace) -> int:
    import kg
    from graphs.html import write_html
    from graphs.views import ego_view, kind_view
    from kg.schema import NODE_KINDS

    if bool(args.name) == bool(args.kind):
        raise KgError("give either a NAME or --kind KIND")
    graph = kg.load(args.graph)
    if args.kind:
        kinds = {k.lower(): k for k in NODE_KINDS}
        kind = kinds.get(args.kind.lower())
        if kind is None or kind in ("Paper", "Claim"):
            raise KgError(f"--kind must be one of {', '.join(NODE_KINDS[1:-1])}")
        view = kind_view(graph.nx, kind, cooccurrence_only=args.cooccurrence)
        title = f"{kind}: {'co-occurrence' if args.cooccurrence else 'and the papers that name them'}"
        stem = f"view-{kind.lower()}{'-cooccurrence' if args.cooccurrence else ''}"
    else:
        center = graph.resolve(args.name)
        view = ego_view(graph.nx, center, depth=max(0, args.depth))
        title = f"{graph.nx.nodes[center]['label']} and its neighbourhood"
        stem = "view-" + "".join(ch if ch.isalnum() else "-" for ch in graph.nx.nodes[center]["label"].lower())[:60]
    base = Path(args.graph) if Path(args.graph).is_dir() else Path(args.graph).parent
    out = Path(args.out) if args.out else base / f"{stem}.html"
    write_html(view, out, title=title)
    print(f"kg: {view.number_of_nodes()} nodes, {view.number_of_edges()} edges -> {out}")
    return 0
