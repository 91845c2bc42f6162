"""Which entities a rule change adds and removes on abstracts nobody tuned to: two checkouts, one corpus slice.

A rule is judged by reading its hits on unlabelled text, not by the dev
score alone. This extracts the same slice of the shared arXiv corpus with
two checkouts of kg (each in its own process, with its own code on the
path) and prints every (paper, label, canonical name) that one has and the
other lacks, with the first mention's text, then a count.

    git worktree add --detach ../kg-before HEAD~1
    python benchmarks/ab_entities.py ../kg-before . --papers 3000 --offset 20000

Nothing is written but the two temporary result files, which are removed.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_ner import default_corpus  # noqa: E402

#: Run in each checkout (its own code first on the path): the slice's entities as JSON rows.
_DUMP = """
import gzip, itertools, json, sys
from extractors.pipeline import extract_records
from kg.schema import Paper
corpus, offset, count, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with gzip.open(corpus, "rt", encoding="utf-8") as handle:
    rows = [json.loads(line) for line in itertools.islice(handle, offset, offset + count)]
papers = [Paper(id=r["id"], title=r.get("title") or "", abstract=r["abstract"]) for r in rows
          if (r.get("abstract") or "").strip()]
found = [[rec.paper.id, e.label, e.canonical, e.mentions[0].text if e.mentions else ""]
         for rec in extract_records(papers) for e in rec.entities]
with open(out, "w", encoding="utf-8") as handle:
    json.dump(found, handle)
"""


def entities(checkout: Path, corpus: Path, offset: int, count: int) -> dict[tuple[str, str, str], str]:
    """(paper id, label, canonical) -> first mention text, extracted by the code in ``checkout``."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    try:
        env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
        subprocess.run([sys.executable, "-c", _DUMP, str(corpus), str(offset), str(count), out],
                       cwd=checkout, env=env, check=True)
        with open(out, encoding="utf-8") as handle:
            return {(pid, label, name): text for pid, label, name, text in json.load(handle)}
    finally:
        os.unlink(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path, help="checkout before the change")
    parser.add_argument("new", type=Path, help="checkout after the change")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--offset", type=int, default=20000, help="papers skipped first (away from the start)")
    args = parser.parse_args()
    before = entities(args.old, args.corpus, args.offset, args.papers)
    after = entities(args.new, args.corpus, args.offset, args.papers)
    gone, new = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    for key in gone:
        print("-", *key[:2], repr(key[2]), "|", before[key])
    for key in new:
        print("+", *key[:2], repr(key[2]), "|", after[key])
    print(f"# {len(gone)} gone, {len(new)} new ({len(before)} -> {len(after)} entities)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
