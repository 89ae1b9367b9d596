"""A static index answering "which half-open intervals ``[start, end)`` contain day d".

The intervals are swept once in time order. Every so often the sweep stores a
*checkpoint*: the set of intervals active at that moment. A query starts from the
last checkpoint at or before ``d`` and applies the starts and ends that fall between
the checkpoint and ``d`` (found by bisection in the sorted start and end arrays).

A checkpoint is stored only after at least as many boundary events as it holds
intervals (and at least ``MIN_GAP``), so the checkpoints hold at most about twice
as many entries as there are intervals, while a query touches about as many
entries as the answer holds plus the events since its checkpoint.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final

__all__ = ["SpanIndex", "StabbingIndex"]

MIN_GAP: Final = 32


class StabbingIndex:
    """Intervals ``[starts[i], ends[i])`` over integer days; empty ones are never hit."""

    __slots__ = (
        "_checkpoint_sets",
        "_checkpoint_times",
        "_end_ids",
        "_end_times",
        "_size",
        "_start_ids",
        "_start_times",
    )

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        live = [i for i in range(len(starts)) if starts[i] < ends[i]]
        by_start = sorted(live, key=starts.__getitem__)
        by_end = sorted(live, key=ends.__getitem__)
        self._size = len(starts)
        self._start_ids = array("q", by_start)
        self._start_times = [starts[i] for i in by_start]
        self._end_ids = array("q", by_end)
        self._end_times = [ends[i] for i in by_end]
        self._checkpoint_times: list[int] = []
        self._checkpoint_sets: list[frozenset[int]] = []
        self._build_checkpoints()

    def _build_checkpoints(self) -> None:
        starts, ends = self._start_times, self._end_times
        start_ids, end_ids = self._start_ids, self._end_ids
        active: set[int] = set()
        si = ei = 0
        n = len(starts)
        since = 0
        while si < n or ei < n:
            # Next moment: the smaller of the next start and the next end.
            t = ends[ei] if si >= n or (ei < n and ends[ei] <= starts[si]) else starts[si]
            while ei < n and ends[ei] == t:
                active.discard(end_ids[ei])
                ei += 1
                since += 1
            while si < n and starts[si] == t:
                active.add(start_ids[si])
                si += 1
                since += 1
            if since >= max(MIN_GAP, len(active)):
                self._checkpoint_times.append(t)
                self._checkpoint_sets.append(frozenset(active))
                since = 0

    def __len__(self) -> int:
        return self._size

    def estimate(self, day: int) -> int:
        """An upper bound on how many intervals contain ``day``, in O(log n)."""
        c = bisect_right(self._checkpoint_times, day) - 1
        base = len(self._checkpoint_sets[c]) if c >= 0 else 0
        since = self._checkpoint_times[c] if c >= 0 else None
        s_from = 0 if since is None else bisect_right(self._start_times, since)
        return base + bisect_right(self._start_times, day) - s_from

    def stab(self, day: int) -> set[int]:
        """The ids of the intervals with ``start <= day < end``."""
        c = bisect_right(self._checkpoint_times, day) - 1
        if c >= 0:
            since = self._checkpoint_times[c]
            result = set(self._checkpoint_sets[c])
        else:
            since = None
            result = set()
        s_from = 0 if since is None else bisect_right(self._start_times, since)
        s_to = bisect_right(self._start_times, day)
        result.update(self._start_ids[s_from:s_to])
        e_from = 0 if since is None else bisect_right(self._end_times, since)
        e_to = bisect_right(self._end_times, day)
        result.difference_update(self._end_ids[e_from:e_to])
        return result


class SpanIndex:
    """Spans ``[los[i], his[i]]`` (closed, over integer days), sorted by ``los``,
    answering which lie inside a window or overlap it in O(log n + k).

    Spans inside ``[lo, hi]`` start in it: a bisection of ``los`` finds them. A span
    overlapping the window starts in it or straddles ``lo``; the straddlers are found
    by length class: the spans of class ``c`` are shorter than ``2**c`` days, so one
    straddling ``lo`` starts after ``lo - 2**c``, and a bisection of that class's
    starts finds every candidate, at most about twice as many as there are
    straddlers for starts spread evenly. Long spans thus cost no more than short ones.
    """

    __slots__ = ("_classes", "his", "los", "max_hi")

    def __init__(self, los: Sequence[int], his: Sequence[int]) -> None:
        self.los = array("q", los)
        self.his = array("q", his)
        self.max_hi = max(self.his, default=0)
        lengths = list(map(int.bit_length, map(int.__sub__, self.his, self.los)))
        by_class = sorted(range(len(lengths)), key=lengths.__getitem__)  # stable
        ordered = list(map(lengths.__getitem__, by_class))
        classes = []
        for c in sorted(set(lengths) - {0}):  # a one-day span straddles nothing
            ids = array("q", by_class[bisect_left(ordered, c) : bisect_right(ordered, c)])
            classes.append((1 << c, array("q", map(self.los.__getitem__, ids)), ids))
        self._classes = tuple(classes)

    def __len__(self) -> int:
        return len(self.los)

    def starting(self, lo: int, hi: int) -> range:
        """The positions of the spans starting on days ``lo..hi``."""
        return range(bisect_left(self.los, lo), bisect_right(self.los, hi))

    def straddling(self, lo: int) -> list[int]:
        """The positions, in order, of the spans starting before ``lo`` and ending
        on or after it."""
        found: list[int] = []
        his = self.his
        for length, starts, ids in self._classes:
            a = bisect_right(starts, lo - length)
            b = bisect_left(starts, lo, a)
            found.extend(i for i in ids[a:b] if his[i] >= lo)
        found.sort()
        return found
