"""Regenerate the weak-labelled training data and retrain the shipped NER model.

    python -m extractors.ner.train [--corpus ../shared/corpus/arxiv-cs-2025.jsonl.gz]
                                   [--tdmsci ../shared/reference/tdmsci/train_1500_v2.conll]
                                   [--docs 16000] [--seed 0] [--mask-rate 0.3]
                                   [--work .ner-work] [--install]

Steps, all seeded: pick ``--docs`` abstracts from the unlabelled arXiv corpus,
label them with the rule pipeline (:mod:`extractors.ner.weak_labels`), add the
TDMSci sentences with their human TASK/DATASET/METRIC tags, then
run spaCy's own training loop on ``extractors/ner/config.cfg``. The training
docs and checkpoints go to ``--work`` (not committed: they are derived from
shared data). With ``--install`` the best checkpoint's ``ner`` is copied to
``extractors/data/ner_model``, the model that ships with the package.

The gold evaluation files are never read here.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from extractors.ner.weak_labels import WeakLabelSettings, write_docbins

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
REPO_ROOT = HERE.parents[1]


def shared_file(relative: str) -> Path:
    """A file of ``../shared`` beside the checkout (or beside its parent, for git worktrees under ``wt/``)."""
    for root in (REPO_ROOT.parent, REPO_ROOT.parent.parent):
        path = root / "shared" / relative
        if path.exists():
            return path
    return REPO_ROOT.parent / "shared" / relative


def train(work: Path, overrides: dict[str, object] | None = None) -> Path:
    """spaCy's training loop on the config; returns the best checkpoint's directory."""
    import extractors.pipeline  # noqa: F401  (registers kg.scientific_tokenizer.v1 for the config)
    from spacy.cli.train import train as spacy_train

    settings = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    settings.update(overrides or {})
    spacy_train(CONFIG, work / "model", overrides=settings)
    return work / "model" / "model-best"


def install(model_dir: Path) -> Path:
    """Copy the trained pipeline into the package data, without the training vocabulary.

    The hash embeddings need no string table, so ``vocab/strings.json`` is cut
    to the label names (2.8 MB of training words saved).
    """
    from extractors.ner.component import MODEL_DIR

    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(model_dir, MODEL_DIR)
    labels = json.loads((MODEL_DIR / "meta.json").read_text())["labels"]["ner"]
    (MODEL_DIR / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)))
    return MODEL_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractors.ner.train", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=shared_file("corpus/arxiv-cs-2025.jsonl.gz"),
                        help="unlabelled abstracts (.jsonl[.gz])")
    parser.add_argument("--tdmsci", type=Path, default=shared_file("reference/tdmsci/train_1500_v2.conll"),
                        help="TDMSci training sentences (CoNLL); skipped when the file is absent")
    parser.add_argument("--tdmsci-repeat", type=int, default=WeakLabelSettings.tdmsci_repeat,
                        help="copies of each TDMSci sentence in the training data (0: none)")
    parser.add_argument("--docs", type=int, default=WeakLabelSettings.docs, help="training abstracts")
    parser.add_argument("--seed", type=int, default=WeakLabelSettings.seed)
    parser.add_argument("--mask-rate", type=float, default=WeakLabelSettings.mask_rate,
                        help="share of name-shaped mentions whose letters are scrambled")
    parser.add_argument("--no-missing", action="store_true",
                        help="train uncovered name-shaped tokens as outside instead of unknown")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--work", type=Path, default=REPO_ROOT / ".ner-work", help="scratch directory")
    parser.add_argument("--skip-data", action="store_true", help="reuse the training docs already in --work")
    parser.add_argument("--install", action="store_true", help="copy the best model into extractors/data/ner_model")
    args = parser.parse_args(argv)
    if not args.skip_data and not args.corpus.exists():
        parser.error(f"{args.corpus}: no such corpus (the shared data sits at ../shared beside the checkout)")
    started = time.perf_counter()
    if not args.skip_data:
        settings = WeakLabelSettings(args.docs, args.seed, args.mask_rate, not args.no_missing, args.tdmsci_repeat)
        counts = write_docbins(args.corpus, args.work, settings,
                               tdmsci=args.tdmsci if args.tdmsci.exists() else None)
        print(f"weak labels: {json.dumps(counts)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    overrides: dict[str, object] = {"system.seed": args.seed}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    best = train(args.work, overrides)
    print(f"trained in {time.perf_counter() - started:.0f} s total -> {best}", file=sys.stderr)
    if args.install:
        print(f"installed -> {install(best)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
