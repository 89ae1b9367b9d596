"""Tests of canjapan._dates: partial dates, intervals, three-valued comparisons.

Also the date strategies of canjapan.testing._date_strategies, and a differential
test of the bounds against the ``edtf`` package (a test-only dependency).
"""

from __future__ import annotations

import contextlib
import copy
import io
import pickle
import warnings
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import canjapan
from canjapan import (
    AmbiguousTruthError,
    CanjapanError,
    DateInterval,
    DateParseError,
    Order,
    PartialDate,
    Precision,
    Truth,
    Unbounded,
    UndeterminedOrderError,
    _dates,
)
from canjapan._dates import day_bounds, to_date
from canjapan.testing._date_strategies import date_intervals, partial_dates

D = date
P = PartialDate.parse
I = DateInterval.parse  # noqa: E741

# Strings of every form of the subset, with their bounds worked out by hand.
BOUNDS: list[tuple[str, date, date]] = [
    ("2010", D(2010, 1, 1), D(2010, 12, 31)),
    ("2012", D(2012, 1, 1), D(2012, 12, 31)),
    ("0001", D(1, 1, 1), D(1, 12, 31)),
    ("9999", D(9999, 1, 1), D(9999, 12, 31)),
    ("2010-11", D(2010, 11, 1), D(2010, 11, 30)),
    ("2012-02", D(2012, 2, 1), D(2012, 2, 29)),
    ("1900-02", D(1900, 2, 1), D(1900, 2, 28)),
    ("2000-02", D(2000, 2, 1), D(2000, 2, 29)),
    ("2010-12", D(2010, 12, 1), D(2010, 12, 31)),
    ("2010-11-14", D(2010, 11, 14), D(2010, 11, 14)),
    ("2012-02-29", D(2012, 2, 29), D(2012, 2, 29)),
    ("2010?", D(2010, 1, 1), D(2010, 12, 31)),
    ("2010-11~", D(2010, 11, 1), D(2010, 11, 30)),
    ("2010-11-14%", D(2010, 11, 14), D(2010, 11, 14)),
    ("201X", D(2010, 1, 1), D(2019, 12, 31)),
    ("20XX", D(2000, 1, 1), D(2099, 12, 31)),
    ("001X", D(10, 1, 1), D(19, 12, 31)),
    ("201X~", D(2010, 1, 1), D(2019, 12, 31)),
    ("2011-XX", D(2011, 1, 1), D(2011, 12, 31)),
    ("2011-06-XX", D(2011, 6, 1), D(2011, 6, 30)),
    ("2012-02-XX?", D(2012, 2, 1), D(2012, 2, 29)),
    ("2011-XX-XX", D(2011, 1, 1), D(2011, 12, 31)),
    ("2012-21", D(2012, 3, 1), D(2012, 5, 31)),
    ("2012-22", D(2012, 6, 1), D(2012, 8, 31)),
    ("2012-23", D(2012, 9, 1), D(2012, 11, 30)),
    ("2012-24", D(2012, 12, 1), D(2013, 2, 28)),
    ("2011-24", D(2011, 12, 1), D(2012, 2, 29)),
    ("9998-24~", D(9998, 12, 1), D(9999, 2, 28)),
]


def unqualified(text: str) -> str:
    """``text`` without a final qualifier."""
    return text.rstrip("?~%")


# -- parsing -------------------------------------------------------------------------


class TestParse:
    """Parsing and formatting of every form of the subset."""

    @pytest.mark.parametrize(("text", "lo", "hi"), BOUNDS)
    def test_round_trip(self, text: str, lo: date, hi: date) -> None:
        """str() of a parsed date is the string it was parsed from."""
        assert str(P(text)) == text
        assert repr(P(text)) == f"PartialDate({text!r})"

    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("2010", (2010, None, None, None, Precision.YEAR)),
            ("2010-11", (2010, 11, None, None, Precision.MONTH)),
            ("2010-11-14", (2010, 11, 14, None, Precision.DAY)),
            ("201X", (None, None, None, None, Precision.YEAR)),
            ("20XX", (None, None, None, None, Precision.YEAR)),
            ("2011-XX", (2011, None, None, None, Precision.MONTH)),
            ("2011-06-XX", (2011, 6, None, None, Precision.DAY)),
            ("2011-XX-XX", (2011, None, None, None, Precision.DAY)),
            ("2012-21", (2012, None, None, 21, Precision.SEASON)),
            ("2012-24", (2012, None, None, 24, Precision.SEASON)),
        ],
    )
    def test_parts(self, text: str, parts: tuple[Any, ...]) -> None:
        """Year, month, day, season and precision are read from the string."""
        d = P(text)
        assert (d.year, d.month, d.day, d.season, d.precision) == parts

    @pytest.mark.parametrize(
        ("suffix", "uncertain", "approximate"),
        [("", False, False), ("?", True, False), ("~", False, True), ("%", True, True)],
    )
    @pytest.mark.parametrize("body", ["2010", "2010-11", "2010-11-14", "201X", "2012-23"])
    def test_qualifiers(self, body: str, suffix: str, uncertain: bool, approximate: bool) -> None:
        """?, ~ and % set the uncertain and approximate flags, on any form."""
        d = P(body + suffix)
        assert (d.uncertain, d.approximate) == (uncertain, approximate)
        assert d.precision is P(body).precision

    @pytest.mark.parametrize(
        ("season", "name"), [(21, "spring"), (22, "summer"), (23, "autumn"), (24, "winter")]
    )
    def test_season_names(self, season: int, name: str) -> None:
        """Each season code has its name; other dates have none."""
        assert P(f"2012-{season}").season_name == name
        assert P("2012-06").season_name is None

    def test_string_subclass(self) -> None:
        """A str subclass parses and is kept as a plain str."""

        class Text(str):
            __slots__ = ()

        d = P(Text("2010-11"))
        assert type(str(d)) is str
        assert d == P("2010-11")


class TestParseErrors:
    """Every invalid string is refused with a ValueError naming it and the problem."""

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("", "empty"),
            (" 2010", "whitespace"),
            ("2010\n", "whitespace"),
            ("2011-02-29", "day 29 does not exist in 2011-02"),
            ("2011-02-30", "day 30 does not exist in 2011-02"),
            ("2100-02-29", "day 29 does not exist"),
            ("2011-04-31", "day 31 does not exist"),
            ("2011-06-00", "day 00 does not exist"),
            ("2011-06-32", "day 32 does not exist"),
            ("2011-13", "month 13"),
            ("2011-00", "month 00"),
            ("2011-20", "month 20"),
            ("2011-25", "month 25"),
            ("2010-1", "two digits"),
            ("2010-11-1", "two digits"),
            ("201", "four digits"),
            ("20101", "four digits"),
            ("0000", "year 0"),
            ("000X", "year 0"),
            ("00XX", "year 0"),
            ("+2010", "four-digit years"),
            ("-2010", "four-digit years"),
            ("Y20100", "four-digit years"),
            ("2010??", "qualifier"),
            ("2010?~", "qualifier"),
            ("?2010", "qualifier"),
            ("201x", "capital X"),
            ("X010", "unspecified digits"),
            ("2X1X", "unspecified digits"),
            ("XXXX", "unspecified digits"),
            ("201X-05", "a year with unspecified digits"),
            ("2011-XX-15", "month is unspecified"),
            ("2011-0X", "whole month or day"),
            ("2011-06-1X", "whole month or day"),
            ("2012-24-01", "a season has no day"),
            ("9999-24", "winter 9999"),
            ("2010-11-14T10:00", "time of day"),
            ("2010-11-14-01", "too many"),
            ("2011/2012", "interval"),
            ("２０１０", "ASCII"),
            ("٢٠١٠-١١", "ASCII"),
            ("twenty ten", "expected YYYY"),
        ],
    )
    def test_invalid(self, text: str, reason: str) -> None:
        """The error is a DateParseError, a ValueError and a CanjapanError, and says why."""
        with pytest.raises(DateParseError) as info:
            P(text)
        error = info.value
        assert isinstance(error, ValueError)
        assert isinstance(error, CanjapanError)
        assert error.text == text
        assert reason in error.reason
        assert repr(text) in str(error)

    @pytest.mark.parametrize("value", [None, 2010, b"2010", date(2010, 1, 1)])
    def test_not_a_string(self, value: object) -> None:
        """A value that is not a string is refused, naming its type."""
        with pytest.raises(DateParseError, match=type(value).__name__):
            P(value)  # type: ignore[arg-type]


class TestConstructor:
    """PartialDate(year, month, day, season=, uncertain=, approximate=)."""

    @pytest.mark.parametrize(
        ("made", "text"),
        [
            (lambda: PartialDate(2010), "2010"),
            (lambda: PartialDate(10), "0010"),
            (lambda: PartialDate(2010, 11), "2010-11"),
            (lambda: PartialDate(2010, 11, 4), "2010-11-04"),
            (lambda: PartialDate(2012, season=23), "2012-23"),
            (lambda: PartialDate(2010, uncertain=True), "2010?"),
            (lambda: PartialDate(2010, 11, approximate=True), "2010-11~"),
            (lambda: PartialDate(2012, season=24, uncertain=True, approximate=True), "2012-24%"),
        ],
    )
    def test_parts_to_text(self, made: Callable[[], PartialDate], text: str) -> None:
        """The constructor gives the same value as parsing its EDTF text."""
        assert made() == P(text)
        assert str(made()) == text

    @pytest.mark.parametrize(
        ("made", "reason"),
        [
            (lambda: PartialDate(0), "year 0"),
            (lambda: PartialDate(10000), "year 10000"),
            (lambda: PartialDate(2011, 2, 29), "day 29 does not exist"),
            (lambda: PartialDate(2011, 2, 32), "day 32"),
            (lambda: PartialDate(2011, 13), "month 13"),
            (lambda: PartialDate(2011, 21), "season="),
            (lambda: PartialDate(2011, 0), "month 0"),
            (lambda: PartialDate(2011, season=5), "season 5"),
            (lambda: PartialDate(2011, 6, season=22), "no month or day"),
            (lambda: PartialDate(2011, day=3), "a day needs a month"),
            (lambda: PartialDate(9999, season=24), "winter 9999"),
            (lambda: PartialDate("2011"), "year must be an int"),  # type: ignore[arg-type]
            (lambda: PartialDate(2011, True), "month must be an int"),
            (lambda: PartialDate(2011, 6, 1.0), "day must be an int"),  # type: ignore[arg-type]
        ],
    )
    def test_invalid_parts(self, made: Callable[[], PartialDate], reason: str) -> None:
        """Impossible parts raise DateParseError saying which part is wrong."""
        with pytest.raises(DateParseError) as info:
            made()
        assert reason in info.value.reason

    @pytest.mark.parametrize(
        "value",
        [date(2010, 11, 14), datetime(2010, 11, 14, 23, 59), date(1, 1, 1), date(9999, 12, 31)],
    )
    def test_from_date(self, value: date) -> None:
        """from_date gives the exact day of a date or datetime."""
        d = PartialDate.from_date(value)
        day = value.date() if isinstance(value, datetime) else value
        assert d.earliest == d.latest == day
        assert d.precision is Precision.DAY
        assert d.is_exact

    def test_from_date_refuses_other_types(self) -> None:
        """from_date refuses a string."""
        with pytest.raises(TypeError):
            PartialDate.from_date("2010-11-14")  # type: ignore[arg-type]


class TestBounds:
    """earliest and latest of every form."""

    @pytest.mark.parametrize(("text", "lo", "hi"), BOUNDS)
    def test_bounds(self, text: str, lo: date, hi: date) -> None:
        """The bounds are the first and last day the date can be."""
        d = P(text)
        assert (d.earliest, d.latest) == (lo, hi)
        assert day_bounds(d) == (lo.toordinal(), hi.toordinal())

    @pytest.mark.parametrize(("text", "lo", "hi"), BOUNDS)
    def test_qualifiers_do_not_widen(self, text: str, lo: date, hi: date) -> None:
        """A qualified date has the bounds of the same date unqualified."""
        for suffix in "?~%":
            d = P(unqualified(text) + suffix)
            assert (d.earliest, d.latest) == (lo, hi)

    @pytest.mark.parametrize(
        ("text", "exact"),
        [("2010-11-14", True), ("2010-11-14?", False), ("2010-11-14~", False), ("2010-11", False)],
    )
    def test_is_exact(self, text: str, exact: bool) -> None:
        """Only an unqualified single day is exact."""
        assert P(text).is_exact is exact


# -- comparisons -----------------------------------------------------------------------


class TestCompare:
    """Three-valued comparisons of partial dates with dates of every kind."""

    @pytest.mark.parametrize(
        ("a", "b", "order"),
        [
            ("2010", "2011", Order.BEFORE),
            ("2011", "2010", Order.AFTER),
            ("2010", "2010-06", Order.UNDETERMINED),
            ("2010", "2010", Order.UNDETERMINED),
            ("2010-11-14", "2010-11-14", Order.SAME),
            ("2010-11-14?", "2010-11-14", Order.SAME),
            ("2010-12-31", "2011", Order.BEFORE),
            ("2010-12", "2010-11-30", Order.AFTER),
            ("2012-24", "2013-02", Order.UNDETERMINED),
            ("2012-24", "2013-03-01", Order.BEFORE),
            ("201X", "2020-01-01", Order.BEFORE),
            ("201X", "2015", Order.UNDETERMINED),
            ("2011-06-XX", "2011-07", Order.BEFORE),
        ],
    )
    def test_examples(self, a: str, b: str, order: Order) -> None:
        """compare() answers BEFORE, AFTER, SAME or UNDETERMINED as the bounds say."""
        assert P(a).compare(b) is order
        assert P(a).compare(P(b)) is order

    @pytest.mark.parametrize(
        "other",
        [
            date(2011, 1, 1),
            datetime(2011, 1, 1, 0, 0),
            datetime(2011, 1, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
            "2011-01-01",
            "2011-01-01T08:00:00+09:00",
            "20110101",
            P("2011-01-01"),
        ],
    )
    def test_every_date_like(self, other: Any) -> None:
        """compare() and the operators take a date, datetime, ISO string or PartialDate."""
        d = P("2010")
        assert d.compare(other) is Order.BEFORE
        assert d < other
        assert not d > other
        assert d.certainly_before(other)
        assert not d.certainly_after(other)

    def test_certainly_and_possibly(self) -> None:
        """certainly_* and possibly_* follow the bounds."""
        d = P("2010-06")
        assert d.possibly_before("2010-06-15")
        assert d.possibly_after("2010-06-15")
        assert not d.certainly_before("2010-06-15")
        assert not d.certainly_after("2010-06-15")
        assert not d.possibly_before("2010-06-01")
        assert not d.possibly_after("2010-06-30")
        assert d.certainly_after("2010-05-31")

    def test_compare_with_interval(self) -> None:
        """A partial date compares with an interval as with the span it covers."""
        assert P("2010").compare(I("2011/2012")) is Order.BEFORE
        assert P("2013").compare(I("2011/2012")) is Order.AFTER
        assert P("2013").compare(I("2011/..")) is Order.UNDETERMINED
        assert P("2013").compare(I("2011/")) is Order.UNDETERMINED
        assert P("2010").compare(I("/2012")) is Order.UNDETERMINED
        assert P("2013").compare(I("/2012")) is Order.AFTER

    def test_sort_key(self) -> None:
        """sort_key() orders by earliest day, then latest day, then text."""
        texts = ["2011", "2010-06", "2010", "2010-06-XX", "2010-06~", "201X", "2009-24"]
        ordered = sorted((P(t) for t in texts), key=PartialDate.sort_key)
        assert [str(d) for d in ordered] == [
            "2009-24",
            "2010",
            "201X",
            "2010-06",
            "2010-06-XX",
            "2010-06~",
            "2011",
        ]


class TestOperators:
    """<, <=, > and >= answer when the order is determined and raise otherwise."""

    @pytest.mark.parametrize(
        ("a", "b", "lt", "le", "gt", "ge"),
        [
            ("2010", "2011", True, True, False, False),
            ("2011", "2010", False, False, True, True),
            ("2010-11-14", "2010-11-14", False, True, False, True),
            ("2010-12-31", "2010", False, None, None, True),
            ("2010-01-01", "2010", None, True, False, None),
            ("2010", "2010-06", None, None, None, None),
        ],
    )
    def test_answers(
        self, a: str, b: str, lt: bool | None, le: bool | None, gt: bool | None, ge: bool | None
    ) -> None:
        """Each operator gives True, False, or raises UndeterminedOrderError (None here)."""
        x, y = P(a), P(b)
        ops: list[tuple[Callable[[Any, Any], bool], bool | None]] = [
            (lambda p, q: p < q, lt),
            (lambda p, q: p <= q, le),
            (lambda p, q: p > q, gt),
            (lambda p, q: p >= q, ge),
        ]
        for op, expected in ops:
            if expected is None:
                with pytest.raises(UndeterminedOrderError, match="undetermined"):
                    op(x, y)
            else:
                assert op(x, y) is expected

    def test_undetermined_is_a_type_error(self) -> None:
        """UndeterminedOrderError is a CanjapanError and a TypeError, naming both dates."""
        with pytest.raises(UndeterminedOrderError) as info:
            _ = P("2010") < P("2010-06")
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, CanjapanError)
        assert "'2010'" in str(info.value)
        assert "'2010-06'" in str(info.value)
        assert "compare()" in str(info.value)

    def test_reflected_with_date(self) -> None:
        """A date or datetime on the left compares with a partial date on the right."""
        assert date(2009, 12, 31) < P("2010")
        assert datetime(2011, 1, 1, 12, 0) > P("2010")
        with pytest.raises(UndeterminedOrderError):
            _ = date(2010, 6, 1) < P("2010")

    def test_sorted_raises_when_undetermined(self) -> None:
        """sorted() without a key raises on overlapping dates instead of guessing."""
        assert sorted([P("2012"), P("2010"), P("2011")]) == [P("2010"), P("2011"), P("2012")]
        with pytest.raises(UndeterminedOrderError):
            sorted([P("2010-06"), P("2010")])

    def test_unrelated_types(self) -> None:
        """Comparing with a number or an interval is a plain TypeError, not undetermined."""
        for other in (2010, 2010.5, None, I("2011/2012")):
            with pytest.raises(TypeError) as info:
                _ = P("2010") < other  # type: ignore[operator]
            assert not isinstance(info.value, UndeterminedOrderError)

    def test_invalid_string(self) -> None:
        """Comparing with an invalid date string raises DateParseError."""
        with pytest.raises(DateParseError):
            _ = P("2010") < "2011-02-30"

    def test_equality_is_textual(self) -> None:
        """== compares the written form; a date is never equal to a partial date."""
        assert P("2010") == P("2010")
        assert P("2010") != P("2010?")
        assert P("2010-11-14") != date(2010, 11, 14)
        assert P("2010-11-14") != "2010-11-14"
        assert hash(P("2010-06")) == hash(P("2010-06"))
        assert len({P("2010"), P("2010"), P("2010?")}) == 2


class TestTruth:
    """The three-valued Truth refuses bool()."""

    @pytest.mark.parametrize("member", list(Truth))
    def test_bool_raises(self, member: Truth) -> None:
        """bool() of any member raises AmbiguousTruthError, a TypeError."""
        with pytest.raises(AmbiguousTruthError, match="three-valued") as info:
            bool(member)
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, CanjapanError)

    def test_if_raises(self) -> None:
        """Using contains() directly in an if raises instead of guessing."""

        def branch(truth: Truth) -> str:
            if truth:
                return "taken"
            return "not taken"

        with pytest.raises(TypeError):
            branch(P("2010").contains("2010-06-01"))


class TestContains:
    """Containment of a day in a partial date or an interval, three-valued."""

    @pytest.mark.parametrize(
        ("d", "day", "truth"),
        [
            ("2010-11-14", "2010-11-14", Truth.YES),
            ("2010-11-14", date(2010, 11, 14), Truth.YES),
            ("2010-11-14~", "2010-11-14", Truth.YES),
            ("2010-11-14", "2010-11-15", Truth.NO),
            ("2010-11", "2010-11-14", Truth.MAYBE),
            ("2010-11", "2010-12-01", Truth.NO),
            ("2012-24", "2013-01-15", Truth.MAYBE),
            ("2010-11-14", "2010-11", Truth.MAYBE),
        ],
    )
    def test_partial_date(self, d: str, day: Any, truth: Truth) -> None:
        """A partial date certainly is a day only when both are that single day."""
        assert P(d).contains(day) is truth

    @pytest.mark.parametrize(
        ("interval", "day", "truth"),
        [
            ("2011-06-15/2011-06-18", "2011-06-15", Truth.YES),
            ("2011-06-15/2011-06-18", "2011-06-18", Truth.YES),
            ("2011-06-15/2011-06-18", "2011-06-16", Truth.YES),
            ("2011-06-15/2011-06-18", "2011-06-14", Truth.NO),
            ("2011-06-15/2011-06-18", "2011-06-19", Truth.NO),
            ("2011-06-15/2011-06-18", "2011-06", Truth.MAYBE),
            ("2011-06/2011-08", "2011-06-15", Truth.MAYBE),
            ("2011-06/2011-08", "2011-07-15", Truth.YES),
            ("2011-06/2011-08", "2011-07", Truth.YES),
            ("2011-06/2011-08", "2011-09-01", Truth.NO),
            ("2019-07/..", "2030-01-01", Truth.YES),
            ("2019-07/..", "2019-07-15", Truth.MAYBE),
            ("2019-07/..", "2019-06-30", Truth.NO),
            ("2019-07/", "2030-01-01", Truth.MAYBE),
            ("2019-07/", "2019-06-30", Truth.NO),
            ("../2012", "1900-01-01", Truth.YES),
            ("../2012", "2013-01-01", Truth.NO),
            ("/2012", "1900-01-01", Truth.MAYBE),
            ("/2012", "2012-06-01", Truth.MAYBE),
            ("/2012", "2013-01-01", Truth.NO),
            ("2012-24/2013-22", "2013-02-27", Truth.MAYBE),
            ("2012-24/2013-22", "2013-02-28", Truth.YES),
            ("2019-07-01/", "2019-07-01", Truth.YES),
            ("2019-07-01/", "2019-07-02", Truth.MAYBE),
            ("/2012-06-01", "2012-06-01", Truth.YES),
            ("2011/2011-01-05", "2011-01-05", Truth.YES),
            ("2011/2011-01-05", "2011-01-04", Truth.MAYBE),
            ("2011-01-05/2011", "2011-01-05", Truth.YES),
        ],
    )
    def test_interval(self, interval: str, day: str, truth: Truth) -> None:
        """An interval contains a day certainly, certainly not, or maybe."""
        assert I(interval).contains(day) is truth


# -- intervals ----------------------------------------------------------------------------


class TestInterval:
    """DateInterval: parsing, formatting, bounds, comparisons."""

    @pytest.mark.parametrize(
        ("text", "lo", "hi"),
        [
            ("2011-06-15/2011-06-18", D(2011, 6, 15), D(2011, 6, 18)),
            ("2011-06-15/2011-06-15", D(2011, 6, 15), D(2011, 6, 15)),
            ("2011/2011-06", D(2011, 1, 1), D(2011, 6, 30)),
            ("2019-07~/2020?", D(2019, 7, 1), D(2020, 12, 31)),
            ("2012-24/2013-24", D(2012, 12, 1), D(2014, 2, 28)),
            ("201X/2020-XX", D(2010, 1, 1), D(2020, 12, 31)),
            ("2019-07/..", D(2019, 7, 1), None),
            ("../2012", None, D(2012, 12, 31)),
            ("2019-07/", D(2019, 7, 1), None),
            ("/2012", None, D(2012, 12, 31)),
        ],
    )
    def test_round_trip_and_bounds(self, text: str, lo: date | None, hi: date | None) -> None:
        """str() gives the text back; earliest and latest are None for unbounded ends."""
        interval = I(text)
        assert str(interval) == text
        assert repr(interval) == f"DateInterval({text!r})"
        assert (interval.earliest, interval.latest) == (lo, hi)

    def test_ends(self) -> None:
        """The ends are partial dates or Unbounded members."""
        assert I("2019-07/..").end is Unbounded.OPEN
        assert I("2019-07/").end is Unbounded.UNKNOWN
        assert I("../2012").start is Unbounded.OPEN
        assert I("/2012").start is Unbounded.UNKNOWN
        assert I("2019-07/..").start == P("2019-07")

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("2011", "exactly one '/'"),
            ("2011/2012/2013", "exactly one '/'"),
            ("../..", "at least one date"),
            ("/", "at least one date"),
            ("../", "at least one date"),
            ("2012/2011", "the start 2012 is after the end 2011"),
            ("2011-06-18/2011-06-15", "is after the end"),
            ("2011-02-30/2012", "day 30 does not exist"),
            ("2011/2012-13", "month 13"),
            ("2011/ 2012", "whitespace"),
            ("2011/...", "expected YYYY"),
            ("", "exactly one '/'"),
        ],
    )
    def test_invalid(self, text: str, reason: str) -> None:
        """Invalid intervals raise DateParseError naming the whole input and the problem."""
        with pytest.raises(DateParseError) as info:
            I(text)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, CanjapanError)
        assert info.value.text == text
        assert reason in info.value.reason

    def test_not_a_string(self) -> None:
        """A value that is not a string is refused."""
        with pytest.raises(DateParseError, match="int"):
            I(2011)  # type: ignore[arg-type]

    def test_constructor(self) -> None:
        """The constructor takes two ends and checks them."""
        assert DateInterval(P("2011"), Unbounded.OPEN) == I("2011/..")
        with pytest.raises(DateParseError, match="after the end"):
            DateInterval(P("2012"), P("2011"))
        with pytest.raises(DateParseError, match="at least one date"):
            DateInterval(Unbounded.OPEN, Unbounded.UNKNOWN)
        with pytest.raises(DateParseError, match="must be a PartialDate"):
            DateInterval(2011, Unbounded.OPEN)  # type: ignore[arg-type]

    def test_constructor_takes_date_likes(self) -> None:
        """The ends can be given as a date, a datetime or an EDTF string too."""
        assert DateInterval(date(2011, 6, 15), "2011-06-18") == I("2011-06-15/2011-06-18")
        assert DateInterval(datetime(2011, 6, 15, 9, 0), "..") == I("2011-06-15/..")
        assert DateInterval("", "2012~") == I("/2012~")
        with pytest.raises(DateParseError, match="day 30 does not exist"):
            DateInterval("2011-02-30", "..")

    def test_overlapping_ends_are_allowed(self) -> None:
        """Ends whose spans overlap are valid: the start is not certainly after the end."""
        assert str(I("2011/2011-06")) == "2011/2011-06"
        assert str(I("2011-06/2011")) == "2011-06/2011"

    @pytest.mark.parametrize(
        ("interval", "other", "order"),
        [
            ("2011/2012", "2013", Order.AFTER),
            ("2011/2012", "2010-12-31", Order.BEFORE),
            ("2011/2012", "2012-06", Order.UNDETERMINED),
            ("2011/..", "2030", Order.UNDETERMINED),
            ("2011/", "2030", Order.UNDETERMINED),
            ("2011/", "2010", Order.BEFORE),
            ("../2012", "1900", Order.UNDETERMINED),
            ("../2012", "2013", Order.AFTER),
            ("2011-06-15/2011-06-15", "2011-06-15", Order.SAME),
        ],
    )
    def test_compare(self, interval: str, other: str, order: Order) -> None:
        """A date compares with an interval by the interval's span (an unbounded end
        reaching infinitely far), and the interval with the date the opposite way."""
        assert P(other).compare(I(interval)) is order
        reverse = {Order.BEFORE: Order.AFTER, Order.AFTER: Order.BEFORE}.get(order, order)
        assert I(interval).compare(other) is reverse

    def test_compare_intervals(self) -> None:
        """Two intervals compare by their spans."""
        assert I("2011/2012").compare(I("2013/..")) is Order.BEFORE
        assert I("2013/..").compare(I("2011/2012")) is Order.AFTER
        assert I("2011/2013").compare(I("2012/2014")) is Order.UNDETERMINED

    def test_no_ordering_operators(self) -> None:
        """Intervals have no <: compare() is the only way to order them."""
        with pytest.raises(TypeError):
            _ = I("2011/2012") < I("2013/2014")  # type: ignore[operator]

    def test_sort_key(self) -> None:
        """sort_key() puts an open or unknown start first and an open end last."""
        texts = ["2011/..", "2011/2012", "../2012", "/2011", "2010/2011"]
        ordered = sorted((I(t) for t in texts), key=DateInterval.sort_key)
        assert [str(i) for i in ordered] == [
            "/2011",
            "../2012",
            "2010/2011",
            "2011/2012",
            "2011/..",
        ]


class TestValueProtocol:
    """Immutability, equality, hashing, pickling and copying."""

    @pytest.mark.parametrize("value", [P("2010-11~"), I("2011/..")])
    def test_immutable(self, value: object) -> None:
        """Attributes cannot be set or deleted."""
        with pytest.raises(AttributeError, match="immutable"):
            value._lo = 3  # type: ignore[attr-defined]
        with pytest.raises(AttributeError, match="immutable"):
            del value._lo  # type: ignore[attr-defined]

    def test_parts_are_read_only(self) -> None:
        """The public parts cannot be set."""
        d = P("2010-11")
        with pytest.raises(AttributeError):
            d.year = 2011  # type: ignore[misc]

    @pytest.mark.parametrize("value", [P("2012-24%"), I("201X/2020-06-XX"), I("/2012")])
    def test_pickle_and_copy(self, value: object) -> None:
        """Pickling and copying give an equal value with the same text."""
        for other in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
            assert other == value
            assert str(other) == str(value)
            assert hash(other) == hash(value)

    def test_interval_equality(self) -> None:
        """Intervals are equal when their ends are."""
        assert I("2011/2012") == I("2011/2012")
        assert I("2011/..") != I("2011/")
        assert I("2011/2012") != "2011/2012"
        assert len({I("2011/2012"), I("2011/2012"), I("2011/2012?")}) == 2


# -- what every date-taking function accepts ----------------------------------------------


class TestDateLike:
    """day_bounds() and to_date() take a date, a datetime, an ISO string or a PartialDate."""

    @pytest.mark.parametrize(
        "value",
        [
            date(2019, 7, 15),
            datetime(2019, 7, 15, 9, 30),
            datetime(2019, 7, 15, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
            "2019-07-15",
            "20190715",
            "2019-07-15T09:30:00",
            "2019-07-15T09:30:00+09:00",
            "2019-07-15T09:30:00Z",
            "2019-07-15 09:30",
            "2019-07-15T09:30:00.123456789+09:00",
            P("2019-07-15"),
            P("2019-07-15?"),
        ],
    )
    def test_single_day(self, value: Any) -> None:
        """Every form of 15 July 2019 gives that day (as written, no time zone conversion)."""
        n = date(2019, 7, 15).toordinal()
        assert day_bounds(value) == (n, n)
        assert to_date(value) == date(2019, 7, 15)

    @pytest.mark.parametrize("value", ["2019-07", P("2019-07"), "2019-07~"])
    def test_partial(self, value: Any) -> None:
        """A partial date gives its range, and to_date() refuses it."""
        assert day_bounds(value) == (date(2019, 7, 1).toordinal(), date(2019, 7, 31).toordinal())
        with pytest.raises(DateParseError, match="not a single day"):
            to_date(value)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("2019-02-29", "day 29 does not exist"),
            ("2019-07-15T25:00", "ISO 8601"),
            ("yesterday", "expected YYYY"),
            ("2019/2020", "interval"),
        ],
    )
    def test_invalid_string(self, value: str, reason: str) -> None:
        """An invalid string raises DateParseError naming it."""
        with pytest.raises(DateParseError) as info:
            day_bounds(value)
        assert info.value.text == value
        assert reason in info.value.reason

    @pytest.mark.parametrize("value", [None, 20190715, 2019.5, I("2019/2020"), [2019, 7, 15]])
    def test_other_types(self, value: object) -> None:
        """Any other type is a TypeError."""
        with pytest.raises(TypeError, match="expected a date"):
            day_bounds(value)  # type: ignore[arg-type]

    def test_public_names(self) -> None:
        """The date types are exported by the package."""
        for name in ("PartialDate", "DateInterval", "Order", "Truth", "Precision", "Unbounded"):
            assert getattr(canjapan, name) is getattr(_dates, name)


# -- properties ------------------------------------------------------------------------------

DATES = partial_dates(min_year=1, max_year=9999)
NEAR_DATES = partial_dates(min_year=2009, max_year=2012)
INTERVALS = date_intervals(min_year=2009, max_year=2012)
REVERSE = {
    Order.BEFORE: Order.AFTER,
    Order.AFTER: Order.BEFORE,
    Order.SAME: Order.SAME,
    Order.UNDETERMINED: Order.UNDETERMINED,
}


def _order_from_bounds(
    alo: date | None, ahi: date | None, blo: date | None, bhi: date | None
) -> Order:
    """The order two spans must have, from their bounds (None is unbounded)."""
    if ahi is not None and blo is not None and ahi < blo:
        return Order.BEFORE
    if alo is not None and bhi is not None and alo > bhi:
        return Order.AFTER
    if alo is not None and alo == ahi == blo == bhi:
        return Order.SAME
    return Order.UNDETERMINED


class TestProperties:
    """Hypothesis properties of parsing, bounds, comparisons and containment."""

    @given(DATES)
    def test_round_trip(self, d: PartialDate) -> None:
        """Parsing str() of a date gives an equal date with the same bounds."""
        again = P(str(d))
        assert again == d
        assert str(again) == str(d)
        assert (again.earliest, again.latest) == (d.earliest, d.latest)

    @given(date_intervals(min_year=1, max_year=9999))
    def test_interval_round_trip(self, interval: DateInterval) -> None:
        """Parsing str() of an interval gives an equal interval."""
        again = I(str(interval))
        assert again == interval
        assert str(again) == str(interval)

    @given(DATES)
    def test_earliest_before_latest(self, d: PartialDate) -> None:
        """earliest <= latest, both within the date's year(s), and exact dates are single days."""
        assert d.earliest <= d.latest
        if d.precision is Precision.DAY and d.day is not None:
            assert d.earliest == d.latest == date(d.earliest.year, d.month or 0, d.day)
        if d.year is not None and d.season != 24:
            assert d.earliest.year == d.latest.year == d.year

    @given(date_intervals(min_year=1, max_year=9999))
    def test_interval_bounds(self, interval: DateInterval) -> None:
        """An interval's bounds are its start's earliest and its end's latest."""
        s, e = interval.start, interval.end
        assert interval.earliest == (s.earliest if isinstance(s, PartialDate) else None)
        assert interval.latest == (e.latest if isinstance(e, PartialDate) else None)
        if isinstance(s, PartialDate) and isinstance(e, PartialDate):
            assert s.earliest <= e.latest

    @given(NEAR_DATES, NEAR_DATES)
    def test_compare_agrees_with_bounds(self, a: PartialDate, b: PartialDate) -> None:
        """compare() is decided by the bounds alone."""
        assert a.compare(b) is _order_from_bounds(a.earliest, a.latest, b.earliest, b.latest)

    @given(NEAR_DATES, NEAR_DATES)
    def test_antisymmetry(self, a: PartialDate, b: PartialDate) -> None:
        """a is before b exactly when b is after a; SAME and UNDETERMINED are symmetric."""
        assert b.compare(a) is REVERSE[a.compare(b)]

    @given(NEAR_DATES, NEAR_DATES, NEAR_DATES)
    def test_transitivity(self, a: PartialDate, b: PartialDate, c: PartialDate) -> None:
        """Before is transitive (the three dates are sorted by sort_key first, so that
        chains of BEFORE are common without filtering)."""
        a, b, c = sorted((a, b, c), key=PartialDate.sort_key)
        if a.compare(b) is Order.BEFORE and b.compare(c) is Order.BEFORE:
            assert a.compare(c) is Order.BEFORE
        if a.compare(b) is not Order.AFTER and b.compare(c) is not Order.AFTER:
            assert a.compare(c) is not Order.AFTER

    @given(NEAR_DATES)
    def test_reflexive(self, a: PartialDate) -> None:
        """A date is SAME as itself when it is a single day, else UNDETERMINED."""
        single = a.earliest == a.latest
        assert a.compare(a) is (Order.SAME if single else Order.UNDETERMINED)
        assert a.compare(a.earliest) is (Order.SAME if single else Order.UNDETERMINED)

    @given(NEAR_DATES, NEAR_DATES)
    def test_date_like_forms_agree(self, a: PartialDate, b: PartialDate) -> None:
        """Comparing with a PartialDate or its string gives the same answer; with a
        single day, its date and datetime too."""
        expected = a.compare(b)
        assert a.compare(str(b)) is expected
        if b.earliest == b.latest:
            assert a.compare(b.earliest) is expected
            assert a.compare(datetime.combine(b.earliest, datetime.min.time())) is expected
            assert a.compare(b.earliest.isoformat()) is expected

    @given(NEAR_DATES, NEAR_DATES)
    def test_operators_agree(self, a: PartialDate, b: PartialDate) -> None:
        """Each operator answers True/False exactly when the bounds decide it, else raises."""
        cases: list[tuple[Callable[[], bool], bool, bool]] = [
            (lambda: a < b, a.latest < b.earliest, a.earliest >= b.latest),
            (lambda: a <= b, a.latest <= b.earliest, a.earliest > b.latest),
            (lambda: a > b, a.earliest > b.latest, a.latest <= b.earliest),
            (lambda: a >= b, a.earliest >= b.latest, a.latest < b.earliest),
        ]
        for op, true_when, false_when in cases:
            if true_when:
                assert op() is True
            elif false_when:
                assert op() is False
            else:
                with pytest.raises(UndeterminedOrderError):
                    op()

    @given(NEAR_DATES, NEAR_DATES)
    def test_sort_key_agrees(self, a: PartialDate, b: PartialDate) -> None:
        """A date certainly before another has a smaller sort key; equal dates equal keys."""
        if a.compare(b) is Order.BEFORE:
            assert a.sort_key() < b.sort_key()
        assert (a.sort_key() == b.sort_key()) is (a == b)

    @given(NEAR_DATES, NEAR_DATES)
    def test_certainly_possibly(self, a: PartialDate, b: PartialDate) -> None:
        """certainly_before implies possibly_before, and is compare() BEFORE."""
        assert a.certainly_before(b) is (a.compare(b) is Order.BEFORE)
        assert a.certainly_after(b) is (a.compare(b) is Order.AFTER)
        if a.certainly_before(b):
            assert a.possibly_before(b)
            assert not a.possibly_after(b)
        assert a.possibly_before(b) is (a.earliest < b.latest)

    @given(INTERVALS, NEAR_DATES)
    def test_containment_agrees_with_bounds(self, interval: DateInterval, d: PartialDate) -> None:
        """contains() is NO when d is certainly outside the interval's bounds, YES when
        the start is certainly no later and the end certainly no earlier than d, and
        MAYBE otherwise."""
        s, e = interval.start, interval.end
        lo, hi = interval.earliest, interval.latest
        outside = (lo is not None and d.latest < lo) or (hi is not None and d.earliest > hi)
        # The latest the start can be (never after the end) and the earliest the end can be.
        start_latest = s.latest if isinstance(s, PartialDate) else None
        if start_latest is not None and hi is not None:
            start_latest = min(start_latest, hi)
        end_earliest = e.earliest if isinstance(e, PartialDate) else None
        if end_earliest is not None and lo is not None:
            end_earliest = max(end_earliest, lo)
        starts_before = (
            s is Unbounded.OPEN
            or (start_latest is not None and start_latest <= d.earliest)
            or (s is Unbounded.UNKNOWN and hi is not None and hi <= d.earliest)
        )
        ends_after = (
            e is Unbounded.OPEN
            or (end_earliest is not None and end_earliest >= d.latest)
            or (e is Unbounded.UNKNOWN and lo is not None and lo >= d.latest)
        )
        expected = (
            Truth.NO if outside else Truth.YES if starts_before and ends_after else Truth.MAYBE
        )
        assert interval.contains(d) is expected

    @given(INTERVALS, NEAR_DATES)
    def test_containment_of_days(self, interval: DateInterval, d: PartialDate) -> None:
        """A partial date certainly inside has both its bounds certainly inside; one
        certainly outside has both outside."""
        truth = interval.contains(d)
        if truth is not Truth.MAYBE:
            assert interval.contains(d.earliest) is truth
            assert interval.contains(d.latest) is truth

    @given(INTERVALS, st.dates(min_value=date(2008, 1, 1), max_value=date(2013, 12, 31)))
    def test_containment_by_enumeration(self, interval: DateInterval, day: date) -> None:
        """For a single day, contains() matches trying the readings of the ends that
        decide it (a reading never puts the start after the end)."""
        starts = _readings(interval.start, day, date.min)
        ends = _readings(interval.end, day, date.max)
        inside = {a <= day <= b for a in starts for b in ends if a <= b}
        expected = Truth.YES if inside == {True} else Truth.NO if inside == {False} else Truth.MAYBE
        assert interval.contains(day) is expected

    @given(INTERVALS, NEAR_DATES)
    def test_interval_compare_antisymmetry(self, interval: DateInterval, d: PartialDate) -> None:
        """An interval and a date compare in opposite orders from either side."""
        assert d.compare(interval) is REVERSE[interval.compare(d)]
        expected = _order_from_bounds(interval.earliest, interval.latest, d.earliest, d.latest)
        assert interval.compare(d) is expected


def _readings(end: PartialDate | Unbounded, day: date, open_day: date) -> list[date]:
    """The days an interval end can be that decide containment of ``day``: its
    bounds, and the days next to ``day`` that it can be.

    An open end is ``open_day`` (``date.min`` or ``date.max``); an unknown end can
    be any day at all.
    """
    if end is Unbounded.OPEN:
        return [open_day]
    near = [day - timedelta(days=1), day, day + timedelta(days=1)]
    if end is Unbounded.UNKNOWN:
        return [date.min, *near, date.max]
    assert isinstance(end, PartialDate)
    return [end.earliest, end.latest, *(d for d in near if end.earliest <= d <= end.latest)]


# -- the differential test against the edtf package ---------------------------------------


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """edtf warns at import (pyparsing diagnostics) and prints while parsing."""
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


@pytest.fixture(scope="module")
def edtf() -> Any:
    """The edtf package, the reference implementation (a test-only dependency)."""
    with _quiet():
        return pytest.importorskip("edtf")


def _edtf_bounds(edtf: Any, text: str) -> tuple[date, date]:
    """edtf's lower_strict() and upper_strict() of ``text``, as dates."""
    with _quiet():
        parsed = edtf.parse_edtf(text)
        lo = edtf.struct_time_to_date(parsed.lower_strict())
        hi = edtf.struct_time_to_date(parsed.upper_strict())
    return lo, hi


def _end_of_february(year: int) -> date:
    return date(year, 3, 1) - timedelta(days=1)


def _reference(edtf: Any, d: PartialDate) -> tuple[date, date]:
    """The bounds edtf gives, corrected for the documented deliberate differences,
    each of which is asserted here."""
    text = str(d)
    if d.season is not None and (d.uncertain or d.approximate):
        # edtf 5.0.2 refuses a qualified season; qualifiers never change strict bounds.
        with pytest.raises(Exception):  # noqa: B017, PT011 - edtf's own parse error
            _edtf_bounds(edtf, text)
        text = unqualified(text)
    lo, hi = _edtf_bounds(edtf, text)
    if d.season == 24:
        # edtf squeezes winter into December; ours runs to the end of February.
        assert d.year is not None
        assert hi == date(d.year, 12, 31)
        hi = _end_of_february(d.year + 1)
    return lo, hi


class TestAgainstEdtf:
    """The bounds agree with the edtf package's lower_strict() and upper_strict()."""

    @settings(deadline=None)
    @given(DATES)
    def test_partial_dates(self, edtf: Any, d: PartialDate) -> None:
        """earliest and latest are edtf's strict bounds (winter and qualified seasons
        differ deliberately)."""
        assert (d.earliest, d.latest) == _reference(edtf, d)

    @settings(deadline=None)
    @given(date_intervals(min_year=1900, max_year=2100))
    def test_intervals(self, edtf: Any, interval: DateInterval) -> None:
        """A closed interval has edtf's bounds where edtf parses it and its ends' bounds
        otherwise; an open or unknown end has None where edtf fails or guesses."""
        s, e = interval.start, interval.end
        if isinstance(s, PartialDate):
            assert interval.earliest == _reference(edtf, s)[0]
        else:
            assert interval.earliest is None
        if isinstance(e, PartialDate):
            assert interval.latest == _reference(edtf, e)[1]
        else:
            assert interval.latest is None
        if not (isinstance(s, PartialDate) and isinstance(e, PartialDate)):
            return
        try:
            lo, hi = _edtf_bounds(edtf, str(interval))
        except Exception:
            # edtf 5.0.2 refuses intervals with unspecified digits or qualified seasons.
            assert any(
                "X" in str(x) or (x.season is not None and (x.uncertain or x.approximate))
                for x in (s, e)
            )
            return
        assert lo == interval.earliest
        if e.season == 24:
            assert interval.latest == _end_of_february(hi.year + 1)
        else:
            assert hi == interval.latest

    @pytest.mark.parametrize("text", ["2011-02-29", "2100-02-29", "1900-02-29"])
    def test_impossible_days(self, edtf: Any, text: str) -> None:
        """edtf accepts some impossible days; we refuse them."""
        with _quiet():
            edtf.parse_edtf(text)
        with pytest.raises(DateParseError, match="does not exist"):
            P(text)

    @pytest.mark.parametrize("text", ["2019-07/..", "../2012"])
    def test_open_ends(self, edtf: Any, text: str) -> None:
        """edtf fails on the bounds of an open interval; ours are None on the open side."""
        with pytest.raises(Exception):  # noqa: B017, PT011 - edtf's own error
            _edtf_bounds(edtf, text)
        interval = I(text)
        assert None in (interval.earliest, interval.latest)

    @pytest.mark.parametrize(
        ("text", "known"), [("2019-07/", D(2019, 7, 1)), ("/2012", D(2012, 12, 31))]
    )
    def test_unknown_ends(self, edtf: Any, text: str, known: date) -> None:
        """edtf guesses a bound ten years from the known end; ours is None."""
        lo, hi = _edtf_bounds(edtf, text)
        assert {lo, hi} - {known}  # edtf gives a made-up bound
        interval = I(text)
        assert {interval.earliest, interval.latest} == {known, None}


# -- the strategies -----------------------------------------------------------------------


class TestStrategies:
    """partial_dates() and date_intervals() respect their arguments."""

    @given(st.data(), st.integers(1, 9999), st.integers(0, 30))
    def test_years(self, data: st.DataObject, first: int, span: int) -> None:
        """Every day a drawn date can be lies in min_year..max_year."""
        last = min(9999, first + span)
        d = data.draw(partial_dates(min_year=first, max_year=last))
        assert first <= d.earliest.year <= d.latest.year <= last

    @given(st.data(), st.sampled_from(list(Precision)))
    def test_precisions(self, data: st.DataObject, precision: Precision) -> None:
        """Only the precisions asked for are drawn, even in a single year."""
        d = data.draw(partial_dates(min_year=2000, max_year=2000, precisions=[precision]))
        assert d.precision is precision

    @given(partial_dates(qualified=False, unspecified=False))
    def test_plain(self, d: PartialDate) -> None:
        """qualified=False and unspecified=False draw neither qualifiers nor X."""
        assert not d.uncertain
        assert not d.approximate
        assert "X" not in str(d)

    @given(date_intervals(open_ends=False, unknown_ends=False))
    def test_closed_intervals(self, interval: DateInterval) -> None:
        """open_ends=False and unknown_ends=False draw two dates."""
        assert isinstance(interval.start, PartialDate)
        assert isinstance(interval.end, PartialDate)

    @given(date_intervals(open_ends=False))
    def test_no_open_ends(self, interval: DateInterval) -> None:
        """open_ends=False never draws '..'."""
        assert Unbounded.OPEN not in (interval.start, interval.end)

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"min_year": 0},
            {"max_year": 10000},
            {"min_year": 2000, "max_year": 1999},
            {"min_year": 2000.0},
            {"precisions": []},
            {"precisions": ["year"]},
        ],
    )
    def test_invalid_arguments(self, kwargs: dict[str, Any]) -> None:
        """Impossible arguments raise InvalidArgument at once."""
        with pytest.raises(InvalidArgument):
            partial_dates(**kwargs)
        with pytest.raises(InvalidArgument):
            date_intervals(**kwargs)

    def test_forms_are_all_reachable(self) -> None:
        """Every form of the subset can be drawn (checked by Hypothesis' find)."""
        from hypothesis import find

        dates: list[Callable[[PartialDate], bool]] = [
            lambda d: d.season == 24,
            lambda d: str(d).endswith("XX"),
            lambda d: str(d)[3] == "X",
            lambda d: str(d).endswith("%"),
            lambda d: str(d).endswith("-XX-XX"),
        ]
        for wanted in dates:
            assert wanted(find(partial_dates(), wanted))
        intervals: list[Callable[[DateInterval], bool]] = [
            lambda i: i.end is Unbounded.OPEN,
            lambda i: i.start is Unbounded.UNKNOWN,
            lambda i: isinstance(i.start, PartialDate) and isinstance(i.end, PartialDate),
        ]
        for ends in intervals:
            assert ends(find(date_intervals(), ends))
