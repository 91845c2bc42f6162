"""Claim values: as written, and as numbers a table can sort."""
from __future__ import annotations

import pytest

from extractors.values import VALUE_PATTERN, parse_value


@pytest.mark.parametrize("written, number, unit", [
    ("81.5%", 81.5, "%"),
    ("99.9\\%", 99.9, "%"),
    ("10x", 10.0, "x"),
    ("10×", 10.0, "x"),
    ("5times", 5.0, "x"),
    ("1.37times", 1.37, "x"),
    ("150 fold", 150.0, "x"),
    ("3-fold", 3.0, "x"),
    ("354K", 354000.0, ""),
    ("1.2M", 1200000.0, ""),
    ("7B", 7e9, ""),
    ("52.7 AP", 52.7, "AP"),
    ("1.5sim3.0 AP", 1.5, "AP"),
    ("2-3%", 2.0, "%"),
    ("1,000", 1000.0, ""),
    ("+3.2", 3.2, ""),
    ("1.60$\\times$", 1.6, "x"),
])
def test_values_parse_to_number_and_unit(written, number, unit):
    assert parse_value(written) == (pytest.approx(number), unit)


def test_value_pattern_finds_values_with_their_units():
    text = "reaching 52.7 AP, 81.5% top-1 and a 10x speedup (5times faster) with 354K parameters"
    assert [m.group(0).strip() for m in VALUE_PATTERN.finditer(text)] == ["52.7 AP", "81.5%", "10x", "5times", "354K"]
