"""Rich HTML display of records, query results and datasets in notebooks.

Jupyter calls ``_repr_html_`` on the objects a cell returns; the records, the
[`Dataset`][canjapan.Dataset] and the query results delegate to the functions here.
The HTML is plain tables (no JavaScript, no styles beyond a few inline ones), every
string is escaped, and:

* every date is shown at its precision: its EDTF text, a ``title`` attribute giving
  the first and last day it can be (hover to see it) and, when it says more, a
  human reading (``July 2019``, ``autumn 2012``, ``2019-07-15 (uncertain)``);
* every citation links to its source's address when the source is known: from the
  ``dataset`` argument, or from the bundled dataset when the record shown is one of
  its records. A bare record of another dataset shows the source id instead.

``timeline_html``, ``search_html`` and ``records_html`` render the
answers of [`canjapan.Dataset.timeline`][canjapan.Dataset.timeline] and
[`canjapan.Dataset.search`][canjapan.Dataset.search] and the dataset's collections;
[`Timeline`][canjapan.Timeline], [`SearchResults`][canjapan.SearchResults] and
[`Records`][canjapan.Records] display through them.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from canjapan._dates import PartialDate, Precision, day_bounds
from canjapan._model import (
    Agreement,
    Citation,
    Coordinates,
    Event,
    Label,
    Milestone,
    MilestoneKind,
    Source,
    Tenure,
)

if TYPE_CHECKING:
    from canjapan._dataset import Dataset, InForce
    from canjapan._results import OfficeHolders, SearchHit, Snapshot, TimelineEntry

__all__ = [
    "MAX_ROWS",
    "citation_html",
    "dataset_html",
    "date_html",
    "human_date",
    "in_force_html",
    "office_holders_html",
    "record_html",
    "records_html",
    "search_html",
    "snapshot_html",
    "timeline_html",
]

MAX_ROWS: Final = 50
"""Tables longer than this show their first rows and say how many more there are."""

_MONTHS: Final = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TABLE: Final = '<table style="text-align:left">'
_CELL: Final = ' style="text-align:left;vertical-align:top"'

Sources = Mapping[str, Source]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# -- dates ----------------------------------------------------------------------------


def human_date(d: PartialDate) -> str:
    """A reading of a partial date for people: ``"July 2019"``, ``"autumn 2012"``,
    ``"2010–2019"`` (for ``201X``), ``"2019-07-15 (uncertain)"``."""
    if d.year is None:  # unspecified digits of the year: 201X, 20XX
        first, last = d.earliest.year, d.latest.year
        text = f"{first}–{last}"
    elif d.season is not None:
        name = d.season_name
        text = f"{name} {d.year}–{d.year + 1}" if name == "winter" else f"{name} {d.year}"
    elif d.precision is Precision.YEAR:
        text = str(d.year)
    elif d.month is None:
        what = "a day" if d.precision is Precision.DAY else "a month"
        text = f"{what} in {d.year}"
    elif d.precision is Precision.MONTH:
        text = f"{_MONTHS[d.month]} {d.year}"
    elif d.day is None:
        text = f"a day in {_MONTHS[d.month]} {d.year}"
    else:
        text = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    qualifiers = [q for q, on in (("uncertain", d.uncertain), ("approximate", d.approximate)) if on]
    if qualifiers:
        text += f" ({', '.join(qualifiers)})"
    return text


def date_html(d: PartialDate | None) -> str:
    """A date as HTML: the EDTF text with its first and last day as a ``title``, and a
    human reading when it differs from the text; an empty string for ``None``."""
    if d is None:
        return ""
    lo, hi = d.earliest.isoformat(), d.latest.isoformat()
    span = lo if lo == hi else f"{lo} – {hi}"
    out = f'<span title="{_e(span)}">{_e(d)}</span>'
    reading = human_date(d)
    if reading != str(d):
        out += f" <small>({_e(reading)})</small>"
    return out


# -- citations and sources --------------------------------------------------------------


def _source_map(dataset: Dataset | None, records: Iterable[object] = ()) -> Sources:
    """The sources to resolve citations with.

    Those of ``dataset`` when given; else those of the bundled dataset, if it is
    loaded and holds these very records; else none (citations show source ids).
    """
    if dataset is not None:
        return {s.id: s for s in dataset.sources}
    from canjapan import _bundled

    bundled = _bundled._dataset
    if bundled is None:
        return {}
    ids = [getattr(r, "id", None) for r in records]
    if ids and all(
        isinstance(i, str) and bundled.find(i) is r for i, r in zip(ids, records, strict=True)
    ):
        return {s.id: s for s in bundled.sources}
    return {}


def _source_link(source_id: str, sources: Sources) -> str:
    source = sources.get(source_id)
    if source is None:
        return f"<code>{_e(source_id)}</code>"
    title = _e(source.title)
    if source.url is None:
        return f'<span title="{_e(source_id)}">{title}</span>'
    return f'<a href="{_e(source.url)}" title="{_e(source_id)}">{title}</a>'


def citation_html(citation: Citation, sources: Sources | None = None) -> str:
    """One citation: the source (linked to its address when known), the quote and
    the locator."""
    out = _source_link(citation.source, sources or {})
    out += f": “{_e(citation.quote)}”"
    if citation.locator is not None:
        out += f" ({_e(citation.locator)})"
    return out


def _citations_html(citations: Sequence[Citation], sources: Sources) -> str:
    if not citations:
        return ""
    if len(citations) == 1:
        return citation_html(citations[0], sources)
    items = "".join(f"<li>{citation_html(c, sources)}</li>" for c in citations)
    return f'<ol style="margin:0;padding-left:1.2em">{items}</ol>'


# -- generic values and records -----------------------------------------------------------


def _value_html(name: str, value: object, sources: Sources) -> str:
    if isinstance(value, PartialDate):
        return date_html(value)
    if isinstance(value, enum.Enum):
        return _e(value.value)
    if isinstance(value, Coordinates):
        return f"{value.latitude}, {value.longitude}"
    if isinstance(value, str):
        if name == "url" and value.startswith("https://"):
            return f'<a href="{_e(value)}">{_e(value)}</a>'
        return _e(value)
    if isinstance(value, tuple):
        return _tuple_html(value, sources)
    if attrs.has(type(value)):
        return _fields_table(value, sources)
    return _e(value)


def _tuple_html(values: tuple[Any, ...], sources: Sources) -> str:
    if all(isinstance(v, Citation) for v in values):
        return _citations_html(values, sources)
    if all(isinstance(v, Milestone) for v in values):
        return _milestones_table(values, sources)
    if all(isinstance(v, Tenure) for v in values):
        return _tenures_table(values, sources)
    if all(isinstance(v, Label) for v in values):
        return ", ".join(f"{_e(v.text)} <small>({_e(v.language)})</small>" for v in values)
    return ", ".join(_value_html("", v, sources) for v in values)


def _row(cells: Iterable[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}{_CELL}>{c}</{tag}>" for c in cells) + "</tr>"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], limit: int | None = MAX_ROWS) -> str:
    shown = rows if limit is None else rows[:limit]
    body = "".join(_row(r) for r in shown)
    out = f"{_TABLE}<thead>{_row((_e(h) for h in head), 'th')}</thead><tbody>{body}</tbody></table>"
    if len(shown) < len(rows):
        out += f"<p><small>… and {len(rows) - len(shown)} more</small></p>"
    return out


def _fields_table(record: Any, sources: Sources) -> str:
    rows = []
    for f in attrs.fields(type(record)):
        value = getattr(record, f.name)
        if value is None or value == () or (f.name == "ongoing" and value is False):
            continue
        rows.append((f"<strong>{_e(f.name)}</strong>", _value_html(f.name, value, sources)))
    body = "".join(_row(r) for r in rows)
    return f"{_TABLE}<tbody>{body}</tbody></table>"


def _milestones_table(milestones: Sequence[Milestone], sources: Sources) -> str:
    rows = [
        (
            _e(m.kind.value),
            date_html(m.date),
            _e(m.party or ""),
            _e(m.place or ""),
            ", ".join(_e(p) for p in m.people),
            _citations_html(m.citations, sources),
        )
        for m in milestones
    ]
    return _table(("kind", "date", "party", "place", "people", "citations"), rows, None)


def _tenures_table(tenures: Sequence[Tenure], sources: Sources) -> str:
    rows = [
        (
            _e(t.post),
            date_html(t.start) or "<small>unknown</small>",
            _tenure_end(t),
            ", ".join(date_html(d) for d in t.attested),
            _citations_html(t.citations, sources),
        )
        for t in tenures
    ]
    return _table(("post", "start", "end", "attested", "citations"), rows, None)


def _tenure_end(t: Tenure) -> str:
    if t.end is not None:
        return date_html(t.end)
    return "ongoing" if t.ongoing else "<small>unknown</small>"


def _name(record: object) -> str:
    for attr in ("title", "name", "description", "text", "quote"):
        value = getattr(record, attr, None)
        if isinstance(value, str):
            return value
    return ""


def _heading(kind: str, record: object) -> str:
    out = f"<strong>{_e(kind)}</strong>"
    rid = getattr(record, "id", None)
    if isinstance(rid, str):
        out += f" <code>{_e(rid)}</code>"
    name = _name(record)
    if name:
        out += f" {_e(name)}"
    return f"<p>{out}</p>"


def record_html(record: object, dataset: Dataset | None = None) -> str:
    """Any record (or part of one: a citation, milestone, tenure, label) as HTML.

    Args:
        record: The record.
        dataset: The dataset it belongs to, to link its citations to their
            sources; see the module docstring for the default.
    """
    sources = _source_map(dataset, [record])
    return (
        '<div class="canjapan">'
        + _heading(type(record).__name__, record)
        + _fields_table(record, sources)
        + "</div>"
    )


# -- datasets -------------------------------------------------------------------------------


def _agreement_effect_citations(a: Agreement) -> tuple[Citation, ...]:
    for kind in (MilestoneKind.ENTERED_INTO_FORCE, MilestoneKind.ADOPTED, MilestoneKind.IN_EFFECT):
        m = a.milestone(kind)
        if m is not None:
            return m.citations
    return a.citations


def _record_cell(record: Any) -> str:
    return f"{_e(_name(record))} <small><code>{_e(record.id)}</code></small>"


def dataset_html(ds: Dataset) -> str:
    """A dataset as HTML: its name, version and ``as_of``, the number of records in
    each collection, and its agreements with their dates and citations."""
    from canjapan._dataset import COLLECTIONS

    sources = _source_map(ds)
    head = f"<p><strong>{_e(ds.name)}</strong> {_e(ds.version)}, as of {_e(ds.as_of)}</p>"
    if ds.description:
        head += f"<p>{_e(ds.description)}</p>"
    counts = _table(
        ("collection", "records"),
        [(_e(c), str(len(getattr(ds, c)))) for c in COLLECTIONS],
        None,
    )
    rows = [
        (
            _record_cell(a),
            _e(a.kind.value),
            date_html(a.signed),
            date_html(a.entered_into_force),
            date_html(a.terminated),
            _citations_html(_agreement_effect_citations(a), sources),
        )
        for a in ds.agreements
    ]
    agreements = _table(
        ("agreement", "kind", "signed", "in force from", "terminated", "cited"), rows
    )
    return (
        f'<div class="canjapan">{head}{counts}<p><strong>Agreements</strong></p>{agreements}</div>'
    )


# -- query results --------------------------------------------------------------------------


def _as_of_note(on: str, as_of: object, after: bool) -> str:
    note = f"<p><small>Dataset as of {_e(as_of)}."
    if after:
        note += (
            f" {_e(on)} is after that: the answer presumes nothing has changed since,"
            " and agreements with no recorded termination continue."
        )
    return note + "</small></p>"


def _in_force_table(result: InForce, sources: Sources) -> str:
    rows = [
        (
            _record_cell(a),
            _e(a.kind.value),
            certainty,
            date_html(a.signed),
            date_html(a.entered_into_force),
            _citations_html(_agreement_effect_citations(a), sources),
        )
        for group, certainty in ((result.certain, "certain"), (result.possible, "possible"))
        for a in group
    ]
    return _table(("agreement", "kind", "in force", "signed", "in force from", "cited"), rows)


def in_force_html(result: InForce, dataset: Dataset | None = None) -> str:
    """The answer of [`agreements_in_force`][canjapan.Dataset.agreements_in_force] as HTML: each
    agreement certainly (then possibly) in force, with the dates and citations that
    decide it."""
    sources = _source_map(dataset, result.agreements)
    count = len(result.certain)
    head = f"<p><strong>{count} agreement{'' if count == 1 else 's'} in force on {_e(result.on)}"
    if result.possible:
        head += f"</strong>, {len(result.possible)} possibly in force</p>"
    else:
        head += "</strong></p>"
    return (
        f'<div class="canjapan">{head}{_in_force_table(result, sources)}'
        f"{_as_of_note(result.on, result.as_of, result.after_as_of)}</div>"
    )


def _holder_rows(result: OfficeHolders, sources: Sources, with_post: bool) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for group, certainty in ((result.certain, "certain"), (result.possible, "possible")):
        for h in group:
            t = h.tenure
            cells = (
                _record_cell(h.person),
                certainty,
                date_html(t.start) or "<small>unknown</small>",
                _tenure_end(t),
                _citations_html(t.citations, sources),
            )
            rows.append(((_record_cell(result.post), *cells)) if with_post else cells)
    return rows


def office_holders_html(result: OfficeHolders, dataset: Dataset | None = None) -> str:
    """The answer of [`office_holders`][canjapan.Dataset.office_holders] as HTML: each holder
    with their tenure's dates and citations."""
    sources = _source_map(dataset, [result.post, *result.people])
    head = (
        f"<p><strong>{_e(result.post.title)}</strong> <code>{_e(result.post.id)}</code>"
        f" on {_e(result.on)}</p>"
    )
    rows = _holder_rows(result, sources, with_post=False)
    table = (
        _table(("person", "in office", "start", "end", "cited"), rows)
        if rows
        else "<p>No holder recorded on this date.</p>"
    )
    after = day_bounds(result.on)[1] > result.as_of.toordinal()
    return f'<div class="canjapan">{head}{table}{_as_of_note(result.on, result.as_of, after)}</div>'


def _event_rows(
    events: Sequence[tuple[str, Event | None]], sources: Sources
) -> list[tuple[str, ...]]:
    return [
        (
            _e(label),
            date_html(e.start),
            date_html(e.end),
            _record_cell(e),
            _e(e.kind.value),
            _citations_html(e.citations, sources),
        )
        for label, e in events
        if e is not None
    ]


def snapshot_html(snap: Snapshot, dataset: Dataset | None = None) -> str:
    """A [`Snapshot`][canjapan.Snapshot] as HTML: agreements in force, mechanisms
    active, office holders, the events on the date and in progress, and the last
    and next events."""
    records: list[object] = [*snap.in_force.agreements, *snap.mechanisms]
    records += [*snap.events_on, *snap.in_progress]
    records += [e for e in (snap.last_event, snap.next_event) if e is not None]
    sources = _source_map(dataset, records)
    parts = [f"<p><strong>The relationship on {_e(snap.on)}</strong></p>"]
    parts.append("<p><strong>Agreements in force</strong></p>")
    parts.append(_in_force_table(snap.in_force, sources))
    parts.append("<p><strong>Mechanisms active</strong></p>")
    parts.append(
        _table(
            ("mechanism", "kind", "start"),
            [(_record_cell(m), _e(m.kind.value), date_html(m.start)) for m in snap.mechanisms],
        )
    )
    parts.append("<p><strong>Office holders</strong></p>")
    holder_rows = [r for h in snap.office_holders for r in _holder_rows(h, sources, True)]
    parts.append(_table(("post", "person", "in office", "start", "end", "cited"), holder_rows))
    parts.append("<p><strong>Events</strong></p>")
    parts.append(
        _table(
            ("", "start", "end", "event", "kind", "cited"),
            _event_rows(
                (
                    *(("on the date", e) for e in snap.events_on),
                    *(("in progress", e) for e in snap.in_progress),
                    ("last", snap.last_event),
                    ("next", snap.next_event),
                ),
                sources,
            ),
        )
    )
    parts.append(_as_of_note(snap.on, snap.as_of, snap.in_force.after_as_of))
    return '<div class="canjapan">' + "".join(parts) + "</div>"


def timeline_html(
    entries: Iterable[TimelineEntry], dataset: Dataset | None = None, *, limit: int | None = None
) -> str:
    """Timeline entries (from [`timeline`][canjapan.Dataset.timeline]) as an HTML table:

    ```python
    from IPython.display import HTML
    HTML(timeline_html(ds.timeline("2019", "2020"), ds))
    ```

    Args:
        entries: The entries, shown in the order given.
        dataset: The dataset they come from, to link citations to their sources.
        limit: Show at most this many rows (all by default).
    """
    items = list(entries)
    sources = _source_map(dataset, [e.record for e in items])
    rows = [
        (
            date_html(e.date),
            date_html(e.end),
            _e(e.kind),
            _e(e.title),
            f"<code>{_e(e.record.id)}</code>",
            _citations_html(e.citations, sources),
        )
        for e in items
    ]
    table = _table(("date", "end", "kind", "title", "record", "cited"), rows, limit)
    return f'<div class="canjapan">{table}</div>'


def search_html(hits: Iterable[SearchHit]) -> str:
    """Search hits (from [`search`][canjapan.Dataset.search]) as an HTML table, in the
    order given (best first): the record, its type, the field that matched and the
    score."""
    rows = [
        (
            _record_cell(h.record),
            _e(type(h.record).__name__),
            _e(h.matched),
            _e(f"{h.score:.0f}"),
        )
        for h in hits
    ]
    table = _table(("record", "type", "matched", "score"), rows)
    return f'<div class="canjapan">{table}</div>'


def records_html(records: Sequence[Any], collection: str) -> str:
    """Records of one collection (``ds.agreements``, ...) as an HTML table: each
    record's name and id, its kind when it has one, and the collection's main dates
    at their precision; the first ``MAX_ROWS`` rows, then how many more."""
    from canjapan._tables import _DATES, records_grid

    grid = records_grid(records, collection)
    dates = _DATES.get(collection, ())
    rows = [
        (
            _record_cell(r),
            *((_e(_enum_text(r.kind)),) if "kind" in grid.headers else ()),
            *(date_html(getattr(r, d)) for d in dates),
        )
        for r in records
    ]
    head = ("record", *grid.headers[2:])
    n = len(rows)
    title = f"<p><strong>{_e(collection)}</strong>: {n} record{'' if n == 1 else 's'}</p>"
    return f'<div class="canjapan">{title}{_table(head, rows)}</div>'


def _enum_text(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)
