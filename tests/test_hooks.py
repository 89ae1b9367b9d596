"""Tests for canjapan._hooks: the specialised structure hooks agree with the careful path."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import canjapan
from canjapan import _converter, _hooks
from canjapan._dataset import COLLECTIONS
from tests import profiles
from tests.records import RECORD_STRATEGIES

# Values chosen to sit on the edges of the field rules, plus arbitrary JSON.
TRICKY: list[object] = [
    *("", " ", "x", "CAN", "can", "JP", "en", "EN", "ja-JP", "a-b", "A-b", "a--b"),
    *("2011", "2011-02-30", "2011-21", "2011-21?", "201X", "2010/2011", "2011-06-14"),
    *("https://example.org", "http://example.org", "P18M", "P", "signed", "treaty"),
    *("held", "sea", "city", "government", "dialogue", "priority", "news"),
    *(0, -1, 1, 91, -181, 1.5, 1e308, float("inf"), 10**400, True, False, None),
    *(
        [],
        [""],
        ["CAN"],
        ["JPN", "CAN", "JPN"],
        ["b", "a", "a"],
        ["sea", "air"],
        ["2011"],
        {},
        [{}],
    ),
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
VALUES = st.sampled_from(TRICKY) | JSON
FAST = settings(max_examples=profiles.examples(150), suppress_health_check=[HealthCheck.too_slow])


def each_record_class(test: Callable[..., None]) -> Callable[..., None]:
    """Run a property test once per record class, with its strategy and its class
    (``strategy``, ``cls``) and Hypothesis' ``data``."""
    property_test = FAST(given(data=st.data())(test))
    parametrized: Callable[..., None] = pytest.mark.parametrize(
        ("strategy", "cls"), RECORD_STRATEGIES
    )(property_test)
    return parametrized


def shape(value: Any) -> Any:
    """The value with the exact type of everything in it (``==`` lets a str enum
    member equal its string)."""
    if attrs.has(type(value)):
        return (
            type(value),
            tuple(shape(getattr(value, f.name)) for f in attrs.fields(type(value))),
        )
    if isinstance(value, tuple):
        return (tuple, tuple(shape(v) for v in value))
    return (type(value), value)


def careful(cls: type, raw: object) -> Any:
    """The record as the field-by-field path builds it, or ``None`` if it finds a problem."""
    found: list[tuple[str, str]] = []
    record = _converter._check_record(cls, raw, "", found)
    return None if found else record


def fast(cls: type, raw: object) -> Any:
    """The record as the specialised hook builds it, or ``None`` if it refuses."""
    try:
        return _hooks.HOOKS[cls](raw)
    except Exception:  # any refusal
        return None


def paths(value: object, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value: dict keys and list positions."""
    found = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*here, i))
    return found


def _at(raw: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        raw = raw[step]
    return raw if isinstance(raw, list) else None


def mutate(raw: Any, data: st.DataObject) -> Any:
    """Replace, remove, add or reorder one thing somewhere in ``raw`` (a deep copy)."""
    import copy

    raw = copy.deepcopy(raw)
    action = data.draw(st.sampled_from(["replace", "remove", "add", "reorder"]))
    everywhere = paths(raw)
    if action == "reorder":  # lists of two or more, where order and duplicates matter
        everywhere = [p for p in everywhere if len(_at(raw, p) or ()) > 1] or everywhere
    path = data.draw(st.sampled_from(everywhere))
    if not path:
        return data.draw(VALUES) if action == "replace" else raw
    parent = raw
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = data.draw(VALUES)
    elif action == "remove":
        del parent[last]
    elif action == "reorder" and isinstance(parent[last], list) and len(parent[last]) > 1:
        parent[last] = [*reversed(parent[last]), *parent[last][:1]]
    elif isinstance(parent[last], dict):
        parent[last][data.draw(st.sampled_from(["unknown", "id", "note", "kind"]))] = data.draw(
            VALUES
        )
    else:
        parent[last] = [parent[last]]
    return raw


def reversed_arrays(value: Any) -> Any:
    """The JSON value with every array in it reversed."""
    if isinstance(value, dict):
        return {k: reversed_arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [reversed_arrays(v) for v in reversed(value)]
    return value


class TestHooks:
    """The specialised hooks build what the record classes build, and refuse what they refuse."""

    @each_record_class
    def test_valid_records(
        self, strategy: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """A valid record's JSON gives the record back, with the same exact types."""
        record = data.draw(strategy())
        raw = _converter._converter().unstructure(record, cls)
        assert shape(_hooks.HOOKS[cls](raw)) == shape(record)

    @each_record_class
    def test_changed_records(
        self, strategy: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """After any one change, the hook accepts exactly what the careful path accepts,
        and builds the same record."""
        raw = mutate(_converter._converter().unstructure(data.draw(strategy()), cls), data)
        expected, got = careful(cls, raw), fast(cls, raw)
        assert shape(got) == shape(expected)

    @each_record_class
    def test_reversed_arrays(
        self, strategy: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """With every array in a valid record's JSON reversed, the hook builds what the
        careful path builds (sorted fields sorted again, the others in the new order)."""
        raw = reversed_arrays(_converter._converter().unstructure(data.draw(strategy()), cls))
        expected = careful(cls, raw)
        assert expected is not None
        assert shape(fast(cls, raw)) == shape(expected)

    def test_every_record_class_has_a_hook(self) -> None:
        """Each collection's class, and each record class nested in one, has a hook."""
        nested = {canjapan.Citation, canjapan.Label, canjapan.Coordinates}
        nested |= {canjapan.Milestone, canjapan.Tenure}
        assert set(_hooks.HOOKS) == set(COLLECTIONS.values()) | nested

    def test_hooks_refuse_non_objects(self) -> None:
        """Anything but a JSON object is refused."""
        for hook in _hooks.HOOKS.values():
            values: list[object] = [None, [], "x", 1, (("id", "x"),)]
            for value in values:
                with pytest.raises(_hooks.Rejected):
                    hook(value)

    def test_enum_maps_cover_their_vocabularies(self) -> None:
        """Every member of every vocabulary is looked up by its value."""
        for name in dir(_hooks):
            table = getattr(_hooks, name)
            if name.startswith("_") and name.isupper() and isinstance(table, dict):
                members = list(table.values())
                assert isinstance(members[0], enum.Enum)
                assert table == {m.value: m for m in type(members[0])}


def examples() -> dict[type, dict[str, Any]]:
    """The JSON of one bundled record of each class that has a hook (nested ones too)."""
    found: dict[type, Any] = {}

    def visit(value: Any) -> None:
        if attrs.has(type(value)):
            found.setdefault(type(value), value)
            for f in attrs.fields(type(value)):
                visit(getattr(value, f.name))
        elif isinstance(value, tuple):
            for item in value:
                visit(item)

    for record in canjapan.load():
        visit(record)
    found.setdefault(canjapan.Coordinates, canjapan.Coordinates(latitude=45.4, longitude=-75.7))
    converter = _converter._converter()
    return {cls: converter.unstructure(found[cls], cls) for cls in _hooks.HOOKS}


class TestEveryField:
    """Every field of every record class, set to each edge value, is judged alike."""

    @pytest.mark.parametrize("cls", list(_hooks.HOOKS), ids=lambda c: c.__name__)
    def test_edge_values(self, cls: type) -> None:
        """The hook and the careful path agree on each field set to each edge value,
        alone and inside an array."""
        base = examples()[cls]
        for f in attrs.fields(cls):
            for value in [*TRICKY, *([v] for v in TRICKY)]:
                raw = {**base, f.name: value}
                assert shape(fast(cls, raw)) == shape(careful(cls, raw)), (f.name, value)
            if f.name in base:
                raw = {k: v for k, v in base.items() if k != f.name}
                assert shape(fast(cls, raw)) == shape(careful(cls, raw)), (f.name, "absent")

    @pytest.mark.parametrize("cls", list(_hooks.HOOKS), ids=lambda c: c.__name__)
    def test_unknown_key(self, cls: type) -> None:
        """A key that names no field is refused by both, with or without a value."""
        for value in ("x", None):
            raw = {**examples()[cls], "unknown": value}
            assert fast(cls, raw) is None
            assert careful(cls, raw) is None


def colons_in(value: Any) -> int:
    """The colons in every string a record holds, found by walking its fields."""
    if isinstance(value, str):
        return value.count(":")
    if attrs.has(type(value)):
        return sum(colons_in(getattr(value, f.name)) for f in attrs.fields(type(value)))
    if isinstance(value, tuple):
        return sum(colons_in(v) for v in value)
    return 0


def with_colons(raw: Any, data: st.DataObject, cls: type) -> Any:
    """The JSON with colons added to each string that can take them (the record stays
    valid), where drawn."""
    import copy

    raw = copy.deepcopy(raw)
    for path in paths(raw):
        if not path:
            continue
        parent = raw
        for step in path[:-1]:
            parent = parent[step]
        old = parent[path[-1]]
        if isinstance(old, str) and data.draw(st.booleans()):
            parent[path[-1]] = old + data.draw(st.sampled_from([":", " : ", "::x"]))
            if careful(cls, raw) is None:
                parent[path[-1]] = old
    return raw


class TestColons:
    """The colon counters, which the loader's duplicate-key check relies on, count
    the colons in every string of a record."""

    @each_record_class
    def test_counts_every_string(
        self, strategy: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """Each class's counter gives what walking the record's fields gives."""
        raw = _converter._converter().unstructure(data.draw(strategy()), cls)
        record = careful(cls, with_colons(raw, data, cls))
        assert record is not None
        assert _hooks.COLONS[cls](record) == colons_in(record)

    def test_one_counter_per_hook(self) -> None:
        """Every class with a hook has a counter."""
        assert list(_hooks.COLONS) == list(_hooks.HOOKS)


class TestMemos:
    """Dates, ids and codes are parsed or checked once per text during a load, shared,
    and forgotten after it."""

    def test_equal_dates_share_an_instance(self) -> None:
        """Two milestones dated alike hold the same PartialDate, and the memo is
        empty once the load is over."""
        base = examples()[canjapan.Milestone]
        with _converter._bulk_load():
            first = _hooks.structure_milestone({**base, "date": "2011-06-14"})
            second = _hooks.structure_milestone({**base, "date": "2011-06-14"})
            assert first.date is second.date
            assert first.place is second.place
            assert _hooks.DATES
            assert _hooks.SLUGS
        assert not _hooks.DATES
        assert not _hooks.SLUGS
        assert not _hooks.COUNTRIES

    def test_shared_ids_and_codes(self) -> None:
        """A reference and a country code equal to one seen before are that instance."""
        base = examples()[canjapan.Agreement]
        with _converter._bulk_load():
            # Distinct but equal strings, as a JSON parser makes them.
            one = _hooks.structure_agreement(
                {**base, "id": "".join(["a", "-1"]), "parties": ["".join(["C", "AN"])]}
            )
            two = _hooks.structure_agreement(
                {**base, "id": "".join(["a", "-2"]), "parties": ["".join(["C", "AN"])]}
            )
            assert one.parties[0] is two.parties[0]
            assert one.citations[0].source is two.citations[0].source

    def test_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Past its limit the memo starts again, and dates stay right."""
        monkeypatch.setattr(_hooks, "MEMO_LIMIT", 2)
        base = examples()[canjapan.Milestone]
        with _converter._bulk_load():
            for text in ("2011", "2012-03", "2013-04-05", "2011"):
                record = _hooks.structure_milestone({**base, "date": text})
                assert str(record.date) == text
                assert len(_hooks.DATES) <= 2
                assert len(_hooks.SLUGS) <= 2


class TestFallback:
    """Input the hooks refuse but the records accept still loads, the careful way."""

    class Text(str):
        """A str subclass: valid for the records, not JSON, so the hooks refuse it."""

    def test_structure_dataset_falls_back(self) -> None:
        """A dataset whose strings are a str subclass loads equal to the plain one."""
        source = {"id": "src", "title": "A source"}
        agreement = {
            "id": "a",
            "title": self.Text("An agreement"),
            "kind": "treaty",
            "parties": ["JPN", "CAN"],
            "citations": [{"source": "src", "quote": "q"}],
        }
        meta = {"name": "n", "version": "1", "as_of": "2026-01-01"}
        with pytest.raises(_hooks.Rejected):
            _hooks.structure_agreement(agreement)
        got = _converter.structure_dataset({**meta, "sources": [source], "agreements": [agreement]})
        plain = {**agreement, "title": "An agreement"}
        want = _converter.structure_dataset({**meta, "sources": [source], "agreements": [plain]})
        assert got == want
        assert got.agreements[0].parties == ("CAN", "JPN")

    def test_converter_hook_falls_back(self) -> None:
        """The converter's record hook builds what the specialised hook refuses."""
        raw = {"source": "src", "quote": self.Text("q")}
        record = _converter._converter().structure(raw, canjapan.Citation)
        assert record == canjapan.Citation(source="src", quote="q")
