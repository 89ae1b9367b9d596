"""Fuzzing the loader: whatever the input, it gives a whole Dataset or a DatasetError.

Hypothesis generates arbitrary JSON, arbitrary bytes, and single mutations of the
bundled dataset (a field removed or added, a value of the wrong type, a bad date,
a dangling or wrong-kind reference, a duplicate id, empty, enormous or deeply
nested values). No other exception may escape, nothing is half-loaded, and a
DatasetError names the record (or the dataset or file) that was broken.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import canjapan
from canjapan import Dataset, DatasetError
from canjapan._dataset import COLLECTIONS
from tests.profiles import examples

Json = Any
Path_ = tuple[str | int, ...]
Mutation = tuple[dict[str, Json], str, int, str, set[str], str]

RAW_TOKEN = "@@raw:"
"""A string placeholder replaced by raw JSON text after dumping (for 1e999)."""


@cache
def bundled_text() -> str:
    """The bundled dataset as one canonical JSON document."""
    return canjapan.dumps(canjapan.load())


def bundled_raw() -> dict[str, Json]:
    """A fresh copy of the bundled dataset as JSON-shaped data."""
    raw: dict[str, Json] = json.loads(bundled_text())
    return raw


def to_text(raw: Json) -> str:
    """JSON text of ``raw``, with raw-token strings spliced in as raw JSON."""
    text = json.dumps(raw, ensure_ascii=False)
    marker = '"' + RAW_TOKEN
    while marker in text:
        start = text.index(marker)
        end = text.index('"', start + 1)
        text = text[:start] + text[start + len(marker) : end] + text[end + 1 :]
    return text


def record_count(raw: dict[str, Json]) -> int:
    """How many records the raw data holds."""
    return sum(len(raw.get(c, [])) for c in COLLECTIONS)


def attempt(load: Callable[[], Dataset]) -> Dataset | DatasetError:
    """The dataset that ``load`` returns, or the DatasetError it raises."""
    try:
        return load()
    except DatasetError as exc:
        return exc


def check_outcome(text: str | bytes) -> Dataset | DatasetError:
    """Load ``text``; only a Dataset or a DatasetError may come out."""
    ds = attempt(lambda: canjapan.loads(text))
    if isinstance(ds, DatasetError):
        assert ds.problems, "a DatasetError must list at least one problem"
        for p in ds.problems:
            assert p.collection in {*COLLECTIONS, "dataset", "file"}
            assert isinstance(p.message, str)
            assert p.message
            assert str(p)
        assert str(ds)
        return ds
    again = canjapan.loads(canjapan.dumps(ds).encode("utf-8"))
    assert again == ds, "a loaded dataset must dump to JSON that loads back equal"
    return ds


def paths(node: Json, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every path inside a JSON value (not the value itself)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from paths(value, (*prefix, i))


def get_at(node: Json, path: Path_) -> Json:
    """The value at ``path``."""
    for step in path:
        node = node[step]
    return node


def deep(depth: int) -> Json:
    """Arrays nested ``depth`` deep."""
    value: Json = []
    for _ in range(depth):
        value = [value]
    return value


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
bad_dates = st.sampled_from(
    [
        "2019-02-29",
        "2019-13",
        "2019-00-10",
        "0000",
        "10000",
        "2019-25",
        "2019/2020",
        "2019-07-15T10:00",
        "July 2019",
        "",
        " 2019",
        "2019??",
        "201X-07",
        "2019-07-XX",
    ]
)
odd_values = (
    st.builds(lambda: "x" * 200_000)
    | st.builds(lambda: deep(200))
    | st.sampled_from(
        [
            "",
            " ",
            "\u200b",
            "no-such-record",
            "Not A Slug",
            {"id": "nested"},
            [None],
            0,
            -1,
            2**63,
            1e308,
            -0.0,
            f"{RAW_TOKEN}1e999",
            f"{RAW_TOKEN}-1e999",
            f"{RAW_TOKEN}1{'0' * 400}",
        ]
    )
)
"""Values that stress the loader; the raw-token ones are spliced in as JSON text."""


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    """A bundled dataset with one record changed: (raw, collection, index, id, ids, what).

    ``ids`` holds the ids that a problem may name for this change (the record's
    id before and after it); ``what`` describes the change.
    """
    raw = bundled_raw()
    cname = draw(st.sampled_from([c for c in COLLECTIONS if raw[c]]))
    index = draw(st.integers(0, len(raw[cname]) - 1))
    record = raw[cname][index]
    rid = record["id"]
    all_ids = [r["id"] for c in COLLECTIONS for r in raw[c]]
    inner = list(paths(record))
    dict_paths: list[Path_] = [(), *(p for p in inner if isinstance(get_at(record, p), dict))]
    op = draw(
        st.sampled_from(
            ["delete", "extra", "replace", "date", "dangling", "reference", "duplicate"]
        )
    )
    path: Path_ = ()
    if op == "delete":
        path = draw(st.sampled_from(inner))
        parent = get_at(record, path[:-1])
        del parent[path[-1]]
    elif op == "extra":
        path = draw(st.sampled_from(dict_paths))
        key = draw(st.sampled_from(["extra", "Id", "", "id ", "x" * 1000]))
        target = get_at(record, path)
        if key in target:
            key += "-more"
        target[key] = draw(json_values)
        path = (*path, key)
    elif op == "duplicate":
        path = ("id",)
        record["id"] = draw(st.sampled_from([i for i in all_ids if i != rid]))
    else:
        path = draw(st.sampled_from(inner))
        if op == "replace":
            value = draw(json_values | odd_values)
        elif op == "date":
            value = draw(bad_dates)
        elif op == "dangling":
            value = draw(st.sampled_from(["no-such-record", "x", rid + "-x"]))
        else:
            value = draw(st.sampled_from(all_ids))
        get_at(record, path[:-1])[path[-1]] = value
    new_id = record.get("id") if isinstance(record, dict) else None
    ids = {rid} | ({new_id} if isinstance(new_id, str) else set())
    return raw, cname, index, rid, ids, f"{op} at {cname}[{index}] {'.'.join(map(str, path))}"


def names_record(exc: DatasetError, cname: str, rid: str, ids: set[str], index: int) -> bool:
    """Whether some problem names the changed record (or a record that refers to a
    changed id)."""
    for p in exc.problems:
        if p.record in ids and p.collection in COLLECTIONS:
            return True
        if p.collection == cname and p.record is None and p.path.startswith(f"[{index}]"):
            return True
        if any(repr(i) in p.message for i in ids):
            return True
    return False


class TestArbitraryInput:
    """Arbitrary JSON, text and bytes give a Dataset or a DatasetError, nothing else."""

    @given(json_values)
    def test_arbitrary_json(self, value: Json) -> None:
        """Any JSON document is refused with a DatasetError unless it is a dataset."""
        outcome = check_outcome(json.dumps(value))
        if isinstance(outcome, DatasetError):
            assert all(p.collection in {*COLLECTIONS, "dataset"} for p in outcome.problems)

    @given(
        st.dictionaries(st.sampled_from([*COLLECTIONS, "name", "version", "as_of"]), json_values)
    )
    def test_arbitrary_top_level_fields(self, value: dict[str, Json]) -> None:
        """Arbitrary values under the dataset's own keys never escape as other errors."""
        check_outcome(json.dumps(value))

    @given(
        st.fixed_dictionaries(
            {"name": st.just("n"), "version": st.just("1"), "as_of": st.just("2026-01-01")},
            optional={c: st.lists(json_values, max_size=3) for c in COLLECTIONS},
        )
    )
    def test_arbitrary_records(self, value: dict[str, Json]) -> None:
        """Arbitrary records in every collection: an error names a collection."""
        outcome = check_outcome(json.dumps(value))
        if isinstance(outcome, DatasetError):
            assert all(p.collection in COLLECTIONS for p in outcome.problems)

    @given(st.binary(max_size=200))
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Arbitrary bytes, most not UTF-8 or not JSON, give a file-level problem."""
        outcome = check_outcome(data)
        assert isinstance(outcome, DatasetError)

    @given(st.text(max_size=200))
    def test_arbitrary_text(self, text: str) -> None:
        """Arbitrary text gives a Dataset or a DatasetError."""
        check_outcome(text)

    @given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", '{"a":']))
    @settings(max_examples=examples(20))
    def test_deep_nesting(self, depth: int, opener: str) -> None:
        """Deeply nested JSON is refused, however deep, without a RecursionError."""
        closer = "]" if opener == "[" else "}"
        text = '{"name": "n", "version": "1", "as_of": "2026-01-01", "topics": '
        text += opener * depth + "1" + closer * depth + "}"
        outcome = check_outcome(text)
        assert isinstance(outcome, DatasetError)


class TestBundledMutations:
    """One change to one record of the bundled data is loaded whole or named."""

    def test_bundled_text_loads(self) -> None:
        """The starting point: the bundled data as one document loads equal."""
        assert canjapan.loads(bundled_text()) == canjapan.load()

    @given(mutations())
    @settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
    def test_mutation(self, mutation: Mutation) -> None:
        """A valid whole Dataset, or a DatasetError naming the changed record."""
        raw, cname, index, rid, ids, what = mutation
        outcome = check_outcome(to_text(raw))
        if isinstance(outcome, Dataset):
            assert len(outcome) == record_count(raw), what
            return
        assert names_record(outcome, cname, rid, ids, index), (what, outcome.problems)

    @given(
        st.sampled_from(["name", "version", "as_of", "description", *COLLECTIONS]),
        json_values | odd_values,
    )
    @settings(max_examples=examples(40))
    def test_top_level_mutation(self, key: str, value: Json) -> None:
        """Breaking a top-level field is named at the dataset or collection level."""
        raw = bundled_raw()
        raw[key] = value
        outcome = check_outcome(to_text(raw))
        if isinstance(outcome, DatasetError):
            levels = {"dataset", key}
            # A collection replaced by other records may leave references dangling.
            assert any(p.collection in levels for p in outcome.problems) or (
                key in COLLECTIONS and isinstance(value, list)
            ), outcome.problems

    @given(st.sampled_from(list(COLLECTIONS)), st.integers(min_value=0))
    @settings(max_examples=examples(30))
    def test_duplicate_record(self, cname: str, pick: int) -> None:
        """A record given twice is a duplicate id naming that record."""
        raw = bundled_raw()
        records = raw[cname]
        if not records:
            return
        record = records[pick % len(records)]
        records.append(record)
        outcome = check_outcome(to_text(raw))
        assert isinstance(outcome, DatasetError)
        problems = [(p.collection, p.record, p.path, p.message) for p in outcome.problems]
        assert (cname, record["id"], "id", f"duplicate id (also used in {cname})") in problems
        # A person given twice also overlaps their own tenures; nothing else is named.
        assert {(p.collection, p.record) for p in outcome.problems} == {(cname, record["id"])}


class TestFiles:
    """canjapan.load(path) on files and directories fails only with DatasetError."""

    @given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
    @settings(max_examples=examples(30))
    def test_single_file(self, data: bytes) -> None:
        """A file of arbitrary content is loaded or refused with a DatasetError."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "data.json"
            path.write_bytes(data)
            outcome = attempt(lambda: canjapan.load(path))
            if isinstance(outcome, DatasetError):
                assert outcome.problems
                assert outcome.source == str(path)

    @given(
        st.sampled_from(["dataset.json", *(f"{c}.json" for c in COLLECTIONS)]),
        st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()),
    )
    @settings(max_examples=examples(30))
    def test_directory_file_replaced(self, name: str, data: bytes) -> None:
        """One file of a directory dataset replaced by junk: a DatasetError or a Dataset."""
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            canjapan.dump(canjapan.load(), root)
            (root / name).write_bytes(data)
            outcome = attempt(lambda: canjapan.load(root))
            if isinstance(outcome, DatasetError):
                assert outcome.problems
                # A file that cannot be read or parsed names itself, else the folder.
                assert outcome.source in {str(root), str(root / name)}
            else:
                assert canjapan.loads(canjapan.dumps(outcome)) == outcome


class TestFoundByFuzzing:
    """Inputs that fuzzing once found mishandled, kept as regression tests."""

    @pytest.mark.parametrize("value", [5, None, [], {}, True], ids=repr)
    def test_non_string_for_a_string_field(self, value: Json) -> None:
        """A non-string where a string is expected is a problem naming that field."""
        raw = bundled_raw()
        record = raw["topics"][0]
        record["name"] = value
        with pytest.raises(DatasetError) as info:
            canjapan.loads(to_text(raw))
        assert [(p.collection, p.record, p.path) for p in info.value.problems] == [
            ("topics", record["id"], "name")
        ]

    @pytest.mark.parametrize(
        ("field", "literal"),
        [
            pytest.param("value", "1e999", id="value-inf"),
            pytest.param("value", "-1e999", id="value-minus-inf"),
            pytest.param("value", "1" + "0" * 400, id="value-bigint"),
            pytest.param("latitude", "1e999", id="latitude-inf"),
            pytest.param("latitude", "1" + "0" * 400, id="latitude-bigint"),
        ],
    )
    def test_overflowing_numbers(self, field: str, literal: str) -> None:
        """A number too large for a float is a DatasetError naming the field."""
        raw = bundled_raw()
        if field == "value":
            record = raw["figures"][0]
            record["value"] = f"{RAW_TOKEN}{literal}"
            cname, path = "figures", "value"
        else:
            record = raw["places"][0]
            record["coordinates"] = {"latitude": f"{RAW_TOKEN}{literal}", "longitude": 0}
            cname, path = "places", "coordinates.latitude"
        with pytest.raises(DatasetError) as info:
            canjapan.loads(to_text(raw))
        assert [(p.collection, p.record, p.path) for p in info.value.problems] == [
            (cname, record["id"], path)
        ]

    def test_lone_surrogate(self, tmp_path: Path) -> None:
        """A lone surrogate escape (not Unicode text) is refused, not loaded."""
        raw = bundled_raw()
        text = to_text(raw).replace('"name": "', '"name": "\\ud800', 1)
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        assert [p.message for p in info.value.problems] == [
            "not valid Unicode: lone surrogate '\\ud800'"
        ]
