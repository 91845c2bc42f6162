"""Greedy decoding of spaCy's transition-based ``ner``, one numpy step per token for a whole batch.

spaCy's ``ner`` is a transition parser: for each state it scores every
BILUO move from a few token vectors, takes the best valid one and moves on.
Its own loop works state by state (``transition_states`` costs about 2 us a
state here, as much as the network's step), and its greedy parser keeps no
scores. For named entities every move consumes exactly one token, so all the
documents of a batch can advance together: step ``t`` reads token ``t`` of
every document still running. This module does that with numpy on the
model's own weights, and computes on the way the probability that the model
starts an entity at a token.

What a state is for ``ner`` (spaCy's ``StateC.set_context_tokens`` with 3
features): the token at the front of the buffer, the first token of the open
entity, and the token before the front when an entity is open; missing
features read the model's padding vector. The moves' validity follows
``spacy/pipeline/_parser_internals/ner.pyx`` for documents without preset
entities: B-X needs no open entity, a next token that does not start a
sentence and a non-space token; I-X an open X entity and a next token that
does not start a sentence; L-X an open X entity; U-X no open entity and a
non-space token; O no open entity. The result equals ``ner(doc)`` (tested in
``tests/test_ner.py``); docs that carry entities already are not supported.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc


@dataclass(frozen=True)
class Entity:
    """A predicted entity: tokens ``start:end`` of its doc, its label, and the probability of its start."""

    start: int
    end: int
    label: str
    start_probability: float


class _Moves:
    """The model's classes as arrays: which move each is, and the label it carries."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        kinds = numpy.array([n[0] if n[1:2] == "-" else n for n in names])
        self.labels = [n[2:] if n[1:2] == "-" else "" for n in names]
        label_ids = sorted(set(self.labels))
        self.label_id = numpy.array([label_ids.index(label) for label in self.labels])
        self.label_names = label_ids
        named = numpy.array([label != "" for label in self.labels])
        self.begin = (kinds == "B") & named
        self.inside = (kinds == "I") & named
        self.last = (kinds == "L") & named
        self.unit = (kinds == "U") & named
        self.out = kinds == "O"
        # moves that may be taken with no entity open: the ones a start probability is shared among
        self.opening = self.out | (kinds == "B") | (kinds == "U")
        starting = sorted({n[2:] for n in names if n[:2] in ("B-", "U-")})
        self.start_group = numpy.zeros((len(names), len(starting)), dtype="f")
        for i, n in enumerate(names):
            if n[:2] in ("B-", "U-"):
                self.start_group[i, starting.index(n[2:])] = 1.0
        self.starts_entity = self.start_group.sum(axis=1) > 0
        self.start_column = self.start_group.argmax(axis=1)


def greedy_entities(ner, docs: list[Doc]) -> list[list[Entity]]:
    """The entities spaCy's greedy ``ner`` would set on each doc, with their start probabilities.

    The start probability of an entity is the softmax share, among the moves
    possible with no entity open (O, B-*, U-*), of the two that start an
    entity of its label, at its first token.
    """
    if any(doc.has_annotation("ENT_IOB") for doc in docs):
        raise ValueError("greedy_entities: docs with preset entities are not supported")
    results: list[list[Entity]] = [[] for _ in docs]
    if not any(len(doc) for doc in docs):
        return results
    moves = _Moves([ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)])
    model = ner.model
    tokvecs = model.layers[0].predict(docs)
    lower = model.get_ref("lower")
    cached = lower.predict(tokvecs)  # (tokens + 1, features, hidden, pieces); row 0 is the padding
    bias = lower.get_param("b")
    upper = model.get_ref("upper") if model.attrs["has_upper"] else None
    unseen = numpy.array(sorted(model.attrs.get("unseen_classes", ())), dtype="i")

    order = sorted(range(len(docs)), key=lambda k: -len(docs[k]))  # running docs are a prefix of `order`
    lengths = numpy.array([len(docs[k]) for k in order])
    starts_at = numpy.concatenate([[0], numpy.cumsum([len(doc) for doc in docs])[:-1]])
    offsets = starts_at[order]
    flags = [docs[k].to_array([SENT_START, IS_SPACE]).reshape(-1, 2) for k in order]
    sent_start = numpy.zeros((len(order), lengths[0] + 1), dtype=bool)
    is_space = numpy.zeros((len(order), lengths[0]), dtype=bool)
    for row, array in enumerate(flags):
        sent_start[row, :len(array)] = array[:, 0] == 1
        is_space[row, :len(array)] = array[:, 1] != 0

    open_start = numpy.full(len(order), -1)  # first token of the open entity, -1 if none
    open_label = numpy.full(len(order), -1)
    probability = numpy.ones((len(order), lengths[0]), dtype="f")
    spans: list[list[tuple[int, int, int]]] = [[] for _ in order]
    running = len(order)
    for t in range(lengths[0]):
        while lengths[running - 1] <= t:
            running -= 1
        is_open = open_start[:running] >= 0
        front = offsets[:running] + t + 1  # +1: row 0 of `cached` is the padding
        hidden = cached[front, 0]
        hidden = hidden + cached[numpy.where(is_open, offsets[:running] + open_start[:running] + 1, 0), 1]
        hidden = hidden + cached[numpy.where(is_open, front - 1, 0), 2]
        hidden += bias
        best_piece = hidden[:, :, 0]
        for piece in range(1, hidden.shape[2]):  # maxout; numpy's max over a short last axis is slow
            best_piece = numpy.maximum(best_piece, hidden[:, :, piece])
        hidden = best_piece
        if upper is not None:
            scores = upper.ops.gemm(hidden, upper.get_param("W"), trans2=True)
            scores += upper.get_param("b")
        else:
            scores = numpy.maximum(hidden, 0) if cached.shape[3] == 1 else hidden
        if unseen.size:
            scores[:, unseen] = numpy.nanmin(scores)

        room = (lengths[:running] - t >= 2)[:, None]  # a next token exists
        next_starts = sent_start[:running, t + 1][:, None]
        space = is_space[:running, t][:, None]
        closed = ~is_open[:, None]
        same_label = moves.label_id[None, :] == open_label[:running, None]
        valid = ((moves.out & closed)
                 | (moves.begin & closed & room & ~next_starts & ~space)
                 | (moves.unit & closed & ~space)
                 | (moves.inside & ~closed & room & ~next_starts & same_label)
                 | (moves.last & ~closed & same_label))
        chosen = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)

        openable = numpy.where(moves.opening, scores, -numpy.inf)
        best_opening = openable.argmax(axis=1)
        record = numpy.flatnonzero(~is_open & moves.starts_entity[best_opening])
        if record.size:
            chosen_rows = openable[record]
            shares = numpy.exp(chosen_rows - chosen_rows.max(axis=1, keepdims=True))
            by_label = (shares @ moves.start_group) / shares.sum(axis=1, keepdims=True)
            probability[record, t] = by_label[numpy.arange(record.size), moves.start_column[best_opening[record]]]

        begins = moves.begin[chosen]
        open_start[:running][begins] = t
        open_label[:running][begins] = moves.label_id[chosen[begins]]
        for row in numpy.flatnonzero(moves.unit[chosen]).tolist():
            spans[row].append((t, t + 1, int(moves.label_id[chosen[row]])))
        for row in numpy.flatnonzero(moves.last[chosen]).tolist():
            spans[row].append((int(open_start[row]), t + 1, int(open_label[row])))
        ends = moves.last[chosen]
        open_start[:running][ends] = -1
        open_label[:running][ends] = -1

    for row, k in enumerate(order):
        results[k] = [Entity(start, end, moves.label_names[label], float(probability[row, start]))
                      for start, end, label in spans[row]]
    return results
