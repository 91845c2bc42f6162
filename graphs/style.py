"""How nodes look, shared by every view and export: colour by kind, size by paper count."""
from __future__ import annotations

import math

#: Colour of each node kind (Okabe-Ito palette, distinguishable with colour-blindness).
KIND_COLOURS: dict[str, str] = {
    "Paper": "#999999",
    "Architecture": "#0072B2",
    "Method": "#009E73",
    "Dataset": "#E69F00",
    "Metric": "#CC79A7",
    "Task": "#56B4E9",
    "Repo": "#000000",
    "Claim": "#D55E00",
}
DEFAULT_COLOUR = "#777777"


def colour_of(kind: str) -> str:
    """``#rrggbb`` for a node kind."""
    return KIND_COLOURS.get(kind, DEFAULT_COLOUR)


def rgb_of(kind: str) -> tuple[int, int, int]:
    """The colour of a kind as integer red, green, blue (what Gephi's r/g/b columns want)."""
    hexcode = colour_of(kind).lstrip("#")
    return int(hexcode[0:2], 16), int(hexcode[2:4], 16), int(hexcode[4:6], 16)


def size_of(kind: str, paper_count: int) -> float:
    """Node size: papers are small and equal; entities grow with the log of their paper count."""
    if kind == "Paper":
        return 6.0
    return round(8.0 + 6.0 * math.log2(1 + max(0, paper_count)), 2)
