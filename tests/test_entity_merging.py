"""One node per real-world entity: surface forms merge within and across seed papers."""
from __future__ import annotations

from collections import defaultdict

import kg
from extractors.normalize import name_key


def test_every_surface_form_in_the_seed_corpus_lands_on_one_node(sample_graph):
    nodes_by_form = defaultdict(set)
    for node, data in sample_graph.nx.nodes(data=True):
        if data["kind"] in ("Paper", "Claim"):
            continue
        for form in [data["label"], *data["aliases"]]:
            nodes_by_form[name_key(form)].add(node)
    shared = {form: nodes for form, nodes in nodes_by_form.items() if len(nodes) > 1}
    # One acronym may stand for two things in two papers ("Fully Convolutional Network (FCN)" and "fully
    # connected neural networks (FCNs)"): allowed only when each node has a long form and no two share one.
    homonyms = {form for form, nodes in shared.items() if _distinct_long_forms(sample_graph, nodes)}
    assert {form: nodes for form, nodes in shared.items() if form not in homonyms} == {}
    assert homonyms <= {"fcn"}


def _distinct_long_forms(graph, nodes) -> bool:
    long_forms = [{name_key(a) for a in graph.nx.nodes[n]["aliases"] + [graph.nx.nodes[n]["label"]] if " " in a}
                  for n in nodes]
    return all(long_forms) and sum(len(f) for f in long_forms) == len(set().union(*long_forms))


def test_short_long_plural_and_spelling_forms_of_cnn_are_one_node(sample_graph):
    cnn_nodes = [n for n, d in sample_graph.nx.nodes(data=True)
                 if d["kind"] == "Architecture" and name_key(d["label"]) in {"cnn", "convolutionalneuralnetwork"}]
    assert cnn_nodes == ["architecture:cnn"]
    aliases = set(sample_graph.nx.nodes["architecture:cnn"]["aliases"])
    assert {"CNN", "CNNs", "convolutional neural networks", "Convolutional Neural Networks", "ConvNets"} <= aliases
    assert sample_graph.nx.nodes["architecture:cnn"]["paper_count"] >= 30


def seed_papers_containing(*needles: str) -> list[kg.Paper]:
    papers = list(kg.read_corpus(kg.sample_corpus_path()))
    return [p for p in papers if any(n in p.text for n in needles)]


def test_long_form_in_one_paper_and_short_form_in_another_meet():
    papers = [
        kg.Paper(id="a", title="T1", abstract="We evaluate on the Tiny Pathway Benchmark (TPB) suite."),
        kg.Paper(id="b", title="T2", abstract="Results on the Tiny Pathway Benchmark dataset are strong."),
        kg.Paper(id="c", title="T3", abstract="TPB is hard."),
    ]
    graph = kg.build(papers)
    tpb = [n for n, d in graph.nx.nodes(data=True) if d["kind"] == "Dataset"]
    assert tpb == ["dataset:tpb"]
    assert graph.nx.nodes["dataset:tpb"]["paper_count"] == 2  # "TPB" alone in paper c defines nothing


def test_vision_transformer_forms_across_seed_papers_are_one_node():
    graph = kg.build(seed_papers_containing("Vision Transformer", "ViT"))
    vit = [n for n, d in graph.nx.nodes(data=True) if name_key(d["label"]) in {"vit", "visiontransformer"}]
    assert vit == ["architecture:vit"]
    assert {"Vision Transformers", "ViTs"} <= set(graph.nx.nodes["architecture:vit"]["aliases"])
