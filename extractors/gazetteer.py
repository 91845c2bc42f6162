"""Gazetteers: curated names of architectures, methods, datasets, metrics and tasks.

Each row of a file in ``extractors/data/gazetteer/`` is one fact: a canonical
name, its aliases, the family it is a variant of, and whether it must be
matched with its written case (acronyms that are also English words, such as
"CLIP" or "Places"). See ``extractors/data/README.md`` for the sources.

The ``kg_gazetteer`` component finds names with spaCy's PhraseMatcher and
resolves them by their key (:func:`~extractors.normalize.name_key`), so
"ResNet50", "ResNet-50" and "resnet 50" all find the entry ``ResNet-50``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.normalize import is_plural_form, name_key
from extractors.tokens import read_spans, token_view, write_spans

DATA_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"
#: File name -> entity label.
FILES = {
    "architectures.csv": "ARCHITECTURE",
    "methods.csv": "METHOD",
    "datasets.csv": "DATASET",
    "metrics.csv": "METRIC",
    "tasks.csv": "TASK",
    # Mined from unlabelled abstracts (extractors/mine_phrases.py); curated entries above win.
    "mined_methods.csv": "METHOD",
    "mined_tasks.csv": "TASK",
}
MENTIONS_KEY = "kg_mentions"


@dataclass(frozen=True)
class Entry:
    """One gazetteer fact."""

    label: str
    canonical: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
    case_sensitive: bool = False


@dataclass
class Gazetteer:
    """All entries, indexed by the keys of their names."""

    entries: list[Entry] = field(default_factory=list)
    #: Every name as written in the files (canonical names and aliases).
    names: list[str] = field(default_factory=list)
    by_key: dict[str, Entry] = field(default_factory=dict)
    #: For case-sensitive entries: the exact written forms allowed (spaces/hyphens squashed).
    exact_forms: dict[str, set[str]] = field(default_factory=dict)
    #: The name or alias as listed that owns each key (the case rules look at how it is written).
    listed_form: dict[str, str] = field(default_factory=dict)
    _two_labels: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._two_labels = None
        for name in (entry.canonical, *entry.aliases):
            key = name_key(name)
            if not key:
                continue
            self.names.append(name)
            # The first fact to claim a key keeps it: files are read in a fixed
            # order, so conflicts resolve the same way on every machine.
            if key not in self.by_key:
                self.by_key[key] = entry
                self.listed_form[key] = name
            # an entry's case rule is for its names written with capitals ("MAE", "Space Invaders"); a long
            # form listed in lower case ("mean absolute error") may be written in any case, a title's too
            if entry.case_sensitive and not (" " in name.strip() and name == name.lower()):
                self.exact_forms.setdefault(key, set()).add(_exact_form(name))

    def keys_of_two_labels(self) -> frozenset[str]:
        """Keys some names of two labels share ("VQA": a dataset, and the task's short form); found once.

        Only the first fact owns such a key (:meth:`add`), so a hyphenated
        compound of it ("KB-VQA", "SCRA-VQA") names a task or a model as often
        as something of the owner's kind.
        """
        if self._two_labels is None:
            labels: dict[str, set[str]] = {}
            for entry in self.entries:
                for name in (entry.canonical, *entry.aliases):
                    labels.setdefault(name_key(name), set()).add(entry.label)
            self._two_labels = frozenset(key for key, found in labels.items() if len(found) > 1)
        return self._two_labels

    def by_canonical(self, label: str, canonical: str) -> Entry | None:
        """The entry whose canonical name this is, if any."""
        entry = self.by_key.get(name_key(canonical))
        return entry if entry is not None and entry.label == label else None

    def lookup(self, surface: str) -> Entry | None:
        """The entry a surface form names, or None (case rules applied)."""
        key = name_key(surface)
        entry = self.by_key.get(key)
        if entry is None:
            return None
        if not _case_ok(self.listed_form[key], surface, self.exact_forms.get(key)):
            return None
        return entry


def _exact_form(name: str) -> str:
    out = "".join(ch for ch in name if ch.isalnum() or ch == "+")
    return out[:-1] if is_plural_form(name) else out


def _case_ok(listed: str, surface: str, exact: set[str] | None) -> bool:
    """Reject lower-case look-alikes of names that are written with capitals.

    "CLIP" is a model, "clip" is a word; "GAN" is a model, "gan" is noise. A name
    listed as an acronym (no lower-case letters) is only matched when the
    surface has a capital too; its spelled-out aliases ("convolutional neural
    network" for "CNN") and camel-cased names ("resnet 50") may be written in
    lower case. Entries flagged case-sensitive must
    match one of their written forms.
    """
    if exact is not None:
        return _exact_form(surface) in exact
    letters = [ch for ch in listed if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters) and surface.islower():
        return False
    return True


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: str = str(DATA_DIR)) -> Gazetteer:
    """Read every gazetteer file (cached: the files are read once per process)."""
    gazetteer = Gazetteer()
    for filename, label in FILES.items():
        path = Path(data_dir) / filename
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                name = (row.get("name") or "").strip()
                if not name:
                    continue
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
                family = (row.get("family") or "").strip() or None
                case_sensitive = (row.get("case") or "").strip().lower() == "exact"
                gazetteer.add(Entry(label, name, aliases, family, case_sensitive))
    return gazetteer


@Language.factory("kg_gazetteer", default_config={"data_dir": str(DATA_DIR)})
def make_gazetteer_matcher(nlp: Language, name: str, data_dir: str) -> "GazetteerMatcher":
    return GazetteerMatcher(nlp, load_gazetteer(data_dir))


_LETTER_DIGIT = re.compile(r"(?<=[A-Za-z])([A-UW-Za-uw-z])(\d)")  # not a version: "YOLOv5"


def written_variants(name: str) -> set[str]:
    """The ways a name is written: as listed, hyphens and spaces swapped or dropped, and plural.

    "ResNet-50" -> "ResNet-50", "ResNet 50", "ResNet50" (and their plurals);
    "ADE20K" -> "ADE-20K", "ADE 20K";
    case does not matter because patterns match on lower case.
    """
    forms = {name, name.replace("-", " "), name.replace("-", ""), name.replace(" ", "-"), name.replace(" ", "")}
    glued = _LETTER_DIGIT.sub(r"\1-\2", name)  # "ADE20K" is also written "ADE-20K"
    if glued != name:
        forms |= {glued, glued.replace("-", " ")}
    forms |= {f.replace("ization", "isation") for f in forms if "ization" in f}
    plurals = set()
    for form in forms:
        if form[-1:].isalpha() and not form.endswith("s"):
            plurals.add(form[:-1] + "ies" if form.endswith("y") and form[-2:-1] not in "aeiou" else form + "s")
    return {f for f in forms | plurals if f.strip()}


class GazetteerMatcher:
    """Adds a span to ``doc.spans["kg_mentions"]`` for each longest gazetteer match.

    Candidate spans come from spaCy's ``PhraseMatcher`` on lower-case tokens
    (patterns: every :func:`written_variants` of every name); each candidate
    is then looked up by its key, which applies the case rules. Span
    ``label_`` is the entity label, ``kb_id_`` the canonical name and ``id_``
    the extractor ("gazetteer").
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms = sorted({form for name in gazetteer.names for form in written_variants(name)})
        self.matcher.add("GAZETTEER", list(nlp.tokenizer.pipe(forms)))
        #: surface -> entry (or None): the answer depends on the surface alone, and the same surfaces come
        #: back in doc after doc (a lookup is a key plus the case rules, ~3 us; a dict hit, ~0.1 us).
        self._lookups: dict[str, Entry | None] = {}

    def lookup(self, surface: str) -> Entry | None:
        """:meth:`Gazetteer.lookup`, remembered (bounded: forgotten when it grows large)."""
        try:
            return self._lookups[surface]
        except KeyError:
            if len(self._lookups) > 200_000:
                self._lookups.clear()
            entry = self._lookups[surface] = self.gazetteer.lookup(surface)
            return entry

    def __call__(self, doc: Doc) -> Doc:
        view = token_view(doc)
        spans = read_spans(doc, MENTIONS_KEY)
        taken = {i for span in spans for i in range(span.start, span.end)}
        # longest first, then leftmost
        candidates = sorted(self.matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        for _, start, end in candidates:
            if not taken.isdisjoint(range(start, end)):
                continue
            surface = view.text[view.starts[start] : view.ends[end - 1]]
            entry = self.lookup(surface)
            if entry is None:
                continue
            spans.append(Span(doc, start, end, label=entry.label, kb_id=entry.canonical, span_id="gazetteer"))
            taken.update(range(start, end))
        write_spans(doc, MENTIONS_KEY, spans)
        return doc
