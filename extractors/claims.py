"""Result, comparison and state-of-the-art claims, one sentence at a time.

Per ``shared/gold/GUIDELINES.md`` a claim is a quantitative or comparative
statement of a result:

* ``result``: a value on a metric ("reaching 52.7 AP on COCO", "81.5%
  top-1 accuracy", "only 354K parameters"). A result needs both a value and
  a metric tied to the sentence (or, for a bare percentage reached on a
  dataset, to the previous result): precision comes before recall.
* ``comparison``: something is better, faster, smaller, on par or worse
  than something else. With a value ("improves ... by 2.0 AP", "10x
  speedup over LightGCN", "12% of the teacher's FLOPs") there is one claim
  per value; without one, one claim per comparison phrase ("outperforms",
  "fewer parameters than", "on par with", "improves the performance of"),
  per named object ("over RetinaNet, Faster R-CNN and FCOS" is three) and
  per dataset.
* ``sota``: something is the state of the art and the sentence gives no
  value (with a value, the result claim says it all).

The parts: :mod:`extractors.claim_values` finds the values of a sentence
and tells levels from differences; :mod:`extractors.claim_cues` holds the
wording of comparisons, state-of-the-art claims and whose work a sentence
speaks of; this module ties values, phrases, metrics, datasets, subjects and
objects together. Comparisons count in sentences about the paper's own work
("we", "our", "the proposed", a name the paper introduces, "experiments
show") and between two named things elsewhere ("ViTs have outperformed
CNNs"); sentences opening on prior work ("Existing methods achieve ...") or
hedged ("could", "if") state no valueless claim; the title states none.

The component reads the entity spans in ``doc.spans["kg_mentions"]`` and
writes plain dicts to ``doc.user_data["kg_claims"]``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claim_cues import (EXAMPLES, HYPOTHETICAL, OBJECT_CUES, OWN_STRICT, OWN_WORK, PRIOR_WORK,
                                   SOTA_AS_OBJECT, SOTA_CUES, comparison_cues, cue_token_indices, might_claim_sota,
                                   lost_measure, noun_phrase_object, worse_words)
from extractors.claim_values import Value, find_values, is_difference
from extractors.coined import PROPOSED_KEY
from extractors.gazetteer import MENTIONS_KEY
from extractors.tokens import read_spans, token_view
from extractors.values import parse_value

CLAIMS_KEY = "kg_claims"
_DIGIT = re.compile(r"\d")
#: Without a metric name, a number is a claim only with a unit of its own ("2.3x", "12%", "0.2 dB") or a sign
#: ("+1.5", not after a word or a point). Two patterns, each opening on a character the regex engine skips to;
#: as one alternation (with the sign's look-behind first) it was tried at every character of every sentence.
_UNIT_HINT = re.compile(r"\d\s?(?:\\?%|×|[xX]\b|times|-?\s?fold|points?\b|pp\b|percent|dB\b|\$?\\times)")
_SIGNED_NUMBER = re.compile(r"\+(?<![\w.]\+)\d")
MAX_CLAIMS_PER_SENTENCE = 20


@dataclass
class _Mention:
    label: str
    canonical: str
    start: int  # char offsets
    end: int


@dataclass
class _Frame:
    """One comparison phrase of a sentence ("outperforms DeiT", "fewer parameters than X")."""

    start: int  # char offsets of the cue
    end: int
    reach: int  # end of the compared-against names, or of the cue
    direction: str
    objects: list[str]
    metric: str | None
    subjects: list[str]
    borrowed: bool = False  # the objects are a neighbouring phrase's


@dataclass
class _PaperContext:
    """What earlier sentences of the abstract said, for values that lean on it ("On LFW it achieves 99.6%")."""

    metric: str | None = None
    dataset: str | None = None


@Language.component("kg_claims")
def claims_component(doc: Doc) -> Doc:
    view = token_view(doc)
    mentions = []
    for s in read_spans(doc, MENTIONS_KEY):
        start, end = view.starts[s.start], view.ends[s.end - 1]
        mentions.append(_Mention(s.label_, s.kb_id_ or view.text[start:end], start, end))
    mentions.sort(key=lambda m: m.start)
    proposed = [s.kb_id_ for s in doc.spans.get(PROPOSED_KEY, []) if s.label_ in ("ARCHITECTURE", "METHOD")]
    claims: list[dict] = []
    bounds = view.sentence_starts or [0]
    context = _PaperContext()
    mention_starts = [m.start for m in mentions]
    cue_tokens = cue_token_indices(view.lower)
    for k, first in enumerate(bounds):
        if k == 0 and len(bounds) > 1:
            continue  # the title states no results
        last = (bounds[k + 1] if k + 1 < len(bounds) else len(view.words)) - 1
        if last < first:
            continue
        start, end = view.starts[first], view.ends[last]
        inside = [m for m in mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
                  if m.end <= end]
        cue_starts = [view.starts[i] - start for i in cue_tokens[bisect_left(cue_tokens, first) :
                                                                 bisect_left(cue_tokens, last + 1)]]
        claims.extend(sentence_claims(view.text, start, end, inside, proposed, context, cue_starts))
    doc.user_data[CLAIMS_KEY] = claims
    return doc


def sentence_claims(text: str, start: int, end: int, mentions: list[_Mention], proposed: list[str],
                    context: _PaperContext | None = None, cue_starts: list[int] | None = None) -> list[dict]:
    """The claims of the sentence ``text[start:end]``.

    ``cue_starts`` are the offsets (in the sentence) of words that may begin
    a comparison phrase; by default every word start.
    """
    context = context or _PaperContext()
    sentence = text[start:end]
    if sentence.rstrip().endswith("?"):
        return []  # a question states no result
    if cue_starts is None:  # called on its own rather than by the component
        mentions = [m for m in mentions if m.start >= start and m.end <= end]
        cue_starts = [m.start() for m in re.finditer(r"\b\w", sentence)]
    inside = mentions
    cues = comparison_cues(sentence, cue_starts) if cue_starts else []
    has_digit = _DIGIT.search(sentence) is not None
    sota_hint = might_claim_sota(sentence)
    if not has_digit and not cues and not sota_hint:
        return []
    prior = bool(PRIOR_WORK.match(sentence))
    lower = sentence.lower() if cues or sota_hint else ""
    own = bool(cues or sota_hint) and (bool(OWN_STRICT.search(lower)) or _names_own(inside, proposed))
    reported = bool(cues) and (own or bool(OWN_WORK.search(lower)))
    frames = _frames(sentence, start, inside, proposed, own, cues) if cues and (reported or inside) else []
    wants_values = has_digit and not prior and (any(m.label == "METRIC" for m in inside) or
                                                _UNIT_HINT.search(sentence) is not None
                                                or _SIGNED_NUMBER.search(sentence) is not None)
    if not wants_values and not frames and not sota_hint:
        return []
    claims: list[dict] = []
    consumed: set[int] = set()
    subject = _subject(inside, [], proposed, sentence, start)
    if wants_values:
        claims.extend(_value_claims(text, start, end, inside, subject, frames, consumed, context))
    has_result = any(c["kind"] == "result" for c in claims)
    has_difference = any(c["kind"] == "comparison" for c in claims)
    datasets = _distinct(m.canonical for m in inside if m.label == "DATASET")
    if datasets:
        context.dataset = datasets[-1]
    hypothetical = bool(frames) and bool(HYPOTHETICAL.search(lower))
    sota = SOTA_CUES.search(sentence) if sota_hint and not has_result and not prior else None
    if sota and not SOTA_AS_OBJECT.search(lower):
        holder = _sota_subject(sentence, start, inside, start + sota.start(), own, subject)
        if holder:
            for dataset in datasets or _listed_benchmarks(sentence, sota.end()) or [None]:
                claims.append(_claim("sota", holder, None, None, dataset, None, text, start, end, None))
    for index, frame in enumerate(frames):
        if index in consumed or hypothetical or prior and not frame.objects:
            continue
        if has_difference and (not frame.objects or frame.borrowed) and frame.direction == "better":
            continue  # the numbers say how much better; "on par" is a statement of its own
        if not own and not (frame.objects and frame.subjects):
            continue  # somebody else's unnamed work against something unnamed: too vague
        for subject_name in frame.subjects or [subject]:
            objects = [o for o in frame.objects if o != subject_name]
            if frame.objects and not objects:
                continue  # "Compared with existing models, X ...": X is not its own baseline
            for dataset in _frame_datasets(inside, frame) or [None]:
                for obj in objects or [None]:
                    claims.append(_claim("comparison", subject_name, frame.metric, None, dataset, obj, text,
                                         start, end, frame.direction))
    # The sentence's general statements first, then its numbers: a greedy matcher (the reference scorer is
    # one) then pairs a stated number with a stated number instead of spending it on a valueless statement.
    claims.sort(key=lambda c: c["value"] is not None)
    return claims[:MAX_CLAIMS_PER_SENTENCE]


def _sota_subject(sentence: str, offset: int, inside: list[_Mention], cue: int, own: bool, subject: str) -> str | None:
    """Who is the state of the art: the paper's work, or a model named just before the claim ("ViTs have pushed")."""
    clause_start = offset + max((m.end() for m in re.finditer(r"[;:]|, (?:while|whereas|but)\b",
                                                              sentence[: cue - offset])), default=0)
    named = [m for m in inside if clause_start <= m.start and m.end <= cue and m.label in ("ARCHITECTURE", "METHOD")]
    if own:
        return subject if subject != "PROPOSED" or not named else named[-1].canonical
    return named[-1].canonical if named else None


def _listed_benchmarks(sentence: str, at: int) -> list[str]:
    """Benchmarks the entity rules missed, after a state-of-the-art claim.

    "state-of-the-art performance on the FashionAI, DARN, and Zappos50K
    benchmarks" (a list of names), "ranks first on the OpenCompass
    leaderboard" (one name the text calls a benchmark).
    """
    match = re.match(r"[^.;]{0,30}?\bon (?:the )?([A-Z][\w.+-]*[A-Za-z0-9])((?:(?:,\s*|\s+)(?:and\s+|or\s+)?"
                     r"[A-Z][\w.+-]*[A-Za-z0-9])*)", sentence[at:])
    if not match:
        return []
    names = [match.group(1)] + re.findall(r"[A-Z][\w.+-]*[A-Za-z0-9]", match.group(2))
    said_so = re.match(r"\s+(?:leaderboard|benchmark|dataset|challenge)\b", sentence[at + match.end():])
    if len(names) == 1 and not said_so:
        return []  # one capitalised word is a benchmark only when the text says so
    return names


def _value_claims(text: str, start: int, end: int, inside: list[_Mention], subject: str,
                  frames: list[_Frame], consumed: set[int], context: _PaperContext) -> list[dict]:
    """Result and valued comparison claims, one per value."""
    sentence = text[start:end]
    blocked = [(m.start, m.end) for m in inside if m.label != "METRIC"]
    values = find_values(text, start, end, blocked, tuple(m.start for m in inside if m.label == "METRIC"))
    if not values:
        return []
    last_of_group: dict[int, Value] = {}
    first_of_group: dict[int, Value] = {}
    members: dict[int, list[Value]] = {}
    for value in values:
        last_of_group[value.group] = value
        first_of_group.setdefault(value.group, value)
        members.setdefault(value.group, []).append(value)
    carried = None if _ON_HARDWARE.search(sentence) else context.dataset
    datasets_of = _datasets_of_groups(text, end, inside, first_of_group, last_of_group, carried)
    paired_datasets = {group: names for group, names in
                       ((g, _paired_datasets(text, end, inside, last_of_group[g], len(members[g]))) for g in members)
                       if names}
    claims: list[dict] = []
    for value in values:
        last, first = last_of_group[value.group], first_of_group[value.group]
        after = text[last.span_end : min(end, last.span_end + 40)]
        if re.search(r"\d[KMBG]$", value.text) and not _counts_a_metric(inside, value):
            continue  # "ImageNet-1K and 4K": a name or a size, not a result
        metric = _metric_for(text, inside, value, first, last)
        if metric and re.fullmatch(r"[+-]?\d+", value.text) and not _names_its_metric(text, inside, value):
            continue  # "452 raw-AR video pairs": a bare integer is a count unless its metric is right there
        dataset = datasets_of[value.group]
        paired = paired_datasets.get(value.group)
        if paired:
            dataset = paired[members[value.group].index(value)]  # "89.1% / 81.5% on X / Y": pairwise
        frame_index = _frame_for(frames, value)
        frame = frames[frame_index] if frame_index is not None else None
        value_subject = frame.subjects[-1] if frame is not None and frame.subjects else _clause_subject(
            text, start, inside, value, subject)
        if is_difference(text, start, value, after):
            if frame is not None and frame.direction != "equal":
                consumed.add(frame_index)  # "on par with X while 2x faster" keeps its own claim
            objects = frame.objects if frame else _objects(sentence, start, inside)
            group = members[value.group]
            if objects and len(objects) == len(group) > 1:
                obj = objects[group.index(value)]  # "DeiT-B/ResMLP-B24 by 0.3%/1.1%": pairwise
            else:
                obj = objects[0] if objects else None
            before = text[max(start, value.start - 40) : value.start]
            lost = worse_words(before + after[:30]) \
                or (metric is not None and _falls(text, start, inside, value, metric))
            direction = "worse" if lost or (frame and frame.direction == "worse") else "better"
            claims.append(_claim("comparison", value_subject, metric or (frame.metric if frame else None),
                                 value.text, dataset, obj, text, start, end, direction))
            if metric:
                context.metric = metric
        else:
            if metric is None and _leans_on_context(sentence, value, inside, start):
                metric = context.metric
            if metric:
                claims.append(_claim("result", value_subject, metric, value.text, dataset, None, text, start, end,
                                     None))
                context.metric = metric
    return claims


def _falls(text: str, start: int, inside: list[_Mention], value: Value, metric: str) -> bool:
    """Whether the value is a fall in a metric where more is better, written beside it ("a 1.3% mAP drop",
    "reduced DSC by 0.29", "a DSC reduction of 0.11", "0.8% drop in clean accuracy")."""
    near = [text[m.start:m.end] for m in inside if m.label == "METRIC" and m.canonical == metric
            and (0 <= value.start - m.end <= 30 or 0 <= m.start - value.end <= 30)]
    before = text[max(start, value.start - 60) : value.start]
    after = text[value.span_end : value.span_end + 40]
    return any(lost_measure(metric, name, before, after) for name in near)


def _clause_subject(text: str, start: int, inside: list[_Mention], value: Value, subject: str) -> str:
    """ "our PDSG achieves 100% ..., and our SDA obtains 82%": the model named in the value's own clause."""
    clause_start = start
    for match in _CLAUSE_BREAK.finditer(text, start, value.start):
        clause_start = match.end()
    for m in reversed(inside):
        if clause_start <= m.start and m.end <= value.start and m.label in ("ARCHITECTURE", "METHOD"):
            if _OUR.search(text, max(clause_start, m.start - 14), m.start) \
                    or _SCORES.fullmatch(text, m.end, value.start):
                return m.canonical  # "our SDA obtains 82%"; "Gemini 3.1 Pro attains 69.9% while Qwen gets 45%"
            break
    return subject


def _names_its_metric(text: str, inside: list[_Mention], value: Value) -> bool:
    """ "52 AP", "F1 of 92", "mIoU: 47": the metric written right after the number or right before it."""
    return any(m.label == "METRIC" and (
        0 <= m.start - value.end <= 1 or value.start <= m.start < value.span_end
        or 0 <= value.start - m.end <= 12 and _METRIC_OF.fullmatch(text[m.end : value.start]) is not None)
        for m in inside)


def _counts_a_metric(inside: list[_Mention], value: Value) -> bool:
    """ "354K parameters", "a parameter count of 1.2M": a K/M/B number is a result only as a count of a metric."""
    return any(m.label == "METRIC" and (0 <= m.start - value.end <= 3 or 0 <= value.start - m.end <= 8)
               for m in inside)


def _leans_on_context(sentence: str, value: Value, inside: list[_Mention], offset: int) -> bool:
    """ "On YouTube Faces DB it achieves 95.12%": a bare percentage reached on a named dataset."""
    if parse_value(value.text)[1] != "%":
        return False
    before = sentence[: value.start - offset]
    return bool(_SCORES_BEFORE.search(before)) and any(m.label == "DATASET" for m in inside)


def _frame_for(frames: list[_Frame], value: Value) -> int | None:
    """The comparison phrase a value belongs to: the nearest whose reach covers it."""
    best, best_distance = None, 1_000_000
    for index, frame in enumerate(frames):
        if frame.start - 25 <= value.start <= frame.reach + 30:
            distance = 0 if frame.start <= value.start <= frame.reach else min(abs(value.start - frame.start),
                                                                               abs(value.start - frame.reach))
            if distance < best_distance:
                best, best_distance = index, distance
    return best


def _frames(sentence: str, offset: int, inside: list[_Mention], proposed: list[str], own: bool,
            cues: list[re.Match]) -> list[_Frame]:
    """The comparison phrases of a sentence, each with what it compares against."""
    frames: list[_Frame] = []
    for match in cues:
        direction = match.lastgroup or "better"
        cue_start, cue_end = offset + match.start(), offset + match.end()
        between = sentence[frames[-1].end - offset : match.start()] if frames else ""
        joins = frames and (cue_start - frames[-1].end <= 14 and not re.search(r"[,;]|\band\b", between) or
                            _NAMES_OBJECT.match(match.group(0)) and not re.search(r"[;:]|, (?:and|but|while)\b",
                                                                                   between))
        if joins:
            frames[-1].end = max(frames[-1].end, cue_end)  # "comparable or better accuracy than": one phrase
            frames[-1].reach = max(frames[-1].reach, cue_end)
            continue
        frames.append(_Frame(cue_start, cue_end, cue_end, direction, [], None, []))
    clause_ends = [offset + m.start() for m in re.finditer(r";|, (?:while|whereas|but|and|which|where|"
                                                           r"demonstrating|showing|indicating|thus)\b",
                                                           sentence)] + [offset + len(sentence)]
    for index, frame in enumerate(frames):
        limit = min([c for c in clause_ends if c > frame.end] or [offset + len(sentence)])
        if index + 1 < len(frames):
            limit = min(limit, frames[index + 1].start)
        window = sentence[frame.start - offset : limit - offset]
        cue = OBJECT_CUES.search(window)
        if cue is not None:
            cue_end = frame.start + cue.end()
            frame.objects, frame.reach = _objects_after(sentence, offset, inside, cue_end, limit)
            if not frame.objects:
                named = noun_phrase_object(sentence[cue_end - offset : limit - offset])
                if named:
                    frame.objects = [named]
            frame.reach = max(frame.reach, frame.end)
        frame.metric = _frame_metric(inside, frame, limit)
        frame.subjects = _frame_subjects(sentence, offset, inside, frame, proposed, own, frames[:index])
    for index, frame in enumerate(frames):  # "outperforms X ... with fewer parameters": fewer than X's too
        if frame.objects:
            continue
        for other in (frames[index - 1] if index else None, frames[index + 1] if index + 1 < len(frames) else None):
            if other is not None and other.objects and not re.search(
                    r";|\bbut\b|\bwhereas\b", sentence[min(other.end, frame.end) - offset :
                                                     max(other.start, frame.start) - offset]):
                frame.objects, frame.borrowed = other.objects[:1], True
                break
    return frames


def _frame_datasets(inside: list[_Mention], frame: _Frame) -> list[str]:
    """ "outperforms Y on A and B": the datasets after the comparison; else "On A, X outperforms Y": those before."""
    datasets = [m for m in inside if m.label == "DATASET" and m.canonical not in frame.objects]
    after = _distinct(m.canonical for m in datasets if m.start >= frame.end)
    return after or _distinct(m.canonical for m in datasets if m.start < frame.start)


def _objects_after(sentence: str, offset: int, inside: list[_Mention], at: int, limit: int) -> tuple[list[str], int]:
    candidates = [m for m in inside if at <= m.start < limit and m.label in ("ARCHITECTURE", "METHOD", "DATASET")]
    if candidates and candidates[0].label != "DATASET" or any(
            re.search(r"\b(?:on|in|across|for|over)\s+(?:the\s+|all\s+)?$", sentence[max(0, m.start - offset - 12) :
                                                                               m.start - offset])
            for m in candidates if m.label == "DATASET") or candidates and not (
            candidates[0].start - at <= 6 or EXAMPLES.search(sentence[max(0, candidates[0].start - offset - 15) :
                                                                      candidates[0].start - offset])):
        candidates = [m for m in candidates if m.label != "DATASET"]  # "outperforms DeiT on ImageNet"
    if candidates and candidates[0].start - at > 60:
        return [], at
    objects: list[str] = []
    reach = at
    for i, m in enumerate(candidates):
        if i > 0:
            gap = sentence[candidates[i - 1].end - offset : m.start - offset]
            if not (_LIST_GAP.fullmatch(gap) or EXAMPLES.search(gap)):
                break  # "fine-tuning with pruning": one thing, not two objects
        following = candidates[i + 1] if i + 1 < len(candidates) else None
        if following is not None and EXAMPLES.search(sentence[m.end - offset : following.start - offset]):
            continue  # "vision transformers like DeiT": the example is the object, not the family
        if m.canonical not in objects:
            objects.append(m.canonical)
        reach = m.end
    if objects:  # "HRNet, FANet and DDRNets": names the entity rules missed, listed with ones they found
        for name in _LISTED_NAME.finditer(sentence, reach - offset, limit - offset):
            if name.start() != reach - offset:
                break
            if name.group(1) not in objects:
                objects.append(name.group(1))
            reach = offset + name.end()
    return objects[:4], reach


#: "fewer parameters ... compared to X": the phrase that names the object of the comparison before it.
_NAMES_OBJECT = re.compile(r"(?:compared|in comparison|contrasted) (?:to|with)", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and|, or|/|&|\()?\s*(?:the\s+)?")
_LISTED_NAME = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z][\w.+/-]*[A-Za-z0-9+])")


def _frame_metric(inside: list[_Mention], frame: _Frame, limit: int) -> str | None:
    for m in inside:
        if m.label == "METRIC" and frame.start <= m.start < min(limit, frame.end + 30):
            return m.canonical
    return None


def _frame_subjects(sentence: str, offset: int, inside: list[_Mention], frame: _Frame, proposed: list[str],
                    own: bool, earlier: list[_Frame]) -> list[str]:
    """Named things before the cue that it is said of ("MCTS and SMBO outperform ..."): the nearest, and its partner."""
    clause_start = offset
    for m in re.finditer(r"[;:]|, (?:while|whereas|but)\b", sentence[: frame.start - offset]):
        clause_start = offset + m.end()
    if earlier:
        clause_start = max(clause_start, earlier[-1].reach)
    before = [m for m in inside if clause_start <= m.start and m.end <= frame.start
              and m.label in ("ARCHITECTURE", "METHOD") and m.canonical not in frame.objects]
    if not before:
        return []
    last = before[-1]
    subjects = [last.canonical]
    if len(before) > 1:
        gap = sentence[before[-2].end - offset : last.start - offset]
        if re.fullmatch(r"\s*(?:,|and|, and|&|or)\s*", gap) and before[-2].canonical not in subjects:
            subjects.insert(0, before[-2].canonical)
    head = before[-2] if len(subjects) > 1 else last
    if EXAMPLES.search(sentence[max(0, head.start - offset - 12) : head.start - offset]):
        return []  # "across ViTs, including DeiT-B and DeiT-S, demonstrating ...": examples, not the subject
    between = sentence[last.end - offset : frame.start - offset]
    if EXAMPLES.search(between) or re.search(r"\b(?:with|using|via|of|on|in|for|from|to)\s*$", sentence[
            : last.start - offset]):
        if own:
            return []  # "we build on ResNet ... and outperform X": the subject is the paper's method
    return subjects


def _names_own(mentions: list[_Mention], proposed: list[str]) -> bool:
    return any(m.canonical in proposed for m in mentions)


def _metric_for(text: str, inside: list[_Mention], value: Value, first: Value, last: Value) -> str | None:
    """The metric a value is on: named in its span ("52.7 AP"), after its list, or just before it."""
    for m in inside:
        if m.label == "METRIC" and value.start <= m.start and m.end <= value.span_end:
            return m.canonical
    before = [m for m in inside if m.label == "METRIC" and 0 <= first.start - m.end <= 40]
    if before and _METRIC_OF.fullmatch(text[before[-1].end : first.start]):
        return before[-1].canonical  # "ImageNet accuracy of 88.0%", "Dice gain of 155%", "improves KID by 64.6%"
    after = [m for m in inside if m.label == "METRIC" and 0 <= m.start - last.span_end <= 25]
    if after:
        return after[0].canonical
    if before:
        return before[-1].canonical
    return None


_METRIC_OF = re.compile(r"\s*(?:(?:gains?|improvements?|increases?|decreases?|drops?|reductions?|boosts?)\s+of|"
                        r"of|by|:|=|is|was|reaches|reached)?\s*(?:about|around|only|up to|over|nearly)?\s*",
                        re.IGNORECASE)


def _distinct(names) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


#: A sentence that says where it ran, not what it ran on: "1.79x speedups on dedicated hardware and GPUs".
_ON_HARDWARE = re.compile(r"\bon\s+(?:[\w-]+\s+){0,2}(?:GPUs?|CPUs?|TPUs?|NPUs?|FPGAs?|hardware|devices?|chips?|"
                          r"(?:smart)?phones?|edge)\b", re.IGNORECASE)


def _datasets_of_groups(text: str, end: int, inside: list[_Mention], first_of_group: dict[int, Value],
                        last_of_group: dict[int, Value], carried: str | None) -> dict[int, str | None]:
    """The dataset each value (list) is reported on.

    "ADE20K mIoU of 55.6%": the dataset that heads the metric before the
    value; else the first dataset within the clause after it ("58.7 box AP
    and 51.1 mask AP on COCO" gives COCO to both); else the nearest before it
    that no earlier value has claimed ("100% on ImageNet, and 82% on X" does
    not give ImageNet to 82%); with no dataset in the sentence, the dataset
    of the previous sentence's claims (``carried``; None when the sentence
    says it ran on hardware, not on data).
    """
    datasets = [m for m in inside if m.label == "DATASET"]
    chosen: dict[int, str | None] = {}
    taken: set[int] = set()
    for group, first in first_of_group.items():
        last = last_of_group[group]
        metrics_before = [m for m in inside if m.label == "METRIC" and 0 <= first.start - m.end <= 8]
        heads = [m for m in datasets if metrics_before and 0 <= metrics_before[-1].start - m.end <= 2]
        clause = _CLAUSE_BREAK.search(text[last.span_end : min(end, last.span_end + 150)])
        horizon = last.span_end + (clause.start() if clause else 150)
        after = [m for m in datasets if last.span_end <= m.start <= horizon]
        if heads:
            chosen[group] = heads[-1].canonical
            taken.add(id(heads[-1]))
        elif after:
            chosen[group] = after[0].canonical
            taken.add(id(after[0]))
        else:
            chosen[group] = None
    for group, first in first_of_group.items():
        if chosen[group] is not None:
            continue
        before = [m for m in datasets if m.end <= first.start]
        if before and (id(before[-1]) not in taken or not _CLAUSE_BREAK.search(text[before[-1].end : first.start])):
            chosen[group] = before[-1].canonical
        elif not before and datasets and all(id(m) not in taken for m in datasets):
            chosen[group] = datasets[0].canonical
        elif not datasets:
            chosen[group] = carried
    return chosen


def _paired_datasets(text: str, end: int, inside: list[_Mention], last: Value, count: int) -> list[str] | None:
    """The datasets of a slash-paired list, one per value: "89.1% / 81.5% top-1 accuracy on X / Y".

    Only when the value list is followed, within its clause, by exactly as
    many datasets written as one slash-separated list (``X / Y``, ``X/Y``);
    otherwise None, and every value of the list takes the one dataset
    :func:`_datasets_of_groups` chose.
    """
    if count < 2:
        return None
    clause = _CLAUSE_BREAK.search(text[last.span_end : min(end, last.span_end + 150)])
    horizon = last.span_end + (clause.start() if clause else 150)
    after = [m for m in inside if m.label == "DATASET" and last.span_end <= m.start <= horizon]
    for first in range(len(after) - count + 1):
        run = after[first : first + count]
        if all(re.fullmatch(r"\s*/\s*", text[a.end : b.start]) for a, b in zip(run, run[1:])):
            return [m.canonical for m in run]
    return None


_CLAUSE_BREAK = re.compile(r";|\. |, (?:and|while|but|whereas)\b")


def _objects(sentence: str, offset: int, inside: list[_Mention]) -> list[str]:
    """Named things the sentence compares against: entities after "than", "over", "outperforms"..."""
    cue = OBJECT_CUES.search(sentence)
    if cue is None:
        return []
    return _objects_after(sentence, offset, inside, offset + cue.end(), offset + len(sentence))[0]


_OUR = re.compile(r"\b(?:our|the proposed)\s+", re.IGNORECASE)
#: A verb of scoring and the hedges before its number: "attains 69.9%", "gets a mere 45.0%", "achieves only 59.2%".
_SCORING = (r"(?:achiev\w*|obtain\w*|reach\w*|attain\w*|scor\w*|gets?|records?)\s+"
            r"(?:(?:an?|only|just|merely|mere|about|around|roughly|up to|over)\s+)*")
#: Right before a value: "On YouTube Faces DB it achieves 95.12%".
_SCORES_BEFORE = re.compile(rf"\b{_SCORING}$", re.IGNORECASE)
#: All that stands between a model and its value: "Gemini 3.1 Pro attains 69.9%", "Qwen gets a mere 45.0%".
_SCORES = re.compile(rf"\s+{_SCORING}", re.IGNORECASE)
_WE = re.compile(r"\b(we|our|the proposed)\b", re.IGNORECASE)


def _subject(inside: list[_Mention], objects: list[str], proposed: list[str], sentence: str, offset: int) -> str:
    for m in inside:
        if m.label in ("ARCHITECTURE", "METHOD") and m.canonical in proposed:
            return m.canonical
    for cue in _OUR.finditer(sentence):  # "Our ResNet-50 achieves"
        at = offset + cue.end()
        for m in inside:
            if m.label in ("ARCHITECTURE", "METHOD") and 0 <= m.start - at <= 1:
                return m.canonical
    if _WE.search(sentence):
        return proposed[0] if proposed else "PROPOSED"
    for m in inside:
        if m.label in ("ARCHITECTURE", "METHOD") and m.canonical not in objects:
            return m.canonical
    return proposed[0] if proposed else "PROPOSED"


def _claim(kind: str, subject: str, metric: str | None, value: str | None, dataset: str | None,
           obj: str | None, text: str, start: int, end: int, direction: str | None) -> dict:
    number, unit = parse_value(value) if value else (None, "")
    return {
        "kind": kind,
        "subject": subject,
        "metric": metric,
        "value": value,
        "dataset": dataset,
        "object": obj,
        "direction": direction if kind == "comparison" else None,
        "number": number,
        "unit": unit or None,
        "evidence": text[start:end].strip(),
        "start": start,
        "end": end,
    }
