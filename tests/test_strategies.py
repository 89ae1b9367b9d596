"""Tests for canjapan.testing: the Hypothesis strategies and their registration."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import canjapan
from canjapan import _converter
from canjapan._status import tenure_bounds
from canjapan.testing import _hypothesis_plugin, strategies
from tests.records import RECORD_STRATEGIES

STRATEGIES = Path(strategies.__file__)


# Searching for a rare shape: no shrinking needed, only a first example.
SEARCH = settings(
    max_examples=2000,
    phases=[Phase.generate],
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def all_tenures(ds: canjapan.Dataset) -> list[canjapan.Tenure]:
    return [t for p in ds.people for t in p.tenures]


def all_dates(ds: canjapan.Dataset) -> list[canjapan.PartialDate]:
    found: list[canjapan.PartialDate] = []
    for a in ds.agreements:
        found.extend(m.date for m in a.milestones)
    for e in ds.events:
        found.extend(d for d in (e.start, e.end) if d is not None)
    for t in all_tenures(ds):
        found.extend(d for d in (t.start, t.end, *t.attested) if d is not None)
    return found


class TestRecordStrategies:
    """Every record strategy builds valid records of its type."""

    @pytest.mark.parametrize(("strategy", "cls"), RECORD_STRATEGIES)
    @given(data=st.data())
    def test_builds_its_record(
        self, strategy: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """Each value is a record of the class that survives a JSON round trip."""
        value = data.draw(strategy())
        assert type(value) is cls
        converter = _converter._converter()
        assert converter.structure(converter.unstructure(value, cls), cls) == value

    @pytest.mark.parametrize(("strategy", "cls"), RECORD_STRATEGIES)
    def test_keyword_only(self, strategy: Callable[..., Any], cls: type) -> None:
        """Every argument of every strategy is keyword-only."""
        for parameter in inspect.signature(strategy).parameters.values():
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, parameter
        assert all(
            p.kind is inspect.Parameter.KEYWORD_ONLY
            for p in inspect.signature(strategies.datasets).parameters.values()
        )

    @given(
        strategies.agreements(
            ids=st.just("the-agreement"),
            person_ids=["alice", "bob"],
            place_ids=[],
            source_ids=["src"],
        )
    )
    def test_references_come_from_the_pools(self, agreement: canjapan.Agreement) -> None:
        """Referenced ids are drawn from the pools given; an empty pool means none."""
        assert agreement.id == "the-agreement"
        assert set(agreement.signatories) <= {"alice", "bob"}
        for m in agreement.milestones:
            assert m.place is None
            assert set(m.people) <= {"alice", "bob"}
            assert {c.source for c in m.citations} == {"src"}
        assert {c.source for c in agreement.citations} == {"src"}

    @given(strategies.agreements(person_ids=[], place_ids=[], source_ids=["src"]))
    def test_agreement_fits_in_a_dataset(self, agreement: canjapan.Agreement) -> None:
        """An agreement's milestones are in an order a Dataset accepts."""
        source = canjapan.Source(id="src", title="A source")
        canjapan.Dataset(
            name="n", version="1", as_of="2030-12-31", sources=[source], agreements=[agreement]
        )

    @given(strategies.people(post_ids=["post"], source_ids=["src"], max_tenures=4))
    def test_person_fits_in_a_dataset(self, person: canjapan.Person) -> None:
        """A person's tenures in one post never certainly overlap, and only the last is
        ongoing."""
        cite = canjapan.Citation(source="src", quote="q")
        post = canjapan.Post(id="post", title="A post", country="CAN", citations=(cite,))
        canjapan.Dataset(
            name="n",
            version="1",
            as_of="2030-12-31",
            sources=[canjapan.Source(id="src", title="A source")],
            posts=[post],
            people=[person],
        )
        assert sum(t.ongoing for t in person.tenures) <= 1

    @given(strategies.events(min_year=2001, max_year=2002))
    def test_dates_stay_in_the_years(self, event: canjapan.Event) -> None:
        """Dates are drawn around days of the years asked for."""
        for d in (event.start, event.end):
            if d is not None:
                assert d.earliest <= date(2002, 12, 31)
                assert d.latest >= date(2001, 1, 1)

    @pytest.mark.parametrize(
        "make",
        [
            lambda: strategies.citations(source_ids=[]),
            lambda: strategies.places(source_ids="src"),
            lambda: strategies.tenures(post_ids=[]),
            lambda: strategies.agreements(max_milestones=-1),
            lambda: strategies.events(min_year=2020, max_year=2010),
            lambda: strategies.people(min_year=1, max_year=2000),
        ],
    )
    def test_bad_arguments(self, make: Callable[[], st.SearchStrategy[Any]]) -> None:
        """Impossible arguments raise InvalidArgument when the strategy is made."""
        with pytest.raises(InvalidArgument):
            make()


class TestDatasets:
    """datasets() builds whole, consistent datasets."""

    @given(strategies.datasets())
    def test_consistent(self, ds: canjapan.Dataset) -> None:
        """Ids are unique across collections and the dataset passes its checks again."""
        ids = [r.id for r in ds]
        assert len(ids) == len(set(ids)) == len(ds)
        assert ds.replace() == ds

    @given(strategies.datasets())
    def test_tenures_of_a_post_follow_one_another(self, ds: canjapan.Dataset) -> None:
        """Per post, no two tenures certainly overlap, at most one is ongoing, and each
        attested day lies inside what is known of its tenure."""
        by_post: dict[str, list[canjapan.Tenure]] = {}
        for t in all_tenures(ds):
            by_post.setdefault(t.post, []).append(t)
            s_lo, _, _, e_hi = tenure_bounds(t)
            for day in t.attested:
                assert day.is_exact
                assert s_lo <= day._lo < e_hi
        for run in by_post.values():
            assert sum(t.ongoing for t in run) <= 1
            for i, a in enumerate(run):
                for b in run[i + 1 :]:
                    _, sa_hi, ea_lo, _ = tenure_bounds(a)
                    _, sb_hi, eb_lo, _ = tenure_bounds(b)
                    assert max(sa_hi, sb_hi) >= min(ea_lo, eb_lo)

    @given(strategies.datasets(min_year=2001, max_year=2003))
    def test_dates_in_the_years(self, ds: canjapan.Dataset) -> None:
        """as_of is in the years asked for, and every date reaches into them."""
        assert 2001 <= ds.as_of.year <= 2003
        for d in all_dates(ds):
            assert d.latest >= date(2001, 1, 1)
            assert d.earliest <= date(2003, 12, 31)

    @given(
        strategies.datasets(
            min_agreements=2, max_agreements=3, min_events=1, max_events=1, max_people=0
        )
    )
    def test_sizes(self, ds: canjapan.Dataset) -> None:
        """The size arguments bound the collections."""
        assert 2 <= len(ds.agreements) <= 3
        assert len(ds.events) == 1
        assert ds.people == ()
        assert len(ds.sources) >= 1

    @pytest.mark.parametrize(
        ("what", "condition"),
        [
            ("an ongoing tenure", lambda ds: any(t.ongoing for t in all_tenures(ds))),
            (
                "a tenure with an unknown end",
                lambda ds: any(t.end is None and not t.ongoing for t in all_tenures(ds)),
            ),
            (
                "a tenure with an unknown start",
                lambda ds: any(t.start is None for t in all_tenures(ds)),
            ),
            ("an attested day", lambda ds: any(t.attested for t in all_tenures(ds))),
            ("an uncertain date", lambda ds: any(d.uncertain for d in all_dates(ds))),
            ("an approximate date", lambda ds: any(d.approximate for d in all_dates(ds))),
            ("a season", lambda ds: any(d.season is not None for d in all_dates(ds))),
            ("unspecified digits", lambda ds: any("X" in str(d) for d in all_dates(ds))),
            ("an event with no end", lambda ds: any(e.end is None for e in ds.events)),
            (
                "a terminated agreement",
                lambda ds: any(a.terminated is not None for a in ds.agreements),
            ),
            (
                "two tenures of one post",
                lambda ds: len({t.post for t in all_tenures(ds)}) < len(all_tenures(ds)),
            ),
            (
                "an organization with a parent",
                lambda ds: any(o.parent is not None for o in ds.organizations),
            ),
        ],
    )
    def test_covers(self, what: str, condition: Callable[[canjapan.Dataset], bool]) -> None:
        """datasets() can produce each kind of partial or open data queries must handle."""
        assert condition(find(strategies.datasets(), condition, settings=SEARCH)), what

    def test_bad_sizes(self) -> None:
        """A minimum above its maximum raises InvalidArgument."""
        with pytest.raises(InvalidArgument):
            strategies.datasets(min_agreements=3, max_agreements=2)
        with pytest.raises(InvalidArgument):
            strategies.datasets(max_tenures_per_post=-1)

    def test_built_not_filtered(self) -> None:
        """The strategies never filter or assume: every value is built valid."""
        tree = ast.parse(STRATEGIES.read_text(encoding="utf-8"))
        names = {
            node.attr if isinstance(node, ast.Attribute) else node.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute | ast.Name)
        }
        assert not names & {"filter", "assume", "reject"}


class TestRegistration:
    """The strategies are registered with Hypothesis."""

    @pytest.mark.parametrize(
        "cls",
        [
            canjapan.Agreement,
            canjapan.Event,
            canjapan.Person,
            canjapan.Tenure,
            canjapan.Citation,
            canjapan.Dataset,
            canjapan.PartialDate,
            canjapan.DateInterval,
        ],
    )
    def test_from_type(self, cls: type) -> None:
        """After registration, st.from_type draws valid values of each type."""
        _hypothesis_plugin._register()

        @given(st.from_type(cls))
        def check(value: object) -> None:
            assert type(value) is cls

        check()

    def test_every_record_registered(self) -> None:
        """Every record type and Dataset has a registered strategy in the strategies module."""
        for type_name, strategy_name in _hypothesis_plugin._STRATEGIES.items():
            assert hasattr(canjapan, type_name), type_name
            assert strategy_name in strategies.__all__, strategy_name
        records = {cls.__name__ for _, cls in RECORD_STRATEGIES}
        assert records | {"Dataset"} <= set(_hypothesis_plugin._STRATEGIES)


class TestMissingExtra:
    """canjapan.testing needs hypothesis."""

    def test_missing_hypothesis(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without hypothesis, importing canjapan.testing raises MissingExtraError."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        monkeypatch.delitem(sys.modules, "canjapan.testing")
        with pytest.raises(canjapan.MissingExtraError) as info:
            importlib.import_module("canjapan.testing")
        assert info.value.extra == "testing"
        assert "canjapan[testing]" in str(info.value)
        assert isinstance(info.value, ImportError)
