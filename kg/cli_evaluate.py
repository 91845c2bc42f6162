"""``kg evaluate GOLD [--pred FILE]``: precision, recall and F1 per label and for claims."""
from __future__ import annotations

import argparse
import json

from kg.cli import command, extractors_argument
from kg.corpus import read_corpus
from kg.evaluate import read_jsonl, score


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold JSON Lines: id, title, abstract, entities, claims")
    parser.add_argument("--pred", help="predictions to score (default: extract the gold papers now)")
    parser.add_argument("--details", action="store_true", help="list every miss and every false hit")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    extractors_argument(parser)


@command("evaluate", "score extraction against gold annotations", _arguments)
def run_evaluate(args: argparse.Namespace) -> int:
    gold = read_jsonl(args.gold)
    if args.pred:
        predicted = read_jsonl(args.pred)
    else:
        from extractors.pipeline import extract_records

        predicted = [record.to_json() for record in extract_records(read_corpus(args.gold), extractors=args.extractors)]
    result = score(gold, predicted, details=args.details)
    print(json.dumps(result.as_dict()) if args.json else result.table())
    for line in result.details:
        print(line)
    return 0
