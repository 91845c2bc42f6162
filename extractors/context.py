"""Context rules: names that no list holds, recognised by the words around them.

* "on the Spiking Heidelberg Digits dataset", "the X and Y benchmarks",
  "X, Y and Z datasets": name-shaped words right before ``dataset(s)``,
  ``benchmark(s)``, ``corpus``/``corpora`` are DATASETs (the head noun is not
  part of the name);
* "in terms of MRR", "measured by NDCG@10": a name-shaped word after a
  measuring cue is a METRIC;
* variants of known families: "ResNet-101" and "ResNet101" are variants of
  the known "ResNet" even when no list names them; "EfficientNet-B3",
  "ViT-B/16", "ImageNet-21K" likewise. The variant keeps the family's label
  and records the family;
* headed phrases: modifiers plus a telling head word ("image patch
  sampling" METHOD, "visual navigation" TASK, "capsule network"
  ARCHITECTURE), with a person's name among a method's modifiers ("Kalman
  filter", which keeps its capital in the canonical name), but not before
  a noun the phrase describes ("training data");
* capitalised names in running text with a method head ("Deformation
  Module", "Category-Balanced Loss").

Words that look like names but are not ("Extensive", "Table",
"Experiments", a capitalised first word of a sentence) are rejected by
:mod:`extractors.names`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY, load_gazetteer
from extractors.heads import is_benchmark_word, label_of_word, names_benchmark
from extractors.names import (MARKUP_CHARS, is_distinctive, is_plural_acronym, looks_like_name, not_names, other_names,
                              read_word_list)
from extractors.normalize import name_key
from extractors.roles import LIST_CUES, list_noun_before
from extractors.senses import is_hyphenated_phase
from extractors.tokens import positions, read_spans, token_view, write_spans

DATASET_HEADS = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "data-set", "datasets."}
METRIC_CUES = (("in", "terms", "of"), ("measured", "by"), ("measured", "in"), ("evaluated", "by"),
               ("metrics", "such", "as"), ("metric", "of"))
_CUE_STARTS = {cue[0] for cue in METRIC_CUES}
_COORDINATION = {",", "and", "or", "&"}
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ed", "ing", "ary", "ful", "less", "ent", "ant", "able", "ible", "ian",
                      "ese", "ish")
#: Suffixes that make a family name a variant: sizes, depths, versions, patch sizes.
VARIANT_SUFFIX = re.compile(
    r"^(?:\d+(?:\.\d+)?[A-Za-z]{0,2}|[A-Z]{1,2}\d{0,2}|[vV]\d+(?:\.\d+)?|Tiny|Small|Base|Large|Huge|"
    r"XL|XXL|Ti|Mini|Nano|Micro)(?:/\d+)?$"
)
VARIANT_LABELS = {"ARCHITECTURE", "DATASET"}
_FUSED_VARIANT = re.compile(r"([A-Za-z][A-Za-z\-]*[A-Za-z])(\d{1,4})")
FAMILY_SPAN_KEY = "kg_families"


@Language.component("kg_context_rules")
def context_rules_component(doc: Doc) -> Doc:
    view = token_view(doc)
    mentions = [m for m in read_spans(doc, MENTIONS_KEY)  # "NExT-QA", "ASR-LLM": a task's acronym in a name
                if not (m.label_ == "TASK" and len(m) == 1 and m.id_ == "gazetteer" and m.text.isupper()
                        and _glued_to_name_piece(view, m.start))]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    new: list[Span] = []
    metric_names = _metric_names(doc)
    measured = _datasets_after_metrics(doc, mentions + metric_names) + _datasets_opening_results(doc) \
        + _datasets_evaluated_on(doc)
    for span in _dataset_names(doc) + metric_names + measured + _benchmark_words(doc):
        if not taken.isdisjoint(range(span.start, span.end)):
            continue
        new.append(span)
        taken.update(range(span.start, span.end))
    # lists before names read off their shape: "on RAF-DB, FERPlus, and AffectNet" lists datasets
    for span in _coordinated_names(doc, mentions + new, taken) + _model_shaped_names(doc) + _capitalised_methods(doc):
        if not taken.isdisjoint(range(span.start, span.end)):
            continue
        new.append(span)
        taken.update(range(span.start, span.end))
    headed: list[Span] = []
    for span in _headed_phrases(doc):
        nested = [n for n in headed if n.start < span.end and span.start < n.end]
        if _names_the_whole(span, nested):
            # "Conditional Cross Attention Network", "artifact suppression block": the last head
            # names the whole, so it replaces the method or task phrase found inside it
            new = [n for n in new if n not in nested]
            headed = [n for n in headed if n not in nested]
            for n in nested:
                taken.difference_update(range(n.start, n.end))
        if not taken.isdisjoint(range(span.start, span.end)):
            inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
            if not _refines(span, inside) or any(n.start < span.end and span.start < n.end for n in new) \
                    or span.kb_id_.endswith("mechanism"):  # "dot product attention mechanism": "attention mechanism" is known
                continue
            mentions = [m for m in mentions if m not in inside]
        new.append(span)
        headed.append(span)
        taken.update(range(span.start, span.end))
    mentions = _listed_task_parts(doc, mentions, taken_by={i for n in new for i in range(n.start, n.end)})
    kept = [m for m in mentions if not _uncounted_parameters(doc, m) and not _generic_word_use(doc, m)]
    write_spans(doc, MENTIONS_KEY, _join_hyphenated_models(doc, kept + _one_spelling(kept, new)))
    return doc


def _listed_task_parts(doc: Doc, mentions: list[Span], taken_by: set[int]) -> list[Span]:
    """A listed task right before a part noun names the part: "two shadow detection branches".

    The headed-phrase rule makes "token clustering layer" a METHOD (see
    :data:`TASK_COMPONENT_HEADS`); a task the gazetteer knows gets the same
    reading, or "an image fusion module" would be the task "image fusion".
    The part keeps the task as written ("HOI detection module"). A bare task
    word before a part ("classification layer", "segmentation head") is a
    plain part of a network, as the headed-phrase rule leaves it.
    """
    lower = token_view(doc).lower
    out = []
    for m in mentions:
        named = m.label_ == "TASK" and m.id_ == "gazetteer" and m.end - m.start > 1  # not "classification layer"
        part = _task_component(lower, m.end) if named else None
        if part is None or m.end in taken_by or any(o.start <= m.end < o.end for o in mentions if o is not m):
            out.append(m)
            continue
        written = " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in m.text.split(" "))
        out.append(Span(doc, m.start, m.end + 1, label="METHOD", kb_id=f"{written} {part}", span_id="context"))
    return out


def _names_the_whole(span: Span, nested: list[Span]) -> bool:
    """Whether a headed phrase replaces the shorter headed phrases found inside it.

    A network names the whole of "Temporal Convolution Network"; a building
    block names the whole of "artifact suppression block", where the task
    phrase right before its head only says what the block does (but not in
    "plate recognition pipeline filter", where more words come between).
    """
    if not nested or not all(span.start <= n.start and n.end < span.end for n in nested):
        return False
    if span.label_ == "ARCHITECTURE":
        return True
    head = span[-1].lower_
    component = head in COMPONENT_HEADS or (head.endswith("s") and head[:-1] in COMPONENT_HEADS) \
        or _task_component([head], 0) is not None
    return span.label_ == "METHOD" and component and all(n.label_ == "TASK" and n.end == span.end - 1
                                                         for n in nested)


def _one_spelling(known: list[Span], found: list[Span]) -> list[Span]:
    """Found phrases renamed to the first spelling the paper uses for the same name and label.

    "Conditional Cross Attention Network" in the title and "Conditional
    Cross-Attention Network" in the body are one entity of the paper, not
    two (the graph merges such keys across papers; a paper's record should
    already hold one).
    """
    if not found:
        return []
    first: dict[tuple[str, str], str] = {}
    for span in known + found:
        name = span.kb_id_ or span.text
        first.setdefault((span.label_, name_key(name)), name)
    out = []
    for span in found:
        name = span.kb_id_ or span.text
        canonical = first[(span.label_, name_key(name))]
        if canonical != name:
            span = Span(span.doc, span.start, span.end, label=span.label_, kb_id=canonical, span_id=span.id_)
        out.append(span)
    return out


#: Lower-case pieces a hyphenated model name may end in ("M2-BERT-base", "Hyena-GPT-s", "PanGu-pi-7B").
_SIZE_PIECES = frozenset({"base", "large", "small", "tiny", "huge", "mini", "nano", "micro", "lite", "light", "xl"})
_CHUNK_GLUE = frozenset({"-", "/", "."})
#: Capitalised sizes written after a model's name with a space: "MobileNetV3 Large", "BERT Base".
_SPACED_SIZES = frozenset({"Large", "Small", "Base", "Tiny", "Huge", "Mini"})


def _join_hyphenated_models(doc: Doc, mentions: list[Span]) -> list[Span]:
    """One ARCHITECTURE name for a hyphenated chunk of model names: "Hyena-GPT-s", "SLAB-Swin", "Places-CNN".

    A known model glued by hyphens to other name pieces (capitalised, with
    digits, or a size such as "base") is a model of its own, not two. A
    piece that is an ordinary word ("CNN-based", "ViT-like", "encoder-free")
    leaves the mentions as they are.
    """
    view = token_view(doc)
    words, space, n = view.words, view.space, len(view.words)
    out = list(mentions)
    starts = {m.start for m in mentions}
    done: set[int] = set()
    for span in mentions:
        if span.label_ != "ARCHITECTURE" or span.start in done:
            continue
        following = words[span.end] if span.end < n else ""
        if following in _SPACED_SIZES and span.end not in starts:  # "MobileNetV3 Large"
            out = [m for m in out if m is not span]
            out.append(Span(doc, span.start, span.end + 1, label="ARCHITECTURE",
                            kb_id=f"{span.kb_id_ or span.text} {following}", span_id="variant"))
            continue
        start, end = span.start, span.end
        while start > 0 and not space[start - 1] and (words[start - 1].isalnum() or words[start - 1] in _CHUNK_GLUE):
            if words[start - 1] == "/" and not words[start].isdigit():
                break
            start -= 1
        while end < n and not space[end - 1] and (words[end].isalnum() or words[end] in _CHUNK_GLUE):
            if words[end] == "/" and not (end + 1 < n and words[end + 1].isdigit()):
                break  # "DeiT-B/ResMLP-B24" is two models; "ViT-B/16" is one
            end += 1
        while end > start and words[end - 1] in _CHUNK_GLUE:
            end -= 1
        while start < end and words[start] in _CHUNK_GLUE:
            start += 1
        if (start, end) == (span.start, span.end) or "-" not in words[start:end]:
            continue
        chunk = view.text[view.starts[start] : view.ends[end - 1]]
        pieces = chunk.replace("/", "-").split("-")
        if not all(p and (any(ch.isupper() or ch.isdigit() for ch in p) or p.lower() in _SIZE_PIECES
                          or len(p) <= 2) for p in pieces):
            continue
        if len(pieces[-1]) >= 5 and pieces[-1][1:].islower() and pieces[-1].lower().endswith(_PARTICIPLE_ENDINGS):
            continue  # a title's "LLM-Based", "LLM-Simulated", "CLIP-Guided": an adjective, not a model
        if pieces[0].lower() in _WORD_PREFIXES:
            continue  # "Inter-LLM reliability", "Multi-LLM debate", "Non-CNN": a word made with a prefix
        inside = [m for m in out if m.start < end and start < m.end]
        if any(m.start < start or m.end > end or m.label_ not in ("ARCHITECTURE", "METHOD") for m in inside):
            continue
        out = [m for m in out if m not in inside]
        label = "DATASET" if names_benchmark(chunk) else "ARCHITECTURE"  # "MLLM-CTBench" tests MLLMs
        out.append(Span(doc, start, end, label=label, kb_id=chunk, span_id="context"))
        done.update(range(start, end))
    return out


#: Endings of a capitalised hyphen piece that make the chunk an adjective ("LLM-Based", "ViT-Driven").
_PARTICIPLE_ENDINGS = ("ed", "like", "free", "aware", "style", "wise", "driven", "centric")
#: English prefixes that make a word of a model's name, not another model ("Inter-LLM reliability",
#: "non-CNN"); not "Multi-", "Co-", "Semi-", which name models ("Multi-HMR", "Co-DETR", "Semi-DETR").
_WORD_PREFIXES = frozenset({"inter", "intra", "non", "pre", "post", "anti"})

#: Nouns after a bare method word that make it a modifier: "convolution layer", "attention maps",
#: "pretraining data" name a layer, a map or data, not the technique.
_MODIFIED_NOUNS = frozenset({"layer", "layers", "map", "maps", "head", "heads", "weights", "data", "corpus",
                             "corpora", "dataset", "datasets", "budget", "kernel", "kernels", "score", "scores",
                             "matrix", "matrices", "values", "block", "blocks", "module", "modules"})
#: Nouns after a bare task word that make it a modifier: "classification errors", "localization performance".
_TASK_MODIFIED_NOUNS = frozenset({"error", "errors", "branch", "branches", "performance", "network", "networks",
                                  "model", "models", "loss", "losses", "problem", "problems", "result", "results"})
#: Words before "precision" that make it a number format ("mixed precision", "half-precision", "FP8 precision").
_NUMBER_FORMATS = frozenset({"mixed", "half", "full", "single", "double", "hybrid", "numerical", "numeric",
                             "arithmetic", "floating-point", "fixed-point", "machine", "weight", "activation", "bit",
                             "bits"})
_NUMBER_FORMAT_SHAPE = re.compile(r"^(?:fp|bf|int|uint|e\dm)\d+$|^\d+-?bits?$")
#: Words before "attention" that make it the English word ("received attention", "much attention").
_ENGLISH_ATTENTION = frozenset({"research", "sufficient", "much", "increasing", "growing", "considerable",
                                "significant", "little", "wide", "widespread", "more", "less", "great", "special",
                                "particular", "extensive", "received", "attracted", "drawn", "gained", "paid", "pay",
                                "attract", "draw", "gain", "receive", "public", "scientific", "careful", "close"})


def _generic_word_use(doc: Doc, mention: Span) -> bool:
    """Whether a bare listed method or task word is used as a modifier or in its everyday sense.

    "Attention" in "has received much attention" is not the mechanism,
    "convolution layers" or "pretraining data" name layers and data, and
    "classification errors" or "better classification" are not the task; the
    word alone is kept only where it names the technique or the problem.
    """
    if mention.id_ != "gazetteer":
        return False
    if is_hyphenated_phase(mention):
        return True
    if len(mention) != 1:
        return False
    view = token_view(doc)
    after = view.lower[mention.end] if mention.end < len(view.lower) else ""
    before = view.lower[mention.start - 1] if mention.start > 0 else ""
    if mention.label_ == "METRIC":  # "to speed up training": a verb; "FP8 precision": a number format
        if view.lower[mention.start] == "precision":
            glued = before == "-" and mention.start > 1 and not view.space[mention.start - 2]
            kind = view.lower[mention.start - 2] if glued else before
            return kind in _NUMBER_FORMATS or bool(_NUMBER_FORMAT_SHAPE.match(kind)) \
                or (glued and kind in ("low", "high", "lower", "higher", "reduced"))
        return view.lower[mention.start] == "speed" and after in ("up", "-", "ups")
    if mention.label_ not in ("METHOD", "TASK"):
        return False
    word = view.words[mention.start]
    if mention.label_ == "TASK" and word == mention.kb_id_ + "s":
        return True  # "we give recommendations", "95.9% of classifications": the everyday plural, not the task
    if mention.label_ == "TASK":  # "classification errors", "better classification"; "ASR models" names the task
        return not word.isupper() and (
            after in _MODIFIED_NOUNS or after in _TASK_MODIFIED_NOUNS or before in _generic_modifiers())
    if after in _MODIFIED_NOUNS:
        return True
    return view.lower[mention.start] == "attention" and before in _ENGLISH_ATTENTION


def _glued_to_name_piece(view, i: int) -> bool:
    """Whether token ``i`` is written glued to a capitalised or numbered piece of the same word ("NExT-QA",
    "ASR-LLM-TTS"), not only to plain words ("QA-based")."""
    return any(k != i and view.words[k][:1].isalnum() and not view.words[k].islower()
               for k in range(view.word_start(i), view.word_end(i)))


#: Words right before "parameters" that make it a count ("fewer parameters", "10M parameters").
_COUNT_WORDS = frozenset({"fewer", "more", "less", "few", "million", "billion", "thousand", "m", "b", "k", "#",
                          "%", "trainable", "learnable", "total", "additional", "extra"})
#: Words before "of parameters" that make it a count ("the number of parameters", "millions of parameters").
_COUNT_OF = frozenset({"number", "numbers", "millions", "billions", "thousands", "hundreds", "amount", "count",
                       "fraction", "%"})


def _uncounted_parameters(doc: Doc, mention: Span) -> bool:
    """Whether a "parameters" METRIC mention is just the word, not a parameter count.

    The guidelines count parameters as a metric only as a count ("354K
    parameters", "fewer parameters", "the number of parameters"); "the
    optimal parameters" or "bias parameters" are not measurements.
    """
    if mention.label_ != "METRIC" or mention.kb_id_ != "parameters" or len(mention) != 1:
        return False
    view = token_view(doc)
    before = [view.lower[j] for j in range(max(0, mention.start - 2), mention.start)]
    if not before:
        return True
    near = before[-1]
    if near in _COUNT_WORDS or near[:1].isdigit():
        return False
    if near == "of" and len(before) == 2 and before[0] in _COUNT_OF:
        return False
    if len(before) == 2 and (before[0] in _COUNT_WORDS or before[0][:1].isdigit()):
        return False  # "fewer model parameters", "7B model parameters"
    return True


def _refines(phrase: Span, inside: list[Span]) -> bool:
    """Whether a headed phrase names a kind of the generic term the gazetteer found at its end.

    "dynamic convolution", "chunked attention", "few-shot fine-tuning": the
    list knows "convolution", "attention", "fine-tuning" as methods, and the
    phrase names the specific one the paper means, so it replaces them. A
    bare listed word (or hyphenated compound) among the modifiers is
    absorbed ("segmentation accuracy" is a metric, not a task and a metric;
    "post-training pruning" one method, not two). A phrase that only
    overlaps a mention, or holds a longer known name before its head
    ("Mask R-CNN pooling"), leaves the mentions as they are.
    """
    if not inside:
        return False
    *before, term = sorted(inside, key=lambda m: m.start)
    if any(" " in m.text or m.id_ != "gazetteer" or m.label_ not in ("TASK", "METHOD") for m in before):
        return False  # only bare words are absorbed: "segmentation accuracy", not "ResNet pooling"
    return (term.end == phrase.end and term.start > phrase.start and term.label_ == phrase.label_
            and term.label_ in ("METHOD", "TASK", "METRIC") and term.id_ == "gazetteer")


def _name_before(doc: Doc, end: int) -> Span | None:
    """The name-shaped run of tokens ending right before ``end`` (hyphens and digits inside it)."""
    start = end
    while start > 0 and end - start < 6:
        token = doc[start - 1]
        inside = start < end and (token.text in "-+." or token.text.isdigit()) and not token.whitespace_
        if looks_like_name(token) or inside or (start < end and token.text.isdigit()):
            start -= 1
            continue
        chunk = _glued_start(doc, start - 1)  # "Zappos50K" is two tokens, "Zappos50" and "K"
        if chunk < start - 1 and token.text.isalnum() and is_distinctive(doc[chunk:start].text):
            start = chunk
            continue
        break
    while start < end and not doc[start].text[:1].isalnum():
        start += 1
    if start == end:
        return None
    span = doc[start:end]
    if not any(looks_like_name(t) for t in span):
        return None
    if not any(is_distinctive(t.text) for t in span) \
            and all(word.lower().endswith(_ADJECTIVE_ENDINGS) for word in span.text.split()):
        return None  # "Multilingual datasets", "A Customizable Medical Dataset": adjectives, not a name
    return span


def _glued_start(doc: Doc, i: int) -> int:
    """The first token of the space-free chunk that ends with token ``i``."""
    view = token_view(doc)
    while i > 0 and not view.space[i - 1] and view.words[i - 1][-1:].isalnum():
        i -= 1
    return i


def _dataset_names(doc: Doc) -> list[Span]:
    found = []
    view = token_view(doc)
    lowers, words = view.lower, view.words
    for i in [i for i, lower in enumerate(lowers) if lower in DATASET_HEADS]:
        lower = lowers[i]
        if lower not in DATASET_HEADS or i == 0:
            continue
        if i + 1 < len(lowers) and lowers[i + 1] in DATASET_HEADS:
            continue  # "Benchmark dataset": the last head decides
        end = i
        while end - 1 > 0 and lowers[end - 1] in _DATASET_HEAD_MODIFIERS and words[end - 1].islower():
            end -= 1  # "FashionAI and DARN benchmark datasets", "A and B public datasets"
        for name in _names_after_head(doc, i + 1):
            if name.text.lower() not in other_names() and not PART_OR_ADJECTIVE_SHAPE.search(name.text):
                found.append(Span(doc, name.start, name.end, label="DATASET", kb_id=name.text, span_id="context"))
        while True:
            glued = end - 1 >= 0 and lowers[end - 1] in DATASET_HEADS and words[end - 1][:1].isupper()
            name = _name_before(doc, end - 1 if glued else end)
            if name is not None and glued:  # "the Tiny Pathway Benchmark dataset": the capitalised head is the name's
                name = doc[name.start : end]
            if name is None or name.text.lower() in other_names() or PART_OR_ADJECTIVE_SHAPE.search(name.text):
                break  # "the PSMA PET/CT dataset": an imaging modality; "3D benchmarks": a dimensionality
            found.append(Span(doc, name.start, name.end, label="DATASET", kb_id=name.text, span_id="context"))
            # "X, Y and Z datasets": step over the coordination and look for another name.
            back = name.start - 1
            while back >= 0 and doc[back].lower_ in _COORDINATION:
                back -= 1
            if back < 0 or back == name.start - 1:
                break
            end = back + 1
    return found


def _datasets_after_metrics(doc: Doc, mentions: list[Span]) -> list[Span]:
    """A name-shaped name a measure is reported on: "96.1% accuracy on Path-512", "mIoU on the LoveDA",
    "achieves 96.2% on UTA-RLDD" (there not a short acronym: "20% on CT").
    """
    lowers = token_view(doc).lower
    after_metric = {m.end for m in mentions if m.label_ == "METRIC" and m.end + 1 < len(doc) and lowers[m.end] == "on"}
    after_value = {k + 1 for k in positions(lowers, "%") if k + 2 < len(doc) and lowers[k + 1] == "on"}  # "96.2% on X"
    found = []
    for on in sorted(after_metric | after_value):
        name = _measured_name(doc, on + 1)
        if name is not None and (on in after_metric or not _SHORT_ACRONYM.match(name.text)):
            found.append(name)
    return found


#: Words before "on" that make what follows the data a study is run on: "evaluated on X", "experiments on X".
EVALUATED_ON_CUES = frozenset({"evaluated", "evaluate", "evaluating", "evaluation", "evaluations", "experiments",
                               "experiment", "tested", "tests", "testing", "benchmarked", "validated", "results"})


def _datasets_evaluated_on(doc: Doc) -> list[Span]:
    """A name-shaped name right after "evaluated on", "experiments on", "results on": "tests on HerdNet, AED".

    The first name only (:func:`_measured_name`'s shape tests, and not a
    short acronym, as after "X% on"); the list walk (:func:`_coordinated_names`)
    takes the others.
    """
    lowers = token_view(doc).lower
    found = []
    for i in positions(lowers, "on", 1):
        if i + 1 < len(lowers) and lowers[i - 1] in EVALUATED_ON_CUES:
            name = _measured_name(doc, i + 1)
            if name is not None and not _SHORT_ACRONYM.match(name.text):  # "results on EN": a language
                found.append(name)
    return found


def _datasets_opening_results(doc: Doc) -> list[Span]:
    """A name-shaped name a sentence of results opens with: "On YouTube Faces DB it achieves 95.12%"."""
    view = token_view(doc)
    found = []
    for first in view.sentence_starts or [0]:
        if first + 1 < len(view.words) and view.lower[first] == "on":
            name = _measured_name(doc, first + 1)
            if name is not None and "%" in view.words[name.end : view.sentence_of(first)[1]]:
                found.append(name)
    return found


def _measured_name(doc: Doc, start: int) -> Span | None:
    """The DATASET span of the name at ``start`` (after an optional "the") that something is measured on.

    Only names shaped like names wherever they stand (camel case, acronyms,
    letters with digits: not "Transformers", "average" or "Android") count,
    and not the shapes of model sizes, numbered parts of a study or other
    things (:data:`_NOT_A_DATASET_SHAPE`, ``other_names.txt``), nor a name
    a head noun makes something else ("the X benchmark" is found by its head).
    """
    lowers = token_view(doc).lower
    if start < len(doc) and lowers[start] == "the":
        start += 1
    name = _name_after(doc, start) if start < len(doc) else None
    if name is None or name.start != start:
        return None
    shaped = any(is_distinctive(t.text) for t in name) \
        or is_distinctive(doc[start : token_view(doc).word_end(start)].text)
    if not shaped or _NOT_A_DATASET_SHAPE.search(name.text) or name.text.lower() in other_names() \
            or name[-1].lower_ in other_names() or (name.end < len(doc) and lowers[name.end] in _NAME_OF_OTHER):
        return None  # other_names also by the head word: "Ascend NPUs"
    return Span(doc, name.start, name.end, label="DATASET", kb_id=name.text, span_id="context")


#: Shapes of no name at all: a numbered part of a study ("Phase-1", "Task-2", "Fold-3"), a compound
#: adjective ("CBT-specific", "Monte Carlo-based") or a dimensionality ("3D benchmarks", "2.5D").
PART_OR_ADJECTIVE_SHAPE = re.compile(
    r"^(?:phase|task|stage|level|split|round|part|fold|step|track|setting|subset)[- ]?\d+$"
    r"|-(?:specific|based|level|wise|like|aware)$|^\d(?:\.\d)?D$", re.IGNORECASE)
#: Shapes a name after "accuracy on" has when it is not a dataset: those, a model size ("Llama3.2-1B",
#: "405B"), a number first ("32K-length"), LaTeX math.
_NOT_A_DATASET_SHAPE = re.compile(
    r"(?:\d+(?:\.\d+)?[BMK]$)|^\d|\$|" + PART_OR_ADJECTIVE_SHAPE.pattern, re.IGNORECASE)
#: Short acronyms after "X% on" are as often a modality or a task ("CT", "MRI", "QA", "T2I") as a dataset.
_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{0,2}$")


#: Lower-case words between dataset names and their head ("... benchmark datasets", "... public datasets").
_DATASET_HEAD_MODIFIERS = {"benchmark", "benchmarks", "public", "publicly-available", "standard", "popular",
                           "challenging", "large-scale", "real-world", "evaluation", "test", "training"}
#: Words after a dataset head that introduce the names ("datasets, including A, B and C").
_LIST_CUES = (("including",), ("such", "as"), ("like",), ("namely",), ("e.g.",), ("e.g.", ","), (":",), ("(",))


def _names_after_head(doc: Doc, start: int) -> list[Span]:
    """Names after a dataset head: "datasets, including A, B, and C", "our dataset DFN-5B".

    A list needs a cue (``including``, ``such as``, ``namely``, a colon or
    bracket); a single name right after the head must be shaped like a name
    wherever it stands ("DFN-5B", not "Extensive").
    """
    lowers = token_view(doc).lower
    j = start
    if j < len(doc) and lowers[j] == ",":
        j += 1
    cue = next((c for c in _LIST_CUES if tuple(lowers[j : j + len(c)]) == c), None)
    if cue is None:
        name = _name_after(doc, start)
        if name is not None and start == name.start and any(is_distinctive(t.text) for t in name):
            return [name]
        return []
    j += len(cue)
    found = []
    while j < len(doc):
        name = _name_after(doc, j)
        if name is None:
            break
        j = name.end
        if j < len(doc) and lowers[j] in ("'s", "’s"):  # "OpenAI's WIT": the owner, then the name
            j += 1
            continue
        found.append(name)
        while j < len(doc) and lowers[j] in _COORDINATION:
            j += 1
        if j == name.end:
            break
    return found


def _name_after(doc: Doc, start: int) -> Span | None:
    """The name-shaped run of tokens starting at ``start`` (hyphens and digits inside it)."""
    end = start
    while end < len(doc) and end - start < 6:
        token = doc[end]
        glued = end > start and not doc[end - 1].whitespace_
        inside = glued and (token.text in "-+." or token.text.isdigit()
                            or (doc[end - 1].text == "-" and token.text.isalnum()))  # "NA-bird", "DataComp-1B"
        if looks_like_name(token, allow_sentence_start=end == start and end > 0) or inside:
            end += 1
            continue
        break
    while end > start and not doc[end - 1].text[-1:].isalnum():
        end -= 1
    if end == start or not any(looks_like_name(t, allow_sentence_start=True) for t in doc[start:end]):
        return None
    return doc[start:end]


#: A model's name by its shape: a capitalised word ending in a model-family suffix ("DDRNet", "FANet",
#: "LiteFormer", "StyleGAN", "DistilBERT", "VMamba"), with an optional version ("FBNetV3") and plural s.
MODEL_SHAPE = re.compile(
    r"^(?P<name>[A-Z][A-Za-z0-9]*?(?P<suffix>Net|NET|net|Former|former|GAN|GCN|GNN|ViT|BERT|Mamba|CNN|RNN|LSTM|MLP)"
    r"(?:V?\d+(?:\.\d+)?)?)(?P<plural>s?)$"
)


def _model_shaped_names(doc: Doc) -> list[Span]:
    """Names shaped like models that no list holds: "DDRNets", "SkipNet", "CORnet", "FBNetV3".

    The suffix must follow at least one more letter, and a lower-case "net"
    at least two capitals ("CORnet", not "Internet" or "Planet"). Whatever
    the gazetteer or the dataset rules already took is left alone.
    """
    found = []
    view = token_view(doc)
    for i in view.capitalised():
        word = view.words[i]
        if len(word) < 4:  # cheap test first: most words are not names
            continue
        name = _model_shaped_name(word)
        if name is not None:
            found.append(Span(doc, i, i + 1, label="ARCHITECTURE", kb_id=name, span_id="context"))
    return found


#: Labels whose known names vouch for the unknown name-shaped words listed with them.
LIST_LABELS = ("DATASET", "ARCHITECTURE")


def _coordinated_names(doc: Doc, mentions: list[Span], taken: set[int]) -> list[Span]:
    """Name-shaped words listed with a dataset or a model are ones too: "on MMLU, GPQA and MathVista".

    Papers list what they evaluate on and what they compare with, and one
    listed name the rules know says what the list is. From each DATASET or
    ARCHITECTURE mention the rule walks both ways over ",", "and", "or":
    each next member must be a written word shaped like a name wherever it
    stands and not like the things that are not names here
    (:func:`_listed_name_shape`), that nothing else took. A member some rule
    already labelled is stepped over if it has the list's label and ends
    the walk if not; so does any other word. A model read off its shape
    alone does not vouch for a list.
    """
    view = token_view(doc)
    n = len(view.words)
    found: list[Span] = []
    claimed = set(taken)
    labelled_at: dict[tuple[str, int], Span] = {}
    for m in mentions:
        labelled_at[m.label_, m.start] = labelled_at[m.label_, m.end - 1] = m
    for m in sorted((m for m in mentions if m.label_ in LIST_LABELS), key=lambda m: m.start):
        if m.label_ == "ARCHITECTURE" and m.id_ != "gazetteer":
            continue  # a model read off its shape ("AffectNet") is too often a dataset to vouch for a list
        label = m.label_
        for step in (1, -1):
            edge = m.end if step == 1 else m.start - 1
            while True:
                member = _next_list_member(doc, edge, step)
                if member is None:
                    break
                start, end = member
                if not claimed.isdisjoint(range(start, end)):
                    known = labelled_at.get((label, start if step == 1 else end - 1))
                    if known is None:
                        break
                    edge = known.end if step == 1 else known.start - 1
                    continue
                name = view.text[view.starts[start]:view.ends[end - 1]]
                if not _listed_name_shape(name, label) or (end < n and view.lower[end] in _NAME_OF_OTHER):
                    break
                canonical = (_model_shaped_name(name) if label == "ARCHITECTURE" else None) or name  # "BarNets"
                span = Span(doc, start, end, label=label, kb_id=canonical, span_id="context")
                found.append(span)
                claimed.update(range(start, end))
                labelled_at[label, start] = labelled_at[label, end - 1] = span
                edge = end if step == 1 else start - 1
    return found


def _next_list_member(doc: Doc, edge: int, step: int) -> tuple[int, int] | None:
    """The name (token range) past the coordination at ``edge`` going ``step`` (1: on, -1: back).

    Going on, the name is the written word there and any name-shaped words
    right after it ("UCSD Ped2"); going back, one written word, and none if a
    name-like word stands before it ("SUN RGB-D" is not "RGB-D").
    """
    view = token_view(doc)
    n = len(view.words)
    i = edge
    seen = 0
    while 0 <= i < n and view.lower[i] in _COORDINATION and seen < 2:
        i += step
        seen += 1
    if seen == 0 or not 0 <= i < n or not view.words[i][:1].isalnum():
        return None
    if step == 1:
        end = view.word_end(i)
        while end < n and view.space[end - 1] and is_distinctive(view.words[end]) \
                and view.lower[end] not in _COORDINATION:
            end = view.word_end(end)
        return i, end
    start = view.word_start(i)
    if start > 0 and view.space[start - 1] and looks_like_name(doc[start - 1], allow_sentence_start=True):
        return None
    return start, i + 1


def _listed_name_shape(name: str, label: str) -> bool:
    """A list member that may carry the list's label.

    Every word is shaped like a name, and the name is not: a size or other
    number first ("70B", "512px"), a short acronym ("EL"; for a model any
    three letters: "VLA"), a plural acronym ("DMs"), markup ("LLaMA-{3B"), a
    tool or hardware ("A100"), plain words joined by hyphens ("Two-Layer",
    "End-to-End") or a compound adjective run together ("ABO-reducing"); for
    a dataset also not a model size or a numbered part
    (:data:`_NOT_A_DATASET_SHAPE`).
    """
    pieces = name.split("-")
    if not all(is_distinctive(word) for word in name.split()) or name.lower() in other_names():
        return False
    if name[0].isdigit() or not (name[-1].isalnum() or name[-1] == "+") or not MARKUP_CHARS.isdisjoint(name):
        return False
    if _SHORT_ACRONYM.match(name) or is_plural_acronym(name):
        return False
    if label != "DATASET" and sum(ch.isalpha() for ch in name) <= 3 and not any(ch.isdigit() for ch in name):
        return False  # "VLA", "sLM": kinds of model (a dataset may be short: "WoZ")
    if label != "DATASET" and len(pieces) > 1 and all(p.isalpha() and p[1:].islower() for p in pieces):
        return False  # "Two-Layer", "End-to-End", "Single-Vendor": words, not a model (datasets: "Multi-News")
    if len(pieces) > 1 and len(pieces[-1]) >= 4 and pieces[-1].islower():
        return False  # "ABO-reducing": a space lost before an adjective
    return label != "DATASET" or not _NOT_A_DATASET_SHAPE.search(name)


def _benchmark_words(doc: Doc) -> list[Span]:
    """Benchmarks named by their spelling wherever they stand: "results on LongBench and HarmBench".

    A paper's own new benchmark is a coined name (:mod:`extractors.coined`);
    the ones it evaluates on are as often written with no cue at all ("on
    LongBench, MVBench and LVBench"), and the word alone says what they are
    (:func:`~extractors.heads.is_benchmark_word`). The whole written word is
    the name ("Style4D-Bench", "MedBench-IT").
    """
    view = token_view(doc)
    found = []
    end = 0
    for i in [i for i, word in enumerate(view.lower) if "bench" in word]:
        start = view.word_start(i)
        if start < end:
            continue  # a word already read
        end = view.word_end(start)
        name = view.text[view.starts[start]:view.end(end - 1)]
        if is_benchmark_word(name) and name.lower() not in not_names():
            found.append(Span(doc, start, end, label="DATASET", kb_id=name, span_id="context"))
    return found


@lru_cache(maxsize=1 << 16)
def _model_shaped_name(word: str) -> str | None:
    """The model name a word is shaped as ("DDRNets" -> "DDRNet"), or None.

    Cached: a pure function of the word, asked for every capitalised word
    of every doc (the pattern's lazy name part tries each suffix at each
    letter, several times the cost of a cache hit).
    """
    match = MODEL_SHAPE.match(word)
    if match is None or len(match["name"]) <= len(match["suffix"]):
        return None
    head = match["name"][: match.start("suffix")]
    if match["suffix"] == "net" and sum(ch.isupper() for ch in head) < 2:
        return None
    if word.lower() in not_names():
        return None
    return match["name"]


#: Longest run of capitalised words read as one name.
MAX_CAPITALISED_RUN = 5


def _capitalised_methods(doc: Doc) -> list[Span]:
    """A capitalised phrase in running text whose head word names a method: "Bias Loss", "Class Activation Mapping".

    Mid-sentence, a run of two or more capitalised words is a proper name,
    and its last word says what kind of thing it names
    (``data/head_words.csv``). Only METHOD heads are taken here: the other
    labels have rules of their own. The title, where every word is
    capitalised, and the first word of a sentence are not evidence of a name.
    """
    view = token_view(doc)
    words, n = view.words, len(view.words)
    text = view.text
    title_end = text.find("\n")
    title_end = title_end if title_end >= 0 else len(text)
    sentence_starts = set(view.sentence_starts) | {0}
    generic = _generic_modifiers()
    found = []
    capitals = view.capitalised()
    i = bisect_left(view.starts, title_end)  # the title's words are no evidence (a line break ends its runs)
    while i < n:
        if not words[i][:1].isupper() or not _capitalised(words[i]):  # the first test is _capitalised's own
            k = bisect_right(capitals, i)  # the next word that may be capitalised: the others fail the test
            i = capitals[k] if k < len(capitals) else n
            continue
        end = i
        while end < n and end - i < 2 * MAX_CAPITALISED_RUN and (
                _capitalised(words[end]) or (words[end] == "-" and not view.space[end - 1] and end + 1 < n
                                             and not view.space[end] and words[end + 1][:1].isalpha())):
            end += 1
        while end > i and words[end - 1] == "-":
            end -= 1
        if end - i < 2:  # one capitalised word (most of them): no run to read
            i += 1
            continue
        parts = [w.lower() for w in words[i:end] if w != "-"]
        clause_start = i in sentence_starts or (i > 0 and words[i - 1] in (":", ".", ";"))
        after = view.lower[end] if end < n else ""
        glued = end < n and words[end] == "-" and not view.space[end - 1]  # "Color Gradient-based ..."
        if view.starts[i] >= title_end and not clause_start and not glued and after not in _NAME_OF_OTHER \
                and len(parts) >= 2 \
                and (label_of_word(parts[-1]) == "METHOD" and parts[-1] not in CAPITALISED_NON_HEADS
                     or label_of_word(parts[-1]) is None and label_of_word(after) is None
                     and _listed_as_technique(view, i)) \
                and parts[0] not in not_names() and any(p not in generic for p in parts[:-1]):
            name = text[view.starts[i] : view.ends[end - 1]]
            found.append(Span(doc, i, end, label="METHOD", kb_id=name, span_id="context"))
        i = max(end, i + 1)
    return found


#: Plural nouns whose list holds techniques by name: "visualization methods, including Activation Maximization".
_TECHNIQUE_LIST_HEADS = frozenset({"methods", "techniques", "algorithms"})
#: Longest stretch read back from a list item to its cue, in tokens.
_MAX_LIST_REACH = 40


def _listed_as_technique(view, i: int) -> bool:
    """Whether the capitalised run at token ``i`` is an item of a list of methods or techniques.

    "CNN visualization methods, including Activation Maximization, Network
    Inversion, ..." names techniques whose own last word says nothing
    ("Maximization", "Inversion"); the list says what they are. The nearest
    cue before the item ("including", "such as", "like", "e.g.") must follow
    the plural noun directly (a comma may stand between), in the same
    sentence. Only runs with no telling head word reach this test, so the
    models that abstracts also list under "methods" keep their own labels.
    """
    lower = view.lower
    first = view.sentence_of(i)[0]
    for j in range(i - 1, max(first, i - _MAX_LIST_REACH) - 1, -1):
        word = lower[j]
        if word in (".", ";", ":"):
            return False
        if word in LIST_CUES and word != "namely":
            noun = list_noun_before(lower, first, j)
            return noun is not None and lower[noun] in _TECHNIQUE_LIST_HEADS
    return False


#: Nouns after a capitalised phrase that make it the name of something else ("the Reward Density
#: Optimization problem", "the Long Range Arena benchmark").
_NAME_OF_OTHER = frozenset({"problem", "problems", "task", "tasks", "benchmark", "benchmarks", "dataset",
                            "datasets", "challenge", "competition", "metric", "score"})
#: Method head words that, capitalised, mostly end the names of other things: "Document Layout Analysis"
#: is a task, "Risk Management Framework" a policy, "Core Inference" a criterion.
CAPITALISED_NON_HEADS = frozenset({"analysis", "framework", "frameworks", "inference", "process", "processes"})


@lru_cache(maxsize=1 << 16)
def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].replace("-", "").isalpha() and not word.isupper() \
        and word.lower() not in STOP_WORDS


def _metric_names(doc: Doc) -> list[Span]:
    found = []
    lowers = token_view(doc).lower
    for i in [i for i, lower in enumerate(lowers) if lower in _CUE_STARTS]:
        for cue in METRIC_CUES:
            if tuple(lowers[i : i + len(cue)]) != cue:
                continue
            j = i + len(cue)
            while j < len(doc):
                token = doc[j]
                if is_distinctive(token.text) and token.text.isupper() or "@" in token.text:
                    end = j + 1
                    while end < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text[:1] in "@0123456789":
                        end += 1
                    found.append(Span(doc, j, end, label="METRIC", kb_id=doc[j:end].text, span_id="context"))
                    j = end
                    if j < len(doc) and doc[j].lower_ in _COORDINATION:
                        j += 1
                        continue
                break
    return found


@Language.component("kg_variants")
def variants_component(doc: Doc) -> Doc:
    """Extend a known family to the variant written right after it ("ResNet" + "-101")."""
    gazetteer = load_gazetteer()
    view = token_view(doc)
    mentions = []
    families: list[Span] = []
    listed = read_spans(doc, MENTIONS_KEY)
    taken = {i for m in listed for i in range(m.start, m.end)}
    # a task's acronym may be a piece of a dataset's name ("QA-FB15k" is a QA dataset built on FB15k)
    taken_by_names = {i for m in listed if m.label_ != "TASK" for i in range(m.start, m.end)}
    derived_spans: list[Span] = []
    for span in listed:
        extended = None
        if span.label_ in VARIANT_LABELS and span.id_ == "gazetteer":
            extended = _hyphen_variant(doc, span, taken)
            if extended is None and span.label_ == "ARCHITECTURE":
                extended = _spaced_version(doc, span, taken)
            if extended is None and span.label_ == "DATASET" and name_key(span.text) not in gazetteer.keys_of_two_labels():
                derived = _derived_dataset(doc, span, taken_by_names)
                if derived is not None:  # "COCO-VTE", "QA-FB15k": a dataset built from a known one
                    mentions.append(Span(doc, derived.start, derived.end, label="DATASET",
                                         kb_id=view.text[view.starts[derived.start] : view.ends[derived.end - 1]],
                                         span_id="variant"))
                    families.append(Span(doc, derived.start, derived.end, label="DATASET", kb_id=span.kb_id_))
                    taken.update(range(derived.start, derived.end))
                    taken_by_names.update(range(derived.start, derived.end))
                    derived_spans.append(derived)
                    continue
        if extended is not None:
            surface = view.text[view.starts[extended.start] : view.ends[extended.end - 1]]
            known = gazetteer.lookup(surface)
            if known is not None and known.label == span.label_:
                canonical, family = known.canonical, known.family
            elif name_key(span.text) == name_key(span.kb_id_):  # "ResNet" + "-101"
                suffix = surface[len(span.text):]
                canonical, family = f"{span.kb_id_}-{suffix.lstrip('-')}", span.kb_id_
                if suffix[:1].isspace():  # "Llama 3.1 8B", as its makers write it
                    canonical = surface
            else:  # an alias glued to a suffix ("Places" + "-365" is "Places365"): leave it
                extended = None
        if extended is not None:
            mentions.append(Span(doc, span.start, extended.end, label=span.label_, kb_id=canonical,
                                 span_id="variant"))
            if family:
                families.append(Span(doc, span.start, extended.end, label=span.label_, kb_id=family))
            taken.update(range(span.start, extended.end))
        else:
            mentions.append(span)
    # "ResNet101", "VGG19": a known family fused with a depth.
    words = token_view(doc).words
    for i, word in enumerate(words):
        if not (word[-1].isdigit() and word[0].isalpha()) or i in taken:
            continue
        match = _FUSED_VARIANT.fullmatch(word)
        if not match:
            continue
        entry = gazetteer.lookup(match.group(1))
        if entry is None or entry.label not in VARIANT_LABELS or entry.family:
            continue
        if name_key(match.group(1)) != name_key(entry.canonical):
            continue  # "Places2" is not a variant of "Places365", whose alias "Places" is
        canonical = f"{entry.canonical}-{match.group(2)}"
        known = gazetteer.by_canonical(entry.label, canonical)
        canonical = known.canonical if known is not None else canonical
        mentions.append(Span(doc, i, i + 1, label=entry.label, kb_id=canonical, span_id="variant"))
        families.append(Span(doc, i, i + 1, label=entry.label, kb_id=entry.canonical))
    if derived_spans:
        mentions = [m for m in mentions if m.label_ != "TASK" or m.id_ == "variant"
                    or not any(d.start <= m.start and m.end <= d.end for d in derived_spans)]
    write_spans(doc, MENTIONS_KEY, mentions)
    doc.spans[FAMILY_SPAN_KEY] = families
    return doc


_ACRONYM_PIECE = re.compile(r"^[A-Z][A-Z0-9]+$")


def _derived_dataset(doc: Doc, span: Span, taken: set[int]) -> Span | None:
    """The whole hyphenated word when a known dataset is glued to acronym pieces: "COCO-VTE", "QA-FB15k",
    "M-FB15k-HCQA". Only acronyms count ("COCO-style", "ImageNet-Trained" keep the known name)."""
    start, end = span.start, span.end
    if any(doc[i].whitespace_ for i in range(span.start, span.end - 1)):
        return None  # "COCO datasets": only a one-word name is read as part of a longer word
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and _ACRONYM_PIECE.match(doc[end + 1].text) and end + 1 not in taken:
        end += 2
    while start - 2 >= 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and (_ACRONYM_PIECE.match(doc[start - 2].text)
                                                    or len(doc[start - 2].text) == 1 and doc[start - 2].text.isupper()) \
            and start - 2 not in taken:
        start -= 2
    if (start, end) == (span.start, span.end):
        return None
    if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text[:1].isalnum():
        return None  # the word goes on ("COCO-VTEs2x"): not a name read whole
    return doc[start:end]


def _hyphen_variant(doc: Doc, span: Span, taken: set[int]) -> Span | None:
    """The tokens "-101", "-B/16", "-XL" glued to the end of ``span``, if any (read from the token view:
    asked for every listed model and dataset, most of which a space follows)."""
    view = token_view(doc)
    words, space = view.words, view.space
    i = span.end
    if i + 1 >= len(words) or space[i - 1] or words[i] not in {"-", "‐"} or space[i]:
        return None
    if i + 1 in taken or not VARIANT_SUFFIX.match(words[i + 1]):
        return None
    end = i + 2
    # pieces the tokenizer split off without a space: "21" + "K" in "ImageNet-21K"
    while end < len(words) and end - i < 4 and not space[end - 1] and words[end].isalnum():
        end += 1
    # a patch size: "ViT-B/16"
    if end + 1 < len(words) and words[end] == "/" and not space[end - 1] and words[end + 1].isdigit():
        end += 2
    return doc[span.start : end]


#: A model's version written after a space: "Gemini 2.5", "Llama 3.1", "DeepSeek V3", "GPT 4o".
_SPACED_VERSION = re.compile(r"^(?:[vV]?\d{1,2}(?:\.\d{1,2})*[a-z]?|[vV]\d+)$")
#: A size after it: "Llama 3.1 8B", "Qwen 2.5 72B".
_SPACED_SIZE = re.compile(r"^\d+(?:\.\d+)?[BbMK]$")
#: Tier words a model's release may end with: "Gemini 2.5 Pro", "Claude 3.5 Sonnet", "Llama 3 Instruct".
MODEL_TIERS = _SPACED_SIZES | frozenset({"Pro", "Flash", "Ultra", "Turbo", "Nano", "Lite", "Sonnet", "Opus", "Haiku",
                                        "Max", "Plus", "Instruct", "Chat", "Medium", "XL", "Thinking"})
#: Words after a number that make it a count or a quantity, not a version: "BERT 3 times", "GPT-4 2 epochs".
_QUANTITY_AFTER = frozenset({"%", "x", "times", "×", "epochs", "layers", "hours", "days", "runs", "seeds", "points",
                             "pp", "ms", "s", "gb", "mb", "px", "pixels", "mm", "cm", "m", "km", "db", "hz", "kg",
                             "years", "degrees", "bits", "fps"})


def _spaced_version(doc: Doc, span: Span, taken: set[int]) -> Span | None:
    """A version, size and tier written after a listed model with spaces: "Gemini 2.5 Pro",
    "Claude 3.5 Sonnet", "Claude Opus 4", "Llama 3.1 8B", "DeepSeek V3"; not "BERT 3 times" or
    "GPT 2.3%"."""
    view = token_view(doc)
    words, space, n = view.words, view.space, len(view.words)
    i = span.end
    if i >= n or not space[i - 1] or i in taken:
        return None
    if words[i] in MODEL_TIERS and i + 1 < n and space[i] and i + 1 not in taken \
            and _SPACED_VERSION.match(words[i + 1]):
        i += 1  # "Claude Opus 4", "Claude Sonnet 4.5": the tier first
    if not _SPACED_VERSION.match(words[i]):
        return None
    if "." in span.text or any(ch.isdigit() for ch in span.text):
        return None  # "Llama 3" + " 8B" is a size, read below; "GPT-4 2" is no version
    end = i + 1
    if end < n and space[end - 1] and end not in taken and _SPACED_SIZE.match(words[end]):
        end += 1
    if end < n and space[end - 1] and end not in taken and words[end] in MODEL_TIERS:
        end += 1
    if end < n and not space[end - 1] and words[end] not in {",", ".", ";", ":", ")"}:
        return None  # "Gemini 2.5%" or "Llama 3-style": the number is glued to more
    if end < n and view.lower[end] in _QUANTITY_AFTER:
        return None
    return doc[span.start : end]


#: Heads that name a building block of a network by what it does ("token mixer", "visual projector",
#: "residual block", "spectral filter"). Such a phrase stops at a word that says where the part sits, how
#: many there are or that it is the plain part every network has (``data/position_modifiers.txt``: "the
#: final block", "each block", "a lightweight projector", "convolutional filters"), and is nothing when the
#: word before the head already names an architecture or a method ("transformer block", "attention
#: projector"). "layer" is not one: on unseen abstracts most "X layer" phrases are a picture's, a system's
#: or a place in a stack ("shadow layer", "application layer", "early-to-mid layer"), even with two
#: modifiers; nor are "kernel" (GPU kernels), "branch", "generator", "connection", "transformation" or
#: "adapter", whose phrases as often name no part. "embedding", "encoding" and "mask" keep the plain
#: rules: there the plain words name kinds ("shared location embedding") as often as not.
COMPONENT_HEADS = frozenset({"block", "filter", "mixer", "projector"})


#: Head words that end a method, task or architecture phrase the rules may take whole
#: ("atrous convolution", "clutter filtering", "capsule network").
PHRASE_HEADS: dict[str, str] = {
    **{h: "METHOD" for h in (
        "learning", "training", "attention", "pooling", "convolution", "normalization", "regularization",
        "distillation", "pruning", "quantization", "augmentation", "sampling", "loss", "propagation",
        "decomposition", "extractor", "descent", "dropout", "fine-tuning", "pre-training",
        "pretraining", "embedding", "encoding", "initialization", "exiting", "masking", "mask", "tuning",
        "fusion", "sharing", "mechanism", "prompting", *COMPONENT_HEADS)},
    **{h: "TASK" for h in (
        "detection", "segmentation", "classification", "recognition", "retrieval", "generation", "translation",
        "captioning", "answering", "forecasting", "tracking", "reconstruction", "synthesis", "restoration",
        "super-resolution", "inpainting", "denoising", "summarization", "localization", "re-identification",
        "estimation", "navigation", "filtering", "discrimination", "verification", "deblurring", "dehazing",
        "modeling", "modelling", "analysis", "prediction", "processing", "reasoning", "understanding",
        "adaptation", "generalization", "suppression", "cancellation", "mining", "matching", "clustering")},
    **{h: "ARCHITECTURE" for h in ("network", "transformer", "autoencoder")},
    **{h: "METRIC" for h in ("accuracy", "error", "cost", "score", "speed")},
}
#: Every lower-case word read as a head: a head or its plural (what the head test below accepts).
_HEAD_FORMS = frozenset(PHRASE_HEADS) | frozenset(head + "s" for head in PHRASE_HEADS)
MAX_MODIFIERS = 3
#: Second parts after which the phrase still names the technique, used by the noun after it ("hard
#: attention-based CNN", "keypoint matching-based metric"); after any other, the head is half of another
#: word ("block-level", "reasoning-to-action gap", "Retrieval-Reasoning Model").
_USED_BY_SUFFIXES = frozenset({"based", "driven", "guided"})
#: Heads that name a technique only in the singular: "positional embedding" is a technique, "face
#: embeddings" and "text embeddings" are the vectors it makes.
SINGULAR_HEADS = frozenset({"embedding"})
#: Heads that name a task or a method only after a noun ("image analysis", "behavior prediction", "context
#: reasoning", "decay mechanism"; not "theoretical analysis" or "causal mechanism").
NOUN_MODIFIED_HEADS = frozenset({"analysis", "prediction", "processing", "reasoning", "understanding", "matching",
                                 "mining", "adaptation", "generalization", "mechanism"})
#: Nouns after a method phrase that make it a modifier ("training data", "attention maps", "pruning ratio").
METHOD_MODIFIED_NOUNS = frozenset({
    "data", "dataset", "datasets", "set", "sets", "samples", "examples", "corpus", "corpora", "pairs",
    "instances", "images", "distribution", "distributions", "budget", "time", "times", "cost", "costs", "steps",
    "pipeline", "pipelines", "recipe", "recipes", "signal", "signals", "trajectories", "map", "maps", "weights",
    "scores", "matrix", "matrices", "values", "ratio", "ratios", "rate", "rates",
})
#: Words that give a measure's value, not its name ("quadratic complexity", "negligible cost").
METRIC_VALUE_WORDS = frozenset({
    "linear", "quadratic", "cubic", "exponential", "polynomial", "logarithmic", "constant", "subquadratic",
    "sub-quadratic", "near-linear", "negligible", "record", "marginal", "minimal", "minor", "prohibitive",
    "economic", "extra", "additional", "reduced", "lower", "higher", "low", "high", "lowest", "highest",
    "moderate", "zero", "near-zero", "percent", "small", "large", "huge", "modest",
})
#: What "X loss" means when it is not a training objective: an amount of X that is lost.
LOST_QUANTITIES = frozenset({
    "information", "performance", "accuracy", "quality", "precision", "data", "energy", "signal", "detail",
    "details", "generalization", "utility", "privacy", "efficiency", "resolution", "packet", "power", "memory",
})
#: Splits a loss is measured on: "the lowest validation loss" is a number, not a training objective.
MEASURED_LOSSES = frozenset({"validation", "test", "held-out", "evaluation", "eval", "dev"})
#: Words that make "... network" a kind of architecture ("capsule network", "graph neural network").
ARCHITECTURE_MODIFIERS = frozenset({
    "convolutional", "recurrent", "graph", "capsule", "spiking", "residual", "siamese", "feedforward",
    "feed-forward", "generative", "adversarial", "attention", "memory", "hypernetwork", "equivariant",
    "bayesian", "kolmogorov-arnold", "fully-connected", "fully", "densely", "locally", "pointer", "highway", "dense", "temporal",
    "hopfield", "boltzmann", "belief", "autoregressive", "diffusion", "mixture-of-experts", "state-space",
    "vision", "retention", "complex-valued", "binary", "quantum", "liquid", "echo", "radial", "wavelet",
})


def _headed_phrases(doc: Doc) -> list[Span]:
    """Modifier words plus a telling head: "image patch sampling" (METHOD), "visual navigation" (TASK).

    Modifiers are plain words or hyphenated compounds ("out-of-distribution",
    "few-shot"), read right to left from the head. A modifier must not be a
    stop word, an evaluative or comparative word or a verb
    (``data/generic_modifiers.txt``), an adverb, a gerund, a plural, or a
    participle other than the few that name kinds of learning
    (:data:`PARTICIPLE_MODIFIERS`). At least one modifier is needed, so
    "learning" alone or "the detection" is nothing. Capitalised modifiers
    count only in a capitalised phrase ("Residual Learning" in a title).
    """
    view = token_view(doc)
    words, lower = view.words, view.lower
    generic = _generic_modifiers()
    sentence_starts = set(view.sentence_starts) | {0}
    found = []
    for i in [i for i, word in enumerate(lower) if word in _HEAD_FORMS]:  # a set lookup per token, then the rule
        word = lower[i]
        head = word if word in PHRASE_HEADS else (word[:-1] if word[:-1] in PHRASE_HEADS and word.endswith("s") else None)
        if head is None or i == 0 or (head in SINGULAR_HEADS and word != head):
            continue
        if head in COMPONENT_HEADS and _compound_start(view, i) != i:
            continue  # "multi-block", "two-block": a count of parts, not a kind of part
        if i + 2 < len(words) and words[i + 1] in ("-", "\u2013") and not view.space[i] and not view.space[i + 1] \
                and lower[i + 2] not in _USED_BY_SUFFIXES:
            continue  # "block-level", "learning-rate", "reasoning-to-action gap": the head is half of another word
        title_case = words[i][:1].isupper()
        start = _compound_start(view, i)  # "fine-tuning", "self-attention": the whole compound is the head
        while start > 0 and i - start < 2 * MAX_MODIFIERS:
            unit_start = _compound_start(view, start - 1)
            unit = "".join(words[unit_start:start]).lower()
            if head in COMPONENT_HEADS and unit in _position_modifiers():
                break
            if unit_start > 0 and f"{lower[unit_start - 1]}-{unit}" in generic \
                    or unit_start > 2 and "-".join((*lower[unit_start - 3 : unit_start], unit)) in generic:
                break  # "large scale training", "state of the art dropout": the word is part of a generic one
            if PHRASE_HEADS[head] == "ARCHITECTURE" and unit == "neural":
                start = unit_start  # "feedforward neural network": read on to the kind
                continue
            if PHRASE_HEADS[head] == "ARCHITECTURE" and unit == "connected" and unit_start > 0 \
                    and lower[unit_start - 1] in ("fully", "densely", "locally"):
                start = unit_start - 1  # "fully connected neural network": one modifier in two words
                break
            first_word = words[unit_start]
            if unit_start in sentence_starts and not title_case and first_word[1:].islower():
                first_word = first_word.lower()  # "Hyperbolic learning has ...": capitalised by the sentence only
            if not _good_modifier(unit, first_word, title_case, generic) and (
                    title_case or PHRASE_HEADS[head] != "METHOD" or unit in generic
                    or unit_start in sentence_starts or not _is_proper_modifier(view, unit_start, unit)):
                break
            start = unit_start
        if start < i and start > 0 and lower[_before_adverbs(lower, start)] in _VERB_MARKERS \
                and not lower[start].endswith(_NOUN_ENDINGS):
            start = _next_unit(view, start)  # "to enrich retrieval", "we first explain X": the first word is a verb
        if start >= _compound_start(view, i):
            continue
        if head in COMPONENT_HEADS and _named_by_its_modifier(lower[i - 1]):
            continue
        label = PHRASE_HEADS[head]
        if label == "METHOD" and i + 1 < len(lower) and lower[i + 1] in METHOD_MODIFIED_NOUNS:
            continue  # "cleaner training data", "attention maps": the phrase describes the noun after it
        if head in NOUN_MODIFIED_HEADS and lower[i - 1].endswith(_ADJECTIVE_ENDINGS) and i - 1 >= start \
                and _compound_start(view, i - 1) == i - 1:
            continue  # "theoretical analysis", "accurate prediction": a quality of the work, not a task
        if label == "METRIC":
            while start < i and lower[start] in METRIC_VALUE_WORDS and _next_unit(view, start) == start + 1:
                start += 1  # "quadratic complexity" is a value; "zero-shot accuracy" is a name
            if start >= _compound_start(view, i):
                continue
        if head == "loss" and (lower[i - 1] in LOST_QUANTITIES or lower[i - 1] in MEASURED_LOSSES):
            continue  # "information loss": something lost; "validation loss": a value read off, not an objective
        if label == "ARCHITECTURE" and not any(lower[j] in ARCHITECTURE_MODIFIERS for j in range(start, i)):
            continue  # "target network", "popular network": a network, but not a kind of one
        canonical = _phrase_canonical(view, start, i, title_case, sentence_starts) + head
        found.append(Span(doc, start, i + 1, label=label, kb_id=canonical, span_id="context"))
        part = _task_component(lower, i + 1)
        if label == "TASK" and part:
            found.append(Span(doc, start, i + 2, label="METHOD", kb_id=f"{canonical} {part}", span_id="context"))
    return found


#: Nouns that make a task phrase right before them the name of a network's part: "token clustering
#: layer", "depth estimation branch", "pose estimation module". Alone they are too plain to head a
#: phrase ("shadow layer", "application layer"; see :data:`COMPONENT_HEADS`).
TASK_COMPONENT_HEADS = frozenset({"layer", "module", "branch", "head"})


def _task_component(lower: list[str], i: int) -> str | None:
    """The part noun (singular) at token ``i`` when it is one of :data:`TASK_COMPONENT_HEADS`."""
    if i >= len(lower):
        return None
    word = lower[i]
    one = word[:-2] if word.endswith("hes") else word[:-1] if word.endswith("s") else word
    return word if word in TASK_COMPONENT_HEADS else one if one in TASK_COMPONENT_HEADS else None


def _named_by_its_modifier(word: str) -> bool:
    """Whether the word before a building-block head already names the thing: an architecture
    ("transformer block", "decoder block") or a method the rules take by itself ("max pooling block").
    """
    one = word[:-1] if word.endswith("s") else word
    return label_of_word(word) == "ARCHITECTURE" or PHRASE_HEADS.get(word) == "METHOD" \
        or PHRASE_HEADS.get(one) == "METHOD"


def _phrase_canonical(view, start: int, head: int, title_case: bool, sentence_starts: set[int]) -> str:
    """The modifiers of a headed phrase as its canonical name begins: lower case, but a name inside a
    lower-case phrase keeps its capitals ("Kalman filter", "Gaussian pruning", "Total Variation loss").

    Such a name is a word of its own (not the first part of "Multi-shot"),
    not the first word of a sentence, in a phrase whose head is lower case
    ("Parameter-Efficient Fine-tuning" is a title, all lower-cased). A lone
    capitalised word the text also writes in lower case is a common word
    ("Prompt learning" beside "prompt tokens").
    """
    lower_case = not title_case and not view.words[_compound_start(view, head)][:1].isupper()
    capital = [lower_case and j not in sentence_starts and _compound_start(view, j) == j
               and _next_unit(view, j) == j + 1 and _is_proper_modifier(view, j, view.lower[j])
               for j in range(start, head)]
    pieces = []
    for k, j in enumerate(range(start, head)):
        piece = view.text[view.starts[j] : view.starts[j + 1]]
        in_run = (k > 0 and capital[k - 1]) or (k + 1 < len(capital) and capital[k + 1])
        keep = capital[k] and (in_run or not _written_in_lower_case(view, view.lower[j]))
        pieces.append(piece if keep or _is_acronym(view, j) else piece.lower())
    return "".join(pieces)


def _is_acronym(view, j: int) -> bool:
    """Whether token ``j`` is written in capitals, as an acronym keeps in any phrase: "UAV", "OOD",
    the "X" of "X-ray" and the "D" of "RGB-D"; one capital letter counts only glued to a hyphen (a
    title's "A" is no acronym)."""
    word = view.words[j]
    if not word.isupper():  # no lower-case letter and at least one capital
        return False
    glued_after = j + 1 < len(view.words) and view.words[j + 1] == "-" and not view.space[j]
    glued_before = j > 0 and view.words[j - 1] == "-" and not view.space[j - 1]
    return sum(ch.isalpha() for ch in word) > 1 or glued_after or glued_before


def _written_in_lower_case(view, lower: str) -> bool:
    """Whether the text also writes the word ``lower`` all in lower case ("prompt" beside "Prompt").

    A scan of the words, asked only for a lone capitalised modifier (rare):
    cheaper than a set of the doc's lower-case words made for every doc
    with a headed phrase.
    """
    return lower.islower() and lower in view.words


#: Participles that name a kind of method rather than describe one ("supervised learning").
PARTICIPLE_MODIFIERS = frozenset({
    "supervised", "unsupervised", "structured", "unstructured", "federated", "distributed", "weighted",
    "masked", "gated", "dilated", "grouped", "shifted", "stacked", "randomized", "regularized", "quantized",
    "shared", "learned", "pretrained", "nested", "localized", "layered",
})


#: Endings of words that are nouns even after "to" ("with respect to segmentation accuracy").
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence")
_VERB_MARKERS = {"to", "can", "could", "may", "might", "will", "would", "should", "must", "cannot", "we", "they"}


def _before_adverbs(lower: list[str], start: int) -> int:
    """The token before ``start``, stepping back over adverbs: "we first theoretically explain ..." -> "we"."""
    j = start - 1
    while j > 0 and lower[j].isalpha() and (lower[j] in ("first", "then", "also", "further") or (
            lower[j].endswith("ly") and not lower[j].endswith(("ply", "rely")))):  # not "apply", "rely"
        j -= 1
    return j


def _next_unit(view, start: int) -> int:
    """The token after the hyphenated compound that starts at ``start``."""
    end = start + 1
    while end + 1 < len(view.words) and view.words[end] in ("-", "\u2013") and not view.space[end - 1] \
            and not view.space[end]:
        end += 2
    return end


def _compound_start(view, end: int) -> int:
    """The first token of the hyphenated compound that ends at token ``end`` ("out-of-distribution")."""
    start = end
    while start >= 2 and view.words[start - 1] in ("-", "\u2013") and not view.space[start - 1] \
            and not view.space[start - 2]:
        start -= 2
    return start


#: Compound tails that make a modifier name a kind of problem or method ("single-label", "zero-shot").
_KIND_COMPOUND_TAILS = frozenset({"label", "shot", "task", "modal", "view", "class", "domain", "lingual", "agent",
                                  "objective", "stage", "step", "resolution", "supervised"})


#: Compound tails that say what a technique costs or saves, not what it is ("data-efficient training",
#: "time-consuming fine-tuning"). "Parameter-efficient" is kept: it names a family of fine-tuning methods.
_QUALITY_TAILS = frozenset({"efficient", "intensive", "friendly", "consuming", "hungry", "heavy", "expensive"})


@lru_cache(maxsize=1 << 16)  # a pure function of its arguments, asked for every modifier of every headed phrase
def _good_modifier(unit: str, first_word: str, title_case: bool, generic: frozenset[str]) -> bool:
    if not unit[:1].isalpha() or unit in generic or unit in STOP_WORDS:
        return False
    if "-" in unit:
        parts = unit.split("-")
        if parts[-1] in _KIND_COMPOUND_TAILS:  # "single-label", "few-shot", "multi-view": a kind, whatever the number
            return True
        if parts[-1] in _QUALITY_TAILS and parts[0] != "parameter":
            return False  # "memory-efficient training", "resource-intensive fine-tuning": a quality, not a kind
        return parts[0] not in generic and parts[-1] not in {"like", "based", "level", "wise"}
    if unit.endswith(("ly", "ing")) or (unit.endswith("ed") and unit not in PARTICIPLE_MODIFIERS):
        return False
    if unit.endswith("s") and not unit.endswith(("ss", "us", "is", "ics")):
        return False
    if first_word[:1].isupper() != title_case and not (first_word.isupper() and len(first_word) > 1):
        return False
    return True


def _is_proper_modifier(view, start: int, unit: str) -> bool:
    """A capitalised name inside a lower-case method phrase: "Gabor filters", "Langevin sampling".

    Mid-sentence, a capitalised word before a lower-case method head is the
    name of a person the technique carries ("Kalman filter", "Gumbel
    sampling"); the caller rules out the first word of a sentence, and a
    word after a colon, a bracket or a list number starts a clause too.
    Acronyms and mixed case ("GPU", "ImageNet"), plurals ("Agents") and
    names of software or organisations ("Google embedding") are not such
    names.
    """
    word = view.words[start]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and len(word) > 2):
        return False
    if unit in not_names() or unit in STOP_WORDS or unit in other_names():
        return False
    if unit.endswith("s") and not unit.endswith(("ss", "us", "is")):
        return False
    return start == 0 or view.words[start - 1] not in (":", ")", "(", "]", ";", ".", "-")


@lru_cache(maxsize=1)
def _position_modifiers() -> frozenset[str]:
    """Words that place or count a network's parts ("final", "hidden", "each"): ``data/position_modifiers.txt``."""
    return read_word_list(Path(__file__).resolve().parent / "data" / "position_modifiers.txt")


@lru_cache(maxsize=1)
def _generic_modifiers() -> frozenset[str]:
    """``data/generic_modifiers.txt``; imported late (mine_phrases reads the corpus module), then remembered:
    an ``import`` statement per call cost more than the lookups it served."""
    from extractors.mine_phrases import generic_modifiers

    return generic_modifiers()
