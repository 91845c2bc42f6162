"""A bare head word that refers back to the specific name the paper gave it.

An abstract names its task once in full and then by its head: "we study
fine-grained image classification ... Classification is hard because".
The bare "classification" is the same task, not a second, vaguer one, so
its mentions after the full name join the entity whose canonical name
ends in that word (a bare word before it, as in "unlike standard
convolution, we use sparse convolution", is the generic term). When
the paper names two such entities ("image classification" and "text
classification"), the bare word is ambiguous and keeps its own name.

Runs after every entity rule; rewrites ``kb_id_`` of spans in
``doc.spans["kg_mentions"]`` and lists them in
``doc.spans["kg_back_references"]``. The bare word is a mention of the entity
(evidence, offsets) but not one of its aliases: across papers,
"classification" alone still names the generic task.

>>> from extractors.pipeline import extract_record
>>> from kg.schema import Paper
>>> record = extract_record(Paper(id="p", title="Birds", abstract="We study fine-grained image classification. "
...                               "Classification is hard."))
>>> [(e.canonical, e.aliases) for e in record.entities]
[('fine-grained image classification', ['fine-grained image classification'])]
>>> [m.text for m in record.entities[0].mentions]
['fine-grained image classification', 'Classification']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY
from extractors.normalize import name_key
from extractors.tokens import read_spans, write_spans

#: Labels whose bare heads refer back ("classification", "attention"); a bare metric such as
#: "accuracy" is often a measure of its own, so metrics keep their names.
REFERRING_LABELS = ("TASK", "METHOD")
#: The rewritten spans: mentions of the entity, but not aliases of it.
BACK_REFERENCE_KEY = "kg_back_references"


@Language.component("kg_bare_heads")
def bare_heads_component(doc: Doc) -> Doc:
    mentions = read_spans(doc, MENTIONS_KEY)
    specific: dict[tuple[str, str], set[str]] = {}  # (label, head key) -> full canonical names
    first_named: dict[str, int] = {}  # full canonical name -> its first token
    for span in mentions:
        name = span.kb_id_ or span.text
        words = name.split()
        if span.label_ in REFERRING_LABELS and len(words) > 1:
            first_named[name] = min(span.start, first_named.get(name, span.start))
            for head in _heads(words[-1]):
                specific.setdefault((span.label_, head), set()).add(name)
    if not specific:
        return doc
    out, back = [], []
    for span in mentions:
        name = span.kb_id_ or span.text
        full = specific.get((span.label_, name_key(name))) if " " not in name.strip() else None
        target = next(iter(full)) if full is not None and len(full) == 1 else None
        if target is not None and first_named[target] < span.start:  # a reference looks back
            span = Span(doc, span.start, span.end, label=span.label_, kb_id=target, span_id=span.id_)
            back.append(span)
        out.append(span)
    write_spans(doc, MENTIONS_KEY, out)
    doc.spans[BACK_REFERENCE_KEY] = back
    return doc



def _heads(last_word: str) -> set[str]:
    """The keys a head is written with: "pre-training" is met as "pre-training" and "training"."""
    return {name_key(last_word), name_key(last_word.split("-")[-1])} - {""}
