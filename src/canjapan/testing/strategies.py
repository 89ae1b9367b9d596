"""Hypothesis strategies for canjapan records and whole, consistent datasets.

Every strategy builds valid values directly (nothing is generated and then thrown
away), takes keyword-only arguments, and is registered with Hypothesis, so that
``st.from_type(Agreement)`` works too:

```python
from hypothesis import given
from canjapan.testing.strategies import datasets

@given(datasets(min_agreements=1))
def test_in_force_is_a_subset(ds):
    assert set(ds.agreements_in_force("2015-01-01")) <= set(ds.agreements)
```

Record strategies draw the ids they refer to from the pools they are given
(``source_ids=``, ``person_ids=``, ...): ``None`` means any slug, an empty sequence
means "refer to nothing". [`datasets`][canjapan.testing.strategies.datasets] passes the ids of its
own records, so every reference resolves to a record of the right kind.

Dates are partial, qualified and open as in real data: every precision (day,
month, season, year, unspecified digits), the ``?``, ``~`` and ``%`` qualifiers,
tenures that are ``ongoing`` or whose start or end is unknown, ``attested`` days,
events without an end. Dates that the model orders (milestones in lifecycle order,
a start and its end, the tenures of one post) are drawn around days placed in that
order, so the partial dates never contradict it.

This module needs the ``testing`` extra (``pip install 'canjapan[testing]'``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from canjapan._dataset import COLLECTIONS, Dataset
from canjapan._dates import PartialDate
from canjapan._model import (
    Agreement,
    AgreementKind,
    Citation,
    Coordinates,
    Domain,
    Event,
    EventKind,
    EventMode,
    EventStatus,
    Figure,
    Label,
    Mechanism,
    MechanismKind,
    Milestone,
    MilestoneKind,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Post,
    Source,
    SourceKind,
    Tenure,
    Topic,
    TopicKind,
)
from canjapan.testing._date_strategies import date_intervals, partial_dates

__all__ = [
    "agreements",
    "citations",
    "datasets",
    "date_intervals",
    "events",
    "figures",
    "labels",
    "mechanisms",
    "milestones",
    "organizations",
    "partial_dates",
    "people",
    "places",
    "posts",
    "sources",
    "tenures",
    "topics",
]

T = TypeVar("T")
SearchStrategy = st.SearchStrategy
DrawFn = st.DrawFn

MIN_YEAR: Final = 1000
"""The earliest year the ``min_year`` arguments accept."""
MAX_YEAR: Final = 9998
"""The latest year the ``max_year`` arguments accept (a winter of 9999 would run
past the supported range)."""
DEFAULT_MIN_YEAR: Final = 1990
DEFAULT_MAX_YEAR: Final = 2030

COMMON_COUNTRIES: Final = ("CAN", "JPN", "USA", "AUS", "GBR", "FRA", "KOR", "PHL")
COMMON_LANGUAGES: Final = ("en", "fr", "ja", "ko", "de")

# -- building blocks, made once ---------------------------------------------------------
#
# The record strategies are written as functions of Hypothesis' ``draw`` over these
# shared strategies: building strategy objects anew for every value costs more than
# drawing from them.

_LOWER: Final = "abcdefghijklmnopqrstuvwxyz"
_CHARS: Final = st.characters(codec="utf-8")
# str.strip() removes exactly the characters of these categories, and no others.
_SOLID: Final = st.characters(codec="utf-8", exclude_categories=("Zs", "Zl", "Zp", "Cc"))


def _texts(max_size: int) -> SearchStrategy[str]:
    """Free text with at least one character that is not whitespace."""
    side = st.text(_CHARS, max_size=max_size // 2)
    return st.builds(lambda head, solid, tail: head + solid + tail, side, _SOLID, side)


_TEXT: Final = _texts(12)
_SHORT_TEXT: Final = _texts(6)
_LONG_TEXT: Final = _texts(30)
_WORD: Final = st.text(_LOWER + "0123456789", min_size=1, max_size=8)
_SLUG: Final = st.lists(_WORD, min_size=1, max_size=3).map("-".join)
_COUNTRY: Final = st.one_of(
    st.sampled_from(COMMON_COUNTRIES),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
)
_SUBTAG: Final = st.text(_LOWER + _LOWER.upper() + "0123456789", min_size=2, max_size=8)
_LANGUAGE: Final = st.one_of(
    st.sampled_from(COMMON_LANGUAGES),
    st.builds(
        lambda primary, subtags: "-".join([primary, *subtags]),
        st.text(_LOWER, min_size=2, max_size=3),
        st.lists(_SUBTAG, max_size=2),
    ),
)
_BOOL: Final = st.booleans()
_INDEX: Final = st.integers(0, 2**16 - 1)
_FRACTION: Final = st.integers(0, 2**32 - 1)
_ENDING: Final = st.integers(0, 1)
_LAST_ENDING: Final = st.integers(0, 2)
_FILE_NAME: Final = _SLUG.map("{}.txt".format)
_SOURCE_KIND: Final = st.sampled_from(SourceKind)
_PLACE_KIND: Final = st.sampled_from(PlaceKind)
_ORGANIZATION_KIND: Final = st.sampled_from(OrganizationKind)
_AGREEMENT_KIND: Final = st.sampled_from(AgreementKind)
_MECHANISM_KIND: Final = st.sampled_from(MechanismKind)
_EVENT_KIND: Final = st.sampled_from(EventKind)
_EVENT_STATUS: Final = st.sampled_from(EventStatus)
_EVENT_MODE: Final = st.sampled_from(EventMode)
_DOMAIN: Final = st.sampled_from(Domain)
_TOPIC_KIND: Final = st.sampled_from(TopicKind)
_SMALL: Final = st.integers(0, 3)
_FORM: Final = st.integers(0, 99)
_QUALIFIER: Final = st.sampled_from(("", "", "", "", "", "", "", "?", "~", "%"))
_LABEL: Final = st.builds(Label, text=_TEXT, language=_LANGUAGE)
_COORDINATES: Final = st.builds(
    Coordinates, latitude=st.floats(-90.0, 90.0), longitude=st.floats(-180.0, 180.0)
)
_URL: Final = st.builds(lambda host, path: f"https://{host}.example/{path}", _SLUG, _SLUG)
_PERIOD: Final = st.builds(
    lambda units, numbers: (
        "P" + "".join(f"{n}{u}" for u, n in zip("YMWD", numbers, strict=True) if u in units)
    ),
    st.lists(st.sampled_from("YMWD"), min_size=1, max_size=4, unique=True),
    st.lists(st.integers(0, 99), min_size=4, max_size=4),
)
_NUMBER: Final = st.one_of(
    st.integers(-(2**53), 2**53), st.floats(allow_nan=False, allow_infinity=False)
)
_SEQUENCE: Final = st.integers(1, 200)
_VERSION: Final = st.sampled_from(("1.0.0", "0.1.0", "2.3.1", "2026.1"))


def _maybe(draw: DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """A value of ``strategy`` or ``None`` (shrinking to ``None``)."""
    return draw(strategy) if draw(_BOOL) else None


def _few(draw: DrawFn, strategy: SearchStrategy[T], most: int = 2) -> list[T]:
    return [draw(strategy) for _ in range(min(draw(_SMALL), most))]


def _between(draw: DrawFn, lo: int, hi: int) -> int:
    """A day ordinal in ``lo..hi``, shrinking towards ``lo``."""
    return lo + draw(_FRACTION) * (hi - lo + 1) // 2**32 if hi > lo else lo


def _ordered_days(draw: DrawFn, lo: int, hi: int, count: int) -> list[int]:
    """``count`` day ordinals in ``lo..hi``, in order."""
    return sorted(_between(draw, lo, hi) for _ in range(count))


def _pick(draw: DrawFn, pool: Sequence[str] | None) -> str | None:
    """An id of the pool (any slug when the pool is ``None``), or none."""
    if pool is None:
        return _maybe(draw, _SLUG)
    if not pool or not draw(_BOOL):
        return None
    return pool[draw(_INDEX) % len(pool)]


def _some(draw: DrawFn, pool: Sequence[str] | None, most: int = 3) -> list[str]:
    """Some ids of the pool (any slugs when the pool is ``None``)."""
    if pool is None:
        return _few(draw, _SLUG, most)
    if not pool:
        return []
    return [pool[draw(_INDEX) % len(pool)] for _ in range(min(draw(_SMALL), most))]


def _season_of(day: date) -> tuple[int, int]:
    """The year and EDTF season code of the season holding ``day``."""
    if day.month == 12:
        return day.year, 24
    if day.month <= 2:
        return day.year - 1, 24
    return day.year, 21 + (day.month - 3) // 3


def _date_around(draw: DrawFn, day: int) -> PartialDate:
    """A partial date of any form whose span of days holds ``day`` (an ordinal).

    Shrinks towards the exact day.
    """
    d = date.fromordinal(day)
    form = draw(_FORM)
    year = f"{d.year:04d}"
    if form < 45:
        text = d.isoformat()
    elif form < 60:
        text = f"{year}-{d.month:02d}"
    elif form < 70:
        text = year
    elif form < 80:
        season_year, season = _season_of(d)
        text = f"{season_year:04d}-{season}"
    elif form < 85:
        text = f"{year}-{d.month:02d}-XX"
    elif form < 90:
        text = f"{year}-XX"
    elif form < 93:
        text = f"{year}-XX-XX"
    elif form < 97:
        text = year[:3] + "X"
    else:
        text = year[:2] + "XX"
    return PartialDate.parse(text + draw(_QUALIFIER))


def _window(min_year: int, max_year: int) -> tuple[int, int]:
    if not MIN_YEAR <= min_year <= max_year <= MAX_YEAR:
        msg = (
            f"need {MIN_YEAR} <= min_year <= max_year <= {MAX_YEAR}, "
            f"got min_year={min_year!r}, max_year={max_year!r}"
        )
        raise InvalidArgument(msg)
    return date(min_year, 1, 1).toordinal(), date(max_year, 12, 31).toordinal()


def _pools(**pools: Sequence[str] | None) -> None:
    for name, pool in pools.items():
        if isinstance(pool, str) or not (pool is None or isinstance(pool, Sequence)):
            msg = f"{name} must be a sequence of ids or None, got {pool!r}"
            raise InvalidArgument(msg)


def _id_strategy(ids: SearchStrategy[str] | None) -> SearchStrategy[str]:
    return _SLUG if ids is None else ids


# -- parts of records --------------------------------------------------------------------


def _citation(draw: DrawFn, source_ids: Sequence[str] | None) -> Citation:
    source = draw(_SLUG) if source_ids is None else source_ids[draw(_INDEX) % len(source_ids)]
    return Citation(source=source, quote=draw(_LONG_TEXT), locator=_maybe(draw, _TEXT))


def _citations(draw: DrawFn, source_ids: Sequence[str] | None) -> tuple[Citation, ...]:
    return tuple(_citation(draw, source_ids) for _ in range(1 + draw(_BOOL)))


def _need(name: str, pool: Sequence[str] | None, what: str) -> None:
    if pool is not None and not pool:
        msg = f"{what}: {name} must not be empty"
        raise InvalidArgument(msg)


def citations(*, source_ids: Sequence[str] | None = None) -> SearchStrategy[Citation]:
    """Citations of a source, with a quote and sometimes a locator.

    Args:
        source_ids: The source ids to cite (any slug if ``None``); not empty.
    """
    _pools(source_ids=source_ids)
    _need("source_ids", source_ids, "a citation needs a source")
    return st.composite(lambda draw: _citation(draw, source_ids))()


def labels() -> SearchStrategy[Label]:
    """Names in other languages, with BCP 47 language tags."""
    return _LABEL


# -- records -------------------------------------------------------------------------------


def _source(draw: DrawFn, rid: str) -> Source:
    return Source(
        id=rid,
        title=draw(_TEXT),
        publisher=_maybe(draw, _TEXT),
        url=_maybe(draw, _URL),
        published=_maybe(draw, _PUBLISHED),
        language=draw(_LANGUAGE),
        kind=_maybe(draw, _SOURCE_KIND),
        archived_as=_maybe(draw, _FILE_NAME),
        note=_maybe(draw, _TEXT),
    )


_PUBLISHED: Final = partial_dates()


def sources(*, ids: SearchStrategy[str] | None = None) -> SearchStrategy[Source]:
    """Sources, with or without a publisher, an address, a date and a kind.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
    """
    id_strategy = _id_strategy(ids)
    return st.composite(lambda draw: _source(draw, draw(id_strategy)))()


def _place(draw: DrawFn, rid: str, source_ids: Sequence[str] | None) -> Place:
    return Place(
        id=rid,
        name=draw(_TEXT),
        kind=draw(_PLACE_KIND),
        country=_maybe(draw, _COUNTRY),
        coordinates=_maybe(draw, _COORDINATES),
        labels=_few(draw, _LABEL),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def places(
    *, ids: SearchStrategy[str] | None = None, source_ids: Sequence[str] | None = None
) -> SearchStrategy[Place]:
    """Places, some in international waters (no country), some without coordinates.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
    """
    _pools(source_ids=source_ids)
    _need("source_ids", source_ids, "a place cites a source")
    id_strategy = _id_strategy(ids)
    return st.composite(lambda draw: _place(draw, draw(id_strategy), source_ids))()


def _organization(
    draw: DrawFn,
    rid: str,
    parent_ids: Sequence[str] | None,
    source_ids: Sequence[str] | None,
) -> Organization:
    parent = _pick(draw, parent_ids)
    return Organization(
        id=rid,
        name=draw(_TEXT),
        abbreviation=_maybe(draw, _SHORT_TEXT),
        kind=draw(_ORGANIZATION_KIND),
        country=_maybe(draw, _COUNTRY),
        parent=None if parent == rid else parent,
        aliases=_few(draw, _TEXT),
        labels=_few(draw, _LABEL),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def organizations(
    *,
    ids: SearchStrategy[str] | None = None,
    parent_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> SearchStrategy[Organization]:
    """Organizations, some belonging to a parent organization (never themselves).

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        parent_ids: The organization ids a parent is drawn from (any slug if
            ``None``, no parent if empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
    """
    _pools(parent_ids=parent_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "an organization cites a source")
    id_strategy = _id_strategy(ids)
    return st.composite(
        lambda draw: _organization(draw, draw(id_strategy), parent_ids, source_ids)
    )()


def _post(
    draw: DrawFn,
    rid: str,
    lo: int,
    hi: int,
    organization_ids: Sequence[str] | None,
    source_ids: Sequence[str] | None,
) -> Post:
    first, last = _ordered_days(draw, lo, hi, 2)
    complete_from = _date_around(draw, first) if draw(_BOOL) else None
    return Post(
        id=rid,
        title=draw(_TEXT),
        organization=_pick(draw, organization_ids),
        country=draw(_COUNTRY),
        single_holder=draw(_BOOL),
        complete_from=complete_from,
        complete_to=_date_around(draw, last) if complete_from and draw(_BOOL) else None,
        labels=_few(draw, _LABEL),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def posts(
    *,
    ids: SearchStrategy[str] | None = None,
    organization_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Post]:
    """Offices, some in an organization, some held by one person at a time, some
    with the period over which their succession is complete.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        organization_ids: The organization ids a post belongs to (any slug if
            ``None``, none if empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the covered periods' dates.
        max_year: The last year of the covered periods' dates.
    """
    _pools(organization_ids=organization_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a post cites a source")
    lo, hi = _window(min_year, max_year)
    id_strategy = _id_strategy(ids)
    return st.composite(
        lambda draw: _post(draw, draw(id_strategy), lo, hi, organization_ids, source_ids)
    )()


def _tenure(
    draw: DrawFn,
    post: str,
    start: int,
    end: int,
    *,
    last: bool,
    source_ids: Sequence[str] | None,
) -> Tenure:
    """A tenure in ``post`` from about day ``start`` to about day ``end``.

    A known start or end is a partial date holding that day; ``attested`` days lie
    in ``start..end - 1``; only the ``last`` tenure of a post may be ongoing.
    """
    start_date = _date_around(draw, start) if draw(_BOOL) else None
    ending = draw(_LAST_ENDING if last else _ENDING)  # 0 known, 1 unknown, 2 ongoing
    attested = sorted(
        {_between(draw, start, end - 1) for _ in range(min(draw(_SMALL), 2))}
        if end > start
        else set()
    )
    return Tenure(
        post=post,
        start=start_date,
        end=_date_around(draw, end) if ending == 0 else None,
        ongoing=ending == 2,
        attested=[PartialDate.from_date(date.fromordinal(d)) for d in attested],
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def _tenure_runs(
    draw: DrawFn,
    posts_held: Sequence[str],
    lo: int,
    hi: int,
    source_ids: Sequence[str] | None,
) -> list[Tenure]:
    """One tenure per entry of ``posts_held``; those of one post follow one another."""
    out: list[Tenure] = []
    for post in dict.fromkeys(posts_held):
        count = posts_held.count(post)
        days = _ordered_days(draw, lo, hi, 2 * count)
        for j in range(count):
            out.append(
                _tenure(
                    draw,
                    post,
                    days[2 * j],
                    days[2 * j + 1],
                    last=j == count - 1,
                    source_ids=source_ids,
                )
            )
    return out


def tenures(
    *,
    post_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Tenure]:
    """Tenures with a known, partial or unknown start and end, some ``ongoing``, some
    with ``attested`` days.

    Args:
        post_ids: The post ids held (any slug if ``None``); not empty.
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    _pools(post_ids=post_ids, source_ids=source_ids)
    _need("post_ids", post_ids, "a tenure needs a post")
    _need("source_ids", source_ids, "a tenure cites a source")
    lo, hi = _window(min_year, max_year)

    def build(draw: DrawFn) -> Tenure:
        post = draw(_SLUG) if post_ids is None else post_ids[draw(_INDEX) % len(post_ids)]
        start, end = _ordered_days(draw, lo, hi, 2)
        return _tenure(draw, post, start, end, last=True, source_ids=source_ids)

    return st.composite(build)()


def _person(
    draw: DrawFn, rid: str, held: Sequence[Tenure], source_ids: Sequence[str] | None
) -> Person:
    return Person(
        id=rid,
        name=draw(_TEXT),
        aliases=_few(draw, _TEXT),
        labels=_few(draw, _LABEL),
        tenures=held,
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def people(
    *,
    ids: SearchStrategy[str] | None = None,
    post_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    max_tenures: int = 3,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Person]:
    """People with tenures; the tenures of one post follow one another in time.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        post_ids: The post ids tenures are in (any slug if ``None``, no tenures if
            empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        max_tenures: The most tenures a person has.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    _pools(post_ids=post_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a person cites a source")
    if max_tenures < 0:
        msg = f"max_tenures must be at least 0, got {max_tenures}"
        raise InvalidArgument(msg)
    lo, hi = _window(min_year, max_year)
    counts = st.integers(0, max_tenures)
    id_strategy = _id_strategy(ids)

    def build(draw: DrawFn) -> Person:
        rid = draw(id_strategy)
        held: list[str] = []
        if post_ids is None or post_ids:
            pool = post_ids if post_ids is not None else [draw(_SLUG), draw(_SLUG)]
            held = [pool[draw(_INDEX) % len(pool)] for _ in range(draw(counts))]
        return _person(draw, rid, _tenure_runs(draw, held, lo, hi, source_ids), source_ids)

    return st.composite(build)()


def _milestone(
    draw: DrawFn,
    kind: MilestoneKind,
    day: int,
    parties: Sequence[str],
    place_ids: Sequence[str] | None,
    person_ids: Sequence[str] | None,
    source_ids: Sequence[str] | None,
) -> Milestone:
    party = None
    if kind is MilestoneKind.APPROVED and parties and draw(_BOOL):
        party = parties[draw(_INDEX) % len(parties)]
    return Milestone(
        kind=kind,
        date=_date_around(draw, day),
        party=party,
        place=_pick(draw, place_ids),
        people=_some(draw, person_ids, 2),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


_MILESTONE_KIND: Final = st.sampled_from(MilestoneKind)


def milestones(
    *,
    place_ids: Sequence[str] | None = None,
    person_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Milestone]:
    """Dated lifecycle steps of an agreement, of every kind.

    Args:
        place_ids: The place ids a milestone happens at (any slug if ``None``, none
            if empty).
        person_ids: The person ids it names (any slug if ``None``, none if empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    _pools(place_ids=place_ids, person_ids=person_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a milestone cites a source")
    lo, hi = _window(min_year, max_year)

    def build(draw: DrawFn) -> Milestone:
        kind = draw(_MILESTONE_KIND)
        parties = _few(draw, _COUNTRY)
        day = _between(draw, lo, hi)
        return _milestone(draw, kind, day, parties, place_ids, person_ids, source_ids)

    return st.composite(build)()


def _agreement(
    draw: DrawFn,
    rid: str,
    lo: int,
    hi: int,
    max_milestones: int,
    place_ids: Sequence[str] | None,
    person_ids: Sequence[str] | None,
    source_ids: Sequence[str] | None,
) -> Agreement:
    parties = [draw(_COUNTRY) for _ in range(1 + min(draw(_SMALL), 2))]
    kinds = sorted(
        (draw(_MILESTONE_KIND) for _ in range(draw(st.integers(0, max_milestones)))),
        key=lambda k: k.rank,
    )
    days = _ordered_days(draw, lo, hi, len(kinds))  # in lifecycle order
    steps = [
        _milestone(draw, kind, day, parties, place_ids, person_ids, source_ids)
        for kind, day in zip(kinds, days, strict=True)
    ]
    return Agreement(
        id=rid,
        title=draw(_TEXT),
        short_names=_few(draw, _TEXT),
        abbreviations=_few(draw, _SHORT_TEXT),
        kind=draw(_AGREEMENT_KIND),
        parties=parties,
        signatories=_some(draw, person_ids),
        milestones=steps,
        labels=_few(draw, _LABEL),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def agreements(
    *,
    ids: SearchStrategy[str] | None = None,
    max_milestones: int = 5,
    place_ids: Sequence[str] | None = None,
    person_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Agreement]:
    """Agreements whose milestones are in lifecycle order, at partial dates.

    Some are signed and never in force, some in force with no termination, some
    only attested ``in_effect``; some record no milestone at all.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        max_milestones: The most milestones an agreement has.
        place_ids: The place ids milestones happen at (any slug if ``None``, none if
            empty).
        person_ids: The person ids of signatories and of people named in milestones
            (any slug if ``None``, none if empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    _pools(place_ids=place_ids, person_ids=person_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "an agreement cites a source")
    lo, hi = _window(min_year, max_year)
    if max_milestones < 0:
        msg = f"max_milestones must be at least 0, got {max_milestones}"
        raise InvalidArgument(msg)
    id_strategy = _id_strategy(ids)
    return st.composite(
        lambda draw: _agreement(
            draw, draw(id_strategy), lo, hi, max_milestones, place_ids, person_ids, source_ids
        )
    )()


def _mechanism(
    draw: DrawFn,
    rid: str,
    lo: int,
    hi: int,
    agreement_ids: Sequence[str] | None,
    source_ids: Sequence[str] | None,
) -> Mechanism:
    first, last = _ordered_days(draw, lo, hi, 2)
    return Mechanism(
        id=rid,
        name=draw(_TEXT),
        kind=draw(_MECHANISM_KIND),
        level=_maybe(draw, _TEXT),
        countries=_few(draw, _COUNTRY, 3),
        established_by=_pick(draw, agreement_ids),
        start=_date_around(draw, first) if draw(_BOOL) else None,
        end=_date_around(draw, last) if draw(_BOOL) else None,
        abbreviations=_few(draw, _SHORT_TEXT),
        aliases=_few(draw, _TEXT),
        labels=_few(draw, _LABEL),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def mechanisms(
    *,
    ids: SearchStrategy[str] | None = None,
    agreement_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Mechanism]:
    """Standing channels, with an optional start, end and founding agreement.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        agreement_ids: The agreement ids a mechanism is established by (any slug if
            ``None``, none if empty).
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    _pools(agreement_ids=agreement_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a mechanism cites a source")
    lo, hi = _window(min_year, max_year)
    id_strategy = _id_strategy(ids)
    return st.composite(
        lambda draw: _mechanism(draw, draw(id_strategy), lo, hi, agreement_ids, source_ids)
    )()


def _others(pool: Sequence[str] | None, rid: str) -> Sequence[str] | None:
    return None if pool is None else [x for x in pool if x != rid]


def _event(
    draw: DrawFn,
    rid: str,
    lo: int,
    hi: int,
    held_hi: int,
    pools: dict[str, Sequence[str] | None],
) -> Event:
    status = draw(_EVENT_STATUS)
    first, last = _ordered_days(draw, lo, held_hi if status is EventStatus.HELD else hi, 2)
    part_of = _pick(draw, _others(pools["part_of_ids"], rid))
    return Event(
        id=rid,
        title=draw(_TEXT),
        kind=draw(_EVENT_KIND),
        start=_date_around(draw, first),
        end=_date_around(draw, last) if draw(_BOOL) else None,
        status=status,
        mode=_maybe(draw, _EVENT_MODE),
        place=_pick(draw, pools["place_ids"]),
        participants=_some(draw, pools["participant_ids"]),
        countries=_few(draw, _COUNTRY, 3),
        mechanism=_pick(draw, pools["mechanism_ids"]),
        sequence=_maybe(draw, _SEQUENCE),
        part_of=None if part_of == rid else part_of,
        domains=_few(draw, _DOMAIN, 3),
        related=_some(draw, _others(pools["related_ids"], rid), 2),
        aliases=_few(draw, _TEXT),
        labels=_few(draw, _LABEL),
        citations=_citations(draw, pools["source_ids"]),
        note=_maybe(draw, _TEXT),
    )


def events(
    *,
    ids: SearchStrategy[str] | None = None,
    place_ids: Sequence[str] | None = None,
    participant_ids: Sequence[str] | None = None,
    mechanism_ids: Sequence[str] | None = None,
    related_ids: Sequence[str] | None = None,
    part_of_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Event]:
    """Events on one partial date or over a span; held, planned, postponed or
    cancelled.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        place_ids: The place ids an event happens at (any slug if ``None``, none if
            empty).
        participant_ids: The person and organization ids taking part (any slug if
            ``None``, none if empty).
        mechanism_ids: The mechanism ids an event belongs to (any slug if ``None``,
            none if empty).
        related_ids: The ids of related records (any slug if ``None``, none if
            empty); an event is never related to itself.
        part_of_ids: The ids of the events an event is part of (any slug if
            ``None``, none if empty); never the event itself.
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
        min_year: The first year of the dates.
        max_year: The last year of the dates.
    """
    pools: dict[str, Sequence[str] | None] = {
        "place_ids": place_ids,
        "participant_ids": participant_ids,
        "mechanism_ids": mechanism_ids,
        "related_ids": related_ids,
        "part_of_ids": part_of_ids,
        "source_ids": source_ids,
    }
    _pools(**pools)
    _need("source_ids", source_ids, "an event cites a source")
    lo, hi = _window(min_year, max_year)
    id_strategy = _id_strategy(ids)
    return st.composite(lambda draw: _event(draw, draw(id_strategy), lo, hi, hi, pools))()


def _figure(
    draw: DrawFn, rid: str, related_ids: Sequence[str] | None, source_ids: Sequence[str] | None
) -> Figure:
    return Figure(
        id=rid,
        description=draw(_TEXT),
        value=draw(_NUMBER),
        unit=draw(_TEXT),
        period=_maybe(draw, _PERIOD),
        date=_maybe(draw, _PUBLISHED),
        approximate=draw(_BOOL),
        related=_some(draw, _others(related_ids, rid), 2),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def figures(
    *,
    ids: SearchStrategy[str] | None = None,
    related_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> SearchStrategy[Figure]:
    """Sourced numbers, integral or not, some approximate or over a period.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        related_ids: The ids of related records (any slug if ``None``, none if
            empty); a figure is never related to itself.
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
    """
    _pools(related_ids=related_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a figure cites a source")
    id_strategy = _id_strategy(ids)
    return st.composite(lambda draw: _figure(draw, draw(id_strategy), related_ids, source_ids))()


def _topic(
    draw: DrawFn, rid: str, related_ids: Sequence[str] | None, source_ids: Sequence[str] | None
) -> Topic:
    return Topic(
        id=rid,
        name=draw(_TEXT),
        kind=draw(_TOPIC_KIND),
        countries=_few(draw, _COUNTRY, 3),
        related=_some(draw, _others(related_ids, rid), 2),
        citations=_citations(draw, source_ids),
        note=_maybe(draw, _TEXT),
    )


def topics(
    *,
    ids: SearchStrategy[str] | None = None,
    related_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> SearchStrategy[Topic]:
    """Shared values, security concerns and priorities.

    Args:
        ids: The strategy of the record's id (any slug if ``None``).
        related_ids: The ids of related records (any slug if ``None``, none if
            empty); a topic is never related to itself.
        source_ids: The source ids citations cite (any slug if ``None``); not empty.
    """
    _pools(related_ids=related_ids, source_ids=source_ids)
    _need("source_ids", source_ids, "a topic cites a source")
    id_strategy = _id_strategy(ids)
    return st.composite(lambda draw: _topic(draw, draw(id_strategy), related_ids, source_ids))()


# -- whole datasets ------------------------------------------------------------------------

_OTHERS: Final = ("sources", "places", "organizations", "mechanisms", "figures", "topics")


def _bounds(name: str, low: int, high: int) -> tuple[int, int]:
    if not 0 <= low <= high:
        msg = f"need 0 <= min_{name} <= max_{name}, got {low} and {high}"
        raise InvalidArgument(msg)
    return low, high


def datasets(
    *,
    min_agreements: int = 0,
    max_agreements: int = 10,
    min_events: int = 0,
    max_events: int = 10,
    min_people: int = 0,
    max_people: int = 6,
    min_posts: int = 0,
    max_posts: int = 4,
    max_tenures_per_post: int = 4,
    max_records: int = 3,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> SearchStrategy[Dataset]:
    """Whole datasets that pass every check of [`canjapan.Dataset`][canjapan.Dataset].

    Ids are unique across collections; every reference (cited sources, parents,
    posts, signatories, places, participants, mechanisms, related records)
    resolves to a record of the right kind; milestones are in lifecycle order; no
    start is certainly after its end; the tenures of one post follow one another,
    so they never certainly overlap, and only the last may be ``ongoing``.

    Dates come at every precision and qualification. Milestones, tenures, mechanism
    spans and held events fall between the start of ``min_year`` and the dataset's
    ``as_of`` (planned, postponed and cancelled events up to the end of
    ``max_year``); a partial date may reach a little past the day it was drawn
    around. Tenures can have an unknown start or end, be ``ongoing``, and have
    ``attested`` days inside their span; events can have no end.

    Args:
        min_agreements: The fewest agreements.
        max_agreements: The most agreements.
        min_events: The fewest events.
        max_events: The most events.
        min_people: The fewest people.
        max_people: The most people.
        min_posts: The fewest posts.
        max_posts: The most posts.
        max_tenures_per_post: The most tenures of one post, across people (tenures
            need both posts and people).
        max_records: The most records of each other collection (sources, places,
            organizations, mechanisms, figures, topics). There is always a source
            when another record needs citing.
        min_year: The first year of the dates (at least 1000).
        max_year: The last year of the dates and of ``as_of`` (at most 9998).

    Raises:
        hypothesis.errors.InvalidArgument: a minimum is above its maximum, or a
            bound is out of range.
    """
    sizes = {
        "agreements": _bounds("agreements", min_agreements, max_agreements),
        "events": _bounds("events", min_events, max_events),
        "people": _bounds("people", min_people, max_people),
        "posts": _bounds("posts", min_posts, max_posts),
    }
    for other in _OTHERS:
        sizes[other] = _bounds("records", 0, max_records)
    if max_tenures_per_post < 0:
        msg = f"max_tenures_per_post must be at least 0, got {max_tenures_per_post}"
        raise InvalidArgument(msg)
    lo, hi = _window(min_year, max_year)
    count_strategies = {c: st.integers(*sizes[c]) for c in COLLECTIONS}
    tenure_counts = st.integers(0, max_tenures_per_post)

    def build(draw: DrawFn) -> Dataset:
        counts = {c: draw(count_strategies[c]) for c in COLLECTIONS}
        return _dataset(draw, counts, lo, hi, tenure_counts)

    return st.composite(build)()


def _dataset(
    draw: DrawFn,
    counts: dict[str, int],
    lo: int,
    hi: int,
    tenure_counts: SearchStrategy[int],
) -> Dataset:
    if any(counts[c] for c in COLLECTIONS if c != "sources"):
        counts["sources"] = max(counts["sources"], 1)
    total = sum(counts.values())
    all_ids = draw(st.lists(_SLUG, min_size=total, max_size=total, unique=True))
    ids: dict[str, list[str]] = {}
    at = 0
    for c in COLLECTIONS:
        ids[c] = all_ids[at : at + counts[c]]
        at += counts[c]
    as_of = _between(draw, lo, hi)
    src, orgs, person_ids = ids["sources"], ids["organizations"], ids["people"]

    # Each post's tenures follow one another in time and are shared out among people.
    held: dict[str, list[Tenure]] = {rid: [] for rid in person_ids}
    if person_ids:
        for post in ids["posts"]:
            run = _tenure_runs(draw, [post] * draw(tenure_counts), lo, as_of, src)
            for tenure in run:
                held[person_ids[draw(_INDEX) % len(person_ids)]].append(tenure)

    built: dict[str, list[Any]] = {
        "sources": [_source(draw, rid) for rid in src],
        "places": [_place(draw, rid, src) for rid in ids["places"]],
        # Parents come first in the list: no cycles.
        "organizations": [_organization(draw, rid, orgs[:k], src) for k, rid in enumerate(orgs)],
        "posts": [_post(draw, rid, lo, as_of, orgs, src) for rid in ids["posts"]],
        "people": [_person(draw, rid, held[rid], src) for rid in person_ids],
        "agreements": [
            _agreement(draw, rid, lo, as_of, 5, ids["places"], person_ids, src)
            for rid in ids["agreements"]
        ],
        "mechanisms": [
            _mechanism(draw, rid, lo, as_of, ids["agreements"], src) for rid in ids["mechanisms"]
        ],
    }
    event_pools: dict[str, Sequence[str] | None] = {
        "place_ids": ids["places"],
        "participant_ids": person_ids + orgs,
        "mechanism_ids": ids["mechanisms"],
        "related_ids": all_ids,
        "source_ids": src,
    }
    # An event is part of an earlier one in the list only: no cycles.
    built["events"] = [
        _event(draw, rid, lo, hi, as_of, {**event_pools, "part_of_ids": ids["events"][:k]})
        for k, rid in enumerate(ids["events"])
    ]
    built["figures"] = [_figure(draw, rid, all_ids, src) for rid in ids["figures"]]
    built["topics"] = [_topic(draw, rid, all_ids, src) for rid in ids["topics"]]
    return Dataset(
        name=draw(_TEXT),
        version=draw(_VERSION),
        as_of=date.fromordinal(as_of),
        description=_maybe(draw, _LONG_TEXT),
        **built,
    )
