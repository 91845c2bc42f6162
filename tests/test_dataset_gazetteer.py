"""Public datasets beyond vision (from the leaderboard tables): found, with their families and case rules."""
from __future__ import annotations

from extractors.pipeline import extract_record
from kg.schema import Paper


def datasets_of(text: str) -> dict[str, tuple[list[str], str | None]]:
    record = extract_record(Paper(id="t", title="A study", abstract=text))
    return {e.canonical: ([m.text for m in e.mentions], e.family)
            for e in record.entities if e.label == "DATASET"}


def test_nlp_graph_and_speech_benchmarks_are_datasets_with_their_families():
    found = datasets_of(
        "We evaluate link prediction on FB15K-237 and WN18RR, relation extraction on TACRED and FewRel, "
        "dialogue state tracking on MultiWOZ 2.1, and speech recognition on Switchboard."
    )
    assert found["FB15k-237"] == (["FB15K-237"], "FB15k")
    assert found["WN18RR"][1] == "WN18"
    assert found["MultiWOZ 2.1"][1] == "MultiWOZ"
    for name in ("TACRED", "FewRel", "Switchboard"):
        assert name in found


def test_long_forms_and_spelling_variants_resolve_to_the_short_name():
    found = datasets_of("Results on CMU MOSEI and MOSI, on the Quora Question Pairs, and on SemEval 2010 Task 8.")
    assert found["CMU-MOSEI"][0] == ["CMU MOSEI"]
    assert found["CMU-MOSI"][0] == ["MOSI"]
    assert found["QQP"][0] == ["Quora Question Pairs"]
    assert "SemEval-2010 Task 8" in found


def test_dataset_names_that_are_ordinary_words_need_their_written_case():
    found = datasets_of(
        "A spider web inspired the design. On Spider, text-to-SQL accuracy rises; TREC-6 questions are harder."
    )
    assert found["Spider"][0] == ["Spider"]
    assert "TREC-6" in found
