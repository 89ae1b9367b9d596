"""In-force and office-holder queries at scale: the index against a plain linear scan.

Synthetic datasets of other relationships in the same schema, with 1k, 100k and 1M
agreements (and as many tenures of one post), on selective data (at most 5% in
force on the query date) and unselective data (about half). For each, the script
prints the index build time and per-query medians of:

* ``Dataset.agreements_in_force`` / ``Dataset.office_holders`` (the library);
* a plain linear scan over the same precomputed day bounds (the fastest scan);
* a numpy mask over the same day bounds as arrays (for in force; target: the library
  at least 2x faster on selective data at 1M, and never slower than the plain scan
  on unselective data). Two lines: whole answers (both sides then gather the same
  tuple of agreements, which at 1M costs most of the time: every agreement object
  is touched), and the ids alone, where the index's work is compared with the
  mask's (``stab_sorted`` against the mask's ``flatnonzero(...).tolist()``, the
  same list of ints; the mask's bare array is printed beside it);
* for in-force, also a naive scan calling ``Agreement.status_on`` on every record
  (only up to 100k: it is far slower).

The first-use line splits the first queries' wait into the derived tables they
build: the agreement bounds (and their columns), the certain in-force index, the
post's tenures and its two office-holder indexes, certain and possible (target:
at most 2 s each at 1M, 0.2 s at 100k). It then times the first queries on them,
whose answers are made then (on unselective data, the first office-holder answer
holds half the tenures as possible holders).

It also times an in-force query on the bundled dataset (target: under 50 µs).

Run: ``python benchmarks/bench_queries.py [--sizes 1000,100000,1000000] [--queries 25]
[--only selective|unselective]``
(``make bench`` runs 1k and 100k, the default; 1M needs about 6 GB and some minutes).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from collections.abc import Callable
from datetime import date

import numpy as np

import canjapan
from canjapan import (
    Agreement,
    AgreementState,
    Citation,
    Dataset,
    Milestone,
    MilestoneKind,
    PartialDate,
    Person,
    Post,
    Source,
    Tenure,
)
from canjapan._dataset import InForce, _scan_holders, _scan_in_force

CITE = (Citation(source="src", quote="q"),)
FIRST = date(1900, 1, 1).toordinal()
LAST = date(2100, 12, 31).toordinal()


def _day(ordinal: int) -> PartialDate:
    return PartialDate.from_date(date.fromordinal(ordinal))


def _agreements(n: int, *, selective: bool, rng: random.Random) -> list[Agreement]:
    out = []
    for i in range(n):
        if selective:  # short-lived: about 1-2% in force on any date
            start = rng.randrange(FIRST, LAST - 1500)
            end: int | None = start + rng.randrange(30, 1500)
        else:  # long-lived: about half in force in 2050
            start = rng.randrange(FIRST, date(2040, 1, 1).toordinal())
            end = None if rng.random() < 0.3 else rng.randrange(start + 1, LAST)
        milestones = [
            Milestone(kind=MilestoneKind.SIGNED, date=_day(start - 30), citations=CITE),
            Milestone(kind=MilestoneKind.ENTERED_INTO_FORCE, date=_day(start), citations=CITE),
        ]
        if end is not None:
            milestones.append(
                Milestone(kind=MilestoneKind.TERMINATED, date=_day(end), citations=CITE)
            )
        out.append(
            Agreement(
                id=f"a{i}",
                title=f"Agreement {i}",
                kind="agreement",
                parties=("AAA", "BBB"),
                milestones=milestones,
                citations=CITE,
            )
        )
    return out


def _people(n: int, *, selective: bool, rng: random.Random) -> list[Person]:
    people = []
    day = FIRST
    span = max(1, (LAST - FIRST) // max(n, 1))
    for i in range(n):
        if selective or i % 2 == 0:  # consecutive, non-overlapping tenures
            tenure = Tenure(post="post", start=_day(day), end=_day(day + span), citations=CITE)
            day += span
        else:  # dates unknown: a possible holder on any date
            tenure = Tenure(
                post="post", attested=(_day(rng.randrange(FIRST, LAST)),), citations=CITE
            )
        people.append(Person(id=f"p{i}", name=f"Person {i}", tenures=(tenure,), citations=CITE))
    return people


def _dataset(n: int, *, selective: bool) -> Dataset:
    rng = random.Random(n * 2 + selective)
    return Dataset(
        name="synthetic",
        version="1",
        as_of="2100-12-31",
        sources=[Source(id="src", title="Synthetic")],
        # Unselective: half the tenures are a single attested day, which may overlap
        # the others, so the post is one several people may hold at once.
        posts=[
            Post(
                id="post",
                title="Post",
                country="AAA",
                single_holder=selective,
                citations=CITE,
            )
        ],
        people=_people(n, selective=selective, rng=rng),
        agreements=_agreements(n, selective=selective, rng=rng),
    )


def _holder_index(ds: Dataset, *, possible: bool) -> None:
    ds._holder_index("post", ds._post_tenures()["post"].bounds, possible=possible)


def _median_us(fn: Callable[[str], object], days: list[str]) -> float:
    times = []
    for d in days:
        t = time.perf_counter()
        fn(d)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def _bench(n: int, selective: bool, queries: int) -> None:  # noqa: PLR0915
    rng = random.Random(7)
    t = time.perf_counter()
    ds = _dataset(n, selective=selective)
    made = time.perf_counter() - t
    if selective:
        days = [
            date.fromordinal(rng.randrange(FIRST + 2000, LAST - 2000)).isoformat()
            for _ in range(queries)
        ]
    else:
        days = [
            f"2050-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}" for _ in range(queries)
        ]
    steps = {}
    for name, step in (
        ("bounds", ds._agreement_columns),
        ("in-force index", lambda: ds._agreement_index(possible=False)),
        ("tenures", ds._post_tenures),
        ("certain holder index", lambda: _holder_index(ds, possible=False)),
        ("possible holder index", lambda: _holder_index(ds, possible=True)),
        (
            "first office-holder query",
            lambda: ds.office_holders("post", days[0], include_possible=True),
        ),
    ):
        t = time.perf_counter()
        step()
        steps[name] = time.perf_counter() - t
    t = time.perf_counter()
    ds.agreements_in_force(days[0])
    steps["first in-force query"] = time.perf_counter() - t

    bounds = ds._agreement_bounds()
    holders = ds._post_tenures()["post"]
    hi_s = np.array([b[1] for b in bounds], dtype=np.int64)
    lo_e = np.array([b[2] for b in bounds], dtype=np.int64)

    def numpy_in_force(d: str) -> object:
        lo, hi = canjapan._dates.day_bounds(d)
        idx = np.flatnonzero((hi_s <= lo) & (lo_e > hi)).tolist()
        return InForce(
            on=canjapan._dates.date_text(d, lo, hi),
            as_of=ds.as_of,
            certain=tuple(map(ds.agreements.__getitem__, idx)),
            possible=(),
        )

    def scan_in_force(d: str) -> object:
        # The same answer object as the library's: only the way to the ids differs.
        lo, hi = canjapan._dates.day_bounds(d)
        return InForce(
            on=canjapan._dates.date_text(d, lo, hi),
            as_of=ds.as_of,
            certain=tuple(map(ds.agreements.__getitem__, _scan_in_force(bounds, lo, hi, False)[0])),
            possible=(),
        )

    def scan_holders(d: str) -> object:
        lo, hi = canjapan._dates.day_bounds(d)
        certain, possible = _scan_holders(holders.bounds, lo, hi, selective)
        return [holders.held(i)[0] for i in certain + possible]

    for d in days[:3]:
        assert ds.agreements_in_force(d) == numpy_in_force(d)
        assert ds.agreements_in_force(d) == scan_in_force(d)
    sizes = [len(ds.agreements_in_force(d)) for d in days]
    lib_if = _median_us(ds.agreements_in_force, days)
    scan_if = _median_us(scan_in_force, days)
    np_if = _median_us(numpy_in_force, days)
    index = ds._agreement_index(possible=False)

    def index_only(d: str) -> object:
        return index.stab_sorted(canjapan._dates.day_bounds(d)[0])

    def mask_only(d: str) -> object:
        lo, hi = canjapan._dates.day_bounds(d)
        return np.flatnonzero((hi_s <= lo) & (lo_e > hi))

    def mask_list(d: str) -> object:
        return mask_only(d).tolist()  # type: ignore[attr-defined]

    for d in days[:3]:
        assert index_only(d) == mask_list(d)
    idx_only = _median_us(index_only, days)
    np_only = _median_us(mask_only, days)
    np_list = _median_us(mask_list, days)
    lib_oh = _median_us(lambda d: ds.office_holders("post", d, include_possible=True), days)
    scan_oh = _median_us(scan_holders, days)
    label = "selective" if selective else "unselective"
    share = statistics.mean(sizes) / n * 100
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"n={n:>9,} {label:<11} in force {share:5.1f}%  build dataset {made:6.2f}s  "
        f"peak RSS {peak:6.0f} MB"
    )
    print("    first use: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in steps.items()))
    print(
        f"    in-force      index {lib_if:11.1f} µs   scan {scan_if:11.1f} µs   "
        f"speed-up {scan_if / lib_if:6.2f}x   numpy mask {np_if:11.1f} µs   "
        f"speed-up {np_if / lib_if:6.2f}x"
    )
    print(
        f"    in-force ids (no answer objects): index {idx_only:9.1f} µs   "
        f"numpy mask, same list {np_list:9.1f} µs   speed-up {np_list / idx_only:6.2f}x   "
        f"(mask to an array only {np_only:9.1f} µs, {np_only / idx_only:6.2f}x)"
    )
    print(
        f"    office-holder index {lib_oh:11.1f} µs   scan {scan_oh:11.1f} µs   "
        f"speed-up {scan_oh / lib_oh:6.2f}x"
    )
    if n <= 100_000:
        naive = _median_us(
            lambda d: [a for a in ds.agreements if a.status_on(d).state is AgreementState.IN_FORCE],
            days[:5],
        )
        print(f"    in-force naive status_on() scan {naive:11.1f} µs")


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--queries", type=int, default=25)
    parser.add_argument("--only", choices=["selective", "unselective"], default=None)
    args = parser.parse_args()
    bundled = canjapan.load()
    bundled.agreements_in_force("2020-01-01")
    days = [f"20{y:02d}-0{m}-15" for y in range(10, 27) for m in range(1, 10)]
    print(
        f"bundled dataset ({len(bundled.agreements)} agreements): in-force query median "
        f"{_median_us(bundled.agreements_in_force, days):.1f} µs (target < 50 µs)"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        for selective in (True, False):
            if args.only is None or args.only == ("selective" if selective else "unselective"):
                _bench(n, selective, args.queries)


if __name__ == "__main__":
    main()
