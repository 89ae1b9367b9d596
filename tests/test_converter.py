"""Tests for canjapan._converter: round trips, canonical bytes and the fast path."""

from __future__ import annotations

import gc
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import canjapan
from canjapan import _converter
from canjapan._dataset import COLLECTIONS
from canjapan.testing.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "src" / "canjapan" / "data"
MINI = Path(__file__).resolve().parent / "data" / "mini.json"

# JSON values that are wrong for most fields in some way.


class TestRoundTrip:
    """Datasets survive dumping and loading unchanged."""

    @given(datasets())
    def test_loads_dumps_round_trip(self, ds: canjapan.Dataset) -> None:
        """loads(dumps(ds)) == ds for any generated dataset."""
        assert canjapan.loads(canjapan.dumps(ds)) == ds

    @given(datasets())
    def test_dumps_is_stable(self, ds: canjapan.Dataset) -> None:
        """Dumping the reloaded dataset gives the same text again."""
        text = canjapan.dumps(ds)
        assert canjapan.dumps(canjapan.loads(text)) == text

    @given(datasets(max_agreements=4, max_events=4))
    def test_directory_round_trip(self, ds: canjapan.Dataset) -> None:
        """dump(ds, directory) then load(directory) gives the dataset back."""
        with tempfile.TemporaryDirectory() as tmp:
            canjapan.dump(ds, Path(tmp) / "out")
            assert canjapan.load(Path(tmp) / "out") == ds

    @given(datasets(max_agreements=4, max_events=4))
    def test_single_file_round_trip(self, ds: canjapan.Dataset) -> None:
        """dump(ds, 'x.json') writes one file that loads back to the dataset."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dataset.json"
            canjapan.dump(ds, path)
            assert path.read_text(encoding="utf-8") == canjapan.dumps(ds)
            assert canjapan.load(path) == ds

    def test_mini_round_trip(self) -> None:
        """The small test dataset reloads equal from its canonical text."""
        ds = canjapan.load(MINI)
        assert canjapan.loads(canjapan.dumps(ds)) == ds


class TestCanonicalBytes:
    """The bundled files are in canonical form."""

    def test_bundled_files_are_canonical(self) -> None:
        """Each file of src/canjapan/data is byte-identical to dump_files(load())."""
        if not (BUNDLED / "dataset.json").is_file():
            pytest.skip("no bundled dataset yet (src/canjapan/data/dataset.json is missing)")
        files = _converter.dump_files(canjapan.load())
        for name, text in files.items():
            path = BUNDLED / name
            assert path.is_file(), f"{name} is missing from src/canjapan/data"
            assert path.read_bytes() == text.encode("utf-8"), f"{name} is not canonical"

    def test_dump_files_names(self) -> None:
        """dump_files gives dataset.json and one file per collection."""
        files = _converter.dump_files(canjapan.load(MINI))
        assert set(files) == {"dataset.json"} | {f"{c}.json" for c in COLLECTIONS}
        assert json.loads(files["dataset.json"])["name"] == "Mini relationship"


class TestFastPath:
    """The fast structuring pass rebuilds valid data and leaves the GC as it was."""

    @given(datasets())
    def test_structures_every_generated_record(self, ds: canjapan.Dataset) -> None:
        """The fast path rebuilds each collection of a generated dataset exactly."""
        raw = _converter.unstructure_dataset(ds)
        collections = _converter._structure_fast({c: raw[c] for c in COLLECTIONS})
        assert collections is not None
        for cname in COLLECTIONS:
            assert collections[cname] == getattr(ds, cname)

    def test_garbage_collector_restored(self) -> None:
        """Loading leaves the garbage collector as it found it, on success and failure."""
        text = MINI.read_text(encoding="utf-8")
        assert gc.isenabled()
        canjapan.loads(text)
        assert gc.isenabled()
        with pytest.raises(canjapan.DatasetError):
            canjapan.loads(text.replace('"kind": "city"', '"kind": "town"'))
        assert gc.isenabled()
        gc.disable()
        try:
            canjapan.loads(text)
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestErrors:
    """Invalid data is reported with every problem and where it is."""

    def load_mini_with(self, change: Any) -> canjapan.DatasetError:
        raw = json.loads(MINI.read_text(encoding="utf-8"))
        change(raw)
        with pytest.raises(canjapan.DatasetError) as info:
            canjapan.loads(json.dumps(raw))
        return info.value

    def test_every_problem_is_listed(self) -> None:
        """Two bad fields in two records give two problems naming record and field."""

        def change(raw: dict[str, Any]) -> None:
            raw["places"][0]["kind"] = "town"
            raw["agreements"][1]["milestones"][0]["date"] = "2018-02-30"

        error = self.load_mini_with(change)
        where = {(p.collection, p.record, p.path) for p in error.problems}
        assert where == {
            ("places", "tokyo", "kind"),
            ("agreements", "logistics", "milestones[0].date"),
        }
        assert any("'town' is not one of" in p.message for p in error.problems)

    def test_string_for_an_array_of_records(self) -> None:
        """A string where an array of citations belongs is reported as such."""

        def change(raw: dict[str, Any]) -> None:
            raw["topics"][0]["citations"] = "democracy"

        error = self.load_mini_with(change)
        assert [(p.record, p.path) for p in error.problems] == [("democracy", "citations")]
        assert "expected an array" in error.problems[0].message

    def test_unknown_field(self) -> None:
        """A field the model does not have is named."""

        def change(raw: dict[str, Any]) -> None:
            raw["sources"][0]["author"] = "someone"

        error = self.load_mini_with(change)
        assert [(p.record, p.message) for p in error.problems] == [
            ("src-backgrounder", "unknown field: author")
        ]
