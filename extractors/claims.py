"""Result, comparison and state-of-the-art claims, one sentence at a time.

Per ``shared/gold/GUIDELINES.md`` a claim is a quantitative or comparative
statement of a result:

* ``comparison``: a sentence in which the paper's own work is better,
  faster or smaller than something ("outperforms", "improves ... by 2.0 AP",
  "10x speedup over LightGCN", "fewer parameters than"). One claim per value
  and per named object ("over RetinaNet, Faster R-CNN and FCOS" is three);
  with neither, one claim.
* ``result``: a value on a metric ("reaching 52.7 AP on COCO", "81.5%
  top-1 accuracy", "only 354K parameters"). A result needs both a value and
  a metric tied to the sentence: precision comes before recall.
* ``sota``: the paper's work is state of the art and the sentence gives no
  value (with a value, the result claim says it all).

Only sentences that speak for the paper count: they name the paper's own
work ("we", "our", "the proposed", a name the paper introduces) or report
its experiments ("experiments show"); sentences about prior work ("Existing
methods achieve ...") are skipped, as are the title and numbers that are not
results (years, counts, "50% of the data", digits inside names).

The component reads the entity spans in ``doc.spans["kg_mentions"]`` and
writes plain dicts to ``doc.user_data["kg_claims"]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors.coined import PROPOSED_KEY
from extractors.gazetteer import MENTIONS_KEY
from extractors.tokens import token_view
from extractors.values import VALUE_PATTERN, parse_value

CLAIMS_KEY = "kg_claims"

#: Words that make a sentence without numbers a comparison: the paper's work against something.
COMPARISON_CUES = re.compile(
    r"\b(outperform\w*|surpass\w*|exceed\w*|beats?|(?:better|superior|faster|higher|lower|fewer|less|smaller|"
    r"cheaper|stronger|more \w+)\s+(?:than|to)|compared (?:to|with)|in comparison (?:to|with)|on par|"
    r"comparable (?:to|with|performance|results|accuracy)|competitive (?:with|performance|results|accuracy)|"
    r"improv\w* (?:over|upon|on)|(?:significant|substantial|consistent|large|notable|considerable|clear|marked|"
    r"remarkable|superior|better|improved) (?:improvements?|gains?|boosts?|performance|results|accuracy)|"
    r"speed-?ups?|match(?:es)? or exceed\w*)\b",
    re.IGNORECASE,
)
OBJECT_CUES = re.compile(
    r"\b(than|over|outperform\w*|surpass\w*|beat|beats|compared (?:to|with)|against|versus|vs\.?|relative to|"
    r"exceed\w*)\b",
    re.IGNORECASE,
)
#: A claim to be the state of the art, not "state-of-the-art models" as a description of others.
SOTA_CUES = re.compile(
    r"\b((?:achiev\w*|obtain\w*|reach\w*|sets?|setting|establish\w*|yield\w*|deliver\w*|attain\w*|report\w*|"
    r"demonstrat\w*|show\w*|produc\w*|with|leads? to|new)\b[^.;]{0,40}\b(?:state[- ]of[- ]the[- ]art|SOTA)\b"
    r"(?!\s+(?:methods?|models?|approaches|networks?|baselines?|techniques|architectures|systems|DNNs|CNNs|"
    r"detectors|algorithms|frameworks|works|competitors))"
    r"|state[- ]of[- ]the[- ]art (?:performance|results?|accuracy) (?:is|are|was|were) (?:achieved|obtained|reached))",
    re.IGNORECASE,
)
OWN_WORK = re.compile(
    r"\b(we|our|ours|the proposed|this (?:paper|work|method|approach|model)|experiments? (?:show|demonstrate|"
    r"indicate|reveal)|results? (?:show|demonstrate|indicate)|achiev\w*|obtain\w*|reach\w*)\b",
    re.IGNORECASE,
)
OWN_STRICT = re.compile(r"\b(we|our|ours|the proposed|this (?:paper|work|method|approach|model))\b", re.IGNORECASE)
PRIOR_WORK = re.compile(r"^\s*(existing|previous|prior|recent|many|most|current|traditional|conventional|"
                        r"however|although|while|despite)\b", re.IGNORECASE)
#: A value right after one of these words is the baseline's, not the paper's ("better than 50%").
BASELINE_WORDS = re.compile(r"(?<!more )(?<!less )(?<!fewer )(?<!greater )\b(than|from|baseline of)\s*$",
                            re.IGNORECASE)
#: A value right after one of these words is a difference ("improves by 2.0 AP"), not a level.
DIFFERENCE_WORDS = re.compile(r"\b(by|of up to|up to|gains? of|improvements? of|speedups? of|reductions? of)\s*$",
                              re.IGNORECASE)
#: Nouns that make a number a count or a setting, not a result ("10 classes", "50% of the data").
NOT_RESULTS = re.compile(
    r"^\s*(?:of (?:the |all |our |its )?(?:data|training|samples|images|dataset|labels|parameters|tokens|"
    r"examples|instances|pixels|time|cases|the)|images?|samples?|epochs?|layers?|classes|categories|"
    r"datasets?|tasks?|languages?|GPUs?|hours?|days?|steps?|examples?|subjects?|participants?|frames?|"
    r"videos?|users?|patients?|languages|tokens|words|sentences|documents|questions|nodes|edges|heads|"
    r"blocks|channels|views|shots?|iterations|runs|seeds|million|billion|thousand|years?)\b",
    re.IGNORECASE,
)
MAX_CLAIMS_PER_SENTENCE = 8
EXAMPLES = re.compile(r"\b(like|such as|including|e\.g\.|i\.e\.|namely)\b", re.IGNORECASE)


@dataclass
class _Mention:
    label: str
    canonical: str
    start: int  # char offsets
    end: int


@Language.component("kg_claims")
def claims_component(doc: Doc) -> Doc:
    view = token_view(doc)
    mentions = sorted(
        (_Mention(s.label_, s.kb_id_ or s.text, view.starts[s.start], view.end(s.end - 1))
         for s in doc.spans.get(MENTIONS_KEY, [])),
        key=lambda m: m.start,
    )
    proposed = [s.kb_id_ for s in doc.spans.get(PROPOSED_KEY, []) if s.label_ in ("ARCHITECTURE", "METHOD")]
    claims: list[dict] = []
    bounds = view.sentence_starts or [0]
    for k, first in enumerate(bounds):
        if k == 0 and len(bounds) > 1:
            continue  # the title states no results
        last = (bounds[k + 1] if k + 1 < len(bounds) else len(view.words)) - 1
        if last < first:
            continue
        start, end = view.starts[first], view.end(last)
        claims.extend(sentence_claims(view.text, start, end, mentions, proposed))
    doc.user_data[CLAIMS_KEY] = claims
    return doc


def sentence_claims(text: str, start: int, end: int, mentions: list[_Mention], proposed: list[str]) -> list[dict]:
    """The claims of the sentence ``text[start:end]``."""
    sentence = text[start:end]
    if sentence.rstrip().endswith("?"):
        return []  # a question states no result
    if PRIOR_WORK.match(sentence) or not OWN_WORK.search(sentence) and not _names_own(sentence, mentions,
                                                                                       start, end, proposed):
        return []
    inside = [m for m in mentions if m.start >= start and m.end <= end]
    values = _values(sentence, start, inside)
    comparison = COMPARISON_CUES.search(sentence)
    objects = _objects(sentence, start, inside)
    subject = _subject(inside, objects, proposed, sentence, start)
    claims: list[dict] = []
    for value_text, value_start, value_end in values:
        before = re.sub(r"(?:[+-]?[\d.]+\s?%?\s?[/|]\s?)+$", "", text[max(start, value_start - 60) : value_start])
        after = re.sub(r"^(?:\s?[/|]\s?[+-]?[\d.]+\s?%?)+", "", text[value_end : min(end, value_end + 60)])[:30]
        metric = _metric_for(inside, value_start, value_end, value_text)
        dataset = _dataset_for(inside, value_start, value_end)
        unit = parse_value(value_text)[1]
        is_difference = bool(DIFFERENCE_WORDS.search(before)) or unit == "x" or value_text.startswith("+") or bool(
            re.match(r"^\s*(?:higher|lower|better|fewer|less|more|improvement|gain|faster|smaller|reduction|"
                     r"speedup|speed-up|increase|decrease|drop)", after, re.IGNORECASE))
        if is_difference:  # one claim per value; the object is the first thing compared against
            obj = objects[0] if objects else None
            claims.append(_claim("comparison", subject, metric, value_text, dataset, obj, text,
                                 start, end, "worse" if _worse(before + after) else "better"))
        elif metric:
            claims.append(_claim("result", subject, metric, value_text, dataset, None, text, start, end, None))
    if not values:
        datasets = _distinct(m.canonical for m in inside if m.label == "DATASET")
        own = OWN_STRICT.search(sentence) or _names_own(sentence, inside, start, end, proposed)
        if SOTA_CUES.search(sentence) and not comparison_only(sentence) and own:
            for dataset in datasets or [None]:
                claims.append(_claim("sota", subject, None, None, dataset, None, text, start, end, None))
        elif comparison:
            metric = _nearest(inside, "METRIC", start, prefer_after=True)
            direction = "equal" if re.search(r"\b(comparable|on par|competitive|similar)\b", sentence, re.I) else (
                "worse" if _worse(sentence) else "better")
            for dataset in datasets or [None]:
                for obj in objects or [None]:
                    claims.append(_claim("comparison", subject, metric, None, dataset, obj, text, start, end,
                                         direction))
    return claims[:MAX_CLAIMS_PER_SENTENCE]


def comparison_only(sentence: str) -> bool:
    """ "outperforms state-of-the-art methods" compares; it does not claim to be the state of the art."""
    return bool(re.search(r"\b(outperform\w*|surpass\w*|than|over|compared)\b[^.]{0,40}state[- ]of[- ]the[- ]art",
                          sentence, re.IGNORECASE))


def _names_own(sentence: str, mentions: list[_Mention], start: int, end: int, proposed: list[str]) -> bool:
    return any(m.canonical in proposed for m in mentions if start <= m.start < end)


def _values(sentence: str, offset: int, inside: list[_Mention]) -> list[tuple[str, int, int]]:
    """Claim-worthy values: numbers with a unit, or next to a metric; not counts, years or name digits."""
    found = []
    for match in VALUE_PATTERN.finditer(sentence):
        value = match.group(0).strip()
        if not any(ch.isdigit() for ch in value):
            continue
        value_start = offset + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        value_end = offset + match.end()
        if any(m.start <= value_start < m.end for m in inside if m.label != "METRIC"):
            continue  # "ResNet-50", "CIFAR-10"
        number, unit = parse_value(value)
        rest = sentence[match.end():]
        if match.start() > 0 and sentence[match.start() - 1] == "(" and rest.startswith(")"):
            continue  # "(2)": a list marker
        if NOT_RESULTS.match(rest) or BASELINE_WORDS.search(sentence[max(0, match.start() - 20) : match.start()]):
            continue
        if not unit:
            if re.fullmatch(r"(?:19|20)\d\d", value):
                continue  # a year
            if not _metric_adjacent(inside, value_start, value_end):
                continue
        elif unit == "%" and re.match(r"^\s*of\b", rest):
            continue  # "50% of the data": a proportion of something
        elif unit == "s" and not _metric_adjacent(inside, value_start, value_end):
            continue
        found.append((value, value_start, value_end))
    return found


def _metric_adjacent(inside: list[_Mention], value_start: int, value_end: int) -> bool:
    return any(m.label == "METRIC" and (0 <= value_start - m.end <= 12 or 0 <= m.start - value_end <= 4)
               for m in inside)


def _metric_for(inside: list[_Mention], value_start: int, value_end: int, value_text: str) -> str | None:
    unit = parse_value(value_text)[1]
    for m in inside:  # "52.7 AP": the unit is the metric
        if m.label == "METRIC" and value_start <= m.start and m.end <= value_end:
            return m.canonical
    after = [m for m in inside if m.label == "METRIC" and 0 <= m.start - value_end <= 25]
    if after:
        return after[0].canonical
    before = [m for m in inside if m.label == "METRIC" and 0 <= value_start - m.end <= 40]
    if before:
        return before[-1].canonical
    if unit and unit not in ("%", "x"):
        return None
    return None


def _nearest(inside: list[_Mention], label: str, position: int, prefer_after: bool) -> str | None:
    candidates = [m for m in inside if m.label == label]
    if not candidates:
        return None
    after = [m for m in candidates if m.start >= position]
    if prefer_after and after:
        return after[0].canonical
    return min(candidates, key=lambda m: abs(m.start - position)).canonical


def _distinct(names) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def _dataset_for(inside: list[_Mention], value_start: int, value_end: int) -> str | None:
    """The dataset a value is reported on.

    "ADE20K mIoU of 55.6%": the dataset that heads the metric before the
    value; else the next dataset within the clause after the value; else the
    nearest before it; else any in the sentence.
    """
    metrics_before = [m for m in inside if m.label == "METRIC" and 0 <= value_start - m.end <= 8]
    if metrics_before:
        metric = metrics_before[-1]
        heads = [m for m in inside if m.label == "DATASET" and 0 <= metric.start - m.end <= 2]
        if heads:
            return heads[-1].canonical
    datasets = [m for m in inside if m.label == "DATASET"]
    after = [m for m in datasets if 0 <= m.start - value_end <= 60]
    if after:
        return after[0].canonical
    before = [m for m in datasets if m.end <= value_start]
    if before:
        return before[-1].canonical
    return datasets[0].canonical if datasets else None


def _objects(sentence: str, offset: int, inside: list[_Mention]) -> list[str]:
    """Named things the sentence compares against: entities after "than", "over", "outperforms"..."""
    cue = OBJECT_CUES.search(sentence)
    if cue is None:
        return []
    cue_end = offset + cue.end()
    candidates = [m for m in inside if m.start >= cue_end and m.label in ("ARCHITECTURE", "METHOD")]
    objects = []
    for i, m in enumerate(candidates):
        following = candidates[i + 1] if i + 1 < len(candidates) else None
        if following is not None and EXAMPLES.search(sentence[m.end - offset : following.start - offset]):
            continue  # "vision transformers like DeiT": the example is the object, not the family
        if m.canonical not in objects:
            objects.append(m.canonical)
    return objects[:4]


def _subject(inside: list[_Mention], objects: list[str], proposed: list[str], sentence: str, offset: int) -> str:
    for m in inside:
        if m.label in ("ARCHITECTURE", "METHOD") and m.canonical in proposed:
            return m.canonical
    for cue in re.finditer(r"\b(?:our|the proposed)\s+", sentence, re.IGNORECASE):  # "Our ResNet-50 achieves"
        at = offset + cue.end()
        for m in inside:
            if m.label in ("ARCHITECTURE", "METHOD") and 0 <= m.start - at <= 1:
                return m.canonical
    if re.search(r"\b(we|our|the proposed)\b", sentence, re.IGNORECASE):
        return proposed[0] if proposed else "PROPOSED"
    for m in inside:
        if m.label in ("ARCHITECTURE", "METHOD") and m.canonical not in objects:
            return m.canonical
    return proposed[0] if proposed else "PROPOSED"


def _worse(text: str) -> bool:
    return bool(re.search(r"\b(worse|degrad\w*|drops? in accuracy|lower accuracy|at the cost)\b", text, re.I))


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

