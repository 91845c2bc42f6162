"""Coined names, context rules, variant linking and the rejection of look-alike words."""
from __future__ import annotations

from extractors.pipeline import extract_record
from kg.schema import Paper


def entities(title: str, abstract: str) -> dict[str, tuple[str, bool, str | None]]:
    record = extract_record(Paper(id="t", title=title, abstract=abstract))
    return {e.canonical: (e.label, e.proposed, e.family) for e in record.entities}


def test_name_a_paper_proposes_is_found_and_marked_proposed():
    found = entities("Efficient restoration", "In this paper, we propose Serpent, an efficient architecture for "
                     "high-resolution image restoration. Serpent is fast.")
    assert found["Serpent"] == ("ARCHITECTURE", True, None)


def test_naming_verbs_and_context_labels():
    found = entities("Graph recommendation", "We present a simple model, dubbed UltraGCN, which skips message passing.")
    assert found["UltraGCN"][:2] == ("ARCHITECTURE", True)
    found = entities("Backdoors", 'We develop a pruning technique, termed "Decamouflage", to detect attacks.')
    assert found["Decamouflage"][:2] == ("ARCHITECTURE", True) or found["Decamouflage"][:2] == ("METHOD", True)


def test_title_prefix_names_the_paper_s_model_and_its_kind():
    found = entities("Beta-Rank: A Robust Convolutional Filter Pruning Method For Imbalanced Medical Image Analysis",
                     "We prune filters.")
    assert found["Beta-Rank"] == ("METHOD", True, None)
    found = entities("ConViT: Improving Vision Transformers with Soft Convolutional Inductive Biases", "ConViT works.")
    assert found["ConViT"][:2] == ("ARCHITECTURE", True)


def test_name_introduced_without_description_is_described_by_its_title():
    found = entities("QuickConv: Fast Convolutions for Long Inputs", "In response, we propose QuickConv. "
                     "QuickConv is fast.")
    assert found["QuickConv"][:2] == ("METHOD", True)


def test_name_described_as_a_framework_or_approach_is_a_method():
    found = entities("Searching", "We propose ZetaSearch, a NAS framework that searches for backbones.")
    assert found["ZetaSearch"][:2] == ("METHOD", True)
    found = entities("Pruning", "We propose QUILL (Quick Unified Input Layer Lightening), a straightforward "
                     "approach that prunes tokens.")
    assert found["QUILL"][:2] == ("METHOD", True)


def test_title_name_whose_subtitle_says_what_it_does_is_a_method():
    found = entities("GraftKit: Automatically Pruning and Regrowing Deep Networks", "We study sparsity.")
    assert found["GraftKit"] == ("METHOD", True, None)
    found = entities("PixTalk: Can Frozen Language Models Describe Satellite Images?", "We study captions.")
    assert found["PixTalk"][:2] == ("METHOD", True)


def test_gerund_subtitle_naming_a_model_dataset_or_benchmark_keeps_that_label():
    found = entities("Orbis-1: Building a Compact Vision-Language Model for Drones", "We study drones.")
    assert found["Orbis-1"][0] == "ARCHITECTURE"
    found = entities("TideQA: Synthesizing Question Answering Datasets from Tide Tables", "We study tides.")
    assert found["TideQA"][0] == "DATASET"
    found = entities("HarborEval: Benchmarking Language Models on Maritime Law", "We study law.")
    assert found["HarborEval"][0] == "DATASET"
    found = entities("Quill: Endowing Language Models with Citation Skills", "Quill-7B cites well.")
    assert found["Quill"][0] == "ARCHITECTURE"  # written with a parameter count: a model
    found = entities("Loom: Training-Free Editing of Long Videos", "We study editing.")
    assert found["Loom"][0] == "METHOD"  # "Training-Free" is a modifier, not a gerund: the head "Editing" decides


def test_coined_hyphenated_name_built_of_known_techniques_replaces_its_pieces():
    found = entities("Tide-RAG: Retrieval for Coastal Questions", "We propose Tide-RAG, which retrieves tide "
                     "tables. Tide-RAG is fast.")
    assert found["Tide-RAG"][:2] == ("METHOD", True)
    assert "RAG" not in found  # the piece inside the paper's own name is not a mention of its own
    found = entities("Sift-GRPO: Sparse Rewards for Long Proofs", "We study proofs.")
    assert found["Sift-GRPO"][:2] == ("METHOD", True)  # nothing telling: a kind of the technique it ends in


def test_survey_and_question_titles_name_nothing():
    assert "Deep Class-Incremental Learning" not in entities("Deep Class-Incremental Learning: A Survey", "We review.")
    assert "Convergent Learning" not in entities("Convergent Learning: Do different networks learn the same?", "x")


def test_dataset_context_rule_and_coordination():
    found = entities("T", "We evaluate on the Noisy Harbour Digits dataset and the NHD2 and Pathwalker benchmarks.")
    assert found["Noisy Harbour Digits"][0] == "DATASET"
    assert found["NHD2"][0] == "DATASET" and found["Pathwalker"][0] == "DATASET"


def test_metric_context_rule():
    found = entities("T", "Results in terms of GAUC and SRCC@10 improve.")
    assert found["GAUC"][0] == "METRIC" and found["SRCC@10"][0] == "METRIC"


def test_look_alike_words_are_rejected():
    found = entities("T", "Extensive experiments on three public datasets show gains. Table 2 lists the Results "
                     "benchmark. Experiments dataset.")
    assert not {"Extensive", "Table", "Results", "Experiments", "Extensive experiments"} & set(found)


def test_unlisted_variants_link_to_their_family():
    found = entities("T", "We compare ResNet-101, ResNet152 and ViT-B/16, pretrained on ImageNet-21K.")
    assert found["ResNet-101"] == ("ARCHITECTURE", False, "ResNet")
    assert found["ResNet-152"] == ("ARCHITECTURE", False, "ResNet")
    assert found["ViT-B/16"] == ("ARCHITECTURE", False, "ViT")
    assert found["ImageNet-21K"] == ("DATASET", False, "ImageNet")


def test_proposed_names_get_a_proposes_edge():
    import kg

    graph = kg.build([Paper(id="p", title="Serpent: Efficient Image Restoration", abstract="Serpent is fast.")])
    (data,) = graph.nx.get_edge_data("paper:p", "architecture:serpent").values()
    assert data["relation"] == "proposes"


def test_capitalised_adjectives_before_dataset_are_not_names():
    found = entities("T", "We use the Multilingual datasets and Synthetic benchmarks of the Medical corpus.")
    assert not {"Multilingual", "Synthetic", "Medical"} & set(found)


def test_headed_phrases_name_methods_and_tasks():
    found = entities("T", "We use image patch sampling for out-of-manifold detection and recurrent wavelet networks "
                     "trained with pattern-exploiting learning.")
    assert found["image patch sampling"][0] == "METHOD"
    assert found["out-of-manifold detection"][0] == "TASK"
    assert found["recurrent wavelet network"][0] == "ARCHITECTURE"
    assert found["pattern-exploiting learning"][0] == "METHOD"


def test_headed_phrases_skip_evaluative_words_verbs_and_generic_networks():
    found = entities("T", "We aim to enrich retrieval with accurate detection, a popular network and large-scale "
                     "training; neural networks learn.")
    assert not {"enrich retrieval", "accurate detection", "popular network", "large-scale training",
                "scale training", "neural network"} & set(found)


def test_specific_kind_of_a_generic_method_replaces_the_generic_term():
    found = entities("Kernels", "We replace standard convolution with sparse convolution and use "
                     "few-shot fine-tuning and local attention.")
    assert found["sparse convolution"][0] == "METHOD"
    assert found["few-shot fine-tuning"][0] == "METHOD"
    assert found["local attention"][0] == "METHOD"
    assert "fine-tuning" not in found and "attention" not in found
    assert found["convolution"][0] == "METHOD"  # "standard" names no kind: the generic term stays


def test_an_amount_lost_is_not_a_loss_function():
    found = entities("Compression", "Pruning causes information loss, so we add a reconstruction loss.")
    assert "information loss" not in found
    assert found["reconstruction loss"][0] == "METHOD"


def test_parameters_are_a_metric_only_as_a_count():
    found = entities("Tuning", "We learn the optimal parameters. Our model reaches higher accuracy with fewer parameters.")
    assert found["parameters"][0] == "METRIC"
    found = entities("Tuning", "We learn the optimal parameters and the bias parameters.")
    assert "parameters" not in found


def test_measure_named_by_its_head_but_not_by_its_value():
    found = entities("Parsing", "Our parser improves segmentation accuracy at a quadratic complexity and low cost.")
    assert found["segmentation accuracy"][0] == "METRIC"
    assert "accuracy" not in found
    assert not any("quadratic" in name or "low cost" in name for name in found)


def test_bare_task_word_joins_the_specific_task_the_paper_named():
    found = entities("Birds", "We study fine-grained image classification. Classification is hard because birds "
                     "look alike.")
    assert "fine-grained image classification" in found and "classification" not in found


def test_bare_task_word_stays_itself_when_two_tasks_share_the_head():
    found = entities("Multi-modal", "We address image classification and text classification. Classification "
                     "of both is hard.")
    assert {"image classification", "text classification", "classification"} <= set(found)


def test_examples_and_qualities_do_not_extend_a_task_name():
    found = entities("Vision", "Tasks like object detection and time-consuming image segmentation benefit.")
    assert "object detection" in found and "image segmentation" in found
    assert not any(name.startswith(("like", "time-consuming")) for name in found)


def test_dataset_names_before_benchmark_datasets_and_in_a_list_after_including():
    found = entities("Fashion", "We are best on the FashionAI, DARN, DeepFashion, and Zappos50K benchmark datasets.")
    assert {"FashionAI", "DARN", "DeepFashion", "Zappos50K"} <= {n for n, v in found.items() if v[0] == "DATASET"}
    found = entities("Birds", "We test on multiple datasets, including NA-bird, Stanford Dogs, and GTOS-mobile.")
    assert {"NA-bird", "Stanford Dogs", "GTOS-mobile"} <= {n for n, v in found.items() if v[0] == "DATASET"}


def test_owner_before_a_dataset_name_is_not_a_dataset():
    found = entities("Data", "We compare with models trained on datasets such as OpenAI's WIT. We release our dataset "
                     "DFN-2B.")
    assert found["WIT"][0] == "DATASET" and found["DFN-2B"][0] == "DATASET"
    assert "OpenAI" not in found


def test_list_cue_needs_names_not_words():
    found = entities("Data", "Results on public datasets, including several new ones, are strong.")
    assert not any(v[0] == "DATASET" for v in found.values())


def test_naming_verb_takes_the_label_of_the_phrase_it_follows():
    found = entities("ScaleKD: Strong Vision Transformers Could Be Excellent Teachers",
                     "We present a simple and effective distillation method, called ScaleKD.")
    assert found["ScaleKD"][:2] == ("METHOD", True)


def test_names_separated_by_bars_are_found_one_by_one():
    found = entities("Students", "We get 75.1%|82.0% top-1 accuracies for MobileNet-V1|ResNet-50 models.")
    assert {"ResNet-50", "MobileNetV1"} <= set(found)


def test_everyday_and_modifier_uses_of_a_method_word_are_not_the_method():
    found = entities("Vision", "This problem has received much attention. We visualise attention maps of the "
                     "convolution layers and add the pretraining data.")
    assert not {"attention", "convolution", "pre-training"} & set(found)
    found = entities("Vision", "We replace attention with a residual block and feature fusion.")
    assert {"attention", "residual block", "feature fusion"} <= set(found)


def test_model_shaped_names_are_architectures_but_ordinary_words_are_not():
    found = entities("Segmentation", "We compare DDRNets, SkipNet, CORnet and FBNetV3 over the Internet on a Planet.")
    assert {n for n, v in found.items() if v[0] == "ARCHITECTURE"} == {"DDRNet", "SkipNet", "CORnet", "FBNetV3"}
    found = entities("Floods", "We release the FloodNet dataset.")
    assert found["FloodNet"][0] == "DATASET"


def test_compound_modifier_starting_with_a_value_word_stays_in_a_metric_name():
    found = entities("CLIP", "A ViT-H achieves 83.0% zero-shot transfer accuracy with fewer FLOPS.")
    assert found["zero-shot transfer accuracy"][0] == "METRIC"
    assert found["FLOPs"][0] == "METRIC"


def test_learning_paradigm_worked_on_is_a_task_and_one_used_is_a_method():
    found = entities("Forgetting", "We propose a benchmark for continual learning. Continual learning is hard.")
    assert found["continual learning"][0] == "TASK"
    found = entities("Pretraining", "We pre-train the encoder with self-supervised learning.")
    assert found["self-supervised learning"][0] == "METHOD"


def test_techniques_listed_as_problems_are_tasks():
    found = entities("Hypernetworks", "Hypernetworks help in many problems, including continual learning, "
                     "weight pruning and uncertainty quantification.")
    assert found["continual learning"][0] == "TASK"
    assert found["weight pruning"][0] == "TASK"
    assert found["uncertainty quantification"][0] == "TASK"


def test_names_listed_as_paradigms_or_named_by_a_technique_noun_are_methods():
    found = entities("Graphs", "We compare two paradigms: StackNet, which encodes nodes with Graph "
                     "Convolutional Networks (GCNs), and ChainNet, which prompts language models.")
    assert found["StackNet"][0] == "METHOD" and found["ChainNet"][0] == "METHOD"
    assert found["GCN"][0] == "ARCHITECTURE"  # named inside a clause, not as an item of the list
    found = entities("Caching", "We design a lightweight caching method, namely StashNet, for long inputs.")
    assert found["StashNet"][0] == "METHOD"


def test_models_listed_under_methods_or_as_known_architectures_stay_architectures():
    found = entities("Synthesis", "Generation methods, such as Generative Adversarial Networks (GANs) and "
                     "Deep Morph Networks (DMNs), are costly. Emerging paradigms such as Large Language Models "
                     "(LLMs) help.")
    assert found["GAN"][0] == "ARCHITECTURE" and found["DMN"][0] == "ARCHITECTURE"
    assert found["LLM"][0] == "ARCHITECTURE"


def test_proper_name_of_a_module_or_layer_is_a_method():
    found = entities("Fusion", "We design a Sonar Echo Enhancement (SEE) module and a Twin Graph Attention "
                     "Network (TGAN) layer, and the SEE module is light.")
    assert found["SEE"][0] == "METHOD" and found["TGAN"][0] == "METHOD"


def test_module_named_by_its_task_is_a_method_and_blocks_of_a_known_architecture_keep_their_labels():
    found = entities("Audio", "An audio denoising module precedes stacked Transformer blocks and an LSTM layer.")
    assert found["audio denoising module"][0] == "METHOD" and "audio denoising" not in found
    assert found["Transformer"][0] == "ARCHITECTURE" and found["LSTM"][0] == "ARCHITECTURE"


def test_task_phrase_before_a_part_noun_names_the_part():
    found = entities("Tokens", "We add a token clustering layer, two shadow detection branches and a score "
                     "prediction head. The application layer and the detection head are plain.")
    assert found["token clustering layer"][0] == "METHOD" and "token clustering" not in found
    assert found["shadow detection branch"][0] == "METHOD"
    assert found["score prediction head"][0] == "METHOD"
    assert not {"application layer", "detection head"} & set(found)


def test_open_compound_of_a_generic_word_is_generic_too():
    found = entities("Scale", "Vision Transformers scale to large scale training and real time object detection.")
    assert "scale training" not in found and "time object detection" not in found
    assert found["object detection"][0] == "TASK"


def test_a_technique_only_near_a_problem_list_stays_a_method():
    found = entities("Tuning", "On domains such as remote sensing, BiasTune beats baselines. We apply "
                     "weight pruning to the listed tasks such as retrieval, then weight pruning validation.")
    assert found["weight pruning"][0] == "METHOD"


def test_paradigm_of_a_problem_noun_or_coordinated_with_a_topic_task_is_a_task():
    found = entities("Capsules", "We study the task of multimodal learning.")
    assert found["multimodal learning"][0] == "TASK"
    found = entities("Scaling", "Data drives advances in language modeling and multimodal learning.")
    assert found["multimodal learning"][0] == "TASK"
    found = entities("Memory", "Agents rely on summarization or reinforcement learning to manage memory.")
    assert found["reinforcement learning"][0] == "METHOD"


def test_procedure_phrase_before_a_technique_noun_is_a_method():
    found = entities("Alignment", "We align networks with a bipartite matching approach and an online "
                     "triplet mining method.")
    assert found["bipartite matching"][0] == "METHOD"
    assert found["online triplet mining"][0] == "METHOD"


def test_known_task_before_a_method_noun_stays_a_task_but_an_unknown_one_with_a_strategy_is_a_method():
    found = entities("Stereo", "We compare stereo matching methods. We propose an image denoising method and "
                     "a progressive generation strategy.")
    assert found["stereo matching"][0] == "TASK"
    assert found["image denoising"][0] == "TASK"
    assert found["progressive generation"][0] == "METHOD"


def test_listed_hyphenated_compound_before_a_head_is_absorbed_into_one_method():
    found = entities("Compression", "We study post-training pruning and cross-attention pooling.")
    assert found["post-training pruning"][0] == "METHOD"
    assert found["cross-attention pooling"][0] == "METHOD"
    assert "cross-attention" not in found


def test_lightweight_is_not_part_of_a_method_name():
    found = entities("Tracking", "We fine-tune a lightweight appearance embedding on annotated frames.")
    assert "appearance embedding" in found
    assert "lightweight appearance embedding" not in found


def test_person_named_in_a_method_phrase_belongs_to_it():
    found = entities("Texture", "Features are extracted with Gabor filters and smoothed by a Kalman filter.")
    assert found["Gabor filter"][0] == "METHOD"
    assert found["Kalman filter"][0] == "METHOD"


def test_capitalised_word_that_starts_a_clause_or_names_a_company_is_not_part_of_a_method():
    found = entities("Embeddings", "Pooling helps. Sparse attention is used. We compare Google embedding models.")
    assert "sparse attention" in found
    assert not any(name.startswith("google") for name in found)


def test_mechanism_named_by_a_noun_is_a_method_but_one_named_by_an_adjective_is_not():
    found = entities("Recurrence", "Mamba adds a selection mechanism and a decay mechanism, not a causal mechanism.")
    assert found["selection mechanism"][0] == "METHOD"
    assert found["decay mechanism"][0] == "METHOD"
    assert "causal mechanism" not in found


def test_search_phrases_and_plural_embeddings_are_not_methods():
    found = entities("Agents", "Agents explore a combinatorial search space for visual search and compare "
                     "text embeddings with a sinusoidal token embedding.")
    assert not any("search" in name for name in found)
    assert "text embedding" not in found
    assert found["sinusoidal token embedding"][0] == "METHOD"


def test_fine_tuned_names_fine_tuning_and_kinds_of_prompting_are_methods():
    found = entities("Adapters", "A 7B model fine-tuned on our data beats few-shot prompting, despite "
                     "chain-of-thought prompting.")
    assert found["fine-tuning"][0] == "METHOD"
    assert found["few-shot prompting"][0] == "METHOD"
    assert not any(name.startswith("despite") for name in found)


def test_name_of_an_attack_is_a_method():
    found = entities("QuietBreak: Multimodal Bidirectional Attack on Segmentation Models", "We attack them.")
    assert found["QuietBreak"][:2] == ("METHOD", True)


def test_network_named_by_a_technique_is_one_architecture_and_one_entity_for_both_spellings():
    record = extract_record(Paper(id="t", title="Gated Cross Attention Network for Retrieval", abstract=(
        "We propose a Gated Cross-Attention Network for retrieval.")))
    names = [(e.label, e.canonical) for e in record.entities]
    assert [n for n in names if "attention" in n[1].lower()] == [("ARCHITECTURE", "gated cross attention network")]


def test_method_phrase_describing_the_noun_after_it_is_not_a_method():
    found = entities("Data", "Cultures with abundant training data gain; we visualise dual attention maps and "
                     "note an implicit connection. We use curriculum training.")
    assert not {"abundant training", "dual attention", "implicit connection"} & set(found)
    assert found["curriculum training"][0] == "METHOD"


def test_capitalised_phrase_with_a_method_head_in_running_text_is_a_method():
    found = entities("Virtual try-on", "Then, a novel Cloth Deformation Module warps the garment, and we add a "
                     "Category-Balanced Loss.")
    assert found["Cloth Deformation Module"][0] == "METHOD"
    assert found["Category-Balanced Loss"][0] == "METHOD"


def test_capitalised_phrase_naming_a_problem_a_framework_or_a_compound_is_not_a_method():
    found = entities("Rewards", "We formalise the Reward Density Optimization problem, follow the Risk "
                     "Management Framework and a Color Gradient-based segmenter. Deep Learning helps.")
    assert not {"Reward Density Optimization", "Risk Management Framework", "Color Gradient",
                "Deep Learning"} & set(found)


def test_bare_task_word_used_as_a_modifier_or_judged_is_not_a_task():
    found = entities("Detection", "Models aim at better classification. We fix classification errors of the "
                     "classification branch.")
    assert "classification" not in found
    found = entities("Labels", "Vision is evaluated with single-label classification and few-shot segmentation.")
    assert {"single-label classification", "few-shot segmentation"} <= set(found)


def test_noun_after_to_starts_a_name_but_a_verb_does_not():
    found = entities("Volumes", "We compare with respect to segmentation accuracy, and aim to speed up training.")
    assert found["segmentation accuracy"][0] == "METRIC"
    assert "speed" not in found


def test_hyphenated_chunk_of_model_names_is_one_model_but_a_word_suffix_is_not():
    found = entities("Sequences", "Hyena-GPT-s and M2-BERT-base beat SLAB-Swin; CNN-based and ViT-like models "
                     "and MobileNetV3 Large lose.")
    assert {"Hyena-GPT-s", "M2-BERT-base", "SLAB-Swin", "MobileNetV3 Large"} <= set(found)
    assert {"CNN", "ViT"} <= set(found)
    assert not any(name.endswith(("-based", "-like")) for name in found)


def test_coined_name_built_on_bench_is_a_dataset_whatever_its_description():
    found = entities("Routing under load", "We present LoadXBench, an evaluation tool for LLM routers. A second test "
                     "suite, dubbed Quill-Bench, probes agents.")
    assert found["LoadXBench"][:2] == ("DATASET", True)
    assert found["Quill-Bench"][:2] == ("DATASET", True)


def test_known_model_glued_to_bench_name_is_a_dataset_not_a_model():
    found = entities("Continual tuning", "Results on MLLM-ZooBench show that forgetting is common.")
    assert found["MLLM-ZooBench"][0] == "DATASET"


def test_evaluation_framework_called_x_is_a_dataset():
    found = entities("Judging agents", "We build an evaluation framework called Kestrel to score planning agents.")
    assert found["Kestrel"][:2] == ("DATASET", True)
    found = entities("Judging agents", "We propose Kestrel, a modular framework that plans routes.")
    assert found["Kestrel"][:2] == ("METHOD", True)


def test_person_name_in_lower_case_method_phrase_keeps_its_capital():
    found = entities("Tracking drones", "We fuse radar tracks with Kalman filters. Multi-hop fusion is fast, "
                     "and the Prompt learning stage uses prompt tokens.")
    assert found["Kalman filter"][0] == "METHOD"
    assert "kalman filter" not in found
    assert "multi-hop fusion" in found  # the first word of a sentence is no name
    assert "prompt learning" in found  # the text writes 'prompt' in lower case: a common word


def test_a_name_introduced_as_a_family_of_networks_is_an_architecture():
    found = entities("Zorblet: Alternating Mobile Convolution and Attention for Vision",
                     "This paper presents Zorblet, a family of neural networks that build on mobile convolution.")
    assert found["Zorblet"][:2] == ("ARCHITECTURE", True)
    found = entities("Quillon: Sparse Attention for Long Inputs",
                     "We introduce Quillon, a suite of pruning techniques for long inputs.")
    assert found["Quillon"][:2] == ("METHOD", True)


def test_report_generation_is_a_task_though_report_is_usually_a_verb():
    found = entities("Chest X-rays", "We study radiology report generation from chest X-rays. "
                     "We report gains over prior models.")
    assert found["medical report generation"][0] == "TASK"
    assert found["medical report generation"][2] == "report generation"
    assert not any(name.startswith("report gains") for name in found)


def test_building_block_heads_name_mixers_projectors_and_blocks():
    found = entities("Mixers", "Each stage uses a frequency token mixer and sparse channel mixers. A query-guided "
                     "visual projector turns image features into words, and we stack gated dilation blocks.")
    assert found["frequency token mixer"][0] == "METHOD"
    assert found["sparse channel mixer"][0] == "METHOD"  # the plural lands on the singular
    assert found["query-guided visual projector"][0] == "METHOD"
    assert found["gated dilation block"][0] == "METHOD"


def test_position_and_count_words_name_no_building_block():
    found = entities("Depth", "We probe the final layer and the hidden layers, then drop each block and the "
                     "later blocks. A lightweight projector follows multiple mixers; the first ripple block "
                     "is frozen.")
    assert not {"final layer", "hidden layer", "each block", "later block", "lightweight projector",
                "multiple mixer", "first ripple block"} & set(found)
    assert found["ripple block"][0] == "METHOD"  # the position word is cut off, the kind stays


def test_layers_are_not_taken_by_their_head_word():
    found = entities("Layers", "A shadow layer and a glue layer sit on the application layer; the early-to-mid "
                     "layers and a multi-layer design follow.")
    assert not any(name.endswith("layer") for name in found)


def test_block_named_by_an_architecture_or_method_word_is_not_a_new_block():
    found = entities("Blocks", "We replace the decoder block and the pooling block with a sparse halo projector.")
    assert "decoder block" not in found and "pooling block" not in found
    assert found["sparse halo projector"][0] == "METHOD"


def test_block_named_after_a_task_replaces_the_task_phrase():
    found = entities("Artifacts", "We add a stripe suppression block after the encoder.")
    assert found["stripe suppression block"][0] == "METHOD"
    assert "stripe suppression" not in found


def test_filter_phrase_drops_plain_and_trainable_words():
    found = entities("Filters", "We learn convolutional filters, prune redundant filters and add a learnable "
                     "ripple filter beside Gabor filters.")
    assert not {"convolutional filter", "redundant filter", "learnable ripple filter"} & set(found)
    assert found["ripple filter"][0] == "METHOD"
    assert found["Gabor filter"][0] == "METHOD"


def test_capitalised_names_listed_as_methods_or_techniques_are_methods():
    found = entities("T", "We compare search methods, including Simulated Tempering and Greedy Rollout Search "
                          "Refinement. Optimisation techniques such as Tabu Walking help too.")
    assert found["Simulated Tempering"][0] == "METHOD" and found["Tabu Walking"][0] == "METHOD"
    # a run whose own head word tells keeps it; a run before a head word is left to that phrase
    found = entities("T", "We test methods such as Sparse Mixing Networks. Techniques like Feature Coherence loss "
                          "help. The Quiet Harbor Protocol and Silver Lantern are described later.")
    assert found.get("Sparse Mixing Networks", ("not found",))[0] != "METHOD"
    assert "Feature Coherence" not in found and found["Feature Coherence loss"][0] == "METHOD"
    assert "Quiet Harbor Protocol" not in found and "Silver Lantern" not in found


def test_what_a_technique_costs_or_saves_is_not_part_of_its_name():
    found = entities("T", "We use memory-efficient contrastive fine-tuning and avoid resource-intensive training. "
                          "It supports label-efficient object detection and parameter-efficient tuning.")
    assert "contrastive fine-tuning" in found and "object detection" in found
    assert not any(name.startswith(("memory-efficient", "resource-intensive", "label-efficient")) for name in found)
    assert "parameter-efficient tuning" in found  # the name of a family of fine-tuning methods


def test_appositive_name_beside_its_kind_noun_is_found_and_proposed():
    found = entities("Styles", "We propose a novel framework, ZeroStylus, that transfers styles. We also "
                     "design an efficient network, CapsFake, to detect fakes.")
    assert found["ZeroStylus"] == ("METHOD", True, None)
    assert found["CapsFake"] == ("ARCHITECTURE", True, None)


def test_appositive_list_after_a_plural_kind_noun_labels_each_name_without_proposing_it():
    found = entities("Retinas", "We report results on four public datasets, IDRID, Drishti-GS, RIM-ONE-r3, and "
                     "REFUGE. We add two encoding methods, MD-TPE and MD-LRPE to the model.")
    assert {"Drishti-GS", "RIM-ONE-r3", "REFUGE"} <= set(found)
    assert all(found[n] == ("DATASET", False, None) for n in ("Drishti-GS", "RIM-ONE-r3", "REFUGE"))
    assert found["MD-TPE"][:2] == ("METHOD", False) and found["MD-LRPE"][:2] == ("METHOD", False)


def test_adverbial_phrase_before_a_comma_is_not_an_apposition():
    found = entities("Scans", "In this framework, CT is used. During extreme training, DR. SAF wins. Unlike prior "
                     "methods, FooBar converges. We surpass classification backbones, OCTA-based detectors.")
    assert not {"CT", "DR", "FooBar", "OCTA"} & set(found)


def test_two_names_after_a_proposing_verb_are_both_found_with_one_label():
    found = entities("Tokens", "Labels are scarce, so we introduce TokenAdapt and ColorAdapt. These methods "
                     "augment data.")
    assert found["TokenAdapt"] == ("METHOD", True, None) and found["ColorAdapt"] == ("METHOD", True, None)
    found = entities("Scenes", "We introduce Waymo-SG and nuScenes-SG, two large-scale scene graph datasets.")
    assert found["Waymo-SG"][0] == "DATASET" and found["nuScenes-SG"][0] == "DATASET"


def test_name_right_after_the_kind_noun_a_proposing_verb_governs():
    found = entities("OOD", "Then we propose a novel approach OGEN to address this pitfall. The proposed method "
                     "clusters WSI-level features and patch-level ones.")
    assert found["OGEN"] == ("METHOD", True, None)
    assert "WSI-level" not in found


def test_proposed_name_is_its_whole_hyphenated_word():
    found = entities("Exams", "We introduce KorMedMCQA-V, a multimodal benchmark of exam questions. We also "
                     "introduce Skeleton-to-Image Encoding for skeletons.")
    assert found["KorMedMCQA-V"] == ("DATASET", True, None)
    assert not {"KorMedMCQA", "Skeleton"} & set(found)


def test_head_that_starts_another_compound_and_a_measured_loss_are_not_methods():
    found = entities("Sparsity", "PulseCol replaces coarse block-level sparsity and a cosine learning-rate decay. "
                     "We keep the checkpoint with the lowest validation loss.")
    assert not {"coarse block", "cosine learning", "validation loss", "lowest validation loss"} & set(found)


def test_head_glued_to_any_other_word_is_not_a_phrase_but_one_a_noun_is_based_on_is():
    found = entities("Gaps", "Experiments reveal a clear reasoning-to-action gap. At equal training-time cost, "
                     "the hard attention-based CNN and a keypoint matching-based metric are compared.")
    assert not {"clear reasoning", "equal training"} & set(found)
    assert "art segmentation" not in entities("SOTA", "We beat state of the art segmentation models.")
    assert found["hard attention"][0] == "METHOD" and found["keypoint matching"][0] == "TASK"


def test_verb_after_we_and_adverbs_is_not_a_modifier_but_apply_is_a_verb_not_an_adverb():
    found = entities("CL", "We first theoretically explain contrastive learning. We apply sparse convolution to "
                     "it, revealing a clear speed-accuracy trade-off.")
    assert "explain contrastive learning" not in found and found["contrastive learning"][0] == "METHOD"
    assert found["sparse convolution"][0] == "METHOD"
    assert "clear speed" not in found


def test_name_shaped_word_a_measure_is_reported_on_is_a_dataset():
    found = entities("Convs", "FlashFFTConv also achieves 96.1% accuracy on Path-512, a vision task. It reaches "
                     "55.2 mIoU on the LoveDA. Speed on Llama3.2-1B, accuracy on Phase-1 and accuracy on "
                     "Transformers are reported.")
    assert found["Path-512"][0] == "DATASET" and found["LoveDA"][0] == "DATASET"
    assert not {"Llama3.2-1B", "Phase-1"} & {n for n, v in found.items() if v[0] == "DATASET"}
    assert found["Transformer"][0] == "ARCHITECTURE"


def test_dataset_glued_to_acronym_pieces_is_a_derived_dataset_of_that_family():
    found = entities("VTE", "We evaluate on COCO-VTE, QA-FB15k and ImageNet-C, with COCO-style boxes from "
                     "ImageNet-Trained models, and study KB-VQA.")
    assert found["COCO-VTE"] == ("DATASET", False, "COCO")
    assert found["QA-FB15k"] == ("DATASET", False, "FB15k")
    assert found["ImageNet-C"][2] == "ImageNet"
    assert "ImageNet-Trained" not in found and "COCO-style" not in found
    assert found.get("KB-VQA", ("TASK",))[0] != "DATASET"  # "VQA" also names the task


def test_kind_of_neural_network_reads_past_neural_and_fully_connected():
    found = entities("Nets", "We study feedforward neural networks, a fully connected neural network and a "
                     "locally connected network, "
                     "unlike neural networks in general.")
    assert found["feedforward neural network"][0] == "ARCHITECTURE"
    assert found["fully connected neural network"][0] == "ARCHITECTURE"  # listed, with this long form
    assert found["locally connected network"][0] == "ARCHITECTURE"
    assert "neural network" not in found


def test_modifier_capitalised_only_because_it_starts_the_sentence_is_read_in_lower_case():
    found = entities("T", "Hyperbolic learning has shown promise. Extensive experiments confirm it. Recent "
                     "learning is odd.")
    assert found["hyperbolic learning"][0] == "METHOD"
    assert not {"extensive experiment", "recent learning"} & set(found)


def test_model_name_glued_to_a_participle_in_a_title_is_an_adjective():
    found = entities("LLM-Based Evaluation with CLIP-Guided Hyena-GPT-s", "We test it.")
    assert not {"LLM-Based", "CLIP-Guided"} & set(found)
    assert found["Hyena-GPT-s"][0] == "ARCHITECTURE"


def test_name_shaped_name_opening_a_sentence_of_results_is_a_dataset():
    found = entities("Faces", "On YouTube Faces DB it achieves 95.12%. On Android devices, it runs 20% faster.")
    assert found["YouTube Faces DB"][0] == "DATASET"
    assert "Android" not in found


def test_name_shaped_name_a_percentage_is_reached_on_is_a_dataset_but_not_a_short_acronym():
    found = entities("Drowsy", "The model achieves 96.2% on UTA-RLDD, 20% on CT and 3% on average.")
    assert found["UTA-RLDD"][0] == "DATASET"
    assert "CT" not in found


def test_benchmark_names_are_datasets_wherever_they_stand():
    found = entities("Long-context models", "Experiments on LongBench, Style4D-Bench and SWE-bench show "
                     "gains; scores on HarmBench drop.")
    for name in ("LongBench", "Style4D-Bench", "SWE-bench", "HarmBench"):
        assert found[name] == ("DATASET", False, None)


def test_words_that_only_contain_bench_are_not_benchmarks():
    found = entities("Tools", "We use the Weka Workbench and a testbench. Benchmarking shows the Benchmark is hard.")
    assert not {name for name in found if "ench" in name}


def test_names_listed_with_a_known_dataset_are_datasets():
    found = entities("Reasoning", "We evaluate on MMLU, GPQA and MathVista, and on ImageNet, ShanghaiTech and UCSD Ped2.")
    for name in ("GPQA", "MathVista", "ShanghaiTech", "UCSD Ped2"):
        assert found[name] == ("DATASET", False, None)


def test_a_list_walk_stops_at_words_not_shaped_like_names_and_at_other_labels():
    found = entities("Scenes", "We train ResNet-50 and VGG-16 on ImageNet and while SACN fails, "
                     "experiments on NYUv2, SUN RGB-D, and Cityscapes hold.")
    assert found["VGG-16"][0] == "ARCHITECTURE"
    assert "RGB-D" not in found and "while SACN" not in found


def test_names_listed_with_a_known_model_are_models_but_not_sizes_or_words():
    found = entities("Vision-language models", "We compare LLaVA, Qwen2.5-VL-7B and MiniCPM-V, and BERT, "
                     "Two-Layer and End-to-End variants, and GPT-4o, 70B and VLA.")
    for name in ("Qwen2.5-VL-7B", "MiniCPM-V"):
        assert found[name][:2] == ("ARCHITECTURE", False)
    assert not {"Two-Layer", "End-to-End", "70B", "VLA"} & set(found)


def test_a_model_read_off_its_shape_does_not_vouch_for_a_list():
    found = entities("Facial expressions", "Evaluated on RAF-DB, FERPlus, and AffectNet, TAG outperforms them.")
    assert found.get("RAF-DB", ("DATASET",))[0] != "ARCHITECTURE"


def test_a_name_opening_a_clause_before_is_proposed_is_coined():
    found = entities("Re-identification", "In this work, ReID-R is proposed as a reasoning-driven model. "
                     "A loss is proposed too.")
    assert found["ReID-R"][:2] == ("ARCHITECTURE", True)
    assert "loss" not in {name.lower() for name in found}


def test_detection_ap_at_iou_thresholds_is_read_in_its_common_spellings():
    found = entities("Detection", "It reaches 51.2 mAP@50, 40.1 mAP@75 and 33.0 mAP@[.5:.95] on the test split.")
    assert {"AP50", "AP75", "mAP50-95"} <= set(found)


def test_an_imaging_modality_before_dataset_is_not_the_dataset_s_name():
    found = entities("Lesions", "We build the largest annotated PSMA PET/CT dataset and an MRI dataset, "
                     "and test on the BraTS dataset.")
    assert "CT" not in found and "MRI" not in found and found["BraTS"][0] == "DATASET"


def test_names_after_evaluated_on_are_datasets_even_when_shaped_like_models():
    found = entities("Expressions", "Evaluated on RAF-DB, FERPlus, and AffectNet, TAG outperforms them. "
                     "Experiments on DocLayNet show gains; results on EN improve.")
    for name in ("RAF-DB", "FERPlus", "AffectNet", "DocLayNet"):
        assert found[name][0] == "DATASET"
    assert "EN" not in found


def test_listed_names_that_are_everyday_words_need_their_written_case():
    found = entities("Quantization", "We use 4-bit weights and a bit of data. Top performers reside in the "
                     "cloud. BiT-M and the Performer are compared on RESIDE.")
    assert found["BiT-M"][0] == "ARCHITECTURE" and found["Performer"][0] == "ARCHITECTURE"
    assert found["RESIDE"][0] == "DATASET"
    assert not {"BiT", "bit"} & set(found)


def test_a_hyphenated_time_and_a_number_format_are_not_metrics():
    found = entities("Inference-Time Scaling", "We study inference-time compute known at training-time. We "
                     "train with FP8 hybrid precision, mixed-precision kernels, half precision and 4-bit "
                     "precision. The inference time is 3 ms at a precision of 91%.")
    assert found["inference time"][0] == "METRIC" and found["precision"][0] == "METRIC"
    assert "training time" not in found
    record = extract_record(Paper(id="t", title="Quantization", abstract=(
        "We train with FP8 hybrid precision, mixed-precision kernels, half precision and 4-bit precision. "
        "Inference-time scaling helps.")))
    assert not {e.canonical for e in record.entities} & {"precision", "inference time"}


def test_a_phrase_keeps_the_capitals_of_the_acronyms_in_it():
    found = entities("UAV Detection and Aerial Object Recognition", "We study OOD classification and "
                     "RGB-D segmentation with X-ray image synthesis.")
    assert {"UAV detection", "OOD classification", "RGB-D segmentation", "aerial object recognition"} <= set(found)


def test_a_dimensionality_or_a_run_of_adjectives_before_a_dataset_head_is_no_name():
    found = entities("FunnyNodules: A Customizable Medical Dataset for XAI",
                     "It wins on diverse 3D benchmarks and 2D datasets, and on the KITTI and Foo3D datasets.")
    assert not {"3D", "2D", "Customizable Medical"} & set(found)
    assert found["Foo3D"][0] == "DATASET" and found["FunnyNodules"][0] == "DATASET"


def test_a_task_acronym_inside_a_name_leaves_the_name_whole():
    found = entities("Video QA", "It wins on benchmarks, including LongVideoBench, NExT-QA, and MLVU, on "
                     "QA-FB15k and KITTI-MOT; QA models and Inter-LLM reliability are studied.")
    assert {found[n][0] for n in ("NExT-QA", "MLVU", "QA-FB15k", "KITTI-MOT")} == {"DATASET"}
    assert found["question answering"][0] == "TASK"
    assert "Inter-LLM" not in found


def test_a_model_version_written_with_spaces_is_part_of_its_name():
    found = entities("LLMs", "We test Gemini 2.5 Pro, Claude 3.5 Sonnet, Llama 3.1 8B and DeepSeek V3. "
                     "We fine-tune BERT 3 times; it beats RoBERTa 2.3% on GLUE.")
    assert {"Gemini 2.5 Pro", "Claude 3.5 Sonnet", "Llama 3.1 8B", "DeepSeek V3"} <= set(found)
    assert found["Gemini 2.5 Pro"] == ("ARCHITECTURE", False, "Gemini")
    assert "Claude Opus 4" in entities("LLMs", "We compare Claude Opus 4 with GPT-4o.")
    assert found["BERT"][0] == "ARCHITECTURE" and found["RoBERTa"][0] == "ARCHITECTURE"
    assert not {"BERT 3", "RoBERTa 2.3"} & set(found)


def test_the_everyday_plural_of_a_one_word_task_is_not_the_task():
    found = entities("Advice", "We conclude with a set of recommendations; 95.9% of classifications were right.")
    assert not {"recommendation", "classification"} & set(found)
    assert entities("RecSys", "We study sequential recommendation.")["sequential recommendation"][0] == "TASK"
