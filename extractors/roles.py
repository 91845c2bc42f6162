"""A learning paradigm named as the problem a paper works on is a TASK, not a METHOD.

"Continual learning", "transfer learning" or "reinforcement learning" are
techniques when a paper uses them ("we pre-train with self-supervised
learning") and problems when it works on them ("a benchmark for continual
learning", "class-incremental learning settings"). The guidelines choose
the label by the role in the sentence; this component reads the role from
the words around each mention:

* a preposition of purpose or topic before it ("for", "in", "towards"), or
  "of" after a problem noun ("the task of multimodal learning");
* a problem noun after it ("tasks", "settings", "scenarios");
* coordination with a task named as a topic ("advances in language
  modeling and multimodal learning": the two are named as the same kind of
  thing; a bare "X and Y" is not enough, "summarization or reinforcement
  learning" may name a problem and a technique);
* a list introduced as problems or tasks ("problems, including continual
  learning, transfer learning, weight pruning", "tasks such as ..."): there
  any listed technique, whatever its head word, is named as a problem.

One such use makes the paradigm the paper's task in all its mentions, so
the paper has one entity for it.

The other way round, a phrase headed by a task word is a technique when a
technique noun follows it: "a bipartite matching approach", "an online
triplet mining method", "a low-pass filtering mechanism". For the heads that
name a procedure (matching, clustering, filtering, mining) any technique
noun decides; for the other task heads only a "strategy", "mechanism",
"scheme" or "procedure" does ("a progressive generation strategy"), and
only for phrases no list knows as a task: "an image denoising method" is a
method for the task, not a technique called image denoising.

A name labelled ARCHITECTURE by its own wording (a "... Networks" long
form, a "-Net" shape, a coined name with nothing telling after it) is a
technique when the sentence names it as one: an item of a list of
paradigms, strategies or schemes ("two paradigms: A-as-Predictor, which
..., and B-as-Predictor"), or the name a singular technique noun gives
after "namely" or a colon ("an effective method, namely X", "a novel
approach: Y"). Lists under "methods" or "techniques" are not enough:
abstracts list models there ("methods such as GANs and VAEs"). Likewise a
proper name the paper gives a module, layer, operator or mechanism ("a
Radar Feature Enhancement (RFE) module", "a Prototype Graph Neural Network
(PGNN) layer") names a building block, a METHOD, whether its head word
says task or network; "an image reconstruction module" (not a name) and
"Transformer layers" (a known architecture) keep their labels.

Runs after the entity rules; rewrites ``label_`` of spans in
``doc.spans["kg_mentions"]``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY, load_gazetteer
from extractors.tokens import TokenView, read_spans, token_view, write_spans

#: Words right before a paradigm that make it the topic: "for continual learning", "in transfer learning".
TOPIC_BEFORE = frozenset({"for", "in", "towards", "toward", "address", "addresses", "tackle", "tackles",
                          "study", "studies", "studying", "on"})
#: Prepositions that make a coordination a list of topics ("advances in X and Y"; "rely on X or Y" is not).
TOPIC_OF_LIST = frozenset({"for", "in", "towards", "toward"})
#: Words right after a paradigm that make it a problem: "continual learning settings", "... tasks".
PROBLEM_AFTER = frozenset({"task", "tasks", "setting", "settings", "problem", "problems", "scenario", "scenarios",
                           "benchmark", "benchmarks", "research", "literature", "community", "field", "paradigm"})
#: Nouns that introduce what follows as a problem: "the task of X", "problems, including X, Y".
PROBLEM_NOUNS = frozenset({"task", "tasks", "problem", "problems", "area", "areas",
                           "application", "applications", "domain", "domains"})
#: Words that open a list of examples after a problem noun ("such" precedes "as").
LIST_CUES = frozenset({"including", "like", "as", "e.g.", "e.g.,", "e.g", "namely"})
_LIST_GLUE = frozenset({",", "and", "or", "/"})
_ITEM_ENDS = frozenset({",", "and", "or", "/", ".", ";", ":", ")", "etc", "etc."})
#: Unlabelled words a list item may have ("causal inference" in a list of named problems).
MAX_UNLABELLED_RUN = 3
PARADIGM_HEADS = ("learning",)
#: Task heads that name a procedure: followed by any technique noun, the phrase is the technique.
PROCEDURE_HEADS = ("matching", "clustering", "filtering", "mining")
#: Nouns after a phrase that make it the name of a technique; "methods" and "approaches" are left out, as
#: "stereo matching methods" are methods for the task.
TECHNIQUE_NOUNS = frozenset({"approach", "method", "technique", "techniques", "algorithm",
                             "module", "modules", "strategy", "strategies", "mechanism",
                             "mechanisms", "scheme", "schemes", "procedure", "procedures"})
#: The technique nouns that make any task-headed phrase no list knows a technique.
WAY_NOUNS = frozenset({"strategy", "strategies", "mechanism", "mechanisms", "scheme", "schemes", "procedure",
                       "procedures"})


@Language.component("kg_paradigm_roles")
def paradigm_roles_component(doc: Doc) -> Doc:
    mentions = read_spans(doc, MENTIONS_KEY)
    view = token_view(doc)
    lower = view.lower
    # ends of tasks named as a topic ("in language modeling"), for the paradigms coordinated with them
    task_topics = {m.end for m in mentions if m.label_ == "TASK" and m.start > 0 and lower[m.start - 1] in TOPIC_OF_LIST}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    as_task: set[str] = set()
    as_method = _techniques(mentions, lower)
    for span in mentions:
        name = span.kb_id_ or span.text
        if span.label_ != "METHOD":
            continue
        if _in_problem_list(view, span, covered):
            as_task.add(name)
            continue
        if not name.lower().endswith(PARADIGM_HEADS) or " " not in name.strip():
            continue
        before = lower[span.start - 1] if span.start > 0 else ""
        before2 = lower[span.start - 2] if span.start > 1 else ""
        after = lower[span.end] if span.end < len(lower) else ""
        if before in TOPIC_BEFORE or after in PROBLEM_AFTER or (before == "of" and before2 in PROBLEM_NOUNS):
            as_task.add(name)
        elif before in ("and", "or") and span.start - 1 in task_topics:
            as_task.add(name)  # "advances in language modeling and multimodal learning"
    gazetteer = load_gazetteer()
    listed_techniques = {span.kb_id_ or span.text for span in mentions
                         if span.label_ == "ARCHITECTURE" and span.id_ in WORDING_EXTRACTORS
                         and gazetteer.by_canonical("ARCHITECTURE", span.kb_id_ or span.text) is None
                         and _in_technique_list(view, span, covered)}
    listed_techniques |= {span.kb_id_ or span.text for span in mentions
                          if span.label_ in ("ARCHITECTURE", "TASK") and span.id_ in WORDING_EXTRACTORS
                          and gazetteer.by_canonical(span.label_, span.kb_id_ or span.text) is None
                          and _names_a_component(view, span)}
    if as_task or as_method or listed_techniques:
        write_spans(doc, MENTIONS_KEY, [
            Span(doc, s.start, s.end, label="TASK", kb_id=s.kb_id_, span_id=s.id_)
            if s.label_ == "METHOD" and (s.kb_id_ or s.text) in as_task else
            Span(doc, s.start, s.end, label="METHOD", kb_id=s.kb_id_, span_id=s.id_)
            if s.label_ == "TASK" and (s.kb_id_ or s.text) in as_method
            or s.label_ in ("ARCHITECTURE", "TASK") and (s.kb_id_ or s.text) in listed_techniques else s
            for s in mentions
        ])
    return doc


def _techniques(mentions: list[Span], lower: list[str]) -> set[str]:
    """Names of TASK mentions that a technique noun right after makes techniques ("a bipartite matching approach")."""
    found = set()
    for span in mentions:
        if span.label_ != "TASK" or span.end >= len(lower) or lower[span.end] not in TECHNIQUE_NOUNS:
            continue
        name = span.kb_id_ or span.text
        if name.lower().endswith(PROCEDURE_HEADS) or (lower[span.end] in WAY_NOUNS and span.id_ != "gazetteer"):
            found.add(name)
    return found


def _in_problem_list(view: TokenView, span: Span, covered: set[int]) -> bool:
    """Whether ``span`` is a whole item of a list of problems: "problems, including A, B and C".

    The mention must fill its item (list glue or punctuation on both sides:
    "watermarking validation" is an item, "watermarking" is not). Reads back
    over items (mentions, short unlabelled runs) and glue to a list cue,
    then checks that a problem noun introduces it.
    """
    lower = view.lower
    first, last = view.sentence_of(span.start)
    start = span.start
    before = lower[start - 1] if start > first else ""
    after = lower[span.end] if span.end < last else "."
    if before not in _LIST_GLUE and before not in LIST_CUES or after not in _ITEM_ENDS:
        return False
    i, run = start - 1, 0
    while i >= first:
        word = lower[i]
        if word in LIST_CUES:
            noun = list_noun_before(lower, first, i)
            return noun is not None and lower[noun] in PROBLEM_NOUNS
        run = _item_run(lower, covered, i, run)
        if run is None:
            return False
        i -= 1
    return False


def list_noun_before(lower: list[str], first: int, cue: int) -> int | None:
    """The word a list cue at token ``cue`` follows: "problems" in "problems, including", "methods such as".

    Commas, brackets and colons between them are stepped over; "as" is a cue
    only after "such". None when the sentence (starting at ``first``) has no
    such word.
    """
    j = cue - 1
    if lower[cue] == "as":
        if j < first or lower[j] != "such":
            return None
        j -= 1
    while j >= first and lower[j] in (",", "(", ":"):
        j -= 1
    return j if j >= first else None


def _item_run(lower: list[str], covered: set[int], i: int, run: int) -> int | None:
    """The length of the unlabelled run a list item reaches at token ``i``, or None when it cannot go on.

    Mentions and list glue end a run; a word extends it, up to
    :data:`MAX_UNLABELLED_RUN`; any other token is no part of an item.
    """
    if i in covered or lower[i] in _LIST_GLUE:
        return 0
    if lower[i][:1].isalnum() and run < MAX_UNLABELLED_RUN:
        return run + 1
    return None


#: Plural nouns that introduce a list as techniques: "two paradigms: A, ..., and B", "strategies such as A".
#: "Methods", "approaches", "techniques" and "algorithms" are left out: abstracts list models under them
#: ("methods such as GANs and VAEs", "approaches like ProtoPNet"), which stay architectures.
TECHNIQUE_LIST_NOUNS = frozenset({"paradigms", "strategies", "schemes"})
#: Singular technique nouns that name what follows "namely" or a colon: "an effective method, namely X".
#: Plurals are left out: "six techniques: SVM, ..., and ANNs" lists models too.
TECHNIQUE_NOUNS_NAMING = frozenset({"method", "technique", "approach", "algorithm", "scheme", "strategy",
                                    "paradigm", "mechanism"})
#: Cues after which a singular technique noun names one thing: "a method, namely X", "a scheme: X".
_NAMING_CUES = frozenset({"namely", ":"})
#: Extractors that label a name by its own wording (a head word, a model-like shape, the words around it):
#: a list's role overrides them. A name the gazetteer knows as an architecture ("paradigms such as LLMs")
#: keeps its label.
WORDING_EXTRACTORS = frozenset({"abbreviation", "context", "coined"})
#: Words that open a relative clause after a list item ("A, which integrates ..., and B").
_CLAUSE_WORDS = frozenset({"which", "that", "who", "where", "whose"})
#: Longest list read back from an item to its cue, in tokens.
MAX_LIST_SPAN = 60
_MAX_BRACKET = 8


def _in_technique_list(view: TokenView, span: Span, covered: set[int]) -> bool:
    """Whether ``span`` is a whole item of a list of techniques ("strategies such as A, B (C), and D"), or the
    name a technique noun gives ("a caching method, namely X").

    The guidelines label by role: an item of a list introduced as
    paradigms, strategies or schemes is named as one, whatever its own
    wording says ("XNet" there is a paradigm, not a network). Items may
    carry a bracketed abbreviation and a relative clause ("two paradigms:
    A-as-Predictor, which ..., and B-as-Predictor, which ...").
    """
    lower = view.lower
    first, end = view.sentence_of(span.start)
    before = lower[span.start - 1] if span.start > first else ""
    if before not in _LIST_GLUE and before not in LIST_CUES and before != ":":
        return False
    if not _ends_item(lower, span.end, end):
        return False
    opening = _technique_list_opening(lower, covered, first, span.start)
    return opening is not None and _only_items(lower, covered, opening, span.start)


def _ends_item(lower: list[str], end: int, sentence_end: int) -> bool:
    """Whether a list item ends at token ``end``, after a bracket that may follow it ("X (Y),")."""
    after = lower[end] if end < sentence_end else "."
    if after == "(":
        close = next((j for j in range(end + 1, min(sentence_end, end + _MAX_BRACKET)) if lower[j] == ")"), None)
        if close is None:
            return False
        after = lower[close + 1] if close + 1 < sentence_end else "."
    return after in _ITEM_ENDS


def _technique_list_opening(lower: list[str], covered: set[int], first: int, start: int) -> int | None:
    """The first token after the cue of the list of techniques that holds ``start``, or None.

    The nearest cue before the item decides: "methods, including",
    "strategies such as", "paradigms:".
    """
    for i in range(start - 1, max(first, start - MAX_LIST_SPAN) - 1, -1):
        word = lower[i]
        if word in (";", "."):
            return None
        if word not in LIST_CUES and word != ":" or i in covered:  # the "as" of "GNN-as-Predictor" is no cue
            continue
        j = list_noun_before(lower, first, i)
        if j is None:
            return None
        if lower[j] in TECHNIQUE_LIST_NOUNS or word in _NAMING_CUES and lower[j] in TECHNIQUE_NOUNS_NAMING:
            return i + 1
        return None
    return None


def _only_items(lower: list[str], covered: set[int], i: int, end: int) -> bool:
    """Whether tokens ``i``..``end`` are list items: mentions, short unlabelled runs, brackets and clauses."""
    run = 0
    while i < end:
        word = lower[i]
        if word in _CLAUSE_WORDS and i > 0 and lower[i - 1] == ",":  # ", which ... ," belongs to the item before
            i = next((j for j in range(i + 1, end) if lower[j] == ","), None)
            if i is None:
                return False  # the name stands inside the clause, not in an item of the list
            continue
        if word == "(":
            close = next((j for j in range(i + 1, min(end, i + _MAX_BRACKET)) if lower[j] == ")"), None)
            if close is None:
                return False
            i = close + 1
            continue
        run = _item_run(lower, covered, i, run)
        if run is None:
            return False
        i += 1
    return True


#: Nouns after a name that make it the name of a building block: "the Keyword Explicit Reasoning (KER) module".
#: "Block" is left out: "WaveMix blocks" and "Mamba blocks" are blocks of the architecture they name.
COMPONENT_NOUNS = frozenset({"module", "modules", "layer", "layers", "operator", "operators", "mechanism",
                             "mechanisms"})
_NAME_GLUE = frozenset({"-", "for", "and", "of", "with", "in", "to", "via", "&", "/"})


def _names_a_component(view: TokenView, span: Span) -> bool:
    """Whether a proper name is followed by a component noun: "a Radar Feature Enhancement (RFE) module".

    The paper names a module, layer or mechanism it builds; that is a
    building block, a METHOD, whatever the name's own head word says
    ("... Enhancement" a task, "Feed-Forward Network" a network). The name
    must be written as a name (capitalised words, an acronym): "an image
    reconstruction module" is a module for the task.
    """
    end = span.end
    lower = view.lower
    if end < len(lower) and lower[end] == "(":
        close = next((j for j in range(end + 1, min(len(lower), end + _MAX_BRACKET)) if lower[j] == ")"), None)
        if close is None:
            return False
        end = close + 1
    if end >= len(lower) or lower[end] not in COMPONENT_NOUNS:
        return False
    words = view.words[span.start : span.end]
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in words) \
        and any(ch.isupper() for ch in words[0])
