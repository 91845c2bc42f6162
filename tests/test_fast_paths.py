"""The fast forms of extraction steps agree with their plain statements.

Speed work replaced token-by-token loops with scans that look at fewer
tokens; each such scan is checked here against the plain loop it replaces,
on constructed texts with the awkward cases and on a sample of real docs.
"""
from __future__ import annotations

import pytest

from extractors.pipeline import make_nlp
from extractors.sentences import sentence_starts, sentence_starts_in_text
from extractors.tokens import build_view, token_view

TEXTS = [
    "",
    "Title\n\nWe win. It works (really). Done!",
    "A title\nNo break here... Next one? Yes!! \"Quoted.\" 'Single.' (Bracketed.) [x.] {y.}",
    "Values like 81.5% and e.g. 3.2x do not end sentences. Dr. Smith disagrees.",
    " leading space. trailing space. ",
    "line\n \n breaks \n\n\n and . . . dots…and more… end",
    "Ends with closers.)\" ",
    "No ender at all",
    ".",
    "\n",
    "Unicode ” closers.” Next. » guillemets.» Last.’",
]


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(("rules",))


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_scan_matches_the_token_walk(nlp, text):
    doc = nlp.make_doc(text)
    view = build_view(doc, read_sentences=False)
    assert sentence_starts_in_text(view.text, view.words, view.starts) == sentence_starts(view.words)


@pytest.mark.parametrize("text", TEXTS)
def test_view_reads_the_sentences_the_component_set(nlp, text):
    doc = nlp("Some title\n\n" + text)  # the pipeline released its view: this one reads the doc's boundaries
    doc_view = token_view(doc)
    plain = sentence_starts(doc_view.words)
    assert doc_view.sentence_starts == plain
    assert doc_view.ends == [s + len(w) for s, w in zip(doc_view.starts, doc_view.words)]
    assert doc_view.space == [bool(t.whitespace_) for t in doc]
    assert doc_view.lower == [t.lower_ for t in doc]


def _spans(match):
    return match.span() if match is not None else None


def test_suffix_search_finds_the_full_regex_matches():
    """The per-last-character rule groups give the full suffix regex's match on every awkward ending."""
    import random

    import spacy

    from extractors.affixes import SuffixSearch

    search = SuffixSearch(list(spacy.blank("en").Defaults.suffixes) + [r"(?<=[0-9A-Z])\."])
    assert search.by_last is not None  # spaCy's rules are all readable: the fast path is in use
    words = ["", "learning", "ResNet-50.", "10km", "10km/h", "GPT's", "models’", "US$", "5US$", "x...", "a……",
             "(a)", "\"quoted\"", "81.5%", "e.g.", "U.S.", "30°C.", "end\n", "km\n", "BERT-base),", "®", "3+"]
    random.seed(7)
    alphabet = "0123456789.'’sSkmgKMBT%$…,)(\"]-aAé°\n"
    words += ["".join(random.choice(alphabet) for _ in range(random.randint(1, 7))) for _ in range(20_000)]
    for word in words:
        assert _spans(search.search(word)) == _spans(search.full.search(word)), word


def test_unreadable_suffix_rules_use_the_full_regex():
    """A rule the analysis cannot read (here one that may match nothing) turns the fast path off."""
    from extractors.affixes import SuffixSearch

    search = SuffixSearch([r"\.", r"x*"])
    assert search.by_last is None
    assert _spans(search.search("ab")) == _spans(search.full.search("ab")) == (2, 2)


def test_tokenizer_serialises_its_suffix_pattern(nlp):
    """spaCy writes ``suffix_search.__self__.pattern``: the fast search keeps the full regex's pattern."""
    assert nlp.tokenizer.suffix_search.__self__.pattern == nlp.tokenizer.suffix_search.__self__.full.pattern
    assert nlp.tokenizer.to_bytes()


def test_mention_spans_read_back_as_written(nlp):
    """read_spans hands back the Span objects write_spans stored while the group is the one written,
    and reads the group itself once it was replaced behind the cache's back."""
    from spacy.tokens import Span

    from extractors.tokens import read_spans, write_spans

    doc = nlp.make_doc("We train ResNet on ImageNet.")
    build_view(doc, read_sentences=False)
    spans = [Span(doc, 2, 3, label="ARCHITECTURE", kb_id="ResNet", span_id="gazetteer")]
    write_spans(doc, "kg_mentions", spans)
    assert read_spans(doc, "kg_mentions")[0] is spans[0]
    doc.spans["kg_mentions"] = [Span(doc, 4, 5, label="DATASET", kb_id="ImageNet")]
    assert [(s.start, s.label_) for s in read_spans(doc, "kg_mentions")] == [(4, "DATASET")]
    doc.spans["kg_mentions"].append(Span(doc, 2, 3, label="ARCHITECTURE"))
    assert len(read_spans(doc, "kg_mentions")) == 2
    assert read_spans(doc, "missing") == []


def test_infix_finditer_finds_the_full_regex_matches(nlp):
    """Skipping strings with no character an infix can begin with loses no infix match."""
    import random

    from extractors.affixes import InfixFinditer

    search = nlp.tokenizer.infix_finditer.__self__
    assert isinstance(search, InfixFinditer) and search.starts is not None
    assert not any(ch.isalnum() for ch in search.starts)  # plain words skip the regex
    words = ["", "learning", "ResNet-50", "a.B", "x,y", "1+2", "a/b", "(x)", "a...b", "a—b", "x|y", "3^2"]
    random.seed(11)
    alphabet = "0123456789.'’sSkmgK%$…,)(-–—/:aAz^+*|{}[]~<=>"
    words += ["".join(random.choice(alphabet) for _ in range(random.randint(1, 8))) for _ in range(20_000)]
    for word in words:
        assert [m.span() for m in search.finditer(word)] == [m.span() for m in search.full.finditer(word)], word


def test_size_after_name_agrees_with_the_pattern_per_name():
    """coined._written_with_size finds what ``re.search(re.escape(name) + _SIZE_AFTER, text)`` finds."""
    import random
    import re

    from extractors.coined import _SIZE_AFTER, _written_with_size

    def per_name_pattern(text, name):
        return re.search(re.escape(name) + _SIZE_AFTER, text) is not None or \
            re.search(_SIZE_AFTER + "$", name) is not None

    cases = [("MagicVL-2B is good", "MagicVL"), ("X and X-32B", "X"), ("X-32Bx", "X"), ("", ""), ("7B", ""),
             ("AA-7B", "A"), ("a.b-1.5B", "a.b"), ("X\u20107B", "X"), ("X 7M.", "X"), ("X-7", "X-7B")]
    random.seed(5)
    alphabet = "AXx-\u2010 .17B5M"
    cases += [("".join(random.choice(alphabet) for _ in range(random.randint(0, 12))),
               "".join(random.choice(alphabet) for _ in range(random.randint(0, 3)))) for _ in range(20_000)]
    for text, name in cases:
        assert _written_with_size(text, name) == per_name_pattern(text, name), (text, name)


def test_word_end_covers_the_glued_written_word_and_stops_at_punctuation_slash_and_line_breaks():
    from extractors.pipeline import shared_nlp
    from extractors.tokens import token_view

    doc = shared_nlp(("rules",))("Title on the Edge\n\nWe test RIM-ONE-r3, Path-512 and Yes/No.")
    view = token_view(doc)
    at = {word: i for i, word in enumerate(view.words)}
    assert view.text[view.starts[at["RIM"]] : view.ends[view.word_end(at["RIM"]) - 1]] == "RIM-ONE-r3"
    assert view.text[view.starts[at["Path"]] : view.ends[view.word_end(at["Path"]) - 1]] == "Path-512"
    assert view.word_end(at["Yes"]) == at["Yes"] + 1
    assert view.word_end(at["Edge"]) == at["Edge"] + 1


URL_TEXTS = [
    "Code: https://github.com/a/b.",
    "See HTTPS://Example.org/x and www.site.com, or GitHub.com/u/r (mirror: gitlab.com/u/r).",
    "mail me@github.com/x or a/github.com/x; then huggingface.co/m and bitbucket.org/t!",
    "x{https://x.io/p}https://x.io/p twice",
    "Non-ASCII: Poincaré at https://pages.net/é and ſome httpſ://odd.org/y",
    "no links here, only e.g. co-training and .org charts",
]


@pytest.mark.parametrize("text", URL_TEXTS)
def test_url_scan_from_the_first_candidate_finds_what_the_whole_scan_finds(text):
    from extractors.urls import URL_PATTERN, _TRAILING, find_urls

    whole = []
    for match in URL_PATTERN.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end - start > len("https://"):
            whole.append((start, end))
    assert find_urls(text) == whole


def test_word_flags_indices_are_the_words_the_test_holds_for():
    from extractors.tokens import WordFlags, positions

    words = ["We", "use", "X2", ",", "namely", "ResNet", "and", "x", "X2"]
    flags = WordFlags(lambda w: w[:1].isupper() or w[-1:].isdigit())
    assert flags.indices(words) == [i for i, w in enumerate(words) if w[:1].isupper() or w[-1:].isdigit()]
    assert flags.indices(words, 3) == [5, 8]
    assert positions(words, "X2") == [2, 8] and positions(words, "X2", 3) == [8] and positions(words, "Y") == []


@pytest.mark.parametrize("text", ["the model SF (long form)", "  x", "", "a\u00a0b\u2003 ", "one\ttwo\n"])
def test_last_word_is_what_the_trailing_word_pattern_finds(text):
    import re

    from extractors.abbreviations import _last_word

    for end in range(len(text) + 1):
        match = re.search(r"(\S+)\s*$", text[:end])
        assert _last_word(text, end) == ((match.start(1), match.group(1)) if match else None)


def test_prefix_search_finds_the_full_regex_matches(nlp):
    """The prefix rules grouped by first character give spaCy's compiled prefix regex's very matches."""
    import random

    from extractors.affixes import PrefixSearch

    search = nlp.tokenizer.prefix_search.__self__
    assert isinstance(search, PrefixSearch) and search.by_first is not None
    words = ["", "learning", "(ResNet", "\"x", "US$5", "$5", "C$", "...x", "…a", "§3", "'s", "''x", "+1", "-x",
             "#tag", "@me", "[1]", "«a", "\n", " ", "¿Qué", "\u2014x", "%x", "&x", "*x", "~x", ":x", "A$1", "Mex$2"]
    random.seed(5)
    alphabet = "0123456789.'’\"sSUCAMex$€£%&#@§…,)(\"[]{}<>-–—/:aAé°+*~!?¿¡\n "
    words += ["".join(random.choice(alphabet) for _ in range(random.randint(1, 6))) for _ in range(20_000)]
    for word in words:
        assert _spans(search.search(word)) == _spans(search.full.search(word)), word
