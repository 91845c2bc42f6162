"""Abbreviation definitions: "Convolutional Neural Networks (CNNs)" -> CNNs = Convolutional Neural Networks.

Implements the algorithm of A. S. Schwartz and M. A. Hearst, "A simple
algorithm for identifying abbreviation definitions in biomedical text",
Pacific Symposium on Biocomputing 8:451-462 (2003). scispaCy's
``AbbreviationDetector`` implements it too, but would pull nmslib,
scikit-learn and an old numpy into the install for one function.

The algorithm, per sentence:

1. find ``long form (short form)`` and ``short form (long form)`` candidates:
   a parenthesis whose content is at most two words and ten characters is a
   short-form candidate (text after ``,`` or ``;`` inside it is dropped, so
   "(CNNs; LeCun 1998)" gives "CNNs"); otherwise the word before the
   parenthesis may be the short form and the content its long form;
2. the long-form candidate is at most ``min(|SF| + 5, 2|SF|)`` words ending
   right before the parenthesis;
3. match the short form's characters right to left inside the long form;
   the first character must start a word. The shortest matching suffix of the
   candidate is the long form.

``find_abbreviations`` is the plain function; the ``kg_abbreviations``
component uses the pairs to give both forms, and every later use of the short
form, one entity.

>>> [(p.short, p.long) for p in find_abbreviations("We use convolutional neural networks (CNNs) here.")]
[('CNNs', 'convolutional neural networks')]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

_OPENERS = {"(": ")", "[": "]"}
_SKIP_PREFIXES = ("e.g", "i.e", "eg.", "ie.", "see ", "cf.", "resp", "http", "www")


@dataclass(frozen=True)
class AbbreviationPair:
    """A short form and its long form, with character offsets into the text searched."""

    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int


def is_short_form_candidate(text: str) -> bool:
    """Schwartz & Hearst's filter: 2-10 characters, a letter, starting alphanumeric, <= 2 words."""
    text = text.strip()
    if not 2 <= len(text) <= 10 or len(text.split()) > 2:
        return False
    if not any(ch.isalpha() for ch in text) or not text[0].isalnum():
        return False
    return any(ch.isupper() for ch in text)  # a defined acronym has a capital ("ours" is no abbreviation)


def best_long_form(short: str, candidate: str) -> str | None:
    """The shortest suffix of ``candidate`` whose characters spell ``short`` (S&H, figure 2)."""
    s = len(short) - 1
    i = len(candidate) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            candidate[i].lower() != ch or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    return candidate[start:]


def _valid_pair(short: str, long: str) -> bool:
    if len(long) <= len(short):
        return False
    words = long.split()
    if short.lower() in (w.lower().strip("()") for w in words):
        return False
    if len(words) > min(len(short) + 5, len(short) * 2):
        return False
    return long[0].isalnum()


def _trim_short(inner: str) -> str:
    for sep in (";", ","):
        if sep in inner:
            inner = inner.split(sep, 1)[0]
    return inner.strip()


def find_abbreviations(text: str, offset: int = 0) -> list[AbbreviationPair]:
    """Every abbreviation definition in ``text`` (one sentence or more), offsets shifted by ``offset``."""
    pairs: list[AbbreviationPair] = []
    for match in re.finditer(r"[(\[]", text):
        open_at = match.start()
        close_at = _matching_close(text, open_at)
        if close_at is None:
            continue
        inner_raw = text[open_at + 1 : close_at]
        if inner_raw.strip().lower().startswith(_SKIP_PREFIXES):
            continue
        short = _trim_short(inner_raw)
        if is_short_form_candidate(short) and not re.fullmatch(r"[\d.,%\s]+", short):
            short_start = open_at + 1 + inner_raw.index(short)
            pair = _long_before(text, open_at, short, short_start)
            if pair is not None:
                pairs.append(_shift(pair, offset))
            continue
        # "SF (long form)": the word before the parenthesis is the short form.
        before = _last_word(text, open_at)
        long_text = inner_raw.strip()
        if before and is_short_form_candidate(before[1]) and len(long_text.split()) >= 2:
            before_start, short = before[0], before[1].strip(".,;:")
            long = best_long_form(short, long_text)
            if long and _valid_pair(short, long) and long_text.endswith(long) and long == long_text:
                long_start = open_at + 1 + inner_raw.index(long_text)
                pairs.append(
                    _shift(
                        AbbreviationPair(short, before_start, before_start + len(short), long,
                                         long_start, long_start + len(long)),
                        offset,
                    )
                )
    return pairs


def _last_word(text: str, end: int) -> tuple[int, str] | None:
    """(start, word) of the last whitespace-free word before ``end``, or None.

    What the pattern ``(\\S+)\\s*$`` finds in ``text[:end]``, without its try at
    every earlier word of the text (measured: a tenth of the component's time).

    >>> _last_word("the model SF (long form)", 13)
    (10, 'SF')
    """
    head = text[:end].rstrip()
    if not head:
        return None
    word = head.rsplit(None, 1)[-1]
    return len(head) - len(word), word


def _matching_close(text: str, open_at: int) -> int | None:
    """The index of the bracket closing ``text[open_at]``, nested brackets skipped."""
    opener = text[open_at]
    closer = _OPENERS[opener]
    close_at = text.find(closer, open_at + 1, open_at + 200)
    if close_at < 0:
        return None
    if text.find(opener, open_at + 1, close_at) < 0:  # the common case: no nesting
        return close_at
    depth = 0
    for i in range(open_at, min(len(text), open_at + 200)):
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            depth -= 1
            if depth == 0:
                return i
    return None


def _long_before(text: str, open_at: int, short: str, short_start: int) -> AbbreviationPair | None:
    head = text[:open_at].rstrip()
    while head.endswith("}"):  # "\textbf{Attentive Convolution} (ATConv)": the brace closes markup, not text
        head = head[:-1].rstrip()
    # Stop at the previous clause boundary or bracket, opening or closing (a long form does not reach back
    # over an earlier parenthesis: "Mistral (7B), Qwen 2.5 (7B)"); S&H limit the window in words.
    boundary = max(head.rfind(ch) for ch in "(;:[{)]}")
    window_text = head[boundary + 1 :]
    words = window_text.split()
    limit = min(len(short) + 5, len(short) * 2)
    candidate = " ".join(words[-limit:])
    long = best_long_form(short, candidate)
    if long is None or not _valid_pair(short, long):
        return None
    long_end = len(head)
    long_start = long_end - len(long)
    if text[long_start:long_end] != long:  # whitespace inside the window was not single spaces
        found = head.rfind(long.split()[0], 0)
        if found < 0:
            return None
        long_start = found
    return AbbreviationPair(short, short_start, short_start + len(short), text[long_start:long_end],
                            long_start, long_end)


def _shift(pair: AbbreviationPair, offset: int) -> AbbreviationPair:
    if not offset:
        return pair
    return AbbreviationPair(pair.short, pair.short_start + offset, pair.short_end + offset, pair.long,
                            pair.long_start + offset, pair.long_end + offset)


# -- the spaCy component ------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

from extractors.gazetteer import MENTIONS_KEY, load_gazetteer  # noqa: E402
from extractors.heads import label_of_phrase, label_of_word  # noqa: E402
from extractors.normalize import name_key, singular  # noqa: E402
from extractors.senses import is_hyphenated_phase  # noqa: E402
from extractors.tokens import read_spans, token_view, write_spans  # noqa: E402

ABBREVIATIONS_KEY = "kg_abbreviations"


@Language.component("kg_abbreviations")
def abbreviation_component(doc: Doc) -> Doc:
    """Give each defined short form and its long form one entity, and label later uses.

    A form another extractor already recognised lends the pair its label and
    canonical name; otherwise the long form's head word (or the word after
    the parenthesis: "(LRA) datasets") decides the label, and the short form,
    singular, becomes the canonical name. Pairs go to
    ``doc.spans["kg_abbreviations"]`` (long forms, ``kb_id_`` = short form);
    mentions to ``doc.spans["kg_mentions"]``.
    """
    view = token_view(doc)
    definitions: list[Span] = []
    if "(" not in view.text and "[" not in view.text:
        doc.spans[ABBREVIATIONS_KEY] = definitions
        return doc
    mentions = read_spans(doc, MENTIONS_KEY)
    bounds = view.sentence_starts or [0]
    for k, first in enumerate(bounds):
        last = (bounds[k + 1] if k + 1 < len(bounds) else len(view.words)) - 1
        if last < first:
            continue
        start_char, end_char = view.starts[first], view.ends[last]
        sentence = view.text[start_char:end_char]
        if "(" not in sentence and "[" not in sentence:
            continue
        for pair in find_abbreviations(sentence, start_char):
            short = doc.char_span(pair.short_start, pair.short_end, alignment_mode="expand")
            long = doc.char_span(pair.long_start, pair.long_end, alignment_mode="expand")
            if short is None or long is None or short.start < long.end and long.start < short.end:
                continue
            after = _word_after_parenthesis(view, short.end)
            if _defines_another_sense(mentions, short, long):
                mentions = _without_listed_uses(mentions, pair.short)
            label_canonical = _known(mentions, short, long, after)
            if label_canonical is None:
                label = _label_of_long_form(pair.long)
                if label is None and after:
                    label = label_of_word(after)
                if label is None or label == "REPO":
                    continue
                label_canonical = (label, singular(pair.short))
            label, canonical = label_canonical
            # "fully connected neural networks (FCNs)": the long form is a listed name and the short form
            # another listed name (FCN, a fully convolutional network); the paper's definition holds for every
            # use of the short form in it, the title's too
            # "mean absolute error (MAE)": the short form is also another list's name of another thing (the
            # masked autoencoder); the paper's sense holds for every use, as above
            redefined = any(m.start == short.start and m.end == short.end and m.id_ == "gazetteer"
                            and (m.label_ == label and m.kb_id_ != canonical
                                 or m.label_ != label and _listed_elsewhere_as_other(m, long.text, plain_words=True))
                            for m in mentions)
            definitions.append(Span(doc, long.start, long.end, label=label, kb_id=canonical))
            mentions = _replace_overlapping(mentions, [
                Span(doc, long.start, long.end, label=label, kb_id=canonical, span_id="abbreviation"),
                Span(doc, short.start, short.end, label=label, kb_id=canonical, span_id="abbreviation"),
            ])
            mentions = _label_later_uses(doc, mentions, pair.short, 0 if redefined else short.end, label,
                                         canonical, replace_listed=redefined)
    write_spans(doc, MENTIONS_KEY, mentions)
    doc.spans[ABBREVIATIONS_KEY] = definitions
    return doc


def _known(mentions: list[Span], short: Span, long: Span, after: str = "") -> tuple[str, str] | None:
    """(label, canonical) of a mention that is exactly the long form, else of the listed name the long
    form is when a longer listed name holds it, else of a mention that is exactly the short form.

    A long form that holds a known name is its own name, labelled by its
    head word, else by the head word after the parenthesis ("Local
    Attentional Mamba (LaMamba) blocks" are blocks, a building block, not
    a model), else by the name inside. A long form that ends with a listed
    name is a kind of it: "Deterministic Inversion Flow Matching" is a
    method, as flow matching is, whatever "matching" heads elsewhere.
    """
    named = [span for span in mentions if span.label_ != "REPO"]
    for span in named:  # the long form first: "visual question answering (VQA)" is the task, not the dataset
        if (span.start, span.end) == (long.start, long.end):
            return span.label_, span.kb_id_
    listed = _swallowed_listed_name(named, short, long)
    if listed is not None:
        return listed
    for span in named:
        if (span.start, span.end) == (short.start, short.end):
            return span.label_, span.kb_id_
    inner = [s for s in mentions if s.start >= long.start and s.end <= long.end and s.label_ != "REPO"]
    if inner:  # "deep convolutional neural networks (DCNNs)": a kind of CNN, but its own name
        ending = [s for s in inner if s.end == long.end and s.id_ == "gazetteer"]
        label = _label_of_long_form(long.text)
        if label is not None and ending and not _AFTER_HEAD.search(long.text):
            # "Deterministic Inversion Flow Matching (DIFM)": a kind of flow matching
            label = ending[-1].label_
        # not the "LLM" of "LLM-based ...", nor a phase ("Training-time Realignment (TrRa)")
        heads = [s for s in inner if not _modifier_use(s) and not is_hyphenated_phase(s)]
        label = label or (label_of_word(after) if after else None) or (heads[-1].label_ if heads else None)
        return (label, singular(short.text)) if label else None
    return None


def _swallowed_listed_name(mentions: list[Span], short: Span, long: Span) -> tuple[str, str] | None:
    """(label, canonical) of a long form that is a listed name inside a longer listed name.

    "Multi-hop question answering (QA)", "medical Visual Question Answering
    (VQA)": the letters spell the tail, and the tail is a name the gazetteer
    knows, but the gazetteer matched the longer name, so no mention is exactly
    the long form. The short form stands for the tail, as the author wrote it.
    Not when the longer name is the short form's own ("Proximal Policy
    Optimisation (PPO)", whose letters were matched to "Policy Optimisation").
    """
    holders = [m for m in mentions if m.start < long.start and m.end >= long.end]
    own = {m.kb_id_ for m in mentions if (m.start, m.end) == (short.start, short.end)}
    if not holders or any(m.kb_id_ in own for m in holders):
        return None
    entry = load_gazetteer().lookup(long.text)
    return (entry.label, entry.canonical) if entry is not None else None


def _defines_another_sense(mentions: list[Span], short: Span, long: Span) -> bool:
    """Whether the paper spells out a listed acronym as something the list's entry is not.

    "Supervised Semantic Differential (SSD)" is not the listed SSD, the
    single shot detector: the gazetteer's reading of the short form yields to
    the paper's own definition. Judged by head words, so "Visual Transformer
    (ViT)" stays the listed vision transformer; only entries with a
    spelled-out alias can be judged, and a long form holding a listed name
    is left to :func:`_known`.
    """
    listed = next((m for m in mentions if (m.start, m.end) == (short.start, short.end) and m.id_ == "gazetteer"),
                  None)
    if listed is None or any(long.start <= m.start and m.end <= long.end for m in mentions):
        return False
    if long.text[:1].lower() != short.text[:1].lower() or not all(any(ch.isalpha() for ch in word)
                                                                   for word in long.text.split()):
        return False  # not a definition the letters spell: "... metrics (FID)", "modalities -- vision (ViT, ...)"
    return _listed_elsewhere_as_other(listed, long.text)


def _listed_elsewhere_as_other(listed: Span, long: str, plain_words: bool = False) -> bool:
    """Whether the entry behind a listed mention is spelled out, and as a thing with another head word.

    Only entries with a spelled-out alias can be judged. With ``plain_words``
    only aliases of plain words count, as when the paper's sense is to replace
    the list's everywhere: "masked autoencoder" is not "mean absolute error",
    but "VQA v2" says too little about what the dataset is for every "VQA" of
    a paper on visual question answering to be the task.
    """
    entry = load_gazetteer().by_canonical(listed.label_, listed.kb_id_)
    spelled = [name for name in (entry.canonical, *entry.aliases) if " " in name and (
        not plain_words or all(word.isalpha() for word in name.replace("-", " ").split()))] if entry else []
    head = _head_word(long)
    return bool(spelled) and not any(_same_head(head, _head_word(name)) for name in spelled)


#: Words that end a long form's head: "dynamic knowledge update-driven model for fake news detection" is a model.
_AFTER_HEAD = re.compile(r"\s+(?:for|of|via|with|by|in|on|from|using|under|through|towards?)\s+", re.IGNORECASE)


def _label_of_long_form(text: str) -> str | None:
    """The label a long form's head word gives, the head being the last word before a preposition
    ("Bayesian Active Learning by Disagreement" is learning, a method), else its last word."""
    return label_of_phrase(_AFTER_HEAD.split(text, maxsplit=1)[0]) or label_of_phrase(text)


#: Second parts that make a name inside a long form a modifier: "LLM-based Multi-Reference Evaluation".
_MODIFIER_SUFFIXES = frozenset({"based", "centric", "driven", "guided", "aware", "assisted", "powered", "enhanced"})


def _modifier_use(span: Span) -> bool:
    """Whether a mention is glued to a modifier suffix ("LLM-based", "CNN-driven")."""
    doc, end = span.doc, span.end
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].lower_ in _MODIFIER_SUFFIXES


def _head_word(phrase: str) -> str:
    """The last word as a name key: lower case, singular, American spelling, no markup ("Models~" -> "model")."""
    return name_key("".join(ch for ch in phrase.split()[-1] if ch.isalnum() or ch == "-"))


def _same_head(one: str, other: str) -> bool:
    """One head word in other endings or a slip: "program"/"programming", "adaptor"/"adaptation",
    "autoencoder"/"autoencoding" share their first five letters (or all of a shorter word)."""
    common = len(os.path.commonprefix([one, other]))
    return one == other or common >= min(5, len(one), len(other))


def _without_listed_uses(mentions: list[Span], short: str, after: int = 0) -> list[Span]:
    """The mentions without the gazetteer's reading of the short form (or its plural) from token ``after`` on."""
    forms = {short, short + "s", singular(short)}
    return [m for m in mentions if not (m.id_ == "gazetteer" and m.start >= after and m.text in forms)]


def _word_after_parenthesis(view, short_end: int) -> str:
    """The word right after the bracket that closes a short form ("(LRA) datasets" -> "datasets"), or ""."""
    if short_end + 1 < len(view.words) and view.words[short_end] in (")", "]"):
        return view.words[short_end + 1]
    return ""


def _replace_overlapping(mentions: list[Span], new: list[Span]) -> list[Span]:
    covered = {i for n in new for i in range(n.start, n.end)}
    kept = [m for m in mentions if covered.isdisjoint(range(m.start, m.end))]
    return kept + new


def _label_later_uses(doc: Doc, mentions: list[Span], short: str, after: int, label: str,
                      canonical: str, replace_listed: bool = False) -> list[Span]:
    """Spans for every later token that is the short form (or its plural); with ``replace_listed``,
    also in place of the gazetteer's reading of those tokens."""
    forms = {short, short + "s", singular(short)}
    words = token_view(doc).words
    if replace_listed:
        mentions = _without_listed_uses(mentions, short, after)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = [
        Span(doc, i, i + 1, label=label, kb_id=canonical, span_id="abbreviation")
        for i in range(after, len(words))
        if words[i] in forms and i not in taken
    ]
    return mentions + added
