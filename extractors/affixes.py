"""Faster affix searches for the tokenizer, with the very matches of spaCy's compiled regexes.

Suffixes are explained here; :class:`PrefixSearch` groups the prefix rules
by their first character the same way, and :class:`InfixFinditer` tries the
infix regex only where a match can begin.

spaCy's suffix regex is one alternation of ~260 rules, each anchored at the
end (``rule$``). ``search`` tries every start position of the string and, at
each, every rule: most rules begin with a look-behind, so the regex engine
cannot skip positions, and on the tokenizer's cache misses that search was
a third of the tokenizer's time (2,000 abstracts: 0.20 of 0.62 CPU s).

Every match of a rule ends with the string's last character, so only the
rules whose last element can match that character can match at all. The
rules are grouped by that character once (from the parsed regex, so the
grouping over-approximates and never leaves out a rule that could match),
and a string is searched with its group's rules alone, in their original
order. The leftmost match is then the same one: no position before it
matches any rule of the group (nor of the whole set: the others cannot
match there either), and at its position a rule of the group matches and
ends where every successful rule ends, at the end of the string. A string
ending in a line break (where ``$`` may also match before it) and any rule
set the analysis cannot read go to the full regex.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # noqa: N812  (the regex parser's opcodes)
from re import _parser


class _Unreadable(Exception):
    """A rule whose possible last characters the analysis does not work out."""


#: The longest character range expanded into a set; wider ones (none among spaCy's rules) are unreadable.
_MAX_RANGE = 200_000


def _class_chars(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, ...: not worth reading
            raise _Unreadable(op)
    return chars


def _last_chars(items, first: bool = False) -> set[str]:
    """The characters the last (``first``: the first) consumed character of a match of ``items`` (a parsed
    sequence) can be."""
    chars: set[str] = set()
    for op, av in (list(items) if first else reversed(list(items))):
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width
        if op is C.LITERAL:
            return chars | {chr(av)}
        if op is C.IN:
            return chars | _class_chars(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _, sub = av
            chars |= _last_chars(sub, first)
            if low >= 1 and sub.getwidth()[0] >= 1:
                return chars
            continue  # may match nothing: the element before may end the match
        if op is C.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE:
                raise _Unreadable(op)
            chars |= _last_chars(sub, first)
            if sub.getwidth()[0] >= 1:
                return chars
            continue
        if op is C.BRANCH:
            _, subs = av
            for sub in subs:
                chars |= _last_chars(sub, first)
            if min(sub.getwidth()[0] for sub in subs) >= 1:
                return chars
            continue
        raise _Unreadable(op)  # ANY, NOT_LITERAL, group references, ...
    raise _Unreadable("may match the empty string")


class SuffixSearch:
    """``compile_suffix_regex(entries).search``, answering from the rules that can end with the string's last character.

    ``pattern`` is the full regex's, so spaCy's tokenizer serialises this as
    it does a compiled regex's ``search`` (``suffix_search.__self__.pattern``).
    """

    def __init__(self, entries: Iterable[str]) -> None:
        rules = [piece + "$" for piece in entries if piece.strip()]  # as spacy.util.compile_suffix_regex
        self.full = re.compile("|".join(rules))
        self.pattern = self.full.pattern
        self.by_last: dict[str, re.Pattern] | None = None
        try:
            self.by_last = _group_by_last_char(rules)
        except _Unreadable:
            pass

    def search(self, string: str):
        """The leftmost match of a rule at the end of ``string``, or None."""
        by_last = self.by_last
        if by_last is None or not string or string[-1] == "\n":
            return self.full.search(string)
        rules = by_last.get(string[-1])
        return rules.search(string) if rules is not None else None


def _group_by_last_char(rules: list[str]) -> dict[str, re.Pattern]:
    """Last character -> the regex of the rules (in their order) a match of which can end with it."""
    endings: list[set[str]] = []
    for rule in rules:
        parsed = _parser.parse(rule)
        if parsed.state.flags & re.IGNORECASE:
            raise _Unreadable("case-insensitive")
        items = list(parsed)
        if not items or items[-1] != (C.AT, C.AT_END):  # also a rule with "|" of its own: it ends in a branch
            raise _Unreadable("not anchored at the end")
        endings.append(_last_chars(items))
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    by_last: dict[str, re.Pattern] = {}
    for char in set().union(*endings):
        chosen = tuple(k for k, chars in enumerate(endings) if char in chars)
        if chosen not in compiled:
            compiled[chosen] = re.compile("|".join(rules[k] for k in chosen))
        by_last[char] = compiled[chosen]
    return by_last


class PrefixSearch:
    """``compile_prefix_regex(entries).search``, answering from the rules that can begin with the first character.

    Every rule is anchored at the start (``^rule``), so a match begins at the
    first character, and at that position the full regex tries the rules in
    order: the first rule that matches there, among those that can begin
    with that character (grouped once from the parsed rules, as for
    suffixes), is the same match. ~120 rules are otherwise tried one by one
    on every cache miss of the tokenizer, most of them for words that no
    rule begins ("learning").
    """

    def __init__(self, entries: Iterable[str]) -> None:
        rules = ["^" + piece for piece in entries if piece.strip()]  # as spacy.util.compile_prefix_regex
        self.full = re.compile("|".join(rules))
        self.pattern = self.full.pattern
        self.by_first: dict[str, re.Pattern] | None = None
        try:
            self.by_first = _group_by_first_char(rules)
        except _Unreadable:
            pass

    def search(self, string: str):
        """The match of the first rule that matches at the start of ``string``, or None."""
        by_first = self.by_first
        if by_first is None or not string:
            return self.full.search(string)
        rules = by_first.get(string[0])
        return rules.search(string) if rules is not None else None


def _group_by_first_char(rules: list[str]) -> dict[str, re.Pattern]:
    """First character -> the regex of the rules (in their order) a match of which can begin with it."""
    beginnings: list[set[str]] = []
    for rule in rules:
        parsed = _parser.parse(rule)
        if parsed.state.flags & (re.IGNORECASE | re.MULTILINE):
            raise _Unreadable("case-insensitive or multi-line")
        items = list(parsed)
        if not items or items[0] != (C.AT, C.AT_BEGINNING):  # also a rule with "|" of its own
            raise _Unreadable("not anchored at the start")
        beginnings.append(_last_chars(items, first=True))
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    by_first: dict[str, re.Pattern] = {}
    for char in set().union(*beginnings):
        chosen = tuple(k for k, chars in enumerate(beginnings) if char in chars)
        if chosen not in compiled:
            compiled[chosen] = re.compile("|".join(rules[k] for k in chosen))
        by_first[char] = compiled[chosen]
    return by_first


class InfixFinditer:
    """``compile_infix_regex(entries).finditer``, skipping strings with no character an infix can begin with.

    Most chunks that reach the infix rules are plain words ("learning"),
    in which no rule can match: every match starts with a character of the
    set read from the parsed rules (over-approximated, as for suffixes).
    """

    def __init__(self, entries: Iterable[str]) -> None:
        rules = [piece for piece in entries if piece.strip()]  # as spacy.util.compile_infix_regex
        self.full = re.compile("|".join(rules))
        self.pattern = self.full.pattern
        self.starts: frozenset[str] | None = None
        try:
            chars: set[str] = set()
            for rule in rules:
                parsed = _parser.parse(rule)
                if parsed.state.flags & re.IGNORECASE:
                    raise _Unreadable("case-insensitive")
                chars |= _last_chars(list(parsed), first=True)
            self.starts = frozenset(chars)
        except _Unreadable:
            pass

    def finditer(self, string: str):
        """The infix matches in ``string``, as the full regex finds them.

        Only where a match can begin is the regex tried (``match`` at that
        position, whose look-behind still sees the characters before it):
        every rule opens with a look-behind over a large class, so the full
        regex's scan costs about a microsecond a character. Successive
        matches do not overlap, as the scan's do not; no rule matches the
        empty string (``starts`` is None otherwise).
        """
        starts = self.starts
        if starts is None:
            return self.full.finditer(string)
        if starts.isdisjoint(string):
            return iter(())
        found = []
        end = 0
        for at, char in enumerate(string):
            if at >= end and char in starts:
                match = self.full.match(string, at)
                if match is not None:
                    found.append(match)
                    end = match.end()
        return iter(found)
