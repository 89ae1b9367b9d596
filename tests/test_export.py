"""Tests of canjapan._export: JSON, CSV and Frictionless Data Package exports."""

from __future__ import annotations

import csv
import json
import pickle
from datetime import date
from pathlib import Path

import pytest

import canjapan
from canjapan._converter import dump_files
from canjapan._export import FORMATS, datapackage, export
from canjapan._frames import TABLE_NAMES, tables
from canjapan.exceptions import DirectoryNotEmptyError


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class TestJson:
    """fmt="json": the canonical directory layout."""

    def test_writes_the_canonical_files(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The files are dump_files' names and texts, in its order."""
        written = export(mini, tmp_path, fmt="json")
        expected = dump_files(mini)
        assert [p.name for p in written] == list(expected)
        for path in written:
            assert path.read_text(encoding="utf-8") == expected[path.name]

    def test_loads_back_equal(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The exported directory loads back as an equal dataset."""
        export(mini, tmp_path, fmt="json")
        assert canjapan.load(tmp_path) == mini


class TestCsv:
    """fmt="csv": one CSV file per flat table."""

    def test_one_file_per_table(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The paths are the tables' CSV files, in table order, and exist."""
        written = export(mini, tmp_path / "new" / "dir", fmt="csv")
        assert [p.name for p in written] == [f"{n}.csv" for n in TABLE_NAMES]
        assert all(p.is_file() and p.parent == tmp_path / "new" / "dir" for p in written)

    def test_rows_and_header_match_tables(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Each file has the table's header and one line per row."""
        flat = tables(mini)
        export(mini, tmp_path, fmt="csv")
        for name, table in flat.items():
            with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as f:
                lines = list(csv.reader(f))
            assert lines[0] == [c.name for c in table.columns]
            assert len(lines) - 1 == len(table.rows)

    def test_cells(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Dates, flags, numbers, lists and missing values are written plainly."""
        export(mini, tmp_path, fmt="csv")
        agreements = {r["id"]: r for r in read_csv(tmp_path / "agreements.csv")}
        logistics = agreements["logistics"]
        assert logistics["entered_into_force"] == "2019-07"
        assert logistics["entered_into_force_earliest"] == "2019-07-01"
        assert logistics["entered_into_force_latest"] == "2019-07-31"
        assert logistics["terminated"] == ""
        assert agreements["declaration"]["parties"] == "CAN,JPN"
        figure = read_csv(tmp_path / "figures.csv")[0]
        assert float(figure["value"]) == 1500
        assert figure["approximate"] == "true"
        tenures = {r["person"]: r for r in read_csv(tmp_path / "tenures.csv")}
        assert tenures["noda"]["ongoing"] == "true"
        assert tenures["kan"]["ongoing"] == "false"

    def test_quotes_and_newlines_round_trip(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Commas, quotes and line breaks in text survive a CSV reader."""
        note = 'A "quoted" note, with a comma\nand a second line'
        figures = [
            canjapan.Figure(
                id=f.id,
                description=f.description,
                value=0.125,
                unit=f.unit,
                citations=f.citations,
                note=note,
            )
            for f in mini.figures
        ]
        export(mini.replace(figures=figures), tmp_path, fmt="csv")
        row = read_csv(tmp_path / "figures.csv")[0]
        assert row["note"] == note
        assert float(row["value"]) == 0.125

    def test_deterministic(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Exporting twice writes the same bytes."""
        for fmt in FORMATS:
            first = export(mini, tmp_path / fmt / "a", fmt=fmt)
            second = export(mini, tmp_path / fmt / "b", fmt=fmt)
            assert [p.name for p in first] == [p.name for p in second]
            for a, b in zip(first, second, strict=True):
                assert a.read_bytes() == b.read_bytes()

    def test_unknown_format(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """An unknown format is refused before anything is written."""
        with pytest.raises(ValueError, match="xlsx"):
            export(mini, tmp_path / "out", fmt="xlsx")
        assert not (tmp_path / "out").exists()


class TestForce:
    """A directory that holds anything is refused unless force=True."""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_non_empty_refused(self, mini: canjapan.Dataset, tmp_path: Path, fmt: str) -> None:
        """Every format refuses a non-empty directory and writes nothing into it."""
        (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
        with pytest.raises(DirectoryNotEmptyError, match="force=True") as info:
            export(mini, tmp_path, fmt=fmt)
        assert info.value.path == str(tmp_path)
        assert info.value.entries == ("keep.txt",)
        assert isinstance(info.value, FileExistsError)
        assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]

    def test_a_hidden_file_counts(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """A directory holding only a dotfile (or a subdirectory) is not empty."""
        (tmp_path / ".git").mkdir()
        with pytest.raises(DirectoryNotEmptyError, match=r"1 entries: \.git"):
            export(mini, tmp_path, fmt="csv")

    def test_an_earlier_export_is_refused(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Exporting twice into one directory needs force the second time."""
        first = export(mini, tmp_path, fmt="csv")
        before = {p: p.read_bytes() for p in first}
        with pytest.raises(DirectoryNotEmptyError):
            export(mini.replace(figures=[]), tmp_path, fmt="csv")
        assert {p: p.read_bytes() for p in first} == before

    def test_force_replaces_and_keeps_other_files(
        self, mini: canjapan.Dataset, tmp_path: Path
    ) -> None:
        """With force=True files of the same names are replaced and others are left alone."""
        (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
        (tmp_path / "figures.csv").write_text("stale", encoding="utf-8")
        written = export(mini, tmp_path, fmt="csv", force=True)
        assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
        assert read_csv(tmp_path / "figures.csv")[0]["id"] == mini.figures[0].id
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [*(p.name for p in written), "keep.txt"]
        )

    def test_empty_or_missing_directory(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """An existing empty directory and a missing one are both written without force."""
        (tmp_path / "empty").mkdir()
        assert export(mini, tmp_path / "empty", fmt="json")
        assert export(mini, tmp_path / "missing" / "deeper", fmt="json")

    def test_message(self) -> None:
        """The message names the directory, the count and the first entries; it pickles."""
        error = DirectoryNotEmptyError("out", ["a", "b", "c", "d"])
        assert str(error) == (
            "out is not empty (4 entries: a, b, c, ...); pass force=True to write into it"
        )
        copy = pickle.loads(pickle.dumps(error))
        assert (copy.path, copy.entries, str(copy)) == (error.path, error.entries, str(error))
        assert isinstance(error, canjapan.CanjapanError)


class TestDatapackage:
    """fmt="datapackage": the CSV files and a Frictionless descriptor."""

    def test_descriptor(self, mini: canjapan.Dataset) -> None:
        """A resource per CSV with typed fields, keys and foreign keys."""
        descriptor = datapackage(mini)
        resources = {r["name"]: r for r in descriptor["resources"]}
        assert list(resources) == list(TABLE_NAMES)
        events = resources["events"]
        assert events["path"] == "events.csv"
        fields = {f["name"]: f for f in events["schema"]["fields"]}
        assert fields["start"]["type"] == "string"
        assert fields["start_earliest"]["type"] == "date"
        assert fields["end_latest"]["type"] == "date"
        assert fields["sequence"]["type"] == "integer"
        assert "held" in fields["status"]["constraints"]["enum"]
        assert events["schema"]["primaryKey"] == "id"
        foreign = {fk["fields"]: fk["reference"] for fk in events["schema"]["foreignKeys"]}
        assert foreign["place"] == {"resource": "places", "fields": "id"}
        assert foreign["mechanism"] == {"resource": "mechanisms", "fields": "id"}
        figures = {f["name"]: f for f in resources["figures"]["schema"]["fields"]}
        assert figures["value"]["type"] == "number"
        assert figures["approximate"]["type"] == "boolean"
        assert resources["citations"]["schema"]["primaryKey"] == ["record", "path"]
        parent = resources["organizations"]["schema"]["foreignKeys"][0]
        assert parent == {"fields": "parent", "reference": {"resource": "", "fields": "id"}}

    def test_writes_csv_then_descriptor(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The paths are the CSV files then datapackage.json, whose paths all exist."""
        written = export(mini, tmp_path, fmt="datapackage")
        assert [p.name for p in written] == [f"{n}.csv" for n in TABLE_NAMES] + ["datapackage.json"]
        descriptor = json.loads(written[-1].read_text(encoding="utf-8"))
        assert descriptor["name"] == "mini-relationship"
        assert descriptor["version"] == mini.version
        for resource in descriptor["resources"]:
            assert (tmp_path / resource["path"]).is_file()

    def test_frictionless_validates(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """The frictionless package finds the package valid, keys included."""
        frictionless = pytest.importorskip("frictionless")
        written = export(mini, tmp_path, fmt="datapackage")
        report = frictionless.validate(str(written[-1]))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])

    def test_frictionless_catches_a_broken_reference(
        self, mini: canjapan.Dataset, tmp_path: Path
    ) -> None:
        """A citation to a missing source fails validation: the foreign keys are checked."""
        frictionless = pytest.importorskip("frictionless")
        written = export(mini, tmp_path, fmt="datapackage")
        path = tmp_path / "citations.csv"
        path.write_text(
            path.read_text(encoding="utf-8").replace(",src-backgrounder,", ",no-such-source,", 1),
            encoding="utf-8",
        )
        report = frictionless.validate(str(written[-1]))
        assert not report.valid
        assert "foreign-key" in {e[0] for e in report.flatten(["type"])}

    def test_frictionless_reads_typed_values(self, mini: canjapan.Dataset, tmp_path: Path) -> None:
        """Read through the descriptor, days are dates and flags are booleans."""
        frictionless = pytest.importorskip("frictionless")
        written = export(mini, tmp_path, fmt="datapackage")
        package = frictionless.Package(str(written[-1]))
        rows = {r["id"]: r for r in package.get_resource("agreements").read_rows()}
        assert rows["logistics"]["entered_into_force_earliest"] == date(2019, 7, 1)
        assert rows["logistics"]["entered_into_force"] == "2019-07"
        tenures = package.get_resource("tenures").read_rows()
        assert {r["person"]: r["ongoing"] for r in tenures}["noda"] is True
