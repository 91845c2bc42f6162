"""Weak labels: the rule extractor's mentions over unlabelled abstracts, as spaCy training docs.

Why weak labels: the project has no hand-labelled training set (the gold
files are for evaluation only), but its rules are precise. A model trained
to reproduce them learns what names look like and which contexts announce
them, and so can find names no rule knows. Three choices keep it from merely
memorising the gazetteer:

* **Unknown, not outside.** A name-shaped token the rules did not cover
  ("EfficientViM", "Mantis") is marked *missing* rather than ``O``: the rules
  simply do not know, and training it as "not a name" would teach the model
  to ignore exactly the new names it is for.
* **Name masking.** A share of the name-shaped mentions (``mask_rate``) have
  their letters replaced by random letters of the same case, keeping digits,
  punctuation and, half the time, the last three characters ("ResNet-50" ->
  "QokNet-50"). The model then has to recognise the mention by its shape and
  its context ("we train X on Y"), which is what transfers to unseen names.
* **No gold.** Documents come from the unlabelled arXiv corpus only.

REPO mentions are left to the URL rule (the model learns five labels).

Optionally the TDMSci sentences (``../shared/reference/tdmsci``, hand-tagged
TASK / DATASET / METRIC, Apache-2.0) are added: their human labels win, the
rules add ARCHITECTURE and METHOD mentions, and rule mentions of the three
tagged labels that the annotators did not tag are marked missing, since the
two annotation styles differ ("the FrameNet corpus" keeps only "FrameNet").
"""
from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from extractors.context import DATASET_HEADS
from extractors.gazetteer import MENTIONS_KEY
from extractors.names import is_distinctive, looks_like_name, other_names

#: The labels the model learns (REPO stays with the URL rule).
NER_LABELS = ("ARCHITECTURE", "METHOD", "DATASET", "METRIC", "TASK")


@dataclass(frozen=True)
class WeakLabelSettings:
    """What goes into the training docs; defaults are the shipped model's."""

    docs: int = 16000
    seed: int = 0
    mask_rate: float = 0.3
    unknown_names_missing: bool = True
    #: Copies of each TDMSci training sentence (0: none).
    tdmsci_repeat: int = 2


def read_abstracts(corpus: Path) -> list[tuple[str, str]]:
    """(id, text) of every record with an abstract; text is the title, a blank line, the abstract."""
    opener = gzip.open if str(corpus).endswith(".gz") else open
    out = []
    with opener(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            title, abstract = (row.get("title") or "").strip(), (row.get("abstract") or "").strip()
            if abstract:
                out.append((str(row.get("id") or ""), f"{title}\n\n{abstract}" if title else abstract))
    return out


def choose(records: list[tuple[str, str]], count: int, seed: int) -> list[tuple[str, str]]:
    """A fixed, seeded subset, in a stable order (sorted by id first so file order does not matter)."""
    ordered = sorted(records)
    return random.Random(seed).sample(ordered, min(count, len(ordered)))


def _scramble(word: str, rng: random.Random, keep_tail: int) -> str:
    """Random letters of the same case in place of ``word``'s letters, except the last ``keep_tail``."""
    cut = max(0, len(word) - keep_tail)
    out = []
    for ch in word[:cut]:
        if ch.isupper() and ch.isascii():
            out.append(rng.choice("ABCDEFGHIJKLMNOPRSTUVWYZ"))
        elif ch.islower() and ch.isascii():
            out.append(rng.choice("abcdefghijklmnoprstuvwyz"))
        else:
            out.append(ch)
    return "".join(out) + word[cut:]


def _name_shaped(span: Span) -> bool:
    return any(is_distinctive(t.text) or (t.text[:1].isupper() and not t.is_sent_start) for t in span)


def training_doc(doc: Doc, rng: random.Random, settings: WeakLabelSettings) -> Doc:
    """A new doc with the rule mentions as entities, unknown names missing, some names masked."""
    spans = [s for s in doc.spans.get(MENTIONS_KEY, []) if s.label_ in NER_LABELS]
    spans = sorted(filter_spans(spans), key=lambda s: s.start)
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    for span in spans:
        if settings.mask_rate and _name_shaped(span) and rng.random() < settings.mask_rate:
            keep = 3 if rng.random() < 0.5 else 0
            for i in range(span.start, span.end):
                if words[i][:1].isalpha():
                    words[i] = _scramble(words[i], rng, keep if i == span.end - 1 else 0)
    out = Doc(doc.vocab, words=words, spaces=spaces)
    ents = [Span(out, s.start, s.end, label=s.label_) for s in spans]
    covered = {i for s in spans for i in range(s.start, s.end)}
    missing = []
    if settings.unknown_names_missing:
        missing = [Span(out, t.i, t.i + 1) for t in doc
                   if t.i not in covered and looks_like_name(t) and t.text.lower() not in other_names()]
    out.set_ents(ents, missing=missing, default="outside")
    return out


def read_conll_sentences(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """TDMSci CoNLL (``token offset tag``): each sentence's text (spacing kept) and its tagged char spans."""
    tokens: list[tuple[str, int, str]] = []

    def flush():
        if not tokens:
            return None
        base = tokens[0][1]
        text, spans, open_span = "", [], None
        for word, offset, tag in tokens:
            start = offset - base
            text += " " * max(0, start - len(text)) + word
            if tag.startswith("B-") or (tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])):
                if open_span:
                    spans.append(tuple(open_span))
                open_span = [start, start + len(word), tag[2:]]
            elif tag.startswith("I-"):
                open_span[1] = start + len(word)
            else:
                if open_span:
                    spans.append(tuple(open_span))
                open_span = None
        if open_span:
            spans.append(tuple(open_span))
        return text, spans

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 3 and parts[1].isdigit():
                tokens.append((parts[0], int(parts[1]), parts[2]))
                continue
            sentence = flush()
            tokens = []
            if sentence is not None:
                yield sentence
    sentence = flush()
    if sentence is not None:
        yield sentence


TDMSCI_LABELS = ("TASK", "DATASET", "METRIC")


def tdmsci_doc(doc: Doc, tagged: list[tuple[int, int, str]]) -> Doc:
    """A training doc from a rule-labelled TDMSci sentence and its human tags (which win)."""
    human = []
    for start, end, label in tagged:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:
            continue
        if label == "DATASET" and len(span) > 1 and span[-1].lower_ in DATASET_HEADS:
            span = Span(doc, span.start, span.end - 1, label=label)  # "FrameNet corpus" -> "FrameNet"
        human.append(span)
    human = filter_spans(human)
    taken = {i for s in human for i in range(s.start, s.end)}
    rules = [s for s in doc.spans.get(MENTIONS_KEY, []) if s.label_ in NER_LABELS
             and not any(i in taken for i in range(s.start, s.end))]
    added = [s for s in filter_spans(rules) if s.label_ not in TDMSCI_LABELS]
    unsure = [s for s in rules if s.label_ in TDMSCI_LABELS]
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    ents = [Span(out, s.start, s.end, label=s.label_) for s in human + added]
    covered = {i for s in ents for i in range(s.start, s.end)}
    missing = {i for s in unsure for i in range(s.start, s.end) if i not in covered}
    missing |= {t.i for t in doc if t.i not in covered and looks_like_name(t) and t.text.lower() not in other_names()}
    out.set_ents(ents, missing=[Span(out, i, i + 1) for i in sorted(missing)], default="outside")
    return out


def tdmsci_docs(path: Path) -> Iterator[Doc]:
    from extractors.pipeline import make_nlp

    nlp = make_nlp(("rules",))
    sentences = list(read_conll_sentences(path))
    for doc, (_, tagged) in zip(nlp.pipe(text for text, _ in sentences), sentences):
        yield tdmsci_doc(doc, tagged)


def weak_docs(texts: list[str], settings: WeakLabelSettings) -> Iterator[Doc]:
    """Run the rule pipeline over ``texts`` and yield one training doc each."""
    from extractors.pipeline import make_nlp

    nlp = make_nlp(("rules",))
    rng = random.Random(settings.seed)
    for doc in nlp.pipe(texts, batch_size=256):
        yield training_doc(doc, rng, settings)


def write_docbins(corpus: Path, out_dir: Path, settings: WeakLabelSettings, dev_docs: int = 500,
                  tdmsci: Path | None = None) -> dict[str, int]:
    """``train.spacy`` and ``dev.spacy`` (a held-out slice of the same weak labels) in ``out_dir``.

    ``tdmsci`` is TDMSci's ``train_1500_v2.conll``; its sentences join the training docs.
    """
    chosen = choose(read_abstracts(corpus), settings.docs + dev_docs, settings.seed)
    texts = [text for _, text in chosen]
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    dev_settings = WeakLabelSettings(settings.docs, settings.seed, 0.0, settings.unknown_names_missing)
    for name, part, part_settings in (("dev", texts[:dev_docs], dev_settings),
                                      ("train", texts[dev_docs:], settings)):
        docbin = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=False)
        n_ents = 0
        for doc in weak_docs(part, part_settings):
            docbin.add(doc)
            n_ents += len(doc.ents)
        if name == "train" and tdmsci is not None and settings.tdmsci_repeat:
            extra = list(tdmsci_docs(tdmsci))
            for _ in range(settings.tdmsci_repeat):
                for doc in extra:
                    docbin.add(doc)
                    n_ents += len(doc.ents)
            counts["tdmsci_sentences"] = len(extra)
        docbin.to_disk(out_dir / f"{name}.spacy")
        counts[f"{name}_docs"], counts[f"{name}_entities"] = len(part), n_ents
    return counts
