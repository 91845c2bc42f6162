"""``kg_ner``: the shipped statistical model, combined with the rules by one policy.

The policy, in order (each step is tested in ``tests/test_ner.py``):

1. **Rules win on their span.** The model runs on the same tokens as the
   rules (the model was trained with the kg tokenizer); a model span that
   shares any token with a rule mention is dropped, whatever its label.
2. **The model adds what no rule covered**, for the labels in ``labels``
   only (labels where the model measured a precision loss stay rule-only), and
   only names the gazetteer does not list under another label.
3. **Junk is dropped** (:func:`acceptable`): single lower-case words
   ("training", "accuracy": the gazetteers already hold the real ones), plural
   acronyms ("UAVs", "EHRs": kinds of thing, not one name), short undefined
   acronyms ("SD", "ROB"), sizes and numbered parts ("2D", "7B", "Phase-3"), spans with no
   letters, spans that begin or end with a stop word or punctuation, spans
   across a line break, and names the rules' own reject lists reject
   (``not_names.txt``; a generic modifier heading a lower-case phrase such as
   "novel framework"), and names of things the graph does not hold
   (``other_names.txt``: "GPUs", "PyTorch", "OpenAI"). Spans whose start the
   model gives less than their label's threshold probability are dropped too
   (:func:`extractors.ner.decode.greedy_entities`).
4. **One name, one entity.** Model mentions of the same name (by
   :func:`~extractors.normalize.name_key`) share one label, the most frequent
   one, and take the gazetteer's canonical name or that of a rule mention of
   the same name, else their singular form.

Mentions are recorded with extractor ``"ner"``. The spaCy greedy parser has no
calibrated span probabilities; the filters above stand in for a confidence
threshold.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from extractors.context import PART_OR_ADJECTIVE_SHAPE
from extractors.gazetteer import MENTIONS_KEY, load_gazetteer
from extractors.ner.decode import Entity, greedy_entities
from extractors.names import MARKUP_CHARS, is_plural_acronym, not_names, other_names
from extractors.normalize import name_key, singular

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner_model"
#: Labels the model may add; the others stay rule-only. These are the open-ended names new papers
#: bring (issue "NER extractor": new architectures, methods and datasets); metrics and tasks are
#: closed enough for the rules. Fixed before measuring: the gold files never choose settings.
DEFAULT_LABELS = ["ARCHITECTURE", "METHOD", "DATASET"]
#: Label -> the least probability at which the model may add a span of it (others: DEFAULT_THRESHOLD).
#: One high bar for every label, set in advance: a wrong name is worse than a missing one.
DEFAULT_THRESHOLDS: dict[str, float] = {}
DEFAULT_THRESHOLD = 0.9
EXTRACTOR_NAME = "ner"
MAX_TOKENS = 6
_EDGE_PUNCT = set("-–,.;:/()[]{}'\"`")
#: A number first, or a number with a unit or size: "2D", "7B", "1B-13B", "2D synthetic".
_NUMBER_FIRST = re.compile(r"^\d+(?:\.\d+)?[A-Za-z]{0,2}$")


@lru_cache(maxsize=2)
def load_model(model_dir: str = str(MODEL_DIR)) -> Language:
    """The trained pipeline, read from package files (never from the network)."""
    import spacy

    import extractors.pipeline  # noqa: F401  (registers the tokenizer the model's config names)

    if not Path(model_dir, "config.cfg").exists():
        raise FileNotFoundError(f"{model_dir}: no trained NER model (python -m extractors.ner.train --install)")
    return spacy.load(model_dir, exclude=["tokenizer"])


def acceptable(span: Span) -> bool:
    """False for spans that are not names whatever the model says (policy step 3)."""
    text = span.text
    words = [t.text for t in span]
    if len(span) > MAX_TOKENS or "\n" in text or not any(ch.isalpha() for ch in text):
        return False
    first, last = words[0], words[-1]
    if first in _EDGE_PUNCT or last in _EDGE_PUNCT:
        return False
    if first.lower() in STOP_WORDS or last.lower() in STOP_WORDS:
        return False
    if len(span) == 1 and (text.islower() or _plain_capitalised(text) or is_plural_acronym(text)):
        return False  # "training", "Run", "Backbones": words, not names; "UAVs", "EHRs": kinds of thing
    if not MARKUP_CHARS.isdisjoint(text):
        return False
    if _NUMBER_FIRST.match(words[0]) or PART_OR_ADJECTIVE_SHAPE.search(text):
        return False  # "2D", "1B-13B", "Phase-3", "Monte Carlo-based": sizes, parts of a study, adjectives
    if len(span) == 1 and len(text) <= 3 and text.replace("&", "").isalpha() and text.isupper():
        return False  # "ROB", "SD", "H&E": a short acronym the paper does not define is anyone's
    if text.lower() in not_names() or text.lower() in other_names() or singular(text).lower() in other_names():
        return False
    if text.islower() and first.lower() in _generic_modifiers():
        return False
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False
    return True


def _plain_capitalised(word: str) -> bool:
    """"Perception", "Trackers": a capital then lower-case letters only (not "ResNet", "EVE", "D3Net")."""
    return len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def _generic_modifiers() -> frozenset[str]:
    from extractors.mine_phrases import generic_modifiers

    return generic_modifiers()


def combine(doc: Doc, predicted: Iterable[Span], labels: Iterable[str]) -> list[Span]:
    """The doc's mentions plus the accepted model spans (policy steps 1-4); see the module docstring."""
    mentions = list(doc.spans.get(MENTIONS_KEY, []))
    allowed = set(labels)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    gazetteer = load_gazetteer()
    accepted = []
    for span in predicted:
        if span.label_ not in allowed or any(i in taken for i in range(span.start, span.end)):
            continue
        known = gazetteer.lookup(span.text)
        if known is not None and known.label != span.label_:
            continue  # the gazetteer says it is something else: the rules' knowledge wins
        if acceptable(span):
            accepted.append(span)
    if not accepted:
        return mentions
    votes: dict[str, Counter] = {}
    for span in accepted:
        votes.setdefault(name_key(span.text), Counter())[span.label_] += 1
    known = {(name_key(m.text), m.label_): m.kb_id_ or m.text for m in mentions}
    canonical: dict[str, str] = {}
    for span in accepted:
        key = name_key(span.text)
        label = votes[key].most_common(1)[0][0]
        entry = gazetteer.lookup(span.text)
        name = (entry.canonical if entry is not None and entry.label == label else None) \
            or known.get((key, label)) or canonical.setdefault(key, singular(span.text))
        mentions.append(Span(doc, span.start, span.end, label=label, kb_id=name, span_id=EXTRACTOR_NAME))
    return mentions


class NerExtractor:
    """Runs the trained model's ``ner`` on the kg doc and merges its spans by :func:`combine`."""

    def __init__(self, nlp: Language, model_dir: str, labels: list[str], thresholds: dict[str, float],
                 threshold: float) -> None:
        model = load_model(model_dir)
        self.ner = model.get_pipe("ner")
        self.thresholds = {label: thresholds.get(label, threshold) for label in labels}

    def _merge(self, doc: Doc, entities: list[Entity]) -> Doc:
        predicted = [Span(doc, e.start, e.end, label=e.label) for e in entities
                     if e.start_probability >= self.thresholds.get(e.label, 2.0)]
        doc.spans[MENTIONS_KEY] = combine(doc, predicted, self.thresholds)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Decodes docs of similar length together (the batch takes as many steps as its longest doc)."""
        for group in minibatch(docs, batch_size * 4):
            entities: list[list[Entity]] = [[] for _ in group]
            by_length = sorted(range(len(group)), key=lambda k: len(group[k]))
            for part in minibatch(by_length, batch_size):
                for k, found in zip(part, greedy_entities(self.ner, [group[k] for k in part])):
                    entities[k] = found
            for doc, found in zip(group, entities):
                yield self._merge(doc, found)


@Language.factory("kg_ner", default_config={"model_dir": str(MODEL_DIR), "labels": DEFAULT_LABELS,
                                            "thresholds": DEFAULT_THRESHOLDS, "threshold": DEFAULT_THRESHOLD})
def make_ner_extractor(nlp: Language, name: str, model_dir: str, labels: list[str], thresholds: dict[str, float],
                       threshold: float) -> NerExtractor:
    """``labels``: what the model may add; ``thresholds``: per-label least probability (else ``threshold``)."""
    return NerExtractor(nlp, model_dir, labels, thresholds, threshold)
