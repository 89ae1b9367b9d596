"""Flat tables of a dataset: the rows behind ``Dataset.to_pandas()`` and the CSV exports.

A dataset is flattened into one table per collection plus four tables for what is
nested inside records:

``sources``, ``places``, ``organizations``, ``posts``, ``people``, ``agreements``,
``mechanisms``, ``events``, ``figures``, ``topics``
    One row per record, keyed by ``id``.
``agreement_milestones``
    One row per milestone of an agreement, keyed by ``(agreement, position)``.
``tenures``
    One row per tenure of a person, keyed by ``(person, position)``.
``labels``
    One row per name in another language, keyed by ``(record, position)``.
``citations``
    One row per citation anywhere in the dataset, keyed by ``(record, path)``
    where ``path`` says where it sits (``citations[0]``,
    ``milestones[2].citations[0]``, ``tenures[1].citations[0]``).

Columns:

* each date field becomes three columns: ``<field>`` (the EDTF text, exactly as the
  source gives it), ``<field>_earliest`` and ``<field>_latest`` (the first and last
  day it can be). Agreements get the derived ``signed``, ``entered_into_force``
  and ``terminated`` dates this way too;
* lists of ids and codes (``parties``, ``participants``, ``countries``, ...) are
  joined with ``","`` (ids and codes never hold a comma); lists of free text
  (``aliases``, ``short_names``, ``abbreviations``, a tenure's ``attested`` days)
  are joined with ``"; "``; an empty list is a missing value;
* kinds and statuses are categories whose categories are every allowed value
  (milestone kinds are ordered as the lifecycle is);
* a missing value is ``None`` here, ``<NA>``/``NaT``/``NaN`` in pandas and an
  empty cell in CSV.

This module needs nothing outside the standard library until ``to_pandas`` is
called; ``canjapan._export`` writes the same tables with the ``csv`` module.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal

from attrs import frozen

from canjapan._model import (
    Agreement,
    AgreementKind,
    Event,
    EventKind,
    EventStatus,
    Figure,
    Mechanism,
    MechanismKind,
    MilestoneKind,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Post,
    Source,
    SourceKind,
    Topic,
    TopicKind,
)

if TYPE_CHECKING:
    from canjapan._dataset import Dataset
    from canjapan._dates import PartialDate
    from canjapan._model import Citation, Label

__all__ = ["ID_SEPARATOR", "TEXT_SEPARATOR", "Column", "Table", "tables", "to_pandas"]

ID_SEPARATOR: Final = ","
"""Joins lists of ids and codes in one cell."""
TEXT_SEPARATOR: Final = "; "
"""Joins lists of free text (aliases, names, dates) in one cell."""

ColumnType = Literal["string", "edtf", "date", "integer", "number", "boolean", "category"]
Value = str | int | float | bool | date | None


@frozen(kw_only=True)
class Column:
    """One column of a flat table.

    Attributes:
        name: The column name.
        type: ``string``, ``edtf`` (an EDTF date text), ``date`` (a day),
            ``integer``, ``number``, ``boolean`` or ``category``.
        description: What the column holds.
        required: The column never holds a missing value.
        categories: For ``category`` columns, every allowed value.
        ordered: The categories are in a meaningful order.
        references: ``(table, column)`` this column's values refer to, if any.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False
    categories: tuple[str, ...] = ()
    ordered: bool = False
    references: tuple[str, str] | None = None


@frozen(kw_only=True)
class Table:
    """A flat table: columns, rows in a stable order, and its key.

    Attributes:
        name: The table name (``agreements``, ``citations``).
        description: What one row is.
        columns: The columns, in order.
        rows: One tuple of values per row, in ``columns`` order.
        primary_key: The columns that identify a row.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    primary_key: tuple[str, ...]


# -- column builders ----------------------------------------------------------------------

Getter = Callable[[Any], Value]


@frozen
class _Spec:
    column: Column
    get: Getter


def _col(
    name: str,
    type: ColumnType,
    get: Getter,
    description: str,
    *,
    required: bool = False,
    references: tuple[str, str] | None = None,
) -> list[_Spec]:
    return [
        _Spec(
            Column(
                name=name,
                type=type,
                description=description,
                required=required,
                references=references,
            ),
            get,
        )
    ]


def _attr(name: str, type: ColumnType, description: str, **kw: Any) -> list[_Spec]:
    return _col(name, type, lambda r: getattr(r, name), description, **kw)


def _category(
    name: str, vocabulary: type[enum.Enum], description: str, *, ordered: bool = False
) -> list[_Spec]:
    column = Column(
        name=name,
        type="category",
        description=description,
        required=True,
        categories=tuple(str(m.value) for m in vocabulary),
        ordered=ordered,
    )
    return [_Spec(column, lambda r: _enum_value(getattr(r, name)))]


def _enum_value(value: object) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _optional_category(name: str, vocabulary: type[enum.Enum], description: str) -> list[_Spec]:
    [spec] = _category(name, vocabulary, description)
    column = Column(
        name=name,
        type="category",
        description=description,
        categories=spec.column.categories,
    )
    return [_Spec(column, spec.get)]


def _date(
    name: str, get: Callable[[Any], PartialDate | None], what: str, *, required: bool = False
) -> list[_Spec]:
    """The three columns of a date: EDTF text, first and last possible day."""

    def text(r: Any) -> str | None:
        d = get(r)
        return None if d is None else str(d)

    def earliest(r: Any) -> date | None:
        d = get(r)
        return None if d is None else d.earliest

    def latest(r: Any) -> date | None:
        d = get(r)
        return None if d is None else d.latest

    return [
        *_col(
            name,
            "edtf",
            text,
            f"{what} (EDTF, at the precision the source gives)",
            required=required,
        ),
        *_col(
            f"{name}_earliest",
            "date",
            earliest,
            f"The first day {what.lower()} can be",
            required=required,
        ),
        *_col(
            f"{name}_latest",
            "date",
            latest,
            f"The last day {what.lower()} can be",
            required=required,
        ),
    ]


def _date_attr(name: str, what: str, *, required: bool = False) -> list[_Spec]:
    return _date(name, lambda r: getattr(r, name), what, required=required)


def _ids(name: str, description: str) -> list[_Spec]:
    return _col(
        name,
        "string",
        lambda r: _join(getattr(r, name), ID_SEPARATOR),
        f"{description} (joined with '{ID_SEPARATOR}')",
    )


def _texts(name: str, description: str) -> list[_Spec]:
    return _col(
        name,
        "string",
        lambda r: _join(getattr(r, name), TEXT_SEPARATOR),
        f"{description} (joined with '{TEXT_SEPARATOR}')",
    )


def _join(values: Iterable[object], separator: str) -> str | None:
    items = [str(v.value) if isinstance(v, enum.Enum) else str(v) for v in values]
    return separator.join(items) if items else None


def _id(description: str) -> list[_Spec]:
    return _attr("id", "string", description, required=True)


def _note() -> list[_Spec]:
    return _attr("note", "string", "Caveats, alternatives where sources disagree")


def _text(name: str, description: str, *, required: bool = False, **kw: Any) -> list[_Spec]:
    return _attr(name, "string", description, required=required, **kw)


# -- the tables ---------------------------------------------------------------------------


def _source_specs() -> list[_Spec]:
    return [
        *_id("The source's id"),
        *_text("title", "Title", required=True),
        *_text("publisher", "Publisher"),
        *_text("url", "Public address"),
        *_date_attr("published", "Publication date"),
        *_text("language", "BCP 47 language tag", required=True),
        *_optional_category("kind", SourceKind, "Kind of document"),
        *_text("archived_as", "File name of the source's text in a citation corpus"),
        *_note(),
    ]


def _place_specs() -> list[_Spec]:
    def coordinate(axis: str) -> Getter:
        return lambda r: None if r.coordinates is None else getattr(r.coordinates, axis)

    return [
        *_id("The place's id"),
        *_text("name", "Name", required=True),
        *_category("kind", PlaceKind, "Kind of place"),
        *_text("country", "ISO 3166-1 alpha-3 code"),
        *_col("latitude", "number", coordinate("latitude"), "Latitude (WGS 84, degrees)"),
        *_col("longitude", "number", coordinate("longitude"), "Longitude (WGS 84, degrees)"),
        *_note(),
    ]


def _organization_specs() -> list[_Spec]:
    return [
        *_id("The organization's id"),
        *_text("name", "Name", required=True),
        *_text("abbreviation", "Abbreviation"),
        *_category("kind", OrganizationKind, "Kind of organization"),
        *_text("country", "ISO 3166-1 alpha-3 code"),
        *_text(
            "parent",
            "Id of the organization this one belongs to",
            references=("organizations", "id"),
        ),
        *_texts("aliases", "Other names"),
        *_note(),
    ]


def _post_specs() -> list[_Spec]:
    return [
        *_id("The post's id"),
        *_text("title", "Title of the office", required=True),
        *_text("organization", "Id of the organization", references=("organizations", "id")),
        *_text("country", "ISO 3166-1 alpha-3 code", required=True),
        *_attr("single_holder", "boolean", "Held by one person at a time", required=True),
        *_date_attr("complete_from", "First day of the completely recorded succession"),
        *_date_attr("complete_to", "Last day of the completely recorded succession"),
        *_note(),
    ]


def _person_specs() -> list[_Spec]:
    return [
        *_id("The person's id"),
        *_text("name", "Name", required=True),
        *_texts("aliases", "Other names"),
        *_note(),
    ]


def _agreement_specs() -> list[_Spec]:
    return [
        *_id("The agreement's id"),
        *_text("title", "Title", required=True),
        *_texts("short_names", "Short names"),
        *_texts("abbreviations", "Abbreviations"),
        *_category("kind", AgreementKind, "Kind of instrument"),
        *_ids("parties", "ISO 3166-1 alpha-3 codes of the parties"),
        *_ids("signatories", "Ids of the people who signed"),
        *_date("signed", lambda a: a.signed, "Date of signature"),
        *_date(
            "entered_into_force",
            lambda a: a.entered_into_force,
            "Date of entry into force (or adoption)",
        ),
        *_date("terminated", lambda a: a.terminated, "Date of termination"),
        *_note(),
    ]


def _mechanism_specs() -> list[_Spec]:
    return [
        *_id("The mechanism's id"),
        *_text("name", "Name", required=True),
        *_category("kind", MechanismKind, "Kind of channel"),
        *_text("level", "Level, e.g. deputy minister"),
        *_ids("countries", "ISO 3166-1 alpha-3 codes"),
        *_text(
            "established_by",
            "Id of the agreement that established it",
            references=("agreements", "id"),
        ),
        *_date_attr("start", "Start"),
        *_date_attr("end", "End"),
        *_texts("abbreviations", "Abbreviations"),
        *_texts("aliases", "Other names"),
        *_note(),
    ]


def _event_specs() -> list[_Spec]:
    return [
        *_id("The event's id"),
        *_text("title", "Title", required=True),
        *_category("kind", EventKind, "Kind of event"),
        *_date_attr("start", "Start", required=True),
        *_date_attr("end", "Last day (inclusive)"),
        *_category("status", EventStatus, "Whether it took place"),
        *_col(
            "mode",
            "string",
            lambda r: None if r.mode is None else r.mode.value,
            "In person, by phone or by video",
        ),
        *_text("place", "Id of the place", references=("places", "id")),
        *_ids("participants", "Ids of the people and organizations taking part"),
        *_ids("countries", "ISO 3166-1 alpha-3 codes"),
        *_text("mechanism", "Id of the mechanism", references=("mechanisms", "id")),
        *_attr("sequence", "integer", "Session number within its mechanism"),
        *_text("part_of", "Id of the event this one is part of", references=("events", "id")),
        *_ids("domains", "Operational domains"),
        *_ids("related", "Ids of related records"),
        *_texts("aliases", "Other names"),
        *_note(),
    ]


def _figure_specs() -> list[_Spec]:
    return [
        *_id("The figure's id"),
        *_text("description", "What is counted", required=True),
        *_col("value", "number", lambda f: f.value, "The number", required=True),
        *_text("unit", "Unit", required=True),
        *_text("period", "ISO 8601 duration the figure covers"),
        *_date_attr("date", "Date stated or applying"),
        *_attr("approximate", "boolean", "The value is approximate", required=True),
        *_ids("related", "Ids of related records"),
        *_note(),
    ]


def _topic_specs() -> list[_Spec]:
    return [
        *_id("The topic's id"),
        *_text("name", "Name", required=True),
        *_category("kind", TopicKind, "Kind of topic"),
        *_ids("countries", "ISO 3166-1 alpha-3 codes"),
        *_ids("related", "Ids of related records"),
        *_note(),
    ]


def _milestone_specs() -> list[_Spec]:
    return [
        *_col(
            "agreement",
            "string",
            lambda x: x[0].id,
            "Id of the agreement",
            required=True,
            references=("agreements", "id"),
        ),
        *_col(
            "position",
            "integer",
            lambda x: x[1],
            "Position in the agreement's milestones (from 0)",
            required=True,
        ),
        *_category_of("kind", MilestoneKind, "Lifecycle step", ordered=True),
        *_date("date", lambda x: x[2].date, "Date", required=True),
        *_col("party", "string", lambda x: x[2].party, "Party that approved (alpha-3)"),
        *_col(
            "place", "string", lambda x: x[2].place, "Id of the place", references=("places", "id")
        ),
        *_col(
            "people",
            "string",
            lambda x: _join(x[2].people, ID_SEPARATOR),
            f"Ids of the people involved (joined with '{ID_SEPARATOR}')",
        ),
        *_col("note", "string", lambda x: x[2].note, "Caveats"),
    ]


def _category_of(
    name: str, vocabulary: type[enum.Enum], description: str, *, ordered: bool = False
) -> list[_Spec]:
    """A category column read from the nested record (the last item of the row tuple)."""
    [spec] = _category(name, vocabulary, description, ordered=ordered)
    return [_Spec(spec.column, lambda x: _enum_value(getattr(x[-1], name)))]


def _tenure_specs() -> list[_Spec]:
    return [
        *_col(
            "person",
            "string",
            lambda x: x[0].id,
            "Id of the person",
            required=True,
            references=("people", "id"),
        ),
        *_col(
            "position",
            "integer",
            lambda x: x[1],
            "Position in the person's tenures (from 0)",
            required=True,
        ),
        *_col(
            "post",
            "string",
            lambda x: x[2].post,
            "Id of the post",
            required=True,
            references=("posts", "id"),
        ),
        *_date("start", lambda x: x[2].start, "Start (appointment)"),
        *_date("end", lambda x: x[2].end, "End (the successor's first day)"),
        *_col(
            "ongoing",
            "boolean",
            lambda x: x[2].ongoing,
            "Still held at the dataset's as_of",
            required=True,
        ),
        *_col(
            "attested",
            "string",
            lambda x: _join(x[2].attested, TEXT_SEPARATOR),
            f"EDTF days a source shows the person in the post (joined with '{TEXT_SEPARATOR}')",
        ),
        *_col("note", "string", lambda x: x[2].note, "Caveats"),
    ]


def _label_specs() -> list[_Spec]:
    return [
        *_col("record", "string", lambda x: x[0], "Id of the record named", required=True),
        *_col("collection", "string", lambda x: x[1], "Collection of the record", required=True),
        *_col(
            "position",
            "integer",
            lambda x: x[2],
            "Position in the record's labels (from 0)",
            required=True,
        ),
        *_col("language", "string", lambda x: x[3].language, "BCP 47 language tag", required=True),
        *_col("text", "string", lambda x: x[3].text, "The name", required=True),
    ]


def _citation_specs() -> list[_Spec]:
    return [
        *_col("record", "string", lambda x: x[0], "Id of the citing record", required=True),
        *_col("collection", "string", lambda x: x[1], "Collection of the record", required=True),
        *_col(
            "path",
            "string",
            lambda x: x[2],
            "Where the citation sits in the record (citations[0], milestones[1].citations[0])",
            required=True,
        ),
        *_col(
            "source",
            "string",
            lambda x: x[3].source,
            "Id of the source",
            required=True,
            references=("sources", "id"),
        ),
        *_col("quote", "string", lambda x: x[3].quote, "Short verbatim quote", required=True),
        *_col("locator", "string", lambda x: x[3].locator, "Where in the source"),
    ]


_RECORD_SPECS: Final[dict[str, tuple[Callable[[], list[_Spec]], str]]] = {
    "sources": (_source_specs, "One row per source"),
    "places": (_place_specs, "One row per place"),
    "organizations": (_organization_specs, "One row per organization"),
    "posts": (_post_specs, "One row per post (office)"),
    "people": (_person_specs, "One row per person"),
    "agreements": (_agreement_specs, "One row per agreement"),
    "mechanisms": (_mechanism_specs, "One row per mechanism"),
    "events": (_event_specs, "One row per event"),
    "figures": (_figure_specs, "One row per figure"),
    "topics": (_topic_specs, "One row per topic"),
}

TABLE_NAMES: Final = (*_RECORD_SPECS, "agreement_milestones", "tenures", "labels", "citations")
"""Every table, in the order they are built and exported."""


def _table(
    name: str,
    description: str,
    specs: Sequence[_Spec],
    items: Iterable[Any],
    key: tuple[str, ...],
) -> Table:
    getters = [s.get for s in specs]
    rows = tuple(tuple(get(item) for get in getters) for item in items)
    return Table(
        name=name,
        description=description,
        columns=tuple(s.column for s in specs),
        rows=rows,
        primary_key=key,
    )


def _citation_rows(ds: Dataset) -> list[tuple[str, str, str, Citation]]:
    rows: list[tuple[str, str, str, Citation]] = []
    for cname in _RECORD_SPECS:
        for r in getattr(ds, cname):
            for i, c in enumerate(getattr(r, "citations", ())):
                rows.append((r.id, cname, f"citations[{i}]", c))
            for j, m in enumerate(getattr(r, "milestones", ())):
                for i, c in enumerate(m.citations):
                    rows.append((r.id, cname, f"milestones[{j}].citations[{i}]", c))
            for j, t in enumerate(getattr(r, "tenures", ())):
                for i, c in enumerate(t.citations):
                    rows.append((r.id, cname, f"tenures[{j}].citations[{i}]", c))
    return rows


def _label_rows(ds: Dataset) -> list[tuple[str, str, int, Label]]:
    return [
        (r.id, cname, i, label)
        for cname in _RECORD_SPECS
        for r in getattr(ds, cname)
        for i, label in enumerate(getattr(r, "labels", ()))
    ]


def tables(ds: Dataset) -> dict[str, Table]:
    """Every flat table of a dataset, in ``TABLE_NAMES`` order.

    See the module docstring for the tables and their columns.
    """
    out: dict[str, Table] = {}
    for cname, (specs, description) in _RECORD_SPECS.items():
        out[cname] = _table(cname, description, specs(), getattr(ds, cname), ("id",))
    out["agreement_milestones"] = _table(
        "agreement_milestones",
        "One row per milestone of an agreement, in lifecycle order",
        _milestone_specs(),
        ((a, i, m) for a in ds.agreements for i, m in enumerate(a.milestones)),
        ("agreement", "position"),
    )
    out["tenures"] = _table(
        "tenures",
        "One row per tenure of a person in a post",
        _tenure_specs(),
        ((p, i, t) for p in ds.people for i, t in enumerate(p.tenures)),
        ("person", "position"),
    )
    out["labels"] = _table(
        "labels",
        "One row per name of a record in another language",
        _label_specs(),
        _label_rows(ds),
        ("record", "position"),
    )
    out["citations"] = _table(
        "citations",
        "One row per citation of a record, milestone or tenure",
        _citation_specs(),
        _citation_rows(ds),
        ("record", "path"),
    )
    return out


# -- pandas -------------------------------------------------------------------------------


def to_pandas(ds: Dataset) -> dict[str, Any]:
    """One pandas DataFrame per table (needs the ``pandas`` extra).

    The frames are those of the module docstring: one per collection (one row per
    record, ``id`` first) and ``agreement_milestones``, ``tenures``, ``labels`` and
    ``citations`` (nested lists, each with its parent's id). Column dtypes:

    * EDTF date texts and other text: ``"string"``;
    * ``<field>_earliest`` and ``<field>_latest``: ``datetime64[s]`` (seconds, so
      that every year 0001-9999 fits), ``NaT`` when the date is absent;
    * integers: ``int64`` (``Int64`` when they can be missing), numbers
      ``float64``, flags ``bool``;
    * kinds and statuses: ``category`` with every allowed value as a category
      (milestone kinds ordered as the lifecycle is).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = _pandas("Dataset.to_pandas()")
    return {name: _frame(pd, table) for name, table in tables(ds).items()}


def _pandas(what: str) -> Any:
    try:
        import pandas as pd
    except ImportError:
        from canjapan.exceptions import MissingExtraError

        raise MissingExtraError(what, "pandas", "pandas") from None
    return pd


def _frame(pd: Any, table: Table) -> Any:
    data: dict[str, Any] = {}
    for i, column in enumerate(table.columns):
        values = [row[i] for row in table.rows]
        data[column.name] = pd.Series(values, dtype=_dtype(pd, column), name=column.name)
    return pd.DataFrame(data, columns=[c.name for c in table.columns])


def _dtype(pd: Any, column: Column) -> Any:
    kind = column.type
    if kind in ("string", "edtf"):
        return "string"
    if kind == "date":
        return "datetime64[s]"
    if kind == "integer":
        return "int64" if column.required else "Int64"
    if kind == "number":
        return "float64"
    if kind == "boolean":
        return "bool" if column.required else "boolean"
    return pd.CategoricalDtype(list(column.categories), ordered=column.ordered)


# -- query results ------------------------------------------------------------------------


def records_table(collection: str, records: Iterable[Any]) -> Table:
    """The flat table of some records of one collection (``"agreements"``): the
    columns of that collection's table in ``tables``."""
    try:
        specs, description = _RECORD_SPECS[collection]
    except KeyError:
        msg = f"no collection {collection!r}; expected one of: {', '.join(_RECORD_SPECS)}"
        raise ValueError(msg) from None
    return _table(collection, description, specs(), records, ("id",))


def records_frame(collection: str, records: Iterable[Any]) -> Any:
    """``records_table`` as a pandas DataFrame (needs the ``pandas`` extra)."""
    pd = _pandas(f"{collection}.to_pandas()")
    return _frame(pd, records_table(collection, records))


def _collection_of(record: object) -> str:
    return _COLLECTION_OF[type(record)]


_COLLECTION_OF: Final[dict[type, str]] = dict(
    zip(
        (Source, Place, Organization, Post, Person, Agreement, Mechanism, Event, Figure, Topic),
        _RECORD_SPECS,
        strict=True,
    )
)
"""Record class to collection name."""


def _collections_category(name: str, description: str) -> list[_Spec]:
    column = Column(
        name=name,
        type="category",
        description=description,
        required=True,
        categories=tuple(_RECORD_SPECS),
    )
    return [_Spec(column, lambda x: _collection_of(x.record))]


def timeline_table(entries: Iterable[Any]) -> Table:
    """One row per timeline entry: its dates (EDTF text, first and last day), kind,
    the record's collection and id, and the title."""
    kinds = Column(
        name="kind",
        type="category",
        description="Milestone or event kind",
        required=True,
        categories=(*(k.value for k in MilestoneKind), *(k.value for k in EventKind)),
    )
    specs = [
        *_date("date", lambda e: e.date, "Date (an event's start)", required=True),
        *_date("end", lambda e: e.end, "An event's last day"),
        _Spec(kinds, lambda e: e.kind),
        *_collections_category("collection", "Collection of the record"),
        *_col("id", "string", lambda e: e.record.id, "Id of the record", required=True),
        *_col("title", "string", lambda e: e.title, "One-line description", required=True),
    ]
    return _table("timeline", "One row per timeline entry", specs, entries, ())


def timeline_frame(entries: Iterable[Any]) -> Any:
    """``timeline_table`` as a pandas DataFrame (needs the ``pandas`` extra)."""
    return _frame(_pandas("Timeline.to_pandas()"), timeline_table(entries))


def search_table(hits: Iterable[Any]) -> Table:
    """One row per search hit: the record's id, collection and name, what matched
    and the score."""
    specs = [
        *_col("id", "string", lambda h: h.record.id, "Id of the record", required=True),
        *_collections_category("collection", "Collection of the record"),
        *_col("name", "string", lambda h: _name_of(h.record), "Title or name", required=True),
        *_col("matched", "string", lambda h: h.matched, "The field that matched", required=True),
        *_col("score", "number", lambda h: h.score, "Score (higher is better)", required=True),
    ]
    return _table("search", "One row per search hit, best first", specs, hits, ())


def _name_of(record: Any) -> str:
    for attr in ("title", "name", "description"):
        value = getattr(record, attr, None)
        if isinstance(value, str):
            return value
    return ""  # pragma: no cover  # every record has one of them


def search_frame(hits: Iterable[Any]) -> Any:
    """``search_table`` as a pandas DataFrame (needs the ``pandas`` extra)."""
    return _frame(_pandas("SearchResults.to_pandas()"), search_table(hits))


def holders_table(result: Any) -> Table:
    """One row per holder of an [`OfficeHolders`][canjapan.OfficeHolders], certain ones first:
    post, person, name, status and the tenure's dates."""
    from canjapan._status import OfficeState

    status = Column(
        name="status",
        type="category",
        description="held (certainly in office on the date) or possibly held",
        required=True,
        categories=(OfficeState.HELD.value, OfficeState.POSSIBLY_HELD.value),
    )
    rows = [(OfficeState.HELD.value, h) for h in result.certain]
    rows += [(OfficeState.POSSIBLY_HELD.value, h) for h in result.possible]
    specs = [
        *_col("post", "string", lambda _: result.post.id, "Id of the post", required=True),
        *_col("person", "string", lambda x: x[1].person.id, "Id of the person", required=True),
        *_col("name", "string", lambda x: x[1].person.name, "Name", required=True),
        _Spec(status, lambda x: x[0]),
        *_date("start", lambda x: x[1].tenure.start, "Start of the tenure"),
        *_date("end", lambda x: x[1].tenure.end, "End of the tenure"),
        *_col(
            "ongoing",
            "boolean",
            lambda x: x[1].tenure.ongoing,
            "Still held at the dataset's as_of",
            required=True,
        ),
    ]
    return _table("holders", "One row per holder of the post on the date", specs, rows, ())


def holders_frame(result: Any) -> Any:
    """``holders_table`` as a pandas DataFrame (needs the ``pandas`` extra)."""
    return _frame(_pandas("OfficeHolders.to_pandas()"), holders_table(result))
