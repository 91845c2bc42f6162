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
import re
from functools import lru_cache
from pathlib import Path

from extractors.normalize import singular

HEAD_WORDS_FILE = Path(__file__).resolve().parent / "data" / "head_words.csv"
#: A name built on "Bench" names a benchmark: "FilBench", "PSI-Bench", "InfiBench-V", "UniBench300".
_BENCHMARK_PART = re.compile(r"(?:Bench|BENCH)(?:mark|MARK)?(?![a-z])")
#: Modifiers that make a framework or suite something to evaluate with: "an evaluation framework called X".
EVALUATION_MODIFIERS = frozenset({"evaluation", "benchmarking"})
EVALUATION_HEADS = frozenset({"framework", "frameworks", "suite", "suites", "testbed", "testbeds"})


def names_benchmark(name: str) -> bool:
    """Whether a coined name is a benchmark's by its own spelling ("X-Bench", "RouterXBench").

    >>> names_benchmark("PSI-Bench"), names_benchmark("MMBench"), names_benchmark("Benchmarking")
    (True, True, False)
    """
    return _BENCHMARK_PART.search(name) is not None


@lru_cache(maxsize=1)
def head_words() -> dict[str, str]:
    with open(HEAD_WORDS_FILE, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["word"].strip().lower(): row["label"].strip() for row in rows}


@lru_cache(maxsize=1 << 16)
def label_of_word(word: str) -> str | None:
    """The label a head word implies, or None (cached: a pure function of the word, asked for often)."""
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
