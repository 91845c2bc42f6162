"""A paper's own names: "we propose Serpent", "dubbed UltraGCN", "termed Decamouflage", "X: ...".

No gazetteer knows the name a paper introduces, but the sentence announces
it. The ``kg_coined_names`` component finds such names by their cue:

* a naming verb right before the name: "dubbed", "termed", "named",
  "called", "coined" (the name may be quoted);
* a proposing verb ("propose", "present", "introduce", "develop") followed
  directly by a name-shaped word and then a break ("we propose Serpent, ...");
* an apposition: a name-shaped word set between commas beside the noun that
  says what it is ("a novel framework, ZeroStylus, that ...", "four public
  datasets, IDRID, Drishti-GS and REFUGE");
* a title of the form "X: subtitle" where X is one name-shaped word or a
  capitalised phrase with a telling head word ("Mixture Outlier Exposure").

The label comes from the words around the name: the head word of the
phrase a naming verb follows ("a KD method, called ScaleKD" -> METHOD), else
the first head word (``extractors/data/head_words.csv``) after it in the sentence ("UltraGCN, a
graph convolutional network" -> ARCHITECTURE; "a pruning method" -> METHOD;
"a new benchmark" -> DATASET; "an evaluation framework called X" -> DATASET); a name built on
"Bench" ("PSI-Bench", "RouterXBench") is a benchmark, a DATASET, whatever follows it. A title name is read from
its subtitle: one that says what the thing does ("X: Automatically Designing ...", "X: Can ...?") makes X
a METHOD; with no telling word, a paper's own model is an ARCHITECTURE, as the guidelines say, and a
hyphenated name ending in a known technique ("TempFlow-GRPO", "BEE-RAG") a METHOD. A hyphenated name built
of known techniques ("RL-MoE") replaces the pieces the gazetteer found in it. Every later use of the name in the
paper gets the same label. The names go to ``doc.spans["kg_proposed"]`` so
the graph links the paper to them with ``proposes``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY, load_gazetteer
from extractors.heads import EVALUATION_HEADS, EVALUATION_MODIFIERS, label_of_word, names_benchmark
from extractors.names import is_distinctive, looks_like_name, not_names, other_names
from extractors.tokens import TokenView, WordFlags, doc_text, positions, read_spans, token_view, write_spans

PROPOSED_KEY = "kg_proposed"
NAMING_VERBS = {"dubbed", "termed", "named", "called", "coined", "nicknamed", "denoted"}
PROPOSING_VERBS = {"propose", "proposes", "present", "presents", "introduce", "introduces", "develop",
                   "develops", "release", "releases", "build", "design", "designs", "devise", "devises"}
#: Labels a coined name can take; a task or metric head word near it describes what it is for.
COINED_LABELS = {"ARCHITECTURE", "METHOD", "DATASET"}
_QUOTES = {'"', "'", "“", "”", "‘", "’", "`", "``", "''"}
_BREAKS = {",", "(", ":", ";", ".", "—", "–", "-", "which", "that", "to", "for", "as", "is", "consists"}
MAX_NAME_TOKENS = 4
#: "X is proposed": the passive of a proposing verb after a name that opens its clause.
PASSIVE_PROPOSING = {"proposed", "introduced", "presented", "developed", "designed", "devised"}
_CUES = NAMING_VERBS | PROPOSING_VERBS | PASSIVE_PROPOSING
#: Endings that make a coined name a model whatever its context says ("UniRepLKNet", "Neuroformer").
ARCHITECTURE_SUFFIXES = ("net", "former", "gan", "gcn", "gnn", "vit", "bert", "mamba", "cnn", "rnn", "lstm",
                         "llm", "gpt", "mlp", "unet")
_NOT_TITLE_NAMES = ("survey", "review", "overview", "tutorial", "perspective", "primer")
_APPOSITIVE_STOPS = {"for", "on", "to", "of", "with", "via", "by", "in", "from", "that", "which", "and"}


@Language.component("kg_coined_names")
def coined_names_component(doc: Doc) -> Doc:
    mentions = read_spans(doc, MENTIONS_KEY)
    proposed: list[Span] = []
    for name in _cued_names(doc) + _title_name(doc):  # the body's wording labels a name before the title does
        existing = next((m for m in mentions if m.start <= name.start and m.end >= name.end), None)
        if existing is not None:  # a known name the paper introduces: keep its label, mark it proposed
            proposed.append(existing)
            continue
        overlapping = [m for m in mentions if m.start < name.end and name.start < m.end]
        if overlapping and not _glued_of_pieces(doc, name, overlapping):
            continue
        mentions = _without_pieces(doc, mentions, name) if overlapping else mentions
        label = _label_from_context(doc, name)
        partner = _coordinated_with(proposed, name)
        if partner is not None and label_of_word(name[-1].text) is None:
            label = partner.label_  # "we propose Polyhistor and Polyhistor-Lite": one kind of thing
        canonical = name.text
        span = Span(doc, name.start, name.end, label=label, kb_id=canonical, span_id="coined")
        mentions.append(span)
        proposed.append(span)
        mentions = _label_other_uses(doc, mentions, span)
    for name, label, introduced in _appositive_names(doc):
        existing = next((m for m in mentions if m.start <= name.start and m.end >= name.end), None)
        if existing is not None:  # "our detector, YOLOv8, ...": a known name the sentence may introduce
            if introduced and existing.label_ == label:
                proposed.append(existing)
            continue
        if any(m.start < name.end and name.start < m.end for m in mentions):
            continue
        own = _own_label(name)
        text = name.text
        canonical = text[:-1] if len(text) > 2 and text.endswith("s") and text[-2].isupper() else text  # "LCNs"
        span = Span(doc, name.start, name.end, label=own or label, kb_id=canonical, span_id="coined")
        mentions.append(span)
        if introduced:
            proposed.append(span)
        mentions = _label_other_uses(doc, mentions, span)
    write_spans(doc, MENTIONS_KEY, mentions)
    doc.spans[PROPOSED_KEY] = proposed
    return doc


def _past_coordinated_name(doc: Doc, end: int) -> int:
    """Where the description of a name ending at ``end`` starts: past "and Y" when another name follows
    ("we introduce Waymo-SG and nuScenes-SG, two scene graph datasets")."""
    if end + 1 < len(doc) and doc[end].lower_ == "and":
        second = _appositive_name(doc, token_view(doc), end + 1)
        if second is not None:
            return second.end
    return end


def _coordinated_with(proposed: list[Span], name: Span) -> Span | None:
    """The name just before ``name`` that "and" joins it to ("TokenAdapt and ColorAdapt"), if any."""
    doc = name.doc
    if name.start < 2 or doc[name.start - 1].lower_ != "and":
        return None
    return next((p for p in reversed(proposed) if p.end == name.start - 1), None)


#: Words after an appositive name that end it: "a new framework, ZeroStylus, that ...", "... methods,
#: MD-TPE and MD-LRPE to ..." (not a hyphen: "OCTA-based" is an adjective).
_APPOSITION_ENDS = (_BREAKS - {"-", "\u2013", "\u2014"}) | {"and", "with", "in", "on", "are", "was", "were",
                                                            "achieves", "outperforms"}
#: Without a comma the name must end its phrase: "a novel approach OGEN to ...", not "an approach WSI-level and".
_BARE_APPOSITION_ENDS = _BREAKS - {"-", "\u2013", "\u2014"}
#: Words that mark an appositive noun phrase as the paper's own: "our method, X", "a novel model, X".
_INTRODUCING = frozenset({"our", "novel", "new", "proposed"}) | PROPOSING_VERBS
#: First words of a clause that make its noun phrase adverbial, not an apposition: "In this framework, CT
#: is ...", "Unlike previous methods, X ...", "During training, X ...", "Compared with the base model, X".
_ADVERBIAL_STARTS = (_APPOSITIVE_STOPS - {"and", "that", "which"}) | frozenset("""
about above across after against along amid among around as at before behind below beneath beside besides
between beyond by despite during except inside into like near off onto out outside over per since through
throughout toward towards under unlike until upon within without when while if although though because once
compared given""".split())


def _appositive_names(doc: Doc) -> list[tuple[Span, str, bool]]:
    """Names set beside the noun that says what they are: "a novel framework, ZeroStylus, that ...".

    The noun before the comma gives the label ("framework", "method" ->
    METHOD; "model", "network" -> ARCHITECTURE; "benchmark" -> DATASET); a
    plural noun may take a list ("two encoding methods, MD-TPE and MD-LRPE
    to ..."). Each name must be name-shaped wherever it stands (camel case,
    an acronym, letters with digits: not "Transformer") and be followed by
    a break, so "the model, RGB images ..." is nothing. A noun phrase that
    opens with a preposition ("In this framework, CT is ...", "Unlike prior
    methods, ...") is not an apposition. A singular noun phrase with "our",
    "new", "novel" or a proposing verb before it introduces the name
    (returned True: the paper proposes it); a list names what the paper uses
    or compares.
    """
    view = token_view(doc)
    words, lower = view.words, view.lower
    found: list[tuple[Span, str, bool]] = []
    # the cheap test first, in one pass: an appositive name (or "namely") follows, with a capital or a digit
    candidates = [j - 1 for j in _MAY_BE_APPOSITIVE.indices(words, 2)]
    for i in candidates:
        word = words[i]
        comma = word == ","
        noun = i - 1 if comma else i
        if not words[noun][:1].isalpha():
            continue  # ". The", ") X": no kind noun
        label = _label_of_head(lower, noun)
        if label not in COINED_LABELS:
            continue
        first = _clause_start(view, noun)
        if lower[first] in _ADVERBIAL_STARTS or (lower[first].endswith(("ing", "ed")) and first < noun):
            continue  # "Using this framework, X ...", "Inspired by prior models, X ..."
        plural = lower[noun].endswith("s") and not lower[noun].endswith("ss")
        if not comma and (plural or not any(w in PROPOSING_VERBS for w in lower[first:noun])):
            continue  # without a comma only "we propose a novel approach OGEN to ..." names the thing
        j = i + 1
        if lower[j] in _NAMING_ADVERBS:
            j += 1 + (j + 1 < len(words) and words[j + 1] == ",")
        names = []
        ends = _APPOSITION_ENDS if comma else _BARE_APPOSITION_ENDS
        while j < len(words):
            name = _appositive_name(doc, view, j)
            if name is None or name.text.lower() in other_names() or name.end >= len(words) \
                    or lower[name.end] not in ends:
                names = names if plural else []
                break
            names.append(name)
            j = name.end
            if not plural:
                break
            if words[j] == "," and j + 1 < len(words) and lower[j + 1] == "and":
                j += 2
            elif words[j] == "," or lower[j] == "and":
                j += 1
            else:
                break
        introduced = not plural and any(w in _INTRODUCING for w in lower[first:noun])
        found.extend((name, label, introduced) for name in names)
    return found


#: Words between the kind noun's comma and the name: "a new method, namely X".
_NAMING_ADVERBS = frozenset({"namely", "i.e.", "viz."})
#: Words an apposition may begin with: a capital anywhere, a word of letters and digits or signs, "namely".
_MAY_BE_APPOSITIVE = WordFlags(lambda w: w != w.lower() or w.lower() in _NAMING_ADVERBS
                               or not w.isalpha() and w[:1].isalnum())
_PARAMETER_COUNT = re.compile(r"\d+(?:\.\d+)?[KMBT]$")


def _appositive_name(doc: Doc, view: TokenView, i: int) -> Span | None:
    """The name at token ``i``: its whole first word ("MIND-small", "RIM-ONE-r3", "Pro-AD"), which must
    be name-shaped, and any capitalised words after it ("Difficulty-Influence Quadrant")."""
    end = view.word_end(i)
    word = view.text[view.starts[i] : view.ends[end - 1]]
    if not word[:1].isalnum() or word.islower() or not is_distinctive(word) or _PARAMETER_COUNT.match(word):
        return None  # "(Female", "`REVEAL`", "january/food-vision-v1", "7B"
    longer = _name_at(doc, i, cued=True)
    return longer if longer is not None and longer.end > end else doc[i:end]


def _clause_start(view: TokenView, i: int) -> int:
    """The first token of the clause holding token ``i``: after the last comma, colon, semicolon or sentence start."""
    first = view.sentence_of(i)[0]
    j = i
    while j > first and view.words[j - 1] not in (",", ";", ":", "(", "\n"):
        j -= 1
    return j


def _own_label(name: Span) -> str | None:
    """The label a coined name's own wording gives: "-Bench" ("PSI-Bench", "RouterXBench": a benchmark,
    whatever it is called), a model suffix ("CapsNet", "Neuroformer"), a head word ("... Loss")."""
    if names_benchmark(name.text):
        return "DATASET"
    if name[-1].text.lower().endswith(ARCHITECTURE_SUFFIXES):
        return "ARCHITECTURE"
    own = label_of_word(name[-1].text)
    return own if own in COINED_LABELS else None


def _glued_of_pieces(doc: Doc, name: Span, overlapping: list[Span]) -> bool:
    """Whether a coined name is one hyphenated word built of known technique names: "RL-MoE", "Sem-DPO".

    The paper names its own thing ("we propose RL-MoE, a framework ..."),
    so the name replaces the pieces the gazetteer found inside it. A word
    with a model among its pieces ("HQ-CLIP") is left to the rule that joins
    model names (:func:`extractors.context._join_hyphenated_models`).
    """
    if any(doc[i].whitespace_ for i in range(name.start, name.end - 1)) or "-" not in name.text:
        return False
    return all(name.start <= m.start and m.end <= name.end and len(m) < len(name)
               and m.label_ != "ARCHITECTURE" for m in overlapping)


def _ends_in_known_technique(name: Span) -> bool:
    """Whether a hyphenated name's last piece is a technique the gazetteer knows: "Align-LoRA", "X-RAG"."""
    if len(name) < 3 or name[-2].text != "-" or name[-3].whitespace_:
        return False
    entry = load_gazetteer().lookup(name[-1].text)
    return entry is not None and entry.label == "METHOD"


def _without_pieces(doc: Doc, mentions: list[Span], name: Span) -> list[Span]:
    """The mentions, less those inside any use of ``name``'s hyphenated word (its pieces are not names here)."""
    words = token_view(doc).words
    size, pieces = len(name), [t.text for t in name]
    uses = [i for i in range(len(doc) - size + 1) if words[i : i + size] == pieces]
    return [m for m in mentions if not any(i <= m.start and m.end <= i + size and len(m) < size for i in uses)]


def _name_at(doc: Doc, start: int, cued: bool) -> Span | None:
    """The name-shaped run of tokens starting at ``start`` (hyphen-joined parts included)."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS:
        token = doc[end]
        if looks_like_name(token, allow_sentence_start=True) or (
            end > start and (token.text in "-+" or token.text.isdigit()) and not doc[end - 1].whitespace_
        ):
            end += 1
            if token.whitespace_ and not cued:
                break
            continue
        break
    while end > start and not doc[end - 1].text[-1].isalnum() and doc[end - 1].text[-1] != "+":
        end -= 1
    if end == start:
        return None
    span = doc[start:end]
    if span.text.lower() in not_names():
        return None
    return span


def _cued_names(doc: Doc) -> list[Span]:
    names = []
    lowers = token_view(doc).lower
    for i, lower in enumerate(lowers):
        if lower not in _CUES:
            continue
        token = doc[i]
        if lower in NAMING_VERBS and token.i + 1 < len(doc):
            start = token.i + 1
            if doc[start].text in _QUOTES and start + 1 < len(doc):
                start += 1
            name = _name_at(doc, start, cued=True)
            if name is not None and (is_distinctive(name[0].text) or name[0].text[:1].isupper()):
                if token.i > 0 and lowers[token.i - 1] in {"so", "so-"}:
                    continue
                names.append(name)
        elif lower in PROPOSING_VERBS and token.i + 2 < len(doc):
            name = _name_at(doc, token.i + 1, cued=False)
            if name is None or name.end >= len(doc):
                continue
            if doc[name.end].text in "-\u2013" and not doc[name.end - 1].whitespace_:
                # the word goes on: "we present KorMedMCQA-V, ...", "we introduce Skeleton-to-Image Encoding"
                whole = _appositive_name(doc, token_view(doc), name.start)
                if whole is None or whole.end >= len(doc):
                    continue
                name = whole
            follows = doc[name.end]
            distinctive = any(is_distinctive(t.text) for t in name)
            if follows.lower_ == "and" and (distinctive or len(name) == 1):
                second = _appositive_name(doc, token_view(doc), name.end + 1)
                one_word = second is not None and " " not in second.text  # not "Semantic and Uncertainty-Aware ESRGAN"
                if second is not None and second.end < len(doc) and doc[second.end].lower_ in _BREAKS \
                        and (distinctive or one_word):
                    names.extend([name, second])  # "we introduce TokenAdapt and ColorAdapt."
            elif follows.lower_ in _BREAKS and (distinctive or len(name) == 1):
                names.append(name)
        elif lower in PASSIVE_PROPOSING and i >= 2 and lowers[i - 1] == "is":
            name = _passive_subject(doc, i - 1)
            if name is not None:
                names.append(name)
    return names


def _passive_subject(doc: Doc, is_at: int) -> Span | None:
    """The name before "is proposed" when it opens its clause: "In this work, ReID-R is proposed as ...".

    One written word shaped like a name wherever it stands ("ReID-R", not
    "This method" or "A loss"), at a sentence start or after a comma or colon.
    """
    view = token_view(doc)
    start = view.word_start(is_at - 1)
    name = doc[start:is_at]
    opens = start == 0 or start in view.sentence_starts or view.words[start - 1] in (",", ":", ";")
    if not opens or not is_distinctive(name.text) or name.text.lower() in not_names():
        return None
    return name


def _title_name(doc: Doc) -> list[Span]:
    """X in a title "X: subtitle" (the title is the first line of the paper text)."""
    text = doc_text(doc)
    newline = text.find("\n")
    title_end = newline if newline >= 0 else len(text)
    colon = text.find(":", 0, title_end)
    if colon <= 0:
        return []
    head = doc.char_span(0, colon, alignment_mode="contract")
    if head is None or not 1 <= len(head) <= MAX_NAME_TOKENS + 2:
        return []
    words = [t for t in head if t.text not in "-+"]
    if " " not in head.text or all(is_distinctive(t.text) for t in words):
        if looks_like_name(words[0], allow_sentence_start=True) or is_distinctive(words[0].text):
            return [head]
        return []
    # A capitalised phrase whose head word says what it is: "Mixture Outlier Exposure";
    # not a field named in the title of a survey, nor a question ("Convergent Learning: Do ...?").
    subtitle = text[colon + 1 : title_end].lower()
    if any(word in subtitle for word in _NOT_TITLE_NAMES) or "?" in subtitle:
        return []
    if any(t.is_stop for t in words) or subtitle.split()[:1] in (["do"], ["does"], ["is"], ["are"], ["can"]):
        return []
    if all(t.text[:1].isupper() for t in words) and label_of_word(words[-1].text) in COINED_LABELS:
        return [head]
    return []


def _label_from_context(doc: Doc, name: Span) -> str:
    """What the name is, by its own ending, else by the phrase right after it, else ARCHITECTURE.

    The phrase after the name ends at the first preposition or clause word:
    in "FlashFFTConv: Efficient Convolutions for Long Sequences" the head is
    "Convolutions", not "Sequences". A name the body introduces with nothing
    telling after it ("we propose FlashFFTConv.") is described by the title
    it heads, when it does.
    """
    own = _own_label(name)
    if own is not None:
        return own
    announced = _label_before_naming_verb(doc, name)
    if announced is not None:
        return announced
    # with nothing telling, a name ending in a known technique is a kind of it ("TempFlow-GRPO", "BEE-RAG")
    default = "METHOD" if _ends_in_known_technique(name) else "ARCHITECTURE"
    if name.start == 0:  # the title's own name: "DeepArchitect: Automatically Designing ..."
        return _label_from_subtitle(doc, name) or default
    described = _label_after(doc, _past_coordinated_name(doc, name.end))
    if described is None:  # "we propose FlashFFTConv." and the title "FlashFFTConv: ..."
        title = _title_name(doc)
        if title and title[0].text == name.text:
            described = _label_from_subtitle(doc, title[0])
    return described or _label_of_next_reference(doc, name) or default


#: Words that open a reference back to what the sentence before named: "These methods ...", "This model ...".
_BACK_REFERENCES = frozenset({"this", "these", "both"})


def _label_of_next_reference(doc: Doc, name: Span) -> str | None:
    """The label the next sentence gives the name when it opens by referring back to it:
    "we introduce TokenAdapt and ColorAdapt. These methods facilitate ..." -> METHOD."""
    view = token_view(doc)
    end = view.sentence_of(name.start)[1]
    if end >= len(view.words) or view.lower[end] not in _BACK_REFERENCES:
        return None
    for j in range(end + 1, min(end + 3, len(view.words))):
        label = _label_of_head(view.lower, j)
        if label is not None:
            return label if label in COINED_LABELS else None
    return None


#: Words ending in "-ing" that open a subtitle as a modifier or a noun, not as a verb ("Streaming Video LLMs").
_NOT_GERUNDS = frozenset({"streaming", "missing", "leading", "existing", "emerging", "during", "thing", "string",
                          "spring", "nothing", "something", "everything", "anything", "ring", "king", "wing"})
#: Gerunds that make the subtitle's name a benchmark: "X: Benchmarking LLM Safety in Finance".
BENCHMARKING_GERUNDS = frozenset({"benchmarking", "evaluating"})
#: Gerunds of measuring, whose name may be a benchmark, a metric or a method: the subtitle's head word decides.
_MEASURING_GERUNDS = frozenset({"measuring", "assessing", "quantifying", "probing", "auditing", "testing"})
#: Articles after a gerund that make its object the named thing: "POINTS: Building a Vision-Language Model".
_ARTICLES = frozenset({"a", "an"})


def _label_from_subtitle(doc: Doc, name: Span) -> str | None:
    """What the title name ``name`` is, read from its subtitle ("X: <subtitle>").

    A subtitle that says what the named thing does, a gerund phrase
    ("Automatically Designing and Training Deep Architectures", "Learning to
    Route Tokens") or a question ("Can Large Pre-trained Models Help ...?"),
    names a technique or a study: X is a METHOD, whatever model nouns the
    phrase goes on to mention. Some gerund phrases name what X is instead:
    one with an article after the verb ("Building a Vision-Language Model"),
    one whose head word is a dataset's ("Synthesizing QA Datasets via ..."),
    and "Benchmarking ..." or "Evaluating ...", which name a benchmark. Any
    other subtitle is read by its head word ("A Robust Filter Pruning
    Method", "Hierarchical Vision Transformer ...").

    A name the paper writes with a parameter count ("MagicVL-2B", "X-7B
    outperforms ...") names models, whatever its subtitle does.
    """
    colon = name.end
    view = token_view(doc)
    if colon >= len(view.words) or view.words[colon] != ":":
        return _label_after(doc, colon)
    text = view.text
    newline = text.find("\n")
    title_end = newline if newline >= 0 else len(text)
    words = [j for j in range(colon + 1, len(view.words)) if view.starts[j] < title_end]
    if not words:
        return None
    if text[: title_end].rstrip().endswith("?"):
        return "METHOD"
    k = 0
    while k < min(len(words) - 1, 2) and view.lower[words[k]].endswith("ly") and view.words[words[k]].isalpha():
        k += 1  # "Automatically Designing ...", "Efficiently Scaling ..."
    described = _label_after(doc, colon)
    first = view.lower[words[k]]
    if not _is_gerund(view, words[k]) or (k + 1 < len(words) and view.lower[words[k + 1]] in _ARTICLES):
        return described
    if first in BENCHMARKING_GERUNDS:
        return "DATASET"
    if first in _MEASURING_GERUNDS or described == "DATASET" or _written_with_size(text, name.text):
        return described  # "Building a Uint Detection Dataset", "X: Endowing ..." and "X-32B surpasses ..."
    return "METHOD"


#: A parameter count written after a name: "-7B", "-1.5B", " 350M".
_SIZE_AFTER = r"(?:[-\u2010 ]?\d+(?:\.\d+)?[BM])(?![A-Za-z])"


_SIZE_AFTER_AT = re.compile(_SIZE_AFTER)


def _written_with_size(text: str, name: str) -> bool:
    """Whether ``name`` has, or is written anywhere with, a parameter count: "MagicVL-2B", "X" and "X-32B".

    ``re.search(re.escape(name) + _SIZE_AFTER, text)`` without compiling a
    pattern per name (names differ from paper to paper, so each test
    compiled one, ~0.3 ms): each place the name is written is tried for a
    size right after it.
    """
    at = text.find(name)
    while at >= 0:
        if _SIZE_AFTER_AT.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return re.search(_SIZE_AFTER + "$", name) is not None


def _is_gerund(view: TokenView, i: int) -> bool:
    """Whether token ``i`` reads as a verb in "-ing": "Designing", not "Streaming" or "Training-Free"."""
    word = view.lower[i]
    if len(word) < 6 or not word.endswith("ing") or not view.words[i].isalpha() or word in _NOT_GERUNDS:
        return False
    glued = i + 1 < len(view.words) and not view.space[i] and view.words[i + 1] in ("-", "\u2013")
    following = view.lower[i + 1] if i + 1 < len(view.lower) else ""
    return not glued and label_of_word(following) is None  # "Reasoning Models", "Learning Framework": a compound


def _label_after(doc: Doc, start: int) -> str | None:
    """The label of the first telling head word after ``start`` in its sentence, up to a preposition.

    A parenthesis right after the name (its long form: "FEATHER (Fast and
    Effective ...), a straightforward approach") is stepped over.
    """
    view = token_view(doc)
    sentence_end = view.sentence_of(max(start - 1, 0))[1]
    i = start
    if i < sentence_end and view.words[i] == "(":
        close = next((j for j in range(i + 1, min(sentence_end, i + 16)) if view.words[j] == ")"), None)
        if close is not None:
            inside = _first_label(view, i + 1, close)  # "PINNS (Pedestrian ... dataset from ...)"
            if inside is not None:
                return inside
            i = close + 1
    return _first_label(view, i, min(sentence_end, i + 12))


#: Collective nouns whose "of" names the kind of the members: "MOAT, a family of neural networks".
_COLLECTIVES = {"family", "families", "series", "class", "suite", "set", "collection"}


def _first_label(view: TokenView, start: int, end: int) -> str | None:
    for j in range(start, end):
        if view.lower[j] in _COLLECTIVES and j + 1 < end and view.lower[j + 1] == "of" or (
                view.lower[j] == "of" and j > start and view.lower[j - 1] in _COLLECTIVES):
            continue  # "a suite of pruning techniques": the members' head word says what it is
        if view.lower[j] in _APPOSITIVE_STOPS:
            break
        label = _label_of_head(view.lower, j)
        if label in COINED_LABELS:
            return label
    return None


def _label_of_head(lower: list[str], j: int) -> str | None:
    """The label word ``j`` gives, as a head: an "evaluation framework" is a benchmark, a DATASET."""
    if lower[j] in EVALUATION_HEADS and j > 0 and lower[j - 1] in EVALUATION_MODIFIERS:
        return "DATASET"
    return label_of_word(lower[j])


def _label_before_naming_verb(doc: Doc, name: Span) -> str | None:
    """The head word before "called"/"dubbed": "a simple KD method, called ScaleKD" -> METHOD."""
    i = name.start - 1
    while i >= 0 and doc[i].text in _QUOTES:
        i -= 1
    if i < 0 or doc[i].lower_ not in NAMING_VERBS:
        return None
    first = token_view(doc).sentence_of(name.start)[0]
    for token in reversed(doc[max(first, i - 6) : i]):
        if token.text in (",", "(") and token.i == i - 1:
            continue
        if token.lower_ in _APPOSITIVE_STOPS or token.text in (".", ";", ":"):
            break
        label = _label_of_head(token_view(doc).lower, token.i)
        if label in COINED_LABELS:
            return label
    return None


def _label_other_uses(doc: Doc, mentions: list[Span], span: Span) -> list[Span]:
    taken = {i for m in mentions for i in range(m.start, m.end)}
    size = len(span)
    target = span.text
    view = token_view(doc)
    for i in positions(view.words, view.words[span.start]):
        if i == span.start or i > len(doc) - size:
            continue
        written = view.text[view.starts[i] : view.ends[i + size - 1]]  # the text of doc[i : i + size]
        if written in (target, target + "s") and taken.isdisjoint(range(i, i + size)):
            mentions.append(Span(doc, i, i + size, label=span.label_, kb_id=span.kb_id_, span_id="coined"))
            taken.update(range(i, i + size))
    return mentions

