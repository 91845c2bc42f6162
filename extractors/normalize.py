"""Name keys: the form under which surface variants of a name meet.

``ResNet50``, ``ResNet-50``, ``resnet 50`` and ``ResNets`` all have the key
``resnet50``/``resnet``: case, spaces and punctuation are dropped, ``+`` is
kept as a word ("Grad-CAM++" is not "Grad-CAM"), and a plural ``s`` after a
lowercase letter is dropped. This mirrors the matching rule of the reference
scorer in ``shared/gold/score.py`` so that what the graph merges and what the
evaluation counts as one entity agree.

One step goes further than the scorer: accented letters count as their base
letters, whether written in Unicode or as LaTeX commands, so "Fréchet",
"Fr\\'echet" and "Frechet" share the key ``frechet`` (the scorer would drop
the "é" and keep the "e"; it compares canonical names and written mentions,
and the pipeline gives both forms, so nothing it counts is lost).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.latex import unicode_name

_NOT_KEY = re.compile(r"[^0-9a-z+]+")


def squash(text: str) -> str:
    """Lower case with everything but letters, digits and ``+`` removed (no plural rule)."""
    return _NOT_KEY.sub("", text.lower()).replace("+", "plus")


def is_plural_form(text: str) -> bool:
    """True for a written plural such as "CNNs" or "networks" (not "loss", not "RaftMLP-S")."""
    text = text.strip()
    return len(text) > 3 and text.endswith("s") and text[-2].isalpha() and not text.endswith("ss")


def singular(text: str) -> str:
    """Drop a plural ``s`` the way the scorer does ("CNNs" -> "CNN", "networks" -> "network")."""
    text = text.strip()
    if is_plural_form(text) and not text.endswith(("us", "is")):
        if text.endswith("ies") and len(text) > 4 and text[-4].islower():
            return text[:-3] + "y"
        return text[:-1]
    return text


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The merge key of a name: :func:`squash` of its singular form, British spellings as American.

    Cached: every rule component and the record builder key the same few
    surface forms of a doc again and again (~32 calls an abstract, most for
    strings already keyed), and a key costs three regular-expression passes.

    >>> name_key("Instance Normalisation") == name_key("instance normalization")
    True
    """
    return _BRITISH.sub(lambda m: m.group(0).replace("s", "z"), squash(singular(base_letters(text))))


#: Letters that are not a base letter plus a combining accent in Unicode, spelled as their base letters.
_OWN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
                              "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "ȷ": "j"})


def base_letters(text: str) -> str:
    """``text`` with LaTeX accents decoded and accented letters as their base letters ("Erd\\H{o}s" -> "Erdos").

    Canonical decomposition (NFD) only: compatibility forms such as "²" or
    "ﬁ" are left alone, as the scorer leaves them.
    """
    if text.isascii():
        if "\\" not in text:
            return text
        text = unicode_name(text)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_OWN_LETTERS)


_BRITISH = re.compile(r"(?<=[a-z])is(?:ation|ed|er|ing)")
