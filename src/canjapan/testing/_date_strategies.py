"""Hypothesis strategies for partial dates and date intervals.

Re-exported by [`canjapan.testing.strategies`][canjapan.testing.strategies]. Every value is built
valid directly (no value is generated and then thrown away), and every day it can be
lies in the years asked for:

```python
from hypothesis import given
from canjapan.testing.strategies import partial_dates

@given(partial_dates(min_year=2000, max_year=2020))
def test_bounds(d):
    assert d.earliest <= d.latest
```

Needs the ``testing`` extra (``pip install 'canjapan[testing]'``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from canjapan._dates import DateInterval, PartialDate, Precision, Unbounded

__all__ = ["date_intervals", "partial_dates"]

# Shrinks towards no qualifier.
_QUALIFIERS: Final = ("", "", "?", "~", "%")


def _check(
    min_year: int, max_year: int, precisions: Iterable[Precision] | None
) -> tuple[Precision, ...]:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if not isinstance(value, int) or isinstance(value, bool):
            msg = f"{name} must be an int, got {value!r}"
            raise InvalidArgument(msg)
    if not 1 <= min_year <= max_year <= 9999:
        msg = (
            "need 1 <= min_year <= max_year <= 9999, "
            f"got min_year={min_year!r}, max_year={max_year!r}"
        )
        raise InvalidArgument(msg)
    if precisions is None:
        return tuple(Precision)
    chosen = tuple(dict.fromkeys(precisions))
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        msg = f"precisions must be a non-empty collection of Precision, got {precisions!r}"
        raise InvalidArgument(msg)
    return chosen


def _year_texts(min_year: int, max_year: int, *, unspecified: bool) -> st.SearchStrategy[str]:
    """Year-precision texts: ``2011``, and whole decades or centuries (``201X``, ``20XX``)."""
    forms = [st.integers(min_year, max_year).map("{:04d}".format)]
    if unspecified:
        # A decade d covers 10d..10d+9 (year 0 does not exist); the same for centuries.
        for scale, suffix in ((10, "X"), (100, "XX")):
            first = max(1, -(-min_year // scale))
            last = (max_year - scale + 1) // scale
            if first <= last:
                template = f"{{:0{4 - len(suffix)}d}}{suffix}"  # "{:03d}X", "{:02d}XX"
                forms.append(st.integers(first, last).map(template.format))
    return st.one_of(forms)


def _season_texts(min_year: int, max_year: int) -> st.SearchStrategy[str]:
    """Season texts; a winter runs into the next year, so it stops a year early."""
    forms = [
        st.tuples(st.integers(min_year, max_year), st.sampled_from((21, 22, 23))).map(
            lambda t: f"{t[0]:04d}-{t[1]}"
        )
    ]
    if min_year < max_year:
        forms.append(st.integers(min_year, max_year - 1).map("{:04d}-24".format))
    return st.one_of(forms)


def _month_texts(min_year: int, max_year: int, *, unspecified: bool) -> st.SearchStrategy[str]:
    years = st.integers(min_year, max_year)
    forms = [st.tuples(years, st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}")]
    if unspecified:
        forms.append(years.map("{:04d}-XX".format))
    return st.one_of(forms)


def _day_texts(min_year: int, max_year: int, *, unspecified: bool) -> st.SearchStrategy[str]:
    forms = [
        st.dates(min_value=date(min_year, 1, 1), max_value=date(max_year, 12, 31)).map(
            date.isoformat
        )
    ]
    if unspecified:
        years = st.integers(min_year, max_year)
        forms.append(
            st.tuples(years, st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-XX")
        )
        forms.append(years.map("{:04d}-XX-XX".format))
    return st.one_of(forms)


def partial_dates(
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    precisions: Iterable[Precision] | None = None,
    qualified: bool = True,
    unspecified: bool = True,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of the supported EDTF subset.

    Args:
        min_year: The first year any generated date can reach (0001-9999).
        max_year: The last year any generated date can reach: every day a value
            can be lies in ``min_year``-``max_year`` (so the winter of
            ``max_year``, which runs into the next year, is never drawn).
        precisions: The precisions to draw from (default: all four).
        qualified: Also draw the qualifiers ``?``, ``~`` and ``%``.
        unspecified: Also draw unspecified digits (``201X``, ``20XX`` when a
            whole decade or century fits in the years, ``2011-XX``,
            ``2011-06-XX``, ``2011-XX-XX``).

    Returns:
        A strategy that shrinks towards an unqualified date of the first
        precision and ``min_year``.

    Raises:
        hypothesis.errors.InvalidArgument: the years are not ``1 <= min_year <=
            max_year <= 9999`` or ``precisions`` is empty.
    """
    chosen = _check(min_year, max_year, precisions)
    builders = {
        Precision.YEAR: lambda: _year_texts(min_year, max_year, unspecified=unspecified),
        Precision.SEASON: lambda: _season_texts(min_year, max_year),
        Precision.MONTH: lambda: _month_texts(min_year, max_year, unspecified=unspecified),
        Precision.DAY: lambda: _day_texts(min_year, max_year, unspecified=unspecified),
    }
    texts = st.one_of([builders[p]() for p in chosen])
    if qualified:
        texts = st.tuples(texts, st.sampled_from(_QUALIFIERS)).map("".join)
    return texts.map(PartialDate.parse)


def _closed(ends: tuple[PartialDate, PartialDate]) -> DateInterval:
    """An interval of two partial dates, put in an order the interval accepts.

    If ``a`` cannot start before ``b`` ends, then ``b`` ends before ``a`` starts,
    so ``b/a`` is valid: no draw is ever rejected.
    """
    a, b = ends
    return DateInterval(a, b) if a._lo <= b._hi else DateInterval(b, a)


def _half(parts: tuple[PartialDate, Unbounded, bool]) -> DateInterval:
    known, unbounded, known_first = parts
    return DateInterval(known, unbounded) if known_first else DateInterval(unbounded, known)


def date_intervals(
    *,
    min_year: int = 1900,
    max_year: int = 2100,
    precisions: Iterable[Precision] | None = None,
    qualified: bool = True,
    unspecified: bool = True,
    open_ends: bool = True,
    unknown_ends: bool = True,
) -> st.SearchStrategy[DateInterval]:
    """Intervals of the supported EDTF subset: ``start/end``.

    Args:
        min_year: As for [`partial_dates`][canjapan.testing.strategies.partial_dates], for the ends.
        max_year: As for [`partial_dates`][canjapan.testing.strategies.partial_dates], for the ends.
        precisions: As for [`partial_dates`][canjapan.testing.strategies.partial_dates], for the
            ends.
        qualified: As for [`partial_dates`][canjapan.testing.strategies.partial_dates], for the
            ends.
        unspecified: As for [`partial_dates`][canjapan.testing.strategies.partial_dates], for the
            ends.
        open_ends: Also draw intervals with one open end (``2019-07/..``, ``../2012``).
        unknown_ends: Also draw intervals with one unknown end (``2019-07/``, ``/2012``).

    Returns:
        A strategy of valid intervals (the start never certainly after the end),
        shrinking towards two dates.

    Raises:
        hypothesis.errors.InvalidArgument: as for
            [`partial_dates`][canjapan.testing.strategies.partial_dates].
    """
    ends = partial_dates(
        min_year=min_year,
        max_year=max_year,
        precisions=precisions,
        qualified=qualified,
        unspecified=unspecified,
    )
    forms = [st.tuples(ends, ends).map(_closed)]
    kinds = [
        u
        for u, wanted in ((Unbounded.OPEN, open_ends), (Unbounded.UNKNOWN, unknown_ends))
        if wanted
    ]
    if kinds:
        forms.append(st.tuples(ends, st.sampled_from(kinds), st.booleans()).map(_half))
    return st.one_of(forms)
