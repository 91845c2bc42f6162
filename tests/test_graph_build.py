"""Graph structure: readable ids, kinds, relations, evidence and variant links."""
from __future__ import annotations

import kg
from kg.schema import NODE_KINDS


def build(*abstracts: str) -> kg.KnowledgeGraph:
    papers = [kg.Paper(id=f"p{i}", title=f"Paper {i}", abstract=a) for i, a in enumerate(abstracts)]
    return kg.build(papers)


def test_papers_link_to_shared_entity_nodes():
    graph = build("We train ResNet-50 on ImageNet.", "ResNet50 reaches high accuracy on ImageNet.")
    g = graph.nx
    assert {"paper:p0", "paper:p1", "architecture:resnet-50", "dataset:imagenet"} <= set(g.nodes)
    assert g.nodes["dataset:imagenet"]["paper_count"] == 2
    assert g.nodes["architecture:resnet-50"]["aliases"] == ["ResNet-50", "ResNet50"]
    edge = g.get_edge_data("paper:p1", "architecture:resnet-50")
    (data,) = edge.values()
    assert data["relation"] == "mentions"
    assert data["evidence"] == "ResNet50 reaches high accuracy on ImageNet."


def test_every_node_has_a_kind_and_label_and_no_edge_uses_type(sample_graph):
    for _, data in sample_graph.nx.nodes(data=True):
        assert data["kind"] in NODE_KINDS and data["label"]
    for _, _, data in sample_graph.nx.edges(data=True):
        assert "type" not in data and data["relation"]


def test_sample_graph_has_257_papers(sample_graph):
    kinds = [k for _, k in sample_graph.nx.nodes(data="kind")]
    assert kinds.count("Paper") == 257


def test_repository_gets_has_code_edge():
    graph = build("Code: https://github.com/owner/name.")
    assert "repo:github.com/owner/name" in graph.nx
    (data,) = graph.nx.get_edge_data("paper:p0", "repo:github.com/owner/name").values()
    assert data["relation"] == "has_code"


def test_variant_links_to_family_and_family_query_finds_variant():
    graph = build("We fine-tune ResNet-50.", "ResNet is a residual network.")
    assert graph.nx.has_edge("architecture:resnet-50", "architecture:resnet")
    titles = set(graph.papers(mentioning="ResNet")["title"])
    assert titles == {"Paper 0", "Paper 1"}


def test_edge_keys_are_unique_across_the_graph(sample_graph):
    keys = [k for _, _, k in sample_graph.nx.edges(keys=True)]
    assert len(keys) == len(set(keys))


def test_papers_query_resolves_aliases_and_rejects_unknown_names(sample_graph):
    frame = sample_graph.papers(mentioning="resnet 50")
    assert len(frame) > 0 and set(frame["mentions"]) >= {"ResNet-50"}
    try:
        sample_graph.papers(mentioning="ResNett-50")
    except kg.UnknownNameError as exc:
        assert "ResNet-50" in str(exc)
    else:
        raise AssertionError("an unknown name must raise")


def test_streamed_build_keeps_every_source_of_a_repeated_paper(tmp_path):
    """A paper repeated in a later file gains that file as a source even though it was built first."""
    from kg.build_outputs import build_outputs
    from kg.persist import load_graph

    (tmp_path / "a.txt").write_text("Mar 11\n\nFirst Paper\n\nWe train ResNet-50 on ImageNet.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Mar 12\n\nFirst  paper\n\nWe train ResNet-50 on ImageNet.\n", encoding="utf-8")
    in_memory = kg.build(kg.read_corpus(tmp_path)).nx
    build_outputs([tmp_path], tmp_path / "out")
    on_disk = load_graph(tmp_path / "out")
    for g in (in_memory, on_disk):
        (sources,) = [d["sources"] for _, d in g.nodes(data=True) if d["kind"] == "Paper"]
        assert [s.rsplit(":", 1)[0] for s in sources] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_a_paradigm_used_in_one_paper_and_worked_on_in_another_is_one_node():
    graph = build("We pre-train with continual learning on ImageNet.", "We propose a benchmark for continual learning.")
    nodes = [n for n, d in graph.nx.nodes(data=True) if d["label"] == "continual learning"]
    assert len(nodes) == 1 and graph.nx.nodes[nodes[0]]["paper_count"] == 2


def test_build_report_times_mentions_csv_apart_from_extraction(tmp_path):
    """mentions.csv is written while records stream by; its time is an export's, not extraction's."""
    from kg.build_outputs import build_outputs

    (tmp_path / "a.txt").write_text("Mar 11\n\nFirst Paper\n\nWe train ResNet-50 on ImageNet.\n", encoding="utf-8")
    report = build_outputs([tmp_path / "a.txt"], tmp_path / "out", use_cache=False)
    assert {"extraction", "assembly", "mentions.csv", "csv tables", "layout"} <= set(report.seconds)
    spent = report.seconds["extraction"] + report.seconds["assembly"] + report.seconds["mentions.csv"]
    assert spent <= report.seconds["total"]


def test_built_graph_equals_one_made_with_networkx_add_edge(sample_graph):
    """The builder writes edges into networkx's adjacency itself; the graph must be what add_edge makes."""
    import networkx as nx

    g = sample_graph.nx
    rebuilt = nx.MultiDiGraph()
    rebuilt.add_nodes_from(g.nodes(data=True))
    for u, v, key, data in g.edges(keys=True, data=True):
        rebuilt.add_edge(u, v, key=key, **data)
    assert list(rebuilt.edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))
    assert all(dict(g.pred[n]) == dict(rebuilt.pred[n]) for n in g)  # in-edges too, key dicts shared
    paper = next(n for n, kind in g.nodes(data="kind") if kind == "Paper")
    target = next(iter(g.successors(paper)))
    assert g._succ[paper][target] is g._pred[target][paper]  # one key dict per edge pair, as networkx keeps it
    assert set(g.in_edges(target)) >= {(paper, target)}
