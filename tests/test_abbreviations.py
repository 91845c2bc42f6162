"""Schwartz & Hearst abbreviation detection and its use in extraction."""
from __future__ import annotations

from extractors.abbreviations import best_long_form, find_abbreviations
from extractors.pipeline import extract_record
from kg.schema import Paper


def pairs(text: str) -> list[tuple[str, str]]:
    return [(p.short, p.long) for p in find_abbreviations(text)]


def test_long_form_before_short_form():
    assert pairs("we use atrous spatial pyramid pooling (ASPP) to") == [("ASPP", "atrous spatial pyramid pooling")]
    assert pairs("the Convolutional Neural Networks (CNNs) have") == [("CNNs", "Convolutional Neural Networks")]


def test_offsets_point_at_both_forms():
    text = "Then Long Range Arena (LRA) tasks."
    (pair,) = find_abbreviations(text)
    assert text[pair.short_start : pair.short_end] == "LRA"
    assert text[pair.long_start : pair.long_end] == "Long Range Arena"


def test_short_form_inside_parentheses_with_citation_or_nesting():
    assert pairs("Vision Transformers (ViTs; Dosovitskiy et al.) are") == [("ViTs", "Vision Transformers")]
    assert pairs("graph neural networks (GNNs, see (Kipf 2017)) work") == [("GNNs", "graph neural networks")]


def test_short_form_before_long_form():
    assert pairs("A CNN (convolutional neural network) is") == [("CNN", "convolutional neural network")]


def test_examples_and_numbers_in_parentheses_are_not_definitions():
    assert pairs("deep models (e.g., CNNs and ViTs) are") == []
    assert pairs("we obtain 81.5% (top-1) accuracy") == []
    assert pairs("our method (see Fig. 2) works") == []


def test_digits_and_hyphens_in_short_forms():
    assert pairs("a 3D convolutional network (3D-CNN) for") == [("3D-CNN", "3D convolutional network")]
    assert pairs("Gradient based Class Activation Maps (Grad-CAM).") == [
        ("Grad-CAM", "Gradient based Class Activation Maps")]


def test_first_character_must_start_a_word():
    assert best_long_form("SMT", "Satisfiability Modulo Theory") == "Satisfiability Modulo Theory"
    assert best_long_form("XYZ", "completely unrelated words") is None


def test_unknown_pair_becomes_one_entity_labelled_by_its_head_word():
    paper = Paper(id="t", title="T", abstract=(
        "We apply hierarchical token pooling (HTP) to detectors. Later, HTP improves the results."))
    record = extract_record(paper)
    (entity,) = [e for e in record.entities if e.canonical == "HTP"]
    assert entity.label == "METHOD"
    assert [m.text for m in entity.mentions] == ["hierarchical token pooling", "HTP", "HTP"]


def test_short_form_joins_the_known_entity_of_its_long_form():
    record = extract_record(Paper(id="t", title="T", abstract=(
        "Long short-term memory (LSTM) networks are popular. LSTMs remember.")))
    (entity,) = [e for e in record.entities if e.label == "ARCHITECTURE"]
    assert entity.canonical == "LSTM"
    assert [m.text for m in entity.mentions] == ["Long short-term memory", "LSTM", "LSTMs"]


def test_long_form_holding_a_model_name_is_labelled_by_the_head_after_the_parenthesis():
    record = extract_record(Paper(id="t", title="T", abstract=(
        "We stack Sparse Windowed Mamba (SWMamba) blocks. SWMamba blocks are fast.")))
    (entity,) = [e for e in record.entities if e.canonical == "SWMamba"]
    assert entity.label == "METHOD"


def test_long_form_does_not_reach_back_over_an_earlier_parenthesis():
    text = "We benchmark Llama 3.1 (8B), Mistral (7B), Qwen 2.5 (7B), and Phi-4-mini (3.8B)."
    assert not [p for p in find_abbreviations(text) if ")" in p.long]


def test_markup_brace_before_the_parenthesis_is_not_part_of_the_long_form():
    pairs = find_abbreviations(r"We add \textbf{Attentive Convolution} (ATConv) to the model.")
    assert [(p.short, p.long) for p in pairs] == [("ATConv", "Attentive Convolution")]


def test_paper_that_defines_a_listed_acronym_as_another_listed_name_means_that_name_everywhere():
    record = extract_record(Paper(id="t", title="Separating CNNs, LCNs, and FCNs",
                                  abstract="CNNs beat fully connected neural networks (FCNs). FCNs need more data."))
    fcn = [e for e in record.entities if "FCNs" in e.aliases]
    assert [e.canonical for e in fcn] == ["fully connected neural network"]
    assert len(fcn[0].mentions) == 4  # the title's use, the long form, the short form, the later use
    record = extract_record(Paper(id="u", title="Lesions", abstract="Fully Convolutional Networks (FCNs) segment."))
    assert [e.canonical for e in record.entities if "FCNs" in e.aliases] == ["FCN"]


def test_a_short_form_for_the_tail_of_a_longer_listed_name_stands_for_the_tail():
    record = extract_record(Paper(id="t", title="A study", abstract=(
        "Multi-hop question answering (QA) needs several steps. We benchmark QA models. "
        "Existing medical visual question answering (VQA) benchmarks are small.")))
    found = {(e.label, e.canonical): [m.text for m in e.mentions] for e in record.entities}
    assert "QA" in found[("TASK", "question answering")]
    assert "VQA" in found[("TASK", "visual question answering")]
    assert ("TASK", "QA") not in found and ("DATASET", "VQA") not in found
    record = extract_record(Paper(id="u", title="A study", abstract=(
        "Proximal Policy Optimisation (PPO) is an established algorithm. PPO performs well.")))
    assert [e.canonical for e in record.entities if e.label == "METHOD"] == ["PPO"]


def test_lower_case_long_form_of_a_case_sensitive_entry_matches_in_title_case():
    record = extract_record(Paper(id="t", title="Depression", abstract="It lowers the Mean Absolute Error (MAE) "
                                  "to 5.1 and the Mean Average Precision rises; a Masked Autoencoder helps."))
    found = {(e.label, e.canonical) for e in record.entities}
    assert {("METRIC", "MAE"), ("METRIC", "mAP"), ("ARCHITECTURE", "MAE")} <= found
    assert ("METRIC", "precision") not in found


def _entities(abstract: str) -> dict[str, str]:
    record = extract_record(Paper(id="t", title="Study", abstract=abstract))
    return {e.canonical: e.label for e in record.entities}


def test_a_listed_acronym_the_paper_defines_otherwise_is_not_the_listed_entity():
    found = _entities("Using Supervised Semantic Differential (SSD), we find one axis. SSD is simple. "
                      "An autoregressive (AR) decoder keeps AR quality.")
    assert "SSD" not in found and found.get("AR") != "METRIC"  # not the single shot detector, not average recall


def test_a_definition_with_the_listed_head_word_keeps_the_listed_entity():
    found = _entities("A single shot multibox detector (SSD) and a Visual Transformer (ViT) are compared; "
                      "vision (ViT, ResNet) and language (BERT) models are used.")
    assert found["SSD"] == "ARCHITECTURE" and found["ViT"] == "ARCHITECTURE"


def test_a_short_form_defined_as_another_lists_name_takes_that_sense_in_every_use():
    record = extract_record(Paper(id="t", title="MAE for age", abstract=(
        "We estimate age. The mean absolute error (MAE) is reported; the MAE drops.")))
    readings = {(e.label, e.canonical) for e in record.entities}
    assert ("METRIC", "MAE") in readings and ("ARCHITECTURE", "MAE") not in readings


def test_a_definition_does_not_take_a_listed_short_form_from_a_related_entry():
    record = extract_record(Paper(id="t", title="Study", abstract=(
        "We study visual question answering (VQA). Results on VQA v2 are strong.")))
    found = {(e.label, e.canonical) for e in record.entities}
    assert ("DATASET", "VQA") in found and ("TASK", "visual question answering") in found


def test_a_short_form_defined_as_a_task_is_not_the_metric_of_the_same_letters():
    record = extract_record(Paper(id="t", title="Streaming ASR", abstract=(
        "Encoders are strong for automatic speech recognition (ASR). We build a streaming ASR model.")))
    readings = {(e.label, e.canonical) for e in record.entities}
    assert ("TASK", "speech recognition") in readings
    assert not any(label == "METRIC" for label, _ in readings)


def test_a_long_form_ending_in_a_listed_name_is_a_kind_of_it_and_a_pipeline_is_a_method():
    found = _entities("We propose Deterministic Inversion Flow Matching (DIFM) and build an X-ray image "
                      "synthesis pipeline (Xsyn). Multimodal Retrieval-Augmented Generation (MRAG) helps.")
    assert found["DIFM"] == "METHOD" and found["Xsyn"] == "METHOD" and found["MRAG"] == "METHOD"


def test_a_name_used_as_a_modifier_in_a_long_form_does_not_label_it():
    found = _entities("We propose LLM-based Multi-Reference Evaluation (LMRE) and Dual-Channel Attention "
                      "Guidance (DCAG).")
    assert "LMRE" not in found and found["DCAG"] == "METHOD"


def test_a_hyphenated_phase_inside_a_long_form_does_not_make_it_a_metric():
    found = _entities("We propose Training-time Realignment (TrRa) and confidence-aware accuracy with "
                      "abstention (CAA).")
    assert found.get("TrRa") != "METRIC" and found["CAA"] == "METRIC"


def test_a_long_form_is_labelled_by_its_head_before_a_preposition():
    found = _entities("We build a dynamic knowledge update-driven model for fake news detection (DYNAMO), the "
                      "Bias Benchmark for Question-Answering (BBQ) and Centralized Training with Decentralized "
                      "Execution (CTDE).")
    assert found["DYNAMO"] == "ARCHITECTURE" and found["BBQ"] == "DATASET" and found["CTDE"] == "METHOD"
