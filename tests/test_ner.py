"""The NER extractor: the shipped model, the policy that combines it with the rules, and the switch."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from spacy.tokens import Span

from extractors.gazetteer import MENTIONS_KEY
from extractors.ner import component
from extractors.ner.component import MODEL_DIR, acceptable, combine, load_model
from extractors.ner.decode import greedy_entities
from extractors.pipeline import make_nlp, parse_extractors, record_from_doc
from kg.cli import main
from kg.corpus import read_corpus, sample_corpus_path
from kg.schema import Paper

LABELS = ["ARCHITECTURE", "METHOD", "DATASET", "METRIC", "TASK"]


@pytest.fixture(scope="module")
def rules_nlp():
    return make_nlp(("rules",))


def rule_doc(nlp, text: str):
    """A doc with the rule mentions (the doc the NER component receives)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in ("kg_claims", "kg_release_view"):
            break
        doc = proc(doc)
    return doc


def span_of(doc, words: str, label: str) -> Span:
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words), label=label)


# -- the shipped model ----------------------------------------------------------
def test_model_loads_from_package_files_with_networking_unavailable(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("networking is disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    load_model.cache_clear()
    try:
        model = load_model()
    finally:
        load_model.cache_clear()
    assert set(LABELS) <= set(model.get_pipe("ner").labels)
    assert MODEL_DIR.is_relative_to(Path(component.__file__).resolve().parents[1])


def test_shipped_model_is_under_15_mb():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 15 * 2**20


def test_batched_greedy_decoding_finds_exactly_the_entities_spacy_finds(rules_nlp):
    """One numpy step per token for the whole batch must decide as spaCy's own loop does, doc by doc.

    Rule docs carry the sentence starts (an entity may not cross one) and the
    sample corpus's abstracts differ in length, so docs drop out of the batch
    at different steps.
    """
    ner = load_model().get_pipe("ner")
    for label in ner.labels:
        rules_nlp.vocab.strings.add(label)
    texts = ["We propose QuokkaLM, a convolutional network, and train it on the Mantis dataset.",
             "Knowledge distillation from BERT improves accuracy on GLUE. ResNet-50 follows.\n\nWe use SQuAD."]
    texts += [paper.text for paper, _ in zip(read_corpus(sample_corpus_path()), range(40))]
    docs = [rule_doc(rules_nlp, text) for text in texts]
    assert any(not token.is_sent_start for token in docs[1][1:]) and any(t.is_sent_start for t in docs[1][1:])
    found = greedy_entities(ner, docs)  # reads the docs only: spaCy's ner then runs on the same ones
    expected = [[(e.start, e.end, e.label_) for e in ner(doc).ents] for doc in docs]
    assert [[(e.start, e.end, e.label) for e in entities] for entities in found] == expected
    assert sum(map(len, expected)) > 40
    assert all(0.0 < e.start_probability <= 1.0 for entities in found for e in entities)


def test_greedy_decoding_refuses_docs_with_preset_entities(rules_nlp):
    ner = load_model().get_pipe("ner")
    doc = rules_nlp.make_doc("We train QuokkaLM.")
    doc.ents = [Span(doc, 2, 3, label="ARCHITECTURE")]
    with pytest.raises(ValueError, match="preset entities"):
        greedy_entities(ner, [doc])


# -- the combination policy ----------------------------------------------------
def test_rules_win_on_their_span_and_the_model_adds_uncovered_spans(rules_nlp):
    doc = rule_doc(rules_nlp, "We train ResNet-50 and then QuokkaLM on ImageNet.")
    rule_spans = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[MENTIONS_KEY]]
    predicted = [span_of(doc, "ResNet-50 and", "DATASET"), span_of(doc, "QuokkaLM", "ARCHITECTURE")]
    merged = combine(doc, predicted, LABELS)
    assert [(s.start, s.end, s.label_, s.id_) for s in merged[: len(rule_spans)]] == rule_spans
    added = merged[len(rule_spans):]
    assert [(s.text, s.label_, s.kb_id_, s.id_) for s in added] == [("QuokkaLM", "ARCHITECTURE", "QuokkaLM", "ner")]


def test_labels_outside_the_allowed_set_are_not_added(rules_nlp):
    doc = rule_doc(rules_nlp, "We evaluate QuokkaLM with the Zorblax score.")
    predicted = [span_of(doc, "QuokkaLM", "ARCHITECTURE"), span_of(doc, "Zorblax score", "METRIC")]
    added = [s.text for s in combine(doc, predicted, ["ARCHITECTURE"]) if s.id_ == "ner"]
    assert added == ["QuokkaLM"]


@pytest.mark.parametrize("text", ["training", "Backbones", "GPUs", "PyTorch", "the FooNet", "FooNet and",
                                  "B/16|ViT", "Net\\alpha", "Poincaré", "novel framework", "UAVs", "EHRs",
                                  "2D", "1B-13B", "Phase-3", "mAP@0.7", "ROB", "H&E", "Monte Carlo-based"])
def test_junk_spans_are_rejected(rules_nlp, text):
    doc = rules_nlp.make_doc(f"Here {text} appears.")
    assert not acceptable(span_of(doc, text, "ARCHITECTURE"))


@pytest.mark.parametrize("text", ["QuokkaLM", "POINTS1.5", "Mantis Shrimp", "visual concept understanding",
                                  "DINOv3", "2DGS"])
def test_name_shaped_spans_are_accepted(rules_nlp, text):
    doc = rules_nlp.make_doc(f"Here {text} appears.")
    assert acceptable(span_of(doc, text, "ARCHITECTURE"))


def test_names_the_gazetteer_gives_another_label_are_not_added(rules_nlp):
    doc = rules_nlp.make_doc("Plain text mentions imagenet here.")  # no rules ran: nothing is taken
    assert combine(doc, [span_of(doc, "imagenet", "ARCHITECTURE")], LABELS) == []


def test_one_name_gets_one_label_and_the_singular_canonical_name(rules_nlp):
    doc = rule_doc(rules_nlp, "Mantis Shrimps beat rivals. Mantis Shrimp is fast. Mantis Shrimp wins.")
    predicted = [Span(doc, 0, 2, label="ARCHITECTURE"), Span(doc, 5, 7, label="METHOD"),
                 Span(doc, 10, 12, label="ARCHITECTURE")]
    added = [(s.text, s.label_, s.kb_id_) for s in combine(doc, predicted, LABELS) if s.id_ == "ner"]
    assert added == [("Mantis Shrimps", "ARCHITECTURE", "Mantis Shrimp"),
                     ("Mantis Shrimp", "ARCHITECTURE", "Mantis Shrimp"),
                     ("Mantis Shrimp", "ARCHITECTURE", "Mantis Shrimp")]


def test_model_mentions_record_the_ner_extractor(rules_nlp):
    paper = Paper(id="p", title="T", abstract="We train QuokkaLM on ImageNet.")
    doc = rule_doc(rules_nlp, paper.text)
    doc.spans[MENTIONS_KEY] = combine(doc, [span_of(doc, "QuokkaLM", "ARCHITECTURE")], LABELS)
    record = record_from_doc(paper, doc)
    extractors = {e.canonical: {m.extractor for m in e.mentions} for e in record.entities}
    assert extractors == {"QuokkaLM": {"ner"}, "ImageNet": {"gazetteer"}}


# -- the --extractors switch ---------------------------------------------------
def test_extractor_sets_choose_the_pipeline_components():
    assert "kg_ner" not in make_nlp(("rules",)).pipe_names
    ner_only = make_nlp(("ner",)).pipe_names
    assert "kg_ner" in ner_only and "kg_gazetteer" not in ner_only
    both = make_nlp(("rules", "ner")).pipe_names
    assert both.index("kg_context_rules") < both.index("kg_ner") < both.index("kg_claims")
    assert "kg_ner" not in make_nlp().pipe_names  # the default is the rules alone


def test_unknown_extractor_names_are_refused():
    assert parse_extractors("ner,rules") == ("rules", "ner")
    with pytest.raises(ValueError, match="unknown extractors"):
        parse_extractors("rules,crf")


def test_cache_fingerprint_depends_on_the_extractor_set():
    from kg.runner import extractor_fingerprint

    assert extractor_fingerprint(("rules",)) != extractor_fingerprint(("rules", "ner"))


def test_extract_command_switches_extractors(tmp_path):
    corpus = tmp_path / "papers.jsonl"
    text = "We propose Zorblax, and train ResNet-50 and the Quixel-7B model on ImageNet and the Mantis dataset."
    corpus.write_text(json.dumps({"id": "x1", "title": "Zorblax: fast vision", "abstract": text}) + "\n")

    def extractors_used(*option: str) -> set[str]:
        out = tmp_path / f"pred{len(option)}{option[-1] if option else ''}.jsonl"
        assert main(["extract", str(corpus), "-o", str(out), "-j", "1", *option]) == 0
        row = json.loads(out.read_text())
        return {m["extractor"] for e in row["entities"] for m in e["mentions"]}

    rules_only = extractors_used("--extractors", "rules")
    assert rules_only and "ner" not in rules_only
    assert extractors_used("--extractors", "ner") <= {"ner"}
    default = extractors_used()  # default: the rules alone
    assert "gazetteer" in default and "ner" not in default


def test_bad_extractors_option_exits_with_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path / "x.jsonl"), "--extractors", "rules,magic"])
    assert exit_info.value.code == 2
    assert "unknown extractors" in capsys.readouterr().err
