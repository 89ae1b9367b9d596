"""The answers of the dataset's queries other than [`InForce`][canjapan.InForce].

They are made on first use (``import canjapan`` does not create them), to keep
starting a process that only asks what is in force quick.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Self

from attrs import frozen

from canjapan._records import ResultTuple

if TYPE_CHECKING:
    from canjapan._dataset import InForce
    from canjapan._dates import PartialDate
    from canjapan._model import (
        Agreement,
        Citation,
        Event,
        Mechanism,
        Milestone,
        Person,
        Post,
        Record,
        Tenure,
    )
    from canjapan._status import OfficeState

__all__ = [
    "Holder",
    "OfficeHolders",
    "SearchHit",
    "SearchResults",
    "Snapshot",
    "Timeline",
    "TimelineEntry",
]


@frozen(kw_only=True)
class Holder:
    """A person holding a post, with the tenure that says so."""

    person: Person
    tenure: Tenure


@frozen(kw_only=True)
class OfficeHolders:
    """The answer of [`Dataset.office_holders`][canjapan.Dataset.office_holders].

    Attributes:
        post: The post asked about.
        on: The date asked about, as written.
        as_of: The dataset's ``as_of``.
        state: What the dataset says of the post on the date: held, possibly
            held, vacant, or nobody known (outside the period the dataset covers
            completely, or for a post it does not cover completely).
        certain: Holders certainly in office on the date.
        possible: Holders whose tenure may cover the date (when asked for).
    """

    post: Post
    on: str
    as_of: date
    state: OfficeState
    certain: tuple[Holder, ...]
    possible: tuple[Holder, ...] = ()

    @property
    def people(self) -> tuple[Person, ...]:
        """The certain holders' people, then the possible ones'."""
        return tuple(h.person for h in self.certain + self.possible)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.certain) + len(self.possible)

    def __repr__(self) -> str:
        names = ", ".join(h.person.id for h in self.certain)
        if self.possible:
            names += (
                (", " if names else "")
                + "possibly "
                + ", ".join(h.person.id for h in self.possible)
            )
        return f"<OfficeHolders {self.post.id} on {self.on}: {self.state.value}" + (
            f" ({names})>" if names else ">"
        )

    def __str__(self) -> str:
        from canjapan._tables import holders_grid, holders_heading, nobody, render

        grid = holders_grid(self)
        table = render(grid) if grid.rows else f"({nobody(self)})\n"
        return holders_heading(self) + table

    def _repr_html_(self) -> str:
        from canjapan._display import office_holders_html

        return office_holders_html(self)

    def to_pandas(self) -> Any:
        """The holders as a typed DataFrame (needs the ``pandas`` extra): one row per
        holder, certain ones first, with the post, the person, ``status`` (``held``
        or ``possibly held``) and the tenure's ``start`` and ``end`` as EDTF text
        with their ``_earliest`` and ``_latest`` days.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from canjapan._frames import holders_frame

        return holders_frame(self)


@frozen(kw_only=True)
class TimelineEntry:
    """One dated entry of a timeline: an agreement milestone or an event.

    Attributes:
        date: When, at its true precision (an event's start).
        end: An event's last day, if it spans several.
        kind: The milestone kind or event kind.
        title: A one-line description.
        record: The agreement or event.
        milestone: The milestone, for agreement entries.
    """

    date: PartialDate
    end: PartialDate | None
    kind: str
    title: str
    record: Agreement | Event
    milestone: Milestone | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations for this entry."""
        return self.milestone.citations if self.milestone else self.record.citations


class Timeline(ResultTuple[TimelineEntry]):
    """The answer of [`Dataset.timeline`][canjapan.Dataset.timeline]: a tuple of
    [`TimelineEntry`][canjapan.TimelineEntry], in date order, that displays itself (a table for
    ``str()``, HTML in a notebook) and converts with [`to_pandas`][canjapan.Timeline.to_pandas]."""

    __slots__ = ()

    def __repr__(self) -> str:
        n = len(self)
        span = f", {self[0].date} to {self[-1].date}" if n else ""
        return f"<Timeline: {n} entr{'y' if n == 1 else 'ies'}{span}>"

    def __str__(self) -> str:
        from canjapan._tables import render, timeline_grid

        return render(timeline_grid(self))

    def _repr_html_(self) -> str:
        from canjapan._display import MAX_ROWS, timeline_html

        return timeline_html(self, limit=MAX_ROWS)

    def to_pandas(self) -> Any:
        """The entries as a typed DataFrame (needs the ``pandas`` extra): one row per
        entry with ``date`` and ``end`` as EDTF text and their ``_earliest`` and
        ``_latest`` days, ``kind`` (a category of every milestone and event kind),
        ``collection`` and ``id`` of the record, and ``title``.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from canjapan._frames import timeline_frame

        return timeline_frame(self)


@frozen(kw_only=True)
class SearchHit:
    """A search result: the record, its score (higher is better) and what matched."""

    record: Record
    score: float
    matched: str


class SearchResults(ResultTuple[SearchHit]):
    """The answer of [`Dataset.search`][canjapan.Dataset.search]: a tuple of
    [`SearchHit`][canjapan.SearchHit], best first, that displays itself and converts with
    [`to_pandas`][canjapan.SearchResults.to_pandas].

    Attributes:
        query: The text searched for.
    """

    query: str

    def __new__(cls, hits: Iterable[SearchHit] = (), query: str = "") -> Self:
        self = super().__new__(cls, hits)
        object.__setattr__(self, "query", query)
        return self

    def _args(self) -> tuple[Any, ...]:
        return (self.query,)

    def __repr__(self) -> str:
        n = len(self)
        return f"<SearchResults for {self.query!r}: {n} hit{'' if n == 1 else 's'}>"

    def __str__(self) -> str:
        from canjapan._tables import render, search_grid

        return render(search_grid(self))

    def _repr_html_(self) -> str:
        from canjapan._display import search_html

        return search_html(self)

    def to_pandas(self) -> Any:
        """The hits as a typed DataFrame (needs the ``pandas`` extra): one row per hit
        with the record's ``id``, ``collection`` and ``name``, the field that
        ``matched`` and the ``score``.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        from canjapan._frames import search_frame

        return search_frame(self)


@frozen(kw_only=True)
class Snapshot:
    """The state of the relationship on a date.

    Attributes:
        on: The date, as written.
        as_of: The dataset's ``as_of``.
        in_force: Agreements certainly in force, then possibly in force.
        mechanisms: Mechanisms active on the date.
        office_holders: For each post, its holders on the date and its state
            (every post, including those with nobody known).
        events_on: Events that fall, or may fall, on the date (held or planned),
            other than those in progress.
        in_progress: Events certainly started before the date and certainly ending
            after it.
        last_event: The latest event certainly before the date (held or planned;
            postponed and cancelled events are skipped).
        next_event: The earliest event certainly after the date (likewise).
    """

    on: str
    as_of: date
    in_force: InForce
    mechanisms: tuple[Mechanism, ...]
    office_holders: tuple[OfficeHolders, ...]
    events_on: tuple[Event, ...]
    in_progress: tuple[Event, ...]
    last_event: Event | None
    next_event: Event | None

    def __repr__(self) -> str:
        held = sum(1 for h in self.office_holders if h.certain)
        return (
            f"<Snapshot on {self.on}: {len(self.in_force.certain)} agreements in force, "
            f"{len(self.mechanisms)} mechanisms, {held} of {len(self.office_holders)} posts "
            f"held, {len(self.events_on) + len(self.in_progress)} events on the date "
            f"(as of {self.as_of.isoformat()})>"
        )

    def _repr_html_(self) -> str:
        from canjapan._display import snapshot_html

        return snapshot_html(self)
