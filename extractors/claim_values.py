"""The values of a sentence that can be claims, and whether each is a level or a difference.

A claim's value is "the number as written with its unit" (GUIDELINES.md):
``81.5%``, ``10x``, ``354K``, ``16.2ms``. A metric name written after the
number ("52.7 AP", "53.5 mIoU") names the metric, not a unit, so it stays out
of the value text but still ties the value to that metric. Numbers that are
not results are dropped here: years, counts ("10 classes"), proportions of
something ("50% of the data"), digits inside names ("ResNet-50"), list
markers ("(2)"), counts of accelerators ("8x A100 GPUs"), scale factors
("4x super-resolution") and baselines ("better than 50%").

Values written as one list ("75.15%|82.03%", "1.37x/1.24x", "0.3%/1.1%")
form a *group*: what follows the last member (its metric, "absolute gains")
holds for every member.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.values import VALUE_PATTERN, parse_value

#: Words after a number that name a metric rather than a unit ("52.7 AP" is AP 52.7).
METRIC_WORDS = frozenset(w.lower() for w in ("AP", "mAP", "AP50", "AP75", "BLEU", "mIoU", "FID", "PSNR", "ROUGE",
                                             "CIDEr", "F1", "IoU"))
#: Nouns that make a number a count or a setting, not a result ("10 classes", "50% of the data").
NOT_RESULTS = re.compile(
    r"^\s*(?:of (?:the |all |our |its |their )?(?:data|training|samples|images|dataset|labels|tokens|"
    r"examples|instances|pixels|time|cases|the)|images?|samples?|epochs?|layers?|classes|categories|"
    r"datasets?|tasks?|languages?|GPUs?(?!\s+(?:memory|RAM))|hours?|days?|steps?|examples?|subjects?|"
    r"participants?|frames?|"
    r"videos?|users?|patients?|languages|tokens|words|sentences|documents|questions|nodes|edges|heads|"
    r"blocks|channels|views|shots?|iterations|runs|seeds|million|billion|thousand|years?|bits?|bytes?|"
    r"-?dimensional|-?bit|-?shot|-?way|-?layer|-?stage|resolution)\b",
    re.IGNORECASE,
)
#: A value right after one of these words is the baseline's, not the paper's ("better than 50%", "from 54.2%").
BASELINE_WORDS = re.compile(r"(?<!more )(?<!less )(?<!fewer )(?<!greater )\b(than|from|baseline of|vs\.?|versus|"
                            r"compared (?:to|with))\s*(?:about |around |only |just |merely )?$", re.IGNORECASE)
_HEDGE = r"(?:about|around|approximately|roughly|nearly|almost|over|more than|up to|at least|an average of|sim|~)"
_BY = re.compile(rf"\bby\s+(?:{_HEDGE}\s+)?$", re.IGNORECASE)
#: "by 2.0 AP" is a gain only after a word of change or comparison, not in "represented by 59 parameters".
_CHANGE = re.compile(r"\b(?:improv|reduc|increas|decreas|outperform|surpass|exceed|boost|lower|rais|cut|drop|speed|"
                     r"accelerat|gain|better|higher|faster|smaller|fewer|less|margin|beat|advanc|enhanc|lead|shrink|"
                     r"compress|sav|declin|degrad|fall|fell|grow|grew|rise|rose|jump|lift|push|top|trail|lag)",
                     re.IGNORECASE)
#: A value after one of these verbs is an amount saved or gained ("saves 86.8% GPU memory", "cuts the error by 30%").
_VERB_BEFORE = re.compile(rf"\b(?:saves?|saving|reduc\w+|cuts?|cutting|lowers?|lowering|boost\w*|accelerat\w+|"
                          rf"speeds? up|speeding up)\s+(?:(?!to\b|of\b)[\w-]+\s+){{0,4}}?(?:by\s+)?(?:{_HEDGE}\s+)?$",
                          re.IGNORECASE)
_NOUN_OF = re.compile(rf"\b(?:gains?|improvements?|speedups?|speed-ups?|reductions?|increases?|decreases?|boosts?|"
                      rf"margins?|drops?|savings?|advantages?)\s+of\s+(?:{_HEDGE}\s+)?$", re.IGNORECASE)
#: A value followed by one of these words is a difference ("1% higher accuracy", "3.05% absolute gains").
DIFFERENCE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,1}?(?:higher|lower|better|worse|fewer|less|lesser|more|improvements?|gains?|faster|slower|"
    r"loss|degradation|"
    r"smaller|larger|reductions?|speedups?|speed-ups?|increases?|decreases?|drops?|boosts?|savings?|"
    r"cheaper)\b",
    re.IGNORECASE,
)
#: After "8x" or "4$\\times$", accelerators: "8x A100 GPUs", "4xH20 GPUs", "2× RTX 4090" count chips, not a speedup.
_HARDWARE_AFTER = re.compile(r"^\s*(?:(?:(?=\S*[A-Z\d])[\w-]+\s+){0,2}(?:GPUs?|TPUs?|NPUs?|cards?)\b"
                             r"|(?:NVIDIA\s+)?(?:RTX|GTX|[AHVLB])\s?\d{2,4}\b)")
#: After "4x": a scale factor of the task, not a result ("4x super-resolution", "8x upsampling").
_SCALE_FACTOR_AFTER = re.compile(r"^\s*(?:image\s+|video\s+)?(?:super-?resolution|SR|upsampl\w*|up-?scal\w*|"
                                 r"downsampl\w*|down-?scal\w*|magnification|zoom)\b", re.IGNORECASE)
_LATEX_TIMES = re.compile(r"\s?\$?\\times\$?")
_SPREAD = re.compile(r"(?:±|\\pm|\+/-|\+-)\$?\s*\$?\s*$")
_LIST_GLUE = re.compile(r"^\s?(?:[/|]|,|and|, and)\s?$")


@dataclass
class Value:
    """One value of a sentence: its text as claimed, where it is, and its list group."""

    text: str
    start: int  # char offsets of the value text in the document
    end: int
    span_end: int  # end including a metric word written after it ("52.7 AP")
    group: int  # values written as one list share a group number
    fraction: bool = False  # "1% of the teacher's FLOPs": a share of another model's cost, so a comparison


def find_values(text: str, start: int, end: int, blocked: list[tuple[int, int]],
                metric_starts: tuple[int, ...] = ()) -> list[Value]:
    """The candidate values of ``text[start:end]``.

    ``blocked`` are name spans ("ResNet-50") to skip; ``metric_starts`` are
    where metric names start, which make "5% of the teacher's FLOPs" a share
    of a cost rather than "50% of the data".
    """
    sentence = text[start:end]
    found: list[Value] = []
    group = 0
    previous_end = None
    for match in VALUE_PATTERN.finditer(sentence):
        raw = match.group(0)
        stripped = raw.lstrip()
        if not any(ch.isdigit() for ch in stripped):
            continue
        value_start = start + match.start() + (len(raw) - len(stripped))
        span_end = start + match.end()
        if any(b_start <= value_start < b_end for b_start, b_end in blocked):
            continue  # "ResNet-50", "CIFAR-10"
        local = match.start() + (len(raw) - len(stripped))
        rest = sentence[match.end():]
        if local > 0 and sentence[local - 1] == "(" and rest.startswith(")") and "%" not in stripped:
            continue  # "(2)": a list marker
        if local > 0 and sentence[local - 1] in "^_{" or rest[:1] in "^_":
            continue  # a formula, not a result
        if _SPREAD.search(sentence, max(0, local - 12), local):
            continue  # "62.5% (± 1.6)": the spread of a result, not one
        written = _without_metric_word(stripped)
        value_text = _LATEX_TIMES.sub("x", written)  # "1.6$\\times$" is 1.6x
        number, unit = parse_value(value_text)
        if number is None:
            continue
        fraction = unit == "%" and any(0 < m - span_end <= 35 for m in metric_starts) and bool(re.match(
            r"^\s*of\s+(?:the\s+[\w-]+'s?|their|its|the original|the baseline)\s", rest))
        if NOT_RESULTS.match(rest) and not fraction:
            continue
        if unit == "x" and (_HARDWARE_AFTER.match(rest) or _SCALE_FACTOR_AFTER.match(rest)):
            continue  # "on 8x A100 GPUs": a number of accelerators; "4x super-resolution": a setting
        if BASELINE_WORDS.search(sentence[max(0, local - 30) : local]):
            continue
        if not unit and re.fullmatch(r"(?:19|20)\d\d", value_text):
            continue  # a year
        if unit == "%" and re.match(r"^\s*of\b", rest) and not fraction:
            continue  # "50% of the data": a proportion of something
        glue = sentence[previous_end - start : local] if previous_end is not None else None
        if glue is None or not _LIST_GLUE.match(glue):
            group += 1
        previous_end = span_end
        found.append(Value(value_text, value_start, value_start + len(written), span_end, group, fraction))
    return found


def _without_metric_word(written: str) -> str:
    """ "53.5 mIoU" -> "53.5"; "63.2% mAP" -> "63.2%"; units ("16.2ms", "2.3 points") stay."""
    match = re.match(r"^(.*?\d(?:\s?(?:\\?%|×|x\b|X\b|times\b|-fold\b|\s?fold\b|[KMBG]\b))?)\s?([A-Za-z][\w]*)$",
                     written)
    if match and match.group(2).lower() in METRIC_WORDS:
        return match.group(1)
    return written


def is_difference(text: str, sentence_start: int, value: Value, after_group: str) -> bool:
    """True when the value is a gain or a ratio ("by 2.0 AP", "10x", "+1.3%", "1% higher") rather than a level."""
    unit = parse_value(value.text)[1]
    if unit == "x" or value.text.startswith("+") or value.fraction:
        return True
    before = text[max(sentence_start, value.start - 40) : value.start]
    before = re.sub(r"(?:[+-]?[\d.]+\s?\\?%?\s?[A-Za-z]*\s?[/|]\s?)+$", "", before)
    if _BY.search(before) and _CHANGE.search(text, max(sentence_start, value.start - 150), value.start) or \
            _NOUN_OF.search(before) or _VERB_BEFORE.search(before):
        return True
    return bool(DIFFERENCE_AFTER.match(after_group))
