"""Timeline queries at scale: the library against peers over the same day bounds.

Synthetic datasets of ``n`` events (1900-2100, one to fourteen days long, one in a
hundred up to three years long). For each size the script prints the first-use
times (the first ``timeline`` call builds the sorted day-bound arrays, target at
most 0.2 s at 100k and 2 s at 1M; the first straddling query the length classes;
the first whole timeline makes every entry) and the per-query medians, with
ratios, of:

* ``Dataset.timeline(start, end)`` for a 30-day window, with and without
  ``include_straddling``, and for a window covering everything;
* a numpy mask over the same bounds arrays (the peer of the 30-day windows);
* a plain Python scan over the same bounds (the peer of the whole window);
* bisection over the sorted earliest days, for reference.

Every peer returns the same entries (taken from a list of all entries made
beforehand), so the figures compare finding them, not making them.

Run: ``python benchmarks/bench_timeline.py [--sizes 1000,100000,1000000] [--queries 25]``
(``make bench`` runs 1k and 100k; 1M needs about 4 GB and a minute or two).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

import numpy as np

from canjapan import Citation, Dataset, Event, PartialDate, Source

CITE = (Citation(source="src", quote="q"),)
FIRST = date(1900, 1, 1).toordinal()
LAST = date(2100, 12, 31).toordinal()


def _day(ordinal: int) -> PartialDate:
    return PartialDate.from_date(date.fromordinal(ordinal))


def _dataset(n: int) -> Dataset:
    rng = random.Random(n)
    events = []
    for i in range(n):
        start = rng.randrange(FIRST, LAST - 1200)
        length = rng.randrange(30, 1100) if rng.random() < 0.01 else rng.randrange(0, 14)
        events.append(
            Event(
                id=f"e{i}",
                title=f"Event {i}",
                kind="exercise",
                start=_day(start),
                end=_day(start + length) if length else None,
                citations=CITE,
            )
        )
    return Dataset(
        name="synthetic",
        version="1",
        as_of="2100-12-31",
        sources=[Source(id="src", title="Synthetic")],
        events=events,
    )


def _median_us(fn: Callable[[int], object], starts: list[int]) -> float:
    times = []
    for s in starts:
        t = time.perf_counter()
        fn(s)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def _bench(n: int, queries: int) -> None:
    t = time.perf_counter()
    ds = _dataset(n)
    made = time.perf_counter() - t
    t = time.perf_counter()
    ds.timeline("2000-01-01", "2000-01-31")
    build = time.perf_counter() - t
    t = time.perf_counter()
    ds.timeline("2000-01-01", "2000-01-31", include_straddling=True)
    straddle_build = time.perf_counter() - t
    t = time.perf_counter()
    every = ds.timeline()  # makes every entry: the peers index into it
    make_all = time.perf_counter() - t
    table = ds._timeline_table()
    los = np.asarray(table.spans.los)
    his = np.asarray(table.spans.his)
    plain_los, plain_his = list(table.spans.los), list(table.spans.his)
    rng = random.Random(7)
    starts = [rng.randrange(FIRST + 2000, LAST - 2000) for _ in range(queries)]

    def lib(s: int, straddling: bool = False) -> object:
        return ds.timeline(
            date.fromordinal(s), date.fromordinal(s + 29), include_straddling=straddling
        )

    def numpy_mask(s: int, straddling: bool = False) -> object:
        lo, hi = s, s + 29
        mask = (his >= lo) & (los <= hi) if straddling else (los >= lo) & (his <= hi)
        return tuple(map(every.__getitem__, np.flatnonzero(mask).tolist()))

    def bisect_peer(s: int) -> object:
        lo, hi = s, s + 29
        a, b = bisect_left(plain_los, lo), bisect_right(plain_los, hi)
        return tuple(every[i] for i in range(a, b) if plain_his[i] <= hi)

    def scan_all(_: int) -> object:
        lo, hi = -(10**8), 10**8
        return tuple(
            every[i]
            for i, (a, b) in enumerate(zip(plain_los, plain_his, strict=True))
            if a >= lo and b <= hi
        )

    for s in starts[:3]:
        assert lib(s) == numpy_mask(s) == bisect_peer(s)
        assert lib(s, True) == numpy_mask(s, True)
    assert ds.timeline() == scan_all(0)
    t_lib = _median_us(lib, starts)
    t_np = _median_us(numpy_mask, starts)
    t_bis = _median_us(bisect_peer, starts)
    t_lib_s = _median_us(lambda s: lib(s, True), starts)
    t_np_s = _median_us(lambda s: numpy_mask(s, True), starts)
    few = starts[:5]
    t_all = _median_us(lambda _: ds.timeline(), few)
    t_scan = _median_us(scan_all, few)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"n={n:>9,} events  build dataset {made:6.1f} s  first use {build * 1000:8.1f} ms  "
        f"peak RSS {peak:7.0f} MB"
    )
    print(
        f"    first straddling query (makes the length classes) {straddle_build * 1000:.1f} ms, "
        f"first whole timeline (makes every entry) {make_all * 1000:.1f} ms"
    )
    print(
        f"    30 days          timeline {t_lib:10.1f} µs  numpy mask {t_np:10.1f} µs  "
        f"{t_np / t_lib:7.1f}x faster   (bisect {t_bis:8.1f} µs, {t_bis / t_lib:5.2f}x)"
    )
    print(
        f"    30 days straddle timeline {t_lib_s:10.1f} µs  numpy mask {t_np_s:10.1f} µs  "
        f"{t_np_s / t_lib_s:7.1f}x faster"
    )
    print(
        f"    everything       timeline {t_all:10.1f} µs  plain scan {t_scan:10.1f} µs  "
        f"{t_scan / t_all:7.1f}x faster"
    )


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--queries", type=int, default=25)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        _bench(n, args.queries)


if __name__ == "__main__":
    main()
