"""REPO mentions: URLs of code, data and project pages.

A URL is taken without trailing punctuation, and the listing pages' habit of
writing a link twice (``https://x{https://x}``) yields one mention. E-mail
addresses are not URLs.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY
from extractors.tokens import doc_text, read_spans, write_spans

URL_PATTERN = re.compile(
    r"(?<![@\w])(?:https?://|www\.)[^\s{}<>\"'()\[\]]+"
    r"|(?<![@\w/.])(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)/[^\s{}<>\"'()\[\]]+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}>'\""
#: What every match of URL_PATTERN begins with, in lower case.
_URL_STARTS = ("http://", "https://", "www.", "github.com/", "gitlab.com/", "huggingface.co/", "bitbucket.org/")


def _first_url_start(text: str) -> int:
    """Where the first URL in ``text`` can begin (-1: nowhere), so that the pattern's scan can start there.

    The case-insensitive pattern with a look-behind at its front is tried at
    every character (~60 us an abstract, and abstracts put their links at
    the end); ``str.find`` on the lower-cased text finds the candidates at
    once. That is exact for ASCII text only (case-insensitive matching also
    folds a few other letters, such as the long s), so other text is
    scanned from the start.
    """
    if not text.isascii():
        return 0
    lower = text.lower()
    return min((at for at in map(lower.find, _URL_STARTS) if at >= 0), default=-1)


def find_urls(text: str) -> list[tuple[int, int]]:
    """Character spans of the URLs in ``text``, trailing punctuation excluded."""
    found = []
    first = _first_url_start(text)
    if first < 0:
        return found
    for match in URL_PATTERN.finditer(text, first):  # the look-behind still sees the character before
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end - start > len("https://"):
            found.append((start, end))
    return found


def canonical_url(url: str) -> str:
    """``https://www.GitHub.com/a/b/`` -> ``github.com/a/b``: scheme, www and trailing slash dropped."""
    url = re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE)
    url = url.rstrip("/")
    host, _, path = url.partition("/")
    if host.lower() in {"github.com", "gitlab.com", "huggingface.co", "bitbucket.org"}:
        return f"{host.lower()}/{path}" if path else host.lower()
    return f"{host.lower()}/{path}" if path else host.lower()


@Language.component("kg_urls")
def url_component(doc: Doc) -> Doc:
    """Adds a REPO span per URL to ``doc.spans["kg_mentions"]`` (``kb_id_`` = canonical URL)."""
    text = doc_text(doc)
    if "http" not in text and "www." not in text and ".co" not in text and ".org" not in text:
        return doc
    spans = read_spans(doc, MENTIONS_KEY)
    for start, end in find_urls(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        url = text[start:end]
        spans.append(Span(doc, span.start, span.end, label="REPO", kb_id=canonical_url(url), span_id="url"))
    write_spans(doc, MENTIONS_KEY, spans)
    return doc
