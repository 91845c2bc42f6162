"""CPU seconds per pipeline component, to see where extraction time goes.

Wall-clock throughput (``bench_ner.py``) is noisy on a shared machine; this
measures ``time.process_time()`` of each step over the same list of docs:
spaCy's blank tokenizer (the floor), the kg tokenizer, every component in
pipeline order (each over all docs before the next starts, so each figure is
that component alone), and ``record_from_doc``. With ``--repeat N`` it keeps
the least of N runs of each step, the figure least disturbed by other load.

    python benchmarks/profile_components.py [--papers 2000] [--repeat 3] [--extractors rules]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_ner import default_corpus, read_papers  # noqa: E402


def profile(papers: list, extractors: tuple[str, ...]) -> dict[str, float]:
    """One run: step name -> CPU seconds."""
    import spacy

    from extractors.pipeline import make_nlp, record_from_doc

    texts = [p.text for p in papers]
    times: dict[str, float] = {}
    blank = spacy.blank("en")
    started = time.process_time()
    for text in texts:
        blank.make_doc(text)
    times["blank tokenizer"] = time.process_time() - started
    nlp = make_nlp(extractors)
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    times["kg tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs))
        else:
            docs = [component(doc) for doc in docs]
        times[name] = time.process_time() - started
    started = time.process_time()
    for paper, doc in zip(papers, docs):
        record_from_doc(paper, doc)
    times["record_from_doc"] = time.process_time() - started
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extractors", default="rules")
    args = parser.parse_args()
    from extractors.pipeline import parse_extractors

    papers = read_papers(args.corpus, args.papers)
    extractors = parse_extractors(args.extractors)
    profile(papers[:200], extractors)  # warm caches and lazy loads outside the clock
    runs = [profile(papers, extractors) for _ in range(args.repeat)]
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    pipeline = sum(v for k, v in best.items() if k != "blank tokenizer")
    print(f"{len(papers)} abstracts, least of {args.repeat} runs, CPU seconds")
    for name, seconds in best.items():
        print(f"  {name:22}{seconds:8.2f}")
    print(f"  {'total (kg)':22}{pipeline:8.2f}   ratio blank/kg {best['blank tokenizer'] / pipeline:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
