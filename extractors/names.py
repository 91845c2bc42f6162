"""What a name looks like: the shared test of the rules that find names nobody listed.

A token looks like part of a name when it is camel-cased or an acronym
("UltraGCN", "SHD", "CvT"), mixes letters and digits ("YOLOv5", "LRA2"), or
is capitalised mid-sentence and is not a known look-alike ("Extensive",
"Table", "Experiments": ``extractors/data/not_names.txt``). A capitalised
word at the start of a sentence is not evidence of a name.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

NOT_NAMES_FILE = Path(__file__).resolve().parent / "data" / "not_names.txt"
OTHER_NAMES_FILE = Path(__file__).resolve().parent / "data" / "other_names.txt"


def read_word_list(path: Path) -> frozenset[str]:
    """The words of a data list, lower case: one per line, blank lines and ``#`` comments skipped."""
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    return read_word_list(NOT_NAMES_FILE)


@lru_cache(maxsize=1)
def other_names() -> frozenset[str]:
    """Real names of things the graph does not hold (hardware, software, organisations), lower case.

    Name-shaped ("GPUs", "PyTorch", "OpenAI"), so a model that learns what names
    look like proposes them; the NER training data marks them outside and the
    NER policy rejects them.
    """
    return read_word_list(OTHER_NAMES_FILE)


@lru_cache(maxsize=1 << 16)
def is_distinctive(text: str) -> bool:
    """Camel case, an acronym, or letters with digits: shaped like a name wherever it stands.

    Cached: a pure function of the text, asked for the same words in doc after doc.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or text.lower() in not_names():
        return False
    if any(ch.isupper() for ch in text[1:]) and any(ch.isalpha() for ch in text[1:]):
        return True
    return any(ch.isdigit() for ch in text) and len(letters) >= 2


#: Characters of markup or code, not of names: "LLaMA-{3B", "D$^4$LA", "Claude~4", "B/16|ViT", "mAP@0.7".
MARKUP_CHARS = frozenset("{}$^~\\|<>=#@")


def is_plural_acronym(word: str) -> bool:
    """"UAVs", "EHRs", "DMs": an acronym in the plural names a kind of thing, not one model or dataset.

    >>> is_plural_acronym("UAVs"), is_plural_acronym("LLMs"), is_plural_acronym("ReIDs"), is_plural_acronym("Ms")
    (True, True, False, False)
    """
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper() and word[0].isalpha()


def looks_like_name(token: Token, allow_sentence_start: bool = False) -> bool:
    """True when ``token`` may be (part of) a proper name."""
    text = token.text
    if not text[:1].isalnum() or text.lower() in not_names() or token.is_stop:
        return False
    if is_distinctive(text):
        return True
    if text[:1].isupper() and text[1:].islower() and len(text) > 1:
        return allow_sentence_start or not token.is_sent_start
    return False
