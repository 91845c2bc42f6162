"""A learning paradigm named as the problem a paper works on is a TASK, not a METHOD.

"Continual learning", "transfer learning" or "reinforcement learning" are
techniques when a paper uses them ("we pre-train with self-supervised
learning") and problems when it works on them ("a benchmark for continual
learning", "class-incremental learning settings"). The guidelines choose
the label by the role in the sentence; this component reads the role from
the words around each mention: a preposition of purpose or topic before it
("for", "in", "towards"), or a problem noun after it ("tasks", "settings",
"scenarios"). One such use makes the paradigm the paper's task in all its
mentions, so the paper has one entity for it.

Runs after the entity rules; rewrites ``label_`` of spans in
``doc.spans["kg_mentions"]``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY
from extractors.tokens import token_view

#: Words right before a paradigm that make it the topic: "for continual learning", "in transfer learning".
TOPIC_BEFORE = frozenset({"for", "in", "towards", "toward", "address", "addresses", "tackle", "tackles",
                          "study", "studies", "studying", "on"})
#: Words right after a paradigm that make it a problem: "continual learning settings", "... tasks".
PROBLEM_AFTER = frozenset({"task", "tasks", "setting", "settings", "problem", "problems", "scenario", "scenarios",
                           "benchmark", "benchmarks", "research", "literature", "community", "field", "paradigm"})
PARADIGM_HEADS = ("learning",)


@Language.component("kg_paradigm_roles")
def paradigm_roles_component(doc: Doc) -> Doc:
    mentions = list(doc.spans.get(MENTIONS_KEY, []))
    view = token_view(doc)
    lower = view.lower
    as_task: set[str] = set()
    for span in mentions:
        name = span.kb_id_ or span.text
        if span.label_ != "METHOD" or not name.lower().endswith(PARADIGM_HEADS) or " " not in name.strip():
            continue
        before = lower[span.start - 1] if span.start > 0 else ""
        after = lower[span.end] if span.end < len(lower) else ""
        if before in TOPIC_BEFORE or after in PROBLEM_AFTER:
            as_task.add(name)
    if as_task:
        doc.spans[MENTIONS_KEY] = [
            Span(doc, s.start, s.end, label="TASK", kb_id=s.kb_id_, span_id=s.id_)
            if s.label_ == "METHOD" and (s.kb_id_ or s.text) in as_task else s
            for s in mentions
        ]
    return doc
