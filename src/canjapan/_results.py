"""The answers of the dataset's queries other than :class:`~canjapan.InForce`.

They are made on first use (``import canjapan`` does not create them), to keep
starting a process that only asks what is in force quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

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

__all__ = ["Holder", "OfficeHolders", "SearchHit", "Snapshot", "TimelineEntry"]


@frozen(kw_only=True)
class Holder:
    """A person holding a post, with the tenure that says so."""

    person: Person
    tenure: Tenure


@frozen(kw_only=True)
class OfficeHolders:
    """The answer of :meth:`Dataset.office_holders`.

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

    def _repr_html_(self) -> str:
        from canjapan._display import office_holders_html

        return office_holders_html(self)


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


@frozen(kw_only=True)
class SearchHit:
    """A search result: the record, its score (higher is better) and what matched."""

    record: Record
    score: float
    matched: str


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
