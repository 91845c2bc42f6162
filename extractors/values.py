"""Result values as written in abstracts, and their numeric form.

``81.5%``, ``99.9\\%`` (the listing pages keep LaTeX escapes), ``10x``,
``10×``, ``5times``, ``1.37 times``, ``3-fold``, ``354K``, ``1.2M``, ``7B``,
``52.7 AP``, ``32.1 dB``, ranges such as ``1.5sim3.0 AP`` or ``2-3%``.
:func:`parse_value` gives the number and unit a table can sort by: a range
counts as its first number (the figure an abstract leads with), ``K``/``M``/
``B`` multiply, ``times``/``fold``/``×`` are the unit ``x``.

>>> parse_value("99.9\\\\%")
(99.9, '%')
>>> parse_value("5times")
(5.0, 'x')
>>> parse_value("354K")
(354000.0, '')
>>> parse_value("52.7 AP")
(52.7, 'AP')
"""
from __future__ import annotations

import re
from functools import lru_cache

MULTIPLIERS = {"k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12}
#: Metric-like units written right after a number ("52.7 AP", "32.1 dB").
UNIT_WORDS = ("AP", "mAP", "AP50", "AP75", "dB", "BLEU", "points", "point", "pp", "ms", "FPS", "mIoU", "FID",
              "PSNR", "ROUGE", "CIDEr", "F1", "IoU", "GFLOPs", "FLOPs", "MACs", "params", "s")

_NUMBER = r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?"
_RANGE = rf"{_NUMBER}(?:(?:\s?\\?%)?\s?(?:sim|~|-|–|to)\s?{_NUMBER})?"
_UNIT = r"(?:\s?(?:\\?%|percent\b|×|x\b|X\b|times\b|-fold\b|\s?fold\b|\$?\\times\$?)|[KMBG]\b)?"
_WORD_UNIT = rf"(?:\s?(?:{'|'.join(re.escape(u) for u in UNIT_WORDS)})\b)?"
VALUE_PATTERN = re.compile(rf"(?<![\w.\-]){_RANGE}{_UNIT}{_WORD_UNIT}")


def readable_value(text: str) -> str:
    r"""A value as a reader writes it: the listing pages' LaTeX escapes undone ("87.7\%" -> "87.7%").

    The claim keeps the value as written (its evidence); tables and labels show this form.

    >>> readable_value("87.7\\%"), readable_value("2.5$\\times$"), readable_value("1.5sim3.0 AP")
    ('87.7%', '2.5×', '1.5~3.0 AP')
    """
    return _LATEX_IN_VALUES.sub(lambda m: _LATEX_READABLE[m.group(0).strip("$ ")], text)


_LATEX_READABLE = {"\\%": "%", "\\times": "×", "sim": "~", "\\sim": "~"}
_LATEX_IN_VALUES = re.compile(r"\\%|\$?\\times\$?|(?<=\d)\s?\\?sim\s?(?=[+-]?\d)")


@lru_cache(maxsize=4096)
def parse_value(text: str) -> tuple[float | None, str]:
    """(number, unit) of a value as written; the number is None when there is none (cached: claims ask often)."""
    compact = text.replace(",", "").replace("\\%", "%").strip()
    match = re.match(r"([+-]?\d+(?:\.\d+)?)", compact)
    if match is None:
        return None, ""
    number = float(match.group(1))
    rest = compact[match.end():]
    rest = re.sub(rf"^\s?(?:sim|~|-|–|to)\s?[+-]?\d+(?:\.\d+)?", "", rest)  # a range: keep its first number
    rest = rest.strip()
    if rest.startswith(("%", "percent")):
        return number, "%"
    if re.match(r"^(?:x|X|×|times|-?\s?fold)\b", rest) or rest.startswith(("×", "\\times", "$\\times")):
        return number, "x"
    if re.match(r"^[KMBGT]\b", rest):
        return number * MULTIPLIERS[rest[0].lower()], ""
    word = re.match(r"^([A-Za-z][A-Za-z0-9]*)", rest)
    return number, word.group(1) if word else ""
