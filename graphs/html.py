"""The interactive HTML view: one self-contained file that opens offline.

The page uses vis-network, the library behind pyvis, read from the copy pyvis
ships and written inline; nothing is fetched from a CDN and the page's
Content-Security-Policy forbids any request. The template is this project's
own (``graphs/templates/graph.html.j2``) rather than pyvis's, whose template
loads Bootstrap from a CDN even in ``in_line`` mode and turns titles that
contain "href" into HTML. All text from abstracts reaches the page as JSON
and is shown with ``textContent``: a title such as
``<img src=x onerror=alert(1)>`` is displayed, never run.

Positions are computed in Python (:mod:`graphs.layout`) and physics is off,
so the view is drawn at once instead of settling for minutes.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from graphs.layout import compute_layout
from graphs.style import KIND_COLOURS, colour_of, size_of
from kg.atomic import atomic_write

_VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
#: In a big view, this many of the most-named entities carry a permanent label (all do in a small one).
MAX_LABELS = 40
SHORT_LABEL = 40
MAX_DETAIL_LINKS = 50


def _json_for_script(value: object) -> str:
    """JSON that cannot close its ``<script>`` element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _short(label: str) -> str:
    return label if len(label) <= SHORT_LABEL else label[: SHORT_LABEL - 1].rstrip() + "…"


def _tooltip(data: dict) -> str:
    if data.get("kind") == "Claim":
        return f"{data.get('label', '')}\n{data.get('evidence', '')}".strip()
    if data.get("kind") == "Paper":
        return f"{data.get('title', '')}\n{data.get('date') or ''}".strip()
    lines = [f"{data.get('label')} ({data.get('kind')})", f"{data.get('paper_count', 0)} paper(s)"]
    aliases = [a for a in data.get("aliases") or [] if a != data.get("label")]
    if aliases:
        lines.append("Also: " + "; ".join(aliases[:10]))
    return "\n".join(lines)


def _neighbour_edges(graph: nx.Graph, node: str):
    """(other node, edge data, outgoing?) for every edge at ``node``, directed or not."""
    if graph.is_directed():
        for _, target, data in graph.out_edges(node, data=True):
            yield target, data, True
        for source, _, data in graph.in_edges(node, data=True):
            yield source, data, False
    else:
        for _, other, data in graph.edges(node, data=True):
            yield other, data, True


def view_data(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]] | None = None,
    note: str = "",
) -> dict:
    """The JSON the page draws: nodes, edges, legend, vis-network options and what starts hidden."""
    if positions is None:
        positions = compute_layout(graph)
    small = graph.number_of_nodes() <= 150
    ranked = sorted((n for n, d in graph.nodes(data=True) if d.get("kind") not in ("Paper", "Claim")),
                    key=lambda n: (-int(graph.nodes[n].get("paper_count") or 0), n))
    labelled = set(ranked if small else ranked[:MAX_LABELS])
    nodes = []
    for node, data in graph.nodes(data=True):
        kind = data.get("kind", "")
        count = int(data.get("paper_count") or 0)
        x, y = positions.get(node, (0.0, 0.0))
        links, claims = [], []
        for other, edge, _outgoing in _neighbour_edges(graph, node):
            other_data = graph.nodes[other]
            if other_data.get("kind") == "Claim":
                claims.append({"label": other_data.get("label", ""), "evidence": other_data.get("evidence", "")})
            elif kind == "Claim":
                links.append({"label": other_data.get("label", other), "relation": edge.get("relation", ""),
                              "evidence": ""})
            elif kind == "Paper" or other_data.get("kind") == "Paper":
                links.append({"label": other_data.get("title") or other_data.get("label", other),
                              "relation": edge.get("relation", ""), "evidence": edge.get("evidence", "")})
            elif edge.get("relation") in ("variant_of", "co-occurs"):
                links.append({"label": other_data.get("label", other), "relation": edge.get("relation", ""),
                              "evidence": edge.get("label", "")})
        url = ""
        if kind == "Repo":
            url = "https://" + str(data.get("label", ""))
        elif kind == "Paper" and str(data.get("url") or "").startswith(("http://", "https://")):
            url = data["url"]
        text = data.get("abstract", "") if kind == "Paper" else data.get("evidence", "") if kind == "Claim" else ""
        nodes.append(
            {
                "id": node,
                "label": str(data.get("label") or node),
                "short": _short(str(data.get("label") or node)),
                "fontSize": round(12 + size_of(kind, count) / 3, 1) if not small else 14,
                "kind": kind,
                "aliases": [a for a in data.get("aliases") or [] if a != data.get("label")],
                "x": x,
                "y": y,
                "size": size_of(kind, count),
                "color": colour_of(kind),
                "showLabel": node in labelled or (small and kind == "Paper"),
                "tooltip": _tooltip(data),
                "text": text,
                "url": url,
                "links": links[:MAX_DETAIL_LINKS],
                "claims": claims[:MAX_DETAIL_LINKS],
            }
        )
    edges = [
        {
            "from": u,
            "to": v,
            "tooltip": f"{d.get('relation', '')}: {d.get('evidence', '') or d.get('label', '')}".strip(": "),
            "arrows": d.get("relation") == "variant_of",
            "width": 1 + min(4, int(d.get("weight", 1)) - 1),
        }
        for u, v, d in graph.edges(data=True)
    ]
    counts = Counter(d.get("kind", "") for _, d in graph.nodes(data=True))
    legend = [{"kind": k, "color": c, "count": counts[k]} for k, c in KIND_COLOURS.items() if counts[k]]
    hidden = ["Claim"] if counts["Claim"] and len(counts) > 1 else []
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
        "edges": {"smooth": False},
        "nodes": {"borderWidth": 1},
    }
    return {"nodes": nodes, "edges": edges, "legend": legend, "options": options, "note": note,
            "hiddenKinds": hidden}


def render_html(graph: nx.MultiDiGraph, title: str = "kg knowledge graph", note: str = "",
                positions: dict[str, tuple[float, float]] | None = None) -> str:
    """The page as a string."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=jinja2.select_autoescape(["j2"])
    )
    template = environment.get_template("graph.html.j2")
    note = (f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges. "
            "Colour shows the kind; size, the number of papers. " + note).strip()
    return template.render(
        title=title,
        # Markup: inserted verbatim. Safe because the library files are trusted
        # and the data has every "<", ">" and "&" escaped by _json_for_script.
        vis_js=Markup((_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        vis_css=Markup((_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")),
        data_json=Markup(_json_for_script(view_data(graph, positions, note))),
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, title: str = "kg knowledge graph", note: str = "",
               positions: dict[str, tuple[float, float]] | None = None) -> None:
    """Write the view to ``path`` (UTF-8, atomically)."""
    page = render_html(graph, title=title, note=note, positions=positions)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(page)
