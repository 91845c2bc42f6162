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


def find_urls(text: str) -> list[tuple[int, int]]:
    """Character spans of the URLs in ``text``, trailing punctuation excluded."""
    found = []
    for match in URL_PATTERN.finditer(text):
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
