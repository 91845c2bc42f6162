"""Phrase mining keeps collocations ("contrastive learning") and drops generic ones ("accurate detection")."""
from __future__ import annotations

from extractors.mine_phrases import count_phrases, main, select


def test_collocations_are_kept_and_generic_modifiers_dropped():
    texts = (
        ["We use contrastive learning for pretraining."] * 30
        + ["Accurate detection matters. The model is accurate, accurate and accurate."] * 30
        + ["We study object detection and pose estimation in Pose Estimation: ResNet learning."] * 25
        + ["Objects: an object is an object, the object of study."] * 10
    )
    phrases, words = count_phrases(texts)
    kept = dict(select(phrases, words, min_count=20, min_share=0.05))
    assert kept["contrastive learning"] == "METHOD"
    assert kept["pose estimation"] == "TASK"
    assert kept["object detection"] == "TASK"
    assert "accurate detection" not in kept  # "accurate" is a generic modifier
    assert "resnet learning" not in kept  # capitalised words are names, not modifiers


def test_a_modifier_mostly_used_alone_is_not_a_collocation():
    texts = ["graph learning"] * 20 + ["graph graph graph graph graph"] * 200
    phrases, words = count_phrases(texts)
    assert "graph learning" not in dict(select(phrases, words, min_count=20, min_share=0.05))


def test_refilter_drops_listed_phrases_whose_modifier_is_now_generic(tmp_path):
    header = "# Mined by extractors/mine_phrases.py\nname,aliases,family,case\n"
    (tmp_path / "mined_methods.csv").write_text(header + "contrastive learning,,,\nfewer training,,,\n"
                                                "unstable optimization,,,\n", encoding="utf-8")
    (tmp_path / "mined_tasks.csv").write_text(header + "pose estimation,,,\nincorrect prediction,,,\n",
                                              encoding="utf-8")
    assert main(["--refilter", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "mined_methods.csv").read_text(encoding="utf-8") == header + "contrastive learning,,,\n"
    assert (tmp_path / "mined_tasks.csv").read_text(encoding="utf-8") == header + "pose estimation,,,\n"
