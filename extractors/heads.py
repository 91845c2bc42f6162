"""What a phrase names, judged by its head word ("... pyramid pooling" -> METHOD).

The table is data (``extractors/data/head_words.csv``). It labels phrases no
gazetteer knows: abbreviation long forms, a paper's coined names described by
their context, and names found by context rules.

>>> label_of_phrase("atrous spatial pyramid pooling")
'METHOD'
>>> label_of_phrase("Expressive Leaky Memory neurons") is None
True
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from extractors.normalize import singular

HEAD_WORDS_FILE = Path(__file__).resolve().parent / "data" / "head_words.csv"


@lru_cache(maxsize=1)
def head_words() -> dict[str, str]:
    with open(HEAD_WORDS_FILE, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["word"].strip().lower(): row["label"].strip() for row in rows}


def label_of_word(word: str) -> str | None:
    """The label a head word implies, or None."""
    word = word.strip().lower().strip(".,;:()\"'")
    table = head_words()
    if word in table:
        return table[word]
    one = singular(word)
    if one in table:
        return table[one]
    if "-" in word:
        return label_of_word(word.rsplit("-", 1)[1])
    return None


def label_of_phrase(phrase: str) -> str | None:
    """The label of a phrase by its last word, or None when the last word says nothing."""
    words = phrase.split()
    return label_of_word(words[-1]) if words else None
