"""Exports for other tools: canonical JSON, CSV per table, a Frictionless Data Package.

* ``json``: the canonical directory layout (``dataset.json`` and one file per
  collection, as ``canjapan._converter.dump_files`` gives it), which
  [`canjapan.load`][canjapan.load] reads back.
* ``csv``: one CSV file per flat table of ``canjapan._frames`` (the same tables
  as ``Dataset.to_pandas()``), written with the ``csv`` module: UTF-8, a header
  row, RFC 4180 quoting and line ends, ``true``/``false`` for flags, ISO 8601
  days for ``*_earliest``/``*_latest`` columns, and an empty cell for a missing
  value.
* ``datapackage``: the CSV files plus ``datapackage.json``, a Frictionless
  (Tabular) Data Package describing each file with a Table Schema: field types,
  descriptions, allowed values, the primary key and the foreign keys between the
  files, so that R, spreadsheets and SQL engines can load the data typed.
* ``ics``: ``calendar.ics``, every event and agreement milestone as an all-day
  iCalendar (RFC 5545) entry (see ``canjapan._ics``).
* ``parquet``: one Parquet file per flat table, with typed columns (needs the
  ``parquet`` extra; see ``canjapan._parquet``).

Every export is deterministic: the same dataset gives the same bytes (for
``parquet``, with the same pyarrow version). An export refuses a directory that
already holds anything unless ``force=True``; every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from canjapan._files import write_files
from canjapan._frames import Column, Table, Value, tables
from canjapan.exceptions import DirectoryNotEmptyError

if TYPE_CHECKING:
    from canjapan._dataset import Dataset

__all__ = ["FORMATS", "csv_texts", "datapackage", "export"]

FORMATS: Final = ("json", "csv", "datapackage", "ics", "parquet")
"""The formats ``export`` writes."""
DATAPACKAGE_FILE: Final = "datapackage.json"

_TABLE_SCHEMA_TYPES: Final = {
    "string": "string",
    "edtf": "string",
    "category": "string",
    "date": "date",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}


def export(
    dataset: Dataset, out_dir: str | os.PathLike[str], *, fmt: str, force: bool = False
) -> list[Path]:
    """Write a dataset into a directory in one of ``FORMATS``.

    Args:
        dataset: The dataset to export.
        out_dir: The directory to write into; created if needed. It must be empty
            (or not exist) unless ``force`` is true.
        fmt: ``"json"``, ``"csv"``, ``"datapackage"``, ``"ics"`` or ``"parquet"``
            (see the module docstring).
        force: Write into a directory that already holds files: files of the same
            names are replaced, other files are left alone.

    Returns:
        The paths written, in a stable order: the JSON files in the canonical
        layout's order, the CSV or Parquet files in table order (then
        ``datapackage.json``), or ``calendar.ics``.

    Raises:
        ValueError: ``fmt`` is not one of ``FORMATS``.
        DirectoryNotEmptyError: ``out_dir`` holds something and ``force`` is false.
        MissingExtraError: ``fmt`` is ``"parquet"`` and pyarrow is not installed.
    """
    if fmt not in FORMATS:
        msg = f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    directory = Path(out_dir)
    if not force:
        _check_empty(directory)
    data: dict[str, bytes]
    if fmt == "json":
        from canjapan._converter import dump_files

        data = _encode(dump_files(dataset))
    elif fmt == "ics":
        from canjapan._ics import ICS_FILE, ics_text

        data = _encode({ICS_FILE: ics_text(dataset)})
    elif fmt == "parquet":
        from canjapan._parquet import parquet_bytes, require_pyarrow

        require_pyarrow()  # before building the tables: a missing extra fails at once
        data = parquet_bytes(tables(dataset))
    else:
        flat = tables(dataset)
        files = csv_texts(flat)
        if fmt == "datapackage":
            files[DATAPACKAGE_FILE] = _json(datapackage(dataset, flat))
        data = _encode(files)
    staged = {directory / name: content for name, content in data.items()}
    directory.mkdir(parents=True, exist_ok=True)
    write_files(staged)
    return list(staged)


def _check_empty(directory: Path) -> None:
    """Refuse a directory that holds anything (a missing one, or a file, is left to mkdir)."""
    if not directory.is_dir():
        return
    with os.scandir(directory) as entries:
        names = sorted(entry.name for entry in entries)
    if names:
        raise DirectoryNotEmptyError(str(directory), names)


def _encode(files: dict[str, str]) -> dict[str, bytes]:
    return {name: text.encode("utf-8") for name, text in files.items()}


# -- CSV ----------------------------------------------------------------------------------


def csv_texts(flat: dict[str, Table]) -> dict[str, str]:
    """The text of one CSV file per table: file name to text, in table order."""
    return {f"{name}.csv": _csv_text(table) for name, table in flat.items()}


def _csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# -- Data Package ------------------------------------------------------------------------


def datapackage(dataset: Dataset, flat: dict[str, Table] | None = None) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the CSV export of ``dataset``.

    A Tabular Data Package (Frictionless Data, v1 profiles): one resource per CSV
    file, each with a Table Schema giving its fields' types (``string``,
    ``integer``, ``number``, ``boolean``, and ``date`` for ``*_earliest`` and
    ``*_latest``), allowed values of kinds and statuses, required fields, the
    primary key (``id``, or the parent's id and a position for nested tables) and
    foreign keys for columns holding one id of another table.
    """
    flat = tables(dataset) if flat is None else flat
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": _package_name(dataset.name),
        "title": dataset.name,
        "version": dataset.version,
    }
    if dataset.description is not None:
        descriptor["description"] = dataset.description
    descriptor["keywords"] = ["canjapan", "edtf"]
    descriptor["resources"] = [_resource(table) for table in flat.values()]
    return descriptor


def _package_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-")
    return slug or "dataset"


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key)
        if len(table.primary_key) > 1
        else table.primary_key[0],
    }
    foreign_keys = [
        {
            "fields": c.name,
            "reference": {
                # A key into the same resource is written with an empty resource name.
                "resource": "" if c.references[0] == table.name else c.references[0],
                "fields": c.references[1],
            },
        }
        for c in table.columns
        if c.references is not None
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": f"{table.name}.csv",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TABLE_SCHEMA_TYPES[column.type],
        "description": column.description,
    }
    if column.type == "date":
        field["format"] = "default"
    elif column.type == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.categories:
        constraints["enum"] = list(column.categories)
    if constraints:
        field["constraints"] = constraints
    return field


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
