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
        # an open entity of label id L selects rows 4 + 2L (its next token ends it) and 5 + 2L of valid_table
        self.open_code = 4 + 2 * self.label_id

    def valid_table(self) -> numpy.ndarray:
        """Valid moves by state code: 0-3 no entity open (bit 1: B allowed, bit 2: U allowed); 4 + 2L (+1 if
        I is allowed) an entity of label id L open."""
        table = numpy.zeros((4 + 2 * len(self.label_names), len(self.names)), dtype=bool)
        for code in range(4):
            table[code] = self.out | (self.begin & bool(code & 1)) | (self.unit & bool(code & 2))
        for label in range(len(self.label_names)):
            same = self.label_id == label
            table[4 + 2 * label] = self.last & same
            table[5 + 2 * label] = (self.last | self.inside) & same
        return table

    def entities(self, actions: numpy.ndarray) -> list[tuple[int, int, int]]:
        """(start, end, move) of each entity a doc's moves make; ``move`` is the one that carries the label."""
        found = []
        start = -1
        for t in numpy.flatnonzero(self.begin[actions] | self.last[actions] | self.unit[actions]).tolist():
            move = int(actions[t])
            if self.begin[move]:
                start = t
            elif self.last[move]:
                found.append((start, t + 1, move))
            else:
                found.append((t, t + 1, move))
        return found


def greedy_entities(ner, docs: list[Doc]) -> list[list[Entity]]:
    """The entities spaCy's greedy ``ner`` would set on each doc, with their start probabilities.

    The start probability of an entity is the softmax share, among the moves
    possible with no entity open (O, B-*, U-*), of the two that start an
    entity of its label, at its first token.
    """
    if any(doc.has_annotation("ENT_IOB") for doc in docs):
        raise ValueError("greedy_entities: docs with preset entities are not supported")
    if not any(len(doc) for doc in docs):
        return [[] for _ in docs]
    moves = _Moves([ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)])
    batch = _Batch(docs)
    actions, probability = _decode(ner.model, moves, batch, docs)
    results: list[list[Entity]] = [[] for _ in docs]
    for row, k in enumerate(batch.order):
        results[k] = [Entity(start, end, moves.labels[move], float(probability[row, start]))
                      for start, end, move in moves.entities(actions[row, :batch.lengths[row]])]
    return results


class _Batch:
    """The docs longest first (so the docs still running are always a prefix) and what limits their moves.

    ``closed_code[row, t]`` says which moves the token allows with no entity
    open (bit 1: B, it may start a longer entity; bit 2: U, it may be one);
    ``inside_ok[row, t]``: an open entity may go on past it (I).
    """

    def __init__(self, docs: list[Doc]) -> None:
        self.order = sorted(range(len(docs)), key=lambda k: -len(docs[k]))
        self.lengths = numpy.array([len(docs[k]) for k in self.order])
        starts_at = numpy.concatenate([[0], numpy.cumsum([len(doc) for doc in docs])[:-1]])
        self.offsets = starts_at[self.order]
        longest = int(self.lengths[0])
        self.closed_code = numpy.zeros((len(docs), longest), dtype="i")
        self.inside_ok = numpy.zeros((len(docs), longest), dtype="i")
        for row, k in enumerate(self.order):
            flags = docs[k].to_array([SENT_START, IS_SPACE]).reshape(-1, 2)
            n = len(flags)
            space = flags[:, 1] != 0
            # a next token exists and does not start a sentence (entities do not cross sentences)
            goes_on = numpy.zeros(n, dtype=bool)
            goes_on[:-1] = flags[1:, 0] != 1
            self.closed_code[row, :n] = (goes_on & ~space) * 1 + (~space) * 2
            self.inside_ok[row, :n] = goes_on


def _decode(model, moves: _Moves, batch: _Batch, docs: list[Doc]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The move taken at every token (rows in ``batch.order``) and the entity-start probability there."""
    cached = model.get_ref("lower").predict(model.layers[0].predict(docs))  # (tokens+1, 3, hidden, pieces)
    bias = model.get_ref("lower").get_param("b")
    upper = model.get_ref("upper") if model.attrs["has_upper"] else None
    unseen = numpy.array(sorted(model.attrs.get("unseen_classes", ())), dtype="i")
    valid_moves = moves.valid_table()
    rows, longest = batch.closed_code.shape
    actions = numpy.zeros((rows, longest), dtype="i")
    starts: list[tuple[int, numpy.ndarray, numpy.ndarray, numpy.ndarray]] = []
    open_start = numpy.full(rows, -1)  # first token of the open entity, -1 if none
    open_code = numpy.zeros(rows, dtype="i")  # the open entity's row of `valid_moves` (before inside_ok)
    running = rows
    for t in range(longest):
        while batch.lengths[running - 1] <= t:
            running -= 1
        offsets = batch.offsets[:running]
        is_open = open_start[:running] >= 0
        # the state's three features: the front token, the open entity's first token, the token before
        # the front when an entity is open; row 0 of `cached` is the padding of a missing feature
        front = offsets + t + 1
        hidden = (cached[front, 0] + cached[numpy.where(is_open, offsets + open_start[:running] + 1, 0), 1]
                  + cached[numpy.where(is_open, front - 1, 0), 2])
        hidden += bias
        best_piece = hidden[:, :, 0]
        for piece in range(1, hidden.shape[2]):  # maxout; numpy's max over a short last axis is slow
            best_piece = numpy.maximum(best_piece, hidden[:, :, piece])
        if upper is not None:
            scores = upper.ops.gemm(best_piece, upper.get_param("W"), trans2=True)
            scores += upper.get_param("b")
        else:
            scores = numpy.maximum(best_piece, 0) if cached.shape[3] == 1 else best_piece
        if unseen.size:
            scores[:, unseen] = numpy.nanmin(scores)

        code = numpy.where(is_open, open_code[:running] + batch.inside_ok[:running, t],
                           batch.closed_code[:running, t])
        chosen = numpy.where(valid_moves[code], scores, -numpy.inf).argmax(axis=1)
        actions[:running, t] = chosen
        starting = numpy.flatnonzero(moves.starts_entity[chosen])
        if starting.size:
            starts.append((t, starting, chosen[starting], scores[starting]))

        begins = moves.begin[chosen]
        open_start[:running][begins] = t
        open_code[:running][begins] = moves.open_code[chosen[begins]]
        open_start[:running][moves.last[chosen]] = -1
    probability = numpy.ones((rows, longest), dtype="f")
    _start_probabilities(moves, starts, probability)
    return actions, probability


def _start_probabilities(moves: _Moves, starts: list[tuple[int, numpy.ndarray, numpy.ndarray, numpy.ndarray]],
                         probability: numpy.ndarray) -> None:
    """Fill in, at each entity start, its label's share of the moves possible with no entity open.

    ``starts`` holds, per step ``t``, the rows whose chosen move starts an
    entity, those moves and the rows' scores; the shares are computed at the
    end, in one go.
    """
    if not starts:
        return
    steps = numpy.concatenate([numpy.full(len(rows), t) for t, rows, _, _ in starts])
    rows = numpy.concatenate([rows for _, rows, _, _ in starts])
    chosen = numpy.concatenate([chosen for _, _, chosen, _ in starts])
    openable = numpy.where(moves.opening, numpy.concatenate([scores for _, _, _, scores in starts]), -numpy.inf)
    shares = numpy.exp(openable - openable.max(axis=1, keepdims=True))
    by_label = (shares @ moves.start_group) / shares.sum(axis=1, keepdims=True)
    probability[rows, steps] = by_label[numpy.arange(len(rows)), moves.start_column[chosen]]
