"""Keeping Python's cyclic garbage collector out of the way of bulk building.

The collector runs after every 700 new containers (dicts, lists, objects)
and, now and then, walks every container alive. Building the graph of
62,000 abstracts creates millions of containers that all stay alive, so
those walks found nothing and cost about half the time of cache decoding
and of graph assembly (10,000 cached abstracts: assembly 8.1 s -> 3.3 s
without them). :func:`paused` switches the collector off for such a phase;
:func:`frozen` then moves what the phase built out of its sight
(``gc.freeze``), so the phases after it, which do make cyclic garbage (a
networkx graph refers to itself through its cached views), are collected as
usual without walking the big graph again and again.

Reference counting still frees everything that is not in a cycle at once,
so memory does not grow while the collector is paused unless the phase
makes cycles, which the assembly loop does not.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting goes on); the previous state after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Everything alive now is left out of cyclic collections inside the block, and given back after it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
