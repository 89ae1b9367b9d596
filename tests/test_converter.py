"""Tests for canjapan._converter: round trips, canonical bytes and the fast path."""

from __future__ import annotations

import gc
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import canjapan
from canjapan import _converter
from canjapan._dataset import COLLECTIONS
from canjapan.testing.strategies import datasets
from tests.profiles import examples

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


def no_careful_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the careful (whole-input) path fail, so only a streamed load can succeed."""

    def careful(*args: object, **kwargs: object) -> Any:
        raise AssertionError("the careful path was taken")

    monkeypatch.setattr(_converter, "_parse_json", careful)


def written(
    value: Any,
    *,
    sep: str = ": ",
    escape_colons: bool = False,
    twice: tuple[Any, ...] | None = None,
    first: str = "",
    here: tuple[Any, ...] = (),
) -> str:
    """JSON text of ``value`` with ``sep`` between keys and values, colons in strings
    written as ``\\u003a`` if ``escape_colons``, and the first key of the object at
    path ``twice`` given twice (first with the value ``first``)."""

    def text(s: str) -> str:
        out = json.dumps(s, ensure_ascii=False)
        return out.replace(":", "\\u003a") if escape_colons else out

    if isinstance(value, dict):
        items = [
            f"{text(k)}{sep}{written(v, sep=sep, escape_colons=escape_colons, twice=twice, first=first, here=(*here, k))}"  # noqa: E501
            for k, v in value.items()
        ]
        if here == twice:
            items.insert(0, f"{text(next(iter(value)))}{sep}{text(first)}")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        parts = (
            written(
                v, sep=sep, escape_colons=escape_colons, twice=twice, first=first, here=(*here, i)
            )
            for i, v in enumerate(value)
        )
        return "[" + ",\n".join(parts) + "]"
    return text(value) if isinstance(value, str) else json.dumps(value)


def objects_in(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every non-empty JSON object in ``value``."""
    found: list[tuple[Any, ...]] = [here] if isinstance(value, dict) and value else []
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            found += objects_in(v, (*here, k))
    return found


SEPARATORS = st.sampled_from([":", ": ", " : ", "\n:\t"])
COLONY = st.text(alphabet=st.sampled_from('a :"\\u'), max_size=6)  # colons, quotes, escapes


class TestDuplicateKeys:
    """A key given twice anywhere is refused, however the text is laid out; valid
    text with colons in its strings still streams."""

    @settings(
        max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(ds=datasets(max_agreements=4, max_events=4), data=st.data())
    def test_any_duplicate_key_is_refused(
        self, ds: canjapan.Dataset, data: st.DataObject, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A key given twice in any object, with any first value, fails the load and
        the problem names the key, from text and from a file read in chunks of any
        size."""
        monkeypatch.setattr(_converter, "_CHUNK", data.draw(st.sampled_from([1, 7, 64, 1 << 20])))
        raw = json.loads(canjapan.dumps(ds))
        twice = data.draw(st.sampled_from(objects_in(raw)))
        text = written(
            raw,
            sep=data.draw(SEPARATORS),
            escape_colons=data.draw(st.booleans()),
            twice=twice,
            first=data.draw(COLONY),
        )
        with pytest.raises(canjapan.DatasetError) as info:
            canjapan.loads(text)
        [problem] = info.value.problems
        assert problem.message.startswith("not valid JSON: duplicate key")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dataset.json"
            path.write_text(text, encoding="utf-8")
            with pytest.raises(canjapan.DatasetError, match="duplicate key"):
                canjapan.load(path)

    @settings(
        max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(ds=datasets(max_agreements=4, max_events=4), sep=SEPARATORS)
    def test_colons_in_strings_stream(
        self, ds: canjapan.Dataset, sep: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text whatever its separators, and with colons in its strings, loads
        through the stream alone."""
        text = written(json.loads(canjapan.dumps(ds)), sep=sep)
        with tempfile.TemporaryDirectory() as tmp, monkeypatch.context() as m:
            path = Path(tmp) / "dataset.json"
            path.write_text(text, encoding="utf-8")
            no_careful_path(m)
            assert canjapan.loads(text) == ds
            assert canjapan.load(path) == ds

    def test_colon_counts(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Strings with colons stream; a duplicate key is refused even where the colons
        of a dropped value would balance the count; escaped colons take the careful way."""
        ds = canjapan.load(MINI)
        raw = json.loads(canjapan.dumps(ds))
        place = raw["places"][0]
        place["note"] = "Note: one: two"
        with_colons = written(raw)
        assert canjapan.loads(with_colons).places[0].note == "Note: one: two"
        path = ("places", 0)
        for first in ("", "a:b", "::::"):
            with pytest.raises(canjapan.DatasetError, match="duplicate key 'id'"):
                canjapan.loads(written(raw, twice=path, first=first))
        # All colons in strings escaped: the colons are the keys, and the text streams.
        escaped = written(raw, escape_colons=True)
        assert "\\u003a" in escaped
        # One escaped, others not: the count cannot tell, so the careful way decides.
        mixed = with_colons.replace("Note: one", "Note\\u003a one", 1)
        assert mixed != with_colons
        assert canjapan.loads(mixed) == canjapan.loads(escaped) == canjapan.loads(with_colons)
        no_careful_path(monkeypatch)
        canjapan.loads(with_colons)
        canjapan.loads(escaped)
        with pytest.raises(AssertionError, match="careful path"):
            canjapan.loads(mixed)
        file = tmp_path / "mixed.json"
        file.write_text(mixed, encoding="utf-8")
        with pytest.raises(AssertionError, match="careful path"):
            canjapan.load(file)

    @pytest.mark.parametrize(
        ("written_as", "escaped"),
        [
            ("\\u003a", True),
            ("\\u003A", True),
            ("\\\\u003a", False),  # an escaped backslash, then u003a
            ("\\\\\\u003a", True),  # an escaped backslash, then an escaped colon
            ("\\u003b", False),
        ],
    )
    def test_escaped_colons(self, written_as: str, escaped: bool) -> None:
        """Only a real escape is taken for an escaped colon."""
        assert bool(_converter._ESCAPED_COLON.search(f'"a{written_as}b"')) is escaped


class TestStreaming:
    """Valid input is streamed a record at a time, from text, bytes, files and folders."""

    @settings(
        max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(ds=datasets(), chunk=st.integers(1, 64))
    def test_any_chunk_size(
        self, ds: canjapan.Dataset, chunk: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Files read in chunks of any size, cutting values anywhere, load unchanged."""
        monkeypatch.setattr(_converter, "_CHUNK", chunk)
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / "one.json"
            canjapan.dump(ds, file)
            canjapan.dump(ds, Path(tmp) / "folder")
            with monkeypatch.context() as m:
                no_careful_path(m)
                assert canjapan.load(file) == ds
                assert canjapan.load(Path(tmp) / "folder") == ds
                assert canjapan.loads(file.read_bytes()) == ds
                assert canjapan.loads(file.read_text(encoding="utf-8")) == ds

    def test_numbers_cut_by_a_chunk(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A number at the end of a chunk is read on into the next one."""
        monkeypatch.setattr(_converter, "_CHUNK", 1)
        stream = _converter._Stream(file=io.StringIO("[12345, 6.5e3]"))
        assert stream.value() == [12345, 6.5e3]
        stream = _converter._Stream(file=io.StringIO("12345"))
        assert stream.value() == 12345
        assert stream.peek() == ""

    def test_bundled_data_streams(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The bundled data's files load through the stream alone."""
        bundled = canjapan.load()
        no_careful_path(monkeypatch)
        assert canjapan.load(BUNDLED) == bundled

    @pytest.mark.parametrize(
        "change",
        [
            lambda t: t.replace('"name"', '"name": "again", "name"', 1),  # duplicate field
            lambda t: t.replace('"kind": "city"', '"kind": "town"'),  # a record refused
            lambda t: t + "[]",  # text after the document
            lambda t: t.replace('"version"', '"colour": 1, "version"', 1),  # unknown field
            lambda t: "\ufeff" + t,  # a byte order mark
            lambda t: t.rstrip()[:-1],  # cut short
        ],
    )
    def test_invalid_input_takes_the_careful_path(
        self, change: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """What the stream cannot take is loaded whole, which reports the problem."""
        text = change(MINI.read_text(encoding="utf-8"))
        file = tmp_path / "bad.json"
        file.write_text(text, encoding="utf-8")
        with pytest.raises(canjapan.DatasetError) as from_text:
            canjapan.loads(text)
        with pytest.raises(canjapan.DatasetError) as from_file:
            canjapan.load(file)
        assert from_file.value.problems[0].message == from_text.value.problems[0].message
        no_careful_path(monkeypatch)
        with pytest.raises(AssertionError, match="careful path"):
            canjapan.loads(text)

    def test_nested_object_with_an_id(self) -> None:
        """A nested object that has an id is not taken for a record: the unknown field
        is reported where it is."""
        text = MINI.read_text(encoding="utf-8")
        bad = text.replace('"quote": "', '"id": "x", "quote": "', 1)
        with pytest.raises(canjapan.DatasetError) as info:
            canjapan.loads(bad)
        [problem] = info.value.problems
        assert problem.path.endswith("citations[0]")
        assert problem.message == "unknown field: id"

    def test_surrogate_pair_loads(self) -> None:
        """An escaped surrogate pair is valid JSON: the careful path loads it."""
        text = MINI.read_text(encoding="utf-8")
        ds = canjapan.loads(text.replace('"quote": "', '"quote": "\\ud83d\\ude00 ', 1))
        assert "\U0001f600" in canjapan.dumps(ds)


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
