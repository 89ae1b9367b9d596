"""Locks that a forked child gets afresh, and the pause of the garbage collector.

``os.fork()`` copies a process with only the thread that forked. A lock another
thread held at that moment stays held in the child for ever, and a ``finally`` in
another thread never runs there: without care, a child forked while a thread loads
a dataset or builds a derived table would deadlock on its first query, or keep the
garbage collector paused for good.

* ``ForkSafeLock`` is a re-entrant lock that a child replaces by a new one on
  first use (each fork bumps a generation number, in an ``os.register_at_fork``
  handler that runs in the child before any other thread exists).
* ``gc_paused`` pauses automatic garbage collection while datasets load (their
  records hold no reference cycles, and a collection pass every few hundred new
  records costs about a third of the load). Loads that overlap in several threads
  share one pause: the collector is restored, to the state it had before the first
  of them began, when the last one ends; a child forked during a load gets that
  state back at once. ``gc.collect()`` works throughout.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

__all__ = ["ForkSafeLock", "gc_paused"]

_generation = 0
_guard = threading.Lock()
_pauses = 0
_was_enabled = True


def _after_fork_in_child() -> None:
    global _generation, _guard, _pauses  # noqa: PLW0603 (process-wide state by design)
    _generation += 1
    _guard = threading.Lock()
    if _pauses:  # the loads in progress went on in other threads, not here
        _pauses = 0
        if _was_enabled:
            gc.enable()


if hasattr(os, "register_at_fork"):  # pragma: no branch (absent on Windows)
    os.register_at_fork(after_in_child=_after_fork_in_child)


class ForkSafeLock:
    """A re-entrant lock, renewed in a forked child (where its holder may not exist)."""

    __slots__ = ("_generation", "_lock")

    def __init__(self) -> None:
        self._generation = _generation
        self._lock = threading.RLock()

    def __enter__(self) -> None:
        if self._generation != _generation:
            with _guard:
                if self._generation != _generation:
                    self._lock = threading.RLock()
                    self._generation = _generation
        self._lock.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._lock.release()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause automatic garbage collection for the block (see the module docstring)."""
    global _pauses, _was_enabled  # noqa: PLW0603 (process-wide state by design)
    with _guard:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _guard:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
