"""The rule extractor on real abstract sentences from the seed corpus."""
from __future__ import annotations

from extractors.pipeline import extract_record
from kg.schema import Paper


def entities_of(text: str, title: str = "A study") -> dict[tuple[str, str], list[str]]:
    record = extract_record(Paper(id="t", title=title, abstract=text))
    return {(e.label, e.canonical): [m.text for m in e.mentions] for e in record.entities}


def test_architectures_and_abbreviation_forms_are_one_entity():
    found = entities_of(
        "Nowadays, the Convolutional Neural Networks (CNNs) have achieved impressive performance on many "
        "computer vision related tasks, such as object detection, image recognition, image retrieval, etc."
    )
    assert found[("ARCHITECTURE", "CNN")] == ["Convolutional Neural Networks", "CNNs"]
    assert ("TASK", "object detection") in found


def test_spelling_variants_resolve_to_the_canonical_name():
    found = entities_of("We compare ResNet50, resnet-50 and ResNet-50 models trained on ImageNet.")
    assert found[("ARCHITECTURE", "ResNet-50")] == ["ResNet50", "resnet-50", "ResNet-50"]
    assert ("DATASET", "ImageNet") in found


def test_mentions_carry_offsets_into_title_and_abstract():
    paper = Paper(id="t", title="Pruning ResNet-50", abstract="We prune ResNet-50 on CIFAR-10.")
    record = extract_record(paper)
    for entity in record.entities:
        for mention in entity.mentions:
            assert paper.text[mention.start : mention.end] == mention.text
            assert mention.extractor
            assert paper.text[mention.sent_start : mention.sent_end].strip()
    resnet = next(e for e in record.entities if e.canonical == "ResNet-50")
    assert [m.start for m in resnet.mentions] == [8, len("Pruning ResNet-50\n\nWe prune ")]


def test_repository_url_without_trailing_punctuation_and_written_twice():
    text = (
        "Code is available at https://github.com/facebookresearch/convit{https://github.com/facebookresearch/convit}. "
        "Contact us at someone@github.com."
    )
    found = entities_of(text)
    repos = {k: v for k, v in found.items() if k[0] == "REPO"}
    assert list(repos) == [("REPO", "github.com/facebookresearch/convit")]
    assert set(repos[("REPO", "github.com/facebookresearch/convit")]) == {"https://github.com/facebookresearch/convit"}


def test_lower_case_long_form_of_an_acronym_entry_is_found():
    found = entities_of("We study convolutional neural networks for images.")
    assert found[("ARCHITECTURE", "CNN")] == ["convolutional neural networks"]


def test_acronym_entries_do_not_match_lower_case_words():
    found = entities_of("We clip the gradients and use a cnn-free vit.")
    assert ("ARCHITECTURE", "CNN") not in found
    assert ("ARCHITECTURE", "ViT") in found  # camel-cased names may be written in lower case


def test_spelled_out_alias_of_an_acronym_matches_in_lower_case():
    found = entities_of("The filters of the last layer of a convolutional neural network find patches.")
    assert found[("ARCHITECTURE", "CNN")] == ["convolutional neural network"]


def test_families_are_recorded_for_known_variants():
    record = extract_record(Paper(id="t", title="T", abstract="ResNet-50 on ImageNet-1K."))
    families = {e.canonical: e.family for e in record.entities}
    assert families == {"ResNet-50": "ResNet", "ImageNet-1K": "ImageNet"}


def test_mixture_of_experts_attention_replacements_and_rl_algorithms_are_methods():
    found = entities_of("We insert a sparse mixture-of-experts (MoE) layer after each Hyena operator and train "
                        "the agent with PPO rather than soft actor-critic.")
    assert ("METHOD", "MoE") in found and ("ARCHITECTURE", "MoE") not in found
    assert ("METHOD", "Hyena") in found
    assert ("METHOD", "PPO") in found and ("METHOD", "SAC") in found
