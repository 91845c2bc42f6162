"""Mine method and task names from unlabelled abstracts: "contrastive learning", "pose estimation".

Curated lists cannot keep up with a field that names a new kind of learning
every month, but the names are collocations: a head word that says what the
phrase is (``learning``, ``pruning``, ``attention`` -> METHOD; ``detection``,
``segmentation``, ``estimation`` -> TASK; see ``HEADS``) and a modifier that
is seldom used without it. A phrase is kept when, over the whole corpus,

* it occurs at least ``min_count`` times,
* its modifier words are not stop words, digits, capitalised names or
  generic evaluative words (``data/generic_modifiers.txt``: "novel",
  "accurate", "existing", ...), and
* a one-word modifier is followed by this head in at least ``min_share`` of
  its uses (a collocation test: "contrastive" -> "contrastive learning" in
  40% of uses, "robust" -> "robust detection" in 1%).

Two-word modifiers ("medical image segmentation") must pass the test on
their first word and occur ``2 * min_count`` times.

Run it to regenerate ``extractors/data/gazetteer/mined_*.csv``::

    python -m extractors.mine_phrases ../shared/corpus/arxiv-cs-2025.jsonl.gz

The output is sorted, so the same corpus gives the same files. When
``generic_modifiers.txt`` has grown, ``python -m extractors.mine_phrases
--refilter`` drops the listed phrases it now rejects without mining again.
"""
from __future__ import annotations

import argparse
import csv
import re
from functools import lru_cache
from collections import Counter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.names import read_word_list
from kg.atomic import atomic_write
from kg.corpus import read_corpus

DATA_DIR = Path(__file__).resolve().parent / "data"
HEADS: dict[str, str] = {
    **{h: "METHOD" for h in (
        "learning", "training", "distillation", "pruning", "attention", "augmentation", "normalization",
        "convolution", "quantization", "search", "optimization", "regularization", "fine-tuning",
        "pretraining", "pre-training", "descent", "sampling", "tuning", "decoding", "alignment", "merging",
    )},
    **{h: "TASK" for h in (
        "detection", "segmentation", "classification", "recognition", "estimation", "generation", "retrieval",
        "translation", "captioning", "answering", "forecasting", "tracking", "reconstruction", "synthesis",
        "restoration", "super-resolution", "inpainting", "denoising", "summarization", "localization",
        "re-identification", "completion", "editing", "grounding", "parsing", "prediction", "deblurring",
        "dehazing", "deraining", "matting", "registration", "understanding", "reasoning",
    )},
}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_CLAUSE = re.compile(r"[.;:!?()\[\],\"]")


@lru_cache(maxsize=1)
def generic_modifiers() -> frozenset[str]:
    return read_word_list(DATA_DIR / "generic_modifiers.txt")


def _head(word: str) -> str | None:
    if word in HEADS:
        return word
    if word.endswith("s") and word[:-1] in HEADS:
        return word[:-1]
    return None


def count_phrases(texts) -> tuple[Counter, Counter]:
    """(phrase counts keyed by (modifiers, head), word counts), over clause-split text."""
    phrases: Counter = Counter()
    words: Counter = Counter()
    for text in texts:
        for clause in _CLAUSE.split(text):
            written = _WORD.findall(clause)
            lower = [w.lower() for w in written]
            words.update(lower)
            for i, word in enumerate(lower):
                head = _head(word)
                if head is None:
                    continue
                for n in (1, 2):
                    if i - n < 0:
                        break
                    mods = lower[i - n : i]
                    if any(m in STOP_WORDS or m.isdigit() for m in mods):
                        break
                    if any(w[:1].isupper() for w in written[i - n : i]):
                        break  # names are for the other rules; here only common-noun phrases
                    phrases[(tuple(mods), head)] += 1
    return phrases, words


def select(phrases: Counter, words: Counter, min_count: int = 20, min_share: float = 0.05) -> list[tuple[str, str]]:
    """The (phrase, label) pairs that pass the collocation tests."""
    kept = []
    for (mods, head), count in phrases.items():
        first = mods[0]
        if not plain_modifiers(mods):
            continue
        share = phrases[((first,), head)] / max(1, words[first]) if len(mods) == 2 else count / max(1, words[first])
        if len(mods) == 1 and (count < min_count or share < min_share):
            continue
        if len(mods) == 2 and (count < 2 * min_count or share < min_share or mods[1].endswith(("ed", "ing"))):
            continue
        kept.append((" ".join(mods + (head,)), HEADS[head]))
    return sorted(kept)


def plain_modifiers(mods) -> bool:
    """Whether no modifier is a generic word or an adverb: "fewer training", "unstable training" fail."""
    generic = generic_modifiers()
    return not any(m in generic or m.endswith("ly") for m in mods)


def refilter(out_dir: Path) -> dict[str, int]:
    """Drop from the written lists the phrases today's modifier test rejects; the dropped count per file.

    ``generic_modifiers.txt`` grows as the rules meet new junk, and the lists
    are costly to mine again; this applies the grown list to them.
    """
    dropped = {}
    for filename in ("mined_methods.csv", "mined_tasks.csv"):
        path = out_dir / filename
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines(keepends=True)
        kept = [line for line in lines if line.startswith("#") or line.startswith("name,")
                or plain_modifiers(line.split(",", 1)[0].split()[:-1])]
        with atomic_write(path) as handle:
            handle.writelines(kept)
        dropped[filename] = len(lines) - len(kept)
    return dropped


def write(kept: list[tuple[str, str]], out_dir: Path) -> dict[str, int]:
    counts = {}
    for label, filename in (("METHOD", "mined_methods.csv"), ("TASK", "mined_tasks.csv")):
        rows = [name for name, lab in kept if lab == label]
        with atomic_write(out_dir / filename) as handle:
            handle.write(
                "# Mined by extractors/mine_phrases.py from unlabelled arXiv abstracts; regenerate, don't edit.\n"
            )
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["name", "aliases", "family", "case"])
            for name in rows:
                writer.writerow([name, "", "", ""])
        counts[filename] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", help="corpus files (any format kg reads)")
    parser.add_argument("-o", "--out", default=str(DATA_DIR / "gazetteer"), help="output directory")
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-share", type=float, default=0.05)
    parser.add_argument("--refilter", action="store_true",
                        help="don't mine: drop the listed phrases that the modifier test now rejects")
    args = parser.parse_args(argv)
    if args.refilter:
        for name, n in refilter(Path(args.out)).items():
            print(f"{name}: {n} phrases dropped")
        return 0
    if not args.corpus:
        parser.error("corpus files are needed unless --refilter is given")
    texts = (f"{p.title}. {p.abstract}" for p in read_corpus(args.corpus))
    phrases, words = count_phrases(texts)
    counts = write(select(phrases, words, args.min_count, args.min_share), Path(args.out))
    for name, n in counts.items():
        print(f"{name}: {n} phrases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
