"""The Parquet export: one typed Parquet file per flat table (needs the ``parquet`` extra).

The tables are those of ``canjapan._frames``, the same as the CSV export, with
Arrow types for their columns:

* EDTF date texts and other text: ``string``;
* ``<field>_earliest`` and ``<field>_latest``: ``date32`` (days);
* integers ``int64``, numbers ``double``, flags ``bool``;
* kinds and statuses: ``dictionary<int32, string>`` (ordered for milestone kinds),
  which SQL engines read as text and pandas as a categorical;
* a column that never holds a missing value is declared not nullable.

Each field carries its description in its metadata (``description``), and each
file its table's name, description and primary key (``canjapan.table``,
``canjapan.description``, ``canjapan.primary_key``, a JSON list). Files are
Snappy-compressed. Parquet holds no wall-clock time, so the same dataset gives the
same bytes with the same pyarrow version; the footer names that version
(``created_by``), so another pyarrow version may give other bytes.
"""

from __future__ import annotations

import json
from typing import Any, Final

from canjapan._frames import Column, Table

__all__ = ["PARQUET_EXTRA", "parquet_bytes"]

PARQUET_EXTRA: Final = "parquet"
"""The extra that installs pyarrow."""


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        from canjapan.exceptions import MissingExtraError

        raise MissingExtraError("The parquet export", PARQUET_EXTRA, "pyarrow") from None
    return pa, pq


def require_pyarrow() -> None:
    """Raise [`MissingExtraError`][canjapan.exceptions.MissingExtraError] unless pyarrow imports."""
    _pyarrow()


def parquet_bytes(flat: dict[str, Table]) -> dict[str, bytes]:
    """The bytes of one Parquet file per table: file name to bytes, in table order.

    Raises:
        MissingExtraError: pyarrow is not installed.
    """
    pa, pq = _pyarrow()
    out: dict[str, bytes] = {}
    for name, table in flat.items():
        arrow = _arrow_table(pa, table)
        sink = pa.BufferOutputStream()
        pq.write_table(arrow, sink, compression="snappy")
        out[f"{name}.parquet"] = sink.getvalue().to_pybytes()
    return out


def _arrow_table(pa: Any, table: Table) -> Any:
    arrays = []
    fields = []
    for i, column in enumerate(table.columns):
        values = [row[i] for row in table.rows]
        kind = _arrow_type(pa, column)
        if column.type == "category":
            dictionary = pa.array(list(column.categories), type=pa.string())
            index = {c: n for n, c in enumerate(column.categories)}
            indices = pa.array([None if v is None else index[str(v)] for v in values], pa.int32())
            array = pa.DictionaryArray.from_arrays(indices, dictionary, ordered=column.ordered)
        else:
            array = pa.array(values, type=kind)
        arrays.append(array)
        fields.append(
            pa.field(
                column.name,
                kind,
                nullable=not column.required,
                metadata={"description": column.description},
            )
        )
    metadata = {
        "canjapan.table": table.name,
        "canjapan.description": table.description,
        "canjapan.primary_key": json.dumps(list(table.primary_key)),
    }
    schema = pa.schema(fields, metadata=metadata)
    return pa.Table.from_arrays(arrays, schema=schema)


_ARROW_TYPES: Final = {
    "string": "string",
    "edtf": "string",
    "date": "date32",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool_",
}


def _arrow_type(pa: Any, column: Column) -> Any:
    if column.type == "category":
        return pa.dictionary(pa.int32(), pa.string(), ordered=column.ordered)
    return getattr(pa, _ARROW_TYPES[column.type])()
