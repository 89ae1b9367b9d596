"""A reviewed catalogue of bad inputs and the exact problems users see; input safety.

Each case applies one small, named change to tests/data/mini.json and pins the full
list of ``str(problem)`` that loading it gives, so that no message can change
unnoticed.
"""

from __future__ import annotations

import ast
import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import canjapan
from canjapan import DatasetError, Problem
from canjapan._dataset import COLLECTIONS

MINI = Path(__file__).resolve().parent / "data" / "mini.json"
SRC = Path(canjapan.__file__).resolve().parent

Raw = dict[str, Any]


def mini() -> Raw:
    """A fresh copy of the raw mini dataset."""
    raw: Raw = json.loads(MINI.read_text(encoding="utf-8"))
    return raw


def rec(raw: Raw, collection: str, rid: str) -> Raw:
    """The raw record with this id."""
    return next(r for r in raw[collection] if r.get("id") == rid)


def problems_of(raw: object) -> list[str]:
    """``str`` of every problem that loading ``raw`` (as JSON text) reports."""
    with pytest.raises(DatasetError) as info:
        canjapan.loads(json.dumps(raw, ensure_ascii=False))
    return [str(p) for p in info.value.problems]


def _set(collection: str, rid: str, key: str, value: object) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        rec(raw, collection, rid)[key] = value

    return change


def _drop(collection: str, rid: str, key: str) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        del rec(raw, collection, rid)[key]

    return change


def _nested(
    collection: str, rid: str, path: tuple[str | int, ...], value: object
) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        node: Any = rec(raw, collection, rid)
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


def _top(key: str, value: object) -> Callable[[Raw], None]:
    def change(raw: Raw) -> None:
        raw[key] = value

    return change


def _duplicate_topic(raw: Raw) -> None:
    raw["topics"].append(copy.deepcopy(raw["topics"][0]))


def _milestones_reversed_with_bad_place(raw: Raw) -> None:
    milestones = rec(raw, "agreements", "logistics")["milestones"]
    milestones.reverse()  # entered_into_force listed first, then signed
    milestones[0]["place"] = "ottawa"


def _organization_cycle(raw: Raw) -> None:
    """Add a second organisation and make the two each other's parent."""
    dnd = rec(raw, "organizations", "dnd")
    raw["organizations"].append({**copy.deepcopy(dnd), "id": "mod", "parent": "dnd"})
    dnd["parent"] = "mod"


class Case(NamedTuple):
    """One named bad input and the problems it must give."""

    name: str
    change: Callable[[Raw], None]
    expected: list[str]


ENUM_PLACE = "'city', 'facility', 'base', 'sea', 'island', 'region', 'country', 'virtual'"
ENUM_MILESTONE = (
    "'negotiations_launched', 'agreed_in_principle', 'signed', 'approved', 'adopted', "
    "'entered_into_force', 'in_effect', 'terminated'"
)
SLUG = "must be a lowercase slug like 'joint-declaration-2010'"

CASES = [
    Case(
        "missing required field",
        _drop("agreements", "logistics", "title"),
        ["agreements['logistics'].title: required field missing"],
    ),
    Case(
        "unknown field",
        _set("places", "tokyo", "colour", "red"),
        ["places['tokyo']: unknown field: colour"],
    ),
    Case(
        "two unknown fields",
        lambda raw: rec(raw, "places", "tokyo").update(colour="red", size=1),
        ["places['tokyo']: unknown fields: colour, size"],
    ),
    Case(
        "id not a slug",
        _set("topics", "democracy", "id", "Democracy"),
        [f"topics['Democracy'].id: {SLUG}, got 'Democracy'"],
    ),
    Case(
        "empty id",
        _set("topics", "democracy", "id", ""),
        [f"topics[''].id: {SLUG}, got ''"],
    ),
    Case(
        "id a number",
        _set("topics", "democracy", "id", 7),
        ["topics[0].id: expected a string, got a number"],
    ),
    Case(
        "required text null",
        _set("agreements", "logistics", "title", None),
        ["agreements['logistics'].title: expected a string, got null"],
    ),
    Case(
        "optional text an array",
        _set("places", "tokyo", "note", ["a", "b"]),
        ["places['tokyo'].note: expected a string, got an array"],
    ),
    Case(
        "blank text",
        _set("agreements", "logistics", "title", "  "),
        ["agreements['logistics'].title: must be a non-empty string"],
    ),
    Case(
        "vocabulary value not a member",
        _set("places", "tokyo", "kind", "town"),
        [f"places['tokyo'].kind: 'town' is not one of {ENUM_PLACE}"],
    ),
    Case(
        "vocabulary value of the wrong type",
        _set("places", "tokyo", "kind", 3),
        ["places['tokyo'].kind: expected a string, got a number"],
    ),
    Case(
        "impossible date",
        _set("events", "two-plus-two-2011", "start", "2011-02-30"),
        [
            "events['two-plus-two-2011'].start: invalid date '2011-02-30': "
            "day 30 does not exist in 2011-02 (which has 28 days)"
        ],
    ),
    Case(
        "malformed date",
        _set("events", "two-plus-two-2011", "start", "29 August 2011"),
        [
            "events['two-plus-two-2011'].start: invalid date '29 August 2011': expected "
            "YYYY, YYYY-MM, YYYY-MM-DD or a season YYYY-21..24, with an optional ?, ~ or %"
        ],
    ),
    Case(
        "date a number",
        _set("events", "two-plus-two-2011", "start", 2011),
        ["events['two-plus-two-2011'].start: expected an EDTF date string, got a number"],
    ),
    Case(
        "interval where a date is expected",
        _set("events", "two-plus-two-2011", "start", "2011/2012"),
        [
            "events['two-plus-two-2011'].start: invalid date '2011/2012': "
            "this field takes one date, not an interval"
        ],
    ),
    Case(
        "event ends before it starts",
        _set("events", "course-2012", "end", "2012-02-01"),
        ["events['course-2012'].start: 2012-02-13 is after end 2012-02-01"],
    ),
    Case(
        "tenure starts after it ends",
        _nested("people", "kan", ("tenures", 0, "start"), "2012"),
        ["people['kan'].tenures[0].start: 2012 is after end 2011-09-02"],
    ),
    Case(
        "ongoing tenure with an end",
        _nested("people", "noda", ("tenures", 0, "end"), "2012-12-26"),
        ["people['noda'].tenures[0].end: must be absent when ongoing is true"],
    ),
    Case(
        "boolean as a string",
        _nested("people", "noda", ("tenures", 0, "ongoing"), "yes"),
        ["people['noda'].tenures[0].ongoing: expected true or false, got a string"],
    ),
    Case(
        "overlapping tenures of one post",
        _nested("people", "kan", ("tenures", 0, "end"), "2012"),
        ["people['noda'].tenures[0]: tenure in 'jpn-pm' certainly overlaps tenures[0] of 'kan'"],
    ),
    Case(
        "dangling reference",
        _set("events", "two-plus-two-2011", "place", "osaka"),
        ["events['two-plus-two-2011'].place: unknown id 'osaka'"],
    ),
    Case(
        "reference to a record of the wrong kind",
        _set("events", "two-plus-two-2011", "place", "dnd"),
        ["events['two-plus-two-2011'].place: 'dnd' is an Organization, expected a Place"],
    ),
    Case(
        "citation of an unknown source",
        _nested("topics", "democracy", ("citations", 0, "source"), "nowhere"),
        ["topics['democracy'].citations[0].source: unknown id 'nowhere'"],
    ),
    Case(
        "participant of the wrong kind",
        _set("events", "course-2012", "participants", ["tokyo"]),
        [
            "events['course-2012'].participants[0]: "
            "'tokyo' is a Place, expected a Person or an Organization"
        ],
    ),
    Case(
        "array of ids given as one string",
        _set("events", "course-2012", "participants", "dnd"),
        ["events['course-2012'].participants: expected an array, got a string"],
    ),
    Case(
        "array of names given as one string",
        _set("organizations", "dnd", "aliases", "DND"),
        ["organizations['dnd'].aliases: expected an array, got a string"],
    ),
    Case(
        "duplicate id in one collection",
        _duplicate_topic,
        ["topics['democracy'].id: duplicate id (also used in topics)"],
    ),
    Case(
        "duplicate id across collections",
        _set("topics", "democracy", "id", "tokyo"),
        ["topics['tokyo'].id: duplicate id (also used in places)"],
    ),
    Case(
        "organization is its own parent",
        _set("organizations", "dnd", "parent", "dnd"),
        ["organizations['dnd'].parent: an organization cannot be its own parent"],
    ),
    Case(
        "sequence beyond 64 bits",
        _set("events", "two-plus-two-2011", "sequence", 2**63),
        [
            "events['two-plus-two-2011'].sequence: must be a positive int of at most 64 bits, "
            "got 9223372036854775808"
        ],
    ),
    Case(
        "figure value beyond 64 bits",
        _set("figures", "troops", "value", -(2**63) - 1),
        [
            "figures['troops'].value: must be a whole number of at most 64 bits, or a float, "
            "got -9223372036854775809"
        ],
    ),
    Case(
        "organizations in a parent cycle",
        _organization_cycle,
        ["organizations['dnd'].parent: parent links form a cycle: dnd -> mod -> dnd"],
    ),
    Case(
        "empty citations",
        _set("places", "tokyo", "citations", []),
        ["places['tokyo'].citations: must hold at least one citation"],
    ),
    Case(
        "citations missing",
        _drop("places", "tokyo", "citations"),
        ["places['tokyo'].citations: required field missing"],
    ),
    Case(
        "empty quote",
        _nested("places", "tokyo", ("citations", 0, "quote"), ""),
        ["places['tokyo'].citations[0].quote: must be a non-empty string"],
    ),
    Case(
        "country code in lowercase",
        _set("posts", "can-pm", "country", "can"),
        ["posts['can-pm'].country: must be an ISO 3166-1 alpha-3 code like 'CAN', got 'can'"],
    ),
    Case(
        "two-letter party code",
        _set("agreements", "logistics", "parties", ["CAN", "JP"]),
        [
            "agreements['logistics'].parties: "
            "must hold ISO 3166-1 alpha-3 codes like 'CAN', got 'JP'"
        ],
    ),
    Case(
        "language name instead of a tag",
        _set("places", "tokyo", "labels", [{"text": "東京", "language": "Japanese"}]),
        [
            "places['tokyo'].labels[0].language: "
            "must be a BCP 47 language tag like 'en' or 'ja', got 'Japanese'"
        ],
    ),
    Case(
        "label without a language",
        _set("places", "tokyo", "labels", [{"text": "東京"}]),
        ["places['tokyo'].labels[0].language: required field missing"],
    ),
    Case(
        "latitude and longitude swapped",
        _set("places", "tokyo", "coordinates", {"latitude": 139.7, "longitude": 35.7}),
        ["places['tokyo'].coordinates.latitude: must be between -90 and 90, got 139.7"],
    ),
    Case(
        "latitude a boolean",
        _set("places", "tokyo", "coordinates", {"latitude": True, "longitude": 139.7}),
        ["places['tokyo'].coordinates.latitude: expected a number, got a boolean"],
    ),
    Case(
        "null optional field beside a bad one",
        lambda raw: rec(raw, "places", "tokyo").update(note=None, kind="town"),
        [f"places['tokyo'].kind: 'town' is not one of {ENUM_PLACE}"],
    ),
    Case(
        "mechanism ends before it starts",
        lambda raw: rec(raw, "mechanisms", "two-plus-two").update(start="2012", end="2011"),
        ["mechanisms['two-plus-two'].end: 2011 is before start 2012"],
    ),
    Case(
        "coordinates as text",
        _set("places", "tokyo", "coordinates", "35.7N 139.7E"),
        ["places['tokyo'].coordinates: expected a JSON object, got a string"],
    ),
    Case(
        "url not https",
        _set("sources", "src-backgrounder", "url", "http://example.org"),
        ["sources['src-backgrounder'].url: must start with 'https://', got 'http://example.org'"],
    ),
    Case(
        "url a number",
        _set("sources", "src-backgrounder", "url", 5),
        ["sources['src-backgrounder'].url: expected a string, got a number"],
    ),
    Case(
        "figure value as formatted text",
        _set("figures", "troops", "value", "1,500"),
        ["figures['troops'].value: expected a number, got a string"],
    ),
    Case(
        "figure value a boolean",
        _set("figures", "troops", "value", True),
        ["figures['troops'].value: expected a number, got a boolean"],
    ),
    Case(
        "period in words",
        _set("figures", "troops", "period", "18 months"),
        ["figures['troops'].period: must be an ISO 8601 duration like 'P18M', got '18 months'"],
    ),
    Case(
        "session number zero",
        _set("events", "two-plus-two-2011", "sequence", 0),
        ["events['two-plus-two-2011'].sequence: must be a positive int of at most 64 bits, got 0"],
    ),
    Case(
        "session number a fraction",
        _set("events", "two-plus-two-2011", "sequence", 1.5),
        ["events['two-plus-two-2011'].sequence: expected a whole number, got 1.5"],
    ),
    Case(
        "session number a boolean",
        _set("events", "two-plus-two-2011", "sequence", True),
        ["events['two-plus-two-2011'].sequence: expected a whole number, got a boolean"],
    ),
    Case(
        "unknown domain",
        _set("events", "course-2012", "domains", ["land", "water"]),
        [
            "events['course-2012'].domains[1]: "
            "'water' is not one of 'land', 'sea', 'air', 'cyber', 'space'"
        ],
    ),
    Case(
        "milestone before an earlier lifecycle step",
        _nested("agreements", "logistics", ("milestones", 1, "date"), "2017"),
        [
            "agreements['logistics'].milestones[1].date: "
            "entered_into_force 2017 is before signed 2018-04-21"
        ],
    ),
    Case(
        "unknown milestone kind",
        _nested("agreements", "logistics", ("milestones", 1, "kind"), "ratified"),
        [f"agreements['logistics'].milestones[1].kind: 'ratified' is not one of {ENUM_MILESTONE}"],
    ),
    Case(
        "bad reference in a milestone listed out of lifecycle order",
        _milestones_reversed_with_bad_place,
        ["agreements['logistics'].milestones[0].place: unknown id 'ottawa'"],
    ),
    Case(
        "record not an object",
        lambda raw: raw["topics"].__setitem__(0, "democracy"),
        ["topics[0]: expected a JSON object, got a string"],
    ),
    Case(
        "record without an id",
        _drop("topics", "democracy", "id"),
        ["topics[0].id: required field missing"],
    ),
    Case(
        "collection not an array",
        _top("topics", {"democracy": {}}),
        ["topics: expected an array, got an object"],
    ),
    Case(
        "unknown collection",
        _top("treaties", []),
        ["dataset.treaties: unknown field"],
    ),
    Case(
        "as_of not a single day",
        _top("as_of", "2026-03"),
        ["dataset.as_of: must be a single day like '2026-03-06', got '2026-03'"],
    ),
    Case(
        "name missing",
        lambda raw: raw.pop("name"),
        ["dataset.name: required field missing"],
    ),
    Case(
        "version blank",
        _top("version", ""),
        ["dataset.version: must be a non-empty string"],
    ),
    Case(
        "description a number",
        _top("description", 1),
        ["dataset.description: expected a string, got a number"],
    ),
]


def _params() -> list[Any]:
    return [pytest.param(case, id=case.name) for case in CASES]


class TestCatalogue:
    """Each named bad input gives exactly the reviewed problems."""

    def test_catalogue_is_large_and_named_uniquely(self) -> None:
        """The catalogue has at least 30 cases with distinct names."""
        names = [c.name for c in CASES]
        assert len(names) >= 30
        assert len(set(names)) == len(names)

    def test_mini_is_valid(self) -> None:
        """The starting point of every case loads."""
        raw = mini()
        assert len(canjapan.loads(json.dumps(raw))) == sum(len(raw[c]) for c in COLLECTIONS)

    @pytest.mark.parametrize("case", _params())
    def test_problems(self, case: Case) -> None:
        """Loading the changed dataset reports exactly the expected problems."""
        raw = mini()
        case.change(raw)
        assert problems_of(raw) == case.expected

    @pytest.mark.parametrize("case", _params())
    def test_problems_name_a_record_or_the_dataset(self, case: Case) -> None:
        """Every problem names its collection, and a record or an index within it."""
        raw = mini()
        case.change(raw)
        with pytest.raises(DatasetError) as info:
            canjapan.loads(json.dumps(raw))
        assert info.value.problems
        for p in info.value.problems:
            assert isinstance(p, Problem)
            assert p.collection in {*COLLECTIONS, "dataset"}
            if p.collection != "dataset" and p.record is None:
                assert p.path == "" or p.path.startswith("[")


class TestErrorText:
    """The DatasetError's own text lists its problems under a counted heading."""

    def test_heading_and_lines(self) -> None:
        """One problem: a singular heading, then the problem indented."""
        raw = mini()
        rec(raw, "places", "tokyo")["kind"] = "town"
        with pytest.raises(DatasetError) as info:
            canjapan.loads(json.dumps(raw))
        assert str(info.value) == (
            f"invalid dataset: 1 problem\n  places['tokyo'].kind: 'town' is not one of {ENUM_PLACE}"
        )

    def test_many_problems_are_cut_at_twenty(self) -> None:
        """Past twenty problems the text says how many more there are."""
        raw = mini()
        raw["topics"] = [
            {"id": f"t{i}", "name": "T", "kind": "priority", "citations": []} for i in range(25)
        ]
        with pytest.raises(DatasetError) as info:
            canjapan.loads(json.dumps(raw))
        lines = str(info.value).splitlines()
        assert lines[0] == "invalid dataset: 25 problems"
        assert len(info.value.problems) == 25
        assert lines[1] == "  topics['t0'].citations: must hold at least one citation"
        assert lines[-1] == "  ... and 5 more"
        assert len(lines) == 22

    def test_file_source_in_heading(self, tmp_path: Path) -> None:
        """Loading a file names it in the heading."""
        raw = mini()
        raw["version"] = ""
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(path)
        assert str(info.value) == (
            f"invalid dataset {path}: 1 problem\n  dataset.version: must be a non-empty string"
        )
        assert info.value.source == str(path)


class TestFileProblems:
    """Input that is not a JSON object at all is reported at the file level."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                b"{",
                "<string>: not valid JSON: Expecting property name enclosed in "
                "double quotes at line 1 column 2",
                id="truncated",
            ),
            pytest.param(
                b"",
                "<string>: not valid JSON: Expecting value at line 1 column 1",
                id="empty",
            ),
            pytest.param(
                b'{"name": "\xff"}',
                "<string>: not valid UTF-8 (byte 10)",
                id="not-utf8",
            ),
            pytest.param(
                b'{"name": NaN}',
                "<string>: not valid JSON: NaN is not a JSON number",
                id="nan",
            ),
            pytest.param(
                b'{"value": -Infinity}',
                "<string>: not valid JSON: -Infinity is not a JSON number",
                id="infinity",
            ),
            pytest.param(b"[]", "dataset: expected a JSON object, got an array", id="array"),
            pytest.param(b'"x"', "dataset: expected a JSON object, got a string", id="string"),
        ],
    )
    def test_loads(self, text: bytes, expected: str) -> None:
        """Each broken text gives the one expected problem."""
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        assert [str(p) for p in info.value.problems] == [expected]

    def test_file_path_reads_as_a_path(self, tmp_path: Path) -> None:
        """A problem with a file starts with the file's own path."""
        path = tmp_path / "bad.json"
        path.write_bytes(b"{")
        with pytest.raises(DatasetError) as info:
            canjapan.load(path)
        assert [str(p) for p in info.value.problems] == [
            f"{path}: not valid JSON: Expecting property name enclosed in double quotes "
            "at line 1 column 2"
        ]

    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a DatasetError naming it."""
        path = tmp_path / "absent.json"
        with pytest.raises(DatasetError) as info:
            canjapan.load(path)
        [problem] = info.value.problems
        assert (problem.collection, problem.path) == ("file", str(path))
        assert problem.message == "cannot read: No such file or directory"

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that exists but cannot be read is a DatasetError naming it."""
        path = tmp_path / "locked.json"
        path.write_bytes(MINI.read_bytes())

        real_open = os.open

        def denied(file: Any, *args: Any, **kwargs: Any) -> int:
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(os, "open", denied)
        with pytest.raises(DatasetError) as info:
            canjapan.load(path)
        [problem] = info.value.problems
        assert (problem.collection, problem.path) == ("file", str(path))
        assert problem.message == "cannot read: Permission denied"

    def test_directory_without_metadata(self, tmp_path: Path) -> None:
        """A directory needs dataset.json."""
        with pytest.raises(DatasetError) as info:
            canjapan.load(tmp_path)
        assert [p.message for p in info.value.problems] == [
            "missing: a dataset directory needs dataset.json"
        ]
        assert info.value.problems[0].path == str(tmp_path / "dataset.json")

    def test_directory_metadata_not_an_object(self, tmp_path: Path) -> None:
        """dataset.json must hold an object."""
        (tmp_path / "dataset.json").write_text("[1]", encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(tmp_path)
        assert [p.message for p in info.value.problems] == ["expected a JSON object, got an array"]

    def test_directory_collection_file_broken(self, tmp_path: Path) -> None:
        """A broken collection file in a directory is named by its path."""
        canjapan.dump(canjapan.load(MINI), tmp_path)
        (tmp_path / "events.json").write_text('[{"id": ', encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(tmp_path)
        [problem] = info.value.problems
        assert (problem.collection, problem.path) == ("file", str(tmp_path / "events.json"))
        assert problem.message.startswith("not valid JSON: ")

    def test_duplicate_keys(self) -> None:
        """A key given twice in one object is refused rather than silently overwritten."""
        text = MINI.read_text(encoding="utf-8").replace(
            '"name": "Tokyo",', '"name": "Tokyo", "name": "Osaka",'
        )
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        [problem] = info.value.problems
        assert problem.collection == "file"
        assert problem.message.startswith("not valid JSON: duplicate key 'name'")


class TestSafety:
    """Loading never runs code and refuses oversized files before reading them."""

    def test_oversized_file_is_refused_unread(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file over max_bytes is refused with its size and the limit, unread."""
        path = tmp_path / "big.json"
        path.write_bytes(MINI.read_bytes())
        size = path.stat().st_size

        def refuse(*args: object) -> bytes:
            raise AssertionError("the file was read")

        monkeypatch.setattr(os, "read", refuse)
        with pytest.raises(DatasetError) as info:
            canjapan.load(path, max_bytes=size - 1)
        assert [str(p) for p in info.value.problems] == [
            f"{path}: {size} bytes is over the limit of {size - 1} bytes "
            "(pass max_bytes= to load() to raise it)"
        ]

    def test_limit_applies_to_each_file_of_a_directory(self, tmp_path: Path) -> None:
        """In a directory, a collection file over the limit is refused and named."""
        canjapan.dump(canjapan.load(MINI), tmp_path)
        events = tmp_path / "events.json"
        limit = max(f.stat().st_size for f in tmp_path.iterdir() if f != events)
        events.write_text(events.read_text(encoding="utf-8") + " " * limit, encoding="utf-8")
        with pytest.raises(DatasetError) as info:
            canjapan.load(tmp_path, max_bytes=limit)
        [problem] = info.value.problems
        assert problem.path == str(events)
        assert f"over the limit of {limit} bytes" in problem.message

    def test_file_at_the_limit_loads(self, tmp_path: Path) -> None:
        """A file exactly at the limit is accepted."""
        path = tmp_path / "mini.json"
        path.write_bytes(MINI.read_bytes())
        ds = canjapan.load(path, max_bytes=path.stat().st_size)
        assert ds == canjapan.load(MINI)

    def test_default_limit_is_documented(self) -> None:
        """The default limit is 256 MiB and the load() docstring says so."""
        from canjapan._converter import DEFAULT_MAX_BYTES

        assert DEFAULT_MAX_BYTES == 256 * 1024 * 1024
        assert "256 MiB" in (canjapan.load.__doc__ or "")

    @pytest.mark.parametrize(
        "literal", ["NaN", "Infinity", "-Infinity"], ids=["nan", "inf", "minus-inf"]
    )
    def test_non_finite_literals_are_refused(self, literal: str) -> None:
        """NaN and Infinity literals, accepted by Python's json, are refused."""
        text = MINI.read_text(encoding="utf-8").replace('"value": 1500', f'"value": {literal}')
        assert literal in text
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        assert [p.message for p in info.value.problems] == [
            f"not valid JSON: {literal} is not a JSON number"
        ]

    def test_overflowing_number_is_refused(self) -> None:
        """A number too large for a float is refused like Infinity."""
        text = MINI.read_text(encoding="utf-8").replace('"value": 1500', '"value": 1e999')
        with pytest.raises(DatasetError) as info:
            canjapan.loads(text)
        assert [str(p) for p in info.value.problems] == [
            "figures['troops'].value: expected a finite number, got inf"
        ]

    @pytest.mark.parametrize(
        "code",
        [
            "__import__('os').system('echo pwned')",
            "!!python/object/apply:os.system ['echo pwned']",
            "cos\nsystem\n(S'echo pwned'\ntR.",
            "{{ self.__init__.__globals__ }}",
        ],
        ids=["python", "yaml-tag", "pickle", "template"],
    )
    def test_code_in_strings_is_data(self, code: str) -> None:
        """A string holding code is loaded as that very string and never run."""
        raw = mini()
        rec(raw, "places", "tokyo")["name"] = code
        rec(raw, "places", "tokyo")["note"] = code
        ds = canjapan.loads(json.dumps(raw))
        place = ds.get("tokyo", canjapan.Place)
        assert place.name == code
        assert place.note == code
        assert canjapan.loads(canjapan.dumps(ds)) == ds

    def test_sources_never_deserialize_code(self) -> None:
        """No module imports pickle, marshal, yaml or shelve, or calls eval or exec."""
        forbidden_modules = {"pickle", "cPickle", "_pickle", "marshal", "yaml", "shelve", "dill"}
        forbidden_calls = {"eval", "exec", "__import__"}
        found: list[str] = []
        for path in sorted(SRC.rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                else:
                    names = []
                line = getattr(node, "lineno", 0)
                found.extend(
                    f"{rel}:{line} imports {name}"
                    for name in names
                    if name.split(".")[0] in forbidden_modules
                )
                if isinstance(node, ast.Call):
                    func = node.func
                    name = (
                        func.id
                        if isinstance(func, ast.Name)
                        else func.attr
                        if isinstance(func, ast.Attribute)
                        else ""
                    )
                    if name in forbidden_calls:
                        found.append(f"{rel}:{line} calls {name}")
        assert found == []

    def test_sources_were_scanned(self) -> None:
        """The scan above sees the loader's own modules."""
        names = {p.name for p in SRC.rglob("*.py")}
        assert {"_converter.py", "_dataset.py", "_bundled.py", "__init__.py"} <= names
