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
#: The hyphen piece of a written word that carries "Bench": "LongBench", "Bench", "bench", "UniBench300".
_BENCHMARK_PIECE = re.compile(r"^(?P<before>[A-Za-z0-9.+]*)(?P<bench>Bench|BENCH|bench)(?:mark|MARK)?s?\d*$")
EVALUATION_MODIFIERS = frozenset({"evaluation", "benchmarking"})
EVALUATION_HEADS = frozenset({"framework", "frameworks", "suite", "suites", "testbed", "testbeds"})


def names_benchmark(name: str) -> bool:
    """Whether a coined name is a benchmark's by its own spelling ("X-Bench", "RouterXBench").

    >>> names_benchmark("PSI-Bench"), names_benchmark("MMBench"), names_benchmark("Benchmarking")
    (True, True, False)
    """
    return _BENCHMARK_PART.search(name) is not None


def is_benchmark_word(word: str) -> bool:
    """Whether a written word, coined or not, names a benchmark: something name-like glued to "Bench".

    Stricter than :func:`names_benchmark`, which judges names a paper already
    presents as its own: here a capital or digit must come before "Bench" and
    a lower-case "bench" must follow a hyphen, so "Benchmark", "Benchmarking",
    "testbench", "Workbench" and "Bench2Drive" are not benchmarks' names.

    >>> [is_benchmark_word(w) for w in ("LongBench", "MT-Bench", "SWE-bench", "MedBench-IT", "3DGS-VBench")]
    [True, True, True, True, True]
    >>> [is_benchmark_word(w) for w in ("Benchmark", "Benchmarking", "Workbench", "testbench", "Bench2Drive")]
    [False, False, False, False, False]
    """
    pieces = word.split("-")
    if not all(pieces) or not word[0].isalnum():
        return False
    for k, piece in enumerate(pieces):
        match = _BENCHMARK_PIECE.match(piece)
        if match is None:
            continue
        before = match["before"] if match["before"] else "-".join(pieces[:k])
        glued = bool(match["before"])
        if glued and match["bench"] == "bench":
            return False  # "Workbench", "testbench": words
        return any(ch.isupper() or ch.isdigit() for ch in before)
    return False


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
