"""Static indexes over integer days: which intervals contain a day, which spans
lie in or overlap a window.

Both sort the intervals by *length class*: class ``c`` holds those shorter than
``2**c`` days, sorted by start. An interval of class ``c`` containing day ``d``
starts in ``(d - 2**c, d]``, so one bisection per class finds every candidate,
and the candidates that do not reach ``d`` are, for starts spread evenly, at most
about as many as those that do. Building is a sort; a query costs
``O(classes * log n + k)``, with the filtering done by ``itertools.compress`` over
array slices rather than in a Python loop.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, lt, mul, sub

__all__ = ["SpanIndex", "StabbingIndex"]

_CLASS = 1 << 32
"""A class's step in the sort key: more than the span of any two days' ordinals."""


class StabbingIndex:
    """Intervals ``[starts[i], ends[i])`` over integer days; empty ones are never hit."""

    __slots__ = ("_classes", "_size")

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        n = len(starts)
        self._size = n
        # Length class of each interval; empty and reversed ones (length <= 0) get
        # class 0 and are dropped.
        classes_of = list(map(int.bit_length, map(max, map(sub, ends, starts), repeat(0))))
        # One float key (exact: below 2**53) orders by class, then start: all C-level.
        keys = list(map(float, map(add, map(mul, classes_of, repeat(_CLASS)), starts)))
        order = sorted(range(n), key=keys.__getitem__)
        ordered = list(map(classes_of.__getitem__, order))
        classes = []
        for c in sorted(set(classes_of) - {0}):
            a, b = bisect_left(ordered, c), bisect_right(ordered, c)
            members = order[a:b]
            classes.append(
                (
                    1 << c,
                    list(map(starts.__getitem__, members)),
                    list(map(ends.__getitem__, members)),
                    members,
                )
            )
        self._classes = tuple(classes)

    def __len__(self) -> int:
        return self._size

    def estimate(self, day: int) -> int:
        """An upper bound on how many intervals contain ``day``, in O(log n)."""
        total = 0
        for length, starts, _, _ in self._classes:
            total += bisect_right(starts, day) - bisect_right(starts, day - length)
        return total

    def stab_sorted(self, day: int) -> list[int]:
        """The ids of the intervals with ``start <= day < end``, in increasing order."""
        found: list[int] = []
        days = repeat(day)
        for length, starts, ends, ids in self._classes:
            a = bisect_right(starts, day - length)
            b = bisect_right(starts, day, a)
            if a < b:
                found.extend(compress(ids[a:b], map(lt, days, ends[a:b])))
        found.sort()
        return found

    def stab(self, day: int) -> set[int]:
        """The ids of the intervals with ``start <= day < end``."""
        return set(self.stab_sorted(day))


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
        # Only queries for straddling spans need the length classes: made on first use.
        self._classes: tuple[tuple[int, array[int], array[int]], ...] | None = None

    def _length_classes(self) -> tuple[tuple[int, array[int], array[int]], ...]:
        if self._classes is None:
            lengths = list(map(int.bit_length, map(int.__sub__, self.his, self.los)))
            by_class = sorted(range(len(lengths)), key=lengths.__getitem__)  # stable
            ordered = list(map(lengths.__getitem__, by_class))
            classes = []
            for c in sorted(set(lengths) - {0}):  # a one-day span straddles nothing
                ids = array("q", by_class[bisect_left(ordered, c) : bisect_right(ordered, c)])
                classes.append((1 << c, array("q", map(self.los.__getitem__, ids)), ids))
            # Concurrent first uses compute the same classes; either may be kept.
            self._classes = tuple(classes)
        return self._classes

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
        for length, starts, ids in self._length_classes():
            a = bisect_right(starts, lo - length)
            b = bisect_left(starts, lo, a)
            found.extend(i for i in ids[a:b] if his[i] >= lo)
        found.sort()
        return found
