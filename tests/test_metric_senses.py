"""A short form two lists hold ("MAE": masked autoencoder, mean absolute error) reads as a metric where
it is measured, once per abstract, and keeps the other sense elsewhere."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract_record
from extractors.senses import is_number, metric_senses
from kg.schema import Paper


def _readings(abstract: str) -> set[tuple[str, str]]:
    record = extract_record(Paper(id="t", title="Study", abstract=abstract))
    return {(e.label, e.canonical) for e in record.entities if e.canonical == "MAE"}


@pytest.mark.parametrize("abstract", [
    "Our model achieves an MAE of 0.101 on the test set.",
    "It attains MAE 1.5 px on crowds.",
    "It reaches 1.67 cm MAE for height and 15% MAE gains.",
    "We report RMSE and MAE for every site.",
    "Errors in RMSE/MAE are small.",
    "It yields a lower MAE than the baselines.",
    "A 3.07% MAE reduction is seen.",
    "The MAE ranging from 0.10 to 0.20 is low.",
])
def test_a_measured_short_form_is_the_metric(abstract):
    assert _readings(abstract) == {("METRIC", "MAE")}


@pytest.mark.parametrize("abstract", [
    "We compare with SimCLR, MAE and DINO as pretraining baselines.",
    "MAE pre-training of vision transformers is costly; we speed up MAE.",
    "Our method outperforms MAE [5] on ImageNet.",
])
def test_an_unmeasured_short_form_keeps_the_first_lists_sense(abstract):
    assert _readings(abstract) == {("ARCHITECTURE", "MAE")}


def test_one_measured_use_gives_every_use_in_the_abstract_the_metric_sense():
    assert _readings("MAE is what we minimise. The method reaches an MAE of 3.2 years.") == {("METRIC", "MAE")}


def test_an_abstract_that_spells_out_the_other_sense_keeps_it():
    assert _readings("We pretrain masked-autoencoding models. The MAE of 0.3 epochs ...") == {("ARCHITECTURE", "MAE")}


def test_the_senses_come_from_the_gazetteer():
    assert metric_senses()["mae"].label == "METRIC"
    assert is_number("0.101") and is_number("12.87%") and not is_number("v2") and not is_number("$")


def _labelled(abstract: str, *canonicals: str) -> set[tuple[str, str]]:
    record = extract_record(Paper(id="t", title="Study", abstract=abstract))
    return {(e.label, e.canonical) for e in record.entities if e.canonical in canonicals}


@pytest.mark.parametrize("abstract", [
    "Jailbreaks reach an ASR of 93% on GPT-4.",
    "Claude achieves the lowest OCR ASR (14.2%) of all models.",
    "The attack success rate rises; ASR is highest for long prompts.",
])
def test_a_metric_short_form_another_list_holds_stays_the_metric_where_measured_or_spelled(abstract):
    assert _labelled(abstract, "attack success rate", "speech recognition") == {("METRIC", "attack success rate")}


def test_an_unmeasured_metric_short_form_takes_the_other_lists_sense():
    assert _labelled("We build streaming ASR models for meetings.", "attack success rate", "speech recognition") \
        == {("TASK", "speech recognition")}


@pytest.mark.parametrize("abstract", [
    "Scenes matter for immersive AR/VR applications.",
    "Cryo-EM data are costly; an EM-inspired solver helps.",
])
def test_an_unmeasured_metric_short_form_of_an_unlisted_thing_is_not_taken(abstract):
    assert _labelled(abstract, "AR", "exact match") == set()


def test_a_measured_metric_short_form_of_an_unlisted_thing_is_the_metric():
    assert _labelled("GPT-5 attains 22.6\\% EM on it; we report AP and AR on COCO.", "AR", "exact match") \
        == {("METRIC", "AR"), ("METRIC", "exact match")}
