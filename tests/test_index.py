"""Tests for canjapan._index.StabbingIndex against a brute-force scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from canjapan import _index
from canjapan._index import SpanIndex, StabbingIndex
from canjapan._status import ALWAYS, NEVER

intervals = st.lists(
    st.tuples(st.integers(-50, 400), st.integers(0, 200)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=300,
)


UNBOUNDED = [ALWAYS - 1, ALWAYS, NEVER - 1, NEVER, NEVER + 1]
"""The unbounded ends, and values just beyond them."""


def brute(starts: list[int], ends: list[int], day: int) -> set[int]:
    return {i for i in range(len(starts)) if starts[i] <= day < ends[i]}


class TestStabbingIndex:
    """The index answers exactly what a scan answers."""

    @given(
        intervals,
        st.lists(st.integers(-100, 700), min_size=1, max_size=20),
        st.sampled_from([None, 0, 2, 4]),
    )
    def test_matches_scan(
        self, spans: list[tuple[int, int]], days: list[int], shift: int | None
    ) -> None:
        """For any intervals, days and block length, stab() equals the brute-force scan."""
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        index = StabbingIndex(starts, ends, shift=shift)
        assert len(index) == len(spans)
        for day in days:
            expected = brute(starts, ends, day)
            assert index.stab(day) == expected
            assert index.stab_sorted(day) == sorted(expected)

    @given(
        st.lists(
            st.tuples(
                st.one_of(st.sampled_from(UNBOUNDED), st.integers(-40, 300)),
                st.one_of(st.sampled_from(UNBOUNDED), st.integers(-40, 300)),
            ),
            max_size=200,
        ),
        st.lists(
            st.one_of(st.integers(-100, 400), st.sampled_from(UNBOUNDED)),
            min_size=1,
            max_size=20,
        ),
    )
    def test_unbounded_ends(self, spans: list[tuple[int, int]], days: list[int]) -> None:
        """Intervals from ALWAYS or to NEVER (or beyond), and days before and after
        every bounded value, answer as the scan does."""
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        index = StabbingIndex(starts, ends)
        for day in days:
            assert index.stab_sorted(day) == sorted(brute(starts, ends, day))

    @given(intervals, st.lists(st.integers(-100, 700), min_size=1, max_size=20))
    def test_checks_bound_the_work(self, spans: list[tuple[int, int]], days: list[int]) -> None:
        """checks() counts at most every interval, and the intervals it does not
        count that hold the day are those taken whole."""
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        index = StabbingIndex(starts, ends, shift=3)
        for day in days:
            assert 0 <= index.checks(day) <= len(spans)
            inside = index._base <= day < index._top
            whole = len(index._full[(day >> 3) - index._first_block]) if inside else 0
            assert len(brute(starts, ends, day)) <= index.checks(day) + whole

    def test_long_intervals_need_no_checks(self) -> None:
        """Intervals covering a whole block are taken without being checked."""
        starts = list(range(0, 1000, 10))
        index = StabbingIndex(starts, [s + 5000 for s in starts], shift=4)
        assert index.checks(2000) == 0
        assert index.stab_sorted(2000) == list(range(100))

    def test_block_edges(self) -> None:
        """Intervals starting and ending on, beside and inside block edges."""
        starts, ends = [], []
        for s in range(64):
            for length in (1, 15, 16, 17, 31, 32, 33, 48):
                starts.append(s)
                ends.append(s + length)
        index = StabbingIndex(starts, ends, shift=4)
        for day in range(-2, 130):
            assert index.stab_sorted(day) == sorted(brute(starts, ends, day))

    def test_block_entries_within_budget(self) -> None:
        """The blocks' covering lists hold at most about _BUDGET entries per interval,
        however long the intervals are."""
        n = 40_000
        for length in (10, 1000, 100_000):
            starts = [i * 37 % 50_000 for i in range(n)]
            index = StabbingIndex(starts, [s + length for s in starts])
            entries = sum(map(len, index._full))
            assert entries <= _index._BUDGET * n * 1.25
            day = starts[5] + length // 2
            assert index.stab_sorted(day) == sorted(
                brute(starts, [s + length for s in starts], day)
            )

    def test_empty_intervals_never_hit(self) -> None:
        """An interval whose end is not after its start contains no day."""
        index = StabbingIndex([5, 5], [5, 4])
        assert index.stab(5) == set()

    def test_many_intervals_of_many_lengths(self) -> None:
        """Short, long and unbounded intervals, across their length classes."""
        n = 640
        starts = list(range(n))
        ends = [i + (7 if i % 3 else 500) if i % 5 else 10**8 for i in range(n)]
        index = StabbingIndex(starts, ends)
        for day in (-1, 0, 31, 32, 33, 100, n - 1, n + 10, n + 600):
            assert index.stab(day) == brute(starts, ends, day)


spans = st.lists(
    st.tuples(
        st.integers(0, 400),
        st.one_of(st.integers(0, 3), st.integers(0, 40), st.integers(0, 2000)),
    ).map(lambda t: (t[0], t[0] + t[1])),
    max_size=300,
).map(sorted)


class TestSpanIndex:
    """SpanIndex finds the spans inside and overlapping a window, as a scan does."""

    @given(spans, st.lists(st.tuples(st.integers(-50, 2500), st.integers(0, 300)), max_size=10))
    def test_matches_scan(
        self, items: list[tuple[int, int]], windows: list[tuple[int, int]]
    ) -> None:
        """starting() and straddling() give exactly the spans a scan finds, in order."""
        index = SpanIndex([a for a, _ in items], [b for _, b in items])
        assert len(index) == len(items)
        assert index.max_hi == max((b for _, b in items), default=0)
        for lo, width in windows:
            hi = lo + width
            starting = [i for i, (a, _) in enumerate(items) if lo <= a <= hi]
            straddling = [i for i, (a, b) in enumerate(items) if a < lo <= b]
            assert list(index.starting(lo, hi)) == starting
            assert index.straddling(lo) == straddling

    def test_long_spans_straddle(self) -> None:
        """A span starting long before the window still overlaps it; one-day spans
        never straddle."""
        index = SpanIndex([0, 5, 900, 1000], [5000, 5, 999, 1000])
        assert index.straddling(1000) == [0]
        assert index.straddling(950) == [0, 2]
        assert index.straddling(5) == [0]
        assert list(index.starting(5, 1000)) == [1, 2, 3]
