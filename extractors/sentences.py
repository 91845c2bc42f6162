"""Sentence boundaries for abstracts, set in one vectorised write.

The rule is spaCy's ``Sentencizer``'s (a sentence ends after ``.``, ``!`` or
``?`` and any closing quotes or brackets that follow), plus one of our own: a
line break ends a sentence, so the title is a sentence of its own. It reads
the token strings from :func:`extractors.tokens.token_view` and writes all
boundaries with ``Doc.from_array``; spaCy's ``Sentencizer`` does the same
work through one Python-level Token object per token, which cost more than
tokenizing (measured on 1,000 arXiv abstracts).

The component does not walk every token: a regular expression finds the
characters that can end a sentence in the text, and only the tokens holding
them (found by bisection on the token offsets) and the few after them are
looked at (measured per abstract: 29 -> 9 us). :func:`sentence_starts` is
the plain token-by-token statement of the rule, which that scan must agree
with (``tests/test_fast_paths.py`` checks both on the same words).
"""
from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.tokens import build_view

ENDERS = {".", "!", "?", "...", "…"}
CLOSERS = {")", "]", "}", '"', "'", "”", "’", "»"}
#: Every character that an ender token or a line break contains.
_ENDER_CHARS = re.compile(r"[.!?…\n]")
_SKIPPED = ENDERS | CLOSERS


def sentence_starts(words: list[str]) -> list[int]:
    """Indices of the tokens that start a sentence.

    >>> sentence_starts(["Title", "\\n\\n", "We", "win", ".", "It", "works", "(", "really", ")", "."])
    [0, 2, 5]
    """
    starts = [0] if words else []
    ended = False
    for i, word in enumerate(words):
        if ended and word not in CLOSERS and word not in ENDERS:
            if not word.isspace():
                starts.append(i)
                ended = False
            continue
        if word in ENDERS or (word.isspace() and "\n" in word):
            ended = True
    return starts


def sentence_starts_in_text(text: str, words: list[str], starts: list[int]) -> list[int]:
    """:func:`sentence_starts` of the tokens ``words`` of ``text`` (at offsets ``starts``), without a full walk.

    A sentence ends at a token that is an ender or a whitespace token with a
    line break; every such token holds a character of ``_ENDER_CHARS``. From
    each, the closers, enders and whitespace that follow are skipped and the
    next token starts a sentence.
    """
    if not words:
        return []
    found = [0]
    n = len(words)
    scanned = 0  # tokens before this index are settled
    for match in _ENDER_CHARS.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        if i < scanned:
            continue
        word = words[i]
        if word not in ENDERS and not (word.isspace() and "\n" in word):
            continue
        j = i + 1
        while j < n and (words[j] in _SKIPPED or words[j].isspace()):
            j += 1
        if j < n:
            found.append(j)
        scanned = j
    return found


@Language.component("kg_sentences")
def sentences_component(doc: Doc) -> Doc:
    if len(doc) == 0:
        return doc
    view = build_view(doc, read_sentences=False)
    flags = numpy.full((len(doc), 1), -1, dtype=numpy.int64)
    starts = sentence_starts_in_text(view.text, view.words, view.starts)
    flags[starts, 0] = 1
    doc.from_array([SENT_START], flags.astype(numpy.uint64))
    view.sentence_starts = starts
    return doc
