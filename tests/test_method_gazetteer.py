"""Named techniques from the METHOD gazetteer: found, and their written forms meet on one node."""
from __future__ import annotations

import kg
from extractors.normalize import name_key
from extractors.pipeline import extract_record
from kg.schema import Paper


def methods_of(text: str) -> dict[str, list[str]]:
    record = extract_record(Paper(id="t", title="A study", abstract=text))
    return {e.canonical: [m.text for m in e.mentions] for e in record.entities if e.label == "METHOD"}


def test_classical_techniques_and_their_aliases_are_one_method_each():
    found = methods_of(
        "We fit a Gaussian mixture model with expectation maximization and compare it with "
        "TF-IDF features. The GMMs are refined by the EM algorithm, and "
        "term frequency-inverse document frequency weights are tuned by cross validation."
    )
    assert set(found["Gaussian mixture model"]) == {"Gaussian mixture model", "GMMs"}
    assert set(found["expectation-maximization"]) == {"expectation maximization", "EM algorithm"}
    assert set(found["TF-IDF"]) == {"TF-IDF", "term frequency-inverse document frequency"}
    assert "cross-validation" in found


def test_spelling_variants_of_new_techniques_resolve_to_one_canonical_name():
    found = methods_of(
        "The agent starts from behaviour cloning, then behavior cloning is mixed with "
        "Gumbel softmax sampling and the Gumbel-softmax trick keeps gradients."
    )
    assert set(found["behavior cloning"]) == {"behaviour cloning", "behavior cloning"}
    assert set(found["Gumbel-softmax"]) == {"Gumbel softmax", "Gumbel-softmax trick"}


def test_ordinary_words_listed_as_exact_names_need_their_written_case():
    found = methods_of("We react quickly to drift. ReAct agents interleave reasoning and acting.")
    assert found["ReAct"] == ["ReAct"]


def test_long_form_in_one_paper_and_acronym_in_another_are_one_method_node():
    papers = [
        Paper(id="a", title="T1", abstract="Local features come from the scale-invariant feature transform."),
        Paper(id="b", title="T2", abstract="We match SIFT keypoints with RANSAC."),
    ]
    graph = kg.build(papers)
    sift = [n for n, d in graph.nx.nodes(data=True)
            if d["kind"] == "Method" and name_key(d["label"]) in {"sift", "scaleinvariantfeaturetransform"}]
    assert len(sift) == 1
    assert graph.nx.nodes[sift[0]]["paper_count"] == 2
    assert {"SIFT", "scale-invariant feature transform"} <= set(graph.nx.nodes[sift[0]]["aliases"])


def test_neural_network_building_blocks_are_methods_with_their_written_forms():
    found = methods_of(
        "Each stage stacks inverted residual blocks with a squeeze-and-excitation module, "
        "uses SwiGLU in the feed-forward layer and ALiBi instead of sinusoidal positional encoding. "
        "A region proposal network feeds the head, and the graph branch relies on message passing "
        "with leaky ReLU and adaptive layer normalization (adaLN-Zero)."
    )
    assert set(found["inverted residual block"]) == {"inverted residual blocks"}
    assert set(found["squeeze-and-excitation"]) == {"squeeze-and-excitation module"}
    for name in ("SwiGLU", "ALiBi", "sinusoidal positional encoding", "region proposal network",
                 "message passing", "leaky ReLU"):
        assert name in found
    assert set(found["adaptive layer normalization"]) == {"adaptive layer normalization", "adaLN-Zero"}


def test_building_block_names_that_are_ordinary_words_need_their_written_case():
    found = methods_of("The film was shot in one take. The decoder is conditioned with FiLM on the prompt.")
    assert found["FiLM"] == ["FiLM"]
