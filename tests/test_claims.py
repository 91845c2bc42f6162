"""Claims on real sentences of the seed corpus, in the graph, and in queries."""
from __future__ import annotations

import pandas as pd
import pytest

import kg
from extractors.pipeline import extract_record
from kg.claim_queries import lower_is_better


def claims(abstract: str, title: str = "A study") -> list[kg.Claim]:
    return extract_record(kg.Paper(id="t", title=title, abstract=abstract)).claims


def fields(claim: kg.Claim) -> dict:
    return {k: v for k, v in vars(claim).items() if k in ("kind", "subject", "metric", "value", "dataset", "object")
            and v is not None}


def test_result_claim_with_metric_value_and_dataset():
    found = claims("In particular, we improve a state-of-the-art framework with a strong backbone by about 2.0 AP, "
                   "reaching 52.7 AP on COCO test-dev.", title="RelationNet++: Bridging Visual Representations")
    gain, claim = found
    assert fields(claim) == {"kind": "result", "subject": "RelationNet++", "metric": "AP", "value": "52.7",
                             "dataset": "COCO"}
    assert claim.number == 52.7 and claim.unit is None
    assert claim.evidence.startswith("In particular") and claim.end > claim.start
    assert (gain.kind, gain.value, gain.metric, gain.direction) == ("comparison", "2.0", "AP", "better")


def test_a_metric_written_after_the_number_is_the_metric_not_part_of_the_value():
    found = claims("Our detector reaches 41.3 mAP on COCO and our segmenter 47.9 mIoU on ADE20K.")
    assert [(c.value, c.metric, c.dataset) for c in found] == [("41.3", "mAP", "COCO"), ("47.9", "mIoU", "ADE20K")]


def test_comparison_claim_with_speedup_over_a_named_baseline():
    (claim,) = claims("Extensive experiments show that UltraGCN achieves more than 10x speedup over LightGCN.",
                      title="UltraGCN: Ultra Simplification of Graph Convolutional Networks for Recommendation")
    assert fields(claim) == {"kind": "comparison", "subject": "UltraGCN", "metric": "speedup", "value": "10x",
                             "object": "LightGCN"}
    assert claim.direction == "better" and (claim.number, claim.unit) == (10.0, "x")


def test_seed_page_artefacts_times_and_latex_percent():
    found = claims("FlashFFTConv speeds up exact FFT convolutions by up to 7.93times over PyTorch.",
                   title="FlashFFTConv: Efficient Convolutions for Long Sequences with Tensor Cores")
    assert [(c.kind, c.value, c.number, c.unit) for c in found] == [("comparison", "7.93times", 7.93, "x")]
    found = claims("Our CvT-W24 obtains a top-1 accuracy of 87.7\\% on the ImageNet-1k val set.")
    assert [(c.kind, c.value, c.number, c.unit, c.dataset) for c in found] == [
        ("result", "87.7\\%", 87.7, "%", "ImageNet-1K")]


def test_valueless_comparison_gets_one_claim_per_object():
    found = claims("We show that our model outperforms ResNet-50 and DeiT-S on ImageNet.")
    assert [(c.kind, c.object, c.dataset) for c in found] == [("comparison", "ResNet-50", "ImageNet"),
                                                              ("comparison", "DeiT-S", "ImageNet")]


def test_state_of_the_art_without_value_is_a_sota_claim():
    found = claims("Our method achieves state-of-the-art results on Cityscapes.")
    assert [(c.kind, c.subject, c.dataset) for c in found] == [("sota", "PROPOSED", "Cityscapes")]


def test_state_of_the_art_with_a_value_is_only_a_result():
    found = claims("Our model sets the new state-of-art at the PASCAL VOC-2012 semantic image segmentation task, "
                   "reaching 79.7% mIOU in the test set.")
    assert [(c.kind, c.value, c.metric, c.dataset) for c in found] == [("result", "79.7%", "mIoU", "PASCAL VOC 2012")]


def test_one_claim_per_value():
    found = claims("Our attack achieves 99.9% and 99.8% attack success rate in the white-box and black-box settings.")
    assert [c.value for c in found] == ["99.9%", "99.8%"]
    assert {c.metric for c in found} == {"attack success rate"}


def test_a_value_list_shares_the_metric_written_after_it():
    found = claims("Our models reach 71.2%|74.5%|77.9% top-1 accuracies on ImageNet.")
    assert [(c.kind, c.value, c.metric, c.dataset) for c in found] == [
        ("result", "71.2%", "top-1 accuracy", "ImageNet"), ("result", "74.5%", "top-1 accuracy", "ImageNet"),
        ("result", "77.9%", "top-1 accuracy", "ImageNet")]


def test_paired_lists_of_objects_and_gains_pair_up():
    found = claims("Our ViT-X reaches 83.0% top-1 accuracy, surpassing DeiT-B/ResMLP-B24 by 0.4%/1.2%.")
    assert [(c.kind, c.value, c.object) for c in found] == [
        ("result", "83.0%", None), ("comparison", "0.4%", "DeiT-B"), ("comparison", "1.2%", "ResMLP-B24")]


def test_paired_values_take_their_own_dataset_from_a_slash_paired_list():
    found = claims("Our MOAT networks achieve 89.1% / 81.5% top-1 accuracy on ImageNet-1K / ImageNet-1K-V2 "
                   "with ImageNet22K pretraining.", title="MOAT: Alternating Mobile Convolution and Attention")
    assert [(c.value, c.metric, c.dataset) for c in found] == [
        ("89.1%", "top-1 accuracy", "ImageNet-1K"), ("81.5%", "top-1 accuracy", "ImageNet-1K-V2")]


def test_a_value_list_before_one_dataset_gives_it_to_every_value():
    found = claims("Our detector reaches 58.7 box AP and 51.1 mask AP on COCO test-dev.")
    assert [(c.value, c.dataset) for c in found] == [("58.7", "COCO"), ("51.1", "COCO")]


def test_a_gain_after_by_about_is_a_comparison_and_the_level_a_result():
    found = claims("Our method improves mAP by about 2.0 AP over RetinaNet, reaching 42.1 AP on COCO.")
    assert [(c.kind, c.value, c.object, c.dataset) for c in found] == [
        ("comparison", "2.0", "RetinaNet", "COCO"), ("result", "42.1", None, "COCO")]


def test_one_valueless_comparison_per_listed_object_by_its_canonical_name():
    found = claims("Our model outperforms HRNet, FooNet and BarNets on Cityscapes.")
    assert [(c.kind, c.object, c.dataset) for c in found] == [
        ("comparison", "HRNet", "Cityscapes"), ("comparison", "FooNet", "Cityscapes"),
        ("comparison", "BarNet", "Cityscapes")]


def test_only_coordinated_names_are_objects():
    found = claims("Our adapters reach higher accuracy compared to fine-tuning with pruning.")
    assert [c.object for c in found] == ["fine-tuning"]


def test_a_dataset_belongs_to_the_value_of_its_clause():
    found = claims("Our detector obtains 48.1 AP on COCO, and our segmenter obtains 79.3% mIoU on an in-house "
                   "benchmark.")
    assert [(c.value, c.dataset) for c in found] == [("48.1", "COCO"), ("79.3%", None)]


def test_a_sentence_without_a_dataset_continues_the_previous_one():
    found = claims("On CIFAR-10, our network reaches 96.1% accuracy. After pruning it keeps 95.0% accuracy.")
    assert [(c.value, c.dataset) for c in found] == [("96.1%", "CIFAR-10"), ("95.0%", "CIFAR-10")]


def test_savings_and_shares_of_another_models_cost_are_comparisons():
    found = claims("Our student keeps 97% accuracy with 12% of the teacher's FLOPs.")
    assert [(c.kind, c.value, c.metric) for c in found] == [("result", "97%", "accuracy"),
                                                           ("comparison", "12%", "FLOPs")]
    (saved,) = claims("Our method saves 40% GPU memory.")
    assert (saved.kind, saved.value, saved.direction) == ("comparison", "40%", "better")


def test_on_par_is_kept_beside_a_speedup_and_comes_first():
    found = claims("Our model performs on par with DeiT-S while running 2.1x faster.")
    assert [(c.kind, c.value, c.object, c.direction) for c in found] == [
        ("comparison", None, "DeiT-S", "equal"), ("comparison", "2.1x", "DeiT-S", "better")]


def test_a_named_model_can_hold_the_state_of_the_art():
    found = claims("Vision transformers (ViTs) have pushed the state of the art in image classification.")
    assert [(c.kind, c.subject) for c in found] == [("sota", "ViT")]


def test_a_range_is_one_value_and_a_drop_is_worse():
    (claim,) = claims("Our pruning causes accuracy drops of 1% to 2% on ImageNet.")
    assert (claim.kind, claim.value, claim.number, claim.direction) == ("comparison", "1% to 2%", 1.0, "worse")


def test_values_joined_by_and_share_what_follows_them():
    found = claims("Our backbone achieves 1.9% and 2.7% increases in F1 on GID.")
    assert [(c.kind, c.value) for c in found] == [("comparison", "1.9%"), ("comparison", "2.7%")]


def test_a_value_after_compared_to_is_the_baselines():
    found = claims("Our method reaches 53.8% mIoU, compared to only 10% for the baseline.")
    assert [c.value for c in found if c.value] == ["53.8%"]


def test_by_is_a_gain_only_after_a_word_of_change():
    assert [c.kind for c in claims("Each scene is represented by 59 parameters.")] != ["comparison"]
    assert [c.kind for c in claims("Our pruning reduces the model by 59 parameters.")] == ["comparison"]


def test_latex_times_is_the_unit_x_and_a_spread_is_not_a_value():
    (claim,) = claims("Our cache improves throughput by up to 1.60$\\times$ compared to the full KV cache.")
    assert (claim.kind, claim.value, claim.number, claim.unit) == ("comparison", "1.60x", 1.6, "x")
    (claim,) = claims("Our model reaches 62.53\\% ($\\pm$ 1.59) accuracy on GSM8K.")
    assert (claim.kind, claim.value, claim.dataset) == ("result", "62.53\\%", "GSM8K")


def test_compared_to_names_the_object_of_the_comparison_before_it():
    (claim,) = claims("Our model requires fewer parameters to reach this accuracy compared to DeiT-S.")
    assert (claim.kind, claim.metric, claim.object) == ("comparison", "parameters", "DeiT-S")
    (claim,) = claims("Our method keeps a high accuracy compared to the depthwise convolution.")
    assert (claim.kind, claim.object) == ("comparison", "depthwise convolution")


def test_a_metric_named_before_of_belongs_to_its_value():
    found = claims("Our models achieve an ImageNet accuracy of 88.0%, ADE20K mIoU of 55.6%, and COCO box AP of 56.4%.")
    assert [(c.value, c.metric, c.dataset) for c in found] == [
        ("88.0%", "accuracy", "ImageNet"), ("55.6%", "mIoU", "ADE20K"), ("56.4%", "box AP", "COCO")]


def test_a_bare_integer_needs_its_metric_right_beside_it():
    assert claims("It consists of 452 raw-AR video pairs.") == []
    (claim,) = claims("Our model reaches an F1 of 92 on CoNLL.")
    assert (claim.kind, claim.metric, claim.value) == ("result", "F1", "92")


def test_a_share_of_the_state_of_the_art_is_not_a_state_of_the_art_claim():
    found = claims("Our model achieves competitive performance at 89% of state-of-the-art performance.")
    assert "sota" not in [c.kind for c in found]


def test_a_model_is_not_compared_with_itself():
    assert claims("Compared with existing models, RingMo-Agent is trained on more data.",
                  title="RingMo-Agent: a remote sensing agent") == []


def test_benchmarks_the_rules_missed_are_read_after_a_state_of_the_art_claim():
    found = claims("Our method achieves state-of-the-art results on the Foo, Bar and Baz benchmarks.")
    assert [(c.kind, c.dataset) for c in found] == [("sota", "Foo"), ("sota", "Bar"), ("sota", "Baz")]
    (claim,) = claims("Notably, our model ranks first on the OpenCompass leaderboard.")
    assert (claim.kind, claim.dataset) == ("sota", "OpenCompass")
    (claim,) = claims("Our method achieves state-of-the-art results on the Foo task.")
    assert (claim.kind, claim.dataset) == ("sota", None)


def test_each_value_belongs_to_the_model_named_in_its_clause():
    found = claims("Specifically, our ResNet-50 achieves 76.1% top-1 accuracy on ImageNet, "
                   "and our ViT-B obtains 81.8% top-1 accuracy on ImageNet-1K.")
    assert [(c.subject, c.value, c.dataset) for c in found] == [("ResNet-50", "76.1%", "ImageNet"),
                                                               ("ViT-B", "81.8%", "ImageNet-1K")]


@pytest.mark.parametrize("sentence", [
    "We use 50% of the data for training and the rest for testing.",
    "Existing methods achieve 80% accuracy on ImageNet but fail on corrupted images.",
    "What happens if we increase the dataset size by 10x?",
    "We train ResNet-50 for 90 epochs on 8 GPUs in 2021.",
    "We fine-tune for one hour on 4$\\times$H20 GPUs and train on 8x A100 GPUs, then on 2\u00d7 RTX 4090.",
    "We enforce measurement consistency for $4\\times$ super-resolution and 8x upsampling.",
    "Three criteria matter: (1) test-set accuracy; (2) out-of-distribution accuracy.",
    "The model is trained on fewer than 4 billion tokens.",
    "We evaluate on ImageNet-1K and 4K.",
    "We could perhaps obtain better results than existing methods with more data.",
    "Semi-supervised learning has shown tremendous potential to improve the performance of ResNet-50.",
    "With more data, our model could achieve better performance compared to DeiT-S.",
])
def test_sentences_that_state_no_result_yield_no_claim(sentence):
    assert claims(sentence) == []


def test_claims_are_nodes_linked_to_paper_subject_metric_and_dataset():
    graph = kg.build([kg.Paper(id="p", title="TNT: Transformer in Transformer",
                               abstract="Our TNT achieves 81.5% top-1 accuracy on ImageNet.")])
    (node,) = [n for n, d in graph.nx.nodes(data=True) if d["kind"] == "Claim"]
    data = graph.nx.nodes[node]
    assert (data["claim_kind"], data["value"], data["number"], data["unit"]) == ("result", "81.5%", 81.5, "%")
    assert data["label"] == "TNT: 81.5% top-1 accuracy on ImageNet"
    links = {d["relation"]: t for _, t, d in graph.nx.out_edges(node, data=True)}
    assert links == {"about": "architecture:tnt", "measures": "metric:top-1-accuracy", "on": "dataset:imagenet"}
    assert graph.nx.has_edge("paper:p", node)


def board_graph() -> kg.KnowledgeGraph:
    return kg.build([
        kg.Paper(id="a", title="A", abstract="Our ResNet-50 achieves 76.1% top-1 accuracy on ImageNet with 4.1 GFLOPs."),
        kg.Paper(id="b", title="B", abstract="Our ViT-B achieves 81.8% top-1 accuracy on ImageNet-1K."),
        kg.Paper(id="c", title="C", abstract="Our DeiT-S reaches a top-1 error of 20.1% on ImageNet."),
        kg.Paper(id="d", title="D", abstract="Our Swin-T reaches a top-1 error of 18.7% on ImageNet."),
        kg.Paper(id="e", title="E", abstract="Our YOLOv5 reaches 50.1 AP on MS COCO."),
    ])


def test_leaderboard_sorts_best_first_and_counts_variants_of_the_dataset():
    board = board_graph().leaderboard(dataset="ImageNet", metric="top-1 accuracy")
    assert list(board["subject"]) == ["ViT-B", "ResNet-50"]
    assert list(board["value"]) == ["81.8%", "76.1%"]
    assert board["evidence"].str.len().gt(0).all()


def test_claim_tables_and_labels_show_values_without_latex_escapes():
    graph = kg.build([kg.Paper(id="t", title="T", abstract="Our TNT achieves 87.7\\% top-1 accuracy on ImageNet.")])
    (frame_value,) = graph.claims()["value"]
    (node,) = [n for n, d in graph.nx.nodes(data=True) if d["kind"] == "Claim"]
    assert frame_value == "87.7%" and graph.nx.nodes[node]["label"] == "TNT: 87.7% top-1 accuracy on ImageNet"
    assert graph.nx.nodes[node]["value"] == "87.7\\%"  # the graph keeps the value as the text writes it
    assert "87.7\\%" in graph.nx.nodes[node]["evidence"]


def test_leaderboard_sorts_lower_is_better_metrics_ascending():
    assert lower_is_better("top-1 error") and lower_is_better("FLOPs") and not lower_is_better("mIoU")
    board = board_graph().leaderboard(dataset="ImageNet", metric="top-1 error")
    assert list(board["subject"]) == ["Swin-T", "DeiT-S"]


def test_claim_queries_resolve_aliases():
    graph = board_graph()
    frame = graph.claims(dataset="Microsoft COCO")
    assert list(frame["subject"]) == ["YOLOv5"] and list(frame["dataset"]) == ["COCO"]
    results = graph.claims(kind="result")
    assert isinstance(results, pd.DataFrame) and len(results) == 6  # five accuracies, errors and APs, one GFLOPs


def test_kg_claims_command_prints_the_leaderboard(tmp_path, capsys):
    from kg.cli import main

    board_graph().save(tmp_path)
    assert main(["claims", "--graph", str(tmp_path), "--dataset", "imagenet", "--metric", "top1 accuracy",
                 "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("subject,value,number,unit,metric,dataset")
    assert [line.split(",")[0] for line in lines[1:]] == ["ViT-B", "ResNet-50"]


def test_speedup_on_hardware_does_not_borrow_the_previous_sentence_s_dataset():
    found = claims("LPViT reaches 81.2% top-1 accuracy on ImageNet. It also achieves up to 1.79x speedups "
                   "on dedicated hardware and GPUs.", title="LPViT: pruning")
    speedups = [c for c in found if c.value == "1.79x"]
    assert speedups and all(c.dataset is None for c in speedups)
    assert any(c.value == "81.2%" and c.dataset == "ImageNet" for c in found)


def test_an_ing_cue_after_a_determiner_is_an_adjective_not_a_comparison():
    found = claims("We propose path pruning, which cuts out the underperforming paths of the ensemble.",
                   title="Paths")
    assert not [c for c in found if c.kind == "comparison"]


def test_a_metric_named_before_its_change_owns_the_value():
    found = claims("Our method gains on unseen domains (average Dice gain of 155%) while preserving in-domain "
                   "accuracy. It reduces trainable parameters by 300x and training time by 2x.")
    assert [(c.metric, c.value) for c in found] == [("Dice", "155%"), ("parameters", "300x"),
                                                   ("training time", "2x")]


def test_a_fall_in_a_metric_where_more_is_better_is_worse_but_a_fall_in_a_cost_is_better():
    found = claims("Pruning incurs a 1.3% mAP drop. SSAA reduced DSC by 0.29 on the scans. Our method "
                   "reduces latency by 20% and matches baseline accuracy while reducing variance by 35.2%.")
    assert [(c.metric, c.value, c.direction) for c in found if c.kind == "comparison"][:3] == [
        ("mAP", "1.3%", "worse"), ("Dice", "0.29", "worse"), ("latency", "20%", "better")]
    assert all(c.direction == "better" for c in found if c.value == "35.2%")


def test_a_model_that_scores_a_value_in_its_own_clause_is_its_subject():
    found = claims("We evaluate closed and open models, where the gap is stark: Gemini 3.1 Pro attains 69.9% "
                   "accuracy while Qwen3-VL-8B gets a mere 45.0%.", title="VideoNet: a benchmark")
    assert [(c.subject, c.value) for c in found] == [("Gemini 3.1 Pro", "69.9%"), ("Qwen3-VL-8B", "45.0%")]
