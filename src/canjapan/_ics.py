"""The iCalendar export: every event and agreement milestone as an all-day calendar entry.

One ``VCALENDAR`` (RFC 5545) holds one ``VEVENT`` per timeline entry
(``Dataset.timeline()``: the agreement milestones and the events, in date order):

* every entry is an all-day event: ``DTSTART;VALUE=DATE`` is the first day the
  date can be and ``DTEND;VALUE=DATE`` the day after the last day it can be (the
  event's end, if it has one), so that an entry dated to the day sits on that day
  and an entry dated only to the month, season or year spans every day of it;
* an entry whose date is not one certain day says so in its ``SUMMARY`` (for
  example ``(2019-07: known to the month)``) and its ``DESCRIPTION``, and keeps
  its EDTF text in ``X-CANJAPAN-DATE``, so that a calendar never presents a month
  as a known day;
* ``UID`` is built from the record id (``event.<id>@canjapan``,
  ``agreement.<id>.milestone.<position>@canjapan``) and ``DTSTAMP`` is the
  dataset's ``as_of``, so that the same dataset gives the same bytes and a
  re-import updates entries instead of duplicating them;
* entries are ``TRANSP:TRANSPARENT`` (they never make anyone look busy); planned
  and postponed events are ``STATUS:TENTATIVE``, cancelled ones
  ``STATUS:CANCELLED``;
* lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character;
  text values are escaped (``\\\\``, ``\\;``, ``\\,``, ``\\n``).

This module needs nothing outside the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from canjapan._dates import PartialDate, Precision
from canjapan._model import Agreement, Event, EventStatus, Place, Source

if TYPE_CHECKING:
    from canjapan._dataset import Dataset
    from canjapan._results import TimelineEntry

__all__ = ["ICS_FILE", "fold", "ics_text"]

ICS_FILE: Final = "calendar.ics"
"""The name of the file the ``ics`` export writes."""
LINE_OCTETS: Final = 75
"""RFC 5545 §3.1: a content line is folded after at most this many octets."""
UID_DOMAIN: Final = "canjapan"

_STATUS: Final = {
    EventStatus.HELD: "CONFIRMED",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def ics_text(dataset: Dataset) -> str:
    """The iCalendar text of every event and agreement milestone of ``dataset``.

    See the module docstring for how dates, UIDs and text are written.
    """
    stamp = f"{_day(dataset.as_of)}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//canjapan//{_escape(dataset.name)} {_escape(dataset.version)}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{_escape(dataset.name)}",
        f"X-WR-CALNAME:{_escape(dataset.name)}",
    ]
    for entry in dataset.timeline():
        lines.extend(_vevent(dataset, entry, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vevent(dataset: Dataset, entry: TimelineEntry, stamp: str) -> Iterator[str]:
    record = entry.record
    dates = [entry.date] if entry.end is None else [entry.date, entry.end]
    first = entry.date.earliest
    last = dates[-1].latest
    edtf = "/".join(str(d) for d in dates)
    exactness = _exactness(dates)
    notes: list[str] = []
    status = record.status if isinstance(record, Event) else EventStatus.HELD
    if status is not EventStatus.HELD:
        notes.append(status.value)
    if exactness:
        notes.append(f"{edtf}: {', '.join(exactness)}")
    summary = entry.title + (f" ({'; '.join(notes)})" if notes else "")

    yield "BEGIN:VEVENT"
    yield f"UID:{_uid(entry)}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_day(first)}"
    if last < date.max:  # 9999-12-31 has no next day; without DTEND the entry is one day
        yield f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}"
    yield f"SUMMARY:{_escape(summary)}"
    yield f"DESCRIPTION:{_escape(_description(dataset, entry, edtf, exactness, first, last))}"
    place = _place(dataset, entry)
    if place is not None:
        yield f"LOCATION:{_escape(place.name)}"
        if place.coordinates is not None:
            yield f"GEO:{place.coordinates.latitude:.6f};{place.coordinates.longitude:.6f}"
    yield f"CATEGORIES:{_escape(entry.kind)}"
    yield f"STATUS:{_STATUS[status]}"
    yield "TRANSP:TRANSPARENT"
    url = next((s.url for s in _sources(dataset, entry) if s.url), None)
    if url is not None:
        yield f"URL:{url}"
    if isinstance(record, Event) and record.part_of is not None:
        yield f"RELATED-TO:event.{record.part_of}@{UID_DOMAIN}"
    yield f"X-CANJAPAN-DATE:{_escape(edtf)}"
    yield "END:VEVENT"


def _uid(entry: TimelineEntry) -> str:
    record = entry.record
    if isinstance(record, Agreement):
        position = next(i for i, m in enumerate(record.milestones) if m is entry.milestone)
        return f"agreement.{record.id}.milestone.{position}@{UID_DOMAIN}"
    return f"event.{record.id}@{UID_DOMAIN}"


def _exactness(dates: Iterable[PartialDate]) -> list[str]:
    """What keeps the dates from being certain days, in words (nothing if they are)."""
    words: list[str] = []
    for d in dates:
        for word in _date_words(d):
            if word not in words:
                words.append(word)
    return words


def _date_words(d: PartialDate) -> Iterator[str]:
    if d.precision is Precision.YEAR:
        yield "known to the year" if d.year is not None else "year not known"
    elif d.precision is Precision.SEASON:
        yield f"{d.season_name}, known to the season"
    elif d.precision is Precision.MONTH:
        yield "known to the month" if d.month is not None else "month not known"
    elif d.day is None:
        yield "day not known"
    if d.approximate:
        yield "approximate"
    if d.uncertain:
        yield "uncertain"


def _description(
    dataset: Dataset,
    entry: TimelineEntry,
    edtf: str,
    exactness: list[str],
    first: date,
    last: date,
) -> str:
    record = entry.record
    what = "Agreement milestone" if isinstance(record, Agreement) else "Event"
    lines = [f"{what}: {entry.kind}"]
    if exactness:
        lines.append(
            f"Date: {edtf} ({', '.join(exactness)}); this entry covers every day it can be, "
            f"{first.isoformat()} to {last.isoformat()}"
        )
    else:
        lines.append(f"Date: {edtf}")
    if isinstance(record, Event):
        if record.status is not EventStatus.HELD:
            lines.append(f"Status: {record.status.value}")
        if record.countries:
            lines.append(f"Countries: {', '.join(record.countries)}")
    else:
        lines.append(f"Parties: {', '.join(record.parties)}")
    note = entry.milestone.note if entry.milestone is not None else record.note
    if note:
        lines.append(f"Note: {note}")
    sources = _sources(dataset, entry)
    if sources:
        lines.append("Sources:")
        lines.extend(f"- {s.title}" + (f" <{s.url}>" if s.url else "") for s in sources)
    lines.append(f"Record: {record.id} ({dataset.name} {dataset.version}, as of {dataset.as_of})")
    return "\n".join(lines)


def _place(dataset: Dataset, entry: TimelineEntry) -> Place | None:
    place = entry.milestone.place if entry.milestone is not None else None
    if isinstance(entry.record, Event):
        place = entry.record.place
    if place is None:
        return None
    return dataset.get(place, Place)


def _sources(dataset: Dataset, entry: TimelineEntry) -> list[Source]:
    ids = dict.fromkeys(c.source for c in entry.citations)
    return [dataset.get(i, Source) for i in ids]


def _day(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line (RFC 5545 §3.1) at 75 octets, between UTF-8 characters.

    Each continuation line starts with one space, which counts towards its 75 octets;
    the parts are joined with CRLF (the caller ends the last one).
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)
