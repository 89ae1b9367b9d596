"""Partial and uncertain dates: the EDTF (ISO 8601-2) subset this library needs.

A [`PartialDate`][canjapan.PartialDate] keeps exactly the precision its source gives (a year, a
season, a month or a day), its qualifiers (uncertain ``?``, approximate ``~``, both
``%``) and unspecified digits (``201X``, ``2011-XX``). A [`DateInterval`][canjapan.DateInterval]
joins two of them, with open (``..``) or unknown (empty) ends.

Every value has bounds: the earliest and the latest day it can be. Qualifiers are
kept and reported but do not widen the bounds (they agree with the ``edtf``
package's ``lower_strict()`` and ``upper_strict()``), and every comparison is
decided by the bounds alone.

Comparisons are three-valued: a partial date is certainly before, certainly after,
or in an undetermined order with another date
([`PartialDate.compare`][canjapan.PartialDate.compare]). Python's ordering operators answer only
when the order is determined and raise [`UndeterminedOrderError`][canjapan.UndeterminedOrderError]
otherwise, so that ``<`` never silently answers ``False`` for "we do not know". Intervals have no
ordering operators.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NoReturn, TypeAlias

from canjapan.exceptions import AmbiguousTruthError, DateParseError, UndeterminedOrderError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DateInterval",
    "DateLike",
    "Order",
    "PartialDate",
    "Precision",
    "Truth",
    "Unbounded",
    "calendar_day",
    "day_bounds",
    "parse_cached",
    "to_date",
]


class Precision(enum.Enum):
    """The granularity a date is written at."""

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"


class Order(enum.Enum):
    """The three-valued (plus equality) answer of
    [`PartialDate.compare`][canjapan.PartialDate.compare]."""

    BEFORE = "before"
    """Certainly before the other date."""
    SAME = "same"
    """Certainly the same single day."""
    AFTER = "after"
    """Certainly after the other date."""
    UNDETERMINED = "undetermined"
    """What is known does not determine the order."""


class Truth(enum.Enum):
    """A three-valued truth: ``YES``, ``NO`` or ``MAYBE``.

    It refuses ``bool()`` (a ``TypeError``) so that ``if interval.contains(day):``
    cannot silently treat ``MAYBE`` as true or false: compare with a member instead
    (``if interval.contains(day) is Truth.YES:``).
    """

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"

    def __bool__(self) -> NoReturn:
        msg = (
            f"{self} is three-valued and has no truth value; "
            "compare it with Truth.YES, Truth.NO or Truth.MAYBE"
        )
        raise AmbiguousTruthError(msg)


class Unbounded(enum.Enum):
    """The end of an interval that is not a date."""

    OPEN = ".."
    """Open: the interval continues indefinitely (``2019-07/..``)."""
    UNKNOWN = ""
    """Unknown: the end exists but is not known (``2019-07/``)."""


# -- tables ------------------------------------------------------------------------

_YEAR: Final = Precision.YEAR
_SEASON: Final = Precision.SEASON
_MONTH: Final = Precision.MONTH
_DAY: Final = Precision.DAY
_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Two-digit fields "01".."31": a dict look-up both validates and converts.
_TWO: Final = {f"{i:02d}": i for i in range(1, 32)}
# Seasons (EDTF level 1, northern hemisphere): first and last month. Winter runs
# from December into February of the following year.
_SEASONS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
_SEASON_NAMES: Final = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_QUALIFIERS: Final = {"?": (True, False), "~": (False, True), "%": (True, True)}
# Ordinals standing for the unbounded ends of an interval (before and after every day).
_BEFORE_ALL: Final = -(10**8)
_AFTER_ALL: Final = 10**8

_set = object.__setattr__
_new = object.__new__


def _fail(text: object, reason: str) -> NoReturn:
    raise DateParseError(text, reason)


class PartialDate:
    """A date known to a year, a season, a month or a day, possibly qualified.

    Create one with [`parse`][canjapan.PartialDate.parse] (any EDTF string of the supported subset),
    with [`from_date`][canjapan.PartialDate.from_date], or from its parts:

    ```pycon
    >>> PartialDate.parse("2019-07")
    PartialDate('2019-07')
    >>> PartialDate(2012, season=23).earliest
    datetime.date(2012, 9, 1)
    >>> str(PartialDate(2010, 11, 14, uncertain=True))
    '2010-11-14?'
    ```

    Instances are immutable and hashable; two are equal when they are written the
    same (``==`` never compares a partial date with a ``date``). Ordering operators
    answer only when the order is determined (see the module docstring);
    [`compare`][canjapan.PartialDate.compare] always answers.
    """

    __slots__ = ("_hi", "_info", "_lo", "_text")

    _text: str
    _lo: int
    _hi: int
    # (year, month, day, season, precision, uncertain, approximate)
    _info: tuple[int | None, int | None, int | None, int | None, Precision, bool, bool]

    def __init__(
        self,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        season: int | None = None,
        uncertain: bool = False,
        approximate: bool = False,
    ) -> None:
        call = _call_text(year, month, day, season)
        for name, value in (("year", year), ("month", month), ("day", day), ("season", season)):
            if (value is not None or name == "year") and (
                not isinstance(value, int) or isinstance(value, bool)
            ):
                _fail(call, f"the {name} must be an int, got {type(value).__name__}")
        if not 1 <= year <= 9999:
            _fail(call, f"year {year} is outside the supported range 0001-9999")
        if season is not None:
            if month is not None or day is not None:
                _fail(call, "a season date has no month or day")
            if season not in _SEASONS:
                _fail(call, f"season {season} is not 21 (spring) to 24 (winter)")
            text = f"{year:04d}-{season}"
        elif month is None:
            if day is not None:
                _fail(call, "a day needs a month")
            text = f"{year:04d}"
        else:
            if not 1 <= month <= 12:
                _fail(call, f"month {month} is not 1-12 (a season is given with season=)")
            text = f"{year:04d}-{month:02d}"
            if day is not None:
                if not 1 <= day <= 31:
                    _fail(call, f"day {day} is not 1-31")
                text += f"-{day:02d}"
        if uncertain and approximate:
            text += "%"
        elif uncertain:
            text += "?"
        elif approximate:
            text += "~"
        _parse_into(self, text)

    # -- construction -----------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an EDTF date of the supported subset.

        Args:
            text: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a season ``YYYY-21`` to
                ``YYYY-24``, optionally with unspecified digits (``201X``,
                ``20XX``, ``2011-XX``, ``2011-06-XX``, ``2011-XX-XX``) and one
                qualifier at the end (``?``, ``~`` or ``%``). Years are 0001-9999.

        Returns:
            The partial date; ``str()`` of it gives ``text`` back.

        Raises:
            DateParseError: ``text`` is not a valid date of the subset (a
                ``ValueError``), naming the input and what is wrong.
        """
        self: PartialDate = _new(cls)
        _parse_into(self, text)
        return self

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """The exact, day-precision partial date of a ``date`` or ``datetime``."""
        if not isinstance(value, date):
            msg = f"expected a date or datetime, got {type(value).__name__}"
            raise TypeError(msg)
        return cls.parse(calendar_day(value).isoformat())

    # -- parts ------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        """The year, or ``None`` when some of its digits are unspecified (``201X``)."""
        return self._info[0]

    @property
    def month(self) -> int | None:
        """The month (1-12), or ``None`` if not given or unspecified."""
        return self._info[1]

    @property
    def day(self) -> int | None:
        """The day of the month, or ``None`` if not given or unspecified."""
        return self._info[2]

    @property
    def season(self) -> int | None:
        """The EDTF season code (21 spring, 22 summer, 23 autumn, 24 winter), or ``None``."""
        return self._info[3]

    @property
    def precision(self) -> Precision:
        """The granularity the date is written at (``2011-06-XX`` is day precision)."""
        return self._info[4]

    @property
    def uncertain(self) -> bool:
        """The source is unsure of the date (``?`` or ``%``)."""
        return self._info[5]

    @property
    def approximate(self) -> bool:
        """The date is approximate (``~`` or ``%``)."""
        return self._info[6]

    @property
    def season_name(self) -> str | None:
        """``"spring"``, ``"summer"``, ``"autumn"`` or ``"winter"`` for a season."""
        season = self._info[3]
        return None if season is None else _SEASON_NAMES[season]

    # -- bounds -----------------------------------------------------------------

    @property
    def earliest(self) -> date:
        """The first day the date can be."""
        return date.fromordinal(self._lo)

    @property
    def latest(self) -> date:
        """The last day the date can be."""
        return date.fromordinal(self._hi)

    @property
    def is_exact(self) -> bool:
        """The date is a single, exactly known day with no qualifier."""
        info = self._info
        return self._lo == self._hi and not (info[5] or info[6])

    # -- three-valued comparisons ------------------------------------------------

    def compare(self, other: DateLike | DateInterval) -> Order:
        """Compare with another date or an interval, three-valued.

        Args:
            other: A ``date``, ``datetime``, ISO string, [`PartialDate`][canjapan.PartialDate] or
                [`DateInterval`][canjapan.DateInterval].

        Returns:
            ``BEFORE`` (``AFTER``) when every day this date can be is before
            (after) every day ``other`` can be; ``SAME`` when both are the same
            single day; ``UNDETERMINED`` otherwise.
        """
        lo, hi = _span(other)
        return _order(self._lo, self._hi, lo, hi)

    def certainly_before(self, other: DateLike) -> bool:
        """Every day this date can be is before every day ``other`` can be."""
        return self._hi < day_bounds(other)[0]

    def certainly_after(self, other: DateLike) -> bool:
        """Every day this date can be is after every day ``other`` can be."""
        return self._lo > day_bounds(other)[1]

    def possibly_before(self, other: DateLike) -> bool:
        """Some day this date can be is before some day ``other`` can be."""
        return self._lo < day_bounds(other)[1]

    def possibly_after(self, other: DateLike) -> bool:
        """Some day this date can be is after some day ``other`` can be."""
        return self._hi > day_bounds(other)[0]

    def contains(self, day: DateLike) -> Truth:
        """Whether this date is ``day``.

        ``YES`` when both are the same single day, ``NO`` when no day this date can
        be is a day ``day`` can be, ``MAYBE`` otherwise.
        """
        lo, hi = day_bounds(day)
        if hi < self._lo or lo > self._hi:
            return Truth.NO
        if lo == hi == self._lo == self._hi:
            return Truth.YES
        return Truth.MAYBE

    def sort_key(self) -> tuple[int, int, str]:
        """A total-order key (earliest day, latest day, text) for sorting.

        It agrees with [`compare`][canjapan.PartialDate.compare]: a date certainly before another
        has a smaller key.
        """
        return (self._lo, self._hi, self._text)

    def _undetermined(self, other: object, op: str) -> UndeterminedOrderError:
        return UndeterminedOrderError(
            f"the order of {self._text!r} and {_describe(other)} is undetermined, so "
            f"'{op}' has no answer; use PartialDate.compare() for a three-valued answer "
            "or sort_key() to sort"
        )

    def __lt__(self, other: DateLike) -> bool:
        span = _operand(other)
        if span is None:
            return NotImplemented
        if self._hi < span[0]:
            return True
        if self._lo >= span[1]:
            return False
        raise self._undetermined(other, "<")

    def __le__(self, other: DateLike) -> bool:
        span = _operand(other)
        if span is None:
            return NotImplemented
        if self._hi <= span[0]:
            return True
        if self._lo > span[1]:
            return False
        raise self._undetermined(other, "<=")

    def __gt__(self, other: DateLike) -> bool:
        span = _operand(other)
        if span is None:
            return NotImplemented
        if self._lo > span[1]:
            return True
        if self._hi <= span[0]:
            return False
        raise self._undetermined(other, ">")

    def __ge__(self, other: DateLike) -> bool:
        span = _operand(other)
        if span is None:
            return NotImplemented
        if self._lo >= span[1]:
            return True
        if self._hi < span[0]:
            return False
        raise self._undetermined(other, ">=")

    # -- value protocol -----------------------------------------------------------

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"PartialDate({self._text!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self._text == other._text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"PartialDate is immutable: cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"PartialDate is immutable: cannot delete {name!r}"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[Callable[[str], PartialDate], tuple[str]]:
        return (PartialDate.parse, (self._text,))


@lru_cache(maxsize=16384)
def parse_cached(text: str) -> PartialDate:
    """[`PartialDate.parse`][canjapan.PartialDate.parse], remembered: dates are immutable, so equal
    strings can share one instance (loading a dataset parses the same dates many times)."""
    return PartialDate.parse(text)


def _call_text(year: object, month: object, day: object, season: object) -> str:
    args = [repr(year)]
    if month is not None or day is not None:
        args.append(repr(month))
    if day is not None:
        args.append(repr(day))
    if season is not None:
        args.append(f"season={season!r}")
    return f"PartialDate({', '.join(args)})"


def _parse_into(self: PartialDate, text: str) -> None:  # noqa: PLR0915
    # The hot path: hand-written, no regular expression. Any failure goes to
    # _diagnose(), which says what is wrong.
    if type(text) is not str:
        if not isinstance(text, str):
            _fail(text, f"expected a string, got {type(text).__name__}")
        text = str.__str__(text)  # a plain str, whatever the subclass does
    flags = _QUALIFIERS.get(text[-1:])
    if flags is None:
        body = text
        uncertain = approximate = False
    else:
        body = text[:-1]
        uncertain, approximate = flags
    size = len(body)
    if size == 4:
        mtext = dtext = None
    elif size == 7 and body[4] == "-":
        mtext = body[5:]
        dtext = None
    elif size == 10 and body[4] == "-" and body[7] == "-":
        mtext = body[5:7]
        dtext = body[8:]
    else:
        _fail(text, _diagnose(text))
    ytext = body[:4]
    month = day = season = None
    if ytext.isdigit() and ytext.isascii():
        year: int | None = int(ytext)
        if not year:
            _fail(text, "year 0 is outside the supported range 0001-9999")
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        if mtext is None:
            precision = _YEAR
            lo = date(year, 1, 1).toordinal()
            hi = lo + (365 if leap else 364)
        else:
            m = _TWO.get(mtext)
            if m is not None and m <= 12:
                length = 29 if m == 2 and leap else _DAYS_IN_MONTH[m]
                lo = date(year, m, 1).toordinal()
                month = m
                if dtext is None:
                    precision = _MONTH
                    hi = lo + length - 1
                else:
                    precision = _DAY
                    d = _TWO.get(dtext)
                    if d is not None and d <= length:
                        lo += d - 1
                        hi = lo
                        day = d
                    elif dtext == "XX":
                        hi = lo + length - 1
                    elif dtext.isdigit() and dtext.isascii():
                        _fail(
                            text,
                            f"day {dtext} does not exist in {ytext}-{mtext} "
                            f"(which has {length} days)",
                        )
                    else:
                        _fail(text, _diagnose(text))
            elif m is not None and 21 <= m <= 24:
                if dtext is not None:
                    _fail(text, "a season has no day")
                season = m
                precision = _SEASON
                if m == 24:
                    if year == 9999:
                        _fail(text, "winter 9999 runs past the supported range 0001-9999")
                    lo = date(year, 12, 1).toordinal()
                    hi = date(year + 1, 3, 1).toordinal() - 1
                else:
                    first, last = _SEASONS[m]
                    lo = date(year, first, 1).toordinal()
                    hi = date(year, last + 1, 1).toordinal() - 1
            elif mtext == "XX":
                if dtext is not None and dtext != "XX":
                    _fail(text, "a day cannot be given when the month is unspecified")
                precision = _MONTH if dtext is None else _DAY
                lo = date(year, 1, 1).toordinal()
                hi = lo + (365 if leap else 364)
            elif mtext.isdigit() and mtext.isascii():
                _fail(text, f"month {mtext} is not 01-12 or a season 21-24")
            else:
                _fail(text, _diagnose(text))
    elif ytext[3] == "X" and ytext.isascii():
        known = ytext[:2] if ytext[2] == "X" else ytext[:3]
        if not known.isdigit():
            _fail(text, _diagnose(text))
        if mtext is not None:
            _fail(text, "a year with unspecified digits cannot have a month or day")
        scale = 100 if len(known) == 2 else 10
        first_year = int(known) * scale
        if not first_year:
            _fail(text, "year 0 is outside the supported range 0001-9999")
        year = None
        precision = _YEAR
        lo = date(first_year, 1, 1).toordinal()
        hi = date(first_year + scale - 1, 12, 31).toordinal()
    else:
        _fail(text, _diagnose(text))
    _set(self, "_text", text)
    _set(self, "_lo", lo)
    _set(self, "_hi", hi)
    _set(self, "_info", (year, month, day, season, precision, uncertain, approximate))


def _diagnose(text: str) -> str:
    """Why ``text`` is not a date of the subset (only called on failure)."""
    import re

    if not text:
        return "the string is empty"
    if text != text.strip():
        return "leading or trailing whitespace"
    if not text.isascii():
        return "only ASCII digits, '-', 'X' and a final ?, ~ or % are allowed"
    if "/" in text:
        return "this is an interval; use DateInterval.parse()"
    if "T" in text or ":" in text:
        return "a time of day is not part of a partial date"
    if text[0] in "+-Y":
        return "only four-digit years 0001-9999 are supported"
    if re.search(r"[?~%].", text):
        return "a qualifier (?, ~ or %) may only stand once, at the end"
    if re.fullmatch(r"\d{1,3}|\d{5,}", text.rstrip("?~%")):
        return "the year must have exactly four digits"
    if re.match(r"\d{4}-\d{2}-\d{2}.", text) or re.match(r"\d{4}-\d{2}-\d{3}", text):
        return "too many digits or parts"
    if re.fullmatch(r"\d{4}-\d|\d{4}-\d{2}-\d", text.rstrip("?~%")):
        return "months and days need two digits"
    if "x" in text:
        return "unspecified digits are written with a capital X"
    if "X" in text.split("-", maxsplit=1)[0]:
        return "unspecified digits stand only at the end of the year (201X, 20XX)"
    if re.fullmatch(r"\d{4}-[\dX]{2}(-[\dX]{2})?[?~%]?", text):
        return "unspecified digits stand for a whole month or day (2011-XX, 2011-06-XX)"
    return "expected YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21..24, with an optional ?, ~ or %"


def _describe(value: object) -> str:
    if isinstance(value, PartialDate | DateInterval):
        return repr(str(value))
    return repr(value)


def _order(alo: int, ahi: int, blo: int, bhi: int) -> Order:
    if ahi < blo:
        return Order.BEFORE
    if alo > bhi:
        return Order.AFTER
    if alo == ahi == blo == bhi:
        return Order.SAME
    return Order.UNDETERMINED


DateLike: TypeAlias = "date | datetime | str | PartialDate"
"""What every date-taking function of the library accepts."""


def day_bounds(value: DateLike) -> tuple[int, int]:
    """The first and last possible day of ``value``, as proleptic ordinals.

    Accepts a ``date``, a ``datetime`` (the calendar date it is written with; no
    time zone is converted), a [`PartialDate`][canjapan.PartialDate], or a string: an EDTF date of
    the supported subset (``2019``, ``2019-07-15``, ``2012-23``, ``2019-07?``) or
    an ISO 8601 date or date-time (``20190715``, ``2019-07-15T09:30:00+09:00``).

    Raises:
        DateParseError: for a string that is neither (a ``ValueError``).
        TypeError: for any other type, or for a missing value such as
            ``pandas.NaT``.
    """
    if isinstance(value, PartialDate):
        return value._lo, value._hi
    if isinstance(value, str):
        try:
            p = PartialDate.parse(value)
        except DateParseError as exc:
            moment = _parse_iso(value)
            if moment is None:
                if "T" in value and "/" not in value:
                    raise DateParseError(
                        value, "not a valid EDTF date nor ISO 8601 date-time"
                    ) from None
                raise exc from None
            n = moment.toordinal()
            return n, n
        return p._lo, p._hi
    if isinstance(value, date):
        n = calendar_day(value).toordinal()
        return n, n
    msg = f"expected a date, datetime, ISO string or PartialDate, got {type(value).__name__}"
    raise TypeError(msg)


def calendar_day(value: date) -> date:
    """The calendar day of a ``date`` or ``datetime`` (the date it is written with).

    Raises:
        TypeError: for a missing value posing as a ``datetime``, such as
            ``pandas.NaT``, which has no calendar day.
    """
    day = value.date() if isinstance(value, datetime) else value
    if day != day:  # noqa: PLR0124 (pandas.NaT, a missing value, is not equal to itself)
        msg = f"expected a date, got a missing value ({value!r})"
        raise TypeError(msg)
    return day


def _parse_iso(text: str) -> date | None:
    """The calendar date of an ISO 8601 date or date-time string, or ``None``."""
    stripped = text.strip()
    if not stripped or stripped != text or not text[0].isdigit():
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if "T" not in text:
        return None
    from dateutil.parser import isoparse

    try:
        return isoparse(text).date()
    except (ValueError, OverflowError):
        return None


def _operand(value: object) -> tuple[int, int] | None:
    """Bounds of an ordering operand, or ``None`` for a type the operators ignore."""
    if isinstance(value, PartialDate):
        return value._lo, value._hi
    if isinstance(value, date | str):
        return day_bounds(value)
    return None


def _span(value: DateLike | DateInterval) -> tuple[int, int]:
    """Bounds of anything ``compare`` takes; an unbounded end is infinitely far."""
    if isinstance(value, DateInterval):
        return value._lo, value._hi
    return day_bounds(value)


def date_text(value: DateLike, lo: int, hi: int) -> str:
    """How a date someone asked about is written back in answers: a partial date as
    its EDTF text, a single day as ``YYYY-MM-DD``, anything else as given.
    ``lo``/``hi`` are its ``day_bounds``."""
    if isinstance(value, PartialDate):
        return str(value)
    if lo == hi:
        return date.fromordinal(lo).isoformat()
    return str(value)


def to_date(value: DateLike) -> date:
    """The single day ``value`` names.

    Raises:
        DateParseError: ``value`` is a partial date or string spanning more than
            one day (a ``ValueError``).
    """
    lo, hi = day_bounds(value)
    if lo != hi:
        raise DateParseError(
            value if isinstance(value, str) else str(value),
            f"not a single day (it can be any day from {date.fromordinal(lo)} "
            f"to {date.fromordinal(hi)})",
        )
    return date.fromordinal(lo)


# -- intervals -------------------------------------------------------------------

End: TypeAlias = "PartialDate | Unbounded"


class DateInterval:
    """An EDTF interval: two partial dates, or an open (``..``) or unknown (empty) end.

    Both ends are inclusive:

    ```pycon
    >>> i = DateInterval.parse("2011-06-15/2011-06-18")
    >>> i.contains("2011-06-16")
    <Truth.YES: 'yes'>
    >>> DateInterval.parse("2019-07/..").contains("2019-07-15")
    <Truth.MAYBE: 'maybe'>
    ```

    Intervals have no ordering operators: use [`compare`][canjapan.DateInterval.compare].
    """

    __slots__ = ("_hi", "_lo", "end", "start")

    start: End
    """The first end: a [`PartialDate`][canjapan.PartialDate] or an
    [`Unbounded`][canjapan.Unbounded]."""
    end: End
    """The last end: a [`PartialDate`][canjapan.PartialDate] or an
    [`Unbounded`][canjapan.Unbounded]."""
    _lo: int
    _hi: int

    def __init__(self, start: End | DateLike, end: End | DateLike) -> None:
        """Join two ends.

        Args:
            start: A [`PartialDate`][canjapan.PartialDate] or an [`Unbounded`][canjapan.Unbounded];
                a ``date``, ``datetime`` or EDTF string (``".."`` open, ``""`` unknown) is
                converted to one.
            end: The same, for the end.

        Raises:
            DateParseError: an end is not one of these, both are unbounded, or
                the start is certainly after the end (a ``ValueError``).
        """
        start = _as_end(start, "start")
        end = _as_end(end, "end")
        if isinstance(start, Unbounded) and isinstance(end, Unbounded):
            raise DateParseError(
                f"{start.value}/{end.value}", "an interval needs at least one date"
            )
        if isinstance(start, PartialDate) and isinstance(end, PartialDate) and start._lo > end._hi:
            raise DateParseError(f"{start}/{end}", f"the start {start} is after the end {end}")
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "_lo", start._lo if isinstance(start, PartialDate) else _BEFORE_ALL)
        _set(self, "_hi", end._hi if isinstance(end, PartialDate) else _AFTER_ALL)

    @classmethod
    def parse(cls, text: str) -> DateInterval:
        """Parse ``start/end``: each a date of the subset, ``..`` (open) or empty (unknown).

        Raises:
            DateParseError: ``text`` is not a valid interval (a ``ValueError``),
                naming the input and what is wrong.
        """
        if not isinstance(text, str):
            raise DateParseError(text, f"expected a string, got {type(text).__name__}")
        left, sep, right = text.partition("/")
        if not sep or "/" in right:
            raise DateParseError(text, "an interval has exactly one '/'")
        try:
            start = _parse_end(left)
            end = _parse_end(right)
        except DateParseError as exc:
            raise DateParseError(text, f"{exc.reason} (in {exc.text!r})") from None
        try:
            return cls(start, end)
        except DateParseError as exc:
            raise DateParseError(text, exc.reason) from None

    @property
    def earliest(self) -> date | None:
        """The first day the interval can start, or ``None`` if the start is unbounded."""
        return self.start.earliest if isinstance(self.start, PartialDate) else None

    @property
    def latest(self) -> date | None:
        """The last day the interval can end, or ``None`` if the end is unbounded."""
        return self.end.latest if isinstance(self.end, PartialDate) else None

    def contains(self, day: DateLike) -> Truth:
        """Whether ``day`` lies inside, three-valued.

        ``YES`` when every day ``day`` can be is inside for every reading of the
        ends, ``NO`` when none is inside for any reading, ``MAYBE`` otherwise. A
        reading never puts the start after the end. An open end contains everything
        on its side; an unknown end can be any day on its side.
        """
        lo, hi = day_bounds(day)
        if hi < self._lo or lo > self._hi:
            return Truth.NO
        s, e = self.start, self.end
        if isinstance(s, PartialDate):
            s_lo, s_hi = s._lo, s._hi
        else:
            s_lo = _BEFORE_ALL
            s_hi = _BEFORE_ALL if s is Unbounded.OPEN else _AFTER_ALL
        if isinstance(e, PartialDate):
            e_lo, e_hi = e._lo, e._hi
        else:
            e_lo = _AFTER_ALL if e is Unbounded.OPEN else _BEFORE_ALL
            e_hi = _AFTER_ALL
        # The start is at most the end's latest day; the end at least the start's earliest.
        if min(s_hi, e_hi) <= lo and max(e_lo, s_lo) >= hi:
            return Truth.YES
        return Truth.MAYBE

    def compare(self, other: DateLike | DateInterval) -> Order:
        """Compare with a date or another interval, three-valued.

        ``BEFORE`` if the interval certainly ends before ``other`` can be, ``AFTER``
        if it certainly starts after, ``SAME`` if both are the same single day,
        ``UNDETERMINED`` otherwise. An unbounded end reaches infinitely far.
        """
        lo, hi = _span(other)
        return _order(self._lo, self._hi, lo, hi)

    def sort_key(self) -> tuple[int, int, str]:
        """A total-order key (first possible day, last possible day, text) for sorting."""
        return (self._lo, self._hi, str(self))

    def __str__(self) -> str:
        return f"{_end_text(self.start)}/{_end_text(self.end)}"

    def __repr__(self) -> str:
        return f"DateInterval({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DateInterval):
            return self.start == other.start and self.end == other.end
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = f"DateInterval is immutable: cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = f"DateInterval is immutable: cannot delete {name!r}"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[Callable[[str], DateInterval], tuple[str]]:
        return (DateInterval.parse, (str(self),))


def _as_end(value: object, name: str) -> End:
    if isinstance(value, PartialDate | Unbounded):
        return value
    if isinstance(value, str):
        return _parse_end(value)
    if isinstance(value, date):
        return PartialDate.from_date(value)
    raise DateParseError(
        value,
        f"an interval {name} must be a PartialDate, Unbounded, date, datetime or string, "
        f"not {type(value).__name__}",
    )


def _parse_end(text: str) -> End:
    if text == "..":
        return Unbounded.OPEN
    if not text:
        return Unbounded.UNKNOWN
    return PartialDate.parse(text)


def _end_text(end: End) -> str:
    return end.value if isinstance(end, Unbounded) else str(end)
