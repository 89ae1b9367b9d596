"""Plain-text tables of query results and records: what the command line prints and
what ``str()`` of a result gives.

A ``Grid`` is a table of text cells: headers, rows and how many trailing
columns only the CSV output carries (ids a table row already names). The
functions ``*_grid`` build the grid of one kind of answer; ``render`` lays a
grid out to fit a width. The same words name the same things everywhere:

* an agreement's ``status`` is its [`AgreementState`][canjapan.AgreementState] on the date
  (``in force``, ``undetermined``), as the JSON output says;
* a holder's ``status`` is the [`OfficeState`][canjapan.OfficeState] they make of the post
  (``held``, or ``possibly held``), and a post nobody is known to hold shows its
  state (``vacant``, ``not covered``, ``unknown``);
* a value the dataset does not know is ``None`` here: a blank cell in a table, an
  empty cell in CSV and ``null`` in JSON.

This module imports nothing above the model, so that the results can render
themselves without the command line.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from canjapan._model import Agreement, Event
from canjapan._status import OfficeState

if TYPE_CHECKING:
    from canjapan._dataset import InForce
    from canjapan._model import Record
    from canjapan._results import OfficeHolders, SearchHit, Snapshot, TimelineEntry

__all__ = [
    "MIN_COLUMN",
    "Grid",
    "Name",
    "cut",
    "fit",
    "holders_grid",
    "holders_heading",
    "in_force_grid",
    "more_line",
    "nobody",
    "record_grids",
    "records_grid",
    "render",
    "search_grid",
    "short_name",
    "snapshot_grid",
    "snapshot_items",
    "terminal_width",
    "timeline_grid",
    "width_of",
]

Cell = str | None
"""A table cell: its text, or ``None`` for a value the dataset does not know."""

MIN_COLUMN: Final = 8
"""A column is never cut narrower than this (or its widest cell, if narrower)."""
_WHOLE: Final = frozenset(
    {"id", "date", "end", "start", "signed", "in force from", "status", "score", "country"}
    | {"kind", "complete from", "complete to", "of", "field", "post", "terminated", "published"}
    | {"what"}
)
"""Columns shortened only as a last resort: ids and dates are what the next
command needs."""
NAME_WIDTH: Final = 60
"""A name in a table is cut to this many characters before the table is fitted."""


@frozen(kw_only=True)
class Grid:
    """A table of text cells.

    Attributes:
        headers: The column names, the CSV-only columns last.
        rows: One tuple of cells per row, in ``headers`` order.
        csv_only: How many of the last columns a printed table leaves out (ids
            its rows already name through another column or the heading).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    csv_only: int = 0

    @property
    def shown(self) -> tuple[str, ...]:
        """The headers of the printed table."""
        return self.headers[: len(self.headers) - self.csv_only]

    def head(self, limit: int | None) -> Grid:
        """The grid of the first ``limit`` rows (all of them for ``None``)."""
        if limit is None or limit >= len(self.rows):
            return self
        return Grid(headers=self.headers, rows=self.rows[:limit], csv_only=self.csv_only)


# -- layout ---------------------------------------------------------------------------------


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def fit(widths: Sequence[int], headers: Sequence[str], limit: int) -> list[int]:
    """Column widths that fit ``limit`` characters with two spaces between columns:
    text columns give way first, widest first; ids and dates only when the text
    columns are as narrow as they go. As they are when they already fit."""
    widths = list(widths)
    loose = [min(w, MIN_COLUMN) for w in widths]
    firm = [w if h in _WHOLE else f for w, h, f in zip(widths, headers, loose, strict=True)]
    for floors in (firm, loose):
        while sum(widths) + 2 * (len(widths) - 1) > limit:
            i = max(range(len(widths)), key=lambda j: widths[j] - floors[j])
            if widths[i] <= floors[i]:
                break
            widths[i] -= 1
    return widths


def width_of(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for each wide character
    (Japanese and Chinese characters, full-width forms), none for a combining mark,
    one for the others."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(c: str) -> int:
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


class Name(str):
    """A record's name in a table cell, knowing the shorter names the record also has
    (short names, abbreviations): :func:`cut` shows the longest of them that fits
    before it shortens the name with "…". Written whole to CSV and JSON."""

    __slots__ = ("shorter",)
    shorter: tuple[str, ...]

    def __new__(cls, text: str, shorter: Sequence[str] = ()) -> Name:
        self = super().__new__(cls, text)
        unique = dict.fromkeys(s for s in shorter if s != text)  # given order among equals
        self.shorter = tuple(sorted(unique, key=width_of, reverse=True))
        return self


def cut(text: str, width: int) -> str:
    """``text``, shortened to ``width`` terminal columns with "…" when wider (a
    :class:`Name` first falls back on the longest of its shorter names that fits)."""
    if width_of(text) <= width:
        return text
    if isinstance(text, Name):
        for shorter in text.shorter:
            if width_of(shorter) <= width:
                return shorter
    out, used = [], 0
    for c in text:
        w = _char_width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - width_of(text))


def render(grid: Grid, width: int | None = None) -> str:
    """An aligned table of the grid's shown columns that fits ``width`` characters
    (``terminal_width`` by default): a header, a dashed rule, one line a row.
    Long cells are shortened with "…"; a row never wraps (when even the narrowest
    columns are too wide, the lines are cut at ``width``)."""
    n = len(grid.shown)
    limit = terminal_width() if width is None else width
    cells = [list(grid.shown), *[["" if c is None else c for c in r[:n]] for r in grid.rows]]
    widths = [max(width_of(r[i]) for r in cells) for i in range(n)]
    widths = fit(widths, grid.shown, limit)
    lines = []
    for i, row in enumerate(cells):
        shortened = [cut(c, w) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(_pad(c, w) for c, w in zip(shortened, widths, strict=True)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    # Columns at their narrowest may still be too wide for a very narrow terminal:
    # then each line is cut at its edge rather than left to wrap.
    return "".join(cut(line, limit) + "\n" for line in lines)


def more_line(more: int, total: int) -> str:
    """The line under a table whose rows were cut: how many more, and how to see them."""
    return f"… {more} more (--limit {total} shows all)\n"


# -- names and values ---------------------------------------------------------------------------


def short_name(record: object, width: int = NAME_WIDTH) -> str:
    """The name a table shows for a record: an agreement's first short name, else its
    title (or name, description), cut to ``width`` characters; a :class:`Name` that
    a narrow column shows as a shorter name or an abbreviation of the record."""
    shorter = [
        *getattr(record, "short_names", ()),
        *getattr(record, "abbreviations", ()),
        *filter(None, [getattr(record, "abbreviation", None)]),
    ]
    if isinstance(record, Agreement) and record.short_names:
        return Name(cut(record.short_names[0], width), shorter)
    for attr in ("title", "name", "description"):
        value = getattr(record, attr, None)
        if isinstance(value, str):
            return Name(cut(value, width), shorter)
    return ""


def _text(value: object) -> Cell:
    return None if value is None else str(value)


def _end(tenure: Any) -> Cell:
    if tenure.end is not None:
        return str(tenure.end)
    return "ongoing" if tenure.ongoing else None


# -- query results ------------------------------------------------------------------------------


def timeline_grid(entries: Iterable[TimelineEntry]) -> Grid:
    """One row per entry: date, end, kind, the record's id, and its title (an
    agreement's short name in place of its title)."""
    rows = []
    for e in entries:
        title = e.title
        record = e.record
        if (
            e.milestone is not None
            and isinstance(record, Agreement)
            and record.short_names
            and title.endswith(record.title)
        ):
            title = title[: len(title) - len(record.title)] + record.short_names[0]
        rows.append((str(e.date), _text(e.end), e.kind, record.id, title))
    return Grid(headers=("date", "end", "kind", "id", "title"), rows=tuple(rows))


def search_grid(hits: Iterable[SearchHit]) -> Grid:
    """One row per hit: id, record type, name, the field that matched and the score."""
    rows = tuple(
        (h.record.id, type(h.record).__name__, short_name(h.record), h.matched, f"{h.score:.0f}")
        for h in hits
    )
    return Grid(headers=("id", "type", "name", "matched", "score"), rows=rows)


HELD: Final = OfficeState.HELD.value
POSSIBLY_HELD: Final = OfficeState.POSSIBLY_HELD.value


def holders_grid(result: OfficeHolders) -> Grid:
    """One row per holder, certain ones first: id, name, the tenure's start and end
    (``ongoing`` for a tenure that continues), and ``held`` or ``possibly held``;
    the post's id is a CSV-only column."""
    rows = tuple(
        (h.person.id, h.person.name, _text(h.tenure.start), _end(h.tenure), status, result.post.id)
        for status, holders in ((HELD, result.certain), (POSSIBLY_HELD, result.possible))
        for h in holders
    )
    return Grid(headers=("id", "name", "start", "end", "status", "post"), rows=rows, csv_only=1)


def holders_heading(result: OfficeHolders) -> str:
    """The line above a holders table: the post, the date and the data's as-of date."""
    return f"{result.post.title} on {result.on} (data as of {result.as_of.isoformat()})\n"


def nobody(result: OfficeHolders) -> str:
    """Why an answer names nobody, in one phrase that starts with the post's state."""
    post = result.post
    covered = f"{post.complete_from} to {post.complete_to or result.as_of.isoformat()}"
    state = result.state
    if state is OfficeState.VACANT:
        return f"vacant: the dataset records every holder from {covered}"
    if state is OfficeState.NOT_COVERED:
        return f"not covered: the dataset records every holder only from {covered}"
    if state is OfficeState.UNKNOWN:
        return "unknown: the dataset does not record every holder of this post"
    return f"{state.value}: nobody certain"


def in_force_grid(result: InForce) -> Grid:
    """One row per agreement, certain ones first: id, short name, signature and entry
    into force dates, and its state on the date (``in force``, ``undetermined``)."""
    rows = tuple(
        (
            a.id,
            short_name(a),
            _text(a.signed),
            _text(a.entered_into_force),
            a.status_on(result.on).state.value,
        )
        for a in result.agreements
    )
    return Grid(headers=("id", "name", "signed", "in force from", "status"), rows=rows)


SnapshotItem = tuple[str, str, Any, Any]
"""One item of a snapshot: its section (the key of the JSON output: ``in_force``,
``office_holders``, ...), its status, the record, and for office holders the
[`OfficeHolders`][canjapan.OfficeHolders] of the post."""


def snapshot_items(snap: Snapshot) -> list[SnapshotItem]:
    """What a snapshot holds, one item a row of its table, in the table's order:
    agreements and their state, active mechanisms, each post's holders (a post
    nobody is known to hold, with its state and no person), and the events on the
    date, in progress, last and next with their status."""
    items: list[SnapshotItem] = []
    for section, agreements in (
        ("in_force", snap.in_force.certain),
        ("possibly_in_force", snap.in_force.possible),
    ):
        items += [(section, a.status_on(snap.on).state.value, a, None) for a in agreements]
    items += [("mechanisms", "active", m, None) for m in snap.mechanisms]
    for h in snap.office_holders:
        for status, holders in ((HELD, h.certain), (POSSIBLY_HELD, h.possible)):
            items += [("office_holders", status, x.person, h) for x in holders]
        if not h.certain and not h.possible:
            items.append(("office_holders", h.state.value, None, h))
    events: list[tuple[str, Event | None]] = [
        *(("events_on", e) for e in snap.events_on),
        *(("in_progress", e) for e in snap.in_progress),
        ("last_event", snap.last_event),
        ("next_event", snap.next_event),
    ]
    items += [(section, e.status.value, e, None) for section, e in events if e is not None]
    return items


_WHAT: Final = {
    "in_force": "agreement",
    "possibly_in_force": "agreement",
    "mechanisms": "mechanism",
    "events_on": "on the date",
    "in_progress": "in progress",
    "last_event": "last event",
    "next_event": "next event",
}


def snapshot_grid(items: Iterable[SnapshotItem]) -> Grid:
    """The table of ``snapshot_items``: what (``agreement``, ``mechanism``,
    ``holder``, ``post`` for a post nobody is known to hold, or the event's place in
    time), status, id, date (an event's start) and name (a holder's with the post's
    title); the post's id is a CSV-only column."""
    rows: list[tuple[Cell, ...]] = []
    for section, status, record, holders in items:
        if holders is not None:
            post = holders.post
            if record is None:
                rows.append(("post", status, post.id, None, post.title, post.id))
            else:
                name = f"{record.name} ({post.title})"
                rows.append(("holder", status, record.id, None, name, post.id))
        else:
            start = record.start if isinstance(record, Event) else None
            rows.append((_WHAT[section], status, record.id, _text(start), short_name(record), None))
    headers = ("what", "status", "id", "date", "name", "post")
    return Grid(headers=headers, rows=tuple(rows), csv_only=1)


# -- records ------------------------------------------------------------------------------------

_DATES: Final[Mapping[str, tuple[str, ...]]] = {
    "sources": ("published",),
    "posts": ("complete_from", "complete_to"),
    "agreements": ("signed", "entered_into_force", "terminated"),
    "mechanisms": ("start", "end"),
    "events": ("start", "end"),
    "figures": ("date",),
}
"""The dates a collection's table shows, by collection."""
_HEADER: Final = {
    "entered_into_force": "in force from",
    "complete_from": "complete from",
    "complete_to": "complete to",
}


def records_grid(records: Sequence[Record], collection: str) -> Grid:
    """One row per record of a collection: id, short name, kind (when records have
    one) and the collection's main dates."""
    dates = _DATES.get(collection, ())
    has_kind = collection not in {"people", "figures"} and collection != "sources"
    headers = ("id", "name", *(("kind",) if has_kind else ()), *(_HEADER.get(d, d) for d in dates))
    rows = []
    for r in records:
        kind = getattr(r, "kind", None)
        cells: list[Cell] = [r.id, short_name(r)]
        if has_kind:
            cells.append(_text(kind))
        cells += [_text(getattr(r, d)) for d in dates]
        rows.append(tuple(cells))
    return Grid(headers=headers, rows=tuple(rows))


def _scalar(value: Any) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(_scalar(v)) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_scalar(v)}" for k, v in value.items())
    return str(value)


def _nested(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def record_grids(data: Mapping[str, Any]) -> list[tuple[str, Grid]]:
    """A record as tables, from its JSON form (as the dataset file holds it): the
    fields table (one row a field, lists of values joined with ", "), then one table
    per list of nested items (milestones, tenures, labels, ...: one row an item, one
    column a field), then every citation of the record and of its nested items, each
    with where it sits (``milestones[1]``, or empty for the record's own).

    Returns:
        ``(title, grid)`` pairs; the first title is empty.
    """
    fields: list[tuple[Cell, ...]] = []
    subtables: list[tuple[str, Grid]] = []
    citations: list[tuple[Cell, ...]] = []
    for key, value in data.items():
        if key == "id":
            continue
        if key == "citations" and _nested(value):
            citations += [_citation_row("", c) for c in value]
        elif _nested(value):
            columns = _columns(value)
            rows = []
            for i, item in enumerate(value):
                rows.append(tuple(_scalar(item.get(c)) for c in columns))
                citations += [_citation_row(f"{key}[{i}]", c) for c in item.get("citations", ())]
            subtables.append((key, Grid(headers=tuple(columns), rows=tuple(rows))))
        else:
            fields.append((key, _scalar(value)))
    out = [("", Grid(headers=("field", "value"), rows=tuple(fields)))]
    out += subtables
    if citations:
        headers = ("of", "source", "quote", "locator")
        out.append(("citations", Grid(headers=headers, rows=tuple(citations))))
    return out


def _columns(items: Sequence[Mapping[str, Any]]) -> list[str]:
    """The keys of ``items`` other than ``citations``, each placed after the key that
    precedes it in the first item that has it (items omit the fields left at their
    default, so no one item need have them all)."""
    columns: list[str] = []
    for item in items:
        at = 0
        for key in item:
            if key == "citations":
                continue
            if key in columns:
                at = columns.index(key) + 1
            else:
                columns.insert(at, key)
                at += 1
    return columns


def _citation_row(where: str, citation: Mapping[str, Any]) -> tuple[Cell, ...]:
    return (
        where or None,
        _scalar(citation.get("source")),
        _scalar(citation.get("quote")),
        _scalar(citation.get("locator")),
    )
