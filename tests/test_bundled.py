"""Tests for canjapan._bundled: the bundled dataset is loaded once, lazily, and shared,
also when many threads ask for it at once; and a shared dataset's lazily built query
indexes give the same answers under concurrent first use."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

import canjapan
from canjapan import (
    Agreement,
    Citation,
    Dataset,
    Milestone,
    MilestoneKind,
    PartialDate,
    Person,
    Post,
    Source,
    Tenure,
    _bundled,
)
from canjapan._dataset import SMALL

THREADS = 16
T = TypeVar("T")


def run_together(count: int, work: Callable[[int], T]) -> list[T]:
    """Run ``work(i)`` in ``count`` threads released at once; their results in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []

    def target(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # pragma: no cover (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread did not finish"
    assert errors == []
    return results


class TestBundledLoad:
    """The first load of the bundled dataset happens once and is shared."""

    def test_lazy_until_first_use(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Nothing is loaded until asked; then the result is cached."""
        calls: list[int] = []
        real = _bundled._load

        def counting() -> Dataset:
            calls.append(1)
            return real()

        monkeypatch.setattr(_bundled, "_dataset", None)
        monkeypatch.setattr(_bundled, "_load", counting)
        assert calls == []
        first = canjapan.load()
        assert calls == [1]
        assert canjapan.load() is first
        assert canjapan.get(first.agreements[0].id) is first.agreements[0]
        assert calls == [1]

    def test_concurrent_first_load_loads_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """16 threads asking at once: one slow load, and all get the same object."""
        calls: list[int] = []
        calls_lock = threading.Lock()
        real = _bundled._load

        def slow_counting() -> Dataset:
            with calls_lock:
                calls.append(1)
            time.sleep(0.2)  # keep the other threads waiting on the first load
            return real()

        monkeypatch.setattr(_bundled, "_dataset", None)
        monkeypatch.setattr(_bundled, "_load", slow_counting)
        results = run_together(THREADS, lambda _: canjapan.load())
        assert len(calls) == 1
        assert len({id(r) for r in results}) == 1
        assert results[0] is canjapan.load()

    def test_concurrent_module_functions(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The module-level query functions also trigger one shared load."""
        calls: list[int] = []
        real = _bundled._load

        def slow_counting() -> Dataset:
            calls.append(1)
            time.sleep(0.1)
            return real()

        monkeypatch.setattr(_bundled, "_dataset", None)
        monkeypatch.setattr(_bundled, "_load", slow_counting)
        queries: list[Callable[[], object]] = [
            lambda: canjapan.agreements_in_force("2020-01-01").certain,
            lambda: canjapan.timeline("2019", "2020"),
            lambda: canjapan.search("logistics"),
            canjapan.load,
        ]
        run_together(THREADS, lambda i: queries[i % len(queries)]())
        assert len(calls) == 1

    def test_failed_load_is_not_cached(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the first load fails, the error reaches the caller and a later call retries."""
        attempts: list[int] = []
        real = _bundled._load

        def flaky() -> Dataset:
            attempts.append(1)
            if len(attempts) == 1:
                raise canjapan.DatasetError([canjapan.Problem("file", None, "x", "broken")])
            return real()

        monkeypatch.setattr(_bundled, "_dataset", None)
        monkeypatch.setattr(_bundled, "_load", flaky)
        with pytest.raises(canjapan.DatasetError):
            canjapan.load()
        ds = canjapan.load()
        assert isinstance(ds, Dataset)
        assert len(attempts) == 2

    def test_missing_file_reads_as_none(self) -> None:
        """A collection without a file in the data folder is read as absent."""
        assert _bundled._read(None, "no-such-collection.json") is None
        assert _bundled._read(None, "dataset.json") is not None

    def test_bundled_equals_a_fresh_load(self) -> None:
        """The cached dataset equals one loaded again from the package files."""
        assert _bundled._load() == canjapan.load()
        assert _bundled._load() is not canjapan.load()


CITE = Citation(source="src", quote="q")


def large_dataset() -> Dataset:
    """A fresh dataset with more agreements and tenures than SMALL, so that queries
    build their indexes lazily on first use."""
    n = SMALL + 64
    agreements = []
    for i in range(n):
        year = 1950 + i % 70
        milestones = [
            Milestone(
                kind=MilestoneKind.SIGNED, date=PartialDate(year, 1 + i % 12), citations=(CITE,)
            ),
            Milestone(
                kind=MilestoneKind.ENTERED_INTO_FORCE,
                date=PartialDate(year + 1, 1 + i % 12, 1 + i % 28)
                if i % 3
                else PartialDate(year + 1),
                citations=(CITE,),
            ),
        ]
        if i % 5 == 0:
            milestones.append(
                Milestone(
                    kind=MilestoneKind.TERMINATED,
                    date=PartialDate(year + 10 + i % 7),
                    citations=(CITE,),
                )
            )
        agreements.append(
            Agreement(
                id=f"a{i}",
                title=f"Agreement {i}",
                kind="agreement",
                parties=("CAN", "JPN"),
                milestones=milestones,
                citations=(CITE,),
            )
        )
    post = Post(id="post", title="A post", country="CAN", citations=(CITE,))
    people = [
        Person(
            id=f"p{i}",
            name=f"Person {i}",
            tenures=(
                Tenure(
                    post="post",
                    start=PartialDate(1700 + i, 3),
                    end=PartialDate(1701 + i, 2) if i % 4 else PartialDate(1701 + i),
                    citations=(CITE,),
                ),
            ),
            citations=(CITE,),
        )
        for i in range(n)
    ]
    return Dataset(
        name="Large",
        version="1",
        as_of="2026-03-06",
        sources=(Source(id="src", title="S"),),
        posts=(post,),
        people=people,
        agreements=agreements,
    )


DAYS = ["1955-06-15", "1970-01-01", "1988-07-04", "2001-12-31", "2019-07", "1801-02-10"]


def answers(ds: Dataset) -> list[tuple[str, ...]]:
    """Answers of queries that use the lazily built indexes and caches."""
    out: list[tuple[str, ...]] = []
    for day in DAYS:
        r = ds.agreements_in_force(day, include_possible=True)
        out.append((*(a.id for a in r.certain), "|", *(a.id for a in r.possible)))
        h = ds.office_holders("post", day, include_possible=True)
        out.append((*(x.person.id for x in h.certain), "|", *(x.person.id for x in h.possible)))
    out.append(tuple(e.record.id for e in ds.timeline("1960", "1970")))
    return out


class TestConcurrentFirstQueries:
    """Concurrent first queries on a fresh large dataset all give the same answers."""

    def test_dataset_is_large_enough(self) -> None:
        """The dataset has more than SMALL agreements and tenures of one post."""
        ds = large_dataset()
        assert len(ds.agreements) > SMALL
        assert len(ds.people) > SMALL

    def test_same_answers_from_every_thread(self) -> None:
        """16 threads querying a fresh dataset at once agree with a serial run."""
        expected = answers(large_dataset())
        assert any(len(a) > 2 for a in expected), "the queries must find something"
        for _ in range(3):
            fresh = large_dataset()
            results = run_together(THREADS, lambda _, ds=fresh: answers(ds))  # type: ignore[misc]
            assert all(r == expected for r in results)

    def test_caches_built_once_are_shared(self) -> None:
        """After concurrent first queries, the dataset holds one cached index."""
        ds = large_dataset()
        run_together(THREADS, lambda _: ds.agreements_in_force("1970-01-01"))
        first = ds._agreement_indexes()
        results = run_together(THREADS, lambda _: ds._agreement_indexes())
        assert all(r is first for r in results)

    def test_index_built_before_bounds(self) -> None:
        """Building the agreement index before the bounds does not deadlock."""
        ds = large_dataset()
        done = threading.Event()

        def build() -> None:
            ds._agreement_indexes()
            done.set()

        threading.Thread(target=build, daemon=True).start()
        assert done.wait(timeout=5), "the index build never finished"
