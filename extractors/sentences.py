"""Sentence boundaries for abstracts, set in one vectorised write.

The rule is spaCy's ``Sentencizer``'s (a sentence ends after ``.``, ``!`` or
``?`` and any closing quotes or brackets that follow), plus one of our own: a
line break ends a sentence, so the title is a sentence of its own. It reads
the token strings from :func:`extractors.tokens.token_view` and writes all
boundaries with ``Doc.from_array``; spaCy's ``Sentencizer`` does the same
work through one Python-level Token object per token, which cost more than
tokenizing (measured on 1,000 arXiv abstracts).
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.tokens import token_view

ENDERS = {".", "!", "?", "...", "…"}
CLOSERS = {")", "]", "}", '"', "'", "”", "’", "»"}


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


@Language.component("kg_sentences")
def sentences_component(doc: Doc) -> Doc:
    if len(doc) == 0:
        return doc
    view = token_view(doc)
    flags = numpy.full((len(doc), 1), -1, dtype=numpy.int64)
    starts = sentence_starts(view.words)
    flags[starts, 0] = 1
    doc.from_array([SENT_START], flags.astype(numpy.uint64))
    view.sentence_starts = starts
    return doc
