"""LaTeX accent commands in abstracts, read as the letters they typeset.

arXiv abstracts are written in LaTeX, so names with accents often arrive as
``Poincar\\'e``, ``Fr\\'{e}chet``, ``Erd\\H{o}s`` or ``Bj{\\o}ntegaard``
(about 0.3% of abstracts, 173 of 62,028 in the 2025 corpus). The rules are
written for words: a backslash or brace in the middle of one breaks the
token ("Poincar{\\'e}" -> Poincar, {, \\'e, }) or its shape (not alphabetic,
not capitalised), so the name is cut or missed, and the same name written
``Fréchet`` elsewhere would be another node.

:func:`decode_accents` rewrites each accent command as the Unicode letter
(the accent as a combining mark on its base letter, composed with
``unicodedata.normalize("NFC")``), and returns an :class:`OffsetMap` from
the rewritten text back to the text as written. The pipeline tokenizes the
rewritten text, so rules and canonical names see "Poincaré", and maps every
output offset back, so mentions and evidence stay the text as written.

Only the standard text-mode accents of LaTeX are read (no word list):

* symbol accents ``\\' \\` \\^ \\" \\~ \\= \\.`` before a letter, bare or braced:
  ``\\'e``, ``\\'{e}``, ``{\\'e}``, ``\\"{\\i}``;
* letter accents ``\\v \\H \\c \\u \\r \\k`` (caron, double acute, cedilla,
  breve, ring, ogonek) with a braced letter or a space and a letter:
  ``\\v{c}``, ``\\c c``; ``\\d`` and ``\\b`` (dot and bar below) only braced,
  since ``\\d``/``\\b`` followed by a space are regular-expression escapes;
* the special letters ``\\aa \\AA \\o \\O \\ae \\AE \\oe \\OE \\ss \\l \\L \\i \\j``
  when no letter follows (``\\o`` is not ``\\omega``, ``\\l`` not ``\\lambda``).

``\\'s`` at the end of a word is an apostrophe written with a needless
backslash ("the model\\'s ability", 4 of the corpus's 6 ``\\'s``), not an
s-acute, and stays as written; so does anything after a doubled backslash.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

#: Accent command -> the Unicode combining mark it puts on its base letter.
COMBINING = {
    "'": "\u0301",  # acute: é
    "`": "\u0300",  # grave: è
    "^": "\u0302",  # circumflex: ê
    '"': "\u0308",  # umlaut / diaeresis: ö
    "~": "\u0303",  # tilde: ñ
    "=": "\u0304",  # macron: ā
    ".": "\u0307",  # dot above: ż
    "v": "\u030c",  # caron (háček): č
    "H": "\u030b",  # double acute (Hungarian umlaut): ő
    "c": "\u0327",  # cedilla: ç
    "u": "\u0306",  # breve: ğ
    "r": "\u030a",  # ring: å
    "k": "\u0328",  # ogonek: ą
    "d": "\u0323",  # dot below: ạ
    "b": "\u0331",  # bar (macron) below: ḇ
}

#: Letter commands that typeset a letter of their own.
LETTERS = {
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "ss": "ß", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}

_BASE = r"(?:\\[ij](?![A-Za-z])|[A-Za-z])"  # a letter, or the dotless i/j that accents sit on
_ACCENT = (
    r"\\(?P<sym>['`^\"~=.])(?:\{(?P<sb>" + _BASE + r")\}|(?P<sl>" + _BASE + r"))"
    r"|\\(?P<let>[vHcurk])(?:\{(?P<lb>" + _BASE + r")\}|\s+(?P<ll>[A-Za-z]))"
    r"|\\(?P<below>[db])\{(?P<bb>" + _BASE + r")\}"
    r"|\\(?P<own>aa|AA|ae|AE|oe|OE|ss|[oOlLij])(?![A-Za-z])(?:\{\})?"
)
#: One accent command, possibly alone in braces ("{\'e}"), never after a backslash ("\\'e" is a line break).
ACCENT = re.compile(r"(?<!\\)(?:\{(?P<inner>" + _ACCENT.replace("?P<", "?P<i_") + r")\}|" + _ACCENT + r")")
_APOSTROPHE_S = re.compile(r"\\'s(?![A-Za-z])")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the decoded text back to the text as written.

    ``decoded_ends[k]`` is where the k-th rewritten command ends in the
    decoded text and ``shifts[k]`` how many characters the written text
    holds more up to there; an offset is moved by the shift of the last
    command ending at or before it.
    """

    decoded_ends: tuple[int, ...]
    shifts: tuple[int, ...]

    def original(self, offset: int) -> int:
        """The written-text offset of decoded offset ``offset``."""
        k = bisect_right(self.decoded_ends, offset) - 1
        return offset + self.shifts[k] if k >= 0 else offset


def _letter(match: re.Match, prefix: str = "") -> str | None:
    """The Unicode letter a matched command stands for (None: leave it as written)."""
    group = match.groupdict()
    own = group[prefix + "own"]
    if own:
        return LETTERS[own]
    command = group[prefix + "sym"] or group[prefix + "let"] or group[prefix + "below"]
    base = next(group[prefix + name] for name in ("sb", "sl", "lb", "ll", "bb") if group[prefix + name])
    base = base[1] if base.startswith("\\") else base  # accents on \i and \j sit on plain i and j
    return unicodedata.normalize("NFC", base + COMBINING[command])


def _replacement(match: re.Match, text: str) -> str | None:
    if match.group("inner"):
        return _letter(match, "i_")
    if _APOSTROPHE_S.match(text, match.start()):
        return None
    return _letter(match)


def decode_accents(text: str) -> tuple[str, OffsetMap | None]:
    """``text`` with LaTeX accent commands as Unicode letters, and the map back (None: nothing changed).

    >>> decode_accents("the Poincar\\\\'e ball and Erd\\\\H{o}s")[0]
    'the Poincaré ball and Erdős'
    """
    if "\\" not in text:  # nearly every abstract: one C-level scan
        return text, None
    pieces: list[str] = []
    ends: list[int] = []
    shifts: list[int] = []
    written = decoded = 0  # how far the written text is copied, and the decoded length so far
    for match in ACCENT.finditer(text):
        letter = _replacement(match, text)
        if letter is None:
            continue
        pieces.append(text[written : match.start()])
        pieces.append(letter)
        decoded += match.start() - written + len(letter)
        written = match.end()
        ends.append(decoded)
        shifts.append(written - decoded)
    if not ends:
        return text, None
    pieces.append(text[written:])
    return "".join(pieces), OffsetMap(tuple(ends), tuple(shifts))


@lru_cache(maxsize=1 << 14)
def unicode_name(text: str) -> str:
    """A name with its LaTeX accents as Unicode letters ("Fr\\\\'echet" -> "Fréchet")."""
    return decode_accents(text)[0]
