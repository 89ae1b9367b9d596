"""Tests of canjapan._parquet: typed Parquet tables, read back with pyarrow and DuckDB."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import canjapan
from canjapan._export import export
from canjapan._frames import TABLE_NAMES, tables

IN_FORCE_SQL = """
SELECT a.id
FROM 'agreements.parquet' AS a
WHERE COALESCE(
        a.entered_into_force_latest,
        (SELECT m.date_latest FROM 'agreement_milestones.parquet' AS m
         WHERE m.agreement = a.id AND m.kind = 'in_effect'
         ORDER BY m.position LIMIT 1)
      ) <= $day
  AND (a.terminated_earliest IS NULL OR a.terminated_earliest > $day)
ORDER BY a.id
"""
"""Agreements certainly in force on $day: their effect started by then at the latest
(entry into force or adoption, else a day attested in effect) and no termination can
have come yet."""


@pytest.fixture(scope="module")
def bundled_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset exported as Parquet, once for the module."""
    out = tmp_path_factory.mktemp("parquet")
    export(canjapan.load(), out, fmt="parquet")
    return out


class TestFiles:
    """One Parquet file per flat table, with typed columns."""

    def test_one_file_per_table(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The paths are the tables' Parquet files, in table order."""
        written = export(mini, tmp_path, fmt="parquet")
        assert written == [tmp_path / f"{name}.parquet" for name in TABLE_NAMES]

    def test_column_types(self, bundled_dir: Path) -> None:
        """Dates are date32, flags bool, integers int64, categories dictionaries of text."""
        events = pq.read_schema(bundled_dir / "events.parquet")
        assert events.field("start").type == pa.string()
        assert events.field("start_earliest").type == pa.date32()
        assert events.field("end_latest").type == pa.date32()
        assert events.field("sequence").type == pa.int64()
        assert events.field("status").type == pa.dictionary(pa.int32(), pa.string())
        assert not events.field("id").nullable
        assert events.field("end").nullable
        figures = pq.read_schema(bundled_dir / "figures.parquet")
        assert figures.field("value").type == pa.float64()
        assert figures.field("approximate").type == pa.bool_()
        milestones = pq.read_schema(bundled_dir / "agreement_milestones.parquet")
        assert milestones.field("kind").type.ordered
        assert milestones.field("position").type == pa.int64()

    def test_metadata(self, bundled_dir: Path) -> None:
        """Each field has its description, each file its table's description and key."""
        flat = tables(canjapan.load())
        for name, table in flat.items():
            schema = pq.read_schema(bundled_dir / f"{name}.parquet")
            meta = schema.metadata
            assert meta[b"canjapan.table"].decode() == name
            assert meta[b"canjapan.description"].decode() == table.description
            assert json.loads(meta[b"canjapan.primary_key"]) == list(table.primary_key)
            for column in table.columns:
                field = schema.field(column.name)
                assert field.metadata[b"description"].decode() == column.description

    @pytest.mark.parametrize("name", ["mini", "bundled"])
    def test_values_round_trip(
        self, request: pytest.FixtureRequest, tmp_path: Path, name: str
    ) -> None:
        """Every table reads back with the rows of the flat table, value for value."""
        ds: canjapan.Dataset = request.getfixturevalue(name)
        export(ds, tmp_path, fmt="parquet")
        for table_name, table in tables(ds).items():
            read = pq.read_table(tmp_path / f"{table_name}.parquet")
            assert read.column_names == [c.name for c in table.columns]
            rows = list(zip(*(read.column(c).to_pylist() for c in read.column_names), strict=True))
            assert rows == [tuple(row) for row in table.rows], table_name

    def test_empty_table(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """A table with no rows is still written, typed, with no rows."""
        export(mini.replace(figures=[]), tmp_path, fmt="parquet")
        read = pq.read_table(tmp_path / "figures.parquet")
        assert read.num_rows == 0
        assert read.schema.field("value").type == pa.float64()


class TestDuckdb:
    """SQL over the files answers as the library does."""

    @pytest.mark.parametrize(
        "day", ["2020-06-01", "2010-11-13", "2010-11-14", "2019-07-15", "2019-08-01", "2026-03-17"]
    )
    def test_in_force(self, bundled_dir: Path, bundled: canjapan.Dataset, day: str) -> None:
        """The agreements certainly in force on a day, in SQL, are those of agreements_in_force."""
        con = duckdb.connect()
        con.execute(f"SET file_search_path = '{bundled_dir}'")
        got = [
            row[0] for row in con.execute(IN_FORCE_SQL, {"day": date.fromisoformat(day)}).fetchall()
        ]
        expected = sorted(a.id for a in bundled.agreements_in_force(day).certain)
        assert got == expected
        if day == "2020-06-01":
            assert got  # a question whose answer is not empty

    def test_types_in_sql(self, bundled_dir: Path) -> None:
        """DuckDB sees dates as DATE, flags as BOOLEAN and counts as BIGINT."""
        con = duckdb.connect()
        con.execute(f"SET file_search_path = '{bundled_dir}'")

        def types(name: str) -> dict[str, str]:
            rows = con.execute(f"DESCRIBE SELECT * FROM '{name}.parquet'").fetchall()
            return {str(row[0]): str(row[1]) for row in rows}

        events = types("events")
        assert events["start_earliest"] == "DATE"
        assert events["sequence"] == "BIGINT"
        assert events["kind"] == "VARCHAR"
        assert types("tenures")["ongoing"] == "BOOLEAN"
        assert types("figures")["value"] == "DOUBLE"


class TestMissingExtra:
    """Without pyarrow, the export says which extra to install and writes nothing."""

    def test_api(
        self, mini: canjapan.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """export(fmt="parquet") raises MissingExtraError naming canjapan[parquet]."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        with pytest.raises(canjapan.MissingExtraError, match=r"canjapan\[parquet\]") as info:
            export(mini, tmp_path / "out", fmt="parquet")
        assert info.value.extra == "parquet"
        assert isinstance(info.value, ImportError)
        assert not (tmp_path / "out").exists()

    def test_cli(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """canjapan export --format parquet prints one line with the install hint, exit 1."""
        from canjapan._cli import main

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        code = main(["export", "--format", "parquet", "--out", str(tmp_path / "out")])
        err = capsys.readouterr().err
        assert code == 1
        assert err.count("\n") == 1
        assert err.startswith("canjapan: canjapan export --format parquet needs pyarrow")
        assert "pip install 'canjapan[parquet]'" in err
        assert not (tmp_path / "out").exists()
