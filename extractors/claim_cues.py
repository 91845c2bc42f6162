"""Word patterns that make a sentence a claim: comparisons, state of the art, and whose work it is.

Kept apart from the assembly in :mod:`extractors.claims` so that the
vocabulary can grow without touching the logic. Every pattern is about how
abstracts phrase results in general ("outperforms", "fewer parameters than",
"on par with", "sets a new state of the art"), never about one paper.
"""
from __future__ import annotations

import re
from itertools import compress

_COMPARATIVE = (r"(?:better|superior|faster|higher|lower|fewer|less|lesser|smaller|cheaper|stronger|greater|"
                r"larger|more\s+(?:accurate|efficient|robust|compact|stable|expressive|effective|precise|"
                r"scalable|reliable|interpretable|faithful))")
#: A comparative that needs a "than"/"to" to be a comparison ("better ... than X").
_COMPARED = (rf"{_COMPARATIVE}(?:\s+[\w-]+){{0,4}}?\s+(?:than(?!\s+(?:\d|one|two|three|half))|compared|relative)")
#: Better/worse/equal verbs and phrases; each match is one comparison in the sentence.
COMPARISON_CUES = re.compile(
    r"\b(?P<worse>(?:can ?not|cannot|do(?:es)? not|did not|fails? to|unable to)\s+(?:match|outperform\w*|"
    r"surpass\w*|beat|exceed|compete)\w*|lags? behind|lagging behind|underperform\w*|inferior to|"
    r"underwhelming|worse than)"
    r"|(?P<equal>on[- ]par\b|comparable (?:or|to|with|performance|results|accuracy|quality)|"
    r"competitive(?:ly)? (?:with|to|against|performance|results|accuracy|quality)|"
    r"similar (?:performance|accuracy|results) (?:to|as)|"
    r"(?:match|matches|matching) (?:or exceed\w* )?(?:the )?(?:performance|accuracy|results)|"
    r"(?:rival|rivals|rivaling)\b|"
    r"as (?:accurate|good|effective|robust|efficient)(?: and \w+)? as|"
    r"at the same level of accuracy|equally effective|equivalent performance|comparable (?:number|amount) of)"
    r"|(?P<better>out-?perform\w*|surpass\w*|exceed\w*|beats?|improv\w* (?:over|upon)|superior to|"
    r"(?:contrasted|compared favou?rably|compared|in comparison) (?:with|to)|"
    r"(?:improv|boost|enhanc|advanc)\w* (?:the (?:[\w-]+ )?(?:performance|results|accuracy|efficiency) (?:of|on)\b"
    r"(?! (?:the|our)\b)|"
    r"(?!the\b|state-of-the-art\b)[\w-]+ (?:performance|results|accuracy)\b)|"
    r"(?:performance|results?|accuracy|improvements?|gains?|advantages?) over|"
    rf"{_COMPARED}|superior (?:performance|accuracy|results|predictive accuracy|trade-?off)|"
    r"(?:significant|substantial|consistent|large|notable|considerable|clear|marked|remarkable|better|improved)\s+"
    r"(?:performance\s+)?(?:improvements?|gains?|boosts?)|"
    r"(?:better|higher|improved|superior)\s+(?:performance|results|accuracy|generali[sz]ation)|"
    rf"(?:fewer|less|lesser|lower|smaller|faster|higher|cheaper)\s+(?:[\w-]+\s+){{0,2}}(?:parameters|params|FLOPs|"
    r"GFLOPs|MACs|memory(?:\s+footprint|\s+usage)?|GPU\s+(?:RAM|memory)|latency|computation(?:al)?\s*(?:cost)?|"
    r"compute|cost|speed|convergence|inference|training(?:\s+time)?|energy(?:\s+consumption)?|hallucinations?|"
    r"error(?:\s+rates?)?|loss|perplexity|throughput)|"
    r"order of magnitude (?:speedup|faster|fewer|less|smaller|reduction))",
    re.IGNORECASE,
)
#: How the phrases of COMPARISON_CUES begin. Trying that long pattern only at words that can begin it
#: (instead of at every word) keeps the claims component cheap next to the rest of extraction.
CUE_STEMS = ("underperform", "underwhelming", "inferior", "worse", "lag", "comparable", "competitive", "similar",
             "match", "rival", "equally", "equivalent", "outperform", "surpass", "exceed", "beat", "improv",
             "superior", "contrasted", "compared", "boost", "enhanc", "advanc", "performance", "result", "accuracy",
             "gain", "advantage", "better", "faster", "higher", "lower", "fewer", "less", "smaller", "cheaper",
             "stronger", "greater", "larger", "order", "fail", "unable", "cannot")
_IMPROVEMENT_WORDS = frozenset("improvement improvements gain gains boost boosts performance".split())
#: Short words that begin a phrase only before one of these next words ("on par", "do not match").
CUE_WORDS_NEXT = {
    "in": frozenset({"comparison"}), "on": frozenset({"par", "-"}), "at": frozenset({"the"}),
    "as": frozenset({"accurate", "good", "effective", "robust", "efficient"}), "out": frozenset({"-"}),
    "do": frozenset({"not"}), "does": frozenset({"not"}), "did": frozenset({"not"}), "can": frozenset({"not"}),
    "more": frozenset("accurate efficient robust compact stable expressive effective precise scalable reliable "
                      "interpretable faithful".split()),
    **{word: _IMPROVEMENT_WORDS for word in ("significant", "substantial", "consistent", "large", "notable",
                                             "considerable", "clear", "marked", "remarkable")},
}
CUE_HEADS = frozenset(stem[:2] for stem in CUE_STEMS)


class _CueWords(dict):
    """word -> 0 (begins no phrase), 1 (may begin one), 2 (may, depending on the next word); filled as words come.

    A dict lookup per token is what makes scanning every token affordable; the
    cache is bounded by forgetting everything when it grows large.
    """

    def __missing__(self, word: str) -> int:
        if len(self) > 200_000:
            self.clear()
        kind = 2 if word in CUE_WORDS_NEXT else int(word[:2] in CUE_HEADS and word.startswith(CUE_STEMS))
        self[word] = kind
        return kind


CUE_WORDS = _CueWords()


def cue_token_indices(lower: list[str]) -> list[int]:
    """Indices of the tokens (lower case) at which a comparison phrase may begin."""
    kinds = list(map(CUE_WORDS.__getitem__, lower))
    last = len(lower) - 1
    # compress() skips the words that begin nothing (nearly all) without a Python step each
    return [i for i in compress(range(len(kinds)), kinds) if kinds[i] == 1 or i < last and
            lower[i + 1] in CUE_WORDS_NEXT[lower[i]]]


def comparison_cues(sentence: str, word_starts: list[int]) -> list[re.Match]:
    """The comparison phrases of ``sentence``, tried at the given word starts (non-overlapping, in order)."""
    found: list[re.Match] = []
    last_end = 0
    for at in word_starts:
        if at < last_end:
            continue
        match = COMPARISON_CUES.match(sentence, at)
        if match and not (match.group(0).lower().endswith("ing") and _ATTRIBUTIVE.search(sentence, max(0, at - 8), at)):
            found.append(match)
            last_end = match.end()
    return found


#: A determiner right before an "-ing" cue makes it an adjective: "cut out the underperforming paths" (not
#: "a better trade-off than X", which compares).
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|these|those)\s+$", re.IGNORECASE)


def might_claim_sota(sentence: str) -> bool:
    """A cheap test before SOTA_CUES: without one of these words no state-of-the-art claim can match.

    Plain substring tests on the lower-cased sentence: measured several times
    faster than one case-insensitive pattern, and this runs for every sentence.
    """
    lower = sentence.lower()
    return "-art" in lower or " art" in lower or "sota" in lower or "rank" in lower or "record" in lower or \
        "leading" in lower


#: Words after which the named things are what is compared against.
OBJECT_CUES = re.compile(
    r"\b(?:than|over|outperform\w*|out-performing|surpass\w*|beat|beats|exceed\w*|compared (?:to|with)|"
    r"in comparison (?:to|with)|against|versus|vs\.?|relative to|on par with|comparable to|comparable with|"
    r"competitive(?:ly)? (?:\w+ ){0,2}(?:with|to|against)|comparable (?:\w+ ){0,2}(?:to|with)|"
    r"match(?:es|ing)?|rival\w*|behind|inferior to|as \w+ as|"
    r"(?:performance|results|accuracy|efficiency) of|contrasted with|similar (?:\w+ )?to)\b",
    re.IGNORECASE,
)
#: A claim to be the state of the art, not "state-of-the-art models" as a description of others.
SOTA_CUES = re.compile(
    r"\b((?:achiev\w*|obtain\w*|reach\w*|sets?|setting|establish\w*|yield\w*|deliver\w*|attain\w*|report\w*|"
    r"demonstrat\w*|show\w*|produc\w*|with|leads? to|new|advanc\w*|push\w*|improv\w*)\b[^.;]{0,40}"
    r"\b(?:state[- ]of[- ](?:the[- ])?art|SOTA)\b"
    r"(?!\s+(?:methods?|models?|approaches|networks?|baselines?|techniques|architectures|systems|DNNs|CNNs|"
    r"detectors|algorithms|frameworks|works|competitors|self-supervised|image-text|[\w-]+ (?:methods|models)))"
    r"|state[- ]of[- ]the[- ]art (?:[\w-]+ ){0,3}(?:performance|results?|accuracy)[^.;]{0,40}\b(?:is|are|was|were) "
    r"(?:achieved|obtained|reached)|(?:achiev|obtain)\w* leading (?:results|performance)"
    r"|(?:ranks?|ranked|ranking) (?:first|1st|top)|new records?)",
    re.IGNORECASE,
)
# The four patterns below are matched against the lower-cased sentence (case-insensitive matching is
# measured two to three times slower, and these only answer yes or no).
#: "outperforms state-of-the-art methods" compares; it does not claim to be the state of the art.
SOTA_AS_OBJECT = re.compile(r"\b(outperform\w*|surpass\w*|than|over|compar\w*|against)\b[^.]{0,40}"
                            r"state[- ]of[- ](?:the[- ])?art|\b(?:of|to)\s+(?:the\s+)?(?:current\s+)?"
                            r"state[- ]of[- ](?:the[- ])?art")
OWN_WORK = re.compile(
    r"\b(we|our|ours|the proposed|this (?:paper|work|method|approach|model)|experiments? (?:show|demonstrate|"
    r"indicate|reveal|validate|confirm)|results? (?:show|demonstrate|indicate)|achiev\w*|obtain\w*|reach\w*|"
    r"attain\w*|yield\w*|scor\w*|retain\w*|maintain\w*|records?)\b",
)
OWN_STRICT = re.compile(r"\b(we|our|ours|the proposed|this (?:paper|work|method|approach|model))\b|"
                        r"^\s*it\b|\b(?:experiments?|results?|evaluations?|studies) (?:on [^,]{0,40})?"
                        r"(?:show|demonstrate|indicate|reveal|validate|confirm|verify)")
PRIOR_WORK = re.compile(r"^\s*(existing|previous|prior|many|most|current|traditional|conventional|"
                        r"although|while|despite|unlike|in contrast to|if|when|to)\b", re.IGNORECASE)
#: Hedged or hypothetical sentences state no result.
HYPOTHETICAL = re.compile(r"\b(could|would|might|may|whether|if|we hypothesi[sz]e|we ask|aim to|goal is|seek|"
                          r"hope|expect\w*|potential to|promis\w* to)\b")
EXAMPLES = re.compile(r"\b(like|such as|including|e\.g\.|i\.e\.|namely)\b", re.IGNORECASE)
#: Heads of noun phrases too generic to be a comparison object ("existing methods", "the baselines").
GENERIC_OBJECTS = frozenset("""method methods model models approach approaches baseline baselines technique
techniques work works counterpart counterparts competitor competitors alternative alternatives one ones system
systems algorithm algorithms art state-of-the-art state-of-art sota concurrent framework frameworks network networks
architecture
architectures result results performance others literature prior previous existing other all the a an its their
these those them it that this several various many most current recent strong competing standard original
conventional traditional relevant popular leading prevalent our ours we different numerous multiple diverse
powerful competitive well-established established widely-used what those""".split())
#: Words that end an object noun phrase.
_NP_STOP = re.compile(r"^(?:on|in|at|for|with|by|while|and|or|but|across|under|using|which|that|when|where|"
                      r"achieves?|does|do|did|has|have|had|can|could|reach(?:es)?|obtains?|uses?|regarding|concerning|"
                      r"despite|including|thanks|due|like|such|particularly|especially|"
                      r"of|to|from|as|without|in|is|are|was|were|,|;|\.|\(|\))$", re.IGNORECASE)


def worse_words(text: str) -> bool:
    """A value or phrase that reports a loss ("1% less accuracy", "at the cost of")."""
    return bool(re.search(r"\b(worse|degrad\w*|drops? in accuracy|(?:accuracy|performance) (?:drops?|declines?)|"
                          r"lower accuracy|less accuracy|at the cost|"
                          r"lags?|inferior)\b", text, re.IGNORECASE))


#: Metrics where more is better: a drop in one is a loss ("a 1.3% mAP drop", "reduced DSC by 0.29").
HIGHER_IS_BETTER = re.compile(
    r"^(?:.*\b)?(?:accuracy|precision|recall|F1|F1 score|AP|mAP|AP50|IoU|mIoU|Dice|AUC|AUROC|BLEU|ROUGE(?:-\w+)?|"
    r"PSNR|SSIM|success rate|win rate|exact match|pass@1)$", re.IGNORECASE)
_FALL_NOUN = r"(?:drops?|decreases?|declines?|reductions?|loss|degradation)"
_FALL_VERB = r"(?:reduc\w*|lower\w*|decreas\w*|degrad\w*|hurts?|cuts?)"
_HEDGE = r"(?:about\s+|up to\s+|over\s+|only\s+|nearly\s+)?"


def lost_measure(metric: str, written: str, before: str, after: str) -> bool:
    """Whether a difference in a metric where more is better is a fall: the metric as ``written`` beside
    the value with a word of falling ("1.3% mAP drop", "reduces MMBench accuracy by 8 pp", "a DSC
    reduction of 0.11", "0.8% drop in clean accuracy"). A fall in an error or a cost is a gain, and a
    fall in something else ("reducing variance by 35.2%") says nothing of the metric."""
    if not HIGHER_IS_BETTER.match(metric):
        return False
    name = re.escape(written)
    return bool(re.search(rf"\b{_FALL_VERB}\s+(?:the\s+)?(?:[\w-]+\s+)?{name}\s+by\s+{_HEDGE}$", before, re.I)
                or re.search(rf"{name}\s+{_FALL_NOUN}\s+(?:of|in)\s+{_HEDGE}$", before, re.I)
                or re.match(rf"\s*(?:{name}\s+)?{_FALL_NOUN}\b(?!\s+(?:in|of)\s+(?!{name}))", after, re.I))


def noun_phrase_object(fragment: str) -> str | None:
    """The compared-against noun phrase at the start of ``fragment`` when it names something specific.

    "state-of-the-art Bayesian filters in complex scenarios" -> "Bayesian filters";
    "existing methods on ImageNet" -> None (too generic to name).
    """
    words = re.findall(r"[\w+\-/.']+|[,;()]", fragment[:80])
    phrase: list[str] = []
    for word in words:
        if re.fullmatch(r"[a-z]+ed|[\d.,]+|/", word):
            break  # "B-cos models trained from scratch", "fewer than 4 billion tokens"
        bare = word.rstrip(".")
        if _NP_STOP.match(word) or _NP_STOP.match(bare) or word.endswith("."):
            if word.endswith(".") and bare and not _NP_STOP.match(bare):
                phrase.append(bare)
            break
        phrase.append(word)
        if len(phrase) >= 5:
            break
    while phrase and (phrase[0].lower() in GENERIC_OBJECTS or phrase[0].lower() in ("the", "a", "an")
                      or re.fullmatch(r"state-of-the-art|well-\S+|\S+-based|\S+-of-the-art|\S+ly", phrase[0],
                                      re.IGNORECASE)):
        phrase.pop(0)
    while phrase and phrase[-1].lower() in ("models", "model", "methods", "method", "approaches", "approach",
                                            "variants", "counterparts", "baselines", "ones"):
        phrase.pop()
    if not phrase or all(w.lower() in GENERIC_OBJECTS for w in phrase) or not phrase[0][0].isalpha():
        return None
    if not any(ch.isupper() for ch in "".join(phrase)) and len(phrase) < 2:
        return None  # one lowercase word ("humans") is too vague to name
    return " ".join(phrase)
