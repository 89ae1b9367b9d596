"""Static indexes over integer days: which intervals contain a day, which spans
lie in or overlap a window.

``StabbingIndex`` cuts the days into blocks of ``2**shift`` days and keeps, for
each block, the intervals covering all of it, and those starting or ending inside
it with the day they start or end on, sorted by position (those inside one block,
by start); those over every block are kept once. A query takes the covering ones
whole, filters the few others with ``itertools.compress``, and merges the sorted
runs (``list.sort`` merges runs in linear time): only the few intervals from
inside one block are sorted, and no interval that cannot contain the day is
touched. Blocks are long enough that the covering lists hold at most ``_BUDGET``
entries per interval on average, and longer still while about
``_ENDS_PER_BLOCK`` intervals or fewer start or end inside each. Building is one
pass over the intervals.

``SpanIndex`` sorts spans by *length class*: class ``c`` holds those shorter than
``2**c`` days, sorted by start. A span of class ``c`` straddling day ``d``
starts in ``(d - 2**c, d)``, so one bisection per class finds every candidate.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import and_, gt, le, lt, sub
from typing import TypeAlias

from canjapan._status import ALWAYS, NEVER

__all__ = ["SpanIndex", "StabbingIndex"]

_BUDGET = 7
"""At most this many block entries per interval, on average: the block length is
the shortest that keeps to it (memory and build time against query time)."""
_MIN_SHIFT = 4
"""Blocks are at least 16 days long."""
_ENDS_PER_BLOCK = 1024
"""Blocks grow longer while about this many intervals start or end inside one."""


def _finite(values: array[int], pick: Callable[..., int | None]) -> int | None:
    """The least (``pick=min``) or greatest (``max``) value other than ``ALWAYS``
    and ``NEVER``, or ``None``."""
    extreme = pick(values, default=None)
    if extreme is None or ALWAYS < extreme < NEVER:
        return extreme
    inside = map(and_, map(gt, values, repeat(ALWAYS)), map(lt, values, repeat(NEVER)))
    return pick(compress(values, inside), default=None)


def _grid(starts: array[int], ends: array[int], shift: int | None) -> tuple[int, int, int]:
    """``(base, top, shift)``: blocks of ``2**shift`` days cover ``base..top - 1``,
    the days from the least to the greatest value other than ``ALWAYS`` and
    ``NEVER``."""
    n = len(starts)
    lows = [v for v in (_finite(starts, min), _finite(ends, min)) if v is not None]
    highs = [v for v in (_finite(starts, max), _finite(ends, max)) if v is not None]
    base = min(lows, default=0)
    top = max(highs, default=base) + 1
    if shift is not None:
        return base, top, shift
    # The covering entries are about (total length) / 2**shift; a sample of the
    # intervals estimates the total.
    # Intervals over every block are kept apart (see StabbingIndex): not counted.
    step = max(1, n // 65536)
    sample = map(sub, map(min, ends[::step], repeat(top)), map(max, starts[::step], repeat(base)))
    total = step * sum(length for length in sample if 0 < length < top - base)
    shift = _MIN_SHIFT
    while total >> shift > _BUDGET * n or (top - base) >> shift > 2 * n + 64:
        shift += 1
    # Longer blocks, fewer entries to build, while the intervals starting or ending
    # inside a block (about 2 * n * 2**shift / (top - base)) stay few to filter.
    while 1 << shift < top - base and n << (shift + 2) <= _ENDS_PER_BLOCK * (top - base):
        shift += 1
    return base, top, shift


def _by_start(
    ids: array[int], starts: array[int], ends: array[int]
) -> tuple[array[int], array[int], array[int]]:
    """The three columns in order of start (then position)."""
    if all(map(le, starts, starts[1:])):
        return ids, starts, ends
    order = sorted(range(len(ids)), key=starts.__getitem__)
    ids, starts, ends = (array("q", map(c.__getitem__, order)) for c in (ids, starts, ends))
    return ids, starts, ends


_Outside: TypeAlias = "tuple[array[int], int, int]"
"""Intervals reaching beyond the blocks: positions, latest start, earliest end."""


def _outside(starts: array[int], ends: array[int], chosen: Iterable[bool]) -> _Outside:
    """The chosen intervals that are not empty, their latest start and earliest end."""
    ids = array("q", [i for i in compress(range(len(starts)), chosen) if ends[i] > starts[i]])
    latest_start = max(map(starts.__getitem__, ids), default=ALWAYS)
    earliest_end = min(map(ends.__getitem__, ids), default=NEVER)
    return ids, latest_start, earliest_end


class StabbingIndex:
    """Intervals ``[starts[i], ends[i])`` over integer days; empty ones are never hit.

    ``ALWAYS`` and ``NEVER`` (unbounded ends) may be used; the blocks cover the
    days from the least to the greatest other value, and the intervals reaching
    beyond them are kept apart for days outside the blocks.
    """

    __slots__ = (
        "_after",
        "_base",
        "_before",
        "_ends",
        "_everywhere",
        "_first_block",
        "_full",
        "_heads",
        "_shift",
        "_short",
        "_size",
        "_starts",
        "_tails",
        "_top",
    )

    def __init__(
        self, starts: Sequence[int], ends: Sequence[int], *, shift: int | None = None
    ) -> None:
        """Index the intervals; ``shift`` fixes the blocks' length at ``2**shift``
        days (by default it is chosen from the intervals)."""
        n = len(starts)
        self._size = n
        self._starts = starts = starts if isinstance(starts, array) else array("q", starts)
        self._ends = ends = ends if isinstance(ends, array) else array("q", ends)
        base, top, shift = _grid(starts, ends, shift)
        self._base, self._top, self._shift = base, top, shift
        # Clipped to the blocks: inside them, the same days are in each interval.
        below = min(starts, default=base) < base
        above = max(ends, default=top) > top
        lo = map(max, starts, repeat(base)) if below else starts
        hi = map(min, ends, repeat(top)) if above else ends
        mask = (1 << shift) - 1
        # Blocks start on multiples of 2**shift days; block k starts on day
        # (k + first_block) << shift.
        first_block = base >> shift
        self._first_block = first_block
        blocks = ((top - 1) >> shift) - first_block + 1
        full = [array("q") for _ in range(blocks)]
        heads = [(array("q"), array("q")) for _ in range(blocks)]
        tails = [(array("q"), array("q")) for _ in range(blocks)]
        short = [(array("q"), array("q"), array("q")) for _ in range(blocks)]
        # One pass in position order, so that every list comes out sorted. Bound
        # methods, one list each: this loop is the whole cost of building.
        add_full = [a.append for a in full]
        head_id, head_start = ([a.append for a in c] for c in zip(*heads, strict=True))
        tail_id, tail_end = ([a.append for a in c] for c in zip(*tails, strict=True))
        short_id, short_start, short_end = ([a.append for a in c] for c in zip(*short, strict=True))
        everywhere = array("q")  # over every block: in no block's lists
        add_everywhere = everywhere.append
        for i, s, e in zip(range(n), lo, hi, strict=True):
            if e <= s:
                continue
            if s == base and e == top:
                add_everywhere(i)
                continue
            # The blocks it covers whole: first..stop - 1.
            first = ((s + mask) >> shift) - first_block
            stop = (e >> shift) - first_block
            if first > stop:  # inside one block, touching neither of its ends
                short_id[stop](i)
                short_start[stop](s)
                short_end[stop](e)
                continue
            if s & mask:
                head_id[first - 1](i)
                head_start[first - 1](s)
            if e & mask:
                tail_id[stop](i)
                tail_end[stop](e)
            for add in add_full[first:stop]:
                add(i)
        self._full, self._everywhere, self._heads, self._tails = full, everywhere, heads, tails
        # Those inside one block by start: a query filters only those started.
        self._short = [_by_start(*columns) for columns in short]
        self._before = _outside(starts, ends, map(lt, starts, repeat(base)) if below else ())
        self._after = _outside(starts, ends, map(gt, ends, repeat(top)) if above else ())

    def __len__(self) -> int:
        return self._size

    def checks(self, day: int) -> int:
        """How many intervals a stab of ``day`` checks one by one (the others it
        takes whole, or skips): a scan checks all of them."""
        if not self._base <= day < self._top:
            return len(self._before[0] if day < self._base else self._after[0])
        b = (day >> self._shift) - self._first_block
        return len(self._heads[b][0]) + len(self._tails[b][0]) + len(self._short[b][0])

    def stab_sorted(self, day: int) -> list[int]:
        """The positions of the intervals with ``start <= day < end``, in increasing order."""
        if not self._base <= day < self._top:
            # Outside the blocks: only intervals reaching beyond them can hold it,
            # usually all of them (they start at ALWAYS or end at NEVER).
            outside, latest_start, earliest_end = self._before if day < self._base else self._after
            if latest_start <= day < earliest_end:
                return outside.tolist()
            starts, ends = self._starts, self._ends
            return [i for i in outside if starts[i] <= day < ends[i]]
        b = (day >> self._shift) - self._first_block
        found = self._full[b].tolist()
        if self._everywhere:
            found += self._everywhere
        days = repeat(day)
        ids, starts = self._heads[b]
        found += compress(ids, map(le, starts, days))
        ids, ends = self._tails[b]
        found += compress(ids, map(gt, ends, days))
        ids, starts, ends = self._short[b]
        if ids:
            started = bisect_right(starts, day)
            found += compress(ids[:started], map(gt, ends[:started], days))
        found.sort()  # merges the sorted runs (and sorts the few from inside a block)
        return found

    def stab(self, day: int) -> set[int]:
        """The positions of the intervals with ``start <= day < end``."""
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
