"""GraphML and HTML written by kg build: readable back, Gephi-safe, offline and inert."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import networkx as nx

from graphs.graphml import gephi_ready, write_graphml
from graphs.html import render_html, write_html
from graphs.sanitize import export_value

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def tiny_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("paper:1", kind="Paper", label="Bad \x1b title <script>alert(1)</script>", year=None,
               sources=["a.txt:3", "b.txt:9"])
    g.add_node("architecture:resnet", kind="Architecture", label="ResNet", aliases=["ResNet", "ResNets"],
               paper_count=1)
    g.add_node("architecture:resnet-50", kind="Architecture", label="ResNet-50", aliases=[], paper_count=1)
    g.add_edge("paper:1", "architecture:resnet", key="paper:1|mentions|architecture:resnet", relation="mentions",
               weight=2, evidence="We use ResNets.")
    g.add_edge("paper:1", "architecture:resnet-50", key="paper:1|mentions|architecture:resnet-50",
               relation="mentions", weight=1, evidence="ResNet-50 too.")
    g.add_edge("architecture:resnet-50", "architecture:resnet", key="a|variant_of|b", relation="variant_of")
    return g


def test_export_values_follow_the_stated_rules():
    assert export_value(None) is None
    assert export_value(["a", "b"]) == "a; b"
    assert export_value({"b", "a"}) == "a; b"
    assert export_value("esc\x1bape\x00") == "escape"
    assert export_value(3) == 3 and export_value(True) is True


def test_graphml_round_trips_through_networkx(tmp_path):
    g = tiny_graph()
    before = nx.to_dict_of_dicts(g)
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    assert nx.to_dict_of_dicts(g) == before  # the caller's graph is not modified
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges(keys=True)) == set(g.edges(keys=True))
    node = back.nodes["paper:1"]
    assert node["label"] == "Bad  title <script>alert(1)</script>"
    assert node["sources"] == "a.txt:3; b.txt:9"
    assert "year" not in node
    assert back.nodes["architecture:resnet"]["aliases"] == "ResNet; ResNets"
    (edge,) = back.get_edge_data("paper:1", "architecture:resnet").values()
    assert edge["weight"] == 2.0 and edge["relation"] == "mentions" and edge["evidence"] == "We use ResNets."


def test_graphml_has_gephi_visuals_and_unique_edge_ids(sample_build_dir):
    root = ET.parse(sample_build_dir / "graph.graphml").getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}
    edge_ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(edge_ids) == len(set(edge_ids)) and all(edge_ids)
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        values = {keys[d.get("key")]: d.text for d in node.findall("g:data", NS)}
        assert {"label", "kind", "x", "y", "size", "r", "g", "b"} <= set(values)
        assert all(re.fullmatch(r"\d{1,3}", values[c]) for c in "rgb")
        float(values["x"]), float(values["y"]), float(values["size"])


def test_html_is_offline_and_shows_hostile_titles_as_text(tmp_path):
    g = tiny_graph()
    g.add_node("paper:2", kind="Paper", label="<img src=x onerror=alert(1)>", title="<img src=x onerror=alert(1)>")
    page = render_html(g)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=", page)
    assert "<img src=x" not in page and "</script>alert" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # carried as JSON text
    assert "textContent = text" in page
    path = tmp_path / "g.html"
    write_html(g, path)
    assert path.read_bytes().decode("utf-8") == page


def test_build_outputs_are_byte_identical_across_runs(tmp_path, sample_build_dir):
    from kg.cli import main

    assert main(["build", "-o", str(tmp_path)]) == 0
    for name in ("graph.graphml", "graph.gexf", "graph.json", "graph.html", "papers.csv", "entities.csv",
                 "claims.csv", "mentions.csv"):
        assert (tmp_path / name).read_bytes() == (sample_build_dir / name).read_bytes(), name


JS_DIR = Path(__file__).resolve().parent / "js"


def node_reader_available() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (JS_DIR / "node_modules" / "graphology-gexf").exists():
        return "graphology parsers not installed (run 'npm ci' in tests/js)"
    return None


@pytest.mark.parametrize("name, fmt", [("graph.gexf", "gexf"), ("graph.graphml", "graphml")])
def test_graphology_parses_exports_like_gephi_lite(sample_build_dir, name, fmt):
    reason = node_reader_available()
    if reason:
        pytest.skip(reason)
    graph = nx.read_graphml(sample_build_dir / "graph.graphml", force_multigraph=True)
    result = subprocess.run(["node", str(JS_DIR / "read_graph.js"), fmt, str(sample_build_dir / name),
                             "dataset:imagenet"], capture_output=True, text=True, check=True)
    parsed = json.loads(result.stdout)
    assert (parsed["order"], parsed["size"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert parsed["node"]["label"] == "ImageNet" and parsed["node"]["kind"] == "Dataset"


def test_igraph_reads_the_graphml(sample_build_dir):
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test extra")
    graph = igraph.Graph.Read_GraphML(str(sample_build_dir / "graph.graphml"))
    reference = nx.read_graphml(sample_build_dir / "graph.graphml", force_multigraph=True)
    assert graph.vcount() == reference.number_of_nodes() and graph.ecount() == reference.number_of_edges()
    kinds = set(graph.vs["kind"])
    assert {"Paper", "Architecture", "Dataset", "Claim"} <= kinds
    assert all(isinstance(x, float) for x in graph.vs["x"])


def test_gexf_has_viz_for_every_node_and_unique_edge_ids(sample_build_dir):
    root = ET.parse(sample_build_dir / "graph.gexf").getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    assert root.get("version") == "1.3"
    nodes = root.findall(".//g:node", ns)
    assert nodes and all(n.find("viz:color", ns) is not None and n.find("viz:position", ns) is not None
                         and n.find("viz:size", ns) is not None for n in nodes)
    assert all(n.find("viz:position", ns).get("z") == "0.0" for n in nodes)
    edge_ids = [e.get("id") for e in root.findall(".//g:edge", ns)]
    assert len(edge_ids) == len(set(edge_ids))
    back = nx.read_gexf(sample_build_dir / "graph.gexf")
    assert back.number_of_nodes() == len(nodes)


def test_attributes_keep_one_type_per_column():
    g = nx.MultiDiGraph()
    g.add_node("a", kind="Claim", label="a", number=3)
    g.add_node("b", kind="Claim", label="b", number=2.5)
    ready = gephi_ready(g)
    assert ready.nodes["a"]["number"] == 3.0 and isinstance(ready.nodes["a"]["number"], float)


def test_cooccurrence_projection_export_is_weighted(tmp_path, sample_build_dir):
    from kg.cli import main

    out = tmp_path / "arch-data.graphml"
    assert main(["export", str(out), "--projection", "Architecture-Dataset", "--graph", str(sample_build_dir)]) == 0
    projection = nx.read_graphml(out)
    kinds = {d["kind"] for _, d in projection.nodes(data=True)}
    assert kinds == {"Architecture", "Dataset"}
    weights = [d["weight"] for _, _, d in projection.edges(data=True)]
    assert weights and all(w >= 1 for w in weights) and max(weights) > 1
    edge = max(projection.edges(data=True), key=lambda e: e[2]["weight"])
    assert len(edge[2]["papers"].split("; ")) == edge[2]["weight"]


def test_json_export_round_trips_every_attribute(tmp_path, sample_graph):
    import kg

    sample_graph.save(tmp_path / "g.json")
    again = kg.load(tmp_path / "g.json")
    assert dict(again.nx.nodes(data=True)) == dict(sample_graph.nx.nodes(data=True))
    assert sorted(again.nx.edges(keys=True, data=True), key=str) == sorted(
        sample_graph.nx.edges(keys=True, data=True), key=str)


def test_streamed_graphml_and_gexf_keep_quotes_newlines_and_types(tmp_path):
    from graphs.gexf import write_gexf

    g = tiny_graph()
    g.nodes["architecture:resnet"]["label"] = 'Res"Net" & <co>'
    g.edges["paper:1", "architecture:resnet", "paper:1|mentions|architecture:resnet"]["evidence"] = "line one\nline\ttwo"
    write_graphml(g, tmp_path / "g.graphml")
    write_gexf(g, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.nodes["architecture:resnet"]["label"] == 'Res"Net" & <co>'
    assert back.nodes["architecture:resnet"]["paper_count"] == 1
    (edge,) = back.get_edge_data("paper:1", "architecture:resnet").values()
    assert edge["evidence"] == "line one\nline\ttwo"
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert gexf.nodes["architecture:resnet"]["label"] == 'Res"Net" & <co>'
    assert gexf.nodes["architecture:resnet"]["kind"] == "Architecture"
    assert gexf.nodes["architecture:resnet"]["viz"]["position"]["z"] == 0.0
    edge = next(d for u, v, d in gexf.edges(data=True) if v == "architecture:resnet" and u == "paper:1")
    assert edge["evidence"] == "line one\nline\ttwo" and edge["weight"] == 2.0


def test_mentions_csv_written_from_tuples_matches_the_mention_rows():
    import csv
    import io

    import kg
    from graphs.tables import MENTION_COLUMNS, mention_rows, mention_values

    records = list(kg.extract(list(kg.read_corpus(kg.sample_corpus_path()))[:20]))
    fast, slow = io.StringIO(), io.StringIO()
    csv.writer(fast, lineterminator="\n").writerows(v for r in records for v in mention_values(r))
    csv.DictWriter(slow, fieldnames=MENTION_COLUMNS, lineterminator="\n").writerows(
        row for r in records for row in mention_rows(r))
    assert fast.getvalue() == slow.getvalue() and fast.getvalue().count("\n") > 20
