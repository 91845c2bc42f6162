"""The extraction pipeline: a blank English spaCy pipeline plus kg's components.

``make_nlp()`` builds it (no downloaded model: a blank ``en`` tokenizer with
two changes for scientific names, a sentencizer, then the extractors), and
``extract_records()`` turns papers into :class:`~kg.schema.ExtractionRecord`.

Each extractor component appends spans to ``doc.spans["kg_mentions"]``
(label = entity label, ``kb_id_`` = canonical name, ``id_`` = extractor);
``kg_resolve`` then settles overlaps and merges surface forms.

>>> from kg.schema import Paper
>>> record = extract_record(Paper(id="p1", title="Scaling up", abstract="We train ResNet-50 on ImageNet."))
>>> sorted((e.label, e.canonical) for e in record.entities)
[('ARCHITECTURE', 'ResNet-50'), ('DATASET', 'ImageNet')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors import abbreviations as _abbreviations  # noqa: F401  (registers kg_abbreviations)
from extractors import bare_heads as _bare_heads  # noqa: F401  (registers kg_bare_heads)
from extractors import roles as _roles  # noqa: F401  (registers kg_paradigm_roles)
from extractors import claims as _claims  # noqa: F401  (registers kg_claims)
from extractors import coined as _coined  # noqa: F401  (registers kg_coined_names)
from extractors import context as _context  # noqa: F401  (registers kg_context_rules, kg_variants)
from extractors import sentences as _sentences  # noqa: F401  (registers kg_sentences)
from extractors import gazetteer as _gazetteer  # noqa: F401  (registers kg_gazetteer)
from extractors import senses as _senses  # noqa: F401  (registers kg_metric_senses)
from extractors.ner import component as _ner  # noqa: F401  (registers kg_ner)
from extractors import urls as _urls  # noqa: F401  (registers kg_urls)
from extractors.affixes import InfixFinditer, PrefixSearch, SuffixSearch
from extractors.gazetteer import MENTIONS_KEY
from extractors.latex import OffsetMap
from extractors.tokens import VIEW_KEY, TextKeepingTokenizer, TokenView, doc_text, token_view, written
from kg.schema import Claim, Entity, ExtractionRecord, Mention, Paper

#: Bumped whenever extraction output can change; cached results of other versions are stale.
EXTRACTOR_VERSION = "22"

#: Distinct whitespace-separated chunks whose tokens the tokenizer remembers (spaCy's default: 10,000).
TOKENIZER_CACHE_SIZE = 1_000_000
_URL_MATCH = re.compile(r"^(?:https?://|www\.)[^\s{}<>\"'()\[\]]+$", re.IGNORECASE)


def _scientific_tokenizer(nlp: Language) -> None:
    """Split hyphens between letters and digits ("ResNet-50" -> ResNet, -, 50), at brackets and bars.

    Finer tokens let the gazetteer meet names however they are hyphenated;
    the span text is still read from the original string.
    """
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[0-9A-Za-z])[-\u2013](?=[0-9A-Za-z])", r"[{}()\[\]|]"]
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[0-9A-Z])\."]
    nlp.tokenizer.infix_finditer = InfixFinditer(infixes).finditer  # compile_infix_regex(infixes).finditer's matches
    nlp.tokenizer.prefix_search = PrefixSearch(nlp.Defaults.prefixes).search  # compile_prefix_regex's, faster
    # the same matches as spacy.util.compile_suffix_regex(suffixes).search, found faster (extractors.affixes)
    nlp.tokenizer.suffix_search = SuffixSearch(suffixes).search
    nlp.tokenizer.url_match = _URL_MATCH.match
    # spaCy caches the tokens of each whitespace-separated chunk, but only its first 10,000 distinct
    # chunks; abstracts hold far more (66,801 in 5,000 of them, 453,594 in 62,000), so past the first
    # few hundred papers most chunks went through the affix regexes again. A larger cache gives the same
    # tokens (a chunk's tokens depend on the chunk alone) at less than half the tokenizer's CPU time
    # (5,000 abstracts: 9.3-10.1 s -> 4.3-4.5 s); its memory is tens of bytes per chunk.
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)


@spacy.registry.tokenizers("kg.scientific_tokenizer.v1")
def scientific_tokenizer_factory():
    """The kg tokenizer for spaCy configs: the trained NER model sees exactly the tokens the rules see."""
    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language):
        nlp.tokenizer = default(nlp)
        _scientific_tokenizer(nlp)
        return nlp.tokenizer

    return make


#: Where ``kg_release_view`` leaves the doc's sentences for records: (first token, start char, end char) lists.
SENTENCES_KEY = "kg_sentences"


@Language.component("kg_release_view")
def release_view(doc: Doc) -> Doc:
    """Drop the shared token view: it is scratch space, not something to serialise with the doc.

    What records need of it, the sentence each mention stands in, stays as
    three lists of ints (serialisable like the rest of ``user_data``):
    rebuilding the whole view in :func:`record_from_doc` for that cost as much
    as building it in the first place (~0.2 ms an abstract).
    """
    view = doc.user_data.pop(VIEW_KEY, None)
    if view is not None:
        doc.user_data[SENTENCES_KEY] = sentence_table(view)
    return doc


def sentence_table(view: TokenView) -> tuple[list[int], list[int], list[int]]:
    """The sentences of a view: their first tokens, start characters and end characters.

    A doc without sentence boundaries is one sentence; an empty doc has none.
    """
    if not view.words:
        return [], [], []
    firsts = view.sentence_starts or [0]
    lasts = [following - 1 for following in firsts[1:]] + [len(view.words) - 1]
    return list(firsts), [view.starts[i] for i in firsts], [view.ends[i] for i in lasts]


#: The extractor sets ``--extractors`` may name: the rule components, and the trained model.
EXTRACTORS = ("rules", "ner")
#: The rules alone: on the dev gold the trained model adds no F1 to them (README, "The NER extractor")
#: and doubles their time, so it is opt-in with --extractors rules,ner.
DEFAULT_EXTRACTORS = ("rules",)


def parse_extractors(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"rules,ner"`` -> ``("rules", "ner")``, in canonical order; None is the default set.

    Unknown names raise ValueError. Every entry point passes its choice (or
    None) through here, so the default is decided in one place.

    >>> parse_extractors("ner, rules")
    ('rules', 'ner')
    >>> parse_extractors(None)
    ('rules',)
    """
    if value is None:
        return DEFAULT_EXTRACTORS
    names = [n.strip() for n in (value.split(",") if isinstance(value, str) else value) if n.strip()]
    unknown = sorted(set(names) - set(EXTRACTORS))
    if unknown or not names:
        raise ValueError(f"unknown extractors {unknown or names!r}: choose from {', '.join(EXTRACTORS)}")
    return tuple(n for n in EXTRACTORS if n in names)


def make_nlp(extractors: Iterable[str] | None = None) -> Language:
    """A fresh extraction pipeline with the given extractors ("rules", "ner" or both).

    The model runs after every rule component, so its spans only fill gaps
    the rules left (:mod:`extractors.ner.component`), and before the claims,
    which may then name what it found.
    """
    chosen = parse_extractors(extractors)
    nlp = spacy.blank("en")
    _scientific_tokenizer(nlp)
    nlp.add_pipe("kg_sentences")
    if "rules" in chosen:
        nlp.add_pipe("kg_urls")
        nlp.add_pipe("kg_gazetteer")
        nlp.add_pipe("kg_variants")
        nlp.add_pipe("kg_metric_senses")
        nlp.add_pipe("kg_abbreviations")
        nlp.add_pipe("kg_coined_names")
        nlp.add_pipe("kg_context_rules")
    if "ner" in chosen:
        nlp.add_pipe("kg_ner")
    nlp.add_pipe("kg_paradigm_roles")  # roles and back-references apply to every extractor's mentions
    nlp.add_pipe("kg_bare_heads")
    nlp.add_pipe("kg_claims")
    nlp.add_pipe("kg_release_view")
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(extractors: tuple[str, ...] = DEFAULT_EXTRACTORS) -> Language:
    """One pipeline per process and extractor set (building it reads the gazetteers and the model)."""
    return make_nlp(extractors)


def record_from_doc(paper: Paper, doc: Doc) -> ExtractionRecord:
    """Group a doc's mention spans into one entity per (label, canonical name).

    Offsets come from the spans themselves (spaCy stores their characters)
    and sentences from the table ``kg_release_view`` left, so no token view
    is rebuilt; a doc that did not pass through the whole pipeline gets its
    table from a view. The doc's text has LaTeX accents decoded; mentions
    and evidence are mapped back to the text as written (their offsets
    index ``Paper.text``), while canonical names keep the decoded letters.
    """
    text = doc_text(doc)
    as_written, offsets = written(doc)
    table = doc.user_data.get(SENTENCES_KEY) or sentence_table(token_view(doc))
    by_name: dict[tuple[str, str], Entity] = {}
    proposed = {(s.start, s.end) for s in doc.spans.get(_coined.PROPOSED_KEY, [])}
    families = {(s.start, s.end): s.kb_id_ for s in doc.spans.get(_context.FAMILY_SPAN_KEY, [])}
    back_references = {(s.start, s.end) for s in doc.spans.get(_bare_heads.BACK_REFERENCE_KEY, [])}
    for span in sorted(doc.spans.get(MENTIONS_KEY, []), key=lambda s: (s.start_char, s.end_char)):
        label, canonical = span.label_, span.kb_id_ or span.text
        tokens = (span.start, span.end)
        entity = by_name.get((label, canonical))
        if entity is None:
            entity = by_name[(label, canonical)] = Entity(label=label, canonical=canonical)
        if tokens in proposed:
            entity.proposed = True
        if tokens in families:
            entity.family = families[tokens]
        mention = _mention(text, table, span, label, as_written, offsets)
        entity.mentions.append(mention)
        if mention.text not in entity.aliases and tokens not in back_references:
            entity.aliases.append(mention.text)
    gazetteer = _gazetteer.load_gazetteer()
    for entity in by_name.values():
        if entity.family is not None:
            continue
        entry = gazetteer.by_canonical(entity.label, entity.canonical)
        if entry is not None and entry.family and entry.family != entity.canonical:
            entity.family = entry.family
    claims = [Claim(**_written_claim(fields, as_written, offsets))
              for fields in doc.user_data.get(_claims.CLAIMS_KEY, [])]
    return ExtractionRecord(paper=paper, entities=list(by_name.values()), claims=claims)


def _written_claim(fields: dict, as_written: str, offsets: OffsetMap | None) -> dict:
    """A claim's fields with its evidence offsets and text in the text as written."""
    if offsets is None:
        return fields
    start, end = offsets.original(fields["start"]), offsets.original(fields["end"])
    return {**fields, "start": start, "end": end, "evidence": as_written[start:end].strip()}


def _mention(text: str, table: tuple[list[int], list[int], list[int]], span: Span, label: str,
             as_written: str, offsets: OffsetMap | None) -> Mention:
    start, end = span.start_char, span.end_char
    if label == "REPO":  # a token may carry more than the URL ("x{x}")
        for url_start, url_end in _urls.find_urls(text[start:end]):
            start, end = start + url_start, start + url_end
            break
    firsts, sentence_starts, sentence_ends = table
    k = bisect_right(firsts, span.start) - 1
    sent_start, sent_end = sentence_starts[k], sentence_ends[k]
    if offsets is not None:
        start, end = offsets.original(start), offsets.original(end)
        sent_start, sent_end = offsets.original(sent_start), offsets.original(sent_end)
    return Mention(
        text=as_written[start:end],
        start=start,
        end=end,
        extractor=span.id_ or "rules",
        sent_start=sent_start,
        sent_end=sent_end,
    )


def extract_records(papers: Iterable[Paper], batch_size: int = 64,
                    extractors: Iterable[str] | None = None) -> Iterator[ExtractionRecord]:
    """Extract every paper, streaming: records come out in input order."""
    nlp = shared_nlp(parse_extractors(extractors))
    papers_iter = iter(papers)
    pending: deque[Paper] = deque()

    def texts() -> Iterator[str]:
        for paper in papers_iter:
            pending.append(paper)
            yield paper.text

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        yield record_from_doc(pending.popleft(), doc)


def extract_record(paper: Paper, extractors: Iterable[str] | None = None) -> ExtractionRecord:
    """Extract one paper."""
    return record_from_doc(paper, shared_nlp(parse_extractors(extractors))(paper.text))
