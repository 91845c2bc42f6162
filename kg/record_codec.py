"""The extraction cache's payload: one paper's entities and claims as compact JSON arrays.

The cache used to hold :meth:`ExtractionRecord.to_json` objects. Reading
them back was most of an incremental build's time: every mention repeats
six key names, and :func:`kg.schema.record_from_json` looks each of them up.
Here a record is written as positional arrays::

    [[[label, canonical, family, proposed, [alias, ...], [[text, start, end, extractor, sent_start, sent_end], ...]],
      ...],
     [[kind, subject, metric, value, dataset, object, direction, number, unit, evidence, start, end], ...]]

half the bytes, parsed in half the time and turned into dataclasses
positionally. Workers encode their records themselves, so the parent stores
the text it receives as it is, and decodes each paper once. The paper
itself is not stored: the cache key is a hash of its text, and the paper
comes from the corpus.

Decoding gives what the old dictionary round trip gave, byte for byte in
every output: an entity without aliases gets its mentions' texts, as
:func:`kg.schema.entities_from_json` does.
"""
from __future__ import annotations

import json
from typing import Any

from kg.schema import Claim, Entity, ExtractionRecord, Mention, Paper

#: Claim fields in their array order (the dataclass's own order).
CLAIM_FIELDS: tuple[str, ...] = tuple(Claim.__dataclass_fields__)


def encode_record(record: ExtractionRecord) -> str:
    """The payload text of one record (its paper left out)."""
    entities = [
        [e.label, e.canonical, e.family, e.proposed, list(e.aliases),
         [[m.text, m.start, m.end, m.extractor, m.sent_start, m.sent_end] for m in e.mentions]]
        for e in record.entities
    ]
    claims = [[getattr(c, name) for name in CLAIM_FIELDS] for c in record.claims]
    return json.dumps([entities, claims], ensure_ascii=False, separators=(",", ":"))


def parse_payload(text: str) -> list[Any]:
    """The arrays of a payload; ``ValueError`` when the text is not one."""
    payload = json.loads(text)
    if not (isinstance(payload, list) and len(payload) == 2):
        raise ValueError("not a kg record payload")
    return payload


def decode_record(paper: Paper, payload: list[Any]) -> ExtractionRecord:
    """The record of ``paper`` from its parsed payload (:func:`parse_payload`)."""
    entity_rows, claim_rows = payload
    entities = []
    for label, canonical, family, proposed, aliases, mention_rows in entity_rows:
        mentions = [Mention(*row) for row in mention_rows]
        entities.append(Entity(label, canonical, mentions, aliases or [m.text for m in mentions], family,
                               bool(proposed)))
    return ExtractionRecord(paper=paper, entities=entities, claims=[Claim(*row) for row in claim_rows])
