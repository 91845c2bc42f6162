"""Established task names from the TASK gazetteer (second part of tasks.csv, from the Papers with Code tables)."""
from __future__ import annotations

from extractors.gazetteer import load_gazetteer
from extractors.pipeline import extract_record
from kg.schema import Paper


def tasks_of(text: str) -> dict[str, list[str]]:
    record = extract_record(Paper(id="t", title="A study", abstract=text))
    return {e.canonical: [m.text for m in e.mentions] for e in record.entities if e.label == "TASK"}


def test_task_names_without_a_task_head_word_are_found():
    found = tasks_of(
        "We study word sense disambiguation and semantic role labeling, then speaker diarization, "
        "fact-checking and Text-to-SQL on Spider."
    )
    for name in ("word sense disambiguation", "semantic role labeling", "speaker diarization",
                 "fact checking", "text-to-SQL"):
        assert name in found, name


def test_task_variants_and_acronyms_meet_on_one_task():
    found = tasks_of(
        "Vision-and-Language Navigation is hard; VLN agents and vision-language navigation methods "
        "fail. Aspect-based sentiment analysis (ABSA) is studied, and ABSA models improve."
    )
    assert set(found["vision-language navigation"]) >= {"Vision-and-Language Navigation", "VLN"}
    assert "ABSA" in found["aspect-based sentiment analysis"]


def test_added_task_names_do_not_take_names_of_other_labels():
    gazetteer = load_gazetteer()
    for name in ("machine unlearning", "knowledge editing", "image fusion", "colorization"):
        entry = gazetteer.lookup(name)
        assert entry is not None and entry.label == "TASK", name


def test_acronyms_with_other_meanings_are_left_to_the_paper_definition():
    found = tasks_of("Indirect Question Answering (IQA) classifies the polarity of indirect answers.")
    assert "image quality assessment" not in found


def test_listed_task_before_a_part_noun_names_the_part():
    record = extract_record(Paper(id="t", title="A study", abstract=(
        "We add an image fusion module and two object detection branches; a classification layer follows.")))
    found = {(e.label, e.canonical) for e in record.entities}
    assert ("METHOD", "image fusion module") in found and ("TASK", "image fusion") not in found
    assert ("METHOD", "object detection branch") in found
    assert ("METHOD", "classification layer") not in found
