"""Output-identity check for speed work: a digest of every extraction record, saved or compared.

A pure speed change must not change one record. This runs extraction on the
gold dev papers plus the first ``--papers`` abstracts of the shared arXiv
corpus (default 5,000) and digests each record whole: every entity (label,
canonical, family, proposed, aliases), every mention (text, offsets,
extractor, sentence) and every claim, in the order extraction returns them
(order reaches graph.json, so it counts too).

    python benchmarks/check_identical.py --save /tmp/before.json            # before the change
    python benchmarks/check_identical.py --compare /tmp/before.json         # after: exit 1 on any difference
    python benchmarks/check_identical.py --extractors rules,ner --save ...  # the same with the model

The digest files hold hashes and paper ids only, never text from the corpus.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_ner import default_corpus, read_papers  # noqa: E402  (benchmarks/ is the script's directory)


def gold_papers(path: Path) -> list:
    from kg.schema import Paper

    papers = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                papers.append(Paper(id=row["id"], title=row.get("title") or "", abstract=row.get("abstract") or ""))
    return papers


def record_digest(record) -> str:
    """SHA-1 of the record's entities and claims as plain data (the paper itself is the input, not output)."""
    data = {"entities": [dataclasses.asdict(e) for e in record.entities],
            "claims": [dataclasses.asdict(c) for c in record.claims]}
    return hashlib.sha1(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def digests(papers: list, extractors: str) -> dict[str, str]:
    from extractors.pipeline import extract_records, parse_extractors

    out: dict[str, str] = {}
    for index, record in enumerate(extract_records(papers, extractors=parse_extractors(extractors))):
        out[f"{index}:{record.paper.id}"] = record_digest(record)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=default_corpus().parents[1] / "gold" / "dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--extractors", default="rules")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the digests here")
    group.add_argument("--compare", type=Path, help="compare with digests written by --save")
    args = parser.parse_args()
    papers = gold_papers(args.gold) + read_papers(args.corpus, args.papers)
    started = time.process_time()
    found = digests(papers, args.extractors)
    seconds = time.process_time() - started
    total = hashlib.sha1("".join(found.values()).encode()).hexdigest()
    print(f"{len(found)} records, extractors={args.extractors}, {seconds:.1f} CPU s, digest {total}")
    if args.save:
        args.save.write_text(json.dumps({"extractors": args.extractors, "total": total, "records": found}))
        return 0
    saved = json.loads(args.compare.read_text())
    if saved["extractors"] != args.extractors:
        print(f"saved digests are for extractors={saved['extractors']}", file=sys.stderr)
        return 2
    differing = [key for key in saved["records"].keys() | found.keys()
                 if saved["records"].get(key) != found.get(key)]
    if differing:
        print(f"DIFFERENT: {len(differing)} records, e.g. {sorted(differing)[:10]}")
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
