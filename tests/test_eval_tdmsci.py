"""The TDMSci benchmark's reading of its data in kg's conventions (text detokenised, spans as kg writes names)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from eval_tdmsci import detokenize, surface_forms  # noqa: E402


def test_detokenize_joins_the_tokens_tdmsci_split():
    assert detokenize("part - of - speech ( POS ) tagging , Children ' s Book Test .") == \
        "part-of-speech (POS) tagging, Children's Book Test."


def test_surface_forms_split_abbreviations_and_drop_generic_heads():
    assert surface_forms("statistical machine translation (SMT)") == [
        "statistical machine translation (SMT)", "statistical machine translation", "SMT"]
    assert surface_forms("SCATE corpus") == ["SCATE corpus", "SCATE"]
    assert surface_forms("Penn Treebank") == ["Penn Treebank"]
