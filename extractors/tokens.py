"""A plain-Python view of a doc's tokens, built once and shared by the rule components.

Every ``doc[i]`` or ``for token in doc`` makes a new Token object, and
``doc.text`` joins all of them again; in rule components that look at every
token several times that cost dominates (measured: the rules ran at a
quarter of the tokenizer's speed). ``token_view(doc)`` reads the offsets
once with ``doc.to_array`` and slices the words out of the original text,
which :class:`TextKeepingTokenizer` stores on the doc; the components then
work on lists of strings and make Token objects only where a rule fires.

The tokenizer also reads LaTeX accent commands as the letters they stand
for (:mod:`extractors.latex`): the doc is made from "Poincaré", and
:func:`written` maps offsets back to the text as written ("Poincar\\'e").
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from extractors.latex import OffsetMap, decode_accents

VIEW_KEY = "kg_token_view"
#: Tokens that end a written word even when glued to it: "X," "X." "(X)" '"X"'.
_WORD_BREAKS = frozenset(",.;:()\"'/")
TEXT_KEY = "kg_text"
#: Set when the doc's text differs from the text as written: (written text, decoded ends, shifts).
WRITTEN_KEY = "kg_written"


class TextKeepingTokenizer:
    """Wraps a tokenizer so that each doc remembers the exact string it was made from.

    LaTeX accents are decoded first, so that "Poincar\\'e" or "Fr\\'{e}chet"
    is one word with the shape of a word; the written text and the offset
    map stay in ``user_data`` (as plain lists, serialisable) for
    :func:`written`. Texts without a backslash cost one ``in`` test.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        decoded, offsets = decode_accents(text)
        doc = self.tokenizer(decoded)
        doc.user_data[TEXT_KEY] = decoded
        if offsets is not None:
            doc.user_data[WRITTEN_KEY] = (text, list(offsets.decoded_ends), list(offsets.shifts))
        return doc

    def __getattr__(self, name: str):  # pipe(), to_disk() and the rest go to the real tokenizer
        return getattr(self.tokenizer, name)


@dataclass
class TokenView:
    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    space: list[bool]  # whitespace follows the token
    sentence_starts: list[int]  # token indices where sentences start (empty if not split)
    ends: list[int] = field(default_factory=list)  # character offsets just past each token
    #: span-group key -> (the SpanGroup last written through :func:`write_spans`, its Span objects)
    span_cache: dict = field(default_factory=dict, repr=False, compare=False)
    _capitalised: list[int] | None = field(default=None, repr=False, compare=False)

    def capitalised(self) -> list[int]:
        """Indices of the tokens whose first character is upper case, found once a doc (several rules start only there)."""
        if self._capitalised is None:
            self._capitalised = [i for i, word in enumerate(self.words) if word[0].isupper()]  # tokens are never empty
        return self._capitalised

    def word_end(self, i: int) -> int:
        """The token after the written word that starts at token ``i``: the tokens glued to it without a
        space, up to a comma, stop, colon, bracket, quote or slash ("Path-512", "RIM-ONE-r3" in "..., RIM-ONE-r3,";
        "Yes" in "Yes/No")."""
        end = i
        while end + 1 < len(self.words) and not self.space[end] and self.words[end + 1] not in _WORD_BREAKS \
                and not self.words[end + 1][:1].isspace():  # a line break is a token of its own
            end += 1
        return end + 1

    def word_start(self, i: int) -> int:
        """The first token of the written word that holds token ``i`` (the mirror of :meth:`word_end`)."""
        start = i
        while start > 0 and not self.space[start - 1] and self.words[start - 1] not in _WORD_BREAKS \
                and not self.words[start - 1][:1].isspace() and not self.words[start][:1].isspace():
            start -= 1
        return start

    def end(self, i: int) -> int:
        """Character offset just past token ``i``."""
        return self.ends[i]

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token range (start, end) of the sentence holding token ``i``."""
        if not self.sentence_starts:
            return 0, len(self.words)
        k = bisect_right(self.sentence_starts, i) - 1
        start = self.sentence_starts[max(k, 0)]
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.words)
        return start, end


class WordFlags(dict):
    """word -> ``test(word)``, remembered, for rules that test every token of a doc.

    A test of the word alone gives the same answer doc after doc, and the
    words come back: :meth:`indices` looks each token up in C (``map`` over
    the dict) instead of running a Python test per token (measured on the
    appositive-name scan: 0.043 -> 0.018 CPU s on 2,000 abstracts; a test
    as cheap as ``word[0].isupper()`` is cheaper in a list comprehension).
    Bounded: forgotten when it grows large.
    """

    def __init__(self, test: Callable[[str], bool], limit: int = 200_000) -> None:
        super().__init__()
        self.test = test
        self.limit = limit

    def __missing__(self, word: str) -> bool:
        if len(self) > self.limit:
            self.clear()
        flag = self[word] = self.test(word)
        return flag

    def indices(self, words: list[str], start: int = 0) -> list[int]:
        """The indices (from ``start`` on) of the words the test holds for, in order."""
        return list(compress(range(start, len(words)), map(self.__getitem__, words[start:])))


def positions(words: list[str], word: str, start: int = 0) -> list[int]:
    """The indices (from ``start`` on) at which ``word`` stands in ``words``, in order.

    ``list.index`` scans in C: for one word an abstract holds a few times this
    is cheaper than a Python step per token (measured: 3 us against 4.5 us an
    abstract), but not for several words, one scan each: a set test per
    token in a list comprehension is cheaper there.

    >>> positions(["a", "b", "a", "c", "a"], "a", 1)
    [2, 4]
    """
    found = []
    i = start - 1
    try:
        while True:
            i = words.index(word, i + 1)
            found.append(i)
    except ValueError:
        return found


def doc_text(doc: Doc) -> str:
    """The doc's text without rebuilding it from tokens when the tokenizer kept it."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


def written(doc: Doc) -> tuple[str, OffsetMap | None]:
    """The text as written and the map from the doc's offsets to it (None: they are the same)."""
    stored = doc.user_data.get(WRITTEN_KEY)
    if stored is None:
        return doc_text(doc), None
    text, ends, shifts = stored
    return text, OffsetMap(tuple(ends), tuple(shifts))


def token_view(doc: Doc, refresh: bool = False) -> TokenView:
    """The view of ``doc``, built on first use (``refresh`` after sentence boundaries change)."""
    view = doc.user_data.get(VIEW_KEY)
    if view is not None and not refresh:
        return view
    return build_view(doc, read_sentences=True)


def read_spans(doc: Doc, key: str) -> list[Span]:
    """A new list of the spans in ``doc.spans[key]`` (empty if there is none).

    Reading a span group makes a new Span object per span (~3 us each), and
    every rule component reads the whole mention list again; the Span objects
    last stored by :func:`write_spans` are handed back instead while the
    group is still the one written (same object, same length), which is the
    same spans: a group stores each span's values, and nothing changes them.
    """
    group = doc.spans.get(key)
    if group is None:
        return []
    view = doc.user_data.get(VIEW_KEY)
    if view is not None:
        cached = view.span_cache.get(key)
        if cached is not None and cached[0] is group and len(cached[1]) == len(group):
            return list(cached[1])
    return list(group)


def write_spans(doc: Doc, key: str, spans: Iterable[Span]) -> None:
    """``doc.spans[key] = spans``, remembering the Span objects for :func:`read_spans`."""
    spans = list(spans)
    doc.spans[key] = spans
    view = doc.user_data.get(VIEW_KEY)
    if view is not None:
        view.span_cache[key] = (doc.spans[key], spans)


def build_view(doc: Doc, read_sentences: bool) -> TokenView:
    """Build and store the view; ``read_sentences=False`` leaves ``sentence_starts`` empty for the caller to set.

    The sentence component builds the view before there are any boundaries
    to read, so it skips reading them (a ``SENT_START`` column and a
    ``has_annotation`` scan over every token). The lists are made in the
    cheapest forms measured (per abstract of ~236 tokens: 230 -> 150 us):
    one ``to_array`` for offsets and spaces, token ends added in numpy,
    ``str.lower`` mapped over the words, the space flags compared in numpy.
    """
    text = doc_text(doc)
    if len(doc) == 0:
        view = TokenView(text, [], [], [], [], [], [])
    else:
        array = doc.to_array([IDX, LENGTH, SPACY])
        starts = array[:, 0].tolist()
        ends = (array[:, 0] + array[:, 1]).tolist()
        words = [text[s:e] for s, e in zip(starts, ends)]
        sentence_starts: list[int] = []
        if read_sentences and doc.has_annotation("SENT_START"):
            sentence_starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
            if sentence_starts and sentence_starts[0] != 0:
                sentence_starts.insert(0, 0)
        view = TokenView(
            text=text,
            words=words,
            lower=list(map(str.lower, words)),
            starts=starts,
            space=(array[:, 2] != 0).tolist(),
            sentence_starts=sentence_starts,
            ends=ends,
        )
    doc.user_data[VIEW_KEY] = view
    return view
