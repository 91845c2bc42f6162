"""Extraction speed with and without the NER model, against spaCy's bare tokenizer.

For the same abstracts (the first ``--papers`` records of the shared arXiv
corpus, default 5,000), each in a fresh single process so peak memory is its
own, it prints abstracts per second and peak memory for:

* ``tokenizer``: ``spacy.blank("en")`` tokenizing the texts, the floor under any spaCy pipeline;
* ``rules``: the kg pipeline with the rule extractors only, records included;
* ``rules+ner``: the same plus the trained NER model (``--extractors rules,ner``; the default is rules);

and each one's throughput as a ratio to the tokenizer (targets: rules at least
0.6, rules+NER at least 0.15). With ``--jobs N`` it also runs rules+NER with
N worker processes, as ``kg extract -j N`` does, to show how it scales.

    python benchmarks/bench_ner.py [--corpus ../shared/corpus/arxiv-cs-2025.jsonl.gz] [--papers 5000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODES = ("tokenizer", "rules", "rules+ner")


def default_corpus() -> Path:
    for root in (ROOT.parent, ROOT.parent.parent):
        path = root / "shared" / "corpus" / "arxiv-cs-2025.jsonl.gz"
        if path.exists():
            return path
    return ROOT.parent / "shared" / "corpus" / "arxiv-cs-2025.jsonl.gz"


def read_papers(corpus: Path, n: int):
    from kg.schema import Paper

    papers = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if (row.get("abstract") or "").strip():
                papers.append(Paper(id=row["id"], title=row.get("title") or "", abstract=row["abstract"]))
            if len(papers) == n:
                break
    return papers


def run_one(mode: str, corpus: Path, n: int, jobs: int) -> dict:
    """Time one mode in this process; the pipeline is built (and the model read) before the clock starts."""
    papers = read_papers(corpus, n)
    texts = [p.text for p in papers]
    if mode == "tokenizer":
        import spacy

        nlp = spacy.blank("en")
        started = time.perf_counter()
        count = sum(1 for _ in nlp.pipe(texts, batch_size=64))
    elif jobs > 1:
        from kg.runner import run_extraction

        extractors = ("rules", "ner") if mode == "rules+ner" else ("rules",)
        started = time.perf_counter()
        count = sum(1 for _ in run_extraction(papers, jobs=jobs, extractors=extractors))
    else:
        from extractors.pipeline import extract_records, shared_nlp

        extractors = ("rules", "ner") if mode == "rules+ner" else ("rules",)
        shared_nlp(extractors)
        started = time.perf_counter()
        count = sum(1 for _ in extract_records(papers, extractors=extractors))
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"mode": mode, "jobs": jobs, "papers": count, "seconds": round(seconds, 2),
            "per_second": round(count / seconds, 1), "peak_mib": round(max(own, children) / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1, help="also run rules+NER with this many processes")
    parser.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.papers, args.jobs)))
        return 0
    runs = [(mode, 1) for mode in MODES] + ([("rules+ner", args.jobs)] if args.jobs > 1 else [])
    results = []
    for mode, jobs in runs:
        out = subprocess.run([sys.executable, __file__, "--one", mode, "--corpus", str(args.corpus),
                              "--papers", str(args.papers), "--jobs", str(jobs)],
                             check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    floor = results[0]["per_second"]
    print(f"{'mode':12}{'jobs':>5}{'abstracts/s':>13}{'ratio':>8}{'peak MiB':>10}   ({results[0]['papers']} abstracts)")
    for row in results:
        print(f"{row['mode']:12}{row['jobs']:5d}{row['per_second']:13.1f}{row['per_second'] / floor:8.3f}"
              f"{row['peak_mib']:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
